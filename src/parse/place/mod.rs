//! Places: a dateline's city and region resolved to one place, with one display name, its
//! country and its coordinates, from the GeoNames table compiled into the binary (private
//! module `gazetteer`, decoded on first use) and a hand-written table of US states and
//! Canadian provinces (`regions`). Pure functions over text: the readers reach them through
//! `parse::settle` alone, searches through [`CityAliases::normalize`] and [`country`].
//!
//! Order of trust for a city: the user's alias file (and the small built-in table of
//! [`super::city`]), then the gazetteer (a place in the dateline's region or country first,
//! then the most populous), then a country of that name (`BAHRAIN`), then any name shaped
//! like a place, in one canonical case. Anything else (`Tue`, `Wheat`, `Federal Express
//! Corp`) is not a city.

mod gazetteer;
mod regions;

pub use gazetteer::{name_key, Country};

use super::city::CityAliases;

/// A dateline place after resolution.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Display name (`Kyiv` for `KIEV`, `Київ` and `Киев`).
    pub city: String,
    /// The dateline's region in display form (`Illinois` for `ILL.`), when it gave one.
    pub region: Option<String>,
    /// The place's country, or the region's when the gazetteer lacks the place.
    pub country: Option<Country>,
    /// Latitude and longitude in degrees, for places of the gazetteer.
    pub coordinates: Option<(f64, f64)>,
}

/// A dateline region normalised: its display name and what it says about the place.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// `Illinois` for `ILL.`, `Germany` for `West Germany`; other names in canonical case.
    pub name: String,
    /// The country the region is or lies in.
    pub country: Option<Country>,
    /// GeoNames admin1 code of a US state or Canadian province (`IL`, `08`), else empty.
    admin1: &'static str,
}

/// Normalises a dateline region: US states (`ILL.`, `Ill.`, `Illinois`), Canadian provinces,
/// countries in any of their names; anything else keeps its words in canonical case.
/// `None` when nothing is left of it.
pub fn region(raw: &str) -> Option<Region> {
    let cleaned = tidy(raw)?;
    // `LONDON, April 3 -` read as a region `April`: a date, not a place.
    if super::dateline::month(&cleaned).is_some() || cleaned.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    if let Some((name, cc, admin1)) = regions::lookup(&cleaned) {
        return Some(Region {
            name: name.to_string(),
            country: gazetteer::countries().by_code(cc),
            admin1,
        });
    }
    if let Some(c) = gazetteer::countries().by_name(&cleaned) {
        return Some(Region {
            name: c.name.to_string(),
            country: Some(c),
            admin1: "",
        });
    }
    Some(Region {
        name: canonical_case(&cleaned),
        country: None,
        admin1: "",
    })
}

/// A country named by its ISO code (`ua`, any case) or any of its names (`Ukraine`,
/// `Україна`, `Britain`).
pub fn country(name: &str) -> Option<Country> {
    let c = gazetteer::countries();
    c.by_name(name).or_else(|| c.by_code(name))
}

/// Resolves a dateline city (and region, when the dateline has one) to a place. `None` when
/// the words are not a place: empty, junk punctuation, a weekday, a commodity, a company.
pub fn resolve(city: &str, region_raw: Option<&str>, aliases: &CityAliases) -> Option<Place> {
    let cleaned = tidy(city)?;
    let region = region_raw.and_then(region);
    let within = region
        .as_ref()
        .and_then(|r| r.country.map(|c| (c.code, r.admin1)));
    let countries = gazetteer::countries();
    let place = |name: String, entry: Option<gazetteer::Entry>| Place {
        city: name,
        region: region.as_ref().map(|r| r.name.clone()),
        country: entry
            .and_then(|e| countries.by_code(e.country))
            .or_else(|| region.as_ref().and_then(|r| r.country)),
        coordinates: entry.map(|e| (e.lat, e.lon)),
    };
    // `Брюссель. Казинформ`: a place, then the agency after a period.
    let head = cleaned
        .split_once(". ")
        .map(|(head, _)| head)
        .filter(|head| head.chars().filter(|c| c.is_alphabetic()).count() >= 3);
    for (i, name) in std::iter::once(cleaned.as_str()).chain(head).enumerate() {
        let whole = i == 0;
        if let Some((display, builtin)) = aliases.lookup_with_origin(name) {
            // A built-in alias yields to a place of the dateline's region that has the
            // source's spelling.
            let spelled = gazetteer::best(&name_key(name), within);
            if !(builtin && within.is_some() && spelled.is_some()) {
                let own = gazetteer::best(&name_key(display), within);
                return Some(place(display.to_string(), own.or(spelled)));
            }
        }
        if !whole || !is_junk(name) {
            let k = name_key(name);
            if let Some(e) = gazetteer::best(&k, within) {
                return Some(place(e.name.to_string(), Some(e)));
            }
            if whole {
                if let Some(c) = countries.by_name(name) {
                    let mut p = place(canonical_case(name), None);
                    p.country = Some(c);
                    return Some(p);
                }
            }
        }
    }
    (!is_junk(&cleaned) && shaped_like_place(&cleaned))
        .then(|| place(saint(&canonical_case(&cleaned)), None))
}

