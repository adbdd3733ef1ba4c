//! Term vectors for story clustering: content words and entity names, weighted by how rare they
//! are in the batch.

use std::collections::HashMap;

/// Words too common in news to say what a story is about.
const STOPWORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "that",
    "this",
    "these",
    "those",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "it",
    "its",
    "he",
    "she",
    "they",
    "his",
    "her",
    "their",
    "we",
    "our",
    "said",
    "says",
    "say",
    "will",
    "would",
    "could",
    "should",
    "not",
    "as",
    "after",
    "before",
    "about",
    "more",
    "than",
    "also",
    "which",
    "who",
    "what",
    "when",
    "where",
    "there",
    "told",
    "after",
    "over",
    "into",
    "reported",
    "according",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "year",
    "years",
    "new",
    "one",
    "two",
    "last",
    "first",
    "some",
    "other",
];

/// A sparse, L2-normalised term vector.
pub type Vector = HashMap<String, f64>;

/// Content words of a text, lowercased.
pub fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 3)
        .map(str::to_lowercase)
        .filter(|w| !STOPWORDS.contains(&w.as_str()) && !w.chars().all(|c| c.is_ascii_digit()))
        .collect()
}

/// TF-IDF vectors for a batch of term lists.
pub fn vectors(docs: &[Vec<String>]) -> Vec<Vector> {
    let mut df: HashMap<&str, usize> = HashMap::new();
    for terms in docs {
        let mut seen: Vec<&str> = terms.iter().map(String::as_str).collect();
        seen.sort_unstable();
        seen.dedup();
        for t in seen {
            *df.entry(t).or_default() += 1;
        }
    }
    let n = docs.len() as f64;
    docs.iter()
        .map(|terms| {
            let mut v: Vector = HashMap::new();
            for t in terms {
                *v.entry(t.clone()).or_default() += 1.0;
            }
            for (t, w) in v.iter_mut() {
                let idf = ((1.0 + n) / (1.0 + df.get(t.as_str()).copied().unwrap_or(0) as f64))
                    .ln()
                    + 1.0;
                *w = (1.0 + w.ln()) * idf;
            }
            let norm = v
                .values()
                .map(|w| w * w)
                .sum::<f64>()
                .sqrt()
                .max(f64::MIN_POSITIVE);
            v.values_mut().for_each(|w| *w /= norm);
            v
        })
        .collect()
}

/// Cosine similarity of two normalised vectors.
pub fn cosine(a: &Vector, b: &Vector) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small
        .iter()
        .filter_map(|(t, w)| large.get(t).map(|x| w * x))
        .sum()
}
