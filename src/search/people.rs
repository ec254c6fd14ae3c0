//! One person, one facet value: the archive's raw speaker values (the `speaker` fast field's
//! dictionaries over all segments) grouped into people, and each group given one display
//! name. Worked out at search time from the index's own dictionaries, so it stays right as
//! files come and go, and cached per searcher generation.
//!
//! What folds into one person, the rules being about names and nothing else:
//!
//! - case and apostrophes (`Martin O’Malley` / `Martin O'Malley`, `MCCAIN` / `McCain`);
//! - middle initials (`Donald J. Trump` → `Donald Trump`), and a full middle name when the
//!   archive has the first-and-last form too (`Hillary Rodham Clinton` → `Hillary Clinton`);
//! - a short first name when the archive has the full one with the same surname (`Jim
//!   Clyburn` and `James E. Clyburn`, `Ben Rhodes` and `Benjamin J. Rhodes`), by the quote
//!   parser's table of short forms;
//! - a surname alone (`Obama`), or with a first initial (`J. Smith`), when one person of the
//!   archive with that surname (and initial) is named in full at least five times as often
//!   as all others together (`Barack Obama` over `Michelle Obama`; `Hillary Clinton` and
//!   `Bill Clinton` in 450 and 100 documents are too close, so `Clinton` stays as it is).
//!   Within an article the fullest name already wins, so a surname left alone comes from an
//!   article that never names anyone in full by it, and the archive's most quoted bearer is
//!   the likely one.
//!
//! A suffix keeps a person apart (`Donald Trump Jr.`), and counts as another bearer of the
//! surname.
//!
//! An organisation's legal ending folds too, when the archive also has the name without it
//! (`General Motors Corp` → `General Motors`).
//!
//! How often a value is named is its document frequency in the `speaker` field (articles and
//! quotes, deleted documents included until their segment is merged): read from the same
//! dictionaries, at no extra cost. The same documents make `--speaker` with a name resolve
//! as the facet does.
//! Values that are not shaped like a person's name (`Ana Pires and Rui Mota`, `RT`, `the
//! Lindqvist campaign`) fold by case and apostrophe only.
//!
//! The display name of a person is the first-and-last form when the archive has it (else the
//! shortest full form, then one not in capitals, then the first in sort order): chosen from
//! the values alone, so it does not move as counts change.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::{Arc, Mutex};

use tantivy::Searcher;

use crate::error::Result;
use crate::parse::name_case;
use crate::parse::quote::first_name_full_forms;
use crate::schema::name;

/// The people of one searcher generation.
#[derive(Debug, Default)]
pub(crate) struct People {
    /// Display name of each person.
    display: Vec<String>,
    /// Raw values of each person, as indexed.
    members: Vec<Vec<String>>,
    /// Raw value → person.
    by_raw: HashMap<String, u32>,
    /// Folded key of a full name (middle initials dropped) → person.
    by_key: HashMap<String, u32>,
    /// Documents naming each person (articles and quotes, deleted ones included).
    weight: Vec<u64>,
    /// Per segment of the searcher: term ordinal of its `speaker` column → person.
    segments: Vec<Vec<u32>>,
}

/// The people of the last searcher generation asked about.
#[derive(Default)]
pub(crate) struct PeopleCache(Mutex<Option<(u64, Arc<People>)>>);

impl PeopleCache {
    /// The people of `searcher`'s generation, worked out once per generation.
    pub(crate) fn get(&self, searcher: &Searcher) -> Result<Arc<People>> {
        let generation = searcher.generation().generation_id();
        let mut cached = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((g, people)) = cached.as_ref() {
            if *g == generation {
                return Ok(people.clone());
            }
        }
        let people = Arc::new(People::of(searcher)?);
        *cached = Some((generation, people.clone()));
        Ok(people)
    }
}

