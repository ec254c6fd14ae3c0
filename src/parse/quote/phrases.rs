//! Noun phrases in a speaker's place: where one ends, and whether it is a name (with any
//! role before it), a pronoun, or a description that names nobody (`the report`).

use super::names::{
    acronym, join, kind_of, listed, name_word, particles_at, strip_possessive, trailing_name, Name,
};
use super::slavic::PRONOUNS;
use super::spans::SpeakerKind;
use super::tokens::{is_possessive, Kind, Tok, MAX_WINDOW};
use super::words::{
    ADVERBS, ANAPHORIC_ROLES, AUXILIARIES, COUNTRY_ACRONYMS, DESCRIPTORS, DOCUMENTS, EPITHETS,
    FEMALE_CUES, MALE_CUES, NOT_NAME, NOT_PERSON_LAST, NP_BREAKS, OF_TITLES, ORG_HEADS, ORG_LAST,
    ORG_NOUNS, PLACE_LAST, PREPOSITIONS, PUBLICATIONS, RELATIONS, ROLE_NOUNS, ROLE_WORDS, TEXTS,
    TITLES,
};

/// Whether `t` is a personal pronoun that may stand for a speaker (`he`, `she`, `it`, `they`,
/// and the Ukrainian and Russian ones).
pub(super) fn is_pronoun(t: &Tok) -> bool {
    t.is(&["he", "she", "it", "they"]) || t.is(PRONOUNS)
}

/// What the words in a speaker's place say.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Np {
    Name(Name),
    /// `he`, `she`, `it` or `they`, lower case, or the noun of a description read like a pronoun
    /// (`president` for `the president`, `senators` for `the senators`; `both` for a pair,
    /// `the two`).
    Pronoun(String),
    /// `a Texaco spokesman`, `a company spokesman`: someone speaking for what a single
    /// capitalised word names (`Texaco`, the organisation when the article names it so in
    /// full, `Texaco Inc`) or for the organisation of a kind named last (`company`); read
    /// against the article (see `attribution::spokesperson_of`).
    SpokespersonOf(String),
    /// A description without a name (`the report`, `a spokesman for the campaign`).
    Other,
}

/// `the senators`, `the committee chairmen`, `the two Republican lawmakers`: `the`, at most
/// three describing words, and the plural of a role a person is referred to by; the plural
/// noun.
fn plural_role<'a>(toks: &[Tok<'a>]) -> Option<&'a str> {
    let [the, describing @ .., noun] = toks else {
        return None;
    };
    if the.lower != "the" || describing.len() > 3 || !noun.text.starts_with(char::is_lowercase) {
        return None;
    }
    let plain = describing.iter().all(|t| {
        t.is_word() && !is_possessive(t) && !t.is_verb() && !is_pronoun(t) && !t.is_in(&NP_BREAKS)
    });
    (plain && plural_of_role(noun.lower)).then_some(noun.lower)
}

/// Whether `word` (lower case) is the plural of a role a person is referred to by
/// (`senators`, `chairmen`).
pub(super) fn plural_of_role(word: &str) -> bool {
    match word.strip_suffix("men") {
        Some(stem) => ANAPHORIC_ROLES.contains(&[stem, "man"].concat()),
        None => word
            .strip_suffix('s')
            .is_some_and(|one| ANAPHORIC_ROLES.contains(one)),
    }
}

/// Whether the noun of a description read like a pronoun names no person: an
/// organisation's head word (`the company`) or a document (`the report`), which speak for
/// someone unnamed when the text does not say whose they are.
pub(super) fn impersonal(noun: &str) -> bool {
    ORG_HEADS.contains(noun) || DOCUMENTS.contains(noun)
}

