//! The load test of `dateline serve` (issue 19): the benchmark corpus indexed by the real
//! binary, the real server on a loopback port, and N concurrent clients asking the benchmark's
//! query set (with the city and month facets, snippets, and a monthly histogram where the set
//! asks for one) for a bounded number of requests and a bounded time. Reports throughput,
//! latency percentiles, errors and the server's peak resident memory. It only measures.
//!
//! Traffic goes to 127.0.0.1 only, to the server this run started; every loop stops after
//! `requests` per client or `seconds`, whichever comes first.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use serde::Serialize;

use crate::harness::measure::{self, percentile, Machine};
use crate::harness::{corpus, QuerySpec, QUERIES};

/// What to run.
#[derive(Debug, Clone)]
pub struct LoadConfig {
    /// Articles in the generated corpus.
    pub n: usize,
    /// Corpus folder (generated when missing); the served index is built in `OUT/serve-index`.
    pub out: PathBuf,
    /// The dateline binary (release build for numbers worth reporting).
    pub dateline_bin: PathBuf,
    /// Concurrent clients, each on its own keep-alive connection.
    pub clients: usize,
    /// Requests per client at most.
    pub requests: usize,
    /// Seconds of load at most.
    pub seconds: u64,
    /// tantivy-cli's binary: when given, [`run_peers`] also loads its `serve` on the same
    /// corpus, beside dateline asked for the same hits without facets.
    pub tantivy_cli: Option<PathBuf>,
}

/// What came out.
#[derive(Debug, Clone, Serialize)]
pub struct LoadReport {
    /// The server and what each request asked: `dateline` (facets, snippets, histogram),
    /// `dateline, hits only` or `tantivy-cli serve`.
    pub engine: String,
    /// How it was run.
    pub command: String,
    /// Articles in the index.
    pub n: usize,
    /// Concurrent clients.
    pub clients: usize,
    /// Requests answered (200) and failed (anything else, or no answer).
    pub requests: usize,
    /// Requests that failed.
    pub errors: usize,
    /// Seconds from the first request to the last answer.
    pub wall_s: f64,
    /// Answers per second.
    pub throughput_rps: f64,
    /// Latency percentiles, milliseconds.
    pub p50_ms: f64,
    /// 90th percentile.
    pub p90_ms: f64,
    /// 99th percentile.
    pub p99_ms: f64,
    /// Slowest request.
    pub max_ms: f64,
    /// The server's peak resident set (VmHWM), MiB.
    pub server_peak_rss_mib: f64,
    /// CPU seconds the server used during the load.
    pub server_cpu_s: f64,
    /// Each query's median latency under load, ms.
    pub per_query_p50_ms: Vec<(String, f64)>,
    /// The first few errors, for the report.
    pub error_samples: Vec<String>,
    /// The machine.
    pub machine: Machine,
    /// 1-minute load average after the run (other work on the machine shows here).
    pub load_after: f64,
}

impl LoadReport {
    /// The report as text.
    pub fn render(&self) -> String {
        let mut s = format!(
            "{} under load: {} clients, {} articles ({})\n\
             machine: {} × {}, load {:.2} before, {:.2} after\n\
             requests   {} ({} errors) in {:.2} s\n\
             throughput {:.0} requests/s\n\
             latency    p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms\n\
             server     peak RSS {:.0} MiB, CPU {:.1} s\n",
            self.engine,
            self.clients,
            self.n,
            self.command,
            self.machine.nproc,
            self.machine.cpu,
            self.machine.load_at_start,
            self.load_after,
            self.requests,
            self.errors,
            self.wall_s,
            self.throughput_rps,
            self.p50_ms,
            self.p90_ms,
            self.p99_ms,
            self.max_ms,
            self.server_peak_rss_mib,
            self.server_cpu_s,
        );
        s.push_str("per query, p50 under load:\n");
        for (q, ms) in &self.per_query_p50_ms {
            s.push_str(&format!("  {q:<40} {ms:>7.1} ms\n"));
        }
        for e in &self.error_samples {
            s.push_str(&format!("error: {e}\n"));
        }
        s
    }
}

/// The API path asking what `q` asks; `facets`: with the city and month facets (and the
/// histogram where the set asks for one), else the page of hits alone.
pub fn api_path(q: &QuerySpec, facets: bool) -> String {
    let mut params = vec![("limit", "10".to_string())];
    if !q.query.is_empty() {
        params.push(("q", q.query.to_string()));
    }
    if let Some(f) = q.from {
        params.push(("from", f.to_string()));
    }
    if let Some(t) = q.to {
        params.push(("to", t.to_string()));
    }
    if facets {
        params.push(("facet", "city".into()));
        params.push(("facet", "month".into()));
        if q.month_histogram {
            params.push(("histogram", "month".into()));
        }
    }
    format!("/api/search?{}", encode(&params))
}

