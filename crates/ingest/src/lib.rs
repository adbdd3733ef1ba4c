//! Reads files, folders, JSONL and stdin into Dossier inputs, with clear errors for bad input
#![deny(missing_docs)]
