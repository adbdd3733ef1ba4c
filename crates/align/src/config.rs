use serde::{Deserialize, Serialize};

/// How claims and quotes are matched and judged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AlignConfig {
    /// Similarity above which two statements from different documents are aligned.
    pub link_threshold: f64,
    /// The least probability of one fact, in the trained link gate, a pair of statements
    /// needs to be aligned at all (0 turns the gate off).
    pub link_gate: f64,
    /// Similarity above which an aligned group is `corroborated` rather than `partial`.
    pub corroborate_threshold: f64,
    /// Similarity a group needs before a difference in number or polarity is called a
    /// `conflict`; below it the verdict is `partial` (a false conflict costs more than a
    /// missed one).
    pub conflict_threshold: f64,
}

impl Default for AlignConfig {
    fn default() -> Self {
        AlignConfig {
            link_threshold: 0.28,
            link_gate: 0.5,
            corroborate_threshold: 0.45,
            conflict_threshold: 0.4,
        }
    }
}
