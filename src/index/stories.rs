//! Stories at index time: each new article joins the story of its most similar earlier
//! article when that one is similar enough (see [`crate::story`]), or starts a story of its
//! own. Candidates are found by LSH band keys in memory: this session's articles as they come,
//! and the committed index's, read from its signature column the first time an article needs
//! them (a run that finds nothing new reads none). Nothing already indexed is relabelled, and
//! no file is read again to decide.
//!
//! Articles are assigned in a fixed order (the order the run hands files over, see `sync`),
//! so the same files give the same stories whatever the threads did.

use tantivy::{Searcher, TantivyDocument};

use super::columns::for_each_term;
use crate::error::Result;
use crate::schema::{name, Fields};
use crate::story::{self, Packed, Signature, BANDS};

/// An article's part in story assignment, computed where it is parsed.
pub(super) struct StoryKey {
    /// The article's id (a new story's id derives from it).
    pub id: String,
    /// Its stored signature; `None` when it has no words.
    pub signature: Option<Packed>,
}

impl StoryKey {
    /// `detect`: stories are detected (else the article is a story of its own, and no
    /// signature is made).
    pub fn of(article: &crate::Article, detect: bool) -> StoryKey {
        StoryKey {
            id: article.id.clone(),
            signature: detect
                .then(|| Signature::of(&article.title, &article.body).map(|s| s.packed()))
                .flatten(),
        }
    }
}

/// No entry: the end of a chain.
const NONE: u32 = u32::MAX;

/// Entries compared per band key, latest first. Articles sharing a key are almost always
/// one story, so the latest few stand for the rest; the cap keeps a corpus of thousands of
/// near-identical articles (generated test data, a feed re-sending one bulletin) from costing
/// a comparison with every earlier one.
const MAX_CHAIN: usize = 32;

/// One band's chains: for each band key seen, the latest entry with that key (open
/// addressing, linear probing, at most half full). Chains hold one key each, so a key that
/// many articles share (a stock phrase's shingle) costs only the articles that have it.
#[derive(Default)]
struct Band {
    /// `(key, head)`; a head of [`NONE`] marks a free slot.
    slots: Vec<(u32, u32)>,
    used: usize,
}

