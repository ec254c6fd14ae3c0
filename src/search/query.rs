//! A search's query: the user's words in tantivy's query language (with dateline's
//! rewrites: partial dates, `AND NOT`, `word*` prefixes), the document kind searched
//! ([`Target`]), and the date, city and language filters, which narrow the matches without
//! scoring.

use std::ops::Bound;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Term};

use super::request::Filters;
use crate::date::{self, PartialDate};
use crate::error::{Error, Result};
use crate::index::DatelineIndex;
use crate::schema::{Fields, KIND_ARTICLE, KIND_QUOTE};

/// The documents a search looks at: every article is one document, and so is every quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    /// Article documents; words match titles and bodies.
    Articles,
    /// Quote documents; words match the quoted words.
    Quotes,
}

impl Target {
    /// The value of the `kind` field of the documents of the other target.
    fn other_kind(self) -> &'static str {
        match self {
            Target::Articles => KIND_QUOTE,
            Target::Quotes => KIND_ARTICLE,
        }
    }

    /// Fields that words without a `field:` search.
    fn default_fields(self, f: &Fields) -> Vec<Field> {
        match self {
            // The Ukrainian, Russian and `translit` fields are empty on other articles: a
            // query word is analysed for each, and matches whichever language holds it.
            Target::Articles => vec![
                f.title, f.body, f.title_uk, f.body_uk, f.title_ru, f.body_ru, f.translit,
            ],
            Target::Quotes => vec![f.quote],
        }
    }
}

/// A query ready to run, and the user's part of it alone (for highlighting).
pub(super) struct BuiltQuery {
    /// User query AND document kind AND filters.
    pub full: Box<dyn Query>,
    /// The user's query; `None` for match-all.
    pub user: Option<Box<dyn Query>>,
}

/// Longest query accepted, in characters: far beyond any typed query, short enough that a
/// pasted document cannot make the parser and scorer work for minutes.
pub const MAX_QUERY_CHARS: usize = 10_000;

/// `quote:` as a field name in query text, and the `"phrases"` to ignore when looking for it.
static QUOTE_FIELD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[\s(+\-])quote:").expect("constant regex"));
static PHRASE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""[^"]*""#).expect("constant regex"));

/// Longest date range, in days, that `DatelineIndex::date_filter` answers with one term
/// per day rather than with the date column. Measured with callgrind at 200,000 articles
/// (560,000 documents, 7 segments): a scan of the column costs about 19.5 M instructions
/// whatever the range; day terms cost about 44,000 per day (two years: 32 M), so they win
/// up to about 440 days. A quarter keeps them well inside that.
const MAX_DAY_TERMS: i64 = 92;

/// `a AND NOT b` parses in tantivy 0.27 as `+a +(-b)`, whose second clause matches nothing,
/// so the whole query would match nothing; `a AND -b` means what the user meant.
/// `city:Kyiv`, `city:"new york"`, `country:ua` in query text: rewritten to the key fields
/// the `--city` and `--country` filters match, so a field in the query matches as the flags
/// do (any case, old spellings, other scripts).
static PLACE_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(^|[\s(+\-])(city|country):("[^"]*"|[^\s()"]+)"#).expect("constant regex")
});

static AND_NOT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(^|\s)AND\s+NOT\s+").expect("regex"));

static PARTIAL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|[\s(+\-])date:(\d{4}(?:-\d{2}(?:-\d{2})?)?)($|[\s)])").expect("regex")
});

/// Rewrites `date:2023-03` in a query into the range tantivy understands.
fn expand_partial_dates(query: &str) -> Result<String> {
    if !query.contains("date:") {
        return Ok(query.to_string());
    }
    let mut out = String::new();
    let mut last = 0;
    let mut pos = 0;
    while let Some(c) = PARTIAL_DATE.captures_at(query, pos) {
        let m = c.get(2).expect("group");
        let span = PartialDate::parse(m.as_str())?;
        let whole = c.get(0).expect("match");
        out.push_str(&query[last..m.start() - "date:".len()]);
        out.push_str(&format!(
            "date:[{} TO {}}}",
            rfc3339(span.first),
            rfc3339(span.end)
        ));
        last = m.end();
        // The trailing separator is not consumed, so adjacent terms still match.
        pos = m.end().max(whole.start() + 1);
    }
    out.push_str(&query[last..]);
    Ok(out)
}

