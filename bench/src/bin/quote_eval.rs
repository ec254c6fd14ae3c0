//! The PolNeAR quote evaluation as a command: scores dateline's quote extraction and speaker
//! attribution on one or more splits and prints the figures of [`dateline_bench::quote_eval`].
//!
//! ```text
//! cargo run --release -p dateline-bench --bin quote_eval -- [--split test] [--misses N] [--dump FILE] [PATH_TO_POLNEAR]
//! ```

use std::path::PathBuf;

use dateline_bench::quote_eval;

/// Scores dateline's quote extraction and speaker attribution on PolNeAR.
#[derive(clap::Parser)]
struct Args {
    /// Splits to score, comma-separated: train, dev, test, annotator-training.
    #[arg(long, value_delimiter = ',', default_value = "test")]
    split: Vec<String>,
    /// Print up to N misses of each kind (missed fragments, wrong quotes, wrong speakers).
    #[arg(long, value_name = "N", default_value_t = 0)]
    misses: usize,
    /// Write every extracted quote with its context to FILE.SPLIT.tsv, for analysis.
    #[arg(long, value_name = "FILE")]
    dump: Option<PathBuf>,
    /// The PolNeAR folder (the one holding `data/`); ../shared/corpora/polnear by default.
    path: Option<PathBuf>,
}

fn main() {
    let args = <Args as clap::Parser>::parse();
    let root = args
        .path
        .unwrap_or_else(|| dateline_bench::repo_root().join("../shared/corpora/polnear"));
    for split in &args.split {
        let report = match quote_eval::evaluate(&root, split) {
            Ok(r) => r,
            Err(e) => {
                eprintln!(
                    "quote_eval: {}: {e}",
                    root.join("data").join(split).display()
                );
                std::process::exit(2);
            }
        };
        print!("{}", quote_eval::summary(split, &report));
        if let Some(path) = &args.dump {
            let path = path.with_extension(format!("{split}.tsv"));
            if let Err(e) = std::fs::write(&path, report.dump.join("\n") + "\n") {
                eprintln!("quote_eval: {}: {e}", path.display());
                std::process::exit(2);
            }
        }
        if args.misses > 0 {
            for (title, list) in [
                ("missed gold fragments", &report.missed),
                ("extracted quotes outside gold content", &report.wrong),
                ("wrong speakers", &report.wrong_speaker),
            ] {
                println!("\n{title} ({}):", list.len());
                for line in list.iter().take(args.misses) {
                    println!("  {line}");
                }
            }
            println!();
        }
    }
}
