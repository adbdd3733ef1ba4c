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

/// A sparse, L2-normalised term vector: (term id, weight), sorted by term id.
pub type Vector = Vec<(u32, f64)>;

/// Content words of a text, lowercased.
pub fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 3)
        .map(str::to_lowercase)
        .filter(|w| {
            !STOPWORDS.contains(&w.as_str())
                && !dossier_model::WEEKDAY_NAMES.contains(&w.as_str())
                && !w.chars().all(|c| c.is_ascii_digit())
        })
        .collect()
}

/// TF-IDF vectors for a batch of term lists (terms interned to ids shared by the batch).
pub fn vectors(docs: &[Vec<String>]) -> Vec<Vector> {
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let interned: Vec<Vec<u32>> = docs
        .iter()
        .map(|terms| {
            terms
                .iter()
                .map(|t| {
                    let next = ids.len() as u32;
                    *ids.entry(t.as_str()).or_insert(next)
                })
                .collect()
        })
        .collect();
    let mut df: Vec<usize> = vec![0; ids.len()];
    let counted: Vec<Vec<(u32, f64)>> = interned
        .into_iter()
        .map(|mut terms| {
            terms.sort_unstable();
            let mut counts: Vec<(u32, f64)> = Vec::new();
            for t in terms {
                match counts.last_mut() {
                    Some((last, c)) if *last == t => *c += 1.0,
                    _ => counts.push((t, 1.0)),
                }
            }
            for (t, _) in &counts {
                df[*t as usize] += 1;
            }
            counts
        })
        .collect();
    let n = docs.len() as f64;
    counted
        .into_iter()
        .map(|mut v| {
            for (t, w) in v.iter_mut() {
                let idf = ((1.0 + n) / (1.0 + df[*t as usize] as f64)).ln() + 1.0;
                *w = (1.0 + w.ln()) * idf;
            }
            let norm = v
                .iter()
                .map(|(_, w)| w * w)
                .sum::<f64>()
                .sqrt()
                .max(f64::MIN_POSITIVE);
            v.iter_mut().for_each(|(_, w)| *w /= norm);
            v
        })
        .collect()
}

/// Cosine similarity of two normalised vectors: a merge of two sorted lists.
pub fn cosine(a: &Vector, b: &Vector) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}