/// A word ending in `*` (`econom*`, `title:Путин*`), outside a phrase.
static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|[\s(+\-])(?:([A-Za-z_]+):)?([\p{L}\p{N}]+)\*($|[\s)])").expect("regex")
});

/// Rewrites each `word*` outside `"phrases"` into regular expressions over the terms of
/// `fields` (`econom*` → `(title:/econom.*/ OR body:/econom.*/ …)`): tantivy 0.27's query
/// parser reads a `*` after a word as nothing. `field:word*` searches that field alone. The
/// word is lower-cased, and for the Ukrainian and Russian fields `ё` is folded to `е`, as
/// their analyzers do; it is not stemmed, so the prefix matches the indexed terms (stems)
/// that start with it. `None` when the query has no such word.
fn expand_prefixes(query: &str, fields: &[(&str, bool)]) -> Option<String> {
    if !query.contains('*') {
        return None;
    }
    let mut out = String::with_capacity(query.len() * 4);
    let mut changed = false;
    let mut last = 0;
    let phrases: Vec<(usize, usize)> = PHRASE
        .find_iter(query)
        .map(|m| (m.start(), m.end()))
        .chain(std::iter::once((query.len(), query.len())))
        .collect();
    for (start, end) in phrases {
        let part = &query[last..start];
        let mut at = 0;
        let mut pos = 0;
        while let Some(c) = PREFIX.captures_at(part, pos) {
            let word = c.get(3).expect("group");
            let lower = word.as_str().to_lowercase();
            let folded = lower.replace('ё', "е");
            let clause = |field: &str, slavic: bool| {
                let term = if slavic { &folded } else { &lower };
                format!("{field}:/{}.*/", regex::escape(term))
            };
            let rewritten = match c.get(2) {
                Some(field) => {
                    let slavic = fields
                        .iter()
                        .find(|(name, _)| *name == field.as_str())
                        .is_some_and(|(_, s)| *s);
                    clause(field.as_str(), slavic)
                }
                None => {
                    let any: Vec<String> = fields.iter().map(|(f, s)| clause(f, *s)).collect();
                    format!("({})", any.join(" OR "))
                }
            };
            let whole_start = c.get(1).expect("group").end();
            out.push_str(&part[at..whole_start]);
            out.push_str(&rewritten);
            let tail = c.get(4).expect("group");
            at = tail.start();
            // The separator after the word is not consumed: the next word may use it.
            pos = tail.start();
            changed = true;
        }
        out.push_str(&part[at..]);
        out.push_str(&query[start..end]);
        last = end;
    }
    changed.then_some(out)
}

fn rfc3339(day: NaiveDate) -> String {
    format!("{}T00:00:00Z", day.format("%Y-%m-%d"))
}

impl DatelineIndex {
    /// Articles dated from the start of `from` to the end of `to`; an open side is closed at
    /// the edge of the accepted years, so that undated articles (no value) never match. (A
    /// range that ends before it starts is refused before this, by `Filters::check`.)
    ///
    /// A range of up to [`MAX_DAY_TERMS`] days is the union of its days' terms in the
    /// inverted index: a month costs a few dozen short posting lists. A longer one reads the
    /// date column, which scans a value for every document of the index (tantivy has no
    /// index over fast-field values), and so costs the same for a day as for a decade.
    fn date_filter(&self, from: Option<PartialDate>, to: Option<PartialDate>) -> Box<dyn Query> {
        let f = self.fields();
        let edge = |year| NaiveDate::from_ymd_opt(year, 1, 1).expect("valid");
        let first = from.map_or(edge(date::MIN_YEAR), |d| d.first);
        let end = to.map_or(edge(date::MAX_YEAR + 1), |d| d.end);
        let term = |day: NaiveDate| Term::from_field_date(f.date, date::day_to_tantivy(day));
        let days = (end - first).num_days();
        if days <= MAX_DAY_TERMS {
            let any: Vec<(Occur, Box<dyn Query>)> = first
                .iter_days()
                .take(days.max(0) as usize)
                .map(|day| {
                    let q: Box<dyn Query> =
                        Box::new(TermQuery::new(term(day), IndexRecordOption::Basic));
                    (Occur::Should, q)
                })
                .collect();
            // No day at all (an empty range) must match nothing, not everything.
            if any.is_empty() {
                return Box::new(tantivy::query::EmptyQuery);
            }
            return Box::new(BooleanQuery::new(any));
        }
        Box::new(RangeQuery::new(
            Bound::Included(term(first)),
            Bound::Excluded(term(end)),
        ))
    }

