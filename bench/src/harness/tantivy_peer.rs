//! The floor: bare tantivy 0.27 indexing the NDJSON with the fields dateline keeps (title,
//! body and quote text with `en_stem`, stored; city raw, stored and fast; date indexed,
//! stored and fast; id stored) and answering the same queries with the same collectors
//! (count, top 10 by BM25 with snippets, city counts, per-day counts for months). No parsing
//! of article files, no quote documents, no output formatting: what the engine costs.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::ops::Bound;
use std::path::Path;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use tantivy::collector::{Collector, SegmentCollector, TopDocs};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser, RangeQuery};
use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, Schema, TextFieldIndexing,
    TextOptions, Value, FAST, STORED, STRING,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocId, Index, IndexReader, Score, SegmentReader, TantivyDocument, Term};

use super::corpus::NdArticle;
use super::{Answer, QuerySpec, MEMORY_BUDGET};

/// The bare index's fields.
#[derive(Clone, Copy)]
pub(crate) struct Fields {
    id: Field,
    title: Field,
    body: Field,
    quote: Field,
    city: Field,
    date: Field,
}

/// The peer's schema; `serve_load` gives the same to tantivy-cli.
pub(crate) fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("en_stem")
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        title: b.add_text_field("title", text.clone()),
        body: b.add_text_field("body", text.clone()),
        quote: b.add_text_field("quote", text),
        city: b.add_text_field("city", STRING | STORED | FAST),
        date: b.add_date_field(
            "date",
            DateOptions::default()
                .set_indexed()
                .set_stored()
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        ),
    };
    (b.build(), fields)
}

