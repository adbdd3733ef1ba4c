//! Title, authors, dates and canonical URL from the facts of a page.
//!
//! Each value comes from the most explicit source that has it: JSON-LD, then `<meta>`, then the
//! markup of the body, then the URL. Dates keep where they came from.

use std::sync::LazyLock;

use crate::byline;
use crate::dateline::{self, Dateline};
use crate::dates;
use crate::dom::{Chrome, Facts, Page, TimeFact, Token};
use crate::jsonld::LinkedArticle;
use crate::lexicon::Words;

static BYLINE_ROLES: LazyLock<Words> =
    LazyLock::new(|| Words::parse(include_str!("../data/byline_roles.txt")));
static INTERFACE_WORDS: LazyLock<Words> =
    LazyLock::new(|| Words::parse(include_str!("../data/interface_words.txt")));
static ORGANIZATION_WORDS: LazyLock<Words> =
    LazyLock::new(|| Words::parse(include_str!("../data/organization_words.txt")));

/// `<meta>` keys that give the publication time, most explicit first.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "itemprop:datepublished",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "article.published",
    "article:published",
    "parsely-pub-date",
    "published",
    "published-date",
    "published_date",
    "w-published-date",
    "citation_publication_date",
    "citation_date",
    "cludo:date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "date",
];
/// `<meta>` keys that give the last modification time.
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "itemprop:datemodified",
    "datemodified",
    "lastmod",
    "last-modified",
    "dcterms.modified",
    "dc.date.modified",
];
/// `<meta>` keys that give author names.
const AUTHOR_KEYS: &[&str] = &[
    "author",
    "article:author",
    "byl",
    "sailthru.author",
    "parsely-author",
    "dc.creator",
    "dcterms.creator",
];
/// `<meta>` keys that give the site's name.
const SITE_NAME_KEYS: &[&str] = &["og:site_name", "application-name", "publisher"];
/// Separators between a headline and the site's name in a `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " — ", " – ", " - ", " :: ", " · ", " • ", " // "];
/// A name has at most this many words and characters.
const NAME_MAX_WORDS: usize = 5;
const NAME_MAX_CHARS: usize = 60;
/// Lowercase words allowed inside a name ("Ursula von der Leyen").
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "der", "den", "di", "van", "von", "la", "le", "bin", "al", "el",
    "du", "dos", "das", "ter", "ten", "y",
];
/// Words that stand in author fields where no author is named.
const GENERIC_NAMES: &[&str] = &[
    "admin",
    "administrator",
    "user",
    "guest",
    "author",
    "unknown",
    "anonymous",
    "webmaster",
    "undefined",
    "null",
    "none",
];
/// An unlabelled byline is looked for in this many texts after the headline, in a line of at
/// most this many bytes.
const DATED_BYLINE_TEXTS: usize = 4;
const MAX_DATED_BYLINE: usize = 160;
/// An `<h1>` is the headline when it has this many words...
const MIN_HEADLINE_WORDS: usize = 2;
const MAX_HEADLINE_WORDS: usize = 40;
const MAX_HEADLINE_BYTES: usize = 600;
/// ... and shares this share of its words with the declared title (or lies in the main text).
const MIN_HEADLINE_OVERLAP: f64 = 0.3;

/// Metadata read from a page.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Metadata {
    pub(crate) title: Option<String>,
    /// The headline as the page shows it, where it differs from `title` or not.
    pub(crate) shown_title: Option<String>,
    pub(crate) authors: Vec<String>,
    pub(crate) published: Option<String>,
    pub(crate) modified: Option<String>,
    pub(crate) date_source: Option<String>,
    pub(crate) canonical_url: Option<String>,
}

/// Reads the metadata. `main` is the token range of the main text, to prefer a `<time>` there.
pub(crate) fn read(
    page: &Page,
    linked: Option<&LinkedArticle>,
    url: Option<&str>,
    main: Option<(usize, usize)>,
) -> Metadata {
    let facts = &page.facts;
    let month_first = facts.lang.as_deref().is_none_or(|lang| {
        let lang = lang.to_ascii_lowercase();
        lang == "en" || lang.starts_with("en-us") || lang.starts_with("en_us")
    });
    let canonical_url = facts
        .canonical
        .as_deref()
        .or_else(|| facts.meta("og:url"))
        .and_then(|href| resolve(href, url));
    let site_names = site_names(facts, linked, canonical_url.as_deref().or(url));
    let declared_title = title(facts, linked, &site_names);
    let shown_title = headline_text(page, declared_title.as_deref(), main);
    let title = shown_title
        .clone()
        .map(|shown| match declared_title.as_deref() {
            Some(declared) if is_fuller_form(declared, &shown) => declared.to_string(),
            _ => shown,
        })
        .or(declared_title)
        .map(repaired);
    let shown = dateline::find(page, main, title.as_deref(), month_first);
    let modified = linked
        .and_then(|article| article.modified.as_deref())
        .and_then(dates::normalise)
        .or_else(|| {
            MODIFIED_KEYS
                .iter()
                .find_map(|key| facts.meta(key).and_then(dates::normalise))
        });
    let on_page = dateline::page_dates(page, month_first);
    let (published, date_source) = published(
        facts,
        linked,
        main,
        &shown,
        &on_page,
        url,
        canonical_url.as_deref(),
    )
    .unzip();
    Metadata {
        authors: authors(page, linked, main, title.as_deref(), &site_names)
            .into_iter()
            .map(repaired)
            .collect(),
        title,
        shown_title: shown_title.map(repaired),
        published,
        modified,
        date_source: date_source.map(str::to_string),
        canonical_url,
    }
}