    /// The query of a search without paging: the user's words, the document kind, dates and
    /// cities.
    pub(super) fn build_query(
        &self,
        target: Target,
        query: &str,
        filters: &Filters,
    ) -> Result<BuiltQuery> {
        let f = self.fields();
        filters.check()?;
        if target == Target::Articles
            && query.contains("quote:")
            && QUOTE_FIELD.is_match(&PHRASE.replace_all(query, " "))
        {
            // Quoted words are part of an article's body; `quote:` is the field of quote
            // documents, which `search_quotes` answers. The query text is checked (outside
            // "phrases") because prefix, fuzzy and range clauses of a parsed query list no
            // terms.
            return Err(Error::BadQuery(
                "`quote:` searches quotes: use `dateline quotes` (quoted words are part of \
                 `body:` here)"
                    .into(),
            ));
        }
        // In NFC, as the text of web pages is indexed (a query pasted in decomposed form,
        // `e` + U+0301, finds `é`).
        let q = crate::parse::text::nfc(query.trim().to_string());
        let q = q.as_str();
        if q.chars().count() > MAX_QUERY_CHARS {
            return Err(Error::BadQuery(format!(
                "query is {} characters long; the limit is {MAX_QUERY_CHARS}",
                q.chars().count()
            )));
        }
        let user: Option<Box<dyn Query>> = if q.is_empty() || q == "*" {
            None
        } else {
            let mut parser = QueryParser::for_index(self.tantivy_index(), target.default_fields(f));
            parser.set_conjunction_by_default();
            parser.set_field_boost(f.title, 2.0);
            parser.set_field_boost(f.title_uk, 2.0);
            parser.set_field_boost(f.title_ru, 2.0);
            // A match by transliteration is a guess: it counts, but less than the word itself.
            parser.set_field_boost(f.translit, 0.5);
            // Each rewrite is skipped when its keyword is absent: compiling the regexes costs
            // about as much as the rest of a search (the CLI runs one search per process).
            let q = if q.contains("AND") {
                AND_NOT.replace_all(q, "${1}AND -")
            } else {
                q.into()
            };
            let q = if q.contains("city:") || q.contains("country:") {
                self.rewrite_place_fields(&q).into()
            } else {
                q
            };
            let expanded = expand_partial_dates(&q)?;
            let schema = self.tantivy_index().schema();
            let slavic = [f.title_uk, f.body_uk, f.title_ru, f.body_ru];
            let fields: Vec<(&str, bool)> = target
                .default_fields(f)
                .into_iter()
                // A prefix of a word is no prefix of its transliteration key.
                .filter(|field| *field != f.translit)
                .map(|field| (schema.get_field_name(field), slavic.contains(&field)))
                .collect();
            let expanded = match expand_prefixes(&expanded, &fields) {
                Some(rewritten) => {
                    parser.allow_regexes();
                    rewritten
                }
                None => expanded,
            };
            let ready = super::syntax::escape_apostrophes(&expanded);
            Some(
                parser
                    .parse_query(&ready)
                    .map_err(|source| Error::QuerySyntax {
                        query: query.to_string(),
                        advice: super::syntax::advice(query.trim(), &source),
                        source,
                    })?,
            )
        };
        // Filters (kind, dates, cities) score nothing: wrapped in a constant score of 0 they
        // only narrow the matches, and BM25 comes from the user's words alone.
        let filter = |q: Box<dyn Query>| -> (Occur, Box<dyn Query>) {
            (Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0)))
        };
        // Documents of the other kind are left out, rather than this kind required: an
        // exclusion is checked only for the documents the other clauses find, while a required
        // `kind` term, the cheapest clause by tantivy's estimate, would lead a filter-only
        // search through every article. (Every document has one of the two kinds.)
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(
            Occur::MustNot,
            Box::new(TermQuery::new(
                Term::from_field_text(f.kind, target.other_kind()),
                IndexRecordOption::Basic,
            )),
        )];
        if let Some(u) = &user {
            clauses.push((Occur::Must, u.box_clone()));
        }
        if filters.from.is_some() || filters.to.is_some() {
            clauses.push(filter(self.date_filter(filters.from, filters.to)));
        }
        if !filters.cities.is_empty() {
            let any: Vec<(Occur, Box<dyn Query>)> = filters
                .cities
                .iter()
                .map(|c| {
                    let q: Box<dyn Query> = Box::new(TermQuery::new(
                        Term::from_field_text(f.city_key, &self.city_key(c)),
                        IndexRecordOption::Basic,
                    ));
                    (Occur::Should, q)
                })
                .collect();
            clauses.push(filter(Box::new(BooleanQuery::new(any))));
        }
        if !filters.countries.is_empty() {
            let any: Vec<(Occur, Box<dyn Query>)> = filters
                .countries
                .iter()
                .map(|c| {
                    let q: Box<dyn Query> = Box::new(TermQuery::new(
                        Term::from_field_text(f.country_code, &country_code(c)),
                        IndexRecordOption::Basic,
                    ));
                    (Occur::Should, q)
                })
                .collect();
            clauses.push(filter(Box::new(BooleanQuery::new(any))));
        }
        if !filters.languages.is_empty() {
            let any: Vec<(Occur, Box<dyn Query>)> = filters
                .languages
                .iter()
                .filter_map(|l| crate::parse::text::language_code(l))
                .map(|code| {
                    let q: Box<dyn Query> = Box::new(TermQuery::new(
                        Term::from_field_text(f.language, &code),
                        IndexRecordOption::Basic,
                    ));
                    (Occur::Should, q)
                })
                .collect();
            clauses.push(filter(Box::new(BooleanQuery::new(any))));
        }
        if !filters.sources.is_empty() {
            // No term: a source the archive lacks matches nothing, as an unknown city does.
            let any: Vec<(Occur, Box<dyn Query>)> = self
                .source_terms(&filters.sources)?
                .into_iter()
                .map(|value| {
                    let q: Box<dyn Query> = Box::new(TermQuery::new(
                        Term::from_field_text(f.source, &value),
                        IndexRecordOption::Basic,
                    ));
                    (Occur::Should, q)
                })
                .collect();
            clauses.push(filter(Box::new(BooleanQuery::new(any))));
        }
        if !clauses.iter().any(|(occur, _)| *occur == Occur::Must) {
            // A boolean query of exclusions alone matches nothing.
            clauses.push(filter(Box::new(AllQuery)));
        }
        Ok(BuiltQuery {
            full: Box::new(BooleanQuery::new(clauses)),
            user,
        })
    }
}

