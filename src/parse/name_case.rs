//! Russian and Ukrainian personal names back in the nominative (`Терезы Мэй` → `Тереза Мэй`,
//! `Владимира Путина` → `Владимир Путин`, `Зеленського` → `Зеленський`): a small rule set
//! of case endings, each giving candidate base forms, and a choice among them that trusts
//! evidence (a form the article or archive itself uses) over the rules. Knows words only.
//!
//! The rules, by the ending of the inflected form (genitive, dative, accusative,
//! instrumental, locative of the two languages), longest ending first:
//!
//! | ending | base forms tried | example |
//! |---|---|---|
//! | `-ого` `-его` `-ому` `-ему` | `-ий` `-ый` `-ой` | `Зеленского` → `Зеленский` |
//! | `-ым` `-им` | `-ий` `-ый`, or none | `Зеленським`, `Путиным` → `Путин` |
//! | `-ові` `-еві` | none, `-й`, `-о` | `Трампові` → `Трамп` |
//! | `-ии` `-ії` `-ией` `-ією` | `-ия` `-ія` | `Марии` → `Мария` |
//! | `-ой` `-ою` `-ей` `-ею` | `-а` `-я` `-ая` | `Терезой` → `Тереза` |
//! | `-ом` `-ем` | none, `-й` `-ь` | `Трампом` → `Трамп` |
//! | `-ы` `-и` `-е` `-і` `-у` `-ю` | `-а` `-я`, or none, `-й` `-ь` | `Терезы` → `Тереза` |
//! | `-а` `-я` | none, `-й` `-ь` | `Путина` → `Путин`, `Сергея` → `Сергей` |
//!
//! Without evidence only the adjective-like surnames (`-ого`, `-ому`) are changed, which no
//! nominative ends in; everything else is ambiguous (`Захарова` is a nominative, `Путина`
//! is not) and stays as written.

/// Candidate nominatives of a capitalised Cyrillic word, most likely first; empty for a word
/// that is not Cyrillic or has no inflected ending.
pub(crate) fn candidates(word: &str) -> Vec<String> {
    if !is_cyrillic_word(word) {
        return Vec::new();
    }
    let rules: &[(&str, &[&str])] = &[
        ("ого", &["ий", "ый", "ой"]),
        ("его", &["ий"]),
        ("ому", &["ий", "ый", "ой"]),
        ("ему", &["ий"]),
        ("ові", &["", "й", "о"]),
        ("еві", &["й", "ь"]),
        ("ией", &["ия"]),
        ("ією", &["ія"]),
        ("ии", &["ия"]),
        ("ії", &["ія"]),
        ("ым", &["", "ый"]),
        ("им", &["", "ий"]),
        ("ой", &["а", "ая"]),
        ("ою", &["а", "я"]),
        ("ей", &["я"]),
        ("ею", &["я", "а"]),
        ("ом", &[""]),
        ("ем", &["й", "ь", ""]),
        ("ы", &["а"]),
        ("и", &["а", "я", "ь"]),
        ("е", &["а", "я", "", "й", "ь"]),
        ("і", &["а", "я", "", "й", "ь"]),
        ("у", &["а", ""]),
        ("ю", &["я", "й", "ь"]),
        ("а", &["", "о"]),
        ("я", &["й", "ь"]),
    ];
    let mut out = Vec::new();
    for (ending, bases) in rules {
        let Some(stem) = word.strip_suffix(ending) else {
            continue;
        };
        // A stem of two letters at least: `Мэй`, `Ли` are no inflected forms.
        if stem.chars().count() < 2 {
            continue;
        }
        for base in *bases {
            let candidate = format!("{stem}{base}");
            if !out.contains(&candidate) {
                out.push(candidate);
            }
        }
    }
    out
}

/// Whether a word is written in Cyrillic letters (a hyphen and apostrophes allowed).
pub(crate) fn is_cyrillic_word(word: &str) -> bool {
    word.chars().any(|c| c.is_alphabetic())
        && word
            .chars()
            .all(|c| matches!(c, '\u{0400}'..='\u{04FF}' | '-' | '\'' | '’' | 'ʼ'))
}

