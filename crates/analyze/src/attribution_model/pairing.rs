//! From token labels to attributions: spans of each role, each content joined to the nearest
//! cue around it, each cue to the nearest source of its sentence.

use dossier_model::Span;

use super::Attribution;
use super::features::role;
use super::tokens::Tok;

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

/// Joins the runs into attributions.
pub(crate) fn pair(tokens: &[Tok], labels: &[u8]) -> Vec<Attribution> {
    let all = runs(labels);
    let cues: Vec<&Run> = all.iter().filter(|r| r.role == 2).collect();
    let sources: Vec<&Run> = all.iter().filter(|r| r.role == 1).collect();
    let mut by_cue: Vec<Vec<Span>> = vec![Vec::new(); cues.len()];
    let mut orphans: Vec<Vec<Span>> = Vec::new();
    for content in all.iter().filter(|r| r.role == 3) {
        let s0 = tokens[content.first].sentence;
        let s1 = tokens[content.last].sentence;
        let mut best: Option<(usize, usize)> = None;
        for (c, cue) in cues.iter().enumerate() {
            let s = tokens[cue.first].sentence;
            if s + 1 < s0 || s > s1 + 1 {
                continue;
            }
            let outside = if s < s0 { s0 - s } else { s.saturating_sub(s1) };
            let cost = gap(content, cue) + 30 * outside;
            if best.is_none_or(|(_, b)| cost < b) {
                best = Some((c, cost));
            }
        }
        match best {
            Some((c, _)) => by_cue[c].extend(pieces(tokens, content)),
            None => orphans.push(pieces(tokens, content)),
        }
    }
    let mut out = Vec::new();
    for (c, mut content) in by_cue.into_iter().enumerate() {
        if content.is_empty() {
            continue;
        }
        let cue = cues[c];
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
            .map(|r| Span::new(tokens[r.first].start, tokens[r.last].end));
        let cue_span = Span::new(tokens[cue.first].start, tokens[cue.last].end);
        content.sort_by_key(|s| s.start);
        // pieces stay together when only the cue, its source or a line break parts them
        let mut groups: Vec<Vec<Span>> = Vec::new();
        for piece in content {
            let joined = groups.last().and_then(|g| g.last()).is_some_and(|last| {
                let between = Span::new(last.end, piece.start);
                let holds = |x: Span| x.start >= between.start && x.end <= between.end;
                holds(cue_span)
                    || source.is_some_and(holds)
                    || text_between(tokens, between).trim().is_empty()
            });
            match groups.last_mut() {
                Some(g) if joined => g.push(piece),
                _ => groups.push(vec![piece]),
            }
        }
        for g in groups {
            out.push(Attribution {
                content: g,
                source,
                cue: Some(cue_span),
            });
        }
    }
    for content in orphans {
        out.push(Attribution {
            content,
            source: None,
            cue: None,
        });
    }
    out.sort_by_key(|a| a.content.first().map_or(0, |s| s.start));
    out
}

/// Whether any token lies in the span (the text between two pieces).
fn text_between(tokens: &[Tok], between: Span) -> &'static str {
    let from = tokens.partition_point(|t| t.start < between.start);
    if tokens.get(from).is_some_and(|t| t.end <= between.end) {
        "x"
    } else {
        ""
    }
}
