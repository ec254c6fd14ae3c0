//! The seed format: after optional white space and BOM, `date YYYY-MM-DD City: ` and then the
//! body. The city part is optional (no colon), and a file may have no `date` line at all.

use chrono::NaiveDate;

use super::city::CityAliases;
use super::{settle, text, Article, Ctx, Dateline, JsonMapping, Stamp};

/// Longest city accepted between the date and the colon, in words.
const MAX_CITY_WORDS: usize = 5;

/// Reads one seed-format article. Never fails: what is missing becomes a warning.
pub fn parse(id: &str, text: &str, aliases: &CityAliases) -> Article {
    let json = JsonMapping::default();
    read(
        text,
        &Ctx {
            rel_path: id,
            aliases,
            json: &json,
        },
    )
}

/// [`parse`] with the reader context: the city goes through `settle` as every format's does.
pub(crate) fn read(text: &str, ctx: &Ctx<'_>) -> Article {
    let id = ctx.rel_path;
    let text = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let mut article = Article {
        id: id.to_string(),
        ..Article::default()
    };
    let mut rest = text;
    let mut place = None;
    if let Some(after) = strip_prefix_ci(text, "date ") {
        let after = after.trim_start();
        let date_str: String = after.chars().take(10).collect();
        if date_str.len() == 10 {
            match NaiveDate::parse_from_str(&date_str, "%Y-%m-%d") {
                Ok(day) if crate::date::plausible(day) => {
                    article.date = Some(day);
                    rest = &after[10..];
                }
                _ => {
                    article
                        .warnings
                        .push(format!("bad date {date_str:?} in dateline"));
                    rest = after.find(char::is_whitespace).map_or("", |p| &after[p..]);
                }
            }
        }
        rest = rest.trim_start_matches([' ', '\t']);
        if let Some((city, body)) = split_city(rest) {
            // `Trenton, N.J.:` names a region after the comma.
            let (city, region) = match city.split_once(',') {
                Some((c, r)) if !r.trim().is_empty() => (c, Some(r.trim().to_string())),
                _ => (city, None),
            };
            place = Some(Dateline {
                city: text::collapse(city),
                region,
                month_day: None,
                year: None,
                agency: None,
                len: 0,
            });
            rest = body;
        }
    }
    let explicit = article.date.map(|date| Stamp {
        date,
        published: None,
    });
    settle(&mut article, explicit, place.as_ref(), ctx);
    article.body = text::tidy_paragraphs(rest);
    article
}

/// Whether text (white space and BOM already trimmed) opens with `date YYYY-MM-DD`.
pub fn looks_like(text: &str) -> bool {
    strip_prefix_ci(text, "date ").is_some_and(|rest| {
        let b = rest.trim_start().as_bytes();
        b.len() >= 10
            && b[..4].iter().all(u8::is_ascii_digit)
            && b[4] == b'-'
            && b[5..7].iter().all(u8::is_ascii_digit)
            && b[7] == b'-'
            && b[8..10].iter().all(u8::is_ascii_digit)
    })
}

/// Splits `City: body` when the part before the first colon on the line looks like a place
/// name: a few capitalised words, no sentence punctuation.
fn split_city(s: &str) -> Option<(&str, &str)> {
    let line_end = s.find('\n').unwrap_or(s.len());
    let colon = s[..line_end].find(':')?;
    let city = &s[..colon];
    let words: Vec<&str> = city.split_whitespace().collect();
    let plausible = !words.is_empty()
        && words.len() <= MAX_CITY_WORDS
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && !city.contains(['“', '”', '"', '!', '?', ';']);
    plausible.then(|| (city, &s[colon + 1..]))
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Article {
        parse("a.txt", s, &CityAliases::default())
    }

    #[test]
    fn reads_date_city_and_body() {
        let a = p("\u{feff}\n  date 2023-03-06 Kyiv: The fate of Bakhmut.\n\nSecond para.\n");
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2023, 3, 6));
        assert_eq!(a.city.as_deref(), Some("Kyiv"));
        assert_eq!(a.body, "The fate of Bakhmut.\n\nSecond para.");
    }

    #[test]
    fn upper_case_and_old_spelling_cities_are_normalised() {
        let a = p("date 2022-05-10 KYIV: Text.");
        assert_eq!(a.city.as_deref(), Some("Kyiv"));
        assert_eq!(a.city_raw.as_deref(), Some("KYIV"));
        assert_eq!(
            p("date 2022-05-10 Kiev: Text.").city.as_deref(),
            Some("Kyiv")
        );
        assert_eq!(
            p("date 2022-05-10 NEW YORK: Text.").city.as_deref(),
            Some("New York")
        );
    }

    #[test]
    fn seed_places_resolve_as_every_format_s_do() {
        let a = p("date 2023-03-06 Trenton, N.J.: Text.");
        assert_eq!(a.city.as_deref(), Some("Trenton"));
        assert_eq!(a.region.as_deref(), Some("New Jersey"));
        assert_eq!(a.country_code.as_deref(), Some("US"));
        assert!(a.lat.is_some() && a.lon.is_some());
        let k = p("date 2023-03-06 Київ: Текст.");
        assert_eq!(k.city.as_deref(), Some("Kyiv"));
        assert_eq!(k.city_raw.as_deref(), Some("Київ"));
        assert_eq!(k.country.as_deref(), Some("Ukraine"));
    }

    #[test]
    fn missing_city_keeps_the_whole_body() {
        let a = p("date 2021-09-14 The council met on Tuesday.");
        assert_eq!(a.city, None);
        assert_eq!(a.body, "The council met on Tuesday.");
        // A colon deep in a long first clause is not a dateline.
        let b = p("date 2021-09-14 the minister told the council: enough.");
        assert_eq!(b.city, None);
    }

    #[test]
    fn recognises_its_opening() {
        assert!(looks_like("date 2023-03-06 Kyiv: x"));
        assert!(looks_like("DATE 2023-03-06"));
        assert!(!looks_like("date night in Kyiv"));
        assert!(!looks_like("dated 2023-03-06"));
        assert!(!looks_like("date 2023"));
    }

    #[test]
    fn missing_or_bad_date() {
        let a = p("Kyiv: no date line here.");
        assert_eq!(a.date, None);
        assert_eq!(a.body, "Kyiv: no date line here.");
        let b = p("date 2023-02-30 Kyiv: Body.");
        assert_eq!(b.date, None);
        assert_eq!(b.city.as_deref(), Some("Kyiv"));
        assert!(b.warnings[0].contains("2023-02-30"));
        assert_eq!(p("date 0000-00-00 Kyiv: Body.").date, None);
    }
}
