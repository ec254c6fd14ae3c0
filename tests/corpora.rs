//! The format readers against real corpora in `../shared/corpora` (see its `INDEX.md` and each
//! `SOURCE.md`): every record read, every date the data has, dateline cities checked against
//! the SGML and against labels written by hand in `tests/fixtures/ap_datelines.tsv`.
//! Expected numbers come from the corpora themselves (read here with simple, independent
//! code) or from their SOURCE.md, never from the readers under test. Each test passes with a
//! printed note when the corpora are not beside the repository (a fresh clone without
//! `../shared`).

mod common;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dateline::parse::{self, Article, CityAliases, Format};

fn corpora() -> Option<PathBuf> {
    common::shared_dir("corpora")
}

/// Files under `dir` whose name passes `keep`, as (path relative to `root`, bytes), sorted.
fn files(root: &Path, dir: &str, keep: impl Fn(&str) -> bool) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(root.join(dir))
        .into_iter()
        .map(|e| e.expect("walk corpus"))
        .filter(|e| e.file_type().is_file())
        .filter(|e| keep(&e.file_name().to_string_lossy()))
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(root)
                .expect("under root")
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read(e.path()).expect("read corpus file"))
        })
        .collect();
    out.sort();
    out
}

/// Detects and parses a file the way indexing does.
fn read(rel: &str, bytes: &[u8], aliases: &CityAliases) -> (Format, Vec<Article>) {
    let format = parse::detect(rel, &bytes[..bytes.len().min(4096)]);
    let articles =
        parse::parse(format, rel, bytes, aliases).unwrap_or_else(|e| panic!("{rel}: {e}"));
    (format, articles)
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|_| panic!("bad day {s:?}"))
}

/// What a `<REUTERS>` record says, found with plain string search (Latin-1 bytes).
struct SgmlRecord {
    newid: String,
    date: NaiveDate,
    /// The `<DATE>` has a valid time of day (one has `605:12:19.12`).
    has_time: bool,
    dateline: Option<String>,
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = s.find(open)? + open.len();
    let end = s[start..].find(close)? + start;
    Some(&s[start..end])
}

fn sgml_records(bytes: &[u8]) -> Vec<SgmlRecord> {
    let text: String = bytes.iter().map(|&b| b as char).collect();
    text.split("<REUTERS ")
        .skip(1)
        .map(|rec| {
            let newid = between(rec, "NEWID=\"", "\"").expect("NEWID").to_string();
            let raw_date = between(rec, "<DATE>", "</DATE>").expect("DATE").trim();
            let mut parts = raw_date.split_whitespace();
            let date_part = parts.next().expect("date part");
            let date = NaiveDate::parse_from_str(&date_part.to_lowercase(), "%d-%b-%Y")
                .unwrap_or_else(|_| panic!("DATE {raw_date:?}"));
            let time = parts.next().unwrap_or("").split('.').next().unwrap_or("");
            let has_time = chrono::NaiveTime::parse_from_str(time, "%H:%M:%S").is_ok();
            let dateline = between(rec, "<DATELINE>", "</DATELINE>")
                .map(str::to_string)
                .filter(|d| !d.trim().trim_matches('-').trim().is_empty());
            SgmlRecord {
                newid,
                date,
                has_time,
                dateline,
            }
        })
        .collect()
}

/// The `<DATELINE>` city as a person reads it: the text before the first comma (or before
/// the dash when there is no comma), with the words between the first and second comma as
/// its region when they hold no digit (`CANTON, Mass., March 4 -`), resolved to a place's
/// display name (the region picks Canton, Massachusetts, over Guangzhou's old name).
fn dateline_city(dateline: &str, aliases: &CityAliases) -> Option<String> {
    let s = dateline.trim();
    let mut parts = s.split(',');
    let place = match s.find(',') {
        Some(_) => parts.next().unwrap_or(s),
        None => s.split(" -").next().unwrap_or(s),
    };
    let region = parts
        .next()
        .filter(|_| s.matches(',').count() >= 2)
        .filter(|r| !r.chars().any(|c| c.is_ascii_digit()));
    parse::place::resolve(place, region, aliases).map(|p| p.city)
}

