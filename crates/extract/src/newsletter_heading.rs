//! The heading of a newsletter sign-up box: "Get the Ledger Morning Briefing", "The Daily
//! Digest". Alone it reads like a headline; it is removed only right before a newsletter
//! prompt (see `boilerplate.rs`).

use std::sync::LazyLock;

use crate::lexicon::Words;
use crate::line::Line;
use crate::prose;

static NAMES: LazyLock<Words> =
    LazyLock::new(|| Words::parse(include_str!("../data/newsletter_names.txt")));

/// A heading has at most this many words.
const MAX_WORDS: usize = 10;

/// Whether the line reads as the heading of a newsletter box: short, not a sentence, not
/// prose, and naming a newsletter ("briefing", "digest", "newsletter").
pub(crate) fn is_heading(line: &Line) -> bool {
    let text = line.text().trim_end_matches([':', '!']);
    line.words() <= MAX_WORDS
        && !text.ends_with(['.', '?', ','])
        && !prose::looks_like_prose(line)
        && line.folded_words().any(|word| NAMES.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_name_a_newsletter() {
        assert!(is_heading(&Line::new("Get the Ledger Morning Briefing")));
        assert!(is_heading(&Line::new("The Daily Digest")));
        assert!(!is_heading(&Line::new("Fire crews returned on Tuesday")));
        assert!(!is_heading(&Line::new(
            "The minister gave her morning briefing at nine, aides said."
        )));
    }
}
