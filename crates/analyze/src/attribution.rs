//! Who a statement comes from: the subject of a cue ("Leavitt said", "said Lt. Col. Tolbert",
//! "a US official told"), pronouns and "the paper" resolved, anonymous sources kept as
//! written, the channel ("on X", "to reporters") and the chain ("citing", "according to").

use dossier_model::{EntityKind, Mention, Span, Speaker};

use crate::clause;
use crate::lexicon::Lexicon;
use crate::token::{Token, TokenKind};

/// Everything attribution needs to look at one document.
pub struct Context<'a> {
    /// The document text.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: &'a [Token<'a>],
    /// Its mentions, in text order.
    pub mentions: &'a [Mention],
    /// For each token, whether it lies inside a quote (marks included).
    pub inside: &'a [bool],
    /// Word lists.
    pub lexicon: &'a Lexicon,
}

/// A source found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Who.
    pub speaker: Speaker,
    /// Where the text names them.
    pub span: Span,
    /// Whether it is a news outlet (or "media", "the paper").
    pub is_outlet: bool,
    /// Whether it is a person (named, pronoun or anonymous individual).
    pub is_person: bool,
}

/// Whether a name says it is a public body, a union or a service ("Serrath Mountain Rescue",
/// "the Water Authority"): no "company" or "firm" stands for one.
fn is_public_body(name: &str) -> bool {
    name.split_whitespace().last().is_some_and(|last| {
        matches!(
            last.to_lowercase().as_str(),
            "authority"
                | "agency"
                | "ministry"
                | "department"
                | "commission"
                | "committee"
                | "council"
                | "court"
                | "police"
                | "government"
                | "service"
                | "inspectorate"
                | "directorate"
                | "union"
                | "federation"
                | "association"
                | "party"
                | "university"
                | "hospital"
                | "rescue"
                | "brigade"
                | "army"
                | "parliament"
                | "office"
                | "board"
                | "bureau"
                | "institute"
                | "observatory"
                | "trust"
                | "charity"
                | "foundation"
                | "network"
        )
    })
}

/// What the document has said so far, for pronouns and carried-over speakers.
#[derive(Debug, Default, Clone)]
pub struct Memory {
    /// The last source a statement was attributed to, with the paragraph it was in.
    pub last_speaker: Option<(Found, usize)>,
    /// The paragraph of the last direct quote.
    pub last_quote_paragraph: Option<usize>,
    /// Unnamed sources described so far ("two people familiar with the inspection").
    pub anonymous: Vec<Found>,
    /// The person who opens the sentence before, in the same paragraph ("The mayor did not
    /// dodge it."): whom a "he" or "she" right after most likely means.
    pub previous_subject: Option<Found>,
    /// The organisation the sentence before opens with ("The port authority has offered
    /// ..."): what an "it" after it most likely means.
    pub previous_organisation: Option<Found>,
    /// Whether the current sentence opens with an organisation ("The port authority on
    /// Tuesday denied that it ..."), and which one, where the text names it: an "it" later in
    /// the sentence is that one, not the last sentence's.
    pub sentence_organisation: Option<Option<Found>>,
    /// The last organisation given as the source of a quote or a statement: what "the
    /// company" most likely means when several have been named since.
    pub last_organisation_source: Option<Found>,
    /// The last source noted in the current paragraph, organisation or not (the analyzer
    /// clears it where a paragraph starts).
    pub paragraph_source: Option<Found>,
}

/// Words after an unnamed source's head noun that open what describes it ("people familiar
/// with the talks", "an engineer at the company", "two members of its crew").
const DESCRIBED_BY: &[&str] = &[
    "familiar", "close", "briefed", "involved", "with", "at", "in", "inside", "of", "from",
];

/// The head noun of an unnamed source's description, singular: "people" → "person".
/// The head stands before what the description adds ("a senior official in the regional
/// executive" is an official).
fn anonymous_head(description: &str, lexicon: &Lexicon) -> Option<String> {
    let words: Vec<String> = description
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect();
    let head_of = |words: &[String]| {
        words
            .iter()
            .rfind(|w| lexicon.anonymous.contains(*w))
            .cloned()
    };
    // ("one of the people": "of" after a quantifier opens no description)
    let added = words
        .iter()
        .position(|w| w != "of" && (DESCRIBED_BY.contains(&w.as_str()) || w == "who"))
        .unwrap_or(words.len());
    head_of(&words[..added])
        .or_else(|| head_of(&words))
        .map(|w| match w.as_str() {
            "people" => "person".to_string(),
            _ => w.trim_end_matches('s').to_string(),
        })
}

impl Memory {
    /// Remembers the source of a quote or a statement where it is an organisation.
    pub fn note_source(&mut self, found: &Found) {
        if !found.is_person && !found.is_outlet && !found.speaker.anonymous {
            self.last_organisation_source = Some(found.clone());
        }
        self.paragraph_source = Some(found.clone());
    }

    /// Remembers a source; a definite unnamed one ("one of the people", "the official")
    /// becomes the earlier description it refers back to.
    pub fn resolve(&mut self, found: Found, lexicon: &Lexicon) -> Found {
        if !found.speaker.anonymous {
            return found;
        }
        let description = found.speaker.name.to_lowercase();
        // "the official", "one of the people" refer back; "two officials with knowledge of
        // the investigation" is a new description
        let definite = description.starts_with("the ")
            || description
                .split_once(" of the ")
                .is_some_and(|(before, _)| !before.contains(' '));
        let head = anonymous_head(&description, lexicon);
        if definite {
            let earlier = self.anonymous.iter().rev().find(|f| {
                anonymous_head(&f.speaker.name, lexicon) == head
                    && f.speaker.name.to_lowercase() != description
            });
            if let Some(earlier) = earlier {
                return Found {
                    span: found.span,
                    ..earlier.clone()
                };
            }
        }
        self.anonymous.push(found.clone());
        found
    }
}

const AUXILIARIES: &[&str] = &[
    "has",
    "had",
    "have",
    "also",
    "later",
    "previously",
    "then",
    "again",
    "reportedly",
    "earlier",
    "separately",
    "further",
    "repeatedly",
    "publicly",
    "privately",
    "recently",
    "once",
    "has",
    "would",
    "will",
    "last",
    "on",
    "late",
    "early",
    "this",
    "neither",
    "not",
    "never",
    "did",
    "does",
    "do",
    "first",
    "publicly",
    "quickly",
    "today",
    "yesterday",
    "only",
    "just",
    "could",
    "can",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];
/// Nouns that stand for nothing but a news outlet ("the paper", "the broadcaster").
const ONLY_OUTLET_REFERENCES: &[&str] = &[
    "paper",
    "newspaper",
    "broadcaster",
    "outlet",
    "magazine",
    "publication",
];
/// Nouns that may stand for a news outlet or for something else ("the agency", "the network").
const MAYBE_OUTLET_REFERENCES: &[&str] = &["agency", "network", "daily", "channel", "report"];

/// Whether a noun may stand for a news outlet named before ("according to the paper").
fn is_outlet_reference(noun: &str) -> bool {
    ONLY_OUTLET_REFERENCES.contains(&noun) || MAYBE_OUTLET_REFERENCES.contains(&noun)
}
/// Words of a relative clause that says why a source is not named ("who asked not to be
/// named", "who was not authorised to speak publicly").
const UNNAMED_REASONS: &[&str] = &[
    "named",
    "identified",
    "anonymity",
    "authorised",
    "authorized",
    "publicly",
    "permitted",
    "allowed",
];
/// Most tokens of a relative clause taken into an unnamed source's description.
const MAX_RELATIVE_WORDS: usize = 12;
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "two", "three", "four", "five", "several", "some", "many", "other", "one",
    "multiple", "few", "senior", "another", "both",
];
/// Cues after which the subject may follow ("said Lt. Col. Tolbert", "added the minister");
/// after other cues a following noun phrase is an object ("urged people", "told reporters").
const INVERTIBLE_CUES: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "wrote",
    "writes",
    "asked",
    "continued",
    "explained",
    "noted",
    "insisted",
    "warned",
    "replied",
    "recalled",
    "remarked",
    "observed",
    "stated",
    "declared",
    "argued",
    "posted",
    "tweeted",
    "acknowledged",
    "confirmed",
    "conceded",
    "admitted",
];
const PARTICIPLE_CUES: &[&str] = &[
    "saying",
    "adding",
    "warning",
    "noting",
    "arguing",
    "insisting",
    "stressing",
    "explaining",
    "telling",
    "writing",
];

