//! The benchmark harness behind `examples/bench.rs` and `tests/bench_smoke.rs`: generates the
//! corpus, builds dateline's index with the real binary and the peers' indexes in child
//! processes of this same executable (`--peer ...`), times queries in-process and as whole
//! processes, and reports medians, ratios and the targets of issue 5. It measures only; it
//! never changes the library.

pub mod corpus;
pub mod fts5_peer;
pub mod measure;
pub mod report;
pub mod tantivy_peer;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Instant, SystemTime};

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use dateline::date::{Interval, PartialDate};
use dateline::{DatelineIndex, FacetField, Filters, Page, SearchRequest, Sort};

use measure::{median, percentile, ProcStats};
use report::{BuildRow, EngineLatency, ProcessRow, QueryRow, Report};

/// Memory budget of the tantivy writers (dateline's default) and SQLite's page cache.
pub const MEMORY_BUDGET: usize = 256 << 20;

/// One query of the set, asked the same way of every engine.
#[derive(Debug, Clone, Copy)]
pub struct QuerySpec {
    /// Row label.
    pub name: &'static str,
    /// Query text (tantivy and FTS5 read words and `"phrases"` alike); empty = filters only.
    pub query: &'static str,
    /// `YYYY` or `YYYY-MM`, inclusive.
    pub from: Option<&'static str>,
    /// `YYYY` or `YYYY-MM`, inclusive.
    pub to: Option<&'static str>,
    /// Count matches per city.
    pub city_facet: bool,
    /// Count matches per month.
    pub month_histogram: bool,
}

impl QuerySpec {
    const fn text(name: &'static str, query: &'static str) -> QuerySpec {
        QuerySpec {
            name,
            query,
            from: None,
            to: None,
            city_facet: false,
            month_histogram: false,
        }
    }

    /// First day and the day after the last, when the query has a date filter.
    pub fn range(&self) -> Result<Option<(NaiveDate, NaiveDate)>> {
        match (self.from, self.to) {
            (Some(f), Some(t)) => Ok(Some((
                PartialDate::parse(f)?.first,
                PartialDate::parse(t)?.end,
            ))),
            (None, None) => Ok(None),
            _ => bail!("{}: give both ends of the range", self.name),
        }
    }

    /// The same query as a dateline request.
    pub fn request(&self) -> Result<SearchRequest> {
        Ok(SearchRequest {
            filters: Filters {
                from: self.from.map(PartialDate::parse).transpose()?,
                to: self.to.map(PartialDate::parse).transpose()?,
                cities: Vec::new(),
                languages: Vec::new(),
            },
            facets: if self.city_facet {
                vec![FacetField::City]
            } else {
                Vec::new()
            },
            histogram: self.month_histogram.then_some(Interval::Month),
            // As the CLI asks: relevance order even when there are no words.
            sort: Some(Sort::Relevance),
            page: Page {
                limit: 10,
                offset: 0,
            },
            ..SearchRequest::new(self.query)
        })
    }
}

/// The query set: shares of articles in brackets (see [`corpus::PLANTED`]).
pub const QUERIES: &[QuerySpec] = &[
    QuerySpec::text("term, common (10%)", "election"),
    QuerySpec::text("term, mid (5%)", "harvest"),
    QuerySpec::text("term, rare (2%)", "bakhmut"),
    QuerySpec::text("phrase (1%)", "\"grain corridor\""),
    QuerySpec::text("phrase, rare (0.5%)", "\"power outages\""),
    QuerySpec {
        from: Some("2023-03"),
        to: Some("2023-03"),
        city_facet: true,
        ..QuerySpec::text("term + month + city facet", "bakhmut")
    },
    QuerySpec {
        from: Some("2019-11"),
        to: Some("2019-11"),
        ..QuerySpec::text("term + month", "election")
    },
    QuerySpec {
        from: Some("2020"),
        to: Some("2021"),
        city_facet: true,
        ..QuerySpec::text("filter only: 2 years, city facet", "")
    },
    QuerySpec {
        month_histogram: true,
        ..QuerySpec::text("term + monthly histogram", "harvest")
    },
];

