//! Features of a token for the attribution tagger: the word and its neighbours, quotation
//! state, cue words near it in the sentence, and what the tagger already said to its left.

use super::tokens::{Kind, Tok};
use crate::ner::hash::{mix, shape_char, word};

/// The labels: outside, then begin/inside of source, cue and content.
pub(crate) const LABELS: usize = 7;
pub(crate) const O: u8 = 0;
pub(crate) const B_CONTENT: u8 = 5;

/// The role of a label: 0 none, 1 source, 2 cue, 3 content.
pub(crate) fn role(label: u8) -> u8 {
    label.div_ceil(2)
}

const SEED: u64 = 0x9e37_79b9_7f4a_7c15;

#[inline]
pub(crate) fn key(template: u64, value: u64) -> u64 {
    crate::ner::hash::key(mix(SEED, template), value)
}

#[inline]
pub(crate) fn key2(template: u64, a: u64, b: u64) -> u64 {
    crate::ner::hash::key2(mix(SEED, template), a, b)
}

pub(crate) fn shape(text: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    let mut last = ' ';
    let mut n = 0;
    for c in text.chars() {
        let s = shape_char(c);
        if s != last {
            h = mix(h, s as u64);
            last = s;
            n += 1;
            if n > 6 {
                break;
            }
        }
    }
    h
}

pub(crate) fn bucket(d: usize) -> u64 {
    match d {
        0 => 0,
        1 => 1,
        2 => 2,
        3 => 3,
        4..=5 => 4,
        6..=8 => 5,
        9..=13 => 6,
        14..=20 => 7,
        _ => 8,
    }
}

/// What the features need to know about the words.
pub(crate) struct Lists<'a> {
    pub is_cue: &'a dyn Fn(&str) -> bool,
}

/// The fixed features of every token of a document, in one buffer: each token has a slot
/// of [`Fixed::SLOT`] features, filled by [`static_features`] and then [`stack_features`].
#[derive(Clone, Default)]
pub(crate) struct Fixed {
    features: Vec<u64>,
    lens: Vec<u8>,
}

impl Fixed {
    /// Room for a token's features: the static ones and the stacked ones fill under 50.
    const SLOT: usize = 64;

    pub(crate) fn with_tokens(n: usize) -> Self {
        Fixed {
            features: vec![0; n * Self::SLOT],
            lens: vec![0; n],
        }
    }

    /// The features of token `k`.
    pub(crate) fn token(&self, k: usize) -> &[u64] {
        let start = k * Self::SLOT;
        &self.features[start..start + usize::from(self.lens[k])]
    }

    /// Adds features to token `k`'s slot.
    pub(crate) fn extend(&mut self, k: usize, features: &[u64]) {
        let len = usize::from(self.lens[k]);
        let room = Self::SLOT - len;
        debug_assert!(
            features.len() <= room,
            "a token's features overflow its slot"
        );
        let n = features.len().min(room);
        let start = k * Self::SLOT + len;
        self.features[start..start + n].copy_from_slice(&features[..n]);
        self.lens[k] = (len + n) as u8;
    }
}

/// The static features that read a token's own word alone: a bias, its lowercase form, its
/// form as written, its shape, its last and first three letters.
pub(crate) fn own_word_features(t: &Tok) -> [u64; 6] {
    let m = t.lower.chars().count();
    [
        key(1, 0),
        key(2, t.key),
        key(3, word(t.text)),
        key(4, t.shape),
        key(
            5,
            crate::ner::hash::chars(t.lower.chars().skip(m.saturating_sub(3))),
        ),
        key(6, crate::ner::hash::chars(t.lower.chars().take(3))),
    ]
}

/// The value a neighbour feature reads past either end of the document.
pub(crate) const NO_WORD: u64 = 0x5151;

/// The static features that read one neighbour's lowercase word alone, by the place it
/// stands in: two before, one before, one after, two after the token, and the nearest cue
/// word of the sentence before it and after it.
pub(crate) fn neighbour_word_features(lower: u64) -> [u64; 6] {
    [
        key(7, lower),
        key(8, lower),
        key(9, lower),
        key(10, lower),
        key(24, lower),
        key(27, lower),
    ]
}

