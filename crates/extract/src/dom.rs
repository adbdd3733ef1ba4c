//! The page as a flat token stream, with the metadata facts met on the way.
//!
//! One pass of the tokenizer builds the stream: open, text and close tokens in document
//! order, so that a subtree is a range of the stream and text sizes inside any element are two
//! lookups in prefix sums. The tree is built as browsers build it where that changes what text
//! lies in which element (an unclosed `<p>` or `<li>` closes at the next block, a stray end tag
//! is ignored, table cells close each other), and nesting is capped at [`MAX_DEPTH`]: deeper
//! tags are dropped and their text kept, so no page costs more than linear time.

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::entities;
use crate::lexicon::AttributeWords;
use crate::tokenizer::{Attribute, Event, Tokenizer};

/// The class and id words that mark an element, one list to a bit of [`ClassMarks`]: page
/// chrome, weaker chrome, the article body, a byline, and an author's biography or picture
/// (which is no byline), a paywall or registration wall.
static CLASS_WORDS: LazyLock<AttributeWords> = LazyLock::new(|| {
    AttributeWords::parse(&[
        include_str!("../data/chrome_classes.txt"),
        include_str!("../data/weak_chrome_classes.txt"),
        include_str!("../data/content_classes.txt"),
        "byline\nauthor\ncreator\n",
        "comment\nbio\nabout\navatar\nimage\nimg\nphoto\npicture\ndescription\n",
        "paywall\nregwall\nregistration-wall\n",
    ])
});
const CHROME_WORD: u8 = 1;
const WEAK_CHROME_WORD: u8 = 2;
const CONTENT_WORD: u8 = 4;
const BYLINE_WORD: u8 = 8;
const NOT_BYLINE_WORD: u8 = 16;
const WALL_WORD: u8 = 32;

/// What an element's class and id words say, read in one pass over each value.
#[derive(Debug, Clone, Copy, Default)]
struct ClassMarks {
    /// The bits of every list a class or id holds a word of.
    any: u8,
    /// A class or id names a byline and no biography or picture.
    byline: bool,
}

impl ClassMarks {
    fn of(attributes: &[Attribute]) -> Self {
        let mut marks = ClassMarks::default();
        for attribute in attributes {
            if attribute.is("class") || attribute.is("id") {
                let bits = CLASS_WORDS.marks(attribute.value);
                marks.any |= bits;
                marks.byline |= bits & BYLINE_WORD != 0 && bits & NOT_BYLINE_WORD == 0;
            }
        }
        marks
    }

    fn has(self, bit: u8) -> bool {
        self.any & bit != 0
    }
}

/// Elements nested deeper than this lose their tags (never their text).
pub(crate) const MAX_DEPTH: usize = 256;

/// Elements that never hold article text; their subtrees make no tokens.
const NO_TEXT_TAGS: &[&str] = &[
    "script", "style", "noscript", "iframe", "svg", "math", "button", "template", "select",
    "option", "textarea", "object", "canvas", "video", "audio", "picture", "map", "datalist",
    "title", "xmp", "noembed", "noframes",
];
/// Elements that never have content.
const VOID_TAGS: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "command", "embed", "frame", "hr", "image",
    "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];
