//! Quoted speech: finding each quoted span in a body (“…”, "…", «…», „…“ and the ''…'' of
//! some US archives, with ‘…’ nested inside) and attributing it to a speaker (the rules live
//! in [`attribution`](super::attribution)). Offsets are in characters, not bytes, so they mean the
//! same thing in every language binding.
//!
//! Apostrophes (`don’t`, `зобов'язання`) are never marks, and quoted names of works (`on
//! “Meet the Press”`, `“Title,” by Ann Doe`), nicknames (`Juan “Chico” Ruiz`) and scare
//! quotes (`a “historic” week`: a short phrase inside a sentence with no word announcing
//! speech) are not speech, so they are left out.

use serde::Serialize;

/// One quoted span of an article body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The quoted words, without the marks; a quote over several paragraphs has the
    /// paragraphs joined by a blank line and the repeated opening marks removed.
    pub text: String,
    /// Character offset in the body of the first quoted character.
    pub start: usize,
    /// Character offset in the body just past the last quoted character.
    pub end: usize,
    /// Who said it, as the fullest name the article gives; `None` when unknown.
    pub speaker: Option<String>,
    /// The speaker's title as given (`Donetsk Gov.`), when present.
    pub role: Option<String>,
}

/// Families of double quote marks: a quote opened by one mark of a family is closed by
/// another of the same family. Straight and curly double marks share a family because
/// hand-typed text mixes them (`"Yes,” she said`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// “…”, "…", and the mixed forms.
    Double,
    /// „…“ (German, Ukrainian, Russian handwriting), also closed by ”.
    Low,
    /// «…».
    Guillemet,
    /// ''…'' (two ASCII apostrophes, as some US archives print quotes).
    Apostrophes,
}

const FAMILIES: [Family; 4] = [
    Family::Double,
    Family::Low,
    Family::Guillemet,
    Family::Apostrophes,
];

/// One quote mark in the text, with what its neighbours allow it to do.
#[derive(Debug, Clone, Copy)]
struct Mark {
    /// Character offset of the mark.
    at: usize,
    /// Length in characters (2 for `''`).
    width: usize,
    family: Family,
    can_open: bool,
    can_close: bool,
    /// A `“` or `”` after a word: closes a low quote („ja“).
    closes_low: bool,
}

impl Mark {
    /// Whether this mark may close a quote of `family`.
    fn closes(&self, family: Family) -> bool {
        match family {
            Family::Low => self.closes_low,
            f => self.can_close && self.family == f,
        }
    }
}

/// Characters after which a quote mark opens rather than closes.
fn opening_context(c: Option<char>) -> bool {
    c.is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '‘' | '"' | '”'
            )
    })
}

/// Characters before which a quote mark closes rather than opens.
fn closing_context(c: Option<char>) -> bool {
    c.is_none_or(|c| !c.is_alphanumeric())
}

/// The quote mark at `i`, if there is one. Apostrophes, single curly quotes and marks with
/// space on both sides are not marks.
fn mark_at(chars: &[char], i: usize) -> Option<Mark> {
    let c = chars[i];
    // Called for every character of a body: decide the common case (no mark) first.
    if !matches!(c, '“' | '”' | '"' | '\'' | '’' | '„' | '«' | '»') {
        return None;
    }
    let doubled = |q: char| c == q && chars.get(i + 1) == Some(&q);
    let width = if doubled('\'') || doubled('’') {
        2
    } else if matches!(c, '\'' | '’') {
        return None;
    } else {
        1
    };
    let prev = i.checked_sub(1).map(|p| chars[p]);
    let next = chars.get(i + width).copied();
    if prev == Some('=') {
        // An attribute value in markup (`<a href="…">`), not speech.
        return None;
    }
    let prev_word = prev.is_some_and(|p| !p.is_whitespace());
    let next_word = next.is_some_and(|n| !n.is_whitespace());
    // What may follow an opening mark: not closing punctuation or markup.
    let next_opens = next_word && !next.is_some_and(|n| ">)]},;:.!?".contains(n));
    let flank_open = opening_context(prev) && next_opens;
    let flank_close = prev_word && closing_context(next);
    // A mark with space on both sides only closes (`it,' '' said`: a typist's space).
    let spaced = !prev_word && !next_word;
    let (family, can_open, can_close) = match c {
        '“' => (
            Family::Double,
            next_word && !flank_close,
            flank_close || spaced,
        ),
        '”' => (Family::Double, flank_open, prev_word || !flank_open),
        '"' => (Family::Double, flank_open, flank_close || spaced),
        '\'' => (Family::Apostrophes, flank_open, flank_close || spaced),
        '’' => (Family::Double, false, flank_close),
        '„' => (Family::Low, next_word, false),
        '«' => (Family::Guillemet, next_word, false),
        '»' => (Family::Guillemet, false, true),
        _ => return None,
    };
    // `“` closes a low quote („ja“) whatever follows it.
    let closes_low = matches!(c, '“' | '”') && prev_word;
    (can_open || can_close || closes_low).then_some(Mark {
        at: i,
        width,
        family,
        can_open,
        can_close,
        closes_low,
    })
}

