//! Files on disk: walking the roots a user names, applying hidden-file and glob rules, and
//! giving each file its id (path relative to its root). Reads directory listings only.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

use crate::error::{Error, Result};

/// A file found under a root. The walk reads directory listings only: a file's size and
/// time are read when it is indexed ([`FileEntry::stat`], or from the open file), so that a
/// file read anyway costs one path lookup, not two.
#[derive(Debug, Clone)]
pub struct FileEntry {
    /// Absolute path, the key for updates.
    pub path: PathBuf,
    /// Path relative to its root with `/` separators: the article id.
    pub rel: String,
}

impl FileEntry {
    /// The file's fingerprint, read by path (links followed) without opening it.
    pub fn stat(&self) -> std::io::Result<Fingerprint> {
        std::fs::metadata(&self.path).map(|m| Fingerprint::of(&m))
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
/// Hidden files and directories (name starting with `.`) are skipped; symbolic links are
/// followed, loops reported. Fails only if `root` itself cannot be resolved.
pub fn walk(
    root: &Path,
    globs: &Globs,
) -> Result<impl Iterator<Item = std::result::Result<FileEntry, Skipped>>> {
    let root = root.canonicalize().map_err(|e| Error::io(root, e))?;
    let single_file = root.is_file();
    let walker = walkdir::WalkDir::new(&root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    let globs = globs.clone();
    Ok(walker.filter_map(move |entry| {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let path = err
                    .path()
                    .map_or_else(|| root.display().to_string(), |p| p.display().to_string());
                let reason = if err.loop_ancestor().is_some() {
                    "symbolic link loop".to_string()
                } else {
                    err.io_error()
                        .map_or_else(|| err.to_string(), |e| e.to_string())
                };
                return Some(Err(Skipped { path, reason }));
            }
        };
        if !entry.file_type().is_file() {
            return None;
        }
        let rel = if single_file {
            entry.file_name().to_string_lossy().into_owned()
        } else {
            let rel_path = entry.path().strip_prefix(&root).unwrap_or(entry.path());
            rel_path
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/")
        };
        if !globs.wants(&rel) {
            return None;
        }
        Some(Ok(FileEntry {
            path: entry.into_path(),
            rel,
        }))
    }))
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
        let found: Vec<_> = walk(dir.path(), &all).unwrap().collect();
        let ids: Vec<_> = found
            .iter()
            .map(|f| f.as_ref().expect("walkable").rel.as_str())
            .collect();
        // Each directory's entries in name order.
        assert_eq!(ids, ["2023/0.txt", "2023/03/a.txt", "2023/03/b.txt"]);
        let one: Vec<_> = walk(&dir.path().join("2023/03/a.txt"), &all)
            .unwrap()
            .collect();
        assert_eq!(one[0].as_ref().expect("walkable").rel, "a.txt");
    }
}
