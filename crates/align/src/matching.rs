//! Pairwise similarity of statements and their grouping: the most similar pairs first, each
//! group holding at most one statement per document.

use std::collections::{BTreeSet, HashMap, HashSet};

use dossier_model::Polarity;

use crate::features::{Features, same_unit};
use crate::gate::{self, Inputs};
use crate::verdict::FAR_APART;

/// The story's stems as dense ids with their weights (inverse document frequency over the
/// story's statements), and each statement's stems as a sorted id list: pairwise scoring is
/// then a merge of two short integer lists.
pub struct Prepared {
    weight: Vec<f64>,
    is_figure: Vec<bool>,
    is_year: Vec<bool>,
    is_synonym: Vec<bool>,
    ids: Vec<Vec<u32>>,
    totals: Vec<f64>,
    /// Each statement's four-letter spans of its words written out (see [`letter_grams`]),
    /// hashed, sorted and unique.
    grams: Vec<Vec<u32>>,
    /// What each denial denies (see [`denial_meets_assertion`]); empty for the others.
    denied: Vec<HashSet<String>>,
}

impl Prepared {
    /// Prepares the statements of one story. `statement` gives each item the statement it
    /// is a fact of: a stem counts once per statement, however many of its facts hold it.
    pub fn new(items: &[Features], statement: &[usize]) -> Self {
        let mut index: HashMap<&str, u32> = HashMap::new();
        let mut df: Vec<usize> = Vec::new();
        let mut names: Vec<&str> = Vec::new();
        let mut ids = Vec::with_capacity(items.len());
        let mut counted: HashSet<(usize, u32)> = Default::default();
        for (k, item) in items.iter().enumerate() {
            let mut mine: Vec<u32> = item
                .stems
                .iter()
                .map(|s| {
                    *index.entry(s.as_str()).or_insert_with(|| {
                        names.push(s.as_str());
                        df.push(0);
                        (names.len() - 1) as u32
                    })
                })
                .collect();
            mine.sort_unstable();
            for &id in &mine {
                if counted.insert((statement[k], id)) {
                    df[id as usize] += 1;
                }
            }
            ids.push(mine);
        }
        let n = statement.iter().collect::<HashSet<_>>().len() as f64;
        let is_figure: Vec<bool> = names.iter().map(|s| is_figure(s)).collect();
        // A figure both statements give ("1,100") says more than a shared word does: it
        // weighs half as much again as its rarity alone.
        let weight: Vec<f64> = df
            .iter()
            .zip(&is_figure)
            .map(|(&d, &figure)| {
                let w = ((1.0 + n) / (1.0 + d as f64)).ln() + 1.0;
                if figure { 1.5 * w } else { w }
            })
            .collect();
        let totals = ids
            .iter()
            .map(|list: &Vec<u32>| list.iter().map(|&id| weight[id as usize]).sum())
            .collect();
        let grams = items.iter().map(|item| letter_grams(&item.words)).collect();
        let denied = items
            .iter()
            .map(|item| {
                if item.polarity == Polarity::Negative && !item.is_quote && !item.headline {
                    crate::features::denied_key_stems(&item.words)
                } else {
                    HashSet::new()
                }
            })
            .collect();
        Prepared {
            grams,
            denied,
            is_figure,
            is_year: names.iter().map(|s| is_year(s)).collect(),
            is_synonym: names.iter().map(|s| s.starts_with('~')).collect(),
            weight,
            ids,
            totals,
        }
    }
}

/// How many letters of each word the spans read: a word's ending varies more than its stem
/// between two ways of telling one fact.
const GRAM_WORD_LETTERS: usize = 6;

