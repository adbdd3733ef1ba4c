//! The only two ways report text reaches the output. Every string taken from a report (article
//! text, titles, names, ids) is untrusted and goes through one of these.

/// Escapes text for HTML element content and for quoted attribute values.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text for one line of Markdown: a table cell, a list item or a heading.
///
/// Line breaks become spaces, so the text cannot end a table row or start a new block. Pipes are
/// escaped, so it cannot add a table column. Backslashes are escaped first, so a `\` in the text
/// cannot un-escape the pipe after it. Emphasis, code, link and HTML characters are escaped, so
/// the text renders as written and a `<script>` in an article stays text.
pub(crate) fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push(' ');
                }
            }
            '\n' | '\u{2028}' | '\u{2029}' => out.push(' '),
            '\\' | '|' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_the_five_characters() {
        assert_eq!(
            html(r#"<a href="x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn markdown_keeps_text_on_one_line_and_in_one_cell() {
        assert_eq!(markdown("a | b\r\nc\nd"), r"a \| b c d");
        assert_eq!(markdown(r"back\|slash"), r"back\\\|slash");
        assert_eq!(
            markdown("<script>*x*</script>"),
            r"\<script\>\*x\*\</script\>"
        );
    }
}
