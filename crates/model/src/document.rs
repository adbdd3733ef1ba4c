use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::Diagnostic;

/// Where an input came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// A file, by the path it was named with.
    Path(String),
    /// A JSONL line with a `url`, kept verbatim.
    Url(String),
    /// A JSONL line without a `url`: the file and 1-based line number.
    Line {
        /// The JSONL file.
        path: String,
        /// 1-based line number.
        line: usize,
    },
    /// Standard input.
    Stdin,
}

impl Origin {
    /// How diagnostics name this input.
    pub fn label(&self) -> String {
        match self {
            Origin::Path(path) => path.clone(),
            Origin::Url(url) => url.clone(),
            Origin::Line { path, line } => format!("{path}:{line}"),
            Origin::Stdin => "-".to_string(),
        }
    }
}

/// The raw body of an input, before extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Plain text, already valid UTF-8.
    Text(String),
    /// An HTML page as bytes in any encoding.
    Html(Vec<u8>),
}

/// One article as read by `ingest`, before extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// Where it came from.
    pub origin: Origin,
    /// Who published it, when known.
    pub outlet: Option<String>,
    /// When it was published, when known.
    pub published: Option<DateTime<FixedOffset>>,
    /// Its headline, when known.
    pub title: Option<String>,
    /// Its URL, when known (also for files, when a flag gives one).
    pub url: Option<String>,
    /// The body.
    pub body: Body,
}

/// A line of page chrome removed from the text, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// The removed text.
    pub text: String,
    /// Why it was removed (`sign-in form`, `newsletter prompt`, ...).
    pub reason: String,
}

/// A clean article: the unit every later stage works on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: a hash of the normalised text and the URL or path.
    pub id: String,
    /// The file it came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The URL it came from, verbatim.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Who published it.
    pub outlet: Option<String>,
    /// Its headline.
    pub title: Option<String>,
    /// Its authors, as the byline gives them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Publication time, RFC 3339.
    pub published: Option<String>,
    /// ISO 639-1 language code.
    pub language: Option<String>,
    /// The clean body: paragraphs separated by a newline.
    pub text: String,
    /// Page chrome removed from the body.
    pub removed: Vec<Removed>,
    /// Trouble found while reading this document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// The publication time, parsed.
    pub fn published_at(&self) -> Option<DateTime<FixedOffset>> {
        self.published
            .as_deref()
            .and_then(|p| DateTime::parse_from_rfc3339(p).ok())
    }

    /// A short human name: the outlet, else the file name, else the id.
    pub fn label(&self) -> String {
        if let Some(outlet) = &self.outlet {
            return outlet.clone();
        }
        let source = self.path.as_deref().or(self.url.as_deref()).unwrap_or("");
        let name = source
            .trim_end_matches('/')
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or("");
        if name.is_empty() {
            self.id.clone()
        } else {
            name.to_string()
        }
    }
}

/// The registered name of a URL's host, without `www.` and the suffix: `linknaija` for
/// `https://www.linknaija.com/x`, `bbc` for `https://www.bbc.co.uk/`.
pub fn site_label(url: &str) -> Option<String> {
    let host = url
        .split_once("://")?
        .1
        .split(['/', '?', '#', ':'])
        .next()?;
    let labels: Vec<&str> = host.split('.').filter(|label| *label != "www").collect();
    let suffix_len = match labels.as_slice() {
        [.., second, last]
            if last.len() == 2 && ["co", "com", "org", "net", "gov", "ac"].contains(second) =>
        {
            2
        }
        _ => 1,
    };
    let label = labels
        .len()
        .checked_sub(suffix_len + 1)
        .and_then(|at| labels.get(at))?;
    (label.len() >= 3).then(|| label.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::site_label;

    #[test]
    fn site_labels_come_from_the_host() {
        assert_eq!(
            site_label("https://www.linknaija.com/2018/x").as_deref(),
            Some("linknaija")
        );
        assert_eq!(
            site_label("https://www.bbc.co.uk/news").as_deref(),
            Some("bbc")
        );
        assert_eq!(site_label("https://apnews.com").as_deref(), Some("apnews"));
        assert_eq!(site_label("not a url"), None);
    }
}