/// The text of a dateline place without what surrounds it: white space collapsed, leading
/// marks (`****london`, `(Totals`) and trailing punctuation gone. `None` when no name of a
/// sensible length is left.
fn tidy(raw: &str) -> Option<String> {
    let s = raw
        .trim_start_matches(|c: char| !c.is_alphabetic())
        .trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '-' | ':' | ';' | '(' | '—' | '–')
        });
    let s = crate::parse::text::collapse(s);
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (letters >= 2 && s.chars().count() <= 60).then_some(s)
}

/// Words that open wire copy in the dateline's place without being places: days, months and
/// times, commodities and market tables (Reuters files its price reports under them).
#[rustfmt::skip]
const NOT_PLACES: &[&str] = &[
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tonight",
    "yesterday", "tomorrow", "wheat", "silver", "lead", "copper", "gold", "zinc", "tin",
    "nickel", "aluminium", "aluminum", "platinum", "palladium", "oil", "crude", "sugar",
    "coffee", "cocoa", "corn", "maize", "grain", "grains", "barley", "oats", "rice", "soybeans",
    "soybean", "soymeal", "soyoil", "cotton", "rubber", "wool", "livestock", "cattle", "hogs",
    "pork", "gradings", "totals", "total", "grade", "prices", "price", "index", "note",
    "correction", "editor", "update", "urgent", "flash", "summary", "table", "remote", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
    "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december",
];

/// Words that make a name a company's or a table's, wherever they stand.
#[rustfmt::skip]
const NOT_PLACE_WORDS: &[&str] = &[
    "corp", "inc", "co", "ltd", "plc", "llc", "ag", "sa", "nv", "bv", "gmbh", "company",
    "corporation", "group", "holdings", "bank", "grade", "grades", "totals", "gradings",
    "prices", "fob", "bids", "exchs", "oils", "unleaded",
];

/// A name that is one of [`NOT_PLACES`] or holds one of [`NOT_PLACE_WORDS`].
fn is_junk(name: &str) -> bool {
    let lower = name.to_lowercase();
    if NOT_PLACES.contains(&lower.trim_end_matches('.')) {
        return true;
    }
    lower
        .split([' ', ','])
        .any(|w| NOT_PLACE_WORDS.contains(&w.trim_end_matches('.')))
}

/// Up to five words of letters (with `.`, `'`, `-`), each opening with a letter, three
/// letters at least: what an unknown place may look like.
fn shaped_like_place(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    words.len() <= 5
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_alphabetic)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
        })
}

/// `St Louis` → `St. Louis`: wire copy drops the period that the usual display form has.
pub(crate) fn saint(name: &str) -> String {
    match name.strip_prefix("St ") {
        Some(rest) if !rest.is_empty() => format!("St. {rest}"),
        _ => name.to_string(),
    }
}

/// Words that stay lower-case inside a place name.
const PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "les", "of",
    "on", "upon", "am", "an", "der", "den", "y",
];

