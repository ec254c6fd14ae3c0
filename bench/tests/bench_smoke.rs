//! CI's check that the benchmark of issue 5 (the `bench` binary) still runs end to end: the
//! same harness at N = 200 with one run, against the debug `dateline` binary, ripgrep only if
//! it is installed. Numbers are printed, never asserted (benchmarks are not timed tests);
//! what is asserted is that every engine built an index and counted the same matches, and
//! that the load test of `dateline serve` answered every request without an error.
//!
//! It has its own `main` (`harness = false` in Cargo.toml) because the harness re-executes
//! the running executable as its peer processes (`--peer ...`).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context;
use dateline_bench::harness;

/// libtest options that take a value: their values are not name filters.
const VALUE_FLAGS: &[&str] = &[
    "--test-threads",
    "--skip",
    "--format",
    "--color",
    "--logfile",
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--peer") {
        if let Err(e) = harness::peer_main(&args[2..]) {
            eprintln!("bench peer: {e:#}");
            std::process::exit(2);
        }
        return;
    }
    if args.iter().any(|a| a == "--list") {
        println!("bench_smoke: test");
        return;
    }
    // `cargo test NAME` passes NAME to every test binary: run only when it names this one.
    let mut filters = Vec::new();
    let mut rest = args.iter().skip(1);
    while let Some(a) = rest.next() {
        if VALUE_FLAGS.contains(&a.as_str()) {
            rest.next();
        } else if !a.starts_with('-') {
            filters.push(a.as_str());
        }
    }
    if !filters.is_empty() && !filters.iter().any(|f| "bench_smoke".contains(f)) {
        println!("bench_smoke: 0 passed, 0 failed, 1 skipped");
        return;
    }

    println!("test bench_smoke ...");
    match smoke() {
        Ok(()) => {
            println!("test bench_smoke ... ok");
            println!("bench_smoke: 1 passed, 0 failed");
        }
        Err(e) => {
            println!("test bench_smoke ... FAILED: {e:#}");
            println!("bench_smoke: 0 passed, 1 failed");
            std::process::exit(101);
        }
    }
}

fn smoke() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let cfg = harness::Config {
        n: 200,
        runs: 1,
        out: dir.path().join("bench"),
        keep: false,
        dateline_bin: dateline_binary()?,
        query_reps: 3,
        process_reps: 1,
        rg_reps: 1,
        ripgrep: true,
        command: "bench/tests/bench_smoke.rs".into(),
    };
    let report = harness::run(&cfg)?;
    println!("{}", report.render());

    for b in report.build.iter().chain([&report.reindex]) {
        anyhow::ensure!(
            b.wall_s > 0.0 && b.size_mib > 0.0,
            "{}: nothing measured",
            b.engine
        );
    }
    anyhow::ensure!(
        !report.notes.iter().any(|n| n.contains("re-index")),
        "re-index re-read files: {:?}",
        report.notes
    );
    anyhow::ensure!(report.queries.len() == harness::QUERIES.len());
    for q in &report.queries {
        let total = |engine: &str| {
            q.engines
                .iter()
                .find(|e| e.engine == engine)
                .map(|e| e.total)
        };
        // Same text, same tokenizer: dateline and bare tantivy must agree exactly. (FTS5's
        // porter stemmer may differ from en_stem on some words, so it is only printed.)
        anyhow::ensure!(
            total("dateline") == total("tantivy"),
            "{}: dateline counted {:?}, bare tantivy {:?}",
            q.name,
            total("dateline"),
            total("tantivy")
        );
    }
    anyhow::ensure!(report.process.len() >= 3, "whole-process rows missing");
    anyhow::ensure!(!report.targets.is_empty());
    // Generating again reuses the corpus on disk.
    let again = harness::corpus::ensure(&cfg.out, cfg.n)?;
    anyhow::ensure!(again.reused, "corpus was not reused");

    // The load test of `dateline serve` runs end to end on the same corpus: every request of
    // every client answered, none failed (latencies are printed, not asserted).
    let load = dateline_bench::serve_load::run(
        &dateline_bench::serve_load::LoadConfig {
            n: cfg.n,
            out: cfg.out.clone(),
            dateline_bin: cfg.dateline_bin.clone(),
            clients: 4,
            requests: 10,
            seconds: 60,
            tantivy_cli: None,
        },
        "bench/tests/bench_smoke.rs",
    )?;
    println!("{}", load.render());
    anyhow::ensure!(
        load.errors == 0,
        "serve load errors: {:?}",
        load.error_samples
    );
    anyhow::ensure!(load.requests == 40, "{} of 40 requests made", load.requests);
    anyhow::ensure!(load.server_peak_rss_mib > 0.0, "no peak RSS read");
    Ok(())
}

/// The dateline binary to measure, current with the sources. Cargo gives a member's tests no
/// `CARGO_BIN_EXE_` for another package's binary, so this asks the cargo that runs the test
/// to build it into the same target folder and profile (a no-op when it is up to date).
/// `DATELINE_BIN` names another binary instead.
fn dateline_binary() -> anyhow::Result<PathBuf> {
    if let Some(bin) = std::env::var_os("DATELINE_BIN") {
        return Ok(bin.into());
    }
    // This test runs as TARGET/PROFILE/deps/bench_smoke-HASH.
    let exe = std::env::current_exe()?;
    let profile = exe
        .parent()
        .and_then(Path::parent)
        .context("the test executable is not in a cargo target folder")?;
    let target = profile.parent().context("no target folder")?;
    let mut cargo = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cargo
        .current_dir(dateline_bench::repo_root())
        .args([
            "build", "--quiet", "--locked", "-p", "dateline", "--bin", "dateline",
        ])
        .arg("--target-dir")
        .arg(target);
    if profile.file_name() == Some("release".as_ref()) {
        cargo.arg("--release");
    }
    let status = cargo.status().context("running cargo")?;
    anyhow::ensure!(
        status.success(),
        "cargo could not build the dateline binary"
    );
    Ok(profile.join("dateline"))
}
