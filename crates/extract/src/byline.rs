//! Authors as the page shows them near its headline: "By Ann Lee", "Written by" then a name,
//! "Author: Ann Lee".

use crate::dateline;
use crate::dom::{Page, Token, is_block_break};

/// Bylines are looked for this many tokens before the headline and after it.
const BEFORE: usize = 150;
const AFTER: usize = 400;
/// A byline is short: a text longer than this (bytes) is prose.
const MAX_BYLINE: usize = 120;
/// The heading of an author box that names its writer is at most this long (bytes).
const MAX_BOX_NAME: usize = 40;
/// A dateline before a byline in the same block is at most this long (bytes).
const MAX_DATE_BEFORE: usize = 60;
/// At most this many names are read after a label.
const MAX_NAME_TEXTS: usize = 4;

/// Labels that stand alone before the names they announce, lowercase, without a colon.
const LABELS: &[&str] = &[
    "by",
    "written by",
    "words by",
    "story by",
    "article by",
    "text by",
    "reporting by",
    "posted by",
    "published by",
    "author",
    "authors",
    "contributor",
    "contributors",
    "von",
    "par",
    "por",
    "di",
    "autor",
    "autorin",
    "auteur",
];

/// The text of the byline nearest the headline: the text after a label ("By", "Written by",
/// "Author:") in the same text or the next ones. `title` finds the headline.
pub(crate) fn find(
    page: &Page,
    main: Option<(usize, usize)>,
    title: Option<&str>,
) -> Option<String> {
    let main_start = main.map_or(0, |(start, _)| start);
    let anchor = dateline::headline(page, title).unwrap_or(main_start);
    let from = anchor.saturating_sub(BEFORE);
    let to = (anchor + AFTER).min(page.tokens.len());
    let texts: Vec<(usize, &str)> = (from..to)
        .filter_map(|index| match &page.tokens[index] {
            Token::Text(text) => Some((index, text.trim())),
            _ => None,
        })
        .filter(|(_, text)| !text.is_empty())
        .collect();
    let mut found: Vec<(usize, String)> = Vec::new();
    for (at, &(index, text)) in texts.iter().enumerate() {
        if text.len() > MAX_BYLINE || !opens_its_block(page, index) {
            continue;
        }
        if let Some(names) = labelled_names(text, &texts[at + 1..]) {
            found.push((index, names));
        }
    }
    // The byline after the headline, else the nearest before it.
    let after = found.iter().find(|(index, _)| *index >= anchor);
    after
        .or_else(|| found.iter().rev().find(|(index, _)| *index < anchor))
        .map(|(_, names)| names.clone())
}

/// Whether the text at `index` opens its block: no other words of the same paragraph, item
/// or heading come before it ("… a novel</a> by Ann Lee" is prose, not a byline), unless
/// those words are themselves a bare label ("Author" before "Posted by Ann Lee") or a short
/// dateline ("Published August 7, 2023" before "by Ann Lee").
fn opens_its_block(page: &Page, index: usize) -> bool {
    for token in page.tokens[index.saturating_sub(40)..index].iter().rev() {
        match token {
            Token::Text(text) if !text.trim().is_empty() => {
                let text = text.trim();
                return after_label(text).is_some_and(|rest| rest.is_empty())
                    || (text.len() <= MAX_DATE_BEFORE
                        && crate::dates::find_written(text, true).is_some());
            }
            Token::Text(_) => {}
            Token::Open(open) if is_block_break(open.name) => return true,
            Token::Open(_) => {}
            Token::Close { open } => {
                if let Some(Token::Open(opened)) = page.tokens.get(*open)
                    && is_block_break(opened.name)
                {
                    return true;
                }
            }
        }
    }
    true
}

/// Labels that name the writer even far from the headline, in an author box after the
/// article ("Written by Ann Lee"); "By" and "Posted by" are left out: comments use them.
const WRITER_LABELS: &[&str] = &[
    "written by",
    "words by",
    "story by",
    "article by",
    "author",
    "authors",
];

/// The text after the first writer label anywhere on the page ("Written by" in an author box
/// below the article), for pages that show no byline near the headline.
pub(crate) fn find_anywhere(page: &Page) -> Option<String> {
    let texts: Vec<(usize, &str)> = page
        .tokens
        .iter()
        .enumerate()
        .filter_map(|(index, token)| match token {
            Token::Text(text) => Some((index, text.trim())),
            _ => None,
        })
        .filter(|(_, text)| !text.is_empty())
        .collect();
    for (at, &(_, text)) in texts.iter().enumerate() {
        if is_about_heading(text)
            && let Some(name) = texts.get(at + 1).and_then(|(_, next)| bio_subject(next))
        {
            return Some(name);
        }
        // An author box without a label: a name as its heading, then a biography that opens
        // with the same name ("Ann Lee" over "Ann Lee is the head of marketing at …").
        let heading = text.trim_end_matches(':');
        if heading.len() <= MAX_BOX_NAME
            && crate::metadata::reads_as_person(heading)
            && texts
                .get(at + 1)
                .and_then(|(_, next)| bio_subject(next))
                .is_some_and(|subject| subject == heading)
        {
            return Some(heading.to_string());
        }
        if text.len() > MAX_BYLINE {
            continue;
        }
        let text = without_work_lead(text);
        let lower = text.to_lowercase();
        if !WRITER_LABELS.iter().any(|label| lower.starts_with(label)) {
            continue;
        }
        if let Some(names) = labelled_names(text, &texts[at + 1..]) {
            return Some(names);
        }
    }
    None
}

