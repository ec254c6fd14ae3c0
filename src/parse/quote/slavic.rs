//! Ukrainian and Russian conventions for quotes: their speech verbs (`заявил`, `сказав`,
//! `наголосив`…), and whether a span in «» (or "…", „…“) is speech at all. Russian and
//! Ukrainian papers put the names of firms, papers, products and projects in quote marks
//! (`«Газпром»`, `«Северный поток-2»`, `«Спутник V»`), and terms (`«хромая утка»`) too;
//! a short span is kept only when a speech frame surrounds it (`«Нет», — сказал он`,
//! `заявил: «Нет».`). Only spans in Cyrillic text are judged here: English is untouched.

use rustc_hash::FxHashMap as HashMap;

use super::spans::Quote;
use super::text::is_mark_char;
use crate::parse::name_case;

/// Stems of speech verbs whose past tense is the stem and `л`/`ла`/`ли`/`ло` (Russian) or
/// `в`/`ла`/`ли` (Ukrainian): `заяви` → `заявил`, `заявила`, `заявив`.
const PAST_STEMS: &[&str] = &[
    // Russian and Ukrainian alike.
    "заяви",
    "сказа",
    "написа",
    "поясни",
    "уточни",
    "повтори",
    "призна",
    "ответи",
    "добави",
    "подчеркну",
    "сообщи",
    "отмети",
    "замети",
    "рассказа",
    "объясни",
    "указа",
    "напомни",
    "предупреди",
    "констатирова",
    "резюмирова",
    "высказа",
    "говори",
    "призва",
    "пообеща",
    "завери",
    "цитирова",
    "процитирова",
    "добавля",
    "признава",
    "пожалова",
    "возрази",
    "парирова",
    "опроверг",
    "прокомментирова",
    "сказа",
    "ответи",
    "подытожи",
    "сформулирова",
    "уверя",
    "отмеча",
    "подчеркива",
    "рассказыва",
    "говори",
    "писа",
    "твитну",
    // Ukrainian.
    "зазначи",
    "наголоси",
    "повідоми",
    "дода",
    "підкресли",
    "розпові",
    "нагада",
    "відпові",
    "визна",
    "попереди",
    "констатува",
    "зауважи",
    "запевни",
    "переконува",
    "висловив",
    "заклика",
    "процитува",
    "пообіця",
    "прокоментува",
    "підсумува",
    "зазнача",
    "наголошува",
    "розповіда",
    "говори",
    "пише",
];

/// Past-tense endings after a [`PAST_STEMS`] stem.
const PAST_ENDINGS: &[&str] = &["л", "ла", "ли", "ло", "в"];

/// Speech verbs in other forms (present tense, impersonal, participles used as verbs).
const OTHER_FORMS: &[&str] = &[
    // Russian.
    "говорит",
    "говорят",
    "говорится",
    "считает",
    "считают",
    "полагает",
    "уверен",
    "уверена",
    "заявляет",
    "заявляют",
    "отмечает",
    "отмечают",
    "отмечается",
    "подчеркивает",
    "подчёркивает",
    "сообщает",
    "сообщают",
    "сообщается",
    "пишет",
    "пишут",
    "рассказывает",
    "объясняет",
    "поясняет",
    "уточняет",
    "добавляет",
    "признает",
    "признаёт",
    "напоминает",
    "предупреждает",
    "утверждает",
    "утверждают",
    "настаивает",
    "подчеркнула",
    "цитирует",
    "передает",
    "передаёт",
    "считал",
    "считала",
    "полагал",
    "утверждал",
    "утверждала",
    "настаивал",
    "настаивала",
    "заключил",
    "заключила",
    "признался",
    "призналась",
    "поделился",
    "поделилась",
    "выразил",
    "выразила",
    "убежден",
    "убеждена",
    "добавив",
    "отметив",
    "подчеркнув",
    "заявив",
    // Ukrainian.
    "каже",
    "кажуть",
    "говорить",
    "говорять",
    "вважає",
    "вважають",
    "заявляє",
    "заявляють",
    "зазначає",
    "зазначають",
    "зазначається",
    "наголошує",
    "повідомляє",
    "повідомляють",
    "повідомляється",
    "пише",
    "пишуть",
    "розповідає",
    "пояснює",
    "додає",
    "визнає",
    "нагадує",
    "переконаний",
    "переконана",
    "стверджує",
    "стверджують",
    "наполягає",
    "цитує",
    "вважав",
    "вважала",
    "стверджував",
    "стверджувала",
    "наполягав",
    "наполягала",
    "підсумував",
    "поділився",
    "поділилася",
    "висловився",
    "висловилася",
    "передає",
    "додавши",
    "наголосивши",
    "зазначивши",
    "заявивши",
];

