//! The verdict on a group of aligned statements, with what differs and a one-sentence why.

use std::collections::BTreeSet;

use dossier_model::{Polarity, Verdict};

use crate::AlignConfig;
use crate::features::{Bound, Features, same_unit};

/// The bound `statement` writes around its figure `x`, if any.
fn bound_of(statement: &Features, x: f64) -> Option<Bound> {
    statement
        .bounds
        .iter()
        .find(|(v, _)| (v - x).abs() < 1e-9)
        .map(|&(_, bound)| bound)
}

/// Whether figure `x` of statement `a` and figure `y` of statement `b` can both be true
/// though they differ: one is a bound the other lies within ("as much as 1.4%" holds "1.3%";
/// "at least 15" holds "20"). Two bounds of one kind are two statements of the same limit
/// ("up to 6,500" and "up to 8,200"), which must agree.
fn within_bounds(a: &Features, x: f64, b: &Features, y: f64) -> bool {
    match (bound_of(a, x), bound_of(b, y)) {
        (Some(p), Some(q)) if p == q => false,
        (Some(Bound::AtMost), _) => y <= x,
        (Some(Bound::AtLeast), _) => y >= x,
        (_, Some(Bound::AtMost)) => x <= y,
        (_, Some(Bound::AtLeast)) => x >= y,
        (None, None) => false,
    }
}

/// A verdict with its difference and explanation.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    /// The verdict.
    pub verdict: Verdict,
    /// What differs, for conflicts and revisions.
    pub difference: Option<String>,
    /// One sentence on why.
    pub explanation: String,
}

/// Share of the smaller statement's asserted stems that a denying and an asserting statement
/// must have in common before they conflict.
const ASSERTION_OVERLAP: f64 = 0.5;

/// Judges a group of statements from `documents` distinct documents whose pairwise
/// similarities are `scores` (the best pair of each two documents); `similarity(i, j)` is that
/// of items `i` and `j` themselves (0 within one document).
pub fn judge(
    items: &[&Features],
    scores: &[f64],
    similarity: &dyn Fn(usize, usize) -> f64,
    independent: usize,
    outlets: usize,
    config: &AlignConfig,
) -> Judgement {
    let judgement = judge_reports(items, scores, similarity, independent, outlets, config);
    // Outlets that carry one source's statement (a copy, or "according to the Tribune" where
    // the Tribune's report is in the story), whether they tell it alike or with more or less
    // detail, corroborate nothing.
    if independent <= 1 && matches!(judgement.verdict, Verdict::Corroborated | Verdict::Partial) {
        return Judgement {
            verdict: Verdict::SingleSource,
            difference: None,
            explanation: format!(
                "{outlets} outlets carry this, all from one source: no independent report confirms it."
            ),
        };
    }
    judgement
}

