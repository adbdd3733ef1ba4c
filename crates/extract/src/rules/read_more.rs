//! Read-more and related-link lines: "Read more: ...", "Related:", "Click here".

use std::sync::LazyLock;

use super::{Rule, matches_prompt};
use crate::lexicon::Phrases;
use crate::line::Line;

static PHRASES: LazyLock<Phrases> =
    LazyLock::new(|| Phrases::parse(include_str!("../../data/read_more.txt")));

pub(crate) const RULE: Rule = Rule {
    reason: "read more link",
    opens_tail: false,
    is_wall: false,
    matches,
};

fn matches(line: &Line) -> bool {
    matches_prompt(&PHRASES, line)
}

/// Whether the line opens as a link box does ("Read more: ...", "Related:"): such a line is
/// chrome even when its linked headline reads as reported speech ("Notices explained: ...").
pub(crate) fn opens_link(line: &Line) -> bool {
    line.chars() < super::PROMPT_MAX_CHARS && PHRASES.matches_opening(line)
}