impl People {
    /// Reads every segment's speaker dictionary once: the inverted index's, which has each
    /// term's document frequency and, holding the same terms as the fast column, its ordinals.
    fn of(searcher: &Searcher) -> Result<People> {
        let field = searcher.schema().get_field(name::SPEAKER)?;
        let mut segments: Vec<Vec<(String, u64)>> = Vec::new();
        for seg in searcher.segment_readers() {
            let index = seg.inverted_index(field)?;
            let dict = index.terms();
            let mut terms = Vec::with_capacity(dict.num_terms());
            let mut stream = dict.stream().map_err(crate::index::io_err)?;
            while stream.advance() {
                terms.push((
                    String::from_utf8_lossy(stream.key()).into_owned(),
                    u64::from(stream.value().doc_freq),
                ));
            }
            // Should the column hold other terms (it never has), its own dictionary says
            // which value each ordinal is.
            if let Some(col) = seg.fast_fields().str(name::SPEAKER)? {
                if col.num_terms() != terms.len() {
                    terms = crate::index::column_terms(&col)?
                        .into_iter()
                        .map(|t| (t, 1))
                        .collect();
                }
            }
            segments.push(terms);
        }
        let mut weights: HashMap<&str, u64> = HashMap::default();
        for (term, w) in segments.iter().flatten() {
            *weights.entry(term.as_str()).or_default() += w;
        }
        let mut all: Vec<(&str, u64)> = weights.into_iter().collect();
        all.sort_unstable();
        let mut people = People::group(&all);
        people.segments = segments
            .iter()
            .map(|terms| {
                terms
                    .iter()
                    .map(|(t, _)| people.by_raw[t.as_str()])
                    .collect()
            })
            .collect();
        Ok(people)
    }

    /// Groups raw speaker values (sorted, distinct, each with the documents naming it) into
    /// people.
    pub(crate) fn group(values: &[(&str, u64)]) -> People {
        let raw: Vec<&str> = values.iter().map(|v| v.0).collect();
        // Full names and other values first, by their folded key.
        let shaped: Vec<bool> = raw.iter().map(|r| person_shaped(r)).collect();
        let full: Vec<String> = raw.iter().map(|r| full_key(r)).collect();
        let mut key_of = case_folded(&full, values);
        let two_word: HashSet<&str> = key_of
            .iter()
            .filter(|k| k.split(' ').count() == 2)
            .map(String::as_str)
            .collect();
        // `Hillary Rodham Clinton` joins `Hillary Clinton` when the archive has that form.
        let middle_dropped: Vec<Option<String>> = shaped
            .iter()
            .zip(&key_of)
            .map(|(&shaped, k)| {
                let words: Vec<&str> = k.split(' ').collect();
                (shaped && words.len() == 3 && !is_suffix(words[2]))
                    .then(|| format!("{} {}", words[0], words[2]))
                    .filter(|short| two_word.contains(short.as_str()))
            })
            .collect();
        for (k, m) in key_of.iter_mut().zip(middle_dropped) {
            if let Some(m) = m {
                *k = m;
            }
        }
        // `Jim Clyburn` joins `James Clyburn` (`James E. Clyburn`) when the archive has that
        // form: a short first name is the same first name.
        let keys: HashSet<String> = key_of.iter().cloned().collect();
        for (k, &shaped) in key_of.iter_mut().zip(&shaped) {
            let Some((first, rest)) = k.split_once(' ').filter(|_| shaped) else {
                continue;
            };
            // (Only to the one full form the archive has: `Chris Smith` joins neither
            // `Christine Smith` nor `Christopher Smith` when it has both.)
            let mut formal = first_name_full_forms(first)
                .iter()
                .map(|full| format!("{full} {rest}"))
                .filter(|formal| keys.contains(formal));
            if let (Some(one), None) = (formal.next(), formal.next()) {
                *k = one;
            }
        }
        // `General Motors Corp` joins `General Motors` when the archive has that form: a
        // company's legal ending is no part of who speaks.
        let keys: HashSet<String> = key_of.iter().cloned().collect();
        for k in key_of.iter_mut() {
            if let Some((bare, ending)) = k.rsplit_once(' ') {
                if company_ending(ending) && keys.contains(bare) {
                    *k = bare.to_string();
                }
            }
        }
        // Surname → the full-name keys of people with that surname, and how often each is
        // named.
        let mut by_surname: HashMap<String, Vec<(&str, u64)>> = HashMap::default();
        for ((&shaped, k), (_, w)) in shaped.iter().zip(&key_of).zip(values) {
            if shaped && k.contains(' ') {
                if let Some(s) = surname(k) {
                    let v = by_surname.entry(s.to_string()).or_default();
                    match v.iter_mut().find(|(key, _)| *key == k.as_str()) {
                        Some((_, total)) => *total += w,
                        None => v.push((k, *w)),
                    }
                }
            }
        }
        // A surname alone, or with a first initial, takes the key of the one person it fits.
        let resolved: Vec<String> = shaped
            .iter()
            .zip(&key_of)
            .map(|(&shaped, k)| {
                if !shaped {
                    return k.clone();
                }
                short_form_person(k, &by_surname).unwrap_or_else(|| k.clone())
            })
            .collect();

        let mut people = People::default();
        let mut ids: HashMap<&str, u32> = HashMap::default();
        for ((r, k), (_, w)) in raw.iter().zip(&resolved).zip(values) {
            let id = *ids.entry(k.as_str()).or_insert_with(|| {
                people.members.push(Vec::new());
                people.weight.push(0);
                (people.members.len() - 1) as u32
            });
            people.members[id as usize].push((*r).to_string());
            people.weight[id as usize] += w;
            people.by_raw.insert((*r).to_string(), id);
        }
        for (k, &id) in &ids {
            people.by_key.insert((*k).to_string(), id);
        }
        // `Hillary Rodham Clinton` asked for by that name.
        for (r, k) in raw.iter().zip(full) {
            let id = people.by_raw[*r];
            people.by_key.entry(k).or_insert(id);
        }
        people.display = people.members.iter().map(|m| display_of(m)).collect();
        people
    }

