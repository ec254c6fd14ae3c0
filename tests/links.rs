//! End-to-end tests of symbolic links under `dateline index` (issue 22): links pointing
//! outside the tree, inside it and in a loop, each with and without `--follow`, and what a
//! later run without `--follow` does to files an earlier one reached through links.
#![cfg(unix)]

mod common;

use std::os::unix::fs::symlink;

use common::Env;

/// `corpus/2023/a.txt` to index and `secret/s.txt` beside it (outside the tree).
fn tree() -> Env {
    let env = Env::empty();
    env.write("2023/a.txt", "date 2023-03-06 Kyiv: Bakhmut held on.");
    common::write(
        &env.path().join("secret/s.txt"),
        "date 2023-03-07 Lviv: A secret about Bakhmut.",
    );
    env
}

/// A link at `at` (relative to the temporary folder) pointing to `target` (as written).
fn link(env: &Env, target: &str, at: &str) {
    symlink(target, env.path().join(at)).unwrap();
}

#[test]
fn a_link_out_of_the_tree_is_not_followed_unless_asked() {
    let t = tree();
    link(&t, "../secret", "corpus/out");
    let out = t.index(&[]);
    let r = out.json();
    assert_eq!(
        out.code, 0,
        "a link left alone is not an error: {}",
        out.stderr
    );
    assert_eq!(r["indexed"], 1);
    assert_eq!(r["links_skipped"], 1);
    assert_eq!(r["skipped"].as_array().unwrap().len(), 0);
    assert_eq!(t.ids(), ["2023/a.txt"]);

    // The text report says so in one line.
    let twice = || {
        let t = tree();
        link(&t, "../secret", "corpus/out");
        link(&t, "../secret", "corpus/out2");
        t
    };
    let t2 = twice();
    let out = t2.run(&["index", t2.corpus_arg()]);
    assert_eq!(out.code, 0);
    let text = &out.stderr;
    assert_eq!(text.matches("symbolic").count(), 1, "{text}");
    assert!(
        text.contains("2 symbolic links not followed (use --follow)"),
        "{text}"
    );

    // Followed, the file comes in under the link's path, once for two links to it.
    let t3 = twice();
    let r = t3.index_ok(&["--follow"]);
    assert_eq!(r["indexed"], 2);
    assert_eq!(r["links_skipped"], 0);
    assert_eq!(t3.ids(), ["2023/a.txt", "out/s.txt"]);
}

#[test]
fn links_inside_the_tree_never_index_a_file_twice() {
    let linked = || {
        let t = tree();
        link(&t, "2023", "corpus/latest");
        link(&t, "2023/a.txt", "corpus/a-copy.txt");
        t
    };
    let t = linked();
    let r = t.index_ok(&[]);
    assert_eq!(r["links_skipped"], 2);
    assert_eq!(t.ids(), ["2023/a.txt"]);

    // Followed, the links lead to files the walk meets under their own paths: one id each.
    let t = linked();
    let r = t.index_ok(&["-L"]);
    assert_eq!(r["indexed"], 1);
    assert_eq!(t.ids(), ["2023/a.txt"]);

    // A link to a hidden folder is the only way in: followed, its files come under the link.
    let t = tree();
    t.write(".private/p.txt", "date 2023-03-08 Kyiv: Private.");
    link(&t, ".private", "corpus/pub");
    assert_eq!(t.index(&[]).json()["links_skipped"], 1);
    assert_eq!(t.ids(), ["2023/a.txt"]);
    t.index_ok(&["--follow"]);
    assert_eq!(t.ids(), ["2023/a.txt", "pub/p.txt"]);
}

#[test]
fn loops_are_neither_followed_nor_errors() {
    let looped = || {
        let t = tree();
        link(&t, "..", "corpus/2023/up");
        link(&t, ".", "corpus/here");
        t
    };
    let t = looped();
    let r = t.index_ok(&[]);
    assert_eq!(r["links_skipped"], 2);
    assert_eq!(t.ids(), ["2023/a.txt"]);

    let t = looped();
    // A way out of the tree and, from there, back in.
    link(&t, "../secret", "corpus/out");
    link(&t, "../corpus", "secret/back");
    let out = t.index(&["--follow"]);
    let r = out.json();
    assert_eq!(out.code, 0, "a loop is not an error: {}", out.stderr);
    assert_eq!(r["skipped"].as_array().unwrap().len(), 0);
    assert_eq!(r["indexed"], 2);
    assert_eq!(t.ids(), ["2023/a.txt", "out/s.txt"]);
}

#[test]
fn a_run_without_follow_removes_what_links_brought_in() {
    let t = tree();
    link(&t, "../secret", "corpus/out");
    link(&t, "2023", "corpus/latest");
    t.index_ok(&["--follow"]);
    assert_eq!(t.ids(), ["2023/a.txt", "out/s.txt"]);
    // Again with --follow: nothing changes.
    let r = t.index_ok(&["--follow"]);
    assert_eq!((&r["unchanged"], &r["removed"]), (&2.into(), &0.into()));
    // Without: the index holds what this walk sees, as if the files were gone.
    let r = t.index_ok(&[]);
    assert_eq!(r["removed"], 1);
    assert_eq!(r["links_skipped"], 2);
    assert_eq!(t.ids(), ["2023/a.txt"]);
}

/// An index made when links were always followed holds files twice (`latest/a.txt` and
/// `2023/a.txt`): a run with --follow keeps only the file's own path.
#[test]
fn a_second_name_through_a_link_into_the_tree_is_removed_when_following() {
    let t = tree();
    std::fs::create_dir(t.corpus.join("latest")).unwrap();
    std::fs::copy(t.corpus.join("2023/a.txt"), t.corpus.join("latest/a.txt")).unwrap();
    t.index_ok(&[]);
    assert_eq!(t.ids(), ["2023/a.txt", "latest/a.txt"]);
    std::fs::remove_dir_all(t.corpus.join("latest")).unwrap();
    link(&t, "2023", "corpus/latest");
    let r = t.index_ok(&["--follow"]);
    assert_eq!(r["removed"], 1);
    assert_eq!(t.ids(), ["2023/a.txt"]);
}

#[test]
fn a_path_named_on_the_command_line_is_followed_even_if_a_link() {
    let t = tree();
    link(&t, "corpus", "corpus-link");
    let link = t.path().join("corpus-link");
    let out = t.run(&["index", link.to_str().unwrap(), "--json"]);
    assert_eq!(out.code, 0);
    assert_eq!(t.ids(), ["2023/a.txt"]);
}

#[test]
fn a_broken_link_is_counted_and_reported_only_when_followed() {
    let t = tree();
    link(&t, "nowhere.txt", "corpus/broken.txt");
    let r = t.index_ok(&[]);
    assert_eq!(r["links_skipped"], 1);

    let out = t.index(&["--follow"]);
    let r = out.json();
    assert_eq!(out.code, 1, "a link that cannot be followed is listed");
    let skipped = r["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 1);
    assert!(skipped[0]["path"].as_str().unwrap().ends_with("broken.txt"));
    assert_eq!(skipped[0]["reason"], "broken symbolic link");
}
