//! Analyzers for Ukrainian and Russian text, and for names across the Cyrillic and Latin
//! scripts: `uk_stem`, `ru_stem` and `translit` (see the README, "Ukrainian and Russian").
//!
//! All three share one tokenizer: a word is a run of letters and digits, an apostrophe
//! (`'` `’` `ʼ`) between two letters is part of the word and folded to `'` (`зобов’язання`
//! and `зобовʼязання` are one word), letters are lower-cased and `ё` is folded to `е`. Only
//! words with a Cyrillic letter are kept in `uk_stem` and `ru_stem`: Latin words of the same
//! articles are in `body` already (with `en_stem`).
//!
//! - `uk_stem` and `ru_stem` stem with `stem_uk` and `stem_ru`, light suffix strippers
//!   of ours (Snowball has no Ukrainian stemmer, and its Russian one cuts names unevenly).
//! - `translit` turns a Cyrillic word into a Latin key (stem, then KMU 55:2010 for Ukrainian
//!   or BGN/PCGN for Russian, then `fold_latin`) and a Latin word into the same kind of key,
//!   so that `Kyiv`, `Kiev`, `Київ`, `Києві` and `Киев` all become `kiv`.

use tantivy::tokenizer::{PreTokenizedString, TextAnalyzer, Token, TokenStream, Tokenizer};

/// Name of the Ukrainian analyzer in the schema (`title_uk`, `body_uk`).
pub const UK_STEM: &str = "uk_stem";
/// Name of the Russian analyzer in the schema (`title_ru`, `body_ru`).
pub const RU_STEM: &str = "ru_stem";
/// Name of the cross-script analyzer in the schema (`translit`).
pub const TRANSLIT: &str = "translit";

/// Longest word kept, in bytes (as `en_stem` drops words of 40 bytes and more).
const MAX_TOKEN_LEN: usize = 40;

/// The languages with an analysis of their own besides English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slavic {
    /// Ukrainian (`uk`).
    Uk,
    /// Russian (`ru`).
    Ru,
}

impl Slavic {
    /// The language of an ISO 639-1 code, if it has its own analysis.
    pub(crate) fn of(code: Option<&str>) -> Option<Slavic> {
        match code? {
            "uk" => Some(Slavic::Uk),
            "ru" => Some(Slavic::Ru),
            _ => None,
        }
    }

    /// A guess from one word's letters, for query words: `і ї є ґ` are Ukrainian only,
    /// anything else is taken as Russian.
    fn of_word(word: &str) -> Slavic {
        if word.contains(['і', 'ї', 'є', 'ґ']) {
            Slavic::Uk
        } else {
            Slavic::Ru
        }
    }
}

/// What a [`SlavicTokenizer`] does with each word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Cyrillic words only, stemmed in this language.
    Stem(Slavic),
    /// Every word as a Latin key; Cyrillic words stemmed in this language, or in the one
    /// their letters suggest when `None`.
    Translit(Option<Slavic>),
}

/// The `uk_stem` analyzer.
pub fn uk_stem() -> TextAnalyzer {
    TextAnalyzer::from(SlavicTokenizer::new(Mode::Stem(Slavic::Uk)))
}

/// The `ru_stem` analyzer.
pub fn ru_stem() -> TextAnalyzer {
    TextAnalyzer::from(SlavicTokenizer::new(Mode::Stem(Slavic::Ru)))
}

/// The `translit` analyzer (query side: the language of a Cyrillic word is guessed from its
/// letters; `translit_tokens` indexes an article's words in the article's language).
pub fn translit() -> TextAnalyzer {
    TextAnalyzer::from(SlavicTokenizer::new(Mode::Translit(None)))
}

