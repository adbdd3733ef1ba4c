//! Advertisement slots and their labels: "Advertisement", "Story continues below advertisement".

use std::sync::LazyLock;

use super::{Rule, matches_prompt};
use crate::lexicon::Phrases;
use crate::line::Line;

static PHRASES: LazyLock<Phrases> =
    LazyLock::new(|| Phrases::parse(include_str!("../../data/advertisement.txt")));

pub(crate) const RULE: Rule = Rule {
    reason: "advertisement",
    opens_tail: false,
    is_wall: false,
    matches,
};

fn matches(line: &Line) -> bool {
    matches_prompt(&PHRASES, line)
}
