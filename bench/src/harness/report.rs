//! The benchmark's report: medians per engine, ratios of dateline to each peer, the targets
//! of issue 5 marked PASS or FAIL, as a plain-text table and as JSON.

use std::fmt::Write as _;

use serde::Serialize;

use super::measure::Machine;

/// Everything one benchmark run measured.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// When it ran (local time).
    pub date: String,
    /// The command line.
    pub command: String,
    /// Where it ran.
    pub machine: Machine,
    /// 1-minute load average at the end.
    pub load_at_end: f64,
    /// Articles.
    pub n: usize,
    /// Repetitions behind each median.
    pub runs: usize,
    /// Bytes of article files.
    pub corpus_bytes: u64,
    /// Bytes of the NDJSON copy.
    pub ndjson_bytes: u64,
    /// The corpus was already on disk.
    pub corpus_reused: bool,
    /// The dateline binary measured.
    pub dateline_bin: String,
    /// `rg --version`, when ripgrep ran.
    pub ripgrep: Option<String>,
    /// SQLite library version (bundled with rusqlite).
    pub sqlite: String,
    /// tantivy version of the bare peer.
    pub tantivy: String,
    /// Full builds: dateline, bare tantivy, FTS5.
    pub build: Vec<BuildRow>,
    /// dateline's second `index` over the unchanged corpus.
    pub reindex: BuildRow,
    /// In-process query latencies.
    pub queries: Vec<QueryRow>,
    /// Whole-process searches.
    pub process: Vec<ProcessRow>,
    /// The targets, judged.
    pub targets: Vec<Target>,
    /// Anything that qualifies the numbers.
    pub notes: Vec<String>,
}

/// Medians of one engine's builds.
#[derive(Debug, Clone, Serialize)]
pub struct BuildRow {
    /// Engine.
    pub engine: String,
    /// Wall seconds.
    pub wall_s: f64,
    /// User + system CPU seconds.
    pub cpu_s: f64,
    /// Peak resident set, MiB.
    pub peak_rss_mib: f64,
    /// Index on disk, MiB.
    pub size_mib: f64,
    /// Wall seconds of each run (the fastest is the least disturbed by other load).
    pub wall_s_runs: Vec<f64>,
    /// CPU seconds of each run.
    pub cpu_s_runs: Vec<f64>,
    /// tantivy segments after the last build.
    pub segments: Option<usize>,
}

/// One query, every engine.
#[derive(Debug, Clone, Serialize)]
pub struct QueryRow {
    /// Label.
    pub name: String,
    /// As a dateline command line would say it.
    pub query: String,
    /// dateline, tantivy, fts5.
    pub engines: Vec<EngineLatency>,
}

/// One engine's latency for one query.
#[derive(Debug, Clone, Serialize)]
pub struct EngineLatency {
    /// Engine.
    pub engine: String,
    /// Matches it counted.
    pub total: u64,
    /// Median over runs of the per-run 50th percentile, ms.
    pub p50_ms: f64,
    /// Median over runs of the per-run 99th percentile, ms.
    pub p99_ms: f64,
}

/// A whole-process query.
#[derive(Debug, Clone, Serialize)]
pub struct ProcessRow {
    /// Engine.
    pub engine: String,
    /// Exact command.
    pub command: String,
    /// Median wall time, ms.
    pub median_ms: f64,
    /// Fastest, ms.
    pub min_ms: f64,
    /// Processes timed.
    pub samples: usize,
}

/// One target of issue 5.
#[derive(Debug, Clone, Serialize)]
pub struct Target {
    /// What is asked.
    pub name: String,
    /// What was measured.
    pub measured: String,
    /// `None` when a peer was missing.
    pub pass: Option<bool>,
}

impl QueryRow {
    fn engine(&self, name: &str) -> Option<&EngineLatency> {
        self.engines.iter().find(|e| e.engine == name)
    }

    /// One progress line.
    pub fn line(&self) -> String {
        let mut s = format!("{:<34}", self.name);
        for e in &self.engines {
            let _ = write!(
                s,
                " {} {} hits p50 {:.2} ms p99 {:.2} ms;",
                e.engine, e.total, e.p50_ms, e.p99_ms
            );
        }
        s
    }
}

