//! The index on disk: opening and creating it, turning [`Article`]s into tantivy documents,
//! and keeping it equal to the files on disk (add, update, remove by path, skip the
//! unchanged). Searching lives in [`crate::search`].

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use tantivy::directory::error::LockError;
use tantivy::indexer::{IndexWriterOptions, UserOperation};
use tantivy::schema::Term;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError};

use crate::corpus::{self, FileEntry, Fingerprint, Globs, Skipped};
use crate::error::{Error, Result};
use crate::parse::{self, Article, CityAliases, Format, ParseOptions};
use crate::schema::{DatelineSchema, Fields, KIND_ARTICLE, KIND_QUOTE};

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
    /// Indexing threads (0 = one per core, at most 8).
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
    /// Follow symbolic links below the roots (see [`corpus::walk`]). Off, links are counted
    /// in [`IndexReport::links_skipped`], and files that an earlier run reached through a
    /// link are removed, as files that are gone.
    pub follow_links: bool,
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
        }
    }
}

/// Progress of an indexing run, for a progress bar.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    /// Files looked at so far.
    pub files_done: u64,
    /// Files to look at in all.
    pub files_total: u64,
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

/// Summary of an index, for `dateline stats`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Stats {
    /// Articles in the index.
    pub articles: u64,
    /// Quote documents in the index.
    pub quotes: u64,
    /// Articles without a date.
    pub undated: u64,
    /// Earliest article date.
    pub first_date: Option<String>,
    /// Latest article date.
    pub last_date: Option<String>,
    /// Distinct dateline cities.
    pub cities: u64,
    /// Bytes on disk (0 for an index in memory).
    pub size_bytes: u64,
    /// Index directory, when on disk.
    pub path: Option<PathBuf>,
}

/// What the commit payload records, so a later run can tell whose index it is.
#[derive(Serialize, Deserialize)]
struct Payload {
    dateline_schema: u32,
    /// [`parse::PARSER_VERSION`] of the last complete run; missing in older indexes.
    #[serde(default)]
    parser: u32,
    /// The city aliases of the last complete run beyond the built-in table
    /// ([`CityAliases::custom`]): search normalises city filters with them, and a run that
    /// changes them re-reads every file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<(String, String)>,
}

/// An open dateline index.
pub struct DatelineIndex {
    pub(crate) index: Index,
    pub(crate) fields: Fields,
    pub(crate) reader: IndexReader,
    version: u32,
    dir: Option<PathBuf>,
    /// The aliases the index was built with (built-in and remembered ones), for city filters.
    pub(crate) aliases: RwLock<CityAliases>,
}

impl DatelineIndex {
    /// Opens the index in `dir`, creating the directory and an empty index if there is none.
    pub fn open_or_create(dir: &Path) -> Result<DatelineIndex> {
        if dir.join("meta.json").exists() {
            return DatelineIndex::open(dir);
        }
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let s = DatelineSchema::load()?;
        let index = Index::create_in_dir(dir, s.schema.clone())?;
        DatelineIndex::wrap(index, s, Some(dir.to_path_buf()), &[])
    }

    /// Deletes the index in `dir` (only the files tantivy manages there) and creates an
    /// empty one: what `--full` does to an index made by another schema version.
    pub fn recreate(dir: &Path) -> Result<DatelineIndex> {
        let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let stem = name.split('.').next().unwrap_or("");
            let managed = matches!(name.as_str(), "meta.json" | ".managed.json")
                || name.starts_with(".tantivy-")
                || (stem.len() == 32 && stem.bytes().all(|b| b.is_ascii_hexdigit()));
            if managed && entry.path().is_file() {
                std::fs::remove_file(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
            }
        }
        DatelineIndex::open_or_create(dir)
    }

