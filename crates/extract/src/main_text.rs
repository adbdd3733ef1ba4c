//! The main text of a page: which element holds the article, and its text as one paragraph a
//! line.
//!
//! The text between block-level tags makes blocks. A block with enough text outside links is
//! article text and adds its size to the score of every element around it; a block of links
//! or a short label takes away from it. The element with the highest score holds the article:
//! it takes in every part of a split article, and stops short of the menus, lists of links and
//! labels around it. An element inside it that says it holds the article (`<article>`,
//! `<main>`, `itemprop="articleBody"`, a class such as `entry-content`) is taken in its place
//! when it keeps enough of the score: what it leaves out are other stories. Page chrome
//! (navigation, footers, share bars, comments: see `dom.rs`) neither adds nor takes away, and
//! is left out of the text.

use crate::dom::{Chrome, Page, Token};

/// Elements that break the text into lines.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "figure",
    "figcaption",
    "hr",
    "br",
    "address",
    "details",
    "summary",
    "center",
    "hgroup",
    "fieldset",
    "legend",
    "form",
    "menu",
    "dialog",
    "body",
    "html",
];
/// Elements that never hold a whole article: they are not candidates for the container.
const INLINE_TAGS: &[&str] = &[
    "a",
    "span",
    "b",
    "i",
    "em",
    "strong",
    "font",
    "small",
    "u",
    "s",
    "label",
    "abbr",
    "cite",
    "code",
    "sup",
    "sub",
    "time",
    "mark",
    "q",
    "br",
    "hr",
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "dt",
    "dd",
    "tr",
    "th",
    "caption",
    "figcaption",
    "big",
    "strike",
    "tt",
    "nobr",
    "ins",
    "del",
];
/// A block of text counts as article text from this many bytes outside links.
const MIN_GOOD_BLOCK: usize = 40;
/// ... and while links hold less than this share of it.
const MAX_GOOD_LINK_DENSITY: f64 = 0.5;
/// What a byte of text outside links costs in a block that is not article text (short lines:
/// dates, labels, buttons), against a byte of article text.
const SHORT_TEXT_COST: f64 = 0.25;
/// What a byte of link text costs.
const LINK_TEXT_COST: f64 = 1.0;
/// Chrome is taken for the article when it holds this share of the article text around it:
/// more for markup that is surely chrome (a footer) than for markup that often is (a sidebar).
const STRONG_CHROME_SHARE: f64 = 0.8;
const WEAK_CHROME_SHARE: f64 = 0.5;
/// An element marked as holding the article is taken in place of the element around it when
/// it keeps this share of its score; at most this many times.
const DESCENT_SHARE: f64 = 0.5;
const MAX_DESCENTS: usize = 4;
/// The share when the headline lies in the element around it and the marked element holds
/// the headline or follows it.
const ANCHORED_DESCENT_SHARE: f64 = 0.3;
/// The share when the element around is itself marked as the article body: a marked element
/// inside it is then most often one of its sections (the parts of a body split by an embed),
/// and is taken only when it holds nearly all of the score.
const MARKED_DESCENT_SHARE: f64 = 0.8;
/// An element marked as holding the article is taken in place of an unmarked element inside
/// it that was chosen for its score when it holds this many times its article text.
const ASCENT_SHARE: f64 = 2.0;
/// An element marked as the article body saves the chrome around it from this much article
/// text (bytes).
const MIN_MARKED_BODY: f64 = 200.0;
/// Main text shorter than this (bytes) is taken as a failed choice, and the whole body is used.
const MIN_MAIN_TEXT: usize = 100;
/// A line whose links hold more than this share of its text is a list of links, not prose.
const MAX_LINE_LINK_DENSITY: f64 = 0.6;
/// A line that ends in an ellipsis and whose links hold this share of its text is the teaser
/// of another story.
const MIN_TEASER_LINK_SHARE: f64 = 0.2;
/// An element after the article holding the headline that holds this many `<article>`s is a
/// list of other stories.
const MIN_LISTED_STORIES: usize = 2;
/// ... and whose article text lies in them but for this share.
const MAX_STORY_LIST_OWN_SHARE: f64 = 0.2;

