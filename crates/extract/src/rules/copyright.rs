//! Copyright and reuse notices: "© 2025 Example Media", "Copyright 2019 The Associated Press.
//! All rights reserved." A "©" without a year or set wording is a credit (see `credit.rs`).

use std::sync::LazyLock;

use super::Rule;
use crate::lexicon::{Phrases, starts_with_word};
use crate::line::Line;

static PHRASES: LazyLock<Phrases> =
    LazyLock::new(|| Phrases::parse(include_str!("../../data/copyright.txt")));

/// Notices are short; longer lines that mention copyright are articles about it.
const MAX_CHARS: usize = 250;

pub(crate) const RULE: Rule = Rule {
    reason: "copyright line",
    opens_tail: true,
    is_wall: false,
    matches,
};

fn matches(line: &Line) -> bool {
    if line.chars() >= MAX_CHARS {
        return false;
    }
    let folded = line.folded();
    let opens_with_sign = folded.starts_with('©') || folded.starts_with("(c)");
    let opens_with_word = starts_with_word(folded, "copyright");
    let is_year = |word: &str| word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit());
    let dated = line.folded_words().take(6).any(is_year);
    // "Copyright 2025 ...", "Copyright © ...", "Copyright (c) ...": the word, then the mark.
    let marked_after_word = folded
        .strip_prefix("copyright")
        .is_some_and(|rest| rest.trim_start().starts_with(['©', '(', '@']))
        || line.folded_words().nth(1).is_some_and(is_year);
    (opens_with_sign && dated)
        || (opens_with_word && marked_after_word)
        || PHRASES.matches_anywhere(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_carry_a_year_or_set_wording() {
        assert!(matches(&Line::new("© 2025 Example Media")));
        assert!(matches(&Line::new("Copyright © Example Media")));
        assert!(matches(&Line::new(
            "Copyright 2025 Example Media. All rights reserved."
        )));
        assert!(!matches(&Line::new("Copyright law was rewritten in 2019.")));
        assert!(!matches(&Line::new("© Reuters")));
    }
}