/// Where a token's static features that read one word alone find that word
/// ([`neighbour_word_features`] order: a token index, `None` past either end of the document
/// or where the sentence has no cue word on that side).
pub(crate) struct Near {
    pub(crate) words: [Option<usize>; 6],
}

/// Features that do not depend on the labels, for every token in order, handed to `each`
/// with the token's index and where its word features look. With `word_features` false, the
/// features that read one word alone ([`own_word_features`], [`neighbour_word_features`]) are
/// left out, for a caller that sums their weights once per word.
pub(crate) fn static_features(
    tokens: &[Tok],
    lists: &Lists,
    word_features: bool,
    mut each: impl FnMut(usize, &[u64], &Near),
) {
    let n = tokens.len();
    let cue: Vec<bool> = tokens
        .iter()
        .map(|t| t.kind == Kind::Word && (lists.is_cue)(&t.lower))
        .collect();
    // sentence bounds
    let mut sent_start = vec![0usize; n];
    let mut sent_end = vec![0usize; n];
    for k in 0..n {
        sent_start[k] = if k > 0 && tokens[k - 1].sentence == tokens[k].sentence {
            sent_start[k - 1]
        } else {
            k
        };
    }
    for k in (0..n).rev() {
        sent_end[k] = if k + 1 < n && tokens[k + 1].sentence == tokens[k].sentence {
            sent_end[k + 1]
        } else {
            k + 1
        };
    }
    // previous/next cue word in the sentence
    let mut prev_cue = vec![usize::MAX; n];
    let mut next_cue = vec![usize::MAX; n];
    for k in 0..n {
        if k > sent_start[k] {
            prev_cue[k] = if cue[k - 1] { k - 1 } else { prev_cue[k - 1] };
        }
    }
    for k in (0..n).rev() {
        if k + 1 < sent_end[k] {
            next_cue[k] = if cue[k + 1] { k + 1 } else { next_cue[k + 1] };
        }
    }
    // quotation marks and colons seen in the sentence so far / ahead
    let mut colon_before = vec![false; n];
    let mut quote_in_sentence = vec![false; n];
    for k in 0..n {
        colon_before[k] = k > sent_start[k] && (colon_before[k - 1] || tokens[k - 1].text == ":");
    }
    for k in 0..n {
        if k == sent_start[k] {
            let any = tokens[k..sent_end[k]]
                .iter()
                .any(|t| matches!(t.kind, Kind::Open | Kind::Close));
            for q in &mut quote_in_sentence[k..sent_end[k]] {
                *q = any;
            }
        }
    }
    // "that", closing quotation marks and commas before each index, to ask of any stretch
    let count_before = |is: &dyn Fn(&Tok) -> bool| -> Vec<u32> {
        let mut counts = Vec::with_capacity(n + 1);
        counts.push(0u32);
        for (k, t) in tokens.iter().enumerate() {
            counts.push(counts[k] + u32::from(is(t)));
        }
        counts
    };
    let thats = count_before(&|t| t.lower == "that");
    let closes = count_before(&|t| t.kind == Kind::Close);
    let commas = count_before(&|t| t.text == ",");
    let any_in = |counts: &[u32], from: usize, to: usize| from < to && counts[to] > counts[from];
    let w = |k: isize| -> u64 {
        if k < 0 || k as usize >= n {
            return NO_WORD;
        }
        tokens[k as usize].key
    };
    let mut f = Vec::with_capacity(Fixed::SLOT);
    for k in 0..n {
        let t = &tokens[k];
        let i = k as isize;
        f.clear();
        let lw = w(i);
        let iq = u64::from(t.in_quote);
        let kind = t.kind as u64;
        let pc = prev_cue[k];
        let nc = next_cue[k];
        if word_features {
            f.extend(own_word_features(t));
            f.extend([
                key(7, w(i - 1)),
                key(8, w(i - 2)),
                key(9, w(i + 1)),
                key(10, w(i + 2)),
            ]);
        }
        f.push(key2(11, w(i - 1), lw));
        f.push(key2(12, lw, w(i + 1)));
        f.push(key2(13, kind, iq));
        f.push(key2(14, u64::from(t.line_start), iq));
        let first = k == sent_start[k];
        let last = k + 1 == sent_end[k];
        f.push(key2(15, u64::from(first), u64::from(last)));
        f.push(key2(16, u64::from(cue[k]), iq));
        if k > 0 {
            f.push(key2(17, u64::from(cue[k - 1]), lw));
            f.push(key2(18, tokens[k - 1].kind as u64, kind));
        }
        if k + 1 < n {
            f.push(key2(19, u64::from(cue[k + 1]), lw));
            f.push(key2(20, kind, tokens[k + 1].kind as u64));
        }
        let pd = if pc == usize::MAX { 99 } else { bucket(k - pc) };
        let nd = if nc == usize::MAX { 99 } else { bucket(nc - k) };
        f.push(key2(21, pd, iq));
        f.push(key2(22, nd, iq));
        f.push(key2(23, pd, nd));
        if pc != usize::MAX {
            if word_features {
                f.push(key(24, tokens[pc].key));
            }
            f.push(key2(25, tokens[pc].key, pd));
            // "that" right after the cue
            let that = any_in(&thats, pc + 1, k);
            f.push(key2(26, u64::from(that), pd));
        }
        if nc != usize::MAX {
            if word_features {
                f.push(key(27, tokens[nc].key));
            }
            f.push(key2(28, tokens[nc].key, nd));
            let quote_between = any_in(&closes, k + 1, nc);
            let comma_between = any_in(&commas, k + 1, nc);
            f.push(key2(29, u64::from(quote_between), u64::from(comma_between)));
            f.push(key2(
                30,
                u64::from(quote_between) * 2 + u64::from(comma_between),
                nd,
            ));
        }
        f.push(key2(31, bucket(k - sent_start[k]), bucket(sent_end[k] - k)));
        f.push(key2(32, u64::from(colon_before[k]), iq));
        f.push(key2(33, u64::from(quote_in_sentence[k]), iq));
        let cap = t.text.chars().next().is_some_and(char::is_uppercase);
        f.push(key2(34, u64::from(cap), u64::from(first)));
        f.push(key2(35, u64::from(cap), w(i - 1)));
        let at = |j: isize| (j >= 0 && (j as usize) < n).then_some(j as usize);
        let near = Near {
            words: [
                at(i - 1),
                at(i - 2),
                at(i + 1),
                at(i + 2),
                (pc != usize::MAX).then_some(pc),
                (nc != usize::MAX).then_some(nc),
            ],
        };
        each(k, &f, &near);
    }
}