/// Whether a lower-case word is a Russian or Ukrainian speech verb.
pub(super) fn is_speech_verb(word: &str) -> bool {
    if word.is_ascii() {
        return false;
    }
    OTHER_FORMS.contains(&word)
        || PAST_ENDINGS.iter().any(|end| {
            word.strip_suffix(end)
                .is_some_and(|stem| PAST_STEMS.contains(&stem))
        })
}

/// Whether a speech verb is a gerund that shares the subject of its sentence (`…, заявив,
/// что`, `додавши`): a Ukrainian `-вши`, or a `-в` form right after a comma (the Russian
/// gerund; a Ukrainian past tense there is rare).
pub(super) fn is_gerund(word: &str, after_comma: bool) -> bool {
    !word.is_ascii()
        && (word.ends_with("вши") || after_comma && word.ends_with('в'))
        && is_speech_verb(word)
}

/// `по словам X`, `за словами X`, `по мнению X`, `на думку X`: `X` is the speaker, as after `according to`.
pub(super) fn is_according_to(first: &str, second: &str) -> bool {
    matches!(
        (first, second),
        ("по", "словам") | ("за", "словами") | ("по", "мнению") | ("на", "думку")
    )
}

/// Whether a lower-case Russian or Ukrainian speech verb (Slavic papers put the speaker
/// after it as often as before: `Об этом заявил Дональд Туск`).
pub(super) fn is_inverting_verb(word: &str) -> bool {
    !word.is_ascii() && is_speech_verb(word)
}

/// Stems of nouns for people that stand, after a speech verb, for the person last named
/// (`— говорит собеседник агентства`, `— поясняет политолог`, `— сказав міністр`).
const ROLE_STEMS: &[&str] = &[
    "собеседни",
    "співрозмовни",
    "политолог",
    "політолог",
    "эксперт",
    "експерт",
    "аналитик",
    "аналітик",
    "министр",
    "міністр",
    "президент",
    "премьер",
    "прем'єр",
    "прем’єр",
    "глава",
    "посол",
    "представител",
    "представни",
    "спикер",
    "речни",
    "депутат",
    "профессор",
    "професор",
    "врач",
    "лікар",
    "учен",
    "вчен",
    "директор",
    "руководител",
    "керівни",
    "политик",
    "політик",
    "сенатор",
    "губернатор",
    "мэр",
    "мер",
    "канцлер",
    "адвокат",
    "юрист",
    "социолог",
    "соціолог",
    "экономист",
    "економіст",
    "дипломат",
    "чиновни",
    "посадовец",
    "посадовиц",
    "генсек",
    "автор",
    "журналист",
    "журналіст",
    "вирусолог",
    "вірусолог",
    "иммунолог",
    "імунолог",
    "инфекционист",
    "інфекціоніст",
    "епідеміолог",
    "эпидемиолог",
    "глав",
];

/// Whether a lower-case word is a noun for a speaking person (see [`ROLE_STEMS`]).
pub(super) fn is_role_noun(word: &str) -> bool {
    !word.is_ascii()
        && ROLE_STEMS
            .iter()
            .any(|s| word.starts_with(s) && word.chars().count() <= s.chars().count() + 4)
}

/// `как`/`як` before an inverted speech verb: `как заявил Путин, «…»`.
pub(super) fn is_as(word: &str) -> bool {
    matches!(word, "как" | "як")
}

/// Pronouns that stand for a person named before them (`he`, `she` in English).
pub(super) const PRONOUNS: &[&str] = &["он", "она", "він", "вона"];

