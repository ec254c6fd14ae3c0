//! Speech frames around one quote and the speaker they name: after it (`“…,” Kofman said`,
//! `“…,” said Kofman`, `“…” — Kofman`) or before it in its sentence (`Kofman said the
//! defence “…”`, `According to Kofman, “…”`), and the subject of a speech verb.

use super::names::{
    acronym, kind_of, listed, name_runs, name_word, party_tag, strip_possessive, trailing_name,
};
use super::non_speech::NOT_JUDGING_AS;
use super::phrases::{
    aside, impersonal, is_ly, is_pronoun, leading_np, name_then_circumstance, noun_phrase, np_end,
    organisation, plain_np, seated_office, trailing_np, Np, SPOKESPEOPLE,
};
use super::slavic::{
    is_according_to, is_as, is_gerund, is_inverting_verb, is_role_noun, is_speech_verb,
};
use super::spans::SpeakerKind;
use super::tokens::{
    ends_sentence, is_possessive, segments, strip_brackets, Kind, Tok, MAX_WINDOW,
};
use super::words::{
    ADVERBS, AUXILIARIES, CONJUNCTIONS, DOCUMENTS, INVERTIBLE, ISSUE_VERBS, NP_BREAKS, ORG_NOUNS,
    RELATIONS, ROLE_NOUNS, ROLE_WORDS, TITLES,
};

/// A speaker found for a quote, before pronouns and short names are resolved.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Found {
    Np(Np),
    /// No frame around the quote: continue the previous speaker.
    Continue,
    /// A frame with a speaker we cannot name, or none at all.
    Nobody,
}

/// The words after a quote, up to the end of its sentence. Later quotes in the sentence stay
/// as single tokens (`“…,” Bill Doe, wearing “Vote Doe” pins, said`).
pub(super) fn after_window<'t, 'a>(toks: &'t [Tok<'a>], q: usize) -> &'t [Tok<'a>] {
    if ends_sentence(toks, q) {
        return &[];
    }
    let mut end = q + 1;
    while end < toks.len() && end <= q + MAX_WINDOW && !ends_sentence(toks, end) {
        end += 1;
    }
    &toks[q + 1..end]
}

/// `“…,” Kofman said` / `“…,” said Kofman` / `“…,” according to Kofman` / `“…” — Kofman`.
pub(super) fn after_frame(window: &[Tok]) -> Option<Np> {
    let window = strip_brackets(window);
    let mut k = 0;
    let mut dash = false;
    while k < window.len() && window[k].kind == Kind::Punct {
        if window[k].is_punct('.') {
            return None;
        }
        dash |= window[k].text.starts_with(['—', '―', '–', '-']);
        k += 1;
    }
    let w = &window[k..];
    let first = w.first()?;
    if first.lower == "according" && w.get(1).is_some_and(|t| t.lower == "to")
        || w.get(1)
            .is_some_and(|t| is_according_to(first.lower, t.lower))
    {
        return Some(leading_np(&w[2..]));
    }
    // `“…,” the AP quoted Kim Jong Un as saying`: the one quoted.
    if let Some(q) = w.iter().take(8).position(|t| t.is(QUOTING)) {
        let a = q
            + 1
            + w[q + 1..]
                .iter()
                .take(10)
                .take_while(|t| t.is_word() && t.lower != "as")
                .count();
        let saying = w.get(a).is_some_and(|t| t.lower == "as")
            && w.get(a + 1).is_some_and(|t| t.lower == "saying");
        if let Some(np) = quoted_one(&w[..a]).filter(|_| saying) {
            return Some(np);
        }
    }
    if first.is_verb() {
        // Inverted: `said Kofman, the director of …`.
        let rest = &w[1..];
        if is_inverting_verb(first.lower) {
            if let Some(np) = slavic_after_verb(rest) {
                return Some(np);
            }
        }
        let segs = segments(rest);
        if let Some(np) = named_spokesperson(&segs) {
            return Some(np);
        }
        let np = segs.first().map_or(Np::Other, |s| leading_np(s));
        if np == Np::Other {
            if let Some(Np::Name(n)) = segs.get(1).and_then(|s| plain_np(s)) {
                return Some(Np::Name(n));
            }
            // `«…», — говорит собеседник агентства`: a role standing for the last person.
            if rest
                .first()
                .is_some_and(|t| t.is_word() && is_role_noun(t.lower))
            {
                return Some(Np::Pronoun(rest[0].lower.to_string()));
            }
            // `said in a statement`: the speaker is not after the verb.
            return None;
        }
        return Some(np);
    }
    if first.is(CONJUNCTIONS) {
        return None;
    }
    // `“…,” remembered Roy Doe`: an unlisted past tense, then a name.
    if first.text.starts_with(char::is_lowercase) && first.lower.ends_with("ed") {
        if let Some(np @ Np::Name(_)) = segments(&w[1..]).first().map(|s| leading_np(s)) {
            return Some(np);
        }
    }
    if w.iter()
        .take(40)
        .find(|t| t.is_verb())
        .is_some_and(|t| t.lower.ends_with("ing"))
    {
        // `“…,” he wrote, adding …` is fine, but a participle first is no frame.
        return None;
    }
    // A speech verb, or failing that a past tense right after a name (`an angry Doe
    // retorted`).
    let v = w.iter().take(40).position(Tok::is_verb).or_else(|| {
        let k = w.iter().take(8).position(|t| {
            t.is_word()
                && t.text.starts_with(char::is_lowercase)
                && t.lower.ends_with("ed")
                && !t.is_in(&NP_BREAKS)
        })?;
        matches!(trailing_np(&w[..k]), Np::Name(_)).then_some(k)
    });
    let Some(v) = v else {
        // `“…” ― Adriana Rodarte`: a signature after a dash, up to the next quote (a list
        // of signed quotes, one a line).
        if dash {
            let w = &w[..w
                .iter()
                .position(|t| matches!(t.kind, Kind::Quote(_)))
                .unwrap_or(w.len())];
            if let Some(np @ Np::Name(_)) = segments(w).first().and_then(|s| plain_np(s)) {
                return Some(np);
            }
            // `“…” — Donald J. Trump (@realDonaldTrump) June 1, 2016`: a post's signature,
            // its date after the name.
            let dated = |t: &Tok| {
                t.text.starts_with(|c: char| c.is_ascii_digit())
                    || t.is(&[
                        "january",
                        "february",
                        "march",
                        "april",
                        "may",
                        "june",
                        "july",
                        "august",
                        "september",
                        "october",
                        "november",
                        "december",
                    ])
            };
            if let Some(seg) = segments(w).first() {
                let end = seg.iter().position(dated).unwrap_or(0);
                let signed = seg[..end]
                    .iter()
                    .all(|t| t.capitalised() || t.is_punct('.'));
                if end > 0 && signed {
                    if let np @ Np::Name(_) = noun_phrase(&seg[..end]) {
                        return Some(np);
                    }
                }
            }
        }
        return None;
    };
    // `Kofman said`, `Kofman, an analyst, said`, `he added`, `a Trump aide, Jane Doe, said`.
    let segs = segments(&w[..v]);
    let first_seg = segs.first()?;
    if let Some(np) = plain_np(first_seg) {
        // `“…,” the former governor of Texas, Rick Perry, said`: a description, then the
        // name it gives.
        // (`Scott's niece, Marcia Price, said`, `Doe's lawyer, Jon Roe, said`: a relation
        // or a role of someone, then the name.)
        let head = first_seg.iter().rev().find(|t| t.is_word());
        let spokes = head.is_some_and(|t| t.is(SPOKESPEOPLE));
        let related = head.is_some_and(|t| {
            t.text.starts_with(char::is_lowercase)
                && (t.is_in(&RELATIONS) || t.is_in(&ROLE_NOUNS))
                && first_seg.iter().any(is_possessive)
        });
        let description = matches!(&np, Np::Pronoun(p) if !is_personal(p))
            || matches!(np, Np::SpokespersonOf(_))
            || spokes
            || related;
        if let (true, [_, second]) = (description, &segs[..]) {
            if let Some(name @ Np::Name(_)) = plain_np(second) {
                return Some(name);
            }
            // (`Scott's niece, state Del. Marcia Price, shouted`: the name at its end.)
            if let (true, np @ Np::Name(_)) = (related, trailing_np(second)) {
                return Some(np);
            }
        }
        return Some(np);
    }
    if let Some(np @ Np::Name(_)) = segs.get(1).and_then(|s| plain_np(s)) {
        if segs.len() == 2 {
            // `“…,” the Vatican spokesman, Federico Doe, told Vatican Radio`.
            return Some(np);
        }
    }
    // `“…” if she loses, said David Doe, an analyst`: the speaker after a late verb.
    if w[v - 1].is_punct(',') && (w[v].is_in(&INVERTIBLE) || is_speech_verb(w[v].lower)) {
        if let Some(np @ (Np::Name(_) | Np::Pronoun(_) | Np::SpokespersonOf(_))) =
            segments(&w[v + 1..]).first().map(|s| leading_np(s))
        {
            return Some(np);
        }
    }
    // `“…,” analysts Ida Berg and Emil Sand of the Institute for Science wrote`: joint
    // speakers, not the end of what they are of.
    if let Np::Name(n) = noun_phrase(first_seg) {
        if n.words.iter().any(|w| w == "and") {
            return Some(Np::Name(n));
        }
    }
    if segs.len() == 1 {
        return Some(seated_office(first_seg).unwrap_or_else(|| trailing_np(first_seg)));
    }
    if let Np::Name(n) = leading_np(first_seg) {
        return Some(Np::Name(n));
    }
    if let Some(np @ Np::Name(_)) = segs.get(1).and_then(|s| plain_np(s)) {
        return Some(np);
    }
    // `“…” was the simplest reason they left, he said.`: the quote opens a sentence whose
    // frame ends it, its subject alone between the last comma and the verb.
    if let Some(np @ (Np::Name(_) | Np::Pronoun(_) | Np::SpokespersonOf(_))) =
        segs.last().and_then(|s| plain_np(s))
    {
        return Some(np);
    }
    Some(Np::Other)
}

