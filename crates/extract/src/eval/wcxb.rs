//! The metric of WCXB (`evaluate.py` of web-content-extraction-benchmark): per page, the
//! bag-of-words precision, recall and F1 of the body (lowercase `\w+` tokens), averaged over
//! pages; and the share of "with" snippets found and "without" snippets leaked.

use std::collections::HashMap;

use serde_json::Value;

use super::word_tokens;

/// A page's ground truth.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Annotation {
    /// The main content.
    pub main_content: String,
    /// Snippets the text should hold.
    pub with: Vec<String>,
    /// Snippets it should not hold.
    pub without: Vec<String>,
    /// The on-page headline.
    pub title: Option<String>,
    /// The author as the page names them.
    pub author: Option<String>,
    /// `YYYY-MM-DD` or `YYYY-MM`.
    pub publish_date: Option<String>,
}

impl Annotation {
    /// Reads a `ground_truth` object.
    pub fn from_json(value: &Value) -> Self {
        let text = |key: &str| {
            value
                .get(key)
                .and_then(Value::as_str)
                .map(str::to_string)
                .filter(|text| !text.is_empty())
        };
        let strings = |key: &str| -> Vec<String> {
            value
                .get(key)
                .and_then(Value::as_array)
                .map(|items| {
                    items
                        .iter()
                        .filter_map(Value::as_str)
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default()
        };
        Annotation {
            main_content: text("main_content").unwrap_or_default(),
            with: strings("with"),
            without: strings("without"),
            title: text("title"),
            author: text("author"),
            publish_date: text("publish_date"),
        }
    }
}

/// The benchmark's score, means over pages.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    /// Mean word F1.
    pub f1: f64,
    /// Mean word precision.
    pub precision: f64,
    /// Mean word recall.
    pub recall: f64,
    /// Mean share of "with" snippets found.
    pub with_rate: f64,
    /// Mean share of "without" snippets found.
    pub without_rate: f64,
}

/// Bag-of-words precision, recall and F1 of a prediction against a reference.
pub fn word_prf(prediction: &str, reference: &str) -> (f64, f64, f64) {
    let count = |text: &str| {
        let lower = text.to_lowercase();
        let mut counts: HashMap<String, usize> = HashMap::new();
        let mut total = 0;
        for token in word_tokens(&lower) {
            *counts.entry(token.to_string()).or_insert(0) += 1;
            total += 1;
        }
        (counts, total)
    };
    let (predicted, predicted_total) = count(prediction);
    let (expected, expected_total) = count(reference);
    if expected_total == 0 {
        return if predicted_total == 0 {
            (1.0, 1.0, 1.0)
        } else {
            (0.0, 0.0, 0.0)
        };
    }
    if predicted_total == 0 {
        return (0.0, 0.0, 0.0);
    }
    let overlap: usize = predicted
        .iter()
        .map(|(token, n)| (*n).min(expected.get(token).copied().unwrap_or(0)))
        .sum();
    let precision = overlap as f64 / predicted_total as f64;
    let recall = overlap as f64 / expected_total as f64;
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    (precision, recall, f1)
}

fn snippet_rate(text: &str, snippets: &[String]) -> f64 {
    if snippets.is_empty() {
        return 1.0;
    }
    let text = text.to_lowercase();
    let found = snippets
        .iter()
        .filter(|snippet| text.contains(&snippet.to_lowercase()))
        .count();
    found as f64 / snippets.len() as f64
}

/// Scores `(truth, prediction text)` pairs, one per page.
pub fn score<'a>(pages: impl IntoIterator<Item = (&'a Annotation, &'a str)>) -> Score {
    let mut sum = Score::default();
    let mut count = 0usize;
    for (truth, prediction) in pages {
        let (p, r, f) = word_prf(prediction, &truth.main_content);
        sum.precision += p;
        sum.recall += r;
        sum.f1 += f;
        sum.with_rate += snippet_rate(prediction, &truth.with);
        sum.without_rate += snippet_rate(prediction, &truth.without);
        count += 1;
    }
    let n = count.max(1) as f64;
    Score {
        f1: sum.f1 / n,
        precision: sum.precision / n,
        recall: sum.recall / n,
        with_rate: sum.with_rate / n,
        without_rate: sum.without_rate / n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lowercased_bags() {
        let (p, r, f) = word_prf("The cat, the hat", "the CAT sat");
        assert!((p - 0.5).abs() < 1e-12);
        assert!((r - 2.0 / 3.0).abs() < 1e-12);
        assert!(f > 0.5 && f < 0.6);
        assert_eq!(word_prf("", ""), (1.0, 1.0, 1.0));
    }
}
