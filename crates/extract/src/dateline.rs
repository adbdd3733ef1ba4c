//! The date a page shows near its headline ("Published March 5, 2024", "Last updated:
//! 12.03.2024", a date in the byline), for pages whose metadata gives none; and where the
//! headline stands.

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
/// Titles and headings shorter than this (bytes) are not compared.
const MIN_TITLE: usize = 10;
/// Headings are compared on their first this many bytes.
const MAX_HEADING: usize = 400;

/// A date shown on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dateline {
    /// `YYYY-MM-DD`.
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

/// Labels of a date that is not the page's, lowercase: when an offer or estimate runs out,
/// today's opening hours, when a user was last seen.
const NOT_THE_PAGES: &[&str] = &[
    "valid through",
    "valid until",
    "expires",
    "expiry",
    "ends on",
    "deadline",
    "today",
    "last active",
    "last seen",
];

/// Labels of a publication date, lowercase.
const PUBLISHED_LABELS: &[&str] = &[
    "published",
    "posted",
    "publication date",
    "veröffentlicht",
    "publié",
    "publicado",
    "pubblicato",
];

/// A text this long or shorter (bytes) is read for a date by [`page_dates`].
const MAX_PAGE_DATE_TEXT: usize = 200;

/// The dates written anywhere on the page (`YYYY-MM-DD`, first one per text), and the first
/// one labelled as the publication date ("Published Feb 2, 2023", "Posted on April 13, 2023").
#[derive(Debug, Default)]
pub(crate) struct PageDates {
    pub(crate) days: Vec<String>,
    pub(crate) labelled_published: Option<String>,
}

impl PageDates {
    /// Whether the page shows this day (the first ten bytes of `date`) anywhere.
    pub(crate) fn shows(&self, date: &str) -> bool {
        let day = date.get(..10).unwrap_or(date);
        self.days.iter().any(|shown| shown == day)
    }
}

/// Reads every short text of the page that holds a year for a date: see [`PageDates`].
pub(crate) fn page_dates(page: &Page, month_first: bool) -> PageDates {
    let mut out = PageDates::default();
    let mut previous_text: &str = "";
    for token in &page.tokens {
        let Token::Text(text) = token else {
            continue;
        };
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        if text.len() <= MAX_PAGE_DATE_TEXT
            && has_year(text)
            && let Some((day, at)) = dates::find_written(text, month_first)
        {
            let date = day.format("%Y-%m-%d").to_string();
            if out.labelled_published.is_none() {
                let label = label_of(text, at.start, previous_text);
                if label.len() <= MAX_LABEL
                    && PUBLISHED_LABELS.iter().any(|word| label.contains(word))
                {
                    out.labelled_published = Some(date.clone());
                }
            }
            if !out.days.contains(&date) {
                out.days.push(date);
            }
        }
        previous_text = text;
    }
    out
}

/// Whether the text holds four digits in a row starting 19 or 20: a cheap test before the
/// date patterns run.
fn has_year(text: &str) -> bool {
    text.as_bytes().windows(4).any(|window| {
        matches!(&window[..2], b"19" | b"20")
            && window[2].is_ascii_digit()
            && window[3].is_ascii_digit()
    })
}

/// The headline: the first `<h1>` or `<h2>` whose words are the title's (or hold them, or
/// are held in them), else the first `<h1>`.
pub(crate) fn headline(page: &Page, title: Option<&str>) -> Option<usize> {
    let words = |text: &str| -> String {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let title = title.map(words).filter(|title| title.len() >= MIN_TITLE);
    let headings = page
        .tokens
        .iter()
        .enumerate()
        .filter_map(|(index, token)| match token {
            Token::Open(open) if matches!(open.name, "h1" | "h2") => Some((index, open.name)),
            _ => None,
        });
    let mut first_h1 = None;
    for (index, name) in headings {
        if name == "h1" && first_h1.is_none() {
            first_h1 = Some(index);
        }
        if let Some(title) = &title {
            let heading = words(&page.bounded_text(index, MAX_HEADING));
            if heading.len() >= MIN_TITLE
                && (title.contains(&heading) || heading.contains(title.as_str()))
            {
                return Some(index);
            }
        }
    }
    first_h1
}

/// The dates shown near the headline: the nearest after it first, then the others after it,
/// then those before it, nearest first. `main` is the token range of the main text, `title`
/// finds the headline, `month_first` reads `3/5/2024` as March 5.
pub(crate) fn find(
    page: &Page,
    main: Option<(usize, usize)>,
    title: Option<&str>,
    month_first: bool,
) -> Vec<Dateline> {
    let count = page.tokens.len();
    let main_start = main.map_or(0, |(start, _)| start);
    let anchor = headline(page, title).unwrap_or(main_start);
    let from = anchor
        .min(main_start.max(anchor.saturating_sub(BEFORE)))
        .saturating_sub(BEFORE);
    let to = (anchor + AFTER).min(count);
    let mut before: Vec<Dateline> = Vec::new();
    let mut after: Vec<Dateline> = Vec::new();
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
            let label = label_of(text, at.start, previous_text);
            if NOT_THE_PAGES.iter().any(|word| label.contains(word)) {
                previous_text = text;
                continue;
            }
            let dateline = Dateline {
                date: day.format("%Y-%m-%d").to_string(),
                is_update: UPDATE_LABELS.iter().any(|word| label.contains(word)),
            };
            if index >= anchor {
                after.push(dateline);
            } else {
                before.push(dateline);
            }
        }
        previous_text = text;
    }
    after.extend(before.into_iter().rev());
    after
}

/// The label of a date found at byte `start` of `text`, lowercased: the words before it, or
/// the short text before this one when the date stands alone ("Published" / "May 2, 2025").
fn label_of(text: &str, start: usize, previous_text: &str) -> String {
    let here = &text[..start];
    if here.trim().is_empty() && previous_text.len() <= MAX_LABEL {
        previous_text.to_lowercase()
    } else {
        here.to_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::parse;

    #[test]
    fn the_date_after_the_headline_comes_first() {
        let page = parse(
            "<body><p>Posted 1 May 2020</p><h1>Talks resume in Geneva</h1>\
             <p>Updated: March 5, 2024</p><p>Delegations met again, officials said.</p></body>",
        );
        let dates = find(&page, None, Some("Talks resume in Geneva"), true);
        assert_eq!(dates[0].date, "2024-03-05");
        assert!(dates[0].is_update);
        assert_eq!(dates[1].date, "2020-05-01");
    }

    #[test]
    fn dates_labelled_as_another_days_are_passed_over() {
        let page = parse(
            "<body><h1>Talks resume in Geneva</h1><p>Today's hours</p><p>March 14, 2026</p>\
             <p>The offer is valid through</p><p>01/23/2026</p></body>",
        );
        assert!(find(&page, None, Some("Talks resume in Geneva"), true).is_empty());
    }

    #[test]
    fn dates_anywhere_on_the_page_are_read_with_their_label() {
        let page = parse(
            "<body><h1>Talks resume in Geneva</h1><p>Delegations met again.</p>\
             <footer><p>Published</p><p>Feb 2, 2023</p><p>Updated 3 March 2024</p></footer></body>",
        );
        let dates = page_dates(&page, true);
        assert_eq!(dates.labelled_published.as_deref(), Some("2023-02-02"));
        assert!(dates.shows("2024-03-03T10:00:00Z"));
        assert!(!dates.shows("2024-03-04"));
    }
}
