//! Files on disk: walking the roots a user names, applying hidden-file, glob and symbolic-link
//! rules, and giving each file its id (path relative to its root). Reads directory listings
//! only.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::UNIX_EPOCH;

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

use crate::error::{Error, Result};

/// A file found under a root. The walk reads directory listings only; the indexing run reads
/// each file's fingerprint once ([`FileEntry::stat`]) as it takes the file from the walk, for
/// its progress by bytes and its unchanged check.
#[derive(Debug, Clone)]
pub struct FileEntry {
    /// Absolute path, the key for updates.
    pub path: PathBuf,
    /// Path relative to its root with `/` separators: the article id.
    pub rel: String,
    /// Size and time, once read; `None` before, or when reading them failed.
    pub fingerprint: Option<Fingerprint>,
}

impl FileEntry {
    /// Bytes, as far as known (0 before the fingerprint is read): for progress.
    pub fn size(&self) -> u64 {
        self.fingerprint.map_or(0, |f| f.size)
    }

    /// The file's fingerprint: the one already read, else read by path (links followed)
    /// without opening the file.
    pub fn stat(&self) -> std::io::Result<Fingerprint> {
        match self.fingerprint {
            Some(fp) => Ok(fp),
            None => std::fs::metadata(&self.path).map(|m| Fingerprint::of(&m)),
        }
    }
}

/// What the index keeps of a file to tell whether it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    /// Size in bytes.
    pub size: u64,
    /// Modification time in seconds since the epoch (0 when unknown).
    pub mtime: u64,
}

impl Fingerprint {
    /// The fingerprint of a file from its metadata.
    pub fn of(meta: &std::fs::Metadata) -> Fingerprint {
        Fingerprint {
            size: meta.len(),
            mtime: meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_secs()),
        }
    }
}

/// A path that could not be walked, and why.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct Skipped {
    /// The path as far as it is known.
    pub path: String,
    /// One-line reason.
    pub reason: String,
}

/// Include/exclude rules in ripgrep's style: `*.txt` includes, `!*.bak` excludes. With no
/// include rule every file is included.
#[derive(Debug, Clone)]
pub struct Globs {
    include: Option<GlobSet>,
    exclude: GlobSet,
}

impl Globs {
    /// Compiles the rules; a malformed glob is an error naming it.
    pub fn new(patterns: &[String]) -> Result<Globs> {
        let mut inc = GlobSetBuilder::new();
        let mut exc = GlobSetBuilder::new();
        let mut any_include = false;
        for p in patterns {
            let (neg, pat) = match p.strip_prefix('!') {
                Some(rest) => (true, rest),
                None => (false, p.as_str()),
            };
            let glob = GlobBuilder::new(pat)
                .literal_separator(false)
                .build()
                .map_err(|e| Error::BadRequest(format!("bad glob {p:?}: {e}")))?;
            if neg {
                exc.add(glob);
            } else {
                any_include = true;
                inc.add(glob);
            }
        }
        let build = |b: GlobSetBuilder| {
            b.build()
                .map_err(|e| Error::BadRequest(format!("bad glob: {e}")))
        };
        Ok(Globs {
            include: if any_include { Some(build(inc)?) } else { None },
            exclude: build(exc)?,
        })
    }

    /// Whether a file (by its relative path) is wanted.
    pub fn wants(&self, rel: &str) -> bool {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        let hit = |set: &GlobSet| set.is_match(rel) || set.is_match(name);
        !hit(&self.exclude) && self.include.as_ref().is_none_or(hit)
    }
}

/// Walks `root` (a directory or a single file), yielding each wanted file, or a path that
/// could not be walked and why. Files come one at a time, so a walk of millions of files
/// holds one directory listing at a time, not the whole list; the order is fixed (each
/// directory's entries sorted by name), so the same tree is indexed in the same order.
/// Hidden files and directories (name starting with `.`) are skipped.
///
/// Symbolic links below `root` are not followed unless `follow_links` is set (as ripgrep and
/// fd do): each one left alone is counted in `links_skipped`, not reported. `root` itself is
/// resolved, so a root given as a link is walked. When following, each file is yielded once:
/// a link into the tree (or a loop) is not walked a second time, because the walk meets those
/// files under their own paths anyway, and a file outside the tree that two links lead to is
/// yielded under the first path met. A link whose target is missing is reported. Fails only
/// if `root` itself cannot be resolved.
pub fn walk<'a>(
    root: &Path,
    globs: &Globs,
    follow_links: bool,
    links_skipped: &'a AtomicU64,
) -> Result<impl Iterator<Item = std::result::Result<FileEntry, Skipped>> + 'a> {
    let root = root.canonicalize().map_err(|e| Error::io(root, e))?;
    let single_file = root.is_file();
    let it = walkdir::WalkDir::new(&root)
        .follow_links(follow_links)
        .sort_by_file_name()
        .into_iter();
    Ok(Walk {
        it,
        root,
        single_file,
        globs: globs.clone(),
        follow_links,
        link_depth: None,
        seen: HashSet::new(),
        links_skipped,
    })
}