/// Elements that break the words of a headline's text on either side.
const BLOCK_BREAK_TAGS: &[&str] = &[
    "br",
    "hr",
    "div",
    "p",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "header",
    "blockquote",
    "table",
    "tr",
    "td",
    "th",
];
/// Void elements that break text, kept as tokens.
const BREAK_TAGS: &[&str] = &["br", "hr"];
/// Elements whose start tag closes an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
    "listing",
    "xmp",
];
/// Elements an end tag of another element does not reach past (the standard's scope markers).
const SCOPE_MARKERS: &[&str] = &[
    "table", "td", "th", "caption", "template", "marquee", "object", "applet",
];
/// The scope a `<p>` is looked for in when a block closes it.
const BUTTON_SCOPE: &[&str] = &[
    "table", "td", "th", "caption", "template", "marquee", "object", "applet", "button",
];
/// The scope an `<li>` is looked for in.
const LIST_SCOPE: &[&str] = &[
    "table", "td", "th", "caption", "template", "marquee", "object", "applet", "ul", "ol",
];
/// The scope a `<dd>` or `<dt>` is looked for in.
const DEFINITION_SCOPE: &[&str] = &[
    "table", "td", "th", "caption", "template", "marquee", "object", "applet", "dl",
];
/// Table elements, whose end tags may close across cells.
const TABLE_TAGS: &[&str] = &[
    "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption",
];
/// Elements that hold page chrome.
const CHROME_TAGS: &[&str] = &["nav", "footer", "aside"];
/// Elements that usually hold page chrome, but sometimes the article (an ASP.NET `<form>`
/// around the whole page, an article inside a `<header>`).
const WEAK_CHROME_TAGS: &[&str] = &["header", "form", "dialog", "menu", "figcaption"];
/// Tag names known to the builder, to name elements whose tags are not written in lowercase.
const KNOWN_TAGS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "article",
    "aside",
    "b",
    "bdi",
    "bdo",
    "big",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "cite",
    "code",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "em",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "main",
    "mark",
    "menu",
    "nav",
    "nobr",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "section",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "meta",
    "link",
    "title",
    "script",
    "style",
    "noscript",
    "iframe",
    "img",
    "input",
    "button",
    "select",
    "option",
    "textarea",
    "svg",
    "math",
    "template",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "picture",
    "map",
    "area",
    "datalist",
    "wbr",
    "base",
    "col",
    "colgroup",
    "source",
    "param",
    "xmp",
    "noembed",
    "noframes",
    "image",
    "listing",
    "marquee",
    "applet",
    "frame",
    "frameset",
    "optgroup",
    "rb",
    "rt",
    "rp",
    "rtc",
    "ruby",
    "track",
    "keygen",
    "basefont",
    "bgsound",
    "command",
    "address",
    "plaintext",
];
/// At most this many JSON-LD scripts are kept, each at most this many bytes.
const MAX_JSON_LD: usize = 64;
const MAX_JSON_LD_BYTES: usize = 1 << 20;
/// At most this many byline candidates are kept, each cut at this many bytes.
const MAX_BYLINES: usize = 64;
const MAX_BYLINE_BYTES: usize = 300;
/// At most this many `<time>` elements and `<meta>` values are kept.
const MAX_TIMES: usize = 64;
const MAX_METAS: usize = 1024;

/// One token of the flattened page.
#[derive(Debug)]
pub(crate) enum Token<'a> {
    /// An element opens.
    Open(Open<'a>),
    /// Text, character references decoded.
    Text(Cow<'a, str>),
    /// The element opened at `open` closes.
    Close {
        /// Index of its open token.
        open: usize,
    },
}

/// An element's open token.
#[derive(Debug)]
pub(crate) struct Open<'a> {
    /// Lowercase local name.
    pub(crate) name: &'a str,
    /// Index of its close token.
    pub(crate) close: usize,
    /// Whether its tag, class, id, role or visibility marks it as chrome.
    pub(crate) chrome: Chrome,
    /// Whether it is marked as the article body: `itemprop="articleBody"`, or a class or id
    /// such as `entry-content` or `article-body`.
    pub(crate) is_article_body: bool,
}

/// How surely an element's markup says it is page chrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Chrome {
    /// Not chrome.
    No,
    /// Usually chrome (`<header>`, `<form>`, a class naming a sidebar or a caption).
    Weak,
    /// Hidden (`hidden`, `display: none`): chrome, or a copy of the text for machines.
    Hidden,
    /// Chrome (`<nav>`, `<footer>`, a class naming comments or share buttons).
    Strong,
}

/// A `<time>` element.
#[derive(Debug, Clone)]
pub(crate) struct TimeFact {
    /// Its `datetime` attribute.
    pub(crate) datetime: String,
    /// Whether it says it is the publication time (`pubdate`, `itemprop="datePublished"`).
    pub(crate) is_published: bool,
    /// Index of the first token after it opens, to tell whether it lies in the main text.
    pub(crate) position: usize,
}

