//! The server crate's one integration-test binary: the router over a store seeded with the
//! example story, driven request by request, and the real server on a loopback port.

use std::io::{Read, Write};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use dossier_ingest::IngestConfig;
use dossier_pipeline::PipelineConfig;
use dossier_server::{ServerConfig, router};
use dossier_store::{EmbeddedStore, Library};
use tower::ServiceExt;

struct Seeded {
    app: Router,
    _folder: tempfile::TempDir,
}

fn library(folder: &tempfile::TempDir) -> Library {
    let store = EmbeddedStore::open(&folder.path().join("data")).expect("open store");
    Library::new(Arc::new(store), &PipelineConfig::default())
}

fn seeded() -> Seeded {
    let folder = tempfile::tempdir().expect("temp dir");
    let library = library(&folder);
    let story = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/story.jsonl").to_string();
    library
        .ingest(
            dossier_ingest::read(&[story], &IngestConfig::default()),
            &mut |_| {},
        )
        .expect("seed");
    let config = ServerConfig {
        body_limit: 64 * 1024,
        ..ServerConfig::default()
    };
    Seeded {
        app: router(library, &config),
        _folder: folder,
    }
}

async fn call(app: &Router, request: Request<Body>) -> (StatusCode, String, String) {
    let response = app.clone().oneshot(request).await.expect("response");
    let status = response.status();
    let kind = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let body = axum::body::to_bytes(response.into_body(), 64 * 1024 * 1024)
        .await
        .expect("body");
    (status, kind, String::from_utf8_lossy(&body).into_owned())
}

async fn get(app: &Router, uri: &str) -> (StatusCode, String, String) {
    call(app, Request::get(uri).body(Body::empty()).expect("request")).await
}

async fn post_json(app: &Router, uri: &str, json: &str) -> (StatusCode, String, String) {
    let request = Request::post(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(json.to_string()))
        .expect("request");
    call(app, request).await
}

fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

async fn first_story(app: &Router) -> String {
    let (status, _, body) = get(app, "/api/stories").await;
    assert_eq!(status, StatusCode::OK);
    json(&body)[0]["id"].as_str().expect("a story").to_string()
}

#[tokio::test]
async fn the_api_serves_documents_stories_and_their_parts() {
    let seeded = seeded();
    let app = &seeded.app;
    let (status, kind, body) = get(app, "/api/documents").await;
    assert_eq!(status, StatusCode::OK);
    assert!(kind.starts_with("application/json"));
    let documents = json(&body);
    assert_eq!(documents.as_array().map(Vec::len), Some(4));
    let doc = documents[0]["id"].as_str().expect("id").to_string();
    assert_eq!(
        get(app, &format!("/api/documents/{doc}")).await.0,
        StatusCode::OK
    );
    assert_eq!(
        get(app, &format!("/api/documents/{doc}/analysis")).await.0,
        StatusCode::OK
    );

    let story = first_story(app).await;
    let report = json(&get(app, &format!("/api/stories/{story}")).await.2);
    assert_eq!(report["stories"][0]["id"], story.as_str());
    assert!(report["documents"].as_array().is_some_and(|d| d.len() >= 3));
    for part in ["alignments", "timeline", "entities", "quotes"] {
        let (status, _, body) = get(app, &format!("/api/stories/{story}/{part}")).await;
        assert_eq!(status, StatusCode::OK, "{part}");
        assert!(
            json(&body).as_array().is_some_and(|a| !a.is_empty()),
            "{part}: {body}"
        );
    }
    let alignments = json(
        &get(app, &format!("/api/stories/{story}/alignments"))
            .await
            .2,
    );
    let verdicts: Vec<&str> = alignments
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|a| a["verdict"].as_str())
        .collect();
    assert!(
        verdicts.contains(&"conflict") && verdicts.contains(&"corroborated"),
        "{verdicts:?}"
    );

    let hits = json(&get(app, "/api/search?q=sprinklers&limit=10").await.2);
    assert!(hits.as_array().is_some_and(|h| h.len() >= 2), "{hits}");
    assert!(
        hits[0]["snippet"]
            .as_str()
            .is_some_and(|s| s.contains("sprinkler"))
    );
}