    /// Opens an existing index; fails with [`Error::NoIndex`] if there is none and with
    /// [`Error::SchemaMismatch`] if another version of dateline made it.
    pub fn open(dir: &Path) -> Result<DatelineIndex> {
        if !dir.join("meta.json").exists() {
            return Err(Error::NoIndex(dir.to_path_buf()));
        }
        let s = DatelineSchema::load()?;
        let index = Index::open_in_dir(dir)?;
        let mismatch = |found: String| Error::SchemaMismatch {
            path: dir.to_path_buf(),
            found,
            expected: s.version,
        };
        let metas = index.load_metas()?;
        let aliases = match metas
            .payload
            .as_deref()
            .map(serde_json::from_str::<Payload>)
        {
            Some(Ok(p)) if p.dateline_schema == s.version => p.aliases,
            Some(Ok(p)) => return Err(mismatch(p.dateline_schema.to_string())),
            Some(Err(_)) => return Err(mismatch("unknown".into())),
            None => Vec::new(),
        };
        if index.schema() != s.schema {
            return Err(mismatch("unknown (fields differ)".into()));
        }
        DatelineIndex::wrap(index, s, Some(dir.to_path_buf()), &aliases)
    }

    /// A new empty index in memory (tests, embedding, experiments).
    pub fn create_in_ram() -> Result<DatelineIndex> {
        let s = DatelineSchema::load()?;
        let index = Index::create_in_ram(s.schema.clone());
        DatelineIndex::wrap(index, s, None, &[])
    }

    fn wrap(
        index: Index,
        s: DatelineSchema,
        dir: Option<PathBuf>,
        aliases: &[(String, String)],
    ) -> Result<DatelineIndex> {
        // Same tokens as the built-in `en_stem`, faster (see `analyzer`).
        index
            .tokenizers()
            .register(crate::analyzer::EN_STEM, crate::analyzer::en_stem());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(DatelineIndex {
            index,
            fields: s.fields,
            reader,
            version: s.version,
            dir,
            aliases: RwLock::new(CityAliases::with_custom(aliases)),
        })
    }

    /// The tantivy index underneath, for callers who want to go further.
    pub fn tantivy_index(&self) -> &Index {
        &self.index
    }

    fn writer(&self, threads: usize, budget: usize) -> Result<IndexWriter> {
        let threads = if threads == 0 {
            std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
        } else {
            threads
        };
        // tantivy needs at least 15 MB per thread.
        let budget = budget.max(threads * (16 << 20));
        let options = IndexWriterOptions::builder()
            .num_worker_threads(threads)
            .memory_budget_per_thread(budget / threads)
            .num_merge_threads(crate::merges::MERGE_THREADS)
            .build();
        let writer = self
            .index
            .writer_with_options(options)
            .map_err(|e| match e {
                TantivyError::LockFailure(LockError::LockBusy, _) => Error::Locked,
                other => Error::Tantivy(other),
            })?;
        writer.set_merge_policy(Box::new(crate::merges::CappedMerges::new(
            self.dir.clone(),
            crate::merges::MAX_MERGE_INPUT,
        )));
        Ok(writer)
    }

    /// Commits, recording which parser version and which aliases the whole index reflects.
    fn commit(
        &self,
        writer: &mut IndexWriter,
        parser: u32,
        aliases: &[(String, String)],
    ) -> Result<()> {
        let payload = serde_json::to_string(&Payload {
            dateline_schema: self.version,
            parser,
            aliases: aliases.to_vec(),
        })
        .expect("payload serialises");
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&payload);
        prepared.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    /// The parser version every article in the index was read with, and the aliases beyond
    /// the built-in ones. An empty index counts as current; an index from before versions
    /// were recorded counts as 0 (re-read everything).
    fn stored_payload(&self) -> Result<(u32, Vec<(String, String)>)> {
        let payload = self.index.load_metas()?.payload;
        Ok(
            match payload.and_then(|p| serde_json::from_str::<Payload>(&p).ok()) {
                Some(p) => (p.parser, p.aliases),
                None if self.reader.searcher().num_docs() == 0 => {
                    (parse::PARSER_VERSION, Vec::new())
                }
                None => (0, Vec::new()),
            },
        )
    }

