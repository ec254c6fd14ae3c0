//! Quoted spans that are not speech, and so are dropped: names of works (`on “Meet the
//! Press”`, `“Title,” by Ann Doe`), nicknames (`Juan “Chico” Ruiz`) and scare quotes (`a
//! “historic” week`: a short phrase inside a sentence with no word announcing speech).
//! Judged from the characters around each span.

use super::spans::Quote;
use super::text::is_mark_char;
use super::words::{
    is_abbreviation, is_cue_word, ENGLISH_FUNCTION_WORDS, MENTION_CUES, SIGNS, TITLE_CUES_AFTER,
    TITLE_CUES_BEFORE, TITLE_CUES_OF, TITLE_CUES_PREP, TITLE_ROLES_AFTER, TITLE_SMALL,
};

/// Removes quotes that name a work (`on “Meet the Press”`) or are a nickname inside a name
/// (`Juan “Chico” Ruiz`): they are not speech. A title-case quote listed right after a title
/// (`“Veep” and “Girls”`) is a title too. In a `headline`, whose every word is capitalised,
/// capitals around a quote make no nickname (`Trump Was ‘Mocking’ Clinton Camp`).
pub(super) fn drop_names(chars: &[char], quotes: &mut Vec<Quote>, headline: bool) {
    let mut keep = Vec::with_capacity(quotes.len());
    let mut prev_title_end: Option<usize> = None;
    // The last quote, when it is a key of data printed in the article.
    let mut prev_key: Option<&Quote> = None;
    for q in quotes.iter() {
        let listed_after_title = prev_title_end.is_some_and(|end| {
            let between: String = chars[end..q.start].iter().collect();
            between
                .split(|c: char| c.is_whitespace() || c == ',' || is_mark_char(c))
                .all(|w| w.is_empty() || w == "and" || w == "or")
        });
        let title = is_title(chars, q, listed_after_title);
        prev_title_end = title.then_some(q.end);
        let data = is_data_key(chars, q) || prev_key.is_some_and(|k| is_data_value(chars, k, q));
        prev_key = is_data_key(chars, q).then_some(q);
        let nickname = !headline && is_nickname(chars, q);
        keep.push(!title && !nickname && !data && !is_label(chars, q));
    }
    let mut flags = keep.into_iter();
    quotes.retain(|_| flags.next().unwrap_or(true));
}

/// A key of JSON or similar data printed in an article (`{ "Name": "Matthew Davis", "Age":
/// 26 }`): a quoted span opened after `{` or `,`, then a colon and a value (a quoted string,
/// a number, an object or a list). Not speech, and no speaker of the value after it.
fn is_data_key(chars: &[char], q: &Quote) -> bool {
    let blank = |c: char| c == ' ' || c == '\t' || c == '\n';
    let skip_blank = |mut i: usize| {
        while chars.get(i).is_some_and(|&c| blank(c)) {
            i += 1;
        }
        i
    };
    let mut i = q.start;
    while i > 0 && (is_mark_char(chars[i - 1]) || blank(chars[i - 1])) {
        i -= 1;
    }
    if i == 0 || !matches!(chars[i - 1], '{' | ',') {
        return false;
    }
    chars.get(q.end).copied().is_some_and(is_mark_char) && {
        let colon = skip_blank(q.end + 1);
        chars.get(colon) == Some(&':')
            && chars.get(skip_blank(colon + 1)).is_some_and(|&c| {
                is_mark_char(c) || c.is_ascii_digit() || matches!(c, '{' | '[' | '-')
            })
    }
}

/// Whether `q` is the string value of the data key `key` just before it (`"Name": "…"`).
fn is_data_value(chars: &[char], key: &Quote, q: &Quote) -> bool {
    let between = &chars[key.end.min(q.start)..q.start];
    between.iter().filter(|&&c| c == ':').count() == 1
        && between
            .iter()
            .all(|&c| c == ':' || c == ' ' || c == '\t' || is_mark_char(c))
}

