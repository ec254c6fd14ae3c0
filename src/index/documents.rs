//! An [`Article`] as tantivy documents: one for the article, one for each of its quotes.
//! Every document carries the article's id, path, date, city and the other filter fields, so a
//! quote search filters as an article search does.

use tantivy::TantivyDocument;

use super::DatelineIndex;
use crate::analyzer::slavic::{self, Slavic};
use crate::corpus::Fingerprint;
use crate::parse::{Article, Format};
use crate::schema::{KIND_ARTICLE, KIND_QUOTE};

impl DatelineIndex {
    /// Builds the article document (first) and one document per quote. `file` is the source
    /// file's fingerprint and content hash, for the next run to compare.
    pub(super) fn documents(
        &self,
        a: &Article,
        path: &str,
        format: Format,
        file: Option<(Fingerprint, u64)>,
    ) -> Vec<TantivyDocument> {
        let f = &self.fields;
        let city_key = a.city.as_deref().map(crate::parse::city::key);
        // Every document starts with the same fields. Each is built at about its final size:
        // a document grows by doubling from 1 KB, which copied every article's body twice.
        let common_len = a.id.len()
            + path.len()
            + 2 * a.city.as_deref().map_or(0, str::len)
            + a.region.as_deref().map_or(0, str::len)
            + a.country.as_deref().map_or(0, str::len)
            + a.source.as_deref().map_or(0, str::len)
            + 128;
        let with_common = |extra: usize| {
            let mut d = TantivyDocument::with_capacity(common_len + extra);
            d.add_text(f.id, &a.id);
            d.add_text(f.path, path);
            d.add_text(f.format, format.name());
            if let Some(day) = a.date {
                d.add_date(f.date, crate::date::day_to_tantivy(day));
            }
            if let (Some(city), Some(key)) = (&a.city, &city_key) {
                d.add_text(f.city, city);
                d.add_text(f.city_key, key);
            }
            if let Some(region) = &a.region {
                d.add_text(f.region, region);
            }
            if let (Some(country), Some(code)) = (&a.country, &a.country_code) {
                d.add_text(f.country, country);
                d.add_text(f.country_code, code);
            }
            if let Some(lang) = &a.language {
                d.add_text(f.language, lang);
            }
            if let Some(source) = &a.source {
                d.add_text(f.source, source);
            }
            d
        };
        let mut docs = Vec::with_capacity(1 + a.quotes.len());
        let speakers_len: usize = a
            .quotes
            .iter()
            .flat_map(|q| &q.speakers)
            .map(|s| 2 * s.len() + 16)
            .sum();
        docs.push(with_common(
            a.title.len()
                + a.body.len()
                + a.city_raw.as_deref().map_or(0, str::len)
                + a.published.as_deref().map_or(0, str::len)
                + a.url.as_deref().map_or(0, str::len)
                + a.crawled.as_deref().map_or(0, str::len)
                + speakers_len
                + 128,
        ));
        for q in &a.quotes {
            let speaker_len: usize = q.speakers.iter().map(|s| 2 * s.len() + 16).sum();
            let mut d = with_common(q.text.len() + speaker_len + 80);
            d.add_text(f.kind, KIND_QUOTE);
            // The text itself is stored once, in the article body (see `quote_search`).
            d.add_text(f.quote, &q.text);
            // Joint speakers: each one, so each is counted and found.
            for s in &q.speakers {
                d.add_text(f.speaker, s);
                d.add_text(f.speaker_name, s);
            }
            if let Some(kind) = q.speaker_kind {
                d.add_text(f.speaker_kind, kind.name());
            }
            d.add_u64(f.quote_start, q.start as u64);
            d.add_u64(f.quote_end, q.end as u64);
            if q.in_title {
                d.add_u64(f.quote_in_title, 1);
            }
            docs.push(d);
        }
        let d = &mut docs[0];
        d.add_text(f.kind, KIND_ARTICLE);
        if let Some(raw) = &a.city_raw {
            d.add_text(f.dateline, raw);
        }
        if let (Some(lat), Some(lon)) = (a.lat, a.lon) {
            d.add_f64(f.lat, lat);
            d.add_f64(f.lon, lon);
        }
        d.add_text(f.title, &a.title);
        d.add_text(f.body, &a.body);
        // Ukrainian and Russian articles are analysed in their language too, and their words
        // as Latin keys (`analyzer::slavic`); `body` keeps the text for English words,
        // highlighting and other clients.
        if let Some(lang) = Slavic::of(a.language.as_deref()) {
            let (title, body) = match lang {
                Slavic::Uk => (f.title_uk, f.body_uk),
                Slavic::Ru => (f.title_ru, f.body_ru),
            };
            d.add_text(title, &a.title);
            d.add_text(body, &a.body);
            d.add_pre_tokenized_text(f.translit, slavic::translit_tokens(&a.title, lang));
            d.add_pre_tokenized_text(f.translit, slavic::translit_tokens(&a.body, lang));
        }
        if let Some(p) = &a.published {
            d.add_text(f.published, p);
        }
        if let Some(u) = &a.url {
            d.add_text(f.url, u);
        }
        if let Some(c) = &a.crawled {
            d.add_text(f.crawled, c);
        }
        let mut speakers: Vec<&str> = a
            .quotes
            .iter()
            .flat_map(|q| &q.speakers)
            .map(String::as_str)
            .collect();
        speakers.sort_unstable();
        speakers.dedup();
        for s in speakers {
            d.add_text(f.speaker, s);
            d.add_text(f.speaker_name, s);
        }
        if let Some((fp, hash)) = file {
            d.add_u64(f.file_size, fp.size);
            d.add_u64(f.file_mtime, fp.mtime);
            d.add_u64(f.file_hash, hash);
        }
        docs
    }
}

