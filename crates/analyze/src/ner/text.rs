//! Names in plain text: the crate's tokenizer and sentence splitter, then the model; spans are
//! byte offsets into the text.

use std::sync::OnceLock;

use super::model::NerModel;
use super::tag::{EntityType, Tag};
use crate::lexicon::Lexicon;
use crate::sentence;
use crate::token::tokenize;
use dossier_model::Span;

/// A name found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NamedEntity {
    /// Where it is, in bytes.
    pub span: Span,
    /// What it is.
    pub entity_type: EntityType,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::builtin)
}

impl NerModel {
    /// Tokenizes and splits `text` into sentences, tags it as one document and returns its
    /// names in text order.
    pub fn entities(&self, text: &str) -> Vec<NamedEntity> {
        let tokens = tokenize(text, lexicon());
        let sentences = sentence::split(&tokens, lexicon());
        let words: Vec<Vec<&str>> = sentences
            .iter()
            .map(|s| tokens[s.tokens.clone()].iter().map(|t| t.text).collect())
            .collect();
        let tags = self.tag_document(&words);
        let mut out = Vec::new();
        for (sentence, tags) in sentences.iter().zip(tags) {
            let tokens = &tokens[sentence.tokens.clone()];
            let mut i = 0;
            while i < tags.len() {
                let Some(t) = tags[i].entity_type() else {
                    i += 1;
                    continue;
                };
                let mut end = i + 1;
                while end < tags.len() && tags[end] == Tag::Inside(t) {
                    end += 1;
                }
                out.push(NamedEntity {
                    span: Span::new(tokens[i].span.start, tokens[end - 1].span.end),
                    entity_type: t,
                });
                i = end;
            }
        }
        out
    }
}
