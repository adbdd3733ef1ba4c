//! What a claim or quote is made of, for matching: word stems (with synonyms folded), entities,
//! numbers, speaker, polarity and markers.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

use dossier_model::{Claim, Polarity, Quote};

const STOPWORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "that",
    "this",
    "these",
    "those",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "it",
    "its",
    "he",
    "she",
    "they",
    "his",
    "her",
    "their",
    "we",
    "our",
    "us",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "as",
    "after",
    "before",
    "about",
    "than",
    "also",
    "which",
    "who",
    "whom",
    "what",
    "when",
    "where",
    "there",
    "into",
    "over",
    "up",
    "out",
    "if",
    "so",
    "such",
    "any",
    "all",
    "some",
    "more",
    "most",
    "said",
    "says",
    "say",
    "told",
    "reported",
    "according",
    "per",
    "made",
    "make",
    "while",
    "during",
    "between",
    "both",
    "either",
    "each",
    "other",
    "s",
    "t",
    "do",
    "does",
    "did",
    "not",
    "no",
    "now",
    "then",
    "them",
    "him",
];

/// The features of one statement.
#[derive(Debug, Clone)]
pub struct Features {
    /// Folded stems, unique.
    pub stems: HashSet<String>,
    /// Normalised words in order, for quote containment.
    pub words: Vec<String>,
    /// Canonical entity names, lowercased.
    pub entities: HashSet<String>,
    /// (value, unit key) pairs; time offsets ("three days after") are not figures.
    pub numbers: Vec<(f64, String)>,
    /// The figures written as a bound ("as much as 1.4%", "at least 15"), with the side the
    /// true figure lies on: a reading within the bound does not contradict them.
    pub bounds: Vec<(f64, Bound)>,
    /// The figures written as the earlier state of a change ("up from 1.2 million", "rose to
    /// 6.1% from 5.6%").
    pub earlier: Vec<f64>,
    /// The figures the source gives of its own doing ("Morvair said it had cancelled 62
    /// flights"): its share, which may be part of a whole another report counts.
    pub own: Vec<f64>,
    /// For each of `numbers`, the stems of the words beside it in its own phrase ("a budget
    /// deficit of €48 million next year" → budget, deficit, next, year): what a sum of money
    /// or a percentage measures, which its unit does not say.
    pub number_contexts: Vec<BTreeSet<String>>,
    /// Speaker or source name, when named.
    pub speaker: Option<String>,
    /// Whether this is a quote.
    pub is_quote: bool,
    /// Asserted, denied or hedged.
    pub polarity: Polarity,
    /// Marked as an update.
    pub revision: bool,
    /// Marked as the earlier state.
    pub original: bool,
    /// Words that say what a figure measures ("cash", "debt", "net"), from
    /// `data/number_scopes.txt`; empty without figures.
    pub scopes: BTreeSet<String>,
    /// What happened to what the figures count ("injured", "homeless"), each a group's first
    /// word from `data/count_outcomes.txt`; empty without figures.
    pub outcomes: BTreeSet<String>,
    /// Clock times the statement gives ("3 a.m.", "4pm", "15:30"), minutes after midnight.
    pub clock: Vec<u32>,
    /// The day its document was published (ISO 8601), when known.
    pub published: Option<String>,
    /// When the statement says it happened: each time expression as a resolved interval of
    /// ISO days, or its words when unresolved ("wednesday").
    pub times: Vec<When>,
    /// Marked as an increment on an earlier figure ("a further 2 percent", "another 300").
    pub increment: bool,
    /// A running total, counted up to a time ("had removed 18,000 cubic metres by Wednesday
    /// afternoon"): a later total may be larger without contradicting it.
    pub running_total: bool,
    /// Tells of a time named before it ("but no buildings were evacuated then", "at the
    /// time"): of another moment than the story's, so no side of a dispute with it.
    pub earlier_moment: bool,
    /// Places named in the statement, lowercased canonical names.
    pub places: BTreeSet<String>,
    /// Whether the statement is the document's headline.
    pub headline: bool,
    /// Whether this is one fact of a claim that gives several ([`facts_of_claim`]).
    pub split: bool,
}

/// Which side of a bounded figure the true one lies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// "as much as", "up to", "at most", "fewer than": the figure or less.
    AtMost,
    /// "at least", "more than", "over": the figure or more.
    AtLeast,
}

/// Qualifiers that bound a figure, as the quantity rules give them.
const BOUNDS: &[(&str, Bound)] = &[
    ("as much as", Bound::AtMost),
    ("as many as", Bound::AtMost),
    ("up to", Bound::AtMost),
    ("at most", Bound::AtMost),
    ("fewer than", Bound::AtMost),
    ("less than", Bound::AtMost),
    ("under", Bound::AtMost),
    ("at least", Bound::AtLeast),
    ("more than", Bound::AtLeast),
    ("over", Bound::AtLeast),
];

/// Units of elapsed time: with one of [`OFFSET_WORDS`] after it, such a figure places an event
/// relative to the day of writing ("three days after the landing"), and two reports written a
/// day apart give it differently without disagreeing.
const TIME_UNITS: &[&str] = &["minute", "hour", "day", "week", "month", "year"];
const OFFSET_WORDS: &[&str] = &["after", "ago", "later", "earlier", "before", "since"];

/// Whether the words before a span of time count it forward from the moment of writing ("could
/// begin in about three weeks", "due to reopen in two days"): a time offset, not a figure.
fn counts_forward(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let mut last = words.next().unwrap_or("");
    if matches!(
        last,
        "about" | "around" | "some" | "roughly" | "approximately"
    ) {
        last = words.next().unwrap_or("");
    }
    last == "in"
}

/// Words after a figure that give the period it belongs to ("5.6% in December", "4% a year
/// earlier"): a change from such a figure is a change over time, not an update of a report.
const PERIOD_OPENERS: &[&str] = &[
    "a year",
    "a month",
    "a week",
    "a quarter",
    "last year",
    "last month",
    "last week",
    "last quarter",
    "the year before",
    "the month before",
    "the previous",
    "in the previous",
    "in the first",
    "in the second",
    "in the third",
    "in the fourth",
    "in the same",
];