/// The iterator behind [`walk`].
struct Walk<'a> {
    it: walkdir::IntoIter,
    /// Canonical.
    root: PathBuf,
    single_file: bool,
    globs: Globs,
    follow_links: bool,
    /// Depth of the followed link the walk is under, if any: below it the walk is outside the
    /// tree's own directories, where every file and directory is checked against `seen`.
    link_depth: Option<usize>,
    /// Hashes of the canonical paths met through links, so a file or directory that two links
    /// lead to is walked once. Only what lies behind links is kept, not the whole tree.
    seen: HashSet<u128>,
    links_skipped: &'a AtomicU64,
}

impl Walk<'_> {
    /// The id of `path` under the root: relative, with `/` separators.
    fn rel(&self, path: &Path) -> String {
        if self.single_file {
            return path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        }
        relative(&self.root, path).unwrap_or_else(|| path.to_string_lossy().into_owned())
    }

    /// What to do with an entry reached through a followed link (the link itself or anything
    /// under it): `None` to leave it (and what is under it), else its canonical path.
    fn behind_link(
        &mut self,
        entry: &walkdir::DirEntry,
    ) -> std::result::Result<Option<PathBuf>, Skipped> {
        let real = entry.path().canonicalize().map_err(|e| Skipped {
            path: entry.path().display().to_string(),
            reason: e.to_string(),
        })?;
        let is_file = entry.file_type().is_file();
        // Inside the tree, the walk reaches the same thing under its own path (unless that
        // path is hidden or, for a file, left out by the globs: then the link's path is the
        // only one under which it is wanted).
        if let Some(rel) = relative(&self.root, &real) {
            if !rel.split('/').any(is_hidden) && (!is_file || self.globs.wants(&rel)) {
                return Ok(None);
            }
        }
        let fresh = self.seen.insert(xxhash_rust::xxh3::xxh3_128(
            real.as_os_str().as_encoded_bytes(),
        ));
        Ok(fresh.then_some(real))
    }
}

impl Iterator for Walk<'_> {
    type Item = std::result::Result<FileEntry, Skipped>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let entry = match self.it.next()? {
                Ok(e) => e,
                Err(err) => {
                    // A link back to a directory the walk is inside: its files are met under
                    // their own paths.
                    if err.loop_ancestor().is_some() {
                        continue;
                    }
                    let path = err
                        .path()
                        .map_or_else(|| self.root.clone(), Path::to_path_buf);
                    let reason = if path.is_symlink() && !path.exists() {
                        "broken symbolic link".to_string()
                    } else {
                        err.io_error()
                            .map_or_else(|| err.to_string(), |e| e.to_string())
                    };
                    let path = path.display().to_string();
                    return Some(Err(Skipped { path, reason }));
                }
            };
            let depth = entry.depth();
            if self.link_depth.is_some_and(|d| depth <= d) {
                self.link_depth = None;
            }
            let is_dir = entry.file_type().is_dir();
            if depth > 0 && is_hidden(&entry.file_name().to_string_lossy()) {
                if is_dir {
                    self.it.skip_current_dir();
                }
                continue;
            }
            if is_dir && is_index_dir(entry.path()) {
                // An index (dateline's or another tantivy client's) is never read as articles,
                // wherever it lies in the tree: `index arts --index arts/idx` must not index
                // its own files.
                self.it.skip_current_dir();
                continue;
            }
            if entry.file_type().is_symlink() {
                // Not following: counted when it could have led to something wanted.
                let rel = self.rel(entry.path());
                if entry.path().is_dir() || self.globs.wants(&rel) {
                    self.links_skipped.fetch_add(1, Ordering::Relaxed);
                }
                continue;
            }
            if self.follow_links && (entry.path_is_symlink() || self.link_depth.is_some()) {
                match self.behind_link(&entry) {
                    Err(skipped) => return Some(Err(skipped)),
                    Ok(None) => {
                        if is_dir {
                            self.it.skip_current_dir();
                        }
                        continue;
                    }
                    Ok(Some(_)) => {
                        if is_dir && self.link_depth.is_none() {
                            self.link_depth = Some(depth);
                        }
                    }
                }
            }
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = self.rel(entry.path());
            if !self.globs.wants(&rel) {
                continue;
            }
            return Some(Ok(FileEntry {
                path: entry.into_path(),
                rel,
                fingerprint: None,
            }));
        }
    }
}

/// Whether `dir` holds a tantivy index: tantivy keeps `.managed.json` in every index folder,
/// and dateline its `.dateline` marker.
fn is_index_dir(dir: &Path) -> bool {
    dir.join(".managed.json").is_file() || dir.join(crate::folder::MARKER).is_file()
}

