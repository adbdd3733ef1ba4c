//! "Follow us" prompts: "Follow us on Facebook, X and Instagram", "Follow CNN on Threads".

use std::sync::LazyLock;

use super::{Rule, share};
use crate::lexicon::{Phrases, starts_with_word};
use crate::line::Line;

static PHRASES: LazyLock<Phrases> =
    LazyLock::new(|| Phrases::parse(include_str!("../../data/follow.txt")));

/// Follow prompts are short; a longer line opening with "Follow" is a sentence.
const MAX_CHARS: usize = 120;

pub(crate) const RULE: Rule = Rule {
    reason: "follow us",
    opens_tail: true,
    is_wall: false,
    matches,
};

fn matches(line: &Line) -> bool {
    line.chars() < MAX_CHARS
        && (PHRASES.matches_opening(line)
            || (starts_with_word(line.folded(), "follow")
                && line.folded_words().any(share::is_network)))
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
    }
}