/// Nouns (their stems) that name a kind of organisation, paper, product or project: a
/// capitalised quote right after one is its name (`компания «Газпром»`, `газета «Известия»`,
/// `проект «Северный поток-2»`, `вакцина «Спутник V»`).
const NAMED_KIND_STEMS: &[&str] = &[
    "компани",
    "компані",
    "газет",
    "журнал",
    "издани",
    "видани",
    "агентств",
    "агентств",
    "телеканал",
    "канал",
    "радио",
    "радіо",
    "проект",
    "проєкт",
    "парти",
    "парті",
    "вакцин",
    "препарат",
    "газопровод",
    "газопровід",
    "трубопровод",
    "концерн",
    "фонд",
    "центр",
    "организаци",
    "організаці",
    "объединени",
    "об'єднанн",
    "движени",
    "рух",
    "банк",
    "завод",
    "холдинг",
    "корпораци",
    "корпораці",
    "операци",
    "операці",
    "программ",
    "програм",
    "фирм",
    "фірм",
    "сайт",
    "портал",
    "групп",
    "груп",
    "клуб",
    "фильм",
    "фільм",
    "книг",
    "закон",
    "акци",
    "акці",
    "ассоциаци",
    "асоціаці",
    "союз",
    "блок",
    "коалици",
    "коаліці",
    "форум",
    "проекта",
    "оо",
    "ооо",
    "оао",
    "зао",
    "ао",
    "пат",
    "тов",
    "нак",
    "иа",
    "миа",
    "гк",
    "нпо",
    "предприяти",
    "підприємств",
    "издательств",
    "видавництв",
    "студи",
    "студі",
    "марк",
    "бренд",
    "поток",
    "поток",
    "платформ",
    "сеть",
    "мереж",
    "комитет",
    "комітет",
    "штаб",
    "институт",
    "інститут",
    "университет",
    "університет",
    "служб",
    "ведомств",
    "отчет",
    "звіт",
    "доклад",
    "доповід",
    "статт",
    "стать",
    "передач",
    "шоу",
    "программе",
];

/// Most words of a span that the rules here judge; longer spans are speech.
const MAX_JUDGED_WORDS: usize = 6;

/// Most words of a span that must have a speech frame to be kept.
const MAX_FRAMELESS_WORDS: usize = 3;

/// Removes the spans in Cyrillic text that are names or terms rather than speech: a span of
/// up to [`MAX_FRAMELESS_WORDS`] words without a speech frame around it, and a capitalised
/// one of up to [`MAX_JUDGED_WORDS`] right after a noun such as `компания` or `газета` or
/// after a preposition (`с «Газпромом»`). A short span in a frame stays (`«Нет», — сказал он`, `заявил: «Нет».`,
/// `ответил «нет»`), unless it is a name after such a noun. `speech_verb` tells a speech
/// verb of any language (`“Так,” said Ivan` is framed too).
pub(super) fn drop_non_speech(
    chars: &[char],
    quotes: &mut Vec<Quote>,
    speech_verb: fn(&str) -> bool,
) {
    quotes.retain(|q| {
        if !cyrillic_context(chars, q) {
            return true;
        }
        let words = q
            .text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        if words == 0 || words > MAX_JUDGED_WORDS {
            return true;
        }
        if name_shaped(&q.text) && (after_named_kind(chars, q) || governed(chars, q)) {
            return false;
        }
        words > MAX_FRAMELESS_WORDS || framed(chars, q, speech_verb)
    });
}

/// Whether the span or the words right before it are in Cyrillic.
fn cyrillic_context(chars: &[char], q: &Quote) -> bool {
    let cyrillic = |c: &char| matches!(c, '\u{0400}'..='\u{04FF}');
    q.text.chars().any(|c| cyrillic(&c))
        || chars[q.start.saturating_sub(40)..q.start]
            .iter()
            .any(cyrillic)
}

/// A name rather than a sentence: it opens with a capital, a digit or a Latin letter, and
/// ends without sentence punctuation.
fn name_shaped(text: &str) -> bool {
    let text = text.trim();
    text.starts_with(|c: char| c.is_uppercase() || c.is_numeric() || c.is_ascii_alphabetic())
        && !text.ends_with(['.', '!', '?', '…', ','])
}