/// Metadata facts found anywhere in the page, chrome included.
#[derive(Debug, Default)]
pub(crate) struct Facts {
    /// `<html lang>`.
    pub(crate) lang: Option<String>,
    /// The text of `<title>`.
    pub(crate) title: Option<String>,
    /// `<meta>` contents by lowercase `property`, `name`, `itemprop` or `http-equiv`, and the
    /// `content` or `datetime` of other elements under `itemprop:<name>`.
    pub(crate) metas: Vec<(String, String)>,
    /// `<link rel="canonical">`.
    pub(crate) canonical: Option<String>,
    /// Bodies of `<script type="application/ld+json">`.
    pub(crate) json_ld: Vec<String>,
    /// `<time datetime>` elements.
    pub(crate) times: Vec<TimeFact>,
    /// Text of byline-like elements (`rel="author"`, `itemprop="author"`, class "byline").
    pub(crate) bylines: Vec<(usize, String)>,
    /// Whether the markup names a paywall or registration wall.
    pub(crate) has_wall_marker: bool,
}

impl Facts {
    /// The first content stored under `key`.
    pub(crate) fn meta(&self, key: &str) -> Option<&str> {
        self.metas_named(key).next()
    }

    /// Every non-empty content stored under `key`, trimmed, in page order.
    pub(crate) fn metas_named<'f>(&'f self, key: &str) -> impl Iterator<Item = &'f str> {
        self.metas
            .iter()
            .filter(move |(name, value)| name == key && !value.trim().is_empty())
            .map(|(_, value)| value.trim())
    }
}

/// The flattened page.
#[derive(Debug, Default)]
pub(crate) struct Page<'a> {
    /// Tokens in document order; the first is the `body` that holds everything.
    pub(crate) tokens: Vec<Token<'a>>,
    /// Metadata facts.
    pub(crate) facts: Facts,
    /// `text_before[i]`: bytes of non-space text in the tokens before `i`.
    text_before: Vec<usize>,
    /// The same, counting only text inside `<a>`.
    link_text_before: Vec<usize>,
}

/// What an open element passes on to its content.
#[derive(Clone, Copy, Default)]
struct Context {
    /// Inside an element whose subtree makes no tokens.
    is_silent: bool,
    /// Inside an `<svg>` or `<math>`, whose `<title>` is not the page's.
    is_foreign: bool,
    /// Number of `<a>` elements open around this point.
    links: usize,
}

/// An element on the stack of open elements.
struct Entry<'a> {
    name: &'a str,
    /// Its open token; `None` when it makes none (silent).
    token: Option<usize>,
    /// The context inside it.
    inner: Context,
}

/// What the raw text that follows a start tag is for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum RawTarget {
    Title,
    JsonLd,
    Ignored,
}

/// Running totals while the prefix sums are built.
#[derive(Default)]
struct Running {
    text: usize,
    link: usize,
}

/// Builds the page.
struct Builder<'a> {
    page: Page<'a>,
    stack: Vec<Entry<'a>>,
    running: Running,
    raw_target: RawTarget,
    byline_opens: Vec<usize>,
}

/// Tokenises and flattens a page.
pub(crate) fn parse(source: &str) -> Page<'_> {
    parse_with(Tokenizer::new(source))
}

/// Tokenises and flattens a page whose `<noscript>` elements holding paragraphs are read as
/// markup, as a browser without scripts shows them: for pages whose article is rendered by a
/// script, and whose markup copy lies in a `<noscript>`.
pub(crate) fn parse_reading_noscript(source: &str) -> Page<'_> {
    parse_with(Tokenizer::reading_noscript(source))
}

