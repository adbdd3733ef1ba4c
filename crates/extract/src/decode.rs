//! Bytes of a page to text: byte-order mark, then the `<meta>` charset, then UTF-8 when the
//! bytes are valid UTF-8, else windows-1252.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Pages are cut at this many bytes: no news article needs more, and hostile input must not
/// cost unbounded memory.
pub(crate) const MAX_PAGE_BYTES: usize = 16 << 20;
/// How far into the page a `<meta>` charset declaration is looked for.
const PRESCAN_BYTES: usize = 4096;

/// How much of a page is looked at to tell binary data from text.
const SNIFF_BYTES: usize = 1024;
/// Binary data holds control bytes; text almost never does. Above this share, the bytes are
/// not a page.
const MAX_CONTROL_SHARE: f64 = 0.02;

/// Whether the bytes look like binary data rather than a page in any text encoding: a NUL or
/// many control bytes near the start, with no byte-order mark (UTF-16 text holds NULs).
pub(crate) fn is_binary(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some() {
        return false;
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.is_empty() {
        return false;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    head.contains(&0) || controls as f64 / head.len() as f64 > MAX_CONTROL_SHARE
}

/// Decodes a page, cut at [`MAX_PAGE_BYTES`]. Never fails: undecodable bytes become U+FFFD.
pub(crate) fn decode(bytes: &[u8]) -> String {
    let was_cut = bytes.len() > MAX_PAGE_BYTES;
    let bytes = &bytes[..bytes.len().min(MAX_PAGE_BYTES)];
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        return text.into_owned();
    }
    let declared = declared_encoding(&bytes[..bytes.len().min(PRESCAN_BYTES)]);
    let encoding = match declared {
        // A page that could be read far enough to find its declaration is not UTF-16: the
        // HTML standard reads such a declaration as UTF-8.
        Some(encoding) if encoding == UTF_16LE || encoding == UTF_16BE => UTF_8,
        Some(encoding) => encoding,
        None if is_utf8(bytes, was_cut) => UTF_8,
        None => WINDOWS_1252,
    };
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    text.into_owned()
}

/// Whether the bytes are UTF-8, allowing a character cut at the end when the size cap cut it.
fn is_utf8(bytes: &[u8], was_cut: bool) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(error) => was_cut && error.error_len().is_none(),
    }
}

/// The encoding a `<meta charset>` or `<meta http-equiv="Content-Type" content="...;
/// charset=...">` declares.
fn declared_encoding(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at + b"<meta".len();
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        if let Some(encoding) = charset_in_tag(&lower[start..end]) {
            return Some(encoding);
        }
        from = end;
    }
    None
}

/// The encoding named by `charset` inside one `<meta ...>` tag.
fn charset_in_tag(tag: &[u8]) -> Option<&'static Encoding> {
    let at = find(tag, b"charset")?;
    let rest = &tag[at + b"charset".len()..];
    let rest = trim_start(rest);
    let rest = trim_start(rest.strip_prefix(b"=")?);
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let label_end = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..label_end])
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_wins_over_guessing() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>caf\xe9</body>";
        assert!(decode(page).contains("café"));
        let page = b"<meta http-equiv=Content-Type content='text/html; charset=ISO-8859-1'>\xe9";
        assert!(decode(page).ends_with('é'));
    }

    #[test]
    fn boms_and_fallbacks() {
        assert_eq!(decode(b"\xef\xbb\xbfhi"), "hi");
        assert_eq!(decode(b"\xff\xfeh\0i\0"), "hi");
        assert_eq!(decode("café".as_bytes()), "café");
        assert_eq!(decode(b"caf\xe9"), "café");
    }

    #[test]
    fn pages_are_cut_at_the_cap() {
        let page = vec![b'a'; MAX_PAGE_BYTES + 10];
        assert_eq!(decode(&page).len(), MAX_PAGE_BYTES);
        let mut page = vec![b'a'; MAX_PAGE_BYTES - 1];
        page.extend_from_slice("é".as_bytes());
        assert!(
            decode(&page).ends_with('\u{fffd}'),
            "a character cut by the cap stays UTF-8"
        );
    }

    #[test]
    fn binary_data_is_told_from_text() {
        assert!(is_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert!(!is_binary(b"\xff\xfeh\0i\0"));
        assert!(!is_binary("<p>caf\u{e9}</p>\n".as_bytes()));
        assert!(!is_binary(b""));
    }

    #[test]
    fn a_declared_utf16_is_read_as_utf8() {
        assert_eq!(
            decode(b"<meta charset=utf-16>\xc3\xa9"),
            "<meta charset=utf-16>é"
        );
    }
}
