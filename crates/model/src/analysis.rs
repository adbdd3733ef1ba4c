use serde::{Deserialize, Serialize};

use crate::{Diagnostic, Span, Speaker, TimeExpr};

/// One sentence of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where it lies.
    pub span: Span,
    /// 0-based paragraph index.
    pub paragraph: usize,
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A company, agency, government body, outlet, team, party.
    Organization,
    /// A country, city, region or other place.
    Place,
    /// Nationalities, political and religious groups (NORP).
    Group,
    /// Any other named thing (events, laws, products).
    Other,
}

impl EntityKind {
    /// The lowercase name used in the report.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Group => "group",
            EntityKind::Other => "other",
        }
    }
}

/// A name in the text, resolved within its document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The name as written.
    pub span: Span,
    /// The name as written, copied out.
    pub text: String,
    /// What it names.
    pub kind: EntityKind,
    /// The fullest name this mention resolves to within the document (Leavitt → Karoline Leavitt).
    pub canonical: String,
    /// Titles and roles the text gives here ("White House press secretary").
    pub roles: Vec<String>,
}

/// How a quote is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A whole quoted statement.
    Direct,
    /// Quoted words embedded in the writer's own sentence.
    Partial,
    /// Reported speech without quotation marks ("said that ...").
    Indirect,
}

/// Something a source said, with how and through whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Stable id: `<doc>-q<n>`.
    pub id: String,
    /// Document id.
    pub doc: String,
    /// Byte offset of the quoted content (inside the marks) in the document text.
    pub start: usize,
    /// End of the quoted content.
    pub end: usize,
    /// The quoted content, without the marks.
    pub text: String,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// Who said it.
    pub speaker: Speaker,
    /// Where the speaker is named in this document, when it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_span: Option<Span>,
    /// The speech verb or phrase ("said", "wrote", "according to").
    pub cue: Option<String>,
    /// Where the cue is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue_span: Option<Span>,
    /// How it was said ("X", "reporters", "a statement", "Financial Times").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// The chain it came through, nearest first ("Financial Times").
    pub via: Vec<String>,
    /// Times the quote's sentence speaks of ("told reporters Monday", "in November").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub times: Vec<TimeExpr>,
}

/// Whether a claim asserts, denies or hedges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    /// Asserted.
    Positive,
    /// Denied or negated ("did not", "stopped short of", "rejected").
    Negative,
    /// Neither confirmed nor denied, expected, possible.
    Uncertain,
}

/// The words and phrases that negate a statement, lowercase ("n't" ends a word: "didn't").
/// The analysis reads a clause as [`Polarity::Negative`] when it holds one; the aligner takes
/// what follows the first as what the statement denies.
pub const NEGATIONS: &[&str] = &[
    "not",
    "n't",
    "never",
    "no longer",
    "denied",
    "denies",
    "deny",
    // "repeated its denial that he worked for ...": the noun with what it denies
    "denial that",
    "denials that",
    "rejected",
    "rejects",
    "refused",
    "refuses",
    "stopped short",
    "dismissed",
    "ruled out",
    "rules out",
    "nor",
    "without agreeing",
    "no part",
    "no role",
    "no evidence",
    "no sign",
    "no record",
    "no such",
    "no one",
    "nobody",
];

/// Numbers written as words, with their values: read by the analysis for quantities and by
/// the aligner, which compares "four votes to three" with "4-3".
pub const NUMBER_WORDS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("forty", 40.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("fifteen", 15.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
];

/// Whether a number word is no figure but a vague amount: "a few hundred", "several dozen",
/// "many thousand" (`previous` is the word before it, lowercase).
pub fn is_vague_amount(previous: Option<&str>, word: &str) -> bool {
    matches!(word, "hundred" | "dozen" | "thousand")
        && previous.is_some_and(|p| matches!(p, "few" | "several" | "many"))
}

/// Scale words after a figure ("4.5 million"): read by the analysis for quantities and by the
/// aligner, which takes "40 million" and "$40m" for one figure.
pub const SCALE_WORDS: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// A figure times its scale, as written: "4.1 million" is 4,100,000, not the 4,099,999.99…
/// that binary fractions make of it.
pub fn scale_figure(value: f64, scale: f64) -> f64 {
    let scaled = value * scale;
    let whole = scaled.round();
    if scale >= 1.0 && (scaled - whole).abs() < 1e-6 * scaled.abs().max(1.0) {
        whole
    } else {
        scaled
    }
}

/// A figure with its scale written on, lowercase: "1.2bn" and "40mn" always; "40m" and "12k"
/// only when `money` (after a currency sign), since "a 30m crack" measures metres.
pub fn scaled_figure(word: &str, money: bool) -> Option<f64> {
    let suffixes: &[(&str, f64)] = if money {
        &[("bn", 1e9), ("mn", 1e6), ("m", 1e6), ("k", 1e3)]
    } else {
        &[("bn", 1e9), ("mn", 1e6)]
    };
    suffixes.iter().find_map(|(suffix, scale)| {
        let head = word.strip_suffix(suffix)?;
        let value = head.parse::<f64>().ok().filter(|v| v.is_finite())?;
        head.starts_with(|c: char| c.is_ascii_digit())
            .then_some(scale_figure(value, *scale))
    })
}

/// A quantity with what it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Where it is.
    pub span: Span,
    /// The number, normalised (28, 4.2e9).
    pub value: f64,
    /// What it counts, as written ("points", "euros", "injured").
    pub unit: String,
    /// Qualifier ("at least", "nearly", "about"), when any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
}

impl Quantity {
    /// The unit in a comparable form: lowercase, singular ("points" → "point").
    pub fn unit_key(&self) -> String {
        unit_key(&self.unit)
    }
}

/// A unit in a comparable form: lowercase, singular ("points" → "point").
pub fn unit_key(unit: &str) -> String {
    let lower = unit.to_lowercase();
    if lower.len() > 3 && lower.ends_with('s') && !lower.ends_with("ss") && !lower.ends_with("us") {
        lower[..lower.len() - 1].to_string()
    } else {
        lower
    }
}

/// A checkable statement at the level of a clause, with its attribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable id: `<doc>-c<n>`.
    pub id: String,
    /// Document id.
    pub doc: String,
    /// Byte offset in the document text.
    pub start: usize,
    /// End.
    pub end: usize,
    /// The clause.
    pub text: String,
    /// Who the text says it comes from, when it is attributed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Speaker>,
    /// The chain it came through ("ABC News", "Financial Times").
    pub via: Vec<String>,
    /// Asserted, denied or hedged.
    pub polarity: Polarity,
    /// Times the clause speaks of.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub times: Vec<TimeExpr>,
    /// Quantities in the clause.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quantities: Vec<Quantity>,
    /// Canonical names of the entities the clause mentions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<String>,
    /// Whether the text marks this as an update ("updated", "revised", "now", "rose to").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub revision_marker: bool,
    /// Whether the text marks this as the earlier state ("originally", "initial").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub original_marker: bool,
}

/// Everything the per-document analysis finds. Pure: same document, same analysis.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Analysis {
    /// Document id.
    pub doc: String,
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
    /// Entity mentions in order.
    pub mentions: Vec<Mention>,
    /// Quotes in order.
    pub quotes: Vec<Quote>,
    /// Claims in order.
    pub claims: Vec<Claim>,
    /// Time expressions in order.
    pub times: Vec<TimeExpr>,
    /// Content trouble (unresolved relative times, ...).
    pub diagnostics: Vec<Diagnostic>,
}
