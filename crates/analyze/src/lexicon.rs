//! Word lists loaded from `data/*.txt` once, at build time of the analyzer.

use std::collections::{HashMap, HashSet};

/// Every word list the analysis uses, lowercased.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Words that keep their full stop without ending a sentence.
    pub abbreviations: HashSet<String>,
    /// Role head nouns and titles.
    pub titles: HashSet<String>,
    /// Lowercase words allowed inside a role phrase.
    pub role_words: HashSet<String>,
    /// Speech and reporting cue words (all inflections).
    pub cues: HashSet<String>,
    /// Head nouns of unnamed sources.
    pub anonymous: HashSet<String>,
    /// Outlet full names.
    pub outlets: HashSet<String>,
    /// Words that make a capitalised name an outlet.
    pub outlet_heads: HashSet<String>,
    /// Organisation full names.
    pub organizations: HashSet<String>,
    /// Words that make a capitalised name an organisation.
    pub organization_heads: HashSet<String>,
    /// Place names.
    pub places: HashSet<String>,
    /// Words that make a capitalised name a place ("... Street", "... Bay").
    pub place_heads: HashSet<String>,
    /// Nationality and group words.
    pub demonyms: HashSet<String>,
    /// Words that are never names on their own.
    pub common_words: HashSet<String>,
    /// Platforms said with "on".
    pub platforms: Vec<String>,
    /// Media said with "in a".
    pub media: Vec<String>,
    /// Audiences said with "to".
    pub audiences: Vec<String>,
    /// Nouns for a settlement that introduce its name with "of" ("the port of …").
    pub settlement_nouns: HashSet<String>,
    /// Verbs of a relative clause that give a role, with the role noun ("chairs" → "chair").
    pub role_verbs: HashMap<String, String>,
    /// Common nouns standing for an organisation named before, with the head words of the
    /// names they can stand for ("agency" → authority, agency, commission, ...).
    pub org_nouns: HashMap<String, Vec<String>>,
    /// Each title's plural, lowercase, to the title ("secretaries" → "secretary").
    title_plurals: HashMap<String, String>,
}

/// The lowercase words of a data file, `#` lines left out.
pub(crate) fn words(data: &str) -> HashSet<String> {
    data.lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
        .map(str::to_lowercase)
        .collect()
}

fn lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// Full names (one per line) and `head:` words of a names file.
fn names_and_heads(data: &str) -> (HashSet<String>, HashSet<String>) {
    let mut names = HashSet::new();
    let mut heads = HashSet::new();
    for line in lines(data) {
        if let Some(rest) = line.strip_prefix("head:") {
            heads.extend(rest.split_whitespace().map(str::to_lowercase));
        } else {
            names.insert(line.to_lowercase());
        }
    }
    (names, heads)
}

/// `word value` lines.
fn pairs(data: &str) -> HashMap<String, String> {
    lines(data)
        .filter_map(|line| line.split_once(char::is_whitespace))
        .map(|(word, value)| (word.to_lowercase(), value.trim().to_lowercase()))
        .collect()
}

/// `word: value value ...` lines; the word is one of its own values.
fn lists(data: &str) -> HashMap<String, Vec<String>> {
    lines(data)
        .filter_map(|line| line.split_once(':'))
        .map(|(word, values)| {
            let word = word.trim().to_lowercase();
            let mut values: Vec<String> =
                values.split_whitespace().map(str::to_lowercase).collect();
            if !values.contains(&word) {
                values.push(word.clone());
            }
            (word, values)
        })
        .collect()
}

fn tagged(data: &str, tag: &str) -> Vec<String> {
    lines(data)
        .filter_map(|line| line.strip_prefix(tag))
        .map(|rest| rest.trim().to_string())
        .collect()
}

/// Common nouns that stand for an organisation named before ("the company", "the party").
const ORGANIZATION_REFERENCES: &[&str] = &[
    "company",
    "ministry",
    "department",
    "government",
    "firm",
    "group",
    "organisation",
    "organization",
    "agency",
    "administration",
    "office",
    "campaign",
    "party",
    "bank",
    "union",
];

