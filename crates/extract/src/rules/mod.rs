//! The boilerplate rules, one per file, registered in [`RULES`].
//!
//! Each rule judges a line by how page chrome is written (prompts addressed to the reader,
//! labels standing alone, notices in their set wording), never by the topic of an article.
//! [`crate::boilerplate`] asks them in order; the first match gives the reason.

use crate::lexicon::Phrases;
use crate::line::Line;

mod advertisement;
mod caption;
mod comment;
mod cookie;
mod copyright;
mod credit;
mod dateline;
mod follow;
mod link;
pub(crate) mod newsletter;
mod one_time_code;
mod page_chrome;
mod paywall;
pub(crate) mod read_more;
mod retry;
mod share;
mod sign_in;
mod subscription;

/// One kind of page chrome.
pub(crate) struct Rule {
    /// Why a matching line is removed, as `Removed::reason` gives it.
    pub(crate) reason: &'static str,
    /// Whether a match near the end of a text opens a tail block of chrome: the kinds that
    /// sit in a page's footer or wall, not between paragraphs.
    pub(crate) opens_tail: bool,
    /// Whether a match near the end of a text means the article was cut by a sign-in wall
    /// or a paywall.
    pub(crate) is_wall: bool,
    /// Whether the line is this kind of chrome.
    pub(crate) matches: fn(&Line) -> bool,
}

/// Every rule, in the order they are asked: specific kinds before the general ones, so that
/// "Sign up for our newsletter" is a newsletter prompt, not a sign-in form.
pub(crate) const RULES: &[Rule] = &[
    copyright::RULE,
    credit::RULE,
    caption::RULE,
    dateline::RULE,
    advertisement::RULE,
    cookie::RULE,
    newsletter::RULE,
    one_time_code::RULE,
    paywall::RULE,
    subscription::RULE,
    sign_in::RULE,
    comment::RULE,
    follow::RULE,
    share::RULE,
    read_more::RULE,
    retry::RULE,
    page_chrome::RULE,
    link::RULE,
];

/// The first rule the line matches.
pub(crate) fn first_match(line: &Line) -> Option<&'static Rule> {
    RULES.iter().find(|rule| (rule.matches)(line))
}

/// Lines longer than this are never a prompt, whatever they open with.
const PROMPT_MAX_CHARS: usize = 200;
/// A phrase in the middle of a line counts only in lines shorter than this that speak to the
/// reader.
const ANYWHERE_MAX_CHARS: usize = 160;

/// The usual test of a phrase list: the line is or opens with a listed phrase, or holds one
/// while speaking to the reader; and it is short, as prompts are.
fn matches_prompt(phrases: &Phrases, line: &Line) -> bool {
    line.chars() < PROMPT_MAX_CHARS
        && (phrases.matches_opening(line)
            || (line.chars() < ANYWHERE_MAX_CHARS
                && phrases.matches_anywhere(line)
                && line.is_addressed_to_reader()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(text: &str) -> Option<&'static str> {
        first_match(&Line::new(text)).map(|rule| rule.reason)
    }

    #[test]
    fn specific_kinds_win_over_general_ones() {
        assert_eq!(
            reason("Sign up for our newsletter"),
            Some("newsletter prompt")
        );
        assert_eq!(reason("Sign up"), Some("sign-in form"));
        assert_eq!(
            reason("Check your email for a one-time code."),
            Some("one-time code prompt")
        );
    }
}
