//! Word clusters: words used in the same contexts share an id, so a name never seen in training
//! still looks like the names it is used like. Two sources:
//! - `data/ner/clusters.txt`: k-means ids at three granularities, learned by
//!   `scripts/derive_ner_clusters.py` from the unlabelled news text in `shared/eval`;
//! - `data/ner/brown.txt`: Brown cluster paths and log probabilities of a million-word English
//!   web vocabulary, taken by `scripts/derive_ner_brown.py` from the spacy-lookups-data package.

use std::collections::HashMap;

use super::hash;
use super::hash::BuildIdentity;

/// Cluster ids at each granularity, 0 when unknown.
pub(crate) const LEVELS: usize = 3;

/// What the lists say about one word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WordClass {
    /// k-means ids (1-based; 0 unknown).
    pub kmeans: [u16; LEVELS],
    /// Brown path, bit i = step i (0 unknown).
    pub brown: u32,
}

/// Word → classes, for the word as written and lowercased.
pub(crate) struct Clusters {
    exact: HashMap<u64, WordClass, BuildIdentity>,
    lower: HashMap<u64, WordClass, BuildIdentity>,
}

impl Clusters {
    /// Reads `word<TAB>id id id` (k-means) and `word<TAB>path<TAB>log prob` (Brown) lines,
    /// most frequent word first.
    pub(crate) fn parse(kmeans: &str, brown: &str) -> Self {
        let mut exact: HashMap<u64, WordClass, BuildIdentity> = HashMap::default();
        let mut lower: HashMap<u64, WordClass, BuildIdentity> = HashMap::default();
        for line in brown.lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(word), Some(path)) = (fields.next(), fields.next()) else {
                continue;
            };
            let brown = path.parse().unwrap_or(0);
            if brown == 0 {
                continue;
            }
            let class = WordClass {
                brown,
                ..WordClass::default()
            };
            exact.entry(hash::word(word)).or_insert(class);
            lower.entry(hash::lower(word)).or_insert(class);
        }
        for line in kmeans.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((word, ids)) = line.split_once('\t') else {
                continue;
            };
            let mut out = [0u16; LEVELS];
            for (slot, id) in out.iter_mut().zip(ids.split_whitespace()) {
                *slot = id.parse::<u16>().map_or(0, |v| v.saturating_add(1));
            }
            let e = exact.entry(hash::word(word)).or_default();
            if e.kmeans == [0; LEVELS] {
                e.kmeans = out;
            }
            let l = lower.entry(hash::lower(word)).or_default();
            if l.kmeans == [0; LEVELS] {
                l.kmeans = out;
            }
        }
        Clusters { exact, lower }
    }

    /// Every (hash, class) pair of the exact and the lowercase tables, sorted, for saving.
    pub(crate) fn entries(&self) -> [Vec<(u64, WordClass)>; 2] {
        [&self.exact, &self.lower].map(|map| {
            let mut out: Vec<(u64, WordClass)> = map.iter().map(|(&k, &v)| (k, v)).collect();
            out.sort_unstable_by_key(|(k, _)| *k);
            out
        })
    }

    /// Rebuilds from saved pairs.
    pub(crate) fn from_entries(
        exact: impl ExactSizeIterator<Item = (u64, WordClass)>,
        lower: impl ExactSizeIterator<Item = (u64, WordClass)>,
    ) -> Self {
        let mut e = HashMap::with_capacity_and_hasher(exact.len(), BuildIdentity);
        e.extend(exact);
        let mut l = HashMap::with_capacity_and_hasher(lower.len(), BuildIdentity);
        l.extend(lower);
        Clusters { exact: e, lower: l }
    }

    /// The classes of a word as written, else of its lowercase form; and of the lowercase form.
    pub(crate) fn get(&self, word: u64, lower: u64) -> (WordClass, WordClass) {
        let low = self.lower.get(&lower).copied().unwrap_or_default();
        let exact = self.exact.get(&word).copied().unwrap_or(low);
        (exact, low)
    }
}
