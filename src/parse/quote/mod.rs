//! Quoted speech in an article body: every quoted span (“…”, "…", «…», „…“, ''…'', and
//! ‘…’ where a paragraph has no double marks), and who
//! said it. Offsets are in characters, not bytes, so they mean the same thing in every
//! language binding. Quoted names of works, nicknames and scare quotes are not speech and
//! are left out.
//!
//! This file is the one way in. The rules live in the files below it, each using only those
//! listed before it:
//!
//! - `text`: the body's characters and their byte offsets, and which characters are marks;
//! - `slavic`: Ukrainian and Russian speech verbs, «…» spans that are names, not speech, and
//!   speakers' names in the nominative (it reads [`Quote`]s, and `words` asks it about verbs);
//! - `words`: the word lists the rules consult (speech verbs, titles, names of works, ...);
//! - `spans`: pairing quote marks into quoted spans, and the [`Quote`] type;
//! - `non_speech`: dropping spans that are not speech;
//! - `tokens`: the body as word tokens with each quote as one, cut into sentences;
//! - `names`: names of people in tokens, and the fullest form the article gives one;
//! - `phrases`: noun phrases in a speaker's place (a name, a pronoun, a description);
//! - `frames`: speech frames around a quote (`“…,” Kofman said`) and whom they name;
//! - `attribution`: the speaker of each quote, with pronouns and continued speakers;
//! - `headline`: the quotes of an article's title and who said them.

mod attribution;
mod frames;
mod headline;
mod names;
mod non_speech;
mod phrases;
mod slavic;
mod spans;
mod text;
mod tokens;
mod words;

pub use spans::{Quote, SpeakerKind};
pub(crate) use words::full_forms as first_name_full_forms;

use text::Chars;

/// Finds every quoted span in `body`, in order, without speakers.
///
/// A quote still open at the end of a paragraph continues when the next paragraph opens with
/// a mark of the same kind (the newspaper convention for long quotes); otherwise it ends with
/// its paragraph. A double quote opened inside a quote is nested when enough closing marks
/// follow in the paragraph for both; otherwise the first quote was never closed and ends
/// where the second begins.
pub fn extract(body: &str) -> Vec<Quote> {
    extract_in(&Chars::new(body))
}

/// [`extract`], with `speaker` and `role` filled in where the text around a quote names
/// them (`“…,” Kofman said`, `he added`, a quote-only paragraph after a speaker's). Reads
/// the body's characters once for both.
pub fn extract_attributed(body: &str) -> Vec<Quote> {
    extract_article("", body, None)
}

/// Languages whose frames the attribution rules read: English, and the Ukrainian and
/// Russian speech verbs and frames.
pub const ATTRIBUTED_LANGUAGES: &[&str] = &["en", "uk", "ru"];

/// Every quote of an article in `language` (ISO 639-1, when known): those of its title
/// first (`in_title`, offsets in the title), then those of its body, as
/// [`extract_attributed`] gives them. A headline's quote takes the speaker the body gives
/// the same words, or the headline's subject (`De Blasio says ‘…’`, `Sanders: ‘…’`) when
/// the body names that person.
///
/// In a language the rules do not read, quotes keep no speaker and the rules are not run:
/// English frames read into German or Spanish make speakers of capitalised words (`Er`,
/// `Und`, `Rat der`). The spans are the same either way (attribution only fills in
/// speakers). An unknown language is read as the rules read everything.
pub fn extract_article(title: &str, body: &str, language: Option<&str>) -> Vec<Quote> {
    let attributed = language.is_none_or(|l| ATTRIBUTED_LANGUAGES.contains(&l));
    text::with_chars(body, |text| {
        let mut quotes = extract_in(text);
        if attributed {
            attribution::attribute(text, title, &mut quotes);
            slavic::base_forms(body, &mut quotes);
        }
        let mut all = headline::title_quotes(title, text, &quotes, attributed);
        if let Some(said) = all
            .iter()
            .find(|q| q.speaker_kind == Some(SpeakerKind::Person))
        {
            opening_quotes(&text.chars, said, &mut quotes);
        }
        all.append(&mut quotes);
        all
    })
}

/// A body that opens with quotes and no frame (an interview's first answers under `Cecile
/// Richards: ‘…’`) goes on in the voice of the headline's speaker: each quote before the
/// first word outside quotes takes the speaker of the headline's quote `said`. A quote with
/// words after it in its line (`“…,” a nurse said.`) has a frame of its own and ends that.
fn opening_quotes(chars: &[char], said: &Quote, quotes: &mut [Quote]) {
    let words = |span: &[char]| span.iter().any(|c| c.is_alphanumeric());
    let mut from = 0;
    for k in 0..quotes.len() {
        let q = &quotes[k];
        let before = chars.get(from..q.start).unwrap_or_default();
        let line_end = chars[q.end..]
            .iter()
            .position(|&c| c == '\n')
            .map_or(chars.len(), |p| q.end + p);
        let next = quotes
            .get(k + 1)
            .map_or(line_end, |n| n.start.min(line_end));
        let after = chars.get(q.end..next).unwrap_or_default();
        if q.speaker.is_some() || words(before) || words(after) {
            break;
        }
        from = q.end;
        quotes[k].take_speaker(said);
    }
}

/// The quoted spans of `text` that are speech.
fn extract_in(text: &Chars<'_>) -> Vec<Quote> {
    let mut quotes = spans::find(text);
    let chars = &text.chars[..];
    non_speech::drop_names(chars, &mut quotes, false);
    slavic::drop_non_speech(chars, &mut quotes, words::is_speech_verb);
    non_speech::drop_scare_quotes(chars, &mut quotes);
    quotes
}

/// Helpers for the tests of the rules, which go through the public entry.
#[cfg(test)]
mod test_util {
    /// The text of every quote in `body`.
    pub(super) fn texts(body: &str) -> Vec<String> {
        super::extract(body).into_iter().map(|q| q.text).collect()
    }

    /// (speaker, role) of every quote in `body`.
    pub(super) fn found(body: &str) -> Vec<(Option<String>, Option<String>)> {
        super::extract_attributed(body)
            .into_iter()
            .map(|q| (q.speaker, q.role))
            .collect()
    }

    /// Every speaker of every quote (several for joint speakers), with the speaker kind.
    pub(super) fn speakers(body: &str) -> Vec<(Vec<String>, Option<&'static str>)> {
        super::extract_attributed(body)
            .into_iter()
            .map(|q| (q.speakers, q.speaker_kind.map(super::SpeakerKind::name)))
            .collect()
    }

    /// The quotes of a title over `body`, with their speakers.
    pub(super) fn title_found(title: &str, body: &str) -> Vec<(String, Vec<String>)> {
        super::extract_article(title, body, None)
            .into_iter()
            .filter(|q| q.in_title)
            .map(|q| (q.text, q.speakers))
            .collect()
    }

    /// The speakers only, `""` for none.
    pub(super) fn who(body: &str) -> Vec<String> {
        found(body)
            .into_iter()
            .map(|(s, _)| s.unwrap_or_default())
            .collect()
    }
}
