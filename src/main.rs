//! The `dateline` binary: parse arguments, call the library, print, and map the outcome to an
//! exit status (0 matched / 1 nothing matched / 2 error, as grep does).

mod cli;
mod serve;

/// Parsing makes many small allocations on several threads; mimalloc handles that pattern
/// with less contention and fragmentation than the system allocator. It is built without
/// transparent huge pages (`no_thp`): zeroing fresh 2 MB pages cost a short `dateline search`
/// about 2 ms of its 9, and indexing gained nothing from them (it used less memory without).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use anyhow::Context;
use clap::{CommandFactory, Parser};

use cli::{
    CheckArgs, Cli, ColorArg, Command, CompletionsArgs, ExportArgs, ExportFormat, IndexArgs,
    ManArgs, QuotesArgs, SearchArgs, StatsArgs,
};
use dateline::output::{self, Style};
use dateline::parse::{CityAliases, JsonMapping};
use dateline::{DatelineIndex, IndexOptions};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let verbose = cli.verbose(std::env::var("RUST_LOG").ok().as_deref());
    if !verbose {
        quiet_panics();
    }
    let outcome = std::panic::catch_unwind(|| match &cli.command {
        Command::Index(args) => run_index(args),
        Command::Search(args) => run_search(args, cli.color),
        Command::Quotes(args) => run_quotes(args, cli.color),
        Command::Stats(args) => run_stats(args),
        Command::Serve(args) => serve::run(args),
        Command::Check(args) => run_check(args),
        Command::Export(args) => run_export(args),
        Command::Completions(args) => run_completions(args),
        Command::Man(args) => run_man(args),
    });
    let Ok(result) = outcome else {
        // Data that contradicts itself (a segment overwritten in place, which opening does
        // not notice) can trip an assertion in tantivy or here.
        let what = PANIC
            .lock()
            .ok()
            .and_then(|p| p.clone())
            .unwrap_or_default();
        let dir = cli
            .command
            .index_dir()
            .map_or_else(|| ".dateline-index".into(), |d| d.display().to_string());
        eprintln!(
            "dateline: error: dateline stopped unexpectedly ({what}); if the index is damaged, \
             `dateline check --index {dir}` says so; otherwise please report this with -v"
        );
        return ExitCode::from(2);
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            // A library error met after the index was opened (a search reading a segment)
            // is given its kind here, as `open` gives it to those met on opening.
            let err = match (err.downcast::<dateline::Error>(), cli.command.index_dir()) {
                (Ok(e), Some(dir)) => anyhow::Error::new(e.in_index(dir)),
                (Ok(e), None) => anyhow::Error::new(e),
                (Err(other), _) => other,
            };
            if verbose {
                eprintln!("dateline: error: {err}");
                for cause in err.chain().skip(1) {
                    eprintln!("  caused by: {cause}");
                }
            } else {
                eprintln!("dateline: error: {}", one_line(&err));
            }
            ExitCode::from(2)
        }
    }
}

/// What the last panic said and where, for the one-line message.
static PANIC: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// Panics keep their message for the one-line report instead of printing it with a
/// backtrace (`-v` keeps Rust's own report).
fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let msg = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into());
        let at = info
            .location()
            .map(|l| {
                // A dependency's file is named from its crate on, not from the cargo cache.
                let parts: Vec<&str> = l.file().split('/').collect();
                let short = parts[parts.len().saturating_sub(3)..].join("/");
                format!(" at {short}:{}", l.line())
            })
            .unwrap_or_default();
        if let Ok(mut p) = PANIC.lock() {
            *p = Some(format!("{msg}{at}").replace(['\n', '\r'], " "));
        }
    }));
}

/// The error in one line, each cause once: the context added here down to the first of
/// the library's errors, whose message is complete on its own (the causes beneath it are
/// for `--verbose`); a cause whose words are already printed is left out.
fn one_line(err: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        if cause.is::<dateline::Error>() {
            break;
        }
    }
    parts.join(": ").replace(['\n', '\r'], " ")
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// How text output is drawn: colour as `--color` and the terminal say, brackets if asked.
fn style(color: ColorArg, brackets: bool) -> Style {
    let var = |name| std::env::var(name).ok();
    Style {
        color: color.wanted(
            std::io::stdout().is_terminal(),
            var("NO_COLOR").as_deref(),
            var("TERM").as_deref(),
        ),
        brackets,
        ..Style::default()
    }
}

