//! End-to-end tests of symbolic links under `dateline index` (issue 22): links pointing
//! outside the tree, inside it and in a loop, each with and without `--follow`, and what a
//! later run without `--follow` does to files an earlier one reached through links.
#![cfg(unix)]

use std::os::unix::fs::symlink;
use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_dateline");

/// `arts/2023/a.txt` to index, `secret/s.txt` beside it (outside the tree), and an index dir.
struct Tree {
    tmp: tempfile::TempDir,
}

struct Run {
    code: i32,
    report: Value,
    stderr: String,
}

impl Tree {
    fn new() -> Tree {
        let tmp = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &str| {
            let p = tmp.path().join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        };
        write("arts/2023/a.txt", "date 2023-03-06 Kyiv: Bakhmut held on.");
        write(
            "secret/s.txt",
            "date 2023-03-07 Lviv: A secret about Bakhmut.",
        );
        Tree { tmp }
    }

    fn arts(&self) -> PathBuf {
        self.tmp.path().join("arts")
    }

    /// A link at `at` (relative to the temp dir) pointing to `target` (as written).
    fn link(&self, target: &str, at: &str) {
        symlink(target, self.tmp.path().join(at)).unwrap();
    }

    fn dateline(&self, args: &[&str]) -> std::process::Output {
        Command::new(BIN)
            .args(args)
            .env("DATELINE_INDEX", self.tmp.path().join("index"))
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    }

    /// `dateline index arts --json` with `extra` flags.
    fn index(&self, extra: &[&str]) -> Run {
        let arts = self.arts();
        let mut args = vec!["index", arts.to_str().unwrap(), "--json"];
        args.extend_from_slice(extra);
        let out = self.dateline(&args);
        let stderr = String::from_utf8(out.stderr).unwrap();
        let report = serde_json::from_str(&String::from_utf8(out.stdout).unwrap())
            .unwrap_or_else(|e| panic!("{e}: {stderr}"));
        Run {
            code: out.status.code().unwrap(),
            report,
            stderr,
        }
    }

    /// The ids of every article in the index, sorted.
    fn ids(&self) -> Vec<String> {
        let out = self.dateline(&["search", "*", "--json", "--limit", "100"]);
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut ids: Vec<String> = v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        ids
    }
}

