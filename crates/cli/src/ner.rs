//! `dossier ner`: tag the tokens of a CoNLL file with the built-in (or a given) NER model, or
//! measure its speed.

use std::fs;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, bail};
use dossier_analyze::NerModel;
use dossier_analyze::ner::tag_conll;
use dossier_extract::eval::{peak_resident_bytes, thread_cpu_time};

use crate::cli::NerArgs;
use crate::output;

/// Most bytes read from one input file.
const MAX_INPUT: u64 = 512 << 20;

fn read_capped(path: &str) -> anyhow::Result<String> {
    let meta = fs::metadata(path).with_context(|| format!("{path}: cannot read"))?;
    if meta.len() > MAX_INPUT {
        bail!(
            "{path}: {} bytes, more than the {MAX_INPUT} this command reads",
            meta.len()
        );
    }
    fs::read_to_string(path).with_context(|| format!("{path}: cannot read as UTF-8 text"))
}

/// The model of `--model`, else the built-in one; it lives as long as the process.
fn load(args: &NerArgs) -> anyhow::Result<&'static NerModel> {
    match &args.model {
        Some(path) => {
            let bytes =
                fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
            let model =
                NerModel::from_bytes(&bytes).with_context(|| format!("{}", path.display()))?;
            Ok(Box::leak(Box::new(model)))
        }
        None => Ok(NerModel::builtin()),
    }
}

/// Tags the file; exit 0 when done, 2 when it could not be read.
pub fn run(args: NerArgs) -> anyhow::Result<ExitCode> {
    if args.bench {
        return bench(&args);
    }
    let text = read_capped(&args.conll)?;
    let model = load(&args)?;
    output::write(&tag_conll(model, &text), args.out.as_deref())?;
    Ok(ExitCode::SUCCESS)
}

/// CPU seconds this process has used (user + system), from /proc; wall time where absent.
/// CPU seconds of this thread (wall-clock where the kernel does not say).
fn cpu_seconds(wall: Instant) -> f64 {
    thread_cpu_time().map_or_else(|| wall.elapsed().as_secs_f64(), |t| t.as_secs_f64())
}

/// Measures load time, then tokens per CPU-second of (a) the tagger alone on the file's
/// tokens and (b) tokenizer + sentence splitter + tagger on the tokens joined as plain text.
fn bench(args: &NerArgs) -> anyhow::Result<ExitCode> {
    let text = read_capped(&args.conll)?;
    let started = Instant::now();
    let model = load(args)?;
    let load_ms = started.elapsed().as_secs_f64() * 1000.0;
    let documents = dossier_analyze::ner::read_conll(&text).unwrap_or_default();
    let documents: Vec<Vec<Vec<&str>>> = if documents.is_empty() {
        // Untagged input: token column only.
        let mut sentences = vec![Vec::new()];
        for line in text.lines() {
            match line.split_whitespace().next() {
                Some("-DOCSTART-") | None => sentences.push(Vec::new()),
                Some(token) => sentences.last_mut().map_or((), |s| s.push(token)),
            }
        }
        sentences.retain(|s| !s.is_empty());
        vec![sentences]
    } else {
        documents
            .iter()
            .map(|d| {
                d.sentences
                    .iter()
                    .map(|s| s.tokens.iter().map(String::as_str).collect())
                    .collect()
            })
            .collect()
    };
    let tokens: usize = documents.iter().flatten().map(Vec::len).sum();
    let plain: Vec<String> = documents
        .iter()
        .map(|d| d.iter().map(|s| s.join(" ")).collect::<Vec<_>>().join("\n"))
        .collect();
    let mut names = 0usize;
    let measure = |work: &mut dyn FnMut() -> usize| -> (f64, usize) {
        let wall = Instant::now();
        let start = cpu_seconds(wall);
        let mut rounds = 0;
        let mut found = 0;
        while rounds < args.rounds.max(1) || cpu_seconds(wall) - start < 2.0 {
            found += work();
            rounds += 1;
        }
        let cpu = (cpu_seconds(wall) - start).max(1e-9);
        ((tokens * rounds) as f64 / cpu, found / rounds)
    };
    let (tagger_rate, tagged) = measure(&mut || {
        documents
            .iter()
            .map(|d| {
                model
                    .tag_document(d)
                    .iter()
                    .flatten()
                    .filter(|t| t.entity_type().is_some())
                    .count()
            })
            .sum()
    });
    let (text_rate, found) = measure(&mut || plain.iter().map(|t| model.entities(t).len()).sum());
    names += found;
    let model_bytes = model.to_bytes().len();
    eprintln!(
        "ner bench: {tokens} tokens; model {:.1} MB, {} features; load {load_ms:.1} ms",
        model_bytes as f64 / 1e6,
        model.feature_count()
    );
    eprintln!(
        "  tagger on given tokens: {tagger_rate:.0} tokens per CPU-second ({tagged} name tokens)"
    );
    eprintln!(
        "  tokenize + sentences + tagger on plain text: {text_rate:.0} tokens per CPU-second ({names} names)"
    );
    if let Some(bytes) = peak_resident_bytes() {
        eprintln!(
            "  peak memory (VmHWM): {:.1} MiB",
            bytes as f64 / (1024.0 * 1024.0)
        );
    }
    Ok(ExitCode::SUCCESS)
}
