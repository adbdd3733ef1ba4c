//! The content of a cue, chosen whole: every span of tokens that could be what the cue
//! introduces (after it, "said [that the talks failed]", or before it, "[The talks failed],
//! he said") is scored by its first token, its last token and a few facts about the span
//! (length, sentences crossed, how much of it the first tagging called content, quotation
//! marks around it), and the best is taken. A tagger that labels one token at a time breaks a
//! long content into pieces; a span is one decision.

use super::features::{NO_WORD, bucket, key, key2, role};
use super::tokens::{Kind, Tok};
use super::{Weights, ranker};

/// Most tokens between a cue and the start of a content after it (or the end of one before).
const GAP: usize = 8;
/// Most tokens in one content.
const LONGEST: usize = 110;
/// What a score's upper bound is raised by so that float rounding never skips the best span.
const BOUND_MARGIN: f32 = 1e-3;

/// A cue: inclusive token indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cue {
    pub first: usize,
    pub last: usize,
}

/// A candidate content: inclusive token indices, after the cue or before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub after: bool,
    pub first: usize,
    pub last: usize,
}

/// What the scorer reads about a document: its tokens and the first tagging's roles.
pub(crate) struct Context<'t, 'a> {
    pub(super) toks: &'t [Tok<'a>],
    /// Role of each token in the first tagging (0 none, 1 source, 2 cue, 3 content).
    pub(super) hint: Vec<u8>,
    /// Tokens labelled content by the first tagging before each index.
    content_before: Vec<u32>,
    /// Clause breaks before each index: tokens the first tagging put in a cue or a source,
    /// and conjunctions right after a comma (", but", ", which").
    cues_before: Vec<u32>,
    joins_before: Vec<u32>,
    /// A span may begin or end at this token (not a quotation mark or , . ; :).
    edge: Vec<bool>,
    /// Only quotation marks and punctuation follow this token in its sentence.
    sentence_tail: Vec<bool>,
    pub(super) sent_start: Vec<usize>,
}