/// The quote marks of `chars[from..to]`, left to right, never overlapping (`'''`).
///
/// Only characters that may be marks are looked at, found in the body's bytes with
/// `memchr`: every mark character is `"` or `'`, or starts with the byte 0xE2 (`“”„’‘`) or
/// 0xC2 (`«»`) in UTF-8. (A loop over every character took 7% of a parse.)
fn marks_in(text: &Chars<'_>, from: usize, to: usize) -> Vec<Mark> {
    let chars = &text.chars[..];
    let offsets = &text.bytes[from..=to];
    let base = offsets[0];
    let hay = &text.body.as_bytes()[base..offsets[to - from]];
    let mut marks = Vec::new();
    // Where the byte search resumes, the next 0xC2 from there, and the first character
    // not yet inside a mark.
    let mut pos = 0;
    let mut next_c2 = memchr::memchr(0xC2, hay);
    let mut i = from;
    loop {
        if next_c2.is_some_and(|c| c < pos) {
            next_c2 = memchr::memchr(0xC2, &hay[pos..]).map(|c| c + pos);
        }
        let other = memchr::memchr3(b'"', b'\'', 0xE2, &hay[pos..]).map(|c| c + pos);
        let Some(at) = [other, next_c2].into_iter().flatten().min() else {
            break;
        };
        pos = at + 1;
        // The character starting at byte `at` (a lead byte or ASCII).
        let c = from + offsets.partition_point(|&b| b < base + at);
        if c < i || !is_mark_char(chars[c]) {
            continue;
        }
        match mark_at(chars, c) {
            Some(m) if m.at + m.width <= to => {
                marks.push(m);
                i = c + m.width;
            }
            _ => i = c + 1,
        }
    }
    marks
}

/// A quote being read: where it began and the text gathered so far.
struct Open {
    family: Family,
    start: usize,
    /// Start of the part not yet copied into `text`.
    seg_start: usize,
    text: String,
    /// Same-family quotes opened inside this one and not yet closed.
    depth: usize,
}

impl Open {
    fn at(m: &Mark) -> Open {
        Open {
            family: m.family,
            start: m.at + m.width,
            seg_start: m.at + m.width,
            text: String::new(),
            depth: 0,
        }
    }
}

/// Finds every quoted span in `body`, in order.
///
/// A quote still open at the end of a paragraph continues when the next paragraph opens with
/// a mark of the same kind (the newspaper convention for long quotes); otherwise it ends with
/// its paragraph. A double quote opened inside a quote is nested when enough closing marks
/// follow in the paragraph for both; otherwise the first quote was never closed and ends
/// where the second begins.
pub fn extract(body: &str) -> Vec<Quote> {
    extract_in(&Chars::new(body))
}

/// [`extract`] and then [`attribute`], reading the body's characters once.
pub fn extract_attributed(body: &str) -> Vec<Quote> {
    // The character lists of the last body this thread read, reused: allocated afresh they
    // were a few fresh pages of memory per article (about 12 bytes a character).
    let (chars, bytes) = CHAR_BUFFERS.with_borrow_mut(std::mem::take);
    let text = Chars::with_buffers(body, chars, bytes);
    let mut quotes = extract_in(&text);
    super::attribution::attribute_in(&text, &mut quotes);
    let Chars {
        mut chars,
        mut bytes,
        ..
    } = text;
    if chars.capacity() <= MAX_KEPT_CHARS {
        chars.clear();
        bytes.clear();
        CHAR_BUFFERS.with_borrow_mut(|kept| *kept = (chars, bytes));
    }
    quotes
}

thread_local! {
    static CHAR_BUFFERS: std::cell::RefCell<(Vec<char>, Vec<usize>)> = Default::default();
}

/// Longest body, in characters, whose buffers are kept for the next (about 12 MB).
const MAX_KEPT_CHARS: usize = 1 << 20;

/// A body with its characters and their byte offsets, for the rules that walk characters
/// (offsets in quotes are in characters) and slice the body.
pub(super) struct Chars<'a> {
    pub body: &'a str,
    pub chars: Vec<char>,
    /// `bytes[i]` is the byte offset of `chars[i]`; one more entry holds the body's length.
    pub bytes: Vec<usize>,
}