/// tantivy-cli's `serve` path for the same hits: its one parameter is a query in tantivy's
/// syntax, so the date range becomes a range clause on `date` (it has no facets).
fn tantivy_cli_path(q: &QuerySpec) -> String {
    let mut clauses = Vec::new();
    if !q.query.is_empty() {
        clauses.push(format!("+({})", q.query));
    }
    if q.from.is_some() || q.to.is_some() {
        let start = q
            .from
            .map_or("1000-01-01".to_string(), |d| day_bound(d, false));
        let end =
            q.to.map_or("9999-12-31".to_string(), |d| day_bound(d, true));
        clauses.push(format!("+date:[{start}T00:00:00Z TO {end}T00:00:00Z}}"));
    }
    if clauses.is_empty() {
        clauses.push("*".into());
    }
    let params = [("q", clauses.join(" ")), ("nhits", "10".to_string())];
    format!("/api/?{}", encode(&params))
}

/// First day of a partial date (`2023`, `2023-03`), or the first day after it (`end`).
fn day_bound(partial: &str, end: bool) -> String {
    let parts: Vec<u32> = partial.split('-').filter_map(|p| p.parse().ok()).collect();
    match (parts.as_slice(), end) {
        ([y], false) => format!("{y:04}-01-01"),
        ([y], true) => format!("{:04}-01-01", y + 1),
        ([y, m], false) => format!("{y:04}-{m:02}-01"),
        ([y, 12], true) => format!("{:04}-01-01", y + 1),
        ([y, m], true) => format!("{y:04}-{:02}-01", m + 1),
        _ => partial.to_string(),
    }
}

