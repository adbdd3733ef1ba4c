//! `dossier train ner` and `dossier train quotes`: train a model and write its weights.

use std::fs;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use dossier_analyze::ner::{self, ConllDocument, NerLists, TrainConfig};

use crate::cli::{TrainArgs, TrainCommand, TrainNerArgs, TrainQuotesArgs};

/// Runs the chosen training.
pub fn run(args: TrainArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        TrainCommand::Ner(args) => train_ner(args),
        TrainCommand::Quotes(args) => train_quotes(args),
    }
}

fn read(path: &str) -> anyhow::Result<Vec<ConllDocument>> {
    let text = fs::read_to_string(path).with_context(|| format!("{path}: cannot read"))?;
    ner::read_conll(&text).with_context(|| path.to_string())
}

fn train_ner(args: TrainNerArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let train = read(&args.conll)?;
    let dev = args.dev.as_deref().map(read).transpose()?;
    let defaults = TrainConfig::default();
    let config = TrainConfig {
        epochs: args.epochs.unwrap_or(defaults.epochs),
        second_pass: !args.one_pass,
        ..defaults
    };
    let mut log = |line: String| eprintln!("[{:6.1}s] {line}", started.elapsed().as_secs_f64());
    let lists = NerLists::read_dir(&args.lists)?;
    log(format!("lists read from {}", args.lists.display()));
    let model = ner::train(&train, dev.as_deref(), lists, &config, &mut log);
    if let Some(dev) = &dev {
        let s = ner::evaluate(&model, dev);
        log(format!(
            "saved model on dev: P {:.4} R {:.4} F1 {:.4}",
            s.precision, s.recall, s.f1
        ));
    }
    let bytes = model.to_bytes();
    fs::write(&args.out, &bytes)
        .with_context(|| format!("{}: cannot write", args.out.display()))?;
    log(format!(
        "wrote {} ({:.1} MB, {} features)",
        args.out.display(),
        bytes.len() as f64 / 1e6,
        model.feature_count()
    ));
    Ok(ExitCode::SUCCESS)
}

fn train_quotes(args: TrainQuotesArgs) -> anyhow::Result<ExitCode> {
    use dossier_analyze::attribution_model::{self as quotes, QuoteTrainConfig};
    let started = Instant::now();
    let mut log = |line: String| eprintln!("[{:6.1}s] {line}", started.elapsed().as_secs_f64());
    let docs = quotes::read_polnear(&args.polnear, "train")
        .with_context(|| format!("{}: cannot read PolNeAR train", args.polnear.display()))?;
    anyhow::ensure!(
        !docs.is_empty(),
        "{}: no PolNeAR train documents",
        args.polnear.display()
    );
    let defaults = QuoteTrainConfig::default();
    let config = QuoteTrainConfig {
        epochs: args.epochs.unwrap_or(defaults.epochs),
    };
    let model = quotes::train(&docs, &config, &mut log);
    let bytes = model.to_bytes(args.prune, args.scorer_prune);
    fs::write(&args.out, &bytes)
        .with_context(|| format!("{}: cannot write", args.out.display()))?;
    log(format!(
        "wrote {} ({:.1} MB)",
        args.out.display(),
        bytes.len() as f64 / 1e6
    ));
    Ok(ExitCode::SUCCESS)
}
