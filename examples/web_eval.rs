//! Measures the HTML reader on saved web pages with independent gold: the 1,010 pages of
//! `../shared/corpora/web-pages` (see its SOURCE.md), the same pages htmldate and trafilatura
//! are scored on in the README.
//!
//! ```text
//! cargo run --release --example web_eval -- [--misses date|title|text] [--rounds N] [DIR]
//! cargo run --release --example web_eval -- --show tf0080.html [DIR]
//! ```
//!
//! `--show FILE` prints what the reader makes of one page (date, title, body) and stops.
//!
//! Figures, over the trafilatura evaluation pages (`tf*.html`) as the issue and SOURCE.md give
//! them, then the newspaper4k pages (`np_*.html`, whose gold is that library's output):
//!
//! - **exact day**: share of pages with a gold day whose article date is that day;
//!   **no date**: share of those pages given no date at all; **wrong**: given another day;
//! - **title exact**: share of pages with a gold title whose title equals it, both lower-cased
//!   with white space collapsed and surrounding quotes and punctuation trimmed;
//! - **main text** as trafilatura's own evaluation scores it (tests/comparison.py): each `with`
//!   chunk found in the body is a true positive (else a false negative), each `without` chunk
//!   found a false positive; precision, recall and F1 over all pages pooled. Chunks and body
//!   are compared with white space collapsed (the body's paragraph breaks are not in the gold);
//! - **pages/s**: the best of `--rounds` passes of detect + parse over all pages, one thread.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use dateline::parse::{self, Article, ParseOptions};

