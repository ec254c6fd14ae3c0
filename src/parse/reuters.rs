//! Reuters-21578 SGML (`reut2-*.sgm`): many `<REUTERS NEWID="…">` records per file, each one
//! article with id `FILE#NEWID`, date from `<DATE>` (`26-FEB-1987 15:01:01.79`, no zone),
//! city from `<DATELINE>` (`    NEW YORK, Feb 26 - `), title from `<TITLE>`, body from
//! `<BODY>`, or the raw text of `<TEXT TYPE="UNPROC">` records. SGML entities (`&lt;`, and
//! control characters such as `&#3;`) are resolved; the files are Latin-1, which the shared
//! decoder handles.
//!
//! Records are split by a small scanner, then each is read with quick-xml. The scanner is
//! there because the file as a whole is not XML (an SGML doctype, no root, one stray byte),
//! and because splitting first is what keeps one broken record from taking the others down:
//! an XML reader that stops at the first error would lose the rest of the file. Inside a
//! record quick-xml does the tag, attribute and entity work, with end-name checks off.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::text::collapse;
use super::{dateline, settle, stamp, text, Article, Ctx, ParseError};

/// Whether text (white space and BOM trimmed) opens like a Reuters-21578 file.
pub fn looks_like(text: &str) -> bool {
    text.starts_with("<!DOCTYPE lewis") || text.starts_with("<REUTERS")
}

/// Reads every record of a file; fails only when there is no `<REUTERS` record at all.
pub(crate) fn parse(text: &str, ctx: &Ctx<'_>) -> Result<Vec<Article>, ParseError> {
    let records = split_records(text);
    if records.is_empty() {
        return Err(ParseError::Malformed("no <REUTERS> records".into()));
    }
    Ok(records
        .into_iter()
        .enumerate()
        .map(|(i, (raw, closed))| {
            let mut a = record(raw, i + 1, ctx);
            if !closed {
                a.warnings
                    .push("malformed record: no closing </REUTERS>".into());
            }
            a
        })
        .collect())
}

/// The `<REUTERS …>…</REUTERS>` spans of a file, and whether each was closed (a record cut
/// off by the next one or by the end of the file is still returned).
fn split_records(text: &str) -> Vec<(&str, bool)> {
    const OPEN: &str = "<REUTERS";
    const CLOSE: &str = "</REUTERS>";
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(found) = text[at..].find(OPEN) {
        let start = at + found;
        let after = &text[start + OPEN.len()..];
        if !after.starts_with([' ', '>', '\t', '\n']) {
            at = start + OPEN.len();
            continue;
        }
        // The close is looked for only up to the next record, so a file of unclosed records
        // is still read in one pass.
        let span = after.find(OPEN).unwrap_or(after.len());
        let (end, closed) = match after[..span].find(CLOSE) {
            Some(p) => (start + OPEN.len() + p + CLOSE.len(), true),
            None => (start + OPEN.len() + span, false),
        };
        out.push((&text[start..end], closed));
        at = end;
    }
    out
}

/// What one record holds, as text.
#[derive(Default)]
struct Fields {
    newid: Option<String>,
    text_type: Option<String>,
    date: String,
    title: String,
    dateline: String,
    body: String,
    /// Text directly inside `<TEXT>` (the whole story of UNPROC records).
    raw: String,
}

/// The element whose text is being collected.
#[derive(Clone, Copy, PartialEq)]
enum Slot {
    Other,
    Date,
    Title,
    Dateline,
    Body,
    Text,
}

fn slot(name: &str) -> Slot {
    match name {
        "DATE" => Slot::Date,
        "TITLE" => Slot::Title,
        "DATELINE" => Slot::Dateline,
        "BODY" => Slot::Body,
        "TEXT" => Slot::Text,
        _ => Slot::Other,
    }
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .map(|a| a.value.trim().to_string())
}

