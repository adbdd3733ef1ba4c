//! The exact extent of a cue or a source: the tagger's run is an anchor, and every span a few
//! tokens around it ("said" or "said Friday", "discuss" or "to discuss"; "Rep. G.K" or "Rep.
//! G.K. Butterfield (D-N.C.), head of the Congressional Black Caucus") is scored by the words
//! at and beside its ends, its length and how far it moved from the anchor; a cue may also
//! vanish (the tagger saw a cue where there is none).

use super::features::{bucket, key, key2};
use super::span::{Context, Cue, mix2};
use super::tokens::Kind;
use super::{Weights, ranker};

/// What is being given its extent: how far its ends may move from the tagger's run (outwards
/// before and after, and inwards), its longest length, whether it may vanish, and where its
/// feature templates start.
pub(crate) struct Role {
    name: &'static str,
    before: usize,
    after: usize,
    inward: usize,
    longest: usize,
    may_vanish: bool,
    base: u64,
}

pub(crate) const CUE: Role = Role {
    name: "cue",
    before: 3,
    after: 3,
    inward: 2,
    longest: 10,
    may_vanish: true,
    base: 200,
};

pub(crate) const SOURCE: Role = Role {
    name: "source",
    before: 4,
    after: 12,
    inward: 3,
    longest: 24,
    may_vanish: false,
    base: 300,
};

/// The spans a run anchored at `anchor` may take.
fn candidates(role: &Role, ctx: &Context, anchor: Cue) -> Vec<Cue> {
    let toks = ctx.toks;
    let n = toks.len();
    let sentence = toks[anchor.first].sentence;
    let edge = |k: usize| {
        !matches!(toks[k].kind, Kind::Open | Kind::Close | Kind::Single)
            && !matches!(toks[k].text, "," | "." | ";")
    };
    let mut out = Vec::new();
    let from = anchor.first.saturating_sub(role.before);
    for first in from..=anchor.last.min(anchor.first + role.inward) {
        if toks[first].sentence != sentence || !edge(first) {
            continue;
        }
        let to = (anchor.last + role.after).min(n - 1);
        let from = first.max(anchor.first);
        for (last, t) in toks.iter().enumerate().take(to + 1).skip(from) {
            if t.sentence != sentence || last + 1 - first > role.longest {
                break;
            }
            if last + role.inward < anchor.last || !edge(last) {
                continue;
            }
            out.push(Cue { first, last });
        }
    }
    out
}

/// The words of a short span, as one feature value.
fn phrase(ctx: &Context, c: Cue) -> u64 {
    if c.last + 1 - c.first > 4 {
        return 77;
    }
    (c.first..=c.last).fold(0x4321, |h, k| mix2(h, ctx.lw(k as isize)))
}

/// Features of one extent, in training's order: those of its first token, of its last, and
/// of the two together interleaved as [`best`] sums them.
fn features(role: &Role, ctx: &Context, anchor: Cue, c: Cue, f: &mut Vec<u64>) {
    let [s0, s1, s2, s3] = start_features(role, ctx, c.first);
    let [e0, e1, e2, e3, e4] = end_features(role, ctx, c.last);
    let [p0, p1, p2, p3, p4, p5, p6] = pair_features(role, ctx, anchor, c);
    f.extend([
        s0, e0, s1, e1, e2, s2, e3, p0, p1, p2, s3, p3, p4, p5, p6, e4,
    ]);
}

/// Features that read only the first token of an extent.
fn start_features(role: &Role, ctx: &Context, first: usize) -> [u64; 4] {
    let base = role.base;
    let s = first as isize;
    [
        key(base, ctx.lw(s)),
        key(base + 2, ctx.lw(s - 1)),
        key(base + 5, mix2(ctx.lw(s - 1), ctx.lw(s))),
        key(base + 10, ctx.toks[first].shape),
    ]
}

/// Features that read only the last token of an extent.
fn end_features(role: &Role, ctx: &Context, last: usize) -> [u64; 5] {
    let base = role.base;
    let e = last as isize;
    [
        key(base + 1, ctx.lw(e)),
        key(base + 3, ctx.lw(e + 1)),
        key(base + 4, mix2(ctx.lw(e + 1), ctx.lw(e + 2))),
        key(base + 6, mix2(ctx.lw(e), ctx.lw(e + 1))),
        key2(base + 15, ctx.lw(e), ctx.hint_at(e + 1)),
    ]
}

/// Features that read both ends of an extent (its length first).
fn pair_features(role: &Role, ctx: &Context, anchor: Cue, c: Cue) -> [u64; 7] {
    let base = role.base;
    let (s, e) = (c.first as isize, c.last as isize);
    let kind = |k: isize| {
        ctx.toks
            .get(k as usize)
            .filter(|_| k >= 0)
            .map_or(9, |t| t.kind as u64)
    };
    let moved = |a: usize, b: usize| (a as i64 - b as i64 + 8) as u64;
    let phrase = phrase(ctx, c);
    [
        key(base + 7, bucket(c.last + 1 - c.first)),
        key2(
            base + 8,
            moved(c.first, anchor.first),
            moved(c.last, anchor.last),
        ),
        key2(base + 9, ctx.lw(s), bucket(c.last + 1 - c.first)),
        key(base + 11, mix2(kind(e + 1), kind(s - 1))),
        key(base + 12, mix2(ctx.hint_at(s - 1), ctx.hint_at(e + 1))),
        key(base + 13, phrase),
        key2(base + 14, phrase, ctx.lw(e + 1)),
    ]
}

