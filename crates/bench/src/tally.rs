use dossier_model::Report;

/// What a report holds, counted: compared across timed runs so the work cannot be skipped and
/// a run that gives another result is caught.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    /// Documents analysed.
    pub documents: usize,
    /// Stories.
    pub stories: usize,
    /// Entities, merged per story.
    pub entities: usize,
    /// Quotes.
    pub quotes: usize,
    /// Claims.
    pub claims: usize,
    /// Alignments across all stories.
    pub alignments: usize,
    /// Bytes of clean text.
    pub text_bytes: usize,
}

impl Tally {
    /// Counts what the report holds.
    pub fn of(report: &Report) -> Tally {
        Tally {
            documents: report.documents.len(),
            stories: report.stories.len(),
            entities: report.entities.len(),
            quotes: report.quotes.len(),
            claims: report.claims.len(),
            alignments: report.stories.iter().map(|s| s.alignments.len()).sum(),
            text_bytes: report.documents.iter().map(|d| d.text.len()).sum(),
        }
    }
}

impl std::fmt::Display for Tally {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} documents, {} stories, {} entities, {} quotes, {} claims, {} alignments",
            self.documents, self.stories, self.entities, self.quotes, self.claims, self.alignments
        )
    }
}
