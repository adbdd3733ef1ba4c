//! The store's one error type.

use std::fmt;

/// What went wrong, for callers that branch on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The data folder or database could not be opened or created.
    Open,
    /// The database refused a statement or the connection failed.
    Database,
    /// The full-text index could not be read or written.
    Index,
    /// A stored record is not what this version expects.
    Corrupt,
}

/// A store error: what failed and where.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    /// An error of this kind with this message (lowercase, no final period).
    pub fn new(kind: ErrorKind, message: impl fmt::Display) -> Self {
        Error {
            kind,
            message: message.to_string(),
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Self {
        Error::new(ErrorKind::Database, format_args!("sqlite: {error}"))
    }
}

impl From<postgres::Error> for Error {
    fn from(error: postgres::Error) -> Self {
        // The database's own message (with its detail) says more than the client's summary.
        match error.as_db_error() {
            Some(db) => Error::new(
                ErrorKind::Database,
                format_args!("postgres: {}", db.message()),
            ),
            None => Error::new(ErrorKind::Database, format_args!("postgres: {error}")),
        }
    }
}

impl From<tantivy::TantivyError> for Error {
    fn from(error: tantivy::TantivyError) -> Self {
        Error::new(ErrorKind::Index, format_args!("search index: {error}"))
    }
}

/// A stored JSON record that does not parse.
pub(crate) fn corrupt(what: &str, id: &str, error: serde_json::Error) -> Error {
    Error::new(
        ErrorKind::Corrupt,
        format_args!("stored {what} {id} is not valid: {error}"),
    )
}