#[test]
fn a_link_out_of_the_tree_is_not_followed_unless_asked() {
    let t = Tree::new();
    t.link("../secret", "arts/out");
    let r = t.index(&[]);
    assert_eq!(r.code, 0, "a link left alone is not an error: {}", r.stderr);
    assert_eq!(r.report["indexed"], 1);
    assert_eq!(r.report["links_skipped"], 1);
    assert_eq!(r.report["skipped"].as_array().unwrap().len(), 0);
    assert_eq!(t.ids(), ["2023/a.txt"]);

    // The text report says so in one line.
    let t2 = Tree::new();
    t2.link("../secret", "arts/out");
    t2.link("../secret", "arts/out2");
    let out = t2.dateline(&["index", t2.arts().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stderr).unwrap();
    assert_eq!(text.matches("symbolic").count(), 1, "{text}");
    assert!(
        text.contains("2 symbolic links not followed (use --follow)"),
        "{text}"
    );

    // Followed, the file comes in under the link's path, once for two links to it.
    let t3 = Tree::new();
    t3.link("../secret", "arts/out");
    t3.link("../secret", "arts/out2");
    let r = t3.index(&["--follow"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.report["indexed"], 2);
    assert_eq!(r.report["links_skipped"], 0);
    assert_eq!(t3.ids(), ["2023/a.txt", "out/s.txt"]);
}

#[test]
fn links_inside_the_tree_never_index_a_file_twice() {
    let t = Tree::new();
    t.link("2023", "arts/latest");
    t.link("2023/a.txt", "arts/a-copy.txt");
    let r = t.index(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.report["links_skipped"], 2);
    assert_eq!(t.ids(), ["2023/a.txt"]);

    // Followed, the links lead to files the walk meets under their own paths: one id each.
    let t = Tree::new();
    t.link("2023", "arts/latest");
    t.link("2023/a.txt", "arts/a-copy.txt");
    let r = t.index(&["-L"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.report["indexed"], 1);
    assert_eq!(t.ids(), ["2023/a.txt"]);

    // A link to a hidden folder is the only way in: followed, its files come under the link.
    let t = Tree::new();
    std::fs::create_dir(t.arts().join(".private")).unwrap();
    std::fs::write(
        t.arts().join(".private/p.txt"),
        "date 2023-03-08 Kyiv: Private.",
    )
    .unwrap();
    t.link(".private", "arts/pub");
    assert_eq!(t.index(&[]).report["links_skipped"], 1);
    assert_eq!(t.ids(), ["2023/a.txt"]);
    t.index(&["--follow"]);
    assert_eq!(t.ids(), ["2023/a.txt", "pub/p.txt"]);
}

#[test]
fn loops_are_neither_followed_nor_errors() {
    let t = Tree::new();
    t.link("..", "arts/2023/up");
    t.link(".", "arts/here");
    let r = t.index(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.report["links_skipped"], 2);
    assert_eq!(t.ids(), ["2023/a.txt"]);

    let t = Tree::new();
    t.link("..", "arts/2023/up");
    t.link(".", "arts/here");
    // A way out of the tree and, from there, back in.
    t.link("../secret", "arts/out");
    t.link("../arts", "secret/back");
    let r = t.index(&["--follow"]);
    assert_eq!(r.code, 0, "a loop is not an error: {}", r.stderr);
    assert_eq!(r.report["skipped"].as_array().unwrap().len(), 0);
    assert_eq!(r.report["indexed"], 2);
    assert_eq!(t.ids(), ["2023/a.txt", "out/s.txt"]);
}

#[test]
fn a_run_without_follow_removes_what_links_brought_in() {
    let t = Tree::new();
    t.link("../secret", "arts/out");
    t.link("2023", "arts/latest");
    t.index(&["--follow"]);
    assert_eq!(t.ids(), ["2023/a.txt", "out/s.txt"]);
    // Again with --follow: nothing changes.
    let r = t.index(&["--follow"]);
    assert_eq!(
        (&r.report["unchanged"], &r.report["removed"]),
        (&2.into(), &0.into())
    );
    // Without: the index holds what this walk sees, as if the files were gone.
    let r = t.index(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.report["removed"], 1);
    assert_eq!(r.report["links_skipped"], 2);
    assert_eq!(t.ids(), ["2023/a.txt"]);
}

/// An index made when links were always followed holds files twice (`latest/a.txt` and
/// `2023/a.txt`): a run with --follow keeps only the file's own path.
#[test]
fn a_second_name_through_a_link_into_the_tree_is_removed_when_following() {
    let t = Tree::new();
    std::fs::create_dir(t.arts().join("latest")).unwrap();
    std::fs::copy(t.arts().join("2023/a.txt"), t.arts().join("latest/a.txt")).unwrap();
    t.index(&[]);
    assert_eq!(t.ids(), ["2023/a.txt", "latest/a.txt"]);
    std::fs::remove_dir_all(t.arts().join("latest")).unwrap();
    t.link("2023", "arts/latest");
    let r = t.index(&["--follow"]);
    assert_eq!(r.report["removed"], 1);
    assert_eq!(t.ids(), ["2023/a.txt"]);
}

#[test]
fn a_path_named_on_the_command_line_is_followed_even_if_a_link() {
    let t = Tree::new();
    t.link("arts", "arts-link");
    let link = t.tmp.path().join("arts-link");
    let out = t.dateline(&["index", link.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(t.ids(), ["2023/a.txt"]);
}

#[test]
fn a_broken_link_is_counted_and_reported_only_when_followed() {
    let t = Tree::new();
    t.link("nowhere.txt", "arts/broken.txt");
    let r = t.index(&[]);
    assert_eq!(r.code, 0);
    assert_eq!(r.report["links_skipped"], 1);

    let r = t.index(&["--follow"]);
    assert_eq!(r.code, 1, "a link that cannot be followed is listed");
    let skipped = r.report["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 1);
    assert!(skipped[0]["path"].as_str().unwrap().ends_with("broken.txt"));
    assert_eq!(skipped[0]["reason"], "broken symbolic link");
}
