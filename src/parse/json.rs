//! JSON and JSON Lines: one article per object. Field names are looked up through a
//! [`JsonMapping`] whose defaults cover what scrapers and corpora emit (news-please's `title`,
//! `maintext`, `date_publish`, `url`, `language`; BASIL's `title`, `date`, `body-paragraphs`),
//! and which a user can extend with their own names (`title=headline,date=meta.published`).
//!
//! Record ids: a file holding one object is the article `FILE`; an array (or an object
//! wrapping one array of article objects) gives `FILE#N`, N counting elements from 1; JSON
//! Lines gives `FILE#LINE`, the 1-based line number. Positions rather than an id field inside
//! the objects, because positions are unique within a file by construction and stay stable
//! while the file is only appended to. A line that is not a JSON object becomes an article
//! with a `malformed record` warning and the line as its body; a file in which no record is
//! an object fails as a whole.

use serde_json::{Map, Value};

use super::{dateline, settle, stamp, text, Article, Ctx, ParseError};

/// Which JSON fields hold what. Each list is tried in order; the first field present wins.
/// A name with dots (`meta.published`) also reaches into nested objects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonMapping {
    /// Headline fields.
    pub title: Vec<String>,
    /// Body fields: a string, a list of paragraphs, or a list of paragraphs of sentences.
    pub body: Vec<String>,
    /// Publication date fields (ISO 8601, RFC 2822, Unix seconds, ...).
    pub date: Vec<String>,
    /// Dateline fields (`NEW YORK, March 5`); without one the body's opening is searched.
    pub dateline: Vec<String>,
    /// Source URL fields.
    pub url: Vec<String>,
    /// Language code fields.
    pub language: Vec<String>,
    /// Outlet fields (`source`, `publisher`; see [`super::source`]).
    pub source: Vec<String>,
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

impl Default for JsonMapping {
    fn default() -> Self {
        JsonMapping {
            title: names(&["title", "headline"]),
            body: names(&[
                "maintext",
                "body-paragraphs",
                "body",
                "text",
                "content",
                "article",
                "articleBody",
                "full_text",
                "description",
            ]),
            date: names(&[
                "date_publish",
                "date",
                "published",
                "published_at",
                "publishedAt",
                "datePublished",
                "pubDate",
                "publication_date",
            ]),
            dateline: names(&["dateline"]),
            url: names(&["url", "link", "canonical_url"]),
            language: names(&["language", "lang"]),
            source: names(&["source", "source_domain", "publisher", "outlet"]),
        }
    }
}

impl JsonMapping {
    /// The defaults with a user's field names tried first. `spec` is comma-separated
    /// `ROLE=FIELD` pairs, roles `title`, `body`, `date`, `dateline`, `url`, `language`,
    /// `source`:
    ///
    /// ```
    /// use dateline::parse::JsonMapping;
    /// let m = JsonMapping::from_spec("title=headline_text, date=meta.published").unwrap();
    /// assert_eq!(m.title[0], "headline_text");
    /// assert_eq!(m.date[0], "meta.published");
    /// assert!(JsonMapping::from_spec("colour=x").is_err());
    /// ```
    pub fn from_spec(spec: &str) -> Result<JsonMapping, String> {
        let mut m = JsonMapping::default();
        for pair in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (role, field) = pair
                .split_once('=')
                .map(|(r, f)| (r.trim(), f.trim()))
                .filter(|(_, f)| !f.is_empty())
                .ok_or_else(|| format!("expected ROLE=FIELD, got {pair:?}"))?;
            let list = match role {
                "title" => &mut m.title,
                "body" => &mut m.body,
                "date" => &mut m.date,
                "dateline" => &mut m.dateline,
                "url" => &mut m.url,
                "language" => &mut m.language,
                "source" => &mut m.source,
                _ => {
                    return Err(format!(
                    "unknown role {role:?} (expected title, body, date, dateline, url, language or source)"
                ))
                }
            };
            list.retain(|f| f != field);
            list.insert(0, field.to_string());
        }
        Ok(m)
    }
}