/// Reads a noun phrase that names a speaker: `Kofman`, `Donetsk Gov. Pavlo Kyrylenko`,
/// `Clinton spokesman Brian Fallon`, `he`, `the White House`, `the Clinton campaign`.
pub(super) fn noun_phrase(toks: &[Tok]) -> Np {
    let words = toks.iter().filter(|t| t.is_word());
    let skip = words.clone().count().saturating_sub(MAX_WINDOW);
    let toks: Vec<Tok> = words.skip(skip).copied().collect();
    if toks.is_empty() {
        return Np::Other;
    }
    if toks.len() == 1 && is_pronoun(&toks[0]) {
        return Np::Pronoun(toks[0].lower.to_string());
    }
    // `the two leaders`, `the pair`, `both men`: the joint speakers last named (`both`,
    // read like a pronoun); `the committee chairmen` too, its plural noun read so.
    let lower = |t: &Tok| t.text.starts_with(char::is_lowercase);
    let pair = match &toks[..] {
        [first, n] => {
            first.lower == "the" && n.is(&["pair", "couple", "two", "duo"])
                || first.lower == "both" && lower(n) && n.lower.ends_with(['s', 'n'])
        }
        [the, two, noun] => the.lower == "the" && two.lower == "two" && lower(noun),
        [both] => both.lower == "both",
        _ => false,
    };
    if pair {
        return Np::Pronoun("both".to_string());
    }
    // (The plural kept: `the governors` after `met three governors` are not the pair.)
    if let Some(plural) = plural_role(&toks) {
        return Np::Pronoun(plural.to_string());
    }
    // `the president`, `the former mayor`, `the Vermont senator`, `the New York
    // billionaire`, `the Conservative MP`: a person named before, read like a pronoun.
    // `the Ohio Republican`: a party member named before.
    // (`the former top aide to President George W. Bush`: the noun before `to`, `of`.)
    let head_end = toks
        .iter()
        .skip(2)
        .position(|t| t.is(&["to", "of", "for", "at", "in", "with"]))
        .map_or(toks.len(), |p| p + 2);
    let head = &toks[..head_end];
    let last = &head[head.len() - 1];
    if head.len() <= 5
        && head[0].lower == "the"
        && head.len() >= 2
        && ((last.text.starts_with(char::is_lowercase)
            || last.text.chars().all(char::is_uppercase))
            && (last.is_in(&ANAPHORIC_ROLES) || last.is_in(&EPITHETS))
            || last.is(&["republican", "democrat"]))
        && head[1..head.len() - 1].iter().all(|t| {
            t.is_in(&DESCRIPTORS)
                || t.is_in(&ROLE_WORDS)
                || t.capitalised() && !is_possessive(t)
                // (`the radio host`, `the retired neurosurgeon`; not before `of` and a
                // name, `the permanent trade ambassador of the EC Tran Van Thinh`.)
                // (Not `the other candidate`, `the group's leader`.)
                || head_end == toks.len()
                    && t.is_word()
                    && t.text.starts_with(char::is_lowercase)
                    && !t.is_verb()
                    && !is_pronoun(t)
                    && !is_possessive(t)
                    && !t.is(&[
                        "and", "or", "but", "who", "that", "a", "an", "the", "this", "other",
                        "another", "rival", "opposing", "new",
                    ])
        })
    {
        return Np::Pronoun(last.lower.to_string());
    }
    // `the 45-year-old`, `the 34-year-old mother of three`: the person last spoken of, a
    // woman or a man when the noun says so (a noun without a sex stands for the last person
    // given it as a title, else the last person, like `the president`).
    if toks.len() >= 2 && toks[0].lower == "the" && toks[1].lower.ends_with("-year-old") {
        let noun = toks
            .get(2)
            .filter(|t| t.text.starts_with(char::is_lowercase));
        return Np::Pronoun(match noun.map(|t| t.lower) {
            Some(n) if FEMALE_CUES.contains(n) => "she".to_string(),
            Some(n) if MALE_CUES.contains(n) => "he".to_string(),
            Some(n) => n.to_string(),
            None => "year-old".to_string(),
        });
    }
    // `the court`, `the appeals court`, `the federal agency`: the organisation named before
    // with that word, read like a pronoun (`the Trump campaign` is a name).
    if (2..=4).contains(&toks.len())
        && toks[0].lower == "the"
        && toks[toks.len() - 1].text.starts_with(char::is_lowercase)
        && toks[toks.len() - 1].is_in(&ORG_HEADS)
        && toks[1..toks.len() - 1]
            .iter()
            .all(|t| t.text.starts_with(char::is_lowercase) && !t.is_verb() && !t.is_in(&ORG_HEADS))
    {
        // (`the editorial board`: the newspaper's.)
        if toks[toks.len() - 1].lower == "board" && toks[toks.len() - 2].lower == "editorial" {
            return Np::Pronoun("paper".to_string());
        }
        return Np::Pronoun(toks[toks.len() - 1].lower.to_string());
    }
    // `The lawsuit contends …`: a document named before, read like a pronoun for whoever
    // issued it (`Ann Doe and Jon Roe have filed a lawsuit`).
    if (2..=3).contains(&toks.len())
        && toks[0].lower == "the"
        && toks[toks.len() - 1].is_in(&DOCUMENTS)
        && toks
            .iter()
            .all(|t| t.text.starts_with(char::is_lowercase) || t.lower == "the")
    {
        return Np::Pronoun(toks[toks.len() - 1].lower.to_string());
    }
    // `the Pentagon’s report`, `a Pentagon report`, `a new White House memo`, `the New York
    // Times editorial board`: the document speaks for the one named before it.
    if let Some(author) = document_author(&toks) {
        return Np::Name(author);
    }
    // `Trump’s` alone stands for what follows it (`Editor’s note`), not for a speaker.
    if toks.last().is_some_and(is_possessive) {
        return Np::Other;
    }
    // `Mark Doe and Jon Roe`: two people speaking together (`… and Jon Roe of the Institute
    // for Science and Security`: the second ends before what it is of).
    if let Some(and) = toks.iter().position(|t| t.lower == "and") {
        let right = &toks[and + 1..];
        let cut = (1..right.len())
            .find(|&k| right[k].is(&["of", "for", "at", "from", "with", "in"]))
            .unwrap_or(right.len());
        // (`Ministry of International Trade and Industry` is one name.)
        let pair = (noun_phrase(&toks[..and]), noun_phrase(&right[..cut]));
        // (`former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell` is
        // two roles of one person: a title before `and` ends no name.)
        // (`Phillips and Drew analyst Stephen Lewis`: a role in lower case after the second
        // name makes the pair the firm the person works for.)
        let role = |part: &[Tok]| {
            part.iter().any(|t| {
                t.text.starts_with(char::is_lowercase) && (t.is_in(&TITLES) || t.is_in(&ROLE_NOUNS))
            })
        };
        // (Not `UAW president Owen Bieber and vice president Marc Stepp`: two people, each
        // with a role.)
        let firm = role(&right[..cut]) && !role(&toks[..and]);
        let one_name = matches!(&pair.0, Np::Name(a) if a.words.iter().any(|w| w == "of"))
            || toks[..and].last().is_some_and(|t| t.is_in(&TITLES))
            || firm;
        if let (Np::Name(a), Np::Name(b), false) = (pair.0, pair.1, one_name) {
            // `the National Oceanic and Atmospheric Administration`: one organisation, when
            // what stands before `and` is no person's name.
            let one_organisation = organisation(&b.words)
                && a.words.len() >= 2
                && !a.person
                && listed(&a.words[0]).is_none();
            let mut words = a.words;
            // `David and Jeanne Heidler`: two first names share the surname after them (not
            // a titled one: `Prince Harry and Meghan Markle`).
            if words.len() == 1
                && a.role.is_none()
                && b.words.len() >= 2
                && listed(&words[0]).is_some()
                && listed(&b.words[0]).is_some()
            {
                words.extend(b.words.last().cloned());
            }
            words.push("and".into());
            words.extend(b.words);
            return Np::Name(Name {
                words,
                role: None,
                person: !one_organisation,
                sex: None,
            });
        }
    }
    // `the U.S. Attorney’s Office`, `Manhattan District Attorney’s Office`: an office named
    // after its holder, in full.
    if let Some(org) = possessive_organisation(&toks) {
        return Np::Name(org);
    }
    // `a Justice Department spokesman`, `an FBI spokeswoman`: the organisation speaks
    // through them (`a Clinton spokesman` is not Clinton, who is a person).
    if let [det, org @ .., spokes] = &toks[..] {
        // (A lone word is an acronym, `an FBI spokeswoman`; `a Ministry spokesman` names
        // no ministry.)
        // (Nor a country's: `a U.S. spokesman` is one of many.)
        let named = match org {
            [] => false,
            [one] => acronym(one.text) && !COUNTRY_ACRONYMS.contains(&one.lower),
            _ => org.len() <= 4,
        } && org.iter().all(|t| t.capitalised() && !is_possessive(t));
        if det.is(&["a", "an", "the"]) && spokes.is(SPOKESPEOPLE) && named {
            let words: Vec<String> = org.iter().map(|t| t.text.to_string()).collect();
            if kind_of(&words.join(" "), false) == SpeakerKind::Organisation {
                return Np::Name(Name {
                    words,
                    role: None,
                    person: false,
                    sex: None,
                });
            }
        }
        if let [one] = org {
            // `a company spokesman`, `a ministry spokeswoman`: the organisation of that kind
            // named last, like `the company` (see `attribution::spokesperson_of`).
            if det.is(&["a", "an", "the"]) && spokes.is(SPOKESPEOPLE) && one.is_in(&ORG_HEADS) {
                return Np::SpokespersonOf(one.lower.to_string());
            }
            // `a Texaco spokesman`: a lone word is the company only when the article names it
            // so (`Texaco Inc`), which the article's names tell (`attribution::spokesperson_of`).
            let lone = det.is(&["a", "an"])
                && spokes.is(SPOKESPEOPLE)
                && one.capitalised()
                && !one.not_name
                && !is_possessive(one)
                && !acronym(one.text);
            if lone {
                return Np::SpokespersonOf(one.text.to_string());
            }
        }
    }
    // `Charles Rangel of New York`: the speaker is the head before `of` (but `Secretary of
    // State John Kerry` is one title).
    // (Not `master of ceremonies Asab Al-Tabchi`: a role in lower case before `of`, the name
    // after what it is of.)
    let of = (1..toks.len()).find(|&k| toks[k].lower == "of" && !toks[k - 1].is_in(&OF_TITLES));
    let lower_role = of.is_some_and(|of| {
        !toks[..of]
            .iter()
            .any(|t| t.capitalised() || t.is_in(&NOT_NAME))
            && toks[of + 1..]
                .first()
                .is_some_and(|t| !t.capitalised() && t.lower != "the")
    });
    if let Some(of) = of.filter(|_| !lower_role) {
        // `Bank of Japan Governor Ken Sato`, `Association of Makers Chairman Ken Sato`: a
        // title after the organisation's name, then a person's: the person speaks, and the
        // organisation with the title is the role.
        let run_end = of
            + 1
            + toks[of + 1..]
                .iter()
                .take_while(|t| t.capitalised() || t.lower == "the")
                .count();
        let rest = &toks[of + 1..run_end];
        if run_end == toks.len() {
            if let Some(title) = (of + 1..run_end.saturating_sub(1))
                .rev()
                .find(|&k| toks[k].is_in(&TITLES) && toks[k].capitalised())
            {
                if let Np::Name(mut n) = noun_phrase(&toks[title..]) {
                    if n.person && n.words.len() >= 2 {
                        let start = usize::from(toks[0].lower == "the");
                        let role: Vec<&str> = toks[start..=title].iter().map(|t| t.text).collect();
                        n.role = Some(role.join(" "));
                        return Np::Name(n);
                    }
                }
            }
        }
        // `the Bank of Japan`, `the Department of Homeland Security`: a lone `Bank` is a
        // fragment of a name, but not before `of` and a name.
        let lone_head = match &toks[..of] {
            [the, head] => the.lower == "the" && head.capitalised(),
            [head] => head.capitalised(),
            _ => false,
        };
        if lone_head
            && organisation(&[toks[of - 1].text.to_string()])
            && rest.iter().any(Tok::capitalised)
            && run_end == toks.len()
        {
            let mut words = vec![toks[of - 1].text.to_string(), "of".to_string()];
            words.extend(rest.iter().map(|t| t.text.to_string()));
            return Np::Name(Name {
                words,
                role: None,
                person: false,
                sex: None,
            });
        }
        return match noun_phrase(&toks[..of]) {
            // `the Bank of Japan`: an organisation, named in full.
            Np::Name(mut n) if !n.person && organisation(&n.words) => {
                if !rest.iter().any(|t| t.capitalised()) {
                    return Np::Other;
                }
                n.words.push("of".into());
                n.words.extend(rest.iter().map(|t| t.text.to_string()));
                Np::Name(n)
            }
            Np::Name(n) => Np::Name(n),
            _ => Np::Other,
        };
    }
    match trailing_name(&toks) {
        // `the Treasury Secretary said`, `the Chairman said`: a title without a name stands
        // for the person last spoken of, like `the president`; an office many hold (`a U.S.
        // Spokesman`) names nobody. Alone, the word may be a surname (`King said`).
        Some((start, name))
            if start > 0
                && name
                    .words
                    .iter()
                    .all(|w| TITLES.contains(&w.to_lowercase())) =>
        {
            let last = name
                .words
                .last()
                .map(|w| w.to_lowercase())
                .unwrap_or_default();
            if ANAPHORIC_ROLES.contains(&last) || matches!(last.as_str(), "secretary" | "minister")
            {
                Np::Pronoun(last)
            } else {
                Np::Other
            }
        }
        Some((start, mut name)) => {
            let before = &toks[..start];
            // Only descriptive words may stand before the name.
            if before.iter().any(|t| t.is_verb() || is_pronoun(t)) {
                return Np::Other;
            }
            // `the WHO chief`, `глава ВООЗ`: someone holding a role at an organisation, not
            // the organisation itself.
            let acronym_only = name.words.len() == 1 && acronym(&name.words[0]);
            if acronym_only && before.last().is_some_and(role_noun) {
                return Np::Other;
            }
            // `the chairwoman of Families Belong Together`, `a salesman in New York`: a name
            // governed by a preposition is not who the phrase is about (but in `написал в
            // Twitter Трамп` the preposition governs `Twitter`, left out of the name).
            let whole_run = name.words.len() == toks.len() - start;
            let governed = whole_run
                && (matches!(before, [.., p] if p.is_in(&PREPOSITIONS))
                    || matches!(before, [.., p, t] if t.lower == "the" && p.is_in(&PREPOSITIONS)));
            // A place never speaks (`Mount Kisco, New York, said`), and a lone `Bank`, `Co`
            // or `House` is a piece of an organisation's name (but `The Post` is how a
            // newspaper is called).
            let lone = name.words.len() == 1;
            let fragment = lone
                && organisation(&name.words)
                && !PUBLICATIONS.contains(&name.words[0].to_lowercase().as_str())
                || lone && COUNTRY_ACRONYMS.contains(&name.words[0].to_lowercase().as_str());
            // `the Constitution says`, `the Affordable Care Act states`: a text, not a speaker.
            let text = name
                .words
                .last()
                .is_some_and(|w| TEXTS.contains(&w.to_lowercase()));
            // `a spokesperson for Sheffield University`: the organisation speaks through them
            // (but `a spokesman for Doe` is not Doe).
            if governed && spoken_for(before, &name) {
                return Np::Name(name);
            }
            if governed || fragment || text || place(&name.words) {
                return Np::Other;
            }
            // `the Islamic State`, `The Hill`: an organisation or a publication, not a
            // person (`the Rev. Al Sharpton` has a title).
            if before.last().is_some_and(|t| t.lower == "the")
                && name.role.is_none()
                && !name.person
            {
                // `The Hill` keeps its article; `The Bundesbank said` opens a sentence. A
                // longer name goes without it (`The New York Times` is `New York Times`,
                // however the sentence around it reads), as `split_title` leaves it.
                if name.words.len() == 1
                    && before
                        .last()
                        .is_some_and(|t| t.capitalised() && !t.opens_sentence())
                {
                    name.words
                        .insert(0, before[before.len() - 1].text.to_string());
                }
                return Np::Name(name);
            }
            if name.role.is_none() {
                if let Some(last) = before.last() {
                    if role_noun(last) {
                        // Back over the words a role is made of (`Republican pollster`,
                        // `former campaign manager`), not into the clause before it.
                        let mut from = before.len();
                        while from > 0 {
                            let t = &before[from - 1];
                            // A plain noun right before a role noun is part of it
                            // (`harbour master`).
                            let modifier = from == before.len() - 1
                                && !t.capitalised()
                                && !t.is_in(&NP_BREAKS)
                                && !t.is_in(&NOT_NAME)
                                && !t.is_in(&AUXILIARIES)
                                && !t.is_verb();
                            let role_word = role_noun(t)
                                || modifier
                                || t.is_in(&ROLE_WORDS)
                                || (t.capitalised() && !t.not_name && !t.is_in(&NOT_NAME))
                                || is_possessive(t);
                            if !role_word {
                                break;
                            }
                            from -= 1;
                        }
                        // A relation (`his friend Jo Doe`) is no role.
                        if !last.is_in(&RELATIONS) {
                            name.role = Some(join(before[from..].iter().map(|t| t.text)));
                        }
                        name.person = true;
                    }
                }
            }
            Np::Name(name)
        }
        None => {
            // `the Clinton campaign`: an organisation named after a person.
            let n = toks.len();
            if n >= 2 && toks[n - 1].is(ORG_NOUNS) && name_word(&toks[n - 2]) {
                let mut start = n - 1;
                while start > 0 && name_word(&toks[start - 1]) && !is_possessive(&toks[start - 1]) {
                    start -= 1;
                }
                if start == n - 1 && is_possessive(&toks[n - 2]) {
                    start = n - 2;
                }
                let mut words: Vec<String> = toks[start..n - 1]
                    .iter()
                    .map(|t| strip_possessive(t.text).to_string())
                    .collect();
                words.push(toks[n - 1].text.to_string());
                return Np::Name(Name {
                    words,
                    role: None,
                    person: false,
                    sex: None,
                });
            }
            Np::Other
        }
    }
}

