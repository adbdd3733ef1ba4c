use serde::{Deserialize, Serialize};

/// How documents are grouped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GroupConfig {
    /// Words per shingle for near-duplicate detection.
    pub shingle_words: usize,
    /// Estimated share of the shorter document's shingles found in the other above which it
    /// is a copy (see `minhash::containment`).
    pub copy_threshold: f64,
    /// Similarity (terms and entities) above which two documents are in one story.
    pub story_threshold: f64,
    /// Documents published further apart than this many days are never in one story.
    pub story_max_days_apart: i64,
}

impl Default for GroupConfig {
    fn default() -> Self {
        GroupConfig {
            shingle_words: 4,
            copy_threshold: 0.5,
            story_threshold: 0.22,
            story_max_days_apart: 10,
        }
    }
}
