//! Near-duplicate detection: an article's text as a small signature whose agreement with
//! another's estimates how much text the two share, and the band keys that find the
//! candidates worth comparing. Pure functions over text; the index decides stories with them
//! (`index::stories`).
//!
//! The method, and why:
//!
//! - **Words, numbers included.** The title and body are read as lower-case words: runs of
//!   letters and digits, so `1.25` is the words `1` and `25`. Numbers and names count as much
//!   as any word, which keeps templated series apart ("crude stocks rose 2.1 mln barrels" and
//!   "... fell 3.4 mln barrels" are different stories).
//! - **Word 5-shingles** ([`SHINGLE`]): every run of five words, hashed once. A word edit
//!   changes at most five shingles; a different dateline or headline changes a handful; a
//!   trimmed ending removes the shingles it cut.
//! - **One Permutation Hashing** ([`BINS`] bins): each shingle hash goes to a bin by its top
//!   bits and the bin keeps the smallest of the rest. Among the bins that are not empty in
//!   both signatures, the share that agree estimates the Jaccard similarity of the two
//!   shingle sets (Li, Owen and Zhang 2012), at one hash per shingle instead of one per
//!   shingle and permutation. A short text leaves most bins empty and then holds its
//!   shingles almost one to a bin, so the estimate is close to exact; filling empty bins from
//!   their neighbours (densification) would make it noisier just there, where templated
//!   bulletins sit near the threshold, so it is used only for the band keys.
//! - **Stored small**: the index keeps two bytes for each bin that makes a band key (the
//!   first [`BAND_BINS`]) and one byte for each of the others ([`Signature::packed`]: 0 for
//!   an empty bin, else a value from the bin's minimum), and the number of shingles: 162 bytes
//!   an article. [`similarity`] allows for the chance (1 in 65,535 or 1 in 255) that two
//!   different bins agree.
//! - **Trimmed copies**: a copy cut to half its length shares half its shingles at most. Two
//!   articles are also one story when their similarity reaches half the threshold and about
//!   [`CONTAINED`] (80 %) of the shorter one's shingles are in the longer one ([`same_story`]).
//!   Two snapshots of a price table or two weekly bulletins are of equal length, and share
//!   too little of either to pass.
//! - **LSH banding** ([`BANDS`] bands of [`ROWS`] bins, from the stored values with empty
//!   bins filled from the next full one, so a later run finds the same candidates): two
//!   articles become candidates when any band agrees. With 2 rows and 16 bands a pair at
//!   Jaccard 0.5 is a candidate with probability 1 − (1 − 0.5²)¹⁶ ≈ 0.99 (0.97 at 0.45, 0.93
//!   at 0.4); a candidate is kept only if its estimated similarity reaches the threshold. A
//!   band key is 32 bits (two 16-bit bins), so unrelated articles meet in a band about one
//!   time in four billion. With one-byte bins (16-bit keys, as first built) they met one time
//!   in 65,536: at 200,000 articles every new article had ~90 chance candidates to fetch and
//!   compare, which made detection cost grow with the archive.

/// Words per shingle.
pub const SHINGLE: usize = 5;
/// Bins of a signature.
pub const BINS: usize = 128;
/// Bins per band (bytes of a band key).
pub const ROWS: usize = 2;
/// Bands: the first `BANDS * ROWS` stored bins, `ROWS` at a time.
pub const BANDS: usize = 16;
/// The similarity (estimated Jaccard of word 5-shingles) at or above which two articles are
/// one story, unless the index is told otherwise (`dateline index --dup-threshold`).
pub const DEFAULT_THRESHOLD: f64 = 0.6;

/// An article's signature: per bin, a value (two bytes or one) of the smallest shingle hash
/// that fell in it, or 0 for an empty bin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    bins: Packed,
}

/// Bins that make band keys: the first `BANDS * ROWS`, stored in two bytes each.
pub const BAND_BINS: usize = BANDS * ROWS;

/// Bytes of a stored signature: two for each band bin, one for each other bin, and two for
/// the number of shingles.
pub const SIG_LEN: usize = 2 * BAND_BINS + (BINS - BAND_BINS) + 2;

/// Where the one-byte bins start in a stored signature.
const NARROW: usize = 2 * BAND_BINS;

/// Where the number of shingles is in a stored signature.
const COUNT: usize = SIG_LEN - 2;

/// A signature as the index stores it: the band bins as little-endian `u16`s, then one byte
/// for each other bin (0 for an empty bin in either width), then the number of shingles
/// (little-endian, at most 65,535).
pub type Packed = [u8; SIG_LEN];

/// How much of the shorter of two articles must be in the longer one for a trimmed or
/// extended copy to count as the same story although the pair's Jaccard similarity is below
/// the threshold (it must still reach half of it).
pub const CONTAINED: f64 = 0.8;

