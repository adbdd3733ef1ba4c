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
    /// Score Dossier on public benchmarks.
    Eval(EvalArgs),
    /// Tag the tokens of a CoNLL file with named entities (PER, ORG, LOC, MISC).
    Ner(NerArgs),
    /// Print the attributions of texts: speaker — cue — channel — text, one per line.
    Quotes(QuotesArgs),
    /// Train a model from annotated data.
    Train(TrainArgs),
    /// Store articles: analysed once, grouped into stories, searchable.
    Ingest(IngestArgs),
    /// Analyse every stored article again (after an upgrade) and recompute stories.
    Reanalyze(ReanalyzeArgs),
    /// Search stored articles: one hit per line (id, outlet, title, snippet).
    Search(SearchArgs),
    /// Print a stored story, or list the stories without an id.
    Story(StoryArgs),
    /// Serve the JSON API and the web pages over a store.
    Serve(ServeArgs),
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
    /// Write one JSON object per page to DIR/<name>.json (the page's file name less .html)
    /// instead of printing.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// Page URLs: a TSV of page name and URL per line, as `score.py --export-html` writes.
    #[arg(long, value_name = "FILE")]
    pub urls: Option<PathBuf>,
}

/// `dossier eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// What to evaluate.
    #[command(subcommand)]
    pub command: EvalCommand,
}

/// What `dossier eval` can evaluate.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// HTML extraction on ScrapingHub, trafilatura's set and WCXB: body F1, title, author and
    /// date scores, pages per CPU-second and peak memory.
    Extraction(EvalExtractionArgs),
}

/// `dossier eval extraction`.
#[derive(Debug, Args)]
pub struct EvalExtractionArgs {
    /// Benchmarks to run: scrapinghub, trafilatura, wcxb (repeatable; default all).
    #[arg(long)]
    pub bench: Vec<String>,
    /// The shared folder holding eval/extraction/.
    #[arg(long, env = "DOSSIER_SHARED")]
    pub shared: Option<PathBuf>,
    /// Passes over each benchmark's pages for the speed figure.
    #[arg(long, default_value_t = 1)]
    pub rounds: usize,
    /// Also write each page's prediction to DIR/<id>.json (for `score.py --pred-dir`).
    #[arg(long, value_name = "DIR")]
    pub save_pred: Option<PathBuf>,
    /// Also write the figures as JSON to this file.
    #[arg(long)]
    pub json: Option<PathBuf>,
}

/// `dossier ner`.
#[derive(Debug, Args)]
pub struct NerArgs {
    /// A CoNLL file: the first column is the token, blank lines end sentences, -DOCSTART-
    /// lines end documents. It is printed back with the predicted BIO tag as the last column.
    #[arg(long)]
    pub conll: String,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// A model written by `dossier train ner` instead of the built-in one.
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Measure load time, tokens per CPU-second and peak memory instead of printing tags.
    #[arg(long)]
    pub bench: bool,
    /// With --bench: least number of passes over the file (it also runs for 2 CPU-seconds).
    #[arg(long, default_value_t = 3)]
    pub rounds: usize,
}

/// `dossier train`.
#[derive(Debug, Args)]
pub struct TrainArgs {
    /// What to train.
    #[command(subcommand)]
    pub command: TrainCommand,
}

/// Models `dossier train` can train.
#[derive(Debug, Subcommand)]
pub enum TrainCommand {
    /// The named-entity tagger, from a CoNLL-2003 style file.
    Ner(TrainNerArgs),
    /// The attribution tagger (source, cue, content), from PolNeAR's brat files.
    Quotes(TrainQuotesArgs),
}

/// `dossier train quotes`.
#[derive(Debug, Args)]
pub struct TrainQuotesArgs {
    /// The PolNeAR folder (holding data/metadata.tsv and data/train).
    #[arg(long)]
    pub polnear: PathBuf,
    /// Where to write the model.
    #[arg(long, default_value = "crates/analyze/data/quotes/model.bin")]
    pub out: PathBuf,
    /// Passes over the training data (default 10).
    #[arg(long)]
    pub epochs: Option<usize>,
    /// Leave out tagger features whose weights are all below this share of the largest weight.
    #[arg(long, default_value_t = dossier_analyze::QuoteModel::TAGGER_PRUNE)]
    pub prune: f32,
    /// The same for the content-span and extent scorers, which only candidates read.
    #[arg(long, default_value_t = dossier_analyze::QuoteModel::SCORER_PRUNE)]
    pub scorer_prune: f32,
}

