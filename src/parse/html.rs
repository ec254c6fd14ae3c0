//! HTML article pages, read with a real HTML parser (`scraper`, on html5ever). Metadata comes
//! from `<meta>` tags, JSON-LD (raw line breaks in strings tolerated), `<link rel=canonical>`
//! and `<html lang>`; the publication date from `page_date`, which weighs
//! every place a page states it. The title is the headline without the site's name. The text
//! is the readable part of the main article container (the element a CMS names as the text,
//! `entry-content`, `article-body`…; `[itemprop=articleBody]`, `<article>`, `<main>`; else the
//! element the paragraphs cluster in, else `<body>`), without scripts, navigation, headers,
//! footers, asides, forms, figures and captions, blocks that are mostly links (and their
//! labels), and share/related/newsletter boxes, unless such an element wraps most of the
//! text; block elements become paragraphs. The dateline is searched at the start of that
//! text.

use std::collections::HashMap;

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use ego_tree::NodeId;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

use super::text::collapse;
use super::{boilerplate, dateline, language, page_date, place, settle, text, Article, Ctx};

/// Whether text (white space and BOM trimmed) opens like an HTML document.
pub fn looks_like(text: &str) -> bool {
    let opens = |prefix: &str| {
        text.as_bytes()
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    opens("<!doctype html")
        || opens("<html")
        || ((opens("<?xml") || opens("<!--"))
            && text
                .chars()
                .take(1024)
                .collect::<String>()
                .to_ascii_lowercase()
                .contains("<html"))
}

fn selector(s: &str) -> Selector {
    Selector::parse(s).expect("constant selector")
}

static META: LazyLock<Selector> = LazyLock::new(|| selector("meta"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static LD_JSON: LazyLock<Selector> =
    LazyLock::new(|| selector(r#"script[type="application/ld+json"]"#));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector(r#"link[rel="canonical"]"#));
static HTML_TAG: LazyLock<Selector> = LazyLock::new(|| selector("html"));
static BODY: LazyLock<Selector> = LazyLock::new(|| selector("body"));
/// Main-text containers, most specific first.
static CONTAINERS: LazyLock<Vec<Selector>> = LazyLock::new(|| {
    [
        r#"[itemprop="articleBody"]"#,
        "article",
        "main",
        r#"[role="main"]"#,
    ]
    .iter()
    .map(|s| selector(s))
    .collect()
});

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "svg",
    "iframe",
    "figure",
    "select",
    "textarea",
    "input",
    "label",
    "menu",
    "dialog",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "picture",
    "h1",
    "head",
    "title",
    "figcaption",
    // Ruby annotations: the reading printed over East Asian words (`<rt>`), not the text.
    "rt",
    "rp",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "hr",
    "address",
];

/// Class or id words that mark page furniture inside an article container.
const FURNITURE: &[&str] = &[
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "promo",
    "comments",
    "comment",
    "cookie",
    "cookies",
    "subscribe",
    "subscription",
    "popup",
    "modal",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "recirculation",
    "outbrain",
    "taboola",
    "caption",
    "footer",
    "copyright",
    "legend",
    "button",
    "buttons",
    "disclaimer",
    "signup",
    "popular",
    "trending",
    // Boxes about the author (`author-box`, `article_author`): a biography, not the article.
    "author",
    "authors",
    "bio",
    "byline",
];

/// Main text shorter than this (in characters) gives way to the page's description.
const SHORT_TEXT: usize = 200;

/// Reads one page. Never fails: a page without metadata or text gets warnings instead.
pub(crate) fn parse(text: &str, ctx: &Ctx<'_>) -> Article {
    let doc = Html::parse_document(text);
    let metas = meta_map(&doc);
    let ld = json_ld(&doc);
    let meta = |k: &str| metas.get(k).map(String::as_str).filter(|v| !v.is_empty());

    let stated = meta("og:title")
        .or_else(|| meta("twitter:title"))
        .map(str::to_string)
        .or_else(|| page_date::ld_string(&ld, "headline"))
        .or_else(|| first_text(&doc, &TITLE));
    let title = headline(
        stated.as_deref(),
        || first_text(&doc, &H1),
        meta("og:site_name")
            .or_else(|| meta("application-name"))
            .or_else(|| meta("publisher")),
    );
    let mut body = main_text(&doc);
    // A page whose text is not readable here (drawn by script, behind a paywall) still
    // states what it is about: its description stands for the text, with a warning.
    let mut described = false;
    if body.chars().count() < SHORT_TEXT {
        if let Some(d) = meta("og:description").or_else(|| meta("description")) {
            let d = collapse(d);
            if d.len() > body.len() {
                body = if body.is_empty() {
                    d
                } else {
                    format!("{d}\n\n{body}")
                };
                described = true;
            }
        }
    }
    let mut article = Article {
        id: ctx.rel_path.to_string(),
        title: text::nfc(collapse(&title)),
        body: text::nfc(body),
        url: doc
            .select(&CANONICAL)
            .find_map(|l| l.attr("href"))
            .or_else(|| meta("og:url"))
            .map(|u| u.trim().to_string())
            .filter(|u| !u.is_empty()),
        language: doc
            .select(&HTML_TAG)
            .find_map(|h| h.attr("lang"))
            .or_else(|| meta("content-language"))
            .and_then(text::language_code),
        ..Article::default()
    };

    // Site themes declare `lang="en"` on pages in any language: an English label the text
    // plainly contradicts yields to what the text is written in (a German page read as
    // English makes speakers of `Ziel` and `Concernant`).
    if article.language.as_deref() == Some("en") {
        if let Some(found) = language::detect(&article.title, &article.body) {
            article.language = Some(found);
        }
    }
    let lang = doc
        .select(&HTML_TAG)
        .find_map(|h| h.attr("lang").or_else(|| h.attr("xml:lang")))
        .or_else(|| meta("content-language"));
    let explicit = page_date::publication(
        &doc,
        &metas,
        &ld,
        article.url.as_deref(),
        lang,
        &mut article.warnings,
    );
    if article.body.is_empty() {
        article.warnings.push("no readable article text".into());
    } else if described {
        article
            .warnings
            .push("little readable article text: the page's description is indexed with it".into());
    }
    // A page's later paragraphs hold headings shaped like datelines ("EAT SMALL Hundefutter –
    // jetzt 20% Rabatt", "ACHIY – Handgestrickte Knitwear"): past the first paragraph, a
    // dateline names a place the gazetteer knows, or states a date.
    let found = dateline::in_body(&article.body).filter(|(at, d)| {
        article
            .body
            .get(..*at)
            .is_some_and(|head| head.trim().is_empty())
            || d.month_day.is_some()
            || place::resolve(&d.city, d.region.as_deref(), ctx.aliases)
                .is_some_and(|p| p.country.is_some())
    });
    settle(&mut article, explicit, found.as_ref().map(|(_, d)| d), ctx);
    article
}

/// Every `<meta>` keyed by its lower-case `property`, `name`, `itemprop` or `http-equiv`,
/// first occurrence kept; the value is `content` (or `datetime`).
fn meta_map(doc: &Html) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for m in doc.select(&META) {
        let Some(value) = m.attr("content").or_else(|| m.attr("datetime")) else {
            continue;
        };
        for key in ["property", "name", "itemprop", "http-equiv"] {
            if let Some(k) = m.attr(key) {
                map.entry(k.trim().to_lowercase())
                    .or_insert_with(|| value.trim().to_string());
            }
        }
    }
    map
}

/// All JSON-LD blocks that parse, raw line breaks and tabs in strings tolerated.
fn json_ld(doc: &Html) -> Vec<Value> {
    doc.select(&LD_JSON)
        .filter_map(|s| page_date::lenient_json(&s.text().collect::<String>()))
        .collect()
}

/// Separators between a headline and the site's name in a page title.
const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " · ", " › ", " » ", " // ", " :: ", " ~ ",
];

/// The headline without the site's name. The stated title (`og:title`, `<title>`) often
/// carries the site (`Harbour reopens | Example News`); the `<h1>` is the headline when it is
/// one of the title's parts; else the part that is not the site, by name or, failing that,
/// the longest part when the others are short.
fn headline(
    stated: Option<&str>,
    h1: impl FnOnce() -> Option<String>,
    site: Option<&str>,
) -> String {
    let norm = |s: &str| collapse(s).to_lowercase();
    let Some(stated) = stated.map(collapse).filter(|s| !s.is_empty()) else {
        return h1().unwrap_or_default();
    };
    // Only a title with parts can hold the `<h1>` and more; the lookup walks the whole page.
    let parted = TITLE_SEPARATORS.iter().any(|s| stated.contains(s)) || stated.contains(": ");
    if let Some(h1) = parted.then(h1).flatten().filter(|h| h.chars().count() >= 8) {
        if norm(&stated) == norm(&h1) {
            return stated;
        }
        if norm(&stated).contains(&norm(&h1)) {
            return h1;
        }
    }
    let Some(sep) = TITLE_SEPARATORS.iter().find(|s| stated.contains(**s)) else {
        return stated;
    };
    let parts: Vec<&str> = stated.split(sep).map(str::trim).collect();
    if let Some(site) = site.map(norm).filter(|s| !s.is_empty()) {
        let kept: Vec<&str> = parts
            .iter()
            .copied()
            .filter(|p| {
                let p = norm(p);
                !(p == site || site.contains(&p) || p.contains(&site))
            })
            .collect();
        if !kept.is_empty() && kept.len() < parts.len() {
            return kept.join(sep);
        }
    }
    let words = |p: &str| p.split_whitespace().count();
    let (longest, rest): (Vec<&str>, Vec<&str>) = {
        let max = parts.iter().map(|p| words(p)).max().unwrap_or(0);
        let i = parts.iter().position(|p| words(p) == max).unwrap_or(0);
        (
            vec![parts[i]],
            parts
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, p)| *p)
                .collect(),
        )
    };
    if rest.iter().all(|p| words(p) <= 4) && words(longest[0]) >= 3 {
        longest[0].to_string()
    } else {
        stated
    }
}