fn site_names(
    facts: &Facts,
    linked: Option<&LinkedArticle>,
    canonical: Option<&str>,
) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let declared = SITE_NAME_KEYS
        .iter()
        .filter_map(|key| facts.meta(key))
        .chain(linked.and_then(|article| article.publisher.as_deref()))
        .chain(
            facts
                .meta("twitter:site")
                .map(|handle| handle.trim_start_matches('@')),
        )
        .map(collapse_whitespace);
    for name in declared {
        // "LinkNaija | Nigeria's popular news platform" names the site "LinkNaija" too.
        let short = TITLE_SEPARATORS
            .iter()
            .filter_map(|separator| name.split_once(separator).map(|(head, _)| head.trim()))
            .min_by_key(|head| head.len())
            .map(str::to_string);
        names.extend(short);
        names.push(name);
    }
    // The site's own domain name ("linknaija" for www.linknaija.com), to compare squeezed.
    if let Some(label) = canonical.and_then(dossier_model::site_label) {
        names.push(label);
    }
    names.retain(|name| !name.is_empty());
    names.dedup();
    names
}

/// Whether a name is the site's: equal to a site name, or to its domain name once squeezed
/// ("Link Naija" and "linknaija").
fn is_site_name(name: &str, site_names: &[String]) -> bool {
    let squeezed = |text: &str| -> String {
        text.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let name_squeezed = squeezed(name);
    site_names.iter().any(|site| {
        site.eq_ignore_ascii_case(name.trim())
            || (!name_squeezed.is_empty() && squeezed(site) == name_squeezed)
    })
}

/// The title the page declares, less the site's name. A declared title that is only the
/// site's name (an `og:title` of "Example News" beside a second one naming the article) names
/// no article and is passed over.
fn title(facts: &Facts, linked: Option<&LinkedArticle>, site_names: &[String]) -> Option<String> {
    let candidates = facts
        .metas_named("og:title")
        .chain(linked.and_then(|article| article.headline.as_deref()))
        .chain(facts.metas_named("twitter:title"))
        .chain(facts.title.as_deref())
        .map(collapse_whitespace)
        .filter(|title| !title.is_empty());
    let mut first = None;
    for candidate in candidates {
        if !is_site_name(&candidate, site_names) {
            return Some(strip_site_name(&candidate, site_names));
        }
        first.get_or_insert(candidate);
    }
    first.map(|title| strip_site_name(&title, site_names))
}

/// Where the headline stands: the first `<h1>` sharing half of its words with the title the
/// page declares (`og:title`, JSON-LD `headline`, `<title>`).
pub(crate) fn headline_anchor(page: &Page, linked: Option<&LinkedArticle>) -> Option<usize> {
    let facts = &page.facts;
    let declared = [
        facts.meta("og:title"),
        linked.and_then(|article| article.headline.as_deref()),
        facts.title.as_deref(),
    ]
    .into_iter()
    .flatten()
    .find(|title| !title.trim().is_empty())?;
    let declared_words = title_words(declared);
    page.tokens.iter().enumerate().find_map(|(index, token)| {
        let Token::Open(open) = token else {
            return None;
        };
        if open.name != "h1" || open.chrome == Chrome::Strong {
            return None;
        }
        let heading = title_words(&page.bounded_inline_text(index, MAX_HEADLINE_BYTES));
        let shared = heading
            .iter()
            .filter(|word| declared_words.contains(word))
            .count();
        (!heading.is_empty() && shared * 2 >= heading.len()).then_some(index)
    })
}

/// The headline as the page shows it: the `<h1>` sharing the most words with the declared
/// title (`og:title` and the like are often written for search engines and social cards, the
/// `<h1>` for readers), else the `<h1>` in the main text; `None` when there is no such `<h1>`.
fn headline_text(
    page: &Page,
    declared: Option<&str>,
    main: Option<(usize, usize)>,
) -> Option<String> {
    let declared_words = declared.map(title_words).unwrap_or_default();
    let mut best: Option<(f64, String)> = None;
    let mut in_main: Option<(f64, String)> = None;
    for (index, token) in page.tokens.iter().enumerate() {
        let Token::Open(open) = token else { continue };
        if open.name != "h1" || open.chrome == Chrome::Strong {
            continue;
        }
        let text = collapse_whitespace(&page.bounded_inline_text(index, MAX_HEADLINE_BYTES));
        let text = without_edge_date(&text);
        let count = text.split_whitespace().count();
        if !(MIN_HEADLINE_WORDS..=MAX_HEADLINE_WORDS).contains(&count) {
            continue;
        }
        let heading_words = title_words(&text);
        let shared = heading_words
            .iter()
            .filter(|word| declared_words.contains(word))
            .count();
        let overlap = shared as f64 / heading_words.len().max(declared_words.len()).max(1) as f64;
        if best.as_ref().is_none_or(|(top, _)| overlap > *top) {
            best = Some((overlap, text.clone()));
        }
        if in_main.is_none() && main.is_some_and(|(start, end)| (start..end).contains(&index)) {
            in_main = Some((overlap, text));
        }
    }
    match best {
        Some((overlap, text)) if overlap >= MIN_HEADLINE_OVERLAP => Some(text),
        // The first headline of the main text, for a page that declares no title: where the
        // declared title and the headlines disagree, the declared one is the article's (a
        // headline of the main text that differs from it heads a part of the page).
        _ => in_main
            .filter(|_| declared_words.is_empty())
            .map(|(_, text)| text),
    }
}

/// Whether the declared title is the shown headline with one word more: the headline on the
/// page often drops a count or a year that the declared title keeps ("Recent Trends in
/// Photography" under "8 Recent Trends in Photography"), or lost a character the declared
/// title still has.
fn is_fuller_form(declared: &str, shown: &str) -> bool {
    let declared_words = title_words(declared);
    let shown_words = title_words(shown);
    declared_words.len() == shown_words.len() + 1
        && shown_words.iter().all(|word| declared_words.contains(word))
}

/// The lowercase words of a title.
fn title_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Removes the site's name from before or after a headline ("Talks resume | Example News").
/// A known site name goes whatever the separator; an unknown one only when it is short and
/// looks like a name, so that a headline with a dash in it stays whole.
pub(crate) fn strip_site_name(title: &str, site_names: &[String]) -> String {
    let mut title = title.to_string();
    for _ in 0..2 {
        let Some(shorter) = strip_once(&title, site_names) else {
            break;
        };
        title = shorter;
    }
    title
}

fn strip_once(title: &str, site_names: &[String]) -> Option<String> {
    let is_site = |part: &str| is_site_name(part, site_names);
    for separator in TITLE_SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            let looks_like_name = looks_like_site_name(tail, separator)
                && (*separator != " - " || words(tail) < words(head));
            if !head.trim().is_empty() && (is_site(tail) || looks_like_name) {
                return Some(head.trim().to_string());
            }
        }
        let prefixed = title
            .split_once(separator)
            .filter(|(head, tail)| !tail.trim().is_empty() && is_site(head));
        if let Some((_, tail)) = prefixed {
            return Some(tail.trim().to_string());
        }
    }
    None
}

