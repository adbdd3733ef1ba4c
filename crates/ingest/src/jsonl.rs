//! JSONL files: one article per line, streamed under a cap per line.

use std::io::{BufRead, Read};

use dossier_model::{Body, Input, Origin};
use serde_json::{Map, Value};

use crate::error::{Error, ErrorKind};
use crate::{published, sniff};

/// The records of one JSONL file, read line by line. Memory stays within one line (at most
/// the line cap plus two bytes) whatever the size of the file. Blank lines are skipped; a bad
/// line is one error and reading goes on with the next.
#[derive(Debug)]
pub(crate) struct JsonLines<R> {
    reader: R,
    /// The file as named, for labels.
    path: String,
    /// 1-based number of the line last read.
    line: usize,
    /// The current line, reused between lines.
    buffer: Vec<u8>,
    max_line_bytes: usize,
    max_document_bytes: usize,
    /// Lines that were not blank.
    records: usize,
    done: bool,
}

/// One line, read or refused.
enum Line {
    /// In the buffer, without its line end.
    Read,
    /// Over the cap: its length in bytes without the line end, read past and dropped.
    TooLong(u64),
}

impl<R: BufRead> JsonLines<R> {
    pub(crate) fn new(
        reader: R,
        path: impl Into<String>,
        max_line_bytes: usize,
        max_document_bytes: usize,
    ) -> Self {
        JsonLines {
            reader,
            path: path.into(),
            line: 0,
            buffer: Vec::new(),
            max_line_bytes,
            max_document_bytes,
            records: 0,
            done: false,
        }
    }

    /// Reads the next line into the buffer, reading no more than the cap plus two bytes
    /// (room for `\r\n`) into memory; `None` at the end of the file.
    fn read_line(&mut self) -> std::io::Result<Option<Line>> {
        self.buffer.clear();
        let limit = (self.max_line_bytes as u64).saturating_add(2);
        let read = (&mut self.reader)
            .take(limit)
            .read_until(b'\n', &mut self.buffer)?;
        if read == 0 {
            return Ok(None);
        }
        self.line += 1;
        let ended = self.buffer.last() == Some(&b'\n');
        if !ended && self.buffer.len() as u64 == limit {
            let length = self.skip_line(limit)?;
            return Ok(Some(Line::TooLong(length)));
        }
        if ended {
            self.buffer.pop();
            if self.buffer.last() == Some(&b'\r') {
                self.buffer.pop();
            }
        }
        if self.buffer.len() > self.max_line_bytes {
            return Ok(Some(Line::TooLong(self.buffer.len() as u64)));
        }
        Ok(Some(Line::Read))
    }

    /// Reads past the rest of an over-long line without keeping it; the length of the whole
    /// line without its line end, given the `read` bytes already in the buffer.
    fn skip_line(&mut self, read: u64) -> std::io::Result<u64> {
        let mut length = read;
        let mut last = self.buffer.last().copied();
        loop {
            let available = self.reader.fill_buf()?;
            if available.is_empty() {
                return Ok(length);
            }
            match available.iter().position(|&byte| byte == b'\n') {
                Some(end) => {
                    if end > 0 {
                        last = Some(available[end - 1]);
                    }
                    self.reader.consume(end + 1);
                    length += end as u64;
                    let carriage_return = u64::from(last == Some(b'\r'));
                    return Ok(length - carriage_return);
                }
                None => {
                    let chunk = available.len();
                    last = available.last().copied();
                    self.reader.consume(chunk);
                    length += chunk as u64;
                }
            }
        }
    }

    /// A file whose first bytes are binary is refused whole rather than line by line.
    fn refuse_binary(&mut self) -> std::io::Result<Option<Error>> {
        let start = self.reader.fill_buf()?;
        Ok(sniff::binary_evidence(start).map(|evidence| {
            Error::new(
                ErrorKind::Binary,
                &self.path,
                format!("binary file, not JSONL ({evidence})"),
            )
        }))
    }

