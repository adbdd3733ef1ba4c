//! The exact extent of a cue, or none: the tagger's cue run is an anchor, and every span a few
//! tokens around it ("said" or "said Friday", "discuss" or "to discuss", "according to") is
//! scored by the words at and beside its ends, its length and how far it moved from the
//! anchor, against the choice of no cue at all (the tagger saw a cue where there is none).

use super::Weights;
use super::features::{bucket, key, key2};
use super::span::{Context, Cue, mix2};
use super::tokens::Kind;
use crate::ner::perceptron::Perceptron;

/// How far a cue's ends may move from the tagger's run, and its longest length.
const MOVE_BEFORE: usize = 3;
const MOVE_AFTER: usize = 3;
const LONGEST: usize = 10;

/// The spans a cue anchored at `anchor` may take.
fn candidates(ctx: &Context, anchor: Cue) -> Vec<Cue> {
    let toks = ctx.toks;
    let n = toks.len();
    let sentence = toks[anchor.first].sentence;
    let edge = |k: usize| {
        !matches!(toks[k].kind, Kind::Open | Kind::Close | Kind::Single)
            && !matches!(toks[k].text, "," | "." | ";")
    };
    let mut out = Vec::new();
    let from = anchor.first.saturating_sub(MOVE_BEFORE);
    for first in from..=anchor.last.min(anchor.first + 2) {
        if toks[first].sentence != sentence || !edge(first) {
            continue;
        }
        let to = (anchor.last + MOVE_AFTER).min(n - 1);
        let from = first.max(anchor.first);
        for (last, t) in toks.iter().enumerate().take(to + 1).skip(from) {
            if t.sentence != sentence || last + 1 - first > LONGEST {
                break;
            }
            if last + 2 < anchor.last || !edge(last) {
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

/// Features of one extent of the cue.
fn features(ctx: &Context, anchor: Cue, c: Cue, f: &mut Vec<u64>) {
    let (s, e) = (c.first as isize, c.last as isize);
    let kind = |k: isize| {
        ctx.toks
            .get(k as usize)
            .filter(|_| k >= 0)
            .map_or(9, |t| t.kind as u64)
    };
    let moved = |a: usize, b: usize| (a as i64 - b as i64 + 8) as u64;
    f.push(key(200, ctx.lw(s)));
    f.push(key(201, ctx.lw(e)));
    f.push(key(202, ctx.lw(s - 1)));
    f.push(key(203, ctx.lw(e + 1)));
    f.push(key(204, mix2(ctx.lw(e + 1), ctx.lw(e + 2))));
    f.push(key(205, mix2(ctx.lw(s - 1), ctx.lw(s))));
    f.push(key(206, mix2(ctx.lw(e), ctx.lw(e + 1))));
    f.push(key(207, bucket(c.last + 1 - c.first)));
    f.push(key2(
        208,
        moved(c.first, anchor.first),
        moved(c.last, anchor.last),
    ));
    f.push(key2(209, ctx.lw(s), bucket(c.last + 1 - c.first)));
    f.push(key(210, ctx.shapes[c.first]));
    f.push(key(211, mix2(kind(e + 1), kind(s - 1))));
    f.push(key(212, mix2(ctx.hint_at(s - 1), ctx.hint_at(e + 1))));
    f.push(key(213, phrase(ctx, c)));
    f.push(key2(214, phrase(ctx, c), ctx.lw(e + 1)));
    f.push(key2(215, ctx.lw(e), ctx.hint_at(e + 1)));
}

/// Features of the choice of no cue.
fn none_features(ctx: &Context, anchor: Cue, f: &mut Vec<u64>) {
    let (a, b) = (anchor.first as isize, anchor.last as isize);
    f.push(key(220, 1));
    f.push(key(221, ctx.lw(a)));
    f.push(key(222, mix2(ctx.lw(a), ctx.lw(b))));
    f.push(key(223, mix2(ctx.hint_at(a - 1), ctx.hint_at(b + 1))));
    f.push(key(224, phrase(ctx, anchor)));
    f.push(key(225, bucket(anchor.last + 1 - anchor.first)));
    f.push(key(226, mix2(ctx.lw(a - 1), ctx.lw(a))));
    f.push(key(227, mix2(ctx.lw(b), ctx.lw(b + 1))));
    let near = |k: usize| ctx.hint.get(k).is_some_and(|&h| h == 3 || h == 1);
    let content_near = (anchor.first.saturating_sub(3)..anchor.first).any(near)
        || (anchor.last + 1..anchor.last + 4).any(near);
    f.push(key2(228, u64::from(content_near), ctx.lw(a)));
}

/// The best extent of the cue anchored here, or `None` for no cue.
pub(crate) fn best(w: impl Fn(u64) -> f32, ctx: &Context, anchor: Cue) -> Option<Cue> {
    let mut f = Vec::with_capacity(24);
    let score = |f: &[u64]| f.iter().map(|&k| w(k)).sum::<f32>();
    none_features(ctx, anchor, &mut f);
    let mut best: (f32, Option<Cue>) = (score(&f), None);
    for c in candidates(ctx, anchor) {
        f.clear();
        features(ctx, anchor, c, &mut f);
        let s = score(&f);
        if s > best.0 {
            best = (s, Some(c));
        }
    }
    best.1
}

fn all_features(ctx: &Context, anchor: Cue, choice: Option<Cue>) -> Vec<u64> {
    let mut f = Vec::with_capacity(24);
    match choice {
        Some(c) => features(ctx, anchor, c, &mut f),
        None => none_features(ctx, anchor, &mut f),
    }
    f
}

/// One training example: an anchor from a first tagging and the annotated cue it stands
/// for, if any.
pub(crate) struct Example<'c, 't, 'a> {
    pub ctx: &'c Context<'t, 'a>,
    pub anchor: Cue,
    pub gold: Option<Cue>,
}

/// Whether the annotated cue is one of the anchor's candidates.
pub(crate) fn reachable(ctx: &Context, anchor: Cue, gold: Cue) -> bool {
    candidates(ctx, anchor).contains(&gold)
}

/// Trains the cue scorer with the averaged perceptron; `log` hears each epoch's errors.
pub(crate) fn train(
    examples: &[Example],
    epochs: usize,
    log: &mut dyn FnMut(String),
) -> Weights<1> {
    let mut p: Perceptron<1> = Perceptron::default();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed = 0x6a09_e667_f3bc_c909u64;
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let mut wrong = 0;
        for &e in &order {
            let ex = &examples[e];
            let guess = best(|k| p.weight(k, 0), ex.ctx, ex.anchor);
            p.tick();
            if guess != ex.gold {
                wrong += 1;
                p.nudge(&all_features(ex.ctx, ex.anchor, ex.gold), 0, 1.0);
                p.nudge(&all_features(ex.ctx, ex.anchor, guess), 0, -1.0);
            }
        }
        if epoch + 1 == epochs {
            log(format!(
                "cue extents: epoch {}: {:.1}% of {} wrong",
                epoch + 1,
                100.0 * wrong as f64 / examples.len().max(1) as f64,
                examples.len()
            ));
        }
    }
    Weights::from_averaged(p.averaged())
}
