//! The index folder as files: which folder is a dateline index, which of its files are the
//! index's own, and clearing those for a rebuild. Knows file names, never tantivy's data.
//!
//! A folder is taken for a dateline index when any of these holds:
//! 1. it holds the marker file [`MARKER`], which dateline writes when it creates an index;
//! 2. its `meta.json` reads as JSON and names a dateline schema in its commit payload, or
//!    has dateline's fields (an index made before the marker existed);
//! 3. its `meta.json` is missing or unreadable and every file in it has one of tantivy's
//!    names (`meta.json`, `.managed.json`, `.tantivy-*`, segment files named by a 32-digit
//!    hex id): an earlier dateline index whose `meta.json` is damaged.
//!
//! Anything else that holds files is not ours: dateline neither writes into it nor deletes
//! from it. A rebuild deletes only the files with tantivy's names (the lock files stay, as
//! another process may hold them), never the user's.

use std::path::Path;

use crate::error::{Error, Result};

/// The marker file of a dateline index folder: hidden, so a walk of the folder skips it.
pub const MARKER: &str = ".dateline";

/// What a folder given for an index holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folder {
    /// Nothing there yet.
    Missing,
    /// An empty folder.
    Empty,
    /// A dateline index, healthy or not.
    Dateline,
    /// Files that are not a dateline index.
    Foreign,
}

/// Whether `name` is a file tantivy manages in an index folder.
pub fn is_tantivy_file(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or("");
    matches!(name, "meta.json" | ".managed.json")
        || name.starts_with(".tantivy-")
        || (stem.len() == 32 && stem.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn is_lock(name: &str) -> bool {
    name.starts_with(".tantivy-") && name.ends_with(".lock")
}

/// Whether `name` is a segment file (named by its segment's id).
pub fn is_segment_file(name: &str) -> bool {
    is_tantivy_file(name) && !name.starts_with('.') && name != "meta.json"
}

/// What `dir` holds; see the module docs for the rules.
pub fn recognise(dir: &Path) -> Result<Folder> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Folder::Missing),
        Err(e) => return Err(Error::io(dir, e)),
    };
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        names.push(entry.file_name().to_string_lossy().into_owned());
    }
    if names.is_empty() {
        return Ok(Folder::Empty);
    }
    if names.iter().any(|n| n == MARKER) {
        return Ok(Folder::Dateline);
    }
    let meta = std::fs::read_to_string(dir.join("meta.json"))
        .ok()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok());
    if let Some(meta) = meta {
        return Ok(if meta_is_dateline(&meta)? {
            Folder::Dateline
        } else {
            Folder::Foreign
        });
    }
    Ok(if names.iter().all(|n| is_tantivy_file(n)) {
        Folder::Dateline
    } else {
        Folder::Foreign
    })
}

/// Whether a readable `meta.json` is a dateline index's: its payload names a dateline
/// schema (this version's or another's), or it has no payload and this version's fields.
fn meta_is_dateline(meta: &serde_json::Value) -> Result<bool> {
    if let Some(payload) = meta.get("payload").and_then(|p| p.as_str()) {
        let payload: Option<serde_json::Value> = serde_json::from_str(payload).ok();
        return Ok(payload.is_some_and(|p| p.get("dateline_schema").is_some()));
    }
    let ours = crate::schema::DatelineSchema::load()?.schema;
    let fields: Option<tantivy::schema::Schema> = meta
        .get("schema")
        .and_then(|s| serde_json::from_value(s.clone()).ok());
    Ok(fields.is_some_and(|f| f == ours))
}

/// Whether `dir` is a dateline index that has lost its `meta.json`: no `meta.json`, but
/// segment files.
pub fn lost_meta(dir: &Path) -> Result<bool> {
    if dir.join("meta.json").exists() || recognise(dir)? != Folder::Dateline {
        return Ok(false);
    }
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    Ok(entries
        .flatten()
        .any(|e| is_segment_file(&e.file_name().to_string_lossy())))
}

