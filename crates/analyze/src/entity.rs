//! Names in the text: runs of capitalised words, split from their titles, classified with the
//! gazetteers and their context, and resolved within the document (Leavitt → Karoline Leavitt).

use std::collections::HashSet;

use crate::lexicon::Lexicon;
use crate::ner::{EntityType, NerModel, Tag};
use crate::role;
use crate::sentence::SentenceTokens;
use crate::token::{Token, TokenKind, is_plural_possessive};
use dossier_model::{EntityKind, Mention, Span};

/// Lowercase words that may join capitalised words inside one name.
const CONNECTORS: &[&str] = &[
    "of", "de", "del", "da", "al", "bin", "van", "von", "la", "le",
];
/// Cue words that are nouns as often as verbs: a name before them is no speaker.
const NOUN_CUES: &[&str] = &[
    "post",
    "posts",
    "report",
    "reports",
    "claims",
    "comment",
    "comments",
    "note",
    "notes",
    "statement",
];

/// The name key for gazetteer look-ups: lowercase, acronym dots removed ("U.S." → "us").
fn key(name: &str) -> String {
    let lower = name.to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower).to_string();
    if lower.len() <= 6 && lower.contains('.') {
        lower.replace('.', "")
    } else {
        lower
    }
}

/// A run of capitalised tokens, before classification.
struct Run {
    start: usize,
    end: usize,
    sentence: usize,
}

fn is_sentence_initial(tokens: &[Token], i: usize, sentence: &SentenceTokens) -> bool {
    let mut k = i;
    while k > sentence.tokens.start {
        let previous = &tokens[k - 1];
        if previous.kind == TokenKind::Quote
            || matches!(previous.text, "(" | "[" | "-" | "\u{2014}")
        {
            k -= 1;
            continue;
        }
        return matches!(previous.text, ":" | ";");
    }
    true
}

fn find_runs(
    tokens: &[Token],
    sentences: &[SentenceTokens],
    tags: &[Tag],
    lexicon: &Lexicon,
) -> Vec<Run> {
    let person = |k: usize| {
        matches!(
            tags[k],
            Tag::Begin(EntityType::Person) | Tag::Inside(EntityType::Person)
        )
    };
    let mut runs = Vec::new();
    for (s, sentence) in sentences.iter().enumerate() {
        let mut i = sentence.tokens.start;
        while i < sentence.tokens.end {
            let token = &tokens[i];
            if !token.is_capitalized() || dossier_model::is_calendar_word(&token.lower()) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            while end < sentence.tokens.end {
                let next = &tokens[end];
                if next.is_capitalized() && !dossier_model::is_calendar_word(&next.lower()) {
                    end += 1;
                } else if CONNECTORS.contains(&next.text)
                    && tokens
                        .get(end + 1)
                        .is_some_and(|t| t.is_capitalized() && end + 1 < sentence.tokens.end)
                    // "Nadja Szelka of Pallisade Security": a person, then where she works
                    && !(next.is("of") && person(end - 1) && !person(end + 1))
                {
                    end += 2;
                } else if next.is("for")
                    && lexicon
                        .organization_heads
                        .contains(&tokens[end - 1].lower())
                    && tokens.get(end + 1).is_some_and(|t| {
                        t.is_capitalized()
                            && end + 1 < sentence.tokens.end
                            && !dossier_model::is_calendar_word(&t.lower())
                    })
                {
                    // "Institute for Peace Studies", "Commission for Water Safety".
                    end += 2;
                } else if next.is("of")
                    && lexicon
                        .organization_heads
                        .contains(&tokens[end - 1].lower())
                    && tokens.get(end + 1).is_some_and(|t| t.is("the"))
                    && tokens
                        .get(end + 2)
                        .is_some_and(|t| t.is_capitalized() && end + 2 < sentence.tokens.end)
                {
                    // "Office of the Data Commissioner", "Ministry of the Interior": an
                    // organisation's head word named after what it is of.
                    end += 3;
                } else if let Some(head) = joined_name_end(tokens, end, sentence, lexicon)
                    && !person(end - 1)
                {
                    // "Lorrick Fire and Rescue Service": one name whose head word comes
                    // after the "and".
                    end = head;
                } else if is_plural_possessive(tokens, end)
                    && end + 1 < sentence.tokens.end
                    && tokens[end + 1].is_capitalized()
                {
                    // "Parents' Safety Alliance", "Teachers' Union": one name.
                    end += 2;
                } else {
                    break;
                }
            }
            // "Fire and Rescue Service" is one name; "Russian and Ukrainian" is two.
            if let Some(and) = (start..end).find(|&k| tokens[k].is("and") || tokens[k].is("&")) {
                let last = tokens[end - 1].lower();
                if !lexicon.organization_heads.contains(&last) {
                    end = and;
                }
            }
            // Sentence-initial function words and common words are not part of a name.
            let mut first = start;
            while first < end
                && (lexicon.common_words.contains(&tokens[first].lower())
                    && (first == start && is_sentence_initial(tokens, first, sentence)
                        || matches!(tokens[first].lower().as_str(), "the" | "a" | "an")))
            {
                first += 1;
            }
            if first < end {
                runs.push(Run {
                    start: first,
                    end,
                    sentence: s,
                });
            }
            i = end;
        }
    }
    runs
}

/// Where a name that goes on past the "and" at `and` ends: "Fire and Rescue Service" —
/// up to three capitalised words after it, the last an organisation's head word, and no
/// place or group before it ("Russia and the Kaldrian Border Agency" are two).
fn joined_name_end(
    tokens: &[Token],
    and: usize,
    sentence: &SentenceTokens,
    lexicon: &Lexicon,
) -> Option<usize> {
    if !tokens[and].is("and") || and == 0 {
        return None;
    }
    let before = tokens[and - 1].lower();
    if lexicon.places.contains(&before) || lexicon.demonyms.contains(&before) {
        return None;
    }
    let mut end = and + 1;
    while end < sentence.tokens.end && end <= and + 3 && tokens[end].is_capitalized() {
        end += 1;
    }
    (end > and + 1
        && lexicon
            .organization_heads
            .contains(&tokens[end - 1].lower()))
    .then_some(end)
}

/// Nouns for a ship or a boat, lowercase: a name right after one names the vessel.
const VESSEL_NOUNS: &[&str] = &[
    "tanker",
    "ship",
    "vessel",
    "freighter",
    "ferry",
    "trawler",
    "yacht",
    "liner",
    "barge",
    "tug",
    "tugboat",
    "frigate",
    "destroyer",
    "submarine",
    "cutter",
    "dredger",
    "schooner",
    "icebreaker",
];

