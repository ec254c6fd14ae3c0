//! Hits as results show them: the stored fields of a matching document, read back.

use std::collections::HashMap;

use chrono::NaiveDate;
use tantivy::columnar::StrColumn;
use tantivy::schema::{Field, Value};
use tantivy::{DocAddress, Score, Searcher, TantivyDocument};

use super::results::Hit;
use super::snippets::Highlighter;
use crate::date;
use crate::error::Result;
use crate::index::DatelineIndex;

/// The day in a document's date field.
pub(super) fn day_of(doc: &TantivyDocument, field: Field) -> Option<NaiveDate> {
    doc.get_first(field)
        .and_then(|v| v.as_datetime())
        .map(date::tantivy_to_day)
}

/// A stored text field of a document.
pub(super) fn text_of(doc: &TantivyDocument, field: Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

impl DatelineIndex {
    /// The article at `addr` as a hit: its stored fields, a snippet around the matched
    /// words (or the body's opening when none is in it) and its quotes.
    pub(super) fn hit(
        &self,
        searcher: &Searcher,
        addr: DocAddress,
        score: Score,
        snippets: Option<&Highlighter>,
        snippet_chars: usize,
    ) -> Result<Hit> {
        let f = self.fields();
        let doc: TantivyDocument = searcher.doc(addr)?;
        let text = |field: Field| text_of(&doc, field);
        let body = text(f.body).unwrap_or_default();
        let (snippet, highlights) = match snippets.and_then(|h| h.snippet(&body)) {
            Some(found) => found,
            None => (
                crate::parse::text::truncate_words(
                    &body.split_whitespace().collect::<Vec<_>>().join(" "),
                    snippet_chars,
                ),
                Vec::new(),
            ),
        };
        Ok(Hit {
            id: text(f.id).unwrap_or_default(),
            path: text(f.path).unwrap_or_default(),
            date: day_of(&doc, f.date),
            city: text(f.city),
            country: text(f.country),
            region: text(f.region),
            language: text(f.language),
            source: text(f.source),
            published: text(f.published),
            url: text(f.url),
            crawled: text(f.crawled),
            format: text(f.format).unwrap_or_default(),
            title: text(f.title).unwrap_or_default(),
            score,
            snippet,
            highlights,
            // Quotes are not stored twice: extraction is deterministic, so re-reading the
            // stored body gives the quotes the index holds.
            quotes: crate::parse::quote::extract(&body)
                .into_iter()
                .map(|q| q.text)
                .collect(),
            story: None,
            copies: None,
            other_copies: Vec::new(),
        })
    }
}

/// Values of a fast text field of documents with each segment's column opened once
/// for all the documents read from it.
pub(super) struct FastStr<'a> {
    searcher: &'a Searcher,
    field: &'static str,
    columns: HashMap<u32, Option<StrColumn>>,
}

impl<'a> FastStr<'a> {
    pub(super) fn new(searcher: &'a Searcher, field: &'static str) -> FastStr<'a> {
        FastStr {
            searcher,
            field,
            columns: HashMap::new(),
        }
    }

    /// The value of the document at `addr`, if it has one.
    pub(super) fn get(&mut self, addr: DocAddress) -> Result<Option<String>> {
        let col = match self.columns.entry(addr.segment_ord) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => e.insert(
                self.searcher
                    .segment_reader(addr.segment_ord)
                    .fast_fields()
                    .str(self.field)?,
            ),
        };
        let Some(col) = col else { return Ok(None) };
        let Some(ord) = col.ords().first(addr.doc_id) else {
            return Ok(None);
        };
        let mut value = String::new();
        col.ord_to_str(ord, &mut value)
            .map_err(tantivy::TantivyError::from)?;
        Ok(Some(value))
    }
}
