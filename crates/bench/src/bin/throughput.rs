//! Throughput of the whole pipeline on one core: documents/s, MiB/s, time per stage, peak
//! memory.
//!
//! ```text
//! cargo run --release -p dossier-bench --bin throughput [-- [--documents N] [--runs N] [PATH...]]
//! ```
//!
//! Without paths the corpus is the seed articles and the example story, replicated (each
//! replica with its own ids and dates, so its own stories) until it holds `--documents`
//! documents (400 by default). With paths (files, folders, JSONL) it is what they hold,
//! replicated only when `--documents` asks for more. Inputs are read into memory before any
//! timing; every run's report is counted and compared with the first, so no work can be skipped.
//! Times are the median of `--runs` runs (3 by default) after a warm-up, in CPU time of the
//! thread where Linux gives it (a busy machine then does not slow the figure), else wall-clock.

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use dossier_bench::{Corpus, Tally, peak_resident_bytes, thread_cpu_time};
use dossier_model::Document;
use dossier_pipeline::{Pipeline, PipelineConfig};

const USAGE: &str = "usage: throughput [--documents N] [--runs N] [PATH...]";

struct Args {
    documents: Option<usize>,
    runs: usize,
    paths: Vec<PathBuf>,
}

fn parse_args() -> anyhow::Result<Args> {
    let mut args = Args {
        documents: None,
        runs: 3,
        paths: Vec::new(),
    };
    let mut rest = std::env::args().skip(1);
    while let Some(arg) = rest.next() {
        let mut number = |name: &str| -> anyhow::Result<usize> {
            let value = rest
                .next()
                .with_context(|| format!("{name} needs a number"))?;
            value
                .parse()
                .with_context(|| format!("{name} \"{value}\" is not a number"))
        };
        match arg.as_str() {
            "--documents" => args.documents = Some(number("--documents")?),
            "--runs" => args.runs = number("--runs")?.max(1),
            flag if flag.starts_with('-') => bail!("unknown option {flag}\n{USAGE}"),
            path => args.paths.push(PathBuf::from(path)),
        }
    }
    Ok(args)
}

/// The corpus to time and a line saying what it is.
fn corpus(args: &Args) -> anyhow::Result<(Corpus, String)> {
    let (base, name, wanted) = if args.paths.is_empty() {
        let base = Corpus::seeds()?.and(Corpus::example_story()?);
        (
            base,
            "the seeds and examples/story.jsonl".to_string(),
            args.documents.unwrap_or(400),
        )
    } else {
        let names: Vec<String> = args.paths.iter().map(|p| p.display().to_string()).collect();
        (
            Corpus::load(&args.paths)?,
            names.join(" "),
            args.documents.unwrap_or(0),
        )
    };
    let replicas = wanted.div_ceil(base.len()).max(1);
    let description = if replicas > 1 {
        format!("{name}, {} inputs × {replicas} replicas", base.len())
    } else {
        name
    };
    Ok((base.replicate(replicas), description))
}

/// The median wall-clock and CPU time of some runs.
#[derive(Debug, Clone, Copy)]
struct Timing {
    wall: Duration,
    /// `None` where the thread's CPU time cannot be read.
    cpu: Option<Duration>,
}

impl Timing {
    /// The time that counts "on one core": the CPU time of the thread where known (other
    /// processes on a busy machine do not inflate it), else the wall-clock time.
    fn on_one_core(&self) -> f64 {
        self.cpu.unwrap_or(self.wall).as_secs_f64()
    }
}

/// The median of the timings.
fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

/// Runs `work` on a fresh `setup()` value `runs` times after a warm-up and gives the median
/// times; `setup` is not timed, and every result must equal the first.
fn time<I, T: PartialEq + std::fmt::Debug>(
    what: &str,
    runs: usize,
    mut setup: impl FnMut() -> I,
    mut work: impl FnMut(I) -> T,
) -> anyhow::Result<Timing> {
    let expected = std::hint::black_box(work(setup()));
    let mut walls = Vec::with_capacity(runs);
    let mut cpus = Vec::with_capacity(runs);
    for _ in 0..runs {
        let input = setup();
        let cpu_start = thread_cpu_time();
        let start = Instant::now();
        let result = std::hint::black_box(work(std::hint::black_box(input)));
        walls.push(start.elapsed());
        if let (Some(before), Some(after)) = (cpu_start, thread_cpu_time()) {
            cpus.push(after.saturating_sub(before));
        }
        if result != expected {
            bail!("{what}: a run gave {result:?}, the first gave {expected:?}");
        }
    }
    Ok(Timing {
        wall: median(walls),
        cpu: (cpus.len() == runs).then(|| median(cpus)),
    })
}

/// The CPU time of this thread that `work` takes, where the platform tells it.
fn cpu_of<T>(work: impl FnOnce() -> T) -> Option<Duration> {
    let before = thread_cpu_time()?;
    std::hint::black_box(work());
    Some(thread_cpu_time()?.saturating_sub(before))
}

