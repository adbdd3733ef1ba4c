//! The one error of this crate.

/// What went wrong, without the details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A format name that is not one of the report formats.
    UnknownFormat,
}

/// An error of the report crate. Rendering itself cannot fail; only naming a format can.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A format name that is not one of the report formats.
    #[error("unknown report format {found:?}: expected json, markdown, md or html")]
    UnknownFormat {
        /// The name as given.
        found: String,
    },
}

impl Error {
    /// What went wrong, for callers that branch on it.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::UnknownFormat { .. } => ErrorKind::UnknownFormat,
        }
    }
}
