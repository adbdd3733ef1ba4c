//! The Markdown rendering: a readable dossier per story. Every text from the report goes through
//! [`escape::markdown`], so no article text can break a table, a list or a heading.

use dossier_model::{Alignment, Diagnostic, Document, Quote, QuoteKind, Report, Severity, Story};

use crate::escape;
use crate::lookup::Lookup;
use crate::wording::{VERDICTS, count, meaning};

/// Shown in a table cell or after a label when there is nothing to show.
const NOTHING: &str = "—";

/// The whole report as Markdown.
pub(crate) fn render(report: &Report) -> String {
    let lookup = Lookup::new(report);
    let diagnostics = lookup.diagnostics();
    let mut out = String::new();
    out.push_str("# Dossier\n\n");
    out.push_str(&format!(
        "{} · {} · {}\n",
        count(report.stories.len(), "story", "stories"),
        count(report.documents.len(), "document", "documents"),
        count(diagnostics.len(), "diagnostic", "diagnostics"),
    ));
    for story in &report.stories {
        story_section(&mut out, &lookup, story);
    }
    let outside = lookup.documents_outside_stories();
    if !outside.is_empty() {
        out.push_str("\n## Documents outside any story\n\n");
        documents_table(&mut out, &outside);
    }
    if !diagnostics.is_empty() {
        out.push_str("\n## Skipped inputs / diagnostics\n\n");
        diagnostics_table(&mut out, &diagnostics);
    }
    out
}

fn story_section(out: &mut String, lookup: &Lookup<'_>, story: &Story) {
    out.push_str(&format!("\n## {}\n\n", inline(&story.title)));
    out.push_str(&format!(
        "Story {} · {} · {}\n",
        inline(&story.id),
        count(story.documents.len(), "document", "documents"),
        count(story.alignments.len(), "alignment", "alignments"),
    ));

    out.push_str("\n### Verdicts\n\n");
    if story.alignments.is_empty() {
        out.push_str("_No aligned claims or quotes._\n");
    } else {
        table_head(out, &["Verdict", "What", "Sources", "Explanation"]);
        for alignment in &story.alignments {
            row(
                out,
                &[
                    cell(alignment.verdict.as_str()),
                    cell(&lookup.summary(alignment)),
                    alignment.independent_sources.to_string(),
                    cell(&alignment.explanation),
                ],
            );
        }
        let legend: Vec<String> = VERDICTS
            .iter()
            .map(|verdict| format!("**{}**: {}", verdict.as_str(), meaning(*verdict)))
            .collect();
        out.push_str(&format!("\nLegend: {}.\n", legend.join("; ")));
    }

    out.push_str("\n### Evidence\n");
    if story.alignments.is_empty() {
        out.push_str("\n_None._\n");
    }
    for (number, alignment) in story.alignments.iter().enumerate() {
        evidence_block(out, lookup, number + 1, alignment);
    }

    out.push_str("\n### Timeline\n\n");
    if story.timeline.is_empty() {
        out.push_str("_None._\n");
    } else {
        table_head(out, &["When", "What", "Evidence"]);
        for entry in &story.timeline {
            let when = match &entry.date {
                Some(date) if !entry.when.contains(date.as_str()) => {
                    format!("{} ({date})", entry.when)
                }
                _ => entry.when.clone(),
            };
            let evidence: Vec<String> = entry
                .evidence
                .iter()
                .map(|id| match lookup.evidence_label(id) {
                    Some(label) => format!("{id} ({label})"),
                    None => id.clone(),
                })
                .collect();
            row(
                out,
                &[cell(&when), cell(&entry.what), cell(&evidence.join(", "))],
            );
        }
    }

    out.push_str("\n### What each outlet adds and omits\n\n");
    if story.outlets.is_empty() {
        out.push_str("_None._\n");
    }
    for outlet in &story.outlets {
        out.push_str(&format!(
            "- **{}** ({})\n",
            inline(&outlet.outlet),
            count(outlet.documents.len(), "document", "documents"),
        ));
        out.push_str(&format!(
            "  - adds: {}\n",
            alignment_list(story, lookup, &outlet.adds)
        ));
        out.push_str(&format!(
            "  - omits: {}\n",
            alignment_list(story, lookup, &outlet.omits)
        ));
    }

    let people = lookup.people_of(story);
    out.push_str("\n### People\n\n");
    if people.is_empty() {
        out.push_str("_None._\n");
    }
    for (person, mentions) in &people {
        let mut parts = vec![count(*mentions, "mention", "mentions")];
        if !person.roles.is_empty() {
            parts.insert(0, inline(&person.roles.join("; ")));
        }
        if !person.aliases.is_empty() {
            parts.push(format!("also {}", inline(&person.aliases.join(", "))));
        }
        out.push_str(&format!(
            "- **{}** — {}\n",
            inline(&person.name),
            parts.join(" · ")
        ));
    }

    let quotes = lookup.quotes_of(story, &people);
    out.push_str("\n### Quotes\n\n");
    if quotes.is_empty() {
        out.push_str("_None._\n");
    } else {
        table_head(
            out,
            &[
                "Speaker", "Cue", "Channel", "Quote", "Kind", "Via", "Document",
            ],
        );
        for quote in quotes {
            quote_row(out, lookup, quote);
        }
    }

    out.push_str("\n### Documents\n\n");
    documents_table(out, &lookup.documents_of(story));
    if !story.copies.is_empty() {
        out.push('\n');
        for (copy, original) in &story.copies {
            out.push_str(&format!(
                "- **{}** is a copy of **{}**; it counts once.\n",
                inline(&lookup.label(copy)),
                inline(&lookup.label(original)),
            ));
        }
    }
}