/// A few words quoted as words, not said: `the phrase “anchor baby”`, `the motto “In God We
/// Trust”`, `a sign reading “…”`, `shirts that read “…”`, `the slogan is “…”`, `an op-ed
/// titled “…”`. Kept as quotes (PolNeAR's annotators count them as attributed content), but
/// given no speaker.
pub(super) fn is_mention(chars: &[char], q: &Quote) -> bool {
    let words = q.text.split_whitespace().count();
    if words > MENTION_MAX_WORDS {
        return false;
    }
    let mut i = q.start;
    while i > 0 && is_mark_char(chars[i - 1]) {
        i -= 1;
    }
    // `banners proclaiming: “…”`.
    while i > 0 && matches!(chars[i - 1], ':' | ' ') {
        i -= 1;
    }
    let before = words_before(chars, i, 3);
    let n = before.len();
    let prev = before.last().map(String::as_str).unwrap_or("");
    if words <= 6 && (MENTION_CUES.contains(&prev) || known_as_after(chars, q.end)) {
        return true;
    }
    if TITLED.contains(&prev) {
        return true;
    }
    // `the candidate he calls “Mini Mike”`: a name given, not words said.
    let name_given = q.text.split_whitespace().all(|w| {
        w.chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_uppercase)
    });
    if words <= 4 && name_given && NAMING.contains(&prev) {
        return true;
    }
    // `a website called “Cape Breton If Donald Trump Wins”`: a thing's name, however long.
    let thing_before = n >= 2 && {
        let w = before[n - 2].as_str();
        w.chars().all(|c| c.is_ascii_lowercase()) && !not_a_noun(w) && !w.ends_with("ly")
    };
    if words <= 12 && name_given && matches!(prev, "called" | "named") && thing_before {
        return true;
    }
    // `the “Make America Great Again” hat`, `their “Blood and Soil” goals`: a title-case
    // phrase that modifies the noun after it names something.
    if (2..=8).contains(&words) && title_case(&q.text) && noun_after(chars, q.end) {
        return true;
    }
    // `took the stage to “Eye of the Tiger”`, `famous in “The 40-Year-Old Virgin”`: a
    // title-case name that a preposition governs (written in lower case: `Asked Men To
    // “Redefine Masculinity”` is a heading, all in title case).
    let governed = matches!(prev, "in" | "to" | "into" | "at" | "with") && {
        let mut k = i;
        while k > 0 && chars[k - 1].is_alphanumeric() {
            k -= 1;
        }
        chars.get(k).is_some_and(|c| c.is_lowercase())
    };
    if (2..=8).contains(&words) && title_case(&q.text) && governed {
        return true;
    }
    // `during a “Commander-in-Chief Forum”`, `Nixon's use of the “Southern Strategy”`: a
    // title-case name after an article that a preposition governs (not `called it a “Total
    // Disaster”`, what someone called it).
    let named_thing = matches!(prev, "a" | "an" | "the")
        && n >= 2
        && matches!(
            before[n - 2].as_str(),
            "of" | "in"
                | "during"
                | "at"
                | "for"
                | "on"
                | "from"
                | "by"
                | "with"
                | "about"
                | "under"
                | "into"
                | "over"
                | "after"
                | "before"
        );
    if (2..=8).contains(&words) && title_case(&q.text) && named_thing {
        return true;
    }
    // What carries the words, then up to two words that say so (`a sign that read`, `the
    // slogan is`, `hats saying`, `under a headline that said`).
    let carrier = |w: &str| SIGNS.contains(&w) || HEADINGS.contains(&w);
    (0..=2).any(|k| {
        n > k
            && carrier(&before[n - 1 - k])
            && before[n - k..]
                .iter()
                .all(|w| CARRIER_VERBS.contains(&w.as_str()))
    })
}