/// Left-context state while decoding one document.
#[derive(Default, Clone)]
pub(crate) struct History {
    /// Roles seen in the current sentence (bit per role).
    pub seen: u8,
    pub sentence: usize,
    /// The current content run began at an opening quotation mark.
    pub run_quoted: bool,
    /// The last role seen in the paragraph.
    pub last_role: u8,
}

/// Features that read the labels already given, appended to `f`.
pub(crate) fn history_features(
    f: &mut Vec<u64>,
    tokens: &[Tok],
    k: usize,
    labels: &[u8],
    h: &History,
) {
    let p1 = if k > 0 { u64::from(labels[k - 1]) } else { 9 };
    let p2 = if k > 1 { u64::from(labels[k - 2]) } else { 9 };
    let t = &tokens[k];
    let lw = t.key;
    let iq = u64::from(t.in_quote);
    f.push(key(40, p1));
    f.push(key2(41, p1, p2));
    f.push(key2(42, p1, lw));
    f.push(key2(43, p1, t.kind as u64 * 2 + iq));
    f.push(key2(44, u64::from(h.seen), p1));
    f.push(key2(45, u64::from(h.seen), t.kind as u64 * 2 + iq));
    f.push(key2(46, u64::from(h.run_quoted), t.kind as u64 * 2 + iq));
    f.push(key2(47, u64::from(h.last_role), iq));
    f.push(key2(48, u64::from(h.seen), lw));
}

