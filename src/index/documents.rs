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
            if let Some(lang) = &a.language {
                d.add_text(f.language, lang);
            }
            d
        };
        let mut docs = Vec::with_capacity(1 + a.quotes.len());
        let speakers_len: usize = a
            .quotes
            .iter()
            .filter_map(|q| q.speaker.as_deref())
            .map(|s| 2 * s.len() + 16)
            .sum();
        docs.push(with_common(
            a.title.len()
                + a.body.len()
                + a.city_raw.as_deref().map_or(0, str::len)
                + a.published.as_deref().map_or(0, str::len)
                + a.url.as_deref().map_or(0, str::len)
                + speakers_len
                + 128,
        ));
        for q in &a.quotes {
            let speaker_len = q.speaker.as_deref().map_or(0, |s| 2 * s.len() + 16);
            let mut d = with_common(q.text.len() + speaker_len + 64);
            d.add_text(f.kind, KIND_QUOTE);
            // The text itself is stored once, in the article body (see `quote_search`).
            d.add_text(f.quote, &q.text);
            if let Some(s) = &q.speaker {
                d.add_text(f.speaker, s);
                d.add_text(f.speaker_name, s);
            }
            d.add_u64(f.quote_start, q.start as u64);
            d.add_u64(f.quote_end, q.end as u64);
            docs.push(d);
        }
        let d = &mut docs[0];
        d.add_text(f.kind, KIND_ARTICLE);
        if let Some(raw) = &a.city_raw {
            d.add_text(f.dateline, raw);
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
        let mut speakers: Vec<&str> = a
            .quotes
            .iter()
            .filter_map(|q| q.speaker.as_deref())
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
