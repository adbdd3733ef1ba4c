//! Captions and credits: "Photo: Jane Doe, AP", "(Image credit: NASA)", "Image 3 of 5",
//! "(Reporting by Ann Lee; editing by Bo Chen)".

use std::sync::LazyLock;

use super::Rule;
use crate::lexicon::Phrases;
use crate::line::Line;

static PHRASES: LazyLock<Phrases> =
    LazyLock::new(|| Phrases::parse(include_str!("../../data/caption.txt")));
static AGENCIES: LazyLock<Vec<String>> = LazyLock::new(|| {
    include_str!("../../data/picture_agencies.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_string)
        .collect()
});
/// A picture credit naming an agency has at most this many words.
const CREDIT_MAX_WORDS: usize = 10;

/// Captions and credits are short; a longer line is a paragraph.
const MAX_WORDS: usize = 30;
/// Words that name a picture in a gallery counter ("Image 3 of 5", "Bild 2 von 9").
const PICTURE_WORDS: &[&str] = &[
    "image", "photo", "picture", "slide", "bild", "foto", "imagen",
];
/// Words between the two numbers of a gallery counter.
const COUNTER_WORDS: &[&str] = &["of", "von", "de", "sur", "di", "/"];

pub(crate) const RULE: Rule = Rule {
    reason: "caption or credit",
    opens_tail: false,
    is_wall: false,
    matches,
};

fn matches(line: &Line) -> bool {
    line.words() <= MAX_WORDS
        && (PHRASES.matches_opening(line)
            || PHRASES.matches_anywhere(line)
            || is_gallery_counter(line)
            || is_agency_credit(line))
}

/// "Michael Conroy, AP", "Getty Images", "Biplov Bhuyan/Hindustan Times/Getty Images": a short
/// line, not a sentence, whose last part after a comma or slash names a picture agency.
fn is_agency_credit(line: &Line) -> bool {
    let bare = line.bare();
    if line.words() > CREDIT_MAX_WORDS || line.text().trim_end().ends_with(['.', '?', '!']) {
        return false;
    }
    let last = bare.rsplit([',', '/', '|']).next().unwrap_or(bare).trim();
    AGENCIES.iter().any(|agency| agency == last)
}

/// "Image 3 of 5": a picture word, a number, a counter word, a number, and nothing else.
fn is_gallery_counter(line: &Line) -> bool {
    let words: Vec<&str> = line.bare().split_whitespace().collect();
    let is_number = |word: &str| !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit());
    matches!(words.as_slice(), [picture, first, of, second]
        if PICTURE_WORDS.contains(picture)
            && is_number(first)
            && COUNTER_WORDS.contains(of)
            && is_number(second))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_and_credits_are_short_labelled_lines() {
        assert!(matches(&Line::new("Photo: Damian Dovarganes, AP")));
        assert!(matches(&Line::new("(Image credit: Sierra Nevada Corp.)")));
        assert!(matches(&Line::new("Image 3 of 5")));
        assert!(matches(&Line::new(
            "(Reporting by Greg Roumeliotis; editing by Martin Howell.)"
        )));
        assert!(!matches(&Line::new(
            "Photography is a passion for many people."
        )));
        assert!(!matches(&Line::new("Image 3 shows the crater")));
        assert!(matches(&Line::new("Michael Conroy, AP")));
        assert!(matches(&Line::new(
            "Biplov Bhuyan/Hindustan Times/Getty Images"
        )));
        assert!(matches(&Line::new(
            "Keith Bradsher contributed reporting from Hong Kong."
        )));
        assert!(!matches(&Line::new("The deal was reported by Reuters.")));
    }
}
