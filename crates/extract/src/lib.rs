//! HTML pages and scraped text to clean articles: main text, metadata, boilerplate removed.
//!
//! Two entry points:
//!
//! - [`clean_text`] filters plain scraped text (one paragraph per line) and lists every line
//!   of page chrome it removed, with why.
//! - [`extract_html`] decodes and parses an HTML page, picks its main text, runs the same
//!   filter over it and reads the title, authors, dates, language and canonical URL.
//! - [`detect_language`] guesses the language of plain text.
//!
//! [`eval`] scores the extractor on the public benchmarks of the shared folder.
//!
//! ```
//! use dossier_extract::{clean_text, extract_html};
//!
//! let cleaned = clean_text("Talks resumed on Monday, officials said.\nShare this article\n");
//! assert_eq!(cleaned.text, "Talks resumed on Monday, officials said.");
//! assert_eq!(cleaned.removed[0].reason, "share buttons");
//!
//! let page = b"<html lang=en><head><title>Talks resume | Example News</title></head>\
//!     <body><article><p>Talks resumed on Monday, officials said.</p></article></body></html>";
//! let article = extract_html(page, None);
//! assert_eq!(article.title.as_deref(), Some("Talks resume"));
//! assert_eq!(article.text, "Talks resumed on Monday, officials said.");
//! assert_eq!(article.language.as_deref(), Some("en"));
//! ```
#![deny(missing_docs)]

mod article;
mod boilerplate;
mod byline;
mod dateline;
mod dates;
mod decode;
mod dom;
mod entities;
mod error;
pub mod eval;
mod html;
mod jsonld;
mod language;
mod lexicon;
mod line;
mod main_text;
mod metadata;
mod newsletter_heading;
mod prose;
mod rules;
mod tokenizer;

pub use article::Article;
pub use boilerplate::{Cleaned, clean_text};
pub use error::{Error, ErrorKind};
pub use html::extract_html;
pub use language::detect_language;
