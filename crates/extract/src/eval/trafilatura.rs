//! The metric of trafilatura's evaluation (`tests/eval_common.py`): each snippet the text must
//! hold is a true positive when found and a false negative when not; each snippet it must not
//! hold is a false positive when found and a true negative when not; whitespace is collapsed on
//! both sides; counts are summed over pages.

/// Confusion counts, summed over pages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// "with" snippets found.
    pub true_positive: usize,
    /// "without" snippets found.
    pub false_positive: usize,
    /// "with" snippets missed.
    pub false_negative: usize,
    /// "without" snippets left out.
    pub true_negative: usize,
}

impl Counts {
    /// Adds one page.
    pub fn add(&mut self, text: &str, with: &[String], without: &[String]) {
        let text = collapse(text);
        let found = |snippet: &String| text.contains(&collapse(snippet));
        let with_found = with.iter().filter(|s| found(s)).count();
        let without_found = without.iter().filter(|s| found(s)).count();
        self.true_positive += with_found;
        self.false_negative += with.len() - with_found;
        self.false_positive += without_found;
        self.true_negative += without.len() - without_found;
    }

    /// Micro-averaged precision.
    pub fn precision(&self) -> f64 {
        share(self.true_positive, self.true_positive + self.false_positive)
    }

    /// Micro-averaged recall.
    pub fn recall(&self) -> f64 {
        share(self.true_positive, self.true_positive + self.false_negative)
    }

    /// Micro-averaged F1.
    pub fn f1(&self) -> f64 {
        share(
            2 * self.true_positive,
            2 * self.true_positive + self.false_positive + self.false_negative,
        )
    }
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Whitespace runs to one space, trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_are_matched_with_whitespace_collapsed() {
        let mut counts = Counts::default();
        let with = vec!["two  three".to_string(), "nine".to_string()];
        let without = vec!["one".to_string()];
        counts.add("one\ntwo three", &with, &without);
        assert_eq!(
            counts,
            Counts {
                true_positive: 1,
                false_positive: 1,
                false_negative: 1,
                true_negative: 0
            }
        );
        assert!((counts.f1() - 0.5).abs() < 1e-12);
    }
}
