//! Small hand-written pages: decoding, metadata and main text.

use dossier_extract::extract_html;

#[test]
fn entities_are_decoded() {
    let page =
        b"<html><body><article><p>Tom &amp; Jerry &lt;3 &quot;cheese&quot; &#8212; caf&eacute; \
        &#x263A;</p></article></body></html>";
    let article = extract_html(page, None);
    assert_eq!(
        article.text,
        "Tom & Jerry <3 \"cheese\" \u{2014} caf\u{e9} \u{263a}"
    );
}

#[test]
fn a_windows_1252_page_is_decoded_by_its_meta_charset() {
    let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; \
        charset=windows-1252\"><title>Caf\xe9 reopens</title></head><body><article><p>\x93It \
        is good to be back,\x94 the owner said of the caf\xe9.</p></article></body></html>"
        .to_vec();
    page.extend_from_slice(b"");
    let article = extract_html(&page, None);
    assert_eq!(article.title.as_deref(), Some("Caf\u{e9} reopens"));
    assert_eq!(
        article.text,
        "\u{201c}It is good to be back,\u{201d} the owner said of the caf\u{e9}."
    );
}

#[test]
fn json_ld_gives_authors_and_dates_but_not_the_publisher() {
    let page = br#"<html><head>
        <meta property="og:site_name" content="Example News">
        <meta property="article:published_time" content="2020-01-01T00:00:00Z">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"Example News"},
          {"@type":"NewsArticle","headline":"Talks resume in Geneva",
           "author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Organization","name":"Example News"}],
           "publisher":{"@type":"Organization","name":"Example News"},
           "datePublished":"2025-11-25T08:30:00+01:00","dateModified":"2025-11-25T10:00:00+01:00"}]}
        </script></head><body><article><p>Delegations met again on Tuesday, officials said.</p>
        </article></body></html>"#;
    let article = extract_html(page, None);
    assert_eq!(article.title.as_deref(), Some("Talks resume in Geneva"));
    assert_eq!(article.authors, ["Ann Lee"]);
    assert_eq!(
        article.published.as_deref(),
        Some("2025-11-25T08:30:00+01:00")
    );
    assert_eq!(
        article.modified.as_deref(),
        Some("2025-11-25T10:00:00+01:00")
    );
    assert_eq!(article.date_source.as_deref(), Some("json-ld"));
}

#[test]
fn meta_gives_what_json_ld_lacks() {
    let page = br#"<html><head>
        <meta property="og:site_name" content="Example News">
        <meta name="author" content="Example News">
        <meta name="byl" content="By Ann Lee and Bo Chen">
        <meta property="article:published_time" content="2025-11-25T08:30:00Z">
        <meta property="article:modified_time" content="2025-11-26">
        </head><body><p>Delegations met again on Tuesday, officials said.</p></body></html>"#;
    let article = extract_html(page, None);
    assert_eq!(article.authors, ["Ann Lee", "Bo Chen"]);
    assert_eq!(article.published.as_deref(), Some("2025-11-25T08:30:00Z"));
    assert_eq!(article.modified.as_deref(), Some("2025-11-26"));
    assert_eq!(article.date_source.as_deref(), Some("meta"));
}

#[test]
fn site_names_are_removed_from_titles() {
    let page = b"<html><head><title>Talks resume in Geneva | Example News</title></head></html>";
    let article = extract_html(page, None);
    assert_eq!(article.title.as_deref(), Some("Talks resume in Geneva"));

    let page = b"<html><head><meta property='og:site_name' content='Example News'>\
        <meta property='og:title' content='Talks resume in Geneva - Example News'></head></html>";
    let article = extract_html(page, None);
    assert_eq!(article.title.as_deref(), Some("Talks resume in Geneva"));

    let page = b"<html><head><title>Trump - Putin call ends without a date for talks</title>\
        </head></html>";
    let article = extract_html(page, None);
    assert_eq!(
        article.title.as_deref(),
        Some("Trump - Putin call ends without a date for talks")
    );
}

