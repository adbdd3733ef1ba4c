//! Whether a clause asserts, denies or hedges ("denied", "stopped short of", "neither
//! confirmed nor denied", "is expected to"): read by the analysis for its claims and by the
//! aligner for the quotes it sets against them.

use crate::{NEGATIONS, Polarity};

const UNCERTAIN: &[&str] = &[
    "neither confirmed nor denied",
    "would not confirm",
    "declined to confirm",
    "unclear",
    "may",
    "might",
    "possibly",
    "reportedly",
    "is expected to",
    "are expected to",
    "could",
    "declined to comment",
    "not clear",
    "would not say",
    "declined to say",
    "would not comment",
    "would neither confirm nor deny",
    "did not respond",
    "did not immediately respond",
    "would not rule out",
    // "have not commented on the account", "has not responded to requests": no answer, no
    // denial
    // "did not say what had caused it", "has not said what kind of device was found": what
    // a source leaves unsaid, it does not deny
    "not say",
    "not said",
    // "did not put a value on the haul": a figure withheld, not denied
    "not put a value",
    "not put a figure",
    "not give a figure",
    "not commented",
    "not comment",
    "not responded",
    "not respond",
    "not replied",
    "not reply",
];
/// Whether every "could", "may" or "might" of a clause stands in a clause of time after
/// "before" or "until" ("caught fire before crews could contain it"): what happened before
/// someone could act is told as a fact, not hedged.
fn only_in_time_clause(lower: &str, phrase: &str) -> bool {
    if !matches!(phrase, "could" | "may" | "might") {
        return false;
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let at: Vec<usize> = (0..words.len()).filter(|&i| words[i] == phrase).collect();
    !at.is_empty()
        && at.iter().all(|&i| {
            words[i.saturating_sub(4)..i]
                .iter()
                .any(|w| matches!(*w, "before" | "until"))
        })
}

/// Whether `phrase` stands in `lower` as whole words ("n't" may end a word).
pub fn has_phrase(lower: &str, phrase: &str) -> bool {
    lower.match_indices(phrase).any(|(i, _)| {
        let before = lower[..i].chars().next_back();
        let after = lower[i + phrase.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        (boundary(before) || phrase.starts_with("n'")) && boundary(after)
    })
}

impl Polarity {
    /// The polarity of a clause.
    pub fn of_clause(clause: &str) -> Polarity {
        let lower = without_asides(&clause.to_lowercase().replace('\u{2019}', "'"));
        if UNCERTAIN
            .iter()
            .any(|p| has_phrase(&lower, p) && !only_in_time_clause(&lower, p))
        {
            Polarity::Uncertain
        } else if NEGATIONS.iter().any(|p| negates(&lower, p))
            || denies_with_no(&lower)
            || opens_with_none(&lower)
        {
            Polarity::Negative
        } else {
            Polarity::Positive
        }
    }
}

/// Verbs that deny only what someone said ("dismissed the claims", "rejected suggestions
/// that"); with another object they tell of an act ("dismissed its conductor", "refused to
/// conduct", "rejected the offer"), which asserts it.
const DENYING_WHAT_WAS_SAID: &[&str] = &["dismissed", "rejected", "rejects", "refused", "refuses"];

/// Nouns for what someone said, which those verbs deny.
const SAID_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "report",
    "reports",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "suggestion",
    "suggestions",
    "charge",
    "charges",
    "criticism",
    "idea",
    "notion",
    "account",
    "accounts",
    "assertion",
    "assertions",
    "speculation",
    "rumours",
    "rumors",
    "findings",
    "conclusion",
    "conclusions",
    "figure",
    "figures",
    "estimate",
];

/// Whether the negation `phrase` stands in `lower` as a negation.
fn negates(lower: &str, phrase: &str) -> bool {
    if !DENYING_WHAT_WAS_SAID.contains(&phrase) {
        return has_phrase(lower, phrase);
    }
    has_phrase(lower, phrase)
        && lower.match_indices(phrase).any(|(i, _)| {
            lower[i + phrase.len()..]
                .split_whitespace()
                .take(4)
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .any(|w| w == "that" || SAID_NOUNS.contains(&w))
        })
}

/// Words after which "no" denies nothing: a bound or a set phrase ("no more than 40", "no
/// doubt"). ("no longer" is a negation of its own.)
pub const NOT_DENIED_AFTER_NO: &[&str] = &[
    "more",
    "fewer",
    "less",
    "later",
    "earlier",
    "sooner",
    "doubt",
    "matter",
    "longer",
    // "no substitute for a parliamentary inquiry" asks for the inquiry, it denies none
    "substitute",
];

/// "no" before what a clause says of it ("no trial site had been audited", "found no
/// trace"); not a bound or a set phrase ("no more than 40", "no doubt", "No. 10").
fn denies_with_no(lower: &str) -> bool {
    lower.match_indices("no").any(|(i, _)| {
        let before = lower[..i].chars().next_back();
        let rest = &lower[i + 2..];
        let word_starts = before.is_none_or(|c| !c.is_alphanumeric());
        let next = rest
            .strip_prefix(' ')
            .map(|r| r.split(|c: char| !c.is_alphanumeric()).next().unwrap_or(""));
        // "a planned switch that had no effect", "landed with no injuries": "no" in a
        // relative clause or after "with" says what a noun lacks, it denies nothing
        let words_before: Vec<&str> = lower[..i].split_whitespace().rev().take(2).collect();
        let describes = match words_before.as_slice() {
            [w, ..] if *w == "with" => true,
            [aux, rel] => {
                matches!(*rel, "that" | "which" | "who")
                    && matches!(*aux, "has" | "had" | "have" | "is" | "was" | "were" | "are")
            }
            _ => false,
        };
        word_starts
            && !describes
            && next.is_some_and(|w| {
                w.chars().next().is_some_and(char::is_alphabetic)
                    && !NOT_DENIED_AFTER_NO.contains(&w)
            })
    })
}

/// "None of them entered a plea", "said that none of its staff had been questioned": "none
/// of" opening the clause, or what is said, denies it; after a comma it describes what comes
/// before ("14 were treated, none of them seriously hurt").
fn opens_with_none(lower: &str) -> bool {
    lower.trim_start().starts_with("none of ")
        || NONE_OF_AFTER
            .iter()
            .any(|word| lower.contains(&format!(" {word} none of ")))
}

/// Words after which "none of" opens what is said ("said that none of its staff ...").
pub const NONE_OF_AFTER: &[&str] = &["that", "says", "said"];

/// How a text says why a source is not named: a negation that says nothing of the fact.
const ANONYMITY: &[&str] = &[
    "asked not to be named",
    "asked not to be identified",
    "declined to be named",
    "declined to be identified",
    "not authorized to speak",
    "not authorised to speak",
    "not authorized to discuss",
    "not authorised to discuss",
    "not authorized to comment",
    "not authorised to comment",
];

/// A "not" that belongs to a noun's infinitive ("a promise not to publish the data") says
/// what was promised, not that the clause's fact failed.
const NOMINAL: &[&str] = &[
    "promise not to",
    "pledge not to",
    "commitment not to",
    "agreement not to",
    "undertaking not to",
    "assurance not to",
    "assurances not to",
    "guarantee not to",
    "vow not to",
];

/// A "not" after "should" or "must" says what ought to be, not that the clause's fact failed
/// ("the trial should not have been held in secret" does not deny that it was).
const NORMATIVE: &[&str] = &[
    "should not",
    "should never",
    "shouldn't",
    "must not",
    "mustn't",
    "ought not",
];

/// Verbs that ask or tell someone to do something: a "not to" after them is a request, not a
/// negation ("urged residents not to return").
const DIRECTIVES: &[&str] = &[
    "asked",
    "asks",
    "urged",
    "urges",
    "told",
    "tells",
    "advised",
    "advises",
    "warned",
    "warns",
    "instructed",
    "ordered",
    "appealed",
    "called on",
    "reminded",
];

/// A "not" after a comma or a dash sets one thing against another ("belongs to the people who
/// use it, not to whoever shows up with the biggest checkbook"; "a setback - not the end"): the
/// clause asserts the first, it denies nothing.
const CONTRASTS: &[&str] = &[
    ", not ",
    " - not ",
    " \u{2014} not ",
    " \u{2013} not ",
    "\u{2014}not ",
];

/// The clause without its asides: ", who asked not to be named," or "officials who asked not
/// to be named" says nothing of the fact, nor does a contrast (", not to whoever ...").
fn without_asides(lower: &str) -> String {
    let mut lower = lower.to_string();
    for phrase in ANONYMITY {
        lower = lower.replace(phrase, " ");
    }
    for phrase in NOMINAL.iter().chain(NORMATIVE) {
        lower = lower.replace(phrase, " ");
    }
    for contrast in CONTRASTS {
        lower = lower.replace(contrast, " ");
    }
    // "signed by a fire-safety inspector, not a structural engineer": the clause split off
    // after the comma sets a noun against another, it denies nothing
    for opening in ["not a ", "not an ", "not the "] {
        if let Some(rest) = lower.trim_start().strip_prefix(opening) {
            lower = rest.to_string();
            break;
        }
    }
    // "Police have asked people not to pick up fragments": a request or a warning not to do
    // something denies no fact
    if let Some(i) = lower.find(" not to ")
        && DIRECTIVES.iter().any(|verb| has_phrase(&lower[..i], verb))
    {
        lower.replace_range(i..i + " not to ".len(), " to ");
    }
    let mut out = String::with_capacity(lower.len());
    let mut rest = lower.as_str();
    while let Some(i) = [", who ", ", whom ", ", which ", ", whose "]
        .iter()
        .filter_map(|m| rest.find(m))
        .min()
    {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        match after.find(", ") {
            Some(j) => rest = &after[j..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polarity() {
        use Polarity::{Negative, Positive, Uncertain};
        let cases = [
            (
                "The group demanded $4.5 million and a promise not to publish",
                Positive,
            ),
            ("The group promised it would not publish", Negative),
            (
                "The ministry neither confirmed nor denied the report",
                Uncertain,
            ),
            ("She stopped short of declaring victory", Negative),
            (
                "The embassy has repeated its denial that he worked for its intelligence",
                Negative,
            ),
            ("Her denial came hours later", Positive),
            ("They didn't agree", Negative),
            ("The notary signed", Positive),
            ("The Brigades have not commented on the account", Uncertain),
            (
                "It said again that no trial site had been audited",
                Negative,
            ),
            ("No more than 40 people were inside", Positive),
            (
                "Police have asked people not to pick up or sell fragments",
                Positive,
            ),
            ("The council decided not to renew the lease", Negative),
            ("not a structural engineer", Positive),
            (
                "The board dismissed its chief conductor on Monday",
                Positive,
            ),
            ("He refused to conduct the concert", Positive),
            ("The ministry dismissed the claims as false", Negative),
            (
                "The union rejected suggestions that it had been paid",
                Negative,
            ),
            ("Talks at No. 10 went on", Positive),
            ("It did not say what had caused the grounding", Uncertain),
            ("None of them entered a plea", Negative),
            (
                "He said that none of the company's staff had been questioned by police",
                Negative,
            ),
            (
                "Fourteen people were treated in hospital, none of them seriously hurt",
                Positive,
            ),
            (
                "It said the report was no substitute for an inquiry",
                Positive,
            ),
            ("It did not put a value on the haul", Uncertain),
            (
                "Three storage tanks caught fire before crews could contain it",
                Positive,
            ),
            ("Crews could contain the fire by Tuesday", Uncertain),
            (
                "The dam may fail before engineers could reinforce it",
                Uncertain,
            ),
            (
                "The four diplomats, whom the ministry did not name, must leave by Sunday",
                Positive,
            ),
            ("There is no doubt the dam held", Positive),
            (
                "It recorded a switch that had no effect on the steering",
                Positive,
            ),
            (
                "The ministry said he had taken no part in the evaluation",
                Negative,
            ),
            (
                "The appeal will argue that the trial should not have been held in secret",
                Positive,
            ),
            (
                "The press office would not say whether the judgment named him",
                Uncertain,
            ),
            (
                "An aide, who asked not to be named, said the mill had closed",
                Positive,
            ),
            (
                "Two aides who asked not to be named said the mill had closed",
                Positive,
            ),
            (
                "An official not authorized to speak publicly said the mill had not closed",
                Negative,
            ),
            (
                "The water belongs to the people who use it, not to whoever pays most",
                Positive,
            ),
            ("The court has not ruled, not yet", Negative),
        ];
        for (clause, polarity) in cases {
            assert_eq!(Polarity::of_clause(clause), polarity, "{clause}");
        }
    }
}