fn first_text(doc: &Html, sel: &Selector) -> Option<String> {
    doc.select(sel)
        .map(|e| collapse(&e.text().collect::<String>()))
        .find(|t| !t.is_empty())
}

/// How much article text each element of the page holds, measured in two walks over the
/// tree. Text counts when it is in a `<p>`, or a long run outside one (pages that set their
/// text in `<div>`s with `<br>`s), never inside a link.
struct Measure {
    /// All such text under each element, and how much of its text is linked.
    raw: FxHashMap<NodeId, Stat>,
    /// That text outside furniture: comment threads, related lists, small forms and elements
    /// that are never article text. This is what chooses the container.
    kept: FxHashMap<NodeId, usize>,
    /// readability's paragraph scores: each kept paragraph counts twice for its parent and
    /// once for its grandparent.
    scores: FxHashMap<NodeId, usize>,
    /// The body's raw text.
    total_raw: usize,
}

/// Elements whose content is never text a reader sees.
const CODE: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "title", "select", "textarea",
    "iframe", "object", "canvas",
];

/// What [`Measure`] knows of an element after its first walk.
#[derive(Clone, Copy, Default)]
struct Stat {
    /// Article-like text: in a `<p>`, or a long run outside links.
    counted: usize,
    /// All text, and the part of it inside `<a>`.
    all: usize,
    linked: usize,
    /// Whether a `<p>` is among its descendants.
    has_p: bool,
}

