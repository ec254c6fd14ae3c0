//! The language of an article the source does not label: detected from its text with
//! `whatlang`, as an ISO 639-1 code. Pure: text in, code out.

use whatlang::Lang;

/// Bytes of text the detector reads: a headline and the start of the body decide as well as
/// the whole article, at a fraction of the cost (`whatlang` scans every trigram it is given).
const SAMPLE_BYTES: usize = 1_500;

/// Fewest letters worth a guess: below that `whatlang` guesses among close languages by
/// chance.
const MIN_LETTERS: usize = 40;

/// The ISO 639-1 code of the language `title` and `body` are written in, when `whatlang`
/// is confident of it; `None` for short texts, mixed texts and languages without a
/// two-letter code.
pub fn detect(title: &str, body: &str) -> Option<String> {
    let mut sample = String::with_capacity(SAMPLE_BYTES + 1);
    sample.push_str(title);
    sample.push('\n');
    let mut end = body.len().min(SAMPLE_BYTES.saturating_sub(sample.len()));
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    sample.push_str(&body[..end]);
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        return None;
    }
    iso_639_1(info.lang()).map(str::to_string)
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
