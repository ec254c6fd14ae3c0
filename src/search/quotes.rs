//! Quotes as results of their own: every quote is a document (`kind:quote`) with its words,
//! speaker, article id, date and city indexed, so "what did anyone say about Bakhmut in March
//! 2023, and who?" is one query. A quote's text, speaker and role are stored once, in its
//! article's body, and read back from there for the hits shown.

use std::collections::HashMap;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Term, Value};
use tantivy::{DocAddress, Score, Searcher, TantivyDocument};

use super::hits::{day_of, text_of};
use super::people::People;
use super::results::QuoteHit;
use super::snippets::Highlighter;
use crate::error::{Error, Result};
use crate::index::DatelineIndex;
use crate::parse::Quote;
use crate::schema::KIND_ARTICLE;

impl DatelineIndex {
    /// The quotes at `top` as hits: each read back from its article's body, with its speaker
    /// and role as the quote rules find them there.
    pub(super) fn quote_hits(
        &self,
        searcher: &Searcher,
        top: Vec<(Score, DocAddress)>,
        snippets: Option<&Highlighter>,
    ) -> Result<Vec<QuoteHit>> {
        let f = self.fields();
        let mut quotes = Vec::with_capacity(top.len());
        // (file, article id) → (title, body, their quotes): several hits often share an
        // article. Ids alone can repeat (two roots with the same relative path), so the file
        // is part of the key and of the lookup.
        let mut parents: HashMap<(String, String), (String, String, Vec<Quote>)> = HashMap::new();
        for (score, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let offset = |field: Field| doc.get_first(field).and_then(|v| v.as_u64());
            let article_id = text_of(&doc, f.id).unwrap_or_default();
            let key = (
                text_of(&doc, f.path).unwrap_or_default(),
                article_id.clone(),
            );
            if !parents.contains_key(&key) {
                let (title, body) = self.article_text(searcher, &key.0, &key.1)?;
                let language = text_of(&doc, f.language);
                let extracted =
                    crate::parse::quote::extract_article(&title, &body, language.as_deref());
                parents.insert(key.clone(), (title, body, extracted));
            }
            let (title, body, extracted) = &parents[&key];
            let in_title = offset(f.quote_in_title) == Some(1);
            let found = quote_in(
                if in_title { title } else { body },
                extracted,
                offset(f.quote_start).unwrap_or(0) as usize,
                offset(f.quote_end).unwrap_or(0) as usize,
                in_title,
            );
            let quote = found.text;
            // Quotes are short: the whole quote is shown, its matches marked.
            let highlights = snippets.map(|h| h.whole(&quote)).unwrap_or_default();
            quotes.push(QuoteHit {
                speaker: found.speaker,
                speakers: found.speakers,
                speaker_kind: found.speaker_kind,
                role: found.role,
                in_title: found.in_title,
                article_id,
                path: key.0.clone(),
                date: day_of(&doc, f.date),
                city: text_of(&doc, f.city),
                score,
                highlights,
                text: quote,
            });
        }
        Ok(quotes)
    }

    /// The stored title and body of the article with this id from this file (empty when it
    /// is gone).
    fn article_text(&self, searcher: &Searcher, path: &str, id: &str) -> Result<(String, String)> {
        let f = self.fields();
        let must = |field: Field, value: &str| -> (Occur, Box<dyn Query>) {
            let term = Term::from_field_text(field, value);
            (
                Occur::Must,
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
            )
        };
        let query = BooleanQuery::new(vec![
            must(f.path, path),
            must(f.id, id),
            must(f.kind, KIND_ARTICLE),
        ]);
        let top = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
        let Some((_, addr)) = top.first() else {
            return Ok(Default::default());
        };
        let doc: TantivyDocument = searcher.doc(*addr)?;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        Ok((text(f.title), text(f.body)))
    }

    /// Quotes whose speaker is of this kind (person or organisation).
    pub(super) fn speaker_kind_query(&self, kind: crate::parse::SpeakerKind) -> Box<dyn Query> {
        let term = Term::from_field_text(self.fields().speaker_kind, kind.name());
        Box::new(TermQuery::new(term, IndexRecordOption::Basic))
    }

    /// Quotes of any of these speakers.
    pub(super) fn speakers_query(
        &self,
        speakers: &[String],
        people: &People,
    ) -> Result<Box<dyn Query>> {
        let any = speakers
            .iter()
            .map(|s| self.speaker_query(s, people).map(|q| (Occur::Should, q)))
            .collect::<Result<Vec<_>>>()?;
        Ok(Box::new(BooleanQuery::new(any)))
    }

