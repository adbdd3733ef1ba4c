//! Features of a token in its sentence: the word and its form (case, shape, affixes), its
//! neighbours within two tokens, list memberships, word clusters, the tags already given to the
//! tokens before it and, in the second pass, what the first pass said about the same word
//! elsewhere in the document. Each feature is a 64-bit hash of a template id and its values.

use super::clusters::{LEVELS, WordClass};
use super::gazetteer::Match;
use super::hash::{self, mix, shape_char};
use super::resources::NerLists;
use super::tag::Label;

/// What one token contributes to its own and its neighbours' features.
#[derive(Debug, Clone, Default)]
pub(crate) struct TokenInfo {
    pub word: u64,
    pub lower: u64,
    shape: u64,
    pub short_shape: u64,
    prefix: [u64; 4],
    suffix: [u64; 4],
    clusters: [u16; LEVELS],
    class: WordClass,
    /// Bit set of gazetteer categories of the entries covering the token.
    pub gazetteer: u32,
    /// The gazetteer's bits for the word alone ([`super::gazetteer::Gazetteer::word_bits`]).
    word_bits: u32,
    /// Whether the token starts with an upper-case letter.
    pub is_capitalized: bool,
    pub is_all_caps: bool,
    /// Whether the token starts with a digit.
    pub is_number: bool,
}

/// A sentence made ready for tagging.
#[derive(Debug, Default)]
pub(crate) struct SentenceInfo {
    pub tokens: Vec<TokenInfo>,
    /// Gazetteer features of each token (category × place in the entry), flattened.
    gazetteer_features: Vec<u64>,
    gazetteer_ranges: Vec<(u32, u32)>,
    /// Whether the sentence is written in capitals (a headline).
    is_headline: bool,
    matches: Vec<Match>,
}

impl TokenInfo {
    pub(crate) fn new(text: &str, resources: &NerLists) -> TokenInfo {
        let word = hash::word(text);
        let lower = hash::lower(text);
        let mut shape = 0xcbf2_9ce4_8422_2325u64;
        let mut short_shape = shape;
        let mut last = '\0';
        let mut upper = 0;
        let mut letters = 0;
        for (n, c) in text.chars().enumerate() {
            let s = shape_char(c);
            if n < 12 {
                shape = mix(shape, s as u64);
            }
            if s != last {
                short_shape = mix(short_shape, s as u64);
                last = s;
            }
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                }
            }
        }
        let mut prefix = [0; 4];
        let mut h = 0xcbf2_9ce4_8422_2325u64;
        for (slot, c) in prefix.iter_mut().zip(text.chars()) {
            h = mix(h, c as u64);
            *slot = h;
        }
        let mut suffix = [0; 4];
        let mut h = 0x84222325cbf29ce4u64;
        for (slot, c) in suffix.iter_mut().zip(text.chars().rev()) {
            h = mix(h, c as u64);
            *slot = h;
        }
        let (class, _) = resources.clusters.get(word, lower);
        TokenInfo {
            word,
            lower,
            shape,
            short_shape,
            prefix,
            suffix,
            clusters: class.kmeans,
            class,
            gazetteer: 0,
            word_bits: resources.gazetteer.word_bits(lower),
            is_capitalized: text.chars().next().is_some_and(char::is_uppercase),
            is_all_caps: letters > 0 && upper == letters,
            is_number: text.starts_with(|c: char| c.is_ascii_digit()),
        }
    }
}

impl SentenceInfo {
    /// Prepares the tokens of one sentence, reusing this value's buffers.
    pub(crate) fn fill(&mut self, tokens: &[&str], resources: &NerLists) {
        self.fill_with(tokens, resources, |t| TokenInfo::new(t, resources));
    }

