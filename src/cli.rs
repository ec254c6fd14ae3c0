//! Command-line arguments (clap derive) and their translation into library requests. Raw
//! flags first; [`SearchArgs::to_request`] is the one place that turns them into settings.

use std::path::PathBuf;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum, ValueHint};

use dateline::date::{Interval, PartialDate};
use dateline::{
    Count, ExportField, ExportRequest, FacetField, Filters, Format, Page, QuoteRequest,
    SearchRequest, Sort, SpeakerKind,
};

/// Full-text search for news archives: index a directory of articles, then ask
/// date-filtered, faceted questions of it.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// On an error, print the whole chain of causes (for bug reports), not just the one-line
    /// message. `RUST_LOG=debug` (or `trace`) does the same.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// Colour in text output: `auto` (on a terminal, unless NO_COLOR is set or TERM=dumb),
    /// `always` or `never`.
    #[arg(long, value_enum, global = true, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
}

/// When to colour text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// On a terminal, unless NO_COLOR is set or TERM is `dumb`.
    Auto,
    /// Always, even into a pipe.
    Always,
    /// Never.
    Never,
}

impl ColorArg {
    /// Whether to colour, given whether stdout is a terminal and the values of NO_COLOR and
    /// TERM.
    pub fn wanted(self, terminal: bool, no_color: Option<&str>, term: Option<&str>) -> bool {
        match self {
            ColorArg::Always => true,
            ColorArg::Never => false,
            // NO_COLOR counts when set to anything but the empty string (no-color.org).
            ColorArg::Auto => {
                terminal && no_color.is_none_or(str::is_empty) && term != Some("dumb")
            }
        }
    }
}

impl Cli {
    /// Whether errors are printed with their causes: `-v`, or `RUST_LOG` asking for debug
    /// or trace (`RUST_LOG` holds the value of that variable).
    pub fn verbose(&self, rust_log: Option<&str>) -> bool {
        self.verbose
            || rust_log.is_some_and(|v| {
                v.split(',').any(|directive| {
                    let level = directive.rsplit('=').next().unwrap_or("").trim();
                    level.eq_ignore_ascii_case("debug") || level.eq_ignore_ascii_case("trace")
                })
            })
    }
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index article files under one or more paths (re-running updates only what changed).
    Index(IndexArgs),
    /// Search the index: full text, date range, cities, facets, histogram.
    Search(SearchArgs),
    /// List quoted speech: who said what, filtered like search.
    Quotes(QuotesArgs),
    /// Write every matching article (not one page) as CSV or JSON Lines, with the fields
    /// asked for, streamed in constant memory.
    Export(ExportArgs),
    /// Summarise the index: articles, dates, cities, quotes, size.
    Stats(StatsArgs),
    /// Serve the index over HTTP: a web page at `/` and a JSON API under `/api/` (read-only;
    /// commits made meanwhile by `dateline index` show up without a restart).
    Serve(ServeArgs),
    /// Verify the index: every index file against its checksum, and the files it was built
    /// from (gone or changed since). Exits 0 when all is well, 1 when something is wrong, 2
    /// when it could not check.
    Check(CheckArgs),
    /// Print a shell completion script (see the README for where to put it).
    Completions(CompletionsArgs),
    /// Print the manual page (roff), or write one page per subcommand into a directory.
    Man(ManArgs),
}

impl Command {
    /// The index directory the command works on, if it works on one.
    pub fn index_dir(&self) -> Option<&std::path::Path> {
        match self {
            Command::Index(a) => Some(&a.dir.index),
            Command::Search(a) => Some(&a.dir.index),
            Command::Quotes(a) => Some(&a.dir.index),
            Command::Export(a) => Some(&a.dir.index),
            Command::Stats(a) => Some(&a.dir.index),
            Command::Serve(a) => Some(&a.dir.index),
            Command::Check(a) => Some(&a.dir.index),
            Command::Completions(_) | Command::Man(_) => None,
        }
    }
}

