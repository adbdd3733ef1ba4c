//! Training the attribution tagger on PolNeAR's brat files: greedy left-to-right decoding
//! with the averaged perceptron (weights averaged with the "w − u/c" trick), the history read
//! from the tagger's own guesses as at run time.

use std::collections::HashMap;
use std::io;
use std::path::Path;

use super::features::{self, Fixed, History, LABELS, O};
use super::tokens::Tok;
use super::{QuoteModel, Weights, extent, pairing, span};
use crate::ner::perceptron::{Perceptron, shuffle};

/// A text with its annotated spans: role (1 source, 2 cue, 3 content) and byte pieces.
#[derive(Debug, Clone)]
pub struct AnnotatedDocument {
    /// Document id (the file stem).
    pub id: String,
    /// The text.
    pub text: String,
    /// Annotated spans: role and byte pieces.
    pub spans: Vec<(u8, Vec<(usize, usize)>)>,
    /// The attribution relations: the byte pieces of their cue and of their content.
    pub relations: Vec<Relation>,
}

/// One annotated attribution, as byte pieces.
#[derive(Debug, Clone, Default)]
pub struct Relation {
    /// The cue.
    pub cue: Vec<(usize, usize)>,
    /// The content.
    pub content: Vec<(usize, usize)>,
    /// The source, if the text names one.
    pub source: Vec<(usize, usize)>,
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct QuoteTrainConfig {
    /// Passes over the training documents.
    pub epochs: usize,
}

impl Default for QuoteTrainConfig {
    fn default() -> Self {
        QuoteTrainConfig { epochs: 10 }
    }
}

/// Reads one split of PolNeAR (`DIR/data/metadata.tsv`, `DIR/data/SPLIT/{text,attributions}`),
/// taking the first annotator listed for each article.
pub fn read_polnear(dir: &Path, split: &str) -> io::Result<Vec<AnnotatedDocument>> {
    let data = dir.join("data");
    let meta = std::fs::read_to_string(data.join("metadata.tsv"))?;
    let mut out = Vec::new();
    for line in meta.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 || cols[0] != split {
            continue;
        }
        let id = cols[1];
        let Some(annotator) = cols[3].split('|').next() else {
            continue;
        };
        let text_path = data.join(split).join("text").join(format!("{id}.txt"));
        let ann_path = data
            .join(split)
            .join("attributions")
            .join(format!("{id}_{annotator}.ann"));
        let (Ok(text), Ok(ann)) = (
            std::fs::read_to_string(&text_path),
            std::fs::read_to_string(&ann_path),
        ) else {
            continue;
        };
        let (spans, relations) = parse_ann(&text, &ann);
        out.push(AnnotatedDocument {
            id: id.to_string(),
            text,
            spans,
            relations,
        });
    }
    Ok(out)
}

type Pieces = Vec<(usize, usize)>;

/// The Source, Cue and Content spans of a brat file and its attribution relations, as byte
/// pieces.
fn parse_ann(text: &str, ann: &str) -> (Vec<(u8, Pieces)>, Vec<Relation>) {
    let mut byte_of: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_of.push(text.len());
    let to_byte = |c: usize| byte_of.get(c).copied().unwrap_or(text.len());
    let mut out = Vec::new();
    let mut by_id: HashMap<&str, (u8, Pieces)> = HashMap::new();
    let mut events: Vec<&str> = Vec::new();
    for line in ann.lines() {
        if line.starts_with('E') {
            events.push(line);
            continue;
        }
        if !line.starts_with('T') {
            continue;
        }
        let mut cols = line.splitn(3, '\t');
        let (Some(id), Some(mid)) = (cols.next(), cols.next()) else {
            continue;
        };
        let Some((kind, rest)) = mid.split_once(' ') else {
            continue;
        };
        let role = match kind {
            "Source" => 1,
            "Cue" => 2,
            "Content" => 3,
            _ => continue,
        };
        let mut pieces = Vec::new();
        for part in rest.split(';') {
            let mut nums = part
                .split_whitespace()
                .filter_map(|n| n.parse::<usize>().ok());
            if let (Some(a), Some(b)) = (nums.next(), nums.next()) {
                pieces.push((to_byte(a), to_byte(b)));
            }
        }
        if !pieces.is_empty() {
            by_id.insert(id, (role, pieces.clone()));
            out.push((role, pieces));
        }
    }
    let mut relations = Vec::new();
    for line in events {
        let mut relation = Relation::default();
        for arg in line.split('\t').nth(1).unwrap_or("").split_whitespace() {
            let Some((_, id)) = arg.split_once(':') else {
                continue;
            };
            match by_id.get(id) {
                Some((2, pieces)) => relation.cue.extend(pieces),
                Some((3, pieces)) => relation.content.extend(pieces),
                Some((1, pieces)) => relation.source.extend(pieces),
                _ => {}
            }
        }
        relation.cue.sort_unstable();
        relation.content.sort_unstable();
        relation.source.sort_unstable();
        if !relation.content.is_empty() {
            relations.push(relation);
        }
    }
    (out, relations)
}

