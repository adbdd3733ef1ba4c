//! One-time code and PIN prompts: "Check your email for a one-time code", "Enter the pin".

use std::sync::LazyLock;

use super::{Rule, matches_prompt};
use crate::lexicon::Phrases;
use crate::line::Line;

static PHRASES: LazyLock<Phrases> =
    LazyLock::new(|| Phrases::parse(include_str!("../../data/one_time_code.txt")));

pub(crate) const RULE: Rule = Rule {
    reason: "one-time code prompt",
    opens_tail: true,
    is_wall: true,
    matches,
};

fn matches(line: &Line) -> bool {
    matches_prompt(&PHRASES, line)
}
