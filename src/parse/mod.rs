//! Bytes to articles. Everything here is pure: it knows bytes and text, never the filesystem
//! or tantivy. One file per input format; shared pieces (text decoding, datelines, cities,
//! quotes) live beside them.

pub mod city;
pub mod quotes;
pub mod seed;
pub mod text;

use chrono::NaiveDate;
use serde::Serialize;

pub use city::CityAliases;
pub use quotes::Quote;

/// One article as read from a source, before indexing.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Article {
    /// Stable id: the path relative to the indexed root, or `FILE#RECORD` for multi-record files.
    pub id: String,
    /// Headline, or the first sentence of the body when the source has none.
    pub title: String,
    /// Body text, paragraphs separated by a blank line, LF line endings.
    pub body: String,
    /// Day of publication, in the article's own time zone.
    pub date: Option<NaiveDate>,
    /// Full timestamp as given by the source (RFC 3339), when it has a time.
    pub published: Option<String>,
    /// Dateline city in display form (`Kyiv`).
    pub city: Option<String>,
    /// Dateline city as spelled in the source (`KIEV`).
    pub city_raw: Option<String>,
    /// State or country part of the dateline (`N.J.`).
    pub region: Option<String>,
    /// Quoted speech found in the body, in order.
    pub quotes: Vec<Quote>,
    /// ISO 639-1 language code when known.
    pub language: Option<String>,
    /// Source URL when known.
    pub url: Option<String>,
    /// Things worth telling the user about this record (no date, no city, re-decoded bytes).
    pub warnings: Vec<String>,
}

/// Input formats dateline reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// The seed format: `date YYYY-MM-DD City: body…`.
    Seed,
}

impl Format {
    /// All formats, in detection order.
    pub const ALL: &'static [Format] = &[Format::Seed];

    /// The name used on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            Format::Seed => "seed",
        }
    }

    /// Looks a format up by its [`name`](Format::name).
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.iter().copied().find(|f| f.name() == name)
    }
}

/// Picks the format of a file from its name and first bytes.
pub fn detect(_rel_path: &str, _head: &[u8]) -> Format {
    Format::Seed
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

/// Parses one file's bytes into its articles. `rel_path` is the file's id (its path relative
/// to the indexed root, `/`-separated); records get ids derived from it.
pub fn parse(
    format: Format,
    rel_path: &str,
    bytes: &[u8],
    aliases: &CityAliases,
) -> Result<Vec<Article>, ParseError> {
    let decoded = text::decode(bytes)?;
    let mut articles = match format {
        Format::Seed => vec![seed::parse(rel_path, &decoded.text, aliases)],
    };
    for article in &mut articles {
        if let Some(note) = &decoded.note {
            article.warnings.push(note.clone());
        }
        finish(article);
    }
    Ok(articles)
}

/// Steps every reader shares once it has title, body, date and city: quotes, warnings.
fn finish(article: &mut Article) {
    article.quotes = quotes::extract(&article.body);
    quotes::attribute(&article.body, &mut article.quotes);
    if article.title.is_empty() {
        article.title = text::first_sentence(&article.body);
    }
    if article.date.is_none() {
        article.warnings.push("no date".into());
    }
    if article.city.is_none() {
        article.warnings.push("no dateline city".into());
    }
}