/// The first full name (two words or more) among the words after a Slavic speech verb, up to
/// a quote or `что`/`що`: `заявил президент Европейского совета Дональд Туск на …`,
/// `сказал РБК-Украина представитель комитета США Андрей Добрянский`.
pub(super) fn first_full_name(toks: &[Tok]) -> Option<Np> {
    let stop = toks
        .iter()
        .position(|t| matches!(t.kind, Kind::Quote(_)) || t.is(&["что", "що", "чтобы", "щоб"]))
        .unwrap_or(toks.len());
    let toks = &toks[..stop];
    name_runs(toks)
        .filter(|(start, end)| end - start >= 2)
        .find_map(|(_, end)| trailing_name(&toks[..end]).filter(|(_, n)| n.words.len() >= 2))
        .map(|(_, name)| Np::Name(name))
}

/// The speaker after a Slavic speech verb: a pronoun or full name right after it, else the
/// first full name in the words after it, else a single name right after it.
pub(super) fn slavic_after_verb(after: &[Tok]) -> Option<Np> {
    let after = &after[..after.len().min(MAX_WINDOW)];
    let lead = segments(after).first().map(|s| leading_np(s));
    match lead {
        Some(np @ (Np::Pronoun(_) | Np::SpokespersonOf(_))) => Some(np),
        Some(Np::Name(n)) if n.words.len() >= 2 => Some(Np::Name(n)),
        lead => first_full_name(after).or(lead.filter(|np| matches!(np, Np::Name(_)))),
    }
}

/// `The Justice Department issued a statement Friday.` before a quote: the verb that puts
/// out a document (a statement, a letter, a memo), whose subject speaks in the quotes that
/// follow as if it said them.
pub(super) fn issues_document(sentence: &[Tok]) -> Option<usize> {
    sentence.iter().enumerate().position(|(k, t)| {
        t.is_in(&ISSUE_VERBS)
            && sentence[k + 1..]
                .iter()
                .take(4)
                .take_while(|t| t.is_word())
                .any(|t| t.is_in(&DOCUMENTS) && t.text.starts_with(char::is_lowercase))
    })
}

/// Nouns for what someone said, whose owner speaks the quote they introduce (`Comey's
/// conclusion that …`).
const SAYING_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "assertion",
    "conclusion",
    "remark",
    "remarks",
    "comment",
    "comments",
    "argument",
    "warning",
    "suggestion",
    "insistence",
    "promise",
    "pledge",
    "vow",
    "accusation",
    "prediction",
    "contention",
    "characterization",
    "description",
    "boast",
    "admission",
    "response",
    "reply",
    "answer",
    "message",
    "retort",
    "verdict",
];

/// `FBI Director James Comey's conclusion that her actions were “…”`, `Trump's claim that
/// the vote was “…”`: the owner of the last noun of saying before the quote, when the noun
/// is followed by `that` or `of` or by the quote itself.
fn saying_owner(prefix: &[Tok]) -> Option<Np> {
    let k = prefix.iter().rposition(|t| t.is(SAYING_NOUNS))?;
    let next = prefix.get(k + 1);
    // (`Warren's response was blunt: “No.”`, `Doe's message to voters is simple: “…”`: the
    // noun, a copula and a few words, a colon.)
    let rest = &prefix[k + 1..];
    let copula = matches!(rest, [.., colon] if colon.text == ":")
        && rest.len() <= 8
        && rest[..rest.len() - 1].iter().all(Tok::is_word)
        && rest.iter().take(4).any(|t| t.is(&["was", "is"]));
    // (`Doe's verdict: “…”`: the noun, then the colon.)
    let colon = next.is_some_and(|t| t.text == ":") && k + 2 == prefix.len();
    if !(next.is_none_or(|t| t.is(&["that", "of"])) || copula || colon) || k == 0 {
        return None;
    }
    // `Her reply: “…”`, `His answer was simple: “…”`: whoever the pronoun stands for (not
    // before `that` or `of`: `his claim that people would “…”` is often the writer's
    // paraphrase of someone the paragraph does not name last).
    let pronoun = match prefix[k - 1].lower {
        _ if !(colon || copula) => None,
        "her" => Some("she"),
        "his" => Some("he"),
        "their" => Some("they"),
        // (Not `its`: `The jury deliberated. Its verdict: “…”` is no organisation named.)
        _ => None,
    };
    if let Some(p) = pronoun {
        return Some(Np::Pronoun(p.to_string()));
    }
    if !is_possessive(&prefix[k - 1]) {
        return None;
    }
    let (_, mut name) = trailing_name(&prefix[..k])?;
    let last = name.words.last_mut()?;
    *last = strip_possessive(last).to_string();
    Some(Np::Name(name))
}

/// Verbs of quoting someone (`quoted Ann Doe as saying`).
const QUOTING: &[&str] = &["quoted", "quoting", "quotes", "quote", "cited", "citing"];

/// The one a verb of quoting quotes, from the words before `as saying` (`the paper quoted
/// GM vice-president Alfred Warren`): who quotes them does not speak. None for a passive
/// (`Doe was quoted in the Star and Tribune`), whose subject is the one quoted.
fn quoted_one(toks: &[Tok]) -> Option<Np> {
    let q = toks.iter().rposition(|t| t.is(QUOTING))?;
    let (first, _) = toks[q + 1..].split_first()?;
    let passive = q > 0 && toks[q - 1].is_in(&AUXILIARIES) || first.is_in(&NP_BREAKS);
    match trailing_np(&toks[q + 1..]) {
        np @ Np::Name(_) if !passive => Some(np),
        _ => None,
    }
}

