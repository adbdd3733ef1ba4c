//! The case-file runner for the boilerplate filter: `tests/cases/boilerplate/*.md`.

use std::path::{Path, PathBuf};

use dossier_extract::clean_text;

/// One case: its file and heading, its input and the expected verdict block.
struct Case {
    name: String,
    input: String,
    expected: String,
}

fn case_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/boilerplate");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("cannot list {}: {error}", dir.display()))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            path.extension().is_some_and(|ext| ext == "md")
                && path.file_name().is_some_and(|name| name != "README.md")
        })
        .collect();
    files.sort();
    files
}

/// The body of the first fenced block of `kind` in `section`.
fn fenced(section: &str, kind: &str) -> Option<String> {
    let opening = format!("```{kind}\n");
    let start = section.find(&opening)? + opening.len();
    let end = section[start..].find("```")? + start;
    Some(section[start..end].trim_end().to_string())
}

fn parse(path: &Path) -> Vec<Case> {
    let source = std::fs::read_to_string(path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    source
        .split("\n## ")
        .skip(1)
        .map(|section| {
            let heading = section.lines().next().unwrap_or("").trim();
            let name = format!("{file}: {heading}");
            let input = fenced(section, "text").unwrap_or_else(|| panic!("{name}: no text block"));
            let expected =
                fenced(section, "expected").unwrap_or_else(|| panic!("{name}: no expected block"));
            Case {
                name,
                input,
                expected,
            }
        })
        .collect()
}

/// The verdict on every input line, in order, as `keep | line` or `<reason> | line`.
fn verdicts(input: &str) -> String {
    let cleaned = clean_text(input);
    let mut kept = cleaned.text.lines().peekable();
    let mut removed = cleaned.removed.iter().peekable();
    let mut out = Vec::new();
    for line in input.lines().map(str::trim).filter(|line| !line.is_empty()) {
        if kept.peek() == Some(&line) {
            kept.next();
            out.push(format!("keep | {line}"));
        } else if let Some(entry) = removed.next_if(|entry| entry.text == line) {
            out.push(format!("{} | {line}", entry.reason));
        } else {
            out.push(format!("LOST | {line}"));
        }
    }
    out.join("\n")
}

#[test]
fn boilerplate_cases() {
    let mut failures = Vec::new();
    let mut count = 0;
    for path in case_files() {
        for case in parse(&path) {
            count += 1;
            let actual = verdicts(&case.input);
            if actual != case.expected {
                failures.push(format!(
                    "{}\n--- expected\n{}\n--- actual\n{}\n",
                    case.name, case.expected, actual
                ));
            }
        }
    }
    assert!(count >= 10, "only {count} cases found");
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}
