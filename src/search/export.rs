//! Every matching article, streamed: [`DatelineIndex::export`] hands each one to a callback
//! with the fields asked for, segment by segment in the index's own order, so memory holds
//! one article at a time however many match (no hit list, no sort).

use serde::{Deserialize, Serialize};
use tantivy::query::EnableScoring;
use tantivy::schema::Field;
use tantivy::{DocId, TantivyDocument, TERMINATED};

use super::hits::{day_of, text_of};
use super::query::Target;
use super::request::Filters;
use crate::error::{Error, Result};
use crate::index::DatelineIndex;
use crate::schema::name;

/// A field an export can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportField {
    /// Article id.
    Id,
    /// Source file on disk.
    Path,
    /// Day of publication, `2023-03-06`.
    Date,
    /// Full timestamp, when the source gives a time.
    Published,
    /// Title.
    Title,
    /// Body text.
    Body,
    /// Dateline city.
    City,
    /// State or country part of the dateline.
    Region,
    /// Country of the dateline place.
    Country,
    /// ISO 639-1 language code.
    Language,
    /// The outlet.
    Source,
    /// Source URL.
    Url,
    /// Reader that produced the article.
    Format,
    /// The article's story (16 hex digits, as in search results): its near-duplicates share
    /// it when the index detects stories.
    Story,
}

impl ExportField {
    /// Every field, in the order `--fields all` gives them.
    pub const ALL: &'static [ExportField] = &[
        ExportField::Id,
        ExportField::Date,
        ExportField::Published,
        ExportField::Source,
        ExportField::City,
        ExportField::Region,
        ExportField::Country,
        ExportField::Language,
        ExportField::Format,
        ExportField::Url,
        ExportField::Path,
        ExportField::Story,
        ExportField::Title,
        ExportField::Body,
    ];

    /// The fields an export carries when none are named.
    pub const DEFAULT: &'static [ExportField] = &[
        ExportField::Id,
        ExportField::Date,
        ExportField::Source,
        ExportField::City,
        ExportField::Url,
        ExportField::Title,
    ];

    /// Name on the command line, as a CSV column and as a JSON key.
    pub fn name(self) -> &'static str {
        match self {
            ExportField::Id => "id",
            ExportField::Path => "path",
            ExportField::Date => "date",
            ExportField::Published => "published",
            ExportField::Title => "title",
            ExportField::Body => "body",
            ExportField::City => "city",
            ExportField::Region => "region",
            ExportField::Country => "country",
            ExportField::Language => "language",
            ExportField::Source => "source",
            ExportField::Url => "url",
            ExportField::Format => "format",
            ExportField::Story => "story",
        }
    }

    /// A comma-separated list of names (`id,date,title`; `all` for every field), in the
    /// order given, each once.
    pub fn parse_list(list: &str) -> Result<Vec<ExportField>> {
        let mut out = Vec::new();
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            if name == "all" {
                for f in ExportField::ALL {
                    if !out.contains(f) {
                        out.push(*f);
                    }
                }
                continue;
            }
            let field = ExportField::ALL
                .iter()
                .copied()
                .find(|f| f.name() == name)
                .ok_or_else(|| {
                    let names: Vec<_> = ExportField::ALL.iter().map(|f| f.name()).collect();
                    Error::BadRequest(format!(
                        "unknown field {name:?} (one of: {}, or all)",
                        names.join(", ")
                    ))
                })?;
            if !out.contains(&field) {
                out.push(field);
            }
        }
        if out.is_empty() {
            return Err(Error::BadRequest("no fields to export".into()));
        }
        Ok(out)
    }
}

/// What to export: the articles a search with these words and filters finds, with these
/// fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportRequest {
    /// Query, as in [`SearchRequest`](crate::SearchRequest); empty or `*` for every article.
    pub query: String,
    /// Dates, places, languages, sources.
    #[serde(flatten)]
    pub filters: Filters,
    /// Fields of each record, in this order.
    pub fields: Vec<ExportField>,
}

impl Default for ExportRequest {
    fn default() -> Self {
        ExportRequest {
            query: String::new(),
            filters: Filters::default(),
            fields: ExportField::DEFAULT.to_vec(),
        }
    }
}