/// Whether a text is the heading of an author box: "About the author", "About the writer:".
fn is_about_heading(text: &str) -> bool {
    let lower = text.trim_end_matches([':', ' ']).to_lowercase();
    matches!(lower.as_str(), "about the author" | "about the writer")
}

/// The words a biography opens with, as its subject: "Ann Lee is a reporter who…" gives "Ann
/// Lee"; two to four words before "is", "has", "was", "writes" or "covers". Whether they are a
/// name is judged where every author box's names are (`metadata::split_names`).
fn bio_subject(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().take(6).collect();
    let verb = words
        .iter()
        .position(|word| matches!(*word, "is" | "has" | "was" | "writes" | "covers"))?;
    (2..=4).contains(&verb).then(|| words[..verb].join(" "))
}

/// Words that name the piece in a lead before a writer label ("This post was written by").
const WORKS: &[&str] = &[
    "post", "article", "story", "piece", "blog", "guide", "review",
];

/// The text less a lead naming the piece before a writer label: "This post was written by
/// Ann Lee" gives "written by Ann Lee".
fn without_work_lead(text: &str) -> &str {
    let mut words = text.splitn(4, ' ');
    let (Some(this), Some(work), Some(was), Some(rest)) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return text;
    };
    let is_lead = this.eq_ignore_ascii_case("this")
        && WORKS.contains(&work.to_lowercase().as_str())
        && (was.eq_ignore_ascii_case("was") || was.eq_ignore_ascii_case("is"));
    if is_lead { rest } else { text }
}

/// The names a byline label introduces: the rest of its text ("By Ann Lee"), or the texts
/// after it when the label stands alone ("By" / "Ann Lee"). `None` without a label or names.
fn labelled_names(text: &str, following: &[(usize, &str)]) -> Option<String> {
    let rest = after_label(text)?;
    let names = if rest.trim().is_empty() {
        names_after(following)
    } else {
        rest.to_string()
    };
    (!names.trim().is_empty()).then_some(names)
}

/// The names in the texts after a label standing alone: the first text, and the next ones
/// while a conjunction joins them ("Moses Kim" "and" "Kate Shokurova").
fn names_after(texts: &[(usize, &str)]) -> String {
    let joins = |text: &str| {
        let lower = text.to_lowercase();
        let lower = lower.trim();
        lower.is_empty()
            || [",", "&", "and", "und", "y", "et"].iter().any(|word| {
                lower == *word || lower.ends_with(&format!(" {word}")) || lower.ends_with(',')
            })
            || lower.starts_with("and ")
            || lower.starts_with(',')
            || lower.starts_with('&')
    };
    let mut out = String::new();
    for (count, (_, text)) in texts.iter().take(MAX_NAME_TEXTS * 2).enumerate() {
        if text.len() > MAX_BYLINE || after_label(text).is_some() {
            break;
        }
        let joined = count == 0 || joins(&out) || joins(text);
        if !joined {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(text);
    }
    out
}

/// The rest of a text that opens with a byline label ("By Ann Lee" gives "Ann Lee", "Written
/// by:" gives ""); `None` when it opens with none.
pub(crate) fn after_label(text: &str) -> Option<&str> {
    let lower = text.to_lowercase();
    LABELS.iter().find_map(|label| {
        let rest = lower.strip_prefix(label)?;
        let is_word_end = rest.is_empty() || rest.starts_with([' ', ':', '\u{a0}', '\t', '\n']);
        if !is_word_end || lower.len() != text.len() {
            return None;
        }
        let rest = &text[label.len()..];
        let rest = rest.trim_start_matches([' ', ':', '\u{a0}', '\t', '\n']);
        // "By" alone, or "By" before a capitalised name: "by the way" is prose.
        let opens_name = rest.is_empty() || rest.starts_with(char::is_uppercase);
        opens_name.then_some(rest)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_boxes_name_the_subject_of_their_biography() {
        assert_eq!(
            bio_subject("Ann B. Lee is a reporter who covers science.").as_deref(),
            Some("Ann B. Lee")
        );
        assert_eq!(bio_subject("Lee has written for us."), None);
        assert_eq!(bio_subject("She writes about science and health."), None);
        assert!(is_about_heading("About the Author:"));
        assert!(!is_about_heading("About the company"));
    }

    #[test]
    fn an_unlabelled_author_box_names_its_writer_when_the_biography_repeats_the_name() {
        let page = |heading: &str| {
            format!(
                "<html><body><h1>Podcast gear</h1><p>Microphones matter.</p>\
                 <div><h3>{heading}</h3><p>{heading} is the head of marketing at a podcast host.</p></div>\
                 </body></html>"
            )
        };
        let find = |heading: &str| {
            let html = page(heading);
            find_anywhere(&crate::dom::parse(&html))
        };
        assert_eq!(find("Ann Lee").as_deref(), Some("Ann Lee"));
        assert_eq!(find("MIT Sloan"), None);
    }

    #[test]
    fn labels_open_bylines() {
        assert_eq!(after_label("By Ann Lee"), Some("Ann Lee"));
        assert_eq!(after_label("Written by:"), Some(""));
        assert_eq!(after_label("Author: Bo Chen"), Some("Bo Chen"));
        assert_eq!(after_label("by the way"), None);
        assert_eq!(after_label("Byron Bay"), None);
        assert_eq!(
            without_work_lead("This post was written by Ann Lee"),
            "written by Ann Lee"
        );
        assert_eq!(without_work_lead("This was written"), "This was written");
    }
}
