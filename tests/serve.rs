//! `dateline serve`: the real binary on a free port, each endpoint checked against what the CLI
//! prints for the same search (the same JSON, byte for byte), errors as the CLI words them,
//! the server's limits and headers, hostile articles, and a live update from a `dateline index`
//! running beside the server. The browser test of the page is `browser_page_*` at the end: it
//! runs `tests/browser/serve.mjs` in Node with headless Chromium, and skips without them.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::{crate_dir, Env};
use serde_json::Value;

/// A running `dateline serve`, stopped when dropped.
struct Server {
    child: Child,
    url: String,
    agent: ureq::Agent,
}

/// An answer: status, headers we look at, body.
struct Answer {
    status: u16,
    headers: ureq::http::HeaderMap,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap())
            .unwrap_or_else(|| panic!("no {name} header in {:?}", self.headers))
    }

    /// The one-line message of an error answer.
    fn error(&self) -> String {
        self.json()["error"].as_str().unwrap().to_string()
    }
}

impl Server {
    fn start(index: &Path, extra: &[&str]) -> Server {
        let mut args = vec!["serve", "--bind", "127.0.0.1:0"];
        args.extend_from_slice(extra);
        let mut child = common::command(index, &args)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .trim_end_matches('/')
            .to_string();
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(30)))
            .build()
            .into();
        Server { child, url, agent }
    }

    fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Answer {
        let mut req = self.agent.get(format!("{}{path}", self.url));
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let res = req.call().unwrap();
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        let body = res.into_body().read_to_string().unwrap_or_default();
        Answer {
            status,
            headers,
            body,
        }
    }

    fn get(&self, path: &str) -> Answer {
        self.get_with(path, &[])
    }

    /// A 200 answer's body.
    fn ok(&self, path: &str) -> String {
        let a = self.get(path);
        assert_eq!(a.status, 200, "{path}: {}", a.body);
        a.body
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What the CLI prints on stdout for `args`.
fn cli_stdout(env: &Env, args: &[&str]) -> String {
    let out = env.run(args);
    assert!(out.code == 0 || out.code == 1, "{args:?}: {}", out.stderr);
    out.stdout
}

/// The one-line message the CLI prints for `args`, which must fail with exit 2.
fn cli_error(env: &Env, args: &[&str]) -> String {
    let out = env.run(args);
    assert_eq!(out.code, 2, "{args:?} should fail: {}", out.stdout);
    out.stderr
        .trim_end()
        .strip_prefix("dateline: error: ")
        .unwrap_or_else(|| panic!("not a one-line error: {}", out.stderr))
        .to_string()
}

fn sample() -> Env {
    let env = Env::new();
    env.index_json();
    env
}

#[test]
fn the_api_answers_with_the_json_the_cli_prints() {
    let env = sample();
    let server = Server::start(&env.index, &[]);
    for (query, cli) in [
        (
            "q=Bakhmut&from=2023-03&to=2023-03",
            vec!["search", "Bakhmut", "--from", "2023-03", "--to", "2023-03"],
        ),
        (
            "q=shelling&city=kyiv&city=Kharkiv&facet=year&facet=country&facet-limit=0\
             &histogram=week&sort=newest&limit=3&offset=1",
            vec![
                "search",
                "shelling",
                "--city",
                "kyiv",
                "--city",
                "Kharkiv",
                "--facet",
                "year",
                "--facet",
                "country",
                "--facet-limit",
                "0",
                "--histogram",
                "week",
                "--sort",
                "newest",
                "--limit",
                "3",
                "--offset",
                "1",
            ],
        ),
        (
            "country=ua&lang=en&facet=language&facet=speaker&limit=2",
            vec![
                "search",
                "--country",
                "ua",
                "--lang",
                "en",
                "--facet",
                "language",
                "--facet",
                "speaker",
                "--limit",
                "2",
            ],
        ),
        // Percent-encoded phrase and Cyrillic, `+` for a space.
        (
            "q=%22Donetsk+region%22+OR+%D0%9A%D0%B8%D1%97%D0%B2&histogram=year",
            vec![
                "search",
                "\"Donetsk region\" OR Київ",
                "--histogram",
                "year",
            ],
        ),
        ("q=nothingmatchesthis", vec!["search", "nothingmatchesthis"]),
    ] {
        let mut cli = cli;
        cli.push("--json");
        let api = server.ok(&format!("/api/search?{query}"));
        assert_eq!(api, cli_stdout(&env, &cli), "{query}");
    }
    let api = server.ok("/api/search?q=Bakhmut&from=2023-03&to=2023-03");
    assert!(
        api.contains("\"total\": ") && !api.contains("\"total\": 0"),
        "{api}"
    );

    for (query, cli) in [
        ("q=bakhmut", vec!["quotes", "bakhmut"]),
        (
            "speaker=kofman&facet=city&limit=2",
            vec![
                "quotes",
                "--speaker",
                "kofman",
                "--facet",
                "city",
                "--limit",
                "2",
            ],
        ),
        ("", vec!["quotes"]),
    ] {
        let mut cli = cli;
        cli.push("--json");
        let api = server.ok(&format!("/api/quotes?{query}"));
        assert_eq!(api, cli_stdout(&env, &cli), "quotes {query}");
    }
    assert_eq!(
        server.ok("/api/stats"),
        cli_stdout(&env, &["stats", "--json"])
    );
}

#[test]
fn errors_are_the_cli_one_line_messages_with_http_status() {
    let env = sample();
    let server = Server::start(&env.index, &[]);
    // The library's own refusals: word for word what the CLI prints.
    for (query, cli) in [
        ("q=bakhmut+AND", vec!["search", "bakhmut AND"]),
        (
            "q=bakhmut&from=2023-05&to=2023-03",
            vec!["search", "bakhmut", "--from", "2023-05", "--to", "2023-03"],
        ),
        ("q=quote%3Ahold", vec!["search", "quote:hold"]),
        ("lang=english", vec!["search", "--lang", "english"]),
    ] {
        let a = server.get(&format!("/api/search?{query}"));
        assert_eq!(a.status, 400, "{query}: {}", a.body);
        assert_eq!(a.header("content-type"), "application/json");
        assert_eq!(a.error(), cli_error(&env, &cli), "{query}");
    }
    // Parameters the request cannot take: which one, and why.
    for (query, words) in [
        ("from=2023-13", "2023-13"),
        ("facet=colour", "colour"),
        ("sort=sideways", "sideways"),
        ("limit=ten", "limit: \"ten\" is not a number"),
        ("colour=red", "unknown parameter \"colour\""),
        ("q=a&q=b", "q is given more than once"),
        ("limit=101", "limit 101 is more than 100"),
        ("offset=9995&limit=10", "past the first 10000 results"),
    ] {
        let a = server.get(&format!("/api/search?{query}"));
        assert_eq!(a.status, 400, "{query}: {}", a.body);
        assert!(a.error().contains(words), "{query}: {}", a.error());
        assert!(!a.error().contains('\n'));
    }
    let long = format!("/api/search?q={}", "a".repeat(20_000));
    assert_eq!(server.get(&long).status, 414);
    let too_many_words = format!("/api/search?q={}", "ab+".repeat(4_000));
    let a = server.get(&too_many_words);
    assert_eq!(a.status, 400, "{}", a.body);
    // Quote searches are read the same way.
    let a = server.get("/api/quotes?speaker=lee&histogram=month");
    assert_eq!(a.status, 400);
    assert!(
        a.error().contains("unknown parameter \"histogram\""),
        "{}",
        a.error()
    );
    // Missing things are 404 in JSON; other methods are refused.
    let a = server.get("/api/articles/no/such/article.txt");
    assert_eq!(a.status, 404);
    assert_eq!(
        a.error(),
        "no article with id \"no/such/article.txt\" in the index"
    );
    assert_eq!(server.get("/api/nothing").status, 404);
    let post = server
        .agent
        .post(format!("{}/api/search", server.url))
        .send_empty()
        .unwrap();
    assert_eq!(post.status().as_u16(), 405);
}

#[test]
fn an_article_comes_whole_with_its_quotes_in_place() {
    let env = sample();
    let server = Server::start(&env.index, &[]);
    let found: Value =
        serde_json::from_str(&server.ok("/api/search?q=Korniienko&limit=1")).unwrap();
    let id = found["hits"][0]["id"].as_str().unwrap().to_string();
    assert!(id.contains('/'), "{id}");
    let plain = server.get(&format!("/api/articles/{id}"));
    let encoded = server.get(&format!("/api/articles/{}", id.replace('/', "%2F")));
    assert_eq!(plain.status, 200, "{}", plain.body);
    assert_eq!(plain.body, encoded.body);
    let a = plain.json();
    assert_eq!(a["id"], id.as_str());
    assert_eq!(a["title"], found["hits"][0]["title"]);
    assert_eq!(a["date"], found["hits"][0]["date"]);
    let body: Vec<char> = a["body"].as_str().unwrap().chars().collect();
    assert!(body.len() > 200);
    let quotes = a["quotes"].as_array().unwrap();
    assert!(!quotes.is_empty());
    for q in quotes {
        let (s, e) = (q["start"].as_u64().unwrap(), q["end"].as_u64().unwrap());
        let text: String = body[s as usize..e as usize].iter().collect();
        if !text.contains('\n') {
            assert_eq!(text, q["text"].as_str().unwrap());
        }
    }
    assert!(quotes.iter().any(|q| q["speaker"] == "Natalia Korniienko"));
}

#[test]
fn headers_for_browsers_cors_caching_and_the_page_policy() {
    let env = sample();
    let server = Server::start(&env.index, &[]);
    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").starts_with("text/html"));
    let csp = page.header("content-security-policy");
    assert!(
        csp.contains("default-src 'none'") && csp.contains("script-src 'self'"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"));
    assert!(page.body.contains("<script src=\"/app.js\""));
    for asset in ["/app.js", "/style.css"] {
        let a = server.get(asset);
        assert_eq!(a.status, 200, "{asset}");
        assert_eq!(a.header("x-content-type-options"), "nosniff");
    }
    // The page's script builds the DOM from text, never from markup.
    let js = server.get("/app.js").body;
    for sink in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
    ] {
        assert!(!js.contains(sink), "app.js uses {sink}");
    }

    let a = server.get("/api/search?q=bakhmut");
    assert_eq!(a.header("access-control-allow-origin"), "*");
    assert_eq!(a.header("cache-control"), "no-cache");
    assert_eq!(a.header("x-content-type-options"), "nosniff");
    let tag = a.header("etag").to_string();
    let again = server.get_with("/api/search?q=bakhmut", &[("If-None-Match", &tag)]);
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    let other = server.get_with("/api/search?q=kyiv", &[("If-None-Match", &tag)]);
    assert_eq!(other.status, 200, "another search is another entity");
    let preflight = server
        .agent
        .run(
            ureq::http::Request::builder()
                .method("OPTIONS")
                .uri(format!("{}/api/search", server.url))
                .header("Origin", "http://notebook.example")
                .header("Access-Control-Request-Method", "GET")
                .body(())
                .unwrap(),
        )
        .unwrap();
    assert_eq!(preflight.status().as_u16(), 204);
    assert!(preflight.headers()["access-control-allow-methods"]
        .to_str()
        .unwrap()
        .contains("GET"));
}

#[test]
fn hostile_articles_stay_text_in_the_api() {
    let env = Env::empty();
    common::copy_dir(
        &crate_dir().join("tests/fixtures/hostile-articles"),
        &env.corpus,
    );
    env.index_json();
    let server = Server::start(&env.index, &[]);
    let a = server.get("/api/search?q=zeppelin&limit=10");
    assert_eq!(a.status, 200);
    assert_eq!(a.header("content-type"), "application/json");
    assert_eq!(a.header("x-content-type-options"), "nosniff");
    // The API hands the text over as it is (JSON strings): what the CLI prints.
    assert_eq!(
        a.body,
        cli_stdout(&env, &["search", "zeppelin", "--limit", "10", "--json"])
    );
    let v = a.json();
    assert_eq!(v["total"], 3);
    let titles: Vec<&str> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.iter().any(|t| t.starts_with("<script>")),
        "{titles:?}"
    );
    // An id with markup in it is still found, and its error message is data too.
    let seed = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["format"] == "seed")
        .unwrap();
    let id = seed["id"].as_str().unwrap();
    let enc: String = id
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    let article = server.get(&format!("/api/articles/{enc}"));
    assert_eq!(article.status, 200, "{}", article.body);
    assert_eq!(article.json()["id"], id);
    let missing = server.get("/api/articles/%3Cscript%3Ex%3C%2Fscript%3E");
    assert_eq!(missing.status, 404);
    assert_eq!(missing.header("content-type"), "application/json");
}