/// Whether the words after the closing mark at `end` say the quote is what something is
/// called (`“dorms” as they are known in the US`, `“bubbles,” as they are called`).
fn known_as_after(chars: &[char], end: usize) -> bool {
    let mut j = end;
    while j < chars.len() && (is_mark_char(chars[j]) || matches!(chars[j], ' ' | ',')) {
        j += 1;
    }
    let after: String = chars[j..]
        .iter()
        .take(40)
        .flat_map(|c| c.to_lowercase())
        .collect();
    let mut words = after
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    if words.next() != Some("as") {
        return false;
    }
    let rest: Vec<&str> = words.take(3).collect();
    rest.iter()
        .take_while(|w| !matches!(**w, "known" | "called" | "dubbed"))
        .all(|w| {
            matches!(
                *w,
                "they"
                    | "it"
                    | "these"
                    | "those"
                    | "such"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "often"
                    | "commonly"
                    | "sometimes"
                    | "also"
            )
        })
        && rest
            .iter()
            .any(|w| matches!(*w, "known" | "called" | "dubbed"))
}

/// Lower-case words that are no noun a name or a quote could belong to: the English
/// function words, and these pronouns, auxiliaries and the like.
const NOT_A_NOUN: &[&str] = &[
    "he", "she", "they", "we", "i", "you", "who", "which", "but", "or", "so", "then", "when",
    "where", "while", "because", "if", "not", "will", "would", "can", "could", "should", "may",
    "might", "must", "do", "does", "did", "also", "just", "only", "again", "now", "here", "there",
    "been", "being", "him", "her", "them", "us", "me", "what", "whom", "once", "even", "still",
    "too",
];

/// Whether a lower-case word is no noun a name or a quote could belong to.
fn not_a_noun(w: &str) -> bool {
    is_english_function_word(w) || NOT_A_NOUN.contains(&w)
}

/// Whether a lower-case noun follows the closing mark at `end` after one space (`“…” hat`),
/// not a pronoun, function word, speech verb or adverb (`“…” he said`, `“…” chanted`).
fn noun_after(chars: &[char], mut end: usize) -> bool {
    while end < chars.len() && is_mark_char(chars[end]) {
        end += 1;
    }
    if chars.get(end) != Some(&' ') {
        return false;
    }
    let word: String = chars[end + 1..]
        .iter()
        .take_while(|c| c.is_alphabetic() || **c == '-')
        .collect();
    let next = chars.get(end + 1 + word.chars().count());
    !word.is_empty()
        && word.chars().all(|c| c.is_lowercase() || c == '-')
        && !next.is_some_and(|c| *c == '’' || *c == '\'')
        && !not_a_noun(&word)
        && !is_cue_word(&word)
        && !word.ends_with("ly")
        && !word.ends_with("ed")
}

