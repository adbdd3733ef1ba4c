//! The verdict on a group of aligned statements, with what differs and a one-sentence why.

use dossier_model::{Polarity, Verdict};

use crate::AlignConfig;
use crate::features::Features;

/// A verdict with its difference and explanation.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    /// The verdict.
    pub verdict: Verdict,
    /// What differs, for conflicts and revisions.
    pub difference: Option<String>,
    /// One sentence on why.
    pub explanation: String,
}

fn sources(n: usize) -> String {
    if n == 1 {
        "one source".to_string()
    } else {
        format!("{n} independent sources")
    }
}

/// Judges a group of statements from `documents` distinct documents whose pairwise
/// similarities are `scores` (pairs across documents only).
pub fn judge(
    items: &[&Features],
    scores: &[f64],
    independent: usize,
    outlets: usize,
    config: &AlignConfig,
) -> Judgement {
    if outlets <= 1 {
        return Judgement {
            verdict: Verdict::SingleSource,
            difference: None,
            explanation: "Only one outlet reports this; no other document in the story carries it."
                .to_string(),
        };
    }
    let weakest = scores.iter().copied().fold(f64::INFINITY, f64::min);
    let strongest = scores.iter().copied().fold(0.0, f64::max);
    // A number that differs for the same counted thing.
    for (i, a) in items.iter().enumerate() {
        for b in &items[i + 1..] {
            for (va, ua) in &a.numbers {
                for (vb, ub) in &b.numbers {
                    if ua.is_empty() || ua != ub || (va - vb).abs() < 1e-9 {
                        continue;
                    }
                    let marked = items.iter().any(|f| f.revision || f.original);
                    if marked {
                        return Judgement {
                            verdict: Verdict::Revision,
                            difference: Some("number".to_string()),
                            explanation: format!(
                                "The {ua} count changes from {va} to {vb}, and the text marks one figure as the earlier or the updated one."
                            ),
                        };
                    }
                    if strongest >= config.conflict_threshold {
                        return Judgement {
                            verdict: Verdict::Conflict,
                            difference: Some("number".to_string()),
                            explanation: format!(
                                "The reports give different figures for the same {ua} count ({va} against {vb}) and neither marks it as an update."
                            ),
                        };
                    }
                }
            }
        }
    }
    // The same quoted words given to two different named people.
    for (i, a) in items.iter().enumerate() {
        for b in &items[i + 1..] {
            if a.is_quote && b.is_quote && a.words == b.words
                && let (Some(x), Some(y)) = (&a.speaker, &b.speaker)
                    && x != y {
                        return Judgement {
                            verdict: Verdict::Conflict,
                            difference: Some("speaker".to_string()),
                            explanation: format!(
                                "The same words are attributed to {x} in one report and to {y} in another."
                            ),
                        };
                    }
        }
    }
    // One asserts what another denies.
    let positive = items
        .iter()
        .any(|f| f.polarity == Polarity::Positive && !f.is_quote);
    let negative = items.iter().any(|f| f.polarity == Polarity::Negative);
    if positive && negative {
        if strongest >= config.conflict_threshold {
            return Judgement {
                verdict: Verdict::Conflict,
                difference: Some("polarity".to_string()),
                explanation: "One report asserts what another denies or stops short of asserting."
                    .to_string(),
            };
        }
        return Judgement {
            verdict: Verdict::Partial,
            difference: Some("polarity".to_string()),
            explanation: "The reports overlap, but one is negated or hedged; too loosely matched to call a conflict.".to_string(),
        };
    }
    if weakest >= config.corroborate_threshold {
        let all_quotes = items.iter().all(|f| f.is_quote);
        let explanation = if all_quotes {
            format!(
                "{} carry the same quoted words.",
                capitalise(&sources(independent))
            )
        } else {
            format!(
                "{} report the same fact in their own words.",
                capitalise(&sources(independent))
            )
        };
        return Judgement {
            verdict: Verdict::Corroborated,
            difference: None,
            explanation,
        };
    }
    Judgement {
        verdict: Verdict::Partial,
        difference: Some("detail".to_string()),
        explanation: "The reports overlap on this fact, but each adds or leaves out details the other does not have.".to_string(),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
