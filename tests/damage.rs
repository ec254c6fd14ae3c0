//! A damaged index, as disks, copies and sync tools leave one: a segment file cut short,
//! overwritten or deleted, `meta.json` broken or gone. Runs the real binary on a small
//! generated corpus and checks that every command says so in one line naming the remedy,
//! that `dateline check` finds each kind, and that `index --full` gets every article back.
//!
//! A full disk needs a small filesystem, and making one needs a mount (root): the full-disk
//! test runs only when `DATELINE_SMALL_FS` names a folder on a small writable filesystem
//! (`mount -t tmpfs -o size=32m tmpfs /mnt/small` as root), and says it skipped otherwise.
//! `src/error.rs` tests how a full-disk error is worded either way.

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;

use common::{Env, Out};

const ARTICLES: usize = 40;

/// A corpus of [`ARTICLES`] small articles and a healthy index of it, with the articles' ids
/// sorted.
fn indexed() -> (Env, Vec<String>) {
    let env = Env::empty();
    let mut ids = Vec::new();
    for i in 0..ARTICLES {
        let rel = format!("2023/{:02}/article-{i:03}.txt", 1 + i % 12);
        env.write(
            &rel,
            &format!(
                "date 2023-{:02}-{:02} Kyiv: Report {i} on the grain convoy.\n\n\
                 “We loaded {i} trucks,” said Marta Hrytsenko, a dispatcher.\n",
                1 + i % 12,
                1 + i % 28
            ),
        );
        ids.push(rel);
    }
    ids.sort();
    env.index_ok(&[]);
    (env, ids)
}

/// `dateline check --json` on the index: its exit code and report.
fn check(env: &Env) -> (i32, Value) {
    let out = env.run(&["check", "--json"]);
    assert!(out.code == 0 || out.code == 1, "check: {}", out.stderr);
    (out.code, out.json())
}

/// The index's files with this extension, largest first.
fn segment_files(env: &Env, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<(u64, PathBuf)> = std::fs::read_dir(&env.index)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .map(|p| (std::fs::metadata(&p).unwrap().len(), p))
        .collect();
    files.sort_by(|a, b| b.cmp(a));
    assert!(!files.is_empty(), "no .{ext} file in the index");
    files.into_iter().map(|(_, p)| p).collect()
}

/// A message for a person: one line, saying the index is damaged and how to rebuild it,
/// without tantivy's debug dumps.
fn assert_damage_message(out: &Out, what: &str) {
    assert_eq!(out.code, 2, "{}", out.stderr);
    let err = out.stderr.trim_end();
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.starts_with("dateline: error: the index in "), "{err}");
    assert!(err.contains(&format!("is damaged ({what}")), "{err}");
    assert!(
        err.contains("rebuild it with `dateline index --full"),
        "{err}"
    );
    for noise in ["IoError", "Custom {", "Data corrupted", "Failed to open"] {
        assert!(!err.contains(noise), "tantivy's noise `{noise}`: {err}");
    }
    assert!(err.len() < 240, "short: {} characters: {err}", err.len());
}

/// Every command refuses the damaged index plainly, `check` finds the damage in `file`,
/// and `index --full` brings every article back.
fn refused_found_and_rebuilt(env: &Env, ids: &[String], what: &str, file: &str) {
    assert_damage_message(&env.run(&["search", "convoy"]), what);
    assert_damage_message(&env.run(&["quotes"]), what);
    assert_damage_message(&env.run(&["stats"]), what);
    assert_damage_message(&env.index(&[]), what);

    let (code, report) = check(env);
    assert_eq!(code, 1, "{report}");
    assert_eq!(report["ok"], false);
    let problems = report["problems"].as_array().unwrap();
    assert!(
        problems
            .iter()
            .any(|p| p["kind"] == "damaged" && p["path"].as_str().unwrap().ends_with(file)),
        "check names {file}: {report}"
    );
    let text = env.run(&["check"]);
    assert_eq!(text.code, 1);
    assert!(
        text.stdout.contains("the index is damaged"),
        "{}",
        text.stdout
    );
    assert!(text.stdout.contains("--full"), "{}", text.stdout);

    let out = env.index(&["--full"]);
    assert_eq!(out.code, 0, "--full rebuilds: {}", out.stderr);
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(report["indexed"], ARTICLES as u64);
    assert_eq!(env.ids(), ids);
    let (code, report) = check(env);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["ok"], true);
}

