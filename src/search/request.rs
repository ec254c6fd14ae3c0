//! What a search asks for: [`SearchRequest`] for articles and [`QuoteRequest`] for quotes,
//! built from the same parts ([`Filters`], [`Page`], facets, [`Sort`]). Both round-trip
//! through JSON, dates included, and a JSON request may leave out any field.

use serde::{Deserialize, Serialize};

use crate::date::{Interval, PartialDate};
use crate::error::{Error, Result};

/// How hits are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// BM25 score, best first.
    Relevance,
    /// Latest date first; undated articles last.
    Newest,
    /// Earliest date first; undated articles last.
    Oldest,
}

impl Sort {
    /// The order of a request that names none: best first when there are words to score,
    /// else newest first (a filter-only search has no scores to rank by).
    pub(crate) fn or_default(sort: Option<Sort>, has_words: bool) -> Sort {
        sort.unwrap_or(if has_words {
            Sort::Relevance
        } else {
            Sort::Newest
        })
    }
}

/// What facets and histograms count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Count {
    /// Each matching article.
    #[default]
    Articles,
    /// Each story once (an article and its near-duplicates): once per facet value its
    /// matching copies have, and on the day of its earliest matching copy in years, months
    /// and histograms.
    Stories,
}

/// Fields that can be counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum FacetField {
    /// Dateline city.
    City,
    /// Country of the dateline place (English name).
    Country,
    /// Year of the date (`2023`).
    Year,
    /// Month of the date (`2023-03`).
    Month,
    /// Speakers of the article's quotes (each article counted once per speaker).
    Speaker,
    /// State or country part of the dateline.
    Region,
    /// Reader that produced the article.
    Format,
    /// Language code.
    Language,
    /// The outlet (`Reuters`, `bbc.co.uk`).
    Source,
    /// Top words: the words that most set the matches apart from the rest of the archive,
    /// by Dunning's log-likelihood over a sample of the matches (articles only; see
    /// [`TopWords`](crate::TopWords)).
    Terms,
}

/// Facets sort by name, so that maps of them list in the same order as their JSON keys.
impl Ord for FacetField {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.name().cmp(other.name())
    }
}

impl PartialOrd for FacetField {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl std::fmt::Display for FacetField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl FacetField {
    /// All facet fields.
    pub const ALL: &'static [FacetField] = &[
        FacetField::City,
        FacetField::Country,
        FacetField::Year,
        FacetField::Month,
        FacetField::Speaker,
        FacetField::Region,
        FacetField::Format,
        FacetField::Language,
        FacetField::Source,
        FacetField::Terms,
    ];

    /// Name on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            FacetField::City => "city",
            FacetField::Country => "country",
            FacetField::Year => "year",
            FacetField::Month => "month",
            FacetField::Speaker => "speaker",
            FacetField::Region => "region",
            FacetField::Format => "format",
            FacetField::Language => "language",
            FacetField::Source => "source",
            FacetField::Terms => "terms",
        }
    }

    /// Looks a facet up by name.
    pub fn from_name(name: &str) -> Result<FacetField> {
        FacetField::ALL
            .iter()
            .copied()
            .find(|f| f.name() == name)
            .ok_or_else(|| {
                let names: Vec<_> = FacetField::ALL.iter().map(|f| f.name()).collect();
                Error::BadRequest(format!(
                    "unknown facet {name:?} (one of: {})",
                    names.join(", ")
                ))
            })
    }
}

/// Which articles (or quotes of which articles) a search looks at, besides its words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filters {
    /// Start of the date range (inclusive, from the beginning of the period).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<PartialDate>,
    /// End of the date range (inclusive, to the end of the period).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<PartialDate>,
    /// Dateline cities, any of which matches (case-insensitive, aliases and gazetteer
    /// applied: `kiev` finds Kyiv).
    pub cities: Vec<String>,
    /// Countries of the dateline place, any of which matches: ISO codes (`UA`) or names in
    /// any case and language (`Ukraine`, `Україна`).
    pub countries: Vec<String>,
    /// Article languages (ISO 639-1 codes, `uk`), any of which matches; case and region
    /// tags are ignored (`UK`, `uk-UA`). Articles of unknown language match none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// Outlets, any of which matches: any case, and any spelling or domain of a known outlet
    /// (`reuter`, `reuters.com` find `Reuters`; see [`crate::parse::source`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

