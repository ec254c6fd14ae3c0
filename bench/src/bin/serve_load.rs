//! The load test of `dateline serve` (issue 19): 32 clients on loopback against the server on
//! the benchmark's 200,000-article index, bounded in requests and time. See BENCHMARKS.md.
//!
//! ```sh
//! cargo build --release --bin dateline
//! cargo run --release -p dateline-bench --bin serve_load -- --n 200000 --clients 32
//! ```

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Parser;
use dateline_bench::serve_load::{self, LoadConfig};

/// Load `dateline serve` with concurrent clients on 127.0.0.1.
#[derive(Debug, Parser)]
#[command(name = "serve_load")]
struct Args {
    /// Articles in the generated corpus.
    #[arg(long, default_value_t = 200_000)]
    n: usize,
    /// Corpus and work directory [default: target/bench-corpus-N]
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// The dateline binary [default: target/release/dateline]
    #[arg(long, value_name = "PATH")]
    dateline_bin: Option<PathBuf>,
    /// Concurrent clients.
    #[arg(long, default_value_t = 32)]
    clients: usize,
    /// Requests per client at most.
    #[arg(long, default_value_t = 200)]
    requests: usize,
    /// Seconds of load at most.
    #[arg(long, default_value_t = 60)]
    seconds: u64,
    /// tantivy-cli's binary (`cargo install tantivy-cli`): also load its `serve` on the same
    /// articles, beside dateline asked for the same hits without facets.
    #[arg(long, value_name = "PATH")]
    tantivy_cli: Option<PathBuf>,
    /// Also write the report as JSON to this file.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
}

fn main() {
    if let Err(e) = real_main() {
        eprintln!("serve_load: {e:#}");
        std::process::exit(2);
    }
}

fn real_main() -> Result<()> {
    let args = Args::parse();
    let root = dateline_bench::repo_root();
    let cfg = LoadConfig {
        n: args.n,
        out: args
            .out
            .unwrap_or_else(|| root.join("target").join(format!("bench-corpus-{}", args.n))),
        dateline_bin: args
            .dateline_bin
            .unwrap_or_else(|| serve_load::default_bin(&root)),
        clients: args.clients,
        requests: args.requests,
        seconds: args.seconds,
        tantivy_cli: args.tantivy_cli,
    };
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let command = format!(
        "cargo run --release -p dateline-bench --bin serve_load -- {}",
        argv.join(" ")
    );
    let mut reports = vec![serve_load::run(&cfg, &command)?];
    print!("{}", reports[0].render());
    for peer in serve_load::run_peers(&cfg, &command)? {
        print!("\n{}", peer.render());
        reports.push(peer);
    }
    if let Some(path) = &args.json {
        std::fs::write(path, serde_json::to_string_pretty(&reports)?)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}
