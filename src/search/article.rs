//! One article read back whole by its id: its stored fields, its full text and its quotes with
//! their offsets in the body (what `GET /api/articles/{id}` answers). Like the hits, the quotes
//! come from re-reading the stored body: extraction is deterministic.

use serde::{Deserialize, Serialize};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, TantivyDocument, Term};

use super::hits::{day_of, text_of};
use crate::error::Result;
use crate::index::DatelineIndex;
use crate::schema::KIND_ARTICLE;

/// A whole article as the index holds it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct StoredArticle {
    /// Article id.
    pub id: String,
    /// Source file.
    pub path: String,
    /// Day of publication (`"2023-03-06"` in JSON).
    pub date: Option<chrono::NaiveDate>,
    /// Dateline city in display form.
    pub city: Option<String>,
    /// The dateline city as the source spells it (`KIEV`).
    pub dateline: Option<String>,
    /// English name of the dateline place's country.
    pub country: Option<String>,
    /// State or country part of the dateline.
    pub region: Option<String>,
    /// ISO 639-1 language code, when known.
    pub language: Option<String>,
    /// Full publication timestamp, when the source gives a time.
    pub published: Option<String>,
    /// Source URL, when known.
    pub url: Option<String>,
    /// When a web archive fetched the page.
    pub crawled: Option<String>,
    /// Reader that produced the article.
    pub format: String,
    /// Title.
    pub title: String,
    /// The whole body: paragraphs separated by a blank line.
    pub body: String,
    /// The quotes in the body, in order, with their speakers where the text names them.
    pub quotes: Vec<ArticleQuote>,
}

/// A quote of a [`StoredArticle`], placed in its body.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ArticleQuote {
    /// The quoted words.
    pub text: String,
    /// Character offset in the body (or the title, see `in_title`) of the first quoted
    /// character.
    pub start: usize,
    /// Character offset in the body (or title) just past the last quoted character.
    pub end: usize,
    /// The quote is in the article's title, not its body.
    #[serde(default)]
    pub in_title: bool,
    /// Who said it, as the article names them; of joint speakers, the first.
    pub speaker: Option<String>,
    /// Every speaker, empty when unknown (several for joint speakers).
    #[serde(default)]
    pub speakers: Vec<String>,
    /// `person` or `organisation`, when there is a speaker.
    #[serde(default)]
    pub speaker_kind: Option<crate::parse::SpeakerKind>,
    /// The speaker's title or role, when given.
    pub role: Option<String>,
}

impl DatelineIndex {
    /// The article with this id, whole, or `None` when the index has none.
    ///
    /// ```
    /// use dateline::{Article, DatelineIndex};
    /// let index = DatelineIndex::create_in_ram().unwrap();
    /// index.add_articles(&[Article {
    ///     id: "a.txt".into(),
    ///     title: "Bridge".into(),
    ///     body: "“It holds,” said Ivan Petrenko.".into(),
    ///     ..Article::default()
    /// }]).unwrap();
    /// let a = index.article("a.txt").unwrap().unwrap();
    /// assert_eq!(a.quotes[0].text, "It holds,");
    /// assert_eq!(a.quotes[0].speaker.as_deref(), Some("Ivan Petrenko"));
    /// assert!(index.article("b.txt").unwrap().is_none());
    /// ```
    pub fn article(&self, id: &str) -> Result<Option<StoredArticle>> {
        let f = self.fields();
        let searcher = self.searcher();
        let term = |field, value: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, value),
                IndexRecordOption::Basic,
            ))
        };
        let query = BooleanQuery::new(vec![
            (Occur::Must, term(f.id, id)),
            (Occur::Must, term(f.kind, KIND_ARTICLE)),
        ]);
        let top: Vec<(f32, DocAddress)> =
            searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
        let Some(&(_, addr)) = top.first() else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher.doc(addr)?;
        let text = |field| text_of(&doc, field);
        let title = text(f.title).unwrap_or_default();
        let body = text(f.body).unwrap_or_default();
        let language = text(f.language);
        let quotes = crate::parse::quote::extract_article(&title, &body, language.as_deref())
            .into_iter()
            .map(|q| ArticleQuote {
                text: q.text,
                start: q.start,
                end: q.end,
                in_title: q.in_title,
                speaker: q.speaker,
                speakers: q.speakers,
                speaker_kind: q.speaker_kind,
                role: q.role,
            })
            .collect();
        Ok(Some(StoredArticle {
            id: text(f.id).unwrap_or_default(),
            path: text(f.path).unwrap_or_default(),
            date: day_of(&doc, f.date),
            city: text(f.city),
            dateline: text(f.dateline),
            country: text(f.country),
            region: text(f.region),
            language,
            published: text(f.published),
            url: text(f.url),
            crawled: text(f.crawled),
            format: text(f.format).unwrap_or_default(),
            title,
            body,
            quotes,
        }))
    }
}