impl<'t, 'a> Context<'t, 'a> {
    pub(crate) fn new(toks: &'t [Tok<'a>], first_labels: &[u8]) -> Self {
        let n = toks.len();
        let hint: Vec<u8> = first_labels.iter().map(|&l| role(l)).collect();
        let mut content_before = Vec::with_capacity(n + 1);
        content_before.push(0u32);
        for (k, &r) in hint.iter().enumerate() {
            content_before.push(content_before[k] + u32::from(r == 3));
        }
        let mut cues_before = Vec::with_capacity(n + 1);
        let mut joins_before = Vec::with_capacity(n + 1);
        cues_before.push(0u32);
        joins_before.push(0u32);
        for (k, t) in toks.iter().enumerate() {
            let join = k > 0
                && toks[k - 1].text == ","
                && matches!(
                    t.lower.as_ref(),
                    "but" | "though" | "although" | "while" | "and" | "which" | "whereas" | "yet"
                );
            cues_before.push(cues_before[k] + u32::from(hint[k] == 2 || hint[k] == 1));
            joins_before.push(joins_before[k] + u32::from(join));
        }

        let edge: Vec<bool> = toks
            .iter()
            .map(|t| match t.kind {
                Kind::Word | Kind::Number => true,
                Kind::Open | Kind::Close | Kind::Single => false,
                Kind::Punct => !matches!(t.text, "," | "." | ";" | ":"),
            })
            .collect();
        let mut sentence_tail = vec![true; n];
        for k in (0..n.saturating_sub(1)).rev() {
            let same = toks[k + 1].sentence == toks[k].sentence;
            sentence_tail[k] = !same || (!edge[k + 1] && sentence_tail[k + 1]);
        }
        let mut sent_start = vec![0usize; n];
        for k in 1..n {
            sent_start[k] = if toks[k - 1].sentence == toks[k].sentence {
                sent_start[k - 1]
            } else {
                k
            };
        }
        Context {
            toks,
            hint,
            content_before,
            cues_before,
            joins_before,
            edge,
            sentence_tail,
            sent_start,
        }
    }

    /// The span of these tokens without quotation marks and , . ; : at its ends.
    pub(crate) fn trimmed(&self, first: usize, last: usize, after: bool) -> Option<Candidate> {
        let first = (first..=last).find(|&k| self.edge[k])?;
        let last = (first..=last).rev().find(|&k| self.edge[k])?;
        Some(Candidate { after, first, last })
    }

    pub(super) fn lw(&self, k: isize) -> u64 {
        if k < 0 || k as usize >= self.toks.len() {
            NO_WORD
        } else {
            self.toks[k as usize].key
        }
    }

    pub(super) fn hint_at(&self, k: isize) -> u64 {
        if k < 0 || k as usize >= self.toks.len() {
            9
        } else {
            u64::from(self.hint[k as usize])
        }
    }

    /// The words between two tokens (exclusive), as one feature value: punctuation, short
    /// words and the first tagging's sources kept, other words folded to their shape.
    fn gap(&self, from: usize, to: usize) -> u64 {
        if to > from + 6 {
            return 77;
        }
        let mut h = 0x1234u64;
        for k in from..to {
            let t = &self.toks[k];
            let v = if self.hint[k] == 1 {
                11
            } else if t.kind != Kind::Word || t.text.len() <= 4 {
                self.toks[k].key
            } else {
                self.toks[k].shape
            };
            h = crate::ner::hash::mix(h, v);
        }
        h
    }

    fn cue_word(&self, cue: Cue) -> u64 {
        self.lw(cue.last as isize)
    }

    /// Features of the first token of a content.
    fn start_features(&self, cue: Cue, after: bool, i: usize, f: &mut Vec<u64>) {
        self.start_base(after, i, f);
        self.start_cue(cue, after, i, f);
    }

    /// Features of the first token of a content that do not depend on the cue.
    fn start_base(&self, after: bool, i: usize, f: &mut Vec<u64>) {
        let d = u64::from(after);
        let k = i as isize;
        let t = &self.toks[i];
        f.push(key2(100, d, self.lw(k)));
        f.push(key2(101, d, self.lw(k - 1)));
        f.push(key2(102, d, self.toks[i].shape));
        f.push(key2(103, d, mix2(self.lw(k - 1), self.lw(k))));
        f.push(key2(105, d, mix2(self.hint_at(k), self.hint_at(k - 1))));
        f.push(key2(
            106,
            d,
            mix2(u64::from(i == self.sent_start[i]), u64::from(t.line_start)),
        ));
        f.push(key2(
            107,
            d,
            mix2(
                self.toks
                    .get(i.wrapping_sub(1))
                    .map_or(9, |p| p.kind as u64),
                u64::from(t.in_quote),
            ),
        ));
    }

    /// Features of the first token of a content that read the cue.
    fn start_cue(&self, cue: Cue, after: bool, i: usize, f: &mut Vec<u64>) {
        let d = u64::from(after);
        let k = i as isize;
        if after {
            f.push(key2(104, d, bucket(i - cue.last - 1)));
            f.push(key2(108, d, mix2(self.cue_word(cue), self.lw(k))));
            let gap = self.gap(cue.last + 1, i);
            f.push(key(109, gap));
            f.push(key2(110, gap, self.cue_word(cue)));
            f.push(key2(111, gap, self.lw(k)));
        } else {
            let [far, word, from_start, first] = self.before_start_values(cue, i);
            f.extend(before_start_keys(
                self.cue_word(cue),
                far,
                word,
                from_start,
                first,
            ));
        }
    }

    /// What the cue features of a content's first token before the cue read: how far it is
    /// from the cue, its word, how far from the start of the cue's sentence, and whether it
    /// opens its own sentence.
    fn before_start_values(&self, cue: Cue, i: usize) -> [u64; 4] {
        [
            bucket(cue.first.saturating_sub(i)),
            self.lw(i as isize),
            bucket(i.saturating_sub(self.sent_start[cue.first])),
            u64::from(i == self.sent_start[i]),
        ]
    }

    /// Features of the last token of a content.
    fn end_features(&self, cue: Cue, after: bool, j: usize, f: &mut Vec<u64>) {
        self.end_base(after, j, f);
        self.end_cue(cue, after, j, f);
    }

    /// Features of the last token of a content that do not depend on the cue.
    fn end_base(&self, after: bool, j: usize, f: &mut Vec<u64>) {
        let d = u64::from(after);
        let k = j as isize;
        let tail = u64::from(self.sentence_tail[j]);
        let next_kind = self.toks.get(j + 1).map_or(9, |t| t.kind as u64);
        f.push(key2(120, d, self.lw(k)));
        f.push(key2(121, d, self.lw(k + 1)));
        f.push(key2(122, d, mix2(self.lw(k + 1), self.lw(k + 2))));
        f.push(key2(123, d, mix2(tail, next_kind)));
        f.push(key2(124, d, mix2(self.hint_at(k), self.hint_at(k + 1))));
        f.push(key2(
            126,
            d,
            mix2(u64::from(self.toks[j].in_quote), self.lw(k + 1)),
        ));
        f.push(key2(127, d, mix2(self.lw(k), tail)));
    }

    /// Features of the last token of a content that read the cue.
    fn end_cue(&self, cue: Cue, after: bool, j: usize, f: &mut Vec<u64>) {
        let d = u64::from(after);
        let k = j as isize;
        let tail = u64::from(self.sentence_tail[j]);
        if after {
            let [sentences, far] = self.after_end_values(cue, j);
            f.extend(after_end_keys(self.cue_word(cue), tail, sentences, far));
        } else {
            f.push(key2(125, d, mix2(self.cue_word(cue), tail)));
            let gap = self.gap(j + 1, cue.first);
            f.push(key(130, gap));
            f.push(key2(131, gap, self.cue_word(cue)));
            f.push(key2(132, gap, self.lw(k)));
        }
    }

    /// What the cue features of a content's last token after the cue read besides its
    /// sentence tail: the sentences and the tokens from the cue, bucketed.
    fn after_end_values(&self, cue: Cue, j: usize) -> [u64; 2] {
        [
            bucket(self.toks[j].sentence - self.toks[cue.last].sentence),
            bucket(j - cue.last),
        ]
    }

    /// The facts that need both ends: length bucket, sentences crossed, how much the first
    /// tagging called content, and quotation marks around it.
    fn pair_facts(&self, c: Candidate) -> [usize; 5] {
        let count = |v: &[u32]| (v[c.last + 1] - v[c.first]) as usize;
        facts(
            c.last + 1 - c.first,
            count(&self.content_before),
            self.toks[c.last].sentence - self.toks[c.first].sentence,
            c.first > 0 && self.toks[c.first - 1].kind == Kind::Open,
            self.toks
                .get(c.last + 1)
                .is_some_and(|t| t.kind == Kind::Close),
            (count(&self.cues_before), count(&self.joins_before)),
        )
    }

    /// The keys of those facts; the length counts twice, alone and with the cue word.
    fn pair_keys(&self, cue: Cue, after: bool, facts: [usize; 5]) -> [u64; 6] {
        let d = u64::from(after);
        let v = facts.map(|x| x as u64);
        [
            key2(140, d, v[0]),
            key2(141, d, mix2(self.cue_word(cue), v[0])),
            key2(142, d, v[1]),
            key2(143, d, v[2]),
            key2(144, d, v[3]),
            key2(145, d, v[4]),
        ]
    }

    /// Every feature of a candidate (for training).
    fn features(&self, cue: Cue, c: Candidate) -> Vec<u64> {
        let mut f = Vec::with_capacity(40);
        self.start_features(cue, c.after, c.first, &mut f);
        self.end_features(cue, c.after, c.last, &mut f);
        f.extend(self.pair_keys(cue, c.after, self.pair_facts(c)));
        f
    }

    /// Where contents of this cue may begin and end, after it and before it.
    fn ranges(&self, cue: Cue) -> [(bool, Vec<usize>, Vec<usize>); 2] {
        let n = self.toks.len();
        let s = self.toks[cue.last].sentence;
        let after_starts: Vec<usize> = (cue.last + 1..n.min(cue.last + 1 + GAP))
            .filter(|&i| self.edge[i] && self.toks[i].sentence <= s + 1)
            .collect();
        let after_ends: Vec<usize> = match after_starts.first() {
            Some(&i) => (i..n.min(i + LONGEST))
                .take_while(|&j| self.toks[j].sentence <= s + 2)
                .filter(|&j| self.edge[j])
                .collect(),
            None => Vec::new(),
        };
        let s = self.toks[cue.first].sentence;
        let before_ends: Vec<usize> = (cue.first.saturating_sub(GAP)..cue.first)
            .filter(|&j| self.edge[j] && self.toks[j].sentence + 1 >= s)
            .collect();
        let before_starts: Vec<usize> = match before_ends.last() {
            Some(&j) => (j.saturating_sub(LONGEST)..=j)
                .filter(|&i| self.edge[i] && self.toks[i].sentence + 3 >= s)
                .collect(),
            None => Vec::new(),
        };
        [
            (true, after_starts, after_ends),
            (false, before_starts, before_ends),
        ]
    }
}

