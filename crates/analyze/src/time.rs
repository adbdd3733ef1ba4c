//! Time expressions ("late Monday", "the weekend", "in August", "Nov. 3") resolved against the
//! publication date when there is one.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use dossier_model::{MONTH_NAMES, Span, TimeExpr, TimeGranularity, WEEKDAY_NAMES};

use crate::token::{Token, TokenKind};

const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const PART_OF_DAY: &[&str] = &["late", "early", "earlier", "later"];
/// Words that put a clause in the future ("will meet on Friday", "plans to visit in November").
const FUTURE_MARKERS: &[&str] = &[
    "will",
    "next",
    "plans",
    "planned",
    "scheduled",
    "upcoming",
    "due",
    "organizing",
    "organising",
    "tomorrow",
    "shall",
    "forward",
    "expected",
    "expect",
    "expects",
    "intends",
    "aims",
];

fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTH_NAMES
        .iter()
        .position(|m| *m == w)
        .or_else(|| {
            MONTH_ABBREVIATIONS
                .iter()
                .position(|m| *m == w || (w == "sept" && *m == "sep"))
        })
        .map(|i| i as u32 + 1)
}

/// Finds time expressions in `tokens[range]`; resolves them against `published` when given,
/// and estimates their order relative to the day of writing when not.
pub fn find(
    text: &str,
    tokens: &[Token],
    range: std::ops::Range<usize>,
    published: Option<NaiveDate>,
) -> Vec<TimeExpr> {
    let mut found = Vec::new();
    find_into(&mut found, text, tokens, range.clone(), published);
    if published.is_none() {
        for expr in &mut found {
            let at = tokens.partition_point(|t| t.span.start < expr.span.start);
            expr.relative_days = estimate(&expr.text, is_future(tokens, range.start, at));
        }
    }
    found
}

/// Whether a future marker stands shortly before token `at` ("due to continue on Tuesday",
/// "will meet on Friday", "look forward to a visit in November"), within the clause that
/// starts at `floor`.
fn is_future(tokens: &[Token], floor: usize, at: usize) -> bool {
    // Walk back from the expression: a past verb nearer to it than any future marker is the
    // verb it belongs to ("will buy the company, they said on Tuesday").
    for k in (floor..at).rev() {
        let text = tokens[k].text;
        if FUTURE_MARKERS.iter().any(|m| text.eq_ignore_ascii_case(m)) {
            return true;
        }
        // Lowercase words only: their text is their lowercase form.
        let past = tokens[k].kind == TokenKind::Word
            && text.starts_with(char::is_lowercase)
            && crate::clause::is_past_form(text);
        if past {
            return false;
        }
    }
    false
}

/// Without a publication date, where an expression likely falls relative to the day of
/// writing: weekdays in the reporting week, the weekend before them, months outside it.
fn estimate(expression: &str, future: bool) -> Option<i64> {
    let lower = expression.to_lowercase();
    let word = lower.split_whitespace().last().unwrap_or("");
    if let Some(index) = WEEKDAY_NAMES.iter().position(|w| *w == word) {
        let index = index as i64;
        return Some(if future { index + 1 } else { index - 7 });
    }
    if word == "weekend" {
        return Some(if future { 6 } else { -9 });
    }
    if month_of(word).is_some() || lower.starts_with("in ") {
        return Some(if future { 40 } else { -40 });
    }
    match word {
        "today" | "tonight" => Some(0),
        "yesterday" => Some(-1),
        "tomorrow" => Some(1),
        _ => None,
    }
}

