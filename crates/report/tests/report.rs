//! The report crate's one integration-test binary: a hand-built report rendered in every format.

use dossier_model::{
    Alignment, Claim, Diagnostic, Document, Entity, EntityKind, Evidence, MentionRef,
    OutletSummary, Polarity, Quantity, Quote, QuoteKind, Removed, Report, Span, Speaker, Story,
    TimeExpr, TimeGranularity, TimelineEntry, Verdict,
};
use dossier_report::{Format, render};

const TEXT_A: &str = "White House press secretary Karoline Leavitt said the plan has 28 points.\n\
\"We are close | very close\nto a deal,\" Leavitt told reporters on Tuesday.\n\
A page printed <script>alert(1)</script> in its body.\n\
The death toll rose to 15, officials said.";

const TEXT_B: &str = "The White House said the plan had 28 points. \
A US official said the toll was 12, ABC News reported. \
Leavitt said talks would go on.";

/// Byte range of `needle` in `text`.
fn find(text: &str, needle: &str) -> (usize, usize) {
    let start = text.find(needle).expect("the needle is in the text");
    (start, start + needle.len())
}

fn document(
    id: &str,
    outlet: Option<&str>,
    path: Option<&str>,
    url: Option<&str>,
    text: &str,
) -> Document {
    Document {
        id: id.to_string(),
        path: path.map(str::to_string),
        url: url.map(str::to_string),
        outlet: outlet.map(str::to_string),
        title: Some(format!("Headline of {id}")),
        authors: Vec::new(),
        published: Some("2025-11-25T10:00:00Z".to_string()),
        language: Some("en".to_string()),
        text: text.to_string(),
        removed: Vec::new(),
        diagnostics: Vec::new(),
    }
}

fn claim(id: &str, doc: &str, text: &str, needle: &str) -> Claim {
    let (start, end) = find(text, needle);
    Claim {
        id: id.to_string(),
        doc: doc.to_string(),
        start,
        end,
        text: needle.to_string(),
        source: None,
        via: Vec::new(),
        polarity: Polarity::Positive,
        times: Vec::new(),
        quantities: Vec::new(),
        entities: Vec::new(),
        revision_marker: false,
        original_marker: false,
    }
}

fn evidence(doc: &str, text: &str, needle: &str) -> Evidence {
    let (start, end) = find(text, needle);
    Evidence {
        doc: doc.to_string(),
        start,
        end,
        text: needle.to_string(),
    }
}

fn alignment(id: &str, verdict: Verdict, claims: &[&str], quotes: &[&str]) -> Alignment {
    Alignment {
        id: id.to_string(),
        verdict,
        claims: claims.iter().map(|id| id.to_string()).collect(),
        quotes: quotes.iter().map(|id| id.to_string()).collect(),
        independent_sources: 1,
        difference: None,
        explanation: String::new(),
        evidence: Vec::new(),
    }
}

fn mention(doc: &str, text: &str, needle: &str) -> MentionRef {
    let (start, end) = find(text, needle);
    MentionRef {
        doc: doc.to_string(),
        start,
        end,
    }
}

