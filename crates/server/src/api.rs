//! The JSON API. `GET /api/openapi.json` describes it.

use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::IntoResponse;
use dossier_model::{
    Alignment, Analysis, Body, Document, Entity, Input, Origin, Quote, Report, TimelineEntry,
};
use dossier_store::{Hit, Stats, StorySummary};
use serde::{Deserialize, Serialize};

use crate::app::{Shared, blocking};
use crate::error::{ApiError, Failure, UserError};

const OPENAPI: &str = include_str!("openapi.json");

pub(crate) async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}

pub(crate) async fn stats(State(state): State<Shared>) -> Result<Json<Stats>, ApiError> {
    Ok(Json(blocking(&state, |l| Ok(l.store().stats()?)).await?))
}

pub(crate) async fn documents(
    State(state): State<Shared>,
) -> Result<Json<Vec<Document>>, ApiError> {
    Ok(Json(
        blocking(&state, |l| Ok(l.store().documents()?)).await?,
    ))
}

fn not_found(what: &'static str, id: String) -> Failure {
    UserError::NotFound { what, id }.into()
}

pub(crate) async fn document(
    State(state): State<Shared>,
    Path(id): Path<String>,
) -> Result<Json<Document>, ApiError> {
    let found = blocking(&state, move |l| {
        l.store()
            .document(&id)?
            .ok_or_else(|| not_found("document", id))
    })
    .await?;
    Ok(Json(found))
}

pub(crate) async fn analysis(
    State(state): State<Shared>,
    Path(id): Path<String>,
) -> Result<Json<Analysis>, ApiError> {
    let found = blocking(&state, move |l| {
        l.store()
            .analysis(&id)?
            .ok_or_else(|| not_found("analysis of document", id))
    })
    .await?;
    Ok(Json(found))
}

/// One article to store, as JSONL feeds give them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Article {
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
    title: Option<String>,
    published: Option<String>,
}

/// One article or several.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum Articles {
    One(Article),
    Many(Vec<Article>),
}

impl Article {
    /// An article from the upload form's fields.
    pub(crate) fn from_form(
        text: Option<String>,
        html: Option<String>,
        url: Option<String>,
        outlet: Option<String>,
        title: Option<String>,
        published: Option<String>,
    ) -> Article {
        Article {
            text,
            html,
            url,
            outlet,
            title,
            published,
        }
    }

    /// The input, or what is wrong with the article (`index` names it).
    pub(crate) fn into_input(self, index: usize) -> Result<Input, UserError> {
        let bad = |message: String| UserError::BadRequest(format!("article {index}: {message}"));
        let body = match (self.text, self.html) {
            (Some(text), None) => Body::Text(text),
            (None, Some(html)) => Body::Html(html.into_bytes()),
            _ => return Err(bad("give exactly one of \"text\" and \"html\"".into())),
        };
        let published = match self.published.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(value) => Some(dossier_ingest::parse_published(value).ok_or_else(|| {
                bad(format!(
                    "published \"{value}\" is not an RFC 3339 time or a calendar day"
                ))
            })?),
        };
        let url = self.url.filter(|u| !u.trim().is_empty());
        Ok(Input {
            origin: match &url {
                Some(url) => Origin::Url(url.clone()),
                None => Origin::Path(format!("upload-{index}")),
            },
            outlet: self.outlet.filter(|o| !o.trim().is_empty()),
            published,
            title: self.title.filter(|t| !t.trim().is_empty()),
            url,
            body,
        })
    }
}

/// What an upload did.
#[derive(Debug, Serialize)]
pub(crate) struct Added {
    /// Ids of the documents read, in order.
    ids: Vec<String>,
    added: usize,
    already_stored: usize,
    /// Articles without article text, one message each.
    skipped: Vec<String>,
}

impl Added {
    /// The first document read.
    pub(crate) fn first_id(&self) -> Option<&str> {
        self.ids.first().map(String::as_str)
    }

    /// Why the first skipped article was skipped.
    pub(crate) fn first_skip(&self) -> Option<&str> {
        self.skipped.first().map(String::as_str)
    }
}

