/// A stable 64-bit FNV-1a hash of the parts, as 16 hex digits. Parts are separated so that
/// `["ab", "c"]` and `["a", "bc"]` differ. Stable across runs, platforms and versions.
pub fn stable_id(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0xff)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}
