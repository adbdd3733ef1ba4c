//! Fixed corpora and measurements for Dossier's benchmarks.
//!
//! The corpora are the project's example story (`examples/story.jsonl`) and the seed articles
//! of the shared folder (`$DOSSIER_SHARED`, else `../shared` beside the repository), read into
//! memory before anything is timed. [`Corpus::replicate`] makes a larger corpus of distinct
//! stories from them; [`Tally`] summarises a report so that a timed loop checks its result;
//! [`peak_resident_bytes`] reads the process's peak memory and [`thread_cpu_time`] the CPU time
//! of the calling thread.
//!
//! Two commands use them:
//!
//! - `cargo bench -p dossier-bench` (divan): `analyze/seeds` and `analyze/example_story`, the
//!   whole pipeline on one core.
//! - `cargo run --release -p dossier-bench --bin throughput`: documents/s, MiB/s, the time per
//!   stage and the peak memory on a corpus of about 400 documents.
//!
//! ```
//! use dossier_bench::{Corpus, Tally};
//! use dossier_pipeline::{Pipeline, PipelineConfig};
//!
//! let story = Corpus::example_story()?;
//! let pipeline = Pipeline::new(&PipelineConfig { threads: 1, ..PipelineConfig::default() });
//! let report = pipeline.report(story.replicate(2).to_inputs());
//! assert_eq!(Tally::of(&report).documents, 8);
//! # Ok::<(), dossier_bench::Error>(())
//! ```
#![deny(missing_docs)]

mod corpus;
mod error;
mod tally;

pub use corpus::{Corpus, repository, shared};
/// Process and thread measures, shared with `dossier eval` and `dossier ner --bench`.
pub use dossier_extract::eval::{peak_resident_bytes, thread_cpu_time};
pub use error::Error;
pub use tally::Tally;