fn classify(name: &str, lexicon: &Lexicon) -> Option<EntityKind> {
    let k = key(name);
    if lexicon.places.contains(&k) {
        return Some(EntityKind::Place);
    }
    if lexicon.organizations.contains(&k) || lexicon.outlets.contains(&k) {
        return Some(EntityKind::Organization);
    }
    let words: Vec<&str> = k.split_whitespace().collect();
    if words.len() == 1 && lexicon.demonyms.contains(&k) {
        return Some(EntityKind::Group);
    }
    let last = words.last().copied().unwrap_or("");
    if words.len() >= 2
        && (lexicon.organization_heads.contains(last) || lexicon.outlet_heads.contains(last))
    {
        return Some(EntityKind::Organization);
    }
    // "Radio Verlund", "TV Nord": a broadcaster named after its medium
    if words.len() >= 2 && matches!(words.first().copied(), Some("radio" | "tv" | "television")) {
        return Some(EntityKind::Organization);
    }
    if words.len() >= 2 && lexicon.place_heads.contains(last) {
        return Some(EntityKind::Place);
    }
    // "Storm Vigdis", "Hurricane Orla": a named storm is an event, nobody
    if words.len() >= 2
        && matches!(
            words.first().copied(),
            Some("storm" | "hurricane" | "typhoon" | "cyclone" | "tropical")
        )
    {
        return Some(EntityKind::Other);
    }
    // "River Aske", "Mount Keld", "Lake Orra": a feature of the land named after its kind
    if words.len() >= 2
        && matches!(
            words.first().copied(),
            Some("river" | "mount" | "lake" | "cape" | "loch" | "isle" | "glen" | "bay")
        )
    {
        return Some(EntityKind::Place);
    }
    if words.len() == 1
        && lexicon.organization_heads.contains(last)
        && !lexicon.titles.contains(last)
    {
        return Some(EntityKind::Organization);
    }
    let first = words.first().copied().unwrap_or("");
    if words.len() >= 2 && (lexicon.places.contains(first) || lexicon.demonyms.contains(first)) {
        // "US Army", "Russian Defence Ministry" without a known head word: an organisation.
        return Some(EntityKind::Organization);
    }
    None
}

