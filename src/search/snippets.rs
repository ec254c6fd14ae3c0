//! Highlighting: which passage of a body to show and where the matched words are in it, as
//! character offsets (what the JSON output and the terminal use).

use std::collections::BTreeMap;

use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::snippet::SnippetGenerator;
use tantivy::{Score, Searcher};

use crate::error::Result;

/// What `SnippetGenerator::create` makes, with an analyzer that stems only the words that
/// can match the query's terms ([`crate::analyzer::for_snippets`]): the same snippets.
pub(super) fn snippet_generator(
    searcher: &Searcher,
    query: &dyn Query,
    field: Field,
    max_chars: usize,
) -> Result<SnippetGenerator> {
    let mut terms: BTreeMap<String, Score> = BTreeMap::new();
    let mut failed = None;
    query.query_terms(&mut |term, _| {
        if term.field() != field {
            return;
        }
        let value = term.value();
        let Some(text) = value.as_str() else { return };
        if terms.contains_key(text) {
            return;
        }
        // Rarer terms weigh more in choosing the fragment, as in tantivy.
        match searcher.doc_freq(term) {
            Ok(0) => {}
            Ok(df) => {
                terms.insert(text.to_string(), 1.0 / (1.0 + df as Score));
            }
            Err(e) => failed = Some(e),
        }
    });
    if let Some(e) = failed {
        return Err(e.into());
    }
    let analyzer = crate::analyzer::for_snippets(terms.keys().map(String::as_str));
    Ok(SnippetGenerator::new(terms, analyzer, field, max_chars))
}

/// Byte ranges of a snippet fragment, found `shift` bytes into `text`, as `[start, end)`
/// character offsets into `text`: what the JSON output and terminal highlighting use.
pub(super) fn char_ranges(
    text: &str,
    shift: usize,
    ranges: &[std::ops::Range<usize>],
) -> Vec<[usize; 2]> {
    let to_chars = |byte: usize| text[..shift + byte].chars().count();
    ranges
        .iter()
        .map(|r| [to_chars(r.start), to_chars(r.end)])
        .collect()
}

/// Highlights over the whole quote (character offsets), when the snippet covers all of it.
pub(super) fn highlight_whole(g: &SnippetGenerator, quote: &str) -> Vec<[usize; 2]> {
    let snippet = g.snippet(quote);
    let frag = snippet.fragment();
    let Some(shift) = quote.find(frag).filter(|_| !frag.is_empty()) else {
        return Vec::new();
    };
    char_ranges(quote, shift, snippet.highlighted())
}
