//! Quantities with what they count and their qualifiers ("at least 15 injured", "4.2 billion
//! euros", "28-point plan", "nearly four-year conflict").

use dossier_model::{NUMBER_WORDS, Quantity, Span};

use crate::token::{Token, TokenKind};

/// Scale tokens after a figure: the scale words, and a scale suffix written apart ("4.5 bn";
/// "m" only after a currency sign, as [`dossier_model::scaled_figure`] reads it: "a 30 m wall"
/// measures metres).
fn scale_of(word: &str, money: bool) -> Option<f64> {
    let apart: &[(&str, f64)] = if money {
        &[("bn", 1e9), ("m", 1e6)]
    } else {
        &[("bn", 1e9)]
    };
    dossier_model::SCALE_WORDS
        .iter()
        .chain(apart)
        .find(|(s, _)| *s == word)
        .map(|&(_, scale)| scale)
}
const QUALIFIERS: &[&str] = &[
    "as much as",
    "as many as",
    "at least",
    "at most",
    "more than",
    "fewer than",
    "less than",
    "up to",
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "some",
    "over",
    "under",
    "approximately",
    "an estimated",
];
/// Words that end a counted noun phrase ("three tanks were", "14 people have").
const VERB_LIKE: &[&str] = &[
    "were",
    "was",
    "is",
    "are",
    "be",
    "been",
    "had",
    "has",
    "have",
    "will",
    "would",
    "could",
    "who",
    "which",
    "that",
    "than",
    "as",
    "per",
    "each",
    "more",
    "less",
    "percent",
    "said",
    "says",
    "say",
    "told",
    "tell",
    "rose",
    "fell",
    "did",
    "do",
    "does",
    "can",
    "may",
    "might",
    "must",
    "should",
    "shall",
    "once",
    "when",
    "while",
    "if",
    "since",
    "because",
    "after",
    "before",
    "including",
    "excluding",
    "plus",
    "minus",
    "got",
    "went",
    "came",
    "remain",
    "remained",
];
const SKIP_UNITS: &[&str] = &[
    "and", "or", "to", "of", "the", "a", "in", "on", "at", "from", "by", "with", "for", ",", ".",
];

/// Words after a counted noun that end it: prepositions, the adjectives and adverbs that
/// follow a count ("doses short", "years old", "days later"), and the words that open a time
/// after it ("doses last year").
const AFTER_NOUN: &[&str] = &[
    "over",
    "under",
    "into",
    "across",
    "during",
    "since",
    "against",
    "than",
    "after",
    "before",
    "between",
    "among",
    "through",
    "within",
    "without",
    "about",
    "around",
    "short",
    "old",
    "long",
    "high",
    "wide",
    "deep",
    "tall",
    "ahead",
    "behind",
    "later",
    "earlier",
    "ago",
    "apart",
    "away",
    "left",
    "remaining",
    "missing",
    "apiece",
    "overall",
    // "1.2 million doses last year", "40 flights a day, 300 each week": a time after the
    // counted noun
    "last",
    "next",
    "this",
    "that",
    "these",
    "those",
    "each",
    "every",
    "per",
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
];

/// "seventy-four", "seventy-four-page": a tens word and a units word joined by a hyphen, their
/// sum, and the unit after them.
fn compound_number(lower: &str) -> Option<(f64, Option<String>)> {
    let value = |word: &str| {
        NUMBER_WORDS
            .iter()
            .find(|(w, _)| *w == word)
            .map(|(_, v)| *v)
    };
    let mut parts = lower.splitn(3, '-');
    let tens = value(parts.next()?).filter(|v| (20.0..=90.0).contains(v) && v % 10.0 == 0.0)?;
    let ones = value(parts.next()?).filter(|v| (1.0..=9.0).contains(v))?;
    // what follows is a unit as after a figure in digits: one word ("seventy-four-page"),
    // and "twenty-one-year-old" is no count, as "21-year-old" is none
    match parts.next() {
        None => Some((tens + ones, None)),
        Some(rest) if !rest.is_empty() && rest.chars().all(char::is_alphabetic) => {
            Some((tens + ones, Some(rest.to_string())))
        }
        Some(_) => None,
    }
}

