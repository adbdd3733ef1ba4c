//! `dossier story`: one stored story as a report, or the list of stories.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::Context;
use dossier_pipeline::PipelineConfig;
use dossier_report::Format;

use crate::cli::StoryArgs;
use crate::output;

/// Prints the story (Markdown by default), or the story list without an id.
pub fn run(args: StoryArgs) -> anyhow::Result<ExitCode> {
    let format: Format = args.format.parse().context("--format")?;
    let (library, location) = crate::ingest::open(&args.store, &PipelineConfig::default())?;
    let Some(id) = args.id else {
        let mut lines = String::new();
        for story in library.store().stories()? {
            let _ = writeln!(
                lines,
                "{}\t{} documents\t{} alignments\t{}",
                story.id,
                story.documents,
                story.alignments,
                story.title.replace(['\t', '\n'], " ")
            );
        }
        if lines.is_empty() {
            eprintln!("no stories in {location} yet: dossier ingest adds articles");
        } else {
            output::write(&lines, None)?;
        }
        return Ok(ExitCode::SUCCESS);
    };
    match library.story_report(&id)? {
        Some(report) => {
            output::write(
                &dossier_report::render(&report, format),
                args.out.as_deref(),
            )?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            eprintln!(
                "error: no story \"{id}\" in {location} (dossier story without an id lists them)"
            );
            Ok(ExitCode::from(2))
        }
    }
}