#[cfg(test)]
mod tests {
    use tantivy::schema::Value;

    use super::*;
    use crate::parse::{Quote, SpeakerKind};

    #[test]
    fn an_article_is_one_document_and_one_more_per_quote() {
        let index = DatelineIndex::create_in_ram().unwrap();
        let f = index.fields().clone();
        let article = Article {
            id: "a.txt".into(),
            title: "Bridge".into(),
            body: "“It holds,” said Ivan Petrenko. “For now,” he added.".into(),
            city: Some("Kyiv".into()),
            city_raw: Some("KIEV".into()),
            quotes: vec![
                Quote {
                    text: "It holds,".into(),
                    start: 1,
                    end: 10,
                    speaker: Some("Ivan Petrenko".into()),
                    speakers: vec!["Ivan Petrenko".into()],
                    speaker_kind: Some(SpeakerKind::Person),
                    role: None,
                    in_title: false,
                },
                // Joint speakers: each is a speaker of the quote and of the article.
                Quote {
                    text: "For now,".into(),
                    start: 33,
                    end: 41,
                    speaker: Some("Ivan Petrenko".into()),
                    speakers: vec!["Ivan Petrenko".into(), "Olha Bondar".into()],
                    speaker_kind: Some(SpeakerKind::Person),
                    role: None,
                    in_title: false,
                },
            ],
            ..Article::default()
        };
        let docs = index.documents(&article, "/arts/a.txt", Format::Seed, None);
        assert_eq!(docs.len(), 3);
        let text = |d: &TantivyDocument, field| {
            d.get_all(field)
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect::<Vec<_>>()
        };
        // The article: its text, and each speaker once.
        assert_eq!(text(&docs[0], f.kind), [KIND_ARTICLE]);
        assert_eq!(text(&docs[0], f.body), std::slice::from_ref(&article.body));
        assert_eq!(text(&docs[0], f.speaker), ["Ivan Petrenko", "Olha Bondar"]);
        assert_eq!(text(&docs[0], f.dateline), ["KIEV"]);
        // Each quote: the filter fields of its article, its words and offsets, no body.
        for (d, q) in docs[1..].iter().zip(&article.quotes) {
            assert_eq!(text(d, f.kind), [KIND_QUOTE]);
            assert_eq!(text(d, f.id), ["a.txt"]);
            assert_eq!(text(d, f.path), ["/arts/a.txt"]);
            assert_eq!(text(d, f.city), ["Kyiv"]);
            assert_eq!(text(d, f.quote), std::slice::from_ref(&q.text));
            assert!(text(d, f.body).is_empty());
            let offset = |field| d.get_first(field).and_then(|v| v.as_u64());
            assert_eq!(offset(f.quote_start), Some(q.start as u64));
            assert_eq!(offset(f.quote_end), Some(q.end as u64));
            assert_eq!(text(d, f.speaker), q.speakers);
            assert_eq!(text(d, f.speaker_kind), ["person"]);
        }
        // Only documents from files carry a file fingerprint.
        assert!(docs[0].get_first(f.file_size).is_none());
    }
}
