//! The benchmark corpus: N deterministic, seed-format news articles (`YYYY/MM/NNNNNNN.txt`)
//! and the same articles as NDJSON for the peers. No external data: the vocabulary is a
//! built-in list of common words followed by pseudo-words drawn with a Zipf law, and a few
//! topical words and phrases are planted at fixed rates so queries have known selectivity.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use chrono::{Datelike, Duration, NaiveDate};
use dateline::parse::CityAliases;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// Bumped whenever the generated text changes, so an old corpus on disk is not reused.
const GENERATOR_VERSION: u32 = 1;
/// Seed of every run: the corpus for a given N is the same on every machine.
const SEED: u64 = 0x0da7_e11e_2023_0306;
/// Size of the Zipf vocabulary (common words plus pseudo-words).
const VOCABULARY: usize = 50_000;
/// Zipf exponent: close to what English news text shows.
const ZIPF_S: f64 = 1.07;
/// Articles generated and written per step, so memory stays flat whatever N is.
const CHUNK: usize = 8_192;

/// Words and phrases planted at known rates: (text, share of articles that contain it).
/// No Zipf word equals any of their words, so these are the exact document frequencies.
pub const PLANTED: &[(&str, f64)] = &[
    ("election", 0.10),
    ("harvest", 0.05),
    ("bakhmut", 0.02),
    ("grain corridor", 0.01),
    ("power outages", 0.005),
];

/// One article as the peers read it (one NDJSON line).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NdArticle {
    /// Path relative to the articles root: dateline's id.
    pub id: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Display form of the dateline city (what dateline shows after aliasing).
    pub city: String,
    /// First sentence of the body (dateline's title for seed files).
    pub title: String,
    /// Paragraphs separated by blank lines.
    pub body: String,
    /// Quoted speech, as dateline extracts it.
    pub quotes: Vec<String>,
}

/// Where a generated corpus lives and what it holds.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct CorpusInfo {
    /// Articles.
    pub n: usize,
    /// Generator version that wrote it.
    pub version: u32,
    /// Bytes of article files.
    pub bytes: u64,
    /// Seconds it took to generate (on the run that generated it).
    pub generated_secs: f64,
}

/// Paths of a corpus under its root directory.
pub struct Corpus {
    /// `ROOT/articles`: the `YYYY/MM/` tree of seed files.
    pub articles: PathBuf,
    /// `ROOT/articles.ndjson`.
    pub ndjson: PathBuf,
    /// What was generated.
    pub info: CorpusInfo,
    /// Whether this run reused a corpus already on disk.
    pub reused: bool,
}

