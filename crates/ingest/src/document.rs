//! Plain documents: `.txt` and `.html` files and stdin, each read whole under a cap.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use dossier_model::{Body, Input, Origin};

use crate::IngestConfig;
use crate::error::{Error, ErrorKind};
use crate::file_kind::FileKind;
use crate::sniff;

/// What a message calls the input: stdin is not a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Noun {
    File,
    Input,
}

impl Noun {
    fn as_str(self) -> &'static str {
        match self {
            Noun::File => "file",
            Noun::Input => "input",
        }
    }
}

/// Reads a `.txt` or `.html` file. The size is checked before reading, and no more than the
/// cap plus one byte is read even when the file grows meanwhile.
pub(crate) fn read_file(
    path: &Path,
    label: &str,
    kind: FileKind,
    config: &IngestConfig,
) -> Result<Input, Error> {
    let cap = config.max_document_bytes;
    let file = File::open(path).map_err(|error| Error::io(label, &error))?;
    let metadata = file.metadata().map_err(|error| Error::io(label, &error))?;
    if metadata.is_dir() {
        return Err(Error::new(
            ErrorKind::Io,
            label,
            "expected a file, found a folder",
        ));
    }
    let size = metadata.len();
    if size > cap as u64 {
        return Err(over_cap(label, Some(size), cap));
    }
    let bytes = read_capped(file, cap, usize::try_from(size).unwrap_or(cap))
        .map_err(|error| Error::io(label, &error))?
        .ok_or_else(|| over_cap(label, None, cap))?;
    let body = match kind {
        FileKind::Html => Body::Html(html_body(bytes, label, Noun::File)?),
        FileKind::Text | FileKind::JsonLines => Body::Text(text_body(bytes, label, Noun::File)?),
    };
    Ok(plain_input(Origin::Path(label.to_string()), body, config))
}

/// Reads stdin (or any stream standing for it): HTML when it looks like a page, else text.
pub(crate) fn read_stdin(reader: impl Read, config: &IngestConfig) -> Result<Input, Error> {
    let label = Origin::Stdin.label();
    let cap = config.max_document_bytes;
    let bytes = read_capped(reader, cap, 0)
        .map_err(|error| Error::io(&label, &error))?
        .ok_or_else(|| over_cap(&label, None, cap))?;
    let body = if sniff::looks_like_html(&bytes) {
        Body::Html(html_body(bytes, &label, Noun::Input)?)
    } else {
        Body::Text(text_body(bytes, &label, Noun::Input)?)
    };
    Ok(plain_input(Origin::Stdin, body, config))
}

/// Reads everything when it is at most `cap` bytes, else `None`. Never reads more than
/// `cap + 1` bytes. `size_hint` only sizes the first allocation.
pub(crate) fn read_capped(
    reader: impl Read,
    cap: usize,
    size_hint: usize,
) -> std::io::Result<Option<Vec<u8>>> {
    let limit = (cap as u64).saturating_add(1);
    let mut bytes = Vec::with_capacity(size_hint.min(cap).saturating_add(1));
    reader.take(limit).read_to_end(&mut bytes)?;
    Ok((bytes.len() <= cap).then_some(bytes))
}

/// The message for a document over the cap; `size` when known before reading.
pub(crate) fn over_cap(label: &str, size: Option<u64>, cap: usize) -> Error {
    let message = match size {
        Some(size) => format!("document is {size} bytes, over the {cap}-byte cap"),
        None => format!("document is over the {cap}-byte cap"),
    };
    Error::new(ErrorKind::TooLarge, label, message)
}

fn plain_input(origin: Origin, body: Body, config: &IngestConfig) -> Input {
    Input {
        origin,
        outlet: config.outlet.clone(),
        published: config.published,
        title: None,
        url: config.url.clone(),
        body,
    }
}

