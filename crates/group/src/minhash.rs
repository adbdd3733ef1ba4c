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

/// The MinHash signature of a text's `k`-word shingles; `None` for texts too short to judge.
pub fn signature(text: &str, k: usize) -> Option<[u64; SIGNATURE_LEN]> {
    let words = words(text);
    if words.len() < k.max(1) * 3 {
        return None;
    }
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let mut signature = [u64::MAX; SIGNATURE_LEN];
    for shingle in refs.windows(k.max(1)) {
        let base = hash_words(shingle);
        for (i, slot) in signature.iter_mut().enumerate() {
            let h = mix(base ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            if h < *slot {
                *slot = h;
            }
        }
    }
    Some(signature)
}

/// Estimated Jaccard similarity of two signatures.
pub fn similarity(a: &[u64; SIGNATURE_LEN], b: &[u64; SIGNATURE_LEN]) -> f64 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / SIGNATURE_LEN as f64
}