fn find_into(
    found: &mut Vec<TimeExpr>,
    text: &str,
    tokens: &[Token],
    range: std::ops::Range<usize>,
    published: Option<NaiveDate>,
) {
    let mut k = range.start;
    while k < range.end {
        let lower = tokens[k].lower();
        // Only asked where a day or month is found: the walk back costs per token.
        let future = || is_future(tokens, range.start, k);
        let mut start = k;
        if k > range.start && PART_OF_DAY.contains(&tokens[k - 1].lower().as_str()) {
            start = k - 1;
        }
        if let Some(weekday) = weekday_of(&lower) {
            let granularity = if start < k {
                TimeGranularity::PartOfDay
            } else {
                TimeGranularity::Day
            };
            let day = published.map(|p| nearest_weekday(p, weekday, future()));
            found.push(expr(
                text,
                tokens,
                start,
                k + 1,
                day,
                day,
                granularity,
                published,
            ));
        } else if lower == "weekend" && tokens[k].text == "weekend" {
            // "the weekend", "last weekend", "weekend talks"
            let from = if k > range.start
                && matches!(
                    tokens[k - 1].lower().as_str(),
                    "the" | "last" | "this" | "next"
                ) {
                k - 1
            } else {
                k
            };
            let saturday = published.map(|p| nearest_weekday(p, Weekday::Sat, future()));
            let sunday = saturday.map(|s| s + Duration::days(1));
            found.push(expr(
                text,
                tokens,
                from,
                k + 1,
                saturday,
                sunday,
                TimeGranularity::Week,
                published,
            ));
        } else if let Some(month) = month_of(&lower).filter(|_| {
            tokens[k].is_capitalized()
                && (lower != "may"
                    || tokens
                        .get(k + 1)
                        .is_some_and(|t| t.kind == TokenKind::Number))
        }) {
            // "Nov. 3", "November 3, 2025", "in August", "in August 2024"
            let day_token = tokens.get(k + 1).filter(|t| {
                k + 1 < range.end && t.text.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
            });
            let mut end = k + 1;
            let day: Option<u32> = day_token.and_then(|t| t.text.parse().ok());
            if day.is_some() {
                end += 1;
            }
            let mut year: Option<i32> = None;
            let mut j = end;
            if tokens.get(j).is_some_and(|t| t.is(",")) {
                j += 1;
            }
            if let Some(y) = tokens
                .get(j)
                .filter(|_| j < range.end)
                .and_then(|t| t.text.parse::<i32>().ok())
                .filter(|y| (1900..=2100).contains(y))
            {
                year = Some(y);
                end = j + 1;
            }
            let year = year.or_else(|| {
                published.map(|p| {
                    let this_year = p.year();
                    let ahead = month > p.month();
                    if ahead && !future() {
                        this_year - 1
                    } else if !ahead && future() && month < p.month() {
                        this_year + 1
                    } else {
                        this_year
                    }
                })
            });
            let (first, last, granularity) = match (year, day) {
                (Some(y), Some(d)) => {
                    let date = NaiveDate::from_ymd_opt(y, month, d);
                    (date, date, TimeGranularity::Day)
                }
                (Some(y), None) => {
                    let first = NaiveDate::from_ymd_opt(y, month, 1);
                    let last = first
                        .and_then(|f| f.checked_add_months(chrono::Months::new(1)))
                        .map(|n| n - Duration::days(1));
                    (first, last, TimeGranularity::Month)
                }
                _ => (
                    None,
                    None,
                    if day.is_some() {
                        TimeGranularity::Day
                    } else {
                        TimeGranularity::Month
                    },
                ),
            };
            let begin = if k > range.start && tokens[k - 1].lower() == "in" {
                k - 1
            } else {
                k
            };
            found.push(expr(
                text,
                tokens,
                begin,
                end,
                first,
                last,
                granularity,
                published,
            ));
            k = end;
            continue;
        } else if matches!(
            lower.as_str(),
            "today" | "yesterday" | "tomorrow" | "tonight"
        ) {
            let offset = match lower.as_str() {
                "yesterday" => -1,
                "tomorrow" => 1,
                _ => 0,
            };
            let day = published.map(|p| p + Duration::days(offset));
            found.push(expr(
                text,
                tokens,
                k,
                k + 1,
                day,
                day,
                TimeGranularity::Day,
                published,
            ));
        }
        k += 1;
    }
}

