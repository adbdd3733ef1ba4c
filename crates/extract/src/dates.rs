//! Dates as pages write them, normalised: RFC 3339 when the time and its offset are known,
//! else the calendar day (`YYYY-MM-DD`). Anything else is no date: better none than a wrong one.

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat};
use regex::Regex;

/// Month names in several languages, lowercase, with their numbers.
static MONTHS: LazyLock<Vec<(String, u32)>> = LazyLock::new(|| {
    include_str!("../data/months.txt")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let (name, number) = line.trim().rsplit_once(' ')?;
            Some((name.to_string(), number.parse().ok()?))
        })
        .collect()
});
/// `2024-03-05`, `2024/03/05`.
static YEAR_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b").expect("a valid pattern")
});
/// `05.03.2024`, `3/5/2024`, `05-03-2024`.
static YEAR_LAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})([./-])(\d{1,2})[./-](\d{4})\b").expect("a valid pattern")
});
/// `March 5, 2024`, `Mar. 5th 2024`.
static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
        .expect("a valid pattern")
});
/// `5 March 2024`, `5. März 2024`, `5 de marzo de 2024`, `5th of March, 2024`.
static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+|of\s+)?(\p{L}{3,10})\.?,?\s+(?:de\s+)?(\d{4})\b",
    )
    .expect("a valid pattern")
});

/// Years outside this range are taken for parsing accidents, not publication dates.
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// Formats with an offset, besides RFC 3339 and RFC 2822.
const WITH_OFFSET: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f%z",
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%dT%H:%M%:z",
    "%Y-%m-%dT%H:%M%z",
    "%Y-%m-%d %H:%M:%S%.f%:z",
    "%Y-%m-%d %H:%M:%S%:z",
    "%Y-%m-%d %H:%M:%S%z",
    "%Y-%m-%d %H:%M:%S %z",
];
/// Formats with a time but no offset: only the day is kept.
const WITHOUT_OFFSET: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
];
/// Day formats.
const DAYS: &[&str] = &["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d"];

/// Normalises a date as a page writes it.
pub(crate) fn normalise(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.is_empty() || raw.len() > 64 {
        return None;
    }
    let zoned = DateTime::parse_from_rfc3339(raw)
        .ok()
        .or_else(|| {
            WITH_OFFSET
                .iter()
                .find_map(|format| DateTime::parse_from_str(raw, format).ok())
        })
        .or_else(|| DateTime::parse_from_rfc2822(raw).ok());
    if let Some(zoned) = zoned {
        return in_range(zoned.date_naive())
            .then(|| zoned.to_rfc3339_opts(SecondsFormat::Secs, true));
    }
    let day = WITHOUT_OFFSET
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(raw, format).ok())
        .map(|naive| naive.date())
        .or_else(|| {
            DAYS.iter()
                .find_map(|format| NaiveDate::parse_from_str(raw, format).ok())
        })
        .or_else(|| leading_day(raw))
        .or_else(|| written_day(raw))?;
    in_range(day).then(|| day.format("%Y-%m-%d").to_string())
}

/// A date written out as the whole of `raw` ("Oct 31, 2025", "31.10.2025"), read month first
/// when the order is ambiguous, as the English pages that write such values in metadata do.
fn written_day(raw: &str) -> Option<NaiveDate> {
    let (day, at) = find_written(raw, true)?;
    let rest_is_time = raw[at.end..]
        .trim()
        .chars()
        .all(|c| c.is_ascii_digit() || " :.apmAPMZUTCGMT+-".contains(c));
    (at.start <= 4 && rest_is_time).then_some(day)
}

