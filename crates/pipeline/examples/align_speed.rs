//! Times grouping and alignment of one story of 50 already-analysed articles on one core:
//! the example story's four reports, each rewritten twelve times with its paragraphs rotated
//! and a numbered line added, plus two seeds, so that nothing is a byte-identical copy.
//!
//! `cargo run --release -p dossier-pipeline --example align_speed`

#![allow(clippy::print_stdout)]

use std::time::Instant;

use dossier_model::{Body, Input, Origin};
use dossier_pipeline::{Pipeline, PipelineConfig};

fn main() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/story");
    let mut texts = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    names.sort();
    for path in names
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        if let Ok(text) = std::fs::read_to_string(path) {
            texts.push(text);
        }
    }
    let mut inputs: Vec<Result<Input, dossier_model::Diagnostic>> = Vec::new();
    for copy in 0..13 {
        for (n, text) in texts.iter().enumerate() {
            let mut lines: Vec<&str> = text.lines().collect();
            let len = lines.len().max(1);
            lines.rotate_left(copy % len);
            let body = format!(
                "{}\nUpdate {copy}: officials in Brenholm gave briefing number {copy} at {n} p.m.",
                lines.join("\n")
            );
            inputs.push(Ok(Input {
                origin: Origin::Path(format!("story-{copy}-{n}.txt")),
                outlet: Some(format!("Outlet {}", (copy * 4 + n) % 17)),
                published: None,
                title: None,
                url: None,
                body: Body::Text(body),
            }));
        }
    }
    inputs.truncate(50);
    let config = PipelineConfig {
        threads: 1,
        ..PipelineConfig::default()
    };
    let pipeline = Pipeline::new(&config);
    let documents: Vec<_> = inputs
        .into_iter()
        .filter_map(|i| i.ok())
        .filter_map(|i| pipeline.document(i).ok())
        .collect();
    let analyses = pipeline.analyze_all(&documents);
    let claims: usize = analyses
        .iter()
        .map(|a| a.claims.len() + a.quotes.len())
        .sum();
    let mut best = f64::MAX;
    let mut stories = 0;
    for _ in 0..5 {
        let start = Instant::now();
        let report = pipeline.assemble(documents.clone(), analyses.clone(), Vec::new());
        best = best.min(start.elapsed().as_secs_f64());
        stories = report.stories.len();
        assert!(!report.stories.is_empty());
    }
    println!(
        "group + align: {} documents, {claims} claims and quotes, {stories} stories: best of 5 {:.3} s",
        documents.len(),
        best
    );
}