/// Length bucket, sentences crossed (up to 2), share called content (5 steps), quotation
/// marks around (2 bits) and clause breaks inside (cue and source words, joins; up to 2 each)
/// of a span of `len` tokens, `covered` of them content.
#[inline]
fn facts(
    len: usize,
    covered: usize,
    sentences: usize,
    opened: bool,
    closed: bool,
    (cues, joins): (usize, usize),
) -> [usize; 5] {
    let coverage = if covered == 0 {
        0
    } else if covered * 2 < len {
        1
    } else if covered * 10 < len * 9 {
        2
    } else if covered < len {
        3
    } else {
        4
    };
    [
        bucket(len) as usize,
        sentences.min(2),
        coverage,
        usize::from(opened) * 2 + usize::from(closed),
        cues.min(2) * 3 + joins.min(2),
    ]
}

/// The keys of the cue features of a content's first token before the cue
/// ([`Context::before_start_values`]).
fn before_start_keys(cue_word: u64, far: u64, word: u64, from_start: u64, first: u64) -> [u64; 4] {
    [
        key2(104, 0, far),
        key2(108, 0, mix2(cue_word, word)),
        key2(112, from_start, 0),
        key2(113, cue_word, first),
    ]
}

/// The keys of the cue features of a content's last token after the cue
/// ([`Context::after_end_values`]).
fn after_end_keys(cue_word: u64, tail: u64, sentences: u64, far: u64) -> [u64; 3] {
    [
        key2(125, 1, mix2(cue_word, tail)),
        key2(128, sentences, tail),
        key2(129, far, tail),
    ]
}

