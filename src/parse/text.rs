//! Text helpers every reader shares: decoding bytes (UTF-8, UTF-16 with BOM, an HTML page's
//! declared charset, Windows-1252 fallback), newline normalisation, language codes and the
//! first-sentence title.

use super::ParseError;

/// Text decoded from a file's bytes.
#[derive(Debug)]
pub struct Decoded {
    /// The text, BOM removed, CRLF and CR turned into LF.
    pub text: String,
    /// Set when the bytes were not UTF-8 and had to be re-decoded.
    pub note: Option<String>,
}

/// Decodes a file: UTF-8 (BOM optional), UTF-16 with a BOM, else Windows-1252 (a superset of
/// Latin-1 for printable text), which is what old wire archives use.
pub fn decode(bytes: &[u8]) -> Result<Decoded, ParseError> {
    let (text, note) = if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (cow, _, had_errors) = enc.decode(bytes);
        let note =
            (enc != encoding_rs::UTF_8 || had_errors).then(|| format!("decoded as {}", enc.name()));
        if cow.contains('\0') {
            return Err(ParseError::Binary);
        }
        (cow.into_owned(), note)
    } else if memchr::memchr(0, bytes).is_some() {
        // Without a NUL byte, neither UTF-8 nor Windows-1252 decodes to a NUL character.
        return Err(ParseError::Binary);
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), None),
            Err(_) => {
                let (cow, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
                (
                    cow.into_owned(),
                    Some("not valid UTF-8, decoded as Windows-1252".to_string()),
                )
            }
        }
    };
    let text = normalize_newlines(text);
    if text.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    Ok(repaired(Decoded { text, note }))
}

/// Decodes an HTML page: like [`decode`], except that a page that is not UTF-8 is read in the
/// charset its `<meta>` declares in its first 4 KB (`windows-1251`, `koi8-r`, ...; archived
/// copies put the archive's own scripts first) when there is one, and that a
/// page with a few stray NUL bytes (at most one in a thousand, as broken saves leave them) is
/// read without them, with a note, instead of being skipped as binary.
pub fn decode_html(bytes: &[u8]) -> Result<Decoded, ParseError> {
    let nuls = memchr::memchr_iter(0, bytes).count();
    if nuls > 0 && encoding_rs::Encoding::for_bom(bytes).is_none() && nuls * 1000 <= bytes.len() {
        let cleaned: Vec<u8> = bytes.iter().copied().filter(|&b| b != 0).collect();
        let mut decoded = decode_html(&cleaned)?;
        let stray = format!(
            "{nuls} stray NUL byte{} removed",
            if nuls == 1 { "" } else { "s" }
        );
        decoded.note = Some(match decoded.note {
            Some(n) => format!("{n}; {stray}"),
            None => stray,
        });
        return Ok(decoded);
    }
    if encoding_rs::Encoding::for_bom(bytes).is_some() || std::str::from_utf8(bytes).is_ok() {
        return decode(bytes);
    }
    if let Some(decoded) = damaged_utf8(bytes) {
        return Ok(decoded);
    }
    let Some(enc) = declared_charset(&bytes[..bytes.len().min(4096)]) else {
        return decode(bytes);
    };
    if enc == encoding_rs::UTF_8 || bytes.contains(&0) {
        return decode(bytes);
    }
    let (cow, had_errors) = enc.decode_without_bom_handling(bytes);
    let text = normalize_newlines(cow);
    if text.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    let note = format!(
        "not valid UTF-8, decoded as declared {}{}",
        enc.name(),
        if had_errors { " (with errors)" } else { "" }
    );
    Ok(repaired(Decoded {
        text,
        note: Some(note),
    }))
}

