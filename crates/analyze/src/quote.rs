//! Quotation marks paired into quotes, told apart from scare quotes, and classified as
//! direct or partial.

use crate::lexicon::Lexicon;
use crate::sentence::SentenceTokens;
use crate::token::{Token, TokenKind};
use dossier_model::{QuoteKind, Span};

/// A pair of quotation marks and what they hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; `None` when the quote runs to the paragraph end.
    pub close: Option<usize>,
    /// The content between the marks, trimmed.
    pub content: Span,
    /// Index of the sentence holding the opening mark.
    pub sentence: usize,
    /// Direct, partial, or `None` for a scare quote around a term.
    pub kind: Option<QuoteKind>,
}

impl Marked {
    /// The first token after the closing mark (or after the content when unclosed).
    pub fn after(&self, tokens: &[Token]) -> usize {
        match self.close {
            Some(close) => close + 1,
            None => tokens.partition_point(|t| t.span.start < self.content.end),
        }
    }
}

fn opens(c: &str) -> Option<bool> {
    match c {
        "\u{201c}" | "\u{ab}" | "\u{201e}" => Some(true),
        "\u{201d}" | "\u{bb}" => Some(false),
        _ => None,
    }
}

/// Words before a quoted term that make it a scare quote, not speech.
const TERM_MARKERS: &[&str] = &[
    "so-called",
    "dubbed",
    "branded",
    "labelled",
    "labeled",
    "termed",
    "nicknamed",
];

/// Whether the quotation mark at `open` follows "what … call(s)" or "known as" (an article
/// between them allowed), within the sentence from `start`.
fn is_named_term(tokens: &[Token], start: usize, open: usize) -> bool {
    let mut k = open;
    if k > start && matches!(tokens[k - 1].lower().as_str(), "a" | "an" | "the") {
        k -= 1;
    }
    let Some(verb) = k.checked_sub(1).filter(|&v| v >= start) else {
        return false;
    };
    // "The draft calls the guaranteed share a 'dry-season floor'", "a section workers call
    // the 'hot leg'": a name given in the present tense, an article before the marks, is a
    // term; "called Clinton a 'nasty woman'" tells of words said once, and stays speech.
    let article = k < open;
    let habitual = article
        && (k.saturating_sub(5).max(start)..k).rev().any(|j| {
            matches!(tokens[j].lower().as_str(), "call" | "calls")
                && (j + 1..k).all(|m| tokens[m].kind == TokenKind::Word)
        });
    if habitual {
        return true;
    }
    match tokens[verb].lower().as_str() {
        "call" | "calls" | "called" | "term" | "terms" => {
            (verb.saturating_sub(5).max(start)..verb).any(|j| tokens[j].is("what"))
        }
        // "known as", "known to fans as", "known locally as"; with an article, a name used
        // habitually: "officials refer to the plan as the 'firebreak ring'"
        "as" => (verb.saturating_sub(4).max(start)..verb).any(|j| {
            tokens[j].is("known")
                || (article && matches!(tokens[j].lower().as_str(), "refer" | "refers"))
        }),
        _ => false,
    }
}

/// Whether the document quotes with single marks (‘…’ or '…', as British papers do): it has no
/// double mark at all and a single mark that opens a stretch of text.
fn quotes_with_single_marks(text: &str, tokens: &[Token]) -> bool {
    let double = tokens
        .iter()
        .any(|t| (t.kind == TokenKind::Quote && opens(t.text).is_some()) || t.text == "\"");
    !double && tokens.iter().any(|t| single_mark(text, t) == Some(true))
}

/// A single quotation mark: `Some(true)` where it opens (after a space, a bracket or the start
/// of a paragraph, before a word), `Some(false)` where it closes (after a word or a stop);
/// `None` for anything else, an apostrophe inside a word among them.
fn single_mark(text: &str, token: &Token) -> Option<bool> {
    if !matches!(token.text, "\u{2018}" | "\u{2019}" | "'") {
        return None;
    }
    let before = text[..token.span.start].chars().next_back();
    let after = text[token.span.end..].chars().next();
    let open_side = before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '\u{2014}'));
    let opens = open_side && after.is_some_and(|c| c.is_alphanumeric() || c == '.');
    if opens && token.text != "\u{2019}" {
        return Some(true);
    }
    let close_side = before.is_some_and(|c| !c.is_whitespace());
    let closes = close_side && after.is_none_or(|c| !c.is_alphanumeric());
    if closes && token.text != "\u{2018}" {
        return Some(false);
    }
    None
}