/// Whether the text after a figure opens with the period it belongs to.
fn names_period(after: &str) -> bool {
    let after = after.trim_start_matches(|c: char| !c.is_alphanumeric());
    let mut words = after.split(|c: char| !c.is_alphanumeric());
    PERIOD_OPENERS.iter().any(|opener| {
        after.starts_with(opener) && after[opener.len()..].starts_with([' ', ',', '.'])
    }) || (words.next() == Some("in") && words.next().is_some_and(is_day_word))
}

/// The figures of a claim, read with the words around them.
#[derive(Default)]
struct Figures {
    /// (value, unit key), without time offsets.
    numbers: Vec<(f64, String)>,
    /// The words beside each of them (see [`Features::number_contexts`]).
    contexts: Vec<BTreeSet<String>>,
    /// The bounded ones.
    bounds: Vec<(f64, Bound)>,
    /// The earlier states of a change ("from 37").
    earlier: Vec<f64>,
    /// The figures of the source's own doing (see [`Features::own`]).
    own: Vec<f64>,
    /// Whether such a change runs between two periods ("rose to 6.1% in January from 5.6% in
    /// December").
    between_periods: bool,
    /// The words each of `numbers` is written with ("1,200 residents"), in the claim's text.
    written: Vec<String>,
}

/// Whether the words before a figure give it as the earlier state of a change: "up from",
/// "from its earlier figure of", "from an initial estimate of".
fn names_earlier(before: &str) -> bool {
    const BETWEEN: &[&str] = &[
        "its",
        "an",
        "a",
        "the",
        "their",
        "his",
        "her",
        "earlier",
        "previous",
        "initial",
        "original",
        "first",
        "figure",
        "estimate",
        "count",
        "tally",
        "forecast",
        "projection",
        "of",
    ];
    let words: Vec<&str> = before.split_whitespace().collect();
    words
        .iter()
        .rev()
        .take(6)
        .position(|w| *w == "from")
        .is_some_and(|at| {
            words[words.len() - at..]
                .iter()
                .all(|w| BETWEEN.contains(w))
        })
}

/// Whether the words before a figure make it the whole a counted part is taken from: "four
/// of", "two of its", "four of Marlbeck's", "nine of the".
fn is_whole_of_part(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    let of_at = match words.as_slice() {
        ["of", ..] => 0,
        [owner, "of", ..]
            if matches!(*owner, "the" | "its" | "their" | "his" | "her" | "our")
                || owner.ends_with("'s")
                || owner.ends_with("\u{2019}s") =>
        {
            1
        }
        _ => return false,
    };
    words.get(of_at + 1).is_some_and(|part| {
        let part = part.trim_matches(|c: char| !c.is_alphanumeric());
        part.chars().all(|c| c.is_ascii_digit() || c == ',') && !part.is_empty()
            || dossier_model::NUMBER_WORDS.iter().any(|(w, _)| *w == part)
    })
}

/// Whether the words before a figure make the source the doer of what it counts: "it" or
/// "we" among the last three ("said it had cancelled 62", "we carried 300").
fn tells_own_doing(before: &str) -> bool {
    before
        .split_whitespace()
        .rev()
        .take(3)
        .any(|w| matches!(w.to_lowercase().as_str(), "it" | "we"))
}

fn figures(claim: &Claim) -> Figures {
    let mut out = Figures::default();
    let local = |offset: usize| offset.saturating_sub(claim.start).min(claim.text.len());
    for quantity in &claim.quantities {
        let before = claim
            .text
            .get(..local(quantity.span.start))
            .unwrap_or("")
            .to_lowercase();
        let after = claim
            .text
            .get(local(quantity.span.end)..)
            .unwrap_or("")
            .to_lowercase();
        let mut unit = quantity.unit_key();
        // "7.5 miles" and "12 km" are one distance: units of measure in their base unit.
        let mut value = quantity.value;
        if let Some((base, converted)) = dossier_model::to_base(value, &unit) {
            value = converted;
            unit = base.to_string();
        }
        // "11 people", "17 residents", "74 passengers": a head count, whoever is counted
        if PERSON_COUNTS.contains(&unit.as_str()) {
            unit = "people".to_string();
        }
        let next_word = after.split_whitespace().next().unwrap_or("");
        if TIME_UNITS.contains(&unit.as_str())
            && (OFFSET_WORDS.contains(&next_word) || counts_forward(&before))
        {
            continue;
        }
        if let Some(bound) = quantity.qualifier.as_deref().and_then(|qualifier| {
            BOUNDS
                .iter()
                .find(|(written, _)| *written == qualifier)
                .map(|&(_, bound)| bound)
        }) {
            out.bounds.push((value, bound));
        }
        // "four of Marlbeck's 11 libraries": the whole the part is taken from is not what
        // the statement counts
        if is_whole_of_part(&before) {
            continue;
        }
        if names_earlier(&before) {
            out.earlier.push(value);
            out.between_periods |= names_period(&after);
        }
        if tells_own_doing(&before) {
            out.own.push(value);
        }
        out.numbers.push((value, unit));
        let written = |range: std::ops::Range<usize>| claim.text.get(range).unwrap_or("");
        out.written
            .push(written(local(quantity.span.start)..local(quantity.span.end)).to_string());
        out.contexts.push(figure_context(
            written(0..local(quantity.span.start)),
            written(local(quantity.span.end)..claim.text.len()),
        ));
    }
    out
}

/// Words in a figure's context that say nothing of what it measures.
const CONTEXT_NOISE: &[&str] = &[
    "people",
    "person",
    "persons",
    "million",
    "billion",
    "trillion",
    "m",
    "bn",
    "about",
    "around",
    "some",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "least",
    "more",
    "than",
    "over",
    "under",
    "up",
    "down",
    "by",
];

