//! Keeping the index equal to the files under some roots: new files are added, changed ones
//! re-read, unchanged ones skipped without reading, and files that are gone removed. The walk
//! runs on its own thread; files are parsed on a pool of the run's own and handed to tantivy's
//! indexing threads an article (with its quotes) at a time, in the order the walk found the
//! files, so that stories (`stories`) are assigned in a fixed order.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use tantivy::indexer::UserOperation;
use tantivy::schema::Term;
use tantivy::{IndexWriter, TantivyDocument};

use super::known::{id_key, path_key, KnownFile};
use super::options::{IndexOptions, IndexReport, Progress};
use super::payload::Made;
use super::stories::{Stories, StoryKey};
use super::writer::thread_count;
use super::DatelineIndex;
use crate::corpus::{self, FileEntry, Fingerprint, Globs, Skipped};
use crate::error::{Error, Result};
use crate::parse::{self, Article, CityAliases, Format, ParseOptions};

impl DatelineIndex {
    /// Brings the index in line with the files under `roots`: new files are added, changed
    /// ones re-read, unchanged ones skipped without reading, and files that no longer exist    /// removed. A file that cannot be read or parsed is reported in
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
        let threads = thread_count(opts.threads);
        let mut writer = self.tantivy_writer(threads, opts.memory_budget)?;
        // Parsing runs on a pool of the run's own, as wide as asked: never on the host
        // program's (rayon's global pool), never wider than `threads`.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("dateline-parse-{i}"))
            .build()
            .map_err(|e| Error::Threads(e.to_string()))?;
        // Articles read by an older parser are stale even when their file is not: re-read
        // every file then (intermediate commits keep the old version, so a crash resumes it).
        let stored = self.made()?;
        // The index remembers the aliases of the run that last gave some; a run without uses
        // them, except a `full` one, which starts again from the built-in table. Cities were
        // normalised with the old table: a change re-reads every file, like a parser change.
        let given = opts.parse.aliases.custom();
        let aliases = if given.is_empty() && !opts.full {
            stored.aliases.clone()
        } else {
            given
        };
        // Files judged by another rule (with or without --all-files) are judged again.
        let threshold = match opts.dup_threshold {
            Some(t) => crate::story::check_threshold(t).map_err(Error::BadRequest)?,
            None => stored.dup_threshold,
        };
        let reread = stored.parser != parse::PARSER_VERSION
            || aliases != stored.aliases
            || opts.all_files != stored.all_files
            || threshold != stored.dup_threshold;
        let opts = &IndexOptions {
            parse: ParseOptions {
                aliases: CityAliases::with_custom(&aliases),
                ..opts.parse.clone()
            },
            dup_threshold: Some(threshold),
            ..opts.clone()
        };
        let known = if opts.full {
            writer.delete_all_documents()?;
            None
        } else {
            Some(self.known_files()?)
        };
        // New articles meet the committed ones through the index, unless there are none to
        // meet, or they were grouped by another threshold (then every file is read again).
        let committed = self.reader.searcher();
        let look = known.is_some() && committed.num_docs() > 0 && threshold == stored.dup_threshold;
        let mut stories = Stories::new(self.fields(), threshold, look.then_some(committed));

