//! Character references (`&amp;`, `&#8212;`, `&eacute`) decoded as the HTML standard decodes
//! them in text, with the standard's table of named references.

use std::borrow::Cow;

use memchr::memchr;

/// The longest name in the table is 32 characters (`&CounterClockwiseContourIntegral;`).
const MAX_NAME: usize = 32;

/// The text with its character references decoded; borrowed when it holds none.
pub(crate) fn decode(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let Some(first) = memchr(b'&', bytes) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    let mut at = first;
    while at < bytes.len() {
        let Some(offset) = memchr(b'&', &bytes[at..]) else {
            out.push_str(&text[at..]);
            break;
        };
        let amp = at + offset;
        out.push_str(&text[at..amp]);
        match reference(text, amp + 1) {
            Some((decoded, end)) => {
                out.push_str(decoded.as_str());
                at = end;
            }
            None => {
                out.push('&');
                at = amp + 1;
            }
        }
    }
    Cow::Owned(out)
}

/// Up to two characters.
struct Decoded {
    buffer: [u8; 8],
    len: usize,
}

impl Decoded {
    fn of(chars: &[char]) -> Self {
        let mut buffer = [0u8; 8];
        let mut len = 0;
        for c in chars {
            len += c.encode_utf8(&mut buffer[len..]).len();
        }
        Decoded { buffer, len }
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buffer[..self.len]).unwrap_or("\u{fffd}")
    }
}

/// The reference starting after an `&` at `from`, and the index after it.
fn reference(text: &str, from: usize) -> Option<(Decoded, usize)> {
    let bytes = text.as_bytes();
    if bytes.get(from) == Some(&b'#') {
        return numeric(bytes, from + 1);
    }
    let run = bytes[from..]
        .iter()
        .take(MAX_NAME)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if run == 0 {
        return None;
    }
    let name = &text[from..from + run];
    if bytes.get(from + run) == Some(&b';') {
        let with_semicolon = &text[from..from + run + 1];
        if let Some((first, second)) = lookup(with_semicolon) {
            return Some((chars(first, second), from + run + 1));
        }
    }
    // A few legacy names are recognised without their semicolon ("&copy 2024", "&amp").
    (2..=name.len().min(6)).rev().find_map(|len| {
        let (first, second) = lookup(&name[..len])?;
        Some((chars(first, second), from + len))
    })
}

/// The table's code points for a name; it also lists every prefix of a name, as NUL.
fn lookup(name: &str) -> Option<(u32, u32)> {
    web_atoms::NAMED_ENTITIES
        .get(name)
        .copied()
        .filter(|(first, _)| *first != 0)
}

fn chars(first: u32, second: u32) -> Decoded {
    let first = char::from_u32(first).unwrap_or('\u{fffd}');
    match char::from_u32(second).filter(|_| second != 0) {
        Some(second) => Decoded::of(&[first, second]),
        None => Decoded::of(&[first]),
    }
}

/// `&#123;` or `&#x7B;`, the semicolon optional; code points out of range, surrogates and NUL
/// become U+FFFD, and 0x80–0x9F are read as windows-1252, as the standard says.
fn numeric(bytes: &[u8], from: usize) -> Option<(Decoded, usize)> {
    let is_hex = matches!(bytes.get(from), Some(b'x' | b'X'));
    let digits_start = from + usize::from(is_hex);
    let radix = if is_hex { 16 } else { 10 };
    let mut value: u32 = 0;
    let mut at = digits_start;
    while let Some(digit) = bytes.get(at).and_then(|b| (*b as char).to_digit(radix)) {
        value = value.saturating_mul(radix).saturating_add(digit);
        at += 1;
    }
    if at == digits_start {
        return None;
    }
    if bytes.get(at) == Some(&b';') {
        at += 1;
    }
    let c = match value {
        0 => '\u{fffd}',
        0x80..=0x9f => windows_1252(value),
        _ => char::from_u32(value).unwrap_or('\u{fffd}'),
    };
    Some((Decoded::of(&[c]), at))
}

/// The windows-1252 character of a C1 control code, as browsers read `&#150;`.
fn windows_1252(value: u32) -> char {
    const TABLE: [u32; 32] = [
        0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039,
        0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
        0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
    ];
    let code = TABLE[(value - 0x80) as usize];
    char::from_u32(code).unwrap_or('\u{fffd}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_decoded() {
        assert_eq!(decode("Tom &amp; Jerry"), "Tom & Jerry");
        assert_eq!(decode("&#8212;&#x263A;&#150;"), "\u{2014}\u{263a}\u{2013}");
        assert_eq!(decode("caf&eacute; &copy 2024"), "caf\u{e9} \u{a9} 2024");
        assert_eq!(decode("&#0;&#x110000;&#xD800;"), "\u{fffd}\u{fffd}\u{fffd}");
        assert_eq!(decode("AT&T &unknown; & &;"), "AT&T &unknown; & &;");
        assert_eq!(decode("&NotEqualTilde;"), "\u{2242}\u{338}");
        assert!(matches!(decode("plain"), Cow::Borrowed(_)));
    }
}
