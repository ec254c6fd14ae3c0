//! Searching: a [`SearchRequest`] becomes a tantivy query plus collectors, and comes back as
//! typed [`SearchResults`]. Facet counts and histograms are exact: they are counted from fast
//! fields over every matching article, not estimated. Nothing here prints.

use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use serde::{Deserialize, Serialize};
use tantivy::collector::{Collector, SegmentCollector, TopDocs};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Term, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentReader, TantivyDocument};

use crate::date::{self, Interval, PartialDate};
use crate::error::{Error, Result};
use crate::index::DatelineIndex;
use crate::schema::{KIND_ARTICLE, KIND_QUOTE};

/// How hits are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// BM25 score, best first.
    #[default]
    Relevance,
    /// Latest date first; undated articles last.
    Newest,
    /// Earliest date first; undated articles last.
    Oldest,
}

/// Fields that can be counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FacetField {
    /// Dateline city.
    City,
    /// Year of the date (`2023`).
    Year,
    /// Month of the date (`2023-03`).
    Month,
    /// Speakers of the article's quotes (each article counted once per speaker).
    Speaker,
    /// State or country part of the dateline.
    Region,
    /// Reader that produced the article.
    Format,
    /// Language code.
    Language,
}

impl FacetField {
    /// All facet fields.
    pub const ALL: &'static [FacetField] = &[
        FacetField::City,
        FacetField::Year,
        FacetField::Month,
        FacetField::Speaker,
        FacetField::Region,
        FacetField::Format,
        FacetField::Language,
    ];

    /// Name on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            FacetField::City => "city",
            FacetField::Year => "year",
            FacetField::Month => "month",
            FacetField::Speaker => "speaker",
            FacetField::Region => "region",
            FacetField::Format => "format",
            FacetField::Language => "language",
        }
    }

    /// Looks a facet up by name.
    pub fn from_name(name: &str) -> Result<FacetField> {
        FacetField::ALL
            .iter()
            .copied()
            .find(|f| f.name() == name)
            .ok_or_else(|| {
                let names: Vec<_> = FacetField::ALL.iter().map(|f| f.name()).collect();
                Error::BadRequest(format!(
                    "unknown facet {name:?} (one of: {})",
                    names.join(", ")
                ))
            })
    }

    /// The string fast field counted for this facet; `None` for date-derived facets.
    fn str_field(self) -> Option<&'static str> {
        match self {
            FacetField::Year | FacetField::Month => None,
            other => Some(other.name()),
        }
    }
}

/// A search: full-text query, filters, facets, histogram, order and page.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SearchRequest {
    /// tantivy query language over title, body and quotes; empty or `*` matches everything.
    pub query: String,
    /// Start of the date range (inclusive, from the beginning of the period).
    #[serde(skip)]
    pub from: Option<PartialDate>,
    /// End of the date range (inclusive, to the end of the period).
    #[serde(skip)]
    pub to: Option<PartialDate>,
    /// Dateline cities, any of which matches (case-insensitive, aliases applied).
    pub cities: Vec<String>,
    /// Facets to count.
    pub facets: Vec<FacetField>,
    /// Values per facet (0 = all).
    pub facet_limit: usize,
    /// Calendar histogram of matching articles.
    pub histogram: Option<Interval>,
    /// Order of hits.
    pub sort: Sort,
    /// Hits to return.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
    /// Longest snippet, in characters.
    pub snippet_chars: usize,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            query: String::new(),
            from: None,
            to: None,
            cities: Vec::new(),
            facets: vec![FacetField::City, FacetField::Month],
            facet_limit: 10,
            histogram: None,
            sort: Sort::Relevance,
            limit: 10,
            offset: 0,
            snippet_chars: 240,
        }
    }
}

impl SearchRequest {
    /// A request for `query` with default settings.
    pub fn new(query: impl Into<String>) -> SearchRequest {
        SearchRequest {
            query: query.into(),
            ..SearchRequest::default()
        }
    }
}

