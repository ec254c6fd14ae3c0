//! The outlet an article comes from (its *source*), in one spelling per outlet.
//!
//! Where it comes from, first found wins (the readers and `parse::settle` apply it):
//! 1. the name the user gives the files of a run (`dateline index --source NAME PATH`);
//! 2. a field of the record (`source`, `source_domain`, `publisher`, `outlet`; JSON and CSV);
//! 3. the domain of the article's URL, `www.` dropped (`https://www.bbc.co.uk/…` → `bbc.co.uk`);
//! 4. the news agency in the dateline (`WASHINGTON (AP) —`, `…, Reuter -`, `ТАСС, 10 августа.`).
//!
//! Every value goes through [`canonical`]: known outlets (the agencies datelines name, and
//! their sites) get their usual name (`REUTER`, `reuters.com` → `Reuters`; `ria.ru`,
//! `РИА Новости` → `РИА Новости`); any other value keeps its own spelling, white space
//! collapsed, except that a domain is lower-cased.

/// Known outlets: the canonical name, then other spellings and domains (lower case).
#[rustfmt::skip]
const OUTLETS: &[(&str, &[&str])] = &[
    ("AP", &["ap", "associated press", "the associated press", "apnews.com", "ap photo"]),
    ("Reuters", &["reuters", "reuter", "thomson reuters", "reuters.com"]),
    ("AFP", &["afp", "agence france-presse", "agence france presse", "afp.com"]),
    ("UPI", &["upi", "united press international", "upi.com"]),
    ("dpa", &["dpa", "deutsche presse-agentur", "dpa.com"]),
    ("Xinhua", &["xinhua", "xinhuanet.com", "news.cn"]),
    ("Bloomberg", &["bloomberg", "bloomberg.com"]),
    ("Kyodo", &["kyodo", "kyodo news"]),
    ("Yonhap", &["yonhap", "yna.co.kr"]),
    ("Sputnik", &["sputnik", "sputniknews.com"]),
    ("RT", &["rt", "russia today", "rt.com", "russian.rt.com"]),
    ("ТАСС", &["тасс", "итар-тасс", "tass", "itar-tass", "tass.ru", "tass.com"]),
    ("РИА Новости", &["риа новости", "риа", "ria novosti", "ria.ru"]),
    ("Интерфакс", &["интерфакс", "interfax", "interfax.ru", "sport-interfax.ru", "interfax.com"]),
    ("Интерфакс-Украина", &["интерфакс-украина", "interfax-ukraine", "interfax.com.ua"]),
    ("ПРАЙМ", &["прайм", "prime", "1prime.ru"]),
    ("РБК", &["рбк", "rbc", "rbc.ru"]),
    ("УНІАН", &["уніан", "униан", "unian", "unian.ua", "unian.net", "unian.info"]),
    ("Укрінформ", &["укрінформ", "укринформ", "ukrinform", "ukrinform.ua", "ukrinform.net"]),
    ("BBC", &["bbc", "bbc news", "bbc.co.uk", "bbc.com"]),
    ("Fox News", &["fox", "fox news", "foxnews.com"]),
    ("The New York Times", &["nyt", "new york times", "the new york times", "nytimes.com"]),
    ("HuffPost", &["hpo", "huffpost", "huffington post", "the huffington post", "huffingtonpost.com", "huffpost.com"]),
];

/// The one spelling of an outlet: a known outlet's name, a domain in lower case, a name of
/// several words in capitals in title case, else the value with its white space collapsed. `None` for a value with no letters or digits
/// (`-`, `n/a` is kept as given).
///
/// ```
/// use dateline::parse::source::canonical;
/// assert_eq!(canonical("REUTER").as_deref(), Some("Reuters"));
/// assert_eq!(canonical(" ria.ru ").as_deref(), Some("РИА Новости"));
/// assert_eq!(canonical("Kyiv  Independent").as_deref(), Some("Kyiv Independent"));
/// assert_eq!(canonical("KYIV  INDEPENDENT").as_deref(), Some("Kyiv Independent"));
/// assert_eq!(canonical("WWW.Meduza.io").as_deref(), Some("meduza.io"));
/// assert_eq!(canonical("-"), None);
/// ```
pub fn canonical(raw: &str) -> Option<String> {
    let collapsed = super::text::collapse(raw);
    if !collapsed.chars().any(char::is_alphanumeric) {
        return None;
    }
    let lower = collapsed.to_lowercase();
    let lower = lower.strip_prefix("www.").unwrap_or(&lower);
    if let Some((name, _)) = OUTLETS.iter().find(|(_, other)| other.contains(&lower)) {
        return Some((*name).to_string());
    }
    if looks_like_domain(lower) {
        return Some(lower.to_string());
    }
    // A name of several words all in capitals (`KYIV INDEPENDENT`) is a heading's spelling
    // of a name usually written in title case; one word in capitals is an acronym (`BBC`).
    let letters = || collapsed.chars().filter(|c| c.is_alphabetic());
    if collapsed.contains(' ') && letters().all(char::is_uppercase) {
        let title: Vec<String> = collapsed
            .split(' ')
            .map(|w| {
                let mut cs = w.chars();
                cs.next().map_or_else(String::new, |first| {
                    first
                        .to_uppercase()
                        .chain(cs.flat_map(char::to_lowercase))
                        .collect()
                })
            })
            .collect();
        return Some(title.join(" "));
    }
    Some(collapsed)
}