/// Pairs the quotation marks of the text, paragraph by paragraph.
pub fn find(
    text: &str,
    tokens: &[Token],
    sentences: &[SentenceTokens],
    lexicon: &Lexicon,
) -> Vec<Marked> {
    let single = quotes_with_single_marks(text, tokens);
    let mut found = Vec::new();
    let sentence_of = |k: usize| sentences.partition_point(|s| s.tokens.end <= k);
    let mut open: Option<usize> = None;
    let paragraph_end = |k: usize| -> usize {
        let mut j = k + 1;
        while j < tokens.len() && !tokens[j].starts_paragraph {
            j += 1;
        }
        tokens.get(j - 1).map_or(text.len(), |t| t.span.end)
    };
    let mut push = |open: usize, close: Option<usize>, end_byte: usize| {
        let start_byte = tokens[open].span.end;
        let raw = text.get(start_byte..end_byte).unwrap_or("");
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim().trim_end_matches(',').trim_end();
        if trimmed.is_empty() {
            return;
        }
        let content = Span::new(start_byte + lead, start_byte + lead + trimmed.len());
        found.push(Marked {
            open,
            close,
            content,
            sentence: sentence_of(open),
            kind: None,
        });
    };
    for (k, token) in tokens.iter().enumerate() {
        if token.starts_paragraph
            && let Some(o) = open.take()
        {
            let end = if k > 0 { tokens[k - 1].span.end } else { 0 };
            push(o, None, end);
        }
        if single {
            match (single_mark(text, token), open) {
                (Some(true), None) => open = Some(k),
                (Some(false), Some(o)) => {
                    push(o, Some(k), token.span.start);
                    open = None;
                }
                _ => {}
            }
            continue;
        }
        if token.kind != TokenKind::Quote {
            continue;
        }
        // 6'3" tall: a straight mark right after a digit is an inch sign.
        let inch = token.text == "\""
            && open.is_none()
            && text[..token.span.start]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit());
        if inch {
            continue;
        }
        let is_open = match opens(token.text) {
            Some(is_open) => is_open,
            None if token.text == "\"" => open.is_none(),
            None => continue,
        };
        match (is_open, open) {
            (true, None) => open = Some(k),
            (true, Some(_)) if token.text == "\"" => {}
            (true, Some(_)) => open = Some(k),
            (false, Some(o)) => {
                push(o, Some(k), token.span.start);
                open = None;
            }
            (false, None) => {}
        }
    }
    if let Some(o) = open {
        push(o, None, paragraph_end(o));
    }
    for marked in &mut found {
        marked.kind = classify(text, tokens, sentences, marked, lexicon);
    }
    found
}