/// The whole-process query: a term, a month, city facets (and snippets, as every hit has).
pub const PROCESS_QUERY: QuerySpec = QUERIES[5];

/// What an engine answered, reduced to what the peers can be compared on.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// Matching articles.
    pub total: u64,
    /// Top hits, rendered.
    pub hits: Vec<String>,
    /// Top 10 cities by count, then name.
    pub cities: Vec<(String, u64)>,
    /// Months in order.
    pub months: Vec<(String, u64)>,
}

impl Answer {
    /// Sorts and cuts raw counts.
    pub fn new(
        total: u64,
        hits: Vec<String>,
        cities: HashMap<String, u64>,
        months: HashMap<String, u64>,
    ) -> Answer {
        let mut cities: Vec<_> = cities.into_iter().collect();
        cities.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        cities.truncate(10);
        let mut months: Vec<_> = months.into_iter().collect();
        months.sort();
        Answer {
            total,
            hits,
            cities,
            months,
        }
    }

    fn print(&self) {
        println!("{} matches", self.total);
        for h in &self.hits {
            println!("{h}");
        }
        for (c, n) in &self.cities {
            println!("city {c}: {n}");
        }
        for (m, n) in &self.months {
            println!("month {m}: {n}");
        }
    }
}

/// What to run.
#[derive(Debug, Clone)]
pub struct Config {
    /// Articles in the corpus.
    pub n: usize,
    /// Repetitions of every measurement; medians are reported.
    pub runs: usize,
    /// Corpus and work directory (the corpus is reused when already there).
    pub out: PathBuf,
    /// Keep the built indexes after the run.
    pub keep: bool,
    /// The dateline binary to measure.
    pub dateline_bin: PathBuf,
    /// Timed repetitions of each in-process query per run.
    pub query_reps: usize,
    /// Whole-process searches per engine per run.
    pub process_reps: usize,
    /// ripgrep runs per run (each reads the whole corpus).
    pub rg_reps: usize,
    /// Measure ripgrep (skipped with a note when `rg` is missing).
    pub ripgrep: bool,
    /// The command line, for the report.
    pub command: String,
}

/// A hidden subcommand of the benchmark executable: one peer's build or query, run as a child
/// process so its time, CPU and memory are its own. `args` follow `--peer`.
pub fn peer_main(args: &[String]) -> Result<()> {
    let arg = |i: usize| -> Result<&str> {
        args.get(i)
            .map(String::as_str)
            .with_context(|| format!("--peer {}: missing argument {i}", args.join(" ")))
    };
    match arg(0)? {
        "tantivy-index" => tantivy_peer::build(Path::new(arg(1)?), Path::new(arg(2)?)),
        "fts5-index" => fts5_peer::build(Path::new(arg(1)?), Path::new(arg(2)?)),
        "tantivy-query" => {
            let bare = tantivy_peer::Bare::open(Path::new(arg(1)?))?;
            bare.search(&PROCESS_QUERY)?.print();
            Ok(())
        }
        "fts5-query" => {
            let fts = fts5_peer::Fts::open(Path::new(arg(1)?))?;
            fts.search(&PROCESS_QUERY)?.print();
            Ok(())
        }
        // For profilers: `perf record bench --peer query-loop dateline DIR 7 2000` runs query 7
        // of QUERIES 2000 times and nothing else.
        "query-loop" => {
            let dir = Path::new(arg(2)?);
            let q = QUERIES
                .get(arg(3)?.parse::<usize>()?)
                .context("no such query in QUERIES")?;
            let reps: usize = arg(4)?.parse()?;
            let started = Instant::now();
            match arg(1)? {
                "dateline" => {
                    let index = DatelineIndex::open(dir)?;
                    let req = q.request()?;
                    for _ in 0..reps {
                        std::hint::black_box(index.search(&req)?);
                    }
                }
                "tantivy" => {
                    let bare = tantivy_peer::Bare::open(dir)?;
                    for _ in 0..reps {
                        std::hint::black_box(bare.search(q)?);
                    }
                }
                "fts5" => {
                    let fts = fts5_peer::Fts::open(dir)?;
                    for _ in 0..reps {
                        std::hint::black_box(fts.search(q)?);
                    }
                }
                other => bail!("unknown engine {other:?} (dateline, tantivy, fts5)"),
            }
            let per = started.elapsed().as_secs_f64() * 1e3 / reps.max(1) as f64;
            println!("{}: {per:.3} ms per query", q.name);
            Ok(())
        }
        other => bail!("unknown peer command {other:?}"),
    }
}

