//! Attribution relations from trained models, all averaged perceptrons: every token of a
//! document is tagged as part of a source, a cue or a content (BIO, greedy left to right);
//! each cue run is given its exact extent, or dropped, and each source run its extent
//! (`extent.rs`); each cue then takes the content span that scores best for it (`span.rs`)
//! and the nearest source of its sentence, with the other half of a split quotation or
//! interrupted sentence as a second piece (`pairing.rs`). Trained on PolNeAR (`dossier train
//! quotes --polnear DIR`); the weights ship in `data/quotes/model.bin`.

mod colon;
mod extent;
mod features;
mod jsonl;
mod pairing;
mod ranker;
mod span;
mod tokens;
mod train;
mod word_rows;

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use dossier_model::Span;

use crate::lexicon::Lexicon;
use crate::ner::hash::BuildIdentity;
use features::{History, LABELS, Lists, O};
pub use jsonl::{form, to_jsonl};
pub use train::{AnnotatedDocument, QuoteTrainConfig, Relation, read_polnear, train};

/// One attribution: who, through which cue, said what. Byte spans into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The content, in pieces when interrupted (by the cue, a line break).
    pub content: Vec<Span>,
    /// The source mention as written ("he", "a US official"), if the text names one.
    pub source: Option<Span>,
    /// The cue ("said", "according to", "told reporters").
    pub cue: Option<Span>,
}

/// One table of weights: a row of every label for each feature, kept in the table itself so
/// that a lookup touches one place in memory. The content-span scorer keeps one weight a row.
pub(crate) struct Weights<const L: usize = LABELS> {
    table: HashMap<u64, [f32; L], BuildIdentity>,
}

impl<const L: usize> Default for Weights<L> {
    fn default() -> Self {
        Weights {
            table: HashMap::default(),
        }
    }
}

impl<const L: usize> Weights<L> {
    pub(crate) fn from_averaged(rows: Vec<(u64, [f32; L])>) -> Self {
        let mut table = HashMap::with_capacity_and_hasher(rows.len(), BuildIdentity);
        table.extend(rows);
        Weights { table }
    }

    fn read(bytes: &[u8]) -> Result<(Self, &[u8]), String> {
        if bytes.len() < 8 {
            return Err("truncated quote model".into());
        }
        let n = u32::from_le_bytes(bytes[..4].try_into().unwrap_or_default()) as usize;
        let scale = f32::from_le_bytes(bytes[4..8].try_into().unwrap_or_default());
        let row = 8 + 2 * L;
        if bytes.len() < 8 + n * row {
            return Err("truncated quote model".into());
        }
        let mut table = HashMap::with_capacity_and_hasher(n, BuildIdentity);
        for chunk in bytes[8..8 + n * row].chunks_exact(row) {
            let key = u64::from_le_bytes(chunk[..8].try_into().unwrap_or_default());
            let mut w = [0f32; L];
            for (l, slot) in w.iter_mut().enumerate() {
                let q = i16::from_le_bytes([chunk[8 + 2 * l], chunk[9 + 2 * l]]);
                *slot = f32::from(q) * scale;
            }
            table.insert(key, w);
        }
        Ok((Weights { table }, &bytes[8 + n * row..]))
    }

    fn write(&self, prune: f32, out: &mut Vec<u8>) {
        let max = self
            .table
            .values()
            .flatten()
            .fold(0f32, |m, w| m.max(w.abs()))
            .max(1e-9);
        let scale = max / 32767.0;
        let mut rows: Vec<(&u64, &[f32; L])> = self
            .table
            .iter()
            .filter(|(_, w)| w.iter().any(|w| w.abs() >= prune * max))
            .collect();
        rows.sort_unstable_by_key(|(k, _)| **k);
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for (key, w) in rows {
            out.extend_from_slice(&key.to_le_bytes());
            for w in w {
                out.extend_from_slice(&((w / scale).round() as i16).to_le_bytes());
            }
        }
    }

