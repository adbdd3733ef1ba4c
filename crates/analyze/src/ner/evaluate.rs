//! Entity-level precision, recall and F1 with exact span and type match (the rule of conlleval
//! and of `shared/eval/ner/score.py`), for training logs and tests.

use std::collections::HashSet;

use super::tag::{EntityType, Tag, bio_to_labels, labels_to_bio};

/// Entity-level scores.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct NerScore {
    /// Share of predicted names that are right.
    pub precision: f64,
    /// Share of gold names found.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

fn chunks(tags: &[Tag]) -> HashSet<(usize, usize, EntityType)> {
    let tags = labels_to_bio(&bio_to_labels(tags));
    let mut out = HashSet::new();
    let mut i = 0;
    while i < tags.len() {
        let Some(t) = tags[i].entity_type() else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while end < tags.len() && tags[end] == Tag::Inside(t) {
            end += 1;
        }
        out.insert((i, end, t));
        i = end;
    }
    out
}

/// Scores predicted sentences against gold sentences (same tokens).
pub fn score(gold: &[Vec<Tag>], predicted: &[Vec<Tag>]) -> NerScore {
    let (mut tp, mut n_gold, mut n_pred) = (0usize, 0usize, 0usize);
    for (g, p) in gold.iter().zip(predicted) {
        let g = chunks(g);
        let p = chunks(p);
        tp += g.intersection(&p).count();
        n_gold += g.len();
        n_pred += p.len();
    }
    let precision = if n_pred > 0 {
        tp as f64 / n_pred as f64
    } else {
        0.0
    };
    let recall = if n_gold > 0 {
        tp as f64 / n_gold as f64
    } else {
        0.0
    };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    NerScore {
        precision,
        recall,
        f1,
    }
}