/// Where the index lives.
#[derive(Debug, Args)]
pub struct IndexDir {
    /// Index directory [default: $DATELINE_INDEX, else ./.dateline-index]
    #[arg(
        long,
        value_name = "DIR",
        value_hint = ValueHint::DirPath,
        env = "DATELINE_INDEX",
        default_value = ".dateline-index"
    )]
    pub index: PathBuf,
}

/// Date, city, country and language filters, shared by `search` and `quotes`.
#[derive(Debug, Clone, Args)]
pub struct FilterArgs {
    /// From the start of this period: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_parser = parse_date)]
    pub from: Option<PartialDate>,
    /// To the end of this period, inclusive: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_parser = parse_date)]
    pub to: Option<PartialDate>,
    /// Dateline city, case-insensitive; repeat for any of several.
    #[arg(long = "city", value_name = "NAME")]
    pub cities: Vec<String>,
    /// Country of the dateline place: ISO code or name, any case or language (ua, Ukraine,
    /// Україна); repeat for any of several.
    #[arg(long = "country", value_name = "NAME")]
    pub countries: Vec<String>,
    /// Language of the article, an ISO 639-1 code (`uk`, `ru`, `en`); repeat for any of
    /// several.
    #[arg(long = "lang", value_name = "CODE")]
    pub languages: Vec<String>,
    /// The outlet (`Reuters`, `bbc.co.uk`), any case or known spelling (`reuter`,
    /// `reuters.com`); repeat for any of several.
    #[arg(long = "source", value_name = "NAME")]
    pub sources: Vec<String>,
}

/// What to count, shared by `search` and `quotes`.
#[derive(Debug, Clone, Args)]
pub struct FacetArgs {
    /// Count the matches per value of this field (repeatable) [default: city and month for
    /// search, speaker for quotes]
    #[arg(long = "facet", value_name = "FIELD", value_parser = facet_parser())]
    pub facets: Vec<FacetField>,
    /// Values shown per facet (0 = all).
    #[arg(long, default_value_t = 10)]
    pub facet_limit: usize,
}

impl FacetArgs {
    /// The facets asked for, or `default` when none were.
    fn or(&self, default: &[FacetField]) -> Vec<FacetField> {
        if self.facets.is_empty() {
            default.to_vec()
        } else {
            self.facets.clone()
        }
    }
}

/// Which results to show and how, shared by `search` and `quotes`.
#[derive(Debug, Clone, Args)]
pub struct PageArgs {
    /// Results to show.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Results to skip (paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Mark matched words with [brackets] in text output without colour (plain text is
    /// otherwise left unmarked).
    #[arg(long)]
    pub brackets: bool,
}

impl PageArgs {
    /// The library's page these flags ask for.
    pub fn to_page(&self) -> Page {
        Page {
            limit: self.limit,
            offset: self.offset,
        }
    }
}

