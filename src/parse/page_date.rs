//! The publication day of a web page, from every place a page states it, each weighed as
//! htmldate does: structured data (JSON-LD, `<meta>`), `itemprop`/`<time>`/`abbr.published`
//! anywhere in the page, the page's own URL (`/2020/08/24/`), date-classed elements and visible
//! bylines in many languages ("Published 8 November 2023", "veröffentlicht am 16.12.2012").
//! The original publication wins over the last modification, which is only a last resort;
//! dates inside embedded posts, related lists, comments and sidebars are never taken. Owns the
//! order of sources and the free-text date shapes; timestamps are read by [`stamp`].

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{DateTime, Datelike, NaiveDate};
use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

use super::stamp::{self, Stamp};

fn selector(s: &str) -> Selector {
    Selector::parse(s).expect("constant selector")
}

/// Whether an element says it holds the publication date: `[itemprop="datePublished"]`,
/// `[itemprop="dateCreated"]`, `[property="schema:datePublished"]`, `schema:dateCreated`,
/// `[property~="dc:created"]`, `[property~="dc:date"]`, `abbr.published`,
/// `.published[title]`, `.published[datetime]`, `time.published`, `time[pubdate]`. Checked on
/// each element's attributes in one walk: the same test as a selector list, at a fraction of
/// what matching eleven selectors against every element costs.
fn marked_published(e: &scraper::node::Element) -> bool {
    let (mut published_class, mut title_or_datetime) = (false, false);
    for (name, value) in e.attrs() {
        match name {
            "itemprop" if matches!(value, "datePublished" | "dateCreated") => return true,
            "property"
                if matches!(value, "schema:datePublished" | "schema:dateCreated")
                    || value
                        .split_whitespace()
                        .any(|v| v == "dc:created" || v == "dc:date") =>
            {
                return true
            }
            "pubdate" if e.name() == "time" => return true,
            "class" => published_class = value.split_whitespace().any(|c| c == "published"),
            "title" | "datetime" => title_or_datetime = true,
            _ => {}
        }
    }
    published_class && (title_or_datetime || matches!(e.name(), "abbr" | "time"))
}

/// The page's elements in document order.
fn elements(doc: &Html) -> impl Iterator<Item = ElementRef<'_>> {
    doc.root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
}

/// The page's `<time>` elements in document order.
fn times(doc: &Html) -> impl Iterator<Item = ElementRef<'_>> {
    elements(doc).filter(|e| e.value().name() == "time")
}
static BODY: LazyLock<Selector> = LazyLock::new(|| selector("body"));

/// `<meta>` names that carry the original publication time, best first.
const PUBLISHED_METAS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "article_date_original",
    "published_time",
    "published-date",
    "published_date",
    "publish-date",
    "publish_date",
    "publishdate",
    "publication_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "cxenseparse:recs:publishtime",
    "dc.date.issued",
    "dc.date.created",
    "dc.date.published",
    "dcterms.issued",
    "dcterms.created",
    "dcterms:created",
    "dc:created",
    "citation_publication_date",
    "citation_date",
    "bepress_citation_date",
    "originalpublicationdate",
    "rnews:datepublished",
    "weibo:article:create_at",
    "datecreated",
];

/// Generic `<meta>` dates (`date`, `DC.date`): CMSs fill them with the last save as often as
/// with the publication, so a page element marked as the publication date outranks them.
const WEAK_METAS: &[&str] = &[
    "dcterms.date",
    "dc.date",
    "dc:date",
    "date",
    "created",
    "displaydate",
];

/// `<meta>` names of the last modification: only when nothing states the publication.
const MODIFIED_METAS: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dateupdate",
    "last-modified",
    "dcterms.modified",
    "dc.date.modified",
];

/// Class and id words of containers whose dates are not the page's: embedded posts, lists of
/// other articles, comments, sidebars and footers.
const FOREIGN: &[&str] = &[
    "related",
    "recommended",
    "recommendations",
    "teaser",
    "teasers",
    "comment",
    "comments",
    "reply",
    "replies",
    "popular",
    "trending",
    "outbrain",
    "taboola",
    "recirculation",
];

/// Elements whose dates are not the page's own.
const FOREIGN_TAGS: &[&str] = &[
    "aside",
    "nav",
    "blockquote",
    "iframe",
    "script",
    "style",
    "noscript",
    "template",
];

/// Of those, the ones that also hide an element that says it holds the publication date
/// (`itemprop="datePublished"`): CMSs put the article's own metadata in an `<aside>`.
const EMBEDDING_TAGS: &[&str] = &["blockquote", "iframe", "template"];

/// Words that announce the publication day in a byline, by language.
const PUBLISHED_WORDS: &str = r"(?i:published|posted|posted on|publication date|date published|first published|veröffentlicht|erstellt|erschienen|publiziert|datum|publié|publiée|mis en ligne|publicado|publicada|pubblicato|pubblicata|gepubliceerd|geplaatst|opublikowano|publikováno|publicerad|publiseret|julkaistu|опубликовано|опубліковано|дата публикации|дата публікації)";

/// Words that announce a later change: such a day is not the publication.
const UPDATED_WORDS: &[&str] = &[
    "updated",
    "update",
    "modified",
    "aktualisiert",
    "geändert",
    "änderung",
    "mis à jour",
    "actualizado",
    "aggiornato",
    "bijgewerkt",
    "edited",
];

#[rustfmt::skip]
const MONTH_NAMES: &[(&str, u32)] = &[
    // English
    ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3),
    ("april", 4), ("apr", 4), ("may", 5), ("june", 6), ("jun", 6), ("july", 7), ("jul", 7),
    ("august", 8), ("aug", 8), ("september", 9), ("sept", 9), ("sep", 9), ("october", 10),
    ("oct", 10), ("november", 11), ("nov", 11), ("december", 12), ("dec", 12),
    // German
    ("januar", 1), ("jänner", 1), ("jän", 1), ("februar", 2), ("märz", 3), ("mär", 3), ("mai", 5),
    ("juni", 6), ("juli", 7), ("oktober", 10), ("okt", 10), ("dezember", 12), ("dez", 12),
    // French
    ("janvier", 1), ("janv", 1), ("février", 2), ("févr", 2), ("fév", 2), ("mars", 3), ("avril", 4),
    ("avr", 4), ("juin", 6), ("juillet", 7), ("juil", 7), ("août", 8), ("aout", 8),
    ("septembre", 9), ("octobre", 10), ("novembre", 11), ("décembre", 12), ("déc", 12),
    // Spanish, Portuguese, Italian
    ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("abr", 4), ("mayo", 5),
    ("junio", 6), ("julio", 7), ("agosto", 8), ("septiembre", 9), ("setiembre", 9),
    ("octubre", 10), ("noviembre", 11), ("diciembre", 12), ("dic", 12), ("janeiro", 1),
    ("fevereiro", 2), ("março", 3), ("maio", 5), ("junho", 6), ("julho", 7), ("setembro", 9),
    ("outubro", 10), ("novembro", 11), ("dezembro", 12), ("gennaio", 1), ("febbraio", 2),
    ("aprile", 4), ("maggio", 5), ("giugno", 6), ("luglio", 7), ("settembre", 9),
    ("ottobre", 10), ("dicembre", 12),
    // Dutch
    ("januari", 1), ("februari", 2), ("maart", 3), ("mei", 5), ("augustus", 8),
    // Polish, Czech (genitive forms used in dates)
    ("stycznia", 1), ("lutego", 2), ("marca", 3), ("kwietnia", 4), ("maja", 5), ("czerwca", 6),
    ("lipca", 7), ("sierpnia", 8), ("września", 9), ("października", 10), ("listopada", 11),
    ("grudnia", 12), ("ledna", 1), ("února", 2), ("března", 3), ("dubna", 4), ("května", 5),
    ("června", 6), ("července", 7), ("srpna", 8), ("září", 9), ("října", 10), ("prosince", 12),
    // Russian, Ukrainian (genitive)
    ("января", 1), ("февраля", 2), ("марта", 3), ("апреля", 4), ("мая", 5), ("июня", 6),
    ("июля", 7), ("августа", 8), ("сентября", 9), ("октября", 10), ("ноября", 11),
    ("декабря", 12), ("січня", 1), ("лютого", 2), ("березня", 3), ("квітня", 4), ("травня", 5),
    ("червня", 6), ("липня", 7), ("серпня", 8), ("вересня", 9), ("жовтня", 10),
    ("листопада", 11), ("грудня", 12),
];

pub(crate) fn month_named(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTH_NAMES.iter().find(|(n, _)| *n == w).map(|&(_, m)| m)
}

