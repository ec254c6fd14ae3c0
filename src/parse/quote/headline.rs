//! Quotes in an article's title (`Christie Calls Clinton ‘A Disgrace’`) and who said them.
//!
//! A headline quotes in single marks and in title case, with no speech frame a body sentence
//! would have, so its quotes get rules of their own. In order:
//!
//! 1. the body quotes the same words with a speaker: that speaker (`‘Disgusting Fraud’` in
//!    the title, `“a disgusting fraud,” Butterfield said` in the body);
//! 2. a person's possessive right before the quote (`Trump’s ‘Obama founded ISIS’`);
//! 3. the headline's subject, a name followed by a verb (`De Blasio says`, `Obama Slams`,
//!    `Trump Is Now Calling`), after a description in a sentence-case headline (`Former
//!    Mexico leader Calderon calls`);
//! 4. the name a colon ends (`Sanders: …`, `A Lesson From Loretta Lynch: ‘…’`).
//!
//! A name counts only when the body names the same person; it is given in the fullest form
//! the body gives it. Anything else keeps no speaker.

use super::attribution::give;
use super::names::{all_names, core, resolve, split_title, Names, Who};
use super::non_speech;
use super::spans::{self, Quote, SpeakerKind};
use super::text::{plain, Chars};
use super::tokens::{is_possessive, mark_openers, tokenize, Kind, Tok};
use super::words::{
    is_speech_verb, ADVERBS, BEFORE_SUBJECT, HEADLINE_VERBS, HONORIFICS, NOT_NAME, PREPOSITIONS,
    TITLES,
};

/// The quotes of `title`, each with the speaker the rules above find. `body` is the article
/// text and `body_quotes` its attributed quotes; with `attribute` false, the quotes keep no
/// speaker.
pub(super) fn title_quotes(
    title: &str,
    body: &Chars<'_>,
    body_quotes: &[Quote],
    attribute: bool,
) -> Vec<Quote> {
    let text = Chars::new(title);
    let mut quotes = spans::find_headline(&text);
    // A title that is the body's first sentence (a file with no title of its own): its
    // quotes in double marks are the body's own; those in single marks, which a body
    // paragraph keeps only with a speaker, are read as a headline's (`Clinton: Trump's view
    // is 'dangerously wrong';` heading a text file).
    if !quotes.is_empty() {
        let reach = body.chars.len().min(text.chars.len() + 64);
        let opening: String = body.chars[..reach].iter().collect();
        if plain(&opening).starts_with(&plain(title)) {
            let single = |q: &Quote| {
                q.start
                    .checked_sub(1)
                    .is_some_and(|k| matches!(text.chars[k], '\'' | '‘' | '’'))
            };
            quotes.retain(|q| {
                single(q)
                    && !body_quotes
                        .iter()
                        .any(|b| b.start < reach && b.text == q.text)
            });
        }
    }
    // Names of works are not speech in a title either; a short quote is no
    // scare quote there (`Christie Calls Clinton ‘A Disgrace’`).
    non_speech::drop_names(&text.chars, &mut quotes, true);
    for q in &mut quotes {
        q.in_title = true;
    }
    if !attribute {
        quotes.retain(|q| !weak(q));
        return quotes;
    }
    if quotes.is_empty() {
        return quotes;
    }
    let mut body_lowered = String::new();
    let mut body_toks = tokenize(body, body_quotes, &mut body_lowered, Vec::new());
    mark_openers(&mut body_toks);
    let names = all_names(&body_toks).with_headline(title);
    let mut lowered = String::new();
    let toks = tokenize(&text, &quotes, &mut lowered, Vec::new());
    for (k, t) in toks.iter().enumerate() {
        let Kind::Quote(qi) = t.kind else { continue };
        if let Some(source) = repeated(&quotes[qi], body_quotes) {
            quotes[qi].take_speaker(source);
            continue;
        }
        if let Some(who) = headline_speaker(&toks[..k], &names, body_toks.len()) {
            give(&mut quotes[qi], &who);
        }
    }
    // One word or a title-case phrase is a term or a work's name as often as speech: kept
    // only with a speaker.
    quotes.retain(|q| !q.speakers.is_empty() || !weak(q));
    quotes
}

