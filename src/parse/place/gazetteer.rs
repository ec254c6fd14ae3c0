//! The place table compiled into the binary (`data/gazetteer.tsv`, made from GeoNames by
//! `scripts/gazetteer.py`; CC BY 4.0), decoded once, on the first lookup: a run that resolves
//! no place never pays for it. Lookups are by [`name_key`], so case, periods, hyphens, `St`
//! for `Saint` and Latin look-alike letters inside Cyrillic words do not matter.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// The table, as `scripts/gazetteer.py` writes it.
const TABLE: &str = include_str!("../../../data/gazetteer.tsv");

/// Population from which a place's own name outranks every other place's alternate name.
const OWN_NAME_CITY: u64 = 100_000;

/// A country: ISO 3166-1 alpha-2 code and English name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    /// `UA`.
    pub code: &'static str,
    /// `Ukraine`.
    pub name: &'static str,
}

/// A place of the table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Entry {
    pub name: &'static str,
    pub country: &'static str,
    /// GeoNames admin1 code, kept for the United States and Canada only.
    pub admin1: &'static str,
    pub population: u64,
    pub lat: f64,
    pub lon: f64,
}

impl Entry {
    /// An entry from the table's text fields (numbers that do not read are 0).
    fn of(
        name: &'static str,
        country: &'static str,
        admin1: &'static str,
        population: &str,
        lat: &str,
        lon: &str,
    ) -> Entry {
        Entry {
            name,
            country,
            admin1,
            population: population.parse().unwrap_or(0),
            lat: lat.parse().unwrap_or(0.0),
            lon: lon.parse().unwrap_or(0.0),
        }
    }
}

pub(super) struct Gazetteer {
    places: Vec<Entry>,
    /// Name key to places: index into `places`, and whether the key is the place's own name
    /// (rather than an alternate one). Keys are slices of the table: the script stores names
    /// as keys, so decoding computes none.
    names: FxHashMap<&'static str, Vec<(u32, bool)>>,
}

/// The countries of the table, decoded on their own (a `--country` filter or a region needs
/// only them).
pub(super) struct Countries {
    countries: Vec<Country>,
    names: FxHashMap<&'static str, u16>,
}

static PLACES: OnceLock<Gazetteer> = OnceLock::new();

/// The places, decoded on first use (about 30 ms of CPU).
pub(super) fn get() -> &'static Gazetteer {
    PLACES.get_or_init(|| Gazetteer::decode(TABLE))
}

/// Lookups a process answers by scanning the table text before it decodes the table: a
/// search resolves a `--city` or two, and a scan (a substring search through 2 MB) costs a
/// fraction of a millisecond; indexing resolves thousands and decodes once.
const SCANS_BEFORE_DECODING: u32 = 16;

/// The most likely place of a name key: among the places in `within` (a country, and a
/// state or province), the most populous, a place's own name counting ten times an
/// alternate one (`Washington` is the capital, not the Illinois town whose own name it is).
/// A city of [`OWN_NAME_CITY`] people or more by its own name beats any alternate name:
/// `New Delhi` is New Delhi, not Delhi, whose alternate name it is too.
pub(super) fn best(key: &str, within: Option<(&str, &str)>) -> Option<Entry> {
    static SCANS: AtomicU32 = AtomicU32::new(0);
    if key.is_empty() {
        return None;
    }
    let candidates = match PLACES.get() {
        Some(g) => g.candidates(key),
        None if SCANS.fetch_add(1, Ordering::Relaxed) < SCANS_BEFORE_DECODING => scan(key),
        None => get().candidates(key),
    };
    let fits = |e: &Entry| {
        within
            .is_none_or(|(cc, admin1)| e.country == cc && (admin1.is_empty() || e.admin1 == admin1))
    };
    let candidates: Vec<_> = candidates.into_iter().filter(|(e, _, _)| fits(e)).collect();
    let own_city = candidates
        .iter()
        .any(|(e, own, _)| *own && e.population >= OWN_NAME_CITY);
    candidates
        .into_iter()
        .filter(|(_, own, _)| *own || !own_city)
        .max_by_key(|&(e, own, rank)| {
            (
                e.population.saturating_mul(if own { 10 } else { 1 }),
                std::cmp::Reverse(rank),
            )
        })
        .map(|(e, _, _)| e)
}

