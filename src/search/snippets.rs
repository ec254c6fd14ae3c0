//! Highlighting: which passage of a text to show and where the matched words are in it, as
//! character offsets (what the JSON output and the terminal use).
//!
//! tantivy's `SnippetGenerator` picks the passage; the marks are ours. It marks every word of
//! the query wherever it stands, so in `"build a wall"` every `a` of the passage would light
//! up, and so would words the query excludes (`-wall`). Here the query is read for what it
//! asks: single words are marked where they stand, a phrase only where its words stand
//! together, and nothing under a `NOT`.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query};
use tantivy::schema::Field;
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Score, Searcher};

use crate::error::Result;

/// What a query asks to see marked in one field.
#[derive(Debug, Default, PartialEq)]
struct Marks {
    /// Terms marked wherever they stand.
    words: HashSet<String>,
    /// Runs of terms marked only where they stand together, in order.
    phrases: Vec<Vec<String>>,
}

impl Marks {
    /// The marks of `query` in `field`: its positive clauses, read down through boolean
    /// queries. A query of another kind (boosted, fuzzy, a range) marks the terms it lists.
    fn of(query: &dyn Query, field: Field) -> Marks {
        let mut marks = Marks::default();
        marks.add(query, field);
        marks
    }

    fn add(&mut self, query: &dyn Query, field: Field) {
        if let Some(b) = query.downcast_ref::<BooleanQuery>() {
            for (occur, sub) in b.clauses() {
                if *occur != Occur::MustNot {
                    self.add(sub.as_ref(), field);
                }
            }
        } else if let Some(p) = query.downcast_ref::<PhraseQuery>() {
            let terms: Vec<String> = p
                .phrase_terms()
                .iter()
                .filter(|t| t.field() == field)
                .filter_map(|t| t.value().as_str().map(str::to_string))
                .collect();
            if !terms.is_empty() {
                self.phrases.push(terms);
            }
        } else {
            query.query_terms(&mut |term, _| {
                if term.field() == field {
                    if let Some(text) = term.value().as_str() {
                        self.words.insert(text.to_string());
                    }
                }
            });
        }
    }

    fn all_terms(&self) -> impl Iterator<Item = &String> {
        self.words.iter().chain(self.phrases.iter().flatten())
    }
}

/// Passages and marks for the hits of one query in one field.
pub(super) struct Highlighter {
    generator: SnippetGenerator,
    marks: Marks,
    analyzer: TextAnalyzer,
    max_chars: usize,
}

impl Highlighter {
    /// A highlighter for `query`'s words in `field`, with passages of at most `max_chars`.
    pub(super) fn new(
        searcher: &Searcher,
        query: &dyn Query,
        field: Field,
        max_chars: usize,
    ) -> Result<Highlighter> {
        let marks = Marks::of(query, field);
        // Rarer terms weigh more in choosing the passage, as in tantivy.
        let mut weights: BTreeMap<String, Score> = BTreeMap::new();
        for text in marks.all_terms() {
            if weights.contains_key(text) {
                continue;
            }
            let df = searcher.doc_freq(&tantivy::Term::from_field_text(field, text))?;
            if df > 0 {
                weights.insert(text.clone(), 1.0 / (1.0 + df as Score));
            }
        }
        // The analyzer stems only the words that can match a term ([`for_snippets`]): the
        // same tokens as the field's `en_stem` wherever one could match.
        let analyzer = crate::analyzer::for_snippets(weights.keys().map(String::as_str));
        Ok(Highlighter {
            generator: SnippetGenerator::new(weights, analyzer.clone(), field, max_chars),
            marks,
            analyzer,
            max_chars,
        })
    }

    /// A passage of `text` with the query's matches in it, and their character ranges; `None`
    /// when nothing of the query is in `text`.
    pub(super) fn snippet(&self, text: &str) -> Option<(String, Vec<[usize; 2]>)> {
        let snippet = self.generator.snippet(text);
        if !snippet.is_empty() && !snippet.highlighted().is_empty() {
            let fragment = snippet.fragment();
            let marked = self.mark(fragment);
            if !marked.is_empty() || self.marks.phrases.is_empty() {
                return (!marked.is_empty())
                    .then(|| (fragment.to_string(), char_ranges(fragment, 0, &marked)));
            }
        }
        // The passage tantivy chose holds the phrase's words but not the phrase: a passage
        // around the phrase's first whole occurrence instead.
        let first = self.mark(text).into_iter().next()?;
        let window = window(text, first, self.max_chars);
        let fragment = &text[window.clone()];
        let marked = self.mark(fragment);
        Some((fragment.to_string(), char_ranges(fragment, 0, &marked)))
    }

    /// The matches in the whole of `text` (a quote), as character ranges.
    pub(super) fn whole(&self, text: &str) -> Vec<[usize; 2]> {
        char_ranges(text, 0, &self.mark(text))
    }