/// An organisation's name that ends in a possessive and an office (`U.S. Attorney’s
/// Office`), the whole of `toks` after `the`.
/// `the U.S. Attorney’s Office in Manhattan`, `… for the Southern District of New York`: an
/// office named after its holder, and where it sits, which is no part of who speaks.
pub(super) fn seated_office(seg: &[Tok]) -> Option<Np> {
    let words: Vec<Tok> = seg.iter().filter(|t| t.is_word()).copied().collect();
    let seat = words.iter().position(|t| t.is(&["in", "for"]))?;
    possessive_organisation(&words[..seat]).map(Np::Name)
}

fn possessive_organisation(toks: &[Tok]) -> Option<Name> {
    let [.., owner, office] = toks else {
        return None;
    };
    let office_word = office.capitalised()
        && (NOT_PERSON_LAST.contains(office.lower) || ORG_LAST.contains(office.lower));
    if !office_word || !is_possessive(owner) || !owner.capitalised() {
        return None;
    }
    let mut start = toks.len() - 2;
    while start > 0 && toks[start - 1].capitalised() && !is_possessive(&toks[start - 1]) {
        start -= 1;
    }
    if toks[..start].iter().any(|t| !t.is(&["the"])) {
        return None;
    }
    Some(Name {
        words: toks[start..].iter().map(|t| t.text.to_string()).collect(),
        role: None,
        person: false,
        sex: None,
    })
}

