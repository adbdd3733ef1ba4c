//! `dossier search`: stored documents matching a query, one per line.

use std::fmt::Write as _;
use std::process::ExitCode;

use dossier_pipeline::PipelineConfig;

use crate::cli::SearchArgs;
use crate::output;

/// A field on one tab-separated line: tabs and line breaks become spaces.
fn field(text: Option<&str>) -> String {
    match text {
        Some(text) if !text.trim().is_empty() => text.replace(['\t', '\n', '\r'], " "),
        _ => "-".to_string(),
    }
}

/// Prints `id<TAB>outlet<TAB>title<TAB>snippet` per hit, best first.
pub fn run(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let (library, _) = crate::ingest::open(&args.store, &PipelineConfig::default())?;
    let query = args.query.join(" ");
    let hits = library.store().search(&query, args.limit)?;
    if hits.is_empty() {
        eprintln!("no stored document matches \"{query}\"");
        return Ok(ExitCode::SUCCESS);
    }
    let mut lines = String::new();
    for hit in &hits {
        let _ = writeln!(
            lines,
            "{}\t{}\t{}\t{}",
            hit.id,
            field(hit.outlet.as_deref()),
            field(hit.title.as_deref()),
            field(Some(&hit.snippet)),
        );
    }
    output::write(&lines, None)?;
    Ok(ExitCode::SUCCESS)
}
