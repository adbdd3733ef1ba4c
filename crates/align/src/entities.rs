//! Entities merged across the documents of one story: the same canonical name and kind is one
//! entity; a lone surname joins the one full name in the story that ends with it, never two.

use std::collections::BTreeMap;

use dossier_model::{Analysis, Entity, EntityKind, MentionRef, stable_id};

/// Merges the mentions of a story's analyses into entities.
pub fn merge(story_id: &str, analyses: &[&Analysis]) -> Vec<Entity> {
    // Full person names in the story, to attach lone surnames from other documents.
    let mut full_names: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for a in analyses {
        for m in &a.mentions {
            if m.kind == EntityKind::Person
                && let Some(last) = m
                    .canonical
                    .split_whitespace()
                    .last()
                    .filter(|_| m.canonical.contains(' '))
            {
                let names = full_names.entry(last.to_string()).or_default();
                if !names.contains(&m.canonical) {
                    names.push(m.canonical.clone());
                }
            }
        }
    }
    let mut by_key: BTreeMap<(EntityKind, String), Entity> = BTreeMap::new();
    let mut order: Vec<(EntityKind, String)> = Vec::new();
    for a in analyses {
        for m in &a.mentions {
            let mut name = m.canonical.clone();
            if m.kind == EntityKind::Person
                && !name.contains(' ')
                && let Some(names) = full_names.get(&name).filter(|n| n.len() == 1)
            {
                name = names[0].clone();
            }
            let key = (m.kind, name.to_lowercase());
            let entity = by_key.entry(key.clone()).or_insert_with(|| {
                order.push(key.clone());
                Entity {
                    id: format!(
                        "e-{}",
                        &stable_id(&[story_id, m.kind.as_str(), &name.to_lowercase()])[..12]
                    ),
                    name: name.clone(),
                    kind: m.kind,
                    aliases: Vec::new(),
                    roles: Vec::new(),
                    mentions: Vec::new(),
                }
            });
            // A dateline's capitals give way to the name as the text writes it.
            if is_shouting(&entity.name) && !is_shouting(&name) {
                let caps = std::mem::replace(&mut entity.name, name.clone());
                if !entity.aliases.contains(&caps) {
                    entity.aliases.push(caps);
                }
            }
            if m.text != entity.name && !entity.aliases.contains(&m.text) {
                entity.aliases.push(m.text.clone());
            }
            for role in &m.roles {
                let normal = role.to_lowercase().replace('\u{2019}', "'");
                if !entity
                    .roles
                    .iter()
                    .any(|r| r.to_lowercase().replace('\u{2019}', "'") == normal)
                {
                    entity.roles.push(role.clone());
                }
            }
            entity.mentions.push(MentionRef {
                doc: a.doc.clone(),
                start: m.span.start,
                end: m.span.end,
            });
        }
    }
    order
        .into_iter()
        .filter_map(|k| by_key.remove(&k))
        .collect()
}

/// All letters capitals, more than one of them ("BRENHOLM", not "EU"-like short acronyms too).
fn is_shouting(name: &str) -> bool {
    name.chars().filter(|c| c.is_alphabetic()).count() > 4
        && !name.chars().any(|c| c.is_lowercase())
}
