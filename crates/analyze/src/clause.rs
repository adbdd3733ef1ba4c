//! Splits a sentence into clauses, so that one claim is one checkable fact: at semicolons and
//! dashes, before "but", and between coordinated predicates ("would cede X and slash Y").

use std::ops::Range;

use crate::token::{Token, TokenKind};

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "this", "these", "those", "some", "any",
    "all", "more", "most", "several", "no",
];
/// Words ending in -ed that are usually adjectives, not the verb of a new predicate.
const ED_ADJECTIVES: &[&str] = &[
    "united",
    "based",
    "related",
    "armed",
    "detailed",
    "limited",
    "supposed",
    "alleged",
    "so-called",
    "unnamed",
    "occupied",
    "advanced",
    "experienced",
    "concerned",
    "interested",
    "skilled",
    "talented",
    "divided",
    "informed",
    "qualified",
    "married",
    "renewed",
    "increased",
    "reduced",
    "proposed",
    "revised",
    "updated",
    "expected",
    "unexpected",
    "coordinated",
    "elected",
    "required",
];
const BREAKS: &[&str] = &[";", "--", "\u{2014}", "\u{2013}"];

fn is_predicate_start(tokens: &[Token], k: usize, end: usize) -> bool {
    let Some(word) = tokens.get(k).filter(|t| t.kind == TokenKind::Word) else {
        return false;
    };
    let lower = word.lower();
    if !word.text.starts_with(char::is_lowercase)
        || DETERMINERS.contains(&lower.as_str())
        || matches!(
            lower.as_str(),
            "citing" | "according" | "including" | "such"
        )
    {
        return false;
    }
    let past = lower.ends_with("ed") && lower.len() > 4 && !ED_ADJECTIVES.contains(&lower.as_str());
    let before_object = k + 1 < end
        && tokens[k + 1].kind == TokenKind::Word
        && DETERMINERS.contains(&tokens[k + 1].lower().as_str())
        && !lower.ends_with("ly")
        && !matches!(
            lower.as_str(),
            "of" | "in"
                | "on"
                | "at"
                | "to"
                | "for"
                | "with"
                | "from"
                | "by"
                | "about"
                | "over"
                | "into"
                | "and"
                | "or"
                | "but"
                | "as"
                | "than"
                | "all"
                | "both"
                | "including"
        );
    past || before_object
}

/// Token ranges of the clauses of `sentence`, skipping tokens inside quotes (`inside`).
pub fn split(tokens: &[Token], sentence: Range<usize>, inside: &[bool]) -> Vec<Range<usize>> {
    let mut clauses = Vec::new();
    let mut start = sentence.start;
    let mut k = sentence.start;
    while k < sentence.end {
        let token = &tokens[k];
        if inside[k] {
            k += 1;
            continue;
        }
        let long_enough = k - start >= 4;
        let breaks_here = if BREAKS.contains(&token.text) {
            true
        } else if token.is("but") || token.is("yet") {
            long_enough && k + 1 < sentence.end && tokens[k + 1].kind == TokenKind::Word
        } else if token.is("and") || token.is(",") {
            long_enough
                && is_predicate_start(tokens, k + 1, sentence.end)
                && (k == 0 || !tokens[k - 1].is(","))
        } else {
            false
        };
        if breaks_here {
            if k > start {
                clauses.push(start..k);
            }
            start = k + 1;
            // ", and placed": skip the comma and the conjunction together.
            while start < sentence.end
                && (tokens[start].is("and") || tokens[start].is("but"))
                && !inside[start]
            {
                start += 1;
            }
            k = start;
            continue;
        }
        k += 1;
    }
    if start < sentence.end {
        clauses.push(start..sentence.end);
    }
    // Drop trailing sentence punctuation and fragments without a word.
    clauses
        .into_iter()
        .map(|r| {
            let mut end = r.end;
            while end > r.start && tokens[end - 1].kind == TokenKind::Punct {
                end -= 1;
            }
            r.start..end
        })
        .filter(|r| (r.start..r.end).filter(|&k| tokens[k].is_word()).count() >= 3)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::token::tokenize;

    fn clauses(text: &str) -> Vec<String> {
        let tokens = tokenize(text, &Lexicon::builtin());
        let inside = vec![false; tokens.len()];
        split(&tokens, 0..tokens.len(), &inside)
            .into_iter()
            .map(|r| text[tokens[r.start].span.start..tokens[r.end - 1].span.end].to_string())
            .collect()
    }

    #[test]
    fn splits_coordinated_predicates() {
        assert_eq!(
            clauses(
                "The draft would have blocked the merger, raised prices for farmers and placed strict limits on exports."
            ),
            [
                "The draft would have blocked the merger",
                "raised prices for farmers",
                "placed strict limits on exports"
            ]
        );
    }

    #[test]
    fn keeps_noun_coordination_and_splits_dashes_and_but() {
        assert_eq!(
            clauses(
                "The plan would cede the eastern and southern regions to the city and cut the size of its police -- demands the union rejected. She was upbeat but stopped short of a promise."
            ),
            [
                "The plan would cede the eastern and southern regions to the city",
                "cut the size of its police",
                "demands the union rejected. She was upbeat",
                "stopped short of a promise"
            ]
        );
    }
}
