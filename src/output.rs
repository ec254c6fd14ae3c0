//! Results as text for people: ranked hits with highlighted snippets, facet tables and
//! histogram bars. Pure string building: it never touches tantivy or the terminal; the
//! caller says whether colour is wanted.

use std::fmt::Write;

use crate::{Facets, IndexReport, QuoteResults, SearchResults, Stats};

/// A value as the JSON that `--json` prints (pretty, with a final newline): the CLI and the
/// HTTP API (`dateline serve`) both answer through this one function, so their JSON is the same
/// byte for byte.
/// Fails only for a value JSON cannot hold (a path that is not UTF-8).
pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut s = serde_json::to_string_pretty(value)?;
    s.push('\n');
    Ok(s)
}

/// How to draw.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// ANSI colour and bold.
    pub color: bool,
    /// Without colour, mark matched words with `[…]` (else plain text is left unmarked).
    pub brackets: bool,
    /// Widest histogram bar, in cells.
    pub bar_width: usize,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            color: false,
            brackets: false,
            bar_width: 40,
        }
    }
}

/// Widest title shown in the hit list, in characters.
const TITLE_CHARS: usize = 100;

const BOLD: &str = "\x1b[1m";
const HIGHLIGHT: &str = "\x1b[1;31m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// Drops terminal control characters (other than newline and tab) from text that came from
/// files, so an article cannot move the cursor or change colours.
pub fn strip_controls(s: &str) -> String {
    s.chars()
        .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
        .collect()
}

/// Text with `[start, end)` character ranges marked: in colour, in `[…]` brackets, or not
/// at all, as the style says.
pub fn highlight(text: &str, ranges: &[[usize; 2]], style: Style) -> String {
    let (open, close) = if style.color {
        (HIGHLIGHT, RESET)
    } else if style.brackets {
        ("[", "]")
    } else {
        ("", "")
    };
    let mut out = String::with_capacity(text.len() + ranges.len() * 8);
    let mut r = ranges.iter().peekable();
    for (i, c) in text.chars().enumerate() {
        if r.peek().is_some_and(|x| x[0] == i) {
            out.push_str(open);
        }
        if c == '\n' {
            out.push(' ');
        } else if !c.is_control() {
            out.push(c);
        }
        if r.peek().is_some_and(|x| x[1] == i + 1) {
            out.push_str(close);
            r.next();
        }
    }
    out
}