/// Whether text (white space and BOM trimmed) opens like a JSON object or array of objects.
pub fn looks_like(text: &str) -> bool {
    let mut chars = text.chars();
    let first = chars.next();
    let next = chars.as_str().trim_start().chars().next();
    match first {
        Some('{') => matches!(next, Some('"') | Some('}')),
        Some('[') => matches!(next, Some('{') | Some(']')),
        _ => false,
    }
}

/// Reads every article of a JSON document or JSON Lines file.
pub(crate) fn parse(text: &str, ctx: &Ctx<'_>) -> Result<Vec<Article>, ParseError> {
    let doc = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let whole_error = match serde_json::from_str::<Value>(doc) {
        Ok(Value::Array(items)) => return Ok(numbered(&items, ctx)),
        Ok(Value::Object(obj)) => {
            return Ok(match wrapped_records(&obj, ctx) {
                Some(items) => numbered(items, ctx),
                None => vec![record(ctx.rel_path.to_string(), &obj, ctx)],
            })
        }
        Ok(_) => {
            return Err(ParseError::Malformed(
                "JSON is not an object or array".into(),
            ))
        }
        Err(e) => e,
    };
    let mut articles = Vec::new();
    let mut objects = 0;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if line.is_empty() {
            continue;
        }
        let id = format!("{}#{}", ctx.rel_path, i + 1);
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(obj)) => {
                objects += 1;
                articles.push(record(id, &obj, ctx));
            }
            Ok(_) => articles.push(malformed(id, line, "not a JSON object")),
            Err(e) => articles.push(malformed(id, line, &e.to_string())),
        }
    }
    if objects == 0 {
        return Err(ParseError::Malformed(format!("not JSON: {whole_error}")));
    }
    Ok(articles)
}

fn numbered(items: &[Value], ctx: &Ctx<'_>) -> Vec<Article> {
    items
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let id = format!("{}#{}", ctx.rel_path, i + 1);
            match v {
                Value::Object(obj) => record(id, obj, ctx),
                other => malformed(id, &other.to_string(), "not a JSON object"),
            }
        })
        .collect()
}

/// `{"articles": [{...}, ...]}`: an object with no article fields of its own and one array of
/// objects.
fn wrapped_records<'v>(obj: &'v Map<String, Value>, ctx: &Ctx<'_>) -> Option<&'v Vec<Value>> {
    let m = ctx.json;
    if m.title
        .iter()
        .chain(&m.body)
        .any(|f| lookup(obj, f).is_some())
    {
        return None;
    }
    let mut arrays = obj.values().filter_map(|v| match v {
        Value::Array(a) if !a.is_empty() && a.iter().all(Value::is_object) => Some(a),
        _ => None,
    });
    let first = arrays.next()?;
    arrays.next().is_none().then_some(first)
}

/// A record that could not be read: kept, with its raw text, so it is counted and listed.
pub(super) fn malformed(id: String, raw: &str, why: &str) -> Article {
    Article {
        id,
        body: raw.to_string(),
        warnings: vec![format!("malformed record: {why}")],
        ..Article::default()
    }
}

/// A field by exact name, else by a dotted path through nested objects.
fn lookup<'v>(obj: &'v Map<String, Value>, field: &str) -> Option<&'v Value> {
    if let Some(v) = obj.get(field) {
        return (!v.is_null()).then_some(v);
    }
    let mut parts = field.split('.');
    let mut cur = obj.get(parts.next()?)?;
    for part in parts {
        cur = cur.as_object()?.get(part)?;
    }
    (!cur.is_null()).then_some(cur)
}

/// Text of a value: a string; a list of paragraphs; a list of paragraphs given as lists of
/// sentences (BASIL); numbers as written (epoch dates).
fn value_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(text::normalize_newlines(s)),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) => {
            let paras: Vec<String> = items
                .iter()
                .filter_map(|item| match item {
                    Value::Array(sentences) => Some(
                        sentences
                            .iter()
                            .filter_map(value_text)
                            .map(|s| s.trim().to_string())
                            .filter(|s| !s.is_empty())
                            .collect::<Vec<_>>()
                            .join(" "),
                    ),
                    other => value_text(other),
                })
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect();
            (!paras.is_empty()).then(|| paras.join("\n\n"))
        }
        _ => None,
    }
}

