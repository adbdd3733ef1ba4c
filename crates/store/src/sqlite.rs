//! The embedded record: one SQLite database in WAL mode. One writer at a time (within this
//! process a mutex, between processes SQLite's lock); readers from a small pool never wait for
//! it.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use dossier_model::{Analysis, Document};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use crate::error::{Error, ErrorKind, corrupt};
use crate::store::{Snapshot, Stats, StoryRecord, StorySummary};

/// The schema version this code writes (`PRAGMA user_version`).
const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS documents (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS analyses (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id),
    body TEXT NOT NULL,
    version TEXT NOT NULL,
    runs INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS jobs (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id),
    seq INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    documents INTEGER NOT NULL,
    alignments INTEGER NOT NULL,
    body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT OR IGNORE INTO counters (name, value) VALUES ('analyses', 0), ('stories', 0);
";

/// How long a statement waits for another process's write lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// The SQLite database of a data folder.
#[derive(Debug)]
pub(crate) struct Database {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
}

fn connect(path: &Path) -> Result<Connection, Error> {
    let connection = Connection::open(path).map_err(|error| {
        Error::new(
            ErrorKind::Open,
            format_args!("cannot open database {}: {error}", path.display()),
        )
    })?;
    connection.busy_timeout(BUSY_TIMEOUT)?;
    // WAL: readers never block the writer; NORMAL sync: a killed process loses nothing that
    // was committed (only a power cut can drop the last transactions).
    connection.pragma_update(None, "journal_mode", "WAL")?;
    connection.pragma_update(None, "synchronous", "NORMAL")?;
    connection.pragma_update(None, "foreign_keys", "ON")?;
    Ok(connection)
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic while holding the connection leaves SQLite consistent (the transaction rolls
    // back when dropped), so the poison flag carries no meaning here.
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn parse_document(id: &str, body: &str) -> Result<Document, Error> {
    serde_json::from_str(body).map_err(|e| corrupt("document", id, e))
}

fn parse_analysis(id: &str, body: &str) -> Result<Analysis, Error> {
    serde_json::from_str(body).map_err(|e| corrupt("analysis of document", id, e))
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Error> {
    serde_json::to_string(value).map_err(|e| {
        Error::new(
            ErrorKind::Corrupt,
            format_args!("cannot encode record: {e}"),
        )
    })
}

impl Database {
    /// Opens (creating when missing) the database at `path`.
    pub(crate) fn open(path: &Path) -> Result<Database, Error> {
        let connection = connect(path)?;
        let version: i64 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(Error::new(
                ErrorKind::Open,
                format_args!(
                    "{}: schema version {version} is newer than this dossier reads ({SCHEMA_VERSION}); upgrade dossier",
                    path.display()
                ),
            ));
        }
        connection.execute_batch(SCHEMA)?;
        connection.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        Ok(Database {
            path: path.to_path_buf(),
            writer: Mutex::new(connection),
            readers: Mutex::new(Vec::new()),
        })
    }

    /// Runs `f` on a reader connection from the pool.
    fn read<T>(&self, f: impl FnOnce(&mut Connection) -> Result<T, Error>) -> Result<T, Error> {
        let pooled = lock(&self.readers).pop();
        let mut connection = match pooled {
            Some(connection) => connection,
            None => connect(&self.path)?,
        };
        let result = f(&mut connection);
        let mut pool = lock(&self.readers);
        if pool.len() < 8 {
            pool.push(connection);
        }
        result
    }

    /// Adds the documents not yet stored and queues them; returns the new ones with their
    /// sequence numbers.
    pub(crate) fn add_documents(&self, documents: &[Document]) -> Result<Vec<String>, Error> {
        let mut connection = lock(&self.writer);
        let tx = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut added = Vec::new();
        {
            let mut insert =
                tx.prepare_cached("INSERT OR IGNORE INTO documents (id, body) VALUES (?1, ?2)")?;
            let mut queue = tx.prepare_cached(
                "INSERT OR IGNORE INTO jobs (doc_id, seq) VALUES (?1, last_insert_rowid())",
            )?;
            for document in documents {
                if insert.execute(params![document.id, to_json(document)?])? == 1 {
                    queue.execute(params![document.id])?;
                    added.push(document.id.clone());
                }
            }
        }
        tx.commit()?;
        Ok(added)
    }

    pub(crate) fn document(&self, id: &str) -> Result<Option<Document>, Error> {
        self.read(|c| {
            let body: Option<String> = c
                .prepare_cached("SELECT body FROM documents WHERE id = ?1")?
                .query_row(params![id], |row| row.get(0))
                .optional()?;
            body.map(|b| parse_document(id, &b)).transpose()
        })
    }

    pub(crate) fn documents_by_id(&self, ids: &[String]) -> Result<Vec<Document>, Error> {
        self.read(|c| {
            let mut statement = c.prepare_cached("SELECT body FROM documents WHERE id = ?1")?;
            let mut found = Vec::with_capacity(ids.len());
            for id in ids {
                let body: Option<String> = statement
                    .query_row(params![id], |row| row.get(0))
                    .optional()?;
                if let Some(body) = body {
                    found.push(parse_document(id, &body)?);
                }
            }
            Ok(found)
        })
    }

    pub(crate) fn documents(&self) -> Result<Vec<Document>, Error> {
        self.read(|c| {
            let mut statement = c.prepare_cached("SELECT id, body FROM documents ORDER BY seq")?;
            let rows = statement.query_map([], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
            })?;
            let mut documents = Vec::new();
            for row in rows {
                let (id, body) = row?;
                documents.push(parse_document(&id, &body)?);
            }
            Ok(documents)
        })
    }

    /// Documents stored after sequence number `after`, with their sequence numbers.
    pub(crate) fn documents_after(&self, after: i64) -> Result<Vec<(i64, Document)>, Error> {
        self.read(|c| {
            let mut statement = c.prepare_cached(
                "SELECT seq, id, body FROM documents WHERE seq > ?1 ORDER BY seq",
            )?;
            let rows = statement.query_map(params![after], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                ))
            })?;
            let mut documents = Vec::new();
            for row in rows {
                let (seq, id, body) = row?;
                documents.push((seq, parse_document(&id, &body)?));
            }
            Ok(documents)
        })
    }

    /// The last sequence number given to a document (0 when none).
    pub(crate) fn last_seq(&self) -> Result<i64, Error> {
        self.read(|c| {
            Ok(
                c.query_row("SELECT coalesce(max(seq), 0) FROM documents", [], |row| {
                    row.get(0)
                })?,
            )
        })
    }

    pub(crate) fn analysis(&self, id: &str) -> Result<Option<Analysis>, Error> {
        self.read(|c| {
            let body: Option<String> = c
                .prepare_cached("SELECT body FROM analyses WHERE doc_id = ?1")?
                .query_row(params![id], |row| row.get(0))
                .optional()?;
            body.map(|b| parse_analysis(id, &b)).transpose()
        })
    }

    pub(crate) fn work(
        &self,
        limit: usize,
        analyse: &mut dyn FnMut(&[Document]) -> Vec<Analysis>,
    ) -> Result<usize, Error> {
        let mut connection = lock(&self.writer);
        // The write lock is taken first, so that two processes never take the same jobs; it is
        // held while analysing, which a batch keeps short.
        let tx = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let documents = {
            let mut statement = tx.prepare_cached(
                "SELECT d.id, d.body FROM jobs j JOIN documents d ON d.id = j.doc_id \
                 ORDER BY j.seq LIMIT ?1",
            )?;
            let rows = statement.query_map(params![limit as i64], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
            })?;
            let mut documents = Vec::new();
            for row in rows {
                let (id, body) = row?;
                documents.push(parse_document(&id, &body)?);
            }
            documents
        };
        if documents.is_empty() {
            return Ok(0);
        }
        let analyses = analyse(&documents);
        check_analyses(&documents, &analyses)?;
        {
            let mut store = tx.prepare_cached(
                "INSERT INTO analyses (doc_id, body, version, runs) VALUES (?1, ?2, ?3, 1) \
                 ON CONFLICT (doc_id) DO UPDATE SET body = excluded.body, \
                 version = excluded.version, runs = runs + 1",
            )?;
            let mut done = tx.prepare_cached("DELETE FROM jobs WHERE doc_id = ?1")?;
            for (document, analysis) in documents.iter().zip(&analyses) {
                store.execute(params![
                    document.id,
                    to_json(analysis)?,
                    crate::ANALYSIS_VERSION
                ])?;
                done.execute(params![document.id])?;
            }
            tx.execute(
                "UPDATE counters SET value = value + ?1 WHERE name = 'analyses'",
                params![documents.len() as i64],
            )?;
        }
        tx.commit()?;
        Ok(documents.len())
    }

    pub(crate) fn requeue_all(&self) -> Result<usize, Error> {
        let mut connection = lock(&self.writer);
        let tx = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT OR IGNORE INTO jobs (doc_id, seq) SELECT id, seq FROM documents",
            [],
        )?;
        let queued: i64 = tx.query_row("SELECT count(*) FROM jobs", [], |row| row.get(0))?;
        tx.commit()?;
        Ok(queued as usize)
    }

    pub(crate) fn analysis_runs(&self) -> Result<Vec<(String, u64)>, Error> {
        self.read(|c| {
            let mut statement = c.prepare_cached(
                "SELECT d.id, coalesce(a.runs, 0) FROM documents d \
                 LEFT JOIN analyses a ON a.doc_id = d.id ORDER BY d.seq",
            )?;
            let rows = statement.query_map([], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)? as u64))
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    pub(crate) fn snapshot(&self) -> Result<Snapshot, Error> {
        self.read(|c| {
            // One read transaction: the counter and the rows come from the same moment.
            let tx = c.transaction()?;
            let generation: i64 = tx.query_row(
                "SELECT value FROM counters WHERE name = 'analyses'",
                [],
                |row| row.get(0),
            )?;
            let mut analysed = Vec::new();
            {
                let mut statement = tx.prepare_cached(
                    "SELECT d.id, d.body, a.body FROM documents d \
                     JOIN analyses a ON a.doc_id = d.id ORDER BY d.seq",
                )?;
                let rows = statement.query_map([], |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, String>(2)?,
                    ))
                })?;
                for row in rows {
                    let (id, document, analysis) = row?;
                    analysed.push((
                        parse_document(&id, &document)?,
                        parse_analysis(&id, &analysis)?,
                    ));
                }
            }
            tx.finish()?;
            Ok(Snapshot {
                generation: generation as u64,
                analysed,
            })
        })
    }

    pub(crate) fn replace_stories(
        &self,
        generation: u64,
        stories: &[StoryRecord],
    ) -> Result<bool, Error> {
        let mut connection = lock(&self.writer);
        let tx = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let stored: i64 = tx.query_row(
            "SELECT value FROM counters WHERE name = 'stories'",
            [],
            |row| row.get(0),
        )?;
        if (generation as i64) < stored {
            return Ok(false);
        }
        tx.execute("DELETE FROM stories", [])?;
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO stories (id, position, title, documents, alignments, body) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for (position, record) in stories.iter().enumerate() {
                insert.execute(params![
                    record.story.id,
                    position as i64,
                    record.story.title,
                    record.story.documents.len() as i64,
                    record.story.alignments.len() as i64,
                    to_json(record)?
                ])?;
            }
        }
        tx.execute(
            "UPDATE counters SET value = ?1 WHERE name = 'stories'",
            params![generation as i64],
        )?;
        tx.commit()?;
        Ok(true)
    }

    pub(crate) fn stories(&self) -> Result<Vec<StorySummary>, Error> {
        self.read(|c| {
            let mut statement = c.prepare_cached(
                "SELECT id, title, documents, alignments FROM stories \
                 ORDER BY documents DESC, position",
            )?;
            let rows = statement.query_map([], |row| {
                Ok(StorySummary {
                    id: row.get(0)?,
                    title: row.get(1)?,
                    documents: row.get::<_, i64>(2)? as usize,
                    alignments: row.get::<_, i64>(3)? as usize,
                })
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    pub(crate) fn story(&self, id: &str) -> Result<Option<StoryRecord>, Error> {
        self.read(|c| {
            let body: Option<String> = c
                .prepare_cached("SELECT body FROM stories WHERE id = ?1")?
                .query_row(params![id], |row| row.get(0))
                .optional()?;
            body.map(|b| serde_json::from_str(&b).map_err(|e| corrupt("story", id, e)))
                .transpose()
        })
    }

    pub(crate) fn stats(&self) -> Result<Stats, Error> {
        self.read(|c| {
            Ok(c.query_row(
                "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM analyses), \
                 (SELECT count(*) FROM jobs), (SELECT count(*) FROM stories)",
                [],
                |row| {
                    Ok(Stats {
                        documents: row.get::<_, i64>(0)? as usize,
                        analysed: row.get::<_, i64>(1)? as usize,
                        queued: row.get::<_, i64>(2)? as usize,
                        stories: row.get::<_, i64>(3)? as usize,
                    })
                },
            )?)
        })
    }
}

/// The analysis callback must answer each document, in order; anything else is a bug that
/// must not be stored.
pub(crate) fn check_analyses(documents: &[Document], analyses: &[Analysis]) -> Result<(), Error> {
    let matches = documents.len() == analyses.len()
        && documents.iter().zip(analyses).all(|(d, a)| d.id == a.doc);
    if matches {
        Ok(())
    } else {
        Err(Error::new(
            ErrorKind::Corrupt,
            format_args!(
                "analyses do not answer the documents taken ({} documents, {} analyses)",
                documents.len(),
                analyses.len()
            ),
        ))
    }
}