impl Filters {
    /// Refuses a date range that ends before it starts (`--from 2023-05 --to 2023-03`): it
    /// would match nothing, and is almost always the two ends swapped.
    pub(crate) fn check(&self) -> Result<()> {
        for lang in &self.languages {
            if crate::parse::text::language_code(lang).is_none() {
                return Err(Error::BadRequest(format!(
                    "unknown language {lang:?}: give a two-letter ISO 639-1 code such as uk, ru or en"
                )));
            }
        }
        if let (Some(from), Some(to)) = (self.from, self.to) {
            if from.first >= to.end {
                return Err(Error::BadRequest(format!(
                    "the date range ends before it starts (from {from} to {to}): swap the two dates"
                )));
            }
        }
        Ok(())
    }
}

/// Which part of the ordered results to return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Page {
    /// Hits to return.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
}

impl Default for Page {
    fn default() -> Self {
        Page {
            limit: 10,
            offset: 0,
        }
    }
}

/// A search of articles: full-text query, filters, facets, histogram, order and page.
///
/// In JSON the filters and the page are fields of the request itself:
///
/// ```
/// use dateline::SearchRequest;
/// let req: SearchRequest = serde_json::from_str(
///     r#"{"query": "bakhmut", "from": "2023-03", "to": "2023-03", "cities": ["Kyiv"], "limit": 5}"#,
/// ).unwrap();
/// assert_eq!(req.filters.from.unwrap().to_string(), "2023-03");
/// assert_eq!(req.page.limit, 5);
/// assert_eq!(req.facet_limit, 10); // left out: the default
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchRequest {
    /// tantivy query language over title, body and quotes; empty or `*` matches everything.
    pub query: String,
    /// Dates and cities.
    #[serde(flatten)]
    pub filters: Filters,
    /// Facets to count.
    pub facets: Vec<FacetField>,
    /// Values per facet (0 = all).
    pub facet_limit: usize,
    /// Calendar histogram of matching articles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub histogram: Option<Interval>,
    /// Gives each histogram bucket the archive's articles in that period (those that pass
    /// the filters, whatever the words) and the share of them that match: attention
    /// normalised by the archive's volume.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub normalize: bool,
    /// Counts articles or stories in facets and the histogram (with `normalize`, stories
    /// are divided by the archive's stories).
    pub count: Count,
    /// One hit per story: the copy that comes first in the order asked for (best, newest or
    /// oldest), with how many copies match ([`Hit::copies`](crate::Hit::copies)); the page
    /// and offset count stories.
    pub collapse: bool,
    /// Order of hits; when `None`, best first for a query with words, else newest first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort: Option<Sort>,
    /// Which hits.
    #[serde(flatten)]
    pub page: Page,
    /// Longest snippet, in characters.
    pub snippet_chars: usize,
    /// Matches re-read for the `terms` facet (the first of the search's order).
    pub terms_sample: usize,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            query: String::new(),
            filters: Filters::default(),
            facets: vec![FacetField::City, FacetField::Month],
            facet_limit: 10,
            histogram: None,
            normalize: false,
            count: Count::Articles,
            collapse: false,
            sort: None,
            page: Page::default(),
            snippet_chars: 240,
            terms_sample: super::words::DEFAULT_SAMPLE,
        }
    }
}

impl SearchRequest {
    /// A request for `query` with default settings.
    pub fn new(query: impl Into<String>) -> SearchRequest {
        SearchRequest {
            query: query.into(),
            ..SearchRequest::default()
        }
    }
}

