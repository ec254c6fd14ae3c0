//! Writing: tantivy's writer as dateline sets it up (threads, memory, merges), and the writer
//! session ([`Writer`]) through which an embedding program adds and deletes articles that do
//! not come from files.

use std::borrow::Borrow;

use tantivy::directory::error::LockError;
use tantivy::indexer::{IndexWriterOptions, UserOperation};
use tantivy::schema::Term;
use tantivy::{IndexWriter, TantivyError};

use super::payload::Made;
use super::stories::{Stories, StoryKey};
use super::DatelineIndex;
use crate::error::{Error, Result};
use crate::parse::{Article, Format};

/// Threads for `threads` as the options give it: 0 is one per core, at most 8.
pub(super) fn thread_count(threads: usize) -> usize {
    if threads == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
    } else {
        threads
    }
}

impl DatelineIndex {
    /// tantivy's writer with `threads` indexing threads sharing `budget` bytes, and
    /// dateline's merge policy. Fails with [`Error::Locked`] while another writer is open.
    pub(super) fn tantivy_writer(&self, threads: usize, budget: usize) -> Result<IndexWriter> {
        let threads = thread_count(threads);
        // tantivy needs at least 15 MB per thread.
        let budget = budget.max(threads * (16 << 20));
        let options = IndexWriterOptions::builder()
            .num_worker_threads(threads)
            .memory_budget_per_thread(budget / threads)
            .num_merge_threads(crate::merges::MERGE_THREADS)
            .build();
        let writer = self
            .index
            .writer_with_options(options)
            .map_err(|e| match e {
                TantivyError::LockFailure(LockError::LockBusy, _) => Error::Locked,
                other => Error::Tantivy(other),
            })?;
        writer.set_merge_policy(Box::new(crate::merges::CappedMerges::new(
            self.dir.clone(),
            crate::merges::MAX_MERGE_INPUT,
        )));
        Ok(writer)
    }

    /// Opens a writer session for articles that come from memory rather than files: add and
    /// delete as many as you like, then [`commit`](Writer::commit). `threads` indexing
    /// threads (0 = one per core, at most 8) share a 64 MB buffer per thread.
    ///
    /// One writer at a time per index, across processes: while a session (or a `dateline
    /// index` run) is open, this fails with [`Error::Locked`]. Searches go on meanwhile and
    /// see nothing of the session until it commits. Dropping a session without committing
    /// discards what it added and deleted.
    ///
    /// ```
    /// use dateline::{Article, DatelineIndex, SearchRequest};
    /// # fn main() -> dateline::Result<()> {
    /// let index = DatelineIndex::create_in_ram()?;
    /// let mut writer = index.writer(1)?;
    /// let articles = (0..3).map(|i| Article {
    ///     id: format!("wire-{i}"),
    ///     title: format!("Bulletin {i}"),
    ///     body: "Grain exports resumed on Monday.".into(),
    ///     ..Article::default()
    /// });
    /// writer.add_all(articles)?;
    /// writer.delete("wire-1");
    /// writer.commit()?;
    /// assert_eq!(index.search(&SearchRequest::new("grain"))?.total, 2);
    /// # Ok(()) }
    /// ```
    pub fn writer(&self, threads: usize) -> Result<Writer<'_>> {
        let threads = thread_count(threads);
        let writer = self.tantivy_writer(threads, threads * (64 << 20))?;
        // Stories as `dateline index` assigns them: against the committed articles and
        // those of this session, with the index's threshold.
        let committed = self.reader.searcher();
        let stories = Stories::new(
            self.fields(),
            self.made()?.dup_threshold,
            (committed.num_docs() > 0).then_some(committed),
        );
        Ok(Writer {
            index: self,
            writer,
            stories,
        })
    }

    /// Adds articles that come from memory and commits: a [`writer`](DatelineIndex::writer)
    /// session of one thread, for a few articles at a time. Returns how many were added.
    ///
    /// ```
    /// use dateline::{Article, DatelineIndex, SearchRequest};
    /// let index = DatelineIndex::create_in_ram().unwrap();
    /// index.add_articles(&[Article {
    ///     id: "a".into(),
    ///     title: "Bakhmut holds".into(),
    ///     body: "Bakhmut holds for another week.".into(),
    ///     city: Some("Kyiv".into()),
    ///     ..Article::default()
    /// }]).unwrap();
    /// assert_eq!(index.search(&SearchRequest::new("bakhmut")).unwrap().total, 1);
    /// ```
    pub fn add_articles<I>(&self, articles: I) -> Result<u64>
    where
        I: IntoIterator,
        I::Item: Borrow<Article>,
    {
        let mut writer = self.writer(1)?;
        let n = writer.add_all(articles)?;
        writer.commit()?;
        Ok(n)
    }
}

/// A writer session on a [`DatelineIndex`]: see [`DatelineIndex::writer`]. It is `Send`, so
/// one thread can feed it while others search.
pub struct Writer<'a> {
    index: &'a DatelineIndex,
    writer: IndexWriter,
    stories: Stories,
}