/// Whether a quote's words are in title case: at most 12, every one not in [`TITLE_SMALL`]
/// capitalised (or a number), and at least one such word.
fn title_case(text: &str) -> bool {
    let small = |w: &str| {
        if w.is_ascii() {
            TITLE_SMALL.iter().any(|s| s.eq_ignore_ascii_case(w))
        } else {
            TITLE_SMALL.contains(&w.to_lowercase().as_str())
        }
    };
    let (mut words, mut significant, mut capitalised) = (0, 0, true);
    for w in text.split_whitespace() {
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
    significant > 0 && words <= 12 && capitalised
}

/// Verbs that give something a name (`he calls “Mini Mike”`).
const NAMING: &[&str] = &[
    "call",
    "calls",
    "called",
    "calling",
    "nicknamed",
    "nicknames",
    "branded",
    "brands",
    "labelled",
    "labeled",
];

/// Most words a sign, slogan or title may have to be read as one.
const MENTION_MAX_WORDS: usize = 25;

/// Words right before an opening mark that name what follows (`an ad titled “…”`).
const TITLED: &[&str] = &["titled", "entitled", "headlined", "captioned", "dubbed"];

/// Headings and slogans that carry words (`the headline reads “…”`, `the slogan is “…”`).
const HEADINGS: &[&str] = &[
    "headline",
    "headlines",
    "caption",
    "subtitle",
    "subhead",
    "slogan",
    "slogans",
    "motto",
    "mottos",
    "inscription",
    "catchphrase",
];

/// Words between a thing that carries words and the words (`signs that read`, `the slogan
/// is`).
const CARRIER_VERBS: &[&str] = &[
    "read",
    "reads",
    "reading",
    "said",
    "says",
    "saying",
    "proclaiming",
    "proclaimed",
    "declaring",
    "bearing",
    "that",
    "which",
    "with",
    "is",
    "was",
    "emblazoned",
];

/// A page's label alone on its line (`“Related:”`, `“See also:”`): no one's speech (not
/// `She told him “Listen:” and left`). (A hashtag may be: `the hashtag “#ChairmanCash”` ends
/// a post.)
fn is_label(chars: &[char], q: &Quote) -> bool {
    let text = q.text.trim();
    let label = text.ends_with(':')
        && text.split_whitespace().count() <= 2
        && text.starts_with(char::is_uppercase);
    // Nothing but marks and spaces up to the line's end on this side.
    fn alone<'c>(mut side: impl Iterator<Item = &'c char>) -> bool {
        side.find(|&&c| !is_mark_char(c) && c != ' ')
            .is_none_or(|&c| c == '\n')
    }
    label && alone(chars[..q.start].iter().rev()) && alone(chars[q.end..].iter())
}

/// A one-word capitalised quote between two capitalised words (`Marcia “Cia” Price`) or
/// initials and a word (`C.L. “Butch” Otter`).
fn is_nickname(chars: &[char], q: &Quote) -> bool {
    nickname_at(chars, q.start, q.end)
}