    /// Adds the weights of these features to the scores.
    pub(crate) fn add_scores(&self, features: &[u64], scores: &mut [f32; L]) {
        for f in features {
            if let Some(row) = self.table.get(f) {
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
    }

    /// The weight of one feature (first label), zero when unseen.
    pub(crate) fn get(&self, feature: u64) -> f32 {
        self.table.get(&feature).map_or(0.0, |row| row[0])
    }
}

/// Added to the score of a label that opens a source (1) or a cue (3) at every token: the
/// taggers find fewer attributions than PolNeAR marks (on dev, a cue precision of 0.81
/// against a recall of 0.60), and a run they open is still given its extent, or dropped, by
/// the scorers after them. Chosen on PolNeAR dev: cue F1 0.688 -> 0.691, source 0.704 ->
/// 0.717, content 0.540 -> 0.545.
const RECALL_LIFT: [(usize, f32); 2] = [(1, 5.0), (3, 10.0)];

impl Weights<LABELS> {
    /// Tags the tokens greedily, left to right.
    /// Tokens where `skip` is true are left outside without a look.
    pub(crate) fn tag(
        &self,
        toks: &[tokens::Tok],
        fixed: &features::Fixed,
        skip: Option<&[bool]>,
    ) -> Vec<u8> {
        let skipped = |k: usize| skip.is_some_and(|skip| skip[k]);
        // The scores of the fixed features first, for every token: none depends on another,
        // so their lookups overlap in memory, where the left-to-right walk below waits on each
        // label before it can read the next token's history.
        let mut fixed_scores = vec![[0f32; LABELS]; toks.len()];
        for (k, s) in fixed_scores.iter_mut().enumerate() {
            if !skipped(k) {
                self.add_scores(fixed.token(k), s);
            }
        }
        self.tag_scored(toks, fixed_scores, skip)
    }

    /// Tags the tokens greedily, left to right, from the scores their fixed features give.
    fn tag_scored(
        &self,
        toks: &[tokens::Tok],
        fixed_scores: Vec<[f32; LABELS]>,
        skip: Option<&[bool]>,
    ) -> Vec<u8> {
        let skipped = |k: usize| skip.is_some_and(|skip| skip[k]);
        let mut labels = vec![O; toks.len()];
        let mut h = History::default();
        let mut f = Vec::with_capacity(16);
        for k in 0..toks.len() {
            features::enter(&mut h, toks, k);
            if skipped(k) {
                features::advance(&mut h, toks, k, O);
                continue;
            }
            f.clear();
            features::history_features(&mut f, toks, k, &labels, &h);
            let mut s = fixed_scores[k];
            self.add_scores(&f, &mut s);
            for (label, lift) in RECALL_LIFT {
                s[label] += lift;
            }
            labels[k] = best(&s);
            features::advance(&mut h, toks, k, labels[k]);
        }
        labels
    }
}

/// The trained attribution tagger: a first tagging, a second that also reads the first, the
/// scorer that gives each cue its extent, and the scorer that chooses each cue's content whole.
pub struct QuoteModel {
    first: Weights,
    second: Weights,
    /// The rows of `first` and `second` side by side, for the features both taggings read
    /// before either tags: one lookup a feature serves both.
    both: Weights<{ 2 * LABELS }>,
    spans: Weights<1>,
    cue_extents: Weights<1>,
    source_extents: Weights<1>,
    cues: HashSet<String>,
    abbreviations: HashSet<String>,
    /// Tells this model's cached word rows (`word_rows`) from another's.
    id: u64,
}

/// The next model's id.
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

const MAGIC: &[u8; 4] = b"DQA5";

static BUILTIN: OnceLock<QuoteModel> = OnceLock::new();

fn cue_words() -> HashSet<String> {
    let mut cues = Lexicon::builtin().cues.clone();
    cues.extend(crate::lexicon::words(include_str!(
        "../../data/quotes/cues.txt"
    )));
    cues
}

impl QuoteModel {
    /// The model shipped with the crate, loaded once.
    pub fn builtin() -> &'static QuoteModel {
        BUILTIN.get_or_init(|| {
            QuoteModel::from_bytes(include_bytes!("../../data/quotes/model.bin"))
                .unwrap_or_else(|_| QuoteModel::empty())
        })
    }

    fn empty() -> Self {
        QuoteModel {
            first: Weights::default(),
            second: Weights::default(),
            both: Weights::default(),
            spans: Weights::default(),
            cue_extents: Weights::default(),
            source_extents: Weights::default(),
            cues: cue_words(),
            abbreviations: Lexicon::builtin().abbreviations,
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    pub(crate) fn from_weights(
        first: Weights,
        second: Weights,
        spans: Weights<1>,
        cue_extents: Weights<1>,
        source_extents: Weights<1>,
    ) -> Self {
        let mut both: HashMap<u64, [f32; 2 * LABELS], BuildIdentity> =
            HashMap::with_capacity_and_hasher(first.table.len(), BuildIdentity);
        for (half, weights) in [&first, &second].into_iter().enumerate() {
            for (&key, row) in &weights.table {
                let slot = both.entry(key).or_insert([0.0; 2 * LABELS]);
                slot[half * LABELS..(half + 1) * LABELS].copy_from_slice(row);
            }
        }
        QuoteModel {
            first,
            second,
            both: Weights { table: both },
            spans,
            cue_extents,
            source_extents,
            ..QuoteModel::empty()
        }
    }

    /// Number of weighted features.
    pub fn feature_count(&self) -> usize {
        self.first.table.len()
            + self.second.table.len()
            + self.spans.table.len()
            + self.cue_extents.table.len()
            + self.source_extents.table.len()
    }

    /// Reads weights written by [`QuoteModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        if bytes.len() < 4 || &bytes[..4] != MAGIC {
            return Err("not a quote model".into());
        }
        let (first, rest) = Weights::read(&bytes[4..])?;
        let (second, rest) = Weights::read(rest)?;
        let (spans, rest) = Weights::read(rest)?;
        let (cue_extents, rest) = Weights::read(rest)?;
        let (source_extents, _) = Weights::read(rest)?;
        Ok(QuoteModel::from_weights(
            first,
            second,
            spans,
            cue_extents,
            source_extents,
        ))
    }

    /// The share of its table's largest weight under which a tagger feature is left out of the
    /// model file ([`QuoteModel::to_bytes`]).
    pub const TAGGER_PRUNE: f32 = 0.1;
    /// The same for the span and extent scorers.
    pub const SCORER_PRUNE: f32 = 0.05;

    /// The weights, quantised to 16 bits; features whose weights are all below a share of the
    /// largest weight of their table are left out: `tagger_prune` for the two taggings, whose
    /// tables every token reads, `scorer_prune` for the span and extent scorers, which only
    /// candidates read (their small weights cost little time and carry accuracy).
    pub fn to_bytes(&self, tagger_prune: f32, scorer_prune: f32) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        self.first.write(tagger_prune, &mut out);
        self.second.write(tagger_prune, &mut out);
        self.spans.write(scorer_prune, &mut out);
        self.cue_extents.write(scorer_prune, &mut out);
        self.source_extents.write(scorer_prune, &mut out);
        out
    }

