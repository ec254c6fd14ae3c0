//! Names of people (and of organisations that speak) in tokens: which capitalised words
//! may be part of a name, splitting titles into a role (`Donetsk Gov.`), the article's
//! names indexed by last word, and the fullest form of a name the article gives.

use rustc_hash::FxHashMap as HashMap;

use super::spans::SpeakerKind;
use super::tokens::{is_possessive, Tok};
use super::words::{
    is_nickname_of, is_speech_verb, ADVERBS, COMPANY_ENDINGS, COUNTRIES, DESCRIPTORS, FEMALE_CUES,
    FEMALE_NAMES, HONORIFICS, INSTITUTION_ENDINGS, MALE_CUES, MALE_NAMES, NICKNAMES, NOT_NAME,
    NOT_PERSON_LAST, OFFICES, OF_TITLES, ORGANISATIONS, ORG_LAST, ORG_NOUNS, PARTICLES,
    PLACE_ACRONYMS, RELATIONS, ROLE_NOUNS, TITLES, VENUES,
};

/// A name found in the text: its words (titles and honorifics removed, possessive dropped),
/// the title words before it, and whether it is plainly a person.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Name {
    pub(super) words: Vec<String>,
    pub(super) role: Option<String>,
    /// Had an honorific or title, or is written as a person's full name.
    pub(super) person: bool,
    /// The sex its honorific or title tells (`Mr.`, `Mrs.`, `Princess`), if any.
    pub(super) sex: Option<Sex>,
}

/// A speaker as found: the name (several for joint speakers), the role, whether plainly a
/// person, and whether a person or an organisation.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Who {
    /// Each speaker's name, in the order of the text; more than one for joint speakers.
    pub(super) names: Vec<String>,
    pub(super) role: Option<String>,
    /// Plainly one person (a title, an honorific, a full name): what `he` and `she` may
    /// stand for. Joint speakers are not.
    pub(super) person: bool,
    pub(super) kind: SpeakerKind,
}

impl Who {
    /// The people a sentence lists, speaking together (`Senators Ann Doe and Jon Roe`).
    pub(super) fn joint(people: Vec<Who>) -> Who {
        Who {
            names: people.into_iter().flat_map(|w| w.names).collect(),
            role: None,
            person: false,
            kind: SpeakerKind::Person,
        }
    }
}

/// Whether `t` can be a word of a name: capitalised, and neither a function word nor a
/// common word capitalised only because it opens a sentence.
pub(super) fn name_word(t: &Tok) -> bool {
    t.capitalised() && !t.not_name && !t.is_in(&NOT_NAME) && !party_tag(t) && !compound(t)
}

/// `Maryland-based`, `Texas-born`, `Kremlin-backed`: an adjective made from a name, never a
/// word of a person's name.
fn compound(t: &Tok) -> bool {
    [
        "-based", "-born", "-backed", "-owned", "-led", "-funded", "-made",
    ]
    .iter()
    .any(|end| t.lower.ends_with(end))
}

/// Letters after a name (`Neil Ford QC`): an honour or a seat, not the name's last word.
fn post_nominal(t: &Tok) -> bool {
    t.is(&[
        "qc", "kc", "mp", "mep", "msp", "obe", "mbe", "cbe", "kbe", "phd", "esq.", "esq",
    ])
}

/// Whether a word is an acronym: two letters or more, none in lower case (`NATO`, `U.S.`,
/// `DNC`).
pub(super) fn acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// `name` with one apostrophe (`O’Neill`, `Oʼneill` → `O'Neill`), so the marks a text mixes
/// make one speaker.
pub(super) fn one_apostrophe(name: &str) -> String {
    name.replace(['’', 'ʼ'], "'")
}

/// The runs of name words in `toks` (`is_word` and [`name_word`]), as `(start, end)`, left
/// to right: where a name may end, for [`trailing_name`] to read.
pub(super) fn name_runs<'t>(toks: &'t [Tok]) -> impl Iterator<Item = (usize, usize)> + 't {
    let is_name = |t: &Tok| t.is_word() && name_word(t);
    let mut i = 0;
    std::iter::from_fn(move || {
        i += toks[i.min(toks.len())..].iter().position(is_name)?;
        let start = i;
        i += toks[i..].iter().take_while(|t| is_name(t)).count();
        Some((start, i))
    })
}

/// Whether a name's particles (`van`, `von der`, `de la`) start at `k` and a capitalised
/// word follows them: `Ursula von der Leyen`, `Pierre de Vos`.
pub(super) fn particles_at(toks: &[Tok], k: usize) -> bool {
    let particle = |j: usize| toks.get(j).is_some_and(|t| t.is_in(&PARTICLES));
    let capital = |j: usize| toks.get(j).is_some_and(Tok::capitalised);
    particle(k) && (capital(k + 1) || particle(k + 1) && capital(k + 2))
}

/// A party and state tag (`D-Wis.`, `R-Ky.`), never a name.
pub(super) fn party_tag(t: &Tok) -> bool {
    let mut parts = t.text.splitn(2, '-');
    let first = parts.next().unwrap_or("");
    first.chars().count() == 1
        && parts
            .next()
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
}

/// The name at the end of `toks` (a noun phrase), with what comes before it.
pub(super) fn trailing_name(toks: &[Tok]) -> Option<(usize, Name)> {
    let n = toks.len();
    let mut start = n;
    while start > 0 {
        let t = &toks[start - 1];
        let inside = start < n;
        let ok = name_word(t)
            || t.is_in(&HONORIFICS) && t.capitalised()
            || t.is_in(&TITLES) && t.capitalised()
            // (`Ursula von der Leyen`: particles in a row.)
            || (inside
                && t.is_in(&PARTICLES)
                && start >= 2
                && (name_word(&toks[start - 2])
                    || toks[start - 2].is_in(&PARTICLES)
                        && start >= 3
                        && name_word(&toks[start - 3])))
            || (inside
                && t.lower == "of"
                && start >= 2
                && toks[start - 2].is_in(&OF_TITLES)
                && toks[start - 2].capitalised())
            // `Chancellor of the Exchequer Nigel Lawson`.
            || (inside
                && t.lower == "the"
                && start >= 3
                && toks[start - 2].lower == "of"
                && toks[start - 3].is_in(&OF_TITLES)
                && toks[start - 3].capitalised());
        if !ok || (inside && is_possessive(t)) {
            break;
        }
        start -= 1;
    }
    if start == n {
        return None;
    }
    let run = &toks[start..];
    let name = split_title(run)?;
    Some((start, name))
}

pub(super) fn strip_possessive(s: &str) -> &str {
    for suffix in ["’s", "'s"] {
        if let Some(stem) = s.strip_suffix(suffix) {
            return stem;
        }
    }
    s
}