    /// Adds articles that did not come from files (embedding). An article with an id already
    /// in the index replaces it. Its `quotes` are indexed as given, but quote hits read their
    /// text, speaker and role back from the body with the quote rules, so quotes the rules
    /// would not find in `body` show as the characters they span, with no speaker.
    pub fn add_articles(&self, articles: &[Article]) -> Result<()> {
        let mut writer = self.writer(1, 32 << 20)?;
        for a in articles {
            writer.delete_term(Term::from_field_text(self.fields.id, &a.id));
            writer.run(
                self.documents(a, &a.id, Format::Seed, None)
                    .into_iter()
                    .map(UserOperation::Add),
            )?;
        }
        let (parser, aliases) = self.stored_payload()?;
        self.commit(&mut writer, parser, &aliases)
    }

    /// Builds the article document (first) and one document per quote.
    fn documents(
        &self,
        a: &Article,
        path: &str,
        format: Format,
        file: Option<(Fingerprint, u64)>,
    ) -> Vec<TantivyDocument> {
        let f = &self.fields;
        let city_key = a.city.as_deref().map(crate::parse::city::key);
        // Every document starts with the same fields. Each is built at about its final size:
        // a document grows by doubling from 1 KB, which copied every article's body twice.
        let common_len = a.id.len()
            + path.len()
            + 2 * a.city.as_deref().map_or(0, str::len)
            + a.region.as_deref().map_or(0, str::len)
            + 128;
        let with_common = |extra: usize| {
            let mut d = TantivyDocument::with_capacity(common_len + extra);
            d.add_text(f.id, &a.id);
            d.add_text(f.path, path);
            d.add_text(f.format, format.name());
            if let Some(day) = a.date {
                d.add_date(f.date, crate::date::day_to_tantivy(day));
            }
            if let (Some(city), Some(key)) = (&a.city, &city_key) {
                d.add_text(f.city, city);
                d.add_text(f.city_key, key);
            }
            if let Some(region) = &a.region {
                d.add_text(f.region, region);
            }
            if let Some(lang) = &a.language {
                d.add_text(f.language, lang);
            }
            d
        };
        let mut docs = Vec::with_capacity(1 + a.quotes.len());
        let speakers_len: usize = a
            .quotes
            .iter()
            .filter_map(|q| q.speaker.as_deref())
            .map(|s| 2 * s.len() + 16)
            .sum();
        docs.push(with_common(
            a.title.len()
                + a.body.len()
                + a.city_raw.as_deref().map_or(0, str::len)
                + a.published.as_deref().map_or(0, str::len)
                + a.url.as_deref().map_or(0, str::len)
                + speakers_len
                + 128,
        ));
        for q in &a.quotes {
            let speaker_len = q.speaker.as_deref().map_or(0, |s| 2 * s.len() + 16);
            let mut d = with_common(q.text.len() + speaker_len + 64);
            d.add_text(f.kind, KIND_QUOTE);
            // The text itself is stored once, in the article body (see `quote_search`).
            d.add_text(f.quote, &q.text);
            if let Some(s) = &q.speaker {
                d.add_text(f.speaker, s);
                d.add_text(f.speaker_name, s);
            }
            d.add_u64(f.quote_start, q.start as u64);
            d.add_u64(f.quote_end, q.end as u64);
            docs.push(d);
        }
        let d = &mut docs[0];
        d.add_text(f.kind, KIND_ARTICLE);
        if let Some(raw) = &a.city_raw {
            d.add_text(f.dateline, raw);
        }
        d.add_text(f.title, &a.title);
        d.add_text(f.body, &a.body);
        if let Some(p) = &a.published {
            d.add_text(f.published, p);
        }
        if let Some(u) = &a.url {
            d.add_text(f.url, u);
        }
        let mut speakers: Vec<&str> = a
            .quotes
            .iter()
            .filter_map(|q| q.speaker.as_deref())
            .collect();
        speakers.sort_unstable();
        speakers.dedup();
        for s in speakers {
            d.add_text(f.speaker, s);
            d.add_text(f.speaker_name, s);
        }
        if let Some((fp, hash)) = file {
            d.add_u64(f.file_size, fp.size);
            d.add_u64(f.file_mtime, fp.mtime);
            d.add_u64(f.file_hash, hash);
        }
        docs
    }

