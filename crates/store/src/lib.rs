//! Where Dossier keeps what it has read: documents, their analyses, the stories they form and
//! a full-text index, behind one [`Store`] trait with two backends.
//!
//! - [`EmbeddedStore`] (the default): a data folder holding a SQLite database (documents,
//!   analyses, the work queue, stories) and a tantivy full-text index. SQLite is the record; the
//!   index is rebuilt from it wherever it lags (after a crash, say).
//! - [`PostgresStore`] (`postgres://…`): the same tables in PostgreSQL, full-text search in the
//!   database, and a work queue taken with `FOR UPDATE SKIP LOCKED` so that several workers on
//!   several machines share one batch.
//!
//! A [`Library`] runs the pipeline over a store: it ingests inputs (idempotently: a document id
//! is a hash of its content), analyses what the queue holds, re-analyses after an upgrade, and
//! recomputes stories and alignments over everything stored.
//!
//! ```
//! use dossier_store::{EmbeddedStore, Library, Store};
//! use dossier_model::{Body, Input, Origin};
//! use dossier_pipeline::PipelineConfig;
//!
//! let dir = std::env::temp_dir().join(format!("dossier-store-doc-{}", std::process::id()));
//! let store = EmbeddedStore::open(&dir)?;
//! let library = Library::new(std::sync::Arc::new(store), &PipelineConfig::default());
//! let input = Input {
//!     origin: Origin::Path("a.txt".into()), outlet: Some("Coast Herald".into()),
//!     published: None, title: None, url: None,
//!     body: Body::Text("\"We are ready,\" said Mayor Ana Ruiz of Vell.".into()),
//! };
//! let summary = library.ingest(vec![Ok(input.clone()), Ok(input)], &mut |_| {})?;
//! assert_eq!((summary.added, summary.already_stored), (1, 1));
//! assert_eq!(library.store().search("ready", 10)?.len(), 1);
//! # std::fs::remove_dir_all(&dir).ok();
//! # Ok::<(), dossier_store::Error>(())
//! ```
#![deny(missing_docs)]

mod embedded;
mod error;
mod index;
mod library;
mod location;
mod postgres;
mod sqlite;
mod store;

pub use embedded::EmbeddedStore;
pub use error::{Error, ErrorKind};
pub use library::{Event, IngestSummary, Library, story_report};
pub use location::{Location, default_data_dir, open};
pub use postgres::PostgresStore;
pub use store::{Hit, Snapshot, Stats, Store, StoryRecord, StorySummary};

/// The analysis version recorded with each stored analysis: the version of this build.
pub const ANALYSIS_VERSION: &str = env!("CARGO_PKG_VERSION");