/// A UTF-8 page with a few damaged sequences (a truncated character, one Latin-1 byte pasted
/// in), read as UTF-8 with those replaced: at least ten well-formed non-ASCII characters for
/// each bad sequence. Text in a one-byte charset has almost no well-formed UTF-8 sequences, so
/// it still goes to the declared charset or Windows-1252; decoding a UTF-8 page that way
/// would garble every accented letter.
fn damaged_utf8(bytes: &[u8]) -> Option<Decoded> {
    let text = String::from_utf8_lossy(bytes);
    let (mut good, mut bad) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if c == char::REPLACEMENT_CHARACTER {
            bad += 1;
        } else {
            good += 1;
        }
    }
    if good < bad.max(1) * 10 {
        return None;
    }
    let text = normalize_newlines(text.into_owned());
    let note = format!(
        "not valid UTF-8, read as UTF-8 with {bad} damaged sequence{} replaced",
        if bad == 1 { "" } else { "s" }
    );
    (!text.trim().is_empty()).then(|| {
        repaired(Decoded {
            text,
            note: Some(note),
        })
    })
}

/// `decoded` with its mojibake repaired (see [`repair_mojibake`]) and a note saying so.
fn repaired(decoded: Decoded) -> Decoded {
    let Some((text, n)) = repair_mojibake(&decoded.text) else {
        return decoded;
    };
    let repair = format!(
        "{n} character{} repaired that had been decoded twice (UTF-8 read as Windows-1252)",
        if n == 1 { "" } else { "s" }
    );
    Decoded {
        text,
        note: Some(match decoded.note {
            Some(note) => format!("{note}; {repair}"),
            None => repair,
        }),
    }
}

/// The byte Windows-1252 (or Latin-1, for the five bytes Windows-1252 leaves undefined)
/// decodes to `c`, for the characters of bytes 0x80 to 0xFF.
fn high_byte(c: char) -> Option<u8> {
    static HIGH: std::sync::LazyLock<[char; 32]> = std::sync::LazyLock::new(|| {
        let bytes: Vec<u8> = (0x80..=0x9F).collect();
        let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
        let mut high = ['\0'; 32];
        for (slot, c) in high.iter_mut().zip(text.chars()) {
            *slot = c;
        }
        high
    });
    match u32::from(c) {
        u @ 0x80..=0xFF => Some(u as u8),
        u if u < 0x80 => None,
        _ => HIGH.iter().position(|&h| h == c).map(|i| 0x80 + i as u8),
    }
}

/// Text that was UTF-8, decoded once as Windows-1252 before it reached us (`PeÃ±a Nieto`,
/// `FranÃ§ois`, `donâ€™t`), with each such character restored (`Peña Nieto`, `François`,
/// `don’t`), and how many were restored; `None` when there is nothing to repair.
///
/// A restored character is a run of characters whose Windows-1252 bytes form one well-formed
/// UTF-8 sequence of two to four bytes, restored to a plausible character (a Latin, Greek or
/// Cyrillic letter, punctuation, `€`, `™`, an emoji). A text is repaired only when it has a
/// run that is mojibake beyond reasonable doubt — `Â` or `Ã` before a Latin-1 symbol (real
/// text does not put `Ã` before `©` or `±`), or before punctuation inside a word (not
/// Portuguese `“A CAMPEÃ”`), `â€`, `â‚` or `â„` (punctuation, `€`, `™`), `ðŸ` (emoji). The
/// other runs (`Å‚` for `ł`, `Ð¸` for `и`) can be real text (`CAFÉ”` would read as `CAFɔ`,
/// French `été »` with its no-break space as a Chinese character), and are repaired only in a
/// text whose every character outside ASCII is in a run: one decoded twice as a whole, not a
/// page with a damaged footer beside real accented text. A run whose damage went further (a
/// byte dropped, `º` normalised to `o`) is left as it is. Double mojibake is undone by passes,
/// at most three.
pub fn repair_mojibake(text: &str) -> Option<(String, usize)> {
    // Every repair needs a certain run, which opens with `Â`, `Ã`, `â` or `ð` (C3 82, C3 83,
    // C3 A2, C3 B0), or with `A` or `a` and a combining circumflex or tilde (CC 82, CC 83):
    // a text without those bytes is left at once.
    let bytes = text.as_bytes();
    let opens = memchr::memchr2_iter(0xC3, 0xCC, bytes).any(|i| {
        matches!(
            (bytes[i], bytes.get(i + 1)),
            (0xC3, Some(0x82 | 0x83 | 0xA2 | 0xB0)) | (0xCC, Some(0x82 | 0x83))
        )
    });
    if !opens {
        return None;
    }
    // Mojibake that was then decomposed (`Ã` as `A` and a combining tilde, as some pipelines
    // store text) is read composed; the text is returned composed only when repaired.
    // (And `Ã¨` normalised for compatibility, `¨` as a space and a combining diaeresis: the
    // spacing mark is put back after `Ã` or `Â`, where a space never stands before an accent.)
    let composed;
    let text = if text.chars().any(|c| ('\u{300}'..='\u{36f}').contains(&c)) {
        let text = nfc(text.to_string());
        let mut spaced = String::with_capacity(text.len());
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            spaced.push(c);
            if !matches!(c, 'Ã' | 'Â') {
                continue;
            }
            let mut ahead = chars.clone();
            let mark = match (ahead.next(), ahead.next()) {
                (Some(' '), Some('\u{308}')) => '¨',
                (Some(' '), Some('\u{304}')) => '¯',
                (Some(' '), Some('\u{301}')) => '´',
                (Some(' '), Some('\u{327}')) => '¸',
                _ => continue,
            };
            spaced.push(mark);
            chars.next();
            chars.next();
        }
        composed = spaced;
        composed.as_str()
    } else {
        text
    };
    let mut out: Option<(String, usize)> = None;
    for _ in 0..3 {
        let current = out.as_ref().map_or(text, |(t, _)| t.as_str());
        let Some((next, n)) = repair_pass(current) else {
            break;
        };
        let total = out.as_ref().map_or(0, |(_, m)| *m) + n;
        out = Some((next, total));
    }
    out
}

