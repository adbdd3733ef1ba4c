//! The embedded full-text index (tantivy). SQLite is the record; the index follows it. Each
//! commit records, as its payload, the last document sequence number it holds, so an index
//! left behind by a crash (or by another process holding the writer lock) catches up from
//! there.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use dossier_model::Document;
use tantivy::collector::TopDocs;
use tantivy::directory::MmapDirectory;
use tantivy::query::QueryParser;
use tantivy::schema::{
    Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::error::{Error, ErrorKind};
use crate::store::Hit;

/// The tokenizer tantivy registers for English with stemming.
const TOKENIZER: &str = "en_stem";
/// Writer memory: tantivy's floor for one thread is 15 MB.
const WRITER_BYTES: usize = 32_000_000;
/// Longest snippet, in characters.
const SNIPPET_CHARS: usize = 180;

#[derive(Debug, Clone, Copy)]
struct Fields {
    id: Field,
    outlet: Field,
    title: Field,
    text: Field,
}

/// The index of one data folder.
pub(crate) struct SearchIndex {
    path: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    /// Serialises writers within this process; tantivy's lock file does it between processes.
    writing: Mutex<()>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("path", &self.path)
            .finish()
    }
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let words = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let fields = Fields {
        id: builder.add_text_field("id", STRING | STORED),
        outlet: builder.add_text_field("outlet", words.clone()),
        title: builder.add_text_field("title", words.clone()),
        text: builder.add_text_field("text", words),
    };
    (builder.build(), fields)
}

fn index_error(path: &Path, error: impl std::fmt::Display) -> Error {
    Error::new(
        ErrorKind::Index,
        format_args!("search index {}: {error}", path.display()),
    )
}

impl SearchIndex {
    /// Opens (creating when missing) the index in `path`.
    pub(crate) fn open(path: &Path) -> Result<SearchIndex, Error> {
        std::fs::create_dir_all(path).map_err(|e| index_error(path, e))?;
        let (schema, fields) = schema();
        let directory = MmapDirectory::open(path).map_err(|e| index_error(path, e))?;
        let index = Index::open_or_create(directory, schema).map_err(|e| index_error(path, e))?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| index_error(path, e))?;
        Ok(SearchIndex {
            path: path.to_path_buf(),
            index,
            reader,
            fields,
            writing: Mutex::new(()),
        })
    }

    /// The last document sequence number the index holds.
    pub(crate) fn indexed_up_to(&self) -> Result<i64, Error> {
        let metas = self
            .index
            .load_metas()
            .map_err(|e| index_error(&self.path, e))?;
        Ok(metas
            .payload
            .as_deref()
            .and_then(|p| p.parse().ok())
            .unwrap_or(0))
    }

    /// Indexes the documents (each with its sequence number, in order) and commits with the
    /// last number as payload. Returns false, doing nothing, when another process holds the
    /// writer: the documents are indexed later from the record.
    pub(crate) fn add(&self, documents: &[(i64, Document)]) -> Result<bool, Error> {
        let Some((last, _)) = documents.last() else {
            return Ok(true);
        };
        let _guard = self
            .writing
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut writer: IndexWriter<TantivyDocument> =
            match self.index.writer_with_num_threads(1, WRITER_BYTES) {
                Ok(writer) => writer,
                Err(tantivy::TantivyError::LockFailure(..)) => return Ok(false),
                Err(error) => return Err(index_error(&self.path, error)),
            };
        for (_, document) in documents {
            writer.delete_term(Term::from_field_text(self.fields.id, &document.id));
            let mut entry = TantivyDocument::default();
            entry.add_text(self.fields.id, &document.id);
            if let Some(outlet) = &document.outlet {
                entry.add_text(self.fields.outlet, outlet);
            }
            if let Some(title) = &document.title {
                entry.add_text(self.fields.title, title);
            }
            entry.add_text(self.fields.text, &document.text);
            writer
                .add_document(entry)
                .map_err(|e| index_error(&self.path, e))?;
        }
        let mut commit = writer
            .prepare_commit()
            .map_err(|e| index_error(&self.path, e))?;
        commit.set_payload(&last.to_string());
        commit.commit().map_err(|e| index_error(&self.path, e))?;
        writer
            .wait_merging_threads()
            .map_err(|e| index_error(&self.path, e))?;
        self.reader
            .reload()
            .map_err(|e| index_error(&self.path, e))?;
        Ok(true)
    }

    /// Documents matching the query, best first.
    pub(crate) fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, Error> {
        if limit == 0 || query.trim().is_empty() {
            return Ok(Vec::new());
        }
        // Another process may have committed since the last look.
        self.reader
            .reload()
            .map_err(|e| index_error(&self.path, e))?;
        let searcher = self.reader.searcher();
        let mut parser = QueryParser::for_index(
            &self.index,
            vec![self.fields.title, self.fields.text, self.fields.outlet],
        );
        parser.set_field_boost(self.fields.title, 2.0);
        // Lenient: a stray quote or bracket in what a user typed is read as words, not refused.
        let (parsed, _ignored) = parser.parse_query_lenient(query);
        let top = searcher
            .search(&parsed, &TopDocs::with_limit(limit).order_by_score())
            .map_err(|e| index_error(&self.path, e))?;
        let mut snippets = SnippetGenerator::create(&searcher, &*parsed, self.fields.text)
            .map_err(|e| index_error(&self.path, e))?;
        snippets.set_max_num_chars(SNIPPET_CHARS);
        let mut hits = Vec::with_capacity(top.len());
        for (_score, address) in top {
            let stored: TantivyDocument = searcher
                .doc(address)
                .map_err(|e| index_error(&self.path, e))?;
            let text_of = |field: Field| {
                stored
                    .get_first(field)
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            };
            let snippet = snippets.snippet_from_doc(&stored);
            let (snippet, highlights) = if snippet.is_empty() {
                // Matched on the title or outlet only: show the start of the text.
                let text = text_of(self.fields.text).unwrap_or_default();
                (one_line(&leading(&text, SNIPPET_CHARS)), Vec::new())
            } else {
                let fragment = snippet.fragment();
                let highlights = snippet
                    .highlighted()
                    .iter()
                    .map(|r| (r.start, r.end))
                    .collect();
                (one_line(fragment), highlights)
            };
            hits.push(Hit {
                id: text_of(self.fields.id).unwrap_or_default(),
                outlet: text_of(self.fields.outlet),
                title: text_of(self.fields.title),
                snippet,
                highlights,
            });
        }
        Ok(hits)
    }
}

/// The first `chars` characters of `text`.
fn leading(text: &str, chars: usize) -> String {
    text.chars().take(chars).collect()
}

/// Line breaks become spaces, byte for byte, so highlight ranges still hold.
pub(crate) fn one_line(text: &str) -> String {
    text.replace(['\n', '\r', '\t'], " ")
}
