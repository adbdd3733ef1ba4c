use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, Offset, Utc};
use serde::{Deserialize, Deserializer};

/// Parses a publication time: RFC 3339 (`2024-03-01T09:30:00+01:00`), a calendar day
/// (`2024-03-01`, taken as midnight UTC) or a day and time without a zone
/// (`2024-03-01 09:30:00` or `2024-03-01T09:30:00`, taken as UTC). Surrounding whitespace is
/// ignored. Anything else, including days that do not exist, gives `None`.
///
/// ```
/// let day = dossier_ingest::parse_published("2024-03-01").expect("a day");
/// assert_eq!(day.to_rfc3339(), "2024-03-01T00:00:00+00:00");
/// assert!(dossier_ingest::parse_published("2024-02-31").is_none());
/// ```
pub fn parse_published(text: &str) -> Option<DateTime<FixedOffset>> {
    let text = text.trim();
    if let Ok(time) = DateTime::parse_from_rfc3339(text) {
        return Some(time);
    }
    let naive = if text.len() == "YYYY-MM-DD".len() {
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .ok()
            .and_then(|day| day.and_hms_opt(0, 0, 0))
    } else {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S")
            .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
            .ok()
    }?;
    Some(naive.and_utc().with_timezone(&Utc.fix()))
}

/// The message for a publication time [`parse_published`] refuses.
pub(crate) fn describe_bad(text: &str) -> String {
    format!("published {text:?} is not an RFC 3339 time or a calendar day")
}

/// Serde support for `published` in the config: the same forms as [`parse_published`].
pub(crate) fn deserialize_option<'de, D>(
    deserializer: D,
) -> Result<Option<DateTime<FixedOffset>>, D::Error>
where
    D: Deserializer<'de>,
{
    let Some(text) = Option::<String>::deserialize(deserializer)? else {
        return Ok(None);
    };
    match parse_published(&text) {
        Some(time) => Ok(Some(time)),
        None => Err(serde::de::Error::custom(describe_bad(&text))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rfc3339(text: &str) -> Option<String> {
        parse_published(text).map(|time| time.to_rfc3339())
    }

    #[test]
    fn accepts_rfc3339_with_its_offset() {
        assert_eq!(
            rfc3339("2024-03-01T09:30:00+01:00").as_deref(),
            Some("2024-03-01T09:30:00+01:00")
        );
        assert_eq!(
            rfc3339("2024-03-01T09:30:00Z").as_deref(),
            Some("2024-03-01T09:30:00+00:00")
        );
    }

    #[test]
    fn takes_days_and_zoneless_times_as_utc() {
        assert_eq!(
            rfc3339(" 2024-03-01 ").as_deref(),
            Some("2024-03-01T00:00:00+00:00")
        );
        assert_eq!(
            rfc3339("2024-03-01 09:30:00").as_deref(),
            Some("2024-03-01T09:30:00+00:00")
        );
        assert_eq!(
            rfc3339("2024-03-01T09:30:00").as_deref(),
            Some("2024-03-01T09:30:00+00:00")
        );
    }

    #[test]
    fn refuses_other_forms_and_impossible_days() {
        for text in [
            "31/02/2024",
            "2024-02-31",
            "",
            "yesterday",
            "2024-03",
            "2024-03-01 25:00:00",
        ] {
            assert_eq!(rfc3339(text), None, "{text:?}");
        }
        assert_eq!(
            describe_bad("31/02/2024"),
            "published \"31/02/2024\" is not an RFC 3339 time or a calendar day"
        );
    }
}
