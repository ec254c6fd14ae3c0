//! Issue 18, part B, end to end on a corpus of our own written here: sources (from the
//! folder the user names, a record's field, the URL's domain and the dateline's agency, one
//! spelling per outlet), normalised histograms, top words and export, each with the exact
//! numbers the corpus gives.

mod common;

use std::collections::BTreeMap;

use common::{facet, Env};
use serde_json::Value;

/// Thirteen articles: four wire stories (AP, two Reuters spelt two ways, AFP), six JSON
/// records (two of one outlet spelt two ways, two known only by their URL, two Ukrainian),
/// and three seed files of a local paper that only the folder names.
const CORPUS: &[(&str, &str)] = &[
    (
        "feeds/news.jsonl",
        r#"{"title": "Volunteers bring bread to Bakhmut", "text": "Volunteers drove bread and water to the last families in Bakhmut while artillery fell on the northern districts.", "date": "2023-03-21", "source": "Kyiv Independent"}
{"title": "Harvest starts early in the south", "text": "Farmers in the south began the grain harvest two weeks early this year, helped by a warm spring.", "date": "2023-04-11", "source": "KYIV INDEPENDENT"}
{"title": "Markets steady", "text": "Markets were steady on Wednesday as traders waited for the budget figures.", "date": "2023-03-08", "url": "https://www.bbc.co.uk/news/business-1"}
{"title": "A museum reopens", "text": "The city museum reopened on Tuesday with a new hall of river paintings.", "date": "2023-05-09", "url": "https://news.example.org/culture/museum"}
{"title": "Обстріли Бахмута тривають", "text": "Артилерія обстрілювала Бахмут усю ніч. Захисники Бахмута тримають позиції біля траси, артилерії бракує снарядів.", "date": "2023-03-22", "source": "Укрінформ", "language": "uk"}
{"title": "Бахмут під вогнем", "text": "Російська артилерія знову била по Бахмуту. Місто тримається, кажуть військові.", "date": "2023-04-14", "url": "https://www.unian.ua/war/1", "language": "uk"}
"#,
    ),
    (
        "local/2023/03/kramatorsk-bakhmut-road.txt",
        r#"date 2023-03-09 Kramatorsk: The road from Kramatorsk to Bakhmut is open only at night, drivers said, because artillery watches it by day.
"#,
    ),
    (
        "local/2023/04/kramatorsk-seeds.txt",
        r#"date 2023-04-18 Kramatorsk: Gardeners in Kramatorsk swapped seeds at the library on Tuesday, and the queue reached the corner.
"#,
    ),
    (
        "local/2023/05/kramatorsk-trains.txt",
        r#"date 2023-05-04 Kramatorsk: Trains to the capital run twice a day again, the railway said on Thursday.
"#,
    ),
    (
        "wires/2023-03-06-ap-bakhmut.txt",
        r#"Crews hold the line near Bakhmut

KYIV, Ukraine (AP) — Ukrainian artillery crews held their trenches east of Bakhmut on Monday as shelling went on through the night, officers said.

The artillery duels left the road to the town cratered and the trenches flooded.
"#,
    ),
    (
        "wires/2023-03-07-reuters-bakhmut.txt",
        r#"Shelling around Bakhmut goes on

KYIV, March 7 (Reuters) - Artillery fire around Bakhmut went on for a third day on Tuesday, and soldiers dug new trenches west of the town.
"#,
    ),
    (
        "wires/2023-03-20-reuters-grain.txt",
        r#"Grain ships leave Odesa

ODESA (REUTERS) - Four ships loaded with grain left the port of Odesa on Monday, the harbour office said, after a week of calm weather.
"#,
    ),
    (
        "wires/2023-04-03-afp-budget.txt",
        r#"Parliament passes budget

WARSAW (AFP) - The parliament passed the budget on Monday after a long night of votes on pensions and roads.
"#,
    ),
];

/// The corpus indexed: `wires` and `feeds` as they are, `local` as `Volunteer Gazette`.
fn indexed() -> Env {
    let env = Env::empty();
    for (rel, text) in CORPUS {
        env.write(rel, text);
    }
    let dir = |d: &str| env.corpus.join(d).to_str().unwrap().to_string();
    let out = env.run(&["index", &dir("wires"), &dir("feeds"), "--json"]);
    assert!(out.code == 0 || out.code == 1, "{}", out.stderr);
    let out = env.run(&[
        "index",
        &dir("local"),
        "--source",
        "Volunteer Gazette",
        "--json",
    ]);
    assert!(out.code == 0 || out.code == 1, "{}", out.stderr);
    env
}

