//! The crate's one error type. Library code returns [`Result<T>`]; the binary adds
//! context and maps every variant to exit status 2 with a one-line message.
//!
//! An error that wraps another keeps it as its [`source`](std::error::Error::source) and does
//! not repeat it in its own message, so a chain prints each cause once.

use std::path::PathBuf;

/// Everything that can go wrong in dateline, by kind. New kinds may come in minor versions:
/// match with a `_` arm.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A date given by the user (`--from`, `--to`, `date:` in a query) is not a valid date.
    #[error("bad date {input:?}: {reason}")]
    BadDate {
        /// What the user typed.
        input: String,
        /// Why it was rejected.
        reason: String,
    },
    /// The query is not one dateline takes (too long, or a field this search does not have).
    #[error("bad query: {0}")]
    BadQuery(String),
    /// The query string is not valid query language; the source says where.
    #[error("bad query")]
    QuerySyntax(#[source] tantivy::query::QueryParserError),
    /// A request option is out of range or unknown (a facet name, a limit).
    #[error("{0}")]
    BadRequest(String),
    /// There is no index where one was expected.
    #[error("no index at {0} (run `dateline index PATH --index {0}` first)")]
    NoIndex(PathBuf),
    /// The index exists but was built by an incompatible version of dateline.
    #[error("index at {path} has schema version {found}, this dateline needs {expected}: rebuild it with `dateline index --full`")]
    SchemaMismatch {
        /// The index directory.
        path: PathBuf,
        /// Version stored in the index.
        found: String,
        /// Version this build writes.
        expected: u32,
    },
    /// Another process holds the index writer lock.
    #[error("index is being updated by another process")]
    Locked,
    /// The bundled schema file is malformed (a build defect, caught by tests).
    #[error("schema file: {0}")]
    Schema(String),
    /// Filesystem trouble outside of a single article file.
    #[error("{path}: {source}")]
    Io {
        /// The path being read or written.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The threads of an indexing run could not be started.
    #[error("cannot start the indexing threads: {0}")]
    Threads(String),
    /// An error from tantivy that has no more specific kind.
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

/// Result with the crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
