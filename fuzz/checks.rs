// The checks behind each fuzz target, shared with `tests/fuzz_regressions.rs`, which replays
// the saved interesting inputs in `fuzz/regressions/` on every `cargo test`.

use std::sync::OnceLock;

use dateline::date::{day_to_tantivy, tantivy_to_day, PartialDate};
use dateline::parse::{self, CityAliases, Format};
use dateline::{Article, DatelineIndex, FacetField, Filters, Page, QuoteRequest, SearchRequest};

/// Every article reader on arbitrary bytes: no panic, and what comes out is consistent
/// (quote offsets inside the body, dates within the accepted years).
pub fn check_parse(data: &[u8]) {
    let aliases = CityAliases::default();
    let detected = parse::detect("fuzz/input.txt", &data[..data.len().min(4096)]);
    for &format in Format::ALL.iter().chain(std::iter::once(&detected)) {
        let Ok(articles) = parse::parse(format, "fuzz/input.txt", data, &aliases) else {
            continue;
        };
        for a in articles {
            let chars = a.body.chars().count();
            for q in &a.quotes {
                assert!(
                    q.start <= q.end && q.end <= chars,
                    "quote offsets outside body"
                );
            }
            if let Some(day) = a.date {
                assert!(dateline::date::plausible(day));
            }
        }
    }
}

/// Partial-date parsing on arbitrary text: no panic, and a parsed period is non-empty and
/// converts to tantivy's date type.
pub fn check_dates(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(p) = PartialDate::parse(text) {
        assert!(p.first < p.end);
        assert_eq!(tantivy_to_day(day_to_tantivy(p.first)), p.first);
        let _ = day_to_tantivy(p.end);
    }
}

fn index() -> &'static DatelineIndex {
    static INDEX: OnceLock<DatelineIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let index = DatelineIndex::create_in_ram().expect("index");
        let article = |id: &str, body: &str, city: &str, day: (i32, u32, u32)| Article {
            id: id.into(),
            title: body.split('.').next().unwrap_or("").into(),
            body: body.into(),
            city: Some(city.into()),
            date: chrono::NaiveDate::from_ymd_opt(day.0, day.1, day.2),
            quotes: parse::quote::extract(body),
            ..Article::default()
        };
        index
            .add_articles(&[
                article(
                    "a",
                    "Bakhmut held. “We stay,” said Ivan.",
                    "Kyiv",
                    (2023, 3, 6),
                ),
                article("b", "Grain prices rose in Odesa.", "Odesa", (2022, 1, 2)),
            ])
            .expect("add");
        index
    })
}

/// Query building and searching on arbitrary text: a bad query is an error, never a panic.
/// The input is split on newlines into query, --from, --to, --city, --country, --lang and
/// --source values.
pub fn check_query(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut parts = text.split('\n');
    let query = parts.next().unwrap_or("").to_string();
    let from = parts.next().and_then(|s| PartialDate::parse(s).ok());
    let to = parts.next().and_then(|s| PartialDate::parse(s).ok());
    let cities: Vec<String> = parts
        .next()
        .map(|c| vec![c.to_string()])
        .unwrap_or_default();
    let countries: Vec<String> = parts
        .next()
        .map(|c| vec![c.to_string()])
        .unwrap_or_default();
    let languages: Vec<String> = parts
        .next()
        .map(|l| vec![l.to_string()])
        .unwrap_or_default();
    let sources: Vec<String> = parts
        .next()
        .map(|s| vec![s.to_string()])
        .unwrap_or_default();
    let filters = Filters {
        from,
        to,
        cities,
        countries,
        languages,
        sources,
    };
    let req = SearchRequest {
        filters: filters.clone(),
        facets: FacetField::ALL.to_vec(),
        histogram: Some(dateline::date::Interval::Week),
        normalize: data.len().is_multiple_of(2),
        page: Page {
            limit: 5,
            offset: data.len() % 3,
        },
        ..SearchRequest::new(query.clone())
    };
    if let Ok(r) = index().search(&req) {
        assert!(r.hits.len() as u64 <= r.total);
    }
    let q = QuoteRequest {
        filters,
        speakers: vec![query.chars().take(20).collect()],
        ..QuoteRequest::new(query)
    };
    let _ = index().search_quotes(&q);
}