/// `k=v&…` with the values percent-encoded.
fn encode(params: &[(&str, String)]) -> String {
    let encoded: Vec<String> = params
        .iter()
        .map(|(k, v)| {
            let v: String = v
                .bytes()
                .map(|b| match b {
                    b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' => {
                        (b as char).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect();
            format!("{k}={v}")
        })
        .collect();
    encoded.join("&")
}

/// A field of /proc/PID/status in kB.
fn proc_status_kb(pid: u32, field: &str) -> Option<u64> {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()?
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| {
            v.trim_start_matches(':')
                .split_whitespace()
                .next()?
                .parse()
                .ok()
        })
}

/// User plus system CPU seconds of a process so far.
fn proc_cpu_s(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name (which may hold spaces) start after the last ')'.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of stat; here 11 and 12 (state is the first).
    let hz = 100.0; // USER_HZ on Linux
    (ticks(11) + ticks(12)) / hz
}

/// Builds the index if needed, starts `dateline serve`, loads it with the full requests
/// (facets, snippets, histogram), stops it.
pub fn run(cfg: &LoadConfig, command: &str) -> Result<LoadReport> {
    let machine = Machine::current();
    let index = dateline_index(cfg)?;
    let paths = QUERIES
        .iter()
        .map(|q| (q.name.to_string(), api_path(q, true)))
        .collect();
    load_dateline(cfg, &index, "dateline", paths, command, machine)
}

/// The comparison with tantivy-cli's `serve` (when `cfg.tantivy_cli` is set): dateline asked
/// for the page of hits alone (its snippets included; no facets, no histogram), then
/// tantivy-cli on an index of the same articles built by its own `index` command, asked the
/// same searches (10 hits with their stored fields; it has no facets or snippets).
pub fn run_peers(cfg: &LoadConfig, command: &str) -> Result<Vec<LoadReport>> {
    let Some(cli) = &cfg.tantivy_cli else {
        return Ok(Vec::new());
    };
    let index = dateline_index(cfg)?;
    let paths = QUERIES
        .iter()
        .map(|q| (q.name.to_string(), api_path(q, false)))
        .collect();
    let plain = load_dateline(
        cfg,
        &index,
        "dateline, hits only",
        paths,
        command,
        Machine::current(),
    )?;
    let peer = load_tantivy_cli(cfg, cli, command)?;
    Ok(vec![plain, peer])
}

/// The benchmark corpus indexed by the real binary (once).
fn dateline_index(cfg: &LoadConfig) -> Result<PathBuf> {
    let corpus = corpus::ensure(&cfg.out, cfg.n)?;
    let index = cfg.out.join("serve-index");
    if !index.join("meta.json").is_file() {
        eprintln!("[serve_load] indexing {} articles", cfg.n);
        measure::run(
            Command::new(&cfg.dateline_bin)
                .arg("index")
                .arg(&corpus.articles)
                .arg("--index")
                .arg(&index),
        )?
        .expect_code("dateline index", &[0, 1])?;
    }
    Ok(index)
}

fn load_dateline(
    cfg: &LoadConfig,
    index: &Path,
    engine: &str,
    paths: Vec<(String, String)>,
    command: &str,
    machine: Machine,
) -> Result<LoadReport> {
    let server = Command::new(&cfg.dateline_bin)
        .args(["serve", "--bind", "127.0.0.1:0", "--index"])
        .arg(index)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .context("starting dateline serve")?;
    with_server(server, |server, pid| {
        let mut line = String::new();
        BufReader::new(server.stdout.take().context("server stdout")?).read_line(&mut line)?;
        let Some(base) = line
            .split_whitespace()
            .find(|w| w.starts_with("http://127.0.0.1:"))
            .map(|w| w.trim_end_matches('/').to_string())
        else {
            bail!("dateline serve did not say where it listens: {line:?}");
        };
        load(cfg, engine, &base, paths, pid, command, machine)
    })
}

/// Runs `f` with a started server and its process id, then stops the server, whatever `f`
/// gave.
fn with_server<T>(
    mut server: std::process::Child,
    f: impl FnOnce(&mut std::process::Child, u32) -> Result<T>,
) -> Result<T> {
    let pid = server.id();
    let result = f(&mut server, pid);
    let _ = server.kill();
    let _ = server.wait();
    result
}

/// tantivy-cli's index of the benchmark corpus, built once by its own `index` command from
/// the corpus's NDJSON (dates in RFC 3339, as it reads them), on the bare-tantivy peer's
/// schema (the same fields and analysis).
fn tantivy_cli_index(cfg: &LoadConfig, cli: &Path) -> Result<PathBuf> {
    let corpus = corpus::ensure(&cfg.out, cfg.n)?;
    let dir = cfg.out.join("tantivy-cli-index");
    let done = dir.join(".built");
    if done.is_file() {
        return Ok(dir);
    }
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let (schema, _) = crate::harness::tantivy_peer::schema();
    let meta = serde_json::json!({
        "index_settings": {"docstore_compression": "lz4", "docstore_blocksize": 16384},
        "segments": [],
        "schema": schema,
        "opstamp": 0
    });
    std::fs::write(dir.join("meta.json"), serde_json::to_string(&meta)?)?;
    let docs = cfg.out.join("tantivy-cli.ndjson");
    {
        use std::io::Write;
        let input = BufReader::new(std::fs::File::open(&corpus.ndjson)?);
        let mut out = std::io::BufWriter::new(std::fs::File::create(&docs)?);
        for line in input.lines() {
            let a: corpus::NdArticle = serde_json::from_str(&line?)?;
            let doc = serde_json::json!({
                "id": a.id, "date": format!("{}T00:00:00Z", a.date), "city": a.city,
                "title": a.title, "body": a.body, "quote": a.quotes,
            });
            writeln!(out, "{doc}")?;
        }
        out.flush()?;
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    eprintln!("[serve_load] indexing {} articles with tantivy-cli", cfg.n);
    measure::run(
        Command::new(cli)
            .arg("index")
            .arg("-i")
            .arg(&dir)
            .arg("-f")
            .arg(&docs)
            .arg("-t")
            .arg(threads.to_string())
            .arg("-m")
            .arg(crate::harness::MEMORY_BUDGET.to_string()),
    )?
    .expect_code("tantivy-cli index", &[0])?;
    std::fs::remove_file(&docs)?;
    std::fs::write(&done, "")?;
    Ok(dir)
}

fn load_tantivy_cli(cfg: &LoadConfig, cli: &Path, command: &str) -> Result<LoadReport> {
    let index = tantivy_cli_index(cfg, cli)?;
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let server = Command::new(cli)
        .arg("serve")
        .arg("-i")
        .arg(&index)
        .args(["--host", "127.0.0.1", "--port", &port.to_string()])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .context("starting tantivy-cli serve")?;
    with_server(server, |_, pid| {
        let waited = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if waited.elapsed() > Duration::from_secs(60) {
                bail!("tantivy-cli serve did not listen on port {port} within 60 s");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let paths = QUERIES
            .iter()
            .map(|q| (q.name.to_string(), tantivy_cli_path(q)))
            .collect();
        let base = format!("http://127.0.0.1:{port}");
        load(
            cfg,
            "tantivy-cli serve",
            &base,
            paths,
            pid,
            command,
            Machine::current(),
        )
    })
}

/// Warms the server up (each path once, each must answer), then runs the clients.
fn load(
    cfg: &LoadConfig,
    engine: &str,
    base: &str,
    paths: Vec<(String, String)>,
    pid: u32,
    command: &str,
    machine: Machine,
) -> Result<LoadReport> {
    let paths: Vec<(String, String)> = paths
        .into_iter()
        .map(|(name, path)| (name, format!("{base}{path}")))
        .collect();
    let agent = |_: usize| -> ureq::Agent {
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(30)))
            .build()
            .into()
    };
    // Warm-up: each query once, and each must answer.
    let warm = agent(0);
    for (name, url) in &paths {
        let res = warm.get(url).call()?;
        if res.status() != 200 {
            bail!("{name}: warm-up answered {}", res.status());
        }
    }
    let cpu_before = proc_cpu_s(pid);
    let stop = Arc::new(AtomicBool::new(false));
    let deadline = Instant::now() + Duration::from_secs(cfg.seconds);
    let started = Instant::now();
    let workers: Vec<_> = (0..cfg.clients)
        .map(|c| {
            let paths = paths.clone();
            let stop = stop.clone();
            let agent = agent(c);
            let requests = cfg.requests;
            std::thread::spawn(move || {
                let mut times: Vec<(usize, f64, Option<String>)> = Vec::with_capacity(requests);
                for i in 0..requests {
                    if stop.load(Ordering::Relaxed) || Instant::now() >= deadline {
                        break;
                    }
                    let which = (c + i) % paths.len();
                    let t = Instant::now();
                    let err = match agent.get(&paths[which].1).call() {
                        Ok(res) if res.status() == 200 => match res.into_body().read_to_string() {
                            Ok(body) if body.starts_with('{') => None,
                            Ok(body) => Some(format!("not JSON: {body:.80}")),
                            Err(e) => Some(e.to_string()),
                        },
                        Ok(res) => Some(format!(
                            "{}: {}",
                            res.status(),
                            res.into_body().read_to_string().unwrap_or_default().trim()
                        )),
                        Err(e) => Some(e.to_string()),
                    };
                    times.push((which, t.elapsed().as_secs_f64() * 1000.0, err));
                }
                times
            })
        })
        .collect();
    let mut all = Vec::new();
    for w in workers {
        all.extend(
            w.join()
                .map_err(|_| anyhow::anyhow!("a client thread panicked"))?,
        );
    }
    stop.store(true, Ordering::Relaxed);
    let wall = started.elapsed().as_secs_f64();
    let cpu = proc_cpu_s(pid) - cpu_before;
    let peak_kb = proc_status_kb(pid, "VmHWM").unwrap_or(0);
    let lat: Vec<f64> = all.iter().map(|t| t.1).collect();
    let errors: Vec<String> = all.iter().filter_map(|t| t.2.clone()).collect();
    let per_query = paths
        .iter()
        .enumerate()
        .map(|(i, (name, _))| {
            let xs: Vec<f64> = all.iter().filter(|t| t.0 == i).map(|t| t.1).collect();
            (name.clone(), measure::median(&xs))
        })
        .collect();
    Ok(LoadReport {
        engine: engine.to_string(),
        command: command.to_string(),
        n: cfg.n,
        clients: cfg.clients,
        requests: all.len(),
        errors: errors.len(),
        wall_s: wall,
        throughput_rps: (all.len() - errors.len()) as f64 / wall,
        p50_ms: percentile(&lat, 50.0),
        p90_ms: percentile(&lat, 90.0),
        p99_ms: percentile(&lat, 99.0),
        max_ms: percentile(&lat, 100.0),
        server_peak_rss_mib: peak_kb as f64 / 1024.0,
        server_cpu_s: cpu,
        per_query_p50_ms: per_query,
        error_samples: errors.into_iter().take(5).collect(),
        machine,
        load_after: measure::load_average(),
    })
}

/// `dateline_bin` as given, else `ROOT/target/release/dateline`.
pub fn default_bin(root: &Path) -> PathBuf {
    root.join("target/release/dateline")
}
