//! Title, author and date scores (`score_meta` of `score.py`; these metrics are the shared
//! folder's, not WCXB's).
//!
//! - title: `title_site` counts a page when the prediction equals the truth once normalised, or
//!   does once a leading or trailing "| Site" part is dropped; over all pages.
//! - date: on pages with a date, `date_correct` counts a predicted `YYYY-MM-DD` that starts
//!   with the truth; on pages without, `date_spurious` counts a date given.
//! - author: on pages with an author, `author_exact` counts the same name words in the same
//!   order ("by", "and" and punctuation ignored); on pages without, `author_spurious` counts
//!   an author given.

use super::wcxb::{Annotation, word_prf};
use super::{Prediction, word_tokens};

/// The metadata scores.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MetadataScore {
    /// Exact titles, over all pages.
    pub title_exact: f64,
    /// Titles right but for a site-name part, over all pages.
    pub title_site: f64,
    /// Bag-of-words F1 of the title, averaged over all pages.
    pub title_token_f1: f64,
    /// Right dates, over pages with a date.
    pub date_correct: f64,
    /// Pages with a date.
    pub date_pages: usize,
    /// Dates given, over pages without one.
    pub date_spurious: f64,
    /// Pages without a date.
    pub date_null_pages: usize,
    /// Exact authors, over pages with an author.
    pub author_exact: f64,
    /// Authors whose names hold the truth's or are held in it, over pages with an author.
    pub author_overlap: f64,
    /// Pages with an author.
    pub author_pages: usize,
    /// Authors given, over pages without one.
    pub author_spurious: f64,
    /// Pages without an author.
    pub author_null_pages: usize,
}

/// Scores `(truth, prediction)` pairs, one per page.
pub fn score<'a>(
    pages: impl IntoIterator<Item = (&'a Annotation, &'a Prediction)>,
) -> MetadataScore {
    let mut out = MetadataScore::default();
    let (mut title_exact, mut title_site, mut title_f1) = (0.0, 0.0, 0.0);
    let (mut date_ok, mut date_spurious) = (0usize, 0usize);
    let (mut author_exact, mut author_overlap, mut author_spurious) = (0usize, 0usize, 0usize);
    let mut pages_seen = 0usize;
    for (truth, prediction) in pages {
        pages_seen += 1;
        let gold_title = truth.title.as_deref().unwrap_or("");
        let title = prediction.title.as_deref().unwrap_or("");
        if !gold_title.is_empty() && normalise(gold_title) == normalise(title) {
            title_exact += 1.0;
        }
        if title_matches_but_for_site(gold_title, title) {
            title_site += 1.0;
        }
        title_f1 += word_prf(title, gold_title).2;

        let date: String = prediction
            .date
            .as_deref()
            .unwrap_or("")
            .chars()
            .take(10)
            .collect();
        match truth.publish_date.as_deref() {
            Some(gold) => {
                out.date_pages += 1;
                date_ok += usize::from(!date.is_empty() && date.starts_with(gold));
            }
            None => {
                out.date_null_pages += 1;
                date_spurious += usize::from(!date.is_empty());
            }
        }

        let author = prediction.author.as_deref().unwrap_or("");
        match truth.author.as_deref() {
            Some(gold) => {
                out.author_pages += 1;
                let gold = name_tokens(gold);
                let found = name_tokens(author);
                author_exact += usize::from(!found.is_empty() && gold == found);
                let holds = |outer: &[String], inner: &[String]| {
                    inner.iter().all(|token| outer.contains(token))
                };
                author_overlap += usize::from(
                    !found.is_empty() && (holds(&found, &gold) || holds(&gold, &found)),
                );
            }
            None => {
                out.author_null_pages += 1;
                author_spurious += usize::from(!author.is_empty());
            }
        }
    }
    let share = |part: f64, whole: usize| part / whole.max(1) as f64;
    out.title_exact = share(title_exact, pages_seen);
    out.title_site = share(title_site, pages_seen);
    out.title_token_f1 = share(title_f1, pages_seen);
    out.date_correct = share(date_ok as f64, out.date_pages);
    out.date_spurious = share(date_spurious as f64, out.date_null_pages);
    out.author_exact = share(author_exact as f64, out.author_pages);
    out.author_overlap = share(author_overlap as f64, out.author_pages);
    out.author_spurious = share(author_spurious as f64, out.author_null_pages);
    out
}

