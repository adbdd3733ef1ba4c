//! Datelines standing alone: "Updated: March 5, 2024", "Aktualisiert am 17.01.2021, 10:27",
//! "Published 5 March 2024 at 09:00". The date is metadata, not a paragraph.

use std::sync::LazyLock;

use super::Rule;
use crate::dates;
use crate::lexicon::Words;
use crate::line::Line;

static LABELS: LazyLock<Words> =
    LazyLock::new(|| Words::parse(include_str!("../../data/dateline_labels.txt")));

/// A dateline is short.
const MAX_WORDS: usize = 14;
/// Words besides the date and its labels (a place, a weekday, a time) allowed in a dateline.
const MAX_OTHER_WORDS: usize = 2;

pub(crate) const RULE: Rule = Rule {
    reason: "dateline",
    opens_tail: false,
    is_wall: false,
    matches,
};

fn matches(line: &Line) -> bool {
    if line.words() > MAX_WORDS {
        return false;
    }
    let text = line.text();
    let Some((_, at)) = dates::find_written(text, true) else {
        return false;
    };
    let rest = format!("{} {}", &text[..at.start], &text[at.end..]);
    // A share or an amount beside the date makes a row of figures, not a dateline.
    if rest.contains(['%', '$', '€', '£', '+']) {
        return false;
    }
    let others = rest
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| !word.is_empty())
        .filter(|word| !LABELS.contains(word) && !is_time_word(word) && !is_weekday(word))
        .count();
    others <= MAX_OTHER_WORDS
}

fn is_time_word(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "am" | "pm"
            | "a"
            | "m"
            | "p"
            | "h"
            | "et"
            | "est"
            | "edt"
            | "pst"
            | "pdt"
            | "gmt"
            | "utc"
            | "cet"
            | "cest"
            | "bst"
            | "ist"
    )
}

fn is_weekday(word: &str) -> bool {
    /// Abbreviations and other languages' names, beside the English names.
    const DAYS: &[&str] = &[
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
    ];
    let lower = word.to_lowercase();
    dossier_model::WEEKDAY_NAMES.contains(&lower.as_str()) || DAYS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_are_a_date_and_its_labels() {
        assert!(matches(&Line::new("Updated: March 5, 2024")));
        assert!(matches(&Line::new("Aktualisiert am 17.01.2021.")));
        assert!(matches(&Line::new("Aktualisiert: 11.04.2020, 10:27")));
        assert!(matches(&Line::new(
            "Published Tuesday, 5 March 2024 at 09:00 GMT"
        )));
        assert!(!matches(&Line::new(
            "The council voted on March 5, 2024, to close the plant."
        )));
        assert!(!matches(&Line::new(
            "Elections are due on 5 March 2024 across the country"
        )));
        assert!(!matches(&Line::new("1/1/2013 +13.1%")));
        assert!(!matches(&Line::new("March 2024 $4,200")));
    }
}
