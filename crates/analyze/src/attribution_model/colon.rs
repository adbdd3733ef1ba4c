//! Lines that give their words to a name before a colon: a headline ("Pence: Flowers won't be
//! at the debate") or a transcript ("WALLACE: Let's start with the news"); and quotations
//! signed with a dash and a name at the end of their line (a pull quote or a reader's voice:
//! "“We were never asked.” ― Ana Ruiz"). The tagger, which reads sentences, seldom sees these;
//! the line's shape says it all.

use std::collections::HashSet;
use std::sync::LazyLock;

use dossier_model::Span;

use super::Attribution;
use crate::ner::{EntityType, NerModel};

/// First words of a line that open a headline without naming a speaker ("Breaking:").
static KICKERS: LazyLock<HashSet<String>> =
    LazyLock::new(|| crate::lexicon::words(include_str!("../../data/quotes/kickers.txt")));

/// A speaker's name before the colon has at most this many words.
const MAX_NAME_WORDS: usize = 3;
/// The words after the colon: at least this many.
const MIN_CONTENT_WORDS: usize = 3;

/// Adds the attributions of lines opened by a name and a colon. The name must read as a
/// person or an organisation to the entity model, and not as a place ("Iowa: Clinton wins"),
/// or be such a name found in the text, or its surname ("Pence:" over a story on Mike Pence),
/// unless it opens two lines or more, or is written in capitals where another name does (the
/// speakers of a transcript). Each token has one role, so what the tagger found inside such a
/// line gives way to it (the "Voters Worried About" of "Pat Caddell: Democrat Voters Worried
/// About ...").
pub(crate) fn add_line_attributions(text: &str, found: &mut Vec<Attribution>) {
    let mut lines = Vec::new();
    let mut signed = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.trim_end().len();
        if let Some(candidate) = of_line(text, start, end) {
            lines.push((candidate, start, end));
        } else if let Some(candidate) = of_signed_line(text, start, end)
            && names_a_speaker(text, &candidate)
        {
            signed.push((candidate, start, end));
        }
        start += line.len();
    }
    let name = |a: &Attribution| a.source.map_or("", |s| &text[s.start..s.end]);
    let repeated = |a: &Attribution| {
        lines
            .iter()
            .filter(|(other, _, _)| name(other) == name(a))
            .count()
            >= 2
    };
    let is_transcript = lines.iter().any(|(a, _, _)| repeated(a));
    let in_capitals = |a: &Attribution| !name(a).chars().any(char::is_lowercase);
    // the names of people and organisations in the whole text, read only when a line needs them
    let named = std::cell::OnceCell::new();
    let named_in_text = |a: &Attribution| {
        let names: &Vec<&str> = named.get_or_init(|| {
            NerModel::builtin()
                .entities(text)
                .into_iter()
                .filter(|e| matches!(e.entity_type, EntityType::Person | EntityType::Organization))
                .map(|e| &text[e.span.start..e.span.end])
                .collect()
        });
        let who = name(a);
        names
            .iter()
            .any(|n| *n == who || n.split(' ').next_back() == Some(who))
    };
    let accepted: Vec<(Attribution, usize, usize)> = lines
        .iter()
        .filter(|(a, _, _)| {
            repeated(a)
                || (is_transcript && in_capitals(a))
                || names_a_speaker(text, a)
                || named_in_text(a)
        })
        .cloned()
        .collect();
    for (attribution, start, end) in accepted.into_iter().chain(signed) {
        found.retain(|a| !a.cue.is_some_and(|cue| cue.start < end && start < cue.end));
        if !found.iter().any(|a| touches(a, start, end)) {
            found.push(attribution);
        }
    }
}

fn touches(a: &Attribution, start: usize, end: usize) -> bool {
    a.cue
        .iter()
        .chain(&a.content)
        .chain(&a.source)
        .any(|span| span.start < end && start < span.end)
}

fn of_line(text: &str, start: usize, end: usize) -> Option<Attribution> {
    let line = &text[start..end];
    let lead = line.len() - line.trim_start_matches([' ', '\t', '"', '“', '\'']).len();
    let colon = lead + line[lead..].find(':')?;
    let name = &line[lead..colon];
    let words: Vec<&str> = name.split(' ').collect();
    if words.is_empty()
        || words.len() > MAX_NAME_WORDS
        || !words.iter().all(|w| looks_like_name_word(w))
        || KICKERS.contains(&kicker_word(&words).to_lowercase())
    {
        return None;
    }
    let after = &line[colon + 1..];
    if !after.starts_with([' ', '\t']) {
        return None;
    }
    let content = after.trim_start();
    if content.split_whitespace().count() < MIN_CONTENT_WORDS {
        return None;
    }
    let content_start = start + colon + 1 + (after.len() - content.len());
    Some(Attribution {
        content: vec![Span::new(content_start, end)],
        source: Some(Span::new(start + lead, start + colon)),
        cue: Some(Span::new(start + colon, start + colon + 1)),
    })
}

/// Dashes that sign a quotation with its speaker's name.
const SIGNING_DASHES: [char; 3] = ['―', '—', '–'];
/// Words after the name of a signature (", a nurse from Tucson"): at most this many.
const MAX_SIGNATURE_TAIL_WORDS: usize = 10;

