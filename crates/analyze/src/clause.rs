//! Splits a sentence into clauses, so that one claim is one checkable fact: at semicolons and
//! dashes, before "but", and between coordinated predicates ("would cede X and slash Y").

use std::ops::Range;

use crate::token::{Token, TokenKind};

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "this", "these", "those", "some", "any",
    "all", "more", "most", "several", "no",
];
/// Words ending in -ed that are usually adjectives, not the verb of a new predicate.
const ED_ADJECTIVES: &[&str] = &[
    "united",
    "based",
    "related",
    "armed",
    "detailed",
    "limited",
    "supposed",
    "alleged",
    "so-called",
    "unnamed",
    "occupied",
    "advanced",
    "experienced",
    "concerned",
    "interested",
    "skilled",
    "talented",
    "divided",
    "informed",
    "qualified",
    "married",
    "renewed",
    "increased",
    "reduced",
    "proposed",
    "revised",
    "updated",
    "expected",
    "unexpected",
    "coordinated",
    "elected",
    "required",
];
/// Words in "-ing" that are prepositions, not participles.
const ING_PREPOSITIONS: &[&str] = &[
    "during",
    "following",
    "regarding",
    "concerning",
    "considering",
    "excluding",
    "pending",
    "notwithstanding",
    "barring",
    "according",
    "including",
];
/// Adverbs that may stand before a verb whose subject came before an aside (", also runs").
const VERB_ADVERBS: &[&str] = &["also", "still", "now", "later", "already", "again"];
/// Prepositions that open a phrase a noun may stand in ("in the southern lowlands").
const PHRASE_PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "of", "from", "to", "into", "across", "near", "by", "with", "for", "over",
    "under",
];
const BREAKS: &[&str] = &[";", "--", "\u{2014}", "\u{2013}"];

fn is_predicate_start(tokens: &[Token], k: usize, end: usize) -> bool {
    let Some(word) = tokens.get(k).filter(|t| t.kind == TokenKind::Word) else {
        return false;
    };
    let lower = word.lower();
    if !word.text.starts_with(char::is_lowercase)
        || DETERMINERS.contains(&lower.as_str())
        // ", citing two officials, that the boxes had been opened": reported content, not a
        // predicate of its own
        || matches!(lower.as_str(), "citing" | "such" | "that" | "whether")
        || ING_PREPOSITIONS.contains(&lower.as_str())
    {
        return false;
    }
    let past = lower.ends_with("ed") && lower.len() > 4 && !ED_ADJECTIVES.contains(&lower.as_str());
    // ", halting cargo at both terminals": a participle with its object states a fact of its own
    let participle = lower.len() > 5
        && lower.ends_with("ing")
        && tokens
            .get(k + 1)
            .is_some_and(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number));
    let before_object = k + 1 < end
        && tokens[k + 1].kind == TokenKind::Word
        && DETERMINERS.contains(&tokens[k + 1].lower().as_str())
        && !lower.ends_with("ly")
        && !matches!(
            lower.as_str(),
            "of" | "in"
                | "on"
                | "at"
                | "to"
                | "for"
                | "with"
                | "from"
                | "by"
                | "about"
                | "over"
                | "into"
                | "and"
                | "or"
                | "but"
                | "as"
                | "than"
                | "all"
                | "both"
                // ", through his lawyers, to consent": a preposition opens an aside
                | "through"
                | "under"
                | "after"
                | "before"
                | "despite"
                | "via"
                | "against"
                | "among"
                | "amid"
                | "without"
                | "within"
                | "across"
                | "behind"
                | "beyond"
                | "near"
                | "since"
                | "until"
                | "upon"
                | "towards"
                | "toward"
                | "along"
                | "around"
                | "between"
                | "like"
        );
    past || before_object || participle
}

/// Words that start a finite verb phrase right after a relative pronoun.
const AUXILIARY: &[&str] = &[
    "has", "had", "have", "was", "were", "is", "are", "will", "would", "could", "can", "may",
    "might", "must", "should", "does", "did", "do",
];