fn first_text(obj: &Map<String, Value>, fields: &[String]) -> Option<String> {
    fields
        .iter()
        .filter_map(|f| lookup(obj, f).and_then(value_text))
        .find(|s| !s.trim().is_empty())
}

/// One article from one object (a JSON record, or a CSV row as column → cell).
pub(super) fn record(id: String, obj: &Map<String, Value>, ctx: &Ctx<'_>) -> Article {
    let m = ctx.json;
    let mut article = Article {
        id,
        title: first_text(obj, &m.title)
            .map(|t| text::collapse(&t))
            .unwrap_or_default(),
        body: first_text(obj, &m.body)
            .map(|b| text::tidy_paragraphs(&b))
            .unwrap_or_default(),
        url: first_text(obj, &m.url).map(|u| u.trim().to_string()),
        language: first_text(obj, &m.language).and_then(|l| text::language_code(&l)),
        source: first_text(obj, &m.source).and_then(|s| super::source::canonical(&s)),
        ..Article::default()
    };
    if article.title.is_empty() && article.body.is_empty() {
        article
            .warnings
            .push("no title or body field (see the JSON field mapping)".into());
    }
    let mut explicit = None;
    for field in &m.date {
        let Some(raw) = lookup(obj, field).and_then(value_text) else {
            continue;
        };
        match stamp::parse(&raw) {
            Some(s) => {
                explicit = Some(s);
                break;
            }
            None => article.warnings.push(format!(
                "unreadable date {:?} in field {field:?}",
                raw.trim()
            )),
        }
    }
    let field_dateline = first_text(obj, &m.dateline).and_then(|d| dateline::from_field(&d));
    let body_dateline = match field_dateline {
        Some(_) => None,
        None => dateline::in_body(&article.body),
    };
    let found = field_dateline
        .as_ref()
        .or(body_dateline.as_ref().map(|(_, d)| d));
    settle(&mut article, explicit, found, ctx);
    if article.title.is_empty() {
        if let Some((at, d)) = &body_dateline {
            article.title = text::first_sentence(&article.body[at + d.len..]);
        }
    }
    article
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::CityAliases;

    fn run(rel: &str, s: &str, mapping: &JsonMapping) -> Result<Vec<Article>, ParseError> {
        let aliases = CityAliases::default();
        let ctx = Ctx {
            rel_path: rel,
            aliases: &aliases,
            json: mapping,
        };
        parse(s, &ctx)
    }

    fn p(rel: &str, s: &str) -> Vec<Article> {
        run(rel, s, &JsonMapping::default()).unwrap()
    }

    #[test]
    fn news_please_object() {
        let a = &p(
            "np/a.json",
            r#"{"title": "Port reopens", "maintext": "ODESA, Ukraine (AP) — The port reopened.\nShips left.",
                "date_publish": "2022-08-01 09:30:00", "source_domain": "example.org",
                "url": "https://example.org/a", "language": "en"}"#,
        )[0];
        assert_eq!(a.id, "np/a.json");
        assert_eq!(a.title, "Port reopens");
        assert_eq!(a.date.unwrap().to_string(), "2022-08-01");
        assert_eq!(a.published.as_deref(), Some("2022-08-01T09:30:00"));
        assert_eq!(a.city.as_deref(), Some("Odesa"));
        assert_eq!(a.city_raw.as_deref(), Some("ODESA"));
        assert_eq!(a.region.as_deref(), Some("Ukraine"));
        assert_eq!(a.language.as_deref(), Some("en"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
    }

    #[test]
    fn basil_paragraphs_of_sentences() {
        let a = &p(
            "articles/2016/x.json",
            r#"{"source": "nyt", "title": "Vote set", "date": "2016-09-28",
                "body-paragraphs": [["WASHINGTON — The Senate will vote.", "It is expected to pass."], ["Second paragraph."]]}"#,
        )[0];
        assert_eq!(
            a.body,
            "WASHINGTON — The Senate will vote. It is expected to pass.\n\nSecond paragraph."
        );
        assert_eq!(a.date.unwrap().to_string(), "2016-09-28");
        assert_eq!(a.city.as_deref(), Some("Washington"));
    }

    #[test]
    fn json_lines_with_a_malformed_line() {
        let text = "{\"title\": \"One\", \"text\": \"BERLIN (dpa) - First.\", \"date\": \"2020-01-02\"}\n\n{\"title\": \"Two\", \"text\": broken}\n[1, 2]\n{\"title\": \"Three\", \"text\": \"No dateline.\"}\n";
        let a = p("feed.jsonl", text);
        assert_eq!(a.len(), 4);
        let ids: Vec<&str> = a.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "feed.jsonl#1",
                "feed.jsonl#3",
                "feed.jsonl#4",
                "feed.jsonl#5"
            ]
        );
        assert_eq!(a[0].city.as_deref(), Some("Berlin"));
        assert!(a[1].warnings[0].starts_with("malformed record"));
        assert!(a[1].body.contains("broken"));
        assert!(a[2].warnings[0].contains("not a JSON object"));
        assert_eq!(a[3].city, None);
    }

    #[test]
    fn arrays_and_wrapped_arrays_number_from_one() {
        let a = p("a.json", r#"[{"title": "A"}, {"title": "B"}, 5]"#);
        assert_eq!(a[1].id, "a.json#2");
        assert_eq!(a[1].title, "B");
        assert!(a[2].warnings[0].starts_with("malformed record"));
        let w = p(
            "w.json",
            r#"{"status": "ok", "articles": [{"title": "A"}]}"#,
        );
        assert_eq!((w.len(), w[0].id.as_str()), (1, "w.json#1"));
    }

    #[test]
    fn not_json_at_all_fails_the_file() {
        assert!(run("a.json", "hello\nworld", &JsonMapping::default()).is_err());
        assert!(run("a.json", "\"just a string\"", &JsonMapping::default()).is_err());
        assert!(run("a.json", "{\"title\": \"cut off", &JsonMapping::default()).is_err());
    }

    #[test]
    fn user_mapping_dotted_fields_and_epoch_dates() {
        let m = JsonMapping::from_spec("title=head.main,body=story,date=meta.ts,dateline=place")
            .unwrap();
        let a = &run(
            "u.json",
            r#"{"head": {"main": "Grain deal"}, "story": "Text.", "meta": {"ts": 1481202661},
                "place": "ISTANBUL, July 22"}"#,
            &m,
        )
        .unwrap()[0];
        assert_eq!(a.title, "Grain deal");
        assert_eq!(a.date.unwrap().to_string(), "2016-12-08");
        assert_eq!(a.published.as_deref(), Some("2016-12-08T13:11:01Z"));
        assert_eq!(a.city.as_deref(), Some("Istanbul"));
        assert!(JsonMapping::from_spec("title").is_err());
        assert!(JsonMapping::from_spec("").is_ok());
    }

    #[test]
    fn bad_dates_and_empty_objects_are_reported() {
        let a = &p(
            "a.json",
            r#"{"title": "T", "date": "last Tuesday", "body": "x"}"#,
        )[0];
        assert_eq!(a.date, None);
        assert!(a.warnings[0].contains("last Tuesday"));
        let e = &p("e.json", "{}")[0];
        assert!(e.warnings[0].contains("no title or body"));
    }

    #[test]
    fn detection_shape() {
        assert!(looks_like("{\"a\": 1}"));
        assert!(looks_like("[\n  {\"a\": 1}]"));
        assert!(looks_like("[]"));
        assert!(!looks_like("[Editor's note]"));
        assert!(!looks_like("{{template}}"));
    }
}
