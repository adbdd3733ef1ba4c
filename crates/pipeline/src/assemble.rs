//! Puts the report together: stories from the grouper, lineage and alignment per story,
//! entities merged per story, speakers linked to their entities.

use std::collections::HashMap;

use dossier_align::{Aligner, StoryDoc};
use dossier_group::{Grouper, StoryInput};
use dossier_model::{Analysis, Diagnostic, Document, EntityKind, Report, Story, stable_id};

/// Builds the report from documents and their analyses (same order).
pub fn report(
    mut documents: Vec<Document>,
    analyses: Vec<Analysis>,
    mut diagnostics: Vec<Diagnostic>,
    grouper: &Grouper,
    aligner: &Aligner,
) -> Report {
    let inputs: Vec<StoryInput> = documents
        .iter()
        .zip(&analyses)
        .map(|(d, a)| StoryInput {
            text: d.text.clone(),
            entities: a
                .mentions
                .iter()
                .filter(|m| m.kind != EntityKind::Other)
                .map(|m| m.canonical.clone())
                .collect(),
            day: d.published_at().map(|p| {
                p.date_naive()
                    .signed_duration_since(chrono::NaiveDate::default())
                    .num_days()
            }),
        })
        .collect();
    let clusters = grouper.stories(&inputs);
    let mut stories = Vec::new();
    let mut entities = Vec::new();
    for members in &clusters {
        let ids: Vec<&str> = members.iter().map(|&i| documents[i].id.as_str()).collect();
        let story_id = format!("s{}", &stable_id(&ids)[..10]);
        let texts: Vec<String> = members.iter().map(|&i| documents[i].text.clone()).collect();
        let lineage = grouper.lineage(&texts);
        let originals: Vec<String> = (0..members.len())
            .map(|k| documents[members[lineage.original_of(k)]].id.clone())
            .collect();
        let story_docs: Vec<StoryDoc> = members
            .iter()
            .enumerate()
            .map(|(k, &i)| StoryDoc {
                document: &documents[i],
                analysis: &analyses[i],
                original: &originals[k],
            })
            .collect();
        let aligned = aligner.run(&story_id, &story_docs);
        let title = members
            .iter()
            .find_map(|&i| documents[i].title.clone())
            .unwrap_or_else(|| top_names(&aligned.entities));
        stories.push(Story {
            id: story_id,
            title,
            documents: ids.iter().map(|s| s.to_string()).collect(),
            copies: lineage
                .copies()
                .map(|(copy, original)| {
                    (
                        documents[members[copy]].id.clone(),
                        documents[members[original]].id.clone(),
                    )
                })
                .collect(),
            alignments: aligned.alignments,
            timeline: aligned.timeline,
            outlets: aligned.outlets,
        });
        entities.extend(aligned.entities);
    }
    // Link speakers and sources to the entities of their story.
    let mut entity_of: HashMap<(String, String), String> = HashMap::new();
    for (story, members) in stories.iter().zip(&clusters) {
        let story_entities: Vec<&dossier_model::Entity> = entities
            .iter()
            .filter(|e| e.mentions.iter().any(|m| story.documents.contains(&m.doc)))
            .collect();
        for &i in members {
            for e in &story_entities {
                for name in std::iter::once(&e.name).chain(&e.aliases) {
                    entity_of
                        .entry((documents[i].id.clone(), name.clone()))
                        .or_insert_with(|| e.id.clone());
                }
            }
        }
    }
    let mut quotes = Vec::new();
    let mut claims = Vec::new();
    for (doc, analysis) in documents.iter_mut().zip(analyses) {
        for diagnostic in &analysis.diagnostics {
            doc.diagnostics.push(diagnostic.clone());
        }
        for mut q in analysis.quotes {
            if !q.speaker.anonymous {
                q.speaker.entity = entity_of
                    .get(&(doc.id.clone(), q.speaker.name.clone()))
                    .cloned();
            }
            quotes.push(q);
        }
        for mut c in analysis.claims {
            if let Some(source) = c.source.as_mut().filter(|s| !s.anonymous) {
                source.entity = entity_of
                    .get(&(doc.id.clone(), source.name.clone()))
                    .cloned();
            }
            claims.push(c);
        }
    }
    diagnostics.extend(documents.iter().flat_map(|d| d.diagnostics.clone()));
    Report {
        documents,
        entities,
        quotes,
        claims,
        stories,
        diagnostics,
    }
}

/// A title from the most mentioned names, for stories without a headline.
fn top_names(entities: &[dossier_model::Entity]) -> String {
    let mut ranked: Vec<&dossier_model::Entity> = entities
        .iter()
        .filter(|e| e.kind != EntityKind::Other)
        .collect();
    ranked.sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
    // A dateline's capitals ("BRENHOLM, June 17") name the same place as "Brenholm", and a
    // short form ("Orvane") the same company as the full name ("Orvane Rail"): one of each.
    let mut names: Vec<&str> = Vec::new();
    for entity in &ranked {
        let name = entity.name.as_str();
        let words =
            |n: &str| -> Vec<String> { n.split_whitespace().map(str::to_lowercase).collect() };
        let mine = words(name);
        let within = |other: &&str| words(other).iter().all(|w| mine.contains(w));
        if let Some(shorter) = names.iter().position(within) {
            // The fuller name stands for both.
            names[shorter] = name;
        } else if !names
            .iter()
            .any(|other| mine.iter().all(|w| words(other).contains(w)))
        {
            names.push(name);
        }
        if names.len() == 4 {
            break;
        }
    }
    if names.is_empty() {
        "Untitled story".to_string()
    } else {
        names.join(", ")
    }
}