/// The last speech verb before a quote in its sentence, and who it belongs to.
pub(super) fn before_frame(prefix: &[Tok]) -> Option<Found> {
    // A Slavic interview's speaker line (`Керівник центру Світлана Гук:`) stands in the
    // paragraph before its quote.
    let mut prefix = prefix;
    if prefix.iter().any(|t| t.is_word() && !t.text.is_ascii()) {
        while let [rest @ .., last] = prefix {
            if last.kind != Kind::Para {
                break;
            }
            prefix = rest;
        }
    }
    let prefix = strip_brackets(prefix);
    // `According to Kofman, “…”`; but in `According to pool reports, Obama said “…”` the
    // speech verb after names the speaker.
    if let Some(k) = prefix.windows(2).rposition(|w| {
        w[0].lower == "according" && w[1].lower == "to" || is_according_to(w[0].lower, w[1].lower)
    }) {
        let verb_after = prefix[k + 2..].iter().any(Tok::is_verb);
        if !verb_after {
            return Some(Found::Np(leading_np(&prefix[k + 2..])));
        }
    }
    // `Heading - Pollster Ann Doe: “…”`: a plain name right before a colon.
    if let Some((last, rest)) = prefix.split_last() {
        if last.is_punct(':') {
            let mut from = rest
                .iter()
                .rposition(|t| t.kind != Kind::Word)
                .map_or(0, |p| p + 1);
            // `Continued Stone: “…”`, `Added Doe:`: a speech verb opening the line is no
            // part of the name.
            if rest.len() > from + 1 && rest[from].capitalised() && rest[from].is_verb() {
                from += 1;
            }
            if let Some(np @ Np::Name(_)) = plain_np(&rest[from..]) {
                return Some(Found::Np(np));
            }
        }
    }
    if !prefix.iter().any(Tok::is_verb) {
        if let Some(found) = judged_as(&prefix) {
            return Some(found);
        }
    }
    // (Not when a speech verb in the sentence tells whose the words are: `Frazier said
    // Rubio's claim was “simply not true”`.)
    if !prefix.iter().any(Tok::is_verb) {
        if let Some(np) = saying_owner(&prefix) {
            return Some(Found::Np(np));
        }
    }
    let Some(v) = prefix.iter().rposition(Tok::is_verb) else {
        // `Pollster Ann Doe: “…”`: a name and a colon.
        let (last, rest) = prefix.split_last()?;
        if !last.is_punct(':') {
            return None;
        }
        let from = rest
            .iter()
            .rposition(|t| t.kind != Kind::Word && !t.is_punct('.'))
            .map_or(0, |p| p + 1);
        // A person named with a title or role at the end of a clause (`… doesn’t surprise
        // Republican pollster Daron Shaw: “…”`), or after `from` (`More from Doe: “…”`).
        let tail = &rest[from..];
        let np_start = tail
            .iter()
            .rposition(|t| t.is_in(&NP_BREAKS) || t.is_verb())
            .map_or(0, |p| p + 1);
        let after_from = np_start > 0 && tail[np_start - 1].lower == "from";
        // `Керівник центру Світлана Гук: «…»`: a Slavic speaker line ends in the name.
        if tail.iter().any(|t| t.is_word() && !t.text.is_ascii()) {
            if let Some((_, name)) = trailing_name(tail).filter(|(_, n)| n.words.len() >= 2) {
                return Some(Found::Np(Np::Name(name)));
            }
        }
        // `The State Department released a statement: “…”`: who puts out the document.
        if let Some(v) = issues_document(rest) {
            return Some(subject(&rest[..v]));
        }
        return match trailing_np(tail) {
            Np::Name(n) if n.role.is_some() || after_from => Some(Found::Np(Np::Name(n))),
            // `Alito cut her off: “…”`: a sentence about a person, introducing the quote
            // with a colon, introduces that person's words.
            _ => match sentence_subject(rest) {
                found @ Found::Np(Np::Name(_)) => Some(found),
                _ => None,
            },
        };
    };
    // Subject: words since the previous quote or the sentence start.
    let from = prefix[..v]
        .iter()
        .rposition(|t| matches!(t.kind, Kind::Quote(_)))
        .map_or(0, |p| p + 1);
    let region = &prefix[from..v];
    if !region.iter().any(Tok::is_word) {
        // `Said Kofman: “…”` or `…,” Kofman said, adding “…”`.
        if from == 0 && !prefix[v].lower.ends_with("ing") {
            let segs = segments(&prefix[v + 1..]);
            return segs.first().map(|s| Found::Np(leading_np(s)));
        }
        // `Kerpen needled the CNN “reporter,” saying, “…”`: the participle shares the
        // subject of its sentence.
        if prefix[v].lower.ends_with("ing") {
            if let found @ Found::Np(Np::Name(_) | Np::Pronoun(_) | Np::SpokespersonOf(_)) =
                sentence_subject(&prefix[..v])
            {
                return Some(found);
            }
        }
        return Some(Found::Continue);
    }
    // (`… and repeatedly says`, `…, but now said`: an adverb before the verb is not what
    // links it.)
    let mut words = region.iter().rev().filter(|t| {
        t.is_word()
            && !is_ly(t)
            && !t.is(&[
                "now", "later", "also", "again", "still", "just", "even", "once", "soon",
            ])
    });
    let tail = words.next();
    // (`Mills then writes`: `then` after a name is an adverb of its subject, no link.)
    let then_after_name = tail.is_some_and(|t| t.lower == "then")
        && words.next().is_some_and(|t| t.capitalised() && !t.not_name);
    // `Как заявил Путин, «…»`, `як зазначив Зеленський, «…»`: the speaker follows the verb.
    if v > 0 && prefix[v - 1].is_word() && is_as(prefix[v - 1].lower) {
        let segs = segments(&prefix[v + 1..]);
        return segs.first().map(|s| Found::Np(leading_np(s)));
    }
    if prefix[v].lower.ends_with("ing") {
        // `…, with Trump reportedly yelling: “…”`.
        let mut end = v;
        while end > from && (is_ly(&prefix[end - 1]) || prefix[end - 1].is_in(&ADVERBS)) {
            end -= 1;
        }
        let mut start = end;
        while start > from && (name_word(&prefix[start - 1]) || prefix[start - 1].is_in(&TITLES)) {
            start -= 1;
        }
        if start < end && start > 0 && prefix[start - 1].lower == "with" {
            if let np @ Np::Name(_) = noun_phrase(&prefix[start..end]) {
                return Some(Found::Np(np));
            }
        }
    }
    // `prompted Engoron to quip the questioning sounded like a “broken record”`, `led her to
    // say`: the one made to speak speaks, not the sentence's subject.
    if let Some(np) = made_to_speak(&prefix[from..v]) {
        return Some(Found::Np(np));
    }
    // `The Detroit Free Press quoted GM vice-president Alfred Warren as saying “…”`.
    if v > from + 1 && prefix[v].lower == "saying" && prefix[v - 1].lower == "as" {
        if let Some(np) = quoted_one(&prefix[from..v - 1]) {
            return Some(Found::Np(np));
        }
    }
    // `went on to say “…”`, `Putin veered close to an admission, saying “…”`, `Carson did
    // not name them, but told supporters “…”`, `…процитировал Коран, заявив, что «…»`: the
    // verb shares the subject of the sentence.
    let gerund = prefix[v].lower.ends_with("ing")
        || is_gerund(prefix[v].lower, v > 0 && prefix[v - 1].is_punct(','));
    let linked = tail.is_some_and(|t| t.is(&["and", "but", "then", "to"])) && !then_after_name;
    // `Ryan and Trump will meet next week, Spicer said, adding, “…”`: a participle after a
    // speech verb whose subject stands alone between commas shares that subject, not the
    // reported clause's.
    if gerund {
        if let Some(np) = earlier_speaker(&prefix[..v]) {
            return Some(Found::Np(np));
        }
    }
    let found = if gerund || linked {
        match sentence_subject(&prefix[..v]) {
            Found::Nobody if from > 0 => return Some(Found::Continue),
            // `…, such as when Cruz knocked Rubio on trade and called him a “moderate”`: a
            // verb joined to one whose subject opens a clause (`when`, `that`) inside the
            // sentence.
            Found::Nobody | Found::Np(Np::Other) if linked => {
                clause_subject(region).map_or(Found::Nobody, Found::Np)
            }
            found => found,
        }
    } else {
        let found = subject(region);
        // `Об этом заявил Дональд Туск, что «…»`: Slavic word order puts the speaker after
        // the verb, as often as not.
        if is_inverting_verb(prefix[v].lower) {
            return Some(inverted(found, &prefix[v + 1..]));
        }
        found
    };
    // `Ryan said the spate of shootings demands that all engage in “more listening”`, `the
    // mayor also said it was too early to tell, and there was “no evidence”`: a verb whose
    // subject is no one named (nor a person described), inside what an earlier speech verb
    // reports, reports that earlier speaker's words.
    let described = match &found {
        Found::Np(Np::Other) | Found::Nobody => true,
        // `saying the administration believes …`: an organisation described, not named.
        Found::Np(Np::Pronoun(p)) => impersonal(p),
        Found::Np(Np::SpokespersonOf(_)) => true,
        _ => false,
    };
    if described {
        if let Some(v0) = region.iter().rposition(Tok::is_verb) {
            let inner = &region[v0 + 1..];
            let person = inner
                .iter()
                .any(|t| t.is_in(&TITLES) || t.is_in(&ROLE_NOUNS) || t.is(SPOKESPEOPLE));
            if !person {
                if let Some(
                    outer @ Found::Np(Np::Name(_) | Np::Pronoun(_) | Np::SpokespersonOf(_)),
                ) = before_frame(&prefix[..from + v0 + 1])
                {
                    return Some(outer);
                }
            }
        }
    }
    Some(found)
}