    /// The person a raw value belongs to.
    pub(crate) fn of_raw(&self, raw: &str) -> Option<u32> {
        self.by_raw.get(raw).copied()
    }

    /// The display name of a person.
    pub(crate) fn display(&self, person: u32) -> &str {
        &self.display[person as usize]
    }

    /// How many people there are.
    pub(crate) fn len(&self) -> usize {
        self.display.len()
    }

    /// The person a user's name stands for (`donald trump`, `Obama`, `o’malley`), by the
    /// same rules as the archive's values; `None` when it fits nobody or several people.
    pub(crate) fn find(&self, asked: &str) -> Option<u32> {
        let key = full_key(asked);
        let words = key.split(' ').count();
        let short = words == 1 || (words == 2 && key.split(' ').next().is_some_and(is_initial));
        if !short {
            return self.by_key.get(&key).copied();
        }
        // A surname names a person only as the archive's values do; else it stays a word.
        let fits: Vec<(u32, u64)> = self
            .display
            .iter()
            .enumerate()
            .filter(|(_, d)| person_shaped(d) && d.contains(' ') && short_fits(&key, &full_key(d)))
            .map(|(id, _)| (id as u32, self.weight[id]))
            .collect();
        dominant(&fits).copied()
    }

    /// The raw values of a person.
    pub(crate) fn members(&self, person: u32) -> &[String] {
        &self.members[person as usize]
    }

    /// Term ordinal → person, for segment `segment` of the searcher these people came from.
    pub(crate) fn segment(&self, segment: usize) -> &[u32] {
        self.segments.get(segment).map_or(&[], Vec::as_slice)
    }
}

