//! The fuzzing corpus (`fuzz/corpus/`: inputs cargo-fuzz found interesting, and every crash it
//! ever found), replayed on stable: no input may panic, and none may take long.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dossier_extract::{clean_text, extract_html};

/// No corpus input is large; each must be extracted well within this (debug build).
const MAX_TIME: Duration = Duration::from_secs(5);

fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("cannot list {}: {error}", dir.display()))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn extract_html_survives_the_corpus() {
    let files = corpus("extract_html");
    assert!(files.len() >= 10, "only {} corpus inputs", files.len());
    for path in files {
        let bytes = std::fs::read(&path)
            .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
        let started = Instant::now();
        let article = extract_html(&bytes, Some("https://example.com/2025/01/02/x"));
        assert!(
            started.elapsed() < MAX_TIME,
            "{} took {:?}",
            path.display(),
            started.elapsed()
        );
        assert!(
            article.text.len() <= bytes.len() * 4 + 64,
            "{}",
            path.display()
        );
    }
}

#[test]
fn clean_text_survives_the_corpus() {
    for path in corpus("clean_text") {
        let bytes = std::fs::read(&path)
            .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
        let text = String::from_utf8_lossy(&bytes);
        let cleaned = clean_text(&text);
        let lines = text.lines().filter(|line| !line.trim().is_empty()).count();
        assert!(
            cleaned.text.lines().count() + cleaned.removed.len() <= lines,
            "{}",
            path.display()
        );
    }
}
