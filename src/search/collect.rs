//! Counting and collecting: exact facet counts and per-day counts over every match (from fast
//! fields, not estimated), and one page of hits in the order asked for.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use tantivy::collector::{Collector, SegmentCollector, TopDocs};
use tantivy::columnar::{Cardinality, Column, StrColumn};
use tantivy::query::Query;
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentReader};

use super::people::People;
use super::request::{FacetField, Page, Sort};
use super::results::{FacetCount, Facets};
use crate::date;
use crate::error::Result;
use crate::schema::name;

/// What to gather besides the total: facet counts, per-day counts for a histogram, and which
/// page of hits in which order.
pub(super) struct Wanted<'a> {
    pub facets: &'a [FacetField],
    pub histogram: bool,
    pub sort: Sort,
    pub page: Page,
    /// The archive's people, when speakers are counted: each counted once per person.
    pub people: Option<Arc<People>>,
    /// Facets and days count stories, not articles.
    pub stories: bool,
}

/// The string fast field counted for a facet; `None` for facets derived from the date.
fn str_field(facet: FacetField) -> Option<&'static str> {
    match facet {
        FacetField::Year | FacetField::Month | FacetField::Terms => None,
        FacetField::City => Some(name::CITY),
        FacetField::Country => Some(name::COUNTRY),
        FacetField::Speaker => Some(name::SPEAKER),
        FacetField::Region => Some(name::REGION),
        FacetField::Format => Some(name::FORMAT),
        FacetField::Language => Some(name::LANGUAGE),
        FacetField::Source => Some(name::SOURCE),
    }
}

/// Counts every match and collects one page of hits, ordered as asked.
pub(super) fn collect(
    searcher: &Searcher,
    query: &dyn Query,
    wanted: &Wanted,
) -> Result<(Counts, Vec<(Score, DocAddress)>)> {
    let facets = wanted.facets;
    let mut counter = FacetCollector::new(
        facets.iter().filter_map(|&f| str_field(f)).collect(),
        wanted.histogram
            || facets
                .iter()
                .any(|f| matches!(f, FacetField::Year | FacetField::Month)),
    );
    counter.people = wanted.people.clone();
    counter.stories = wanted.stories;
    let Page { limit, offset } = wanted.page;
    // TopDocs allocates for limit + offset, so neither may exceed the documents there are.
    let num_docs = searcher.num_docs() as usize;
    let limit = limit.min(num_docs.saturating_sub(offset));
    if limit == 0 {
        return Ok((searcher.search(query, &counter)?, Vec::new()));
    }
    let top = TopDocs::with_limit(limit).and_offset(offset);
    Ok(match wanted.sort {
        Sort::Relevance => searcher.search(query, &(counter, top.order_by_score()))?,
        Sort::Newest | Sort::Oldest => {
            let newest = wanted.sort == Sort::Newest;
            let by_date = top.tweak_score(move |seg: &SegmentReader| {
                let col = seg.fast_fields().date(name::DATE).ok();
                move |doc: DocId, score: Score| {
                    let key = match col.as_ref().and_then(|c| c.first(doc)) {
                        Some(d) if newest => d.into_timestamp_secs(),
                        Some(d) => -d.into_timestamp_secs(),
                        None => i64::MIN,
                    };
                    (key, score)
                }
            });
            let (c, t) = searcher.search(query, &(counter, by_date))?;
            (c, t.into_iter().map(|((_, s), a)| (s, a)).collect())
        }
    })
}

/// Matching documents (or stories) per day, over every match (the archive's volume for a
/// normalised histogram).
pub(super) fn day_counts(
    searcher: &Searcher,
    query: &dyn Query,
    stories: bool,
) -> Result<Vec<(NaiveDate, u64)>> {
    let mut counter = FacetCollector::new(Vec::new(), true);
    counter.stories = stories;
    Ok(searcher.search(query, &counter)?.days)
}