/// Day shapes in running text. Each alternative names its parts (`y`, `m`/`mn`, `d`) so one
/// reader turns any match into a day.
static TEXT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<iso>(?-u:\b)(?P<y1>(?:19|20)\d\d)[-/.](?P<m1>[01]?\d)[-/.](?P<d1>[0-3]?\d)(?-u:\b))
        | (?P<cjk>(?P<y5>(?:19|20)\d\d)\s?年\s?(?P<m5>[01]?\d)\s?月\s?(?P<d5>[0-3]?\d)\s?日)
        | (?P<dmy>(?-u:\b)(?P<d2>[0-3]?\d)\s?(?P<sep>[./-])\s?(?P<m2>[01]?\d)\s?[./-]\s?(?P<y2>(?:19|20)\d\d)(?-u:\b))
        | (?P<dnamey>(?-u:\b)(?P<d3>[0-3]?\d)(?:\.|st|nd|rd|th|er)?\s+(?:de\s+)?(?P<mn3>\p{L}{3,12}\.?),?\s+(?:de\s+)?,?\s*(?P<y3>(?:19|20)\d\d)(?-u:\b))
        | (?P<namedy>(?P<mn4>\p{L}{3,12}\.?)\s+(?P<d4>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y4>(?:19|20)\d\d)(?-u:\b))
        ",
    )
    .expect("constant regex")
});

/// The first day stated in `text`. `month_first` reads `03/04/2020` as 4 March (US pages).
pub(crate) fn in_text(text: &str, month_first: bool) -> Option<NaiveDate> {
    all_in_text(text, month_first).next().map(|(_, d)| d)
}

/// Every day stated in `text`, with its byte offset.
fn all_in_text(text: &str, month_first: bool) -> impl Iterator<Item = (usize, NaiveDate)> + '_ {
    TEXT_DATE.captures_iter(text).filter_map(move |c| {
        let num = |k: &str| c.name(k).and_then(|m| m.as_str().parse::<u32>().ok());
        let (y, m, d) = if c.name("iso").is_some() {
            (num("y1")?, num("m1")?, num("d1")?)
        } else if c.name("cjk").is_some() {
            (num("y5")?, num("m5")?, num("d5")?)
        } else if c.name("dmy").is_some() {
            let (a, b) = (num("d2")?, num("m2")?);
            // Dots are day first everywhere; slashes and dashes follow the page's custom
            // unless one number cannot be a month.
            let swap = c.name("sep").is_some_and(|s| s.as_str() != ".")
                && (b > 12 || (month_first && a <= 12));
            let (d, m) = if swap { (b, a) } else { (a, b) };
            (num("y2")?, m, d)
        } else if c.name("dnamey").is_some() {
            (
                num("y3")?,
                month_named(c.name("mn3")?.as_str())?,
                num("d3")?,
            )
        } else {
            (
                num("y4")?,
                month_named(c.name("mn4")?.as_str())?,
                num("d4")?,
            )
        };
        let day = NaiveDate::from_ymd_opt(y as i32, m, d).filter(|d| crate::date::plausible(*d))?;
        Some((c.get(0)?.start(), day))
    })
}

/// A date in a URL path: `/2020/08/24/`, `/2020-08-24-`, `/20200824/`, and day first as
/// European CMSs write it in slugs: `/29-10-2021`, `_22.04.2020_`. `month_first` reads
/// `/03-04-2020` as 4 March, as in running text.
pub(crate) fn in_url(url: &str, month_first: bool) -> Option<NaiveDate> {
    static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[/_-]((?:19|20)\d\d)([/_-]?)([01]?\d)([/_-]?)([0-3]?\d)(?:[/_.-]|$)")
            .expect("constant regex")
    });
    static URL_DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[/_~-]([0-3]?\d)([._-])([01]?\d)([._-])((?:19|20)\d\d)(?:[/_.-]|$)")
            .expect("constant regex")
    });
    let path = url.split(['?', '#']).next()?;
    let ymd = URL_DATE.captures(path).and_then(|c| {
        // `/2020/0824` is not a date; the two separators must agree, and without them both
        // parts have two digits (`/2017/7/12/` is a date, `/201771/` is not).
        if c[2] != c[4] || (c[2].is_empty() && (c[3].len() != 2 || c[5].len() != 2)) {
            return None;
        }
        let (y, m, d) = (c[1].parse().ok()?, c[3].parse().ok()?, c[5].parse().ok()?);
        NaiveDate::from_ymd_opt(y, m, d)
    });
    let day_first = || {
        let c = URL_DAY_FIRST.captures(path)?;
        if c[2] != c[4] {
            return None;
        }
        let (a, b, y): (u32, u32, i32) =
            (c[1].parse().ok()?, c[3].parse().ok()?, c[5].parse().ok()?);
        // Dots are day first everywhere; dashes follow the page's custom unless one number
        // cannot be a month.
        let swap = &c[2] != "." && (b > 12 || (month_first && a <= 12));
        let (d, m) = if swap { (b, a) } else { (a, b) };
        NaiveDate::from_ymd_opt(y, m, d)
    };
    ymd.or_else(day_first)
        .filter(|d| crate::date::plausible(*d))
}

/// Where a candidate came from: the order of trust when sources disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Source {
    Structured,
    Element,
    Url,
    Byline,
    Modified,
    Script,
    Text,
}

/// Whether `03/04/2020` is 4 March on a page in this language (`lang` as the page states it,
/// `en-GB`, `de`): only in American English and where no language is stated.
pub(crate) fn month_first(lang: Option<&str>) -> bool {
    let Some(tag) = lang.map(str::trim).filter(|t| !t.is_empty()) else {
        return true;
    };
    let mut parts = tag.split(['-', '_']);
    let primary = parts.next().unwrap_or("");
    let region = parts.next().unwrap_or("");
    primary.eq_ignore_ascii_case("en")
        && (region.is_empty() || ["us", "ph"].iter().any(|r| region.eq_ignore_ascii_case(r)))
}

/// The page's publication date, or `None` when the page states none. `metas` are the page's
/// `<meta>` values by lower-case name; `ld` its JSON-LD blocks; `page_url` its canonical
/// address; `lang` its language tag as stated (`en-GB`), which decides how `03/04/2020` reads.
///
/// The order: a publication date in `<meta>` or JSON-LD, then an element marked as the
/// publication (`itemprop="datePublished"`), then what the page shows (`<time>`, a byline),
/// then generic `<meta name="date">` (CMSs fill it with the last save as often as with the
/// publication), the page's URL, the last modification, and any day in the visible text.
pub(crate) fn publication(
    doc: &Html,
    metas: &HashMap<String, String>,
    ld: &[Value],
    page_url: Option<&str>,
    lang: Option<&str>,
    warnings: &mut Vec<String>,
) -> Option<Stamp> {
    let month_first = month_first(lang);
    let meta = |k: &str| {
        metas
            .get(k)
            .map(String::as_str)
            .filter(|v| !v.trim().is_empty())
    };
    let mut read = |source: &str, raw: &str| -> Option<Stamp> {
        let s = stamp::parse(raw).or_else(|| {
            in_text(raw, month_first).map(|date| Stamp {
                date,
                published: None,
            })
        });
        if s.is_none() {
            warnings.push(format!("unreadable date {raw:?} in {source}"));
        }
        s
    };
    let day = |date| Stamp {
        date,
        published: None,
    };

    let mut best: Option<(Source, Stamp)> = None;
    let structured = PUBLISHED_METAS
        .iter()
        .filter_map(|k| meta(k).map(|v| (k, v)))
        .find_map(|(k, v)| read(&format!("meta {k}"), v))
        .or_else(|| ld_published(ld).and_then(|v| read("JSON-LD datePublished", &v)));
    if let Some(s) = structured {
        best = Some((Source::Structured, s));
    }
    if best.is_none() {
        best = marked_element(doc, month_first).map(|s| (Source::Element, s));
    }
    if best.is_none() {
        best = time_element(doc, month_first).map(|s| (Source::Element, s));
    }
    let url = page_url
        .into_iter()
        .chain(meta("og:url"))
        .find_map(|u| in_url(u, month_first));
    if best.is_none() {
        best = url.map(|d| (Source::Url, day(d)));
    }
    // The visible text is walked only when it is needed.
    let visible = std::cell::OnceCell::new();
    let visible = || visible.get_or_init(|| byline_date(doc, month_first));
    if best.is_none() {
        let v = visible().0;
        best = v.announced.or(v.classed).map(|d| (Source::Byline, day(d)));
    }
    if best.is_none() {
        best = page_url
            .and_then(|u| self_listed(doc, u, month_first))
            .map(|d| (Source::Byline, day(d)));
    }
    if best.is_none() {
        best = WEAK_METAS
            .iter()
            .filter_map(|k| meta(k).map(|v| (k, v)))
            .find_map(|(k, v)| read(&format!("meta {k}"), v))
            .map(|s| (Source::Structured, s));
    }
    if best.is_none() {
        best = ld_string(ld, "dateModified")
            .or_else(|| {
                MODIFIED_METAS
                    .iter()
                    .find_map(|k| meta(k).map(str::to_string))
            })
            .and_then(|v| stamp::parse(&v))
            .map(|s| (Source::Modified, s))
            .or_else(|| {
                last_modified_line(doc, month_first)
                    .or_else(|| shown_update(&visible().1, month_first, None))
                    .map(|d| (Source::Modified, day(d)))
            });
    }
    if best.is_none() {
        best = script_published(doc).map(|s| (Source::Script, s));
    }
    if best.is_none() {
        best = visible().0.first.map(|d| (Source::Text, day(d)));
    }
    let (source, mut found) = best?;
    // A CMS fixes a page's address when it is first published: a day in it earlier than the
    // stated publication is the original, the later one a re-publication.
    if matches!(source, Source::Structured | Source::Element) {
        if let Some(u) = url.filter(|u| *u < found.date) {
            found = day(u);
        }
    }
    // A page that shows its readers only its last update ("Updated May 6, 2019") while its
    // publication is in the markup alone is dated, for them, by the update. Asked only where
    // the markup also states a later modification.
    if matches!(source, Source::Structured | Source::Element) {
        let modified = ld_string(ld, "dateModified")
            .or_else(|| {
                MODIFIED_METAS
                    .iter()
                    .find_map(|k| meta(k).map(str::to_string))
            })
            .and_then(|v| {
                stamp::parse(&v)
                    .map(|s| s.date)
                    .or_else(|| in_text(&v, month_first))
            });
        if let Some(m) = modified.filter(|m| *m > found.date) {
            if let Some(u) = shown_update(&visible().1, month_first, Some((found.date, m))) {
                found = day(u);
            }
        }
    }
    // A UTC timestamp may fall on the day after (or before) the day the publisher shows; the
    // page's own local day, where it gives one, is the day readers saw: the same moment
    // stated elsewhere with the publisher's offset, `sailthru.date`, the URL, the page's
    // language where it is spoken in one time zone, or the day the page shows (`<time>`, the
    // byline).
    if source == Source::Structured && is_utc(found.published.as_deref()) {
        let local = local_restatement(doc, metas, ld, found.published.as_deref())
            .or_else(|| {
                meta("sailthru.date")
                    .and_then(|v| stamp::parse(v).filter(|s| !is_utc(s.published.as_deref())))
                    .map(|s| s.date)
            })
            .or(url)
            .or_else(|| central_european_day(found.published.as_deref()?, lang))
            .or_else(|| {
                // What the page shows its readers: the first `<time>`, else the byline. A
                // `<time>` with its own moment and offset was weighed above: another moment.
                time_element(doc, month_first)
                    .filter(|s| s.published.is_none())
                    .map(|s| s.date)
                    .or_else(|| {
                        // Unless the text shows the stamp's own day too (a byline "21 de
                        // abril, 14:32" below a menu with today's "22/04/2022").
                        let (v, text) = visible();
                        (!shows_day(text, found.date, month_first))
                            .then(|| v.announced.or(v.classed).or(v.first))
                            .flatten()
                    })
            });
        if let Some(day) = local.filter(|d| (*d - found.date).num_days().abs() == 1) {
            found.date = day;
        }
    }
    Some(found)
}

