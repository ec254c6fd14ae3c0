//! The SQLite peer: FTS5 with the porter tokenizer over title, body and quotes (content
//! stored, as tantivy's stored fields are), beside a plain table of id, date and city with an
//! index on (date, city) for filters and facets. This is how someone would do it with SQLite:
//! one transaction for the load, `MATCH` for text, `GROUP BY` for counts, `snippet()` and
//! `ORDER BY rank` for hits.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use anyhow::{Context, Result};
use rusqlite::{Connection, ToSql};

use super::corpus::NdArticle;
use super::{Answer, QuerySpec, MEMORY_BUDGET};

/// Loads `ndjson` into a new database at `db` (the child process of a build measurement).
pub fn build(ndjson: &Path, db: &Path) -> Result<()> {
    let conn = Connection::open(db)?;
    // The page cache gets the same budget as the tantivy writers.
    conn.execute_batch(&format!(
        "PRAGMA synchronous = NORMAL;
         PRAGMA cache_size = -{};
         CREATE TABLE meta (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, date TEXT, city TEXT);
         CREATE VIRTUAL TABLE fts USING fts5(title, body, quotes, tokenize = 'porter unicode61');
         BEGIN;",
        MEMORY_BUDGET / 1024
    ))?;
    {
        let mut meta = conn.prepare("INSERT INTO meta VALUES (?1, ?2, ?3, ?4)")?;
        let mut fts =
            conn.prepare("INSERT INTO fts (rowid, title, body, quotes) VALUES (?1, ?2, ?3, ?4)")?;
        let reader = BufReader::with_capacity(
            1 << 20,
            File::open(ndjson).with_context(|| format!("opening {}", ndjson.display()))?,
        );
        for (i, line) in reader.lines().enumerate() {
            let a: NdArticle = serde_json::from_str(&line?)?;
            let rowid = i as i64 + 1;
            meta.execute(rusqlite::params![rowid, a.id, a.date, a.city])?;
            fts.execute(rusqlite::params![
                rowid,
                a.title,
                a.body,
                a.quotes.join("\n\n")
            ])?;
        }
    }
    conn.execute_batch("CREATE INDEX meta_date_city ON meta (date, city); COMMIT;")?;
    Ok(())
}

/// An open FTS5 database, ready for queries.
pub struct Fts {
    conn: Connection,
}

impl Fts {
    /// Opens the database `build` made, read-only.
    pub fn open(db: &Path) -> Result<Fts> {
        let conn = Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        conn.execute_batch(&format!("PRAGMA cache_size = -{};", MEMORY_BUDGET / 1024))?;
        Ok(Fts { conn })
    }

    /// Runs one query of the set: count, top 10 with snippets, city counts, months.
    pub fn search(&self, q: &QuerySpec) -> Result<Answer> {
        let range = q.range()?;
        let from_s = range.map(|(f, _)| f.to_string());
        let to_s = range.map(|(_, t)| t.to_string());
        let text = !q.query.is_empty();
        let from = if text {
            "fts JOIN meta m ON m.rowid = fts.rowid"
        } else {
            "meta m"
        };
        let mut conds = Vec::new();
        if text {
            conds.push("fts MATCH :q");
        }
        if range.is_some() {
            conds.push("m.date >= :from AND m.date < :to");
        }
        let conds = if conds.is_empty() {
            "1".to_string()
        } else {
            conds.join(" AND ")
        };
        let all: Vec<(&str, &dyn ToSql)> =
            vec![(":q", &q.query), (":from", &from_s), (":to", &to_s)];
        let bind = |sql: &str| -> Vec<(&str, &dyn ToSql)> {
            all.iter()
                .copied()
                .filter(|(n, _)| sql.contains(n))
                .collect()
        };

        let sql = format!("SELECT count(*) FROM {from} WHERE {conds}");
        let total: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(bind(&sql).as_slice(), |r| r.get(0))?;

        let sql = if text {
            format!(
                "SELECT m.id, m.date, m.city, fts.title, snippet(fts, 1, '[', ']', '…', 40)
                 FROM {from} WHERE {conds} ORDER BY rank LIMIT 10"
            )
        } else {
            format!(
                "SELECT m.id, m.date, m.city, f.title, '' FROM meta m JOIN fts f ON f.rowid = m.rowid
                 WHERE {conds} LIMIT 10"
            )
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let hits = stmt
            .query_map(bind(&sql).as_slice(), |r| {
                Ok(format!(
                    "{} {} {} {}\n  {}",
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?
                ))
            })?
            .collect::<rusqlite::Result<Vec<String>>>()?;

        let group = |key: &str, wanted: bool| -> Result<HashMap<String, u64>> {
            if !wanted {
                return Ok(HashMap::new());
            }
            let sql = format!("SELECT {key}, count(*) FROM {from} WHERE {conds} GROUP BY 1");
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt
                .query_map(bind(&sql).as_slice(), |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64))
                })?
                .collect::<rusqlite::Result<HashMap<String, u64>>>()?;
            Ok(rows)
        };
        let cities = group("m.city", q.city_facet)?;
        let months = group("substr(m.date, 1, 7)", q.month_histogram)?;
        Ok(Answer::new(total as u64, hits, cities, months))
    }
}
