//! The PostgreSQL backend: the same records in tables, full-text search in the database
//! (a generated `tsvector` column with a GIN index), and a work queue taken with
//! `FOR UPDATE SKIP LOCKED`, so that any number of workers share one batch and each document is
//! analysed once: a worker holds its jobs' row locks until it commits their analyses, and a
//! worker that dies releases them with its connection.

use std::sync::Mutex;

use dossier_model::{Analysis, Document};
use postgres::types::Json;
use postgres::{Client, IsolationLevel, NoTls};

use crate::error::{Error, ErrorKind, corrupt};
use crate::index::one_line;
use crate::sqlite::check_analyses;
use crate::store::{Hit, Snapshot, Stats, Store, StoryRecord, StorySummary};

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS documents (
    seq BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    body JSONB NOT NULL,
    search TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(body->>'title', '')), 'A') ||
        setweight(to_tsvector('english', coalesce(body->>'outlet', '')), 'C') ||
        setweight(to_tsvector('english', coalesce(body->>'text', '')), 'B')
    ) STORED
);
CREATE INDEX IF NOT EXISTS documents_search ON documents USING GIN (search);
CREATE TABLE IF NOT EXISTS analyses (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id),
    body JSONB NOT NULL,
    version TEXT NOT NULL,
    runs BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS jobs (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id),
    seq BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_seq ON jobs (seq);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    position BIGINT NOT NULL,
    title TEXT NOT NULL,
    documents BIGINT NOT NULL,
    alignments BIGINT NOT NULL,
    body JSONB NOT NULL
);
CREATE TABLE IF NOT EXISTS counters (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('analyses', 0), ('stories', 0)
    ON CONFLICT (name) DO NOTHING;
";

/// Marks around matching words in `ts_headline` output: private-use characters, which news
/// text does not hold (any that it does are dropped from snippets first).
const START_MARK: char = '\u{E000}';
const STOP_MARK: char = '\u{E001}';

/// Key of the advisory lock taken while creating the schema, so that workers starting together
/// do not race on `CREATE TABLE IF NOT EXISTS`.
const SCHEMA_LOCK: i64 = 0x0064_6f73_7369_6572; // "dossier"

/// Most idle connections kept.
const POOL_IDLE: usize = 16;

/// Documents, analyses and stories in a PostgreSQL database.
pub struct PostgresStore {
    url: String,
    schema: Option<String>,
    idle: Mutex<Vec<Client>>,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The URL may hold a password: never print it.
        f.debug_struct("PostgresStore")
            .field("schema", &self.schema)
            .finish()
    }
}

/// A connection borrowed from the pool, given back when dropped.
struct Pooled<'a> {
    store: &'a PostgresStore,
    client: Option<Client>,
}

impl std::ops::Deref for Pooled<'_> {
    type Target = Client;
    fn deref(&self) -> &Client {
        self.client.as_ref().expect("present until drop")
    }
}

impl std::ops::DerefMut for Pooled<'_> {
    fn deref_mut(&mut self) -> &mut Client {
        self.client.as_mut().expect("present until drop")
    }
}

impl Drop for Pooled<'_> {
    fn drop(&mut self) {
        if let Some(client) = self.client.take()
            && !client.is_closed()
        {
            let mut idle = self
                .store
                .idle
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if idle.len() < POOL_IDLE {
                idle.push(client);
            }
        }
    }
}

fn is_identifier(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 63
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && !name.as_bytes()[0].is_ascii_digit()
}

impl PostgresStore {
    /// Connects to the database at `url` (`postgres://user@host:port/db`) and creates the
    /// tables when missing.
    pub fn open(url: &str) -> Result<PostgresStore, Error> {
        Self::open_with_schema(url, None)
    }

    /// Like [`PostgresStore::open`], with the tables in their own schema (created when
    /// missing): lowercase letters, digits and `_`. Tests use one schema each.
    pub fn open_in_schema(url: &str, schema: &str) -> Result<PostgresStore, Error> {
        if !is_identifier(schema) {
            return Err(Error::new(
                ErrorKind::Open,
                format_args!("schema name \"{schema}\" is not lowercase letters, digits and _"),
            ));
        }
        Self::open_with_schema(url, Some(schema.to_string()))
    }