/// The ISO code the `country_code` field holds for what a user typed (`ua`, `Ukraine`,
/// `Україна`); an unknown name in capitals, which matches nothing.
fn country_code(typed: &str) -> String {
    crate::parse::place::country(typed)
        .map(|c| c.code.to_string())
        .unwrap_or_else(|| typed.trim().to_uppercase())
}

impl DatelineIndex {
    /// The `source` values in the index that the user's names stand for: equal to a name,
    /// or to its canonical spelling ([`crate::parse::source::canonical`]), ignoring case.
    /// An archive holds a few hundred outlets at most, so each segment's dictionary is
    /// read whole.
    fn source_terms(&self, typed: &[String]) -> Result<Vec<String>> {
        let wanted: Vec<String> = typed
            .iter()
            .flat_map(|t| {
                let canonical = crate::parse::source::canonical(t);
                [
                    Some(t.trim().to_lowercase()),
                    canonical.map(|c| c.to_lowercase()),
                ]
            })
            .flatten()
            .collect();
        let field = self.fields().source;
        let searcher = self.searcher();
        let mut found = std::collections::BTreeSet::new();
        for seg in searcher.segment_readers() {
            let inverted = seg.inverted_index(field)?;
            let mut stream = inverted
                .terms()
                .stream()
                .map_err(tantivy::TantivyError::from)?;
            while stream.advance() {
                let value = String::from_utf8_lossy(stream.key());
                if wanted.contains(&value.to_lowercase()) {
                    found.insert(value.into_owned());
                }
            }
        }
        Ok(found.into_iter().collect())
    }