/// `dateline index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Files or directories to index (directories are walked recursively; hidden entries
    /// are skipped; a PATH that is a symbolic link is followed).
    #[arg(required = true, value_name = "PATH", value_hint = ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub dir: IndexDir,
    /// Follow symbolic links below PATH. Without it links are not followed (only counted),
    /// and files an earlier run reached through a link are removed from the index.
    #[arg(short = 'L', long)]
    pub follow: bool,
    /// Index every file, also those that are not articles by their name or content (a
    /// README, licence, annotation sidecar, data table or word list), which are otherwise
    /// left out and listed in the report. `--format` also reads every file as asked.
    #[arg(long)]
    pub all_files: bool,
    /// Only index files matching this glob; `!GLOB` excludes (repeatable, as in ripgrep).
    #[arg(long = "glob", short = 'g', value_name = "GLOB")]
    pub globs: Vec<String>,
    /// Read every file as this format instead of detecting it.
    #[arg(long, value_name = "FORMAT", value_parser = Named::new(parse_format, Format::ALL.iter().map(|f| f.name())))]
    pub format: Option<Format>,
    /// Extra city aliases: a file of `from<TAB>to` lines (Kiev<TAB>Kyiv). The index
    /// remembers them for --city filters and later runs, until another file (or --full).
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub aliases: Option<PathBuf>,
    /// JSON field (and CSV column) names to read, ahead of the built-in ones:
    /// `title=headline,body=text,date=meta.published,dateline=place,url=link,language=lang`.
    #[arg(long, value_name = "SPEC")]
    pub json_fields: Option<String>,
    /// The outlet of every article under these PATHs (`--source "Kyiv Independent"`),
    /// ahead of what the files say (a source field, the URL, the dateline's agency). Index
    /// each outlet's folder in a run of its own, and give the name again when updating it:
    /// a file re-read without it takes its source from its content.
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// Rebuild from scratch instead of updating.
    #[arg(long)]
    pub full: bool,
    /// Detect near-duplicate stories: the similarity at which two articles are one story
    /// (estimated Jaccard of their word 5-shingles, 0.05 to 1; 0.6 is a good start), or 0 for
    /// off [default: the index's; off for a new one]. The index remembers it; another value
    /// re-reads every file.
    #[arg(long, value_name = "SIMILARITY", value_parser = parse_threshold)]
    pub dup_threshold: Option<f64>,
    /// Indexing threads (0 = one per core).
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// Commit after at most this many files (and at least once a minute), so an interrupted
    /// run keeps its work.
    #[arg(long, default_value_t = 100_000, value_name = "N")]
    pub commit_every: usize,
    /// Skip files larger than this many megabytes.
    #[arg(long, default_value_t = 64, value_name = "MB")]
    pub max_file_mb: u64,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `dateline search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Query in tantivy's query language over title and body (quotes included): words (all
    /// must match), "phrases", OR, NOT/-, field:term (title:, body:, city:, country:,
    /// date:2023-03).
    /// Empty or `*` matches every article.
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,
    #[command(flatten)]
    pub dir: IndexDir,
    /// Update the index from these paths before searching (indexes on first use).
    #[arg(long, value_name = "PATH", value_hint = ValueHint::AnyPath)]
    pub update: Vec<PathBuf>,
    /// With --update: follow symbolic links, as `index --follow`.
    #[arg(short = 'L', long)]
    pub follow: bool,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub counts: FacetArgs,
    /// Calendar histogram of matches.
    #[arg(long, value_enum)]
    pub histogram: Option<IntervalArg>,
    /// With `--facet terms`: how many of the first matches (in the order of the hits) the
    /// top words are counted over.
    #[arg(long, default_value_t = 500, value_name = "N")]
    pub terms_sample: usize,
    /// With --histogram: each period's share of all articles in the archive then (those
    /// that pass the other filters), beside the count: attention normalised by volume.
    #[arg(long, requires = "histogram")]
    pub normalize: bool,
    /// Order of hits [default: relevance when the query has words, else newest]
    #[arg(long, value_enum)]
    pub sort: Option<SortArg>,
    /// One hit per story (an article and its near-duplicates): the copy that comes first in
    /// the order asked for, with how many copies match and where the others are. The page
    /// counts stories.
    #[arg(long, overrides_with = "no_collapse")]
    pub collapse: bool,
    /// Every matching article its own hit, copies included (the default).
    #[arg(long, overrides_with = "collapse")]
    pub no_collapse: bool,
    /// What facets and the histogram count: articles, or stories (each story once per
    /// value, and on the day of its earliest matching copy).
    #[arg(long, value_enum, default_value = "articles")]
    pub count: CountArg,
    #[command(flatten)]
    pub page: PageArgs,
    /// Print one JSON object (schema/search-output.schema.json).
    #[arg(long)]
    pub json: bool,
}

/// `dateline quotes`.
#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// Query over the quoted words (same language as search); empty or `*` lists every quote,
    /// newest first.
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,
    #[command(flatten)]
    pub dir: IndexDir,
    /// Speaker, matched as words in order, case-insensitive (`kofman`); repeat for any of
    /// several.
    #[arg(long = "speaker", value_name = "NAME")]
    pub speakers: Vec<String>,
    /// Only quotes of a person, or only those of an organisation (the White House, a
    /// department, a newspaper): `person` or `organisation`.
    #[arg(long, value_name = "KIND", value_parser = speaker_kind)]
    pub speaker_kind: Option<SpeakerKind>,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub counts: FacetArgs,
    #[command(flatten)]
    pub page: PageArgs,
    /// Print one JSON object (schema/quotes-output.schema.json).
    #[arg(long)]
    pub json: bool,
}

/// `--speaker-kind`: `person` or `organisation` (`organization`, `org`).
fn speaker_kind(s: &str) -> Result<SpeakerKind, String> {
    SpeakerKind::parse(s).ok_or_else(|| format!("{s:?} is not person or organisation"))
}

impl QuotesArgs {
    /// The library request these flags ask for.
    pub fn to_request(&self) -> QuoteRequest {
        QuoteRequest {
            query: self.query.clone().unwrap_or_default(),
            speakers: self.speakers.clone(),
            speaker_kind: self.speaker_kind,
            filters: self.filters.to_filters(),
            facets: self.counts.or(&[FacetField::Speaker]),
            facet_limit: self.counts.facet_limit,
            sort: None,
            page: self.page.to_page(),
        }
    }
}

/// `dateline export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Query, as for search; empty or `*` exports every article.
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,
    #[command(flatten)]
    pub dir: IndexDir,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Output format: `csv` (a header row, then one row per article), `jsonl` or `ndjson`
    /// (the same thing: one JSON object per line).
    #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
    pub format: ExportFormat,
    /// Fields, comma-separated, in this order: id, date, published, source, city, region,
    /// country, language, format, url, path, story, title, body; or `all`.
    #[arg(long, value_name = "LIST", default_value = "id,date,source,city,url,title", value_parser = parse_export_fields)]
    pub fields: ExportFields,
}

