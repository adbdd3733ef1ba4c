//! Training a scorer that picks one of several choices (a content span, a cue's extent): the
//! averaged perceptron over the features of the choices, pushed towards the annotated choice
//! and away from its guess whenever they differ.

use super::Weights;
use crate::ner::perceptron::{Perceptron, shuffle};

/// Weights as a function from a feature to its weight.
pub(crate) type Lookup<'w> = &'w dyn Fn(u64) -> f32;

/// How one kind of choice is made and seen, for [`train`].
pub(crate) struct Task<'f, E, C> {
    /// What is being learned, for the log.
    pub name: &'f str,
    /// The starting state of the shuffle.
    pub seed: u64,
    /// The best choice for an example under some weights.
    pub best: &'f dyn Fn(Lookup, &E) -> C,
    /// The annotated choice.
    pub gold: &'f dyn Fn(&E) -> C,
    /// The features of a choice; `None` for a choice that has none to push.
    pub features: &'f dyn Fn(&E, &C) -> Option<Vec<u64>>,
}

/// Trains over `examples` for `epochs` passes in shuffled order; `log` hears the last pass's
/// share of wrong guesses.
pub(crate) fn train<E, C: PartialEq>(
    task: &Task<E, C>,
    examples: &[E],
    epochs: usize,
    log: &mut dyn FnMut(String),
) -> Weights<1> {
    let mut p: Perceptron<1> = Perceptron::default();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed = task.seed;
    for epoch in 0..epochs {
        shuffle(&mut order, &mut seed);
        let mut wrong = 0;
        for &e in &order {
            let ex = &examples[e];
            let guess = (task.best)(&|k| p.weight(k, 0), ex);
            p.tick();
            let gold = (task.gold)(ex);
            if guess != gold {
                wrong += 1;
                if let Some(f) = (task.features)(ex, &gold) {
                    p.nudge(&f, 0, 1.0);
                }
                if let Some(f) = (task.features)(ex, &guess) {
                    p.nudge(&f, 0, -1.0);
                }
            }
        }
        if epoch + 1 == epochs {
            log(format!(
                "{}: epoch {}: {:.1}% of {} wrong",
                task.name,
                epoch + 1,
                100.0 * wrong as f64 / examples.len().max(1) as f64,
                examples.len()
            ));
        }
    }
    Weights::from_averaged(p.averaged())
}