/// Indexes `ndjson` into a new index in `dir` (the child process of a build measurement):
/// one writer with dateline's thread count and memory budget, one commit, then waits for
/// merges as a careful tantivy user does.
pub fn build(ndjson: &Path, dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    let (schema, f) = schema();
    let index = Index::create_in_dir(dir, schema)?;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    let mut writer = index.writer_with_num_threads::<TantivyDocument>(
        threads,
        MEMORY_BUDGET.max(threads * (16 << 20)),
    )?;
    let reader = BufReader::with_capacity(
        1 << 20,
        File::open(ndjson).with_context(|| format!("opening {}", ndjson.display()))?,
    );
    for line in reader.lines() {
        let a: NdArticle = serde_json::from_str(&line?)?;
        let mut doc = TantivyDocument::new();
        doc.add_text(f.id, &a.id);
        doc.add_text(f.title, &a.title);
        doc.add_text(f.body, &a.body);
        for q in &a.quotes {
            doc.add_text(f.quote, q);
        }
        doc.add_text(f.city, &a.city);
        let day = NaiveDate::parse_from_str(&a.date, "%Y-%m-%d")?;
        doc.add_date(f.date, dateline::date::day_to_tantivy(day));
        writer.add_document(doc)?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(())
}

/// An open bare index, ready for queries.
pub struct Bare {
    index: Index,
    reader: IndexReader,
    f: Fields,
}

impl Bare {
    /// Opens the index `build` made.
    pub fn open(dir: &Path) -> Result<Bare> {
        let index = Index::open_in_dir(dir)?;
        let (_, f) = schema();
        let reader = index.reader()?;
        Ok(Bare { index, reader, f })
    }

    /// Runs one query of the set.
    pub fn search(&self, q: &QuerySpec) -> Result<Answer> {
        let f = self.f;
        let searcher = self.reader.searcher();
        let user: Option<Box<dyn Query>> = if q.query.is_empty() {
            None
        } else {
            let mut parser = QueryParser::for_index(&self.index, vec![f.title, f.body, f.quote]);
            parser.set_conjunction_by_default();
            parser.set_field_boost(f.title, 2.0);
            Some(parser.parse_query(q.query)?)
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if let Some(u) = &user {
            clauses.push((Occur::Must, u.box_clone()));
        }
        if let Some((from, to)) = q.range()? {
            let term = |d| Term::from_field_date(f.date, dateline::date::day_to_tantivy(d));
            clauses.push((
                Occur::Must,
                Box::new(RangeQuery::new(
                    Bound::Included(term(from)),
                    Bound::Excluded(term(to)),
                )),
            ));
        }
        let query: Box<dyn Query> = if clauses.is_empty() {
            Box::new(AllQuery)
        } else {
            Box::new(BooleanQuery::new(clauses))
        };
        let counter = Counter {
            city: q.city_facet,
            days: q.month_histogram,
        };
        let top = TopDocs::with_limit(10).order_by_score();
        let (counts, top) = searcher.search(query.as_ref(), &(counter, top))?;
        let snippets = match &user {
            Some(u) => {
                let mut g = SnippetGenerator::create(&searcher, u.as_ref(), f.body)?;
                g.set_max_num_chars(240);
                Some(g)
            }
            None => None,
        };
        let mut hits = Vec::with_capacity(top.len());
        for (_, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let text = |field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string()
            };
            let body = text(f.body);
            let snippet = snippets
                .as_ref()
                .map(|g| g.snippet(&body).fragment().to_string())
                .unwrap_or_default();
            let date = doc
                .get_first(f.date)
                .and_then(|v| v.as_datetime())
                .map(|d| dateline::date::tantivy_to_day(d).to_string())
                .unwrap_or_default();
            hits.push(format!(
                "{} {} {} {}\n  {}",
                text(f.id),
                date,
                text(f.city),
                text(f.title),
                snippet
            ));
        }
        let mut months: HashMap<String, u64> = HashMap::new();
        for (day, n) in &counts.days {
            let d = dateline::date::day_from_secs(day * 86_400);
            *months.entry(d.format("%Y-%m").to_string()).or_default() += n;
        }
        Ok(Answer::new(counts.total, hits, counts.cities, months))
    }
}

/// Exact counts over every match: total, per city, per day.
struct Counter {
    city: bool,
    days: bool,
}

#[derive(Default)]
struct Counts {
    total: u64,
    cities: HashMap<String, u64>,
    days: HashMap<i64, u64>,
}

struct SegmentCounter {
    total: u64,
    city: Option<(StrColumn, Vec<u64>)>,
    date: Option<Column<tantivy::DateTime>>,
    days: HashMap<i64, u64>,
}

impl Collector for Counter {
    type Fruit = Counts;
    type Child = SegmentCounter;

    fn for_segment(&self, _ord: u32, seg: &SegmentReader) -> tantivy::Result<SegmentCounter> {
        let ff = seg.fast_fields();
        let city = if self.city {
            ff.str("city")?.map(|c| {
                let n = c.num_terms();
                (c, vec![0u64; n])
            })
        } else {
            None
        };
        let date = if self.days {
            Some(ff.date("date")?)
        } else {
            None
        };
        Ok(SegmentCounter {
            total: 0,
            city,
            date,
            days: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<Counts>) -> tantivy::Result<Counts> {
        let mut out = Counts::default();
        for s in segments {
            out.total += s.total;
            for (c, n) in s.cities {
                *out.cities.entry(c).or_default() += n;
            }
            for (d, n) in s.days {
                *out.days.entry(d).or_default() += n;
            }
        }
        Ok(out)
    }
}

impl SegmentCollector for SegmentCounter {
    type Fruit = Counts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.total += 1;
        if let Some((col, counts)) = &mut self.city {
            if let Some(ord) = col.ords().first(doc) {
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
        let mut cities = HashMap::new();
        if let Some((col, counts)) = self.city {
            let mut buf = String::new();
            for (ord, &n) in counts.iter().enumerate() {
                if n > 0 && col.ord_to_str(ord as u64, &mut buf).unwrap_or(false) {
                    cities.insert(buf.clone(), n);
                }
            }
        }
        Counts {
            total: self.total,
            cities,
            days: self.days,
        }
    }
}