/// The first body quote with a speaker that holds the words of `quote` (whole words), or
/// whose words `quote` holds: a headline excerpts what the body quotes in full. One word
/// (`‘Accident’`) must be the body quote's words exactly, and three letters or more: inside
/// a longer quote it is someone's word, not what the headline quotes them for.
fn repeated<'q>(quote: &Quote, body_quotes: &'q [Quote]) -> Option<&'q Quote> {
    let words = format!(" {} ", plain(&quote.text));
    if words.trim().is_empty() {
        return None;
    }
    let one_word = !words.trim().contains(' ');
    // `CLASS ‘B’ SHARES`: a letter or two is a label, whoever the body quotes with it.
    if one_word && words.trim().chars().count() < 3 {
        return None;
    }
    body_quotes
        .iter()
        .filter(|b| !b.speakers.is_empty())
        .find(|b| {
            let said = format!(" {} ", plain(&b.text));
            if one_word {
                return said == words;
            }
            said.contains(&words) || said.trim().split(' ').count() >= 3 && words.contains(&said)
        })
}

/// One word or a few in title case: a term or a work's name as often as speech.
fn weak(quote: &Quote) -> bool {
    quote.text.split_whitespace().nth(1).is_none() || spans::title_cased(&quote.text)
}

/// The speaker the headline before a quote names (`toks` are the title's tokens up to the
/// quote): rules 2 to 4 of the module docs.
fn headline_speaker(toks: &[Tok], names: &Names, at: usize) -> Option<Who> {
    // 2. `Trump’s ‘…’`.
    if toks.last().is_some_and(is_possessive) {
        let who = known(names, &toks[toks.len() - 1..], at)?;
        if who.kind == SpeakerKind::Person {
            return Some(who);
        }
    }
    // 3. The subject: the first name from the start that the body knows, followed by a verb.
    let start = toks
        .iter()
        .position(|t| !(t.is_in(&TITLES) || t.is_in(&HONORIFICS) || t.is_in(&BEFORE_SUBJECT)))
        .unwrap_or(toks.len());
    for end in start + 1..=(start + 4).min(toks.len()) {
        if !toks[end - 1].capitalised() {
            break;
        }
        if verb_follows(&toks[end..]) {
            if let Some(who) = known(names, &toks[start..end], at) {
                return Some(who);
            }
        }
    }
    // (A description first: `Former Mexico leader Calderon calls …`, `Ex-FBI chief Comey
    // says`: the name of up to three words right before the verb, in the headline's first
    // words, none of them punctuation.)
    let words = toks[start..]
        .iter()
        .take(8)
        .take_while(|t| t.is_word())
        .count();
    if let Some(verb) = (start + 2..start + words)
        .find(|&v| toks[v - 1].capitalised() && !toks[v].capitalised() && verb_follows(&toks[v..]))
    {
        let from = (start..verb)
            .rev()
            .take_while(|&k| toks[k].capitalised())
            .last()
            .unwrap_or(verb);
        // (Describing words only before it: not `Lawyer for Cohen says`, `Sources close to
        // Trump say`, `Pence and Trump say`.)
        // (`Ex-PM and party leader Doe`: two roles, not two people.)
        let describing = (start..from).all(|k| {
            let t = &toks[k];
            let pair = t.is(&["and", "or"]) && toks[k + 1].capitalised();
            !t.is_verb() && !t.is_in(&PREPOSITIONS) && !pair
        });
        if verb - from <= 3 && from > start && describing {
            if let Some(who) = known(names, &toks[from..verb], at) {
                return Some(who);
            }
        }
    }
    // 4. `Sanders: …`, `A Lesson From Loretta Lynch: …`: a name of up to three words ends
    // the part before the colon, and is all of it (titles aside) or follows `from`, `by`,
    // `with`.
    let colon = toks.iter().position(|t| t.is_punct(':'))?;
    (1..=3.min(colon))
        .find_map(|n| {
            let mut from = colon - n;
            if !toks[from..colon].iter().all(Tok::capitalised) {
                return None;
            }
            while from > 0 && (toks[from - 1].is_in(&TITLES) || toks[from - 1].is_in(&HONORIFICS)) {
                from -= 1;
            }
            let whole = from == 0 || toks[from - 1].is(&["from", "by", "with"]);
            whole
                .then(|| known(names, &toks[from..colon], at))
                .flatten()
        })
        // 5. `Sanders To Clinton: …`, `Obama On Syria: …`: a name opening the part before the
        // colon, then `to`, `on` or `about` and a few words.
        .or_else(|| {
            (1..=3).rev().find_map(|n| {
                let end = start + n;
                let opens = end < colon
                    && colon - end <= 5
                    && toks[end].is(&["to", "on", "about"])
                    && toks[start..end].iter().all(Tok::capitalised);
                opens.then(|| known(names, &toks[start..end], at)).flatten()
            })
        })
}