/// [`Gazetteer::candidates`] without decoding: every place record with the key among its
/// own or alternate keys, found by a substring search of the table text. Ranks are byte
/// offsets, in the table's order as decoded indexes are.
fn scan(key: &str) -> Vec<(Entry, bool, u32)> {
    let hay = TABLE.as_bytes();
    let mut out: Vec<(Entry, bool, u32)> = Vec::new();
    for pos in memchr::memmem::find_iter(hay, key.as_bytes()) {
        let end = pos + key.len();
        if !matches!(pos.checked_sub(1).map(|i| hay[i]), Some(b'\t' | b'|'))
            || !matches!(hay.get(end), Some(b'\t' | b'|' | b'\n') | None)
        {
            continue;
        }
        let start = memchr::memrchr(b'\n', &hay[..pos]).map_or(0, |i| i + 1);
        let stop = memchr::memchr(b'\n', &hay[end..]).map_or(hay.len(), |i| end + i);
        let line = &TABLE[start..stop];
        // Fields: P, display, country, admin1, population, lat, lon, own keys, alternates.
        let field = hay[start..pos].iter().filter(|&&b| b == b'\t').count();
        if !line.starts_with("P\t") || !(field == 7 || field == 8) {
            continue;
        }
        let rank = start as u32;
        if out.iter().any(|(_, _, r)| *r == rank) {
            continue;
        }
        let f: Vec<&'static str> = line.split('\t').collect();
        if let [_, name, country, admin1, population, lat, lon, ..] = f.as_slice() {
            let entry = Entry::of(name, country, admin1, population, lat, lon);
            out.push((entry, field == 7, rank));
        }
    }
    out
}

/// The countries, decoded on first use.
pub(super) fn countries() -> &'static Countries {
    static COUNTRIES: OnceLock<Countries> = OnceLock::new();
    COUNTRIES.get_or_init(|| Countries::decode(TABLE))
}

fn records(table: &'static str, kind: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table
        .lines()
        .filter(move |l| l.starts_with(kind) && l.as_bytes().get(1) == Some(&b'\t'))
        .map(|l| l.split('\t').skip(1).collect())
}

