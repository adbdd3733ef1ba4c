//! Writing pages: the only places text reaches HTML. Everything taken from the store (article
//! text, titles, names, ids, snippets) goes through [`escape`]; marked spans are cut from the
//! text by byte offset and each piece is escaped on its own.

/// Escapes text for element content and quoted attribute values: the report's escaper, so
/// reports and pages escape alike.
pub(crate) use dossier_report::escape_html as escape;

/// Escapes text for a URL query value.
pub(crate) fn query_value(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A span of a text to mark, with the class and tooltip of its mark.
#[derive(Debug, Clone)]
pub(crate) struct Marked {
    pub start: usize,
    pub end: usize,
    pub class: String,
    pub note: String,
}

/// The text with the spans wrapped in `<mark>`: overlapping spans are clipped to the first,
/// spans off the text or off character boundaries are dropped, every piece escaped.
pub(crate) fn mark(text: &str, spans: &[Marked]) -> String {
    let mut spans: Vec<&Marked> = spans
        .iter()
        .filter(|s| s.start < s.end && text.get(s.start..s.end).is_some())
        .collect();
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut out = String::with_capacity(text.len() * 2);
    let mut at = 0;
    for span in spans {
        let start = span.start.max(at);
        if start >= span.end || text.get(start..span.end).is_none() {
            continue;
        }
        out.push_str(&escape(&text[at..start]));
        out.push_str(&format!(
            "<mark class=\"{}\" title=\"{}\">{}</mark>",
            escape(&span.class),
            escape(&span.note),
            escape(&text[start..span.end])
        ));
        at = span.end;
    }
    out.push_str(&escape(&text[at..]));
    out
}

/// Paragraphs (one per line of the text), each marked.
pub(crate) fn paragraphs(text: &str, spans: &[Marked]) -> String {
    let mut out = String::new();
    let mut offset = 0;
    for line in text.split('\n') {
        let end = offset + line.len();
        let inside: Vec<Marked> = spans
            .iter()
            .filter(|s| s.start >= offset && s.end <= end)
            .map(|s| Marked {
                start: s.start - offset,
                end: s.end - offset,
                class: s.class.clone(),
                note: s.note.clone(),
            })
            .collect();
        if !line.trim().is_empty() {
            out.push_str("<p>");
            out.push_str(&mark(line, &inside));
            out.push_str("</p>\n");
        }
        offset = end + 1;
    }
    out
}

const STYLE: &str = "
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: var(--ink); background: #f6f8fa; }
header.top { background: #fff; border-bottom: 1px solid var(--line); }
header.top div, main { max-width: 90rem; margin: 0 auto; padding: .75rem 1.5rem; }
header.top a { margin-right: 1rem; font-weight: 600; color: var(--ink); text-decoration: none; }
header.top form { display: inline; }
h1 { font-size: 1.6rem; margin: .5rem 0; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; }
.muted { color: var(--muted); font-size: .9em; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left;
  vertical-align: top; overflow-wrap: anywhere; }
th { background: #f6f8fa; white-space: nowrap; }
.badge { display: inline-block; padding: 0 .5rem; border-radius: 1rem; font-size: .8rem;
  font-weight: 600; white-space: nowrap; border: 1px solid; }
.v-corroborated { color: #116329; background: #dafbe1; border-color: #4ac26b; }
.v-conflict { color: #a40e26; background: #ffebe9; border-color: #ff8182; }
.v-revision { color: #0550ae; background: #ddf4ff; border-color: #54aeff; }
.v-partial { color: #7d4e00; background: #fff8c5; border-color: #d4a72c; }
.v-single-source { color: #424a53; background: #eaeef2; border-color: #afb8c1; }
mark { padding: 0 .1rem; border-radius: 2px; background: #fff3a3; }
mark.v-corroborated { background: #c9f2d3; } mark.v-conflict { background: #ffd2cf; }
mark.v-revision { background: #cbe9ff; } mark.v-partial { background: #fff1a8; }
mark.v-single-source { background: #eceff3; }
.outlets { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(20rem, 1fr);
  gap: 1rem; overflow-x: auto; }
.outlets article { background: #fff; border: 1px solid var(--line); border-radius: 8px;
  padding: .5rem 1rem; }
.outlets h3 { margin: .25rem 0; font-size: 1.05rem; }
.outlets p { margin: .5rem 0; }
ul.quotes li { margin: .35rem 0; }
input[type=search], input[type=text], input[type=url], textarea { width: 100%;
  padding: .35rem; font: inherit; }
form.search input[type=search] { width: 20rem; }
label { display: block; margin: .5rem 0 .15rem; font-weight: 600; }
.notice { background: #dafbe1; border: 1px solid #4ac26b; padding: .5rem 1rem; border-radius: 6px; }
";

/// A whole page: the navigation bar, then `body` (already escaped HTML).
pub(crate) fn layout(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} · Dossier</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header class=\"top\"><div><a href=\"/\">Dossier</a><a href=\"/upload\">Add an article</a>\
         <form class=\"search\" action=\"/search\" method=\"get\" role=\"search\">\
         <input type=\"search\" name=\"q\" placeholder=\"Search articles\" aria-label=\"Search articles\"> \
         <button type=\"submit\">Search</button></form></div></header>\n<main>\n{body}\n</main>\n</body>\n</html>\n",
        escape(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize) -> Marked {
        Marked {
            start,
            end,
            class: "v-conflict".into(),
            note: "a<b".into(),
        }
    }

    #[test]
    fn marks_are_escaped_and_clipped() {
        let text = "<b>two</b> tanks & three";
        let out = mark(text, &[span(3, 6), span(4, 12), span(100, 120)]);
        assert_eq!(
            out,
            "&lt;b&gt;<mark class=\"v-conflict\" title=\"a&lt;b\">two</mark>\
             <mark class=\"v-conflict\" title=\"a&lt;b\">&lt;/b&gt; t</mark>anks &amp; three"
        );
    }

    #[test]
    fn spans_off_char_boundaries_are_dropped() {
        assert_eq!(mark("é<", &[span(1, 2)]), "é&lt;");
    }

    #[test]
    fn paragraphs_keep_offsets() {
        let out = paragraphs("One fire.\nTwo <script>.", &[span(10, 13)]);
        assert!(
            out.contains(
                "<p><mark class=\"v-conflict\" title=\"a&lt;b\">Two</mark> &lt;script&gt;.</p>"
            ),
            "{out}"
        );
    }
}