fn say(msg: impl AsRef<str>) {
    eprintln!("[bench] {}", msg.as_ref());
}

/// Paths of the indexes a run builds.
struct Work {
    dir: PathBuf,
    dateline: PathBuf,
    tantivy: PathBuf,
    fts5: PathBuf,
}

/// Runs the whole benchmark and returns its report (also printed by the caller).
pub fn run(cfg: &Config) -> Result<Report> {
    let mut notes = Vec::new();
    let machine = measure::Machine::current();
    let bin = check_binary(&cfg.dateline_bin, &mut notes)?;
    let me = std::env::current_exe().context("finding the benchmark executable")?;
    let rg = if cfg.ripgrep { ripgrep_version() } else { None };
    if cfg.ripgrep && rg.is_none() {
        notes.push(
            "ripgrep not found on PATH: its row is skipped (scripts/bench-setup.sh installs it)"
                .into(),
        );
    }

    std::fs::create_dir_all(&cfg.out)?;
    say(format!(
        "corpus: {} articles in {}",
        cfg.n,
        cfg.out.display()
    ));
    let corpus = corpus::ensure(&cfg.out, cfg.n)?;
    say(if corpus.reused {
        "corpus: reused".to_string()
    } else {
        format!(
            "corpus: generated {:.1} MB in {:.1} s",
            corpus.info.bytes as f64 / 1e6,
            corpus.info.generated_secs
        )
    });
    let work_dir = cfg.out.join("work");
    let work = Work {
        dateline: work_dir.join("dateline-index"),
        tantivy: work_dir.join("tantivy-index"),
        fts5: work_dir.join("fts5.db"),
        dir: work_dir,
    };
    std::fs::create_dir_all(&work.dir)?;
    // Run a copy, so a `cargo build --release` elsewhere during the run cannot swap the
    // binary between measurements.
    let bin = {
        let copy = work.dir.join("dateline");
        std::fs::copy(&bin, &copy)
            .with_context(|| format!("copying {} to {}", bin.display(), copy.display()))?;
        copy
    };

    // Builds.
    let mut builds: HashMap<&str, Vec<BuildSample>> = HashMap::new();
    for run in 1..=cfg.runs.max(1) {
        remove(&work.dateline)?;
        settle(&[&corpus.articles])?;
        let full = measure::run(
            Command::new(&bin)
                .arg("index")
                .arg(&corpus.articles)
                .arg("--index")
                .arg(&work.dateline)
                .arg("--json"),
        )?
        .expect_code("dateline index", &[0])?;
        let report: serde_json::Value = serde_json::from_slice(&full.stdout)
            .context("reading `dateline index --json` output")?;
        if report["indexed"].as_u64() != Some(cfg.n as u64) {
            bail!(
                "dateline indexed {} articles, not {}",
                report["indexed"],
                cfg.n
            );
        }
        let s = BuildSample::new(&full, &work.dateline);
        say(format!("run {run}: dateline index  {}", s.line()));
        builds.entry("dateline").or_default().push(s);

        let again = measure::run(
            Command::new(&bin)
                .arg("index")
                .arg(&corpus.articles)
                .arg("--index")
                .arg(&work.dateline)
                .arg("--json"),
        )?
        .expect_code("dateline re-index", &[0])?;
        let report: serde_json::Value = serde_json::from_slice(&again.stdout)?;
        if report["unchanged"].as_u64() != Some(cfg.n as u64) {
            notes.push(format!(
                "re-index run {run} did not find every article unchanged: {report}"
            ));
        }
        let s = BuildSample::new(&again, &work.dateline);
        say(format!("run {run}: dateline re-index  {}", s.line()));
        builds.entry("reindex").or_default().push(s);

        remove(&work.tantivy)?;
        settle(&[&corpus.ndjson])?;
        let t = measure::run(
            Command::new(&me)
                .args(["--peer", "tantivy-index"])
                .arg(&corpus.ndjson)
                .arg(&work.tantivy),
        )?
        .expect_code("bare tantivy index", &[0])?;
        let s = BuildSample::new(&t, &work.tantivy);
        say(format!("run {run}: bare tantivy  {}", s.line()));
        builds.entry("tantivy").or_default().push(s);

        remove(&work.fts5)?;
        settle(&[&corpus.ndjson])?;
        let f = measure::run(
            Command::new(&me)
                .args(["--peer", "fts5-index"])
                .arg(&corpus.ndjson)
                .arg(&work.fts5),
        )?
        .expect_code("sqlite fts5 index", &[0])?;
        let s = BuildSample::new(&f, &work.fts5);
        say(format!("run {run}: sqlite fts5  {}", s.line()));
        builds.entry("fts5").or_default().push(s);
    }
    let build_row = |key: &str, engine: &str| {
        let samples = &builds[key];
        let m = |g: fn(&BuildSample) -> f64| median(&samples.iter().map(g).collect::<Vec<_>>());
        BuildRow {
            engine: engine.to_string(),
            wall_s: m(|s| s.wall_s),
            cpu_s: m(|s| s.cpu_s),
            peak_rss_mib: m(|s| s.rss_mib),
            size_mib: m(|s| s.size_mib),
            wall_s_runs: samples.iter().map(|s| s.wall_s).collect(),
            cpu_s_runs: samples.iter().map(|s| s.cpu_s).collect(),
            segments: segments(if key == "tantivy" {
                &work.tantivy
            } else {
                &work.dateline
            })
            .filter(|_| key != "fts5"),
        }
    };
    let build = vec![
        build_row("dateline", "dateline index"),
        build_row("tantivy", "bare tantivy"),
        build_row("fts5", "sqlite fts5"),
    ];
    let reindex = build_row("reindex", "dateline re-index");

    // In-process queries.
    say("in-process queries");
    let dl = DatelineIndex::open(&work.dateline)?;
    let bare = tantivy_peer::Bare::open(&work.tantivy)?;
    let fts = fts5_peer::Fts::open(&work.fts5)?;
    let mut queries = Vec::new();
    for q in QUERIES {
        let req = q.request()?;
        let mut engines: Vec<(&str, Vec<f64>, Vec<f64>, u64)> = vec![
            ("dateline", Vec::new(), Vec::new(), 0),
            ("tantivy", Vec::new(), Vec::new(), 0),
            ("fts5", Vec::new(), Vec::new(), 0),
        ];
        let answer = |engine: &str| -> Result<u64> {
            Ok(match engine {
                "dateline" => dl.search(&req)?.total,
                "tantivy" => bare.search(q)?.total,
                _ => fts.search(q)?.total,
            })
        };
        for _run in 0..cfg.runs.max(1) {
            for (engine, p50s, p99s, total) in &mut engines {
                // Warm-up: first touches of the mmapped files and SQLite's cache.
                for _ in 0..2 {
                    *total = answer(engine)?;
                }
                let mut times = Vec::with_capacity(cfg.query_reps);
                for _ in 0..cfg.query_reps.max(1) {
                    let t = Instant::now();
                    std::hint::black_box(answer(engine)?);
                    times.push(t.elapsed().as_secs_f64() * 1e3);
                }
                p50s.push(percentile(&times, 50.0));
                p99s.push(percentile(&times, 99.0));
            }
        }
        let row = QueryRow {
            name: q.name.to_string(),
            query: describe(q),
            engines: engines
                .into_iter()
                .map(|(engine, p50s, p99s, total)| EngineLatency {
                    engine: engine.to_string(),
                    total,
                    p50_ms: median(&p50s),
                    p99_ms: median(&p99s),
                })
                .collect(),
        };
        say(format!("  {}", row.line()));
        queries.push(row);
    }
    drop((dl, bare, fts));

    // Whole processes.
    say("whole-process queries");
    let pq = PROCESS_QUERY;
    let (from, to) = (pq.from.expect("month"), pq.to.expect("month"));
    let case =
        |engine: &'static str, mut cmd: Command, reps: usize, ok: &'static [i32]| ProcessCase {
            engine,
            command: command_line(&cmd),
            run: move || -> Result<f64> {
                let p = measure::run(&mut cmd)?.expect_code(engine, ok)?;
                Ok(p.wall.as_secs_f64() * 1e3)
            },
            reps,
            times: Vec::new(),
        };
    let mut dateline_cmd = Command::new(&bin);
    dateline_cmd
        .args(["search", pq.query, "--from", from, "--to", to])
        .args(["--facet", "city", "--index"])
        .arg(&work.dateline);
    let mut tantivy_cmd = Command::new(&me);
    tantivy_cmd
        .args(["--peer", "tantivy-query"])
        .arg(&work.tantivy);
    let mut fts_cmd = Command::new(&me);
    fts_cmd.args(["--peer", "fts5-query"]).arg(&work.fts5);
    let mut rg_cmd = Command::new("rg");
    rg_cmd.args(["-c", "-i", pq.query]).arg(&corpus.articles);
    // Exit 1 is "nothing matched" for dateline and ripgrep.
    let mut cases = vec![
        case("dateline search", dateline_cmd, cfg.process_reps, &[0, 1]),
        case("bare tantivy", tantivy_cmd, cfg.process_reps, &[0]),
        case("sqlite fts5", fts_cmd, cfg.process_reps, &[0]),
    ];
    if rg.is_some() {
        cases.push(case("ripgrep", rg_cmd, cfg.rg_reps, &[0, 1]));
    }
    // Engines take turns, so a burst of load from elsewhere hits them all alike.
    for _run in 0..cfg.runs.max(1) {
        for c in &mut cases {
            for _ in 0..c.reps.max(1) {
                let ms = (c.run)()?;
                c.times.push(ms);
            }
        }
    }
    let process: Vec<ProcessRow> = cases
        .into_iter()
        .map(|c| ProcessRow {
            engine: c.engine.to_string(),
            command: c.command,
            median_ms: median(&c.times),
            min_ms: c.times.iter().copied().fold(f64::INFINITY, f64::min),
            samples: c.times.len(),
        })
        .collect();
    for p in &process {
        say(format!("  {}", p.line()));
    }

    if !cfg.keep {
        std::fs::remove_dir_all(&work.dir).ok();
    }
    let ndjson_bytes = std::fs::metadata(&corpus.ndjson).map_or(0, |m| m.len());
    let mut report = Report {
        date: chrono::Local::now().format("%Y-%m-%d %H:%M %Z").to_string(),
        command: cfg.command.clone(),
        machine,
        load_at_end: measure::load_average(),
        n: cfg.n,
        runs: cfg.runs.max(1),
        corpus_bytes: corpus.info.bytes,
        ndjson_bytes,
        corpus_reused: corpus.reused,
        dateline_bin: cfg.dateline_bin.display().to_string(),
        ripgrep: rg,
        sqlite: rusqlite::version().to_string(),
        tantivy: "0.27".into(),
        build,
        reindex,
        queries,
        process,
        targets: Vec::new(),
        notes,
    };
    report.targets = report::targets(&report);
    Ok(report)
}