/// Whether a word (lowercase) is a finite auxiliary or modal ("would", "has", "were").
pub(crate) fn is_auxiliary(word: &str) -> bool {
    AUXILIARY.contains(&word)
}

/// A relative clause starts here: ", which began ...", "who asked ...", "a plant that forced
/// ..." — the relative pronoun followed by a verb, so the clause is a fact of its own.
fn is_relative_start(tokens: &[Token], k: usize, end: usize) -> bool {
    let lower = tokens[k].lower();
    if !matches!(lower.as_str(), "which" | "who" | "that") || k == 0 || k + 1 >= end {
        return false;
    }
    let next = tokens[k + 1].lower();
    let verb = AUXILIARY.contains(&next.as_str())
        || is_irregular_past(&next)
        || (next.len() > 4 && (next.ends_with("ed") || next.ends_with("es")))
        || next.ends_with("s") && lower != "that" && next.len() > 3;
    let after_noun = tokens[k - 1].is(",")
        || (lower == "that"
            && tokens[k - 1].kind == TokenKind::Word
            && tokens[k - 1].text.starts_with(char::is_lowercase)
            && !tokens[k - 1].lower().ends_with("ed"));
    verb && after_noun
}

/// Longest reporting frame, in tokens (", ABC News and the Financial Times reported,").
const MAX_FRAME_TOKENS: usize = 9;

/// A reporting frame starts at the comma `k`: ", NAME cue," or ", NAME cue." with a short
/// subject; returns the token after it (past a following comma).
fn reporting_frame(
    tokens: &[Token],
    k: usize,
    end: usize,
    inside: &[bool],
    is_cue: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    if !tokens[k].is(",") {
        return None;
    }
    let mut j = k + 1;
    while j < end && j <= k + MAX_FRAME_TOKENS && !inside[j] {
        let token = &tokens[j];
        if matches!(token.text, "," | "." | ";") {
            return None;
        }
        if is_cue(j) && j > k + 1 {
            let next = tokens.get(j + 1);
            let closes = j + 1 >= end || next.is_some_and(|t| matches!(t.text, "," | "." | ";"));
            if !closes {
                return None;
            }
            return Some(if next.is_some_and(|t| t.is(",")) {
                j + 2
            } else {
                j + 1
            });
        }
        j += 1;
    }
    None
}

/// ", and the text was rewritten", ", and European governments remain divided": a
/// conjunction after a comma that opens a clause with its own subject and verb.
fn is_new_clause(tokens: &[Token], k: usize, end: usize) -> bool {
    let Some(conjunction) = tokens.get(k + 1) else {
        return false;
    };
    if !matches!(
        conjunction.lower().as_str(),
        "and" | "but" | "while" | "whereas" | "yet"
    ) {
        return false;
    }
    // A short subject, then a finite verb; a past tense ("and the talks began") only after a
    // subject that opens like one (a determiner, a pronoun or a name), not after a bare noun.
    let opens_subject = tokens.get(k + 2).is_some_and(|t| {
        let lower = t.lower();
        t.is_capitalized()
            || t.kind == TokenKind::Number
            || DETERMINERS.contains(&lower.as_str())
            || matches!(lower.as_str(), "he" | "she" | "it" | "they" | "we")
    });
    // ", and 23 of them were taken to hospital": a count opens a subject too.
    (k + 3..(k + 7).min(end)).any(|j| {
        let lower = tokens[j].lower();
        let subject_ok = (k + 2..j).all(|i| {
            let counted = i == k + 2 && tokens[i].kind == TokenKind::Number;
            (counted || tokens[i].kind == TokenKind::Word)
                && !AUXILIARY.contains(&tokens[i].lower().as_str())
        });
        let past = tokens[j].text.starts_with(char::is_lowercase) && is_past_form(&lower);
        subject_ok
            && (AUXILIARY.contains(&lower.as_str())
                || matches!(
                    lower.as_str(),
                    "remain" | "remains" | "say" | "says" | "said"
                )
                || (past && opens_subject))
    })
}