#[test]
fn a_search_over_time_is_given_up_with_a_clear_error() {
    let env = sample();
    // No search finishes within 0 ms: every one is given up.
    let server = Server::start(&env.index, &["--timeout-ms", "0"]);
    let a = server.get("/api/search?q=bakhmut");
    assert_eq!(a.status, 503, "{}", a.body);
    assert_eq!(
        a.error(),
        "the search took longer than 0 ms and was given up: narrow it (dates, cities, fewer \
         facets) or try again"
    );
    // The page itself does not wait on the index.
    assert_eq!(server.get("/").status, 200);
}

#[test]
fn commits_of_a_concurrent_index_show_up_without_a_restart() {
    let env = sample();
    let server = Server::start(&env.index, &[]);
    let before = server.get("/api/search?q=zeppelinfeld");
    assert_eq!(before.json()["total"], 0);
    let tag = before.header("etag").to_string();
    let stats_before: Value = serde_json::from_str(&server.ok("/api/stats")).unwrap();

    env.write(
        "2024/06/zeppelinfeld.txt",
        "date 2024-06-01 Berlin: The Zeppelinfeld stands empty.\n\n“It is quiet now,” said Uwe Brandt.",
    );
    // `dateline index` runs while searches keep coming.
    let mut indexer = env
        .command(&["index", env.corpus_arg()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let mut seen = None;
    let mut answered = 0;
    while start.elapsed() < Duration::from_secs(20) {
        let a = server.get("/api/search?q=zeppelinfeld");
        assert_eq!(a.status, 200, "{}", a.body);
        answered += 1;
        if a.json()["total"] == 1 {
            seen = Some(a);
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(indexer.wait().unwrap().success());
    let seen = seen.expect("the new article shows up within 20 s of its commit");
    assert!(answered >= 1);
    assert_ne!(seen.header("etag"), tag, "a new commit is a new entity");
    assert_eq!(seen.json()["hits"][0]["id"], "2024/06/zeppelinfeld.txt");
    let stats: Value = serde_json::from_str(&server.ok("/api/stats")).unwrap();
    assert_eq!(
        stats["articles"].as_u64().unwrap(),
        stats_before["articles"].as_u64().unwrap() + 1
    );
    // The server still answers as the CLI does on the updated index.
    assert_eq!(
        server.ok("/api/search?q=zeppelinfeld"),
        cli_stdout(&env, &["search", "zeppelinfeld", "--json"])
    );
}

#[test]
fn a_missing_index_or_a_taken_port_is_a_one_line_error() {
    let env = Env::empty();
    let out = env.run(&["serve", "--bind", "127.0.0.1:0"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with("dateline: error: no index at "),
        "{}",
        out.stderr
    );
    let env = sample();
    let server = Server::start(&env.index, &[]);
    let port = server.url.rsplit(':').next().unwrap();
    let out = env.run(&["serve", "--bind", &format!("127.0.0.1:{port}")]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with(&format!(
            "dateline: error: cannot listen on 127.0.0.1:{port}"
        )),
        "{}",
        out.stderr
    );
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
}

/// Chromium for the browser test: `DATELINE_CHROMIUM`, else Debian's `chromium` on the PATH.
fn chromium() -> Option<std::path::PathBuf> {
    if let Some(p) = std::env::var_os("DATELINE_CHROMIUM") {
        return Some(p.into());
    }
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join("chromium"))
            .find(|p| p.is_file())
    })
}

/// Node with a WebSocket (built in from Node 22, behind a flag in Node 20 and 21): the
/// arguments that give one, or `None`.
fn node() -> Option<Vec<&'static str>> {
    let has = |args: &[&str]| {
        std::process::Command::new("node")
            .args(args)
            .args([
                "-e",
                "process.exit(typeof WebSocket === 'function' ? 0 : 1)",
            ])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if has(&[]) {
        Some(vec![])
    } else if has(&["--experimental-websocket"]) {
        Some(vec!["--experimental-websocket"])
    } else {
        None
    }
}

#[test]
fn browser_page_search_facet_chart_url_and_hostile_articles() {
    let (Some(chromium), Some(node_args)) = (chromium(), node()) else {
        assert!(
            std::env::var_os("DATELINE_REQUIRE_BROWSER").is_none(),
            "DATELINE_REQUIRE_BROWSER is set but chromium or node (with WebSocket) is missing"
        );
        eprintln!(
            "skipping the browser test: it needs Debian's chromium and node 20 or later \
             (apt-get install chromium nodejs)"
        );
        return;
    };
    // The screenshots are the run's artifacts: target/serve-screenshot.png and beside it.
    let out = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .to_path_buf();
    let run = std::process::Command::new("node")
        .args(node_args)
        .arg(crate_dir().join("tests/browser/serve.mjs"))
        .arg("--bin")
        .arg(common::BIN)
        .arg("--chromium")
        .arg(&chromium)
        .arg("--out")
        .arg(&out)
        .env("NODE_NO_WARNINGS", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains(" passed, 0 failed"), "{stdout}");
    assert!(out.join("serve-screenshot.png").is_file());
    eprintln!("{stdout}");
}