/// Whether a file indexed from `root` under `path` is gone for a walk of `root` with
/// `follow_links`: it is no longer a file, or its path goes through a symbolic link that the
/// walk does not follow (links off), or leads to a file the walk meets under its own path
/// (links on). Globs are not considered, so a file only left out by a narrower glob stays.
/// `false` for a path outside `root`.
pub fn gone(root: &Path, path: &Path, follow_links: bool) -> bool {
    let Ok(below) = path.strip_prefix(root) else {
        return false;
    };
    if !path.is_file() {
        return true;
    }
    let mut prefix = root.to_path_buf();
    let through_link = below.components().any(|c| {
        prefix.push(c);
        prefix.is_symlink()
    });
    if !through_link {
        return false;
    }
    if !follow_links {
        return true;
    }
    match path.canonicalize() {
        Ok(real) => relative(root, &real).is_some_and(|rel| !rel.split('/').any(is_hidden)),
        Err(_) => true,
    }
}

fn is_hidden(name: &str) -> bool {
    name.starts_with('.')
}

/// `path` relative to `root` with `/` separators, if it is under `root`.
fn relative(root: &Path, path: &Path) -> Option<String> {
    let below = path.strip_prefix(root).ok()?;
    Some(
        below
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_include_and_exclude_like_ripgrep() {
        let g = Globs::new(&["*.txt".into(), "!draft*".into()]).unwrap();
        assert!(g.wants("2023/03/a.txt"));
        assert!(!g.wants("2023/03/a.json"));
        assert!(!g.wants("2023/draft-a.txt"));
        let all = Globs::new(&[]).unwrap();
        assert!(all.wants("x.bin"));
        let only_exclude = Globs::new(&["!*.bak".into()]).unwrap();
        assert!(only_exclude.wants("a.txt") && !only_exclude.wants("a.bak"));
        assert!(Globs::new(&["a[".into()]).is_err());
    }

    #[test]
    fn walk_skips_hidden_and_gives_relative_ids() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("2023/03")).unwrap();
        std::fs::create_dir_all(dir.path().join(".git")).unwrap();
        std::fs::write(dir.path().join("2023/03/a.txt"), "x").unwrap();
        std::fs::write(dir.path().join(".hidden.txt"), "x").unwrap();
        std::fs::write(dir.path().join(".git/b.txt"), "x").unwrap();
        std::fs::write(dir.path().join("2023/03/b.txt"), "x").unwrap();
        std::fs::write(dir.path().join("2023/0.txt"), "x").unwrap();
        let all = Globs::new(&[]).unwrap();
        let links = AtomicU64::new(0);
        let found: Vec<_> = walk(dir.path(), &all, false, &links).unwrap().collect();
        let ids: Vec<_> = found
            .iter()
            .map(|f| f.as_ref().expect("walkable").rel.as_str())
            .collect();
        // Each directory's entries in name order.
        assert_eq!(ids, ["2023/0.txt", "2023/03/a.txt", "2023/03/b.txt"]);
        let one: Vec<_> = walk(&dir.path().join("2023/03/a.txt"), &all, false, &links)
            .unwrap()
            .collect();
        assert_eq!(one[0].as_ref().expect("walkable").rel, "a.txt");
    }

    #[cfg(unix)]
    #[test]
    fn links_are_counted_or_followed_once() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let (root, outside) = (dir.path().join("root"), dir.path().join("outside"));
        std::fs::create_dir_all(root.join("a")).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(root.join("a/x.txt"), "x").unwrap();
        std::fs::write(outside.join("y.txt"), "y").unwrap();
        symlink(&outside, root.join("o1")).unwrap();
        symlink(&outside, root.join("o2")).unwrap();
        symlink(root.join("a"), root.join("b")).unwrap();
        symlink(&root, root.join("a/up")).unwrap();
        let all = Globs::new(&[]).unwrap();
        let ids = |follow: bool, links: &AtomicU64| -> Vec<String> {
            walk(&root, &all, follow, links)
                .unwrap()
                .map(|f| f.expect("walkable").rel)
                .collect()
        };
        let links = AtomicU64::new(0);
        assert_eq!(ids(false, &links), ["a/x.txt"]);
        assert_eq!(links.into_inner(), 4);
        let links = AtomicU64::new(0);
        assert_eq!(ids(true, &links), ["a/x.txt", "o1/y.txt"]);
        assert_eq!(links.into_inner(), 0);

        let root = root.canonicalize().unwrap();
        assert!(!gone(&root, &root.join("a/x.txt"), false));
        assert!(gone(&root, &root.join("a/gone.txt"), false));
        assert!(gone(&root, &root.join("o1/y.txt"), false));
        assert!(!gone(&root, &root.join("o1/y.txt"), true));
        // A second name for a file the walk meets under its own path.
        assert!(gone(&root, &root.join("b/x.txt"), true));
        assert!(
            !gone(&root, &outside.join("y.txt"), false),
            "not under root"
        );
    }
}