/// One pass of [`repair_mojibake`].
fn repair_pass(text: &str) -> Option<(String, usize)> {
    if text.is_ascii() {
        return None;
    }
    // (byte offset, length in bytes, restored character, certain)
    let mut runs: Vec<(usize, usize, char, bool)> = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    // Non-ASCII characters inside runs, to tell a text decoded twice as a whole from one with
    // a damaged part (a page's footer) and real accented text elsewhere.
    let mut in_runs = 0;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let need = match high_byte(c) {
            Some(0xC2..=0xDF) => 1,
            Some(0xE0..=0xEF) => 2,
            Some(0xF0..=0xF4) => 3,
            _ => {
                i += 1;
                continue;
            }
        };
        let Some(seq) = chars.get(i..=i + need) else {
            i += 1;
            continue;
        };
        let bytes: Option<Vec<u8>> = seq.iter().map(|&(_, c)| high_byte(c)).collect();
        let restored = bytes
            .as_deref()
            .filter(|b| b[1..].iter().all(|&b| (0x80..=0xBF).contains(&b)))
            .and_then(|b| std::str::from_utf8(b).ok())
            .and_then(|s| s.chars().next())
            .filter(|&r| plausible(r));
        let Some(restored) = restored else {
            i += 1;
            continue;
        };
        let (last_at, last) = seq[need];
        // (`Ã` or `Â` before a Latin-1 symbol, `Ã±`, `Â©`, never stands in real text; before
        // punctuation, `Ã”`, only inside a word: Portuguese capitals end in `Ã`, `“A CAMPEÃ”`.)
        let next = chars.get(i + need + 1).map(|&(_, c)| c);
        let certain = match (c, seq[1].1) {
            ('Â' | 'Ã', '\u{a1}'..='\u{bf}') => seq[1].1 != '»',
            ('Â' | 'Ã', _) => next.is_some_and(char::is_alphabetic),
            ('â', '€' | '‚' | '„') | ('ð', 'Ÿ') => true,
            _ => false,
        };
        runs.push((at, last_at + last.len_utf8() - at, restored, certain));
        in_runs += need + 1;
        i += need + 1;
    }
    if !runs.iter().any(|r| r.3) {
        return None;
    }
    // The other runs only in a text that is mojibake throughout (every character outside
    // ASCII in a run): beside real accented text, `Spaß“` and `été »` are what they say.
    let whole = in_runs == chars.iter().filter(|(_, c)| !c.is_ascii()).count();
    runs.retain(|r| r.3 || whole);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for &(start, len, restored, _) in &runs {
        out.push_str(&text[at..start]);
        out.push(restored);
        at = start + len;
    }
    out.push_str(&text[at..]);
    Some((out, runs.len()))
}

