//! The HTML rendering: one self-contained page (inline CSS, no scripts, nothing fetched).
//! Every text from the report goes through [`escape::html`]; anchors are built from positions,
//! never from ids in the report, so no report text reaches an attribute unescaped.

use std::collections::HashMap;

use dossier_model::{
    Alignment, Diagnostic, Document, Evidence, Quote, QuoteKind, Report, Severity, Story, Verdict,
};

use crate::escape::html as esc;
use crate::excerpt::context;
use crate::lookup::Lookup;
use crate::wording::{VERDICTS, count, meaning};

const STYLE: &str = "
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: var(--ink); background: #f6f8fa; }
header, main { max-width: 70rem; margin: 0 auto; padding: 1rem 1.5rem; }
header { border-bottom: 1px solid var(--line); }
h1 { margin: 0 0 .25rem; font-size: 1.6rem; }
h2 { margin: 2.5rem 0 .25rem; font-size: 1.35rem; }
h3 { margin: 1.75rem 0 .5rem; font-size: 1.1rem; border-bottom: 1px solid var(--line); }
h4 { margin: 0 0 .25rem; font-size: 1rem; font-weight: 600; }
section.story { background: #fff; border: 1px solid var(--line); border-radius: 8px;
  padding: .5rem 1.5rem 1.5rem; margin: 1.5rem 0; }
.muted, .legend { color: var(--muted); font-size: .9em; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left;
  vertical-align: top; overflow-wrap: anywhere; }
