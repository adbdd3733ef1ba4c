//! Sentence splitting over tokens: survives abbreviations, initials, decimals and quotes that
//! close after the full stop; never splits inside a short quotation; a line break always ends
//! a sentence.

use std::ops::Range;

use crate::lexicon::Lexicon;
use crate::token::{Token, TokenKind};
use dossier_model::Span;

/// A sentence as a range of tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceTokens {
    /// Token indices.
    pub tokens: Range<usize>,
    /// Byte span in the text.
    pub span: Span,
    /// 0-based paragraph index.
    pub paragraph: usize,
}

const OPENERS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "But", "And", "In", "On", "At", "This",
    "That", "There", "His", "Her", "Their", "Its", "As", "After", "Before", "When", "If",
];
/// Longest run of tokens a quotation may hold before a full stop inside it may end a sentence.
const MAX_QUOTE_TOKENS: usize = 80;

fn is_terminal(token: &Token) -> bool {
    token.kind == TokenKind::Punct && matches!(token.text, "." | "!" | "?" | "…")
}

fn is_closer(token: &Token) -> bool {
    matches!(
        token.text,
        ")" | "]" | "\u{201d}" | "\u{2019}" | "\u{bb}" | "\""
    )
}

/// Whether a token that carries its own full stop (U.S., Inc.) ends the sentence here.
fn abbreviation_ends(token: &Token, next: Option<&Token>) -> bool {
    if !token.text.ends_with('.') || token.kind != TokenKind::Word {
        return false;
    }
    let dotted_acronym = token.text.matches('.').count() >= 2;
    match next {
        None => true,
        Some(next) if next.starts_paragraph => true,
        // "… by about 11 p.m. “It was switched on twice,” one of them said"
        Some(next) => {
            dotted_acronym
                && (OPENERS.contains(&next.text)
                    || matches!(next.text, "\u{201c}" | "\u{ab}" | "\u{201e}")
                    || (next.text == "\"" && next.span.start > token.span.end))
        }
    }
}

/// Whether a name and a speech verb follow ("“Why hide it?” Marrano told reporters."): a
/// question or an exclamation that closes a quotation runs on into its attribution.
fn attribution_follows(tokens: &[Token], from: usize, lexicon: &Lexicon) -> bool {
    let names = tokens[from..]
        .iter()
        .take(4)
        .take_while(|t| t.is_word() && t.is_capitalized() && !t.starts_paragraph)
        .count();
    names > 0
        && tokens
            .get(from + names)
            .is_some_and(|t| !t.starts_paragraph && crate::attribution::is_cue(t, lexicon))
}