impl<'a> Chars<'a> {
    pub fn new(body: &'a str) -> Chars<'a> {
        Chars::with_buffers(body, Vec::new(), Vec::new())
    }

    /// [`Chars::new`] into the given (empty) buffers.
    fn with_buffers(body: &'a str, mut chars: Vec<char>, mut bytes: Vec<usize>) -> Chars<'a> {
        // Runs of ASCII (most of most bodies, between the curly quotes) are copied a run at
        // a time, which the compiler vectorises; other characters one at a time.
        let n = body.chars().count();
        chars.reserve(n);
        bytes.reserve(n + 1);
        let raw = body.as_bytes();
        let mut at = 0;
        while at < raw.len() {
            let run = ascii_prefix(&raw[at..]);
            chars.extend(raw[at..at + run].iter().map(|&b| char::from(b)));
            bytes.extend(at..at + run);
            at += run;
            if let Some(c) = body[at..].chars().next() {
                chars.push(c);
                bytes.push(at);
                at += c.len_utf8();
            }
        }
        bytes.push(body.len());
        Chars { body, chars, bytes }
    }

    /// The text of characters `from..to`.
    pub(super) fn slice(&self, from: usize, to: usize) -> &'a str {
        &self.body[self.bytes[from]..self.bytes[to]]
    }

    /// End of the paragraph starting at character `from`: the next blank line (`\n\n`), or
    /// the end of the text.
    fn paragraph_end(&self, from: usize) -> usize {
        let start = self.bytes[from];
        match memchr::memmem::find(&self.body.as_bytes()[start..], b"\n\n") {
            Some(at) => self.bytes.partition_point(|&b| b < start + at),
            None => self.chars.len(),
        }
    }
}

/// Length of the ASCII run `raw` starts with, looked at eight bytes at a time.
fn ascii_prefix(raw: &[u8]) -> usize {
    let mut n = 0;
    for chunk in raw.chunks_exact(8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        if word & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        n += 8;
    }
    n + raw[n..]
        .iter()
        .position(|b| !b.is_ascii())
        .unwrap_or(raw.len() - n)
}

fn extract_in(text: &Chars<'_>) -> Vec<Quote> {
    let chars = &text.chars[..];
    let mut quotes = Vec::new();
    let mut open: Option<Open> = None;
    let mut para_start = skip_blank(chars, 0);
    while para_start < chars.len() {
        let para_end = text.paragraph_end(para_start);
        let marks = marks_in(text, para_start, para_end);
        let next_start = skip_blank(chars, para_end);
        // The next paragraph opens with the same family: an open quote may continue there,
        // which counts as one more closing mark when deciding on nesting.
        let continues = |family: Family| {
            next_start < chars.len()
                && mark_at(chars, next_start).is_some_and(|m| m.can_open && m.family == family)
        };
        // closers_after[k][f]: marks from k on that can close a quote of family f, counted
        // once per paragraph when a nested quote first asks (most paragraphs never do).
        let mut closers_after: Option<Vec<[usize; 4]>> = None;
        let mut k = 0;
        if let Some(o) = open.as_mut() {
            // Carried over only when this paragraph opens with a mark of the same family.
            o.seg_start = marks[0].at + marks[0].width;
            k = 1;
        }
        while k < marks.len() {
            let m = marks[k];
            match open.as_mut() {
                None if m.can_open => open = Some(Open::at(&m)),
                None => {}
                Some(o) if m.closes(o.family) => {
                    if o.depth > 0 {
                        o.depth -= 1;
                    } else if let Some(o) = open.take() {
                        finish(text, o, m.at, &mut quotes);
                    }
                }
                Some(o) if m.can_open && m.family == o.family => {
                    let after = closers_after.get_or_insert_with(|| {
                        let mut counts = vec![[0; 4]; marks.len() + 1];
                        for j in (0..marks.len()).rev() {
                            counts[j] = counts[j + 1];
                            for f in FAMILIES {
                                counts[j][f as usize] += usize::from(marks[j].closes(f));
                            }
                        }
                        counts
                    });
                    let closers =
                        after[k + 1][o.family as usize] + usize::from(continues(o.family));
                    if closers >= o.depth + 2 {
                        o.depth += 1;
                    } else if let Some(o) = open.replace(Open::at(&m)) {
                        finish(text, o, m.at, &mut quotes);
                    }
                }
                Some(_) => {}
            }
            k += 1;
        }
        if let Some(o) = open.as_mut() {
            if continues(o.family) {
                o.text.push_str(text.slice(o.seg_start, para_end));
                o.text.push_str("\n\n");
                o.depth = 0;
            } else if let Some(o) = open.take() {
                finish(text, o, para_end, &mut quotes);
            }
        }
        para_start = next_start;
    }
    drop_names(chars, &mut quotes);
    drop_scare_quotes(chars, &mut quotes);
    quotes
}

/// Most words a scare quote may have.
const SCARE_MAX_WORDS: usize = 4;

/// Removes scare quotes: a short quoted phrase (at most [`SCARE_MAX_WORDS`] words, not a
/// sentence of its own) inside a sentence that has no word announcing speech or writing
/// (`the so-called “reform” plan`, `a “historic” week`). A short quote stays when its
/// sentence has a cue (`she called the plan “a disgrace”`, `chants of “not again”`) or when
/// it opens its sentence.
fn drop_scare_quotes(chars: &[char], quotes: &mut Vec<Quote>) {
    let mut index: Option<Sentences> = None;
    quotes.retain(|q| {
        let Some((open, close, ends_sentence)) = scare_candidate(chars, q) else {
            return true;
        };
        let index = index.get_or_insert_with(|| Sentences::new(chars));
        let from = index.start[open];
        let to = if ends_sentence && next_opens_sentence(chars, close) {
            close
        } else {
            index.end[close]
        };
        let count = |prefix: &[usize], a: usize, b: usize| prefix[b] - prefix[a];
        let english = count(&index.english, from, open) + count(&index.english, close, to) > 0;
        let cue = count(&index.cues, from, open) + count(&index.cues, close, to) > 0;
        !english || cue
    });
}

/// Where a quote that may be a scare quote starts and ends, marks included, and whether it
/// ends with a sentence terminator; `None` when it cannot be one: too long, a sentence of
/// its own, opening its sentence, or in marks other than English ones.
fn scare_candidate(chars: &[char], q: &Quote) -> Option<(usize, usize, bool)> {
    let words = q
        .text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    if words > SCARE_MAX_WORDS || q.text.contains('\n') {
        return None;
    }
    // A sentence of its own (`“Lock the gates!”`) is speech.
    let core = q
        .text
        .trim_end_matches(|c: char| is_mark_char(c) || c == ')');
    let capitalised = core
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_uppercase);
    let terminated = core.ends_with(['.', '!', '?']);
    if capitalised && terminated {
        return None;
    }
    let mut open = q.start;
    while open > 0 && is_mark_char(chars[open - 1]) {
        open -= 1;
    }
    // The cue words are English: „…“ and «…» quotes are left alone.
    if !matches!(chars.get(open), Some('“' | '"' | '\'')) {
        return None;
    }
    // A quote that opens its sentence or paragraph is not a scare quote.
    let mut i = open;
    while i > 0 && chars[i - 1] == ' ' {
        i -= 1;
    }
    if i == 0 || matches!(chars[i - 1], '\n' | '.' | '!' | '?' | ':') {
        return None;
    }
    let mut close = q.end;
    while close < chars.len() && is_mark_char(chars[close]) {
        close += 1;
    }
    Some((open, close, terminated))
}