/// The fields of `--fields`, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFields(pub Vec<ExportField>);

impl ExportArgs {
    /// The library request these flags ask for.
    pub fn to_request(&self) -> ExportRequest {
        ExportRequest {
            query: self.query.clone().unwrap_or_default(),
            filters: self.filters.to_filters(),
            fields: self.fields.0.clone(),
        }
    }
}

/// How `dateline export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Comma-separated values with a header row (RFC 4180 quoting).
    Csv,
    /// JSON Lines: one object per line.
    Jsonl,
    /// Newline-delimited JSON: the same as jsonl.
    Ndjson,
}

fn parse_export_fields(s: &str) -> Result<ExportFields, String> {
    ExportField::parse_list(s)
        .map(ExportFields)
        .map_err(|e| e.to_string())
}

/// `dateline stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub dir: IndexDir,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `dateline serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub dir: IndexDir,
    /// Address and port to listen on. Only this machine can connect unless you give another
    /// address (`0.0.0.0:7700`); port 0 picks a free port. The address is printed on start.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:7700")]
    pub bind: std::net::SocketAddr,
    /// Give up a search that takes longer than this many milliseconds (HTTP 503).
    #[arg(long, value_name = "MS", default_value_t = 10_000)]
    pub timeout_ms: u64,
}

/// `dateline check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub dir: IndexDir,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `dateline completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `dateline man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write `dateline.1` and a page per subcommand (`dateline-index.1`, ...) into this
    /// directory instead of printing `dateline.1`.
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub dir: Option<PathBuf>,
}

/// Histogram bucket width.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum IntervalArg {
    /// Days.
    Day,
    /// ISO weeks.
    Week,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
}

/// What facets and histograms count.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CountArg {
    /// Every matching article.
    Articles,
    /// Every story (an article and its near-duplicates) once.
    Stories,
}

/// Hit order.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SortArg {
    /// Best match first.
    Relevance,
    /// Latest first, undated last.
    Newest,
    /// Earliest first, undated last.
    Oldest,
}