/// The day shown beside a link to the page itself: a list of the latest articles that holds
/// this one (`<a href="/this-article"><div class="authored">10.11.2021</div><h2>…`) dates it
/// where the page states its day nowhere else. The link's own text first, then its parent's
/// while short and holding no other link: one item, not the whole list. A link to a part of
/// the page (`#comment-288842`) is a comment's or a heading's, not the page's.
fn self_listed(doc: &Html, page_url: &str, month_first: bool) -> Option<NaiveDate> {
    let own = url_path(page_url).filter(|p| p.len() > 1)?;
    let short_day = |e: ElementRef<'_>| {
        let text = e.text().collect::<Vec<_>>().join(" ");
        (text.len() < 400)
            .then(|| in_text(&text, month_first))
            .flatten()
    };
    elements(doc)
        .filter(|e| {
            e.value().name() == "a"
                && e.attr("href")
                    .filter(|h| !h.contains('#'))
                    .and_then(url_path)
                    .is_some_and(|p| p == own)
        })
        .find_map(|a| {
            short_day(a).or_else(|| {
                // The parent is the item only when it holds no other link: in a menu of
                // sibling pages it is the whole menu.
                a.parent()
                    .and_then(ElementRef::wrap)
                    .filter(|p| {
                        p.descendants()
                            .filter_map(|n| n.value().as_element())
                            .filter(|e| e.name() == "a")
                            .nth(1)
                            .is_none()
                    })
                    .and_then(short_day)
            })
        })
}

/// The path of an absolute or root-relative address, without query, fragment or a trailing
/// slash: `https://x.org/a/b/?q=1` → `/a/b`. `None` for a relative one (`b.html`).
fn url_path(url: &str) -> Option<&str> {
    let url = url.trim();
    let rest = if let Some(i) = url.find("://") {
        let after = &url[i + 3..];
        &after[after.find('/').unwrap_or(after.len())..]
    } else if let Some(after) = url.strip_prefix("//") {
        &after[after.find('/').unwrap_or(after.len())..]
    } else if url.starts_with('/') {
        url
    } else {
        return None;
    };
    let path = rest.split(['?', '#']).next().unwrap_or("");
    Some(path.trim_end_matches('/')).map(|p| if p.is_empty() { "/" } else { p })
}

/// The day in Central European time of a UTC timestamp on a page whose language (or stated
/// country) keeps that time: CMSs store a German or French article's date as UTC, so one
/// saved at local midnight reads `2022-11-06T23:00:00Z`, and its readers saw 7 November.
/// Summer time as the EU keeps it: from 01:00 UTC on the last Sunday of March to 01:00 UTC on
/// the last Sunday of October.
fn central_european_day(utc: &str, lang: Option<&str>) -> Option<NaiveDate> {
    const LANGUAGES: &[&str] = &[
        "de", "fr", "it", "nl", "pl", "cs", "sk", "hu", "da", "sv", "nb", "nn", "no", "sl", "hr",
        "sr", "bs", "mk", "sq", "lb",
    ];
    const COUNTRIES: &[&str] = &[
        "de", "at", "ch", "li", "lu", "be", "nl", "fr", "it", "sm", "va", "mc", "es", "ad", "pl",
        "cz", "sk", "hu", "si", "hr", "ba", "rs", "me", "mk", "al", "dk", "se", "no", "mt",
    ];
    let mut parts = lang?.trim().split(['-', '_']);
    let primary = parts.next()?.to_ascii_lowercase();
    let central = match parts.next().filter(|r| r.len() == 2) {
        Some(region) => COUNTRIES.contains(&region.to_ascii_lowercase().as_str()),
        None => LANGUAGES.contains(&primary.as_str()),
    };
    if !central {
        return None;
    }
    let instant = DateTime::parse_from_rfc3339(utc).ok()?.naive_utc();
    let last_sunday = |month: u32| {
        let last = NaiveDate::from_ymd_opt(instant.year(), month, 31)?;
        let back = last.weekday().num_days_from_sunday();
        last.checked_sub_days(chrono::Days::new(back.into()))?
            .and_hms_opt(1, 0, 0)
    };
    let summer = (last_sunday(3)?..last_sunday(10)?).contains(&instant);
    let offset = chrono::TimeDelta::hours(if summer { 2 } else { 1 });
    Some((instant + offset).date())
}

/// The day of a UTC timestamp where the page states the same moment (within an hour: the
/// first save and the publication) with a non-zero offset, in a `<meta>`, JSON-LD or a
/// `<time>` outside foreign parts.
fn local_restatement(
    doc: &Html,
    metas: &HashMap<String, String>,
    ld: &[Value],
    utc: Option<&str>,
) -> Option<NaiveDate> {
    let instant = DateTime::parse_from_rfc3339(utc?).ok()?;
    let local = |raw: &str| -> Option<NaiveDate> {
        let s = stamp::parse(raw)?;
        let dt = DateTime::parse_from_rfc3339(s.published.as_deref()?).ok()?;
        (dt.offset().local_minus_utc() != 0
            && (dt.signed_duration_since(instant)).num_minutes().abs() <= 60)
            .then_some(s.date)
    };
    let mut ld_dates = Vec::new();
    for key in ["datePublished", "dateCreated"] {
        ld_all_strings(ld, key, &mut ld_dates);
    }
    metas
        .values()
        .map(String::as_str)
        .chain(ld_dates.iter().map(String::as_str))
        .find_map(local)
        .or_else(|| {
            times(doc)
                .filter(|e| !foreign(*e, FOREIGN_TAGS))
                .filter_map(|e| e.attr("datetime"))
                .find_map(local)
        })
}

