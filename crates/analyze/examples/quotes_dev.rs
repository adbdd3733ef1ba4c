//! Trains the attribution tagger on PolNeAR train and writes its dev predictions as JSONL.
//! `cargo run --release -p dossier-analyze --example quotes_dev -- POLNEAR OUT.jsonl MODEL.bin`
use std::path::Path;
use std::time::Instant;

use dossier_analyze::attribution_model::{QuoteTrainConfig, read_polnear, to_jsonl, train};
use dossier_analyze::{AnalyzeConfig, Analyzer, QuoteModel};
use dossier_model::Document;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = Path::new(&args[1]);
    let started = Instant::now();
    // LOAD=1 reads MODEL.bin instead of training
    let model = if std::env::var("LOAD").is_ok() {
        QuoteModel::from_bytes(&std::fs::read(&args[3]).expect("read model")).expect("model")
    } else {
        let docs = read_polnear(dir, "train").expect("train");
        let epochs = std::env::var("EPOCHS")
            .ok()
            .and_then(|e| e.parse().ok())
            .unwrap_or(10);
        let model = train(&docs, &QuoteTrainConfig { epochs }, &mut |l| {
            eprintln!("[{:6.1}s] {l}", started.elapsed().as_secs_f64())
        });
        let env = |name: &str, default: f32| {
            std::env::var(name)
                .ok()
                .and_then(|e| e.parse().ok())
                .unwrap_or(default)
        };
        let prune = env("PRUNE", QuoteModel::TAGGER_PRUNE);
        let scorer_prune = env("SCORER_PRUNE", QuoteModel::SCORER_PRUNE);
        let bytes = model.to_bytes(prune, scorer_prune);
        eprintln!(
            "model {} features, {} bytes",
            model.feature_count(),
            bytes.len()
        );
        if let Some(path) = args.get(3) {
            std::fs::write(path, &bytes).expect("write model");
        }
        QuoteModel::from_bytes(&bytes).expect("reload")
    };
    let dev = read_polnear(dir, "dev").expect("dev");
    let mut out = String::new();
    let mut tagged = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        out.clear();
        for d in &dev {
            out.push_str(&to_jsonl(&d.id, &d.text, &model.attributions(&d.text)));
        }
        tagged = tagged.min(t.elapsed().as_secs_f64());
    }
    if std::env::var("ONLY_TAG").is_ok() {
        for _ in 0..10 {
            for d in &dev {
                std::hint::black_box(model.attributions(&d.text));
            }
        }
        return;
    }
    let analyzer = Analyzer::new(&AnalyzeConfig::default());
    let mut analyzed = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        for d in &dev {
            let doc = Document {
                id: d.id.clone(),
                path: None,
                url: None,
                outlet: None,
                title: None,
                authors: vec![],
                published: None,
                language: None,
                text: d.text.clone(),
                removed: vec![],
                diagnostics: vec![],
            };
            std::hint::black_box(analyzer.run(&doc));
        }
        analyzed = analyzed.min(t.elapsed().as_secs_f64());
    }
    eprintln!(
        "dev: attribution tagger {tagged:.3}s, analysis {analyzed:.3}s ({:.0}% added)",
        100.0 * tagged / analyzed
    );
    std::fs::write(&args[2], out).expect("write");
}