/// The main text and where it lies in the token stream.
#[derive(Debug, Default)]
pub(crate) struct MainText {
    /// One paragraph a line.
    pub(crate) text: String,
    /// Token range of the chosen element.
    pub(crate) range: Option<(usize, usize)>,
}

/// Finds and renders the main text. `headline` is the headline's open token, when known.
pub(crate) fn find(page: &Page, headline: Option<usize>) -> MainText {
    if page.tokens.is_empty() {
        return MainText::default();
    }
    let scores = Scores::of(page, headline);
    let container = scores.best(page, headline).unwrap_or(0);
    let mut text = render(page, &scores, container);
    if text.len() < MIN_MAIN_TEXT && container != 0 {
        let whole = render(page, &scores, 0);
        if whole.len() > text.len() {
            text = whole;
        }
    }
    MainText {
        text,
        range: page.open(container).map(|open| (container, open.close)),
    }
}

/// What each block of text adds to the score of the elements around it, as prefix sums over
/// the token stream, and which elements are chrome.
struct Scores {
    /// `before[i]`: the sum of the gains of the blocks that start before token `i`, blocks in
    /// chrome left out.
    before: Vec<f64>,
    /// `good_before[i]`: the size of the article-text blocks that start before token `i`,
    /// chrome or not.
    good_before: Vec<f64>,
    /// Whether an element is inside page chrome (or is chrome).
    in_chrome: Vec<bool>,
    /// Elements marked as the article body, with their article text.
    marked: Vec<(usize, f64)>,
    /// The token range of a list of other stories after the article (see
    /// [`story_list_after_headline`]).
    story_list: Option<(usize, usize)>,
}

impl Scores {
    fn of(page: &Page, headline: Option<usize>) -> Self {
        let count = page.tokens.len();
        let mut goods = vec![0.0; count];
        let mut junks = vec![0.0; count];
        let mut block = Block::default();
        for (index, token) in page.tokens.iter().enumerate() {
            match token {
                Token::Open(open) => {
                    if BLOCK_TAGS.contains(&open.name) {
                        block.flush(&mut goods, &mut junks);
                    }
                }
                Token::Text(_) => block.add(page, index),
                Token::Close { open } => {
                    if page
                        .open(*open)
                        .is_some_and(|o| BLOCK_TAGS.contains(&o.name))
                    {
                        block.flush(&mut goods, &mut junks);
                    }
                }
            }
        }
        block.flush(&mut goods, &mut junks);
        let mut gains: Vec<f64> = goods
            .iter()
            .zip(&junks)
            .map(|(good, junk)| good - junk)
            .collect();
        let good_before = prefix_sums(goods.iter().copied());
        let mut scores = Scores {
            before: Vec::new(),
            good_before,
            in_chrome: vec![false; count],
            marked: Vec::new(),
            story_list: None,
        };
        scores.marked = (0..count)
            .filter(|&index| page.open(index).is_some_and(|open| open.is_article_body))
            .map(|index| (index, scores.good(page, index)))
            .collect();
        // Chrome is judged against the marked element around it that was found not to be
        // chrome ("sidebar-content" inside "sidebar-layout" around the article), else the body.
        let mut spared: Vec<(usize, usize)> = Vec::new();
        let mut index = 0;
        while index < count {
            while spared.last().is_some_and(|&(_, close)| close < index) {
                spared.pop();
            }
            match &page.tokens[index] {
                Token::Open(open) if open.chrome != Chrome::No => {
                    let within = spared.last().map_or(0, |&(spared, _)| spared);
                    let close = open.close.max(index).min(count - 1);
                    if scores.is_effective_chrome(page, index, within) {
                        scores.in_chrome[index..=close]
                            .iter_mut()
                            .for_each(|flag| *flag = true);
                        gains[index..=close].iter_mut().for_each(|gain| *gain = 0.0);
                        index = close + 1;
                        continue;
                    }
                    spared.push((index, close));
                }
                _ => {}
            }
            index += 1;
        }
        if let Some((from, to)) = scores.story_list_after_headline(page, headline) {
            scores.in_chrome[from..=to]
                .iter_mut()
                .for_each(|flag| *flag = true);
            gains[from..=to].iter_mut().for_each(|gain| *gain = 0.0);
            scores.story_list = Some((from, to));
        }
        scores.before = prefix_sums(gains.into_iter());
        scores
    }

