//! What each commit records in tantivy's commit payload, so that a later run can tell whose
//! index it is and what its articles were made with: the schema version, the parser version
//! and the city aliases beyond the built-in table.

use serde::{Deserialize, Serialize};
use tantivy::{Index, IndexWriter};

use super::DatelineIndex;
use crate::error::Result;
use crate::parse;
#[cfg(doc)]
use crate::parse::CityAliases;

/// The commit payload, as JSON in `meta.json`.
#[derive(Serialize, Deserialize)]
pub(super) struct Payload {
    pub dateline_schema: u32,
    /// [`parse::PARSER_VERSION`] of the last complete run; missing in older indexes.
    #[serde(default)]
    pub parser: u32,
    /// The city aliases of the last complete run beyond the built-in table
    /// ([`CityAliases::custom`]): search normalises city filters with them, and a run that
    /// changes them re-reads every file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<(String, String)>,
    /// The last complete run read every file as an article (`--all-files`): a run that
    /// judges files again re-reads them all.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub all_files: bool,
    /// The similarity at which two articles are one story ([`crate::story`]); a run with
    /// another re-reads every file.
    #[serde(default = "default_threshold")]
    pub dup_threshold: f64,
}

fn default_threshold() -> f64 {
    crate::story::OFF
}

impl Payload {
    /// The payload of the index's last commit: `None` when it has none (a new index, or one
    /// that another tantivy client wrote), `Some(Err)` when it is not dateline's.
    pub fn of(index: &Index) -> Result<Option<serde_json::Result<Payload>>> {
        Ok(index
            .load_metas()?
            .payload
            .as_deref()
            .map(serde_json::from_str::<Payload>))
    }
}

/// What the articles of an index were made with.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Made {
    /// The parser version every article was read with.
    pub parser: u32,
    /// The city aliases beyond the built-in ones.
    pub aliases: Vec<(String, String)>,
    /// Every file was read as an article, whatever it looked like.
    pub all_files: bool,
    /// The duplicate threshold the stories were assigned with.
    pub dup_threshold: f64,
}

impl DatelineIndex {
    /// Commits, recording what the whole index reflects, and makes searches see the commit.
    pub(super) fn commit(&self, writer: &mut IndexWriter, made: &Made) -> Result<()> {
        let payload = serde_json::to_string(&Payload {
            dateline_schema: self.version,
            parser: made.parser,
            aliases: made.aliases.clone(),
            all_files: made.all_files,
            dup_threshold: made.dup_threshold,
        })
        .expect("payload serialises");
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&payload);
        prepared.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    /// What the index's articles were made with. An empty index counts as current; an index
    /// from before versions were recorded counts as parser 0 (re-read everything).
    pub(super) fn made(&self) -> Result<Made> {
        Ok(match Payload::of(&self.index)?.and_then(|p| p.ok()) {
            Some(p) => Made {
                parser: p.parser,
                aliases: p.aliases,
                all_files: p.all_files,
                dup_threshold: p.dup_threshold,
            },
            None if self.reader.searcher().num_docs() == 0 => Made {
                parser: parse::PARSER_VERSION,
                aliases: Vec::new(),
                all_files: false,
                dup_threshold: crate::story::OFF,
            },
            None => Made {
                parser: 0,
                aliases: Vec::new(),
                all_files: false,
                dup_threshold: crate::story::OFF,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Article;

    /// A commit records the parser version and aliases it was given, and a later session that
    /// commits without a run of the files keeps them.
    #[test]
    fn commits_record_and_keep_what_the_index_was_made_with() {
        let index = DatelineIndex::create_in_ram().unwrap();
        assert_eq!(index.made().unwrap().parser, parse::PARSER_VERSION);
        let made = Made {
            parser: 1,
            aliases: vec![("Kiev".into(), "Kyiv".into())],
            all_files: true,
            dup_threshold: 0.7,
        };
        let mut writer = index.tantivy_writer(1, 32 << 20).unwrap();
        index.commit(&mut writer, &made).unwrap();
        drop(writer);
        assert_eq!(index.made().unwrap(), made);
        index
            .add_articles(&[Article {
                id: "a".into(),
                body: "Text.".into(),
                ..Article::default()
            }])
            .unwrap();
        assert_eq!(index.made().unwrap(), made);
        let Some(Ok(p)) = Payload::of(index.tantivy_index()).unwrap() else {
            panic!("no dateline payload")
        };
        assert_eq!(p.dateline_schema, index.version);
    }
}
