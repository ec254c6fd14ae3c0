//! Datelines: the `WASHINGTON (AP) — ` / `TRENTON, N.J. (AP) — ` / `LONDON, Feb 26 - ` /
//! `Kyiv (AFP) - ` / `МОСКВА, 15 янв — ` opening of a news story, shared by the wire, JSON, HTML
//! and BSNLP readers ([`in_body`]) and the lenient reading of a dedicated dateline field such as
//! Reuters' `<DATELINE>` ([`from_field`]).
//!
//! Body datelines must be unambiguous, because a false one invents a city: the place is in
//! capitals, or it is followed by a news agency or a date; acronyms and kickers (`FILE —`,
//! `EXCLUSIVE –`, `NATO —`) are not places. City names are returned as spelled; display forms
//! and aliases are [`super::city`]'s job.

use std::sync::LazyLock;

use regex::Regex;

use super::text::collapse;

/// A dateline found at the start of a text or in a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The place as spelled in the source, white space collapsed (`TRENTON`, `Kyiv`); empty
    /// when the dateline names only an agency and a date (`ТАСС, 10 августа.`).
    pub city: String,
    /// State or country part (`N.J.`, `Mo.`, `Senegal`).
    pub region: Option<String>,
    /// Month and day when the dateline carries a date (`Feb 26` → `(2, 26)`).
    pub month_day: Option<(u32, u32)>,
    /// Year when the dateline gives one.
    pub year: Option<i32>,
    /// News agency in parentheses (`AP`).
    pub agency: Option<String>,
    /// Byte length of the dateline in the text it was read from, dash and spaces included.
    pub len: usize,
}

/// How many paragraphs from the top of a body are searched: a headline, a standfirst, an
/// "ABSTRACT." block or a byline may come before the dateline, a section heading deep in the
/// story must not count.
pub const SEARCH_PARAGRAPHS: usize = 6;

/// Agencies that appear in parentheses after the place, lower case.
#[rustfmt::skip]
const AGENCIES: &[&str] = &[
    "ap", "afp", "reuters", "reuter", "upi", "dpa", "xinhua", "ians", "pti", "ani", "bloomberg",
    "cnn", "tass", "interfax", "ria novosti", "ukrinform", "unian", "efe", "ansa", "kyodo",
    "yonhap", "aap", "cp", "bns", "sputnik", "healthday", "kuna", "wam", "spa", "apa", "mena",
    "irna", "anadolu", "aa", "cna", "bernama", "antara", "ap photo", "the canadian press", "ips",
    "ina", "jta", "rnw", "nyt", "wwd", "ntb", "tt", "anp", "belga", "ats", "lusa", "pap", "ctk",
    "mti", "hina", "bta", "itar-tass", "итар-тасс", "тасс", "риа новости", "интерфакс",
    "укрінформ", "уніан", "прайм", "рбк", "интерфакс-украина", "укринформ", "униан",
];

/// Agencies that end a Russian or Ukrainian dateline without a dash, followed by a full stop.
const TAGS: &[&str] = &[
    "ПРАЙМ",
    "РИА Новости",
    "ТАСС",
    "Интерфакс",
    "Интерфакс-Украина",
    "УНИАН",
    "УНІАН",
    "Укрінформ",
    "Укринформ",
    "РБК",
    "Прайм",
];

/// Capitalised openings that are kickers, labels or acronyms, not places (lower case).
#[rustfmt::skip]
const NOT_PLACES: &[&str] = &[
    "exclusive", "breaking", "breaking news", "update", "updated", "updates", "correction",
    "corrected", "clarification", "editor's note", "editor’s note", "editors note", "note",
    "watch", "video", "videos", "photos", "photo", "audio", "live", "analysis", "opinion",
    "editorial", "commentary", "review", "fact check", "op-ed", "sponsored", "advertisement",
    "developing", "related", "read more", "more", "also", "file", "abstract", "full text",
    "top stories", "letters", "urgent", "flash", "bulletin", "advisory", "alert", "new", "nato",
    "usa", "u.s.a.", "gop", "faq", "q&a", "transcript", "summary", "background", "context",
    "obituary", "sports", "business", "world", "politics", "listen", "graphic", "chart", "map",
    "warning", "spoiler", "poll", "quiz", "covid", "covid-19", "posted", "published", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tonight", "сша",
    "ес", "рф", "оон", "нато", "фото", "видео", "обновлено", "оновлено", "коронавирус",
];

