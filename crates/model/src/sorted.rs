//! Sorted lists of unique keys, as the grouping and the alignment keep names, stems and
//! spans of letters: what two of them share is one merge.

/// How many keys two sorted lists of unique keys share.
pub fn shared_sorted<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_the_keys_both_lists_hold() {
        assert_eq!(shared_sorted(&[1, 3, 5, 7], &[2, 3, 7, 9]), 2);
        assert_eq!(shared_sorted::<u32>(&[], &[1, 2]), 0);
        assert_eq!(shared_sorted(&[4, 8], &[4, 8]), 2);
    }
}
