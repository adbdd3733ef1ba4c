//! Navigation and page-furniture labels standing alone on a line: "Menu", "Back to top", "Privacy policy".

use std::sync::LazyLock;

use super::{Rule, matches_prompt};
use crate::lexicon::Phrases;
use crate::line::Line;

static PHRASES: LazyLock<Phrases> =
    LazyLock::new(|| Phrases::parse(include_str!("../../data/page_chrome.txt")));

pub(crate) const RULE: Rule = Rule {
    reason: "page chrome",
    opens_tail: false,
    is_wall: false,
    matches,
};

fn matches(line: &Line) -> bool {
    matches_prompt(&PHRASES, line)
}