/// The stems of up to four words on each side of a figure, within its phrase: a comma, a
/// semicolon or a conjunction ends it. Names are left out: two sums beside the name of one
/// bank may be a loan and a withdrawal.
fn figure_context(before: &str, after: &str) -> BTreeSet<String> {
    const SPAN: usize = 4;
    let ends = |word: &str| matches!(word, "and" | "or" | "but" | "while" | "whereas");
    let phrase_words = |text: &str, reversed: bool| -> Vec<String> {
        let mut pieces: Vec<&str> = text.split([',', ';', ':', '(', ')', '.']).collect();
        let piece = if reversed {
            pieces.pop()
        } else {
            pieces.first().copied()
        }
        .unwrap_or("");
        let mut words: Vec<String> = piece
            .split_whitespace()
            .filter(|word| !word.starts_with(char::is_uppercase))
            .flat_map(letters_and_figures)
            .collect();
        if reversed {
            words.reverse();
        }
        words
            .into_iter()
            .take_while(|w| !ends(w))
            .take(SPAN)
            .collect()
    };
    let mut words = phrase_words(before, true);
    words.extend(phrase_words(after, false));
    words
        .retain(|w| !w.chars().any(|c| c.is_ascii_digit()) && !CONTEXT_NOISE.contains(&w.as_str()));
    // "killed" and "the death toll" say one thing of the people counted
    let outcomes = outcome_groups();
    let words: Vec<String> = words
        .into_iter()
        .map(|w| {
            outcomes
                .get(w.as_str())
                .map_or(w, |group| (*group).to_string())
        })
        .collect();
    stems_of(&words).into_iter().collect()
}

/// A time a statement gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    /// First and last day, ISO 8601.
    Days(String, String),
    /// The expression's words, lowercased, without "on", "in", "late", "early".
    Words(String),
}

impl When {
    fn of(time: &dossier_model::TimeExpr) -> Self {
        match (&time.start, &time.end) {
            (Some(a), Some(b)) => When::Days(a.clone(), b.clone()),
            (Some(a), None) => When::Days(a.clone(), a.clone()),
            _ => When::Words(
                time.text
                    .to_lowercase()
                    .split_whitespace()
                    .filter(|w| !matches!(*w, "on" | "in" | "late" | "early" | "the" | "by"))
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        }
    }

    /// Whether this is a year, or a time within one that names it ("in 2028", "March 2031").
    pub fn names_year(&self) -> bool {
        match self {
            When::Days(a, b) => a.ends_with("-01-01") && b.ends_with("-12-31"),
            When::Words(words) => words
                .split_whitespace()
                .any(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())),
        }
    }

    /// Whether two times can be the same time.
    pub fn meets(&self, other: &When) -> bool {
        match (self, other) {
            (When::Days(a, b), When::Days(c, d)) => a <= d && c <= b,
            // "monday night" and "monday" can be the same time; "monday" and "tuesday"
            // cannot
            (When::Words(a), When::Words(b)) => {
                a == b || {
                    let days = |words: &str| -> BTreeSet<String> {
                        words
                            .split_whitespace()
                            .filter(|w| is_day_word(w))
                            .map(str::to_string)
                            .collect()
                    };
                    let (x, y) = (days(a), days(b));
                    !x.is_empty() && x == y
                }
            }
            // One resolved and one not: nothing to compare.
            _ => true,
        }
    }
}

/// Nouns that count people, whoever they are: one unit for comparing figures.
const PERSON_COUNTS: &[&str] = &[
    "people",
    "person",
    "resident",
    "passenger",
    "inhabitant",
    "villager",
    "individual",
];

/// Whether `a` gives a figure that `b` gives differently, in the same unit ("48 people on
/// board" / "52 people on board").
pub fn differing_figure(a: &Features, b: &Features) -> bool {
    a.numbers.iter().any(|(v, u)| {
        b.numbers.iter().any(|(_, w)| same_unit(w, u))
            && !b
                .numbers
                .iter()
                .any(|(x, w)| same_unit(w, u) && (v - x).abs() < 1e-9)
    })
}

/// Whether two figures count the same thing: the same unit key, or a closed compound of the
/// other ("dockworker" / "worker"; a head of five letters at least, so "women" is no "men").
pub fn same_unit(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long || (short.len() >= 5 && long.ends_with(short) && !short.contains(' '))
}

/// A weekday, a month or a year: what names a day in an expression left unresolved.
fn is_day_word(word: &str) -> bool {
    dossier_model::is_calendar_word(word)
        || (word.len() == 4 && word.chars().all(|c| c.is_ascii_digit()))
}

/// A place inside a town ("Saltmarsh Road", "Westgate station"): too fine to set against a
/// town another report names.
pub fn is_site(name: &str) -> bool {
    const SITES: &[&str] = &[
        "road",
        "street",
        "avenue",
        "lane",
        "square",
        "estate",
        "boulevard",
        "way",
        "drive",
        "park",
        "bridge",
        "station",
        "airport",
        "port",
        "harbour",
        "harbor",
        "district",
        "quarter",
        "hall",
        "school",
        "hospital",
        "plant",
        "site",
        "building",
        "tower",
    ];
    name.split_whitespace()
        .last()
        .is_some_and(|w| SITES.contains(&w.to_lowercase().as_str()))
}

/// Whether two statements both name places and share none, and neither names the other's
/// places in its words ("in Kessburg" / "in Halden").
pub fn places_apart(a: &Features, b: &Features) -> bool {
    let named_in = |places: &BTreeSet<String>, f: &Features| {
        places
            .iter()
            .any(|p| p.split_whitespace().all(|w| f.words.iter().any(|x| x == w)))
    };
    !a.places.is_empty()
        && !b.places.is_empty()
        && a.places.is_disjoint(&b.places)
        && !named_in(&a.places, b)
        && !named_in(&b.places, a)
}

/// Clock times farther apart than this (minutes) are different times: "shortly after 3
/// a.m." and "03:12" agree, "about 4 a.m." does not.
const CLOCK_TOLERANCE: u32 = 45;

