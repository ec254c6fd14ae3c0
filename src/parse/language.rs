//! The language of an article the source does not label: detected from its text with
//! `whatlang`, as an ISO 639-1 code. Pure: text in, code out.

use whatlang::Lang;

/// Bytes of text the detector reads: a headline and the start of the body decide as well as
/// the whole article, at a fraction of the cost (`whatlang` scans every trigram it is given).
const SAMPLE_BYTES: usize = 1_000;

/// Fewest letters worth a guess: below that `whatlang` guesses among close languages by
/// chance.
const MIN_LETTERS: usize = 40;

/// The ISO 639-1 code of the language `title` and `body` are written in, when `whatlang`
/// is confident of it; `None` for short texts, mixed texts and languages without a
/// two-letter code.
pub fn detect(title: &str, body: &str) -> Option<String> {
    // English first, on a shorter sample and without copying it.
    if looks_english([title, head(body, ENGLISH_SAMPLE_BYTES)]) {
        return Some("en".to_string());
    }
    let mut sample = String::with_capacity(SAMPLE_BYTES + 1);
    sample.push_str(head(title, SAMPLE_BYTES / 2));
    sample.push('\n');
    sample.push_str(head(body, SAMPLE_BYTES.saturating_sub(sample.len())));
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        return None;
    }
    iso_639_1(info.lang()).map(str::to_string)
}

/// Bytes of the body [`looks_english`] reads: about 50 words.
const ENGLISH_SAMPLE_BYTES: usize = 300;

/// The first `max` bytes of `text` or fewer, cut at a character boundary.
fn head(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Whether `word` (ASCII) is an English function word, in any case: these make a quarter or
/// more of the words of English prose. A `match` on the lower-cased bytes, which the
/// compiler turns into a switch on length and a few comparisons (a loop over the list cost
/// about 20,000 instructions an article).
fn is_english_function_word(word: &[u8]) -> bool {
    if word.len() > 5 {
        return false;
    }
    let mut buf = [0u8; 5];
    for (b, c) in buf.iter_mut().zip(word) {
        *b = c.to_ascii_lowercase();
    }
    matches!(
        &buf[..word.len()],
        b"the"
            | b"and"
            | b"of"
            | b"to"
            | b"in"
            | b"a"
            | b"is"
            | b"that"
            | b"for"
            | b"on"
            | b"with"
            | b"was"
            | b"said"
            | b"by"
            | b"as"
            | b"at"
            | b"it"
            | b"from"
            | b"he"
            | b"his"
            | b"are"
            | b"be"
            | b"has"
            | b"have"
            | b"an"
            | b"were"
            | b"not"
            | b"this"
            | b"but"
            | b"they"
            | b"had"
            | b"who"
            | b"will"
            | b"its"
            | b"which"
            | b"their"
            | b"she"
            | b"her"
            | b"been"
    )
}

/// Whether the text of `parts` is plainly English: at least 20 words, nearly all ASCII, and at least a
/// fifth of them English function words. English is most of what arrives unlabelled, and
/// `whatlang` took about 180 µs an article (a 200,000-article build would have spent 36
/// CPU-seconds on it); this answers for English in a few microseconds, and leaves every other
/// text to `whatlang`. Other languages in Latin letters share few of these words (`a`, `in`,
/// `on`): a Spanish, German or French text stays far under a fifth.
fn looks_english<'a>(parts: impl IntoIterator<Item = &'a str>) -> bool {
    let mut words = 0usize;
    let mut english = 0usize;
    let mut other = 0usize;
    for part in parts {
        // Words are runs of letters, digits and `'`; bytes are read one at a time and only
        // a non-ASCII character is decoded (rare in English, and it makes its word "other").
        let bytes = part.as_bytes();
        let (mut start, mut ascii, mut i) = (0, true, 0);
        while i <= bytes.len() {
            let (in_word, len, is_ascii) = match bytes.get(i) {
                None => (false, 1, true),
                Some(&b) if b < 0x80 => (b.is_ascii_alphanumeric() || b == b'\'', 1, true),
                Some(_) => {
                    let c = part[i..].chars().next().unwrap_or(' ');
                    (c.is_alphanumeric(), c.len_utf8(), false)
                }
            };
            if in_word {
                ascii &= is_ascii;
            } else {
                if i > start {
                    if !ascii {
                        other += 1;
                    } else {
                        words += 1;
                        english += usize::from(is_english_function_word(&bytes[start..i]));
                    }
                }
                start = i + len;
                ascii = true;
            }
            i += len;
        }
    }
    words >= 20 && other * 20 <= words && english * 5 >= words
}

