//! `dateline check`: verifies an index on demand. Its own files (every segment file read
//! whole against its checksum, every segment opened) and its agreement with the files it was
//! built from (articles whose file is gone or changed since it was indexed). Reads only;
//! never repairs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::index::SegmentReader;
use tantivy::Index;

use crate::corpus::Fingerprint;
use crate::error::{file_of, Error, Result};
use crate::folder::{self, Folder};
use crate::index::DatelineIndex;

/// Problems listed per kind in the text report; `--json` lists them all.
const SHOWN: usize = 10;

/// What `dateline check` found.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct CheckReport {
    /// The index directory.
    pub index: PathBuf,
    /// Nothing wrong was found.
    pub ok: bool,
    /// Segments the index lists.
    pub segments: u64,
    /// Index files read whole against their checksums.
    pub files_verified: u64,
    /// Source files the index knows (files its articles came from).
    pub sources: u64,
    /// Source files looked at on disk: all of them when the index could be read.
    pub sources_checked: u64,
    /// What is wrong, index damage first.
    pub problems: Vec<Problem>,
}

/// One thing found wrong.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Problem {
    /// Its kind.
    pub kind: ProblemKind,
    /// The file concerned: an index file (relative to the index) or a source file.
    pub path: String,
    /// What is wrong, in plain words.
    pub detail: String,
}

/// Kinds of [`Problem`].
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// A file of the index is missing, cut short or corrupt: rebuild with `--full`.
    Damaged,
    /// A source file the index has articles from is gone.
    SourceGone,
    /// A source file changed since it was indexed.
    SourceChanged,
}

impl CheckReport {
    /// Whether a problem of this kind was found.
    pub fn has(&self, kind: ProblemKind) -> bool {
        self.problems.iter().any(|p| p.kind == kind)
    }

    /// The report for a person: what was checked, each problem, and what to do.
    pub fn to_text(&self) -> String {
        let dir = self.index.display();
        let mut out = format!(
            "index {dir}: {} segments, {} index files verified, {} of {} source files checked\n",
            self.segments, self.files_verified, self.sources_checked, self.sources
        );
        if self.ok {
            out.push_str("ok: no problems found\n");
            return out;
        }
        let mut by_kind: BTreeMap<ProblemKind, Vec<&Problem>> = BTreeMap::new();
        for p in &self.problems {
            by_kind.entry(p.kind).or_default().push(p);
        }
        for (kind, problems) in &by_kind {
            let heading = match kind {
                ProblemKind::Damaged => "the index is damaged",
                ProblemKind::SourceGone => "files gone since they were indexed",
                ProblemKind::SourceChanged => "files changed since they were indexed",
            };
            out.push_str(&format!("{heading} ({}):\n", problems.len()));
            for p in problems.iter().take(SHOWN) {
                out.push_str(&format!("  {}: {}\n", p.path, p.detail));
            }
            if problems.len() > SHOWN {
                out.push_str(&format!(
                    "  ... and {} more (`dateline check --json` lists all)\n",
                    problems.len() - SHOWN
                ));
            }
        }
        if self.has(ProblemKind::Damaged) {
            out.push_str(&format!(
                "to fix: rebuild it with `dateline index --full --index {dir} PATH...`\n"
            ));
        } else {
            out.push_str(&format!(
                "to fix: bring it up to date with `dateline index --index {dir} PATH...` \
                 (the folders you indexed)\n"
            ));
        }
        out
    }
}

impl DatelineIndex {
    /// Checks the index in `dir` without trusting it: every file against its checksum, every
    /// segment opened, and every source file against what the index recorded of it. Fails
    /// (rather than reporting a problem) only when there is nothing to check: no index there,
    /// a folder that is not a dateline index, or a folder that cannot be read.
    pub fn check(dir: &Path) -> Result<CheckReport> {
        check(dir)
    }
}