/// Gold labels of the tokens: a token takes the role of a span it overlaps; the first token
/// of a span, or of a piece after a gap of tokens, begins.
pub(crate) fn gold_labels(tokens: &[Tok], doc: &AnnotatedDocument) -> Vec<u8> {
    let mut labels = vec![O; tokens.len()];
    for (role, pieces) in &doc.spans {
        let mut covered: Vec<usize> = Vec::new();
        for &(a, b) in pieces {
            let from = tokens.partition_point(|t| t.end <= a);
            for (k, t) in tokens.iter().enumerate().skip(from) {
                if t.start >= b {
                    break;
                }
                covered.push(k);
            }
        }
        covered.sort_unstable();
        covered.dedup();
        let mut previous: Option<usize> = None;
        for k in covered {
            let begin = previous.is_none_or(|p| p + 1 != k);
            labels[k] = 2 * role - u8::from(begin);
            previous = Some(k);
        }
    }
    labels
}

/// Trains the tagger; `log` hears one line per epoch.
pub fn train(
    docs: &[AnnotatedDocument],
    config: &QuoteTrainConfig,
    log: &mut dyn FnMut(String),
) -> QuoteModel {
    let base = QuoteModel::empty();
    let prepared: Vec<Prepared> = docs
        .iter()
        .map(|doc| {
            let toks = base.tokenize(&doc.text);
            let fixed = base.static_features(&toks);
            let gold = gold_labels(&toks, doc);
            (toks, fixed, gold)
        })
        .collect();
    log(format!(
        "{} documents, {} tokens",
        prepared.len(),
        prepared.iter().map(|p| p.0.len()).sum::<usize>()
    ));
    let all: Vec<usize> = (0..prepared.len()).collect();
    let (even, odd): (Vec<usize>, Vec<usize>) = all.iter().partition(|&&d| d % 2 == 0);
    let fixed: Vec<&Fixed> = prepared.iter().map(|p| &p.1).collect();
    let first = train_pass(&prepared, &fixed, None, &all, config, "first", log);
    // the second tagging learns from first taggings of documents the first never saw
    let halves = Halves {
        even: &even,
        odd: &odd,
    };
    let first_labels = halves.tag_unseen(&prepared, &fixed, None, config, "first", log);
    let stacked: Vec<Fixed> = prepared
        .iter()
        .zip(&first_labels)
        .map(|((toks, fixed, _), labels)| {
            let mut f = fixed.clone();
            features::stack_features(toks, labels, |k, features| f.extend(k, features));
            f
        })
        .collect();
    let stacked_refs: Vec<&Fixed> = stacked.iter().collect();
    let quiet: Vec<Vec<bool>> = prepared
        .iter()
        .zip(&first_labels)
        .map(|((toks, _, _), labels)| features::quiet_sentences(toks, labels))
        .collect();
    let second = train_pass(
        &prepared,
        &stacked_refs,
        Some(&quiet),
        &all,
        config,
        "second",
        log,
    );
    // the content scorer reads first taggings of documents the tagger never saw, as above
    let contexts: Vec<span::Context> = prepared
        .iter()
        .zip(&first_labels)
        .map(|((toks, _, _), labels)| span::Context::new(toks, labels))
        .collect();
    let mut examples = Vec::new();
    let mut missed = 0;
    for ((doc, (toks, _, _)), ctx) in docs.iter().zip(&prepared).zip(&contexts) {
        for relation in &doc.relations {
            match gold_candidate(toks, ctx, relation) {
                Some((cue, gold)) => examples.push(span::Example { ctx, cue, gold }),
                None => missed += 1,
            }
        }
    }
    log(format!(
        "content spans: {} relations to learn from, {missed} out of reach",
        examples.len()
    ));
    let spans = span::train(&examples, config.epochs, log);
    // the extent scorers learn from second taggings of documents neither tagging saw
    let second_labels = halves.tag_unseen(
        &prepared,
        &stacked_refs,
        Some(&quiet),
        config,
        "second",
        log,
    );
    let [cue_extents, source_extents] = [&extent::CUE, &extent::SOURCE].map(|role| {
        train_extents(
            role,
            docs,
            &prepared,
            &contexts,
            &second_labels,
            config.epochs,
            log,
        )
    });
    QuoteModel::from_weights(first, second, spans, cue_extents, source_extents)
}

