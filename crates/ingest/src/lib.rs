//! Reads files, folders, JSONL and stdin into Dossier inputs, with clear errors for bad input.
//!
//! [`read`] takes the paths a user named and gives a [`Reader`]: an iterator of
//! [`Input`](dossier_model::Input)s, each bad input reported as one error
//! [`Diagnostic`](dossier_model::Diagnostic) while the rest are still read.
//!
//! - `.txt`: UTF-8 text (a byte order mark is dropped).
//! - `.html`, `.htm`: a page as bytes, in any encoding; the extract stage decodes it.
//! - `.jsonl`: one record per line with a `text` or `html` string and optional `url`,
//!   `outlet`, `published` and `title`; streamed, one line in memory at a time.
//! - A folder: walked in byte-wise path order; hidden entries and other file types skipped.
//! - `-`: stdin, HTML when [`looks_like_html`] says so, else text.
//!
//! Every read is capped ([`IngestConfig::max_document_bytes`],
//! [`IngestConfig::max_line_bytes`]).
//!
//! ```
//! use dossier_ingest::{IngestConfig, read};
//!
//! let folder = std::env::temp_dir().join(format!("dossier-ingest-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&folder)?;
//! std::fs::write(folder.join("a.txt"), "Rain fell on Tuesday.")?;
//! std::fs::write(folder.join("b.pdf"), "skipped: not a type ingest reads")?;
//! let missing = folder.join("missing.txt").to_string_lossy().into_owned();
//!
//! let paths = [folder.to_string_lossy().into_owned(), missing];
//! let (inputs, errors): (Vec<_>, Vec<_>) =
//!     read(&paths, &IngestConfig::default()).partition(Result::is_ok);
//! assert_eq!(inputs.len(), 1);
//! assert_eq!(errors.len(), 1);
//! # std::fs::remove_dir_all(&folder)?;
//! # Ok::<(), std::io::Error>(())
//! ```
#![deny(missing_docs)]

mod config;
mod document;
mod error;
mod file_kind;
mod jsonl;
mod published;
mod reader;
mod sniff;
mod walk;

pub use config::IngestConfig;
pub use error::{Error, ErrorKind};
pub use published::parse_published;
pub use reader::{Reader, read};
pub use sniff::looks_like_html;
