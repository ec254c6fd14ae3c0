//! Bytes to articles. Everything here is pure: it knows bytes and text, never the filesystem
//! or tantivy. One file per input format; shared pieces (text decoding, datelines, cities,
//! timestamps, path dates, quotes, the language of unlabelled text) live beside them.

mod boilerplate;
pub mod bsnlp;
pub mod city;
pub mod csv;
pub mod dateline;
pub mod html;
pub mod json;
pub mod kind;
pub mod language;
pub(crate) mod name_case;
mod page_date;
pub mod path_date;
pub mod place;
pub mod quote;
pub mod reuters;
pub mod seed;
pub mod source;
pub mod stamp;
pub mod text;
pub mod warc;
pub mod wire;

use std::borrow::Cow;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

pub use city::CityAliases;
pub use dateline::Dateline;
pub use json::JsonMapping;
pub use quote::{Quote, SpeakerKind};
pub use stamp::Stamp;

/// One article as read from a source, before indexing.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Article {
    /// Stable id: the path relative to the indexed root, or `FILE#RECORD` for multi-record files.
    pub id: String,
    /// Headline, or the first sentence of the body when the source has none.
    pub title: String,
    /// Body text, paragraphs separated by a blank line, LF line endings.
    pub body: String,
    /// Day of publication, in the article's own time zone: the calendar day of the stated
    /// timestamp in the offset the source gives (`2016-12-20T02:15:09+03:00` is 20 December),
    /// else the dateline's day, else a date in the file path.
    pub date: Option<NaiveDate>,
    /// Full timestamp when the source has a time: RFC 3339 (`2016-12-20T02:15:09+03:00`) when
    /// it states a zone, `1987-02-26T15:01:01.79` (no offset) when it does not.
    pub published: Option<String>,
    /// Dateline city in display form (`Kyiv`), resolved through the aliases and the
    /// gazetteer ([`place`]).
    pub city: Option<String>,
    /// Dateline city as spelled in the source (`KIEV`).
    pub city_raw: Option<String>,
    /// State or country part of the dateline in display form (`New Jersey` for `N.J.`).
    pub region: Option<String>,
    /// English name of the dateline place's country (`Ukraine`).
    pub country: Option<String>,
    /// ISO 3166-1 alpha-2 code of that country (`UA`).
    pub country_code: Option<String>,
    /// Latitude of the dateline place in degrees, when the gazetteer knows it.
    pub lat: Option<f64>,
    /// Longitude of the dateline place in degrees, when the gazetteer knows it.
    pub lon: Option<f64>,
    /// Quoted speech found in the body, in order.
    pub quotes: Vec<Quote>,
    /// ISO 639-1 language code: as the source labels it, else detected from the text
    /// ([`language::detect`]) when the detector is confident.
    pub language: Option<String>,
    /// Source URL when known.
    pub url: Option<String>,
    /// When a web archive fetched the page (RFC 3339, from a WARC record's date): kept beside
    /// the publication date, never used as it.
    pub crawled: Option<String>,
    /// The outlet, in one spelling per outlet ([`source`]): the name the user gave the
    /// files, a record's source field, the URL's domain, or the agency in the dateline.
    pub source: Option<String>,
    /// Things worth telling the user about this record (no date, no city, re-decoded bytes).
    pub warnings: Vec<String>,
}

/// Version of what the readers extract. Bump it whenever a change to any reader, the quote
/// rules or the city table changes the articles produced from the same bytes: the next
/// `dateline index` then re-reads every file instead of trusting unchanged fingerprints.
pub const PARSER_VERSION: u32 = 17;

/// Input formats dateline reads. Each has one reader module; adding a format adds a module,
/// a variant here, a line in [`Format::name`], in [`detect`] and in the dispatch of [`parse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// The seed format: `date YYYY-MM-DD City: body…`.
    Seed,
    /// Plain-text wire copy: optional headline line, then a dateline (`WASHINGTON (AP) — `).
    Wire,
    /// JSON or JSON Lines, one article per object (news-please, BASIL, a user mapping).
    Json,
    /// Reuters-21578 SGML: many `<REUTERS>` records per file.
    Reuters,
    /// BSNLP header-style text: id, language, date, URL and title lines, then the body.
    Bsnlp,
    /// An HTML article page.
    Html,
    /// A web archive (`.warc`, `.warc.gz`): each HTML response record is an article.
    Warc,
    /// A table with a header row, one article per row (columns named as JSON fields).
    Csv,
}