/// Prepositions: a capitalised span right after one is a name in its case (`с «Газпромом»`,
/// `у «Нафтогазі»`), not something said.
const PREPOSITIONS: &[&str] = &[
    "в",
    "во",
    "с",
    "со",
    "у",
    "на",
    "к",
    "ко",
    "от",
    "из",
    "для",
    "о",
    "об",
    "про",
    "по",
    "при",
    "за",
    "перед",
    "между",
    "між",
    "з",
    "із",
    "зі",
    "до",
    "від",
    "через",
    "под",
    "під",
    "над",
    "без",
    "після",
    "после",
    "против",
    "проти",
    "возле",
    "біля",
];

/// Whether the word before the opening mark is a preposition.
fn governed(chars: &[char], q: &Quote) -> bool {
    word_before(chars, open_mark(chars, q)).is_some_and(|w| PREPOSITIONS.contains(&w.as_str()))
}

/// Whether the word before the opening mark is a noun for a kind of organisation, paper or
/// product (`компании «…»`, `ООО «…»`).
fn after_named_kind(chars: &[char], q: &Quote) -> bool {
    let Some(word) = word_before(chars, open_mark(chars, q)) else {
        return false;
    };
    NAMED_KIND_STEMS
        .iter()
        .any(|stem| word.starts_with(stem) && word.chars().count() <= stem.chars().count() + 3)
}

/// Index of the first opening mark of `q` (before any marks and spaces right before its
/// text).
fn open_mark(chars: &[char], q: &Quote) -> usize {
    let mut i = q.start;
    while i > 0 && is_mark_char(chars[i - 1]) {
        i -= 1;
    }
    i
}

/// Index just past the closing mark(s) of `q`.
fn close_mark(chars: &[char], q: &Quote) -> usize {
    let mut j = q.end;
    while j < chars.len() && is_mark_char(chars[j]) {
        j += 1;
    }
    j
}

/// The lower-case word ending right before `at` (spaces between allowed, not a line break).
fn word_before(chars: &[char], at: usize) -> Option<String> {
    let mut end = at;
    while end > 0 && chars[end - 1] == ' ' {
        end -= 1;
    }
    let mut i = end;
    while i > 0 && (chars[i - 1].is_alphanumeric() || matches!(chars[i - 1], '\'' | '’' | '-')) {
        i -= 1;
    }
    (i < end).then(|| {
        chars[i..end]
            .iter()
            .flat_map(|c| c.to_lowercase())
            .collect()
    })
}

/// The first `n` lower-case words from `at` on, within the line.
fn words_after(chars: &[char], mut at: usize, n: usize) -> Vec<String> {
    let mut out = Vec::new();
    while out.len() < n && at < chars.len() {
        while at < chars.len() && matches!(chars[at], ' ' | ',' | '\u{a0}') {
            at += 1;
        }
        let from = at;
        while at < chars.len() && (chars[at].is_alphanumeric() || matches!(chars[at], '-' | '\'')) {
            at += 1;
        }
        if at == from {
            break;
        }
        out.push(
            chars[from..at]
                .iter()
                .flat_map(|c| c.to_lowercase())
                .collect(),
        );
    }
    out
}

/// Whether a speech frame surrounds the span: a speech verb among the three words after it,
/// behind a comma or a dash (`«…», — сказал он`, `«…» — заявил Путин`, `«…», Путин
/// заявил`), a colon before it that the span answers to the end of its sentence (`заявил:
/// «Нет».`), or a speech verb right before it (`ответил «нет»`). `speech_verb` tells speech
/// verbs of every language.
fn framed(chars: &[char], q: &Quote, speech_verb: fn(&str) -> bool) -> bool {
    let mut j = close_mark(chars, q);
    // A comma outside the marks belongs to the sentence around the span (`спор с
    // «Газпромом», говорит он`); only a dash or punctuation inside joins a frame.
    let mut joined = q.text.trim_end().ends_with([',', '!', '?', '…']);
    while j < chars.len() && matches!(chars[j], ',' | '!' | '?' | '…' | ' ' | '\u{a0}') {
        j += 1;
    }
    if j < chars.len() && matches!(chars[j], '—' | '–' | '-' | '―') {
        joined = true;
        j += 1;
    }
    if joined && words_after(chars, j, 3).iter().any(|w| speech_verb(w)) {
        return true;
    }
    let open = open_mark(chars, q);
    let mut i = open;
    while i > 0 && matches!(chars[i - 1], ' ' | '\u{a0}') {
        i -= 1;
    }
    if i > 0 && chars[i - 1] == ':' {
        let text = q.text.trim_end();
        let after = close_mark(chars, q);
        return text.ends_with(['.', '!', '?', '…'])
            || chars
                .get(after)
                .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n'));
    }
    word_before(chars, open).is_some_and(|w| speech_verb(&w)) && !name_shaped(&q.text)
}