/// `println!` that ends the program quietly when its reader has gone (`web_eval … | head`).
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write;
        if writeln!(std::io::stdout().lock(), $($arg)*).is_err() {
            std::process::exit(0);
        }
    }};
}

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Gold {
    date: Option<String>,
    title: Option<String>,
    with: Vec<String>,
    without: Vec<String>,
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The title normalisation: lower case, white space collapsed, quotes and punctuation trimmed.
fn norm_title(s: &str) -> String {
    collapse(&s.to_lowercase())
        .trim_matches(|c: char| {
            c.is_whitespace() || c.is_ascii_punctuation() || "«»“”‘’".contains(c)
        })
        .to_string()
}

#[derive(Default)]
struct Tally {
    dated: usize,
    exact: usize,
    none: usize,
    titled: usize,
    title_exact: usize,
    tp: usize,
    fn_: usize,
    fp: usize,
}

impl Tally {
    fn print(&self, name: &str) {
        let share = |n: usize, d: usize| n as f64 / d.max(1) as f64;
        let p = share(self.tp, self.tp + self.fp);
        let r = share(self.tp, self.tp + self.fn_);
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        say!(
            "{name}: exact day {:.3} of {} dated (no date {:.1}%, wrong {:.1}%); title exact {:.3} of {}; \
             main text P {p:.3} R {r:.3} F1 {f1:.3}",
            share(self.exact, self.dated),
            self.dated,
            100.0 * share(self.none, self.dated),
            100.0 * share(self.dated - self.exact - self.none, self.dated),
            share(self.title_exact, self.titled),
            self.titled,
        );
    }
}

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let (mut misses, mut rounds, mut dir, mut show) = (None, 3usize, None, None);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--misses" => misses = Some(args.next().context("--misses date|title|text")?),
            "--rounds" => rounds = args.next().context("--rounds N")?.parse()?,
            "--show" => show = Some(args.next().context("--show FILE")?),
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let dir = dir.unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/web-pages")
    });
    let mut gold: Vec<(String, Gold)> = Vec::new();
    let tsv = std::fs::read_to_string(dir.join("gold.tsv")).context("gold.tsv")?;
    for line in tsv.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let field = |i: usize| {
            f.get(i)
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        gold.push((
            field(0).context("file")?,
            Gold {
                date: field(2),
                title: field(3),
                with: Vec::new(),
                without: Vec::new(),
            },
        ));
    }
    let index: HashMap<String, usize> = gold
        .iter()
        .enumerate()
        .map(|(i, (f, _))| (f.clone(), i))
        .collect();
    let jsonl = std::fs::read_to_string(dir.join("text_gold.jsonl")).context("text_gold")?;
    for line in jsonl.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let file = v["file"].as_str().context("file")?;
        let g = &mut gold[*index.get(file).context("unknown file")?].1;
        let list = |k: &str| -> Vec<String> {
            v[k].as_array()
                .map(|a| a.iter().filter_map(|s| s.as_str()).map(collapse).collect())
                .unwrap_or_default()
        };
        g.with = list("with");
        g.without = list("without");
    }

    let pages: Vec<(String, Vec<u8>)> = gold
        .iter()
        .map(|(f, _)| Ok((f.clone(), std::fs::read(dir.join("pages").join(f))?)))
        .collect::<Result<_>>()?;
    let options = ParseOptions::default();
    if let Some(file) = show {
        let bytes = std::fs::read(dir.join("pages").join(&file)).context("page")?;
        let format = parse::detect(&file, &bytes[..bytes.len().min(4096)]);
        for a in parse::parse_with(format, &file, &bytes, &options)? {
            say!(
                "date: {:?}\ntitle: {}\nwarnings: {:?}\n\n{}",
                a.date,
                a.title,
                a.warnings,
                a.body
            );
        }
        return Ok(());
    }
    let read = |rel: &str, bytes: &[u8]| -> Option<Article> {
        let format = parse::detect(rel, &bytes[..bytes.len().min(4096)]);
        match parse::parse_with(format, rel, bytes, &options) {
            Ok(mut a) => a.pop(),
            Err(e) => {
                eprintln!("{rel}: {e}");
                None
            }
        }
    };
    let mut best = f64::MAX;
    let mut articles = Vec::new();
    for _ in 0..rounds.max(1) {
        let started = Instant::now();
        articles = pages.iter().map(|(f, b)| read(f, b)).collect();
        best = best.min(started.elapsed().as_secs_f64());
    }

    let (mut tf, mut np) = (Tally::default(), Tally::default());
    for ((file, g), a) in gold.iter().zip(&articles) {
        let t = if file.starts_with("np_") {
            &mut np
        } else {
            &mut tf
        };
        let date = a.as_ref().and_then(|a| a.date).map(|d| d.to_string());
        if let Some(want) = &g.date {
            t.dated += 1;
            if date.as_ref() == Some(want) {
                t.exact += 1;
            } else {
                if date.is_none() {
                    t.none += 1;
                }
                if misses.as_deref() == Some("date") {
                    say!("DATE {file}: want {want}, got {date:?}");
                }
            }
        }
        let title = a.as_ref().map(|a| a.title.as_str()).unwrap_or_default();
        if let Some(want) = &g.title {
            t.titled += 1;
            if norm_title(title) == norm_title(want) {
                t.title_exact += 1;
            } else if misses.as_deref() == Some("title") {
                say!("TITLE {file}: want {want:?}, got {title:?}");
            }
        }
        let body = collapse(a.as_ref().map(|a| a.body.as_str()).unwrap_or_default());
        for chunk in &g.with {
            if body.contains(chunk.as_str()) {
                t.tp += 1;
            } else {
                t.fn_ += 1;
                if misses.as_deref() == Some("text") {
                    say!("MISSING {file}: {chunk:?}");
                }
            }
        }
        for chunk in &g.without {
            if body.contains(chunk.as_str()) {
                t.fp += 1;
                if misses.as_deref() == Some("text") {
                    say!("EXTRA {file}: {chunk:?}");
                }
            }
        }
    }
    tf.print("trafilatura pages");
    np.print("newspaper4k pages");
    let mb: usize = pages.iter().map(|(_, b)| b.len()).sum();
    say!(
        "speed: {} pages in {best:.2} s: {:.0} pages/s, {:.1} MB/s (best of {rounds}, one thread)",
        pages.len(),
        pages.len() as f64 / best,
        mb as f64 / 1e6 / best
    );
    Ok(())
}