fn keys(field: &'static str) -> impl Iterator<Item = &'static str> {
    field.split('|').filter(|k| !k.is_empty())
}

impl Countries {
    fn decode(table: &'static str) -> Countries {
        let mut c = Countries {
            countries: Vec::with_capacity(256),
            names: FxHashMap::default(),
        };
        // Countries come first: stop at the first place.
        let head = table.find("\nP\t").map_or(table, |end| &table[..end]);
        for f in records(head, "C") {
            if let [code, name, names] = f.as_slice() {
                let i = c.countries.len() as u16;
                c.countries.push(Country { code, name });
                for k in keys(names) {
                    c.names.entry(k).or_insert(i);
                }
            }
        }
        c
    }

    /// A country by any of its names (`Ukraine`, `Україна`, `West Germany`), not its code:
    /// `Me.` is Maine, not Montenegro.
    pub fn by_name(&self, name: &str) -> Option<Country> {
        self.names
            .get(name_key(name).as_str())
            .map(|&i| self.countries[i as usize])
    }

    /// A country by its ISO code, in any case.
    pub fn by_code(&self, code: &str) -> Option<Country> {
        let code = code.trim();
        self.countries
            .iter()
            .copied()
            .find(|c| c.code.eq_ignore_ascii_case(code))
    }
}

impl Gazetteer {
    fn decode(table: &'static str) -> Gazetteer {
        let mut g = Gazetteer {
            places: Vec::with_capacity(35_000),
            names: FxHashMap::with_capacity_and_hasher(120_000, Default::default()),
        };
        for f in records(table, "P") {
            let [name, country, admin1, population, lat, lon, own, alternate] = f.as_slice() else {
                debug_assert!(false, "bad gazetteer record {f:?}");
                continue;
            };
            let i = g.places.len() as u32;
            g.places
                .push(Entry::of(name, country, admin1, population, lat, lon));
            // The script lists a key once per place, own names first.
            for k in keys(own) {
                g.names.entry(k).or_default().push((i, true));
            }
            for k in keys(alternate) {
                g.names.entry(k).or_default().push((i, false));
            }
        }
        g
    }

    /// The places a key names: entry, own name or not, rank in the table.
    fn candidates(&self, key: &str) -> Vec<(Entry, bool, u32)> {
        self.names.get(key).map_or_else(Vec::new, |ids| {
            ids.iter()
                .map(|&(i, own)| (self.places[i as usize], own, i))
                .collect()
        })
    }

    /// Whether a name key is any place's name.
    #[cfg(test)]
    pub fn knows(&self, key: &str) -> bool {
        self.names.contains_key(key)
    }
}

/// The lookup form of a place name: lower case, `’` as `'`, hyphens as spaces, periods
/// dropped, white space collapsed, `St`/`Ste`/`Ft`/`Mt` spelled out, and in a word with
/// Cyrillic letters the Latin letters that look like Cyrillic ones (`Моcква` with a Latin `c`)
/// made Cyrillic.
pub fn name_key(name: &str) -> String {
    let lower = name
        .to_lowercase()
        .replace(['’', '`'], "'")
        .replace(['-', '‐', '–'], " ");
    let mut out = String::with_capacity(lower.len());
    for word in lower.split_whitespace() {
        let word: String = word.chars().filter(|&c| c != '.').collect();
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        match word.as_str() {
            "st" => out.push_str("saint"),
            "ste" => out.push_str("sainte"),
            "ft" => out.push_str("fort"),
            "mt" => out.push_str("mount"),
            _ if word.chars().any(is_cyrillic) => out.extend(word.chars().map(cyrillic_look_alike)),
            _ => out.push_str(&word),
        }
    }
    out
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// The Cyrillic letter a lower-case Latin one stands for inside a Cyrillic word.
fn cyrillic_look_alike(c: char) -> char {
    match c {
        'a' => 'а',
        'b' => 'в',
        'c' => 'с',
        'e' => 'е',
        'h' => 'н',
        'i' => 'і',
        'k' => 'к',
        'm' => 'м',
        'o' => 'о',
        'p' => 'р',
        't' => 'т',
        'x' => 'х',
        'y' => 'у',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_periods_saints_and_look_alikes() {
        assert_eq!(name_key("ST. LOUIS"), name_key("Saint Louis"));
        assert_eq!(name_key("Winston-Salem"), "winston salem");
        assert_eq!(name_key("Моcква"), name_key("Москва"));
        assert_ne!(name_key("Моcква"), "моcква");
        assert_eq!(name_key("  New   York "), "new york");
    }

    #[test]
    fn the_table_decodes_with_its_countries() {
        let g = get();
        assert!(g.places.len() > 30_000, "{}", g.places.len());
        let c = countries();
        assert!(c.countries.len() > 240);
        assert_eq!(c.by_code("ua").map(|c| c.name), Some("Ukraine"));
        assert_eq!(c.by_name("me"), None);
        assert_eq!(c.by_name("Україна").map(|c| c.code), Some("UA"));
        assert_eq!(c.by_name("West Germany").map(|c| c.code), Some("DE"));
        assert_eq!(c.by_code("US").map(|c| c.name), Some("United States"));
        assert!(g.knows("kyiv") && g.knows("київ") && !g.knows("iev"));
    }

    #[test]
    fn a_scan_finds_what_the_decoded_table_finds() {
        let g = get();
        for name in [
            "Kyiv",
            "Київ",
            "Washington",
            "Portland",
            "Moscow",
            "New York",
            "Odessa",
        ] {
            let k = name_key(name);
            let mut decoded: Vec<(Entry, bool)> = g
                .candidates(&k)
                .into_iter()
                .map(|(e, own, _)| (e, own))
                .collect();
            let mut scanned: Vec<(Entry, bool)> =
                scan(&k).into_iter().map(|(e, own, _)| (e, own)).collect();
            let order = |a: &(Entry, bool), b: &(Entry, bool)| {
                (a.0.name, a.0.country, a.0.admin1, a.0.population).cmp(&(
                    b.0.name,
                    b.0.country,
                    b.0.admin1,
                    b.0.population,
                ))
            };
            decoded.sort_by(order);
            scanned.sort_by(order);
            assert!(!decoded.is_empty(), "{name}");
            assert_eq!(decoded, scanned, "{name}");
        }
        assert!(scan("kyi").is_empty(), "a key matches whole keys only");
    }

    /// The script writes names as keys; each must be the key dateline makes of it, or the
    /// name could never be found.
    #[test]
    fn every_key_of_the_table_is_its_own_key() {
        let mut bad = Vec::new();
        for kind in ["C", "P"] {
            for f in records(TABLE, kind) {
                let fields = if kind == "C" { &f[2..] } else { &f[6..] };
                for k in fields.iter().flat_map(|field| keys(field)) {
                    if name_key(k) != k {
                        bad.push(k);
                    }
                }
            }
        }
        assert!(
            bad.is_empty(),
            "{} keys differ, e.g. {:?}",
            bad.len(),
            &bad[..bad.len().min(10)]
        );
    }
}
