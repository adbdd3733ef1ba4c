//! The `Store` conformance suite: written once, run against every backend by
//! [`conformance_suite!`]. Each check takes a fresh, empty store.

use std::collections::HashMap;
use std::sync::Mutex;

use dossier_model::{Analysis, Diagnostic, Document, Story};
use dossier_store::{Store, StoryRecord};

/// A document with this id, outlet and text.
pub fn document(id: &str, outlet: &str, text: &str) -> Document {
    Document {
        id: id.to_string(),
        path: None,
        url: Some(format!("https://example.test/{id}")),
        outlet: Some(outlet.to_string()),
        title: Some(format!("Headline {id}")),
        authors: vec!["Ana Ruiz".to_string()],
        published: Some("2025-06-17T05:40:00+00:00".to_string()),
        language: Some("en".to_string()),
        text: text.to_string(),
        removed: Vec::new(),
        diagnostics: Vec::new(),
    }
}

/// A recognisable analysis of a document.
pub fn analysis_of(document: &Document) -> Analysis {
    Analysis {
        doc: document.id.clone(),
        diagnostics: vec![Diagnostic::warning(&document.id, "analysed by the suite")],
        ..Analysis::default()
    }
}

fn analyse(documents: &[Document]) -> Vec<Analysis> {
    documents.iter().map(analysis_of).collect()
}

fn three() -> Vec<Document> {
    vec![
        document(
            "d1",
            "Coast Herald",
            "The fire burned through the night at the Vell plant.",
        ),
        document(
            "d2",
            "Lodestar",
            "Crews contained the blaze by morning, the chief said.",
        ),
        document(
            "d3",
            "Northern Ledger",
            "Schools stay closed on Tuesday; ferries were delayed.",
        ),
    ]
}

fn story(id: &str, documents: &[&str]) -> StoryRecord {
    StoryRecord {
        story: Story {
            id: id.to_string(),
            title: format!("Story {id}"),
            documents: documents.iter().map(|d| d.to_string()).collect(),
            copies: Vec::new(),
            alignments: Vec::new(),
            timeline: Vec::new(),
            outlets: Vec::new(),
        },
        entities: Vec::new(),
        quotes: Vec::new(),
        claims: Vec::new(),
    }
}

pub fn an_empty_store_holds_nothing(store: &dyn Store) {
    let stats = store.stats().expect("stats");
    assert_eq!(stats, dossier_store::Stats::default());
    assert!(store.documents().expect("documents").is_empty());
    assert!(store.document("d1").expect("document").is_none());
    assert!(store.analysis("d1").expect("analysis").is_none());
    assert!(store.stories().expect("stories").is_empty());
    assert!(store.story("s1").expect("story").is_none());
    assert!(store.search("fire", 10).expect("search").is_empty());
    assert_eq!(store.work(10, &mut analyse).expect("work"), 0);
}

pub fn documents_round_trip_in_storage_order(store: &dyn Store) {
    let mut documents = three();
    documents[1].text = "Ünïcödé — “quotes”, emoji 🔥, <script>alert(1)</script> & more".into();
    documents[2].removed.push(dossier_model::Removed {
        text: "Sign in".into(),
        reason: "sign-in form".into(),
    });
    store.add_documents(&documents).expect("add");
    assert_eq!(store.documents().expect("documents"), documents);
    assert_eq!(
        store.document("d2").expect("document"),
        Some(documents[1].clone())
    );
}

pub fn ingest_is_idempotent(store: &dyn Store) {
    let documents = three();
    let first = store.add_documents(&documents[..2]).expect("add");
    assert_eq!(first, vec!["d1", "d2"]);
    let again = store.add_documents(&documents[1..]).expect("add again");
    assert_eq!(again, vec!["d3"], "only the new document is added");
    let twice = store
        .add_documents(&[documents[0].clone(), documents[0].clone()])
        .expect("add a batch with a repeat");
    assert!(twice.is_empty());
    let ids: Vec<String> = store
        .documents()
        .expect("documents")
        .into_iter()
        .map(|d| d.id)
        .collect();
    assert_eq!(ids, vec!["d1", "d2", "d3"]);
    assert_eq!(
        store.stats().expect("stats").queued,
        3,
        "each document queued once"
    );
}

