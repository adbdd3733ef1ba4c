//! The `dossier` command line.

mod analyze;
mod cli;
mod eval;
mod extract;
mod ingest;
mod ner;
mod output;
mod quotes;
mod search;
mod serve;
mod story;
mod train;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => analyze::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Ner(args) => ner::run(args),
        Command::Quotes(args) => quotes::run(args),
        Command::Train(args) => train::run(args),
        Command::Ingest(args) => ingest::run(args),
        Command::Reanalyze(args) => ingest::reanalyze(args),
        Command::Search(args) => search::run(args),
        Command::Story(args) => story::run(args),
        Command::Serve(args) => serve::run(args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            if output::is_broken_pipe(&error) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}