impl FilterArgs {
    /// The library's filters these flags ask for.
    pub fn to_filters(&self) -> Filters {
        Filters {
            from: self.from,
            to: self.to,
            cities: self.cities.clone(),
            countries: self.countries.clone(),
            languages: self.languages.clone(),
            sources: self.sources.clone(),
        }
    }
}

fn parse_date(s: &str) -> Result<PartialDate, String> {
    PartialDate::parse(s).map_err(|e| e.to_string())
}

fn parse_facet(s: &str) -> Result<FacetField, String> {
    FacetField::from_name(s).map_err(|e| e.to_string())
}

fn facet_parser() -> Named<FacetField> {
    Named::new(parse_facet, FacetField::ALL.iter().map(|f| f.name()))
}

/// A value parser that parses with our own function (so values and messages stay ours) and
/// names the values it accepts, so help and shell completions can offer them.
#[derive(Clone)]
struct Named<T> {
    parse: fn(&str) -> Result<T, String>,
    names: Vec<&'static str>,
}

impl<T> Named<T> {
    fn new(
        parse: fn(&str) -> Result<T, String>,
        names: impl Iterator<Item = &'static str>,
    ) -> Self {
        Named {
            parse,
            names: names.collect(),
        }
    }
}

impl<T: Clone + Send + Sync + 'static> TypedValueParser for Named<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<T, clap::Error> {
        self.parse.parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.names.iter().map(|&n| PossibleValue::new(n))))
    }
}

fn parse_threshold(s: &str) -> Result<f64, String> {
    if s.trim().eq_ignore_ascii_case("off") {
        return Ok(dateline::story::OFF);
    }
    let t: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("{s:?} is not a number"))?;
    dateline::story::check_threshold(t)
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::from_name(s).ok_or_else(|| {
        let names: Vec<_> = Format::ALL.iter().map(|f| f.name()).collect();
        format!("unknown format {s:?} (one of: {})", names.join(", "))
    })
}

impl SearchArgs {
    /// The library request these flags ask for.
    pub fn to_request(&self) -> SearchRequest {
        SearchRequest {
            query: self.query.clone().unwrap_or_default(),
            filters: self.filters.to_filters(),
            facets: self.counts.or(&[FacetField::City, FacetField::Month]),
            facet_limit: self.counts.facet_limit,
            histogram: self.histogram.map(|h| match h {
                IntervalArg::Day => Interval::Day,
                IntervalArg::Week => Interval::Week,
                IntervalArg::Month => Interval::Month,
                IntervalArg::Year => Interval::Year,
            }),
            normalize: self.normalize,
            sort: self.sort.map(|s| match s {
                SortArg::Relevance => Sort::Relevance,
                SortArg::Newest => Sort::Newest,
                SortArg::Oldest => Sort::Oldest,
            }),
            count: match self.count {
                CountArg::Articles => Count::Articles,
                CountArg::Stories => Count::Stories,
            },
            collapse: self.collapse && !self.no_collapse,
            page: self.page.to_page(),
            terms_sample: self.terms_sample,
            ..SearchRequest::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("dateline").chain(args.iter().copied()))
    }

    fn search(args: &[&str]) -> SearchArgs {
        match parse(args).unwrap().command {
            Command::Search(s) => s,
            other => panic!("not search: {other:?}"),
        }
    }