/// A character mojibake is made of: letters and signs of the Latin, Greek and Cyrillic
/// blocks, general punctuation, `€`, `™`, emoji; not a letter of a script the text shows no
/// other sign of (`ɔ`, `ߓ`, CJK).
fn plausible(c: char) -> bool {
    matches!(u32::from(c),
        0xA0..=0x24F | 0x370..=0x4FF | 0x2000..=0x206F | 0x20AC | 0x2122 | 0x1F300..=0x1FAFF)
}

/// The encoding named by `charset=` in a `<meta>` tag in the head of a page (the prescan HTML
/// parsers do). Other tags say `charset=` of what they load (`<script charset="utf-8">`, as
/// the Wayback Machine puts before a page's own head), not of the page.
fn declared_charset(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].windows(8).position(|w| w == b"charset=") {
        let at = from + found + 8;
        from = at;
        let tag = &lower[..at - 8];
        let in_meta = tag
            .iter()
            .rposition(|&b| b == b'<')
            .is_some_and(|open| tag[open..].starts_with(b"<meta") && !tag[open..].contains(&b'>'));
        if !in_meta {
            continue;
        }
        let label: Vec<u8> = lower[at..]
            .iter()
            .copied()
            .skip_while(|&b| b == b'"' || b == b'\'' || b == b' ')
            .take_while(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b':')
            .collect();
        if let Some(enc) = encoding_rs::Encoding::for_label(&label) {
            return Some(enc);
        }
    }
    None
}

/// An ISO 639-1 code from what sources write (`en`, `EN-us`, `en_GB`, and `ua`, which BSNLP
/// and others use for Ukrainian); `None` for anything else.
pub fn language_code(raw: &str) -> Option<String> {
    let primary = raw
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let code = match primary.as_str() {
        "ua" | "ukr" => "uk".to_string(),
        "rus" => "ru".to_string(),
        "eng" => "en".to_string(),
        _ => primary,
    };
    (code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase())).then_some(code)
}

/// White space collapsed: runs of spaces, tabs and line breaks become one space, none at the
/// ends.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text in Unicode's composed form (NFC). Pages may spell a letter precomposed where NFC
/// decomposes it (Bengali `য়` as U+09DF, which NFC writes U+09AF U+09BC) or the other way
/// round; a search term typed, or text from another reader, is NFC, and must match either.
pub fn nfc(s: String) -> String {
    const NFC: icu_normalizer::ComposingNormalizerBorrowed<'static> =
        icu_normalizer::ComposingNormalizerBorrowed::new_nfc();
    match NFC.normalize(&s) {
        std::borrow::Cow::Borrowed(_) => s,
        std::borrow::Cow::Owned(composed) => composed,
    }
}

/// CRLF and lone CR become LF.
pub fn normalize_newlines(s: impl Into<String> + AsRef<str>) -> String {
    let bytes = s.as_ref().as_bytes();
    let Some(first) = memchr::memchr(b'\r', bytes) else {
        return s.into();
    };
    // One pass: `\r\n` and a lone `\r` both become `\n`.
    let mut out = String::with_capacity(bytes.len());
    let text = s.as_ref();
    out.push_str(&text[..first]);
    let mut at = first;
    while let Some(i) = memchr::memchr(b'\r', &bytes[at..]).map(|i| at + i) {
        out.push_str(&text[at..i]);
        out.push('\n');
        at = i + 1 + usize::from(bytes.get(i + 1) == Some(&b'\n'));
    }
    out.push_str(&text[at..]);
    out
}