/// A lowercase word in a past form: irregular ("won", `data/irregular_past.txt`) or ending in
/// "-ed" ("signed"; four letters are too few: "bed", "shed").
pub(crate) fn is_past_form(word: &str) -> bool {
    is_irregular_past(word) || (word.len() > 4 && word.ends_with("ed"))
}

/// Irregular past forms common in news, for telling a clause from a bare noun phrase
/// (`data/irregular_past.txt`).
pub(crate) fn is_irregular_past(word: &str) -> bool {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<String>> =
        std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| crate::lexicon::words(include_str!("../data/irregular_past.txt")))
        .contains(word)
}

/// A verb in its base form (`data/base_verbs.txt`), for a present tense after a plural subject.
fn is_base_verb(word: &str) -> bool {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<String>> =
        std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| crate::lexicon::words(include_str!("../data/base_verbs.txt")))
        .contains(word)
}

/// A present tense after a plural subject or a pronoun, with what a verb takes after it:
/// "vehicles cross it", "they employ 400", "people live in", "Engineers inspect the"
/// (a capitalised plural only opening the clause). "Marvessa's last deadly", "earnings
/// report showed" have no such verb.
fn is_plural_present(tokens: &[Token], k: usize, start: usize) -> bool {
    if k <= start || !tokens[k].text.starts_with(char::is_lowercase) {
        return false;
    }
    let before = &tokens[k - 1];
    let lower = before.lower();
    let plural_noun = lower.len() > 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("'s")
        && !lower.ends_with("\u{2019}s")
        && !DETERMINERS.contains(&lower.as_str())
        && (!before.is_capitalized() || k - 1 == start);
    let subject = matches!(
        lower.as_str(),
        "they" | "we" | "i" | "you" | "who" | "people" | "children" | "men" | "women" | "police"
    ) || plural_noun;
    let takes = tokens.get(k + 1).is_some_and(|next| {
        next.kind == TokenKind::Number
            || matches!(next.text, "." | ";")
            || VERB_FOLLOWERS.contains(&next.lower().as_str())
            || DETERMINERS.contains(&next.lower().as_str())
    });
    before.kind == TokenKind::Word && subject && takes && is_base_verb(&tokens[k].lower())
}

/// Words that follow a verb: objects, prepositions, adverbs, "that".
const VERB_FOLLOWERS: &[&str] = &[
    "it", "them", "him", "her", "us", "me", "its", "their", "his", "our", "that", "in", "on", "at",
    "to", "from", "with", "for", "about", "into", "across", "over", "under", "through", "near",
    "around", "along", "by", "also", "still", "daily", "now", "there", "here", "more", "less",
    "up", "down", "out", "off", "back", "every", "each", "some", "most", "no",
];

/// A present-tense verb after its subject pronoun: "which employs", "it makes".
fn is_finite_s(token: &Token) -> bool {
    let lower = token.lower();
    token.kind == TokenKind::Word
        && token.text.starts_with(char::is_lowercase)
        && lower.len() > 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("ous")
}