/// Sentences and words of a body, for [`drop_scare_quotes`]: built once, so that each quote
/// is judged in constant time.
struct Sentences {
    /// `start[i]`: start of the sentence holding the character before `i`.
    start: Vec<usize>,
    /// `end[i]`: end of the sentence holding `i` (past its terminator), within its line.
    end: Vec<usize>,
    /// `cues[i]`: cue words ([`super::attribution::is_cue_word`]) starting before `i`.
    cues: Vec<usize>,
    /// `english[i]`: English function words starting before `i`.
    english: Vec<usize>,
}

impl Sentences {
    fn new(chars: &[char]) -> Sentences {
        let n = chars.len();
        let mut start = vec![0; n + 1];
        for i in 1..=n {
            start[i] = if chars[i - 1] == '\n' || ends_sentence_at(chars, i - 1) {
                i
            } else {
                start[i - 1]
            };
        }
        let mut end = vec![n; n + 1];
        for j in (0..n).rev() {
            end[j] = if chars[j] == '\n' {
                j
            } else if ends_sentence_at(chars, j) {
                j + 1
            } else {
                end[j + 1]
            };
        }
        let prefix = |in_word: fn(char) -> bool, keep: fn(&str) -> bool| {
            let mut counts = vec![0; n + 1];
            let mut i = 0;
            while i < n {
                counts[i + 1] = counts[i];
                if in_word(chars[i]) && (i == 0 || !in_word(chars[i - 1])) {
                    let word: String = chars[i..]
                        .iter()
                        .take_while(|&&c| in_word(c))
                        .flat_map(|c| c.to_lowercase())
                        .collect();
                    counts[i + 1] += usize::from(keep(&word));
                }
                i += 1;
            }
            counts
        };
        let cues = prefix(
            |c| c.is_alphanumeric() || matches!(c, '-' | '’' | '\''),
            super::attribution::is_cue_word,
        );
        let english = prefix(char::is_alphanumeric, |w| {
            ENGLISH_FUNCTION_WORDS.contains(&w)
        });
        Sentences {
            start,
            end,
            cues,
            english,
        }
    }
}

/// Common English words, one of which tells that a sentence is English.
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "and", "is", "was", "are", "were", "for", "with",
    "by", "at", "it", "that", "this", "as", "be", "has", "have", "had", "from",
];