/// Whether the part after a separator looks like a site or section name: a few capitalised
/// words or a domain. A hyphen needs more proof than a bar, which headlines seldom contain.
fn looks_like_site_name(part: &str, separator: &str) -> bool {
    let part = part.trim();
    let max_words = if separator == " - " { 3 } else { 4 };
    let count = words(part);
    let capitalised = part
        .split_whitespace()
        .all(|word| word.chars().next().is_some_and(|c| !c.is_lowercase()));
    let is_domain = !part.contains(' ') && part.contains('.');
    count >= 1 && count <= max_words && part.chars().count() <= 40 && (capitalised || is_domain)
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The authors: JSON-LD's, else `<meta>`'s (but a user name there gives way to a byline),
/// else a byline near the headline ("By Ann Lee"), else the text of byline markup
/// (`rel="author"`, a class naming an author), nearest the headline first, else a person's
/// name in the dated line under the headline.
fn authors(
    page: &Page,
    linked: Option<&LinkedArticle>,
    main: Option<(usize, usize)>,
    title: Option<&str>,
    site_names: &[String],
) -> Vec<String> {
    let shown = || {
        byline::find(page, main, title)
            .map(|byline| without_sites(split_names(byline_names(&byline)), site_names))
            .unwrap_or_default()
    };
    if let Some(declared) = declared_authors(page, linked, site_names) {
        // A user name ("annlee82") gives way to the name the byline shows.
        if declared.iter().all(|name| is_user_name(name)) {
            let shown = shown();
            if !shown.is_empty() {
                return shown;
            }
        }
        return declared;
    }
    let shown = shown();
    if !shown.is_empty() {
        return shown;
    }
    let from_markup = authors_from_markup(page, main, title, site_names);
    if !from_markup.is_empty() {
        return from_markup;
    }
    let dated = dated_byline(page, title)
        .map(|line| {
            let mut names = split_names(byline_names(&line));
            names.retain(|name| reads_as_person(name));
            without_sites(names, site_names)
        })
        .unwrap_or_default();
    if !dated.is_empty() {
        return dated;
    }
    // Nothing on the page names a writer, and the metadata names the site itself as the
    // author: a company's own post, credited to the company.
    declared_authors(page, linked, &[]).unwrap_or_default()
}

/// The line just under the headline that holds a date beside other parts ("Ann Lee | Senior
/// Writer | July 2, 2025", "Dec 26, 2025 • Ann Lee in Travel"): an unlabelled byline.
fn dated_byline(page: &Page, title: Option<&str>) -> Option<String> {
    let anchor = dateline::headline(page, title)?;
    let after = page.open(anchor)?.close;
    let texts = (after..page.tokens.len())
        .filter(
            |&index| matches!(&page.tokens[index], Token::Text(text) if !text.trim().is_empty()),
        )
        .take(DATED_BYLINE_TEXTS);
    for index in texts {
        let Token::Text(text) = &page.tokens[index] else {
            continue;
        };
        if text.len() > MAX_DATED_BYLINE || dates::find_written(text, true).is_none() {
            continue;
        }
        // The block the date stands in, whole.
        let block = (after..index).rev().find(|&at| {
            page.open(at)
                .is_some_and(|open| open.close > index && matches!(open.name, "p" | "div" | "li"))
        })?;
        let line = collapse_whitespace(&page.bounded_inline_text(block, MAX_DATED_BYLINE));
        return (line.len() < MAX_DATED_BYLINE).then_some(line);
    }
    None
}

/// The authors the metadata declares: JSON-LD, else `<meta>` (every `citation_author`, or
/// `citation_authors` as some journals write it, of a paper), else a Twitter card's "Written by" label.
fn declared_authors(
    page: &Page,
    linked: Option<&LinkedArticle>,
    site_names: &[String],
) -> Option<Vec<String>> {
    let facts = &page.facts;
    let from_linked: Vec<String> = linked
        .map(|article| {
            article
                .authors
                .iter()
                .flat_map(|name| split_declared_names(name))
                .collect()
        })
        .unwrap_or_default();
    let names = without_sites(from_linked, site_names);
    if !names.is_empty() {
        return Some(names);
    }
    // One author a tag, often written "Last, First"; some journals name the tag in the plural.
    let citation: Vec<String> = facts
        .metas_named("citation_author")
        .chain(facts.metas_named("citation_authors"))
        .flat_map(|value| value.split(';'))
        .map(collapse_whitespace)
        .filter(|name| looks_like_name(&name.replace(',', " ")))
        .collect();
    let citation = without_sites(citation, site_names);
    if !citation.is_empty() {
        return Some(citation);
    }
    // Yoast writes the author as a Twitter card label: "Written by" and the name, in any of
    // the card's label slots.
    let card_author = ["1", "2", "3", "4"].into_iter().find_map(|n| {
        (facts.meta(&format!("twitter:label{n}")) == Some("Written by"))
            .then(|| facts.meta(&format!("twitter:data{n}")))
            .flatten()
    });
    AUTHOR_KEYS
        .iter()
        .filter_map(|key| facts.meta(key))
        .chain(card_author)
        .map(|value| without_sites(split_declared_names(value), site_names))
        .find(|names| !names.is_empty())
}

/// Whether a declared name is a user name: one word, not capitalised or holding a digit or
/// an underscore.
fn is_user_name(name: &str) -> bool {
    let camel = name
        .chars()
        .zip(name.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase());
    !name.contains(' ')
        && (camel
            || name.starts_with(char::is_lowercase)
            || name.chars().any(|c| c.is_ascii_digit() || c == '_'))
}

/// Authors from byline markup and author boxes, for pages that declare none and show no
/// labelled byline near the headline.
fn authors_from_markup(
    page: &Page,
    main: Option<(usize, usize)>,
    title: Option<&str>,
    site_names: &[String],
) -> Vec<String> {
    let facts = &page.facts;
    // Byline markup is loose (a class named "author" may hold a link labelled "HOME"): only
    // names of two words or more are taken from it, nearest the headline first.
    let anchor = dateline::headline(page, title).unwrap_or(main.map_or(0, |(start, _)| start));
    let mut bylines: Vec<&(usize, String)> = facts.bylines.iter().collect();
    bylines.sort_by_key(|(at, _)| {
        if *at >= anchor {
            *at - anchor
        } else {
            (anchor - *at) * 2
        }
    });
    let from_markup = bylines
        .into_iter()
        .filter(|(at, _)| !follows_other_role(page, *at))
        .map(|(_, byline)| {
            let mut names = split_names(byline_names(before_other_roles(byline)));
            names.retain(|name| name.split_whitespace().count() >= 2);
            without_sites(names, site_names)
        })
        .find(|names| !names.is_empty());
    if let Some(names) = from_markup {
        return names;
    }
    // Last, a writer named in an author box below the article ("Written by Ann Lee"); again
    // only names of two words or more.
    byline::find_anywhere(page)
        .map(|byline| {
            let mut names = split_names(byline_names(&byline));
            names.retain(|name| name.split_whitespace().count() >= 2);
            without_sites(names, site_names)
        })
        .unwrap_or_default()
}

/// The text with UTF-8 that was read as Latin-1 read again ("Investorâ\u{80}\u{99}s" gives
/// "Investor’s"): only when every character fits in a byte and those bytes are valid UTF-8,
/// which Latin-1 text almost never is.
fn repaired(text: String) -> String {
    if text.is_ascii() {
        return text;
    }
    let bytes: Option<Vec<u8>> = text
        .chars()
        .map(|c| u8::try_from(u32::from(c)).ok())
        .collect();
    let Some(bytes) = bytes else {
        return text;
    };
    match String::from_utf8(bytes) {
        Ok(fixed) => fixed,
        Err(_) => text,
    }
}

/// The headline less a date written before or after it in the same element ("Dec 18 2025
/// Preparing a transition", "Backpacking Checklist January 1, 2025"): the date is the
/// article's, not part of its title.
fn without_edge_date(text: &str) -> String {
    // Only a date written with a month name: "Wrap-Up 12/19/2025" names a weekly report.
    let Some((_, at)) = dates::find_written(text, true)
        .filter(|(_, at)| text[at.clone()].chars().any(char::is_alphabetic))
    else {
        return text.to_string();
    };
    let before =
        text[..at.start].trim_end_matches([' ', '-', '|', '\u{2013}', '\u{2014}', ':', ',']);
    let after =
        text[at.end..].trim_start_matches([' ', '-', '|', '\u{2013}', '\u{2014}', ':', ',']);
    let kept = match (before.trim().is_empty(), after.trim().is_empty()) {
        (true, false) => after,
        (false, true) => before,
        _ => return text.to_string(),
    };
    if kept.split_whitespace().count() >= MIN_HEADLINE_WORDS {
        kept.trim().to_string()
    } else {
        text.to_string()
    }
}

/// Whether a name reads as a person's: two to four words, each capitalised and not all in
/// capitals, not opening with "The", none a word like "News" or "Media".
pub(crate) fn reads_as_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && !words[0].eq_ignore_ascii_case("the")
        && words.iter().all(|word| {
            let mut letters = word.chars().filter(|c| c.is_alphabetic());
            let first_is_capital = letters.next().is_some_and(char::is_uppercase);
            let rest: Vec<char> = letters.collect();
            first_is_capital
                && (rest.len() <= 1 || rest.iter().any(|c| c.is_lowercase()))
                && !word
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|part| ORGANIZATION_WORDS.contains(part))
        })
}

