//! Top words: the terms that most set the matching articles apart from the rest of the
//! archive (the `terms` facet).
//!
//! **Sample.** The first `terms_sample` matches in the search's own order (best first for a
//! query with words, else newest first; 500 by default) are re-read: each one's stored body
//! is analysed as the index analysed it (`body` with `en_stem`; Ukrainian and Russian
//! articles with `uk_stem` and `ru_stem` into `body_uk` and `body_ru`), so words are
//! counted as the index holds them, stems included, and shown in the spelling the sample
//! uses most (`troops` for the stem `troop`). Stop words of the article's language are left
//! out (tantivy's Snowball lists; a list of our own for Ukrainian), as are numbers and
//! one-letter words.
//!
//! **Statistic.** Dunning's log-likelihood ratio G² (Dunning 1993, "Accurate methods for the
//! statistics of surprise and coincidence") over documents: for a term, `a` of the `n`
//! sampled articles hold it, and `c` of the other `N − n` articles of the index do (`c` is
//! its document frequency in the index less `a`). G² = 2 Σ O·ln(O/E) over the four cells of
//! that 2×2 table. Only terms that are more frequent in the sample than in the rest count,
//! and only those in at least [`MIN_DOCS`] sampled articles; the highest G² comes first.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use tantivy::schema::{Field, Term};
use tantivy::tokenizer::{Language, RawTokenizer, StopWordFilter, TextAnalyzer, TokenStream};
use tantivy::{DocAddress, Searcher, TantivyDocument};

use super::hits::text_of;
use crate::analyzer::slavic::{self, Slavic};
use crate::error::Result;
use crate::index::DatelineIndex;
use crate::schema::KIND_ARTICLE;

/// Fewest sampled articles a top word must appear in.
pub const MIN_DOCS: u64 = 2;

/// Matching articles re-read for the top words when a request names no sample size.
pub const DEFAULT_SAMPLE: usize = 500;

/// One top word.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TopWord {
    /// The spelling the sample uses most, lower case.
    pub word: String,
    /// The term the index holds (the stem).
    pub term: String,
    /// Sampled articles that hold it.
    pub count: u64,
    /// Articles of the whole index that hold it.
    pub archive: u64,
    /// Dunning's log-likelihood ratio G².
    pub g2: f64,
}

/// The top words of a search and what they were computed over.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TopWords {
    /// Matching articles re-read (the first of the search's order).
    pub sample: u64,
    /// Articles in the index (the comparison corpus).
    pub articles: u64,
    /// Words by G², highest first.
    pub words: Vec<TopWord>,
}

/// Dunning's G² for a term in `a` of `n` sampled documents and `c` of the `rest` others;
/// 0 when the term is no more frequent in the sample than in the rest.
pub fn g2(a: u64, n: u64, c: u64, rest: u64) -> f64 {
    if n == 0 || rest == 0 || (a as f64 / n as f64) <= (c as f64 / rest as f64) {
        return 0.0;
    }
    let (a, b, c, d) = (
        a as f64,
        (n - a.min(n)) as f64,
        c as f64,
        (rest - c.min(rest)) as f64,
    );
    let total = a + b + c + d;
    let cell = |o: f64, row: f64, col: f64| {
        let e = row * col / total;
        if o > 0.0 {
            o * (o / e).ln()
        } else {
            0.0
        }
    };
    2.0 * (cell(a, a + b, a + c)
        + cell(b, a + b, b + d)
        + cell(c, c + d, a + c)
        + cell(d, c + d, b + d))
}

/// Words of our own choosing that carry no topic in Ukrainian (Snowball has no list).
#[rustfmt::skip]
const UK_STOP: &[&str] = &[
    "і", "й", "та", "в", "у", "на", "з", "із", "зі", "до", "що", "це", "як", "за", "не", "від",
    "по", "а", "але", "для", "про", "о", "би", "б", "же", "ж", "чи", "так", "він", "вона",
    "воно", "вони", "ми", "ви", "я", "ти", "його", "її", "їх", "їм", "йому", "їй", "них", "ним",
    "нею", "нам", "вам", "нас", "вас", "себе", "собі", "був", "була", "було", "були", "є",
    "бути", "буде", "будуть", "який", "яка", "яке", "які", "якій", "якого", "яких", "також",
    "вже", "ще", "щоб", "коли", "де", "там", "тут", "цей", "ця", "ці", "цього", "цих", "цієї",
    "той", "те", "ті", "того", "при", "під", "над", "між", "після", "через", "без", "або",
    "ні", "лише", "тільки", "саме", "свої", "свій", "своє", "своїй", "своїх", "свою", "всі",
    "все", "весь", "може", "можуть", "має", "мають", "ось", "якщо", "тому", "бо", "адже",
    "навіть", "дуже", "більш", "більше", "понад", "серед", "проти", "щодо", "зокрема", "ж",
];

