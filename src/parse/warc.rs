//! Web archives (WARC 1.0/1.1, plain or gzip, one member per record or one for the file), read
//! with the `warc` crate. Each `response` (or `resource`) record whose payload is an HTML page
//! becomes an article read by [`html`]: its id is `FILE#RECORD-ID`, its URL the
//! record's target URI, and the record's date is kept as `crawled`, never as the publication
//! date. Other records (requests, metadata, images, redirects) are passed over.

use std::io::{BufRead, BufReader, Read};

use warc::{RecordType, WarcHeader, WarcReader};

use super::{html, text, Article, Ctx, ParseError};

/// Whether the bytes open like a WARC file: a `WARC/1.x` version line, or a gzip member
/// (which only a `.warc.gz` name makes a WARC file; see [`detect`](super::detect)).
pub fn looks_like(text: &str) -> bool {
    text.starts_with("WARC/1.")
}

/// Whether the bytes are gzip-compressed.
fn gzipped(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Reads every HTML response in the archive. A record that cannot be read ends the file
/// (the records after it cannot be found), with a warning on the last article; an archive
/// with no HTML page at all is malformed.
pub(crate) fn parse(bytes: &[u8], ctx: &Ctx<'_>) -> Result<Vec<Article>, ParseError> {
    if gzipped(bytes) {
        let gz = libflate::gzip::MultiDecoder::new(bytes)
            .map_err(|e| ParseError::Malformed(format!("not a gzip WARC file: {e}")))?;
        records(BufReader::new(gz), ctx)
    } else {
        records(bytes, ctx)
    }
}

fn records<R: BufRead>(reader: R, ctx: &Ctx<'_>) -> Result<Vec<Article>, ParseError> {
    let mut articles: Vec<Article> = Vec::new();
    let mut problem = None;
    for (n, record) in WarcReader::new(reader).iter_records().enumerate() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problem = Some(format!(
                    "WARC record {} unreadable, rest of file skipped: {e}",
                    n + 1
                ));
                break;
            }
        };
        if !matches!(
            record.warc_type(),
            RecordType::Response | RecordType::Resource
        ) {
            continue;
        }
        let url = record
            .header(WarcHeader::TargetURI)
            .map(|u| u.trim().to_string());
        let is_response = matches!(record.warc_type(), RecordType::Response);
        let Some(page) = payload(record.body(), is_response) else {
            continue;
        };
        let id = record
            .warc_id()
            .trim()
            .trim_start_matches('<')
            .trim_end_matches('>');
        let rel = format!("{}#{id}", ctx.rel_path);
        let decoded = match text::decode_html(page) {
            Ok(d) => d,
            Err(_) => continue,
        };
        if !html::looks_like(
            decoded
                .text
                .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}'),
        ) && !decoded
            .text
            .get(..1024.min(decoded.text.len()))
            .is_some_and(|h| h.to_ascii_lowercase().contains("<html"))
        {
            continue;
        }
        let record_ctx = Ctx {
            rel_path: &rel,
            aliases: ctx.aliases,
            json: ctx.json,
        };
        let mut article = html::parse(&decoded.text, &record_ctx);
        article.id = rel.clone();
        if url.as_deref().is_some_and(|u| !u.is_empty()) {
            // The page was fetched from this URL: its site is the outlet.
            if let Some(site) = url.as_deref().and_then(super::source::from_url) {
                article.source = Some(site);
            }
            article.url = url;
        }
        article.crawled = Some(
            record
                .date()
                .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
        );
        if let Some(note) = decoded.note {
            article.warnings.push(note);
        }
        articles.push(article);
    }
    if articles.is_empty() {
        return Err(ParseError::Malformed(problem.unwrap_or_else(|| {
            "WARC file without an HTML response record".into()
        })));
    }
    if let (Some(p), Some(last)) = (problem, articles.last_mut()) {
        last.warnings.push(p);
    }
    Ok(articles)
}

/// The HTML page in a record's block: after the HTTP headers of a `response` (when its status
/// is 2xx and its type HTML), the whole block of a `resource`.
fn payload(block: &[u8], http: bool) -> Option<&[u8]> {
    if !http {
        return Some(block);
    }
    let end = memchr::memmem::find(block, b"\r\n\r\n")
        .map(|i| i + 4)
        .or_else(|| memchr::memmem::find(block, b"\n\n").map(|i| i + 2))?;
    let head = String::from_utf8_lossy(&block[..end]).to_ascii_lowercase();
    let status_ok = head
        .split_whitespace()
        .nth(1)
        .is_some_and(|code| code.starts_with('2'));
    let html = head
        .lines()
        .find_map(|l| l.strip_prefix("content-type:"))
        .is_none_or(|t| t.contains("html"));
    let chunked = head
        .lines()
        .any(|l| l.starts_with("transfer-encoding:") && l.contains("chunked"));
    if !status_ok || !html || chunked && !looks_dechunked(&block[end..]) {
        return None;
    }
    Some(&block[end..])
}

