//! The trained model: the weights of both passes in one open-addressing table of 16-bit
//! weights (one probe finds a feature's weights for both), and the compiled gazetteer and
//! clusters; saved as one binary file and embedded in the crate.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use super::clusters::{Clusters, LEVELS, WordClass};
use super::decode::{self, Weights};
use super::document;
use super::features::{self, SentenceInfo, TokenInfo};
use super::gazetteer::Gazetteer;
use super::hash;
use super::hash::BuildIdentity;
use super::resources::NerLists;
use super::tag::{LABELS, Label, O, Tag, labels_to_bio};

const MAGIC: &[u8; 4] = b"DNER";
const VERSION: u32 = 3;
const BUILTIN: &[u8] = include_bytes!("../../data/ner/model.bin");
/// Bytes of a saved word class: key, Brown path, k-means ids.
const CLASS_BYTES: usize = 8 + 4 + 2 * LEVELS;
/// Weights per feature: both passes.
const BOTH: usize = 2 * LABELS;

/// Why a model could not be read or trained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NerError {
    message: String,
}

impl NerError {
    pub(crate) fn from_message(message: impl Into<String>) -> Self {
        NerError {
            message: message.into(),
        }
    }
}

impl fmt::Display for NerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for NerError {}

#[derive(Clone, Copy)]
struct Slot<const W: usize> {
    key: u64,
    weights: [i16; W],
}

/// Feature key → `W` weights, by linear probing; key 0 marks an empty slot (keys are odd).
#[derive(Clone)]
struct Table<const W: usize> {
    slots: Vec<Slot<W>>,
    mask: usize,
    len: usize,
}

/// A hint that `value` will be read soon.
#[inline(always)]
#[allow(unsafe_code)]
fn prefetch<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint: it reads nothing into the program and cannot fault; the
    // pointer comes from a live reference.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
            (value as *const T).cast::<i8>(),
        );
    }
}

#[inline]
fn slot_of(key: u64, mask: usize) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 40) as usize & mask
}

impl<const W: usize> Table<W> {
    fn build(entries: impl ExactSizeIterator<Item = (u64, [i16; W])>) -> Self {
        let len = entries.len();
        let capacity = (len * 4 / 3 + 1).next_power_of_two().max(16);
        let mask = capacity - 1;
        let mut slots = vec![
            Slot {
                key: 0,
                weights: [0; W]
            };
            capacity
        ];
        for (key, weights) in entries {
            let mut i = slot_of(key, mask);
            while slots[i].key != 0 && slots[i].key != key {
                i = (i + 1) & mask;
            }
            slots[i] = Slot { key, weights };
        }
        Table { slots, mask, len }
    }