/// One matching article.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Hit {
    /// Article id.
    pub id: String,
    /// Source file.
    pub path: String,
    /// Day of publication, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Dateline city.
    pub city: Option<String>,
    /// Title.
    pub title: String,
    /// BM25 score (0 for a match-all query).
    pub score: f32,
    /// Passage of the body around the matched words.
    pub snippet: String,
    /// Matched words in `snippet`, as `[start, end)` character offsets.
    pub highlights: Vec<[usize; 2]>,
    /// The article's quotes.
    pub quotes: Vec<String>,
}

/// A facet value and how many matching articles have it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct FacetCount {
    /// The value.
    pub value: String,
    /// Matching articles with it.
    pub count: u64,
}

/// A histogram bucket.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Bucket {
    /// `2023`, `2023-03`, `2023-W10` or `2023-03-06`.
    pub period: String,
    /// Matching articles dated in it.
    pub count: u64,
}

/// The answer to a [`SearchRequest`].
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SearchResults {
    /// The query as given.
    pub query: String,
    /// Matching articles in all (not just this page).
    pub total: u64,
    /// This page of hits.
    pub hits: Vec<Hit>,
    /// Counts per facet value, by count then value.
    pub facets: BTreeMap<String, Vec<FacetCount>>,
    /// Calendar buckets, first to last matching period, when asked for.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub histogram: Option<Vec<Bucket>>,
}

/// Longest query accepted, in characters: far beyond any typed query, short enough that a
/// pasted document cannot make the parser and scorer work for minutes.
pub const MAX_QUERY_CHARS: usize = 10_000;