/// Whether a sentence ending with a terminator ends at `at` (just past the terminator and
/// any closing marks): white space follows, and then no lower-case letter.
fn next_opens_sentence(chars: &[char], at: usize) -> bool {
    if !chars.get(at).is_none_or(|c| c.is_whitespace()) {
        return false;
    }
    let next = chars[at..].iter().find(|c| **c != ' ');
    !next.is_some_and(|c| c.is_lowercase())
}

/// Whether the `.`, `!` or `?` at `at` ends a sentence: not the period of an abbreviation
/// (`Gov.`, `U.S.`), and followed (after closing marks) by a new sentence.
fn ends_sentence_at(chars: &[char], at: usize) -> bool {
    if !matches!(chars[at], '.' | '!' | '?') {
        return false;
    }
    if chars[at] == '.' {
        let mut i = at;
        while i > 0 && chars[i - 1].is_alphanumeric() {
            i -= 1;
        }
        let word: String = chars[i..at].iter().flat_map(|c| c.to_lowercase()).collect();
        let initial = word.chars().count() == 1 && chars[i].is_uppercase();
        if initial || super::attribution::is_abbreviation(&word) {
            return false;
        }
    }
    let mut j = at + 1;
    while j < chars.len() && (is_mark_char(chars[j]) || chars[j] == ')') {
        j += 1;
    }
    next_opens_sentence(chars, j)
}

/// Removes quotes that name a work (`on “Meet the Press”`) or are a nickname inside a name
/// (`Juan “Chico” Ruiz`): they are not speech. A title-case quote listed right after a title
/// (`“Veep” and “Girls”`) is a title too.
fn drop_names(chars: &[char], quotes: &mut Vec<Quote>) {
    let mut keep = Vec::with_capacity(quotes.len());
    let mut prev_title_end: Option<usize> = None;
    for q in quotes.iter() {
        let listed_after_title = prev_title_end.is_some_and(|end| {
            let between: String = chars[end..q.start].iter().collect();
            between
                .split(|c: char| c.is_whitespace() || c == ',' || is_mark_char(c))
                .all(|w| w.is_empty() || w == "and" || w == "or")
        });
        let title = is_title(chars, q, listed_after_title);
        prev_title_end = title.then_some(q.end);
        keep.push(!title && !is_nickname(chars, q));
    }
    let mut flags = keep.into_iter();
    quotes.retain(|_| flags.next().unwrap_or(true));
}

/// A one-word capitalised quote between two capitalised words: `Marcia “Cia” Price`.
fn is_nickname(chars: &[char], q: &Quote) -> bool {
    let capitalised = |w: &str| w.starts_with(char::is_uppercase);
    let text = q.text.trim_matches(|c: char| !c.is_alphanumeric());
    if text.split_whitespace().count() != 1 || !capitalised(text) {
        return false;
    }
    let mut i = q.start;
    while i > 0 && is_mark_char(chars[i - 1]) {
        i -= 1;
    }
    let before = words_before_raw(chars, i);
    let mut j = q.end;
    while j < chars.len() && is_mark_char(chars[j]) {
        j += 1;
    }
    if chars.get(j) != Some(&' ') {
        return false;
    }
    let after: String = chars[j + 1..]
        .iter()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    before.as_deref().is_some_and(capitalised) && capitalised(&after)
}

/// The word right before `at` when only one space separates them, as written.
fn words_before_raw(chars: &[char], at: usize) -> Option<String> {
    if at < 2 || chars[at - 1] != ' ' {
        return None;
    }
    let end = at - 1;
    let mut i = end;
    while i > 0 && chars[i - 1].is_alphanumeric() {
        i -= 1;
    }
    (i < end).then(|| chars[i..end].iter().collect())
}

/// Words a title may leave in lower case.
const TITLE_SMALL: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "is",
    "are", "as", "vs", "but", "nor", "into", "about", "de", "la", "el", "y",
];

/// Words right before an opening mark that announce the name of a work (`on “This Week”`,
/// `the book “…”`).
const TITLE_CUES_BEFORE: &[&str] = &[
    "on",
    "titled",
    "entitled",
    "headlined",
    "show",
    "program",
    "programme",
    "series",
    "film",
    "movie",
    "book",
    "song",
    "album",
    "column",
    "article",
    "podcast",
    "newsletter",
    "magazine",
    "documentary",
    "sequel",
    "novel",
    "memoir",
    "play",
    "musical",
    "broadcast",
    "classic",
    "episode",
    "edition",
    "segment",
    "anthem",
    "hit",
    "op-ed",
    "editorial",
    "essay",
    "poem",
    "opera",
    "sitcom",
    "blog",
    "video",
    "ad",
    "headline",
    "nickname",
    "so-called",
];