/// A whole-process query and its timings.
struct ProcessCase<F> {
    engine: &'static str,
    command: String,
    run: F,
    reps: usize,
    times: Vec<f64>,
}

/// One build measurement.
struct BuildSample {
    wall_s: f64,
    cpu_s: f64,
    rss_mib: f64,
    size_mib: f64,
}

impl BuildSample {
    fn new(p: &ProcStats, index: &Path) -> BuildSample {
        BuildSample {
            wall_s: p.wall.as_secs_f64(),
            cpu_s: p.cpu.as_secs_f64(),
            rss_mib: p.max_rss as f64 / (1 << 20) as f64,
            size_mib: measure::disk_size(index) as f64 / (1 << 20) as f64,
        }
    }

    fn line(&self) -> String {
        format!(
            "wall {:.2} s, cpu {:.2} s, peak RSS {:.0} MiB, size {:.1} MiB",
            self.wall_s, self.cpu_s, self.rss_mib, self.size_mib
        )
    }
}

/// Segments in a tantivy index (from meta.json).
fn segments(index: &Path) -> Option<usize> {
    let meta = std::fs::read_to_string(index.join("meta.json")).ok()?;
    let v: serde_json::Value = serde_json::from_str(&meta).ok()?;
    Some(v["segments"].as_array()?.len())
}

