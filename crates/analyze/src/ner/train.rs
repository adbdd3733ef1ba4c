//! Training: an averaged perceptron over the first-pass features; then, if asked, a second
//! model over the same features plus what a first pass said about the document. The second
//! model learns from first-pass labels made by models that never saw the document (k-fold
//! jackknife), so that it learns how far to trust them on new text.
//!
//! Training is deterministic: the sentence order of each epoch comes from a fixed seed.

use super::conll::ConllDocument;
use super::decode::{self, SentenceFeatures, Weights};
use super::document;
use super::evaluate::{self, NerScore};
use super::features::{self, HISTORY, SentenceInfo};
use super::model::{NerModel, WeightTable};
use super::perceptron::{self, Perceptron};
use super::resources::NerLists;
use super::tag::{LABELS, Label, O, Tag, bio_to_labels, labels_to_bio};

/// How to train.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Train the second, document-level pass.
    pub second_pass: bool,
    /// Folds of the jackknife that makes first-pass labels for the second pass.
    pub folds: usize,
    /// Epochs of each fold model.
    pub fold_epochs: usize,
    /// Features whose largest averaged weight is below this are dropped from the saved model.
    pub prune_below: f32,
    /// Seed of the sentence order.
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 12,
            second_pass: true,
            folds: 5,
            fold_epochs: 10,
            prune_below: 0.05,
            seed: 17,
        }
    }
}

/// One training sentence, ready.
struct Prepared {
    info: SentenceInfo,
    features: SentenceFeatures,
    gold: Vec<Label>,
}

fn prepare(documents: &[ConllDocument], resources: &NerLists) -> Vec<Vec<Prepared>> {
    documents
        .iter()
        .map(|document| {
            document
                .sentences
                .iter()
                .map(|sentence| {
                    let words: Vec<&str> = sentence.tokens.iter().map(String::as_str).collect();
                    let mut info = SentenceInfo::default();
                    info.fill(&words, resources);
                    let mut features = SentenceFeatures::default();
                    features.fill(&info);
                    Prepared {
                        info,
                        features,
                        gold: bio_to_labels(&sentence.tags),
                    }
                })
                .collect()
        })
        .collect()
}

/// Trains one pass over the given sentences (documents × sentences, with their features).
fn train_pass(
    sentences: &[(&SentenceInfo, &SentenceFeatures, &[Label])],
    epochs: usize,
    seed: u64,
    mut after_epoch: impl FnMut(usize, &Perceptron<LABELS>),
) -> Perceptron<LABELS> {
    let mut perceptron = Perceptron::default();
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut history = [0u64; HISTORY];
    let mut guesses: Vec<Label> = Vec::new();
    let mut all: Vec<u64> = Vec::new();
    for epoch in 0..epochs {
        perceptron::shuffle(&mut order, &mut state);
        for &k in &order {
            let (info, features, gold) = sentences[k];
            guesses.clear();
            let n = info.len();
            for i in 0..n {
                let previous = if i > 0 { guesses[i - 1] } else { O };
                let history_previous = if i > 0 { guesses[i - 1] } else { decode::START };
                let before = if i > 1 { guesses[i - 2] } else { decode::START };
                features::history_features(info, i, history_previous, before, &mut history);
                let mut scores = [0.0f32; super::tag::LABELS];
                perceptron.add(features.of(i), &mut scores);
                perceptron.add(&history, &mut scores);
                let guess = decode::best(&scores, previous, i + 1 == n);
                if guess != gold[i] {
                    all.clear();
                    all.extend_from_slice(features.of(i));
                    all.extend_from_slice(&history);
                    perceptron.update(&all, gold[i] as usize, guess as usize);
                }
                perceptron.tick();
                guesses.push(guess);
            }
        }
        after_epoch(epoch, &perceptron);
    }
    perceptron
}