/// The one who issued a document named in `toks`: the name right before the document noun,
/// possessive or not, after at most an article and before at most a few plain adjectives.
fn document_author(toks: &[Tok]) -> Option<Name> {
    let (doc, before) = toks.split_last()?;
    let editorial_board =
        doc.lower == "board" && before.last().is_some_and(|t| t.lower == "editorial");
    if !(doc.is_in(&DOCUMENTS) || editorial_board) || !doc.text.starts_with(char::is_lowercase) {
        return None;
    }
    let mut end = before.len();
    while end > 0
        && before[end - 1].is(&[
            "editorial",
            "new",
            "latest",
            "internal",
            "annual",
            "joint",
            "written",
            "final",
            "first",
            "second",
            "third",
            "earlier",
            "previous",
        ])
    {
        end -= 1;
    }
    // After at most an article (`the`, `a`, `The`), a run of capitalised words, only the
    // last possessive (`the Pentagon’s report`, `a White House memo`).
    let art = usize::from(before.first().is_some_and(|t| t.is(&["the", "a", "an"])));
    let run = before.get(art..end)?;
    let capitalised = run
        .iter()
        .enumerate()
        .all(|(k, t)| t.capitalised() && (k + 1 == run.len() || !is_possessive(t)));
    if run.is_empty() || !capitalised {
        return None;
    }
    let mut words: Vec<String> = run.iter().map(|t| t.text.to_string()).collect();
    if let Some(last) = words.last_mut() {
        *last = strip_possessive(last).to_string();
    }
    // (`Wednesday’s statement`, `That report`, `A Union statement`: no name.)
    let generic = words.len() == 1 && ORG_HEADS.contains(&words[0].to_lowercase());
    if generic || words.iter().any(|w| NOT_NAME.contains(&w.to_lowercase())) {
        return None;
    }
    // An organisation (`Pentagon`, `Justice Department`, `USDA`) or a person with a first
    // name; not a nationality or a party (`a Greek statement`, `a Republican memo`).
    // (A first name the list does not know, in a full name that is no place: `Ivana Trump's
    // brief`.)
    let full_name = (2..=3).contains(&words.len())
        && run.last().is_some_and(is_possessive)
        && !place(&words)
        && kind_of(&words.join(" "), false) == SpeakerKind::Person;
    let person = words.len() >= 2 && (listed(&words[0]).is_some() || full_name);
    // (`Trump's statement`: one name as a possessive, whoever the article calls so, for what
    // one writes oneself: not `Trump's indictment`, `Manafort's warrant`.)
    let one_possessive = words.len() == 1
        && run.last().is_some_and(is_possessive)
        && doc.is(&[
            "statement",
            "letter",
            "memo",
            "memorandum",
            "tweet",
            "email",
            "op-ed",
            "essay",
            "column",
            "book",
            "blog",
            "post",
            "release",
            "website",
            "newsletter",
            "editorial",
        ]);
    let issuer = person
        || one_possessive
        || words.len() == 1 && acronym(&words[0])
        || kind_of(&words.join(" "), false) == SpeakerKind::Organisation;
    if !issuer {
        return None;
    }
    Some(Name {
        words,
        role: None,
        person,
        sex: None,
    })
}

