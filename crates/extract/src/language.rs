//! The language of a page: what its markup declares, else what its text looks like.

use std::sync::LazyLock;

/// whatlang's ISO 639-3 codes mapped to ISO 639-1.
static ISO_639_1: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    include_str!("../data/iso639.txt")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once(' '))
        .collect()
});
/// Fewer letters than this are too few to tell a language by.
const MIN_LETTERS: usize = 40;
/// Text beyond this many bytes adds nothing to the guess.
const SAMPLE_BYTES: usize = 20_000;
/// whatlang's confidence below which no language is given.
const MIN_CONFIDENCE: f64 = 0.5;

/// The ISO 639-1 code a `lang` attribute or `Content-Language` value declares (`en-US` → `en`).
pub(crate) fn from_declaration(declared: &str) -> Option<String> {
    let primary = declared
        .split([',', ';'])
        .next()
        .unwrap_or("")
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    (primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_lowercase())).then_some(primary)
}

/// The ISO 639-1 code (`"en"`, `"de"`) of the language of plain text, when the guess is
/// confident: `None` for text of fewer than 40 letters, for mixed or unclear text, and for
/// languages without a two-letter code. Only the first 20 kB are looked at.
///
/// ```
/// let text = "Die Verhandlungen wurden am Montag in Genf wieder aufgenommen, \
///     teilten die Delegationen mit.";
/// assert_eq!(dossier_extract::detect_language(text).as_deref(), Some("de"));
/// assert_eq!(dossier_extract::detect_language("OK"), None);
/// ```
pub fn detect_language(text: &str) -> Option<String> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() || info.confidence() < MIN_CONFIDENCE {
        return None;
    }
    let code = info.lang().code();
    ISO_639_1
        .iter()
        .find(|(three, _)| *three == code)
        .map(|(_, two)| two.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_give_the_primary_subtag() {
        assert_eq!(from_declaration("en-US").as_deref(), Some("en"));
        assert_eq!(from_declaration("pt_BR").as_deref(), Some("pt"));
        assert_eq!(from_declaration("english"), None);
        assert_eq!(from_declaration(""), None);
    }

    #[test]
    fn detection_needs_enough_text() {
        let english = "The talks between the delegations continued through the night, and \
            officials said they expected a statement on the outcome later in the week.";
        assert_eq!(detect_language(english).as_deref(), Some("en"));
        assert_eq!(detect_language("Hi"), None);
    }
}