/// Names less those of the site, unless they read as a person's ("Karl Voit" on Karl Voit's
/// blog): a name of one word, or holding a word like "News" or "Media", is the publisher's.
fn without_sites(names: Vec<String>, site_names: &[String]) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    for name in names {
        let is_site = is_site_name(&name, site_names) && !reads_as_person(&name);
        let is_repeat = kept.iter().any(|seen| seen.eq_ignore_ascii_case(&name));
        if !is_site && !is_repeat {
            kept.push(name);
        }
    }
    kept
}

/// Labels of people credited beside the writer, lowercase: a reviewer, an editor, a
/// photographer is not an author.
const OTHER_ROLES: &[&str] = &[
    "reviewed by",
    "fact checked by",
    "fact-checked by",
    "edited by",
    "photos by",
    "photo by",
    "photography by",
    "illustrations by",
    "illustration by",
];

/// Whether the text just before the element at `at` labels another role ("Reviewed by"
/// then a link to the reviewer).
fn follows_other_role(page: &Page, at: usize) -> bool {
    let previous = page.tokens[..at.min(page.tokens.len())]
        .iter()
        .rev()
        .take(6)
        .find_map(|token| match token {
            Token::Text(text) if !text.trim().is_empty() => Some(text.trim().to_lowercase()),
            _ => None,
        });
    previous.is_some_and(|text| OTHER_ROLES.iter().any(|label| text.ends_with(label)))
}