fn evidence_block(out: &mut String, lookup: &Lookup<'_>, number: usize, alignment: &Alignment) {
    out.push_str(&format!(
        "\n#### {number}. {}: {}\n\n",
        alignment.verdict.as_str(),
        inline(&lookup.summary(alignment)),
    ));
    let mut facts = vec![
        format!("Alignment {}", inline(&alignment.id)),
        count(
            alignment.independent_sources,
            "independent source",
            "independent sources",
        ),
    ];
    if let Some(difference) = &alignment.difference {
        facts.push(format!("differs in {}", inline(difference)));
    }
    out.push_str(&format!("{}\n", facts.join(" · ")));
    if !alignment.explanation.trim().is_empty() {
        out.push_str(&format!("\n{}\n", inline(&alignment.explanation)));
    }
    out.push('\n');
    if alignment.evidence.is_empty() {
        out.push_str("_No evidence spans._\n");
    }
    for evidence in &alignment.evidence {
        let text = if evidence.text.is_empty() {
            lookup
                .document(&evidence.doc)
                .and_then(|document| document.text.get(evidence.start..evidence.end))
                .unwrap_or_default()
        } else {
            evidence.text.as_str()
        };
        out.push_str(&format!(
            "- **{}** — “{}”\n",
            inline(&lookup.label(&evidence.doc)),
            inline(text),
        ));
    }
}

fn quote_row(out: &mut String, lookup: &Lookup<'_>, quote: &Quote) {
    let speaker = if quote.speaker.anonymous {
        format!("{} (anonymous)", quote.speaker.name)
    } else {
        quote.speaker.name.clone()
    };
    let text = match quote.kind {
        QuoteKind::Direct | QuoteKind::Partial => format!("“{}”", quote.text),
        QuoteKind::Indirect => quote.text.clone(),
    };
    let kind = match quote.kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "indirect",
    };
    row(
        out,
        &[
            cell(&speaker),
            cell(quote.cue.as_deref().unwrap_or_default()),
            cell(quote.channel.as_deref().unwrap_or_default()),
            cell(&text),
            kind.to_string(),
            cell(&quote.via.join(" → ")),
            cell(&lookup.label(&quote.doc)),
        ],
    );
}

fn documents_table(out: &mut String, documents: &[&Document]) {
    if documents.is_empty() {
        out.push_str("_None._\n");
        return;
    }
    table_head(
        out,
        &["Document", "Title", "Published", "Removed chrome", "Id"],
    );
    for document in documents {
        row(
            out,
            &[
                cell(&document.label()),
                cell(document.title.as_deref().unwrap_or_default()),
                cell(document.published.as_deref().unwrap_or_default()),
                document.removed.len().to_string(),
                cell(&document.id),
            ],
        );
    }
}

fn diagnostics_table(out: &mut String, diagnostics: &[&Diagnostic]) {
    table_head(out, &["Severity", "Input", "Message"]);
    for diagnostic in diagnostics {
        let severity = match diagnostic.severity {
            Severity::Error => "error (skipped)",
            Severity::Warning => "warning",
        };
        row(
            out,
            &[
                severity.to_string(),
                cell(&diagnostic.input),
                cell(&diagnostic.message),
            ],
        );
    }
}

/// Alignments by id as `summary (id)`, `none` for an empty list.
fn alignment_list(story: &Story, lookup: &Lookup<'_>, ids: &[String]) -> String {
    if ids.is_empty() {
        return "none".to_string();
    }
    ids.iter()
        .map(|id| {
            match story
                .alignments
                .iter()
                .find(|alignment| alignment.id == *id)
            {
                Some(alignment) => {
                    format!("{} ({})", inline(&lookup.summary(alignment)), inline(id))
                }
                None => inline(id),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn table_head(out: &mut String, titles: &[&str]) {
    row(
        out,
        &titles
            .iter()
            .map(|title| title.to_string())
            .collect::<Vec<_>>(),
    );
    row(out, &vec!["---".to_string(); titles.len()]);
}

/// One table row of already escaped cells.
fn row(out: &mut String, cells: &[String]) {
    out.push_str("| ");
    out.push_str(&cells.join(" | "));
    out.push_str(" |\n");
}

/// Report text for a table cell: escaped, or a dash when empty.
fn cell(text: &str) -> String {
    if text.trim().is_empty() {
        NOTHING.to_string()
    } else {
        escape::markdown(text.trim())
    }
}

/// Report text for a heading, a list item or a line.
fn inline(text: &str) -> String {
    escape::markdown(text.trim())
}
