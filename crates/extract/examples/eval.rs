//! The extraction benchmarks without the whole CLI, for iterating on the extractor:
//! `cargo run --release -p dossier-extract --example eval -- [--shared DIR] [--bench NAME]...
//! [--dump title|author|date|body]`. `--dump` lists the WCXB pages whose field is wrong, truth
//! beside prediction (and for dates, where the date came from; `date-all`: every page); `--dump body` lists the
//! pages whose body F1 is under 0.9, worst first (`body-all`: every page); `--dump page:ID` prints a page's text.

use std::io::Write;
use std::path::PathBuf;

use dossier_extract::eval::{self, Benchmark, Truth};

fn main() {
    let mut shared = PathBuf::from("../shared");
    let mut benches = Vec::new();
    let mut dump: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--shared" => shared = args.next().map(PathBuf::from).unwrap_or(shared),
            "--bench" => benches.extend(args.next().and_then(|name| Benchmark::from_name(&name))),
            "--dump" => dump = args.next(),
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    let mut out = std::io::stdout().lock();
    if benches.is_empty() {
        benches = Benchmark::ALL.to_vec();
    }
    for bench in benches {
        let pages = bench.load(&shared).expect("benchmark readable");
        let (predictions, timing) = eval::run(&pages, 1);
        let body = bench.score(&pages, &predictions);
        let _ = writeln!(
            out,
            "{:<12} {:>4} pages  F1 {:.4}  P {:.4}  R {:.4}  {:.0} pages/CPU-s",
            bench.name(),
            pages.len(),
            body.f1,
            body.precision,
            body.recall,
            timing.pages_per_cpu_second()
        );
        if let Some(meta) = bench.score_metadata(&pages, &predictions) {
            let _ = writeln!(
                out,
                "  title_site {:.4}  date_correct {:.4}  date_spurious {:.4}  author_exact {:.4}  \
                 author_spurious {:.4}",
                meta.title_site,
                meta.date_correct,
                meta.date_spurious,
                meta.author_exact,
                meta.author_spurious
            );
        }
        if dump.as_deref() == Some("snippets") {
            let collapse = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
            for (page, prediction) in pages.iter().zip(&predictions) {
                let Truth::Snippets { with, without } = &page.truth else {
                    continue;
                };
                let text = collapse(&prediction.text);
                for snippet in with {
                    if !text.contains(&collapse(snippet)) {
                        let in_title = prediction
                            .title
                            .as_deref()
                            .is_some_and(|title| collapse(title).contains(&collapse(snippet)));
                        let _ = writeln!(
                            out,
                            "FN{}\t{}\t{}\t{}",
                            if in_title { "-title" } else { "" },
                            page.id,
                            text.len(),
                            snippet
                        );
                    }
                }
                for snippet in without {
                    if text.contains(&collapse(snippet)) {
                        let _ = writeln!(out, "FP\t{}\t{}\t{}", page.id, text.len(), snippet);
                    }
                }
            }
            continue;
        }
        if let Some(id) = dump.as_deref().and_then(|dump| dump.strip_prefix("page:")) {
            for (page, prediction) in pages.iter().zip(&predictions) {
                if page.id == id {
                    let _ = writeln!(out, "{}\n---\n{}", page.id, prediction.text);
                }
            }
            continue;
        }
        if let Some(below) = match dump.as_deref() {
            Some("body") => Some(0.9),
            Some("body-all") => Some(f64::INFINITY),
            _ => None,
        } {
            let mut rows: Vec<(f64, f64, f64, &str)> = pages
                .iter()
                .zip(&predictions)
                .map(|(page, prediction)| {
                    let one =
                        bench.score(std::slice::from_ref(page), std::slice::from_ref(prediction));
                    (one.f1, one.precision, one.recall, page.id.as_str())
                })
                .collect();
            rows.sort_by(|a, b| a.0.total_cmp(&b.0));
            for (f, p, r, id) in rows.iter().filter(|row| row.0 < below) {
                let _ = writeln!(out, "{id}	F1 {f:.3}	P {p:.3}	R {r:.3}");
            }
            continue;
        }
        let Some(field) = dump.as_deref() else {
            continue;
        };
        for (page, prediction) in pages.iter().zip(&predictions) {
            let Truth::Annotated(truth) = &page.truth else {
                continue;
            };
            let (gold, got) = match field {
                "title" => (truth.title.clone(), prediction.title.clone()),
                "author" => (truth.author.clone(), prediction.author.clone()),
                _ => (truth.publish_date.clone(), prediction.date.clone()),
            };
            let one = eval::metadata::score([(truth.as_ref(), prediction)]);
            let wrong = match field {
                "title" => one.title_site < 1.0,
                "author" => {
                    (gold.is_some() && one.author_exact < 1.0)
                        || (gold.is_none() && one.author_spurious > 0.0)
                }
                _ => {
                    (gold.is_some() && one.date_correct < 1.0)
                        || (gold.is_none() && one.date_spurious > 0.0)
                }
            };
            if wrong || field == "date-all" {
                let article = dossier_extract::extract_html(&page.html, page.url.as_deref());
                let _ = writeln!(
                    out,
                    "{}\t{}\tgold={:?}\tgot={:?}\tsrc={:?}",
                    page.id,
                    page.url.as_deref().unwrap_or(""),
                    gold,
                    got,
                    article.date_source
                );
            }
        }
    }
}