    /// Like [`SentenceInfo::fill`], with the token information made by `make` (a cache).
    pub(crate) fn fill_with(
        &mut self,
        tokens: &[&str],
        resources: &NerLists,
        make: impl FnMut(&str) -> TokenInfo,
    ) {
        self.tokens.clear();
        self.tokens.extend(tokens.iter().copied().map(make));
        let lower: Vec<u64> = self.tokens.iter().map(|t| t.lower).collect();
        let word_bits: Vec<u32> = self.tokens.iter().map(|t| t.word_bits).collect();
        resources
            .gazetteer
            .find(&lower, &word_bits, &mut self.matches);
        self.gazetteer_features.clear();
        self.gazetteer_ranges.clear();
        for (i, token) in self.tokens.iter_mut().enumerate() {
            let start = self.gazetteer_features.len() as u32;
            for m in self.matches.iter().filter(|m| m.start <= i && i < m.end) {
                token.gazetteer |= m.categories;
                let place = match (m.start == i, m.end == i + 1) {
                    (true, true) => 0,
                    (true, false) => 1,
                    (false, true) => 2,
                    (false, false) => 3,
                };
                let mut bits = m.categories;
                while bits != 0 {
                    let bit = u64::from(bits.trailing_zeros());
                    bits &= bits - 1;
                    self.gazetteer_features.push(mix(bit, place));
                }
            }
            self.gazetteer_ranges
                .push((start, self.gazetteer_features.len() as u32));
        }
        let letters: Vec<&TokenInfo> = self
            .tokens
            .iter()
            .filter(|t| t.is_all_caps || t.is_capitalized)
            .collect();
        let caps = letters.iter().filter(|t| t.is_all_caps).count();
        self.is_headline = caps >= 2 && caps * 10 >= letters.len() * 9 && tokens.len() > 1;
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }
}

// Template ids. Changing any of them, or what a template hashes, changes the model: retrain.
const BIAS: u64 = 1;
const WORD: u64 = 2;
const LOWER: u64 = 3;
const SHAPE: u64 = 4;
const SHORT_SHAPE: u64 = 5;
const PREFIX: u64 = 6;
const SUFFIX: u64 = 10;
const LOWER_AT: u64 = 20;
const SHAPE_AT: u64 = 30;
const BIGRAM_LEFT: u64 = 40;
const BIGRAM_RIGHT: u64 = 41;
const SHAPE_TRIGRAM: u64 = 42;
const SHAPE_LEFT: u64 = 43;
const SHAPE_RIGHT: u64 = 44;
const FIRST: u64 = 45;
const FIRST_LOWER: u64 = 46;
const HEADLINE_LOWER: u64 = 47;
const HEADLINE_LEFT: u64 = 48;
const HEADLINE_RIGHT: u64 = 49;
const CLUSTER: u64 = 50;
const CLUSTER_AT: u64 = 55;
const GAZETTEER: u64 = 60;
const GAZETTEER_AT: u64 = 61;
const GAZETTEER_SHAPE: u64 = 62;
const POSITION: u64 = 63;
const CLUSTER_SHAPE: u64 = 64;
const GAZETTEER_CASE: u64 = 65;
const BROWN: u64 = 80;
const BROWN_AT: u64 = 85;
const PREVIOUS: u64 = 70;
const PREVIOUS_TWO: u64 = 71;
const PREVIOUS_LOWER: u64 = 72;
const PREVIOUS_SHAPE: u64 = 73;
const PREVIOUS_CLUSTER: u64 = 74;
const BROWN_FAR: u64 = 96;
const LOWER_TRIGRAM: u64 = 98;
const GAZETTEER_FAR: u64 = 99;
const SHAPE_LOWER_LEFT: u64 = 200;
const LOWER_SHAPE_RIGHT: u64 = 201;
/// Second-pass templates (see `document.rs`) start here.
pub(crate) const DOCUMENT: u64 = 100;

use hash::{key, key2};

const PAD_LEFT: u64 = 0x1111;
const PAD_RIGHT: u64 = 0x2222;

/// Features that do not depend on the tags before the token.
pub(crate) fn static_features(s: &SentenceInfo, i: usize, out: &mut Vec<u64>) {
    word_features(&s.tokens[i], out);
    context_features(s, i, out);
}