/// Two documents of one story (a Reuters report and an unnamed page), a syndicated copy of the
/// first, and every kind of value the renderers show.
fn sample() -> Report {
    let mut a = document(
        "a",
        Some("Reuters"),
        None,
        Some("https://reuters.example/world/a"),
        TEXT_A,
    );
    a.removed = vec![
        Removed {
            text: "Sign in to read more".to_string(),
            reason: "sign-in form".to_string(),
        },
        Removed {
            text: "Get our <b>newsletter</b>".to_string(),
            reason: "newsletter prompt".to_string(),
        },
    ];
    a.authors = vec!["Jane Doe".to_string()];
    let mut b = document(
        "b",
        None,
        None,
        Some("https://news.example/world/b-story/"),
        TEXT_B,
    );
    b.published = None;
    b.diagnostics = vec![Diagnostic::warning(
        "b",
        "\"Tuesday\" has no publication date to resolve against",
    )];
    let mut c = document("c", None, Some("copies/c.txt"), None, TEXT_A);
    c.title = None;

    let leavitt = Entity {
        id: "e1".to_string(),
        name: "Karoline Leavitt".to_string(),
        kind: EntityKind::Person,
        aliases: vec!["Leavitt".to_string()],
        roles: vec!["White House press secretary".to_string()],
        mentions: vec![
            mention("a", TEXT_A, "Karoline Leavitt"),
            mention("a", TEXT_A, "Leavitt told"),
            mention("b", TEXT_B, "Leavitt"),
        ],
    };
    let white_house = Entity {
        id: "e2".to_string(),
        name: "White House".to_string(),
        kind: EntityKind::Organization,
        aliases: Vec::new(),
        roles: Vec::new(),
        mentions: vec![mention("b", TEXT_B, "White House")],
    };
    let elsewhere = Entity {
        id: "e3".to_string(),
        name: "Someone Elsewhere".to_string(),
        kind: EntityKind::Person,
        aliases: Vec::new(),
        roles: Vec::new(),
        mentions: vec![MentionRef {
            doc: "not-in-this-report".to_string(),
            start: 0,
            end: 4,
        }],
    };

    let close = "We are close | very close\nto a deal,";
    let (start, end) = find(TEXT_A, close);
    let quote_a = Quote {
        id: "a-q1".to_string(),
        doc: "a".to_string(),
        start,
        end,
        text: close.to_string(),
        kind: QuoteKind::Direct,
        speaker: Speaker {
            name: "Karoline Leavitt".to_string(),
            entity: Some("e1".to_string()),
            anonymous: false,
        },
        speaker_span: Some(Span::new(end + 2, end + 9)),
        cue: Some("told".to_string()),
        cue_span: None,
        channel: Some("reporters".to_string()),
        via: Vec::new(),
        times: Vec::new(),
    };
    let (start, end) = find(TEXT_B, "the toll was 12");
    let quote_b = Quote {
        id: "b-q1".to_string(),
        doc: "b".to_string(),
        start,
        end,
        text: "the toll was 12".to_string(),
        kind: QuoteKind::Indirect,
        speaker: Speaker::anonymous("A US official"),
        speaker_span: None,
        cue: Some("said".to_string()),
        cue_span: None,
        channel: None,
        via: vec!["ABC News".to_string()],
        times: Vec::new(),
    };
    let (start, end) = find(TEXT_B, "talks would go on");
    let quote_b2 = Quote {
        id: "b-q2".to_string(),
        doc: "b".to_string(),
        start,
        end,
        text: "talks would go on".to_string(),
        kind: QuoteKind::Indirect,
        speaker: Speaker::named("Karoline Leavitt"),
        speaker_span: None,
        cue: None,
        cue_span: None,
        channel: None,
        via: Vec::new(),
        times: Vec::new(),
    };

    let mut plan_a = claim("a-c1", "a", TEXT_A, "the plan has 28 points");
    plan_a.source = Some(Speaker {
        name: "Karoline Leavitt".to_string(),
        entity: Some("e1".to_string()),
        anonymous: false,
    });
    plan_a.quantities = vec![Quantity {
        span: Span::new(plan_a.start + 13, plan_a.start + 22),
        value: 28.0,
        unit: "points".to_string(),
        qualifier: None,
    }];
    let mut plan_b = claim("b-c1", "b", TEXT_B, "the plan had 28 points");
    plan_b.source = Some(Speaker::named("White House"));
    let mut toll_a = claim("a-c2", "a", TEXT_A, "The death toll rose to 15");
    toll_a.revision_marker = true;
    toll_a.quantities = vec![Quantity {
        span: Span::new(toll_a.end - 2, toll_a.end),
        value: 15.0,
        unit: "dead".to_string(),
        qualifier: Some("at least".to_string()),
    }];
    toll_a.times = vec![TimeExpr {
        span: Span::new(0, 0),
        text: "late Monday".to_string(),
        start: Some("2025-11-24".to_string()),
        end: Some("2025-11-24".to_string()),
        granularity: TimeGranularity::PartOfDay,
        relative_days: Some(-1),
    }];
    toll_a.entities = vec!["White House".to_string()];
    let mut toll_b = claim("b-c2", "b", TEXT_B, "the toll was 12");
    toll_b.source = Some(Speaker::anonymous("A US official"));
    toll_b.via = vec!["ABC News".to_string()];
    toll_b.polarity = Polarity::Uncertain;
    let script = claim(
        "a-c3",
        "a",
        TEXT_A,
        "A page printed <script>alert(1)</script> in its body.",
    );

    let mut corroborated = alignment("al1", Verdict::Corroborated, &["a-c1", "b-c1"], &[]);
    corroborated.independent_sources = 2;
    corroborated.explanation = "Two independent outlets give 28 points.".to_string();
    corroborated.evidence = vec![
        evidence("a", TEXT_A, "the plan has 28 points"),
        evidence("b", TEXT_B, "the plan had 28 points"),
    ];
    let mut revision = alignment("al2", Verdict::Revision, &["a-c2", "b-c2"], &["b-q1"]);
    revision.independent_sources = 2;
    revision.difference = Some("number".to_string());
    revision.explanation = "The toll rose from 12 to 15 | the later report says so.".to_string();
    revision.evidence = vec![
        evidence("b", TEXT_B, "the toll was 12"),
        evidence("a", TEXT_A, "The death toll rose to 15"),
    ];
    let mut single = alignment("al3", Verdict::SingleSource, &["a-c3"], &[]);
    single.explanation = "Only Reuters prints this.".to_string();
    single.evidence = vec![evidence("a", TEXT_A, "<script>alert(1)</script>")];
    let mut partial = alignment("al4", Verdict::Partial, &[], &["a-q1", "b-q2"]);
    partial.independent_sources = 2;
    partial.explanation = "Both report talks, with different wording.".to_string();
    partial.evidence = vec![
        evidence("a", TEXT_A, close),
        evidence("b", TEXT_B, "talks would go on"),
    ];
    let mut conflict = alignment("al5", Verdict::Conflict, &["no-such-claim"], &[]);
    conflict.difference = Some("polarity".to_string());
    conflict.explanation = "Evidence whose offsets lie outside the text.".to_string();
    conflict.evidence = vec![Evidence {
        doc: "a".to_string(),
        start: 9_000,
        end: 9_010,
        text: "out of <range>".to_string(),
    }];

    let story = Story {
        id: "s1".to_string(),
        title: "Peace plan: 28 points | talks go on".to_string(),
        documents: vec!["a".to_string(), "b".to_string(), "c".to_string()],
        copies: vec![("c".to_string(), "a".to_string())],
        alignments: vec![corroborated, revision, single, partial, conflict],
        timeline: vec![
            TimelineEntry {
                when: "Tuesday".to_string(),
                date: Some("2025-11-25".to_string()),
                what: "Leavitt tells reporters a deal is close | near".to_string(),
                evidence: vec!["a-q1".to_string()],
            },
            TimelineEntry {
                when: "2025-11-26".to_string(),
                date: Some("2025-11-26".to_string()),
                what: "The toll is revised to 15".to_string(),
                evidence: vec!["b-c2".to_string(), "a-c2".to_string(), "gone".to_string()],
            },
        ],
        outlets: vec![
            OutletSummary {
                outlet: "Reuters".to_string(),
                documents: vec!["a".to_string(), "c".to_string()],
                adds: vec!["al3".to_string()],
                omits: Vec::new(),
            },
            OutletSummary {
                outlet: "b-story".to_string(),
                documents: vec!["b".to_string()],
                adds: Vec::new(),
                omits: vec!["al3".to_string()],
            },
        ],
    };

    Report {
        documents: vec![a, b, c],
        entities: vec![leavitt, white_house, elsewhere],
        quotes: vec![quote_a, quote_b, quote_b2],
        claims: vec![plan_a, plan_b, toll_a, toll_b, script],
        stories: vec![story],
        diagnostics: vec![
            Diagnostic::error("feed.jsonl:3", "line is not JSON: expected `{`, found `<`"),
            Diagnostic::warning(
                "b",
                "\"Tuesday\" has no publication date to resolve against",
            ),
        ],
    }
}