/// The `translit` tokens of an article's text in its language, for
/// `TantivyDocument::add_pre_tokenized_text`: the keys of its capitalised Cyrillic words
/// (names, and the first words of sentences), as the `translit` analyzer makes them but with
/// each word stemmed in `lang` rather than in a guessed language, and the English names of
/// the places among them ([`EXONYMS`]).
pub(crate) fn translit_tokens(text: &str, lang: Slavic) -> PreTokenizedString {
    let mut tokenizer = SlavicTokenizer::new(Mode::Translit(Some(lang)));
    let mut stream = tokenizer.token_stream(text);
    let mut tokens = Vec::new();
    while stream.advance() {
        tokens.push(stream.token().clone());
    }
    PreTokenizedString {
        // The text is not stored and the tokens carry their own terms: keep no copy.
        text: String::new(),
        tokens,
    }
}

/// The tokenizer behind the three analyzers.
#[derive(Clone)]
pub(crate) struct SlavicTokenizer {
    mode: Mode,
    token: Token,
}

impl SlavicTokenizer {
    fn new(mode: Mode) -> Self {
        SlavicTokenizer {
            mode,
            token: Token::default(),
        }
    }
}

impl Tokenizer for SlavicTokenizer {
    type TokenStream<'a> = SlavicStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> SlavicStream<'a> {
        self.token.reset();
        SlavicStream {
            text,
            at: 0,
            token: &mut self.token,
            mode: self.mode,
            pending: Vec::new(),
        }
    }
}

/// The token stream of [`SlavicTokenizer`].
pub(crate) struct SlavicStream<'a> {
    text: &'a str,
    at: usize,
    token: &'a mut Token,
    mode: Mode,
    /// English names of the last word ([`EXONYMS`]), still to be given at its position.
    pending: Vec<&'static str>,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

impl SlavicStream<'_> {
    /// The next word: its byte range, or `None` at the end of the text.
    fn next_word(&mut self) -> Option<(usize, usize)> {
        let text = self.text;
        let start = text[self.at..]
            .char_indices()
            // `ʼ` is a letter to Unicode (a modifier letter) but an apostrophe here.
            .find(|&(_, c)| c.is_alphanumeric() && !is_apostrophe(c))
            .map(|(i, _)| self.at + i)?;
        let mut end = start;
        let mut chars = text[start..].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if is_apostrophe(c) {
                // Inside a word only: a letter on both sides.
                let before = text[..start + i].chars().next_back();
                let after = chars.peek().map(|&(_, n)| n);
                if before.is_some_and(char::is_alphabetic)
                    && after.is_some_and(|n| n.is_alphabetic() && !is_apostrophe(n))
                {
                    continue;
                }
                break;
            }
            if !c.is_alphanumeric() {
                break;
            }
            end = start + i + c.len_utf8();
        }
        self.at = end.max(start + 1);
        // A word cut at a stray apostrophe still moves past it.
        while !self.text.is_char_boundary(self.at) {
            self.at += 1;
        }
        Some((start, end))
    }

    fn stem(&mut self, lang: Slavic, word: &mut String) {
        match lang {
            Slavic::Uk => stem_uk(word),
            Slavic::Ru => stem_ru(word),
        }
    }
}