/// Whether a name's last word makes it an organisation or a place (`Bank`, `Co`, `House`).
pub(super) fn organisation(words: &[String]) -> bool {
    words
        .last()
        .is_some_and(|w| NOT_PERSON_LAST.contains(&w.to_lowercase()))
}

/// Whether a name is a place's (`New York`, `North Carolina`, `Mexico City`).
fn place(words: &[String]) -> bool {
    words.len() >= 2
        && words
            .last()
            .is_some_and(|w| PLACE_LAST.contains(&w.to_lowercase()))
}

/// Whether `name`, after the words `before`, is an organisation that a spokesperson speaks
/// for (`a spokesperson for Sheffield University`, `a spokesman for the Justice Department`;
/// but `a spokesman for Doe` is not Doe).
fn spoken_for(before: &[Tok], name: &Name) -> bool {
    // `a memo from the Department of Homeland Security`, `a report by Ann Doe`: a document
    // speaks for whoever issued it, person or organisation.
    let document = |r: &Tok, p: &Tok| {
        (r.is_in(&DOCUMENTS) || r.is(WRITINGS))
            && r.text.starts_with(char::is_lowercase)
            && p.is(&["by", "from"])
    };
    if matches!(before, [.., r, p] if document(r, p))
        || matches!(before, [.., r, p, the] if document(r, p) && the.lower == "the")
    {
        return true;
    }
    // `officials at the agency`, `an official with the ministry`.
    let through = |r: &Tok, p: &Tok| {
        r.is(SPOKESPEOPLE) && p.lower == "for"
            || r.is(&["official", "officials"]) && p.is(&["for", "at", "with", "from", "of"])
    };
    matches!(before, [.., r, p] | [.., r, p, _] if through(r, p))
        && (before
            .last()
            .is_some_and(|t| t.lower == "the" || t.is(&["for", "at", "with", "from", "of"])))
        && kind_of(&name.words.join(" "), false) == SpeakerKind::Organisation
}

/// Writings that speak for whoever issued them only with `by` or `from` after them (`a paper
/// from the Brookings Institution`): alone, `the paper` is a newspaper (see `ORG_HEADS`).
const WRITINGS: &[&str] = &["paper", "papers", "article", "piece"];

/// Who speaks for an organisation (`a spokeswoman for the ministry`).
pub(super) const SPOKESPEOPLE: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokesmen",
    "spokeswomen",
    "spokespeople",
    "representative",
    "representatives",
];

/// The noun phrase at the start of `toks`: up to the first break word, comma or bracket.
pub(super) fn leading_np(toks: &[Tok]) -> Np {
    let end = np_end(toks, 0);
    let np = noun_phrase(&toks[..end]);
    // `a spokeswoman for Exxon Corp`: the organisation after `for`; `a paper from the
    // Brookings Institution`: whoever issued it (a `paper` alone is a newspaper).
    let paper = matches!(&np, Np::Pronoun(p) if p == "paper");
    if (np == Np::Other || paper)
        && end > 0
        && toks.get(end).is_some_and(|t| t.is(&["for", "by", "from"]))
    {
        let after_the = end + 1 + usize::from(toks.get(end + 1).is_some_and(|t| t.lower == "the"));
        // (`from the left-leaning Brookings Institution`: a word or two describing it first.)
        let described = (1..=2).find(|&k| {
            toks.get(after_the..after_the + k).is_some_and(|words| {
                words.iter().all(|t| {
                    t.is_word()
                        && t.text.starts_with(char::is_lowercase)
                        && !t.is_verb()
                        && !t.is_in(&NP_BREAKS)
                })
            }) && toks.get(after_the + k).is_some_and(Tok::capitalised)
        });
        // (Read first as it stands: `for leading Japanese electronics firm Matsushita …`.)
        let issuer = |from: usize| {
            let mut to = np_end(toks, from);
            // (`the Department of Homeland Security`: one organisation with `of`.)
            while toks.get(to).is_some_and(|t| t.lower == "of")
                && toks.get(to + 1).is_some_and(Tok::capitalised)
                && to > from
            {
                to = np_end(toks, to + 1);
            }
            match noun_phrase(&toks[from..to.max(from)]) {
                Np::Name(n) if to > from && spoken_for(&toks[..after_the], &n) => Some(n),
                _ => None,
            }
        };
        if let Some(n) = issuer(after_the).or_else(|| issuer(after_the + described?)) {
            return Np::Name(n);
        }
    }
    np
}

/// A name opening `seg`, followed only by a phrase of place or time up to the verb (`Trump
/// in his announcement speech`, `Obama at a rally in Ohio on Tuesday`): the subject.
pub(super) fn name_then_circumstance(seg: &[Tok]) -> Option<Np> {
    let end = np_end(seg, 0);
    // (Not a headline in capitals run into the sentence: `10 KILLED IN BLAST Erdogan said`.)
    if seg[..end]
        .iter()
        .any(|t| t.text.len() > 1 && !t.text.chars().any(char::is_lowercase))
    {
        return None;
    }
    let np @ Np::Name(_) = noun_phrase(&seg[..end]) else {
        return None;
    };
    let circumstance = seg.get(end).is_some_and(|t| {
        t.is(&[
            "in", "at", "during", "on", "after", "before", "from", "with", "through", "amid",
        ])
    }) && seg[end..].iter().all(|t| {
        t.is_word() && !t.is_verb() && !t.is_in(&AUXILIARIES) && !t.is(&["who", "which", "that"])
    });
    circumstance.then_some(np)
}

