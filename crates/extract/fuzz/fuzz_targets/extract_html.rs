//! Any bytes, as a page: `extract_html` must return, without panicking, in bounded time.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let article = dossier_extract::extract_html(bytes, Some("https://example.com/2025/01/02/x"));
    // Every removed line and the text are text the page held in some form: cheap invariants.
    assert!(article.text.len() <= bytes.len() * 4 + 64);
});