/// Splits a run of capitalised words into role and name: `Donetsk Gov. Pavlo Kyrylenko` →
/// (`Donetsk Gov.`, `Pavlo Kyrylenko`). Honorifics are dropped.
pub(super) fn split_title(run: &[Tok]) -> Option<Name> {
    let mut role_end = 0;
    let mut honorific = false;
    // `Justice Department`, `Finance Ministry`: an organisation's name holds no title.
    let organisation = run.len() >= 2
        && run
            .last()
            .is_some_and(|t| t.is_in(&NOT_PERSON_LAST) || t.is_in(&ORG_LAST))
        && !run
            .iter()
            .any(|t| t.is_in(&HONORIFICS) || t.is_in(&PLACE_ACRONYMS));
    let mut k = if organisation { run.len() } else { 0 };
    while k < run.len() {
        let t = &run[k];
        if t.is_in(&HONORIFICS) {
            honorific = true;
            role_end = role_end.max(k + 1);
        } else if (t.is_in(&TITLES) || (k == 0 && t.is_in(&ROLE_NOUNS) && run.len() >= 3))
            && k + 1 < run.len()
            // (`Martin Luther King Jr.`: a title is followed by a name, never by a suffix.)
            && !is_suffix_tok(&run[k + 1])
        {
            role_end = k + 1;
            // `Secretary of State`, `Minister of the Interior`.
            if run[k + 1].lower == "of" && t.is_in(&OF_TITLES) {
                let mut j = k + 2;
                if run.get(j).is_some_and(|t| t.lower == "the") {
                    j += 1;
                }
                if j < run.len() {
                    // `Director of National Intelligence`, `Minister of Mines and Energy`.
                    while j + 2 < run.len()
                        && (run[j + 1].is_in(&OFFICES)
                            || run[j + 1].lower == "and" && run[j + 2].is_in(&OFFICES))
                    {
                        j += if run[j + 1].lower == "and" { 2 } else { 1 };
                    }
                    role_end = j + 1;
                    k = j;
                }
            }
        }
        k += 1;
    }
    // `WHO chief Hans Doe` without the chief: an organisation's acronym before a full name is
    // the role.
    let acronym = |t: &Tok| acronym(t.text);
    // (Not in an organisation's name: `AM International Inc`.)
    if !organisation
        && role_end == 0
        && run.len() >= 3
        && acronym(&run[0])
        && !run[1..].iter().any(acronym)
    {
        role_end = 1;
    }
    // Words before the name that are no part of it (`Former Obama`, `Energy Subroto`,
    // `U.S. Silas`, `США Дональд Трамп`, `Германии Хайко Маас`, `Twitter Трамп`).
    while !organisation && role_end + 1 < run.len() && not_of_the_name(&run[role_end..]) {
        role_end += 1;
    }
    let mut name_toks = &run[role_end.min(run.len())..];
    // `Glenn Beck CPAC`: an acronym after a name is where the person spoke, not their name.
    if let [first, .., last] = name_toks {
        if acronym(last) && !acronym(first) && !is_suffix_tok(last) {
            name_toks = &name_toks[..name_toks.len() - 1];
        }
    }
    // `Lyin Ted Cruz`, `Crooked Hillary Clinton`: an epithet before a first name is no part of
    // the name.
    if name_toks.len() >= 3 {
        let first_name = |t: &Tok| listed(t.lower).is_some();
        if let Some(k) = name_toks.iter().position(first_name) {
            // (A single word that reads as no English noun or adjective is the person's
            // own first name before a listed middle one: `Giovanni Maria Vian`, `Norbert
            // Leo Butz`; but `Investor Paul Bilzerian`, `Medicine Carl Leier`.)
            let given = k == 1 && {
                let w = name_toks[0].lower;
                !w.contains(['-', '.', '\'', '’'])
                    && ![
                        "or", "er", "ist", "ant", "ent", "ion", "ine", "ust", "ics", "ure", "ed",
                        "y", "in", "ing", "le", "s", "e",
                    ]
                    .iter()
                    .any(|end| w.ends_with(end))
            };
            let epithet = !given
                && name_toks[..k]
                    .iter()
                    .all(|t| t.text.chars().count() > 2 && !t.text.ends_with('.'));
            if k > 0 && name_toks.len() - k >= 2 && epithet {
                name_toks = &name_toks[k..];
            }
        }
    }
    // `The International Atomic Energy Agency`, `The New York Times`: a sentence's `The` is
    // no part of an organisation's name of two words or more (both spellings are one
    // speaker that way); `The Hill` keeps it, or nothing but `Hill` would be left.
    if name_toks.len() >= 3 && name_toks[0].lower == "the" {
        name_toks = &name_toks[1..];
    }
    // Words left of the name that belong to the role only when a title is among them.
    let mut words: Vec<String> = name_toks
        .iter()
        .filter(|t| !t.is_in(&HONORIFICS))
        .map(|t| strip_possessive(t.text).to_string())
        .collect();
    // Only in an organisation's name, never a person's (`Anna Postalso`).
    if let [first, .., last] = &mut words[..] {
        if listed(first).is_none() {
            let cut = unglue(last).len();
            last.truncate(cut);
        }
    }
    if words.is_empty() || words.iter().all(|w| w.chars().count() < 2) {
        return None;
    }
    // Two words or more in capitals are a heading (`FULL TEXT`), not a name; one is an
    // acronym (`NATO`).
    let shouted = |w: &String| {
        w.chars().filter(|c| c.is_alphabetic()).count() > 1 && !w.chars().any(char::is_lowercase)
    };
    if words.iter().filter(|w| shouted(w)).count() >= 2 {
        return None;
    }
    let role_toks: Vec<&Tok> = run[..role_end]
        .iter()
        .filter(|t| !t.is_in(&HONORIFICS))
        .collect();
    let has_title =
        role_toks.iter().any(|t| t.is_in(&TITLES)) || role_toks.first().is_some_and(|t| acronym(t));
    let role = has_title.then(|| join(role_toks.iter().map(|t| t.text)));
    let person = honorific || has_title;
    let sex = run[..role_end].iter().find_map(|t| cue(t.lower));
    Some(Name {
        words,
        role,
        person,
        sex,
    })
}

/// `Newsrecently` → `News`: an organisation's last word with the next word glued on (text
/// read from pages whose markup had no space between them).
fn unglue(word: &str) -> &str {
    if word.len() < 7 || !word.is_ascii() || !word[1..].bytes().all(|b| b.is_ascii_lowercase()) {
        return word;
    }
    for i in 3..word.len() - 2 {
        let (head, tail) = word.split_at(i);
        let last = head.to_ascii_lowercase();
        let org_last = NOT_PERSON_LAST.contains(&last) || ORG_LAST.contains(&last);
        if org_last && (ADVERBS.contains(tail) || is_speech_verb(tail)) {
            return head;
        }
    }
    word
}

/// `Jr.`, `Sr.`: a generational suffix after any name.
const GENERATIONS: &[&str] = &["jr.", "jr", "sr.", "sr"];
/// `II`, `III`, `IV`: a numeral that ends a name, a generation or a reign.
const NUMERALS: &[&str] = &["ii", "iii", "iv"];

/// `Jr.`, `III` and the like, which end a name.
fn is_suffix_tok(t: &Tok) -> bool {
    t.is(GENERATIONS) || t.is(NUMERALS)
}

/// Whether `last`, the last of a name's `n` words (`first` the first), is a generational
/// suffix: `Jr.` or `Sr.` after any name, a numeral (`II`, `III`, `IV`) only after two
/// words or more that no title opens (`Brent Bozell III`; not `Pope John Paul II`, `Queen
/// Elizabeth II`, `Mark IV`).
fn ends_in_suffix(n: usize, first: &str, last: &str) -> bool {
    let is = |words: &[&str]| words.iter().any(|w| last.eq_ignore_ascii_case(w));
    if is(GENERATIONS) {
        n >= 2
    } else if is(NUMERALS) {
        n >= 3 && !TITLES.contains(&first.to_lowercase())
    } else {
        false
    }
}

/// The surname of a name written out (`Bozell` of `Brent Bozell III`), without allocating.
pub(super) fn surname(name: &str) -> &str {
    let (first, last) = (
        name.split(' ').next().unwrap_or(name),
        name.rsplit(' ').next().unwrap_or(name),
    );
    if ends_in_suffix(name.split(' ').count(), first, last) {
        name.rsplit(' ').nth(1).unwrap_or(last)
    } else {
        last
    }
}

