//! Embedding dateline in another program: index a directory, then ask a date-filtered,
//! faceted question and use the typed results.
//!
//! ```text
//! cargo run --example embed -- sample-corpus Bakhmut 2023-03
//! ```

use std::path::PathBuf;

use dateline::date::PartialDate;
use dateline::{DatelineIndex, FacetField, IndexOptions, SearchRequest, Sort};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let corpus = PathBuf::from(args.next().unwrap_or_else(|| "sample-corpus".into()));
    let query = args.next().unwrap_or_else(|| "Bakhmut".into());
    let month = PartialDate::parse(&args.next().unwrap_or_else(|| "2023-03".into()))?;

    // An index in memory; `DatelineIndex::open_or_create(dir)` keeps one on disk instead.
    let index = DatelineIndex::create_in_ram()?;
    let report = index.index_paths(&[corpus], &IndexOptions::default(), &|p| {
        if p.files_done == p.files_total {
            eprintln!("read {} files", p.files_total);
        }
    })?;
    eprintln!(
        "{} articles indexed, {} files skipped",
        report.indexed,
        report.skipped.len()
    );

    let request = SearchRequest {
        from: Some(month),
        to: Some(month),
        facets: vec![FacetField::City],
        sort: Sort::Newest,
        limit: 5,
        ..SearchRequest::new(query)
    };
    let results = index.search(&request)?;
    println!("{} matching articles", results.total);
    for hit in &results.hits {
        println!(
            "{}  {:<10} {}",
            hit.date.as_deref().unwrap_or("undated"),
            hit.city.as_deref().unwrap_or("-"),
            hit.title
        );
    }
    for c in &results.facets["city"] {
        println!("{:>4}  {}", c.count, c.value);
    }
    Ok(())
}
