//! What the index remembers of each file it read, so that the next run skips the unchanged
//! ones without opening them: size, time, content hash and its articles' ids, read from the
//! article documents' fast fields into compact keys.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

use super::columns::for_each_term;
use super::DatelineIndex;
use crate::error::Result;
use crate::schema::name;

/// A file as the index knows it.
pub(super) struct KnownFile {
    pub size: u64,
    pub mtime: u64,
    pub hash: u64,
    /// Its articles' ids, hashed.
    pub ids: IdKeys,
    /// Met by this run's walk.
    pub seen: AtomicBool,
}

/// 64-bit hashes of a file's article ids (enough to tell, within one file, which ids came
/// back), held inline for the usual one article per file.
pub(super) enum IdKeys {
    None,
    One(u64),
    Many(Vec<u64>),
}

impl IdKeys {
    pub fn push(&mut self, id: u64) {
        *self = match std::mem::replace(self, IdKeys::None) {
            IdKeys::None => IdKeys::One(id),
            IdKeys::One(first) => IdKeys::Many(vec![first, id]),
            IdKeys::Many(mut all) => {
                all.push(id);
                IdKeys::Many(all)
            }
        };
    }

    pub fn as_slice(&self) -> &[u64] {
        match self {
            IdKeys::None => &[],
            IdKeys::One(id) => std::slice::from_ref(id),
            IdKeys::Many(all) => all,
        }
    }

    pub fn len(&self) -> usize {
        self.as_slice().len()
    }

    pub fn contains(&self, id: u64) -> bool {
        self.as_slice().contains(&id)
    }

    pub fn iter(&self) -> std::slice::Iter<'_, u64> {
        self.as_slice().iter()
    }
}

/// The key of a path in the map of known files: a 128-bit hash, so two paths never share
/// one in practice, and a re-index of millions of files keeps tens of bytes per file, not
/// the hundreds its path and article ids would take.
pub(super) fn path_key(path: &str) -> u128 {
    xxhash_rust::xxh3::xxh3_128(path.as_bytes())
}

/// The key of an article id among its file's ids ([`IdKeys`]): a 64-bit hash, as ids only
/// need telling apart within one file.
pub(super) fn id_key(id: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(id.as_bytes())
}

impl DatelineIndex {
    /// What the index knows of each file, by [`path_key`]: fingerprint and the hashes of
    /// its articles' ids.
    pub(super) fn known_files(&self) -> Result<HashMap<u128, KnownFile>> {
        let searcher = self.reader.searcher();
        let mut files: HashMap<u128, KnownFile> = HashMap::new();
        for seg in searcher.segment_readers() {
            let ff = seg.fast_fields();
            let (Some(paths), Some(ids)) = (ff.str(name::PATH)?, ff.str(name::ID)?) else {
                continue;
            };
            // Hash each path and id, reading each dictionary once, in order: a lookup per
            // document would decompress a dictionary block per document.
            let mut keys = Vec::with_capacity(paths.num_terms());
            for_each_term(&paths, |path| keys.push(path_key(path)))?;
            let mut id_keys = Vec::with_capacity(ids.num_terms());
            for_each_term(&ids, |id| id_keys.push(id_key(id)))?;
            let size = ff.u64(name::FILE_SIZE)?;
            let mtime = ff.u64(name::FILE_MTIME)?;
            let hash = ff.u64(name::FILE_HASH)?;
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
    pub(super) fn unseen_paths(
        &self,
        known: &HashMap<u128, KnownFile>,
    ) -> Result<Vec<(String, usize)>> {
        let mut out = Vec::new();
        for seg in self.reader.searcher().segment_readers() {
            let Some(paths) = seg.fast_fields().str(name::PATH)? else {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_keys_hold_one_inline_and_many_in_a_list() {
        let mut ids = IdKeys::None;
        assert_eq!(ids.len(), 0);
        ids.push(id_key("a.sgm#1"));
        assert!(matches!(ids, IdKeys::One(_)));
        ids.push(id_key("a.sgm#2"));
        ids.push(id_key("a.sgm#3"));
        assert_eq!(ids.len(), 3);
        assert!(ids.contains(id_key("a.sgm#2")));
        assert!(!ids.contains(id_key("a.sgm#4")));
        assert_eq!(ids.iter().count(), 3);
    }
}