/// Whether a clause has a verb: a bare noun phrase left before a relative clause or an
/// apposition ("Calvera's Brenholm plant") is no claim.
fn has_verb(tokens: &[Token], range: Range<usize>, is_cue: &dyn Fn(usize) -> bool) -> bool {
    // A coordinated predicate starts with its verb: "slash the size of its military".
    if is_predicate_start(tokens, range.start, range.end) {
        return true;
    }
    range.clone().any(|k| {
        let t = &tokens[k];
        let lower = t.lower();
        // "which employs", "it makes", "Calvera operates", "the union wants": a present tense
        // after its subject. ", which makes resins, operates plants", "The union, Local 14,
        // wants": the main verb resumes after an aside.
        let resumed = k > 0 && tokens[k - 1].is(",") && (k == range.start || k > range.start + 2)
            || k == range.start + 1 && VERB_ADVERBS.contains(&tokens[range.start].lower().as_str());
        // "the union wants", "the updated 19-point agreement centers": a common noun after
        // its determiner (modifiers may stand between them), not inside a prepositional
        // phrase ("in the southern lowlands")
        let determiner = (k.saturating_sub(4).max(range.start)..k.saturating_sub(1))
            .rev()
            .take_while(|&j| {
                DETERMINERS.contains(&tokens[j].lower().as_str())
                    || matches!(tokens[j].kind, TokenKind::Word | TokenKind::Number)
                        && !tokens[j].is_capitalized()
            })
            .find(|&j| DETERMINERS.contains(&tokens[j].lower().as_str()));
        let after_noun = k >= range.start + 2
            && tokens[k - 1].kind == TokenKind::Word
            && tokens[k - 1].text.starts_with(char::is_lowercase)
            && determiner.is_some_and(|j| {
                j == range.start || !PHRASE_PREPOSITIONS.contains(&tokens[j - 1].lower().as_str())
            });
        // "Under the criminal code, espionage carries a prison sentence of …": a bare noun
        // opening the clause or following an opening phrase, a verb in -s, its object
        let bare_subject = k > range.start
            && tokens[k - 1].kind == TokenKind::Word
            && tokens[k - 1].text.starts_with(char::is_lowercase)
            && !DETERMINERS.contains(&tokens[k - 1].lower().as_str())
            && (k - 1 == range.start || tokens[k - 2].is(","))
            && tokens
                .get(k + 1)
                .is_some_and(|next| DETERMINERS.contains(&next.lower().as_str()));
        let after_subject = resumed
            || after_noun
            || bare_subject
            || k > range.start
                && (matches!(
                    tokens[k - 1].lower().as_str(),
                    "which" | "who" | "that" | "it" | "he" | "she" | "they"
                ) || (tokens[k - 1].is_capitalized()
                    && !matches!(
                        tokens[k - 1].lower().as_str(),
                        "the" | "a" | "an" | "this" | "its"
                    )));
        // "The descending car", "the damaged bridge": a participle after an article or a
        // possessive describes the noun that follows it ("Most involved fever": "most" and
        // "some" may be the subject)
        let modifier = k > range.start
            && matches!(
                tokens[k - 1].lower().as_str(),
                "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our"
            );
        t.kind == TokenKind::Word
            && (AUXILIARY.contains(&lower.as_str())
                || is_cue(k)
                || is_irregular_past(&lower)
                || (lower.len() > 4
                    && lower.ends_with("ed")
                    && t.text.starts_with(char::is_lowercase)
                    && !modifier)
                || (lower.len() > 5 && lower.ends_with("ing") && !modifier)
                || (after_subject && is_finite_s(t))
                || is_plural_present(tokens, k, range.start))
    })
}

/// ", nearly 20 hours after a fire forced ...", ", days after ...": a time clause that states a
/// fact of its own.
fn is_time_clause(tokens: &[Token], k: usize, end: usize) -> bool {
    let mut j = k + 1;
    while j < end && j <= k + 4 {
        let lower = tokens[j].lower();
        if matches!(lower.as_str(), "after" | "before" | "since") {
            // A finite verb must follow for the clause to be a fact.
            return (j + 1..(j + 12).min(end)).any(|i| {
                let w = tokens[i].lower();
                AUXILIARY.contains(&w.as_str())
                    || is_irregular_past(&w)
                    || (w.len() > 4 && w.ends_with("ed"))
            });
        }
        let filler = tokens[j].kind == TokenKind::Number
            || matches!(
                lower.as_str(),
                "nearly"
                    | "about"
                    | "some"
                    | "just"
                    | "only"
                    | "almost"
                    | "hours"
                    | "days"
                    | "weeks"
                    | "months"
                    | "years"
                    | "minutes"
                    | "shortly"
                    | "soon"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
            );
        if !filler {
            return false;
        }
        j += 1;
    }
    false
}

