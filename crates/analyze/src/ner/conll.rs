//! CoNLL files: whitespace-separated columns, the token first and the tag last, a blank line
//! between sentences and `-DOCSTART-` lines between documents.

use super::model::{NerError, NerModel};
use super::tag::Tag;

/// One sentence of a CoNLL file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConllSentence {
    /// The token column.
    pub tokens: Vec<String>,
    /// The last column read as a BIO tag.
    pub tags: Vec<Tag>,
}

/// The sentences between two `-DOCSTART-` lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConllDocument {
    /// Sentences in order.
    pub sentences: Vec<ConllSentence>,
}

fn is_docstart(line: &str) -> bool {
    line.split_whitespace().next() == Some("-DOCSTART-")
}

/// Reads a tagged CoNLL file (the last column must be a BIO or IOB1 tag).
pub fn read_conll(text: &str) -> Result<Vec<ConllDocument>, NerError> {
    let mut documents = vec![ConllDocument::default()];
    let mut sentence = ConllSentence {
        tokens: Vec::new(),
        tags: Vec::new(),
    };
    let flush = |documents: &mut Vec<ConllDocument>, sentence: &mut ConllSentence| {
        if let Some(document) = documents.last_mut().filter(|_| !sentence.tokens.is_empty()) {
            document.sentences.push(std::mem::replace(
                sentence,
                ConllSentence {
                    tokens: Vec::new(),
                    tags: Vec::new(),
                },
            ));
        }
    };
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            flush(&mut documents, &mut sentence);
        } else if is_docstart(line) {
            flush(&mut documents, &mut sentence);
            if documents.last().is_some_and(|d| !d.sentences.is_empty()) {
                documents.push(ConllDocument::default());
            }
        } else {
            let mut columns = line.split_whitespace();
            let token = columns.next().unwrap_or_default();
            let last = columns.next_back().unwrap_or("O");
            let tag = last
                .parse::<Tag>()
                .map_err(|e| NerError::from_message(format!("line {}: {e}", n + 1)))?;
            sentence.tokens.push(token.to_string());
            sentence.tags.push(tag);
        }
    }
    flush(&mut documents, &mut sentence);
    documents.retain(|d| !d.sentences.is_empty());
    Ok(documents)
}

/// Tags the token column of a CoNLL file and returns the file with the predicted BIO tag
/// added as the last column of each token line; other lines are kept as they are. The other
/// columns are never read.
pub fn tag_conll(model: &NerModel, text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut tags: Vec<Option<Tag>> = vec![None; lines.len()];
    // Documents of sentences of (line index, token).
    let mut document: Vec<Vec<(usize, &str)>> = Vec::new();
    let mut sentence: Vec<(usize, &str)> = Vec::new();
    let run = |document: &mut Vec<Vec<(usize, &str)>>, tags: &mut Vec<Option<Tag>>| {
        let words: Vec<Vec<&str>> = document
            .iter()
            .map(|s| s.iter().map(|&(_, w)| w).collect())
            .collect();
        for (sentence, predicted) in document.iter().zip(model.tag_document(&words)) {
            for (&(line, _), tag) in sentence.iter().zip(predicted) {
                tags[line] = Some(tag);
            }
        }
        document.clear();
    };
    for (n, line) in lines.iter().enumerate() {
        if line.trim().is_empty() || is_docstart(line) {
            if !sentence.is_empty() {
                document.push(std::mem::take(&mut sentence));
            }
            if is_docstart(line) {
                run(&mut document, &mut tags);
            }
        } else if let Some(token) = line.split_whitespace().next() {
            sentence.push((n, token));
        }
    }
    if !sentence.is_empty() {
        document.push(sentence);
    }
    run(&mut document, &mut tags);
    let mut out = String::with_capacity(text.len() + text.len() / 3);
    for (line, tag) in lines.iter().zip(tags) {
        match tag {
            Some(tag) => {
                out.push_str(line.trim_end());
                out.push(' ');
                out.push_str(&tag.to_string());
            }
            None => out.push_str(line.trim_end()),
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_documents_and_sentences() {
        let text = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\n\n-DOCSTART- -X- -X- O\n\nBonn NNP B-NP I-LOC\n";
        let docs = read_conll(text).expect("conll");
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[0].tokens, ["EU", "rejects"]);
        assert_eq!(docs[1].sentences[0].tags[0].to_string(), "I-LOC");
        assert!(read_conll("a B-XYZ\n").is_err());
    }
}