/// Trains the extent scorer of a role on the runs of that role in second taggings of
/// documents neither tagging saw, each with the annotated span it overlaps most (for a cue,
/// none when it overlaps none).
fn train_extents(
    role: &extent::Role,
    docs: &[AnnotatedDocument],
    prepared: &[Prepared],
    contexts: &[span::Context],
    labels: &[Vec<u8>],
    epochs: usize,
    log: &mut dyn FnMut(String),
) -> Weights<1> {
    let is_cue = std::ptr::eq(role, &extent::CUE);
    let mut examples = Vec::new();
    for (((doc, (toks, _, _)), ctx), labels) in docs.iter().zip(prepared).zip(contexts).zip(labels)
    {
        let gold: Vec<span::Cue> = doc
            .relations
            .iter()
            .filter_map(|r| {
                let (first, last) = covering(toks, if is_cue { &r.cue } else { &r.source })?;
                if is_cue {
                    return Some(span::Cue { first, last });
                }
                // a source is scored without the quotation marks and , . ; : at its ends
                let c = ctx.trimmed(first, last, true)?;
                Some(span::Cue {
                    first: c.first,
                    last: c.last,
                })
            })
            .collect();
        let wanted = if is_cue { 2 } else { 1 };
        for run in pairing::runs(labels).iter().filter(|r| r.role == wanted) {
            let anchor = span::Cue {
                first: run.first,
                last: run.last,
            };
            let overlap = |g: &span::Cue| {
                (g.last.min(anchor.last) + 1).saturating_sub(g.first.max(anchor.first))
            };
            let target = gold
                .iter()
                .filter(|g| overlap(g) > 0)
                .max_by_key(|g| overlap(g))
                .copied();
            let usable = match target {
                Some(g) => extent::reachable(role, ctx, anchor, g),
                None => is_cue,
            };
            if usable {
                examples.push(extent::Example {
                    ctx,
                    anchor,
                    gold: target,
                });
            }
        }
    }
    extent::train(role, &examples, epochs, log)
}

/// The first and last token that a span's byte pieces touch.
fn covering(toks: &[Tok], pieces: &[(usize, usize)]) -> Option<(usize, usize)> {
    let mut first = usize::MAX;
    let mut last = 0;
    for &(a, b) in pieces {
        let from = toks.partition_point(|t| t.end <= a);
        for (k, t) in toks.iter().enumerate().skip(from) {
            if t.start >= b {
                break;
            }
            first = first.min(k);
            last = last.max(k);
        }
    }
    (first != usize::MAX).then_some((first, last))
}

