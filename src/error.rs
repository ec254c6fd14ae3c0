//! The crate's one error type. Library code returns [`Result<T>`]; the binary adds
//! context and maps every variant to exit status 2 with a one-line message.
//!
//! Each variant's message is complete on its own line: what happened, to which file, and
//! what to do. The cause underneath stays reachable through `source()` for a verbose
//! report, but is never pasted into the message (tantivy's own errors already repeat their
//! causes). Tantivy's errors are sorted into kinds in one place, [`Error::in_index`].
//!
//! An error that wraps another keeps it as its [`source`](std::error::Error::source) and does
//! not repeat it in its own message, so a chain prints each cause once.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use tantivy::directory::error::{OpenReadError, OpenWriteError};
use tantivy::TantivyError;

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
    /// The query string is not valid query language.
    #[error("bad query {query:?}: {advice}")]
    QuerySyntax {
        /// The query as given.
        query: String,
        /// What could not be read, in plain words, and what to do.
        advice: String,
        /// tantivy's parser error.
        #[source]
        source: tantivy::query::QueryParserError,
    },
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
    /// The index folder holds a damaged index: a file cut short, missing or overwritten, or
    /// a `meta.json` that cannot be read. `dateline index --full` rebuilds it.
    #[error("the index in {dir} is damaged ({what}); rebuild it with `dateline index --full --index {dir} PATH...`")]
    Damaged {
        /// The index directory.
        dir: PathBuf,
        /// What is wrong, in a few plain words naming the file.
        what: String,
        /// tantivy's error, when tantivy found the damage.
        #[source]
        source: Option<TantivyError>,
    },
    /// A folder that holds files but no dateline index, given where an index belongs:
    /// dateline neither writes into it nor deletes anything in it.
    #[error(
        "{0} is not a dateline index (it holds other files); give `--index` a new or empty folder"
    )]
    NotAnIndex(PathBuf),
    /// The disk under the index is full. The index stays at its last commit.
    #[error("no space left on the disk of the index in {dir}; the index keeps its last commit: free some space and run the command again")]
    DiskFull {
        /// The index directory.
        dir: PathBuf,
        /// tantivy's error.
        #[source]
        source: TantivyError,
    },
    /// An error from tantivy that has no more specific kind.
    #[error("index error: {}", plain(.0))]
    Tantivy(#[from] TantivyError),
}