/// The byline's text before the first label of another role ("By Ann Lee Reviewed by Bo
/// Chen" gives "By Ann Lee"; "Reviewed by Bo Chen" gives nothing).
fn before_other_roles(byline: &str) -> &str {
    let lower = byline.to_lowercase();
    if lower.len() != byline.len() {
        return byline;
    }
    let end = OTHER_ROLES
        .iter()
        .filter_map(|label| lower.find(label))
        .min()
        .unwrap_or(byline.len());
    &byline[..end]
}

/// The part of a byline's text that names people: "By Ann Lee and Bo Chen | Updated 3 May"
/// gives "Ann Lee and Bo Chen".
fn byline_names(byline: &str) -> &str {
    let is_label_or_date = |text: &str| {
        text.eq_ignore_ascii_case("by")
            || byline::after_label(text).is_some_and(|rest| rest.trim().is_empty())
            || dates::find_written(text, true).is_some_and(|(_, at)| {
                text[..at.start].trim().len() + text[at.end..].trim().len() <= 2
            })
    };
    let first_line = byline
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !is_label_or_date(line))
        .unwrap_or("");
    let separators = [
        " | ",
        " • ",
        " · ",
        " — ",
        " – ",
        " - ",
        "|",
        " in ",
        " on ",
        " for ",
        " published",
        " updated",
        " posted",
    ];
    // The first part that is not a date: "Dec. 19, 2025 · Ann Lee" gives "Ann Lee".
    let mut rest = first_line;
    loop {
        let end = separators
            .iter()
            .filter_map(|separator| rest.find(separator).map(|at| (at, separator.len())))
            .min();
        let (part, next) = match end {
            Some((at, len)) => (&rest[..at], &rest[at + len..]),
            None => (rest, ""),
        };
        if !is_label_or_date(part.trim()) || next.is_empty() {
            return part;
        }
        rest = next;
    }
}

/// Splits "By Ann Lee, Bo Chen and Cy Diaz" into names, keeping only parts that look like a
/// person's name.
fn split_names(raw: &str) -> Vec<String> {
    split_names_with(raw, looks_like_name)
}

/// Splits the value of a field that is meant to hold author names (`<meta name="author">`,
/// JSON-LD `author`): names there may be written in lowercase or be a user name ("kirstin
/// boatto", "aawoods").
fn split_declared_names(raw: &str) -> Vec<String> {
    split_names_with(raw, |name| {
        looks_like_name(name) || looks_like_declared_name(name)
    })
}