/// The tokens of a relation's cue and content, as the span scorer sees them; a content on
/// both sides of its cue ("X," he said, "Y") counts by its part after the cue. `None` when
/// the scorer could not choose it.
fn gold_candidate(
    toks: &[Tok],
    ctx: &span::Context,
    relation: &Relation,
) -> Option<(span::Cue, span::Candidate)> {
    let (cf, cl) = covering(toks, &relation.cue)?;
    let cue = span::Cue {
        first: cf,
        last: cl,
    };
    let after: Vec<(usize, usize)> = relation
        .content
        .iter()
        .copied()
        .filter(|&(a, _)| a >= toks[cl].end)
        .collect();
    let pieces = if after.is_empty() || after.len() == relation.content.len() {
        relation.content.clone()
    } else {
        after
    };
    let (first, last) = covering(toks, &pieces)?;
    let gold = ctx.trimmed(first, last, first > cl)?;
    if !(gold.first > cl || gold.last < cf) || !span::reachable(ctx, cue, gold) {
        return None;
    }
    Some((cue, gold))
}

type Prepared<'a> = (Vec<Tok<'a>>, Fixed, Vec<u8>);

/// The documents split in two, for taggings of documents a tagger never saw.
struct Halves<'h> {
    even: &'h [usize],
    odd: &'h [usize],
}

impl Halves<'_> {
    /// Trains a tagging on each half and tags each document with the one trained on the
    /// other half.
    fn tag_unseen(
        &self,
        prepared: &[Prepared],
        fixed: &[&Fixed],
        skip: Option<&[Vec<bool>]>,
        config: &QuoteTrainConfig,
        name: &str,
        log: &mut dyn FnMut(String),
    ) -> Vec<Vec<u8>> {
        let on_even = train_pass(
            prepared,
            fixed,
            skip,
            self.even,
            config,
            &format!("{name}, even half"),
            log,
        );
        let on_odd = train_pass(
            prepared,
            fixed,
            skip,
            self.odd,
            config,
            &format!("{name}, odd half"),
            log,
        );
        prepared
            .iter()
            .enumerate()
            .map(|(d, (toks, _, _))| {
                let other = if d % 2 == 0 { &on_odd } else { &on_even };
                other.tag(toks, fixed[d], skip.map(|s| s[d].as_slice()))
            })
            .collect()
    }
}

fn train_pass(
    prepared: &[Prepared],
    fixed: &[&Fixed],
    skip: Option<&[Vec<bool>]>,
    docs: &[usize],
    config: &QuoteTrainConfig,
    name: &str,
    log: &mut dyn FnMut(String),
) -> Weights {
    let mut p: Perceptron<LABELS> = Perceptron::default();
    let mut order: Vec<usize> = docs.to_vec();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut f = Vec::with_capacity(96);
    for epoch in 0..config.epochs {
        shuffle(&mut order, &mut seed);
        let (mut errors, mut total) = (0usize, 0usize);
        for &d in &order {
            let (toks, _, gold) = &prepared[d];
            let fixed = fixed[d];
            let mut labels = vec![O; toks.len()];
            let mut h = History::default();
            for k in 0..toks.len() {
                features::enter(&mut h, toks, k);
                if skip.is_some_and(|skip| skip[d][k]) {
                    features::advance(&mut h, toks, k, O);
                    continue;
                }
                f.clear();
                f.extend_from_slice(fixed.token(k));
                features::history_features(&mut f, toks, k, &labels, &h);
                let mut s = [0f32; LABELS];
                p.add_to(&f, &mut s);
                let guess = super::best(&s);
                p.tick();
                total += 1;
                if guess != gold[k] {
                    errors += 1;
                    p.update(&f, usize::from(gold[k]), usize::from(guess));
                }
                labels[k] = guess;
                features::advance(&mut h, toks, k, guess);
            }
        }
        if epoch + 1 == config.epochs {
            log(format!(
                "{name}: epoch {}: {:.2}% tokens wrong, {} features",
                epoch + 1,
                100.0 * errors as f64 / total.max(1) as f64,
                p.len()
            ));
        }
    }
    Weights::from_averaged(p.averaged())
}
