//! Word and phrase lists read from the data files under `data/`.

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::line::Line;

/// The entries of a data file: one a line, `#` lines are comments.
fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|entry| !entry.is_empty() && !entry.starts_with('#'))
}

/// A set of lowercase words.
pub(crate) struct Words(HashSet<String>);

impl Words {
    /// Reads a data file of one word a line.
    pub(crate) fn parse(data: &str) -> Self {
        Words(entries(data).map(str::to_lowercase).collect())
    }

    /// Whether the word, lowercased, is in the set.
    pub(crate) fn contains(&self, word: &str) -> bool {
        if word.chars().any(char::is_uppercase) {
            self.0.contains(&word.to_lowercase())
        } else {
            self.0.contains(word)
        }
    }
}

/// Phrases sorted by where in a line each must stand. In the data files `=phrase` must be the
/// whole line, `^phrase` must open it, `$phrase` must close it (a button label printed after
/// the box's text: "... every weekday morning. Subscribe"), and a bare phrase may stand
/// anywhere.
pub(crate) struct Phrases {
    whole: Vec<String>,
    opening: Vec<String>,
    closing: Vec<String>,
    anywhere: Vec<String>,
}

impl Phrases {
    /// Reads a data file of phrases in the syntax above.
    pub(crate) fn parse(data: &str) -> Self {
        let mut phrases = Phrases {
            whole: Vec::new(),
            opening: Vec::new(),
            closing: Vec::new(),
            anywhere: Vec::new(),
        };
        for entry in entries(data) {
            let folded = crate::line::fold(entry);
            if let Some(phrase) = folded.strip_prefix('=') {
                phrases.whole.push(phrase.trim().to_string());
            } else if let Some(phrase) = folded.strip_prefix('^') {
                phrases.opening.push(phrase.trim().to_string());
            } else if let Some(phrase) = folded.strip_prefix('$') {
                phrases.closing.push(phrase.trim().to_string());
            } else {
                phrases.anywhere.push(folded);
            }
        }
        phrases
    }

    /// Whether the line is one of the whole-line phrases, opens with an opening phrase, or
    /// ends, after a full stop or a bar, with a closing one.
    pub(crate) fn matches_opening(&self, line: &Line) -> bool {
        let bare = line.bare();
        self.whole.iter().any(|phrase| bare == phrase)
            || self
                .opening
                .iter()
                .any(|phrase| starts_with_word(line.folded(), phrase))
            || self.closing.iter().any(|phrase| {
                let text = line.folded().trim_end_matches(['.', '!', ' ']);
                text.strip_suffix(phrase.as_str())
                    .is_some_and(|before| before.ends_with(". ") || before.ends_with(" | "))
            })
    }

    /// Whether one of the anywhere phrases stands in the line, on word boundaries.
    pub(crate) fn matches_anywhere(&self, line: &Line) -> bool {
        self.anywhere
            .iter()
            .any(|phrase| contains_word(line.folded(), phrase))
    }
}

/// Words that mark an attribute value (a class or an id), sorted by where they must stand. In
/// the data file `=word` is a whole part of the value split on `-`, `_` and spaces, `^word`
/// opens a part, and a bare word may stand anywhere. All are found in one pass over the value.
pub(crate) struct AttributeWords {
    automaton: AhoCorasick,
    /// Where each pattern must stand, by pattern index.
    positions: Vec<Position>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Position {
    Whole,
    Opening,
    Anywhere,
}

impl AttributeWords {
    /// Reads a data file of words in the syntax above.
    pub(crate) fn parse(data: &str) -> Self {
        let mut patterns = Vec::new();
        let mut positions = Vec::new();
        for entry in entries(data) {
            let entry = entry.to_ascii_lowercase();
            let (word, position) = if let Some(word) = entry.strip_prefix('=') {
                (word.to_string(), Position::Whole)
            } else if let Some(word) = entry.strip_prefix('^') {
                (word.to_string(), Position::Opening)
            } else {
                (entry, Position::Anywhere)
            };
            patterns.push(word);
            positions.push(position);
        }
        // The word lists are small and built in: building cannot fail on them.
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .unwrap_or_else(|error| panic!("attribute words do not build: {error}"));
        AttributeWords {
            automaton,
            positions,
        }
    }

    /// Whether the attribute value holds one of the words.
    pub(crate) fn matches(&self, value: &str) -> bool {
        let bytes = value.as_bytes();
        let is_separator = |at: usize| {
            matches!(
                bytes.get(at),
                None | Some(b'-' | b'_' | b' ' | b'\t' | b'\n')
            )
        };
        self.automaton.find_overlapping_iter(value).any(|found| {
            let opens_part = found.start() == 0 || is_separator(found.start() - 1);
            match self.positions[found.pattern().as_usize()] {
                Position::Anywhere => true,
                Position::Opening => opens_part,
                Position::Whole => opens_part && is_separator(found.end()),
            }
        })
    }
}

/// Whether `text` opens with `phrase`, ending on a word boundary.
pub(crate) fn starts_with_word(text: &str, phrase: &str) -> bool {
    text.starts_with(phrase) && is_boundary_after(text, phrase, 0)
}

/// Whether `phrase` stands in `text` with word boundaries on both sides.
pub(crate) fn contains_word(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before_ok = !phrase.starts_with(char::is_alphanumeric)
            || !text[..at].ends_with(char::is_alphanumeric);
        before_ok && is_boundary_after(text, phrase, at)
    })
}

fn is_boundary_after(text: &str, phrase: &str, at: usize) -> bool {
    !phrase.ends_with(char::is_alphanumeric)
        || !text[at + phrase.len()..].starts_with(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_respect_word_boundaries() {
        assert!(starts_with_word("sign in to continue", "sign in"));
        assert!(!starts_with_word("sign into your account", "sign in"));
        assert!(contains_word("we sent a 4-digit code to", "digit code"));
        assert!(!contains_word("share prices fell", "share price"));
        assert!(!contains_word("passcodes", "passcode"));
    }

    #[test]
    fn phrase_files_sort_entries_by_position() {
        let phrases = Phrases::parse("# comment\n=menu\n^read more\nnewsletter\n");
        assert_eq!(phrases.whole, ["menu"]);
        assert_eq!(phrases.opening, ["read more"]);
        assert_eq!(phrases.anywhere, ["newsletter"]);
    }

    #[test]
    fn attribute_words_match_parts_and_substrings() {
        let words = AttributeWords::parse("=ad\n^share\ncookie\n");
        assert!(words.matches("top-ad slot"));
        assert!(words.matches("ShareTools"));
        assert!(words.matches("cookiebanner"));
        assert!(!words.matches("header lead"));
    }
}
