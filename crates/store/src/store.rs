//! The `Store` trait and the records it keeps.

use dossier_model::{Analysis, Claim, Document, Entity, Quote, Story};
use serde::{Deserialize, Serialize};

use crate::Error;

/// One search hit: a document and a snippet of its matching text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// Document id.
    pub id: String,
    /// Who published it.
    pub outlet: Option<String>,
    /// Its headline.
    pub title: Option<String>,
    /// A fragment of its text around the matching words, on one line.
    pub snippet: String,
    /// Byte ranges of the matching words in `snippet`.
    pub highlights: Vec<(usize, usize)>,
}

/// A story with everything needed to show it: its alignments and timeline, the entities of its
/// documents and their quotes and claims (speakers linked to entities).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryRecord {
    /// The story.
    pub story: Story,
    /// Entities merged over its documents.
    pub entities: Vec<Entity>,
    /// Quotes of its documents.
    pub quotes: Vec<Quote>,
    /// Claims of its documents.
    pub claims: Vec<Claim>,
}

/// A line of the story list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StorySummary {
    /// Story id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// How many documents it holds.
    pub documents: usize,
    /// How many aligned groups of claims and quotes it has.
    pub alignments: usize,
}

/// Every analysed document with its analysis, read in one consistent snapshot, and the
/// generation of that snapshot.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// How many analyses had been committed when the snapshot was taken; grows with every one.
    pub generation: u64,
    /// Documents with their analyses, in the order they were first stored.
    pub analysed: Vec<(Document, Analysis)>,
}

/// Counts, for status lines and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Stats {
    /// Documents stored.
    pub documents: usize,
    /// Documents with an analysis.
    pub analysed: usize,
    /// Documents waiting in the work queue.
    pub queued: usize,
    /// Stories.
    pub stories: usize,
}

/// Where documents, analyses and stories live. Every method is one transaction: it happens
/// whole or not at all, whatever kills the process.
///
/// Implementations are shared between threads (the server) and between processes (several
/// `dossier ingest` workers on one database); the conformance suite in `tests/` holds every
/// backend to the same behaviour.
pub trait Store: Send + Sync {
    /// The backend's name, for messages: `embedded` or `postgres`.
    fn backend(&self) -> &'static str;

    /// Stores the documents not yet stored and queues each of them for analysis, in one
    /// transaction. A document already stored (same id: same content and origin) is left as it
    /// is. Returns the ids that were new, in input order.
    fn add_documents(&self, documents: &[Document]) -> Result<Vec<String>, Error>;

    /// One stored document.
    fn document(&self, id: &str) -> Result<Option<Document>, Error>;

    /// The stored documents among `ids`, in the order of `ids` (ids not stored are left out).
    fn documents_by_id(&self, ids: &[String]) -> Result<Vec<Document>, Error> {
        let mut found = Vec::with_capacity(ids.len());
        for id in ids {
            found.extend(self.document(id)?);
        }
        Ok(found)
    }

    /// Every stored document, in the order they were first stored.
    fn documents(&self) -> Result<Vec<Document>, Error>;

    /// One document's analysis, when it has one.
    fn analysis(&self, id: &str) -> Result<Option<Analysis>, Error>;

    /// Takes up to `limit` queued documents that no other worker holds, hands them to `analyse`
    /// and stores what it returns, removing them from the queue, in one transaction. A worker
    /// that dies before the end leaves its documents queued for another. Returns how many were
    /// analysed; 0 when nothing is left to take.
    ///
    /// `analyse` must return one analysis per document, in the same order.
    fn work(
        &self,
        limit: usize,
        analyse: &mut dyn FnMut(&[Document]) -> Vec<Analysis>,
    ) -> Result<usize, Error>;

    /// Queues every stored document for analysis again (after an upgrade). Returns how many
    /// were queued.
    fn requeue_all(&self) -> Result<usize, Error>;

    /// How many times each document's analysis has been committed, by document id, in storage
    /// order: an audit of the queue (each should be 1 after a single ingest).
    fn analysis_runs(&self) -> Result<Vec<(String, u64)>, Error>;

    /// Every analysed document with its analysis, and the generation they belong to.
    fn snapshot(&self) -> Result<Snapshot, Error>;

    /// Replaces every story with these, unless stories of a later generation are stored already
    /// (another worker got there first). Returns whether they were written.
    fn replace_stories(&self, generation: u64, stories: &[StoryRecord]) -> Result<bool, Error>;

    /// The story list, largest first.
    fn stories(&self) -> Result<Vec<StorySummary>, Error>;

    /// One story.
    fn story(&self, id: &str) -> Result<Option<StoryRecord>, Error>;

    /// Documents matching a query, best first. Any text is a valid query: words are matched
    /// stemmed; query syntax the backend cannot parse is read as plain words.
    fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, Error>;

    /// Counts.
    fn stats(&self) -> Result<Stats, Error>;
}
