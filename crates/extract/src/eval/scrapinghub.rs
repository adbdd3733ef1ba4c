//! The metric of scrapinghub/article-extraction-benchmark (`evaluate.py`): per page, the
//! 4-gram shingles of the truth and the prediction give true positives, false positives and
//! false negatives normalised to sum to 1; precision and recall are means over pages and F1 is
//! their harmonic mean.

use std::collections::HashMap;

use super::word_tokens;

/// Shingle length.
const SHINGLE: usize = 4;

/// One page's shingle counts, normalised to sum to 1 (all zero when both texts are empty).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PageCounts {
    /// Shingles in both.
    pub true_positive: f64,
    /// Shingles only in the prediction.
    pub false_positive: f64,
    /// Shingles only in the truth.
    pub false_negative: f64,
}

impl PageCounts {
    /// Compares a prediction with the truth. Tokens are case-sensitive; a text shorter than a
    /// shingle is one shorter shingle.
    pub fn of(truth: &str, prediction: &str) -> Self {
        let truth = shingles(truth);
        let prediction = shingles(prediction);
        let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
        for (shingle, &t) in &truth {
            let p = prediction.get(shingle).copied().unwrap_or(0);
            tp += t.min(p);
            fn_ += t.saturating_sub(p);
        }
        for (shingle, &p) in &prediction {
            let t = truth.get(shingle).copied().unwrap_or(0);
            fp += p.saturating_sub(t);
        }
        let sum = (tp + fp + fn_) as f64;
        if sum == 0.0 {
            return PageCounts::default();
        }
        PageCounts {
            true_positive: tp as f64 / sum,
            false_positive: fp as f64 / sum,
            false_negative: fn_ as f64 / sum,
        }
    }

    /// The page's precision; `None` when it does not count towards the mean.
    pub fn precision(&self) -> Option<f64> {
        (self.true_positive + self.false_positive > 0.0)
            .then(|| ratio(self.true_positive, self.false_positive, self.false_negative))
    }

    /// The page's recall; `None` when it does not count towards the mean.
    pub fn recall(&self) -> Option<f64> {
        (self.true_positive + self.false_negative > 0.0)
            .then(|| ratio(self.true_positive, self.false_negative, self.false_positive))
    }
}

/// A page with no error scores 1; one with nothing on this side scores 0.
fn ratio(true_positive: f64, error: f64, other_error: f64) -> f64 {
    if error == 0.0 && other_error == 0.0 {
        1.0
    } else if true_positive + error > 0.0 {
        true_positive / (true_positive + error)
    } else {
        0.0
    }
}

fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let tokens: Vec<&str> = word_tokens(text).collect();
    let mut counts = HashMap::new();
    if tokens.is_empty() {
        return counts;
    }
    if tokens.len() < SHINGLE {
        counts.insert(tokens, 1);
        return counts;
    }
    for window in tokens.windows(SHINGLE) {
        *counts.entry(window.to_vec()).or_insert(0) += 1;
    }
    counts
}

/// The benchmark's score over pages.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    /// Harmonic mean of the mean precision and the mean recall.
    pub f1: f64,
    /// Mean precision over pages.
    pub precision: f64,
    /// Mean recall over pages.
    pub recall: f64,
}

/// Scores `(truth, prediction)` pairs, one per page.
pub fn score<'a>(pages: impl IntoIterator<Item = (&'a str, &'a str)>) -> Score {
    let counts: Vec<PageCounts> = pages
        .into_iter()
        .map(|(truth, prediction)| PageCounts::of(truth, prediction))
        .collect();
    let mean = |values: Vec<f64>| {
        if values.is_empty() {
            0.0
        } else {
            values.iter().sum::<f64>() / values.len() as f64
        }
    };
    let precision = mean(counts.iter().filter_map(PageCounts::precision).collect());
    let recall = mean(counts.iter().filter_map(PageCounts::recall).collect());
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Score {
        f1,
        precision,
        recall,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingles_count_as_evaluate_py_counts_them() {
        let exact = PageCounts::of("one two three four five", "one two three four five");
        assert_eq!(exact.precision(), Some(1.0));
        let half = PageCounts::of("a b c d e", "a b c d");
        // truth shingles: abcd, bcde; prediction: abcd. tp 1, fn 1 → normalised 1/2, 1/2.
        assert_eq!(half.precision(), Some(1.0));
        assert_eq!(half.recall(), Some(0.5));
        let short = PageCounts::of("Hello world", "hello world");
        assert_eq!(short.recall(), Some(0.0), "tokens are case-sensitive");
        assert_eq!(PageCounts::of("", "").precision(), None);
    }
}
