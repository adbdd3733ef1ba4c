//! The whole pipeline (`Pipeline::report`: extract, analyze, group, align, assemble) on one
//! core, on inputs read into memory before timing.
//!
//! `cargo bench -p dossier-bench` prints the time per run with documents/s and bytes/s.
//! `analyze/seeds` needs the shared folder (`$DOSSIER_SHARED`, else `../shared`); without it
//! that benchmark says so and measures nothing.

use divan::Bencher;
use divan::counter::{BytesCount, ItemsCount};
use dossier_bench::{Corpus, Tally};
use dossier_pipeline::{Pipeline, PipelineConfig};

fn main() {
    divan::main();
}

/// One core: the figure that scales by the number of cores.
fn pipeline() -> Pipeline {
    Pipeline::new(&PipelineConfig {
        threads: 1,
        ..PipelineConfig::default()
    })
}

/// Times `Pipeline::report` on the corpus, checking every run gives the first run's tally.
fn bench_report(bencher: Bencher, corpus: &Corpus) {
    let pipeline = pipeline();
    let expected = Tally::of(&pipeline.report(corpus.to_inputs()));
    assert!(expected.quotes > 0, "the corpus gives quotes: {expected}");
    bencher
        .counter(BytesCount::new(corpus.bytes()))
        .counter(ItemsCount::new(corpus.len()))
        .with_inputs(|| corpus.to_inputs())
        .bench_local_values(|inputs| {
            let tally = Tally::of(&pipeline.report(inputs));
            assert_eq!(tally, expected, "a run gave another report");
            tally
        });
}

mod analyze {
    use super::*;

    /// The seed articles of the shared folder.
    #[divan::bench]
    fn seeds(bencher: Bencher) {
        match Corpus::seeds() {
            Ok(corpus) => bench_report(bencher, &corpus),
            Err(error) => eprintln!("analyze/seeds skipped: {error}"),
        }
    }

    /// The four reports of `examples/story.jsonl`.
    #[divan::bench]
    fn example_story(bencher: Bencher) {
        match Corpus::example_story() {
            Ok(corpus) => bench_report(bencher, &corpus),
            Err(error) => panic!("examples/story.jsonl: {error}"),
        }
    }
}
