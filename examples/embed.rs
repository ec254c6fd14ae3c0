//! A small tool built on the dateline library, the way another program would embed it: it
//! opens an index that `dateline index` may be updating at the same time, answers JSON
//! requests read from standard input, one per line, and adds and deletes articles of its own
//! through a writer session.
//!
//! ```text
//! dateline index sample-corpus --index /tmp/ix
//! cargo run --example embed -- /tmp/ix
//! {"search": {"query": "bakhmut", "from": "2023-03", "to": "2023-03", "facets": ["city"]}}
//! {"quotes": {"query": "", "speakers": ["kofman"], "limit": 3}}
//! {"add": {"id": "note-1", "title": "Desk note", "body": "Ferries resume.", "date": "2023-03-07"}}
//! {"delete": "note-1"}
//! {"commit": null}
//! {"stats": null}
//! ```
//!
//! Each request gets one line of JSON on standard output: `{"ok": …}` with the results (the
//! same JSON as the CLI's `--json`), or `{"error": "…"}`; a bad line never stops the tool.
//! Added and deleted articles become visible at `commit`; until then the tool holds the
//! index's writer lock, so a concurrent `dateline index` waits for it (and the tool's `add`
//! fails while `dateline index` runs). Commits made by other processes become visible by
//! themselves ([`Reload::OnCommit`]); the tool says so on standard error.

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{json, Value};

use dateline::{Article, DatelineIndex, QuoteRequest, Reload, SearchRequest, Writer};

/// One line of input.
#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum Request {
    Search(SearchRequest),
    Quotes(QuoteRequest),
    Add(NewArticle),
    Delete(String),
    /// `{"commit": null}` or `"commit"`.
    Commit,
    /// `{"stats": null}` or `"stats"`.
    Stats,
}

/// An article as the tool receives it; the quotes are found in the body as the indexer would.
#[derive(Deserialize)]
struct NewArticle {
    id: String,
    #[serde(default)]
    title: String,
    body: String,
    date: Option<NaiveDate>,
    city: Option<String>,
}

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| ".dateline-index".into()),
    );
    let index = match DatelineIndex::open_with(&dir, Reload::OnCommit) {
        Ok(index) => Arc::new(index),
        Err(e) => {
            eprintln!("embed: {}", chain(&e));
            std::process::exit(2);
        }
    };
    watch(Arc::clone(&index));

    let mut writer: Option<Writer> = None;
    let stdout = std::io::stdout();
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        if line.trim().is_empty() {
            continue;
        }
        let answer = match serde_json::from_str::<Request>(&line) {
            Ok(request) => match handle(&index, &mut writer, request) {
                Ok(value) => json!({ "ok": value }),
                Err(e) => json!({ "error": chain(&e) }),
            },
            Err(e) => json!({ "error": format!("bad request: {e}") }),
        };
        let mut out = stdout.lock();
        if writeln!(out, "{answer}").and_then(|_| out.flush()).is_err() {
            break;
        }
    }
    // Whatever was added and not committed is dropped with the session, as its docs say.
}

fn handle<'a>(
    index: &'a DatelineIndex,
    writer: &mut Option<Writer<'a>>,
    request: Request,
) -> dateline::Result<Value> {
    Ok(match request {
        Request::Search(req) => to_json(&index.search(&req)?),
        Request::Quotes(req) => to_json(&index.search_quotes(&req)?),
        Request::Stats => to_json(&index.stats()?),
        Request::Add(new) => {
            let body = new.body;
            let article = Article {
                quotes: dateline::parse::quote::extract_attributed(&body),
                id: new.id,
                title: new.title,
                body,
                date: new.date,
                city: new.city,
                ..Article::default()
            };
            session(index, writer)?.add(&article)?;
            json!({ "added": article.id, "quotes": article.quotes.len() })
        }
        Request::Delete(id) => {
            session(index, writer)?.delete(&id);
            json!({ "deleted": id })
        }
        Request::Commit => {
            // The session ends with its commit, so that `dateline index` can take the lock.
            if let Some(mut w) = writer.take() {
                w.commit()?;
            }
            json!({ "committed": true })
        }
    })
}

/// The open writer session, opened on first need.
fn session<'w, 'a>(
    index: &'a DatelineIndex,
    writer: &'w mut Option<Writer<'a>>,
) -> dateline::Result<&'w mut Writer<'a>> {
    if writer.is_none() {
        *writer = Some(index.writer(1)?);
    }
    Ok(writer.as_mut().expect("just opened"))
}

/// Tells on standard error when searches start seeing another commit.
fn watch(index: Arc<DatelineIndex>) {
    std::thread::spawn(move || {
        let mut seen = index.generation();
        loop {
            std::thread::sleep(Duration::from_millis(100));
            let now = index.generation();
            if now != seen {
                seen = now;
                match index.stats() {
                    Ok(s) => eprintln!("embed: new commit visible: {} articles", s.articles),
                    Err(e) => eprintln!("embed: new commit visible ({})", chain(&e)),
                }
            }
        }
    });
}

/// An error with its causes, each once.
fn chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

/// Results as JSON values: the same JSON as the CLI's `--json`.
fn to_json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("results serialise")
}