/// The four-letter spans of a statement's words, each cut to its first
/// [`GRAM_WORD_LETTERS`], written out with spaces between (so a span also holds where one
/// word meets the next), hashed (FNV-1a), as sorted unique keys. Unlike the stems they keep
/// the small words and the order: "was set up by", "the 22 km stretch".
fn letter_grams(words: &[String]) -> Vec<u32> {
    let mut letters: Vec<char> = Vec::new();
    for word in words {
        if !letters.is_empty() {
            letters.push(' ');
        }
        letters.extend(word.chars().take(GRAM_WORD_LETTERS));
    }
    let mut grams: Vec<u32> = letters
        .windows(4)
        .map(|window| {
            window.iter().fold(0x811c_9dc5u32, |hash, &c| {
                (hash ^ u32::from(c)).wrapping_mul(0x0100_0193)
            })
        })
        .collect();
    grams.sort_unstable();
    grams.dedup();
    grams
}

/// A figure of two digits or more, with its decimal point ("1100", "2.1"), but not a year: a
/// year lets two statements pair on it alone ("operated since 1987" / "opened in 1987"), but
/// weighs as a word, since "since 2023" is said of many things in one story.
fn is_figure(stem: &str) -> bool {
    !is_year(stem)
        && stem.chars().filter(char::is_ascii_digit).count() >= 2
        && stem.chars().all(|c| c.is_ascii_digit() || c == '.')
}

fn is_year(stem: &str) -> bool {
    stem.len() == 4
        && stem
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y))
}

fn contains_words(long: &[String], short: &[String]) -> bool {
    short.len() >= 2 && long.len() >= short.len() && long.windows(short.len()).any(|w| w == short)
}