    /// When the headline lies in an `<article>`, the first element after that article that
    /// holds [`MIN_LISTED_STORIES`] `<article>`s and little article text besides: a list of
    /// other stories (related posts), which may outweigh a short article.
    fn story_list_after_headline(
        &self,
        page: &Page,
        headline: Option<usize>,
    ) -> Option<(usize, usize)> {
        let headline = headline?;
        let article_end = (0..headline).rev().find_map(|at| {
            page.open(at)
                .filter(|open| open.name == "article" && open.close >= headline)
                .map(|open| open.close)
        })?;
        let end = page.tokens.len().saturating_sub(1);
        let articles: Vec<usize> = (article_end + 1..end)
            .filter(|&at| page.open(at).is_some_and(|open| open.name == "article"))
            .collect();
        (article_end + 1..end).find_map(|index| {
            let open = page.open(index)?;
            let close = open.close.min(end);
            let first = articles.partition_point(|&at| at <= index);
            let count = articles[first..].partition_point(|&at| at < close);
            if count < MIN_LISTED_STORIES || INLINE_TAGS.contains(&open.name) {
                return None;
            }
            let mut stories = 0;
            let mut in_stories = 0.0;
            let mut at = index + 1;
            while at < close {
                match page.open(at) {
                    Some(inner) if inner.name == "article" => {
                        stories += 1;
                        in_stories += self.good(page, at);
                        at = inner.close.max(at) + 1;
                    }
                    _ => at += 1,
                }
            }
            let good = self.good(page, index);
            (stories >= MIN_LISTED_STORIES && good - in_stories <= MAX_STORY_LIST_OWN_SHARE * good)
                .then_some((index, close))
        })
    }

    /// Size of the article text inside an element, chrome or not.
    fn good(&self, page: &Page, index: usize) -> f64 {
        let end = page.open(index).map_or(index, |open| open.close) + 1;
        let end = end.min(self.good_before.len() - 1);
        self.good_before[end] - self.good_before[index.min(end)]
    }

    /// Whether an element is chrome in earnest: marked so, and not holding most of `within`'s
    /// article text (a `<div class="box article modal-enabled">` around the story, an ASP.NET
    /// `<form>` around the whole page).
    fn is_effective_chrome(&self, page: &Page, index: usize, within: usize) -> bool {
        let chrome = page.open(index).map_or(Chrome::No, |open| open.chrome);
        let share = match chrome {
            Chrome::Strong => STRONG_CHROME_SHARE,
            Chrome::Weak | Chrome::Hidden => WEAK_CHROME_SHARE,
            Chrome::No => return false,
        };
        let good = self.good(page, index);
        // A hidden copy of the text for machines holds a marked body too: it stays chrome.
        good < share * self.good(page, within).max(1.0)
            && (chrome == Chrome::Hidden || !self.holds_marked_body(page, index, good))
    }

    /// Whether an element holds an element marked as the article body that holds half of its
    /// article text: a newsletter wrapper around a whole e-mail edition, say.
    fn holds_marked_body(&self, page: &Page, index: usize, good: f64) -> bool {
        let close = page.open(index).map_or(index, |open| open.close);
        let from = self.marked.partition_point(|(marked, _)| *marked <= index);
        self.marked[from..]
            .iter()
            .take_while(|(marked, _)| *marked < close)
            .any(|(_, marked_good)| *marked_good >= MIN_MARKED_BODY && *marked_good * 2.0 >= good)
    }

    /// The score of an element: the gains of the blocks inside it.
    fn score(&self, page: &Page, index: usize) -> f64 {
        let end = page.open(index).map_or(index, |open| open.close) + 1;
        let end = end.min(self.before.len() - 1);
        self.before[end] - self.before[index.min(end)]
    }

    /// Whether an element may hold the article: not chrome, not inline.
    fn is_candidate(&self, page: &Page, index: usize) -> bool {
        page.open(index)
            .is_some_and(|open| !self.in_chrome[index] && !INLINE_TAGS.contains(&open.name))
    }

