use dossier_align::AlignConfig;
use dossier_analyze::AnalyzeConfig;
use dossier_group::GroupConfig;
use dossier_ingest::IngestConfig;
use serde::Deserialize;

/// Configuration of every stage.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PipelineConfig {
    /// Reading inputs.
    pub ingest: IngestConfig,
    /// Per-document analysis.
    pub analyze: AnalyzeConfig,
    /// Lineage and stories.
    pub group: GroupConfig,
    /// Cross-source alignment.
    pub align: AlignConfig,
    /// Worker threads for per-document work; 0 means one per available core.
    pub threads: usize,
}
