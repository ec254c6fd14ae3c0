//! dateline: a full-text search index for news archives, on tantivy.
//!
//! Point it at a directory of articles: it reads each file's date, dateline city, title,
//! body and quoted speech into a tantivy index, and answers date-filtered, faceted searches
//! with exact counts per city, month and year, calendar histograms and highlighted snippets.
//!
//! The path through the crate:
//!
//! ```text
//! files ─▶ corpus (walk) ─▶ parse (bytes → Article) ─▶ index (Article → tantivy documents)
//! SearchRequest ─▶ search (query + collectors) ─▶ SearchResults ─▶ output (text / JSON)
//! ```
//!
//! # Where to start
//!
//! - [`DatelineIndex`]: open or create an index ([`open_or_create`](DatelineIndex::open_or_create),
//!   [`create_in_ram`](DatelineIndex::create_in_ram)), fill it from files
//!   ([`index_paths`](DatelineIndex::index_paths)) or from memory
//!   ([`writer`](DatelineIndex::writer): add, delete, commit), search it
//!   ([`search`](DatelineIndex::search), [`search_quotes`](DatelineIndex::search_quotes)),
//!   and see other writers' commits ([`reload`](DatelineIndex::reload), [`Reload`]).
//! - [`SearchRequest`] and [`QuoteRequest`] ask; [`SearchResults`] and [`QuoteResults`]
//!   answer. Both sides are serde types: a request read from JSON keeps its dates, and the
//!   results' JSON is the CLI's `--json` output.
//! - [`parse`] reads article bytes into [`Article`]s without touching an index; [`date`]
//!   holds partial dates and calendar buckets; [`output`] renders results as the CLI does.
//! - [`Error`]: one error type; variants may be added (`#[non_exhaustive]`).
//!
//! A `DatelineIndex` is `Send + Sync` and every call blocks until done: share it in an `Arc`
//! across threads, and from async code call it on a blocking pool. The index on disk is a
//! plain tantivy 0.27 index that other tantivy clients can open (its schema is
//! `schema/index-schema.json`; dateline's own `en_stem` analyzer gives the same tokens as
//! tantivy's built-in one).
//!
//! # Example
//!
//! ```
//! use dateline::{DatelineIndex, IndexOptions, SearchRequest};
//! use dateline::date::PartialDate;
//!
//! # fn main() -> dateline::Result<()> {
//! let articles = tempfile::tempdir().unwrap();
//! std::fs::write(
//!     articles.path().join("a.txt"),
//!     "date 2023-03-06 Kyiv: Bakhmut held on. “We stay,” said Olena Koval.",
//! ).unwrap();
//!
//! let index = DatelineIndex::create_in_ram()?;
//! let report = index.index_paths(&[articles.path().to_path_buf()], &IndexOptions::default(), &|_| {})?;
//! assert_eq!(report.indexed, 1);
//!
//! let mut request = SearchRequest::new("bakhmut");
//! request.filters.from = Some(PartialDate::parse("2023-03")?);
//! request.filters.to = Some(PartialDate::parse("2023-03")?);
//! let results = index.search(&request)?;
//! assert_eq!(results.total, 1);
//! assert_eq!(results.hits[0].city.as_deref(), Some("Kyiv"));
//! assert_eq!(results.hits[0].date.unwrap().to_string(), "2023-03-06");
//! assert_eq!(results.hits[0].quotes, ["We stay,"]);
//! # Ok(())
//! # }
//! ```
#![deny(missing_docs)]

pub mod analyzer;
mod check;
pub(crate) mod corpus;
pub mod date;
mod error;
mod folder;
mod index;
mod merges;
pub mod output;
pub mod parse;
mod schema;
mod search;
pub mod story;

pub use check::{CheckReport, Problem, ProblemKind};
pub use corpus::Skipped;
pub use error::{Error, Result};
pub use index::{DatelineIndex, IndexOptions, IndexReport, Progress, Reload, Stats, Writer};
pub use parse::{Article, Format, Quote, SpeakerKind};
pub use schema::schema_version;
pub use search::{
    ArticleQuote, Bucket, Count, ExportField, ExportRequest, FacetCount, FacetField, Facets,
    Filters, Hit, OtherCopy, Page, QuoteHit, QuoteRequest, QuoteResults, SearchRequest,
    SearchResults, Sort, StoredArticle, TopWord, TopWords, MAX_COPIES_LISTED, MAX_QUERY_CHARS,
};