/// The nominative of one word of a name: the first candidate that `known` accepts (a form
/// the article or archive uses), else the adjective-like rule when `guess` (`Зеленского` →
/// `Зеленский`), else the word as written. `ukrainian` picks `-ий` for the guess.
pub(crate) fn nominative(
    word: &str,
    known: impl Fn(&str) -> bool,
    guess: bool,
    ukrainian: bool,
) -> String {
    // A known candidate may itself be another case form (`Трампе` → `Трампа` → `Трамп`):
    // followed while a shorter known form stands behind it.
    let mut found: Option<String> = None;
    for _ in 0..3 {
        let from = found.as_deref().unwrap_or(word);
        match candidates(from).into_iter().find(|c| known(c)) {
            Some(c) => found = Some(c),
            None => break,
        }
    }
    if let Some(found) = found {
        return found;
    }
    if guess {
        for ending in ["ого", "ому", "его", "ему"] {
            if let Some(stem) = word.strip_suffix(ending) {
                if stem.chars().count() >= 3 {
                    // Russian writes `-ий` after к г х ж ш ч щ, `-ый` after others.
                    let soft = stem.ends_with(['к', 'г', 'х', 'ж', 'ш', 'ч', 'щ']);
                    let end = if ukrainian || soft || ending.starts_with('е') {
                        "ий"
                    } else {
                        "ый"
                    };
                    return format!("{stem}{end}");
                }
            }
        }
    }
    word.to_string()
}

/// The nominative of a word known to be a genitive (`по словам Владимира Путина`), by the
/// most common pattern of each ending: `-а` → none (`Путина`), `-я` → `-й` (`Сергея`),
/// `-ы`/`-и` → `-а` (`Терезы`, `Терези`), `-ии`/`-ії` → `-ия`/`-ія` (`Марии`), `-ой`/`-ої` →
/// `-а` (`Захаровой`), `-ого`/`-ього` → `-ий`/`-ый` (see [`nominative`]).
pub(crate) fn from_genitive(word: &str, ukrainian: bool) -> String {
    if !is_cyrillic_word(word) {
        return word.to_string();
    }
    let adjective = nominative(word, |_| false, true, ukrainian);
    if adjective != word {
        return adjective;
    }
    let rules: &[(&str, &str)] = &[
        ("ии", "ия"),
        ("ії", "ія"),
        ("ой", "а"),
        ("ої", "а"),
        ("ы", "а"),
        ("и", "а"),
        ("я", "й"),
        ("а", ""),
    ];
    for (ending, base) in rules {
        if let Some(stem) = word.strip_suffix(ending) {
            if stem.chars().count() >= 2 {
                return format!("{stem}{base}");
            }
        }
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known<'a>(words: &'a [&'a str]) -> impl Fn(&str) -> bool + 'a {
        move |w| words.contains(&w)
    }

    #[test]
    fn case_forms_go_back_to_a_form_the_text_uses() {
        let article = [
            "Тереза",
            "Мэй",
            "Путин",
            "Путина",
            "Владимир",
            "Сергей",
            "Трамп",
            "Мария",
        ];
        for (inflected, base) in [
            ("Терезы", "Тереза"),
            ("Терезой", "Тереза"),
            ("Путина", "Путин"),
            ("Путину", "Путин"),
            ("Путиным", "Путин"),
            ("Владимира", "Владимир"),
            ("Сергея", "Сергей"),
            ("Трампові", "Трамп"),
            ("Марии", "Мария"),
            ("Мэй", "Мэй"),
        ] {
            assert_eq!(nominative(inflected, known(&article), true, false), base);
        }
    }

    #[test]
    fn without_evidence_only_adjective_surnames_change() {
        let none = known(&[]);
        assert_eq!(nominative("Зеленського", &none, true, true), "Зеленський");
        assert_eq!(nominative("Навального", &none, true, false), "Навальный");
        assert_eq!(nominative("Зеленского", &none, true, false), "Зеленский");
        // A nominative that looks like a genitive stays.
        assert_eq!(nominative("Захарова", &none, true, false), "Захарова");
        assert_eq!(nominative("Путина", &none, true, false), "Путина");
        assert_eq!(nominative("Trump", &none, true, false), "Trump");
    }

    #[test]
    fn genitives_after_po_slovam() {
        for (genitive, base) in [
            ("Владимира", "Владимир"),
            ("Путина", "Путин"),
            ("Марии", "Мария"),
            ("Захаровой", "Захарова"),
            ("Терезы", "Тереза"),
            ("Сергея", "Сергей"),
            ("Мэй", "Мэй"),
        ] {
            assert_eq!(from_genitive(genitive, false), base);
        }
        assert_eq!(from_genitive("Зеленського", true), "Зеленський");
    }
}