/// Buckets hold values 0 to 8.
const BUCKETS: usize = 9;

/// The weights of one cue's edge features that read only a few values, by those values: for
/// the first token of a content before the cue, and the last of one after it (the many
/// candidates of those two ends look them up here; their sum is taken in the order of the
/// features).
struct CueTables {
    cue_word: u64,
    before_far: [f32; BUCKETS],
    before_from_start: [f32; BUCKETS],
    before_first: [f32; 2],
    after_tail: [f32; 2],
    after_sentences: [[f32; 2]; BUCKETS],
    after_far: [[f32; 2]; BUCKETS],
}

impl CueTables {
    fn new(w: &impl Fn(u64) -> f32, cue_word: u64) -> Self {
        let before = |far: usize, from_start: usize, first: usize| {
            before_start_keys(cue_word, far as u64, 0, from_start as u64, first as u64)
        };
        let after = |tail: usize, sentences: usize, far: usize| {
            after_end_keys(cue_word, tail as u64, sentences as u64, far as u64)
        };
        CueTables {
            cue_word,
            before_far: std::array::from_fn(|b| w(before(b, 0, 0)[0])),
            before_from_start: std::array::from_fn(|b| w(before(0, b, 0)[2])),
            before_first: std::array::from_fn(|f| w(before(0, 0, f)[3])),
            after_tail: std::array::from_fn(|t| w(after(t, 0, 0)[0])),
            after_sentences: std::array::from_fn(|b| std::array::from_fn(|t| w(after(t, b, 0)[1]))),
            after_far: std::array::from_fn(|b| std::array::from_fn(|t| w(after(t, 0, b)[2]))),
        }
    }

    /// The cue part of the score of a content's first token `i` before the cue.
    fn before_start(&self, w: &impl Fn(u64) -> f32, ctx: &Context, cue: Cue, i: usize) -> f32 {
        let [far, word, from_start, first] = ctx.before_start_values(cue, i);
        [
            self.before_far[far as usize],
            w(before_start_keys(self.cue_word, 0, word, 0, 0)[1]),
            self.before_from_start[from_start as usize],
            self.before_first[first as usize],
        ]
        .iter()
        .sum()
    }

    /// The cue part of the score of a content's last token `j` after the cue.
    fn after_end(&self, ctx: &Context, cue: Cue, j: usize) -> f32 {
        let [sentences, far] = ctx.after_end_values(cue, j);
        let tail = usize::from(ctx.sentence_tail[j]);
        [
            self.after_tail[tail],
            self.after_sentences[sentences as usize][tail],
            self.after_far[far as usize][tail],
        ]
        .iter()
        .sum()
    }
}