fn parse_number(token: &Token, money: bool) -> Option<(f64, Option<String>)> {
    let lower = token.lower();
    if let Some(compound) = compound_number(&lower) {
        return Some(compound);
    }
    // "28-point", "four-year": number, hyphen, unit
    let (head, unit) = match lower.split_once('-') {
        Some((h, u)) if !u.is_empty() && u.chars().all(char::is_alphabetic) => {
            (h.to_string(), Some(u.to_string()))
        }
        _ => (lower.clone(), None),
    };
    let digits: String = head.chars().filter(|c| *c != ',').collect();
    // "15km", "12kg": a unit of measure written on.
    let letters = digits.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    if unit.is_none()
        && !money
        && !letters.is_empty()
        && letters.len() < digits.len()
        && dossier_model::measure(letters).is_some()
        && let Ok(value) = digits[..digits.len() - letters.len()].parse::<f64>()
    {
        return Some((value, Some(letters.to_string())));
    }
    let value = digits
        .trim_end_matches('%')
        .parse::<f64>()
        .ok()
        .or_else(|| dossier_model::scaled_figure(&digits, money))
        .or_else(|| {
            NUMBER_WORDS
                .iter()
                .find(|(w, _)| *w == head)
                .map(|(_, v)| *v)
        })?;
    let unit = unit.or_else(|| head.ends_with('%').then(|| "percent".to_string()));
    Some((value, unit))
}

/// The currency a sign before a figure names ("$", "US$", "€", "£", "¥").
fn currency_of(sign: &str) -> Option<&'static str> {
    if sign.ends_with('$') && sign.chars().filter(|c| c.is_alphabetic()).count() <= 2 {
        Some("dollars")
    } else {
        match sign {
            "€" => Some("euros"),
            "£" => Some("pounds"),
            "¥" => Some("yen"),
            _ => None,
        }
    }
}

/// A unit of measure written from token `k` ("kilometres", "nautical miles", "square
/// kilometres", "km/h", "miles per hour"): the unit as written, lowercase, and its length in
/// tokens.
fn measure_after(tokens: &[Token], k: usize, end: usize) -> Option<(String, usize)> {
    let word = |j: usize| (j < end).then(|| tokens[j].lower());
    let first = word(k)?;
    let second = word(k + 1);
    let third = word(k + 2);
    let mut candidates = Vec::with_capacity(3);
    if let (Some(b), Some(c)) = (&second, &third) {
        // "km / h" is tokenised apart; "miles per hour" is written so.
        let joiner = if b == "/" { "/" } else { " per " };
        if b == "/" || b == "per" {
            candidates.push((format!("{first}{joiner}{c}"), 3));
        }
    }
    if let Some(b) = &second {
        candidates.push((format!("{first} {b}"), 2));
    }
    candidates.push((first, 1));
    candidates
        .into_iter()
        .find(|(written, _)| dossier_model::measure(&dossier_model::unit_key(written)).is_some())
}

/// "the number of people ... rose to 14", "the death toll": what a bare figure counts.
fn counted_in(tokens: &[Token], range: std::ops::Range<usize>) -> Option<String> {
    (range.start..range.end).find_map(|k| {
        let lower = tokens[k].lower();
        if lower == "toll" {
            return Some("toll".to_string());
        }
        let counted = (lower == "number" || lower == "count" || lower == "total")
            && tokens.get(k + 1).is_some_and(|t| t.lower() == "of")
            && k + 2 < range.end;
        counted.then(|| tokens[k + 2].lower())
    })
}