    /// Byte ranges of the query's matches in `text`: its words where they stand, its phrases
    /// where all their words stand together; ascending, overlaps merged.
    fn mark(&self, text: &str) -> Vec<Range<usize>> {
        let mut tokens: Vec<(String, Range<usize>, usize)> = Vec::new();
        let mut analyzer = self.analyzer.clone();
        let mut stream = analyzer.token_stream(text);
        while let Some(t) = stream.next() {
            tokens.push((t.text.clone(), t.offset_from..t.offset_to, t.position));
        }
        let mut ranges: Vec<Range<usize>> = tokens
            .iter()
            .filter(|(word, _, _)| self.marks.words.contains(word))
            .map(|(_, r, _)| r.clone())
            .collect();
        for phrase in &self.marks.phrases {
            for start in 0..tokens.len() {
                let Some(run) = tokens.get(start..start + phrase.len()) else {
                    break;
                };
                let together = run
                    .iter()
                    .zip(phrase)
                    .enumerate()
                    .all(|(i, (t, p))| t.0 == *p && t.2 == run[0].2 + i);
                if together {
                    ranges.push(run[0].1.start..run[run.len() - 1].1.end);
                }
            }
        }
        ranges.sort_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
        for r in ranges {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        merged
    }
}

/// A passage of about `max_chars` characters of `text` that shows `range`, cut at white
/// space where it can be.
fn window(text: &str, range: Range<usize>, max_chars: usize) -> Range<usize> {
    // A third of the room before the match, the rest after it.
    let before = max_chars / 3;
    let start_at = text[..range.start]
        .char_indices()
        .rev()
        .take(before)
        .last()
        .map_or(range.start, |(i, _)| i);
    let mut start = start_at;
    if start > 0 {
        // Start at a word.
        if let Some(space) = text[start..range.start].find(char::is_whitespace) {
            start += space + 1;
        }
    }
    let mut end = text.len();
    for (count, (i, _)) in text[start..].char_indices().enumerate() {
        if count == max_chars {
            end = start + i;
            break;
        }
    }
    let end = end.max(range.end);
    if end < text.len() {
        // End at a word.
        if let Some(space) = text[range.end..end].rfind(char::is_whitespace) {
            return start..range.end + space;
        }
    }
    start..end
}

/// Byte ranges of a fragment found `shift` bytes into `text`, as `[start, end)` character
/// offsets into `text`: what the JSON output and terminal highlighting use.
pub(super) fn char_ranges(text: &str, shift: usize, ranges: &[Range<usize>]) -> Vec<[usize; 2]> {
    let to_chars = |byte: usize| text[..shift + byte].chars().count();
    ranges
        .iter()
        .map(|r| [to_chars(r.start), to_chars(r.end)])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, DatelineIndex, SearchRequest};

    fn marked(text: &str, ranges: &[[usize; 2]]) -> Vec<String> {
        ranges
            .iter()
            .map(|[s, e]| text.chars().skip(*s).take(e - s).collect())
            .collect()
    }

    fn index() -> DatelineIndex {
        let index = DatelineIndex::create_in_ram().unwrap();
        let body = "A wall went up. They said they would build a wall along the river, \
                    and a fence too.";
        index
            .add_articles(&[Article {
                id: "a".into(),
                title: "Border".into(),
                body: body.into(),
                ..Article::default()
            }])
            .unwrap();
        index
    }

    fn first_hit(index: &DatelineIndex, query: &str) -> (String, Vec<String>) {
        let r = index.search(&SearchRequest::new(query)).unwrap();
        let hit = &r.hits[0];
        (hit.snippet.clone(), marked(&hit.snippet, &hit.highlights))
    }

    #[test]
    fn a_phrase_is_marked_where_its_words_stand_together_only() {
        let index = index();
        let (_, marks) = first_hit(&index, "\"build a wall\"");
        assert_eq!(marks, ["build a wall"]);
        let (_, marks) = first_hit(&index, "\"build a wall\" fence");
        assert_eq!(marks, ["build a wall", "fence"]);
        // Stemmed words match their forms, single words wherever they stand.
        let (_, marks) = first_hit(&index, "walls");
        assert_eq!(marks, ["wall", "wall"]);
    }

    #[test]
    fn exclusions_mark_nothing_and_other_fields_are_not_marked_in_the_body() {
        let index = index();
        let (_, marks) = first_hit(&index, "river AND NOT bridge");
        assert_eq!(marks, ["river"]);
        let (_, marks) = first_hit(&index, "river -title:fence");
        assert_eq!(marks, ["river"]);
        let (_, marks) = first_hit(&index, "title:border fence");
        assert_eq!(marks, ["fence"]);
    }

    #[test]
    fn the_passage_shows_the_phrase_when_the_words_are_elsewhere_too() {
        let index = DatelineIndex::create_in_ram().unwrap();
        let filler = "Wall and build were words in an unrelated sentence about a wall. ".repeat(8);
        let body = format!("{filler}In the end they chose to build a wall of sandbags.");
        index
            .add_articles(&[Article {
                id: "a".into(),
                body,
                ..Article::default()
            }])
            .unwrap();
        let (snippet, marks) = first_hit(&index, "\"build a wall\"");
        assert_eq!(marks, ["build a wall"], "{snippet}");
        assert!(snippet.chars().count() <= 240, "{snippet}");
    }

    #[test]
    fn windows_cut_at_white_space_and_hold_the_match() {
        let text = "one two three four five six seven eight nine ten";
        let at = text.find("five").unwrap();
        let w = window(text, at..at + 4, 20);
        let part = &text[w];
        assert!(part.contains("five"), "{part}");
        assert!(part.chars().count() <= 20, "{part}");
        assert!(!part.starts_with(' ') && !part.ends_with(' '), "{part:?}");
    }
}
