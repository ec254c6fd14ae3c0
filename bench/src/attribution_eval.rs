//! Speaker attribution measured on a development set of our own (issue 21): quotes in
//! `../shared/corpora` articles, each labelled by hand with its speaker as a careful reader
//! would name it from the text alone. The labels live in `bench/data/attribution_dev.tsv`,
//! which refers to each article by its corpus path (and record id) and to each quote by its
//! opening words only; no article text is kept in the repository.
//!
//! Label file: one quote a line, tab-separated, `#` lines are comments:
//!
//! ```text
//! part  row  file  record  opening words  kind  speaker
//! ```
//!
//! - `part`: `tune` (looked at while the rules were written) or `held` (kept aside, reported
//!   apart);
//! - `row`: how the article attributes the quote, one of [`ROWS`];
//! - `file`: the article's path under the corpora folder; `record`: the record id within a
//!   multi-record file (`NEWID` of a Reuters story), `-` for a file with one article;
//! - `opening words`: the first words of the quote, enough to tell it apart in its article;
//! - `kind`: `person`, `organisation`, or `none` (no speaker: unattributed, or not speech);
//! - `speaker`: the fullest name the article gives, `;` between joint speakers, `-` for none.
//!
//! Scoring: a quote is found by its opening words among the quotes dateline extracts from the
//! article (parsed as `dateline index` would parse the file, title first): the first one no
//! earlier label of the file matched, so each extracted quote answers one label. A labelled speaker is **right
//! by last name** when every labelled speaker's last word is the last word of one of the
//! quote's speakers and there are no others, **right in full** when the names are the same.
//! A quote labelled with no speaker is **kept empty** when it has none, or is not extracted.
//! A labelled speaker with no speaker found (or no quote extracted) is **no speaker given**.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use dateline::parse::quote::Quote;
use dateline::parse::text::repair_mojibake;

/// The rows of issue 21's table, in its order, with their label names.
pub const ROWS: &[(&str, &str)] = &[
    ("after", "name after the quote (“…,” Smith said)"),
    ("inverted", "inverted (said Smith)"),
    ("before", "name before the quote (Smith said: “…”)"),
    ("pronoun", "pronoun (he said, name earlier)"),
    ("continuation", "quote-only paragraph continuing a speaker"),
    ("written", "written statement, letter, tweet, post"),
    ("according", "according to"),
    ("organisation", "an organisation speaking"),
    ("joint", "joint speakers"),
    ("unattributed", "no speaker in the text"),
    ("not-speech", "not speech (law, motto, sign, title)"),
];

/// One labelled quote.
#[derive(Debug, Clone)]
pub struct Label {
    /// `tune` or `held`.
    pub part: String,
    /// A row name of [`ROWS`].
    pub row: String,
    /// Path under the corpora folder.
    pub file: String,
    /// Record id within the file, if it holds several articles.
    pub record: Option<String>,
    /// The quote's first words.
    pub opening: String,
    /// `person`, `organisation` or `none`.
    pub kind: String,
    /// The speakers, empty for none.
    pub speakers: Vec<String>,
    /// Line in the label file.
    pub line: usize,
}

/// Reads the label file; a malformed line is an error naming it.
pub fn read_labels(text: &str) -> Result<Vec<Label>, String> {
    let mut labels = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [part, row, file, record, opening, kind, speaker] = cols[..] else {
            return Err(format!(
                "line {}: {} columns, 7 expected",
                i + 1,
                cols.len()
            ));
        };
        if !matches!(part, "tune" | "held") {
            return Err(format!("line {}: part {part:?} is not tune or held", i + 1));
        }
        if !ROWS.iter().any(|(r, _)| *r == row) {
            return Err(format!("line {}: unknown row {row:?}", i + 1));
        }
        if !matches!(kind, "person" | "organisation" | "none") {
            return Err(format!("line {}: unknown kind {kind:?}", i + 1));
        }
        // Labels copy the article as the labeller saw it; a name or opening in mojibake is
        // repaired as the parser repairs the article (`PeÃ±a` is `Peña`).
        let repaired = |s: &str| repair_mojibake(s).map_or_else(|| s.to_string(), |(r, _)| r);
        let (opening, speaker) = (repaired(opening), repaired(speaker));
        let speakers: Vec<String> = if speaker == "-" {
            Vec::new()
        } else {
            speaker.split(';').map(|s| s.trim().to_string()).collect()
        };
        if (kind == "none") != speakers.is_empty() {
            return Err(format!(
                "line {}: kind {kind} with speaker {speaker:?}",
                i + 1
            ));
        }
        labels.push(Label {
            part: part.into(),
            row: row.into(),
            file: file.into(),
            record: (record != "-").then(|| record.to_string()),
            opening,
            kind: kind.into(),
            speakers,
            line: i + 1,
        });
    }
    Ok(labels)
}

