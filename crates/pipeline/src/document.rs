//! An input becomes a clean document: plain text through the boilerplate filter, HTML through
//! the extractor; a stable id from the normalised text and the URL or path.

use dossier_model::{Body, Diagnostic, Document, Input, Origin, stable_id};

/// Turns one input into a document, or says why it has no article text.
pub fn from_input(input: Input) -> Result<Document, Diagnostic> {
    let label = input.origin.label();
    let (path, url) = match &input.origin {
        Origin::Path(p) => (Some(p.clone()), input.url.clone()),
        Origin::Url(u) => (None, Some(u.clone())),
        Origin::Line { path, line } => (Some(format!("{path}:{line}")), input.url.clone()),
        Origin::Stdin => (Some("-".to_string()), input.url.clone()),
    };
    let published_given = input.published.map(|p| p.to_rfc3339());
    let (text, removed, title, authors, published, language) = match input.body {
        Body::Text(text) => {
            let cleaned = dossier_extract::clean_text(&text);
            (cleaned.text, cleaned.removed, None, Vec::new(), None, None)
        }
        Body::Html(bytes) => {
            let article = dossier_extract::extract_html(&bytes, url.as_deref());
            (
                article.text,
                article.removed,
                article.title,
                article.authors,
                article.published,
                article.language,
            )
        }
    };
    if text.trim().is_empty() {
        return Err(Diagnostic::error(
            label,
            "no article text found (the page or file holds only markup or page chrome)",
        ));
    }
    let normalised: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let place = url.as_deref().or(path.as_deref()).unwrap_or("");
    let id = format!("d{}", &stable_id(&[&normalised, place])[..12]);
    Ok(Document {
        id,
        path,
        url,
        outlet: input.outlet,
        title: input.title.or(title),
        authors,
        published: published_given.or(published),
        language,
        text,
        removed,
        diagnostics: Vec::new(),
    })
}