    pub(crate) fn tokenize<'a>(&self, text: &'a str) -> Vec<tokens::Tok<'a>> {
        let abbreviations = |w: &str| self.abbreviations.contains(w);
        tokens::tokenize(text, &abbreviations)
    }

    /// The static features of every token, kept (for training).
    pub(crate) fn static_features(&self, toks: &[tokens::Tok]) -> features::Fixed {
        let mut fixed = features::Fixed::with_tokens(toks.len());
        let is_cue = |w: &str| self.cues.contains(w);
        features::static_features(toks, &Lists { is_cue: &is_cue }, true, |k, features, _| {
            fixed.extend(k, features)
        });
        fixed
    }

    /// Labels of the tokens from the first tagging and from the second, which reads the first.
    pub(crate) fn labels(&self, toks: &[tokens::Tok]) -> (Vec<u8>, Vec<u8>) {
        // the static features' scores for both taggings at once
        let is_cue = |w: &str| self.cues.contains(w);
        let lists = Lists { is_cue: &is_cue };
        let (first_scores, mut second_scores): (Vec<_>, Vec<_>) =
            word_rows::static_scores(self.id, &self.both, toks, &lists)
                .into_iter()
                .map(|s| {
                    let mut first = [0f32; LABELS];
                    let mut second = [0f32; LABELS];
                    first.copy_from_slice(&s[..LABELS]);
                    second.copy_from_slice(&s[LABELS..]);
                    (first, second)
                })
                .unzip();
        let first = self.first.tag_scored(toks, first_scores, None);
        let quiet = features::quiet_sentences(toks, &first);
        // and the second's of the features that read the first tagging
        features::stack_features(toks, &first, |k, features| {
            if !quiet[k] {
                self.second.add_scores(features, &mut second_scores[k]);
            }
        });
        let second = self.second.tag_scored(toks, second_scores, Some(&quiet));
        (first, second)
    }

    /// The attributions of a text.
    pub fn attributions(&self, text: &str) -> Vec<Attribution> {
        let toks = self.tokenize(text);
        let (first, labels) = self.labels(&toks);
        let ctx = span::Context::new(&toks, &first);
        let cache = std::cell::RefCell::new(span::Cache::new(&ctx));
        let cue_extent =
            |anchor| extent::best(&extent::CUE, |k| self.cue_extents.get(k), &ctx, anchor);
        let source_extent = |anchor| {
            extent::best(
                &extent::SOURCE,
                |k| self.source_extents.get(k),
                &ctx,
                anchor,
            )
        };
        let mut found = pairing::pair(&toks, &labels, &cue_extent, &source_extent, &|cue| {
            span::best(
                |k| self.spans.get(k),
                &ctx,
                cue,
                Some(&mut cache.borrow_mut()),
            )
        });
        colon::add_line_attributions(text, &mut found);
        // "... would be more intense —": a dash that opens an aside after the content is none
        // of it
        for piece in found.iter_mut().flat_map(|a| a.content.iter_mut()) {
            let written = piece.slice(text);
            let kept = written
                .trim_end_matches([' ', '\u{2014}', '\u{2013}'])
                .trim_end_matches(" -")
                .trim_end_matches(" --");
            if kept.len() < written.len() && !kept.trim().is_empty() {
                piece.end = piece.start + kept.len();
            }
        }
        found
    }
}