/// The first date written in a text ("Updated March 5, 2024", "5. März 2024", "05.03.2024"),
/// with where it stands. `month_first` reads `3/5/2024` as March 5 (American usage) rather
/// than 3 May; a part above 12 settles the order whatever it says.
pub(crate) fn find_written(
    text: &str,
    month_first: bool,
) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    let mut found: Vec<(NaiveDate, std::ops::Range<usize>)> = Vec::new();
    // every pattern holds a year of four ASCII digits (the only digits a year parses from)
    if has_four_digits(text) {
        for captures in YEAR_FIRST.captures_iter(text) {
            let number = |i: usize| captures.get(i).and_then(|m| m.as_str().parse().ok());
            let day = (|| NaiveDate::from_ymd_opt(number(1)? as i32, number(2)?, number(3)?))();
            if let (Some(day), Some(whole)) = (day, captures.get(0)) {
                found.push((day, whole.range()));
                break;
            }
        }
        for captures in YEAR_LAST.captures_iter(text) {
            let number = |i: usize| -> Option<u32> { captures.get(i)?.as_str().parse().ok() };
            let (Some(first), Some(second), Some(year)) = (number(1), number(3), number(4)) else {
                continue;
            };
            let dotted = captures.get(2).is_some_and(|m| m.as_str() == ".");
            let (month, day) = if first > 12 || dotted || (!month_first && second <= 12) {
                (second, first)
            } else {
                (first, second)
            };
            if let (Some(day), Some(whole)) = (
                NaiveDate::from_ymd_opt(year as i32, month, day),
                captures.get(0),
            ) {
                found.push((day, whole.range()));
                break;
            }
        }
        for (pattern, month_at, day_at) in [(&*MONTH_FIRST, 1, 2), (&*DAY_FIRST, 2, 1)] {
            for captures in pattern.captures_iter(text) {
                let month = captures
                    .get(month_at)
                    .and_then(|m| month_number(m.as_str()));
                let day = captures.get(day_at).and_then(|m| m.as_str().parse().ok());
                let year = captures.get(3).and_then(|m| m.as_str().parse().ok());
                if let (Some(month), Some(day), Some(year), Some(whole)) =
                    (month, day, year, captures.get(0))
                    && let Some(date) = NaiveDate::from_ymd_opt(year, month, day)
                {
                    found.push((date, whole.range()));
                    break;
                }
            }
        }
    }
    found
        .into_iter()
        .filter(|(day, _)| in_range(*day))
        .min_by_key(|(_, at)| at.start)
}

/// Whether the text holds four ASCII digits in a row.
fn has_four_digits(text: &str) -> bool {
    let mut run = 0;
    text.bytes().any(|b| {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        run == 4
    })
}

fn month_number(name: &str) -> Option<u32> {
    let name = name.to_lowercase();
    MONTHS
        .iter()
        .find(|(month, _)| *month == name)
        .map(|(_, number)| *number)
}