impl Writer<'_> {
    /// Adds an article; one with the same id already in the index is replaced (the old one and
    /// its quotes are deleted when the session commits).
    ///
    /// The article's `quotes` are indexed as given. Quote hits read their text, speaker and
    /// role back from the body with the quote rules, so a quote that the rules would not find
    /// in `body` shows as the characters it spans, with no speaker; leave `quotes` empty and
    /// call [`parse::quote::extract_attributed`](crate::parse::quote::extract_attributed)
    /// on the body to get what the rules find.
    pub fn add(&mut self, article: &Article) -> Result<()> {
        let f = self.index.fields();
        self.writer
            .delete_term(Term::from_field_text(f.id, &article.id));
        // The id stands in for the path: the article came from no file.
        let mut docs = self
            .index
            .documents(article, &article.id, Format::Seed, None);
        let key = StoryKey::of(article, self.stories.detects());
        let story = self.stories.assign(&article.id, &key)?;
        self.stories.label(&mut docs, &key, story);
        self.writer.run(docs.into_iter().map(UserOperation::Add))?;
        Ok(())
    }

    /// Adds every article of `articles` (see [`add`](Writer::add)), streaming: memory holds
    /// the writer's buffers, not the articles. Returns how many were added.
    pub fn add_all<I>(&mut self, articles: I) -> Result<u64>
    where
        I: IntoIterator,
        I::Item: Borrow<Article>,
    {
        let mut n = 0;
        for a in articles {
            self.add(a.borrow())?;
            n += 1;
        }
        Ok(n)
    }

    /// Deletes the article with this id and its quotes, when the session commits. Every
    /// article with the id goes: from memory, and from files (two roots can hold the same
    /// relative path, so a file-based id can stand for two articles).
    pub fn delete(&mut self, id: &str) {
        let f = self.index.fields();
        self.writer.delete_term(Term::from_field_text(f.id, id));
    }

    /// Detects near-duplicate stories among the articles added from now on, at `threshold`
    /// (a similarity from 0.05 to 1, [`story::DEFAULT_THRESHOLD`](crate::story::DEFAULT_THRESHOLD)
    /// to start with; [`story::OFF`](crate::story::OFF) for none), as `dateline index
    /// --dup-threshold` does. A new index starts with detection off. The index records the
    /// threshold at the next commit.
    pub fn detect_stories(&mut self, threshold: f64) -> Result<()> {
        let t = crate::story::check_threshold(threshold).map_err(crate::Error::BadRequest)?;
        self.stories.set_threshold(t);
        Ok(())
    }

    /// Makes everything added and deleted so far durable and visible to searches of this
    /// index. The session stays open for more.
    pub fn commit(&mut self) -> Result<()> {
        // Articles from memory are not read by the parser: the index stays as current as it
        // was, with the aliases it had.
        let made = Made {
            dup_threshold: self.stories.threshold(),
            ..self.index.made()?
        };
        self.index.commit(&mut self.writer, &made)
    }

    /// Discards everything added and deleted since the last commit.
    pub fn rollback(&mut self) -> Result<()> {
        self.writer.rollback()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SearchRequest;

    fn article(id: &str, body: &str) -> Article {
        Article {
            id: id.into(),
            title: id.into(),
            body: body.into(),
            ..Article::default()
        }
    }

    fn total(index: &DatelineIndex, q: &str) -> u64 {
        index.search(&SearchRequest::new(q)).unwrap().total
    }

    #[test]
    fn a_session_adds_replaces_deletes_and_shows_nothing_before_commit() {
        let index = DatelineIndex::create_in_ram().unwrap();
        let mut w = index.writer(1).unwrap();
        w.add(&article("a", "Ferries run again.")).unwrap();
        w.add(&article("b", "Ferries stop for the winter."))
            .unwrap();
        assert_eq!(total(&index, "ferries"), 0, "seen before commit");
        w.commit().unwrap();
        assert_eq!(total(&index, "ferries"), 2);

        // The same id again replaces; a delete removes.
        w.add(&article("a", "Trains run again.")).unwrap();
        w.delete("b");
        w.commit().unwrap();
        assert_eq!(total(&index, "ferries"), 0);
        assert_eq!(total(&index, "trains"), 1);
        assert_eq!(total(&index, "*"), 1);

        // Rolled back work never shows.
        w.add(&article("c", "Buses too.")).unwrap();
        w.rollback().unwrap();
        w.commit().unwrap();
        assert_eq!(total(&index, "buses"), 0);
    }

    #[test]
    fn one_writer_at_a_time() {
        let index = DatelineIndex::create_in_ram().unwrap();
        let w = index.writer(1).unwrap();
        assert!(matches!(index.writer(1), Err(Error::Locked)));
        drop(w);
        assert!(index.writer(1).is_ok());
    }

    #[test]
    fn add_articles_streams_from_any_iterator() {
        let index = DatelineIndex::create_in_ram().unwrap();
        let n = index
            .add_articles((0..50).map(|i| article(&format!("id{i}"), "Harvest news.")))
            .unwrap();
        assert_eq!(n, 50);
        assert_eq!(total(&index, "harvest"), 50);
    }
}