const CAPS_WORD: &str = r"\p{Lu}[\p{Lu}\p{M}.'’\-]*";
const TITLE_WORD: &str = r"\p{Lu}[\p{L}\p{M}.'’\-]*";
const PARTICLE: &str =
    r"(?:de|da|do|dos|das|del|della|di|la|le|les|el|al|am|an|upon|on|sur|en|im|aan|van|von)";

/// A dateline at the start of a paragraph: place, optional region, optional date, optional
/// agency, then a dash. Validated further in [`at_start`].
static STRICT: LazyLock<Regex> = LazyLock::new(|| {
    // `_` stands for a space or tab, including no-break and other Unicode spaces.
    let city = format!(
        r"(?P<city>{CAPS_WORD}(?:_{CAPS_WORD}){{0,3}}|{TITLE_WORD}(?:_(?:{TITLE_WORD}|{PARTICLE})){{0,3}})"
    );
    let region = r"(?:,_*(?P<region>\p{Lu}[\p{L}.'’]*(?:_\p{Lu}[\p{L}.'’]*){0,2}))?";
    let date = r"(?:,?_+(?:(?P<mon>\p{L}{3,10})\.?_+(?P<day>\d{1,2})|(?P<day2>\d{1,2})_+(?P<mon2>\p{L}{3,10})\.?)(?:,?_+(?P<year>\d{4}))?)?";
    // `Nagpur (India) (AFP) –`: a country in parentheses before the agency.
    let paren_region = r"(?:_*\((?P<pregion>\p{Lu}[\p{L}.'’ ]{1,30})\))?";
    let agency = r"(?:,?_*\((?P<agency>[^()\n]{1,30})\))?";
    // Russian and Ukrainian wires may give the agency after the date without a dash
    // (`ЛОНДОН, 9 июл ПРАЙМ.`); only a known agency there ends a dateline (see `TAGS`).
    // TASS puts its name between slashes after the date (`КРАСНОЯРСК, 10 августа. /ТАСС/.`),
    // Interfax its site (`Москва. 30 апреля. INTERFAX.RU -`).
    let dash = format!(
        r"(?:(?P<dash>_*[—–―][—–―\-]*|_*--+|_+-|-_)_*|_+(?P<tag>{})\._*|_*/(?P<slash>ТАСС|ИТАР-ТАСС)/\._*|_+(?P<site>INTERFAX\.RU)_*[—–―\-]_*)",
        TAGS.join("|")
    );
    let pattern = format!("^{city}{region}{date}{paren_region}{agency}{dash}");
    Regex::new(&pattern.replace('_', r"[\t\p{Zs}]")).expect("constant regex")
});

/// A Russian or Ukrainian dateline that names only the agency and the date (`ТАСС, 10
/// августа.`, `РИА Новости, 5 марта –`): no place.
static AGENCY_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"^(?P<agency>{}),_+(?P<day>\d{{1,2}})_+(?P<mon>\p{{L}}{{3,10}})\.?(?:,?_+(?P<year>\d{{4}}))?(?:_*[—–―\-]_*|\.?_+)",
        TAGS.join("|")
    );
    Regex::new(&pattern.replace('_', r"[\t\p{Zs}]")).expect("constant regex")
});

/// Month and day inside a dateline field: `March 26`, `Sept. 2`, `2 March`, `Macrh 3`.
static FIELD_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s,])(?:(?P<mon>\p{L}{3,10})\.?\s*(?P<day>\d{1,2})\b|(?P<day2>\d{1,2})\s+(?P<mon2>\p{L}{3,10})\b\.?)(?:,?\s+(?P<year>\d{4})\b)?")
        .expect("constant regex")
});

/// Where a dateline field's place part ends: a dash with space on one side, or a run of
/// dashes (`WINSTON-SALEM` keeps its hyphen).
static FIELD_DASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s[—–―\-]+|[—–―\-]+\s|[—–―\-]+$|--+|[—–―]").expect("constant regex")
});