/// The weekday nearest the publication day: on or before it for past events, after for future.
/// The weekday a lowercase word names.
fn weekday_of(lower: &str) -> Option<Weekday> {
    let index = WEEKDAY_NAMES.iter().position(|w| *w == lower)?;
    Weekday::try_from(index as u8).ok()
}

fn nearest_weekday(published: NaiveDate, weekday: Weekday, future: bool) -> NaiveDate {
    let today = i64::from(published.weekday().num_days_from_monday());
    let target = i64::from(weekday.num_days_from_monday());
    if future {
        published + Duration::days((target - today).rem_euclid(7))
    } else {
        published - Duration::days((today - target).rem_euclid(7))
    }
}

#[allow(clippy::too_many_arguments)]
fn expr(
    text: &str,
    tokens: &[Token],
    from: usize,
    to: usize,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    granularity: TimeGranularity,
    published: Option<NaiveDate>,
) -> TimeExpr {
    let span = Span::new(tokens[from].span.start, tokens[to - 1].span.end);
    TimeExpr {
        span,
        text: span.slice(text).to_string(),
        start: start.map(|d| d.to_string()),
        end: end.map(|d| d.to_string()),
        granularity,
        relative_days: published.zip(start).map(|(p, s)| (s - p).num_days()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::token::tokenize;

    fn resolve(text: &str, published: &str) -> Vec<(String, Option<String>)> {
        let tokens = tokenize(text, &Lexicon::builtin());
        let published = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        find(text, &tokens, 0..tokens.len(), published)
            .into_iter()
            .map(|t| (t.text, t.start))
            .collect()
    }

    #[test]
    fn resolves_weekdays_weekends_and_months() {
        // 2025-11-26 is a Wednesday.
        assert_eq!(
            resolve(
                "Talks ran late Monday and over the weekend, after a summit in August.",
                "2025-11-26"
            ),
            [
                ("late Monday".to_string(), Some("2025-11-24".to_string())),
                ("the weekend".to_string(), Some("2025-11-22".to_string())),
                ("in August".to_string(), Some("2025-08-01".to_string())),
            ]
        );
        assert_eq!(
            resolve("He met them on Nov. 3, 2024.", "2025-11-26")[0]
                .1
                .as_deref(),
            Some("2024-11-03")
        );
    }

    #[test]
    fn a_past_verb_between_will_and_the_day_wins() {
        let text = "The company will buy its rival, the two firms said on Tuesday.";
        let tokens = tokenize(text, &Lexicon::builtin());
        let days: Vec<Option<i64>> = find(text, &tokens, 0..tokens.len(), None)
            .into_iter()
            .map(|t| t.relative_days)
            .collect();
        assert!(days[0].is_some_and(|d| d <= 0), "{days:?}");
    }

    #[test]
    fn an_expected_month_lies_ahead() {
        let text = "The deal, announced on Tuesday, is expected to close in March.";
        let tokens = tokenize(text, &Lexicon::builtin());
        let days: Vec<Option<i64>> = find(text, &tokens, 0..tokens.len(), None)
            .into_iter()
            .map(|t| t.relative_days)
            .collect();
        assert_eq!(days.len(), 2);
        assert!(days[0] < days[1], "{days:?}");
    }

    #[test]
    fn orders_without_publication_date() {
        let text = "After a summit in August and talks at the weekend, they met on Monday and \
                    again Tuesday; a visit is planned in November.";
        let tokens = tokenize(text, &Lexicon::builtin());
        let order: Vec<(String, Option<i64>)> = find(text, &tokens, 0..tokens.len(), None)
            .into_iter()
            .map(|t| (t.text, t.relative_days))
            .collect();
        let days: Vec<i64> = order.iter().filter_map(|(_, d)| *d).collect();
        assert_eq!(days.len(), 5, "{order:?}");
        assert!(days.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    }

    #[test]
    fn unresolved_without_publication_date() {
        assert_eq!(
            resolve("It happened Tuesday.", "not a date"),
            [("Tuesday".to_string(), None)]
        );
    }
}
