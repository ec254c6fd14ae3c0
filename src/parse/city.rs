//! Dateline cities: display form (`NEW YORK` → `New York`), a lookup key for case-insensitive
//! filters, and the alias table that maps old spellings and transliterations news archives mix
//! (Kiev → Kyiv) to one name. Users extend the table with a file of `from<TAB>to` lines.

use std::collections::HashMap;

/// Built-in aliases, lower-case source spelling to display form.
const BUILTIN: &[(&str, &str)] = &[
    ("kiev", "Kyiv"),
    ("kyiv", "Kyiv"),
    ("київ", "Kyiv"),
    ("киев", "Kyiv"),
    ("odessa", "Odesa"),
    ("одеса", "Odesa"),
    ("одесса", "Odesa"),
    ("kharkov", "Kharkiv"),
    ("харків", "Kharkiv"),
    ("харьков", "Kharkiv"),
    ("lvov", "Lviv"),
    ("lwow", "Lviv"),
    ("львів", "Lviv"),
    ("львов", "Lviv"),
    ("nikolaev", "Mykolaiv"),
    ("nikolayev", "Mykolaiv"),
    ("mykolayiv", "Mykolaiv"),
    ("zaporozhye", "Zaporizhzhia"),
    ("zaporizhia", "Zaporizhzhia"),
    ("zaporozhzhia", "Zaporizhzhia"),
    ("dnepropetrovsk", "Dnipro"),
    ("dnipropetrovsk", "Dnipro"),
    ("chernigov", "Chernihiv"),
    ("rovno", "Rivne"),
    ("lugansk", "Luhansk"),
    ("artemovsk", "Bakhmut"),
    ("artemivsk", "Bakhmut"),
    ("москва", "Moscow"),
    ("peking", "Beijing"),
    ("peiping", "Beijing"),
    ("bombay", "Mumbai"),
    ("calcutta", "Kolkata"),
    ("madras", "Chennai"),
    ("rangoon", "Yangon"),
    ("saigon", "Ho Chi Minh City"),
    ("st petersburg", "St. Petersburg"),
    ("saint petersburg", "St. Petersburg"),
    ("санкт-петербург", "St. Petersburg"),
    ("new york city", "New York"),
    ("nyc", "New York"),
    ("washington d.c.", "Washington"),
    ("washington dc", "Washington"),
    // Older and transliterated spellings news archives mix.
    ("dacca", "Dhaka"),
    ("bangalore", "Bengaluru"),
    ("poona", "Pune"),
    ("kishinev", "Chisinau"),
    ("chişinău", "Chisinau"),
    ("chișinău", "Chisinau"),
    ("tiflis", "Tbilisi"),
    ("alma-ata", "Almaty"),
    ("alma ata", "Almaty"),
    ("frunze", "Bishkek"),
    ("ashkhabad", "Ashgabat"),
    ("hongkong", "Hong Kong"),
    ("macao", "Macau"),
    ("pnom penh", "Phnom Penh"),
    ("tientsin", "Tianjin"),
    ("chungking", "Chongqing"),
    ("nanking", "Nanjing"),
    ("krivoy rog", "Kryvyi Rih"),
    ("krivoi rog", "Kryvyi Rih"),
    ("vinnitsa", "Vinnytsia"),
    ("zhitomir", "Zhytomyr"),
    ("ivano-frankovsk", "Ivano-Frankivsk"),
    ("uzhgorod", "Uzhhorod"),
    ("ternopol", "Ternopil"),
    ("chernovtsy", "Chernivtsi"),
    ("cherkassy", "Cherkasy"),
    ("kirovograd", "Kropyvnytskyi"),
    ("kirovohrad", "Kropyvnytskyi"),
    ("severodonetsk", "Sievierodonetsk"),
    // Local-language spellings of cities usually written in English.
    ("bruxelles", "Brussels"),
    ("brussel", "Brussels"),
    ("wien", "Vienna"),
    ("münchen", "Munich"),
    ("muenchen", "Munich"),
    ("köln", "Cologne"),
    ("koeln", "Cologne"),
    ("roma", "Rome"),
    ("praha", "Prague"),
    ("warszawa", "Warsaw"),
    ("lisboa", "Lisbon"),
    ("genève", "Geneva"),
    ("geneve", "Geneva"),
    ("den haag", "The Hague"),
    ("moskva", "Moscow"),
    ("вашингтон", "Washington"),
    ("вашингтоні", "Washington"),
    ("лондон", "London"),
    ("париж", "Paris"),
    ("берлин", "Berlin"),
    ("берлін", "Berlin"),
    ("брюссель", "Brussels"),
    ("нью-йорк", "New York"),
    ("минск", "Minsk"),
    ("мінськ", "Minsk"),
    ("пекин", "Beijing"),
    ("пекін", "Beijing"),
    ("токио", "Tokyo"),
    ("варшава", "Warsaw"),
    ("вена", "Vienna"),
    ("відень", "Vienna"),
    ("женева", "Geneva"),
    ("анкара", "Ankara"),
    ("владивосток", "Vladivostok"),
    ("донецк", "Donetsk"),
    ("донецьк", "Donetsk"),
    ("луганск", "Luhansk"),
    ("луганськ", "Luhansk"),
    ("днепр", "Dnipro"),
    ("дніпро", "Dnipro"),
    ("запорожье", "Zaporizhzhia"),
    ("запоріжжя", "Zaporizhzhia"),
    ("николаев", "Mykolaiv"),
    ("миколаїв", "Mykolaiv"),
    ("херсон", "Kherson"),
];

