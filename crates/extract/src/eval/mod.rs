//! Scoring the extractor against the public article-extraction benchmarks of the shared folder
//! (`eval/extraction/` there), the same way `score.py` beside them does.
//!
//! [`Benchmark::load`] reads a benchmark's pages and ground truth into memory; [`run`] extracts
//! every page on one thread, timed in CPU time; [`Benchmark::score`] scores the predictions
//! with the benchmark's own metric, and [`metadata::score`] scores titles, authors and dates
//! (WCXB only). `dossier eval extraction` prints all of it; the crate's tests hold floors.

mod benchmark;
mod clock;
pub mod metadata;
pub mod scrapinghub;
pub mod trafilatura;
pub mod wcxb;

pub use benchmark::{Benchmark, Page, Truth};
pub use clock::{Timing, peak_resident_bytes, run, thread_cpu_time};

/// What the extractor gave for one page, as `score.py` reads a prediction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prediction {
    /// The body text.
    pub text: String,
    /// The headline.
    pub title: Option<String>,
    /// Authors joined with `"; "`; `None` when there are none.
    pub author: Option<String>,
    /// The published date as the article gives it (ISO 8601).
    pub date: Option<String>,
}

impl Prediction {
    /// The fields `score.py` reads, from an article.
    pub fn of(article: &crate::Article) -> Self {
        Prediction {
            text: article.text.clone(),
            title: article.title.clone(),
            author: (!article.authors.is_empty()).then(|| article.authors.join("; ")),
            date: article.published.clone(),
        }
    }
}

/// The `\w+` tokens of Python's `re` module: runs of letters, digits, marks of letters and `_`.
pub(crate) fn word_tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_word_char(c))
        .filter(|token| !token.is_empty())
}

/// Whether Python's `\w` matches the character (`str.isalnum()` or `_`).
fn is_word_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}