impl TokenStream for SlavicStream<'_> {
    fn advance(&mut self) -> bool {
        if let Some(name) = self.pending.pop() {
            self.token.text.clear();
            self.token.text.push_str(name);
            return true;
        }
        loop {
            self.token.position = self.token.position.wrapping_add(1);
            let Some((from, to)) = self.next_word() else {
                return false;
            };
            if to <= from || to - from >= MAX_TOKEN_LEN {
                continue;
            }
            let mut word = String::with_capacity(to - from);
            for c in self.text[from..to].chars() {
                match c {
                    'ё' | 'Ё' => word.push('е'),
                    c if is_apostrophe(c) => word.push('\''),
                    c => word.extend(c.to_lowercase()),
                }
            }
            let cyrillic = word.chars().any(is_cyrillic);
            // An article gives `translit` its names only: capitalised Cyrillic words. Common
            // words would meet English words by accident (`чин` → `chin` is `China`'s key),
            // and their Latin words are in `body` already.
            if matches!(self.mode, Mode::Translit(Some(_)))
                && !(cyrillic && self.text[from..to].starts_with(char::is_uppercase))
            {
                continue;
            }
            let text = match self.mode {
                Mode::Stem(lang) => {
                    if !cyrillic {
                        continue;
                    }
                    self.stem(lang, &mut word);
                    word
                }
                Mode::Translit(lang) => {
                    if cyrillic {
                        let guessed = lang.unwrap_or_else(|| Slavic::of_word(&word));
                        self.stem(guessed, &mut word);
                        // Articles give the English names of their places; a query word
                        // need not (it matches the Latin key those articles also hold).
                        if lang.is_some() {
                            if let Some(names) = exonyms(guessed).get(word.as_str()) {
                                self.pending.extend(names.iter().map(String::as_str));
                            }
                        }
                        word = transliterate(&word, guessed);
                    }
                    let key = fold_latin(&word);
                    // Keys of one or two letters match too much by accident.
                    if key.chars().count() < 3 {
                        continue;
                    }
                    key
                }
            };
            self.token.text = text;
            self.token.offset_from = from;
            self.token.offset_to = to;
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

/// English names of places and countries that transliteration cannot reach (`Москва` is
/// `Moskva`, not `Moscow`), with their Ukrainian and Russian base forms. An article's word
/// whose stem is the stem of one of these forms is also indexed under the English name's
/// `translit` key(s). A stop-gap list for news about Ukraine and Russia, until the
/// gazetteer's alternate names can fill it.
#[rustfmt::skip]
const EXONYMS: &[(&str, &[&str])] = &[
    ("Moscow", &["Москва"]),
    ("Russia", &["Росія", "Россия"]),
    ("Ukraine", &["Україна", "Украина"]),
    ("Germany", &["Німеччина", "Германия"]),
    ("France", &["Франція", "Франция"]),
    ("Britain", &["Британія", "Британия"]),
    ("Great Britain", &["Великобританія", "Великобритания"]),
    ("China", &["Китай"]),
    ("Japan", &["Японія", "Япония"]),
    ("Poland", &["Польща", "Польша"]),
    ("Belarus", &["Білорусь", "Беларусь", "Белоруссия"]),
    ("Ireland", &["Ірландія", "Ирландия"]),
    ("Scotland", &["Шотландія", "Шотландия"]),
    ("Europe", &["Європа", "Европа"]),
    ("European Union", &["Євросоюз", "Евросоюз"]),
    ("America", &["Америка"]),
    ("United States USA", &["США"]),
    ("Washington", &["Вашингтон"]),
    ("Brussels", &["Брюссель"]),
    ("Warsaw", &["Варшава"]),
    ("Paris", &["Париж"]),
    ("Vienna", &["Відень", "Вена"]),
    ("Rome", &["Рим"]),
    ("Geneva", &["Женева"]),
    ("Beijing", &["Пекін", "Пекин"]),
    ("Turkey", &["Туреччина", "Турция"]),
    ("Italy", &["Італія", "Италия"]),
    ("Spain", &["Іспанія", "Испания"]),
    ("Austria", &["Австрія", "Австрия"]),
    ("Sweden", &["Швеція", "Швеция"]),
    ("Denmark", &["Данія", "Дания"]),
    ("Netherlands", &["Нідерланди", "Нидерланды"]),
    ("Greece", &["Греція", "Греция"]),
    ("Hungary", &["Угорщина", "Венгрия"]),
    ("Georgia", &["Грузія", "Грузия"]),
    ("Israel", &["Ізраїль", "Израиль"]),
    ("Syria", &["Сирія", "Сирия"]),
    ("India", &["Індія", "Индия"]),
    ("Crimea", &["Крим", "Крым"]),
    ("Kremlin", &["Кремль"]),
    ("Kyiv Kiev", &["Київ", "Киев"]),
];

/// Stem → `translit` keys of its English names, for one language ([`EXONYMS`]).
fn exonyms(lang: Slavic) -> &'static std::collections::HashMap<String, Vec<String>> {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static UK: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    static RU: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    let cell = match lang {
        Slavic::Uk => &UK,
        Slavic::Ru => &RU,
    };
    cell.get_or_init(|| {
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        for (english, forms) in EXONYMS {
            for form in *forms {
                let mut stem = form.to_lowercase();
                match lang {
                    Slavic::Uk => stem_uk(&mut stem),
                    Slavic::Ru => stem_ru(&mut stem),
                }
                let keys = map.entry(stem).or_default();
                for word in english.split(' ') {
                    let key = fold_latin(word);
                    if !keys.contains(&key) {
                        keys.push(key);
                    }
                }
            }
        }
        map
    })
}

