//! `dossier eval extraction`: the extractor on the public benchmarks of the shared folder, with
//! each benchmark's own metric (as `eval/extraction/score.py` computes it), the metadata scores
//! on WCXB, pages per CPU-second on one thread and the peak memory.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use dossier_extract::eval::{self, Benchmark};

use crate::cli::{EvalArgs, EvalCommand, EvalExtractionArgs};
use crate::output;

/// Runs an evaluation.
pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        EvalCommand::Extraction(args) => extraction(args),
    }
}

fn shared_dir(given: Option<PathBuf>) -> PathBuf {
    given.unwrap_or_else(|| PathBuf::from("../shared"))
}

fn extraction(args: EvalExtractionArgs) -> anyhow::Result<ExitCode> {
    let benchmarks: Vec<Benchmark> = if args.bench.is_empty() {
        Benchmark::ALL.to_vec()
    } else {
        args.bench
            .iter()
            .map(|name| {
                Benchmark::from_name(name).with_context(|| {
                    format!("--bench \"{name}\" is not scrapinghub, trafilatura or wcxb")
                })
            })
            .collect::<anyhow::Result<_>>()?
    };
    let shared = shared_dir(args.shared);
    if !shared.join("eval/extraction").is_dir() {
        bail!(
            "{}: no eval/extraction folder (give --shared or set DOSSIER_SHARED)",
            shared.display()
        );
    }
    let mut lines = vec![format!(
        "extraction benchmarks in {} (one thread; speed in CPU time, {} round{})",
        shared.join("eval/extraction").display(),
        args.rounds.max(1),
        if args.rounds.max(1) == 1 { "" } else { "s" }
    )];
    let mut summary = serde_json::Map::new();
    for bench in benchmarks {
        let pages = bench.load(&shared)?;
        let (predictions, timing) = eval::run(&pages, args.rounds);
        let body = bench.score(&pages, &predictions);
        let label = match bench {
            Benchmark::Wcxb => "wcxb (dev, articles)",
            other => other.name(),
        };
        lines.push(format!(
            "{label:<22} {:>4} pages  F1 {:.3}  precision {:.3}  recall {:.3}  \
             {:>5.0} pages/CPU-s  {:>5.1} MB/CPU-s",
            pages.len(),
            body.f1,
            body.precision,
            body.recall,
            timing.pages_per_cpu_second(),
            timing.megabytes_per_cpu_second(),
        ));
        let mut entry = serde_json::json!({
            "pages": pages.len(),
            "f1": body.f1,
            "precision": body.precision,
            "recall": body.recall,
            "pages_per_cpu_s": timing.pages_per_cpu_second(),
            "mb_per_cpu_s": timing.megabytes_per_cpu_second(),
            "cpu_s": timing.cpu_seconds,
        });
        if let Some(meta) = bench.score_metadata(&pages, &predictions) {
            lines.push(format!(
                "{:<22} title_site {:.3}  title_exact {:.3}  date_correct {:.3}  \
                 date_spurious {:.3}  author_exact {:.3}  author_spurious {:.3}",
                "  metadata",
                meta.title_site,
                meta.title_exact,
                meta.date_correct,
                meta.date_spurious,
                meta.author_exact,
                meta.author_spurious,
            ));
            entry["meta"] = serde_json::json!({
                "title_exact": meta.title_exact,
                "title_site": meta.title_site,
                "title_token_f1": meta.title_token_f1,
                "date_correct": meta.date_correct,
                "date_spurious": meta.date_spurious,
                "author_exact": meta.author_exact,
                "author_overlap": meta.author_overlap,
                "author_spurious": meta.author_spurious,
            });
        }
        if let Some(dir) = &args.save_pred {
            save_predictions(dir, &pages, &predictions)?;
        }
        summary.insert(bench.name().to_string(), entry);
    }
    if let Some(bytes) = eval::peak_resident_bytes() {
        lines.push(format!(
            "peak memory {:.1} MiB (the process, pages of the largest benchmark included)",
            bytes as f64 / (1 << 20) as f64
        ));
        summary.insert("peak_rss_bytes".into(), bytes.into());
    }
    output::write(&lines.join("\n"), None)?;
    if let Some(path) = &args.json {
        let text = serde_json::to_string_pretty(&summary)?;
        output::write(&text, Some(path))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes `<id>.json` per page, as `score.py --pred-dir` reads them.
fn save_predictions(
    dir: &std::path::Path,
    pages: &[eval::Page],
    predictions: &[eval::Prediction],
) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for (page, prediction) in pages.iter().zip(predictions) {
        let value = serde_json::json!({
            "text": prediction.text,
            "title": prediction.title,
            "author": prediction.author,
            "date": prediction.date,
        });
        let path = dir.join(format!("{}.json", page.id));
        std::fs::write(&path, value.to_string())
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}
