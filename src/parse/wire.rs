//! Plain-text wire copy: an optional headline line, then the story, one of whose first
//! paragraphs opens with the dateline (`WASHINGTON (AP) — `, `LONDON, Feb 26 - `; see
//! [`super::dateline`]). The body is kept whole, dateline included, as the wire sent it.

use super::{dateline, settle, text, Article, Ctx};

/// A first line longer than this is the story's lead, not a headline.
const MAX_HEADLINE_CHARS: usize = 160;

/// Reads one wire story. Never fails: a story without a dateline keeps its text and gets a
/// warning from the shared finishing step.
pub(crate) fn parse(text: &str, ctx: &Ctx<'_>) -> Article {
    let text = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let (headline, rest) = split_headline(text);
    let found = dateline::in_body(rest);
    let mut article = Article {
        id: ctx.rel_path.to_string(),
        title: headline.unwrap_or_default(),
        body: text::tidy_paragraphs(rest),
        ..Article::default()
    };
    settle(&mut article, None, found.as_ref().map(|(_, d)| d), ctx);
    if article.title.is_empty() {
        if let Some((at, d)) = &found {
            article.title = text::first_sentence(&rest[at + d.len..]);
        }
    }
    article
}

/// The first line is a headline when it is short, is one sentence at most, does not itself
/// open with a dateline, and is followed by a blank line or by the dateline.
fn split_headline(text: &str) -> (Option<String>, &str) {
    let Some((first, rest)) = text.split_once('\n') else {
        return (None, text);
    };
    let line = first.trim();
    if line.is_empty() || line.chars().count() > MAX_HEADLINE_CHARS {
        return (None, text);
    }
    let sentence_break = line.char_indices().any(|(i, c)| {
        matches!(c, '.' | '!' | '?') && line[i + 1..].starts_with(' ') && {
            let next = line[i + 1..].trim_start().chars().next();
            next.is_some_and(char::is_uppercase) && !ends_with_abbreviation(&line[..i])
        }
    });
    let headline_like =
        !sentence_break && dateline::at_start(line).is_none() && !rest.trim().is_empty();
    let blank_follows = rest.trim_start_matches([' ', '\t']).starts_with('\n');
    let dateline_follows = dateline::at_start(rest.trim_start()).is_some();
    if headline_like && (blank_follows || dateline_follows) {
        (Some(text::collapse(line)), rest)
    } else {
        (None, text)
    }
}

/// `Gov.`, `U.S.`, `St.`, single initials: periods that do not end a headline sentence.
fn ends_with_abbreviation(before: &str) -> bool {
    let word = before.rsplit(' ').next().unwrap_or("");
    word.chars().count() <= 3 || word.contains('.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{CityAliases, JsonMapping};

    fn p(rel: &str, s: &str) -> Article {
        let (aliases, json) = (CityAliases::default(), JsonMapping::default());
        let ctx = Ctx {
            rel_path: rel,
            aliases: &aliases,
            json: &json,
        };
        parse(s, &ctx)
    }

    #[test]
    fn headline_then_ap_dateline() {
        let a = p(
            "x/ap_2016-03-02_story.txt",
            "Governor returns to the statehouse.\n\nTRENTON, N.J. (AP) — The governor came back on Tuesday.\n\nHe spoke briefly.",
        );
        assert_eq!(a.title, "Governor returns to the statehouse.");
        assert_eq!(a.city.as_deref(), Some("Trenton"));
        assert_eq!(a.city_raw.as_deref(), Some("TRENTON"));
        assert_eq!(a.region.as_deref(), Some("New Jersey"));
        assert_eq!(a.country_code.as_deref(), Some("US"));
        assert!(a.body.starts_with("TRENTON, N.J. (AP) —"));
        assert_eq!(a.date, None, "dates come from the path in parse::run");
    }

    #[test]
    fn dateline_without_headline_titles_from_the_lead() {
        let a = p(
            "wire.txt",
            "KANSAS CITY, Mo. — Farmers gathered at the market. Prices held.\n\nMore text.",
        );
        assert_eq!(a.title, "Farmers gathered at the market.");
        assert_eq!(a.city.as_deref(), Some("Kansas City"));
        assert_eq!(a.region.as_deref(), Some("Missouri"));
        // Kansas City, Missouri (-94.58), not Kansas City, Kansas (-94.63).
        let kansas = p("k.txt", "KANSAS CITY, Kan. — Farmers gathered.")
            .lon
            .unwrap();
        assert!((a.lon.unwrap() + 94.58).abs() < 0.01 && (kansas + 94.63).abs() < 0.01);
    }

    #[test]
    fn reuters_style_dateline_takes_its_year_from_the_path() {
        let a = p(
            "1987/grain.txt",
            "LONDON, Feb 26 - Wheat prices eased today.",
        );
        assert_eq!(a.city.as_deref(), Some("London"));
        assert_eq!(a.date.unwrap().to_string(), "1987-02-26");
        let b = p("grain.txt", "LONDON, Feb 26 - Wheat prices eased today.");
        assert_eq!(b.date, None);
        assert!(b.warnings.iter().any(|w| w.contains("no year")));
    }

    #[test]
    fn afp_and_double_hyphen_styles() {
        assert_eq!(
            p("a", "Kyiv (AFP) - Sirens sounded.").city.as_deref(),
            Some("Kyiv")
        );
        assert_eq!(
            p("a", "Kiev (AFP) - Sirens sounded.").city.as_deref(),
            Some("Kyiv")
        );
        assert_eq!(
            p("a", "WASHINGTON -- The vote failed.").city.as_deref(),
            Some("Washington")
        );
        assert_eq!(
            p("a", "ST. LOUIS — A crowd gathered.").city.as_deref(),
            Some("St. Louis")
        );
    }

    #[test]
    fn dateline_after_abstract_block() {
        let a = p(
            "n.txt",
            "Program up for renewal.\n\nABSTRACT.\n\nA short summary.\n\nFULL TEXT.\n\nWASHINGTON - The program ends this month.",
        );
        assert_eq!(a.title, "Program up for renewal.");
        assert_eq!(a.city.as_deref(), Some("Washington"));
    }

    #[test]
    fn plain_prose_has_no_city_and_keeps_its_lead() {
        let lead = "A small group of volunteers has spent the past year copying old town records by hand, and they say the work is only half done. Nobody pays them.";
        let a = p("n.txt", &format!("{lead}\n\nSecond paragraph."));
        assert_eq!(a.title, "");
        assert!(a.body.starts_with("A small group"));
        assert_eq!(a.city, None);
        let b = p(
            "n.txt",
            "Mehmet Oz — surgeon and TV host — has a plan.\n\nMore.",
        );
        assert_eq!(b.city, None);
        assert_eq!(b.title, "Mehmet Oz — surgeon and TV host — has a plan.");
    }

    #[test]
    fn headline_directly_above_dateline_and_one_line_files() {
        let a = p(
            "a",
            "Talks resume\nGENEVA (Reuters) - Talks resumed on Monday.",
        );
        assert_eq!(a.title, "Talks resume");
        assert_eq!(a.city.as_deref(), Some("Geneva"));
        let b = p("a", "just one line");
        assert_eq!(b.body, "just one line");
    }
}
