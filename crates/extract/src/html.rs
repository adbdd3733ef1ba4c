//! [`extract_html`]: an HTML page to an [`Article`].

use crate::main_text::{self, MainText};
use crate::{Article, clean_text, decode, dom, jsonld, language, metadata};
use dossier_model::Removed;

/// Reads an article from an HTML page in any encoding.
///
/// The bytes are decoded (byte-order mark, then `<meta>` charset, then UTF-8 when valid, else
/// windows-1252) and cut at 16 MiB; tags nested deeper than 256 elements are dropped (their
/// text kept), and the page is parsed and walked without recursion. The main
/// text comes from the element that holds the article (see the crate docs), one paragraph a
/// line, and goes through [`clean_text`]. When that text is short, the page is read again with
/// the paragraphs inside `<noscript>` read as markup (the only markup copy of an article that
/// a script renders). Metadata comes from JSON-LD, `<meta>`, the markup
/// and the URL, in that order. `url` is the page's address, when known: it resolves a
/// relative canonical link and may date the article.
///
/// Never panics and never fails: a page without an article, or bytes that are not text at
/// all, give an empty text.
pub fn extract_html(bytes: &[u8], url: Option<&str>) -> Article {
    if decode::is_binary(bytes) {
        return Article::default();
    }
    let source = decode::decode(bytes);
    let mut page = dom::parse(&source);
    let mut linked = jsonld::find_article(&page.facts.json_ld);
    let mut main = main_text::find(&page, metadata::headline_anchor(&page, linked.as_ref()));
    // An article rendered by a script may have its only markup copy in a `<noscript>`.
    if main.text.len() < MIN_TEXT_BEFORE_NOSCRIPT && contains_noscript(&source) {
        let with_noscript = dom::parse_reading_noscript(&source);
        let with_linked = jsonld::find_article(&with_noscript.facts.json_ld);
        let headline = metadata::headline_anchor(&with_noscript, with_linked.as_ref());
        let found = main_text::find(&with_noscript, headline);
        if found.text.len() > main.text.len() {
            page = with_noscript;
            linked = with_linked;
            main = found;
        }
    }
    let MainText { text, range } = main;
    let meta = metadata::read(&page, linked.as_ref(), url, range);
    let cleaned = clean_text(&text);
    let headlines = [meta.title.as_deref(), meta.shown_title.as_deref()];
    let (text, mut removed) = without_headline(cleaned.text, &headlines);
    let text = readable(text);
    removed.extend(cleaned.removed);
    let language = page
        .facts
        .lang
        .as_deref()
        .and_then(language::from_declaration)
        .or_else(|| {
            page.facts
                .meta("content-language")
                .and_then(language::from_declaration)
        })
        .or_else(|| {
            linked
                .as_ref()?
                .language
                .as_deref()
                .and_then(language::from_declaration)
        })
        .or_else(|| language::detect_language(&text));
    let is_paywalled = linked.as_ref().and_then(|article| article.is_free) == Some(false);
    Article {
        text,
        title: meta.title.map(readable),
        authors: meta.authors,
        published: meta.published,
        modified: meta.modified,
        date_source: meta.date_source,
        language,
        canonical_url: meta.canonical_url,
        removed,
        truncated: cleaned.truncated || is_paywalled || page.facts.has_wall_marker,
    }
}

/// Text in the form readers and search compare: Unicode NFC (one spelling of each letter,
/// whatever form the page wrote it in), without soft hyphens (invisible break hints that a
/// page may put inside every long word).
fn readable(text: String) -> String {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    if text.is_ascii() {
        return text;
    }
    if !text.contains('\u{ad}') && is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return text;
    }
    text.chars().filter(|&c| c != '\u{ad}').nfc().collect()
}

/// Main text shorter than this (bytes) is looked for again with `<noscript>` content read as
/// markup.
const MIN_TEXT_BEFORE_NOSCRIPT: usize = 500;

/// Whether the page has a `<noscript>` element (any case).
fn contains_noscript(source: &str) -> bool {
    source
        .as_bytes()
        .windows(9)
        .any(|window| window.eq_ignore_ascii_case(b"<noscript"))
}

/// Lines at the start of the text this many or fewer are checked against the headline.
const HEADLINE_LINES: usize = 3;

/// Removes the headline where the text repeats it in its first lines: it is the title, not a
/// paragraph of the body.
/// `titles` are the title and the headline as the page shows it, which may differ.
fn without_headline(text: String, titles: &[Option<&str>]) -> (String, Vec<Removed>) {
    let titles: Vec<&str> = titles
        .iter()
        .flatten()
        .map(|title| title.trim())
        .filter(|title| !title.is_empty())
        .collect();
    if titles.is_empty() {
        return (text, Vec::new());
    }
    let lines: Vec<&str> = text.lines().collect();
    let position = lines.iter().take(HEADLINE_LINES).position(|line| {
        titles
            .iter()
            .any(|title| line.trim().eq_ignore_ascii_case(title))
    });
    match position {
        Some(at) => {
            let removed = vec![Removed {
                text: lines[at].to_string(),
                reason: "headline".to_string(),
            }];
            let kept: Vec<&str> = lines
                .iter()
                .enumerate()
                .filter(|(index, _)| *index != at)
                .map(|(_, line)| *line)
                .collect();
            (kept.join("\n"), removed)
        }
        None => (text, Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_given_in_one_normal_form_without_soft_hyphens() {
        assert_eq!(readable("Wehr\u{ad}an\u{ad}lage".into()), "Wehranlage");
        // "e" and a combining acute accent become one letter; a composition exclusion
        // (Bengali U+09DF) is written decomposed, as NFC has it.
        assert_eq!(readable("Caf\u{65}\u{301}".into()), "Caf\u{e9}");
        assert_eq!(readable("\u{9df}".into()), "\u{9af}\u{9bc}");
        assert_eq!(readable("plain".into()), "plain");
    }

    #[test]
    fn an_article_whose_only_markup_copy_is_in_a_noscript_is_read() {
        let html = "<html><body><div class=post><h1>Safer browsing</h1>\
             <script type='text/template'><p>Rendered by the script.</p></script>\
             <noscript><p>The first paragraph of the post is long enough to be read as the \
             article text.</p><p>The second paragraph of the post is long enough to be read as \
             well.</p></noscript></div></body></html>";
        let article = extract_html(html.as_bytes(), None);
        assert!(
            article.text.contains("The second paragraph of the post"),
            "{}",
            article.text
        );
    }

    #[test]
    fn a_noscript_copy_of_a_shown_article_is_not_read_twice() {
        let paragraph = "<p>A paragraph of the shown article that is long enough to count as \
             article text on its own, and then some more words to make it long.</p>";
        let html = format!(
            "<html><body><article>{}{}{}{}<noscript>{}{}</noscript></article></body></html>",
            paragraph, paragraph, paragraph, paragraph, paragraph, paragraph
        );
        let article = extract_html(html.as_bytes(), None);
        assert_eq!(article.text.lines().count(), 4, "{}", article.text);
    }
}
