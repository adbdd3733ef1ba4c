//! "Follow us" prompts: "Follow us on Facebook, X and Instagram", "Follow CNN on Threads".

use std::sync::LazyLock;

use super::{Rule, share};
use crate::lexicon::{Phrases, starts_with_word};
use crate::line::Line;

static PHRASES: LazyLock<Phrases> =
    LazyLock::new(|| Phrases::parse(include_str!("../../data/follow.txt")));

/// Follow prompts are short; a longer line opening with "Follow" is a sentence, unless it
/// names several networks ("Follow The Ledger on X and Instagram @ledger and on Facebook
/// @theledger. Send us a message on WhatsApp …").
const MAX_CHARS: usize = 120;
const MAX_CHARS_LISTING_NETWORKS: usize = 300;

pub(crate) const RULE: Rule = Rule {
    reason: "follow us",
    opens_tail: true,
    is_wall: false,
    matches,
};

fn matches(line: &Line) -> bool {
    let networks = || {
        line.folded_words()
            .filter(|word| share::is_network(word))
            .count()
    };
    let opens_with_follow = starts_with_word(line.folded(), "follow");
    (line.chars() < MAX_CHARS
        && (PHRASES.matches_opening(line) || (opens_with_follow && networks() > 0)))
        || (line.chars() < MAX_CHARS_LISTING_NETWORKS && opens_with_follow && networks() > 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follow_prompts_name_a_network() {
        assert!(matches(&Line::new(
            "Follow us on Facebook, X and Instagram"
        )));
        assert!(matches(&Line::new("Follow Example News on Threads")));
        assert!(!matches(&Line::new("Follow the money, investigators say.")));
        assert!(matches(&Line::new(
            "Follow The Ledger on X and Instagram @theledger and on Facebook @ledgernews. \
             Send us a message on WhatsApp or email us at news@ledger.example."
        )));
        assert!(!matches(&Line::new(
            "Follow-up reports on Facebook said the council had met again on Tuesday, \
             and that the mayor had agreed to a second vote before the end of the month, \
             officials said."
        )));
    }
}