/// The search results as a person reads them.
pub fn search_text(r: &SearchResults, style: Style) -> String {
    let mut out = String::new();
    let b = |s: &str| bold(s, style);
    let collapsed = r.hits.iter().any(|h| h.copies.is_some());
    let head = match r.stories {
        Some(n) if collapsed => format!(
            "{} ({} article{})",
            count_line(n, "story", r.offset, r.hits.len()),
            r.total,
            if r.total == 1 { "" } else { "s" }
        ),
        _ => count_line(r.total, "article", r.offset, r.hits.len()),
    };
    let _ = writeln!(out, "{head}");
    // A search without words ranks nothing: its hits have no score to show.
    let scored = !matches!(r.query.trim(), "" | "*");
    for (i, h) in r.hits.iter().enumerate() {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "{:>3}. {}  {}  {}",
            r.offset + i + 1,
            h.date.map_or("undated   ".to_string(), |d| d.to_string()),
            b(&strip_controls(h.city.as_deref().unwrap_or("-"))),
            crate::parse::text::truncate_words(&strip_controls(&h.title), TITLE_CHARS)
        );
        let snippet = highlight(&h.snippet, &h.highlights, style);
        let _ = writeln!(out, "     {}", snippet.trim());
        let mut meta = strip_controls(&h.id);
        if let Some(source) = &h.source {
            meta = format!("{}  {meta}", strip_controls(source));
        }
        if scored {
            meta = format!("{meta}  score {:.2}", h.score);
        }
        if style.color {
            let _ = writeln!(out, "     {DIM}{meta}{RESET}");
        } else {
            let _ = writeln!(out, "     {meta}");
        }
        if let Some(n) = h.copies.filter(|&n| n > 1) {
            let listed: Vec<String> = h
                .other_copies
                .iter()
                .take(5)
                .map(|c| {
                    let mut s = strip_controls(&c.id);
                    if let Some(d) = c.date {
                        s = format!("{s} {d}");
                    }
                    if let Some(src) = &c.source {
                        s = format!("{s} {}", strip_controls(src));
                    }
                    s
                })
                .collect();
            let more = (n as usize - 1).saturating_sub(listed.len());
            let tail = if more > 0 {
                format!("; {more} more")
            } else {
                String::new()
            };
            let _ = writeln!(out, "     +{} copies: {}{tail}", n - 1, listed.join("; "));
        }
    }
    facet_tables(&mut out, &r.facets, style);
    if let Some(top) = &r.top_words {
        let _ = writeln!(
            out,
            "  (terms: in how many of the first {} matches; ranked by log-likelihood G² against all {} articles)",
            top.sample, top.articles
        );
    }
    if let Some(hist) = &r.histogram {
        let _ = writeln!(out, "\n{}", b("histogram"));
        let normalized = hist.iter().any(|h| h.total.is_some());
        if normalized {
            // The bar draws the share, so a period when the archive holds more articles
            // does not look like more attention.
            let _ = writeln!(
                out,
                "  {:<10} {:>7} {:>9} {:>7}",
                "period", "matches", "of all", "share"
            );
            let max = hist.iter().filter_map(|h| h.share).fold(0.0f64, f64::max);
            for h in hist {
                let share = h.share.unwrap_or(0.0);
                let cells = if max > 0.0 {
                    (share / max * style.bar_width as f64).round() as usize
                } else {
                    0
                };
                let cells = if h.count > 0 { cells.max(1) } else { 0 };
                let _ = writeln!(
                    out,
                    "  {:<10} {:>7} {:>9} {:>7} {}",
                    h.period,
                    h.count,
                    h.total.unwrap_or(0),
                    h.share
                        .map_or("-".to_string(), |s| format!("{:.1}%", s * 100.0)),
                    "█".repeat(cells)
                );
            }
        } else {
            let max = hist.iter().map(|h| h.count).max().unwrap_or(0).max(1);
            for h in hist {
                let cells = (h.count as f64 / max as f64 * style.bar_width as f64).round() as usize;
                let cells = if h.count > 0 { cells.max(1) } else { 0 };
                let _ = writeln!(
                    out,
                    "  {:<10} {:>7} {}",
                    h.period,
                    h.count,
                    "█".repeat(cells)
                );
            }
        }
    }
    out
}

fn facet_tables(out: &mut String, facets: &Facets, style: Style) {
    for (name, values) in facets {
        if values.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", bold(name.name(), style));
        let width = values
            .iter()
            .map(|v| v.value.chars().count())
            .max()
            .unwrap_or(0)
            .min(40);
        for v in values {
            let _ = writeln!(
                out,
                "  {:<width$}  {:>7}",
                strip_controls(&v.value),
                v.count
            );
        }
    }
}

fn bold(s: &str, style: Style) -> String {
    if style.color {
        format!("{BOLD}{s}{RESET}")
    } else {
        s.to_string()
    }
}

/// Quote results as a person reads them.
pub fn quotes_text(r: &QuoteResults, style: Style) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        count_line(r.total, "quote", r.offset, r.quotes.len())
    );
    for q in &r.quotes {
        // Joint speakers together: `Nancy Pelosi and Chuck Schumer`.
        let names = match q.speakers.as_slice() {
            [] => q.speaker.clone(),
            [one] => Some(one.clone()),
            [rest @ .., last] => Some(format!("{} and {last}", rest.join(", "))),
        };
        let who = match (names, &q.role) {
            (Some(s), Some(role)) => format!("{s} ({role})"),
            (Some(s), None) => s,
            _ => "unknown speaker".to_string(),
        };
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "  “{}”",
            highlight(&q.text, &q.highlights, style).trim()
        );
        let _ = writeln!(
            out,
            "     — {}, {} {}  [{}{}]",
            strip_controls(&who),
            q.date.map_or("undated".to_string(), |d| d.to_string()),
            strip_controls(q.city.as_deref().unwrap_or("-")),
            strip_controls(&q.article_id),
            if q.in_title { ", headline" } else { "" }
        );
    }
    facet_tables(&mut out, &r.facets, style);
    out
}