    fn label(&self) -> String {
        format!("{}:{}", self.path, self.line)
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Result<Input, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            if self.line == 0 {
                match self.refuse_binary() {
                    Ok(None) => {}
                    Ok(Some(error)) => {
                        self.done = true;
                        return Some(Err(error));
                    }
                    Err(error) => {
                        self.done = true;
                        return Some(Err(Error::io(&self.path, &error)));
                    }
                }
            }
            let line = match self.read_line() {
                Ok(Some(line)) => line,
                Ok(None) => {
                    self.done = true;
                    return (self.records == 0).then(|| Err(self.no_records()));
                }
                Err(error) => {
                    self.done = true;
                    return Some(Err(Error::io(&self.path, &error)));
                }
            };
            let bytes = match line {
                Line::TooLong(length) => {
                    self.records += 1;
                    let message = format!(
                        "line {}: {length} bytes, over the {}-byte line cap",
                        self.line, self.max_line_bytes
                    );
                    return Some(Err(Error::new(ErrorKind::TooLarge, self.label(), message)));
                }
                Line::Read if self.line == 1 => sniff::strip_utf8_bom(&self.buffer).0,
                Line::Read => &self.buffer[..],
            };
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.records += 1;
            let record = parse_record(bytes, &self.path, self.line, self.max_document_bytes);
            return Some(record);
        }
        None
    }
}

impl<R> JsonLines<R> {
    fn no_records(&self) -> Error {
        let message = if self.line == 0 {
            "empty file"
        } else {
            "file holds only blank lines (expected one JSON object per line)"
        };
        Error::new(ErrorKind::Empty, &self.path, message)
    }
}

/// Turns one JSONL line into an input: an object with a `text` or `html` string (`text` wins
/// when both are given) and optional `url`, `outlet`, `published` and `title` strings.
/// Unknown fields are ignored; `null` counts as absent.
pub(crate) fn parse_record(
    bytes: &[u8],
    path: &str,
    line: usize,
    max_document_bytes: usize,
) -> Result<Input, Error> {
    let label = format!("{path}:{line}");
    let fail = |kind: ErrorKind, message: String| {
        Error::new(kind, label.as_str(), format!("line {line}: {message}"))
    };
    let value: Value = serde_json::from_slice(bytes).map_err(|error| {
        fail(
            ErrorKind::Json,
            format!("invalid JSON: {}", describe_json(&error)),
        )
    })?;
    let Value::Object(mut record) = value else {
        let found = describe_value(&value);
        return Err(fail(
            ErrorKind::Field,
            format!("expected a JSON object, found {found}"),
        ));
    };
    let mut field = |name: &str| {
        take_string(&mut record, name).map_err(|message| fail(ErrorKind::Field, message))
    };
    let text = field("text")?;
    let html = field("html")?;
    let url = field("url")?.filter(|url| !url.is_empty());
    let outlet = field("outlet")?.and_then(non_blank);
    let title = field("title")?.and_then(non_blank);
    let published = match field("published")?.and_then(non_blank) {
        None => None,
        Some(text) => match published::parse_published(&text) {
            Some(time) => Some(time),
            None => return Err(fail(ErrorKind::Field, published::describe_bad(&text))),
        },
    };
    let body = match (text, html) {
        (Some(text), _) if !text.trim().is_empty() => Body::Text(text),
        (_, Some(html)) if !html.trim().is_empty() => Body::Html(html.into_bytes()),
        (Some(_), _) => {
            return Err(fail(
                ErrorKind::Empty,
                "\"text\" holds only whitespace (expected article text)".to_string(),
            ));
        }
        (None, Some(_)) => {
            return Err(fail(
                ErrorKind::Empty,
                "\"html\" holds only whitespace (expected a page)".to_string(),
            ));
        }
        (None, None) => {
            return Err(fail(
                ErrorKind::Field,
                "expected a \"text\" or \"html\" string, found neither".to_string(),
            ));
        }
    };
    let size = match &body {
        Body::Text(text) => text.len(),
        Body::Html(html) => html.len(),
    };
    if size > max_document_bytes {
        return Err(fail(
            ErrorKind::TooLarge,
            format!("document is {size} bytes, over the {max_document_bytes}-byte cap"),
        ));
    }
    let origin = match &url {
        Some(url) => Origin::Url(url.clone()),
        None => Origin::Line {
            path: path.to_string(),
            line,
        },
    };
    Ok(Input {
        origin,
        outlet,
        published,
        title,
        url,
        body,
    })
}

/// Takes a string field out of the record: `None` when absent or `null`.
fn take_string(record: &mut Map<String, Value>, name: &str) -> Result<Option<String>, String> {
    match record.remove(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(other) => Err(format!(
            "\"{name}\" must be a string, found {}",
            describe_value(&other)
        )),
    }
}