/// The clock times of a text, minutes after midnight: "3 a.m.", "11.30pm", "4 pm", "15:30".
pub fn clock_times(text: &str) -> Vec<u32> {
    let lower = text.to_lowercase();
    let bytes = lower.as_bytes();
    let mut out = Vec::new();
    let named = words(&lower);
    for (word, minutes) in [("midnight", 0), ("noon", 12 * 60), ("midday", 12 * 60)] {
        if named.iter().any(|w| w == word) {
            out.push(minutes);
        }
    }
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let digits = |from: usize| {
            let end = (from..bytes.len())
                .find(|&k| !bytes[k].is_ascii_digit())
                .unwrap_or(bytes.len());
            (end, lower[from..end].parse::<u32>().ok())
        };
        let (mut end, hour) = digits(i);
        let Some(hour) = hour.filter(|h| *h <= 24 && end - i <= 2) else {
            i = end.max(i + 1);
            continue;
        };
        let mut minute = None;
        if end + 2 < bytes.len() && matches!(bytes[end], b':' | b'.') {
            let (after, value) = digits(end + 1);
            if after == end + 3 {
                minute = value.filter(|m| *m < 60);
                end = after;
            }
        }
        let rest = lower[end..].trim_start();
        let marked = |dotted: &str, plain: &str| {
            rest.starts_with(dotted)
                || (rest.starts_with(plain)
                    && !rest[plain.len()..].starts_with(char::is_alphabetic))
        };
        let half = if marked("a.m", "am") {
            Some(0)
        } else if marked("p.m", "pm") {
            Some(12)
        } else {
            None
        };
        match (half, minute) {
            (Some(offset), _) if (1..=12).contains(&hour) => {
                out.push((hour % 12 + offset) * 60 + minute.unwrap_or(0));
            }
            (None, Some(m)) if hour < 24 && bytes[end - 3] == b':' => out.push(hour * 60 + m),
            _ => {}
        }
        i = end.max(i + 1);
    }
    out
}

/// Minutes between two clock times, round the clock ("before midnight" is near "00:10").
fn clock_distance(a: u32, b: u32) -> u32 {
    let d = a.abs_diff(b) % (24 * 60);
    d.min(24 * 60 - d)
}

/// Whether two statements both give clock times and none of them is near one of the other's.
pub fn clocks_apart(a: &Features, b: &Features) -> bool {
    !a.clock.is_empty()
        && !b.clock.is_empty()
        && !a.clock.iter().any(|x| {
            b.clock
                .iter()
                .any(|y| clock_distance(*x, *y) <= CLOCK_TOLERANCE)
        })
}

#[cfg(test)]
mod clock_tests {
    #[test]
    fn clock_times_are_read_in_their_usual_forms() {
        assert_eq!(super::clock_times("shortly after 3 a.m. on Tuesday"), [180]);
        assert_eq!(super::clock_times("declared shortly before midnight"), [0]);
        assert_eq!(super::clock_distance(0, 23 * 60 + 50), 10);
        assert_eq!(
            super::clock_times("at 03:12 local time, at 4pm and 11.30 p.m."),
            [192, 960, 1410]
        );
        assert!(
            super::clock_times("a magnitude-6.8 quake, 2.5 million people, in 2026").is_empty()
        );
    }
}

/// Whether the later-published of two statements tells of a day after the other was
/// published: what it reports happened after the other report was written ("has not
/// conceded" on Monday, "formally conceded on Tuesday afternoon" in Wednesday's paper).
pub fn told_later(a: &Features, b: &Features) -> bool {
    let (Some(pa), Some(pb)) = (&a.published, &b.published) else {
        return false;
    };
    let (early, late) = if pa <= pb { (a, b) } else { (b, a) };
    let early_day = early.published.as_deref().unwrap_or_default();
    let after = |f: &Features| {
        f.times
            .iter()
            .any(|t| matches!(t, When::Days(first, _) if first.as_str() > early_day))
    };
    after(late) && !after(early)
}

/// Whether two statements both give times and none of them can meet.
pub fn times_apart(a: &Features, b: &Features) -> bool {
    !a.times.is_empty()
        && !b.times.is_empty()
        && !a.times.iter().any(|x| b.times.iter().any(|y| x.meets(y)))
}

const INCREMENT: &[&[&str]] = &[&["a", "further"], &["another"], &["an", "additional"]];

/// Whether the words end on "then" or say "at the time": they tell of a moment named before.
fn tells_earlier_moment(words: &[String]) -> bool {
    words.last().is_some_and(|w| w == "then")
        && !words
            .iter()
            .rev()
            .nth(1)
            .is_some_and(|w| matches!(w.as_str(), "since" | "until" | "and" | "by"))
        || words
            .windows(3)
            .any(|w| w[0] == "at" && w[1] == "the" && w[2] == "time")
}

/// Whether the words count up to a time: "by" and a day, a part of one, a clock time or "the
/// time", "the end".
fn is_running_total(words: &[String]) -> bool {
    const UNTIL: &[&str] = &[
        "morning",
        "afternoon",
        "evening",
        "night",
        "noon",
        "midday",
        "midnight",
        "nightfall",
        "dawn",
        "time",
        "end",
        "then",
        "now",
        "today",
        "tonight",
        "yesterday",
    ];
    // ("injured by Monday's blast" names the day of an event, not the end of a count)
    words.windows(3).any(|w| {
        let next = if w[1] == "the" {
            w[2].as_str()
        } else {
            w[1].as_str()
        };
        let possessive = w[1] != "the" && w[2] == "s";
        w[0] == "by"
            && !possessive
            && (UNTIL.contains(&next)
                || dossier_model::is_calendar_word(next)
                || next.contains(':'))
    })
}

fn is_increment(words: &[String]) -> bool {
    INCREMENT.iter().any(|phrase| {
        words
            .windows(phrase.len())
            .any(|w| w.iter().zip(phrase.iter()).all(|(a, b)| a == b))
    })
}

/// Groups of words from a data file: one group a line, each word mapped to the line's first
/// word (a line of one word is a group of one).
fn word_groups(data: &'static str) -> HashMap<&'static str, &'static str> {
    let mut map = HashMap::new();
    for line in data.lines() {
        if line.trim_start().starts_with('#') {
            continue;
        }
        let mut words = line.split_whitespace();
        if let Some(first) = words.next() {
            map.entry(first).or_insert(first);
            for word in words {
                map.entry(word).or_insert(first);
            }
        }
    }
    map
}

