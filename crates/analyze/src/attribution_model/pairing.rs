//! From token labels to attributions: each cue run of the tagging, given its extent (or
//! dropped) by the cue scorer, takes the content the span scorer chooses for it and the
//! nearest source of its sentence.

use dossier_model::Span;

use super::Attribution;
use super::features::role;
use super::span::{Candidate, Cue};
use super::tokens::{Kind, Tok};

/// A run of tokens with one role, inclusive token indices.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Run {
    pub role: u8,
    pub first: usize,
    pub last: usize,
}

/// The runs of the labels (a B label, or a change of role, starts a run).
pub(crate) fn runs(labels: &[u8]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for (k, &label) in labels.iter().enumerate() {
        let r = role(label);
        if r == 0 {
            continue;
        }
        let continues = label % 2 == 0
            && k > 0
            && role(labels[k - 1]) == r
            && out.last().is_some_and(|run| run.last + 1 == k);
        if continues {
            if let Some(run) = out.last_mut() {
                run.last = k;
            }
        } else {
            out.push(Run {
                role: r,
                first: k,
                last: k,
            });
        }
    }
    out
}

fn gap(a: &Run, b: &Run) -> usize {
    b.first
        .saturating_sub(a.last)
        .max(a.first.saturating_sub(b.last))
}

/// Pieces of a content run, split at line breaks.
fn pieces(tokens: &[Tok], run: &Run) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = tokens[run.first].start;
    for k in run.first + 1..=run.last {
        if tokens[k].line_start {
            out.push(Span::new(start, tokens[k - 1].end));
            start = tokens[k].start;
        }
    }
    out.push(Span::new(start, tokens[run.last].end));
    out
}

/// Joins the runs into attributions: each cue takes the content `choose` finds for it, with
/// the other half of a split quotation ("X," he said, "Y") or of a sentence the cue
/// interrupts ("X, he said, Y") as a further piece, and the nearest source of its sentence.
/// (A content run of the tagging just across the cue is not joined on its own: in PolNeAR
/// that run is more often another attribution's content.) A content run that no cue reached is
/// left out: every attribution has a cue.
pub(crate) fn pair(
    tokens: &[Tok],
    labels: &[u8],
    extent: &dyn Fn(Cue) -> Option<Cue>,
    source_extent: &dyn Fn(Cue) -> Option<Cue>,
    choose: &dyn Fn(Cue) -> Option<Candidate>,
) -> Vec<Attribution> {
    let all = runs(labels);
    let sources: Vec<&Run> = all.iter().filter(|r| r.role == 1).collect();
    let mut taken = vec![false; tokens.len()];
    let mut out = Vec::new();
    let mut anchors: Vec<Cue> = all
        .iter()
        .filter(|r| r.role == 2)
        .map(|r| Cue {
            first: r.first,
            last: r.last,
        })
        .collect();
    anchors.sort_by_key(|c| c.first);
    let mut cue_taken = vec![false; tokens.len()];
    for anchor in anchors {
        if cue_taken[anchor.first] {
            continue;
        }
        let Some(found) = extent(anchor) else {
            continue;
        };
        cue_taken[found.first..=found.last].fill(true);
        let cue = &Run {
            role: 2,
            first: found.first,
            last: found.last,
        };
        let Some(chosen) = choose(found) else {
            continue;
        };
        let mut runs = vec![quotation(
            tokens,
            Run {
                role: 3,
                first: chosen.first,
                last: chosen.last,
            },
        )];
        // a piece of the tagging's content on the other side of the cue and its source
        let is_quoted = quoted(tokens, &runs[0]);
        let across_quote = if is_quoted {
            other_quotation(tokens, cue, chosen.after)
                .filter(|r| !(r.first..=r.last).any(|k| taken[k]))
        } else {
            None
        };
        let across_clause = if is_quoted {
            None
        } else {
            interrupted(tokens, labels, cue, chosen)
                .filter(|r| !(r.first..=r.last).any(|k| taken[k]))
        };
        let across = across_quote.or(across_clause);
        if let Some(r) = across {
            runs.push(quotation(tokens, r));
        }
        let mut content = Vec::new();
        for r in &runs {
            taken[r.first..=r.last].fill(true);
            content.extend(pieces(tokens, r));
        }
        content.sort_by_key(|s| s.start);
        let s = tokens[cue.first].sentence;
        let source = sources
            .iter()
            .filter(|r| tokens[r.first].sentence == s)
            .min_by_key(|r| gap(r, cue) * 2 + usize::from(r.first > cue.last))
            .or_else(|| {
                sources
                    .iter()
                    .filter(|r| tokens[r.last].sentence + 1 == s && r.last < cue.first)
                    .max_by_key(|r| r.last)
            })
            .map(|r| {
                let found = source_extent(Cue {
                    first: r.first,
                    last: r.last,
                })
                .unwrap_or(Cue {
                    first: r.first,
                    last: r.last,
                });
                Span::new(tokens[found.first].start, tokens[found.last].end)
            });
        out.push(Attribution {
            content,
            source,
            cue: Some(Span::new(tokens[cue.first].start, tokens[cue.last].end)),
        });
    }
    out.sort_by_key(|a| a.content.first().map_or(0, |s| s.start));
    out
}

/// Whether a run opens right after a quotation mark or closes right before one.
fn quoted(tokens: &[Tok], run: &Run) -> bool {
    let opened = run.first > 0 && tokens[run.first - 1].kind == Kind::Open;
    let closed = tokens
        .get(run.last + 1)
        .is_some_and(|t| t.kind == Kind::Close);
    opened || closed
}