    /// What the index knows of each file, by [`path_key`]: fingerprint and the hashes of
    /// its articles' ids.
    fn known_files(&self) -> Result<HashMap<u128, KnownFile>> {
        let searcher = self.reader.searcher();
        let mut files: HashMap<u128, KnownFile> = HashMap::new();
        for seg in searcher.segment_readers() {
            let ff = seg.fast_fields();
            let (Some(paths), Some(ids)) = (ff.str("path")?, ff.str("id")?) else {
                continue;
            };
            // Hash each path and id, reading each dictionary once, in order: a lookup per
            // document would decompress a dictionary block per document.
            let mut keys = Vec::with_capacity(paths.num_terms());
            for_each_term(&paths, |path| keys.push(path_key(path)))?;
            let mut id_keys = Vec::with_capacity(ids.num_terms());
            for_each_term(&ids, |id| id_keys.push(id_key(id)))?;
            let size = ff.u64("file_size")?;
            let mtime = ff.u64("file_mtime")?;
            let hash = ff.u64("file_hash")?;
            let alive = seg.alive_bitset();
            for doc in 0..seg.max_doc() {
                if alive.is_some_and(|a| a.is_deleted(doc)) {
                    continue;
                }
                // Only article documents carry a file fingerprint.
                let Some(sz) = size.first(doc) else { continue };
                let (Some(ord), Some(id)) = (paths.ords().first(doc), ids.ords().first(doc)) else {
                    continue;
                };
                let k = files
                    .entry(keys[ord as usize])
                    .or_insert_with(|| KnownFile {
                        size: sz,
                        mtime: mtime.first(doc).unwrap_or(0),
                        hash: hash.first(doc).unwrap_or(0),
                        ids: IdKeys::None,
                        seen: AtomicBool::new(false),
                    });
                k.ids.push(id_keys[id as usize]);
            }
        }
        Ok(files)
    }

    /// Paths of the files in `known` that no walk of this run met, as the index spells
    /// them: read from each segment's path dictionary in order.
    fn unseen_paths(&self, known: &HashMap<u128, KnownFile>) -> Result<Vec<(String, usize)>> {
        let mut out = Vec::new();
        for seg in self.reader.searcher().segment_readers() {
            let Some(paths) = seg.fast_fields().str("path")? else {
                continue;
            };
            for_each_term(&paths, |path| {
                if let Some(k) = known.get(&path_key(path)) {
                    // `seen` also keeps a path held by two segments from coming out twice.
                    if !k.seen.swap(true, Ordering::Relaxed) {
                        out.push((path.to_owned(), k.ids.len()));
                    }
                }
            })?;
        }
        Ok(out)
    }