#[test]
fn time_elements_and_urls_date_a_page_without_metadata() {
    let page = b"<html><body><nav><time datetime='2001-01-01'>clock</time></nav><article>\
        <time datetime='2025-11-24T09:00:00-05:00'>Nov 24</time>\
        <p>Delegations met again on Tuesday, officials said.</p></article></body></html>";
    let article = extract_html(page, None);
    assert_eq!(
        article.published.as_deref(),
        Some("2025-11-24T09:00:00-05:00")
    );
    assert_eq!(article.date_source.as_deref(), Some("time"));

    let page = b"<html><head><link rel=canonical href='/2025/11/23/talks/'></head><body>\
        <p>Delegations met again on Tuesday, officials said.</p></body></html>";
    let article = extract_html(page, Some("https://example.com/amp/x"));
    assert_eq!(
        article.canonical_url.as_deref(),
        Some("https://example.com/2025/11/23/talks/")
    );
    assert_eq!(article.published.as_deref(), Some("2025-11-23"));
    assert_eq!(article.date_source.as_deref(), Some("url"));
}

#[test]
fn no_date_rather_than_a_wrong_one() {
    let page = b"<html><head><meta name='date' content='31/02/2024'></head><body>\
        <p>Delegations met again on Tuesday, officials said.</p></body></html>";
    let article = extract_html(page, Some("https://example.com/news/12345"));
    assert_eq!(article.published, None);
    assert_eq!(article.date_source, None);
}

#[test]
fn language_comes_from_the_markup_else_the_text() {
    let page = b"<html lang='de-AT'><body><p>Kurz.</p></body></html>";
    assert_eq!(extract_html(page, None).language.as_deref(), Some("de"));

    let page = "<html><body><article><p>Les négociations entre les délégations se sont \
        poursuivies toute la nuit, et les responsables ont déclaré qu'ils attendaient une \
        déclaration sur le résultat plus tard dans la semaine.</p></article></body></html>";
    assert_eq!(
        extract_html(page.as_bytes(), None).language.as_deref(),
        Some("fr")
    );
}

#[test]
fn chrome_is_dropped_and_a_wall_marks_the_article_cut() {
    let page = br#"<html><body>
        <div class="cookie-banner"><p>We use cookies to improve your experience.</p></div>
        <header><p>Example News: all the news from everywhere, all day long</p></header>
        <article>
          <h1>Talks resume in Geneva</h1>
          <div class="share-tools"><a>Facebook</a> <a>X</a></div>
          <p>Delegations met again on Tuesday in Geneva, and officials said the talks went well.</p>
          <p>A second round is planned for next week, according to the foreign ministry.</p>
          <p>Sign in</p>
          <p>Check your email for a one-time code.</p>
        </article>
        <footer><p>Copyright 2025 Example News. All rights reserved.</p></footer>
        </body></html>"#;
    let article = extract_html(page, None);
    // The page declares no title: its <h1> is the headline, and leaves the text.
    assert_eq!(article.title.as_deref(), Some("Talks resume in Geneva"));
    assert_eq!(
        article.text,
        "Delegations met again on Tuesday in Geneva, and officials said the talks went well.\n\
         A second round is planned for next week, according to the foreign ministry."
    );
    let reasons: Vec<&str> = article.removed.iter().map(|r| r.reason.as_str()).collect();
    assert_eq!(
        reasons,
        ["headline", "sign-in form", "one-time code prompt"]
    );
    assert!(article.truncated);
}

#[test]
fn the_headline_is_not_repeated_in_the_text() {
    let page = b"<html><head><meta property='og:title' content='Talks resume'></head><body>\
        <article><h1>Talks resume</h1><p>Delegations met again on Tuesday, officials said.</p>\
        </article></body></html>";
    let article = extract_html(page, None);
    assert_eq!(
        article.text,
        "Delegations met again on Tuesday, officials said."
    );
    assert_eq!(article.removed[0].reason, "headline");
}

#[test]
fn json_ld_can_say_the_article_is_paywalled() {
    let page = br#"<html><head><script type="application/ld+json">{"@type":"NewsArticle",
        "isAccessibleForFree":"False"}</script></head><body><p>First paragraph only.</p>
        </body></html>"#;
    assert!(extract_html(page, None).truncated);
}

#[test]
fn an_empty_document_gives_an_empty_article() {
    for page in [&b""[..], b"   ", b"<html></html>", b"<!doctype html>"] {
        let article = extract_html(page, None);
        assert_eq!(article.text, "");
        assert_eq!(article.title, None);
        assert!(article.authors.is_empty());
        assert_eq!(article.published, None);
        assert!(!article.truncated);
    }
}

#[test]
fn the_article_serialises_to_json() {
    let page =
        b"<html><body><p>Delegations met again on Tuesday, officials said.</p></body></html>";
    let json = serde_json::to_value(extract_html(page, None)).expect("serialisable");
    assert_eq!(
        json["text"],
        "Delegations met again on Tuesday, officials said."
    );
    assert!(json["removed"].is_array());
}
