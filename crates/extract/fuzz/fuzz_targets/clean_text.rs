//! Any text: `clean_text` must return without panicking and never output more lines than it
//! was given.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let cleaned = dossier_extract::clean_text(&text);
    let lines = text.lines().filter(|line| !line.trim().is_empty()).count();
    assert!(cleaned.text.lines().count() + cleaned.removed.len() <= lines);
});
