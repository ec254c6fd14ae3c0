//! Replays the interesting inputs the fuzzers found (`fuzz/regressions/TARGET/*`) through
//! the same checks the fuzz targets run, so a fixed crash stays fixed.

#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        check(&data);
        n += 1;
    }
    n
}

#[test]
fn parse_regressions() {
    assert!(replay("parse", checks::check_parse) > 0);
}

#[test]
fn dates_regressions() {
    assert!(replay("dates", checks::check_dates) > 0);
}

#[test]
fn query_regressions() {
    assert!(replay("query", checks::check_query) > 0);
}