/// Months: full names and abbreviations in English, Russian and Ukrainian (genitive forms as
/// datelines use them), plus Spanish `abr` seen in wire copy.
#[rustfmt::skip]
const MONTHS: &[(&str, u32)] = &[
    ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3),
    ("april", 4), ("apr", 4), ("abr", 4), ("may", 5), ("june", 6), ("jun", 6), ("july", 7),
    ("jul", 7), ("august", 8), ("aug", 8), ("september", 9), ("sept", 9), ("sep", 9),
    ("october", 10), ("oct", 10), ("november", 11), ("nov", 11), ("december", 12), ("dec", 12),
    ("января", 1), ("янв", 1), ("февраля", 2), ("фев", 2), ("марта", 3), ("мар", 3), ("апреля", 4),
    ("апр", 4), ("мая", 5), ("май", 5), ("июня", 6), ("июн", 6), ("июля", 7), ("июл", 7),
    ("августа", 8), ("авг", 8), ("сентября", 9), ("сен", 9), ("сент", 9), ("октября", 10),
    ("окт", 10), ("ноября", 11), ("ноя", 11), ("декабря", 12), ("дек", 12), ("січня", 1),
    ("січ", 1), ("лютого", 2), ("лют", 2), ("березня", 3), ("бер", 3), ("квітня", 4), ("кві", 4),
    ("квіт", 4), ("травня", 5), ("тра", 5), ("трав", 5), ("червня", 6), ("чер", 6), ("черв", 6),
    ("липня", 7), ("лип", 7), ("серпня", 8), ("сер", 8), ("серп", 8), ("вересня", 9), ("вер", 9),
    ("жовтня", 10), ("жов", 10), ("жовт", 10), ("листопада", 11), ("лис", 11), ("листоп", 11),
    ("грудня", 12), ("гру", 12), ("груд", 12),
];

/// Full month names used for prefix and typo matching.
#[rustfmt::skip]
const FULL_MONTHS: &[(&str, u32)] = &[
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("june", 6), ("july", 7),
    ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
    ("января", 1), ("февраля", 2), ("марта", 3), ("апреля", 4), ("июня", 6), ("июля", 7),
    ("августа", 8), ("сентября", 9), ("октября", 10), ("ноября", 11), ("декабря", 12),
    ("січня", 1), ("лютого", 2), ("березня", 3), ("квітня", 4), ("травня", 5), ("червня", 6),
    ("липня", 7), ("серпня", 8), ("вересня", 9), ("жовтня", 10), ("листопада", 11), ("грудня", 12),
];

/// The month a dateline token names: exact names and abbreviations in any case, a cut-off
/// full name (`Marc`, `Apri`), or a one-letter typo of a full English name (`Macrh`, `Narch`,
/// `Marchg`) when only one month is that close.
pub fn month(token: &str) -> Option<u32> {
    let t = token.trim_end_matches('.').to_lowercase();
    let len = t.chars().count();
    if len < 3 || !t.chars().all(char::is_alphabetic) {
        return None;
    }
    if let Some(&(_, m)) = MONTHS.iter().find(|(name, _)| *name == t) {
        return Some(m);
    }
    let unique = |hits: Vec<u32>| -> Option<u32> {
        let first = *hits.first()?;
        hits.iter().all(|&m| m == first).then_some(first)
    };
    let prefixed: Vec<u32> = FULL_MONTHS
        .iter()
        .filter(|(name, _)| name.starts_with(&t))
        .map(|&(_, m)| m)
        .collect();
    if !prefixed.is_empty() {
        return unique(prefixed);
    }
    if len < 4 {
        return None;
    }
    unique(
        FULL_MONTHS
            .iter()
            .filter(|(name, _)| name.is_ascii() && strsim::osa_distance(name, &t) <= 1)
            .map(|&(_, m)| m)
            .collect(),
    )
}

/// Only exact month names and abbreviations (`APRIL`, `Mar`): what a place must not be.
/// `AUGUSTA` is a typo-distance from `August`, and a city.
fn is_month_name(token: &str) -> bool {
    let t = token.trim_end_matches('.').to_lowercase();
    MONTHS.iter().any(|(name, _)| *name == t)
}