#[test]
fn reuters_every_record_date_and_dateline_city() {
    let Some(root) = corpora() else { return };
    let aliases = CityAliases::default();
    let sgm = files(&root, "reuters21578", |n| n.ends_with(".sgm"));
    assert_eq!(sgm.len(), 22, "SOURCE.md: 22 .sgm files");
    let (mut total, mut with_dateline, mut agree) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    let mut ids = HashSet::new();
    for (rel, bytes) in &sgm {
        let (format, articles) = read(rel, bytes, &aliases);
        assert_eq!(format, Format::Reuters, "{rel}");
        let expected = sgml_records(bytes);
        assert_eq!(
            articles.len(),
            expected.len(),
            "{rel}: one article per record"
        );
        for (a, e) in articles.iter().zip(&expected) {
            total += 1;
            assert_eq!(a.id, format!("{rel}#{}", e.newid));
            assert!(ids.insert(a.id.clone()), "duplicate id {}", a.id);
            assert_eq!(a.date, Some(e.date), "{}: <DATE> not parsed", a.id);
            assert_eq!(a.published.is_some(), e.has_time, "{}: time kept", a.id);
            if let Some(d) = &e.dateline {
                with_dateline += 1;
                let want = dateline_city(d, &aliases);
                if a.city == want {
                    agree += 1;
                } else {
                    misses.push(format!(
                        "{}: <DATELINE>{d:?} expected {want:?}, read {:?}",
                        a.id, a.city
                    ));
                }
            }
        }
    }
    let share = agree as f64 / with_dateline as f64;
    println!(
        "Reuters-21578: {total} articles, {with_dateline} with a <DATELINE>, city agreement \
         {agree}/{with_dateline} = {:.3}%; {} misses:",
        share * 100.0,
        misses.len()
    );
    for m in &misses {
        println!("  {m}");
    }
    assert_eq!(total, 21_578, "SOURCE.md: 21,578 records");
    assert_eq!(
        with_dateline, 19_042,
        "SOURCE.md: 19,042 non-empty <DATELINE>"
    );
    assert!(share >= 0.995, "city agreement {share:.4} below 99.5%");
}

#[test]
fn polnear_every_article_dated() {
    let Some(root) = corpora() else { return };
    let aliases = CityAliases::default();
    let meta = std::fs::read_to_string(root.join("polnear/data/metadata.tsv")).expect("metadata");
    let published: HashMap<String, NaiveDate> = meta
        .lines()
        .skip(1)
        .filter_map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (c.len() > 5 && c[0] != "parc3-replication").then(|| (c[1].to_string(), day(c[5])))
        })
        .collect();
    let texts = files(&root, "polnear/data", |n| n.ends_with(".txt"));
    let texts: Vec<_> = texts
        .into_iter()
        .filter(|(rel, _)| rel.contains("/text/"))
        .collect();
    assert_eq!(texts.len(), 1_012, "SOURCE.md: 1,012 article texts");
    let (mut same, mut dateline_dated, mut cities) = (0, Vec::new(), 0);
    for (rel, bytes) in &texts {
        let (format, articles) = read(rel, bytes, &aliases);
        assert_eq!(format, Format::Wire, "{rel}");
        assert_eq!(articles.len(), 1);
        let a = &articles[0];
        let stem = rel.rsplit('/').next().unwrap().trim_end_matches(".txt");
        let want = published[stem];
        let got = a.date.unwrap_or_else(|| panic!("{rel}: no date"));
        cities += usize::from(a.city.is_some());
        if got == want {
            same += 1;
        } else {
            // Only a dateline that carries its own day may move the date off the file name's.
            dateline_dated.push(format!("{stem}: dateline says {got}, metadata {want}"));
            let body_start: String = a.body.chars().take(200).collect();
            assert!(
                body_start.contains(&format!(" {}", got.format("%-d"))),
                "{rel}: date {got} neither the metadata's {want} nor in the dateline"
            );
        }
    }
    println!(
        "PolNeAR: {} articles, all dated; {same} equal to metadata.tsv, {} dated by their \
         dateline's day; {cities} with a dateline city",
        texts.len(),
        dateline_dated.len()
    );
    for d in &dateline_dated {
        println!("  {d}");
    }
}

