//! Named entities from a trained model: an averaged perceptron over word, shape, affix,
//! context, gazetteer and word-cluster features, decoded greedily in BILOU and returned as BIO
//! tags of the CoNLL-2003 types (PER, ORG, LOC, MISC). A second pass reads what the first said
//! about the same words elsewhere in the document.
//!
//! The weights ship inside the crate (`data/ner/model.bin`, written by
//! `dossier train ner --conll …/train.txt`); the gazetteer and clusters beside them are derived
//! by `scripts/derive_ner_gazetteer.py`, `scripts/derive_ner_clusters.py` and
//! `scripts/derive_ner_brown.py`, and compiled into the model file when it is trained.
//!
//! ```
//! use dossier_analyze::{EntityType, NerModel, Tag};
//!
//! let model = NerModel::builtin(); // loaded once, shared
//! let tags = model.tag(&["Angela", "Merkel", "visited", "Paris", "."]);
//! assert_eq!(tags[0], Tag::Begin(EntityType::Person));
//! assert_eq!(tags[1], Tag::Inside(EntityType::Person));
//! assert_eq!(tags[3].to_string(), "B-LOC");
//!
//! let text = "Vladimir Putin spoke in Moscow.";
//! let names = model.entities(text); // byte spans into `text`
//! assert_eq!(names[0].span.slice(text), "Vladimir Putin");
//! ```

mod clusters;
mod conll;
mod decode;
mod document;
mod evaluate;
mod features;
mod gazetteer;
pub(crate) mod hash;
mod model;
pub(crate) mod perceptron;
mod resources;
mod tag;
mod text;
mod train;

pub use conll::{ConllDocument, ConllSentence, read_conll, tag_conll};
pub use evaluate::{NerScore, score};
pub use model::{NerError, NerModel};
pub use resources::NerLists;
pub use tag::{EntityType, Tag};
pub use text::NamedEntity;
pub use train::{TrainConfig, evaluate, train};