/// Words before `of` that make what follows the name of a work (`an episode of “…”`).
const TITLE_CUES_OF: &[&str] = &[
    "episode",
    "edition",
    "author",
    "co-author",
    "host",
    "hosts",
    "co-host",
    "star",
    "stars",
    "broadcast",
    "editor",
    "co-editor",
    "creator",
    "season",
    "cast",
    "premiere",
    "finale",
    "producer",
];

/// Words right after a closing mark that make the quote the name of a work (`“…” star`).
const TITLE_CUES_AFTER: &[&str] = &[
    "show",
    "program",
    "programme",
    "host",
    "co-host",
    "anchor",
    "star",
    "broadcast",
    "segment",
    "podcast",
    "series",
    "film",
    "movie",
    "book",
    "author",
    "episode",
    "radio",
    "sequel",
    "franchise",
    "album",
    "song",
    "tour",
    "newsletter",
    "column",
    "documentary",
    "special",
    "actor",
    "actress",
    "creator",
];

/// Whether a quote is the name of a show, book or film rather than speech: its words are in
/// title case, it does not open a sentence, and the words around it announce a work.
fn is_title(chars: &[char], q: &Quote, listed_after_title: bool) -> bool {
    // Title case: at most 12 words, every one not in TITLE_SMALL capitalised (or a number),
    // and at least one such word.
    let small = |w: &str| {
        if w.is_ascii() {
            TITLE_SMALL.iter().any(|s| s.eq_ignore_ascii_case(w))
        } else {
            TITLE_SMALL.contains(&w.to_lowercase().as_str())
        }
    };
    let (mut words, mut significant, mut capitalised) = (0, 0, true);
    for w in q.text.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        words += 1;
        if words > 12 {
            break;
        }
        if !small(w) {
            significant += 1;
            capitalised &= w.starts_with(|c: char| c.is_uppercase() || c.is_numeric());
        }
    }
    let title_case = significant > 0 && words <= 12 && capitalised;
    if !title_case {
        return q.text.ends_with(',') && by_author(chars, q.end);
    }
    // Back over the opening mark(s) and space to the previous word.
    let mut i = q.start;
    while i > 0 && (is_mark_char(chars[i - 1]) || chars[i - 1].is_whitespace()) {
        if chars[i - 1] == '\n' {
            break;
        }
        i -= 1;
    }
    let mut j = q.end;
    while j < chars.len() && (is_mark_char(chars[j]) || chars[j] == ' ') {
        j += 1;
    }
    let next: String = chars[j..]
        .iter()
        .take_while(|c| c.is_alphanumeric() || **c == '-')
        .flat_map(|c| c.to_lowercase())
        .collect();
    if i == 0 || matches!(chars[i - 1], '\n' | '.' | '!' | '?' | ':') {
        // Opening its sentence, only a role after it makes it a work: `“Title” star Ann Doe`.
        return TITLE_ROLES_AFTER.contains(&next.as_str());
    }
    if listed_after_title {
        return true;
    }
    let before: Vec<String> = words_before(chars, i, 2);
    let prev = before.last().map(String::as_str).unwrap_or("");
    let pair =
        |table: &[(&str, &str)]| before.len() == 2 && table.contains(&(before[0].as_str(), prev));
    let cue_before = TITLE_CUES_BEFORE.contains(&prev)
        || prev.ends_with("’s")
        || prev.ends_with("'s")
        || prev.ends_with("s’")
        || prev.ends_with("s'")
        || (prev.ends_with('s') && matches!(chars.get(i), Some('\'' | '’')))
        || (prev == "of" && before.len() == 2 && TITLE_CUES_OF.contains(&before[0].as_str()))
        || pair(TITLE_CUES_PREP);
    cue_before || TITLE_CUES_AFTER.contains(&next.as_str()) || by_author(chars, q.end)
}

/// Words after a title that opens its sentence which make it the name of a work (`“Title”
/// star Ann Doe said`).
const TITLE_ROLES_AFTER: &[&str] = &[
    "star", "host", "co-host", "anchor", "actor", "actress", "creator", "author",
];

/// Two words right before an opening mark that announce the name of a work (`starred in
/// “…”`, `an interview with “…”`).
const TITLE_CUES_PREP: &[(&str, &str)] = &[
    ("starred", "in"),
    ("starring", "in"),
    ("stars", "in"),
    ("star", "in"),
    ("role", "in"),
    ("roles", "in"),
    ("appeared", "on"),
    ("appearing", "on"),
    ("appearance", "on"),
    ("appeared", "in"),
    ("interview", "with"),
    ("interview", "on"),
    ("speaking", "to"),
];

/// Whether `by` and a capitalised word follow the closing mark at `end`: `“Title,” by Ann
/// Doe`, the way works are cited.
fn by_author(chars: &[char], end: usize) -> bool {
    let mut j = end;
    while j < chars.len() && (is_mark_char(chars[j]) || chars[j] == ' ') {
        j += 1;
    }
    let rest = &chars[j.min(chars.len())..];
    rest.starts_with(&['b', 'y', ' ']) && rest.get(3).is_some_and(|c| c.is_uppercase())
}