    /// `city:X` and `country:X` outside phrases become `city_key:"x"` and
    /// `country_code:"XX"` with the value resolved as the filters resolve it.
    fn rewrite_place_fields(&self, q: &str) -> String {
        let phrases: Vec<std::ops::Range<usize>> = PHRASE.find_iter(q).map(|m| m.range()).collect();
        PLACE_FIELD
            .replace_all(q, |c: &regex::Captures| {
                let whole = c.get(0).expect("match");
                if phrases.iter().any(|p| p.contains(&whole.start())) {
                    return whole.as_str().to_string();
                }
                let value = c[3].trim_matches('"');
                let (field, value) = match &c[2] {
                    "city" => ("city_key", self.city_key(value)),
                    _ => ("country_code", country_code(value)),
                };
                let value = value.replace(['"', '\\'], "");
                format!("{}{field}:\"{value}\"", &c[1])
            })
            .into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decomposed_query_finds_composed_text() {
        use crate::{Article, DatelineIndex, SearchRequest};
        let index = DatelineIndex::create_in_ram().unwrap();
        index
            .add_articles(&[Article {
                id: "a".into(),
                title: "Café reopens".into(),
                body: "The café on the square reopened on Monday.".into(),
                ..Article::default()
            }])
            .unwrap();
        let found = |q: &str| index.search(&SearchRequest::new(q)).unwrap().total;
        assert_eq!(found("caf\u{e9}"), 1);
        // `e` and a combining acute accent: NFC makes it the same letter.
        assert_eq!(found("cafe\u{301}"), 1);
    }

    #[test]
    fn partial_dates_in_queries_become_ranges() {
        assert_eq!(
            expand_partial_dates("bakhmut date:2023-03").unwrap(),
            "bakhmut date:[2023-03-01T00:00:00Z TO 2023-04-01T00:00:00Z}"
        );
        assert_eq!(
            expand_partial_dates("(date:2023 OR date:2021-02-03) x").unwrap(),
            "(date:[2023-01-01T00:00:00Z TO 2024-01-01T00:00:00Z} OR date:[2021-02-03T00:00:00Z TO 2021-02-04T00:00:00Z}) x"
        );
        assert_eq!(expand_partial_dates("update:2023").unwrap(), "update:2023");
        assert!(expand_partial_dates("date:2023-13").is_err());
    }

    #[test]
    fn prefixes_become_regexes_outside_phrases() {
        let fields = [("body", false), ("body_ru", true)];
        assert_eq!(
            expand_prefixes("econom* war", &fields).unwrap(),
            "(body:/econom.*/ OR body_ru:/econom.*/) war"
        );
        assert_eq!(
            expand_prefixes("-Путин* (Ёлк*)", &fields).unwrap(),
            "-(body:/путин.*/ OR body_ru:/путин.*/) ((body:/ёлк.*/ OR body_ru:/елк.*/))"
        );
        assert_eq!(
            expand_prefixes("body_ru:Ёлк* a* b*", &fields).unwrap(),
            "body_ru:/елк.*/ (body:/a.*/ OR body_ru:/a.*/) (body:/b.*/ OR body_ru:/b.*/)"
        );
        // Phrases, phrase prefixes and a lone `*` are left to tantivy.
        assert_eq!(expand_prefixes(r#""big bad wo"* x"#, &fields), None);
        assert_eq!(
            expand_prefixes(r#""a* b" c*"#, &fields).unwrap(),
            r#""a* b" (body:/c.*/ OR body_ru:/c.*/)"#
        );
        assert_eq!(expand_prefixes("*", &fields), None);
        assert_eq!(expand_prefixes("a*b", &fields), None);
    }

    #[test]
    fn and_not_becomes_a_plain_exclusion() {
        assert_eq!(AND_NOT.replace_all("a AND NOT b", "${1}AND -"), "a AND -b");
        assert_eq!(AND_NOT.replace_all("a AND NOTE", "${1}AND -"), "a AND NOTE");
    }
}