fn parse_with(mut tokenizer: Tokenizer<'_>) -> Page<'_> {
    let mut builder = Builder {
        page: Page::default(),
        stack: Vec::new(),
        running: Running::default(),
        raw_target: RawTarget::Ignored,
        byline_opens: Vec::new(),
    };
    builder.open_element("body", Chrome::No, false, Context::default());
    let mut attributes = Vec::new();
    // A `<noscript>` whose content the tokenizer reads as markup is a plain block.
    let mut noscript_as_markup = false;
    while let Some(event) = tokenizer.next(&mut attributes) {
        match event {
            Event::Text(text) => builder.text(text),
            Event::RawText(text) => builder.raw_text(text),
            Event::Start { name, self_closing } => {
                let name = tag_name(name);
                if name == "noscript" && !self_closing && !tokenizer.opens_raw_text() {
                    noscript_as_markup = true;
                    builder.start("div", false, &attributes);
                } else {
                    builder.start(name, self_closing, &attributes);
                }
            }
            Event::End { name } => {
                let name = tag_name(name);
                if name == "noscript" && noscript_as_markup {
                    noscript_as_markup = false;
                    builder.end("div");
                } else {
                    builder.end(name);
                }
            }
        }
    }
    builder.finish()
}

/// The lowercase tag name: the name as written when it is lowercase already.
fn tag_name(raw: &str) -> &str {
    if !raw.bytes().any(|b| b.is_ascii_uppercase()) {
        return raw;
    }
    KNOWN_TAGS
        .iter()
        .find(|known| known.eq_ignore_ascii_case(raw))
        .copied()
        .unwrap_or("x-unknown")
}

impl<'a> Builder<'a> {
    fn context(&self) -> Context {
        self.stack
            .last()
            .map(|entry| entry.inner)
            .unwrap_or_default()
    }

    fn push(&mut self, token: Token<'a>, context: Context) {
        let page = &mut self.page;
        page.text_before.push(self.running.text);
        page.link_text_before.push(self.running.link);
        if let Token::Text(text) = &token {
            let size: usize = text.split_whitespace().map(str::len).sum();
            self.running.text += size;
            if context.links > 0 {
                self.running.link += size;
            }
        }
        page.tokens.push(token);
    }

    fn text(&mut self, text: &'a str) {
        let context = self.context();
        if context.is_silent {
            return;
        }
        self.push(Token::Text(entities::decode(text)), context);
    }

    fn raw_text(&mut self, text: &'a str) {
        match std::mem::replace(&mut self.raw_target, RawTarget::Ignored) {
            RawTarget::Title if self.page.facts.title.is_none() => {
                self.page.facts.title = Some(entities::decode(text).into_owned());
            }
            RawTarget::JsonLd if self.page.facts.json_ld.len() < MAX_JSON_LD => {
                let mut end = text.len().min(MAX_JSON_LD_BYTES);
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                self.page.facts.json_ld.push(text[..end].to_string());
            }
            _ => {}
        }
    }

    /// Pushes an element; gives its open token, if it makes one.
    fn open_element(
        &mut self,
        name: &'a str,
        chrome: Chrome,
        is_article_body: bool,
        outer: Context,
    ) -> Option<usize> {
        let mut inner = outer;
        inner.is_foreign |= name == "svg" || name == "math";
        inner.is_silent |= NO_TEXT_TAGS.contains(&name);
        let token = if inner.is_silent {
            None
        } else {
            let open = self.page.tokens.len();
            self.push(
                Token::Open(Open {
                    name,
                    close: open,
                    chrome,
                    is_article_body,
                }),
                outer,
            );
            inner.links += usize::from(name == "a");
            Some(open)
        };
        self.stack.push(Entry { name, token, inner });
        token
    }

    /// Pops the top element, closing its token.
    fn pop(&mut self) {
        let Some(entry) = self.stack.pop() else {
            return;
        };
        if let Some(open) = entry.token {
            let close = self.page.tokens.len();
            if let Some(Token::Open(element)) = self.page.tokens.get_mut(open) {
                element.close = close;
            }
            let context = self.context();
            self.push(Token::Close { open }, context);
        }
    }

    /// Where `name` is open, searching down from the top of the stack but not past a scope
    /// marker (nor past the body at the bottom).
    fn find_open(&self, name: &str, markers: &[&str]) -> Option<usize> {
        for (index, entry) in self.stack.iter().enumerate().skip(1).rev() {
            if entry.name == name {
                return Some(index);
            }
            if markers.contains(&entry.name) {
                return None;
            }
        }
        None
    }

    fn close_to(&mut self, index: usize) {
        while self.stack.len() > index.max(1) {
            self.pop();
        }
    }

    fn close_if_open(&mut self, name: &str, markers: &[&str]) {
        if let Some(index) = self.find_open(name, markers) {
            self.close_to(index);
        }
    }

    fn start(&mut self, name: &'a str, self_closing: bool, attributes: &[Attribute<'a>]) {
        let context = self.context();
        let marks = ClassMarks::of(attributes);
        self.collect_facts(name, attributes, context);
        self.page.facts.has_wall_marker |= marks.has(WALL_WORD);
        if matches!(name, "html" | "head" | "body") {
            return;
        }
        // The end tags browsers imply.
        if CLOSES_P.contains(&name) {
            self.close_if_open("p", BUTTON_SCOPE);
        }
        match name {
            "li" => self.close_if_open("li", LIST_SCOPE),
            "dd" | "dt" => {
                self.close_if_open("dd", DEFINITION_SCOPE);
                self.close_if_open("dt", DEFINITION_SCOPE);
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let top = self.stack.last().map_or("", |entry| entry.name);
                if matches!(top, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
                    self.pop();
                }
            }
            "td" | "th" => {
                self.close_if_open("td", &["table", "tr"]);
                self.close_if_open("th", &["table", "tr"]);
            }
            "tr" => self.close_if_open("tr", &["table", "tbody", "thead", "tfoot"]),
            "tbody" | "thead" | "tfoot" => {
                for section in ["tbody", "thead", "tfoot"] {
                    self.close_if_open(section, &["table"]);
                }
            }
            "a" => self.close_if_open("a", SCOPE_MARKERS),
            "option" => self.close_if_open("option", SCOPE_MARKERS),
            _ => {}
        }
        if VOID_TAGS.contains(&name) {
            if BREAK_TAGS.contains(&name) && !context.is_silent {
                self.open_element(name, Chrome::No, false, context);
                self.pop();
            }
            return;
        }
        if (self_closing && context.is_foreign) || self.stack.len() >= MAX_DEPTH {
            return;
        }
        let is_article_body = is_article_body(attributes, marks);
        let chrome = if is_article_body {
            Chrome::No
        } else {
            chrome(name, attributes, marks)
        };
        let open = self.open_element(name, chrome, is_article_body, context);
        if let Some(open) = open
            && is_byline(name, attributes, marks)
            && self.byline_opens.len() < MAX_BYLINES
        {
            self.byline_opens.push(open);
        }
    }

    fn end(&mut self, name: &'a str) {
        match name {
            "html" | "head" | "body" => {}
            "br" => self.start("br", false, &[]),
            _ => {
                let markers: &[&str] = if TABLE_TAGS.contains(&name) {
                    &["table"]
                } else {
                    SCOPE_MARKERS
                };
                let markers = if name == "table" { &[][..] } else { markers };
                self.close_if_open(name, markers);
            }
        }
    }

    fn collect_facts(&mut self, name: &str, attributes: &[Attribute<'a>], context: Context) {
        let attr = |key: &str| {
            attributes
                .iter()
                .find(|attribute| attribute.is(key))
                .map(|attribute| attribute.value.trim())
                .filter(|value| !value.is_empty())
        };
        let facts = &mut self.page.facts;
        match name {
            "html" if facts.lang.is_none() => facts.lang = attr("lang").map(str::to_string),
            "title" if !context.is_foreign => self.raw_target = RawTarget::Title,
            "meta" => {
                if let Some(content) = attr("content") {
                    for key in ["property", "name", "itemprop", "http-equiv"] {
                        if let Some(key) = attr(key)
                            && facts.metas.len() < MAX_METAS
                        {
                            facts.metas.push((
                                entities::decode(key).to_ascii_lowercase(),
                                entities::decode(content).into_owned(),
                            ));
                        }
                    }
                }
            }
            "link" => {
                let is_canonical = attr("rel").is_some_and(|rel| {
                    rel.split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                });
                if is_canonical && facts.canonical.is_none() {
                    facts.canonical = attr("href").map(|href| entities::decode(href).into_owned());
                }
            }
            "script" => {
                let is_json_ld =
                    attr("type").is_some_and(|kind| kind.to_ascii_lowercase().contains("ld+json"));
                self.raw_target = if is_json_ld {
                    RawTarget::JsonLd
                } else {
                    RawTarget::Ignored
                };
            }
            "time" => {
                let datetime = attr("datetime").filter(|_| facts.times.len() < MAX_TIMES);
                if let Some(datetime) = datetime {
                    let itemprop = attr("itemprop").unwrap_or("").to_ascii_lowercase();
                    facts.times.push(TimeFact {
                        datetime: entities::decode(datetime).into_owned(),
                        is_published: attributes.iter().any(|a| a.is("pubdate"))
                            || itemprop.contains("datepublished"),
                        position: self.page.tokens.len() + 1,
                    });
                }
            }
            _ => {}
        }
        if let Some(itemprop) = attr("itemprop").map(str::to_ascii_lowercase)
            && (itemprop == "datepublished" || itemprop == "datemodified")
            && name != "meta"
            && let Some(date) = attr("content").or_else(|| attr("datetime"))
            && facts.metas.len() < MAX_METAS
        {
            facts
                .metas
                .push((format!("itemprop:{itemprop}"), date.to_string()));
        }
    }

    fn finish(mut self) -> Page<'a> {
        while !self.stack.is_empty() {
            self.pop();
        }
        let page = &mut self.page;
        page.text_before.push(self.running.text);
        page.link_text_before.push(self.running.link);
        let bylines: Vec<(usize, String)> = self
            .byline_opens
            .iter()
            .map(|&open| (open, page.bounded_text_lines(open, MAX_BYLINE_BYTES)))
            .collect();
        page.facts.bylines = bylines;
        self.page
    }
}