/// The features of a token that depend on its text alone (the same wherever it stands), so
/// that their summed weights can be cached per word.
pub(crate) fn word_features(t: &TokenInfo, out: &mut Vec<u64>) {
    out.push(key(BIAS, 0));
    out.push(key(WORD, t.word));
    out.push(key(LOWER, t.lower));
    out.push(key(SHAPE, t.shape));
    out.push(key(SHORT_SHAPE, t.short_shape));
    for k in 0..4 {
        if t.prefix[k] != 0 {
            out.push(key(PREFIX + k as u64, t.prefix[k]));
        }
        if t.suffix[k] != 0 {
            out.push(key(SUFFIX + k as u64, t.suffix[k]));
        }
    }
    for level in 0..LEVELS {
        let c = u64::from(t.clusters[level]);
        out.push(key2(CLUSTER + level as u64, c, 0));
    }
    out.push(key2(CLUSTER_SHAPE, u64::from(t.clusters[1]), t.short_shape));
    let brown = t.class.brown;
    for (k, bits) in [4u32, 6, 10, 20].into_iter().enumerate() {
        out.push(key2(
            BROWN + k as u64,
            u64::from(brown & ((1 << bits) - 1)),
            u64::from(brown == 0),
        ));
    }
}

/// Where the neighbour features look, relative to the token.
pub(crate) const OFFSETS: [isize; 4] = [-2, -1, 1, 2];

/// The features a token gets from its neighbour at `OFFSETS[slot]` (None past the sentence
/// edge): they depend on the neighbour's text alone, so their weights can be cached per word.
pub(crate) fn neighbour_features(neighbour: Option<&TokenInfo>, slot: usize, out: &mut Vec<u64>) {
    let offset = OFFSETS[slot];
    let pad = if offset < 0 { PAD_LEFT } else { PAD_RIGHT };
    out.push(key(
        LOWER_AT + slot as u64,
        neighbour.map_or(pad, |t| t.lower),
    ));
    out.push(key(
        SHAPE_AT + slot as u64,
        neighbour.map_or(pad, |t| t.short_shape),
    ));
    if offset.abs() == 1 {
        let side = u64::from(offset == 1);
        let cluster = neighbour.map_or(u64::MAX, |t| u64::from(t.clusters[1]));
        out.push(key2(CLUSTER_AT + side, cluster, 0));
        let brown = neighbour.map_or(u64::MAX, |t| u64::from(t.class.brown & 0x3ff));
        out.push(key2(BROWN_AT + side, brown, 0));
        // Coarser Brown paths of the next words too; of the words two away, paths and clusters
        // (all cached per word, so they cost nothing per token).
        for bits in [4u32, 6] {
            let b = neighbour.map_or(u64::MAX, |t| u64::from(t.class.brown & ((1 << bits) - 1)));
            out.push(key2(BROWN_AT + side, b, u64::from(bits)));
        }
    } else {
        let side = u64::from(offset > 0);
        for bits in [6u32, 10] {
            let b = neighbour.map_or(u64::MAX, |t| u64::from(t.class.brown & ((1 << bits) - 1)));
            out.push(key2(BROWN_FAR + side, b, u64::from(bits)));
        }
        let cluster = neighbour.map_or(u64::MAX, |t| u64::from(t.clusters[1]));
        out.push(key2(BROWN_FAR + side, cluster, 99));
    }
}

/// The token at `offset` from `i`, if inside the sentence.
#[inline]
pub(crate) fn neighbour(s: &SentenceInfo, i: usize, offset: isize) -> Option<&TokenInfo> {
    let j = i as isize + offset;
    (j >= 0 && (j as usize) < s.tokens.len()).then(|| &s.tokens[j as usize])
}

/// The features of a token that depend on its neighbours, its place and the gazetteer.
pub(crate) fn context_features(s: &SentenceInfo, i: usize, out: &mut Vec<u64>) {
    for (slot, &offset) in OFFSETS.iter().enumerate() {
        neighbour_features(neighbour(s, i, offset), slot, out);
    }
    local_features(s, i, out);
}