    #[inline]
    fn get(&self, key: u64) -> Option<&[i16; W]> {
        let mut i = slot_of(key, self.mask);
        loop {
            let slot = &self.slots[i];
            if slot.key == key {
                return Some(&slot.weights);
            }
            if slot.key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Asks for the home slot of every key before any probe, so that the memory system fetches
    /// them together instead of one miss after another.
    #[inline]
    fn touch(&self, keys: &[u64]) {
        for &key in keys {
            prefetch(&self.slots[slot_of(key, self.mask)]);
        }
    }

    fn entries(&self) -> Vec<(u64, [i16; W])> {
        let mut out: Vec<(u64, [i16; W])> = self
            .slots
            .iter()
            .filter(|s| s.key != 0)
            .map(|s| (s.key, s.weights))
            .collect();
        out.sort_unstable_by_key(|(key, _)| *key);
        out
    }
}

/// The weights of one pass, quantised (what training hands on).
#[derive(Clone)]
pub(crate) struct WeightTable {
    table: Table<LABELS>,
    scale: f32,
}

impl WeightTable {
    /// Keeps the features whose largest weight reaches `threshold`, quantised to 16 bits.
    pub(crate) fn from_averaged(averaged: &[(u64, [f32; LABELS])], threshold: f32) -> WeightTable {
        let kept: Vec<&(u64, [f32; LABELS])> = averaged
            .iter()
            .filter(|(_, w)| w.iter().any(|v| v.abs() >= threshold))
            .collect();
        let max = kept
            .iter()
            .flat_map(|(_, w)| w.iter())
            .fold(0.0f32, |m, v| m.max(v.abs()))
            .max(1e-6);
        let scale = max / f32::from(i16::MAX);
        let table = Table::build(
            kept.iter()
                .map(|(key, w)| (*key, w.map(|v| (v / scale).round() as i16))),
        );
        WeightTable { table, scale }
    }
}

impl Weights for WeightTable {
    #[inline]
    fn add(&self, features: &[u64], scores: &mut [f32; LABELS]) {
        let mut sum = [0i32; LABELS];
        for &key in features {
            if let Some(w) = self.table.get(key) {
                for (s, &w) in sum.iter_mut().zip(w) {
                    *s += i32::from(w);
                }
            }
        }
        for (s, v) in scores.iter_mut().zip(sum) {
            *s += v as f32 * self.scale;
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], NerError> {
        let Some((head, rest)) = self.bytes.split_first_chunk::<N>() else {
            return Err(NerError::from_message("model: file ends early"));
        };
        self.bytes = rest;
        Ok(*head)
    }
    /// The next `count` records of `size` bytes (the count was checked by [`Reader::count`]).
    fn records(&mut self, count: usize, size: usize) -> std::slice::ChunksExact<'a, u8> {
        let (head, rest) = self.bytes.split_at(count * size);
        self.bytes = rest;
        head.chunks_exact(size)
    }
    fn u32(&mut self) -> Result<u32, NerError> {
        Ok(u32::from_le_bytes(self.take::<4>()?))
    }
    fn u64(&mut self) -> Result<u64, NerError> {
        Ok(u64::from_le_bytes(self.take::<8>()?))
    }
    fn f32(&mut self) -> Result<f32, NerError> {
        Ok(f32::from_le_bytes(self.take::<4>()?))
    }
    /// A count of records of `size` bytes, checked against what is left.
    fn count(&mut self, size: usize, what: &str) -> Result<usize, NerError> {
        let count = self.u64()? as usize;
        if count > self.bytes.len() / size {
            return Err(NerError::from_message(format!(
                "model: {count} {what} do not fit in the {} bytes left",
                self.bytes.len()
            )));
        }
        Ok(count)
    }
}

/// Most words whose summed word-feature weights a thread keeps.
const MAX_CACHED_WORDS: usize = 1 << 15;

/// `a + b`, weight by weight.
#[inline]
fn add(mut a: [i32; BOTH], b: &[i32; BOTH]) -> [i32; BOTH] {
    for (a, b) in a.iter_mut().zip(b) {
        *a += b;
    }
    a
}

/// A word's token information and the summed weights of the features that depend on its text
/// alone: as the token itself and as each neighbour of a token.
struct WordScores {
    token: TokenInfo,
    own: [i32; BOTH],
    around: [[i32; BOTH]; 4],
    /// The word's history features after an O label, the label most tokens follow.
    after_o: [i32; BOTH],
}

/// Per word, its [`WordScores`], for the model last used on this thread:
/// most tokens are words seen before.
struct WordCache {
    model: u64,
    /// Word key → index in `scores`.
    words: HashMap<u64, u32, BuildIdentity>,
    scores: Vec<WordScores>,
}

fn next_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

thread_local! {
    static WORD_CACHE: RefCell<WordCache> = RefCell::new(WordCache {
        model: 0,
        words: HashMap::default(),
        scores: Vec::new(),
    });
}

/// A trained named-entity tagger for news English (CoNLL-2003 types: PER, ORG, LOC, MISC).
///
/// The first pass tags each sentence from its own words; the second, if the model has one,
/// also reads what the first pass said about the same words elsewhere in the document.
/// Build it once ([`NerModel::builtin`] does) and share it: it is `Send + Sync`.
pub struct NerModel {
    /// Tells models apart in the per-thread word cache.
    id: u64,
    weights: Table<BOTH>,
    scales: [f32; 2],
    passes: u32,
    lists: NerLists,
    /// Summed weights of [`features::label_history`] for every (previous, before) pair.
    label_history: Vec<[i32; BOTH]>,
}

/// Labels a history feature may name: the tags and the start of a sentence.
const HISTORY_LABELS: usize = LABELS + 1;

impl fmt::Debug for NerModel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NerModel")
            .field("features", &self.weights.len)
            .field("passes", &self.passes)
            .finish()
    }
}