/// A line longer than this was not broken by a typist or a wire's fixed width: a text with
/// such lines writes one paragraph per line.
const WRAPPED_LINE_CHARS: usize = 100;

/// Paragraphs joined by exactly one blank line, outer white space trimmed. Lines inside a
/// paragraph are kept when the text is wrapped at a fixed width (wire copy); in a block
/// that is not (more than a quarter of its lines longer than any wrap width), each line is
/// a paragraph, as many text exports write them.
pub fn tidy_paragraphs(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 64);
    let mut push = |para: &str| {
        let para = para.trim();
        if para.is_empty() {
            return;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(para);
    };
    for para in paragraphs(s) {
        if line_per_paragraph(para) {
            para.lines().for_each(&mut push);
        } else {
            push(para);
        }
    }
    out
}

/// Whether a block of lines writes a paragraph per line: more than a quarter of its lines
/// (and at least one) are too long to have been wrapped.
fn line_per_paragraph(block: &str) -> bool {
    if !block.trim().contains('\n') {
        return false;
    }
    let (mut lines, mut long) = (0, 0);
    for line in block.lines() {
        lines += 1;
        // Bytes bound characters from above: count characters only when it matters.
        if line.len() > WRAPPED_LINE_CHARS && line.chars().count() > WRAPPED_LINE_CHARS {
            long += 1;
        }
    }
    long * 4 > lines
}