/// `Reid has been pounding Trump as a “con artist”`, `Trump admires Putin as a “strong
/// leader”`: a person who casts someone as something voices the words; not a passive
/// (`the hearings were seen as a “witch hunt”`) nor a role (`served as a “bridge”`).
fn judged_as(prefix: &[Tok]) -> Option<Found> {
    let words: Vec<&Tok> = prefix.iter().filter(|t| t.is_word()).collect();
    let mut end = words.len();
    if end > 0 && words[end - 1].is(&["a", "an", "the"]) {
        end -= 1;
    }
    let [.., before, as_] = &words[..end] else {
        return None;
    };
    if as_.lower != "as" || before.is(NOT_JUDGING_AS) || !prefix.last()?.is_word() {
        return None;
    }
    let passive = words.iter().enumerate().any(|(i, t)| {
        t.is(&[
            "is", "was", "were", "are", "be", "been", "being", "’s", "'s",
        ]) && words[i + 1..]
            .iter()
            .find(|w| !is_ly(w) && !w.is_in(&ADVERBS))
            .is_none_or(|w| !w.lower.ends_with("ing"))
    });
    if passive {
        return None;
    }
    match sentence_subject(prefix) {
        found @ Found::Np(Np::Name(_) | Np::Pronoun(_) | Np::SpokespersonOf(_)) => Some(found),
        _ => None,
    }
}

/// Words naming a time that may stand between a subject and its verb.
pub(super) const TIMES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "weekend",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "yesterday",
    "today",
    "tonight",
];

/// Words that make a time of a word of [`TIMES`] before it (`last week`, `on Tuesday`).
const TIME_MODIFIERS: &[&str] = &["last", "this", "next", "on", "earlier", "late", "early"];

/// Spans of time that `later` follows (`Hours later,`, `A few days later,`).
const DURATIONS: &[&str] = &[
    "minutes", "hours", "days", "weeks", "months", "years", "moments", "minute", "hour", "day",
    "a", "an", "few", "several", "two", "three",
];

/// Whether a segment only names a time (`Monday`, `late on Tuesday`, `earlier this week`,
/// `later that day`, `Hours later`).
fn time_phrase(seg: &[Tok]) -> bool {
    let words = || seg.iter().filter(|t| t.is_word());
    let later = matches!(words().next_back(), Some(t) if t.lower == "later")
        && words().all(|t| t.is(DURATIONS) || t.lower == "later");
    later
        || words().any(|t| t.is(TIMES))
            && words().all(|t| t.is(TIMES) || t.is(TIME_MODIFIERS) || t.is(&["that", "later"]))
}

/// `seg` without a reflexive (`herself`) or a time at its end (`last week`, `on Tuesday`,
/// `Tuesday night`, `earlier this month`), when words are left before it.
fn without_time<'t, 'a>(seg: &'t [Tok<'a>]) -> &'t [Tok<'a>] {
    let mut end = seg.len();
    // `as Montoya-Lewis herself said`: a reflexive after the subject is no part of it.
    if end > 1 && seg[end - 1].is(&["himself", "herself", "themselves", "itself"]) {
        end -= 1;
    }
    while end > 1 && seg[end - 1].is(TIMES) {
        end -= 1;
        while end > 1 && (seg[end - 1].is(TIMES) || seg[end - 1].is(TIME_MODIFIERS)) {
            end -= 1;
        }
    }
    &seg[..end]
}

/// The object of a causative verb before `to` and a speech verb (`prompted Engoron to`,
/// `led him to`), from the words before the speech verb.
fn made_to_speak(before: &[Tok]) -> Option<Np> {
    let [rest @ .., to] = before else {
        return None;
    };
    if to.lower != "to" {
        return None;
    }
    let mut start = rest.len();
    while start > 0 && (name_word(&rest[start - 1]) || rest[start - 1].is_in(&TITLES)) {
        start -= 1;
    }
    let (object, verb) = if start < rest.len() {
        (noun_phrase(&rest[start..]), start.checked_sub(1)?)
    } else {
        let k = rest.len().checked_sub(1)?;
        let pronoun = match rest[k].lower {
            "him" => "he",
            "her" => "she",
            "them" => "they",
            _ => return None,
        };
        (Np::Pronoun(pronoun.to_string()), k.checked_sub(1)?)
    };
    if !rest[verb].is(CAUSATIVES) {
        return None;
    }
    matches!(object, Np::Name(_) | Np::Pronoun(_) | Np::SpokespersonOf(_)).then_some(object)
}

/// Verbs that make someone do something (`prompted Doe to say`).
const CAUSATIVES: &[&str] = &[
    "prompted",
    "prompting",
    "prompts",
    "led",
    "leading",
    "leads",
    "caused",
    "causing",
    "forced",
    "forcing",
    "pushed",
    "spurred",
    "inspired",
    "drove",
    "provoked",
    "compelled",
    "moved",
];

/// The speaker of a Slavic speech verb, from its `subject` and the words after it: a full
/// name after the verb (`Про те… розповів міністр Максим Степанов`) beats a subject that is
/// no pronoun; a subject that names nobody gives way to any name after the verb.
pub(super) fn inverted(subject: Found, after: &[Tok]) -> Found {
    let after_np = slavic_after_verb(after);
    match (subject, after_np) {
        (s @ Found::Np(Np::Pronoun(_) | Np::SpokespersonOf(_)), _) => s,
        (_, Some(Np::Name(n))) if n.words.len() >= 2 => Found::Np(Np::Name(n)),
        (s @ Found::Np(Np::Name(_)), _) => s,
        (_, Some(np @ Np::Name(_))) => Found::Np(np),
        (s, _) => s,
    }
}

