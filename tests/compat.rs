//! The index must stay readable by any tantivy 0.27 client: open it with plain tantivy,
//! its default tokenizer manager and nothing from dateline, and find an article.

use tantivy::collector::{Count, TopDocs};
use tantivy::query::QueryParser;
use tantivy::schema::Value;
use tantivy::{Index, TantivyDocument};

#[test]
fn plain_tantivy_opens_and_searches_the_index() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(
        corpus.join("a.txt"),
        "date 2023-03-06 Kyiv: Shelling around Bakhmut went on overnight.\n\n“We are still here,” said Taras Bondar, a medic.\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("b.txt"),
        "date 2022-01-10 Warsaw: Grain prices rose again.\n",
    )
    .unwrap();
    let dir = tmp.path().join("index");
    {
        let ix = dateline::DatelineIndex::open_or_create(&dir).unwrap();
        let report = ix
            .index_paths(
                std::slice::from_ref(&corpus),
                &dateline::IndexOptions::default(),
                &|_| {},
            )
            .unwrap();
        assert_eq!(report.indexed, 2);
    }

    let index = Index::open_in_dir(&dir).unwrap();
    let schema = index.schema();
    let body = schema.get_field("body").unwrap();
    let city = schema.get_field("city").unwrap();
    let reader = index.reader().unwrap();
    let searcher = reader.searcher();
    let parser = QueryParser::for_index(&index, vec![body]);

    let query = parser.parse_query("kind:article AND bakhmut").unwrap();
    let top = searcher
        .search(&query, &TopDocs::with_limit(10).order_by_score())
        .unwrap();
    assert_eq!(top.len(), 1);
    let doc: TantivyDocument = searcher.doc(top[0].1).unwrap();
    assert_eq!(doc.get_first(city).and_then(|v| v.as_str()), Some("Kyiv"));

    // Stemming is en_stem, which every client has: "shell" finds "Shelling".
    let q = parser.parse_query("kind:article AND shell").unwrap();
    assert_eq!(searcher.search(&q, &Count).unwrap(), 1);
    // Dates are plain tantivy dates.
    let q = parser
        .parse_query("kind:article AND date:[2023-03-01T00:00:00Z TO 2023-04-01T00:00:00Z}")
        .unwrap();
    assert_eq!(searcher.search(&q, &Count).unwrap(), 1);
    // Quotes are their own documents too.
    let q = parser.parse_query("kind:quote AND quote:still").unwrap();
    assert_eq!(searcher.search(&q, &Count).unwrap(), 1);
}
