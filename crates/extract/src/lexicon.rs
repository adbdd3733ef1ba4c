//! Word and phrase lists read from the data files under `data/`.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use rustc_hash::FxHashSet;

use crate::line::Line;

/// The entries of a data file: one a line, `#` lines are comments.
fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|entry| !entry.is_empty() && !entry.starts_with('#'))
}

/// A set of lowercase words.
pub(crate) struct Words(FxHashSet<String>);

/// Longest ASCII word lowercased on the stack rather than in a new string.
const SHORT_WORD: usize = 32;

impl Words {
    /// Reads a data file of one word a line.
    pub(crate) fn parse(data: &str) -> Self {
        Words(entries(data).map(str::to_lowercase).collect())
    }

    /// Whether the word, lowercased, is in the set.
    pub(crate) fn contains(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        if word.is_ascii() && bytes.len() <= SHORT_WORD {
            if !bytes.iter().any(u8::is_ascii_uppercase) {
                return self.0.contains(word);
            }
            let mut lower = [0u8; SHORT_WORD];
            let lower = &mut lower[..bytes.len()];
            lower.copy_from_slice(bytes);
            lower.make_ascii_lowercase();
            // lowercasing ASCII keeps it ASCII, so UTF-8
            return std::str::from_utf8(lower).is_ok_and(|lower| self.0.contains(lower));
        }
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
    /// The bare phrases, found in one pass over a line.
    anywhere: AhoCorasick,
    /// Whether each bare phrase opens and closes with a letter or digit (and so needs a word
    /// boundary there), by pattern index.
    bounded: Vec<(bool, bool)>,
}

impl Phrases {
    /// Reads a data file of phrases in the syntax above.
    pub(crate) fn parse(data: &str) -> Self {
        let (mut whole, mut opening, mut closing, mut anywhere) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for entry in entries(data) {
            let folded = crate::line::fold(entry);
            if let Some(phrase) = folded.strip_prefix('=') {
                whole.push(phrase.trim().to_string());
            } else if let Some(phrase) = folded.strip_prefix('^') {
                opening.push(phrase.trim().to_string());
            } else if let Some(phrase) = folded.strip_prefix('$') {
                closing.push(phrase.trim().to_string());
            } else {
                anywhere.push(folded);
            }
        }
        let bounded = anywhere
            .iter()
            .map(|phrase: &String| {
                (
                    phrase.starts_with(char::is_alphanumeric),
                    phrase.ends_with(char::is_alphanumeric),
                )
            })
            .collect();
        let anywhere = automaton(&anywhere, false);
        Phrases {
            whole,
            opening,
            closing,
            anywhere,
            bounded,
        }
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
        let text = line.folded();
        self.anywhere.find_overlapping_iter(text).any(|found| {
            let (opens, closes) = self.bounded[found.pattern().as_usize()];
            (!opens || !text[..found.start()].ends_with(char::is_alphanumeric))
                && (!closes || !text[found.end()..].starts_with(char::is_alphanumeric))
        })
    }
}

/// Words that mark an attribute value (a class or an id), from one or more lists, sorted by
/// where they must stand. In the data files `=word` is a whole part of the value split on `-`,
/// `_` and spaces, `^word` opens a part, and a bare word may stand anywhere. All the lists are
/// found in one pass over the value, which says which lists it holds a word of.
pub(crate) struct AttributeWords {
    automaton: AhoCorasick,
    /// Where each pattern must stand and the bit of its list, by pattern index.
    patterns: Vec<(Position, u8)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Position {
    Whole,
    Opening,
    Anywhere,
}

impl AttributeWords {
    /// Reads data files of words in the syntax above; list `i` answers with bit `1 << i`.
    pub(crate) fn parse(lists: &[&str]) -> Self {
        assert!(lists.len() <= 8, "at most eight lists of attribute words");
        let mut words = Vec::new();
        let mut patterns = Vec::new();
        for (list, data) in lists.iter().enumerate() {
            for entry in entries(data) {
                let entry = entry.to_ascii_lowercase();
                let (word, position) = if let Some(word) = entry.strip_prefix('=') {
                    (word.to_string(), Position::Whole)
                } else if let Some(word) = entry.strip_prefix('^') {
                    (word.to_string(), Position::Opening)
                } else {
                    (entry, Position::Anywhere)
                };
                words.push(word);
                patterns.push((position, 1u8 << list));
            }
        }
        AttributeWords {
            automaton: automaton(&words, true),
            patterns,
        }
    }

    /// The bits of the lists the attribute value holds a word of.
    pub(crate) fn marks(&self, value: &str) -> u8 {
        let bytes = value.as_bytes();
        let is_separator = |at: usize| {
            matches!(
                bytes.get(at),
                None | Some(b'-' | b'_' | b' ' | b'\t' | b'\n')
            )
        };
        let mut marks = 0;
        for found in self.automaton.find_overlapping_iter(value) {
            let (position, bit) = self.patterns[found.pattern().as_usize()];
            if marks & bit != 0 {
                continue;
            }
            let opens_part = found.start() == 0 || is_separator(found.start() - 1);
            let stands = match position {
                Position::Anywhere => true,
                Position::Opening => opens_part,
                Position::Whole => opens_part && is_separator(found.end()),
            };
            if stands {
                marks |= bit;
            }
        }
        marks
    }
}

/// One automaton that reports every occurrence of every pattern, overlapping ones too.
fn automaton(patterns: &[String], ascii_case_insensitive: bool) -> AhoCorasick {
    // The lists are small and built in: building cannot fail on them.
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(ascii_case_insensitive)
        .kind(Some(AhoCorasickKind::DFA))
        .match_kind(MatchKind::Standard)
        .build(patterns)
        .unwrap_or_else(|error| panic!("built-in word lists do not build: {error}"))
}

/// Whether `text` opens with `phrase`, ending on a word boundary.
pub(crate) fn starts_with_word(text: &str, phrase: &str) -> bool {
    text.starts_with(phrase) && is_boundary_after(text, phrase, 0)
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
        let phrases = Phrases::parse("digit code\nshare price\npasscode\n");
        let found = |text: &str| phrases.matches_anywhere(&Line::new(text));
        assert!(found("We sent a 4-digit code to"));
        assert!(!found("Share prices fell"));
        assert!(!found("Passcodes"));
        assert!(found("passcode, share price"));
    }

    #[test]
    fn phrase_files_sort_entries_by_position() {
        let phrases = Phrases::parse("# comment\n=menu\n^read more\nnewsletter\n");
        assert_eq!(phrases.whole, ["menu"]);
        assert_eq!(phrases.opening, ["read more"]);
        assert_eq!(phrases.anywhere.patterns_len(), 1);
        assert!(phrases.matches_anywhere(&Line::new("Our newsletter")));
    }

    #[test]
    fn attribute_words_match_parts_and_substrings() {
        let words = AttributeWords::parse(&["=ad\n^share\ncookie\n", "lead\n"]);
        assert_eq!(words.marks("top-ad slot"), 1);
        assert_eq!(words.marks("ShareTools"), 1);
        assert_eq!(words.marks("cookiebanner"), 1);
        assert_eq!(words.marks("header lead"), 2);
        assert_eq!(words.marks("lead-ad"), 3);
        assert_eq!(words.marks("shadow"), 0);
    }
}
