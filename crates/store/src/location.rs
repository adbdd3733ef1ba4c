//! Where a store lives: a data folder (embedded) or a PostgreSQL URL.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use crate::{EmbeddedStore, Error, PostgresStore, Store};

/// A store's address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A data folder for the embedded store (created when missing).
    Folder(PathBuf),
    /// A PostgreSQL connection URL (`postgres://user@host:port/db`).
    Postgres(String),
}

impl Location {
    /// From the command line's `--data` and `--db`: the database when given, else the folder,
    /// else [`default_data_dir`].
    pub fn from_args(data: Option<PathBuf>, db: Option<String>) -> Location {
        match (db, data) {
            (Some(url), _) => Location::Postgres(url),
            (None, Some(folder)) => Location::Folder(folder),
            (None, None) => Location::Folder(default_data_dir()),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Folder(folder) => write!(f, "{}", folder.display()),
            Location::Postgres(url) => f.write_str(&crate::postgres::redact(url)),
        }
    }
}

/// The user's data folder for Dossier: `$XDG_DATA_HOME/dossier`, else
/// `~/.local/share/dossier`, else `./dossier-data` when no home is known.
pub fn default_data_dir() -> PathBuf {
    let non_empty = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(data_home) = non_empty("XDG_DATA_HOME") {
        return PathBuf::from(data_home).join("dossier");
    }
    if let Some(home) = non_empty("HOME") {
        return PathBuf::from(home).join(".local/share/dossier");
    }
    PathBuf::from("dossier-data")
}

/// Opens the store at `location`.
pub fn open(location: &Location) -> Result<Arc<dyn Store>, Error> {
    Ok(match location {
        Location::Folder(folder) => Arc::new(EmbeddedStore::open(folder)?),
        Location::Postgres(url) => Arc::new(PostgresStore::open(url)?),
    })
}
