//! Measurement tools for dateline, outside its own build: the benchmark harness of issue 5
//! ([`harness`], run by the `bench` binary and `tests/bench_smoke.rs`) and the PolNeAR quote
//! evaluation of issue 4 ([`quote_eval`], run by the `quote_eval` binary and
//! `tests/polnear_quality.rs`). They measure the library and the binary; they never change them.

use std::path::{Path, PathBuf};

pub mod attribution_eval;
pub mod harness;
pub mod quote_eval;
pub mod serve_load;

/// The dateline repository (this crate's parent folder): its `src/`, `target/` and the
/// `../shared` folder beside it are found from here.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("bench/ sits inside the repository")
        .to_path_buf()
}