    /// The element whose blocks add up to the highest score; then, while an element inside
    /// it that says it holds the article (`<article>`, `<main>`, a class such as
    /// `entry-content`) keeps enough of that score, that element: what it leaves out is other
    /// stories. An element that holds the headline, or follows it, needs less of the score;
    /// one inside an element marked as the article body needs nearly all of it.
    /// An unmarked element chosen inside a marked one that holds much more article text gives
    /// way to it.
    fn best(&self, page: &Page, headline: Option<usize>) -> Option<usize> {
        let mut best: Option<(usize, f64)> = None;
        for index in 0..page.tokens.len() {
            if !self.is_candidate(page, index) {
                continue;
            }
            let score = self.score(page, index);
            if score > 0.0 && best.is_none_or(|(_, top)| score > top) {
                best = Some((index, score));
            }
        }
        let (mut chosen, _) = best?;
        for _ in 0..MAX_DESCENTS {
            let score = self.score(page, chosen);
            let close = page.open(chosen).map_or(chosen, |open| open.close);
            let share = |index: usize| {
                let inner_close = page.open(index).map_or(index, |open| open.close);
                let is_anchored = headline.is_some_and(|at| {
                    (chosen..=close).contains(&at)
                        && (index > at || (index..=inner_close).contains(&at))
                });
                if page.open(chosen).is_some_and(|open| open.is_article_body) {
                    MARKED_DESCENT_SHARE
                } else if is_anchored {
                    ANCHORED_DESCENT_SHARE
                } else {
                    DESCENT_SHARE
                }
            };
            let inner = (chosen + 1..close)
                .filter(|&index| self.is_candidate(page, index) && is_marked_article(page, index))
                .map(|index| (index, self.score(page, index)))
                .filter(|&(index, inner_score)| inner_score >= share(index) * score)
                .max_by(|a, b| a.1.total_cmp(&b.1));
            match inner {
                Some((index, _)) => chosen = index,
                None => break,
            }
        }
        if !is_marked_article(page, chosen)
            && let Some(outer) = self.marked_around(page, chosen)
        {
            chosen = outer;
        }
        Some(chosen)
    }

    /// The nearest element around `index` that says it holds the article, when it holds
    /// [`ASCENT_SHARE`] times its article text: the element chosen for its score was then one
    /// section of an article whose lists of links or short lines cost the whole its score.
    fn marked_around(&self, page: &Page, index: usize) -> Option<usize> {
        let close = page.open(index).map_or(index, |open| open.close);
        let outer = (0..index).rev().find(|&at| {
            page.open(at).is_some_and(|open| open.close >= close) && is_marked_article(page, at)
        })?;
        (self.is_candidate(page, outer)
            && self.good(page, outer) >= ASCENT_SHARE * self.good(page, index))
        .then_some(outer)
    }
}

/// Whether an element says it holds an article.
fn is_marked_article(page: &Page, index: usize) -> bool {
    page.open(index)
        .is_some_and(|open| open.is_article_body || matches!(open.name, "article" | "main"))
}

fn prefix_sums(values: impl Iterator<Item = f64>) -> Vec<f64> {
    let mut sums = vec![0.0];
    let mut sum = 0.0;
    for value in values {
        sum += value;
        sums.push(sum);
    }
    sums
}

/// A block of text being gathered: a run of text between block-level tags.
#[derive(Default)]
struct Block {
    first: Option<usize>,
    text: usize,
    link: usize,
}

impl Block {
    fn add(&mut self, page: &Page, index: usize) {
        let text = page.text_len_of_token(index);
        if text == 0 {
            return;
        }
        self.first.get_or_insert(index);
        self.text += text;
        self.link += page.link_text_len_of_token(index);
    }

    /// Adds the block's gain at its first token and starts a new block.
    fn flush(&mut self, goods: &mut [f64], junks: &mut [f64]) {
        if let Some(first) = self.first.take() {
            let outside_links = self.text - self.link;
            let is_article_text = outside_links >= MIN_GOOD_BLOCK
                && (self.link as f64) < MAX_GOOD_LINK_DENSITY * self.text as f64;
            if is_article_text {
                goods[first] += outside_links as f64;
                junks[first] += LINK_TEXT_COST * self.link as f64;
            } else {
                junks[first] +=
                    LINK_TEXT_COST * self.link as f64 + SHORT_TEXT_COST * outside_links as f64;
            }
        }
        self.text = 0;
        self.link = 0;
    }
}

