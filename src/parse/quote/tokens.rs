//! The body as the speaker rules read it: word, punctuation and paragraph tokens with every
//! quote as one opaque token, lower-cased once, and cut into sentences. Also the token
//! lists' reuse from one article to the next, and small helpers over token ranges.

use std::borrow::Cow;

use rustc_hash::FxHashSet as HashSet;

use super::frames::TIMES;
use super::names::strip_possessive;
use super::non_speech::nickname_at;
use super::phrases::is_pronoun;
use super::spans::Quote;
use super::text::{is_mark, is_mark_char, Chars};
use super::words::{
    is_speech_verb, Words, ABBREVIATIONS, NOT_NAME, NOUNISH_VERBS, OPENERS, PREPOSITIONS,
    ROLE_NOUNS, SUBORDINATORS, TITLES,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    Punct,
    /// A whole quote, by index into the quotes.
    Quote(usize),
    /// A paragraph break.
    Para,
}

/// A token, borrowing its text from the body and its lower-cased form from the body or from
/// one buffer of the article's lower-cased words (tokens are made for every word of an
/// article, so they allocate nothing of their own and copy as plain values).
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok<'a> {
    pub(super) kind: Kind,
    pub(super) text: &'a str,
    /// Lower-cased `text`.
    pub(super) lower: &'a str,
    /// A word whose first character is a capital.
    cap: bool,
    /// A quote whose text ends a sentence (`.`, `!`, `?`).
    terminal: bool,
    /// A capitalised word that is capitalised only because it opens a sentence (`Back in
    /// 1999, …`).
    pub(super) not_name: bool,
    /// The first word of a sentence.
    initial: bool,
    /// A speech verb's word that is no speech verb here: a noun (`his client’s answers`,
    /// `the remarks`), or a verb of going on (`continues to play`).
    no_verb: bool,
    /// The last token of a sentence ([`ends_sentence`], once sentence openers are marked).
    pub(super) end: bool,
    /// A word that ends a line of its own without punctuation, a heading above a paragraph
    /// (see [`heading_break`]).
    line_end: bool,
    /// Paragraph of the token, counted from 0.
    pub(super) para: u32,
    /// Index of the first token of the token's sentence.
    pub(super) sentence: u32,
}

impl Tok<'_> {
    pub(super) fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub(super) fn capitalised(&self) -> bool {
        self.cap
    }
    /// The first word of its sentence.
    pub(super) fn opens_sentence(&self) -> bool {
        self.initial
    }
    pub(super) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.text.starts_with(c)
    }
    /// A speech verb: in lower case, or capitalised to open a sentence (`Said Doe:`) or in
    /// a headline (`Doe Says …`), but never in capitals (`RED STATES …`) or as a word that
    /// is mostly a noun when capitalised (`United States`, `Reports`).
    pub(super) fn is_verb(&self) -> bool {
        self.is_word()
            && !self.no_verb
            && is_speech_verb(self.lower)
            && (self.text.starts_with(char::is_lowercase)
                || (self.text.chars().skip(1).any(char::is_lowercase)
                    && (self.initial || !self.is(NOUNISH_VERBS))))
    }
    pub(super) fn is(&self, words: &[&str]) -> bool {
        self.is_word() && words.contains(&self.lower)
    }
    pub(super) fn is_in(&self, words: &Words) -> bool {
        self.is_word() && words.contains(self.lower)
    }
}

pub(super) fn is_possessive(t: &Tok) -> bool {
    t.lower.ends_with("’s") || t.lower.ends_with("'s")
}

/// `text` in lower case, borrowed when it already is.
fn lower_case(text: &str) -> Cow<'_, str> {
    // Most words are ASCII in lower case already: one early-exit pass finds the first byte
    // that is a capital or not ASCII, and most words have none.
    if !text
        .bytes()
        .any(|b| !b.is_ascii() || b.is_ascii_uppercase())
    {
        return Cow::Borrowed(text);
    }
    let mut lower = String::with_capacity(text.len());
    push_lower(text, &mut lower);
    if lower == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(lower)
    }
}

/// Appends `text` in lower case to `out`: ASCII in place, anything else as
/// `str::to_lowercase` makes it (final sigma included).
fn push_lower(text: &str, out: &mut String) {
    let from = out.len();
    if text.is_ascii() {
        out.push_str(text);
        out[from..].make_ascii_lowercase();
    } else {
        out.push_str(&text.to_lowercase());
    }
}

