//! The query text as people type it, made ready for tantivy's parser, and the parser's
//! complaints made into advice. Apostrophes inside and at the end of words (`O'Malley`,
//! `Trump's`, `зобов'язання`, `Jones'`) are letters to a reader but quote marks to tantivy's
//! grammar; they are escaped, while a `'single-quoted phrase'` stays a phrase.

use std::borrow::Cow;

use tantivy::query::QueryParserError;

/// Fields a query can name, for the advice on an unknown one.
const FIELDS: &str = "title, body, city, dateline, region, speaker, language, format, date";

/// Escapes the apostrophes of words so that tantivy reads them as part of the word.
pub(super) fn escape_apostrophes(query: &str) -> Cow<'_, str> {
    if !query.contains('\'') {
        return Cow::Borrowed(query);
    }
    let chars: Vec<char> = query.chars().collect();
    let mut out = String::with_capacity(query.len() + 8);
    let mut in_double = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => {
                // An escape the user wrote stays as written, with what it escapes.
                out.push(c);
                if let Some(&next) = chars.get(i + 1) {
                    out.push(next);
                    i += 1;
                }
            }
            '"' => {
                in_double = !in_double;
                out.push(c);
            }
            '\'' if in_double => out.push(c),
            '\'' => {
                let opens_phrase = i == 0 || is_boundary(chars[i - 1]);
                let closer = if opens_phrase {
                    phrase_end(&chars, i + 1)
                } else {
                    None
                };
                match closer {
                    Some(end) => {
                        // A single-quoted phrase: apostrophes inside it are escaped, its own
                        // quote marks are kept.
                        out.push('\'');
                        for &inner in &chars[i + 1..end] {
                            if inner == '\'' {
                                out.push('\\');
                            }
                            out.push(inner);
                        }
                        out.push('\'');
                        i = end;
                    }
                    None => out.push_str("\\'"),
                }
            }
            _ => out.push(c),
        }
        i += 1;
    }
    Cow::Owned(out)
}

/// Where a word can start: after white space, an operator or an opening bracket.
fn is_boundary(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '+' | '-' | ':' | '!')
}

/// The `'` that closes a single-quoted phrase opened before `from`: one followed by the end,
/// white space, a closing bracket or a boost/slop mark. `None` when the phrase never closes.
fn phrase_end(chars: &[char], from: usize) -> Option<usize> {
    (from..chars.len()).find(|&j| {
        chars[j] == '\''
            && j > from
            && chars
                .get(j + 1)
                .is_none_or(|&n| n.is_whitespace() || matches!(n, ')' | '^' | '~'))
    })
}

/// Plain words on what tantivy could not read in `query`, and what to do about it.
pub(super) fn advice(query: &str, error: &QueryParserError) -> String {
    let fix = "put words in double quotes to search for them as they are";
    match error {
        QueryParserError::FieldDoesNotExist(field) => {
            format!("there is no field {field:?} (fields: {FIELDS}); or {fix}")
        }
        QueryParserError::SyntaxError(_) => match syntax_problem(query) {
            Some(problem) => format!("{problem}; {fix}"),
            None => format!("the query language cannot read it; {fix}"),
        },
        other => format!("{other}; {fix}"),
    }
}

/// The first thing in `query` that the query language cannot take, when it is one of the
/// usual slips.
fn syntax_problem(query: &str) -> Option<String> {
    let mut depth = 0i32;
    let mut in_double = false;
    let mut escaped = false;
    for (i, c) in query.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '"' => in_double = !in_double,
            '(' if !in_double => depth += 1,
            ')' if !in_double => {
                depth -= 1;
                if depth < 0 {
                    return Some(format!(
                        "the `)` at character {} has no `(` before it",
                        query[..i].chars().count() + 1
                    ));
                }
            }
            _ => {}
        }
    }
    if in_double {
        return Some("a `\"` has no closing `\"`".into());
    }
    if depth > 0 {
        return Some("a `(` has no closing `)`".into());
    }
    let words: Vec<&str> = query.split_whitespace().collect();
    let operator = |w: &str| matches!(w, "AND" | "OR" | "NOT");
    if let Some(first) = words.first().filter(|w| matches!(**w, "AND" | "OR")) {
        return Some(format!("`{first}` at the start has nothing before it"));
    }
    if let Some(last) = words
        .last()
        .filter(|w| operator(w) || matches!(**w, "+" | "-"))
    {
        return Some(format!("`{last}` at the end has nothing after it"));
    }
    if let Some(pair) = words
        .windows(2)
        .find(|p| operator(p[0]) && matches!(p[1], "AND" | "OR"))
    {
        return Some(format!(
            "`{} {}` has nothing between the two",
            pair[0], pair[1]
        ));
    }
    if let Some(w) = words.iter().find(|w| w.ends_with(':')) {
        return Some(format!("`{w}` has no value after the colon"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apostrophes_in_words_are_escaped() {
        for (typed, ready) in [
            ("O'Malley", r"O\'Malley"),
            ("Trump's wall", r"Trump\'s wall"),
            ("зобов'язання", r"зобов\'язання"),
            ("the Joneses' car", r"the Joneses\' car"),
            ("speaker:O'Malley", r"speaker:O\'Malley"),
            ("Côte d'Ivoire's", r"Côte d\'Ivoire\'s"),
            ("no apostrophe", "no apostrophe"),
        ] {
            assert_eq!(escape_apostrophes(typed), ready, "{typed}");
        }
    }

    #[test]
    fn quoted_phrases_keep_their_marks() {
        assert_eq!(escape_apostrophes("'build a wall'"), "'build a wall'");
        assert_eq!(
            escape_apostrophes("'Trump's wall' OR x"),
            r"'Trump\'s wall' OR x"
        );
        assert_eq!(
            escape_apostrophes(r#""O'Malley said""#),
            r#""O'Malley said""#
        );
        assert_eq!(escape_apostrophes(r"already\'escaped"), r"already\'escaped");
        // An opening mark that never closes is a letter.
        assert_eq!(escape_apostrophes("'tis"), r"\'tis");
    }

    #[test]
    fn slips_are_named() {
        let syntax = QueryParserError::SyntaxError("x".into());
        for (query, says) in [
            ("oil AND", "`AND` at the end has nothing after it"),
            ("OR oil", "`OR` at the start"),
            ("oil AND OR gas", "`AND OR` has nothing between"),
            ("(oil OR gas", "a `(` has no closing `)`"),
            ("oil) gas", "the `)` at character 4"),
            ("\"oil price", "no closing `\"`"),
            ("title: oil", "`title:` has no value"),
        ] {
            let advice = advice(query, &syntax);
            assert!(advice.contains(says), "{query}: {advice}");
            assert!(advice.contains("double quotes"), "{advice}");
        }
        let unknown = QueryParserError::FieldDoesNotExist("colour".into());
        assert!(advice("colour:red", &unknown).contains("no field \"colour\""));
    }
}
