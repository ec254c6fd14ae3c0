//! What a search answers: [`SearchResults`] of article [`Hit`]s and [`QuoteResults`] of
//! [`QuoteHit`]s, with facet counts and histogram buckets. Typed for Rust (dates are
//! `NaiveDate`, facets are keyed by [`FacetField`]); as JSON they are the CLI's `--json`
//! output (`schema/search-output.schema.json`).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::request::FacetField;

/// One matching article.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Hit {
    /// Article id.
    pub id: String,
    /// Source file.
    pub path: String,
    /// Day of publication (`"2023-03-06"` in JSON).
    pub date: Option<NaiveDate>,
    /// Dateline city.
    pub city: Option<String>,
    /// English name of the dateline place's country.
    pub country: Option<String>,
    /// State or country part of the dateline (`N.J.`).
    pub region: Option<String>,
    /// ISO 639-1 language code, when known.
    pub language: Option<String>,
    /// The outlet (`Reuters`, `bbc.co.uk`), when known.
    #[serde(default)]
    pub source: Option<String>,
    /// Full publication timestamp, when the source gives a time (RFC 3339 when it states a
    /// zone).
    pub published: Option<String>,
    /// Source URL, when known.
    pub url: Option<String>,
    /// When a web archive fetched the page (RFC 3339, the WARC record's date); never the
    /// publication date. `None` outside WARC files.
    pub crawled: Option<String>,
    /// Reader that produced the article (`seed`, `wire`, `json`, …).
    pub format: String,
    /// Title.
    pub title: String,
    /// BM25 score (0 for a match-all query).
    pub score: f32,
    /// Passage of the body around the matched words.
    pub snippet: String,
    /// Matched words in `snippet`, as `[start, end)` character offsets.
    pub highlights: Vec<[usize; 2]>,
    /// The article's quotes.
    pub quotes: Vec<String>,
    /// The story the article belongs to, shared with its near-duplicates: 16 hex digits
    /// (a string, as JSON numbers lose 64-bit integers).
    #[serde(default)]
    pub story: Option<String>,
    /// With `collapse`: how many matching articles the story has, this one included.
    #[serde(default)]
    pub copies: Option<u64>,
    /// With `collapse`: the story's other matching articles, earliest first (at most
    /// [`MAX_COPIES_LISTED`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_copies: Vec<OtherCopy>,
}

/// How many of a story's other copies a collapsed hit lists.
pub const MAX_COPIES_LISTED: usize = 20;

/// Another copy of a collapsed hit's story: where it is.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct OtherCopy {
    /// Article id.
    pub id: String,
    /// Day of publication.
    pub date: Option<NaiveDate>,
    /// The outlet, when known.
    pub source: Option<String>,
}

/// A story id as results show it.
pub(crate) fn story_hex(story: u64) -> String {
    format!("{story:016x}")
}

/// A facet value and how many matching articles (or stories) have it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct FacetCount {
    /// The value.
    pub value: String,
    /// Matching articles with it, or stories with a matching copy with it.
    pub count: u64,
}

/// Counts per facet value, by count then value, for each facet asked for.
pub type Facets = BTreeMap<FacetField, Vec<FacetCount>>;

/// A histogram bucket.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Bucket {
    /// `2023`, `2023-03`, `2023-W10` or `2023-03-06`.
    pub period: String,
    /// Matching articles dated in it (stories, when stories are counted: each on the day of
    /// its earliest matching copy).
    pub count: u64,
    /// With `normalize`: all articles of the archive dated in it that pass the request's
    /// filters (its words left out): the whole archive when there are no filters.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub total: Option<u64>,
    /// With `normalize`: `count / total`, the period's share of attention (`null` when
    /// `total` is 0).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub share: Option<f64>,
}

/// The answer to a [`SearchRequest`](crate::SearchRequest).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SearchResults {
    /// The query as given.
    pub query: String,
    /// Matching articles in all (not just this page).
    pub total: u64,
    /// Matching stories in all, when stories are counted or hits collapsed; the page and
    /// offset of a collapsed search count these.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub stories: Option<u64>,
    /// How many matches come before this page (the request's offset).
    #[serde(default)]
    pub offset: usize,
    /// This page of hits.
    pub hits: Vec<Hit>,
    /// Counts per facet value, by count then value (`results.facets[&FacetField::City]`).
    pub facets: Facets,
    /// Calendar buckets, first to last matching period, when asked for.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub histogram: Option<Vec<Bucket>>,
    /// With the `terms` facet: the top words with their statistic (the facet lists the
    /// same words, with the sampled articles holding each as the count).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub top_words: Option<super::words::TopWords>,
}

/// One matching quote.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct QuoteHit {
    /// The quoted words.
    pub text: String,
    /// Who said it, when known; of joint speakers, the first.
    pub speaker: Option<String>,
    /// Every speaker (`["Nancy Pelosi", "Chuck Schumer"]` for a joint statement), empty when
    /// unknown.
    #[serde(default)]
    pub speakers: Vec<String>,
    /// `person` or `organisation` (`White House`), when there is a speaker.
    #[serde(default)]
    pub speaker_kind: Option<crate::parse::SpeakerKind>,
    /// The speaker's title or role, when given.
    pub role: Option<String>,
    /// The quote is in the article's title (a headline's quote), not its body.
    #[serde(default)]
    pub in_title: bool,
    /// Id of the article it comes from.
    pub article_id: String,
    /// The article's source file.
    pub path: String,
    /// The article's date (`"2023-03-06"` in JSON).
    pub date: Option<NaiveDate>,
    /// The article's dateline city.
    pub city: Option<String>,
    /// BM25 score (0 for a match-all query).
    pub score: f32,
    /// Matched words in `text`, as `[start, end)` character offsets.
    pub highlights: Vec<[usize; 2]>,
}

/// The answer to a [`QuoteRequest`](crate::QuoteRequest).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct QuoteResults {
    /// Matching quotes in all.
    pub total: u64,
    /// How many matches come before this page (the request's offset).
    #[serde(default)]
    pub offset: usize,
    /// This page of quotes.
    pub quotes: Vec<QuoteHit>,
    /// Counts per facet value.
    pub facets: Facets,
}