/// One clause of a sentence: a token range, and the relative clause inside it that is no part
/// of what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// The clause's tokens.
    pub range: Range<usize>,
    /// A relative clause between the subject and its verb ("Mallowtarn, which opened in 1974,
    /// holds inmates ..."): a clause of its own, kept inside this one's span so that the
    /// subject stays with its verb, but none of its figures, times, names or negations are
    /// this clause's.
    pub aside: Option<Range<usize>>,
}

/// Adds a clause; the first after a relative clause that cut its subject off takes the
/// subject back, with the relative clause as its aside.
fn push_clause(
    clauses: &mut Vec<Clause>,
    range: Range<usize>,
    resumed: &mut Option<(usize, Range<usize>)>,
) {
    match resumed.take() {
        Some((subject_start, aside)) if aside.end < range.start => clauses.push(Clause {
            range: subject_start..range.end,
            aside: Some(aside),
        }),
        _ => clauses.push(Clause { range, aside: None }),
    }
}

/// The clauses of `sentence`, skipping tokens inside quotes (`inside`).
///
/// `is_cue` says whether a token is a speech cue: a reporting frame set off by commas
/// (", US and British media reported,") is attribution, not content, and is cut out.
pub fn split(
    tokens: &[Token],
    sentence: Range<usize>,
    inside: &[bool],
    is_cue: &dyn Fn(usize) -> bool,
) -> Vec<Clause> {
    let mut clauses: Vec<Clause> = Vec::new();
    let mut start = sentence.start;
    let mut k = sentence.start;
    // A subject without a verb cut off by a relative clause ("The lender, which has ...,"):
    // its first token and where the relative clause starts.
    let mut subject: Option<(usize, usize)> = None;
    // The subject and the relative clause of the main clause that resumes after it.
    let mut resumed: Option<(usize, Range<usize>)> = None;

    while k < sentence.end {
        let token = &tokens[k];
        if inside[k] {
            k += 1;
            continue;
        }
        if let Some(after) = reporting_frame(tokens, k, sentence.end, inside, is_cue) {
            if k > start {
                push_clause(&mut clauses, start..k, &mut resumed);
            }
            start = after;
            k = after;
            continue;
        }
        let long_enough = k - start >= 4;
        // A wire dateline ("BRENHOLM, June 17 (Lodestar) - ...") is no part of the claim.
        let dateline_dash = token.text == "-"
            && start == sentence.start
            && k < sentence.start + 12
            && tokens[start]
                .text
                .chars()
                .filter(|c| c.is_alphabetic())
                .count()
                > 2
            && !tokens[start].text.chars().any(char::is_lowercase);
        let breaks_here = if BREAKS.contains(&token.text) || dateline_dash {
            true
        } else if token.is("but") || (token.is("yet") && k > 0 && tokens[k - 1].is(",")) {
            long_enough && k + 1 < sentence.end && tokens[k + 1].kind == TokenKind::Word
        } else if is_relative_start(tokens, k, sentence.end) {
            long_enough || k > sentence.start + 1
        } else if token.is("and")
            && tokens.get(k + 1).is_some_and(|next| next.is("that"))
            && ((start..k).any(|j| tokens[j].is("that") && !inside[j])
                || (k > 0 && tokens[k - 1].is(",") && (sentence.start..k).any(is_cue)))
        {
            // "warned that the transformer was at risk and that its maintenance had been
            // postponed", "said the leak had slowed, and that crews hoped to …": two reported
            // facts, one claim each.
            long_enough || tokens[k - 1].is(",")
        } else if token.is(",") && is_new_clause(tokens, k, sentence.end) {
            k - start >= 3
        } else if token.is(",") && is_time_clause(tokens, k, sentence.end) {
            long_enough
        } else if token.is("and")
            || (token.is(",")
                && (!(k + 1 < sentence.end && is_cue(k + 1)) || (start..k).any(is_cue)))
        {
            // "said the schools would stay shut and urged people to stay in": a second
            // statement of the same speaker is a clause of its own; so is "has spent $120
            // million and says the mine would employ 700" (but "Smith, the mayor, said" is
            // one clause: a cue after a comma may be the main verb after an apposition).
            long_enough
                && is_predicate_start(tokens, k + 1, sentence.end)
                && (k == 0 || !tokens[k - 1].is(","))
                // "The last deadly quake, in the lowlands in 2009, killed 23 people": before
                // the comma is a subject with an aside, no predicate for a second to follow
                && (token.is("and") || has_verb(tokens, start..k, is_cue))
        } else {
            false
        };
        // ", which began on Monday, was declared out", "its warning, issued at 10 p.m., had
        // been sent to all operators": the main verb resumes after the aside, a fact apart.
        let aside = matches!(tokens[start].lower().as_str(), "which" | "who" | "that")
            || (start > sentence.start
                && tokens[start - 1].is(",")
                && tokens[start].text.starts_with(char::is_lowercase)
                && is_past_form(&tokens[start].lower())
                && !is_cue(start));
        // An adverb may come first (", also runs 11 branches").
        let verb_at = if tokens
            .get(k + 1)
            .is_some_and(|t| VERB_ADVERBS.contains(&t.lower().as_str()))
        {
            k + 2
        } else {
            k + 1
        };
        let resumes = token.is(",")
            && verb_at < sentence.end
            && (AUXILIARY.contains(&tokens[verb_at].lower().as_str())
                || is_cue(verb_at)
                || is_finite_s(&tokens[verb_at])
                // ", which was carrying 300 containers, ran aground"
                || (tokens[verb_at].text.starts_with(char::is_lowercase)
                    && is_past_form(&tokens[verb_at].lower())))
            && k > start
            && aside;
        let breaks_here = breaks_here || resumes;
        if breaks_here {
            if k > start && !dateline_dash {
                push_clause(&mut clauses, start..k, &mut resumed);
            }
            // the verb that resumes after the relative clause ("resumes"), or any verb that
            // opens a predicate ("froze all withdrawals")
            let verb_follows =
                resumes || (token.is(",") && is_predicate_start(tokens, verb_at, sentence.end));
            if verb_follows
                && let Some((subject_start, aside_start)) = subject
                && aside_start == start
                // ", that …" may be what was said; "the company that sold it" is a relative
                && (tokens[start].lower() != "that" || !tokens[start - 1].is(","))
            {
                resumed = Some((subject_start, start..k));
            }
            let relative = is_relative_start(tokens, k, sentence.end);
            // "Sunmarch Holidays, the tour company that sold the trip, said": a relative
            // clause inside an apposition cuts the subject off too.
            let in_apposition = (start..k).any(|j| tokens[j].is(","));
            subject = (relative
                && k > start + 1
                && (tokens[k - 1].is(",") || in_apposition)
                && !has_verb(tokens, start..k - 1, is_cue))
            .then_some((start, k));
            start = if relative { k } else { k + 1 };
            // ", and placed": skip the comma and the conjunction together.
            while start < sentence.end
                && (tokens[start].is("and") || tokens[start].is("but"))
                && !inside[start]
            {
                start += 1;
            }
            // A relative clause keeps its pronoun: look for the next break after it.
            k = start.max(k + 1);
            continue;
        }
        k += 1;
    }
    if start < sentence.end {
        push_clause(&mut clauses, start..sentence.end, &mut resumed);
    }
    // Drop trailing sentence punctuation and fragments without a word.
    clauses
        .into_iter()
        .map(|mut clause| {
            let r = clause.range;
            let mut end = r.end;
            while end > r.start && tokens[end - 1].kind == TokenKind::Punct {
                end -= 1;
            }
            clause.range = r.start..end;
            clause
        })
        .filter(|c| c.range.clone().filter(|&k| tokens[k].is_word()).count() >= 3)
        .filter(|c| has_verb(tokens, c.range.clone(), is_cue))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::token::tokenize;

    fn clauses(text: &str) -> Vec<String> {
        let tokens = tokenize(text, &Lexicon::builtin());
        let inside = vec![false; tokens.len()];
        let is_cue = |k: usize| matches!(tokens[k].text, "said" | "reported");
        split(&tokens, 0..tokens.len(), &inside, &is_cue)
            .into_iter()
            .map(|c| {
                let r = c.range;
                text[tokens[r.start].span.start..tokens[r.end - 1].span.end].to_string()
            })
            .collect()
    }

    #[test]
    fn a_wire_dateline_is_no_part_of_the_claim() {
        assert_eq!(
            clauses(
                "VARROW, May 2 (Northwire) - Firefighters brought a blaze under control on Friday."
            ),
            ["Firefighters brought a blaze under control on Friday"]
        );
    }

    #[test]
    fn a_prepositional_aside_between_commas_opens_no_clause() {
        assert_eq!(
            clauses(
                "The official said that Drevick had agreed, through his lawyers, to consent to \
                 his extradition."
            ),
            [
                "The official said that Drevick had agreed, through his lawyers, to consent to his extradition"
            ]
        );
    }

    #[test]
    fn two_reported_facts_joined_by_and_that_are_two_claims() {
        assert_eq!(
            clauses(
                "Engineers warned managers that a transformer was at risk of failure and that its \
                 maintenance had been postponed three times."
            ),
            [
                "Engineers warned managers that a transformer was at risk of failure",
                "that its maintenance had been postponed three times"
            ]
        );
    }

    #[test]
    fn a_second_reported_fact_after_a_comma_and_that_is_a_claim_of_its_own() {
        assert_eq!(
            clauses(
                "The commander said the leak had slowed but not stopped, and that crews hoped \
                 to begin pumping by Thursday."
            ),
            [
                "The commander said the leak had slowed",
                "that crews hoped to begin pumping by Thursday"
            ]
        );
    }

    #[test]
    fn a_count_after_and_opens_a_clause_of_its_own() {
        assert_eq!(
            clauses(
                "Lifeboats pulled 160 people from the water by noon, and 20 of them were taken to \
                 hospital in the capital."
            ),
            [
                "Lifeboats pulled 160 people from the water by noon",
                "20 of them were taken to hospital in the capital"
            ]
        );
    }

    #[test]
    fn a_participle_aside_is_a_fact_apart_from_the_verb_after_it() {
        assert_eq!(
            clauses(
                "The agency said that its flood alert for the valley, issued at noon on Friday, \
                 had been sent to every council by email."
            ),
            [
                "The agency said that its flood alert for the valley",
                "issued at noon on Friday",
                "had been sent to every council by email"
            ]
        );
    }

    #[test]
    fn the_main_verb_resumes_after_a_relative_aside_behind_an_adverb() {
        assert_eq!(
            clauses(
                "The lender, which has about 900,000 customers at home, also runs 12 branches \
                 abroad."
            ),
            [
                "which has about 900,000 customers at home",
                "The lender, which has about 900,000 customers at home, also runs 12 branches \
                 abroad"
            ]
        );
    }

    #[test]
    fn splits_coordinated_predicates() {
        assert_eq!(
            clauses(
                "The draft would have blocked the merger, raised prices for farmers and placed strict limits on exports."
            ),
            [
                "The draft would have blocked the merger",
                "raised prices for farmers",
                "placed strict limits on exports"
            ]
        );
    }

    #[test]
    fn a_comma_and_a_new_subject_in_the_past_open_a_clause() {
        assert_eq!(
            clauses(
                "The minister called both sides in late on Friday, and the hearings opened on Saturday morning."
            ),
            [
                "The minister called both sides in late on Friday",
                "the hearings opened on Saturday morning"
            ]
        );
        // a bare noun after the conjunction is no subject
        assert_eq!(
            clauses("Crews cleared the roads, and trees knocked down by the wind."),
            ["Crews cleared the roads, and trees knocked down by the wind"]
        );
    }

    #[test]
    fn a_participle_with_its_object_is_a_clause_of_its_own() {
        assert_eq!(
            clauses("About 900 drivers stopped work at noon, halting buses across the city."),
            [
                "About 900 drivers stopped work at noon",
                "halting buses across the city"
            ]
        );
        // "during" is a preposition, not a participle
        assert_eq!(
            clauses("The drivers stopped work at noon, during the busiest hour."),
            ["The drivers stopped work at noon, during the busiest hour"]
        );
    }

    #[test]
    fn a_present_tense_after_a_common_noun_or_an_aside_is_a_verb() {
        assert_eq!(
            clauses("The guild wants raises of 5 percent a year."),
            ["The guild wants raises of 5 percent a year"]
        );
        assert_eq!(
            clauses("The guild, Branch 9 of the Drivers Guild, wants raises of 5 percent."),
            ["The guild, Branch 9 of the Drivers Guild, wants raises of 5 percent"]
        );
    }

    #[test]
    fn a_second_predicate_with_a_cue_is_a_clause_of_its_own() {
        let got = clauses(
            "The company has put 120 million dollars into the site and says the mine would \
             employ some 700 people.",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].ends_with("into the site"), "{got:?}");
    }

    #[test]
    fn a_past_tense_resumes_the_main_clause_after_a_relative_one() {
        assert_eq!(
            clauses("The ship, which was carrying 300 containers, ran aground on Tuesday."),
            [
                "which was carrying 300 containers",
                "The ship, which was carrying 300 containers, ran aground on Tuesday"
            ]
        );
    }

    #[test]
    fn a_bare_noun_after_an_opening_phrase_can_be_the_subject() {
        assert_eq!(
            clauses(
                "Under the criminal code, espionage carries a prison sentence of up to 15 years."
            ),
            ["Under the criminal code, espionage carries a prison sentence of up to 15 years"]
        );
    }

    #[test]
    fn a_present_tense_after_a_plural_subject_is_a_verb() {
        assert_eq!(
            clauses("About 52,000 vehicles cross it every day."),
            ["About 52,000 vehicles cross it every day"]
        );
        assert_eq!(
            clauses("Engineers inspect it twice a year."),
            ["Engineers inspect it twice a year"]
        );
        // "last" after a possessive is no verb, with either apostrophe
        assert_eq!(
            clauses(
                "Marvessa\u{2019}s last deadly earthquake, in the southern lowlands in 2009, \
                 killed 23 people."
            ),
            [
                "Marvessa\u{2019}s last deadly earthquake, in the southern lowlands in 2009, \
                 killed 23 people"
            ]
        );
    }

    #[test]
    fn a_participle_after_a_determiner_is_no_verb() {
        assert_eq!(
            clauses("The descending car, Ostrid, struck the end of the track at noon."),
            ["The descending car, Ostrid, struck the end of the track at noon"]
        );
        // but the verb in -s of the noun it describes is
        assert_eq!(
            clauses("Now, the revised 12-point plan centers on grain exports."),
            ["Now, the revised 12-point plan centers on grain exports"]
        );
    }

    #[test]
    fn a_verb_after_an_aside_of_the_subject_is_its_verb() {
        let got = clauses(
            "The last deadly earthquake, in the southern lowlands in 2009, killed 23 people.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn cuts_reporting_frames() {
        assert_eq!(
            clauses(
                "The mayor met the union in Vell on Friday, local papers reported, days after the strike began."
            ),
            [
                "The mayor met the union in Vell on Friday",
                "days after the strike began"
            ]
        );
    }

    #[test]
    fn keeps_noun_coordination_and_splits_dashes_and_but() {
        assert_eq!(
            clauses(
                "The plan would cede the eastern and southern regions to the city and cut the size of its police -- demands the union rejected. She was upbeat but stopped short of a promise."
            ),
            [
                "The plan would cede the eastern and southern regions to the city",
                "cut the size of its police",
                "demands the union rejected. She was upbeat",
                "stopped short of a promise"
            ]
        );
    }
}