/// Whether an element breaks the flow of text into a new block (a paragraph, an item, a
/// heading, a line break).
pub(crate) fn is_block_break(name: &str) -> bool {
    BLOCK_BREAK_TAGS.contains(&name)
}

impl<'a> Page<'a> {
    /// The open token at `index`, if that is one.
    pub(crate) fn open(&self, index: usize) -> Option<&Open<'a>> {
        match self.tokens.get(index) {
            Some(Token::Open(open)) => Some(open),
            _ => None,
        }
    }

    /// The token range an element spans, its open and close tokens included.
    fn range(&self, index: usize) -> (usize, usize) {
        let close = self.open(index).map_or(index, |open| open.close);
        (index, (close + 1).min(self.tokens.len()))
    }

    /// Bytes of non-space text in one token.
    pub(crate) fn text_len_of_token(&self, index: usize) -> usize {
        self.text_before[index + 1] - self.text_before[index]
    }

    /// Bytes of non-space link text in one token.
    pub(crate) fn link_text_len_of_token(&self, index: usize) -> usize {
        self.link_text_before[index + 1] - self.link_text_before[index]
    }

    /// The element's text, its pieces (the texts of separate elements) separated by a space,
    /// cut after about `limit` bytes.
    pub(crate) fn bounded_text(&self, index: usize, limit: usize) -> String {
        self.bounded_text_joined(index, limit, true, ' ')
    }

    /// The element's text with a line between the texts of its blocks and line breaks (an
    /// author box's name on its first line, the biography after it), cut after about
    /// `limit` bytes.
    pub(crate) fn bounded_text_lines(&self, index: usize, limit: usize) -> String {
        self.bounded_text_joined(index, limit, true, '\n')
    }

    /// The element's text as written, its pieces joined with nothing between them (a
    /// headline styled letter by letter stays one word), cut after about `limit` bytes.
    pub(crate) fn bounded_inline_text(&self, index: usize, limit: usize) -> String {
        self.bounded_text_joined(index, limit, false, ' ')
    }

    fn bounded_text_joined(
        &self,
        index: usize,
        limit: usize,
        spaced: bool,
        line_break: char,
    ) -> String {
        let (start, end) = self.range(index);
        let mut out = String::new();
        // A line break or a block inside a headline ("WEEKEND<br>CODING AGENT") separates
        // words even where inline pieces are joined.
        let mut broken = false;
        for (at, token) in self.tokens[start..end].iter().enumerate() {
            let is_break = at > 0
                && match token {
                    Token::Open(open) => BLOCK_BREAK_TAGS.contains(&open.name),
                    Token::Close { open } => matches!(
                        self.tokens.get(*open),
                        Some(Token::Open(opened)) if BLOCK_BREAK_TAGS.contains(&opened.name)
                    ),
                    Token::Text(_) => false,
                };
            broken |= is_break;
            if let Token::Text(piece) = token {
                // Texts of separate elements are separate words ("By<a>Ann</a>").
                if broken && !out.is_empty() && !out.ends_with(line_break) {
                    while out.ends_with(char::is_whitespace) {
                        out.pop();
                    }
                    out.push(line_break);
                } else if spaced && !out.is_empty() && !out.ends_with(char::is_whitespace) {
                    out.push(' ');
                }
                broken = false;
                if out.len() + piece.len() > limit {
                    let mut end = limit.saturating_sub(out.len()).min(piece.len());
                    while !piece.is_char_boundary(end) {
                        end -= 1;
                    }
                    out.push_str(&piece[..end]);
                    break;
                }
                out.push_str(piece);
            }
        }
        out
    }
}