/// The first line of results: how many match, and which of them are shown
/// (`126 articles match; showing 21–30`), or that the page is past the end.
fn count_line(total: u64, what: &str, offset: usize, shown: usize) -> String {
    let word = match what.strip_suffix('y') {
        _ if total == 1 => what.to_string(),
        Some(stem) => format!("{stem}ies"),
        None => format!("{what}s"),
    };
    let verb = if total == 1 { "matches" } else { "match" };
    let head = format!("{total} {word} {verb}");
    if shown == 0 && total > 0 && offset as u64 >= total {
        format!(
            "{head}; none shown from {} on (--offset {offset})",
            offset + 1
        )
    } else if shown > 0 && offset == 0 && (shown as u64) < total {
        format!("{head}; showing the first {shown}")
    } else if shown == 1 && offset > 0 {
        format!("{head}; showing no. {}", offset + 1)
    } else if shown > 0 && offset > 0 {
        format!("{head}; showing {}–{}", offset + 1, offset + shown)
    } else {
        head
    }
}

/// The indexing summary.
pub fn report_text(r: &IndexReport) -> String {
    let mut out = String::new();
    for s in &r.skipped {
        let _ = writeln!(out, "skipped: {}: {}", strip_controls(&s.path), s.reason);
    }
    let _ = writeln!(
        out,
        "indexed {}, updated {}, unchanged {}, removed {}, skipped {} file{}, {} warning{} in {:.1}s",
        r.indexed,
        r.updated,
        r.unchanged,
        r.removed,
        r.skipped.len(),
        if r.skipped.len() == 1 { "" } else { "s" },
        r.warnings.len(),
        if r.warnings.len() == 1 { "" } else { "s" },
        r.elapsed_ms as f64 / 1000.0
    );
    if !r.not_articles.is_empty() {
        let n = r.not_articles.len();
        let first = &r.not_articles[0];
        let _ = writeln!(
            out,
            "{n} file{} left out as not articles (e.g. {}: {}); --json lists them, --all-files \
             indexes them",
            if n == 1 { "" } else { "s" },
            strip_controls(&first.path),
            first.reason
        );
    }
    warning_summary(&mut out, &r.warnings);
    if r.links_skipped > 0 {
        let _ = writeln!(
            out,
            "{} symbolic link{} not followed (use --follow)",
            r.links_skipped,
            if r.links_skipped == 1 { "" } else { "s" }
        );
    }
    out
}

/// Most warnings say one of a few things (`no date`, `no dateline city`): they are counted by
/// what they say, with an example each, most common first; `--json` lists every one.
fn warning_summary(out: &mut String, warnings: &[crate::Skipped]) {
    /// Kinds of warning shown; the rest are counted in one line.
    const KINDS: usize = 5;
    if warnings.is_empty() {
        return;
    }
    let mut kinds: Vec<(&str, usize, &str)> = Vec::new();
    for w in warnings {
        match kinds.iter_mut().find(|k| k.0 == w.reason) {
            Some(k) => k.1 += 1,
            None => kinds.push((&w.reason, 1, &w.path)),
        }
    }
    kinds.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    for (reason, count, example) in kinds.iter().take(KINDS) {
        let _ = writeln!(
            out,
            "warning: {} × {} (e.g. {})",
            count,
            strip_controls(reason),
            strip_controls(example)
        );
    }
    if kinds.len() > KINDS {
        let rest: usize = kinds[KINDS..].iter().map(|k| k.1).sum();
        let _ = writeln!(
            out,
            "warning: {rest} more of {} other kinds",
            kinds.len() - KINDS
        );
    }
    let _ = writeln!(
        out,
        "(every warning with its article: dateline index --json)"
    );
}