/// Function words tantivy's English list (Lucene's, 33 words) leaves out, and the verbs of
/// reported speech every news story has; ours, checked before the Snowball lists.
#[rustfmt::skip]
const EN_MORE: &[&str] = &[
    "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her",
    "hers", "its", "them", "theirs", "what", "which", "who", "whom", "whose", "those", "am",
    "were", "been", "being", "have", "has", "had", "having", "do", "does", "did", "doing",
    "would", "should", "could", "can", "may", "might", "must", "shall", "about", "after",
    "against", "all", "any", "because", "before", "between", "both", "during", "each", "from",
    "further", "here", "how", "just", "more", "most", "much", "many", "now", "only", "other",
    "over", "own", "same", "so", "some", "than", "too", "under", "until", "up", "very", "when",
    "where", "while", "why", "out", "off", "again", "once", "also", "said", "says", "say",
    "mr", "mrs", "ms", "one", "s", "t", "don", "didn", "doesn", "isn", "wasn", "won", "via",
    "who's", "it's", "there's", "per", "since", "still", "even", "though", "although", "yet",
    "whether", "without", "within", "upon", "among", "across", "through", "around", "into",
    "onto", "down", "like", "well", "back", "get", "got", "go", "going", "make", "made",
];

/// Words the Snowball Russian list leaves out (`это`, forms of `который`); ours.
#[rustfmt::skip]
const RU_MORE: &[&str] = &[
    "это", "этом", "этого", "этой", "эти", "этих", "который", "которая", "которое", "которые",
    "которого", "которой", "которых", "которым", "также", "тоже", "однако", "свой", "своей",
    "своих", "свою", "своим", "его", "ее", "её", "их", "ему", "ей", "им", "будет", "было",
    "были", "была", "был", "может", "могут", "того", "этому", "при", "после", "через", "более",
    "менее", "уже", "ещё", "еще", "где", "когда", "чтобы", "если", "или", "либо", "ли",
];

/// Stop-word tests per language: an analyzer that passes a word through unless it is a
/// stop word.
struct StopWords {
    by_language: HashMap<String, Option<TextAnalyzer>>,
}

impl StopWords {
    fn new() -> StopWords {
        StopWords {
            by_language: HashMap::new(),
        }
    }

    fn is_stop(&mut self, language: Option<&str>, word: &str) -> bool {
        let code = language.unwrap_or("en");
        let more = match code {
            "uk" => &[][..],
            "ru" => RU_MORE,
            _ if snowball(code) == Some(Language::English) => EN_MORE,
            _ => &[][..],
        };
        if more.contains(&word) {
            return true;
        }
        let analyzer = self.by_language.entry(code.to_string()).or_insert_with(|| {
            let filter = match code {
                "uk" => Some(StopWordFilter::remove(
                    UK_STOP.iter().map(|w| w.to_string()),
                )),
                other => snowball(other).and_then(StopWordFilter::new),
            }?;
            Some(
                TextAnalyzer::builder(RawTokenizer::default())
                    .filter(filter)
                    .build(),
            )
        });
        match analyzer {
            Some(a) => {
                let mut stream = a.token_stream(word);
                !stream.advance()
            }
            None => false,
        }
    }
}

/// The Snowball stop-word list of a language code; English for languages it lacks, as the
/// `body` field analyses every language with English rules.
fn snowball(code: &str) -> Option<Language> {
    Some(match code {
        "da" => Language::Danish,
        "nl" => Language::Dutch,
        "fi" => Language::Finnish,
        "fr" => Language::French,
        "de" => Language::German,
        "hu" => Language::Hungarian,
        "it" => Language::Italian,
        "no" | "nb" | "nn" => Language::Norwegian,
        "pt" => Language::Portuguese,
        "ru" => Language::Russian,
        "es" => Language::Spanish,
        "sv" => Language::Swedish,
        _ => Language::English,
    })
}

