//! `cargo bench -p dossier-analyze --bench ner [-- FILE.conll]`: speed of the built-in NER
//! model on one core: load time, tokens per CPU-second for the tagger alone (on the file's
//! tokens) and for tokenizer + sentence splitter + tagger (on the tokens joined as plain text),
//! and peak memory. FILE defaults to `../shared/eval/ner/conll2003/valid.txt`.
#![allow(clippy::print_stdout)] // a benchmark reports on standard output

use std::fs;
use std::time::Instant;

use dossier_analyze::NerModel;
use dossier_analyze::ner::read_conll;

/// CPU seconds of this process (user + system) from /proc; wall time where absent.
fn cpu_seconds(wall: Instant) -> f64 {
    let stat = fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    match (
        fields.get(11).and_then(|v| v.parse::<f64>().ok()),
        fields.get(12).and_then(|v| v.parse::<f64>().ok()),
    ) {
        (Some(user), Some(system)) => (user + system) / 100.0,
        _ => wall.elapsed().as_secs_f64(),
    }
}

fn peak_memory_mib() -> Option<f64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    Some(line.split_whitespace().nth(1)?.parse::<f64>().ok()? / 1024.0)
}

/// Runs `work` for at least 3 rounds and 2 CPU-seconds; tokens per CPU-second.
fn rate(tokens: usize, mut work: impl FnMut() -> usize) -> (f64, usize) {
    let wall = Instant::now();
    let start = cpu_seconds(wall);
    let (mut rounds, mut found) = (0, 0);
    while rounds < 3 || cpu_seconds(wall) - start < 2.0 {
        found = std::hint::black_box(work());
        rounds += 1;
    }
    (
        (tokens * rounds) as f64 / (cpu_seconds(wall) - start).max(1e-9),
        found,
    )
}

fn main() {
    let path = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_else(|| {
            format!(
                "{}/../../../shared/eval/ner/conll2003/valid.txt",
                env!("CARGO_MANIFEST_DIR")
            )
        });
    let Ok(text) = fs::read_to_string(&path) else {
        eprintln!("ner bench skipped: {path} not found");
        return;
    };
    let started = Instant::now();
    let model = NerModel::builtin();
    let load_ms = started.elapsed().as_secs_f64() * 1000.0;
    let documents = read_conll(&text).unwrap_or_default();
    let documents: Vec<Vec<Vec<&str>>> = documents
        .iter()
        .map(|d| {
            d.sentences
                .iter()
                .map(|s| s.tokens.iter().map(String::as_str).collect())
                .collect()
        })
        .collect();
    let tokens: usize = documents.iter().flatten().map(Vec::len).sum();
    let plain: Vec<String> = documents
        .iter()
        .map(|d| d.iter().map(|s| s.join(" ")).collect::<Vec<_>>().join("\n"))
        .collect();
    let (tagger, tagged) = rate(tokens, || {
        documents
            .iter()
            .map(|d| {
                model
                    .tag_document(d)
                    .iter()
                    .flatten()
                    .filter(|t| t.entity_type().is_some())
                    .count()
            })
            .sum()
    });
    let (pipeline, names) = rate(tokens, || {
        plain.iter().map(|t| model.entities(t).len()).sum()
    });
    println!(
        "ner/load: {load_ms:.1} ms ({} features)",
        model.feature_count()
    );
    println!("ner/tagger: {tagger:.0} tokens per CPU-second ({tokens} tokens, {tagged} in names)");
    println!(
        "ner/text: {pipeline:.0} tokens per CPU-second (tokenize + sentences + tagger, {names} names)"
    );
    if let Some(mib) = peak_memory_mib() {
        println!("ner/peak_memory: {mib:.1} MiB");
    }
}