fn is_acronym(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// Finds every mention, with roles, resolved within the document.
pub fn find_mentions(
    text: &str,
    tokens: &[Token],
    sentences: &[SentenceTokens],
    lexicon: &Lexicon,
) -> Vec<Mention> {
    let tags = token_tags(tokens, sentences);
    let runs = find_runs(tokens, sentences, &tags, lexicon);
    // Words seen capitalised away from a sentence start: evidence that a single word is a name.
    let mut mid_sentence_names = HashSet::new();
    // Words that stand inside longer names ("Safety" in "Product Safety Authority") and those
    // that stand alone or end a name, as a surname does.
    let mut inner_words = HashSet::new();
    let mut name_ends = HashSet::new();
    // The last words of names of two words or more: a lone one may be a surname.
    let mut surnames = HashSet::new();
    for run in &runs {
        let sentence = &sentences[run.sentence];
        if !is_sentence_initial(tokens, run.start, sentence) {
            for t in &tokens[run.start..run.end] {
                mid_sentence_names.insert(t.lower());
            }
        }
        for t in &tokens[run.start..run.end - 1] {
            inner_words.insert(t.lower());
        }
        if run.end - run.start > 1 || !is_sentence_initial(tokens, run.start, sentence) {
            name_ends.insert(tokens[run.end - 1].lower());
        }
        if run.end - run.start > 1 {
            surnames.insert(tokens[run.end - 1].lower());
        }
    }
    let mut mentions = Vec::new();
    // Sentence-initial unknown words: kept only if they turn out to be a known person's name.
    let mut tentative = Vec::new();
    for run in &runs {
        let sentence = &sentences[run.sentence];
        // Split a leading title: "Army Secretary Dan Driscoll" → role + name; but a run that
        // ends in an organisation's head word is one name ("Brenholm General Hospital").
        // So is one ending in a title whose head word stands before "of" ("Office of the
        // Data Commissioner"; but "Bank of Estmarra Governor Ana Lisk" is a person's title).
        let org_headed = lexicon
            .organization_heads
            .contains(&tokens[run.end - 1].lower())
            || (lexicon.titles.contains(&tokens[run.end - 1].lower())
                && (run.start + 1..run.end).any(|k| {
                    tokens[k].is("of")
                        && lexicon.organization_heads.contains(&tokens[k - 1].lower())
                }));
        // ("the Pharmacists' Guild of Marrovia": a plural possessive names the members of a
        // body, no title of a person)
        let last_title = (run.start..run.end).rev().find(|&k| {
            let possessive =
                k + 1 < tokens.len() && crate::token::is_plural_possessive(tokens, k + 1);
            !org_headed
                && !possessive
                && tokens[k].kind == TokenKind::Word
                && (lexicon.titles.contains(&tokens[k].lower())
                    || (k == run.start && lexicon.plural_title(tokens[k].text).is_some()))
        });
        let (name_start, titled) = match last_title {
            Some(k) if k + 1 < run.end => (k + 1, true),
            Some(_) => continue, // only a title: "the Secretary"
            None => (run.start, false),
        };
        // "Minister of Finance Ana Lisk": the title's "of" and what it is of come before the
        // name; "Residents of Ashcombe said" leaves no name at all
        let name_start = if tokens[name_start].text.starts_with(char::is_lowercase) {
            if name_start + 3 < run.end {
                name_start + 2
            } else {
                continue;
            }
        } else {
            name_start
        };
        let span = Span::new(tokens[name_start].span.start, tokens[run.end - 1].span.end);
        let name = span.slice(text).to_string();
        let single = run.end - name_start == 1;
        // A title before the name outweighs a head word ("spokeswoman Lee Park").
        let after_title = name_start > sentence.tokens.start
            && lexicon.titles.contains(&tokens[name_start - 1].lower())
            && tokens[name_start - 1].text.starts_with(char::is_lowercase);
        let mut kind = if (titled || after_title) && !lexicon.places.contains(&key(&name)) {
            Some(EntityKind::Person)
        } else {
            classify(&name, lexicon)
        };
        // The places of a wire dateline, the city written in capitals and the country after
        // it: "TORREVANE, Valdoria, Oct 9 (Stavewell) - ...".
        let dashed = tokens.get(run.end).is_some_and(|t| t.is(","))
            && tokens[run.end..tokens.len().min(run.end + 12)]
                .iter()
                .take_while(|t| !matches!(t.text, "." | ";"))
                .any(|t| matches!(t.text, "-" | "--" | "\u{2013}" | "\u{2014}"));
        let capitals = |t: &Token| t.is_word() && !t.text.contains(char::is_lowercase);
        let dateline_city = tokens[name_start].starts_paragraph && capitals(&tokens[name_start]);
        let dateline_country = name_start >= 2
            && tokens[name_start - 1].is(",")
            && tokens[name_start - 2].starts_paragraph
            && capitals(&tokens[name_start - 2]);
        if kind.is_none() && single && dashed && (dateline_city || dateline_country) {
            kind = Some(EntityKind::Place);
        }
        if kind.is_none() && single && is_acronym(&name) {
            kind = Some(EntityKind::Organization);
        }
        // The agency of a wire dateline: "LINDHAVEN, March 3 (Castellan) - ...".
        let credited = name_start > 0
            && tokens[name_start - 1].is("(")
            && tokens.get(run.end).is_some_and(|t| t.is(")"))
            && tokens
                .get(run.end + 1)
                .is_some_and(|t| matches!(t.text, "-" | "--" | "\u{2013}" | "\u{2014}"));
        if kind.is_none() && credited {
            kind = Some(EntityKind::Organization);
        }
        let next_is_cue = run.end < sentence.tokens.end
            && crate::attribution::is_cue_at(tokens, run.end, lexicon)
            && tokens[run.end].lower().ends_with(['d', 's', 'e'])
            && !NOUN_CUES.contains(&tokens[run.end].lower().as_str());
        if kind.is_none() && lexicon.platforms.iter().any(|p| p == &name) {
            kind = Some(EntityKind::Organization);
        }
        // No gazetteer, title or head word decides: ask the trained tagger.
        let tagged = kind.is_none();
        if tagged {
            kind = tagged_kind(&tags, name_start, run.end, lexicon, &name);
            // "Safety comes first," where the page names the "Product Safety Authority": a
            // word that opens a sentence and is otherwise only ever inside a longer name is
            // not a person, unless it resolves to one.
            let word = tokens[name_start].lower();
            // "Crews from the fire service arrived": a plural noun opening a sentence, never
            // a name elsewhere in the text, is no person either.
            // ("Organisers said", "Residents told": the head of an unnamed source before a
            // cue is no surname either.)
            let plural_noun = word.len() > 3
                && word.ends_with('s')
                && !word.ends_with("ss")
                && (!next_is_cue || lexicon.anonymous.contains(&word))
                && !mid_sentence_names.contains(&word)
                && !surnames.contains(&word);
            // "Heatstroke is a medical emergency": a lone word opening a sentence, no surname
            // of anyone the text names in full and never written mid-sentence, that a copula
            // follows, is a capitalised noun.
            let copula = tokens.get(run.end).is_some_and(|t| {
                matches!(t.text, "is" | "are" | "was" | "were" | "remains" | "remain")
            });
            let lone_word =
                copula && !mid_sentence_names.contains(&word) && !surnames.contains(&word);
            if single
                && kind == Some(EntityKind::Person)
                && is_sentence_initial(tokens, name_start, sentence)
                && (inner_words.contains(&word) && !name_ends.contains(&word)
                    || plural_noun
                    || lone_word)
            {
                tentative.push(span);
                kind = Some(EntityKind::Other);
            }
            // "told the Courier", "told The Spindle": a lone name after "the" is a paper or a
            // body, not a person.
            let after_the = name_start > 0
                && (tokens[name_start - 1].text == "the"
                    || (tokens[name_start - 1].text == "The"
                        && !is_sentence_initial(tokens, name_start - 1, sentence)));
            // "..., the company's spokesman, told Groundshift.": a lone name told at the end
            // of the clause, and no person's surname in the text, is the outlet told.
            let told_outlet = name_start > 0
                && tokens[name_start - 1].is("told")
                && tokens
                    .get(run.end)
                    .is_none_or(|t| matches!(t.text, "." | "," | ";"))
                && !surnames.contains(&tokens[name_start].lower());
            if single && (after_the || told_outlet) && kind == Some(EntityKind::Person) {
                kind = Some(EntityKind::Organization);
            }
            // "the oil tanker Vellisant Tide", "the trawler Marit Ostby": a name right after a
            // vessel's noun is the vessel's, not a person's.
            if name_start > 0
                && VESSEL_NOUNS.contains(&tokens[name_start - 1].lower().as_str())
                && kind == Some(EntityKind::Person)
            {
                kind = Some(EntityKind::Other);
            }
            // "a health-care analyst at Carrick Mayne": where someone of a title works is a
            // body, not a person
            let works_at = name_start >= 2
                && matches!(tokens[name_start - 1].text, "at" | "with")
                && lexicon.titles.contains(&tokens[name_start - 2].lower())
                && !surnames.contains(&tokens[name_start].lower());
            if works_at && kind == Some(EntityKind::Person) {
                kind = Some(EntityKind::Organization);
            }
            // "Olmerra's water minister", "Velmar's parliament": a lone name, nowhere the
            // surname of a longer one, that owns what only a country or a town has is a place.
            if single
                && kind == Some(EntityKind::Person)
                && !surnames.contains(&tokens[name_start].lower())
                && owns_what_a_state_has(tokens, run.end, sentence.tokens.end, lexicon)
            {
                kind = Some(EntityKind::Place);
            }
        }
        // "Vellgrid, the state hydropower company that runs the dam, said": an apposition
        // says what a name is, even one that opens its sentence and is named nowhere else,
        // and it outweighs the tagger's guess.
        if (tagged || matches!(kind, None | Some(EntityKind::Other)))
            && let Some(said) = apposition_kind(tokens, run.end, sentence.tokens.end, lexicon)
        {
            kind = Some(said);
        }
        // "In Pellmouth, the city's chief engineer, Tomas Heddervik, said": a lone name after
        // a sentence's opening "In", "At" or "From" is where, not who.
        let opening_preposition = single
            && name_start == sentence.tokens.start + 1
            && matches!(tokens[name_start - 1].text, "In" | "At" | "From")
            && !surnames.contains(&tokens[name_start].lower());
        if opening_preposition && kind == Some(EntityKind::Person) {
            kind = Some(EntityKind::Place);
        }
        if kind.is_none() && !single {
            let alphabetic = tokens[name_start..run.end].iter().all(|t| {
                t.text
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '.'))
            });
            if alphabetic {
                kind = Some(EntityKind::Person);
            }
        }
        if kind.is_none() {
            let initial = is_sentence_initial(tokens, name_start, sentence);
            if initial && !mid_sentence_names.contains(&tokens[name_start].lower()) && !next_is_cue
            {
                tentative.push(span);
            }
            if lexicon.common_words.contains(&tokens[name_start].lower()) {
                continue;
            }
            kind = Some(if next_is_cue {
                EntityKind::Person
            } else {
                EntityKind::Other
            });
        }
        // "the port of Velmar", "the town of Sandmoor": a lone name after a settlement noun
        // and "of" is a place, whatever the tagger made of it.
        let settlement = single
            && name_start >= 2
            && tokens[name_start - 1].is("of")
            && lexicon
                .settlement_nouns
                .contains(&tokens[name_start - 2].lower());
        if settlement && kind != Some(EntityKind::Organization) {
            kind = Some(EntityKind::Place);
        }
        // "from the capital Lessendrel", "the port Haldvik": a lone name right after "the"
        // and a settlement noun is that place, not a person.
        let named_settlement = single
            && name_start >= 2
            && tokens[name_start - 2].lower() == "the"
            && lexicon
                .settlement_nouns
                .contains(&tokens[name_start - 1].lower());
        if named_settlement && matches!(kind, None | Some(EntityKind::Person | EntityKind::Other)) {
            kind = Some(EntityKind::Place);
        }
        let Some(kind) = kind else { continue };
        let mut roles = Vec::new();
        if kind == EntityKind::Person {
            if let Some((mut pre, _)) =
                role::premodifier(text, tokens, name_start, sentence.tokens.start, lexicon)
            {
                // "Governor Helka Dravi of the Tamsk region": the title's "of" after the name
                if let (Some(last), Some(of)) = (
                    pre.last_mut(),
                    role::of_phrase_after(text, tokens, run.end, sentence.tokens.end, lexicon),
                ) {
                    last.push(' ');
                    last.push_str(&of);
                }
                roles.extend(pre);
            }
            // "Justices Corinne Yalden and Marcus Deverill": the plural title, made singular,
            // is each name's
            roles.extend(
                (name_start > run.start)
                    .then(|| lexicon.plural_title(tokens[name_start - 1].text))
                    .flatten(),
            );
            roles.extend(role::shared_plural_title(
                tokens,
                name_start,
                sentence.tokens.start,
                lexicon,
            ));
            roles.extend(role::apposition_after(
                text,
                tokens,
                run.end,
                sentence.tokens.end,
                lexicon,
            ));
            // "Jettava cancelled a third of its departures; its spokeswoman, Delphine
            // Pyefield, said": "its" is the organisation named last before, in the sentence
            // or, when it names none, the first the sentence before names, its subject most
            // likely ("The union confirmed it. Its branch secretary, Gretha Parrow, said").
            let here = tokens[sentence.tokens.start].span.start;
            let organisation =
                |m: &&Mention| m.kind == EntityKind::Organization && !is_time_zone(&m.text);
            let owner = mentions
                .iter()
                .rev()
                .take_while(|m: &&Mention| m.span.start >= here)
                .find(organisation)
                .or_else(|| {
                    let before = tokens[sentences[run.sentence.checked_sub(1)?].tokens.start]
                        .span
                        .start;
                    mentions
                        .iter()
                        .filter(|m| m.span.start >= before && m.span.start < here)
                        .find(organisation)
                })
                .map(|m| m.canonical.clone())
                .or_else(|| {
                    // "The directorate did not say … Its spokeswoman, Ilona Baresh,": the
                    // body the sentence before opens with, as it names it
                    let before = &sentences[run.sentence.checked_sub(1)?].tokens;
                    let (the, noun) = (&tokens[before.start], tokens.get(before.start + 1)?);
                    let lower = noun.lower();
                    (the.lower() == "the"
                        && noun.text.starts_with(char::is_lowercase)
                        && (lexicon.org_nouns.contains_key(&lower)
                            || ANY_BODY.contains(&lower.as_str())))
                    .then(|| format!("the {lower}"))
                });
            // "the council's spokesman, Major Stefan Ilgar": the apposition stands before the
            // title, when the name has one
            roles.extend(
                role::apposition_before(text, tokens, run.start, sentence.tokens.start, lexicon)
                    .map(|(role, start)| {
                        let after_its = start > 0 && tokens[start - 1].lower() == "its";
                        match &owner {
                            Some(owner) if after_its && owner.ends_with('s') => {
                                format!("{owner}' {role}")
                            }
                            Some(owner) if after_its => format!("{owner}'s {role}"),
                            _ => role,
                        }
                    }),
            );
        }
        mentions.push(Mention {
            span,
            text: name.clone(),
            kind,
            canonical: name,
            roles,
        });
    }
    resolve(&mut mentions, tokens);
    mentions.retain(|m| !(m.kind == EntityKind::Other && tentative.contains(&m.span)));
    // and so does the same name elsewhere ("Alzheimer's drug", "an Alzheimer's breakthrough")
    let illnesses: HashSet<String> = mentions
        .iter()
        .filter(|m| names_an_illness(tokens, m))
        .map(|m| m.canonical.clone())
        .collect();
    mentions.retain(|m| !illnesses.contains(&m.canonical));
    mentions.retain(|m| !is_time_zone(&m.text));
    // "Then I" opening a sentence inside a quote: words that are never names make none
    mentions.retain(|m| {
        !m.text
            .split_whitespace()
            .all(|word| lexicon.common_words.contains(&word.to_lowercase()))
    });
    place_short_names(&mut mentions);
    acronyms(text, &mut mentions);
    organization_short_names(&mut mentions, lexicon);
    name_org_nouns(&mut mentions, lexicon);
    for m in &mut mentions {
        for role in &mut m.roles {
            *role = role::concise(role);
        }
    }
    mentions
}