/// A name without its generational suffix (`Brent Bozell III` → `Brent Bozell`): its last
/// word is the surname a later mention (`Bozell said`) gives alone.
pub(super) fn core<S: AsRef<str>>(words: &[S]) -> &[S] {
    match words {
        [first, rest @ .., last]
            if ends_in_suffix(rest.len() + 2, first.as_ref(), last.as_ref()) =>
        {
            &words[..words.len() - 1]
        }
        _ => words,
    }
}

/// Whether the first word of `rest` (a run of capitalised words, more than one) belongs to
/// what precedes a name rather than to the name: a descriptor, an office, a country's
/// acronym; before at least two more words, any acronym or a Slavic country name in the
/// genitive (`Германии`, `Німеччини`); or a word in another script than the name's last.
fn not_of_the_name(rest: &[Tok]) -> bool {
    let t = &rest[0];
    let last = &rest[rest.len() - 1];
    let script = |s: &str| {
        s.chars()
            .find(|c| c.is_alphabetic())
            .map(|c| ('\u{400}'..='\u{52f}').contains(&c))
    };
    let shouted = t.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !t.text.chars().any(char::is_lowercase);
    let cyrillic_genitive = script(t.text) == Some(true)
        && ["и", "ії", "ої", "ы", "ші"]
            .iter()
            .any(|end| t.lower.ends_with(end));
    t.is_in(&DESCRIPTORS)
        || t.is_in(&OFFICES)
        || t.is_in(&PLACE_ACRONYMS)
        || (rest.len() >= 3 && (shouted || cyrillic_genitive))
        || script(t.text) != script(last.text)
}

pub(super) fn join<'a>(words: impl Iterator<Item = &'a str>) -> String {
    words.collect::<Vec<_>>().join(" ")
}

/// The runs of capitalised words in the body that may be names (`all_names`), by their last
/// word: where each run starts and ends. A run is read as a name (`split_title`) only when
/// a speaker with the same last word asks (`resolve`), so an article's other capitalised
/// words cost no allocation.
pub(super) struct Names<'t, 'a> {
    toks: &'t [Tok<'a>],
    runs: HashMap<&'t str, Vec<(usize, usize)>>,
    /// The last words that end a company's or an institution's name (`Corp`, `Inc.`,
    /// `Institute`), found when first asked.
    org_ends: std::cell::OnceCell<Vec<String>>,
    /// Titled people of two or three words, in the order of the text, and the words written
    /// after an honorific (`Mr. Obama`), found when first asked: see `family_name_first`.
    titled_and_honorific: std::cell::OnceCell<(Vec<Name>, Vec<String>)>,
    /// People the article's headline names in full (`Hillary Clinton` of `Hillary Clinton
    /// Goes After Donald Trump`), for a surname the body never gives in full.
    headline: Vec<Vec<String>>,
}

impl<'t, 'a> Names<'t, 'a> {
    /// `Democratic National Committee` for `DNC`: the first name in the article of two
    /// capitalised words or more whose initials spell the acronym (`of`, `and`, `the`, `for`
    /// left out), for an organisation named both ways to be one speaker.
    fn spelled_out(&self, acronym: &str) -> Option<Name> {
        let letters: String = acronym.chars().filter(|c| c.is_alphabetic()).collect();
        let mut runs: Vec<(usize, usize)> = self.runs.values().flatten().copied().collect();
        runs.sort_unstable();
        runs.into_iter().find_map(|(start, end)| {
            let name = split_title(&self.toks[start..end])?;
            let initials: String = name
                .words
                .iter()
                .filter(|w| !matches!(w.as_str(), "of" | "and" | "the" | "for"))
                .filter_map(|w| w.chars().next())
                .collect();
            (name.words.len() >= 2 && initials == letters).then_some(name)
        })
    }

    /// `Microsoft Corp` for `Microsoft`, `Pew Research Center` for `Pew`: an organisation's
    /// name with the one or two words that end it (a company's ending, an institution's
    /// noun), as the article first gives it (`Toshiba Corp`, not the `Toshiba Information
    /// Systems` named later).
    fn organisation_form(&self, words: &[String]) -> Option<Name> {
        let ends = self.org_ends.get_or_init(|| {
            let mut ends: Vec<String> = self
                .runs
                .keys()
                .filter(|k| {
                    let k = k.to_lowercase();
                    COMPANY_ENDINGS.contains(&k) || INSTITUTION_ENDINGS.contains(&k)
                })
                .map(|k| k.to_string())
                .collect();
            ends.sort_unstable();
            ends
        });
        ends.iter()
            .flat_map(|end| self.ending_in(end))
            .filter(|(_, n)| {
                (words.len() + 1..=words.len() + 2).contains(&n.words.len())
                    && n.words.starts_with(words)
                    // (`Diana Corp` is a company whatever its first word.)
                    && (n.words.last().is_some_and(|w| COMPANY_ENDINGS.contains(&w.to_lowercase()))
                        || kind_of(&n.words.join(" "), n.person) == SpeakerKind::Organisation)
            })
            .min_by_key(|(at, _)| *at)
            .map(|(_, n)| n)
    }

    /// `Zhao Ziyang` for `Zhao`: a person named family name first (`Premier Zhao Ziyang`),
    /// the first such name in the text, for a word that is no listed first name.
    fn family_name_first(&self, word: &str) -> Option<Name> {
        if listed(word).is_some() {
            return None;
        }
        let (titled, honorific) = self.titled_and_honorific.get_or_init(|| {
            let mut runs: Vec<(usize, usize)> = self.runs.values().flatten().copied().collect();
            runs.sort_unstable();
            let titled = runs
                .into_iter()
                .filter_map(|(start, end)| split_title(&self.toks[start..end]))
                .filter(|n| {
                    (2..=3).contains(&n.words.len())
                        && n.role.is_some()
                        && kind_of(&n.words.join(" "), true) == SpeakerKind::Person
                })
                .collect();
            let honorific = self
                .toks
                .windows(2)
                .filter(|w| w[0].is_in(&HONORIFICS) || w[0].lower.trim_end_matches('.') == "dr")
                .map(|w| w[1].text.to_string())
                .collect();
            (titled, honorific)
        });
        // (`Mr. Obama`: an honorific before the word makes it a surname written last.)
        if honorific.iter().any(|w| w == word) {
            return None;
        }
        titled.iter().find(|n| n.words[0] == word).cloned()
    }

    /// `Jane Sanders` for `Jane`: the one person the article names in full (two or three
    /// words) with that first name, in the fullest form it gives them, when no one else's
    /// full name opens with it and the article introduces no one else by that first name
    /// alone (`his son, Mark,`, `gave only her first name, Jane`).
    /// `Peña` of `Enrique Peña Nieto`, `Basáñez` of `Miguel Basáñez Ebergenyi`: a person
    /// named in full with two surnames, Spanish-style, is called by the first of them alone.
    /// The one person whose name of three or four words has `surname` second from the end,
    /// when no name ends in it.
    fn by_paternal_surname(&self, surname: &str) -> Option<Name> {
        // (A first name is no surname: `María` of `José María Aznar`.)
        if listed(surname).is_some() {
            return None;
        }
        let mut found: Option<Name> = None;
        for &(start, end) in self.runs.values().flatten() {
            // (Read only a run of three words or more that has the surname in it; not after
            // `the`, which makes it a thing named after a person: `The Rachel Maddow Show`.)
            let run = &self.toks[start..end];
            if run.len() < 3 || !run[1..].iter().any(|t| t.text == surname) {
                continue;
            }
            if start > 0 && self.toks[start - 1].lower == "the" {
                continue;
            }
            let Some(n) = split_title(run) else {
                continue;
            };
            let words = core(&n.words);
            // (Not `John Labatt Ltd`, nor `John Podesta Tuesday` of a name run on into a day.)
            let last = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
            let thing = VENUES.contains(&last)
                || matches!(
                    last.as_str(),
                    "show"
                        | "act"
                        | "award"
                        | "prize"
                        | "doctrine"
                        | "program"
                        | "memorial"
                        | "hall"
                        | "world"
                        | "studios"
                        | "pictures"
                        | "library"
                        | "bridge"
                        | "airport"
                );
            if !(3..=4).contains(&words.len())
                || words[words.len() - 2] != surname
                || listed(&words[0]).is_none()
                || thing
                || NOT_PERSON_LAST.contains(&last)
                || ORG_LAST.contains(&last)
                || super::frames::TIMES.contains(&last.as_str())
                || kind_of(&n.words.join(" "), n.person) != SpeakerKind::Person
            {
                continue;
            }
            match &found {
                Some(f) if f.words != n.words => return None,
                _ => found = Some(n),
            }
        }
        found
    }