impl Format {
    /// All formats.
    pub const ALL: &'static [Format] = &[
        Format::Seed,
        Format::Wire,
        Format::Json,
        Format::Reuters,
        Format::Bsnlp,
        Format::Html,
        Format::Warc,
        Format::Csv,
    ];

    /// The name used on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            Format::Seed => "seed",
            Format::Wire => "wire",
            Format::Json => "json",
            Format::Reuters => "reuters",
            Format::Bsnlp => "bsnlp",
            Format::Html => "html",
            Format::Warc => "warc",
            Format::Csv => "csv",
        }
    }

    /// Looks a format up by its [`name`](Format::name).
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.iter().copied().find(|f| f.name() == name)
    }
}

/// Picks the format of a file from its name and first bytes (4 KiB is plenty). The extension
/// decides for `.sgm`, `.json`/`.jsonl`/`.ndjson`, `.html`/`.htm`, `.csv` and
/// `.warc`/`.warc.gz`; otherwise the content does: `WARC/1.`, `<REUTERS`, a JSON opening, an
/// HTML opening, the seed's `date YYYY-MM-DD`, the BSNLP header lines, and plain wire copy for
/// everything else.
pub fn detect(rel_path: &str, head: &[u8]) -> Format {
    let name = rel_path
        .rsplit('/')
        .next()
        .unwrap_or(rel_path)
        .to_ascii_lowercase();
    match name.rsplit_once('.').map_or("", |(_, ext)| ext) {
        "sgm" | "sgml" => return Format::Reuters,
        "json" | "jsonl" | "ndjson" => return Format::Json,
        "html" | "htm" | "xhtml" => return Format::Html,
        "warc" => return Format::Warc,
        _ if name.ends_with(".warc.gz") => return Format::Warc,
        "csv" => return Format::Csv,
        _ => {}
    }
    // UTF-16 files are recognised by their BOM; a head cut mid-character only loses its end.
    let text = match encoding_rs::Encoding::for_bom(head) {
        Some((enc, bom)) => enc.decode_without_bom_handling(&head[bom..]).0,
        None => match std::str::from_utf8(head) {
            Ok(text) => Cow::Borrowed(text),
            // Cut inside a character at the end of the head: the whole characters before it.
            Err(e) if e.error_len().is_none() => {
                Cow::Borrowed(std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default())
            }
            Err(_) => String::from_utf8_lossy(head),
        },
    };
    let text = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if warc::looks_like(text) {
        Format::Warc
    } else if reuters::looks_like(text) {
        Format::Reuters
    } else if json::looks_like(text) {
        Format::Json
    } else if html::looks_like(text) {
        Format::Html
    } else if seed::looks_like(text) {
        Format::Seed
    } else if bsnlp::looks_like(text) {
        Format::Bsnlp
    } else {
        Format::Wire
    }
}

/// Why a whole file yielded nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// The file has no bytes, or only white space.
    #[error("empty file")]
    Empty,
    /// The file looks like binary data, not text.
    #[error("binary file (NUL bytes)")]
    Binary,
    /// The content does not fit the format.
    #[error("{0}")]
    Malformed(String),
}

/// Settings for the readers beyond the bytes themselves.
#[derive(Debug, Clone, Default)]
pub struct ParseOptions {
    /// City aliases applied to datelines.
    pub aliases: CityAliases,
    /// Which JSON fields hold title, body, date, dateline, URL, language and source.
    pub json: JsonMapping,
    /// The outlet of every article read with these options (`dateline index --source`),
    /// ahead of what the articles themselves say.
    pub source: Option<String>,
}

/// What every reader gets besides the text: the file's id and the settings.
pub(crate) struct Ctx<'a> {
    /// The file's path relative to the indexed root, `/`-separated; record ids derive from it.
    pub rel_path: &'a str,
    /// City aliases applied to datelines.
    pub aliases: &'a CityAliases,
    /// JSON field mapping.
    pub json: &'a JsonMapping,
}