/// The channel named right after a cue: "on X", "in a statement", "to reporters".
pub fn channel(text: &str, attribution: &Attribution) -> Option<String> {
    let cue = attribution.cue?;
    let after = text.get(cue.end..)?.trim_start();
    let lexicon = Lexicon::builtin();
    let lower = after.chars().take(80).collect::<String>().to_lowercase();
    let word_end = |rest: &str| rest.chars().next().is_none_or(|c| !c.is_alphanumeric());
    let pick = |prefixes: &[&str], names: &[String]| -> Option<String> {
        for prefix in prefixes {
            let Some(rest) = lower.strip_prefix(prefix) else {
                continue;
            };
            for name in names {
                let name_lower = name.to_lowercase();
                if let Some(tail) = rest.strip_prefix(&name_lower)
                    && word_end(tail)
                {
                    let n = prefix.chars().count() + name_lower.chars().count();
                    return Some(after.chars().take(n).collect());
                }
            }
        }
        None
    };
    pick(&["on "], &lexicon.platforms)
        .or_else(|| pick(&["in a ", "in an ", "in "], &lexicon.media))
        .or_else(|| pick(&["to "], &lexicon.audiences))
}

/// The best label (an inside label after another role starts a run of its own).
pub(crate) fn best(scores: &[f32; LABELS]) -> u8 {
    let mut best = O;
    let mut top = f32::NEG_INFINITY;
    for (l, &s) in scores.iter().enumerate() {
        if s > top {
            top = s;
            best = l as u8;
        }
    }
    best
}
