//! Share bars: "Share this article", "Share on Facebook", or a line made only of network names
//! and button labels ("Facebook Twitter Email Copy link").

use std::sync::LazyLock;

use super::Rule;
use crate::lexicon::{Phrases, Words};
use crate::line::Line;

static PHRASES: LazyLock<Phrases> =
    LazyLock::new(|| Phrases::parse(include_str!("../../data/share.txt")));
static NETWORKS: LazyLock<Words> =
    LazyLock::new(|| Words::parse(include_str!("../../data/social_networks.txt")));
static LABELS: LazyLock<Words> =
    LazyLock::new(|| Words::parse(include_str!("../../data/share_labels.txt")));

/// Share bars are short; a longer line opening with "Share" is a sentence.
const MAX_CHARS: usize = 100;
/// A list of buttons longer than this is not a share bar.
const MAX_WORDS: usize = 12;

pub(crate) const RULE: Rule = Rule {
    reason: "share buttons",
    opens_tail: false,
    is_wall: false,
    matches,
};

fn matches(line: &Line) -> bool {
    line.chars() < MAX_CHARS && (PHRASES.matches_opening(line) || is_button_list(line))
}

/// Whether every word of the line is a network name or a button label, and one is a network
/// or a button ("Facebook, X and Instagram"; "Email Print").
fn is_button_list(line: &Line) -> bool {
    if line.words() > MAX_WORDS || (line.text().contains(['.', '?', '!']) && line.words() > 3) {
        return false;
    }
    let mut has_button = false;
    for word in line.folded_words() {
        if NETWORKS.contains(word) {
            has_button = true;
        } else if LABELS.contains(word) {
            has_button |= word.len() > 3;
        } else {
            return false;
        }
    }
    has_button
}

/// Whether the word names a social network.
pub(super) fn is_network(word: &str) -> bool {
    NETWORKS.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn button_lists_are_only_names_and_labels() {
        assert!(matches(&Line::new("Facebook Twitter Email")));
        assert!(matches(&Line::new("Share on WhatsApp")));
        assert!(!matches(&Line::new("Share prices fell 3% on Tuesday.")));
        assert!(!matches(&Line::new("X and Y")));
    }
}