/// Writes the marker into `dir` if it is not there (an index folder made by an earlier
/// dateline gets it on its next update).
pub fn mark(dir: &Path) -> Result<()> {
    let path = dir.join(MARKER);
    if path.exists() {
        return Ok(());
    }
    std::fs::write(
        &path,
        "This folder is a dateline index: `dateline index --full` may delete the index files in it.\n",
    )
    .map_err(|e| Error::io(path, e))
}

/// Refuses `dir` unless it is missing, empty or a dateline index.
pub fn ensure_ours(dir: &Path) -> Result<Folder> {
    match recognise(dir)? {
        Folder::Foreign => Err(Error::NotAnIndex(dir.to_path_buf())),
        other => Ok(other),
    }
}

/// Deletes the index files in `dir` (every file with one of tantivy's names but its lock
/// files), after making sure `dir` is a dateline index. Other files stay.
pub fn clear(dir: &Path) -> Result<()> {
    if ensure_ours(dir)? == Folder::Missing {
        return Ok(());
    }
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_tantivy_file(&name) && !is_lock(&name) && entry.path().is_file() {
            std::fs::remove_file(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEG: &str = "469bffee5b1742349b1a0097e72d2472";

    fn touch(dir: &Path, name: &str, text: &str) {
        std::fs::write(dir.join(name), text).unwrap();
    }

    #[test]
    fn names_of_tantivy_files() {
        for n in [
            "meta.json",
            ".managed.json",
            ".tantivy-writer.lock",
            &format!("{SEG}.idx"),
            &format!("{SEG}.12.del"),
        ] {
            assert!(is_tantivy_file(n), "{n}");
        }
        for n in ["notes.txt", MARKER, "469bffee.idx", "article.json"] {
            assert!(!is_tantivy_file(n), "{n}");
        }
    }

    #[test]
    fn missing_empty_marked_and_foreign_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("idx");
        assert_eq!(recognise(&dir).unwrap(), Folder::Missing);
        std::fs::create_dir(&dir).unwrap();
        assert_eq!(recognise(&dir).unwrap(), Folder::Empty);
        touch(&dir, "notes.txt", "mine");
        assert_eq!(recognise(&dir).unwrap(), Folder::Foreign);
        assert!(matches!(clear(&dir), Err(Error::NotAnIndex(_))));
        assert!(
            dir.join("notes.txt").exists(),
            "a foreign folder is left alone"
        );
        mark(&dir).unwrap();
        assert_eq!(recognise(&dir).unwrap(), Folder::Dateline);
    }

    #[test]
    fn a_broken_meta_among_tantivy_files_only_is_ours() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        touch(dir, "meta.json", "{not json");
        touch(dir, &format!("{SEG}.idx"), "x");
        assert_eq!(recognise(dir).unwrap(), Folder::Dateline);
        touch(dir, "thesis.tex", "mine");
        assert_eq!(recognise(dir).unwrap(), Folder::Foreign);
    }

    #[test]
    fn another_programs_tantivy_index_is_foreign() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        touch(
            dir,
            "meta.json",
            r#"{"index_settings":{},"segments":[],"schema":[],"opstamp":0}"#,
        );
        assert_eq!(recognise(dir).unwrap(), Folder::Foreign);
        touch(
            dir,
            "meta.json",
            r#"{"segments":[],"schema":[],"opstamp":3,"payload":"{\"dateline_schema\":1}"}"#,
        );
        assert_eq!(recognise(dir).unwrap(), Folder::Dateline);
    }

    #[test]
    fn clear_keeps_locks_the_marker_and_other_files() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        mark(dir).unwrap();
        for n in ["meta.json", ".managed.json", ".tantivy-writer.lock"] {
            touch(dir, n, "");
        }
        touch(dir, &format!("{SEG}.store"), "");
        touch(dir, "README", "mine");
        clear(dir).unwrap();
        let mut left: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, [MARKER, ".tantivy-writer.lock", "README"]);
    }
}
