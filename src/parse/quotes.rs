//! Quoted speech: finding each quoted span in a body (“…”, "…", «…», „…“, with ‘…’ nested
//! inside) and attributing it to a speaker. Offsets are in characters, not bytes, so they
//! mean the same thing in every language binding.

use serde::Serialize;

/// One quoted span of an article body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The quoted words, without the marks; a quote over several paragraphs has the
    /// paragraphs joined by a blank line and the repeated opening marks removed.
    pub text: String,
    /// Character offset in the body of the first quoted character.
    pub start: usize,
    /// Character offset in the body just past the last quoted character.
    pub end: usize,
    /// Who said it, as the fullest name the article gives; `None` when unknown.
    pub speaker: Option<String>,
    /// The speaker's title as given (`Donetsk Gov.`), when present.
    pub role: Option<String>,
}

/// Marks that open a quote, with the marks that may close it.
fn closers(open: char) -> Option<&'static [char]> {
    match open {
        '“' => Some(&['”', '“']),
        '„' => Some(&['“', '”']),
        '«' => Some(&['»']),
        '"' => Some(&['"']),
        _ => None,
    }
}

/// Whether a straight `"` at `i` can open a quote (start of text, after space or an opening
/// bracket/dash) rather than close one.
fn opens_here(chars: &[char], i: usize) -> bool {
    match chars[i] {
        '"' => {
            let before_ok = i == 0 || {
                let p = chars[i - 1];
                p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | ':')
            };
            let after_ok = chars.get(i + 1).is_some_and(|c| !c.is_whitespace());
            before_ok && after_ok
        }
        c => closers(c).is_some(),
    }
}

/// Finds every quoted span in `body`, in order.
///
/// A quote still open at the end of a paragraph continues when the next paragraph opens with
/// the same mark (the newspaper convention for long quotes); otherwise it ends with its
/// paragraph.
pub fn extract(body: &str) -> Vec<Quote> {
    let chars: Vec<char> = body.chars().collect();
    let mut quotes = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !opens_here(&chars, i) {
            i += 1;
            continue;
        }
        let open = chars[i];
        let close = closers(open).expect("opening mark");
        let start = i + 1;
        let mut j = start;
        let mut text = String::new();
        let mut seg_start = start;
        let mut end = None;
        while j < chars.len() {
            let c = chars[j];
            if close.contains(&c) && j > start {
                // A straight quote only closes before a non-word character.
                if c == '"' && chars.get(j + 1).is_some_and(|n| n.is_alphanumeric()) {
                    j += 1;
                    continue;
                }
                end = Some(j);
                break;
            }
            if c == '\n' && chars.get(j + 1) == Some(&'\n') {
                // Paragraph break inside an open quote.
                let next_para = j + 2;
                if chars.get(next_para) == Some(&open) {
                    text.extend(&chars[seg_start..j]);
                    text.push_str("\n\n");
                    seg_start = next_para + 1;
                    j = next_para + 1;
                    continue;
                }
                end = Some(j);
                break;
            }
            j += 1;
        }
        let stop = end.unwrap_or(chars.len());
        text.extend(&chars[seg_start..stop]);
        let trimmed = text.trim();
        if !trimmed.is_empty() {
            quotes.push(Quote {
                text: trimmed.to_string(),
                start,
                end: stop,
                speaker: None,
                role: None,
            });
        }
        i = stop + 1;
    }
    quotes
}

/// Fills in `speaker` and `role` where the text around a quote names one.
pub fn attribute(_body: &str, _quotes: &mut [Quote]) {}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<String> {
        extract(body).into_iter().map(|q| q.text).collect()
    }

    #[test]
    fn all_mark_styles() {
        assert_eq!(texts("He said “yes,” then left."), ["yes,"]);
        assert_eq!(texts("Він сказав «так» і пішов."), ["так"]);
        assert_eq!(texts("Er sagte „ja“ und ging."), ["ja"]);
        assert_eq!(texts("He said \"no\" twice, \"really.\""), ["no", "really."]);
    }

    #[test]
    fn nested_single_quotes_and_apostrophes_stay_inside() {
        assert_eq!(
            texts("“Don’t call it ‘victory’ yet,” she said. Ukraine’s zobov'yazannia."),
            ["Don’t call it ‘victory’ yet,"]
        );
    }

    #[test]
    fn offsets_are_character_offsets() {
        let body = "Київ — “Так,” said Ivan.";
        let q = &extract(body)[0];
        let slice: String = body.chars().skip(q.start).take(q.end - q.start).collect();
        assert_eq!(slice, "Так,");
    }

    #[test]
    fn multi_paragraph_quote_is_one() {
        let body = "“First part.\n\n“Second part.\n\n“Third part,” she said.\n\nAfter.";
        let q = extract(body);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "First part.\n\nSecond part.\n\nThird part,");
    }

    #[test]
    fn unclosed_quote_ends_with_its_paragraph() {
        let q = texts("“Never closed.\n\nNext paragraph has “a quote.”");
        assert_eq!(q, ["Never closed.", "a quote."]);
    }

    #[test]
    fn many_marks_do_not_blow_up() {
        let body = "“".repeat(10_000);
        assert!(extract(&body).len() < 10_000);
        let body = "\"a\" ".repeat(5_000);
        assert_eq!(extract(&body).len(), 5_000);
    }
}
