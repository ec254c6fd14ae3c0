//! Archives exported as tables: a CSV file with a header row, one article per row. Columns are
//! found by the same names as JSON fields ([`super::JsonMapping`], `--json-fields`): `title`,
//! `text`, `date`, `url`… — the ODS Russian news dumps read as they are.

use serde_json::{Map, Value};

use super::{json, Article, Ctx, ParseError};

/// Reads every row of a CSV file with a header as an article `FILE#ROW` (rows numbered from
/// 1 after the header). An empty cell, or one holding only `-` (the dumps' mark for
/// nothing), is no value. A row that cannot be read (a broken quote, bad UTF-8) becomes a
/// malformed-record article, as in JSON Lines; a file without a header and a data row fails.
pub(crate) fn parse(text: &str, ctx: &Ctx<'_>) -> Result<Vec<Article>, ParseError> {
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| ParseError::Malformed(format!("CSV header: {e}")))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    if headers.iter().all(String::is_empty) {
        return Err(ParseError::Malformed("CSV without a header row".into()));
    }
    let mut articles = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let id = format!("{}#{}", ctx.rel_path, i + 1);
        match row {
            Ok(row) => {
                let mut obj = Map::new();
                for (name, cell) in headers.iter().zip(row.iter()) {
                    let cell = cell.trim();
                    if !name.is_empty() && !cell.is_empty() && cell != "-" {
                        obj.insert(name.clone(), Value::String(cell.to_string()));
                    }
                }
                articles.push(json::record(id, &obj, ctx));
            }
            Err(e) => articles.push(json::malformed(id, "", &e.to_string())),
        }
    }
    if articles.is_empty() {
        return Err(ParseError::Malformed("CSV header without rows".into()));
    }
    Ok(articles)
}

#[cfg(test)]
mod tests {
    use crate::parse::{parse_with, Format, JsonMapping, ParseOptions};

    fn run(s: &str, mapping: JsonMapping) -> Vec<crate::parse::Article> {
        let options = ParseOptions {
            json: mapping,
            ..ParseOptions::default()
        };
        parse_with(Format::Csv, "ria.csv", s.as_bytes(), &options).unwrap()
    }

    #[test]
    fn ods_rows_are_articles_with_dates_and_datelines() {
        let csv = "date,url,edition,title,text,likes\n\
                   2019-08-10 17:12:51,https://ria.ru/a,-,Заголовок,\"ВЛАДИВОСТОК, 10 авг – РИА Новости. Текст «с кавычками» и \"\"двойными\"\".\",-\n\
                   -,-,-,,\"МОСКВА, 9 июл ПРАЙМ. Нефть дорожает.\",3\n";
        let a = run(csv, JsonMapping::default());
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].id, "ria.csv#1");
        assert_eq!(a[0].title, "Заголовок");
        assert_eq!(a[0].date.unwrap().to_string(), "2019-08-10");
        assert_eq!(a[0].city.as_deref(), Some("Vladivostok"));
        assert_eq!(a[0].url.as_deref(), Some("https://ria.ru/a"));
        assert!(a[0].body.contains("\"двойными\""), "{}", a[0].body);
        assert_eq!(a[0].language.as_deref(), Some("ru"));
        // `-` is no date; the dateline has no year and nothing else dates it.
        assert_eq!(a[1].date, None);
        assert_eq!(a[1].city.as_deref(), Some("Moscow"));
    }

    #[test]
    fn columns_are_mapped_as_json_fields() {
        let csv = "headline_ru;ignored\nx;y\n".replace(';', ",");
        let mapping = JsonMapping::from_spec("title=headline_ru").unwrap();
        assert_eq!(run(&csv, mapping)[0].title, "x");
    }

    #[test]
    fn broken_files_and_rows() {
        let options = ParseOptions::default();
        let p = |s: &str| parse_with(Format::Csv, "x.csv", s.as_bytes(), &options);
        assert!(p("title,text\n").is_err());
        assert!(p("\u{feff}").is_err());
        let rows = p("title,text\n\"unclosed,a\nb,c\n").unwrap();
        assert!(!rows.is_empty());
    }
}