fn print(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

fn print_json<T: serde::Serialize>(value: &T) -> anyhow::Result<()> {
    print(&output::json(value)?)
}

fn run_index(args: &IndexArgs) -> anyhow::Result<u8> {
    let mut opts = IndexOptions {
        globs: args.globs.clone(),
        format: args.format,
        full: args.full,
        threads: args.threads,
        commit_every: args.commit_every,
        max_file_size: args.max_file_mb << 20,
        cancel: Some(stop_on_ctrl_c()),
        follow_links: args.follow,
        all_files: args.all_files,
        dup_threshold: args.dup_threshold,
        ..IndexOptions::default()
    };
    if let Some(file) = &args.aliases {
        opts.parse.aliases = load_aliases(file)?;
    }
    opts.parse.source = args.source.clone();
    if let Some(spec) = &args.json_fields {
        opts.parse.json =
            JsonMapping::from_spec(spec).map_err(|e| anyhow::anyhow!("--json-fields: {e}"))?;
    }
    let report = update(&args.dir.index, &args.paths, &opts)?;
    if args.json {
        print_json(&report)?;
    } else {
        eprint!("{}", output::report_text(&report));
    }
    if report.interrupted {
        eprintln!(
            "dateline: interrupted; the files done so far are committed, run again to finish"
        );
        return Ok(130);
    }
    Ok(if report.skipped.is_empty() { 0 } else { 1 })
}

/// A flag set by the first Ctrl-C (or SIGTERM), so indexing stops after committing; a
/// second one exits at once (the last commit is still intact on disk).
fn stop_on_ctrl_c() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    let f = flag.clone();
    let _ = ctrlc::set_handler(move || {
        if f.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
    });
    flag
}

fn load_aliases(file: &std::path::Path) -> anyhow::Result<CityAliases> {
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("cannot read aliases file {}", file.display()))?;
    let mut aliases = CityAliases::default();
    let bad = aliases.extend_from_tsv(&text);
    if let Some(line) = bad.first() {
        anyhow::bail!(
            "aliases file {}: line {line} is not `from<TAB>to`",
            file.display()
        );
    }
    Ok(aliases)
}

/// Indexes `paths` into `dir`, drawing a progress bar when stderr is a terminal.
fn update(
    dir: &std::path::Path,
    paths: &[std::path::PathBuf],
    opts: &IndexOptions,
) -> anyhow::Result<dateline::IndexReport> {
    for p in paths {
        anyhow::ensure!(p.exists(), "{}: no such file or directory", p.display());
    }
    // `--full` rebuilds whatever state the folder is in, as long as it is a dateline index
    // (`recreate` refuses any other folder).
    let index = match DatelineIndex::open_or_create(dir) {
        Err(dateline::Error::SchemaMismatch { .. } | dateline::Error::Damaged { .. })
            if opts.full =>
        {
            DatelineIndex::recreate(dir)?
        }
        other => other?,
    };
    let bar = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {bar:40} {bytes}/{total_bytes}  {msg} files  {binary_bytes_per_sec}  eta {eta}",
            )
            .expect("template"),
        );
        Some(bar)
    } else {
        None
    };
    let report = index.index_paths(paths, opts, &|p| {
        if let Some(bar) = &bar {
            // By bytes: a run of many small files and a few large ones ends when the bytes do.
            bar.set_length(p.bytes_total);
            bar.set_position(p.bytes_done);
            bar.set_message(format!("{}/{}", p.files_done, p.files_total));
        }
    })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(report)
}

fn run_search(args: &SearchArgs, color: ColorArg) -> anyhow::Result<u8> {
    if !args.update.is_empty() {
        let opts = IndexOptions {
            follow_links: args.follow,
            ..IndexOptions::default()
        };
        let report = update(&args.dir.index, &args.update, &opts)?;
        if !args.json {
            eprint!("{}", output::report_text(&report));
        }
    }
    let index = DatelineIndex::open(&args.dir.index)?;
    let results = index.search(&args.to_request())?;
    let total = results.total;
    answer(
        &results,
        output::search_text,
        total,
        args.json,
        &args.page,
        color,
    )
}

fn run_quotes(args: &QuotesArgs, color: ColorArg) -> anyhow::Result<u8> {
    let index = DatelineIndex::open(&args.dir.index)?;
    let results = index.search_quotes(&args.to_request())?;
    let total = results.total;
    answer(
        &results,
        output::quotes_text,
        total,
        args.json,
        &args.page,
        color,
    )
}

