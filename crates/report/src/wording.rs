//! Small pieces of English both readable renderings use, so the Markdown and the HTML say the
//! same thing the same way.

use dossier_model::Verdict;

/// Every verdict, in the order the legend lists them.
pub(crate) const VERDICTS: [Verdict; 5] = [
    Verdict::Corroborated,
    Verdict::Conflict,
    Verdict::Revision,
    Verdict::Partial,
    Verdict::SingleSource,
];

/// One short clause on what the verdict says about the fact.
pub(crate) fn meaning(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Corroborated => "independent sources say the same",
        Verdict::Conflict => "sources disagree",
        Verdict::Revision => "a text or a later report marks a change",
        Verdict::Partial => "sources overlap but do not say the same",
        Verdict::SingleSource => "only one source says it",
    }
}

/// A count with its noun: `1 story`, `3 stories`.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}
