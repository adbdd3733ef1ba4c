//! Name lists for the tagger: places, given names and surnames, organisations, nationalities.
//! Derived by `scripts/derive_ner_gazetteer.py` from registry packages and the crate's own word
//! lists (see the header of `data/ner/gazetteer.txt`); matched case-insensitively over tokens.

use std::collections::HashMap;

use super::hash::{self, BuildIdentity};

/// Longest name, in tokens, that the matcher tries.
const MAX_TOKENS: usize = 6;
/// Marks a token sequence that begins some longer entry.
const PREFIX: u32 = 1 << 31;

/// The lists, keyed by the hash of the lowercased token sequence.
pub(crate) struct Gazetteer {
    /// Sequence hash → bit set of categories ending there (and [`PREFIX`]).
    entries: HashMap<u64, u32, BuildIdentity>,
}

/// One list entry found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Match {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Bit set of categories.
    pub categories: u32,
}

fn sequence(h: u64, token: u64) -> u64 {
    hash::mix(h.rotate_left(17), token)
}

impl Gazetteer {
    /// Reads `category<TAB>name` lines; `#` starts a comment line.
    pub(crate) fn parse(text: &str) -> Self {
        let mut entries: HashMap<u64, u32, BuildIdentity> = HashMap::default();
        let mut categories: Vec<String> = Vec::new();
        for line in text.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((category, name)) = line.split_once('\t') else {
                continue;
            };
            let bit = match categories.iter().position(|c| c == category) {
                Some(i) => i,
                None if categories.len() < 31 => {
                    categories.push(category.to_string());
                    categories.len() - 1
                }
                None => continue,
            };
            let words: Vec<&str> = name.split_whitespace().take(MAX_TOKENS + 1).collect();
            if words.is_empty() || words.len() > MAX_TOKENS {
                continue;
            }
            let mut h = 0;
            for (i, w) in words.iter().enumerate() {
                h = sequence(h, hash::lower(w));
                let flag = if i + 1 == words.len() {
                    1 << bit
                } else {
                    PREFIX
                };
                *entries.entry(h).or_insert(0) |= flag;
            }
        }
        Gazetteer { entries }
    }

    /// Every (sequence hash, bits) pair, sorted, for saving.
    pub(crate) fn entries(&self) -> Vec<(u64, u32)> {
        let mut out: Vec<(u64, u32)> = self.entries.iter().map(|(&k, &v)| (k, v)).collect();
        out.sort_unstable();
        out
    }

    /// Rebuilds from saved pairs.
    pub(crate) fn from_entries(pairs: impl ExactSizeIterator<Item = (u64, u32)>) -> Self {
        let mut entries = HashMap::with_capacity_and_hasher(pairs.len(), BuildIdentity);
        entries.extend(pairs);
        Gazetteer { entries }
    }

    /// The bits of the one-word sequence `lower` (0 when no entry starts with it): what
    /// [`Gazetteer::find`] needs of each token, kept per word by the tagger's cache.
    pub(crate) fn word_bits(&self, lower: u64) -> u32 {
        self.entries.get(&sequence(0, lower)).copied().unwrap_or(0)
    }

    /// Every entry found in a sentence, given each token's lowercase hash and its
    /// [`Gazetteer::word_bits`].
    pub(crate) fn find(&self, lower: &[u64], word_bits: &[u32], out: &mut Vec<Match>) {
        out.clear();
        for start in 0..lower.len() {
            let mut bits = word_bits[start];
            let mut h = sequence(0, lower[start]);
            let mut end = start + 1;
            while bits != 0 {
                let categories = bits & !PREFIX;
                if categories != 0 {
                    out.push(Match {
                        start,
                        end,
                        categories,
                    });
                }
                if bits & PREFIX == 0 || end == lower.len() || end - start == MAX_TOKENS {
                    break;
                }
                h = sequence(h, lower[end]);
                end += 1;
                bits = self.entries.get(&h).copied().unwrap_or(0);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_multi_word_entries_in_any_case() {
        let g = Gazetteer::parse("# c\nloc\tNew York\nloc\tYork\nper\tNew\n");
        let tokens: Vec<u64> = ["in", "NEW", "York", "city"]
            .iter()
            .map(|w| hash::lower(w))
            .collect();
        let bits: Vec<u32> = tokens.iter().map(|&t| g.word_bits(t)).collect();
        let mut found = Vec::new();
        g.find(&tokens, &bits, &mut found);
        assert_eq!(found.len(), 3);
        assert!(found.contains(&Match {
            start: 1,
            end: 3,
            categories: 1
        }));
        assert!(found.contains(&Match {
            start: 1,
            end: 2,
            categories: 2
        }));
        assert!(found.contains(&Match {
            start: 2,
            end: 3,
            categories: 1
        }));
    }
}
