//! Never lose an article: SIGKILL at random points of an indexing run, a second writer while
//! one runs, and searching during indexing. Runs the real binary on a generated corpus.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{command, Env, Out};
use serde_json::Value;

const CITIES: &[&str] = &[
    "Kyiv", "Kharkiv", "Odesa", "Lviv", "Warsaw", "Berlin", "London",
];

/// Writes `n` small seed-format articles in `YYYY/MM/` folders; returns their ids.
fn generate(dir: &Path, n: usize) -> Vec<String> {
    let mut ids = Vec::with_capacity(n);
    for i in 0..n {
        let (year, month, day) = (2015 + i % 9, 1 + i % 12, 1 + i % 28);
        let rel = format!("{year}/{month:02}/article-{i:05}.txt");
        let city = CITIES[i % CITIES.len()];
        common::write(
            &dir.join(&rel),
            &format!(
                "date {year}-{month:02}-{day:02} {city}: Report number {i} on the harvest.\n\n\
                 “We counted {i} trucks today,” said Marta Hrytsenko, a dispatcher.\n\n\
                 Officials said the count would be repeated next week.\n"
            ),
        );
        ids.push(rel);
    }
    ids
}

/// Every article, oldest first, up to `limit`.
fn search_all(index: &Path, limit: usize) -> (i32, Value) {
    common::search(
        index,
        &["*", "--limit", &limit.to_string(), "--sort", "oldest"],
    )
}

/// A tiny deterministic generator, so a failure can be replayed.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

#[test]
fn sigkill_at_random_points_never_loses_or_duplicates_an_article() {
    let env = Env::empty();
    let (corpus, index) = (&env.corpus, &env.index);
    let n = 3_000;
    let mut ids = generate(corpus, n);
    ids.sort();

    // How long a full run takes here, to spread the kills over it.
    let probe = env.path().join("probe");
    let t = Instant::now();
    let ok = command(&probe, &["index", corpus.to_str().unwrap(), "--json"])
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(ok.success());
    let full_ms = t.elapsed().as_millis().max(50) as u64;

    let mut rng = Lcg(20230306);
    let mut last_total = 0u64;
    for round in 0..10 {
        let mut child = command(
            index,
            &[
                "index",
                corpus.to_str().unwrap(),
                "--commit-every",
                "150",
                "--json",
            ],
        )
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
        std::thread::sleep(Duration::from_millis(rng.next(full_ms)));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        // The index opens and answers with a committed state: never more than the corpus,
        // never fewer than the last committed count.
        let (_, v) = search_all(index, 1);
        let total = v["total"].as_u64().unwrap();
        assert!(total <= n as u64, "round {round}: {total} > {n}");
        assert!(
            total >= last_total,
            "round {round}: lost articles ({total} < {last_total})"
        );
        eprintln!("round {round}: {total} articles committed");
        last_total = total;
    }
    let out = env.index(&[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report = out.json();
    assert_eq!(
        report["indexed"].as_u64().unwrap() + report["unchanged"].as_u64().unwrap(),
        n as u64
    );
    let (_, v) = search_all(index, n + 10);
    assert_eq!(v["total"], n as u64);
    let mut got = common::hit_ids(&v);
    got.sort();
    assert_eq!(got, ids);
}

#[test]
fn second_writer_is_refused_plainly_and_search_works_meanwhile() {
    let env = Env::empty();
    let index = &env.index;
    generate(&env.corpus, 6_000);
    // Create the index first so the running writer is the only thing in the way.
    let seed_dir = env.path().join("one");
    generate(&seed_dir, 1);
    assert_eq!(env.run(&["index", seed_dir.to_str().unwrap()]).code, 0);

    let mut first = env
        .command(&["index", env.corpus_arg(), "--commit-every", "400"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the first run has committed a batch, so it surely holds the writer lock.
    let deadline = Instant::now() + Duration::from_secs(60);
    while search_all(index, 1).1["total"].as_u64().unwrap() <= 1 {
        assert!(Instant::now() < deadline, "first run never committed");
        assert!(
            first.try_wait().unwrap().is_none(),
            "first run ended too early"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = env.run(&["index", seed_dir.to_str().unwrap()]);
    let still_running = first.try_wait().unwrap().is_none();
    assert!(
        still_running,
        "the first run finished before the check; use a larger corpus"
    );
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr.trim(),
        "dateline: error: index is being updated by another process"
    );
    // Searching works while the writer runs, and sees committed articles.
    let (_, v) = search_all(index, 1);
    assert!(v["total"].as_u64().unwrap() > 1);
    let status = first.wait().unwrap();
    assert!(status.success());
    let (_, v) = search_all(index, 1);
    assert_eq!(v["total"], 6_001);
}

#[test]
fn ctrl_c_commits_what_was_done_and_the_next_run_finishes() {
    let env = Env::empty();
    let index = &env.index;
    let n = 4_000;
    generate(&env.corpus, n);
    let child = env
        .command(&["index", env.corpus_arg(), "--commit-every", "100", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Interrupt once the index exists (the first batch has been committed).
    let deadline = Instant::now() + Duration::from_secs(30);
    while !index.join("meta.json").exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    std::thread::sleep(Duration::from_millis(100));
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let out = Out::from(child.wait_with_output().unwrap());
    let stderr = &out.stderr;
    if out.code == 0 {
        // The run finished before the signal arrived: nothing to check but the count.
        eprintln!("run finished before SIGINT; interruption not exercised");
    } else {
        assert_eq!(out.code, 130, "{stderr}");
        assert!(stderr.contains("interrupted"), "{stderr}");
        let report = out.json();
        assert_eq!(report["interrupted"], true);
        let done = report["indexed"].as_u64().unwrap();
        assert!(done < n as u64);
        // What the report says was indexed is what a reader sees.
        let (_, v) = search_all(index, 1);
        assert_eq!(v["total"], done);
    }
    let out = env.index(&[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let (_, v) = search_all(index, 1);
    assert_eq!(v["total"], n as u64);
}
