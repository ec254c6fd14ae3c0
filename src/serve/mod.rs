//! `dateline serve`: the index behind an HTTP API and a web page, on axum and tokio.
//!
//! - `GET /api/search`, `/api/quotes`: the query string read into a [`SearchRequest`] or a
//!   [`QuoteRequest`] ([`params`]), answered with exactly the JSON `dateline search --json`
//!   prints (one function, [`dateline::output::json`], writes both);
//! - `GET /api/stats`: what `dateline stats --json` prints;
//! - `GET /api/articles/{id}`: one article whole, with its quotes and their offsets;
//! - `/`, `/app.js`, `/style.css`: the page ([`assets`](self)), compiled into the binary.
//!
//! Searches run on tokio's blocking pool (the library blocks), at most [`searches_at_once`]
//! at a time, each given up after `--timeout-ms`. The index is opened read-only with
//! [`Reload::OnCommit`]: commits of a `dateline index` running meanwhile show up by themselves.
//! Nothing here writes to the index. Errors are JSON `{"error": "<one line>"}`: 400 for bad
//! input (the library's own message, as the CLI prints it), 404 for a missing article.

mod params;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use axum::extract::{Path as UrlPath, RawQuery, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Serialize;
use tokio::sync::Semaphore;

use crate::cli::ServeArgs;
use dateline::{DatelineIndex, Page, QuoteRequest, Reload, SearchRequest};

/// Most hits or quotes one request may ask for.
pub const MAX_LIMIT: usize = 100;
/// Deepest page: `offset + limit` at most this (as Elasticsearch's result window).
pub const MAX_WINDOW: usize = 10_000;
/// Longest query string accepted, in bytes (the query text itself has the library's limit,
/// [`dateline::MAX_QUERY_CHARS`]).
pub const MAX_QUERY_STRING: usize = 16_384;
/// Searches that may run at once on `cores` cores: one per core and one more (for a search
/// waiting on a page of the index to come from disk). Searches are CPU work: more at once
/// would only share the cores, stretching every search in flight (a cheap one behind a slow
/// one), so the rest wait their turn, first come first served, within the timeout. Measured
/// with 32 clients on 2 cores (BENCHMARKS.md): 4 per core gave p99 87 ms, 1 per core 52 ms.
pub fn searches_at_once(cores: usize) -> usize {
    cores + 1
}

const INDEX_HTML: &str = include_str!("assets/index.html");
const APP_JS: &str = include_str!("assets/app.js");
const STYLE_CSS: &str = include_str!("assets/style.css");

/// The page may load only its own script and style and talk only to this server: article
/// text that slipped through as markup still could not run or load anything.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// What every request handler shares.
struct App {
    index: Arc<DatelineIndex>,
    timeout: Duration,
    permits: Arc<Semaphore>,
}

/// `dateline serve`: opens the index, binds, prints the address and serves until Ctrl-C or
/// SIGTERM.
pub fn run(args: &ServeArgs) -> anyhow::Result<u8> {
    let index = DatelineIndex::open_with(&args.dir.index, Reload::OnCommit)?;
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let app = Arc::new(App {
        index: Arc::new(index),
        timeout: Duration::from_millis(args.timeout_ms),
        permits: Arc::new(Semaphore::new(searches_at_once(cores))),
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's threads")?;
    runtime.block_on(serve(app, args.bind, &args.dir.index))?;
    Ok(0)
}

async fn serve(app: Arc<App>, bind: SocketAddr, dir: &Path) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .with_context(|| format!("cannot listen on {bind}"))?;
    let addr = listener.local_addr()?;
    // Tests and scripts read the address (port 0 picks one) from this first line.
    println!(
        "dateline: serving {} on http://{addr}/ (Ctrl-C stops)",
        dir.display()
    );
    use std::io::Write;
    let _ = std::io::stdout().flush();
    axum::serve(listener, router(app))
        .with_graceful_shutdown(shutdown())
        .await
        .context("the server stopped")?;
    Ok(())
}

/// The routes, with the headers every answer carries.
fn router(app: Arc<App>) -> Router {
    Router::new()
        .route(
            "/",
            get(|| async { asset(INDEX_HTML, "text/html; charset=utf-8") }),
        )
        .route(
            "/app.js",
            get(|| async { asset(APP_JS, "text/javascript; charset=utf-8") }),
        )
        .route(
            "/style.css",
            get(|| async { asset(STYLE_CSS, "text/css; charset=utf-8") }),
        )
        .route("/api/search", get(search))
        .route("/api/quotes", get(quotes))
        .route("/api/stats", get(stats))
        .route("/api/articles/{*id}", get(article))
        .fallback(not_found)
        .layer(middleware::from_fn(headers))
        .with_state(app)
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}

fn asset(body: &'static str, content_type: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            // Revalidate: a new binary may bring a new page.
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

/// Headers on every answer: the page's security policy; for the API, CORS (any origin may
/// read: the API is read-only and uses no cookies) and revalidation; preflight requests
/// answered here.
async fn headers(req: Request, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let mut res = if api && req.method() == Method::OPTIONS {
        StatusCode::NO_CONTENT.into_response()
    } else {
        next.run(req).await
    };
    let h = res.headers_mut();
    let set = |h: &mut HeaderMap, name, value: &'static str| {
        h.insert(name, HeaderValue::from_static(value));
    };
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::REFERRER_POLICY, "no-referrer");
    if api {
        set(h, header::ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        set(h, header::ACCESS_CONTROL_ALLOW_METHODS, "GET, OPTIONS");
        set(h, header::ACCESS_CONTROL_ALLOW_HEADERS, "If-None-Match");
        set(h, header::ACCESS_CONTROL_EXPOSE_HEADERS, "ETag");
        set(h, header::ACCESS_CONTROL_MAX_AGE, "86400");
        h.entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static("no-cache"));
    } else {
        set(h, header::CONTENT_SECURITY_POLICY, CSP);
        set(h, header::X_FRAME_OPTIONS, "DENY");
    }
    res
}

/// A JSON error answer: `{"error": "<one line>"}`.
fn error(status: StatusCode, message: impl std::fmt::Display) -> Response {
    let message = message.to_string().replace(['\n', '\r'], " ");
    let body = dateline::output::json(&serde_json::json!({ "error": message }))
        .unwrap_or_else(|_| "{\"error\": \"error\"}\n".into());
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

async fn not_found(uri: Uri) -> Response {
    error(
        StatusCode::NOT_FOUND,
        format!("no such page: {}", uri.path()),
    )
}

/// The request parts the limits look at, the same for both kinds of search.
trait Limited {
    fn page(&self) -> Page;
}

impl Limited for SearchRequest {
    fn page(&self) -> Page {
        self.page
    }
}

impl Limited for QuoteRequest {
    fn page(&self) -> Page {
        self.page
    }
}

/// Reads a request from the query string and checks the server's limits.
fn read<T>(raw: Option<&str>) -> Result<T, Response>
where
    T: Serialize + serde::de::DeserializeOwned + Default + Limited,
{
    let raw = raw.unwrap_or("");
    if raw.len() > MAX_QUERY_STRING {
        return Err(error(
            StatusCode::URI_TOO_LONG,
            format!(
                "the query string is {} bytes, more than the {MAX_QUERY_STRING} this server takes",
                raw.len()
            ),
        ));
    }
    let req: T = params::request(raw).map_err(|e| error(StatusCode::BAD_REQUEST, e))?;
    let page = req.page();
    if page.limit > MAX_LIMIT {
        return Err(error(
            StatusCode::BAD_REQUEST,
            format!(
                "limit {} is more than {MAX_LIMIT}: ask for pages with offset",
                page.limit
            ),
        ));
    }
    if page.offset.saturating_add(page.limit) > MAX_WINDOW {
        return Err(error(
            StatusCode::BAD_REQUEST,
            format!(
                "offset + limit is {}, past the first {MAX_WINDOW} results this server pages \
                 through: narrow the search (dates, cities) or sort the other way",
                page.offset.saturating_add(page.limit)
            ),
        ));
    }
    Ok(req)
}

/// The state of the index a request sees and what it asks, as an entity tag: the same search
/// on an unchanged index is answered `304 Not Modified`.
/// `hash` is the request's (see [`request_hash`]), computed once per request.
fn etag(generation: u64, hash: u64) -> HeaderValue {
    HeaderValue::from_str(&format!("W/\"{generation}-{hash:016x}\""))
        .unwrap_or_else(|_| HeaderValue::from_static("W/\"0\""))
}

/// What a request asks, hashed for its entity tag.
fn request_hash(uri: &Uri) -> u64 {
    xxhash_rust::xxh3::xxh3_64(uri.to_string().as_bytes())
}

/// Runs `job` on the index on the blocking pool, within the timeout, and answers with its
/// JSON (or the error).
async fn answer<T, F>(app: &App, uri: &Uri, headers: &HeaderMap, job: F) -> Response
where
    T: Serialize + Send + 'static,
    F: Fn(&DatelineIndex) -> dateline::Result<Option<T>> + Send + 'static,
{
    let hash = request_hash(uri);
    let tag = etag(app.index.generation(), hash);
    if headers.get(header::IF_NONE_MATCH) == Some(&tag) {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, tag)]).into_response();
    }
    let index = app.index.clone();
    let permits = app.permits.clone();
    let work = async move {
        let permit = permits.acquire_owned().await;
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            // The tag names the state the answer was read from: a commit loaded while the
            // job ran (the generation moved) runs it again, so a new commit's results never
            // go out under the old commit's tag (at most three times; the last answer then
            // carries the newer tag).
            let mut tries = 0;
            loop {
                let before = index.generation();
                let result = job(&index);
                let after = index.generation();
                tries += 1;
                if before == after || tries == 3 {
                    return (result, after);
                }
            }
        })
        .await
    };
    let started = std::time::Instant::now();
    let outcome = tokio::time::timeout(app.timeout, work).await;
    // A search that finished on another thread before its first poll is late all the same
    // when the timeout has passed: the deadline holds whatever the scheduling.
    let late = outcome.is_err() || started.elapsed() > app.timeout;
    let (result, generation) = match outcome {
        Ok(Ok(r)) if !late => r,
        Ok(Err(_panicked)) if !late => return error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the search stopped unexpectedly; if the index is damaged, `dateline check` says so",
        ),
        _ => {
            return error(
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "the search took longer than {} ms and was given up: narrow it (dates, \
                     cities, fewer facets) or try again",
                    app.timeout.as_millis()
                ),
            )
        }
    };
    match result {
        Ok(Some(value)) => match dateline::output::json(&value) {
            Ok(body) => (
                [
                    (
                        header::CONTENT_TYPE,
                        HeaderValue::from_static("application/json"),
                    ),
                    (header::ETAG, etag(generation, hash)),
                ],
                body,
            )
                .into_response(),
            Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e),
        },
        Ok(None) => error(StatusCode::NOT_FOUND, "not found"),
        Err(e) => {
            let status = match e {
                dateline::Error::BadDate { .. }
                | dateline::Error::BadQuery(_)
                | dateline::Error::QuerySyntax { .. }
                | dateline::Error::BadRequest(_) => StatusCode::BAD_REQUEST,
                _ => StatusCode::INTERNAL_SERVER_ERROR,
            };
            error(status, e)
        }
    }
}

async fn search(
    State(app): State<Arc<App>>,
    uri: Uri,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    match read::<SearchRequest>(raw.as_deref()) {
        Ok(req) => answer(&app, &uri, &headers, move |i| i.search(&req).map(Some)).await,
        Err(res) => res,
    }
}

async fn quotes(
    State(app): State<Arc<App>>,
    uri: Uri,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    match read::<QuoteRequest>(raw.as_deref()) {
        Ok(req) => {
            answer(&app, &uri, &headers, move |i| {
                i.search_quotes(&req).map(Some)
            })
            .await
        }
        Err(res) => res,
    }
}

async fn stats(State(app): State<Arc<App>>, uri: Uri, headers: HeaderMap) -> Response {
    answer(&app, &uri, &headers, |i| i.stats().map(Some)).await
}

async fn article(
    State(app): State<Arc<App>>,
    uri: Uri,
    headers: HeaderMap,
    UrlPath(id): UrlPath<String>,
) -> Response {
    let wanted = id.clone();
    let res = answer(&app, &uri, &headers, move |i| i.article(&wanted)).await;
    if res.status() == StatusCode::NOT_FOUND {
        return error(
            StatusCode::NOT_FOUND,
            format!("no article with id {id:?} in the index"),
        );
    }
    res
}