pub(super) fn mix2(a: u64, b: u64) -> u64 {
    crate::ner::hash::mix(crate::ner::hash::mix(0x77, a), b)
}

/// The cue-free part of the score of every first and last token of a document (after the
/// cue, before it), filled as the cues ask for them.
pub(crate) struct Cache {
    /// Indexed by [last token?][after the cue?][token].
    scores: [[Vec<f32>; 2]; 2],
}

impl Cache {
    pub(crate) fn new(ctx: &Context) -> Self {
        let empty = vec![f32::NAN; ctx.toks.len()];
        Cache {
            scores: [[empty.clone(), empty.clone()], [empty.clone(), empty]],
        }
    }
}

/// Scores the candidates of one cue with these weights and returns the best. With a cache,
/// the weights must stay the same for as long as it lives.
pub(crate) fn best(
    w: impl Fn(u64) -> f32,
    ctx: &Context,
    cue: Cue,
    mut cache: Option<&mut Cache>,
) -> Option<Candidate> {
    let mut best: Option<(f32, Candidate)> = None;
    let mut f = Vec::with_capacity(24);
    let score = |f: &[u64]| f.iter().map(|&k| w(k)).sum::<f32>();
    let tables = CueTables::new(&w, ctx.cue_word(cue));
    for (after, starts, ends) in ctx.ranges(cue) {
        let d = usize::from(after);
        // the score of the first (or last) token k: its cue-free part from the cache when it
        // holds it, and into it when it does not, and the part that reads the cue
        let mut edge_scores = |positions: &[usize], last: bool| -> Vec<f32> {
            let e = usize::from(last);
            let mut out = Vec::with_capacity(positions.len());
            for &k in positions {
                let known = cache.as_deref().map(|c| c.scores[e][d][k]);
                let base = match known.filter(|s| !s.is_nan()) {
                    Some(s) => s,
                    None => {
                        f.clear();
                        if last {
                            ctx.end_base(after, k, &mut f);
                        } else {
                            ctx.start_base(after, k, &mut f);
                        }
                        let s = score(&f);
                        if let Some(c) = cache.as_deref_mut() {
                            c.scores[e][d][k] = s;
                        }
                        s
                    }
                };
                let cue_part = match (after, last) {
                    (false, false) => tables.before_start(&w, ctx, cue, k),
                    (true, true) => tables.after_end(ctx, cue, k),
                    _ => {
                        f.clear();
                        if last {
                            ctx.end_cue(cue, after, k, &mut f);
                        } else {
                            ctx.start_cue(cue, after, k, &mut f);
                        }
                        score(&f)
                    }
                };
                out.push(base + cue_part);
            }
            out
        };
        let start_scores = edge_scores(&starts, false);
        let end_scores = edge_scores(&ends, true);
        // the weight of every value of every pair fact, looked up once
        let mut table = [[0f32; 9]; 6];
        for v in 0..9 {
            let keys = ctx.pair_keys(cue, after, [v; 5]);
            for (row, k) in table.iter_mut().zip(keys) {
                row[v] = w(k);
            }
        }
        // upper bounds of the parts of a total, to skip the pairs that cannot beat the best
        // found so far (with a margin for the order of the float sums)
        let pair_max: f32 = table
            .iter()
            .map(|row| row.iter().copied().fold(f32::NEG_INFINITY, f32::max))
            .sum::<f32>()
            + BOUND_MARGIN;
        let end_max = end_scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let toks = ctx.toks;
        let at_end: Vec<(usize, [u32; 3], bool)> = ends
            .iter()
            .map(|&j| {
                let closed = toks.get(j + 1).is_some_and(|t| t.kind == Kind::Close);
                let upto = [
                    ctx.content_before[j + 1],
                    ctx.cues_before[j + 1],
                    ctx.joins_before[j + 1],
                ];
                (toks[j].sentence, upto, closed)
            })
            .collect();
        for (a, &i) in starts.iter().enumerate() {
            if best.is_some_and(|(s, _)| start_scores[a] + end_max + pair_max <= s) {
                continue;
            }
            let opened = i > 0 && toks[i - 1].kind == Kind::Open;
            let sentence = toks[i].sentence;
            let before = [
                ctx.content_before[i],
                ctx.cues_before[i],
                ctx.joins_before[i],
            ];
            let from = ends.partition_point(|&j| j < i);
            for (b, &j) in ends.iter().enumerate().skip(from) {
                if j >= i + LONGEST {
                    break;
                }
                if best.is_some_and(|(s, _)| start_scores[a] + end_scores[b] + pair_max <= s) {
                    continue;
                }
                let (end_sentence, upto, closed) = at_end[b];
                let [len, sentences, coverage, quotes, breaks] = facts(
                    j + 1 - i,
                    (upto[0] - before[0]) as usize,
                    end_sentence - sentence,
                    opened,
                    closed,
                    (
                        (upto[1] - before[1]) as usize,
                        (upto[2] - before[2]) as usize,
                    ),
                );
                let total = start_scores[a]
                    + end_scores[b]
                    + table[0][len]
                    + table[1][len]
                    + table[2][sentences]
                    + table[3][coverage]
                    + table[4][quotes]
                    + table[5][breaks];
                if best.is_none_or(|(s, _)| total > s) {
                    best = Some((
                        total,
                        Candidate {
                            after,
                            first: i,
                            last: j,
                        },
                    ));
                }
            }
        }
    }
    best.map(|(_, c)| c)
}

