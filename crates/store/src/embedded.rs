//! The embedded backend: a data folder with `dossier.sqlite3` (the record) and `index/` (the
//! full-text index that follows it).

use std::path::{Path, PathBuf};

use dossier_model::{Analysis, Document};

use crate::error::{Error, ErrorKind};
use crate::index::SearchIndex;
use crate::sqlite::Database;
use crate::store::{Hit, Snapshot, Stats, Store, StoryRecord, StorySummary};

/// Documents, analyses and stories in a data folder: SQLite plus a tantivy index.
#[derive(Debug)]
pub struct EmbeddedStore {
    folder: PathBuf,
    database: Database,
    index: SearchIndex,
}

impl EmbeddedStore {
    /// Opens the store in `folder`, creating the folder and its files when missing, and brings
    /// the search index up to date with the record.
    pub fn open(folder: &Path) -> Result<EmbeddedStore, Error> {
        std::fs::create_dir_all(folder).map_err(|error| {
            Error::new(
                ErrorKind::Open,
                format_args!("cannot create data folder {}: {error}", folder.display()),
            )
        })?;
        let store = EmbeddedStore {
            folder: folder.to_path_buf(),
            database: Database::open(&folder.join("dossier.sqlite3"))?,
            index: SearchIndex::open(&folder.join("index"))?,
        };
        store.catch_up_index()?;
        Ok(store)
    }

    /// The data folder.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Indexes every stored document the index does not hold yet.
    fn catch_up_index(&self) -> Result<(), Error> {
        let indexed = self.index.indexed_up_to()?;
        if self.database.last_seq()? > indexed {
            let missing = self.database.documents_after(indexed)?;
            self.index.add(&missing)?;
        }
        Ok(())
    }
}

impl Store for EmbeddedStore {
    fn backend(&self) -> &'static str {
        "embedded"
    }

    fn add_documents(&self, documents: &[Document]) -> Result<Vec<String>, Error> {
        let added = self.database.add_documents(documents)?;
        if !added.is_empty() {
            self.catch_up_index()?;
        }
        Ok(added)
    }

    fn document(&self, id: &str) -> Result<Option<Document>, Error> {
        self.database.document(id)
    }

    fn documents_by_id(&self, ids: &[String]) -> Result<Vec<Document>, Error> {
        self.database.documents_by_id(ids)
    }

    fn documents(&self) -> Result<Vec<Document>, Error> {
        self.database.documents()
    }

    fn analysis(&self, id: &str) -> Result<Option<Analysis>, Error> {
        self.database.analysis(id)
    }

    fn work(
        &self,
        limit: usize,
        analyse: &mut dyn FnMut(&[Document]) -> Vec<Analysis>,
    ) -> Result<usize, Error> {
        self.database.work(limit, analyse)
    }

    fn requeue_all(&self) -> Result<usize, Error> {
        self.database.requeue_all()
    }

    fn analysis_runs(&self) -> Result<Vec<(String, u64)>, Error> {
        self.database.analysis_runs()
    }

    fn snapshot(&self) -> Result<Snapshot, Error> {
        self.database.snapshot()
    }

    fn replace_stories(&self, generation: u64, stories: &[StoryRecord]) -> Result<bool, Error> {
        self.database.replace_stories(generation, stories)
    }

    fn stories(&self) -> Result<Vec<StorySummary>, Error> {
        self.database.stories()
    }

    fn story(&self, id: &str) -> Result<Option<StoryRecord>, Error> {
        self.database.story(id)
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, Error> {
        self.catch_up_index()?;
        self.index.search(query, limit)
    }

    fn stats(&self) -> Result<Stats, Error> {
        self.database.stats()
    }
}