    /// The quotes of the person a name stands for (`donald trump` is `Donald Trump` and
    /// `Donald J. Trump`, not `Donald Trump Jr.`): each raw value of that person in
    /// `speaker`. A name that stands for no one person (`kofman` before anyone is called
    /// Kofman in full, `trump` among several Trumps) matches its words in `speaker_name`.
    fn speaker_query(&self, name: &str, people: &People) -> Result<Box<dyn Query>> {
        if let Some(person) = people.find(name) {
            let field = self.fields().speaker;
            let any: Vec<(Occur, Box<dyn Query>)> = people
                .members(person)
                .iter()
                .map(|raw| {
                    let term = Term::from_field_text(field, raw);
                    let q: Box<dyn Query> =
                        Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                    (Occur::Should, q)
                })
                .collect();
            return Ok(Box::new(BooleanQuery::new(any)));
        }
        self.speaker_words_query(name)
    }

    /// Words of a speaker name, in order, in `speaker_name`.
    fn speaker_words_query(&self, name: &str) -> Result<Box<dyn Query>> {
        let field = self.fields().speaker_name;
        let mut tokenizer = self
            .tantivy_index()
            .tokenizer_for_field(field)
            .map_err(|e| Error::BadRequest(e.to_string()))?;
        let mut terms = Vec::new();
        let mut stream = tokenizer.token_stream(name);
        while let Some(tok) = stream.next() {
            terms.push(Term::from_field_text(field, &tok.text));
        }
        Ok(match terms.len() {
            0 => return Err(Error::BadRequest(format!("empty speaker name {name:?}"))),
            1 => Box::new(TermQuery::new(
                terms.pop().expect("one term"),
                IndexRecordOption::Basic,
            )),
            _ => Box::new(PhraseQuery::new(terms)),
        })
    }
}

/// The quote of `quotes` (extracted from the article) at characters `start..end` of its
/// title or body (`text`, as `in_title` says), with its speaker and role. Quotes are stored
/// once, in the article: extraction is deterministic, and the parser version in the index
/// makes `dateline index` re-read every file when it changes. Should the article hold no
/// such quote, the characters `start..end` of `text` stand in, with no speaker.
fn quote_in(text: &str, quotes: &[Quote], start: usize, end: usize, in_title: bool) -> Quote {
    quotes
        .iter()
        .find(|q| q.start == start && q.end == end && q.in_title == in_title)
        .cloned()
        .unwrap_or_else(|| {
            let words = text
                .chars()
                .skip(start)
                .take(end.saturating_sub(start))
                .collect();
            Quote {
                in_title,
                ..Quote::unattributed(words, start, end)
            }
        })
}

#[cfg(test)]
mod tests {
    use crate::parse::{self, city::CityAliases, Format, SpeakerKind};
    use crate::{DatelineIndex, QuoteRequest, Sort};

    /// A headline's quote is indexed and read back from the title, marked `in_title`, with
    /// the speaker the headline names; the body's quote beside it from the body.
    #[test]
    fn a_headline_quote_is_read_back_from_the_title() {
        let title = "Koval Says City ‘Will Hold the Line’";
        let body = "Mayor Olena Koval spoke on Monday. “The water is back on,” Koval said.";
        let article = parse::Article {
            id: "a.txt".into(),
            title: title.into(),
            body: body.into(),
            quotes: parse::quote::extract_article(title, body, Some("en")),
            ..parse::Article::default()
        };
        let index = DatelineIndex::create_in_ram().unwrap();
        index.add_articles(&[article]).unwrap();
        let got = index.search_quotes(&QuoteRequest::new("")).unwrap();
        let mut seen: Vec<(String, bool, Option<String>)> = got
            .quotes
            .iter()
            .map(|q| (q.text.clone(), q.in_title, q.speaker.clone()))
            .collect();
        seen.sort();
        assert_eq!(
            seen,
            vec![
                (
                    "The water is back on,".into(),
                    false,
                    Some("Olena Koval".into())
                ),
                (
                    "Will Hold the Line".into(),
                    true,
                    Some("Olena Koval".into())
                ),
            ]
        );
        // The article view lists both, the headline's first.
        let stored = index.article("a.txt").unwrap().unwrap();
        let flags: Vec<bool> = stored.quotes.iter().map(|q| q.in_title).collect();
        assert_eq!(flags, vec![true, false]);
    }

