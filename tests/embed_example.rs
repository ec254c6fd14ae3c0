//! `examples/embed.rs` run as a tool that embeds the library would be: it answers JSON requests
//! on standard input while the real `dateline index` updates the same index, and adds and
//! deletes articles of its own through a writer session.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use common::Env;

/// The example's executable, which `cargo test` builds beside the test binaries.
fn example() -> PathBuf {
    let deps = std::env::current_exe().unwrap();
    let exe = deps
        .parent()
        .and_then(Path::parent)
        .unwrap()
        .join("examples")
        .join(format!("embed{}", std::env::consts::EXE_SUFFIX));
    assert!(
        exe.is_file(),
        "{} is missing: `cargo test` builds it (or `cargo build --example embed`)",
        exe.display()
    );
    exe
}

struct Tool {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Tool {
    fn start(index: &Path) -> Tool {
        let mut child = Command::new(example())
            .arg(index)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        Tool {
            child,
            stdin,
            stdout,
        }
    }

    /// Sends one line and reads the answer's line.
    fn ask_line(&mut self, line: &str) -> Value {
        writeln!(self.stdin, "{line}").unwrap();
        self.stdin.flush().unwrap();
        let mut answer = String::new();
        self.stdout.read_line(&mut answer).unwrap();
        serde_json::from_str(&answer).unwrap_or_else(|e| panic!("{e}: {answer:?}"))
    }

    fn ask(&mut self, request: Value) -> Value {
        let answer = self.ask_line(&request.to_string());
        assert!(answer.get("error").is_none(), "{request} -> {answer}");
        answer["ok"].clone()
    }

    fn total(&mut self, query: &str) -> u64 {
        self.ask(json!({ "search": { "query": query } }))["total"]
            .as_u64()
            .unwrap()
    }
}

#[test]
fn the_embedding_example_serves_json_sees_other_writers_and_writes_its_own() {
    let env = Env::empty();
    env.write(
        "a.txt",
        "date 2023-03-06 Kyiv: Shelling near Bakhmut went on overnight.",
    );
    env.write(
        "b.txt",
        "date 2023-04-02 Lviv: Bakhmut was quiet, officials said.",
    );
    env.index_ok(&[]);

    let mut tool = Tool::start(&env.index);

    // Requests come in as JSON and keep their dates.
    let march = tool.ask(json!({
        "search": { "query": "bakhmut", "from": "2023-03", "to": "2023-03", "facets": ["city"] }
    }));
    assert_eq!(march["total"], 1);
    assert_eq!(march["hits"][0]["date"], "2023-03-06");
    assert_eq!(march["facets"]["city"][0]["value"], "Kyiv");
    assert_eq!(tool.ask(json!("stats"))["articles"], 2);

    // A bad line is answered with an error and the tool goes on.
    let bad = tool.ask_line(r#"{"search": {"from": "2023-13"}}"#);
    assert!(bad["error"].as_str().unwrap().contains("2023-13"), "{bad}");
    let junk = tool.ask_line("not json");
    assert!(junk["error"].is_string(), "{junk}");

    // Its own writer session: nothing shows before the commit.
    let added = tool.ask(json!({ "add": {
        "id": "desk/1", "title": "Ferries", "date": "2023-03-07",
        "body": "Ferries resumed. “We sail at dawn,” said Ivan Petrenko, a captain."
    }}));
    assert_eq!(added["quotes"], 1);
    assert_eq!(tool.total("ferries"), 0);
    tool.ask(json!("commit"));
    assert_eq!(tool.total("ferries"), 1);
    let quotes = tool.ask(json!({ "quotes": { "speakers": ["petrenko"] } }));
    assert_eq!(quotes["total"], 1);
    assert_eq!(quotes["quotes"][0]["speaker"], "Ivan Petrenko");
    tool.ask(json!({ "delete": "desk/1" }));
    tool.ask(json!("commit"));
    assert_eq!(tool.total("ferries"), 0);

    // Another process indexes into the same index: its commit becomes visible by itself.
    let more = env.path().join("more");
    common::write(
        &more.join("c.txt"),
        "date 2023-03-09 Odesa: Trams ran again after the outage.",
    );
    let out = env.run(&["index", more.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let deadline = Instant::now() + Duration::from_secs(20);
    while tool.total("trams") == 0 {
        assert!(
            Instant::now() < deadline,
            "the other process's commit never became visible"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(tool.ask(json!("stats"))["articles"], 3);

    drop(tool.stdin);
    let status = tool.child.wait().unwrap();
    assert!(status.success(), "{status}");
}
