//! A forgiving HTML tokenizer: start tags with their attributes, end tags and text, in one
//! pass over the page with no allocation but the caller's attribute buffer.
//!
//! It follows the HTML standard where that matters for reading text (raw text in `<script>`
//! and `<style>`, escapable raw text in `<title>` and `<textarea>`, comments, quoted attribute
//! values holding `>`), and skips what does not (doctype, processing instructions, the script
//! data escape states). Every byte it cuts at is ASCII, so every slice is valid UTF-8.

use memchr::{memchr, memchr2, memchr3};

/// One attribute of a start tag, as written (the value not yet decoded).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Attribute<'a> {
    /// The name as written; compare with [`Attribute::is`].
    pub(crate) name: &'a str,
    /// The value as written, character references not yet decoded; empty when absent.
    pub(crate) value: &'a str,
}

impl Attribute<'_> {
    /// Whether the attribute has this lowercase name.
    pub(crate) fn is(&self, lowercase: &str) -> bool {
        self.name.eq_ignore_ascii_case(lowercase)
    }
}

/// What the tokenizer found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Event<'a> {
    /// A start tag; its attributes are in the buffer given to [`Tokenizer::next`].
    Start {
        /// The tag name as written.
        name: &'a str,
        /// Whether it ends with `/>`.
        self_closing: bool,
    },
    /// An end tag.
    End {
        /// The tag name as written.
        name: &'a str,
    },
    /// Text, character references not yet decoded.
    Text(&'a str),
    /// The content of an element whose content is not markup (`<script>`, `<style>`,
    /// `<title>`, `<textarea>`...), up to its end tag.
    RawText(&'a str),
}

/// Elements whose content is raw text, up to their own end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "title", "textarea",
];

/// A `<noscript>` holding this many `<p>` tags is read as markup.
const MIN_NOSCRIPT_PARAGRAPHS: usize = 2;

/// The tokenizer's position in a page.
pub(crate) struct Tokenizer<'a> {
    source: &'a str,
    at: usize,
    /// The raw-text element just opened, whose content comes next.
    raw_text: Option<&'static str>,
    /// Whether a `<noscript>` holding paragraphs is read as markup.
    reads_noscript: bool,
}

impl<'a> Tokenizer<'a> {
    /// Whether the start tag just given opens raw text (its content comes next as one
    /// [`Event::RawText`]).
    pub(crate) fn opens_raw_text(&self) -> bool {
        self.raw_text.is_some()
    }

    pub(crate) fn new(source: &'a str) -> Self {
        Tokenizer {
            source,
            at: 0,
            raw_text: None,
            reads_noscript: false,
        }
    }

    /// A tokenizer that reads the content of a `<noscript>` holding paragraphs as markup.
    pub(crate) fn reading_noscript(source: &'a str) -> Self {
        Tokenizer {
            reads_noscript: true,
            ..Tokenizer::new(source)
        }
    }