    /// Quote hits read their text back from the article body: a quote over two paragraphs
    /// comes back joined as extraction gives it, with its speaker, date and city.
    #[test]
    fn quote_text_is_read_back_from_the_body() {
        let text = "date 2023-03-06 Kyiv: The shelling went on.\n\n\
                    “We hold the line,” said Olena Koval, a city official. “The water is back \
                    on in most districts.\n\n\
                    “The schools open on Monday,” she added.\n\n\
                    Nothing else was reported.";
        let articles = parse::parse(
            Format::Seed,
            "a.txt",
            text.as_bytes(),
            CityAliases::builtin(),
        )
        .unwrap();
        let want: Vec<String> = articles[0].quotes.iter().map(|q| q.text.clone()).collect();
        assert!(
            want.iter().any(|q| q.contains("\n\n")),
            "a multi-paragraph quote: {want:?}"
        );

        let index = DatelineIndex::create_in_ram().unwrap();
        index.add_articles(&articles).unwrap();
        let mut req = QuoteRequest::new("");
        req.sort = Some(Sort::Oldest);
        let got = index.search_quotes(&req).unwrap();
        assert_eq!(got.total, want.len() as u64);
        let mut texts: Vec<String> = got.quotes.iter().map(|q| q.text.clone()).collect();
        texts.sort();
        let mut want_sorted = want.clone();
        want_sorted.sort();
        assert_eq!(texts, want_sorted);
        for q in &got.quotes {
            assert_eq!(q.speaker.as_deref(), Some("Olena Koval"), "{q:?}");
            assert_eq!(q.article_id, "a.txt");
            assert_eq!(q.date.map(|d| d.to_string()).as_deref(), Some("2023-03-06"));
            assert_eq!(q.city.as_deref(), Some("Kyiv"));
        }

        let hits = index.search_quotes(&QuoteRequest::new("schools")).unwrap();
        assert_eq!(hits.total, 1);
        let q = &hits.quotes[0];
        assert!(q.text.contains("schools open"), "{q:?}");
        let [s, e] = q.highlights[0];
        let highlighted: String = q.text.chars().skip(s).take(e - s).collect();
        assert_eq!(highlighted, "schools");
    }

    /// Two roots can hold the same relative path, so two articles share an id: each quote
    /// hit is still read back from its own article.
    #[test]
    fn quote_hits_come_from_their_own_file_when_ids_repeat() {
        let roots = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
        let texts = [
            "date 2023-03-06 Kyiv: Intro.\n\n“The bridge is open to traffic again,” said Olena Koval.",
            "date 2023-03-07 Lviv: Intro.\n\n“Unicorns were seen near the station today,” said Ivan Petrenko.",
        ];
        for (root, text) in roots.iter().zip(texts) {
            std::fs::write(root.path().join("a.txt"), text).unwrap();
        }
        let index = DatelineIndex::create_in_ram().unwrap();
        let paths: Vec<_> = roots.iter().map(|r| r.path().to_path_buf()).collect();
        index
            .index_paths(&paths, &crate::IndexOptions::default(), &|_| {})
            .unwrap();
        for (word, speaker, city) in [
            ("unicorns", "Ivan Petrenko", "Lviv"),
            ("bridge", "Olena Koval", "Kyiv"),
        ] {
            let hits = index.search_quotes(&QuoteRequest::new(word)).unwrap();
            assert_eq!(hits.total, 1, "{word}");
            let q = &hits.quotes[0];
            assert!(q.text.to_lowercase().contains(word), "{q:?}");
            assert_eq!(q.speaker.as_deref(), Some(speaker));
            assert_eq!(q.article_id, "a.txt");
            assert_eq!(q.city.as_deref(), Some(city));
        }
    }

    /// Issue 21: a joint statement is a quote of each speaker (found by either, counted for
    /// both), and organisations can be asked for apart from people.
    #[test]
    fn joint_speakers_and_speaker_kinds() {
        let text = "date 2023-03-06 Kyiv: The council met.\n\n\
                    “The budget passes today,” Mona Vick and Tor Lund said in a statement.\n\n\
                    “The talks on the budget failed,” the White House said.\n\n\
                    “The budget is late,” Ada Holm said.";
        let articles = parse::parse(
            Format::Seed,
            "a.txt",
            text.as_bytes(),
            CityAliases::builtin(),
        )
        .unwrap();
        let index = DatelineIndex::create_in_ram().unwrap();
        index.add_articles(&articles).unwrap();
        let mut req = QuoteRequest::new("budget");
        req.speakers = vec!["tor lund".into()];
        let hits = index.search_quotes(&req).unwrap();
        assert_eq!(hits.total, 1);
        let q = &hits.quotes[0];
        assert_eq!(q.speakers, ["Mona Vick", "Tor Lund"]);
        assert_eq!(q.speaker.as_deref(), Some("Mona Vick"));
        assert_eq!(q.speaker_kind, Some(SpeakerKind::Person));
        // Each joint speaker counts once in the speaker facet.
        let all = index.search_quotes(&QuoteRequest::new("budget")).unwrap();
        assert_eq!(all.total, 3);
        let speakers: Vec<(&str, u64)> = all.facets[&crate::FacetField::Speaker]
            .iter()
            .map(|c| (c.value.as_str(), c.count))
            .collect();
        for name in ["Mona Vick", "Tor Lund", "White House", "Ada Holm"] {
            assert!(speakers.contains(&(name, 1)), "{name}: {speakers:?}");
        }
        let mut req = QuoteRequest::new("budget");
        req.speaker_kind = Some(SpeakerKind::Organisation);
        let orgs = index.search_quotes(&req).unwrap();
        assert_eq!(orgs.total, 1);
        assert_eq!(orgs.quotes[0].speakers, ["White House"]);
        req.speaker_kind = Some(SpeakerKind::Person);
        assert_eq!(index.search_quotes(&req).unwrap().total, 2);
    }
}
