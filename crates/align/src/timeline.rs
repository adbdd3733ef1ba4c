//! The story's timeline: each aligned fact placed at the earliest time its statements give,
//! resolved dates first in date order, then unresolved ones in the order the texts give them.

use dossier_model::{Alignment, Claim, TimelineEntry};

/// Builds the timeline from the alignments and the claims they rest on.
pub fn build(alignments: &[Alignment], claims: &[&Claim]) -> Vec<TimelineEntry> {
    let mut entries: Vec<(Option<String>, usize, TimelineEntry)> = Vec::new();
    for (order, alignment) in alignments.iter().enumerate() {
        let members: Vec<&&Claim> = claims
            .iter()
            .filter(|c| alignment.claims.contains(&c.id))
            .collect();
        let timed = members
            .iter()
            .flat_map(|c| c.times.iter().map(move |t| (t, *c)))
            .min_by(|(a, _), (b, _)| match (&a.start, &b.start) {
                (Some(x), Some(y)) => x.cmp(y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            });
        let Some((time, claim)) = timed else { continue };
        let when = match &time.start {
            Some(date) => format!("{date} ({})", time.text),
            None => time.text.clone(),
        };
        entries.push((
            time.start.clone(),
            order,
            TimelineEntry {
                when,
                date: time.start.clone(),
                what: shorten(&claim.text, 160),
                evidence: alignment
                    .claims
                    .iter()
                    .chain(&alignment.quotes)
                    .cloned()
                    .collect(),
            },
        ));
    }
    entries.sort_by(|a, b| match (&a.0, &b.0) {
        (Some(x), Some(y)) => x.cmp(y).then(a.1.cmp(&b.1)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.1.cmp(&b.1),
    });
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