fn schema() -> serde_json::Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../schema/report.schema.json"
    );
    let text = std::fs::read_to_string(path).expect("schema/report.schema.json is readable");
    serde_json::from_str(&text).expect("the schema is JSON")
}

/// Every schema violation of `instance`, one per line.
fn violations(instance: &serde_json::Value) -> Vec<String> {
    let validator = jsonschema::validator_for(&schema()).expect("the schema is a valid schema");
    validator
        .iter_errors(instance)
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect()
}

/// How many unescaped `|` the Markdown line holds: the number of cell borders.
fn borders(line: &str) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '|' => count += 1,
            _ => {}
        }
    }
    count
}

#[test]
fn html_escapes_every_text_from_the_report() {
    let html = render(&sample(), Format::Html);
    assert!(!html.contains("<script"), "raw script tag in the page");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("Get our &lt;b&gt;newsletter&lt;/b&gt;"));
    assert!(html.contains("We are close | very close\nto a deal,"));
    assert!(html.contains("out of &lt;range&gt;"));
    assert!(!html.contains("<range>"));
}

#[test]
fn html_is_one_self_contained_page() {
    let html = render(&sample(), Format::Html);
    assert!(html.starts_with("<!DOCTYPE html>\n<html"));
    assert!(html.trim_end().ends_with("</html>"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("<title>Dossier: Peace plan: 28 points | talks go on</title>"));
    for external in ["<link", "src=", "@import", "url(", "http://", "<script"] {
        assert!(
            !html
                .replace("https://reuters.example", "")
                .replace("https://news.example", "")
                .contains(external),
            "page refers to something outside it: {external}"
        );
    }
    for section in [
        "Verdicts",
        "Evidence",
        "Timeline",
        "What each outlet adds and omits",
        "People",
        "Quotes",
        "Documents",
        "Skipped inputs / diagnostics",
    ] {
        assert!(
            html.contains(&format!(">{section}</h")),
            "no {section} section"
        );
    }
}

#[test]
fn html_shows_verdicts_as_badges_and_marks_evidence_in_its_sentence() {
    let html = render(&sample(), Format::Html);
    for verdict in [
        "corroborated",
        "conflict",
        "revision",
        "partial",
        "single-source",
    ] {
        assert!(html.contains(&format!(
            "<span class=\"badge v-{verdict}\">{verdict}</span>"
        )));
    }
    assert!(html.contains(
        "White House press secretary Karoline Leavitt said <mark>the plan has 28 points</mark>."
    ));
    assert!(html.contains(
        "A page printed <mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark> in its body."
    ));
    // Offsets outside the document: the copied-out text alone.
    assert!(html.contains("<mark>out of &lt;range&gt;</mark>"));
}

#[test]
fn markdown_tables_keep_their_column_count() {
    let markdown = render(&sample(), Format::Markdown);
    let mut tables = 0;
    let mut header: Option<usize> = None;
    for line in markdown.lines() {
        if line.starts_with('|') {
            let count = borders(line);
            match header {
                None => {
                    header = Some(count);
                    tables += 1;
                }
                Some(expected) => assert_eq!(count, expected, "row breaks its table: {line}"),
            }
        } else {
            header = None;
        }
    }
    // Verdicts, timeline, quotes, documents, diagnostics.
    assert_eq!(tables, 5);
    assert!(!markdown.contains("<script>"));
    assert!(markdown.contains(r"We are close \| very close to a deal,"));
}

#[test]
fn markdown_reads_as_a_dossier() {
    let markdown = render(&sample(), Format::Markdown);
    let lines: Vec<&str> = markdown.lines().collect();
    let expected = [
        "# Dossier",
        "1 story · 3 documents · 2 diagnostics",
        r"## Peace plan: 28 points \| talks go on",
        "Story s1 · 3 documents · 5 alignments",
        "| Verdict | What | Sources | Explanation |",
        "| --- | --- | --- | --- |",
        "| corroborated | the plan has 28 points | 2 | Two independent outlets give 28 points. |",
        r"| revision | The death toll rose to 15 | 2 | The toll rose from 12 to 15 \| the later report says so. |",
        r"| single-source | A page printed \<script\>alert(1)\</script\> in its body. | 1 | Only Reuters prints this. |",
        r"| partial | We are close \| very close to a deal, | 2 | Both report talks, with different wording. |",
        "| conflict | out of \\<range\\> | 1 | Evidence whose offsets lie outside the text. |",
        "#### 2. revision: The death toll rose to 15",
        "Alignment al2 · 2 independent sources · differs in number",
        "- **b-story** — “the toll was 12”",
        "- **Reuters** — “The death toll rose to 15”",
        r"| Tuesday (2025-11-25) | Leavitt tells reporters a deal is close \| near | a-q1 (Reuters) |",
        "| 2025-11-26 | The toll is revised to 15 | b-c2 (b-story), a-c2 (Reuters), gone |",
        "- **Reuters** (2 documents)",
        "  - adds: A page printed \\<script\\>alert(1)\\</script\\> in its body. (al3)",
        "  - omits: none",
        "- **Karoline Leavitt** — White House press secretary · 3 mentions · also Leavitt",
        "| Speaker | Cue | Channel | Quote | Kind | Via | Document |",
        r"| Karoline Leavitt | told | reporters | “We are close \| very close to a deal,” | direct | — | Reuters |",
        "| Karoline Leavitt | — | — | talks would go on | indirect | — | b-story |",
        "| A US official (anonymous) | said | — | the toll was 12 | indirect | ABC News | b-story |",
        "| Document | Title | Published | Removed chrome | Id |",
        "| Reuters | Headline of a | 2025-11-25T10:00:00Z | 2 | a |",
        "| b-story | Headline of b | — | 0 | b |",
        "| c.txt | — | 2025-11-25T10:00:00Z | 0 | c |",
        "- **c.txt** is a copy of **Reuters**; it counts once.",
        "## Skipped inputs / diagnostics",
        "| error (skipped) | feed.jsonl:3 | line is not JSON: expected \\`{\\`, found \\`\\<\\` |",
        "| warning | b | \"Tuesday\" has no publication date to resolve against |",
    ];
    // Each key line is present, and in this order.
    let mut from = 0;
    for key in expected {
        match lines[from..].iter().position(|line| *line == key) {
            Some(offset) => from += offset + 1,
            None => panic!("missing or out of order: {key}\n\n{markdown}"),
        }
    }
    // A person only mentioned outside the story is not one of its people.
    assert!(!markdown.contains("Someone Elsewhere"));
    assert!(markdown.contains("Legend: **corroborated**: independent sources say the same;"));
}

#[test]
fn json_round_trips_into_the_report() {
    let report = sample();
    let json = render(&report, Format::Json);
    let back: Report = serde_json::from_str(&json).expect("the JSON reads back");
    assert_eq!(back, report);
    assert!(json.contains("\n  \"documents\": ["), "not pretty-printed");
}

#[test]
fn json_validates_against_the_schema() {
    let json = render(&sample(), Format::Json);
    let instance: serde_json::Value = serde_json::from_str(&json).expect("the JSON parses");
    assert_eq!(violations(&instance), Vec::<String>::new());

    let empty: serde_json::Value =
        serde_json::from_str(&render(&Report::default(), Format::Json)).expect("the JSON parses");
    assert_eq!(violations(&empty), Vec::<String>::new());
}

#[test]
fn the_schema_rejects_what_the_model_never_writes() {
    let json = render(&sample(), Format::Json);
    let instance: serde_json::Value = serde_json::from_str(&json).expect("the JSON parses");
    let broken = [
        (
            "/stories/0/alignments/0/verdict",
            serde_json::json!("single_source"),
        ),
        ("/entities/0/kind", serde_json::json!("organisation")),
        ("/quotes/0/kind", serde_json::json!("reported")),
        ("/quotes/0/speaker/anonymous", serde_json::json!("no")),
        ("/documents/0/removed/0", serde_json::json!({ "text": "x" })),
        ("/stories/0/copies/0", serde_json::json!(["c"])),
        ("/claims/0/start", serde_json::json!(-1)),
    ];
    for (pointer, value) in broken {
        let mut changed = instance.clone();
        *changed
            .pointer_mut(pointer)
            .expect("the pointer names a value") = value;
        assert!(
            !violations(&changed).is_empty(),
            "schema accepts a changed {pointer}"
        );
    }
    let mut without_origin = instance.clone();
    if let Some(document) = without_origin
        .pointer_mut("/documents/0")
        .and_then(|d| d.as_object_mut())
    {
        document.remove("url");
    }
    assert!(
        !violations(&without_origin).is_empty(),
        "schema accepts a document with neither path nor url"
    );
}

#[test]
fn every_format_renders_an_empty_report() {
    let empty = Report::default();
    assert!(
        render(&empty, Format::Markdown)
            .starts_with("# Dossier\n\n0 stories · 0 documents · 0 diagnostics\n")
    );
    assert!(render(&empty, Format::Html).contains("<title>Dossier report</title>"));
    assert!(!render(&empty, Format::Markdown).contains("Skipped inputs"));
}

#[test]
fn format_names_parse() {
    assert_eq!("md".parse::<Format>(), Ok(Format::Markdown));
    assert_eq!("markdown".parse::<Format>(), Ok(Format::Markdown));
    assert_eq!("json".parse::<Format>(), Ok(Format::Json));
    assert_eq!("html".parse::<Format>(), Ok(Format::Html));
    assert_eq!(
        "pdf".parse::<Format>().map_err(|error| error.kind()),
        Err(dossier_report::ErrorKind::UnknownFormat)
    );
}

#[test]
fn offsets_that_do_not_fit_never_panic() {
    let mut report = sample();
    report.documents[0].text = "é".repeat(400);
    let story = &mut report.stories[0];
    for (start, end) in [
        (1, 2),
        (5, 2),
        (0, usize::MAX),
        (usize::MAX, usize::MAX),
        (400, 402),
    ] {
        story.alignments[0].evidence.push(Evidence {
            doc: "a".to_string(),
            start,
            end,
            text: "fallback".to_string(),
        });
    }
    let html = render(&report, Format::Html);
    assert!(html.contains("<mark>fallback</mark>"));
    // A span inside a long sentence is shown with cut context on both sides.
    assert!(html.contains("… éé"));
    assert!(html.contains("<mark>é</mark>éé"));
    assert!(html.contains("éé …</blockquote>"));
    let markdown = render(&report, Format::Markdown);
    assert!(markdown.contains("- **Reuters** — “fallback”"));
}