        // The walk runs on its own thread and hands files over in batches through a short
        // queue, so memory holds a few batches whatever the number of files.
        let found = AtomicU64::new(0);
        let done = AtomicU64::new(0);
        // Bytes, for progress: the walk measures each file it hands over (a `stat` on its own
        // thread), so the remaining time follows the work, not the count of files.
        let found_bytes = AtomicU64::new(0);
        let done_bytes = AtomicU64::new(0);
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
            let found_bytes = &found_bytes;
            let walker = scope.spawn(move || {
                let mut skipped = Vec::new();
                let mut batch = Vec::with_capacity(batch_len);
                for entry in walks.into_iter().flatten() {
                    if cancelled() {
                        break;
                    }
                    match entry {
                        Ok(mut file) => {
                            // The fingerprint serves the progress (its size) and, for a file
                            // the index has, the unchanged check: one `stat` per file.
                            file.fingerprint = file.stat().ok();
                            found_bytes.fetch_add(file.size(), Ordering::Relaxed);
                            batch.push(file);
                        }
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
            let sequencer = Mutex::new(Sequencer {
                next: 0,
                ready: BTreeMap::new(),
            });
            let writing = Mutex::new(Writing {
                stories: &mut stories,
                report: &mut report,
            });
            let mut last_commit = Instant::now();
            let mut since_commit = 0usize;
            for batch in rx {
                if cancelled() {
                    break;
                }
                sequencer.lock().expect("sequencer lock").next = 0;
                // Each parse thread takes the next file of the batch, so files finish about
                // in order; whoever finishes the file next in line writes it and any ready
                // after it. Parsing stays parallel; writing and story assignment go in order.
                // The writer takes the writing lock before it lets go of the queue, so a later
                // drainer waits for it; meanwhile the others hand in what they parsed and
                // parse on.
                let taken = AtomicUsize::new(0);
                let work = || loop {
                    let i = taken.fetch_add(1, Ordering::Relaxed);
                    let Some(entry) = batch.get(i) else { break };
                    let parsed = if cancelled() {
                        None
                    } else {
                        let path = entry.path.to_string_lossy();
                        let known_file = known.as_ref().and_then(|k| k.get(&path_key(&path)));
                        if let Some(k) = known_file {
                            k.seen.store(true, Ordering::Relaxed);
                        }
                        let outcome =
                            self.index_file(&writer, entry, &path, known_file, reread, opts);
                        Some((outcome, path.into_owned(), entry.size()))
                    };
                    let mut guard = sequencer.lock().expect("sequencer lock");
                    let seq = &mut *guard;
                    seq.ready.insert(i, parsed);
                    let mut due = Vec::new();
                    while let Some(item) = seq.ready.remove(&seq.next) {
                        seq.next += 1;
                        due.push(item);
                    }
                    if due.is_empty() {
                        continue;
                    }
                    let mut out = writing.lock().expect("writing lock");
                    drop(guard);
                    let out = &mut *out;
                    for (outcome, path, size) in due.into_iter().flatten() {
                        let outcome = self.write(&writer, out.stories, &path, outcome);
                        outcome.apply(out.report, &path);
                        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                        let bytes = done_bytes.fetch_add(size, Ordering::Relaxed) + size;
                        progress(Progress {
                            files_done: n,
                            files_total: found.load(Ordering::Relaxed).max(n),
                            bytes_done: bytes,
                            bytes_total: found_bytes.load(Ordering::Relaxed).max(bytes),
                        });
                    }
                };
                pool.scope(|s| {
                    for _ in 0..threads {
                        s.spawn(|_| work());
                    }
                });
                since_commit += batch.len();
                if since_commit >= every || last_commit.elapsed() >= opts.commit_interval {
                    self.commit(&mut writer, &stored)?;
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
            self.commit(&mut writer, &stored)?;
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
                writer.delete_term(Term::from_field_text(self.fields().path, &path));
                report.removed += articles as u64;
            }
        }
        self.commit(
            &mut writer,
            &Made {
                parser: parse::PARSER_VERSION,
                aliases,
                all_files: opts.all_files,
                dup_threshold: threshold,
            },
        )?;
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
        let not_article = |reason: String| {
            Outcome::NotArticle(reason, known.map(|_| self.delete(writer, path, known)))
        };
        // Files beside the articles (a README, annotations, tables) are left out unless the
        // user insists: with --all-files, or by naming the format.
        let judge = !opts.all_files && opts.format.is_none();
        if judge {
            if let Some(why) = parse::kind::by_name(&entry.rel) {
                return not_article(why);
            }
        }
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
        if judge && format == Format::Wire {
            // Plain text that no reader claimed: an article only if it reads as prose.
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(8192)]);
            if let Some(why) = parse::kind::by_text(&head) {
                return not_article(why.to_string());
            }
        }
        let articles = match parse::parse_with(format, &entry.rel, &bytes, &opts.parse) {
            // Records with no text at all (annotation sidecars in JSON, an empty wire record)
            // are no articles.
            Ok(a) if a.iter().any(has_text) => a,
            Ok(a) if !a.is_empty() => {
                return not_article("no article text in it (an annotation or data file?)".into())
            }
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
            writer.delete_term(Term::from_field_text(self.fields().path, path));
        }
        let mut result = Added {
            format,
            indexed: 0,
            updated: 0,
            removed: 0,
            warnings: Vec::new(),
            empty: Vec::new(),
            pending: Vec::new(),
        };
        let (articles, empty): (Vec<Article>, Vec<Article>) =
            articles.into_iter().partition(has_text);
        result.empty = empty.into_iter().map(|a| a.id).collect();
        result.pending.reserve(articles.len());
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
            // Documents and signature are made here, in parallel; the story is decided and
            // the documents written in file order (`write`).
            let docs = self.documents(a, path, format, Some((fp, hash)));
            result.pending.push((
                docs,
                StoryKey::of(a, opts.dup_threshold.is_some_and(crate::story::detects)),
            ));
        }
        if let Some(k) = known {
            let now: Vec<u64> = articles.iter().map(|a| id_key(&a.id)).collect();
            result.removed = k.ids.iter().filter(|i| !now.contains(i)).count() as u64;
        }
        Outcome::Added(result)
    }