/// Whether the token is a cue word.
pub fn is_cue(token: &Token, lexicon: &Lexicon) -> bool {
    token.kind == TokenKind::Word && lexicon.cues.contains(&token.lower())
}

/// Whether token `k` is a cue used as a verb: "a post", "the report" and "an X post" are nouns.
pub fn is_cue_at(tokens: &[Token], k: usize, lexicon: &Lexicon) -> bool {
    if puts_estimate_at(tokens, k) {
        return true;
    }
    if !is_cue(&tokens[k], lexicon) {
        return false;
    }
    let determiner = |t: &Token| {
        matches!(
            t.lower().as_str(),
            "a" | "an"
                | "the"
                | "his"
                | "her"
                | "its"
                | "their"
                | "our"
                | "this"
                | "that"
                | "these"
                | "those"
                | "whose"
                | "my"
                | "your"
        )
    };
    let noun = k >= 1 && determiner(&tokens[k - 1])
        || k >= 2
            && determiner(&tokens[k - 2])
            && (tokens[k - 1].is_capitalized()
                || tokens[k - 1].kind == TokenKind::Word && tokens[k - 1].text.ends_with("ed"));
    !noun
}

/// Whether token `k` opens an estimate a source gives: "the police put the number at 1.8
/// million", "the Directorate puts the figure at 1.3 micrograms".
fn puts_estimate_at(tokens: &[Token], k: usize) -> bool {
    const ESTIMATES: &[&str] = &[
        "figure", "number", "toll", "total", "count", "tally", "cost", "estimate", "value",
        "damage", "losses", "bill", "crowd", "turnout",
    ];
    let word = |j: usize| tokens.get(j).map(|t| t.lower());
    matches!(word(k).as_deref(), Some("put" | "puts" | "putting"))
        && matches!(word(k + 1).as_deref(), Some("the" | "its" | "their"))
        && word(k + 2).is_some_and(|w| ESTIMATES.contains(&w.as_str()))
        && word(k + 3).as_deref() == Some("at")
}

/// Whether a cue is a participle that takes the main clause's subject ("..., warning that").
pub fn is_participle_cue(token: &Token) -> bool {
    PARTICIPLE_CUES.contains(&token.lower().as_str())
}