/// Two-letter code of a `whatlang` language (which names them by ISO 639-3).
fn iso_639_1(lang: Lang) -> Option<&'static str> {
    Some(match lang.code() {
        "afr" => "af",
        "aka" => "ak",
        "amh" => "am",
        "ara" => "ar",
        "aze" => "az",
        "bel" => "be",
        "ben" => "bn",
        "bul" => "bg",
        "cat" => "ca",
        "ces" => "cs",
        "cmn" => "zh",
        "cym" => "cy",
        "dan" => "da",
        "deu" => "de",
        "ell" => "el",
        "eng" => "en",
        "epo" => "eo",
        "est" => "et",
        "fin" => "fi",
        "fra" => "fr",
        "guj" => "gu",
        "heb" => "he",
        "hin" => "hi",
        "hrv" => "hr",
        "hun" => "hu",
        "hye" => "hy",
        "ind" => "id",
        "ita" => "it",
        "jav" => "jv",
        "jpn" => "ja",
        "kan" => "kn",
        "kat" => "ka",
        "khm" => "km",
        "kor" => "ko",
        "lat" => "la",
        "lav" => "lv",
        "lit" => "lt",
        "mal" => "ml",
        "mar" => "mr",
        "mkd" => "mk",
        "mya" => "my",
        "nep" => "ne",
        "nld" => "nl",
        "nob" => "nb",
        "ori" => "or",
        "pan" => "pa",
        "pes" => "fa",
        "pol" => "pl",
        "por" => "pt",
        "ron" => "ro",
        "rus" => "ru",
        "sin" => "si",
        "slk" => "sk",
        "slv" => "sl",
        "sna" => "sn",
        "spa" => "es",
        "srp" => "sr",
        "swe" => "sv",
        "tam" => "ta",
        "tel" => "te",
        "tgl" => "tl",
        "tha" => "th",
        "tuk" => "tk",
        "tur" => "tr",
        "ukr" => "uk",
        "urd" => "ur",
        "uzb" => "uz",
        "vie" => "vi",
        "yid" => "yi",
        "zul" => "zu",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_in_three_languages() {
        assert_eq!(
            detect(
                "Shelling continues near Bakhmut",
                "Ukrainian forces said on Monday that shelling around the eastern city went on \
                 overnight, and that the defenders were holding their positions."
            )
            .as_deref(),
            Some("en")
        );
        assert_eq!(
            detect(
                "Обстріли тривають",
                "Українські військові заявили в понеділок, що обстріли навколо східного міста \
                 тривали всю ніч, і захисники утримують свої позиції."
            )
            .as_deref(),
            Some("uk")
        );
        assert_eq!(
            detect(
                "Обстрелы продолжаются",
                "Украинские военные заявили в понедельник, что обстрелы вокруг восточного \
                 города продолжались всю ночь, а защитники удерживают свои позиции."
            )
            .as_deref(),
            Some("ru")
        );
    }

    #[test]
    fn english_is_told_quickly_and_other_latin_text_is_not_taken_for_it() {
        let en = "The minister said on Monday that the talks with the union were over, and \
                  that a strike in the ports was likely to begin within a week of the vote.";
        assert!(looks_english([en]));
        for other in [
            "El ministro dijo el lunes que las conversaciones con el sindicato habían \
             terminado y que una huelga en los puertos probablemente comenzaría pronto.",
            "Der Minister sagte am Montag, die Gespräche mit der Gewerkschaft seien beendet \
             und ein Streik in den Häfen werde wahrscheinlich innerhalb einer Woche beginnen.",
            "Le ministre a déclaré lundi que les discussions avec le syndicat étaient \
             terminées et qu'une grève dans les ports commencerait probablement bientôt.",
            "Il ministro ha detto lunedì che i colloqui con il sindacato erano finiti e che \
             uno sciopero nei porti sarebbe probabilmente iniziato entro una settimana.",
        ] {
            assert!(!looks_english([other]), "{other}");
            assert_ne!(detect("", other).as_deref(), Some("en"), "{other}");
        }
        // Curly quotes and dashes are between words, not in them; a foreign name does
        // not make a text foreign (one word in twenty), many do.
        let typeset = "“The minister said on Monday,” a spokesman for Zelenskyy’s office — who \
                       met Müller in Kyiv — told the union that the strike was over.";
        assert!(looks_english([typeset]));
        let names = "Müller Łukasz Żółć Gdańsk Kraków Łódź ";
        assert!(!looks_english([format!("{names}{names}{en}").as_str()]));
    }

    #[test]
    fn too_little_text_is_no_language() {
        assert_eq!(detect("Kyiv", ""), None);
        assert_eq!(detect("", "12 34 56"), None);
        // A cut inside a character at the sample's edge does not panic.
        let body = "ї".repeat(2_000);
        detect("", &body);
    }

    #[test]
    fn every_language_has_a_two_letter_code() {
        for lang in Lang::all() {
            let code = iso_639_1(*lang).unwrap_or_else(|| panic!("{lang:?}"));
            assert_eq!(code.len(), 2);
        }
    }
}
