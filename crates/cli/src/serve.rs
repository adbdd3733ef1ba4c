//! `dossier serve`: the HTTP API and web UI over a store.

use std::process::ExitCode;

use anyhow::Context;
use dossier_pipeline::PipelineConfig;

use crate::cli::ServeArgs;

/// Serves until interrupted (Ctrl-C or SIGTERM).
pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let (library, location) = crate::ingest::open(&args.store, &PipelineConfig::default())?;
    let config = dossier_server::ServerConfig {
        addr: args.addr,
        ..dossier_server::ServerConfig::default()
    };
    eprintln!("serving {location} on http://{}", config.addr);
    dossier_server::serve(library, &config).context("server")?;
    Ok(ExitCode::SUCCESS)
}