impl ProcessRow {
    /// One progress line.
    pub fn line(&self) -> String {
        format!(
            "{:<16} median {:.1} ms (min {:.1}, {} runs)",
            self.engine, self.median_ms, self.min_ms, self.samples
        )
    }
}

impl Report {
    fn build_of(&self, engine: &str) -> &BuildRow {
        self.build
            .iter()
            .find(|b| b.engine.contains(engine))
            .expect("every engine is built")
    }

    fn process_of(&self, engine: &str) -> Option<&ProcessRow> {
        self.process.iter().find(|p| p.engine.contains(engine))
    }

    /// The report as a plain-text table.
    pub fn render(&self) -> String {
        let mut s = String::new();
        let w = &mut s;
        let _ = writeln!(
            w,
            "dateline benchmark: N = {} articles ({:.0} MB of files, {:.0} MB NDJSON), median of {} run(s)",
            self.n,
            self.corpus_bytes as f64 / 1e6,
            self.ndjson_bytes as f64 / 1e6,
            self.runs
        );
        let _ = writeln!(
            w,
            "{}; {} CPUs ({}), {:.0} GiB; load {:.2} at start, {:.2} at end",
            self.date,
            self.machine.nproc,
            self.machine.cpu,
            self.machine.memory_gib,
            self.machine.load_at_start,
            self.load_at_end
        );
        let _ = writeln!(
            w,
            "tantivy {}, SQLite {}, {}",
            self.tantivy,
            self.sqlite,
            self.ripgrep.as_deref().unwrap_or("ripgrep: not run")
        );

        let _ = writeln!(w, "\nIndex build (median)");
        let _ = writeln!(
            w,
            "  {:<20} {:>9} {:>9} {:>9} {:>13} {:>9} {:>9}",
            "", "wall s", "min wall", "CPU s", "peak RSS MiB", "size MiB", "segments"
        );
        for b in self.build.iter().chain(std::iter::once(&self.reindex)) {
            let _ = writeln!(
                w,
                "  {:<20} {:>9.2} {:>9.2} {:>9.2} {:>13.0} {:>9.1} {:>9}",
                b.engine,
                b.wall_s,
                min(&b.wall_s_runs),
                b.cpu_s,
                b.peak_rss_mib,
                b.size_mib,
                b.segments.map_or("-".to_string(), |n| n.to_string())
            );
        }
        let d = self.build_of("dateline");
        for peer in ["tantivy", "fts5"] {
            let p = self.build_of(peer);
            let _ = writeln!(
                w,
                "  {:<20} {:>8.2}× {:>8.2}× {:>8.2}× {:>12.2}× {:>8.2}×",
                format!("dateline / {peer}"),
                d.wall_s / p.wall_s,
                min(&d.wall_s_runs) / min(&p.wall_s_runs),
                d.cpu_s / p.cpu_s,
                d.peak_rss_mib / p.peak_rss_mib,
                d.size_mib / p.size_mib
            );
        }

        let _ = writeln!(w, "\nIn-process query latency, ms (p50 / p99)");
        let _ = writeln!(
            w,
            "  {:<33} {:>18} {:>17} {:>17} {:>17} {:>9} {:>8}",
            "", "hits d/t/f", "dateline", "bare tantivy", "sqlite fts5", "d/t p50", "d/f p50"
        );
        for q in &self.queries {
            let get = |n| q.engine(n).expect("three engines");
            let (d, t, f) = (get("dateline"), get("tantivy"), get("fts5"));
            let _ = writeln!(
                w,
                "  {:<33} {:>18} {:>8.2} /{:>7.2} {:>8.2} /{:>7.2} {:>8.2} /{:>7.2} {:>8.2}× {:>7.2}×",
                q.name,
                format!("{}/{}/{}", d.total, t.total, f.total),
                d.p50_ms,
                d.p99_ms,
                t.p50_ms,
                t.p99_ms,
                f.p50_ms,
                f.p99_ms,
                d.p50_ms / t.p50_ms,
                d.p50_ms / f.p50_ms
            );
        }
        if let Some(q) = self
            .queries
            .iter()
            .find(|q| q.query.contains("--from 2023-03"))
        {
            let _ = writeln!(w, "  (whole-process query below: {})", q.query);
        }

        let _ = writeln!(w, "\nWhole process, cold start included (ms)");
        let _ = writeln!(
            w,
            "  {:<28} {:>9} {:>9} {:>5} {:>11}",
            "", "median", "min", "runs", "dateline ÷"
        );
        let dl = self.process_of("dateline");
        for p in &self.process {
            let ratio = dl.map_or(String::new(), |d| {
                if p.engine == d.engine {
                    String::new()
                } else {
                    format!("{:>10.3}×", d.median_ms / p.median_ms)
                }
            });
            let _ = writeln!(
                w,
                "  {:<28} {:>9.1} {:>9.1} {:>5} {}",
                p.engine, p.median_ms, p.min_ms, p.samples, ratio
            );
        }

        let _ = writeln!(w, "\nTargets (issue 5)");
        for t in &self.targets {
            let mark = match t.pass {
                Some(true) => "PASS",
                Some(false) => "FAIL",
                None => "n/a ",
            };
            let _ = writeln!(w, "  {mark}  {:<58} {}", t.name, t.measured);
        }
        if !self.notes.is_empty() {
            let _ = writeln!(w, "\nNotes");
            for n in &self.notes {
                let _ = writeln!(w, "  - {n}");
            }
        }
        s
    }
}

