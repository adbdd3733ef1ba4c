//! Main-text quality on the Scrapinghub article-extraction benchmark: the mean token F1 of the
//! first pages against their ground truth must stay above a measured floor.

use std::collections::HashMap;

use dossier_extract::extract_html;

use crate::support::{read_shared, read_shared_gz};

const BENCHMARK: &str = "eval/extraction/scrapinghub-article-extraction-benchmark";
/// Pages measured: the first, by id. `DOSSIER_EXTRACT_PAGES` measures more (the floor is set
/// for the default).
const PAGES: usize = 20;
/// Measured mean F1 on those pages, less a margin. Raise it when extraction improves.
const FLOOR: f64 = 0.97;

fn tokens(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for token in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|token| !token.is_empty())
    {
        *counts.entry(token.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

/// Token-overlap F1 of a text against the truth (multisets of lowercase words).
pub fn f1(found: &str, truth: &str) -> f64 {
    let found = tokens(found);
    let truth = tokens(truth);
    let found_total: usize = found.values().sum();
    let truth_total: usize = truth.values().sum();
    if found_total == 0 || truth_total == 0 {
        return if found_total == truth_total { 1.0 } else { 0.0 };
    }
    let common: usize = found
        .iter()
        .map(|(token, count)| (*count).min(truth.get(token).copied().unwrap_or(0)))
        .sum();
    if common == 0 {
        return 0.0;
    }
    let precision = common as f64 / found_total as f64;
    let recall = common as f64 / truth_total as f64;
    2.0 * precision * recall / (precision + recall)
}

#[test]
fn main_text_f1_stays_above_the_floor() {
    let truth: serde_json::Value =
        serde_json::from_str(&read_shared(&format!("{BENCHMARK}/ground-truth.json")))
            .unwrap_or_else(|error| panic!("ground truth is not JSON: {error}"));
    let truth = truth.as_object().expect("ground truth is an object");
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    let mut scores = Vec::new();
    let pages = std::env::var("DOSSIER_EXTRACT_PAGES")
        .ok()
        .and_then(|pages| pages.parse().ok())
        .unwrap_or(PAGES);
    for id in ids.into_iter().take(pages) {
        let page = read_shared_gz(&format!("{BENCHMARK}/html/{id}.html.gz"));
        let url = truth[id]["url"].as_str();
        let expected = truth[id]["articleBody"].as_str().unwrap_or("");
        let article = extract_html(&page, url);
        let score = f1(&article.text, expected);
        for removed in &article.removed {
            let in_truth = expected.contains(removed.text.as_str());
            eprintln!(
                "  removed {} [{}] {}",
                if in_truth { "BODY" } else { "ok" },
                removed.reason,
                removed.text
            );
        }
        eprintln!(
            "{score:.3} {id} {}",
            article.title.as_deref().unwrap_or("-")
        );
        scores.push(score);
    }
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    eprintln!("mean token F1 over {} pages: {mean:.3}", scores.len());
    assert!(
        pages != PAGES || mean >= FLOOR,
        "mean token F1 {mean:.3} fell below the floor {FLOOR}"
    );
}
