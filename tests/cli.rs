//! End-to-end tests of the `dateline` binary on a temporary copy of `sample-corpus/`.
//! Expected numbers come from `tests/fixtures/sample_manifest.tsv`, written by hand beside
//! the corpus, never from the program under test.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use common::{crate_dir, facet, hit_ids, Env};
use serde_json::Value;

/// One row of the manifest.
#[derive(Debug, Clone)]
struct Row {
    path: String,
    date: Option<String>,
    city: Option<String>,
    bakhmut: bool,
    quotes: usize,
}

fn manifest() -> &'static Vec<Row> {
    static M: OnceLock<Vec<Row>> = OnceLock::new();
    M.get_or_init(|| {
        let text = std::fs::read_to_string(crate_dir().join("tests/fixtures/sample_manifest.tsv"))
            .unwrap();
        text.lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let c: Vec<&str> = l.split('\t').collect();
                let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
                Row {
                    path: c[0].to_string(),
                    date: opt(c[1]),
                    city: opt(c[2]),
                    bakhmut: c[3] == "1",
                    quotes: c[4].parse().unwrap(),
                }
            })
            .collect()
    })
}

/// The indexed sample corpus shared by read-only tests.
fn shared() -> &'static Env {
    static E: OnceLock<Env> = OnceLock::new();
    E.get_or_init(|| {
        let env = Env::new();
        env.index_json();
        env
    })
}

fn count_by<F: Fn(&Row) -> Option<String>>(rows: &[&Row], key: F) -> BTreeMap<String, u64> {
    let mut m = BTreeMap::new();
    for r in rows {
        if let Some(k) = key(r) {
            *m.entry(k).or_default() += 1;
        }
    }
    m
}

fn in_month(r: &Row, month: &str) -> bool {
    r.date.as_deref().is_some_and(|d| d.starts_with(month))
}

#[test]
fn first_index_reports_every_file_and_reindex_duplicates_nothing() {
    let env = Env::new();
    let first = env.index_json();
    let n = manifest().len() as u64;
    assert_eq!(first["indexed"], n);
    assert_eq!(first["skipped"].as_array().unwrap().len(), 0);
    assert!(first["elapsed_ms"].is_u64());
    let second = env.index_json();
    assert_eq!(second["indexed"], 0);
    assert_eq!(second["updated"], 0);
    assert_eq!(second["unchanged"], n);
    let (_, all) = env.search(&["*", "--limit", "0"]);
    assert_eq!(all["total"], n);
}

#[test]
fn changed_added_and_deleted_files_are_tracked() {
    let env = Env::new();
    env.index_json();
    let n = manifest().len() as u64;
    let first = env.corpus.join(&manifest()[0].path);
    let second = env.corpus.join(&manifest()[1].path);
    // Change the content (and size) of one file, delete another, add a new one.
    let text = std::fs::read_to_string(&first).unwrap();
    std::fs::write(
        &first,
        format!("{text}\nZanzibarword appears in an added paragraph.\n"),
    )
    .unwrap();
    std::fs::remove_file(&second).unwrap();
    std::fs::write(
        env.corpus.join("new-article.txt"),
        "date 2024-06-01 Kyiv: A new article about Quokkaword.\n",
    )
    .unwrap();
    let r = env.index_json();
    assert_eq!(r["updated"], 1);
    assert_eq!(r["removed"], 1);
    assert_eq!(r["indexed"], 1);
    assert_eq!(r["unchanged"], n - 2);
    let (_, all) = env.search(&["*", "--limit", "0"]);
    assert_eq!(all["total"], n);
    assert_eq!(env.search(&["zanzibarword"]).1["total"], 1);
    assert_eq!(env.search(&["quokkaword"]).1["total"], 1);
}

/// A file of several articles that loses its last one (ids are `file#line`): those kept
/// count as updated, the lost one as removed, and a deleted file takes all its articles.
#[test]
fn articles_within_a_changed_file_are_updated_or_removed() {
    let env = Env::new();
    let lines = |titles: &[&str]| -> String {
        titles
            .iter()
            .map(|t| {
                format!(
                    "{{\"id\": \"{t}\", \"title\": \"{t}\", \"date\": \"2024-05-01\", \
                     \"text\": \"Body of {t} about Wombatword.\"}}\n"
                )
            })
            .collect()
    };
    let feed = env.corpus.join("feed.jsonl");
    std::fs::write(&feed, lines(&["alphaword", "betaword", "gammaword"])).unwrap();
    let first = env.index_json();
    let n = first["indexed"].as_u64().unwrap();
    assert_eq!(env.search(&["wombatword"]).1["total"], 3);
    std::fs::write(&feed, lines(&["alphaword", "gammaword"])).unwrap();
    let r = env.index_json();
    assert_eq!(r["updated"], 2, "{r}");
    assert_eq!(r["removed"], 1, "{r}");
    assert_eq!(r["indexed"], 0, "{r}");
    assert_eq!(r["unchanged"], n - 3);
    assert_eq!(env.search(&["wombatword"]).1["total"], 2);
    assert_eq!(env.search(&["betaword"]).1["total"], 0);
    std::fs::remove_file(&feed).unwrap();
    let r = env.index_json();
    assert_eq!(r["removed"], 2, "{r}");
    assert_eq!(env.search(&["wombatword"]).1["total"], 0);
}