/// Features of the choice of none.
fn none_features(role: &Role, ctx: &Context, anchor: Cue, f: &mut Vec<u64>) {
    let base = role.base;
    let (a, b) = (anchor.first as isize, anchor.last as isize);
    f.push(key(base + 20, 1));
    f.push(key(base + 21, ctx.lw(a)));
    f.push(key(base + 22, mix2(ctx.lw(a), ctx.lw(b))));
    f.push(key(base + 23, mix2(ctx.hint_at(a - 1), ctx.hint_at(b + 1))));
    f.push(key(base + 24, phrase(ctx, anchor)));
    f.push(key(base + 25, bucket(anchor.last + 1 - anchor.first)));
    f.push(key(base + 26, mix2(ctx.lw(a - 1), ctx.lw(a))));
    f.push(key(base + 27, mix2(ctx.lw(b), ctx.lw(b + 1))));
    let near = |k: usize| ctx.hint.get(k).is_some_and(|&h| h == 3 || h == 1);
    let content_near = (anchor.first.saturating_sub(3)..anchor.first).any(near)
        || (anchor.last + 1..anchor.last + 4).any(near);
    f.push(key2(base + 28, u64::from(content_near), ctx.lw(a)));
}

/// The best extent of the run anchored here, or `None` (only for a role that may vanish).
/// The weights of an end's own features are looked up once for all the candidates that share
/// that end, and each candidate's weights are summed in the order of [`features`].
pub(crate) fn best(role: &Role, w: impl Fn(u64) -> f32, ctx: &Context, anchor: Cue) -> Option<Cue> {
    let mut best: (f32, Option<Cue>) = if role.may_vanish {
        let mut f = Vec::with_capacity(12);
        none_features(role, ctx, anchor, &mut f);
        (f.iter().map(|&k| w(k)).sum::<f32>(), None)
    } else {
        (f32::NEG_INFINITY, None)
    };
    let candidates = candidates(role, ctx, anchor);
    let Some(lo) = candidates.iter().map(|c| c.first).min() else {
        return best.1;
    };
    let hi = candidates.iter().map(|c| c.last).max().unwrap_or(lo);
    let mut starts: Vec<Option<[f32; 4]>> = vec![None; hi + 1 - lo];
    let mut ends: Vec<Option<[f32; 5]>> = vec![None; hi + 1 - lo];
    for c in candidates {
        let [s0, s1, s2, s3] =
            *starts[c.first - lo].get_or_insert_with(|| start_features(role, ctx, c.first).map(&w));
        let [e0, e1, e2, e3, e4] =
            *ends[c.last - lo].get_or_insert_with(|| end_features(role, ctx, c.last).map(&w));
        let [p0, p1, p2, p3, p4, p5, p6] = pair_features(role, ctx, anchor, c).map(&w);
        let s = [
            s0, e0, s1, e1, e2, s2, e3, p0, p1, p2, s3, p3, p4, p5, p6, e4,
        ]
        .iter()
        .sum::<f32>();
        if s > best.0 {
            best = (s, Some(c));
        }
    }
    best.1
}

fn all_features(role: &Role, ctx: &Context, anchor: Cue, choice: Option<Cue>) -> Vec<u64> {
    let mut f = Vec::with_capacity(24);
    match choice {
        Some(c) => features(role, ctx, anchor, c, &mut f),
        None => none_features(role, ctx, anchor, &mut f),
    }
    f
}

/// One training example: an anchor from a tagging and the annotated span it stands for, if
/// any.
pub(crate) struct Example<'c, 't, 'a> {
    pub ctx: &'c Context<'t, 'a>,
    pub anchor: Cue,
    pub gold: Option<Cue>,
}

/// Whether the annotated span is one of the anchor's candidates.
pub(crate) fn reachable(role: &Role, ctx: &Context, anchor: Cue, gold: Cue) -> bool {
    candidates(role, ctx, anchor).contains(&gold)
}

/// Trains the scorer of one role; `log` hears the last epoch's errors.
pub(crate) fn train(
    role: &Role,
    examples: &[Example],
    epochs: usize,
    log: &mut dyn FnMut(String),
) -> Weights<1> {
    let name = format!("{} extents", role.name);
    let task = ranker::Task {
        name: &name,
        seed: 0x6a09_e667_f3bc_c909,
        best: &|w, ex: &Example| best(role, w, ex.ctx, ex.anchor),
        gold: &|ex: &Example| ex.gold,
        features: &|ex: &Example, choice: &Option<Cue>| {
            (choice.is_some() || role.may_vanish)
                .then(|| all_features(role, ex.ctx, ex.anchor, *choice))
        },
    };
    ranker::train(&task, examples, epochs, log)
}
