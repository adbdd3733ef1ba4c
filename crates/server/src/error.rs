//! Errors: what the user got wrong (4xx, said plainly) and what broke inside (5xx, logged
//! with a reference, never detailed to the client), mapped to statuses in one table.

use std::sync::atomic::{AtomicU64, Ordering};

use axum::Json;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

/// Something the request got wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UserError {
    /// No such thing.
    #[error("no {what} \"{id}\"")]
    NotFound {
        /// What was looked for (`story`, `document`).
        what: &'static str,
        /// The id asked for.
        id: String,
    },
    /// No such path.
    #[error("no such path: {0}")]
    NoRoute(String),
    /// A parameter or body that cannot be read.
    #[error("{0}")]
    BadRequest(String),
    /// A body over the size limit.
    #[error("{}", too_large(*.0))]
    TooLarge(usize),
    /// A method the path does not answer.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// The request took too long.
    #[error("the request took too long")]
    Timeout,
}

fn too_large(limit: usize) -> String {
    if limit == 0 {
        "request body over the size limit".to_string()
    } else {
        format!("request body over the {limit}-byte limit")
    }
}

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// The client's doing: said as it is.
    #[error(transparent)]
    User(#[from] UserError),
    /// Ours: the detail goes to the log only.
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<dossier_store::Error> for Failure {
    fn from(error: dossier_store::Error) -> Self {
        Failure::Internal(error.to_string())
    }
}

/// The one table from failures to statuses and stable error codes.
fn status_and_code(failure: &Failure) -> (StatusCode, &'static str) {
    match failure {
        Failure::User(UserError::NotFound { .. }) => (StatusCode::NOT_FOUND, "not_found"),
        Failure::User(UserError::NoRoute(_)) => (StatusCode::NOT_FOUND, "no_route"),
        Failure::User(UserError::BadRequest(_)) => (StatusCode::BAD_REQUEST, "bad_request"),
        Failure::User(UserError::TooLarge(_)) => (StatusCode::PAYLOAD_TOO_LARGE, "too_large"),
        Failure::User(UserError::MethodNotAllowed) => {
            (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed")
        }
        Failure::User(UserError::Timeout) => (StatusCode::SERVICE_UNAVAILABLE, "timeout"),
        Failure::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
    }
}

/// The failure for a bare status produced outside the handlers (limits, timeouts, routing).
pub(crate) fn from_status(status: StatusCode, path: &str, body_limit: usize) -> Failure {
    match status {
        StatusCode::NOT_FOUND => UserError::NoRoute(path.to_string()).into(),
        StatusCode::PAYLOAD_TOO_LARGE => UserError::TooLarge(body_limit).into(),
        StatusCode::METHOD_NOT_ALLOWED => UserError::MethodNotAllowed.into(),
        StatusCode::SERVICE_UNAVAILABLE | StatusCode::REQUEST_TIMEOUT => UserError::Timeout.into(),
        s if s.is_client_error() => {
            UserError::BadRequest(s.canonical_reason().unwrap_or("bad request").to_lowercase())
                .into()
        }
        s => Failure::Internal(format!("bare status {s} for {path}")),
    }
}

/// The user error for an extractor's rejection (a body over the limit, bad JSON or form).
pub(crate) fn rejected(status: StatusCode, text: String) -> UserError {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        UserError::TooLarge(0)
    } else {
        UserError::BadRequest(text)
    }
}

static NEXT_REFERENCE: AtomicU64 = AtomicU64::new(1);

impl Failure {
    /// Status, code and the message the client may see; internal details are logged here.
    fn public(&self) -> (StatusCode, &'static str, String) {
        let (status, code) = status_and_code(self);
        let message = match self {
            Failure::User(error) => error.to_string(),
            Failure::Internal(detail) => {
                let reference = NEXT_REFERENCE.fetch_add(1, Ordering::Relaxed);
                eprintln!("error [ref {reference}]: {detail}");
                format!("internal error (reference {reference} in the server log)")
            }
        };
        (status, code, message)
    }

    /// As a JSON response: `{"error": {"code", "message"}}`.
    pub fn into_json(self) -> Response {
        let (status, code, message) = self.public();
        let body = serde_json::json!({ "error": { "code": code, "message": message } });
        (status, Json(body)).into_response()
    }

    /// As an HTML page.
    pub fn into_page(self) -> Response {
        let (status, _, message) = self.public();
        let page = crate::html::layout(
            "Error",
            &format!(
                "<h1>{}</h1><p>{}</p><p><a href=\"/\">Stories</a></p>",
                status.as_u16(),
                crate::html::escape(&message)
            ),
        );
        (status, Html(page)).into_response()
    }
}

/// A failure answered as JSON (API routes).
#[derive(Debug)]
pub(crate) struct ApiError(pub Failure);

impl<E: Into<Failure>> From<E> for ApiError {
    fn from(error: E) -> Self {
        ApiError(error.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.0.into_json()
    }
}

/// A failure answered as a page (HTML routes).
#[derive(Debug)]
pub(crate) struct PageError(pub Failure);

impl<E: Into<Failure>> From<E> for PageError {
    fn from(error: E) -> Self {
        PageError(error.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        self.0.into_page()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_errors_are_4xx_and_internal_errors_5xx() {
        let user = [
            UserError::NotFound {
                what: "story",
                id: "x".into(),
            },
            UserError::NoRoute("/x".into()),
            UserError::BadRequest("bad".into()),
            UserError::TooLarge(1),
            UserError::MethodNotAllowed,
        ];
        for error in user {
            assert!(status_and_code(&Failure::User(error)).0.is_client_error());
        }
        let internal = Failure::Internal("disk full at /secret/path".into());
        assert!(status_and_code(&internal).0.is_server_error());
        let (_, _, message) = internal.public();
        assert!(!message.contains("secret"), "{message}");
    }
}
