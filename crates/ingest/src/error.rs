use dossier_model::Diagnostic;

/// What went wrong with an input, for callers that sort failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The path names nothing.
    NotFound,
    /// The file or folder exists but could not be read.
    Io,
    /// The file's extension is not one ingest reads.
    Unsupported,
    /// The input holds nothing, or only whitespace.
    Empty,
    /// The input looks like binary data, not text.
    Binary,
    /// The text is not UTF-8.
    Encoding,
    /// The document or JSONL line is over its size cap.
    TooLarge,
    /// A JSONL line is not valid JSON.
    Json,
    /// A JSONL record lacks a field or has one of the wrong type or form.
    Field,
}

/// Why one input (a file, a folder, a JSONL line or stdin) was skipped.
///
/// The reader hands these out as [`Diagnostic`]s; the kind is kept here so that the
/// conversion is the only place that decides the wording of the label.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{input}: {message}")]
pub struct Error {
    kind: ErrorKind,
    input: String,
    message: String,
}

impl Error {
    pub(crate) fn new(
        kind: ErrorKind,
        input: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Error {
            kind,
            input: input.into(),
            message: message.into(),
        }
    }

    /// An I/O failure on `input`, described in our own words.
    pub(crate) fn io(input: impl Into<String>, error: &std::io::Error) -> Self {
        let kind = match error.kind() {
            std::io::ErrorKind::NotFound => ErrorKind::NotFound,
            _ => ErrorKind::Io,
        };
        Error::new(kind, input, describe_io(error))
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The input: a path, `path:line` for a JSONL line, or `-` for stdin.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// Lowercase, no final period: what was expected and what was found.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl From<Error> for Diagnostic {
    fn from(error: Error) -> Self {
        Diagnostic::error(error.input, error.message)
    }
}

/// The standard library's messages are capitalised and carry OS error numbers; ours are not.
fn describe_io(error: &std::io::Error) -> String {
    use std::io::ErrorKind as Io;
    match error.kind() {
        Io::NotFound => "no such file or folder".to_string(),
        Io::PermissionDenied => "permission denied".to_string(),
        Io::IsADirectory => "expected a file, found a folder".to_string(),
        Io::NotADirectory => "expected a folder, found a file".to_string(),
        Io::InvalidData => "invalid data".to_string(),
        Io::UnexpectedEof => "file ended early".to_string(),
        _ => {
            let text = error.to_string();
            let text = match text.find(" (os error") {
                Some(end) => &text[..end],
                None => &text[..],
            };
            let mut chars = text.chars();
            let lowered = match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => String::new(),
            };
            format!("cannot read: {lowered}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_read_as_our_own_messages() {
        let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
        let error = Error::io("a.txt", &missing);
        assert_eq!(error.kind(), ErrorKind::NotFound);
        assert_eq!(error.to_string(), "a.txt: no such file or folder");

        let other = std::io::Error::other("Disk on fire (os error 99)");
        assert_eq!(
            Error::io("b", &other).message(),
            "cannot read: disk on fire"
        );
    }

    #[test]
    fn converts_to_an_error_diagnostic() {
        let error = Error::new(ErrorKind::Empty, "a.txt", "empty file");
        let diagnostic = Diagnostic::from(error);
        assert_eq!(diagnostic, Diagnostic::error("a.txt", "empty file"));
    }
}
