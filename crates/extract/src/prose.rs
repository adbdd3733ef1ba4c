//! Signs that a line is article prose, which no boilerplate rule may remove.
//!
//! A false removal of article text costs more than a missed line of chrome, so these checks
//! lean towards calling a line prose.

use std::sync::LazyLock;

use crate::lexicon::Words;
use crate::line::Line;

static REPORTING_VERBS: LazyLock<Words> =
    LazyLock::new(|| Words::parse(include_str!("../data/reporting_verbs.txt")));
static SPEECH_SUBJECTS: LazyLock<Words> =
    LazyLock::new(|| Words::parse(include_str!("../data/speech_subjects.txt")));

/// Words in a quotation from which a line counts as quoting someone.
const QUOTED_WORDS: usize = 4;
/// Words from which a line not addressed to the reader counts as prose whatever it says.
const PROSE_WORDS: usize = 25;
/// Words from which a complete sentence ends a block of tail chrome.
const SENTENCE_WORDS: usize = 8;

/// Whether no rule may remove the line: it quotes someone, reports speech, or is a long
/// sentence not addressed to the reader.
pub(crate) fn is_protected(line: &Line) -> bool {
    longest_quotation(line.text()) >= QUOTED_WORDS
        || has_reported_speech(line.text())
        || (line.words() >= PROSE_WORDS && !line.is_addressed_to_reader())
}

/// Whether the line shows any sign of article prose: a quote mark, reported speech, or a
/// complete sentence of some length not addressed to the reader. Lines without one that follow
/// strong chrome at the end of a text are taken as part of that chrome.
pub(crate) fn looks_like_prose(line: &Line) -> bool {
    has_quote_mark(line.text())
        || has_reported_speech(line.text())
        || (is_sentence(line.text())
            && line.words() >= SENTENCE_WORDS
            && !line.is_addressed_to_reader())
}

/// Whether the text holds a double quote mark of any kind, or an opening single quote before a
/// word (‘Jewels’; a closing one is usually an apostrophe).
fn has_quote_mark(text: &str) -> bool {
    text.contains([
        '"', '\u{201c}', '\u{201d}', '\u{201e}', '\u{00ab}', '\u{00bb}',
    ]) || text
        .match_indices('\u{2018}')
        .any(|(at, mark)| text[at + mark.len()..].starts_with(char::is_alphanumeric))
}

/// Whether the text names someone or something in mid-sentence: a capitalised word that does
/// not open a sentence, is not "I" and is not one of the `ignored` words.
pub(crate) fn names_someone(text: &str, ignored: impl Fn(&str) -> bool) -> bool {
    let mut opens_sentence = true;
    for token in text.split_whitespace() {
        let word = token.trim_matches(|c: char| !c.is_alphanumeric());
        let is_name = !opens_sentence
            && is_capitalised(word)
            && word != "I"
            && !ignored(&word.to_lowercase());
        if is_name {
            return true;
        }
        opens_sentence = token
            .trim_end_matches(['"', '\u{201d}', '\u{2019}', ')'])
            .ends_with(['.', '?', '!', ':']);
    }
    false
}

/// The number of words in the longest quotation; an opening mark never closed runs to the end
/// of the line, as a quote running on into the next paragraph does.
fn longest_quotation(text: &str) -> usize {
    let mut longest = 0;
    let mut current: Option<usize> = None;
    let mut in_word = false;
    for c in text.chars() {
        let (opens, closes) = match c {
            '\u{201c}' | '\u{201e}' | '\u{00ab}' => (true, false),
            '\u{201d}' | '\u{00bb}' => (false, true),
            '"' => (current.is_none(), current.is_some()),
            _ => (false, false),
        };
        if closes {
            if let Some(words) = current.take() {
                longest = longest.max(words);
            }
        } else if opens {
            current = Some(0);
        }
        let is_word_char = c.is_alphanumeric();
        let starts_word = is_word_char && !in_word;
        if let Some(words) = current.as_mut().filter(|_| starts_word) {
            *words += 1;
        }
        in_word = is_word_char;
    }
    longest.max(current.unwrap_or(0))
}

/// Whether a speech verb has a subject: a capitalised name or a subject word shortly before it
/// ("Leavitt wrote", "officials told"), a name or article right after it ("said Lieutenant
/// Colonel Jeff Tolbert", "said the minister"), or "according to".
fn has_reported_speech(text: &str) -> bool {
    let tokens: Vec<&str> = text
        .split_whitespace()
        .map(|token| token.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|token| !token.is_empty())
        .collect();
    tokens.iter().enumerate().any(|(at, token)| {
        if !REPORTING_VERBS.contains(token) {
            return false;
        }
        if token.eq_ignore_ascii_case("according") {
            return tokens
                .get(at + 1)
                .is_some_and(|next| next.eq_ignore_ascii_case("to"));
        }
        let before = &tokens[at.saturating_sub(3)..at];
        let subject_before = before
            .iter()
            .any(|word| is_capitalised(word) || SPEECH_SUBJECTS.contains(word))
            || (at >= 2 && is_determiner(tokens[at - 2]));
        let subject_after = tokens
            .get(at + 1)
            .is_some_and(|next| is_capitalised(next) || is_determiner(next));
        subject_before || subject_after
    })
}

/// "the memo told", "said a spokesperson": a determiner before a noun subject.
fn is_determiner(word: &str) -> bool {
    ["the", "a", "an", "his", "her", "their", "its"]
        .iter()
        .any(|determiner| word.eq_ignore_ascii_case(determiner))
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether the text reads as a sentence: it opens with a capital, digit or quote and ends with
/// a full stop, question or exclamation mark (before any closing quote or bracket).
fn is_sentence(text: &str) -> bool {
    let opens = text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric() || "\"\u{201c}\u{2018}'(".contains(c));
    let ends = text
        .trim_end_matches(['"', '\u{201d}', '\u{2019}', '\'', ')'])
        .ends_with(['.', '!', '?']);
    opens && ends
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reported_speech_needs_a_subject() {
        assert!(has_reported_speech("Leavitt wrote in an X post."));
        assert!(has_reported_speech(
            "\"The talks are going well,\" said Lieutenant Colonel Jeff Tolbert."
        ));
        assert!(has_reported_speech(
            "The figures, according to the ministry, rose."
        ));
        assert!(has_reported_speech(
            "she told the paper she had no email from him"
        ));
        assert!(has_reported_speech(
            "Check your email, the memo told staff."
        ));
        assert!(!has_reported_speech("Posted by admin"));
        assert!(!has_reported_speech("Sign in"));
    }

    #[test]
    fn quotations_are_counted_in_words() {
        assert_eq!(longest_quotation("“We will win this,” he said."), 4);
        assert_eq!(longest_quotation("By clicking \"Accept all\" you agree"), 2);
        assert_eq!(longest_quotation("“An opening quote that runs on"), 6);
    }

    #[test]
    fn names_are_capitals_in_mid_sentence() {
        let none = |_: &str| false;
        assert!(names_someone("Sign up for a Hulu account", none));
        assert!(!names_someone(
            "Log into your account. Don’t have one?",
            none
        ));
        assert!(!names_someone("Sign in with Google", |word| word == "google"));
    }

    #[test]
    fn sentences_open_with_a_capital_and_close_with_a_stop() {
        assert!(is_sentence("The talks resume on Friday in Geneva."));
        assert!(is_sentence("“It is over.”"));
        assert!(!is_sentence("New code will be available in 1:00"));
    }
}