/// A text run outside `<p>` that counts as article text.
const LONG_RUN: usize = 50;

impl Measure {
    fn new(body: ElementRef<'_>) -> Self {
        let mut m = Measure {
            raw: FxHashMap::default(),
            kept: FxHashMap::default(),
            scores: FxHashMap::default(),
            total_raw: 0,
        };
        m.total_raw = m.raw_walk(*body, false, false).counted;
        m.kept_walk(*body, false, false);
        m
    }

    fn raw(&self, el: ElementRef<'_>) -> usize {
        self.raw.get(&el.id()).map_or(0, |s| s.counted)
    }

    /// A block that is mostly links (menus, tag clouds, "read more" lists, a paragraph that
    /// only points elsewhere): at least 70% of its text inside `<a>`; a list or `<div>` also
    /// holds no paragraph of its own.
    fn link_list(&self, el: ElementRef<'_>) -> bool {
        let Some(s) = self.raw.get(&el.id()) else {
            return false;
        };
        let lone = matches!(
            el.value().name(),
            "p" | "li" | "h2" | "h3" | "h4" | "dt" | "dd"
        );
        s.all > 0 && (lone || !s.has_p) && s.linked * 10 >= s.all * 7
    }

    /// Paragraph text under `el` outside furniture: how much article it holds.
    fn kept(&self, el: ElementRef<'_>) -> usize {
        self.kept.get(&el.id()).copied().unwrap_or(0)
    }

    /// An element that holds at least half of the text of `within`: a layout wrapper (a
    /// `<header>` left open around the page, `content-sidebar-wrap`), whatever its name says.
    fn wraps(&self, el: ElementRef<'_>, within: usize) -> bool {
        let raw = self.raw(el);
        raw > 0 && raw * 2 >= within
    }

    fn raw_walk(&mut self, node: ego_tree::NodeRef<'_, Node>, in_p: bool, in_a: bool) -> Stat {
        match node.value() {
            Node::Text(t) => {
                let all = t.trim().len();
                Stat {
                    counted: if in_p || (!in_a && all >= LONG_RUN) {
                        all
                    } else {
                        0
                    },
                    all,
                    linked: if in_a { all } else { 0 },
                    has_p: false,
                }
            }
            Node::Element(e) if CODE.contains(&e.name()) => Stat::default(),
            Node::Element(e) => {
                let (in_p, in_a) = (in_p || e.name() == "p", in_a || e.name() == "a");
                let mut sum = Stat::default();
                for c in node.children() {
                    let s = self.raw_walk(c, in_p, in_a);
                    sum.counted += s.counted;
                    sum.all += s.all;
                    sum.linked += s.linked;
                    sum.has_p |= s.has_p || c.value().as_element().is_some_and(|e| e.name() == "p");
                }
                if sum.all > 0 {
                    self.raw.insert(node.id(), sum);
                }
                sum
            }
            _ => Stat::default(),
        }
    }

    fn kept_walk(&mut self, node: ego_tree::NodeRef<'_, Node>, in_p: bool, in_a: bool) -> usize {
        match node.value() {
            Node::Text(t) => counted(t, in_p, in_a),
            Node::Element(e) => {
                let name = e.name();
                let raw = self.raw.get(&node.id()).map_or(0, |s| s.counted);
                // Kept text is part of the counted text: nothing to find below.
                if raw == 0 {
                    return 0;
                }
                let wrapper = raw > 0 && raw * 2 >= self.total_raw;
                let left_out = match name {
                    // Some CMSs (ASP.NET) wrap the whole page in a form.
                    "form" => raw < 500,
                    _ => SKIP.contains(&name) || discussion(e),
                };
                if left_out && !wrapper {
                    return 0;
                }
                let (in_p, in_a) = (in_p || name == "p", in_a || name == "a");
                let sum = node.children().map(|c| self.kept_walk(c, in_p, in_a)).sum();
                if sum > 0 {
                    self.kept.insert(node.id(), sum);
                }
                if name == "p" && sum >= 25 {
                    let mut up = node.ancestors();
                    if let Some(parent) = up.next() {
                        *self.scores.entry(parent.id()).or_default() += 2 * sum;
                    }
                    if let Some(grand) = up.next() {
                        *self.scores.entry(grand.id()).or_default() += sum;
                    }
                }
                sum
            }
            _ => 0,
        }
    }
}