    fn by_first_name(&self, first: &str) -> Option<Name> {
        // (A first name as the lists know them: not `Obama` of `Obama Speech`.)
        listed(first)?;
        // (Set off by a comma, `his son, Mark,`; `his brother Donald` only refers to him.)
        let introduced = |start: usize| match &self.toks[..start] {
            [.., word, comma] if comma.is_punct(',') => {
                word.is_in(&RELATIONS) || word.is(&["name", "named"])
            }
            _ => false,
        };
        let mut best: Option<Name> = None;
        // Where the first name is first given alone with a relation, and the full name first.
        let (mut alone_at, mut full_at) = (usize::MAX, usize::MAX);
        for &(start, end) in self.runs.values().flatten() {
            let Some(n) = split_title(&self.toks[start..end]) else {
                continue;
            };
            let words = core(&n.words);
            if words.len() == 1 && n.words[0] == first {
                // (`Prince Charles`: the first name is what the article calls its bearer.)
                if n.role.is_some() {
                    return None;
                }
                if introduced(start) {
                    alone_at = alone_at.min(start);
                }
            }
            if !(2..=3).contains(&words.len())
                || n.words[0] != first
                || kind_of(&n.words.join(" "), n.person) != SpeakerKind::Person
            {
                continue;
            }
            full_at = full_at.min(start);
            match &best {
                // Another surname: two people, neither is meant.
                Some(b) if core(&b.words).last() != words.last() => return None,
                Some(b) if b.words.len() >= n.words.len() => {}
                _ => best = Some(n),
            }
        }
        // (`her husband, Tom,` then `Tom Ebeling`: one man, met first by his first name;
        // `Mark Doe died …` then `his son, Mark,`: someone else.)
        best.filter(|_| alone_at == usize::MAX || alone_at < full_at)
    }

    /// Whether the text names someone or something with the last word `last`.
    pub(super) fn knows(&self, last: &str) -> bool {
        self.ending_in(last).next().is_some()
    }

    /// How many times the text names someone or something with the last word `last`.
    pub(super) fn mentions(&self, last: &str) -> usize {
        self.ending_in(last).count()
    }

    /// Whether the text gives a name of two words or more ending in `last` (`Steve King`).
    pub(super) fn in_full(&self, last: &str) -> bool {
        self.ending_in(last).any(|(_, n)| n.words.len() >= 2)
    }

    /// The names ending in `last`, as `all_names` kept them (each run read by `split_title`),
    /// in the order of the text.
    fn ending_in<'s>(&'s self, last: &'s str) -> impl Iterator<Item = (usize, Name)> + 's {
        self.runs
            .get(last)
            .into_iter()
            .flatten()
            .filter_map(move |&(start, end)| {
                split_title(&self.toks[start..end])
                    .filter(|n| core(&n.words).last().is_some_and(|w| w == last))
                    .map(|n| (start, n))
            })
    }
}

/// A person's sex as the article shows it, for `he` and `she` to agree with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sex {
    Female,
    Male,
}

/// The sex a word tells: an honorific, title or family noun (`Mrs.`, `Prince`, `wife`).
fn cue(lower: &str) -> Option<Sex> {
    if FEMALE_CUES.contains(lower) {
        Some(Sex::Female)
    } else if MALE_CUES.contains(lower) {
        Some(Sex::Male)
    } else {
        None
    }
}

/// Verbs of thinking that, like speech verbs, take a clause whose subject may be a pronoun
/// for the one who thinks (`Harry felt he …`).
const THINKING: &[&str] = &[
    "thinks", "thought", "believes", "believed", "feels", "felt", "knows", "knew", "hopes",
    "hoped", "realised", "realized", "decided", "worried", "fears", "feared",
];

/// The sex a first name is commonly given to, from the short lists in `words`.
pub(super) fn listed(first: &str) -> Option<Sex> {
    // (A token's lower-case form is passed as it is, without a copy.)
    let first: std::borrow::Cow<str> = if first.chars().any(char::is_uppercase) {
        first.to_lowercase().into()
    } else {
        first.into()
    };
    if FEMALE_NAMES.contains(&first) {
        Some(Sex::Female)
    } else if MALE_NAMES.contains(&first) {
        Some(Sex::Male)
    } else {
        None
    }
}

impl Names<'_, '_> {
    /// Whether the article shows `who` to be a woman or a man, `None` when it does not say
    /// (joint speakers, organisations, a name never followed by a pronoun of its own).
    ///
    /// Read, in order: a title or honorific of the speaker (`Princess`, `Mr.`); then each
    /// mention of the name: a title or family noun in it or right before it (`his wife,
    /// Heidi Cruz`), and a pronoun that is the subject right after a verb of speech or
    /// thought (`Harry said he …`, `Meghan also said she …`: other pronouns after a name are
    /// often someone else's, `Winfrey asked if he …`); and the common first names of
    /// `words`. For a full name the list decides unless the mentions clearly say otherwise; a
    /// single word (`Harry`, `Warren`) is as often a surname, so its mentions decide first.
    pub(super) fn sex_of(&self, who: &Who) -> Option<Sex> {
        let [name] = &who.names[..] else {
            return None;
        };
        if let Some(sex) = who
            .role
            .iter()
            .flat_map(|r| r.split_whitespace())
            .find_map(|w| cue(&w.to_lowercase()))
        {
            return Some(sex);
        }
        let all: Vec<&str> = name.split_whitespace().collect();
        let words = core(&all);
        let (&first, &last) = (words.first()?, words.last()?);
        let (mut female, mut male) = (0u32, 0u32);
        for &(start, end) in self.runs.get(last).into_iter().flatten() {
            let run = &self.toks[start..end];
            // The same person: the run's name words end the speaker's, and a run of two
            // words or more starts with the same first word (`Heidi Cruz` is not `Ted Cruz`).
            let own: Vec<&str> = run
                .iter()
                .filter(|t| {
                    cue(t.lower).is_none()
                        && !t.is_in(&HONORIFICS)
                        && !t.is_in(&TITLES)
                        && !is_suffix_tok(t)
                })
                .map(|t| strip_possessive(t.text))
                .collect();
            if own.is_empty() || !words.ends_with(&own) || own.len() >= 2 && own[0] != first {
                continue;
            }
            let before = self.toks[..start]
                .iter()
                .rev()
                .find(|t| !t.is_punct(','))
                .filter(|t| t.text.starts_with(char::is_lowercase));
            let mut sex = run.iter().chain(before).find_map(|t| cue(t.lower));
            if sex.is_none() && !run.last().is_some_and(|t| t.end || is_possessive(t)) {
                let mut j = end;
                let at = |j: usize| self.toks.get(j).filter(|t| t.is_word());
                while at(j).is_some_and(|t| {
                    t.is(&["also", "then", "later", "not"]) || t.lower.ends_with("ly")
                }) {
                    j += 1;
                }
                let verb = |t: &Tok| {
                    t.text.starts_with(char::is_lowercase)
                        && !t.end
                        && (t.is_verb() || t.is(THINKING))
                };
                if at(j).is_some_and(verb) {
                    j += 1;
                    if at(j).is_some_and(|t| t.lower == "that") {
                        j += 1;
                    }
                    sex = match at(j).map(|t| t.lower) {
                        Some("he" | "himself") => Some(Sex::Male),
                        Some("she" | "herself") => Some(Sex::Female),
                        _ => None,
                    };
                }
            }
            match sex {
                Some(Sex::Female) => female += 1,
                Some(Sex::Male) => male += 1,
                None => {}
            }
        }
        let shown = match female.cmp(&male) {
            std::cmp::Ordering::Greater => Some(Sex::Female),
            std::cmp::Ordering::Less => Some(Sex::Male),
            std::cmp::Ordering::Equal => None,
        };
        let clearly = female.abs_diff(male) >= 2;
        match listed(first) {
            Some(sex) if words.len() >= 2 && !clearly => Some(sex),
            list => shown.or(list),
        }
    }
}

