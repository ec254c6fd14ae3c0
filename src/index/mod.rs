//! The index: opening and creating it, and the jobs around it, one per file. Searching lives
//! in [`crate::search`].
//!
//! - [`options`]: what an indexing run is asked to do and what it reports;
//! - [`payload`]: what each commit records (schema and parser version, city aliases);
//! - [`documents`]: an [`Article`](crate::Article) as tantivy documents;
//! - [`writer`]: tantivy's writer, and the writer session for articles that come from memory;
//! - [`sync`]: keeping the index equal to the files on disk (add, update, remove, skip);
//! - [`known`]: what the index remembers of each file, for the next run;
//! - [`stories`]: near-duplicates found as articles are written, one story id per group;
//! - [`stats`]: counts and date range.

mod columns;
mod documents;
mod known;
mod options;
mod payload;
mod stats;
mod stories;
mod sync;
mod writer;

use std::path::{Path, PathBuf};
use std::sync::RwLock;

use tantivy::{Index, IndexReader, ReloadPolicy, Searcher};

use crate::error::{Error, Result};
use crate::parse::CityAliases;
use crate::schema::{DatelineSchema, Fields};

pub(crate) use columns::{column_terms, io_err};
pub use options::{IndexOptions, IndexReport, Progress};
use payload::Payload;
pub use stats::Stats;
pub use writer::Writer;

/// An open dateline index: on disk or in memory, for searching and writing.
///
/// `DatelineIndex` is `Send + Sync`: share one (in an `Arc`) between threads and search from
/// all of them at once. Every method blocks the calling thread until it is done (searches take
/// milliseconds, [`index_paths`](DatelineIndex::index_paths) as long as the files take to
/// read); an async program calls them from a blocking pool (`spawn_blocking`).
///
/// Searches see the index as of the last reload. The index reloads after each of its own
/// commits; what other writers commit (another process running `dateline index`) becomes
/// visible after [`reload`](DatelineIndex::reload), or by itself with [`Reload::OnCommit`].
///
/// ```
/// fn shareable<T: Send + Sync>() {}
/// shareable::<dateline::DatelineIndex>();
/// ```
pub struct DatelineIndex {
    index: Index,
    fields: Fields,
    reader: IndexReader,
    version: u32,
    dir: Option<PathBuf>,
    /// The aliases the index was built with (built-in and remembered ones), for city filters.
    aliases: RwLock<CityAliases>,
    /// The archive's speakers grouped into people, per searcher generation.
    pub(crate) people: crate::search::PeopleCache,
}

/// When an open index sees commits that other writers made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reload {
    /// Only after its own commits and on [`DatelineIndex::reload`]: what a one-shot search
    /// wants (no watcher thread).
    #[default]
    Manual,
    /// Also shortly (about half a second) after any writer commits, by a watcher thread: what
    /// a long-lived process wants while `dateline index` keeps updating the index.
    OnCommit,
}

impl DatelineIndex {
    /// Opens the index in `dir`, creating the directory and an empty index if there is none.
    /// Fails with [`Error::NotAnIndex`] for a folder that holds other files, and as
    /// [`DatelineIndex::open`] does for a damaged index.
    pub fn open_or_create(dir: &Path) -> Result<DatelineIndex> {
        if crate::folder::ensure_ours(dir)? == crate::folder::Folder::Dateline
            && crate::folder::lost_meta(dir)?
        {
            return Err(Error::damaged(dir, "meta.json is missing"));
        }
        if dir.join("meta.json").exists() {
            let index = DatelineIndex::open(dir)?;
            crate::folder::mark(dir)?;
            return Ok(index);
        }
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        crate::folder::mark(dir)?;
        let s = DatelineSchema::load()?;
        let index = Index::create_in_dir(dir, s.schema.clone())
            .map_err(|e| Error::from(e).in_index(dir))?;
        DatelineIndex::wrap(index, s, Some(dir.to_path_buf()), &[], Reload::Manual)
    }

    /// Deletes the index in `dir` (only the index's own files, see `folder::clear`) and
    /// creates an empty one: what `--full` does to an index made by another schema version
    /// or a damaged one. A folder that is not a dateline index is refused.
    pub fn recreate(dir: &Path) -> Result<DatelineIndex> {
        crate::folder::clear(dir)?;
        DatelineIndex::open_or_create(dir)
    }

    /// Opens an existing index; fails with [`Error::NoIndex`] if there is none, with
    /// [`Error::SchemaMismatch`] if another version of dateline made it and with
    /// [`Error::Damaged`] if its files are damaged.
    pub fn open(dir: &Path) -> Result<DatelineIndex> {
        DatelineIndex::open_with(dir, Reload::Manual)
    }