/// Quote marks and apostrophes, skipped when looking for the words around a quote.
fn is_mark_char(c: char) -> bool {
    if c.is_ascii() {
        c == '"' || c == '\''
    } else {
        matches!(c, '“' | '”' | '„' | '«' | '»' | '’' | '‘')
    }
}

/// Up to `n` lower-cased words ending before `at` (commas skipped), oldest first.
fn words_before(chars: &[char], at: usize, n: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = at;
    while out.len() < n {
        while i > 0 && (chars[i - 1].is_whitespace() || chars[i - 1] == ',') {
            if chars[i - 1] == '\n' {
                break;
            }
            i -= 1;
        }
        let end = i;
        while i > 0 && (chars[i - 1].is_alphanumeric() || matches!(chars[i - 1], '’' | '\'' | '-'))
        {
            i -= 1;
        }
        if i == end {
            break;
        }
        out.push(
            chars[i..end]
                .iter()
                .flat_map(|c| c.to_lowercase())
                .collect(),
        );
    }
    out.reverse();
    out
}

/// First character at or after `i` that is not white space.
fn skip_blank(chars: &[char], mut i: usize) -> usize {
    while i < chars.len() && chars[i].is_whitespace() {
        i += 1;
    }
    i
}

/// Closes `o` at `end` (its closing mark, or where it stopped) and keeps it when it holds a
/// word.
fn finish(body: &Chars<'_>, o: Open, end: usize, quotes: &mut Vec<Quote>) {
    let chars = &body.chars[..];
    let mut end = end;
    while end > o.seg_start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    let mut text = o.text;
    text.push_str(body.slice(o.seg_start, end));
    let trimmed = text.trim();
    if trimmed.chars().any(char::is_alphanumeric) {
        let text = if trimmed.len() == text.len() {
            text
        } else {
            trimmed.to_string()
        };
        quotes.push(Quote {
            text,
            start: o.start,
            end,
            speaker: None,
            role: None,
        });
    }
}

