//! The plain-text boilerplate filter: page chrome out of scraped text, one paragraph a line.

use dossier_model::Removed;
use serde::Serialize;

use crate::line::Line;
use crate::{newsletter_heading, prose, rules};

/// Lines at least this long are article text even inside a tail block.
const TAIL_LINE_MAX_CHARS: usize = 160;
/// The last this many lines always count as the end of a text, however short it is.
const TAIL_MIN_LINES: usize = 10;
/// A line ending the text with a colon is a label of what was left out when it is at most
/// this long (bytes).
const DANGLING_LABEL_MAX: usize = 120;
/// Why such a line is removed.
const DANGLING_LABEL: &str = "label of nothing";

/// Scraped text with its page chrome removed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Cleaned {
    /// The kept paragraphs, one a line, joined by `\n`.
    pub text: String,
    /// Every removed line, in text order, with why.
    pub removed: Vec<Removed>,
    /// Whether the text ends in a sign-in wall or paywall, so the article is likely cut short.
    pub truncated: bool,
}

/// Removes page chrome from scraped article text, one paragraph a line.
///
/// Lines are trimmed, runs of spaces and tabs collapsed, empty lines dropped; kept lines are
/// otherwise unchanged. A line is removed when a rule recognises how it is written (a prompt
/// addressed to the reader, a label standing alone, a notice in its set wording) and it shows
/// no sign of article prose (a quotation, reported speech, a long sentence). Once a strong kind
/// of chrome (sign-in, one-time code, paywall, newsletter, cookie, copyright, comments, follow
/// us, an error message) appears in the last part of the text, the short lines after it that
/// do not read as prose go with it, under its reason; the first line that reads as article
/// text ends that block.
///
/// ```
/// let cleaned = dossier_extract::clean_text(
///     "Rain is expected on Friday, forecasters said.\nSign in\nCheck your email for a code.",
/// );
/// assert_eq!(cleaned.text, "Rain is expected on Friday, forecasters said.");
/// assert_eq!(cleaned.removed.len(), 2);
/// assert!(cleaned.truncated);
/// ```
pub fn clean_text(text: &str) -> Cleaned {
    let lines: Vec<String> = text
        .lines()
        .map(normalise_line)
        .filter(|line| !line.is_empty())
        .collect();
    let count = lines.len();
    let mut reasons: Vec<Option<&'static str>> = Vec::with_capacity(count);
    let mut cleaned = Cleaned::default();
    let mut tail_block: Option<&'static str> = None;
    for (index, text) in lines.iter().enumerate() {
        let line = Line::new(text);
        let in_tail = index * 2 >= count || count - index <= TAIL_MIN_LINES;
        let rule = if prose::is_protected(&line) && !rules::read_more::opens_link(&line) {
            None
        } else {
            rules::first_match(&line)
        };
        let reason = match (rule, tail_block) {
            (Some(rule), _) => {
                if in_tail && rule.opens_tail {
                    tail_block = Some(rule.reason);
                }
                cleaned.truncated |= in_tail && rule.is_wall;
                Some(rule.reason)
            }
            (None, Some(block))
                if line.chars() < TAIL_LINE_MAX_CHARS && !prose::looks_like_prose(&line) =>
            {
                Some(block)
            }
            (None, _) => None,
        };
        if reason.is_none() {
            tail_block = None;
        }
        reasons.push(reason);
    }
    // The heading of a newsletter box ("Get the Ledger Morning Briefing") reads as a headline
    // on its own; the prompt right after it shows what it is.
    for index in (0..count.saturating_sub(1)).rev() {
        let opens_box = reasons[index + 1] == Some(rules::newsletter::RULE.reason);
        if opens_box
            && reasons[index].is_none()
            && newsletter_heading::is_heading(&Line::new(&lines[index]))
        {
            reasons[index] = Some(rules::newsletter::RULE.reason);
        }
    }
    // A short line that ends the text with a colon ("Tags:", "Read next:", "More on the
    // outbreak in the region:") introduces what followed it on the page, which the text no
    // longer holds: links, a list of stories, a share bar.
    for index in (0..count).rev() {
        if reasons[index].is_some() {
            continue;
        }
        let text = lines[index].as_str();
        if text.len() > DANGLING_LABEL_MAX || !text.ends_with(':') {
            break;
        }
        reasons[index] = Some(DANGLING_LABEL);
    }
    let mut kept: Vec<&str> = Vec::with_capacity(count);
    for (text, reason) in lines.iter().zip(reasons) {
        match reason {
            Some(reason) => cleaned.removed.push(Removed {
                text: text.clone(),
                reason: reason.to_string(),
            }),
            None => kept.push(text),
        }
    }
    cleaned.text = kept.join("\n");
    cleaned
}