/// Facet tables from raw counts: sorted by count then value, cut to `limit` (0 = all).
pub(super) fn facet_values(counts: &Counts, facets_wanted: &[FacetField], limit: usize) -> Facets {
    let mut facets = BTreeMap::new();
    for facet in facets_wanted {
        let mut values: Vec<FacetCount> = match facet {
            FacetField::Year | FacetField::Month => {
                // Days come sorted, so a year's or a month's days are neighbours: each period
                // is named once.
                let year = *facet == FacetField::Year;
                let mut periods: Vec<((i32, u32), u64)> = Vec::new();
                for (day, n) in &counts.days {
                    let key = (day.year(), if year { 0 } else { day.month() });
                    match periods.last_mut() {
                        Some((k, c)) if *k == key => *c += n,
                        _ => periods.push((key, *n)),
                    }
                }
                periods
                    .into_iter()
                    .map(|((y, m), count)| FacetCount {
                        value: if year {
                            format!("{y:04}")
                        } else {
                            format!("{y:04}-{m:02}")
                        },
                        count,
                    })
                    .collect()
            }
            other => str_field(*other)
                .and_then(|field| counts.fields.get(field))
                .map(|m| {
                    m.iter()
                        .map(|(v, c)| FacetCount {
                            value: v.clone(),
                            count: *c,
                        })
                        .collect()
                })
                .unwrap_or_default(),
        };
        values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        if limit > 0 {
            values.truncate(limit);
        }
        facets.insert(*facet, values);
    }
    facets
}

/// Exact counts over all matching documents: total, string fast-field values, and per-day
/// counts of the date field (from which years, months and histograms are derived).
pub(super) struct FacetCollector {
    fields: Vec<&'static str>,
    days: bool,
    /// Speakers counted per person rather than per raw value.
    people: Option<Arc<People>>,
    /// Count each story once rather than each document.
    stories: bool,
}

impl FacetCollector {
    pub(super) fn new(fields: Vec<&'static str>, days: bool) -> Self {
        FacetCollector {
            fields,
            days,
            people: None,
            stories: false,
        }
    }
}

/// What [`FacetCollector`] gathers.
#[derive(Default)]
pub(super) struct Counts {
    pub total: u64,
    /// Distinct stories among the matches, when stories are counted.
    pub stories: Option<u64>,
    pub fields: HashMap<&'static str, HashMap<String, u64>>,
    pub days: Vec<(NaiveDate, u64)>,
}

/// What one segment gathers, merged into [`Counts`].
pub(super) struct SegmentFruit {
    total: u64,
    fields: HashMap<&'static str, HashMap<String, u64>>,
    /// Days as day numbers since 1970 (named as dates once, at the merge).
    days: Vec<(i64, u64)>,
    /// While stories are counted: the stories of each value.
    story_fields: HashMap<&'static str, HashMap<String, HashSet<u64>>>,
    /// While stories are counted: each story's earliest day (`i64::MAX` for an undated one).
    story_days: HashMap<u64, i64>,
}

pub(super) struct SegmentCounts {
    total: u64,
    columns: Vec<Counted>,
    days: Option<DayCounts>,
    scratch: Vec<u64>,
    /// The story column, when stories are counted.
    story: Option<Column<u64>>,
    story_days: HashMap<u64, i64>,
}

/// Longest span of days counted in a flat array (about 110 years, 160 KB); a segment whose
/// dates spread wider counts in a hash map.
const DENSE_DAYS: i64 = 40_000;

/// Documents per day in one segment: an array over the segment's span of days (the column
/// knows its first and last date), so counting a match is one read and one add.
pub(super) struct DayCounts {
    col: Column<tantivy::DateTime>,
    first_day: i64,
    dense: Vec<u32>,
    sparse: rustc_hash::FxHashMap<i64, u64>,
}

impl DayCounts {
    /// `counting`: documents are counted per day (else days are only read, with `day_of`).
    fn new(col: Column<tantivy::DateTime>, counting: bool) -> DayCounts {
        let day = |t: tantivy::DateTime| t.into_timestamp_secs().div_euclid(86_400);
        let (first_day, last_day) = (day(col.min_value()), day(col.max_value()));
        let span = last_day - first_day + 1;
        let dense = if counting && (1..=DENSE_DAYS).contains(&span) {
            vec![0; span as usize]
        } else {
            Vec::new()
        };
        DayCounts {
            col,
            first_day,
            dense,
            sparse: Default::default(),
        }
    }