fn counts(pairs: &[(&str, u64)]) -> BTreeMap<String, u64> {
    pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

#[test]
fn sources_come_from_folder_field_url_and_agency_in_one_spelling() {
    let env = indexed();
    let (_, all) = env.search(&["*", "--facet", "source", "--facet-limit", "0"]);
    assert_eq!(all["total"], 13);
    assert_eq!(
        facet(&all, "source"),
        counts(&[
            ("AFP", 1),
            ("AP", 1),
            ("BBC", 1),
            ("Kyiv Independent", 2),
            ("Reuters", 2),
            ("Volunteer Gazette", 3),
            ("news.example.org", 1),
            ("Укрінформ", 1),
            ("УНІАН", 1),
        ])
    );
    // Any case, any known spelling or domain of the outlet; repeatable (any of them).
    for spelling in ["reuters", "REUTER", "reuters.com", "www.reuters.com"] {
        let (code, v) = env.search(&["--source", spelling, "--limit", "20"]);
        assert_eq!(code, 0);
        let mut ids = common::hit_ids(&v);
        ids.sort();
        assert_eq!(
            ids,
            [
                "2023-03-07-reuters-bakhmut.txt",
                "2023-03-20-reuters-grain.txt"
            ],
            "{spelling}"
        );
        assert!(v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["source"] == "Reuters"));
    }
    let (_, v) = env.search(&["--source", "kyiv independent", "--source", "bbc.co.uk"]);
    assert_eq!(v["total"], 3);
    let (_, v) = env.search(&["--source", "volunteer gazette", "bakhmut"]);
    assert_eq!(common::hit_ids(&v), ["2023/03/kramatorsk-bakhmut-road.txt"]);
    let (code, v) = env.search(&["--source", "Pravda"]);
    assert_eq!((code, v["total"].clone()), (1, Value::from(0)));
    // Quotes are filtered by their article's source too.
    let out = env.run(&["quotes", "--source", "AP", "--json"]);
    assert!(out.code == 0 || out.code == 1, "{}", out.stderr);
}

