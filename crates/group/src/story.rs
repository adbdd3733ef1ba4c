//! Stories: documents linked by shared terms and entities, within a window of days, grouped by
//! average-link agglomerative clustering (order-independent).

use crate::GroupConfig;
use std::collections::{BTreeSet, BinaryHeap, HashMap};

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
    // Names as sorted ids, so a pair compares integers.
    let mut name_ids: HashMap<String, u32> = HashMap::new();
    let names: Vec<Vec<u32>> = inputs
        .iter()
        .map(|d| {
            let set: BTreeSet<u32> = d
                .entities
                .iter()
                .map(|e| {
                    let next = name_ids.len() as u32;
                    *name_ids.entry(e.to_lowercase()).or_insert(next)
                })
                .collect();
            set.into_iter().collect()
        })
        .collect();
    // Links between documents: only pairs similar enough to matter are kept, so a large batch
    // of unrelated documents stays cheap to agglomerate.
    let mut links: Vec<HashMap<usize, f64>> = vec![HashMap::new(); n];
    for i in 0..n {
        for j in i + 1..n {
            let apart = match (inputs[i].day, inputs[j].day) {
                (Some(a), Some(b)) => (a - b).abs() > config.story_max_days_apart,
                _ => false,
            };
            if apart {
                continue;
            }
            // Term cosine is noisy on a handful of documents; shared names are not.
            let s =
                0.5 * terms::cosine(&vectors[i], &vectors[j]) + 0.5 * overlap(&names[i], &names[j]);
            if s >= LINK_FLOOR {
                links[i].insert(j, s);
                links[j].insert(i, s);
            }
        }
    }
    agglomerate(links, config.story_threshold)
}

/// Pairs less similar than this count as unrelated (similarity 0) in the average-link sums.
const LINK_FLOOR: f64 = 0.02;

/// Average-link agglomeration over sparse links (`links[a][b]` = summed similarity between the
/// members of clusters `a` and `b`): merges the most similar pair of clusters while its average
/// similarity is at least `threshold`. Ties break on the smallest indices, so the result is
/// deterministic and does not depend on input order beyond the indices.
fn agglomerate(mut links: Vec<HashMap<usize, f64>>, threshold: f64) -> Vec<Vec<usize>> {
    let n = links.len();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut version: Vec<u32> = vec![0; n];
    // Candidate merges, best first; an entry is stale once either cluster has changed.
    let mut heap: BinaryHeap<Candidate> = BinaryHeap::new();
    for (a, row) in links.iter().enumerate() {
        for (&b, &total) in row {
            if b > a && total >= threshold {
                heap.push(Candidate {
                    avg: total,
                    pair: (a, b),
                    versions: (0, 0),
                });
            }
        }
    }
    while let Some(Candidate {
        pair: (a, b),
        versions,
        ..
    }) = heap.pop()
    {
        if members[a].is_empty() || members[b].is_empty() || versions != (version[a], version[b]) {
            continue;
        }
        // Fold b into a: every link of b adds to the same link of a.
        let row_b = std::mem::take(&mut links[b]);
        for (c, total) in row_b {
            links[c].remove(&b);
            if c == a {
                continue;
            }
            *links[a].entry(c).or_insert(0.0) += total;
            *links[c].entry(a).or_insert(0.0) += total;
        }
        let moved = std::mem::take(&mut members[b]);
        members[a].extend(moved);
        members[a].sort_unstable();
        version[a] += 1;
        for (&c, &total) in &links[a] {
            let avg = total / (members[a].len() * members[c].len()) as f64;
            if avg >= threshold {
                let pair = (a.min(c), a.max(c));
                heap.push(Candidate {
                    avg,
                    pair,
                    versions: (version[pair.0], version[pair.1]),
                });
            }
        }
    }
    let mut clusters: Vec<Vec<usize>> = members.into_iter().filter(|m| !m.is_empty()).collect();
    clusters.sort_by_key(|c| c[0]);
    clusters
}

/// A possible merge of clusters `pair` at average similarity `avg`, as of the clusters'
/// `versions`. The heap pops the highest average first, ties to the smallest pair.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Candidate {
    avg: f64,
    pair: (usize, usize),
    versions: (u32, u32),
}

impl Eq for Candidate {}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.avg
            .total_cmp(&other.avg)
            .then_with(|| other.pair.cmp(&self.pair))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Shared names over the smaller set of names (sorted ids); 0 when either has fewer than two.
fn overlap(a: &[u32], b: &[u32]) -> f64 {
    let smaller = a.len().min(b.len());
    if smaller < 2 {
        return 0.0;
    }
    dossier_model::shared_sorted(a, b) as f64 / smaller as f64
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

    fn links(n: usize, pairs: &[(usize, usize, f64)]) -> Vec<HashMap<usize, f64>> {
        let mut links = vec![HashMap::new(); n];
        for &(a, b, s) in pairs {
            links[a].insert(b, s);
            links[b].insert(a, s);
        }
        links
    }

    #[test]
    fn average_link_does_not_chain() {
        // 1 is close to 0 and loosely tied to 2; once 0 and 1 are one cluster, its average
        // similarity to 2 (0.3 / 2) is under the threshold.
        let clusters = agglomerate(links(3, &[(0, 1, 0.9), (1, 2, 0.3)]), 0.22);
        assert_eq!(clusters, [vec![0, 1], vec![2]]);
        // With 0 also tied to 2 the average holds and all three are one story.
        let clusters = agglomerate(links(3, &[(0, 1, 0.9), (1, 2, 0.3), (0, 2, 0.3)]), 0.22);
        assert_eq!(clusters, [vec![0, 1, 2]]);
    }

    #[test]
    fn unlinked_documents_stay_alone() {
        let clusters = agglomerate(links(4, &[(2, 3, 0.5)]), 0.22);
        assert_eq!(clusters, [vec![0], vec![1], vec![2, 3]]);
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
