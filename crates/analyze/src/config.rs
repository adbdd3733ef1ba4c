use serde::{Deserialize, Serialize};

/// How the analysis runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AnalyzeConfig {
    /// Clauses with fewer words than this are not claims.
    pub min_clause_words: usize,
    /// Whether to report a warning for each relative time left unresolved for want of a
    /// publication date (one warning per document either way when off).
    pub warn_each_unresolved_time: bool,
}

impl Default for AnalyzeConfig {
    fn default() -> Self {
        AnalyzeConfig {
            min_clause_words: 3,
            warn_each_unresolved_time: false,
        }
    }
}
