//! Arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Dossier turns many news reports of the same events into one sourced, cross-checked file per
/// story: who said what, through whom and when; which facts outlets corroborate, which
/// conflict, which were revised, and what each outlet alone claims.
#[derive(Debug, Parser)]
#[command(name = "dossier", version, about, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse articles and print the cross-checked report.
    Analyze(AnalyzeArgs),
    /// Extract the article from HTML pages.
    Extract(ExtractArgs),
}

/// `dossier analyze`.
#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Files (.txt, .html, .htm, .jsonl), folders (read recursively; other files are skipped),
    /// or - for standard input.
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// Report format: json, markdown or html.
    #[arg(long, short, default_value = "markdown")]
    pub format: String,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// The outlet of plain files and standard input (JSONL lines carry their own).
    #[arg(long)]
    pub outlet: Option<String>,
    /// The publication time of plain files and standard input: RFC 3339 or YYYY-MM-DD.
    #[arg(long)]
    pub published: Option<String>,
    /// The URL of plain files and standard input.
    #[arg(long)]
    pub url: Option<String>,
    /// Also print warnings (unresolved times, speakers not found) on standard error.
    #[arg(long, short)]
    pub verbose: bool,
}

/// `dossier extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// HTML pages (- for standard input).
    #[arg(required = true)]
    pub pages: Vec<String>,
    /// text (the body only) or json (every field, one object per page).
    #[arg(long, short, default_value = "text")]
    pub format: String,
    /// The page's URL, for relative links and dates in the URL.
    #[arg(long)]
    pub url: Option<String>,
}