#[test]
fn bakhmut_in_march_2023_with_exact_city_counts() {
    let env = shared();
    let expected: Vec<&Row> = manifest()
        .iter()
        .filter(|r| r.bakhmut && in_month(r, "2023-03"))
        .collect();
    let (code, v) = env.search(&[
        "Bakhmut",
        "--from",
        "2023-03",
        "--to",
        "2023-03",
        "--facet",
        "city",
        "--facet-limit",
        "0",
        "--limit",
        "100",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["total"], expected.len() as u64);
    assert_eq!(facet(&v, "city"), count_by(&expected, |r| r.city.clone()));
    for hit in v["hits"].as_array().unwrap() {
        assert!(hit["date"].as_str().unwrap().starts_with("2023-03"));
        let hl = hit["highlights"].as_array().unwrap();
        assert!(!hl.is_empty(), "no highlight in {hit}");
        let snippet: Vec<char> = hit["snippet"].as_str().unwrap().chars().collect();
        let (s, e) = (
            hl[0][0].as_u64().unwrap() as usize,
            hl[0][1].as_u64().unwrap() as usize,
        );
        let word: String = snippet[s..e].iter().collect();
        assert!(
            word.to_lowercase().starts_with("bakhmut"),
            "highlight {word:?}"
        );
    }
}

#[test]
fn date_edges_are_exact() {
    let env = shared();
    let rows = manifest();
    let count = |pred: &dyn Fn(&Row) -> bool| rows.iter().filter(|r| pred(r)).count() as u64;
    let day = |r: &Row| r.date.clone().unwrap_or_default();
    for (from, to, expect) in [
        (
            "2023-02-28",
            "2023-02-28",
            count(&|r| day(r) == "2023-02-28"),
        ),
        (
            "2023-03-01",
            "2023-03-31",
            count(&|r| in_month(r, "2023-03")),
        ),
        ("2023-03", "2023-03", count(&|r| in_month(r, "2023-03"))),
        (
            "2023-02",
            "2023-04",
            count(&|r| in_month(r, "2023-02") || in_month(r, "2023-03") || in_month(r, "2023-04")),
        ),
        ("2023", "2023", count(&|r| in_month(r, "2023"))),
        (
            "2023-04-01",
            "2023-04-01",
            count(&|r| day(r) == "2023-04-01"),
        ),
        // 92 days, the longest range answered with one term per day, and 93 days, answered
        // from the date column: both must count the same way.
        (
            "2023-01-01",
            "2023-04-02",
            count(&|r| ("2023-01-01"..="2023-04-02").contains(&day(r).as_str())),
        ),
        (
            "2023-01-01",
            "2023-04-03",
            count(&|r| ("2023-01-01"..="2023-04-03").contains(&day(r).as_str())),
        ),
    ] {
        let (_, v) = env.search(&["*", "--from", from, "--to", to, "--limit", "0"]);
        assert_eq!(v["total"], expect, "--from {from} --to {to}");
    }
    // Open-ended ranges never include the undated article.
    let dated = count(&|r| r.date.is_some());
    let (_, v) = env.search(&["--from", "1990", "--limit", "0"]);
    assert_eq!(v["total"], dated);
    let (_, v) = env.search(&["--to", "2100", "--limit", "0"]);
    assert_eq!(v["total"], dated);
    let (code, v) = env.search(&["Bakhmut", "--from", "2023-02-28", "--to", "2023-02-28"]);
    let edge = rows
        .iter()
        .filter(|r| r.bakhmut && day(r) == "2023-02-28")
        .count() as u64;
    assert_eq!(v["total"], edge);
    assert_eq!(code, if edge > 0 { 0 } else { 1 });
}

#[test]
fn facets_year_month_and_city_are_exact_over_all_matches() {
    let env = shared();
    let rows: Vec<&Row> = manifest().iter().collect();
    let (_, v) = env.search(&[
        "--facet",
        "city",
        "--facet",
        "year",
        "--facet",
        "month",
        "--facet-limit",
        "0",
        "--limit",
        "1",
    ]);
    assert_eq!(v["total"], rows.len() as u64);
    assert_eq!(v["hits"].as_array().unwrap().len(), 1);
    assert_eq!(facet(&v, "city"), count_by(&rows, |r| r.city.clone()));
    assert_eq!(
        facet(&v, "year"),
        count_by(&rows, |r| r.date.as_ref().map(|d| d[..4].to_string()))
    );
    assert_eq!(
        facet(&v, "month"),
        count_by(&rows, |r| r.date.as_ref().map(|d| d[..7].to_string()))
    );
    // Sorted by count, then value; limited by --facet-limit.
    let (_, v) = env.search(&["--facet", "city", "--facet-limit", "3"]);
    let cities = v["facets"]["city"].as_array().unwrap();
    assert_eq!(cities.len(), 3);
    let mut sorted = cities.clone();
    sorted.sort_by(|a, b| {
        b["count"]
            .as_u64()
            .cmp(&a["count"].as_u64())
            .then_with(|| a["value"].as_str().cmp(&b["value"].as_str()))
    });
    assert_eq!(cities, &sorted);
    // Default facets are city and month.
    let (_, v) = env.search(&["Bakhmut"]);
    let keys: Vec<&String> = v["facets"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["city", "month"]);
}

#[test]
fn city_filter_is_case_insensitive_and_knows_aliases() {
    let env = shared();
    let kyiv = manifest()
        .iter()
        .filter(|r| r.city.as_deref() == Some("Kyiv"))
        .count() as u64;
    assert!(kyiv > 1);
    for spelling in ["Kyiv", "KYIV", "kyiv", "Kiev"] {
        let (_, v) = env.search(&["--city", spelling, "--limit", "0"]);
        assert_eq!(v["total"], kyiv, "--city {spelling}");
    }
    let london = manifest()
        .iter()
        .filter(|r| r.city.as_deref() == Some("London"))
        .count() as u64;
    let (_, v) = env.search(&["--city", "kyiv", "--city", "LONDON", "--limit", "0"]);
    assert_eq!(v["total"], kyiv + london);
    let (code, _) = env.search(&["--city", "Atlantis"]);
    assert_eq!(code, 1);
}

#[test]
fn histogram_buckets_are_calendar_periods_with_gaps_filled() {
    let env = shared();
    let (_, v) = env.search(&["*", "--histogram", "month", "--limit", "0"]);
    let rows: Vec<&Row> = manifest().iter().collect();
    let expected = count_by(&rows, |r| r.date.as_ref().map(|d| d[..7].to_string()));
    let hist = v["histogram"].as_array().unwrap();
    let first = expected.keys().next().unwrap();
    let last = expected.keys().next_back().unwrap();
    assert_eq!(hist.first().unwrap()["period"], first.as_str());
    assert_eq!(hist.last().unwrap()["period"], last.as_str());
    let mut prev: Option<(i32, u32)> = None;
    for b in hist {
        let p = b["period"].as_str().unwrap();
        let (y, m): (i32, u32) = (p[..4].parse().unwrap(), p[5..].parse().unwrap());
        if let Some((py, pm)) = prev {
            let next = if pm == 12 { (py + 1, 1) } else { (py, pm + 1) };
            assert_eq!((y, m), next, "gap before {p}");
        }
        prev = Some((y, m));
        assert_eq!(
            b["count"].as_u64().unwrap(),
            expected.get(p).copied().unwrap_or(0),
            "{p}"
        );
    }
    let (_, v) = env.search(&["--from", "2023-03", "--to", "2023-03", "--histogram", "day"]);
    let days = v["histogram"].as_array().unwrap();
    let sum: u64 = days.iter().map(|b| b["count"].as_u64().unwrap()).sum();
    assert_eq!(sum, v["total"].as_u64().unwrap());
    let (_, v) = env.search(&["*", "--histogram", "year"]);
    let years: Vec<&str> = v["histogram"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["period"].as_str().unwrap())
        .collect();
    assert_eq!(years, ["2021", "2022", "2023", "2024"]);
    // Without --histogram there is no histogram key.
    assert!(env.search(&["*"]).1.get("histogram").is_none());
}

fn dates_of(v: &Value) -> Vec<Option<String>> {
    v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["date"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn sort_orders_put_undated_last_and_paging_is_stable() {
    let env = shared();
    let n = manifest().len();
    let limit = n.to_string();
    for (sort, newest) in [("newest", true), ("oldest", false)] {
        let (_, v) = env.search(&["*", "--sort", sort, "--limit", &limit]);
        let dates = dates_of(&v);
        assert_eq!(dates.len(), n);
        let undated = manifest().iter().filter(|r| r.date.is_none()).count();
        assert!(
            dates[n - undated..].iter().all(Option::is_none),
            "{sort}: undated not last"
        );
        let dated: Vec<&String> = dates[..n - undated]
            .iter()
            .map(|d| d.as_ref().unwrap())
            .collect();
        for w in dated.windows(2) {
            assert!(
                if newest { w[0] >= w[1] } else { w[0] <= w[1] },
                "{sort}: {w:?}"
            );
        }
        // Pages of 7 put together give the same list, and a repeated query the same order.
        let whole = hit_ids(&v);
        let mut paged = Vec::new();
        let mut offset = 0;
        while offset < n {
            let (_, p) = env.search(&[
                "*",
                "--sort",
                sort,
                "--limit",
                "7",
                "--offset",
                &offset.to_string(),
            ]);
            paged.extend(hit_ids(&p));
            offset += 7;
        }
        assert_eq!(paged, whole);
        assert_eq!(
            hit_ids(&env.search(&["*", "--sort", sort, "--limit", &limit]).1),
            whole
        );
    }
    let (code, v) = env.search(&["*", "--offset", "100000"]);
    assert_eq!(code, 0, "total > 0 even when the page is empty");
    assert!(v["hits"].as_array().unwrap().is_empty());
    let (_, v) = env.search(&["Bakhmut", "--sort", "relevance", "--limit", "50"]);
    let scores: Vec<f64> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]));
}