/// Fills in `speaker` and `role` where the text around a quote names one (see
/// [`attribution`](super::attribution) for the rules). `quotes` must come from [`extract`] on the
/// same `body`.
#[cfg(test)]
pub fn attribute(body: &str, quotes: &mut [Quote]) {
    super::attribution::attribute(body, quotes);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<String> {
        extract(body).into_iter().map(|q| q.text).collect()
    }

    #[test]
    fn all_mark_styles() {
        assert_eq!(texts("He said “yes,” then left."), ["yes,"]);
        assert_eq!(texts("Він сказав «так» і пішов."), ["так"]);
        assert_eq!(texts("Er sagte „ja“ und ging."), ["ja"]);
        assert_eq!(
            texts("He said \"no\" twice, \"really.\""),
            ["no", "really."]
        );
    }

    #[test]
    fn nested_single_quotes_and_apostrophes_stay_inside() {
        assert_eq!(
            texts("“Don’t call it ‘victory’ yet,” she said. Ukraine’s zobov'yazannia."),
            ["Don’t call it ‘victory’ yet,"]
        );
    }

    #[test]
    fn offsets_are_character_offsets() {
        let body = "Київ — “Так,” said Ivan.";
        let q = &extract(body)[0];
        let slice: String = body.chars().skip(q.start).take(q.end - q.start).collect();
        assert_eq!(slice, "Так,");
    }

    #[test]
    fn multi_paragraph_quote_is_one() {
        let body = "“First part.\n\n“Second part.\n\n“Third part,” she said.\n\nAfter.";
        let q = extract(body);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "First part.\n\nSecond part.\n\nThird part,");
    }

    #[test]
    fn unclosed_quote_ends_with_its_paragraph() {
        let q = texts("“Never closed.\n\nNext paragraph says “a quote.”");
        assert_eq!(q, ["Never closed.", "a quote."]);
    }

    #[test]
    fn double_apostrophes_as_quote_marks() {
        assert_eq!(
            texts("''We won,'' Mr. Alvarez said. ''It's late, but we won.''"),
            ["We won,", "It's late, but we won."]
        );
        // A typist's space before the closing marks.
        assert_eq!(texts("''It was 'fine,' '' he said."), ["It was 'fine,'"]);
        assert_eq!(texts("“It is done’’ he said."), ["It is done"]);
    }

    #[test]
    fn mixed_and_adjacent_marks() {
        assert_eq!(texts("\"We stay,” she said."), ["We stay,"]);
        assert_eq!(texts("“We stay,\" she said."), ["We stay,"]);
        assert_eq!(texts("\"First,\"\"Second.\""), ["First,", "Second."]);
        assert_eq!(texts("“First,”“Second.”"), ["First,", "Second."]);
    }

    #[test]
    fn nested_double_quotes_and_unclosed_ones() {
        // Enough closing marks for both: nested.
        assert_eq!(
            texts("“She called it “a disgrace” twice,” he said."),
            ["She called it “a disgrace” twice,"]
        );
        // Not enough: the first quote was never closed and ends where the next begins.
        assert_eq!(
            texts("“We are here, said Ana. “We stay.”"),
            ["We are here, said Ana.", "We stay."]
        );
        // A block quote in straight marks with curly ones inside runs on.
        assert_eq!(
            texts("\"The letter says “no” twice.\n\n\"It ends here.\""),
            ["The letter says “no” twice.\n\nIt ends here."]
        );
    }

    #[test]
    fn markup_attributes_are_not_quotes() {
        assert_eq!(
            texts("<a href=\"x.html\" title=\"y z\">link</a> and she said \"a real quote\""),
            ["a real quote"]
        );
    }

    #[test]
    fn names_of_works_and_nicknames_are_not_quotes() {
        let none: [&str; 0] = [];
        assert_eq!(
            texts("She appeared on the show “Evening Table” on Sunday."),
            none
        );
        assert_eq!(
            texts("He told NTV’s “Morning Hour” that the plan was “dead.”"),
            ["dead."]
        );
        assert_eq!(
            texts("The film “River of Salt” and “Winter Port” opened."),
            none
        );
        assert_eq!(texts("Jan “Bear” Kowalski said no."), none);
        assert_eq!(
            texts("Read “Why the ferry stopped running,” by Ola Berg, in Sunday’s paper."),
            none
        );
        // Title case alone is not enough: slogans and nicknames in speech stay.
        assert_eq!(
            texts("“Go Home,” the crowd chanted. He called him “Little Tom.”"),
            ["Go Home,", "Little Tom."]
        );
    }

    #[test]
    fn scare_quotes_without_a_cue_are_dropped() {
        let none: [&str; 0] = [];
        assert_eq!(texts("The so-called “reform” plan passed on Monday."), none);
        assert_eq!(texts("It was a “historic” week for the little town."), none);
        assert_eq!(
            texts("Fares rose again. Riders call the new line a “ghost train” now."),
            ["ghost train"]
        );
        // A cue in another sentence does not count.
        assert_eq!(
            texts("Ana Lee said nothing. The “quiet period” ended in May."),
            none
        );
        // The period of an abbreviation does not end the sentence holding the cue.
        assert_eq!(
            texts("Ruiz told the U.S. Senate the bill was “a mess” in part."),
            ["a mess"]
        );
    }

    #[test]
    fn short_quotes_with_a_cue_or_of_their_own_stay() {
        assert_eq!(
            texts("She called the ferry plan “a disgrace” on Monday."),
            ["a disgrace"]
        );
        assert_eq!(
            texts("The crowd broke into chants of “one more year” at dusk."),
            ["one more year"]
        );
        assert_eq!(
            texts("The mayor coined the phrase “bridges not walls” last spring."),
            ["bridges not walls"]
        );
        // A sentence of its own, a quote opening its sentence, a longer quote.
        assert_eq!(
            texts("Then came “Never again!” from the back row."),
            ["Never again!"]
        );
        assert_eq!(texts("“Maybe later” was all we got."), ["Maybe later"]);
        assert_eq!(
            texts("The plan would bring “more buses to every district by June” next year."),
            ["more buses to every district by June"]
        );
    }

    #[test]
    fn more_names_of_works() {
        let none: [&str; 0] = [];
        assert_eq!(
            texts("Ana Lee, who starred in “Harbor Lights,” spoke first."),
            none
        );
        assert_eq!(
            texts("He said so in an interview with “Morning Roundup” on Friday."),
            none
        );
        assert_eq!(
            texts("He said so on NBS' “Morning Roundup” on Friday."),
            none
        );
        // Opening its sentence or paragraph, a work followed by a role.
        assert_eq!(texts("Photo.\n\n“Night Harbor” star Ana Lee smiled."), none);
        assert_eq!(
            texts("It rained. “Night Harbor” host Ana Lee smiled."),
            none
        );
    }

    #[test]
    fn ukrainian_apostrophes_are_not_marks() {
        assert_eq!(
            texts("Вони взяли зобов'язання «діяти швидко» і м'яко."),
            ["діяти швидко"]
        );
    }

    #[test]
    fn many_marks_do_not_blow_up() {
        let body = "“".repeat(10_000);
        assert!(extract(&body).len() < 10_000);
        let body = "He said \"a\". ".repeat(5_000);
        assert_eq!(extract(&body).len(), 5_000);
        // Openers only, in one paragraph: linear, not quadratic.
        let body = "“a ".repeat(50_000);
        assert!(extract(&body).len() <= 50_000);
        let body = "'''".repeat(10_000);
        let _ = extract(&body);
    }
}