/// "at 7:40 p.m. GMT": a time zone names no one.
fn is_time_zone(text: &str) -> bool {
    matches!(
        text,
        "GMT" | "UTC" | "CET" | "CEST" | "EST" | "EDT" | "PST" | "PDT" | "BST"
    )
}

/// "Alzheimer's disease", "Tourette's syndrome", "Moore's law": a name that a possessive and
/// an illness (or a law or principle) follow names that, no one who acts or speaks.
fn names_an_illness(tokens: &[Token], mention: &Mention) -> bool {
    let k = tokens.partition_point(|t| t.span.start < mention.span.end);
    tokens
        .get(k)
        .is_some_and(|t| t.span.start == mention.span.end)
        && matches!(tokens[k].text, "'s" | "\u{2019}s")
        && tokens.get(k + 1).is_some_and(|t| {
            matches!(
                t.lower().as_str(),
                "disease" | "syndrome" | "disorder" | "palsy" | "law" | "principle"
            )
        })
}

/// What only a country, a region or a town has: "X's minister" names a country's minister.
const STATE_NOUNS: &[&str] = &[
    "minister",
    "ministry",
    "parliament",
    "embassy",
    "capital",
    "economy",
    "border",
    "borders",
    "delegation",
    "government",
    "army",
    "military",
    "navy",
    "coast",
    "population",
    "citizens",
    "mayor",
    "council",
];

/// Whether the name ending before token `end` is followed by a possessive and, after words
/// that may stand in a role ("water and irrigation"), one of [`STATE_NOUNS`].
fn owns_what_a_state_has(tokens: &[Token], end: usize, limit: usize, lexicon: &Lexicon) -> bool {
    if end >= limit || !crate::role::is_possessive(&tokens[end]) {
        return false;
    }
    for token in tokens.iter().take(limit.min(end + 6)).skip(end + 1) {
        if STATE_NOUNS.contains(&token.lower().as_str()) {
            return true;
        }
        if !role::is_role_modifier(token, lexicon) {
            return false;
        }
    }
    false
}

/// What a name described as one is a medium of news (", an investigative news website,").
const MEDIA_NOUNS: &[&str] = &[
    "website",
    "site",
    "newspaper",
    "paper",
    "tabloid",
    "broadsheet",
    "outlet",
    "channel",
    "station",
    "network",
    "newsletter",
    "blog",
    "podcast",
];

/// The kind an apposition right after a name gives it: ", the state hydropower company that
/// runs the dam," (an organisation) or ", a retired teacher," (a person), by the head noun
/// before the comma or relative pronoun that ends it.
fn apposition_kind(
    tokens: &[Token],
    after: usize,
    end: usize,
    lexicon: &Lexicon,
) -> Option<EntityKind> {
    const MAX_WORDS: usize = 8;
    let after = role::past_age(tokens, after, end);
    if after + 2 >= end || !tokens[after].is(",") {
        return None;
    }
    // ", head of the mountain rescue service,": without an article only a title says who
    let bare = !matches!(tokens[after + 1].lower().as_str(), "the" | "a" | "an");
    if bare && !tokens[after + 1].text.starts_with(char::is_lowercase) {
        return None;
    }
    let from = if bare { after + 1 } else { after + 2 };
    // The head stands before the first link: "the finance spokesman of the opposition Civic
    // Union" is a spokesman, not a union.
    // ("the Hollis Marr partner leading the administration" is a partner)
    let stop = (from..end.min(from + MAX_WORDS)).find(|&k| {
        tokens[k].is(",")
            || matches!(
                tokens[k].lower().as_str(),
                "that" | "which" | "who" | "of" | "at" | "for" | "in" | "based" | "."
            )
            || (k > from && crate::role::is_participle_link(&tokens[k]))
            // "an acoustics engineer commissioned by the group": a participle after a title
            || (k > from
                && tokens[k].lower().ends_with("ed")
                && lexicon.titles.contains(&tokens[k - 1].lower()))
    })?;
    let head = tokens
        .get(stop.checked_sub(1)?)
        .filter(|_| stop > from)?
        .lower();
    // ", a 47-year-old crane operator,": only a person has an age
    let aged = (from..stop).any(|k| {
        let word = tokens[k].lower();
        word.ends_with("year-old") || (word == "old" && k >= 2 && tokens[k - 2].is("year"))
    });
    if aged || lexicon.titles.contains(&head) {
        Some(EntityKind::Person)
    } else if bare {
        None
    } else if lexicon.is_organisation_noun(&head)
        || lexicon.organization_heads.contains(&head)
        || lexicon.outlet_heads.contains(&head)
        || MEDIA_NOUNS.contains(&head.as_str())
    {
        Some(EntityKind::Organization)
    } else {
        None
    }
}