/// Every string under `key` in the JSON-LD.
fn ld_all_strings(ld: &[Value], key: &str, out: &mut Vec<String>) {
    fn walk(v: &Value, key: &str, out: &mut Vec<String>) {
        match v {
            Value::Object(o) => {
                for (k, c) in o {
                    match c {
                        Value::String(s) if k == key => out.push(s.clone()),
                        _ => walk(c, key, out),
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|c| walk(c, key, out)),
            _ => {}
        }
    }
    ld.iter().for_each(|v| walk(v, key, out));
}

fn is_utc(published: Option<&str>) -> bool {
    published.is_some_and(|p| p.ends_with('Z') || p.ends_with("+00:00"))
}

/// `datePublished` (else `dateCreated`) of the page's own article in JSON-LD: the first
/// object of an article-like type, else the first that states one.
fn ld_published(ld: &[Value]) -> Option<String> {
    fn article_like(o: &serde_json::Map<String, Value>) -> bool {
        let ty = |t: &str| {
            t.ends_with("Article")
                || matches!(
                    t,
                    "BlogPosting" | "Report" | "WebPage" | "Blog" | "LiveBlogPosting"
                )
        };
        match o.get("@type") {
            Some(Value::String(t)) => ty(t),
            Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(ty),
            _ => false,
        }
    }
    fn walk<'a>(v: &'a Value, out: &mut Vec<&'a serde_json::Map<String, Value>>) {
        match v {
            Value::Object(o) => {
                out.push(o);
                for (k, c) in o {
                    // Dates of what an article mentions or contains are not its own.
                    if !matches!(
                        k.as_str(),
                        "comment" | "review" | "subjectOf" | "hasPart" | "itemListElement"
                    ) {
                        walk(c, out);
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|c| walk(c, out)),
            _ => {}
        }
    }
    let mut objects = Vec::new();
    ld.iter().for_each(|v| walk(v, &mut objects));
    let date = |o: &serde_json::Map<String, Value>| {
        ["datePublished", "dateCreated"]
            .iter()
            .find_map(|k| match o.get(*k) {
                Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
                _ => None,
            })
    };
    objects
        .iter()
        .filter(|o| article_like(o))
        .find_map(|o| date(o))
        .or_else(|| objects.iter().find_map(|o| date(o)))
}

/// The first string under `key` anywhere in the JSON-LD (objects, arrays, `@graph`).
pub(super) fn ld_string(ld: &[Value], key: &str) -> Option<String> {
    fn find(v: &Value, key: &str) -> Option<String> {
        match v {
            Value::Object(o) => match o.get(key) {
                Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
                _ => o.values().find_map(|c| find(c, key)),
            },
            Value::Array(a) => a.iter().find_map(|c| find(c, key)),
            _ => None,
        }
    }
    ld.iter().find_map(|v| find(v, key))
}

/// Whether an element sits in something that is not the page's own article. The classes of
/// `<html>`, `<body>` and `<article>` describe the page or the article itself (`tag-twitter`,
/// `one-sidebar`), never a part foreign to it.
fn foreign(el: ElementRef<'_>, tags: &[&str]) -> bool {
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .chain(std::iter::once(el))
        .any(|e| {
            let name = e.value().name();
            (tags.contains(&name) && !article_aside(e.value()))
                || (!matches!(name, "html" | "body" | "article") && foreign_part(e))
        })
}

/// An `<aside>` classed as the article's meta line or date (`<aside class="meta">`): many
/// CMSs set the byline beside the text this way, while other asides hold other articles.
fn article_aside(e: &scraper::node::Element) -> bool {
    e.name() == "aside" && date_class(e)
}

/// Whether the class or id of an element names a part foreign to the article, unless it holds
/// the page's headline (`<h1>`) or comes right after it: a "teaser" around the headline and
/// lead picture, or the lead set under the headline (`detail-page__teaser-text`), is the
/// article's own head.
fn foreign_part(e: ElementRef<'_>) -> bool {
    let h1 =
        |n: ego_tree::NodeRef<'_, Node>| n.value().as_element().is_some_and(|d| d.name() == "h1");
    foreign_words(e.value())
        && !e.descendants().any(h1)
        && !e
            .prev_siblings()
            .find(|n| n.value().is_element())
            .is_some_and(h1)
}

fn element_stamp(el: ElementRef<'_>, month_first: bool) -> Option<Stamp> {
    let attrs = ["datetime", "content", "title"]
        .iter()
        .filter_map(|a| el.attr(a))
        .find_map(stamp::parse);
    attrs.or_else(|| {
        // Pieces joined by a space: `<span>28.09.19</span><span>12:44</span>` is not 1912.
        let text = el.text().collect::<Vec<_>>().join(" ");
        let text = text.trim();
        stamp::parse(text).or_else(|| {
            (text.len() < 200)
                .then(|| in_text(text, month_first))
                .flatten()
                .map(|date| Stamp {
                    date,
                    published: None,
                })
        })
    })
}

/// `itemprop="datePublished"` and kin on any element outside embedded posts.
fn marked_element(doc: &Html, month_first: bool) -> Option<Stamp> {
    elements(doc)
        .filter(|e| {
            e.value().name() != "meta"
                && marked_published(e.value())
                && !foreign(*e, EMBEDDING_TAGS)
        })
        .find_map(|e| element_stamp(e, month_first))
}

/// The first `<time>` outside foreign parts that is not marked as an update.
fn time_element(doc: &Html, month_first: bool) -> Option<Stamp> {
    times(doc)
        .filter(|e| {
            !foreign(*e, FOREIGN_TAGS)
                && !updated_class(e.value())
                && !e.ancestors().filter_map(ElementRef::wrap).any(site_header)
        })
        .find_map(|e| element_stamp(e, month_first))
}

/// Whether an element is the site's own header (outside `<article>` and `<main>`, with the
/// menu or the search box), not the article's: a date there is today's, shown by the logo.
fn site_header(e: ElementRef<'_>) -> bool {
    let named = |n: ego_tree::NodeRef<'_, Node>, names: &[&str]| {
        n.value()
            .as_element()
            .is_some_and(|d| names.contains(&d.name()))
    };
    e.value().name() == "header"
        && !e.ancestors().any(|a| named(a, &["article", "main"]))
        && e.descendants().any(|d| named(d, &["nav", "form"]))
}

fn updated_class(e: &scraper::node::Element) -> bool {
    e.attr("class").is_some_and(|c| {
        (c.contains("updated") || c.contains("modified")) && !c.contains("published")
    })
}

/// A date in the visible text: first one announced by a publication word, else the first in a
/// date-classed element (`class="date"`, `post-date`, `entry-meta`), outside foreign parts.
/// Days in the visible text: the one announced by a publication word, the first in a
/// date-classed element, and the first anywhere (a last resort).
#[derive(Clone, Copy, Default)]
struct Visible {
    announced: Option<NaiveDate>,
    classed: Option<NaiveDate>,
    first: Option<NaiveDate>,
}

/// Also returns the visible text itself, for the update line.
fn byline_date(doc: &Html, month_first: bool) -> (Visible, String) {
    static ANNOUNCED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"{PUBLISHED_WORDS}\s*(?:on|am|le|el|il|op|:)?\s*:?\s*"
        ))
        .expect("constant regex")
    });
    let Some(body) = doc.select(&BODY).next() else {
        return (Visible::default(), String::new());
    };
    let mut text = String::new();
    let mut classed: Option<NaiveDate> = None;
    visible_text(body, &mut text, &mut classed, month_first);
    let announced = ANNOUNCED.find_iter(&text).find_map(|m| {
        let rest = &text[m.end()..];
        let window = &rest[..rest.char_indices().nth(40).map_or(rest.len(), |(i, _)| i)];
        match all_in_text(window, month_first).next() {
            Some((0..=12, day)) => Some(day),
            _ => None,
        }
    });
    let first = (announced.is_none() && classed.is_none())
        .then(|| in_text(&text, month_first))
        .flatten();
    let v = Visible {
        announced,
        classed,
        first,
    };
    (v, text)
}

/// A publication stamp only a script's data states (`"published_at":"2019-03-02T06:22:28+01:00"`,
/// `"publishedDate"`): shops and single-page apps draw their dates from it. Only where the
/// page states no day in its markup; a full timestamp is required, so a version or a bare
/// number is never read. Creation keys (`"createdAt"`) are not read: in a page's data they
/// belong as often to its users, images or comments.
fn script_published(doc: &Html) -> Option<Stamp> {
    static KEY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r#""(?i:published_?at|published_?date|publish_?date|date_?published|first_?published_?at)"\s*:\s*"([^"]+)""#,
        )
        .expect("constant regex")
    });
    elements(doc)
        .filter(|e| e.value().name() == "script")
        .flat_map(|script| script.text())
        .flat_map(|text| KEY.captures_iter(text))
        .find_map(|c| {
            let raw = &c[1];
            (raw.len() <= 40)
                .then(|| stamp::parse(raw))
                .flatten()
                .filter(|s| s.published.is_some())
        })
}

/// The day in the line a wiki keeps for the last change of the page, in its footer
/// (`<li id="footer-info-lastmod">This page was last edited on 29 January 2020</li>`): a wiki
/// page has no other date.
fn last_modified_line(doc: &Html, month_first: bool) -> Option<NaiveDate> {
    elements(doc)
        .find(|e| {
            e.value()
                .attr("id")
                .into_iter()
                .chain(e.value().attr("class"))
                .any(|v| v.to_ascii_lowercase().contains("lastmod"))
        })
        .and_then(|e| in_text(&e.text().collect::<String>(), month_first))
}