/// Parses one file's bytes into its articles, with the default JSON mapping. `rel_path` is
/// the file's id (its path relative to the indexed root, `/`-separated); records of
/// multi-record files get ids derived from it (`FILE#NEWID`, `FILE#LINE`, `FILE#INDEX`).
///
/// A whole file fails only when it is empty, binary, or holds no readable record of the
/// format at all. A bad record inside a multi-record file becomes an article of its own with
/// a `malformed record: …` warning and its raw text as body, so it is counted and listed.
pub fn parse(
    format: Format,
    rel_path: &str,
    bytes: &[u8],
    aliases: &CityAliases,
) -> Result<Vec<Article>, ParseError> {
    static DEFAULT_MAPPING: OnceLock<JsonMapping> = OnceLock::new();
    let ctx = Ctx {
        rel_path,
        aliases,
        json: DEFAULT_MAPPING.get_or_init(JsonMapping::default),
    };
    run(format, bytes, &ctx, None)
}

/// [`parse`] with every setting given (a user's JSON field mapping, say).
pub fn parse_with(
    format: Format,
    rel_path: &str,
    bytes: &[u8],
    options: &ParseOptions,
) -> Result<Vec<Article>, ParseError> {
    let ctx = Ctx {
        rel_path,
        aliases: &options.aliases,
        json: &options.json,
    };
    run(format, bytes, &ctx, options.source.as_deref())
}

fn run(
    format: Format,
    bytes: &[u8],
    ctx: &Ctx<'_>,
    source: Option<&str>,
) -> Result<Vec<Article>, ParseError> {
    let decoded = match format {
        Format::Html => text::decode_html(bytes)?,
        // Records carry their own bytes and encodings: the file is not text.
        Format::Warc => text::Decoded {
            text: String::new(),
            note: None,
        },
        _ => text::decode(bytes)?,
    };
    let text = &decoded.text;
    let mut articles = match format {
        Format::Seed => vec![seed::read(text, ctx)],
        Format::Wire => vec![wire::parse(text, ctx)],
        Format::Json => json::parse(text, ctx)?,
        Format::Reuters => reuters::parse(text, ctx)?,
        Format::Bsnlp => vec![bsnlp::parse(text, ctx)],
        Format::Html => vec![html::parse(text, ctx)],
        Format::Warc => warc::parse(bytes, ctx)?,
        Format::Csv => csv::parse(text, ctx)?,
    };
    for article in &mut articles {
        if let Some(note) = &decoded.note {
            article.warnings.push(note.clone());
        }
        if article.date.is_none() {
            article.date = path_date::day(ctx.rel_path);
        }
        if let Some(named) = source.and_then(source::canonical) {
            article.source = Some(named);
        }
        finish(article);
    }
    Ok(articles)
}

/// Fills date, time and place (city, region, country, coordinates) from what a reader found, in the documented order: the
/// explicit date (a field or header) first, then the dateline's date, whose year comes from
/// the dateline itself or else from the path (the year that puts the day nearest a path
/// date). [`run`] falls back to a date in the path last. A year-less dateline that nothing
/// dates is reported as a warning.
pub(crate) fn settle(
    article: &mut Article,
    explicit: Option<Stamp>,
    dateline: Option<&Dateline>,
    ctx: &Ctx<'_>,
) {
    // A record's own field first, then the URL's domain, then the dateline's agency.
    if article.source.is_none() {
        article.source = article.url.as_deref().and_then(source::from_url);
    }
    if article.source.is_none() {
        article.source = dateline
            .and_then(|d| d.agency.as_deref())
            .and_then(source::canonical);
    }
    if let Some(d) = dateline.filter(|d| !d.city.is_empty()) {
        if let Some(p) = place::resolve(&d.city, d.region.as_deref(), ctx.aliases) {
            article.city = Some(p.city);
            article.city_raw = Some(d.city.clone());
            article.region = p.region;
            article.country_code = p.country.map(|c| c.code.to_string());
            article.country = p.country.map(|c| c.name.to_string());
            (article.lat, article.lon) = p.coordinates.unzip();
        }
    }
    if let Some(s) = explicit {
        article.date = Some(s.date);
        article.published = s.published;
        return;
    }
    let Some(d) = dateline else { return };
    let Some((month, day)) = d.month_day else {
        return;
    };
    let anchor = path_date::day(ctx.rel_path);
    let Some(year) = d
        .year
        .or_else(|| anchor.map(|a| a.year()))
        .or_else(|| path_date::year(ctx.rel_path))
    else {
        article
            .warnings
            .push(format!("dateline date --{month:02}-{day:02} has no year"));
        return;
    };
    let chosen = match (anchor, d.year) {
        (Some(a), None) => [year - 1, year, year + 1]
            .into_iter()
            .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
            .min_by_key(|c| (*c - a).num_days().abs()),
        _ => NaiveDate::from_ymd_opt(year, month, day),
    };
    match chosen.filter(|d| crate::date::plausible(*d)) {
        Some(day) => article.date = Some(day),
        None => article.warnings.push(format!(
            "dateline date {year}-{month:02}-{day:02} does not exist"
        )),
    }
}

