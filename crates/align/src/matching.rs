//! Pairwise similarity of statements and their grouping: the most similar pairs first, each
//! group holding at most one statement per document.

use std::collections::HashMap;

use dossier_model::Polarity;

use crate::features::Features;

/// Inverse document frequency of stems over the story's statements.
pub fn idf(items: &[Features]) -> HashMap<String, f64> {
    let mut df: HashMap<&str, usize> = HashMap::new();
    for item in items {
        for s in &item.stems {
            *df.entry(s.as_str()).or_default() += 1;
        }
    }
    let n = items.len() as f64;
    df.into_iter()
        .map(|(s, d)| (s.to_string(), ((1.0 + n) / (1.0 + d as f64)).ln() + 1.0))
        .collect()
}

fn contains_words(long: &[String], short: &[String]) -> bool {
    short.len() >= 2 && long.len() >= short.len() && long.windows(short.len()).any(|w| w == short)
}

/// How alike two statements are, in [0, 1].
pub fn similarity(a: &Features, b: &Features, idf: &HashMap<String, f64>) -> f64 {
    // The same quoted words, whatever the punctuation, or one quote inside the other.
    if a.is_quote || b.is_quote {
        if a.words == b.words && !a.words.is_empty() {
            return 1.0;
        }
        let (long, short) = if a.words.len() >= b.words.len() {
            (a, b)
        } else {
            (b, a)
        };
        if short.is_quote && contains_words(&long.words, &short.words) {
            let same_speaker = match (&a.speaker, &b.speaker) {
                (Some(x), Some(y)) => x == y,
                _ => true,
            };
            if same_speaker {
                return 0.9;
            }
        }
    }
    let weight = |s: &String| idf.get(s).copied().unwrap_or(1.0);
    let shared: Vec<&String> = a.stems.intersection(&b.stems).collect();
    // A figure or a year both give ("1987", "1,100") is strong evidence on its own.
    let shared_figure = shared
        .iter()
        .any(|s| s.len() >= 2 && s.chars().all(|c| c.is_ascii_digit()));
    if shared.len() < 2 && !shared_figure {
        return 0.0;
    }
    let w_shared: f64 = shared.iter().map(|s| weight(s)).sum();
    let w_a: f64 = a.stems.iter().map(weight).sum();
    let w_b: f64 = b.stems.iter().map(weight).sum();
    let jaccard = w_shared / (w_a + w_b - w_shared).max(f64::MIN_POSITIVE);
    let overlap = w_shared / w_a.min(w_b).max(f64::MIN_POSITIVE);
    let mut score = 0.5 * jaccard + 0.5 * overlap;
    if a.entities.intersection(&b.entities).next().is_some() {
        score += 0.05;
    }
    let same_number = a
        .numbers
        .iter()
        .any(|(v, _)| *v >= 10.0 && b.numbers.iter().any(|(w, _)| (v - w).abs() < 1e-9));
    if same_number || shared_figure {
        score += 0.15;
    }
    // One says what the other negates, in the same or synonymous words ("accepted a deal" /
    // "stopped short of declaring it agreed to the framework"): worth putting side by side.
    let opposed = (a.polarity == Polarity::Negative) != (b.polarity == Polarity::Negative);
    if opposed && shared.iter().filter(|s| s.starts_with('~')).count() >= 2 {
        score += 0.15;
    }
    score.min(1.0)
}

/// Groups statements: each pair above `threshold`, most similar first, joins their groups when
/// the joined group would still hold at most one statement per document — or several clauses of
/// one sentence (`docs` holds each statement's document, `sentences` its sentence key).
pub fn group(
    docs: &[usize],
    sentences: &[(usize, usize)],
    scores: &[(f64, usize, usize)],
    threshold: f64,
) -> Vec<Vec<usize>> {
    let n = docs.len();
    let mut group_of: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut sorted: Vec<&(f64, usize, usize)> =
        scores.iter().filter(|(s, _, _)| *s >= threshold).collect();
    sorted.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    for &&(_, i, j) in &sorted {
        let (gi, gj) = (group_of[i], group_of[j]);
        if gi == gj {
            continue;
        }
        let clash = members[gi].iter().any(|&x| {
            members[gj]
                .iter()
                .any(|&y| docs[x] == docs[y] && sentences[x] != sentences[y])
        });
        if clash {
            continue;
        }
        let moved = std::mem::take(&mut members[gj]);
        for &m in &moved {
            group_of[m] = gi;
        }
        members[gi].extend(moved);
    }
    let mut groups: Vec<Vec<usize>> = members.into_iter().filter(|m| !m.is_empty()).collect();
    for g in &mut groups {
        g.sort_unstable();
    }
    groups.sort_by_key(|g| g[0]);
    groups
}