/// How surely the element's tag, class, id, role or visibility marks it as page chrome.
fn chrome(name: &str, attributes: &[Attribute], marks: ClassMarks) -> Chrome {
    if CHROME_TAGS.contains(&name) {
        return Chrome::Strong;
    }
    let mut chrome = if WEAK_CHROME_TAGS.contains(&name) || marks.has(WEAK_CHROME_WORD) {
        Chrome::Weak
    } else {
        Chrome::No
    };
    if marks.has(CHROME_WORD) {
        chrome = Chrome::Strong;
    }
    for attribute in attributes {
        let value = attribute.value;
        let level = match attribute.name.len() {
            4 if attribute.is("role") => match value.to_ascii_lowercase().as_str() {
                "navigation" | "contentinfo" | "complementary" | "search" => Chrome::Strong,
                "banner" | "dialog" => Chrome::Weak,
                _ => Chrome::No,
            },
            5 if attribute.is("style") => {
                let style = value.to_ascii_lowercase().replace(' ', "");
                if style.contains("display:none") || style.contains("visibility:hidden") {
                    Chrome::Hidden
                } else {
                    Chrome::No
                }
            }
            6 if attribute.is("hidden") => Chrome::Hidden,
            11 if attribute.is("aria-hidden") && value.eq_ignore_ascii_case("true") => {
                Chrome::Hidden
            }
            _ => Chrome::No,
        };
        chrome = chrome.max(level);
    }
    // "<article class="newsletter-post">" is the post of a newsletter, not a sign-up box, and
    // "<div class="entry-content paywall-container">" the article behind the wall: a name or
    // class that says the element holds the article outweighs one level of chrome.
    if matches!(name, "article" | "main") || is_article_body(attributes, marks) {
        chrome = match chrome {
            Chrome::Strong => Chrome::Weak,
            Chrome::Weak => Chrome::No,
            other => other,
        };
    }
    chrome
}

