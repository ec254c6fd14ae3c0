//! The benchmark of issue 5: dateline against bare tantivy, SQLite FTS5 and ripgrep on a
//! generated corpus, all measured in the same run. Not part of the product: it only measures.
//!
//! ```sh
//! scripts/bench-setup.sh                 # release binary and ripgrep
//! cargo run --release -p dateline-bench --bin bench -- --n 200000 --runs 3 --json bench.json
//! ```
//!
//! The corpus is generated once under `--out` (default `target/bench-corpus-N`) and reused.
//! Peers run as child processes of this executable (`bench --peer ...`), so every build's
//! wall time, CPU time and peak RSS are measured the same way. See BENCHMARKS.md.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Parser;
use dateline_bench::harness;

/// Benchmark dateline against bare tantivy, SQLite FTS5 and ripgrep.
#[derive(Debug, Parser)]
#[command(name = "bench")]
struct Args {
    /// Articles in the generated corpus.
    #[arg(long, default_value_t = 200_000)]
    n: usize,
    /// Repetitions of every measurement; medians are reported.
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// Corpus and work directory [default: target/bench-corpus-N]
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Keep the built indexes (under DIR/work) after the run.
    #[arg(long)]
    keep: bool,
    /// Also write the report as JSON to this file.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// The dateline binary to measure [default: target/release/dateline]
    #[arg(long, value_name = "PATH")]
    dateline_bin: Option<PathBuf>,
    /// Timed repetitions of each in-process query per run.
    #[arg(long, default_value_t = 50)]
    query_reps: usize,
    /// Whole-process searches per engine per run.
    #[arg(long, default_value_t = 10)]
    process_reps: usize,
    /// ripgrep runs per run (each reads the whole corpus).
    #[arg(long, default_value_t = 3)]
    rg_reps: usize,
    /// Do not run ripgrep.
    #[arg(long)]
    no_ripgrep: bool,
}

fn main() {
    if let Err(e) = real_main() {
        eprintln!("bench: {e:#}");
        std::process::exit(2);
    }
}

fn real_main() -> Result<()> {
    let argv: Vec<String> = std::env::args().collect();
    if argv.get(1).map(String::as_str) == Some("--peer") {
        return harness::peer_main(&argv[2..]);
    }
    let args = Args::parse();
    let root = dateline_bench::repo_root();
    let cfg = harness::Config {
        n: args.n,
        runs: args.runs,
        out: args
            .out
            .unwrap_or_else(|| root.join("target").join(format!("bench-corpus-{}", args.n))),
        keep: args.keep,
        dateline_bin: args
            .dateline_bin
            .unwrap_or_else(|| root.join("target/release/dateline")),
        query_reps: args.query_reps,
        process_reps: args.process_reps,
        rg_reps: args.rg_reps,
        ripgrep: !args.no_ripgrep,
        command: format!(
            "cargo run --release -p dateline-bench --bin bench -- {}",
            argv[1..].join(" ")
        ),
    };
    let report = harness::run(&cfg)?;
    print!("{}", report.render());
    if let Some(path) = &args.json {
        std::fs::write(path, serde_json::to_string_pretty(&report)?)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}