#[test]
fn basil_every_article_dated() {
    let Some(root) = corpora() else { return };
    let aliases = CityAliases::default();
    let docs = files(&root, "basil/articles", |n| n.ends_with(".json"));
    assert_eq!(docs.len(), 300, "SOURCE.md: 300 articles");
    let mut cities = BTreeMap::new();
    for (rel, bytes) in &docs {
        let (format, articles) = read(rel, bytes, &aliases);
        assert_eq!(format, Format::Json, "{rel}");
        assert_eq!(articles.len(), 1);
        let a = &articles[0];
        let v: serde_json::Value = serde_json::from_slice(bytes).expect("BASIL json");
        assert_eq!(a.date, Some(day(v["date"].as_str().unwrap())), "{rel}");
        let title = v["title"].as_str().unwrap_or("");
        if !title.trim().is_empty() {
            assert_eq!(
                a.title,
                title.split_whitespace().collect::<Vec<_>>().join(" ")
            );
        }
        assert!(!a.body.is_empty(), "{rel}: body");
        if let Some(c) = &a.city {
            *cities.entry(c.clone()).or_insert(0) += 1;
        }
    }
    let n: usize = cities.values().sum();
    println!("BASIL: 300 articles, all dated; {n} with a dateline city: {cities:?}");
}

#[test]
fn bsnlp_every_dated_document_dated() {
    let Some(root) = corpora() else { return };
    let aliases = CityAliases::default();
    let docs = files(&root, "bsnlp2021-slavic-news", |n| n.ends_with(".txt"));
    assert_eq!(docs.len(), 1_270, "SOURCE.md: ru 861 + uk 409");
    let (mut dated, mut undated, mut by_lang) = (0, 0, BTreeMap::new());
    let mut by_dateline = Vec::new();
    for (rel, bytes) in &docs {
        let (format, articles) = read(rel, bytes, &aliases);
        assert_eq!(format, Format::Bsnlp, "{rel}");
        assert_eq!(articles.len(), 1);
        let a = &articles[0];
        let text = String::from_utf8_lossy(bytes);
        let header_date = text.lines().nth(2).unwrap_or("").trim().to_string();
        if header_date.is_empty() {
            undated += 1;
            // The body's own dateline (`Брюссель, 16 вересня 2002 -`) is the only other source.
            if let Some(d) = a.date {
                assert!(
                    a.city.is_some(),
                    "{rel}: dated {d} without header or dateline"
                );
                by_dateline.push(format!("{rel}: {d} from the dateline of {:?}", a.city_raw));
            }
        } else {
            dated += 1;
            let got = a
                .date
                .unwrap_or_else(|| panic!("{rel}: {header_date:?} not read"));
            if header_date.len() >= 10 && header_date.as_bytes()[4] == b'-' {
                assert_eq!(got, day(&header_date[..10]), "{rel}");
            }
        }
        *by_lang
            .entry(a.language.clone().unwrap_or_default())
            .or_insert(0) += 1;
    }
    println!(
        "BSNLP: {dated} dated by their header, {undated} with an empty date line ({} of them \
         dated by a dateline); languages {by_lang:?}",
        by_dateline.len()
    );
    for d in &by_dateline {
        println!("  {d}");
    }
    assert_eq!(
        undated, 116,
        "SOURCE.md and the header lines: 116 empty date lines"
    );
    assert_eq!(by_lang.get("ru"), Some(&861));
    assert_eq!(by_lang.get("uk"), Some(&409));
}

/// Hand-labelled datelines: `path<TAB>city<TAB>region`, city and region empty when the
/// article has no dateline. The path is relative to `../shared/corpora`.
#[test]
fn hand_labelled_ap_style_datelines() {
    let Some(root) = corpora() else { return };
    let aliases = CityAliases::default();
    let labels = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ap_datelines.tsv"),
    )
    .expect("labels");
    let (mut n, mut right, mut with_city) = (0, 0, 0);
    let mut wrong = Vec::new();
    for line in labels
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let c: Vec<&str> = line.split('\t').collect();
        let (rel, city, region) = (c[0], c[1], c.get(2).copied().unwrap_or(""));
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let bytes = std::fs::read(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let (_, articles) = read(rel, &bytes, &aliases);
        let a = &articles[0];
        n += 1;
        with_city += usize::from(!city.is_empty());
        // Regions are labelled as the article spells them (`S.C.`); dateline shows them in
        // full (`South Carolina`), so the label is compared in that form.
        let region = opt(region).and_then(|r| parse::place::region(&r).map(|r| r.name));
        if a.city == opt(city) && a.region == region {
            right += 1;
        } else {
            wrong.push(format!(
                "{rel}: labelled {city:?}/{region:?} (in full), read {:?}/{:?}",
                a.city, a.region
            ));
        }
    }
    let share = right as f64 / n as f64;
    println!(
        "hand-labelled datelines: {right}/{n} right ({:.1}%), {with_city} labelled with a city",
        share * 100.0
    );
    for w in &wrong {
        println!("  {w}");
    }
    assert!(
        n >= 50 && with_city >= 50,
        "need at least 50 labelled datelines"
    );
    assert!(share >= 0.98, "dateline accuracy {share:.3} below 98%");
}