#[test]
fn a_healthy_index_checks_ok() {
    let (env, _) = indexed();
    let (code, report) = check(&env);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["problems"].as_array().unwrap().len(), 0);
    assert_eq!(report["sources"], ARTICLES as u64);
    assert_eq!(report["sources_checked"], ARTICLES as u64);
    assert!(report["files_verified"].as_u64().unwrap() >= 6);
    let out = env.run(&["check"]);
    assert_eq!(out.code, 0);
    assert!(
        out.stdout.contains("ok: no problems found"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_segment_file_cut_short() {
    let (env, ids) = indexed();
    let idx = segment_files(&env, "idx").remove(0);
    let f = std::fs::OpenOptions::new().write(true).open(&idx).unwrap();
    f.set_len(100).unwrap();
    drop(f);
    let name = idx.file_name().unwrap().to_string_lossy().into_owned();
    let what = format!("segment {}\u{2026} file .idx is cut short", &name[..8]);
    refused_found_and_rebuilt(&env, &ids, &what, &name);
}

#[test]
fn meta_json_that_is_not_json() {
    let (env, ids) = indexed();
    std::fs::write(env.index.join("meta.json"), "{not json").unwrap();
    refused_found_and_rebuilt(&env, &ids, "meta.json cannot be read", "meta.json");
}

#[test]
fn meta_json_gone() {
    let (env, ids) = indexed();
    std::fs::remove_file(env.index.join("meta.json")).unwrap();
    refused_found_and_rebuilt(&env, &ids, "meta.json is missing", "meta.json");
}

#[test]
fn a_segment_file_deleted() {
    let (env, ids) = indexed();
    let store = segment_files(&env, "store").remove(0);
    std::fs::remove_file(&store).unwrap();
    let name = store.file_name().unwrap().to_string_lossy().into_owned();
    let what = format!("segment {}\u{2026} file .store is missing", &name[..8]);
    refused_found_and_rebuilt(&env, &ids, &what, &name);
}

#[test]
fn bytes_overwritten_inside_a_segment_are_found_by_check_and_rebuilt() {
    // Damage that keeps a file's size is not seen on opening (a search does not read every
    // byte); `check` reads every file against its checksum.
    let (env, ids) = indexed();
    let term = segment_files(&env, "term").remove(0);
    let mut bytes = std::fs::read(&term).unwrap();
    let mid = bytes.len() / 2;
    for b in &mut bytes[mid..mid + 16] {
        *b = !*b;
    }
    std::fs::write(&term, bytes).unwrap();
    let name = term.file_name().unwrap().to_string_lossy().into_owned();
    let (code, report) = check(&env);
    assert_eq!(code, 1, "{report}");
    let p = &report["problems"][0];
    assert_eq!(p["kind"], "damaged");
    assert_eq!(p["path"], name.as_str());
    assert!(p["detail"].as_str().unwrap().contains("checksum"), "{p}");
    let out = env.index(&["--full"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(env.ids(), ids);
    assert_eq!(check(&env).0, 0);
}

#[test]
fn check_finds_source_files_gone_or_changed() {
    let (env, ids) = indexed();
    let gone = env.corpus.join(&ids[0]);
    let changed = env.corpus.join(&ids[1]);
    std::fs::remove_file(&gone).unwrap();
    std::fs::write(&changed, "date 2023-05-05 Lviv: Rewritten since.\n").unwrap();
    let (code, report) = check(&env);
    assert_eq!(code, 1, "{report}");
    let problems = report["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 2, "{report}");
    let find = |kind: &str| {
        problems
            .iter()
            .find(|p| p["kind"] == kind)
            .unwrap_or_else(|| panic!("no {kind}: {report}"))["path"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(find("source_gone").ends_with(&ids[0]));
    assert!(find("source_changed").ends_with(&ids[1]));
    let text = env.run(&["check"]);
    assert_eq!(text.code, 1);
    assert!(
        text.stdout
            .contains("bring it up to date with `dateline index"),
        "{}",
        text.stdout
    );
    // An ordinary update is the remedy.
    assert_eq!(env.index(&[]).code, 0);
    let (code, report) = check(&env);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["sources"], (ARTICLES - 1) as u64);
}

#[test]
fn a_folder_that_is_not_an_index_is_refused_and_left_alone() {
    let (env, _) = indexed();
    let folder = env.corpus.parent().unwrap().join("thesis");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("chapter1.tex"), "mine").unwrap();
    let corpus = env.corpus.to_str().unwrap();
    for args in [vec!["index", corpus], vec!["index", corpus, "--full"]] {
        let out = common::run(&folder, &args);
        assert_eq!(out.code, 2, "{}", out.stderr);
        assert_eq!(out.stderr.trim_end().lines().count(), 1);
        assert!(
            out.stderr.contains("is not a dateline index"),
            "{}",
            out.stderr
        );
    }
    let out = common::run(&folder, &["check"]);
    assert_eq!(out.code, 2, "check could not check: {}", out.stderr);
    let left: Vec<_> = std::fs::read_dir(&folder).unwrap().collect();
    assert_eq!(left.len(), 1, "nothing written or deleted");
    // A folder with no index at all: check cannot check either.
    let out = common::run(&folder.join("none"), &["check"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("no index at"), "{}", out.stderr);
}

#[test]
fn full_keeps_other_files_in_an_index_folder() {
    let (env, ids) = indexed();
    std::fs::write(env.index.join("NOTES.txt"), "kept").unwrap();
    std::fs::write(env.index.join("meta.json"), "{not json").unwrap();
    assert_eq!(env.index(&["--full"]).code, 0);
    assert_eq!(
        std::fs::read_to_string(env.index.join("NOTES.txt")).unwrap(),
        "kept"
    );
    assert_eq!(env.ids(), ids);
}

#[test]
fn verbose_shows_the_chain_of_causes() {
    let (env, _) = indexed();
    std::fs::write(env.index.join("meta.json"), "{not json").unwrap();
    let quiet = env.run(&["search", "convoy"]);
    assert_eq!(quiet.stderr.lines().count(), 1);
    let loud = env.run(&["search", "convoy", "-v"]);
    assert_eq!(loud.code, 2);
    assert_eq!(
        loud.stderr.lines().next(),
        quiet.stderr.lines().next(),
        "the same message first"
    );
    assert!(
        loud.stderr.contains("caused by: Data corrupted"),
        "{}",
        loud.stderr
    );
    let logged = Out::from(
        env.command(&["search", "convoy"])
            .env("RUST_LOG", "debug")
            .output()
            .unwrap(),
    );
    assert_eq!(logged.stderr, loud.stderr);
}

/// Bytes free for this user on the filesystem of `dir`.
#[cfg(unix)]
fn free_bytes(dir: &Path) -> u64 {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(dir.as_os_str().as_bytes()).unwrap();
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::statvfs(c.as_ptr(), &mut st) }, 0);
    st.f_bavail as u64 * st.f_frsize as u64
}

#[cfg(unix)]
#[test]
fn a_full_disk_keeps_the_last_commit_and_says_what_to_do() {
    let Some(small) = std::env::var_os("DATELINE_SMALL_FS").map(PathBuf::from) else {
        eprintln!("skipped: set DATELINE_SMALL_FS to a folder on a small filesystem");
        return;
    };
    let (env, _) = indexed();
    let work = small.join(format!("dateline-damage-{}", std::process::id()));
    std::fs::create_dir_all(&work).unwrap();
    let index = work.join("index");
    let corpus = env.corpus.to_str().unwrap();
    assert_eq!(common::run(&index, &["index", corpus]).code, 0);
    // Many articles of random words: an index of several megabytes.
    let big = env.path().join("big");
    std::fs::create_dir(&big).unwrap();
    let mut seed = 20_u64;
    let mut word = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        format!("w{:x}", seed >> 44)
    };
    let more = 1500;
    for i in 0..more {
        let words: Vec<String> = (0..150).map(|_| word()).collect();
        std::fs::write(
            big.join(format!("b{i:04}.txt")),
            format!("date 2023-03-{:02} Kyiv: {}\n", 1 + i % 28, words.join(" ")),
        )
        .unwrap();
    }
    let free = free_bytes(&work);
    assert!(
        free > 12 << 20,
        "DATELINE_SMALL_FS needs at least 12 MB free, has {free} bytes"
    );
    // Leave 200 KB: far too little for the new articles.
    let ballast = work.join("ballast");
    // Written out, not sparse: a sparse file would take no space.
    std::fs::write(&ballast, vec![0u8; (free - (200 << 10)) as usize]).unwrap();

    let big_s = big.to_str().unwrap();
    let out = common::run(&index, &["index", corpus, big_s]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    let err = out.stderr.trim_end();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no space left on the disk"), "{err}");
    assert!(err.contains("free some space"), "{err}");
    assert!(!err.contains("os error"), "{err}");
    let count = || {
        common::search(&index, &["*", "--limit", "0"]).1["total"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(count(), ARTICLES as u64, "the last commit is kept");
    assert_eq!(common::run(&index, &["check"]).code, 0);

    std::fs::remove_file(&ballast).unwrap();
    let out = common::run(&index, &["index", corpus, big_s]);
    assert_eq!(out.code, 0, "with space the run completes: {}", out.stderr);
    assert_eq!(count(), (ARTICLES + more) as u64);
    std::fs::remove_dir_all(&work).unwrap();
}

#[test]
fn a_rebuild_interrupted_after_clearing_is_finished_by_the_next_run() {
    // What `--full` leaves if killed between deleting the old index and writing the new
    // one: the marker, the lock files and perhaps segment files of the new run, no meta.json.
    let (env, ids) = indexed();
    let mut lone_segment = None;
    for entry in std::fs::read_dir(&env.index).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == ".dateline" || name.ends_with(".lock") {
            continue;
        }
        if lone_segment.is_none() && name.ends_with(".store") {
            lone_segment = Some(path.clone());
            continue;
        }
        std::fs::remove_file(&path).unwrap();
    }
    let out = env.run(&["search", "convoy"]);
    assert_damage_message(&out, "meta.json is missing");
    std::fs::remove_file(lone_segment.unwrap()).unwrap();
    let out = env.run(&["search", "convoy"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("no index at"), "{}", out.stderr);
    assert_eq!(env.index(&[]).code, 0);
    assert_eq!(env.ids(), ids);
}