/// Checks the index in `dir`. Fails (rather than reporting a problem) only when there is
/// nothing to check: no index there, a folder that is not a dateline index, or a folder
/// that cannot be read.
fn check(dir: &Path) -> Result<CheckReport> {
    let mut report = CheckReport {
        index: dir.to_path_buf(),
        ok: false,
        segments: 0,
        files_verified: 0,
        sources: 0,
        sources_checked: 0,
        problems: Vec::new(),
    };
    match folder::recognise(dir)? {
        Folder::Missing | Folder::Empty => return Err(Error::NoIndex(dir.to_path_buf())),
        Folder::Foreign => return Err(Error::NotAnIndex(dir.to_path_buf())),
        Folder::Dateline => {}
    }
    if !dir.join("meta.json").exists() {
        report.damaged("meta.json", "missing".into());
        return Ok(report);
    }
    let index = match Index::open_in_dir(dir) {
        Ok(index) => index,
        Err(e) => {
            report.record_error(dir, "meta.json", Error::from(e))?;
            return Ok(report);
        }
    };
    let metas = match index.load_metas() {
        Ok(m) => m,
        Err(e) => {
            report.record_error(dir, "meta.json", Error::from(e))?;
            return Ok(report);
        }
    };
    report.segments = metas.segments.len() as u64;

    // Every file of every segment, read whole against the checksum in its footer.
    let managed = index.directory().list_managed_files();
    let mut files: Vec<PathBuf> = metas
        .list_segment_files()
        .into_iter()
        .filter(|f| managed.contains(f) || dir.join(f).exists())
        .collect();
    files.sort();
    for file in &files {
        let name = file.display().to_string();
        if !dir.join(file).exists() {
            report.damaged(&name, "missing".into());
            continue;
        }
        match index.directory().validate_checksum(file) {
            Ok(true) => report.files_verified += 1,
            Ok(false) => report.damaged(&name, "overwritten (does not match its checksum)".into()),
            Err(e) => {
                report.record_error(dir, &name, Error::from(tantivy::TantivyError::from(e)))?
            }
        }
    }

    // Every segment opened as a search opens it. A segment whose files were reported above
    // is not reported again.
    let segments = match index.searchable_segments() {
        Ok(s) => s,
        Err(e) => {
            report.record_error(dir, "meta.json", Error::from(e))?;
            return Ok(report);
        }
    };
    let mut readers = Vec::new();
    for segment in &segments {
        let id = segment.id().uuid_string();
        let reported = report
            .problems
            .iter()
            .any(|p| p.path.starts_with(id.as_str()));
        let opened = SegmentReader::open(segment).and_then(|r| {
            r.get_store_reader(0)?;
            Ok(r)
        });
        match opened {
            Ok(r) if !reported => readers.push(r),
            Ok(_) => {}
            Err(_) if reported => {}
            Err(e) => report.record_error(dir, &format!("{id}.*"), Error::from(e))?,
        }
    }

    // Agreement with the source files, read from the segments that could be opened (when
    // the index is damaged the others are not looked at: it needs a rebuild anyway).
    let sources = known_sources(&readers)?;
    report.sources = sources.len() as u64;
    if !report.has(ProblemKind::Damaged) {
        for (path, known) in &sources {
            report.sources_checked += 1;
            if let Some(p) = compare(path, known) {
                report.problems.push(p);
            }
        }
    }
    report.ok = report.problems.is_empty();
    Ok(report)
}

impl CheckReport {
    fn damaged(&mut self, path: &str, detail: String) {
        self.problems.push(Problem {
            kind: ProblemKind::Damaged,
            path: path.to_string(),
            detail,
        });
    }

    /// Records an error met while reading the index as damage, if it is damage; any other
    /// error means the check could not be done.
    fn record_error(&mut self, dir: &Path, path: &str, e: Error) -> Result<()> {
        match e.in_index(dir) {
            Error::Damaged { what, .. } => {
                // The path is printed beside the detail: the detail need not name it again.
                let named = file_of(Path::new(path));
                let detail = what
                    .strip_prefix(named.as_str())
                    .unwrap_or(&what)
                    .trim_start();
                let detail = detail.strip_prefix("is ").unwrap_or(detail);
                self.damaged(path, detail.to_string());
                Ok(())
            }
            other => Err(other),
        }
    }
}

/// A source file as the index knows it.
struct Known {
    size: u64,
    mtime: u64,
    hash: u64,
}

/// The source files of the articles in `readers`, by path (sorted).
fn known_sources(readers: &[SegmentReader]) -> Result<BTreeMap<String, Known>> {
    let mut out = BTreeMap::new();
    for seg in readers {
        let ff = seg.fast_fields();
        let Some(paths) = ff.str("path")? else {
            continue;
        };
        let names = crate::index::column_terms(&paths)?;
        let size = ff.u64("file_size")?;
        let mtime = ff.u64("file_mtime")?;
        let hash = ff.u64("file_hash")?;
        let alive = seg.alive_bitset();
        for doc in 0..seg.max_doc() {
            if alive.is_some_and(|a| a.is_deleted(doc)) {
                continue;
            }
            // Only article documents from files carry a fingerprint.
            let (Some(sz), Some(ord)) = (size.first(doc), paths.ords().first(doc)) else {
                continue;
            };
            out.entry(names[ord as usize].clone())
                .or_insert_with(|| Known {
                    size: sz,
                    mtime: mtime.first(doc).unwrap_or(0),
                    hash: hash.first(doc).unwrap_or(0),
                });
        }
    }
    Ok(out)
}

/// Whether the file at `path` is still the one indexed: same size and time, or else the
/// same content hash (as `dateline index` decides).
fn compare(path: &str, known: &Known) -> Option<Problem> {
    let problem = |kind, detail: &str| {
        Some(Problem {
            kind,
            path: path.to_string(),
            detail: detail.to_string(),
        })
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) if m.is_file() => m,
        Ok(_) => return problem(ProblemKind::SourceGone, "no longer a file"),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return problem(ProblemKind::SourceGone, "gone")
        }
        Err(e) => return problem(ProblemKind::SourceGone, &format!("cannot be read: {e}")),
    };
    let fp = Fingerprint::of(&meta);
    if fp.size == known.size && fp.mtime == known.mtime {
        return None;
    }
    if fp.size != known.size {
        return problem(ProblemKind::SourceChanged, "changed (size differs)");
    }
    match std::fs::read(path) {
        Ok(bytes) if xxhash_rust::xxh3::xxh3_64(&bytes) == known.hash => None,
        Ok(_) => problem(ProblemKind::SourceChanged, "changed (content differs)"),
        Err(e) => problem(ProblemKind::SourceGone, &format!("cannot be read: {e}")),
    }
}