impl DatelineIndex {
    /// Calls `each` with every article the request matches: its values of `req.fields`, in
    /// that order (`None` where the article has none). Articles come segment by segment, in
    /// the order the index holds them, one at a time; an error from `each` stops the export
    /// and is returned. Returns how many articles were exported.
    ///
    /// ```
    /// use dateline::{Article, DatelineIndex, ExportField, ExportRequest};
    /// let index = DatelineIndex::create_in_ram().unwrap();
    /// index.add_articles(&[Article {
    ///     id: "a".into(),
    ///     title: "Bakhmut holds".into(),
    ///     body: "Bakhmut holds.".into(),
    ///     source: Some("Reuters".into()),
    ///     ..Article::default()
    /// }]).unwrap();
    /// let req = ExportRequest {
    ///     query: "bakhmut".into(),
    ///     fields: vec![ExportField::Id, ExportField::Source, ExportField::City],
    ///     ..ExportRequest::default()
    /// };
    /// let mut rows = Vec::new();
    /// let n = index.export(&req, |row| { rows.push(row.to_vec()); Ok(()) }).unwrap();
    /// assert_eq!(n, 1);
    /// assert_eq!(rows[0], [Some("a".to_string()), Some("Reuters".to_string()), None]);
    /// ```
    pub fn export(
        &self,
        req: &ExportRequest,
        mut each: impl FnMut(&[Option<String>]) -> Result<()>,
    ) -> Result<u64> {
        if req.fields.is_empty() {
            return Err(Error::BadRequest("no fields to export".into()));
        }
        let built = self.build_query(Target::Articles, &req.query, &req.filters)?;
        let searcher = self.searcher();
        let weight = built
            .full
            .weight(EnableScoring::disabled_from_searcher(&searcher))?;
        let f = self.fields();
        let stored: Vec<Option<Field>> = req
            .fields
            .iter()
            .map(|field| match field {
                ExportField::Id => Some(f.id),
                ExportField::Published => Some(f.published),
                ExportField::Title => Some(f.title),
                ExportField::Body => Some(f.body),
                ExportField::City => Some(f.city),
                ExportField::Region => Some(f.region),
                ExportField::Country => Some(f.country),
                ExportField::Language => Some(f.language),
                ExportField::Source => Some(f.source),
                ExportField::Url => Some(f.url),
                ExportField::Format => Some(f.format),
                ExportField::Path | ExportField::Date | ExportField::Story => None,
            })
            .collect();
        let mut row: Vec<Option<String>> = vec![None; req.fields.len()];
        let mut exported = 0u64;
        for seg in searcher.segment_readers() {
            // A few decompressed blocks: matches come in document order, so each block is
            // read once.
            let store = seg
                .get_store_reader(4)
                .map_err(tantivy::TantivyError::from)?;
            let paths = if req.fields.contains(&ExportField::Path) {
                seg.fast_fields().str(name::PATH)?
            } else {
                None
            };
            let stories = if req.fields.contains(&ExportField::Story) {
                Some(seg.fast_fields().u64(name::STORY)?)
            } else {
                None
            };
            let alive = seg.alive_bitset();
            let mut scorer = weight.scorer(seg, 1.0)?;
            let mut doc: DocId = scorer.doc();
            while doc != TERMINATED {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    let d: TantivyDocument = store.get(doc)?;
                    for (i, field) in req.fields.iter().enumerate() {
                        row[i] = match (field, stored[i]) {
                            (_, Some(sf)) => text_of(&d, sf),
                            (ExportField::Date, None) => day_of(&d, f.date).map(|d| d.to_string()),
                            (ExportField::Path, None) => match &paths {
                                Some(col) => match col.ords().first(doc) {
                                    Some(ord) => {
                                        let mut value = String::new();
                                        col.ord_to_str(ord, &mut value)
                                            .map_err(tantivy::TantivyError::from)?;
                                        Some(value)
                                    }
                                    None => None,
                                },
                                None => None,
                            },
                            (ExportField::Story, None) => stories
                                .as_ref()
                                .and_then(|col| col.first(doc))
                                .map(super::results::story_hex),
                            _ => None,
                        };
                    }
                    each(&row)?;
                    exported += 1;
                }
                doc = scorer.advance();
            }
        }
        Ok(exported)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_lists_parse_in_order_once_and_bad_names_are_errors() {
        assert_eq!(
            ExportField::parse_list("title, id,title").unwrap(),
            [ExportField::Title, ExportField::Id]
        );
        assert_eq!(ExportField::parse_list("all").unwrap(), ExportField::ALL);
        let err = ExportField::parse_list("id,colour")
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown field \"colour\""), "{err}");
        assert!(ExportField::parse_list(" , ").is_err());
    }
}
