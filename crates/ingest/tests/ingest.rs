//! Reading real files: every kind of bad input is one error naming it, and the rest is read.

use std::fs;
use std::path::PathBuf;

use dossier_ingest::{IngestConfig, looks_like_html, read};
use dossier_model::{Body, Diagnostic, Input, Origin, Severity};

/// A fresh folder under the system temp folder, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let path =
            std::env::temp_dir().join(format!("dossier-ingest-test-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).expect("create scratch folder");
        Scratch(path)
    }

    /// Writes `bytes` at `relative` and returns the path as a string.
    fn write(&self, relative: &str, bytes: impl AsRef<[u8]>) -> String {
        let path = self.0.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create parent folder");
        }
        fs::write(&path, bytes).expect("write file");
        path.to_string_lossy().into_owned()
    }

    fn path(&self, relative: &str) -> String {
        self.0.join(relative).to_string_lossy().into_owned()
    }

    fn root(&self) -> String {
        self.0.to_string_lossy().into_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn read_all(paths: &[String], config: &IngestConfig) -> (Vec<Input>, Vec<Diagnostic>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for item in read(paths, config) {
        match item {
            Ok(input) => inputs.push(input),
            Err(diagnostic) => errors.push(diagnostic),
        }
    }
    (inputs, errors)
}

fn labels(inputs: &[Input]) -> Vec<String> {
    inputs.iter().map(|input| input.origin.label()).collect()
}

/// Reads `bad` between two good files and checks it gives exactly one error naming it.
fn one_error_between_good_files(name: &str, bad_name: &str, bad: &[u8]) -> Diagnostic {
    let scratch = Scratch::new(name);
    let before = scratch.write("before.txt", "First article.");
    let bad = scratch.write(bad_name, bad);
    let after = scratch.write("after.txt", "Second article.");
    let paths = [before.clone(), bad.clone(), after.clone()];
    let (inputs, errors) = read_all(&paths, &IngestConfig::default());
    assert_eq!(labels(&inputs), vec![before, after], "{name}");
    assert_eq!(errors.len(), 1, "{name}: {errors:?}");
    let error = errors.into_iter().next().expect("one error");
    assert_eq!(error.severity, Severity::Error);
    assert_eq!(error.input, bad, "{name}");
    assert!(!error.message.ends_with('.'), "{}", error.message);
    error
}

#[test]
fn empty_file() {
    let error = one_error_between_good_files("empty", "empty.txt", b"");
    assert_eq!(error.message, "empty file");
}

#[test]
fn whitespace_only_file() {
    let error = one_error_between_good_files("blank", "blank.txt", b" \n\t\n");
    assert_eq!(
        error.message,
        "file holds only whitespace (expected article text)"
    );
    let error = one_error_between_good_files("blank-html", "blank.html", b"\r\n  ");
    assert_eq!(
        error.message,
        "file holds only whitespace (expected article text)"
    );
}

#[test]
fn binary_file() {
    let error =
        one_error_between_good_files("binary", "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert_eq!(error.message, "binary file, not text (found NUL bytes)");
    let error = one_error_between_good_files("binary-html", "page.html", b"\x01\x02\x03\x04<p>");
    assert_eq!(
        error.message,
        "binary file, not HTML (found 57% control characters)"
    );
}

#[test]
fn invalid_utf8_names_the_offset() {
    let error = one_error_between_good_files("utf8", "latin1.txt", b"Caf\xe9 society");
    assert_eq!(
        error.message,
        "invalid UTF-8 at byte offset 3 (found 0xe9; expected UTF-8 text)"
    );
}

#[test]
fn unsupported_type_named_directly() {
    let error = one_error_between_good_files("pdf", "report.PDF", b"%PDF-1.7");
    assert_eq!(
        error.message,
        "unsupported input type \".PDF\" (expected .txt, .html, .htm or .jsonl)"
    );
}

#[test]
fn missing_path() {
    let scratch = Scratch::new("missing");
    let good = scratch.write("good.txt", "An article.");
    let missing = scratch.path("nowhere/missing.txt");
    let (inputs, errors) = read_all(&[missing.clone(), good.clone()], &IngestConfig::default());
    assert_eq!(labels(&inputs), vec![good]);
    assert_eq!(
        errors,
        vec![Diagnostic::error(missing, "no such file or folder")]
    );
}

#[test]
fn document_over_the_cap_is_refused_from_its_size() {
    let scratch = Scratch::new("large");
    let large = scratch.path("large.txt");
    // A sparse file: 50 MiB on paper, nothing on disk. Reading it whole would take time and
    // memory; the size check refuses it first.
    fs::File::create(&large)
        .and_then(|file| file.set_len(50 * 1024 * 1024))
        .expect("sparse file");
    let good = scratch.write("good.txt", "An article.");
    let (inputs, errors) = read_all(&[large.clone(), good.clone()], &IngestConfig::default());
    assert_eq!(labels(&inputs), vec![good]);
    assert_eq!(
        errors,
        vec![Diagnostic::error(
            large,
            "document is 52428800 bytes, over the 8388608-byte cap"
        )]
    );
}

#[test]
fn text_html_and_metadata_from_the_config() {
    let scratch = Scratch::new("kinds");
    let text = scratch.write("a.TXT", "\u{feff}Rain fell.");
    let html = scratch.write("b.htm", b"<p>caf\xe9</p>");
    let config = IngestConfig {
        outlet: Some("Reuters".to_string()),
        url: Some("https://example.test/story".to_string()),
        published: dossier_ingest::parse_published("2024-05-06 07:08:09"),
        ..IngestConfig::default()
    };
    let (inputs, errors) = read_all(&[text.clone(), html.clone()], &config);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(inputs[0].origin, Origin::Path(text));
    assert_eq!(inputs[0].body, Body::Text("Rain fell.".to_string()));
    assert_eq!(inputs[1].body, Body::Html(b"<p>caf\xe9</p>".to_vec()));
    for input in &inputs {
        assert_eq!(input.outlet.as_deref(), Some("Reuters"));
        assert_eq!(input.url.as_deref(), Some("https://example.test/story"));
        assert_eq!(
            input.published.map(|time| time.to_rfc3339()).as_deref(),
            Some("2024-05-06T07:08:09+00:00")
        );
    }
}

#[test]
fn folders_are_walked_in_sorted_order_skipping_other_types() {
    let scratch = Scratch::new("folder");
    for (path, body) in [
        ("z.txt", "z"),
        ("a/2.html", "<p>two</p>"),
        ("a/1.txt", "one"),
        ("a-b.txt", "dash"),
        ("m.jsonl", "{\"text\": \"line\"}\n"),
        ("notes.pdf", "%PDF"),
        ("README", "readme"),
        (".hidden.txt", "hidden"),
        (".cache/x.txt", "hidden folder"),
        ("a/image.png", "png"),
    ] {
        scratch.write(path, body);
    }
    let root = scratch.root();
    let (inputs, errors) = read_all(std::slice::from_ref(&root), &IngestConfig::default());
    assert!(errors.is_empty(), "{errors:?}");
    let jsonl = format!("{root}/m.jsonl");
    assert_eq!(
        labels(&inputs),
        vec![
            format!("{root}/a-b.txt"),
            format!("{root}/a/1.txt"),
            format!("{root}/a/2.html"),
            format!("{jsonl}:1"),
            format!("{root}/z.txt"),
        ]
    );
    // Files found in a folder are still named by their joined path.
    assert_eq!(inputs[1].origin, Origin::Path(format!("{root}/a/1.txt")));
}

#[test]
fn bad_files_inside_a_folder_are_reported_and_skipped() {
    let scratch = Scratch::new("folder-bad");
    scratch.write("1.txt", "one");
    let empty = scratch.write("2.txt", "");
    scratch.write("3.txt", "three");
    let (inputs, errors) = read_all(&[scratch.root()], &IngestConfig::default());
    assert_eq!(inputs.len(), 2);
    assert_eq!(errors, vec![Diagnostic::error(empty, "empty file")]);
}

#[test]
fn jsonl_bad_lines_are_one_error_each() {
    let scratch = Scratch::new("jsonl-bad");
    let path = scratch.write(
        "feed.jsonl",
        concat!(
            "{\"text\": \"First\", \"url\": \"https://a.test/1\", \"outlet\": \"AP\"}\n",
            "\n",
            "{\"text\": \"unterminated\n",
            "{\"title\": \"no body\"}\n",
            "{\"html\": \"<p>Second</p>\", \"published\": \"2024-03-01T10:00:00+02:00\"}\n",
        ),
    );
    let (inputs, errors) = read_all(std::slice::from_ref(&path), &IngestConfig::default());
    assert_eq!(
        inputs.iter().map(|input| &input.origin).collect::<Vec<_>>(),
        vec![
            &Origin::Url("https://a.test/1".to_string()),
            &Origin::Line {
                path: path.clone(),
                line: 5
            },
        ]
    );
    assert_eq!(inputs[0].outlet.as_deref(), Some("AP"));
    assert_eq!(inputs[0].url.as_deref(), Some("https://a.test/1"));
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(errors[0].input, format!("{path}:3"));
    assert!(
        errors[0].message.starts_with("line 3: invalid JSON: "),
        "{}",
        errors[0].message
    );
    assert_eq!(
        errors[1],
        Diagnostic::error(
            format!("{path}:4"),
            "line 4: expected a \"text\" or \"html\" string, found neither"
        )
    );
}

#[test]
fn jsonl_config_metadata_is_not_applied_to_records() {
    let scratch = Scratch::new("jsonl-config");
    let path = scratch.write("feed.jsonl", "{\"text\": \"x\"}\n");
    let config = IngestConfig {
        outlet: Some("Reuters".to_string()),
        url: Some("https://example.test".to_string()),
        ..IngestConfig::default()
    };
    let (inputs, _) = read_all(&[path], &config);
    assert_eq!(inputs[0].outlet, None);
    assert_eq!(inputs[0].url, None);
}

#[test]
fn jsonl_of_twenty_thousand_lines_is_streamed() {
    let scratch = Scratch::new("jsonl-large");
    let mut text = String::new();
    for line in 1..=20_000 {
        if line == 12_345 {
            // Over the line cap set below: one error, and the next line is read.
            text.push_str(&format!("{{\"text\": \"{}\"}}\n", "long ".repeat(100)));
        } else {
            text.push_str(&format!(
                "{{\"text\": \"Article number {line}.\", \"title\": \"T{line}\"}}\n"
            ));
        }
    }
    let path = scratch.write("big.jsonl", &text);
    let other = scratch.write("after.txt", "After.");
    let config = IngestConfig {
        max_line_bytes: 200,
        ..IngestConfig::default()
    };
    let mut reader = read(&[path.clone(), other.clone()], &config);
    let mut count = 0;
    let mut errors = Vec::new();
    let mut last_label = String::new();
    for item in reader.by_ref() {
        match item {
            Ok(input) => {
                count += 1;
                last_label = input.origin.label();
            }
            Err(error) => errors.push(error),
        }
    }
    assert_eq!(count, 20_000);
    assert_eq!(last_label, other);
    assert_eq!(
        errors,
        vec![Diagnostic::error(
            format!("{path}:12345"),
            "line 12345: 512 bytes, over the 200-byte line cap"
        )]
    );
    assert!(reader.next().is_none());
}

#[test]
fn stdin_sniffing() {
    assert!(looks_like_html(
        b"<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>"
    ));
    assert!(looks_like_html(b"\xef\xbb\xbf\n  <HTML>"));
    assert!(looks_like_html(b"<div><p>fragment</p></div>"));
    assert!(!looks_like_html(b"Plain text about <html> tags."));
    assert!(!looks_like_html(b"<note>not a page</note>"));
    assert!(!looks_like_html(b""));
}