/// Stores inputs (one ingest at a time) and recomputes stories.
pub(crate) async fn ingest(state: &Shared, inputs: Vec<Input>) -> Result<Added, Failure> {
    let _writing = state.writing.lock().await;
    blocking(state, move |l| {
        let summary = l.ingest(inputs.into_iter().map(Ok), &mut |_| {})?;
        Ok(Added {
            ids: summary.ids,
            added: summary.added,
            already_stored: summary.already_stored,
            skipped: summary.skipped.iter().map(|d| d.message.clone()).collect(),
        })
    })
    .await
}

pub(crate) async fn add_documents(
    State(state): State<Shared>,
    body: Result<Json<Articles>, JsonRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let Json(articles) = body.map_err(|r| crate::error::rejected(r.status(), r.body_text()))?;
    let articles = match articles {
        Articles::One(article) => vec![article],
        Articles::Many(articles) => articles,
    };
    let inputs = articles
        .into_iter()
        .enumerate()
        .map(|(i, a)| a.into_input(i))
        .collect::<Result<Vec<_>, _>>()?;
    let added = ingest(&state, inputs).await?;
    Ok((axum::http::StatusCode::CREATED, Json(added)))
}

pub(crate) async fn stories(
    State(state): State<Shared>,
) -> Result<Json<Vec<StorySummary>>, ApiError> {
    Ok(Json(blocking(&state, |l| Ok(l.store().stories()?)).await?))
}

/// The story as a report (the stable JSON interface), documents included.
pub(crate) async fn story_report(state: &Shared, id: String) -> Result<Report, Failure> {
    blocking(state, move |l| {
        l.story_report(&id)?.ok_or_else(|| not_found("story", id))
    })
    .await
}

pub(crate) async fn story(
    State(state): State<Shared>,
    Path(id): Path<String>,
) -> Result<Json<Report>, ApiError> {
    Ok(Json(story_report(&state, id).await?))
}

/// One part of a stored story, without reading its documents.
async fn story_part<T: Send + 'static>(
    state: &Shared,
    id: String,
    part: impl FnOnce(dossier_store::StoryRecord) -> T + Send + 'static,
) -> Result<T, Failure> {
    blocking(state, move |l| {
        let record = l
            .store()
            .story(&id)?
            .ok_or_else(|| not_found("story", id))?;
        Ok(part(record))
    })
    .await
}

pub(crate) async fn alignments(
    State(state): State<Shared>,
    Path(id): Path<String>,
) -> Result<Json<Vec<Alignment>>, ApiError> {
    Ok(Json(story_part(&state, id, |r| r.story.alignments).await?))
}

pub(crate) async fn timeline(
    State(state): State<Shared>,
    Path(id): Path<String>,
) -> Result<Json<Vec<TimelineEntry>>, ApiError> {
    Ok(Json(story_part(&state, id, |r| r.story.timeline).await?))
}

pub(crate) async fn entities(
    State(state): State<Shared>,
    Path(id): Path<String>,
) -> Result<Json<Vec<Entity>>, ApiError> {
    Ok(Json(story_part(&state, id, |r| r.entities).await?))
}

pub(crate) async fn quotes(
    State(state): State<Shared>,
    Path(id): Path<String>,
) -> Result<Json<Vec<Quote>>, ApiError> {
    Ok(Json(story_part(&state, id, |r| r.quotes).await?))
}

/// `?q=…&limit=…`.
#[derive(Debug, Deserialize)]
pub(crate) struct SearchParams {
    pub q: Option<String>,
    pub limit: Option<usize>,
}

/// The hits for a query, limit capped by the configuration.
pub(crate) async fn hits(
    state: &Shared,
    query: String,
    limit: Option<usize>,
) -> Result<Vec<Hit>, Failure> {
    let limit = limit.unwrap_or(20).min(state.config.max_hits);
    blocking(state, move |l| Ok(l.store().search(&query, limit)?)).await
}

pub(crate) async fn search(
    State(state): State<Shared>,
    params: Result<Query<SearchParams>, QueryRejection>,
) -> Result<Json<Vec<Hit>>, ApiError> {
    let Query(params) = params.map_err(|r| crate::error::rejected(r.status(), r.body_text()))?;
    let query = params
        .q
        .filter(|q| !q.trim().is_empty())
        .ok_or_else(|| UserError::BadRequest("missing query parameter q".into()))?;
    Ok(Json(hits(&state, query, params.limit).await?))
}