    /// [`open`](DatelineIndex::open), choosing when other writers' commits become visible.
    ///
    /// ```no_run
    /// use dateline::{DatelineIndex, Reload, SearchRequest};
    /// # fn main() -> dateline::Result<()> {
    /// let index = DatelineIndex::open_with("archive-index".as_ref(), Reload::OnCommit)?;
    /// // ... `dateline index` runs in another process; this search sees its last commit:
    /// let results = index.search(&SearchRequest::new("bakhmut"))?;
    /// # Ok(()) }
    /// ```
    pub fn open_with(dir: &Path, reload: Reload) -> Result<DatelineIndex> {
        if !dir.join("meta.json").exists() {
            if crate::folder::lost_meta(dir)? {
                return Err(Error::damaged(dir, "meta.json is missing"));
            }
            return Err(Error::NoIndex(dir.to_path_buf()));
        }
        DatelineIndex::open_existing(dir, reload).map_err(|e| e.in_index(dir))
    }

    fn open_existing(dir: &Path, reload: Reload) -> Result<DatelineIndex> {
        let s = DatelineSchema::load()?;
        let index = Index::open_in_dir(dir)?;
        let mismatch = |found: String| Error::SchemaMismatch {
            path: dir.to_path_buf(),
            found,
            expected: s.version,
        };
        let aliases = match Payload::of(&index)? {
            Some(Ok(p)) if p.dateline_schema == s.version => p.aliases,
            Some(Ok(p)) => return Err(mismatch(p.dateline_schema.to_string())),
            Some(Err(_)) => return Err(mismatch("unknown".into())),
            None => Vec::new(),
        };
        if index.schema() != s.schema {
            return Err(mismatch("unknown (fields differ)".into()));
        }
        DatelineIndex::wrap(index, s, Some(dir.to_path_buf()), &aliases, reload)
    }

    /// A new empty index in memory (tests, embedding, experiments).
    pub fn create_in_ram() -> Result<DatelineIndex> {
        let s = DatelineSchema::load()?;
        let index = Index::create_in_ram(s.schema.clone());
        DatelineIndex::wrap(index, s, None, &[], Reload::Manual)
    }

    fn wrap(
        index: Index,
        s: DatelineSchema,
        dir: Option<PathBuf>,
        aliases: &[(String, String)],
        reload: Reload,
    ) -> Result<DatelineIndex> {
        // Same tokens as the built-in `en_stem`, faster (see `analyzer`).
        index
            .tokenizers()
            .register(crate::analyzer::EN_STEM, crate::analyzer::en_stem());
        {
            use crate::analyzer::slavic;
            let tokenizers = index.tokenizers();
            tokenizers.register(slavic::UK_STEM, slavic::uk_stem());
            tokenizers.register(slavic::RU_STEM, slavic::ru_stem());
            tokenizers.register(slavic::TRANSLIT, slavic::translit());
        }
        let reader = index
            .reader_builder()
            .reload_policy(match reload {
                Reload::Manual => ReloadPolicy::Manual,
                Reload::OnCommit => ReloadPolicy::OnCommitWithDelay,
            })
            .try_into()?;
        Ok(DatelineIndex {
            index,
            fields: s.fields,
            reader,
            version: s.version,
            dir,
            aliases: RwLock::new(CityAliases::with_custom(aliases)),
            people: Default::default(),
        })
    }

    /// The tantivy index underneath, for callers who want to go further.
    pub fn tantivy_index(&self) -> &Index {
        &self.index
    }

    /// Makes searches see the index's last commit now, whoever made it, and the city aliases
    /// it was made with. Cheap when nothing changed.
    pub fn reload(&self) -> Result<()> {
        self.reader.reload()?;
        if let Some(Ok(p)) = Payload::of(&self.index)? {
            *self.aliases.write().unwrap_or_else(|e| e.into_inner()) =
                CityAliases::with_custom(&p.aliases);
        }
        Ok(())
    }

    /// A number that changes whenever searches start to see another state of the index (a
    /// commit, or a [`reload`](DatelineIndex::reload)): a key for caching results, and a way to
    /// notice that another process committed.
    pub fn generation(&self) -> u64 {
        self.reader.searcher().generation().generation_id()
    }

    /// A searcher over the last loaded commit.
    pub(crate) fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// Handles to the schema's fields.
    pub(crate) fn fields(&self) -> &Fields {
        &self.fields
    }

    /// A city as the index files it (built-in and remembered aliases applied), so `--city
    /// Kiev` finds what a custom table filed under Kyiv.
    pub(crate) fn city_key(&self, city: &str) -> String {
        let aliases = self.aliases.read().unwrap_or_else(|e| e.into_inner());
        let name = aliases.normalize(city).unwrap_or_else(|| city.to_string());
        crate::parse::city::key(&name)
    }

    /// Where the index lives, when on disk.
    pub(crate) fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }
}