/// Words that open a sentence or a clause and stand before a name without being part of
/// it (`Также Трамп`, `Новости Юрий Рогулев`), when the article never writes them in lower
/// case (it usually does, and that is the main test).
const FILLERS: &[&str] = &[
    "также",
    "ранее",
    "затем",
    "потом",
    "тогда",
    "новости",
    "однако",
    "кроме",
    "тобто",
    "також",
    "раніше",
    "потім",
    "тоді",
    "новини",
    "проте",
    "однак",
    "зокрема",
    "впрочем",
    "втім",
    "итак",
    "отже",
    "муж",
    "жена",
    "сын",
    "дочь",
    "чоловік",
    "дружина",
    "син",
    "донька",
    "эксперт",
    "експерт",
    "собеседник",
    "собеседники",
    "співрозмовник",
    "источник",
    "джерело",
    "накануне",
    "наразі",
    "наконец",
    "нарешті",
    "напротив",
    "навпаки",
];

/// Endings of abstract nouns (`Заявление`, `Повноваження`, `Организация`), which no
/// personal name has.
const NOUN_ENDINGS: &[&str] = &[
    "ние", "ння", "ция", "ція", "ство", "ства", "ців", "ость", "ість", "тель", "ник", "чик",
];

/// Puts each Cyrillic speaker in its base form with nothing glued on: leading words that are
/// not part of the name go (an acronym such as `СПбГУ`, a word the article writes in lower
/// case elsewhere such as `Также` or `Профессор`), and every word of the name goes back to
/// the nominative by the rules of `name_case`, trusting a form the article itself uses
/// (`Терезы Мэй` → `Тереза Мэй` when the article has `Тереза`); after `по словам` / `за
/// словами` the name is a genitive, and goes back by [`name_case::from_genitive`] when the
/// article has no other form.
pub(super) fn base_forms(body: &str, quotes: &mut [Quote]) {
    let cyrillic = |s: &str| s.chars().any(|c| matches!(c, '\u{0400}'..='\u{04FF}'));
    if !quotes
        .iter()
        .any(|q| q.speakers.iter().any(|s| cyrillic(s)))
    {
        return;
    }
    let mut words: HashMap<&str, u32> = HashMap::default();
    for w in body
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | 'ʼ')))
        .filter(|w| !w.is_empty())
    {
        *words.entry(w).or_default() += 1;
    }
    let ukrainian = body.contains(['і', 'ї', 'є', 'ґ']);
    for q in quotes.iter_mut() {
        if !q.speakers.iter().any(|s| cyrillic(s)) {
            continue;
        }
        let speakers = std::mem::take(&mut q.speakers);
        for speaker in speakers {
            if !cyrillic(&speaker) {
                q.speakers.push(speaker);
                continue;
            }
            // `по словам Владимира Путина`, `по мнению эксперта Константина Блохина`: the
            // name is a genitive whatever the article has.
            let genitive = body.match_indices(speaker.as_str()).take(8).any(|(at, _)| {
                let before = &body[..at];
                let from = before.char_indices().rev().nth(40).map_or(0, |(i, _)| i);
                let window = &before[from..];
                ["словам ", "словами ", "мнению ", "думку "]
                    .iter()
                    .filter_map(|cue| window.rfind(cue).map(|i| &window[i + cue.len()..]))
                    .any(|between| between.split_whitespace().count() <= 2)
            });
            if let Some(base) = base_form(&speaker, &words, ukrainian, genitive) {
                if !q.speakers.contains(&base) {
                    q.speakers.push(base);
                }
            }
        }
        q.speaker = q.speakers.first().cloned();
        if q.speaker.is_none() {
            q.role = None;
            q.speaker_kind = None;
        }
    }
}