impl DatelineIndex {
    /// The top words of the sampled matches `sample` (in the search's order).
    pub(super) fn top_words(&self, searcher: &Searcher, sample: &[DocAddress]) -> Result<TopWords> {
        let f = self.fields();
        let mut analyzers: HashMap<Field, TextAnalyzer> = HashMap::new();
        let mut stop = StopWords::new();
        // Per term (field, text): sampled articles holding it, and its spellings.
        let mut docs: HashMap<(Field, String), u64> = HashMap::new();
        let mut spellings: HashMap<(Field, String), HashMap<String, u64>> = HashMap::new();
        for &addr in sample {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let body = text_of(&doc, f.body).unwrap_or_default();
            let language = text_of(&doc, f.language);
            let field = match Slavic::of(language.as_deref()) {
                Some(Slavic::Uk) => f.body_uk,
                Some(Slavic::Ru) => f.body_ru,
                None => f.body,
            };
            let analyzer = analyzers.entry(field).or_insert_with(|| match field {
                x if x == f.body_uk => slavic::uk_stem(),
                x if x == f.body_ru => slavic::ru_stem(),
                _ => crate::analyzer::en_stem(),
            });
            let mut seen: Vec<String> = Vec::new();
            let mut stream = analyzer.token_stream(&body);
            while stream.advance() {
                let token = stream.token();
                let Some(surface) = body.get(token.offset_from..token.offset_to) else {
                    continue;
                };
                let surface = surface.to_lowercase();
                if surface.chars().count() < 2
                    || surface.chars().all(|c| c.is_numeric())
                    || stop.is_stop(language.as_deref(), &surface)
                {
                    continue;
                }
                *spellings
                    .entry((field, token.text.clone()))
                    .or_default()
                    .entry(surface)
                    .or_default() += 1;
                seen.push(token.text.clone());
            }
            seen.sort_unstable();
            seen.dedup();
            for term in seen {
                *docs.entry((field, term)).or_default() += 1;
            }
        }
        let articles = searcher.doc_freq(&Term::from_field_text(f.kind, KIND_ARTICLE))?;
        let n = sample.len() as u64;
        let rest = articles.saturating_sub(n);
        let mut words = Vec::new();
        for ((field, term), a) in docs {
            if a < MIN_DOCS {
                continue;
            }
            let archive = searcher.doc_freq(&Term::from_field_text(field, &term))?;
            let score = g2(a, n, archive.saturating_sub(a), rest);
            if score <= 0.0 {
                continue;
            }
            let word = spellings
                .get(&(field, term.clone()))
                .and_then(|s| {
                    s.iter()
                        .max_by(|x, y| {
                            x.1.cmp(y.1)
                                .then_with(|| y.0.len().cmp(&x.0.len()))
                                .then_with(|| y.0.cmp(x.0))
                        })
                        .map(|(w, _)| w.clone())
                })
                .unwrap_or_else(|| term.clone());
            words.push(TopWord {
                word,
                term,
                count: a,
                archive,
                g2: score,
            });
        }
        words.sort_by(|x, y| {
            y.g2.total_cmp(&x.g2)
                .then_with(|| x.word.cmp(&y.word))
                .then_with(|| x.term.cmp(&y.term))
        });
        Ok(TopWords {
            sample: n,
            articles,
            words,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// G² by hand: a word in 3 of 4 sampled articles and 1 of 16 others. Expected counts
    /// 4·4/20 = 0.8, 4·16/20 = 3.2, 16·4/20 = 3.2, 16·16/20 = 12.8.
    #[test]
    fn g2_of_a_small_table() {
        let expected = 2.0
            * (3.0 * (3.0f64 / 0.8).ln()
                + 1.0 * (1.0f64 / 3.2).ln()
                + 1.0 * (1.0f64 / 3.2).ln()
                + 15.0 * (15.0f64 / 12.8).ln());
        assert!((g2(3, 4, 1, 16) - expected).abs() < 1e-12);
        assert!(
            (g2(3, 4, 1, 16) - 8.0361).abs() < 1e-4,
            "{}",
            g2(3, 4, 1, 16)
        );
        // No more frequent in the sample than elsewhere: not a top word.
        assert_eq!(g2(1, 4, 4, 16), 0.0);
        assert_eq!(g2(0, 4, 0, 16), 0.0);
        assert_eq!(g2(2, 2, 0, 0), 0.0);
    }

    #[test]
    fn stop_words_by_language() {
        let mut s = StopWords::new();
        assert!(s.is_stop(Some("en"), "the"));
        assert!(s.is_stop(None, "and"));
        assert!(!s.is_stop(Some("en"), "troops"));
        assert!(s.is_stop(Some("ru"), "что"));
        assert!(!s.is_stop(Some("ru"), "москва"));
        assert!(s.is_stop(Some("uk"), "що"));
        assert!(!s.is_stop(Some("uk"), "бахмут"));
        assert!(s.is_stop(Some("de"), "und"));
        assert!(s.is_stop(Some("en"), "his"));
        assert!(s.is_stop(Some("ru"), "которые"));
    }
}