/// The day at the start of a timestamp in a format not listed above
/// (`2019-11-20T12:00:00 EST`): the day as written is right even when the rest is not read.
fn leading_day(raw: &str) -> Option<NaiveDate> {
    let head = raw.get(..10)?;
    let rest = &raw[10..];
    if !(rest.starts_with('T') || rest.starts_with(' ')) {
        return None;
    }
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

/// Whether `stamp`, a normalised timestamp with its offset, falls on the calendar day `day`
/// (`YYYY-MM-DD`) in some time zone: a page that shows "July 4" beside metadata saying
/// `2025-07-05T00:04:00+00:00` shows the same moment in its readers' zone, not another date.
pub(crate) fn same_moment(stamp: &str, day: &str) -> bool {
    let (Ok(moment), Ok(day)) = (
        DateTime::parse_from_rfc3339(stamp),
        NaiveDate::parse_from_str(day.get(..10).unwrap_or(day), "%Y-%m-%d"),
    ) else {
        return false;
    };
    let utc = moment.naive_utc();
    let earliest = (utc - chrono::TimeDelta::hours(12)).date();
    let latest = (utc + chrono::TimeDelta::hours(14)).date();
    (earliest..=latest).contains(&day)
}

fn in_range(day: NaiveDate) -> bool {
    use chrono::Datelike;
    YEARS.contains(&day.year())
}

/// A `YYYY-MM-DD` day with its month and day swapped, when both readings are days: the
/// other reading of a date written `03/10/2023`.
pub(crate) fn swapped(day: &str) -> Option<String> {
    let (year, rest) = day.get(..10)?.split_once('-')?;
    let (month, day) = rest.split_once('-')?;
    let other = format!("{year}-{day}-{month}");
    (month != day && NaiveDate::parse_from_str(&other, "%Y-%m-%d").is_ok()).then_some(other)
}

/// The day in a URL path written as `/YYYY/MM/DD/`.
pub(crate) fn from_url(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let parts: Vec<&str> = path.split('/').collect();
    parts.windows(3).enumerate().find_map(|(at, window)| {
        let [year, month, day] = window else {
            return None;
        };
        let is_last = at + 3 == parts.len();
        let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
        // The month in digits, or named ("/2023/october/03/").
        let month = if month.len() == 2 && digits(month) {
            month.parse().ok()
        } else {
            month_number(month)
        };
        let shaped = year.len() == 4 && day.len() == 2 && !is_last && digits(year) && digits(day);
        let (Some(month), true) = (month, shaped) else {
            return None;
        };
        let date = NaiveDate::from_ymd_opt(year.parse().ok()?, month, day.parse().ok()?)?;
        in_range(date).then(|| date.format("%Y-%m-%d").to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timestamp_is_the_same_moment_as_its_day_in_another_zone() {
        assert!(same_moment("2025-07-05T00:04:00Z", "2025-07-04"));
        assert!(same_moment("2025-07-05T00:04:00Z", "2025-07-05"));
        assert!(same_moment("2025-12-02T23:00:55+00:00", "2025-12-03"));
        assert!(!same_moment("2025-07-05T00:04:00Z", "2025-07-06"));
        assert!(!same_moment("2025-07-05T12:00:00Z", "2025-07-03"));
        // A day without a time says nothing about the moment.
        assert!(!same_moment("2025-07-05", "2025-07-04"));
    }

    #[test]
    fn normalises_what_pages_write() {
        let cases = [
            ("2025-11-25T10:30:00Z", Some("2025-11-25T10:30:00Z")),
            (
                "2025-11-25T10:30:00.123-05:00",
                Some("2025-11-25T10:30:00-05:00"),
            ),
            ("2025-11-25T10:30:00+0000", Some("2025-11-25T10:30:00Z")),
            (
                "Tue, 25 Nov 2025 10:30:00 GMT",
                Some("2025-11-25T10:30:00Z"),
            ),
            ("2025-11-25T10:30:00", Some("2025-11-25")),
            ("2025-11-25", Some("2025-11-25")),
            ("2025/11/25", Some("2025-11-25")),
            ("2025-11-25T10:30:00 EST", Some("2025-11-25")),
            ("Oct 31, 2025", Some("2025-10-31")),
            ("July 17, 2025", Some("2025-07-17")),
            ("4/24/2000 12:00:00 AM", Some("2000-04-24")),
            ("2025-02-31", None),
            ("yesterday", None),
            ("0001-01-01T00:00:00Z", None),
            ("", None),
        ];
        for (raw, expected) in cases {
            assert_eq!(normalise(raw).as_deref(), expected, "{raw}");
        }
    }

    #[test]
    fn written_dates_are_found_in_text() {
        let day = |text: &str, month_first: bool| {
            find_written(text, month_first).map(|(day, _)| day.format("%Y-%m-%d").to_string())
        };
        assert_eq!(
            day("Updated March 5, 2024", true).as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(
            day("Last updated on 17 December 2025", true).as_deref(),
            Some("2025-12-17")
        );
        assert_eq!(
            day("Veröffentlicht am 5. März 2024", false).as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(
            day("5 de marzo de 2024", false).as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(day("23.07.2025", true).as_deref(), Some("2025-07-23"));
        assert_eq!(day("3/5/2024", true).as_deref(), Some("2024-03-05"));
        assert_eq!(day("3/5/2024", false).as_deref(), Some("2024-05-03"));
        assert_eq!(day("25/12/2024", true).as_deref(), Some("2024-12-25"));
        assert_eq!(
            day("Posted 2024-03-05 by Ann", true).as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(day("May the force be with you, 2024", true), None);
        assert_eq!(day("in 2024 sales rose", true), None);
    }

    #[test]
    fn url_days_need_the_full_pattern() {
        assert_eq!(
            from_url("https://e.com/2025/11/25/talks-resume/").as_deref(),
            Some("2025-11-25")
        );
        assert_eq!(from_url("https://e.com/2025/11/25").as_deref(), None);
        assert_eq!(
            from_url("https://e.com/blog/2023/october/03/wine/").as_deref(),
            Some("2023-10-03")
        );
        assert_eq!(swapped("2024-10-09").as_deref(), Some("2024-09-10"));
        assert_eq!(swapped("2024-10-25"), None);
        assert_eq!(swapped("2024-10-10"), None);
        assert_eq!(from_url("https://e.com/2025/13/25/x").as_deref(), None);
        assert_eq!(from_url("https://e.com/news/12345/x").as_deref(), None);
    }
}