/// `quote:` as a field name in query text, and the `"phrases"` to ignore when looking for it.
static QUOTE_FIELD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[\s(+\-])quote:").expect("constant regex"));
static PHRASE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""[^"]*""#).expect("constant regex"));

/// Longest date range, in days, that [`DatelineIndex::date_filter`] answers with one term
/// per day rather than with the date column. Measured with callgrind at 200,000 articles
/// (560,000 documents, 7 segments): a scan of the column costs about 19.5 M instructions
/// whatever the range; day terms cost about 44,000 per day (two years: 32 M), so they win
/// up to about 440 days. A quarter keeps them well inside that.
const MAX_DAY_TERMS: i64 = 92;

/// `a AND NOT b` parses in tantivy 0.27 as `+a +(-b)`, whose second clause matches nothing,
/// so the whole query would match nothing; `a AND -b` means what the user meant.
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

/// What `SnippetGenerator::create` makes, with an analyzer that stems only the words that
/// can match the query's terms ([`crate::analyzer::for_snippets`]): the same snippets.
pub(crate) fn snippet_generator(
    searcher: &Searcher,
    query: &dyn Query,
    field: Field,
    max_chars: usize,
) -> Result<SnippetGenerator> {
    let mut terms: BTreeMap<String, Score> = BTreeMap::new();
    let mut failed = None;
    query.query_terms(&mut |term, _| {
        if term.field() != field {
            return;
        }
        let value = term.value();
        let Some(text) = value.as_str() else { return };
        if terms.contains_key(text) {
            return;
        }
        // Rarer terms weigh more in choosing the fragment, as in tantivy.
        match searcher.doc_freq(term) {
            Ok(0) => {}
            Ok(df) => {
                terms.insert(text.to_string(), 1.0 / (1.0 + df as Score));
            }
            Err(e) => failed = Some(e),
        }
    });
    if let Some(e) = failed {
        return Err(e.into());
    }
    let analyzer = crate::analyzer::for_snippets(terms.keys().map(String::as_str));
    Ok(SnippetGenerator::new(terms, analyzer, field, max_chars))
}

fn rfc3339(day: NaiveDate) -> String {
    format!("{}T00:00:00Z", day.format("%Y-%m-%d"))
}

/// A query ready to run, and the user's part of it alone (for highlighting).
pub(crate) struct BuiltQuery {
    /// User query AND document kind AND filters.
    pub full: Box<dyn Query>,
    /// The user's query; `None` for match-all.
    pub user: Option<Box<dyn Query>>,
}

impl DatelineIndex {
    /// Articles dated from the start of `from` to the end of `to`; an open side is closed at
    /// the edge of the accepted years, so that undated articles (no value) never match. A
    /// range whose start is after its end matches nothing (`--from 2023-03 --to 2023-02`).
    ///
    /// A range of up to [`MAX_DAY_TERMS`] days is the union of its days' terms in the
    /// inverted index: a month costs a few dozen short posting lists. A longer one reads the
    /// date column, which scans a value for every document of the index (tantivy has no
    /// index over fast-field values), and so costs the same for a day as for a decade.
    fn date_filter(&self, from: Option<PartialDate>, to: Option<PartialDate>) -> Box<dyn Query> {
        let f = &self.fields;
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

    /// The query for `req` without paging: user query, article kind, dates, cities.
    pub(crate) fn build_query(
        &self,
        query: &str,
        from: Option<PartialDate>,
        to: Option<PartialDate>,
        cities: &[String],
        kind: &str,
        default_fields: Vec<Field>,
    ) -> Result<BuiltQuery> {
        let f = &self.fields;
        let q = query.trim();
        if q.chars().count() > MAX_QUERY_CHARS {
            return Err(Error::BadQuery(format!(
                "query is {} characters long; the limit is {MAX_QUERY_CHARS}",
                q.chars().count()
            )));
        }
        let user: Option<Box<dyn Query>> = if q.is_empty() || q == "*" {
            None
        } else {
            let mut parser = QueryParser::for_index(&self.index, default_fields);
            parser.set_conjunction_by_default();
            parser.set_field_boost(f.title, 2.0);
            // Each rewrite is skipped when its keyword is absent: compiling the regexes costs
            // about as much as the rest of a search (the CLI runs one search per process).
            let q = if q.contains("AND") {
                AND_NOT.replace_all(q, "${1}AND -")
            } else {
                q.into()
            };
            let expanded = expand_partial_dates(&q)?;
            Some(
                parser
                    .parse_query(&expanded)
                    .map_err(|e| Error::BadQuery(e.to_string()))?,
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
        let other = if kind == KIND_ARTICLE {
            KIND_QUOTE
        } else {
            KIND_ARTICLE
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(
            Occur::MustNot,
            Box::new(TermQuery::new(
                Term::from_field_text(f.kind, other),
                IndexRecordOption::Basic,
            )),
        )];
        if let Some(u) = &user {
            clauses.push((Occur::Must, u.box_clone()));
        }
        if from.is_some() || to.is_some() {
            clauses.push(filter(self.date_filter(from, to)));
        }
        if !cities.is_empty() {
            // The aliases the index was built with, so `--city Kiev` finds what was filed
            // under Kyiv by a custom table too.
            let aliases = self.aliases.read().unwrap_or_else(|e| e.into_inner());
            let any: Vec<(Occur, Box<dyn Query>)> = cities
                .iter()
                .map(|c| {
                    let name = aliases.normalize(c).unwrap_or_else(|| c.clone());
                    let q: Box<dyn Query> = Box::new(TermQuery::new(
                        Term::from_field_text(f.city_key, &crate::parse::city::key(&name)),
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

    /// Runs a search.
    ///
    /// ```
    /// use dateline::{Article, DatelineIndex, SearchRequest};
    /// let index = DatelineIndex::create_in_ram().unwrap();
    /// index.add_articles(&[Article {
    ///     id: "a".into(),
    ///     title: "Bakhmut holds".into(),
    ///     body: "Bakhmut holds for another week.".into(),
    ///     city: Some("Kyiv".into()),
    ///     ..Article::default()
    /// }]).unwrap();
    /// let results = index.search(&SearchRequest::new("bakhmut")).unwrap();
    /// assert_eq!(results.total, 1);
    /// assert_eq!(results.facets["city"][0].value, "Kyiv");
    /// ```
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults> {
        let f = &self.fields;
        // Quoted words are part of an article's body; `quote:` is the field of quote
        // documents, which `search_quotes` answers. The query text is checked (outside
        // "phrases") because prefix, fuzzy and range clauses of a parsed query list no terms.
        if req.query.contains("quote:")
            && QUOTE_FIELD.is_match(&PHRASE.replace_all(&req.query, " "))
        {
            return Err(Error::BadQuery(
                "`quote:` searches quotes: use `dateline quotes` (quoted words are part of \
                 `body:` here)"
                    .into(),
            ));
        }
        let BuiltQuery { full: query, user } = self.build_query(
            &req.query,
            req.from,
            req.to,
            &req.cities,
            KIND_ARTICLE,
            vec![f.title, f.body],
        )?;
        let searcher = self.reader.searcher();
        let (counts, top) = collect(
            &searcher,
            query.as_ref(),
            &req.facets,
            req.histogram.is_some(),
            req.sort,
            req.limit,
            req.offset,
        )?;
        // A match-all query has no meaningful score.
        let top: Vec<(Score, DocAddress)> = match user {
            Some(_) => top,
            None => top.into_iter().map(|(_, a)| (0.0, a)).collect(),
        };

        let snippets = match &user {
            Some(u) => Some(snippet_generator(
                &searcher,
                u.as_ref(),
                f.body,
                req.snippet_chars,
            )?),
            None => None,
        };
        let mut hits = Vec::with_capacity(top.len());
        let mut paths = FastStr::new(&searcher, "path");
        for (score, addr) in top {
            let path = paths.get(addr)?.unwrap_or_default();
            hits.push(self.hit(
                &searcher,
                addr,
                path,
                score,
                snippets.as_ref(),
                req.snippet_chars,
            )?);
        }

        let facets = facet_values(&counts, &req.facets, req.facet_limit);
        let histogram = req.histogram.map(|interval| {
            date::histogram(&counts.days, interval)
                .into_iter()
                .map(|(period, count)| Bucket { period, count })
                .collect()
        });
        Ok(SearchResults {
            query: req.query.clone(),
            total: counts.total,
            hits,
            facets,
            histogram,
        })
    }

    fn hit(
        &self,
        searcher: &tantivy::Searcher,
        addr: DocAddress,
        path: String,
        score: Score,
        snippets: Option<&SnippetGenerator>,
        snippet_chars: usize,
    ) -> Result<Hit> {
        let f = &self.fields;
        let doc: TantivyDocument = searcher.doc(addr)?;
        let text = |field: Field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let body = text(f.body).unwrap_or_default();
        let (snippet, highlights) = match snippets.map(|g| g.snippet(&body)) {
            Some(s) if !s.is_empty() && !s.highlighted().is_empty() => {
                let frag = s.fragment();
                (frag.to_string(), char_ranges(frag, 0, s.highlighted()))
            }
            _ => (
                crate::parse::text::truncate_words(
                    &body.split_whitespace().collect::<Vec<_>>().join(" "),
                    snippet_chars,
                ),
                Vec::new(),
            ),
        };
        Ok(Hit {
            id: text(f.id).unwrap_or_default(),
            path,
            date: doc
                .get_first(f.date)
                .and_then(|v| v.as_datetime())
                .map(|d| date::tantivy_to_day(d).to_string()),
            city: text(f.city),
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
        })
    }
}

/// Values of a fast text field of documents (`path` is kept only there, not stored), with
/// each segment's column opened once for all the hits in it.
pub(crate) struct FastStr<'a> {
    searcher: &'a Searcher,
    field: &'static str,
    columns: HashMap<u32, Option<StrColumn>>,
}

impl<'a> FastStr<'a> {
    pub(crate) fn new(searcher: &'a Searcher, field: &'static str) -> FastStr<'a> {
        FastStr {
            searcher,
            field,
            columns: HashMap::new(),
        }
    }

    /// The value of the document at `addr`, if it has one.
    pub(crate) fn get(&mut self, addr: DocAddress) -> Result<Option<String>> {
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

/// Byte ranges of a snippet fragment, found `shift` bytes into `text`, as `[start, end)`
/// character offsets into `text`: what the JSON output and terminal highlighting use.
pub(crate) fn char_ranges(
    text: &str,
    shift: usize,
    ranges: &[std::ops::Range<usize>],
) -> Vec<[usize; 2]> {
    let to_chars = |byte: usize| text[..shift + byte].chars().count();
    ranges
        .iter()
        .map(|r| [to_chars(r.start), to_chars(r.end)])
        .collect()
}

/// Counts every match and collects one page of hits, ordered as asked.
pub(crate) fn collect(
    searcher: &tantivy::Searcher,
    query: &dyn Query,
    facets: &[FacetField],
    histogram: bool,
    sort: Sort,
    limit: usize,
    offset: usize,
) -> Result<(Counts, Vec<(Score, DocAddress)>)> {
    let counter = FacetCollector::new(
        facets.iter().filter_map(|f| f.str_field()).collect(),
        histogram
            || facets
                .iter()
                .any(|f| matches!(f, FacetField::Year | FacetField::Month)),
    );
    // TopDocs allocates for limit + offset, so neither may exceed the documents there are.
    let num_docs = searcher.num_docs() as usize;
    let limit = limit.min(num_docs.saturating_sub(offset));
    if limit == 0 {
        return Ok((searcher.search(query, &counter)?, Vec::new()));
    }
    let top = TopDocs::with_limit(limit).and_offset(offset);
    Ok(match sort {
        Sort::Relevance => searcher.search(query, &(counter, top.order_by_score()))?,
        Sort::Newest | Sort::Oldest => {
            let newest = sort == Sort::Newest;
            let by_date = top.tweak_score(move |seg: &SegmentReader| {
                let col = seg.fast_fields().date("date").ok();
                move |doc: DocId, score: Score| {
                    let key = match col.as_ref().and_then(|c| c.first(doc)) {
                        Some(d) if newest => d.into_timestamp_secs(),
                        Some(d) => -d.into_timestamp_secs(),
                        None => i64::MIN,
                    };
                    (key, score)
                }
            });
            let (c, t) = searcher.search(query, &(counter, by_date))?;
            (c, t.into_iter().map(|((_, s), a)| (s, a)).collect())
        }
    })
}

/// Facet tables from raw counts: sorted by count then value, cut to `limit` (0 = all).
pub(crate) fn facet_values(
    counts: &Counts,
    facets_wanted: &[FacetField],
    limit: usize,
) -> BTreeMap<String, Vec<FacetCount>> {
    let mut facets = BTreeMap::new();
    for facet in facets_wanted {
        let mut values: Vec<FacetCount> = match facet {
            FacetField::Year | FacetField::Month => {
                let fmt = if *facet == FacetField::Year {
                    "%Y"
                } else {
                    "%Y-%m"
                };
                let mut m: HashMap<String, u64> = HashMap::new();
                for (day, n) in &counts.days {
                    *m.entry(day.format(fmt).to_string()).or_default() += n;
                }
                m.into_iter()
                    .map(|(value, count)| FacetCount { value, count })
                    .collect()
            }
            other => counts
                .fields
                .get(other.name())
                .map(|m| {
                    m.iter()
                        .map(|(v, c)| FacetCount {
                            value: v.clone(),
                            count: *c,
                        })
                        .collect()
                })
                .unwrap_or_default(),
        };
        values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        if limit > 0 {
            values.truncate(limit);
        }
        facets.insert(facet.name().to_string(), values);
    }
    facets
}

/// Exact counts over all matching documents: total, string fast-field values, and per-day
/// counts of the date field (from which years, months and histograms are derived).
pub(crate) struct FacetCollector {
    fields: Vec<&'static str>,
    days: bool,
}

impl FacetCollector {
    pub(crate) fn new(fields: Vec<&'static str>, days: bool) -> Self {
        FacetCollector { fields, days }
    }
}

/// What [`FacetCollector`] gathers.
#[derive(Default)]
pub(crate) struct Counts {
    pub total: u64,
    pub fields: HashMap<&'static str, HashMap<String, u64>>,
    pub days: Vec<(NaiveDate, u64)>,
}

pub(crate) struct SegmentCounts {
    total: u64,
    columns: Vec<(&'static str, Option<StrColumn>, Vec<u64>)>,
    date: Option<Column<tantivy::DateTime>>,
    days: HashMap<i64, u64>,
    scratch: Vec<u64>,
}

impl Collector for FacetCollector {
    type Fruit = Counts;
    type Child = SegmentCounts;

    fn for_segment(&self, _ord: u32, seg: &SegmentReader) -> tantivy::Result<SegmentCounts> {
        let ff = seg.fast_fields();
        let mut columns = Vec::new();
        for &name in &self.fields {
            let col = ff.str(name)?;
            let n = col.as_ref().map_or(0, |c| c.num_terms());
            columns.push((name, col, vec![0u64; n]));
        }
        let date = if self.days {
            Some(ff.date("date")?)
        } else {
            None
        };
        Ok(SegmentCounts {
            total: 0,
            columns,
            date,
            days: HashMap::new(),
            scratch: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<Counts>) -> tantivy::Result<Counts> {
        let mut out = Counts::default();
        let mut days: HashMap<NaiveDate, u64> = HashMap::new();
        for s in segments {
            out.total += s.total;
            for (name, values) in s.fields {
                let m = out.fields.entry(name).or_default();
                for (v, c) in values {
                    *m.entry(v).or_default() += c;
                }
            }
            for (d, c) in s.days {
                *days.entry(d).or_default() += c;
            }
        }
        out.days = days.into_iter().collect();
        out.days.sort();
        Ok(out)
    }
}

impl SegmentCollector for SegmentCounts {
    type Fruit = Counts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.total += 1;
        for (_, col, counts) in &mut self.columns {
            let Some(col) = col else { continue };
            self.scratch.clear();
            self.scratch.extend(col.term_ords(doc));
            if self.scratch.len() > 1 {
                self.scratch.sort_unstable();
                self.scratch.dedup();
            }
            for &ord in &self.scratch {
                counts[ord as usize] += 1;
            }
        }
        if let Some(d) = self.date.as_ref().and_then(|c| c.first(doc)) {
            *self
                .days
                .entry(d.into_timestamp_secs().div_euclid(86_400))
                .or_default() += 1;
        }
    }

    fn harvest(self) -> Counts {
        let mut fields = HashMap::new();
        for (name, col, counts) in self.columns {
            let mut m = HashMap::new();
            if let Some(col) = col {
                // Ordinals ascending, so the dictionary is read block by block, once.
                let ords: Vec<u64> = (0..counts.len() as u64)
                    .filter(|&o| counts[o as usize] > 0)
                    .collect();
                let mut next = ords.iter();
                let _ = col.dictionary().sorted_ords_to_term_cb(&ords, |term| {
                    if let Some(&o) = next.next() {
                        m.insert(
                            String::from_utf8_lossy(term).into_owned(),
                            counts[o as usize],
                        );
                    }
                });
            }
            fields.insert(name, m);
        }
        Counts {
            total: self.total,
            fields,
            days: self
                .days
                .into_iter()
                .map(|(d, c)| (date::day_from_secs(d * 86_400), c))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn and_not_becomes_a_plain_exclusion() {
        assert_eq!(AND_NOT.replace_all("a AND NOT b", "${1}AND -"), "a AND -b");
        assert_eq!(AND_NOT.replace_all("a AND NOTE", "${1}AND -"), "a AND NOTE");
    }

    #[test]
    fn facet_names_round_trip() {
        for f in FacetField::ALL {
            assert_eq!(FacetField::from_name(f.name()).unwrap(), *f);
        }
        assert!(FacetField::from_name("colour").is_err());
    }
}