fn month_day(mon: Option<&str>, day: Option<&str>) -> Option<(u32, u32)> {
    let m = month(mon?)?;
    let d: u32 = day?.parse().ok()?;
    (1..=31).contains(&d).then_some((m, d))
}

fn is_agency(s: &str) -> bool {
    AGENCIES.contains(&collapse(s).to_lowercase().as_str())
}

fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

/// Whether `text` may open with a dateline, by a test far cheaper than the patterns (which
/// backtrack over the whole paragraph): every dateline ends in a dash, an agency's tag or
/// TASS's slashes within its first few hundred bytes, or opens with an agency's name.
fn may_open(text: &str) -> bool {
    let mut end = text.len().min(320);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    head.contains(['—', '–', '―', '-', '/']) || TAGS.iter().any(|tag| head.contains(tag))
}

/// A dateline at the very start of `text` (a paragraph), or `None`.
pub fn at_start(text: &str) -> Option<Dateline> {
    if !may_open(text) {
        return None;
    }
    let Some(c) = STRICT.captures(text) else {
        return agency_only(text);
    };
    let whole = c.get(0)?;
    let city = collapse(c.name("city")?.as_str());
    let region = c.name("region").map(|m| collapse(m.as_str()));
    let date_given = c.name("mon").is_some() || c.name("mon2").is_some();
    let month_day = if c.name("mon").is_some() {
        month_day(
            c.name("mon").map(|m| m.as_str()),
            c.name("day").map(|m| m.as_str()),
        )
    } else {
        month_day(
            c.name("mon2").map(|m| m.as_str()),
            c.name("day2").map(|m| m.as_str()),
        )
    };
    if date_given && month_day.is_none() {
        return None;
    }
    let tag = c
        .name("tag")
        .or(c.name("slash"))
        .map(|m| m.as_str().to_string())
        .or(c.name("site").map(|_| "Интерфакс".to_string()));
    // `Москва. 30 апреля. INTERFAX.RU -`: the full stop after the place is no part of it.
    let city = if c.name("site").is_some() {
        city.trim_end_matches('.').to_string()
    } else {
        city
    };
    // Without a dash, the date must be there too.
    if tag.is_some() && month_day.is_none() {
        return None;
    }
    let mut region = region;
    let mut agency = c.name("agency").map(|m| collapse(m.as_str())).or(tag);
    match (c.name("pregion").map(|m| collapse(m.as_str())), &agency) {
        (Some(p), None) if is_agency(&p) => agency = Some(p),
        (Some(p), Some(_)) if region.is_none() => region = Some(p),
        (Some(_), _) => return None,
        (None, _) => {}
    }
    if agency.as_deref().is_some_and(|a| !is_agency(a)) {
        return None;
    }
    if NOT_PLACES.contains(&city.to_lowercase().as_str())
        || letters(&city) < 2
        // `Aug 27 (Reuters) -`: a date and an agency, no place.
        || is_month_name(city.split(' ').next().unwrap_or(""))
    {
        return None;
    }
    let capitals = !city.chars().any(char::is_lowercase);
    let backed = agency.is_some() || month_day.is_some();
    let dash = c.name("dash").map_or("", |m| m.as_str());
    let tight_hyphens = !dash.is_empty() && dash.chars().all(|ch| ch == '-');
    if capitals {
        // A bare capitalised word before a dash is as often an acronym (`FBI —`) as a place,
        // and `SMITH--John` opens a death notice.
        if !backed && region.is_none() && (letters(&city) < 4 || tight_hyphens) {
            return None;
        }
    } else if !backed {
        return None;
    }
    let year = c
        .name("year")
        .and_then(|m| m.as_str().parse::<i32>().ok())
        .filter(|y| (crate::date::MIN_YEAR..=crate::date::MAX_YEAR).contains(y));
    Some(Dateline {
        city,
        region,
        month_day,
        year,
        agency,
        len: whole.end(),
    })
}

