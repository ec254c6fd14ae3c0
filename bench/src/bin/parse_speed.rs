//! Parser throughput on its own, for profiling: reads every file under a directory into
//! memory, then parses them all on one thread with the allocator the binary uses, and prints
//! files, articles, quotes and MB/s. No index is written. With `--dump FILE` it also writes
//! every article as a JSON line, so a change meant only to speed the parser up can be checked
//! to produce exactly the same articles (`cmp` the dumps from before and after).
//!
//! ```sh
//! cargo run --release -p dateline-bench --bin parse_speed -- target/bench-corpus-200000/articles [ROUNDS]
//! perf record -g target/release/parse_speed DIR 3
//! parse_speed DIR 1 --dump before.jsonl
//! ```

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use dateline::parse::{self, ParseOptions};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<()> {
    let usage = "usage: parse_speed DIR [ROUNDS] [--dump FILE]";
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args.first().context(usage)?;
    let rounds: usize = args.get(1).map_or(Ok(1), |r| r.parse())?;
    let mut dump = match args.iter().position(|a| a == "--dump") {
        Some(i) => Some(std::io::BufWriter::new(std::fs::File::create(
            args.get(i + 1).context(usage)?,
        )?)),
        None => None,
    };
    let root = Path::new(dir);
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry?;
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(root)?
                .to_string_lossy()
                .replace('\\', "/");
            files.push((rel, std::fs::read(entry.path())?));
        }
    }
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let options = ParseOptions::default();
    for round in 1..=rounds {
        let started = Instant::now();
        let (mut articles, mut quotes, mut speakers) = (0usize, 0usize, 0usize);
        for (rel, data) in &files {
            let format = parse::detect(rel, &data[..data.len().min(4096)]);
            let parsed = match parse::parse_with(format, rel, data, &options) {
                Ok(a) => a,
                Err(e) => {
                    eprintln!("{rel}: {e}");
                    continue;
                }
            };
            for a in parsed {
                if let (Some(out), 1) = (dump.as_mut(), round) {
                    serde_json::to_writer(&mut *out, &a)?;
                    out.write_all(b"\n")?;
                }
                articles += 1;
                quotes += a.quotes.len();
                speakers += a.quotes.iter().filter(|q| q.speaker.is_some()).count();
            }
        }
        let secs = started.elapsed().as_secs_f64();
        println!(
            "round {round}: {} files, {articles} articles, {quotes} quotes ({speakers} attributed) \
             in {secs:.2} s: {:.1} MB/s, {:.1} µs per file",
            files.len(),
            bytes as f64 / 1e6 / secs,
            secs * 1e6 / files.len().max(1) as f64
        );
    }
    Ok(())
}