    fn open_with_schema(url: &str, schema: Option<String>) -> Result<PostgresStore, Error> {
        let store = PostgresStore {
            url: url.to_string(),
            schema,
            idle: Mutex::new(Vec::new()),
        };
        let mut client = store.client()?;
        let mut tx = client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&SCHEMA_LOCK])?;
        tx.batch_execute(SCHEMA)?;
        tx.commit()?;
        drop(client);
        Ok(store)
    }

    fn connect(&self) -> Result<Client, Error> {
        let mut client = Client::connect(&self.url, NoTls).map_err(|error| {
            // Say where without the password.
            Error::new(
                ErrorKind::Open,
                format_args!("cannot connect to {}: {error}", redact(&self.url)),
            )
        })?;
        if let Some(schema) = &self.schema {
            client.batch_execute(&format!(
                "CREATE SCHEMA IF NOT EXISTS {schema}; SET search_path TO {schema}"
            ))?;
        }
        Ok(client)
    }

    fn client(&self) -> Result<Pooled<'_>, Error> {
        let idle = self
            .idle
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .pop();
        let client = match idle {
            Some(client) => client,
            None => self.connect()?,
        };
        Ok(Pooled {
            store: self,
            client: Some(client),
        })
    }
}

/// The URL with any password replaced by `***`.
pub(crate) fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    let Some((user_info, host)) = authority.rsplit_once('@') else {
        return url.to_string();
    };
    let user = user_info.split(':').next().unwrap_or("");
    let hidden = if user_info.contains(':') { ":***" } else { "" };
    format!("{scheme}://{user}{hidden}@{host}/{path}")
}