/// A lone word the document writes as a place somewhere is that place wherever else it stands
/// alone and no role makes it a person ("Velmar handled 2.3 million containers" beside "the port
/// of Velmar"): one name, one sense within a document.
fn place_short_names(mentions: &mut [Mention]) {
    let places: HashSet<String> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Place && !m.text.contains(char::is_whitespace))
        .map(|m| m.text.clone())
        .collect();
    for m in mentions.iter_mut() {
        if matches!(m.kind, EntityKind::Person | EntityKind::Other)
            && m.roles.is_empty()
            && m.canonical == m.text
            && places.contains(&m.text)
        {
            m.kind = EntityKind::Place;
        }
    }
}

/// Nouns by which a text may call any organisation but a news outlet ("the company's
/// spokeswoman", "company spokesman"), where "the agency" wants an agency.
const ANY_BODY: &[&str] = &["company", "firm"];

/// "the Castrelle Air Navigation Authority (CANA)": the capitals in brackets after an
/// organisation's name, when they begin as it does, are that organisation wherever they stand.
fn acronyms(text: &str, mentions: &mut [Mention]) {
    let mut found: Vec<(String, String)> = Vec::new();
    for m in mentions.iter() {
        if m.kind != EntityKind::Organization || !m.canonical.contains(' ') {
            continue;
        }
        let after = text[m.span.end..].trim_start();
        let Some(inner) = after
            .strip_prefix('(')
            .and_then(|rest| rest.split_once(')'))
            .map(|(inner, _)| inner)
        else {
            continue;
        };
        let capitals = (2..=10).contains(&inner.len())
            && inner.chars().all(|c| c.is_ascii_uppercase() || c == '&');
        if capitals && m.canonical.starts_with(&inner[..1]) {
            found.push((inner.to_string(), m.canonical.clone()));
        }
    }
    for m in mentions.iter_mut() {
        if let Some((_, full)) = found.iter().find(|(short, _)| *short == m.text) {
            m.kind = EntityKind::Organization;
            m.canonical = full.clone();
        }
    }
}

/// A lone word that the document also writes as an organisation's name ("Castellan" beside
/// the dateline's "(Castellan)") is that organisation, whatever its sentence made it look like
/// ("he told Castellan"): one name, one sense within a document. A lone word read as a person
/// or left untyped that is the first word of an organisation's name ("Harkwell" beside
/// "Harkwell Juvenile") is that organisation too; a place is not, since places open the names
/// of bodies ("Brenholm" beside "Brenholm General Hospital"). A known place or a person given
/// a role keeps its kind.
fn organization_short_names(mentions: &mut [Mention], lexicon: &Lexicon) {
    let organizations: Vec<(String, String)> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Organization)
        .map(|m| (m.text.clone(), m.canonical.clone()))
        .collect();
    for m in mentions.iter_mut() {
        if m.kind == EntityKind::Organization
            || !m.roles.is_empty()
            || m.text.contains(char::is_whitespace)
            || lexicon.places.contains(&key(&m.text))
            || m.canonical != m.text
        {
            continue;
        }
        let may_be_short = matches!(m.kind, EntityKind::Person | EntityKind::Other);
        let full = organizations.iter().find(|(text, _)| {
            text == &m.text
                || (may_be_short
                    && text.len() > m.text.len()
                    && text.split_whitespace().next() == Some(m.text.as_str()))
        });
        if let Some((_, canonical)) = full {
            m.kind = EntityKind::Organization;
            m.canonical = canonical.clone();
        }
    }
}

/// A role given with a common noun for an organisation named before ("the agency's
/// director", "chair of the alliance", "Federation president") is also given with that name
/// ("Product Safety Authority director", "chair of the Parents' Safety Alliance", "Tarvessan
/// Athletics Federation president"): the organisation named last before the mention whose
/// name has one of the noun's head words.
fn name_org_nouns(mentions: &mut [Mention], lexicon: &Lexicon) {
    for i in 0..mentions.len() {
        if mentions[i].kind != EntityKind::Person || mentions[i].roles.is_empty() {
            continue;
        }
        let mut added = Vec::new();
        for role in &mentions[i].roles {
            let bare = ["the ", "a ", "an "]
                .iter()
                .find_map(|article| role.strip_prefix(article))
                .unwrap_or(role);
            let apostrophe = bare.find("'s ").or_else(|| bare.find("\u{2019}s "));
            // "agency's director" → ("agency", "director", possessive)
            let (noun, rest, possessive) = if let Some(at) = apostrophe {
                let after = bare[at..]
                    .find(' ')
                    .map_or(bare.len(), |space| at + space + 1);
                (bare[..at].to_lowercase(), &bare[after..], true)
            } else if let Some(at) = role.rfind(" of the ") {
                (role[at + 8..].to_lowercase(), &role[..at], false)
            } else if let Some((first, rest)) = bare.split_once(' ')
                && (lexicon.org_nouns.contains_key(&first.to_lowercase())
                    || ANY_BODY.contains(&first))
            {
                // "Federation president" → "Tarvessan Athletics Federation president"
                (first.to_lowercase(), rest, true)
            } else if let Some((first, rest)) = bare.split_once(' ')
                && let Some(full) = mentions.iter().find(|m| {
                    m.kind == EntityKind::Organization && m.text == first && m.canonical != m.text
                })
            {
                // "CANA director general" → "Castrelle Air Navigation Authority director
                // general"
                added.push(format!("{} {rest}", full.canonical));
                continue;
            } else {
                continue;
            };
            if rest.is_empty() {
                continue;
            }
            let any = ANY_BODY.contains(&noun.as_str());
            let heads = lexicon.org_nouns.get(&noun);
            if heads.is_none() && !any {
                continue;
            }
            let named = mentions[..i].iter().rev().find(|m| {
                m.kind == EntityKind::Organization
                    && !m.canonical.eq_ignore_ascii_case(&noun)
                    && match heads {
                        Some(heads) => m
                            .canonical
                            .split_whitespace()
                            .any(|w| heads.contains(&w.to_lowercase())),
                        None => !lexicon.is_outlet(&m.canonical),
                    }
            });
            let Some(org) = named else { continue };
            let name = org.canonical.strip_prefix("the ").unwrap_or(&org.canonical);
            added.push(if possessive {
                format!("{name} {rest}")
            } else {
                format!("{rest} of the {name}")
            });
        }
        for role in added {
            if !mentions[i].roles.contains(&role) {
                mentions[i].roles.push(role);
            }
        }
    }
}

/// The trained tagger's tag for every token of the document (its two passes see the whole
/// document).
fn token_tags(tokens: &[Token], sentences: &[SentenceTokens]) -> Vec<Tag> {
    let words: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| tokens[s.tokens.clone()].iter().map(|t| t.text).collect())
        .collect();
    let mut tags = vec![Tag::O; tokens.len()];
    for (sentence, sentence_tags) in sentences
        .iter()
        .zip(NerModel::builtin().tag_document(&words))
    {
        for (k, tag) in sentence.tokens.clone().zip(sentence_tags) {
            tags[k] = tag;
        }
        reread_after_comma(tokens, sentence.tokens.clone(), &mut tags);
    }
    tags
}