pub fn the_queue_hands_out_each_document_once(store: &dyn Store) {
    store.add_documents(&three()).expect("add");
    let mut seen = Vec::new();
    let mut record = |documents: &[Document]| {
        seen.extend(documents.iter().map(|d| d.id.clone()));
        analyse(documents)
    };
    assert_eq!(store.work(2, &mut record).expect("work"), 2);
    assert_eq!(store.work(2, &mut record).expect("work"), 1);
    assert_eq!(store.work(2, &mut record).expect("work"), 0);
    assert_eq!(seen, vec!["d1", "d2", "d3"], "queue order is storage order");
    let stats = store.stats().expect("stats");
    assert_eq!((stats.documents, stats.analysed, stats.queued), (3, 3, 0));
    let runs = store.analysis_runs().expect("runs");
    assert_eq!(
        runs,
        vec![("d1".into(), 1), ("d2".into(), 1), ("d3".into(), 1)]
    );
    let stored = store.analysis("d2").expect("analysis").expect("present");
    assert_eq!(stored, analysis_of(&three()[1]));
}

pub fn a_failed_batch_commits_nothing(store: &dyn Store) {
    store.add_documents(&three()).expect("add");
    // An analyser that answers the wrong documents: the store refuses, and rolls back.
    let result = store.work(3, &mut |documents| analyse(&documents[..1]));
    assert!(result.is_err());
    let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        store.work(3, &mut |_| panic!("analyser crashed"))
    }));
    assert!(panicked.is_err());
    let stats = store.stats().expect("stats");
    assert_eq!(
        (stats.analysed, stats.queued),
        (0, 3),
        "nothing taken, nothing lost"
    );
    assert_eq!(
        store.work(10, &mut analyse).expect("work after failures"),
        3
    );
}

pub fn requeue_all_reanalyses_everything(store: &dyn Store) {
    store.add_documents(&three()).expect("add");
    assert_eq!(store.work(10, &mut analyse).expect("work"), 3);
    assert_eq!(store.requeue_all().expect("requeue"), 3);
    assert_eq!(
        store.requeue_all().expect("requeue twice"),
        3,
        "queued once each"
    );
    assert_eq!(store.work(10, &mut analyse).expect("work"), 3);
    let runs: Vec<u64> = store
        .analysis_runs()
        .expect("runs")
        .into_iter()
        .map(|r| r.1)
        .collect();
    assert_eq!(runs, vec![2, 2, 2]);
}

pub fn snapshots_count_generations(store: &dyn Store) {
    assert_eq!(store.snapshot().expect("snapshot").generation, 0);
    store.add_documents(&three()).expect("add");
    assert!(
        store.snapshot().expect("snapshot").analysed.is_empty(),
        "only analysed documents"
    );
    store.work(2, &mut analyse).expect("work");
    let snapshot = store.snapshot().expect("snapshot");
    assert_eq!(snapshot.generation, 2);
    let ids: Vec<&str> = snapshot
        .analysed
        .iter()
        .map(|(d, _)| d.id.as_str())
        .collect();
    assert_eq!(ids, vec!["d1", "d2"]);
    assert!(snapshot.analysed.iter().all(|(d, a)| d.id == a.doc));
    store.work(2, &mut analyse).expect("work");
    assert_eq!(store.snapshot().expect("snapshot").generation, 3);
}

pub fn stories_are_replaced_unless_stale(store: &dyn Store) {
    store.add_documents(&three()).expect("add");
    let first = vec![story("s1", &["d1"]), story("s2", &["d2", "d3"])];
    assert!(store.replace_stories(5, &first).expect("replace"));
    let list = store.stories().expect("stories");
    let ids: Vec<&str> = list.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, vec!["s2", "s1"], "largest story first");
    assert_eq!(list[0].documents, 2);
    assert_eq!(store.story("s2").expect("story"), Some(first[1].clone()));
    // A recomputation from an older snapshot must not overwrite a newer one.
    assert!(
        !store
            .replace_stories(4, &[story("s9", &["d1"])])
            .expect("stale")
    );
    assert!(store.story("s9").expect("story").is_none());
    assert!(
        store
            .replace_stories(5, &[story("s3", &["d1", "d2", "d3"])])
            .expect("same")
    );
    let ids: Vec<String> = store
        .stories()
        .expect("stories")
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(ids, vec!["s3"]);
    assert_eq!(store.stats().expect("stats").stories, 1);
}