impl NerModel {
    /// The model that ships with the crate, read once on first use (a few milliseconds).
    pub fn builtin() -> &'static NerModel {
        static MODEL: OnceLock<NerModel> = OnceLock::new();
        MODEL.get_or_init(|| match NerModel::from_bytes(BUILTIN) {
            Ok(model) => model,
            // The embedded file is checked by the crate's tests; an empty model tags all O.
            Err(_) => NerModel::empty(),
        })
    }

    fn empty() -> NerModel {
        NerModel::assemble(
            Table::build(std::iter::empty()),
            [1.0, 1.0],
            1,
            NerLists {
                gazetteer: Gazetteer::from_entries(std::iter::empty()),
                clusters: Clusters::from_entries(std::iter::empty(), std::iter::empty()),
            },
        )
    }

    /// A model from its parts, with the label-pair history sums worked out once.
    fn assemble(weights: Table<BOTH>, scales: [f32; 2], passes: u32, lists: NerLists) -> Self {
        let mut model = NerModel {
            id: next_id(),
            weights,
            scales,
            passes,
            lists,
            label_history: Vec::new(),
        };
        model.label_history = (0..HISTORY_LABELS * HISTORY_LABELS)
            .map(|pair| {
                let keys = features::label_history(
                    (pair / HISTORY_LABELS) as Label,
                    (pair % HISTORY_LABELS) as Label,
                );
                model.sum(&keys, [0; BOTH])
            })
            .collect();
        model
    }

    /// Joins the pass tables (training's output) into one model.
    pub(crate) fn new(first: WeightTable, second: Option<WeightTable>, lists: NerLists) -> Self {
        let mut entries: std::collections::BTreeMap<u64, [i16; BOTH]> =
            std::collections::BTreeMap::new();
        for (key, w) in first.table.entries() {
            entries.entry(key).or_insert([0; BOTH])[..LABELS].copy_from_slice(&w);
        }
        let mut scales = [first.scale, 1.0];
        if let Some(second) = &second {
            scales[1] = second.scale;
            for (key, w) in second.table.entries() {
                entries.entry(key).or_insert([0; BOTH])[LABELS..].copy_from_slice(&w);
            }
        }
        NerModel::assemble(
            Table::build(entries.into_iter()),
            scales,
            if second.is_some() { 2 } else { 1 },
            lists,
        )
    }

    /// Reads a model saved by [`NerModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<NerModel, NerError> {
        let mut r = Reader { bytes };
        if &r.take::<4>()? != MAGIC {
            return Err(NerError::from_message(
                "model: not a Dossier NER model (no DNER header)",
            ));
        }
        let version = r.u32()?;
        if version != VERSION {
            return Err(NerError::from_message(format!(
                "model: version {version}, this build reads {VERSION}"
            )));
        }
        let passes = r.u32()?;
        let scales = [r.f32()?, r.f32()?];
        let count = r.count(8 + 2 * BOTH, "features")?;
        let weights = r.records(count, 8 + 2 * BOTH).map(|b| {
            let key = u64::from_le_bytes(b[..8].try_into().unwrap_or_default());
            let mut w = [0i16; BOTH];
            for (slot, pair) in w.iter_mut().zip(b[8..].chunks_exact(2)) {
                *slot = i16::from_le_bytes([pair[0], pair[1]]);
            }
            (key, w)
        });

        let count = r.count(12, "gazetteer entries")?;
        let gazetteer = r.records(count, 12).map(|b| {
            (
                u64::from_le_bytes(b[..8].try_into().unwrap_or_default()),
                u32::from_le_bytes(b[8..12].try_into().unwrap_or_default()),
            )
        });
        let class = |b: &[u8]| {
            let mut kmeans = [0u16; LEVELS];
            for (k, pair) in kmeans.iter_mut().zip(b[12..].chunks_exact(2)) {
                *k = u16::from_le_bytes([pair[0], pair[1]]);
            }
            (
                u64::from_le_bytes(b[..8].try_into().unwrap_or_default()),
                WordClass {
                    kmeans,
                    brown: u32::from_le_bytes(b[8..12].try_into().unwrap_or_default()),
                },
            )
        };
        let count = r.count(CLASS_BYTES, "word classes")?;
        let exact = r.records(count, CLASS_BYTES).map(class);
        let count = r.count(CLASS_BYTES, "word classes")?;
        let lower = r.records(count, CLASS_BYTES).map(class);
        // The three tables are independent: build them side by side.
        let (weights, gazetteer, clusters) = std::thread::scope(|scope| {
            let weights = scope.spawn(|| Table::build(weights));
            let gazetteer = scope.spawn(|| Gazetteer::from_entries(gazetteer));
            let clusters = Clusters::from_entries(exact, lower);
            (weights.join(), gazetteer.join(), clusters)
        });
        let (Ok(weights), Ok(gazetteer)) = (weights, gazetteer) else {
            return Err(NerError::from_message("model: building its tables failed"));
        };
        Ok(NerModel::assemble(
            weights,
            scales,
            passes,
            NerLists {
                gazetteer,
                clusters,
            },
        ))
    }

    /// The model as bytes (what `dossier train ner --out` writes).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend(MAGIC);
        out.extend(VERSION.to_le_bytes());
        out.extend(self.passes.to_le_bytes());
        out.extend(self.scales[0].to_le_bytes());
        out.extend(self.scales[1].to_le_bytes());
        let entries = self.weights.entries();
        out.extend((entries.len() as u64).to_le_bytes());
        for (key, weights) in entries {
            out.extend(key.to_le_bytes());
            for w in weights {
                out.extend(w.to_le_bytes());
            }
        }
        let gazetteer = self.lists.gazetteer.entries();
        out.extend((gazetteer.len() as u64).to_le_bytes());
        for (key, bits) in gazetteer {
            out.extend(key.to_le_bytes());
            out.extend(bits.to_le_bytes());
        }
        for table in self.lists.clusters.entries() {
            out.extend((table.len() as u64).to_le_bytes());
            for (key, class) in table {
                out.extend(key.to_le_bytes());
                out.extend(class.brown.to_le_bytes());
                for k in class.kmeans {
                    out.extend(k.to_le_bytes());
                }
            }
        }
        out
    }

    /// Number of features with weights.
    pub fn feature_count(&self) -> usize {
        self.weights.len
    }

    /// Tags the tokens of one sentence (BIO).
    pub fn tag(&self, tokens: &[&str]) -> Vec<Tag> {
        let mut out = self.tag_document(&[tokens]);
        out.pop().unwrap_or_default()
    }

    /// Adds the history weights of pass `pass` (0 or 1) for token `t` to `scores`: after an O
    /// label the word's part comes from `after_o`, worked out once per word.
    #[inline]
    fn add_history(
        &self,
        t: &TokenInfo,
        after_o: &[i32; BOTH],
        previous: Label,
        before: Label,
        pass: usize,
        scores: &mut [f32; LABELS],
    ) {
        let pair = self.label_history[usize::from(previous) * HISTORY_LABELS + usize::from(before)];
        let sum = if previous == O {
            add(pair, after_o)
        } else {
            self.sum(&features::word_history(t, previous), pair)
        };
        self.add_pass(&sum, pass, scores);
    }

    /// Adds pass `pass` of summed weights to `scores`.
    #[inline]
    fn add_pass(&self, sum: &[i32; BOTH], pass: usize, scores: &mut [f32; LABELS]) {
        let scale = self.scales[pass];
        for (s, &v) in scores
            .iter_mut()
            .zip(&sum[pass * LABELS..(pass + 1) * LABELS])
        {
            *s += v as f32 * scale;
        }
    }

    /// Adds the weights of both passes of `features` to `sum`.
    #[inline]
    fn sum(&self, features: &[u64], sum: [i32; BOTH]) -> [i32; BOTH] {
        self.weights.touch(features);
        self.sum_ready(features, sum)
    }

    /// [`NerModel::sum`] for features whose slots were already asked for.
    #[inline]
    fn sum_ready(&self, features: &[u64], mut sum: [i32; BOTH]) -> [i32; BOTH] {
        for &key in features {
            if let Some(w) = self.weights.get(key) {
                for (s, &w) in sum.iter_mut().zip(w) {
                    *s += i32::from(w);
                }
            }
        }
        sum
    }

    /// Tags the sentences of one document; names repeated across sentences inform each other.
    pub fn tag_document<S: AsRef<[T]>, T: AsRef<str>>(&self, sentences: &[S]) -> Vec<Vec<Tag>> {
        WORD_CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            if cache.model != self.id || cache.words.len() > MAX_CACHED_WORDS {
                cache.model = self.id;
                cache.words.clear();
                cache.scores.clear();
            }
            self.tag_with(&mut cache, sentences)
        })
    }

    /// [`NerModel::tag_document`] with this thread's word cache.
    fn tag_with<S: AsRef<[T]>, T: AsRef<str>>(
        &self,
        cache: &mut WordCache,
        sentences: &[S],
    ) -> Vec<Vec<Tag>> {
        let mut infos: Vec<SentenceInfo> = Vec::with_capacity(sentences.len());
        // Each token's index in the word cache.
        let mut words_of: Vec<Vec<u32>> = Vec::with_capacity(sentences.len());
        // Scores of the label-independent features, for both passes.
        let mut base: Vec<Vec<[[f32; LABELS]; 2]>> = Vec::with_capacity(sentences.len());
        let mut words: Vec<&str> = Vec::new();
        let mut features: Vec<u64> = Vec::with_capacity(64);
        let mut local: Vec<u64> = Vec::with_capacity(1024);
        let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(64);
        let padding: [[i32; BOTH]; 4] = std::array::from_fn(|slot| {
            features.clear();
            features::neighbour_features(None, slot, &mut features);
            self.sum(&features, [0; BOTH])
        });
        let WordCache {
            words: known,
            scores: cached,
            ..
        } = cache;
        for sentence in sentences {
            words.clear();
            words.extend(sentence.as_ref().iter().map(AsRef::as_ref));
            let mut info = SentenceInfo::default();
            let mut indices: Vec<u32> = Vec::with_capacity(words.len());
            info.fill_with(&words, &self.lists, |text| {
                let key = hash::word(text);
                let index = *known.entry(key).or_insert_with(|| {
                    let token = TokenInfo::new(text, &self.lists);
                    features.clear();
                    features::word_features(&token, &mut features);
                    let own = self.sum(&features, [0; BOTH]);
                    let around = std::array::from_fn(|slot| {
                        features.clear();
                        features::neighbour_features(Some(&token), slot, &mut features);
                        self.sum(&features, [0; BOTH])
                    });
                    let after_o = self.sum(&features::word_history(&token, O), [0; BOTH]);
                    cached.push(WordScores {
                        token,
                        own,
                        around,
                        after_o,
                    });
                    (cached.len() - 1) as u32
                });
                indices.push(index);
                cached[index as usize].token.clone()
            });
            // Every token's local features first, their slots asked for as they come, so
            // that the fetches overlap the work of building the rest.
            local.clear();
            ranges.clear();
            for i in 0..info.len() {
                let start = local.len();
                features::local_features(&info, i, &mut local);
                self.weights.touch(&local[start..]);
                ranges.push((start, local.len()));
            }
            let scores = (0..info.len())
                .map(|i| {
                    let mut sum = cached[indices[i] as usize].own;
                    for (slot, &offset) in features::OFFSETS.iter().enumerate() {
                        let j = i as isize + offset;
                        let around = if j >= 0 && (j as usize) < indices.len() {
                            &cached[indices[j as usize] as usize].around[slot]
                        } else {
                            &padding[slot]
                        };
                        sum = add(sum, around);
                    }
                    let (start, end) = ranges[i];
                    sum = self.sum_ready(&local[start..end], sum);
                    let mut both = [[0.0f32; LABELS]; 2];
                    for k in 0..LABELS {
                        both[0][k] = sum[k] as f32 * self.scales[0];
                        both[1][k] = sum[LABELS + k] as f32 * self.scales[1];
                    }
                    both
                })
                .collect();
            infos.push(info);
            base.push(scores);
            words_of.push(indices);
        }
        let after_o = |indices: &[u32], i: usize| &cached[indices[i] as usize].after_o;
        let mut labels: Vec<Label> = Vec::new();
        let mut first: Vec<Vec<Label>> = Vec::with_capacity(sentences.len());
        for ((info, base), indices) in infos.iter().zip(&base).zip(&words_of) {
            decode::greedy(
                info.len(),
                |i| base[i][0],
                |i, previous, before, scores| {
                    let after = after_o(indices, i);
                    self.add_history(&info.tokens[i], after, previous, before, 0, scores);
                },
                &mut labels,
            );
            first.push(labels.clone());
        }
        if self.passes < 2 {
            return first.iter().map(|l| labels_to_bio(l)).collect();
        }
        let refs: Vec<&SentenceInfo> = infos.iter().collect();
        let extra = document::features(&refs, &first);
        infos
            .iter()
            .zip(&base)
            .zip(&words_of)
            .zip(&extra)
            .map(|(((info, base), indices), extra)| {
                self.weights.touch(&extra.features);
                decode::greedy(
                    info.len(),
                    |i| {
                        let mut scores = base[i][1];
                        self.add_pass(&self.sum_ready(extra.of(i), [0; BOTH]), 1, &mut scores);
                        scores
                    },
                    |i, previous, before, scores| {
                        let after = after_o(indices, i);
                        self.add_history(&info.tokens[i], after, previous, before, 1, scores);
                    },
                    &mut labels,
                );
                labels_to_bio(&labels)
            })
            .collect()
    }
}