/// Steps every reader shares once it has title, body, date and city: quotes, warnings.
fn finish(article: &mut Article) {
    // Readers that learn the URL after the dateline (a page's canonical link).
    if article.source.is_none() {
        article.source = article.url.as_deref().and_then(source::from_url);
    }
    if article.title.is_empty() {
        article.title = text::first_sentence(&article.body);
    }
    if article.language.is_none() {
        article.language = language::detect(&article.title, &article.body);
    }
    article.quotes =
        quote::extract_article(&article.title, &article.body, article.language.as_deref());
    if article.date.is_none() {
        article.warnings.push("no date".into());
    }
    if article.city.is_none() {
        article.warnings.push("no dateline city".into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_keep_speakers_only_in_languages_the_rules_read() {
        let aliases = CityAliases::default();
        let speakers = |text: &str| -> (Option<String>, Vec<Option<String>>) {
            let a = &parse(Format::Seed, "a.txt", text.as_bytes(), &aliases).unwrap()[0];
            // The same spans whether or not the rules ran.
            let spans = |q: &[quote::Quote]| -> Vec<(usize, usize)> {
                q.iter().map(|q| (q.start, q.end)).collect()
            };
            assert_eq!(spans(&a.quotes), spans(&quote::extract_attributed(&a.body)));
            (
                a.language.clone(),
                a.quotes.iter().map(|q| q.speaker.clone()).collect(),
            )
        };
        // German: capitalised nouns and sentence openings are no names.
        let (lang, found) = speakers(
            "date 2023-03-06 Berlin: Der Rat tagt\n\n\
             Der Rat der Stadt hat am Montag über den neuen Haushalt beraten. Die \
             Bürgermeisterin sprach lange mit den Vertretern der Vereine.\n\n\
             Er freut sich, wieder im Rathaus zu arbeiten: „Als junger Mann war ich oft hier \
             und habe die Sitzungen von der Tribüne aus verfolgt.“\n",
        );
        assert_eq!(lang.as_deref(), Some("de"));
        assert!(!found.is_empty(), "the quote is still found");
        assert!(found.iter().all(Option::is_none), "{found:?}");
        // English: as before.
        let (lang, found) = speakers(
            "date 2023-03-06 London: Council meets\n\n\
             The city council met on Monday to discuss the new budget for the coming year. \
             \"We have to save money, and we have to start now,\" Mary Holt said after the \
             meeting, which ran late into the evening.\n",
        );
        assert_eq!(lang.as_deref(), Some("en"));
        assert_eq!(found, [Some("Mary Holt".to_string())]);
    }

    #[test]
    fn detects_by_extension_then_content() {
        let d = |p: &str, s: &str| detect(p, s.as_bytes());
        assert_eq!(d("reut2-000.sgm", "anything"), Format::Reuters);
        assert_eq!(
            d("a.txt", "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS"),
            Format::Reuters
        );
        assert_eq!(d("a.JSONL", "not even json"), Format::Json);
        assert_eq!(d("a.dat", "  {\"title\": \"x\"}"), Format::Json);
        assert_eq!(d("a.dat", "[{\"title\": \"x\"}]"), Format::Json);
        assert_eq!(d("a.txt", "[Editor's note: text.]"), Format::Wire);
        assert_eq!(d("page.HTM", "hello"), Format::Html);
        assert_eq!(d("page", "<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(d("page", "<html lang=en>"), Format::Html);
        assert_eq!(d("a.txt", " date 2023-03-06 Kyiv: x"), Format::Seed);
        assert_eq!(
            d(
                "a.txt",
                "uk-10\r\nuk\r\n2021-01-28\r\nhttp://x.ua\r\nTitle\r\n\r\nBody"
            ),
            Format::Bsnlp
        );
        assert_eq!(d("a.txt", "WASHINGTON (AP) — Text."), Format::Wire);
        assert_eq!(d("crawl.warc", "x"), Format::Warc);
        assert_eq!(d("CC-NEWS-1.warc.gz", "\u{1f}"), Format::Warc);
        assert_eq!(
            d("crawl.dat", "WARC/1.1\r\nWARC-Type: warcinfo"),
            Format::Warc
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "date 2023-03-05 Lviv: x"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        assert_eq!(detect("u.txt", &utf16), Format::Seed);
        assert_eq!(d("a.txt", "Headline\n\nBody."), Format::Wire);
        for f in Format::ALL {
            assert_eq!(Format::from_name(f.name()), Some(*f));
        }
    }

    fn ctx<'a>(rel_path: &'a str, aliases: &'a CityAliases, json: &'a JsonMapping) -> Ctx<'a> {
        Ctx {
            rel_path,
            aliases,
            json,
        }
    }

    fn dl(s: &str) -> Dateline {
        dateline::at_start(s).expect("dateline")
    }

    #[test]
    fn settle_takes_explicit_then_dateline_then_path() {
        let (al, js) = (CityAliases::default(), JsonMapping::default());
        let mut a = Article::default();
        let explicit = stamp::parse("2016-03-01T10:00:00-05:00");
        settle(
            &mut a,
            explicit,
            Some(&dl("KIEV, Feb 26 - x")),
            &ctx("a.txt", &al, &js),
        );
        assert_eq!(a.date.unwrap().to_string(), "2016-03-01");
        assert_eq!(a.published.as_deref(), Some("2016-03-01T10:00:00-05:00"));
        assert_eq!(
            (a.city.as_deref(), a.city_raw.as_deref()),
            (Some("Kyiv"), Some("KIEV"))
        );

        // Year-less dateline: the year comes from the path, nearest a path date.
        let mut b = Article::default();
        let c = ctx("2017-01-02_story.txt", &al, &js);
        settle(&mut b, None, Some(&dl("LONDON, Dec 30 - x")), &c);
        assert_eq!(b.date.unwrap().to_string(), "2016-12-30");
        let mut b = Article::default();
        let c = ctx("archive/1987/story.txt", &al, &js);
        settle(&mut b, None, Some(&dl("LONDON, Macrh 3 - x")), &c);
        assert_eq!(b.date.unwrap().to_string(), "1987-03-03");

        // Nothing gives a year: undated, with a warning.
        let mut u = Article::default();
        settle(
            &mut u,
            None,
            Some(&dl("LONDON, Feb 26 - x")),
            &ctx("a.txt", &al, &js),
        );
        assert_eq!(u.date, None);
        assert!(u.warnings[0].contains("no year"), "{:?}", u.warnings);
        let mut f = Article::default();
        settle(
            &mut f,
            None,
            Some(&dl("LONDON, Feb 30 - x")),
            &ctx("1987/a.txt", &al, &js),
        );
        assert_eq!(f.date, None);
        assert!(f.warnings[0].contains("does not exist"));
    }

    #[test]
    fn path_date_is_the_last_resort() {
        let al = CityAliases::default();
        let a = parse(Format::Wire, "x/2016-10-03_story.txt", b"Plain text.", &al).unwrap();
        assert_eq!(a[0].date.unwrap().to_string(), "2016-10-03");
        assert!(a[0].warnings.iter().any(|w| w == "no dateline city"));
        let s = parse(
            Format::Seed,
            "2023/03/06/s.txt",
            b"Kyiv: no date line.",
            &al,
        )
        .unwrap();
        assert_eq!(s[0].date.unwrap().to_string(), "2023-03-06");
    }

    #[test]
    fn every_format_survives_every_kind_of_input() {
        let al = CityAliases::default();
        let inputs: &[&[u8]] = &[
            b"x",
            b"{",
            b"[1, 2",
            b"<REUTERS",
            b"<html><body>",
            b"id\nen\n\n\n",
            b"\xff\xfe\xfd",
            "МОСКВА, 15 янв — Текст.".as_bytes(),
        ];
        for &f in Format::ALL {
            for input in inputs {
                if let Ok(articles) = parse(f, "t.txt", input, &al) {
                    for a in articles {
                        assert!(a.date.is_none_or(crate::date::plausible));
                    }
                }
            }
        }
    }
}
