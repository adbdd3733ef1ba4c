//! The benchmarks and their pages, read from the shared folder.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::Error;
use crate::eval::{Prediction, metadata, scrapinghub, trafilatura, wcxb};

/// A page is read up to this many bytes once decompressed.
const MAX_PAGE_BYTES: u64 = 64 << 20;
/// A ground-truth file is read up to this many bytes.
const MAX_TRUTH_BYTES: u64 = 256 << 20;

/// One of the article-extraction benchmarks kept under `eval/extraction/` in the shared folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Benchmark {
    /// scrapinghub/article-extraction-benchmark: 181 news pages, hand-annotated bodies; 4-gram
    /// shingle precision and recall averaged over pages.
    Scrapinghub,
    /// trafilatura's evaluation set: 990 pages, mostly German, with snippets that must and
    /// must not be found in the text; micro-averaged.
    Trafilatura,
    /// WCXB, the pages typed `article` of its dev split: bag-of-words F1 of the body, and the
    /// title, author and publication date.
    Wcxb,
}

/// What a page should give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Truth {
    /// The whole body (ScrapingHub).
    Body(String),
    /// Snippets the text must hold and must not hold (trafilatura).
    Snippets {
        /// Found: true positives.
        with: Vec<String>,
        /// Found: false positives.
        without: Vec<String>,
    },
    /// The body, snippets and metadata (WCXB).
    Annotated(Box<wcxb::Annotation>),
}

/// A page of a benchmark, in memory.
#[derive(Debug, Clone)]
pub struct Page {
    /// The id `score.py` gives it (`--export-html` names its file after it).
    pub id: String,
    /// Its address, when the benchmark gives one.
    pub url: Option<String>,
    /// The HTML as served.
    pub html: Vec<u8>,
    /// What it should give.
    pub truth: Truth,
}

impl Benchmark {
    /// Every benchmark, in the order they are reported.
    pub const ALL: [Benchmark; 3] = [
        Benchmark::Scrapinghub,
        Benchmark::Trafilatura,
        Benchmark::Wcxb,
    ];

    /// The name `score.py --bench` takes.
    pub fn name(self) -> &'static str {
        match self {
            Benchmark::Scrapinghub => "scrapinghub",
            Benchmark::Trafilatura => "trafilatura",
            Benchmark::Wcxb => "wcxb",
        }
    }

    /// The benchmark of that name.
    pub fn from_name(name: &str) -> Option<Self> {
        Benchmark::ALL
            .into_iter()
            .find(|bench| bench.name() == name)
    }

    /// Reads every page and its truth from `eval/extraction/` under the shared folder, in the
    /// order `score.py` reads them.
    pub fn load(self, shared: &Path) -> Result<Vec<Page>, Error> {
        let root = shared.join("eval/extraction");
        match self {
            Benchmark::Scrapinghub => load_scrapinghub(&root),
            Benchmark::Trafilatura => load_trafilatura(&root),
            Benchmark::Wcxb => load_wcxb(&root),
        }
    }

    /// The benchmark's body score of the predictions, one per page in page order: ScrapingHub
    /// and WCXB give their F1, precision and recall, trafilatura its micro-averaged ones.
    pub fn score(self, pages: &[Page], predictions: &[Prediction]) -> BodyScore {
        match self {
            Benchmark::Scrapinghub => {
                let pairs = pages.iter().zip(predictions).map(|(page, prediction)| {
                    let truth = match &page.truth {
                        Truth::Body(body) => body.as_str(),
                        _ => "",
                    };
                    (truth, prediction.text.as_str())
                });
                let score = scrapinghub::score(pairs);
                BodyScore {
                    f1: score.f1,
                    precision: score.precision,
                    recall: score.recall,
                }
            }
            Benchmark::Trafilatura => {
                let mut counts = trafilatura::Counts::default();
                for (page, prediction) in pages.iter().zip(predictions) {
                    if let Truth::Snippets { with, without } = &page.truth {
                        counts.add(&prediction.text, with, without);
                    }
                }
                BodyScore {
                    f1: counts.f1(),
                    precision: counts.precision(),
                    recall: counts.recall(),
                }
            }
            Benchmark::Wcxb => {
                let annotations = annotations(pages);
                let score = wcxb::score(
                    annotations
                        .iter()
                        .zip(predictions)
                        .map(|(truth, prediction)| (*truth, prediction.text.as_str())),
                );
                BodyScore {
                    f1: score.f1,
                    precision: score.precision,
                    recall: score.recall,
                }
            }
        }
    }

    /// The metadata scores, for a benchmark whose truth has titles, authors and dates.
    pub fn score_metadata(
        self,
        pages: &[Page],
        predictions: &[Prediction],
    ) -> Option<metadata::MetadataScore> {
        let annotations = annotations(pages);
        (self == Benchmark::Wcxb && !annotations.is_empty())
            .then(|| metadata::score(annotations.into_iter().zip(predictions)))
    }
}

