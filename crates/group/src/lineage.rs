//! Near-duplicate copies: a wire story reprinted with small edits, another headline or an
//! appended line is grouped under its original, so it is never counted as a second source.

use crate::GroupConfig;
use crate::minhash;

/// For each document, the index of its original (itself when it is no copy).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lineage {
    originals: Vec<usize>,
}

impl Lineage {
    /// The original of document `i`.
    pub fn original_of(&self, i: usize) -> usize {
        self.originals.get(i).copied().unwrap_or(i)
    }

    /// Pairs (copy, original) for every copy.
    pub fn copies(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.originals
            .iter()
            .enumerate()
            .filter(|(i, o)| i != *o)
            .map(|(i, o)| (i, *o))
    }
}

/// Finds copies; the earliest document in input order is the original.
pub fn find(texts: &[String], config: &GroupConfig) -> Lineage {
    let signatures: Vec<_> = texts
        .iter()
        .map(|t| minhash::signature(t, config.shingle_words))
        .collect();
    let mut originals: Vec<usize> = (0..texts.len()).collect();
    for i in 0..texts.len() {
        let Some(a) = &signatures[i] else { continue };
        for j in 0..i {
            if originals[j] != j {
                continue;
            }
            let Some(b) = &signatures[j] else { continue };
            if minhash::similarity(a, b) >= config.copy_threshold {
                originals[i] = j;
                break;
            }
        }
    }
    Lineage { originals }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprint_with_small_edits_is_a_copy() {
        let original = "The council voted on Tuesday to close the old bridge over the river after engineers found deep cracks in two of its supports, the mayor said in a statement to residents.";
        let copy =
            format!("{original} Read more: city news.").replace("Tuesday", "Tuesday evening");
        let other = "A new bakery opened on the main square, drawing long queues of customers who waited in the rain for bread and pastries on its first morning.";
        let lineage = find(
            &[original.to_string(), copy, other.to_string()],
            &GroupConfig::default(),
        );
        assert_eq!(lineage.copies().collect::<Vec<_>>(), [(1, 0)]);
    }
}
