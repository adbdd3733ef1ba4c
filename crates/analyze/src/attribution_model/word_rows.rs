//! The static features that read one word alone (a token's own word, or one neighbour's:
//! `features::own_word_features`, `features::neighbour_word_features`) have their weights, for
//! both taggings, summed once per word and kept per thread: a token then reads its word's row
//! and its neighbours' rows instead of looking up twelve features in the model's table.

use std::cell::RefCell;
use std::collections::HashMap;

use super::Weights;
use super::features::{self, LABELS, Lists, NO_WORD};
use super::tokens::Tok;
use crate::ner::hash::{BuildIdentity, word};

const BOTH: usize = 2 * LABELS;
/// The cache is emptied when it holds more words than this (each takes 392 bytes).
const MAX_WORDS: usize = 20_000;

/// One word's summed weights: of its own features, and of its features as each neighbour.
struct Rows {
    own: [f32; BOTH],
    as_neighbour: [[f32; BOTH]; 6],
}

#[derive(Default)]
struct Cache {
    /// The model the rows were summed from.
    model: u64,
    /// A word as written → its rows.
    index: HashMap<u64, u32, BuildIdentity>,
    /// The rows of the words; the first stands for no word (past an end of the document).
    rows: Vec<Rows>,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

fn summed(both: &Weights<BOTH>, features: &[u64]) -> [f32; BOTH] {
    let mut s = [0f32; BOTH];
    both.add_scores(features, &mut s);
    s
}

fn neighbour_rows(both: &Weights<BOTH>, lower: u64) -> [[f32; BOTH]; 6] {
    features::neighbour_word_features(lower).map(|f| summed(both, &[f]))
}

fn add(to: &mut [f32; BOTH], row: &[f32; BOTH]) {
    for (s, w) in to.iter_mut().zip(row) {
        *s += w;
    }
}

/// The scores of every token's static features for both taggings (first, then second), from
/// `both`, the model `model`'s table of both taggings' rows.
pub(crate) fn static_scores(
    model: u64,
    both: &Weights<BOTH>,
    toks: &[Tok],
    lists: &Lists,
) -> Vec<[f32; BOTH]> {
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.model != model || cache.rows.len() > MAX_WORDS || cache.rows.is_empty() {
            *cache = Cache {
                model,
                index: HashMap::default(),
                rows: vec![Rows {
                    own: [0.0; BOTH],
                    as_neighbour: neighbour_rows(both, NO_WORD),
                }],
            };
        }
        let Cache { index, rows, .. } = &mut *cache;
        let ids: Vec<usize> = toks
            .iter()
            .map(|t| {
                *index.entry(word(t.text)).or_insert_with(|| {
                    rows.push(Rows {
                        own: summed(both, &features::own_word_features(t)),
                        as_neighbour: neighbour_rows(both, t.key),
                    });
                    (rows.len() - 1) as u32
                }) as usize
            })
            .collect();
        let mut out = Vec::with_capacity(toks.len());
        features::static_features(toks, lists, false, |k, f, near| {
            let mut s = summed(both, f);
            add(&mut s, &rows[ids[k]].own);
            for (place, at) in near.words.iter().enumerate() {
                match at {
                    Some(j) => add(&mut s, &rows[ids[*j]].as_neighbour[place]),
                    // past an end of the document; a sentence without a cue word reads none
                    None if place < 4 => add(&mut s, &rows[0].as_neighbour[place]),
                    None => {}
                }
            }
            out.push(s);
        });
        out
    })
}

#[cfg(test)]
mod tests {
    use super::super::QuoteModel;
    use super::*;

    #[test]
    fn word_rows_give_the_scores_of_every_feature_looked_up_alone() {
        let model = QuoteModel::builtin();
        let text = "\"We will not sign,\" the minister told reporters on Monday. \
                    Officials said the talks, which began in May, would resume.\n\
                    Rivera: The vote is close.";
        let toks = model.tokenize(text);
        let is_cue = |w: &str| model.cues.contains(w);
        let lists = Lists { is_cue: &is_cue };
        // twice: the second time every word's rows come from the cache
        for _ in 0..2 {
            let cached = static_scores(model.id, &model.both, &toks, &lists);
            let mut whole = Vec::new();
            features::static_features(&toks, &lists, true, |_, f, _| {
                whole.push(summed(&model.both, f))
            });
            assert_eq!(cached.len(), toks.len());
            for (k, (a, b)) in cached.iter().zip(&whole).enumerate() {
                for (x, y) in a.iter().zip(b) {
                    assert!(
                        (x - y).abs() <= 1e-3 * (1.0 + y.abs()),
                        "token {k} ({}): {x} against {y}",
                        toks[k].text
                    );
                }
            }
        }
    }
}
