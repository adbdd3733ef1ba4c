use std::path::Path;

/// What a file holds, told by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    /// `.txt`: UTF-8 text.
    Text,
    /// `.html` or `.htm`: a page in any encoding.
    Html,
    /// `.jsonl`: one JSON record per line.
    JsonLines,
}

impl FileKind {
    /// The kind for `path`'s extension, in any case, or the message saying why there is none.
    pub(crate) fn from_path(path: &Path) -> Result<FileKind, String> {
        const EXPECTED: &str = "(expected .txt, .html, .htm or .jsonl)";
        let Some(extension) = path.extension() else {
            return Err(format!(
                "unsupported input type: no file extension {EXPECTED}"
            ));
        };
        let extension = extension.to_string_lossy();
        match extension.to_ascii_lowercase().as_str() {
            "txt" => Ok(FileKind::Text),
            "html" | "htm" => Ok(FileKind::Html),
            "jsonl" => Ok(FileKind::JsonLines),
            _ => Err(format!(
                "unsupported input type \".{extension}\" {EXPECTED}"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_in_any_case() {
        assert_eq!(
            FileKind::from_path(Path::new("a/b.TXT")),
            Ok(FileKind::Text)
        );
        assert_eq!(FileKind::from_path(Path::new("b.Html")), Ok(FileKind::Html));
        assert_eq!(FileKind::from_path(Path::new("b.htm")), Ok(FileKind::Html));
        assert_eq!(
            FileKind::from_path(Path::new("x.tar.JSONL")),
            Ok(FileKind::JsonLines)
        );
    }

    #[test]
    fn unknown_extensions_are_named() {
        assert_eq!(
            FileKind::from_path(Path::new("report.pdf")),
            Err(
                "unsupported input type \".pdf\" (expected .txt, .html, .htm or .jsonl)"
                    .to_string()
            )
        );
        assert_eq!(
            FileKind::from_path(Path::new("README")),
            Err(
                "unsupported input type: no file extension (expected .txt, .html, .htm or .jsonl)"
                    .to_string()
            )
        );
    }
}
