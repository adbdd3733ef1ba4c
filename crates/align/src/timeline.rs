//! The story's timeline: each aligned fact placed at the earliest time its statements give.
//! Resolved dates sort by date; without a publication date, expressions sort by their
//! estimated offset from the day of writing (the weekend before Monday, a past month before
//! both, a planned month after).

use std::cmp::Ordering;

use dossier_model::{Alignment, TimeExpr, TimelineEntry};

/// A claim or quote with the times it speaks of.
#[derive(Debug, Clone, Copy)]
pub struct Timed<'a> {
    /// Claim or quote id.
    pub id: &'a str,
    /// Its text.
    pub text: &'a str,
    /// Its times.
    pub times: &'a [TimeExpr],
}

fn earlier(a: &TimeExpr, b: &TimeExpr) -> Ordering {
    match (&a.start, &b.start) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => match (a.relative_days, b.relative_days) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
    }
}

/// Whether two expressions name the same time: the same resolved day, else the same estimate
/// and words.
fn same_time(a: &TimeExpr, b: &TimeExpr) -> bool {
    match (&a.start, &b.start) {
        (Some(x), Some(y)) => x == y,
        (None, None) => {
            a.relative_days == b.relative_days && a.text.to_lowercase() == b.text.to_lowercase()
        }
        _ => false,
    }
}

/// Builds the timeline from the alignments and the statements they rest on.
pub fn build(alignments: &[Alignment], statements: &[Timed]) -> Vec<TimelineEntry> {
    let mut entries: Vec<(TimeExpr, usize, TimelineEntry)> = Vec::new();
    for (order, alignment) in alignments.iter().enumerate() {
        let members = statements.iter().filter(|s| {
            alignment
                .claims
                .iter()
                .chain(&alignment.quotes)
                .any(|id| id == s.id)
        });
        // One entry per distinct time the group's statements give: a revision's steps ("in
        // July", "on Monday night") or two reports' different days are separate events.
        let mut times: Vec<(&TimeExpr, &Timed)> = members
            .flat_map(|s| s.times.iter().map(move |t| (t, s)))
            .collect();
        times.sort_by(|(a, _), (b, _)| earlier(a, b));
        times.dedup_by(|(a, _), (b, _)| earlier(a, b) == Ordering::Equal && same_time(a, b));
        for (time, first) in times {
            // Say what happened with a claim of the group when there is one: a quoted
            // fragment ("spirit and letter") says less than the sentence around it.
            let statement = statements
                .iter()
                .find(|s| {
                    alignment.claims.iter().any(|id| id == s.id)
                        && s.times.iter().any(|t| same_time(t, time))
                })
                .unwrap_or(first);
            let when = match &time.start {
                Some(date) => format!("{date} ({})", time.text),
                None => time.text.clone(),
            };
            entries.push((
                time.clone(),
                order,
                TimelineEntry {
                    when,
                    date: time.start.clone(),
                    what: shorten(statement.text, 160),
                    evidence: alignment
                        .claims
                        .iter()
                        .chain(&alignment.quotes)
                        .cloned()
                        .collect(),
                },
            ));
        }
    }
    entries.sort_by(|a, b| earlier(&a.0, &b.0).then(a.1.cmp(&b.1)));
    entries.into_iter().map(|(_, _, e)| e).collect()
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut
        .rsplit_once(' ')
        .map_or(cut.as_str(), |(head, _)| head)
        .to_string();
    format!("{cut}\u{2026}")
}