/// [`base_forms`] of one speaker, given the article's words; `None` when what is left names
/// nobody.
fn base_form(
    speaker: &str,
    article: &HashMap<&str, u32>,
    ukrainian: bool,
    genitive: bool,
) -> Option<String> {
    let mut words: Vec<&str> = speaker.split_whitespace().collect();
    while words.len() > 1
        && name_case::is_cyrillic_word(words[1])
        && (not_name_part(words[0], article) || words.len() > 2 && genitive_like(words[0]))
    {
        words.remove(0);
    }
    if let [only] = words[..] {
        // A lone filler or abstract noun (`Впрочем`, `Заявление`), a word the article writes
        // in lower case more than once (`Министр`), or a place in the genitive (`Германии`)
        // names nobody.
        let lower = only.to_lowercase();
        if FILLERS.contains(&lower.as_str())
            || NOUN_ENDINGS.iter().any(|e| lower.ends_with(e))
            || article.get(lower.as_str()).is_some_and(|&n| n >= 2)
            || place_genitive(only)
        {
            return None;
        }
    }
    let one = |w: &str, last: bool| {
        let found = name_case::nominative(w, |c| article.contains_key(c), last, ukrainian);
        if genitive && found == w {
            name_case::from_genitive(w, ukrainian)
        } else {
            found
        }
    };
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        // A woman's first name keeps a surname in `-а` as written (`Мария Захарова`).
        let feminine = out.first().is_some_and(|f| f.ends_with(['а', 'я']));
        if feminine && w.ends_with(['а', 'я']) {
            out.push((*w).to_string());
        } else {
            out.push(one(w, i + 1 == words.len()));
        }
    }
    Some(out.join(" "))
}

/// A word in the genitive of a place or body before a person's full name (`Великобритании
/// Борис Джонсон`, `Німеччини Гайко Маас`).
fn genitive_like(word: &str) -> bool {
    place_genitive(word)
        || ["ого", "ской", "ської", "ского", "ського"]
            .iter()
            .any(|e| word.ends_with(e))
}

/// A word in the genitive of a place (`Германии`, `Німеччини`, `Франції`).
fn place_genitive(word: &str) -> bool {
    ["ии", "ії", "ини", "ины", "ої"]
        .iter()
        .any(|e| word.ends_with(e))
}