/// Index where the noun phrase starting at `from` ends.
pub(super) fn np_end(toks: &[Tok], from: usize) -> usize {
    // A phrase opening with a name ends with the name (`Bernie Sanders visited NBC`), unless
    // the name is possessive (`Trump’s campaign manager`) or a role and another name follow
    // (`Clinton spokesman Brian Fallon`).
    let mut k = from;
    // `She then urges …`: a pronoun is a whole noun phrase.
    if toks.get(k).is_some_and(is_pronoun) {
        return k + 1;
    }
    // `Judge Ann Doe tried …`: a role opening the sentence (not read as a name word), then
    // the name.
    if toks.get(k).is_some_and(|t| {
        t.capitalised() && t.not_name && (t.is_in(&ROLE_NOUNS) || t.is_in(&TITLES))
    }) && toks.get(k + 1).is_some_and(name_word)
    {
        k += 1;
    }
    while toks
        .get(k)
        .is_some_and(|t| name_word(t) || t.is_in(&TITLES) && t.capitalised())
    {
        let run_start = k;
        loop {
            while k < toks.len() && (toks[k].capitalised() && !toks[k].not_name) {
                k += 1;
                if is_possessive(&toks[k - 1]) {
                    break;
                }
            }
            // `Secretary of State Madeleine Doe`, `Pierre de Vos`.
            let next_cap = |j: usize| toks.get(j).is_some_and(Tok::capitalised);
            if k > from && !is_possessive(&toks[k - 1]) && k < toks.len() {
                if toks[k].lower == "of" && toks[k - 1].is_in(&OF_TITLES) {
                    let j = if toks.get(k + 1).is_some_and(|t| t.lower == "the") {
                        k + 2
                    } else {
                        k + 1
                    };
                    if next_cap(j) {
                        k = j;
                        continue;
                    }
                }
                if particles_at(toks, k) {
                    k += 1;
                    continue;
                }
            }
            break;
        }
        if k == run_start {
            return k;
        }
        if is_possessive(&toks[k - 1]) {
            break;
        }
        let mut j = k;
        while j < toks.len() && j < k + 4 && role_word(&toks[j]) && !toks[j].capitalised() {
            j += 1;
        }
        // (`Former prosecutor and New York City Mayor Rudy Giuliani`: two roles.)
        if j > k
            && toks.get(j).is_some_and(|t| t.lower == "and")
            && toks
                .get(j + 1)
                .is_some_and(|t| name_word(t) || t.is_in(&TITLES))
        {
            j += 1;
        }
        let role_then_name = j > k && toks.get(j).is_some_and(name_word);
        // `Mark Doe and Jon Roe`.
        if toks.get(k).is_some_and(|t| t.lower == "and") && toks.get(k + 1).is_some_and(name_word) {
            k += 1;
            continue;
        }
        if !role_then_name {
            return k;
        }
        k = j;
    }
    while k < toks.len() {
        let t = &toks[k];
        let stop = match t.kind {
            Kind::Word => {
                (k > from
                    && (t.is_in(&NP_BREAKS)
                        || t.is_verb()
                        || is_ly(t)
                        || t.is_in(&AUXILIARIES)
                        || t.lower.ends_with("n’t")
                        || t.lower.ends_with("n't")))
                    && !(t.lower == "of" && k > from && toks[k - 1].is_in(&OF_TITLES))
                    // `former Pennsylvania Gov. and Democratic National Committee Chairman
                    // Ed Rendell`: two roles of one person.
                    && !(t.lower == "and"
                        && toks[k - 1].is_in(&TITLES)
                        && toks.get(k + 1).is_some_and(Tok::capitalised))
            }
            // `9/11 widow Terry Strada`: a slash between numbers is inside the phrase.
            _ => {
                let number_slash = t.is_punct('/')
                    && k > from
                    && toks[k - 1].text.starts_with(|c: char| c.is_ascii_digit());
                !t.is_punct('-') && !number_slash
            }
        };
        if stop {
            break;
        }
        k += 1;
    }
    k
}

/// The noun phrase at the end of `toks` (a subject before its verb): after the last break
/// word or comma, adverbs before the verb dropped.
pub(super) fn trailing_np(toks: &[Tok]) -> Np {
    let mut end = toks.len();
    while end > 0
        && toks[end - 1].is_word()
        && (toks[end - 1].is_in(&ADVERBS) || is_ly(&toks[end - 1]))
    {
        end -= 1;
    }
    let mut start = end;
    while start > 0 {
        let t = &toks[start - 1];
        let stop = match t.kind {
            Kind::Word => {
                t.is_in(&NP_BREAKS)
                    || t.is_verb()
                    || t.is_in(&AUXILIARIES)
                    || t.lower.ends_with("n’t")
                    || t.lower.ends_with("n't")
            }
            _ => true,
        };
        if stop {
            break;
        }
        start -= 1;
    }
    // `a salesman in New York said`: a name right after a preposition is where or for whom,
    // not who.
    let the = usize::from(toks.get(start).is_some_and(|t| t.lower == "the"));
    if start > 0
        && toks[start - 1].is_in(&PREPOSITIONS)
        && toks.get(start + the).is_some_and(|t| t.capitalised())
    {
        if let Np::Name(n) = noun_phrase(&toks[start..end]) {
            let first_is_name =
                matches!(trailing_name(&toks[start..end]), Some((k, _)) if k == the);
            if first_is_name {
                if spoken_for(&toks[..start + the], &n) {
                    return Np::Name(n);
                }
                return Np::Other;
            }
        }
    }
    noun_phrase(&toks[start..end])
}

/// A noun that names a role (`spokesman`, `senator`, `pollster`, `harbour master`).
fn role_noun(t: &Tok) -> bool {
    t.is_in(&ROLE_NOUNS)
        || t.is_in(&TITLES)
        || ["ist", "ian", "master", "man", "woman"]
            .iter()
            .any(|suffix| t.lower.ends_with(suffix))
}

/// A lower-case word that may be part of a role before a name: a role noun or title, a role
/// adjective, or a word with a nominal ending (`scientist`, `consultant`, `director`).
fn role_word(t: &Tok) -> bool {
    t.is_word()
        && !t.is_in(&NP_BREAKS)
        && !t.is_verb()
        && (t.is_in(&ROLE_NOUNS)
            || t.is_in(&TITLES)
            || t.is_in(&ROLE_WORDS)
            || t.lower.starts_with("co-")
            || t.lower.starts_with("ex-")
            || ["ist", "er", "or", "ian", "ant", "ent"]
                .iter()
                .any(|suffix| t.lower.ends_with(suffix)))
}

pub(super) fn is_ly(t: &Tok) -> bool {
    t.is_word() && t.lower.len() > 4 && t.lower.ends_with("ly") && !t.capitalised()
}