/// A line that is a quotation in quotation marks, then a dash and a name, perhaps with a
/// role after a comma: the quotation is the content, the dash the cue, the name the source.
fn of_signed_line(text: &str, start: usize, end: usize) -> Option<Attribution> {
    let line = &text[start..end];
    let dash = line.rfind(SIGNING_DASHES)?;
    let dash_end = dash + line[dash..].chars().next()?.len_utf8();
    let quoted = line[..dash].trim_end();
    let lead = line.len() - line.trim_start().len();
    let opened = line[lead..].starts_with(['"', '“']);
    let closed = quoted.ends_with(['"', '”']);
    if !opened || !closed || quoted.len() <= lead + 2 {
        return None;
    }
    let signature = &line[dash_end..];
    let name_start = dash_end + (signature.len() - signature.trim_start().len());
    let (name, tail) = line[name_start..]
        .split_once(',')
        .unwrap_or((&line[name_start..], ""));
    let name = name.trim_end_matches(['.', ' ']);
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() > MAX_NAME_WORDS + 1
        || !words.iter().all(|w| looks_like_name_word(w))
        || tail.split_whitespace().count() > MAX_SIGNATURE_TAIL_WORDS
    {
        return None;
    }
    let content_start = start + lead + line[lead..].chars().next()?.len_utf8();
    let content_end = start + quoted.len() - quoted.chars().next_back()?.len_utf8();
    Some(Attribution {
        content: vec![Span::new(content_start, content_end)],
        source: Some(Span::new(
            start + name_start,
            start + name_start + name.len(),
        )),
        cue: Some(Span::new(start + dash, start + dash_end)),
    })
}

/// The word of a name that may make it a kicker: the first, or the one after "The" ("The
/// Latest:").
fn kicker_word<'w>(words: &[&'w str]) -> &'w str {
    match words {
        [the, next, ..] if the.eq_ignore_ascii_case("the") => next,
        [first, ..] => first,
        [] => "",
    }
}

/// A capitalised word or an initialism, without digits.
fn looks_like_name_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
}

/// Whether the entity model reads the name, followed by the start of the line's content, as a
/// person or an organisation and nowhere as a place.
fn names_a_speaker(text: &str, a: &Attribution) -> bool {
    let (Some(source), Some(content)) = (a.source, a.content.first()) else {
        return false;
    };
    let words: Vec<&str> = text[source.start..source.end].split(' ').collect();
    let mut tokens = words.clone();
    tokens.push(":");
    tokens.extend(text[content.start..content.end].split_whitespace().take(6));
    let tags = NerModel::builtin().tag(&tokens);
    let types: Vec<EntityType> = tags[..words.len()]
        .iter()
        .filter_map(|tag| tag.entity_type())
        .collect();
    types
        .iter()
        .any(|t| matches!(t, EntityType::Person | EntityType::Organization))
        && !types.contains(&EntityType::Location)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue_and_source(text: &str) -> Option<(String, String, String)> {
        let mut found = Vec::new();
        add_line_attributions(text, &mut found);
        found.first().map(|a| {
            let piece = |s: Option<Span>| s.map_or(String::new(), |s| text[s.start..s.end].into());
            (
                piece(a.source),
                piece(a.cue),
                piece(a.content.first().copied()),
            )
        })
    }

    #[test]
    fn a_headline_or_transcript_line_gives_its_words_to_the_name() {
        assert_eq!(
            cue_and_source("Angela Merkel: Europe must defend its borders together\n\nBody."),
            Some((
                "Angela Merkel".into(),
                ":".into(),
                "Europe must defend its borders together".into()
            ))
        );
        assert!(cue_and_source("Breaking: Europe must defend its borders together").is_none());
        assert!(cue_and_source("The Latest: Europe must defend its borders together").is_none());
        assert!(cue_and_source("Note: this story was updated on Monday").is_none());
        assert!(cue_and_source("The deadline was 5:30 pm on Monday for all of them").is_none());
        // speakers of a transcript, named twice or more, need no entity reading
        let transcript = "\"KING: We are back with the senator.\n\"SMITH: Thank you for having me.\n\"KING: Let us begin then.";
        let mut found = Vec::new();
        add_line_attributions(transcript, &mut found);
        assert_eq!(found.len(), 3);
        // a quotation signed with a dash and a name
        assert_eq!(
            cue_and_source("“We were never asked about the plan.” ― Ana Ruiz\nMore text here."),
            Some((
                "Ana Ruiz".into(),
                "―".into(),
                "We were never asked about the plan.".into()
            ))
        );
        assert_eq!(
            cue_and_source("\"Nobody told us anything at all.\" — Ana Ruiz, a nurse in Tucson"),
            Some((
                "Ana Ruiz".into(),
                "—".into(),
                "Nobody told us anything at all.".into()
            ))
        );
        // a dash inside a sentence signs nothing
        assert!(cue_and_source("\"We tried\" — and failed — said the mayor of the town").is_none());
        // the labels of an interview name no one
        let interview =
            "Q: What will you do next year?\nA: We will build more homes.\nQ: And then what?";
        let mut found = Vec::new();
        add_line_attributions(interview, &mut found);
        assert!(found.is_empty());
    }
}