/// Checks and decodes text: UTF-8, a byte order mark dropped, not binary, not blank.
fn text_body(mut bytes: Vec<u8>, label: &str, noun: Noun) -> Result<String, Error> {
    let noun_text = noun.as_str();
    if let Some(encoding) = sniff::utf16_byte_order_mark(&bytes) {
        return Err(Error::new(
            ErrorKind::Encoding,
            label,
            format!("text is {encoding} (found a {encoding} byte order mark; expected UTF-8)"),
        ));
    }
    let (rest, had_bom) = sniff::strip_utf8_bom(&bytes);
    if rest.is_empty() {
        return Err(empty(label, noun));
    }
    if let Some(evidence) = sniff::binary_evidence(rest) {
        return Err(Error::new(
            ErrorKind::Binary,
            label,
            format!("binary {noun_text}, not text ({evidence})"),
        ));
    }
    let bom_length = if had_bom {
        bytes.drain(..3);
        3
    } else {
        0
    };
    let text = String::from_utf8(bytes).map_err(|error| {
        let utf8 = error.utf8_error();
        let offset = utf8.valid_up_to() + bom_length;
        let found = match utf8.error_len() {
            Some(_) => {
                let byte = error.as_bytes()[utf8.valid_up_to()];
                format!("0x{byte:02x}")
            }
            None => format!("a character cut off by the end of the {noun_text}"),
        };
        Error::new(
            ErrorKind::Encoding,
            label,
            format!("invalid UTF-8 at byte offset {offset} (found {found}; expected UTF-8 text)"),
        )
    })?;
    if text.trim().is_empty() {
        return Err(blank(label, noun));
    }
    Ok(text)
}

/// Checks an HTML page without decoding it: not binary (UTF-16 pages aside), not blank.
fn html_body(bytes: Vec<u8>, label: &str, noun: Noun) -> Result<Vec<u8>, Error> {
    if sniff::utf16_byte_order_mark(&bytes).is_some() {
        return Ok(bytes);
    }
    let (rest, _) = sniff::strip_utf8_bom(&bytes);
    if rest.is_empty() {
        return Err(empty(label, noun));
    }
    if let Some(evidence) = sniff::binary_evidence(rest) {
        return Err(Error::new(
            ErrorKind::Binary,
            label,
            format!("binary {}, not HTML ({evidence})", noun.as_str()),
        ));
    }
    if rest.iter().all(u8::is_ascii_whitespace) {
        return Err(blank(label, noun));
    }
    Ok(bytes)
}

fn empty(label: &str, noun: Noun) -> Error {
    Error::new(ErrorKind::Empty, label, format!("empty {}", noun.as_str()))
}