fn non_blank(text: String) -> Option<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        None
    } else if trimmed.len() == text.len() {
        Some(text)
    } else {
        Some(trimmed.to_string())
    }
}

fn describe_value(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// serde_json's message, with its position given as a column only: the line is always 1
/// within one JSONL line, and the file's line is already in the message.
fn describe_json(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    match text.strip_suffix(&position) {
        Some(message) => format!("{message} at column {}", error.column()),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::BufReader;

    fn records(text: &[u8], max_line_bytes: usize) -> Vec<Result<Input, String>> {
        JsonLines::new(text, "a.jsonl", max_line_bytes, usize::MAX)
            .map(|item| item.map_err(|error| error.to_string()))
            .collect()
    }

    fn errors(text: &[u8]) -> Vec<String> {
        records(text, 1000)
            .into_iter()
            .filter_map(Result::err)
            .collect()
    }

    #[test]
    fn reads_text_and_html_records_with_their_fields() {
        let text = concat!(
            r#"{"text": "Hello", "outlet": " BBC ", "title": "Hi", "published": "2024-03-01"}"#,
            "\n",
            r#"{"html": "<p>Hi</p>", "url": "https://x.test/a?b=1", "extra": [1]}"#,
            "\n",
        );
        let items = records(text.as_bytes(), 1000);
        assert_eq!(items.len(), 2);
        let first = items[0].as_ref().expect("first record");
        assert_eq!(
            first.origin,
            Origin::Line {
                path: "a.jsonl".to_string(),
                line: 1
            }
        );
        assert_eq!(first.body, Body::Text("Hello".to_string()));
        assert_eq!(first.outlet.as_deref(), Some("BBC"));
        assert_eq!(first.title.as_deref(), Some("Hi"));
        assert_eq!(
            first.published.map(|p| p.to_rfc3339()).as_deref(),
            Some("2024-03-01T00:00:00+00:00")
        );
        let second = items[1].as_ref().expect("second record");
        assert_eq!(
            second.origin,
            Origin::Url("https://x.test/a?b=1".to_string())
        );
        assert_eq!(second.url.as_deref(), Some("https://x.test/a?b=1"));
        assert_eq!(second.body, Body::Html(b"<p>Hi</p>".to_vec()));
    }

    #[test]
    fn text_wins_over_html_and_nulls_are_absent() {
        let items = records(
            br#"{"text": "T", "html": "<p>H</p>", "url": null, "title": null}"#,
            1000,
        );
        let input = items[0].as_ref().expect("record");
        assert_eq!(input.body, Body::Text("T".to_string()));
        assert_eq!(input.url, None);
        let items = records(br#"{"text": " ", "html": "<p>H</p>"}"#, 1000);
        let input = items[0].as_ref().expect("record");
        assert_eq!(input.body, Body::Html(b"<p>H</p>".to_vec()));
    }

    #[test]
    fn skips_blank_lines_and_handles_crlf_and_bom() {
        let items = records(
            b"\xEF\xBB\xBF{\"text\":\"a\"}\r\n\r\n   \n{\"text\":\"b\"}",
            1000,
        );
        let lines: Vec<_> = items
            .iter()
            .map(|item| item.as_ref().map(|input| input.origin.label()))
            .collect();
        assert_eq!(
            lines,
            vec![Ok("a.jsonl:1".to_string()), Ok("a.jsonl:4".to_string())]
        );
    }

    #[test]
    fn bad_lines_are_one_error_each_and_reading_goes_on() {
        let text = concat!(
            "{\"text\": \"ok\"}\n",
            "{\"text\": \"broken\"\n",
            "[1, 2]\n",
            "{\"title\": \"no body\"}\n",
            "{\"text\": 5}\n",
            "{\"text\": \"x\", \"published\": \"31/02/2024\"}\n",
            "{\"text\": \"  \"}\n",
            "{\"text\": \"x\", \"outlet\": true}\n",
            "{\"text\": \"last\"}\n",
        );
        let items = records(text.as_bytes(), 1000);
        let rendered: Vec<String> = items
            .iter()
            .map(|item| match item {
                Ok(input) => format!("ok {}", input.origin.label()),
                Err(error) => error.clone(),
            })
            .collect();
        assert_eq!(
            rendered,
            vec![
                "ok a.jsonl:1",
                "a.jsonl:2: line 2: invalid JSON: EOF while parsing an object at column 17",
                "a.jsonl:3: line 3: expected a JSON object, found an array",
                "a.jsonl:4: line 4: expected a \"text\" or \"html\" string, found neither",
                "a.jsonl:5: line 5: \"text\" must be a string, found a number",
                "a.jsonl:6: line 6: published \"31/02/2024\" is not an RFC 3339 time or a calendar day",
                "a.jsonl:7: line 7: \"text\" holds only whitespace (expected article text)",
                "a.jsonl:8: line 8: \"outlet\" must be a string, found a boolean",
                "ok a.jsonl:9",
            ]
        );
    }

    #[test]
    fn a_line_over_the_cap_is_skipped_alone() {
        let long = format!("{{\"text\": \"{}\"}}", "x".repeat(100));
        let text = format!("{{\"text\":\"a\"}}\n{long}\r\n{{\"text\":\"b\"}}\n{long}");
        let items = records(text.as_bytes(), 30);
        let rendered: Vec<String> = items
            .iter()
            .map(|item| match item {
                Ok(input) => format!("ok {}", input.origin.label()),
                Err(error) => error.clone(),
            })
            .collect();
        assert_eq!(
            rendered,
            vec![
                "ok a.jsonl:1".to_string(),
                "a.jsonl:2: line 2: 112 bytes, over the 30-byte line cap".to_string(),
                "ok a.jsonl:3".to_string(),
                "a.jsonl:4: line 4: 112 bytes, over the 30-byte line cap".to_string(),
            ]
        );
    }

    #[test]
    fn line_cap_boundaries() {
        // Exactly at the cap, with either line end, is read.
        let line = br#"{"text":"abc"}"#;
        let cap = line.len();
        for end in [&b"\n"[..], b"\r\n", b""] {
            let mut text = line.to_vec();
            text.extend_from_slice(end);
            let items = records(&text, cap);
            assert!(items[0].is_ok(), "{end:?}: {:?}", items[0]);
        }
        let items = records(br#"{"text":"abcd"}"#, cap);
        assert!(items[0].is_err());
    }

    #[test]
    fn a_body_over_the_document_cap_is_refused() {
        let items: Vec<_> =
            JsonLines::new(&br#"{"text":"abcdef"}"#[..], "a.jsonl", 100, 5).collect();
        let error = items[0].as_ref().expect_err("over cap");
        assert_eq!(error.kind(), ErrorKind::TooLarge);
        assert_eq!(
            error.message(),
            "line 1: document is 6 bytes, over the 5-byte cap"
        );
    }

    #[test]
    fn empty_blank_and_binary_files_are_one_error() {
        assert_eq!(errors(b""), vec!["a.jsonl: empty file"]);
        assert_eq!(
            errors(b"\n  \n"),
            vec!["a.jsonl: file holds only blank lines (expected one JSON object per line)"]
        );
        assert_eq!(
            errors(b"\x1f\x8b\x08\0\0\0\n\n\n"),
            vec!["a.jsonl: binary file, not JSONL (found NUL bytes)"]
        );
    }

    /// Counts the bytes handed out, to show the file is not read ahead of the records.
    struct Counting<'a> {
        inner: &'a [u8],
        handed_out: std::rc::Rc<std::cell::Cell<usize>>,
    }

    impl Read for Counting<'_> {
        fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
            let read = self.inner.read(buffer)?;
            self.handed_out.set(self.handed_out.get() + read);
            Ok(read)
        }
    }

    #[test]
    fn streams_without_reading_ahead() {
        let text = "{\"text\": \"an ordinary article\"}\n".repeat(20_000);
        let handed_out = std::rc::Rc::new(std::cell::Cell::new(0));
        let reader = BufReader::with_capacity(
            4096,
            Counting {
                inner: text.as_bytes(),
                handed_out: handed_out.clone(),
            },
        );
        let mut lines = JsonLines::new(reader, "big.jsonl", 1000, 1000);
        assert!(matches!(lines.next(), Some(Ok(_))));
        assert!(handed_out.get() <= 4096, "read {} bytes", handed_out.get());
        assert_eq!(lines.count(), 19_999);
        assert_eq!(handed_out.get(), text.len());
    }
}
