//! MinHash signatures over word shingles, to estimate Jaccard similarity cheaply.

/// Number of hash functions in a signature.
pub const SIGNATURE_LEN: usize = 64;

fn mix(mut x: u64) -> u64 {
    // splitmix64 finaliser: a fast, well-distributed 64-bit mix.
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn hash_words(words: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in words {
        for b in w.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h ^= 0x20;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The normalised words of a text: lowercase alphanumeric runs.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A text's MinHash signature and how many distinct shingles it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    mins: [u64; SIGNATURE_LEN],
    shingles: usize,
}

/// The MinHash signature of a text's `k`-word shingles; `None` for texts too short to judge.
pub fn signature(text: &str, k: usize) -> Option<Signature> {
    let words = words(text);
    if words.len() < k.max(1) * 3 {
        return None;
    }
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let mut mins = [u64::MAX; SIGNATURE_LEN];
    let mut seen = std::collections::HashSet::new();
    for shingle in refs.windows(k.max(1)) {
        let base = hash_words(shingle);
        if !seen.insert(base) {
            continue;
        }
        for (i, slot) in mins.iter_mut().enumerate() {
            let h = mix(base ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            if h < *slot {
                *slot = h;
            }
        }
    }
    Some(Signature {
        mins,
        shingles: seen.len(),
    })
}

/// Estimated Jaccard similarity of two signatures.
fn similarity(a: &Signature, b: &Signature) -> f64 {
    let same = a.mins.iter().zip(&b.mins).filter(|(x, y)| x == y).count();
    same as f64 / SIGNATURE_LEN as f64
}

/// Estimated share of the shorter text's shingles that the other holds: near 1 for a copy
/// cut short, given a new first paragraph or an added line, where the Jaccard similarity of
/// the two falls with every paragraph one of them has alone.
pub fn containment(a: &Signature, b: &Signature) -> f64 {
    let j = similarity(a, b);
    let (x, y) = (a.shingles as f64, b.shingles as f64);
    let shared = j * (x + y) / (1.0 + j);
    (shared / x.min(y).max(1.0)).min(1.0)
}
