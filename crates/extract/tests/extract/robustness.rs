//! Hostile input: no panic on any text, bytes or markup; deep nesting and huge pages are
//! bounded.

use dossier_extract::{clean_text, extract_html};

/// A small deterministic generator (64-bit LCG), so failures replay.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PIECES: &[&str] = &[
    "Sign in",
    "Share",
    "Follow us on ",
    "Read more:",
    "©",
    "(c)",
    "Copyright",
    " 2025",
    "code",
    "passcode",
    "4-digit",
    " said ",
    "“",
    "”",
    "\"",
    "‘",
    "’",
    "\n",
    "\n\n",
    "\t",
    "  ",
    " ",
    ".",
    "?",
    "!",
    ":",
    "»",
    "›",
    "@",
    "www.",
    ".com",
    "https://",
    "é",
    "ß",
    "İ",
    "ﬁ",
    "\u{0}",
    "\u{200b}",
    "\u{feff}",
    "\r",
    "日本語",
    "🙂",
    "a",
    "Z",
    "the",
    "your",
    "we",
    "Let’s",
    "newsletter",
    "cookies",
    "Advertisement",
    "comments",
    "12",
    "digit",
    "-",
    "—",
    "|",
];

fn random_text(rng: &mut Lcg) -> String {
    let pieces = rng.below(60);
    let mut text = String::new();
    for _ in 0..pieces {
        if rng.below(8) == 0 {
            let code = rng.below(0x11_0000) as u32;
            text.push(char::from_u32(code).unwrap_or('\u{fffd}'));
        } else {
            text.push_str(rng.pick(PIECES));
        }
    }
    text
}

#[test]
fn clean_text_never_panics_and_keeps_or_lists_every_line() {
    let mut rng = Lcg(0x5eed);
    for _ in 0..3000 {
        let text = random_text(&mut rng);
        let cleaned = clean_text(&text);
        let lines = text.lines().filter(|line| !line.trim().is_empty()).count();
        let kept = cleaned.text.lines().filter(|line| !line.is_empty()).count();
        assert!(
            kept + cleaned.removed.len() <= lines,
            "more lines out than in for {text:?}"
        );
    }
}

#[test]
fn extract_html_never_panics_on_bytes() {
    let mut rng = Lcg(0xb17e5);
    for _ in 0..300 {
        let length = rng.below(4000);
        let bytes: Vec<u8> = (0..length).map(|_| rng.next() as u8).collect();
        let _ = extract_html(&bytes, Some("https://example.com/2025/01/01/x/"));
    }
}

#[test]
fn binary_garbage_gives_no_text() {
    let mut rng = Lcg(0xdead);
    for _ in 0..50 {
        let bytes: Vec<u8> = (0..2000).map(|_| rng.next() as u8).collect();
        let article = extract_html(&bytes, None);
        assert_eq!(article.text, "", "binary input gave text");
    }
}

const TAGS: &[&str] = &[
    "<p>",
    "</p>",
    "<div class=share>",
    "<div>",
    "</div>",
    "<article>",
    "</article>",
    "<br>",
    "<table><tr><td>",
    "</td><td>",
    "</td></tr></table>",
    "<pre>",
    "</pre>",
    "<li>",
    "<ul>",
    "</ul>",
    "<script type='application/ld+json'>",
    "</script>",
    "{\"@type\":\"NewsArticle\",",
    "\"author\":",
    "[",
    "]",
    "{",
    "}",
    "\"datePublished\":\"2025-13-45\"",
    "<meta charset=",
    "'utf-16'>",
    "<time datetime='",
    "'>",
    "</time>",
    "<title>",
    "</title>",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "<!--",
    "-->",
    "<svg><title>x</title></svg>",
    "<html lang='",
    "<a rel=author>",
    "</a>",
    "<form>",
    "</form>",
    "<nav>",
    "<h1>",
    "</h1>",
    "<main>",
    "<![CDATA[",
    "]]>",
];

#[test]
fn extract_html_never_panics_on_markup_soup() {
    let mut rng = Lcg(0x50_0b);
    for _ in 0..500 {
        let mut page = String::new();
        for _ in 0..rng.below(80) {
            if rng.below(3) == 0 {
                page.push_str(&random_text(&mut rng));
            } else {
                page.push_str(rng.pick(TAGS));
            }
        }
        let _ = extract_html(page.as_bytes(), None);
    }
}

#[test]
fn deep_nesting_is_bounded() {
    // The parser is quadratic in nesting depth; the depth limit keeps each of these fast.
    let patterns = [
        "<div><span>",
        "<div/>",
        "<b>",
        "<a href=x>",
        "<font>",
        "<table><tr><td>",
        "<li><ul>",
        "<p><i>",
        "<svg><g>",
    ];
    for pattern in patterns {
        let mut page = String::from("<html><body>");
        page.push_str(&pattern.repeat(30_000));
        page.push_str("<p>Delegations met again on Tuesday in Geneva, officials said.</p>");
        let article = extract_html(page.as_bytes(), None);
        if pattern.starts_with("<div") {
            assert!(article.text.contains("Delegations met again"), "{pattern}");
        }
    }
}

#[test]
fn pages_beyond_sixteen_mebibytes_are_cut_not_refused() {
    let mut page =
        b"<html><body><p>Delegations met again on Tuesday, officials said.</p><!--".to_vec();
    page.resize(17 << 20, b'a');
    let article = extract_html(&page, None);
    assert_eq!(
        article.text,
        "Delegations met again on Tuesday, officials said."
    );
}