#[test]
fn normalised_histogram_divides_by_the_archive_in_each_period() {
    let env = indexed();
    let (_, v) = env.search(&["bakhmut OR Бахмут", "--histogram", "month", "--normalize"]);
    assert_eq!(v["total"], 6);
    // March: 5 of the archive's 7 articles; April: 1 of 4; May (2 articles, no match) is
    // after the last matching month.
    assert_eq!(
        v["histogram"],
        serde_json::json!([
            {"period": "2023-03", "count": 5, "total": 7, "share": 5.0 / 7.0},
            {"period": "2023-04", "count": 1, "total": 4, "share": 0.25},
        ])
    );
    // The filters narrow the archive it is a share of: the English articles only.
    let (_, v) = env.search(&[
        "bakhmut OR Бахмут",
        "--lang",
        "en",
        "--histogram",
        "month",
        "--normalize",
    ]);
    assert_eq!(
        v["histogram"],
        serde_json::json!([
            {"period": "2023-03", "count": 4, "total": 6, "share": 4.0 / 6.0},
        ])
    );
    // Without --normalize, buckets are as before: period and count.
    let (_, v) = env.search(&["bakhmut OR Бахмут", "--histogram", "month"]);
    assert_eq!(
        v["histogram"],
        serde_json::json!([{"period": "2023-03", "count": 5}, {"period": "2023-04", "count": 1}])
    );
    // The text output draws the share.
    let out = env.run(&[
        "search",
        "bakhmut OR Бахмут",
        "--histogram",
        "month",
        "--normalize",
        "--limit",
        "0",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out
        .stdout
        .lines()
        .skip_while(|l| *l != "histogram")
        .filter(|l| l.contains("2023-0"))
        .collect();
    assert_eq!(lines.len(), 2, "{}", out.stdout);
    let cells = |l: &str| l.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    let march = cells(lines[0]);
    assert_eq!(&march[..4], ["2023-03", "5", "7", "71.4%"]);
    let april = cells(lines[1]);
    assert_eq!(&april[..4], ["2023-04", "1", "4", "25.0%"]);
    // The bar is the share: April's is 0.25 / 0.714 of March's 40 cells, 14.
    assert_eq!(march[4].chars().count(), 40);
    assert_eq!(april[4].chars().count(), 14);
}

/// Dunning's G² written out for a 2×2 table, independently of the library's.
fn dunning(a: f64, n: f64, c: f64, rest: f64) -> f64 {
    let (b, d) = (n - a, rest - c);
    let t = n + rest;
    let term = |o: f64, e: f64| if o > 0.0 { o * (o / e).ln() } else { 0.0 };
    2.0 * (term(a, n * (a + c) / t)
        + term(b, n * (b + d) / t)
        + term(c, rest * (a + c) / t)
        + term(d, rest * (b + d) / t))
}

#[test]
fn top_words_rank_by_log_likelihood_against_the_whole_index_in_each_language() {
    let env = indexed();
    let (_, v) = env.search(&[
        "bakhmut OR Бахмут",
        "--facet",
        "terms",
        "--facet-limit",
        "8",
    ]);
    let top = &v["top_words"];
    assert_eq!(
        (top["sample"].clone(), top["articles"].clone()),
        (6.into(), 13.into())
    );
    let words: Vec<(String, String, u64, u64, f64)> = top["words"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["word"].as_str().unwrap().to_string(),
                w["term"].as_str().unwrap().to_string(),
                w["count"].as_u64().unwrap(),
                w["archive"].as_u64().unwrap(),
                w["g2"].as_f64().unwrap(),
            )
        })
        .collect();
    // `artillery` is in four of the six matches' bodies and in no other article; so is
    // `bakhmut`. Then the words in two matches and nowhere else, Ukrainian ones among them
    // (stemmed by the Ukrainian analyzer, shown as the sample spells them most).
    let four = dunning(4.0, 6.0, 0.0, 7.0);
    let two = dunning(2.0, 6.0, 0.0, 7.0);
    let expected: Vec<(&str, &str, u64, u64, f64)> = vec![
        ("artillery", "artilleri", 4, 4, four),
        ("bakhmut", "bakhmut", 4, 4, four),
        ("kyiv", "kyiv", 2, 2, two),
        ("town", "town", 2, 2, two),
        ("trenches", "trench", 2, 2, two),
        ("went", "went", 2, 2, two),
        ("артилерія", "артилір", 2, 2, two),
        ("бахмут", "бахмут", 2, 2, two),
    ];
    assert_eq!(words.len(), expected.len());
    for (got, want) in words.iter().zip(&expected) {
        assert_eq!(
            (got.0.as_str(), got.1.as_str(), got.2, got.3),
            (want.0, want.1, want.2, want.3)
        );
        assert!((got.4 - want.4).abs() < 1e-9, "{got:?} {want:?}");
    }
    assert!((four - 8.410116).abs() < 1e-6, "{four}");
    // The facet lists the same words with the sampled articles holding each.
    let terms: Vec<(String, u64)> = v["facets"]["terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["value"].as_str().unwrap().to_string(),
                e["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(terms[0], ("artillery".to_string(), 4));
    assert_eq!(terms.len(), 8);
    // Stop words never appear, however common in the matches.
    let (_, all) = env.search(&[
        "bakhmut OR Бахмут",
        "--facet",
        "terms",
        "--facet-limit",
        "0",
    ]);
    let listed: Vec<&str> = all["facets"]["terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["value"].as_str().unwrap())
        .collect();
    for stop in ["the", "on", "of", "and", "said", "по", "і"] {
        assert!(!listed.contains(&stop), "{stop} in {listed:?}");
    }
    // A smaller sample: the first two matches in the order of the hits.
    let (_, two_only) = env.search(&[
        "bakhmut OR Бахмут",
        "--facet",
        "terms",
        "--terms-sample",
        "2",
    ]);
    assert_eq!(two_only["top_words"]["sample"], 2);
    // Quotes have no words of their own to rank: a clear error.
    let out = env.run(&["quotes", "--facet", "terms"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("terms facet counts the words of articles"),
        "{}",
        out.stderr
    );
    assert_eq!(out.stderr.trim().lines().count(), 1);
}

#[test]
fn export_streams_every_match_with_the_fields_asked_for() {
    let env = indexed();
    let out = env.run(&[
        "export",
        "--source",
        "reuter",
        "--format",
        "csv",
        "--fields",
        "id,date,source,city,title",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines[0], "id,date,source,city,title");
    lines[1..].sort_unstable();
    assert_eq!(
        lines[1..],
        [
            "2023-03-07-reuters-bakhmut.txt,2023-03-07,Reuters,Kyiv,Shelling around Bakhmut goes on",
            "2023-03-20-reuters-grain.txt,2023-03-20,Reuters,Odesa,Grain ships leave Odesa",
        ]
    );
    // Every article, not one page: 13 lines, keys in the order asked, null where absent.
    let out = env.run(&["export", "--format", "ndjson", "--fields", "source,id,city"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows: Vec<Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 13);
    for line in out.stdout.lines() {
        assert!(line.starts_with("{\"source\":"), "{line}");
    }
    let bbc = rows.iter().find(|r| r["id"] == "news.jsonl#3").unwrap();
    assert_eq!(
        bbc,
        &serde_json::json!({"source": "BBC", "id": "news.jsonl#3", "city": null})
    );
    // The same articles as the search finds.
    let out = env.run(&["export", "bakhmut OR Бахмут", "--fields", "id"]);
    let mut exported: Vec<String> = out
        .stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    exported.sort();
    let (_, v) = env.search(&["bakhmut OR Бахмут", "--limit", "100"]);
    let mut found = common::hit_ids(&v);
    found.sort();
    assert_eq!(exported, found);
    assert_eq!(exported.len(), 6);
    // A body with line breaks stays one CSV record.
    let out = env.run(&[
        "export", "--source", "AP", "--format", "csv", "--fields", "body",
    ]);
    let mut reader = csv::Reader::from_reader(out.stdout.as_bytes());
    let bodies: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    assert_eq!(bodies.len(), 1);
    assert!(
        bodies[0].contains("\n\nThe artillery duels"),
        "{}",
        bodies[0]
    );
    // Nothing matched: exit 1 and no output but a CSV header; bad fields: one line, exit 2.
    let out = env.run(&["export", "zzzz", "--format", "csv"]);
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (1, "id,date,source,city,url,title\n")
    );
    let out = env.run(&["export", "--fields", "id,colour"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("unknown field \"colour\""),
        "{}",
        out.stderr
    );
}