th { background: #f6f8fa; font-weight: 600; }
td.number { text-align: right; white-space: nowrap; }
.badge { display: inline-block; padding: 0 .5rem; border-radius: 1rem; font-size: .8rem;
  font-weight: 600; white-space: nowrap; border: 1px solid; }
.v-corroborated { color: #116329; background: #dafbe1; border-color: #4ac26b; }
.v-conflict { color: #a40e26; background: #ffebe9; border-color: #ff8182; }
.v-revision { color: #0550ae; background: #ddf4ff; border-color: #54aeff; }
.v-partial { color: #7d4e00; background: #fff8c5; border-color: #d4a72c; }
.v-single-source { color: #424a53; background: #eaeef2; border-color: #afb8c1; }
article.alignment { border-left: 4px solid var(--line); padding: .25rem 0 .25rem 1rem;
  margin: 1rem 0; }
article.alignment:target { background: #fffbdd; }
ul.evidence { list-style: none; padding: 0; margin: .5rem 0 0; }
ul.evidence li { margin: .35rem 0; }
blockquote { margin: .15rem 0 0; padding: .25rem .75rem; background: #f6f8fa;
  border-radius: 4px; white-space: pre-line; }
cite { font-style: normal; font-weight: 600; }
mark { background: #fff3a3; padding: 0 .1rem; }
details summary { cursor: pointer; }
nav ul { margin: .25rem 0; padding-left: 1.25rem; }
";

/// The whole report as one HTML page.
pub(crate) fn render(report: &Report) -> String {
    let lookup = Lookup::new(report);
    let diagnostics = lookup.diagnostics();
    let title = match report.stories.as_slice() {
        [story] => format!("Dossier: {}", story.title.trim()),
        [] => "Dossier report".to_string(),
        stories => format!("Dossier: {} stories", stories.len()),
    };

    let mut out = String::with_capacity(16 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{}</title>\n", esc(&title)));
    out.push_str(&format!("<style>{STYLE}</style>\n</head>\n<body>\n"));

    out.push_str("<header>\n<h1>Dossier</h1>\n");
    out.push_str(&format!(
        "<p class=\"muted\">{} · {} · {}</p>\n",
        count(report.stories.len(), "story", "stories"),
        count(report.documents.len(), "document", "documents"),
        count(diagnostics.len(), "diagnostic", "diagnostics"),
    ));
    if report.stories.len() > 1 {
        out.push_str("<nav><ul>\n");
        for (index, story) in report.stories.iter().enumerate() {
            out.push_str(&format!(
                "<li><a href=\"#story-{}\">{}</a></li>\n",
                index + 1,
                esc(&story.title)
            ));
        }
        out.push_str("</ul></nav>\n");
    }
    out.push_str("</header>\n<main>\n");

    for (index, story) in report.stories.iter().enumerate() {
        story_section(&mut out, &lookup, index + 1, story);
    }
    let outside = lookup.documents_outside_stories();
    if !outside.is_empty() {
        out.push_str("<section class=\"story\" id=\"outside\">\n");
        out.push_str("<h2>Documents outside any story</h2>\n");
        documents_table(&mut out, &outside);
        out.push_str("</section>\n");
    }
    if !diagnostics.is_empty() {
        out.push_str("<section class=\"story\" id=\"diagnostics\">\n");
        out.push_str("<h2>Skipped inputs / diagnostics</h2>\n");
        diagnostics_table(&mut out, &diagnostics);
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn story_section(out: &mut String, lookup: &Lookup<'_>, number: usize, story: &Story) {
    // Anchors by position: report ids are untrusted and need not be valid fragment names.
    let anchor = |index: usize| format!("alignment-{number}-{}", index + 1);
    let mut anchors: HashMap<&str, String> = HashMap::new();
    for (index, alignment) in story.alignments.iter().enumerate() {
        anchors
            .entry(alignment.id.as_str())
            .or_insert_with(|| anchor(index));
    }

    out.push_str(&format!(
        "<section class=\"story\" id=\"story-{number}\">\n<h2>{}</h2>\n",
        esc(&story.title)
    ));
    out.push_str(&format!(
        "<p class=\"muted\">Story {} · {} · {}</p>\n",
        esc(&story.id),
        count(story.documents.len(), "document", "documents"),
        count(story.alignments.len(), "alignment", "alignments"),
    ));

    out.push_str("<h3>Verdicts</h3>\n");
    if story.alignments.is_empty() {
        out.push_str("<p class=\"muted\">No aligned claims or quotes.</p>\n");
    } else {
        out.push_str("<table class=\"verdicts\">\n<thead><tr><th>Verdict</th><th>What</th>");
        out.push_str("<th>Sources</th><th>Explanation</th></tr></thead>\n<tbody>\n");
        for (index, alignment) in story.alignments.iter().enumerate() {
            out.push_str(&format!(
                "<tr><td>{}</td><td><a href=\"#{}\">{}</a></td><td class=\"number\">{}</td>\
                 <td>{}</td></tr>\n",
                badge(alignment.verdict),
                anchor(index),
                esc(&lookup.summary(alignment)),
                alignment.independent_sources,
                esc(&alignment.explanation),
            ));
        }
        out.push_str("</tbody>\n</table>\n<p class=\"legend\">");
        let legend: Vec<String> = VERDICTS
            .iter()
            .map(|verdict| format!("{} {}", badge(*verdict), esc(meaning(*verdict))))
            .collect();
        out.push_str(&legend.join(" · "));
        out.push_str("</p>\n");
    }

    out.push_str("<h3>Evidence</h3>\n");
    if story.alignments.is_empty() {
        out.push_str("<p class=\"muted\">None.</p>\n");
    }
    for (index, alignment) in story.alignments.iter().enumerate() {
        evidence_article(out, lookup, &anchor(index), alignment);
    }

    out.push_str("<h3>Timeline</h3>\n");
    if story.timeline.is_empty() {
        out.push_str("<p class=\"muted\">None.</p>\n");
    } else {
        out.push_str("<table class=\"timeline\">\n<thead><tr><th>When</th><th>What</th>");
        out.push_str("<th>Evidence</th></tr></thead>\n<tbody>\n");
        for entry in &story.timeline {
            let when = match &entry.date {
                Some(date) if !entry.when.contains(date.as_str()) => format!(
                    "{} <span class=\"muted\">({})</span>",
                    esc(&entry.when),
                    esc(date)
                ),
                _ => esc(&entry.when),
            };
            let evidence: Vec<String> = entry
                .evidence
                .iter()
                .map(|id| match lookup.evidence_label(id) {
                    Some(label) => {
                        format!("{} <span class=\"muted\">({})</span>", esc(id), esc(&label))
                    }
                    None => esc(id),
                })
                .collect();
            out.push_str(&format!(
                "<tr><td>{when}</td><td>{}</td><td>{}</td></tr>\n",
                esc(&entry.what),
                evidence.join(", "),
            ));
        }
        out.push_str("</tbody>\n</table>\n");
    }

    out.push_str("<h3>What each outlet adds and omits</h3>\n");
    if story.outlets.is_empty() {
        out.push_str("<p class=\"muted\">None.</p>\n");
    } else {
        out.push_str("<table class=\"outlets\">\n<thead><tr><th>Outlet</th><th>Documents</th>");
        out.push_str("<th>Adds</th><th>Omits</th></tr></thead>\n<tbody>\n");
        for outlet in &story.outlets {
            out.push_str(&format!(
                "<tr><td>{}</td><td class=\"number\">{}</td><td>{}</td><td>{}</td></tr>\n",
                esc(&outlet.outlet),
                outlet.documents.len(),
                alignment_links(story, lookup, &anchors, &outlet.adds),
                alignment_links(story, lookup, &anchors, &outlet.omits),
            ));
        }
        out.push_str("</tbody>\n</table>\n");
    }

    let people = lookup.people_of(story);
    out.push_str("<h3>People</h3>\n");
    if people.is_empty() {
        out.push_str("<p class=\"muted\">None.</p>\n");
    } else {
        out.push_str("<ul class=\"people\">\n");
        for (person, mentions) in &people {
            out.push_str(&format!("<li><strong>{}</strong>", esc(&person.name)));
            if !person.roles.is_empty() {
                out.push_str(&format!(" — {}", esc(&person.roles.join("; "))));
            }
            out.push_str(&format!(
                " <span class=\"muted\">· {}",
                count(*mentions, "mention", "mentions")
            ));
            if !person.aliases.is_empty() {
                out.push_str(&format!(" · also {}", esc(&person.aliases.join(", "))));
            }
            out.push_str("</span></li>\n");
        }
        out.push_str("</ul>\n");
    }

    let quotes = lookup.quotes_of(story, &people);
    out.push_str("<h3>Quotes</h3>\n");
    if quotes.is_empty() {
        out.push_str("<p class=\"muted\">None.</p>\n");
    } else {
        out.push_str("<table class=\"quotes\">\n<thead><tr><th>Speaker</th><th>Cue</th>");
        out.push_str("<th>Channel</th><th>Quote</th><th>Kind</th><th>Via</th>");
        out.push_str("<th>Document</th></tr></thead>\n<tbody>\n");
        for quote in quotes {
            quote_row(out, lookup, quote);
        }
        out.push_str("</tbody>\n</table>\n");
    }

    out.push_str("<h3>Documents</h3>\n");
    documents_table(out, &lookup.documents_of(story));
    if !story.copies.is_empty() {
        out.push_str("<ul class=\"copies\">\n");
        for (copy, original) in &story.copies {
            out.push_str(&format!(
                "<li><strong>{}</strong> is a copy of <strong>{}</strong>; it counts once.</li>\n",
                esc(&lookup.label(copy)),
                esc(&lookup.label(original)),
            ));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

fn evidence_article(out: &mut String, lookup: &Lookup<'_>, anchor: &str, alignment: &Alignment) {
    out.push_str(&format!(
        "<article class=\"alignment\" id=\"{anchor}\">\n<h4>{} {}</h4>\n",
        badge(alignment.verdict),
        esc(&lookup.summary(alignment)),
    ));
    let mut facts = vec![
        format!("Alignment {}", esc(&alignment.id)),
        count(
            alignment.independent_sources,
            "independent source",
            "independent sources",
        ),
    ];
    if let Some(difference) = &alignment.difference {
        facts.push(format!("differs in {}", esc(difference)));
    }
    out.push_str(&format!("<p class=\"muted\">{}</p>\n", facts.join(" · ")));
    if !alignment.explanation.trim().is_empty() {
        out.push_str(&format!("<p>{}</p>\n", esc(&alignment.explanation)));
    }
    if alignment.evidence.is_empty() {
        out.push_str("<p class=\"muted\">No evidence spans.</p>\n");
    } else {
        out.push_str("<ul class=\"evidence\">\n");
        for evidence in &alignment.evidence {
            out.push_str(&format!(
                "<li><cite>{}</cite>\n<blockquote>{}</blockquote></li>\n",
                esc(&lookup.label(&evidence.doc)),
                in_context(lookup, evidence),
            ));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</article>\n");
}

/// The evidence span marked inside its sentence; the copied-out text alone when the offsets do
/// not fit the document.
fn in_context(lookup: &Lookup<'_>, evidence: &Evidence) -> String {
    let found = lookup
        .document(&evidence.doc)
        .and_then(|document| context(&document.text, evidence.start, evidence.end))
        .filter(|found| !found.span.is_empty());
    match found {
        Some(found) => format!(
            "{}{}<mark>{}</mark>{}{}",
            if found.cut_before { "… " } else { "" },
            esc(found.before),
            esc(found.span),
            esc(found.after),
            if found.cut_after { " …" } else { "" },
        ),
        None => format!("<mark>{}</mark>", esc(&evidence.text)),
    }
}

fn quote_row(out: &mut String, lookup: &Lookup<'_>, quote: &Quote) {
    let mut speaker = esc(&quote.speaker.name);
    if quote.speaker.anonymous {
        speaker.push_str(" <span class=\"muted\">(anonymous)</span>");
    }
    let (text, kind) = match quote.kind {
        QuoteKind::Direct => (format!("“{}”", esc(&quote.text)), "direct"),
        QuoteKind::Partial => (format!("“{}”", esc(&quote.text)), "partial"),
        QuoteKind::Indirect => (esc(&quote.text), "indirect"),
    };
    out.push_str(&format!(
        "<tr><td>{speaker}</td><td>{}</td><td>{}</td><td>{text}</td><td>{kind}</td>\
         <td>{}</td><td>{}</td></tr>\n",
        optional(quote.cue.as_deref()),
        optional(quote.channel.as_deref()),
        optional(Some(quote.via.join(" → ").as_str())),
        esc(&lookup.label(&quote.doc)),
    ));
}

fn documents_table(out: &mut String, documents: &[&Document]) {
    if documents.is_empty() {
        out.push_str("<p class=\"muted\">None.</p>\n");
        return;
    }
    out.push_str("<table class=\"documents\">\n<thead><tr><th>Document</th><th>Title</th>");
    out.push_str("<th>Published</th><th>Removed chrome</th><th>Id</th></tr></thead>\n<tbody>\n");
    for document in documents {
        let source = document
            .url
            .as_deref()
            .or(document.path.as_deref())
            .map(|source| format!("<br><span class=\"muted\">{}</span>", esc(source)))
            .unwrap_or_default();
        out.push_str(&format!(
            "<tr><td>{}{source}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            esc(&document.label()),
            optional(document.title.as_deref()),
            optional(document.published.as_deref()),
            removed(document),
            esc(&document.id),
        ));
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The count of removed chrome, with the removed lines behind a disclosure.
fn removed(document: &Document) -> String {
    if document.removed.is_empty() {
        return "0".to_string();
    }
    let items: Vec<String> = document
        .removed
        .iter()
        .map(|removed| {
            format!(
                "<li><span class=\"muted\">{}:</span> {}</li>",
                esc(&removed.reason),
                esc(&removed.text)
            )
        })
        .collect();
    format!(
        "<details><summary>{}</summary><ul>{}</ul></details>",
        document.removed.len(),
        items.join("")
    )
}

fn diagnostics_table(out: &mut String, diagnostics: &[&Diagnostic]) {
    out.push_str("<table class=\"diagnostics\">\n<thead><tr><th>Severity</th><th>Input</th>");
    out.push_str("<th>Message</th></tr></thead>\n<tbody>\n");
    for diagnostic in diagnostics {
        let severity = match diagnostic.severity {
            Severity::Error => "error (skipped)",
            Severity::Warning => "warning",
        };
        out.push_str(&format!(
            "<tr><td>{severity}</td><td>{}</td><td>{}</td></tr>\n",
            esc(&diagnostic.input),
            esc(&diagnostic.message),
        ));
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Links to alignments by id, with their summaries; `none` for an empty list.
fn alignment_links(
    story: &Story,
    lookup: &Lookup<'_>,
    anchors: &HashMap<&str, String>,
    ids: &[String],
) -> String {
    if ids.is_empty() {
        return "<span class=\"muted\">none</span>".to_string();
    }
    let links: Vec<String> = ids
        .iter()
        .map(|id| {
            let alignment = story
                .alignments
                .iter()
                .find(|alignment| alignment.id == *id);
            match (alignment, anchors.get(id.as_str())) {
                (Some(alignment), Some(anchor)) => format!(
                    "<a href=\"#{anchor}\">{}</a> {}",
                    esc(&lookup.summary(alignment)),
                    badge(alignment.verdict),
                ),
                _ => esc(id),
            }
        })
        .collect();
    links.join("<br>")
}

fn badge(verdict: Verdict) -> String {
    let name = verdict.as_str();
    format!("<span class=\"badge v-{name}\">{name}</span>")
}

/// Escaped text, or a dash when there is none.
fn optional(text: Option<&str>) -> String {
    match text.map(str::trim) {
        Some(text) if !text.is_empty() => esc(text),
        _ => "—".to_string(),
    }
}