/// Whether `rest` opens with a web address's ending and nothing more of the word (`com` of
/// `Amazon.com Inc.`).
fn domain_ending(rest: &[char]) -> bool {
    ["com", "org", "net", "gov", "edu"].iter().any(|end| {
        let n = end.len();
        rest.len() >= n
            && rest[..n].iter().copied().eq(end.chars())
            && rest.get(n).is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Cuts the body into tokens; each quote is one token. Lower-cased forms that differ from
/// the text go to `lowered`, which the tokens then borrow.
pub(super) fn tokenize<'a>(
    text: &Chars<'a>,
    quotes: &[Quote],
    lowered: &'a mut String,
    mut toks: Vec<Tok<'a>>,
) -> Vec<Tok<'a>> {
    let chars = &text.chars[..];
    toks.reserve(chars.len() / 5);
    // Tokens whose lower case is in `lowered`, with its byte range there; they borrow it
    // once every word is in.
    let mut in_lowered: Vec<(usize, usize, usize)> = Vec::new();
    let mut qi = 0;
    let mut i = 0;
    // Where the line being read starts.
    let mut line_start = 0;
    // `plain`: the text is known to be ASCII without capitals, so its own lower case.
    let mut push = |toks: &mut Vec<Tok<'a>>, kind: Kind, text: &'a str, plain: bool| {
        let mut lower = text;
        if !plain {
            // Written straight into `lowered` (as `lower_case` would make it), and taken back
            // when it is the text itself.
            let from = lowered.len();
            push_lower(text, lowered);
            if lowered[from..] == *text {
                lowered.truncate(from);
            } else {
                in_lowered.push((toks.len(), from, lowered.len()));
                lower = "";
            }
        }
        let cap = !plain && kind == Kind::Word && text.starts_with(char::is_uppercase);
        // (`“Go, go!!!,” Salvini wrote`: a comma last goes on into the frame.)
        let terminal = match kind {
            Kind::Quote(qi) => {
                let text = quotes[qi].text.trim_end_matches(|c: char| {
                    c.is_whitespace() || is_mark_char(c) || c == '‘' || c == '’'
                });
                !text.ends_with(',')
                    && text
                        .trim_end_matches(|c: char| !c.is_alphanumeric() && !".!?…".contains(c))
                        .ends_with(['.', '!', '?', '…'])
            }
            _ => false,
        };
        toks.push(Tok {
            kind,
            text,
            lower,
            cap,
            terminal,
            not_name: false,
            initial: false,
            no_verb: false,
            end: false,
            line_end: false,
            para: 0,
            sentence: 0,
        });
    };
    // Where the next quote starts: quotes are looked for only where a token could start.
    let mut next_quote = quotes.first().map_or(usize::MAX, |q| q.start);
    while i < chars.len() {
        if i >= next_quote {
            while qi < quotes.len() && quotes[qi].start < i {
                qi += 1;
            }
            let at_quote = qi < quotes.len() && quotes[qi].start == i;
            if at_quote {
                push(&mut toks, Kind::Quote(qi), "", true);
                let end = quotes[qi].end.max(i + 1);
                // A quote over several lines: its last line is the line being read.
                if let Some(nl) = chars[i..end.min(chars.len())]
                    .iter()
                    .rposition(|&c| c == '\n')
                {
                    line_start = i + nl + 1;
                }
                i = end;
                qi += 1;
            }
            next_quote = quotes.get(qi).map_or(usize::MAX, |q| q.start);
            if at_quote {
                continue;
            }
        }
        let c = chars[i];
        let class = char_class(c);
        if class & SKIP != 0 {
            if c == '\n' && chars.get(i + 1) == Some(&'\n') {
                push(&mut toks, Kind::Para, "", true);
                while i < chars.len() && chars[i].is_whitespace() {
                    i += 1;
                }
                line_start = i;
            } else if c == '\n' {
                if heading_break(chars, line_start, i) {
                    if let Some(t) = toks.last_mut().filter(|t| t.is_word()) {
                        t.line_end = true;
                    }
                }
                i += 1;
                line_start = i;
            } else {
                i += 1;
            }
            continue;
        }
        if class & ALNUM != 0 {
            let start = i;
            // `UPPER` once a character is a capital or not ASCII: the word is not plain.
            let mut seen = class;
            i += 1;
            loop {
                let part = i - 1;
                while i < chars.len() {
                    let class = char_class(chars[i]);
                    if class & ALNUM == 0 {
                        break;
                    }
                    seen |= class;
                    i += 1;
                }
                // A period joins short parts (`U.S.`, `Ph.D`), not two sentences run together
                // (`said.Trump`).
                // (Nor a web address's ending: `Amazon.com`, `Salon.com` are one name.)
                let joins = i + 1 < chars.len()
                    && matches!(chars[i], '.' | '\'' | '’' | '-' | '&')
                    && chars[i + 1].is_alphanumeric()
                    && (chars[i] != '.' || i - part <= 3 || domain_ending(&chars[i + 1..]));
                if !joins {
                    break;
                }
                if chars[i] == '’' {
                    seen |= UPPER;
                }
                i += 1;
            }
            let word = text.slice(start, i);
            if chars.get(i) == Some(&'.') {
                let lower = lower_case(word);
                let initial = i - start == 1 && word.starts_with(char::is_uppercase);
                let last_part = lower.rsplit('-').next().unwrap_or(&lower);
                if initial
                    || word.contains('.')
                    || ABBREVIATIONS.contains(&lower)
                    || ABBREVIATIONS.contains(last_part)
                {
                    // The period is the next character of the body: take it into the word.
                    i += 1;
                }
            }
            // A nickname inside a name (`Jan “Bear” Kowalski`) is no word of it.
            let enclosed =
                start > 0 && is_mark(chars[start - 1]) && chars.get(i).is_some_and(|&c| is_mark(c));
            if enclosed && nickname_at(chars, start, i) {
                continue;
            }
            push(
                &mut toks,
                Kind::Word,
                text.slice(start, i),
                seen & UPPER == 0,
            );
            continue;
        }
        push(&mut toks, Kind::Punct, text.slice(i, i + 1), c.is_ascii());
        i += 1;
    }
    let lowered: &'a str = lowered;
    for (k, from, to) in in_lowered {
        toks[k].lower = &lowered[from..to];
    }
    toks
}

/// Whether the line break at `at` ends a heading, the line from `line_start`: a short line
/// ending in a letter or a digit (no punctuation) above a line that starts with a capital and
/// is too long for text wrapped at a fixed width (Reuters and plain-text bodies wrap at 80
/// characters or fewer, and their line breaks are spaces). A name never
/// runs on past it (`Pompeo outlines the attack on Assange` over `Pompeo's first speech …`).
fn heading_break(chars: &[char], line_start: usize, at: usize) -> bool {
    let before = &chars[line_start.min(at)..at];
    let ends_bare = before
        .iter()
        .rev()
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| c.is_alphanumeric());
    if !ends_bare {
        return false;
    }
    let after = &chars[at + 1..];
    let next_len = after.iter().position(|&c| c == '\n').unwrap_or(after.len());
    let capital_next = after[..next_len]
        .iter()
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| c.is_uppercase());
    capital_next && before.len() <= WRAP_WIDTH && next_len > WRAP_WIDTH
}