/// One training example: a document's context, a cue and its annotated content.
pub(crate) struct Example<'c, 't, 'a> {
    pub ctx: &'c Context<'t, 'a>,
    pub cue: Cue,
    pub gold: Candidate,
}

/// Whether the annotated content is one the scorer could choose.
pub(crate) fn reachable(ctx: &Context, cue: Cue, gold: Candidate) -> bool {
    ctx.ranges(cue).iter().any(|(after, starts, ends)| {
        *after == gold.after
            && starts.contains(&gold.first)
            && ends.contains(&gold.last)
            && gold.last < gold.first + LONGEST
    })
}

/// Trains the span scorer; `log` hears the last epoch's errors.
pub(crate) fn train(
    examples: &[Example],
    epochs: usize,
    log: &mut dyn FnMut(String),
) -> Weights<1> {
    let task = ranker::Task {
        name: "content spans",
        seed: 0x9e37_79b9_7f4a_7c15,
        best: &|w, ex: &Example| best(w, ex.ctx, ex.cue, None),
        gold: &|ex: &Example| Some(ex.gold),
        features: &|ex: &Example, choice: &Option<Candidate>| {
            choice.map(|c| ex.ctx.features(ex.cue, c))
        },
    };
    ranker::train(&task, examples, epochs, log)
}

#[cfg(test)]
mod tests {
    use super::super::QuoteModel;
    use super::*;

    #[test]
    fn cue_tables_score_an_edge_as_its_features_do() {
        let model = QuoteModel::builtin();
        let text = "The talks stalled. \"We will not sign this,\" the minister told reporters \
                    on Monday, adding that the offer was unfair. Officials said the next round, \
                    which had been set for May, would not go ahead.";
        let toks = model.tokenize(text);
        let (first, _) = model.labels(&toks);
        let ctx = Context::new(&toks, &first);
        // a weight for every key, so that a key read in place of another shows
        let w = |k: u64| (k % 1009) as f32 / 64.0 - 7.0;
        let at = |word: &str| toks.iter().position(|t| t.text == word).unwrap_or(0);
        for cue in [at("told"), at("said")].map(|k| Cue { first: k, last: k }) {
            let tables = CueTables::new(&w, ctx.cue_word(cue));
            let features = |f: &dyn Fn(&mut Vec<u64>)| {
                let mut keys = Vec::new();
                f(&mut keys);
                keys.iter().map(|&k| w(k)).sum::<f32>()
            };
            let [(_, _, after_ends), (_, before_starts, _)] = ctx.ranges(cue);
            assert!(!after_ends.is_empty() && !before_starts.is_empty());
            for i in before_starts {
                let expected = features(&|f| ctx.start_cue(cue, false, i, f));
                assert_eq!(tables.before_start(&w, &ctx, cue, i), expected, "start {i}");
            }
            for j in after_ends {
                let expected = features(&|f| ctx.end_cue(cue, true, j, f));
                assert_eq!(tables.after_end(&ctx, cue, j), expected, "end {j}");
            }
        }
    }
}