/// Puts every build on the same footing: the input it reads in the page cache (a cold read
/// of 200,000 small files cost dateline 100 s of extra wall time in one run, the NDJSON peers
/// next to nothing), and the previous build's dirty pages and deletions flushed to disk, so
/// their write-back is not timed as part of the next build.
fn settle(inputs: &[&Path]) -> Result<()> {
    for input in inputs {
        for entry in walkdir::WalkDir::new(input) {
            let entry = entry?;
            if entry.file_type().is_file() {
                // Streamed, not read whole: the harness must stay small, because a child's
                // peak RSS as the kernel reports it includes the parent's at fork time.
                std::io::copy(
                    &mut std::fs::File::open(entry.path())?,
                    &mut std::io::sink(),
                )?;
            }
        }
    }
    // SAFETY: sync(2) takes no arguments and cannot fail.
    unsafe { libc::sync() };
    Ok(())
}

fn remove(path: &Path) -> Result<()> {
    if path.is_dir() {
        std::fs::remove_dir_all(path)?;
    } else if path.exists() {
        std::fs::remove_file(path)?;
    }
    for suffix in ["-journal", "-wal", "-shm"] {
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(side));
    }
    Ok(())
}

fn describe(q: &QuerySpec) -> String {
    let mut s = if q.query.is_empty() {
        "*".to_string()
    } else {
        q.query.to_string()
    };
    if let (Some(f), Some(t)) = (q.from, q.to) {
        s.push_str(&format!(" --from {f} --to {t}"));
    }
    if q.city_facet {
        s.push_str(" --facet city");
    }
    if q.month_histogram {
        s.push_str(" --histogram month");
    }
    s
}