/// Result with the crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// This error as it concerns the index in `dir`: a tantivy error that means the index is
    /// damaged becomes [`Error::Damaged`], a full disk [`Error::DiskFull`]; every other error
    /// is returned as it is. The one place where tantivy's errors are sorted into kinds.
    pub fn in_index(self, dir: &Path) -> Error {
        match self {
            Error::Tantivy(e) => classify(dir, e),
            other => other,
        }
    }

    pub(crate) fn damaged(dir: &Path, what: impl Into<String>) -> Error {
        Error::Damaged {
            dir: dir.to_path_buf(),
            what: what.into(),
            source: None,
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// Sorts a tantivy error from the index in `dir` into the crate's kinds.
fn classify(dir: &Path, e: TantivyError) -> Error {
    let damaged = |what: String, e: TantivyError| Error::Damaged {
        dir: dir.to_path_buf(),
        what,
        source: Some(e),
    };
    match &e {
        TantivyError::DataCorruption(c) => {
            let what = match corrupt_file(c) {
                Some(f) if f == "meta.json" => "meta.json cannot be read".to_string(),
                Some(f) => format!("{} is corrupt", file_of(Path::new(&f))),
                None => "a file is corrupt".to_string(),
            };
            damaged(what, e)
        }
        TantivyError::OpenReadError(OpenReadError::FileDoesNotExist(path)) => {
            damaged(format!("{} is missing", file_of(path)), e)
        }
        TantivyError::OpenReadError(OpenReadError::IoError { io_error, filepath }) => {
            match io_error.kind() {
                ErrorKind::InvalidData | ErrorKind::UnexpectedEof => damaged(
                    format!("{} is cut short or overwritten", file_of(filepath)),
                    e,
                ),
                ErrorKind::StorageFull => Error::DiskFull {
                    dir: dir.to_path_buf(),
                    source: e,
                },
                _ => Error::Tantivy(e),
            }
        }
        TantivyError::OpenReadError(OpenReadError::IncompatibleIndex(_))
        | TantivyError::IncompatibleIndex(_) => damaged(
            "its files were written by an incompatible version of tantivy".into(),
            e,
        ),
        TantivyError::OpenWriteError(OpenWriteError::IoError { io_error, .. })
            if io_error.kind() == ErrorKind::StorageFull =>
        {
            Error::DiskFull {
                dir: dir.to_path_buf(),
                source: e,
            }
        }
        TantivyError::IoError(io) => match io.kind() {
            ErrorKind::StorageFull => Error::DiskFull {
                dir: dir.to_path_buf(),
                source: e,
            },
            ErrorKind::InvalidData | ErrorKind::UnexpectedEof => {
                damaged("a file is cut short or overwritten".into(), e)
            }
            _ => Error::Tantivy(e),
        },
        // Errors of the indexing and merging threads reach the writer as text only
        // (`InternalError`, `ErrorInThread`): a full disk is recognised by its words.
        _ if says_disk_full(&e.to_string()) => Error::DiskFull {
            dir: dir.to_path_buf(),
            source: e,
        },
        _ => Error::Tantivy(e),
    }
}

/// Whether an error's text is a full disk's (`ENOSPC` on Unix, `ERROR_DISK_FULL` on
/// Windows).
fn says_disk_full(text: &str) -> bool {
    ["No space left on device", "(os error 28)", "(os error 112)"]
        .iter()
        .any(|words| text.contains(words))
}

/// A file of an index in plain words: `segment 89a7f3c1… (.idx)` for a segment file, the
/// name itself for anything else.
pub(crate) fn file_of(path: &Path) -> String {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    match name.split_once('.') {
        Some((stem, ext)) if stem.len() == 32 && stem.bytes().all(|b| b.is_ascii_hexdigit()) => {
            format!("segment {}\u{2026} file .{ext}", &stem[..8])
        }
        _ => name,
    }
}

/// The file named in a tantivy data-corruption error, which keeps it private: read from its
/// debug form, `Data corruption (in file `"meta.json"`): ...`.
fn corrupt_file(c: &tantivy::error::DataCorruption) -> Option<String> {
    let text = format!("{c:?}");
    let rest = text.split_once("(in file `")?.1;
    let quoted = rest.split_once('`')?.0;
    Some(quoted.trim_matches('"').to_string())
}

/// A tantivy error in one plain line: the innermost words that say what happened, without
/// tantivy's debug dumps of the same error.
fn plain(e: &TantivyError) -> String {
    match e {
        TantivyError::IoError(io) => io.to_string(),
        TantivyError::OpenReadError(OpenReadError::FileDoesNotExist(p)) => {
            format!("{} does not exist", p.display())
        }
        TantivyError::OpenReadError(OpenReadError::IoError { io_error, filepath }) => {
            format!("cannot read {}: {io_error}", filepath.display())
        }
        TantivyError::OpenWriteError(OpenWriteError::IoError { io_error, filepath }) => {
            format!("cannot write {}: {io_error}", filepath.display())
        }
        TantivyError::DataCorruption(c) => {
            format!("{c:?}")
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut_short() -> TantivyError {
        TantivyError::OpenReadError(OpenReadError::wrap_io_error(
            std::io::Error::new(ErrorKind::InvalidData, "Footer magic byte mismatch"),
            PathBuf::from("89a7f3c10e2b4d6f8a9b0c1d2e3f4a5b.idx"),
        ))
    }

    #[test]
    fn a_segment_cut_short_is_damage_named_in_one_line() {
        let e = Error::Tantivy(cut_short()).in_index(Path::new("idx"));
        let msg = e.to_string();
        assert_eq!(
            msg,
            "the index in idx is damaged (segment 89a7f3c1\u{2026} file .idx is cut short or \
             overwritten); rebuild it with `dateline index --full --index idx PATH...`"
        );
        assert!(std::error::Error::source(&e).is_some(), "the cause is kept");
    }

    #[test]
    fn a_missing_file_and_bad_meta_are_damage() {
        let missing = TantivyError::OpenReadError(OpenReadError::FileDoesNotExist(PathBuf::from(
            "/x/idx/89a7f3c10e2b4d6f8a9b0c1d2e3f4a5b.store",
        )));
        let e = Error::Tantivy(missing).in_index(Path::new("idx"));
        assert!(e
            .to_string()
            .contains("(segment 89a7f3c1\u{2026} file .store is missing)"));
        let meta = TantivyError::DataCorruption(tantivy::error::DataCorruption::new(
            PathBuf::from("meta.json"),
            "Meta file cannot be deserialized".into(),
        ));
        let e = Error::Tantivy(meta).in_index(Path::new("idx"));
        assert!(e.to_string().contains("(meta.json cannot be read)"), "{e}");
    }

    #[test]
    fn a_full_disk_says_what_to_do_once() {
        let full = TantivyError::from(std::io::Error::from(ErrorKind::StorageFull));
        let e = Error::Tantivy(full).in_index(Path::new("idx"));
        assert!(matches!(e, Error::DiskFull { .. }));
        let msg = e.to_string();
        assert!(msg.contains("free some space"), "{msg}");
        assert!(!msg.contains("os error"), "{msg}");
        let cannot_write = TantivyError::OpenWriteError(OpenWriteError::wrap_io_error(
            std::io::Error::from_raw_os_error(28),
            PathBuf::from("a.idx"),
        ));
        let e = Error::Tantivy(cannot_write).in_index(Path::new("idx"));
        assert!(matches!(e, Error::DiskFull { .. }), "{e}");
        let in_thread = TantivyError::ErrorInThread(
            "An IO error occurred: 'No space left on device (os error 28)'".into(),
        );
        let e = Error::Tantivy(in_thread).in_index(Path::new("idx"));
        assert!(matches!(e, Error::DiskFull { .. }), "{e}");
        // As a 1 MB tmpfs filled by `dateline index` gave it.
        let internal = TantivyError::InternalError("No space left on device (os error 28)".into());
        let e = Error::Tantivy(internal).in_index(Path::new("idx"));
        assert!(matches!(e, Error::DiskFull { .. }), "{e}");
    }

    #[test]
    fn other_tantivy_errors_do_not_repeat_their_cause() {
        let e = Error::Tantivy(TantivyError::from(std::io::Error::new(
            ErrorKind::PermissionDenied,
            "denied",
        )))
        .in_index(Path::new("idx"));
        assert_eq!(e.to_string(), "index error: denied");
        let e = Error::Tantivy(cut_short());
        assert_eq!(e.to_string().matches("Footer magic").count(), 1, "{e}");
    }
}
