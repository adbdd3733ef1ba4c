//! The store crate's one integration-test binary: the conformance suite against every backend,
//! the library over the example story, and whole processes killed and run side by side.

mod conformance;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use dossier_ingest::IngestConfig;
use dossier_pipeline::PipelineConfig;
use dossier_store::{EmbeddedStore, Library, PostgresStore, Store};

/// A fresh store for one test, removed afterwards.
struct Fixture {
    store: Arc<dyn Store>,
    _folder: Option<tempfile::TempDir>,
    schema: Option<(String, String)>,
}

impl Drop for Fixture {
    fn drop(&mut self) {
        if let Some((url, schema)) = &self.schema
            && let Ok(mut client) = postgres::Client::connect(url, postgres::NoTls)
        {
            let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"));
        }
    }
}

fn embedded(_test: &str) -> Option<Fixture> {
    let folder = tempfile::tempdir().expect("temp dir");
    let store = EmbeddedStore::open(&folder.path().join("data")).expect("open embedded store");
    Some(Fixture {
        store: Arc::new(store),
        _folder: Some(folder),
        schema: None,
    })
}

/// The PostgreSQL URL, or `None` with the reason printed; a failure when CI requires it.
fn database_url() -> Option<String> {
    match std::env::var("DATABASE_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("DATABASE_URL is not set but CI=true: the PostgreSQL suite must run in CI");
            }
            eprintln!("skipped: DATABASE_URL is not set (no PostgreSQL to test against)");
            None
        }
    }
}

fn schema_name(test: &str) -> String {
    format!("t_{}_{}", std::process::id(), test)
        .chars()
        .take(63)
        .collect()
}

fn postgres(test: &str) -> Option<Fixture> {
    let url = database_url()?;
    let schema = schema_name(test);
    let store = PostgresStore::open_in_schema(&url, &schema).expect("open postgres store");
    Some(Fixture {
        store: Arc::new(store),
        _folder: None,
        schema: Some((url, schema)),
    })
}

conformance_suite!(embedded_backend, super::embedded);
conformance_suite!(postgres_backend, super::postgres);

fn example_story() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/story.jsonl");
    vec![root.to_string_lossy().into_owned()]
}

fn library_checks(library: &Library) {
    let config = IngestConfig::default();
    let first = library
        .ingest(dossier_ingest::read(&example_story(), &config), &mut |_| {})
        .expect("ingest");
    assert_eq!((first.read, first.added, first.analysed), (4, 4, 4));
    assert!(first.stories.is_some_and(|n| n >= 1));
    let again = library
        .ingest(dossier_ingest::read(&example_story(), &config), &mut |_| {})
        .expect("ingest again");
    assert_eq!(
        (again.added, again.already_stored, again.analysed),
        (0, 4, 0)
    );
    let store = library.store();
    assert_eq!(store.stats().expect("stats").documents, 4);
    let stories = store.stories().expect("stories");
    let biggest = &stories[0];
    assert!(biggest.documents >= 3, "{stories:?}");
    assert!(biggest.alignments > 0);
    let report = library
        .story_report(&biggest.id)
        .expect("report")
        .expect("present");
    assert_eq!(report.documents.len(), biggest.documents);
    let markdown = dossier_report::render(&report, dossier_report::Format::Markdown);
    assert!(markdown.contains("conflict"), "{markdown}");
    let hits = store.search("sprinkler", 10).expect("search");
    assert!(hits.len() >= 2, "{hits:?}");
    assert_eq!(library.reanalyze(&mut |_| {}).expect("reanalyze"), 4);
    assert!(
        store
            .analysis_runs()
            .expect("runs")
            .iter()
            .all(|(_, n)| *n == 2)
    );
    assert_eq!(
        store.stories().expect("stories"),
        stories,
        "same analysis, same stories"
    );
}

#[test]
fn the_example_story_is_stored_once_and_grouped_embedded() {
    let fixture = embedded("library").expect("embedded");
    library_checks(&Library::new(
        fixture.store.clone(),
        &PipelineConfig::default(),
    ));
}

#[test]
fn the_example_story_is_stored_once_and_grouped_postgres() {
    if let Some(fixture) = postgres("library") {
        library_checks(&Library::new(
            fixture.store.clone(),
            &PipelineConfig::default(),
        ));
    }
}

#[test]
fn the_index_catches_up_with_the_record() {
    let folder = tempfile::tempdir().expect("temp dir");
    let data = folder.path().join("data");
    {
        let store = EmbeddedStore::open(&data).expect("open");
        store
            .add_documents(&[conformance::document(
                "d1",
                "Herald",
                "The harbour flooded.",
            )])
            .expect("add");
    }
    // A crash between the SQLite commit and the index commit: the index lost its files.
    std::fs::remove_dir_all(data.join("index")).expect("remove index");
    let store = EmbeddedStore::open(&data).expect("reopen");
    assert_eq!(store.search("harbour", 10).expect("search").len(), 1);
}

