//! What an indexing run is asked to do ([`IndexOptions`]) and what it reports
//! ([`IndexReport`], [`Progress`]).

use std::collections::BTreeMap;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::corpus::Skipped;
use crate::parse::{Format, ParseOptions};
#[cfg(doc)]
use crate::{parse::CityAliases, DatelineIndex};

/// Options for [`DatelineIndex::index_paths`].
#[derive(Debug, Clone)]
pub struct IndexOptions {
    /// Include/exclude globs (`*.txt`, `!*.bak`).
    pub globs: Vec<String>,
    /// Force one format instead of detecting it per file.
    pub format: Option<Format>,
    /// City aliases and JSON field mapping for the readers. Aliases beyond the built-in
    /// table are remembered by the index (see [`CityAliases::custom`]): a run with none uses
    /// the remembered ones (a `full` run drops them), and a run with others re-reads every
    /// file.
    pub parse: ParseOptions,
    /// Ignore what the index holds and re-read every file.
    pub full: bool,
    /// Threads (0 = one per core, at most 8): this many parse files, on a pool of the run's
    /// own (never the host program's), and as many tantivy indexing threads take the parsed
    /// articles from them. Besides them a run has one thread walking the directories and one
    /// merging segments.
    pub threads: usize,
    /// Total memory budget of the index writer, in bytes.
    pub memory_budget: usize,
    /// Commit after at most this many files, so an interrupted run loses little work.
    pub commit_every: usize,
    /// Commit also when this much time has passed since the last commit. Commits are not
    /// free (each one ends segments that tantivy then merges), so a run that finishes
    /// quickly commits once.
    pub commit_interval: std::time::Duration,
    /// Files larger than this many bytes are skipped (reported), so one huge file cannot
    /// exhaust memory.
    pub max_file_size: u64,
    /// Set from another thread (a Ctrl-C handler) to stop after the current files; what was
    /// done is committed and the report says `interrupted`.
    pub cancel: Option<Arc<AtomicBool>>,
    /// Follow symbolic links below the roots. Off, links are counted in
    /// [`IndexReport::links_skipped`], and files that an earlier run reached through a link
    /// are removed, as files that are gone.
    pub follow_links: bool,
    /// Read every file as an article, even those that look like something else (a README,
    /// annotations, a data table or word list; see [`IndexReport::not_articles`]).
    pub all_files: bool,
    /// The similarity (estimated Jaccard of word 5-shingles, 0.05 to 1) at which two
    /// articles are one story; `None` keeps the index's (or [`crate::story::DEFAULT_THRESHOLD`]
    /// for a new one). The index remembers it; a run with another re-reads every file.
    pub dup_threshold: Option<f64>,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            globs: Vec::new(),
            format: None,
            parse: ParseOptions::default(),
            full: false,
            threads: 0,
            memory_budget: 256 << 20,
            commit_every: 100_000,
            commit_interval: std::time::Duration::from_secs(60),
            max_file_size: 64 << 20,
            cancel: None,
            follow_links: false,
            all_files: false,
            dup_threshold: None,
        }
    }
}

/// Progress of an indexing run, for a progress bar. Totals grow while the walk is still
/// finding files.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Progress {
    /// Files looked at so far.
    pub files_done: u64,
    /// Files to look at in all.
    pub files_total: u64,
    /// Bytes of the files looked at so far.
    pub bytes_done: u64,
    /// Bytes of all the files found so far.
    pub bytes_total: u64,
}

/// What an indexing run did. Counts are of articles (records), not files.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct IndexReport {
    /// New articles added.
    pub indexed: u64,
    /// Articles whose file changed and were re-read.
    pub updated: u64,
    /// Articles whose file did not change (not re-read).
    pub unchanged: u64,
    /// Articles removed because their file is gone.
    pub removed: u64,
    /// Files (or paths) that yielded nothing, with the reason.
    pub skipped: Vec<Skipped>,
    /// Files left out as not articles (documentation, annotations, data tables), with why;
    /// [`IndexOptions::all_files`] reads them anyway. Not an error.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_articles: Vec<Skipped>,
    /// Symbolic links not followed ([`IndexOptions::follow_links`] off).
    #[serde(default)]
    pub links_skipped: u64,
    /// Articles indexed with something missing (no date, no city, re-decoded bytes).
    pub warnings: Vec<Skipped>,
    /// Articles newly read, per format.
    pub formats: BTreeMap<String, u64>,
    /// Wall time of the run.
    pub elapsed_ms: u64,
    /// The run was stopped early (Ctrl-C); what was done is committed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub interrupted: bool,
}
