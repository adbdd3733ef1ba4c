//! Entities merged across the documents of one story: the same canonical name and kind is one
//! entity; a lone surname joins the one full name in the story that ends with it, never two;
//! a one-word name read as several kinds takes the kind most of its mentions give it.

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
    // A one-word name the documents read as different kinds ("Marvessa" a person in one, an
    // organisation in two, a place in another) is one entity of the kind most mentions give
    // it; a mention with a title or role stays a person.
    let mut votes: BTreeMap<String, BTreeMap<EntityKind, usize>> = BTreeMap::new();
    for a in analyses {
        for m in &a.mentions {
            if !m.canonical.contains(' ') && m.roles.is_empty() {
                *votes
                    .entry(m.canonical.to_lowercase())
                    .or_default()
                    .entry(m.kind)
                    .or_default() += 1;
            }
        }
    }
    let kind_of = |m: &dossier_model::Mention| {
        if m.canonical.contains(' ') || !m.roles.is_empty() {
            return m.kind;
        }
        votes
            .get(&m.canonical.to_lowercase())
            .and_then(|counts| {
                // most mentions; a tie goes to the first of place, organisation, person
                let rank = |k: &EntityKind| match k {
                    EntityKind::Place => 3,
                    EntityKind::Organization => 2,
                    EntityKind::Person => 1,
                    _ => 0,
                };
                counts
                    .iter()
                    .max_by_key(|(k, n)| (**n, rank(k)))
                    .map(|(k, _)| *k)
            })
            .unwrap_or(m.kind)
    };
    let mut by_key: BTreeMap<(EntityKind, String), Entity> = BTreeMap::new();
    let mut order: Vec<(EntityKind, String)> = Vec::new();
    for a in analyses {
        for m in &a.mentions {
            let kind = kind_of(m);
            let mut name = m.canonical.clone();
            if kind == EntityKind::Person
                && !name.contains(' ')
                && let Some(names) = full_names.get(&name).filter(|n| n.len() == 1)
            {
                name = names[0].clone();
            }
            let key = (kind, name.to_lowercase());
            let entity = by_key.entry(key.clone()).or_insert_with(|| {
                order.push(key.clone());
                Entity {
                    id: format!(
                        "e-{}",
                        &stable_id(&[story_id, kind.as_str(), &name.to_lowercase()])[..12]
                    ),
                    name: name.clone(),
                    kind,
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

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_model::{Mention, Span};

    fn analysis(doc: &str, mentions: &[(&str, EntityKind, &[&str])]) -> Analysis {
        Analysis {
            doc: doc.to_string(),
            sentences: Vec::new(),
            mentions: mentions
                .iter()
                .map(|(name, kind, roles)| Mention {
                    span: Span::new(0, name.len()),
                    text: name.to_string(),
                    kind: *kind,
                    canonical: name.to_string(),
                    roles: roles.iter().map(|r| r.to_string()).collect(),
                })
                .collect(),
            quotes: Vec::new(),
            claims: Vec::new(),
            times: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    #[test]
    fn a_one_word_name_read_as_several_kinds_is_one_entity_of_the_most_given_kind() {
        let a = analysis(
            "d1",
            &[
                ("Marvessa", EntityKind::Person, &[]),
                ("Marvessa", EntityKind::Organization, &[]),
            ],
        );
        let b = analysis(
            "d2",
            &[
                ("Marvessa", EntityKind::Organization, &[]),
                ("Halvik", EntityKind::Person, &["Minister"]),
                ("Halvik", EntityKind::Organization, &[]),
            ],
        );
        let merged = merge("s1", &[&a, &b]);
        let marvessa: Vec<_> = merged.iter().filter(|e| e.name == "Marvessa").collect();
        assert_eq!(marvessa.len(), 1);
        assert_eq!(marvessa[0].kind, EntityKind::Organization);
        assert_eq!(marvessa[0].mentions.len(), 3);
        // a mention with a role stays a person
        assert!(
            merged
                .iter()
                .any(|e| e.name == "Halvik" && e.kind == EntityKind::Person)
        );
    }
}