/// A lowercase name or user name: letters, with `-`, `_` or `'` inside, in at most
/// [`NAME_MAX_WORDS`] words; never a generic word ("admin", "editor").
fn looks_like_declared_name(name: &str) -> bool {
    let bare = without_aside(name);
    let words: Vec<&str> = bare.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= NAME_MAX_WORDS
        && bare.chars().count() <= NAME_MAX_CHARS
        && words.iter().all(|word| {
            word.chars().next().is_some_and(char::is_alphabetic)
                && word.chars().all(|c| c.is_alphabetic() || "-_'".contains(c))
                && !BYLINE_ROLES.contains(word)
                && !GENERIC_NAMES.contains(&word.to_lowercase().as_str())
        })
}

fn split_names_with(raw: &str, is_name: impl Fn(&str) -> bool) -> Vec<String> {
    // Values escaped twice ("Maria &amp;amp; Katerina") are common.
    let text = collapse_whitespace(&crate::entities::decode(raw));
    let text = strip_by(&text);
    if text.contains("://") || text.starts_with("www.") || text.contains('@') {
        return Vec::new();
    }
    let mut names = Vec::new();
    for part in text.split([',', ';', '&', '|']) {
        for name in part.split(" and ") {
            let name = strip_by(name.trim());
            if is_name(name) {
                names.push(name.to_string());
            }
        }
    }
    names
}

fn strip_by(text: &str) -> &str {
    let trimmed = text.trim();
    byline::after_label(trimmed).map_or(trimmed, str::trim)
}

