//! The output formats and the one entry point that renders a report in any of them.

use std::fmt;
use std::str::FromStr;

use dossier_model::Report;

use crate::{Error, html, json, markdown};

/// An output format of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Pretty-printed JSON of the [`Report`]: the stable interface other tools read.
    Json,
    /// A readable dossier per story, with tables and lists.
    Markdown,
    /// One self-contained HTML page: inline CSS, no scripts, no external resources.
    Html,
}

impl Format {
    /// Every format, in the order help texts list them.
    pub const ALL: [Format; 3] = [Format::Json, Format::Markdown, Format::Html];

    /// The canonical name, as [`FromStr`] accepts it.
    pub fn as_str(&self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }

    /// The media type to serve the rendering with.
    pub fn media_type(&self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Markdown => "text/markdown; charset=utf-8",
            Format::Html => "text/html; charset=utf-8",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(&self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }
}

impl FromStr for Format {
    type Err = Error;

    /// Accepts `json`, `markdown`, `md` and `html`, in any case.
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        match name.trim().to_ascii_lowercase().as_str() {
            "json" => Ok(Format::Json),
            "markdown" | "md" => Ok(Format::Markdown),
            "html" => Ok(Format::Html),
            _ => Err(Error::UnknownFormat {
                found: name.to_string(),
            }),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Renders the report in the format. Never fails and never panics, whatever text the report
/// holds: offsets that do not fit their document fall back to the copied-out text.
pub fn render(report: &Report, format: Format) -> String {
    match format {
        Format::Json => json::render(report),
        Format::Markdown => markdown::render(report),
        Format::Html => html::render(report),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back_to_their_format() {
        for format in Format::ALL {
            assert_eq!(format.as_str().parse::<Format>(), Ok(format));
            assert_eq!(format.extension().parse::<Format>(), Ok(format));
        }
        assert_eq!(" HTML ".parse::<Format>(), Ok(Format::Html));
    }

    #[test]
    fn other_names_say_what_was_expected() {
        let error = "xml".parse::<Format>().err();
        assert_eq!(
            error.as_ref().map(Error::kind),
            Some(crate::ErrorKind::UnknownFormat)
        );
        assert_eq!(
            error.map(|error| error.to_string()).as_deref(),
            Some(r#"unknown report format "xml": expected json, markdown, md or html"#)
        );
    }
}