/// Maps dateline spellings to display names.
#[derive(Debug, Clone)]
pub struct CityAliases {
    map: HashMap<String, String>,
}

impl Default for CityAliases {
    fn default() -> Self {
        CityAliases {
            map: BUILTIN
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }
}

impl CityAliases {
    /// The built-in table, built once and shared (what query-side city filters use).
    pub fn builtin() -> &'static CityAliases {
        static BUILTIN_TABLE: std::sync::LazyLock<CityAliases> =
            std::sync::LazyLock::new(CityAliases::default);
        &BUILTIN_TABLE
    }

    /// The built-in table with `custom` pairs (as [`CityAliases::custom`] lists them) on top.
    pub fn with_custom(custom: &[(String, String)]) -> CityAliases {
        let mut aliases = CityAliases::default();
        for (from, to) in custom {
            aliases.map.insert(from.clone(), to.clone());
        }
        aliases
    }

    /// The pairs that differ from the built-in table (added by
    /// [`CityAliases::extend_from_tsv`]), as `(source key, display form)`, sorted: what an
    /// index remembers of the aliases it was built with.
    pub fn custom(&self) -> Vec<(String, String)> {
        let builtin = &CityAliases::builtin().map;
        let mut pairs: Vec<(String, String)> = self
            .map
            .iter()
            .filter(|(k, v)| builtin.get(*k) != Some(*v))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        pairs.sort_unstable();
        pairs
    }

    /// Adds aliases from text with one `from<TAB>to` pair a line (`#` starts a comment).
    /// Returns the 1-based numbers of lines that could not be read.
    pub fn extend_from_tsv(&mut self, text: &str) -> Vec<usize> {
        let mut bad = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match line.split_once('\t') {
                Some((from, to)) if !from.trim().is_empty() && !to.trim().is_empty() => {
                    self.map.insert(key(from), display(to));
                }
                _ => bad.push(i + 1),
            }
        }
        bad
    }

    /// Display form of a city as spelled in a source: aliases first, then case repair.
    /// Returns `None` for an empty or implausible name.
    pub fn normalize(&self, raw: &str) -> Option<String> {
        let cleaned = raw
            .trim()
            .trim_matches(|c: char| c == ',' || c == '-' || c == ':' || c.is_whitespace());
        let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
        if cleaned.is_empty()
            || cleaned.chars().count() > 60
            || !cleaned.chars().any(char::is_alphabetic)
        {
            return None;
        }
        let k = key(&cleaned);
        Some(
            self.map
                .get(&k)
                .or_else(|| self.map.get(&k.replace('.', "")))
                .cloned()
                .unwrap_or_else(|| saint(&display(&cleaned))),
        )
    }
}

/// `St Louis` → `St. Louis`: wire copy drops the period that the usual display form has.
fn saint(name: &str) -> String {
    match name.strip_prefix("St ") {
        Some(rest) if !rest.is_empty() => format!("St. {rest}"),
        _ => name.to_string(),
    }
}