fn score_with(
    weights: &impl Weights,
    dev: &[Vec<Prepared>],
    second: Option<&[Vec<SentenceFeatures>]>,
) -> NerScore {
    let mut gold = Vec::new();
    let mut predicted = Vec::new();
    let mut labels = Vec::new();
    for (d, document) in dev.iter().enumerate() {
        for (s, sentence) in document.iter().enumerate() {
            match second {
                Some(extra) => {
                    let f = sentence.features.with_extra(&extra[d][s]);
                    decode::decode(weights, &sentence.info, &f, &mut labels);
                }
                None => decode::decode(weights, &sentence.info, &sentence.features, &mut labels),
            }
            predicted.push(labels_to_bio(&labels));
            gold.push(labels_to_bio(&sentence.gold));
        }
    }
    evaluate::score(&gold, &predicted)
}

fn first_pass_labels(weights: &impl Weights, document: &[Prepared]) -> Vec<Vec<Label>> {
    document
        .iter()
        .map(|s| {
            let mut labels = Vec::new();
            decode::decode(weights, &s.info, &s.features, &mut labels);
            labels
        })
        .collect()
}

fn second_pass_features(
    documents: &[Vec<Prepared>],
    labels: &[Vec<Vec<Label>>],
) -> Vec<Vec<SentenceFeatures>> {
    documents
        .iter()
        .zip(labels)
        .map(|(document, labels)| {
            let infos: Vec<&SentenceInfo> = document.iter().map(|s| &s.info).collect();
            document::features(&infos, labels)
        })
        .collect()
}

/// Trains a model on tagged documents; with `dev`, logs the dev score after each epoch.
pub fn train(
    train: &[ConllDocument],
    dev: Option<&[ConllDocument]>,
    lists: NerLists,
    config: &TrainConfig,
    log: &mut dyn FnMut(String),
) -> NerModel {
    let train = prepare(train, &lists);
    let dev = dev.map(|dev| prepare(dev, &lists));
    let all: Vec<(&SentenceInfo, &SentenceFeatures, &[Label])> = train
        .iter()
        .flatten()
        .map(|s| (&s.info, &s.features, s.gold.as_slice()))
        .collect();
    log(format!(
        "first pass: {} documents, {} sentences, {} tokens",
        train.len(),
        all.len(),
        all.iter().map(|s| s.2.len()).sum::<usize>()
    ));
    let first = train_pass(&all, config.epochs, config.seed, |epoch, p| {
        if let Some(dev) = &dev {
            let table = WeightTable::from_averaged(&p.averaged(), 0.0);
            let s = score_with(&table, dev, None);
            log(format!(
                "first pass epoch {}: {} features, dev P {:.4} R {:.4} F1 {:.4}",
                epoch + 1,
                p.len(),
                s.precision,
                s.recall,
                s.f1
            ));
        }
    });
    let first = WeightTable::from_averaged(&first.averaged(), config.prune_below);
    if !config.second_pass {
        return NerModel::new(first, None, lists);
    }
    let folds = config.folds.max(2);
    let mut labels: Vec<Vec<Vec<Label>>> = vec![Vec::new(); train.len()];
    for fold in 0..folds {
        let rest: Vec<(&SentenceInfo, &SentenceFeatures, &[Label])> = train
            .iter()
            .enumerate()
            .filter(|(d, _)| d % folds != fold)
            .flat_map(|(_, doc)| doc.iter())
            .map(|s| (&s.info, &s.features, s.gold.as_slice()))
            .collect();
        let model = train_pass(
            &rest,
            config.fold_epochs,
            config.seed + fold as u64 + 1,
            |_, _| {},
        );
        let table = WeightTable::from_averaged(&model.averaged(), config.prune_below);
        for (d, document) in train.iter().enumerate() {
            if d % folds == fold {
                labels[d] = first_pass_labels(&table, document);
            }
        }
        log(format!("jackknife fold {} of {folds} done", fold + 1));
    }
    let extra = second_pass_features(&train, &labels);
    let extended: Vec<Vec<SentenceFeatures>> = train
        .iter()
        .zip(&extra)
        .map(|(doc, extra)| {
            doc.iter()
                .zip(extra)
                .map(|(s, e)| s.features.with_extra(e))
                .collect()
        })
        .collect();
    let all: Vec<(&SentenceInfo, &SentenceFeatures, &[Label])> = train
        .iter()
        .zip(&extended)
        .flat_map(|(doc, ext)| doc.iter().zip(ext))
        .map(|(s, f)| (&s.info, f, s.gold.as_slice()))
        .collect();
    let dev_extra = dev.as_ref().map(|dev| {
        let labels: Vec<Vec<Vec<Label>>> = dev
            .iter()
            .map(|doc| first_pass_labels(&first, doc))
            .collect();
        second_pass_features(dev, &labels)
    });
    if let (Some(dev), Some(_)) = (&dev, &dev_extra) {
        let s = score_with(&first, dev, None);
        log(format!(
            "first pass (pruned, quantised): dev P {:.4} R {:.4} F1 {:.4}",
            s.precision, s.recall, s.f1
        ));
    }
    let second = train_pass(&all, config.epochs, config.seed + 100, |epoch, p| {
        if let (Some(dev), Some(extra)) = (&dev, &dev_extra) {
            let table = WeightTable::from_averaged(&p.averaged(), 0.0);
            let s = score_with(&table, dev, Some(extra));
            log(format!(
                "second pass epoch {}: {} features, dev P {:.4} R {:.4} F1 {:.4}",
                epoch + 1,
                p.len(),
                s.precision,
                s.recall,
                s.f1
            ));
        }
    });
    let second = WeightTable::from_averaged(&second.averaged(), config.prune_below);
    NerModel::new(first, Some(second), lists)
}