/// Longer lines than this are not text wrapped at a fixed width.
const WRAP_WIDTH: usize = 100;

/// Classes of characters for [`tokenize`], as bits: a letter or digit, one that makes a word
/// not plain (a capital, or any character outside ASCII), a character skipped between
/// tokens (white space and quote marks).
const ALNUM: u8 = 1;
const UPPER: u8 = 2;
const SKIP: u8 = 4;

/// [`char_class`] of each ASCII character, looked up rather than worked out: most characters
/// of most bodies are ASCII.
static ASCII_CLASS: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0u8;
    while b < 128 {
        table[b as usize] = if b.is_ascii_uppercase() {
            ALNUM | UPPER
        } else if b.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(b, b' ' | b'\t'..=b'\r' | b'"' | b'\'') {
            // `char::is_whitespace` of ASCII, and the ASCII quote marks of `is_mark`.
            SKIP
        } else {
            0
        };
        b += 1;
    }
    table
};

/// The class of `c` for [`tokenize`].
fn char_class(c: char) -> u8 {
    if c.is_ascii() {
        ASCII_CLASS[c as usize]
    } else if c.is_whitespace() || is_mark(c) {
        SKIP
    } else if c.is_alphanumeric() {
        ALNUM | UPPER
    } else {
        0
    }
}