/// splitmix64's finaliser: spreads every input bit over the output.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// One more character of a word's hash.
#[inline]
fn step(h: u64, c: u32) -> u64 {
    (h.rotate_left(5) ^ u64::from(c)).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// The hashes of the lower-case words of `text`, appended to `out`. ASCII is read byte by
/// byte (the common case, and most of the cost of a signature); other characters are
/// decoded and lower-cased.
fn word_hashes(text: &str, out: &mut Vec<u64>) {
    // Per ASCII byte: its lower-case form when it is a letter or digit, else 0.
    const ASCII: [u8; 128] = {
        let mut t = [0u8; 128];
        let mut b = 0;
        while b < 128 {
            let c = b as u8;
            if c.is_ascii_alphanumeric() {
                t[b] = c.to_ascii_lowercase();
            }
            b += 1;
        }
        t
    };
    let bytes = text.as_bytes();
    let mut h: u64 = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let alnum = if b < 0x80 {
            i += 1;
            let l = ASCII[usize::from(b)];
            if l != 0 {
                h = step(h, u32::from(l));
                true
            } else {
                false
            }
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if c.is_alphanumeric() {
                for l in c.to_lowercase() {
                    h = step(h, l as u32);
                }
                true
            } else {
                false
            }
        };
        if alnum {
            in_word = true;
        } else if in_word {
            out.push(mix(h));
            h = 0;
            in_word = false;
        }
    }
    if in_word {
        out.push(mix(h));
    }
}

impl Signature {
    /// The signature of an article's title and body; `None` when they hold no word.
    pub fn of(title: &str, body: &str) -> Option<Signature> {
        let mut words = Vec::with_capacity((title.len() + body.len()) / 5 + 1);
        word_hashes(title, &mut words);
        word_hashes(body, &mut words);
        if words.is_empty() {
            return None;
        }
        const EMPTY: u64 = u64::MAX;
        let mut mins = [EMPTY; BINS];
        // Word hashes are mixed already, and a shingle's hash is their rotations XORed: its
        // top bits choose the bin, its low 32 bits are the value.
        let mut add = |s: u64| {
            let bin = (s >> (64 - BINS.trailing_zeros())) as usize;
            let value = s & 0xffff_ffff;
            if value < mins[bin] {
                mins[bin] = value;
            }
        };
        if words.len() < SHINGLE {
            // A text shorter than a shingle is one shingle.
            add(words
                .iter()
                .fold(0u64, |h, &w| h.rotate_left(17) ^ w)
                .wrapping_add(words.len() as u64));
        } else {
            for w in words.windows(SHINGLE) {
                add(w.iter().fold(0u64, |h, &w| h.rotate_left(17) ^ w));
            }
        }
        let mut bins = [0u8; SIG_LEN];
        for (i, &m) in mins[..BAND_BINS].iter().enumerate() {
            if m != EMPTY {
                let v = (m % 65_535) as u16 + 1;
                bins[2 * i..2 * i + 2].copy_from_slice(&v.to_le_bytes());
            }
        }
        for (b, &m) in bins[NARROW..COUNT].iter_mut().zip(&mins[BAND_BINS..]) {
            if m != EMPTY {
                *b = (m % 255) as u8 + 1;
            }
        }
        let shingles = words.len().saturating_sub(SHINGLE - 1).max(1);
        bins[COUNT..].copy_from_slice(&(shingles.min(usize::from(u16::MAX)) as u16).to_le_bytes());
        Some(Signature { bins })
    }

    /// The signature as stored.
    pub fn packed(&self) -> Packed {
        self.bins
    }
}

/// The value of band bin `i` (below [`BAND_BINS`]) of a stored signature; 0 when empty.
fn band_bin(packed: &Packed, i: usize) -> u16 {
    u16::from_le_bytes([packed[2 * i], packed[2 * i + 1]])
}

/// The band keys of a stored signature: two articles with the same key in the same band are
/// candidates. An empty band bin takes the next full bin's value, mixed with the distance
/// (densification by rotation), so short texts have band keys too.
pub fn bands(packed: &Packed) -> [u32; BANDS] {
    let value = |i: usize| -> u32 {
        if i < BAND_BINS {
            u32::from(band_bin(packed, i))
        } else {
            u32::from(packed[NARROW + i - BAND_BINS])
        }
    };
    // For each band bin, the next full bin at or after it (cyclic): one pass backwards over
    // the bins twice round.
    let mut filled = [0u16; BAND_BINS];
    let mut next: Option<(usize, u32)> = None;
    for i in (0..2 * BINS).rev() {
        let v = value(i % BINS);
        if v != 0 {
            next = Some((i, v));
        }
        if i < BAND_BINS {
            filled[i] = match next {
                Some((j, v)) if j == i => v as u16,
                Some((j, v)) => mix(u64::from(v) | (((j - i) as u64) << 16)) as u16,
                None => 0,
            };
        }
    }
    let mut keys = [0u32; BANDS];
    for (b, key) in keys.iter_mut().enumerate() {
        *key = u32::from(filled[b * ROWS]) | (u32::from(filled[b * ROWS + 1]) << 16);
    }
    keys
}