/// Lower-case words without punctuation, for matching opening words.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The quotes of every article of a corpus file, by record id (`-` for the whole file's only
/// article).
pub fn quotes_of(root: &Path, file: &str) -> Result<Vec<(String, Vec<Quote>)>, String> {
    Ok(articles_of(root, file)?
        .into_iter()
        .map(|a| {
            let record =
                a.id.rsplit_once('#')
                    .map_or("-".to_string(), |(_, r)| r.to_string());
            (record, a.quotes)
        })
        .collect())
}

/// The speakers dateline gives a quote.
pub fn speakers_of(q: &Quote) -> Vec<String> {
    q.speakers.clone()
}

/// Counts for one table row.
#[derive(Debug, Default, Clone, Copy)]
pub struct Row {
    /// Quotes labelled in this row.
    pub quotes: usize,
    /// Right by last name (or kept empty, for quotes with no speaker).
    pub right: usize,
    /// A speaker labelled, none given.
    pub none_given: usize,
    /// A wrong speaker given (or any, for quotes with no speaker).
    pub wrong: usize,
}

/// The scores of one part (or all) of the set.
#[derive(Debug, Default, Clone)]
pub struct Report {
    /// Per row of [`ROWS`].
    pub rows: HashMap<String, Row>,
    /// Quotes with a labelled speaker.
    pub named: usize,
    /// ... of which the last names are right.
    pub last_right: usize,
    /// ... of which the fullest names are right.
    pub full_right: usize,
    /// Quotes labelled with no speaker.
    pub empty: usize,
    /// ... of which none is given.
    pub empty_kept: usize,
    /// Quotes labelled as organisations speaking.
    pub organisations: usize,
    /// Misses: `line: label → found`.
    pub misses: Vec<String>,
}

/// A name in lower case with one apostrophe (dateline gives `O'Neill` for the article's
/// `O’Neill`, on purpose: one speaker whichever mark the text uses).
fn plain(name: &str) -> String {
    name.replace(['’', 'ʼ'], "'").to_lowercase()
}

/// A name's last word, the surname: the word before a generational suffix (`Bozell` of
/// `Brent Bozell III`, `King` of `Martin Luther King Jr.`). The suffixes are those the
/// parser knows (`GENERATIONS` and `NUMERALS` in `src/parse/quote/names.rs`); keep them alike.
fn last_word(name: &str) -> String {
    let words: Vec<&str> = name
        .split_whitespace()
        .map(|w| w.trim_end_matches(['.', ',']))
        .collect();
    let suffix = |w: &str| matches!(w.to_lowercase().as_str(), "jr" | "sr" | "ii" | "iii" | "iv");
    let last = match &words[..] {
        [.., before, last] if suffix(last) => before,
        [.., last] => last,
        [] => "",
    };
    plain(last)
}

fn same_set(a: &[String], b: &[String], key: impl Fn(&str) -> String) -> bool {
    let mut a: Vec<String> = a.iter().map(|s| key(s)).collect();
    let mut b: Vec<String> = b.iter().map(|s| key(s)).collect();
    a.sort();
    b.sort();
    a == b
}