    #[test]
    fn search_flags_become_a_request() {
        let s = search(&[
            "search",
            "Bakhmut",
            "--from",
            "2023-03",
            "--to",
            "2023-03",
            "--city",
            "kyiv",
            "--city",
            "Kharkiv",
            "--country",
            "ua",
            "--country",
            "Україна",
            "--lang",
            "uk",
            "--lang",
            "ru",
            "--facet",
            "year",
            "--facet",
            "country",
            "--facet-limit",
            "0",
            "--histogram",
            "week",
            "--normalize",
            "--source",
            "Reuters",
            "--sort",
            "newest",
            "--limit",
            "5",
            "--offset",
            "2",
            "--json",
        ]);
        let r = s.to_request();
        assert_eq!(r.query, "Bakhmut");
        assert_eq!(r.filters.from.unwrap().first.to_string(), "2023-03-01");
        assert_eq!(r.filters.to.unwrap().end.to_string(), "2023-04-01");
        assert_eq!(r.filters.cities, ["kyiv", "Kharkiv"]);
        assert_eq!(r.filters.countries, ["ua", "Україна"]);
        assert_eq!(r.filters.languages, ["uk", "ru"]);
        assert_eq!(r.facets, [FacetField::Year, FacetField::Country]);
        assert_eq!(r.facet_limit, 0);
        assert_eq!(r.histogram, Some(Interval::Week));
        assert!(r.normalize);
        assert_eq!(r.filters.sources, ["Reuters"]);
        assert_eq!(r.sort, Some(Sort::Newest));
        assert_eq!((r.page.limit, r.page.offset), (5, 2));
        assert!(s.json);
    }

    #[test]
    fn collapse_and_count_flags() {
        let r = search(&["search"]).to_request();
        assert!(!r.collapse, "collapse is off by default");
        assert_eq!(r.count, Count::Articles);
        let r = search(&["search", "--collapse", "--count", "stories"]).to_request();
        assert!(r.collapse);
        assert_eq!(r.count, Count::Stories);
        // The last of --collapse and --no-collapse wins.
        assert!(
            !search(&["search", "--collapse", "--no-collapse"])
                .to_request()
                .collapse
        );
        assert!(
            search(&["search", "--no-collapse", "--collapse"])
                .to_request()
                .collapse
        );
        assert!(parse(&["search", "--count", "copies"]).is_err());
    }

