//! Stories: documents linked by shared terms and entities, within a window of days, grouped by
//! average-link agglomerative clustering (order-independent).

use crate::GroupConfig;
use std::collections::BTreeSet;

use crate::terms;

/// What story clustering needs to know of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryInput {
    /// The clean text.
    pub text: String,
    /// Canonical names of the named entities it mentions (repeats allowed).
    pub entities: Vec<String>,
    /// Publication day as days since 1970-01-01, when known.
    pub day: Option<i64>,
}

/// Clusters documents into stories.
pub fn cluster(inputs: &[StoryInput], config: &GroupConfig) -> Vec<Vec<usize>> {
    let n = inputs.len();
    let term_lists: Vec<Vec<String>> = inputs
        .iter()
        .map(|d| {
            let mut t = terms::content_words(&d.text);
            // Entity names count twice: they say most about which events a report covers.
            for e in &d.entities {
                let key = format!("entity:{}", e.to_lowercase());
                t.push(key.clone());
                t.push(key);
            }
            t
        })
        .collect();
    let vectors = terms::vectors(&term_lists);
    let names: Vec<BTreeSet<String>> = inputs
        .iter()
        .map(|d| d.entities.iter().map(|e| e.to_lowercase()).collect())
        .collect();
    let mut sim = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in i + 1..n {
            let apart = match (inputs[i].day, inputs[j].day) {
                (Some(a), Some(b)) => (a - b).abs() > config.story_max_days_apart,
                _ => false,
            };
            let s = if apart {
                0.0
            } else {
                // Term cosine is noisy on a handful of documents; shared names are not.
                0.5 * terms::cosine(&vectors[i], &vectors[j]) + 0.5 * overlap(&names[i], &names[j])
            };
            sim[i][j] = s;
            sim[j][i] = s;
        }
    }
    // Average-link agglomeration: merge the most similar pair of clusters while it is above
    // the threshold. Ties break on the smallest indices, so the result is deterministic.
    let mut clusters: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for a in 0..clusters.len() {
            for b in a + 1..clusters.len() {
                let total: f64 = clusters[a]
                    .iter()
                    .flat_map(|&i| clusters[b].iter().map(move |&j| (i, j)))
                    .map(|(i, j)| sim[i][j])
                    .sum();
                let avg = total / (clusters[a].len() * clusters[b].len()) as f64;
                if avg >= config.story_threshold && best.is_none_or(|(s, _, _)| avg > s) {
                    best = Some((avg, a, b));
                }
            }
        }
        let Some((_, a, b)) = best else { break };
        let merged = clusters.remove(b);
        clusters[a].extend(merged);
        clusters[a].sort_unstable();
    }
    clusters.sort_by_key(|c| c[0]);
    clusters
}

/// Shared names over the smaller set of names; 0 when either has fewer than two.
fn overlap(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let smaller = a.len().min(b.len());
    if smaller < 2 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / smaller as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(text: &str, entities: &[&str]) -> StoryInput {
        StoryInput {
            text: text.to_string(),
            entities: entities.iter().map(|e| e.to_string()).collect(),
            day: None,
        }
    }

    #[test]
    fn separates_two_stories() {
        let docs = [
            input(
                "Flood waters rose in Vell harbour as the storm hit the coast; the mayor ordered evacuations.",
                &["Vell", "Ana Ruiz"],
            ),
            input(
                "A chess prodigy won the national championship in Doria after a long final game.",
                &["Doria", "Tom Beck"],
            ),
            input(
                "Mayor Ana Ruiz said evacuations in Vell continue while flood waters from the storm recede.",
                &["Vell", "Ana Ruiz"],
            ),
            input(
                "Tom Beck, the chess champion, said the final game in Doria was his hardest.",
                &["Doria", "Tom Beck"],
            ),
        ];
        assert_eq!(
            cluster(&docs, &GroupConfig::default()),
            [vec![0, 2], vec![1, 3]]
        );
    }
}
