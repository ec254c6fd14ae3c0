//! Counts and date range of an index, for `dateline stats`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::columns::{column_terms, io_err};
use super::DatelineIndex;
use crate::error::Result;
use crate::schema::{name, KIND_ARTICLE};

/// Summary of an index, for `dateline stats`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Stats {
    /// Articles in the index.
    pub articles: u64,
    /// Quote documents in the index.
    pub quotes: u64,
    /// Articles without a date.
    pub undated: u64,
    /// Earliest article date.
    pub first_date: Option<NaiveDate>,
    /// Latest article date.
    pub last_date: Option<NaiveDate>,
    /// Distinct dateline cities.
    pub cities: u64,
    /// Bytes on disk (0 for an index in memory).
    pub size_bytes: u64,
    /// Index directory, when on disk.
    pub path: Option<PathBuf>,
}

impl DatelineIndex {
    /// Counts and date range of the index.
    pub fn stats(&self) -> Result<Stats> {
        let searcher = self.searcher();
        let mut articles = 0u64;
        let mut quotes = 0u64;
        let mut undated = 0u64;
        let mut min: Option<i64> = None;
        let mut max: Option<i64> = None;
        let mut cities = std::collections::HashSet::new();
        for seg in searcher.segment_readers() {
            let ff = seg.fast_fields();
            let Some(kind) = ff.str(name::KIND)? else {
                continue;
            };
            let date = ff.date(name::DATE)?;
            let city = ff.str(name::CITY)?;
            let alive = seg.alive_bitset();
            let mut article_ord = None;
            let mut s = String::new();
            for ord in 0..kind.num_terms() as u64 {
                kind.ord_to_str(ord, &mut s).map_err(io_err)?;
                if s == KIND_ARTICLE {
                    article_ord = Some(ord);
                }
            }
            let mut city_ords = std::collections::HashSet::new();
            for doc in 0..seg.max_doc() {
                if alive.is_some_and(|a| a.is_deleted(doc)) {
                    continue;
                }
                if kind.ords().first(doc) != article_ord {
                    quotes += 1;
                    continue;
                }
                articles += 1;
                match date.first(doc) {
                    Some(d) => {
                        let t = d.into_timestamp_secs();
                        min = Some(min.map_or(t, |m| m.min(t)));
                        max = Some(max.map_or(t, |m| m.max(t)));
                    }
                    None => undated += 1,
                }
                if let Some(c) = city.as_ref().and_then(|c| c.ords().first(doc)) {
                    city_ords.insert(c);
                }
            }
            if let Some(c) = &city {
                let names = column_terms(c)?;
                for ord in city_ords {
                    // A damaged column can hold an ordinal past its dictionary.
                    if let Some(name) = names.get(ord as usize) {
                        cities.insert(name.clone());
                    }
                }
            }
        }
        let day = crate::date::day_from_secs;
        Ok(Stats {
            articles,
            quotes,
            undated,
            first_date: min.map(day),
            last_date: max.map(day),
            cities: cities.len() as u64,
            size_bytes: self.dir().map_or(0, dir_size),
            path: self.dir().map(Path::to_path_buf),
        })
    }
}

fn dir_size(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}
