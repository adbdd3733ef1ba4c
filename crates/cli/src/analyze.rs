//! `dossier analyze`: inputs to a report.

use std::process::ExitCode;

use anyhow::{Context, bail};
use dossier_model::Severity;
use dossier_pipeline::{Pipeline, PipelineConfig};
use dossier_report::Format;

use crate::cli::AnalyzeArgs;
use crate::output;

/// Runs the analysis; exit 0 when every input was read, 1 when some failed, 2 when none could be.
pub fn run(args: AnalyzeArgs) -> anyhow::Result<ExitCode> {
    let format: Format = args.format.parse().context("--format")?;
    let mut config = PipelineConfig::default();
    config.ingest.outlet = args.outlet.clone();
    config.ingest.url = args.url.clone();
    if let Some(published) = &args.published {
        match dossier_ingest::parse_published(published) {
            Some(time) => config.ingest.published = Some(time),
            None => bail!(
                "--published \"{published}\" is not an RFC 3339 time or a calendar day (YYYY-MM-DD)"
            ),
        }
    }
    let pipeline = Pipeline::new(&config);
    let report = pipeline.run(&args.paths);
    let mut failed = 0;
    for diagnostic in &report.diagnostics {
        match diagnostic.severity {
            Severity::Error => {
                failed += 1;
                eprintln!("{diagnostic}");
            }
            Severity::Warning if args.verbose => eprintln!("{diagnostic}"),
            Severity::Warning => {}
        }
    }
    if report.documents.is_empty() {
        eprintln!("error: no article could be read from the inputs given");
        return Ok(ExitCode::from(2));
    }
    output::write(
        &dossier_report::render(&report, format),
        args.out.as_deref(),
    )?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
