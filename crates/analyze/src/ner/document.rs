//! Second-pass features: what the first pass said about the same word elsewhere in the
//! document. A name is often written in full once ("Bill Clinton") and then cut short
//! ("Clinton"), or stands in a capitalised headline above the text that names it again.

use std::collections::HashMap;

use super::decode::SentenceFeatures;
use super::features::{DOCUMENT, SentenceInfo};
use super::hash::BuildIdentity;
use super::hash::{self, mix};
use super::tag::{Label, part};

/// Entity type index of a label: 0 for O, 1 + type otherwise.
fn type_of(label: Label) -> u64 {
    part(label).map_or(0, |(t, _)| 1 + t as u64)
}

#[inline]
fn key(template: u64, value: u64) -> u64 {
    hash::key(DOCUMENT + template, value)
}

/// A name found by the first pass.
#[derive(Clone, Copy)]
struct Found {
    sentence: usize,
    start: usize,
    end: usize,
    kind: u64,
}

/// Extra features for every token of every sentence of a document.
pub(crate) fn features(
    sentences: &[&SentenceInfo],
    labels: &[Vec<Label>],
) -> Vec<SentenceFeatures> {
    // Each capitalised word: how often the first pass gave it each type.
    let mut counts: HashMap<u64, [u16; 5], BuildIdentity> = HashMap::default();
    // Each word inside a name: the names (in order) that hold it.
    let mut names: HashMap<u64, Vec<Found>, BuildIdentity> = HashMap::default();
    // Each capitalised word: the words around its occurrences (sentence, index).
    let mut places: HashMap<u64, Vec<(usize, usize)>, BuildIdentity> = HashMap::default();
    for (s, (sentence, labels)) in sentences.iter().zip(labels).enumerate() {
        for (i, (token, &label)) in sentence.tokens.iter().zip(labels).enumerate() {
            if token.is_capitalized {
                counts.entry(token.lower).or_default()[type_of(label) as usize] += 1;
                let list = places.entry(token.lower).or_default();
                if list.len() < 12 {
                    list.push((s, i));
                }
            }
        }
        let mut i = 0;
        while i < labels.len() {
            let kind = type_of(labels[i]);
            if kind == 0 {
                i += 1;
                continue;
            }
            let mut end = i + 1;
            while end < labels.len()
                && type_of(labels[end]) == kind
                && part(labels[end]).is_some_and(|(_, p)| {
                    matches!(p, super::tag::Part::Inside | super::tag::Part::Last)
                })
            {
                end += 1;
            }
            let found = Found {
                sentence: s,
                start: i,
                end,
                kind,
            };
            for token in &sentence.tokens[i..end] {
                let list = names.entry(token.lower).or_default();
                if list.len() < 16 {
                    list.push(found);
                }
            }
            i = end;
        }
    }
    // The document's first word: in wire copy, the topic of the headline ("SOCCER", "CRICKET"),
    // which decides whether "Leicestershire" is a team or a county.
    let topic = sentences
        .iter()
        .find_map(|s| s.tokens.first())
        .map_or(0, |t| t.lower);
    let mut out = Vec::with_capacity(sentences.len());
    for (s, (sentence, labels)) in sentences.iter().zip(labels).enumerate() {
        let digits = sentence.tokens.iter().filter(|t| t.is_number).count();
        let numeric = (digits * 4 / sentence.tokens.len().max(1)) as u64;
        let mut per_token = SentenceFeatures::default();
        for (i, token) in sentence.tokens.iter().enumerate() {
            let start = per_token.features.len();
            let f = &mut per_token.features;
            let own = type_of(labels[i]);
            f.push(key(0, u64::from(labels[i])));
            f.push(key(
                1,
                i.checked_sub(1).map_or(99, |j| u64::from(labels[j])),
            ));
            f.push(key(2, labels.get(i + 1).map_or(99, |&l| u64::from(l))));
            if token.is_capitalized {
                f.push(key(11, mix(topic, u64::from(token.gazetteer))));
                f.push(key(12, mix(topic, own)));
                f.push(key(
                    13,
                    mix(numeric, mix(own, u64::from(token.is_all_caps))),
                ));
                if let Some(c) = counts.get(&token.lower) {
                    let mut c = *c;
                    c[own as usize] -= 1;
                    let total: u16 = c.iter().sum();
                    if total > 0 {
                        let (best, &n) = c
                            .iter()
                            .enumerate()
                            .max_by_key(|(k, n)| (**n, std::cmp::Reverse(*k)))
                            .unwrap_or((0, &0));
                        f.push(key(3, best as u64));
                        if n == total {
                            f.push(key(4, best as u64));
                        }
                    }
                }
                if let Some(list) = places.get(&token.lower) {
                    for &(t, j) in list.iter().filter(|&&(t, j)| (t, j) != (s, i)) {
                        let other = &sentences[t].tokens;
                        let before = j.checked_sub(1).map_or(0, |k| other[k].lower);
                        let after = other.get(j + 1).map_or(0, |o| o.lower);
                        for value in [mix(9, before), mix(10, after)] {
                            let feature = key(8, value);
                            if !f[start..].contains(&feature) {
                                f.push(feature);
                            }
                        }
                    }
                }
                if let Some(list) = names.get(&token.lower) {
                    let others = list
                        .iter()
                        .filter(|n| !(n.sentence == s && n.start <= i && i < n.end));
                    let mut seen = 0u8;
                    for (k, n) in others.enumerate() {
                        if k == 0 {
                            f.push(key(5, n.kind));
                            f.push(key(7, mix(n.kind, (n.end - n.start > 1) as u64)));
                        }
                        if seen & (1 << n.kind) == 0 {
                            seen |= 1 << n.kind;
                            f.push(key(6, n.kind));
                        }
                    }
                }
            }
            per_token
                .ranges
                .push((start as u32, per_token.features.len() as u32));
        }
        out.push(per_token);
    }
    out
}
