//! The only place that names tantivy fields. The schema is built from
//! `schema/index-schema.json` (tantivy's own field-entry JSON), so the file in the repository
//! and the index on disk cannot drift apart.

use serde::Deserialize;
use tantivy::schema::{Field, FieldEntry, Schema};

use crate::error::{Error, Result};

/// The schema file, compiled in.
pub const SCHEMA_FILE: &str = include_str!("../schema/index-schema.json");

/// Value of the `kind` field on article documents.
pub const KIND_ARTICLE: &str = "article";
/// Value of the `kind` field on quote documents.
pub const KIND_QUOTE: &str = "quote";

#[derive(Deserialize)]
struct SchemaFile {
    version: u32,
    fields: Vec<FieldEntry>,
}

/// Handles to every field of a dateline index.
#[derive(Debug, Clone)]
#[allow(missing_docs)] // one handle per schema field; the schema file documents each
pub struct Fields {
    pub kind: Field,
    pub id: Field,
    pub path: Field,
    pub format: Field,
    pub title: Field,
    pub body: Field,
    pub quote: Field,
    pub date: Field,
    pub published: Field,
    pub city: Field,
    pub city_key: Field,
    pub dateline: Field,
    pub region: Field,
    pub speaker: Field,
    pub speaker_name: Field,
    pub language: Field,
    pub url: Field,
    pub quote_start: Field,
    pub quote_end: Field,
    pub file_size: Field,
    pub file_mtime: Field,
    pub file_hash: Field,
}

/// The parsed schema file: its version and the tantivy schema it describes.
#[derive(Debug, Clone)]
pub struct DatelineSchema {
    /// Schema version; stored in every commit so an old index is recognised.
    pub version: u32,
    /// The tantivy schema.
    pub schema: Schema,
    /// Field handles.
    pub fields: Fields,
}

impl DatelineSchema {
    /// Builds the schema from the bundled file.
    pub fn load() -> Result<DatelineSchema> {
        let file: SchemaFile =
            serde_json::from_str(SCHEMA_FILE).map_err(|e| Error::Schema(e.to_string()))?;
        let mut builder = Schema::builder();
        for entry in file.fields {
            builder.add_field(entry);
        }
        let schema = builder.build();
        let fields = Fields::from_schema(&schema)?;
        Ok(DatelineSchema {
            version: file.version,
            schema,
            fields,
        })
    }
}

impl Fields {
    /// Looks every field up in `schema`; fails if one is missing.
    pub fn from_schema(schema: &Schema) -> Result<Fields> {
        let f = |name: &str| {
            schema
                .get_field(name)
                .map_err(|_| Error::Schema(format!("field {name:?} missing")))
        };
        Ok(Fields {
            kind: f("kind")?,
            id: f("id")?,
            path: f("path")?,
            format: f("format")?,
            title: f("title")?,
            body: f("body")?,
            quote: f("quote")?,
            date: f("date")?,
            published: f("published")?,
            city: f("city")?,
            city_key: f("city_key")?,
            dateline: f("dateline")?,
            region: f("region")?,
            speaker: f("speaker")?,
            speaker_name: f("speaker_name")?,
            language: f("language")?,
            url: f("url")?,
            quote_start: f("quote_start")?,
            quote_end: f("quote_end")?,
            file_size: f("file_size")?,
            file_mtime: f("file_mtime")?,
            file_hash: f("file_hash")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::FieldType;

    #[test]
    fn schema_file_builds_and_names_every_field_once() {
        let s = DatelineSchema::load().unwrap();
        let value: serde_json::Value = serde_json::from_str(SCHEMA_FILE).unwrap();
        let described = value["descriptions"].as_object().unwrap();
        let names: Vec<&str> = s.schema.fields().map(|(_, e)| e.name()).collect();
        assert_eq!(names.len(), described.len());
        for name in names {
            assert!(described.contains_key(name), "{name} has no description");
        }
    }

    #[test]
    fn only_builtin_tokenizers_and_fast_facets() {
        let s = DatelineSchema::load().unwrap();
        for (_, entry) in s.schema.fields() {
            if let FieldType::Str(opts) = entry.field_type() {
                if let Some(ix) = opts.get_indexing_options() {
                    assert!(
                        ["raw", "default", "en_stem"].contains(&ix.tokenizer()),
                        "{} uses a tokenizer other clients lack",
                        entry.name()
                    );
                }
            }
        }
        let date = s.schema.get_field_entry(s.fields.date);
        assert!(date.is_fast() && date.is_indexed());
        for f in [
            s.fields.city,
            s.fields.speaker,
            s.fields.kind,
            s.fields.path,
        ] {
            assert!(s.schema.get_field_entry(f).is_fast());
        }
    }
}
