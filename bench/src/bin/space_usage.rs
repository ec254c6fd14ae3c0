//! Megabytes per field and per part of an index (tantivy's space usage report), to see
//! where an index's size goes:
//! `cargo run --release -p dateline-bench --bin space_usage -- INDEX_DIR`.

use anyhow::{Context, Result};

fn main() -> Result<()> {
    let dir = std::env::args()
        .nth(1)
        .context("usage: space_usage INDEX")?;
    let index = tantivy::Index::open_in_dir(&dir)?;
    let reader = index.reader()?;
    let usage = reader.searcher().space_usage()?;
    let mut rows: std::collections::BTreeMap<String, [u64; 6]> = Default::default();
    for seg in usage.segments() {
        let parts = [
            seg.termdict(),
            seg.postings(),
            seg.positions(),
            seg.fast_fields(),
            seg.fieldnorms(),
        ];
        for (k, part) in parts.iter().enumerate() {
            for fu in part.fields() {
                rows.entry(fu.field_name().to_string()).or_default()[k] += fu.total().get_bytes();
            }
        }
        rows.entry("(store)".into()).or_default()[5] += seg.store().total().get_bytes();
    }
    println!(
        "{:<14} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "field", "termdict", "postings", "positions", "fast", "norms", "store"
    );
    for (name, r) in rows {
        println!(
            "{:<14} {:>9.2} {:>9.2} {:>9.2} {:>9.2} {:>9.2} {:>9.2}",
            name,
            r[0] as f64 / 1e6,
            r[1] as f64 / 1e6,
            r[2] as f64 / 1e6,
            r[3] as f64 / 1e6,
            r[4] as f64 / 1e6,
            r[5] as f64 / 1e6
        );
    }
    Ok(())
}