/// One case for a name, whatever case the source wrote it in, so that one name is one
/// value: each word capitalised (also after `-`, `.`, `/` and an initial `O'`) and the rest
/// small, particles inside a name small (`Rio de Janeiro`). `WALtHAM` → `Waltham`, `CORAl
/// GABLES` → `Coral Gables`; `LaFox` and `LAFOX` are both `Lafox` (a gazetteer place keeps
/// its own spelling: `McAllen`).
pub fn canonical_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (i, word) in name.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let lower = word.to_lowercase();
        if i > 0 && PARTICLES.contains(&lower.as_str()) {
            out.push_str(&lower);
            continue;
        }
        let mut start = true;
        let mut letters_before = 0;
        for c in lower.chars() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
            if c.is_alphabetic() {
                letters_before += 1;
            }
            start = matches!(c, '-' | '.' | '/' | '(')
                || (matches!(c, '\'' | '’') && letters_before == 1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn city(raw: &str) -> Option<String> {
        resolve(raw, None, &CityAliases::default()).map(|p| p.city)
    }

    #[test]
    fn any_script_and_case_resolves_to_one_place() {
        for raw in [
            "KYIV", "Kyiv", "kyiv", "Kiev", "KIEV", "Київ", "Киев", "КИЇВ",
        ] {
            let p = resolve(raw, None, &CityAliases::default()).unwrap();
            assert_eq!(p.city, "Kyiv", "{raw}");
            assert_eq!(p.country.map(|c| (c.code, c.name)), Some(("UA", "Ukraine")));
            let (lat, lon) = p.coordinates.unwrap();
            assert!((lat - 50.45).abs() < 0.1 && (lon - 30.52).abs() < 0.1);
        }
        // A Latin `c` in a Cyrillic word.
        assert_eq!(city("Моcква").as_deref(), Some("Moscow"));
        assert_eq!(city("МОСКВА").as_deref(), Some("Moscow"));
        assert_eq!(city("Odessa").as_deref(), Some("Odesa"));
        assert_eq!(city("Одесса").as_deref(), Some("Odesa"));
        assert_eq!(city("BOMBAY").as_deref(), Some("Mumbai"));
        assert_eq!(city("ZURICH").as_deref(), Some("Zürich"));
        assert_eq!(city("ST LOUIS").as_deref(), Some("St. Louis"));
        assert_eq!(city("Брюссель. Казинформ").as_deref(), Some("Brussels"));
        assert_eq!(city("****london").as_deref(), Some("London"));
    }

    #[test]
    fn an_ambiguous_name_goes_to_the_region_then_the_largest() {
        let a = CityAliases::default();
        let r = |c: &str, reg: Option<&str>| resolve(c, reg, &a).unwrap();
        assert_eq!(r("MOSCOW", None).country.unwrap().code, "RU");
        let idaho = r("MOSCOW", Some("Idaho"));
        assert_eq!(
            (idaho.city.as_str(), idaho.country.unwrap().code),
            ("Moscow", "US")
        );
        assert!(idaho.coordinates.unwrap().1 < -100.0);
        assert_eq!(idaho.region.as_deref(), Some("Idaho"));
        assert_eq!(
            r("PORTLAND", Some("Maine")).coordinates,
            r("Portland", Some("ME")).coordinates
        );
        assert_ne!(
            r("PORTLAND", Some("Maine")).coordinates,
            r("PORTLAND", Some("Ore.")).coordinates
        );
        // Washington is the capital, not the Illinois town of that name.
        assert_eq!(
            r("WASHINGTON", None).coordinates,
            r("Washington", Some("D.C.")).coordinates
        );
        assert_eq!(r("WASHINGTON", None).city, "Washington");
        assert_eq!(r("ST. PETERSBURG", None).country.unwrap().code, "RU");
        assert_eq!(
            r("ST. PETERSBURG", Some("Fla.")).country.unwrap().code,
            "US"
        );
        assert_eq!(r("NEW YORK", None).city, "New York");
        // A city's own name beats a larger city's alternate one.
        assert_eq!(r("NEW DELHI", None).city, "New Delhi");
        // The built-in `Odessa` → Odesa yields to a place of the dateline's region.
        assert_eq!(r("ODESSA", None).country.unwrap().code, "UA");
        let texas = r("ODESSA", Some("Texas"));
        assert_eq!(
            (texas.city.as_str(), texas.country.unwrap().code),
            ("Odessa", "US")
        );
        // A place the gazetteer lacks in the region's country keeps its name and that country.
        let small = r("GREEN BAY HEIGHTS", Some("Wis."));
        assert_eq!(small.city, "Green Bay Heights");
        assert_eq!(small.coordinates, None);
        assert_eq!(small.country.unwrap().code, "US");
        assert_eq!(small.region.as_deref(), Some("Wisconsin"));
    }

    #[test]
    fn junk_is_not_a_city() {
        for junk in [
            "Tue",
            "Today",
            "Wheat",
            "Silver",
            "Lead",
            "Copper Grade A",
            "Gradings",
            "(Totals",
            "Federal Express Corp",
            "WHEAT",
            "12345",
            "--",
            "",
            "X",
        ] {
            assert_eq!(city(junk), None, "{junk}");
        }
    }

    #[test]
    fn unknown_places_keep_one_canonical_case() {
        assert_eq!(city("WALtHAM").as_deref(), Some("Waltham"));
        assert_eq!(city("CORAl GABLES").as_deref(), Some("Coral Gables"));
        assert_eq!(city("GARDEN Grove").as_deref(), Some("Garden Grove"));
        assert_eq!(city("Mexico city").as_deref(), Some("Mexico City"));
        assert_eq!(
            city("NORTH PODUNKVILLE").as_deref(),
            Some("North Podunkville")
        );
        assert_eq!(
            city("north podunkville").as_deref(),
            Some("North Podunkville")
        );
        assert_eq!(
            city("NorTH PodunkVILLE").as_deref(),
            Some("North Podunkville")
        );
        assert_eq!(city("MCALLEN").as_deref(), Some("McAllen"));
        assert_eq!(canonical_case("LaFox"), canonical_case("LAFOX"));
        assert_eq!(canonical_case("O'HARE"), "O'Hare");
        assert_eq!(canonical_case("RIO DE JANEIRO"), "Rio de Janeiro");
        assert_eq!(canonical_case("WINSTON-SALEM"), "Winston-Salem");
        // A country as a dateline place.
        let b = resolve("BAHRAIN", None, &CityAliases::default()).unwrap();
        assert_eq!(
            (b.city.as_str(), b.country.unwrap().code),
            ("Bahrain", "BH")
        );
    }

    #[test]
    fn the_users_aliases_win() {
        let mut a = CityAliases::default();
        a.extend_from_tsv("Kiev\tKiew\nPodunk\tLviv\n");
        let kiew = resolve("KIEV", None, &a).unwrap();
        assert_eq!(kiew.city, "Kiew");
        // The alias's own spelling still finds the place for country and coordinates.
        assert_eq!(kiew.country.unwrap().code, "UA");
        let lviv = resolve("Podunk", None, &a).unwrap();
        assert_eq!(
            (lviv.city.as_str(), lviv.country.unwrap().code),
            ("Lviv", "UA")
        );
        // Even over the junk list.
        a.extend_from_tsv("Wheat\tWheaton\n");
        assert_eq!(resolve("WHEAT", None, &a).unwrap().city, "Wheaton");
    }

    #[test]
    fn regions_are_normalised_and_countries_set() {
        let name = |r: &str| region(r).map(|r| r.name);
        for raw in ["ILL.", "Ill.", "Ill", "Illinois"] {
            assert_eq!(name(raw).as_deref(), Some("Illinois"));
        }
        assert_eq!(name("MICH.").as_deref(), Some("Michigan"));
        assert_eq!(name("Alberta").as_deref(), Some("Alberta"));
        let wg = region("West Germany").unwrap();
        assert_eq!(
            (wg.name.as_str(), wg.country.unwrap().code),
            ("Germany", "DE")
        );
        assert_eq!(region("JAPAN").unwrap().name, "Japan");
        assert_eq!(region("Mich.").unwrap().country.unwrap().code, "US");
        assert_eq!(name("SOMEWHERE ELSE").as_deref(), Some("Somewhere Else"));
        assert_eq!(name("Me.").as_deref(), Some("Maine"));
        assert_eq!(name("April"), None);
        assert_eq!(country("ua").map(|c| c.name), Some("Ukraine"));
        assert_eq!(country("Britain").map(|c| c.code), Some("GB"));
        assert_eq!(country("Україна").map(|c| c.code), Some("UA"));
    }
}