/// `bbc.co.uk`, `tass.ru`: letters, digits, dots and hyphens, with a dot, no spaces.
fn looks_like_domain(s: &str) -> bool {
    s.contains('.')
        && !s.starts_with('.')
        && !s.ends_with('.')
        && s.chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
        && s.rsplit('.')
            .next()
            .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic))
}

/// The outlet of a URL: its host without `www.`, through [`canonical`]. `None` for a URL
/// without a host (`file:`, a relative path).
///
/// ```
/// use dateline::parse::source::from_url;
/// assert_eq!(from_url("https://www.BBC.co.uk/news/1").as_deref(), Some("BBC"));
/// assert_eq!(from_url("https://www.Example.org/news/1").as_deref(), Some("example.org"));
/// assert_eq!(from_url("https://tass.ru/politika/1").as_deref(), Some("ТАСС"));
/// assert_eq!(from_url("/news/1"), None);
/// ```
pub fn from_url(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    let host = parsed.host_str()?.trim_end_matches('.');
    // A page saved by the Wayback Machine is the page of the URL it archived
    // (`https://web.archive.org/web/20190101000000/https://example.org/a`).
    if host.eq_ignore_ascii_case("web.archive.org") {
        let inner = parsed
            .path()
            .strip_prefix("/web/")
            .and_then(|rest| rest.split_once('/'))
            .map(|(_, inner)| inner)?;
        return from_url(inner);
    }
    if host.parse::<std::net::IpAddr>().is_ok() || !host.contains('.') {
        return None;
    }
    canonical(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_spelling_per_outlet() {
        for raw in [
            "Reuters",
            "REUTER",
            "reuters.com",
            "www.reuters.com",
            "Thomson  Reuters",
        ] {
            assert_eq!(canonical(raw).as_deref(), Some("Reuters"), "{raw}");
        }
        for raw in ["ТАСС", "ИТАР-ТАСС", "tass.ru"] {
            assert_eq!(canonical(raw).as_deref(), Some("ТАСС"), "{raw}");
        }
        assert_eq!(canonical("УНИАН").as_deref(), Some("УНІАН"));
        assert_eq!(canonical("Укринформ").as_deref(), Some("Укрінформ"));
        assert_eq!(canonical("nyt").as_deref(), Some("The New York Times"));
        assert_eq!(canonical("breitbart").as_deref(), Some("breitbart"));
        assert_eq!(canonical("Meduza.io").as_deref(), Some("meduza.io"));
        assert_eq!(canonical("NEW YORK POST").as_deref(), Some("New York Post"));
        assert_eq!(
            canonical("ИНТЕРФАКС УКРАИНА ").as_deref(),
            Some("Интерфакс Украина")
        );
        assert_eq!(canonical("BBC").as_deref(), Some("BBC"));
        assert_eq!(canonical("KyivPost").as_deref(), Some("KyivPost"));
        assert_eq!(canonical("  "), None);
    }

    #[test]
    fn urls_give_their_host() {
        assert_eq!(
            from_url("https://www.foxnews.com/politics/x").as_deref(),
            Some("Fox News")
        );
        assert_eq!(
            from_url("http://news.example.org:8080/a?b=c").as_deref(),
            Some("news.example.org")
        );
        assert_eq!(
            from_url("https://web.archive.org/web/20190101000000/https://www.zeit.de/a").as_deref(),
            Some("zeit.de")
        );
        assert_eq!(from_url("https://web.archive.org/save"), None);
        assert_eq!(from_url("http://127.0.0.1/a"), None);
        assert_eq!(from_url("http://localhost/a"), None);
        assert_eq!(from_url("not a url"), None);
    }
}