/// A body score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BodyScore {
    /// The benchmark's F1.
    pub f1: f64,
    /// Its precision.
    pub precision: f64,
    /// Its recall.
    pub recall: f64,
}

fn annotations(pages: &[Page]) -> Vec<&wcxb::Annotation> {
    pages
        .iter()
        .filter_map(|page| match &page.truth {
            Truth::Annotated(annotation) => Some(annotation.as_ref()),
            _ => None,
        })
        .collect()
}

fn read_json(path: &Path) -> Result<Value, Error> {
    let mut text = String::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_TRUTH_BYTES).read_to_string(&mut text))
        .map_err(|error| Error::io(path, error))?;
    serde_json::from_str(&text).map_err(|error| Error::data(path, error.to_string()))
}

/// A gzipped page, decompressed.
fn read_gz(path: &Path) -> Result<Vec<u8>, Error> {
    let file = std::fs::File::open(path).map_err(|error| Error::io(path, error))?;
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file)
        .take(MAX_PAGE_BYTES)
        .read_to_end(&mut bytes)
        .map_err(|error| Error::io(path, error))?;
    Ok(bytes)
}

fn text_field(value: &Value, key: &str) -> Option<String> {
    value.get(key).and_then(Value::as_str).map(str::to_string)
}

fn strings(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn load_scrapinghub(root: &Path) -> Result<Vec<Page>, Error> {
    let dir = root.join("scrapinghub-article-extraction-benchmark");
    let truth_path = dir.join("ground-truth.json");
    let truth = read_json(&truth_path)?;
    let Value::Object(entries) = truth else {
        return Err(Error::data(&truth_path, "not a JSON object".into()));
    };
    entries
        .iter()
        .map(|(id, entry)| {
            Ok(Page {
                id: id.clone(),
                url: text_field(entry, "url").filter(|url| !url.is_empty()),
                html: read_gz(&dir.join(format!("html/{id}.html.gz")))?,
                truth: Truth::Body(text_field(entry, "articleBody").unwrap_or_default()),
            })
        })
        .collect()
}

fn load_trafilatura(root: &Path) -> Result<Vec<Page>, Error> {
    let dir = root.join("trafilatura-eval");
    let truth_path = dir.join("evaldata.json");
    let truth = read_json(&truth_path)?;
    let Value::Object(entries) = truth else {
        return Err(Error::data(&truth_path, "not a JSON object".into()));
    };
    let mut urls: Vec<&String> = entries.keys().collect();
    urls.sort();
    urls.into_iter()
        .map(|url| {
            let entry = &entries[url];
            let file = text_field(entry, "file")
                .ok_or_else(|| Error::data(&truth_path, format!("{url}: no \"file\"")))?;
            let path = ["cache", "eval"]
                .iter()
                .flat_map(|sub| {
                    [
                        dir.join(sub).join(format!("{file}.gz")),
                        dir.join(sub).join(&file),
                    ]
                })
                .find(|path| path.is_file())
                .ok_or_else(|| Error::data(&truth_path, format!("{url}: no page {file}")))?;
            let html = if path.extension().is_some_and(|ext| ext == "gz") {
                read_gz(&path)?
            } else {
                std::fs::read(&path).map_err(|error| Error::io(&path, error))?
            };
            Ok(Page {
                id: file,
                url: None,
                html,
                truth: Truth::Snippets {
                    with: strings(entry.get("with")),
                    without: strings(entry.get("without")),
                },
            })
        })
        .collect()
}

fn load_wcxb(root: &Path) -> Result<Vec<Page>, Error> {
    let split = "dev";
    let dir = root.join("wcxb").join(split);
    let truth_dir = dir.join("ground-truth");
    let mut truth_files: Vec<PathBuf> = std::fs::read_dir(&truth_dir)
        .map_err(|error| Error::io(&truth_dir, error))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    truth_files.sort();
    let mut pages = Vec::new();
    for truth_path in truth_files {
        let Some(stem) = truth_path.file_stem().and_then(|stem| stem.to_str()) else {
            continue;
        };
        let html_path = dir.join("html").join(format!("{stem}.html.gz"));
        if !html_path.is_file() {
            continue;
        }
        let entry = read_json(&truth_path)?;
        let truth = entry.get("ground_truth").cloned().unwrap_or(Value::Null);
        pages.push(Page {
            id: format!("{split}-{stem}"),
            url: text_field(&entry, "url").filter(|url| !url.is_empty()),
            html: read_gz(&html_path)?,
            truth: Truth::Annotated(Box::new(wcxb::Annotation::from_json(&truth))),
        });
    }
    Ok(pages)
}