/// A search of quotes: words in the quotes, speakers, the article filters, facets, order and
/// page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuoteRequest {
    /// Query over the quoted words; empty or `*` lists every quote.
    pub query: String,
    /// Speakers, any of which matches; each is the person the name stands for across the
    /// archive (`donald trump` finds `Donald J. Trump` but not `Donald Trump Jr.`), or, for a
    /// name that stands for no one person, its words in order, case-insensitive (`kofman`
    /// finds `Michael Kofman`).
    pub speakers: Vec<String>,
    /// Only quotes whose speaker is a person, or only those of an organisation (`White
    /// House`, `Justice Department`); `None` for any quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_kind: Option<crate::parse::SpeakerKind>,
    /// Dates and cities of the quotes' articles.
    #[serde(flatten)]
    pub filters: Filters,
    /// Facets over the matching quotes.
    pub facets: Vec<FacetField>,
    /// Values per facet (0 = all).
    pub facet_limit: usize,
    /// Order; when `None`, best first for a query with words, else newest first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort: Option<Sort>,
    /// Which quotes.
    #[serde(flatten)]
    pub page: Page,
}

impl Default for QuoteRequest {
    fn default() -> Self {
        QuoteRequest {
            query: String::new(),
            speakers: Vec::new(),
            speaker_kind: None,
            filters: Filters::default(),
            facets: vec![FacetField::Speaker],
            facet_limit: 10,
            sort: None,
            page: Page::default(),
        }
    }
}

impl QuoteRequest {
    /// A request for `query` with default settings.
    pub fn new(query: impl Into<String>) -> QuoteRequest {
        QuoteRequest {
            query: query.into(),
            ..QuoteRequest::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facet_names_round_trip() {
        for f in FacetField::ALL {
            assert_eq!(FacetField::from_name(f.name()).unwrap(), *f);
        }
        assert!(FacetField::from_name("colour").is_err());
    }

    #[test]
    fn requests_round_trip_through_json_with_their_dates() {
        let search = SearchRequest {
            filters: Filters {
                from: Some(PartialDate::parse("2023-03").unwrap()),
                to: Some(PartialDate::parse("2023-04-15").unwrap()),
                cities: vec!["Kyiv".into()],
                countries: vec!["ua".into()],
                languages: vec!["uk".into()],
                sources: vec!["reuters".into()],
            },
            facets: vec![FacetField::Year, FacetField::Speaker],
            histogram: Some(Interval::Week),
            normalize: true,
            count: Count::Stories,
            collapse: true,
            sort: Some(Sort::Oldest),
            page: Page {
                limit: 3,
                offset: 6,
            },
            ..SearchRequest::new("bakhmut")
        };
        let json = serde_json::to_value(&search).unwrap();
        assert_eq!(json["from"], "2023-03");
        assert_eq!(json["to"], "2023-04-15");
        assert_eq!(json["offset"], 6);
        assert_eq!(json["languages"], serde_json::json!(["uk"]));
        assert_eq!(json["sources"], serde_json::json!(["reuters"]));
        assert_eq!(json["facets"], serde_json::json!(["year", "speaker"]));
        assert_eq!(json["count"], "stories");
        assert_eq!(json["collapse"], true);
        let back: SearchRequest = serde_json::from_value(json).unwrap();
        assert_eq!(back, search);

        let quotes = QuoteRequest {
            speakers: vec!["kofman".into()],
            filters: Filters {
                from: Some(PartialDate::parse("2022").unwrap()),
                ..Filters::default()
            },
            sort: Some(Sort::Newest),
            ..QuoteRequest::new("front")
        };
        let text = serde_json::to_string(&quotes).unwrap();
        assert_eq!(serde_json::from_str::<QuoteRequest>(&text).unwrap(), quotes);
    }

    #[test]
    fn a_json_request_may_leave_out_anything_and_bad_values_are_errors() {
        let r: SearchRequest = serde_json::from_str("{}").unwrap();
        assert_eq!(r, SearchRequest::default());
        let r: QuoteRequest = serde_json::from_str(r#"{"speakers": ["Lee"]}"#).unwrap();
        assert_eq!(r.facets, [FacetField::Speaker]);
        for bad in [
            r#"{"from": "2023-13"}"#,
            r#"{"facets": ["colour"]}"#,
            r#"{"sort": "sideways"}"#,
            r#"{"limit": -1}"#,
        ] {
            assert!(serde_json::from_str::<SearchRequest>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn facets_order_by_name_as_json_keys_do() {
        let mut all = FacetField::ALL.to_vec();
        all.sort();
        let names: Vec<&str> = all.iter().map(|f| f.name()).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(names, sorted);
    }
}
