//! Groups documents: near-duplicate and syndicated copies under their original (lineage), and
//! documents about the same events into stories.
//!
//! ```
//! use dossier_group::{GroupConfig, Grouper};
//! let grouper = Grouper::new(&GroupConfig::default());
//! let story = "A storm flooded the harbour town of Vell on Monday night and the mayor ordered \
//!              the evacuation of the lower streets as the water kept rising.";
//! let texts = [story.to_string(), format!("{story} Read more: weather.")];
//! let lineage = grouper.lineage(&texts);
//! assert_eq!(lineage.original_of(1), 0);
//! ```
#![deny(missing_docs)]

mod config;
mod lineage;
mod minhash;
mod story;
mod terms;

pub use config::GroupConfig;
pub use lineage::Lineage;
pub use story::StoryInput;

/// The grouping stage: build once, run on many batches.
#[derive(Debug, Clone)]
pub struct Grouper {
    config: GroupConfig,
}

impl Grouper {
    /// A grouper with this configuration.
    pub fn new(config: &GroupConfig) -> Self {
        Grouper {
            config: config.clone(),
        }
    }

    /// Finds near-duplicate copies among the texts (in input order; earlier wins ties).
    pub fn lineage(&self, texts: &[String]) -> Lineage {
        lineage::find(texts, &self.config)
    }

    /// Splits documents into stories: each story is a list of input indices, in input order.
    /// The result does not depend on the order of the inputs, only their content.
    pub fn stories(&self, inputs: &[StoryInput]) -> Vec<Vec<usize>> {
        story::cluster(inputs, &self.config)
    }
}
