//! Cross-source alignment within one story: claims and quotes that speak of the same fact are
//! grouped across documents and given a verdict — `corroborated` (with the number of
//! independent sources), `conflict` (typed by what differs), `revision`, `partial` or
//! `single-source` — with the evidence spans and a one-sentence explanation. Also merges the
//! story's entities across documents and builds its timeline and per-outlet summary.
//!
//! ```
//! use dossier_align::{AlignConfig, Aligner};
//! let aligner = Aligner::new(&AlignConfig::default());
//! let aligned = aligner.run("s1", &[]);
//! assert!(aligned.alignments.is_empty());
//! ```
#![deny(missing_docs)]

mod aligner;
mod config;
mod entities;
mod features;
mod gate;
mod matching;
mod outlets;
mod timeline;
mod upstream;
mod verdict;

pub use aligner::{Aligned, Aligner, StoryDoc};
pub use config::AlignConfig;