/// A run that opens right after a quotation mark runs on to the mark that closes it, and one
/// that closes right before a mark starts where that quotation opens, within the paragraph:
/// a quotation of several sentences is one content.
fn quotation(tokens: &[Tok], mut run: Run) -> Run {
    let punctuation = |k: usize| {
        matches!(tokens[k].kind, Kind::Open | Kind::Close | Kind::Single)
            || matches!(tokens[k].text, "," | "." | ";" | ":")
    };
    if (run.first..=run.last).any(|k| matches!(tokens[k].kind, Kind::Open | Kind::Close)) {
        return run;
    }
    if run.first > 0 && tokens[run.first - 1].kind == Kind::Open {
        let mut k = run.last + 1;
        while k < tokens.len() && !tokens[k].line_start && tokens[k].kind != Kind::Open {
            if tokens[k].kind == Kind::Close {
                let mut last = k - 1;
                while last > run.last && punctuation(last) {
                    last -= 1;
                }
                run.last = last;
                break;
            }
            k += 1;
        }
    }
    if tokens
        .get(run.last + 1)
        .is_some_and(|t| t.kind == Kind::Close)
        && !tokens[run.first].line_start
    {
        let mut k = run.first;
        while k > 0 && !tokens[k].line_start && tokens[k - 1].kind != Kind::Close {
            k -= 1;
            if tokens[k].kind == Kind::Open {
                let mut first = k + 1;
                while first < run.first && punctuation(first) {
                    first += 1;
                }
                run.first = first;
                break;
            }
        }
    }
    run
}

/// The quotation on the other side of a cue and its source: "X," he said. "Y." Up to `NEAR`
/// tokens without quotation marks may part the quotation from the cue.
fn other_quotation(tokens: &[Tok], cue: &Run, chosen_after: bool) -> Option<Run> {
    const NEAR: usize = 40;
    let mark = if chosen_after {
        Kind::Close
    } else {
        Kind::Open
    };
    let near: Vec<usize> = if chosen_after {
        (cue.first.saturating_sub(NEAR)..cue.first).rev().collect()
    } else {
        (cue.last + 1..tokens.len().min(cue.last + 1 + NEAR)).collect()
    };
    let mut at = None;
    for k in near {
        let t = &tokens[k];
        if t.kind == mark {
            at = Some(k);
            break;
        }
        if matches!(t.kind, Kind::Open | Kind::Close) || (t.line_start && !chosen_after) {
            return None;
        }
    }
    let at = at?;
    let inner = |k: usize| !matches!(tokens[k].kind, Kind::Open | Kind::Close);
    let edge = |k: usize| {
        !matches!(tokens[k].kind, Kind::Single) && !matches!(tokens[k].text, "," | "." | ";" | ":")
    };
    let (mut first, mut last) = if chosen_after {
        let mut k = at;
        while k > 0 && inner(k - 1) && !tokens[k].line_start {
            k -= 1;
        }
        if k == 0 || tokens[k - 1].kind != Kind::Open {
            return None;
        }
        (k, at - 1)
    } else {
        let mut k = at + 1;
        while k < tokens.len() && inner(k) && !tokens[k].line_start {
            k += 1;
        }
        if k >= tokens.len() || tokens[k].kind != Kind::Close {
            return None;
        }
        (at + 1, k - 1)
    };
    while first < last && !edge(first) {
        first += 1;
    }
    while last > first && !edge(last) {
        last -= 1;
    }
    (first <= last && edge(first)).then_some(Run {
        role: 3,
        first,
        last,
    })
}

/// The other half of a sentence that the source and cue interrupt between commas: "The talks
/// failed, Smith said, and both sides left." (but not when a second cue follows: "..., Smith
/// said, adding that ...").
fn interrupted(tokens: &[Tok], labels: &[u8], cue: &Run, chosen: Candidate) -> Option<Run> {
    const SOURCE: usize = 8;
    let is = |k: usize, text: &str| tokens.get(k).is_some_and(|t| t.text == text);
    let source = |k: usize| role(labels[k]) == 1;
    let sentence = tokens[cue.first].sentence;
    let word = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            t.sentence == sentence
                && matches!(t.kind, Kind::Word | Kind::Number)
                && role(labels[k]) != 2
        })
    };
    let edge = |k: usize| {
        !matches!(tokens[k].kind, Kind::Open | Kind::Close | Kind::Single)
            && !matches!(tokens[k].text, "," | "." | ";" | ":" | "!" | "?")
    };
    if chosen.after {
        // ", source cue, Y": the piece before the first comma
        if !(chosen.first == cue.last + 2 && is(cue.last + 1, ",")) {
            return None;
        }
        let mut k = cue.first.checked_sub(1)?;
        let mut skipped = 0;
        while source(k) && skipped < SOURCE {
            k = k.checked_sub(1)?;
            skipped += 1;
        }
        if !is(k, ",") || !word(k.checked_sub(1)?) {
            return None;
        }
        let last = k - 1;
        let mut first = last;
        while first > 0 && tokens[first - 1].sentence == sentence && !tokens[first].line_start {
            first -= 1;
        }
        while first < last && !edge(first) {
            first += 1;
        }
        Some(Run {
            role: 3,
            first,
            last,
        })
    } else {
        // "X, cue source, Y": the piece after the second comma
        if !is(chosen.last + 1, ",") {
            return None;
        }
        let mut k = cue.last + 1;
        let mut skipped = 0;
        while k < tokens.len() && source(k) && skipped < SOURCE {
            k += 1;
            skipped += 1;
        }
        if !is(k, ",") || !word(k + 1) {
            return None;
        }
        let first = k + 1;
        let mut last = first;
        while last + 1 < tokens.len()
            && tokens[last + 1].sentence == sentence
            && !tokens[last + 1].line_start
        {
            last += 1;
        }
        while last > first && !edge(last) {
            last -= 1;
        }
        Some(Run {
            role: 3,
            first,
            last,
        })
    }
}