/// `cocoa` in March 1987 by city, through the real binary and index, against counts taken
/// straight from the SGML: records dated March 1987 whose title or body has the word.
#[test]
fn reuters_cocoa_march_1987_city_facets_match_the_sgml() {
    let Some(root) = corpora() else { return };
    let dir = root.join("reuters21578");
    let word = regex::Regex::new(r"(?i)\bcocoas?\b").unwrap();
    let tag = |rec: &str, name: &str| -> Option<String> {
        let open = format!("<{name}>");
        let start = rec.find(&open)? + open.len();
        let end = rec[start..].find(&format!("</{name}>"))? + start;
        Some(rec[start..end].to_string())
    };
    let aliases = CityAliases::default();
    let mut expected: BTreeMap<String, u64> = BTreeMap::new();
    let mut total = 0u64;
    for (_, bytes) in files(&root, "reuters21578", |n| n.ends_with(".sgm")) {
        let text: String = bytes.iter().map(|&b| b as char).collect(); // Latin-1
        for rec in text.split("<REUTERS").skip(1) {
            let Some(date) = tag(rec, "DATE") else {
                continue;
            };
            if !date.contains("-MAR-1987") {
                continue;
            }
            let title = tag(rec, "TITLE").unwrap_or_default();
            let body = tag(rec, "BODY").unwrap_or_else(|| tag(rec, "TEXT").unwrap_or_default());
            if !word.is_match(&title) && !word.is_match(&body) {
                continue;
            }
            total += 1;
            if let Some(city) = tag(rec, "DATELINE")
                .filter(|d| !d.trim().trim_matches('-').trim().is_empty())
                .and_then(|d| dateline_city(&d, &aliases))
            {
                *expected.entry(city).or_default() += 1;
            }
        }
    }
    assert!(total > 0);
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    let out = common::run(
        &index,
        &["index", dir.to_str().unwrap(), "--glob", "*.sgm", "--json"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report = out.json();
    // One of the 21,578 records (reut2-012.sgm, NEWID 12793) has no text at all: it is
    // left out and said so.
    assert_eq!(report["indexed"], 21_577);
    assert_eq!(report["formats"]["reuters"], 21_577);
    assert_eq!(
        report["not_articles"],
        serde_json::json!([{"path": "reut2-012.sgm#12793", "reason": "a record with no text"}])
    );
    let (code, v) = common::search(
        &index,
        &[
            "cocoa",
            "--from",
            "1987-03",
            "--to",
            "1987-03",
            "--facet",
            "city",
            "--facet-limit",
            "0",
            "--limit",
            "0",
        ],
    );
    assert_eq!(code, 0);
    let got = common::facet(&v, "city");
    println!("cocoa, March 1987: {total} stories; by city {got:?}");
    assert_eq!(v["total"], total);
    assert_eq!(got, expected);
}

/// Issue 15, places: on Reuters, PolNeAR, BASIL and BSNLP no city, region or country value
/// differs from another only in case, none of the junk datelines the issue lists is a city,
/// every Reuters city is a gazetteer place's name or a name in canonical case, and a city
/// of the gazetteer carries its country and coordinates.
#[test]
fn places_are_one_value_per_place_on_every_corpus() {
    let Some(root) = corpora() else { return };
    let aliases = CityAliases::default();
    /// Name, folder, which files are articles.
    type Corpus = (&'static str, &'static str, fn(&str) -> bool);
    let corpora: [Corpus; 4] = [
        ("reuters", "reuters21578", |n| n.ends_with(".sgm")),
        ("polnear", "polnear/data", |n| n.ends_with(".txt")),
        ("basil", "basil/articles", |n| n.ends_with(".json")),
        ("bsnlp", "bsnlp2021-slavic-news", |n| n.ends_with(".txt")),
    ];
    let junk = [
        "Tue",
        "Today",
        "Wheat",
        "Silver",
        "Lead",
        "Copper Grade A",
        "Gradings",
        "(Totals",
        "****london",
        "Federal Express Corp",
        "Моcква",
        "Брюссель. Казинформ",
    ];
    for (corpus, dir, keep) in corpora {
        let mut values: BTreeMap<&str, BTreeMap<String, u64>> = BTreeMap::new();
        for (rel, bytes) in files(&root, dir, keep) {
            for a in read(&rel, &bytes, &aliases).1 {
                for (facet, value) in [
                    ("city", &a.city),
                    ("region", &a.region),
                    ("country", &a.country),
                ] {
                    if let Some(v) = value {
                        *values
                            .entry(facet)
                            .or_default()
                            .entry(v.clone())
                            .or_default() += 1;
                    }
                }
                if let Some(city) = &a.city {
                    assert!(!junk.contains(&city.as_str()), "{corpus}: junk city {city}");
                    assert_eq!(a.country.is_some(), a.country_code.is_some());
                    if a.lat.is_some() {
                        assert!(
                            a.country.is_some(),
                            "{}: {city} placed but no country",
                            a.id
                        );
                    }
                }
            }
        }
        for (facet, counts) in &values {
            let mut by_case: HashMap<String, Vec<&str>> = HashMap::new();
            for v in counts.keys() {
                by_case.entry(v.to_lowercase()).or_default().push(v);
            }
            let split: Vec<_> = by_case.values().filter(|v| v.len() > 1).collect();
            assert!(
                split.is_empty(),
                "{corpus} {facet}: values differ only in case: {split:?}"
            );
            let mut top: Vec<(&String, &u64)> = counts.iter().collect();
            top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let top: Vec<String> = top
                .iter()
                .take(15)
                .map(|(v, n)| format!("{v} {n}"))
                .collect();
            println!(
                "{corpus} {facet}: {} values; top: {}",
                counts.len(),
                top.join(", ")
            );
        }
        if corpus == "reuters" {
            for city in values["city"].keys() {
                let place = parse::place::resolve(city, None, &aliases);
                let gazetteer = place.is_some_and(|p| p.coordinates.is_some() && &p.city == city);
                assert!(
                    gazetteer || parse::place::canonical_case(city) == *city,
                    "Reuters city {city:?} is neither a gazetteer place nor in canonical case"
                );
            }
        }
    }
}

/// dateline's `en_stem` (one tokenizer with a stem cache) gives the tokens of tantivy's own
/// `en_stem` chain on real text in six corpora and three scripts: same text, offsets and
/// positions. Each corpus's files are read in order up to 2 MB, markup and all.
#[test]
fn en_stem_tokens_match_tantivy_on_every_corpus() {
    use tantivy::tokenizer::{TextAnalyzer, Token, TokenizerManager};
    let Some(root) = corpora() else { return };
    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while let Some(t) = stream.next() {
            out.push(t.clone());
        }
        out
    }
    let mut builtin = TokenizerManager::default()
        .get("en_stem")
        .expect("tantivy has en_stem");
    let mut ours = dateline::analyzer::en_stem();
    let mut total = 0;
    for corpus in [
        "reuters21578",
        "polnear",
        "basil",
        "bsnlp2021-slavic-news",
        "brown-uk-press",
        "ru-news-ods-samples",
    ] {
        let mut bytes_read = 0;
        let mut compared = 0;
        for (rel, bytes) in files(&root, corpus, |_| true) {
            if bytes_read > 2 << 20 {
                break;
            }
            bytes_read += bytes.len();
            let text = String::from_utf8_lossy(&bytes);
            let want = tokens(&mut builtin, &text);
            assert_eq!(tokens(&mut ours, &text), want, "{rel}");
            compared += want.len();
        }
        assert!(compared > 1_000, "{corpus}: only {compared} tokens");
        total += compared;
    }
    eprintln!("{total} tokens compared");
}

/// Issue 15, one person, one name: the speaker facet of each corpus's articles, indexed in
/// memory, has no value that differs from another only in case or apostrophe, none of the
/// wrong speakers found there before (a title, office, place, organisation fragment or
/// filler word given as a person), and folds the forms of one person that were apart.
#[test]
fn speaker_facets_name_each_person_once() {
    use dateline::{DatelineIndex, FacetField, QuoteRequest};
    let Some(root) = corpora() else { return };
    let aliases = CityAliases::default();
    let wrong: &[&str] = &[
        "Exchequer Nigel Lawson",
        "See Sexton",
        "Islamic",
        "Bank",
        "Co",
        "Tokyo",
        "New York",
        "Former Obama",
        "Hill",
        "Families Belong Together",
        "House Intelligence Committee",
        "U.S. Silas",
        "Energy Subroto",
        "Plus Obama",
        "Германии Хайко Маас",
        "США Дональд Трамп",
        "Также Трамп",
    ];
    type Keep = fn(&str) -> bool;
    let corpora: [(&str, Keep); 4] = [
        ("reuters21578", |n| n.ends_with(".sgm")),
        ("polnear/data", |n| n.ends_with(".txt")),
        ("basil/articles", |n| n.ends_with(".json")),
        ("bsnlp2021-slavic-news", |n| n.ends_with(".txt")),
    ];
    let mut all = BTreeMap::new();
    for (dir, keep) in corpora {
        let index = DatelineIndex::create_in_ram().unwrap();
        let mut articles = Vec::new();
        let mut ids = HashSet::new();
        for (rel, bytes) in files(&root, dir, keep) {
            for a in read(&rel, &bytes, &aliases).1 {
                // PolNeAR holds one text per annotator: each article once.
                if ids.insert(a.id.clone()) {
                    articles.push(a);
                }
            }
        }
        index.add_articles(&articles).unwrap();
        let mut req = QuoteRequest::new("");
        req.facets = vec![FacetField::Speaker];
        req.facet_limit = 0;
        req.page.limit = 0;
        let values = index.search_quotes(&req).unwrap().facets[&FacetField::Speaker].clone();
        assert!(values.len() > 50, "{dir}: {} speakers", values.len());
        let mut seen: HashMap<String, String> = HashMap::new();
        for v in &values {
            let key = v.value.to_lowercase().replace(['’', 'ʼ', '‘'], "'");
            if let Some(other) = seen.insert(key, v.value.clone()) {
                panic!("{dir}: {other:?} and {:?} are one speaker", v.value);
            }
            assert!(!wrong.contains(&v.value.as_str()), "{dir}: {:?}", v.value);
        }
        all.insert(dir, values);
    }
    let has = |dir: &str, who: &str| all[dir].iter().any(|v| v.value == who);
    // Apart before: `Obama` 96 / `Barack Obama` 81, `Donald J. Trump` 81 / `Donald Trump`.
    assert!(has("polnear/data", "Barack Obama") && !has("polnear/data", "Obama"));
    assert!(has("polnear/data", "Donald Trump") && !has("polnear/data", "Donald J. Trump"));
    // A suffix is another person.
    assert!(has("basil/articles", "Donald Trump Jr.") && has("basil/articles", "Donald Trump"));
    // `Chancellor of the Exchequer Nigel Lawson` is Nigel Lawson, Reuters' third most quoted.
    assert!(all["reuters21578"][..5]
        .iter()
        .any(|v| v.value == "Nigel Lawson"));
}

/// Lower-case, white space collapsed, surrounding quotes and punctuation trimmed: the title
/// comparison of `examples/web_eval.rs`.
fn norm_title(s: &str) -> String {
    s.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| c.is_ascii_punctuation() || "«»“”‘’".contains(c))
        .trim()
        .to_string()
}