/// Reads a record's fields; an XML error stops the reading and is returned with what was
/// read before it.
fn read_fields(raw: &str) -> (Fields, Option<String>) {
    let mut f = Fields::default();
    let mut reader = Reader::from_str(raw);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    config.allow_dangling_amp = true;
    let mut stack: Vec<Slot> = Vec::new();
    loop {
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                let at = reader.buffer_position();
                return (f, Some(format!("{e} at byte {at}")));
            }
        };
        let current = stack.last().copied().unwrap_or(Slot::Other);
        let piece: Option<std::borrow::Cow<'_, str>> = match &event {
            Event::Start(e) => {
                match e.name().as_ref() {
                    "REUTERS" => f.newid = attr(e, "NEWID"),
                    "TEXT" => f.text_type = attr(e, "TYPE"),
                    _ => {}
                }
                stack.push(slot(e.name().as_ref()));
                None
            }
            Event::End(e) => {
                let s = slot(e.name().as_ref());
                if let Some(pos) = stack.iter().rposition(|&x| x == s) {
                    stack.truncate(pos);
                }
                None
            }
            Event::Text(t) => Some(t.xml10_content()),
            Event::CData(c) => Some(c.xml10_content()),
            Event::GeneralRef(r) => Some(match r.resolve_char_ref() {
                // Control characters (`&#3;` ends a story) are layout, not text.
                Ok(Some(c)) if c.is_control() && c != '\n' && c != '\t' => " ".into(),
                Ok(Some(c)) => c.to_string().into(),
                _ => match quick_xml::escape::resolve_predefined_entity(r) {
                    Some(s) => s.into(),
                    None => format!("&{};", &**r).into(),
                },
            }),
            Event::Eof => break,
            _ => None,
        };
        if let Some(p) = piece {
            let target = match current {
                Slot::Date => &mut f.date,
                Slot::Title => &mut f.title,
                Slot::Dateline => &mut f.dateline,
                Slot::Body => &mut f.body,
                Slot::Text => &mut f.raw,
                Slot::Other => continue,
            };
            target.push_str(&p);
        }
    }
    (f, None)
}

fn record(raw: &str, position: usize, ctx: &Ctx<'_>) -> Article {
    let (f, error) = read_fields(raw);
    let id = match &f.newid {
        Some(n) if !n.is_empty() => format!("{}#{n}", ctx.rel_path),
        _ => format!("{}#record-{position}", ctx.rel_path),
    };
    let mut article = Article {
        id,
        title: collapse(&f.title),
        language: Some("en".into()),
        ..Article::default()
    };
    if f.newid.is_none() {
        article.warnings.push(format!(
            "record {position} has no NEWID; numbered by position"
        ));
    }
    let unproc = f
        .text_type
        .as_deref()
        .is_some_and(|t| t.eq_ignore_ascii_case("UNPROC"));
    let story = if f.body.trim().is_empty() && unproc {
        &f.raw
    } else {
        &f.body
    };
    article.body = body_text(story);
    if let Some(e) = error {
        article.warnings.push(format!("malformed record: {e}"));
        if article.body.is_empty() && article.title.is_empty() {
            article.body = collapse(raw);
        }
    }
    let explicit = match date_time(&f.date) {
        Some(s) => Some(s),
        None => {
            if !f.date.trim().is_empty() {
                article
                    .warnings
                    .push(format!("unreadable <DATE> {:?}", collapse(&f.date)));
            }
            None
        }
    };
    let found = dateline::from_field(&f.dateline);
    // Every `<REUTERS>` record is a story of the Reuters wire.
    article.source = Some("Reuters".into());
    settle(&mut article, explicit, found.as_ref(), ctx);
    article
}

/// The `26-FEB-1987 15:01:01.79` at the start of a `<DATE>`, ignoring the transmission codes
/// that sometimes follow it.
fn date_time(raw: &str) -> Option<stamp::Stamp> {
    let s = raw.trim();
    let end = s
        .char_indices()
        .filter(|&(_, c)| c == '.')
        .map(|(i, _)| i)
        .find(|&i| s[..i].matches(':').count() == 2)
        .map(|dot| {
            dot + 1
                + s[dot + 1..]
                    .find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(s.len() - dot - 1)
        })
        .unwrap_or(s.len());
    stamp::parse(&s[..end]).or_else(|| stamp::parse(s.split_whitespace().next()?))
}