    /// Writes a parsed file's articles, each with its story: in file order, one file at a
    /// time. An article and its quotes go to the indexing threads as one batch: one
    /// hand-over instead of one per document, and always into the same segment.
    fn write(
        &self,
        writer: &IndexWriter,
        stories: &mut Stories,
        path: &str,
        outcome: Outcome,
    ) -> Outcome {
        let Outcome::Added(mut added) = outcome else {
            return outcome;
        };
        for (mut docs, key) in std::mem::take(&mut added.pending) {
            let story = match stories.assign(path, &key) {
                Ok(s) => s,
                Err(e) => return Outcome::Skipped(format!("story lookup failed: {e}"), None),
            };
            stories.label(&mut docs, &key, story);
            if let Err(e) = writer.run(docs.into_iter().map(UserOperation::Add)) {
                return Outcome::Skipped(format!("index write failed: {e}"), None);
            }
        }
        Outcome::Added(added)
    }

    fn delete(&self, writer: &IndexWriter, path: &str, known: Option<&KnownFile>) -> u64 {
        writer.delete_term(Term::from_field_text(self.fields().path, path));
        known.map_or(0, |k| k.ids.len() as u64)
    }
}

struct Added {
    format: Format,
    indexed: u64,
    updated: u64,
    removed: u64,
    warnings: Vec<(String, String)>,
    /// Ids of records with no text, left out.
    empty: Vec<String>,
    /// The articles' documents and story keys, to write in file order.
    pending: Vec<(Vec<TantivyDocument>, StoryKey)>,
}

/// Puts parsed files back in walk order for writing: `ready` holds what finished early.
struct Sequencer {
    next: usize,
    ready: BTreeMap<usize, Option<(Outcome, String, u64)>>,
}

/// What writing in order needs, one file at a time.
struct Writing<'a> {
    stories: &'a mut Stories,
    report: &'a mut IndexReport,
}

/// Whether an article has any text: a title or a body.
fn has_text(a: &Article) -> bool {
    !a.title.trim().is_empty() || !a.body.trim().is_empty()
}

enum Outcome {
    Unchanged(u64),
    /// Reason, and how many previously indexed articles of the file were removed.
    Skipped(String, Option<u64>),
    /// Not an article file (documentation, annotations, data); as for `Skipped`.
    NotArticle(String, Option<u64>),
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
            Outcome::NotArticle(reason, removed) => {
                r.removed += removed.unwrap_or(0);
                r.not_articles.push(Skipped {
                    path: path.to_string(),
                    reason,
                });
            }
            Outcome::Added(a) => {
                r.indexed += a.indexed;
                r.updated += a.updated;
                r.removed += a.removed;
                *r.formats.entry(a.format.name().to_string()).or_default() += a.indexed + a.updated;
                for id in a.empty {
                    r.not_articles.push(Skipped {
                        path: id,
                        reason: "a record with no text".into(),
                    });
                }
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
