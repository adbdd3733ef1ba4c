//! Greedy left-to-right decoding: each token takes the best label that may follow the label
//! before it, so that every name the model outputs is well formed.

use super::features::{self, HISTORY, SentenceInfo};
use super::tag::{LABELS, Label, O, is_allowed};

/// The label of the position before the first token, for history features.
pub(crate) const START: Label = LABELS as Label;

/// Anything that scores features: the perceptron in training, the compact table after.
pub(crate) trait Weights {
    /// Adds the weights of these features to each label's score.
    fn add(&self, features: &[u64], scores: &mut [f32; LABELS]);
}

/// Features of every token of a sentence that do not depend on earlier labels, flattened.
#[derive(Debug, Default, Clone)]
pub(crate) struct SentenceFeatures {
    pub features: Vec<u64>,
    pub ranges: Vec<(u32, u32)>,
}

impl SentenceFeatures {
    /// Computes the static features of a sentence, replacing what was there.
    pub(crate) fn fill(&mut self, sentence: &SentenceInfo) {
        self.features.clear();
        self.ranges.clear();
        for i in 0..sentence.len() {
            let start = self.features.len() as u32;
            features::static_features(sentence, i, &mut self.features);
            self.ranges.push((start, self.features.len() as u32));
        }
    }

    /// Appends features to token `i`'s (for the second pass): rebuilds the flat list.
    pub(crate) fn with_extra(&self, extra: &SentenceFeatures) -> SentenceFeatures {
        let mut out = SentenceFeatures::default();
        for (i, &(start, end)) in self.ranges.iter().enumerate() {
            let begin = out.features.len() as u32;
            out.features
                .extend_from_slice(&self.features[start as usize..end as usize]);
            out.features.extend_from_slice(extra.of(i));
            out.ranges.push((begin, out.features.len() as u32));
        }
        out
    }

    pub(crate) fn of(&self, i: usize) -> &[u64] {
        let (start, end) = self.ranges[i];
        &self.features[start as usize..end as usize]
    }
}

/// The best label allowed after `previous`.
#[inline]
pub(crate) fn best(scores: &[f32; LABELS], previous: Label, is_last: bool) -> Label {
    let mut best = O;
    let mut best_score = f32::NEG_INFINITY;
    for (label, &score) in scores.iter().enumerate() {
        let label = label as Label;
        if score > best_score && is_allowed(previous, label, is_last) {
            best = label;
            best_score = score;
        }
    }
    best
}

/// Labels `n` tokens left to right: `base(i)` are the scores of token `i` from features that do
/// not depend on earlier labels, `history` adds those that do.
#[inline]
pub(crate) fn greedy(
    n: usize,
    mut base: impl FnMut(usize) -> [f32; LABELS],
    mut history: impl FnMut(usize, Label, Label, &mut [f32; LABELS]),
    out: &mut Vec<Label>,
) {
    out.clear();
    for i in 0..n {
        let previous = if i > 0 { out[i - 1] } else { O };
        let history_previous = if i > 0 { out[i - 1] } else { START };
        let before = if i > 1 { out[i - 2] } else { START };
        let mut scores = base(i);
        history(i, history_previous, before, &mut scores);
        out.push(best(&scores, previous, i + 1 == n));
    }
}

/// Labels a sentence.
pub(crate) fn decode(
    weights: &impl Weights,
    sentence: &SentenceInfo,
    features: &SentenceFeatures,
    out: &mut Vec<Label>,
) {
    out.clear();
    let n = sentence.len();
    let mut history = [0u64; HISTORY];
    for i in 0..n {
        let previous = if i > 0 { out[i - 1] } else { O };
        let history_previous = if i > 0 { out[i - 1] } else { START };
        let before = if i > 1 { out[i - 2] } else { START };
        features::history_features(sentence, i, history_previous, before, &mut history);
        let mut scores = [0.0f32; LABELS];
        weights.add(features.of(i), &mut scores);
        weights.add(&history, &mut scores);
        out.push(best(&scores, previous, i + 1 == n));
    }
}