/// Scope words ("cash", "debt"), `data/number_scopes.txt`.
fn scope_words() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| word_groups(include_str!("../data/number_scopes.txt")))
}

/// Outcome groups ("injured", "homeless"), `data/count_outcomes.txt`.
fn outcome_groups() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| word_groups(include_str!("../data/count_outcomes.txt")))
}

/// The groups of `groups` a text that carries figures names; none without figures.
fn groups_named(
    words: &[String],
    has_numbers: bool,
    groups: &HashMap<&'static str, &'static str>,
) -> BTreeSet<String> {
    if !has_numbers {
        return BTreeSet::new();
    }
    words
        .iter()
        .filter_map(|w| groups.get(w.as_str()))
        .map(|group| (*group).to_string())
        .collect()
}

fn synonyms() -> &'static HashMap<String, String> {
    static MAP: OnceLock<HashMap<String, String>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for line in include_str!("../data/synonyms.txt").lines() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            let words: Vec<String> = line.split_whitespace().map(stem).collect();
            if let Some(first) = words.first() {
                // A stem in two groups keeps its first: groups never chain together.
                let key = format!("~{first}");
                for w in &words {
                    map.entry(w.clone()).or_insert_with(|| key.clone());
                }
            }
        }
        map
    })
}

/// A crude, fast English stem: enough to match "accepted" with "accept" and "delegates" with
/// "delegation".
pub fn stem(word: &str) -> String {
    let mut w = word.to_lowercase();
    for suffix in ["ings", "ing", "edly", "ied", "ies", "ed", "es", "s"] {
        if w.len() > suffix.len() + 3 && w.ends_with(suffix) {
            w.truncate(w.len() - suffix.len());
            break;
        }
    }
    if w.len() > 4 && w.ends_with('e') {
        w.pop();
    }
    w.chars().take(6).collect()
}

/// Lowercase alphanumeric words of a text; a figure stays one word ("46,000" is "46000",
/// "2.1" is "2.1"), so two figures never share a "000"; a number written as a word is its
/// figure ("four votes to three" and "4-3" share their 4 and 3).
pub fn words(text: &str) -> Vec<String> {
    let mut out = letters_and_figures(text);
    for k in 0..out.len() {
        let previous = k.checked_sub(1).map(|p| out[p].as_str());
        if dossier_model::is_vague_amount(previous, &out[k]) {
            continue;
        }
        if let Some((_, value)) = dossier_model::NUMBER_WORDS
            .iter()
            .find(|(w, _)| *w == out[k])
        {
            out[k] = format!("{value}");
        }
    }
    with_scales(out)
}

/// Scale words and suffixes multiplied into their figure, so that "$40m", "40 million dollars"
/// and "40,000,000" are one figure and "40 aftershocks" is another.
fn with_scales(words: Vec<String>) -> Vec<String> {
    let scaled = |value: f64, scale: f64| {
        let product = value * scale;
        if product.fract() == 0.0 {
            format!("{}", product as u64)
        } else {
            format!("{product}")
        }
    };
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut iter = words.into_iter().peekable();
    while let Some(word) = iter.next() {
        if let Ok(value) = word.parse::<f64>()
            && value.is_finite()
            && let Some(&(_, scale)) = iter
                .peek()
                .and_then(|next| dossier_model::SCALE_WORDS.iter().find(|(w, _)| w == next))
        {
            iter.next();
            out.push(scaled(value, scale));
            continue;
        }
        // in matching, "30m" is taken as a figure whatever it measures: both sides read it alike
        match dossier_model::scaled_figure(&word, true) {
            Some(value) => out.push(scaled(value, 1.0)),
            None => out.push(word),
        }
    }
    out
}

