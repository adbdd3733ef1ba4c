//! The date a page shows near its headline ("Published March 5, 2024", "Last updated:
//! 12.03.2024", a `<time>` in the byline), for pages whose metadata gives none.

use crate::dates;
use crate::dom::{Page, Token};

/// Dates are looked for this many tokens before the headline (or the main text, whichever
/// comes first) and after it.
const BEFORE: usize = 200;
const AFTER: usize = 300;
/// A text longer than this (bytes) is prose: a date in it ("on March 5, 2024, the council
/// voted") dates an event, not the page.
const MAX_DATELINE: usize = 120;
/// A label before a date is looked for in a text at most this long just before it.
const MAX_LABEL: usize = 40;

/// A date shown on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dateline {
    /// `YYYY-MM-DD`, or RFC 3339 when read from a `<time datetime>` with an offset.
    pub(crate) date: String,
    /// Whether a label says it is the date of an update ("Updated", "Last modified").
    pub(crate) is_update: bool,
}

/// Labels of an update, lowercase.
const UPDATE_LABELS: &[&str] = &[
    "updat",
    "modif",
    "aktualisiert",
    "actualiz",
    "mis à jour",
    "stand:",
    "revised",
    "reviewed",
];

/// The date shown nearest after the headline, else the last one before it. `main` is the
/// token range of the main text; `month_first` reads `3/5/2024` as March 5.
pub(crate) fn find(
    page: &Page,
    main: Option<(usize, usize)>,
    month_first: bool,
) -> Option<Dateline> {
    let count = page.tokens.len();
    let main_start = main.map_or(0, |(start, _)| start);
    let headline = page
        .tokens
        .iter()
        .position(|token| matches!(token, Token::Open(open) if open.name == "h1"));
    let anchor = headline.unwrap_or(main_start);
    let from = anchor
        .min(main_start.max(anchor.saturating_sub(BEFORE)))
        .saturating_sub(BEFORE);
    let to = (anchor + AFTER).min(count);
    let mut before: Option<Dateline> = None;
    let mut previous_text: &str = "";
    for index in from..to {
        let text = match &page.tokens[index] {
            Token::Text(text) => text.trim(),
            _ => continue,
        };
        if text.is_empty() {
            continue;
        }
        let found = (text.len() <= MAX_DATELINE)
            .then(|| dates::find_written(text, month_first))
            .flatten();
        if let Some((day, at)) = found {
            let label_here = &text[..at.start];
            let label = if label_here.trim().is_empty() && previous_text.len() <= MAX_LABEL {
                previous_text
            } else {
                label_here
            };
            let label = label.to_lowercase();
            let dateline = Dateline {
                date: day.format("%Y-%m-%d").to_string(),
                is_update: UPDATE_LABELS.iter().any(|word| label.contains(word)),
            };
            if std::env::var("DDEBUG").is_ok() {
                #[allow(clippy::print_stdout)]
                {
                    println!(
                        "DATELINE idx={index} anchor={anchor} {:?} label={label:?} text={text:?}",
                        dateline
                    );
                }
            }
            if index >= anchor {
                return Some(dateline);
            }
            before = Some(dateline);
        }
        previous_text = text;
    }
    before
}