pub(super) fn all_names<'t, 'a>(toks: &'t [Tok<'a>]) -> Names<'t, 'a> {
    let mut runs: HashMap<&'t str, Vec<(usize, usize)>> = HashMap::default();
    let mut k = 0;
    while k < toks.len() {
        if !toks[k].capitalised() {
            k += 1;
            continue;
        }
        let mut end = k;
        while end < toks.len() {
            let t = &toks[end];
            let ok = t.capitalised()
                || (end > k && particles_at(toks, end))
                || (end > k
                    && t.lower == "of"
                    && toks[end - 1].is_in(&OF_TITLES)
                    && toks.get(end + 1).is_some_and(Tok::capitalised))
                || (end > k + 1
                    && t.lower == "the"
                    && toks[end - 1].lower == "of"
                    && toks.get(end + 1).is_some_and(Tok::capitalised))
                || (end > k
                    && t.lower == "of"
                    && toks[end - 1].is_in(&OF_TITLES)
                    && toks.get(end + 1).is_some_and(|t| t.lower == "the"));
            if !ok {
                break;
            }
            end += 1;
            // `Assange` ending a heading, then `Pompeo's first speech …`.
            if is_possessive(t) || t.end {
                break;
            }
        }
        let mut start = k;
        while start < end && (toks[start].is_in(&NOT_NAME) || toks[start].not_name) {
            start += 1;
        }
        while end > start + 1 && post_nominal(&toks[end - 1]) {
            end -= 1;
        }
        // The surname `split_title` would give the run's name: its last token that is not
        // an honorific, or the one before a suffix (`Bozell` of `Brent Bozell III`).
        let mut own = toks[start..end].iter().filter(|t| !t.is_in(&HONORIFICS));
        let n = own.clone().count();
        let suffixed = match (own.next(), own.next_back()) {
            (Some(first), Some(last)) => ends_in_suffix(n, first.text, last.text),
            _ => false,
        };
        let last = toks[start..end]
            .iter()
            .rev()
            .filter(|t| !t.is_in(&HONORIFICS))
            .nth(usize::from(suffixed))
            .map(|t| strip_possessive(t.text));
        if let Some(last) = last {
            runs.entry(last).or_default().push((start, end));
        }
        k = end.max(k + 1);
    }
    Names {
        toks,
        runs,
        org_ends: std::cell::OnceCell::new(),
        titled_and_honorific: std::cell::OnceCell::new(),
        headline: Vec::new(),
    }
}

impl Names<'_, '_> {
    /// Takes the full names of people in `title` (a listed first name, an initial or not,
    /// then a capitalised surname): what a surname alone in the body may stand for.
    pub(super) fn with_headline(mut self, title: &str) -> Self {
        let words: Vec<&str> = title
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))
            .map(|w| w.trim_end_matches('.'))
            .collect();
        let surname = |w: &str| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).any(char::is_lowercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
                && !NOT_NAME.contains(&w.to_lowercase())
                && !is_speech_verb(&w.to_lowercase())
        };
        let raw: Vec<&str> = title.split_whitespace().collect();
        // (Not a role, `Hacker Guccifer: ‘…’`, nor a headline's label, `Fact Check: ‘…’`.)
        let role = |w: &str| {
            let lower = w.to_lowercase();
            TITLES.contains(&lower)
                || ROLE_NOUNS.contains(&lower)
                || HEADLINE_LABELS.contains(&lower.as_str())
                || ["er", "or", "ist", "ian", "man", "woman"]
                    .iter()
                    .any(|end| lower.ends_with(end))
        };
        for k in 0..words.len() {
            if !words[k].starts_with(char::is_uppercase) {
                continue;
            }
            let initial = words
                .get(k + 1)
                .is_some_and(|w| w.len() == 1 && w.starts_with(char::is_uppercase));
            let last = k + 1 + usize::from(initial);
            // (A first name no list knows, in a name that ends before a colon and opens the
            // title or a part of it: `Cecile Richards: ‘…’`, `Cecile M. Richards: ‘…’`.)
            let before_colon = raw.get(last).is_some_and(|w| w.ends_with(':'))
                && surname(words[k])
                && !role(words[k])
                && (k == 0 || raw[k - 1].ends_with(['.', ':', '|']));
            if listed(words[k]).is_none() && !before_colon {
                continue;
            }
            let Some(w) = words
                .get(last)
                .map(|w| strip_possessive(w))
                .filter(|w| surname(w))
            else {
                continue;
            };
            let mut name: Vec<String> = words[k..last].iter().map(|w| w.to_string()).collect();
            if initial {
                name[1].push('.');
            }
            name.push(w.to_string());
            self.headline.push(name);
        }
        self
    }
}

/// Words that open a headline as its label, not a first name (`Fact Check: …`).
const HEADLINE_LABELS: &[&str] = &[
    "fact",
    "breaking",
    "news",
    "update",
    "exclusive",
    "watch",
    "video",
    "live",
    "opinion",
    "analysis",
    "editorial",
    "report",
    "poll",
];

/// The fullest form of `name` the article gives (`Kofman` → `Michael Kofman`): of the person
/// the article first names with the same last words, the longest form (the latest before
/// `at` among equals). Joint
/// speakers (`Mark Doe and Jon Roe`, as `noun_phrase` joins them) are resolved one by one.
pub(super) fn resolve(names: &Names, name: &Name, at: usize) -> Who {
    let parts: Vec<&[String]> = name
        .words
        .split(|w| w == "and" || w == "&")
        .filter(|p| !p.is_empty())
        .collect();
    // (`National Oceanic and Atmospheric Administration`, as `noun_phrase` joins it, is one.)
    let one_organisation =
        !name.person && kind_of(&name.words.join(" "), false) == SpeakerKind::Organisation;
    if parts.len() < 2 || one_organisation {
        let (words, role, person) = resolve_one(names, name, at);
        let kind = kind_of(&words, person);
        return Who {
            names: vec![words],
            role,
            person: person && kind == SpeakerKind::Person,
            kind,
        };
    }
    let mut out: Vec<String> = Vec::with_capacity(parts.len());
    let mut kinds = Vec::with_capacity(parts.len());
    for part in parts {
        let one = Name {
            words: part.to_vec(),
            role: None,
            person: true,
            sex: None,
        };
        let (words, _, person) = resolve_one(names, &one, at);
        kinds.push(kind_of(&words, person));
        if !out.contains(&words) {
            out.push(words);
        }
    }
    let kind = if kinds.contains(&SpeakerKind::Person) {
        SpeakerKind::Person
    } else {
        SpeakerKind::Organisation
    };
    Who {
        person: out.len() == 1 && kind == SpeakerKind::Person,
        names: out,
        role: None,
        kind,
    }
}

