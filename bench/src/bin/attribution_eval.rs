//! Speaker attribution on our own labelled development set (issue 21): prints the issue's
//! table for the tuning part, the held-out part and both, from
//! [`dateline_bench::attribution_eval`].
//!
//! ```text
//! cargo run --release -p dateline-bench --bin attribution_eval -- [--misses] [--labels FILE] [--corpora DIR]
//! cargo run --release -p dateline-bench --bin attribution_eval -- --show FILE...   # quotes to label
//! cargo run --release -p dateline-bench --bin attribution_eval -- --show FILE... --blind   # no speakers
//! ```

use std::path::PathBuf;

use dateline_bench::attribution_eval as eval;

/// Scores speaker attribution on the labelled development set.
#[derive(clap::Parser)]
struct Args {
    /// The label file; bench/data/attribution_dev.tsv by default.
    #[arg(long)]
    labels: Option<PathBuf>,
    /// The corpora folder; ../shared/corpora by default.
    #[arg(long)]
    corpora: Option<PathBuf>,
    /// List every quote whose speaker is not the labelled one.
    #[arg(long)]
    misses: bool,
    /// Instead of scoring, print every quote dateline extracts from these corpus files
    /// (paths under the corpora folder) with the text before it, for labelling.
    #[arg(long, num_args = 1..)]
    show: Vec<String>,
    /// With `--show`: print each article's whole text with the extracted quotes marked
    /// `[[n| …]]` and no speakers, so a labeller reads the article without dateline's answer.
    #[arg(long, requires = "show")]
    blind: bool,
}

fn main() {
    let args = <Args as clap::Parser>::parse();
    let root = dateline_bench::repo_root();
    let corpora = args
        .corpora
        .unwrap_or_else(|| root.join("../shared/corpora"));
    if !args.show.is_empty() {
        for file in &args.show {
            let shown = if args.blind {
                eval::show_blind(&corpora, file)
            } else {
                eval::show(&corpora, file)
            };
            match shown {
                Ok(text) => print!("{text}"),
                Err(e) => fail(&e),
            }
        }
        return;
    }
    let path = args
        .labels
        .unwrap_or_else(|| root.join("bench/data/attribution_dev.tsv"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
    let labels =
        eval::read_labels(&text).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
    for (part, title) in [
        (
            Some("tune"),
            "Tuning part (looked at while writing the rules)",
        ),
        (
            Some("held"),
            "Held-out part (not looked at while writing the rules)",
        ),
        (None, "Both parts"),
    ] {
        let report = eval::evaluate(&corpora, &labels, part).unwrap_or_else(|e| fail(&e));
        println!("{}", eval::table(title, &report));
        if args.misses && part.is_some() {
            for m in &report.misses {
                println!("  {m}");
            }
            println!();
        }
    }
}

fn fail(message: &str) -> ! {
    eprintln!("attribution_eval: {message}");
    std::process::exit(2);
}