/// Whether the element says it holds the article body.
fn is_article_body(attributes: &[Attribute], marks: ClassMarks) -> bool {
    marks.has(CONTENT_WORD)
        || attributes
            .iter()
            .any(|a| a.is("itemprop") && a.value.eq_ignore_ascii_case("articleBody"))
}

/// Whether the element's text may be a byline: `rel="author"`, `itemprop="author"`, a link to
/// an author's page (`/author/ann-lee`), or a class or id naming a byline, an author or a
/// creator, but not an author's biography or picture.
fn is_byline(name: &str, attributes: &[Attribute], marks: ClassMarks) -> bool {
    if name == "a"
        && attributes
            .iter()
            .any(|a| a.is("href") && is_author_page(a.value))
    {
        return true;
    }
    name != "img"
        && (marks.byline
            || attributes.iter().any(|a| {
                (a.is("rel") || a.is("itemprop")) && a.value.eq_ignore_ascii_case("author")
            }))
}

/// Whether a link leads to an author's page: a path segment `author`, `authors` or `autor`
/// followed by the author's own segment.
fn is_author_page(href: &str) -> bool {
    let path = href.split(['?', '#']).next().unwrap_or("");
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    segments.windows(2).any(|pair| {
        matches!(
            pair[0].to_ascii_lowercase().as_str(),
            "author" | "authors" | "autor" | "autoren" | "auteur"
        ) && pair[1].chars().any(char::is_alphabetic)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_pages_are_told_by_their_path() {
        assert!(is_author_page("https://example.com/author/ann-lee/"));
        assert!(is_author_page("/authors/bo-chen?ref=byline"));
        assert!(!is_author_page("/authors/"));
        assert!(!is_author_page("/news/authority-report"));
    }

    #[test]
    fn breaks_inside_a_headline_separate_its_words() {
        let page = parse("<body><h1>WEEKEND<br>CODING <span>AGENT</span></h1></body>");
        let h1 = page
            .tokens
            .iter()
            .position(|token| matches!(token, Token::Open(open) if open.name == "h1"))
            .expect("an h1");
        assert_eq!(page.bounded_inline_text(h1, 100), "WEEKEND CODING AGENT");
    }

    fn outline(page: &Page) -> String {
        page.tokens
            .iter()
            .map(|token| match token {
                Token::Open(open) => format!("<{}>", open.name),
                Token::Text(text) => text.to_string(),
                Token::Close { open } => format!("</{}>", page.open(*open).map_or("?", |o| o.name)),
            })
            .collect()
    }

    #[test]
    fn an_article_outweighs_one_level_of_chrome_in_its_class() {
        let chrome_of = |html: &str, tag: &str| {
            let page = parse(html);
            page.tokens
                .iter()
                .find_map(|t| match t {
                    Token::Open(o) if o.name == tag => Some(o.chrome),
                    _ => None,
                })
                .expect("the element")
        };
        assert_eq!(
            chrome_of(
                "<body><article class='has-paywall'><p>Text</p></article></body>",
                "article"
            ),
            Chrome::No
        );
        assert_eq!(
            chrome_of(
                "<body><div class='has-paywall'><p>Text</p></div></body>",
                "div"
            ),
            Chrome::Weak
        );
        // A BEM-named body ("entry__content") is the article, as "entry-content" is.
        assert_eq!(
            chrome_of(
                "<body><div class='entry__content paywall-container'><p>Text</p></div></body>",
                "div"
            ),
            Chrome::No
        );
        assert_eq!(
            chrome_of(
                "<body><article class='newsletter-post'><p>Text</p></article></body>",
                "article"
            ),
            Chrome::Weak
        );
    }

    #[test]
    fn tokens_nest_and_sizes_add_up() {
        let page =
            parse("<html><body><div><p>One <a href=x>two</a></p><p>three</p></div></body></html>");
        let div = page
            .tokens
            .iter()
            .position(|t| matches!(t, Token::Open(o) if o.name == "div"));
        let div = div.expect("a div token");
        let close = page.open(div).map_or(div, |open| open.close);
        let text: usize = (div..close).map(|i| page.text_len_of_token(i)).sum();
        let links: usize = (div..close).map(|i| page.link_text_len_of_token(i)).sum();
        assert_eq!(text, 11);
        assert_eq!(links, 3);
        let Some(Token::Open(open)) = page.tokens.get(div) else {
            panic!("not an open token");
        };
        assert!(matches!(page.tokens[open.close], Token::Close { open } if open == div));
    }

    #[test]
    fn implied_end_tags_and_stray_ones() {
        assert_eq!(
            outline(&parse(
                "<P>One<p>Two<div>Three</span></div><ul><li>a<li>b</ul>"
            )),
            "<body><p>One</p><p>Two</p><div>Three</div><ul><li>a</li><li>b</li></ul></body>"
        );
        assert_eq!(
            outline(&parse("<table><tr><td>a<td>b<tr><td>c</table>x<br></br>")),
            "<body><table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>x<br></br><br></br></body>"
        );
        assert_eq!(
            outline(&parse(
                "<div><script>a<b</script><button>no</button>t&amp;t</div>"
            )),
            "<body><div>t&t</div></body>"
        );
    }

    #[test]
    fn facts_are_read_from_head_and_body() {
        let page = parse(
            "<html lang=fr><head><title>T &amp; U</title><meta property='og:title' content='O'>\
             <link rel=canonical href='https://e.com/a'></head><body>\
             <time datetime='2025-01-02' pubdate>x</time><span class=byline>By Ann Lee</span>\
             <svg><title>icon</title></svg></body></html>",
        );
        assert_eq!(page.facts.lang.as_deref(), Some("fr"));
        assert_eq!(page.facts.title.as_deref(), Some("T & U"));
        assert_eq!(page.facts.meta("og:title"), Some("O"));
        assert_eq!(page.facts.canonical.as_deref(), Some("https://e.com/a"));
        assert!(page.facts.times[0].is_published);
        assert_eq!(page.facts.bylines[0].1, "By Ann Lee");
    }

    #[test]
    fn nesting_is_capped() {
        let depth = MAX_DEPTH + 50;
        let source = format!("{}text{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let page = parse(&source);
        let opens = page
            .tokens
            .iter()
            .filter(|t| matches!(t, Token::Open(_)))
            .count();
        assert_eq!(opens, MAX_DEPTH);
        let text: usize = (0..page.tokens.len())
            .map(|i| page.text_len_of_token(i))
            .sum();
        assert_eq!(text, 4);
    }
}