/// Scores `labels` (those of `part`, or all for `None`), reading articles under `root`.
pub fn evaluate(root: &Path, labels: &[Label], part: Option<&str>) -> Result<Report, String> {
    let mut files: HashMap<&str, Vec<(String, Vec<Quote>)>> = HashMap::new();
    let mut report = Report::default();
    // Each extracted quote answers one label: (file, record, quote) already matched.
    let mut used: HashSet<(&str, &str, usize)> = HashSet::new();
    for label in labels.iter().filter(|l| part.is_none_or(|p| l.part == p)) {
        if !files.contains_key(label.file.as_str()) {
            files.insert(&label.file, quotes_of(root, &label.file)?);
        }
        let record = label.record.as_deref().unwrap_or("-");
        let quotes = files[label.file.as_str()]
            .iter()
            .find(|(r, _)| r == record)
            .map(|(_, q)| q)
            .ok_or_else(|| format!("line {}: no record {record} in {}", label.line, label.file))?;
        let opening = words(&label.opening);
        let at = quotes.iter().enumerate().position(|(k, q)| {
            !used.contains(&(label.file.as_str(), record, k))
                && words(&q.text).starts_with(&opening)
        });
        if let Some(k) = at {
            used.insert((label.file.as_str(), record, k));
        }
        let quote = at.map(|k| &quotes[k]);
        let got = quote.map(speakers_of).unwrap_or_default();
        let row = report.rows.entry(label.row.clone()).or_default();
        row.quotes += 1;
        let ok;
        if label.speakers.is_empty() {
            report.empty += 1;
            ok = got.is_empty();
            if ok {
                report.empty_kept += 1;
                row.right += 1;
            } else {
                row.wrong += 1;
            }
        } else {
            report.named += 1;
            report.organisations += usize::from(label.kind == "organisation");
            let last = same_set(&label.speakers, &got, last_word);
            let full = same_set(&label.speakers, &got, plain);
            report.last_right += usize::from(last);
            report.full_right += usize::from(full);
            ok = full;
            if last {
                row.right += 1;
            } else if got.is_empty() {
                row.none_given += 1;
            } else {
                row.wrong += 1;
            }
        }
        if !ok {
            report.misses.push(format!(
                "line {} [{}] {} “{}”: {} → {}",
                label.line,
                label.row,
                label.file,
                label.opening,
                if label.speakers.is_empty() {
                    "-".to_string()
                } else {
                    label.speakers.join("; ")
                },
                match quote {
                    None => "(not extracted)".to_string(),
                    Some(_) if got.is_empty() => "-".to_string(),
                    Some(_) => got.join("; "),
                }
            ));
        }
    }
    Ok(report)
}

fn ratio(a: usize, b: usize) -> String {
    if b == 0 {
        "–".into()
    } else {
        format!("{:.2}", a as f64 / b as f64)
    }
}

/// The issue's table for `report`, as Markdown.
pub fn table(title: &str, r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{title}\n");
    let _ = writeln!(
        out,
        "| how the article attributes the quote | quotes | right | no speaker given | wrong |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|");
    for (name, title) in ROWS {
        let row = r.rows.get(*name).copied().unwrap_or_default();
        if row.quotes == 0 {
            continue;
        }
        let empty_row = matches!(*name, "unattributed" | "not-speech");
        let _ = writeln!(
            out,
            "| {title} | {} | {}{} | {} | {}{} |",
            row.quotes,
            row.right,
            if empty_row { " kept empty" } else { "" },
            if empty_row {
                "–".to_string()
            } else {
                row.none_given.to_string()
            },
            row.wrong,
            if empty_row { " given a speaker" } else { "" },
        );
    }
    let _ = writeln!(
        out,
        "\nlast name right {} ({}/{}), fullest name right {} ({}/{}), \
         no speaker kept empty {} ({}/{})",
        ratio(r.last_right, r.named),
        r.last_right,
        r.named,
        ratio(r.full_right, r.named),
        r.full_right,
        r.named,
        ratio(r.empty_kept, r.empty),
        r.empty_kept,
        r.empty,
    );
    out
}