pub fn search_finds_stemmed_words_with_snippets(store: &dyn Store) {
    store.add_documents(&three()).expect("add");
    let hits = store.search("burning", 10).expect("search");
    assert_eq!(hits.len(), 1, "{hits:?}");
    let hit = &hits[0];
    assert_eq!(hit.id, "d1");
    assert_eq!(hit.outlet.as_deref(), Some("Coast Herald"));
    assert_eq!(hit.title.as_deref(), Some("Headline d1"));
    assert!(hit.snippet.contains("burned"), "{hit:?}");
    assert!(!hit.highlights.is_empty());
    for &(start, end) in &hit.highlights {
        let word = hit
            .snippet
            .get(start..end)
            .expect("highlight on char boundaries");
        assert!(word.to_lowercase().starts_with("burn"), "{word}");
    }
    assert!(!hit.snippet.contains('\n'));
    let ferries = store.search("ferry", 10).expect("search");
    assert_eq!(
        ferries.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
        vec!["d3"]
    );
    assert!(store.search("zeppelin", 10).expect("search").is_empty());
    assert_eq!(store.search("the", 0).expect("limit 0").len(), 0);
}

pub fn any_query_text_is_accepted(store: &dyn Store) {
    store.add_documents(&three()).expect("add");
    for query in [
        "\"unbalanced",
        "(fire",
        "AND OR NOT",
        "title:",
        "*",
        "<script>alert(1)</script>",
        "fire -night",
        "'; DROP TABLE documents; --",
        "   ",
        "ünïcödé 🔥",
    ] {
        store
            .search(query, 10)
            .unwrap_or_else(|e| panic!("query {query:?}: {e}"));
    }
    assert_eq!(store.stats().expect("stats").documents, 3);
}

pub fn concurrent_workers_share_the_queue(store: &dyn Store) {
    let documents: Vec<Document> = (0..120)
        .map(|i| {
            document(
                &format!("w{i:03}"),
                "Wire",
                &format!("Report number {i} on the fire."),
            )
        })
        .collect();
    store.add_documents(&documents).expect("add");
    let taken: Mutex<HashMap<String, usize>> = Mutex::new(HashMap::new());
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                loop {
                    let done = store
                        .work(7, &mut |batch| {
                            let mut taken = taken.lock().expect("lock");
                            for d in batch {
                                *taken.entry(d.id.clone()).or_default() += 1;
                            }
                            analyse(batch)
                        })
                        .expect("work");
                    if done == 0 {
                        break;
                    }
                }
            });
        }
    });
    let taken = taken.into_inner().expect("lock");
    assert_eq!(taken.len(), 120);
    assert!(taken.values().all(|&n| n == 1), "each document taken once");
    assert!(
        store
            .analysis_runs()
            .expect("runs")
            .iter()
            .all(|(_, runs)| *runs == 1)
    );
}

/// One `#[test]` per check, for a backend made by `$make` (an expression giving something that
/// derefs to a `Store`, or `None` to skip).
#[macro_export]
macro_rules! conformance_suite {
    ($backend:ident, $make:expr) => {
        mod $backend {
            use super::*;
            $crate::conformance_suite!(@checks $make;
                an_empty_store_holds_nothing,
                documents_round_trip_in_storage_order,
                ingest_is_idempotent,
                the_queue_hands_out_each_document_once,
                a_failed_batch_commits_nothing,
                requeue_all_reanalyses_everything,
                snapshots_count_generations,
                stories_are_replaced_unless_stale,
                search_finds_stemmed_words_with_snippets,
                any_query_text_is_accepted,
                concurrent_workers_share_the_queue,
            );
        }
    };
    (@checks $make:expr; $($check:ident),* $(,)?) => {
        $(
            #[test]
            fn $check() {
                if let Some(fixture) = $make(stringify!($check)) {
                    conformance::$check(&*fixture.store);
                }
            }
        )*
    };
}