impl<'a> Context<'a> {
    /// The mention whose span ends at the end of token `k`.
    fn mention_ending_at(&self, k: usize) -> Option<&'a Mention> {
        let end = self.tokens[k].span.end;
        self.mentions.iter().find(|m| m.span.end == end)
    }

    /// The mention whose span starts at token `k`.
    pub(crate) fn mention_starting_at(&self, k: usize) -> Option<&'a Mention> {
        let start = self.tokens[k].span.start;
        self.mentions.iter().find(|m| m.span.start == start)
    }

    fn found_of(&self, mention: &Mention) -> Found {
        let is_outlet =
            mention.kind == EntityKind::Organization && self.lexicon.is_outlet(&mention.canonical);
        Found {
            speaker: Speaker::named(mention.canonical.clone()),
            span: mention.span,
            is_outlet,
            is_person: mention.kind == EntityKind::Person,
        }
    }

    /// An unnamed source whose head noun is token `head`: walks back over determiners and
    /// modifiers, and forward over "familiar with ..." / "close to ...".
    pub fn anonymous_at(&self, head: usize, floor: usize, ceiling: usize) -> Option<Found> {
        let token = &self.tokens[head];
        let lower = token.lower();
        if token.kind != TokenKind::Word || !self.lexicon.anonymous.contains(&lower) {
            return None;
        }
        // A head noun right after a name is part of that name's phrase, not anonymous.
        let mut start = head;
        while start > floor {
            let previous = &self.tokens[start - 1];
            let p = previous.lower();
            let modifier = previous.is_capitalized()
                || DETERMINERS.contains(&p.as_str())
                || self.lexicon.role_words.contains(&p)
                || self.lexicon.demonyms.contains(&p)
                // "a senior ministry official", "an agency spokesperson"
                || self.lexicon.org_nouns.contains_key(&p)
                || matches!(
                    p.as_str(),
                    "and"
                        | "government"
                        | "administration"
                        | "media"
                        | "intelligence"
                        | "western"
                        | "unnamed"
                        | "anonymous"
                )
                || previous.kind == TokenKind::Number;
            if !modifier {
                break;
            }
            if previous.is_capitalized()
                && self
                    .mention_ending_at(start - 1)
                    .is_some_and(|m| m.kind == EntityKind::Person)
            {
                return None;
            }
            start -= 1;
        }
        // "a safety inspector", "two rail inspectors": one or two plain words between an
        // article or a number and the head noun describe it too, where no determiner opens it
        // already
        // ("a day after the finance minister" is no description).
        let determined = DETERMINERS.contains(&self.tokens[start].lower().as_str());
        for words in (1..=2).filter(|_| !determined) {
            let article = start.checked_sub(words + 1);
            let plain = (start.saturating_sub(words)..start).all(|j| {
                let t = &self.tokens[j];
                t.kind == TokenKind::Word
                    && t.text.starts_with(char::is_lowercase)
                    && !clause::is_auxiliary(&t.lower())
                    && !matches!(
                        t.lower().as_str(),
                        "of" | "to"
                            | "in"
                            | "on"
                            | "at"
                            | "by"
                            | "for"
                            | "with"
                            | "from"
                            | "after"
                            | "before"
                            | "since"
                            | "during"
                            | "until"
                            | "and"
                            | "or"
                            | "that"
                            | "said"
                            | "told"
                    )
            });
            if let Some(article) = article.filter(|&a| a >= floor)
                && plain
                && DETERMINERS.contains(&self.tokens[article].lower().as_str())
            {
                start = article;
                break;
            }
        }
        while start < head && self.tokens[start].is("and") {
            start += 1;
        }
        // "one of the people", "some of the officials"
        if start >= floor + 2 && self.tokens[start - 1].is("of") {
            let quantifier = self.tokens[start - 2].lower();
            if matches!(
                quantifier.as_str(),
                "one" | "two" | "some" | "several" | "many" | "none" | "each" | "both" | "another"
            ) {
                start -= 2;
            }
        }
        let mut end = head + 1;
        if end < ceiling && DESCRIBED_BY.contains(&self.tokens[end].lower().as_str()) {
            while end < ceiling
                && !matches!(self.tokens[end].text, "," | "." | ";")
                && !matches!(self.tokens[end].lower().as_str(), "who" | "which" | "that")
                && !clause::is_auxiliary(&self.tokens[end].lower())
                && !is_cue(&self.tokens[end], self.lexicon)
            {
                end += 1;
            }
        }
        // "two people who attended the closed hearing", "two stewards who were on duty at the
        // Millrace End": a relative clause that says who they are describes them too; one that
        // says why they are not named ("who asked not to be named") does not
        if end < ceiling && self.tokens[end].is("who") {
            let clause_end = (end + 1..ceiling)
                .find(|&r| {
                    matches!(self.tokens[r].text, "," | "." | ";")
                        || self.tokens[r].kind == TokenKind::Quote
                        || is_cue(&self.tokens[r], self.lexicon)
                })
                .unwrap_or(ceiling);
            let why_unnamed = (end + 1..clause_end)
                .any(|r| UNNAMED_REASONS.contains(&self.tokens[r].lower().as_str()));
            // the clause ends where the source's own verb or an aside begins, not at a
            // quotation mark ("the four employees who were held were \"unharmed\"")
            let ends_at_verb =
                clause_end == ceiling || self.tokens[clause_end].kind != TokenKind::Quote;
            if !why_unnamed
                && ends_at_verb
                && clause_end > end + 1
                && clause_end - end <= MAX_RELATIVE_WORDS
            {
                end = clause_end;
            }
        }
        let span = Span::new(self.tokens[start].span.start, self.tokens[end - 1].span.end);
        let description = span.slice(self.text).to_string();
        // "one of the nurses" is one person
        let one_of = {
            let d = description.to_lowercase();
            d.starts_with("one of ") || d.starts_with("another of ")
        };
        let plural = (lower.ends_with('s') || lower == "people") && !one_of;
        let is_outlet = description.to_lowercase().contains("media")
            || description.to_lowercase().contains("outlets");
        Some(Found {
            speaker: Speaker::anonymous(lowercase_first(&description)),
            span,
            is_outlet,
            is_person: !plural,
        })
    }

    /// A pronoun or "the paper" at token `k`, resolved against what was said before.
    fn reference_at(&self, k: usize, memory: &Memory) -> Option<Found> {
        let lower = self.tokens[k].lower();
        let span = self.tokens[k].span;
        // "one of them said": one of the unnamed sources described last.
        if lower == "them"
            && k >= 2
            && self.tokens[k - 1].is("of")
            && matches!(
                self.tokens[k - 2].lower().as_str(),
                "one" | "another" | "two" | "some" | "both" | "each"
            )
        {
            return memory.anonymous.last().map(|group| Found {
                span: Span::new(self.tokens[k - 2].span.start, span.end),
                is_person: self.tokens[k - 2].lower() != "some",
                ..group.clone()
            });
        }
        if PRONOUNS.contains(&lower.as_str()) {
            if matches!(lower.as_str(), "he" | "she")
                && let Some(subject) = &memory.previous_subject
            {
                return Some(Found {
                    span,
                    ..subject.clone()
                });
            }
            // "it" is never a person: the organisation its own sentence opens with, else the
            // one the sentence before opened with, else the last source when that was no
            // person, else the paragraph's last source when that is an organisation ("the
            // federation said its commission was reviewing two games. It said ...").
            if lower == "it" {
                if let Some(opener) = &memory.sentence_organisation {
                    return opener.as_ref().map(|f| Found { span, ..f.clone() });
                }
                let last = memory.last_speaker.as_ref().map(|(f, _)| f);
                return memory
                    .previous_organisation
                    .as_ref()
                    .or(last.filter(|f| !f.is_person))
                    .or(memory
                        .paragraph_source
                        .as_ref()
                        .filter(|f| !f.is_person && !f.is_outlet && !f.speaker.anonymous))
                    .map(|f| Found { span, ..f.clone() });
            }
            // "The field belongs to Joakim Brennoc, a farmer. '…,' he said.": with nobody
            // quoted yet, "he" or "she" is the person named last
            if memory.last_speaker.is_none() && matches!(lower.as_str(), "he" | "she") {
                let named_last = self
                    .mentions
                    .iter()
                    .rev()
                    .filter(|m| m.span.end <= span.start && !self.is_quoted(m))
                    .find(|m| m.kind == EntityKind::Person)?;
                return Some(Found {
                    span,
                    ..self.found_of(named_last)
                });
            }
            let (last, _) = memory.last_speaker.as_ref()?;
            let fits = match lower.as_str() {
                "he" | "she" | "i" => last.is_person,
                _ => true,
            };
            return fits.then(|| Found {
                span,
                ..last.clone()
            });
        }
        let determiner = |at: usize| {
            matches!(
                self.tokens[at].lower().as_str(),
                "his" | "her" | "their" | "its" | "the"
            )
        };
        // "the finance minister": one lowercase word between the determiner and the title
        let modifier = (k >= 2
            && determiner(k - 2)
            && self.tokens[k - 1].kind == TokenKind::Word
            && self.tokens[k - 1].text.starts_with(char::is_lowercase))
        .then(|| self.tokens[k - 1].lower());
        if k > 0
            && (determiner(k - 1) || modifier.is_some())
            && self.lexicon.titles.contains(&lower)
        {
            // "his spokesman said", "the finance minister promised": the person the text
            // gives that role.
            let person = self.mentions.iter().find(|m| {
                m.kind == EntityKind::Person
                    && m.roles.iter().any(|r| {
                        let mut words = r.split_whitespace().rev();
                        words.next().is_some_and(|w| w.eq_ignore_ascii_case(&lower))
                            && modifier.as_ref().is_none_or(|modifier| {
                                words
                                    .next()
                                    .is_some_and(|w| w.eq_ignore_ascii_case(modifier))
                            })
                    })
            });
            if let Some(person) = person {
                let first = if modifier.is_some() { k - 2 } else { k - 1 };
                return Some(Found {
                    span: Span::new(self.tokens[first].span.start, span.end),
                    ..self.found_of(person)
                });
            }
        }
        if lower == "office"
            && let Some(found) = self
                .office_of(k, memory)
                .or_else(|| self.press_office_of(k))
        {
            return Some(found);
        }
        if k > 0 && self.tokens[k - 1].lower() == "the" && is_outlet_reference(&lower) {
            let before = self.tokens[k].span.start;
            let named_before =
                |m: &&Mention| m.span.end <= before && m.kind == EntityKind::Organization;
            // "the agency" may be a news agency or any other: one whose name says it is an
            // agency, else an outlet when one is named.
            let own_kind = || {
                self.mentions.iter().rev().filter(named_before).find(|m| {
                    m.canonical
                        .split_whitespace()
                        .any(|word| word.eq_ignore_ascii_case(&lower))
                })
            };
            // an outlet by its name, or by what it does: "Palmeira reported on Tuesday, …
            // According to the broadcaster, …"
            let reported = |m: &Mention| {
                ONLY_OUTLET_REFERENCES.contains(&lower.as_str())
                    && m.kind != EntityKind::Person
                    && m.kind != EntityKind::Place
                    && self
                        .tokens
                        .get(self.token_at(m.span.end))
                        .is_some_and(|t| matches!(t.lower().as_str(), "reported" | "reports"))
            };
            let outlet = || {
                self.mentions
                    .iter()
                    .rev()
                    .filter(|m| m.span.end <= before)
                    .find(|m| {
                        (m.kind == EntityKind::Organization && self.lexicon.is_outlet(&m.canonical))
                            || reported(m)
                    })
            };
            if let Some(outlet) = own_kind().or_else(outlet) {
                return Some(Found {
                    speaker: Speaker::named(outlet.canonical.clone()),
                    span: Span::new(self.tokens[k - 1].span.start, span.end),
                    is_outlet: self.lexicon.is_outlet(&outlet.canonical),
                    is_person: false,
                });
            }
        }
        self.organisation_reference(k, Some(memory)).or_else(|| {
            // "Corbell Ratings said … . '…,' the agency said": a noun of no kind the name
            // shows stands for the organisation the sentence before opened with.
            // Only as a subject: after a quote or a clause's start, not "a spokesman for the
            // company".
            let the = k > 0
                && self.tokens[k - 1].lower() == "the"
                && (k == 1 || self.tokens[k - 2].kind != TokenKind::Word);
            (the && self.lexicon.is_organisation_noun(&lower))
                .then(|| memory.previous_organisation.clone())
                .flatten()
                .map(|f| Found {
                    span: Span::new(self.tokens[k - 1].span.start, span.end),
                    ..f
                })
                .or_else(|| {
                    let possessor = self
                        .tokens
                        .get(k + 1)
                        .is_some_and(crate::role::is_possessive);
                    (!possessor)
                        .then(|| self.described_organisation(k))
                        .flatten()
                })
        })
    }

    /// "his office", "Brannock's office", "the prime minister's office" at token `k` (the word
    /// "office"): the office of the person meant, named with that person's title where the
    /// text gives one before the name ("Prime Minister Edvard Brannock's office").
    fn office_of(&self, k: usize, memory: &Memory) -> Option<Found> {
        let before = k.checked_sub(1)?;
        let narrative_person = |m: &&Mention| {
            m.kind == EntityKind::Person
                && m.span.end <= self.tokens[k].span.start
                && !self.is_quoted(m)
        };
        let (person, start) = if matches!(self.tokens[before].lower().as_str(), "his" | "her") {
            let person = match &memory.previous_subject {
                Some(subject) if subject.is_person && !subject.speaker.anonymous => self
                    .mentions
                    .iter()
                    .rev()
                    .filter(narrative_person)
                    .find(|m| m.canonical == subject.speaker.name),
                _ => self.mentions.iter().rev().find(narrative_person),
            }?;
            (person, before)
        } else if self.tokens[before].text.ends_with("'s")
            || self.tokens[before].text.ends_with("\u{2019}s")
            || crate::role::is_possessive(&self.tokens[before])
        {
            // "Brannock's office" names the person; "the prime minister's office" gives a
            // title some person in the text holds.
            let owner = if crate::role::is_possessive(&self.tokens[before]) {
                before.checked_sub(1)?
            } else {
                before
            };
            let start = (owner.saturating_sub(3)..=owner)
                .find(|&at| self.tokens[at].lower() == "the")
                .unwrap_or(owner);
            let words: Vec<String> = (start..=owner)
                .map(|at| {
                    let lower = self.tokens[at].lower();
                    lower
                        .trim_end_matches("'s")
                        .trim_end_matches("\u{2019}s")
                        .to_string()
                })
                .filter(|word| word != "the")
                .collect();
            let title = words.join(" ");
            let person = self
                .mentions
                .iter()
                .rev()
                .filter(narrative_person)
                .find(|m| {
                    self.token_at(m.span.start) <= owner && self.token_at(m.span.end - 1) >= owner
                        || (!title.is_empty()
                            && m.roles.iter().any(|role| role.to_lowercase() == title))
                })?;
            (person, start)
        } else {
            return None;
        };
        let title = self
            .mentions
            .iter()
            .filter(|m| m.canonical == person.canonical)
            .flat_map(|m| &m.roles)
            .find(|role| {
                role.split_whitespace().count() <= 3
                    && role
                        .split_whitespace()
                        .all(|w| w.starts_with(char::is_uppercase))
                    && !role.ends_with('.')
            })
            .map(|role| format!("{role} "))
            .unwrap_or_default();
        Some(Found {
            speaker: Speaker::named(format!("{title}{}'s office", person.canonical)),
            span: Span::new(self.tokens[start].span.start, self.tokens[k].span.end),
            is_outlet: false,
            is_person: false,
        })
    }

    /// "The company", "the port authority" at token `k` (its head noun, after "the" and at
    /// most one lowercase modifier): the last organisation the narrative (not a quote) names
    /// before it whose name has that head word or one it can stand for (`org_nouns.txt`);
    /// "the company", "the firm" (no kind given) the last organisation named.
    /// "the court's press office": the office of an organisation named before.
    fn press_office_of(&self, k: usize) -> Option<Found> {
        let mut at = k.checked_sub(1)?;
        let kind = self.tokens[at].lower();
        if matches!(kind.as_str(), "press" | "media" | "communications") {
            at = at.checked_sub(1)?;
        }
        let owner = if crate::role::is_possessive(&self.tokens[at]) {
            at.checked_sub(1)?
        } else {
            return None;
        };
        let organisation = self
            .organisation_reference(owner, None)
            .or_else(|| self.described_organisation(owner))?;
        let name = if k > owner + 2 {
            format!("{} {kind} office", organisation.speaker.name)
        } else {
            format!("{} office", organisation.speaker.name)
        };
        Some(Found {
            speaker: Speaker::named(name),
            span: Span::new(organisation.span.start, self.tokens[k].span.end),
            is_outlet: false,
            is_person: false,
        })
    }

    fn organisation_reference(&self, k: usize, memory: Option<&Memory>) -> Option<Found> {
        let lower = self.tokens[k].lower();
        if !self.lexicon.is_organisation_noun(&lower) {
            return None;
        }
        let heads = self.lexicon.org_nouns.get(&lower);
        if let Some(found) = self
            .possessed_organisation(k)
            .or_else(|| self.its_organisation(k))
        {
            return Some(found);
        }
        // "the company's board", "the orchestra's board": the body the possessor stands for
        if k >= 3
            && matches!(self.tokens[k - 1].text, "'s" | "\u{2019}s")
            && let Some(owner) = self.organisation_reference(k - 2, memory)
        {
            return Some(Found {
                span: Span::new(owner.span.start, self.tokens[k].span.end),
                ..owner
            });
        }
        // a modifier between "the" and the noun is one lowercase word ("the port authority"),
        // or a place or a country's adjective that says whose it is ("the Velmorra police",
        // "the Brevonian foreign ministry"): that body, by its name
        let named_body = |first: usize| {
            let span = Span::new(self.tokens[first].span.start, self.tokens[k].span.end);
            Found {
                speaker: Speaker::named(span.slice(self.text)),
                span,
                is_outlet: false,
                is_person: false,
            }
        };
        let whose = |at: usize| {
            let modifier = &self.tokens[at];
            modifier.kind == TokenKind::Word
                && modifier.is_capitalized()
                && self
                    .mention_ending_at(at)
                    .is_none_or(|m| m.kind != EntityKind::Person)
        };
        // Three words from "the": "the Brevonian foreign ministry", or a plural possessive,
        // "the prosecutors' office" (the body of those it names).
        let two_modifiers = self.subject_article(k, 3).filter(|&the| {
            let second = &self.tokens[the + 2];
            the + 3 == k
                && ((whose(the + 1)
                    && second.kind == TokenKind::Word
                    && second.text.starts_with(char::is_lowercase))
                    || (self.tokens[the + 1].text.starts_with(char::is_lowercase)
                        && crate::token::is_plural_possessive(self.tokens, the + 2)))
        });
        if let Some(the) = two_modifiers {
            return Some(named_body(the + 1));
        }
        // "Vellacombe police reopened the road": a place's body opening its sentence, with
        // no article
        let opens_sentence = |at: usize| {
            at == 0
                || self.tokens[at].starts_paragraph
                || matches!(self.tokens[at - 1].text, "." | "?" | "!" | ";")
        };
        // (or with one lowercase word between: "Wendrask town council said …")
        let place_at = |at: usize| {
            opens_sentence(at)
                && whose(at)
                && !DETERMINERS.contains(&self.tokens[at].lower().as_str())
                && !self.lexicon.common_words.contains(&self.tokens[at].lower())
        };
        let plain_modifier = |at: usize| {
            let lower = self.tokens[at].lower();
            self.tokens[at].kind == TokenKind::Word
                && self.tokens[at].text.chars().all(|c| c.is_ascii_lowercase())
                && !DETERMINERS.contains(&lower.as_str())
                && !matches!(
                    lower.as_str(),
                    "and" | "or" | "of" | "in" | "on" | "at" | "to" | "for" | "by" | "with"
                )
        };
        if k >= 1 && place_at(k - 1) {
            return Some(named_body(k - 1));
        }
        if k >= 2 && place_at(k - 2) && plain_modifier(k - 1) {
            return Some(named_body(k - 2));
        }
        let the = self.subject_article(k, 2)?;
        if the + 2 == k {
            let modifier = &self.tokens[the + 1];
            if modifier.kind != TokenKind::Word {
                return None;
            }
            if modifier.is_capitalized() {
                return whose(the + 1).then(|| named_body(the + 1));
            }
        }
        let before = self.tokens[the].span.start;
        let named = |m: &&Mention| {
            m.span.end <= before && m.kind == EntityKind::Organization && !self.is_quoted(m)
        };
        let has_head = |m: &&Mention| {
            m.canonical.split_whitespace().any(|word| {
                let word = word.to_lowercase();
                word == lower || heads.is_some_and(|heads| heads.contains(&word))
            })
        };
        // a noun that says what kind of organisation it is ("the authority") wants a name of
        // that kind; "the company", "the firm" may stand for any but a news outlet, which the
        // text calls "the paper" or "the broadcaster"
        // ("after the Sarnholm Record reported it… '…,' the company said"); the organisation
        // that was last given as a source before any other named since
        let last_source = memory.and_then(|memory| memory.last_organisation_source.as_ref());
        let any = heads.is_none().then(|| {
            let candidates: Vec<&Mention> = self
                .mentions
                .iter()
                .rev()
                .filter(named)
                .filter(|m| !self.lexicon.is_outlet(&m.canonical) && !is_public_body(&m.canonical))
                .collect();
            // else the last that opened a sentence, its subject ("Lumevra Therapeutics, the
            // drugmaker with its headquarters in the Eastgate science park, said …. The
            // company said": Lumevra), else the last named
            // (a dateline's town in capitals, "LYSSENDAL, Merrovia, March 8 -", is no subject)
            let opens_sentence = |m: &&&Mention| {
                let k = self.token_at(m.span.start);
                let capitals = !m.text.chars().any(char::is_lowercase);
                !capitals
                    && (k == 0
                        || self.tokens[k].starts_paragraph
                        // (or the dash after a dateline)
                        || matches!(
                            self.tokens[k - 1].text,
                            "." | "!" | "?" | "-" | "\u{2014}" | "\u{2013}"
                        ))
            };
            candidates
                .iter()
                .find(|m| last_source.is_some_and(|source| m.canonical == source.speaker.name))
                .or_else(|| candidates.iter().find(opens_sentence))
                .or(candidates.first())
                .copied()
        });
        let mention = self
            .mentions
            .iter()
            .rev()
            .filter(named)
            .find(has_head)
            .or(any.flatten())?;
        Some(Found {
            span: Span::new(self.tokens[the].span.start, self.tokens[k].span.end),
            ..self.found_of(mention)
        })
    }

    /// The "the" of an organisation noun at token `k` in a subject's place, where a subject
    /// or "according to" puts it, not as an object or after a preposition ("director of the
    /// health authority", "saying the authority would").
    fn subject_article(&self, k: usize, reach: usize) -> Option<usize> {
        let the = (k.saturating_sub(reach)..k)
            .rev()
            .find(|&at| self.tokens[at].lower() == "the")?;
        let opens = the == 0
            || self.tokens[the].starts_paragraph
            || self.tokens[the - 1].kind != TokenKind::Word
            // "stopped by 9 a.m. The company said": the full stop inside the word before
            || (self.tokens[the].text.starts_with(char::is_uppercase)
                && self.tokens[the - 1].text.ends_with('.'))
            || matches!(
                self.tokens[the - 1].lower().as_str(),
                "to" | "and" | "but" | "that" | "while" | "when" | "because"
            )
            // "..., said the company."
            || (matches!(self.tokens[the - 1].lower().as_str(), "said" | "says")
                && self
                    .tokens
                    .get(k + 1)
                    .is_none_or(|t| matches!(t.text, "," | "." | ";")));
        opens.then_some(the)
    }

    /// "…, the trade ministry said" where no ministry is named: the body the text describes,
    /// by its description ("trade ministry").
    fn described_organisation(&self, k: usize) -> Option<Found> {
        if !self.lexicon.is_organisation_noun(&self.tokens[k].lower()) {
            return None;
        }
        let the = self.subject_article(k, 2)?;
        if (the + 1..k).any(|j| self.tokens[j].kind != TokenKind::Word) {
            return None;
        }
        let span = Span::new(self.tokens[the].span.start, self.tokens[k].span.end);
        Some(Found {
            speaker: Speaker::named(
                self.text
                    .get(self.tokens[the + 1].span.start..span.end)
                    .unwrap_or_default(),
            ),
            span,
            is_outlet: false,
            is_person: false,
        })
    }

    /// "Tolvaria's trade ministry", "Marlbeck's finance department" at token `k` (the noun,
    /// an organisation noun): the body of the place or organisation named before the
    /// possessive, by that name, where it opens a clause.
    /// "Lestria offered to mediate. Its foreign ministry said …": "its" (opening a sentence
    /// or a clause, at most one lowercase word before the noun) is the first place or
    /// organisation the sentence before names, outside quotes: "Lestria's foreign ministry".
    fn its_organisation(&self, k: usize) -> Option<Found> {
        let its = (k.saturating_sub(2)..k)
            .rev()
            .find(|&at| self.tokens[at].lower() == "its")?;
        if (its + 1..k).any(|j| {
            self.tokens[j].kind != TokenKind::Word
                || !self.tokens[j].text.starts_with(char::is_lowercase)
        }) {
            return None;
        }
        let opens = its == 0
            || self.tokens[its].starts_paragraph
            || self.tokens[its - 1].kind != TokenKind::Word
            || matches!(self.tokens[its - 1].lower().as_str(), "and" | "but");
        if !opens {
            return None;
        }
        // the sentence before, whose subject it most likely is ("The company cut prices.
        // Its board said …" names no owner the text can give)
        let stop = |t: &Token| matches!(t.text, "." | "!" | "?");
        let mut from = its;
        while from > 0 && stop(&self.tokens[from - 1]) {
            from -= 1;
        }
        while from > 0 && !stop(&self.tokens[from - 1]) && !self.tokens[from].starts_paragraph {
            from -= 1;
        }
        let (from, before) = (self.tokens[from].span.start, self.tokens[its].span.start);
        let owner = self.mentions.iter().find(|m| {
            m.span.start >= from
                && m.span.end <= before
                && matches!(m.kind, EntityKind::Place | EntityKind::Organization)
                && !self.is_quoted(m)
        })?;
        let owned = Span::new(self.tokens[its + 1].span.start, self.tokens[k].span.end);
        let name = if owner.canonical.ends_with('s') {
            format!("{}' {}", owner.canonical, owned.slice(self.text))
        } else {
            format!("{}'s {}", owner.canonical, owned.slice(self.text))
        };
        Some(Found {
            speaker: Speaker::named(name),
            span: Span::new(self.tokens[its].span.start, self.tokens[k].span.end),
            is_outlet: false,
            is_person: false,
        })
    }

    fn possessed_organisation(&self, k: usize) -> Option<Found> {
        let mark = (k.saturating_sub(2)..k)
            .rev()
            .find(|&at| matches!(self.tokens[at].text, "'s" | "\u{2019}s"))?;
        if (mark + 1..k)
            .any(|j| self.tokens[j].kind != TokenKind::Word || self.tokens[j].is_capitalized())
        {
            return None;
        }
        let owner = self
            .mention_ending_at(mark.checked_sub(1)?)
            .filter(|m| matches!(m.kind, EntityKind::Place | EntityKind::Organization))?;
        let first = self.token_at(owner.span.start);
        let opens = first == 0
            || self.tokens[first].starts_paragraph
            || self.tokens[first - 1].kind != TokenKind::Word
            || matches!(
                self.tokens[first - 1].lower().as_str(),
                "and" | "but" | "that"
            );
        if !opens {
            return None;
        }
        let span = Span::new(owner.span.start, self.tokens[k].span.end);
        Some(Found {
            speaker: Speaker::named(span.slice(self.text).to_string()),
            span,
            is_outlet: false,
            is_person: false,
        })
    }

    /// Whether a sentence opens with an organisation (see [`Context::opening_organisation`]),
    /// and which one, where the text names it.
    pub fn opens_with_organisation(&self, range: std::ops::Range<usize>) -> Option<Option<Found>> {
        if let Some(found) = self.opening_organisation(range.clone()) {
            return Some(Some(found));
        }
        let first = range.start;
        let noun = (first + 1..(first + 3).min(range.end))
            .any(|k| self.lexicon.is_organisation_noun(&self.tokens[k].lower()));
        (noun && self.tokens[first].lower() == "the").then_some(None)
    }

    /// The organisation a sentence opens with: a name at its start, or "the company", "the
    /// port authority" for the one named before.
    pub fn opening_organisation(&self, range: std::ops::Range<usize>) -> Option<Found> {
        let first = range.start;
        if range.is_empty() || self.inside[first] || self.tokens[first].kind == TokenKind::Quote {
            return None;
        }
        let start = self.tokens[first].span.start;
        let after_the = self.tokens[first].lower() == "the";
        if let Some(mention) = self.mentions.iter().find(|m| {
            m.kind == EntityKind::Organization
                && (m.span.start == start
                    || (after_the && self.token_at(m.span.start) == first + 1))
        }) {
            return Some(self.found_of(mention));
        }
        if !after_the {
            return None;
        }
        // "The court's press office would not say …": the office
        let office = (first + 2..(first + 5).min(range.end))
            .find(|&k| self.tokens[k].lower() == "office")
            .and_then(|k| self.press_office_of(k));
        let nouns = first + 1..(first + 3).min(range.end);
        office
            .or_else(|| {
                nouns
                    .clone()
                    .find_map(|k| self.organisation_reference(k, None))
            })
            // "The airline's chief executive … said": a possessor is no subject
            .or_else(|| {
                nouns
                    .clone()
                    .filter(|&k| {
                        !self
                            .tokens
                            .get(k + 1)
                            .is_some_and(crate::role::is_possessive)
                    })
                    .find_map(|k| self.described_organisation(k))
            })
    }

    /// The last "who" in the phrase that ends before token `end` (at most 12 tokens back, not
    /// past punctuation or a quotation mark, not before token `floor` + 1).
    fn relative_who(&self, end: usize, floor: usize) -> Option<usize> {
        (end.saturating_sub(12).max(floor + 1)..end)
            .rev()
            .take_while(|&j| {
                let t = &self.tokens[j];
                t.kind != TokenKind::Quote && !matches!(t.text, "," | "." | ";" | ":")
            })
            .find(|&j| self.tokens[j].is("who"))
    }

    /// Whether the word before the "who" at `who` is the head of an unnamed source ("two
    /// people who …").
    fn after_unnamed_head(&self, who: usize) -> bool {
        who > 0
            && self
                .lexicon
                .anonymous
                .contains(&self.tokens[who - 1].lower())
    }

    /// The subject that ends right before the cue at `cue` (skipping auxiliaries, times and an
    /// apposition between commas), not before token `floor`.
    pub fn subject_before(&self, cue: usize, floor: usize, memory: &Memory) -> Option<Found> {
        let mut k = cue;
        while k > floor {
            let token = &self.tokens[k - 1];
            let lower = token.lower();
            if AUXILIARIES.contains(&lower.as_str()) || dossier_model::is_calendar_word(&lower) {
                k -= 1;
                continue;
            }
            break;
        }
        // "an engineer at the company who asked not to be named told": an unnamed source
        // stands before the clause that says why it is not named
        if let Some(who) = self.relative_who(k, floor).filter(|&who| {
            // ("two people who attended the hearing told": so does one described by what it
            // did; "the lawyer who argued" is the relative clause's own cue)
            who + 1 < k && self.after_unnamed_head(who)
                || (who + 1..k).any(|j| UNNAMED_REASONS.contains(&self.tokens[j].lower().as_str()))
        }) {
            k = who;
        }
        // "Rep. Gwen Moore (D-Wis.) said": a short parenthetical after the name.
        if k > floor + 1 && self.tokens[k - 1].is(")") {
            let open = (k.saturating_sub(9).max(floor)..k - 1)
                .rev()
                .find(|&j| self.tokens[j].is("("));
            if let Some(open) = open {
                k = open;
            }
        }
        if k <= floor {
            return None;
        }
        let last = k - 1;
        // "Umerov, Ukraine's security chief, said" / "Jonas Ferreira, 54, who lives on Kelp
        // Street, said": skip appositions back to the name, preferring a person.
        if self.tokens[last].is(",") {
            let limit = last.saturating_sub(30).max(floor);
            let mut fallback = None;
            // "a senior official, who spoke on condition of anonymity, said": an unnamed
            // source before an aside, when no name stands there.
            let mut unnamed = None;
            let mut j = last + 1;
            while j > limit + 1 {
                j -= 1;
                let token = &self.tokens[j];
                if token.kind == TokenKind::Quote || matches!(token.text, "." | ";" | ":") {
                    break;
                }
                if !token.is(",") || j == 0 {
                    continue;
                }
                // "Threlfall, who spoke after the mayor, said": what ends a relative clause
                // is not the subject.
                let aside_start = (limit..j)
                    .rev()
                    .find(|&p| self.tokens[p].is(","))
                    .map(|p| p + 1);
                if aside_start.is_some_and(|p| {
                    matches!(self.tokens[p].lower().as_str(), "who" | "which" | "whose")
                }) {
                    continue;
                }
                if let Some(person) = self.person_of(j - 1, limit) {
                    return Some(person);
                }
                // "a retired beekeeper from Vesterkolm, said": a name after a preposition
                // ends the aside, it is not its subject
                let governed = |m: &Mention| {
                    let at = self.token_at(m.span.start);
                    at > 0
                        && matches!(
                            self.tokens[at - 1].lower().as_str(),
                            "from" | "in" | "at" | "of" | "near" | "outside"
                        )
                };
                if let Some(mention) = self.mention_ending_at(j - 1) {
                    match mention.kind {
                        EntityKind::Person if !governed(mention) => {
                            return Some(self.found_of(mention));
                        }
                        EntityKind::Organization if fallback.is_none() => fallback = Some(mention),
                        _ => {}
                    }
                }
                if let Some(found) = self.reference_at(j - 1, memory) {
                    return Some(found);
                }
                // "Two stewards who were on duty at the Millrace End, who asked not to be
                // named, told": an unnamed source before its own relative clause
                if unnamed.is_none() {
                    unnamed = self
                        .relative_who(j, floor)
                        .filter(|&who| self.after_unnamed_head(who))
                        .and_then(|who| self.anonymous_at(who - 1, floor, j));
                }
                if unnamed.is_none() && j < last {
                    // ("a senior official in the regional executive,": the whole
                    // description, not its last noun)
                    unnamed = self
                        .described_ending_at(j - 1, floor, j)
                        .or_else(|| self.anonymous_at(j - 1, floor, j));
                }
            }
            // "Two engineers at Lenthmoor Water, who asked not to be named, said": the
            // organisation inside an unnamed source's description is not the source
            let inside_unnamed = |m: &&Mention| {
                unnamed
                    .as_ref()
                    .is_some_and(|u| u.span.start <= m.span.start && m.span.end <= u.span.end)
            };
            return fallback
                .filter(|m| !inside_unnamed(m))
                .map(|m| self.found_of(m))
                .or(unnamed);
        }
        // "said X and urged people", "welcomed it but said": a coordinated verb shares the
        // subject of the first.
        if self.tokens[last].is("and") || self.tokens[last].is("but") {
            return self.sentence_subject(floor, last, memory);
        }
        // "Henrike Valtsen, who told parliament that …": the relative pronoun's antecedent.
        // The antecedent may stand before `floor`: a relative clause is a claim of its own.
        // So is "Oren Wexley, the federation's president, who said …": the name before an
        // apposition.
        if self.tokens[last].is("who") && last >= 2 && self.tokens[last - 1].is(",") {
            let person = |end: usize| {
                self.mention_ending_at(end)
                    .filter(|m| m.kind == EntityKind::Person)
            };
            let before_apposition = || {
                (last.saturating_sub(14)..last - 1)
                    .rev()
                    .take_while(|&j| !matches!(self.tokens[j].text, "." | ";" | ":"))
                    .find(|&j| self.tokens[j].is(","))
                    .filter(|&comma| comma > 0)
                    .and_then(|comma| person(comma - 1))
            };
            if let Some(person) = person(last - 2).or_else(before_apposition) {
                return Some(self.found_of(person));
            }
        }
        let described = || self.described_ending_at(last, floor, cue);
        if let Some(found) = self.reference_at(last, memory) {
            // "a person close to the campaign said": the body ends the description of an
            // unnamed source
            let unnamed = described().filter(|u| u.span.start < found.span.start);
            return Some(unnamed.unwrap_or(found));
        }
        // "Judge Alma Lisenau of the Castellor District Court said": the person of the
        // organisation (or the place) speaks.
        if let Some(person) = self.person_of(last, floor) {
            return Some(person);
        }
        if let Some(mention) = self.mention_ending_at(last) {
            // "two people briefed on the talks in Medrinna told": a name after a preposition
            // ends the description of the source, it is not the source.
            // ("a person close to the Vasklin campaign said": past an article too)
            let governed = self
                .token_at(mention.span.start)
                .checked_sub(1)
                .map(|p| {
                    if p > 0 && self.tokens[p].is("the") {
                        p - 1
                    } else {
                        p
                    }
                })
                .is_some_and(|p| {
                    matches!(
                        self.tokens[p].lower().as_str(),
                        "in" | "at"
                            | "from"
                            | "near"
                            | "on"
                            | "outside"
                            | "inside"
                            | "across"
                            | "to"
                            | "with"
                    )
                });
            if governed && let Some(found) = described() {
                return Some(found);
            }
            return Some(self.found_of(mention));
        }
        // "a senior official in the regional executive said": the whole description, not
        // its last noun
        described()
            .or_else(|| self.anonymous_at(last, floor, cue))
            // "two members of its crew have told": the head before "of" and what follows it
            .or_else(|| {
                let link = (last.saturating_sub(3).max(floor + 1)..last)
                    .rev()
                    .take_while(|&j| self.tokens[j].kind == TokenKind::Word)
                    .find(|&j| matches!(self.tokens[j].lower().as_str(), "of" | "from" | "at"))?;
                self.anonymous_at(link - 1, floor, cue)
                    .filter(|found| found.span.end >= self.tokens[last].span.end)
            })
    }

    /// An unnamed source whose description ends at token `last`, its head noun before the
    /// phrase that describes it ("a person familiar with the talks").
    fn described_ending_at(&self, last: usize, floor: usize, ceiling: usize) -> Option<Found> {
        (last.saturating_sub(8).max(floor)..last)
            .rev()
            .find_map(|head| {
                self.anonymous_at(head, floor, ceiling)
                    .filter(|f| f.span.end == self.tokens[last].span.end && head + 1 < last)
            })
    }

    /// The person a sentence opens with: a name at its start, after a title, or after an
    /// opening phrase and a comma ("On Quay Street, Ann Lee kept..."; "Her deputy, Bo
    /// Chen, was..."), or "the <title>" for the person given that role ("The mayor did
    /// not dodge it."). `None` for a sentence that opens with a quote.
    pub fn opening_person(&self, range: std::ops::Range<usize>, memory: &Memory) -> Option<Found> {
        let first = range.start;
        if range.is_empty() || self.inside[first] || self.tokens[first].kind == TokenKind::Quote {
            return None;
        }
        // "She also denied that the defence minister, Oskar Tremm, had been detained": the
        // sentence opens with a person already named, not with the name inside it
        if matches!(self.tokens[first].lower().as_str(), "he" | "she") {
            return None;
        }
        if first + 1 < range.end
            && matches!(self.tokens[first].lower().as_str(), "the" | "her" | "his")
            && self
                .lexicon
                .titles
                .contains(&self.tokens[first + 1].lower())
            && let Some(found) = self.reference_at(first + 1, memory)
        {
            return Some(found);
        }
        let window_end = self.tokens[(first + 8).min(range.end - 1)].span.end;
        let start = self.tokens[first].span.start;
        // "Stravel's agent, Desmond Arlaud, said": a possessive name is no subject.
        let mention = self.mentions.iter().find(|m| {
            m.kind == EntityKind::Person
                && m.span.start >= start
                && m.span.start < window_end
                && !self.is_possessive(m)
        })?;
        let at = self.token_at(mention.span.start);
        let opens = at == first
            || self.tokens[at - 1].is(",")
            || (first..at).all(|k| {
                self.tokens[k].is_capitalized()
                    || self.lexicon.titles.contains(&self.tokens[k].lower())
            });
        (opens && !self.inside[at]).then(|| self.found_of(mention))
    }

    /// The person a sentence introduces: the last one named in it for the first time in the
    /// text, not as a possessive ("…the Wexcombe Road Baths, where Brigid Orlowe, a
    /// physiotherapist, takes her children"). A quote paragraph that follows most likely
    /// gives that person's words.
    pub fn introduced_person(&self, range: std::ops::Range<usize>) -> Option<Found> {
        if range.is_empty() {
            return None;
        }
        let (start, end) = (
            self.tokens[range.start].span.start,
            self.tokens[range.end - 1].span.end,
        );
        let mention = self.mentions.iter().rfind(|m| {
            m.kind == EntityKind::Person
                && m.span.start >= start
                && m.span.end <= end
                && !self.is_possessive(m)
                && !self.inside[self.token_at(m.span.start)]
        })?;
        let named_before = self
            .mentions
            .iter()
            .any(|m| m.span.start < start && m.canonical == mention.canonical);
        (!named_before).then(|| self.found_of(mention))
    }

    /// A person named right before "of", "at" or "from" and the name or noun phrase that ends
    /// at token `last` ("Alma Lisenau of the Castellor District Court", "Helka Dravi of the
    /// Tamsk region"), not before token `floor`.
    fn person_of(&self, last: usize, floor: usize) -> Option<Found> {
        const MAX_PHRASE: usize = 6;
        let link = (last.saturating_sub(MAX_PHRASE).max(floor + 1)..last)
            .rev()
            .take_while(|&k| {
                let token = &self.tokens[k];
                token.kind == TokenKind::Word && !clause::is_auxiliary(&token.lower())
            })
            .find(|&k| matches!(self.tokens[k].lower().as_str(), "of" | "at" | "from"))?;
        let person = self
            .mention_ending_at(link.checked_sub(1)?)
            .filter(|m| m.kind == EntityKind::Person)?;
        Some(self.found_of(person))
    }

    /// Whether the text writes a mention as an owner ("Aldaran's").
    fn is_possessive(&self, mention: &Mention) -> bool {
        let rest = self.text.get(mention.span.end..).unwrap_or("");
        rest.starts_with("'s") || rest.starts_with("\u{2019}s")
    }

    /// The index of the token that starts at or after byte `at`.
    pub(crate) fn token_at(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < at)
    }

    /// Whether a mention stands inside a quote.
    fn is_quoted(&self, mention: &Mention) -> bool {
        self.inside
            .get(self.token_at(mention.span.start))
            .copied()
            .unwrap_or(false)
    }

    /// The last person named from token `floor` up to token `before`.
    pub fn person_before(&self, floor: usize, before: usize) -> Option<Found> {
        let start = self.tokens.get(floor)?.span.start;
        let end = self.tokens.get(before)?.span.start;
        self.mentions
            .iter()
            .rev()
            .find(|m| m.span.start >= start && m.span.end <= end && m.kind == EntityKind::Person)
            .map(|m| self.found_of(m))
    }

    /// The subject of the sentence that starts at `floor`: its first person (or organisation)
    /// before token `before`, for verbs coordinated with the main one.
    pub fn sentence_subject(&self, floor: usize, before: usize, memory: &Memory) -> Option<Found> {
        let start = self.tokens.get(floor)?.span.start;
        let end = self.tokens.get(before)?.span.start;
        // "The union accused Skarvel of …": an organisation named by its kind opens the
        // sentence, before any name in it.
        if floor < before
            && self.tokens[floor].lower() == "the"
            && let Some(found) = self.opening_organisation(floor..before)
        {
            return Some(found);
        }
        // "Aldaran's lawyer Helena Ferrow issued a statement:": the owner is no subject.
        let first = self.mentions.iter().find(|m| {
            m.span.start >= start
                && m.span.end <= end
                && matches!(m.kind, EntityKind::Person | EntityKind::Organization)
                && !self.is_possessive(m)
        });
        if let Some(mention) = first {
            return Some(self.found_of(mention));
        }
        (floor..before).find_map(|k| {
            self.reference_at(k, memory)
                .or_else(|| self.anonymous_from(k, before))
        })
    }

    /// The subject right after an inverted cue ("said Lt. Col. Jeff Tolbert", "added he").
    pub fn subject_after(&self, cue: usize, ceiling: usize, memory: &Memory) -> Option<Found> {
        let word = self.tokens[cue].lower();
        if !INVERTIBLE_CUES.contains(&word.as_str()) && word != "citing" {
            return None;
        }
        let mut k = cue + 1;
        while k < ceiling && k < cue + 9 {
            let token = &self.tokens[k];
            // "said the government would ask Korvath …": past the verb is the object's; "had
            // been declared to the tax office": after "to" is whom it was told.
            if matches!(token.text, "," | "." | ";" | ":")
                || token.kind == TokenKind::Quote
                || clause::is_auxiliary(&token.lower())
                || token.lower() == "to"
            {
                return None;
            }
            let found = self
                .person_after_title(k, ceiling)
                .or_else(|| self.reference_at(k, memory))
                .or_else(|| self.anonymous_from(k, ceiling))
                .or_else(|| self.mention_starting_at(k).map(|m| self.found_of(m)));
            if let Some(found) = found {
                // "citing Olmerra's water minister, Kasimir Ulbrecht": the owner of a role is
                // not its holder.
                let next = self.token_at(found.span.end);
                if !found.is_person
                    && let Some(holder) = self.holder_of_owned_role(next, ceiling)
                {
                    return Some(holder);
                }
                // "said Varnessa would verify": a name before a verb is the reported
                // clause's subject, not the speaker.
                let verb = self.tokens.get(next).is_some_and(|t| {
                    let lower = t.lower();
                    clause::is_auxiliary(&lower)
                        || (t.text.starts_with(char::is_lowercase) && clause::is_past_form(&lower))
                });
                return (!verb).then_some(found);
            }
            k += 1;
        }
        None
    }

    /// The person holding a role that a possessive at token `k` opens: "'s water minister,
    /// Kasimir Ulbrecht" or "'s water minister Kasimir Ulbrecht".
    fn holder_of_owned_role(&self, k: usize, ceiling: usize) -> Option<Found> {
        if k >= ceiling || !crate::role::is_possessive(&self.tokens[k]) {
            return None;
        }
        let mut titled = false;
        for j in k + 1..ceiling.min(k + 8) {
            let token = &self.tokens[j];
            // after the title, the name: "… minister, Kasimir Ulbrecht" or "… minister Kasimir"
            let at = if token.is(",") { j + 1 } else { j };
            if titled
                && at < ceiling
                && let Some(mention) = self
                    .mention_starting_at(at)
                    .filter(|m| m.kind == EntityKind::Person)
            {
                return Some(self.found_of(mention));
            }
            if !crate::role::is_role_modifier(token, self.lexicon) {
                return None;
            }
            titled |= self.lexicon.titles.contains(&token.lower());
        }
        None
    }

    /// A named person after a title phrase that starts at token `k` ("Fenmark analyst Ines
    /// Vollan", "union leader Hallvard Enge"): the person, not the organisation or the title.
    fn person_after_title(&self, k: usize, ceiling: usize) -> Option<Found> {
        let mut j = k;
        let mut titled = false;
        while j < ceiling && j < k + 6 {
            // The phrase's first word may itself be taken for a name ("Harbin analyst ...").
            if let Some(mention) = self
                .mention_starting_at(j)
                .filter(|m| j > k && m.kind == EntityKind::Person)
            {
                return titled.then(|| self.found_of(mention));
            }
            let token = &self.tokens[j];
            let lower = token.lower();
            let title =
                self.lexicon.titles.contains(&lower) || self.lexicon.anonymous.contains(&lower);
            let part = token.kind == TokenKind::Word
                && (token.is_capitalized() || title || self.lexicon.role_words.contains(&lower));
            if !part {
                return None;
            }
            titled |= title;
            j += 1;
        }
        None
    }

    /// An unnamed source phrase that starts at token `k` ("a US official", "two people
    /// familiar with the matter").
    fn anonymous_from(&self, k: usize, ceiling: usize) -> Option<Found> {
        let head = (k..ceiling.min(k + 6))
            .take_while(|&j| !matches!(self.tokens[j].text, "," | "." | ";"))
            .find(|&j| self.lexicon.anonymous.contains(&self.tokens[j].lower()))?;
        let found = self.anonymous_at(head, k, ceiling)?;
        (found.span.start <= self.tokens[k].span.start).then_some(found)
    }

    /// The channel after a cue: "on X", "in a post on X", "in an X post", "in a statement",
    /// "to reporters", "told the Financial Times". Returns the channel and whether it is an
    /// outlet (then it is also the chain the statement came through).
    pub fn channel_after(&self, cue: usize, ceiling: usize) -> Option<(String, bool)> {
        let cue_word = self.tokens[cue].lower();
        let mut k = cue + 1;
        // The object of "told": an outlet, an audience or a person.
        if matches!(cue_word.as_str(), "told" | "tell" | "tells" | "telling") && k < ceiling {
            let mut j = k;
            if self.tokens[j].lower() == "the" {
                j += 1;
            }
            if j < ceiling {
                if let Some(mention) = self.mention_starting_at(j) {
                    let outlet = self.lexicon.is_outlet(&mention.canonical);
                    return Some((mention.canonical.clone(), outlet));
                }
                let word = self.tokens[j].lower();
                if let Some(audience) = self
                    .lexicon
                    .audiences
                    .iter()
                    .find(|a| a.trim_start_matches("the ") == word)
                {
                    return Some((audience.trim_start_matches("the ").to_string(), false));
                }
            }
        }
        while k < ceiling && k < cue + 12 {
            let token = &self.tokens[k];
            if matches!(token.text, "," | "." | ";") || token.kind == TokenKind::Quote {
                break;
            }
            let lower = token.lower();
            if (lower == "on" || lower == "via")
                && let Some(platform) = self.phrase_at(k + 1, &self.lexicon.platforms)
            {
                return Some((platform, false));
            }
            if lower == "to"
                && let Some(audience) = self.phrase_at(k + 1, &self.lexicon.audiences)
            {
                return Some((audience.trim_start_matches("the ").to_string(), false));
            }
            if lower == "in" || lower == "during" || lower == "at" {
                // "in an X post", "in a statement", "in a post on X"
                let mut j = k + 1;
                if j < ceiling
                    && matches!(
                        self.tokens[j].lower().as_str(),
                        "a" | "an" | "the" | "his" | "her" | "their" | "its"
                    )
                {
                    j += 1;
                }
                if let Some(platform) = self.phrase_at(j, &self.lexicon.platforms)
                    && self.phrase_at(j + 1, &self.lexicon.media).is_some()
                {
                    return Some((platform, false));
                }
                if let Some(medium) = self.phrase_at(j, &self.lexicon.media) {
                    let words = medium.split_whitespace().count();
                    let after = j + words;
                    if after + 1 < ceiling
                        && self.tokens[after].lower() == "on"
                        && let Some(platform) = self.phrase_at(after + 1, &self.lexicon.platforms)
                    {
                        return Some((platform, false));
                    }
                    if after + 1 < ceiling
                        && self.tokens[after].lower() == "with"
                        && let Some(mention) = self.mention_starting_at(after + 1).or_else(|| {
                            (self.tokens[after + 1].lower() == "the" && after + 2 < ceiling)
                                .then(|| self.mention_starting_at(after + 2))
                                .flatten()
                        })
                    {
                        let outlet = self.lexicon.is_outlet(&mention.canonical);
                        return Some((mention.canonical.clone(), outlet));
                    }
                    return Some((format!("a {medium}"), false));
                }
            }
            k += 1;
        }
        None
    }

    /// Whether one of `phrases` starts at token `k` (case-insensitive, word by word).
    fn phrase_at(&self, k: usize, phrases: &[String]) -> Option<String> {
        let mut best: Option<&String> = None;
        for phrase in phrases {
            let words: Vec<&str> = phrase.split_whitespace().collect();
            let fits = words.iter().enumerate().all(|(i, w)| {
                self.tokens
                    .get(k + i)
                    .is_some_and(|t| t.text.eq_ignore_ascii_case(w))
            });
            if fits && best.is_none_or(|b| b.len() < phrase.len()) {
                best = Some(phrase);
            }
        }
        best.cloned()
    }

    /// "according to X" at token `k` ("according"): the source X.
    pub fn according_to(&self, k: usize, ceiling: usize, memory: &Memory) -> Option<Found> {
        if self.tokens[k].lower() != "according"
            || self.tokens.get(k + 1).is_none_or(|t| t.lower() != "to")
        {
            return None;
        }
        let mut j = k + 2;
        while j < ceiling && j < k + 8 {
            if let Some(found) = self.reference_at(j, memory) {
                return Some(found);
            }
            if let Some(found) = self.anonymous_from(j, ceiling) {
                return Some(found);
            }
            if let Some(mention) = self.mention_starting_at(j) {
                return Some(self.found_of(mention));
            }
            if matches!(self.tokens[j].text, "," | "." | ";") {
                break;
            }
            j += 1;
        }
        None
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if chars.clone().next().is_some_and(char::is_lowercase) => {
            first.to_lowercase().chain(chars).collect()
        }
        Some(first) => std::iter::once(first).chain(chars).collect(),
        None => String::new(),
    }
}