/// Whether the first word of a speaker is no part of the name: an acronym (`СПбГУ`, `США`),
/// a filler (`Также`), or a word the article writes in lower case (`Профессор`, `Ранее`).
fn not_name_part(word: &str, article: &HashMap<&str, u32>) -> bool {
    let lower = word.to_lowercase();
    // `СПбГУ`, `МИД`, not `Т.Мей`.
    let capitals = word.chars().filter(|c| c.is_uppercase()).count();
    let acronym = capitals >= 2 && !word.contains('.');
    // `Экс-глава`: a hyphened word whose second part is lower case is a description.
    let described = word
        .split_once('-')
        .is_some_and(|(_, rest)| rest.starts_with(char::is_lowercase) && rest.chars().count() > 3);
    acronym
        || described
        || FILLERS.contains(&lower.as_str())
        || NOUN_ENDINGS.iter().any(|e| lower.ends_with(e))
        || article.contains_key(lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::super::test_util::texts;
    use super::*;

    #[test]
    fn speech_verbs_in_both_languages() {
        for w in [
            "заявил",
            "заявила",
            "заявив",
            "сказал",
            "сказав",
            "наголосив",
            "повідомила",
            "подчеркнул",
            "отметила",
            "говорит",
            "каже",
            "зазначив",
        ] {
            assert!(is_speech_verb(w), "{w}");
        }
        for w in ["заявка", "сказка", "газпром", "said", "новости"] {
            assert!(!is_speech_verb(w), "{w}");
        }
    }

    #[test]
    fn names_and_terms_in_guillemets_are_not_speech() {
        assert!(texts("Арест наложен на акции «Газпрома» в Нидерландах.").is_empty());
        assert!(texts("Компания «Северный поток-2» подала иск.").is_empty());
        assert!(texts("Вакцина «Спутник V» зарегистрирована.").is_empty());
        assert!(texts("Президент стал «хромой уткой» после выборов.").is_empty());
        assert!(texts("Сообщает газета «Известия».").is_empty());
        assert!(texts("Литва начала спор с «Газпромом», говорит он.").is_empty());
        // A longer name after a noun for its kind.
        assert!(texts("Ассоциация «Авиалинии для Европы и Азии» подала петицию.").is_empty());
    }

    #[test]
    fn short_speech_in_a_frame_stays() {
        assert_eq!(texts("«Нет», — сказал он."), ["Нет"]);
        assert_eq!(texts("«Ні!» — відповіла вона."), ["Ні!"]);
        assert_eq!(
            texts("Путин заявил: «Это неприемлемо»."),
            ["Это неприемлемо"]
        );
        assert_eq!(texts("Он ответил «посмотрим» и ушёл."), ["посмотрим"]);
        // Long quotes are not judged here.
        assert_eq!(
            texts("По его словам, «мы не видим никаких причин для паники сейчас»."),
            ["мы не видим никаких причин для паники сейчас"]
        );
    }

    #[test]
    fn english_is_untouched() {
        assert_eq!(texts("“No,” he said."), ["No,"]);
    }
}

#[cfg(test)]
mod speakers {
    use super::super::test_util::who;

    #[test]
    fn russian_and_ukrainian_frames() {
        let long = "мы не видим никаких причин для паники сейчас";
        let uk = "ми не бачимо жодних причин для паніки зараз";
        for (body, speaker) in [
            (format!("По словам Владимира Путина, «{long}»."), "Владимир Путин"),
            (format!("«{long}», — сказал Владимир Путин."), "Владимир Путин"),
            (format!("Мария Захарова выступила. «{long}», — сказала она."), "Мария Захарова"),
            (format!("За словами Зеленського, «{uk}»."), "Зеленський"),
            (format!("Як зазначив Зеленський, «{uk}»."), "Зеленський"),
            (format!("Зеленський наголосив: «{uk}»."), "Зеленський"),
            (format!("Глава МИД Германии Хайко Маас заявил: «{long}»."), "Хайко Маас"),
            (format!("Как заявил премьер Великобритании Тереза Мэй, «{long}»."), "Тереза Мэй"),
            (format!("Судья Сакиб Насир процитировал Коран, заявив, что «{long}»."), "Сакиб Насир"),
            (format!("Ранее Дональд Трамп заявил, что уйдёт. «{long}»."), "Дональд Трамп"),
            (
                format!("Про це заявив президент Європейської ради Дональд Туск. «{uk}», - сказав він."),
                "Дональд Туск",
            ),
            (
                format!("Об этом сообщил политолог Дмитрий Дробницкий. «{long}», — говорит собеседник агентства."),
                "Дмитрий Дробницкий",
            ),
            (
                format!("По мнению эксперта Константина Блохина, США «{long}»."),
                "Константин Блохин",
            ),
            (
                format!("Лікарка, керівник центру Світлана Гук:\n\n«{uk}»."),
                "Світлана Гук",
            ),
            // The speaker after the verb, past a role and a place.
            (
                format!("Про це заявив президент Європейської ради Дональд Туск на саміті. «{uk}», - сказав він."),
                "Дональд Туск",
            ),
            (
                format!("Про те, які вакцини надійдуть в Україну, розповів міністр Максим Степанов.\n\n«{uk}», — сказав він."),
                "Максим Степанов",
            ),
            (
                format!("«{long}», - сказал РБК-Украина представитель комитета США Андрей Добрянский."),
                "Андрей Добрянский",
            ),
        ] {
            assert_eq!(who(&body), [speaker], "{body}");
        }
    }

    #[test]
    fn speakers_in_base_form_without_glued_words() {
        let long = "мы не видим никаких причин для паники сейчас";
        for (body, speaker) in [
            (
                format!("Тереза Мэй приехала. «{long}», — сказала премьер Терезы Мэй."),
                "Тереза Мэй",
            ),
            (
                format!("Трамп прилетел. Также Трамп заявил: «{long}». Он также уехал."),
                "Трамп",
            ),
            (
                format!("«{long}», — сказал эксперт СПбГУ Иван Цветков."),
                "Иван Цветков",
            ),
            (format!("«{long}», — заявил Зеленского."), "Зеленский"),
        ] {
            assert_eq!(who(&body), [speaker], "{body}");
        }
    }
}
