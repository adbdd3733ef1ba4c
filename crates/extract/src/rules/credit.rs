//! Picture credits: a short line holding "©" ("© Reuters", "Photos © Inexhibit, 2018").

use super::Rule;
use crate::line::Line;

/// A line holding "©" with at most this many words is a credit.
const MAX_WORDS: usize = 20;

pub(crate) const RULE: Rule = Rule {
    reason: "picture credit",
    opens_tail: false,
    is_wall: false,
    matches,
};

fn matches(line: &Line) -> bool {
    line.words() <= MAX_WORDS && line.folded().contains('©')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_are_short_lines_with_the_sign() {
        assert!(matches(&Line::new("© Reuters")));
        assert!(matches(&Line::new(
            "(Image: © NASA/ESA/K. Retherford/SWRI)"
        )));
        assert!(!matches(&Line::new("No sign here")));
    }
}