/// The subject of a sentence: the noun phrase opening its first part that is not an aside
/// (`In a speech, Trump said …` → Trump).
pub(super) fn sentence_subject(toks: &[Tok]) -> Found {
    // `Jason Chaffetz (R-Utah) and Bob Goodlatte (R-Va.) sent …`: a party tag is part of
    // the name before it, not an aside that ends the subject.
    if let Some(untagged) = without_party_tags(toks) {
        return sentence_subject(&untagged);
    }
    let segs = segments(toks);
    for (i, seg) in segs.iter().enumerate() {
        // `And Alley is far from …`, `Plus, Alley has …`: a conjunction opening the sentence
        // is no part of its subject.
        let seg: &[Tok] = match *seg {
            [first] if first.is(LINKING) => continue,
            [first, ref rest @ ..] if i == 0 && first.is(LINKING) => rest,
            // `Reached by POLITICO, Bennett denied …`, `Speaking to reporters at the Jon Roe
            // briefing room, the president said …`: a participle opening the sentence (one in
            // `-ing` before a preposition or an article only: not `Manning left the court`,
            // `Beijing hit back`, `Presiding judge Ann Doe`).
            [first, second, ..]
                if i == 0
                    && segs.len() > 1
                    && second.text.starts_with(char::is_lowercase)
                    && (first.lower.ends_with("ed")
                        || first.lower.ends_with("ing")
                            && (second.is_in(&NP_BREAKS)
                                || second.is(&[
                                    "the", "a", "an", "his", "her", "their", "its", "our", "up",
                                    "out", "back", "down", "off",
                                ]))) =>
            {
                continue
            }
            _ => seg,
        };
        // `Also Monday, Goodlatte and …`, `Late on Tuesday, …`: a time opening the sentence.
        if i == 0 && segs.len() > 1 && time_phrase(seg) {
            continue;
        }
        // (`The Pentagon released a report`, `The SEC has charged …`: an article before an
        // organisation's name opens the subject, whatever its verb; not `The Wisconsin
        // Republican has said`, `The Manila Stock Exchange index rose`.)
        // (`The Sanders campaign sued …`: a person's campaign or administration, read
        // whole.)
        let mut campaign = None;
        let the_name = matches!(seg, [the, name, ..] if the.lower == "the" && name_word(name)) && {
            let run = 1 + seg[1..].iter().take_while(|t| name_word(t)).count();
            let last = &seg[run - 1];
            let noun = usize::from(seg.get(run).is_some_and(|t| t.is(ORG_NOUNS)));
            let organisation = kind_of(last.text, false) == SpeakerKind::Organisation
                || run == 2 && acronym(last.text)
                || noun == 1;
            let verb = seg.get(run + noun).is_some_and(|t| {
                t.is_word()
                    && t.text.starts_with(char::is_lowercase)
                    && (t.lower.ends_with("ed") || t.is_in(&AUXILIARIES))
            });
            if organisation && verb && noun == 1 {
                campaign = Some(run + 1);
            }
            organisation && verb
        };
        if aside(seg) && !the_name && !seg.iter().any(Tok::is_verb) {
            // A long clause, then a name alone between commas: the name is in apposition
            // to the clause's last words (`The duchess revealed that she wrote to a friend
            // of his mother, Princess Diana, to …` is not about Diana).
            let long = seg.iter().filter(|t| t.is_word()).count() > 10;
            if long
                && segs.get(i + 2).is_some()
                && segs.get(i + 1).and_then(|s| plain_np(s)).is_some()
            {
                return Found::Nobody;
            }
            continue;
        }
        // `At a rally in Portsmouth, N.H., on Tuesday, Senator …`: the state after a place
        // in an aside is part of the aside.
        let place_state = i > 0
            && i + 1 < segs.len()
            && aside(segs[i - 1])
            && segs[i - 1].last().is_some_and(Tok::capitalised)
            && matches!(seg, [t] if t.is_word() && t.capitalised());
        // `On July 6, 2015, Sanders …`: the year of a date in an aside.
        let year = i > 0
            && aside(segs[i - 1])
            && matches!(seg, [t] if t.text.len() == 4 && t.text.chars().all(|c| c.is_ascii_digit()));
        if place_state || year {
            continue;
        }
        if let Some(np) = named_spokesperson(&segs[i..]) {
            return Found::Np(np);
        }
        // (The article read apart, as the name's own phrase would not take it.)
        let np = if let Some(end) = campaign {
            noun_phrase(&seg[..end])
        } else if the_name {
            leading_np(&seg[1..])
        } else {
            leading_np(seg)
        };
        return match np {
            // `Trump’s state director, Mike Rubino, reached out, writing: “…”`; not a name
            // at the end of a clause (`The duchess revealed that she reached out to a friend
            // of Harry’s mother, Princess Diana, to …`).
            Np::Other if seg.len() > 6 || seg.iter().any(Tok::is_verb) => Found::Nobody,
            Np::Other => match segs.get(i + 1).and_then(|s| plain_np(s)) {
                Some(np @ Np::Name(_)) => Found::Np(np),
                _ => Found::Nobody,
            },
            np => Found::Np(np),
        };
    }
    Found::Nobody
}

/// `toks` without the bracketed party tags after names (`(R-Utah)`, `(D-Md.)`), or `None`
/// when there are none.
fn without_party_tags<'a>(toks: &[Tok<'a>]) -> Option<Vec<Tok<'a>>> {
    let tag_at = |k: usize| {
        toks[k].is_punct('(')
            && toks.get(k + 1).is_some_and(party_tag)
            && toks.get(k + 2).is_some_and(|t| t.is_punct(')'))
    };
    let first = (0..toks.len()).find(|&k| tag_at(k))?;
    let mut out = toks[..first].to_vec();
    let mut k = first;
    while k < toks.len() {
        if tag_at(k) {
            k += 3;
        } else {
            out.push(toks[k]);
            k += 1;
        }
    }
    Some(out)
}

/// The speaker of the last speech verb of `toks` when that verb and its subject make a
/// clause of their own at the end, between commas or after a quote (`…, Spicer said,`,
/// `“…,” Lewandowski added,`): the one a participle after it (`adding, “…”`) goes on with.
fn earlier_speaker(toks: &[Tok]) -> Option<Np> {
    let end = toks.len() - usize::from(toks.last().is_some_and(|t| t.is_punct(',')));
    let w = end.checked_sub(1)?;
    let verb = &toks[w];
    if !verb.is_verb() || verb.lower.ends_with("ing") {
        return None;
    }
    let start = toks[..w]
        .iter()
        .rposition(|t| t.is_punct(',') || matches!(t.kind, Kind::Quote(_)))?
        + 1;
    match plain_np(&toks[start..w])? {
        np @ (Np::Name(_) | Np::Pronoun(_)) => Some(np),
        _ => None,
    }
}

/// `a spokeswoman for Exxon Corp, Jane Doe`: the spokesperson named after the organisation
/// speaks, not the organisation.
fn named_spokesperson(segs: &[&[Tok]]) -> Option<Np> {
    let [first, second, ..] = segs else {
        return None;
    };
    if !first.iter().any(|t| t.is(SPOKESPEOPLE)) {
        return None;
    }
    match plain_np(second)? {
        Np::Name(n) if kind_of(&n.words.join(" "), n.person) == SpeakerKind::Person => {
            Some(Np::Name(n))
        }
        _ => None,
    }
}

/// Words that link a sentence to the one before, never its subject.
const LINKING: &[&str] = &["and", "but", "or", "so", "yet", "plus", "also", "still"];

/// A name without the place or organisation after it (`Sen. Marco Rubio of Florida`, `Hal
/// Brenner of Kettering`): the words before a short run of capitalised words after `of`,
/// `from` or `in`.
fn without_place<'s, 'a>(seg: &'s [Tok<'a>]) -> &'s [Tok<'a>] {
    if let Some(p) = seg.iter().rposition(|t| t.is(&["of", "from", "in"])) {
        let place = &seg[p + 1..];
        let short = place.iter().filter(|t| t.is_word()).count() <= 3;
        let after_name = p > 0 && seg[p - 1].capitalised();
        if short && after_name && place.iter().all(|t| t.capitalised() || !t.is_word()) {
            return &seg[..p];
        }
    }
    seg
}

/// Whether a segment opens with a lower-case word (other than a pronoun): a description.
fn lower_start(seg: &[Tok]) -> bool {
    seg.iter()
        .find(|t| t.is_word())
        .is_some_and(|t| t.text.starts_with(char::is_lowercase) && !is_pronoun(t))
}

/// Whether the word a frame's [`Np::Pronoun`] holds is a personal pronoun (`he`, `they`),
/// not the noun of a description (`governor` for `the governor`).
fn is_personal(p: &str) -> bool {
    ["he", "she", "they", "it", "we", "i", "you"].contains(&p)
}

/// The subject of a speech verb from the words before it: the noun phrase next to the verb,
/// or, when that is a description (`Kofman, an analyst at CNA, said`), a plain noun phrase
/// before it.
/// The name (or `he`, `she`) opening the last clause of `region` after `when`, `because`,
/// `so … that` (…): `Cruz` of `such as when Cruz knocked Rubio on trade and`, `he` of `Where he
/// used to`; followed by a word in lower case, its verb.
fn clause_subject(region: &[Tok]) -> Option<Np> {
    // (`that` only after `so` or `such`, `so subdued that Trump was prompted to say`: not a
    // reported clause's subject, `Democrats argued that Trump had overstepped and vowed`.)
    let opens = (0..region.len()).rev().find(|&k| {
        let t = &region[k];
        t.is(&["when", "where", "while", "because", "although", "though"])
            || t.lower == "that"
                && region[k.saturating_sub(3)..k]
                    .iter()
                    .any(|t| t.is(&["so", "such"]))
    })?;
    let rest = &region[opens + 1..];
    let end = np_end(rest, 0);
    let np = noun_phrase(&rest[..end]);
    let verb = rest
        .get(end)
        .is_some_and(|t| t.is_word() && t.text.starts_with(char::is_lowercase));
    let subject = match &np {
        Np::Name(_) => true,
        Np::Pronoun(p) => matches!(p.as_str(), "he" | "she"),
        _ => false,
    };
    (subject && verb).then_some(np)
}