/// Finds quantities in `tokens[range]`.
pub fn find(text: &str, tokens: &[Token], range: std::ops::Range<usize>) -> Vec<Quantity> {
    let mut found: Vec<Quantity> = Vec::new();
    let mut k = range.start;
    while k < range.end {
        let token = &tokens[k];
        // "$4.5 million", "€12bn", "US$3": the currency sign before the figure is its unit.
        let currency = (k > range.start)
            .then(|| currency_of(tokens[k - 1].text))
            .flatten();
        let previous = (k > range.start).then(|| tokens[k - 1].lower());
        let numeric = token.kind == TokenKind::Number
            || dossier_model::scaled_figure(&token.lower(), currency.is_some()).is_some()
            || (NUMBER_WORDS
                .iter()
                .any(|(w, _)| token.lower().split('-').next() == Some(w))
                && !dossier_model::is_vague_amount(previous.as_deref(), &token.lower()));
        let Some((mut value, mut unit)) = numeric
            .then(|| parse_number(token, currency.is_some()))
            .flatten()
        else {
            k += 1;
            continue;
        };
        // Years and times are not quantities ("1987", "10:30", "3 a.m.", "4pm").
        let clock = tokens.get(k + 1).is_some_and(|next| {
            matches!(
                next.lower().trim_end_matches('.'),
                "a.m" | "p.m" | "am" | "pm" | "gmt" | "utc" | "o'clock"
            )
        }) || matches!(unit.as_deref(), Some("am" | "pm"));
        if token.text.contains(':')
            || clock
            || (unit.is_none() && (1900.0..=2100.0).contains(&value) && token.text.len() == 4)
        {
            k += 1;
            continue;
        }
        let mut end = k + 1;
        if let Some(scale) = tokens
            .get(end)
            .filter(|_| end < range.end)
            .and_then(|t| scale_of(&t.lower(), currency.is_some()))
        {
            value = dossier_model::scale_figure(value, scale);
            end += 1;
        }
        if unit.is_none()
            && let Some(name) = currency
        {
            unit = Some(name.to_string());
        }
        // "19 percent", "19 per cent", "0.5 percentage points"
        if unit.is_none() && end < range.end {
            let next = tokens[end].lower();
            if next == "percent" || next == "percentage" || next == "%" {
                unit = Some("percent".to_string());
                end += 1;
                if next == "percentage" && end < range.end && tokens[end].lower() == "points" {
                    unit = Some("percentage points".to_string());
                    end += 1;
                }
            } else if next == "per" && tokens.get(end + 1).is_some_and(|t| t.lower() == "cent") {
                unit = Some("percent".to_string());
                end += 2;
            }
        }
        // "12 kilometres offshore", "40 square kilometres", "60 km/h": a unit of measure.
        if unit.is_none()
            && let Some((written, words)) = measure_after(tokens, end, range.end)
        {
            unit = Some(written);
            end += words;
        }
        if unit.is_none() {
            // The counted noun: the last of the lowercase words after the number ("two
            // solvent storage tanks were" → tanks).
            let mut j = end;
            let mut last = None;
            while j < range.end && j < end + 4 {
                let t = &tokens[j];
                let lower = t.lower();
                let stop = t.kind != TokenKind::Word
                    || !t.text.starts_with(char::is_lowercase)
                    || SKIP_UNITS.contains(&lower.as_str())
                    || VERB_LIKE.contains(&lower.as_str())
                    // "300 people whose homes had flooded" counts people
                    || matches!(lower.as_str(), "who" | "whose" | "which" | "where" | "whom")
                    // "the 27 they announced": a pronoun is no counted noun
                    || matches!(
                        lower.as_str(),
                        "i" | "we" | "you" | "he" | "she" | "it" | "they" | "them" | "us"
                    )
                    // "nine officers slightly injured": an adverb ends what is counted
                    || (lower.ends_with("ly") && lower.len() > 4 && last.is_some())
                    // "180,000 doses short over the next three months": what stands after
                    // the counted noun says something of it
                    || (last.is_some() && AFTER_NOUN.contains(&lower.as_str()))
                    || (lower.ends_with("ing") && last.is_some())
                    || (lower.ends_with("ed") && last.is_some())
                    // "2.8 million customers lost service": the verb ends what is counted
                    || (crate::clause::is_irregular_past(&lower) && last.is_some());
                if stop {
                    break;
                }
                last = Some((j, lower));
                j += 1;
            }
            if let Some((j, lower)) = last {
                // "31 seats and the five won by the League", "47 people were killed and more
                // than 300 injured": a verb after the number counts what the clause's figure
                // before it counts.
                let elided = found
                    .last()
                    .filter(|q| crate::clause::is_past_form(&lower) && !q.unit.is_empty())
                    .map(|q| q.unit.clone());
                unit = Some(elided.unwrap_or(lower));
                end = j + 1;
            }
        }
        if unit.is_none() {
            unit = counted_in(tokens, range.clone());
        }
        let mut start = if currency.is_some() { k - 1 } else { k };
        let mut qualifier = None;
        for q in QUALIFIERS {
            let words: Vec<&str> = q.split(' ').collect();
            if start >= range.start + words.len()
                && words
                    .iter()
                    .enumerate()
                    .all(|(i, w)| tokens[start - words.len() + i].lower() == *w)
            {
                start -= words.len();
                qualifier = Some(q.to_string());
                break;
            }
        }
        let span = Span::new(tokens[start].span.start, tokens[end - 1].span.end);
        let _ = text;
        found.push(Quantity {
            span,
            value,
            unit: unit.unwrap_or_default(),
            qualifier,
        });
        k = end;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::token::tokenize;

    fn quantities(text: &str) -> Vec<(f64, String, Option<String>)> {
        let tokens = tokenize(text, &Lexicon::builtin());
        find(text, &tokens, 0..tokens.len())
            .into_iter()
            .map(|q| (q.value, q.unit, q.qualifier))
            .collect()
    }

    #[test]
    fn percentages_and_verbs_after_a_count() {
        assert_eq!(
            quantities("Shares rose 19 percent, or 2 per cent more than the 3% of Monday."),
            [
                (19.0, "percent".to_string(), None),
                (2.0, "percent".to_string(), None),
                (3.0, "percent".to_string(), None),
            ]
        );
        assert_eq!(
            quantities("the two companies said on Tuesday"),
            [(2.0, "companies".to_string(), None)]
        );
        assert_eq!(
            quantities("about 4.5 billion kroner once debt is included"),
            [(4.5e9, "kroner".to_string(), Some("about".to_string()))]
        );
    }

    #[test]
    fn a_tens_word_and_a_units_word_are_one_number() {
        assert_eq!(
            quantities("Seventy-four passengers boarded"),
            [(74.0, "passengers".to_string(), None)]
        );
        assert_eq!(
            quantities("a twenty-one-year-old student"),
            quantities("a 21-year-old student")
        );
        assert_eq!(
            quantities("a four-year contract"),
            [(4.0, "year".to_string(), None)]
        );
    }

    #[test]
    fn a_pronoun_or_an_adverb_after_a_count_is_not_what_it_counts() {
        assert_eq!(
            quantities("27 arrested and nine officers slightly injured"),
            [
                (27.0, "arrested".to_string(), None),
                (9.0, "officers".to_string(), None),
            ]
        );
        assert_eq!(
            quantities("up from the 27 they announced"),
            [(27.0, String::new(), None)]
        );
        assert_eq!(
            quantities("180,000 doses short over the next quarter"),
            [(180000.0, "doses".to_string(), None)]
        );
        assert_eq!(
            quantities("made close to 1.2 million doses last year"),
            [(1.2e6, "doses".to_string(), None)]
        );
    }

    #[test]
    fn currency_signs_are_units() {
        let q = quantities("The deal is worth €1.2bn, and $40m more, for a 30m wall");
        assert_eq!((q[0].0, q[0].1.as_str()), (1.2e9, "euros"));
        assert_eq!((q[1].0, q[1].1.as_str()), (4e7, "dollars"));
        assert!(q.iter().all(|q| q.0 < 1e10 && q.0 != 3e7), "{q:?}");
        // A scale letter written apart counts as millions only after a currency sign.
        let q = quantities("It raised $5 m and built a 30 m wall");
        assert_eq!(q[0].0, 5e6);
        assert!(q.iter().all(|q| q.0 != 3e7), "{q:?}");
        let q = quantities("The group demanded $4.5 million, then about €12 million");
        assert_eq!(q[0].0, 4_500_000.0);
        assert_eq!(q[0].1, "dollars");
        assert_eq!(q[1].1, "euros");
        assert_eq!(q[1].2.as_deref(), Some("about"));
    }

    #[test]
    fn units_of_measure_are_what_a_figure_measures() {
        let unit = |text: &str| -> Vec<(f64, String)> {
            quantities(text)
                .into_iter()
                .map(|(v, u, _)| (v, u))
                .collect()
        };
        assert_eq!(
            unit("Debris fell about 7.5 miles offshore and 12 nautical miles out."),
            [
                (7.5, "miles".to_string()),
                (12.0, "nautical miles".to_string())
            ]
        );
        assert_eq!(
            unit("A 15km zone of 40 square kilometres, limited to 60 km/h or 30 miles per hour."),
            [
                (15.0, "km".to_string()),
                (40.0, "square kilometres".to_string()),
                (60.0, "km/h".to_string()),
                (30.0, "miles per hour".to_string()),
            ]
        );
    }

    #[test]
    fn counts_with_units_and_qualifiers() {
        assert_eq!(
            quantities(
                "At least 15 injured; a 12-point plan cost 4.2 billion euros in 2024 at 1:00, 3 a.m. or 4pm; 31 seats and the five won."
            ),
            [
                (15.0, "injured".to_string(), Some("at least".to_string())),
                (12.0, "point".to_string(), None),
                (4.2e9, "euros".to_string(), None),
                (31.0, "seats".to_string(), None),
                (5.0, "seats".to_string(), None),
            ]
        );
        assert_eq!(
            quantities("The hall took in about 300 people whose homes had flooded."),
            [(300.0, "people".to_string(), Some("about".to_string()))]
        );
    }
}