/// `ТАСС, 10 августа.`: a dateline with an agency and a date and no place; its `city` is
/// empty.
fn agency_only(text: &str) -> Option<Dateline> {
    let c = AGENCY_ONLY.captures(text)?;
    let month_day = month_day(
        c.name("mon").map(|m| m.as_str()),
        c.name("day").map(|m| m.as_str()),
    )?;
    let year = c
        .name("year")
        .and_then(|m| m.as_str().parse::<i32>().ok())
        .filter(|y| (crate::date::MIN_YEAR..=crate::date::MAX_YEAR).contains(y));
    Some(Dateline {
        city: String::new(),
        region: None,
        month_day: Some(month_day),
        year,
        agency: Some(collapse(c.name("agency")?.as_str())),
        len: c.get(0)?.end(),
    })
}

/// The first dateline that opens one of the first [`SEARCH_PARAGRAPHS`] paragraphs of a body
/// (blank-line separated), with the byte offset where it starts.
pub fn in_body(body: &str) -> Option<(usize, Dateline)> {
    let mut offset = 0;
    let mut seen = 0;
    for para in super::text::paragraphs(body) {
        let lead = para.len() - para.trim_start().len();
        if !para.trim().is_empty() {
            if let Some(d) = at_start(&para[lead..]) {
                return Some((offset + lead, d));
            }
            seen += 1;
            if seen >= SEARCH_PARAGRAPHS {
                break;
            }
        }
        offset += para.len() + 2;
    }
    None
}

/// Reads a dedicated dateline field leniently: `NEW YORK, March 5 - `, `omaha, april 7 - `,
/// `CALGARY, Alberta, March 18 - `, `JOHANNESBURG March 13 -`, `WASHINGTON, D.C. March 18 -`.
/// Returns `None` when the field holds no place (`APRIL 7 -`, `MAR8 -- --`, figures).
pub fn from_field(field: &str) -> Option<Dateline> {
    let mut field = collapse(field);
    // Repeat and correction markers sometimes precede the place (`RPT --LUDWIGSHAFEN`).
    for marker in ["RPT", "REPEAT", "CORRECTED", "CORRECTION"] {
        if let Some(rest) = field.strip_prefix(marker) {
            if rest.starts_with([' ', '-']) {
                field = rest.trim_start_matches([' ', '-']).to_string();
            }
        }
    }
    let head = match FIELD_DASH.find(&field) {
        Some(m) if m.start() > 0 => &field[..m.start()],
        Some(_) => return None,
        None => field.as_str(),
    };
    let mut parts: Vec<String> = head.split(',').map(|p| p.trim().to_string()).collect();
    let mut month_day = None;
    let mut year = None;
    let mut date_in_place = false;
    // The date may share a part with the place or region (`RICHMOND, Va. Feb 26`).
    for (i, part) in parts.iter_mut().enumerate() {
        if month_day.is_some() {
            break;
        }
        date_in_place = i == 0;
        for c in FIELD_DATE.captures_iter(&part.clone()) {
            let md = if c.name("mon").is_some() {
                month_day_of(&c, "mon", "day")
            } else {
                month_day_of(&c, "mon2", "day2")
            };
            if let Some(md) = md {
                month_day = Some(md);
                year = c.name("year").and_then(|y| y.as_str().parse().ok());
                let m = c.get(0).expect("group 0");
                part.replace_range(m.range(), " ");
                *part = part.trim().to_string();
                break;
            }
        }
    }
    let mut words: Vec<&str> = parts.first()?.split_whitespace().collect();
    // Transmission codes sometimes precede the place (`c    LONDON`, `0    LONDON`).
    if words.len() > 1
        && words[0].chars().count() == 1
        && words[0]
            .chars()
            .all(|c| c.is_lowercase() || c.is_ascii_digit())
    {
        words.remove(0);
    }
    let city = words.join(" ");
    let has_month_day = month_day.is_some();
    if city.is_empty()
        || words.len() > 5
        || letters(&city) < 2
        || city.chars().any(|c| c.is_ascii_digit())
        || (words.len() == 1 && is_month_name(&city))
        // `As of April 7`: a place that shares its part with a date is written in capitals.
        || (has_month_day && date_in_place && city.chars().any(char::is_lowercase))
    {
        return None;
    }
    let region = parts[1..]
        .iter()
        .map(|p| p.trim())
        .find(|p| {
            !p.is_empty() && !is_agency(p) && letters(p) >= 1 && !p.contains(char::is_numeric)
        })
        .map(collapse);
    Some(Dateline {
        city,
        region,
        month_day,
        year,
        agency: parts[1..]
            .iter()
            .find(|p| is_agency(p))
            .map(|p| collapse(p)),
        len: field.len(),
    })
}