    /// Brings the index in line with the files under `roots`: new files are added, changed
    /// ones re-read, unchanged ones skipped without reading, and files that no longer exist
    /// removed. A file that cannot be read or parsed is reported in
    /// [`IndexReport::skipped`] and the run goes on.
    pub fn index_paths(
        &self,
        roots: &[PathBuf],
        opts: &IndexOptions,
        progress: &(dyn Fn(Progress) + Sync),
    ) -> Result<IndexReport> {
        let started = Instant::now();
        let globs = Globs::new(&opts.globs)?;
        let mut report = IndexReport::default();
        // Every root is resolved before any work, so a bad root fails the run up front.
        let links_skipped = AtomicU64::new(0);
        let mut walks = Vec::new();
        let mut canonical_roots = Vec::new();
        for root in roots {
            walks.push(corpus::walk(
                root,
                &globs,
                opts.follow_links,
                &links_skipped,
            )?);
            canonical_roots.push(root.canonicalize().map_err(|e| Error::io(root, e))?);
        }
        let mut writer = self.writer(opts.threads, opts.memory_budget)?;
        // Articles read by an older parser are stale even when their file is not: re-read
        // every file then (intermediate commits keep the old version, so a crash resumes it).
        let (stored_parser, stored_aliases) = self.stored_payload()?;
        // The index remembers the aliases of the run that last gave some; a run without uses
        // them, except a `full` one, which starts again from the built-in table. Cities were
        // normalised with the old table: a change re-reads every file, like a parser change.
        let given = opts.parse.aliases.custom();
        let aliases = if given.is_empty() && !opts.full {
            stored_aliases.clone()
        } else {
            given
        };
        let reread = stored_parser != parse::PARSER_VERSION || aliases != stored_aliases;
        let opts = &IndexOptions {
            parse: ParseOptions {
                aliases: CityAliases::with_custom(&aliases),
                ..opts.parse.clone()
            },
            ..opts.clone()
        };
        let known = if opts.full {
            writer.delete_all_documents()?;
            None
        } else {
            Some(self.known_files()?)
        };

        // The walk runs on its own thread and hands files over in batches through a short
        // queue, so memory holds a few batches whatever the number of files.
        let found = AtomicU64::new(0);
        let done = AtomicU64::new(0);
        let cancelled = || {
            opts.cancel
                .as_ref()
                .is_some_and(|c| c.load(Ordering::Relaxed))
        };
        // Small batches, so the time limit is checked often; a commit after a batch only when
        // enough files or enough time have gone by since the last one.
        let every = opts.commit_every.max(1);
        let batch_len = every.min(2_000);
        let walk_skipped = std::thread::scope(|scope| -> Result<Vec<Skipped>> {
            let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<FileEntry>>(2);
            let found = &found;
            let walker = scope.spawn(move || {
                let mut skipped = Vec::new();
                let mut batch = Vec::with_capacity(batch_len);
                for entry in walks.into_iter().flatten() {
                    if cancelled() {
                        break;
                    }
                    match entry {
                        Ok(file) => batch.push(file),
                        Err(s) => skipped.push(s),
                    }
                    if batch.len() == batch_len {
                        found.fetch_add(batch.len() as u64, Ordering::Relaxed);
                        let full = std::mem::replace(&mut batch, Vec::with_capacity(batch_len));
                        if tx.send(full).is_err() {
                            // The indexing side stopped (cancelled or failed).
                            return skipped;
                        }
                    }
                }
                found.fetch_add(batch.len() as u64, Ordering::Relaxed);
                if !batch.is_empty() {
                    let _ = tx.send(batch);
                }
                skipped
            });
            let shared = Mutex::new(&mut report);
            let mut last_commit = Instant::now();
            let mut since_commit = 0usize;
            for batch in rx {
                if cancelled() {
                    break;
                }
                batch.par_iter().for_each(|entry| {
                    if cancelled() {
                        return;
                    }
                    let path = entry.path.to_string_lossy();
                    let known_file = known.as_ref().and_then(|k| k.get(&path_key(&path)));
                    if let Some(k) = known_file {
                        k.seen.store(true, Ordering::Relaxed);
                    }
                    let outcome = self.index_file(&writer, entry, &path, known_file, reread, opts);
                    let mut r = shared.lock().expect("report lock");
                    outcome.apply(&mut r, &path);
                    drop(r);
                    let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                    progress(Progress {
                        files_done: n,
                        files_total: found.load(Ordering::Relaxed).max(n),
                    });
                });
                since_commit += batch.len();
                if since_commit >= every || last_commit.elapsed() >= opts.commit_interval {
                    self.commit(&mut writer, stored_parser, &stored_aliases)?;
                    last_commit = Instant::now();
                    since_commit = 0;
                }
            }
            // `rx` is gone: a walker still sending stops.
            Ok(walker.join().expect("walker thread"))
        })?;
        // Paths that could not be walked come first in the report, as they were found first.
        report.skipped.splice(0..0, walk_skipped);
        report.links_skipped = links_skipped.into_inner();
        if cancelled() {
            // Whatever the batches added since the last commit is committed now.
            self.commit(&mut writer, stored_parser, &stored_aliases)?;
            report.interrupted = true;
            report.elapsed_ms = started.elapsed().as_millis() as u64;
            return Ok(report);
        }

        // Files the index knows under these roots that this walk did not see and that are
        // gone from disk. (A file only left out by a narrower --glob stays indexed.)
        let unseen = match &known {
            Some(known) => self.unseen_paths(known)?,
            None => Vec::new(),
        };
        for (path, articles) in unseen {
            let p = Path::new(&path);
            if canonical_roots
                .iter()
                .any(|r| corpus::gone(r, p, opts.follow_links))
            {
                writer.delete_term(Term::from_field_text(self.fields.path, &path));
                report.removed += articles as u64;
            }
        }
        self.commit(&mut writer, parse::PARSER_VERSION, &aliases)?;
        *self.aliases.write().unwrap_or_else(|e| e.into_inner()) = opts.parse.aliases.clone();
        // Let the merges the commits started finish, so the run leaves a settled index
        // (same size and segments for the same input) rather than half-written merges.
        writer.wait_merging_threads()?;
        report.elapsed_ms = started.elapsed().as_millis() as u64;
        Ok(report)
    }

