//! Pages for people: the story list, a story, search, the upload form.

use std::collections::HashMap;
use std::fmt::Write as _;

use axum::Form;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect};
use dossier_model::{Document, EntityKind, Quote, Report};
use serde::Deserialize;

use crate::api::{Article, SearchParams, hits, ingest, story_report};
use crate::app::{Shared, blocking};
use crate::error::{PageError, UserError};
use crate::html::{Marked, escape, layout, mark, paragraphs, query_value};

/// `?added=ID` after an upload.
#[derive(Debug, Deserialize)]
pub(crate) struct ListParams {
    added: Option<String>,
}

pub(crate) async fn stories(
    State(state): State<Shared>,
    params: Result<Query<ListParams>, QueryRejection>,
) -> Result<Html<String>, PageError> {
    let added = params.ok().and_then(|Query(p)| p.added);
    let (stories, stats) =
        blocking(&state, |l| Ok((l.store().stories()?, l.store().stats()?))).await?;
    let mut body = String::new();
    if let Some(id) = added {
        let _ = write!(
            body,
            "<p class=\"notice\">Article <code>{}</code> stored; stories were recomputed.</p>",
            escape(&id)
        );
    }
    let _ = write!(
        body,
        "<h1>Stories</h1><p class=\"muted\">{} stories · {} documents · {} analysed</p>",
        stats.stories, stats.documents, stats.analysed
    );
    if stories.is_empty() {
        body.push_str(
            "<p>No stories yet. <a href=\"/upload\">Add an article</a> or run \
             <code>dossier ingest</code>.</p>",
        );
    } else {
        body.push_str(
            "<table id=\"stories\"><thead><tr><th>Story</th><th>Documents</th>\
             <th>Cross-checked facts</th></tr></thead><tbody>",
        );
        for story in &stories {
            let _ = write!(
                body,
                "<tr><td><a href=\"/stories/{}\">{}</a></td><td>{}</td><td>{}</td></tr>",
                query_value(&story.id),
                escape(&story.title),
                story.documents,
                story.alignments
            );
        }
        body.push_str("</tbody></table>");
    }
    Ok(Html(layout("Stories", &body)))
}

/// A document's name on the page: the outlet, else its file or id.
fn outlet_of<'a>(documents: &'a HashMap<&str, &Document>, id: &'a str) -> String {
    documents
        .get(id)
        .map_or_else(|| id.to_string(), |d| d.label())
}

fn quote_line(quote: &Quote, documents: &HashMap<&str, &Document>) -> String {
    let channel = quote
        .channel
        .as_deref()
        .map(|c| format!(" · {}", escape(c)))
        .unwrap_or_default();
    format!(
        "<li>“{}” <span class=\"muted\">— {} {}{}</span></li>",
        escape(&quote.text),
        escape(&outlet_of(documents, &quote.doc)),
        escape(quote.cue.as_deref().unwrap_or("")),
        channel
    )
}