fn counted(t: &str, in_p: bool, in_a: bool) -> usize {
    let n = t.trim().len();
    if in_p || (!in_a && n >= LONG_RUN) {
        n
    } else {
        0
    }
}

/// Comment threads and lists of other articles: their paragraphs can outweigh a short
/// article's, and they are never its text. (Wider furniture words also name layout wrappers
/// around the article, `has-sidebar`, so they are not used to rule paragraphs out.)
fn discussion(e: &scraper::node::Element) -> bool {
    const WORDS: &[&str] = &[
        "comment",
        "comments",
        "commentlist",
        "replies",
        "respond",
        "related",
    ];
    page_date::has_class_word(e, WORDS)
}

/// Class or id fragments CMSs give the element that holds an article's text and nothing
/// else (WordPress `entry-content`, `article-body`, `story-body`…), as trafilatura looks for
/// them before `<article>`, which often holds the share bar and related links too.
const BODY_NAMES: &[&str] = &[
    "entry-content",
    "entry-body",
    "post-content",
    "post_content",
    "postcontent",
    "post-body",
    "post-text",
    "post-entry",
    "article-body",
    "article__body",
    "articlebody",
    "article-content",
    "article__content",
    "article-text",
    "articletext",
    "story-body",
    "story-content",
    "storycontent",
    "body-text",
    "text-content",
    "field-body",
    "content-body",
];

/// The element named as the article's text that holds the most paragraph text (the innermost
/// of equals), with that amount.
fn named_body<'a>(body: ElementRef<'a>, m: &Measure) -> Option<(usize, ElementRef<'a>)> {
    let mut lower = String::new();
    body.descendants()
        .filter_map(ElementRef::wrap)
        .filter(|el| matches!(el.value().name(), "div" | "section" | "article" | "main"))
        .map(|el| (m.kept(el), el))
        .filter(|(chars, el)| {
            *chars > 0
                && el
                    .value()
                    .attr("class")
                    .into_iter()
                    .chain(el.value().attr("id"))
                    .any(|v| {
                        lower.clear();
                        lower.extend(v.chars().map(|c| c.to_ascii_lowercase()));
                        BODY_NAMES.iter().any(|n| lower.contains(n))
                    })
        })
        .max_by_key(|(chars, _)| *chars)
}

/// The readable text of the page's main container.
fn main_text(doc: &Html) -> String {
    let Some(body) = doc.select(&BODY).next() else {
        return String::new();
    };
    let m = Measure::new(body);
    let total = m.kept(body);
    let fair = |(chars, _): &(usize, ElementRef<'_>)| *chars > 0 && *chars * 10 >= total * 3;
    // The element a CMS names as the article's text (`entry-content`, `article-body`), else
    // the most specific semantic container; each when it holds a fair share of the page's
    // paragraphs; among several (`<article>` teasers), the one holding the most, the
    // innermost of equals.
    let chosen = named_body(body, &m)
        .filter(fair)
        .or_else(|| {
            CONTAINERS
                .iter()
                .filter_map(|sel| {
                    doc.select(sel)
                        .map(|el| (m.kept(el), el))
                        .max_by_key(|(chars, _)| *chars)
                })
                .find(fair)
                .map(|(chars, el)| (chars, pieces_parent(el, &m).unwrap_or(el)))
        })
        .map(|(_, el)| el)
        .or_else(|| densest(body, &m, total))
        .unwrap_or(body);
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    if let Some(lead) = lead_before(body, chosen, &m) {
        collect(lead, &m, m.raw(lead), &mut paragraphs, &mut current);
        flush(&mut paragraphs, &mut current);
    }
    let within = m.raw(chosen);
    collect(chosen, &m, within, &mut paragraphs, &mut current);
    flush(&mut paragraphs, &mut current);
    paragraphs.retain(|p| !boilerplate::is_boilerplate(p));
    // Labels left at the end ("Related topics", "Tags") head lists that were left out or
    // lie outside the container.
    // A single word is as often the text's last (a name, "Next"), so it must end in a colon.
    while paragraphs.len() > 1
        && label(&paragraphs)
        && paragraphs.last().is_some_and(|p| {
            !p.contains('\n') && (p.ends_with(':') || p.split_whitespace().nth(1).is_some())
        })
    {
        paragraphs.pop();
    }
    paragraphs.join("\n\n")
}

/// The parent of a container that is one of several pieces of the text: some CMSs set each
/// block of an article (text, image, table) in an `<article>` of its own, siblings under one
/// parent. When at least three such siblings hold text and the best holds less than half of
/// the parent's, the parent holds the text.
fn pieces_parent<'a>(el: ElementRef<'a>, m: &Measure) -> Option<ElementRef<'a>> {
    let parent = el.parent().and_then(ElementRef::wrap)?;
    let name = el.value().name();
    let pieces = parent
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|s| s.value().name() == name && m.kept(*s) > 0)
        .count();
    (pieces >= 3 && m.kept(el) * 2 < m.kept(parent)).then_some(parent)
}