    fn index_file(
        &self,
        writer: &IndexWriter,
        entry: &FileEntry,
        path: &str,
        known: Option<&KnownFile>,
        reread: bool,
        opts: &IndexOptions,
    ) -> Outcome {
        let skip = |reason: String| {
            Outcome::Skipped(reason, known.map(|_| self.delete(writer, path, known)))
        };
        // A file the index has is compared by size and time without being opened; any other
        // is opened first and described by the open file (one path lookup, not two).
        let opened = match known.filter(|_| !reread) {
            Some(k) => match entry.stat() {
                Ok(fp) if k.size == fp.size && k.mtime == fp.mtime => {
                    return Outcome::Unchanged(k.ids.len() as u64);
                }
                Ok(fp) => std::fs::File::open(&entry.path).map(|file| (file, fp)),
                Err(e) => Err(e),
            },
            None => std::fs::File::open(&entry.path).and_then(|file| {
                let fp = Fingerprint::of(&file.metadata()?);
                Ok((file, fp))
            }),
        };
        let (file, fp) = match opened {
            Ok(o) => o,
            Err(e) => return skip(e.to_string()),
        };
        if fp.size > opts.max_file_size {
            return skip(format!(
                "file too large ({} MB, limit {} MB)",
                fp.size >> 20,
                opts.max_file_size >> 20
            ));
        }
        let bytes = match read_file(file, fp.size) {
            Ok(b) => b,
            Err(e) => return skip(e.to_string()),
        };
        let hash = xxhash_rust::xxh3::xxh3_64(&bytes);
        if let Some(k) = known.filter(|_| !reread) {
            if k.hash == hash && k.size == fp.size {
                return Outcome::Unchanged(k.ids.len() as u64);
            }
        }
        let format = opts
            .format
            .unwrap_or_else(|| parse::detect(&entry.rel, &bytes[..bytes.len().min(4096)]));
        let articles = match parse::parse_with(format, &entry.rel, &bytes, &opts.parse) {
            Ok(a) if !a.is_empty() => a,
            Ok(_) => {
                return Outcome::Skipped(
                    "no articles found".into(),
                    known.map(|_| self.delete(writer, path, known)),
                )
            }
            Err(e) => {
                return Outcome::Skipped(
                    e.to_string(),
                    known.map(|_| self.delete(writer, path, known)),
                )
            }
        };
        if known.is_some() {
            writer.delete_term(Term::from_field_text(self.fields.path, path));
        }
        let mut result = Added {
            format,
            indexed: 0,
            updated: 0,
            removed: 0,
            warnings: Vec::new(),
        };
        for a in &articles {
            let existed = known.is_some_and(|k| k.ids.contains(id_key(&a.id)));
            if existed {
                result.updated += 1;
            } else {
                result.indexed += 1;
            }
            for w in &a.warnings {
                result.warnings.push((a.id.clone(), w.clone()));
            }
            // An article and its quotes go to the indexing threads as one batch: one hand-over
            // instead of one per document, and always into the same segment.
            let docs = self.documents(a, path, format, Some((fp, hash)));
            if let Err(e) = writer.run(docs.into_iter().map(UserOperation::Add)) {
                return Outcome::Skipped(format!("index write failed: {e}"), None);
            }
        }
        if let Some(k) = known {
            let now: Vec<u64> = articles.iter().map(|a| id_key(&a.id)).collect();
            result.removed = k.ids.iter().filter(|i| !now.contains(i)).count() as u64;
        }
        Outcome::Added(result)
    }

