//! Quote extraction and speaker attribution measured against the PolNeAR gold attributions
//! on its test split, with the metrics the `quote_eval` binary reports (the same module, so
//! the test and the report cannot drift). Skips, passing, when `../shared/corpora/polnear` is
//! not there: the corpus is third-party data and never part of the repository.

use std::sync::OnceLock;

use dateline_bench::quote_eval::{self, Report, TARGET_PRECISION, TARGET_RECALL, TARGET_SPEAKER};
use dateline_bench::repo_root;

/// The test split's report, computed once for all tests; `None` when the corpus is absent.
fn report() -> Option<&'static Report> {
    static REPORT: OnceLock<Option<Report>> = OnceLock::new();
    REPORT
        .get_or_init(|| {
            let root = repo_root().join("../shared/corpora/polnear");
            if !root.join("data/test").is_dir() {
                assert!(
                    std::env::var_os("DATELINE_REQUIRE_SHARED").is_none(),
                    "DATELINE_REQUIRE_SHARED is set but {} is missing",
                    root.display()
                );
                eprintln!("skipped: no PolNeAR corpus at {}", root.display());
                return None;
            }
            let report = quote_eval::evaluate(&root, "test").expect("read PolNeAR");
            eprint!("{}", quote_eval::summary("test", &report));
            Some(report)
        })
        .as_ref()
}

#[test]
fn recall_on_test_split() {
    let Some(r) = report() else { return };
    assert!(r.fragments > 500, "too few gold fragments: {}", r.fragments);
    assert!(
        r.recall() >= TARGET_RECALL,
        "recall {:.4} < {TARGET_RECALL}; missed e.g. {:#?}",
        r.recall(),
        &r.missed[..r.missed.len().min(10)]
    );
}

#[test]
fn precision_on_test_split() {
    let Some(r) = report() else { return };
    assert!(
        r.precision() >= TARGET_PRECISION,
        "precision {:.4} < {TARGET_PRECISION}; wrong e.g. {:#?}",
        r.precision(),
        &r.wrong[..r.wrong.len().min(10)]
    );
}

#[test]
fn speaker_accuracy_on_test_split() {
    let Some(r) = report() else { return };
    assert!(
        r.speaker_accuracy() >= TARGET_SPEAKER,
        "speaker accuracy {:.4} < {TARGET_SPEAKER}; wrong e.g. {:#?}",
        r.speaker_accuracy(),
        &r.wrong_speaker[..r.wrong_speaker.len().min(10)]
    );
}

/// Quotes whose gold source is a pronoun or a description (`he`, `the president`), which
/// speaker accuracy cannot check: all counted, and nearly nine in ten given some speaker
/// (159 of 178 when the count was added; the floor keeps that from sliding unseen).
#[test]
fn pronoun_and_description_sources_get_a_speaker() {
    let Some(r) = report() else { return };
    assert!(
        r.unnamed_sources > 150,
        "too few pronoun or description sources: {}",
        r.unnamed_sources
    );
    let given = r.unnamed_given as f64 / r.unnamed_sources as f64;
    assert!(
        given >= 0.85,
        "pronoun or description sources given a speaker {given:.4} < 0.85"
    );
}

/// The seed article of issue 4 (kept outside the repository): exactly three quotes, by
/// Pavlo Kyrylenko, Michael Kofman and Michael Kofman.
#[test]
fn seed_article_gives_three_attributed_quotes() {
    let path = repo_root().join("../shared/seeds/000_015ecbb997d3723e.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: no seed article at {}", path.display());
        return;
    };
    let marker = "date 2023-03-06 Kyiv: ";
    let start = text.find(marker).expect("seed dateline") + marker.len();
    let body = dateline::parse::text::tidy_paragraphs(&text[start..]);
    let quotes = dateline::parse::quote::extract_attributed(&body);
    let speakers: Vec<Option<&str>> = quotes.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(
        speakers,
        [
            Some("Pavlo Kyrylenko"),
            Some("Michael Kofman"),
            Some("Michael Kofman")
        ]
    );
    assert_eq!(quotes[0].role.as_deref(), Some("Donetsk Gov."));
}
