//! Quoted spans: pairing the quote marks of a body (“…”, "…", «…», „…“ and the ''…'' of
//! some US archives, with ‘…’ nested inside) into [`Quote`]s, across paragraphs when a long
//! quote runs on. A paragraph with none of those marks may quote in single ones (‘…’, '…':
//! headlines, British style). Apostrophes (`don’t`, `зобов'язання`) are never marks. Whether a span is
//! speech at all is decided after, in `non_speech`.

use serde::Serialize;

use super::text::{is_mark_char, Chars};

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
    /// Who said it, as the fullest name the article gives; `None` when unknown. Of joint
    /// speakers (`Nancy Pelosi and Chuck Schumer said`), the first; all are in `speakers`.
    pub speaker: Option<String>,
    /// Every speaker, in the order the text names them: `[speaker]` for one, empty for none.
    pub speakers: Vec<String>,
    /// Whether the speaker is a person or an organisation (`White House`, `Fox News`);
    /// `None` when there is no speaker.
    pub speaker_kind: Option<SpeakerKind>,
    /// The speaker's title as given (`Donetsk Gov.`), when present.
    pub role: Option<String>,
    /// A quote in the article's title: `start` and `end` are offsets in the title.
    pub in_title: bool,
}

/// What kind of speaker a quote has: a person, or an organisation speaking as one (a
/// government office, a company, a newspaper, a country).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A person (`Nancy Pelosi`, `Kofman`).
    Person,
    /// An organisation, an office or a country (`White House`, `Justice Department`).
    Organisation,
}

impl SpeakerKind {
    /// `person` or `organisation`, as indexed and printed.
    pub fn name(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organisation => "organisation",
        }
    }

    /// The kind named `s` (`person`, `organisation`; `org` and `organization` too).
    pub fn parse(s: &str) -> Option<SpeakerKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "person" | "people" | "persons" => Some(SpeakerKind::Person),
            "organisation" | "organization" | "org" | "organisations" | "organizations" => {
                Some(SpeakerKind::Organisation)
            }
            _ => None,
        }
    }
}

impl Quote {
    /// A quote of `text` at characters `start..end`, with no speaker yet.
    pub fn unattributed(text: String, start: usize, end: usize) -> Quote {
        Quote {
            text,
            start,
            end,
            speaker: None,
            speakers: Vec::new(),
            speaker_kind: None,
            role: None,
            in_title: false,
        }
    }