fn story_page(report: &Report) -> String {
    let Some(story) = report.stories.first() else {
        return layout("Story", "<p>Empty story.</p>");
    };
    let documents: HashMap<&str, &Document> = report
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d))
        .collect();
    let mut body = String::new();
    let _ = write!(
        body,
        "<h1>{}</h1><p class=\"muted\">{} documents · {} cross-checked facts · story <code>{}</code> · \
         <a href=\"/api/stories/{}\">JSON</a></p>",
        escape(&story.title),
        story.documents.len(),
        story.alignments.len(),
        escape(&story.id),
        query_value(&story.id)
    );

    // Verdicts, with their evidence marked in every text below.
    let mut marks: HashMap<&str, Vec<Marked>> = HashMap::new();
    body.push_str(
        "<h2>Verdicts</h2><table id=\"verdicts\"><thead><tr><th>#</th><th>Verdict</th>\
         <th>What the sources say</th><th>Sources</th><th>Evidence</th></tr></thead><tbody>",
    );
    for (index, alignment) in story.alignments.iter().enumerate() {
        let verdict = alignment.verdict.as_str();
        let class = format!("v-{verdict}");
        let difference = alignment
            .difference
            .as_deref()
            .map(|d| format!(" ({})", escape(d)))
            .unwrap_or_default();
        let mut evidence = String::from("<ul class=\"quotes\">");
        for item in &alignment.evidence {
            marks.entry(item.doc.as_str()).or_default().push(Marked {
                start: item.start,
                end: item.end,
                class: class.clone(),
                note: format!("#{} {verdict}: {}", index + 1, alignment.explanation),
            });
            let _ = write!(
                evidence,
                "<li><strong>{}</strong>: <mark class=\"{class}\">{}</mark></li>",
                escape(&outlet_of(&documents, &item.doc)),
                escape(&item.text)
            );
        }
        evidence.push_str("</ul>");
        let _ = write!(
            body,
            "<tr id=\"a{}\"><td>{}</td><td><span class=\"badge {class}\">{verdict}</span>{difference}</td>\
             <td>{}</td><td>{}</td><td>{evidence}</td></tr>",
            index + 1,
            index + 1,
            escape(&alignment.explanation),
            alignment.independent_sources
        );
    }
    body.push_str("</tbody></table>");

    // The outlets side by side.
    let copies: HashMap<&str, &str> = story
        .copies
        .iter()
        .map(|(copy, original)| (copy.as_str(), original.as_str()))
        .collect();
    body.push_str("<h2>The reports side by side</h2><div class=\"outlets\">");
    for id in &story.documents {
        let Some(document) = documents.get(id.as_str()) else {
            continue;
        };
        let copy_note = copies
            .get(id.as_str())
            .map(|original| {
                format!(
                    "<p class=\"muted\">A copy of {}: not an independent source.</p>",
                    escape(&outlet_of(&documents, original))
                )
            })
            .unwrap_or_default();
        let _ = write!(
            body,
            "<article id=\"doc-{}\"><h3>{}</h3><p><strong>{}</strong></p><p class=\"muted\">{}</p>{copy_note}{}</article>",
            query_value(id),
            escape(&document.label()),
            escape(document.title.as_deref().unwrap_or("")),
            escape(document.published.as_deref().unwrap_or("date unknown")),
            paragraphs(
                &document.text,
                marks.get(id.as_str()).map_or(&[][..], Vec::as_slice)
            ),
        );
    }
    body.push_str("</div>");

    // Timeline.
    if !story.timeline.is_empty() {
        body.push_str(
            "<h2>Timeline</h2><table id=\"timeline\"><thead><tr><th>When</th><th>What</th></tr></thead><tbody>",
        );
        for entry in &story.timeline {
            let _ = write!(
                body,
                "<tr><td>{}</td><td>{}</td></tr>",
                escape(&entry.when),
                escape(&entry.what)
            );
        }
        body.push_str("</tbody></table>");
    }

    // People and their quotes.
    body.push_str("<h2>People and their quotes</h2><div id=\"people\">");
    let mut people: Vec<_> = report
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .collect();
    people.sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
    for person in people {
        let said: Vec<&Quote> = report
            .quotes
            .iter()
            .filter(|q| {
                !q.speaker.anonymous
                    && (q.speaker.entity.as_deref() == Some(person.id.as_str())
                        || q.speaker.name == person.name)
            })
            .collect();
        let roles = if person.roles.is_empty() {
            String::new()
        } else {
            format!(
                " <span class=\"muted\">{}</span>",
                escape(&person.roles.join("; "))
            )
        };
        let _ = write!(body, "<h3>{}{roles}</h3>", escape(&person.name));
        if said.is_empty() {
            body.push_str("<p class=\"muted\">Mentioned; not quoted.</p>");
        } else {
            body.push_str("<ul class=\"quotes\">");
            for quote in said {
                body.push_str(&quote_line(quote, &documents));
            }
            body.push_str("</ul>");
        }
    }
    let unnamed: Vec<&Quote> = report
        .quotes
        .iter()
        .filter(|q| q.speaker.anonymous)
        .collect();
    if !unnamed.is_empty() {
        body.push_str("<h3>Unnamed sources</h3><ul class=\"quotes\">");
        for quote in unnamed {
            let _ = write!(body, "<li><em>{}</em>: </li>", escape(&quote.speaker.name));
            body.push_str(&quote_line(quote, &documents));
        }
        body.push_str("</ul>");
    }
    body.push_str("</div>");
    layout(&story.title, &body)
}