/// Whether token `k` ends a sentence.
pub(super) fn ends_sentence(toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    match t.kind {
        Kind::Para => true,
        Kind::Word => t.line_end,
        // `“We will win.” Then he left.` but not `“Will we win?” she asked.`; `“… project.”
        // (Current models say …)`: a sentence in brackets starts after the quote too.
        Kind::Quote(_) => {
            let next = if toks.get(k + 1).is_some_and(|n| n.is_punct('(')) {
                k + 2
            } else {
                k + 1
            };
            t.terminal && toks.get(next).is_some_and(Tok::capitalised) && !frame_follows(toks, k)
        }
        Kind::Punct => {
            // `(Neither gave his name.)`: the sentence ends after the bracket, so that the
            // next one opens with its first word.
            let terminal = |t: &Tok| matches!(t.text, "." | "!" | "?" | "…");
            let closes_bracket = toks
                .get(k + 1)
                .is_some_and(|n| n.is_punct(')') || n.is_punct(']'));
            let after_terminal = (t.is_punct(')') || t.is_punct(']'))
                && k > 0
                && toks[k - 1].kind == Kind::Punct
                && terminal(&toks[k - 1]);
            (terminal(t) && !closes_bracket || after_terminal)
                && toks.get(k + 1).is_none_or(|n| {
                    let lower_word = n.is_word() && n.text.starts_with(char::is_lowercase);
                    !lower_word && !n.is_punct(',') && !n.is_punct(';')
                })
        }
    }
}

/// Whether a speech frame starts right after token `k`: a speech verb, or a few words
/// without punctuation and then one (`she asked`, `Mr. Doe said`), or a name in apposition
/// between two commas (`Doe's niece, Ann Roe, shouted`), not followed by `that`.
fn frame_follows(toks: &[Tok], k: usize) -> bool {
    let rest = &toks[(k + 1).min(toks.len())..];
    // `“… their needs.” He added that the team …`: a verb before `that` reports what
    // follows, not the quote.
    let not_that = |v: usize| rest.get(v + 1).is_none_or(|t| t.lower != "that");
    if rest
        .iter()
        .take(6)
        .position(Tok::is_verb)
        .is_some_and(|v| rest[..v].iter().all(Tok::is_word) && not_that(v))
    {
        return true;
    }
    // The verb right after the second comma.
    let mut commas = rest
        .iter()
        .take(14)
        .enumerate()
        .filter(|(_, t)| t.is_punct(','))
        .map(|(j, _)| j);
    let (Some(first), Some(c)) = (commas.next(), commas.next()) else {
        return false;
    };
    // (Most quotes that end a sentence fail here, before anything costlier.)
    if first > 4 || !rest.get(c + 1).is_some_and(Tok::is_verb) {
        return false;
    }
    let bracket = |t: &Tok| t.is_punct('(') || t.is_punct(')');
    // (An abbreviation's period inside: `state Del. Ann Roe`.)
    let abbreviation = |j: usize| {
        rest[j].is_punct('.')
            && j > 0
            && rest[j - 1].capitalised()
            && rest[j - 1].text.chars().count() <= 4
    };
    // A short phrase, then an apposition between the commas (not a clause: `Grandpa Bern, as
    // he is known, described …`), and a verb that reports nothing after it up to the next
    // comma or the sentence's end (`shouted to the crowd.`, `said of the talks he had`; not
    // `said the campaign has yet to …`, `said in an interview that …`, `said on Monday she
    // …`).
    let middle = &rest[first + 1..c];
    let after_verb = rest.get(c + 2).is_none_or(|t| {
        t.kind == Kind::Punct
            || t.lower.ends_with("ly")
            || t.is(TIMES)
            || t.is(&[
                "to", "of", "in", "at", "on", "from", "with", "during", "after", "before",
            ])
    });
    let personal = |t: &Tok| is_pronoun(t) || t.is(&["he’s", "he's", "she’s", "she's"]);
    let reports = rest
        .iter()
        .skip(c + 2)
        .take_while(|t| t.is_word())
        .enumerate()
        .any(|(j, t)| t.lower == "that" || j < 3 && personal(t));
    let clause = middle.first().is_some_and(|t| t.is(SUBORDINATORS)) || middle.iter().any(personal);
    // (Nor after a quote its own sentence frames: `The crowd chanted “Lock her up!” Vick's
    // aide, Ann Roe, said …`.)
    let framed = toks[..k]
        .iter()
        .rev()
        .take(40)
        .take_while(|t| t.kind == Kind::Word || t.is_punct(','))
        .any(Tok::is_verb);
    !reports
        && !clause
        && !framed
        && after_verb
        && (0..c).all(|j| {
            let t = &rest[j];
            t.is_word() || t.is_punct(',') || bracket(t) || abbreviation(j)
        })
}