/// Issue 17: the saved web pages against their hand-made gold (publication day, title, main
/// text), with floors just under what `examples/web_eval.rs` reports so that a regression
/// fails; then the same pages wrapped in a gzip WARC file made here read back as the same articles, each with
/// its record's id, URL and crawl time.
#[test]
fn web_pages_dates_titles_and_the_same_pages_in_a_warc() {
    let Some(root) = corpora() else { return };
    let dir = root.join("web-pages");
    let gold = std::fs::read_to_string(dir.join("gold.tsv")).expect("gold.tsv");
    // Main-text chunks by page: those that must be in the body, those that must not.
    let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chunks: HashMap<String, (Vec<String>, Vec<String>)> = HashMap::new();
    let text_gold = std::fs::read_to_string(dir.join("text_gold.jsonl")).expect("text_gold");
    for line in text_gold.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("text_gold line");
        let list = |k: &str| -> Vec<String> {
            v[k].as_array()
                .map(|a| a.iter().filter_map(|s| s.as_str()).map(collapse).collect())
                .unwrap_or_default()
        };
        let file = v["file"].as_str().expect("file").to_string();
        chunks.insert(file, (list("with"), list("without")));
    }
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let aliases = CityAliases::default();
    let (mut dated, mut exact, mut titled, mut title_exact) = (0, 0, 0, 0);
    let mut pages = Vec::new();
    for line in gold.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let (file, date, title) = (f[0], f.get(2).copied(), f.get(3).copied());
        let bytes = std::fs::read(dir.join("pages").join(file)).expect("page");
        let (format, articles) = read(file, &bytes, &aliases);
        assert_eq!((format, articles.len()), (Format::Html, 1), "{file}");
        let a = &articles[0];
        if !file.starts_with("tf") {
            continue;
        }
        if let Some(d) = date.filter(|d| !d.is_empty()) {
            dated += 1;
            exact += usize::from(a.date.map(|x| x.to_string()).as_deref() == Some(d));
        }
        if let Some(t) = title.filter(|t| !t.trim().is_empty()) {
            titled += 1;
            title_exact += usize::from(norm_title(&a.title) == norm_title(t));
        }
        if let Some((with, without)) = chunks.get(file) {
            let body = collapse(&a.body);
            let found = with.iter().filter(|c| body.contains(c.as_str())).count();
            tp += found;
            fn_ += with.len() - found;
            fp += without.iter().filter(|c| body.contains(c.as_str())).count();
        }
        if pages.len() < 40 {
            pages.push((file.to_string(), bytes, a.clone()));
        }
    }
    assert_eq!(
        (dated, titled),
        (726, 845),
        "gold.tsv as SOURCE.md describes it"
    );
    let day_share = exact as f64 / dated as f64;
    let title_share = title_exact as f64 / titled as f64;
    eprintln!("web pages: exact day {day_share:.3}, title exact {title_share:.3}");
    assert!(day_share >= 0.92, "exact day {day_share:.3}");
    assert!(title_share >= 0.74, "title exact {title_share:.3}");
    // Main text as trafilatura's evaluation scores it, pooled over the pages.
    let precision = tp as f64 / (tp + fp) as f64;
    let recall = tp as f64 / (tp + fn_) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall);
    eprintln!("web pages: main text P {precision:.3} R {recall:.3} F1 {f1:.3}");
    assert!(f1 >= 0.90, "main text F1 {f1:.3}");

    let mut gz = libflate::gzip::Encoder::new(Vec::new()).expect("gzip");
    {
        let mut w = warc::WarcWriter::new(std::io::BufWriter::new(&mut gz));
        for (file, bytes, _) in &pages {
            let mut block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".to_vec();
            block.extend_from_slice(bytes);
            let mut r = warc::Record::<warc::BufferedBody>::with_body(block);
            r.set_warc_type(warc::RecordType::Response);
            r.set_header(
                warc::WarcHeader::TargetURI,
                format!("https://example.org/{file}"),
            )
            .expect("uri");
            r.set_date("2024-05-06T07:08:09Z".parse().expect("date"));
            w.write(&r).expect("write record");
        }
    }
    let archive = gz.finish().into_result().expect("gzip end");
    let (format, articles) = read("crawl/pages.warc.gz", &archive, &aliases);
    assert_eq!(format, Format::Warc);
    assert_eq!(articles.len(), pages.len());
    let mut ids = HashSet::new();
    for (a, (file, _, page)) in articles.iter().zip(&pages) {
        assert!(
            a.id.starts_with("crawl/pages.warc.gz#urn:uuid:"),
            "{}",
            a.id
        );
        assert!(ids.insert(a.id.clone()), "ids are unique");
        assert_eq!(
            a.url.as_deref(),
            Some(format!("https://example.org/{file}").as_str())
        );
        assert_eq!(a.crawled.as_deref(), Some("2024-05-06T07:08:09Z"));
        assert_eq!(
            (&a.title, &a.body, a.date),
            (&page.title, &page.body, page.date),
            "{file}"
        );
    }
}