fn judge_reports(
    items: &[&Features],
    scores: &[f64],
    similarity: &dyn Fn(usize, usize) -> f64,
    independent: usize,
    outlets: usize,
    config: &AlignConfig,
) -> Judgement {
    if outlets <= 1 {
        return Judgement {
            verdict: Verdict::SingleSource,
            difference: None,
            explanation: "Only one outlet reports this; no other document in the story carries it."
                .to_string(),
        };
    }
    let weakest = scores.iter().copied().fold(f64::INFINITY, f64::min);
    // Figures for the same counted thing: shared, changed with a marker, or different.
    let marked = items.iter().any(|f| f.revision || f.original);
    // "rose to 52 on Monday from 37": a statement marked as an update that gives the other
    // report's figure beside a new one revises it, whatever words follow the figures.
    let same = |x: f64, y: f64| (x - y).abs() < 1e-9;
    for (i, m) in items
        .iter()
        .enumerate()
        .filter(|(_, f)| f.revision || f.original)
    {
        for (_, other) in items.iter().enumerate().filter(|(j, _)| *j != i) {
            // Where the statement writes which figure was the earlier one ("to 6.1% from
            // 5.6%"), the other report must give that one: a report that gives its new figure
            // agrees with it.
            let was_earlier =
                |v: f64| m.earlier.is_empty() || m.earlier.iter().any(|w| same(v, *w));
            let earlier = m
                .numbers
                .iter()
                .find(|(v, _)| was_earlier(*v) && other.numbers.iter().any(|(w, _)| same(*v, *w)));
            // the new figure counts what the earlier one did ("365,000 households, up from
            // 310,000", not the "31%" of reservoirs beside them)
            let new = earlier.and_then(|(_, unit)| {
                m.numbers.iter().find(|(v, u)| {
                    same_unit(u, unit)
                        && !other.numbers.iter().any(|(w, _)| same(*v, *w))
                        && !m.earlier.iter().any(|w| same(*v, *w))
                })
            });
            if let (Some((x, _)), Some((y, _))) = (earlier, new) {
                return Judgement {
                    verdict: Verdict::Revision,
                    difference: Some("number".to_string()),
                    explanation: format!(
                        "One report marks its figure {y} as an update on the {x} another gives."
                    ),
                };
            }
        }
    }
    let mut agreeing_figure = false;
    // Figures that differ but measure different things ("in cash", "including debt"), or that
    // one report gives side by side: not a conflict, a partial match.
    let mut scoped: Option<(String, f64, f64)> = None;
    for (i, a) in items.iter().enumerate() {
        for (j, b) in items.iter().enumerate().skip(i + 1) {
            for unit in a.numbers.iter().map(|(_, u)| u).filter(|u| !u.is_empty()) {
                // A figure a statement gives as its own earlier one ("rose to 112, up from
                // 47") is no reading of its own: where another report gives it, the loop
                // above found the revision; elsewhere it differs from nothing.
                let current = |f: &Features| -> Vec<f64> {
                    f.numbers
                        .iter()
                        .filter(|(v, u)| {
                            same_unit(u, unit) && !f.earlier.iter().any(|e| same(*v, *e))
                        })
                        .map(|(v, _)| *v)
                        .collect()
                };
                let (mine, theirs) = (current(a), current(b));
                if mine.is_empty() || theirs.is_empty() {
                    continue;
                }
                let same_here = |x: f64, y: f64| dossier_model::same_figure(x, y, unit);
                let shared = mine
                    .iter()
                    .any(|x| theirs.iter().any(|y| same_here(*x, *y)));
                // "as much as 1.4%" and "1.3%" can both be true.
                let within = |x: f64, y: f64| same_here(x, y) || within_bounds(a, x, b, y);
                let differ = mine.iter().any(|x| !theirs.iter().any(|y| within(*x, *y)))
                    || theirs.iter().any(|y| !mine.iter().any(|x| within(*x, *y)));
                agreeing_figure |= shared;
                if !differ {
                    continue;
                }
                // the pair that differs, for the explanation
                let (x, y) = mine
                    .iter()
                    .find_map(|&x| theirs.iter().find(|&&y| !within(x, y)).map(|&y| (x, y)))
                    .unwrap_or((mine[0], theirs[0]));
                let side_by_side = items.iter().any(|f| {
                    f.numbers
                        .iter()
                        .any(|(v, u)| same_unit(u, unit) && same_here(*v, x))
                        && f.numbers
                            .iter()
                            .any(|(v, u)| same_unit(u, unit) && same_here(*v, y))
                });
                // "640 injured" and "31,000 homeless" count different people
                let other_outcome = !a.outcomes.is_empty()
                    && !b.outcomes.is_empty()
                    && a.outcomes.is_disjoint(&b.outcomes);
                // "a deficit of €48 million" and "the €8 million draw on reserves": a sum of
                // money or a percentage says what it measures only in the words beside it
                // and two counts an order of magnitude apart ("four inmates" escaped in 2019,
                // the prison "holds about 1,140 inmates") are no rival readings of one count
                let apart = x.abs().max(y.abs()) > FAR_APART * x.abs().min(y.abs());
                let other_measure = (is_bare_measure(unit) && !share_context(a, b, unit)) || apart;
                if !marked
                    && (side_by_side || a.scopes != b.scopes || other_outcome || other_measure)
                {
                    scoped.get_or_insert((unit.clone(), x, y));
                    continue;
                }
                if marked {
                    return Judgement {
                        verdict: Verdict::Revision,
                        difference: Some("number".to_string()),
                        explanation: format!(
                            "The {unit} figure changes ({x} and {y}), and the text marks one figure as the earlier or the updated one."
                        ),
                    };
                }
                // The two statements giving the figures must be linked themselves, not only
                // joined through others: "its rate rose by half a point to 6.75%" and "the
                // lender's rate will rise by half a point to 9.15%" count different rates.
                // A fact split from a claim that gives several has lost the words that set
                // its figure apart ("took 31 of the 71 seats, five short of a majority"):
                // it may show a revision or a partial match, never a conflict of numbers.
                // A figure for a day after the other report was written ("fell 6.7 percent
                // on Thursday" in Thursday's report beside Tuesday's "closed down 18.4
                // percent"), or for another day than the other gives, is a new reading.
                let linked = !shared && similarity(i, j) >= config.link_threshold;
                // Two running totals ("by Wednesday afternoon", "by the time the ship came
                // free") are counted to different moments unless the words say otherwise.
                let one_moment = !(crate::features::told_later(a, b)
                    || crate::features::times_apart(a, b)
                    || a.running_total
                    || b.running_total);
                if linked && (a.split || b.split || !one_moment) {
                    // no conflict, but no agreement either
                    scoped.get_or_insert((unit.clone(), x, y));
                } else if linked {
                    return Judgement {
                        verdict: Verdict::Conflict,
                        difference: Some("number".to_string()),
                        explanation: format!(
                            "The reports give different figures for the same {unit} count ({x} against {y}) and neither marks it as an update."
                        ),
                    };
                }
            }
        }
    }
    // The same quoted words given to two different named people.
    for (i, a) in items.iter().enumerate() {
        for b in &items[i + 1..] {
            if a.is_quote
                && b.is_quote
                && a.words == b.words
                && let (Some(x), Some(y)) = (&a.speaker, &b.speaker)
                && !same_person(x, y)
                // "board" and "Valdorian National Orchestra": a common noun names nobody
                // the other report could contradict
                && [x, y].iter().all(|name| name.starts_with(char::is_uppercase))
            {
                return Judgement {
                    verdict: Verdict::Conflict,
                    difference: Some("speaker".to_string()),
                    explanation: format!(
                        "The same words are attributed to {x} in one report and to {y} in another."
                    ),
                };
            }
        }
    }
    // One asserts what another denies. The conflict stands on the asserting and the denying
    // statements themselves being close: two copies of one wire story agreeing closely say
    // nothing about a denial that only shares their subject.
    let asserting = |f: &Features| f.polarity == Polarity::Positive && !f.is_quote;
    let positive = items.iter().any(|f| asserting(f));
    // A quote denies only where it stands against an assertion ("We have not paid" beside "it
    // paid, two people said"); a "not" elsewhere in a quote ("today, not tomorrow") is no
    // side of a dispute.
    let negative = items
        .iter()
        .any(|f| f.polarity == Polarity::Negative && !f.is_quote);
    let denying = items.iter().any(|f| f.polarity == Polarity::Negative);
    if positive && denying {
        // The asserting and the denying statement must be close, and close in what they
        // assert: sharing only what a temporal adjunct takes as given ("denied it was warned
        // before the recall") is no denial of the recall; and the assertion must say some of
        // what the denial negates, not only share its subject ("Justice Oakenfold, writing for
        // the majority" against "Justice Oakenfold wrote that the law does not regulate water").
        let asserted: Vec<_> = items
            .iter()
            .map(|f| crate::features::asserted_stems(&f.words))
            .collect();
        let denied: Vec<_> = items
            .iter()
            .map(|f| crate::features::denied_stems(&f.words))
            .collect();
        let shares_assertion = |i: usize, j: usize| {
            let (a, b) = (&asserted[i], &asserted[j]);
            let shared = a.intersection(b).count() as f64;
            let overlap = shared / (a.len().min(b.len()).max(1) as f64);
            overlap >= ASSERTION_OVERLAP && !denied[i].is_disjoint(b)
        };
        // A relative clause ("a difference that was not statistically significant") negates
        // something of a noun it does not name: no side of a conflict on its own.
        let relative = |f: &Features| {
            f.words
                .first()
                .is_some_and(|w| matches!(w.as_str(), "that" | "which" | "who"))
        };
        // A headline compresses what its body says: the dispute stands on the body's
        // statements, and two headlines put side by side are no evidence of one.
        let opposed = (0..items.len())
            .filter(|&i| {
                items[i].polarity == Polarity::Negative && !relative(items[i]) && !items[i].headline
            })
            .flat_map(|i| {
                (0..items.len())
                    .filter(|&j| asserting(items[j]) && !items[j].headline)
                    .map(move |j| (i, j))
            })
            .filter(|&(i, j)| {
                shares_assertion(i, j)
                    && !crate::features::told_later(items[i], items[j])
                    && !items[i].earlier_moment
                    && !items[j].earlier_moment
            })
            .map(|(i, j)| similarity(i, j))
            .fold(0.0, f64::max);
        if opposed >= config.conflict_threshold {
            return Judgement {
                verdict: Verdict::Conflict,
                difference: Some("polarity".to_string()),
                explanation: "One report asserts what another denies or stops short of asserting."
                    .to_string(),
            };
        }
    }
    if positive && negative {
        return Judgement {
            verdict: Verdict::Partial,
            difference: Some("polarity".to_string()),
            explanation: "The reports overlap, but one is negated or hedged; too loosely matched to call a conflict.".to_string(),
        };
    }
    // One asserts (or denies) what another only hedges: "confirmed" against "neither
    // confirmed nor denied" or "declined to comment".
    let hedged = items
        .iter()
        .any(|f| f.polarity == Polarity::Uncertain && !f.is_quote);
    if hedged && (positive || negative) {
        return Judgement {
            verdict: Verdict::Partial,
            difference: Some("polarity".to_string()),
            explanation: "One report states this, another only hedges it (not confirmed, expected or possible), so they do not corroborate each other.".to_string(),
        };
    }
    // Different hours of one day for what is otherwise the same event ("shortly after 3 a.m."
    // against "at about 4 a.m."): a conflict when the statements are close, else side by side.
    // The pair giving the two hours must itself be close, not only joined through others:
    // "the cars left the track at 23:40" and "the train left the depot at 17:10 with 62 cars"
    // share a count, not an event.
    let unmarked = |f: &Features| !f.revision && !f.original;
    let clocks = (0..items.len())
        .flat_map(|i| (i + 1..items.len()).map(move |j| (i, j)))
        .filter(|&(i, j)| {
            let (a, b) = (items[i], items[j]);
            crate::features::clocks_apart(a, b)
                && !crate::features::times_apart(a, b)
                && unmarked(a)
                && unmarked(b)
        })
        .map(|(i, j)| (similarity(i, j), i, j))
        .max_by(|x, y| x.0.total_cmp(&y.0));
    if let Some((pair, i, j)) = clocks {
        let (a, b) = (items[i], items[j]);
        let say = |f: &Features| {
            f.clock
                .iter()
                .map(|m| format!("{:02}:{:02}", m / 60, m % 60))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let close = pair >= config.conflict_threshold;
        return Judgement {
            verdict: if close {
                Verdict::Conflict
            } else {
                Verdict::Partial
            },
            difference: Some("time".to_string()),
            explanation: format!(
                "The reports give different times for this ({} against {}){}.",
                say(a),
                say(b),
                if close {
                    ""
                } else {
                    "; too loosely matched to call a conflict"
                }
            ),
        };
    }
    // Different days for what is otherwise the same fact: put side by side, not called a
    // conflict (a later report may simply tell a later step).
    let apart = items.iter().enumerate().find_map(|(i, a)| {
        items[i + 1..]
            .iter()
            .find(|b| crate::features::times_apart(a, b))
            .map(|b| (a, *b))
    });
    if let Some((a, b)) = apart
        && !marked
    {
        let say = |f: &Features| {
            f.times
                .iter()
                .map(|t| match t {
                    crate::features::When::Days(x, y) if x == y => x.clone(),
                    crate::features::When::Days(x, y) => format!("{x} to {y}"),
                    crate::features::When::Words(w) => w.clone(),
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        return Judgement {
            verdict: Verdict::Partial,
            difference: Some("time".to_string()),
            explanation: format!(
                "The reports put this at different times ({} against {}); too uncertain to call a conflict.",
                say(a),
                say(b)
            ),
        };
    }
    // Different places for what is otherwise the same fact.
    let places = items.iter().enumerate().find_map(|(i, a)| {
        items[i + 1..]
            .iter()
            .find(|b| !a.is_quote && !b.is_quote && crate::features::places_apart(a, b))
            .map(|b| (a, *b))
    });
    if let Some((a, b)) = places {
        let say = |f: &Features| f.places.iter().cloned().collect::<Vec<_>>().join(", ");
        return Judgement {
            verdict: Verdict::Partial,
            difference: Some("place".to_string()),
            explanation: format!(
                "The reports name different places ({} against {}); one of them may be wrong, or they tell of two events.",
                say(a),
                say(b)
            ),
        };
    }
    if let Some((unit, x, y)) = scoped {
        return Judgement {
            verdict: Verdict::Partial,
            difference: Some("number".to_string()),
            explanation: format!(
                "The {unit} figures differ ({x} and {y}) but measure different things (one report gives both, or they count with and without something), so this is no conflict."
            ),
        };
    }
    let mean = scores.iter().sum::<f64>() / scores.len().max(1) as f64;
    if weakest >= config.corroborate_threshold
        || mean >= config.corroborate_threshold
        || agreeing_figure
    {
        let all_quotes = items.iter().all(|f| f.is_quote);
        let explanation = if all_quotes {
            format!("{independent} independent sources carry the same quoted words.")
        } else {
            format!("{independent} independent sources report the same fact in their own words.")
        };
        return Judgement {
            verdict: Verdict::Corroborated,
            difference: None,
            explanation,
        };
    }
    Judgement {
        verdict: Verdict::Partial,
        difference: Some("detail".to_string()),
        explanation: "The reports overlap on this fact, but each adds or leaves out details the other does not have.".to_string(),
    }
}

/// Whether two speaker names may be one person: the same, or one the other's surname or a
/// shorter form of it ("Halvik", "Teodor Halvik"; a report that never gives the first name).
fn same_person(x: &str, y: &str) -> bool {
    let words = |name: &str| -> Vec<String> {
        name.split_whitespace()
            .map(|w| w.trim_matches('.').to_lowercase())
            .collect()
    };
    let (a, b) = (words(x), words(y));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    // "Ravelle" and "Ben Ravelle"; "Brisholm" and "Brisholm Airworks", an organisation's
    // short name.
    !short.is_empty()
        && ((short.last() == long.last() && short.iter().all(|word| long.contains(word)))
            || long.starts_with(short))
}

/// How many times one figure of a unit may be another's and still be a rival reading of it.
pub(crate) const FAR_APART: f64 = 10.0;

/// A unit that says nothing of what it counts: a currency, a percentage, people.
fn is_bare_measure(unit: &str) -> bool {
    matches!(
        unit,
        "percent"
            | "dollar"
            | "euro"
            | "pound"
            | "yen"
            | "franc"
            | "krona"
            | "rupee"
            | "yuan"
            | "people"
            | "person"
    )
}

/// Whether a figure of `unit` in one statement and a different one in the other are written
/// beside a common word (see [`Features::number_contexts`]).
fn share_context(a: &Features, b: &Features, unit: &str) -> bool {
    fn contexts<'f>(f: &'f Features, unit: &str) -> Vec<&'f BTreeSet<String>> {
        f.numbers
            .iter()
            .zip(&f.number_contexts)
            .filter(|((_, u), _)| same_unit(u, unit))
            .map(|(_, context)| context)
            .collect()
    }
    let theirs = contexts(b, unit);
    contexts(a, unit)
        .iter()
        .any(|mine| theirs.iter().any(|other| !mine.is_disjoint(other)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_model::Claim;

    fn statement(text: &str, polarity: Polarity) -> Features {
        claim_features(text, polarity, Vec::new(), false)
    }

    fn claim_features(
        text: &str,
        polarity: Polarity,
        quantities: Vec<dossier_model::Quantity>,
        revision_marker: bool,
    ) -> Features {
        crate::features::of_claim(&claim(text, polarity, quantities, revision_marker))
    }

    fn claim(
        text: &str,
        polarity: Polarity,
        quantities: Vec<dossier_model::Quantity>,
        revision_marker: bool,
    ) -> Claim {
        Claim {
            id: String::new(),
            doc: String::new(),
            start: 0,
            end: text.len(),
            text: text.to_string(),
            source: None,
            via: Vec::new(),
            polarity,
            times: Vec::new(),
            quantities,
            entities: Vec::new(),
            revision_marker,
            original_marker: false,
        }
    }

    #[test]
    fn a_denial_meets_an_assertion_of_what_it_denies() {
        use crate::features::denied_key_stems;
        use crate::matching::denial_meets_assertion;
        let meets = |denial: &Features, assertion: &Features| {
            denial_meets_assertion(denial, &denied_key_stems(&denial.words), assertion)
        };
        let denial = statement(
            "The agency denied on Monday evening that it had ordered any vaccine",
            Polarity::Negative,
        );
        let confirmed = statement(
            "The spokesman confirmed that the agency had ordered 50,000 doses of vaccine",
            Polarity::Positive,
        );
        assert!(meets(&denial, &confirmed));
        // Sharing the subject and one word of the denial is not enough.
        let other = statement(
            "The agency ordered the livestock market closed on Monday",
            Polarity::Positive,
        );
        assert!(!meets(&denial, &other));
        let lines = statement(
            "It denied that the line had caused the fire",
            Polarity::Negative,
        );
        let crews = statement(
            "About 430 firefighters were on the fire lines on Tuesday",
            Polarity::Positive,
        );
        assert!(!meets(&lines, &crews));
        // Two denials are no dispute.
        assert!(!meets(&denial, &denial));
    }

    /// Two statements of two outlets, their documents' best pair at `best` and the two
    /// themselves at `pair`, from `independent` sources.
    fn judged_pair(
        a: &Features,
        b: &Features,
        best: f64,
        pair: f64,
        independent: usize,
    ) -> Judgement {
        judge(
            &[a, b],
            &[best],
            &|_, _| pair,
            independent,
            2,
            &AlignConfig::default(),
        )
    }

    fn verdict_of(a: &Features, b: &Features, similarity: f64) -> Verdict {
        judged_pair(a, b, similarity, similarity, 2).verdict
    }

    fn quote(text: &str) -> Features {
        crate::features::of_quote(&dossier_model::Quote {
            id: String::new(),
            doc: String::new(),
            start: 0,
            end: text.len(),
            text: text.to_string(),
            kind: dossier_model::QuoteKind::Direct,
            speaker: dossier_model::Speaker::named("Tobin Harsk"),
            speaker_span: None,
            cue: None,
            cue_span: None,
            channel: None,
            via: Vec::new(),
            times: Vec::new(),
        })
    }

    #[test]
    fn a_quoted_denial_of_what_another_report_asserts_is_a_conflict() {
        let asserted = statement(
            "The ferry was overloaded when it left port on Saturday night",
            Polarity::Positive,
        );
        let denied =
            quote("The ferry was not overloaded when it left port. She sailed within her limits.");
        assert_eq!(verdict_of(&asserted, &denied, 0.6), Verdict::Conflict);
        // A "not" that denies nothing of the fact leaves the quote agreeing.
        let urged = statement(
            "Parents were urged to stop using the seat at once",
            Polarity::Positive,
        );
        let urging = quote("Parents should stop using the seat today, not tomorrow");
        assert_ne!(verdict_of(&urged, &urging, 0.6), Verdict::Conflict);
        assert_ne!(verdict_of(&urged, &urging, 0.6), Verdict::Partial);
    }

    #[test]
    fn headlines_are_no_side_of_a_dispute() {
        let mut asserted = statement("Kaldria agrees to leave Ostrelle", Polarity::Positive);
        asserted.headline = true;
        let mut denied = statement(
            "Ceasefire agreed as Kaldria denies promising to leave Ostrelle",
            Polarity::Negative,
        );
        denied.headline = true;
        assert_ne!(verdict_of(&asserted, &denied, 0.6), Verdict::Conflict);
        asserted.headline = false;
        denied.headline = false;
        assert_eq!(verdict_of(&asserted, &denied, 0.6), Verdict::Conflict);
    }

    #[test]
    fn two_hours_conflict_only_where_their_own_statements_are_close() {
        let derailed = statement(
            "Fourteen of the 62 cars left the track at about 11:40 p.m. on Sunday",
            Polarity::Positive,
        );
        let departed = statement(
            "The train left the depot at 17:10 on Sunday with 62 wagons",
            Polarity::Positive,
        );
        let judged = |pair: f64| judged_pair(&derailed, &departed, 0.9, pair, 2);
        assert_eq!(judged(0.3).verdict, Verdict::Partial);
        assert_eq!(judged(0.3).difference.as_deref(), Some("time"));
        assert_eq!(judged(0.6).verdict, Verdict::Conflict);
    }

    #[test]
    fn outlets_carrying_one_source_corroborate_nothing() {
        let told = statement(
            "The plan would be put into action if the reservoir fell below 12% of capacity",
            Polarity::Positive,
        );
        let retold = statement(
            "The plan would start if the reservoir fell below 12% of capacity, the broadcaster said",
            Polarity::Positive,
        );
        let judged = |score: f64, independent: usize| {
            judged_pair(&told, &retold, score, score, independent).verdict
        };
        assert_eq!(judged(0.95, 2), Verdict::Corroborated);
        assert_eq!(judged(0.95, 1), Verdict::SingleSource);
        assert_eq!(judged(0.3, 2), Verdict::Partial);
        assert_eq!(judged(0.3, 1), Verdict::SingleSource);
    }

    #[test]
    fn a_denial_of_what_another_report_asserts_is_a_conflict() {
        let asserted = statement(
            "The company confirmed the sprinklers in the storage area had been switched off",
            Polarity::Positive,
        );
        let denied = statement(
            "The company denied that the sprinklers in the storage area were switched off",
            Polarity::Negative,
        );
        assert_eq!(verdict_of(&asserted, &denied, 0.6), Verdict::Conflict);
    }

    #[test]
    fn a_denial_sharing_only_a_temporal_adjunct_is_no_conflict() {
        let asserted = statement(
            "The maker recalls 48,000 child car seats over a buckle fault",
            Polarity::Positive,
        );
        let denied = statement(
            "The maker denied that its supplier had warned it about the spring before the recall \
             of 48,000 child car seats",
            Polarity::Negative,
        );
        assert_ne!(verdict_of(&asserted, &denied, 0.75), Verdict::Conflict);
    }

    #[test]
    fn a_negation_that_shares_only_its_subject_with_an_assertion_is_no_conflict() {
        let asserted = statement(
            "Justice Miriam Oakenfold, writing for the majority of the court",
            Polarity::Positive,
        );
        let denied = statement(
            "Justice Miriam Oakenfold wrote for the majority of the court that the law does not \
             regulate water",
            Polarity::Negative,
        );
        assert_ne!(verdict_of(&asserted, &denied, 0.75), Verdict::Conflict);
        // what follows a contracted negation is what is denied
        let denied = statement(
            "Justice Miriam Oakenfold didn't write for the majority of the court",
            Polarity::Negative,
        );
        assert_eq!(verdict_of(&asserted, &denied, 0.75), Verdict::Conflict);
    }

    #[test]
    fn an_organisations_short_name_and_its_full_name_are_one_speaker() {
        assert!(same_person("Brisholm", "Brisholm Airworks"));
        assert!(!same_person("Brisholm Airworks", "Corbell Ratings"));
    }

    #[test]
    fn a_surname_and_the_full_name_are_one_speaker() {
        assert!(same_person("Halvik", "Teodor Halvik"));
        assert!(same_person("Teodor Halvik", "Teodor Halvik"));
        assert!(!same_person("Oona Brevik", "Teodor Halvik"));
        assert!(!same_person("Anna Halvik", "Teodor Halvik"));
    }

    #[test]
    fn a_short_headline_is_not_taken_as_contained_in_every_longer_sentence() {
        let headline = statement(
            "Maker recalls child car seats over buckle fault",
            Polarity::Positive,
        );
        let sentence = statement(
            "The maker denied on Tuesday that its supplier had warned it about the buckle of the \
             child car seats",
            Polarity::Negative,
        );
        let items = |headline_flag: bool| {
            let mut first = headline.clone();
            first.headline = headline_flag;
            vec![first, sentence.clone()]
        };
        let score = |flag: bool| {
            let items = items(flag);
            crate::matching::scored(
                &items,
                &crate::matching::Prepared::new(&items, &[0, 1]),
                0,
                1,
                0.0,
            )
            .0
        };
        assert!(
            score(true) < score(false) - 0.1,
            "{} vs {}",
            score(true),
            score(false)
        );
    }

    #[test]
    fn a_figure_marked_as_an_update_on_the_other_reports_figure_is_a_revision() {
        let figure = |value: f64, unit: &str| dossier_model::Quantity {
            span: dossier_model::Span::new(0, 0),
            value,
            unit: unit.to_string(),
            qualifier: None,
        };
        let mut earlier = statement(
            "Officials said 37 people have tested positive",
            Polarity::Positive,
        );
        earlier.numbers = vec![(37.0, figure(37.0, "people").unit_key())];
        let mut later = statement(
            "Confirmed cases rose to 52 on Monday from 37",
            Polarity::Positive,
        );
        later.numbers = vec![
            (52.0, figure(52.0, "").unit_key()),
            (37.0, figure(37.0, "").unit_key()),
        ];
        later.revision = true;
        assert_eq!(verdict_of(&earlier, &later, 0.5), Verdict::Revision);
        later.revision = false;
        assert_ne!(verdict_of(&earlier, &later, 0.5), Verdict::Revision);
    }

    #[test]
    fn two_named_sources_giving_their_own_figures_for_one_count_conflict() {
        use crate::matching::rival_figures;
        let said = |source: &str, text: &str, figures: &[(&str, f64, &str, Option<&str>)]| {
            let mut c = claim_with_figures(text, figures, false);
            c.source = Some(dossier_model::Speaker::named(source));
            crate::features::of_claim(&c)
        };
        let guard = said(
            "River Guard",
            "The River Guard has said at least 120 people were on board",
            &[("120 people", 120.0, "people", Some("at least"))],
        );
        let operator = said(
            "Godric Brisby",
            "Godric Brisby told the paper that 74 passengers had been on board",
            &[("74 passengers", 74.0, "passengers", None)],
        );
        assert!(rival_figures(&guard, &operator));
        // the two share one word, too few for the gate: the rival figures are linked anyway,
        // and judged a conflict of numbers
        let prepared = crate::matching::Prepared::new(&[guard.clone(), operator.clone()], &[0, 1]);
        let all = [guard.clone(), operator.clone()];
        let (score, _) = crate::matching::scored(&all, &prepared, 0, 1, 0.5);
        let config = AlignConfig::default();
        assert!(score >= config.link_threshold, "{score}");
        assert_eq!(verdict_of(&guard, &operator, score), Verdict::Conflict);
        // one source under two names gives no rival reading of itself
        let guard_again = said(
            "Calvornan River Guard",
            "The Calvornan River Guard said 90 people had been on board",
            &[("90 people", 90.0, "people", None)],
        );
        assert!(!rival_figures(&guard, &guard_again));
        // figures written beside different words count different things
        let hospital = said(
            "city council",
            "Nine people remained in hospital on Wednesday",
            &[("Nine people", 9.0, "people", None)],
        );
        let taken = said(
            "rescue service",
            "14 people were taken to hospital",
            &[("14 people", 14.0, "people", None)],
        );
        assert!(!rival_figures(&hospital, &taken));
        // nor are two distances, or figures far apart, or an event of a year named beside
        // one of this year
        let downstream = said(
            "rowing club",
            "the boathouse stands 300 metres downstream",
            &[("300 metres", 0.3, "km", None)],
        );
        let bus = said(
            "town council",
            "the boathouse stands 2 km downstream",
            &[("2 km", 2.0, "km", None)],
        );
        assert!(!rival_figures(&downstream, &bus));
        let week = said(
            "hauliers",
            "the repairs will cost $2 million",
            &[("$2 million", 2e6, "dollar", None)],
        );
        let bridge = said(
            "ministry",
            "the repairs will cost $400 million",
            &[("$400 million", 4e8, "dollar", None)],
        );
        assert!(!rival_figures(&week, &bridge));
        let demand = said(
            "Tobiah Ashdale",
            "the group demanded $6 million in bitcoin",
            &[("$6 million", 6e6, "dollar", None)],
        );
        let earlier = said(
            "Mireille Quenby",
            "in its 2028 attack the group demanded $2 million in bitcoin",
            &[("$2 million", 2e6, "dollar", None)],
        );
        assert!(!rival_figures(&demand, &earlier));
        // the airline's count of its own cancellations is its share of the whole
        let airport = said(
            "Aerholm Airports",
            "About 140 flights were cancelled on Saturday",
            &[("140 flights", 140.0, "flights", Some("about"))],
        );
        let airline = said(
            "Morvair",
            "Morvair said it had cancelled 62 flights",
            &[("62 flights", 62.0, "flights", None)],
        );
        assert!(!rival_figures(&airport, &airline));
    }

    /// A claim whose figures are given as (written form, value, unit, qualifier), found in
    /// the text in order.
    fn with_figures(
        text: &str,
        figures: &[(&str, f64, &str, Option<&str>)],
        revision_marker: bool,
    ) -> Features {
        crate::features::of_claim(&claim_with_figures(text, figures, revision_marker))
    }

    fn claim_with_figures(
        text: &str,
        figures: &[(&str, f64, &str, Option<&str>)],
        revision_marker: bool,
    ) -> Claim {
        let quantities = figures
            .iter()
            .map(|&(written, value, unit, qualifier)| {
                let start = text.find(written).expect("figure in text");
                dossier_model::Quantity {
                    span: dossier_model::Span::new(start, start + written.len()),
                    value,
                    unit: unit.to_string(),
                    qualifier: qualifier.map(str::to_string),
                }
            })
            .collect();
        claim(text, Polarity::Positive, quantities, revision_marker)
    }

    #[test]
    fn an_update_that_gives_the_same_new_figure_as_another_report_agrees_with_it() {
        let updated = claim_with_figures(
            "The death toll rose to 112 on Wednesday, up from 47 on Tuesday evening",
            &[("112", 112.0, "", None), ("47", 47.0, "", None)],
            true,
        );
        let other = claim_with_figures(
            "The earthquake killed at least 112 people",
            &[("112 people", 112.0, "people", Some("at least"))],
            false,
        );
        let updated = crate::features::of_claim(&updated);
        let other = crate::features::of_claim(&other);
        assert_eq!(updated.earlier, [47.0]);
        assert_ne!(verdict_of(&updated, &other, 0.6), Verdict::Revision);
    }

    #[test]
    fn a_claim_with_figures_of_two_kinds_is_two_facts_each_with_its_own_update() {
        let first = claim_with_figures(
            "forcing the evacuation of about 1,200 residents from a zone 1.5 kilometres around the site",
            &[
                ("1,200 residents", 1200.0, "residents", Some("about")),
                ("1.5 kilometres", 1.5, "kilometres", None),
            ],
            false,
        );
        let facts = crate::features::facts_of_claim(&first);
        assert_eq!(facts.len(), 2);
        assert!(facts.iter().all(|f| f.split && f.numbers.len() == 1));
        // Each fact keeps its own figure and drops the other's words.
        assert!(facts[0].stems.contains("1200") && !facts[0].stems.contains("1.5"));
        assert!(facts[1].stems.contains("1.5") && !facts[1].stems.contains("1200"));
        // "up from 1,200" is the residents' earlier figure, not a kind of its own.
        let later = claim_with_figures(
            "About 3,400 residents have now left their homes, up from 1,200 on Monday",
            &[
                ("3,400 residents", 3400.0, "residents", Some("about")),
                ("1,200", 1200.0, "", None),
            ],
            true,
        );
        let later = crate::features::facts_of_claim(&later);
        assert_eq!(later.len(), 1);
        assert_eq!(verdict_of(&facts[0], &later[0], 0.6), Verdict::Revision);
        // One figure a claim gives is the claim itself.
        let whole = claim_with_figures(
            "The zone was widened to 3km",
            &[("3km", 3.0, "km", None)],
            false,
        );
        assert!(!crate::features::facts_of_claim(&whole)[0].split);
    }

    #[test]
    fn running_totals_counted_to_different_moments_are_no_conflict() {
        let wednesday = with_figures(
            "Dredgers had removed about 18,000 cubic metres of sand by Wednesday afternoon",
            &[(
                "18,000 cubic metres",
                18000.0,
                "cubic metres",
                Some("about"),
            )],
            false,
        );
        let later = with_figures(
            "Dredgers had removed 27,000 cubic metres of sand when the ship came free",
            &[("27,000 cubic metres", 27000.0, "cubic metres", None)],
            false,
        );
        assert!(wednesday.running_total && !later.running_total);
        let event = with_figures(
            "Twelve people were injured by Monday's blast",
            &[("Twelve people", 12.0, "people", None)],
            false,
        );
        assert!(!event.running_total);
        assert_ne!(verdict_of(&wednesday, &later, 0.6), Verdict::Conflict);
        let mut rival = wednesday.clone();
        rival.running_total = false;
        assert_eq!(verdict_of(&rival, &later, 0.6), Verdict::Conflict);
        // a volume is no length
        assert_eq!(later.numbers[0].1, "m3");
    }

    #[test]
    fn a_quote_that_says_what_a_thing_is_instead_takes_no_side_of_denial() {
        assert_eq!(
            quote("This is not a trade measure. It is a security measure.").polarity,
            Polarity::Positive
        );
        assert_eq!(
            quote("We have not paid. It is not our policy to pay.").polarity,
            Polarity::Negative
        );
        assert_eq!(quote("We have not paid.").polarity, Polarity::Negative);
    }

    #[test]
    fn a_fact_split_from_a_claim_shows_no_conflict_of_numbers() {
        let five = claim_with_figures(
            "The party took 31 of the 71 seats, five short of a majority",
            &[
                ("31", 31.0, "", None),
                ("71 seats", 71.0, "seats", None),
                ("five short", 5.0, "short", None),
            ],
            false,
        );
        let one = with_figures(
            "The coalition is one short of a majority",
            &[("one short", 1.0, "short", None)],
            false,
        );
        let facts = crate::features::facts_of_claim(&five);
        let short = facts
            .iter()
            .find(|f| f.numbers.iter().any(|(v, _)| *v == 5.0))
            .expect("the fact of the shortfall");
        assert_ne!(verdict_of(short, &one, 0.6), Verdict::Conflict);
        let mut whole = short.clone();
        whole.split = false;
        assert_eq!(verdict_of(&whole, &one, 0.6), Verdict::Conflict);
    }

    #[test]
    fn one_distance_in_two_units_is_no_conflict() {
        let km = with_figures(
            "Debris fell into the sea about 12 kilometres offshore",
            &[("12 kilometres", 12.0, "kilometres", None)],
            false,
        );
        let miles = with_figures(
            "Debris fell into the sea about 7.5 miles offshore",
            &[("7.5 miles", 7.5, "miles", None)],
            false,
        );
        assert_ne!(verdict_of(&km, &miles, 0.6), Verdict::Conflict);
        let farther = with_figures(
            "Debris fell into the sea about 11 miles offshore",
            &[("11 miles", 11.0, "miles", None)],
            false,
        );
        assert_eq!(verdict_of(&km, &farther, 0.6), Verdict::Conflict);
    }

    #[test]
    fn sums_of_money_beside_different_words_measure_different_things() {
        let deficit = with_figures(
            "The city faces a budget deficit of €48 million next year and will raise the levy by 4.5%",
            &[
                ("€48 million", 48e6, "euros", None),
                ("4.5", 4.5, "percent", None),
            ],
            false,
        );
        let draw = with_figures(
            "The approved budget keeps the 4.5% rise in the levy and the €8 million draw on reserves",
            &[
                ("4.5", 4.5, "percent", None),
                ("€8 million", 8e6, "euros", None),
            ],
            false,
        );
        assert_ne!(verdict_of(&deficit, &draw, 0.6), Verdict::Conflict);
        let other_deficit = with_figures(
            "The city faces a budget deficit of €53 million next year and will raise the levy by 4.5%",
            &[
                ("€53 million", 53e6, "euros", None),
                ("4.5", 4.5, "percent", None),
            ],
            false,
        );
        assert_eq!(verdict_of(&deficit, &other_deficit, 0.6), Verdict::Conflict);
        // a name beside both says nothing of what they measure
        let loan = with_figures(
            "The central bank said it had lent Kelvane €3 billion in emergency funding on Tuesday",
            &[("€3 billion", 3e9, "euros", None)],
            false,
        );
        let run = with_figures(
            "Customers withdrew €2.3 billion from Kelvane Bank on Tuesday, the central bank said",
            &[("€2.3 billion", 2.3e9, "euros", None)],
            false,
        );
        assert_ne!(verdict_of(&loan, &run, 0.6), Verdict::Conflict);
        // people counted: the dead are not those who went through a gate, but "killed" and
        // "the death toll" count the same people
        let dead = with_figures(
            "Nine people were killed and 57 injured in a crush at the stadium",
            &[("Nine people", 9.0, "people", None)],
            false,
        );
        let through = with_figures(
            "Stewards said about 1,700 people went through the gate into the stadium",
            &[("1,700 people", 1700.0, "people", None)],
            false,
        );
        assert_ne!(verdict_of(&dead, &through, 0.6), Verdict::Conflict);
        let toll = with_figures(
            "The death toll rose to 12 people after the crush at the stadium",
            &[("12 people", 12.0, "people", None)],
            false,
        );
        assert_eq!(verdict_of(&dead, &toll, 0.6), Verdict::Conflict);
    }

    #[test]
    fn a_negation_does_not_reach_into_a_condition_it_takes_as_given() {
        let going_on = statement(
            "rescuers will not stop while there is any chance of finding someone alive",
            Polarity::Negative,
        );
        let small = statement(
            "the chances of finding anyone else alive were now very small, rescuers said",
            Polarity::Positive,
        );
        assert_ne!(verdict_of(&going_on, &small, 0.7), Verdict::Conflict);
        let stopped = statement(
            "rescuers will stop the search for anyone alive, rescuers said",
            Polarity::Positive,
        );
        assert_eq!(verdict_of(&going_on, &stopped, 0.7), Verdict::Conflict);
    }

    #[test]
    fn a_revision_names_the_new_figure_of_the_earlier_ones_unit() {
        let first = with_figures(
            "The utility will cut supplies to 310,000 households after storage fell to 31%",
            &[
                ("310,000 households", 310_000.0, "households", None),
                ("31", 31.0, "percent", None),
            ],
            false,
        );
        let later = with_figures(
            "Storage stood at 26%, and cuts now cover 365,000 households, up from 310,000",
            &[
                ("26", 26.0, "percent", None),
                ("365,000 households", 365_000.0, "households", None),
                ("310,000", 310_000.0, "households", None),
            ],
            true,
        );
        let judgement = judge(
            &[&first, &later],
            &[0.6],
            &|_, _| 0.6,
            2,
            2,
            &AlignConfig::default(),
        );
        assert_eq!(judgement.verdict, Verdict::Revision);
        assert!(
            judgement.explanation.contains("365000"),
            "{}",
            judgement.explanation
        );
    }

    #[test]
    fn counts_an_order_of_magnitude_apart_are_no_rival_readings() {
        let escape = with_figures(
            "The last escape from the prison, in 2019, involved four inmates",
            &[("four inmates", 4.0, "inmates", None)],
            false,
        );
        let holds = with_figures(
            "The prison holds about 1,140 inmates, well over its capacity",
            &[("1,140 inmates", 1140.0, "inmates", None)],
            false,
        );
        assert_ne!(verdict_of(&escape, &holds, 0.6), Verdict::Conflict);
        let more = with_figures(
            "The last escape from the prison, in 2019, involved six inmates",
            &[("six inmates", 6.0, "inmates", None)],
            false,
        );
        assert_eq!(verdict_of(&escape, &more, 0.6), Verdict::Conflict);
    }

    #[test]
    fn the_whole_a_part_comes_from_is_no_conflicting_count() {
        let part = with_figures(
            "The plan closes four of the city's 11 branch libraries",
            &[
                ("four", 4.0, "libraries", None),
                ("11 branch libraries", 11.0, "libraries", None),
            ],
            false,
        );
        let closing = with_figures(
            "The mayor proposed closing four branch libraries",
            &[("four branch libraries", 4.0, "libraries", None)],
            false,
        );
        assert_ne!(verdict_of(&part, &closing, 0.6), Verdict::Conflict);
    }

    #[test]
    fn a_figure_within_the_bound_another_writes_is_no_conflict() {
        let peak = with_figures(
            "The mark rose as much as 1.4% against the basket",
            &[("as much as 1.4", 1.4, "percent", Some("as much as"))],
            false,
        );
        let close = with_figures(
            "The mark ended the day 1.3% stronger against the basket",
            &[("1.3", 1.3, "percent", None)],
            false,
        );
        assert_ne!(verdict_of(&peak, &close, 0.6), Verdict::Conflict);
        let higher = with_figures(
            "The mark ended the day 1.6% stronger against the basket",
            &[("1.6", 1.6, "percent", None)],
            false,
        );
        assert_eq!(verdict_of(&peak, &higher, 0.6), Verdict::Conflict);
        // Two statements of one limit must agree.
        let cap = |written: &str, value: f64| {
            with_figures(
                &format!("The permit lets it pump {written} acre-feet a year"),
                &[(written, value, "acre-feet", Some("up to"))],
                false,
            )
        };
        assert_eq!(
            verdict_of(
                &cap("up to 6,500", 6500.0),
                &cap("up to 8,200", 8200.0),
                0.6
            ),
            Verdict::Conflict
        );
    }

    #[test]
    fn figures_of_two_statements_joined_only_through_others_do_not_conflict() {
        let bank = with_figures(
            "The central bank raised its main rate by half a point to 6.75%",
            &[("6.75", 6.75, "percent", None)],
            false,
        );
        let same = with_figures(
            "The bank raised its policy rate to 6.75 per cent",
            &[("6.75", 6.75, "percent", None)],
            false,
        );
        let lender = with_figures(
            "The lender said its variable rate would rise by half a point to 9.15%",
            &[("9.15", 9.15, "percent", None)],
            false,
        );
        let similarity = |i: usize, j: usize| if i == 2 || j == 2 { 0.2 } else { 0.9 };
        let judged = judge(
            &[&bank, &same, &lender],
            &[0.9, 0.2],
            &similarity,
            3,
            3,
            &AlignConfig::default(),
        );
        assert_ne!(judged.verdict, Verdict::Conflict, "{judged:?}");
    }

    #[test]
    fn a_change_between_two_periods_is_no_update_of_a_report() {
        let monthly = with_figures(
            "Inflation rose to 6.1% in January from 5.6% in December",
            &[("6.1", 6.1, "percent", None), ("5.6", 5.6, "percent", None)],
            true,
        );
        assert!(!monthly.revision);
        assert_eq!(monthly.earlier, [5.6]);
        let recount = with_figures(
            "The number of injured rose to 27 from 11",
            &[("27", 27.0, "injured", None), ("11", 11.0, "injured", None)],
            true,
        );
        assert!(recount.revision);
        // A report giving the new figure agrees with the update; one giving the earlier
        // figure is revised by it.
        let new_figure = with_figures(
            "Twenty-seven people were injured, 27 in all",
            &[("27 in all", 27.0, "injured", None)],
            false,
        );
        let old_figure = with_figures(
            "Eleven people were injured, 11 in all",
            &[("11 in all", 11.0, "injured", None)],
            false,
        );
        assert_eq!(verdict_of(&recount, &old_figure, 0.6), Verdict::Revision);
        let judged = judge(
            &[&recount, &new_figure],
            &[0.6],
            &|_, _| 0.6,
            2,
            2,
            &AlignConfig::default(),
        );
        assert!(
            !judged.explanation.contains("update on the 27"),
            "{judged:?}"
        );
    }

    #[test]
    fn a_time_offset_is_no_figure() {
        let offset = with_figures(
            "three days after the engine failure forced a landing",
            &[("three days", 3.0, "days", None)],
            false,
        );
        assert!(offset.numbers.is_empty());
    }

    #[test]
    fn a_vague_amount_is_no_figure() {
        let vague = statement(
            "The government would not be bullied by a few hundred people in masks",
            Polarity::Negative,
        );
        assert!(!vague.words.iter().any(|word| word == "100"));
        let exact = statement("A hundred people were arrested", Polarity::Positive);
        assert!(exact.words.iter().any(|word| word == "100"));
    }

    #[test]
    fn a_negated_relative_clause_is_no_side_of_a_conflict() {
        let asserted = statement(
            "The result was highly statistically significant",
            Polarity::Positive,
        );
        let relative = statement("that was not statistically significant", Polarity::Negative);
        assert_ne!(verdict_of(&asserted, &relative, 0.8), Verdict::Conflict);
        let denial = statement(
            "The result was not statistically significant",
            Polarity::Negative,
        );
        assert_eq!(verdict_of(&asserted, &denial, 0.8), Verdict::Conflict);
    }
}