impl Band {
    /// Where `key` is, or the free slot where it would go.
    fn find(&self, key: u32) -> usize {
        let mask = self.slots.len() - 1;
        // Keys are hash values, but some repeat often: spread them again.
        let mut i = (key.wrapping_mul(0x9e37_79b1) as usize) & mask;
        loop {
            let (k, head) = self.slots[i];
            if head == NONE || k == key {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// The latest entry with `key`, or [`NONE`].
    fn head(&self, key: u32) -> u32 {
        if self.slots.is_empty() {
            return NONE;
        }
        self.slots[self.find(key)].1
    }

    /// Makes `entry` the latest with `key`; returns the one before it (or [`NONE`]).
    fn push(&mut self, key: u32, entry: u32) -> u32 {
        if 2 * (self.used + 1) > self.slots.len() {
            let len = (2 * self.slots.len()).max(1 << 10);
            let old = std::mem::replace(&mut self.slots, vec![(0, NONE); len]);
            for (k, head) in old.into_iter().filter(|&(_, h)| h != NONE) {
                let i = self.find(k);
                self.slots[i] = (k, head);
            }
        }
        let i = self.find(key);
        let before = self.slots[i].1;
        if before == NONE {
            self.used += 1;
        }
        self.slots[i] = (key, entry);
        before
    }
}

/// An article that later ones may join.
struct Entry {
    story: u64,
    /// For a committed article, the hash of its file's path: committed articles of a file
    /// being read again are not candidates (they are on their way out). 0 for this
    /// session's articles, which all are (a file's articles can be copies of each other).
    path: u64,
    sig: Packed,
}

/// Assigns stories to the articles of one writing session.
pub(super) struct Stories {
    threshold: f64,
    fields: Fields,
    /// The committed index, until its articles are loaded.
    committed: Option<Searcher>,
    entries: Vec<Entry>,
    /// Per band, the latest entry of each key.
    bands: Vec<Band>,
    /// Per entry and band, the entry before it with the same key.
    next: Vec<u32>,
    /// Entries looked at for the current article.
    seen: Vec<u32>,
}

fn path_hash(path: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(path.as_bytes())
}

impl Stories {
    /// A session whose articles may join the stories of `committed` (the index as the session
    /// began; `None` when there is nothing to join, as in a full build) and of each other.
    pub fn new(fields: &Fields, threshold: f64, committed: Option<Searcher>) -> Stories {
        Stories {
            threshold,
            fields: fields.clone(),
            committed,
            entries: Vec::new(),
            bands: (0..BANDS).map(|_| Band::default()).collect(),
            next: Vec::new(),
            seen: Vec::new(),
        }
    }

    /// The threshold this session assigns stories with.
    pub fn threshold(&self) -> f64 {
        self.threshold
    }

    /// Assigns the rest of this session's stories with `threshold` ([`story::OFF`]: none).
    pub fn set_threshold(&mut self, threshold: f64) {
        self.threshold = threshold;
    }

    /// Whether this session detects stories (a threshold above 0).
    pub fn detects(&self) -> bool {
        story::detects(self.threshold)
    }

    fn push(&mut self, entry: Entry, keys: [u32; BANDS]) {
        let index = self.entries.len() as u32;
        for (band, key) in self.bands.iter_mut().zip(keys) {
            self.next.push(band.push(key, index));
        }
        self.entries.push(entry);
    }

    /// Loads the committed articles' stories and signatures, in document order.
    fn load_committed(&mut self) -> Result<()> {
        let Some(searcher) = self.committed.take() else {
            return Ok(());
        };
        for seg in searcher.segment_readers() {
            let ff = seg.fast_fields();
            let (Some(sigs), Some(paths)) = (ff.bytes(name::STORY_SIG)?, ff.str(name::PATH)?)
            else {
                continue;
            };
            let stories = ff.u64(name::STORY)?;
            // Each dictionary read once, in order (see `known`).
            let mut all_sigs: Vec<Option<Packed>> = Vec::with_capacity(sigs.num_terms());
            let mut dict = sigs
                .dictionary()
                .stream()
                .map_err(tantivy::TantivyError::from)?;
            while dict.advance() {
                all_sigs.push(dict.key().try_into().ok());
            }
            let mut path_keys = Vec::with_capacity(paths.num_terms());
            for_each_term(&paths, |p| path_keys.push(path_hash(p)))?;
            let alive = seg.alive_bitset();
            for doc in 0..seg.max_doc() {
                if alive.is_some_and(|a| a.is_deleted(doc)) {
                    continue;
                }
                let (Some(ord), Some(story), Some(path)) = (
                    sigs.ords().first(doc),
                    stories.first(doc),
                    paths.ords().first(doc),
                ) else {
                    continue;
                };
                let (Some(Some(sig)), Some(&path)) =
                    (all_sigs.get(ord as usize), path_keys.get(path as usize))
                else {
                    continue;
                };
                self.push(
                    Entry {
                        story,
                        path,
                        sig: *sig,
                    },
                    story::bands(sig),
                );
            }
        }
        Ok(())
    }

    /// The story of an article from the file at `path`, registering it as a candidate for
    /// the articles after it.
    pub fn assign(&mut self, path: &str, key: &StoryKey) -> Result<u64> {
        let Some(sig) = &key.signature else {
            return Ok(new_story(&key.id, &[]));
        };
        self.load_committed()?;
        let path = path_hash(path);
        let mut best: Option<(f64, u32)> = None;
        self.seen.clear();
        let keys = story::bands(sig);
        for (b, &k) in keys.iter().enumerate() {
            let mut i = self.bands[b].head(k);
            let mut walked = 0;
            while i != NONE && walked < MAX_CHAIN {
                walked += 1;
                let e = &self.entries[i as usize];
                // Another band may have met it already.
                if e.path != path && !self.seen.contains(&i) {
                    self.seen.push(i);
                    // The most similar; on a tie, the earlier.
                    if let Some(s) = story::same_story(&e.sig, sig, self.threshold) {
                        if best.is_none_or(|(bs, bi)| s > bs || (s == bs && i < bi)) {
                            best = Some((s, i));
                        }
                    }
                }
                i = self.next[i as usize * BANDS + b];
            }
        }
        let story = match best {
            Some((_, i)) => self.entries[i as usize].story,
            None => new_story(&key.id, sig),
        };
        self.push(
            Entry {
                story,
                path: 0,
                sig: *sig,
            },
            keys,
        );
        Ok(story)
    }

    /// Adds the story fields to an article's documents: the story on each, the signature on
    /// the article (the first).
    pub fn label(&self, docs: &mut [TantivyDocument], key: &StoryKey, story: u64) {
        let f = &self.fields;
        for d in docs.iter_mut() {
            d.add_u64(f.story, story);
        }
        if let (Some(article), Some(sig)) = (docs.first_mut(), &key.signature) {
            article.add_bytes(f.story_sig, &sig[..]);
        }
    }
}

/// The id of a story that starts with this article: from its id and text, never 0.
fn new_story(id: &str, packed: &[u8]) -> u64 {
    let mut bytes = Vec::with_capacity(id.len() + packed.len());
    bytes.extend_from_slice(id.as_bytes());
    bytes.extend_from_slice(packed);
    xxhash_rust::xxh3::xxh3_64(&bytes).max(1)
}