// ---------------------------------------------------------------------------------------------
// Whole processes: this test binary runs itself as an ingest worker (the `worker_process`
// test, inert unless the environment names a batch), so that a real process can be killed
// with SIGKILL mid-batch and two can share one PostgreSQL queue.

const WORKER_INPUT: &str = "DOSSIER_TEST_WORKER_INPUT";
const WORKER_DATA: &str = "DOSSIER_TEST_WORKER_DATA";
const WORKER_DB: &str = "DOSSIER_TEST_WORKER_DB";
const WORKER_SCHEMA: &str = "DOSSIER_TEST_WORKER_SCHEMA";

/// Writes `count` distinct articles as JSONL (distinct vocabulary, so they form many stories).
fn generate_batch(path: &Path, count: usize) -> Vec<String> {
    const PLACES: [&str; 12] = [
        "Vell",
        "Brenholm",
        "Ostra",
        "Kelmar",
        "Dunmore",
        "Arvik",
        "Tessaly",
        "Corran",
        "Lindqvist",
        "Marrow",
        "Haldane",
        "Quorra",
    ];
    const EVENTS: [&str; 10] = [
        "a warehouse fire",
        "a bridge closure",
        "a water main burst",
        "a ferry strike",
        "a power outage",
        "a landslide",
        "a chemical leak",
        "a train derailment",
        "a budget vote",
        "a port blockade",
    ];
    const PEOPLE: [&str; 8] = [
        "Mayor Ana Ruiz",
        "Chief Ragna Thorsby",
        "Minister Olav Brekke",
        "Director Lena Hart",
        "Inspector Tomas Vey",
        "Councillor Ida Moen",
        "Governor Pal Sund",
        "Judge Mira Oles",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut lines = String::new();
    let mut tokens = Vec::with_capacity(count);
    for i in 0..count {
        let token = format!("marker{i:05}");
        let place = PLACES[next(PLACES.len())];
        let event = EVENTS[next(EVENTS.len())];
        let person = PEOPLE[next(PEOPLE.len())];
        let injured = 2 + next(40);
        let text = format!(
            "{place} was hit by {event} on Monday, officials said. At least {injured} people were \
             hurt in case {token}. \"We are doing everything we can,\" {person} told reporters.\n\
             Residents near sector {i} were told to stay indoors while crews inspected the site."
        );
        let record = serde_json::json!({
            "url": format!("https://wire.example/{i}"),
            "outlet": format!("Outlet {}", i % 17),
            "published": format!("2025-{:02}-{:02}T08:00:00Z", 1 + i % 12, 1 + i % 28),
            "title": format!("{event} in {place} ({token})"),
            "text": text,
        });
        lines.push_str(&record.to_string());
        lines.push('\n');
        tokens.push(token);
    }
    std::fs::write(path, lines).expect("write batch");
    tokens
}

/// The worker: ingests the batch named by the environment into the store it names, then prints
/// how many documents it analysed. Inert (passes at once) in a normal test run.
#[test]
fn worker_process() {
    let Ok(input) = std::env::var(WORKER_INPUT) else {
        return;
    };
    let store: Arc<dyn Store> = match (std::env::var(WORKER_DATA), std::env::var(WORKER_DB)) {
        (Ok(data), _) => Arc::new(EmbeddedStore::open(Path::new(&data)).expect("open")),
        (_, Ok(url)) => {
            let schema = std::env::var(WORKER_SCHEMA).expect("schema");
            Arc::new(PostgresStore::open_in_schema(&url, &schema).expect("open"))
        }
        _ => panic!("no store named"),
    };
    let library = Library::new(store, &PipelineConfig::default());
    let summary = library
        .ingest(
            dossier_ingest::read(&[input], &IngestConfig::default()),
            &mut |_| {},
        )
        .expect("ingest");
    // Stdout, which the parent reads (the test harness passes it through with --nocapture).
    let mut stdout = std::io::stdout();
    writeln!(stdout, "worker analysed {}", summary.analysed).expect("stdout");
}

fn spawn_worker(input: &Path, store: &[(&str, &str)]) -> std::process::Child {
    let mut command = Command::new(std::env::current_exe().expect("test binary"));
    command
        .args([
            "worker_process",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(WORKER_INPUT, input)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    for (key, value) in store {
        command.env(key, value);
    }
    command.spawn().expect("spawn worker")
}

fn analysed_by(output: &std::process::Output) -> usize {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|l| l.split_once("worker analysed ").map(|(_, n)| n))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("worker said: {}", String::from_utf8_lossy(&output.stdout)))
}

#[test]
fn a_killed_ingest_loses_and_duplicates_nothing() {
    const COUNT: usize = 2_000;
    let folder = tempfile::tempdir().expect("temp dir");
    let input = folder.path().join("batch.jsonl");
    let tokens = generate_batch(&input, COUNT);
    let data: PathBuf = folder.path().join("data");
    let data_text = data.to_string_lossy().into_owned();

    let mut worker = spawn_worker(&input, &[(WORKER_DATA, &data_text)]);
    // Wait until some batches are committed, then kill -9 mid-way.
    let deadline = Instant::now() + Duration::from_secs(300);
    let stored_at_kill = loop {
        std::thread::sleep(Duration::from_millis(20));
        let stored = rusqlite_count(&data);
        if stored >= 200 {
            break stored;
        }
        assert!(Instant::now() < deadline, "worker stored nothing in time");
        assert!(
            worker.try_wait().expect("wait").is_none(),
            "worker ended before it was killed"
        );
    };
    worker.kill().expect("SIGKILL");
    worker.wait().expect("reap");
    assert!(
        stored_at_kill < COUNT,
        "killed mid-way ({stored_at_kill} of {COUNT} stored)"
    );

    let store = EmbeddedStore::open(&data).expect("reopen after kill");
    let survived = store
        .documents()
        .expect("every stored document reads back whole");
    assert_eq!(survived.len() % 64, 0, "only whole batches were committed");
    assert!(
        survived.len() >= stored_at_kill,
        "nothing committed was lost"
    );
    let stats = store.stats().expect("stats");
    assert_eq!(
        stats.analysed + stats.queued,
        stats.documents,
        "every stored document is analysed or queued"
    );
    drop(store);

    // Restart: the same batch again.
    let output = spawn_worker(&input, &[(WORKER_DATA, &data_text)])
        .wait_with_output()
        .expect("restarted worker");
    assert!(output.status.success());
    let store = EmbeddedStore::open(&data).expect("reopen after restart");
    let documents = store.documents().expect("documents");
    assert_eq!(documents.len(), COUNT, "every article stored");
    let mut ids: Vec<&str> = documents.iter().map(|d| d.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), COUNT, "no article stored twice");
    let runs = store.analysis_runs().expect("runs");
    assert!(
        runs.iter().all(|(_, n)| *n == 1),
        "every article analysed exactly once"
    );
    assert_eq!(store.stats().expect("stats").queued, 0);
    for token in [&tokens[0], &tokens[COUNT / 2], &tokens[COUNT - 1]] {
        let hits = store.search(token, 5).expect("search");
        assert_eq!(hits.len(), 1, "{token} indexed once: {hits:?}");
    }
    assert!(store.stats().expect("stats").stories > 0);
}