/// Marks capitalised words that open a sentence and are common words there, not names: those
/// in [`OPENERS`] or ending in `-ly` or `-ing`, unless the article also capitalises them
/// mid-sentence.
/// Sets where sentences start and end, as [`ends_sentence`] tells once the marks are set.
pub(super) fn mark_openers(toks: &mut [Tok]) {
    mark_nouns(toks);
    let mut at_start = true;
    // Where the sentence being read starts, when it opens a paragraph.
    let mut para_sentence = Some(0);
    for k in 0..toks.len() {
        let word = toks[k].is_word();
        toks[k].initial = word && at_start;
        // (A quote inside its sentence opens it: `“…,” Will Estrada said`.)
        at_start &= !word && !matches!(toks[k].kind, Kind::Quote(_));
        // `(See Doe’s timeline below.)` opens a sentence of its own.
        at_start |= toks[k].is_punct('(');
        // `ends_sentence` reads the tokens after `k` only, none of them marked yet.
        // `WASHINGTON, Aug. 24 (UPI) — A spokesman …`: a dateline is no part of the
        // sentence after it (its city would be read as the subject).
        let end = ends_sentence(toks, k)
            || is_dash(&toks[k]) && para_sentence.is_some_and(|s| is_dateline(&toks[s..k]));
        toks[k].end = end;
        at_start |= end;
        if toks[k].kind == Kind::Para {
            para_sentence = Some(k + 1);
        } else if end {
            para_sentence = None;
        }
    }
    // `“…,” Will Estrada said`, `and May Lee wrote`: a first name that is also a word, mid
    // sentence, between a word not capitalised and a surname that punctuation or a speech
    // verb follows, keeps its capital in `lower`, so that no list of words takes it for the
    // verb or the month (not `In May Trump said`, `a June Trump event`, a headline's `Trump
    // Will Win`).
    for k in 0..toks.len() {
        let capital_word = |j: usize| toks.get(j).is_some_and(|t| t.is_word() && t.capitalised());
        let given = toks[k].is(&["will", "may", "april", "june"])
            && toks[k].capitalised()
            && !toks[k].initial
            && !(k > 0 && (capital_word(k - 1) || toks[k - 1].is_in(&PREPOSITIONS)))
            && capital_word(k + 1)
            && !toks[k + 1].is_in(&NOT_NAME)
            && toks
                .get(k + 2)
                .is_none_or(|t| !t.is_word() || is_speech_verb(t.lower));
        if given {
            toks[k].lower = toks[k].text;
        }
    }
    // Capitalised words seen mid-sentence; gathered only once a sentence opener asks.
    let mut mid: Option<HashSet<&str>> = None;
    // A plural before a lower-case word (`Diplomats described …`) is a common noun too.
    let plural = |k: usize| {
        let t = &toks[k];
        t.lower.ends_with('s')
            && !t.lower.ends_with("ss")
            && !is_possessive(t)
            && toks
                .get(k + 1)
                .is_some_and(|n| n.is_word() && n.text.starts_with(char::is_lowercase))
    };
    // A word before a determiner or an adverb in -ly (`Allow the dermatologist to …`,
    // `Almost exactly half a century after …`) is a verb or an adverb, not a name.
    let before_modifier = |k: usize| {
        toks.get(k + 1).is_some_and(|n| {
            n.is_word()
                && n.text.starts_with(char::is_lowercase)
                && (n.is(&[
                    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your",
                ]) || n.lower.ends_with("ly"))
        })
    };
    // `Taking Archie outside is …`: a verb in -ing opening a sentence (not `King`, `Ming`).
    let gerund = |t: &Tok| t.lower.len() >= 6 && t.lower.ends_with("ing");
    let common: Vec<usize> = (0..toks.len())
        .filter(|&k| {
            let t = &toks[k];
            t.initial
                && t.capitalised()
                && (t.is_in(&OPENERS)
                    || t.lower.ends_with("ly")
                    || gerund(t)
                    || plural(k)
                    || before_modifier(k))
                && !mid
                    .get_or_insert_with(|| {
                        // (`Boeing’s` is `Boeing` capitalised inside a sentence.)
                        toks.iter()
                            .filter(|t| !t.initial && t.capitalised())
                            .map(|t| strip_possessive(t.text))
                            .collect()
                    })
                    .contains(t.text)
        })
        .collect();
    for k in common {
        toks[k].not_name = true;
    }
    // Only a quote's end looks at the words after it (`“…?” she asked`), and a speech verb
    // there may read differently now that sentence openers are marked; the rest stand.
    for k in 0..toks.len() {
        if matches!(toks[k].kind, Kind::Quote(_)) {
            toks[k].end = ends_sentence(toks, k);
        }
    }
    let (mut para, mut sentence) = (0, 0);
    for (k, t) in toks.iter_mut().enumerate() {
        t.para = para;
        t.sentence = sentence;
        if t.kind == Kind::Para {
            para += 1;
        }
        if t.end {
            sentence = k as u32 + 1;
        }
    }
}

