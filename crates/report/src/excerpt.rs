//! Short texts cut from longer ones: a one-line summary, and the sentence around a span.

/// How far the context of a span may reach on each side, in bytes, before it is cut.
const CONTEXT_REACH: usize = 240;

/// The text on one line with runs of whitespace collapsed, cut at a word boundary to at most
/// `max_chars` characters, with an ellipsis when it was cut.
pub(crate) fn shorten(text: &str, max_chars: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max_chars {
        return flat;
    }
    let keep = max_chars.saturating_sub(1);
    let cut = flat
        .char_indices()
        .nth(keep)
        .map_or(flat.len(), |(index, _)| index);
    let head = &flat[..cut];
    // Prefer a word boundary, unless that would throw away most of the text.
    let head = match head.rfind(' ') {
        Some(space) if space >= cut / 2 => &head[..space],
        _ => head,
    };
    format!("{}…", head.trim_end_matches([' ', ',', ';', ':']))
}

/// A span of a document with the rest of its sentence on each side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Context<'a> {
    /// Text before the span, from the start of its sentence.
    pub before: &'a str,
    /// The span itself.
    pub span: &'a str,
    /// Text after the span, to the end of its sentence.
    pub after: &'a str,
    /// Whether the sentence was cut before `before`.
    pub cut_before: bool,
    /// Whether the sentence was cut after `after`.
    pub cut_after: bool,
}

/// The span `start..end` of `text` in its sentence, or `None` when the span does not lie in the
/// text on character boundaries. A sentence ends at a line break or at `.`, `!`, `?` followed by
/// whitespace; context longer than [`CONTEXT_REACH`] on a side is cut.
pub(crate) fn context(text: &str, start: usize, end: usize) -> Option<Context<'_>> {
    let span = text.get(start..end)?;
    let before_all = &text[..start];
    let after_all = &text[end..];

    let window_start = floor_boundary(before_all, start.saturating_sub(CONTEXT_REACH));
    let window = &before_all[window_start..];
    let (before, cut_before) = match sentence_start(window) {
        Some(offset) => (&window[offset..], false),
        None => (window, window_start > 0),
    };

    let window_end = floor_boundary(after_all, CONTEXT_REACH.min(after_all.len()));
    let window = &after_all[..window_end];
    let (after, cut_after) = match sentence_end(window) {
        Some(offset) => (&window[..offset], false),
        None => (window, window_end < after_all.len()),
    };

    Some(Context {
        before: before.trim_start(),
        span,
        after: after.trim_end(),
        cut_before,
        cut_after,
    })
}

/// Where the last sentence of `text` starts, if a sentence break lies in it.
fn sentence_start(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    (0..bytes.len())
        .rev()
        .find(|&i| {
            bytes[i] == b'\n'
                || (matches!(bytes[i], b'.' | b'!' | b'?')
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_whitespace))
        })
        .map(|i| i + 1)
}

/// Where the first sentence of `text` ends (after its final punctuation), if it ends in it.
fn sentence_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    (0..bytes.len()).find_map(|i| match bytes[i] {
        b'\n' => Some(i),
        b'.' | b'!' | b'?' if bytes.get(i + 1).is_none_or(u8::is_ascii_whitespace) => Some(i + 1),
        _ => None,
    })
}

/// The largest character boundary of `text` at or below `index`.
fn floor_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_cuts_at_a_word_and_marks_the_cut() {
        assert_eq!(shorten("short\ntext", 120), "short text");
        assert_eq!(shorten("one two three four", 10), "one two…");
        assert_eq!(shorten("ééééééééééé", 5), "éééé…");
    }

    #[test]
    fn context_reaches_to_the_sentence_boundaries() {
        let text = "First one. The plan has 28 points, he said. Last one.";
        let start = text.find("28 points").unwrap_or(0);
        let found = context(text, start, start + "28 points".len());
        assert_eq!(
            found,
            Some(Context {
                before: "The plan has ",
                span: "28 points",
                after: ", he said.",
                cut_before: false,
                cut_after: false,
            })
        );
    }

    #[test]
    fn context_refuses_spans_outside_the_text_or_inside_a_character() {
        assert_eq!(context("abc", 2, 9), None);
        assert_eq!(context("é", 1, 2), None);
    }
}