/// Whether a speaker's name is an organisation's (`White House`, `Justice Department`, `Fox
/// News`, `CNN`, `the Kremlin`, `Russia`) rather than a person's. `person` is what the text
/// said of it (a title, an honorific, a role noun before it).
pub(super) fn kind_of(name: &str, person: bool) -> SpeakerKind {
    let words: Vec<&str> = name.split_whitespace().collect();
    let lower = name.to_lowercase();
    let last = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
    let first = words.first().copied().unwrap_or("");
    // A person's first name opens a person's name (`Ann Post`), whatever its last word.
    let first_name = words.len() >= 2 && listed(first).is_some();
    // `Department of Homeland Security`, `Court of Appeal`: the head before `of` tells.
    let head = words
        .iter()
        .position(|w| *w == "of")
        .and_then(|of| of.checked_sub(1))
        .map(|h| words[h].to_lowercase());
    let org_word = |w: &str| NOT_PERSON_LAST.contains(w) || ORG_LAST.contains(w);
    // (`Madison Square Garden`: a place, whatever its first word; not `Ann Garden`, `Ann B.
    // Garden`.)
    let venue =
        words.len() >= 3 && VENUES.contains(&last) && !words.iter().any(|w| w.ends_with('.'));
    let organisation = venue
        || !first_name
            && (org_word(&last)
                || head.as_deref().is_some_and(org_word)
                || ORG_NOUNS.contains(&last.as_str())
                || ORGANISATIONS.contains(&lower.as_str())
                || COUNTRIES.contains(&lower.as_str())
                || words.len() == 1 && acronym(first) && !person
                || words.len() >= 2 && first == "The"
                || words.iter().all(|w| acronym(w)) && !person);
    if organisation {
        SpeakerKind::Organisation
    } else {
        SpeakerKind::Person
    }
}

/// [`resolve`] for one speaker: the name, its role, and whether plainly a person.
fn resolve_one(names: &Names, name: &Name, at: usize) -> (String, Option<String>, bool) {
    // One apostrophe: `O'Neill` is the `James O’Neill` of a text that mixes the marks.
    // (A particle capitalised to open a sentence, `De Blasio disbanded`, is the `de` of
    // `Bill de Blasio`.)
    let same = |a: &String, b: &String| {
        a == b
            || one_apostrophe(a) == one_apostrophe(b)
            || a.eq_ignore_ascii_case(b) && PARTICLES.contains(&a.to_lowercase())
    };
    // A fuller form's first name may not be of the other sex than the honorific says, or,
    // for a surname without one, than `Mr.`, when the article gives that surname only `Mr.`
    // (`Obama Sees …` over a text of `Mr. Obama` is not `Michelle Obama`; but a text that
    // writes `Mrs. Trump` for one and `Trump` for the other tells no sex by it).
    // (Looked up only for a candidate whose first name tells a sex.)
    let inferred = std::cell::OnceCell::new();
    let sex = || {
        name.sex.or_else(|| {
            *inferred.get_or_init(|| {
                let last = core(&name.words).last()?;
                let mut given = names
                    .ending_in(last)
                    .filter(|(_, n)| n.words == name.words)
                    .filter_map(|(_, n)| n.sex);
                let first = given.next()?;
                (first == Sex::Male && given.all(|s| s == first)).then_some(first)
            })
        })
    };
    let sex_agrees =
        |first: &str| listed(first).is_none_or(|other| sex().is_none_or(|sex| other == sex));
    // (`Brent Bozell III` is a fuller form of `Bozell`: compared without the suffix.)
    let own = core(&name.words);
    let longer = |n: &Name| {
        let other = core(&n.words);
        (other.len() > own.len() || other.len() == own.len() && n.words.len() > name.words.len())
            && other[other.len() - own.len()..]
                .iter()
                .zip(own)
                .all(|(a, b)| same(a, b))
    };
    let candidates: Vec<(usize, Name)> = own
        .last()
        .map(|last| {
            let other = if last.contains('\'') {
                Some(last.replace('\'', "’"))
            } else if last.contains(['’', 'ʼ']) {
                Some(one_apostrophe(last))
            } else {
                None
            };
            let mut found: Vec<(usize, Name)> = names.ending_in(last).collect();
            if let Some(other) = &other {
                found.extend(names.ending_in(other));
            }
            found
                .into_iter()
                // `Team Trump` is no fuller form of `Trump`; `Michelle Obama` none of `Mr.
                // Obama`.
                .filter(|(_, n)| {
                    longer(n)
                        && n.words.len() <= 4
                        && !ORG_NOUNS.contains(&n.words[0].to_lowercase().as_str())
                        && sex_agrees(&n.words[0])
                })
                .collect()
        })
        .unwrap_or_default();
    // The person the article first names this way, in the fullest form it gives that same
    // person (same first word): a bare surname is the one introduced first (`Ted Cruz`),
    // others who share it are named in full or by first name (`his wife, Heidi Cruz`).
    let first = candidates.iter().min_by_key(|(k, _)| *k);
    let best: Option<&Name> = first.map(|(_, person)| {
        candidates
            .iter()
            .filter(|(_, n)| n.words.first() == person.words.first())
            .max_by_key(|(k, n)| (n.words.len(), *k < at, *k))
            .map_or(person, |(_, n)| n)
    });
    let mut by_first = None;
    let (words, role, person) = match best {
        Some(n) => (
            &n.words,
            name.role.clone().or_else(|| n.role.clone()),
            name.person || n.person || n.words.len() >= 2,
        ),
        None => {
            // `Clinton said` when only the headline says `Hillary Clinton`.
            let from_headline = match &name.words[..] {
                [one] => names
                    .headline
                    .iter()
                    .find(|n| n.last().is_some_and(|last| same(last, one)) && sex_agrees(&n[0])),
                _ => None,
            };
            // `Jane said` after `his wife, Jane Sanders`: the one person of that first name;
            // `Peña said` after `Enrique Peña Nieto`.
            if from_headline.is_none() {
                if let [one] = &name.words[..] {
                    by_first = names
                        .by_first_name(one)
                        .or_else(|| names.by_paternal_surname(one));
                }
            }
            match (from_headline, &by_first) {
                (Some(n), _) => (n, name.role.clone(), true),
                (None, Some(n)) => (&n.words, name.role.clone(), true),
                (None, None) => (&name.words, name.role.clone(), name.person),
            }
        }
    };
    let formal = formal_form(names, words);
    // `Microsoft` is `Microsoft Corp`, `DNC` the `Democratic National Committee`, when the
    // article names it so.
    let fuller = match (best, &words[..]) {
        (None, [one]) if !name.person && acronym(one) => names.spelled_out(one).map(|n| n.words),
        (None, [one]) => names
            .organisation_form(words)
            // (`Trump` is no `Trump Foundation` in a text that names Donald Trump, nor `Ford`
            // the `Ford Foundation` in one that says `President Ford`.)
            .filter(|_| {
                !name.person && !names.in_full(one) && !names.ending_in(one).any(|(_, n)| n.person)
            })
            .or_else(|| names.family_name_first(one))
            .map(|n| n.words),
        (None, _) if !name.person => names.organisation_form(words).map(|n| n.words),
        _ => None,
    };
    let words = formal.as_ref().or(fuller.as_ref()).unwrap_or(words);
    let last = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
    let person = person && !NOT_PERSON_LAST.contains(&last)
        || (words.len() >= 2 && !NOT_PERSON_LAST.contains(&last));
    (words.join(" "), role, person)
}