/// Renders an element's text, one block a line; chrome inside it is skipped unless it holds
/// most of the element's text, and so are lines made mostly of links.
fn render(page: &Page, scores: &Scores, container: usize) -> String {
    let Some(root) = page.open(container) else {
        return String::new();
    };
    let mut out = Lines::default();
    let mut index = container;
    let end = root.close.min(page.tokens.len().saturating_sub(1));
    while index <= end {
        match &page.tokens[index] {
            Token::Open(open) => {
                if index != container
                    && (scores.is_effective_chrome(page, index, container)
                        || scores.story_list.is_some_and(|(from, _)| from == index))
                {
                    index = open.close.max(index) + 1;
                    continue;
                }
                if BLOCK_TAGS.contains(&open.name) {
                    out.break_line();
                }
                if open.name == "pre" {
                    out.push_preformatted(&text_in(page, index));
                    index = open.close.max(index) + 1;
                    continue;
                }
                if open.name == "tr" && is_simple_row(page, index) {
                    out.push_row(&cells(page, index));
                    index = open.close.max(index) + 1;
                    continue;
                }
            }
            Token::Text(text) => out.push_text(text, page.link_text_len_of_token(index)),
            Token::Close { open } => {
                if page
                    .open(*open)
                    .is_some_and(|o| BLOCK_TAGS.contains(&o.name))
                {
                    out.break_line();
                }
            }
        }
        index += 1;
    }
    out.finish()
}

/// All text inside an element, as written.
fn text_in(page: &Page, index: usize) -> String {
    let close = page.open(index).map_or(index, |open| open.close);
    page.tokens[index..close.min(page.tokens.len())]
        .iter()
        .filter_map(|token| match token {
            Token::Text(text) => Some(text.as_ref()),
            _ => None,
        })
        .collect()
}

/// Whether a table row holds only cells of inline content, so it reads as one line of data
/// rather than a layout grid holding paragraphs.
fn is_simple_row(page: &Page, row: usize) -> bool {
    let close = page.open(row).map_or(row, |open| open.close);
    (row + 1..close).all(|i| {
        page.open(i).is_none_or(|open| {
            matches!(open.name, "td" | "th" | "br") || !BLOCK_TAGS.contains(&open.name)
        })
    })
}

/// The text of each cell of a simple row.
fn cells(page: &Page, row: usize) -> Vec<String> {
    let close = page.open(row).map_or(row, |open| open.close);
    let mut cells: Vec<String> = Vec::new();
    for index in row + 1..close {
        match &page.tokens[index] {
            Token::Open(open) if matches!(open.name, "td" | "th") => cells.push(String::new()),
            Token::Text(text) => {
                if let Some(cell) = cells.last_mut() {
                    cell.push(' ');
                    cell.push_str(text);
                }
            }
            _ => {}
        }
    }
    cells
        .iter()
        .map(|cell| cell.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|cell| !cell.is_empty())
        .collect()
}

/// Text gathered into lines, whitespace collapsed; lines mostly made of links, and teasers of
/// other stories, are dropped.
#[derive(Default)]
struct Lines {
    text: String,
    line: String,
    pending_space: bool,
    /// Bytes of non-space text, and of link text, in the line.
    line_text: usize,
    line_link: usize,
}

impl Lines {
    fn push_text(&mut self, text: &str, link: usize) {
        self.line_link += link;
        self.line_text += text.split_whitespace().map(str::len).sum::<usize>();
        self.push_chars(text);
    }

