//! Wires the stages: inputs → documents → analyses → stories → alignments → report.
//!
//! ```
//! use dossier_pipeline::{Pipeline, PipelineConfig};
//! use dossier_model::{Body, Input, Origin};
//!
//! let pipeline = Pipeline::new(&PipelineConfig::default());
//! let input = Input {
//!     origin: Origin::Path("a.txt".into()), outlet: Some("Coast Herald".into()),
//!     published: None, title: None, url: None,
//!     body: Body::Text("\"We are ready,\" said Mayor Ana Ruiz.\nSign in to continue".into()),
//! };
//! let report = pipeline.report(vec![Ok(input)]);
//! assert_eq!(report.documents[0].removed.len(), 1);
//! assert_eq!(report.quotes[0].speaker.name, "Ana Ruiz");
//! ```
#![deny(missing_docs)]

mod assemble;
mod config;
mod document;
mod pipeline;

pub use config::PipelineConfig;
pub use pipeline::Pipeline;