/// Enters token `k`: a new sentence forgets the roles seen, a new paragraph the last role.
pub(crate) fn enter(h: &mut History, tokens: &[Tok], k: usize) {
    let t = &tokens[k];
    if t.sentence != h.sentence {
        h.sentence = t.sentence;
        h.seen = 0;
    }
    if t.line_start {
        h.last_role = 0;
    }
}

/// Moves the history past token `k` labelled `label`.
pub(crate) fn advance(h: &mut History, tokens: &[Tok], k: usize, label: u8) {
    let t = &tokens[k];
    let r = role(label);
    if r > 0 {
        h.seen |= 1 << (r - 1);
        h.last_role = r;
    }
    if label == B_CONTENT {
        h.run_quoted = t.kind == Kind::Open;
    } else if r != 3 {
        h.run_quoted = false;
    }
}

/// Features from a first tagging of the whole document, so that the second can see what lies
/// to the right: the first labels around the token and how far the next cue and source are.
pub(crate) fn stack_features(tokens: &[Tok], first: &[u8], mut each: impl FnMut(usize, &[u64])) {
    let n = tokens.len();
    let r = |k: isize| -> u64 {
        if k < 0 || k as usize >= n {
            9
        } else {
            u64::from(first[k as usize])
        }
    };
    // next/previous first-pass cue and source in the sentence
    let mut next = vec![[usize::MAX; 2]; n];
    let mut prev = vec![[usize::MAX; 2]; n];
    for k in (0..n).rev() {
        if k + 1 < n && tokens[k + 1].sentence == tokens[k].sentence {
            next[k] = next[k + 1];
            let rr = role(first[k + 1]);
            if rr == 1 || rr == 2 {
                next[k][rr as usize - 1] = k + 1;
            }
        }
    }
    for k in 0..n {
        if k > 0 && tokens[k - 1].sentence == tokens[k].sentence {
            prev[k] = prev[k - 1];
            let rr = role(first[k - 1]);
            if rr == 1 || rr == 2 {
                prev[k][rr as usize - 1] = k - 1;
            }
        }
    }
    // content of the first pass running on to the end of the sentence
    let mut to_end = vec![false; n];
    for k in (0..n).rev() {
        let last = k + 1 == n || tokens[k + 1].sentence != tokens[k].sentence;
        to_end[k] = role(first[k]) == 3 && (last || to_end[k + 1]);
    }
    let mut f = Vec::with_capacity(16);
    for k in 0..n {
        f.clear();
        let i = k as isize;
        let iq = u64::from(tokens[k].in_quote);
        f.push(key(60, r(i)));
        f.push(key2(61, r(i), r(i - 1)));
        f.push(key2(62, r(i), r(i + 1)));
        f.push(key2(63, r(i + 1), r(i + 2)));
        f.push(key2(64, r(i - 1), r(i + 1)));
        f.push(key2(65, r(i), tokens[k].key));
        for (slot, which) in [(0usize, 66u64), (1, 68)] {
            let nd = if next[k][slot] == usize::MAX {
                99
            } else {
                bucket(next[k][slot] - k)
            };
            let pd = if prev[k][slot] == usize::MAX {
                99
            } else {
                bucket(k - prev[k][slot])
            };
            f.push(key2(which, nd, r(i)));
            f.push(key2(which + 1, pd, r(i) * 2 + iq));
        }
        f.push(key2(70, u64::from(to_end[k]), r(i)));
        each(k, &f);
    }
}

/// Tokens of the sentences where the first tagging found no cue: the second tagging leaves
/// them outside, which saves it much of its work at no cost in accuracy on PolNeAR dev.
pub(crate) fn quiet_sentences(tokens: &[Tok], first: &[u8]) -> Vec<bool> {
    let mut out = vec![true; tokens.len()];
    let mut start = 0;
    for k in 0..=tokens.len() {
        let ends = k == tokens.len() || (k > start && tokens[k].sentence != tokens[start].sentence);
        if ends {
            if first[start..k].iter().any(|&l| role(l) == 2) {
                out[start..k].fill(false);
            }
            start = k;
        }
    }
    out
}