fn month_day_of(c: &regex::Captures<'_>, mon: &str, day: &str) -> Option<(u32, u32)> {
    month_day(
        c.name(mon).map(|m| m.as_str()),
        c.name(day).map(|m| m.as_str()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cheap test before the patterns lets every dateline through and stops a paragraph
    /// with no dash, slash or agency near its start.
    #[test]
    fn cheap_test_before_the_patterns() {
        for opening in [
            "LONDON, Feb 26 - Prices rose.",
            "HEMPSTEAD, N.Y., Sept. 26 (UPI) — A debate began.",
            "ЛОНДОН, 9 июл ПРАЙМ. Цены на нефть растут.",
            "КРАСНОЯРСК, 10 августа. /ТАСС/. Взрывы на складе.",
        ] {
            assert!(may_open(opening), "{opening}");
        }
        let long = format!("The council met on Tuesday. {}", "It talked. ".repeat(40));
        assert!(!may_open(&long));
        assert!(at_start(&long).is_none());
        // A dash far into a long paragraph is no dateline's.
        assert!(!may_open(&format!("{long} - end")));
    }

    fn start(s: &str) -> Option<(String, Option<String>)> {
        at_start(s).map(|d| (d.city, d.region))
    }

    fn city(s: &str) -> Option<String> {
        at_start(s).map(|d| d.city)
    }

    #[test]
    fn wire_styles() {
        assert_eq!(
            city("WASHINGTON (AP) — The council met.").unwrap(),
            "WASHINGTON"
        );
        assert_eq!(
            start("TRENTON, N.J. (AP) — The governor spoke.").unwrap(),
            ("TRENTON".into(), Some("N.J.".into()))
        );
        let d = at_start("LONDON, Feb 26 - Prices rose.").unwrap();
        assert_eq!((d.city.as_str(), d.month_day), ("LONDON", Some((2, 26))));
        assert_eq!(&"LONDON, Feb 26 - Prices rose."[d.len..], "Prices rose.");
        assert_eq!(
            start("KANSAS CITY, Mo. — Leaders met.").unwrap(),
            ("KANSAS CITY".into(), Some("Mo.".into()))
        );
        assert_eq!(city("Kyiv (AFP) - Sirens sounded.").unwrap(), "Kyiv");
        assert_eq!(
            city("WASHINGTON -- The vote failed.").unwrap(),
            "WASHINGTON"
        );
        assert_eq!(city("WASHINGTON—The vote failed.").unwrap(), "WASHINGTON");
        assert_eq!(
            city("DANVILLE, Ky. –- The vote failed.").unwrap(),
            "DANVILLE"
        );
        assert_eq!(
            city("PHILADELPHIA ― The hall filled.").unwrap(),
            "PHILADELPHIA"
        );
        assert_eq!(city("ST. LOUIS — A crowd gathered.").unwrap(), "ST. LOUIS");
        assert_eq!(
            city("WINSTON-SALEM, N.C. - A plant closed.").unwrap(),
            "WINSTON-SALEM"
        );
        let upi = at_start("HEMPSTEAD, N.Y., Sept. 26 (UPI) — A debate began.").unwrap();
        assert_eq!(upi.region.as_deref(), Some("N.Y."));
        assert_eq!(upi.month_day, Some((9, 26)));
        assert_eq!(upi.agency.as_deref(), Some("UPI"));
        let prime = at_start("ЛОНДОН, 9 июл ПРАЙМ. Цены на нефть растут.").unwrap();
        assert_eq!(
            (
                prime.city.as_str(),
                prime.month_day,
                prime.agency.as_deref()
            ),
            ("ЛОНДОН", Some((7, 9)), Some("ПРАЙМ"))
        );
        assert_eq!(
            &"ЛОНДОН, 9 июл ПРАЙМ. Цены"[prime.len..],
            "Цены",
            "the tag is part of the dateline"
        );
        let dashed = at_start("МОСКВА, 9 июл – ПРАЙМ. Цены растут.").unwrap();
        assert_eq!(dashed.month_day, Some((7, 9)));
        let kyiv = at_start("КИЇВ, 5 березня – Укрінформ. Текст.").unwrap();
        assert_eq!((kyiv.city.as_str(), kyiv.month_day), ("КИЇВ", Some((3, 5))));
        // No dash and no date: a capitalised word and an agency name are not a dateline.
        assert!(at_start("ЛОНДОН ПРАЙМ. Текст.").is_none());
        // TASS and Interfax (ODS dumps): the agency between slashes or as its site.
        let tass = at_start("КРАСНОЯРСК, 10 августа. /ТАСС/. Взрывы на складе.").unwrap();
        assert_eq!(
            (tass.city.as_str(), tass.month_day, tass.agency.as_deref()),
            ("КРАСНОЯРСК", Some((8, 10)), Some("ТАСС"))
        );
        assert_eq!(
            &"КРАСНОЯРСК, 10 августа. /ТАСС/. Взрывы"[tass.len..],
            "Взрывы"
        );
        let ifx = at_start("Москва. 30 апреля. INTERFAX.RU - Текст.").unwrap();
        assert_eq!(
            (ifx.city.as_str(), ifx.month_day, ifx.agency.as_deref()),
            ("Москва", Some((4, 30)), Some("Интерфакс"))
        );
        // The agency alone and a date: the date, and no place.
        let only = at_start("ТАСС, 10 августа. Военнослужащие группировки.").unwrap();
        assert_eq!(
            (only.city.as_str(), only.month_day, only.agency.as_deref()),
            ("", Some((8, 10)), Some("ТАСС"))
        );
        assert_eq!(&"ТАСС, 10 августа. Военные"[only.len..], "Военные");
        assert!(at_start("ТАСС сообщает, что 10 человек пострадали.").is_none());
        let ru = at_start("МОСКВА, 15 янв — РИА Новости. Текст.").unwrap();
        assert_eq!((ru.city.as_str(), ru.month_day), ("МОСКВА", Some((1, 15))));
        assert_eq!(city("Москва, 7 февраля - АиФ.").unwrap(), "Москва");
        assert_eq!(
            city("New York (Reuters) - Stocks fell.").unwrap(),
            "New York"
        );
        assert_eq!(
            city("Mexico City (AFP) – It featured drama.").unwrap(),
            "Mexico City"
        );
        let y = at_start("PARIS, March 4, 2016 — Talks resumed.").unwrap();
        assert_eq!(y.year, Some(2016));
        assert_eq!(
            start("CHARLESTON, S.C.\u{a0}— No-break space.").unwrap(),
            ("CHARLESTON".into(), Some("S.C.".into()))
        );
        assert_eq!(
            start("Nagpur (India) (AFP) – A match.").unwrap(),
            ("Nagpur".into(), Some("India".into()))
        );
        assert_eq!(city("BERLIN--The talks ended.").unwrap_or_default(), "");
        assert_eq!(city("BERLIN -- The talks ended.").unwrap(), "BERLIN");
        assert_eq!(city("WASHINGTON—The vote.").unwrap(), "WASHINGTON");
    }

    #[test]
    fn openings_that_are_not_datelines() {
        for s in [
            "Mehmet Oz — Ivy League-trained surgeon.",
            "Could the Glass-Steagall Act -- the law -- return?",
            "The U.S. Supreme Court - and the array of issues.",
            "Is the president being naive - or cunning?",
            "EXCLUSIVE – Roger Stone: Don’t Trust the Machines.",
            "UPDATE: 5/12 — The website removed the listing.",
            "FILE - In this photo, a man walks.",
            "FBI — The bureau said.",
            "США — реальная федерация.",
            "Sen. Bernie Sanders (I-Vt.) — spoke on Monday.",
            "WASHINGTON, Some 12 — nothing.",
            "Washington — a city without an agency or date.",
            "SIEGEL--Jerome Arthur, 98, of Mamaroneck, died.",
            "Aug 27 (Reuters) - A briefing was held.",
            "MARCH 4 (AP) — No place.",
            "Tuesday, May 5 — The council met.",
            "Posted Feb 26 - A note.",
            "Paris (France) — a country but no agency.",
            "In an appeal to voters, the governor spoke.",
        ] {
            assert_eq!(at_start(s), None, "{s}");
        }
    }

    #[test]
    fn body_search_skips_headings_but_not_too_far() {
        let body = "ABSTRACT.\n\nA summary.\n\nFULL TEXT.\n\nWASHINGTON - The program ends.";
        let (at, d) = in_body(body).unwrap();
        assert_eq!(d.city, "WASHINGTON");
        assert!(body[at..].starts_with("WASHINGTON"));
        let far = format!("{}BERLIN - Late.", "Para.\n\n".repeat(SEARCH_PARAGRAPHS));
        assert_eq!(in_body(&far), None);
    }

    #[test]
    fn months_with_typos_and_cuts() {
        for (s, m) in [
            ("Feb", 2),
            ("MARCH", 3),
            ("Sept.", 9),
            ("Macrh", 3),
            ("Narch", 3),
            ("Mach", 3),
            ("Marchg", 3),
            ("Marc", 3),
            ("Apri", 4),
            ("ABR", 4),
            ("янв", 1),
            ("листопада", 11),
        ] {
            assert_eq!(month(s), Some(m), "{s}");
        }
        for s in ["Ma", "Jule", "Same", "Mark1", "Monday"] {
            assert_eq!(month(s), None, "{s}");
        }
    }

    #[test]
    fn reuters_style_fields() {
        let f = |s: &str| from_field(s).map(|d| (d.city, d.region, d.month_day));
        assert_eq!(
            f("    NEW YORK, Feb 26 - ").unwrap(),
            ("NEW YORK".into(), None, Some((2, 26)))
        );
        assert_eq!(f("omaha, april 7 - ").unwrap().0, "omaha");
        assert_eq!(
            f("CALGARY, Alberta, March 18 - ").unwrap(),
            ("CALGARY".into(), Some("Alberta".into()), Some((3, 18)))
        );
        assert_eq!(
            f("JOHANNESBURG March 13 -").unwrap(),
            ("JOHANNESBURG".into(), None, Some((3, 13)))
        );
        assert_eq!(
            f("RICHMOND, Va. Feb 26 -").unwrap(),
            ("RICHMOND".into(), Some("Va.".into()), Some((2, 26)))
        );
        assert_eq!(
            f("WASHINGTON, D.C. March 18 -").unwrap(),
            ("WASHINGTON".into(), Some("D.C.".into()), Some((3, 18)))
        );
        assert_eq!(f("AMSTERDAM, 2 March -").unwrap().2, Some((3, 2)));
        assert_eq!(f("WASHINGTON, Oct 20, Reuter - ").unwrap().1, None);
        assert_eq!(f("WINSTON-SALEM, N.C. -").unwrap().0, "WINSTON-SALEM");
        assert_eq!(f("c    LONDON, April 9 -").unwrap().0, "LONDON");
        assert_eq!(
            f("WASHINGTON, March 26 - Senate writers met").unwrap().0,
            "WASHINGTON"
        );
        assert_eq!(
            f("Sioux Falls, April 7 - Clear/calm/43 degrees - ")
                .unwrap()
                .0,
            "Sioux Falls"
        );
        assert_eq!(f("AUGUSTA, Maine, June 2 - ").unwrap().0, "AUGUSTA");
        assert_eq!(
            f("DALLAS/FORT WORTH, Texas, March 3 - ").unwrap().0,
            "DALLAS/FORT WORTH"
        );
        assert_eq!(f("0    LONDON, April 29 - ").unwrap().0, "LONDON");
        assert_eq!(
            f("RPT --LUDWIGSHAFEN, West Germany, March 30 - ").unwrap(),
            (
                "LUDWIGSHAFEN".into(),
                Some("West Germany".into()),
                Some((3, 30))
            )
        );
        assert_eq!(f("As of April 7  - "), None);
        assert_eq!(f("DETROIT June 18 - ").unwrap().2, Some((6, 18)));
        for s in [
            "APRIL 7  - ",
            "MAR8  --     --",
            "us        7.8015 - ",
            "",
            " - ",
            "Jun --- ---",
        ] {
            assert_eq!(f(s), None, "{s:?}");
        }
    }
}
