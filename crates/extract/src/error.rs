//! The crate's one error type: reading a benchmark from disk. Extraction itself never fails.

use std::path::{Path, PathBuf};

/// What went wrong, and where.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A file was read but does not hold what was expected.
    #[error("{path}: {message}")]
    Data {
        /// The file.
        path: PathBuf,
        /// What was expected and what was found.
        message: String,
    },
}

/// The kinds of [`Error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// See [`Error::Io`].
    Io,
    /// See [`Error::Data`].
    Data,
}

impl Error {
    /// Which kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Io { .. } => ErrorKind::Io,
            Error::Data { .. } => ErrorKind::Data,
        }
    }

    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    pub(crate) fn data(path: &Path, message: String) -> Self {
        Error::Data {
            path: path.to_path_buf(),
            message,
        }
    }
}
