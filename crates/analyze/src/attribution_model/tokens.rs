//! Tokens, quotation state and sentences for the attribution tagger. Byte offsets into the
//! text; a token never crosses a line break.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, possibly with inner apostrophes, hyphens or dots.
    Word,
    /// Digits first.
    Number,
    /// An opening quotation mark (“ « „ or a straight one that opens).
    Open,
    /// A closing quotation mark (” » or a straight one that closes).
    Close,
    /// A single quotation mark or apostrophe standing alone.
    Single,
    /// Any other punctuation.
    Punct,
}

/// One token.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub lower: std::borrow::Cow<'a, str>,
    /// The hash of the lowercased word (`ner::hash::lower`), which most features read.
    pub key: u64,
    /// The hash of the word's shape (`features::shape`).
    pub shape: u64,
    pub kind: Kind,
    /// A line break precedes it.
    pub line_start: bool,
    /// Strictly inside double quotation marks (the marks themselves are not).
    pub in_quote: bool,
    /// Index of its sentence.
    pub sentence: usize,
}

fn inner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '.' | '&')
}

/// Splits the text into tokens with their quotation state and sentences.
pub(crate) fn tokenize<'a>(text: &'a str, abbreviations: &dyn Fn(&str) -> bool) -> Vec<Tok<'a>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out: Vec<Tok<'a>> = Vec::new();
    let mut line_start = true;
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c == '\n' {
            line_start = true;
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let kind = if c.is_alphanumeric() {
            while j < chars.len() {
                let d = chars[j].1;
                if d.is_alphanumeric()
                    || (inner(d) && j + 1 < chars.len() && chars[j + 1].1.is_alphanumeric())
                {
                    j += 1;
                } else {
                    break;
                }
            }
            if c.is_ascii_digit() {
                Kind::Number
            } else {
                Kind::Word
            }
        } else if (c == '\'' || c == '`') && chars.get(i + 1).is_some_and(|&(_, d)| d == c) {
            // '' and `` stand for double quotation marks in older newswire text; '' opens or
            // closes by parity, as a straight double mark does
            j = i + 2;
            Kind::Open
        } else {
            match c {
                '\u{201c}' | '\u{ab}' | '\u{201e}' => Kind::Open,
                '\u{201d}' | '\u{bb}' => Kind::Close,
                '"' => Kind::Open, // decided below
                '\'' | '\u{2018}' | '\u{2019}' | '`' => Kind::Single,
                _ => Kind::Punct,
            }
        };
        let end = if j < chars.len() {
            chars[j].0
        } else {
            text.len()
        };
        let t = &text[start..end];
        out.push(Tok {
            start,
            end,
            text: t,
            lower: if t.chars().any(char::is_uppercase) {
                t.to_lowercase().into()
            } else {
                t.into()
            },
            key: crate::ner::hash::lower(t),
            shape: super::features::shape(t),
            kind,
            line_start,
            in_quote: false,
            sentence: 0,
        });
        line_start = false;
        i = j;
    }
    quote_state(&mut out);
    sentences(&mut out, abbreviations);
    out
}

/// Straight quotes open or close by parity within a paragraph; tokens between marks are inside.
fn quote_state(tokens: &mut [Tok]) {
    let mut open = false;
    for t in tokens.iter_mut() {
        if t.line_start {
            open = false;
        }
        match t.kind {
            Kind::Open if t.text == "\"" || t.text == "''" => {
                if open {
                    t.kind = Kind::Close;
                    open = false;
                } else {
                    open = true;
                }
            }
            Kind::Open => open = true,
            Kind::Close => open = false,
            _ => t.in_quote = open,
        }
    }
}

fn sentences(tokens: &mut [Tok], abbreviations: &dyn Fn(&str) -> bool) {
    let n = tokens.len();
    // breaks[k]: a new sentence starts at token k
    let mut breaks = vec![false; n];
    for k in 0..n {
        if k > 0 && tokens[k].line_start {
            breaks[k] = true;
        }
        let t = &tokens[k];
        if !matches!(t.text, "." | "!" | "?") {
            continue;
        }
        if t.text == "." && k > 0 {
            let p = &tokens[k - 1];
            let initial = p.text.chars().count() == 1 && p.text.chars().all(char::is_uppercase);
            if p.kind == Kind::Word && (abbreviations(&p.lower) || initial) {
                continue;
            }
        }
        let mut j = k + 1;
        while j < n && tokens[j].kind == Kind::Close && !tokens[j].line_start {
            j += 1;
        }
        if j >= n || tokens[j].line_start {
            continue;
        }
        let next = &tokens[j];
        if next
            .text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || matches!(next.kind, Kind::Open | Kind::Single)
        {
            breaks[j] = true;
        }
    }
    let mut sentence = 0;
    for k in 0..n {
        if breaks[k] {
            sentence += 1;
        }
        tokens[k].sentence = sentence;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubled_apostrophes_and_backticks_are_quotation_marks() {
        let text = "''We are close,'' he said. ``Soon.'' It's Bob's.";
        let toks = tokenize(text, &|_| false);
        let kinds: Vec<(&str, Kind, bool)> =
            toks.iter().map(|t| (t.text, t.kind, t.in_quote)).collect();
        assert_eq!(kinds[0], ("''", Kind::Open, false));
        assert_eq!(kinds[1], ("We", Kind::Word, true));
        assert!(kinds.contains(&("''", Kind::Close, false)));
        assert!(kinds.contains(&("``", Kind::Open, false)));
        assert!(kinds.contains(&("Soon", Kind::Word, true)));
        // a lone apostrophe is still part of its word
        assert!(kinds.iter().any(|k| k.0 == "It's" && !k.2));
    }
}
