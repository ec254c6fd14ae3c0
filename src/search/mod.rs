//! Searching: a [`SearchRequest`] or a [`QuoteRequest`] goes through one pipeline and comes
//! back as typed results. Nothing here prints.
//!
//! ```text
//! request ─▶ query (words, kind, dates, cities) ─▶ collect (counts + one page) ─▶ hits
//! ```
//!
//! - [`request`]: what is asked (filters, page, facets, order), the same parts for both kinds;
//! - [`query`]: the tantivy query for a [`Target`](query::Target), articles or quotes;
//! - [`collect`]: facet and day counts, exact, over every match, and the page of hits;
//! - [`people`]: the archive's speaker values grouped into people, for the speaker facet,
//!   `--speaker` and the speaker shown on a quote;
//! - [`snippets`]: passages and highlights;
//! - [`hits`] and [`quotes`]: matching documents read back as [`Hit`]s and [`QuoteHit`]s;
//! - [`article`]: one article read back whole by its id;
//! - [`results`]: what comes back;
//! - [`export`]: every match streamed to a callback, with the fields asked for;
//! - [`words`]: top words, the terms that set the matches apart from the archive.

mod article;
mod collect;
mod export;
mod hits;
mod people;
mod query;
mod quotes;
mod request;
mod results;
mod snippets;
mod syntax;
mod words;

use tantivy::query::{BooleanQuery, Occur, Query};
use tantivy::{DocAddress, Score, Searcher};

use crate::date;
use crate::error::Result;
use crate::index::DatelineIndex;
use crate::schema::name;
use collect::{collect, collect_stories, facet_values, Counts, Wanted};
use hits::FastStr;
use query::{BuiltQuery, Target};

pub(crate) use people::PeopleCache;

pub use article::{ArticleQuote, StoredArticle};
pub use export::{ExportField, ExportRequest};
pub use query::MAX_QUERY_CHARS;
pub use request::{Count, FacetField, Filters, Page, QuoteRequest, SearchRequest, Sort};
pub use results::{
    Bucket, FacetCount, Facets, Hit, OtherCopy, QuoteHit, QuoteResults, SearchResults,
    MAX_COPIES_LISTED,
};
pub use words::{TopWord, TopWords};

/// Passage length of the quote highlighter; unused as such, since a quote is marked whole.
const MAX_HIGHLIGHT_CHARS: usize = 5_000;

/// What the shared part of the pipeline finds: the counts over every match and one page.
struct Found {
    searcher: Searcher,
    /// The archive's people, when the speaker facet or a speaker was asked for.
    people: Option<std::sync::Arc<people::People>>,
    counts: Counts,
    top: Vec<(Score, DocAddress)>,
    /// The user's words, when there are any (for highlighting).
    user: Option<Box<dyn Query>>,
    /// The whole query: words, kind and filters.
    query: Box<dyn Query>,
}

/// The part of a request that the shared pipeline needs.
struct Ask<'a> {
    target: Target,
    query: &'a str,
    filters: &'a Filters,
    /// A further clause every match must satisfy (the speakers of a quote search).
    also: Option<Box<dyn Query>>,
    facets: &'a [FacetField],
    histogram: bool,
    sort: Option<Sort>,
    page: Page,
    /// Count stories rather than articles.
    stories: bool,
}