/// Whether the quoted words at `start..end` of `chars` are a nickname inside a name (see
/// [`is_nickname`]).
pub(super) fn nickname_at(chars: &[char], start: usize, end: usize) -> bool {
    let capitalised = |w: &str| w.starts_with(char::is_uppercase);
    // (A bare word: `“Never,” Smith said` after `… from the U.S.` is speech.)
    let text: String = chars[start..end].iter().collect();
    let bare = text
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'));
    if !bare || text.is_empty() || !capitalised(&text) {
        return false;
    }
    let mut i = start;
    while i > 0 && is_mark_char(chars[i - 1]) {
        i -= 1;
    }
    // (Or initials: `Gov. C.L. “Butch” Otter`.)
    let initials = i >= 3 && chars[i - 1] == ' ' && {
        let mut k = i - 1;
        while k >= 2 && chars[k - 1] == '.' && chars[k - 2].is_uppercase() {
            k -= 2;
        }
        k < i - 1 && (k == 0 || !chars[k - 1].is_alphanumeric())
    };
    let before = words_before_raw(chars, i).or_else(|| initials.then(|| "A".to_string()));
    let mut j = end;
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

/// Whether a quote is the name of a show, book or film rather than speech: its words are in
/// title case, it does not open a sentence, and the words around it announce a work.
fn is_title(chars: &[char], q: &Quote, listed_after_title: bool) -> bool {
    if !title_case(&q.text) {
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

/// Most words a scare quote may have.
const SCARE_MAX_WORDS: usize = 4;

/// Removes scare quotes: a short quoted phrase (at most [`SCARE_MAX_WORDS`] words, not a
/// sentence of its own) inside a sentence that has no word announcing speech or writing
/// (`the so-called “reform” plan`, `a “historic” week`). A short quote stays when its
/// sentence has a cue (`she called the plan “a disgrace”`, `chants of “not again”`) or when
/// it opens its sentence.
pub(super) fn drop_scare_quotes(chars: &[char], quotes: &mut Vec<Quote>) {
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
        let (cue_before, english_before) = index.words(chars, from, open);
        let (cue_after, english_after) = index.words(chars, close, to);
        let english = english_before + english_after > 0;
        let cue = cue_before + cue_after > 0;
        !english || cue || as_before(chars, open)
    });
}

/// Words before `as` that make `as “…”` a role or a name, never a judgement someone voiced
/// (`known as “…”`, `such as “…”`, `served as a “…”`).
pub(super) const NOT_JUDGING_AS: &[&str] = &[
    "marked",
    "designated",
    "flagged",
    "touted",
    "known",
    "such",
    "served",
    "serve",
    "serves",
    "serving",
    "acting",
    "act",
    "acts",
    "acted",
    "work",
    "works",
    "worked",
    "working",
    "poses",
    "posed",
    "posing",
    "pose",
    "doubles",
    "doubled",
    "well",
    "same",
    "much",
    "many",
    "soon",
    "long",
    "far",
    "just",
    "so",
    "ran",
    "run",
    "runs",
    "running",
    "billed",
    "styled",
    "listed",
    "classified",
    "registered",
    "identifies",
    "identified",
    "self-described",
    "appears",
    "appeared",
    "appear",
    "used",
    "uses",
    "use",
    "functions",
    "functioned",
    "time",
    "times",
    "years",
    "up",
    "presided",
    "presides",
    "disguised",
    "masquerading",
    "registered",
    "register",
    "qualified",
    "qualifies",
];

/// Whether the words right before the quote opening at `open` are `as` or `as a` after a
/// word that can be a verb judging someone (`pounding Trump as a “con artist”`, `admires
/// Putin as a “strong leader”`): the subject's own words.
pub(super) fn as_before(chars: &[char], open: usize) -> bool {
    let Some((mut word, mut at)) = word_before(chars, open) else {
        return false;
    };
    if matches!(word.as_str(), "a" | "an" | "the") {
        let Some(prev) = word_before(chars, at) else {
            return false;
        };
        (word, at) = prev;
    }
    word == "as"
        && word_before(chars, at).is_some_and(|(w, _)| !NOT_JUDGING_AS.contains(&w.as_str()))
}

/// The lower-cased word of letters ending just before `end` (spaces between allowed, nothing
/// else), and where it starts.
fn word_before(chars: &[char], end: usize) -> Option<(String, usize)> {
    let mut i = end;
    while i > 0 && chars[i - 1] == ' ' {
        i -= 1;
    }
    let stop = i;
    while i > 0 && chars[i - 1].is_alphabetic() {
        i -= 1;
    }
    (i < stop).then(|| {
        (
            chars[i..stop]
                .iter()
                .flat_map(|c| c.to_lowercase())
                .collect(),
            i,
        )
    })
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
    if !matches!(chars.get(open), Some('“' | '"' | '\'' | '‘')) {
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

/// Sentences of a body, for [`drop_scare_quotes`]: built once, so that each quote finds its
/// sentence in constant time; the words around a quote are then read within that sentence.
struct Sentences {
    /// `start[i]`: start of the sentence holding the character before `i`.
    start: Vec<usize>,
    /// `end[i]`: end of the sentence holding `i` (past its terminator), within its line.
    end: Vec<usize>,
    /// For spans longer than [`SHORT_SPAN`] (one endless sentence of marks), counts of cue
    /// words and English function words starting before each `i`, built once when first
    /// needed, so that a body of many quotes stays linear.
    prefix: std::cell::OnceCell<(Vec<usize>, Vec<usize>)>,
}

/// A span of up to this many characters is read word by word; longer ones use the prefix
/// counts.
const SHORT_SPAN: usize = 400;

impl Sentences {
    /// (cue words, English function words) starting in `chars[a..b]`.
    fn words(&self, chars: &[char], a: usize, b: usize) -> (usize, usize) {
        if b <= a {
            return (0, 0);
        }
        if b - a <= SHORT_SPAN {
            return (
                count_words(chars, a, b, in_cue_word, is_cue_word),
                count_words(chars, a, b, char::is_alphanumeric, is_english_function_word),
            );
        }
        let (cues, english) = self.prefix.get_or_init(|| {
            let n = chars.len();
            let prefix = |in_word: fn(char) -> bool, keep: fn(&str) -> bool| {
                let mut counts = vec![0; n + 1];
                for i in 0..n {
                    counts[i + 1] = counts[i] + count_words(chars, i, i + 1, in_word, keep);
                }
                counts
            };
            (
                prefix(in_cue_word, is_cue_word),
                prefix(char::is_alphanumeric, is_english_function_word),
            )
        });
        (cues[b] - cues[a], english[b] - english[a])
    }
}

/// Words starting in `chars[a..b]` (each read whole, lower-cased) for which `keep` holds.
fn count_words(
    chars: &[char],
    a: usize,
    b: usize,
    in_word: fn(char) -> bool,
    keep: fn(&str) -> bool,
) -> usize {
    let mut word = String::new();
    (a..b.min(chars.len()))
        .filter(|&i| in_word(chars[i]) && (i == 0 || !in_word(chars[i - 1])))
        .filter(|&i| {
            word.clear();
            word.extend(
                chars[i..]
                    .iter()
                    .take_while(|&&c| in_word(c))
                    .flat_map(|c| c.to_lowercase()),
            );
            keep(&word)
        })
        .count()
}

/// A letter, digit, hyphen or apostrophe: the words [`is_cue_word`] is asked of.
fn in_cue_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '’' | '\'')
}

fn is_english_function_word(w: &str) -> bool {
    ENGLISH_FUNCTION_WORDS.contains(&w)
}

impl Sentences {
    fn new(chars: &[char]) -> Sentences {
        let n = chars.len();
        // Each terminator is judged once (the test looks around it), for both directions.
        let ends: Vec<bool> = (0..n).map(|i| ends_sentence_at(chars, i)).collect();
        let mut start = vec![0; n + 1];
        for i in 1..=n {
            start[i] = if chars[i - 1] == '\n' || ends[i - 1] {
                i
            } else {
                start[i - 1]
            };
        }
        let mut end = vec![n; n + 1];
        for j in (0..n).rev() {
            end[j] = if chars[j] == '\n' {
                j
            } else if ends[j] {
                j + 1
            } else {
                end[j + 1]
            };
        }
        Sentences {
            start,
            end,
            prefix: std::cell::OnceCell::new(),
        }
    }
}

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
        if initial || is_abbreviation(&word) {
            return false;
        }
    }
    let mut j = at + 1;
    while j < chars.len() && (is_mark_char(chars[j]) || chars[j] == ')') {
        j += 1;
    }
    next_opens_sentence(chars, j)
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{texts, who};

    /// Issue 21: keys and string values of data printed in an article are not speech, and a
    /// key is no speaker of the value after it.
    #[test]
    fn data_keys_and_values_are_not_speech() {
        let body = "The payload reads: { \"Name\": \"Matthew Davis\", \"Age\": 26, \
                    \"Location\": { \"Value\": \"between work and the usual bus stop\" } }";
        assert!(texts(body).is_empty(), "{:?}", texts(body));
        assert!(who(body).is_empty());
        // Speech after a colon is still speech, after a quote too.
        let body = "Ana Ruiz said: \"We will build the bridge next year.\"";
        assert_eq!(who(body), ["Ana Ruiz"]);
        let body = "Ana Ruiz called it “a disgrace”: “We will build the bridge next year.”";
        assert_eq!(texts(body).len(), 2);
    }

    /// Issue 21: signs, shirts, slogans, headlines and titled works carry words nobody said.
    #[test]
    fn signs_slogans_and_titles_have_no_speaker() {
        use super::super::test_util::who;
        for body in [
            "Ola Dahl said the signs read: “Trust the map, but always carry water.”",
            "Ola Dahl said the men wore shirts that read “Settle for Dahl.”",
            "Ola Dahl said her campaign slogan is “I’m with the valley.”",
            "Ola Dahl held up a sign saying “Farmers Against the Dam - Because We Remember.”",
            "Ola Dahl answered with an op-ed titled “The dam is not too big. It is too late.”",
            "Ola Dahl posted it under a headline that said, “Valley Declares War on Dam.”",
        ] {
            assert_eq!(who(body), [""], "{body}");
        }
        // Speech stays speech.
        assert_eq!(
            who("In his words, “we will finish the dam this year and nobody will stop us,” Ola Dahl said."),
            ["Ola Dahl"]
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
        assert_eq!(texts("Gov. C.L. “Butch” Otter spoke."), none);
        assert_eq!(
            texts("He flew home from the U.S. “Never,” Smith said later."),
            ["Never,"]
        );
        // A page's labels are no speech.
        assert_eq!(texts("“Related:”\n\nA story about something else."), none);
        assert_eq!(texts("She told him “Listen:” and left."), ["Listen:"]);
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

    /// Issue 21, fourth round: a genre before a title makes it a work (`comedy “Fleabag”`).
    #[test]
    fn genres_name_works() {
        let none: [&str; 0] = [];
        for body in [
            "She said the prize should have gone to quirky British comedy “Fleabag.”",
            "He won for his turn in the biopic “Judy.”",
            "The legal drama “Night Court” returns.",
        ] {
            assert_eq!(texts(body), none, "{body}");
        }
        // A performance in a work.
        assert_eq!(
            texts("De Niro, whose lead performance in “The Irishman” was snubbed, spoke."),
            none
        );
    }

    /// Issue 21, fourth round: words quoted as what something is called, or as a name given
    /// to someone, have no speaker.
    #[test]
    fn names_given_and_known_as_are_mentions() {
        assert_eq!(
            who("Yamey said it spreads in halls, or “dorms” as they are known in the US."),
            [""]
        );
        assert_eq!(
            who("Trump stepped up his trolling of the candidate he calls “Mini Mike.”"),
            [""]
        );
        // Words said stay speech: `what he calls the “…”` in lower case.
        assert_eq!(
            who("Gavin Yamey is angry about what he calls the “blaming and shaming” of students."),
            ["Gavin Yamey"]
        );
    }

    /// Issue 21: a title-case phrase modifying the noun after it, and a thing's name after
    /// `called`, are names, not anyone's words.
    #[test]
    fn names_of_things_are_mentions() {
        let body = "“We will win,” Ada Fisher said, showing off the “Make America Great \
                    Again” hat the campaign gave her.";
        assert_eq!(who(body), ["Ada Fisher", ""]);
        let body = "Rob Calabrese, a radio host in Sydney, Nova Scotia, has set up a website \
                    called “Sydney If The Senator Wins” for newcomers.";
        assert_eq!(who(body), [""]);
        // Title-case speech before a pronoun or a speech verb is still speech.
        assert_eq!(
            who("Ana Ruiz waved. “Thank You All” she said."),
            ["Ana Ruiz"]
        );
        assert_eq!(
            who("Ana Ruiz waved. “Lock Them Up” chanted the crowd."),
            [""]
        );
        // A title-case name governed by a preposition; not in a heading all in title case.
        let body = "“We will win,” Ada Fisher told the crowd after she took the stage to “Eye \
                    of the Tiger.” The joke was old before it turned up in “The Long Night.”";
        assert_eq!(who(body), ["Ada Fisher", "", ""]);
        assert_eq!(
            who("Ada Fisher Asked Voters To “Stay Home Tonight.”"),
            ["Ada Fisher"]
        );
        // A title-case name after an article a preposition governs; not what someone
        // called a thing.
        let body = "Ada Fisher spoke during a “Harbor Town Forum” sponsored by the paper. She \
                    called the plan a “Total Disaster.”";
        assert_eq!(who(body), ["", "Ada Fisher"]);
    }
}