const UK_VOWELS: &[char] = &['а', 'е', 'є', 'и', 'і', 'ї', 'о', 'у', 'ю', 'я'];
const RU_VOWELS: &[char] = &['а', 'е', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я'];

/// Endings `stem_uk` removes: case endings of nouns and adjectives, and the commonest verb
/// endings, but none that ends in `в` (names end so: `Ярослав`). Not the genitive plural
/// `-ів`/`-їв`: it is also the end of the nominative of the
/// place names that matter most (`Київ`, `Харків`, `Львів`), which must keep their `в`; nor
/// the dative `-ові`, which would cut their locative (`у Харкові`) short.
#[rustfmt::skip]
const UK_ENDINGS: &[&str] = &[
    "ими", "іми", "ого", "ому", "ами", "ями", "ати",
    "яти", "ити", "іти", "уть", "ють", "ать", "ять", "ить", "іть", "ємо", "имо", "ете", "ите",
    "ла", "ло", "ли", "ої", "ою", "ею", "єю", "ій", "ий", "их", "іх", "им", "ім", "ах", "ях",
    "ом", "ем", "єм", "ам", "ям", "ей", "ає", "ує", "а", "я", "у", "ю", "і", "ї", "е", "є", "о",
    "и", "й", "ь",
];

/// Endings `stem_ru` removes: case endings of nouns and adjectives, and the commonest verb
/// endings. Not `-ов`/`-ев`/`-ин`, the ends of surnames and places (`Лавров`, `Киев`,
/// `Путин`), whose other forms keep them (`Лаврова`, `Киеве`, `Путину`), nor the verb endings
/// that end in a consonant (`-ут`, `-ал`): they are also the ends of names (`Бахмут`,
/// `Ярослав`). `-ом`/`-ем` stay: the instrumental is far commoner than a name ending so
/// (`Газпром` and `Газпрому` → `газпр`, apart from `Газпрома` → `газпром`, are the price).
#[rustfmt::skip]
const RU_ENDINGS: &[&str] = &[
    "ыми", "ими", "ого",
    "его", "ому", "ему", "ами", "ями", "ать", "ять", "ить", "еть", "уть", "ешь", "ишь", "ете",
    "ите", "ает", "ует", "ают", "уют", "ала", "ила", "ало", "или", "али", "ая", "яя", "ое",
    "ее", "ые", "ие", "ый", "ий", "ой", "ей", "ым", "им", "ых", "их", "ую", "юю", "ом", "ем",
    "ах", "ях", "ам", "ям", "ою", "ию", "ия", "ии", "ла", "ло", "ли", "а", "я", "о", "е", "у",
    "ю", "ы", "и", "й", "ь",
];

/// A light Ukrainian stemmer (see [`stem_light`]), which also writes the vowel of a closed
/// last syllable as `і`: Ukrainian alternates `і` with `о`/`е` there (`Київ`/`Києва`,
/// `Харків`/`Харкова`, `Львів`/`Львова`), and the stems must meet.
pub(crate) fn stem_uk(word: &mut String) {
    stem_light(word, UK_ENDINGS, UK_VOWELS);
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    if n >= 3 {
        let (v, c) = (chars[n - 2], chars[n - 1]);
        if matches!(v, 'о' | 'е' | 'є' | 'ї') && !UK_VOWELS.contains(&c) && c != 'ь' && c != '\''
        {
            let mut out: String = chars[..n - 2].iter().collect();
            out.push('і');
            out.push(c);
            *word = out;
        }
    }
}

/// A light Russian stemmer (see [`stem_light`]). Snowball's Russian stemmer (which tantivy
/// ships) was tried first and cuts names unevenly: `Пакистан` → `пакиста` but `Пакистане` →
/// `пакистан`, `Газпром` → `газпр` but `Газпрома` → `газпром`, `Байден` → `байд`, `Киев` →
/// `ки` but `Киева` → `киев`, so a name's case forms did not meet.
pub(crate) fn stem_ru(word: &mut String) {
    stem_light(word, RU_ENDINGS, RU_VOWELS);
}

/// Drops a reflexive `-ся`/`-сь`, then the longest of `endings` that leaves at least three
/// letters with a vowel among them, then a soft sign or a last vowel (`заявила` and `заявив`
/// → `заяв`).
fn stem_light(word: &mut String, endings: &[&str], vowels: &[char]) {
    let letters = |s: &str| s.chars().count();
    let has_vowel = |s: &str| s.chars().any(|c| vowels.contains(&c));
    for reflexive in ["ся", "сь"] {
        if let Some(stem) = word.strip_suffix(reflexive) {
            if letters(stem) >= 4 && has_vowel(stem) {
                word.truncate(stem.len());
                break;
            }
        }
    }
    let mut best: Option<usize> = None;
    for ending in endings {
        if let Some(stem) = word.strip_suffix(ending) {
            if letters(stem) >= 3 && has_vowel(stem) {
                best = Some(best.map_or(stem.len(), |b| b.min(stem.len())));
            }
        }
    }
    if let Some(len) = best {
        word.truncate(len);
    }
    if let Some(last) = word.chars().next_back() {
        if (last == 'ь' || vowels.contains(&last)) && letters(word) > 3 {
            let cut = word.len() - last.len_utf8();
            if has_vowel(&word[..cut]) {
                word.truncate(cut);
            }
        }
    }
}

/// A lower-case Cyrillic word in Latin letters: Ukrainian by the KMU 55:2010 table,
/// Russian by BGN/PCGN, both in their forms inside a word (the forms at the start of a word,
/// `ye`/`yi`/`yu`/`ya`, fold to the same key). Soft and hard signs and apostrophes are
/// dropped; other characters stay.
pub(crate) fn transliterate(word: &str, lang: Slavic) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        let latin: &str = match (c, lang) {
            ('а', _) => "a",
            ('б', _) => "b",
            ('в', _) => "v",
            ('г', Slavic::Uk) => "h",
            ('г', Slavic::Ru) => "g",
            ('ґ', _) => "g",
            ('д', _) => "d",
            ('е', Slavic::Uk) => "e",
            ('е', Slavic::Ru) => "ye",
            ('є', _) => "ie",
            ('ж', _) => "zh",
            ('з', _) => "z",
            ('и', Slavic::Uk) => "y",
            ('и', Slavic::Ru) => "i",
            ('і', _) => "i",
            ('ї', _) => "i",
            ('й', _) => "y",
            ('к', _) => "k",
            ('л', _) => "l",
            ('м', _) => "m",
            ('н', _) => "n",
            ('о', _) => "o",
            ('п', _) => "p",
            ('р', _) => "r",
            ('с', _) => "s",
            ('т', _) => "t",
            ('у', _) => "u",
            ('ф', _) => "f",
            ('х', _) => "kh",
            ('ц', _) => "ts",
            ('ч', _) => "ch",
            ('ш', _) => "sh",
            ('щ', _) => "shch",
            ('ы', _) => "y",
            ('э', _) => "e",
            ('ю', Slavic::Uk) => "iu",
            ('ю', Slavic::Ru) => "yu",
            ('я', Slavic::Uk) => "ia",
            ('я', Slavic::Ru) => "ya",
            ('ь' | 'ъ' | '\'', _) => "",
            (c, _) => {
                out.push(c);
                continue;
            }
        };
        out.push_str(latin);
    }
    out
}