/// The day of the page's visible update line ("Updated May 6, 2019", "Aktualisiert:
/// 30.12.2016", "Letzte Änderung: 14.01.2022"). Given the publication and a later modification
/// the markup states, only where the visible text shows the publication nowhere: then the
/// update line's day if later, else the modification's day where the text shows it.
fn shown_update(
    text: &str,
    month_first: bool,
    stated: Option<(NaiveDate, NaiveDate)>,
) -> Option<NaiveDate> {
    static UPDATE_WORD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!("(?i:{})", UPDATED_WORDS.join("|"))).expect("constant regex")
    });
    // The day may follow the word after an hour and zone: "Updated 2010 GMT (0410 HKT) March
    // 14, 2021".
    let update = UPDATE_WORD.find_iter(text).find_map(|m| {
        let rest = &text[m.end()..];
        let window = &rest[..rest.char_indices().nth(40).map_or(rest.len(), |(i, _)| i)];
        match all_in_text(window, month_first).next() {
            Some((0..=30, d)) => Some(d),
            _ => None,
        }
    });
    let Some((published, modified)) = stated else {
        return update;
    };
    if shows_day(text, published, month_first) {
        return None;
    }
    update
        .filter(|u| *u > published)
        .or_else(|| shows_day(text, modified, month_first).then_some(modified))
}

/// Whether `text` states `day` in any of the shapes [`in_text`] reads. Every shape holds the
/// four-digit year, so only the stretch before and around each occurrence of it is read.
fn shows_day(text: &str, day: NaiveDate, month_first: bool) -> bool {
    let year = day.year().to_string();
    text.match_indices(&year).any(|(i, _)| {
        let mut start = i.saturating_sub(40);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (i + 12).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        all_in_text(&text[start..end], month_first).any(|(_, d)| d == day)
    })
}

/// The page's visible text outside foreign parts, and the first day in a date-classed
/// element on the way.
fn visible_text(
    el: ElementRef<'_>,
    out: &mut String,
    classed: &mut Option<NaiveDate>,
    month_first: bool,
) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let Some(child_el) = ElementRef::wrap(child) else {
                    continue;
                };
                if (FOREIGN_TAGS.contains(&e.name()) && !article_aside(e))
                    || e.name() == "footer"
                    || site_header(child_el)
                    || (!matches!(e.name(), "article") && foreign_part(child_el))
                {
                    continue;
                }
                if classed.is_none() && date_class(e) && !in_dated_list(child_el) {
                    // Pieces joined by a space, read only while short: a date-classed
                    // wrapper around the whole article holds no byline of its own.
                    let mut t = String::new();
                    for piece in child_el.text() {
                        if !t.is_empty() {
                            t.push(' ');
                        }
                        t.push_str(piece);
                        if t.len() >= 300 {
                            break;
                        }
                    }
                    if t.len() < 300 {
                        // "Written: 7 Nov / Updated: 8 Nov": the day before the first update
                        // word is the publication; one after it never is.
                        let lower = t.to_lowercase();
                        let cut = UPDATED_WORDS
                            .iter()
                            .filter_map(|w| lower.find(w))
                            .min()
                            .unwrap_or(lower.len());
                        let before = &lower[..cut];
                        *classed = in_text(before, month_first).or_else(|| short_year_day(before));
                    }
                }
                out.push(' ');
                visible_text(child_el, out, classed, month_first);
                out.push(' ');
            }
            _ => {}
        }
    }
}

/// Whether an element sits in an item of a list where another item also holds a
/// date-classed element: a list of other articles or events (`<li><span class="datum">`),
/// whatever its class says, and never the page's own byline.
fn in_dated_list(el: ElementRef<'_>) -> bool {
    let Some(item) = std::iter::once(el)
        .chain(el.ancestors().filter_map(ElementRef::wrap))
        .find(|e| e.value().name() == "li")
    else {
        return false;
    };
    let dated = |li: &ElementRef<'_>| {
        li.descendants()
            .filter_map(|n| n.value().as_element())
            .any(date_class)
    };
    item.parent()
        .into_iter()
        .flat_map(|list| list.children())
        .filter_map(ElementRef::wrap)
        .filter(|li| li.value().name() == "li" && dated(li))
        .nth(1)
        .is_some()
}

/// `31.10.23` in a date line: day, month and a year of this century, with dots as German,
/// Swiss and Nordic bylines write them. Read only where the page marks the line as its date:
/// in running text the shape is as often a version or a score.
fn short_year_day(text: &str) -> Option<NaiveDate> {
    static SHORT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^\d.])([0-3]?\d)\.([01]?\d)\.(\d\d)(?:[^\d.]|\.?$)")
            .expect("constant regex")
    });
    let c = SHORT.captures(text)?;
    let (d, m, y): (u32, u32, i32) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    NaiveDate::from_ymd_opt(2000 + y, m, d).filter(|d| crate::date::plausible(*d))
}

fn foreign_words(e: &scraper::node::Element) -> bool {
    // Asked of every element of the page: one search for any of the words' stems in the
    // class and id first, the word-by-word test only where one occurs.
    static STEMS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            "(?i)related|recommend|teaser|comment|repl|popular|trending|outbrain|taboola|recirculation",
        )
        .expect("constant regex")
    });
    e.attr("class")
        .into_iter()
        .chain(e.attr("id"))
        .any(|v| STEMS.is_match(v))
        && has_class_word(e, FOREIGN)
}

/// Whether one of the [`class_words`] of `e` is in `words`, ASCII case aside.
pub(crate) fn has_class_word(e: &scraper::node::Element, words: &[&str]) -> bool {
    class_words(e).any(|w| words.iter().any(|f| f.eq_ignore_ascii_case(w)))
}

/// The words of an element's class and id (`related-posts` → `related`, `posts`), leaving out
/// the classes a CMS derives from the article's own tags and categories (`tag-comments`,
/// `category-popular`): they name what the article is about, not what the element is.
pub(crate) fn class_words(e: &scraper::node::Element) -> impl Iterator<Item = &str> {
    const TAXONOMY: &[&str] = &["tag-", "category-", "categories-", "topic-", "format-"];
    e.attr("class")
        .into_iter()
        .chain(e.attr("id"))
        .flat_map(str::split_ascii_whitespace)
        .filter(|token| {
            !TAXONOMY.iter().any(|t| {
                token
                    .get(..t.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(t))
            })
        })
        .flat_map(|token| token.split(['-', '_']))
}

fn date_class(e: &scraper::node::Element) -> bool {
    // `submitted`: Drupal's byline ("Submitted by … on …", "Gespeichert von … am …");
    // `datum`, `fecha`: "date" in German, Dutch, Nordic languages and Spanish.
    const DATE_WORDS: &[&str] = &[
        "date",
        "time",
        "publish",
        "posted",
        "byline",
        "meta",
        "submitted",
        "datum",
        "fecha",
    ];
    e.attr("class").into_iter().chain(e.attr("id")).any(|v| {
        // One lower-cased copy searched with `contains`: WordPress class lists run to
        // hundreds of bytes, and this is asked of every element of the page.
        let lowered;
        let v = if v.bytes().any(|b| b.is_ascii_uppercase()) {
            lowered = v.to_ascii_lowercase();
            lowered.as_str()
        } else {
            v
        };
        DATE_WORDS.iter().any(|w| v.contains(w)) && !v.contains("update") && !v.contains("modified")
    })
}