fn classify(
    text: &str,
    tokens: &[Token],
    sentences: &[SentenceTokens],
    marked: &Marked,
    lexicon: &Lexicon,
) -> Option<QuoteKind> {
    let content = marked.content.slice(text);
    let words = content.split_whitespace().count();
    let sentence = &sentences[marked.sentence];
    let previous = (sentence.tokens.start..marked.open)
        .rev()
        .map(|k| &tokens[k])
        .find(|t| t.kind != TokenKind::Quote);
    let at_start = previous.is_none();
    let after_colon = previous.is_some_and(|t| t.is(":"));
    let full_sentence = content.ends_with(['.', '!', '?'])
        || tokens.get(marked.after(tokens)).is_some_and(|t| t.is(","));
    // "so-called 'strategic use'", "the act's 'priority jump'": a short quoted name for a
    // thing, not speech, even with a comma after it
    let possessive = |t: &Token| matches!(t.text, "'s" | "\u{2019}s");
    if words <= 3
        && previous.is_some_and(|t| TERM_MARKERS.contains(&t.lower().as_str()) || possessive(t))
    {
        return None;
    }
    // "what the industry calls a 'black start'", "known as 'cold-load pickup'": a name a
    // trade or a group gives a thing, not anyone's words ("called it 'a fundamentally
    // different situation'" is speech: no "what" before it).
    if words <= 3 && is_named_term(tokens, sentence.tokens.start, marked.open) {
        return None;
    }
    // The quotation as written inside its marks, its own punctuation kept.
    let inside = marked
        .close
        .map_or(content, |close| {
            text.get(tokens[marked.open].span.end..tokens[close].span.start)
                .unwrap_or(content)
        })
        .trim_end();
    // 'extra points for "local knowledge", a criterion only the winner could meet': a short
    // quoted phrase that an apposition after its closing mark calls a name for a thing is a
    // term, not speech, unless a cue in the apposition hands it to a speaker ('"a fresh
    // start", a phrase the mayor said she would keep').
    if words <= 3 && !inside.ends_with(',') {
        let after = marked.after(tokens);
        let end = sentence.tokens.end;
        let described = tokens.get(after).is_some_and(|t| t.is(","))
            && tokens
                .get(after + 1)
                .is_some_and(|t| matches!(t.lower().as_str(), "a" | "an"))
            && (after + 2..end.min(after + 4))
                .any(|k| TERM_NOUNS.contains(&tokens[k].lower().as_str()))
            && !(after + 2..end.min(after + 7))
                .any(|k| crate::attribution::is_cue_at(tokens, k, lexicon));
        if described {
            return None;
        }
    }
    // author="name": an attribute value in markup the page left in the text.
    if text[..tokens[marked.open].span.start].ends_with('=') {
        return None;
    }
    // "Fox News Sunday", "Lyin' Ted": a title or a name in capitals is no speech, unless its
    // own comma or mark hands it to a speaker ("We Will Win," the mayor said).
    if is_title_case(content, words) && !inside.ends_with([',', '!', '?']) {
        return None;
    }
    // A lone quoted word with no punctuation of its own ("magic" pills) is a scare quote,
    // unless it is what a speaker's clause says something is ('said it would be
    // "unforgivable"', 'described the talks as "constructive"').
    let judged = previous.is_some_and(|t| {
        matches!(
            t.lower().as_str(),
            "be" | "is" | "was" | "were" | "are" | "been" | "being" | "as"
        )
    }) && (sentence.tokens.start..marked.open)
        .any(|k| crate::attribution::is_cue_at(tokens, k, lexicon));
    if words == 1 && !inside.ends_with([',', '.', '!', '?']) && !judged {
        return None;
    }
    if words <= 3
        && !full_sentence
        && let Some(previous) = previous
    {
        let lower = previous.lower();
        let modifier_before = previous.is_capitalized() && !matches!(lower.as_str(), "i");
        if TERM_MARKERS.contains(&lower.as_str()) || modifier_before {
            return None;
        }
    }
    if at_start
        || after_colon
        || (previous.is_some_and(|t| t.is(",")) && content.starts_with(char::is_uppercase))
    {
        Some(QuoteKind::Direct)
    } else {
        Some(QuoteKind::Partial)
    }
}

/// Nouns that call a quoted phrase a name for a thing ('"local knowledge", a criterion only
/// the winner could meet'); an apposition of another kind ('"failed completely", a day after',
/// '"broken down", a setback for the talks') leaves the quotation speech.
const TERM_NOUNS: &[&str] = &[
    "criterion",
    "term",
    "practice",
    "pattern",
    "concept",
    "label",
    "nickname",
    "name",
    "phrase",
    "slogan",
    "method",
    "technique",
    "scheme",
    "tactic",
    "category",
    "designation",
    "euphemism",
    "buzzword",
];

/// Function words a title may hold in lowercase ("Commander-in-Chief Forum", "Voice of America").
const TITLE_SMALL_WORDS: &[&str] = &[
    "of", "the", "and", "in", "on", "for", "a", "an", "to", "with", "at", "by", "or", "de",
];

/// Two to eight words, each capitalised (or a number, or a small function word): a title or
/// a name, not something said.
fn is_title_case(content: &str, words: usize) -> bool {
    (2..=8).contains(&words)
        && content.split_whitespace().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.is_empty()
                || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || TITLE_SMALL_WORDS.contains(&w)
        })
        && content
            .split_whitespace()
            .any(|w| w.starts_with(char::is_uppercase))
}