/// Prints results as JSON or as text (in the style `--color` and `--brackets` ask for), and
/// says by the exit status whether anything matched.
fn answer<T: serde::Serialize>(
    results: &T,
    text: fn(&T, Style) -> String,
    total: u64,
    json: bool,
    page: &cli::PageArgs,
    color: ColorArg,
) -> anyhow::Result<u8> {
    if json {
        print_json(results)?;
    } else {
        print(&text(results, style(color, page.brackets)))?;
    }
    Ok(if total > 0 { 0 } else { 1 })
}

fn run_check(args: &CheckArgs) -> anyhow::Result<u8> {
    let report = DatelineIndex::check(&args.dir.index)?;
    if args.json {
        print_json(&report)?;
    } else {
        print(&report.to_text())?;
    }
    Ok(if report.ok { 0 } else { 1 })
}

fn run_export(args: &ExportArgs) -> anyhow::Result<u8> {
    use std::io::Write;
    let index = DatelineIndex::open(&args.dir.index)?;
    let req = args.to_request();
    let names: Vec<&str> = req.fields.iter().map(|f| f.name()).collect();
    let stdout = std::io::stdout().lock();
    let io = |e: std::io::Error| dateline::Error::Io {
        path: "<stdout>".into(),
        source: e,
    };
    let exported = match args.format {
        ExportFormat::Csv => {
            let mut w = csv::Writer::from_writer(std::io::BufWriter::new(stdout));
            let csv_err = |e: csv::Error| match e.into_kind() {
                csv::ErrorKind::Io(e) => io(e),
                other => dateline::Error::BadRequest(format!("CSV: {other:?}")),
            };
            w.write_record(&names).map_err(csv_err)?;
            let n = index.export(&req, |row| {
                w.write_record(row.iter().map(|v| v.as_deref().unwrap_or("")))
                    .map_err(csv_err)
            })?;
            w.flush().map_err(io)?;
            n
        }
        ExportFormat::Jsonl | ExportFormat::Ndjson => {
            let mut w = std::io::BufWriter::new(stdout);
            let mut line = String::new();
            let n = index.export(&req, |row| {
                // Keys in the order asked for, one object per line.
                line.clear();
                line.push('{');
                for (i, (name, value)) in names.iter().zip(row).enumerate() {
                    if i > 0 {
                        line.push(',');
                    }
                    line.push_str(&serde_json::to_string(name).unwrap_or_default());
                    line.push(':');
                    line.push_str(&serde_json::to_string(value).unwrap_or_default());
                }
                line.push_str("}\n");
                w.write_all(line.as_bytes()).map_err(io)
            })?;
            w.flush().map_err(io)?;
            n
        }
    };
    // As grep: 1 when nothing matched.
    Ok(if exported == 0 { 1 } else { 0 })
}

fn run_stats(args: &StatsArgs) -> anyhow::Result<u8> {
    let index = DatelineIndex::open(&args.dir.index)?;
    let stats = index.stats()?;
    if args.json {
        print_json(&stats)?;
    } else {
        print(&output::stats_text(&stats))?;
    }
    Ok(0)
}

fn run_completions(args: &CompletionsArgs) -> anyhow::Result<u8> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "dateline", &mut script);
    print(&String::from_utf8(script)?)?;
    Ok(0)
}

/// The pages come from the same clap definitions as `--help`, so they cannot drift from it.
/// clap's `help` subcommand is left out: it has no page of its own.
fn run_man(args: &ManArgs) -> anyhow::Result<u8> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let source = format!("dateline {}", env!("CARGO_PKG_VERSION"));
    let page = |cmd: &clap::Command| clap_mangen::Man::new(cmd.clone()).source(&source);
    match &args.dir {
        Some(dir) => {
            let write = || -> std::io::Result<()> {
                std::fs::create_dir_all(dir)?;
                page(&cmd).generate_to(dir)?;
                for sub in cmd.get_subcommands() {
                    page(sub).generate_to(dir)?;
                }
                Ok(())
            };
            write().with_context(|| format!("cannot write manual pages to {}", dir.display()))?;
            eprintln!("dateline: wrote manual pages to {}", dir.display());
        }
        None => {
            let mut roff = Vec::new();
            page(&cmd).render(&mut roff)?;
            print(&String::from_utf8(roff)?)?;
        }
    }
    Ok(0)
}