/// Trims the line and collapses each run of spaces and tabs to one space.
fn normalise_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut in_gap = false;
    for c in line.trim().chars() {
        if c == ' ' || c == '\t' {
            in_gap = true;
            continue;
        }
        if in_gap {
            out.push(' ');
            in_gap = false;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_collapses_spaces_and_tabs_only() {
        assert_eq!(normalise_line("  a \t b\u{a0}c  "), "a b\u{a0}c");
    }

    #[test]
    fn walls_mark_the_text_cut_but_offers_do_not() {
        let body = "The plan was approved on Monday after a long debate, officials said.";
        assert!(clean_text(&format!("{body}\nSubscribe to continue reading.")).truncated);
        assert!(clean_text(&format!("{body}\nSign in\nEnter the pin.")).truncated);
        assert!(!clean_text(&format!("{body}\nSubscribe to our YouTube channel")).truncated);
        assert!(!clean_text(body).truncated);
    }

    #[test]
    fn a_read_more_link_whose_headline_reads_as_speech_is_chrome() {
        let text = "First paragraph of the story, which runs on for a while, officials said.\n\
                    Read more: Curfew rules explained: what you can and cannot do | News";
        let cleaned = clean_text(text);
        assert_eq!(cleaned.removed.len(), 1, "{:?}", cleaned.removed);
        assert!(!cleaned.text.contains("Read more"));
    }

    #[test]
    fn a_tail_block_ends_at_article_text() {
        let text = "First paragraph of the story, which runs on for a while, officials said.\n\
            Sign in\nOur picks\nThe second half of the story continues here with a long sentence \
            that no reader would take for a button.\nOur picks";
        let cleaned = clean_text(text);
        let removed: Vec<&str> = cleaned.removed.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(removed, ["Sign in", "Our picks"]);
        assert!(cleaned.text.ends_with("Our picks"));
    }

    #[test]
    fn a_label_left_at_the_end_introduces_nothing() {
        let body = "The plan was approved on Monday after a long debate, officials said.";
        let cleaned = clean_text(&format!("{body}\nMore from the council:\nTags:"));
        assert_eq!(cleaned.text, body);
        assert_eq!(cleaned.removed.len(), 2);
        assert!(cleaned.removed.iter().all(|r| r.reason == DANGLING_LABEL));
        // A colon inside the text introduces what follows it.
        let list = format!("{body}\nThe council listed three reasons:\nCost, delay and risk.");
        assert_eq!(clean_text(&list).text, list);
    }

    #[test]
    fn closing_notices_of_news_sites_are_chrome() {
        let body = "The plan was approved on Monday after a long debate, officials said.";
        let tail = [
            (
                "To read the full story, please subscribe to The Ledger.",
                "paywall prompt",
            ),
            (
                "If you are already a subscriber, log in for access.",
                "subscription prompt",
            ),
            (
                "This article is the copyrighted property of The Ledger.",
                "copyright line",
            ),
            (
                "Written permission must be obtained before reprint in any media.",
                "copyright line",
            ),
        ];
        for (line, reason) in tail {
            let cleaned = clean_text(&format!("{body}\n{line}"));
            let removed: Vec<(&str, &str)> = cleaned
                .removed
                .iter()
                .map(|r| (r.text.as_str(), r.reason.as_str()))
                .collect();
            assert_eq!(removed, [(line, reason)]);
        }
    }
}