/// Marks speech verbs' words that a determiner or a possessive makes nouns (`his client’s
/// answers`, `the remarks`, `her warning`), so they are no frame (`Kise called his client’s
/// answers “brilliant”` is Kise's). A past tense stays a verb: `Trump’s said` is `Trump has
/// said`. `continues to` is no speech verb either.
fn mark_nouns(toks: &mut [Tok]) {
    for k in 1..toks.len() {
        let prev = &toks[k - 1];
        let determiner = prev.is_word()
            && (DETERMINERS.contains(&prev.lower)
                || is_possessive(prev) && !CONTRACTED.contains(&prev.lower));
        if !determiner {
            continue;
        }
        // (`the reported suicide bomber`: after an article, a past form is an adjective.)
        let article = prev.is(&["the", "a", "an"]);
        let t = &toks[k];
        if t.is_word()
            && (article || !t.lower.ends_with("ed") && !IRREGULAR_PASTS.contains(&t.lower))
            && is_speech_verb(t.lower)
        {
            toks[k].no_verb = true;
        }
    }
    // `make sure the United States continues to play a role`: going on with something else
    // is no speech.
    for k in 0..toks.len().saturating_sub(1) {
        if toks[k].is(GOING_ON) && toks[k + 1].lower == "to" {
            toks[k].no_verb = true;
        }
        // `Minnesota state delegate Mary Susan`, `state Del. Ann Roe`: `state` before an
        // office is a noun.
        let next = &toks[k + 1];
        let office = || {
            if next.text.starts_with(char::is_lowercase) {
                next.is_in(&TITLES) || next.is_in(&ROLE_NOUNS) || next.is(STATE_NOUNS)
            } else {
                next.text.ends_with('.') && next.is_in(&TITLES)
            }
        };
        if toks[k].lower == "state" && office() {
            toks[k].no_verb = true;
        }
    }
}

/// Speech verbs' words that are no speech before `to` (`continued to fall`, `went to Iowa`,
/// `agrees to “renounce war”`).
const GOING_ON: &[&str] = &[
    "continue",
    "continues",
    "continued",
    "went",
    "began",
    "agree",
    "agrees",
    "agreed",
];

/// Nouns that `state` stands before as a noun (`state officials said`).
const STATE_NOUNS: &[&str] = &[
    "officials",
    "lawmakers",
    "legislators",
    "legislature",
    "department",
    "law",
    "laws",
    "police",
    "troopers",
    "party",
    "delegates",
    "senators",
    "agencies",
    "media",
    "television",
];

/// Words after which a verb's form is a noun (`her` is left out: `heard her say`).
const DETERMINERS: &[&str] = &["the", "a", "an", "his", "their", "its", "my", "our", "your"];

