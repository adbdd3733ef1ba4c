//! Which document of the story a source names, for counting independent sources: "The Solvenik
//! Tribune reported", "according to the paper" (resolved by the analysis to the outlet it
//! stands for) or "told the Tribune" in one report name another report of the same story when
//! that report is the Tribune's, and what it carries from there is the Tribune's, not a second
//! source. A document is known by its outlet, the name of its web host and the name of its file
//! ("03_solveniktribune.txt"), each reduced to its lowercase letters.

use crate::aligner::StoryDoc;

/// The shortest name, in letters, that may be the end of a longer one ("the Post" for
/// "drellmoorpost", "the Tribune" for "solveniktribune"): shorter ones ("AP", "BBC") must be
/// a whole identity.
const SHORTEST_PART: usize = 4;

/// What a site's or a file's name adds to an outlet's name ("wendlenews" for "Wendle").
const SITE_SUFFIXES: &[&str] = &[
    "news", "online", "media", "tv", "radio", "live", "today", "daily", "press", "net", "web",
];

/// The names by which each document of a story is known.
pub(crate) struct Identities {
    names: Vec<Vec<String>>,
}

impl Identities {
    /// The identities of a story's documents, in their order.
    pub(crate) fn new(docs: &[StoryDoc]) -> Self {
        let names = docs
            .iter()
            .map(|d| {
                let doc = d.document;
                let mut names: Vec<String> = Vec::new();
                names.extend(doc.outlet.as_deref().map(letters));
                names.extend(
                    doc.url
                        .as_deref()
                        .and_then(dossier_model::site_label)
                        .map(|label| letters(&label)),
                );
                names.extend(doc.path.as_deref().and_then(file_name).map(letters));
                names.retain(|n| !n.is_empty());
                names.dedup();
                names
            })
            .collect();
        Identities { names }
    }

    /// The one document a source's name names, if exactly one does. Only proper names are
    /// looked up: "the paper" that the analysis could not resolve names nobody.
    pub(crate) fn resolve(&self, name: &str) -> Option<usize> {
        if !name.chars().any(char::is_uppercase) {
            return None;
        }
        let name = name.trim();
        let body = match name.get(..4) {
            Some(the) if the.eq_ignore_ascii_case("the ") => &name[4..],
            _ => name,
        };
        let wanted = letters(body);
        if wanted.is_empty() {
            return None;
        }
        let words: Vec<String> = body.split_whitespace().map(letters).collect();
        let mut hits = self.names.iter().enumerate().filter(|(_, names)| {
            names.iter().any(|known| {
                *known == wanted
                    || (wanted.len() >= SHORTEST_PART && known.ends_with(&wanted))
                    || spelt_by(known, &words)
                    || known.strip_prefix(wanted.as_str()).is_some_and(|rest| {
                        wanted.len() >= SHORTEST_PART && SITE_SUFFIXES.contains(&rest)
                    })
            })
        });
        let first = hits.next()?;
        hits.next().is_none().then_some(first.0)
    }
}

/// Whether the name's last word and some of the words before it, in their order and each
/// whole, spell the identity ("drellmoor" and "post" of "Drellmoor Daily Post" spell
/// "drellmoorpost"; "Ambry Council" does not spell "ambry").
fn spelt_by(identity: &str, words: &[String]) -> bool {
    let Some((last, before)) = words.split_last() else {
        return false;
    };
    !last.is_empty()
        && identity
            .strip_suffix(last.as_str())
            .is_some_and(|rest| spelt_by_some_of(rest, before))
}

/// Whether some of the words, in their order and each whole, spell the text.
fn spelt_by_some_of(text: &str, words: &[String]) -> bool {
    if text.is_empty() {
        return true;
    }
    words.iter().enumerate().any(|(i, word)| {
        !word.is_empty()
            && text
                .strip_prefix(word.as_str())
                .is_some_and(|rest| spelt_by_some_of(rest, &words[i + 1..]))
    })
}

/// The lowercase letters of a name, nothing else.
fn letters(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The name in a file's name, "03_solveniktribune.txt" giving "solveniktribune"; none where it
/// holds digits past its leading number (a hash or a date says nothing of who wrote it).
fn file_name(path: &str) -> Option<&str> {
    let name = path.rsplit(['/', '\\']).next()?;
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let stem =
        stem.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '_' | '-' | ' '));
    (!stem.is_empty() && !stem.chars().any(|c| c.is_ascii_digit())).then_some(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_give_the_name_in_them() {
        assert_eq!(
            file_name("examples/bridge/03_solveniktribune.txt"),
            Some("solveniktribune")
        );
        assert_eq!(file_name("seeds/000_ac8ae35b0b68343f.txt"), None);
        assert_eq!(file_name("2025-06-17.txt"), None);
    }

    fn identities(names: &[&[&str]]) -> Identities {
        Identities {
            names: names
                .iter()
                .map(|n| n.iter().map(|s| letters(s)).collect())
                .collect(),
        }
    }

    #[test]
    fn a_source_names_the_one_document_whose_name_holds_it() {
        let ids = identities(&[&["ambry"], &["solveniktribune"], &["arbnews"]]);
        assert_eq!(ids.resolve("The Solvenik Tribune"), Some(1));
        assert_eq!(ids.resolve("the Tribune"), Some(1));
        assert_eq!(ids.resolve("ARB News"), Some(2));
        let ids = identities(&[&["drellmoorpost"], &["rushlight"]]);
        assert_eq!(ids.resolve("the Drellmoor Daily Post"), Some(0));
        assert_eq!(ids.resolve("Drellmoor Council"), None);
        assert_eq!(ids.resolve("the Post"), Some(0));
        // a place that opens an outlet's name is not the outlet
        let ids = identities(&[&["hollinskecho"], &["ambry"]]);
        assert_eq!(ids.resolve("Hollinsk"), None);
        assert_eq!(ids.resolve("Hollinsk police"), None);
        assert_eq!(ids.resolve("the Hollinsk Echo"), Some(0));
        assert_eq!(ids.resolve("Ambry Council"), None);
        let ids = identities(&[&["wendlenews"], &["wendleharbour"]]);
        assert_eq!(ids.resolve("Wendle"), Some(0));
        assert_eq!(ids.resolve("Reuters"), None);
        // a common noun is nobody's name
        assert_eq!(ids.resolve("the paper"), None);
        // a short name must be a whole identity
        assert_eq!(ids.resolve("Arb"), None);
        // two documents it could be: neither
        let ids = identities(&[&["solveniktribune"], &["morningtribune"]]);
        assert_eq!(ids.resolve("the Tribune"), None);
    }
}