fn min(xs: &[f64]) -> f64 {
    xs.iter().copied().fold(f64::INFINITY, f64::min)
}

/// Judges the targets of issue 5 against a report.
pub fn targets(r: &Report) -> Vec<Target> {
    let d = r.build_of("dateline");
    let t = r.build_of("tantivy");
    let f = r.build_of("fts5");
    let mut out = vec![
        Target {
            name: "index build ≤ 1.2× bare tantivy (wall)".into(),
            measured: format!("{:.2}×", d.wall_s / t.wall_s),
            pass: Some(d.wall_s <= 1.2 * t.wall_s),
        },
        Target {
            name: "index build faster than SQLite FTS5 (wall)".into(),
            measured: format!("{:.2} s vs {:.2} s", d.wall_s, f.wall_s),
            pass: Some(d.wall_s < f.wall_s),
        },
        Target {
            name: "re-index of unchanged corpus < 10% of full build".into(),
            measured: format!("{:.1}%", 100.0 * r.reindex.wall_s / d.wall_s),
            pass: Some(r.reindex.wall_s < 0.1 * d.wall_s),
        },
        Target {
            name: "peak RSS while indexing ≤ 1 GiB".into(),
            measured: format!("{:.0} MiB", d.peak_rss_mib),
            pass: Some(d.peak_rss_mib <= 1024.0),
        },
    ];
    let dp = r.process_of("dateline");
    let tp = r.process_of("tantivy");
    if let (Some(dp), Some(tp)) = (dp, tp) {
        out.push(Target {
            name: "whole-process search < 3× bare tantivy's".into(),
            measured: format!("{:.2}×", dp.median_ms / tp.median_ms),
            pass: Some(dp.median_ms < 3.0 * tp.median_ms),
        });
    }
    out.push(match (dp, r.process_of("ripgrep")) {
        (Some(dp), Some(rg)) => Target {
            name: "whole-process search ≥ 100× faster than ripgrep".into(),
            measured: format!("{:.1}× faster", rg.median_ms / dp.median_ms),
            pass: Some(rg.median_ms >= 100.0 * dp.median_ms),
        },
        _ => Target {
            name: "whole-process search ≥ 100× faster than ripgrep".into(),
            measured: "ripgrep not run".into(),
            pass: None,
        },
    });
    out.push(Target {
        name: "index size ≤ 1.1× bare tantivy's".into(),
        measured: format!("{:.2}×", d.size_mib / t.size_mib),
        pass: Some(d.size_mib <= 1.1 * t.size_mib),
    });
    out
}