impl DatelineIndex {
    /// Searches articles: every match is counted into the facets and histogram asked for,
    /// and one page of hits comes back with snippets.
    ///
    /// ```
    /// use dateline::{Article, DatelineIndex, FacetField, SearchRequest};
    /// let index = DatelineIndex::create_in_ram().unwrap();
    /// index.add_articles(&[Article {
    ///     id: "a".into(),
    ///     title: "Bakhmut holds".into(),
    ///     body: "Bakhmut holds for another week.".into(),
    ///     city: Some("Kyiv".into()),
    ///     ..Article::default()
    /// }]).unwrap();
    /// let results = index.search(&SearchRequest::new("bakhmut")).unwrap();
    /// assert_eq!(results.total, 1);
    /// assert_eq!(results.facets[&FacetField::City][0].value, "Kyiv");
    /// ```
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults> {
        let found = self.find(Ask {
            target: Target::Articles,
            query: &req.query,
            filters: &req.filters,
            also: None,
            facets: &req.facets,
            histogram: req.histogram.is_some(),
            sort: req.sort,
            // A collapsed search collects its own page of stories below.
            page: if req.collapse {
                Page {
                    limit: 0,
                    offset: 0,
                }
            } else {
                req.page
            },
            stories: req.count == Count::Stories,
        })?;
        let sort = Sort::or_default(req.sort, found.user.is_some());
        let mut stories_total = found.counts.stories;
        let mut collapsed = Vec::new();
        let top = if req.collapse {
            let (page, n) = collect_stories(
                &found.searcher,
                found.query.as_ref(),
                sort,
                found.user.is_some() && sort == Sort::Relevance,
                req.page,
            )?;
            stories_total = Some(n);
            let top = page
                .iter()
                .map(|h| (if found.user.is_some() { h.score } else { 0.0 }, h.addr))
                .collect();
            collapsed = page;
            top
        } else {
            found.top.clone()
        };
        let f = self.fields();
        let snippets = match &found.user {
            Some(u) => Some(snippets::Highlighter::new(
                &found.searcher,
                u.as_ref(),
                f.body,
                req.snippet_chars,
            )?),
            None => None,
        };
        let mut hits = Vec::with_capacity(top.len());
        for &(score, addr) in &top {
            let mut hit = self.hit(
                &found.searcher,
                addr,
                score,
                snippets.as_ref(),
                req.snippet_chars,
            )?;
            hit.story = story_of(&found.searcher, addr)?.map(results::story_hex);
            hits.push(hit);
        }
        if req.collapse {
            self.add_copies(&found, &collapsed, &mut hits)?;
        }
        let histogram = match req.histogram {
            None => None,
            Some(interval) if req.normalize => {
                // The same filters without the words, on the same searcher: the archive's
                // articles per day that the matches are a share of.
                let base = self.build_query(Target::Articles, "", &req.filters)?;
                let all = collect::day_counts(
                    &found.searcher,
                    base.full.as_ref(),
                    req.count == Count::Stories,
                )?;
                Some(
                    date::histogram_normalized(&found.counts.days, &all, interval)
                        .into_iter()
                        .map(|(period, count, total, share)| Bucket {
                            period,
                            count,
                            total: Some(total),
                            share,
                        })
                        .collect(),
                )
            }
            Some(interval) => Some(
                date::histogram(&found.counts.days, interval)
                    .into_iter()
                    .map(|(period, count)| Bucket {
                        period,
                        count,
                        total: None,
                        share: None,
                    })
                    .collect(),
            ),
        };
        let mut facets = facet_values(&found.counts, &req.facets, req.facet_limit);
        let top_words = if req.facets.contains(&FacetField::Terms) {
            // The sample: the first matches in the order of the hits.
            let (_, sample) = collect(
                &found.searcher,
                found.query.as_ref(),
                &Wanted {
                    facets: &[],
                    histogram: false,
                    sort: Sort::or_default(req.sort, found.user.is_some()),
                    page: Page {
                        limit: req.terms_sample,
                        offset: 0,
                    },
                    people: None,
                    stories: false,
                },
            )?;
            let sample: Vec<DocAddress> = sample.into_iter().map(|(_, a)| a).collect();
            let mut top = self.top_words(&found.searcher, &sample)?;
            if req.facet_limit > 0 {
                top.words.truncate(req.facet_limit);
            }
            facets.insert(
                FacetField::Terms,
                top.words
                    .iter()
                    .map(|w| FacetCount {
                        value: w.word.clone(),
                        count: w.count,
                    })
                    .collect(),
            );
            Some(top)
        } else {
            None
        };
        Ok(SearchResults {
            query: req.query.clone(),
            total: found.counts.total,
            stories: stories_total,
            offset: req.page.offset,
            hits,
            facets,
            histogram,
            top_words,
        })
    }

    /// Searches quotes: the words in the quotes, of any of the speakers asked for, in articles
    /// that pass the filters.
    ///
    /// ```
    /// use dateline::{Article, DatelineIndex, QuoteRequest};
    /// use dateline::parse::{self, CityAliases, Format};
    /// # fn main() -> dateline::Result<()> {
    /// let text = "date 2023-03-06 Kyiv: The front held.\n\n“We will not leave,” said Olena Koval.";
    /// let articles = parse::parse(Format::Seed, "a.txt", text.as_bytes(), CityAliases::builtin())
    ///     .expect("a seed article");
    /// let index = DatelineIndex::create_in_ram()?;
    /// index.add_articles(&articles)?;
    /// let mut req = QuoteRequest::new("leave");
    /// req.speakers = vec!["koval".into()];
    /// let results = index.search_quotes(&req)?;
    /// assert_eq!(results.quotes[0].speaker.as_deref(), Some("Olena Koval"));
    /// # Ok(()) }
    /// ```
    pub fn search_quotes(&self, req: &QuoteRequest) -> Result<QuoteResults> {
        if req.facets.contains(&FacetField::Terms) {
            return Err(crate::Error::BadRequest(
                "the terms facet counts the words of articles: use it with `dateline search`"
                    .into(),
            ));
        }
        // One searcher for the speakers asked for, the counts and the hits.
        let searcher = self.searcher();
        let people = self.people.get(&searcher)?;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if !req.speakers.is_empty() {
            clauses.push((Occur::Must, self.speakers_query(&req.speakers, &people)?));
        }
        if let Some(kind) = req.speaker_kind {
            clauses.push((Occur::Must, self.speaker_kind_query(kind)));
        }
        let also: Option<Box<dyn Query>> = match clauses.len() {
            0 => None,
            1 => clauses.pop().map(|(_, q)| q),
            _ => Some(Box::new(BooleanQuery::new(clauses))),
        };
        let found = self.find_in(
            searcher,
            Some(people),
            Ask {
                target: Target::Quotes,
                query: &req.query,
                filters: &req.filters,
                also,
                facets: &req.facets,
                histogram: false,
                sort: req.sort,
                page: req.page,
                stories: false,
            },
        )?;
        let snippets = match &found.user {
            Some(u) => Some(snippets::Highlighter::new(
                &found.searcher,
                u.as_ref(),
                self.fields().quote,
                MAX_HIGHLIGHT_CHARS,
            )?),
            None => None,
        };
        let mut quotes = self.quote_hits(&found.searcher, found.top, snippets.as_ref())?;
        // The speaker as the facet shows them: one name per person.
        if let Some(people) = &found.people {
            for q in &mut quotes {
                for s in q.speaker.iter_mut().chain(q.speakers.iter_mut()) {
                    if let Some(person) = people.of_raw(s) {
                        *s = people.display(person).to_string();
                    }
                }
            }
        }
        Ok(QuoteResults {
            total: found.counts.total,
            offset: req.page.offset,
            quotes,
            facets: facet_values(&found.counts, &req.facets, req.facet_limit),
        })
    }