#[tokio::test]
async fn the_openapi_document_names_every_route() {
    let seeded = seeded();
    let app = &seeded.app;
    let (status, kind, body) = get(app, "/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(kind.starts_with("application/json"));
    let spec = json(&body);
    assert_eq!(spec["openapi"], "3.1.0");
    let story = first_story(app).await;
    let doc = json(&get(app, "/api/documents").await.2)[0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    let paths = spec["paths"].as_object().expect("paths");
    assert!(paths.len() >= 10);
    for (path, operations) in paths {
        if operations.get("get").is_none() {
            continue;
        }
        let uri = path
            .replace("/stories/{id}", &format!("/stories/{story}"))
            .replace("/documents/{id}", &format!("/documents/{doc}"))
            .replace("/api/search", "/api/search?q=fire");
        let (status, _, body) = get(app, &uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {body}");
    }
}

#[tokio::test]
async fn pages_show_stories_verdicts_and_marked_evidence() {
    let seeded = seeded();
    let app = &seeded.app;
    let (status, kind, list) = get(app, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(kind.starts_with("text/html"));
    let story = first_story(app).await;
    assert!(
        list.contains(&format!("href=\"/stories/{story}\"")),
        "{list}"
    );

    let (status, _, page) = get(app, &format!("/stories/{story}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("id=\"verdicts\""));
    assert!(page.contains("badge v-conflict"));
    assert!(page.contains("badge v-corroborated"));
    assert!(
        page.contains("<mark class=\"v-"),
        "evidence marked in the texts"
    );
    assert!(page.contains("class=\"outlets\""));
    assert!(page.contains("The Northern Ledger") && page.contains("Lodestar"));
    assert!(page.contains("id=\"timeline\""));
    assert!(page.contains("Ragna Thorsby"), "people and their quotes");

    let (status, _, results) = get(app, "/search?q=sprinkler").await;
    assert_eq!(status, StatusCode::OK);
    assert!(results.contains("<mark"), "{results}");
    let (status, _, form) = get(app, "/upload").await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("<form method=\"post\" action=\"/upload\">"));
}

#[tokio::test]
async fn article_text_is_escaped_everywhere() {
    let seeded = seeded();
    let app = &seeded.app;
    let hostile = r#"{"text": "Officials in Vell said <script>alert('x')</script> was printed on Monday. \"We <b>deny</b> it,\" Mayor Ana Ruiz said.", "outlet": "<img src=x onerror=alert(1)>", "title": "<script>document.title</script>"}"#;
    let (status, _, body) = post_json(app, "/api/documents", hostile).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = json(&body)["ids"][0].as_str().expect("id").to_string();
    let stories = json(&get(app, "/api/stories").await.2);
    let mut pages = vec![get(app, "/").await.2, get(app, "/search?q=script").await.2];
    for story in stories.as_array().expect("stories") {
        let id = story["id"].as_str().expect("id");
        pages.push(get(app, &format!("/stories/{id}")).await.2);
    }
    let joined = pages.join("\n");
    assert!(joined.contains(&id) || joined.contains("&lt;script&gt;"));
    assert!(
        joined.contains("&lt;script&gt;"),
        "the script shows as text"
    );
    for page in &pages {
        assert!(!page.contains("<script"), "no script element in {page}");
        assert!(!page.contains("<img"), "no img element");
        assert!(!page.contains("<b>deny"), "no markup from the text");
    }
}

#[tokio::test]
async fn the_upload_form_stores_an_article() {
    let seeded = seeded();
    let app = &seeded.app;
    let form = "outlet=Vell+Post&title=Harbour+floods&published=2025-06-18&text=The+harbour+of+Vell+flooded+on+Tuesday%2C+Mayor+Ana+Ruiz+said.";
    let request = Request::post("/upload")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form))
        .expect("request");
    let response = app.clone().oneshot(request).await.expect("response");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()[header::LOCATION]
        .to_str()
        .expect("location")
        .to_string();
    assert!(location.starts_with("/?added=d"), "{location}");
    let stats = json(&get(app, "/api/stats").await.2);
    assert_eq!(stats["documents"], 5);
    assert_eq!(stats["queued"], 0);
    let (status, _, page) = get(app, &location).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("stored"));
    let hits = json(&get(app, "/api/search?q=harbour+flooded").await.2);
    assert_eq!(hits[0]["outlet"], "Vell Post");
}

#[tokio::test]
async fn errors_are_json_and_user_errors_are_4xx() {
    let seeded = seeded();
    let app = &seeded.app;
    let cases: Vec<(StatusCode, &str, (StatusCode, String, String))> = vec![
        (
            StatusCode::NOT_FOUND,
            "no_route",
            get(app, "/api/nothing").await,
        ),
        (
            StatusCode::NOT_FOUND,
            "not_found",
            get(app, "/api/stories/nope").await,
        ),
        (
            StatusCode::NOT_FOUND,
            "not_found",
            get(app, "/api/documents/nope").await,
        ),
        (
            StatusCode::BAD_REQUEST,
            "bad_request",
            get(app, "/api/search").await,
        ),
        (
            StatusCode::BAD_REQUEST,
            "bad_request",
            get(app, "/api/search?q=x&limit=-1").await,
        ),
        (
            StatusCode::BAD_REQUEST,
            "bad_request",
            post_json(app, "/api/documents", "{not json").await,
        ),
        (
            StatusCode::BAD_REQUEST,
            "bad_request",
            post_json(app, "/api/documents", r#"{"url": "x"}"#).await,
        ),
        (
            StatusCode::BAD_REQUEST,
            "bad_request",
            post_json(
                app,
                "/api/documents",
                r#"{"text": "x", "published": "31/02/2024"}"#,
            )
            .await,
        ),
        (
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            post_json(
                app,
                "/api/documents",
                &format!("{{\"text\": \"{}\"}}", "a".repeat(100_000)),
            )
            .await,
        ),
        (
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            call(
                app,
                Request::delete("/api/stories")
                    .body(Body::empty())
                    .expect("request"),
            )
            .await,
        ),
    ];
    for (expected, code, (status, kind, body)) in cases {
        assert_eq!(status, expected, "{body}");
        assert!(kind.starts_with("application/json"), "{kind}: {body}");
        assert_eq!(json(&body)["error"]["code"], code, "{body}");
    }
    let (status, kind, page) = get(app, "/stories/nope").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(kind.starts_with("text/html"));
    assert!(page.contains("no story"));
}

#[test]
fn the_server_answers_on_loopback_within_ten_seconds() {
    let folder = tempfile::tempdir().expect("temp dir");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let config = ServerConfig {
        addr: ([127, 0, 0, 1], port).into(),
        ..ServerConfig::default()
    };
    let library = library(&folder);
    let started = Instant::now();
    std::thread::spawn(move || dossier_server::serve(library, &config));
    let response = loop {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "no answer within 10 s"
        );
        if let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
            stream
                .write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .expect("write");
            let mut response = String::new();
            let _ = stream.read_to_string(&mut response);
            break response;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("No stories yet"));
}
