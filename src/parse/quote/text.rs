//! A body as the quote rules read it: its characters with their byte offsets (quote offsets
//! are in characters, and the rules slice the body), the buffers for them kept from one
//! article to the next, and which characters are quote marks. Knows nothing of words.

/// A body with its characters and their byte offsets, for the rules that walk characters
/// (offsets in quotes are in characters) and slice the body.
pub(super) struct Chars<'a> {
    pub(super) body: &'a str,
    pub(super) chars: Vec<char>,
    /// `bytes[i]` is the byte offset of `chars[i]`; one more entry holds the body's length.
    pub(super) bytes: Vec<usize>,
}

impl<'a> Chars<'a> {
    pub(super) fn new(body: &'a str) -> Chars<'a> {
        Chars::with_buffers(body, Vec::new(), Vec::new())
    }

    /// [`Chars::new`] into the given (empty) buffers.
    fn with_buffers(body: &'a str, mut chars: Vec<char>, mut bytes: Vec<usize>) -> Chars<'a> {
        // Runs of ASCII (most of most bodies, between the curly quotes) are copied a run at
        // a time, which the compiler vectorises; other characters one at a time.
        let n = body.chars().count();
        chars.reserve(n);
        bytes.reserve(n + 1);
        let raw = body.as_bytes();
        let mut at = 0;
        while at < raw.len() {
            let run = ascii_prefix(&raw[at..]);
            chars.extend(raw[at..at + run].iter().map(|&b| char::from(b)));
            bytes.extend(at..at + run);
            at += run;
            if let Some(c) = body[at..].chars().next() {
                chars.push(c);
                bytes.push(at);
                at += c.len_utf8();
            }
        }
        bytes.push(body.len());
        Chars { body, chars, bytes }
    }

    /// The text of characters `from..to`.
    pub(super) fn slice(&self, from: usize, to: usize) -> &'a str {
        &self.body[self.bytes[from]..self.bytes[to]]
    }

    /// End of the paragraph starting at character `from`: the next blank line (`\n\n`), or
    /// the end of the text.
    pub(super) fn paragraph_end(&self, from: usize) -> usize {
        let start = self.bytes[from];
        match memchr::memmem::find(&self.body.as_bytes()[start..], b"\n\n") {
            Some(at) => self.bytes.partition_point(|&b| b < start + at),
            None => self.chars.len(),
        }
    }
}

/// Length of the ASCII run `raw` starts with, looked at eight bytes at a time.
fn ascii_prefix(raw: &[u8]) -> usize {
    let mut n = 0;
    for chunk in raw.chunks_exact(8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        if word & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        n += 8;
    }
    n + raw[n..]
        .iter()
        .position(|b| !b.is_ascii())
        .unwrap_or(raw.len() - n)
}

/// Runs `f` on the characters of `body`, listed into this thread's buffers from the last
/// body it read.
pub(super) fn with_chars<R>(body: &str, f: impl FnOnce(&Chars<'_>) -> R) -> R {
    // The character lists of the last body this thread read, reused: allocated afresh they
    // were a few fresh pages of memory per article (about 12 bytes a character).
    let (chars, bytes) = CHAR_BUFFERS.with_borrow_mut(std::mem::take);
    let text = Chars::with_buffers(body, chars, bytes);
    let out = f(&text);
    let Chars {
        mut chars,
        mut bytes,
        ..
    } = text;
    if chars.capacity() <= MAX_KEPT_CHARS {
        chars.clear();
        bytes.clear();
        CHAR_BUFFERS.with_borrow_mut(|kept| *kept = (chars, bytes));
    }
    out
}

thread_local! {
    static CHAR_BUFFERS: std::cell::RefCell<(Vec<char>, Vec<usize>)> = Default::default();
}

/// Longest body, in characters, whose buffers are kept for the next (about 12 MB).
const MAX_KEPT_CHARS: usize = 1 << 20;

/// Quote marks and apostrophes, skipped when looking for the words around a quote.
///
/// The tokenizer's [`is_mark`] also counts the single guillemets `‹›`; the two have always
/// differed in that, and merging them would move the words found around a quote in the rare
/// text that has them.
pub(super) fn is_mark_char(c: char) -> bool {
    if c.is_ascii() {
        c == '"' || c == '\''
    } else {
        matches!(c, '“' | '”' | '„' | '«' | '»' | '’' | '‘')
    }
}

/// Quote-mark and apostrophe characters, which carry no words: those of [`is_mark_char`]
/// and `‹›`.
pub(super) fn is_mark(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '"' | '„' | '«' | '»' | '\'' | '’' | '‘' | '‹' | '›'
    )
}

/// Words in lower case, one space apart, without the punctuation around them.
pub(super) fn plain(text: &str) -> String {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
