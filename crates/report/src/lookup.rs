//! A report indexed by id, and the selections both readable renderings show: the documents,
//! people and quotes of a story, the one-line summary of an alignment, every diagnostic.

use std::collections::{HashMap, HashSet};

use dossier_model::{
    Alignment, Claim, Diagnostic, Document, Entity, EntityKind, Quote, Report, Severity, Story,
};

use crate::excerpt::shorten;

/// How many characters the one-line summary of an alignment keeps.
const SUMMARY_CHARS: usize = 120;

/// A report with its documents, claims and quotes found by id. When ids repeat, the first wins.
pub(crate) struct Lookup<'a> {
    report: &'a Report,
    documents: HashMap<&'a str, &'a Document>,
    claims: HashMap<&'a str, &'a Claim>,
    quotes: HashMap<&'a str, &'a Quote>,
}

impl<'a> Lookup<'a> {
    /// Indexes the report.
    pub(crate) fn new(report: &'a Report) -> Self {
        let mut documents = HashMap::new();
        for document in &report.documents {
            documents.entry(document.id.as_str()).or_insert(document);
        }
        let mut claims = HashMap::new();
        for claim in &report.claims {
            claims.entry(claim.id.as_str()).or_insert(claim);
        }
        let mut quotes = HashMap::new();
        for quote in &report.quotes {
            quotes.entry(quote.id.as_str()).or_insert(quote);
        }
        Lookup {
            report,
            documents,
            claims,
            quotes,
        }
    }

    /// The document with this id.
    pub(crate) fn document(&self, id: &str) -> Option<&'a Document> {
        self.documents.get(id).copied()
    }

    /// The short name of the document with this id; the id itself when it is not in the report.
    pub(crate) fn label(&self, id: &str) -> String {
        self.document(id)
            .map_or_else(|| id.to_string(), Document::label)
    }

    /// The short name of the document a claim or quote comes from, when the id names one.
    pub(crate) fn evidence_label(&self, id: &str) -> Option<String> {
        let doc = self
            .claims
            .get(id)
            .map(|claim| claim.doc.as_str())
            .or_else(|| self.quotes.get(id).map(|quote| quote.doc.as_str()))?;
        Some(self.label(doc))
    }

    /// What the alignment is about, on one line: its first claim, else its first quote, else its
    /// first evidence span, else its explanation.
    pub(crate) fn summary(&self, alignment: &Alignment) -> String {
        let claim = alignment
            .claims
            .iter()
            .find_map(|id| self.claims.get(id.as_str()))
            .map(|claim| claim.text.as_str());
        let quote = || {
            alignment
                .quotes
                .iter()
                .find_map(|id| self.quotes.get(id.as_str()))
                .map(|quote| quote.text.as_str())
        };
        let evidence = || {
            alignment
                .evidence
                .first()
                .map(|evidence| evidence.text.as_str())
        };
        let text = claim
            .or_else(quote)
            .or_else(evidence)
            .unwrap_or(alignment.explanation.as_str());
        shorten(text, SUMMARY_CHARS)
    }

    /// The story's documents that are in the report, in the story's order.
    pub(crate) fn documents_of(&self, story: &Story) -> Vec<&'a Document> {
        story
            .documents
            .iter()
            .filter_map(|id| self.document(id))
            .collect()
    }

    /// The persons mentioned in the story's documents, in report order, with how many of their
    /// mentions lie in those documents.
    pub(crate) fn people_of(&self, story: &Story) -> Vec<(&'a Entity, usize)> {
        let documents: HashSet<&str> = story.documents.iter().map(String::as_str).collect();
        self.report
            .entities
            .iter()
            .filter(|entity| entity.kind == EntityKind::Person)
            .filter_map(|entity| {
                let mentions = entity
                    .mentions
                    .iter()
                    .filter(|mention| documents.contains(mention.doc.as_str()))
                    .count();
                (mentions > 0).then_some((entity, mentions))
            })
            .collect()
    }

    /// The quotes from the story's documents, grouped by speaker: the people of the story first,
    /// in the order [`Lookup::people_of`] gives, then other speakers by name; within a speaker,
    /// in document and text order.
    pub(crate) fn quotes_of(&self, story: &Story, people: &[(&Entity, usize)]) -> Vec<&'a Quote> {
        let documents: HashMap<&str, usize> = story
            .documents
            .iter()
            .enumerate()
            .map(|(position, id)| (id.as_str(), position))
            .collect();
        let speaker_rank = |quote: &Quote| {
            people
                .iter()
                .position(|(entity, _)| {
                    quote.speaker.entity.as_deref() == Some(entity.id.as_str())
                        || (!quote.speaker.anonymous && quote.speaker.name == entity.name)
                })
                .unwrap_or(people.len())
        };
        let mut quotes: Vec<&Quote> = self
            .report
            .quotes
            .iter()
            .filter(|quote| documents.contains_key(quote.doc.as_str()))
            .collect();
        quotes.sort_by_cached_key(|quote| {
            (
                speaker_rank(quote),
                quote.speaker.name.clone(),
                documents.get(quote.doc.as_str()).copied(),
                quote.start,
            )
        });
        quotes
    }

    /// The documents that belong to no story, in report order.
    pub(crate) fn documents_outside_stories(&self) -> Vec<&'a Document> {
        let in_stories: HashSet<&str> = self
            .report
            .stories
            .iter()
            .flat_map(|story| story.documents.iter().map(String::as_str))
            .collect();
        self.report
            .documents
            .iter()
            .filter(|document| !in_stories.contains(document.id.as_str()))
            .collect()
    }

    /// The report's diagnostics, then those kept on documents, each once.
    pub(crate) fn diagnostics(&self) -> Vec<&'a Diagnostic> {
        let mut seen = HashSet::new();
        let documents = self
            .report
            .documents
            .iter()
            .flat_map(|document| document.diagnostics.iter());
        self.report
            .diagnostics
            .iter()
            .chain(documents)
            .filter(|diagnostic| {
                let is_error = diagnostic.severity == Severity::Error;
                seen.insert((
                    is_error,
                    diagnostic.input.as_str(),
                    diagnostic.message.as_str(),
                ))
            })
            .collect()
    }
}
