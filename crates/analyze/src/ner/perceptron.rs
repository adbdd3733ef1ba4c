//! The averaged perceptron that training updates: a weight row of every label for each feature
//! seen in a mistake, averaged over every step with the "w − u/c" trick (Daumé 2006) so that an
//! update costs the same whatever the number of steps.

use std::collections::HashMap;

use super::decode::Weights;
use super::gazetteer::BuildIdentity;
use super::tag::{LABELS, Label};

/// Weights being learned.
#[derive(Default)]
pub(crate) struct Perceptron {
    index: HashMap<u64, u32, BuildIdentity>,
    weights: Vec<f32>,
    /// Sum over updates of step × change, for the average.
    totals: Vec<f64>,
    step: u64,
}

impl Weights for Perceptron {
    #[inline]
    fn add(&self, features: &[u64], scores: &mut [f32; LABELS]) {
        for f in features {
            if let Some(&row) = self.index.get(f) {
                let row = &self.weights[row as usize * LABELS..][..LABELS];
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
    }
}

impl Perceptron {
    /// Counts one token seen.
    pub(crate) fn tick(&mut self) {
        self.step += 1;
    }

    /// Moves the weights of these features towards `gold` and away from `guess`.
    pub(crate) fn update(&mut self, features: &[u64], gold: Label, guess: Label) {
        let step = self.step as f64;
        for &f in features {
            let next = self.index.len() as u32;
            let row = *self.index.entry(f).or_insert(next) as usize;
            if row == next as usize {
                self.weights.extend([0.0; LABELS]);
                self.totals.extend([0.0; LABELS]);
            }
            for (label, change) in [(gold, 1.0f32), (guess, -1.0)] {
                let k = row * LABELS + label as usize;
                self.weights[k] += change;
                self.totals[k] += step * f64::from(change);
            }
        }
    }

    /// Number of features with weights.
    pub(crate) fn len(&self) -> usize {
        self.index.len()
    }

    /// The averaged weights of every feature, sorted by key.
    pub(crate) fn averaged(&self) -> Vec<(u64, [f32; LABELS])> {
        let steps = self.step.max(1) as f64;
        let mut out: Vec<(u64, [f32; LABELS])> = self
            .index
            .iter()
            .map(|(&key, &row)| {
                let mut w = [0.0f32; LABELS];
                for (k, slot) in w.iter_mut().enumerate() {
                    let i = row as usize * LABELS + k;
                    *slot = (f64::from(self.weights[i]) - self.totals[i] / steps) as f32;
                }
                (key, w)
            })
            .collect();
        out.sort_unstable_by_key(|(key, _)| *key);
        out
    }
}
