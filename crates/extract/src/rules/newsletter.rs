//! Newsletter sign-up prompts: "Sign up for our daily briefing", "Delivered to your inbox".

use std::sync::LazyLock;

use super::{Rule, matches_prompt};
use crate::lexicon::Phrases;
use crate::line::Line;

static PHRASES: LazyLock<Phrases> =
    LazyLock::new(|| Phrases::parse(include_str!("../../data/newsletter.txt")));

pub(crate) const RULE: Rule = Rule {
    reason: "newsletter prompt",
    opens_tail: true,
    is_wall: false,
    matches,
};

fn matches(line: &Line) -> bool {
    matches_prompt(&PHRASES, line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_box_that_ends_in_its_button_is_a_prompt() {
        assert!(matches(&Line::new(
            "Get the Harbour Daily Brief – the day’s filings, free every weekday morning. Subscribe"
        )));
        assert!(matches(&Line::new(
            "The Ledger briefing, every Friday | Sign up"
        )));
        // A sentence of the story that ends in the verb is no box.
        assert!(!matches(&Line::new(
            "Readers who want the full data can ask the council to subscribe"
        )));
    }
}
