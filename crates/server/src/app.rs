//! The router, its limits, and the server loop.

use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use dossier_store::Library;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use crate::error::{Failure, UserError, from_status};
use crate::{ServerConfig, api, pages};

/// What every handler shares.
pub(crate) struct AppState {
    pub library: Library,
    pub config: ServerConfig,
    /// One ingest at a time from this server: the store takes one writer anyway, and this
    /// keeps waiting writers off the blocking threads.
    pub writing: tokio::sync::Mutex<()>,
}

pub(crate) type Shared = Arc<AppState>;

/// Runs `f` with the library on a blocking thread (the store's calls block).
pub(crate) async fn blocking<T, F>(state: &Shared, f: F) -> Result<T, Failure>
where
    T: Send + 'static,
    F: FnOnce(&Library) -> Result<T, Failure> + Send + 'static,
{
    let state = state.clone();
    tokio::task::spawn_blocking(move || f(&state.library))
        .await
        .map_err(|error| Failure::Internal(format!("store task failed: {error}")))?
}

/// Whether a path is answered in JSON.
pub(crate) fn is_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

async fn fallback(uri: Uri) -> Response {
    let failure = Failure::User(UserError::NoRoute(uri.path().to_string()));
    if is_api(uri.path()) {
        failure.into_json()
    } else {
        failure.into_page()
    }
}

/// Error responses made outside the handlers (body limit, timeout, method not allowed) come
/// with no body or a plain-text one: they get the same JSON or page as every other error.
async fn uniform_errors(State(state): State<Shared>, uri: Uri, response: Response) -> Response {
    let status = response.status();
    let bare = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|v| v.starts_with("text/plain"));
    if !(status.is_client_error() || status.is_server_error()) || !bare {
        return response;
    }
    let failure = from_status(status, uri.path(), state.config.body_limit);
    if is_api(uri.path()) {
        failure.into_json()
    } else {
        failure.into_page()
    }
}

/// The whole application over a library.
pub fn router(library: Library, config: &ServerConfig) -> Router {
    let state: Shared = Arc::new(AppState {
        library,
        config: config.clone(),
        writing: tokio::sync::Mutex::new(()),
    });
    Router::new()
        .route("/", get(pages::stories))
        .route("/stories/{id}", get(pages::story))
        .route("/search", get(pages::search))
        .route("/upload", get(pages::upload_form).post(pages::upload))
        .route("/api/openapi.json", get(api::openapi))
        .route("/api/stats", get(api::stats))
        .route(
            "/api/documents",
            get(api::documents).post(api::add_documents),
        )
        .route("/api/documents/{id}", get(api::document))
        .route("/api/documents/{id}/analysis", get(api::analysis))
        .route("/api/stories", get(api::stories))
        .route("/api/stories/{id}", get(api::story))
        .route("/api/stories/{id}/alignments", get(api::alignments))
        .route("/api/stories/{id}/timeline", get(api::timeline))
        .route("/api/stories/{id}/entities", get(api::entities))
        .route("/api/stories/{id}/quotes", get(api::quotes))
        .route("/api/search", get(api::search))
        .fallback(fallback)
        .layer(DefaultBodyLimit::max(config.body_limit))
        .layer(RequestBodyLimitLayer::new(config.body_limit))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            config.timeout,
        ))
        .layer(axum::middleware::map_response_with_state(
            state.clone(),
            uniform_errors,
        ))
        .with_state(state)
}

async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}

/// Serves the library on `config.addr` until Ctrl-C or SIGTERM.
pub fn serve(library: Library, config: &ServerConfig) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(config.addr).await?;
        let app = router(library, config);
        axum::serve(listener, app.into_make_service())
            .with_graceful_shutdown(shutdown_signal())
            .await
    })
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        self.into_json()
    }
}
