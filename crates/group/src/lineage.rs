//! Near-duplicate copies: a wire story reprinted with small edits, another headline or an
//! appended line is grouped under its original, so it is never counted as a second source.

use crate::GroupConfig;
use crate::minhash;

/// For each document, the index of its original (itself when it is no copy).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lineage {
    originals: Vec<usize>,
}

impl Lineage {
    /// The original of document `i`.
    pub fn original_of(&self, i: usize) -> usize {
        self.originals.get(i).copied().unwrap_or(i)
    }

    /// Pairs (copy, original) for every copy.
    pub fn copies(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.originals
            .iter()
            .enumerate()
            .filter(|(i, o)| i != *o)
            .map(|(i, o)| (i, *o))
    }
}

/// Finds copies; the earliest document in input order is the original.
pub fn find(texts: &[String], config: &GroupConfig) -> Lineage {
    let signatures: Vec<_> = texts
        .iter()
        .map(|t| minhash::signature(t, config.shingle_words))
        .collect();
    let mut originals: Vec<usize> = (0..texts.len()).collect();
    for i in 0..texts.len() {
        let Some(a) = &signatures[i] else { continue };
        for j in 0..i {
            if originals[j] != j {
                continue;
            }
            let Some(b) = &signatures[j] else { continue };
            if minhash::containment(a, b) >= config.copy_threshold {
                originals[i] = j;
                break;
            }
        }
    }
    Lineage { originals }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprint_with_small_edits_is_a_copy() {
        let original = "The council voted on Tuesday to close the old bridge over the river after engineers found deep cracks in two of its supports, the mayor said in a statement to residents.";
        let copy =
            format!("{original} Read more: city news.").replace("Tuesday", "Tuesday evening");
        let other = "A new bakery opened on the main square, drawing long queues of customers who waited in the rain for bread and pastries on its first morning.";
        let lineage = find(
            &[original.to_string(), copy, other.to_string()],
            &GroupConfig::default(),
        );
        assert_eq!(lineage.copies().collect::<Vec<_>>(), [(1, 0)]);
    }

    const PARAGRAPHS: [&str; 6] = [
        "The council voted on Tuesday to close the old bridge over the river after engineers found deep cracks in two of its supports.",
        "Traffic will be sent over the ring road from Thursday, adding about twenty minutes to the trip between the two halves of the town.",
        "The bridge, built in 1911, carries about 14,000 vehicles a day and was last repaired in the spring of 2009.",
        "Engineers said the cracks had grown by a third since the last inspection in March and could not be repaired in place.",
        "Shop owners on the east bank said they feared losing customers for months while a temporary crossing is planned.",
        "The mayor said a temporary crossing for pedestrians and cyclists could open within six weeks if the funds are approved.",
    ];

    #[test]
    fn a_reprint_with_a_new_lede_and_a_paragraph_cut_and_added_is_a_copy() {
        let original = PARAGRAPHS.join("\n");
        let reprint = [
            "Drivers face long detours after a town shut its only road bridge.",
            PARAGRAPHS[0],
            PARAGRAPHS[1],
            PARAGRAPHS[2],
            PARAGRAPHS[4],
            PARAGRAPHS[5],
            "Bus companies said their timetables would change from next week.",
        ]
        .join("\n");
        let lineage = find(&[original, reprint], &GroupConfig::default());
        assert_eq!(lineage.copies().collect::<Vec<_>>(), [(1, 0)]);
    }

    #[test]
    fn two_reports_that_quote_one_statement_are_no_copies() {
        let statement = "\"The bridge is no longer safe for cars, and we will not take any risk with the lives of the people who use it every day,\" the mayor said.";
        let first = format!(
            "{} Crews closed the crossing with concrete blocks at dawn. {statement}",
            PARAGRAPHS[0]
        );
        let second = format!(
            "Residents woke up to a town cut in two on Wednesday. {statement} Shops on the east bank reported a quiet morning and fewer customers than usual."
        );
        let lineage = find(&[first, second], &GroupConfig::default());
        assert_eq!(lineage.copies().count(), 0);
    }
}
