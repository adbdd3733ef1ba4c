//! Folders: a depth-first walk in byte-wise path order.

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::file_kind::FileKind;

/// The files ingest reads under one folder, in byte-wise order of their paths, with any
/// folder that cannot be listed reported once. Hidden files and folders (names starting with
/// `.`), files of other types and links to folders are skipped silently; links to files are
/// followed. Lists one folder at a time.
#[derive(Debug)]
pub(crate) struct Walk {
    /// The folder given, until it is listed.
    root: Option<PathBuf>,
    /// The entries left in each open folder, outermost first.
    stack: Vec<std::vec::IntoIter<Entry>>,
}

/// A folder entry worth visiting.
#[derive(Debug)]
enum Entry {
    Folder(PathBuf),
    File(PathBuf, FileKind),
    /// An entry whose name or type could not be read.
    Failed(Error),
}

impl Walk {
    pub(crate) fn new(root: PathBuf) -> Self {
        Walk {
            root: Some(root),
            stack: Vec::new(),
        }
    }

    /// Lists `folder` and pushes its entries; the error when it cannot be listed.
    fn open(&mut self, folder: &Path) -> Option<Error> {
        match list(folder) {
            Ok(entries) => {
                self.stack.push(entries.into_iter());
                None
            }
            Err(error) => Some(error),
        }
    }
}

impl Iterator for Walk {
    /// A file path and what it holds, or why part of the folder could not be read.
    type Item = Result<(PathBuf, FileKind), Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let root = self.root.take();
        if let Some(error) = root.and_then(|root| self.open(&root)) {
            return Some(Err(error));
        }
        loop {
            let entry = match self.stack.last_mut()?.next() {
                Some(entry) => entry,
                None => {
                    self.stack.pop();
                    continue;
                }
            };
            match entry {
                Entry::File(path, kind) => return Some(Ok((path, kind))),
                Entry::Failed(error) => return Some(Err(error)),
                Entry::Folder(path) => {
                    if let Some(error) = self.open(&path) {
                        return Some(Err(error));
                    }
                }
            }
        }
    }
}

/// The entries of one folder worth visiting, sorted so that a depth-first walk yields paths
/// in byte-wise order: a folder sorts as its name followed by `/`, which is where its files
/// fall among their siblings' paths.
fn list(folder: &Path) -> Result<Vec<Entry>, Error> {
    let label = |path: &Path| path.to_string_lossy().into_owned();
    let entries = fs::read_dir(folder).map_err(|error| Error::io(label(folder), &error))?;
    let mut failed = Vec::new();
    let mut keyed = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                failed.push(Entry::Failed(Error::io(label(folder), &error)));
                continue;
            }
        };
        let name = entry.file_name();
        if name.as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let path = entry.path();
        let file_type = match entry.file_type() {
            Ok(file_type) => file_type,
            Err(error) => {
                failed.push(Entry::Failed(Error::io(label(&path), &error)));
                continue;
            }
        };
        let is_folder = file_type.is_dir();
        // A link to a folder could lead back up the tree; a broken link to a file of a
        // known type is kept so that reading it reports the broken link.
        let is_file = file_type.is_file()
            || (file_type.is_symlink() && fs::metadata(&path).map_or(true, |meta| meta.is_file()));
        let mut key = name.as_encoded_bytes().to_vec();
        let visit = if is_folder {
            key.push(b'/');
            Entry::Folder(path)
        } else if is_file {
            match FileKind::from_path(&path) {
                Ok(kind) => Entry::File(path, kind),
                Err(_) => continue,
            }
        } else {
            continue;
        };
        keyed.push((key, visit));
    }
    keyed.sort_by(|(a, _), (b, _)| a.cmp(b));
    failed.extend(keyed.into_iter().map(|(_, entry)| entry));
    Ok(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("dossier-ingest-walk-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("scratch folder");
        dir
    }

    fn write(root: &Path, relative: &str) {
        let path = root.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("parent folder");
        }
        fs::write(path, "x").expect("write file");
    }

    fn walked(root: &Path) -> Vec<String> {
        Walk::new(root.to_path_buf())
            .map(|item| match item {
                Ok((path, _)) => path
                    .strip_prefix(root)
                    .map(|relative| relative.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                Err(error) => format!("error {error}"),
            })
            .collect()
    }

    #[test]
    fn byte_wise_order_with_folders_among_files() {
        let root = scratch("order");
        for path in [
            "a-c.txt",
            "a/b.txt",
            "a/z/y.htm",
            "a.txt",
            "B.html",
            "b.jsonl",
            "a0.txt",
        ] {
            write(&root, path);
        }
        assert_eq!(
            walked(&root),
            vec![
                "B.html",
                "a-c.txt",
                "a.txt",
                "a/b.txt",
                "a/z/y.htm",
                "a0.txt",
                "b.jsonl"
            ]
        );
        let _ = fs::remove_dir_all(&root);
    }

    #[test]
    fn skips_hidden_and_other_types() {
        let root = scratch("skip");
        for path in [
            ".hidden.txt",
            ".git/a.txt",
            "notes.pdf",
            "README",
            "sub/.x.txt",
            "sub/k.TXT",
        ] {
            write(&root, path);
        }
        assert_eq!(walked(&root), vec!["sub/k.TXT"]);
        let _ = fs::remove_dir_all(&root);
    }

    #[cfg(unix)]
    #[test]
    fn follows_links_to_files_but_not_to_folders() {
        let root = scratch("links");
        write(&root, "real/a.txt");
        std::os::unix::fs::symlink(root.join("real"), root.join("loop")).expect("folder link");
        std::os::unix::fs::symlink(root.join("real/a.txt"), root.join("link.txt"))
            .expect("file link");
        assert_eq!(walked(&root), vec!["link.txt", "real/a.txt"]);
        let _ = fs::remove_dir_all(&root);
    }

    #[test]
    fn a_missing_folder_is_one_error() {
        let root = scratch("missing").join("nope");
        let items: Vec<_> = Walk::new(root.clone()).collect();
        assert_eq!(items.len(), 1);
        let error = items[0].as_ref().expect_err("missing");
        assert_eq!(error.input(), root.to_string_lossy());
    }
}
