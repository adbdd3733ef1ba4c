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

/// Features of one extent.
fn features(role: &Role, ctx: &Context, anchor: Cue, c: Cue, f: &mut Vec<u64>) {
    let base = role.base;
    let (s, e) = (c.first as isize, c.last as isize);
    let kind = |k: isize| {
        ctx.toks
            .get(k as usize)
            .filter(|_| k >= 0)
            .map_or(9, |t| t.kind as u64)
    };
    let moved = |a: usize, b: usize| (a as i64 - b as i64 + 8) as u64;
    f.push(key(base, ctx.lw(s)));
    f.push(key(base + 1, ctx.lw(e)));
    f.push(key(base + 2, ctx.lw(s - 1)));
    f.push(key(base + 3, ctx.lw(e + 1)));
    f.push(key(base + 4, mix2(ctx.lw(e + 1), ctx.lw(e + 2))));
    f.push(key(base + 5, mix2(ctx.lw(s - 1), ctx.lw(s))));
    f.push(key(base + 6, mix2(ctx.lw(e), ctx.lw(e + 1))));
    f.push(key(base + 7, bucket(c.last + 1 - c.first)));
    f.push(key2(
        base + 8,
        moved(c.first, anchor.first),
        moved(c.last, anchor.last),
    ));
    f.push(key2(base + 9, ctx.lw(s), bucket(c.last + 1 - c.first)));
    f.push(key(base + 10, ctx.toks[c.first].shape));
    f.push(key(base + 11, mix2(kind(e + 1), kind(s - 1))));
    f.push(key(base + 12, mix2(ctx.hint_at(s - 1), ctx.hint_at(e + 1))));
    let phrase = phrase(ctx, c);
    f.push(key(base + 13, phrase));
    f.push(key2(base + 14, phrase, ctx.lw(e + 1)));
    f.push(key2(base + 15, ctx.lw(e), ctx.hint_at(e + 1)));
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
pub(crate) fn best(role: &Role, w: impl Fn(u64) -> f32, ctx: &Context, anchor: Cue) -> Option<Cue> {
    let mut f = Vec::with_capacity(24);
    let score = |f: &[u64]| f.iter().map(|&k| w(k)).sum::<f32>();
    let mut best: (f32, Option<Cue>) = if role.may_vanish {
        none_features(role, ctx, anchor, &mut f);
        (score(&f), None)
    } else {
        (f32::NEG_INFINITY, None)
    };
    for c in candidates(role, ctx, anchor) {
        f.clear();
        features(role, ctx, anchor, c, &mut f);
        let s = score(&f);
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