/// The estimated Jaccard similarity of the shingle sets behind two stored signatures, from 0
/// to 1: among the bins not empty in both, the share that agree. Signatures of another
/// length (a damaged column, an older format) are 0 alike.
pub fn similarity(a: &[u8], b: &[u8]) -> f64 {
    if a.len() != SIG_LEN || b.len() != SIG_LEN {
        return 0.0;
    }
    let mut wide = Counts::default();
    for i in 0..BAND_BINS {
        let x = u16::from_le_bytes([a[2 * i], a[2 * i + 1]]);
        let y = u16::from_le_bytes([b[2 * i], b[2 * i + 1]]);
        wide.add(x != 0, y != 0, x == y);
    }
    let narrow = count_bins(&a[NARROW..COUNT], &b[NARROW..COUNT]);
    let either = wide.either + narrow.either;
    if either == 0 {
        return 0.0;
    }
    // Two different full bins agree on their value one time in 65,535 (two bytes) or 255.
    let chance = f64::from(wide.both - wide.agree) / 65_534.0
        + f64::from(narrow.both - narrow.agree) / 254.0;
    let agree = f64::from(wide.agree + narrow.agree);
    ((agree - chance) / f64::from(either)).clamp(0.0, 1.0)
}

/// Bins full in either signature, full in both, and agreeing (full and equal).
#[derive(Default)]
struct Counts {
    either: u32,
    both: u32,
    agree: u32,
}

impl Counts {
    #[inline]
    fn add(&mut self, x: bool, y: bool, equal: bool) {
        self.either += u32::from(x | y);
        self.both += u32::from(x & y);
        self.agree += u32::from(x & equal);
    }
}

/// The counts of the one-byte bins of `a` and `b`, in byte lanes the compiler vectorises
/// (fewer than 256 bins fit a byte's count).
#[inline]
fn count_bins(a: &[u8], b: &[u8]) -> Counts {
    let (mut either, mut both, mut agree) = (0u8, 0u8, 0u8);
    for (&x, &y) in a.iter().zip(b) {
        either = either.wrapping_add(u8::from((x | y) != 0));
        both = both.wrapping_add(u8::from(x != 0 && y != 0));
        agree = agree.wrapping_add(u8::from(x == y && x != 0));
    }
    Counts {
        either: u32::from(either),
        both: u32::from(both),
        agree: u32::from(agree),
    }
}

/// Whether two stored signatures are one story at `threshold`, and if so their estimated
/// Jaccard similarity: when it reaches the threshold, or, for a trimmed or extended copy,
/// when it reaches half the threshold and about [`CONTAINED`] of the shorter text's shingles
/// are in the longer one (estimated from the similarity and the two shingle counts).
pub fn same_story(a: &[u8], b: &[u8], threshold: f64) -> Option<f64> {
    let j = similarity(a, b);
    if j >= threshold {
        return Some(j);
    }
    if j < threshold / 2.0 || j <= 0.0 {
        return None;
    }
    let count = |s: &[u8]| f64::from(u16::from_le_bytes([s[COUNT], s[COUNT + 1]]));
    let (na, nb) = (count(a), count(b));
    // |A ∩ B| = J (|A| + |B|) / (1 + J).
    let shared = j * (na + nb) / (1.0 + j);
    (shared / na.min(nb).max(1.0) >= CONTAINED).then_some(j)
}

/// The threshold that turns detection off: every article is a story of its own. New indexes
/// start with it: detection holds every article's signature in memory while indexing (about
/// 0.7 KB an article), which a build of millions of articles cannot afford within its 1 GB
/// budget, so it is asked for (`--dup-threshold 0.6`).
pub const OFF: f64 = 0.0;

/// Whether a threshold detects stories (anything but [`OFF`]).
pub fn detects(threshold: f64) -> bool {
    threshold > 0.0
}

