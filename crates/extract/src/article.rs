//! What [`crate::extract_html`] reads from a page.

use dossier_model::Removed;
use serde::Serialize;

/// An article read from an HTML page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Article {
    /// The main text, one paragraph a line, page chrome removed.
    pub text: String,
    /// The headline, without the site's name.
    pub title: Option<String>,
    /// The authors' names, as the page gives them; never the site or publisher.
    pub authors: Vec<String>,
    /// Publication time: RFC 3339 when the page gives a time with its offset, else the day
    /// (`YYYY-MM-DD`).
    pub published: Option<String>,
    /// Last modification time, in the same form.
    pub modified: Option<String>,
    /// Where `published` came from: `json-ld`, `meta`, `time` (a `<time>` element), `shown`
    /// (a date written near the headline) or `url`.
    pub date_source: Option<String>,
    /// ISO 639-1 code: the page's declaration, else a confident guess from the text.
    pub language: Option<String>,
    /// The page's canonical URL, absolute.
    pub canonical_url: Option<String>,
    /// Lines removed from the main text as page chrome, with why.
    pub removed: Vec<Removed>,
    /// Whether the text looks cut short by a sign-in wall or paywall.
    pub truncated: bool,
}
