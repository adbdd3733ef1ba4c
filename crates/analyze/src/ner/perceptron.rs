//! The averaged perceptron that training updates, for any number of labels `L`: a weight row of
//! every label for each feature seen in a mistake, averaged over every step with the "w − u/c"
//! trick (Daumé 2006) so that an update costs the same whatever the number of steps. The NER
//! tagger and the attribution tagger both train with it.

use std::collections::HashMap;

use super::decode::Weights;
use super::hash::BuildIdentity;
use super::tag::LABELS;

/// Shuffles `order` in place (Fisher–Yates) with a xorshift generator whose state is `state`:
/// the deterministic order of a training epoch, for every model trained here.
pub(crate) fn shuffle(order: &mut [usize], state: &mut u64) {
    for i in (1..order.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        order.swap(i, (*state % (i as u64 + 1)) as usize);
    }
}

/// Weights being learned.
#[derive(Default)]
pub(crate) struct Perceptron<const L: usize> {
    index: HashMap<u64, u32, BuildIdentity>,
    weights: Vec<f32>,
    /// Sum over updates of step × change, for the average.
    totals: Vec<f64>,
    step: u64,
}

impl Weights for Perceptron<LABELS> {
    #[inline]
    fn add(&self, features: &[u64], scores: &mut [f32; LABELS]) {
        self.add_to(features, scores);
    }
}

impl<const L: usize> Perceptron<L> {
    /// Adds the current weights of these features to each label's score.
    #[inline]
    pub(crate) fn add_to(&self, features: &[u64], scores: &mut [f32; L]) {
        for f in features {
            if let Some(&row) = self.index.get(f) {
                let row = &self.weights[row as usize * L..][..L];
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
    }

    /// The current weight of one feature for one label.
    #[inline]
    pub(crate) fn weight(&self, feature: u64, label: usize) -> f32 {
        self.index
            .get(&feature)
            .map_or(0.0, |&row| self.weights[row as usize * L + label])
    }

    /// Counts one token seen.
    pub(crate) fn tick(&mut self) {
        self.step += 1;
    }

    /// Moves the weights of these features towards label `gold` and away from `guess`.
    pub(crate) fn update(&mut self, features: &[u64], gold: usize, guess: usize) {
        self.nudge(features, gold, 1.0);
        self.nudge(features, guess, -1.0);
    }

    /// Changes the weight of these features for one label.
    pub(crate) fn nudge(&mut self, features: &[u64], label: usize, change: f32) {
        let step = self.step as f64;
        for &f in features {
            let next = self.index.len() as u32;
            let row = *self.index.entry(f).or_insert(next) as usize;
            if row == next as usize {
                self.weights.extend([0.0; L]);
                self.totals.extend([0.0; L]);
            }
            let k = row * L + label;
            self.weights[k] += change;
            self.totals[k] += step * f64::from(change);
        }
    }

    /// Number of features with weights.
    pub(crate) fn len(&self) -> usize {
        self.index.len()
    }

    /// The averaged weights of every feature, sorted by key.
    pub(crate) fn averaged(&self) -> Vec<(u64, [f32; L])> {
        let steps = self.step.max(1) as f64;
        let mut out: Vec<(u64, [f32; L])> = self
            .index
            .iter()
            .map(|(&key, &row)| {
                let mut w = [0.0f32; L];
                for (k, slot) in w.iter_mut().enumerate() {
                    let i = row as usize * L + k;
                    *slot = (f64::from(self.weights[i]) - self.totals[i] / steps) as f32;
                }
                (key, w)
            })
            .collect();
        out.sort_unstable_by_key(|(key, _)| *key);
        out
    }
}
