//! Renders a Dossier [`Report`](dossier_model::Report) as JSON (the stable interface, described by
//! `schema/report.schema.json`), as a readable Markdown dossier, or as one self-contained HTML
//! page. Rendering is pure and cannot fail; all report text is treated as untrusted and escaped.
//!
//! ```
//! use dossier_model::Report;
//! use dossier_report::{Format, render};
//!
//! let format: Format = "html".parse()?;
//! let page = render(&Report::default(), format);
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! assert!("xml".parse::<Format>().is_err());
//! # Ok::<(), dossier_report::Error>(())
//! ```
#![deny(missing_docs)]

mod error;
mod escape;
mod excerpt;
mod format;
mod html;
mod json;
mod lookup;
mod markdown;
mod wording;

pub use error::{Error, ErrorKind};
pub use escape::html as escape_html;
pub use format::{Format, render};
