//! Per-document analysis: sentences, entities with roles, quotes with speaker, cue, channel
//! and chain, claims at the level of a clause with their attribution, times and quantities.
//!
//! Build an [`Analyzer`] once and run it on many documents; the same document always gives
//! the same [`Analysis`].
//!
//! ```
//! use dossier_analyze::{AnalyzeConfig, Analyzer};
//! use dossier_model::Document;
//!
//! let analyzer = Analyzer::new(&AnalyzeConfig::default());
//! let doc = Document {
//!     id: "d1".into(), path: None, url: None, outlet: None, title: None, authors: vec![],
//!     published: Some("2025-11-26T10:00:00Z".into()), language: None,
//!     text: "\"We are close,\" said Mayor Ana Ruiz.".into(),
//!     removed: vec![], diagnostics: vec![],
//! };
//! let analysis = analyzer.run(&doc);
//! assert_eq!(analysis.quotes[0].speaker.name, "Ana Ruiz");
//! ```
#![deny(missing_docs)]

mod analyzer;
mod attribution;
pub mod attribution_model;
mod clause;
mod config;
mod entity;
mod lexicon;
pub mod ner;
mod polarity;
mod quantity;
mod quote;
mod role;
mod sentence;
mod time;
mod token;

pub use analyzer::Analyzer;
pub use attribution_model::{Attribution, QuoteModel};
pub use config::AnalyzeConfig;
pub use ner::{EntityType, NerModel, Tag};