/// How far up from the chosen container [`lead_before`] looks: the lead sits in the article's
/// header, a sibling or cousin of the text, not elsewhere on the page.
const LEAD_LEVELS: usize = 5;

/// The article's lead (standfirst, `article-teaser`, `excerpt`, `intro`, the `<h2>` under the
/// headline) when it sits outside the container chosen for the text, just before it: CMSs
/// set it in the article's header, apart from the body. The first element so named before
/// the container, in one of its nearest ancestors, that holds text and not mostly links.
fn lead_before<'a>(
    body: ElementRef<'a>,
    chosen: ElementRef<'a>,
    m: &Measure,
) -> Option<ElementRef<'a>> {
    const LEAD: &[&str] = &[
        "lead",
        "standfirst",
        "teaser",
        "excerpt",
        "intro",
        "subheadline",
        "subhead",
        "dek",
        "deck",
    ];
    // The nearest ancestors first; one walk of the farthest, up to the container, finds the
    // candidates, and the one under the nearest ancestor wins (the first of equals).
    let ups: Vec<NodeId> = chosen
        .ancestors()
        .take(LEAD_LEVELS)
        .take_while(|up| up.id() != body.id())
        .map(|up| up.id())
        .collect();
    let top = body.tree().get(*ups.last()?)?;
    let mut best: Option<(usize, ElementRef<'a>)> = None;
    for node in top.descendants() {
        if node.id() == chosen.id() {
            break;
        }
        let Some(el) = ElementRef::wrap(node) else {
            continue;
        };
        let e = el.value();
        if matches!(e.name(), "p" | "div" | "h2" | "h3" | "span" | "section")
            && page_date::has_class_word(e, LEAD)
            && (40..=1500).contains(&m.raw(el))
            && !m.link_list(el)
        {
            let level = el
                .ancestors()
                .find_map(|a| ups.iter().position(|&u| u == a.id()))
                .unwrap_or(usize::MAX);
            if best.is_none_or(|(l, _)| level < l) {
                best = Some((level, el));
            }
        }
    }
    best.map(|(_, el)| el)
}

/// Without a semantic container, the element the paragraphs cluster in, as readability finds
/// it (see [`Measure::scores`]); the best-scored element is taken when it holds most of the
/// page's paragraph text.
fn densest<'a>(body: ElementRef<'a>, m: &Measure, total: usize) -> Option<ElementRef<'a>> {
    let (&best, _) = m
        .scores
        .iter()
        .max_by_key(|(id, score)| (**score, std::cmp::Reverse(**id)))?;
    let el = body.tree().get(best).and_then(ElementRef::wrap)?;
    if el.id() == body.id() {
        return None;
    }
    (m.kept(el) * 2 >= total).then_some(el)
}

fn is_furniture(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    page_date::has_class_word(el, FURNITURE)
}

/// The text of `el` as paragraphs, leaving out furniture unless it wraps at least half the
/// text `within` the chosen container.
fn collect(
    el: ElementRef<'_>,
    m: &Measure,
    within: usize,
    out: &mut Vec<String>,
    current: &mut String,
) {
    for child in el.children() {
        match child.value() {
            // Source line breaks are white space; only `<br>` breaks a line.
            Node::Text(t) => {
                // Soft hyphens only say where a word may break: kept, they split it for
                // search (`Mit\u{ad}tel\u{ad}al\u{ad}ter`). Its second byte is rare: a quick
                // look before the exact one.
                let shy = memchr::memchr(0xAD, t.as_bytes()).is_some() && t.contains('\u{ad}');
                for (i, part) in t.split('\n').enumerate() {
                    if i > 0 {
                        current.push(' ');
                    }
                    if shy {
                        current.extend(part.chars().filter(|&c| c != '\u{ad}'));
                    } else {
                        current.push_str(part);
                    }
                }
            }
            Node::Element(e) => {
                let name = e.name();
                let Some(child_el) = ElementRef::wrap(child) else {
                    continue;
                };
                let left_out = match name {
                    "form" => m.raw(child_el) < 500,
                    _ => SKIP.contains(&name),
                };
                if left_out && !m.wraps(child_el, within) {
                    continue;
                }
                if (is_furniture(e) && !m.wraps(child_el, within))
                    || (matches!(
                        name,
                        "ul" | "ol"
                            | "table"
                            | "div"
                            | "section"
                            | "p"
                            | "li"
                            | "h2"
                            | "h3"
                            | "h4"
                            | "dt"
                            | "dd"
                    ) && m.link_list(child_el))
                {
                    if current.trim().is_empty() {
                        drop_label(out);
                    }
                    continue;
                }
                if name == "br" {
                    current.push('\n');
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    flush(out, current);
                }
                collect(child_el, m, within, out, current);
                if block {
                    flush(out, current);
                }
            }
            _ => {}
        }
    }
}