    fn push_chars(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
            } else {
                if self.pending_space && !self.line.is_empty() {
                    self.line.push(' ');
                }
                self.pending_space = false;
                self.line.push(c);
            }
        }
    }

    fn break_line(&mut self) {
        let line = self.line.trim();
        let is_links = self.line_link as f64 > MAX_LINE_LINK_DENSITY * self.line_text as f64;
        // The teaser of another story: its headline linked, its excerpt cut short.
        let is_teaser = (line.ends_with("...") || line.ends_with('\u{2026}'))
            && self.line_link as f64 >= MIN_TEASER_LINK_SHARE * self.line_text as f64;
        let is_links = is_links || is_teaser;
        self.line_text = 0;
        self.line_link = 0;
        if !line.is_empty() && !is_links {
            self.text.push_str(line);
            self.text.push('\n');
        }
        self.line.clear();
        self.pending_space = false;
    }

    fn push_preformatted(&mut self, text: &str) {
        for line in text.lines() {
            self.push_chars(line);
            self.break_line();
        }
    }

    fn push_row(&mut self, cells: &[String]) {
        self.break_line();
        if !cells.is_empty() {
            self.text.push_str(&cells.join("\t"));
            self.text.push('\n');
        }
    }

    fn finish(mut self) -> String {
        self.break_line();
        self.text.truncate(self.text.trim_end().len());
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::parse;

    fn main_text(html: &str) -> String {
        find(&parse(html), None).text
    }

    #[test]
    fn the_densest_paragraphs_win_over_chrome() {
        let text = main_text(
            "<body><div class=menu><p>Home</p><p>World</p></div>\
             <div id=story><h2>What happened</h2>\
             <p>The first paragraph of the story is long enough to count for something.</p>\
             <p>The second paragraph of the story is long enough to count as well.</p>\
             <div class=share-tools><p>Share this article on every network you know</p></div>\
             </div><footer><p>About us and every other link a footer holds here.</p></footer>\
             </body>",
        );
        assert_eq!(
            text,
            "What happened\n\
             The first paragraph of the story is long enough to count for something.\n\
             The second paragraph of the story is long enough to count as well."
        );
    }

    #[test]
    fn rows_are_tab_joined_and_breaks_split_lines() {
        let text = main_text(
            "<body><article><p>Results were announced on Sunday in the capital city.<br>Turnout \
             was high.</p><table><tr><th>Party</th><th>Seats</th></tr>\
             <tr><td>Blue</td><td>12</td></tr></table></article></body>",
        );
        assert_eq!(
            text,
            "Results were announced on Sunday in the capital city.\nTurnout was high.\n\
             Party\tSeats\nBlue\t12"
        );
    }

    #[test]
    fn a_body_split_by_an_embed_is_kept_whole() {
        let text = main_text(
            "<body><div class=menu><p>Home</p><p>World</p></div>\
             <article itemprop=articleBody><div class=article-body-text>\
             <p>The first paragraph of the story is long enough to count for something.</p>\
             <p>The second paragraph of the story is long enough to count as well here.</p>\
             <p>The third paragraph of the story is long enough to count as well again.</p>\
             </div><div class=embed><iframe src=x></iframe></div>\
             <div class=article-body-text>\
             <p>The last paragraph of the story comes after the embedded player here.</p>\
             </div></article></body>",
        );
        assert!(
            text.ends_with("comes after the embedded player here."),
            "{text}"
        );
    }

    #[test]
    fn teasers_of_other_stories_are_dropped() {
        let text = main_text(
            "<body><div><p><a href=/x>Talks stall in Vienna</a> Delegations left the table \
             on Monday and officials said the...</p>\
             <p>The first paragraph of the story is long enough to count for something.</p>\
             <p>The second paragraph of the story is long enough to count as well...</p>\
             </div></body>",
        );
        assert!(!text.contains("Vienna"), "{text}");
        assert!(text.ends_with("count as well..."), "{text}");
    }

    #[test]
    fn a_list_of_stories_after_the_article_is_left_out() {
        let story = |n: usize| {
            format!(
                "<article><h3>Other story {n}</h3><p>Another story whose excerpt is long \
                 enough to count as article text, number {n}, and longer still.</p></article>"
            )
        };
        let html = format!(
            "<body><div id=primary><article><h1>Love yourself</h1>\
             <p>The short article that the page is about, long enough to count as text.</p>\
             </article><article class=related><h3>Related</h3>{}{}{}</article></div></body>",
            story(1),
            story(2),
            story(3)
        );
        let page = parse(&html);
        let headline = (0..page.tokens.len())
            .find(|&index| page.open(index).is_some_and(|open| open.name == "h1"));
        let text = find(&page, headline).text;
        assert!(text.starts_with("Love yourself"), "{text}");
        assert!(!text.contains("Another story"), "{text}");
    }

    #[test]
    fn a_form_around_the_page_is_not_chrome() {
        let text = main_text(
            "<body><form id=aspnetForm><div><p>The whole page sits inside a form, as ASP.NET \
             pages do, and its paragraphs must still be read.</p></div></form></body>",
        );
        assert!(text.starts_with("The whole page sits inside a form"));
    }
}
