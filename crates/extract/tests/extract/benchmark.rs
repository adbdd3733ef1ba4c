//! The extractor on the public benchmarks of the shared folder (`eval/extraction/`), scored
//! with each benchmark's own metric as `score.py` computes it: each figure must stay above
//! its floor, set a little under what was measured, so that a regression fails the build.
//!
//! `dossier eval extraction` prints the same figures. Without the shared folder the tests
//! skip with a note, unless `CI` is set: there a missing benchmark is a failure.

use dossier_extract::eval::{self, Benchmark};

use crate::support::shared_dir;

/// Body F1 floors: measured 0.9788 (ScrapingHub), 0.9157 (trafilatura), 0.9524 (WCXB dev).
const SCRAPINGHUB_F1: f64 = 0.974;
const TRAFILATURA_F1: f64 = 0.910;
const WCXB_F1: f64 = 0.947;
/// WCXB dev metadata floors (the spurious date share is a ceiling): measured title_site 0.900,
/// date_correct 0.863, date_spurious 0.164, author_exact 0.812.
const TITLE_SITE: f64 = 0.895;
const DATE_CORRECT: f64 = 0.858;
const DATE_SPURIOUS: f64 = 0.17;
const AUTHOR_EXACT: f64 = 0.805;

/// The pages of a benchmark, or `None` (after saying why) when the shared folder lacks them
/// and `CI` is not set.
fn pages(bench: Benchmark) -> Option<Vec<eval::Page>> {
    let shared = shared_dir();
    match bench.load(&shared) {
        Ok(pages) => Some(pages),
        Err(error) if std::env::var_os("CI").is_none() => {
            eprintln!("skipped: {} benchmark not readable: {error}", bench.name());
            None
        }
        Err(error) => panic!("{} benchmark not readable: {error}", bench.name()),
    }
}

fn body_f1_holds(bench: Benchmark, floor: f64) -> Option<(Vec<eval::Page>, Vec<eval::Prediction>)> {
    let pages = pages(bench)?;
    let (predictions, timing) = eval::run(&pages, 1);
    let score = bench.score(&pages, &predictions);
    eprintln!(
        "{}: {} pages, F1 {:.4} (precision {:.4}, recall {:.4}), {:.0} pages/CPU-s (test build)",
        bench.name(),
        pages.len(),
        score.f1,
        score.precision,
        score.recall,
        timing.pages_per_cpu_second()
    );
    assert!(
        score.f1 >= floor,
        "{} body F1 {:.4} fell below the floor {floor}",
        bench.name(),
        score.f1
    );
    Some((pages, predictions))
}

#[test]
fn scrapinghub_body_f1_stays_above_the_floor() {
    body_f1_holds(Benchmark::Scrapinghub, SCRAPINGHUB_F1);
}

#[test]
fn trafilatura_body_f1_stays_above_the_floor() {
    body_f1_holds(Benchmark::Trafilatura, TRAFILATURA_F1);
}

#[test]
fn wcxb_body_f1_and_metadata_stay_above_their_floors() {
    let Some((pages, predictions)) = body_f1_holds(Benchmark::Wcxb, WCXB_F1) else {
        return;
    };
    let meta = Benchmark::Wcxb
        .score_metadata(&pages, &predictions)
        .expect("WCXB pages carry metadata");
    eprintln!("wcxb metadata: {meta:?}");
    let checks = [
        ("title_site", meta.title_site, TITLE_SITE, true),
        ("date_correct", meta.date_correct, DATE_CORRECT, true),
        ("date_spurious", meta.date_spurious, DATE_SPURIOUS, false),
        ("author_exact", meta.author_exact, AUTHOR_EXACT, true),
    ];
    for (name, value, bound, is_floor) in checks {
        if is_floor {
            assert!(
                value >= bound,
                "{name} {value:.4} fell below the floor {bound}"
            );
        } else {
            assert!(
                value <= bound,
                "{name} {value:.4} rose above the ceiling {bound}"
            );
        }
    }
}

#[test]
fn the_metric_matches_score_py_on_a_known_case() {
    // evaluate.py: truth shingles abcd, bcde; prediction abcd: precision 1, recall 1/2.
    let score = eval::scrapinghub::score([("a b c d e", "a b c d")]);
    assert!((score.precision - 1.0).abs() < 1e-12);
    assert!((score.recall - 0.5).abs() < 1e-12);
}