/// Each title's plural to the title, and the head nouns of unnamed sources: the list, and the
/// plural of every title of a person ("one of the arbiters", "two nurses") that is no title
/// itself ("mrs").
fn plurals_and_unnamed_heads(
    titles: &HashSet<String>,
) -> (HashMap<String, String>, HashSet<String>) {
    let plurals: HashMap<String, String> = titles
        .iter()
        .map(|title| (plural_of(title), title.clone()))
        .collect();
    let mut heads = words(include_str!("../data/anonymous.txt"));
    heads.extend(
        plurals
            .iter()
            .filter(|(plural, title)| {
                title.len() > 3
                    && title.chars().all(|c| c.is_ascii_lowercase())
                    && !titles.contains(*plural)
            })
            .map(|(plural, _)| plural.clone()),
    );
    (plurals, heads)
}

/// The regular English plural of a noun ("secretary" → "secretaries", "coach" → "coaches").
fn plural_of(noun: &str) -> String {
    let consonant_y = noun
        .strip_suffix('y')
        .filter(|stem| stem.chars().last().is_some_and(|c| !"aeiou".contains(c)));
    if let Some(stem) = consonant_y {
        format!("{stem}ies")
    } else if ["s", "sh", "ch", "x"].iter().any(|end| noun.ends_with(end)) {
        format!("{noun}es")
    } else if let Some(stem) = noun.strip_suffix("man") {
        format!("{stem}men")
    } else {
        format!("{noun}s")
    }
}

impl Lexicon {
    /// The title a word is the plural of, as written ("Justices" → "Justice", "Sens." →
    /// "Sen"), if it is one.
    pub fn plural_title(&self, word: &str) -> Option<String> {
        let written = word.trim_end_matches('.');
        let title = self.title_plurals.get(&written.to_lowercase())?;
        if title.len() < 2 {
            return None;
        }
        // as written where the plural only adds an "s"; else the title, capitalised as the word
        Some(match written.strip_suffix('s') {
            Some(singular) if singular.len() == title.len() => singular.to_string(),
            _ if written.starts_with(char::is_uppercase) => {
                let mut chars = title.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            }
            _ => title.clone(),
        })
    }

    /// Whether a lowercase noun stands for an organisation: "company", "ministry", or one of
    /// `org_nouns.txt` ("agency", "authority").
    pub fn is_organisation_noun(&self, lower: &str) -> bool {
        ORGANIZATION_REFERENCES.contains(&lower) || self.org_nouns.contains_key(lower)
    }

    /// The word lists that ship with the crate.
    pub fn builtin() -> Self {
        let (outlets, outlet_heads) = names_and_heads(include_str!("../data/outlets.txt"));
        let (organizations, organization_heads) =
            names_and_heads(include_str!("../data/organizations.txt"));
        let channels = include_str!("../data/channels.txt");
        let (places, place_heads) = names_and_heads(include_str!("../data/places.txt"));
        let titles = words(include_str!("../data/titles.txt"));
        let (title_plurals, anonymous) = plurals_and_unnamed_heads(&titles);
        Lexicon {
            abbreviations: words(include_str!("../data/abbreviations.txt")),
            titles,
            role_words: words(include_str!("../data/role_words.txt")),
            cues: words(include_str!("../data/cues.txt")),
            anonymous,
            outlets,
            outlet_heads,
            organizations,
            organization_heads,
            places,
            place_heads,
            demonyms: words(include_str!("../data/demonyms.txt")),
            common_words: words(include_str!("../data/common_words.txt")),
            platforms: tagged(channels, "platform:"),
            media: tagged(channels, "medium:"),
            audiences: tagged(channels, "audience:"),
            settlement_nouns: words(include_str!("../data/settlement_nouns.txt")),
            role_verbs: pairs(include_str!("../data/role_verbs.txt")),
            org_nouns: lists(include_str!("../data/org_nouns.txt")),
            title_plurals,
        }
    }

    /// Whether a name (any case) is a known outlet, or ends in an outlet head word.
    pub fn is_outlet(&self, name: &str) -> bool {
        let lower = name.to_lowercase();
        let lower = lower.strip_prefix("the ").unwrap_or(&lower);
        if self.outlets.contains(lower) {
            return true;
        }
        let words: Vec<&str> = lower.split_whitespace().collect();
        words.len() >= 2 && words.last().is_some_and(|w| self.outlet_heads.contains(*w))
    }
}
