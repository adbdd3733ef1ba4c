use chrono::{DateTime, FixedOffset};
use serde::Deserialize;

/// 8 MiB: far above any news article, small enough that a stray video file is refused.
const DEFAULT_CAP: usize = 8 * 1024 * 1024;

/// How inputs are read.
///
/// `outlet`, `published` and `url` describe plain inputs (`.txt`, `.html`, `.htm` files and
/// stdin), named directly or found in a folder. JSONL records carry their own and are never
/// given these.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct IngestConfig {
    /// Who published the plain inputs, when the user says so.
    pub outlet: Option<String>,
    /// When the plain inputs were published: RFC 3339, `YYYY-MM-DD` (midnight UTC) or
    /// `YYYY-MM-DD HH:MM:SS` (UTC).
    #[serde(deserialize_with = "crate::published::deserialize_option")]
    pub published: Option<DateTime<FixedOffset>>,
    /// The URL of the plain inputs, kept verbatim. Meant for a single input.
    pub url: Option<String>,
    /// The largest `.txt`, `.html` or `.htm` file, stdin or JSONL body read, in bytes.
    /// Larger ones are skipped with an error; no more than this plus one byte is ever read.
    pub max_document_bytes: usize,
    /// The longest JSONL line read, in bytes, not counting the line end. A longer line is
    /// skipped with an error and reading goes on with the next line.
    pub max_line_bytes: usize,
}

impl Default for IngestConfig {
    fn default() -> Self {
        IngestConfig {
            outlet: None,
            published: None,
            url: None,
            max_document_bytes: DEFAULT_CAP,
            max_line_bytes: DEFAULT_CAP,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_cap_at_eight_mebibytes() {
        let config = IngestConfig::default();
        assert_eq!(config.max_document_bytes, 8_388_608);
        assert_eq!(config.max_line_bytes, 8_388_608);
        assert_eq!(config.outlet, None);
    }

    #[test]
    fn deserializes_partial_config_with_defaults() {
        let config: IngestConfig =
            serde_json::from_str(r#"{"outlet": "BBC", "published": "2024-03-01"}"#)
                .expect("valid config");
        assert_eq!(config.outlet.as_deref(), Some("BBC"));
        assert_eq!(
            config.published.map(|p| p.to_rfc3339()),
            Some("2024-03-01T00:00:00+00:00".to_string())
        );
        assert_eq!(config.max_line_bytes, 8_388_608);
    }

    #[test]
    fn refuses_bad_dates_and_unknown_keys() {
        let bad_date = serde_json::from_str::<IngestConfig>(r#"{"published": "31/02/2024"}"#);
        let message = bad_date.expect_err("bad date").to_string();
        assert!(message.contains("\"31/02/2024\""), "{message}");

        let typo = serde_json::from_str::<IngestConfig>(r#"{"outlett": "BBC"}"#);
        assert!(typo.is_err());
    }
}
