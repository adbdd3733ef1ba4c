//! Lone link-like lines: a bare URL, domain, e-mail address or handle, or a short label ending
//! in an arrow ("More news »").

use super::Rule;
use crate::line::Line;

/// An arrowed label longer than this is not a link.
const ARROW_MAX_WORDS: usize = 6;

pub(crate) const RULE: Rule = Rule {
    reason: "page chrome",
    opens_tail: false,
    is_wall: false,
    matches,
};

fn matches(line: &Line) -> bool {
    let text = line.text();
    if line.words() == 1 {
        let token = text.trim_end_matches(['/', '»', '›']);
        return is_url(token) || is_domain(token) || is_email(token) || is_handle(token);
    }
    line.words() <= ARROW_MAX_WORDS && text.ends_with(['»', '›', '→'])
}

fn is_url(token: &str) -> bool {
    let lower = token.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.")
}

/// `example.com`, `bbc.co.uk/news`: labels of letters, digits and hyphens, a last label of two
/// to six letters.
fn is_domain(token: &str) -> bool {
    let host = token.split('/').next().unwrap_or("");
    let labels: Vec<&str> = host.split('.').collect();
    let Some((last, rest)) = labels.split_last() else {
        return false;
    };
    !rest.is_empty()
        && (2..=6).contains(&last.len())
        && last.bytes().all(|b| b.is_ascii_lowercase())
        && rest.iter().all(|label| {
            label.len() >= 2
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

fn is_email(token: &str) -> bool {
    match token.split_once('@') {
        Some((user, host)) => !user.is_empty() && is_domain(&host.to_ascii_lowercase()),
        None => false,
    }
}

fn is_handle(token: &str) -> bool {
    token.strip_prefix('@').is_some_and(|name| {
        !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_links_are_chrome_but_abbreviations_are_not() {
        assert!(matches(&Line::new("https://example.com/story")));
        assert!(matches(&Line::new("example.co.uk")));
        assert!(matches(&Line::new("news@example.com")));
        assert!(matches(&Line::new("@ExampleNews")));
        assert!(matches(&Line::new("More world news »")));
        assert!(!matches(&Line::new("U.S.")));
        assert!(!matches(&Line::new("Mr.")));
    }
}
