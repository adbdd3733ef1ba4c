use dossier_model::Diagnostic;

/// Why a corpus could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The corpus is not where it should be.
    #[error("{path}: no such corpus (the shared folder is $DOSSIER_SHARED, else ../shared)")]
    Missing {
        /// Where it was looked for.
        path: String,
    },
    /// An input of the corpus could not be read: a benchmark corpus must read cleanly.
    #[error("{0}")]
    Input(Diagnostic),
    /// Nothing was read from the paths.
    #[error("{paths}: no document read")]
    Empty {
        /// The paths, joined.
        paths: String,
    },
}