/// JSON-LD text as browsers and search engines accept it: raw line breaks and tabs inside
/// strings (invalid JSON) read as spaces.
pub(crate) fn lenient_json(text: &str) -> Option<Value> {
    serde_json::from_str(text).ok().or_else(|| {
        let cleaned: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&cleaned).ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<String> {
        in_text(s, false).map(|d| d.to_string())
    }

    #[test]
    fn text_shapes_in_many_languages() {
        assert_eq!(
            day("Artikel veröffentlicht am 16.12.2012").as_deref(),
            Some("2012-12-16")
        );
        assert_eq!(
            day("Published 8 November 2023").as_deref(),
            Some("2023-11-08")
        );
        assert_eq!(
            day("posted on March 4th, 2016 by x").as_deref(),
            Some("2016-03-04")
        );
        assert_eq!(day("6. August 2009").as_deref(), Some("2009-08-06"));
        assert_eq!(day("12 de marzo de 2020").as_deref(), Some("2020-03-12"));
        assert_eq!(day("2020年2月19日").as_deref(), Some("2020-02-19"));
        assert_eq!(day("am 26/10/2018").as_deref(), Some("2018-10-26"));
        assert_eq!(
            in_text("03/04/2020", true).unwrap().to_string(),
            "2020-03-04"
        );
        assert_eq!(
            in_text("03/04/2020", false).unwrap().to_string(),
            "2020-04-03"
        );
        assert_eq!(day("no date 2020 here, version 1.2.3"), None);
        assert_eq!(day("31.02.2020"), None);
    }

    #[test]
    fn url_dates() {
        let u = |s: &str| in_url(s, true).map(|d| d.to_string());
        assert_eq!(
            u("https://x.org/2020/08/24/story/").as_deref(),
            Some("2020-08-24")
        );
        assert_eq!(
            u("https://x.org/news/2020-08-24-story").as_deref(),
            Some("2020-08-24")
        );
        assert_eq!(
            u("https://x.org/a/20200824/b.html").as_deref(),
            Some("2020-08-24")
        );
        assert_eq!(u("https://x.org/2020/0824/b"), None);
        assert_eq!(
            u("https://x.org/home/2017/7/12/story").as_deref(),
            Some("2017-07-12")
        );
        assert_eq!(u("https://x.org/a-201771-b"), None);
        assert_eq!(u("https://x.org/2020/08/story"), None);
        // Day first, as European CMSs write dates in slugs.
        assert_eq!(
            u("https://x.org/meldungen/29-10-2021").as_deref(),
            Some("2021-10-29")
        );
        assert_eq!(
            u("https://x.org/artikel/report_of_22.04.2020_on_x").as_deref(),
            Some("2020-04-22")
        );
        assert_eq!(
            in_url("https://x.org/detail/~02-01-2022-story", false).map(|d| d.to_string()),
            Some("2022-01-02".to_string())
        );
        assert_eq!(
            in_url("https://x.org/detail/~02-01-2022-story", true).map(|d| d.to_string()),
            Some("2022-02-01".to_string())
        );
        assert_eq!(u("https://x.org/a/02-01.2022/b"), None);
        assert_eq!(u("https://x.org/a/32-01-2022/b"), None);
    }

    fn page_day(html: &str) -> Option<String> {
        let doc = Html::parse_document(html);
        let metas = HashMap::new();
        publication(&doc, &metas, &[], None, Some("de"), &mut Vec::new())
            .map(|s| s.date.to_string())
    }

    #[test]
    fn sources_are_weighed_and_foreign_dates_skipped() {
        // The first <time> belongs to a related-articles list; the article's own comes later.
        let related = r#"<body><div class="related-posts"><time datetime="2019-01-01">x</time></div>
            <article><time datetime="2020-02-02T10:00:00+01:00">2. Februar</time><p>Text.</p></article></body>"#;
        assert_eq!(page_day(related).as_deref(), Some("2020-02-02"));
        // itemprop on a <div>, with the day only in its text.
        let div = r#"<body><div class="info"><div itemprop="datePublished">20.06.2019 11:43</div></div></body>"#;
        assert_eq!(page_day(div).as_deref(), Some("2019-06-20"));
        // A byline in the visible text, after an update note.
        let byline = "<body><p>Aktualisiert am 03.01.2013</p><p>Artikel veröffentlicht am 16.12.2012</p></body>";
        assert_eq!(page_day(byline).as_deref(), Some("2012-12-16"));
        // An embedded tweet's date is never the page's.
        let tweet = r#"<body><blockquote class="twitter-tweet"><time datetime="2018-05-05">x</time></blockquote><p>No date here.</p></body>"#;
        assert_eq!(page_day(tweet), None);
    }

    fn page_day_with(html: &str, lang: Option<&str>) -> Option<String> {
        let doc = Html::parse_document(html);
        let mut metas = HashMap::new();
        for m in doc.select(&selector("meta")) {
            if let (Some(k), Some(v)) = (m.attr("name").or(m.attr("property")), m.attr("content")) {
                metas.insert(k.to_lowercase(), v.to_string());
            }
        }
        publication(&doc, &metas, &[], None, lang, &mut Vec::new()).map(|s| s.date.to_string())
    }

    #[test]
    fn day_and_month_order_follows_the_stated_language() {
        assert!(month_first(None));
        assert!(month_first(Some("en")));
        assert!(month_first(Some("en-US")));
        assert!(!month_first(Some("en-GB")));
        assert!(!month_first(Some("de")));
        let page = r#"<body><span class="time">02/10/2020</span><p>Text.</p></body>"#;
        assert_eq!(
            page_day_with(page, Some("en-GB")).as_deref(),
            Some("2020-10-02")
        );
        assert_eq!(
            page_day_with(page, Some("en-US")).as_deref(),
            Some("2020-02-10")
        );
    }

    #[test]
    fn what_the_page_shows_outranks_a_generic_date_meta() {
        // `<meta name="date">` is often the last save; the page's own <time> and bylines win.
        let time = r#"<head><meta name="date" content="2021-12-20T11:02:44+01:00"></head>
            <body><time datetime="2022-01-27">27.01.2022</time><p>Text.</p></body>"#;
        assert_eq!(
            page_day_with(time, Some("de")).as_deref(),
            Some("2022-01-27")
        );
        let byline = r#"<head><meta name="date" content="2021-10-15"></head>
            <body><span>Erschienen am:</span> <h2>13.10.2021</h2><p>Text.</p></body>"#;
        assert_eq!(
            page_day_with(byline, Some("de")).as_deref(),
            Some("2021-10-13")
        );
        // Alone, it still dates the page.
        let alone =
            r#"<head><meta name="date" content="2021-10-15"></head><body><p>Text.</p></body>"#;
        assert_eq!(
            page_day_with(alone, Some("de")).as_deref(),
            Some("2021-10-15")
        );
    }

    #[test]
    fn a_utc_stamp_takes_the_local_day_the_page_states_for_the_same_moment() {
        let page = r#"<head><meta property="article:published_time" content="2019-10-18T22:04:00Z">
            <meta name="date" content="Sat, 19 Oct 2019 00:04:00 +0200"></head><body><p>Text.</p></body>"#;
        assert_eq!(
            page_day_with(page, Some("de")).as_deref(),
            Some("2019-10-19")
        );
        let time = r#"<head><meta property="article:published_time" content="2022-05-04T03:37:37+00:00"></head>
            <body><time datetime="2022-05-03T23:37:37-04:00">3 May</time></body>"#;
        assert_eq!(
            page_day_with(time, Some("en")).as_deref(),
            Some("2022-05-03")
        );
        // Another moment's offset (a later update) is no restatement.
        let other = r#"<head><meta property="article:published_time" content="2022-05-04T03:37:37+00:00"></head>
            <body><time datetime="2022-05-03T12:00:00-04:00">3 May</time></body>"#;
        assert_eq!(
            page_day_with(other, Some("en")).as_deref(),
            Some("2022-05-04")
        );
    }

    #[test]
    fn a_date_line_that_also_states_an_update_gives_the_day_before_it() {
        let both = r#"<body><p class="date">Written: 2023-11-07 15:03<span> / </span>Updated: 2023-11-08 09:30</p>
            <p>Text.</p><p class="date">2023-11-03</p></body>"#;
        assert_eq!(
            page_day_with(both, Some("en")).as_deref(),
            Some("2023-11-07")
        );
        // An update alone is no publication: the next dated line is taken.
        let update = r#"<body><p class="date">Updated: 2023-11-08</p><p>Text.</p>
            <p class="date">2023-11-03</p></body>"#;
        assert_eq!(
            page_day_with(update, Some("en")).as_deref(),
            Some("2023-11-03")
        );
    }

    #[test]
    fn a_utc_stamp_on_a_central_european_page_takes_the_local_day() {
        let page = |stamp: &str, lang: &str| {
            page_day_with(
                &format!(
                    r#"<head><meta property="article:published_time" content="{stamp}"></head><body><p>Text.</p></body>"#
                ),
                Some(lang),
            )
        };
        // Local midnight in winter (UTC+1) and in summer (UTC+2).
        assert_eq!(
            page("2022-11-06T23:00:00.000Z", "de").as_deref(),
            Some("2022-11-07")
        );
        assert_eq!(
            page("2022-07-06T22:00:00Z", "fr-CH").as_deref(),
            Some("2022-07-07")
        );
        // 22:30 UTC in winter is still the same day in Berlin.
        assert_eq!(
            page("2022-11-06T22:30:00Z", "de").as_deref(),
            Some("2022-11-06")
        );
        // Not where the language or country keeps another time.
        assert_eq!(
            page("2022-11-06T23:00:00Z", "en").as_deref(),
            Some("2022-11-06")
        );
        assert_eq!(
            page("2022-11-06T23:00:00Z", "fr-CA").as_deref(),
            Some("2022-11-06")
        );
        assert_eq!(
            page("2022-11-06T23:00:00Z", "es-ES").as_deref(),
            Some("2022-11-07")
        );
        // Summer time ends at 01:00 UTC on the last Sunday of October (30 October 2022).
        assert_eq!(
            page("2022-10-29T22:30:00Z", "de").as_deref(),
            Some("2022-10-30")
        );
        assert_eq!(
            page("2022-10-30T22:30:00Z", "de").as_deref(),
            Some("2022-10-30")
        );
    }

    #[test]
    fn a_teaser_around_the_headline_is_the_article_head() {
        let head = r#"<body><figure class="teaser"><img src="a.jpg"><div class="info">
            <span class="date">02.02.2022</span></div><h1>Headline</h1></figure><p>Text.</p></body>"#;
        assert_eq!(
            page_day_with(head, Some("de")).as_deref(),
            Some("2022-02-02")
        );
        // A teaser of another article (no headline of the page in it) stays foreign.
        let other = r#"<body><h1>Headline</h1><p>Text.</p><div class="teaser">
            <span class="date">03.03.2021</span><h2>Other</h2></div></body>"#;
        assert_eq!(page_day_with(other, Some("de")), None);
    }

    #[test]
    fn a_byline_with_a_two_digit_year() {
        let page = r#"<body><h1>T</h1><div class="article-meta">Von: A. Autor <span>|</span>
            <span>31.10.23</span></div><p>Text mit Version 1.10.23.</p></body>"#;
        assert_eq!(
            page_day_with(page, Some("de")).as_deref(),
            Some("2023-10-31")
        );
        // Only in a line the page marks as its date.
        let text = r#"<body><h1>T</h1><p>Version 1.10.23 ist da.</p></body>"#;
        assert_eq!(page_day_with(text, Some("de")), None);
        assert_eq!(
            short_year_day("am 5.3.21, 10:00"),
            NaiveDate::from_ymd_opt(2021, 3, 5)
        );
        assert_eq!(short_year_day("1.2.3.4"), None);
    }

    #[test]
    fn a_release_in_the_text_is_no_byline() {
        // "released on" names what the article is about; the post's own date line is first.
        let page = r#"<body><div><h2>Title</h2><small>January 13, 2020 at 08:45 AM</small>
            <p>Version 5.2 was released on November 5, 2019.</p></div></body>"#;
        assert_eq!(
            page_day_with(page, Some("en")).as_deref(),
            Some("2020-01-13")
        );
    }

    #[test]
    fn the_date_in_the_site_header_is_today_not_the_article() {
        let page = r#"<body><header><a class="logo">Site</a><span class="site-date">26.02.2020</span>
            <form><input name="q"></form></header>
            <main><h1>T</h1><span class="date">01.05.2017</span><p>Text.</p></main></body>"#;
        assert_eq!(
            page_day_with(page, Some("de")).as_deref(),
            Some("2017-05-01")
        );
        // The article's own header, with its share form, keeps its date.
        let article = r#"<body><article><header><h1>T</h1><time datetime="2022-12-06">6.12.</time>
            <form><button>Share</button></form></header><p>Text.</p></article></body>"#;
        assert_eq!(
            page_day_with(article, Some("de")).as_deref(),
            Some("2022-12-06")
        );
    }

    #[test]
    fn an_aside_classed_as_the_meta_line_is_the_article_own() {
        let meta = r#"<head><meta name="date" content="2022-01-26"></head><body><article><h1>T</h1>
            <aside class="meta"><time datetime="2022-01-21">21.01.2022</time></aside><p>Text.</p></article></body>"#;
        assert_eq!(
            page_day_with(meta, Some("de")).as_deref(),
            Some("2022-01-21")
        );
        // Other asides hold other articles.
        let other = r#"<head><meta name="date" content="2022-01-26"></head><body><article><h1>T</h1>
            <aside class="more"><time datetime="2022-01-21">21.01.2022</time></aside><p>Text.</p></article></body>"#;
        assert_eq!(
            page_day_with(other, Some("de")).as_deref(),
            Some("2022-01-26")
        );
    }

    #[test]
    fn element_text_pieces_and_taxonomy_classes() {
        // `<span>28.09.19</span><span>12:44</span>` is no year 1912.
        let pieces =
            r#"<body><time><span>28.09.19</span><span>12:44</span></time><p>Text.</p></body>"#;
        assert_eq!(page_day_with(pieces, Some("de")), None);
        // A post classed by its category (`category-popular`) is no list of popular posts.
        let post = r#"<body><div class="post category-popular tag-comments"><h1>T</h1>
            <p>January 22, 2014</p><p>Text.</p></div></body>"#;
        assert_eq!(
            page_day_with(post, Some("en-US")).as_deref(),
            Some("2014-01-22")
        );
    }

    #[test]
    fn json_ld_with_raw_line_breaks_is_read() {
        let v =
            lenient_json("{\"headline\": \"a\nb\", \"datePublished\": \"2021-01-02\"}").unwrap();
        assert_eq!(ld_published(&[v]).as_deref(), Some("2021-01-02"));
    }

    #[test]
    fn a_comma_after_the_month_name() {
        assert_eq!(
            day("26 Mai, 2008 | ThE_PaiN").as_deref(),
            Some("2008-05-26")
        );
        assert_eq!(
            day("Von C. Thiele , 07 Dezember, 2022").as_deref(),
            Some("2022-12-07")
        );
        assert_eq!(day("5 March , 2020").as_deref(), Some("2020-03-05"));
    }

    #[test]
    fn the_lead_right_after_the_headline_is_the_article_own() {
        // A "teaser" block set right under the `<h1>` is the lead with the byline; the list
        // of other articles further down stays foreign.
        let page = r#"<body><main><h1>Schulze: Deutschland hilft</h1>
            <div class="detail-page__teaser-text"><p>Pressemitteilung vom 25. Januar 2022 | Berlin</p></div>
            <p>Text.</p><div class="teaser"><p>3. März 2021</p><h2>Other</h2></div></main></body>"#;
        assert_eq!(
            page_day_with(page, Some("de")).as_deref(),
            Some("2022-01-25")
        );
        let related = r#"<body><main><h1>T</h1><p>Text.</p>
            <div class="teaser"><p>3. März 2021</p><h2>Other</h2></div></main></body>"#;
        assert_eq!(page_day_with(related, Some("de")), None);
    }

    #[test]
    fn drupal_submitted_line_and_date_words_in_other_languages_are_date_lines() {
        // The first day in the text is an event's; the byline is classed `submitted`.
        let drupal = r#"<body><div><p>Wir fahren am 23.-26.8.2017 hin.</p>
            <div class="submitted">Gespeichert von <span>rasos</span> am 24. Juli 2017 - 18:55</div>
            </div></body>"#;
        assert_eq!(
            page_day_with(drupal, Some("de")).as_deref(),
            Some("2017-07-24")
        );
        let datum = r#"<body><div><h2>T</h2><p><span class="text_datum">31. Oktober 2023.</span> Text.</p>
            <div class="slide"><h3>Other</h3><p>24. Oktober 2023</p></div></div></body>"#;
        assert_eq!(
            page_day_with(datum, Some("de")).as_deref(),
            Some("2023-10-31")
        );
    }

    #[test]
    fn a_list_of_dated_items_is_no_byline() {
        // A sidebar of events, each item with its date; the page's own date is a weak meta.
        let page = r#"<head><meta name="date" content="2020-02-11"></head><body><main><h1>T</h1>
            <p>Text.</p></main><div><ul class="list-group">
            <li><span class="date">29.02.2020 18:00 Uhr</span> <a href="/v/1">Wein</a></li>
            <li><span class="date">04.04.2020 18:00 Uhr</span> <a href="/v/2">Tapas</a></li>
            </ul></div></body>"#;
        assert_eq!(
            page_day_with(page, Some("de")).as_deref(),
            Some("2020-02-11")
        );
        // One item alone, the page's meta line built as a list, is the byline.
        let meta_list = r#"<body><main><h1>T</h1><ul class="meta"><li class="author">A</li>
            <li class="date">09.03.2022</li></ul><p>Text.</p></main></body>"#;
        assert_eq!(
            page_day_with(meta_list, Some("de")).as_deref(),
            Some("2022-03-09")
        );
    }

    #[test]
    fn the_page_listed_among_the_latest_gives_its_day() {
        let page = |html: &str, url: &str| {
            let doc = Html::parse_document(html);
            publication(
                &doc,
                &HashMap::new(),
                &[],
                Some(url),
                Some("de"),
                &mut Vec::new(),
            )
            .map(|s| s.date.to_string())
        };
        // The page states no day; the sidebar's list of latest articles holds it, dated.
        let html = r#"<body><main><h1>Menschenrechte achten</h1><p>Text.</p></main>
            <div class="marginal"><ul>
            <li><a href="/gefluechtete-belarus"><div class="teaser"><div class="authored">09.11.2021</div>
            <h2>Belarus</h2></div></a></li>
            <li><a href="/menschenrechte-achten"><div class="teaser"><div class="authored">10.11.2021</div>
            <h2>Menschenrechte achten</h2></div></a></li></ul></div></body>"#;
        assert_eq!(
            page(html, "https://www.awo.org/menschenrechte-achten/").as_deref(),
            Some("2021-11-10")
        );
        // Another page's address dates nothing; nor does a menu whose item, the link to this
        // page, sits beside other dated links.
        assert_eq!(page(html, "https://www.awo.org/andere-seite"), None);
        // A comment's permalink is an anchor in the page: the comment's day is not the page's.
        let comment = r#"<body><main><h1>T</h1><p>Text.</p></main><div class="comment-metadata">
            <a href="https://x.de/2020/folge-70/#comment-2"><time>25. Februar 2020</time></a></div></body>"#;
        let doc = Html::parse_document(comment);
        assert_eq!(
            self_listed(&doc, "https://x.de/2020/folge-70/", false),
            None
        );
        let menu = r#"<body><main><h1>T</h1><p>Text.</p></main><ul><li>
            <a href="/berichte/woche-3">Woche 3</a> <a href="/berichte/woche-2">31. Dezember 2021</a>
            </li></ul></body>"#;
        let doc = Html::parse_document(menu);
        assert_eq!(
            self_listed(&doc, "https://x.ch/berichte/woche-3", false),
            None
        );
    }

    #[test]
    fn url_paths() {
        assert_eq!(url_path("https://x.org/a/b/?q=1#c"), Some("/a/b"));
        assert_eq!(url_path("//x.org/a"), Some("/a"));
        assert_eq!(url_path("/a/b.html"), Some("/a/b.html"));
        assert_eq!(url_path("https://x.org"), Some("/"));
        assert_eq!(url_path("b.html"), None);
    }

    #[test]
    fn a_utc_stamp_gives_way_to_the_local_day_the_page_shows() {
        // Published at 21:25 in Buenos Aires, stored as 00:53 UTC the next day.
        let page = |shown: &str| {
            format!(
                r#"<head><meta property="article:published_time" content="2022-05-04T00:53:29.274Z"></head>
                <body><main><h1>T</h1><span class="mod-date"><time>{shown}</time></span><p>Text.</p></main></body>"#
            )
        };
        assert_eq!(
            page_day_with(&page("3 de mayo de 2022"), Some("es-AR")).as_deref(),
            Some("2022-05-03")
        );
        // A byline in plain text, day first.
        let plain = r#"<head><meta property="article:published_time" content="2022-05-04T02:41:00Z"></head>
            <body><h1>T</h1><h6><a href="/autor/a">A</a> <span>3/5/2022 22:41</span></h6><p>Text.</p></body>"#;
        assert_eq!(
            page_day_with(plain, Some("es")).as_deref(),
            Some("2022-05-03")
        );
        // The text shows the stamp's own day too, below a menu dated today: the stamp stands.
        let both = r#"<head><meta property="article:published_time" content="2022-04-21T20:32:20+00:00"></head>
            <body><div>Eventos 22/04/2022</div><h1>T</h1><p>Por G. Méndez 21 de abril de 2022, 14:32</p>
            <p>Text.</p></body>"#;
        assert_eq!(
            page_day_with(both, Some("es")).as_deref(),
            Some("2022-04-21")
        );
        // A day shown further off is another day, not the same moment: the stamp stands.
        assert_eq!(
            page_day_with(&page("1 de mayo de 2022"), Some("es-AR")).as_deref(),
            Some("2022-05-04")
        );
    }

    #[test]
    fn a_page_that_shows_only_its_update_is_dated_by_it() {
        let page = |head: &str, shown: &str| {
            format!(
                r#"<head><meta property="article:published_time" content="2019-10-15T16:59:59Z">{head}</head>
                <body><main><h1>T</h1><div class="timestamp">{shown}</div><p>Text.</p></main></body>"#
            )
        };
        let modified = r#"<meta property="article:modified_time" content="2020-03-12T14:42:17Z">"#;
        assert_eq!(
            page_day_with(
                &page(modified, "Updated Mar 12, 2020 @ 10:42 am"),
                Some("en")
            )
            .as_deref(),
            Some("2020-03-12")
        );
        // "Updated 2010 GMT (0410 HKT) March 14, 2021": the day may come after the hour.
        assert_eq!(
            page_day_with(
                &page(modified, "Updated 2010 GMT (0410 HKT) March 12, 2020"),
                Some("en")
            )
            .as_deref(),
            Some("2020-03-12")
        );
        // The publication shown too: it stays the date.
        assert_eq!(
            page_day_with(
                &page(modified, "Published Oct 15, 2019, updated Mar 12, 2020"),
                Some("en")
            )
            .as_deref(),
            Some("2019-10-15")
        );
        // No later modification in the markup: the update line is not asked.
        assert_eq!(
            page_day_with(&page("", "Updated Mar 12, 2020"), Some("en")).as_deref(),
            Some("2019-10-15")
        );
    }

    #[test]
    fn a_visible_update_line_outranks_a_day_in_the_text() {
        // Nothing states the publication; the update line is the page's own date, the day in
        // the text what the text is about.
        let page = r#"<body><main><h1>T</h1><p>Seit 4. August 2014 ist in Bolivien ein Gesetz in Kraft.</p>
            <p class="info">Aktualisiert: 30.12.2016</p></main></body>"#;
        assert_eq!(
            page_day_with(page, Some("de")).as_deref(),
            Some("2016-12-30")
        );
        let change = r#"<body><p>Bild vom 31.05.2021.</p><div><label>Letzte Änderung:</label>
            <div>14.01.2022 um 09:25</div></div></body>"#;
        assert_eq!(
            page_day_with(change, Some("de")).as_deref(),
            Some("2022-01-14")
        );
    }

    #[test]
    fn a_wiki_page_is_dated_by_its_last_change() {
        let page = r#"<body><div id="content"><h1>Kassel/Stammtisch</h1>
            <p>Der nächste Stammtisch findet am Mi. 5. Februar 2020 statt.</p></div>
            <div id="footer"><ul><li id="footer-info-lastmod"> Diese Seite wurde zuletzt am
            29. Januar 2020 um 13:22 Uhr geändert.</li></ul></div></body>"#;
        assert_eq!(
            page_day_with(page, Some("de")).as_deref(),
            Some("2020-01-29")
        );
    }

    #[test]
    fn a_page_that_shows_only_its_modification_day_is_dated_by_it() {
        let page = |shown: &str| {
            format!(
                r#"<head><meta property="article:published_time" content="2021-03-16T16:16:10Z">
                <meta property="article:modified_time" content="2021-03-20T14:00:17Z"></head>
                <body><main><h1>T</h1><p class="byline">{shown}</p><p>Text.</p></main></body>"#
            )
        };
        assert_eq!(
            page_day_with(&page("20. März 2021 - 15:00 Uhr"), Some("de")).as_deref(),
            Some("2021-03-20")
        );
        // Both shown: the publication stands.
        assert_eq!(
            page_day_with(&page("16.03.2021, zuletzt 20.03.2021"), Some("de")).as_deref(),
            Some("2021-03-16")
        );
        // Neither shown: the publication stands.
        assert_eq!(
            page_day_with(&page("Von A. Autor"), Some("de")).as_deref(),
            Some("2021-03-16")
        );
    }

    #[test]
    fn an_earlier_day_in_the_address_is_the_original_publication() {
        let page = r#"<head><meta itemprop="datePublished" content="2019-06-17T18:28:00+0200"></head>
            <body><h1>T</h1><p>Text.</p></body>"#;
        let at = |url: &str| {
            let doc = Html::parse_document(page);
            let mut metas = HashMap::new();
            metas.insert(
                "datepublished".to_string(),
                "2019-06-17T18:28:00+0200".to_string(),
            );
            publication(&doc, &metas, &[], Some(url), Some("de"), &mut Vec::new())
                .map(|s| s.date.to_string())
        };
        assert_eq!(
            at("https://www.befifty.de/home/2017/7/12/unter-uns-montauk").as_deref(),
            Some("2017-07-12")
        );
        // A later day in the address (an archive path) does not move the publication.
        assert_eq!(
            at("https://x.de/archiv/2020/01/05/unter-uns").as_deref(),
            Some("2019-06-17")
        );
    }

    #[test]
    fn a_stamp_only_a_script_states_is_the_last_resort_before_the_text() {
        let page = r#"<body><h1>Sidamo</h1><p>Text.</p><script>var meta = {"product":
            {"created_at":"2019-03-02T06:27:24+01:00","published_at":"2019-03-01T06:22:28+01:00",
            "version":"2020-01-01"}};</script></body>"#;
        // A creation stamp alone (a user's, an image's) dates nothing.
        let created = r#"<body><p>Text.</p><script>{"user":{"createdAt":"2012-01-31T15:58:43+01:00"}}</script></body>"#;
        assert_eq!(page_day_with(created, Some("de")), None);
        assert_eq!(
            page_day_with(page, Some("de")).as_deref(),
            Some("2019-03-01")
        );
        // Markup that states the day outranks it; a version is no stamp.
        let marked = r#"<body><time datetime="2020-05-05">5.5.</time><script>{"published_at":"2019-03-01T06:22:28Z"}</script></body>"#;
        assert_eq!(
            page_day_with(marked, Some("de")).as_deref(),
            Some("2020-05-05")
        );
        let bare =
            r#"<body><p>Text.</p><script>{"publishDate":"release-2.3.4-beta.1"}</script></body>"#;
        assert_eq!(page_day_with(bare, Some("de")), None);
    }
}
