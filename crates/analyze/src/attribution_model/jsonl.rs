//! The scorer's JSONL (`shared/eval/quotes/score.py`): one line per attribution with code-point
//! offsets, end-exclusive.

use dossier_model::Span;

use super::Attribution;

fn escape(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Code-point offsets of byte offsets.
struct Chars(Vec<usize>);

impl Chars {
    fn new(text: &str) -> Self {
        let mut at = vec![0usize; text.len() + 1];
        let mut n = 0;
        for (b, c) in text.char_indices() {
            for slot in &mut at[b..b + c.len_utf8()] {
                *slot = n;
            }
            n += 1;
        }
        at[text.len()] = n;
        Chars(at)
    }

    fn spans(&self, spans: &[Span], out: &mut String) {
        out.push('[');
        for (i, s) in spans.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&format!("[{},{}]", self.0[s.start], self.0[s.end]));
        }
        out.push(']');
    }
}

/// Whether the content has quotation marks at both ends (direct), somewhere (mixed) or not.
pub fn form(text: &str, content: &[Span]) -> &'static str {
    let whole: String = content
        .iter()
        .map(|s| s.slice(text))
        .collect::<Vec<_>>()
        .join(" ");
    let t = whole.trim().trim_matches(|c: char| ",.;:—–- ".contains(c));
    let quote = |c: char| "\"'“”„‟‘’‚‛«»‹›`´".contains(c);
    if !t.chars().any(quote) {
        "indirect"
    } else if t.starts_with(|c: char| "\"'“„‘‚«‹`".contains(c))
        && t.ends_with(|c: char| "\"'”’»›´".contains(c))
    {
        "direct"
    } else {
        "mixed"
    }
}

/// The JSONL lines of one document's attributions.
pub fn to_jsonl(doc_id: &str, text: &str, attributions: &[Attribution]) -> String {
    let chars = Chars::new(text);
    let mut out = String::new();
    for a in attributions {
        out.push_str("{\"doc_id\":");
        escape(doc_id, &mut out);
        out.push_str(",\"quote_spans\":");
        chars.spans(&a.content, &mut out);
        let source: Vec<Span> = a.source.into_iter().collect();
        out.push_str(",\"speaker_spans\":");
        chars.spans(&source, &mut out);
        out.push_str(",\"speaker\":");
        escape(a.source.map_or("", |s| s.slice(text)), &mut out);
        let cue: Vec<Span> = a.cue.into_iter().collect();
        out.push_str(",\"cue_spans\":");
        chars.spans(&cue, &mut out);
        out.push_str(",\"cue\":");
        escape(a.cue.map_or("", |s| s.slice(text)), &mut out);
        out.push_str(",\"form\":");
        escape(form(text, &a.content), &mut out);
        out.push_str("}\n");
    }
    out
}