/// The articles of a corpus file, parsed as `dateline index` parses it.
fn articles_of(root: &Path, file: &str) -> Result<Vec<dateline::parse::Article>, String> {
    let path = root.join(file);
    let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let head = &bytes[..bytes.len().min(4096)];
    let format = dateline::parse::detect(file, head);
    dateline::parse::parse(format, file, &bytes, &Default::default())
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// Each article of a corpus file that has quotes, as its whole text with every extracted
/// quote marked `[[n| …]]` and no speaker: what a labeller reads before seeing dateline's
/// answer (a quote the reader sees but dateline did not mark is labelled all the same).
pub fn show_blind(root: &Path, file: &str) -> Result<String, String> {
    let mut out = String::new();
    for a in articles_of(root, file)?
        .iter()
        .filter(|a| !a.quotes.is_empty())
    {
        let _ = writeln!(out, "=== {} ({} quotes)", a.id, a.quotes.len());
        // Title quotes are numbered first, as the article lists them; their offsets are in
        // the title.
        let numbered: Vec<(usize, &Quote)> = a.quotes.iter().enumerate().collect();
        let (title, body): (Vec<_>, Vec<_>) = numbered.into_iter().partition(|(_, q)| q.in_title);
        marked(&mut out, &a.title, &title);
        out.push_str("\n\n");
        marked(&mut out, &a.body, &body);
        out.push_str("\n\n");
    }
    Ok(out)
}

/// `text` with each of `quotes` (numbered, offsets in `text`) marked `[[n| …]]`.
fn marked(out: &mut String, text: &str, quotes: &[(usize, &Quote)]) {
    let chars: Vec<char> = text.chars().collect();
    let mut at = 0;
    for (n, q) in quotes {
        let start = q.start.clamp(at, chars.len());
        let end = q.end.clamp(start, chars.len());
        out.extend(&chars[at..start]);
        let _ = write!(out, "[[{}| {}]]", n + 1, q.text);
        at = end;
    }
    out.extend(&chars[at..]);
}

/// Every quote dateline extracts from a corpus file, with its speaker and the text before
/// it, one block per quote: what a labeller reads.
pub fn show(root: &Path, file: &str) -> Result<String, String> {
    let articles = articles_of(root, file)?;
    let mut out = String::new();
    for a in articles.iter().filter(|a| !a.quotes.is_empty()) {
        let chars: Vec<char> = a.body.chars().collect();
        let _ = writeln!(out, "=== {} ({} quotes)", a.id, a.quotes.len());
        let mut shown = 0;
        for q in &a.quotes {
            let from = q.start.saturating_sub(260).max(shown);
            let before: String = chars[from..q.start.min(chars.len())].iter().collect();
            let after: String = chars[q.end.min(chars.len())..(q.end + 80).min(chars.len())]
                .iter()
                .collect();
            let _ = writeln!(
                out,
                "{}[[{}]]{}\n    -> {} | {}\n",
                before.replace('\n', "¶"),
                q.text.replace('\n', "¶"),
                after.replace('\n', "¶"),
                q.speaker.as_deref().unwrap_or("-"),
                speakers_of(q).join("; ")
            );
            shown = q.end;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::{last_word, read_labels, show_blind};

    /// A headline's quotes are marked in the headline, a body's in the body (the offsets of a
    /// headline quote are the headline's); labels are read through the parser's mojibake
    /// repair.
    #[test]
    fn the_blind_view_marks_headline_quotes_in_the_headline() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.txt"),
            "Vick: 'We will win so much.'\n\nJon Vick was magnanimous in declaring victory \
             on Tuesday night.\n\n“We will keep going,” Vick said.\n",
        )
        .unwrap();
        let out = show_blind(dir.path(), "a.txt").unwrap();
        assert!(out.contains("Vick: '[[1| We will win so much.]]'"), "{out}");
        assert!(
            out.contains("Jon Vick was magnanimous in declaring"),
            "{out}"
        );
        assert!(
            out.contains("“[[2| We will keep going,]]” Vick said."),
            "{out}"
        );
        let labels =
            read_labels("held\tbefore\ta.txt\t-\tNo to the wall\tperson\tEnrique PeÃ±a Nieto\n")
                .unwrap();
        assert_eq!(labels[0].speakers, ["Enrique Peña Nieto"]);
    }

    /// The last name skips a generational suffix, so `Brent Bozell` and `Brent Bozell III`
    /// share it and `Bozell` is not `III`.
    #[test]
    fn the_last_name_skips_a_suffix() {
        assert_eq!(last_word("Brent Bozell III"), "bozell");
        assert_eq!(last_word("Martin Luther King Jr."), "king");
        assert_eq!(last_word("Joseph R. Biden, Jr."), "biden");
        assert_eq!(last_word("Dan O’Neill"), "o'neill");
        assert_eq!(last_word("Jr"), "jr");
        assert_ne!(
            last_word("Brent Bozell III"),
            last_word("Brent Bozell II Smith")
        );
    }
}