/// Issue 21: `quotes --json` as `schema/quotes-output.schema.json` describes it.
#[test]
fn quotes_json_matches_its_schema() {
    let env = shared();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(crate_dir().join("schema/quotes-output.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for args in [
        vec!["quotes", "Bakhmut", "--json"],
        vec!["quotes", "*", "--speaker-kind", "person", "--json"],
        vec!["quotes", "nothingmatchesthisword", "--json"],
    ] {
        let out = env.run(&args);
        // Exit 1 when nothing matches, with the same JSON.
        let none = args[1] == "nothingmatchesthisword";
        assert_eq!(out.code, i32::from(none), "{args:?}: {}", out.stderr);
        let v: Value = serde_json::from_str(&out.stdout).unwrap();
        let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{args:?}: {errors:?}");
    }
    let out = env.run(&["quotes", "*", "--speaker-kind", "person", "--json"]);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    let quotes = v["quotes"].as_array().unwrap();
    assert!(!quotes.is_empty());
    for q in quotes {
        assert_eq!(q["speaker_kind"], "person", "{q}");
        assert_eq!(q["speakers"][0], q["speaker"], "{q}");
    }
    let out = env.run(&["quotes", "*", "--speaker-kind", "robot"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("person or organisation"),
        "{}",
        out.stderr
    );
}

#[test]
fn json_output_matches_the_published_schema() {
    let env = shared();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(crate_dir().join("schema/search-output.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for args in [
        vec!["Bakhmut", "--from", "2023-03", "--to", "2023-03"],
        vec![
            "*",
            "--histogram",
            "week",
            "--facet",
            "year",
            "--facet",
            "speaker",
        ],
        vec!["nothingmatchesthisword"],
        vec!["*", "--sort", "newest", "--limit", "100"],
    ] {
        let (_, v) = env.search(&args);
        let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{args:?}: {errors:?}");
    }
    // The schema is not vacuous: a wrong shape fails.
    let bad = serde_json::json!({"query": "x", "total": -1, "hits": [], "facets": {}});
    assert!(!validator.is_valid(&bad));
}

#[test]
fn exit_codes_and_one_line_errors() {
    let env = shared();
    assert_eq!(env.run(&["search", "Bakhmut"]).code, 0);
    assert_eq!(env.run(&["search", "nothingmatchesthisword"]).code, 1);
    // An inverted range is almost always the two ends swapped: an error that says so.
    let out = env.run(&["search", "--from", "2023-04", "--to", "2023-03"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("ends before it starts"),
        "{}",
        out.stderr
    );
    let out = env.run(&["quotes", "--from", "2023-04-02", "--to", "2023-04-01"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    for args in [
        vec!["search", "--from", "2023-02-30"],
        vec!["search", "Bakhmut AND ("],
        vec!["search", "nosuchfield:x"],
        vec!["search", "date:2023-13"],
        vec!["search", "--index", "/nonexistent/dateline-index", "x"],
        vec!["stats", "--index", "/nonexistent/dateline-index"],
        vec!["index", "/nonexistent/articles"],
    ] {
        let out = env.run(&args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(
            out.stderr.starts_with("dateline: error:") || out.stderr.starts_with("error:"),
            "{args:?}: {}",
            out.stderr
        );
        assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
        assert!(out.stdout.is_empty());
    }
    let out = env.run(&["search", "--index", "/nonexistent/dateline-index", "x"]);
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
}

#[test]
fn human_output_lists_hits_facets_and_bars() {
    let env = shared();
    let out = env.run(&[
        "search",
        "Bakhmut",
        "--from",
        "2023-03",
        "--to",
        "2023-03",
        "--histogram",
        "week",
    ]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("Bakhmut"), "{}", out.stdout);
    assert!(
        !out.stdout.contains("[Bakhmut]"),
        "plain text is not marked unless asked: {}",
        out.stdout
    );
    assert!(out.stdout.contains("city"));
    assert!(out.stdout.contains('█'));
    assert!(
        !out.stdout.contains('\x1b'),
        "colour with NO_COLOR / not a terminal"
    );
    let marked = env.run(&["search", "Bakhmut", "--brackets", "--limit", "1"]);
    assert!(marked.stdout.contains("[Bakhmut]"), "{}", marked.stdout);
    // --color always wins over NO_COLOR and a pipe; TERM=dumb turns auto colour off (the
    // test's stdout is a pipe, so auto is off here anyway).
    let coloured = env.run(&["search", "Bakhmut", "--color", "always", "--limit", "1"]);
    assert!(
        coloured.stdout.contains("\x1b[1;31mBakhmut"),
        "{}",
        coloured.stdout
    );
    let never = env.run(&["quotes", "--color", "never", "--limit", "1"]);
    assert!(!never.stdout.contains('\x1b'));
}

#[test]
fn paging_numbers_hits_from_the_offset_and_says_so() {
    let env = shared();
    let out = env.run(&["search", "Bakhmut", "--offset", "3", "--limit", "2"]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("; showing 4–5"), "{}", out.stdout);
    assert!(out.stdout.contains("\n  4. "), "{}", out.stdout);
    assert!(!out.stdout.contains("\n  1. "), "{}", out.stdout);
    let past = env.run(&["search", "Bakhmut", "--offset", "500"]);
    assert!(
        past.stdout.contains("none shown from 501 on"),
        "{}",
        past.stdout
    );
    let (_, v) = env.search(&["Bakhmut", "--offset", "3", "--limit", "2"]);
    assert_eq!(v["offset"], 3);
}

#[test]
fn a_search_without_words_lists_newest_first_without_scores() {
    let env = shared();
    let (_, v) = env.search(&["--limit", "5"]);
    let dates = dates_of(&v);
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted, "newest first");
    assert!(dates[0].is_some());
    let out = env.run(&["search", "--limit", "2"]);
    assert!(!out.stdout.contains("score"), "{}", out.stdout);
    // Asked for, relevance order still stands.
    let (_, v) = env.search(&["*", "--sort", "relevance", "--limit", "5"]);
    assert_eq!(v["hits"].as_array().unwrap().len(), 5);
}

#[test]
fn stats_and_quotes_and_undated_article() {
    let env = shared();
    let out = env.run(&["stats", "--json"]);
    assert_eq!(out.code, 0);
    let s: Value = out.json();
    let rows = manifest();
    assert_eq!(s["articles"], rows.len() as u64);
    assert_eq!(
        s["undated"],
        rows.iter().filter(|r| r.date.is_none()).count() as u64
    );
    assert_eq!(
        s["quotes"],
        rows.iter().map(|r| r.quotes).sum::<usize>() as u64
    );
    let dates: Vec<&String> = rows.iter().filter_map(|r| r.date.as_ref()).collect();
    assert_eq!(s["first_date"], dates.iter().min().unwrap().as_str());
    assert_eq!(s["last_date"], dates.iter().max().unwrap().as_str());
    let cities: std::collections::BTreeSet<_> =
        rows.iter().filter_map(|r| r.city.as_ref()).collect();
    assert_eq!(s["cities"], cities.len() as u64);
    assert!(s["size_bytes"].as_u64().unwrap() > 0);
    // Each article's quote count, through search.
    let (_, v) = env.search(&["*", "--limit", "1000"]);
    for hit in v["hits"].as_array().unwrap() {
        let id = hit["id"].as_str().unwrap();
        let row = rows
            .iter()
            .find(|r| r.path == id)
            .unwrap_or_else(|| panic!("unknown id {id}"));
        assert_eq!(hit["quotes"].as_array().unwrap().len(), row.quotes, "{id}");
        assert_eq!(hit["city"].as_str(), row.city.as_deref(), "{id}");
        assert_eq!(hit["date"].as_str(), row.date.as_deref(), "{id}");
    }
}

#[test]
fn index_reports_bad_files_and_goes_on() {
    let env = Env::new();
    std::fs::write(env.corpus.join("empty.txt"), "").unwrap();
    std::fs::write(env.corpus.join("binary.bin"), [0u8, 159, 146, 150, 0, 1]).unwrap();
    let out = env.run(&["index", env.corpus.to_str().unwrap(), "--json"]);
    assert_eq!(out.code, 1, "skipped files make exit status 1");
    let r: Value = out.json();
    assert_eq!(r["indexed"], manifest().len() as u64);
    let skipped = r["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 2);
    assert!(
        skipped
            .iter()
            .any(|s| s["path"].as_str().unwrap().ends_with("empty.txt")
                && s["reason"] == "empty file")
    );
    // Globs pick files like ripgrep's.
    let env2 = Env::new();
    std::fs::write(
        env2.corpus.join("notes.md"),
        "date 2023-03-02 Kyiv: Bakhmut notes.",
    )
    .unwrap();
    let out = env2.run(&[
        "index",
        env2.corpus.to_str().unwrap(),
        "--glob",
        "*.txt",
        "--json",
    ]);
    let r: Value = out.json();
    assert_eq!(r["indexed"], manifest().len() as u64);
}

#[test]
fn search_update_indexes_on_first_use() {
    let env = Env::new();
    let out = env.run(&[
        "search",
        "Bakhmut",
        "--update",
        env.corpus.to_str().unwrap(),
        "--from",
        "2023-03",
        "--to",
        "2023-03",
        "--json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: Value = out.json();
    let expected = manifest()
        .iter()
        .filter(|r| r.bakhmut && in_month(r, "2023-03"))
        .count();
    assert_eq!(v["total"], expected as u64);
}

/// The seed article users start from, when `../shared` is beside the repository.
#[test]
fn seed_article_acceptance() {
    let Some(seeds) = common::shared_dir("seeds") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("ix");
    let run = |args: &[&str]| common::run(&index, args);
    let out = run(&["index", seeds.to_str().unwrap(), "--json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = run(&[
        "search", "Bakhmut", "--from", "2023-03", "--to", "2023-03", "--json",
    ]);
    assert_eq!(out.code, 0);
    let v = out.json();
    assert_eq!(v["total"], 1);
    let hit = &v["hits"][0];
    assert_eq!(hit["date"], "2023-03-06");
    assert_eq!(hit["city"], "Kyiv");
    assert_eq!(hit["quotes"].as_array().unwrap().len(), 3);
    let out = run(&[
        "search", "Bakhmut", "--from", "2023-03", "--to", "2023-02", "--json",
    ]);
    assert_eq!(out.code, 2, "an inverted range is refused");
    assert!(out.stdout.is_empty());
    let out = run(&["search", "Bakhmut", "--to", "2023-02", "--json"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.json()["total"], 0);
}

/// Rewrites the commit payload of an index, as an older or newer dateline would have left it.
fn set_payload(index: &Path, payload: Value) {
    let meta_path = index.join("meta.json");
    let mut meta: Value =
        serde_json::from_str(&std::fs::read_to_string(&meta_path).unwrap()).unwrap();
    meta["payload"] = Value::String(payload.to_string());
    std::fs::write(&meta_path, meta.to_string()).unwrap();
}

#[test]
fn articles_read_by_an_older_parser_are_read_again() {
    let env = Env::new();
    env.index_json();
    let n = manifest().len() as u64;
    let schema = dateline::schema_version();
    set_payload(
        &env.index,
        serde_json::json!({"dateline_schema": schema, "parser": 1}),
    );
    let r = env.index_json();
    assert_eq!(r["updated"], n, "every article re-read");
    assert_eq!(r["unchanged"], 0);
    let again = env.index_json();
    assert_eq!(again["unchanged"], n, "and trusted again afterwards");
}

#[test]
fn an_index_from_another_schema_version_is_refused_with_advice() {
    let env = Env::new();
    env.index_json();
    set_payload(
        &env.index,
        serde_json::json!({"dateline_schema": 999, "parser": 1}),
    );
    let out = env.run(&["search", "Bakhmut"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("schema version 999"), "{}", out.stderr);
    assert!(out.stderr.contains("--full"), "{}", out.stderr);
    assert_eq!(out.stderr.lines().count(), 1);
    // Indexing without --full is refused too; with --full the index is rebuilt.
    assert_eq!(env.run(&["index", env.corpus.to_str().unwrap()]).code, 2);
    let out = env.run(&["index", env.corpus.to_str().unwrap(), "--full", "--json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        env.search(&["*", "--limit", "0"]).1["total"],
        manifest().len() as u64
    );
}

#[test]
fn quote_field_in_article_search_points_to_the_quotes_command() {
    let env = shared();
    for query in [
        "quote:arithmetic",
        "quote:arith*",
        "bakhmut AND -quote:shells",
    ] {
        let out = env.run(&["search", query]);
        assert_eq!(out.code, 2, "{query}: {}", out.stderr);
        assert!(out.stderr.contains("dateline quotes"), "{}", out.stderr);
        assert_eq!(out.stderr.lines().count(), 1);
    }
    // Inside a phrase it is just words.
    assert_ne!(env.run(&["search", "\"quote: arithmetic\""]).code, 2);
    // The quoted words themselves are found in the body, and by the quotes command.
    assert!(env.search(&["arithmetic"]).1["total"].as_u64().unwrap() >= 1);
    let out = env.run(&["quotes", "arithmetic", "--json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: Value = out.json();
    assert!(v["total"].as_u64().unwrap() >= 1);
    assert!(v["quotes"][0]["text"]
        .as_str()
        .unwrap()
        .contains("arithmetic"));
}

#[test]
fn quotes_are_listed_with_highlights_and_speaker_facet() {
    let env = shared();
    let out = env.run(&[
        "quotes", "Bakhmut", "--from", "2023-03", "--to", "2023-03", "--json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: Value = out.json();
    let quotes = v["quotes"].as_array().unwrap();
    assert!(!quotes.is_empty());
    for q in quotes {
        assert!(q["date"].as_str().unwrap().starts_with("2023-03"));
        let text: Vec<char> = q["text"].as_str().unwrap().chars().collect();
        let hl = q["highlights"].as_array().unwrap();
        assert!(!hl.is_empty(), "{q}");
        for r in hl {
            let (s, e) = (
                r[0].as_u64().unwrap() as usize,
                r[1].as_u64().unwrap() as usize,
            );
            let word: String = text[s..e].iter().collect();
            assert_eq!(word.to_lowercase(), "bakhmut", "{q}");
        }
    }
    let speakers: u64 = v["facets"]["speaker"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["count"].as_u64().unwrap())
        .sum();
    assert!(speakers >= 1 && speakers <= v["total"].as_u64().unwrap());
}

/// `--aliases` is remembered by the index: city filters use it, a run without it keeps it
/// (no re-read), and a run with another table re-reads every file under the new one.
#[test]
fn custom_aliases_are_remembered_for_filters_and_updates() {
    let env = Env::new();
    let article = "date 1958-05-15 Stalino: The city council met on Thursday to discuss \
                   the new mine.\n\nThe vote passed easily, officials said.\n";
    std::fs::write(env.corpus.join("renamed.txt"), article).unwrap();
    let dir = env.corpus.parent().unwrap();
    let table = dir.join("aliases.tsv");
    std::fs::write(&table, "# old name\tnew name\nStalino\tDonetsk\n").unwrap();
    let files = env.index_ok(&["--aliases", table.to_str().unwrap()])["indexed"]
        .as_u64()
        .unwrap();
    assert!(files > 10);
    let renamed = |spelling: &str| -> Vec<String> {
        let (_, v) = env.search(&["council", "--city", spelling]);
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["city"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    // Filed under the display name, found by either spelling.
    assert_eq!(renamed("Donetsk"), ["Donetsk"]);
    assert_eq!(renamed("stalino"), ["Donetsk"]);

    // A run without `--aliases` keeps the remembered table and re-reads nothing.
    let again = env.index_ok(&[]);
    assert_eq!(again["unchanged"].as_u64(), Some(files), "{again}");
    assert_eq!(renamed("Stalino"), ["Donetsk"]);

    // Another table: every file is read again under it.
    std::fs::write(&table, "Stalino\tStalino (Donetsk)\n").unwrap();
    let changed = env.index_ok(&["--aliases", table.to_str().unwrap()]);
    assert_eq!(changed["updated"].as_u64(), Some(files), "{changed}");
    assert_eq!(renamed("Stalino"), ["Stalino (Donetsk)"]);
    assert!(renamed("Donetsk").is_empty());

    // `--full` without `--aliases` goes back to the built-in table and the gazetteer, which
    // knows Stalino as Donetsk's old name.
    env.index_ok(&["--full"]);
    assert_eq!(renamed("Stalino"), ["Donetsk"]);
    assert!(renamed("Stalino (Donetsk)").is_empty());
}

/// Issue 15, places: every spelling of a place is one facet value with its country, regions
/// are normalised, `--country` filters, `city:` and `country:` in a query match as the flags
/// do, and a dateline word that is no place is no city.
#[test]
fn places_resolve_to_one_name_with_country_and_filter_by_it() {
    let env = Env::new();
    let dir = env.corpus.join("places");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in [
        (
            "a.txt",
            "date 2023-03-07 KIEV: Gazetteer alpha report.\n\n“Gazetteer zebra holds,” said Olena Koval.",
        ),
        ("b.txt", "date 2023-03-07 Київ: Gazetteer alpha report."),
        ("c.txt", "date 2023-03-07 Киев: Gazetteer alpha report."),
        ("d.txt", "date 2023-03-07 Моcква: Gazetteer alpha report."),
        ("e.txt", "date 2023-03-07 Today: Gazetteer alpha report."),
        ("f.txt", "date 2023-03-07 WALtHAM: Gazetteer alpha report."),
        (
            "g.txt",
            "Headline\n\nCHICAGO, ILL. (AP) — Gazetteer alpha report.",
        ),
        (
            "h.txt",
            "Headline\n\nPEORIA, Ill. (AP) — Gazetteer alpha report.",
        ),
    ] {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let out = env.run(&["index", env.corpus.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let (_, v) = env.search(&[
        "gazetteer alpha",
        "--facet",
        "city",
        "--facet",
        "country",
        "--facet",
        "region",
        "--facet-limit",
        "0",
    ]);
    assert_eq!(v["total"], 8);
    let cities = facet(&v, "city");
    assert_eq!(cities.get("Kyiv"), Some(&3), "{cities:?}");
    assert_eq!(cities.get("Moscow"), Some(&1), "{cities:?}");
    assert_eq!(cities.get("Waltham"), Some(&1), "{cities:?}");
    assert!(!cities.contains_key("Today"), "{cities:?}");
    assert_eq!(cities.values().sum::<u64>(), 7);
    let countries = facet(&v, "country");
    assert_eq!(countries.get("Ukraine"), Some(&3), "{countries:?}");
    assert!(countries.get("United States") == Some(&3), "{countries:?}");
    assert_eq!(
        facet(&v, "region"),
        BTreeMap::from([("Illinois".to_string(), 2)])
    );
    let kyiv_hit = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["city"] == "Kyiv")
        .unwrap();
    assert_eq!(kyiv_hit["country"], "Ukraine");

    let total = |args: &[&str]| -> u64 {
        let mut all = vec!["gazetteer alpha"];
        all.extend_from_slice(args);
        env.search(&all).1["total"].as_u64().unwrap()
    };
    for args in [
        &["--city", "kyiv"][..],
        &["--city", "Київ"],
        &["--country", "ua"],
        &["--country", "Ukraine"],
        &["--country", "УКРАЇНА"],
    ] {
        assert_eq!(total(args), 3, "{args:?}");
    }
    let (_, q) = env.search(&["gazetteer city:kyiv"]);
    assert_eq!(q["total"], 3);
    let (_, q) = env.search(&["gazetteer AND (city:KIEV OR city:\"Москва\")"]);
    assert_eq!(q["total"], 4);
    let (_, q) = env.search(&["gazetteer country:ua"]);
    assert_eq!(q["total"], 3);
    // The source's own spelling stays searchable.
    let (_, q) = env.search(&["gazetteer dateline:київ"]);
    assert_eq!(q["total"], 1);
    assert_eq!(total(&["--country", "Atlantis"]), 0);
    // Quotes filter by country as articles do.
    let quotes = |country: &str| -> Value {
        let out = env.run(&["quotes", "zebra", "--json", "--country", country]);
        serde_json::from_str(&out.stdout).unwrap()
    };
    assert_eq!(quotes("Ukraine")["total"], 1);
    assert_eq!(quotes("us")["total"], 0);
}

const SUBCOMMANDS: [&str; 6] = ["index", "search", "quotes", "stats", "completions", "man"];

#[test]
fn completion_scripts_name_every_subcommand() {
    let env = shared();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = env.run(&["completions", shell]);
        assert_eq!(out.code, 0, "{shell}: {}", out.stderr);
        assert!(!out.stdout.trim().is_empty(), "{shell}: empty script");
        for sub in SUBCOMMANDS {
            assert!(out.stdout.contains(sub), "{shell} script lacks {sub}");
        }
        // Facet names complete too.
        assert!(
            out.stdout.contains("speaker"),
            "{shell} script lacks facet names"
        );
    }
    assert_eq!(env.run(&["completions", "tcsh"]).code, 2);
}

#[test]
fn man_page_names_every_subcommand() {
    let env = shared();
    let out = env.run(&["man"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains(".TH dateline 1"), "{}", out.stdout);
    for sub in SUBCOMMANDS {
        assert!(
            out.stdout.contains(&format!("dateline\\-{sub}(1)")),
            "man page lacks {sub}"
        );
    }
    // --dir writes the page and one per subcommand, each with that subcommand's flags.
    let dir = tempfile::tempdir().unwrap();
    let out = env.run(&["man", "--dir", dir.path().to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(dir.path().join("dateline.1").is_file());
    for sub in SUBCOMMANDS {
        let page = std::fs::read_to_string(dir.path().join(format!("dateline-{sub}.1"))).unwrap();
        assert!(page.contains(&format!(".TH dateline-{sub} 1")), "{page}");
    }
    let index_page = std::fs::read_to_string(dir.path().join("dateline-index.1")).unwrap();
    assert!(index_page.contains("\\-\\-follow"), "{index_page}");
}

/// The words of a shell command line as `sh` would split them: single and double quotes
/// group, a `#` after white space starts a comment. (The README's examples need no more.)
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quote: Option<char> = None;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.get_or_insert_with(String::new).push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                word.get_or_insert_with(String::new);
            }
            (None, '#') if word.is_none() => break,
            (None, c) if c.is_whitespace() => words.extend(word.take()),
            (None, c) => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    words
}

#[test]
fn readme_search_examples_find_something_in_the_sample_corpus() {
    let readme = std::fs::read_to_string(crate_dir().join("README.md")).unwrap();
    let mut in_sh = false;
    let mut examples = Vec::new();
    for line in readme.lines() {
        if line.starts_with("```") {
            in_sh = line.trim() == "```sh";
            continue;
        }
        let line = line.trim();
        if in_sh && (line.starts_with("dateline search ") || line.starts_with("dateline quotes ")) {
            examples.push(line.to_string());
        }
    }
    assert!(examples.len() >= 8, "too few examples found: {examples:?}");
    let env = shared();
    for example in &examples {
        let words = shell_words(example);
        let args: Vec<&str> = words[1..].iter().map(String::as_str).collect();
        let out = env.run(&args);
        assert_eq!(
            out.code, 0,
            "README example found nothing or failed: {example}\n{}{}",
            out.stdout, out.stderr
        );
    }
}

#[test]
fn shell_words_split_as_sh_does() {
    assert_eq!(
        shell_words(r#"dateline search 'a AND "b c"' --city kyiv   # note"#),
        ["dateline", "search", r#"a AND "b c""#, "--city", "kyiv"]
    );
    assert_eq!(shell_words("x '' y"), ["x", "", "y"]);
}

#[test]
fn files_that_are_not_articles_are_left_out_and_listed_unless_asked_for() {
    let env = Env::empty();
    env.write(
        "2023/kyiv.txt",
        "date 2023-03-06 Kyiv: Trams ran again after the outage, officials said.",
    );
    env.write(
        "README.md",
        "# Our archive\n\nArticles from 2023, one per file, in the seed format.",
    );
    env.write(
        "annotations/kyiv.ann",
        "T1\tSource 0 5\tTrams\nT2\tCue 6 9\tran\n",
    );
    env.write(
        "lists/places.txt",
        &[
            "kyiv", "lviv", "odesa", "kharkiv", "dnipro", "poltava", "sumy", "rivne", "lutsk",
        ]
        .join("\n"),
    );
    env.write(
        "sidecars/kyiv_ann.json",
        r#"{"quotes": [{"start": 3, "end": 9}], "bias": "none"}"#,
    );
    let out = env.run(&["index", env.corpus.to_str().unwrap(), "--json"]);
    assert_eq!(out.code, 0, "left-out files are not errors: {}", out.stderr);
    let report = out.json();
    assert_eq!(report["indexed"], 1, "{report}");
    assert_eq!(report["skipped"].as_array().unwrap().len(), 0);
    let left: Vec<&str> = report["not_articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["path"].as_str().unwrap())
        .collect();
    assert_eq!(left.len(), 4, "{left:?}");
    for name in ["README.md", "kyiv.ann", "places.txt", "kyiv_ann.json"] {
        assert!(left.iter().any(|p| p.ends_with(name)), "{name} in {left:?}");
    }
    let text = env.run(&["index", env.corpus.to_str().unwrap()]);
    assert!(
        text.stderr.contains("4 files left out as not articles"),
        "{}",
        text.stderr
    );

    // Insisting reads them all (the sidecar has no text at all, so it stays out).
    let out = env.run(&[
        "index",
        env.corpus.to_str().unwrap(),
        "--all-files",
        "--json",
    ]);
    let report = out.json();
    assert_eq!(report["indexed"], 3, "{report}");
    assert_eq!(report["not_articles"].as_array().unwrap().len(), 1);
    // And a later run without it removes them again.
    let out = env.run(&["index", env.corpus.to_str().unwrap(), "--json"]);
    assert_eq!(out.json()["removed"], 3);
}

#[test]
fn an_index_inside_the_indexed_folder_is_never_read_as_articles() {
    let env = Env::new();
    let inside = env.corpus.join("idx");
    let args = [
        "index",
        env.corpus.to_str().unwrap(),
        "--index",
        inside.to_str().unwrap(),
        "--json",
    ];
    let first = env.run(&args);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let indexed = first.json()["indexed"].as_u64().unwrap();
    assert_eq!(indexed as usize, manifest().len());
    // The second run finds its own index in the tree and leaves it alone.
    let second = env.run(&args);
    assert_eq!(second.code, 0, "{}", second.stderr);
    let report = second.json();
    assert_eq!(report["indexed"], 0, "{report}");
    assert_eq!(report["unchanged"].as_u64(), Some(indexed));
}

/// Issue 15: one person, one speaker value across the archive. Middle initials, a surname
/// used alone and another apostrophe fold into one person in the facet, in the quotes'
/// speaker and in `--speaker`; a suffix stays another person; a title of office is no part
/// of a name. Each article is its own file, so only the archive-wide rules can join them.
#[test]
fn speakers_fold_into_one_person_across_the_archive() {
    let env = Env::empty();
    let articles = [
        "“The port opens in May,” said Petra J. Lindqvist.",
        "“Trade is up again,” said Petra Lindqvist.",
        "“Taxes stay where they are,” Lindqvist said.",
        "“We will not sell,” said Martin O’Doyle.",
        "“We will not buy,” said Martin O'Doyle.",
        "“The mill stays open,” said Karl Brandt.",
        "“The mill will close,” said Karl Brandt Jr.",
        "“Sterling is steady,” Chancellor of the Exchequer Rolf Amundsen said.",
    ];
    for (i, body) in articles.iter().enumerate() {
        let text = format!("date 2024-01-0{} Oslo: News.\n\n{body}", i + 1);
        env.write(&format!("a{i}.txt"), &text);
    }
    let run = |args: &[&str]| -> Value {
        let out = env.run(args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        serde_json::from_str(&out.stdout).unwrap_or(Value::Null)
    };
    env.index_ok(&[]);
    let all = run(&[
        "quotes",
        "*",
        "--facet",
        "speaker",
        "--facet-limit",
        "0",
        "--json",
    ]);
    let want: BTreeMap<String, u64> = [
        ("Petra Lindqvist", 3),
        ("Martin O'Doyle", 2),
        ("Karl Brandt", 1),
        ("Karl Brandt Jr.", 1),
        ("Rolf Amundsen", 1),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    assert_eq!(facet(&all, "speaker"), want);
    // The quotes carry the person's name too.
    for q in all["quotes"].as_array().unwrap() {
        let s = q["speaker"].as_str().unwrap();
        assert!(want.contains_key(s), "{q}");
    }
    let speakers = |who: &str| -> Vec<String> {
        let v = run(&["quotes", "*", "--speaker", who, "--json"]);
        let mut texts: Vec<String> = v["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["speaker"].as_str().unwrap().to_string())
            .collect();
        texts.sort();
        texts
    };
    assert_eq!(speakers("petra lindqvist"), ["Petra Lindqvist"; 3]);
    assert_eq!(speakers("Petra J. Lindqvist"), ["Petra Lindqvist"; 3]);
    assert_eq!(speakers("martin o’doyle"), ["Martin O'Doyle"; 2]);
    assert_eq!(speakers("karl brandt"), ["Karl Brandt"]);
    // A surname two people share is matched as a word, as before.
    assert_eq!(speakers("brandt"), ["Karl Brandt", "Karl Brandt Jr."]);
}

/// A page from a web archive carries its crawl time in JSON hits, apart from its publication
/// day (issue 17).
#[test]
fn warc_hits_carry_the_crawl_time() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, index) = (dir.path().join("corpus"), dir.path().join("index"));
    std::fs::create_dir_all(&corpus).unwrap();
    let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><head>\
        <meta property=\"article:published_time\" content=\"2021-03-04T10:00:00+01:00\">\
        <title>Harbour reopens</title></head><body><article><p>The harbour reopened \
        after the storm, officials said on Thursday.</p></article></body></html>";
    let warc = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:0000-1>\r\n\
         WARC-Date: 2022-08-01T12:00:00Z\r\nWARC-Target-URI: https://news.example/harbour\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{page}\r\n\r\n",
        page.len()
    );
    std::fs::write(corpus.join("crawl.warc"), warc).unwrap();
    let out = common::run(&index, &["index", corpus.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let (code, v) = common::search(&index, &["harbour"]);
    assert_eq!(code, 0);
    let hit = &v["hits"][0];
    assert_eq!(hit["crawled"], "2022-08-01T12:00:00Z");
    assert_eq!(
        hit["date"], "2021-03-04",
        "the crawl is never the publication"
    );
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(crate_dir().join("schema/search-output.schema.json")).unwrap(),
    )
    .unwrap();
    assert!(jsonschema::validator_for(&schema).unwrap().is_valid(&v));
    // Outside WARC files there is no crawl time.
    let (_, seed) = shared().search(&["Bakhmut"]);
    assert!(seed["hits"][0]["crawled"].is_null());
}