/// `s.split("\n\n")`, with a vectorised search for the separator.
pub(super) fn paragraphs(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match memchr::memmem::find(r.as_bytes(), b"\n\n") {
            Some(i) => {
                rest = Some(&r[i + 2..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// Words that end with a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gov", "sen", "rep", "gen", "lt", "col", "sgt", "capt", "maj", "st",
    "jr", "sr", "prof", "rev", "no", "vs", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr",
    "aug", "sept", "sep", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m",
    "pres", "gov’t", "ft", "mt", "ave", "blvd",
];

/// Longest title taken from a body, in characters.
const MAX_TITLE_CHARS: usize = 200;

/// The first sentence of a text, cut at a word boundary if longer than 200 characters.
pub fn first_sentence(text: &str) -> String {
    let para = paragraphs(text.trim_start()).next().unwrap_or("");
    let mut end = para.len();
    let mut chars = para.char_indices().peekable();
    while let Some((pos, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let next = chars.peek().copied();
        let closes =
            next.is_none_or(|(_, n)| n.is_whitespace() || matches!(n, '”' | '"' | '’' | ')'));
        if !closes {
            continue;
        }
        if c == '.' {
            let word_start = para[..pos]
                .char_indices()
                .rev()
                .find(|&(_, ch)| ch.is_whitespace() || ch == '(')
                .map_or(0, |(p, ch)| p + ch.len_utf8());
            let word = para[word_start..pos].to_lowercase();
            let single_initial = word.chars().count() == 1;
            if single_initial || ABBREVIATIONS.contains(&word.as_str()) {
                continue;
            }
        }
        end = pos + c.len_utf8();
        if let Some((p, q)) = next {
            if matches!(q, '”' | '"' | '’') {
                end = p + q.len_utf8();
            }
        }
        break;
    }
    let mut sentence = String::with_capacity(end);
    for word in para[..end].split_whitespace() {
        if !sentence.is_empty() {
            sentence.push(' ');
        }
        sentence.push_str(word);
    }
    truncate_words(&sentence, MAX_TITLE_CHARS)
}

/// Cuts `s` to at most `max` characters at a word boundary, adding `…` when cut.
pub fn truncate_words(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(char::is_whitespace) {
        Some(p) if p > max / 2 => cut[..p].to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_bom_utf16_and_latin1() {
        let d = decode(b"\xEF\xBB\xBFhello\r\nworld").unwrap();
        assert_eq!(d.text, "hello\nworld");
        assert!(d.note.is_none());
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("hi “x”".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&utf16).unwrap().text, "hi “x”");
        let latin = decode(b"caf\xE9 \x93quoted\x94").unwrap();
        assert_eq!(latin.text, "café “quoted”");
        assert!(latin.note.unwrap().contains("Windows-1252"));
        assert_eq!(decode(b"  \n\t ").unwrap_err(), ParseError::Empty);
        assert_eq!(decode(b"ab\0cd").unwrap_err(), ParseError::Binary);
    }

    #[test]
    fn mojibake_is_repaired_where_it_is_certain() {
        let fix = |s: &str| repair_mojibake(s);
        assert_eq!(
            fix("Enrique PeÃ±a Nieto and FranÃ§ois Hollande"),
            Some(("Enrique Peña Nieto and François Hollande".to_string(), 2))
        );
        assert_eq!(
            fix("donâ€™t â€œgoâ€\u{9d}"),
            Some(("don’t “go”".to_string(), 3))
        );
        // Stored decomposed (`Ã` as `A` and a combining tilde), as some pipelines leave it,
        // or normalised for compatibility (`¨` as a space and a combining diaeresis).
        assert_eq!(fix("PeA\u{303}±a"), Some(("Peña".to_string(), 1)));
        assert_eq!(
            fix("SA\u{303}©golA\u{303} \u{308}ne"),
            Some(("Ségolène".to_string(), 2))
        );
        // Twice over: `ChÃƒÂ¡vez` is `ChÃ¡vez` is `Chávez`.
        assert_eq!(fix("ChÃƒÂ¡vez"), Some(("Chávez".to_string(), 3)));
        // Other two-byte runs only beside a certain one: `Å‚` is `ł`, `Ä™` is `ę`.
        assert_eq!(
            fix("WaÅ‚Ä™sa, cafÃ©"),
            Some(("Wałęsa, café".to_string(), 3))
        );
        // Real text that looks like it is left alone.
        for real in [
            "WaÅ‚Ä™sa",
            "“CAFÉ”",
            "«\u{a0}l’été\u{a0}»",
            "São Paulo, Ångström, naïve",
            "Київ і Москва",
            "plain ASCII",
            "“A CAMPEÃ”",
            "«VOLTO AMANHÃ»",
        ] {
            assert_eq!(fix(real), None, "{real}");
        }
        // A damaged part (a footer's `Â©`) beside real accented text: only what is certain.
        assert_eq!(
            fix("„Das macht Spaß“ … Â© 2016"),
            Some(("„Das macht Spaß“ … © 2016".to_string(), 1))
        );
        assert_eq!(
            fix("« l’été\u{a0}» Â©"),
            Some(("« l’été\u{a0}» ©".to_string(), 1))
        );
        // Through decoding, with a note.
        let d = decode("Mr. PeÃ±a said".as_bytes()).unwrap();
        assert_eq!(d.text, "Mr. Peña said");
        assert!(d.note.unwrap().contains("1 character repaired"));
    }

    #[test]
    fn html_pages_with_a_few_stray_nul_bytes_are_read_with_a_note() {
        let mut page = b"<html><body><p>Text".to_vec();
        page.extend(std::iter::repeat_n(b' ', 3000));
        page.extend_from_slice(b"\0\0more</p></body></html>");
        let d = decode_html(&page).unwrap();
        assert!(d.text.ends_with("   more</p></body></html>"), "{}", d.text);
        assert!(!d.text.contains('\0'));
        assert_eq!(d.note.as_deref(), Some("2 stray NUL bytes removed"));
        // Many NUL bytes still mean binary.
        assert_eq!(
            decode_html(b"<html>\0\0\0\0").unwrap_err(),
            ParseError::Binary
        );
    }

    #[test]
    fn html_pages_are_read_in_their_declared_charset() {
        // "Привіт" in windows-1251.
        let mut page = b"<html><head><meta charset=\"windows-1251\"></head><body>".to_vec();
        page.extend_from_slice(&[0xCF, 0xF0, 0xE8, 0xE2, 0xB3, 0xF2]);
        page.extend_from_slice(b"</body></html>");
        let d = decode_html(&page).unwrap();
        assert!(d.text.contains("Привіт"), "{}", d.text);
        assert!(d.note.unwrap().contains("windows-1251"));
        // Only a <meta> declares the page's charset; a script's `charset` is its own.
        let mut archived =
            b"<html><script src=\"a.js\" charset=\"utf-8\"></script><meta http-equiv=\"Content-Type\" \
              content=\"text/html; charset=gb2312\"><p>"
                .to_vec();
        archived.extend_from_slice(&[0xD6, 0xD0, 0xCE, 0xC4]);
        let d = decode_html(&archived).unwrap();
        assert!(d.text.contains("中文"), "{}", d.text);
        // UTF-8 pages are untouched whatever they declare.
        assert!(decode_html("<meta charset=koi8-r>Київ".as_bytes())
            .unwrap()
            .note
            .is_none());
        // UTF-8 with one damaged byte among many well-formed letters stays UTF-8.
        let mut damaged = "<p>Zażółć gęślą jaźń, żółw płynie przez źródło</p>"
            .as_bytes()
            .to_vec();
        damaged.insert(3, 0xFF);
        let d = decode_html(&damaged).unwrap();
        assert!(d.text.contains("gęślą jaźń"), "{}", d.text);
        assert!(d.note.unwrap().contains("1 damaged sequence"));
        // No declaration: the Windows-1252 fallback.
        assert!(decode_html(b"<p>caf\xE9</p>")
            .unwrap()
            .text
            .contains("café"));
    }

    #[test]
    fn language_codes() {
        assert_eq!(language_code("en").as_deref(), Some("en"));
        assert_eq!(language_code("EN-us").as_deref(), Some("en"));
        assert_eq!(language_code("ua").as_deref(), Some("uk"));
        assert_eq!(language_code("rus").as_deref(), Some("ru"));
        assert_eq!(language_code(""), None);
        assert_eq!(language_code("english"), None);
    }

    #[test]
    fn first_sentence_skips_abbreviations_and_initials() {
        assert_eq!(
            first_sentence("Donetsk Gov. Pavlo Kyrylenko spoke. Then more."),
            "Donetsk Gov. Pavlo Kyrylenko spoke."
        );
        assert_eq!(
            first_sentence("The U.S. and J. Smith met in St. Louis today. More."),
            "The U.S. and J. Smith met in St. Louis today."
        );
        assert_eq!(first_sentence("No end here"), "No end here");
        // A multi-byte space before the last word (found by the parse fuzzer).
        assert_eq!(
            first_sentence("Rates rose\u{a0}today. Then"),
            "Rates rose today."
        );
        assert_eq!(
            first_sentence("He said “stop.” Then left."),
            "He said “stop.”"
        );
        let long = "word ".repeat(100);
        let t = first_sentence(&long);
        assert!(t.chars().count() <= MAX_TITLE_CHARS + 1 && t.ends_with('…'));
    }

    #[test]
    fn tidy_paragraphs_collapses_blank_runs() {
        assert_eq!(tidy_paragraphs("\n\n a\n\n\n\nb \n\n"), "a\n\nb");
    }

    #[test]
    fn a_line_per_paragraph_unless_wrapped_at_a_fixed_width() {
        let long =
            "The harbour board met on Tuesday and voted to close the north quay for a month \
                    of repairs, its chair said.";
        let text = format!("Title\n{long}\n“We had no choice,” she said.\n{long}");
        assert_eq!(
            tidy_paragraphs(&text),
            format!("Title\n\n{long}\n\n“We had no choice,” she said.\n\n{long}")
        );
        // Wire copy wrapped at 70 characters keeps its lines inside one paragraph.
        let wrapped = "The harbour board met on Tuesday and voted to close the north\n\
                       quay for a month of repairs, its chair said.\n\nShe said more.";
        assert_eq!(tidy_paragraphs(wrapped), wrapped);
        // One long line (a web address) among wrapped ones is not enough.
        let url = format!(
            "Read it at\nhttps://example.org/{}\nor in print\ntoday.",
            "a".repeat(120)
        );
        assert_eq!(tidy_paragraphs(&url), url);
    }
}
