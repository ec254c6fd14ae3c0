//! The `en_stem` analyzer dateline indexes with: tantivy's own `en_stem` (simple tokenizer,
//! tokens over 40 bytes dropped, lower case, Snowball English stemmer), with the stemmer's
//! answers remembered per word.
//!
//! Stemming is a pure function of the lower-cased word, and news text repeats a small
//! vocabulary (Zipf's law), so most tokens are words the analyzer has stemmed before. On the
//! 200,000-article benchmark the Snowball stemmer alone takes about a third of bare tantivy's
//! indexing samples; with the cache, stemming and lookups take about 11% of a dateline
//! build's samples (see `SETS`). The lookups are bound by memory latency.
//!
//! tantivy builds `en_stem` as a chain of a tokenizer and three filters; its `EnStem` does the
//! same work as one tokenizer. The tokens are exactly those of tantivy's `en_stem` (a cache
//! miss runs tantivy's own `Stemmer` filter on the word, and `tests` compare the two
//! analyzers: texts, offsets and positions), so the schema keeps
//! the built-in name and any tantivy client querying the index with its own `en_stem` gets
//! the same terms.
//!
//! Ukrainian and Russian articles are also analysed by [`slavic`]'s analyzers, into fields of
//! their own.

pub mod slavic;

use std::hash::BuildHasher;
use std::sync::Arc;

use tantivy::tokenizer::{
    Language, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer,
};

/// Name of the analyzer in the schema (`title`, `body`, `quote`).
pub const EN_STEM: &str = "en_stem";

/// Sets of the stem cache (a power of two): 16,384 cache lines of two 32-byte entries, 1 MB
/// per thread, allocated zeroed on its first word (a thread that only parses a query touches
/// a few of those pages). On the 200,000-article benchmark (one perf run each), stemming and
/// lookups took 14.2% of a build's samples with a 256 KB cache per analyzer clone, 12.7%
/// with one 256 KB cache per thread, 12.5% at 512 KB, 11.6% at 1 MB and 11.4% at 2 MB.
const SETS: usize = 1 << 14;

/// Longest word and stem kept in an entry, in bytes; longer ones are stemmed every time.
const MAX_CACHED_LEN: usize = 15;

/// Flag in an entry's stem length: the stem is a prefix of the word.
const PREFIX: u8 = 0x80;

/// tantivy's `en_stem`, with a stem cache.
pub fn en_stem() -> TextAnalyzer {
    TextAnalyzer::from(EnStem::default())
}

/// Tokens over this many bytes (before lower-casing) are dropped, as tantivy's `en_stem`
/// drops them with `RemoveLongFilter::limit(40)`.
const MAX_TOKEN_LEN: usize = 40;

/// tantivy's `en_stem` chain (`SimpleTokenizer`, `RemoveLongFilter::limit(40)`,
/// `LowerCaser`, `Stemmer`) as one tokenizer: it finds a word, copies it into the token and
/// lower-cases it there, and takes the stem from the thread's stem cache (`STEMS`). The
/// default stems every word; [`for_snippets`] makes one that stems only words starting with
/// one of a few prefixes.
///
/// The chain cost a boxed token stream and a filter call per token and per filter, and
/// checked each token for ASCII again in the lower-caser; here the word's end and whether
/// it is ASCII come from the same scan.
///
/// The memory is one cache per thread (`STEMS`), shared by every field and every segment
/// the thread indexes: tantivy clones the analyzer for each field of each new segment, and a
/// cache per clone kept three tables hot per indexing thread (title, body, quote) and started
/// each segment cold.
#[derive(Clone, Debug, Default)]
pub(crate) struct EnStem {
    token: Token,
    /// Stem only the words starting with one of these; `None` stems every word.
    only: Option<Arc<[String]>>,
}

impl Tokenizer for EnStem {
    type TokenStream<'a> = EnStemStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> EnStemStream<'a> {
        self.token.reset();
        EnStemStream {
            text,
            at: 0,
            token: &mut self.token,
            only: self.only.as_deref(),
        }
    }
}

/// The token stream of [`EnStem`].
pub(crate) struct EnStemStream<'a> {
    text: &'a str,
    /// Byte offset where the search for the next token starts.
    at: usize,
    token: &'a mut Token,
    only: Option<&'a [String]>,
}