/// The case-insensitive lookup key of a display name (what `--city` compares).
pub fn key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Repairs case: a name written all in capitals or all in small letters becomes title case
/// (`ST. LOUIS` → `St. Louis`, `ivano-frankivsk` → `Ivano-Frankivsk`); mixed case (`McAllen`)
/// is kept as written.
pub fn display(name: &str) -> String {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let has_upper = name.chars().any(char::is_uppercase);
    let has_lower = name.chars().any(char::is_lowercase);
    if has_upper && has_lower {
        return name;
    }
    let mut out = String::with_capacity(name.len());
    let mut start_of_word = true;
    for c in name.chars() {
        if start_of_word {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start_of_word = matches!(c, ' ' | '-' | '.' | '(' | '/');
    }
    // Particles inside a name stay small: Rio de Janeiro, Frankfurt am Main.
    out.split(' ')
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i > 0 && PARTICLES.contains(&lower.as_str()) {
                lower
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words that stay lower-case inside a place name written in capitals.
const PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "les", "of",
    "on", "upon", "am", "an", "der", "den", "y",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_is_repaired_only_when_uniform() {
        assert_eq!(display("KYIV"), "Kyiv");
        assert_eq!(display("NEW YORK"), "New York");
        assert_eq!(display("ST. LOUIS"), "St. Louis");
        assert_eq!(display("ivano-frankivsk"), "Ivano-Frankivsk");
        assert_eq!(display("McAllen"), "McAllen");
        assert_eq!(display("RIO DE JANEIRO"), "Rio de Janeiro");
        assert_eq!(display("FRANKFURT AM MAIN"), "Frankfurt am Main");
        assert_eq!(display("LA PAZ"), "La Paz");
    }

    #[test]
    fn aliases_map_old_spellings() {
        let a = CityAliases::default();
        assert_eq!(a.normalize("KIEV").as_deref(), Some("Kyiv"));
        assert_eq!(a.normalize("Odessa").as_deref(), Some("Odesa"));
        assert_eq!(a.normalize("Київ").as_deref(), Some("Kyiv"));
        assert_eq!(
            a.normalize("ST PETERSBURG").as_deref(),
            Some("St. Petersburg")
        );
        assert_eq!(
            a.normalize("St. Petersburg").as_deref(),
            Some("St. Petersburg")
        );
        assert_eq!(
            a.normalize("  Kansas   City, ").as_deref(),
            Some("Kansas City")
        );
        assert_eq!(a.normalize("ST LOUIS").as_deref(), Some("St. Louis"));
        assert_eq!(a.normalize("st paul").as_deref(), Some("St. Paul"));
        assert_eq!(a.normalize("ST. LOUIS").as_deref(), Some("St. Louis"));
        assert_eq!(a.normalize("МОСКВА").as_deref(), Some("Moscow"));
        assert_eq!(a.normalize("CANTON").as_deref(), Some("Canton"));
        assert_eq!(a.normalize(" -- "), None);
        assert_eq!(a.normalize(&"x".repeat(61)), None);
    }

    #[test]
    fn user_file_extends_and_overrides() {
        let mut a = CityAliases::default();
        let bad = a.extend_from_tsv("# comment\nBombay\tMumbai City\nKiev\tKiew\nbroken line\n");
        assert_eq!(bad, vec![4]);
        assert_eq!(a.normalize("BOMBAY").as_deref(), Some("Mumbai City"));
        assert_eq!(a.normalize("kiev").as_deref(), Some("Kiew"));
        // What an index remembers: only what differs from the built-in table, and it
        // rebuilds the same table.
        let custom = a.custom();
        assert_eq!(
            custom,
            [
                ("bombay".to_string(), "Mumbai City".to_string()),
                ("kiev".to_string(), "Kiew".to_string())
            ]
        );
        let b = CityAliases::with_custom(&custom);
        assert_eq!(b.normalize("Bombay").as_deref(), Some("Mumbai City"));
        assert_eq!(b.normalize("Kiev").as_deref(), Some("Kiew"));
        assert!(CityAliases::default().custom().is_empty());
    }
}
