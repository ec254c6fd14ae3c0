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
//! request.from = Some(PartialDate::parse("2023-03")?);
//! request.to = Some(PartialDate::parse("2023-03")?);
//! let results = index.search(&request)?;
//! assert_eq!(results.total, 1);
//! assert_eq!(results.hits[0].city.as_deref(), Some("Kyiv"));
//! assert_eq!(results.hits[0].quotes, ["We stay,"]);
//! # Ok(())
//! # }
//! ```
#![deny(missing_docs)]

pub mod analyzer;
pub mod check;
pub mod corpus;
pub mod date;
pub mod error;
pub mod folder;
pub mod index;
pub mod merges;
pub mod output;
pub mod parse;
pub mod quote_search;
pub mod schema;
pub mod search;

pub use error::{Error, Result};
pub use index::{DatelineIndex, IndexOptions, IndexReport, Progress, Stats};
pub use parse::{Article, Format, Quote};
pub use quote_search::{QuoteHit, QuoteRequest, QuoteResults};
pub use search::{Bucket, FacetCount, FacetField, Hit, SearchRequest, SearchResults, Sort};