/// Parses a record read as `body::text` (straight from the text: no intermediate JSON value).
fn from_json<T: serde::de::DeserializeOwned>(
    what: &str,
    id: &str,
    text: String,
) -> Result<T, Error> {
    serde_json::from_str(&text).map_err(|e| corrupt(what, id, e))
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<serde_json::Value, Error> {
    serde_json::to_value(value).map_err(|e| {
        Error::new(
            ErrorKind::Corrupt,
            format_args!("cannot encode record: {e}"),
        )
    })
}

/// `ts_headline` output to a snippet on one line and the byte ranges of its marked words.
fn parse_headline(marked: &str) -> (String, Vec<(usize, usize)>) {
    let mut snippet = String::with_capacity(marked.len());
    let mut highlights = Vec::new();
    let mut open = None;
    for c in marked.chars() {
        match c {
            START_MARK => open = Some(snippet.len()),
            STOP_MARK => {
                if let Some(start) = open.take() {
                    highlights.push((start, snippet.len()));
                }
            }
            _ => snippet.push(c),
        }
    }
    (one_line(&snippet), highlights)
}

impl Store for PostgresStore {
    fn backend(&self) -> &'static str {
        "postgres"
    }

    fn add_documents(&self, documents: &[Document]) -> Result<Vec<String>, Error> {
        let mut client = self.client()?;
        let mut tx = client.transaction()?;
        let insert = tx.prepare(
            "INSERT INTO documents (id, body) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING \
             RETURNING seq",
        )?;
        let queue = tx.prepare("INSERT INTO jobs (doc_id, seq) VALUES ($1, $2)")?;
        let mut added = Vec::new();
        for document in documents {
            let rows = tx.query(&insert, &[&document.id, &Json(to_json(document)?)])?;
            if let Some(row) = rows.first() {
                let seq: i64 = row.get(0);
                tx.execute(&queue, &[&document.id, &seq])?;
                added.push(document.id.clone());
            }
        }
        tx.commit()?;
        Ok(added)
    }

    fn document(&self, id: &str) -> Result<Option<Document>, Error> {
        let row = self
            .client()?
            .query_opt("SELECT body::text FROM documents WHERE id = $1", &[&id])?;
        row.map(|r| from_json("document", id, r.get::<_, String>(0)))
            .transpose()
    }

    fn documents_by_id(&self, ids: &[String]) -> Result<Vec<Document>, Error> {
        let rows = self.client()?.query(
            "SELECT d.id, d.body::text FROM unnest($1::text[]) WITH ORDINALITY AS wanted(id, n) \
             JOIN documents d ON d.id = wanted.id ORDER BY wanted.n",
            &[&ids],
        )?;
        rows.into_iter()
            .map(|r| {
                let id: String = r.get(0);
                from_json("document", &id, r.get::<_, String>(1))
            })
            .collect()
    }

    fn documents(&self) -> Result<Vec<Document>, Error> {
        let rows = self
            .client()?
            .query("SELECT id, body::text FROM documents ORDER BY seq", &[])?;
        rows.into_iter()
            .map(|r| {
                let id: String = r.get(0);
                from_json("document", &id, r.get::<_, String>(1))
            })
            .collect()
    }

    fn analysis(&self, id: &str) -> Result<Option<Analysis>, Error> {
        let row = self
            .client()?
            .query_opt("SELECT body::text FROM analyses WHERE doc_id = $1", &[&id])?;
        row.map(|r| from_json("analysis of document", id, r.get::<_, String>(0)))
            .transpose()
    }

    fn work(
        &self,
        limit: usize,
        analyse: &mut dyn FnMut(&[Document]) -> Vec<Analysis>,
    ) -> Result<usize, Error> {
        let mut client = self.client()?;
        let mut tx = client.transaction()?;
        // The row locks on the jobs taken are held until commit: other workers skip them, and
        // a worker that dies releases them with its connection.
        let rows = tx.query(
            "SELECT d.id, d.body::text FROM jobs j JOIN documents d ON d.id = j.doc_id \
             ORDER BY j.seq LIMIT $1 FOR UPDATE OF j SKIP LOCKED",
            &[&(limit as i64)],
        )?;
        let documents = rows
            .into_iter()
            .map(|r| {
                let id: String = r.get(0);
                from_json("document", &id, r.get::<_, String>(1))
            })
            .collect::<Result<Vec<Document>, Error>>()?;
        if documents.is_empty() {
            return Ok(0);
        }
        let analyses = analyse(&documents);
        check_analyses(&documents, &analyses)?;
        let store = tx.prepare(
            "INSERT INTO analyses (doc_id, body, version, runs) VALUES ($1, $2, $3, 1) \
             ON CONFLICT (doc_id) DO UPDATE SET body = excluded.body, \
             version = excluded.version, runs = analyses.runs + 1",
        )?;
        for analysis in &analyses {
            tx.execute(
                &store,
                &[
                    &analysis.doc,
                    &Json(to_json(analysis)?),
                    &crate::ANALYSIS_VERSION,
                ],
            )?;
        }
        let ids: Vec<&str> = documents.iter().map(|d| d.id.as_str()).collect();
        tx.execute("DELETE FROM jobs WHERE doc_id = ANY($1)", &[&ids])?;
        tx.execute(
            "UPDATE counters SET value = value + $1 WHERE name = 'analyses'",
            &[&(documents.len() as i64)],
        )?;
        tx.commit()?;
        Ok(documents.len())
    }

    fn requeue_all(&self) -> Result<usize, Error> {
        let mut client = self.client()?;
        let mut tx = client.transaction()?;
        tx.execute(
            "INSERT INTO jobs (doc_id, seq) SELECT id, seq FROM documents \
             ON CONFLICT (doc_id) DO NOTHING",
            &[],
        )?;
        let queued: i64 = tx.query_one("SELECT count(*) FROM jobs", &[])?.get(0);
        tx.commit()?;
        Ok(queued as usize)
    }

    fn analysis_runs(&self) -> Result<Vec<(String, u64)>, Error> {
        let rows = self.client()?.query(
            "SELECT d.id, coalesce(a.runs, 0) FROM documents d \
             LEFT JOIN analyses a ON a.doc_id = d.id ORDER BY d.seq",
            &[],
        )?;
        Ok(rows
            .into_iter()
            .map(|r| (r.get::<_, String>(0), r.get::<_, i64>(1) as u64))
            .collect())
    }

    fn snapshot(&self) -> Result<Snapshot, Error> {
        let mut client = self.client()?;
        let mut tx = client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()?;
        let generation: i64 = tx
            .query_one("SELECT value FROM counters WHERE name = 'analyses'", &[])?
            .get(0);
        let rows = tx.query(
            "SELECT d.id, d.body::text, a.body::text FROM documents d \
             JOIN analyses a ON a.doc_id = d.id ORDER BY d.seq",
            &[],
        )?;
        tx.commit()?;
        let analysed = rows
            .into_iter()
            .map(|r| {
                let id: String = r.get(0);
                Ok((
                    from_json("document", &id, r.get::<_, String>(1))?,
                    from_json("analysis of document", &id, r.get::<_, String>(2))?,
                ))
            })
            .collect::<Result<_, Error>>()?;
        Ok(Snapshot {
            generation: generation as u64,
            analysed,
        })
    }

    fn replace_stories(&self, generation: u64, stories: &[StoryRecord]) -> Result<bool, Error> {
        let mut client = self.client()?;
        let mut tx = client.transaction()?;
        let stored: i64 = tx
            .query_one(
                "SELECT value FROM counters WHERE name = 'stories' FOR UPDATE",
                &[],
            )?
            .get(0);
        if (generation as i64) < stored {
            return Ok(false);
        }
        tx.execute("DELETE FROM stories", &[])?;
        let insert = tx.prepare(
            "INSERT INTO stories (id, position, title, documents, alignments, body) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )?;
        for (position, record) in stories.iter().enumerate() {
            tx.execute(
                &insert,
                &[
                    &record.story.id,
                    &(position as i64),
                    &record.story.title,
                    &(record.story.documents.len() as i64),
                    &(record.story.alignments.len() as i64),
                    &Json(to_json(record)?),
                ],
            )?;
        }
        tx.execute(
            "UPDATE counters SET value = $1 WHERE name = 'stories'",
            &[&(generation as i64)],
        )?;
        tx.commit()?;
        Ok(true)
    }

    fn stories(&self) -> Result<Vec<StorySummary>, Error> {
        let rows = self.client()?.query(
            "SELECT id, title, documents, alignments FROM stories \
             ORDER BY documents DESC, position",
            &[],
        )?;
        Ok(rows
            .into_iter()
            .map(|r| StorySummary {
                id: r.get(0),
                title: r.get(1),
                documents: r.get::<_, i64>(2) as usize,
                alignments: r.get::<_, i64>(3) as usize,
            })
            .collect())
    }

    fn story(&self, id: &str) -> Result<Option<StoryRecord>, Error> {
        let row = self
            .client()?
            .query_opt("SELECT body::text FROM stories WHERE id = $1", &[&id])?;
        row.map(|r| from_json("story", id, r.get::<_, String>(0)))
            .transpose()
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, Error> {
        if limit == 0 || query.trim().is_empty() {
            return Ok(Vec::new());
        }
        let options = format!(
            "StartSel={START_MARK}, StopSel={STOP_MARK}, MaxWords=30, MinWords=12, MaxFragments=1"
        );
        // websearch_to_tsquery reads any text without a syntax error: quotes, `or`, `-word`.
        let rows = self.client()?.query(
            "SELECT id, body->>'outlet', body->>'title', \
                    ts_headline('english', translate(body->>'text', $3, ''), q, $4) \
             FROM documents, websearch_to_tsquery('english', $1) q \
             WHERE search @@ q ORDER BY ts_rank(search, q) DESC, seq LIMIT $2",
            &[
                &query,
                &(limit as i64),
                &format!("{START_MARK}{STOP_MARK}"),
                &options,
            ],
        )?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let (snippet, highlights) = parse_headline(&r.get::<_, String>(3));
                Hit {
                    id: r.get(0),
                    outlet: r.get(1),
                    title: r.get(2),
                    snippet,
                    highlights,
                }
            })
            .collect())
    }

    fn stats(&self) -> Result<Stats, Error> {
        let row = self.client()?.query_one(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM analyses), \
             (SELECT count(*) FROM jobs), (SELECT count(*) FROM stories)",
            &[],
        )?;
        Ok(Stats {
            documents: row.get::<_, i64>(0) as usize,
            analysed: row.get::<_, i64>(1) as usize,
            queued: row.get::<_, i64>(2) as usize,
            stories: row.get::<_, i64>(3) as usize,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            redact("postgres://ana:secret@db.local:5432/news"),
            "postgres://ana:***@db.local:5432/news"
        );
        assert_eq!(redact("postgres://ana@db/news"), "postgres://ana@db/news");
    }

    #[test]
    fn headline_marks_become_ranges() {
        let (snippet, ranges) = parse_headline("the \u{E000}fire\u{E001} spread\nfast");
        assert_eq!(snippet, "the fire spread fast");
        assert_eq!(ranges, vec![(4, 8)]);
    }

    #[test]
    fn schema_names_are_plain() {
        assert!(is_identifier("dossier_test_1"));
        assert!(!is_identifier("x; DROP TABLE documents"));
        assert!(!is_identifier("1abc"));
    }
}
