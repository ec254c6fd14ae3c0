//! The regions datelines name besides countries: US states with their AP abbreviations and
//! postal codes, Canadian provinces and territories with theirs. Public facts, written by
//! hand; the admin1 code is GeoNames' (postal codes for the US, two digits for Canada), so a
//! region picks the right `Portland`.

use std::collections::HashMap;
use std::sync::LazyLock;

/// `(name, ISO country, GeoNames admin1 code, other forms)`; forms are compared without
/// periods, spaces or case, so `W. Va.` is `wva`.
#[rustfmt::skip]
pub(super) const REGIONS: &[(&str, &str, &str, &[&str])] = &[
    ("Alabama", "US", "AL", &["ala"]),
    ("Alaska", "US", "AK", &[]),
    ("Arizona", "US", "AZ", &["ariz"]),
    ("Arkansas", "US", "AR", &["ark"]),
    ("California", "US", "CA", &["calif", "cal"]),
    ("Colorado", "US", "CO", &["colo"]),
    ("Connecticut", "US", "CT", &["conn"]),
    ("Delaware", "US", "DE", &["del", "dela"]),
    ("District of Columbia", "US", "DC", &["dc"]),
    ("Florida", "US", "FL", &["fla"]),
    ("Georgia", "US", "GA", &["ga"]),
    ("Hawaii", "US", "HI", &[]),
    ("Idaho", "US", "ID", &[]),
    ("Illinois", "US", "IL", &["ill", "il"]),
    ("Indiana", "US", "IN", &["ind"]),
    ("Iowa", "US", "IA", &["ia"]),
    ("Kansas", "US", "KS", &["kan", "kans", "ka"]),
    ("Kentucky", "US", "KY", &["ky", "ken"]),
    ("Louisiana", "US", "LA", &["la"]),
    ("Maine", "US", "ME", &["me"]),
    ("Maryland", "US", "MD", &["md"]),
    ("Massachusetts", "US", "MA", &["mass", "ma"]),
    ("Michigan", "US", "MI", &["mich"]),
    ("Minnesota", "US", "MN", &["minn"]),
    ("Mississippi", "US", "MS", &["miss"]),
    ("Missouri", "US", "MO", &["mo"]),
    ("Montana", "US", "MT", &["mont"]),
    ("Nebraska", "US", "NE", &["neb", "nebr"]),
    ("Nevada", "US", "NV", &["nev"]),
    ("New Hampshire", "US", "NH", &["nh"]),
    ("New Jersey", "US", "NJ", &["nj"]),
    ("New Mexico", "US", "NM", &["nm"]),
    ("New York", "US", "NY", &["ny"]),
    ("North Carolina", "US", "NC", &["nc"]),
    ("North Dakota", "US", "ND", &["nd", "ndak"]),
    ("Ohio", "US", "OH", &[]),
    ("Oklahoma", "US", "OK", &["okla", "ok"]),
    ("Oregon", "US", "OR", &["ore", "oreg"]),
    ("Pennsylvania", "US", "PA", &["pa", "penn", "penna"]),
    ("Rhode Island", "US", "RI", &["ri"]),
    ("South Carolina", "US", "SC", &["sc"]),
    ("South Dakota", "US", "SD", &["sd", "sdak"]),
    ("Tennessee", "US", "TN", &["tenn"]),
    ("Texas", "US", "TX", &["tex"]),
    ("Utah", "US", "UT", &[]),
    ("Vermont", "US", "VT", &["vt"]),
    ("Virginia", "US", "VA", &["va"]),
    ("Washington", "US", "WA", &["wash"]),
    ("West Virginia", "US", "WV", &["wva", "wvirginia"]),
    ("Wisconsin", "US", "WI", &["wis", "wisc"]),
    ("Wyoming", "US", "WY", &["wyo"]),
    ("Puerto Rico", "PR", "", &["pr"]),
    ("Alberta", "CA", "01", &["alta"]),
    ("British Columbia", "CA", "02", &["bc"]),
    ("Manitoba", "CA", "03", &["man"]),
    ("New Brunswick", "CA", "04", &["nb"]),
    ("Newfoundland and Labrador", "CA", "05", &["newfoundland", "nfld", "nl"]),
    ("Nova Scotia", "CA", "07", &["ns"]),
    ("Ontario", "CA", "08", &["ont"]),
    ("Prince Edward Island", "CA", "09", &["pei"]),
    ("Quebec", "CA", "10", &["que", "québec", "pq"]),
    ("Saskatchewan", "CA", "11", &["sask"]),
    ("Yukon", "CA", "12", &["yt"]),
    ("Northwest Territories", "CA", "13", &["nwt"]),
    ("Nunavut", "CA", "14", &[]),
];

/// The comparison form of a region: lower case, without periods and white space.
pub(super) fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The state or province a dateline region names: `(name, country, admin1)`. A two-letter
/// postal code counts only in capitals without periods (`NY`), since `Pa.`-style forms are
/// the AP's and `in`, `me`, `or` are words.
pub(super) fn lookup(raw: &str) -> Option<(&'static str, &'static str, &'static str)> {
    static FORMS: LazyLock<HashMap<String, usize>> = LazyLock::new(|| {
        let mut forms = HashMap::new();
        for (i, (name, _, _, other)) in REGIONS.iter().enumerate() {
            forms.insert(squeeze(name), i);
            for form in *other {
                forms.insert(form.to_string(), i);
            }
        }
        forms
    });
    let i = match FORMS.get(&squeeze(raw)) {
        Some(&i) => i,
        None if raw.len() == 2 && raw.bytes().all(|b| b.is_ascii_uppercase()) => {
            REGIONS.iter().position(|r| r.2 == raw)?
        }
        None => return None,
    };
    let (name, cc, code, _) = REGIONS[i];
    Some((name, cc, code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ap_abbreviations_full_names_and_postal_codes() {
        for raw in ["ILL.", "Ill.", "Ill", "Illinois", "ILLINOIS", "IL"] {
            assert_eq!(lookup(raw), Some(("Illinois", "US", "IL")), "{raw}");
        }
        assert_eq!(lookup("MICH.").map(|r| r.0), Some("Michigan"));
        assert_eq!(lookup("W. Va.").map(|r| r.0), Some("West Virginia"));
        assert_eq!(lookup("D.C.").map(|r| r.2), Some("DC"));
        assert_eq!(lookup("B.C.").map(|r| r.0), Some("British Columbia"));
        assert_eq!(lookup("Que.").map(|r| (r.1, r.2)), Some(("CA", "10")));
        assert_eq!(lookup("in"), None);
        assert_eq!(lookup("Japan"), None);
    }
}