/// `’s` that is `is` or `has`, not a possessive.
const CONTRACTED: &[&str] = &[
    "he’s",
    "he's",
    "she’s",
    "she's",
    "it’s",
    "it's",
    "that’s",
    "that's",
    "there’s",
    "there's",
    "who’s",
    "who's",
    "what’s",
    "what's",
    "here’s",
    "here's",
    "let’s",
    "let's",
];

/// Past tenses among the speech verbs that do not end in `-ed`.
const IRREGULAR_PASTS: &[&str] = &[
    "said", "told", "wrote", "put", "read", "shot", "went", "began", "thought", "sang",
];

/// A dash between parts of a sentence (`—`, `―`, `–`, `--`, `-`).
pub(super) fn is_dash(t: &Tok) -> bool {
    t.kind == Kind::Punct && t.text.starts_with(['—', '―', '–', '-'])
}

/// Whether the words before a dash opening a paragraph are a dateline: a city in capitals,
/// then perhaps a state, a day and an agency (`WASHINGTON`, `PORTSMOUTH, N.H., Aug. 24
/// (UPI)`).
fn is_dateline(toks: &[Tok]) -> bool {
    let Some(first) = toks.first() else {
        return false;
    };
    let shouted = |t: &Tok| {
        t.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !t.text.chars().any(char::is_lowercase)
    };
    toks.len() <= 12
        && first.is_word()
        && shouted(first)
        && toks.iter().all(|t| match t.kind {
            Kind::Word => t.capitalised() || t.text.starts_with(|c: char| c.is_ascii_digit()),
            Kind::Punct => matches!(t.text, "," | "." | "(" | ")"),
            _ => false,
        })
}

/// Comma-separated pieces of a token range.
pub(super) fn segments<'t, 'a>(toks: &'t [Tok<'a>]) -> Vec<&'t [Tok<'a>]> {
    toks.split(|t| t.is_punct(',') || t.is_punct('(') || t.is_punct(')'))
        .filter(|s| !s.is_empty())
        .collect()
}

/// The tokens of `toks` without bracketed asides (`Rep. Gwen Moore (D-Wis.) said`); quotes
/// inside brackets stay.
pub(super) fn strip_brackets<'a>(toks: &[Tok<'a>]) -> Vec<Tok<'a>> {
    let mut out = Vec::with_capacity(toks.len());
    let mut depth = 0usize;
    for t in toks {
        if t.is_punct('(') || t.is_punct('[') {
            depth += 1;
        } else if t.is_punct(')') || t.is_punct(']') {
            depth = depth.saturating_sub(1);
        } else if depth == 0 || matches!(t.kind, Kind::Quote(_)) {
            out.push(*t);
        }
    }
    out
}

/// Tokens looked at on either side of a quote: frames are near their quote, and the cap
/// keeps a sentence of thousands of quotes linear.
pub(super) const MAX_WINDOW: usize = 80;

/// An empty token list borrowing for another lifetime, in the same allocation: `collect`
/// over a vector's own `into_iter` reuses its buffer when the element layout is the same,
/// and nothing is collected.
// `filter` would keep the element type, which is what has to change.
#[allow(clippy::unnecessary_filter_map)]
pub(super) fn recycle<'a, 'b>(mut toks: Vec<Tok<'a>>) -> Vec<Tok<'b>> {
    toks.clear();
    toks.into_iter().filter_map(|_| None).collect()
}

#[cfg(test)]
mod tests {
    use super::super::text::Chars;
    use super::{recycle, tokenize, Tok};

    /// The token list kept from one article to the next stays one allocation.
    #[test]
    fn recycled_token_lists_keep_their_allocation() {
        let body = String::from("Kofman said the defence was ready.");
        let mut lowered = String::new();
        let toks = tokenize(&Chars::new(&body), &[], &mut lowered, Vec::new());
        assert_eq!(toks.len(), 7);
        let (cap, at) = (toks.capacity(), toks.as_ptr() as usize);
        let kept: Vec<Tok<'static>> = recycle(toks);
        assert_eq!(kept.len(), 0);
        assert_eq!((kept.capacity(), kept.as_ptr() as usize), (cap, at));
    }
}