    /// The next event, its attributes (for a start tag) in `attributes`.
    pub(crate) fn next(&mut self, attributes: &mut Vec<Attribute<'a>>) -> Option<Event<'a>> {
        let bytes = self.source.as_bytes();
        if let Some(name) = self.raw_text.take() {
            let end = raw_text_end(self.source, self.at, name);
            let text = &self.source[self.at..end];
            self.at = end;
            if !text.is_empty() {
                return Some(Event::RawText(text));
            }
        }
        loop {
            if self.at >= bytes.len() {
                return None;
            }
            let start = self.at;
            if bytes[start] != b'<' {
                let end = memchr(b'<', &bytes[start..]).map_or(bytes.len(), |at| start + at);
                self.at = end;
                return Some(Event::Text(&self.source[start..end]));
            }
            match bytes.get(start + 1) {
                Some(b'!') => self.at = markup_declaration_end(bytes, start),
                Some(b'?') => self.at = bogus_comment_end(bytes, start + 2),
                Some(b'/') => match bytes.get(start + 2) {
                    Some(c) if c.is_ascii_alphabetic() => {
                        let name_end = name_end(bytes, start + 2);
                        let name = &self.source[start + 2..name_end];
                        self.at = tag_end(bytes, name_end);
                        return Some(Event::End { name });
                    }
                    Some(b'>') => self.at = start + 3,
                    Some(_) => self.at = bogus_comment_end(bytes, start + 2),
                    None => {
                        self.at = bytes.len();
                        return Some(Event::Text(&self.source[start..]));
                    }
                },
                Some(c) if c.is_ascii_alphabetic() => {
                    attributes.clear();
                    let name_end = name_end(bytes, start + 1);
                    let name = &self.source[start + 1..name_end];
                    let (end, self_closing) = self.attributes(name_end, attributes);
                    self.at = end;
                    if !self_closing {
                        self.raw_text = RAW_TEXT
                            .iter()
                            .find(|raw| raw.eq_ignore_ascii_case(name))
                            .copied()
                            .filter(|&raw| {
                                raw != "noscript"
                                    || !self.reads_noscript
                                    || !self.noscript_holds_prose()
                            });
                    }
                    return Some(Event::Start { name, self_closing });
                }
                _ => {
                    // A "<" that opens no tag is text.
                    let end =
                        memchr(b'<', &bytes[start + 1..]).map_or(bytes.len(), |at| start + 1 + at);
                    self.at = end;
                    return Some(Event::Text(&self.source[start..end]));
                }
            }
        }
    }

    /// Whether the raw content of the `<noscript>` just opened holds paragraphs of markup:
    /// the copy of an article for readers without scripts, whose script-rendered twin is out
    /// of reach. Its content is then read as markup, as a parser without scripting reads it.
    fn noscript_holds_prose(&self) -> bool {
        let end = raw_text_end(self.source, self.at, "noscript");
        let content = &self.source.as_bytes()[self.at..end];
        let paragraphs = content
            .windows(3)
            .filter(|window| {
                window[0] == b'<'
                    && window[1].eq_ignore_ascii_case(&b'p')
                    && (window[2] == b'>' || window[2].is_ascii_whitespace())
            })
            .count();
        paragraphs >= MIN_NOSCRIPT_PARAGRAPHS
    }

    /// Reads the attributes from `from` to the end of the tag; gives the index after the tag
    /// and whether it ends with `/>`.
    fn attributes(&self, from: usize, attributes: &mut Vec<Attribute<'a>>) -> (usize, bool) {
        let bytes = self.source.as_bytes();
        let mut at = from;
        loop {
            while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b'/') {
                if bytes[at] == b'/' && bytes.get(at + 1) == Some(&b'>') {
                    return (at + 2, true);
                }
                at += 1;
            }
            if at >= bytes.len() {
                return (bytes.len(), false);
            }
            if bytes[at] == b'>' {
                return (at + 1, false);
            }
            // An attribute name runs to whitespace, "/", ">" or "=" (a leading "=" is part of
            // the name, as the standard says).
            let name_start = at;
            at += 1;
            while at < bytes.len()
                && !matches!(bytes[at], b'/' | b'>' | b'=')
                && !bytes[at].is_ascii_whitespace()
            {
                at += 1;
            }
            let name = &self.source[name_start..at];
            while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            let mut value = "";
            if bytes.get(at) == Some(&b'=') {
                at += 1;
                while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                    at += 1;
                }
                match bytes.get(at) {
                    Some(&quote @ (b'"' | b'\'')) => {
                        let value_start = at + 1;
                        let end = memchr(quote, &bytes[value_start..])
                            .map_or(bytes.len(), |end| value_start + end);
                        value = &self.source[value_start..end];
                        at = (end + 1).min(bytes.len());
                    }
                    Some(_) => {
                        let value_start = at;
                        while at < bytes.len()
                            && bytes[at] != b'>'
                            && !bytes[at].is_ascii_whitespace()
                        {
                            at += 1;
                        }
                        value = &self.source[value_start..at];
                    }
                    None => {}
                }
            }
            if attributes.len() < MAX_ATTRIBUTES {
                attributes.push(Attribute { name, value });
            }
        }
    }
}

/// A tag keeps at most this many attributes; the rest are read past.
const MAX_ATTRIBUTES: usize = 64;

/// Where a tag name ends.
fn name_end(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    while at < bytes.len() && !matches!(bytes[at], b'/' | b'>') && !bytes[at].is_ascii_whitespace()
    {
        at += 1;
    }
    at
}

/// The index after the `>` that ends an end tag (its attributes, if any, are ignored).
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    loop {
        let Some(offset) = memchr3(b'>', b'"', b'\'', &bytes[at.min(bytes.len())..]) else {
            return bytes.len();
        };
        at += offset;
        match bytes[at] {
            b'>' => return at + 1,
            quote => {
                // Quotes matter only in an attribute value: after "=".
                let is_value = bytes[from..at]
                    .iter()
                    .rev()
                    .find(|b| !b.is_ascii_whitespace())
                    == Some(&b'=');
                if is_value {
                    at = memchr(quote, &bytes[at + 1..]).map_or(bytes.len(), |end| at + 1 + end);
                }
                at += 1;
            }
        }
    }
}

