//! The scraped seed texts of the shared corpus: body lines stay, the chrome block goes.

use dossier_extract::clean_text;

use crate::support::read_shared;

fn normalised_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| {
            line.split([' ', '\t'])
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|line| !line.is_empty())
        .collect()
}

#[test]
fn seed_002_keeps_the_body_and_removes_the_sign_in_block() {
    let source = read_shared("corpus/seeds/002_0f9c6c28dd9da8b8.txt");
    let lines = normalised_lines(&source);
    assert_eq!(lines.len(), 18, "seed 002 changed");
    let cleaned = clean_text(&source);
    assert_eq!(
        cleaned.text,
        lines[..11].join("\n"),
        "body lines 1-11 must all be kept"
    );
    let removed: Vec<&str> = cleaned.removed.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        removed,
        lines[11..].iter().map(String::as_str).collect::<Vec<_>>()
    );
    for removed in &cleaned.removed {
        assert!(!removed.reason.is_empty());
        eprintln!("{:<22} {}", removed.reason, removed.text);
    }
    assert!(cleaned.truncated, "a sign-in wall ends seed 002");
}

#[test]
fn seed_000_is_all_body() {
    let source = read_shared("corpus/seeds/000_ac8ae35b0b68343f.txt");
    let lines = normalised_lines(&source);
    assert_eq!(lines.len(), 16, "seed 000 changed");
    let cleaned = clean_text(&source);
    assert_eq!(cleaned.removed, [], "no line of seed 000 is chrome");
    assert_eq!(cleaned.text, lines.join("\n"));
    assert!(!cleaned.truncated);
}
