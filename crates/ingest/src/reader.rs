//! The reader: command-line paths to inputs, one at a time.

use std::collections::VecDeque;
use std::fs::File;
use std::io::BufReader;
use std::iter::FusedIterator;
use std::path::PathBuf;

use dossier_model::{Diagnostic, Input};

use crate::IngestConfig;
use crate::document;
use crate::error::{Error, ErrorKind};
use crate::file_kind::FileKind;
use crate::jsonl::JsonLines;
use crate::walk::Walk;

/// Starts reading `paths` in order: files by extension, folders walked, `-` for stdin.
///
/// Nothing is read until the reader is iterated. Each bad input (a missing path, a file of
/// an unsupported type, an empty, binary or oversized file, invalid UTF-8, a bad JSONL line)
/// gives one error [`Diagnostic`] and reading goes on with the next.
pub fn read(paths: &[String], config: &IngestConfig) -> Reader {
    Reader {
        config: config.clone(),
        paths: paths.iter().cloned().collect(),
        walk: None,
        lines: None,
    }
}

/// The inputs of a set of paths, read lazily: one file at a time, JSONL one line at a time.
///
/// Made by [`read`]. Yields each input, or an error diagnostic naming the input that could
/// not be read.
#[derive(Debug)]
pub struct Reader {
    config: IngestConfig,
    /// Command-line paths not yet started.
    paths: VecDeque<String>,
    /// The folder being walked.
    walk: Option<Walk>,
    /// The JSONL file being read.
    lines: Option<JsonLines<BufReader<File>>>,
}

impl Reader {
    /// Starts one command-line path: the input it gives at once, if any.
    fn start(&mut self, path: String) -> Option<Result<Input, Error>> {
        if path == "-" {
            let stdin = std::io::stdin().lock();
            return Some(document::read_stdin(stdin, &self.config));
        }
        if path.is_empty() {
            let message = "empty path (expected a file, a folder or - for stdin)";
            return Some(Err(Error::new(ErrorKind::NotFound, path, message)));
        }
        let metadata = match std::fs::metadata(&path) {
            Ok(metadata) => metadata,
            Err(error) => return Some(Err(Error::io(path, &error))),
        };
        let file = PathBuf::from(&path);
        if metadata.is_dir() {
            self.walk = Some(Walk::new(file));
            return None;
        }
        match FileKind::from_path(&file) {
            Ok(kind) => self.open(file, path, kind),
            Err(message) => Some(Err(Error::new(ErrorKind::Unsupported, path, message))),
        }
    }

    /// Reads a plain file at once, or opens a JSONL file to be read line by line.
    fn open(
        &mut self,
        file: PathBuf,
        label: String,
        kind: FileKind,
    ) -> Option<Result<Input, Error>> {
        match kind {
            FileKind::Text | FileKind::Html => {
                Some(document::read_file(&file, &label, kind, &self.config))
            }
            FileKind::JsonLines => match File::open(&file) {
                Ok(opened) => {
                    self.lines = Some(JsonLines::new(
                        BufReader::new(opened),
                        label,
                        self.config.max_line_bytes,
                        self.config.max_document_bytes,
                    ));
                    None
                }
                Err(error) => Some(Err(Error::io(label, &error))),
            },
        }
    }
}

impl Iterator for Reader {
    type Item = Result<Input, Diagnostic>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(lines) = &mut self.lines {
                match lines.next() {
                    Some(item) => return Some(item.map_err(Diagnostic::from)),
                    None => self.lines = None,
                }
            }
            if let Some(walk) = &mut self.walk {
                match walk.next() {
                    Some(Ok((file, kind))) => {
                        let label = file.to_string_lossy().into_owned();
                        match self.open(file, label, kind) {
                            Some(item) => return Some(item.map_err(Diagnostic::from)),
                            None => continue,
                        }
                    }
                    Some(Err(error)) => return Some(Err(error.into())),
                    None => self.walk = None,
                }
            }
            let path = self.paths.pop_front()?;
            if let Some(item) = self.start(path) {
                return Some(item.map_err(Diagnostic::from));
            }
        }
    }
}

impl FusedIterator for Reader {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reader_can_move_between_threads() {
        fn is_send<T: Send>() {}
        is_send::<Reader>();
    }

    #[test]
    fn nothing_in_nothing_out() {
        assert_eq!(read(&[], &IngestConfig::default()).count(), 0);
    }

    #[test]
    fn an_empty_path_is_named() {
        let items: Vec<_> = read(&[String::new()], &IngestConfig::default()).collect();
        assert_eq!(
            items,
            vec![Err(Diagnostic::error(
                "",
                "empty path (expected a file, a folder or - for stdin)"
            ))]
        );
    }
}