impl EnStemStream<'_> {
    /// Whether the character at byte `at` is alphanumeric, and its length in bytes.
    #[inline(always)]
    fn alphanumeric_at(&self, at: usize) -> (bool, usize) {
        let b = self.text.as_bytes()[at];
        if b.is_ascii() {
            return (b.is_ascii_alphanumeric(), 1);
        }
        let c = self.text[at..].chars().next().unwrap_or_default();
        (c.is_alphanumeric(), c.len_utf8())
    }
}

impl TokenStream for EnStemStream<'_> {
    fn advance(&mut self) -> bool {
        let len = self.text.len();
        loop {
            // Like `SimpleTokenizer`: a token is a run of alphanumeric characters, and every
            // token found takes a position, dropped or not.
            self.token.position = self.token.position.wrapping_add(1);
            let mut from = self.at;
            loop {
                if from == len {
                    self.at = len;
                    return false;
                }
                let (alnum, n) = self.alphanumeric_at(from);
                if alnum {
                    break;
                }
                from += n;
            }
            let mut to = from;
            let mut ascii = true;
            while to < len {
                let (alnum, n) = self.alphanumeric_at(to);
                if !alnum {
                    break;
                }
                ascii &= n == 1;
                to += n;
            }
            self.at = to;
            if to - from >= MAX_TOKEN_LEN {
                continue;
            }
            let word = &self.text[from..to];
            let text = &mut self.token.text;
            text.clear();
            if ascii {
                text.push_str(word);
                text.make_ascii_lowercase();
            } else {
                // As `LowerCaser` does it: character by character.
                for c in word.chars() {
                    text.extend(c.to_lowercase());
                }
            }
            self.token.offset_from = from;
            self.token.offset_to = to;
            // Snowball's English stemmer leaves a word of fewer than three characters as it
            // is (`hop 3` fails before any rule), and a quarter of English words are that
            // short (`a`, `of`, `to`): they skip the cache.
            if text.len() > 2
                && self
                    .only
                    .is_none_or(|prefixes| prefixes.iter().any(|p| text.starts_with(p.as_str())))
            {
                STEMS.with_borrow_mut(|stems| stems.stem(text));
            }
            return true;
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

thread_local! {
    /// The stem cache of this thread (see [`EnStem`]).
    static STEMS: std::cell::RefCell<Stems> = std::cell::RefCell::new(Stems::default());
}

/// Word → stem, and the stemmer that fills it.
///
/// The cache is two-way set-associative: a word's hash picks one 64-byte cache line holding
/// two entries, each a word and its stem inline (`[word len, word… (15 bytes), stem len and
/// prefix flag, stem…]`), so a lookup touches one cache line; a new word takes the first
/// entry and pushes the older one to the second. Frequent words stay; rare ones come and go.
/// (A `HashMap<String, String>` was tried first: its pointer chasing made a lookup cost
/// nearly as much as the stemming it saved.)
struct Stems {
    slots: Vec<[u8; 64]>,
    /// tantivy's stemmer over a tokenizer that yields its whole input as one token.
    stemmer: TextAnalyzer,
}

impl Default for Stems {
    fn default() -> Self {
        Stems {
            slots: Vec::new(),
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(Language::English))
                .build(),
        }
    }
}

impl Stems {
    /// Replaces `word` by its stem.
    fn stem(&mut self, word: &mut String) {
        let len = word.len();
        let set = if (1..=MAX_CACHED_LEN).contains(&len) {
            if self.slots.is_empty() {
                self.slots = vec![[0u8; 64]; SETS];
            }
            let at = (rustc_hash::FxBuildHasher.hash_one(word.as_bytes()) as usize) & (SETS - 1);
            for entry in self.slots[at].chunks_exact(32) {
                // Compared a byte at a time: the words are short, and a slice compare of
                // unknown length is a call to `memcmp`.
                if usize::from(entry[0]) == len
                    && entry[1..=len]
                        .iter()
                        .zip(word.as_bytes())
                        .all(|(a, b)| a == b)
                {
                    let stem_len = usize::from(entry[16] & !PREFIX);
                    if entry[16] & PREFIX != 0 {
                        // Most stems are the word or a prefix of it (`said`, `govern`): cut
                        // the word, copy nothing. A prefix that is valid UTF-8 ends on a
                        // character boundary of the word.
                        word.truncate(stem_len);
                        return;
                    }
                    // The entry holds UTF-8 copied from a `str` at char boundaries.
                    if let Ok(stem) = std::str::from_utf8(&entry[17..17 + stem_len]) {
                        word.clear();
                        word.push_str(stem);
                        return;
                    }
                }
            }
            Some(at)
        } else {
            None
        };
        let mut stream = self.stemmer.token_stream(word);
        let stemmed = stream.advance().then(|| stream.token().text.clone());
        drop(stream);
        let Some(stem) = stemmed else { return };
        if let Some(at) = set.filter(|_| stem.len() <= MAX_CACHED_LEN) {
            // The newest word goes first; the one it displaces moves to the second entry.
            let line = &mut self.slots[at];
            line.copy_within(0..32, 32);
            line[0] = len as u8;
            line[1..=len].copy_from_slice(word.as_bytes());
            let prefix = if word.as_bytes().starts_with(stem.as_bytes()) {
                PREFIX
            } else {
                0
            };
            line[16] = stem.len() as u8 | prefix;
            line[17..17 + stem.len()].copy_from_slice(stem.as_bytes());
        }
        *word = stem;
    }
}

/// The `en_stem` analyzer for highlighting matches of `terms` (stems): the same tokens as
/// [`en_stem`] wherever a token could match a term, and others left unstemmed.
///
/// Snowball's English stemmer keeps the first character of a word (it rewrites endings, and
/// its exceptions such as `dying` → `die` keep it too), so a word that does not start like a
/// term cannot stem to that term, and is not the term itself either. Highlighting a hit then
/// stems only the words that start like a term, instead of every word of the body (which,
/// with a stem cache empty for each body, was a third of a CLI search's work).
pub(crate) fn for_snippets<'a>(terms: impl IntoIterator<Item = &'a str>) -> TextAnalyzer {
    let mut prefixes: Vec<String> = terms
        .into_iter()
        .map(|t| t.chars().take(1).collect())
        .collect();
    prefixes.sort_unstable();
    prefixes.dedup();
    TextAnalyzer::from(EnStem {
        token: Token::default(),
        only: Some(prefixes.into()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, TokenizerManager};

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while let Some(t) = stream.next() {
            out.push(t.clone());
        }
        out
    }

    /// Same tokens (text, offsets, positions) as tantivy's built-in `en_stem`, on first sight
    /// of a word and from the cache, across calls on one analyzer and on fresh clones.
    #[test]
    fn same_tokens_as_tantivy_en_stem() {
        let mut builtin = TokenizerManager::default()
            .get("en_stem")
            .expect("tantivy has en_stem");
        let mut cached = en_stem();
        let mut texts: Vec<String> = vec![
            "Connections, connected, CONNECTING: the connection's connectivity.".into(),
            "Generously generous generalisations; running runs ran runner's".into(),
            "Київ, Бахмут і «Донецьк» — Ukrainian words pass through unstemmed".into(),
            "it's don’t O'Neill U.S. e-mail 2023-03-06 3.5% #hashtag @user".into(),
            format!("{} short", "x".repeat(45)),
            // Around the length limit (bytes before lower case), dropped tokens keep their
            // positions.
            format!(
                "a {} b {} c {} d",
                "y".repeat(39),
                "y".repeat(40),
                "ї".repeat(20)
            ),
            format!("{} {}", "Ї".repeat(19), "Straße".repeat(7)),
            // Lower case that changes length or depends on context, combining marks (not
            // alphanumeric), digits of other scripts, ligatures, title case.
            "İstanbul ΣΟΦΙΑΣ ὈΔΥΣΣΕΎΣ cafe\u{301} ٣٤ ﬁle ǅemal ÆSIR Ⅻ x²".into(),
            "sky skies dying lying news ness agreed feed bleed succeed proceed exceed".into(),
            // Words of one or two characters skip the stemmer: Snowball leaves them as they are.
            "a I is as us ys ye ii IS Ys œs ßs ǅa ﬁ".into(),
            String::new(),
        ];
        let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-corpus");
        for entry in walkdir::WalkDir::new(sample).into_iter().flatten() {
            if entry.file_type().is_file() {
                texts.push(std::fs::read_to_string(entry.path()).expect("sample article"));
            }
        }
        let mut compared = 0;
        for round in 0..2 {
            for text in &texts {
                let want = tokens(&mut builtin, text);
                assert_eq!(tokens(&mut cached, text), want, "round {round}: {text:?}");
                assert_eq!(tokens(&mut cached.clone(), text), want);
                compared += want.len();
            }
        }
        assert!(compared > 20_000, "only {compared} tokens compared");
    }

    fn sample_texts() -> Vec<String> {
        let mut texts: Vec<String> = vec![
            "Skies, skiing skis; dying lying tying; idly gently ugly early only singly.".into(),
            "Aing aed eing oing ied ies sses yes yelled yearly by cry cries happily.".into(),
            "Generously generous generalisations; communism commune arsenal arsenic.".into(),
            "Київ, Бахмут і «Донецьк» — Ukrainian words pass through unstemmed".into(),
        ];
        let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-corpus");
        for entry in walkdir::WalkDir::new(sample).into_iter().flatten() {
            if entry.file_type().is_file() {
                texts.push(std::fs::read_to_string(entry.path()).expect("sample article"));
            }
        }
        texts
    }

    /// What `for_snippets` rests on: a stem starts with its word's first character.
    #[test]
    fn stems_keep_the_first_character() {
        let mut builtin = TokenizerManager::default()
            .get("en_stem")
            .expect("tantivy has en_stem");
        let mut words = 0;
        for text in sample_texts() {
            let mut lower = TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .build();
            for word in tokens(&mut lower, &text) {
                for stem in tokens(&mut builtin, &word.text) {
                    let head = word.text.chars().next();
                    assert_eq!(
                        stem.text.chars().next(),
                        head,
                        "{} → {}",
                        word.text,
                        stem.text
                    );
                    words += 1;
                }
            }
        }
        assert!(words > 10_000, "only {words} words checked");
    }

    /// Snippets made with `for_snippets` are those tantivy makes with `en_stem`: same
    /// fragment, same highlighted words.
    #[test]
    fn snippets_match_those_of_en_stem() {
        use tantivy::schema::Field;
        use tantivy::snippet::SnippetGenerator;
        let texts = sample_texts();
        let mut builtin = TokenizerManager::default()
            .get("en_stem")
            .expect("tantivy has en_stem");
        let mut compared = 0;
        for (i, text) in texts.iter().enumerate() {
            // Terms: every 13th stem of a text, and of the text before it.
            let other = &texts[(i + texts.len() - 1) % texts.len()];
            let mut terms = std::collections::BTreeMap::new();
            for t in [text, other] {
                for (n, tok) in tokens(&mut builtin, t).into_iter().enumerate() {
                    if n % 13 == 0 {
                        terms.insert(tok.text, 1.0 / (1.0 + n as f32));
                    }
                }
            }
            for extra in ["a", "ski", "die", "ugli", "happi", "cri"] {
                terms.insert(extra.to_string(), 0.5);
            }
            let field = Field::from_field_id(0);
            let want = SnippetGenerator::new(terms.clone(), en_stem(), field, 150).snippet(text);
            let analyzer = for_snippets(terms.keys().map(String::as_str));
            let got = SnippetGenerator::new(terms, analyzer, field, 150).snippet(text);
            assert_eq!(got.fragment(), want.fragment(), "text {i}");
            assert_eq!(got.highlighted(), want.highlighted(), "text {i}");
            compared += want.highlighted().len();
        }
        assert!(compared > 50, "only {compared} highlights compared");
    }

    /// Words that share a slot replace each other without mixing up their stems, and words
    /// too long for a slot are stemmed all the same.
    #[test]
    fn colliding_and_long_words_keep_their_own_stems() {
        let mut stems = Stems::default();
        for round in 0..2 {
            for i in 0..3 * SETS {
                let mut w = format!("word{i}s");
                stems.stem(&mut w);
                assert_eq!(w, format!("word{i}"), "round {round}");
            }
        }
        // 35 bytes: stemmed by Snowball every time, never cached.
        for _ in 0..2 {
            let mut w = "internationalisations".repeat(2)[..35].to_string();
            stems.stem(&mut w);
            assert_eq!(w, "internationalisationsinternationali");
            let mut w = "conditionalizationsreconsiderations".to_string();
            stems.stem(&mut w);
            assert_eq!(w, "conditionalizationsreconsider");
        }
        assert_eq!(stems.slots.len(), SETS);
    }
}
