//! Comment-section prompts: "Leave a comment", "Join the conversation", "12 comments".

use std::sync::LazyLock;

use super::{Rule, matches_prompt};
use crate::lexicon::Phrases;
use crate::line::Line;

static PHRASES: LazyLock<Phrases> =
    LazyLock::new(|| Phrases::parse(include_str!("../../data/comment.txt")));

pub(crate) const RULE: Rule = Rule {
    reason: "comment prompt",
    opens_tail: true,
    is_wall: false,
    matches,
};

fn matches(line: &Line) -> bool {
    matches_prompt(&PHRASES, line) || is_comment_count(line.bare())
}

/// "12 comments", "1 comment".
fn is_comment_count(bare: &str) -> bool {
    bare.split_once(' ').is_some_and(|(count, noun)| {
        !count.is_empty()
            && count.bytes().all(|b| b.is_ascii_digit())
            && (noun == "comments" || noun == "comment")
    })
}