    fn delete(&self, writer: &IndexWriter, path: &str, known: Option<&KnownFile>) -> u64 {
        writer.delete_term(Term::from_field_text(self.fields.path, path));
        known.map_or(0, |k| k.ids.len() as u64)
    }

    /// Counts and date range of the index.
    pub fn stats(&self) -> Result<Stats> {
        let searcher = self.reader.searcher();
        let mut articles = 0u64;
        let mut quotes = 0u64;
        let mut undated = 0u64;
        let mut min: Option<i64> = None;
        let mut max: Option<i64> = None;
        let mut cities = std::collections::HashSet::new();
        for seg in searcher.segment_readers() {
            let ff = seg.fast_fields();
            let Some(kind) = ff.str("kind")? else {
                continue;
            };
            let date = ff.date("date")?;
            let city = ff.str("city")?;
            let alive = seg.alive_bitset();
            let mut article_ord = None;
            let mut s = String::new();
            for ord in 0..kind.num_terms() as u64 {
                kind.ord_to_str(ord, &mut s).map_err(io_err)?;
                if s == KIND_ARTICLE {
                    article_ord = Some(ord);
                }
            }
            let mut city_ords = std::collections::HashSet::new();
            for doc in 0..seg.max_doc() {
                if alive.is_some_and(|a| a.is_deleted(doc)) {
                    continue;
                }
                if kind.ords().first(doc) != article_ord {
                    quotes += 1;
                    continue;
                }
                articles += 1;
                match date.first(doc) {
                    Some(d) => {
                        let t = d.into_timestamp_secs();
                        min = Some(min.map_or(t, |m| m.min(t)));
                        max = Some(max.map_or(t, |m| m.max(t)));
                    }
                    None => undated += 1,
                }
                if let Some(c) = city.as_ref().and_then(|c| c.ords().first(doc)) {
                    city_ords.insert(c);
                }
            }
            if let Some(c) = &city {
                let names = column_terms(c)?;
                for ord in city_ords {
                    cities.insert(names[ord as usize].clone());
                }
            }
        }
        let day = |t: i64| crate::date::day_from_secs(t).to_string();
        Ok(Stats {
            articles,
            quotes,
            undated,
            first_date: min.map(day),
            last_date: max.map(day),
            cities: cities.len() as u64,
            size_bytes: self.dir.as_deref().map_or(0, dir_size),
            path: self.dir.clone(),
        })
    }
}

/// Every value of a string fast-field column, indexed by term ordinal, read in one pass.
pub(crate) fn column_terms(col: &tantivy::columnar::StrColumn) -> Result<Vec<String>> {
    let mut terms = Vec::with_capacity(col.num_terms());
    for_each_term(col, |term| terms.push(term.to_owned()))?;
    Ok(terms)
}