/// Splits tokens into sentences.
pub fn split(tokens: &[Token], lexicon: &Lexicon) -> Vec<SentenceTokens> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut paragraph = 0;
    let mut in_quote = false;
    let mut quote_len = 0;
    let mut i = 0;
    let push = |sentences: &mut Vec<SentenceTokens>, start: usize, end: usize, paragraph| {
        if end > start {
            sentences.push(SentenceTokens {
                tokens: start..end,
                span: Span::new(tokens[start].span.start, tokens[end - 1].span.end),
                paragraph,
            });
        }
    };
    while i < tokens.len() {
        let token = &tokens[i];
        if token.starts_paragraph && i > start {
            push(&mut sentences, start, i, paragraph);
            start = i;
            paragraph += 1;
            in_quote = false;
        } else if token.starts_paragraph && i > 0 {
            paragraph += 1;
            in_quote = false;
        }
        match token.text {
            "\u{201c}" | "\u{ab}" | "\u{201e}" => {
                in_quote = true;
                quote_len = 0;
            }
            "\u{201d}" | "\u{bb}" => in_quote = false,
            // Single curly marks as British papers quote: '‘' opening a word, '’' closing one
            // (not the apostrophe inside "People’s").
            "\u{2018}"
                if tokens
                    .get(i + 1)
                    .is_some_and(|n| n.span.start == token.span.end && n.is_word()) =>
            {
                in_quote = true;
                quote_len = 0;
            }
            "\u{2019}"
                if i > 0
                    && tokens[i - 1].span.end == token.span.start
                    && tokens
                        .get(i + 1)
                        .is_none_or(|n| n.span.start > token.span.end || !n.is_word()) =>
            {
                in_quote = false;
            }
            "\"" => {
                let opens = i == start
                    || tokens
                        .get(i + 1)
                        .is_some_and(|n| n.span.start == token.span.end)
                        && tokens[i - 1].span.end < token.span.start;
                in_quote = opens && !in_quote;
                quote_len = 0;
            }
            _ => quote_len += 1,
        }
        let next = tokens.get(i + 1);
        let ends = (is_terminal(token) && next.is_none_or(|n| !n.is(".")))
            || abbreviation_ends(token, next);
        let closes_quote = next.is_some_and(|n| {
            n.span.start == token.span.end
                && matches!(n.text, "\u{201d}" | "\u{bb}" | "\"" | "\u{2019}")
        });
        if ends && (!in_quote || closes_quote || quote_len > MAX_QUOTE_TOKENS) {
            // Closing quotes and brackets after the full stop belong to this sentence.
            let mut end = i + 1;
            while end < tokens.len() && is_closer(&tokens[end]) && !tokens[end].starts_paragraph {
                if tokens[end].is("\"")
                    && tokens
                        .get(end + 1)
                        .is_some_and(|n| n.span.start == tokens[end].span.end && n.is_word())
                {
                    break;
                }
                end += 1;
                in_quote = false;
            }
            // Lowercase continuation after an abbreviation-like stop is not a new sentence.
            let continues = tokens.get(end).is_some_and(|n| {
                !n.starts_paragraph
                    && n.kind == TokenKind::Word
                    && n.text.starts_with(char::is_lowercase)
            }) || (matches!(token.text, "?" | "!")
                && end > i + 1
                && attribution_follows(tokens, end, lexicon));
            if !continues {
                push(&mut sentences, start, end, paragraph);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push(&mut sentences, start, tokens.len(), paragraph);
    sentences
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn sentences(text: &str) -> Vec<String> {
        let lexicon = Lexicon::builtin();
        let tokens = tokenize(text, &lexicon);
        split(&tokens, &lexicon)
            .iter()
            .map(|s| s.span.slice(text).to_string())
            .collect()
    }

    #[test]
    fn a_question_closing_a_quote_runs_on_into_its_attribution() {
        assert_eq!(
            sentences("\u{201c}Why hide it?\u{201d} Marrano told reporters. The hall emptied."),
            vec![
                "\u{201c}Why hide it?\u{201d} Marrano told reporters.",
                "The hall emptied."
            ]
        );
        assert_eq!(
            sentences("\u{201c}Why hide it?\u{201d} The hall fell silent."),
            vec!["\u{201c}Why hide it?\u{201d}", "The hall fell silent."]
        );
    }

    #[test]
    fn a_time_before_an_opening_quotation_mark_ends_the_sentence() {
        assert_eq!(
            sentences(
                "It was set up by about 11 p.m. \u{201c}It was switched on twice,\u{201d} one said."
            ),
            [
                "It was set up by about 11 p.m.",
                "\u{201c}It was switched on twice,\u{201d} one said."
            ]
        );
    }

    #[test]
    fn survives_abbreviations_initials_and_decimals() {
        assert_eq!(
            sentences(
                "Lt. Col. J. R. Smith met Mr. Jones on Jan. 5 at No. 10. Prices rose 4.2 percent. The U.S. said no."
            ),
            [
                "Lt. Col. J. R. Smith met Mr. Jones on Jan. 5 at No. 10.",
                "Prices rose 4.2 percent.",
                "The U.S. said no."
            ]
        );
    }

    #[test]
    fn keeps_closing_quote_and_splits_after_attribution() {
        assert_eq!(
            sentences(
                "\"We are done,\" she said. \"It went well.\" Then he left.\nNew paragraph here"
            ),
            [
                "\"We are done,\" she said.",
                "\"It went well.\"",
                "Then he left.",
                "New paragraph here"
            ]
        );
    }

    #[test]
    fn does_not_split_inside_a_quote() {
        assert_eq!(
            sentences("\u{201c}It is over. We won,\u{201d} he said. Next."),
            ["\u{201c}It is over. We won,\u{201d} he said.", "Next."]
        );
    }

    #[test]
    fn acronym_at_sentence_end() {
        assert_eq!(
            sentences("A dash by the U.S. The talks went on."),
            ["A dash by the U.S.", "The talks went on."]
        );
    }
}
