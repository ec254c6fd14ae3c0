//! Peak memory of `dateline export` on the generated benchmark corpus: every article, and a
//! tenth of them (the first months), from the same index, so that a memory that grew with
//! the number exported would show. Each export runs as a child process, its output going to
//! a file whose records are counted. Its peak RSS comes from wait4(2); that counts the pages
//! of the index files tantivy maps into memory and reads (the page cache, which the kernel
//! takes back when it needs to), so the peaks of the process's own memory (`RssAnon`: heap
//! and stacks) and of the mapped files (`RssFile`) are also sampled from /proc every 10 ms.
//!
//! ```sh
//! cargo build --release && cargo run --release -p dateline-bench --bin export_memory -- --n 200000
//! ```

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};
use clap::Parser;
use dateline_bench::harness::{corpus, measure};

/// Measure `dateline export` on the benchmark corpus.
#[derive(Debug, Parser)]
#[command(name = "export_memory")]
struct Args {
    /// Articles in the generated corpus.
    #[arg(long, default_value_t = 200_000)]
    n: usize,
    /// Corpus directory [default: target/bench-corpus-N]; the index is built under it once.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// The dateline binary [default: target/release/dateline]
    #[arg(long, value_name = "PATH")]
    dateline_bin: Option<PathBuf>,
}

fn main() -> Result<()> {
    let args = Args::parse();
    let root = dateline_bench::repo_root();
    let out = args
        .out
        .unwrap_or_else(|| root.join("target").join(format!("bench-corpus-{}", args.n)));
    let bin = args
        .dateline_bin
        .unwrap_or_else(|| root.join("target/release/dateline"));
    let corpus = corpus::ensure(&out, args.n)?;
    let index = out.join("export-index");
    let built = measure::run(
        Command::new(&bin)
            .arg("index")
            .arg(&corpus.articles)
            .arg("--index")
            .arg(&index),
    )?
    .expect_code("dateline index", &[0, 1])?;
    println!(
        "index: {} articles, {:.1} s (an update when it was there already)",
        corpus.info.n,
        built.wall.as_secs_f64()
    );
    // The first months holding about a tenth of the articles.
    let months = measure::run(
        Command::new(&bin)
            .args([
                "search",
                "--limit",
                "0",
                "--facet",
                "month",
                "--facet-limit",
                "0",
                "--json",
                "--index",
            ])
            .arg(&index),
    )?
    .expect_code("dateline search", &[0])?;
    let v: serde_json::Value = serde_json::from_slice(&months.stdout)?;
    let mut counts: Vec<(String, u64)> = v["facets"]["month"]
        .as_array()
        .context("month facet")?
        .iter()
        .map(|e| {
            (
                e["value"].as_str().unwrap_or_default().to_string(),
                e["count"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    counts.sort();
    let (mut upto, mut subset) = (String::new(), 0u64);
    for (month, n) in &counts {
        if subset >= args.n as u64 / 10 {
            break;
        }
        subset += n;
        upto = month.clone();
    }
    let runs: Vec<(&str, Vec<String>)> = vec![
        ("all, default fields, jsonl", vec![]),
        (
            "all, every field (bodies), csv",
            vec![
                "--format".into(),
                "csv".into(),
                "--fields".into(),
                "all".into(),
            ],
        ),
        (
            "first tenth, default fields, jsonl",
            vec!["--to".into(), upto.clone()],
        ),
        (
            "first tenth, every field (bodies), csv",
            vec![
                "--to".into(),
                upto.clone(),
                "--format".into(),
                "csv".into(),
                "--fields".into(),
                "all".into(),
            ],
        ),
    ];
    println!("| export | articles | output | wall | peak RSS | peak RssAnon (own memory) | peak RssFile (mapped index) |");
    println!("|---|---|---|---|---|---|---|");
    for (what, extra) in runs {
        let file = out.join("export.out");
        let stats = sampled(
            Command::new(&bin)
                .arg("export")
                .arg("--index")
                .arg(&index)
                .args(&extra)
                .stdout(Stdio::from(std::fs::File::create(&file)?)),
        )?;
        if stats.code != 0 {
            bail!("{what}: dateline export exited with {}", stats.code);
        }
        let (records, bytes) = count(&file, extra.iter().any(|a| a == "csv"))?;
        if records == 0 {
            bail!("{what}: nothing exported");
        }
        let mib = |b: u64| b as f64 / (1 << 20) as f64;
        println!(
            "| {what} | {records} | {:.0} MiB | {:.1} s | {:.1} MiB | {:.1} MiB | {:.1} MiB |",
            mib(bytes),
            stats.wall.as_secs_f64(),
            mib(stats.max_rss),
            mib(stats.anon),
            mib(stats.file),
        );
        let _ = std::fs::remove_file(&file);
    }
    Ok(())
}

/// What an export cost: wall time, wait4's peak RSS, and the sampled peaks of `RssAnon` and
/// `RssFile`, in bytes.
struct Sampled {
    wall: std::time::Duration,
    max_rss: u64,
    anon: u64,
    file: u64,
    code: i32,
}

/// Runs `cmd` (its stdout already set), sampling /proc/PID/status until it exits.
fn sampled(cmd: &mut Command) -> Result<Sampled> {
    let started = std::time::Instant::now();
    let child = cmd
        .stdin(Stdio::null())
        .spawn()
        .context("starting dateline")?;
    let pid = child.id() as libc::pid_t;
    let status_file = format!("/proc/{pid}/status");
    let (mut anon, mut file) = (0u64, 0u64);
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero rusage is a valid value of a plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        if let Ok(text) = std::fs::read_to_string(&status_file) {
            let kb = |key: &str| {
                text.lines()
                    .find(|l| l.starts_with(key))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|v| v.parse::<u64>().ok())
                    .map_or(0, |v| v * 1024)
            };
            anon = anon.max(kb("RssAnon:"));
            file = file.max(kb("RssFile:"));
        }
        // SAFETY: `pid` is our own child, never waited on by std; the pointers are valid.
        let r = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if r == pid {
            break;
        }
        if r < 0 {
            return Err(std::io::Error::last_os_error()).context("wait4");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    Ok(Sampled {
        wall: started.elapsed(),
        // Linux reports kilobytes.
        max_rss: usage.ru_maxrss as u64 * 1024,
        anon,
        file,
        code: if libc::WIFEXITED(status) {
            libc::WEXITSTATUS(status)
        } else {
            -1
        },
    })
}

/// Records and bytes of an export: lines of JSON Lines; for CSV, line ends outside quoted
/// cells (a body holds line breaks), less the header.
fn count(path: &Path, csv: bool) -> Result<(u64, u64)> {
    let bytes = std::fs::metadata(path)?.len();
    let mut records = 0u64;
    let mut quoted = false;
    let mut reader = BufReader::new(std::fs::File::open(path)?);
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            break;
        }
        for &b in buf {
            match b {
                b'"' if csv => quoted = !quoted,
                b'\n' if !quoted => records += 1,
                _ => {}
            }
        }
        let n = buf.len();
        reader.consume(n);
    }
    Ok((
        if csv {
            records.saturating_sub(1)
        } else {
            records
        },
        bytes,
    ))
}
