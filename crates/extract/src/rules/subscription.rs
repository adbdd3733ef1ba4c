//! Subscription offers: "Subscribe", "Become a member", "Support our journalism".

use std::sync::LazyLock;

use super::{Rule, matches_prompt};
use crate::lexicon::Phrases;
use crate::line::Line;

static PHRASES: LazyLock<Phrases> =
    LazyLock::new(|| Phrases::parse(include_str!("../../data/subscription.txt")));

pub(crate) const RULE: Rule = Rule {
    reason: "subscription prompt",
    opens_tail: true,
    is_wall: false,
    matches,
};

fn matches(line: &Line) -> bool {
    matches_prompt(&PHRASES, line)
}