/// Generates the corpus under `root`, or reuses it when one of the same N and generator
/// version is already there.
pub fn ensure(root: &Path, n: usize) -> Result<Corpus> {
    let articles = root.join("articles");
    let ndjson = root.join("articles.ndjson");
    let marker = root.join("corpus.json");
    if let Ok(text) = fs::read_to_string(&marker) {
        if let Ok(info) = serde_json::from_str::<CorpusInfo>(&text) {
            if info.n == n && info.version == GENERATOR_VERSION && ndjson.is_file() {
                let corpus = Corpus {
                    articles: articles.clone(),
                    ndjson: ndjson.clone(),
                    info,
                    reused: true,
                };
                // The NDJSON holds what dateline's parser read when it was generated; if the
                // parser has changed since, the peers would index other text.
                match check_parity(&corpus, 200) {
                    Ok(()) => return Ok(corpus),
                    Err(e) => eprintln!("[bench] corpus: regenerating ({e:#})"),
                }
            }
        }
    }
    let started = Instant::now();
    // A partial or older corpus is replaced whole.
    let _ = fs::remove_file(&marker);
    if articles.exists() {
        fs::remove_dir_all(&articles)
            .with_context(|| format!("removing {}", articles.display()))?;
    }
    fs::create_dir_all(&articles).with_context(|| format!("creating {}", articles.display()))?;
    let vocab = Vocabulary::new();
    let aliases = CityAliases::default();
    let mut out = BufWriter::new(
        File::create(&ndjson).with_context(|| format!("creating {}", ndjson.display()))?,
    );
    let mut bytes = 0u64;
    let mut made_dirs = std::collections::HashSet::new();
    for start in (0..n).step_by(CHUNK) {
        let end = (start + CHUNK).min(n);
        let generated: Vec<(PathBuf, String, NdArticle)> = (start..end)
            .into_par_iter()
            .map(|i| {
                let (text, art) = article(&vocab, &aliases, i);
                (articles.join(&art.id), text, art)
            })
            .collect();
        for (path, _, _) in &generated {
            let dir = path.parent().expect("file in a folder").to_path_buf();
            if made_dirs.insert(dir.clone()) {
                fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
            }
        }
        bytes += generated
            .par_iter()
            .map(|(path, text, _)| {
                fs::write(path, text).with_context(|| format!("writing {}", path.display()))?;
                Ok(text.len() as u64)
            })
            .collect::<Result<Vec<u64>>>()?
            .iter()
            .sum::<u64>();
        for (_, _, art) in &generated {
            serde_json::to_writer(&mut out, art)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    let info = CorpusInfo {
        n,
        version: GENERATOR_VERSION,
        bytes,
        generated_secs: started.elapsed().as_secs_f64(),
    };
    let corpus = Corpus {
        articles,
        ndjson,
        info,
        reused: false,
    };
    check_parity(&corpus, 200)?;
    fs::write(&marker, serde_json::to_string_pretty(&corpus.info)?)?;
    Ok(corpus)
}

/// SplitMix64: tiny, fast, and the same on every platform and crate version.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        let mut r = Rng(seed);
        r.next();
        r
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64 * n as f64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Common English and news words, most frequent first: the head of the Zipf curve.
const COMMON: &str = "the of and to a in that is for on said it with was as by at from his \
he be have has are an not this but they were had their its who which after been also more \
will one would about there up than other two new first year people government over into \
when last can out all some her she we could president minister city officials country \
state military forces war region said percent time while against since during between \
three before under police week told because according made called told may most security \
local public group million years support national report news many including months \
people force team added part only former just says like where what them him those such \
through both long day days back still even any because four including each several well \
officials meeting plan border troops capital talks foreign economic market prices company \
health water schools hospital workers families children residents village road bridge \
train airport energy gas oil fuel bank budget court judge law parliament party vote \
campaign leader leaders council mayor governor army navy attack attacks shelling drones \
missile missiles strike strikes ceasefire peace aid funding exports imports farmers wheat \
crops weather winter summer spring autumn morning evening night hours minutes statement \
spokesman spokeswoman office ministry agency committee project program system services \
industry factory plant jobs wages tax taxes reform reforms investigation evidence trial \
sentence prison protest protests crowd square street streets district province area \
areas towns villages front line lines positions defence defense sanctions trade deal \
agreement treaty summit visit delegation embassy ambassador relations allies partners";

/// Words planted by hand; the Zipf vocabulary never contains them.
const RESERVED: &[&str] = &[
    "election", "harvest", "bakhmut", "grain", "corridor", "power", "outages",
];

const SYLLABLES: &[&str] = &[
    "ka", "ro", "mi", "len", "tor", "va", "sel", "dun", "pra", "ko", "lin", "mar", "ves", "ta",
    "ber", "nos", "gri", "pol", "den", "sha", "vi", "lo", "tre", "mon", "ad", "ex", "un", "re",
    "ston", "quil", "bar", "fen", "ric", "dal", "or", "em", "is", "ul", "cal", "ner", "hov", "zin",
    "pet", "bru", "gal", "sim", "tov", "har", "ly", "ment", "tion", "ing", "er", "ous",
];

const CITIES: &[(&str, &[&str])] = &[
    ("Kyiv", &["Kyiv", "KYIV", "Kiev"]),
    ("Kharkiv", &["Kharkiv", "Kharkov"]),
    ("Odesa", &["Odesa", "Odessa"]),
    ("Lviv", &["Lviv"]),
    ("Dnipro", &["Dnipro"]),
    ("Zaporizhzhia", &["Zaporizhzhia"]),
    ("Mykolaiv", &["Mykolaiv"]),
    ("Kherson", &["Kherson"]),
    ("Donetsk", &["Donetsk"]),
    ("Warsaw", &["Warsaw"]),
    ("Berlin", &["Berlin"]),
    ("Paris", &["Paris"]),
    ("London", &["London"]),
    ("Brussels", &["Brussels"]),
    ("Washington", &["Washington", "WASHINGTON"]),
    ("New York", &["New York"]),
    ("Moscow", &["Moscow"]),
    ("Istanbul", &["Istanbul"]),
    ("Vienna", &["Vienna"]),
    ("Geneva", &["Geneva"]),
    ("Rome", &["Rome"]),
    ("Madrid", &["Madrid"]),
    ("Prague", &["Prague"]),
    ("Budapest", &["Budapest"]),
    ("Bucharest", &["Bucharest"]),
    ("Vilnius", &["Vilnius"]),
    ("Riga", &["Riga"]),
    ("Tallinn", &["Tallinn"]),
    ("Helsinki", &["Helsinki"]),
    ("Stockholm", &["Stockholm"]),
    ("Oslo", &["Oslo"]),
    ("Copenhagen", &["Copenhagen"]),
    ("Amsterdam", &["Amsterdam"]),
    ("Tokyo", &["Tokyo"]),
    ("Beijing", &["Beijing"]),
    ("New Delhi", &["New Delhi"]),
    ("Cairo", &["Cairo"]),
    ("Nairobi", &["Nairobi"]),
    ("Ottawa", &["Ottawa"]),
    ("Chisinau", &["Chisinau"]),
];

const FIRST_NAMES: &[&str] = &[
    "Olena",
    "Mykola",
    "Iryna",
    "Andriy",
    "Oksana",
    "Taras",
    "Natalia",
    "Serhiy",
    "Yulia",
    "Dmytro",
    "Anna",
    "Pavlo",
    "Maria",
    "Viktor",
    "Sofia",
    "Oleksandr",
    "Kateryna",
    "Ivan",
    "Michael",
    "Sarah",
    "Thomas",
    "Claire",
    "Marek",
    "Agnieszka",
    "Jan",
    "Eva",
    "Lars",
    "Ingrid",
    "Ahmed",
    "Leila",
    "Kenji",
    "Mei",
];

const LAST_NAMES: &[&str] = &[
    "Koval",
    "Shevchenko",
    "Bondarenko",
    "Tkachenko",
    "Kravchenko",
    "Melnyk",
    "Boyko",
    "Kovalenko",
    "Oliynyk",
    "Lysenko",
    "Marchenko",
    "Savchenko",
    "Rudenko",
    "Moroz",
    "Kofman",
    "Miller",
    "Dubois",
    "Nowak",
    "Kowalski",
    "Novak",
    "Andersen",
    "Larsen",
    "Hassan",
    "Tanaka",
    "Chen",
    "Fischer",
    "Rossi",
    "Garcia",
    "Horvath",
    "Popescu",
    "Kyrylenko",
    "Petrenko",
];

const ROLES: &[&str] = &[
    "a city official",
    "the regional governor",
    "a spokesman for the ministry",
    "an analyst at a Kyiv research center",
    "a local farmer",
    "a member of parliament",
    "the mayor",
    "a senior military officer",
    "a shop owner in the city center",
    "an economist",
    "a volunteer with a relief group",
    "a school teacher",
    "the head of the village council",
    "a diplomat who asked not to be named",
];

/// The Zipf vocabulary and its cumulative weights.
struct Vocabulary {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

impl Vocabulary {
    fn new() -> Vocabulary {
        let mut seen = std::collections::HashSet::new();
        let mut words = Vec::with_capacity(VOCABULARY);
        for w in COMMON.split_whitespace() {
            if !RESERVED.contains(&w) && seen.insert(w.to_string()) {
                words.push(w.to_string());
            }
        }
        let mut rng = Rng::new(SEED ^ 0x5eed);
        while words.len() < VOCABULARY {
            let syllables = rng.range(2, 4);
            let w: String = (0..syllables).map(|_| *rng.pick(SYLLABLES)).collect();
            if !RESERVED.contains(&w.as_str()) && seen.insert(w.clone()) {
                words.push(w);
            }
        }
        let mut total = 0.0;
        let cumulative = (0..words.len())
            .map(|rank| {
                total += 1.0 / ((rank + 1) as f64).powf(ZIPF_S);
                total
            })
            .collect();
        Vocabulary { words, cumulative }
    }

    fn word(&self, rng: &mut Rng) -> &str {
        let total = *self.cumulative.last().expect("non-empty vocabulary");
        let u = rng.unit() * total;
        let i = self.cumulative.partition_point(|&c| c < u);
        &self.words[i.min(self.words.len() - 1)]
    }
}

/// A sentence of Zipf words, with `planted` put in at a random place; no final stop.
fn sentence(vocab: &Vocabulary, rng: &mut Rng, planted: Option<&str>) -> String {
    let len = rng.range(9, 24);
    let mut words: Vec<&str> = (0..len).map(|_| vocab.word(rng)).collect();
    if let Some(p) = planted {
        let at = rng.below(words.len() + 1);
        words.insert(at, p);
    }
    if rng.chance(0.25) {
        let at = rng.range(1, words.len() - 1);
        words.insert(at, rng.pick(CITIES).0);
    }
    let mut s = String::with_capacity(len * 7);
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            s.push(' ');
            if i > 3 && i + 3 < words.len() && rng.chance(0.06) {
                s.pop();
                s.push_str(", ");
            }
        }
        s.push_str(w);
    }
    // Capitalise the first letter.
    if let Some(c) = s.chars().next() {
        let upper: String = c.to_uppercase().collect();
        s.replace_range(..c.len_utf8(), &upper);
    }
    s
}

/// Article `i`: the file's text and the NDJSON record.
fn article(vocab: &Vocabulary, aliases: &CityAliases, i: usize) -> (String, NdArticle) {
    let mut rng = Rng::new(SEED ^ (i as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
    let first = NaiveDate::from_ymd_opt(2015, 1, 1).expect("valid date");
    let days = (NaiveDate::from_ymd_opt(2025, 1, 1).expect("valid date") - first).num_days();
    let date = first + Duration::days(rng.below(days as usize) as i64);
    // City popularity falls off like the words do: Kyiv far more often than Chisinau.
    let city_rank = {
        let u = rng.unit();
        ((CITIES.len() as f64).powf(u) - 1.0) as usize
    };
    let (city, spellings) = CITIES[city_rank.min(CITIES.len() - 1)];
    let raw = if spellings.len() > 1 && rng.chance(0.15) {
        spellings[rng.range(1, spellings.len() - 1)]
    } else {
        spellings[0]
    };

    let paragraphs = rng.range(6, 10);
    let quote_paras = rng.range(1, 3);
    // Which paragraphs hold quotes (never the first: it carries the title).
    let mut is_quote = vec![false; paragraphs];
    for _ in 0..quote_paras {
        is_quote[rng.range(1, paragraphs - 1)] = true;
    }
    // Planted words: each chosen article gets 1–3 occurrences in random paragraphs.
    let mut plants: Vec<Vec<&str>> = vec![Vec::new(); paragraphs];
    for &(text, share) in PLANTED {
        if rng.chance(share) {
            for _ in 0..rng.range(1, 3) {
                plants[rng.below(paragraphs)].push(text);
            }
        }
    }

    let mut body = String::with_capacity(2400);
    for p in 0..paragraphs {
        if p > 0 {
            body.push_str("\n\n");
        }
        let mut planted = plants[p].iter().copied();
        if is_quote[p] {
            let said = sentence(vocab, &mut rng, planted.next());
            let name = format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES));
            let role = rng.pick(ROLES);
            if rng.chance(0.5) {
                body.push_str(&format!("“{said},” said {name}, {role}."));
            } else {
                body.push_str(&format!("{name}, {role}, said: “{said}.”"));
            }
        }
        let sentences = if is_quote[p] {
            rng.range(0, 1)
        } else {
            rng.range(2, 3)
        };
        for s in 0..sentences {
            if is_quote[p] || s > 0 {
                body.push(' ');
            }
            body.push_str(&sentence(vocab, &mut rng, planted.next()));
            body.push('.');
        }
        // Planted words left over go into one more sentence.
        for extra in planted {
            body.push(' ');
            body.push_str(&sentence(vocab, &mut rng, Some(extra)));
            body.push('.');
        }
    }
    let id = format!("{:04}/{:02}/{i:07}.txt", date.year(), date.month());
    let text = format!("date {date} {raw}: {body}\n");
    // The peers get exactly what dateline reads from the file (title, quotes, city as
    // displayed), so every engine indexes the same words.
    let a = dateline::parse::parse(dateline::Format::Seed, &id, text.as_bytes(), aliases)
        .expect("generated articles parse")
        .remove(0);
    debug_assert_eq!(a.body, body);
    debug_assert_eq!(a.city.as_deref(), Some(city));
    let record = NdArticle {
        id,
        date: date.to_string(),
        city: a.city.unwrap_or_default(),
        title: a.title,
        body: a.body,
        quotes: a.quotes.into_iter().map(|q| q.text).collect(),
    };
    (text, record)
}

/// Checks that dateline reads the first `k` generated files exactly as the NDJSON records
/// say (body, city, title, quotes), so every peer indexes the same text; returns the first
/// difference found.
fn check_parity(corpus: &Corpus, k: usize) -> Result<()> {
    let file = std::io::BufReader::new(File::open(&corpus.ndjson)?);
    for line in std::io::BufRead::lines(file).take(k) {
        let line = line?;
        let rec: NdArticle = serde_json::from_str(&line)?;
        let bytes = fs::read(corpus.articles.join(&rec.id))?;
        let parsed = dateline::parse::parse(
            dateline::Format::Seed,
            &rec.id,
            &bytes,
            &dateline::parse::CityAliases::default(),
        )?;
        let a = &parsed[0];
        let quotes: Vec<&str> = a.quotes.iter().map(|q| q.text.as_str()).collect();
        anyhow::ensure!(a.body == rec.body, "{}: body differs", rec.id);
        anyhow::ensure!(a.title == rec.title, "{}: title differs", rec.id);
        anyhow::ensure!(
            a.city.as_deref() == Some(rec.city.as_str()),
            "{}: city {:?} != {:?}",
            rec.id,
            a.city,
            rec.city
        );
        anyhow::ensure!(
            a.date.map(|d| d.to_string()).as_deref() == Some(rec.date.as_str()),
            "{}: date differs",
            rec.id
        );
        anyhow::ensure!(
            quotes == rec.quotes,
            "{}: quotes {:?} != {:?}",
            rec.id,
            quotes,
            rec.quotes
        );
    }
    Ok(())
}
