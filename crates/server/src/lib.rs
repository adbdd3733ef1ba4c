//! Dossier's HTTP server over a store: a JSON API (documents, stories, alignments, timeline,
//! entities, quotes, search; described by the OpenAPI document at `/api/openapi.json`) and
//! server-rendered pages for people (the story list, a story page with the outlets side by side
//! and the evidence marked in each text, search, an upload form).
//!
//! Every handler reaches the store on a blocking thread; article text is escaped wherever it
//! is written into a page; user errors (4xx) and internal errors (5xx, whose detail goes to the
//! log, never to the client) are kept apart and mapped to statuses in one table.
//!
//! ```no_run
//! use dossier_pipeline::PipelineConfig;
//! use dossier_server::{ServerConfig, serve};
//! use dossier_store::{EmbeddedStore, Library};
//!
//! let store = EmbeddedStore::open(std::path::Path::new("data"))?;
//! let library = Library::new(std::sync::Arc::new(store), &PipelineConfig::default());
//! serve(library, &ServerConfig::default())?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod api;
mod app;
mod config;
mod error;
mod html;
mod pages;

pub use app::{router, serve};
pub use config::ServerConfig;
pub use error::{Failure, UserError};