    /// Gives this quote the speaker of `other` (names, kind and role): the same words quoted
    /// again, or the same voice going on.
    pub(super) fn take_speaker(&mut self, other: &Quote) {
        self.speaker = other.speaker.clone();
        self.speakers = other.speakers.clone();
        self.speaker_kind = other.speaker_kind;
        self.role = other.role.clone();
    }
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

/// Every quoted span of `text`, in order, paired as [`extract`](super::extract) describes;
/// spans that are not speech are still among them.
pub(super) fn find(text: &Chars<'_>) -> Vec<Quote> {
    find_with(text, false)
}

/// [`find`] for a headline: one word or a few in title case in single marks are quotes too
/// (`Christie Calls Clinton ‘A Disgrace’`), where a headline's every word is capitalised.
pub(super) fn find_headline(text: &Chars<'_>) -> Vec<Quote> {
    find_with(text, true)
}

fn find_with(text: &Chars<'_>, headline: bool) -> Vec<Quote> {
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
        // A paragraph without double marks may quote in single ones: a headline (`Sanders:
        // Clinton needs to 'get away from all of this'`), British style (‘…’).
        if marks.is_empty() && open.is_none() {
            single_quotes(text, para_start, para_end, headline, &mut quotes);
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
    quotes
}

/// The quotes in single marks (‘…’ or '…') of `chars[from..to]`, a paragraph without
/// double marks: an opening mark after a space or bracket and before a letter, closed by the
/// next mark after a non-space and before no letter or digit, on the same line, holding two
/// words or more. Apostrophes inside words (`don’t`, `Trump's`) are neither; one before a
/// digit (`’90s`) opens nothing. In a `headline`, one word is enough and title case no
/// sign of a work.
fn single_quotes(
    text: &Chars<'_>,
    from: usize,
    to: usize,
    headline: bool,
    quotes: &mut Vec<Quote>,
) {
    // Most paragraphs have no apostrophe of any kind: look at the bytes first.
    let bytes = &text.body.as_bytes()[text.bytes[from]..text.bytes[to]];
    if memchr::memchr2(b'\'', 0xE2, bytes).is_none() {
        return;
    }
    let chars = &text.chars[..];
    let mut open: Option<usize> = None;
    for i in from..to {
        let c = chars[i];
        if c == '\n' {
            open = None;
            continue;
        }
        if !matches!(c, '\'' | '‘' | '’') {
            continue;
        }
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        match open {
            None => {
                let opens = matches!(c, '\'' | '‘')
                    && opening_context(prev)
                    && next.is_some_and(char::is_alphabetic);
                if opens {
                    open = Some(i + 1);
                }
            }
            Some(start) => {
                let closes = matches!(c, '\'' | '’')
                    && prev.is_some_and(|p| !p.is_whitespace())
                    && !next.is_some_and(char::is_alphanumeric);
                if closes {
                    // One word in single marks is a term or a name (`‘Dwarf’`, `'email'`),
                    // and a few in title case a work's title (`‘The 411’`, `'Talk Bernie to
                    // Me'`), far more often than speech.
                    let quote = text.slice(start, i);
                    let words = quote.split_whitespace().nth(1).is_some();
                    if headline || words && !title_cased(quote) {
                        quotes.push(Quote::unattributed(quote.to_string(), start, i));
                    }
                    open = None;
                }
            }
        }
    }
}

/// Whether `text` is a few words in title case: six or fewer, each capitalised or a number
/// but for the small words titles leave in lower case.
pub(super) fn title_cased(text: &str) -> bool {
    const SMALL: &[&str] = &[
        "a", "an", "the", "of", "to", "in", "and", "or", "for", "on", "at", "by", "with",
    ];
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    words.len() <= 6
        && words.iter().all(|w| {
            SMALL.contains(w) || w.starts_with(|c: char| c.is_uppercase() || c.is_numeric())
        })
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
        quotes.push(Quote::unattributed(text, o.start, end));
    }
}

#[cfg(test)]
mod tests {
    use super::super::extract;
    use super::super::test_util::texts;

    /// Issue 21: a paragraph without double marks quotes in single ones (a headline, British
    /// style); apostrophes, one-word terms and marks beside double quotes are no quotes.
    #[test]
    fn single_marks_where_no_double_ones_are() {
        assert_eq!(
            texts("Sanders: Clinton needs to 'get away from all of this' with Trump.\n\nText."),
            ["get away from all of this"]
        );
        assert_eq!(
            texts("‘We will not back down,’ said the minister. The 1990s’ boom, Trump’s plan."),
            ["We will not back down,"]
        );
        // A work's title in title case is no speech.
        assert_eq!(
            texts("Blige sings in a clip of ‘The 411.’ Stars of 'Talk Bernie to Me' came."),
            [] as [&str; 0]
        );
        // One word is a term; the ’90s open nothing; a quote does not run past its line.
        assert_eq!(
            texts("The ‘Dwarf’ apple of the ’90s.\n‘It was never\nsaid’"),
            [] as [&str; 0]
        );
        // Beside double marks, single ones stay nested or apostrophes.
        assert_eq!(
            texts("He said “don’t call it ‘victory’ yet,” and left the voters’ hall."),
            ["don’t call it ‘victory’ yet,"]
        );
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
    fn ukrainian_apostrophes_are_not_marks() {
        // The spans as paired (the public entry then drops this one as a term, not speech).
        let body = "Вони взяли зобов'язання «діяти швидко» і м'яко.";
        let spans = super::find(&super::Chars::new(body));
        let texts: Vec<&str> = spans.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(texts, ["діяти швидко"]);
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
