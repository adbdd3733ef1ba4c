//! The link gate: a logistic model, trained on the hand-annotated example stories, of whether
//! two statements that share words report the same fact. The hand-weighted similarity
//! (`matching::scored`) still decides how alike two statements are and how their group is
//! judged; the gate only keeps it from linking pairs the model finds unlikely (on the stories,
//! many pairs the similarity links share a name and a common word and say different things).
//!
//! Weights: `data/link_gate.tsv`, written by `scripts/train_link_gate.py` from pairs the
//! aligner writes out when `DOSSIER_LINK_PAIRS` names a file (see that script).

use std::sync::OnceLock;

/// The names of the model's inputs, in the order of [`Inputs`], as the weights file names them.
pub const INPUT_NAMES: [&str; INPUTS] = [
    "jaccard",
    "overlap",
    "log_shared_stems",
    "shared_weight",
    "shared_figure",
    "shared_year",
    "same_number",
    "either_quote",
    "both_quotes",
    "either_headline",
    "either_split",
    "polarities_differ",
    "same_speaker",
    "log_shorter",
    "log_longer",
    "both_figures",
    "shared_entity",
    "gram_cosine",
    "gram_overlap",
];

/// How many inputs the model reads.
pub const INPUTS: usize = 19;

/// What the gate reads of one pair of statements.
pub type Inputs = [f64; INPUTS];

struct Model {
    bias: f64,
    weights: Inputs,
}

fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| parse(include_str!("../data/link_gate.tsv")))
}

/// Reads `name<TAB>weight` lines ('#' opens a comment); a name the file lacks weighs nothing.
fn parse(text: &str) -> Model {
    let mut model = Model {
        bias: 0.0,
        weights: [0.0; INPUTS],
    };
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        let Some((name, weight)) = line.split_once('\t') else {
            continue;
        };
        let Ok(weight) = weight.trim().parse::<f64>() else {
            continue;
        };
        if name == "bias" {
            model.bias = weight;
        } else if let Some(k) = INPUT_NAMES.iter().position(|n| *n == name) {
            model.weights[k] = weight;
        }
    }
    model
}

/// The model's probability that the two statements report the same fact.
pub fn probability(inputs: &Inputs) -> f64 {
    let m = model();
    let z = m.bias
        + m.weights
            .iter()
            .zip(inputs)
            .map(|(w, x)| w * x)
            .sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_weights_name_every_input() {
        let text = include_str!("../data/link_gate.tsv");
        for name in INPUT_NAMES.iter().chain(&["bias"]) {
            assert!(
                text.lines().any(|l| l.split('\t').next() == Some(name)),
                "{name} missing"
            );
        }
        assert!(model().weights.iter().all(|w| *w != 0.0));
    }

    #[test]
    fn more_shared_words_make_a_link_likelier() {
        let mut few = [0.0; INPUTS];
        few[0] = 0.2;
        few[1] = 0.4;
        few[2] = (3f64).ln();
        few[3] = 0.6;
        few[13] = (10f64).ln();
        few[14] = (14f64).ln();
        few[17] = 0.2;
        few[18] = 0.3;
        let mut many = few;
        many[0] = 0.5;
        many[1] = 0.8;
        many[2] = (7f64).ln();
        many[3] = 1.5;
        many[17] = 0.5;
        many[18] = 0.7;
        assert!(probability(&many) > probability(&few) + 0.2);
        assert!((0.0..=1.0).contains(&probability(&few)));
    }
}
