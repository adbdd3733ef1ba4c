//! The pipeline over a store: ingest, analyse what is queued, re-analyse, recompute stories.

use std::collections::HashSet;
use std::sync::Arc;

use dossier_model::{Analysis, Diagnostic, Document, Input, Report};
use dossier_pipeline::{Pipeline, PipelineConfig};

use crate::{Error, Store, StoryRecord};

/// Documents stored per transaction: a crash loses at most the batch being written, never
/// part of a document.
const BATCH: usize = 64;

/// What happened, for progress bars and logs.
#[derive(Debug, Clone, Copy)]
pub enum Event<'a> {
    /// An input could not be read or had no article text; the batch goes on.
    Skipped(&'a Diagnostic),
    /// Inputs were stored: `added` new, `already_stored` seen before.
    Stored {
        /// New documents.
        added: usize,
        /// Documents the store already held.
        already_stored: usize,
    },
    /// Queued documents were analysed.
    Analysed(usize),
    /// Stories were recomputed over every analysed document.
    Stories(usize),
}

/// What an ingest did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IngestSummary {
    /// Inputs that gave a document.
    pub read: usize,
    /// The ids of the documents read, in input order.
    pub ids: Vec<String>,
    /// Documents stored for the first time.
    pub added: usize,
    /// Documents the store already held (the same article again).
    pub already_stored: usize,
    /// Inputs skipped, each with its diagnostic.
    pub skipped: Vec<Diagnostic>,
    /// Documents this process analysed (other workers may have taken some).
    pub analysed: usize,
    /// Stories after the ingest, when this process recomputed them.
    pub stories: Option<usize>,
}

/// A store with the pipeline that fills it.
pub struct Library {
    store: Arc<dyn Store>,
    pipeline: Pipeline,
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library")
            .field("backend", &self.store.backend())
            .finish()
    }
}

impl Library {
    /// The store, with a pipeline built from `config`.
    pub fn new(store: Arc<dyn Store>, config: &PipelineConfig) -> Library {
        Library {
            store,
            pipeline: Pipeline::new(config),
        }
    }

    /// The store.
    pub fn store(&self) -> &dyn Store {
        self.store.as_ref()
    }