fn main() -> anyhow::Result<()> {
    if std::env::args().any(|a| a == "-h" || a == "--help") {
        writeln!(std::io::stdout(), "{USAGE}")?;
        return Ok(());
    }
    let args = parse_args()?;
    let (corpus, description) = corpus(&args)?;
    let pipeline = Pipeline::new(&PipelineConfig {
        threads: 1,
        ..PipelineConfig::default()
    });
    let documents = corpus.len();
    let mib = corpus.bytes() as f64 / (1024.0 * 1024.0);

    // The whole pipeline: what `dossier analyze` does after reading the files.
    let total = time(
        "pipeline",
        args.runs,
        || corpus.to_inputs(),
        |inputs| Tally::of(&pipeline.report(inputs)),
    )?;
    let report = pipeline.report(corpus.to_inputs());
    let tally = Tally::of(&report);

    // The same work stage by stage, each on the output of the one before.
    let clean: Vec<Document> = report.documents.clone();
    let analyses = pipeline.analyze_all(&clean);
    let extract = time(
        "extract",
        args.runs,
        || corpus.to_inputs(),
        |inputs| {
            inputs
                .into_iter()
                .filter_map(|input| input.and_then(|i| pipeline.document(i)).ok())
                .map(|document| document.text.len())
                .sum::<usize>()
        },
    )?;
    let analyse_all = || {
        pipeline
            .analyze_all(&clean)
            .iter()
            .map(|a| a.quotes.len() + a.claims.len() + a.mentions.len())
            .sum::<usize>()
    };
    let analyze = time("analyze", args.runs, || (), |()| analyse_all())?;
    // The trained attribution tagger (`dossier quotes`), which `analyze` does not run: what
    // it would add to the analysis of the same documents.
    let quotes = dossier_analyze::QuoteModel::builtin();
    let tag_all = || {
        clean
            .iter()
            .map(|d| quotes.attributions(&d.text).len())
            .sum::<usize>()
    };
    let attribution = time("attribution tagger", args.runs, || (), |()| tag_all())?;
    // The share it would add, run by run: each run times the analysis and the tagger back to
    // back, so that a machine whose speed drifts between runs moves both alike.
    let mut shares = Vec::with_capacity(args.runs);
    for _ in 0..args.runs {
        if let (Some(a), Some(t)) = (cpu_of(analyse_all), cpu_of(tag_all)) {
            shares.push(t.as_secs_f64() / a.as_secs_f64().max(1e-9));
        }
    }
    shares.sort_by(f64::total_cmp);
    let share = (shares.len() == args.runs && args.runs > 0).then(|| shares[shares.len() / 2]);
    let assemble = time(
        "group and align",
        args.runs,
        || (clean.clone(), analyses.clone()),
        |(clean, analyses)| Tally::of(&pipeline.assemble(clean, analyses, Vec::new())),
    )?;

    let seconds = total.on_one_core();
    let stage = |name: &str, timing: Timing| {
        let s = timing.on_one_core();
        format!("{name} {s:.3} s ({:.0}%)", 100.0 * s / seconds)
    };
    let mut out = std::io::stdout().lock();
    writeln!(out, "corpus      {description}")?;
    writeln!(
        out,
        "            {documents} documents, {mib:.2} MiB, {:.1} KiB a document on average",
        mib * 1024.0 / documents as f64
    )?;
    writeln!(out, "result      {tally}")?;
    writeln!(
        out,
        "pipeline    Pipeline::report, threads = 1, median of {} runs after a warm-up",
        args.runs
    )?;
    let clock = match total.cpu {
        Some(cpu) => format!(
            "{:.3} s CPU ({:.3} s wall-clock)",
            cpu.as_secs_f64(),
            total.wall.as_secs_f64()
        ),
        None => format!("{:.3} s wall-clock", total.wall.as_secs_f64()),
    };
    writeln!(out, "time        {clock}")?;
    writeln!(
        out,
        "throughput  {:.0} documents/s, {:.2} MiB/s on one core",
        documents as f64 / seconds,
        mib / seconds
    )?;
    writeln!(
        out,
        "stages      {} · {} · {}",
        stage("extract", extract),
        stage("analyze", analyze),
        stage("group+align+assemble", assemble)
    )?;
    let added = attribution.on_one_core();
    writeln!(
        out,
        "attribution tagger {added:.3} s: would add {:.0}% to the analyze stage, {:.0}% to the pipeline",
        100.0 * added / analyze.on_one_core(),
        100.0 * added / seconds
    )?;
    if let Some(share) = share {
        writeln!(
            out,
            "            timed back to back with the analysis, run by run: {:.0}% of it (median)",
            100.0 * share
        )?;
    }
    match peak_resident_bytes() {
        Some(bytes) => writeln!(
            out,
            "memory      peak resident {:.1} MiB (VmHWM)",
            bytes as f64 / (1024.0 * 1024.0)
        )?,
        None => writeln!(
            out,
            "memory      peak resident unknown (no /proc/self/status)"
        )?,
    }
    Ok(())
}