pub(super) fn subject(region: &[Tok]) -> Found {
    let segs = segments(region);
    let Some((&last, earlier)) = segs.split_last() else {
        return Found::Nobody;
    };
    // `Mr. Ruano last week said`, `Jon Doe on Tuesday said`: a time between the subject and
    // its verb is no part of the subject.
    let last = without_time(last);
    let mut np = trailing_np(last);
    // (`Thompson, commenting in the annual report, said`: a document at the end of an
    // aside is where, not who.)
    let aside_document = matches!(&np, Np::Pronoun(p) if DOCUMENTS.contains(p.as_str()))
        && last
            .iter()
            .find(|t| t.is_word())
            .is_some_and(|t| t.lower != "the");
    if aside_document {
        np = Np::Other;
    }
    // (`Hal Brenner of Kettering, the region's biggest bank, warned`: a description after a
    // person's name describes where they work.)
    let described_person = |seg: &[Tok]| match plain_np(without_place(seg)) {
        Some(Np::Name(n)) => (n.words.len() >= 2
            && kind_of(&n.words.join(" "), n.person) == SpeakerKind::Person)
            .then_some(Np::Name(n)),
        _ => None,
    };
    // (A description: a verbless segment opening with an article.)
    let describes = |seg: &[Tok]| {
        seg.iter()
            .find(|t| t.is_word())
            .is_some_and(|t| t.is(&["the", "a", "an"]))
            && !seg.iter().any(Tok::is_verb)
    };
    let pronoun = match &np {
        Np::Pronoun(p) => Some(p.as_str()),
        Np::SpokespersonOf(_) => Some("spokesperson"),
        _ => None,
    };
    if let (Some(p), Some(person)) = (pronoun, earlier.last()) {
        let description = !is_personal(p) && describes(last);
        if let Some(np) = described_person(person).filter(|_| description) {
            return Found::Np(np);
        }
    }
    if matches!(np, Np::Pronoun(_) | Np::SpokespersonOf(_)) {
        return Found::Np(np);
    }
    // `Giovanni Maria Vian, the editor in chief of the Vatican's newspaper, L'Osservatore
    // Romano, said`: a name after a description is what the description names (the paper);
    // the speaker is the person the description is about.
    if let ([.., person, description], Np::Name(_)) = (earlier, &np) {
        if describes(description) && !last.iter().any(Tok::is_verb) {
            if let Some(np) = described_person(person) {
                return Found::Np(np);
            }
        }
    }
    // `Chuck Schumer and House Speaker Nancy Pelosi said`, `The parents, Ann Doe and Jon
    // Roe, said`: joint speakers, each a whole name, not the last one. Before the verb, each
    // must open with a first name (`Shamrock Refining and Marketing Co said` is one company,
    // `Four Seasons Hotels Inc and Realty Partners said` no people).
    // (Also with words between them and the verb, `both`, `also`, `have`, or `Both` before:
    // `Ann Doe and Jon Roe both said`.)
    let mut pair = last;
    while let [rest @ .., t] = pair {
        let between = t.is_in(&ADVERBS) || is_ly(t) || t.is_in(&AUXILIARIES) || t.lower == "both";
        if !(t.is_word() && between) {
            break;
        }
        pair = rest;
    }
    if let [t, rest @ ..] = pair {
        if t.lower == "both" {
            pair = rest;
        }
    }
    let one_read = match &np {
        Np::Name(n) => !n.words.iter().any(|w| w == "and"),
        np => *np == Np::Other,
    };
    if one_read && pair.iter().any(|t| t.lower == "and") {
        if let Some(Np::Name(joint)) = plain_np(pair) {
            let mut people = joint.words.split(|w| w == "and");
            // (A first name alone is one too: `Prince Harry and Meghan Markle`, `Harry and
            // Meghan`.)
            let first_names = people.clone().count() >= 2
                && people.all(|p| !p.is_empty() && listed(&p[0]).is_some());
            if first_names {
                return Found::Np(Np::Name(joint));
            }
        }
    }
    // `angry about what he calls the “…”`: a pronoun right before the verb is its subject.
    let next_to_verb = last
        .iter()
        .rev()
        .find(|t| t.is_word() && !t.is_in(&ADVERBS) && !is_ly(t));
    if let Some(t) = next_to_verb.filter(|t| t.is(&["he", "she", "they", "it"])) {
        return Found::Np(Np::Pronoun(t.lower.to_string()));
    }
    // `Koichi Kane, Executive Vice President of Nomura Securities International, said`,
    // `Roger Doe, Diamond Shamrock vice president and chief executive of the spin-off, said`:
    // a person's full name, then a role (capitalised or not) that is its apposition.
    if let Some(Some(Np::Name(person))) = earlier.last().map(|seg| plain_np(seg)) {
        let role = last
            .iter()
            .any(|t| t.is_word() && (t.is_in(&TITLES) || t.is_in(&ROLE_NOUNS)));
        let full = person.words.len() >= 2 && !organisation(&person.words);
        if full && role && !last.iter().any(Tok::is_verb) {
            return Found::Np(Np::Name(person));
        }
    }
    // `Michael Seaman, who lives outside the state capital, Sacramento, said`: a name after
    // a relative clause belongs to it; the subject is the name before `who`.
    let opens_relative = |seg: &[Tok]| {
        seg.iter()
            .find(|t| t.is_word())
            .is_some_and(|t| t.is(&["who", "whose", "whom", "who's"]))
    };
    // `Critics note that Michael Bloomberg, who's thinking about running, said`: a relative
    // clause right before the verb, after a name that ends a clause's opening (`that`,
    // `when`; not `after`, `since`, which are prepositions as often).
    if opens_relative(last) {
        let clause_name = earlier.last().and_then(|seg| {
            let opens = seg.iter().rposition(|t| {
                t.is(&[
                    "that", "when", "while", "because", "although", "though", "as",
                ])
            })?;
            plain_np(&seg[opens + 1..])
        });
        if let Some(np @ Np::Name(_)) = clause_name {
            return Found::Np(np);
        }
    }
    if let Some(who) = earlier.iter().position(|seg| opens_relative(seg)) {
        if let Some(np @ Np::Name(_)) = who.checked_sub(1).and_then(|k| plain_np(earlier[k])) {
            if !last.iter().any(Tok::is_verb) {
                return Found::Np(np);
            }
        }
    }
    // `… a frosty relationship with Mitch McConnell, now the majority leader, who in 2010
    // said`: `who` opening the verb's clause is the person named last before it (past an
    // apposition), wherever that name stands in its clause.
    // (Only when the clause is `who` and when: in `Ann Doe, of Ashton, Md., who watched the
    // parade, said`, the verb is the sentence's.)
    let mut words = last.iter().filter(|t| t.is_word());
    let relative = words.next().is_some_and(|t| t.lower == "who")
        && words.all(|t| {
            is_ly(t)
                || t.is_in(&ADVERBS)
                || t.is(TIMES)
                || t.is(&[
                    "in", "on", "at", "during", "last", "this", "earlier", "later", "also",
                ])
                || t.is(&[
                    "has",
                    "had",
                    "have",
                    "then",
                    "once",
                    "recently",
                    "previously",
                ])
                || t.text.chars().all(|c| c.is_ascii_digit())
        });
    if relative {
        for seg in earlier.iter().rev() {
            if lower_start(seg) && !seg.iter().any(Tok::is_verb) {
                continue;
            }
            // (`Sen. Marco Rubio of Florida, who …`: the name before where they are from.)
            if let Some((_, name)) = trailing_name(without_place(seg)) {
                if kind_of(&name.words.join(" "), name.person) == SpeakerKind::Person {
                    return Found::Np(Np::Name(name));
                }
            }
            break;
        }
    }
    // A description next to the verb (`Tad Doe, Sanders's chief strategist, said`) is an
    // aside; the name is before it.
    let description = np == Np::Other && !last.iter().any(Tok::is_verb);
    if !earlier.is_empty() && (lower_start(last) || aside(last) || description) {
        for (k, seg) in earlier.iter().enumerate().rev() {
            // `Ann Doe, 59, of Ashton, Md., who …`: the state after a place is no name.
            let place_state = k > 0
                && matches!(seg.iter().filter(|t| t.is_word()).count(), 1)
                && earlier[k - 1]
                    .iter()
                    .find(|t| t.is_word())
                    .is_some_and(|t| t.is(&["of", "in", "from", "near"]))
                && earlier[k - 1].last().is_some_and(Tok::capitalised);
            // (`Ann Doe, 59, …`: an age.)
            let age = matches!(seg, [t] if t.text.chars().all(|c| c.is_ascii_digit()));
            if place_state || age {
                continue;
            }
            if let Some(np) = plain_np(seg) {
                return Found::Np(np);
            }
            // (`Minnesota state delegate Mary Susan, clad in a red cape …, said`: a name
            // after its role.)
            // (`Holger Schmieding of Berenberg, Germany's largest bank, warned`: where
            // from.)
            let words: Vec<&Tok> = seg.iter().filter(|t| t.is_word()).collect();
            let role_and_name = words.iter().enumerate().all(|(k, t)| {
                t.capitalised()
                    || t.lower == "of" && words.get(k + 1).is_some_and(|n| n.capitalised())
                    || t.is_in(&TITLES)
                    || t.is_in(&ROLE_NOUNS)
                    || t.is_in(&ROLE_WORDS)
                    || t.is_in(&RELATIONS)
            });
            if let (true, Np::Name(n)) = (role_and_name && !lower_start(seg), trailing_np(seg)) {
                return Found::Np(Np::Name(n));
            }
            if !aside(seg) && !lower_start(seg) {
                break;
            }
        }
    }
    match np {
        // `Trump in his announcement speech called …`: a name, then where or when, then the
        // verb.
        // (`… was complete when Trump in his announcement speech called …`: after the
        // word opening a clause.)
        // (Each from the left: `after` may also open the circumstance, `… when Ned Voss
        // after the count called …`.)
        Np::Other => name_then_circumstance(last)
            .or_else(|| {
                last.iter()
                    .enumerate()
                    .filter(|(_, t)| t.is(&["when", "as", "after", "because", "while", "that"]))
                    .find_map(|(k, _)| name_then_circumstance(&last[k + 1..]))
            })
            .map_or(Found::Nobody, Found::Np),
        np => Found::Np(np),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{found, who};

    /// Issue 21, ninth session: a relative clause between a speaker and the verb, when the
    /// speaker opens a clause after `that` (`It was three years ago that Michael Bloomberg,
    /// who's thinking about running, said it was “impossible”`); not the name after `after`.
    /// Issue 21, ninth session: a present participle opening the sentence is no subject,
    /// as a past one is not (`Reached by POLITICO, Bennett denied`).
    #[test]
    fn an_opening_participle_is_no_subject() {
        let body = "Ben Carson spoke on the radio.\n\nContinuing to explain his view, Carson \
                    rejected the notion, saying that if he “found something that was rotten, I \
                    would fix it.”";
        assert_eq!(who(body), ["Ben Carson"]);
    }

    #[test]
    fn a_verb_joined_to_one_whose_subject_opens_a_clause() {
        let body = "Ted Cruz and Marco Rubio have traded barbs, such as when Cruz knocked Rubio \
                    on trade and called him a “moderate,” a dig at a tea party darling.";
        assert_eq!(who(body), ["Ted Cruz"]);
        let body = "The debate was so subdued that Donald Trump was prompted to say, “So far, \
                    I cannot believe how civil it's been.”";
        assert_eq!(who(body), ["Donald Trump"]);
        // (`he` opening the clause, and a verb's plain form after `to`.)
        let body = "Tom Holm spoke on Tuesday.\n\nWhere he used to boast that he had \
                    beaten “the old guard,” on Tuesday night he said it was back.";
        assert_eq!(who(body), ["Tom Holm"]);
        // (Not the subject of a reported clause.)
        let body = "Democrats argued that Donald Trump had overstepped and vowed to “fight \
                    this in court.”";
        assert_eq!(who(body), [""]);
    }

    #[test]
    fn a_relative_clause_after_a_name_that_opens_a_clause() {
        let body = "It was three years ago that Michael Bloomberg, who's thinking about \
                    running, said it was “impossible” for anyone to win.";
        assert_eq!(who(body), ["Michael Bloomberg"]);
        let body = "Critics note that Ann Doe, who is running for mayor, said the plan was \
                    “a disaster” last year.";
        assert_eq!(who(body), ["Ann Doe"]);
        let body = "Donald Trump spoke on Tuesday.\n\nSpeaking after his daughter Ivanka, who \
                    has overseen the building, Trump said the project “shows how to get things \
                    done.”";
        assert_eq!(who(body), ["Donald Trump"]);
    }

    /// Issue 21: `questioned`, `is questioning` frame a quote like `asked`.
    #[test]
    fn questioning_is_speech() {
        assert_eq!(
            who("“What made him change?” Bret Tyne questioned."),
            ["Bret Tyne"]
        );
        assert_eq!(
            who("Ann Roe is questioning whether he would go “if it were held elsewhere.”"),
            ["Ann Roe"]
        );
    }

    /// Issue 21: a name, where or when, then the verb is the subject, also inside a clause
    /// (`… when Trump in his announcement speech called …`).
    #[test]
    fn name_then_circumstance_inside_a_clause() {
        assert_eq!(
            who(
                "The break was complete when Ned Voss in his first speech called the plan \
                 “a fraud” and left."
            ),
            ["Ned Voss"]
        );
        assert_eq!(
            who(
                "The group is such a presence that Ned Voss during a Sunday rally thanked its \
                 members “for their support.”"
            ),
            ["Ned Voss"]
        );
        assert_eq!(
            who("The vote was over when Ned Voss after the count called the plan “a fraud.”"),
            ["Ned Voss"]
        );
    }

    /// Issue 21: an aside of a description and a name, or of a long clause, stands between
    /// the speaker and the verb.
    #[test]
    fn speaker_before_a_long_aside() {
        assert_eq!(
            who(
                "Tomas Edel Varga, the editor of the city's oldest paper, The Morning Ledger, \
                 said every mayor was “a builder and a gambler.”"
            ),
            ["Tomas Edel Varga"]
        );
        assert_eq!(
            who(
                "Ohio state delegate Ann Ruddle, in a cape with lights that spelled the name \
                 Carter, said the meeting could be a “failure” after all."
            ),
            ["Ann Ruddle"]
        );
        assert_eq!(
            who(
                "Hal Brenner of Kettering, the region's biggest bank, warned that \
                 “rates will rise.”"
            ),
            ["Hal Brenner"]
        );
        // A clause is no role: Dale, who went on to speak, not Paulsen, whom he backed.
        assert_eq!(
            who(
                "Senator Tom Dale used to back fellow Ohioan Rob Paulsen, but now said he had \
                 “the duty to unite us.”"
            ),
            ["Tom Dale"]
        );
    }

    #[test]
    fn name_and_verb_after_the_quote() {
        assert_eq!(
            who("“The bridge will reopen in May,” Marta Kowal said."),
            ["Marta Kowal"]
        );
        assert_eq!(
            who("“We stay open late,” Marta Kowal, who runs the bakery, said on Friday."),
            ["Marta Kowal"]
        );
    }

    #[test]
    fn inverted_verb_then_name() {
        assert_eq!(
            who("“Nobody slept that night,” said Ilona Varga, a nurse at the clinic."),
            ["Ilona Varga"]
        );
        assert_eq!(who("“Prices will fall,” says Bruno Leal."), ["Bruno Leal"]);
    }

    #[test]
    fn according_to_before_and_after() {
        assert_eq!(
            who("According to Piet Smit, “the harbour has never been this full.”"),
            ["Piet Smit"]
        );
        assert_eq!(
            who("“Rents doubled in two years,” according to Ana Ruiz, a housing researcher."),
            ["Ana Ruiz"]
        );
    }

    #[test]
    fn verbs_beyond_said() {
        let body = "“The line is quiet,” Olek Marek told reporters.\n\n\
                    “We need more buses,” Dana Holt added.\n\n\
                    “Snow again,” Tim Ode tweeted on Sunday.\n\n\
                    “The budget is a fiction,” Lars Eng wrote in a letter.\n\n\
                    “Do not travel tonight,” Rita Sol warned.\n\n\
                    “I was never there,” Emil Dax insisted.\n\n\
                    Ana Kral exhorted delegates to “vote your conscience” at the hall.";
        assert_eq!(
            who(body),
            [
                "Olek Marek",
                "Dana Holt",
                "Tim Ode",
                "Lars Eng",
                "Rita Sol",
                "Emil Dax",
                "Ana Kral"
            ]
        );
    }

    #[test]
    fn speaker_before_the_quote() {
        assert_eq!(
            found("Mayor Lena Fischer told reporters: “The snow will not stop us.”"),
            [(Some("Lena Fischer".into()), Some("Mayor".into()))]
        );
        assert_eq!(
            who("Rui Costa said the vote was “a quiet revolution” for the town."),
            ["Rui Costa"]
        );
        assert_eq!(
            who("In a short speech, Hana Ito said: “We will rebuild the school first.”"),
            ["Hana Ito"]
        );
        assert_eq!(
            who("Pollster Gil Amar: “Turnout decides this one.”"),
            ["Gil Amar"]
        );
    }

    /// Issue 21: a phrase of place or time between the subject and its verb, and `referred
    /// to … as`.
    #[test]
    fn a_phrase_between_the_name_and_the_verb() {
        let body = "Ivo Marsh in his opening speech called the tax plan “a raid” and left.";
        assert_eq!(who(body), ["Ivo Marsh"]);
        let body = "Lena Dorn, in an interview on Friday, referred to the mayor as “the \
                    architect of the delay.”";
        assert_eq!(who(body), ["Lena Dorn"]);
        // A clause after the name is no circumstance: its verb has another subject.
        let body = "The report was referred to a panel that called it “a mess.”";
        assert_eq!(who(body), [""]);
    }

    /// Issue 21: a person who casts someone as something voices the words (`Reid has been
    /// pounding Trump as a “con artist”`); a passive or a role speaks for no one.
    #[test]
    fn judging_someone_as_something() {
        let body = "Senator Rosa Hart has been steadily pounding the mayor as a “con artist” \
                    this month.";
        assert_eq!(who(body), ["Rosa Hart"]);
        let body = "Ivo Marsh openly admires the general as a “strong leader,” aides say.";
        assert_eq!(who(body), ["Ivo Marsh"]);
        // Passive, a role, a name: nobody's judgement (`labeled` keeps the quote, with no
        // speaker; the others are no quotes at all).
        let body = "The hearings were often labeled as a “witch hunt” by the press.";
        assert_eq!(who(body), [""]);
        let body = "Ivo Marsh presided as the “chief justice” of the mock trial.";
        assert_eq!(who(body), [""; 0]);
        let body = "The office, known as the “mosquito lab,” closed.";
        assert_eq!(who(body), [""; 0]);
    }

    /// Issue 21: `who` opening the verb's clause is the person named last before it, past
    /// an apposition; a year after a date in an aside is not the subject.
    #[test]
    fn who_after_a_name_and_a_year_in_a_date() {
        let body = "Obama has had a frosty relationship with Ivo Marsh, now the majority \
                    leader, who in 2010 said the goal was a “one-term president.”";
        assert_eq!(who(body), ["Ivo Marsh"]);
        let body = "Rosa Hart spoke.\n\nOn July 6, 2015, Hart made the following comment:\n\n\
                    “For young people who left school, the rate is high.”";
        assert_eq!(who(body), ["Rosa Hart"]);
        // A colon after a sentence about no one introduces nobody's words.
        let body = "Partial transcript:\n\n“We start with the news tonight.”";
        assert_eq!(who(body), [""]);
    }

    /// Issue 21: `Continued Stone: “…”`: a speech verb opening the line is no part of the
    /// name before the colon; `telling CNBC: “…”` names whom it was told.
    #[test]
    fn a_verb_opening_a_name_and_colon() {
        let body = "Ivo Marsh spoke first.\n\nContinued Marsh: “So it is a real problem.”";
        assert_eq!(who(body), ["Ivo Marsh"]);
        let body = "Back in 1999, Mr. Marsh expressed admiration for the mayor's skills, telling \
                    CNBC: “I wish I could be like that.”";
        assert_eq!(who(body), ["Marsh"]);
    }

    /// Issue 21: `Mills then writes`: `then` after a name belongs to that subject, not a
    /// link back to the sentence's first speaker.
    #[test]
    fn then_after_a_name() {
        let body = "Ivo Marsh sent the photo. Rosa Hart asks, “Why now?” Marsh then writes, \
                    “You look good.”";
        assert_eq!(who(body), ["Rosa Hart", "Ivo Marsh"]);
        let body = "Rosa Hart said the plan failed, then added: “We start again.”";
        assert_eq!(who(body), ["Rosa Hart"]);
    }

    /// Issue 21: a speech verb's word after a determiner or a possessive is a noun, so the
    /// frame is the verb before it (`called his client’s answers “…”`).
    #[test]
    fn a_verb_after_a_possessive_is_a_noun() {
        let body = "Later, Ruth Alder called her rival’s answers “evasive.”";
        assert_eq!(who(body), ["Ruth Alder"]);
        let body = "Ruth Alder spoke first.\n\nPaul Stone told the panel that he had seen the \
                    minister’s remarks, “and none of them add up.”";
        assert_eq!(who(body), ["Paul Stone"]);
    }

    /// Issue 21: `prompted Doe to quip …“…”` is Doe's, not the sentence subject's.
    #[test]
    fn the_one_made_to_speak_speaks() {
        let body = "Ivo Marsh kept talking, which prompted Judge Lena Dorn to quip that the \
                    hearing had become “a lecture series.”";
        assert_eq!(who(body), ["Lena Dorn"]);
        let body = "Lena Dorn read the verdict. Its length led her to joke that it was \
                    “longer than the trial.”";
        assert_eq!(who(body), ["Lena Dorn"]);
        // A causative with no speech verb after it changes nothing.
        let body = "Ivo Marsh said the delay, which forced Lena Dorn to adjourn, was “a farce.”";
        assert_eq!(who(body), ["Ivo Marsh"]);
    }

    /// Issue 21: a dateline opening the article is nobody's name, a state after a place in
    /// an aside is no subject, and `continues to` is no speech verb.
    #[test]
    fn datelines_states_and_going_on_name_nobody() {
        let body = "BRISTOL, June 3 (AP) — A spokesman for the mayor called the audit “a smear.”";
        assert_eq!(who(body), [""]);
        let body = "TULSA ― Last week Rosa Hart told friends that the deal was done and \
                    thought the fuss was “a storm in a teacup.”";
        assert_eq!(who(body), ["Rosa Hart"]);
        let body = "At a fair in Dover, Del., on Friday, Governor Ian Pell greeted voters, \
                    saying that his rival would “make a fine senator.”";
        assert_eq!(who(body), ["Ian Pell"]);
        let body = "While Ana Moss has vowed to keep the pact and make sure the United States \
                    continues to lead, Rick Dane has pledged to “tear it up.”";
        assert_eq!(who(body), ["Rick Dane"]);
        let body = "The charter does say that Veldonia agrees to “renounce war.”";
        assert_eq!(who(body), [""]);
    }

    /// Issue 21: a sentence about a named person that introduces a quote with a colon
    /// introduces that person's words, whatever its verb; a thing's colon names nobody.
    #[test]
    fn a_person_and_a_colon_introduce_their_words() {
        assert_eq!(
            who("Lena Dorn cut him off: “No, that is not what I asked.”"),
            ["Lena Dorn"]
        );
        assert_eq!(
            who("The plan has three parts: “build, hire and wait.”"),
            [""]
        );
    }

    #[test]
    fn signature_after_a_dash() {
        assert_eq!(
            who("“Keep the library open.” — Jo Marsh, a reader since 1971"),
            ["Jo Marsh"]
        );
        // One signed quote a line, in one paragraph: each its own signature.
        assert_eq!(
            who("“We need roads.” ― Ann Lee\n“We need trains.” ― Bob Stone\n“Bikes.” ― Cy Diaz"),
            ["Ann Lee", "Bob Stone", "Cy Diaz"]
        );
    }

    #[test]
    fn ukrainian_and_russian_frames() {
        assert_eq!(
            who("«Ми тримаємося», — сказав Андрій Коваль."),
            ["Андрій Коваль"]
        );
        assert_eq!(who("„Мы остаёмся“, — заявил Павел Орлов."), ["Павел Орлов"]);
    }
}