pub(crate) async fn story(
    State(state): State<Shared>,
    Path(id): Path<String>,
) -> Result<Html<String>, PageError> {
    let report = story_report(&state, id).await?;
    Ok(Html(story_page(&report)))
}

pub(crate) async fn search(
    State(state): State<Shared>,
    params: Result<Query<SearchParams>, QueryRejection>,
) -> Result<Html<String>, PageError> {
    let Query(params) = params.map_err(|r| crate::error::rejected(r.status(), r.body_text()))?;
    let query = params.q.unwrap_or_default();
    let mut body = format!(
        "<h1>Search</h1><form action=\"/search\" method=\"get\"><input type=\"search\" name=\"q\" \
         value=\"{}\" aria-label=\"Search articles\"> <button type=\"submit\">Search</button></form>",
        escape(&query)
    );
    if !query.trim().is_empty() {
        let found = hits(&state, query.clone(), params.limit).await?;
        let _ = write!(
            body,
            "<p class=\"muted\">{} results for “{}”</p><ol id=\"hits\">",
            found.len(),
            escape(&query)
        );
        for hit in &found {
            let marked: Vec<Marked> = hit
                .highlights
                .iter()
                .map(|&(start, end)| Marked {
                    start,
                    end,
                    class: String::new(),
                    note: String::new(),
                })
                .collect();
            let _ = write!(
                body,
                "<li><strong>{}</strong> — {} <code class=\"muted\">{}</code><br>{}</li>",
                escape(hit.title.as_deref().unwrap_or("(untitled)")),
                escape(hit.outlet.as_deref().unwrap_or("unknown outlet")),
                escape(&hit.id),
                mark(&hit.snippet, &marked)
            );
        }
        body.push_str("</ol>");
    }
    Ok(Html(layout("Search", &body)))
}

pub(crate) async fn upload_form() -> Html<String> {
    Html(layout(
        "Add an article",
        "<h1>Add an article</h1>\
         <form method=\"post\" action=\"/upload\">\
         <label for=\"outlet\">Outlet</label><input type=\"text\" id=\"outlet\" name=\"outlet\">\
         <label for=\"title\">Headline</label><input type=\"text\" id=\"title\" name=\"title\">\
         <label for=\"url\">URL</label><input type=\"url\" id=\"url\" name=\"url\">\
         <label for=\"published\">Published (YYYY-MM-DD or RFC 3339)</label>\
         <input type=\"text\" id=\"published\" name=\"published\">\
         <label for=\"text\">Article text (or a whole HTML page)</label>\
         <textarea id=\"text\" name=\"text\" rows=\"16\" required></textarea>\
         <p><button type=\"submit\">Store and analyse</button></p></form>",
    ))
}

/// The upload form's fields.
#[derive(Debug, Deserialize)]
pub(crate) struct UploadForm {
    text: String,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    published: Option<String>,
}

pub(crate) async fn upload(
    State(state): State<Shared>,
    form: Result<Form<UploadForm>, FormRejection>,
) -> Result<impl IntoResponse, PageError> {
    let Form(form) = form.map_err(|r| crate::error::rejected(r.status(), r.body_text()))?;
    if form.text.trim().is_empty() {
        return Err(UserError::BadRequest("the article text is empty".into()).into());
    }
    let is_html = dossier_ingest::looks_like_html(form.text.as_bytes());
    let (text, html) = if is_html {
        (None, Some(form.text))
    } else {
        (Some(form.text), None)
    };
    let article = Article::from_form(
        text,
        html,
        form.url,
        form.outlet,
        form.title,
        form.published,
    );
    let input = article.into_input(0)?;
    let added = ingest(&state, vec![input]).await?;
    let Some(id) = added.first_id() else {
        return Err(UserError::BadRequest(
            added
                .first_skip()
                .unwrap_or("no article text found")
                .to_string(),
        )
        .into());
    };
    Ok(Redirect::to(&format!("/?added={}", query_value(id))))
}