/// How alike statements `i` and `j` are, in [0, 1].
///
/// `gate` is the least probability of one fact ([`crate::gate`]) a pair needs to be scored at
/// all (0 lets every pair through); a pair that shares synonyms is not gated, since the model
/// does not read them. Also gives what the gate read of the pair, when it read it.
pub fn scored(
    items: &[Features],
    prepared: &Prepared,
    i: usize,
    j: usize,
    gate: f64,
) -> (f64, Option<Inputs>) {
    let (a, b) = (&items[i], &items[j]);
    // The same quoted words, whatever the punctuation, or one quote inside the other.
    if a.is_quote || b.is_quote {
        if a.words == b.words && !a.words.is_empty() {
            return (1.0, None);
        }
        let (long, short) = if a.words.len() >= b.words.len() {
            (a, b)
        } else {
            (b, a)
        };
        if short.is_quote && contains_words(&long.words, &short.words) {
            let same_speaker = match (&a.speaker, &b.speaker) {
                (Some(x), Some(y)) => x == y,
                _ => true,
            };
            if same_speaker {
                return (0.9, None);
            }
        }
    }
    // Shared stems: a merge of two sorted id lists.
    let (x, y) = (&prepared.ids[i], &prepared.ids[j]);
    let (mut p, mut q) = (0, 0);
    let (mut count, mut w_shared, mut shared_figure, mut shared_synonyms) = (0, 0.0, false, 0);
    let mut shared_year = false;
    while p < x.len() && q < y.len() {
        match x[p].cmp(&y[q]) {
            std::cmp::Ordering::Less => p += 1,
            std::cmp::Ordering::Greater => q += 1,
            std::cmp::Ordering::Equal => {
                let id = x[p] as usize;
                count += 1;
                w_shared += prepared.weight[id];
                shared_figure |= prepared.is_figure[id];
                shared_year |= prepared.is_year[id];
                shared_synonyms += usize::from(prepared.is_synonym[id]);
                p += 1;
                q += 1;
            }
        }
    }
    let rival = rival_figures(a, b);
    // A figure or a year both give ("1,100", "1987") is evidence enough to compare them.
    if count < 2 && !shared_figure && !shared_year && !rival {
        return (0.0, None);
    }
    let (w_a, w_b) = (prepared.totals[i], prepared.totals[j]);
    let jaccard = w_shared / (w_a + w_b - w_shared).max(f64::MIN_POSITIVE);
    // A headline's few words fit inside many a sentence: against a headline, only the share
    // of both statements' words counts, not how much of the shorter one the other holds.
    let overlap = if a.headline || b.headline {
        jaccard
    } else {
        w_shared / w_a.min(w_b).max(f64::MIN_POSITIVE)
    };
    let shared_entity = a.entities.intersection(&b.entities).next().is_some();
    let same_number = a
        .numbers
        .iter()
        .any(|(v, _)| *v >= 10.0 && b.numbers.iter().any(|(w, _)| (v - w).abs() < 1e-9));
    let flag = |c: bool| if c { 1.0 } else { 0.0 };
    let (shorter, longer) = (
        a.stems.len().min(b.stems.len()) as f64,
        a.stems.len().max(b.stems.len()) as f64,
    );
    let (grams_a, grams_b) = (&prepared.grams[i], &prepared.grams[j]);
    let shared_grams = dossier_model::shared_sorted(grams_a, grams_b) as f64;
    let (len_a, len_b) = (grams_a.len().max(1) as f64, grams_b.len().max(1) as f64);
    let gram_cosine = shared_grams / (len_a * len_b).sqrt();
    let gram_overlap = shared_grams / len_a.min(len_b);
    let inputs: Inputs = [
        jaccard,
        overlap,
        (1.0 + count as f64).ln(),
        w_shared / 10.0,
        flag(shared_figure),
        flag(shared_year),
        flag(same_number),
        flag(a.is_quote || b.is_quote),
        flag(a.is_quote && b.is_quote),
        flag(a.headline || b.headline),
        flag(a.split || b.split),
        flag(a.polarity != b.polarity),
        flag(a.speaker.is_some() && a.speaker == b.speaker),
        (1.0 + shorter).ln(),
        (1.0 + longer).ln(),
        flag(!a.numbers.is_empty() && !b.numbers.is_empty()),
        flag(shared_entity),
        gram_cosine,
        gram_overlap,
    ];
    let denial = denial_meets_assertion(a, &prepared.denied[i], b)
        || denial_meets_assertion(b, &prepared.denied[j], a);
    if gate > 0.0 && shared_synonyms == 0 && !denial && !rival && gate::probability(&inputs) < gate
    {
        return (0.0, Some(inputs));
    }
    let mut score = 0.5 * jaccard + 0.5 * overlap;
    if shared_entity {
        score += 0.05;
    }
    // "Shares rose a further 2 percent": a new step, not the earlier figure told again.
    if crate::features::differing_figure(a, b) && (a.increment || b.increment) {
        return (0.0, Some(inputs));
    }
    // Told of different days ("on Tuesday" / "on Wednesday"): likely two events.
    if crate::features::times_apart(a, b) {
        score *= 0.7;
    }
    if same_number || shared_figure {
        score += 0.15;
    }
    // One says what the other negates, in the same or synonymous words ("accepted a deal" /
    // "stopped short of declaring it agreed to the framework"): worth putting side by side.
    let opposed = (a.polarity == Polarity::Negative) != (b.polarity == Polarity::Negative);
    if opposed && shared_synonyms >= 2 {
        score += 0.15;
    }
    if denial {
        score = score.max(DENIAL_LINK);
    }
    if rival {
        score = score.max(RIVAL_LINK);
    }
    (score.min(1.0), Some(inputs))
}