/// Whether a segment is wholly a noun phrase that can be a speaker on its own: `Michael
/// Kofman`, `the Rev. Al Sharpton`, `he` (not `who activated the Crime Bill`).
pub(super) fn plain_np(seg: &[Tok]) -> Option<Np> {
    let words: Vec<Tok> = seg.iter().filter(|t| t.is_word()).copied().collect();
    if words.is_empty() || np_end(&words, 0) < words.len() {
        return None;
    }
    // `In Tokyo`, `At the White House`: a place, not a speaker.
    if words[0].is_in(&PREPOSITIONS) {
        return None;
    }
    match noun_phrase(&words) {
        Np::Other => None,
        np => Some(np),
    }
}

/// Whether a segment opens with a word that makes it an aside, never the speaker itself
/// (`who …`, `in a statement`, `speaking to reporters`).
pub(super) fn aside(seg: &[Tok]) -> bool {
    let mut words = seg.iter().filter(|t| t.is_word());
    let first = words.next();
    // `Judge Ann Doe tried …` is the subject, not an aside like `spokesman for …`.
    let titled_name = first.is_some_and(Tok::capitalised) && words.next().is_some_and(name_word);
    first.is_some_and(|t| {
        t.is_in(&NP_BREAKS)
            || t.is(&[
                "a",
                "an",
                "the",
                "whose",
                "speaking",
                "asked",
                "also",
                "meanwhile",
                "however",
            ])
            || t.is_in(&ROLE_NOUNS) && !titled_name
            || t.lower.ends_with("ing")
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{speakers, who};

    fn list(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn organisations_named_after_people_and_pairs() {
        assert_eq!(
            who("“We disagree,” the Lindqvist campaign said in a statement."),
            ["Lindqvist campaign"]
        );
        // Issue 21: joint speakers are each a speaker, not one glued name.
        assert_eq!(
            speakers("Ana Pires and Rui Mota: “The data say otherwise.”"),
            [(list(&["Ana Pires", "Rui Mota"]), Some("person"))]
        );
    }

    /// Issue 21: joint speakers before and after the quote, each at their fullest, and a
    /// quote-only paragraph after them continues both.
    #[test]
    fn joint_speakers() {
        let body = "Senate leader Mona Vick and House Speaker Tor Lund, both Republicans, \
                    said in a statement: “The court has gone too far.”";
        assert_eq!(
            speakers(body),
            [(list(&["Mona Vick", "Tor Lund"]), Some("person"))]
        );
        let body = "Mona Vick chairs the panel; Tor Lund is its clerk.\n\n\
                    “The vote stands,” Vick and Lund said in a joint statement.\n\n\
                    “We will not revisit it.”";
        assert_eq!(
            speakers(body),
            [
                (list(&["Mona Vick", "Tor Lund"]), Some("person")),
                (list(&["Mona Vick", "Tor Lund"]), Some("person")),
            ]
        );
        let body = "“Tritium would raise the yield,” analysts Ida Berg and Emil Sand of the \
                    Institute for Science and Security wrote in May.";
        assert_eq!(
            speakers(body),
            [(list(&["Ida Berg", "Emil Sand"]), Some("person"))]
        );
    }

    /// Issue 21: joint speakers right before the verb of a frame before the quote, each in
    /// full when each opens with a known first name; `the pair` and `both` stand for them;
    /// two first names share a surname. A company with `and` in its name, or a clause ending
    /// in a name before `and`, are no joint people.
    #[test]
    fn joint_speakers_before_the_quote() {
        let two = || (list(&["Anna Vick", "Peter Lund"]), Some("person"));
        let body = "Anna Vick and House Speaker Peter Lund said in a joint statement that \
                    “the court has gone too far.”";
        assert_eq!(speakers(body), [two()]);
        let body = "The parents, Anna Vick and Peter Lund, said they were “devastated” by it.";
        assert_eq!(speakers(body), [two()]);
        let body = "Anna Vick and Peter Lund met on Monday.\n\n“We agree,” the pair said.\n\n\
                    Both said the talks were “useful.”";
        assert_eq!(speakers(body), [two(), two()]);
        let body = "Her biographers, David and Jeanne Moss, wrote that she \
                    “never forgave the party.”";
        assert_eq!(
            speakers(body),
            [(list(&["David Moss", "Jeanne Moss"]), Some("person"))]
        );
        // (`both`, `also`, an auxiliary between them and the verb, `Both` before them.)
        for body in [
            "Anna Vick and Peter Lund both said the plan was “dead.”",
            "Both Anna Vick and Peter Lund said the plan was “dead.”",
            "Anna Vick and Peter Lund have said the plan was “dead.”",
        ] {
            assert_eq!(speakers(body), [two()], "{body}");
        }
        // (Not a titled first name: a prince has no surname to share; a first name alone is
        // a speaker of the pair.)
        let body = "Prince Harry and Anna Lund said they “never left.”";
        assert_eq!(
            speakers(body),
            [(list(&["Harry", "Anna Lund"]), Some("person"))]
        );
        let body = "Prince Harry and Anna Lund met on Monday.\n\n“We never left,” the pair said.";
        assert_eq!(
            speakers(body),
            [(list(&["Harry", "Anna Lund"]), Some("person"))]
        );
        let body = "Shamrock Refining and Marketing Co said the sale was “on track.”\n\n\
                    Vick won Iowa and Lund said the race was “wide open.”";
        let got = speakers(body);
        assert_eq!(got[0].0.len(), 1, "{got:?}");
        assert_eq!(got[1].0, list(&["Lund"]));
    }

    /// Issue 21: a paper or an article from an organisation speaks for it, also when a word
    /// describes the organisation first; a web address's ending is part of a name.
    #[test]
    fn papers_and_web_names() {
        let body = "A paper from the left-leaning Halvard Institution said: “Families gain.”";
        assert_eq!(who(body), ["Halvard Institution"]);
        let body = "“We would not do business,” said a spokesman for leading electronics firm \
                    Halvard Electric Co.";
        assert_eq!(who(body), ["Halvard Electric Co."]);
        let body = "Halvard.com Inc. said it would reach “a zero carbon goal” by 2040.";
        assert_eq!(who(body), ["Halvard.com Inc."]);
        let body = "“We will,” Halvard.com said.";
        assert_eq!(who(body), ["Halvard.com"]);
    }

    /// Issue 21: `X and Y analyst Ann Doe` is one analyst of the firm X and Y; two names each
    /// with a role are two speakers.
    #[test]
    fn a_firm_of_two_names_before_a_role() {
        assert_eq!(
            who("“Sterling would suffer,” Phillips and Drew analyst Stephen Lewis said."),
            ["Stephen Lewis"]
        );
        assert_eq!(
            speakers(
                "“We support it,” union president Owen Bieber and vice president Marc Stepp said."
            )[0]
            .0,
            list(&["Owen Bieber", "Marc Stepp"])
        );
    }

    /// Issue 21: a document speaks for whoever issued it: `a memo from X`, `a report by X`,
    /// `X’s report`, `a X statement`, `the X editorial board`; not for a day, a word like
    /// `Union` alone, or a nationality.
    #[test]
    fn documents_speak_for_their_issuer() {
        let body = "According to a memo from the Department of Homeland Security, the \
                    program “has not been effective.”\n\n\
                    A report by the Government Accountability Office concluded that the \
                    agency “lacks a plan.”\n\n\
                    The Pentagon’s report said the strike “killed no civilians.”\n\n\
                    A White House statement said all options were “seriously considered.”\n\n\
                    The Valley Herald editorial board wrote that the plan was “reckless.”\n\n\
                    According to a study by economist Ivo Marsh, the rule was “a mistake.”\n\n\
                    The Congressional Budget Office estimated that the bill would “cut the \
                    deficit by a fifth.”\n\n\
                    A federal judge ruled that the order was “plainly unlawful.” Judge Ann \
                    Kerr wrote the opinion.\n\n\
                    The State Department released a statement: “We grieve with them.”\n\n\
                    The Justice Department issued a statement Friday. “We will appeal,” it \
                    said.";
        assert_eq!(
            speakers(body),
            [
                (
                    list(&["Department of Homeland Security"]),
                    Some("organisation")
                ),
                (
                    list(&["Government Accountability Office"]),
                    Some("organisation")
                ),
                (list(&["Pentagon"]), Some("organisation")),
                (list(&["White House"]), Some("organisation")),
                (list(&["Valley Herald"]), Some("organisation")),
                (list(&["Ivo Marsh"]), Some("person")),
                (list(&["Congressional Budget Office"]), Some("organisation")),
                (list(&["Ann Kerr"]), Some("person")),
                (list(&["State Department"]), Some("organisation")),
                (list(&["Justice Department"]), Some("organisation")),
            ]
        );
        // A full name before its possessive, first name listed or not.
        assert_eq!(
            who("Ivana Tramm's brief said the reports were “misinterpreted statements.”"),
            ["Ivana Tramm"]
        );
        let body = "Wednesday’s statement called the plan “a step back.”\n\n\
                    A Union statement said: “We will not pay for this.”\n\n\
                    A Greek statement said the waters were “Greek waters.”";
        assert!(
            speakers(body).iter().all(|(s, _)| s.is_empty()),
            "{:?}",
            speakers(body)
        );
    }

    /// Issue 21: organisations speak under their full name, as organisations.
    #[test]
    fn organisations_in_full() {
        for (body, name) in [
            ("“We will act,” the Bank of Japan said.", "Bank of Japan"),
            (
                "“Expect hot years,” the National Oceanic and Atmospheric Administration said.",
                "National Oceanic and Atmospheric Administration",
            ),
            (
                "The Department of the Treasury said “no sanctions are lifted.”",
                "Department of the Treasury",
            ),
            // An official at an organisation speaks for it.
            (
                "An official with the Department of Homeland Security said “we see no risk.”",
                "Department of Homeland Security",
            ),
            (
                "Officials at the Bank of England said “there are risks.”",
                "Bank of England",
            ),
            (
                "“No charges will be filed,” the U.S. Attorney’s Office said.",
                "U.S. Attorney's Office",
            ),
            ("“The talks failed,” the White House said.", "White House"),
            (
                "“We deny it,” the Justice Department said in a statement.",
                "Justice Department",
            ),
            ("“Nothing changed,” the Kremlin said.", "Kremlin"),
            ("“The drill went ahead,” the Pentagon said.", "Pentagon"),
            (
                "“She seems less welcome,” the Global Times wrote.",
                "Global Times",
            ),
            // An acronym opening a company's name is part of it, not a role before it.
            (
                "“Orders continue to run at a strong pace,” AB Foundry Inc said.",
                "AB Foundry Inc",
            ),
        ] {
            assert_eq!(
                speakers(body),
                [(list(&[name]), Some("organisation"))],
                "{body}"
            );
        }
        assert_eq!(
            speakers("“We are ready,” Nora Lind said."),
            [(list(&["Nora Lind"]), Some("person"))]
        );
    }

    /// `and` inside an organisation's name with `of` joins no speakers.
    #[test]
    fn and_inside_a_name_with_of() {
        let body = "“The sanctions are against free trade,” Ministry of International Trade \
                    and Industry director general Noboru Hatakeyama told reporters.";
        assert_eq!(
            speakers(body),
            [(list(&["Noboru Hatakeyama"]), Some("person"))]
        );
    }

    /// An organisation's name with `of`, a title and a person's name: the person speaks,
    /// the organisation and title are the role.
    #[test]
    fn title_after_an_organisation_with_of() {
        for body in [
            "Bank of Ruritania Governor Ken Sato said: “It is premature to judge the plan.”",
            "“It is premature to judge the plan,” Bank of Ruritania Governor Ken Sato said.",
            "Glass Makers Association of Ruritania Chairman Ken Sato stated: “It is early.”",
            // A hyphenated title is a title.
            "Central Bank Vice-Chairman Ken Sato said: “It is premature to judge the plan.”",
        ] {
            assert_eq!(who(body), ["Ken Sato"], "{body}");
        }
        // `X of Y` with no title after it is still the head before `of`.
        assert_eq!(
            who("Ann Doe of Northport said: “It is premature to judge the plan.”"),
            ["Ann Doe"]
        );
    }

    /// Issue 21: a role opening the sentence before the subject's name (`Judge Ann Doe
    /// tried …, telling …`).
    #[test]
    fn role_then_name_opens_the_subject() {
        for body in [
            "Judge Ann Doe tried to stop the barbs, telling Ray Kise to “control your client.”",
            "Mayor Ann Doe tried to stop the barbs, telling his lawyer Ray Kise to “control \
             your client” and threatening to end the hearing.",
        ] {
            assert_eq!(who(body), ["Ann Doe"], "{body}");
        }
    }

    /// Issue 21: laws and texts do not speak; epithets are no part of a name.
    #[test]
    fn texts_do_not_speak_and_epithets_drop() {
        assert_eq!(
            who("The Constitution says “no person shall be held to answer” without a jury."),
            [""]
        );
        assert_eq!(
            who("“Lyin Ted Cruz is done,” said Lyin Ted Cruz’s rival. Later, Lyin Ted Cruz said “no.”"),
            ["", "Ted Cruz"]
        );
    }
}
