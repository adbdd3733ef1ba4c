//! Sign-in and account forms: "Sign in", "Log into your free account", "Forgot password".

use std::sync::LazyLock;

use super::{Rule, matches_prompt};
use crate::lexicon::{Phrases, Words};
use crate::line::Line;
use crate::prose;

static PHRASES: LazyLock<Phrases> =
    LazyLock::new(|| Phrases::parse(include_str!("../../data/sign_in.txt")));
static PROVIDERS: LazyLock<Words> =
    LazyLock::new(|| Words::parse(include_str!("../../data/sign_in_providers.txt")));

/// From this many words, a sign-up line that names a third party ("Sign up for a Hulu
/// account for $11.99 a month") is read as a how-to in the article, not as the site's form.
const HOW_TO_WORDS: usize = 8;

pub(crate) const RULE: Rule = Rule {
    reason: "sign-in form",
    opens_tail: true,
    is_wall: true,
    matches,
};

fn matches(line: &Line) -> bool {
    matches_prompt(&PHRASES, line)
        && !(line.words() >= HOW_TO_WORDS
            && prose::names_someone(without_site(line.text()), |word| PROVIDERS.contains(word)))
}

/// The line without an opening "Sign in to Site": the name a form asks to sign in to is the
/// site's own ("Sign in to ORS to save stories"), not a third party a how-to names.
fn without_site(text: &str) -> &str {
    let rest = [
        "sign in to ",
        "log in to ",
        "login to ",
        "sign into ",
        "log into ",
    ]
    .into_iter()
    .find_map(|opening| {
        let written = text.get(..opening.len())?;
        written
            .eq_ignore_ascii_case(opening)
            .then(|| &text[opening.len()..])
    });
    let Some(rest) = rest else {
        return text;
    };
    if !rest.starts_with(|c: char| c.is_uppercase()) {
        return text;
    }
    rest.split_once(' ').map_or("", |(_, after)| after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_are_chrome_but_how_tos_are_prose() {
        assert!(matches(&Line::new(
            "Log into your free account with your email. Don’t have one?"
        )));
        assert!(matches(&Line::new(
            "Sign in with your Google account to keep reading this story"
        )));
        assert!(!matches(&Line::new(
            "Sign up for a Hulu ad-free account for $11.99 a month"
        )));
        assert!(matches(&Line::new(
            "Sign in to Tideline to save stories and follow topics"
        )));
        assert!(!matches(&Line::new(
            "Sign in to your Hulu account to watch the series from Friday"
        )));
    }
}
