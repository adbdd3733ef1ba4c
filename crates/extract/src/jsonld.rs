//! The article object of a page's JSON-LD (`<script type="application/ld+json">`).

use serde_json::Value;

/// schema.org types of a news article or post (schema.org/Article and its subtypes).
const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "article",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "liveblogposting",
    "report",
    "scholarlyarticle",
    "techarticle",
    "posting",
];
/// Objects nested deeper than this are not looked at.
const MAX_DEPTH: usize = 16;
/// At most this many values are visited per script.
const MAX_VALUES: usize = 100_000;

/// What the article object says.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct LinkedArticle {
    /// `headline` (or `name`).
    pub(crate) headline: Option<String>,
    /// Names in `author` (or `creator`).
    pub(crate) authors: Vec<String>,
    /// `datePublished` (or `dateCreated`), as written.
    pub(crate) published: Option<String>,
    /// `dateModified`, as written.
    pub(crate) modified: Option<String>,
    /// `publisher.name`.
    pub(crate) publisher: Option<String>,
    /// `inLanguage`.
    pub(crate) language: Option<String>,
    /// `isAccessibleForFree`, read as a boolean.
    pub(crate) is_free: Option<bool>,
}

/// schema.org types of a page holding one work, whose dates and authors are the work's when no
/// article object gives them.
const PAGE_TYPES: &[&str] = &[
    "webpage",
    "itempage",
    "medicalwebpage",
    "faqpage",
    "qapage",
    "recipe",
    "howto",
    "review",
    "creativework",
];

/// The first article object in the scripts, in page order, its missing dates and authors
/// taken from the first page object (`WebPage`, `Recipe`...); `None` when there is none or no
/// script parses. A page object alone dates nothing: content systems give every page one, a
/// shop's and a contact form's alike.
pub(crate) fn find_article(scripts: &[String]) -> Option<LinkedArticle> {
    let values: Vec<Value> = scripts.iter().filter_map(|script| parse(script)).collect();
    let article = values
        .iter()
        .find_map(|value| first_object(value, ARTICLE_TYPES))
        .map(read_article);
    let page = values
        .iter()
        .find_map(|value| first_object(value, PAGE_TYPES))
        .map(read_article);
    match (article, page) {
        (Some(mut article), Some(page)) => {
            article.published = article.published.or(page.published);
            article.modified = article.modified.or(page.modified);
            if article.authors.is_empty() {
                article.authors = page.authors;
            }
            Some(article)
        }
        (article, _) => article,
    }
}

/// Parses a script body, tolerating the HTML comment and CDATA wrappers some CMSs add.
fn parse(script: &str) -> Option<Value> {
    let trimmed = script
        .trim()
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim()
        .trim_start_matches("//<![CDATA[")
        .trim_end_matches("//]]>")
        .trim();
    serde_json::from_str(trimmed).ok()
}

/// Breadth-first search (iterative, depth-bounded) for an object of one of the types.
fn first_object<'a>(root: &'a Value, types: &[&str]) -> Option<&'a serde_json::Map<String, Value>> {
    let mut queue = std::collections::VecDeque::from([(root, 0usize)]);
    let mut visited = 0;
    while let Some((value, depth)) = queue.pop_front() {
        visited += 1;
        if visited > MAX_VALUES || depth > MAX_DEPTH {
            break;
        }
        match value {
            Value::Object(object) => {
                if is_of_type(object, types) {
                    return Some(object);
                }
                queue.extend(object.values().map(|child| (child, depth + 1)));
            }
            Value::Array(items) => queue.extend(items.iter().map(|child| (child, depth + 1))),
            _ => {}
        }
    }
    None
}

fn is_of_type(object: &serde_json::Map<String, Value>, types: &[&str]) -> bool {
    let is_article_type = |name: &str| {
        let name = name.rsplit('/').next().unwrap_or(name).to_ascii_lowercase();
        types.contains(&name.as_str())
    };
    match object.get("@type") {
        Some(Value::String(name)) => is_article_type(name),
        Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).any(is_article_type),
        _ => false,
    }
}

fn read_article(object: &serde_json::Map<String, Value>) -> LinkedArticle {
    let text = |key: &str| object.get(key).and_then(first_text);
    LinkedArticle {
        headline: text("headline").or_else(|| text("name")),
        authors: object
            .get("author")
            .or_else(|| object.get("creator"))
            .map(names)
            .unwrap_or_default(),
        published: text("datePublished").or_else(|| text("dateCreated")),
        modified: text("dateModified"),
        publisher: object
            .get("publisher")
            .and_then(|p| names(p).into_iter().next()),
        language: object
            .get("inLanguage")
            .and_then(|language| match language {
                Value::Object(inner) => inner.get("alternateName").and_then(first_text),
                other => first_text(other),
            }),
        is_free: object
            .get("isAccessibleForFree")
            .and_then(|free| match free {
                Value::Bool(free) => Some(*free),
                Value::String(free) => match free.trim().to_ascii_lowercase().as_str() {
                    "true" => Some(true),
                    "false" => Some(false),
                    _ => None,
                },
                _ => None,
            }),
    }
}

/// A string, or the first string of an array.
fn first_text(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(text) => text.trim(),
        Value::Array(items) => return items.iter().find_map(first_text),
        _ => return None,
    };
    (!text.is_empty()).then(|| text.to_string())
}

/// Person or organisation names: a string, an object's `name`, or an array of those.
fn names(value: &Value) -> Vec<String> {
    let items: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    items
        .into_iter()
        .filter_map(|item| match item {
            Value::String(name) => Some(name.trim().to_string()),
            Value::Object(object) => object.get("name").and_then(first_text),
            _ => None,
        })
        .filter(|name| !name.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_article_in_a_graph() {
        let script = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Example"},
            {"@type":["NewsArticle"],"headline":"Talks resume",
             "author":[{"@type":"Person","name":"Ann Lee"},"Bo Chen"],
             "datePublished":"2025-11-25T10:00:00Z","publisher":{"name":"Example News"},
             "isAccessibleForFree":"False"}]}"#;
        let article = find_article(&[String::from("not json"), script.to_string()]);
        let article = article.expect("an article");
        assert_eq!(article.headline.as_deref(), Some("Talks resume"));
        assert_eq!(article.authors, ["Ann Lee", "Bo Chen"]);
        assert_eq!(article.publisher.as_deref(), Some("Example News"));
        assert_eq!(article.is_free, Some(false));
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert_eq!(find_article(&[deep]), None);
    }
}