/// Whether a verb opens `toks`, after auxiliaries and adverbs (`Is Now Calling`), or a
/// colon does.
fn verb_follows(toks: &[Tok]) -> bool {
    toks.iter().find(|t| !t.is_in(&ADVERBS)).is_some_and(|t| {
        t.is_punct(':') || t.is_in(&HEADLINE_VERBS) || t.is_word() && is_speech_verb(t.lower)
    })
}

/// The person or organisation the words of `toks` name (titles set apart as the role),
/// when the body names it by the same last word; in the body's fullest form.
fn known(names: &Names, toks: &[Tok], at: usize) -> Option<Who> {
    let name = split_title(toks)?;
    let last = core(&name.words).last()?;
    if !names.knows(last) || toks.iter().any(|t| t.is_in(&NOT_NAME)) {
        return None;
    }
    Some(resolve(names, &name, at))
}

#[cfg(test)]
mod tests {
    use super::super::test_util::title_found;

    fn said(text: &str, who: &[&str]) -> (String, Vec<String>) {
        (text.into(), who.iter().map(|w| w.to_string()).collect())
    }

    /// Issue 21: a body opening with quotes and no frame speaks in the voice of the headline's
    /// speaker, up to the first word outside quotes; a framed quote ends that.
    #[test]
    fn a_body_opening_with_quotes_continues_the_headline() {
        let body = "“The cuts were outrageous. Nobody asked us.”\n\n“We will fight them.”\n\n\
                    Clinic director Ada Brandt spoke on Monday. “Not everyone agrees,” a nurse \
                    said.\n\n“We are tired.”";
        let speakers_of = |body: &str| -> Vec<Vec<String>> {
            super::super::extract_article("Ada Brandt: ‘We Are Sick Of Waiting’", body, Some("en"))
                .into_iter()
                .map(|q| q.speakers)
                .collect()
        };
        let speakers = speakers_of(body);
        let brandt = vec!["Ada Brandt".to_string()];
        assert_eq!(
            speakers,
            [
                brandt.clone(),
                brandt.clone(),
                brandt.clone(),
                vec![],
                vec![]
            ]
        );
        // A framed quote first is its frame's.
        let body = "“Not everyone agrees,” a nurse said.\n\nClinic director Ada Brandt runs \
                    the clinic.";
        assert_eq!(speakers_of(body), [brandt, vec![]]);
    }

    /// Issue 21: a headline's quote takes its speaker from the headline's subject, a colon,
    /// a possessive, or the body quoting the same words, in the body's fullest name.
    #[test]
    fn headline_quotes_are_attributed() {
        let body = "Gov. Mike Pence said on Sunday that Donald Trump was joking. Pence spoke \
                    in Ohio.";
        assert_eq!(
            title_found("Pence: Trump Was ‘Mocking’ Clinton Camp.", body),
            vec![said("Mocking", &["Mike Pence"])]
        );
        assert_eq!(
            title_found("Pence Says Trump Is ‘Only Joking, Folks’", body),
            vec![said("Only Joking, Folks", &["Mike Pence"])]
        );
        assert_eq!(
            title_found("Media blames Trump's 'he was joking' line", body),
            vec![said("he was joking", &["Donald Trump"])]
        );
        assert_eq!(
            title_found("A Lesson From Mike Pence: ‘Be kind to reporters’", body),
            vec![said("Be kind to reporters", &["Mike Pence"])]
        );
        assert_eq!(
            title_found("Pence To Reporters: ‘Be Kind’", body),
            vec![said("Be Kind", &["Mike Pence"])]
        );
        assert_eq!(
            title_found("Pence on Ohio: the voters are ‘tired of waiting’", body),
            vec![said("tired of waiting", &["Mike Pence"])]
        );
        // The body quotes the words with a speaker: that speaker, whoever the subject is.
        let body = "“Donald Trump is a disgusting fraud,” said Rep. G.K. Butterfield. The \
                    caucus met on Friday.";
        assert_eq!(
            title_found(
                "Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud’",
                body
            ),
            vec![said("Disgusting Fraud", &["G.K. Butterfield"])]
        );
    }

    /// A headline quote of one word or in title case with no speaker is a term or a work,
    /// and is left out; a work named after a possessive is left out whatever its speaker; a
    /// name the body never gives is no speaker.
    #[test]
    fn headline_terms_and_works_are_not_quotes() {
        let body = "Ava DuVernay made the film about prisons. Critics praised it.";
        assert_eq!(title_found("What ‘Woke’ Means Now", body), vec![]);
        assert_eq!(
            title_found("Ava DuVernay’s ‘13th’ Explores Prisons", body),
            vec![]
        );
        assert_eq!(
            title_found("Jane Roe Says ‘we will not stop here’", body),
            vec![said("we will not stop here", &[])]
        );
    }