/// Reuters bodies start each paragraph with an indented line and end with a `Reuter` sign-off.
fn body_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines() {
        if line.starts_with([' ', '\t']) && !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let tidy = text::tidy_paragraphs(&out);
    let trimmed = tidy.trim_end();
    let without_sign_off = ["REUTER", "Reuter", "REUTERS", "Reuters"]
        .iter()
        .find_map(|s| trimmed.strip_suffix(s))
        .filter(|rest| rest.is_empty() || rest.ends_with(char::is_whitespace))
        .unwrap_or(trimmed);
    text::tidy_paragraphs(without_sign_off)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{CityAliases, JsonMapping};

    // Our own stories, in the layout of the Reuters-21578 files.
    const FILE: &str = r#"<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" NEWID="7">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<TOPICS><D>cocoa</D></TOPICS>
<UNKNOWN>&#5;&#5;&#5;C T
&#22;&#22;&#1;f0704&#31;reute</UNKNOWN>
<TEXT>&#2;
<TITLE>BEAN GROWERS SEE &lt;WETTER> SEASON</TITLE>
<DATELINE>    ST. LOUIS, Feb 26 - </DATELINE><BODY>Growers said rain had
returned to the region.
    Exporters expect more beans &amp; better prices.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="8">
<DATE> 2-MAR-1987 08:08:57.16&#5;&#5;&#5;F</DATE>
<TEXT TYPE="UNPROC">&#2;
CORRECTED - BANK NOTE LONDON
    The bank said the notes will be issued next week.
&#3;
</TEXT>
</REUTERS>
<REUTERS NEWID="9">
<DATE>yesterday</DATE>
<TEXT><TITLE>BROKEN &unknown; ENTITY</TITLE><DATELINE>PEKING, March 3 - </DATELINE><BODY>Text <!-- never closed </BODY></TEXT>
</REUTERS>
<REUTERS NEWID="10">
<DATE>3-MAR-1987 09:00:00.00</DATE>
<TEXT TYPE="BRIEF">&#2;
******<TITLE>SHORT ITEM ONLY HAS A TITLE
</TITLE>Blah blah blah.
&#3;
</TEXT>
</REUTERS>
<REUTERS NEWID="11">
<DATE>4-MAR-1987 10:00:00.00</DATE>
<TEXT><DATELINE>    APRIL 7  - </DATELINE><BODY>Cut off"#;

    fn p(s: &str) -> Vec<Article> {
        let (aliases, json) = (CityAliases::default(), JsonMapping::default());
        let ctx = Ctx {
            rel_path: "reut2-000.sgm",
            aliases: &aliases,
            json: &json,
        };
        parse(s, &ctx).unwrap()
    }

    #[test]
    fn reads_records_fields_and_entities() {
        let a = p(FILE);
        let ids: Vec<&str> = a.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "reut2-000.sgm#7",
                "reut2-000.sgm#8",
                "reut2-000.sgm#9",
                "reut2-000.sgm#10",
                "reut2-000.sgm#11"
            ]
        );
        let first = &a[0];
        assert_eq!(first.title, "BEAN GROWERS SEE <WETTER> SEASON");
        assert_eq!(first.date.unwrap().to_string(), "1987-02-26");
        assert_eq!(first.published.as_deref(), Some("1987-02-26T15:01:01.79"));
        assert_eq!(first.city.as_deref(), Some("St. Louis"));
        assert_eq!(first.city_raw.as_deref(), Some("ST. LOUIS"));
        assert_eq!(
            first.body,
            "Growers said rain had\nreturned to the region.\n\nExporters expect more beans & better prices."
        );
        assert!(first.warnings.is_empty(), "{:?}", first.warnings);
    }

    #[test]
    fn unproc_records_use_their_raw_text() {
        let a = &p(FILE)[1];
        assert_eq!(a.date.unwrap().to_string(), "1987-03-02");
        assert!(
            a.body.starts_with("CORRECTED - BANK NOTE LONDON"),
            "{}",
            a.body
        );
        assert!(a.body.contains("issued next week."));
        assert_eq!(a.city, None);
    }

    #[test]
    fn broken_records_stay_with_warnings() {
        let a = p(FILE);
        let broken = &a[2];
        assert_eq!(broken.title, "BROKEN &unknown; ENTITY");
        assert_eq!(broken.city.as_deref(), Some("Beijing"));
        assert_eq!(broken.date, None);
        assert!(broken
            .warnings
            .iter()
            .any(|w| w.contains("unreadable <DATE>")));
        assert!(broken
            .warnings
            .iter()
            .any(|w| w.starts_with("malformed record")));
        let brief = &a[3];
        assert_eq!(brief.title, "SHORT ITEM ONLY HAS A TITLE");
        assert_eq!(brief.body, "");
        let cut = &a[4];
        assert_eq!(cut.city, None, "APRIL 7 is a date, not a place");
        assert_eq!(cut.date.unwrap().to_string(), "1987-03-04");
        assert!(cut.warnings.iter().any(|w| w.contains("no closing")));
    }

    #[test]
    fn a_file_without_records_fails() {
        let (aliases, json) = (CityAliases::default(), JsonMapping::default());
        let ctx = Ctx {
            rel_path: "x.sgm",
            aliases: &aliases,
            json: &json,
        };
        assert!(parse("<REUTERSX>nothing</REUTERSX>", &ctx).is_err());
        assert!(parse("plain words", &ctx).is_err());
        let missing_id = parse(
            "<REUTERS><DATE>1-MAR-1987 00:00:00.00</DATE></REUTERS>",
            &ctx,
        )
        .unwrap();
        assert_eq!(missing_id[0].id, "x.sgm#record-1");
        assert!(missing_id[0].warnings[0].contains("no NEWID"));
    }
}