/// A short last paragraph without a sentence's end ("Tags", "Read more", "Related topics")
/// before a list of links or page furniture that is left out is that list's label.
fn drop_label(out: &mut Vec<String>) {
    if label(out) {
        out.pop();
    }
}

/// Whether the last paragraph is short and ends without a sentence's end: a label.
fn label(out: &[String]) -> bool {
    out.last().is_some_and(|p| {
        p.chars().count() <= 40
            && p.split_whitespace().count() <= 5
            && !p.ends_with(['.', '!', '"', '”', '»', ')'])
    })
}

/// Ends the paragraph being built: white space collapsed within lines, `<br>` lines kept.
fn flush(out: &mut Vec<String>, current: &mut String) {
    if current.trim().is_empty() {
        current.clear();
        return;
    }
    let mut para = String::with_capacity(current.len());
    for line in current.split('\n') {
        let mut words = line.split_whitespace();
        let Some(first) = words.next() else { continue };
        if !para.is_empty() {
            para.push('\n');
        }
        para.push_str(first);
        for w in words {
            para.push(' ');
            para.push_str(w);
        }
    }
    out.push(para);
    current.clear();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{CityAliases, JsonMapping};

    fn p(s: &str) -> Article {
        let (aliases, json) = (CityAliases::default(), JsonMapping::default());
        let ctx = Ctx {
            rel_path: "site/2023/03/06/page.html",
            aliases: &aliases,
            json: &json,
        };
        parse(s, &ctx)
    }

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en-GB"><head>
<title>Harbour reopens | Example News</title>
<meta property="og:title" content="Harbour reopens after storm">
<meta property="article:published_time" content="2023-03-05T23:30:00-05:00">
<link rel="canonical" href="https://news.example/harbour">
<script>var x = "not text";</script>
</head><body>
<header><nav><a href="/">Home</a> | <a href="/world">World</a></nav></header>
<main>
<article>
  <h1>Harbour reopens after storm</h1>
  <div class="share-tools">Share on social</div>
  <p><span class="dateline">HALIFAX, Nova Scotia</span> (AP) — The harbour reopened on
  Sunday after the storm.</p>
  <p>Fishing crews returned &amp; “We are back,” one captain said.</p>
  <figure><img src="x.jpg"><figcaption>A boat.</figcaption></figure>
  <aside class="related">Related: other stories</aside>
  <p>Line one<br>line two</p>
</article>
</main>
<footer>© Example News</footer>
</body></html>"#;

    /// Issue 21: a theme's `lang="en"` on a page the text shows to be German gives way to
    /// German (so the English rules make no speakers of its capitalised words).
    #[test]
    fn an_english_label_yields_to_the_text() {
        let a = p(
            r#"<html lang="en"><head><title>Neue Regeln für den Wald</title></head>
<body><article><p>Die Verbraucher müssen erkennen können, woher das Holz kommt und wie es
geschlagen wurde. Das Ziel der Behörde ist, den Wald bis zum Jahr 2030 besser zu schützen.</p>
<p>"Das war ein langer Weg", sagte Ministerin Anna Roth am Montag in Berlin vor den Abgeordneten
des Landtags und den Vertretern der Verbände.</p></article></body></html>"#,
        );
        assert_eq!(a.language.as_deref(), Some("de"));
        // (An English page keeps its label.)
        assert_eq!(p(PAGE).language.as_deref(), Some("en"));
    }

    #[test]
    fn article_page_metadata_and_text() {
        let a = p(PAGE);
        assert_eq!(a.title, "Harbour reopens after storm");
        assert_eq!(
            a.date.unwrap().to_string(),
            "2023-03-05",
            "the page's own zone"
        );
        assert_eq!(a.published.as_deref(), Some("2023-03-05T23:30:00-05:00"));
        assert_eq!(a.url.as_deref(), Some("https://news.example/harbour"));
        assert_eq!(a.language.as_deref(), Some("en"));
        assert_eq!(a.city.as_deref(), Some("Halifax"));
        assert_eq!(a.region.as_deref(), Some("Nova Scotia"));
        assert_eq!(
            a.body,
            "HALIFAX, Nova Scotia (AP) — The harbour reopened on Sunday after the storm.\n\n\
             Fishing crews returned & “We are back,” one captain said.\n\nLine one\nline two"
        );
    }

    #[test]
    fn json_ld_time_and_title_fallbacks() {
        let a = p(r#"<html><head><title>Only a title</title>
<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2021-06-16T10:00:00Z"}]}</script>
</head><body><p>GENEVA (Reuters) - Leaders met.</p></body></html>"#);
        assert_eq!(a.title, "Only a title");
        assert_eq!(a.date.unwrap().to_string(), "2021-06-16");
        assert_eq!(a.city.as_deref(), Some("Geneva"));
        let t = p(
            r#"<html><body><h1>Heading</h1><article><time datetime="2020-02-02">Feb 2</time><p>Text here.</p></article></body></html>"#,
        );
        assert_eq!(t.title, "Heading");
        assert_eq!(t.date.unwrap().to_string(), "2020-02-02");
    }

    #[test]
    fn broken_markup_and_bad_dates_still_give_an_article() {
        let a = p(
            r#"<html><head><meta name="date" content="someday"><body><p>Unclosed <b>bold <p>Next"#,
        );
        assert_eq!(a.body, "Unclosed bold\n\nNext");
        assert!(a.warnings[0].contains("someday"));
        assert_eq!(a.date, None, "parse::run adds the path date later");
        let empty = p("<html><body><script>x()</script></body></html>");
        assert!(empty.warnings.iter().any(|w| w.contains("no readable")));
    }

    #[test]
    fn main_text_rules_of_issue_17() {
        // The element named as the text wins over the <article> around it, share bar included.
        let named = p(
            r#"<html><body><article><div class="tools">Share this story now on every network</div>
            <div class="entry-content"><p>The first paragraph of the story, long enough to count.</p>
            <p>A second paragraph that also belongs to the article text.</p></div></article></body></html>"#,
        );
        assert!(
            named.body.starts_with("The first paragraph"),
            "{}",
            named.body
        );
        // A <header> left open around the page, and a layout wrapper named `sidebar`, hold the
        // article: they are not furniture.
        let wrapped = p(r#"<html><body><header><div class="content-sidebar-wrap">
            <p>Text of the page that sits inside an unclosed header element.</p>
            <p>More of that text, which a reader still wants to find.</p></div></body></html>"#);
        assert!(wrapped.body.contains("unclosed header"), "{}", wrapped.body);
        // Text set in <div>s with <br>s counts as text.
        let divs = p(
            r#"<html><body><div class="bb">A long run of article text set straight into a div element.<br>
            And a second long line of it, after a line break in that div.</div></body></html>"#,
        );
        assert!(divs.body.contains("second long line"), "{}", divs.body);
        // A paragraph that only points elsewhere, a list of links and their label are left out.
        let links = p(
            r#"<html><body><article><p>The story itself, told in a paragraph of its own.</p>
            <p>Read also: <a href="/x">Another story about something else entirely</a></p>
            <p>The story goes on after that.</p><h3>Tags</h3><ul><li><a href="/t/a">Alpha</a></li>
            <li><a href="/t/b">Beta</a></li></ul><p class="wp-caption">A caption.</p></article></body></html>"#,
        );
        assert_eq!(
            links.body,
            "The story itself, told in a paragraph of its own.\n\nThe story goes on after that."
        );
    }

    #[test]
    fn text_is_composed_without_readings_or_soft_hyphens() {
        // U+09DF is NFC's U+09AF U+09BC; "e" and a combining acute compose to "é".
        let a = p("<html><head><title>Cafe\u{301}</title></head><body>\
            <p>\u{9a8}\u{9a6}\u{9c0}\u{9df} and cafe\u{301} in one paragraph.</p></body></html>");
        assert_eq!(a.title, "Café");
        assert_eq!(
            a.body,
            "\u{9a8}\u{9a6}\u{9c0}\u{9af}\u{9bc} and café in one paragraph."
        );
        let ruby = p(
            "<html><body><p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp></ruby>字を\
            読む<ruby>人<rt>ひと</rt></ruby>です。</p></body></html>",
        );
        assert_eq!(ruby.body, "漢字を読む人です。");
        let shy = p("<html><body><p>Im Mit&shy;tel&shy;al\u{ad}ter war es so.</p></body></html>");
        assert_eq!(shy.body, "Im Mittelalter war es so.");
    }

    #[test]
    fn calls_to_follow_or_subscribe_are_left_out() {
        let a = p(r#"<html><body><article>
            <p>The council voted on Tuesday to close the old bridge to traffic.</p>
            <p>Follow us on Twitter and Facebook for the latest updates.</p>
            <p>Síguenos en Telegram para recibir todas nuestras noticias.</p>
            <p>Sign up to our newsletter!</p>
            <p>To read the full story, please subscribe.</p>
            <p>The company said its app had been downloaded a million times.</p>
            <p>The service now has two million subscribers.</p>
            <p>She would not follow the advice, she said.</p>
            </article></body></html>"#);
        assert_eq!(
            a.body,
            "The council voted on Tuesday to close the old bridge to traffic.\n\n\
             The company said its app had been downloaded a million times.\n\n\
             The service now has two million subscribers.\n\n\
             She would not follow the advice, she said."
        );
        // A long paragraph that names a network and a call is about them, and stays.
        let long = "Officials asked residents to follow the evacuation orders posted on Twitter \
            and on the city's website, and said that buses would leave from the stadium every \
            twenty minutes until midnight, with places kept for older people and for families \
            with small children who had no car of their own and no other way to leave the town.";
        assert!(long.len() > boilerplate::PROMOTION_MAX);
        assert!(!boilerplate::is_boilerplate(long));
    }

    #[test]
    fn a_page_without_readable_text_is_indexed_by_its_description() {
        let drawn = p(
            r#"<html><head><meta property="og:description" content="The old bridge
            closes to cars for a year from Monday, the council said."></head>
            <body><div id="app"></div><script>render()</script><p>Mit top+ weiterlesen</p></body></html>"#,
        );
        assert_eq!(
            drawn.body,
            "The old bridge closes to cars for a year from Monday, the council said.\n\n\
             Mit top+ weiterlesen"
        );
        assert!(drawn.warnings.iter().any(|w| w.contains("description")));
        let long = "The council voted on Tuesday to close the old bridge to traffic for a year, \
            after engineers found cracks in two of its piers during the spring inspection and \
            warned that heavy lorries could no longer cross it safely.";
        let read = p(&format!(
            r#"<html><head><meta name="description" content="A summary of the story."></head>
            <body><article><p>{long}</p></article></body></html>"#
        ));
        assert_eq!(
            read.body,
            long.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        assert!(!read.warnings.iter().any(|w| w.contains("description")));
    }

    #[test]
    fn a_heading_shaped_like_a_dateline_later_in_the_text_names_no_city() {
        let page = |later: &str| {
            p(&format!(
                r#"<html><body><article>
                <p>Wool keeps warm in the cold and cool in the heat, which is why knitwear lasts.</p>
                <p>{later} – a label that knits by hand in the mountains</p></article></body></html>"#
            ))
        };
        assert_eq!(page("ACHIY").city, None);
        // A place the gazetteer knows, past the first paragraph, is still the dateline.
        assert_eq!(page("KOBE").city.as_deref(), Some("Kobe"));
        // In the first paragraph a place unknown to the gazetteer is still read.
        let first = p(
            r#"<html><body><article><p>AUGSFELD – Der FC gewann am Sonntag 3:0.</p>
            </article></body></html>"#,
        );
        assert_eq!(first.city.as_deref(), Some("Augsfeld"));
    }

    #[test]
    fn interface_labels_and_stamps_among_the_paragraphs_are_left_out() {
        let a = p(r#"<html lang="de"><body><article>
            <p>23.10.2018</p>
            <p>Der Rat hat am Dienstag die alte Brücke für den Verkehr gesperrt.</p>
            <h3>Mehr zum Thema</h3>
            <div class="teaser-box"><p>Die neue Brücke soll im Jahr 2025 fertig sein.</p></div>
            <p>Kommentieren</p>
            </article></body></html>"#);
        assert_eq!(
            a.body,
            "Der Rat hat am Dienstag die alte Brücke für den Verkehr gesperrt.\n\n\
             Die neue Brücke soll im Jahr 2025 fertig sein."
        );
    }

    #[test]
    fn the_lead_before_the_text_container_is_its_first_paragraph() {
        let a = p(r#"<html><body><article><header><h1>Bridge closes</h1>
            <p class="article-lead">The old bridge closes to cars for a year from Monday.</p>
            <div class="teasers"><a href="/a">Another story that is only a link somewhere</a></div>
            </header><div class="entry-content"><p>Work on its deck starts in the spring, the
            council said on Tuesday.</p></div></article>
            <div class="teaser"><p>A teaser of another article, after the text.</p></div></body></html>"#);
        assert_eq!(
            a.body,
            "The old bridge closes to cars for a year from Monday.\n\n\
             Work on its deck starts in the spring, the council said on Tuesday."
        );
    }

    #[test]
    fn articles_that_are_pieces_of_one_text_are_read_together() {
        let a = p(
            r#"<html><body><nav><a href="/">Home</a></nav><div class="page">
            <article><p>The first block of the report, on the snow of the week.</p></article>
            <article><p>The second block, on the avalanches that followed it.</p></article>
            <article><p>The third block, on the weather to come next week.</p></article>
            </div></body></html>"#,
        );
        assert_eq!(
            a.body,
            "The first block of the report, on the snow of the week.\n\n\
             The second block, on the avalanches that followed it.\n\n\
             The third block, on the weather to come next week."
        );
    }

    #[test]
    fn labels_left_at_the_end_are_dropped() {
        let a = p(
            r#"<html><body><article><p>The harbour reopened on Sunday after the storm.</p>
            <p>Crews were back at work by noon.</p><h3>Related articles</h3><p>Tags:</p></article>
            <div class="sidebar"><ul><li><a href="/a">Other</a></li></ul></div></body></html>"#,
        );
        assert_eq!(
            a.body,
            "The harbour reopened on Sunday after the storm.\n\nCrews were back at work by noon."
        );
    }

    #[test]
    fn author_boxes_are_left_out() {
        let a = p(
            r#"<html><body><article><p>The harbour reopened on Sunday after the storm.</p>
            <div class="author-box"><p>Jo Smith writes about the sea and ships for the paper.</p></div>
            <div class="article_author"><p>Sam Lee has worked as a reporter since 2001.</p></div>
            </article></body></html>"#,
        );
        assert_eq!(a.body, "The harbour reopened on Sunday after the storm.");
    }

    #[test]
    fn detection_shape() {
        assert!(looks_like("<!DOCTYPE html>\n<html>"));
        assert!(looks_like("<HTML>"));
        assert!(looks_like("<!-- saved page -->\n<html>"));
        assert!(!looks_like("<p>fragment</p>"));
        assert!(!looks_like("WASHINGTON (AP) — <b>"));
    }
}