    #[test]
    fn dup_threshold_flag() {
        let Command::Index(i) = parse(&["index", "a", "--dup-threshold", "0.7"])
            .unwrap()
            .command
        else {
            panic!("not index")
        };
        assert_eq!(i.dup_threshold, Some(0.7));
        let Command::Index(i) = parse(&["index", "a"]).unwrap().command else {
            panic!("not index")
        };
        assert_eq!(i.dup_threshold, None);
        for off in ["0", "off", "OFF"] {
            let Command::Index(i) = parse(&["index", "a", "--dup-threshold", off])
                .unwrap()
                .command
            else {
                panic!("not index")
            };
            assert_eq!(i.dup_threshold, Some(dateline::story::OFF), "{off}");
        }
        for bad in ["0.01", "1.2", "half", "NaN", "-0.5"] {
            assert!(
                parse(&["index", "a", "--dup-threshold", bad]).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn defaults_are_city_and_month_facets() {
        let r = search(&["search"]).to_request();
        assert_eq!(r.query, "");
        assert_eq!(r.facets, [FacetField::City, FacetField::Month]);
        assert_eq!((r.page.limit, r.page.offset, r.facet_limit), (10, 0, 10));
        assert_eq!(
            r.sort, None,
            "the library picks: relevance with words, else newest"
        );
    }

    #[test]
    fn bad_values_are_rejected_by_the_parser() {
        assert!(parse(&["search", "--from", "2023-02-30"]).is_err());
        assert!(parse(&["search", "--facet", "colour"]).is_err());
        assert!(parse(&["search", "--sort", "sideways"]).is_err());
        assert!(parse(&["search", "--limit", "-1"]).is_err());
        assert!(
            parse(&["search", "--normalize"]).is_err(),
            "--normalize needs a histogram"
        );
        assert!(parse(&["index"]).is_err());
        assert!(parse(&["index", "x", "--format", "pdf"]).is_err());
    }

    #[test]
    fn colour_is_asked_for_or_decided_by_the_terminal() {
        let cli = parse(&["search", "x"]).unwrap();
        assert_eq!(cli.color, ColorArg::Auto);
        assert!(ColorArg::Auto.wanted(true, None, Some("xterm")));
        assert!(!ColorArg::Auto.wanted(false, None, Some("xterm")));
        assert!(!ColorArg::Auto.wanted(true, Some("1"), None));
        assert!(ColorArg::Auto.wanted(true, Some(""), None));
        assert!(!ColorArg::Auto.wanted(true, None, Some("dumb")));
        assert!(ColorArg::Always.wanted(false, Some("1"), Some("dumb")));
        assert!(!ColorArg::Never.wanted(true, None, None));
        let cli = parse(&["quotes", "--color", "never", "--brackets"]).unwrap();
        assert_eq!(cli.color, ColorArg::Never);
        let Command::Quotes(q) = cli.command else {
            panic!("not quotes")
        };
        assert!(q.page.brackets);
        assert!(parse(&["stats", "--color", "sometimes"]).is_err());
    }

    #[test]
    fn serve_flags() {
        let Command::Serve(s) = parse(&["serve"]).unwrap().command else {
            panic!("not serve")
        };
        assert_eq!(s.bind.to_string(), "127.0.0.1:7700");
        assert_eq!(s.timeout_ms, 10_000);
        let Command::Serve(s) = parse(&["serve", "--bind", "0.0.0.0:0", "--timeout-ms", "50"])
            .unwrap()
            .command
        else {
            panic!("not serve")
        };
        assert_eq!(s.bind.to_string(), "0.0.0.0:0");
        assert_eq!(s.timeout_ms, 50);
        assert!(parse(&["serve", "--bind", "localhost"]).is_err());
    }

    #[test]
    fn quotes_flags() {
        let Command::Quotes(q) = parse(&[
            "quotes",
            "Bakhmut",
            "--speaker",
            "kofman",
            "--from",
            "2023",
            "--city",
            "Kyiv",
            "--country",
            "UA",
            "--limit",
            "3",
            "--json",
        ])
        .unwrap()
        .command
        else {
            panic!("not quotes")
        };
        let r = q.to_request();
        assert_eq!(r.query, "Bakhmut");
        assert_eq!(r.speakers, ["kofman"]);
        assert_eq!(r.speaker_kind, None);
        assert_eq!(r.facets, [FacetField::Speaker]);
        assert_eq!(r.filters.cities, ["Kyiv"]);
        assert_eq!(r.filters.countries, ["UA"]);
        assert_eq!(r.page.limit, 3);
        assert!(q.json);
        let Command::Quotes(q) = parse(&["quotes", "--speaker-kind", "organisation"])
            .unwrap()
            .command
        else {
            panic!("not quotes")
        };
        assert_eq!(q.to_request().speaker_kind, Some(SpeakerKind::Organisation));
        let Command::Quotes(q) = parse(&["quotes", "--speaker-kind", "Person"])
            .unwrap()
            .command
        else {
            panic!("not quotes")
        };
        assert_eq!(q.speaker_kind, Some(SpeakerKind::Person));
        assert!(parse(&["quotes", "--speaker-kind", "robot"]).is_err());
    }

    #[test]
    fn export_flags() {
        let Command::Export(e) = parse(&[
            "export", "bakhmut", "--source", "AP", "--format", "csv", "--fields", "id,title",
        ])
        .unwrap()
        .command
        else {
            panic!("not export")
        };
        let r = e.to_request();
        assert_eq!(r.query, "bakhmut");
        assert_eq!(r.filters.sources, ["AP"]);
        assert_eq!(r.fields, [ExportField::Id, ExportField::Title]);
        assert_eq!(e.format, ExportFormat::Csv);
        let Command::Export(d) = parse(&["export"]).unwrap().command else {
            panic!("not export")
        };
        assert_eq!(d.format, ExportFormat::Jsonl);
        assert_eq!(d.to_request().fields, ExportField::DEFAULT);
        assert!(parse(&["export", "--fields", "id,colour"]).is_err());
        assert!(parse(&["export", "--format", "xml"]).is_err());
    }

    #[test]
    fn index_flags() {
        let Command::Index(i) = parse(&[
            "index", "a", "b", "--glob", "*.txt", "-g", "!x*", "--full", "--json", "--index", "ix",
        ])
        .unwrap()
        .command
        else {
            panic!("not index")
        };
        assert_eq!(i.paths.len(), 2);
        assert_eq!(i.globs, ["*.txt", "!x*"]);
        assert!(i.full && i.json);
        assert_eq!(i.dir.index, PathBuf::from("ix"));
        let Command::Index(w) = parse(&["index", "crawls", "--format", "warc"])
            .unwrap()
            .command
        else {
            panic!("not index")
        };
        assert_eq!(w.format, Some(Format::Warc));
    }

    #[test]
    fn check_flags_and_a_global_verbose() {
        let cli = parse(&["check", "--index", "ix", "--json", "-v"]).unwrap();
        assert!(cli.verbose(None));
        let Command::Check(c) = &cli.command else {
            panic!("not check")
        };
        assert!(c.json);
        assert_eq!(cli.command.index_dir(), Some(std::path::Path::new("ix")));
        let cli = parse(&["--verbose", "stats"]).unwrap();
        assert!(cli.verbose(None));
    }

    #[test]
    fn rust_log_at_debug_or_trace_means_verbose() {
        let cli = parse(&["stats"]).unwrap();
        assert!(!cli.verbose(None));
        assert!(!cli.verbose(Some("info")));
        assert!(!cli.verbose(Some("")));
        assert!(cli.verbose(Some("debug")));
        assert!(cli.verbose(Some("warn,dateline=TRACE")));
    }

    #[test]
    fn follow_is_off_unless_asked() {
        let index = |args: &[&str]| match parse(args).unwrap().command {
            Command::Index(i) => i,
            other => panic!("not index: {other:?}"),
        };
        assert!(!index(&["index", "a"]).follow);
        assert!(index(&["index", "a", "-L"]).follow);
        assert!(index(&["index", "a", "--follow"]).follow);
        assert!(!search(&["search", "--update", "a"]).follow);
        assert!(search(&["search", "--update", "a", "-L"]).follow);
        assert!(parse(&["index", "a", "--follow=yes"]).is_err());
    }

    #[test]
    fn completions_and_man_flags() {
        for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
            let Command::Completions(c) = parse(&["completions", shell]).unwrap().command else {
                panic!("not completions")
            };
            assert_eq!(c.shell.to_string(), shell);
        }
        assert!(parse(&["completions"]).is_err());
        assert!(parse(&["completions", "tcsh"]).is_err());
        let Command::Man(m) = parse(&["man"]).unwrap().command else {
            panic!("not man")
        };
        assert_eq!(m.dir, None);
        let Command::Man(m) = parse(&["man", "--dir", "out"]).unwrap().command else {
            panic!("not man")
        };
        assert_eq!(m.dir, Some(PathBuf::from("out")));
    }

    /// Completions offer facet and format names; parsing them is still ours.
    #[test]
    fn facet_and_format_names_are_offered() {
        use clap::CommandFactory;
        let cli = Cli::command();
        let offered = |sub: &str, arg: &str| -> Vec<String> {
            let sub = cli.find_subcommand(sub).unwrap();
            let arg = sub.get_arguments().find(|a| a.get_id() == arg).unwrap();
            arg.get_possible_values()
                .iter()
                .map(|v| v.get_name().to_string())
                .collect()
        };
        let facets: Vec<_> = FacetField::ALL.iter().map(|f| f.name()).collect();
        assert_eq!(offered("search", "facets"), facets);
        assert_eq!(offered("quotes", "facets"), facets);
        let formats: Vec<_> = Format::ALL.iter().map(|f| f.name()).collect();
        assert_eq!(offered("index", "format"), formats);

        assert_eq!(
            search(&["search", "--facet", "region"]).counts.facets,
            [FacetField::Region]
        );
        let err = parse(&["search", "--facet", "colour"])
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown facet \"colour\""), "{err}");
        let err = parse(&["index", "x", "--format", "pdf"])
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown format \"pdf\""), "{err}");
    }
}