/// Crawlers store bodies de-chunked while keeping the header; a body that still opens with a
/// chunk size line is not read rather than read with sizes in the text.
fn looks_dechunked(body: &[u8]) -> bool {
    let mut line = String::new();
    let _ = BufReader::new(body).take(32).read_line(&mut line);
    !line.trim_end().chars().all(|c| c.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{CityAliases, JsonMapping};
    use warc::{Record, WarcWriter};

    const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><title>Harbour reopens | Example</title>
<meta property="article:published_time" content="2023-03-05T10:00:00+01:00"></head>
<body><article><h1>Harbour reopens</h1><p>HALIFAX (AP) — The harbour reopened.</p></article></body></html>"#;

    fn record(kind: RecordType, uri: &str, block: &[u8]) -> Record<warc::BufferedBody> {
        let mut r = Record::<warc::BufferedBody>::with_body(block.to_vec());
        r.set_warc_type(kind);
        r.set_header(WarcHeader::TargetURI, uri).unwrap();
        r.set_date("2024-01-02T03:04:05Z".parse().unwrap());
        r
    }

    fn archive() -> (Vec<u8>, Vec<String>) {
        let http =
            format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{PAGE}");
        let records = [
            record(RecordType::WarcInfo, "", b"software: test"),
            record(
                RecordType::Request,
                "https://news.example/a",
                b"GET /a HTTP/1.1\r\n\r\n",
            ),
            record(
                RecordType::Response,
                "https://news.example/a",
                http.as_bytes(),
            ),
            record(
                RecordType::Response,
                "https://news.example/logo.png",
                b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
            ),
            record(
                RecordType::Response,
                "https://news.example/gone",
                b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html>gone</html>",
            ),
        ];
        let ids = records.iter().map(|r| r.warc_id().to_string()).collect();
        let mut w = WarcWriter::new(std::io::BufWriter::new(Vec::new()));
        for r in &records {
            w.write(r).unwrap();
        }
        (w.into_inner().unwrap(), ids)
    }

    fn read(bytes: &[u8]) -> Result<Vec<Article>, ParseError> {
        let (aliases, json) = (CityAliases::default(), JsonMapping::default());
        let ctx = Ctx {
            rel_path: "crawl/news.warc",
            aliases: &aliases,
            json: &json,
        };
        parse(bytes, &ctx)
    }

    #[test]
    fn html_responses_become_articles_with_record_id_url_and_crawl_time() {
        let (bytes, ids) = archive();
        let articles = read(&bytes).unwrap();
        assert_eq!(articles.len(), 1, "only the HTML 200 response");
        let a = &articles[0];
        let id = ids[2].trim_start_matches('<').trim_end_matches('>');
        assert_eq!(a.id, format!("crawl/news.warc#{id}"));
        assert_eq!(a.url.as_deref(), Some("https://news.example/a"));
        assert_eq!(a.title, "Harbour reopens");
        assert_eq!(
            a.date.unwrap().to_string(),
            "2023-03-05",
            "publication, not crawl"
        );
        assert_eq!(a.crawled.as_deref(), Some("2024-01-02T03:04:05Z"));
    }

    #[test]
    fn gzip_archives_and_damage() {
        let (bytes, _) = archive();
        let mut gz = libflate::gzip::Encoder::new(Vec::new()).unwrap();
        std::io::Write::write_all(&mut gz, &bytes).unwrap();
        let gz = gz.finish().into_result().unwrap();
        assert_eq!(read(&gz).unwrap().len(), 1);
        assert!(matches!(read(&gz[..20]), Err(ParseError::Malformed(_))));
        assert!(matches!(
            read(b"WARC/1.0\r\nnonsense"),
            Err(ParseError::Malformed(_))
        ));
        // A cut after the page keeps the page, with a warning.
        let cut = &bytes[..bytes.len() - 40];
        let a = read(cut).unwrap();
        assert_eq!(a.len(), 1);
        assert!(
            a[0].warnings.iter().any(|w| w.contains("unreadable")),
            "{:?}",
            a[0].warnings
        );
    }
}