fn letters_and_figures(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut word = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let between_digits = || {
            i > 0
                && chars[i - 1].is_ascii_digit()
                && chars.get(i + 1).is_some_and(char::is_ascii_digit)
        };
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if c == ',' && between_digits() {
            // a thousands separator
        } else if c == '.' && between_digits() {
            word.push('.');
        } else if c == ':' && between_digits() {
            // a clock time ("9:12") is one word, not two figures
            word.push(':');
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// What an attributed statement tells: the words after its "said ... that" (in the first half
/// of it), not who said it, where or when ("Orrinvale, the region's largest insurer, said on
/// Monday that hackers broke in" tells that hackers broke in).
fn fact_of(claim: &Claim) -> &str {
    if claim.source.is_none() {
        return claim.text.as_str();
    }
    let mut text = claim.text.as_str();
    // "The explosion happened before 4 a.m., according to the fire service", "…, the
    // authority said": the attribution after the fact is none of it
    if let Some(i) = text
        .rfind(", according to ")
        .filter(|&i| i * 2 >= text.len())
    {
        text = &text[..i];
    } else if let Some(i) = text.rfind(", ").filter(|&i| {
        let tail: Vec<&str> = text[i + 2..].split_whitespace().collect();
        let cue = |w: &&str| REPORTING_VERBS.contains(w);
        // a subject before the verb: ", the authority said", not ", said the men were tired"
        i * 2 >= text.len() && tail.len() <= 8 && tail.iter().skip(1).any(cue) && !cue(&tail[0])
    }) {
        text = &text[..i];
    }
    let first_half = |i: &usize| i * 2 < text.len();
    if let Some(i) = text.find(" that ").filter(first_half) {
        return &text[i + 6..];
    }
    // "Oskar Tellen, head of the rescue service, said the men were tired": the words after a
    // reporting verb with no "that"
    REPORTING_VERBS
        .iter()
        .filter_map(|verb| {
            let i = text.find(&format!(" {verb} ")).filter(first_half)?;
            Some(&text[i + verb.len() + 2..])
        })
        .max_by_key(|rest| rest.len())
        .unwrap_or(text)
}

/// Reporting verbs that end an attribution after its fact (", the authority said") or open
/// the fact after one with no "that" ("X, head of Y, said the men were tired").
const REPORTING_VERBS: &[&str] = &["said", "says", "added", "reported", "warned", "insisted"];

/// Words that open an apposition between commas: ", the largest insurer in the region,".
const APPOSITION_OPENERS: &[&str] = &["the", "a", "an", "its", "his", "her", "their"];

/// The words of a statement without the appositions and relative clauses between its commas
/// ("Orrinvale, the largest health insurer in the region, said ..."): what they say of a name is background,
/// and two reports that describe one company alike do not by that tell the same fact.
fn words_of_fact(text: &str) -> Vec<String> {
    let pieces: Vec<&str> = text.split(", ").collect();
    let mut kept = String::with_capacity(text.len());
    for (k, piece) in pieces.iter().enumerate() {
        let inner = k > 0 && k + 1 < pieces.len();
        let opener = piece.split(' ').next().unwrap_or_default();
        // "names, addresses, the claims history, and more": the end of a list, kept
        let listed = pieces
            .get(k + 1)
            .is_some_and(|next| next.starts_with("and ") || next.starts_with("or "));
        // "Mallowtarn, which opened in 1974, holds ...": a relative clause between the subject
        // and its verb is a claim of its own.
        let relative = inner && matches!(opener, "which" | "who");
        let aside = relative
            || (inner
                && !listed
                && APPOSITION_OPENERS.contains(&opener)
                && piece.split(' ').count() <= 12);
        if !aside {
            kept.push_str(piece);
            kept.push(' ');
        }
    }
    words(&kept)
}

fn stems_of(words: &[String]) -> HashSet<String> {
    words
        .iter()
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .map(|w| stem_or_synonym(w))
        .collect()
}

/// A word's stem, or the key of the synonym group the stem stands in.
fn stem_or_synonym(word: &str) -> String {
    let s = stem(word);
    synonyms().get(&s).cloned().unwrap_or(s)
}

/// Words that open a temporal or conditional adjunct ("before the recall", "a day after the
/// company recalled", "will not stop while there is any chance") or an open question ("to
/// measure whether the cracks were growing"): what follows is taken as given or left open,
/// neither asserted nor denied by the statement.
const TEMPORAL_ADJUNCTS: &[&str] = &[
    "whether",
    "before",
    "after",
    "since",
    "following",
    "until",
    "while",
    "when",
    "once",
    "if",
    "unless",
];

/// The stems a statement asserts or denies: its words up to the first temporal adjunct.
pub fn asserted_stems(words: &[String]) -> HashSet<String> {
    let end = words
        .iter()
        .position(|w| TEMPORAL_ADJUNCTS.contains(&w.as_str()))
        .unwrap_or(words.len());
    stems_of(&words[..end])
}

/// Words after a negation taken as what it denies: a negation governs the words right after
/// it, not the attribution or the aside that follows ("not to whoever shows up with the biggest
/// checkbook," said Ruth Callender, the lawyer who argued the case).
const DENIAL_SCOPE_WORDS: usize = 8;

/// Where the words a statement's first negation governs start.
fn negation_end(words: &[String]) -> Option<usize> {
    let phrases: Vec<Vec<String>> = dossier_model::NEGATIONS
        .iter()
        .filter(|phrase| !phrase.starts_with("n'"))
        .map(|phrase| phrase.split(' ').map(str::to_string).collect())
        .collect();
    // "didn't" is the words "didn" and "t"
    let contracted = |k: usize| words[k] == "t" && k > 0 && words[k - 1].ends_with('n');
    (0..words.len()).find_map(|k| {
        if contracted(k) {
            return Some(k + 1);
        }
        // "said that none of its staff had been questioned"
        if words[k] == "none"
            && words.get(k + 1).is_some_and(|next| next == "of")
            && (k == 0 || dossier_model::NONE_OF_AFTER.contains(&words[k - 1].as_str()))
        {
            return Some(k + 2);
        }
        // "no trial site had been audited", "shown no growth in the cracks"
        if words[k] == "no"
            && words.get(k + 1).is_some_and(|next| {
                next.starts_with(char::is_alphabetic)
                    && !dossier_model::NOT_DENIED_AFTER_NO.contains(&next.as_str())
            })
        {
            return Some(k + 1);
        }
        phrases
            .iter()
            .find(|phrase| words[k..].starts_with(phrase))
            .map(|phrase| k + phrase.len())
    })
}

/// The stems of what a negated statement denies: the few words after its first negation
/// ("denied that it had halted test drilling" denies "halted test drilling", "no trial site
/// had been audited" denies "trial site had been audited"), up to the first
/// temporal adjunct; all its asserted stems when no negation word is found.
pub fn denied_stems(words: &[String]) -> HashSet<String> {
    match negation_end(words) {
        Some(start) => asserted_stems(&words[start..words.len().min(start + DENIAL_SCOPE_WORDS)]),
        None => asserted_stems(words),
    }
}

/// Content words a denial names, at most this many.
const DENIED_KEY_WORDS: usize = 4;

/// The stems of the first content words a negated statement denies, past the small words
/// and the days ("denied on Monday evening that it had ordered any vaccine" denies "ordered
/// vaccine"): what an assertion of the same fact must say. Empty when no negation is found.
pub fn denied_key_stems(words: &[String]) -> HashSet<String> {
    let Some(start) = negation_end(words) else {
        return HashSet::new();
    };
    words[start..]
        .iter()
        .take_while(|w| !TEMPORAL_ADJUNCTS.contains(&w.as_str()))
        .filter(|w| {
            !STOPWORDS.contains(&w.as_str())
                && !is_day_word(w)
                && !matches!(
                    w.as_str(),
                    "morning" | "afternoon" | "evening" | "night" | "any"
                )
                && w.chars().any(char::is_alphabetic)
        })
        .take(DENIED_KEY_WORDS)
        .map(|w| stem_or_synonym(w))
        .collect()
}

/// Features of a claim taken whole, not split into its facts ([`facts_of_claim`] is what
/// alignment uses); the tests judge single facts with it.
#[cfg(test)]
pub(crate) fn of_claim(claim: &Claim) -> Features {
    claim_features(claim, figures(claim))
}

/// The features of a claim whose figures have been read.
fn claim_features(claim: &Claim, figures: Figures) -> Features {
    let words = words(&claim.text);
    let told = words_of_fact(fact_of(claim));
    let Figures {
        numbers,
        contexts,
        bounds,
        earlier,
        own,
        between_periods,
        written: _,
    } = figures;
    let gives_earlier = !earlier.is_empty();
    Features {
        stems: stems_of(&told),
        scopes: groups_named(&words, !numbers.is_empty(), scope_words()),
        outcomes: groups_named(&words, !numbers.is_empty(), outcome_groups()),
        clock: clock_times(&claim.text),
        published: None,
        times: claim.times.iter().map(When::of).collect(),
        increment: !numbers.is_empty() && is_increment(&words),
        running_total: !numbers.is_empty() && is_running_total(&words),
        earlier_moment: tells_earlier_moment(&words),
        places: BTreeSet::new(),
        headline: false,
        split: false,
        words,
        entities: claim.entities.iter().map(|e| e.to_lowercase()).collect(),
        numbers,
        number_contexts: contexts,
        bounds,
        earlier,
        own,
        speaker: claim
            .source
            .as_ref()
            .filter(|s| !s.anonymous)
            .map(|s| s.name.clone()),
        is_quote: false,
        polarity: claim.polarity,
        // A figure given as the earlier state ("from an earlier 1.8 million") marks the
        // statement as an update as much as "revised" does.
        revision: (claim.revision_marker || gives_earlier) && !between_periods,
        original: claim.original_marker,
    }
}

/// The facts of one claim as alignment compares them: the claim itself, or, where it gives
/// figures of two or more kinds ("the evacuation of about 1,200 residents from a zone 1.5
/// kilometres around the site"), one fact per kind, each with only its own figures and without
/// the words of the others', so that each finds the reports that give the same kind of figure
/// (a later "3,400 residents, up from 1,200" and a later "a zone of 3km") on its own. Spans of
/// time and bare figures are no kind of their own: they stay with every fact.
pub fn facts_of_claim(claim: &Claim) -> Vec<Features> {
    let figures = figures(claim);
    let written = figures.written.clone();
    let whole = claim_features(claim, figures);
    let numbers = &whole.numbers;
    // Spans of time, and a bare figure given as the earlier state of a change ("3,400
    // residents, up from 1,200"), belong to every fact.
    let shared = |k: usize| {
        let (value, unit) = &numbers[k];
        TIME_UNITS.contains(&unit.as_str())
            || (unit.is_empty() && whole.earlier.iter().any(|e| (e - value).abs() < 1e-9))
    };
    let mut kinds: Vec<&str> = Vec::new();
    for (k, (_, unit)) in numbers.iter().enumerate() {
        if !shared(k) && !kinds.iter().any(|kind| same_unit(kind, unit)) {
            kinds.push(unit);
        }
    }
    if kinds.len() < 2 {
        return vec![whole];
    }
    let stems_of_figure = |k: usize| stems_of(&words(&written[k]));
    kinds
        .iter()
        .map(|kind| {
            let mine = |k: &usize| shared(*k) || same_unit(kind, &numbers[*k].1);
            let keep: HashSet<String> = (0..numbers.len())
                .filter(mine)
                .flat_map(stems_of_figure)
                .collect();
            let drop: HashSet<String> = (0..numbers.len())
                .filter(|k| !mine(k))
                .flat_map(stems_of_figure)
                .filter(|stem| !keep.contains(stem))
                .collect();
            let has = |v: &f64| {
                (0..numbers.len())
                    .filter(mine)
                    .any(|k| (numbers[k].0 - v).abs() < 1e-9)
            };
            let mut fact = whole.clone();
            fact.split = true;
            fact.stems.retain(|stem| !drop.contains(stem));
            fact.numbers = (0..numbers.len())
                .filter(mine)
                .map(|k| numbers[k].clone())
                .collect();
            fact.number_contexts = (0..numbers.len())
                .filter(mine)
                .map(|k| whole.number_contexts[k].clone())
                .collect();
            fact.bounds.retain(|(v, _)| has(v));
            fact.earlier.retain(has);
            fact.own.retain(has);
            // An update marked only by another kind's earlier figure is not this fact's.
            if !whole.earlier.is_empty() && fact.earlier.is_empty() && !claim.revision_marker {
                fact.revision = false;
            }
            fact
        })
        .collect()
}

/// Whether a quote's second sentence says what its first denied: "This is not a trade
/// measure. It is a security measure."
fn is_correction(text: &str) -> bool {
    let first = first_sentence(text);
    let rest = text[first.len()..].trim_start_matches(['.', '?', '!', ' ']);
    let opens = |prefix: &str| {
        rest.get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    let second = first_sentence(rest);
    [
        "it is ",
        "it's ",
        "it\u{2019}s ",
        "this is ",
        "that is ",
        "they are ",
        "we are ",
    ]
    .iter()
    .any(|prefix| opens(prefix))
        && Polarity::of_clause(second) == Polarity::Positive
}

/// The first sentence of a text.
fn first_sentence(text: &str) -> &str {
    [". ", "? ", "! "]
        .iter()
        .filter_map(|end| text.find(end))
        .min()
        .map_or(text, |i| &text[..i])
}

/// Features of a quote.
pub fn of_quote(quote: &Quote) -> Features {
    let words = words(&quote.text);
    Features {
        stems: stems_of(&words),
        words,
        entities: HashSet::new(),
        numbers: Vec::new(),
        number_contexts: Vec::new(),
        bounds: Vec::new(),
        earlier: Vec::new(),
        own: Vec::new(),
        speaker: (!quote.speaker.anonymous).then(|| quote.speaker.name.clone()),
        is_quote: true,
        // The side a quote takes is that of its first sentence ("We have not paid. ..."
        // denies), unless the next one says what it is instead ("This is not a trade
        // measure. It is a security measure." asserts).
        polarity: match Polarity::of_clause(first_sentence(&quote.text)) {
            Polarity::Negative if is_correction(&quote.text) => Polarity::Positive,
            side => side,
        },
        revision: false,
        original: false,
        scopes: BTreeSet::new(),
        outcomes: BTreeSet::new(),
        clock: Vec::new(),
        published: None,
        times: Vec::new(),
        increment: false,
        running_total: false,
        earlier_moment: false,
        places: BTreeSet::new(),
        headline: false,
        split: false,
    }
}

#[cfg(test)]
mod tests {
    use super::When;

    fn words(text: &str) -> When {
        When::Words(text.to_string())
    }

    #[test]
    fn the_whole_a_part_is_taken_from_is_told() {
        assert!(super::is_whole_of_part("four of marlbeck\u{2019}s"));
        assert!(super::is_whole_of_part("closing 4 of its"));
        assert!(super::is_whole_of_part("nine of"));
        assert!(!super::is_whole_of_part("a deficit of"));
        assert!(!super::is_whole_of_part("the cost of the"));
    }

    #[test]
    fn an_earlier_figure_is_named_with_or_without_its_noun() {
        assert!(super::names_earlier("the toll rose to 41, up from"));
        assert!(super::names_earlier(
            "now says 4.1 million, up from its earlier figure of"
        ));
        assert!(super::names_earlier(
            "raised its estimate to 14 million, from an initial estimate of"
        ));
        assert!(!super::names_earlier("flights from the capital carried"));
        assert!(!super::names_earlier(
            "from the start of the year it had cut"
        ));
    }

    #[test]
    fn a_clock_time_is_one_word_not_two_figures() {
        assert_eq!(super::words("at 9:12 a.m."), ["at", "9:12", "a", "m"]);
        assert_eq!(
            super::words("took in 12 patients"),
            ["took", "in", "12", "patients"]
        );
    }

    #[test]
    fn scales_belong_to_their_figure() {
        assert_eq!(
            super::words("$40m"),
            super::words("40 million dollars")[..1]
        );
        assert_eq!(super::words("40 million")[0], "40000000");
        assert_eq!(super::words("4.5bn")[0], "4500000000");
        assert_eq!(super::words("40 aftershocks"), ["40", "aftershocks"]);
    }

    #[test]
    fn appositions_and_the_attribution_frame_are_not_the_fact() {
        assert_eq!(
            super::words_of_fact("Orrinvale, the largest insurer in the region, was hacked"),
            super::words("Orrinvale was hacked")
        );
        // A list between commas is no apposition.
        assert_eq!(
            super::words_of_fact("Names, addresses, the claims history, and more were taken"),
            super::words("Names addresses the claims history and more were taken"),
        );
        let claim = dossier_model::Claim {
            id: "d-c1".into(),
            doc: "d".into(),
            start: 0,
            end: 0,
            text: "Orrinvale said on Monday that hackers broke into its systems".into(),
            source: Some(dossier_model::Speaker::named("Orrinvale")),
            via: Vec::new(),
            polarity: dossier_model::Polarity::Positive,
            times: Vec::new(),
            quantities: Vec::new(),
            entities: Vec::new(),
            revision_marker: false,
            original_marker: false,
        };
        assert_eq!(super::fact_of(&claim), "hackers broke into its systems");
        let said = |text: &str| dossier_model::Claim {
            text: text.into(),
            ..claim.clone()
        };
        // no "that": the words after the reporting verb
        assert_eq!(
            super::fact_of(&said(
                "Oskar Tellen, head of the rescue service, said the men were tired and hungry after a night underground"
            )),
            "the men were tired and hungry after a night underground"
        );
        // the attribution after the fact
        assert_eq!(
            super::fact_of(&said(
                "The explosion happened before 4 a.m., according to the fire service"
            )),
            "The explosion happened before 4 a.m."
        );
        assert_eq!(
            super::fact_of(&said(
                "The ward was full on Monday night, a hospital spokeswoman said"
            )),
            "The ward was full on Monday night"
        );
        let unattributed = dossier_model::Claim {
            source: None,
            ..claim.clone()
        };
        assert_eq!(super::fact_of(&unattributed), unattributed.text);
        // "11 people" and "17 residents" are two head counts of one thing
        let counted = |text: &str, value: f64, unit: &str| {
            let start = text.find(&value.to_string()).unwrap_or(0);
            super::of_claim(&dossier_model::Claim {
                text: text.into(),
                end: text.len(),
                quantities: vec![dossier_model::Quantity {
                    span: dossier_model::Span::new(start, start + 2),
                    value,
                    unit: unit.into(),
                    qualifier: None,
                }],
                ..unattributed.clone()
            })
        };
        let people = counted("11 people were unaccounted for", 11.0, "people");
        let residents = counted("17 residents were unaccounted for", 17.0, "residents");
        assert!(super::differing_figure(&people, &residents));
    }

    #[test]
    fn a_span_of_time_counted_forward_is_no_figure() {
        assert!(super::counts_forward("the hatching could begin in about"));
        assert!(super::counts_forward("due to reopen in"));
        assert!(!super::counts_forward("the strike lasted"));
    }

    #[test]
    fn a_clause_of_an_earlier_moment_is_told_apart() {
        let told = |text: &str| super::tells_earlier_moment(&super::words(text));
        assert!(told("but no buildings were evacuated then"));
        assert!(told("no one was hurt at the time"));
        assert!(!told("the road has been closed since then"));
        assert!(!told("no buildings were evacuated"));
    }

    #[test]
    fn a_closed_compound_counts_what_its_head_counts() {
        use super::same_unit;
        assert!(same_unit("dockworker", "worker"));
        assert!(same_unit("worker", "dockworker"));
        assert!(!same_unit("women", "men"));
        assert!(!same_unit("worker", "walker"));
        assert!(same_unit("", ""));
    }

    #[test]
    fn a_figure_is_one_word() {
        assert_eq!(
            super::words("About 46,000 boxes, a 2.1-million total; well-known"),
            [
                "about", "46000", "boxes", "a", "2100000", "total", "well", "known"
            ]
        );
    }

    #[test]
    fn unresolved_times_meet_when_they_name_the_same_day() {
        assert!(words("monday night").meets(&words("monday")));
        assert!(words("tuesday morning").meets(&words("tuesday")));
        assert!(!words("monday night").meets(&words("tuesday morning")));
        assert!(!words("august 2025").meets(&words("august 2026")));
        // nothing that names a day: only the same words meet
        assert!(words("the weekend").meets(&words("the weekend")));
        assert!(!words("the weekend").meets(&words("last week")));
    }
}
