//! Paywall prompts that withhold the rest of the article: "Subscribe to continue reading", "You have reached your limit of free articles".

use std::sync::LazyLock;

use super::{Rule, matches_prompt};
use crate::lexicon::Phrases;
use crate::line::Line;

static PHRASES: LazyLock<Phrases> =
    LazyLock::new(|| Phrases::parse(include_str!("../../data/paywall.txt")));

pub(crate) const RULE: Rule = Rule {
    reason: "paywall prompt",
    opens_tail: true,
    is_wall: true,
    matches,
};

fn matches(line: &Line) -> bool {
    matches_prompt(&PHRASES, line)
}