/// A threshold as given by a user: a number from 0.05 to 1, or 0 (off).
pub fn check_threshold(t: f64) -> std::result::Result<f64, String> {
    if t == OFF || (t.is_finite() && (0.05..=1.0).contains(&t)) {
        Ok(t)
    } else {
        Err(format!(
            "the duplicate threshold is a similarity from 0.05 to 1, or 0 (off) (got {t})"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sim(a: &str, b: &str) -> f64 {
        similarity(
            &Signature::of("", a).unwrap().packed(),
            &Signature::of("", b).unwrap().packed(),
        )
    }

    /// The exact Jaccard similarity of two texts' 5-shingle sets, to check the estimate.
    fn exact(a: &str, b: &str) -> f64 {
        let set = |t: &str| {
            let mut w = Vec::new();
            word_hashes(t, &mut w);
            w.windows(SHINGLE)
                .map(|s| s.to_vec())
                .collect::<std::collections::HashSet<_>>()
        };
        let (a, b) = (set(a), set(b));
        a.intersection(&b).count() as f64 / a.union(&b).count() as f64
    }

    fn text(seed: u64, words: usize) -> String {
        // Pseudo-random words from a fixed vocabulary of our own.
        let vocab = [
            "grain", "port", "minister", "said", "talks", "harbour", "ship", "tonnes", "week",
            "price", "rose", "fell", "council", "river", "bridge", "rail", "strike", "union",
            "wage", "bank", "rate", "loan", "farm", "crop", "rain", "flood", "road", "city",
            "mayor", "vote", "court", "judge", "trial", "fire", "storm", "coast", "trade",
            "export", "import", "fuel", "oil", "gas", "power", "plant", "mine", "coal",
        ];
        let mut x = seed;
        (0..words)
            .map(|_| {
                x = mix(x.wrapping_add(0x9e37_79b9_7f4a_7c15));
                vocab[(x % vocab.len() as u64) as usize]
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn same_text_is_one_different_text_is_near_zero() {
        let a = text(1, 300);
        let b = text(2, 300);
        assert_eq!(sim(&a, &a), 1.0);
        assert!(sim(&a, &b) < 0.1, "{}", sim(&a, &b));
        // Case and punctuation do not matter; words do.
        assert_eq!(sim("The Port, re-opened.", "the port re opened"), 1.0);
        assert!(Signature::of("", " ,. ").is_none());
        // Any script, any case.
        assert_eq!(sim("Київ сьогодні вранці", "КИЇВ, СЬОГОДНІ ВРАНЦІ"), 1.0);
        assert!(sim("Київ сьогодні вранці", "Харків сьогодні вранці") < 0.5);
    }

    #[test]
    fn the_estimate_follows_the_exact_similarity() {
        let base = text(7, 400);
        let words: Vec<&str> = base.split(' ').collect();
        for keep in [400, 300, 200, 120] {
            let cut = words[..keep].join(" ");
            let (e, x) = (sim(&base, &cut), exact(&base, &cut));
            assert!((e - x).abs() < 0.15, "kept {keep}: estimate {e}, exact {x}");
        }
    }

    #[test]
    fn a_trimmed_copy_is_the_same_story_an_equal_length_variant_is_not() {
        let base = text(11, 400);
        let words: Vec<&str> = base.split(' ').collect();
        let packed = |t: &str| Signature::of("", t).unwrap().packed();
        // The first 45 % of the text: Jaccard about 0.45, all of it in the original.
        let cut = words[..180].join(" ");
        assert!(similarity(&packed(&base), &packed(&cut)) < DEFAULT_THRESHOLD);
        assert!(same_story(&packed(&base), &packed(&cut), DEFAULT_THRESHOLD).is_some());
        // Half the text replaced: as long as the original, half of it shared.
        let variant = format!("{} {}", words[..200].join(" "), text(12, 200));
        assert!(same_story(&packed(&base), &packed(&variant), DEFAULT_THRESHOLD).is_none());
    }

    #[test]
    fn numbers_are_words() {
        let a =
            "Crude stocks rose 2 mln barrels to 330 mln in the week to March 6, the institute said";
        let b = "Crude stocks fell 3 mln barrels to 327 mln in the week to March 13, the institute said";
        assert!(sim(a, b) < 0.3, "{}", sim(a, b));
    }

    #[test]
    fn near_duplicates_share_a_band_and_strangers_do_not() {
        let a = text(3, 300);
        let b = format!("{} extra closing words here", text(3, 260));
        let band = |t: &str| bands(&Signature::of("", t).unwrap().packed());
        let (ba, bb, bc) = (band(&a), band(&b), band(&text(4, 300)));
        let same_band =
            |x: &[u32; BANDS], y: &[u32; BANDS]| x.iter().zip(y).filter(|(p, q)| p == q).count();
        assert!(same_band(&ba, &bb) > 0);
        assert_eq!(same_band(&ba, &bc), 0);
    }

    #[test]
    fn thresholds_out_of_range_are_refused() {
        assert_eq!(check_threshold(0.5), Ok(0.5));
        assert_eq!(check_threshold(0.0), Ok(OFF));
        assert!(check_threshold(0.01).is_err());
        assert!(check_threshold(1.5).is_err());
        assert!(check_threshold(f64::NAN).is_err());
    }
}
