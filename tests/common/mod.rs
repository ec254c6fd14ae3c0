//! The test runner shared by the integration tests that run the real `dateline` binary: a
//! temporary folder with a corpus and an index path ([`Env`]), the binary run on an index with
//! its exit code and output captured ([`Out`]), the JSON it prints, and the corpora in
//! `../shared` that some tests need. Each test file includes it with `mod common;`; it knows
//! the command line, never the library.

// Every test binary compiles this module and uses a different part of it.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// The binary under test, as cargo built it for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_dateline");

/// The repository (where `sample-corpus/`, `schema/` and `tests/fixtures/` are).
pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/NAME` beside the repository (third-party corpora and the seed articles), or
/// `None` with a note when a fresh clone does not have it. CI sets `DATELINE_REQUIRE_SHARED`:
/// there a missing folder fails the test instead of skipping it.
pub fn shared_dir(name: &str) -> Option<PathBuf> {
    let dir = crate_dir().join("../shared").join(name);
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("DATELINE_REQUIRE_SHARED").is_none(),
        "DATELINE_REQUIRE_SHARED is set but {} is missing",
        dir.display()
    );
    eprintln!("skipping: {} not found", dir.display());
    None
}

/// Writes `text` to `path`, making the folders on the way.
pub fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Copies the tree under `from` to `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// The binary with `args` on the index at `index` (through `DATELINE_INDEX`, so an
/// `--index` in `args` still wins and nothing follows a `--` in them), colour off and the
/// caller's `RUST_LOG` dropped (it makes every error print its causes). Spawn it, or get its
/// [`Out`] with [`run`].
pub fn command(index: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(BIN);
    c.args(args)
        .env("DATELINE_INDEX", index)
        .env("NO_COLOR", "1")
        .env_remove("RUST_LOG");
    c
}

/// Runs the binary with `args` on the index at `index` and waits for it.
pub fn run(index: &Path, args: &[&str]) -> Out {
    Out::from(command(index, args).output().unwrap())
}

/// `dateline search --json ARGS` on `index`: its exit code (0 or 1, anything else fails the
/// test) and its JSON.
pub fn search(index: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["search", "--json"];
    all.extend_from_slice(args);
    let out = run(index, &all);
    assert!(
        out.code == 0 || out.code == 1,
        "exit {}: {}",
        out.code,
        out.stderr
    );
    (out.code, out.json())
}

/// The ids of a search's hits, in their order.
pub fn hit_ids(v: &Value) -> Vec<String> {
    v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect()
}

/// What a finished run gave back. Output that is not UTF-8 fails the test.
#[derive(Debug)]
pub struct Out {
    /// Exit code; -1 when a signal ended the process.
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Out {
    pub fn from(out: Output) -> Out {
        Out {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    }

    /// Standard output read as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}): {}\nstderr: {}",
                self.stdout, self.stderr
            )
        })
    }
}

/// A temporary folder holding a corpus folder and an index path (not created), removed when
/// dropped.
pub struct Env {
    tmp: tempfile::TempDir,
    pub corpus: PathBuf,
    pub index: PathBuf,
}

impl Env {
    /// A temporary copy of `sample-corpus/`.
    pub fn new() -> Env {
        let env = Env::empty();
        copy_dir(&crate_dir().join("sample-corpus"), &env.corpus);
        env
    }

    /// An empty corpus folder, for tests that write their own files.
    pub fn empty() -> Env {
        let tmp = tempfile::tempdir().unwrap();
        let corpus = tmp.path().join("corpus");
        std::fs::create_dir_all(&corpus).unwrap();
        let index = tmp.path().join("index");
        Env { tmp, corpus, index }
    }

    /// The temporary folder, for more corpora or indexes beside the first.
    pub fn path(&self) -> &Path {
        self.tmp.path()
    }

    /// Writes `text` to `rel` in the corpus folder, making the folders on the way.
    pub fn write(&self, rel: &str, text: &str) {
        write(&self.corpus.join(rel), text);
    }

    /// The corpus folder as an argument.
    pub fn corpus_arg(&self) -> &str {
        self.corpus.to_str().unwrap()
    }

    /// The binary with `args` on this index; see [`command`].
    pub fn command(&self, args: &[&str]) -> Command {
        command(&self.index, args)
    }

    /// Runs the binary with `args` on this index.
    pub fn run(&self, args: &[&str]) -> Out {
        run(&self.index, args)
    }

    /// `dateline index CORPUS --json EXTRA` on this index.
    pub fn index(&self, extra: &[&str]) -> Out {
        let mut args = vec!["index", self.corpus_arg(), "--json"];
        args.extend_from_slice(extra);
        self.run(&args)
    }

    /// `dateline index CORPUS --json EXTRA`, which must succeed (exit 0): its report.
    pub fn index_ok(&self, extra: &[&str]) -> Value {
        let out = self.index(extra);
        assert_eq!(out.code, 0, "{}", out.stderr);
        out.json()
    }

    /// `dateline index CORPUS --json`: its report (exit 0 or 1, anything else fails the test).
    pub fn index_json(&self) -> Value {
        let out = self.index(&[]);
        assert!(out.code == 0 || out.code == 1, "{}", out.stderr);
        out.json()
    }

    /// The id of every article in this index, sorted (the search for everything must find
    /// some and return them all).
    pub fn ids(&self) -> Vec<String> {
        let (code, v) = self.search(&["*", "--limit", "10000"]);
        assert_eq!(code, 0, "{v}");
        let mut ids = hit_ids(&v);
        assert_eq!(v["total"], ids.len() as u64, "every hit returned");
        ids.sort();
        ids
    }

    /// `dateline search --json ARGS` on this index; see [`search`].
    pub fn search(&self, args: &[&str]) -> (i32, Value) {
        search(&self.index, args)
    }
}

/// A facet of a search's JSON as value → count.
pub fn facet(v: &Value, name: &str) -> BTreeMap<String, u64> {
    v["facets"][name]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["value"].as_str().unwrap().to_string(),
                e["count"].as_u64().unwrap(),
            )
        })
        .collect()
}
