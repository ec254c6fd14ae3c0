//! Dateline city aliases: the user's file of `from<TAB>to` lines and a small built-in table
//! for what the gazetteer (see [`super::place`]) does not give (`NYC`, `Artemovsk`), a lookup
//! key for case-insensitive filters, and display case. Aliases win over the gazetteer.

use std::collections::HashMap;

/// Built-in aliases, lower-case source spelling to display form: only what the gazetteer
/// does not give. It resolves `Kiev`, `Київ`, `Bombay` and most old spellings itself; these
/// are names it lacks (`Artemovsk`: Bakhmut is too small to keep its Latin alternates),
/// spellings it gives to another place (`Odessa`, Texas, is a place's own name and would win
/// over Odesa's alternate one), and inflected forms.
const BUILTIN: &[(&str, &str)] = &[
    ("odessa", "Odesa"),
    ("nikolayev", "Mykolaiv"),
    ("zaporizhia", "Zaporizhzhia"),
    ("zaporozhzhia", "Zaporizhzhia"),
    ("artemovsk", "Bakhmut"),
    ("artemivsk", "Bakhmut"),
    ("peiping", "Beijing"),
    ("nyc", "New York"),
    ("krivoi rog", "Kryvyi Rih"),
    ("vinnitsa", "Vinnytsia"),
    ("severodonetsk", "Sievierodonetsk"),
    ("вашингтоні", "Washington"),
    ("с.-петербург", "St. Petersburg"),
    ("с-петербург", "St. Petersburg"),
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

    /// The display form the aliases give a city (`KIEV` → `Kyiv`), if any: the user's file
    /// first, then the built-in table.
    pub fn lookup(&self, name: &str) -> Option<&str> {
        self.lookup_with_origin(name).map(|(display, _)| display)
    }

    /// [`CityAliases::lookup`], and whether the pair is the built-in one (a user's pair is
    /// not: it wins over everything, while a built-in one yields to a place of the
    /// dateline's region: `ODESSA, Texas`).
    pub(crate) fn lookup_with_origin(&self, name: &str) -> Option<(&str, bool)> {
        let k = key(name);
        let (k, display) = match self.map.get_key_value(&k) {
            Some(pair) => pair,
            None => self.map.get_key_value(&k.replace('.', ""))?,
        };
        let builtin = CityAliases::builtin().map.get(k) == Some(display);
        Some((display.as_str(), builtin))
    }

    /// Display form of a city as spelled in a source: aliases first, then the gazetteer, then
    /// case repair ([`super::place::resolve`] without a region). Returns `None` for an empty
    /// name or one that is not a place.
    pub fn normalize(&self, raw: &str) -> Option<String> {
        super::place::resolve(raw, None, self).map(|p| p.city)
    }
}

/// The case-insensitive lookup key of a display name (what `--city` compares).
pub fn key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Repairs the case of a name a user wrote in an alias file: all capitals or all small
/// letters become [`super::place::canonical_case`] (`ST. LOUIS` → `St. Louis`,
/// `ivano-frankivsk` → `Ivano-Frankivsk`); mixed case (`McAllen`) is the user's choice and
/// kept.
pub fn display(name: &str) -> String {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.chars().any(char::is_uppercase) && name.chars().any(char::is_lowercase) {
        name
    } else {
        super::place::canonical_case(&name)
    }
}

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
        // GeoNames' own name of the place.
        assert_eq!(a.normalize("st paul").as_deref(), Some("Saint Paul"));
        assert_eq!(a.normalize("ST. LOUIS").as_deref(), Some("St. Louis"));
        assert_eq!(a.normalize("МОСКВА").as_deref(), Some("Moscow"));
        assert_eq!(
            a.normalize("С.-Петербург").as_deref(),
            Some("St. Petersburg")
        );
        // Without a region the old name of the largest place wins; `CANTON, Ohio` is Canton.
        assert_eq!(a.normalize("CANTON").as_deref(), Some("Guangzhou"));
        let ohio = crate::parse::place::resolve("CANTON", Some("Ohio"), &a).unwrap();
        assert_eq!(ohio.city, "Canton");
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