/// `dossier quotes`.
#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// Plain-text files.
    #[arg(required_unless_present = "polnear_jsonl")]
    pub files: Vec<PathBuf>,
    /// Run over every .txt file of this folder and print the scorer's JSONL (document id =
    /// file stem; code-point offsets).
    #[arg(long, value_name = "DIR")]
    pub polnear_jsonl: Option<PathBuf>,
}

/// `dossier train ner`.
#[derive(Debug, Args)]
pub struct TrainNerArgs {
    /// Training data: CoNLL file with BIO tags in the last column.
    #[arg(long)]
    pub conll: String,
    /// Development data: scores are printed after each epoch.
    #[arg(long)]
    pub dev: Option<String>,
    /// Where to write the model.
    #[arg(long, default_value = "crates/analyze/data/ner/model.bin")]
    pub out: PathBuf,
    /// Passes over the training data (default 12).
    #[arg(long)]
    pub epochs: Option<usize>,
    /// Train only the sentence-level pass, without the document-level second pass.
    #[arg(long)]
    pub one_pass: bool,
    /// Folder of the gazetteer and cluster lists (gazetteer.txt, clusters.txt, brown.txt).
    #[arg(long, default_value = "crates/analyze/data/ner")]
    pub lists: PathBuf,
}

/// Where the store is: a data folder (embedded) or a PostgreSQL database.
#[derive(Debug, Args)]
pub struct StoreArgs {
    /// The data folder (created when missing) [default: $XDG_DATA_HOME/dossier or
    /// ~/.local/share/dossier].
    #[arg(long, value_name = "DIR", env = "DOSSIER_DATA")]
    pub data: Option<PathBuf>,
    /// A PostgreSQL database instead of a data folder: postgres://user@host:port/db.
    #[arg(long, value_name = "URL", env = "DOSSIER_DB", conflicts_with = "data")]
    pub db: Option<String>,
}

/// `dossier ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files (.txt, .html, .htm, .jsonl), folders (read recursively), or - for standard input.
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// Where to store.
    #[command(flatten)]
    pub store: StoreArgs,
    /// No progress bar and no summary line (errors are still printed).
    #[arg(long, short)]
    pub quiet: bool,
    /// Also analyse every article already stored again (after an upgrade).
    #[arg(long)]
    pub reanalyze: bool,
    /// The outlet of plain files and standard input (JSONL lines carry their own).
    #[arg(long)]
    pub outlet: Option<String>,
    /// The publication time of plain files and standard input: RFC 3339 or YYYY-MM-DD.
    #[arg(long)]
    pub published: Option<String>,
    /// The URL of plain files and standard input.
    #[arg(long)]
    pub url: Option<String>,
}

/// `dossier reanalyze`.
#[derive(Debug, Args)]
pub struct ReanalyzeArgs {
    /// Where the store is.
    #[command(flatten)]
    pub store: StoreArgs,
    /// No progress bar and no summary line.
    #[arg(long, short)]
    pub quiet: bool,
}

/// `dossier search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to look for (stemmed: "burning" finds "burned").
    #[arg(required = true)]
    pub query: Vec<String>,
    /// Where the store is.
    #[command(flatten)]
    pub store: StoreArgs,
    /// Most hits printed.
    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,
}

/// `dossier story`.
#[derive(Debug, Args)]
pub struct StoryArgs {
    /// The story id (as `dossier story` lists them); without it, the list of stories.
    pub id: Option<String>,
    /// Where the store is.
    #[command(flatten)]
    pub store: StoreArgs,
    /// Report format: json, markdown or html.
    #[arg(long, short, default_value = "markdown")]
    pub format: String,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
}

/// `dossier serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Where the store is.
    #[command(flatten)]
    pub store: StoreArgs,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
}
