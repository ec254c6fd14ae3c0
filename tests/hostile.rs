//! Hostile input: a directory of bad files built here, and bad queries. Every good file is
//! indexed, every bad one is indexed as far as it can be read or reported with a reason,
//! and nothing panics.

mod common;

use std::os::unix::ffi::OsStrExt;

use common::Env;

#[test]
fn bad_files_are_indexed_or_reported_and_good_ones_all_land() {
    let env = Env::empty();
    let d = env.corpus.clone();
    let w = |name: &str, bytes: &[u8]| std::fs::write(d.join(name), bytes).unwrap();

    // Good files.
    for i in 0..5 {
        w(
            &format!("good-{i}.txt"),
            format!(
                "date 2023-03-0{} Kyiv: Good article {i} about Bakhmut.",
                i + 1
            )
            .as_bytes(),
        );
    }
    // Bad ones.
    w("empty.txt", b"");
    w(
        "binary.dat",
        &[0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 3, 0xff, 0],
    );
    w(
        "latin1.txt",
        b"date 2023-03-05 Kyiv: Caf\xe9 owners said \x93we stay\x94.",
    );
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "date 2023-03-05 Lviv: “Так,” he said."
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    w("utf16.txt", &utf16);
    w(
        "one-line.txt",
        format!("date 2023-03-05 Kyiv: {}", "word ".repeat(200_000)).as_bytes(),
    );
    w(
        "quotes.txt",
        format!("date 2023-03-05 Kyiv: {}", "“".repeat(10_000)).as_bytes(),
    );
    w(
        "unbalanced.txt",
        "date 2023-03-05 Kyiv: “Open and never closed.\n\n”Closed and never opened.".as_bytes(),
    );
    w("feb30.txt", b"date 2023-02-30 Kyiv: Impossible date.");
    w("zero.txt", b"date 0000-00-00 Kyiv: Zero date.");
    w("far.txt", b"date 9999-12-31 Kyiv: Far future date.");
    w(
        "long-dateline.txt",
        format!("date 2023-03-05 {}: Body.", "Very".repeat(1_250)).as_bytes(),
    );
    // 100 MB: over the default 64 MB limit, so reported without being read.
    let big = std::fs::File::create(d.join("huge.txt")).unwrap();
    big.set_len(100 << 20).unwrap();
    // Deep nesting.
    let mut deep = d.clone();
    for i in 0..60 {
        deep = deep.join(format!("n{i}"));
    }
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("deep.txt"), "date 2023-03-05 Kyiv: Deep file.").unwrap();
    // Symlink loop (counted as a link not followed).
    std::os::unix::fs::symlink(&d, d.join("loop")).unwrap();
    // A name that is not UTF-8.
    let name = std::ffi::OsStr::from_bytes(b"bad-\xff-name.txt");
    std::fs::write(d.join(name), "date 2023-03-05 Kyiv: Odd name.").unwrap();
    // Unreadable (root can still read it; then it is simply indexed).
    let locked = d.join("locked.txt");
    std::fs::write(&locked, "date 2023-03-05 Kyiv: Locked file.").unwrap();
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();

    let out = env.index(&[]);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    assert_eq!(
        out.code, 1,
        "bad files are reported with exit 1: {}",
        out.stderr
    );
    let r = out.json();
    let skipped: Vec<(String, String)> = r["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["path"].as_str().unwrap().to_string(),
                s["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let reason = |suffix: &str| {
        skipped
            .iter()
            .find(|(p, _)| p.ends_with(suffix))
            .map(|(_, r)| r.clone())
    };
    assert_eq!(reason("empty.txt").as_deref(), Some("empty file"));
    assert_eq!(
        reason("binary.dat").as_deref(),
        Some("binary file (NUL bytes)")
    );
    assert!(reason("huge.txt").unwrap().contains("too large"));
    // Links are not followed (issue 22), so the loop is counted, not walked nor reported.
    assert_eq!(reason("loop"), None, "{skipped:?}");
    assert_eq!(r["links_skipped"], 1);
    let indexed = r["indexed"].as_u64().unwrap();
    // Everything else is indexed: 5 good + latin1, utf16, one-line, quotes, unbalanced,
    // feb30, zero, far, long-dateline, deep, bad name, and the locked file unless unreadable.
    let readable_locked = std::fs::read(&locked).is_ok();
    let expected = 5 + 11 + u64::from(readable_locked);
    assert_eq!(indexed, expected, "skipped: {skipped:?}");
    if !readable_locked {
        assert!(reason("locked.txt").is_some());
    }
    let warnings = r["warnings"].as_array().unwrap();
    let warned = |id: &str, text: &str| {
        warnings
            .iter()
            .any(|w| w["path"] == id && w["reason"].as_str().unwrap().contains(text))
    };
    assert!(warned("feb30.txt", "no date"));
    assert!(warned("zero.txt", "no date"));
    assert!(warned("far.txt", "no date"));
    assert!(warned("latin1.txt", "Windows-1252"));
    assert!(warned("long-dateline.txt", "no dateline city"));

    // The good articles are all found; the bad dates are excluded by date filters.
    let (code, v) = env.search(&[
        "--from", "2023-03", "--to", "2023-03", "--limit", "0", "--facet", "city",
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        v["total"],
        expected - 3,
        "all but the three impossible dates"
    );
    assert_eq!(env.search(&["good", "--limit", "0"]).1["total"], 5);
    assert_eq!(env.search(&["café", "--limit", "0"]).1["total"], 1);
    // A second run changes nothing.
    let again = env.index_json();
    assert_eq!(again["unchanged"], expected);
    assert_eq!(again["indexed"], 0);
    assert_eq!(again["removed"], 0);
}

#[test]
fn hostile_queries_get_one_line_errors() {
    let env = Env::empty();
    std::fs::write(
        env.corpus.join("a.txt"),
        "date 2023-03-05 Kyiv: Bakhmut article.",
    )
    .unwrap();
    assert_eq!(env.run(&["index", env.corpus_arg()]).code, 0);

    let huge = "bakhmut ".repeat(15_000);
    for args in [
        vec!["search", "\"unbalanced phrase"],
        vec!["search", "((bakhmut"],
        vec!["search", "bakhmut)"],
        vec!["search", "nosuchfield:bakhmut"],
        vec!["search", huge.as_str()],
        vec!["search", "--from", "1000"],
        vec!["search", "--to", "99999"],
        vec!["search", "date:0000-00-00"],
        vec!["search", "--facet", "nosuchfacet"],
        vec!["quotes", "((x"],
        vec!["quotes", "--speaker", "--", "x"],
    ] {
        let common::Out {
            code,
            stdout,
            stderr,
        } = env.run(&args);
        let shown: Vec<&str> = args
            .iter()
            .map(|a| if a.len() > 40 { "<long>" } else { a })
            .collect();
        assert_eq!(code, 2, "{shown:?}: {stderr}");
        assert!(stdout.is_empty(), "{shown:?}");
        assert!(!stderr.contains("panicked"), "{shown:?}: {stderr}");
        let first = stderr.lines().next().unwrap_or("");
        assert!(
            first.starts_with("dateline: error:") || first.starts_with("error:"),
            "{shown:?}: {stderr}"
        );
        assert!(first.len() < 300, "{shown:?}: error line too long");
    }
    // Not errors: limit 0, an offset past the end.
    let (code, v) = env.search(&["bakhmut", "--limit", "0"]);
    assert_eq!(code, 0);
    assert_eq!(
        (v["total"].as_u64(), v["hits"].as_array().unwrap().len()),
        (Some(1), 0)
    );
    let (code, v) = env.search(&["bakhmut", "--offset", "18446744073709551615"]);
    assert_eq!(code, 0);
    assert!(v["hits"].as_array().unwrap().is_empty());
    let out = env.run(&["search", "bakhmut", "--limit", "18446744073709551615"]);
    assert_eq!(out.code, 0);
}