/// The full-name keys with Russian and Ukrainian case forms folded into a form the archive
/// also has (`терезы мэй` → `тереза мэй`, `дональда трампа` → `дональд трамп`), by the rules
/// of `parse::name_case`: a key changes only into another key of the archive (the most
/// named one when several fit), and a surname after a woman's first name keeps its `-а`
/// (`мария захарова` never becomes `мария захаров`). A spelling that differs by a doubled
/// letter only (`хайко мас` / `хайко маас`) folds too when the first name is the same.
fn case_folded(full: &[String], values: &[(&str, u64)]) -> Vec<String> {
    let mut weight: HashMap<&str, u64> = HashMap::default();
    for (k, (_, w)) in full.iter().zip(values) {
        *weight.entry(k.as_str()).or_default() += w;
    }
    // Keys by their form with doubled letters made single.
    let mut by_single: HashMap<String, Vec<&str>> = HashMap::default();
    for k in weight.keys() {
        if name_case::is_cyrillic_word(&k.replace(' ', "")) && k.contains(' ') {
            by_single.entry(single_letters(k)).or_default().push(k);
        }
    }
    full.iter()
        .map(|key| {
            if !name_case::is_cyrillic_word(&key.replace([' ', '.'], "")) {
                return key.clone();
            }
            let words: Vec<&str> = key.split(' ').collect();
            if words.len() > 3 {
                return key.clone();
            }
            // Each word as written or one of its base forms.
            let mut forms: Vec<Vec<String>> = Vec::with_capacity(words.len());
            for w in &words {
                let mut options = vec![(*w).to_string()];
                options.extend(name_case::candidates(w));
                forms.push(options);
            }
            let mut best: Option<(&str, u64)> = None;
            let mut consider = |k: &str| {
                if let Some((&k, &w)) = weight.get_key_value(k) {
                    if k != key && best.is_none_or(|(_, bw)| w > bw) {
                        best = Some((k, w));
                    }
                }
            };
            for combo in combinations(&forms) {
                // After a woman's first name, a surname in `-а` stays as it is.
                let picked: Vec<&str> = combo.split(' ').collect();
                let feminine = picked[0].ends_with(['а', 'я']);
                let kept = |(w, p): (&&str, &&str)| !(w.ends_with(['а', 'я']) && w != p);
                if feminine && !words.iter().zip(&picked).skip(1).all(kept) {
                    continue;
                }
                consider(&combo);
            }
            if words.len() >= 2 {
                for other in by_single.get(&single_letters(key)).into_iter().flatten() {
                    if other.split(' ').next() == Some(words[0]) {
                        consider(other);
                    }
                }
            }
            // Only towards a key named more often, so two forms never swap.
            match best {
                Some((k, w)) if w > weight[key.as_str()] => k.to_string(),
                _ => key.clone(),
            }
        })
        .collect()
}

/// Every way to pick one option per word, joined by spaces.
fn combinations(forms: &[Vec<String>]) -> Vec<String> {
    let mut out = vec![String::new()];
    for options in forms {
        let mut next = Vec::with_capacity(out.len() * options.len());
        for prefix in &out {
            for o in options {
                next.push(if prefix.is_empty() {
                    o.clone()
                } else {
                    format!("{prefix} {o}")
                });
            }
        }
        out = next;
    }
    out
}

