//! Renders a Dossier report as JSON, Markdown or a self-contained HTML page
#![deny(missing_docs)]
