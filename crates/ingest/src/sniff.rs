/// How many leading bytes the binary check looks at; enough to see past a file's header.
const BINARY_SAMPLE: usize = 8 * 1024;

/// Above this share of control characters (in percent) a sample is binary, not text.
const CONTROL_PERCENT: usize = 30;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Whether input of unknown type (stdin) is an HTML page rather than plain text: after an
/// optional UTF-8 byte order mark and whitespace it starts with `<`, and it contains `<html`,
/// `<body`, `<p` or `<!doctype` in any case.
///
/// ```
/// assert!(dossier_ingest::looks_like_html(b"\n<!DOCTYPE html><title>x</title>"));
/// assert!(!dossier_ingest::looks_like_html(b"The <p> tag starts a paragraph."));
/// ```
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let start = bytes.iter().position(|byte| !byte.is_ascii_whitespace());
    let Some(start) = start else {
        return false;
    };
    let rest = &bytes[start..];
    rest.first() == Some(&b'<')
        && [&b"<html"[..], b"<body", b"<p", b"<!doctype"]
            .iter()
            .any(|needle| contains_ignore_ascii_case(rest, needle))
}

fn contains_ignore_ascii_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle))
}

/// Why the start of `bytes` looks like binary data, or `None` when it looks like text:
/// a NUL byte, or more than 30% control characters, in the first 8 KiB.
pub(crate) fn binary_evidence(bytes: &[u8]) -> Option<String> {
    let sample = &bytes[..bytes.len().min(BINARY_SAMPLE)];
    if sample.contains(&0) {
        return Some("found NUL bytes".to_string());
    }
    if sample.is_empty() {
        return None;
    }
    let controls = sample.iter().filter(|&&byte| is_control(byte)).count();
    let percent = controls * 100 / sample.len();
    if controls * 100 > sample.len() * CONTROL_PERCENT {
        Some(format!("found {percent}% control characters"))
    } else {
        None
    }
}

/// Control characters that do not occur in ordinary text (tab, line ends and form feed do).
fn is_control(byte: u8) -> bool {
    (byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r' | 0x0C)) || byte == 0x7F
}

/// The byte order mark `bytes` starts with when it is UTF-16's, which the text checks
/// would otherwise call binary because of its NUL bytes.
pub(crate) fn utf16_byte_order_mark(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\xFF\xFE") {
        Some("UTF-16LE")
    } else if bytes.starts_with(b"\xFE\xFF") {
        Some("UTF-16BE")
    } else {
        None
    }
}

/// `bytes` without a leading UTF-8 byte order mark, and whether there was one.
pub(crate) fn strip_utf8_bom(bytes: &[u8]) -> (&[u8], bool) {
    match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (rest, true),
        None => (bytes, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_needs_a_leading_tag_and_a_page_tag() {
        assert!(looks_like_html(b"<html><body>x</body></html>"));
        assert!(looks_like_html(b"\xEF\xBB\xBF  \r\n<P>Paragraph</P>"));
        assert!(looks_like_html(b"<div><BODY>"));
        assert!(!looks_like_html(b"<div>no page tags</div>"));
        assert!(!looks_like_html(b"Plain text mentioning <html> later"));
        assert!(!looks_like_html(b""));
        assert!(!looks_like_html(b"   \n"));
        assert!(!looks_like_html(b"<"));
    }

    #[test]
    fn nul_bytes_make_binary() {
        assert_eq!(
            binary_evidence(b"abc\0def").as_deref(),
            Some("found NUL bytes")
        );
    }

    #[test]
    fn nul_bytes_after_the_sample_are_not_looked_at() {
        let mut bytes = vec![b'a'; BINARY_SAMPLE];
        bytes.push(0);
        assert_eq!(binary_evidence(&bytes), None);
    }

    #[test]
    fn many_control_characters_make_binary() {
        let mut bytes = vec![0x01; 40];
        bytes.extend_from_slice(&[b'a'; 60]);
        assert_eq!(
            binary_evidence(&bytes).as_deref(),
            Some("found 40% control characters")
        );
        let mut text = vec![0x01; 30];
        text.extend_from_slice(&[b'a'; 70]);
        assert_eq!(binary_evidence(&text), None);
    }

    #[test]
    fn ordinary_text_is_not_binary() {
        assert_eq!(binary_evidence(b"Line one\r\n\tLine two\x0c"), None);
        assert_eq!(binary_evidence("Zoë said “yes”.".as_bytes()), None);
        assert_eq!(binary_evidence(b""), None);
    }

    #[test]
    fn byte_order_marks() {
        assert_eq!(utf16_byte_order_mark(b"\xFF\xFEa\0"), Some("UTF-16LE"));
        assert_eq!(utf16_byte_order_mark(b"\xFE\xFF\0a"), Some("UTF-16BE"));
        assert_eq!(utf16_byte_order_mark(b"ab"), None);
        assert_eq!(strip_utf8_bom(b"\xEF\xBB\xBFab"), (&b"ab"[..], true));
        assert_eq!(strip_utf8_bom(b"ab"), (&b"ab"[..], false));
    }
}
