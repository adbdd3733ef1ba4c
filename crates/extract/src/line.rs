//! One line of text as the boilerplate rules see it.

use std::sync::LazyLock;

use crate::lexicon::Words;

static SECOND_PERSON: LazyLock<Words> =
    LazyLock::new(|| Words::parse(include_str!("../data/second_person.txt")));
static IMPERATIVES: LazyLock<Words> =
    LazyLock::new(|| Words::parse(include_str!("../data/imperatives.txt")));

/// Characters that mark list items, links and icons before the words of a line.
const LEADING_MARKS: &[char] = &[
    '•', '·', '*', '›', '»', '>', '|', '-', '▶', '►', '→', '#', '+', '■', '▪', '◦',
];
/// Characters that trail labels and links after the words of a line.
const TRAILING_MARKS: &[char] = &[
    '.', ':', '!', '?', '…', '›', '»', '>', '|', '-', '*', '→', '▶', '►', '+',
];

/// A normalised line with the views the rules need.
pub(crate) struct Line<'a> {
    text: &'a str,
    folded: String,
    bare_len: usize,
    words: usize,
    chars: usize,
}

impl<'a> Line<'a> {
    /// Views a normalised line (trimmed, spaces collapsed).
    pub(crate) fn new(text: &'a str) -> Self {
        let folded_full = fold(text);
        let folded = folded_full
            .trim_start_matches(|c: char| c.is_whitespace() || LEADING_MARKS.contains(&c))
            .to_string();
        let bare_len = folded
            .trim_end_matches(|c: char| c.is_whitespace() || TRAILING_MARKS.contains(&c))
            .len();
        Line {
            text,
            words: text.split_whitespace().count(),
            chars: text.chars().count(),
            folded,
            bare_len,
        }
    }

    /// The line as written.
    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// Lowercased, quotes and dashes folded to ASCII, leading list marks removed.
    pub(crate) fn folded(&self) -> &str {
        &self.folded
    }

    /// [`Line::folded`] without trailing punctuation and arrows.
    pub(crate) fn bare(&self) -> &str {
        &self.folded[..self.bare_len]
    }

    /// Number of whitespace-separated words.
    pub(crate) fn words(&self) -> usize {
        self.words
    }

    /// Number of characters.
    pub(crate) fn chars(&self) -> usize {
        self.chars
    }

    /// The lowercase words of the folded line, split on anything but letters, digits and
    /// apostrophes.
    pub(crate) fn folded_words(&self) -> impl Iterator<Item = &str> {
        self.folded
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .filter(|word| !word.is_empty())
    }

    /// Whether the line speaks to the reader: a second-person word, "please", or a prompt verb
    /// or site voice ("we sent", "let's") at its start. Page chrome does; article prose rarely
    /// does outside quotes.
    pub(crate) fn is_addressed_to_reader(&self) -> bool {
        let mut words = self.folded_words();
        let opens_as_prompt = words
            .next()
            .is_some_and(|first| IMPERATIVES.contains(first));
        opens_as_prompt || self.folded_words().any(|word| SECOND_PERSON.contains(word))
    }
}

/// Lowercases and folds typographic quotes, apostrophes, dashes and no-break spaces to their
/// ASCII forms, so that one phrase in a data file matches every way a page prints it.
pub(crate) fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' | '`' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => '"',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            '\u{00a0}' | '\u{2009}' | '\u{202f}' => ' ',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_typography_and_marks() {
        let line = Line::new("› Don’t have one? »");
        assert_eq!(line.folded(), "don't have one? »");
        assert_eq!(line.bare(), "don't have one");
        assert_eq!(line.words(), 5);
    }

    #[test]
    fn reader_address_comes_from_second_person_or_prompt_openers() {
        assert!(Line::new("Enter the pin to confirm.").is_addressed_to_reader());
        assert!(Line::new("Check your email for a code.").is_addressed_to_reader());
        assert!(!Line::new("The code was leaked on Monday.").is_addressed_to_reader());
    }
}