/// The index summary.
pub fn stats_text(s: &Stats) -> String {
    format!(
        "articles   {}\nundated    {}\nquotes     {}\ncities     {}\nfirst date {}\nlast date  {}\nsize       {:.1} MB\n",
        s.articles,
        s.undated,
        s.quotes,
        s.cities,
        s.first_date.map_or("-".to_string(), |d| d.to_string()),
        s.last_date.map_or("-".to_string(), |d| d.to_string()),
        s.size_bytes as f64 / 1e6
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_are_counted_by_kind_with_an_example() {
        let w = |path: &str, reason: &str| crate::Skipped {
            path: path.into(),
            reason: reason.into(),
        };
        let mut warnings = vec![w("a#1", "no date"), w("a#2", "no dateline city")];
        warnings.extend((3..6).map(|i| w(&format!("a#{i}"), "no date")));
        warnings.extend((0..6).map(|i| w(&format!("k{i}"), &format!("odd {i}"))));
        let mut out = String::new();
        warning_summary(&mut out, &warnings);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "warning: 4 × no date (e.g. a#1)");
        assert_eq!(lines[1], "warning: 1 × no dateline city (e.g. a#2)");
        assert_eq!(lines[5], "warning: 3 more of 3 other kinds");
        assert!(lines[6].contains("--json"));
        let mut none = String::new();
        warning_summary(&mut none, &[]);
        assert!(none.is_empty());
    }

    #[test]
    fn the_count_line_says_which_results_are_shown() {
        for ((total, what, offset, shown), line) in [
            ((0, "article", 0, 0), "0 articles match"),
            ((1, "article", 0, 1), "1 article matches"),
            ((3, "quote", 0, 3), "3 quotes match"),
            (
                (126, "article", 0, 10),
                "126 articles match; showing the first 10",
            ),
            (
                (126, "article", 20, 10),
                "126 articles match; showing 21–30",
            ),
            (
                (126, "article", 125, 1),
                "126 articles match; showing no. 126",
            ),
            (
                (126, "article", 200, 0),
                "126 articles match; none shown from 201 on (--offset 200)",
            ),
        ] {
            assert_eq!(count_line(total, what, offset, shown), line);
        }
    }

    #[test]
    fn plain_text_is_unmarked_unless_brackets_are_asked_for() {
        let plain = Style::default();
        assert_eq!(highlight("a wall", &[[2, 6]], plain), "a wall");
        let brackets = Style {
            brackets: true,
            ..plain
        };
        assert_eq!(highlight("a wall", &[[2, 6]], brackets), "a [wall]");
        let colour = Style {
            color: true,
            ..plain
        };
        assert_eq!(
            highlight("a wall", &[[2, 6]], colour),
            format!("a {HIGHLIGHT}wall{RESET}")
        );
    }

    #[test]
    fn highlights_use_character_offsets() {
        let plain = Style {
            brackets: true,
            ..Style::default()
        };
        assert_eq!(
            highlight("Київ and Bakhmut", &[[0, 4], [9, 16]], plain),
            "[Київ] and [Bakhmut]"
        );
        let color = Style {
            color: true,
            ..plain
        };
        assert_eq!(
            highlight("a b", &[[2, 3]], color),
            format!("a {HIGHLIGHT}b{RESET}")
        );
    }

    #[test]
    fn control_bytes_from_files_are_dropped() {
        assert_eq!(strip_controls("a\x1b[2Jb\x07c\nd"), "a[2Jbc\nd");
        let color = Style {
            color: true,
            ..Style::default()
        };
        assert_eq!(highlight("x\x1b[31my", &[], color), "x[31my");
    }

    #[test]
    fn links_not_followed_are_one_line_and_only_when_there_are_some() {
        let none = report_text(&IndexReport::default());
        assert!(!none.contains("symbolic"), "{none}");
        let one = IndexReport {
            links_skipped: 1,
            ..IndexReport::default()
        };
        assert!(report_text(&one).ends_with("\n1 symbolic link not followed (use --follow)\n"));
        let three = IndexReport {
            links_skipped: 3,
            ..IndexReport::default()
        };
        let text = report_text(&three);
        assert_eq!(text.matches("symbolic").count(), 1);
        assert!(text.contains("3 symbolic links not followed (use --follow)"));
    }
}