/// The context features other than the neighbours' own ([`neighbour_features`]).
pub(crate) fn local_features(s: &SentenceInfo, i: usize, out: &mut Vec<u64>) {
    let t = &s.tokens[i];
    let at = |offset: isize| neighbour(s, i, offset);
    let lower_at = |offset: isize| {
        at(offset).map_or(if offset < 0 { PAD_LEFT } else { PAD_RIGHT }, |t| t.lower)
    };
    let shape_at = |offset: isize| {
        at(offset).map_or(if offset < 0 { PAD_LEFT } else { PAD_RIGHT }, |t| {
            t.short_shape
        })
    };
    let case = u64::from(t.is_capitalized) + 2 * u64::from(t.is_all_caps);
    out.push(key2(BIGRAM_LEFT, lower_at(-1), t.lower));
    out.push(key2(BIGRAM_RIGHT, t.lower, lower_at(1)));
    out.push(key2(
        SHAPE_TRIGRAM,
        mix(shape_at(-1), t.short_shape),
        shape_at(1),
    ));
    out.push(key2(SHAPE_LEFT, shape_at(-1), t.short_shape));
    out.push(key2(SHAPE_RIGHT, t.short_shape, shape_at(1)));
    out.push(key(POSITION, i.min(3) as u64));
    if i == 0 {
        out.push(key(FIRST, t.short_shape));
        out.push(key(FIRST_LOWER, t.lower));
    }
    if s.is_headline {
        out.push(key(HEADLINE_LOWER, t.lower));
        out.push(key(HEADLINE_LEFT, lower_at(-1)));
        out.push(key(HEADLINE_RIGHT, lower_at(1)));
    }
    let (start, end) = s.gazetteer_ranges[i];
    for &g in &s.gazetteer_features[start as usize..end as usize] {
        out.push(key(GAZETTEER, g));
        out.push(key2(GAZETTEER_CASE, g, case));
    }
    if t.gazetteer != 0 {
        out.push(key2(GAZETTEER_SHAPE, u64::from(t.gazetteer), t.short_shape));
    }
    for (slot, offset) in [-1isize, 1].into_iter().enumerate() {
        if let Some(n) = at(offset).filter(|n| n.gazetteer != 0) {
            out.push(key2(
                GAZETTEER_AT + slot as u64 * 1000,
                u64::from(n.gazetteer),
                0,
            ));
        }
    }
    // The word in its three-word window, the left word with this word's shape and this word's
    // shape with the right word; list entries two words away.
    out.push(key2(LOWER_TRIGRAM, mix(lower_at(-1), t.lower), lower_at(1)));
    out.push(key2(SHAPE_LOWER_LEFT, lower_at(-1), t.short_shape));
    out.push(key2(LOWER_SHAPE_RIGHT, t.short_shape, lower_at(1)));
    for (slot, offset) in [-2isize, 2].into_iter().enumerate() {
        if let Some(n) = at(offset).filter(|n| n.gazetteer != 0) {
            out.push(key2(GAZETTEER_FAR, u64::from(n.gazetteer), slot as u64));
        }
    }
}

/// Features that depend on the labels of the two tokens before.
#[inline]
pub(crate) fn history_features(
    s: &SentenceInfo,
    i: usize,
    previous: Label,
    before: Label,
    out: &mut [u64; HISTORY],
) {
    let [a, b] = label_history(previous, before);
    let [c, d, e] = word_history(&s.tokens[i], previous);
    *out = [a, b, c, d, e];
}

/// The history features that depend on the two labels alone.
#[inline]
pub(crate) fn label_history(previous: Label, before: Label) -> [u64; 2] {
    let p = u64::from(previous);
    [key(PREVIOUS, p), key2(PREVIOUS_TWO, p, u64::from(before))]
}

/// The history features that join the previous label with the token's own word.
#[inline]
pub(crate) fn word_history(t: &TokenInfo, previous: Label) -> [u64; 3] {
    let p = u64::from(previous);
    [
        key2(PREVIOUS_LOWER, p, t.lower),
        key2(PREVIOUS_SHAPE, p, t.short_shape),
        key2(PREVIOUS_CLUSTER, p, u64::from(t.clusters[1])),
    ]
}

/// Number of history features.
pub(crate) const HISTORY: usize = 5;