    /// The pipeline both kinds share: the query, the counts over every match, one page.
    fn find(&self, ask: Ask) -> Result<Found> {
        let searcher = self.searcher();
        let people = if ask.facets.contains(&FacetField::Speaker) {
            Some(self.people.get(&searcher)?)
        } else {
            None
        };
        self.find_in(searcher, people, ask)
    }

    /// [`find`](Self::find) on a given searcher, with the people of its generation when the
    /// caller has them.
    fn find_in(
        &self,
        searcher: Searcher,
        people: Option<std::sync::Arc<people::People>>,
        ask: Ask,
    ) -> Result<Found> {
        let BuiltQuery { full, user } = self.build_query(ask.target, ask.query, ask.filters)?;
        let query: Box<dyn Query> = match ask.also {
            None => full,
            Some(also) => Box::new(BooleanQuery::new(vec![
                (Occur::Must, full),
                (Occur::Must, also),
            ])),
        };
        let (counts, top) = collect(
            &searcher,
            query.as_ref(),
            &Wanted {
                facets: ask.facets,
                histogram: ask.histogram,
                sort: Sort::or_default(ask.sort, user.is_some()),
                page: ask.page,
                people: people
                    .clone()
                    .filter(|_| ask.facets.contains(&FacetField::Speaker)),
                stories: ask.stories,
            },
        )?;
        // A match-all query has no meaningful score.
        let top = match user {
            Some(_) => top,
            None => top.into_iter().map(|(_, a)| (0.0, a)).collect(),
        };
        Ok(Found {
            searcher,
            people,
            counts,
            top,
            user,
            query,
        })
    }
}

/// The story of the document at `addr`.
fn story_of(searcher: &Searcher, addr: DocAddress) -> Result<Option<u64>> {
    Ok(searcher
        .segment_reader(addr.segment_ord)
        .fast_fields()
        .u64(name::STORY)?
        .first(addr.doc_id))
}

impl DatelineIndex {
    /// Gives each collapsed hit its count of matching copies and where the others are: the
    /// matches in the page's stories, read from fast fields.
    fn add_copies(
        &self,
        found: &Found,
        page: &[collect::StoryHit],
        hits: &mut [Hit],
    ) -> Result<()> {
        let several: std::collections::HashSet<u64> = page
            .iter()
            .filter(|h| h.copies > 1)
            .map(|h| h.story)
            .collect();
        let mut others: std::collections::HashMap<u64, Vec<OtherCopy>> = Default::default();
        if !several.is_empty() {
            let members = found.searcher.search(
                found.query.as_ref(),
                &collect::StoryMembers {
                    stories: std::sync::Arc::new(several),
                },
            )?;
            let mut ids = FastStr::new(&found.searcher, name::ID);
            let mut sources = FastStr::new(&found.searcher, name::SOURCE);
            let shown: Vec<DocAddress> = page.iter().map(|h| h.addr).collect();
            for (addr, story) in members {
                if shown.contains(&addr) {
                    continue;
                }
                let date = found
                    .searcher
                    .segment_reader(addr.segment_ord)
                    .fast_fields()
                    .date(name::DATE)?
                    .first(addr.doc_id)
                    .map(date::tantivy_to_day);
                others.entry(story).or_default().push(OtherCopy {
                    id: ids.get(addr)?.unwrap_or_default(),
                    date,
                    source: sources.get(addr)?,
                });
            }
        }
        for (hit, h) in hits.iter_mut().zip(page) {
            hit.copies = Some(h.copies);
            if let Some(mut list) = others.remove(&h.story) {
                list.sort_by(|a, b| {
                    (a.date.is_none(), a.date, &a.id).cmp(&(b.date.is_none(), b.date, &b.id))
                });
                list.truncate(MAX_COPIES_LISTED);
                hit.other_copies = list;
            }
        }
        Ok(())
    }
}
