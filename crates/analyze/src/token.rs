//! A tokenizer that keeps byte offsets into the document text.

use crate::lexicon::Lexicon;
use dossier_model::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with digits, inner apostrophes, hyphens or dots).
    Word,
    /// A number, possibly with separators, a decimal part or a suffix ("28-point", "4.2").
    Number,
    /// A quotation mark.
    Quote,
    /// Any other punctuation.
    Punct,
}

/// One token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// Where it is.
    pub span: Span,
    /// The text.
    pub text: &'a str,
    /// What it is.
    pub kind: TokenKind,
    /// Whether a line break precedes it (a new paragraph).
    pub starts_paragraph: bool,
}

impl Token<'_> {
    /// Whether it is a word starting with an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        self.kind == TokenKind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Lowercased text without a trailing full stop.
    pub fn lower(&self) -> String {
        self.text.trim_end_matches('.').to_lowercase()
    }

    /// Whether it is a word.
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }

    /// Whether it is this punctuation.
    pub fn is(&self, text: &str) -> bool {
        self.text == text
    }
}

/// Whether the character is a quotation mark.
pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}' | '\u{2018}' | '\u{2019}'
    )
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Splits text into tokens.
pub fn tokenize<'a>(text: &'a str, lexicon: &Lexicon) -> Vec<Token<'a>> {
    let mut tokens = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let char_at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut i = 0;
    let mut newline = true;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            if c == '\n' {
                newline = true;
            }
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_alphanumeric() {
            let numeric_start = c.is_ascii_digit();
            // Whether the part since the start or the last hyphen is a number: "7.1" in
            // "magnitude-7.1" keeps its decimal point.
            let mut numeric_part = numeric_start;
            i += 1;
            while let Some(c) = char_at(i) {
                let next = char_at(i + 1);
                let number_separator = (c == '.' || c == ',' || c == ':')
                    && numeric_part
                    && next.is_some_and(|n| n.is_ascii_digit())
                    && chars[i - 1].1.is_ascii_digit();
                if c.is_alphanumeric() || number_separator {
                    numeric_part &= c.is_ascii_digit() || number_separator;
                    i += 1;
                } else if c == '-' && next.is_some_and(char::is_alphanumeric) {
                    // Keep "28-point", "one-time" and "Mei-Lin" whole; the entity stage
                    // splits "Trump-Putin" when a part is a known person.
                    numeric_part = next.is_some_and(|n| n.is_ascii_digit());
                    i += 1;
                } else if is_apostrophe(c) && next.is_some_and(char::is_alphabetic) {
                    // Possessive 's is its own token; inner apostrophes (don't) stay.
                    let rest: String = chars[i + 1..].iter().take(2).map(|&(_, c)| c).collect();
                    let is_possessive = rest.starts_with('s')
                        && !rest[1..].starts_with(|c: char| c.is_alphanumeric());
                    if is_possessive {
                        break;
                    }
                    i += 1;
                } else if c == '.'
                    && next.is_some_and(char::is_alphabetic)
                    && char_at(i + 2) == Some('.')
                {
                    // Dotted acronyms: U.S., U.K., e.g.
                    i += 2;
                } else {
                    break;
                }
            }
            // A trailing full stop that belongs to the word: acronyms, initials, abbreviations.
            if char_at(i) == Some('.') {
                let word = &text[byte_at(start)..byte_at(i)];
                let dotted = word.contains('.');
                let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                if dotted || initial || lexicon.abbreviations.contains(&word.to_lowercase()) {
                    i += 1;
                }
            }
            kind = if numeric_start {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
        } else if is_apostrophe(c)
            && char_at(i + 1).is_some_and(|n| n == 's' || n == 'S')
            && !char_at(i + 2).is_some_and(char::is_alphanumeric)
            && i > 0
            && chars[i - 1].1.is_alphanumeric()
        {
            i += 2;
            kind = TokenKind::Word;
        } else if is_apostrophe(c)
            && i > 0
            && matches!(chars[i - 1].1, 's' | 'S')
            && char_at(i + 1) == Some(' ')
            && char_at(i + 2).is_some_and(char::is_alphabetic)
        {
            // "the Farmers' Union", "the workers’ pay": a plural possessive, no quotation mark
            i += 1;
            kind = TokenKind::Punct;
        } else if is_quote_char(c) {
            i += 1;
            kind = TokenKind::Quote;
        } else if c == '-' && char_at(i + 1) == Some('-') {
            i += 2;
            kind = TokenKind::Punct;
        } else {
            i += 1;
            kind = TokenKind::Punct;
        }
        let span = Span::new(byte_at(start), byte_at(i));
        tokens.push(Token {
            span,
            text: &text[span.start..span.end],
            kind,
            starts_paragraph: newline,
        });
        newline = false;
    }
    tokens
}

/// An apostrophe written right after a word that ends in "s" ("Parents'").
pub(crate) fn is_plural_possessive(tokens: &[Token], at: usize) -> bool {
    at > 0
        && matches!(tokens[at].text, "'" | "\u{2019}")
        && tokens[at - 1].span.end == tokens[at].span.start
        && tokens[at - 1].text.ends_with(['s', 'S'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        tokenize(text, &Lexicon::builtin())
            .iter()
            .map(|t| t.text.to_string())
            .collect()
    }

    #[test]
    fn a_plural_possessive_apostrophe_is_no_quotation_mark() {
        let tokens = tokenize(
            "the Farmers\u{2019} Union and \u{2018}the costs\u{2019}, she said",
            &Lexicon::builtin(),
        );
        let kinds: Vec<(&str, TokenKind)> = tokens.iter().map(|t| (t.text, t.kind)).collect();
        assert!(kinds.contains(&("\u{2019}", TokenKind::Punct)), "{kinds:?}");
        assert_eq!(
            kinds
                .iter()
                .filter(|(_, kind)| *kind == TokenKind::Quote)
                .count(),
            2,
            "{kinds:?}"
        );
    }

    #[test]
    fn keeps_abbreviations_numbers_and_possessives() {
        assert_eq!(
            texts("Lt. Col. Smith's U.S. plan, 4.2 billion, 28-point at 1:00."),
            [
                "Lt.", "Col.", "Smith", "'s", "U.S.", "plan", ",", "4.2", "billion", ",",
                "28-point", "at", "1:00", "."
            ]
        );
    }

    #[test]
    fn a_decimal_after_a_hyphen_stays_in_its_word() {
        assert_eq!(
            texts("A magnitude-7.1 earthquake, 4.2 billion."),
            [
                "A",
                "magnitude-7.1",
                "earthquake",
                ",",
                "4.2",
                "billion",
                "."
            ]
        );
    }

    #[test]
    fn keeps_name_compounds_and_splits_curly_possessives() {
        assert_eq!(
            texts("the Trump-Putin summit, Ukraine\u{2019}s army"),
            [
                "the",
                "Trump-Putin",
                "summit",
                ",",
                "Ukraine",
                "\u{2019}s",
                "army"
            ]
        );
    }
}