    /// Issue 21: a surname the body gives alone is the person the headline names in full
    /// (`Clinton said` under `Hillary Clinton Goes After …`, `Brandt said` under `Ottilie
    /// Brandt: ‘…’`); a body's own full name wins.
    #[test]
    fn the_headline_names_a_bare_surname_in_full() {
        let speakers = |title: &str, body: &str| -> Vec<String> {
            super::super::extract_article(title, body, None)
                .into_iter()
                .filter(|q| !q.in_title)
                .map(|q| q.speakers.join("; "))
                .collect()
        };
        let body = "“He borrowed his start,” Clinton said on Monday. “Wrong,” Trump said.";
        assert_eq!(
            speakers("Hillary Clinton Goes After Donald J. Trump on Jobs", body),
            ["Hillary Clinton", "Donald J. Trump"]
        );
        assert_eq!(
            speakers("Clinton Goes After Trump on Jobs", body),
            ["Clinton", "Trump"]
        );
        let body = "Bill Clinton spoke first. “He borrowed his start,” Clinton said.";
        assert_eq!(
            speakers("Hillary Clinton Goes After Trump", body),
            ["Bill Clinton"]
        );
        // A first name no list knows, in the name before a headline's colon; not a role.
        let body = "The clinic reopened. “We never left,” Brandt said on Monday.";
        assert_eq!(
            speakers("Ottilie Brandt: ‘We Are Here To Stay’", body),
            ["Ottilie Brandt"]
        );
        assert_eq!(
            speakers("Hacker Brandt: ‘We Are Here To Stay’", body),
            ["Brandt"]
        );
        assert_eq!(
            speakers("Ottilie M. Brandt: ‘We Are Here To Stay’", body),
            ["Ottilie M. Brandt"]
        );
        assert_eq!(
            speakers("Breaking Brandt: ‘We Are Here To Stay’", body),
            ["Brandt"]
        );
    }

    /// A title that is the body's first sentence (a file without a title of its own) adds
    /// no quote the body lists: it is the body's.
    #[test]
    fn a_title_taken_from_the_body_adds_no_body_quotes() {
        let body = "Doe says ‘we will win’ in Kyiv. The rest of the story.";
        let title = "Doe says ‘we will win’ in Kyiv.";
        assert_eq!(title_found(title, body), vec![]);
        // Issue 21: but a headline line of a text file, whose quote in single marks the
        // body paragraph keeps only with a speaker, is read as a headline (once).
        let body = "Doe: Roe's plan is 'dangerously wrong';\nIn a speech, she attacks it.\n\n\
                    Ann Doe spoke in Kyiv on Monday.";
        let title = "Doe: Roe's plan is 'dangerously wrong'; In a speech, she attacks it.";
        assert_eq!(
            title_found(title, body),
            vec![said("dangerously wrong", &["Ann Doe"])]
        );
        let all = super::super::extract_article(title, body, None);
        assert_eq!(all.len(), 1);
    }

    /// Issue 21: a sentence-case headline's subject may follow a description (`Former
    /// leader Doe calls …`); a description alone is no one.
    #[test]
    fn a_described_subject_speaks_a_headline_quote() {
        let body = "Former President Ann Doe spoke in Kyiv. Doe did not name Roe.";
        assert_eq!(
            title_found(
                "Former Ruritania leader Doe calls Roe's wall ‘stupid’",
                body
            ),
            vec![said("stupid", &["Ann Doe"])]
        );
        assert_eq!(
            title_found(
                "Ex-PM and party leader Doe says voters are ‘tired of waiting’",
                body
            ),
            vec![said("tired of waiting", &["Ann Doe"])]
        );
        // (Not past a preposition or `and`: the lawyer, the sources, the pair speak.)
        let body = "Jon Cohen spoke. Ann Doe spoke. Sources close to the case spoke.";
        assert_eq!(
            title_found("Lawyer for Cohen says Doe knew ‘all of it’", body),
            vec![said("all of it", &[])]
        );
        assert_eq!(
            title_found("Sources close to Doe say she was ‘very upset’", body),
            vec![said("very upset", &[])]
        );
        // (Nobody the body names: no speaker, and one word is no quote then.)
        assert_eq!(
            title_found(
                "Former Ruritania leader Poe calls Roe's wall ‘utterly stupid’",
                body
            ),
            vec![said("utterly stupid", &[])]
        );
    }
}