/// The key a Latin word is matched by in `translit`: the spellings of one name in different
/// romanisations and in English meet. `e i y j` are one letter (`i`), so are `g` and `h`
/// (`kh` too) and `v` and `w`; a doubled letter is one; vowels at the end are dropped from
/// keys longer than three letters (`Moskva` and `Москв-` meet, so do `Zelensky` and
/// `Зеленськ-`), and the `o` of a closed last syllable is `i`. Non-ASCII letters are kept as
/// they are.
pub(crate) fn fold_latin(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        let c = c.to_ascii_lowercase();
        let class = match c {
            'e' | 'i' | 'y' | 'j' => 'i',
            'g' | 'h' => 'h',
            'k' if chars.peek().is_some_and(|n| n.eq_ignore_ascii_case(&'h')) => {
                chars.next();
                'h'
            }
            'w' => 'v',
            'q' => 'k',
            '\'' => continue,
            c => c,
        };
        if out.ends_with(class) {
            continue;
        }
        out.push(class);
    }
    while out.chars().count() > 3 && out.ends_with(['a', 'o', 'u', 'i']) {
        out.pop();
    }
    // As `stem_uk` does, and for the same reason (`Kharkiv`/`Kharkov`, `Lviv`/`Lvov`): an `o`
    // in a closed last syllable is written `i`.
    let bytes = out.as_bytes();
    let n = bytes.len();
    if n >= 3 && bytes[n - 2] == b'o' && !b"aoui".contains(&bytes[n - 1]) && out.is_ascii() {
        out.replace_range(n - 2..n - 1, "i");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(mut analyzer: TextAnalyzer, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while let Some(t) = stream.next() {
            out.push(t.text.clone());
        }
        out
    }

    fn one(analyzer: fn() -> TextAnalyzer, word: &str) -> String {
        let t = terms(analyzer(), word);
        assert_eq!(t.len(), 1, "{word}: {t:?}");
        t[0].clone()
    }

    #[test]
    fn ukrainian_case_forms_share_a_stem() {
        for forms in [
            &["Київ", "Києва", "Києві", "Києвом", "Київ"][..],
            &["Харків", "Харкова", "Харкові", "Харковом"],
            &["Львів", "Львова", "Львові"],
            &["Пакистан", "Пакистану", "Пакистані", "Пакистаном"],
            &["Тереза", "Терези", "Терезу", "Терезою"],
            &["Зеленський", "Зеленського", "Зеленському", "Зеленським"],
            &["Росія", "Росії", "Росію", "Росією"],
            &["Бахмут", "Бахмута", "Бахмуті", "Бахмутом"],
            &["заявила", "заявили", "заявило"],
        ] {
            let stems: Vec<String> = forms.iter().map(|w| one(uk_stem, w)).collect();
            assert!(
                stems.iter().all(|s| s == &stems[0]),
                "{forms:?} → {stems:?}"
            );
        }
    }

    #[test]
    fn russian_case_forms_share_a_stem_and_yo_is_folded() {
        for forms in [
            &["Пакистан", "Пакистана", "Пакистане", "Пакистаном"][..],
            &["Лондон", "Лондона", "Лондоне", "Лондоном", "Лондону"],
            &["Байден", "Байдена", "Байдену"],
            &["Лавров", "Лаврова", "Лавровым"],
            &["Навальный", "Навального", "Навальным"],
            &["Британия", "Британии", "Британию"],
            &["заявила", "заявили", "заявило"],
        ] {
            let stems: Vec<String> = forms.iter().map(|w| one(ru_stem, w)).collect();
            assert!(
                stems.iter().all(|s| s == &stems[0]),
                "{forms:?} → {stems:?}"
            );
        }
        assert_eq!(one(ru_stem, "Москвы"), one(ru_stem, "Москва"));
        assert_eq!(one(ru_stem, "Путина"), "путин");
        assert_eq!(one(ru_stem, "Киев"), one(ru_stem, "Киеве"));
        assert_eq!(one(ru_stem, "ещё"), one(ru_stem, "еще"));
        // Latin words of Russian articles are left to `body`.
        assert_eq!(terms(ru_stem(), "Nord Stream — «Северный поток»").len(), 2);
    }

    #[test]
    fn apostrophes_are_one_inside_words() {
        let forms = ["зобов'язання", "зобов’язання", "зобовʼязання"];
        let stems: Vec<Vec<String>> = forms.iter().map(|w| terms(uk_stem(), w)).collect();
        assert_eq!(stems[0].len(), 1, "{stems:?}");
        assert!(stems.iter().all(|s| s == &stems[0]), "{stems:?}");
        // Quote marks around a word are not part of it.
        assert_eq!(terms(uk_stem(), "'Київ' ’Київ’"), ["киів", "киів"]);
    }

    #[test]
    fn names_meet_across_scripts() {
        let key = |w: &str| one(translit, w);
        for (latin, cyrillic) in [
            ("Kyiv", &["Київ", "Києві", "Києва", "Киев", "Киеве"][..]),
            ("Kiev", &["Київ", "Киева"]),
            ("Bakhmut", &["Бахмут", "Бахмуті", "Бахмуте"]),
            ("Zelensky", &["Зеленський", "Зеленського", "Зеленский"]),
            ("Zelenskyi", &["Зеленським"]),
            ("Moskva", &["Москва", "Москве"]),
            ("Pakistan", &["Пакистан", "Пакистану", "Пакистане"]),
            ("Donetsk", &["Донецьк", "Донецька", "Донецке"]),
            ("Mariupol", &["Маріуполь", "Мариуполе"]),
            ("Kharkiv", &["Харків", "Харкові", "Харьков"]),
            ("Lviv", &["Львів", "Львове"]),
        ] {
            for c in cyrillic {
                assert_eq!(key(c), key(latin), "{c} vs {latin}");
            }
        }
        // What transliteration alone cannot do (see the README).
        assert_ne!(key("Трамп"), key("Trump"));
        assert_ne!(key("Москва"), key("Moscow"));
    }

    #[test]
    fn articles_carry_english_names_of_places() {
        let keys = |text: &str, lang| -> Vec<String> {
            translit_tokens(text, lang)
                .tokens
                .into_iter()
                .map(|t| t.text)
                .collect()
        };
        let moscow = one(translit, "Moscow");
        let ru = keys("в Москве и Германии", Slavic::Ru);
        assert!(ru.contains(&moscow), "{ru:?}");
        assert!(ru.contains(&one(translit, "Germany")), "{ru:?}");
        let uk = keys("до Москви, у Великій Британії, Великобританії", Slavic::Uk);
        assert!(uk.contains(&moscow), "{uk:?}");
        assert!(uk.contains(&one(translit, "Britain")), "{uk:?}");
        assert!(uk.contains(&one(translit, "Great")), "{uk:?}");
        // The English name sits at its word's position.
        let t = translit_tokens("Москва", Slavic::Ru).tokens;
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].position, t[1].position);
    }

    #[test]
    fn article_tokens_use_the_article_language() {
        // `Путіна` has a Ukrainian letter; `Путина` alone would be guessed Russian: in a
        // Ukrainian article, both are stemmed as Ukrainian.
        let t = translit_tokens("Путін і Путина, чин Chin", Slavic::Uk);
        let keys: Vec<&str> = t.tokens.iter().map(|t| t.text.as_str()).collect();
        // Names only: not the lower-case `чин`, nor a Latin word.
        assert_eq!(keys, ["putin", "putin"]);
        assert_eq!(t.tokens[1].position, 2);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "'",
            "’’’",
            "а'",
            "'а",
            "ʼʼа",
            "x\u{301}'ʼ",
            &"ї".repeat(30),
        ] {
            for a in [uk_stem(), ru_stem(), translit()] {
                terms(a, text);
            }
        }
    }
}
