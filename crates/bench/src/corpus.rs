use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, TimeDelta};
use dossier_ingest::IngestConfig;
use dossier_model::{Body, Diagnostic, Input, Origin};

use crate::Error;

/// The repository root.
pub fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The shared folder with the seed corpus: `$DOSSIER_SHARED`, else `../shared` beside the
/// repository.
pub fn shared() -> PathBuf {
    match std::env::var_os("DOSSIER_SHARED") {
        Some(path) => PathBuf::from(path),
        None => repository().join("../shared"),
    }
}

/// Days between two replicas of a corpus: more than the story window of the grouper, so that
/// each replica forms stories of its own, as reports of different events would.
const REPLICA_DAYS_APART: i64 = 30;

/// Inputs read into memory, ready to be given to the pipeline again and again.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    inputs: Vec<Input>,
}

impl Corpus {
    /// Reads files, folders and JSONL as `dossier analyze` does; any input that cannot be read
    /// is an error (a benchmark corpus must read cleanly).
    pub fn load(paths: &[PathBuf]) -> Result<Corpus, Error> {
        for path in paths {
            if !path.exists() {
                return Err(Error::Missing {
                    path: path.display().to_string(),
                });
            }
        }
        let names: Vec<String> = paths
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        let inputs = dossier_ingest::read(&names, &IngestConfig::default())
            .collect::<Result<Vec<Input>, Diagnostic>>()
            .map_err(Error::Input)?;
        if inputs.is_empty() {
            return Err(Error::Empty {
                paths: names.join(" "),
            });
        }
        Ok(Corpus { inputs })
    }

    /// The seed articles of the shared folder (`corpus/seeds`).
    pub fn seeds() -> Result<Corpus, Error> {
        Corpus::load(&[shared().join("corpus/seeds")])
    }

    /// The project's example story: four reports of one fictional fire, as the JSONL feed that
    /// gives each its outlet, URL and publication time.
    pub fn example_story() -> Result<Corpus, Error> {
        Corpus::load(&[repository().join("examples/story.jsonl")])
    }

    /// This corpus followed by `other`.
    pub fn and(mut self, other: Corpus) -> Corpus {
        self.inputs.extend(other.inputs);
        self
    }

    /// `replicas` copies of the corpus, each with its own paths and URLs (so its own document
    /// ids) and published 30 days after the one before (so its own stories). Inputs without a
    /// publication time get one, from 2025-01-01.
    pub fn replicate(&self, replicas: usize) -> Corpus {
        let start = DateTime::parse_from_rfc3339("2025-01-01T09:00:00Z").ok();
        let mut inputs = Vec::with_capacity(self.inputs.len() * replicas);
        for k in 0..replicas {
            let shift = TimeDelta::days(REPLICA_DAYS_APART * k as i64);
            for input in &self.inputs {
                let mut copy = input.clone();
                copy.origin = match &input.origin {
                    Origin::Path(path) => Origin::Path(format!("replica-{k:03}/{path}")),
                    Origin::Url(url) => Origin::Url(format!("{url}#replica-{k:03}")),
                    Origin::Line { path, line } => Origin::Line {
                        path: format!("replica-{k:03}/{path}"),
                        line: *line,
                    },
                    Origin::Stdin => Origin::Path(format!("replica-{k:03}/-")),
                };
                copy.url = input.url.as_ref().map(|u| format!("{u}#replica-{k:03}"));
                copy.published = input
                    .published
                    .or(start)
                    .and_then(|p: DateTime<FixedOffset>| p.checked_add_signed(shift));
                inputs.push(copy);
            }
        }
        Corpus { inputs }
    }

    /// How many inputs.
    pub fn len(&self) -> usize {
        self.inputs.len()
    }

    /// Whether there is no input.
    pub fn is_empty(&self) -> bool {
        self.inputs.is_empty()
    }

    /// The bytes of all bodies, as read (text or HTML).
    pub fn bytes(&self) -> u64 {
        self.inputs
            .iter()
            .map(|input| match &input.body {
                Body::Text(text) => text.len() as u64,
                Body::Html(html) => html.len() as u64,
            })
            .sum()
    }

    /// The inputs.
    pub fn inputs(&self) -> &[Input] {
        &self.inputs
    }

    /// A copy of the inputs in the form [`Pipeline::report`](dossier_pipeline::Pipeline::report)
    /// takes.
    pub fn to_inputs(&self) -> Vec<Result<Input, Diagnostic>> {
        self.inputs.iter().cloned().map(Ok).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_story_reads_cleanly() {
        let story = Corpus::example_story().expect("examples/story.jsonl");
        assert_eq!(story.len(), 4);
        assert!(story.bytes() > 4_000);
    }

    #[test]
    fn replicas_have_their_own_origins_and_dates() {
        let story = Corpus::example_story().expect("examples/story.jsonl");
        let three = story.replicate(3);
        assert_eq!(three.len(), 12);
        assert_eq!(three.bytes(), 3 * story.bytes());
        let labels: std::collections::HashSet<String> =
            three.inputs().iter().map(|i| i.origin.label()).collect();
        assert_eq!(labels.len(), 12);
        let first = three.inputs()[0].published.expect("published");
        let fifth = three.inputs()[4].published.expect("published");
        assert_eq!((fifth - first).num_days(), REPLICA_DAYS_APART);
    }

    #[test]
    fn a_missing_corpus_is_named() {
        let error = Corpus::load(&[PathBuf::from("/no/such/corpus")]).expect_err("missing");
        assert!(error.to_string().contains("/no/such/corpus"), "{error}");
    }
}