/// Calls `f` with every value of a string fast-field column (as lossy UTF-8), in term
/// ordinal order, reading the dictionary once.
fn for_each_term(col: &tantivy::columnar::StrColumn, mut f: impl FnMut(&str)) -> Result<()> {
    let mut stream = col.dictionary().stream().map_err(io_err)?;
    while stream.advance() {
        f(&String::from_utf8_lossy(stream.key()));
    }
    Ok(())
}

fn io_err(e: std::io::Error) -> Error {
    Error::Tantivy(TantivyError::from(e))
}

fn dir_size(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// A file as the index knows it.
struct KnownFile {
    size: u64,
    mtime: u64,
    hash: u64,
    /// Its articles' ids, hashed.
    ids: IdKeys,
    /// Met by this run's walk.
    seen: AtomicBool,
}

/// 64-bit hashes of a file's article ids (enough to tell, within one file, which ids came
/// back), held inline for the usual one article per file.
enum IdKeys {
    None,
    One(u64),
    Many(Vec<u64>),
}

impl IdKeys {
    fn push(&mut self, id: u64) {
        *self = match std::mem::replace(self, IdKeys::None) {
            IdKeys::None => IdKeys::One(id),
            IdKeys::One(first) => IdKeys::Many(vec![first, id]),
            IdKeys::Many(mut all) => {
                all.push(id);
                IdKeys::Many(all)
            }
        };
    }

    fn as_slice(&self) -> &[u64] {
        match self {
            IdKeys::None => &[],
            IdKeys::One(id) => std::slice::from_ref(id),
            IdKeys::Many(all) => all,
        }
    }

    fn len(&self) -> usize {
        self.as_slice().len()
    }

    fn contains(&self, id: u64) -> bool {
        self.as_slice().contains(&id)
    }

    fn iter(&self) -> std::slice::Iter<'_, u64> {
        self.as_slice().iter()
    }
}

/// The key of a path in the map of known files: a 128-bit hash, so two paths never share
/// one in practice, and a re-index of millions of files keeps tens of bytes per file, not
/// the hundreds its path and article ids would take.
fn path_key(path: &str) -> u128 {
    xxhash_rust::xxh3::xxh3_128(path.as_bytes())
}

/// The key of an article id among its file's ids ([`IdKeys`]): a 64-bit hash, as ids only
/// need telling apart within one file.
fn id_key(id: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(id.as_bytes())
}

struct Added {
    format: Format,
    indexed: u64,
    updated: u64,
    removed: u64,
    warnings: Vec<(String, String)>,
}

enum Outcome {
    Unchanged(u64),
    /// Reason, and how many previously indexed articles of the file were removed.
    Skipped(String, Option<u64>),
    Added(Added),
}

impl Outcome {
    fn apply(self, r: &mut IndexReport, path: &str) {
        match self {
            Outcome::Unchanged(n) => r.unchanged += n,
            Outcome::Skipped(reason, removed) => {
                r.removed += removed.unwrap_or(0);
                r.skipped.push(Skipped {
                    path: path.to_string(),
                    reason,
                });
            }
            Outcome::Added(a) => {
                r.indexed += a.indexed;
                r.updated += a.updated;
                r.removed += a.removed;
                *r.formats.entry(a.format.name().to_string()).or_default() += a.indexed + a.updated;
                for (id, w) in a.warnings {
                    r.warnings.push(Skipped {
                        path: id,
                        reason: w,
                    });
                }
            }
        }
    }
}

/// The bytes of an open file whose size was just read: `std::fs::read` without its second
/// `fstat` for the size. `File`'s own `read_to_end` asks for the size too (and the
/// position), so the file is read through `take`, whose `read_to_end` does not.
fn read_file(file: std::fs::File, size: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    file.take(u64::MAX).read_to_end(&mut bytes)?;
    Ok(bytes)
}