/// A name without a parenthesised aside ("Jean-Luc Aufranc (CNXSoft)" is judged as
/// "Jean-Luc Aufranc"; the aside stays in what is returned).
fn without_aside(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn looks_like_name(name: &str) -> bool {
    let bare = without_aside(name);
    let name = bare.as_str();
    let words: Vec<&str> = name.split_whitespace().collect();
    let is_domain = |word: &&str| {
        word.split_once('.')
            .is_some_and(|(_, after)| after.len() >= 2 && after.chars().all(char::is_alphabetic))
    };
    !words.is_empty()
        && !words.iter().any(is_domain)
        && !words.iter().any(|word| {
            let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
            BYLINE_ROLES.contains(bare) || INTERFACE_WORDS.contains(bare)
        })
        && words.len() <= NAME_MAX_WORDS
        && name.chars().count() <= NAME_MAX_CHARS
        && !name.chars().any(|c| c.is_ascii_digit())
        && words.iter().all(|word| {
            word.chars().next().is_some_and(char::is_uppercase)
                || NAME_PARTICLES.contains(&word.to_lowercase().as_str())
        })
}

/// The publication date and where it came from: JSON-LD, `<meta>`, a `<time>` marked as the
/// publication time or inside the main text, a date shown near the headline, a date labelled
/// as the publication date anywhere on the page, the URL.
///
/// A date of the metadata that the page never shows, where the page shows another beside its
/// headline, gives way to the shown one: the metadata of such pages is often the date the
/// page was first created in the content system, not the date its readers are given. A
/// timestamp that is the shown day in another time zone is the same moment, and it stands.
///
/// A site's home page has none: its dates are those of the latest posts or of the last edit.
fn published(
    facts: &Facts,
    linked: Option<&LinkedArticle>,
    main: Option<(usize, usize)>,
    shown: &[Dateline],
    on_page: &dateline::PageDates,
    url: Option<&str>,
    canonical: Option<&str>,
) -> Option<(String, &'static str)> {
    if url.is_some_and(is_home_page) {
        return None;
    }
    let from_linked = linked
        .and_then(|article| article.published.as_deref())
        .and_then(dates::normalise)
        .map(|date| (date, "json-ld"));
    let declared = from_linked.or_else(|| {
        PUBLISHED_KEYS
            .iter()
            .find_map(|key| facts.meta(key).and_then(dates::normalise))
            .map(|date| (date, "meta"))
    });
    let from_url = url.into_iter().chain(canonical).find_map(dates::from_url);
    // A day written `09.10.2024` is read the other way round where the metadata or the URL
    // gives that other reading and not this one.
    let first_shown = shown.first().map(|first| {
        let mut evidence = declared
            .iter()
            .map(|(date, _)| date.as_str())
            .chain(from_url.as_deref());
        match dates::swapped(&first.date) {
            Some(other)
                if evidence.clone().any(|date| date.starts_with(&other))
                    && !evidence.any(|date| date.starts_with(&first.date)) =>
            {
                other
            }
            _ => first.date.clone(),
        }
    });
    if let (Some((date, _)), Some(first)) = (&declared, &first_shown)
        && !shown.first().is_some_and(|first| first.is_update)
        && !date.starts_with(first.as_str())
        && !dates::same_moment(date, first)
        && !on_page.shows(date)
    {
        return Some((first.clone(), "shown"));
    }
    declared
        .or_else(|| time_element(&facts.times, main).map(|date| (date, "time")))
        .or_else(|| first_shown.map(|shown| (shown, "shown")))
        .or_else(|| {
            on_page
                .labelled_published
                .clone()
                .map(|date| (date, "shown"))
        })
        .or_else(|| from_url.map(|date| (date, "url")))
}

/// Whether a URL is a site's home page: nothing after the host but a slash.
fn is_home_page(url: &str) -> bool {
    url.split_once("://").is_some_and(|(_, rest)| {
        rest.split_once('/')
            .is_none_or(|(_, path)| path.split(['?', '#']).next().is_none_or(str::is_empty))
    })
}

/// A `<time>` that says it is the publication time, else the first one inside the main text.
/// A `<time>` elsewhere on the page may date anything (a clock, a related story), so it is not
/// used.
fn time_element(times: &[TimeFact], main: Option<(usize, usize)>) -> Option<String> {
    let marked = times.iter().find(|time| time.is_published);
    let inside = || {
        let (start, end) = main?;
        times
            .iter()
            .find(|time| (start..end).contains(&time.position))
    };
    marked
        .or_else(inside)
        .and_then(|time| dates::normalise(&time.datetime))
}

/// An absolute http(s) URL for `href`, resolved against the page URL when it is relative.
fn resolve(href: &str, base: Option<&str>) -> Option<String> {
    let href = href.trim();
    let lower = href.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return Some(href.to_string());
    }
    let base = base?;
    let (scheme, rest) = base.split_once("://")?;
    if let Some(network_path) = href.strip_prefix("//") {
        return Some(format!("{scheme}://{network_path}"));
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || !href.starts_with('/') {
        return None;
    }
    Some(format!("{scheme}://{host}{href}"))
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sites(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| name.to_string()).collect()
    }

    #[test]
    fn a_name_is_the_sites_when_it_squeezes_to_its_label() {
        assert!(is_site_name("Link Naija", &sites(&["linknaija"])));
        assert!(!is_site_name("Ann Lee", &sites(&["linknaija"])));
    }

    #[test]
    fn site_names_are_stripped_from_titles() {
        let none = sites(&[]);
        let known = sites(&["Example News"]);
        assert_eq!(
            strip_site_name("Talks resume | Example News", &none),
            "Talks resume"
        );
        assert_eq!(
            strip_site_name("Talks resume - Example News", &known),
            "Talks resume"
        );
        assert_eq!(
            strip_site_name("Example News — Talks resume", &known),
            "Talks resume"
        );
        assert_eq!(
            strip_site_name("Talks resume – BBC News", &none),
            "Talks resume"
        );
        assert_eq!(
            strip_site_name("Trump - Putin summit ends without a deal", &none),
            "Trump - Putin summit ends without a deal"
        );
        assert_eq!(
            strip_site_name("Talks resume | World | Example News", &known),
            "Talks resume"
        );
    }

    #[test]
    fn headlines_lose_the_dates_written_beside_them() {
        assert_eq!(
            without_edge_date("Dec 18 2025 Preparing a transition in Debusine"),
            "Preparing a transition in Debusine"
        );
        assert_eq!(
            without_edge_date("Backpacking Checklist for Beginners January 1, 2025"),
            "Backpacking Checklist for Beginners"
        );
        assert_eq!(
            without_edge_date("Metasploit Wrap-Up 12/19/2025"),
            "Metasploit Wrap-Up 12/19/2025"
        );
    }

    #[test]
    fn utf8_read_as_latin1_is_repaired() {
        assert_eq!(
            repaired("Investor\u{e2}\u{80}\u{99}s Guide".to_string()),
            "Investor\u{2019}s Guide"
        );
        assert_eq!(repaired("Café crème".to_string()), "Café crème");
    }

    #[test]
    fn bylines_skip_dates_labels_and_other_roles() {
        assert_eq!(
            byline_names("Dec. 19, 2025 · Niko Matsakis"),
            "Niko Matsakis"
        );
        assert_eq!(
            byline_names("Written by\nJack Shepherd\nCo-founder"),
            "Jack Shepherd"
        );
        assert_eq!(
            before_other_roles("By Ann Lee Reviewed by Bo Chen"),
            "By Ann Lee "
        );
        assert_eq!(before_other_roles("Reviewed by Bo Chen"), "");
        assert!(split_names("Learn More").is_empty());
        assert!(split_names("Remodeling Contributor.").is_empty());
    }

    #[test]
    fn names_are_split_and_filtered() {
        assert_eq!(
            split_names("By Ann Lee, Bo Chen and Cy Diaz"),
            ["Ann Lee", "Bo Chen", "Cy Diaz"]
        );
        assert_eq!(
            split_names("Ursula von der Leyen"),
            ["Ursula von der Leyen"]
        );
        assert!(split_names("https://facebook.com/annlee").is_empty());
        assert!(split_names("updated 3 hours ago").is_empty());
        assert_eq!(split_names("Tom Krisher, AP Auto Writer"), ["Tom Krisher"]);
        assert_eq!(
            split_names("Troy L. Smith, Cleveland.com"),
            ["Troy L. Smith"]
        );
        assert_eq!(byline_names("By Ann Lee | Updated May 3"), "By Ann Lee");
    }

    #[test]
    fn a_site_credited_as_author_stands_only_where_no_writer_is_shown() {
        let page = |body: &str| {
            format!(
                "<html><head><meta property=og:site_name content='Acme Tools Inc'>\
                 <meta name=author content='Acme Tools Inc'><title>Five ways to oil a hinge</title>\
                 </head><body><h1>Five ways to oil a hinge</h1>{body}<p>{}</p></body></html>",
                "Hinges squeak when the pin runs dry, and a drop of oil fixes that. ".repeat(8)
            )
        };
        let authors = |body: &str| crate::extract_html(page(body).as_bytes(), None).authors;
        assert_eq!(authors(""), ["Acme Tools Inc"]);
        assert_eq!(authors("<p>By Ann Lee</p>"), ["Ann Lee"]);
    }

    #[test]
    fn a_by_inside_a_sentence_is_not_a_byline() {
        let page = "<html><head><title>Old books</title></head><body><h1>Old books of puzzles</h1>\
             <p>See <a href='/b'>the first collection</a> by Kan Sen, 1721.</p>\
             <p>Puzzles were printed for readers who liked to think, and the books sold well.</p>\
             </body></html>";
        assert!(
            crate::extract_html(page.as_bytes(), None)
                .authors
                .is_empty()
        );
        let dated = "<html><head><title>Old books</title></head><body><h1>Old books of puzzles</h1>\
             <div><span>Published August 7, 2023</span> <span>by Ann Lee</span></div>\
             <p>Puzzles were printed for readers who liked to think, and the books sold well.</p>\
             </body></html>";
        assert_eq!(
            crate::extract_html(dated.as_bytes(), None).authors,
            ["Ann Lee"]
        );
    }

    #[test]
    fn names_keep_their_asides_and_card_labels_are_read_in_any_slot() {
        assert_eq!(
            split_declared_names("Jean-Luc Aufranc (CNXSoft)"),
            ["Jean-Luc Aufranc (CNXSoft)"]
        );
        assert!(is_user_name("KatieS"));
        assert!(!is_user_name("Katie"));
        let page = "<html><head><meta name='twitter:label1' content='Est. reading time'>\
             <meta name='twitter:data1' content='4 minutes'>\
             <meta name='twitter:label2' content='Written by'>\
             <meta name='twitter:data2' content='Ann Lee'><title>A post</title></head>\
             <body><h1>A post about hinges</h1><p>Text.</p></body></html>";
        assert_eq!(
            crate::extract_html(page.as_bytes(), None).authors,
            ["Ann Lee"]
        );
    }

    #[test]
    fn every_citation_author_is_read_in_either_spelling() {
        let html = "<html><head><meta name=citation_authors content='Ann Lee'>\
             <meta name=citation_authors content='Bo Chen; Cy Young'></head><body><h1>A paper</h1>\
             <p>The abstract of the paper is long enough to count as article text here.</p>\
             </body></html>";
        let article = crate::extract_html(html.as_bytes(), None);
        assert_eq!(article.authors, ["Ann Lee", "Bo Chen", "Cy Young"]);
    }

    #[test]
    fn an_author_box_names_the_subject_of_its_biography_when_it_is_a_name() {
        let page = |bio: &str| {
            format!(
                "<body><h1>Rates hold</h1><p>The central bank left its rates unchanged on \
                 Tuesday, as markets had expected.</p><h3>About the author</h3><p>{bio}</p></body>"
            )
        };
        let authors = |bio: &str| crate::extract_html(page(bio).as_bytes(), None).authors;
        assert_eq!(
            authors("Juan de la Cruz is a reporter who covers central banks."),
            ["Juan de la Cruz"]
        );
        assert!(authors("This article is not financial advice.").is_empty());
    }

    #[test]
    fn user_names_are_told_from_names() {
        assert!(is_user_name("annlee82"));
        assert!(is_user_name("ann_lee"));
        assert!(!is_user_name("Ann Lee"));
        assert!(!is_user_name("Madonna"));
    }

    #[test]
    fn an_unlabelled_dated_line_under_the_headline_is_a_byline() {
        let page = crate::dom::parse(
            "<body><h1>Talks resume in Geneva</h1><p>Ann Lee | Senior Writer | July 2, 2025</p>\
             <p>Delegations met again on Monday, officials said.</p></body>",
        );
        let authors = authors(&page, None, None, Some("Talks resume in Geneva"), &[]);
        assert_eq!(authors, ["Ann Lee"]);
    }

    #[test]
    fn a_declared_title_that_is_the_site_name_is_passed_over() {
        let page = crate::dom::parse(
            "<html><head><meta property=og:title content=\"Example News\">\
             <meta property=og:title content=\"Talks resume in Geneva | Example News\">\
             <meta property=og:site_name content=\"Example News\"></head><body></body></html>",
        );
        let sites = site_names(&page.facts, None, None);
        assert_eq!(
            title(&page.facts, None, &sites).as_deref(),
            Some("Talks resume in Geneva")
        );
        assert!(is_fuller_form("8 Recent Trends", "Recent Trends"));
        assert!(!is_fuller_form("Recent Trends in 2025", "Recent Trends"));
    }

    #[test]
    fn home_pages_are_told_by_their_path() {
        assert!(is_home_page("https://example.com/"));
        assert!(is_home_page("https://example.com"));
        assert!(is_home_page("https://example.com/?ref=x"));
        assert!(!is_home_page("https://example.com/2025/talks"));
        assert!(!is_home_page("not a url"));
    }

    #[test]
    fn relative_canonicals_are_resolved() {
        assert_eq!(
            resolve("/a/b", Some("https://e.com/x?y")).as_deref(),
            Some("https://e.com/a/b")
        );
        assert_eq!(
            resolve("//e.com/a", Some("http://f.com")).as_deref(),
            Some("http://e.com/a")
        );
        assert_eq!(resolve("a/b", Some("https://e.com/x")), None);
        assert_eq!(resolve("/a", None), None);
    }
}
