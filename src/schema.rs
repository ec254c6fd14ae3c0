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

/// Field names, for the readers that look fields up by name (fast-field columns). Every
/// other use goes through [`Fields`].
#[allow(missing_docs)] // one name per schema field; the schema file documents each
pub mod name {
    pub const KIND: &str = "kind";
    pub const ID: &str = "id";
    pub const PATH: &str = "path";
    pub const FORMAT: &str = "format";
    pub const TITLE: &str = "title";
    pub const BODY: &str = "body";
    pub const QUOTE: &str = "quote";
    pub const TITLE_UK: &str = "title_uk";
    pub const BODY_UK: &str = "body_uk";
    pub const TITLE_RU: &str = "title_ru";
    pub const BODY_RU: &str = "body_ru";
    pub const TRANSLIT: &str = "translit";
    pub const DATE: &str = "date";
    pub const PUBLISHED: &str = "published";
    pub const CITY: &str = "city";
    pub const CITY_KEY: &str = "city_key";
    pub const DATELINE: &str = "dateline";
    pub const REGION: &str = "region";
    pub const COUNTRY: &str = "country";
    pub const COUNTRY_CODE: &str = "country_code";
    pub const LAT: &str = "lat";
    pub const LON: &str = "lon";
    pub const SPEAKER: &str = "speaker";
    pub const SPEAKER_NAME: &str = "speaker_name";
    pub const SPEAKER_KIND: &str = "speaker_kind";
    pub const LANGUAGE: &str = "language";
    pub const SOURCE: &str = "source";
    pub const URL: &str = "url";
    pub const CRAWLED: &str = "crawled";
    pub const QUOTE_START: &str = "quote_start";
    pub const QUOTE_END: &str = "quote_end";
    pub const QUOTE_IN_TITLE: &str = "quote_in_title";
    pub const FILE_SIZE: &str = "file_size";
    pub const FILE_MTIME: &str = "file_mtime";
    pub const FILE_HASH: &str = "file_hash";
    pub const STORY: &str = "story";
    pub const STORY_SIG: &str = "story_sig";
}

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
    pub title_uk: Field,
    pub body_uk: Field,
    pub title_ru: Field,
    pub body_ru: Field,
    pub translit: Field,
    pub date: Field,
    pub published: Field,
    pub city: Field,
    pub city_key: Field,
    pub dateline: Field,
    pub region: Field,
    pub country: Field,
    pub country_code: Field,
    pub lat: Field,
    pub lon: Field,
    pub speaker: Field,
    pub speaker_name: Field,
    pub speaker_kind: Field,
    pub language: Field,
    pub source: Field,
    pub url: Field,
    pub crawled: Field,
    pub quote_start: Field,
    pub quote_end: Field,
    pub quote_in_title: Field,
    pub file_size: Field,
    pub file_mtime: Field,
    pub file_hash: Field,
    pub story: Field,
    pub story_sig: Field,
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

/// The version of the index schema this build writes (`schema/index-schema.json`). An index
/// records the version it was made with; one of another version must be rebuilt
/// (`dateline index --full`).
pub fn schema_version() -> u32 {
    #[derive(Deserialize)]
    struct Version {
        version: u32,
    }
    serde_json::from_str::<Version>(SCHEMA_FILE)
        .map(|v| v.version)
        .unwrap_or(0)
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
        let f = |field: &str| {
            schema
                .get_field(field)
                .map_err(|_| Error::Schema(format!("field {field:?} missing")))
        };
        Ok(Fields {
            kind: f(name::KIND)?,
            id: f(name::ID)?,
            path: f(name::PATH)?,
            format: f(name::FORMAT)?,
            title: f(name::TITLE)?,
            body: f(name::BODY)?,
            quote: f(name::QUOTE)?,
            title_uk: f(name::TITLE_UK)?,
            body_uk: f(name::BODY_UK)?,
            title_ru: f(name::TITLE_RU)?,
            body_ru: f(name::BODY_RU)?,
            translit: f(name::TRANSLIT)?,
            date: f(name::DATE)?,
            published: f(name::PUBLISHED)?,
            city: f(name::CITY)?,
            city_key: f(name::CITY_KEY)?,
            dateline: f(name::DATELINE)?,
            region: f(name::REGION)?,
            country: f(name::COUNTRY)?,
            country_code: f(name::COUNTRY_CODE)?,
            lat: f(name::LAT)?,
            lon: f(name::LON)?,
            speaker: f(name::SPEAKER)?,
            speaker_name: f(name::SPEAKER_NAME)?,
            speaker_kind: f(name::SPEAKER_KIND)?,
            language: f(name::LANGUAGE)?,
            source: f(name::SOURCE)?,
            url: f(name::URL)?,
            crawled: f(name::CRAWLED)?,
            quote_start: f(name::QUOTE_START)?,
            quote_end: f(name::QUOTE_END)?,
            quote_in_title: f(name::QUOTE_IN_TITLE)?,
            file_size: f(name::FILE_SIZE)?,
            file_mtime: f(name::FILE_MTIME)?,
            file_hash: f(name::FILE_HASH)?,
            story: f(name::STORY)?,
            story_sig: f(name::STORY_SIG)?,
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
        assert_eq!(schema_version(), s.version);
        assert!(s.version > 0);
        let value: serde_json::Value = serde_json::from_str(SCHEMA_FILE).unwrap();
        let described = value["descriptions"].as_object().unwrap();
        let names: Vec<&str> = s.schema.fields().map(|(_, e)| e.name()).collect();
        assert_eq!(names.len(), described.len());
        for name in names {
            assert!(described.contains_key(name), "{name} has no description");
        }
    }

    /// Every field a client without dateline's analyzers needs (titles, bodies, quotes,
    /// facets) uses a tokenizer tantivy ships. The Ukrainian, Russian and `translit` fields
    /// are the exception, and only they: Snowball has no Ukrainian stemmer and tantivy no
    /// transliteration, and the analyses are ours (`analyzer::slavic`). Those fields only
    /// add to what `title` and `body` hold; the README ("The index on disk") says how a
    /// client registers analyzers under these names.
    #[test]
    fn only_builtin_tokenizers_and_fast_facets() {
        use crate::analyzer::slavic::{RU_STEM, TRANSLIT, UK_STEM};
        let s = DatelineSchema::load().unwrap();
        let ours = [
            (name::TITLE_UK, UK_STEM),
            (name::BODY_UK, UK_STEM),
            (name::TITLE_RU, RU_STEM),
            (name::BODY_RU, RU_STEM),
            (name::TRANSLIT, TRANSLIT),
        ];
        for (_, entry) in s.schema.fields() {
            if let FieldType::Str(opts) = entry.field_type() {
                if let Some(ix) = opts.get_indexing_options() {
                    if let Some((_, tokenizer)) = ours.iter().find(|(n, _)| *n == entry.name()) {
                        assert_eq!(ix.tokenizer(), *tokenizer);
                        assert!(!opts.is_stored(), "{} is a copy: not stored", entry.name());
                        continue;
                    }
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
            s.fields.country,
            s.fields.speaker,
            s.fields.kind,
            s.fields.path,
        ] {
            assert!(s.schema.get_field_entry(f).is_fast());
        }
    }
}