    /// The day number (since 1970) of a document's date.
    #[inline]
    fn day_of(&self, doc: DocId) -> Option<i64> {
        self.col
            .first(doc)
            .map(|t| t.into_timestamp_secs().div_euclid(86_400))
    }

    #[inline]
    fn count(&mut self, day: i64) {
        match self.dense.get_mut((day - self.first_day) as usize) {
            Some(c) if day >= self.first_day => *c += 1,
            _ => *self.sparse.entry(day).or_default() += 1,
        }
    }

    /// (day number since 1970, count) of every day counted.
    fn into_days(self) -> impl Iterator<Item = (i64, u64)> {
        let first = self.first_day;
        self.dense
            .into_iter()
            .enumerate()
            .filter(|&(_, c)| c > 0)
            .map(move |(i, c)| (first + i as i64, u64::from(c)))
            .chain(self.sparse)
    }
}

impl Collector for FacetCollector {
    type Fruit = Counts;
    type Child = SegmentCounts;

    fn for_segment(&self, ord: u32, seg: &SegmentReader) -> tantivy::Result<SegmentCounts> {
        let ff = seg.fast_fields();
        let mut columns = Vec::new();
        for &name in &self.fields {
            let col = ff.str(name)?;
            let people = self
                .people
                .clone()
                .filter(|_| name == crate::schema::name::SPEAKER);
            let n = match &people {
                Some(p) => p.len(),
                None => col.as_ref().map_or(0, |c| c.num_terms()),
            };
            let single = !self.stories
                && people.is_none()
                && col
                    .as_ref()
                    .is_some_and(|c| c.ords().get_cardinality() != Cardinality::Multivalued);
            columns.push(Counted {
                single,
                name,
                col,
                counts: if self.stories {
                    Vec::new()
                } else {
                    vec![0u64; n]
                },
                pairs: HashSet::new(),
                people: people.map(|p| (p, ord as usize)),
            });
        }
        // Stories need the date even for facets alone: total stories come from the days map.
        let days = if self.days || self.stories {
            Some(DayCounts::new(ff.date(name::DATE)?, !self.stories))
        } else {
            None
        };
        Ok(SegmentCounts {
            total: 0,
            columns,
            days,
            scratch: Vec::new(),
            story: if self.stories {
                Some(ff.u64(name::STORY)?)
            } else {
                None
            },
            story_days: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<SegmentFruit>) -> tantivy::Result<Counts> {
        let mut out = Counts::default();
        let mut days: Vec<(i64, u64)> = Vec::new();
        let mut story_fields: HashMap<&'static str, HashMap<String, HashSet<u64>>> = HashMap::new();
        let mut story_days: HashMap<u64, i64> = HashMap::new();
        for s in segments {
            out.total += s.total;
            for (name, values) in s.fields {
                let m = out.fields.entry(name).or_default();
                for (v, c) in values {
                    *m.entry(v).or_default() += c;
                }
            }
            days.extend(s.days);
            for (name, values) in s.story_fields {
                let m = story_fields.entry(name).or_default();
                for (v, stories) in values {
                    m.entry(v).or_default().extend(stories);
                }
            }
            for (story, day) in s.story_days {
                let d = story_days.entry(story).or_insert(day);
                *d = (*d).min(day);
            }
        }
        if self.stories {
            // A story counts once per value, and on the day of its earliest matching copy.
            for (name, values) in story_fields {
                out.fields.insert(
                    name,
                    values
                        .into_iter()
                        .map(|(v, stories)| (v, stories.len() as u64))
                        .collect(),
                );
            }
            out.stories = Some(story_days.len() as u64);
            days.extend(
                story_days
                    .into_values()
                    .filter(|&d| d != i64::MAX)
                    .map(|d| (d, 1)),
            );
        }
        out.days = merge_days(days)
            .into_iter()
            .map(|(d, c)| (date::day_from_secs(d * 86_400), c))
            .collect();
        Ok(out)
    }
}

/// The segments' (day, count) pairs summed per day, in day order: in an array over their span
/// when it is short (no sort), else sorted.
fn merge_days(mut days: Vec<(i64, u64)>) -> Vec<(i64, u64)> {
    let (Some(lo), Some(hi)) = (
        days.iter().map(|d| d.0).min(),
        days.iter().map(|d| d.0).max(),
    ) else {
        return Vec::new();
    };
    if hi - lo < DENSE_DAYS {
        let mut dense = vec![0u64; (hi - lo + 1) as usize];
        for (d, c) in days {
            dense[(d - lo) as usize] += c;
        }
        return dense
            .into_iter()
            .enumerate()
            .filter(|&(_, c)| c > 0)
            .map(|(i, c)| (lo + i as i64, c))
            .collect();
    }
    days.sort_unstable();
    let mut merged: Vec<(i64, u64)> = Vec::with_capacity(days.len());
    for (day, c) in days {
        match merged.last_mut() {
            Some((d, n)) if *d == day => *n += c,
            _ => merged.push((day, c)),
        }
    }
    merged
}

/// One string column counted in a segment: per term ordinal, or per person for speakers.
pub(super) struct Counted {
    name: &'static str,
    col: Option<StrColumn>,
    counts: Vec<u64>,
    /// (ordinal or person, story), when stories are counted.
    pairs: HashSet<(u64, u64)>,
    /// The people and this segment's ordinal in the searcher.
    people: Option<(Arc<People>, usize)>,
    /// At most one value a document, counted as is (no people, no stories): nothing to sort
    /// or de-duplicate.
    single: bool,
}

impl SegmentCollector for SegmentCounts {
    type Fruit = SegmentFruit;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.total += 1;
        let story = self.story.as_ref().map(|c| c.first(doc).unwrap_or(0));
        for Counted {
            col,
            counts,
            pairs,
            people,
            single,
            ..
        } in &mut self.columns
        {
            let Some(col) = col else { continue };
            if *single {
                if let Some(c) = col
                    .ords()
                    .first(doc)
                    .and_then(|ord| counts.get_mut(ord as usize))
                {
                    *c += 1;
                }
                continue;
            }
            self.scratch.clear();
            match people {
                // A damaged column's ordinal past its dictionary maps to no one.
                Some((p, seg)) => {
                    let persons = p.segment(*seg);
                    self.scratch.extend(col.term_ords(doc).map(|o| {
                        persons
                            .get(o as usize)
                            .map_or(u64::MAX, |&person| u64::from(person))
                    }));
                }
                None => self.scratch.extend(col.term_ords(doc)),
            }
            if self.scratch.len() > 1 {
                self.scratch.sort_unstable();
                self.scratch.dedup();
            }
            if let Some(story) = story {
                pairs.extend(self.scratch.iter().map(|&o| (o, story)));
                continue;
            }
            for &ord in &self.scratch {
                // A damaged column can hold an ordinal past its dictionary: not counted
                // (`dateline check` reports the damage).
                if let Some(c) = counts.get_mut(ord as usize) {
                    *c += 1;
                }
            }
        }
        let Some(days) = &mut self.days else { return };
        let day = days.day_of(doc);
        if let Some(story) = story {
            let earliest = self.story_days.entry(story).or_insert(i64::MAX);
            *earliest = (*earliest).min(day.unwrap_or(i64::MAX));
        } else if let Some(day) = day {
            days.count(day);
        }
    }

    fn harvest(self) -> SegmentFruit {
        let mut fields = HashMap::new();
        let mut story_fields = HashMap::new();
        for Counted {
            name,
            col,
            counts,
            pairs,
            people,
            ..
        } in self.columns
        {
            let mut m = HashMap::new();
            if self.story.is_some() {
                story_fields.insert(name, story_values(pairs, col.as_ref(), people.as_ref()));
                continue;
            }
            if let Some((p, _)) = people {
                for (person, &c) in counts.iter().enumerate() {
                    if c > 0 {
                        m.insert(p.display(person as u32).to_string(), c);
                    }
                }
            } else if let Some(col) = col {
                // Ordinals ascending, so the dictionary is read block by block, once.
                let ords: Vec<u64> = (0..counts.len() as u64)
                    .filter(|&o| counts[o as usize] > 0)
                    .collect();
                let mut next = ords.iter();
                let _ = col.dictionary().sorted_ords_to_term_cb(&ords, |term| {
                    if let Some(&o) = next.next() {
                        m.insert(
                            String::from_utf8_lossy(term).into_owned(),
                            counts[o as usize],
                        );
                    }
                });
            }
            fields.insert(name, m);
        }
        SegmentFruit {
            total: self.total,
            fields,
            days: self
                .days
                .into_iter()
                .flat_map(DayCounts::into_days)
                .collect(),
            story_fields,
            story_days: self.story_days,
        }
    }
}

/// The stories of each value of one column in a segment, from (ordinal or person, story)
/// pairs.
fn story_values(
    pairs: HashSet<(u64, u64)>,
    col: Option<&StrColumn>,
    people: Option<&(Arc<People>, usize)>,
) -> HashMap<String, HashSet<u64>> {
    let mut by_ord: BTreeMap<u64, HashSet<u64>> = BTreeMap::new();
    for (ord, story) in pairs {
        by_ord.entry(ord).or_default().insert(story);
    }
    let mut m: HashMap<String, HashSet<u64>> = HashMap::new();
    if let Some((p, _)) = people {
        for (person, stories) in by_ord {
            if person < p.len() as u64 {
                m.entry(p.display(person as u32).to_string())
                    .or_default()
                    .extend(stories);
            }
        }
    } else if let Some(col) = col {
        // A damaged column's ordinal past its dictionary is not counted.
        by_ord.retain(|&o, _| o < col.num_terms() as u64);
        let ords: Vec<u64> = by_ord.keys().copied().collect();
        let mut sets = by_ord.into_values();
        let _ = col.dictionary().sorted_ords_to_term_cb(&ords, |term| {
            if let Some(stories) = sets.next() {
                m.insert(String::from_utf8_lossy(term).into_owned(), stories);
            }
        });
    }
    m
}

/// One story among the matches: the copy that comes first in the order asked for, and how
/// many of its copies match.
pub(super) struct StoryHit {
    pub story: u64,
    pub score: Score,
    pub addr: DocAddress,
    pub copies: u64,
}

/// Every match grouped by story (`collapse`): the stories in the order asked for, cut to the
/// page, and how many stories match in all.
pub(super) fn collect_stories(
    searcher: &Searcher,
    query: &dyn Query,
    sort: Sort,
    scored: bool,
    page: Page,
) -> Result<(Vec<StoryHit>, u64)> {
    let mut all = searcher.search(query, &StoryCollector { sort, scored })?;
    let n = all.len() as u64;
    let rank = |b: &Best| (b.key, std::cmp::Reverse(b.addr));
    all.sort_by(|a, b| {
        rank(b)
            .partial_cmp(&rank(a))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let page = all
        .into_iter()
        .skip(page.offset)
        .take(page.limit)
        .map(|b| StoryHit {
            story: b.story,
            score: b.score,
            addr: b.addr,
            copies: b.copies,
        })
        .collect();
    Ok((page, n))
}

/// The first copy of a story so far.
#[derive(Clone, Copy)]
pub(super) struct Best {
    story: u64,
    /// Higher first: (score, earlier date) for relevance, (date, score) for the date orders.
    key: (f64, f64),
    score: Score,
    addr: DocAddress,
    copies: u64,
}

impl Best {
    /// Whether `self` comes before `other` in the order asked for (on a tie, the earlier
    /// document).
    fn before(&self, other: &Best) -> bool {
        match self.key.partial_cmp(&other.key) {
            Some(std::cmp::Ordering::Greater) => true,
            Some(std::cmp::Ordering::Less) => false,
            _ => self.addr < other.addr,
        }
    }
}

struct StoryCollector {
    sort: Sort,
    scored: bool,
}

pub(super) struct SegmentStories {
    sort: Sort,
    segment: u32,
    story: Column<u64>,
    date: Column<tantivy::DateTime>,
    best: HashMap<u64, Best>,
}

impl Collector for StoryCollector {
    type Fruit = Vec<Best>;
    type Child = SegmentStories;

    fn for_segment(&self, ord: u32, seg: &SegmentReader) -> tantivy::Result<SegmentStories> {
        let ff = seg.fast_fields();
        Ok(SegmentStories {
            sort: self.sort,
            segment: ord,
            story: ff.u64(name::STORY)?,
            date: ff.date(name::DATE)?,
            best: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.scored
    }

    fn merge_fruits(&self, segments: Vec<Vec<Best>>) -> tantivy::Result<Vec<Best>> {
        let mut by_story: HashMap<u64, Best> = HashMap::new();
        for b in segments.into_iter().flatten() {
            match by_story.entry(b.story) {
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(b);
                }
                std::collections::hash_map::Entry::Occupied(mut e) => {
                    let copies = e.get().copies + b.copies;
                    if b.before(e.get()) {
                        e.insert(b);
                    }
                    e.get_mut().copies = copies;
                }
            }
        }
        Ok(by_story.into_values().collect())
    }
}

impl SegmentCollector for SegmentStories {
    type Fruit = Vec<Best>;

    fn collect(&mut self, doc: DocId, score: Score) {
        // A document without a story (none in this version's indexes) is a story of its own.
        let story = self
            .story
            .first(doc)
            .unwrap_or_else(|| u64::MAX - ((u64::from(self.segment) << 32) | u64::from(doc)));
        let secs = self.date.first(doc).map(|d| d.into_timestamp_secs() as f64);
        let key = match self.sort {
            Sort::Relevance => (f64::from(score), secs.map_or(f64::MIN, |s| -s)),
            Sort::Newest => (secs.unwrap_or(f64::MIN), f64::from(score)),
            Sort::Oldest => (secs.map_or(f64::MIN, |s| -s), f64::from(score)),
        };
        let b = Best {
            story,
            key,
            score,
            addr: DocAddress::new(self.segment, doc),
            copies: 1,
        };
        match self.best.entry(story) {
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(b);
            }
            std::collections::hash_map::Entry::Occupied(mut e) => {
                let copies = e.get().copies + 1;
                if b.before(e.get()) {
                    e.insert(b);
                }
                e.get_mut().copies = copies;
            }
        }
    }

    fn harvest(self) -> Vec<Best> {
        self.best.into_values().collect()
    }
}

/// The matches that belong to some stories, with their story: the copies of a collapsed
/// page's stories.
pub(super) struct StoryMembers {
    pub stories: Arc<HashSet<u64>>,
}

pub(super) struct SegmentMembers {
    stories: Arc<HashSet<u64>>,
    segment: u32,
    story: Column<u64>,
    found: Vec<(DocAddress, u64)>,
}

impl Collector for StoryMembers {
    type Fruit = Vec<(DocAddress, u64)>;
    type Child = SegmentMembers;

    fn for_segment(&self, ord: u32, seg: &SegmentReader) -> tantivy::Result<SegmentMembers> {
        Ok(SegmentMembers {
            stories: self.stories.clone(),
            segment: ord,
            story: seg.fast_fields().u64(name::STORY)?,
            found: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut all: Vec<(DocAddress, u64)> = segments.into_iter().flatten().collect();
        all.sort_unstable();
        Ok(all)
    }
}

impl SegmentCollector for SegmentMembers {
    type Fruit = Vec<(DocAddress, u64)>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let Some(story) = self.story.first(doc) {
            if self.stories.contains(&story) {
                self.found.push((DocAddress::new(self.segment, doc), story));
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_of_segments_are_summed_in_day_order() {
        // Two segments' days, unordered, one day in both.
        let days = vec![(19_000, 2), (18_990, 1), (19_000, 3), (18_995, 4)];
        assert_eq!(
            merge_days(days),
            vec![(18_990, 1), (18_995, 4), (19_000, 5)]
        );
        assert_eq!(merge_days(Vec::new()), Vec::new());
    }

    #[test]
    fn days_spread_past_the_array_are_sorted_instead() {
        let far = DENSE_DAYS * 3;
        let days = vec![(far, 1), (-far, 2), (0, 1), (far, 1)];
        assert_eq!(merge_days(days), vec![(-far, 2), (0, 1), (far, 2)]);
    }
}