fn command_line(cmd: &Command) -> String {
    std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(|a| a.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The dateline binary, absolute; a clear error when it is missing and a note when it is
/// older than the sources (it would measure old code).
fn check_binary(bin: &Path, notes: &mut Vec<String>) -> Result<PathBuf> {
    if !bin.is_file() {
        bail!(
            "dateline binary not found at {}: build it first with `cargo build --release` \
             (or run scripts/bench-setup.sh), or point --dateline-bin at one",
            bin.display()
        );
    }
    let bin = bin.canonicalize()?;
    let built = std::fs::metadata(&bin)?.modified()?;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let newest: Option<(SystemTime, PathBuf)> = ["src", "schema"]
        .iter()
        .flat_map(|d| walkdir::WalkDir::new(root.join(d)))
        .filter_map(|e| e.ok())
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.into_path())))
        .max_by_key(|(t, _)| *t);
    if let Some((t, path)) = newest {
        if t > built {
            let warn = format!(
                "{} is older than {}: it may not be the current code (cargo build --release)",
                bin.display(),
                path.display()
            );
            say(format!("warning: {warn}"));
            notes.push(warn);
        }
    }
    Ok(bin)
}

fn ripgrep_version() -> Option<String> {
    let out = Command::new("rg").arg("--version").output().ok()?;
    out.status.success().then(|| {
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .to_string()
    })
}