/// Whether the words beside two figures of `unit` say they count the same thing: the
/// fewer words, less the unit's own, all stand among the other's ("had been on board" /
/// "were on board"; not "were taken to hospital" / "remained in hospital").
fn same_frame(a: &BTreeSet<String>, b: &BTreeSet<String>, unit: &str) -> bool {
    let words = |set: &BTreeSet<String>| -> Vec<String> {
        set.iter()
            .filter(|s| !same_unit(s, unit))
            .cloned()
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let (few, more) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    !few.is_empty() && few.iter().all(|s| more.contains(s))
}

/// The similarity two sources' rival figures are given at least (see [`rival_figures`]).
const RIVAL_LINK: f64 = 0.4;

/// Whether two named sources give their own figures for one count: stated claims ("the
/// River Guard said at least 120 people had been on board"; "the operator said 74 passengers
/// had been on board"), each with a figure of a unit the other gives a different figure of,
/// written beside a common word other than the unit ("board"), both or neither of the
/// source's own doing ("the airline said it had cancelled 62 flights" counts its share of
/// the "140 flights cancelled"). Such a pair may share little
/// else, so the gate lets it through; the verdict says whether the figures conflict.
pub(crate) fn rival_figures(a: &Features, b: &Features) -> bool {
    let stated = |f: &Features| !f.is_quote && !f.headline && !f.split;
    let (Some(x), Some(y)) = (&a.speaker, &b.speaker) else {
        return false;
    };
    let (x, y) = (x.to_lowercase(), y.to_lowercase());
    let one_source = x.ends_with(&y) || y.ends_with(&x);
    // "when it demanded $2 million" of an attack in 2028, beside this year's demand: a
    // figure one statement ties to a year the other does not name may be of another year
    // (or, with no time expression, an event of one: "its 2028 attack", "the 2019 vote")
    let names_year = |f: &Features| {
        f.times.iter().any(|t| t.names_year())
            || f.words.windows(2).any(|w| {
                matches!(
                    w[0].as_str(),
                    "its" | "the" | "a" | "his" | "her" | "their" | "our"
                ) && w[1].len() == 4
                    && matches!(w[1].parse::<u32>(), Ok(1900..=2100))
            })
    };
    if one_source
        || !stated(a)
        || !stated(b)
        || crate::features::times_apart(a, b)
        || names_year(a) != names_year(b)
    {
        return false;
    }
    // a figure given as the earlier state of a change is no reading of the statement's own
    let current = |f: &Features, v: f64| !f.earlier.iter().any(|e| (e - v).abs() < 1e-9);
    a.numbers
        .iter()
        .zip(&a.number_contexts)
        .any(|((v, unit), mine)| {
            // a distance mostly places things ("2 km downstream", "4 kilometres inside
            // the tunnel"): two of them are rarely two readings of one thing
            !unit.is_empty()
                && unit != "km"
                && current(a, *v)
                && b.numbers
                    .iter()
                    .zip(&b.number_contexts)
                    .any(|((w, other), theirs)| {
                        same_unit(unit, other)
                            && current(b, *w)
                            && a.own.contains(v) == b.own.contains(w)
                            && !dossier_model::same_figure(*v, *w, unit)
                            && v.abs().max(w.abs()) <= FAR_APART * v.abs().min(w.abs())
                            && same_frame(mine, theirs, unit)
                    })
        })
}

/// The similarity a denial and an assertion of what it denies are given at least: enough to
/// set them side by side as a conflict.
const DENIAL_LINK: f64 = 0.45;

/// Whether `denial` denies what `assertion` asserts in the same words: the first content
/// words after the denial's negation (`denied`, from [`crate::features::denied_key_stems`]:
/// "denied that it had ordered any vaccine" gives ordered, vaccine), at least two, all stand
/// in the assertion, or all but one of four ("confirmed that the agency had ordered 50,000
/// doses of vaccine"). The gate, which reads only how much two statements share, lets such a
/// pair through however little else they share.
pub(crate) fn denial_meets_assertion(
    denial: &Features,
    denied: &HashSet<String>,
    assertion: &Features,
) -> bool {
    let stated = |f: &Features| !f.is_quote && !f.headline;
    if denial.polarity != Polarity::Negative
        || assertion.polarity != Polarity::Positive
        || !stated(denial)
        || !stated(assertion)
    {
        return false;
    }
    let shared = denied.intersection(&assertion.stems).count();
    denied.len() >= 2 && shared + usize::from(denied.len() >= 4) >= denied.len()
}

/// An assertion and a denial.
pub(crate) fn opposed(a: Polarity, b: Polarity) -> bool {
    matches!(
        (a, b),
        (Polarity::Positive, Polarity::Negative) | (Polarity::Negative, Polarity::Positive)
    )
}

/// The least average similarity, as a share of the link threshold, between two groups that join.
const COHESION: f64 = 0.6;

/// Groups statements (`scores` holds the similarity of each pair `(i, j)`, `i < j`, that has
/// one): each pair above `threshold`, most similar first, joins their groups when
/// the joined group would still hold at most one statement per document — or several clauses of
/// one sentence, or two sides of a dispute one document reports (`docs` holds each
/// statement's document, `sentences` its sentence key; `disputes(x, y)` says whether two
/// statements take two sides: an assertion and a denial, two sources' figures) — and when the
/// two groups are alike on average, not only through the pair that links them, or when the
/// pair ties one figure to another whatever else the groups say (`ties(i, j)`: an update and
/// the figure it replaces, "24 dead, up from 19" beside "19 dead", which joins the update to
/// the group of the figure it revises; two sources' rival figures for one count, which joins
/// the two readings so that their conflict is seen).
pub fn group(
    docs: &[usize],
    sentences: &[(usize, usize)],
    disputes: &dyn Fn(usize, usize) -> bool,
    scores: &HashMap<(usize, usize), f64>,
    threshold: f64,
    ties: &dyn Fn(usize, usize) -> bool,
) -> Vec<Vec<usize>> {
    let score = |pair: (usize, usize)| scores.get(&pair).copied().unwrap_or(0.0);
    let n = docs.len();
    let mut group_of: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut sorted: Vec<(f64, usize, usize)> = scores
        .iter()
        .filter(|&(_, &s)| s >= threshold)
        .map(|(&(i, j), &s)| (s, i, j))
        .collect();
    sorted.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    for (_, i, j) in sorted {
        let (gi, gj) = (group_of[i], group_of[j]);
        if gi == gj {
            continue;
        }
        // One document may give both sides of a dispute ("it paid, two people said"; "it
        // has not paid, the company said"; "police said 48 were on board; the company says
        // 52"): they may stand in one group, so that the conflict with the other reports is
        // seen.
        let clash = members[gi].iter().any(|&x| {
            members[gj]
                .iter()
                .any(|&y| docs[x] == docs[y] && sentences[x] != sentences[y] && !disputes(x, y))
        });
        if clash {
            continue;
        }
        // Average linkage: the two groups must hold together as a whole, not through one
        // chance pair, or a chain of look-alike sentences would gather different facts.
        let (mut sum, mut pairs) = (0.0, 0usize);
        for &x in &members[gi] {
            for &y in &members[gj] {
                if docs[x] != docs[y] {
                    sum += score((x.min(y), x.max(y)));
                    pairs += 1;
                }
            }
        }
        if pairs > 0 && sum / (pairs as f64) < threshold * COHESION && !ties(i, j) {
            continue;
        }
        let moved = std::mem::take(&mut members[gj]);
        for &m in &moved {
            group_of[m] = gi;
        }
        members[gi].extend(moved);
    }
    let mut groups: Vec<Vec<usize>> = members.into_iter().filter(|m| !m.is_empty()).collect();
    for g in &mut groups {
        g.sort_unstable();
    }
    groups.sort_by_key(|g| g[0]);
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: Polarity = Polarity::Positive;

    fn words(text: &str) -> Vec<String> {
        text.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn letter_spans_meet_across_word_forms_and_keep_word_order() {
        let a = letter_grams(&words("ordered an independent inquiry"));
        let b = letter_grams(&words("independently inquiring into it"));
        let c = letter_grams(&words("inquiry independent"));
        let shared = dossier_model::shared_sorted(&a, &b);
        // "indepe" and "inquir" are read alike in both; "nt in" only where the words meet
        assert!(shared >= 6, "{shared}");
        assert!(dossier_model::shared_sorted(&a, &c) < a.len().min(c.len()));
        assert_eq!(dossier_model::shared_sorted(&a, &a), a.len());
        assert!(letter_grams(&words("a")).is_empty());
    }

    fn pairs(list: &[(f64, usize, usize)]) -> HashMap<(usize, usize), f64> {
        list.iter().map(|&(s, i, j)| ((i, j), s)).collect()
    }
    const N: Polarity = Polarity::Negative;

    #[test]
    fn a_year_is_no_figure_but_still_pairs_two_statements() {
        assert!(is_figure("1100") && is_figure("2.1"));
        assert!(!is_figure("2023") && is_year("2023"));
        assert!(!is_year("1100"));
    }

    #[test]
    fn one_document_gives_both_sides_of_a_dispute() {
        // 0: report A's denial; 1: report B's assertion; 2: report B's own repeat of the denial.
        let docs = [0, 1, 1];
        let sentences = [(0, 0), (1, 3), (1, 7)];
        let scores = pairs(&[(0.5, 0, 2), (0.4, 0, 1)]);
        let sides = [N, P, N];
        let disputes = |x: usize, y: usize| opposed(sides[x], sides[y]);
        let groups = group(&docs, &sentences, &disputes, &scores, 0.28, &|_, _| false);
        assert_eq!(groups, vec![vec![0, 1, 2]]);
        // Two assertions of one document never stand together.
        let sides = [N, P, P];
        let disputes = |x: usize, y: usize| opposed(sides[x], sides[y]);
        let groups = group(&docs, &sentences, &disputes, &scores, 0.28, &|_, _| false);
        assert_eq!(groups, vec![vec![0, 2], vec![1]]);
    }

    #[test]
    fn an_update_joins_the_group_of_the_figure_it_replaces() {
        // 0–1 give the first toll, 2 the one after it; 3 updates 2 ("24, up from 19") and
        // is little like the first two.
        let docs = [0, 1, 2, 3];
        let sentences = [(0, 0), (1, 0), (2, 0), (3, 0)];
        let scores = pairs(&[(0.9, 0, 1), (0.8, 0, 2), (0.8, 1, 2), (0.45, 2, 3)]);
        let groups = group(&docs, &sentences, &|_, _| false, &scores, 0.28, &|_, _| {
            false
        });
        assert_eq!(groups, vec![vec![0, 1, 2], vec![3]]);
        let updates = |i: usize, j: usize| (i.min(j), i.max(j)) == (2, 3);
        let groups = group(&docs, &sentences, &|_, _| false, &scores, 0.28, &updates);
        assert_eq!(groups, vec![vec![0, 1, 2, 3]]);
    }

    #[test]
    fn a_chance_link_does_not_join_unlike_groups() {
        // 0–1 and 2–3 are close pairs; only 1–2 links them, weakly, and nothing else does.
        let docs = [0, 1, 2, 3];
        let sentences = [(0, 0), (1, 0), (2, 0), (3, 0)];
        let scores = pairs(&[(0.9, 0, 1), (0.9, 2, 3), (0.3, 1, 2)]);
        let groups = group(&docs, &sentences, &|_, _| false, &scores, 0.28, &|_, _| {
            false
        });
        assert_eq!(groups, vec![vec![0, 1], vec![2, 3]]);
        // The same link between groups alike throughout joins them.
        let scores = pairs(&[
            (0.9, 0, 1),
            (0.9, 2, 3),
            (0.3, 1, 2),
            (0.3, 0, 2),
            (0.3, 0, 3),
            (0.3, 1, 3),
        ]);
        let groups = group(&docs, &sentences, &|_, _| false, &scores, 0.28, &|_, _| {
            false
        });
        assert_eq!(groups, vec![vec![0, 1, 2, 3]]);
    }
}