/// The tagger joins "Paris, France" into one place, and so it also joins a sentence's
/// subject to the place an opening phrase names: "On Mill Row, Ann Lee kept the café shut".
/// Where a name it ran across a comma goes on straight into a lowercase word (a verb, not the
/// comma or full stop after a region), the part after the comma is read again on its own.
fn reread_after_comma(tokens: &[Token], sentence: std::ops::Range<usize>, tags: &mut [Tag]) {
    let end = sentence.end;
    let mut k = sentence.start;
    while k < end {
        if !matches!(tags[k], Tag::Begin(_)) {
            k += 1;
            continue;
        }
        let mut last = k;
        while last + 1 < end && matches!(tags[last + 1], Tag::Inside(_)) {
            last += 1;
        }
        let comma = (k + 1..last).find(|&i| tokens[i].text == ",");
        let next_is_lowercase =
            last + 1 < end && tokens[last + 1].text.starts_with(char::is_lowercase);
        if let Some(comma) = comma
            && next_is_lowercase
        {
            let words: Vec<&str> = tokens[comma + 1..end].iter().map(|t| t.text).collect();
            let again = NerModel::builtin().tag(&words);
            tags[comma] = Tag::O;
            for (i, tag) in (comma + 1..end).zip(again) {
                tags[i] = tag;
            }
        }
        k = last + 1;
    }
}

/// The kind the tagger gives the tokens `from..to`, when it marks them as one name.
fn tagged_kind(
    tags: &[Tag],
    from: usize,
    to: usize,
    lexicon: &Lexicon,
    name: &str,
) -> Option<EntityKind> {
    let entity_type = tags[from..to].iter().find_map(|t| match t {
        Tag::Begin(e) | Tag::Inside(e) => Some(*e),
        Tag::O => None,
    })?;
    Some(match entity_type {
        EntityType::Person => EntityKind::Person,
        EntityType::Organization => EntityKind::Organization,
        EntityType::Location => EntityKind::Place,
        EntityType::Misc if lexicon.demonyms.contains(&name.to_lowercase()) => EntityKind::Group,
        EntityType::Misc => EntityKind::Other,
    })
}

