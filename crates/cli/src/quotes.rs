//! `dossier quotes`: the attributions of texts, one per line, or the scorer's JSONL.

use std::fs;
use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use dossier_analyze::QuoteModel;
use dossier_analyze::attribution_model::{channel, to_jsonl};

use crate::cli::QuotesArgs;

/// Prints the attributions.
pub fn run(args: QuotesArgs) -> anyhow::Result<ExitCode> {
    let model = QuoteModel::builtin();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    // A file that cannot be read is reported and skipped; the rest still print.
    let mut failed = false;
    if let Some(dir) = &args.polnear_jsonl {
        let mut files: Vec<_> = fs::read_dir(dir)
            .with_context(|| format!("{}: cannot read", dir.display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for path in files {
            let text = match fs::read_to_string(&path) {
                Ok(text) => text,
                Err(error) => {
                    eprintln!("{}: cannot read: {error}", path.display());
                    failed = true;
                    continue;
                }
            };
            let id = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            out.write_all(to_jsonl(&id, &text, &model.attributions(&text)).as_bytes())?;
        }
    }
    for path in &args.files {
        let text = match fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("{}: cannot read: {error}", path.display());
                failed = true;
                continue;
            }
        };
        for a in model.attributions(&text) {
            let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            let content: Vec<String> = a.content.iter().map(|s| one_line(s.slice(&text))).collect();
            writeln!(
                out,
                "{} — {} — {} — {}",
                a.source
                    .map_or("-".to_string(), |s| one_line(s.slice(&text))),
                a.cue.map_or("-".to_string(), |s| one_line(s.slice(&text))),
                channel(&text, &a).unwrap_or_else(|| "-".to_string()),
                content.join(" … ")
            )?;
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