/// Casefolded, dashes unified, quotes and apostrophes dropped, whitespace collapsed, and
/// `" .,:;|-"` trimmed from both ends (`_norm_meta`; its NFKC step is approximated by folding
/// the compatibility characters titles use: no-break spaces, ligatures, full-width forms).
pub fn normalise(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => folded.push('-'),
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{201c}' | '\u{201d}'
            | '\u{201e}' | '"' | '\'' | '`' | '\u{b4}' => {}
            '\u{fb00}' => folded.push_str("ff"),
            '\u{fb01}' => folded.push_str("fi"),
            '\u{fb02}' => folded.push_str("fl"),
            '\u{2026}' => folded.push_str("..."),
            '\u{ff01}'..='\u{ff5e}' => {
                let ascii = char::from_u32(c as u32 - 0xff01 + 0x21).unwrap_or(c);
                folded.extend(ascii.to_lowercase());
            }
            'ß' => folded.push_str("ss"),
            other => folded.extend(other.to_lowercase()),
        }
    }
    let collapsed = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .trim_matches([' ', '.', ',', ':', ';', '|', '-'])
        .to_string()
}

/// `_title_match_site`: equal, or equal to the prediction less its first or last part, or to
/// one of its parts, where parts are split on a separator between spaces.
fn title_matches_but_for_site(gold: &str, prediction: &str) -> bool {
    let gold = normalise(gold);
    let prediction = normalise(prediction);
    if gold.is_empty() || prediction.is_empty() {
        return false;
    }
    if gold == prediction {
        return true;
    }
    let parts = split_on_separators(&prediction);
    if parts.len() < 2 {
        return false;
    }
    normalise(&parts[..parts.len() - 1].join(" - ")) == gold
        || normalise(&parts[1..].join(" - ")) == gold
        || parts.iter().any(|part| normalise(part) == gold)
}

/// Splits on `\s+[|\-:·•»/]\s+`.
fn split_on_separators(text: &str) -> Vec<String> {
    let tokens: Vec<&str> = text.split(' ').collect();
    let mut parts = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for (index, token) in tokens.iter().enumerate() {
        let is_separator = matches!(
            *token,
            "|" | "-" | ":" | "\u{b7}" | "\u{2022}" | "\u{bb}" | "/"
        ) && index > 0
            && index + 1 < tokens.len()
            && !current.is_empty();
        if is_separator {
            parts.push(current.join(" "));
            current.clear();
        } else {
            current.push(token);
        }
    }
    parts.push(current.join(" "));
    parts
}

/// The name words of an author string, "by", "and", "und", "et" and "y" left out.
fn name_tokens(text: &str) -> Vec<String> {
    let normalised = normalise(text);
    word_tokens(&normalised)
        .filter(|token| !matches!(*token, "by" | "and" | "und" | "et" | "y"))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_folds_case_dashes_and_quotes() {
        assert_eq!(
            normalise("  “Talks” resume — again. "),
            "talks resume - again"
        );
        assert_eq!(normalise("Straße"), "strasse");
    }

    #[test]
    fn a_site_part_may_be_dropped() {
        assert!(title_matches_but_for_site(
            "Talks resume",
            "Talks resume | Example News"
        ));
        assert!(title_matches_but_for_site(
            "Talks resume",
            "Example News - Talks resume"
        ));
        assert!(!title_matches_but_for_site("Talks resume", "Talks"));
    }

    #[test]
    fn authors_compare_as_name_words() {
        assert_eq!(
            name_tokens("By Ann Lee and Bo Chen"),
            ["ann", "lee", "bo", "chen"]
        );
    }
}
