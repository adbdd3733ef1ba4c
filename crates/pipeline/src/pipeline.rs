//! The pipeline value: build once, run on many batches.

use dossier_align::Aligner;
use dossier_analyze::Analyzer;
use dossier_group::Grouper;
use dossier_model::{Analysis, Diagnostic, Document, Input, Report};

use crate::{PipelineConfig, assemble, document};

/// Every stage, built once.
#[derive(Debug, Clone)]
pub struct Pipeline {
    config: PipelineConfig,
    analyzer: Analyzer,
    grouper: Grouper,
    aligner: Aligner,
}

impl Pipeline {
    /// Builds every stage.
    pub fn new(config: &PipelineConfig) -> Self {
        Pipeline {
            config: config.clone(),
            analyzer: Analyzer::new(&config.analyze),
            grouper: Grouper::new(&config.group),
            aligner: Aligner::new(&config.align),
        }
    }

    /// Reads the paths and builds the report; bad inputs become diagnostics.
    pub fn run(&self, paths: &[String]) -> Report {
        self.report(dossier_ingest::read(paths, &self.config.ingest))
    }

    /// Builds the report from inputs already read.
    pub fn report(&self, inputs: impl IntoIterator<Item = Result<Input, Diagnostic>>) -> Report {
        let mut diagnostics = Vec::new();
        let mut documents: Vec<Document> = Vec::new();
        for input in inputs {
            match input.and_then(document::from_input) {
                Ok(doc) => {
                    if let Some(first) = documents.iter().find(|d| d.id == doc.id) {
                        diagnostics.push(Diagnostic::warning(
                            doc.path.clone().or(doc.url.clone()).unwrap_or_default(),
                            format!(
                                "same article as {} (document {}); kept once",
                                first.label(),
                                first.id
                            ),
                        ));
                    } else {
                        documents.push(doc);
                    }
                }
                Err(diagnostic) => diagnostics.push(diagnostic),
            }
        }
        let analyses = self.analyze_all(&documents);
        assemble::report(
            documents,
            analyses,
            diagnostics,
            &self.grouper,
            &self.aligner,
        )
    }

    /// Turns one input into a clean document (extraction and the stable id), or says why it
    /// has no article text. The same step [`Pipeline::report`] takes for each input.
    pub fn document(&self, input: Input) -> Result<Document, Diagnostic> {
        document::from_input(input)
    }

    /// Builds the report from documents and their analyses (same order): stories, lineage,
    /// alignments, merged entities. What [`Pipeline::report`] does after analysis; a store
    /// calls it over the documents and analyses it holds.
    pub fn assemble(
        &self,
        documents: Vec<Document>,
        analyses: Vec<Analysis>,
        diagnostics: Vec<Diagnostic>,
    ) -> Report {
        assemble::report(
            documents,
            analyses,
            diagnostics,
            &self.grouper,
            &self.aligner,
        )
    }

    /// Analyses every document, in parallel when more than one core is available; the result
    /// is in document order whatever the threads do.
    pub fn analyze_all(&self, documents: &[Document]) -> Vec<Analysis> {
        let threads = match self.config.threads {
            0 => std::thread::available_parallelism().map_or(1, usize::from),
            n => n,
        }
        .min(documents.len().max(1));
        if threads <= 1 {
            return documents.iter().map(|d| self.analyzer.run(d)).collect();
        }
        let chunk = documents.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = documents
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || {
                        part.iter()
                            .map(|d| self.analyzer.run(d))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| match h.join() {
                    Ok(analyses) => analyses,
                    Err(panic) => std::panic::resume_unwind(panic),
                })
                .collect()
        })
    }
}
