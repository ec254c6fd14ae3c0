//! Command-line arguments (clap derive) and their translation into library requests. Raw
//! flags first; [`SearchArgs::to_request`] is the one place that turns them into settings.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use dateline::date::{Interval, PartialDate};
use dateline::{FacetField, Filters, Format, Page, QuoteRequest, SearchRequest, Sort};

/// Full-text search for news archives: index a directory of articles, then ask
/// date-filtered, faceted questions of it.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
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
    /// Summarise the index: articles, dates, cities, quotes, size.
    Stats(StatsArgs),
}

/// Where the index lives.
#[derive(Debug, Args)]
pub struct IndexDir {
    /// Index directory [default: $DATELINE_INDEX, else ./.dateline-index]
    #[arg(
        long,
        value_name = "DIR",
        env = "DATELINE_INDEX",
        default_value = ".dateline-index"
    )]
    pub index: PathBuf,
}

/// Date, city and country filters, shared by `search` and `quotes`.
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
}

/// Which results to show, shared by `search` and `quotes`.
#[derive(Debug, Clone, Args)]
pub struct PageArgs {
    /// Results to show.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Results to skip (paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
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
    /// are skipped).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub dir: IndexDir,
    /// Only index files matching this glob; `!GLOB` excludes (repeatable, as in ripgrep).
    #[arg(long = "glob", short = 'g', value_name = "GLOB")]
    pub globs: Vec<String>,
    /// Read every file as this format instead of detecting it.
    #[arg(long, value_parser = parse_format)]
    pub format: Option<Format>,
    /// Extra city aliases: a file of `from<TAB>to` lines (Kiev<TAB>Kyiv). The index
    /// remembers them for --city filters and later runs, until another file (or --full).
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
    /// JSON field names to read, ahead of the built-in ones:
    /// `title=headline,body=text,date=meta.published,dateline=place,url=link,language=lang`.
    #[arg(long, value_name = "SPEC")]
    pub json_fields: Option<String>,
    /// Rebuild from scratch instead of updating.
    #[arg(long)]
    pub full: bool,
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
    #[arg(long, value_name = "PATH")]
    pub update: Vec<PathBuf>,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Count matching articles per value: city, country, year, month, speaker, region,
    /// format, language (repeatable) [default: city and month]
    #[arg(long = "facet", value_name = "FIELD", value_parser = parse_facet)]
    pub facets: Vec<FacetField>,
    /// Values shown per facet (0 = all).
    #[arg(long, default_value_t = 10)]
    pub facet_limit: usize,
    /// Calendar histogram of matches.
    #[arg(long, value_enum)]
    pub histogram: Option<IntervalArg>,
    /// Order of hits.
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,
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
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Count matching quotes per value (repeatable) [default: speaker]
    #[arg(long = "facet", value_name = "FIELD", value_parser = parse_facet)]
    pub facets: Vec<FacetField>,
    /// Values shown per facet (0 = all).
    #[arg(long, default_value_t = 10)]
    pub facet_limit: usize,
    #[command(flatten)]
    pub page: PageArgs,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

impl QuotesArgs {
    /// The library request these flags ask for.
    pub fn to_request(&self) -> QuoteRequest {
        QuoteRequest {
            query: self.query.clone().unwrap_or_default(),
            speakers: self.speakers.clone(),
            filters: self.filters.to_filters(),
            facets: if self.facets.is_empty() {
                vec![FacetField::Speaker]
            } else {
                self.facets.clone()
            },
            facet_limit: self.facet_limit,
            sort: None,
            page: self.page.to_page(),
        }
    }
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
        }
    }
}

fn parse_date(s: &str) -> Result<PartialDate, String> {
    PartialDate::parse(s).map_err(|e| e.to_string())
}

fn parse_facet(s: &str) -> Result<FacetField, String> {
    FacetField::from_name(s).map_err(|e| e.to_string())
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
            facets: if self.facets.is_empty() {
                vec![FacetField::City, FacetField::Month]
            } else {
                self.facets.clone()
            },
            facet_limit: self.facet_limit,
            histogram: self.histogram.map(|h| match h {
                IntervalArg::Day => Interval::Day,
                IntervalArg::Week => Interval::Week,
                IntervalArg::Month => Interval::Month,
                IntervalArg::Year => Interval::Year,
            }),
            sort: Some(match self.sort {
                SortArg::Relevance => Sort::Relevance,
                SortArg::Newest => Sort::Newest,
                SortArg::Oldest => Sort::Oldest,
            }),
            page: self.page.to_page(),
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
            "--facet",
            "year",
            "--facet",
            "country",
            "--facet-limit",
            "0",
            "--histogram",
            "week",
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
        assert_eq!(r.facets, [FacetField::Year, FacetField::Country]);
        assert_eq!(r.facet_limit, 0);
        assert_eq!(r.histogram, Some(Interval::Week));
        assert_eq!(r.sort, Some(Sort::Newest));
        assert_eq!((r.page.limit, r.page.offset), (5, 2));
        assert!(s.json);
    }

    #[test]
    fn defaults_are_city_and_month_facets() {
        let r = search(&["search"]).to_request();
        assert_eq!(r.query, "");
        assert_eq!(r.facets, [FacetField::City, FacetField::Month]);
        assert_eq!((r.page.limit, r.page.offset, r.facet_limit), (10, 0, 10));
        assert_eq!(r.sort, Some(Sort::Relevance));
    }

    #[test]
    fn bad_values_are_rejected_by_the_parser() {
        assert!(parse(&["search", "--from", "2023-02-30"]).is_err());
        assert!(parse(&["search", "--facet", "colour"]).is_err());
        assert!(parse(&["search", "--sort", "sideways"]).is_err());
        assert!(parse(&["search", "--limit", "-1"]).is_err());
        assert!(parse(&["index"]).is_err());
        assert!(parse(&["index", "x", "--format", "pdf"]).is_err());
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
        assert_eq!(r.facets, [FacetField::Speaker]);
        assert_eq!(r.filters.cities, ["Kyiv"]);
        assert_eq!(r.filters.countries, ["UA"]);
        assert_eq!(r.page.limit, 3);
        assert!(q.json);
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
    }
}