/// `Dick Blumenthal` when the article also writes `Sen. Richard Blumenthal`: the name with
/// the full first name, the longest the article gives (up to four words).
fn formal_form(names: &Names, words: &[String]) -> Option<Vec<String>> {
    let [first, rest @ ..] = words else {
        return None;
    };
    let first = first.to_lowercase();
    if rest.is_empty() || !NICKNAMES.iter().any(|(n, _)| *n == first) {
        return None;
    }
    names
        .ending_in(core(rest).last()?)
        .map(|(_, n)| n)
        .filter(|n| {
            n.words.len() > rest.len()
                && n.words.len() <= 4
                && n.words.ends_with(rest)
                && is_nickname_of(&first, &n.words[0].to_lowercase())
        })
        .max_by_key(|n| n.words.len())
        .map(|n| n.words)
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{found, who};

    /// Issue 21, seventh session: a first name alone is the one person the article names in
    /// full with it; not when two people share it, nor for a first name the article gives
    /// with a title (`Prince Charles`).
    #[test]
    fn a_first_name_alone_is_the_one_person_of_that_name() {
        let body = "Bernie Sanders and his wife, Jane Sanders, spoke in Burlington.\n\n\
                    “Shutting people out is wrong,” Jane said.";
        assert_eq!(who(body), ["Jane Sanders"]);
        let body = "Jane Sanders and Jane Doe spoke in Burlington.\n\n“Shutting people out \
                    is wrong,” Jane said.";
        assert_eq!(who(body), ["Jane"]);
        let body = "Prince Charles met Charles Walker in London.\n\n“The young have most to \
                    offer,” Charles said.";
        assert_eq!(who(body), ["Charles"]);
        let body = "Mark Doe died on Sunday at 80, his family said.\n\n“He loved the sea,” his \
                    son, Mark, said.";
        assert_eq!(who(body), ["Mark"]);
        let body = "Ann Vale and her husband, Tom, came too.\n\nTom Vale is a retired \
                    teacher.\n\n“We have been friends since school,” Tom said.";
        assert_eq!(who(body), ["Tom Vale"]);
    }

    /// Issue 21, ninth session: a Spanish-style name with two surnames is called by the first
    /// of them alone; not when two people share it, nor through a name run on into a day or a
    /// company's name.
    #[test]
    fn the_first_of_two_surnames_is_the_person_named_in_full() {
        let body = "President Enrique Peña Nieto met the governors in Mexico City.\n\n\
                    “We will not pay for any wall,” Peña said.";
        assert_eq!(who(body), ["Enrique Peña Nieto"]);
        let body = "Juan Lechin Oquendo and Mario Lechin Suarez met on Monday.\n\n“The \
                    strike goes on,” Lechin said.";
        assert_eq!(who(body), ["Lechin"]);
        let body = "John Labatt Ltd reported higher profits.\n\n“Growth was strong,” Labatt \
                    said.";
        assert_ne!(who(body), ["John Labatt Ltd"]);
        // (A first name is no surname; a park named after a man is not the man.)
        let body = "José María Aznar spoke.\n\nAznar's daughter, María, came too. “We are \
                    happy,” María said.";
        assert_eq!(who(body), ["María"]);
        let body = "Walt Disney World opened a park.\n\n“We are proud,” Disney said.";
        assert_eq!(who(body), ["Disney"]);
        // (A show named after its host is not the host.)
        let body = "Clinton spoke on MSNBC's “The Rachel Maddow Show” on Thursday.\n\n“In any \
                    other year they would be short-listed,” Maddow said.";
        assert_eq!(who(body), ["Maddow"]);
        let body = "Clinton spoke on Rachel Maddow Show on Thursday.\n\n“In any other year \
                    they would be short-listed,” Maddow said.";
        assert_eq!(who(body), ["Maddow"]);
    }

    /// Issue 21: a generational suffix ends a name but is no surname: `Bozell said` is the
    /// `Brent Bozell III` named before, and `King` before `Jr.` is no title.
    #[test]
    fn a_suffix_is_no_surname() {
        let body = "“We support him,” Brent Bozell III, a founder, said.\n\n\
                    “It is clear,” Bozell said.";
        assert_eq!(who(body), ["Brent Bozell III", "Brent Bozell III"]);
        let body = "“We shall overcome,” said Martin Luther King Jr. in a speech.\n\n\
                    “Not yet,” King said.";
        assert_eq!(
            who(body),
            ["Martin Luther King Jr.", "Martin Luther King Jr."]
        );
        // A numeral after a title is a regnal one, no suffix: `Paul` is Ron Paul.
        let body = "Pope John Paul II visited. Ron Paul spoke later.\n\n“We win,” Paul said.";
        assert_eq!(who(body), ["Ron Paul"]);
        // Without the suffix nothing changes.
        let body = "“We win,” said Ann Smith.\n\n“We lose,” Smith said.";
        assert_eq!(who(body), ["Ann Smith", "Ann Smith"]);
    }

    /// Issue 21: `Premier Zhao Ziyang told parliament … Zhao said`: a titled name written
    /// family name first; not `Mr. Obama` before `President Obama Speech`.
    #[test]
    fn a_family_name_written_first() {
        let body = "Premier Zhao Ziyang told parliament that reform goes on.\n\n\
                    Failure will “corrupt social morality,” Zhao said.";
        assert_eq!(who(body), ["Zhao Ziyang"]);
        let body = "Video: President Obama Speech at the gala.\n\n\
                    “Tolerance is on the ballot,” Mr. Obama said.";
        assert_eq!(who(body), ["Obama"]);
    }

    #[test]
    fn surname_becomes_the_fullest_name_given_earlier() {
        let body = "Tomas Berg has inspected the old dam every spring for a decade.\n\n\
                    “The cracks are old and stable,” Berg said.";
        assert_eq!(who(body), ["Tomas Berg"]);
        // Mr. and the like are dropped on the way.
        let body = "Ilse Vogel runs the ferry.\n\n“We sail at six,” Ms. Vogel said.";
        assert_eq!(who(body), ["Ilse Vogel"]);
        // Issue 21: a surname alone is the person the article introduced first under it, not
        // a relative named in passing since.
        let body = "Senator Karl Ostby spoke first.\n\nHis wife, Maren Ostby, sat beside him.\n\n\
                    “We will not give up,” Ostby said.";
        assert_eq!(who(body), ["Karl Ostby"]);
    }

    #[test]
    fn title_becomes_the_role() {
        assert_eq!(
            found("“Trains will run again on Friday,” Lviv Gov. Ostap Danyliv said."),
            [(Some("Ostap Danyliv".into()), Some("Lviv Gov.".into()))]
        );
        assert_eq!(
            found("“The port is open,” said harbour master Inge Solberg."),
            [(Some("Inge Solberg".into()), Some("harbour master".into()))]
        );
        // The role comes along when only the surname is used later.
        let body = "Finance Minister Aino Virtanen spoke first.\n\n“Taxes stay,” Virtanen said.";
        assert_eq!(
            found(body),
            [(
                Some("Aino Virtanen".into()),
                Some("Finance Minister".into())
            )]
        );
    }

    /// Issue 15: a speaker's name carries no title, office, place, descriptor or opener.
    #[test]
    fn names_carry_no_office_place_or_filler_word() {
        assert_eq!(
            found("“Sterling is steady,” Chancellor of the Exchequer Rolf Amundsen said."),
            [(
                Some("Rolf Amundsen".into()),
                Some("Chancellor of the Exchequer".into())
            )]
        );
        let body = "The writer Tarik Osei came back shaken. (See Osei’s notes below.)\n\n\
                    “It was loud,” said Osei.";
        assert_eq!(who(body), ["Tarik Osei"]);
        assert_eq!(
            who("“We will wait,” Director of National Intelligence Mara Quist said."),
            ["Mara Quist"]
        );
        // An office of a city before the name (`Public Advocate`, `Ombudsman`).
        assert_eq!(
            who("“We will win,” Springfield Public Advocate Dana Whitlock said."),
            ["Dana Whitlock"]
        );
        assert_eq!(
            who("“Output rises,” Minister of Mines and Energy Budiman said."),
            ["Budiman"]
        );
        assert_eq!(
            who("“Not now,” Former Mayor Ilka Brandt said."),
            ["Ilka Brandt"]
        );
        assert_eq!(who("“Not now,” U.S. Brandt said."), ["Brandt"]);
        assert_eq!(
            who("«Мы ждём», — сказал министр Германии Хайко Ланге."),
            ["Хайко Ланге"]
        );
        assert_eq!(who("«Мы ждём», — написал в Twitter Трамп."), ["Трамп"]);
        assert_eq!(
            who("«Ми чекаємо», — сказала прем'єр-міністерка Великої Британії Олена Мей."),
            ["Олена Мей"]
        );
        assert_eq!(
            who("«Мы ждём», — заявил Госсекретарь США Марк Помп."),
            ["Марк Помп"]
        );
        assert_eq!(who("“Vote,” Gale Brook CPAC said."), ["Gale Brook"]);
        // Issue 21: a long title stays out of the name, and the surname finds the full name.
        let body = "“Enough,” said Senate Majority Whip Rolf Marr.\n\n“We vote today,” Marr said.";
        assert_eq!(who(body), ["Rolf Marr", "Rolf Marr"]);
        // An apostrophe is one character in a speaker.
        assert_eq!(who("“Yes,” said Martin O’Doyle."), ["Martin O'Doyle"]);
    }

    /// Issue 21: a surname used by itself gets the full first name when the article writes
    /// both `Dick` and `Richard` for the one person.
    #[test]
    fn full_first_name_beats_a_short_form() {
        let body = "Sen. Richard Holloway spoke first.\n\nHis rival mocked Dick Holloway on \
                    the radio.\n\n“We will fight on,” Holloway said.";
        assert_eq!(who(body), ["Richard Holloway"]);
        assert_eq!(
            who("“We will fight on,” Dick Holloway said. Richard Holloway has served since 2011."),
            ["Richard Holloway"]
        );
        // Another first name that is no short form stays as written.
        let body = "Ruth Holloway spoke first.\n\n“We will fight on,” Dick Holloway said.";
        assert_eq!(who(body), ["Dick Holloway"]);
    }

    /// Issue 21: particles in a row belong to the name (`von der`, `de la`, `van der`).
    #[test]
    fn particles_in_a_row() {
        assert_eq!(
            who("“We will act,” said Ursula von der Lahn. Later von der Lahn said “soon.”"),
            ["Ursula von der Lahn", "Ursula von der Lahn"]
        );
        assert_eq!(
            who("Chief executive Cor van der Kluit said it was “a fair rise.”"),
            ["Cor van der Kluit"]
        );
    }

    /// Issue 21: `Will`, `May`, `April`, `June` mid-sentence before a surname and a speech
    /// verb or a comma are first names; as a verb or a month they are none.
    #[test]
    fn first_names_that_are_also_words() {
        assert_eq!(
            who("“We have to win the county,” Will Estrada, the chairman, said."),
            ["Will Estrada"]
        );
        assert_eq!(
            who("Markets are calm, said analyst June Page. “This is an earnings market,” Page said."),
            ["June Page"]
        );
        let body = "At a June Trump event, Brenda Jonson spoke. “They should stay,” she said.";
        assert_eq!(who(body), ["Brenda Jonson"]);
        assert_eq!(who("In May Trump said it was “great.”"), ["Trump"]);
    }

    /// Issue 21: a first name the list does not know, before a middle name it knows, is kept;
    /// a role, a company or an epithet before a first name is dropped.
    #[test]
    fn unlisted_first_name_before_a_listed_middle_name() {
        assert_eq!(
            who("Giovanni Maria Vian said “no.” Later Mr. Vian said “yes.”"),
            ["Giovanni Maria Vian", "Giovanni Maria Vian"]
        );
        assert_eq!(
            who("Investor Paul Bilzerian said “no.”"),
            ["Paul Bilzerian"]
        );
        assert_eq!(who("Fox News Sean Hannity said “no.”"), ["Sean Hannity"]);
        assert_eq!(
            who("Crooked Hillary Clinton said “no.”"),
            ["Hillary Clinton"]
        );
    }

    /// Issue 21: a word glued on an organisation's name by a page's markup is no part of it.
    #[test]
    fn no_word_glued_on_a_name() {
        assert_eq!(
            who("The Harbor Valley Newsrecently said the mill “will close in May.”"),
            ["Harbor Valley News"]
        );
        // A name that merely starts like an organisation's last word stays whole.
        assert_eq!(who("“We stay,” Anna Postalso said."), ["Anna Postalso"]);
    }

    /// Issue 21: `The` opening a sentence is no part of an organisation's longer name,
    /// wherever the sentence starts; `The Hill` keeps it.
    #[test]
    fn the_is_no_part_of_a_long_name() {
        let body = "“We will not sign,” Norway said. The Northern Fisheries Agency said \
                    the quota showed “no respect for the science.”";
        assert_eq!(who(body), ["Norway", "Northern Fisheries Agency"]);
        assert_eq!(
            who("According to The New York Times, “the vote is close.”"),
            ["New York Times"]
        );
        assert_eq!(
            who("According to The Hill, “the vote is close.”"),
            ["The Hill"]
        );
    }

    /// Places and organisations are not people, and their fragments are not speakers.
    #[test]
    fn places_and_organisations_are_no_person() {
        // A venue is no `she`, whatever its first word.
        let body = "The tennis great Billie Jean King remembered Ali. She saw the fight at \
                    Madison Square Garden in 1971.\n\n“He always whispered in my ear,” she said.";
        assert_eq!(who(body), ["Billie Jean King"]);
        assert_eq!(
            who("One bond salesman in New York said, “They misjudged it.”"),
            [""]
        );
        assert_eq!(
            who("In Tokyo, one oil analyst said, “No reason to worry.”"),
            [""]
        );
        // Nobody rather than `Co` (the rules do not reach back over `of … and Co`).
        assert_eq!(
            who("“Crude stays high,” Ola Berg of Kleinwort Grieveson and Co told Reuters."),
            [""]
        );
        assert_eq!(
            who("“Rates hold,” an official of the Bank of Japan said."),
            [""]
        );
        assert_eq!(
            who("According to The Hill, “the vote is close.”"),
            ["The Hill"]
        );
        assert_eq!(
            who("“We fight on,” the Islamic State said."),
            ["Islamic State"]
        );
        assert_eq!(
            who("In a notice, the Bank said “there will be no auction.”"),
            [""]
        );
        assert_eq!(
            who("Dr. Ann Roe, who practises in Mount Kisco, New York, said “she is well.”"),
            ["Ann Roe"]
        );
        assert_eq!(
            who(
                "Jo Ames, the chairwoman of Parents Stand Together, an advocacy group, \
                 called the idea “cruel.”"
            ),
            ["Jo Ames"]
        );
        assert_eq!(
            who(
                "Representative Lea Holm, Democrat of Ohio and chairwoman of the House \
                 Budget Committee, said the plan was “dead on arrival.”"
            ),
            ["Lea Holm"]
        );
    }
}
