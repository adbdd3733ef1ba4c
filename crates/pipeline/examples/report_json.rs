//! Prints the JSON report for the paths given: the pipeline without the CLI, for development.
//!
//! `cargo run -p dossier-pipeline --example report_json -- ../shared/corpus/seeds`

#![allow(clippy::print_stdout)]

use dossier_pipeline::{Pipeline, PipelineConfig};

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let report = Pipeline::new(&PipelineConfig::default()).run(&paths);
    match serde_json::to_string_pretty(&report) {
        Ok(json) => println!("{json}"),
        Err(error) => eprintln!("error: {error}"),
    }
}
