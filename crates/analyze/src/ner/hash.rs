//! Fast, stable 64-bit hashing of words and feature keys. Stable across runs and platforms, so
//! the weights saved by training find their features again at load.

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Folds a value into a running hash.
#[inline]
pub(crate) fn mix(hash: u64, value: u64) -> u64 {
    (hash.rotate_left(5) ^ value).wrapping_mul(K)
}

/// A final avalanche so that every bit of a key depends on every input bit.
#[inline]
pub(crate) fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h | 1
}

/// The key of a feature: its template and its value, hashed.
#[inline]
pub(crate) fn key(template: u64, value: u64) -> u64 {
    finish(mix(template, value))
}

/// The key of a feature with two values.
#[inline]
pub(crate) fn key2(template: u64, a: u64, b: u64) -> u64 {
    finish(mix(mix(template, a), b))
}

/// A character's class in a word shape: X upper, x lower, d digit, else itself.
pub(crate) fn shape_char(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// Hash of a sequence of characters.
#[inline]
pub(crate) fn chars(chars: impl Iterator<Item = char>) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325;
    for c in chars {
        h = mix(h, c as u64);
    }
    h
}

/// Hash of a word as written.
#[inline]
pub(crate) fn word(text: &str) -> u64 {
    chars(text.chars())
}

/// Hash of a word lowercased.
#[inline]
pub(crate) fn lower(text: &str) -> u64 {
    if text.is_ascii() {
        chars(text.bytes().map(|b| b.to_ascii_lowercase() as char))
    } else {
        chars(text.chars().flat_map(char::to_lowercase))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_matches_lowercased_word() {
        assert_eq!(lower("Zürich"), word("zürich"));
        assert_eq!(lower("NATO"), word("nato"));
        assert_ne!(word("NATO"), word("nato"));
    }
}

/// For maps whose keys are hashes already: the key is its own hash. Shared by the NER and
/// attribution models.
#[derive(Default, Clone, Copy)]
pub(crate) struct BuildIdentity;

impl std::hash::BuildHasher for BuildIdentity {
    type Hasher = IdentityHasher;
    fn build_hasher(&self) -> IdentityHasher {
        IdentityHasher(0)
    }
}

/// Passes a `u64` key through.
#[derive(Default)]
pub(crate) struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, u64::from(b));
        }
    }
    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}