/// Scores a model on tagged documents.
pub fn evaluate(model: &NerModel, documents: &[ConllDocument]) -> NerScore {
    let mut gold: Vec<Vec<Tag>> = Vec::new();
    let mut predicted = Vec::new();
    for document in documents {
        let words: Vec<&Vec<String>> = document.sentences.iter().map(|s| &s.tokens).collect();
        predicted.extend(model.tag_document(&words));
        gold.extend(document.sentences.iter().map(|s| s.tags.clone()));
    }
    evaluate::score(&gold, &predicted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::conll::read_conll;

    const DATA: &str = "-DOCSTART- O\n\nPeter B-PER\nBlackburn I-PER\nvisited O\nBonn B-LOC\n. O\n\n\
        The O\nEU B-ORG\nsaid O\nno O\n. O\n\n-DOCSTART- O\n\nGerman B-MISC\nbeef O\nfrom O\n\
        Bonn B-LOC\n. O\n\nMary B-PER\nSmith I-PER\njoined O\nthe O\nEU B-ORG\n. O\n";

    fn lists() -> NerLists {
        NerLists::parse(
            "loc\tBonn\nper\tPeter\n",
            "Bonn\t1 2 3\n",
            "Bonn\t5\t-10.0\n",
        )
    }

    #[test]
    fn training_is_deterministic_and_learns_the_data() {
        let docs = read_conll(DATA).expect("data");
        let config = TrainConfig {
            epochs: 5,
            fold_epochs: 3,
            folds: 2,
            ..TrainConfig::default()
        };
        let a = train(&docs, None, lists(), &config, &mut |_| {});
        let b = train(&docs, None, lists(), &config, &mut |_| {});
        assert_eq!(a.to_bytes(), b.to_bytes());
        let again = NerModel::from_bytes(&a.to_bytes()).expect("bytes");
        let tags: Vec<String> = again
            .tag(&["Peter", "Blackburn", "visited", "Bonn", "."])
            .iter()
            .map(Tag::to_string)
            .collect();
        assert_eq!(tags, ["B-PER", "I-PER", "O", "B-LOC", "O"]);
        assert!(evaluate(&again, &docs).f1 > 0.99);
    }
}
