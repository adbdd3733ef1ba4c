use serde::{Deserialize, Serialize};

use crate::Span;

/// The English month names, lowercase, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The English weekday names, lowercase, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether a lowercase word is a month or a weekday name.
pub fn is_calendar_word(lower: &str) -> bool {
    MONTH_NAMES.contains(&lower) || WEEKDAY_NAMES.contains(&lower)
}

/// How precise a resolved time is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeGranularity {
    /// A part of a day ("late Monday").
    PartOfDay,
    /// A calendar day.
    Day,
    /// A weekend or a week.
    Week,
    /// A month.
    Month,
    /// A year.
    Year,
}

/// A time expression in the text, resolved against the publication time when there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// The expression in the text.
    pub span: Span,
    /// The text of the expression ("late Monday", "in August").
    pub text: String,
    /// First day of the interval, ISO 8601 (`2025-11-24`), when resolved.
    pub start: Option<String>,
    /// Last day of the interval, ISO 8601, when resolved.
    pub end: Option<String>,
    /// Precision.
    pub granularity: TimeGranularity,
    /// Days relative to the document's publication day (negative = before): exact when the
    /// publication date is known, else an estimate for ordering (weekdays in the reporting
    /// week, the weekend before them, named months outside it).
    pub relative_days: Option<i64>,
}