/// `s` with every run of one letter made single (`маас` → `мас`).
fn single_letters(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last = None;
    for c in s.chars() {
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

/// Lower case, apostrophes as `'`, spaces collapsed, middle initials dropped (`Donald J.
/// Trump` → `donald trump`; a first initial stays: `J. Hugh Liedtke`).
fn full_key(raw: &str) -> String {
    let folded = fold(raw);
    let words: Vec<&str> = folded.split_whitespace().collect();
    if !person_shaped(raw) || words.len() < 3 {
        return words.join(" ");
    }
    let last = words.len() - 1 - usize::from(is_suffix(words[words.len() - 1]));
    words
        .iter()
        .enumerate()
        .filter(|&(i, w)| i == 0 || i >= last || !is_initial(w))
        .map(|(_, w)| *w)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lower case with every apostrophe as `'`, an initial glued to a surname set apart
/// (`Б.Джонсон` → `б. джонсон`) and a last period dropped (`Т.Мей.`).
pub(crate) fn fold(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + 2);
    // The two characters before the one at hand: alphabetic or not.
    let (mut prev, mut before) = (false, false);
    let mut glued = false;
    for c in raw.chars() {
        if glued && c.is_alphabetic() {
            out.push(' ');
        }
        glued = c == '.' && prev && !before;
        match c {
            '’' | 'ʼ' | '‘' | '´' | '`' => out.push('\''),
            c if c.is_uppercase() => out.extend(c.to_lowercase()),
            c => out.push(c),
        }
        before = prev;
        prev = c.is_alphabetic();
    }
    out.truncate(out.trim_end().len());
    // `Jr.` and initials keep their period.
    let last_word = out.rsplit(' ').next().unwrap_or("");
    if last_word.ends_with('.')
        && !last_word[..last_word.len() - 1].contains('.')
        && last_word.chars().filter(|c| c.is_alphabetic()).count() > 2
    {
        out.pop();
    }
    out
}

/// `’`, `ʼ`, `‘` and `´` as `'`.
pub(crate) fn fold_apostrophes(s: &str) -> String {
    s.replace(['’', 'ʼ', '‘', '´', '`'], "'")
}

/// Whether a value is written like a person's name: one to five words, each capitalised (or
/// a name particle such as `de`, or a suffix), no `and`, not a lone acronym.
fn person_shaped(raw: &str) -> bool {
    let words: Vec<&str> = raw.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    if words.len() == 1 {
        let w = words[0];
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        return w.starts_with(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && letters >= 2;
    }
    words.iter().all(|w| {
        w.starts_with(char::is_uppercase)
            || is_suffix(&w.to_lowercase())
            || [
                "de", "van", "von", "der", "den", "bin", "al", "da", "di", "du", "del", "la", "le",
            ]
            .contains(w)
    })
}

/// `J.`, `J`, `J.R.`.
fn is_initial(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (letters == 1 && w.chars().count() <= 2) || (w.ends_with('.') && letters <= 2 && w.len() <= 5)
}

/// A company's legal ending, folded ([`fold`] drops a last word's period after three
/// letters: `Corp.` is `corp`, `Co.` stays `co.`).
fn company_ending(w: &str) -> bool {
    matches!(
        w,
        "corp"
            | "inc"
            | "co"
            | "co."
            | "ltd"
            | "plc"
            | "llc"
            | "ag"
            | "sa"
            | "nv"
            | "spa"
            | "gmbh"
            | "corporation"
    )
}

fn is_suffix(w: &str) -> bool {
    matches!(w, "jr." | "jr" | "sr." | "sr" | "ii" | "iii" | "iv")
}

/// The surname of a full-name key: its last word before any suffix.
fn surname(key: &str) -> Option<&str> {
    let words: Vec<&str> = key.split(' ').collect();
    let n = words.len();
    if n >= 2 && is_suffix(words[n - 1]) {
        return Some(words[n - 2]);
    }
    words.last().copied()
}

/// The key of the one person a surname alone (`obama`) or with a first initial (`j. smith`)
/// fits, among the full names by surname.
fn short_form_person(key: &str, by_surname: &HashMap<String, Vec<(&str, u64)>>) -> Option<String> {
    let words: Vec<&str> = key.split(' ').collect();
    let short = words.len() == 1 || (words.len() == 2 && is_initial(words[0]));
    if !short {
        return None;
    }
    let fits: Vec<(&str, u64)> = by_surname
        .get(*words.last()?)?
        .iter()
        .filter(|(full, _)| *full != key && short_fits(key, full))
        .copied()
        .collect();
    dominant(&fits).map(|k| (*k).to_string())
}

/// The one candidate named at least five times as often as all others together.
fn dominant<T>(candidates: &[(T, u64)]) -> Option<&T> {
    let (top, most) = candidates.iter().max_by_key(|(_, w)| *w)?;
    let rest: u64 = candidates.iter().map(|(_, w)| w).sum::<u64>() - most;
    (*most >= rest.saturating_mul(5).max(1)).then_some(top)
}

/// Whether a short key (`obama`, `j. smith`) can stand for a full-name key.
fn short_fits(short: &str, full: &str) -> bool {
    let s: Vec<&str> = short.split(' ').collect();
    let f: Vec<&str> = full.split(' ').collect();
    // A full name, not one with a first initial (`J. Smith` is no candidate for `Smith`).
    if f.len() < 2 || is_initial(f[0]) || surname(full) != s.last().copied() {
        return false;
    }
    match s.as_slice() {
        [_] => true,
        [initial, _] if is_initial(initial) => f[0].chars().next() == initial.chars().next(),
        _ => false,
    }
}

/// The display name of a person from its raw values.
fn display_of(members: &[String]) -> String {
    if let [one] = members {
        return fold_apostrophes(one);
    }
    let rank = |m: &String| {
        let words: Vec<&str> = m.split_whitespace().collect();
        let has_initial =
            words.len() >= 2 && words[..words.len() - 1].iter().any(|w| is_initial(w));
        let shouted = !m.chars().any(char::is_lowercase);
        (
            words.len() < 2,
            has_initial,
            words.len(),
            shouted,
            m.contains(['’', 'ʼ', '‘']),
            m.clone(),
        )
    };
    members
        .iter()
        .min_by_key(|m| rank(m))
        .map(|m| fold_apostrophes(m))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::People;

    /// Every value named once, but those given a weight.
    fn weighted(raw: &[&str], weights: &[(&str, u64)]) -> People {
        let mut raw = raw.to_vec();
        raw.sort_unstable();
        let values: Vec<(&str, u64)> = raw
            .iter()
            .map(|r| {
                let w = weights.iter().find(|(k, _)| k == r).map_or(1, |(_, w)| *w);
                (*r, w)
            })
            .collect();
        People::group(&values)
    }

    fn people(raw: &[&str]) -> People {
        weighted(raw, &[])
    }

    fn shown(p: &People, raw: &str) -> String {
        p.display(p.of_raw(raw).unwrap()).to_string()
    }

    #[test]
    fn short_names_and_initials_fold_into_one_person() {
        let p = people(&[
            "Barack Obama",
            "Obama",
            "Donald J. Trump",
            "Donald Trump",
            "Donald Trump Jr.",
            "Trump",
            "Hillary Rodham Clinton",
            "Hillary Clinton",
            "Bill Clinton",
            "Clinton",
        ]);
        assert_eq!(shown(&p, "Obama"), "Barack Obama");
        assert_eq!(shown(&p, "Donald J. Trump"), "Donald Trump");
        assert_eq!(shown(&p, "Hillary Rodham Clinton"), "Hillary Clinton");
        // A suffix is another person, and makes the surname alone ambiguous.
        assert_eq!(shown(&p, "Donald Trump Jr."), "Donald Trump Jr.");
        assert_eq!(shown(&p, "Trump"), "Trump");
        assert_eq!(shown(&p, "Clinton"), "Clinton");
        assert_eq!(shown(&p, "Bill Clinton"), "Bill Clinton");
    }

    /// A short first name folds into the full one the archive also has (`Jim Clyburn`,
    /// `James E. Clyburn`); a suffix still keeps a person apart, and a short name without
    /// its full form stays as it is.
    #[test]
    fn a_short_first_name_is_the_same_person() {
        let p = people(&[
            "James E. Clyburn",
            "Jim Clyburn",
            "Ben Rhodes",
            "Benjamin J. Rhodes",
            "Joe Biden",
            "Joseph R. Biden Jr.",
            "Bob Vance",
            "Chris Lee",
            "Christine Lee",
            "Christopher Lee",
        ]);
        assert_eq!(shown(&p, "James E. Clyburn"), shown(&p, "Jim Clyburn"));
        assert_eq!(shown(&p, "Benjamin J. Rhodes"), "Ben Rhodes");
        assert_ne!(shown(&p, "Joe Biden"), shown(&p, "Joseph R. Biden Jr."));
        assert_eq!(shown(&p, "Bob Vance"), "Bob Vance");
        assert_eq!(shown(&p, "Chris Lee"), "Chris Lee");
        assert_eq!(shown(&p, "Christopher Lee"), "Christopher Lee");
        assert_eq!(p.len(), 8);
        assert_eq!(p.find("jim clyburn"), p.find("James Clyburn"));
    }

    /// A company's legal ending folds into the bare name when the archive has it; alone it
    /// stays.
    #[test]
    fn a_company_ending_is_one_organisation() {
        let p = people(&[
            "General Motors",
            "General Motors Corp",
            "Halvard Mining Co.",
            "Texaco Inc",
        ]);
        assert_eq!(shown(&p, "General Motors Corp"), "General Motors");
        assert_eq!(shown(&p, "Halvard Mining Co."), "Halvard Mining Co.");
        assert_eq!(shown(&p, "Texaco Inc"), "Texaco Inc");
        assert_eq!(p.len(), 3);
    }

    #[test]
    fn case_and_apostrophes_are_one_value() {
        let p = people(&[
            "Martin O'Malley",
            "Martin O’Malley",
            "O’Malley",
            "MCCAIN",
            "McCain",
        ]);
        assert_eq!(shown(&p, "Martin O’Malley"), "Martin O'Malley");
        assert_eq!(shown(&p, "O’Malley"), "Martin O'Malley");
        assert_eq!(shown(&p, "MCCAIN"), "McCain");
        assert_eq!(p.len(), 2);
    }

    #[test]
    fn initials_and_non_names() {
        let p = people(&[
            "J. Smith",
            "John Smith",
            "Ana Pires and Rui Mota",
            "Pires",
            "Ana Pires",
            "RT",
            "Reuters",
            "А. Кубилюс",
            "Андрюс Кубилюс",
            "Lindqvist campaign",
        ]);
        assert_eq!(shown(&p, "J. Smith"), "John Smith");
        assert_eq!(shown(&p, "А. Кубилюс"), "Андрюс Кубилюс");
        let glued = people(&["Б.Джонсон", "Борис Джонсон", "Т.Мей.", "Тереза Мей"]);
        assert_eq!(shown(&glued, "Б.Джонсон"), "Борис Джонсон");
        assert_eq!(shown(&glued, "Т.Мей."), "Тереза Мей");
        assert_eq!(shown(&p, "Pires"), "Ana Pires");
        assert_eq!(
            shown(&p, "Ana Pires and Rui Mota"),
            "Ana Pires and Rui Mota"
        );
        assert_eq!(shown(&p, "RT"), "RT");
        assert_eq!(shown(&p, "Lindqvist campaign"), "Lindqvist campaign");
        // A first initial stays a first name of its own when two people fit.
        let p = people(&["J. Smith", "John Smith", "Jane Smith"]);
        assert_eq!(shown(&p, "J. Smith"), "J. Smith");
    }

    #[test]
    fn russian_and_ukrainian_case_forms_are_one_person() {
        let p = weighted(
            &[
                "Тереза Мэй",
                "Терезы Мэй",
                "Дональд Трамп",
                "Дональда Трампа",
                "Хайко Маас",
                "Хайко Мас",
                "Мария Захарова",
                "Мария Захаров",
                "Сергей Захаров",
            ],
            &[
                ("Тереза Мэй", 5),
                ("Дональд Трамп", 9),
                ("Хайко Маас", 6),
                ("Мария Захаров", 3),
            ],
        );
        assert_eq!(shown(&p, "Терезы Мэй"), "Тереза Мэй");
        assert_eq!(shown(&p, "Дональда Трампа"), "Дональд Трамп");
        assert_eq!(shown(&p, "Хайко Мас"), "Хайко Маас");
        // A woman's surname keeps its `-а`; a different first name is another person.
        assert_eq!(shown(&p, "Мария Захарова"), "Мария Захарова");
        assert_eq!(shown(&p, "Сергей Захаров"), "Сергей Захаров");
        // The base form is asked for, and finds the person.
        assert_eq!(p.find("дональда трампа"), p.find("Дональд Трамп"));
    }

    #[test]
    fn a_user_name_finds_the_person() {
        let p = people(&[
            "Donald J. Trump",
            "Donald Trump",
            "Donald Trump Jr.",
            "Michael Kofman",
            "Martin O’Malley",
        ]);
        let trump = p.find("donald trump").unwrap();
        let mut members = p.members(trump).to_vec();
        members.sort();
        assert_eq!(members, ["Donald J. Trump", "Donald Trump"]);
        assert_eq!(p.find("Donald J. Trump"), Some(trump));
        assert_eq!(p.display(p.find("kofman").unwrap()), "Michael Kofman");
        assert_eq!(
            p.display(p.find("martin o'malley").unwrap()),
            "Martin O'Malley"
        );
        // Trump alone fits two people: no one person.
        assert_eq!(p.find("trump"), None);
        assert_eq!(p.find("nobody"), None);
    }

    #[test]
    fn a_surname_goes_to_the_bearer_named_far_more_often() {
        let raw = [
            "Barack Obama",
            "Michelle Obama",
            "Obama",
            "Hillary Clinton",
            "Bill Clinton",
            "Clinton",
        ];
        let p = weighted(
            &raw,
            &[
                ("Barack Obama", 81),
                ("Michelle Obama", 2),
                ("Hillary Clinton", 450),
                ("Bill Clinton", 100),
            ],
        );
        assert_eq!(shown(&p, "Obama"), "Barack Obama");
        assert_eq!(shown(&p, "Michelle Obama"), "Michelle Obama");
        assert_eq!(shown(&p, "Clinton"), "Clinton");
        assert_eq!(p.display(p.find("obama").unwrap()), "Barack Obama");
        assert_eq!(p.find("clinton"), None);
        // Four to one is not enough.
        let p = weighted(&raw, &[("Barack Obama", 8), ("Michelle Obama", 2)]);
        assert_eq!(shown(&p, "Obama"), "Obama");
    }
}