    /// Stores the inputs (each new document once, in batches of one transaction each),
    /// analyses what the queue holds, then recomputes stories. Inputs that cannot be read are
    /// reported through `on_event` and in the summary; the rest go on.
    pub fn ingest(
        &self,
        inputs: impl IntoIterator<Item = Result<Input, Diagnostic>>,
        on_event: &mut dyn FnMut(Event<'_>),
    ) -> Result<IngestSummary, Error> {
        let mut summary = IngestSummary::default();
        let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
        for input in inputs {
            match input.and_then(|input| self.pipeline.document(input)) {
                Ok(document) => {
                    summary.read += 1;
                    summary.ids.push(document.id.clone());
                    batch.push(document);
                }
                Err(diagnostic) => {
                    on_event(Event::Skipped(&diagnostic));
                    summary.skipped.push(diagnostic);
                }
            }
            if batch.len() >= BATCH {
                self.store_batch(&mut batch, &mut summary, on_event)?;
            }
        }
        self.store_batch(&mut batch, &mut summary, on_event)?;
        if summary.added > 0 || summary.analysed > 0 {
            summary.stories = Some(self.refresh_stories(on_event)?);
        }
        Ok(summary)
    }

    fn store_batch(
        &self,
        batch: &mut Vec<Document>,
        summary: &mut IngestSummary,
        on_event: &mut dyn FnMut(Event<'_>),
    ) -> Result<(), Error> {
        if !batch.is_empty() {
            let added = self.store.add_documents(batch)?.len();
            summary.added += added;
            summary.already_stored += batch.len() - added;
            on_event(Event::Stored {
                added,
                already_stored: batch.len() - added,
            });
            batch.clear();
        }
        summary.analysed += self.analyse_queued(on_event)?;
        Ok(())
    }

    /// Analyses queued documents until no job is left that another worker does not hold.
    /// Returns how many this process analysed.
    pub fn analyse_queued(&self, on_event: &mut dyn FnMut(Event<'_>)) -> Result<usize, Error> {
        let mut total = 0;
        loop {
            let done = self
                .store
                .work(BATCH, &mut |documents| self.pipeline.analyze_all(documents))?;
            if done == 0 {
                return Ok(total);
            }
            total += done;
            on_event(Event::Analysed(done));
        }
    }

    /// Queues every stored document again, analyses them all with this build's analysers
    /// (after an upgrade) and recomputes stories. Returns how many were analysed here.
    pub fn reanalyze(&self, on_event: &mut dyn FnMut(Event<'_>)) -> Result<usize, Error> {
        self.store.requeue_all()?;
        let analysed = self.analyse_queued(on_event)?;
        self.refresh_stories(on_event)?;
        Ok(analysed)
    }

    /// Recomputes stories, lineage and alignments over every analysed document and stores
    /// them, unless a later recomputation got there first. Returns the number of stories.
    ///
    /// Story clustering costs grow with the cube of the documents clustered together, so the
    /// documents are clustered in blocks of consecutive publication days of about
    /// [`STORY_BLOCK`] documents (undated ones apart): exact up to that many documents; beyond
    /// it, a story that straddles two blocks is split in two.
    pub fn refresh_stories(&self, on_event: &mut dyn FnMut(Event<'_>)) -> Result<usize, Error> {
        let snapshot = self.store.snapshot()?;
        let blocks = time_blocks(snapshot.analysed);
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        let mut records = Vec::new();
        for group in blocks.chunks(threads.max(1)) {
            let reports: Vec<Report> = std::thread::scope(|scope| {
                let handles: Vec<_> = group
                    .iter()
                    .map(|block| {
                        scope.spawn(move || {
                            let (documents, analyses): (Vec<_>, Vec<_>) =
                                block.iter().cloned().unzip();
                            self.pipeline.assemble(documents, analyses, Vec::new())
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| {
                        h.join()
                            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                    })
                    .collect()
            });
            for report in reports {
                records.extend(story_records(report));
            }
        }
        self.store.replace_stories(snapshot.generation, &records)?;
        on_event(Event::Stories(records.len()));
        Ok(records.len())
    }

    /// The report of one story, documents included, ready for `dossier_report::render`.
    pub fn story_report(&self, id: &str) -> Result<Option<Report>, Error> {
        let Some(record) = self.store.story(id)? else {
            return Ok(None);
        };
        story_report(self.store.as_ref(), record).map(Some)
    }
}

/// About how many documents are clustered into stories together (see
/// [`Library::refresh_stories`]).
pub const STORY_BLOCK: usize = 300;

/// Splits analysed documents into blocks for story clustering: dated documents by runs of
/// consecutive days, cut at a day boundary once a block holds [`STORY_BLOCK`] (or anywhere at
/// twice that); undated ones in storage order. Each block keeps storage order.
fn time_blocks(analysed: Vec<(Document, Analysis)>) -> Vec<Vec<(Document, Analysis)>> {
    if analysed.len() <= STORY_BLOCK {
        return vec![analysed];
    }
    let mut dated: Vec<(i64, usize)> = Vec::new();
    let mut undated: Vec<usize> = Vec::new();
    for (index, (document, _)) in analysed.iter().enumerate() {
        match document.published_at() {
            Some(time) => dated.push((time.date_naive().to_epoch_days().into(), index)),
            None => undated.push(index),
        }
    }
    dated.sort_unstable();
    let mut blocks: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let mut last_day = None;
    for (day, index) in dated {
        let full = current.len() >= STORY_BLOCK && last_day != Some(day);
        if full || current.len() >= 2 * STORY_BLOCK {
            blocks.push(std::mem::take(&mut current));
        }
        current.push(index);
        last_day = Some(day);
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks.extend(undated.chunks(STORY_BLOCK).map(<[usize]>::to_vec));
    let mut slots: Vec<Option<(Document, Analysis)>> = analysed.into_iter().map(Some).collect();
    blocks
        .into_iter()
        .map(|mut block| {
            block.sort_unstable();
            block.iter().filter_map(|&i| slots[i].take()).collect()
        })
        .collect()
}

/// A stored story as a report: its documents read back from the store.
pub fn story_report(store: &dyn Store, record: StoryRecord) -> Result<Report, Error> {
    let documents = store.documents_by_id(&record.story.documents)?;
    Ok(Report {
        documents,
        entities: record.entities,
        quotes: record.quotes,
        claims: record.claims,
        stories: vec![record.story],
        diagnostics: Vec::new(),
    })
}

/// Splits a report into one record per story, each with the entities, quotes and claims of
/// its documents.
fn story_records(report: Report) -> Vec<StoryRecord> {
    report
        .stories
        .into_iter()
        .map(|story| {
            let members: HashSet<&str> = story.documents.iter().map(String::as_str).collect();
            let entities = report
                .entities
                .iter()
                .filter(|e| e.mentions.iter().any(|m| members.contains(m.doc.as_str())))
                .cloned()
                .collect();
            let quotes = report
                .quotes
                .iter()
                .filter(|q| members.contains(q.doc.as_str()))
                .cloned()
                .collect();
            let claims = report
                .claims
                .iter()
                .filter(|c| members.contains(c.doc.as_str()))
                .cloned()
                .collect();
            StoryRecord {
                story,
                entities,
                quotes,
                claims,
            }
        })
        .collect()
}