fn blank(label: &str, noun: Noun) -> Error {
    Error::new(
        ErrorKind::Empty,
        label,
        format!(
            "{} holds only whitespace (expected article text)",
            noun.as_str()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> Result<String, String> {
        text_body(bytes.to_vec(), "a.txt", Noun::File).map_err(|error| error.to_string())
    }

    fn stdin(bytes: &[u8]) -> Result<Input, String> {
        read_stdin(bytes, &IngestConfig::default()).map_err(|error| error.to_string())
    }

    /// Counts the bytes handed out, to show a read stops at the cap.
    struct Endless {
        handed_out: usize,
    }

    impl Read for Endless {
        fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
            buffer.fill(b'a');
            self.handed_out += buffer.len();
            Ok(buffer.len())
        }
    }

    #[test]
    fn capped_read_stops_one_byte_past_the_cap() {
        let mut endless = Endless { handed_out: 0 };
        let read = read_capped(&mut endless, 1000, 0).expect("no I/O error");
        assert_eq!(read, None);
        assert_eq!(endless.handed_out, 1001);

        let exact = read_capped(&b"abc"[..], 3, 3).expect("no I/O error");
        assert_eq!(exact.as_deref(), Some(&b"abc"[..]));
    }

    #[test]
    fn text_drops_a_utf8_bom() {
        assert_eq!(text(b"\xEF\xBB\xBFHello"), Ok("Hello".to_string()));
    }

    #[test]
    fn invalid_utf8_names_the_offset_in_the_file() {
        assert_eq!(
            text(b"abc\xFFdef"),
            Err(
                "a.txt: invalid UTF-8 at byte offset 3 (found 0xff; expected UTF-8 text)"
                    .to_string()
            )
        );
        assert_eq!(
            text(b"\xEF\xBB\xBFab\xC3"),
            Err(
                "a.txt: invalid UTF-8 at byte offset 5 (found a character cut off by the end \
                 of the file; expected UTF-8 text)"
                    .to_string()
            )
        );
    }

    #[test]
    fn empty_blank_binary_and_utf16_text_are_refused() {
        assert_eq!(text(b""), Err("a.txt: empty file".to_string()));
        assert_eq!(text(b"\xEF\xBB\xBF"), Err("a.txt: empty file".to_string()));
        assert_eq!(
            text(b" \n\t\r\n"),
            Err("a.txt: file holds only whitespace (expected article text)".to_string())
        );
        assert_eq!(
            text(b"PK\x03\x04\0\0"),
            Err("a.txt: binary file, not text (found NUL bytes)".to_string())
        );
        assert_eq!(
            text(b"\xFF\xFEa\0b\0"),
            Err(
                "a.txt: text is UTF-16LE (found a UTF-16LE byte order mark; expected UTF-8)"
                    .to_string()
            )
        );
    }

    #[test]
    fn html_is_kept_as_bytes() {
        let page = b"<html><meta charset=latin1><p>caf\xE9</p></html>".to_vec();
        let body = html_body(page.clone(), "a.html", Noun::File);
        assert_eq!(body, Ok(page));
        let utf16 = b"\xFF\xFE<\0p\0>\0".to_vec();
        assert_eq!(html_body(utf16.clone(), "a.html", Noun::File), Ok(utf16));
        assert_eq!(
            html_body(b"\n \n".to_vec(), "a.html", Noun::File).map_err(|e| e.to_string()),
            Err("a.html: file holds only whitespace (expected article text)".to_string())
        );
    }

    #[test]
    fn stdin_is_html_or_text() {
        let page = stdin(b"  <!doctype html><p>Hi</p>").expect("html");
        assert_eq!(page.origin, Origin::Stdin);
        assert_eq!(
            page.body,
            Body::Html(b"  <!doctype html><p>Hi</p>".to_vec())
        );

        let plain = stdin(b"Hi there").expect("text");
        assert_eq!(plain.body, Body::Text("Hi there".to_string()));

        assert_eq!(stdin(b"").map(|_| ()), Err("-: empty input".to_string()));
        assert_eq!(
            stdin(b"a\0b").map(|_| ()),
            Err("-: binary input, not text (found NUL bytes)".to_string())
        );
    }

    #[test]
    fn stdin_over_the_cap_is_refused() {
        let config = IngestConfig {
            max_document_bytes: 4,
            ..IngestConfig::default()
        };
        let error = read_stdin(&b"hello"[..], &config).expect_err("over cap");
        assert_eq!(error.kind(), ErrorKind::TooLarge);
        assert_eq!(error.message(), "document is over the 4-byte cap");
    }

    #[test]
    fn plain_inputs_take_the_configured_metadata() {
        let config = IngestConfig {
            outlet: Some("BBC".to_string()),
            url: Some("https://bbc.co.uk/x".to_string()),
            published: crate::parse_published("2024-03-01"),
            ..IngestConfig::default()
        };
        let input = read_stdin(&b"Hello"[..], &config).expect("text");
        assert_eq!(input.outlet.as_deref(), Some("BBC"));
        assert_eq!(input.url.as_deref(), Some("https://bbc.co.uk/x"));
        assert_eq!(input.published, config.published);
        assert_eq!(input.title, None);
    }
}