/// Resolves short names to the fullest name of the same person in the document, and marks
/// names joined to a person ("Trump-Putin summit") as people.
#[allow(clippy::needless_range_loop)] // indices compare positions between mentions
fn resolve(mentions: &mut Vec<Mention>, tokens: &[Token]) {
    let full_names: Vec<(usize, String)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == EntityKind::Person && m.text.split_whitespace().count() >= 2)
        .map(|(i, m)| (i, m.text.clone()))
        .collect();
    for i in 0..mentions.len() {
        let words: Vec<&str> = mentions[i].text.split_whitespace().collect();
        if words.len() != 1 || !matches!(mentions[i].kind, EntityKind::Person | EntityKind::Other) {
            continue;
        }
        let word = words[0];
        let candidates: Vec<&(usize, String)> = full_names
            .iter()
            .filter(|(_, full)| full.split_whitespace().last() == Some(word))
            .collect();
        let distinct: HashSet<&str> = candidates.iter().map(|(_, n)| n.as_str()).collect();
        // The nearest earlier full name wins; else the first later one.
        let chosen = candidates
            .iter()
            .rev()
            .find(|(k, _)| *k < i)
            .or_else(|| candidates.first())
            .map(|(_, n)| n.clone());
        if let Some(full) = chosen
            && (distinct.len() == 1 || candidates.iter().any(|(k, _)| *k < i))
        {
            mentions[i].canonical = full;
            mentions[i].kind = EntityKind::Person;
        }
    }
    // "Orvane" after "Orvane Rail": a lone word that opens an organisation's name, and ends
    // no person's, is that organisation.
    let organisations: Vec<(usize, String)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            m.kind == EntityKind::Organization && m.text.split_whitespace().count() >= 2
        })
        .map(|(i, m)| (i, m.canonical.clone()))
        .collect();
    for i in 0..mentions.len() {
        let text = mentions[i].text.as_str();
        if text.contains(' ')
            || !matches!(
                mentions[i].kind,
                EntityKind::Person | EntityKind::Other | EntityKind::Organization
            )
            || mentions[i].canonical.contains(' ')
        {
            continue;
        }
        let opens: HashSet<&str> = organisations
            .iter()
            .filter(|(_, name)| name.split_whitespace().next() == Some(text))
            .map(|(_, name)| name.as_str())
            .collect();
        // "Larkspan Air Cargo" and "Larkspan Air Cargo Flight": names that only lengthen the
        // shortest one are one organisation.
        let shortest = opens.iter().min_by_key(|name| name.len()).copied();
        if let Some(name) = shortest
            && opens.iter().all(|other| other.starts_with(name))
        {
            mentions[i].canonical = name.to_string();
            mentions[i].kind = EntityKind::Organization;
        }
    }
    // "the Trump-Putin summit": a compound of two names, one of them a known person, is two
    // people; "Mei-Lin Castellano" stays one name.
    let surnames: HashSet<String> = full_names
        .iter()
        .filter_map(|(_, n)| n.split_whitespace().last().map(str::to_string))
        .collect();
    let mut k = 0;
    while k < mentions.len() {
        let parts: Vec<String> = mentions[k].text.split('-').map(str::to_string).collect();
        let is_pair = parts.len() == 2
            && !mentions[k].text.contains(' ')
            && parts.iter().all(|p| p.starts_with(char::is_uppercase))
            && parts.iter().any(|p| surnames.contains(p));
        if is_pair {
            let original = mentions.remove(k);
            let mut offset = original.span.start;
            for (n, part) in parts.iter().enumerate() {
                let span = Span::new(offset, offset + part.len());
                offset = span.end + 1;
                let canonical = full_names
                    .iter()
                    .find(|(_, full)| full.split_whitespace().last() == Some(part.as_str()))
                    .map_or_else(|| part.to_string(), |(_, full)| full.clone());
                mentions.insert(
                    k + n,
                    Mention {
                        span,
                        text: part.clone(),
                        kind: EntityKind::Person,
                        canonical,
                        roles: Vec::new(),
                    },
                );
            }
            k += parts.len();
        } else {
            k += 1;
        }
    }
    let _ = tokens;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentence::split;
    use crate::token::tokenize;

    fn mentions(text: &str) -> Vec<Mention> {
        let lexicon = Lexicon::builtin();
        let tokens = tokenize(text, &lexicon);
        let sentences = split(&tokens, &lexicon);
        find_mentions(text, &tokens, &sentences, &lexicon)
    }

    #[test]
    fn a_name_goes_on_past_and_to_its_head_word() {
        let found = mentions(
            "Crews from the Lorrick Fire and Rescue Service arrived. Russia and the Border \
             Agency disagreed.",
        );
        let names: Vec<(&str, EntityKind)> =
            found.iter().map(|m| (m.text.as_str(), m.kind)).collect();
        assert!(
            names.contains(&("Lorrick Fire and Rescue Service", EntityKind::Organization)),
            "{names:?}"
        );
        assert!(
            !names.iter().any(|(n, _)| n.contains("Russia and")),
            "{names:?}"
        );
        // a plural noun opening the sentence is nobody
        assert!(!names.iter().any(|(n, _)| *n == "Crews"), "{names:?}");
    }

    #[test]
    fn broadcasters_and_papers_described_as_such_are_organisations() {
        let found = mentions(
            "Radio Ostelle said the pass was shut. The Grenzblatt, a Dresvik daily, reported \
             that the village was cleared. Lanternpost, an investigative news website, said so.",
        );
        let kind = |name: &str| found.iter().find(|m| m.text == name).map(|m| m.kind);
        assert_eq!(kind("Radio Ostelle"), Some(EntityKind::Organization));
        assert_eq!(kind("Grenzblatt"), Some(EntityKind::Organization));
        assert_eq!(kind("Lanternpost"), Some(EntityKind::Organization));
    }

    #[test]
    fn utilities_and_lift_makers_are_organisations_and_a_gorge_is_a_place() {
        let found = mentions(
            "The station is run by Brenner Water, which said it had followed its permit. \
             Ostrova Lifts built the cabins that crossed the Dalmir Gorge.",
        );
        let kind = |name: &str| found.iter().find(|m| m.text == name).map(|m| m.kind);
        assert_eq!(kind("Brenner Water"), Some(EntityKind::Organization));
        assert_eq!(kind("Ostrova Lifts"), Some(EntityKind::Organization));
        assert_eq!(kind("Dalmir Gorge"), Some(EntityKind::Place));
    }

    #[test]
    fn a_name_never_starts_with_the_of_of_a_title() {
        let found = mentions(
            "Residents of Ashcombe said it was frightening. Minister of Finance Ana Lisk agreed.",
        );
        let names: Vec<&str> = found.iter().map(|m| m.text.as_str()).collect();
        assert!(!names.iter().any(|n| n.starts_with("of ")), "{names:?}");
        assert!(names.contains(&"Ana Lisk"), "{names:?}");
    }

    #[test]
    fn a_lone_first_word_is_the_organisation_it_opens() {
        let found = mentions(
            "Halvik Shipping bought two tankers on Monday. Halvik said the deal was closed.",
        );
        let lone = found
            .iter()
            .find(|m| m.text == "Halvik")
            .expect("the lone name is a mention");
        assert_eq!(lone.canonical, "Halvik Shipping");
        assert_eq!(lone.kind, EntityKind::Organization);
    }

    #[test]
    fn a_name_run_across_a_comma_into_a_verb_is_read_again_after_the_comma() {
        let text = "On Quay Street, Marco Delgado kept the bakery shut.";
        let lexicon = Lexicon::builtin();
        let tokens = tokenize(text, &lexicon);
        let at = |word: &str| tokens.iter().position(|t| t.text == word).unwrap_or(0);
        // What the tagger does with some such sentences: one place across the comma.
        let mut tags = vec![Tag::O; tokens.len()];
        tags[at("Quay")] = Tag::Begin(EntityType::Location);
        for word in ["Street", ",", "Marco", "Delgado"] {
            tags[at(word)] = Tag::Inside(EntityType::Location);
        }
        reread_after_comma(&tokens, 0..tokens.len(), &mut tags);
        assert_eq!(tags[at(",")], Tag::O);
        assert_eq!(tags[at("Marco")], Tag::Begin(EntityType::Person));
        assert_eq!(tags[at("Quay")], Tag::Begin(EntityType::Location));
        // A region after the comma, with nothing after it, stays as tagged.
        let text = "They met in Paris, France.";
        let tokens = tokenize(text, &lexicon);
        let at = |word: &str| tokens.iter().position(|t| t.text == word).unwrap_or(0);
        let mut tags = vec![Tag::O; tokens.len()];
        tags[at("Paris")] = Tag::Begin(EntityType::Location);
        tags[at(",")] = Tag::Inside(EntityType::Location);
        tags[at("France")] = Tag::Inside(EntityType::Location);
        let before = tags.clone();
        reread_after_comma(&tokens, 0..tokens.len(), &mut tags);
        assert_eq!(tags, before);
    }

    #[test]
    fn an_apposition_headed_by_a_title_makes_a_person_whatever_follows_its_link() {
        let found = mentions(
            "Alder Quist, the finance spokesman of the opposition Civic Union, said it was wrong.",
        );
        let quist = found
            .iter()
            .find(|m| m.text == "Alder Quist")
            .expect("the name is a mention");
        assert_eq!(quist.kind, EntityKind::Person, "{found:?}");
    }

    #[test]
    fn an_apposition_headed_by_a_title_and_a_participle_makes_a_person() {
        let found = mentions(
            "Anna Berg, the partner leading the administration, said the records were incomplete.",
        );
        let berg = found
            .iter()
            .find(|m| m.text == "Anna Berg")
            .expect("the name is a mention");
        assert_eq!(berg.kind, EntityKind::Person, "{found:?}");
    }

    #[test]
    fn a_plural_possessive_title_word_opens_a_body_not_a_titled_person() {
        let found =
            mentions("The Pharmacists\u{2019} Guild of Marrovia said its members had stopped.");
        assert!(
            found.iter().all(|m| m.kind != EntityKind::Person),
            "{found:?}"
        );
        assert!(
            found.iter().any(|m| m.text.starts_with("Pharmacists")),
            "{found:?}"
        );
    }

    #[test]
    fn a_title_inside_an_organisation_name_is_no_title() {
        let found =
            mentions("Nine people were taken to Varrow General Hospital. Nobody was badly hurt.");
        assert!(
            !found.iter().any(|m| m.kind == EntityKind::Person),
            "{found:?}"
        );
    }

    fn people(text: &str) -> Vec<(String, String, Vec<String>)> {
        mentions(text)
            .into_iter()
            .filter(|m| m.kind == EntityKind::Person)
            .map(|m| (m.text, m.canonical, m.roles))
            .collect()
    }

    #[test]
    fn an_apposition_before_a_name_may_tie_its_title_with_for() {
        let found =
            people("A spokesperson for Halvik Shipping, Ona Breck, said the ship was safe.");
        assert_eq!(found[0].1, "Ona Breck");
        assert_eq!(found[0].2, ["spokesperson for Halvik Shipping"]);
    }

    #[test]
    fn a_title_before_a_name_takes_the_of_phrase_after_it() {
        let found = people(
            "Governor Helka Dravi of the Tamsk region, where the plant stands, said so. \
             Mayor Orla Venn said the hall would stay open.",
        );
        assert_eq!(found[0].2, ["Governor of the Tamsk region"]);
        assert_eq!(found[1].2, ["Mayor"]);
    }

    #[test]
    fn a_lone_name_after_an_opening_in_is_a_place_not_the_person_after_it() {
        let found = people(
            "In Pellmouth, the city's chief engineer, Tomas Heddervik, said the cracks held.",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "Tomas Heddervik");
    }

    #[test]
    fn its_before_a_role_is_the_organisation_the_sentence_named() {
        let found = people(
            "Jettava Airlines cancelled a third of its flights; its spokeswoman, Delphine \
             Pyefield, said refunds would be paid.",
        );
        assert_eq!(found[0].2, ["Jettava Airlines' spokeswoman"]);
    }

    #[test]
    fn an_apposition_before_a_titled_name_and_its_owner_in_the_sentence_before() {
        let found = people(
            "In a video message, the council's spokesman, Major Stefan Ilgar, denied it. The \
             Transit Workers' Union confirmed the delay. Its branch secretary in Lorrick, Gretha \
             Parrow, said so.",
        );
        assert_eq!(found[0].1, "Stefan Ilgar");
        assert!(
            found[0].2.contains(&"council's spokesman".to_string()),
            "{found:?}"
        );
        assert_eq!(found[1].1, "Gretha Parrow");
        assert_eq!(
            found[1].2,
            ["Transit Workers' Union's branch secretary in Lorrick"]
        );
    }

    #[test]
    fn a_role_given_with_the_company_an_acronym_or_a_guild_is_also_given_with_its_name() {
        let found = people(
            "Seldra Power said the line was inspected. The company's head of communications, \
             Kaja Lindqvart, said repairs had begun. The Castrelle Air Navigation Authority \
             (CANA) closed the airspace. CANA director general Lenart Ebbesen said so. The \
             Castrellan Pilots' Guild asked why. The guild's president, Bettina Sarrow, spoke.",
        );
        let roles = |name: &str| {
            found
                .iter()
                .find(|(_, n, _)| n == name)
                .map(|(_, _, roles)| roles.clone())
                .unwrap_or_default()
        };
        assert!(roles("Kaja Lindqvart").contains(&"Seldra Power head of communications".into()));
        assert!(
            roles("Lenart Ebbesen")
                .contains(&"Castrelle Air Navigation Authority director general".into())
        );
        assert!(roles("Bettina Sarrow").contains(&"Castrellan Pilots' Guild president".into()));
    }

    #[test]
    fn a_cue_word_in_a_name_ends_no_apposition_and_a_time_zone_owns_nothing() {
        let found = people(
            "Olaf Rask, a professor at Lissavar State University, said the margin was small. \
             The centre said it had sent a warning at 7:40 p.m. GMT on Monday. Its commander, \
             Colonel Aurel Dastin, told reporters the risk was small.",
        );
        assert_eq!(found[0].2, ["a professor at Lissavar State University"]);
        assert_eq!(found[1].1, "Aurel Dastin");
        assert!(found[1].2.iter().all(|r| !r.contains("GMT")), "{found:?}");
    }

    #[test]
    fn titles_and_premodifier_roles() {
        let found = people(
            "Talks with Navy Secretary Ann Marlow went on. Agency spokeswoman Lee Park declined.",
        );
        assert_eq!(found[0].1, "Ann Marlow");
        assert_eq!(found[0].2, ["Navy Secretary"]);
        assert_eq!(found[1].1, "Lee Park");
        assert_eq!(found[1].2, ["Agency spokeswoman"]);
    }

    #[test]
    fn relative_clause_roles_and_organisations_named_by_a_common_noun() {
        let text = "The Tenants' Housing Alliance objected. Mara Olund, who chairs the alliance, \
                    spoke. Piet Vann, a councillor who heads the planning committee, agreed.";
        let found = people(text);
        assert_eq!(found[0].1, "Mara Olund");
        assert_eq!(
            found[0].2,
            [
                "chair of the alliance",
                "chairs the alliance",
                "chair of the Tenants' Housing Alliance"
            ]
        );
        assert_eq!(
            found[1].2,
            ["a councillor", "head of the planning committee"]
        );
        let orgs: Vec<String> = mentions(text)
            .into_iter()
            .filter(|m| m.kind == EntityKind::Organization)
            .map(|m| m.text)
            .collect();
        assert_eq!(orgs, ["Tenants' Housing Alliance"]);
    }

    #[test]
    fn a_word_only_ever_inside_a_longer_name_is_no_person_at_a_quote_start() {
        let found = people(
            "The Road Safety Board met. \"Safety comes first,\" said Ines Karr, its director.",
        );
        let names: Vec<&str> = found.iter().map(|p| p.1.as_str()).collect();
        assert_eq!(names, ["Ines Karr"]);
    }

    #[test]
    fn long_appositions_shared_plural_titles_and_predicates_after_a_name() {
        let roles = |text: &str, name: &str| -> Vec<String> {
            people(text)
                .into_iter()
                .filter(|(_, canonical, _)| canonical == name)
                .flat_map(|(_, _, roles)| roles)
                .collect()
        };
        // (said in at most eight words: role::concise)
        let text = "Imogen Sallis, a professor of water law at the University of Corvale, spoke.";
        assert_eq!(
            roles(text, "Imogen Sallis"),
            ["professor of water law at University of Corvale"]
        );
        // a cue word after a determiner is a noun
        let text = "Orla Brennock left. Ms. Brennock, the state engineer, signed the permit.";
        assert!(roles(text, "Orla Brennock").contains(&"state engineer".to_string()));
        // the name's comma then a verb: the predicate, no role
        let text = "The lead plaintiff, Harlan Voss, runs about 900 head of cattle.";
        assert_eq!(roles(text, "Harlan Voss"), ["lead plaintiff"]);
        let text = "Justices Corinne Yalden and Marcus Deverill joined his dissent.";
        assert_eq!(roles(text, "Corinne Yalden"), ["Justice"]);
        assert_eq!(roles(text, "Marcus Deverill"), ["Justice"]);
    }

    #[test]
    fn an_apposition_says_what_a_sentence_opening_name_is() {
        let found = mentions(
            "Floods hit the valley. Vellgrid, the state hydropower company that runs the dam, \
             said its engineers were inspecting it.",
        );
        assert!(
            found
                .iter()
                .any(|m| m.text == "Vellgrid" && m.kind == EntityKind::Organization),
            "{found:?}"
        );
    }

    #[test]
    fn a_lone_name_told_at_the_end_of_a_clause_is_an_outlet() {
        let found =
            mentions("\"We have not read it,\" Konrad Ilvess, the spokesman, told Groundshift.");
        assert!(
            found
                .iter()
                .any(|m| m.text == "Groundshift" && m.kind == EntityKind::Organization),
            "{found:?}"
        );
        let found = mentions("Anna Berg met the mayor. The minister later told Berg.");
        assert!(
            found.iter().all(|m| m.kind == EntityKind::Person),
            "{found:?}"
        );
    }

    #[test]
    fn a_name_after_a_vessel_noun_is_the_vessel() {
        let found = mentions(
            "The navy seized the oil tanker Marden Wake on Monday. Captain Ilse Varn said \
             the crew was safe.",
        );
        assert!(
            found
                .iter()
                .any(|m| m.text == "Marden Wake" && m.kind != EntityKind::Person),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|m| m.text == "Ilse Varn" && m.kind == EntityKind::Person),
            "{found:?}"
        );
    }

    #[test]
    fn a_lone_word_opening_nested_organisation_names_is_the_shortest() {
        let found = mentions(
            "Varden Holdings said it would pay. The Varden Holdings Group board agreed. \
             Analysts said Varden flies nine of the type.",
        );
        let lone = found
            .iter()
            .find(|m| m.text == "Varden")
            .expect("a mention");
        assert_eq!(lone.kind, EntityKind::Organization, "{found:?}");
        assert_eq!(lone.canonical, "Varden Holdings", "{found:?}");
    }

    #[test]
    fn a_lone_name_after_the_and_a_settlement_noun_is_the_place() {
        let found = mentions("The flight left the capital Ostrevan at dawn, Mira Delk said.");
        assert!(
            found
                .iter()
                .any(|m| m.text == "Ostrevan" && m.kind == EntityKind::Place),
            "{found:?}"
        );
    }

    #[test]
    fn appositions_and_resolution() {
        let text = "Omar Haddad, Jordan's deputy foreign minister and chief negotiator, spoke. \
                    The head of the port authority, Lina Berg, agreed. Haddad left.";
        let found = people(text);
        assert_eq!(
            found[0].2,
            ["Jordan's deputy foreign minister", "chief negotiator"]
        );
        assert_eq!(found[1].1, "Lina Berg");
        assert_eq!(found[1].2, ["head of the port authority"]);
        assert_eq!(found[2].1, "Omar Haddad");
    }

    #[test]
    fn places_organisations_and_sentence_starts() {
        let found = mentions(
            "Officials in Abu Dhabi met. The Financial Times said NATO and the U.S. agreed.",
        );
        let kinds: Vec<(&str, EntityKind)> =
            found.iter().map(|m| (m.text.as_str(), m.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("Abu Dhabi", EntityKind::Place),
                ("Financial Times", EntityKind::Organization),
                ("NATO", EntityKind::Organization),
                ("U.S.", EntityKind::Place)
            ]
        );
    }

    #[test]
    fn hyphenated_leaders_are_people() {
        let found = people(
            "President Maria Lopez spoke. The Lopez-Okafor summit ended. Nurse Mei-Lin Chen agreed.",
        );
        let names: Vec<&str> = found.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, ["Maria Lopez", "Lopez", "Okafor", "Mei-Lin Chen"]);
    }
}
