use serde::{Deserialize, Serialize};

use crate::{Claim, Diagnostic, Document, EntityKind, Quote};

/// Where an entity is mentioned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRef {
    /// Document id.
    pub doc: String,
    /// Byte offset in the document text.
    pub start: usize,
    /// End.
    pub end: usize,
}

/// A person, organisation, place or group, merged across the documents of one story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id.
    pub id: String,
    /// Canonical (fullest) name.
    pub name: String,
    /// What it is.
    pub kind: EntityKind,
    /// Other names it goes by in the texts.
    pub aliases: Vec<String>,
    /// Titles and roles the texts give it.
    pub roles: Vec<String>,
    /// Every mention.
    pub mentions: Vec<MentionRef>,
}

/// The verdict on one group of aligned claims and quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Independent sources say the same.
    Corroborated,
    /// Sources disagree.
    Conflict,
    /// The text or a later report marks a change.
    Revision,
    /// Overlapping but not the same.
    Partial,
    /// Only one source says it.
    SingleSource,
}

impl Verdict {
    /// The name used in the report.
    pub fn as_str(&self) -> &'static str {
        match self {
            Verdict::Corroborated => "corroborated",
            Verdict::Conflict => "conflict",
            Verdict::Revision => "revision",
            Verdict::Partial => "partial",
            Verdict::SingleSource => "single-source",
        }
    }
}

/// A span of evidence in one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Document id.
    pub doc: String,
    /// Byte offset in the document text.
    pub start: usize,
    /// End.
    pub end: usize,
    /// The text, copied out.
    pub text: String,
}

/// A group of claims and quotes from the documents of one story that speak of the same fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// Stable id.
    pub id: String,
    /// The verdict.
    pub verdict: Verdict,
    /// Ids of the claims it rests on.
    pub claims: Vec<String>,
    /// Ids of the quotes it rests on.
    pub quotes: Vec<String>,
    /// How many independent sources (outlets not copying each other) carry it.
    pub independent_sources: usize,
    /// For a conflict or revision, what differs: `number`, `polarity`, `speaker`, `time`,
    /// `place`, `actor`, `wording`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub difference: Option<String>,
    /// One sentence on why.
    pub explanation: String,
    /// The evidence spans, in every document.
    pub evidence: Vec<Evidence>,
}

/// One event of a story's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// When, as resolved (`2025-11-25`) or as written ("Tuesday").
    pub when: String,
    /// Resolved first day, ISO 8601, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// What happened.
    pub what: String,
    /// Claim or quote ids.
    pub evidence: Vec<String>,
}

/// What one outlet adds to a story and what it leaves out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletSummary {
    /// The outlet (or the document's name when the outlet is unknown).
    pub outlet: String,
    /// Its documents.
    pub documents: Vec<String>,
    /// Alignment ids only this outlet carries.
    pub adds: Vec<String>,
    /// Alignment ids that two or more other outlets carry and this one does not.
    pub omits: Vec<String>,
}

/// Documents about the same events, with their lineage, alignments and timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// Stable id.
    pub id: String,
    /// A short title: the first document's headline or the most named entities.
    pub title: String,
    /// Document ids.
    pub documents: Vec<String>,
    /// Near-duplicate copies: each copy's id mapped to its original's id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub copies: Vec<(String, String)>,
    /// Aligned claims and quotes with verdicts.
    pub alignments: Vec<Alignment>,
    /// Events in time order.
    pub timeline: Vec<TimelineEntry>,
    /// Per outlet: what it adds and omits.
    #[serde(default)]
    pub outlets: Vec<OutletSummary>,
}

/// The whole result of one run: the stable JSON interface.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Report {
    /// Clean documents.
    pub documents: Vec<Document>,
    /// Entities, merged within stories.
    pub entities: Vec<Entity>,
    /// Quotes.
    pub quotes: Vec<Quote>,
    /// Claims.
    pub claims: Vec<Claim>,
    /// Stories.
    pub stories: Vec<Story>,
    /// Inputs skipped and content trouble.
    #[serde(default)]
    pub diagnostics: Vec<Diagnostic>,
}