/// Documents committed so far, read without opening the store (which would touch the index).
fn rusqlite_count(data: &Path) -> usize {
    let path = data.join("dossier.sqlite3");
    if !path.exists() {
        return 0;
    }
    let Ok(connection) =
        rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
    else {
        return 0;
    };
    connection
        .query_row("SELECT count(*) FROM documents", [], |row| {
            row.get::<_, i64>(0)
        })
        .map_or(0, |n| n as usize)
}

#[test]
fn two_workers_on_one_postgres_batch_analyse_each_article_once() {
    const COUNT: usize = 600;
    let Some(url) = database_url() else {
        return;
    };
    let schema = schema_name("two_workers");
    let fixture_guard = Fixture {
        store: Arc::new(PostgresStore::open_in_schema(&url, &schema).expect("open")),
        _folder: None,
        schema: Some((url.clone(), schema.clone())),
    };
    let folder = tempfile::tempdir().expect("temp dir");
    let input = folder.path().join("batch.jsonl");
    generate_batch(&input, COUNT);
    let env = [(WORKER_DB, url.as_str()), (WORKER_SCHEMA, schema.as_str())];
    let first = spawn_worker(&input, &env);
    let second = spawn_worker(&input, &env);
    let first = first.wait_with_output().expect("first worker");
    let second = second.wait_with_output().expect("second worker");
    assert!(first.status.success() && second.status.success());
    let (a, b) = (analysed_by(&first), analysed_by(&second));
    eprintln!("workers analysed {a} and {b} of {COUNT}");
    assert_eq!(a + b, COUNT, "together they analysed every article once");
    let store = &fixture_guard.store;
    let runs = store.analysis_runs().expect("runs");
    assert_eq!(runs.len(), COUNT, "every article stored once");
    assert!(
        runs.iter().all(|(_, n)| *n == 1),
        "every article analysed exactly once"
    );
    assert_eq!(store.stats().expect("stats").queued, 0);
}
