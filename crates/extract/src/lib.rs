//! HTML pages and scraped text to clean articles: main text, metadata, boilerplate removed
#![deny(missing_docs)]
