//! `dossier ingest` and `dossier reanalyze`: inputs into a store, analysis of what it holds.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, bail};
use dossier_pipeline::PipelineConfig;
use dossier_store::{Event, Library, Location};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::{IngestArgs, ReanalyzeArgs, StoreArgs};

/// Opens the store the arguments name, with a pipeline built from `config`.
pub fn open(store: &StoreArgs, config: &PipelineConfig) -> anyhow::Result<(Library, Location)> {
    let location = Location::from_args(store.data.clone(), store.db.clone());
    let opened =
        dossier_store::open(&location).with_context(|| format!("cannot open store {location}"))?;
    Ok((Library::new(opened, config), location))
}

/// A progress bar on standard error when it is a terminal and not `--quiet`; hidden otherwise.
fn progress(quiet: bool, total: Option<u64>) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match total {
        Some(total) => ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr()),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
    };
    let template = if total.is_some() {
        "{spinner} {elapsed_precise} [{wide_bar}] {human_pos}/{human_len} articles \
         ({per_sec}, ETA {eta}) {msg}"
    } else {
        "{spinner} {elapsed_precise} {human_pos} articles ({per_sec}) {msg}"
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// Prints a line on standard error without tearing the bar.
fn say(bar: &ProgressBar, line: impl std::fmt::Display) {
    bar.suspend(|| eprintln!("{line}"));
}

fn handle(bar: &ProgressBar, event: Event<'_>, analysed: &mut usize) {
    match event {
        Event::Skipped(diagnostic) => {
            bar.inc(1);
            say(bar, diagnostic);
        }
        Event::Stored {
            added,
            already_stored,
        } => bar.inc((added + already_stored) as u64),
        Event::Analysed(n) => {
            *analysed += n;
            bar.set_message(format!("{analysed} analysed"));
        }
        Event::Stories(n) => bar.set_message(format!("{analysed} analysed, {n} stories")),
    }
}

/// Stores the inputs; exit 0 when every input was read, 1 when some failed, 2 when none could be.
pub fn run(args: IngestArgs) -> anyhow::Result<ExitCode> {
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
    let (library, location) = open(&args.store, &config)?;
    let show = !args.quiet && std::io::stderr().is_terminal();
    // The total, for rate and ETA: counting reads the inputs once more (stdin cannot be).
    let total = (show && !args.paths.iter().any(|p| p == "-"))
        .then(|| dossier_ingest::read(&args.paths, &config.ingest).count() as u64);
    let bar = progress(args.quiet, total);
    let mut analysed = 0;
    let mut on_event = |event: Event<'_>| handle(&bar, event, &mut analysed);
    if args.reanalyze {
        library.reanalyze(&mut on_event)?;
    }
    let summary = library.ingest(
        dossier_ingest::read(&args.paths, &config.ingest),
        &mut on_event,
    )?;
    bar.finish_and_clear();
    if !args.quiet {
        let stats = library.store().stats()?;
        eprintln!(
            "{} new, {} already stored, {} skipped; {} analysed here; {} and {} in {location}",
            summary.added,
            summary.already_stored,
            summary.skipped.len(),
            summary.analysed,
            counted(stats.documents, "document", "documents"),
            counted(stats.stories, "story", "stories"),
        );
    }
    Ok(match (summary.read, summary.skipped.len()) {
        (0, 0) => ExitCode::SUCCESS,
        (0, _) => {
            eprintln!("error: no article could be read from the inputs given");
            ExitCode::from(2)
        }
        (_, 0) => ExitCode::SUCCESS,
        _ => ExitCode::from(1),
    })
}

/// Analyses every stored document again with this build and recomputes stories.
pub fn reanalyze(args: ReanalyzeArgs) -> anyhow::Result<ExitCode> {
    let (library, location) = open(&args.store, &PipelineConfig::default())?;
    let total = library.store().stats()?.documents as u64;
    let bar = progress(args.quiet, Some(total));
    let mut analysed = 0;
    let count = library.reanalyze(&mut |event| {
        if let Event::Analysed(n) = event {
            bar.inc(n as u64);
        }
        handle(&bar, event, &mut analysed)
    })?;
    bar.finish_and_clear();
    if !args.quiet {
        let stats = library.store().stats()?;
        eprintln!(
            "{} analysed again with dossier {}; {} in {location}",
            counted(count, "document", "documents"),
            dossier_store::ANALYSIS_VERSION,
            counted(stats.stories, "story", "stories"),
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// "1 story", "2 stories".
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
