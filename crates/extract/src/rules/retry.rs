//! Error and retry messages of page widgets: "Let's try this again.", "Something went wrong".

use std::sync::LazyLock;

use super::{Rule, matches_prompt};
use crate::lexicon::Phrases;
use crate::line::Line;

static PHRASES: LazyLock<Phrases> =
    LazyLock::new(|| Phrases::parse(include_str!("../../data/retry.txt")));

pub(crate) const RULE: Rule = Rule {
    reason: "page chrome",
    opens_tail: true,
    is_wall: false,
    matches,
};

fn matches(line: &Line) -> bool {
    matches_prompt(&PHRASES, line)
}
