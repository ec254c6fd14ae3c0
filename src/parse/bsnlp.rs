//! BSNLP shared-task documents: five header lines (document id, language code, date, source
//! URL, title), then the body, often with CRLF line endings (the shared decoder turns them
//! into LF). The date line may be empty, a day (`2021-01-28`), a zoned timestamp
//! (`2016-12-20T05:16:13+0300`) or Unix seconds. The article id is the file path, because
//! header ids repeat across topics.

use super::{dateline, settle, stamp, text, Article, Ctx};

/// Whether text (white space and BOM trimmed) has the BSNLP header shape: an id without
/// spaces, a 2–3 letter language code, a date line that is empty or starts with a digit, and
/// a URL line that is empty or a URL.
pub fn looks_like(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim);
    let (Some(id), Some(lang), Some(date), Some(url), Some(_title)) = (
        lines.next(),
        lines.next(),
        lines.next(),
        lines.next(),
        lines.next(),
    ) else {
        return false;
    };
    !id.is_empty()
        && id.len() <= 80
        && !id.contains(char::is_whitespace)
        && (2..=3).contains(&lang.len())
        && lang.bytes().all(|b| b.is_ascii_lowercase())
        && (date.is_empty() || date.starts_with(|c: char| c.is_ascii_digit()))
        && date.len() <= 40
        && (url.is_empty() || url.starts_with("http://") || url.starts_with("https://"))
}

/// Reads one document. Never fails: a short or odd header is reported as a warning.
pub(crate) fn parse(text: &str, ctx: &Ctx<'_>) -> Article {
    let text = text.trim_start_matches('\u{feff}');
    let mut lines = text.splitn(6, '\n');
    let mut header = [""; 5];
    let mut complete = true;
    for slot in header.iter_mut() {
        match lines.next() {
            Some(l) => *slot = l.trim(),
            None => complete = false,
        }
    }
    let body = text::tidy_paragraphs(lines.next().unwrap_or(""));
    let [_id, lang, date, url, title] = header;
    let mut article = Article {
        id: ctx.rel_path.to_string(),
        title: text::collapse(title),
        body,
        language: text::language_code(lang),
        url: (!url.is_empty()).then(|| url.to_string()),
        ..Article::default()
    };
    if !complete {
        article
            .warnings
            .push("BSNLP header incomplete (expected id, language, date, URL, title)".into());
    }
    let explicit = stamp::parse(date);
    if explicit.is_none() && !date.is_empty() {
        article
            .warnings
            .push(format!("unreadable date {date:?} in header"));
    }
    let found = dateline::in_body(&article.body);
    settle(&mut article, explicit, found.as_ref().map(|(_, d)| d), ctx);
    article
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{CityAliases, JsonMapping};

    fn p(s: &str) -> Article {
        let (aliases, json) = (CityAliases::default(), JsonMapping::default());
        let ctx = Ctx {
            rel_path: "topic/raw/uk/doc_1.txt",
            aliases: &aliases,
            json: &json,
        };
        parse(&text::normalize_newlines(s), &ctx)
    }

    #[test]
    fn header_then_body_with_crlf() {
        let a = p("uk-1\r\nua\r\n2021-01-28\r\nhttp://example.ua/n/1\r\nЗаголовок новини\r\n\r\nПерший абзац.\r\n\r\nДругий.");
        assert_eq!(a.id, "topic/raw/uk/doc_1.txt");
        assert_eq!(a.language.as_deref(), Some("uk"));
        assert_eq!(a.date.unwrap().to_string(), "2021-01-28");
        assert_eq!(a.url.as_deref(), Some("http://example.ua/n/1"));
        assert_eq!(a.title, "Заголовок новини");
        assert_eq!(a.body, "Перший абзац.\n\nДругий.");
    }

    #[test]
    fn timestamps_epochs_and_empty_dates() {
        let a = p("7\nru\n2016-12-20T05:16:13+0300\nhttp://x.ru/1\nT\nBody.");
        assert_eq!(a.date.unwrap().to_string(), "2016-12-20");
        assert_eq!(a.published.as_deref(), Some("2016-12-20T05:16:13+03:00"));
        let e = p("8\nru\n1481202661\n\nT\nBody.");
        assert_eq!(e.date.unwrap().to_string(), "2016-12-08");
        assert_eq!(e.url, None);
        let none = p("9\nru\n\nhttp://x.ru/2\nT\n\nBody.");
        assert_eq!(none.date, None);
        assert!(none.warnings.iter().all(|w| !w.contains("unreadable")));
        let bad = p("9\nru\n2016-13-45\nhttp://x.ru/2\nT\n\nBody.");
        assert!(bad.warnings[0].contains("2016-13-45"));
    }

    #[test]
    fn russian_dateline_in_body() {
        let a =
            p("5\nru\n2021-01-15\nhttp://x.ru/5\nT\n\nМОСКВА, 15 янв — Агентство. Текст новости.");
        assert_eq!(a.city.as_deref(), Some("Moscow"));
        assert_eq!(a.city_raw.as_deref(), Some("МОСКВА"));
        assert_eq!(a.date.unwrap().to_string(), "2021-01-15");
    }

    #[test]
    fn short_headers_are_reported_not_fatal() {
        let a = p("only-id\nen");
        assert!(a.warnings[0].contains("incomplete"));
        assert_eq!(a.language.as_deref(), Some("en"));
    }

    #[test]
    fn detection_shape() {
        assert!(looks_like(
            "uk-10203\nuk\n2021-01-28\nhttp://x.eu\nTitle\n\nBody"
        ));
        assert!(looks_like("253\nru\n\nhttp://x.ru\nTitle\nBody"));
        assert!(!looks_like("Headline here\nen\n2021-01-28\nhttp://x\nT"));
        assert!(!looks_like("id\nEnglish\n\n\nT"));
        assert!(!looks_like("id\nen\n2021"));
    }
}