/// After `<!`: a comment, a doctype, CDATA or a bogus comment.
fn markup_declaration_end(bytes: &[u8], start: usize) -> usize {
    let rest = &bytes[start + 2..];
    if rest.starts_with(b"--") {
        let body = start + 4;
        // "<!-->" and "<!--->" are empty comments.
        if bytes.get(body) == Some(&b'>') {
            return body + 1;
        }
        if bytes.get(body..body + 2) == Some(b"->") {
            return body + 2;
        }
        let mut at = body;
        while let Some(offset) = memchr2(b'-', b'!', &bytes[at..]) {
            let dash = at + offset;
            if bytes[dash..].starts_with(b"-->") {
                return dash + 3;
            }
            if bytes[dash..].starts_with(b"--!>") {
                return dash + 4;
            }
            at = dash + 1;
        }
        return bytes.len();
    }
    bogus_comment_end(bytes, start + 2)
}

/// A bogus comment (`<?...>`, `<!DOCTYPE ...>`, `</ ...>`) ends at the first `>`.
fn bogus_comment_end(bytes: &[u8], from: usize) -> usize {
    let from = from.min(bytes.len());
    memchr(b'>', &bytes[from..]).map_or(bytes.len(), |at| from + at + 1)
}

/// Where the content of a raw-text element ends: at `</name` followed by whitespace, `/` or
/// `>`, found without regard to case; the end of the page when there is none.
fn raw_text_end(source: &str, from: usize, name: &str) -> usize {
    let bytes = source.as_bytes();
    let mut at = from;
    while let Some(offset) = memchr(b'<', &bytes[at.min(bytes.len())..]) {
        let open = at + offset;
        let name_start = open + 2;
        let name_end = name_start + name.len();
        let closes = bytes.get(open + 1) == Some(&b'/')
            && bytes
                .get(name_start..name_end)
                .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name.as_bytes()))
            && bytes
                .get(name_end)
                .is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'));
        if closes {
            return open;
        }
        at = open + 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(source: &str) -> Vec<String> {
        let mut tokenizer = Tokenizer::new(source);
        let mut attributes = Vec::new();
        let mut out = Vec::new();
        while let Some(event) = tokenizer.next(&mut attributes) {
            out.push(match event {
                Event::Start { name, self_closing } => {
                    let attrs: Vec<String> = attributes
                        .iter()
                        .map(|a| format!("{}={}", a.name, a.value))
                        .collect();
                    format!(
                        "<{name}{}{}>",
                        if attrs.is_empty() {
                            String::new()
                        } else {
                            format!(" {}", attrs.join(" "))
                        },
                        if self_closing { "/" } else { "" }
                    )
                }
                Event::End { name } => format!("</{name}>"),
                Event::Text(text) => format!("T:{text}"),
                Event::RawText(text) => format!("R:{text}"),
            });
        }
        out
    }

    #[test]
    fn tags_attributes_and_text() {
        assert_eq!(
            events("<p class=\"a>b\" id=x data-y='1' hidden>Hi</P><br/>"),
            [
                "<p class=a>b id=x data-y=1 hidden=>",
                "T:Hi",
                "</P>",
                "<br/>"
            ]
        );
    }

    #[test]
    fn comments_doctypes_and_stray_brackets() {
        assert_eq!(
            events("<!DOCTYPE html><!-- <p>no --><!---->a < b<?xml x?></ x>c</>"),
            ["T:a ", "T:< b", "T:c"]
        );
    }

    #[test]
    fn raw_text_runs_to_its_end_tag() {
        assert_eq!(
            events("<script>if (a</b) {}</SCRIPT ><p>x"),
            ["<script>", "R:if (a</b) {}", "</SCRIPT>", "<p>", "T:x"]
        );
        assert_eq!(events("<title>A &amp; B"), ["<title>", "R:A &amp; B"]);
    }

    #[test]
    fn unterminated_input_ends_cleanly() {
        for source in [
            "<",
            "<p",
            "<p class=\"x",
            "<!--",
            "</",
            "</p",
            "<a b='",
            "<script>",
        ] {
            let _ = events(source);
        }
    }
}
