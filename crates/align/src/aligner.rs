//! One story's alignment: features, pairwise scores, groups, verdicts, then the timeline and the
//! per-outlet summary.

use std::collections::{BTreeSet, HashMap};

use dossier_model::{
    Alignment, Analysis, Document, Entity, EntityKind, Evidence, OutletSummary, TimelineEntry,
    Verdict,
};

use crate::features::{self, Features};
use crate::{AlignConfig, entities, matching, outlets, timeline, upstream, verdict};

/// One document of a story with its analysis.
#[derive(Debug, Clone, Copy)]
pub struct StoryDoc<'a> {
    /// The document.
    pub document: &'a Document,
    /// Its analysis.
    pub analysis: &'a Analysis,
    /// The id of the document it copies, or its own id when it is no copy.
    pub original: &'a str,
}

/// What alignment finds in one story.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Aligned {
    /// Groups of statements with verdicts.
    pub alignments: Vec<Alignment>,
    /// Events in time order.
    pub timeline: Vec<TimelineEntry>,
    /// Per outlet: what it adds and omits.
    pub outlets: Vec<OutletSummary>,
    /// The story's entities, merged across its documents.
    pub entities: Vec<Entity>,
}

/// The alignment stage: build once, run on many stories.
#[derive(Debug, Clone)]
pub struct Aligner {
    config: AlignConfig,
}

/// A claim or quote, as alignment sees it.
struct Item<'a> {
    id: &'a str,
    doc: usize,
    /// (document, sentence index) of the statement.
    sentence: (usize, usize),
    is_quote: bool,
    evidence: Evidence,
    features: Features,
    /// The claim or quote it is a fact of (facts of one claim share it).
    statement: usize,
    /// Who stands behind it, for independence: the upstream it came through, else the outlet of
    /// the original document.
    independence: String,
}

impl Aligner {
    /// An aligner with this configuration.
    pub fn new(config: &AlignConfig) -> Self {
        Aligner {
            config: config.clone(),
        }
    }

    /// Aligns the documents of one story.
    pub fn run(&self, story_id: &str, docs: &[StoryDoc]) -> Aligned {
        let by_id: HashMap<&str, &Document> = docs
            .iter()
            .map(|d| (d.document.id.as_str(), d.document))
            .collect();
        let outlet_key = |d: &StoryDoc| {
            let original = by_id.get(d.original).copied().unwrap_or(d.document);
            original.outlet.as_deref().map_or_else(
                || format!("doc:{}", original.id),
                |o| format!("outlet:{}", o.to_lowercase()),
            )
        };
        let identities = upstream::Identities::new(docs);
        // Who stands behind a statement: the first outlet it came through that is a report
        // of this story, else the last it came through, else a source or channel that is a
        // report of this story ("according to the paper", "told the Tribune"), else its own
        // outlet.
        let behind = |own: &String, via: &[String], named: Option<&str>| -> String {
            let story_doc = |name: &str| identities.resolve(name).map(|j| outlet_key(&docs[j]));
            via.iter()
                .find_map(|v| story_doc(v))
                .or_else(|| via.last().map(|v| format!("via:{}", v.to_lowercase())))
                .or_else(|| named.and_then(story_doc))
                .unwrap_or_else(|| own.clone())
        };
        let mut items: Vec<Item> = Vec::new();
        let mut statements = 0;
        for (i, d) in docs.iter().enumerate() {
            let own = outlet_key(d);
            let sentence_of = |start: usize| {
                d.analysis
                    .sentences
                    .partition_point(|s| s.span.end <= start)
            };
            for c in &d.analysis.claims {
                let independence = behind(&own, &c.via, c.source.as_ref().map(|s| s.name.as_str()));
                // Each fact of a claim that gives figures of several kinds is a statement of
                // its own; the second and later ones take a sentence key no real sentence has
                // (counted down from the top), so that two facts of one claim never stand in
                // one group.
                let statement = statements;
                statements += 1;
                for (n, fact) in features::facts_of_claim(c).into_iter().enumerate() {
                    let sentence = if n == 0 {
                        sentence_of(c.start)
                    } else {
                        usize::MAX - items.len()
                    };
                    items.push(Item {
                        id: &c.id,
                        statement,
                        doc: i,
                        sentence: (i, sentence),
                        is_quote: false,
                        evidence: Evidence {
                            doc: c.doc.clone(),
                            start: c.start,
                            end: c.end,
                            text: c.text.clone(),
                        },
                        features: {
                            let mut f = fact;
                            f.headline = is_headline(d.document, &d.analysis.sentences, c.start);
                            f.published = d
                                .document
                                .published_at()
                                .map(|p| p.date_naive().format("%Y-%m-%d").to_string());
                            f.places = d
                                .analysis
                                .mentions
                                .iter()
                                .filter(|m| {
                                    m.kind == EntityKind::Place
                                        && m.span.start >= c.start
                                        && m.span.end <= c.end
                                        && !features::is_site(&m.canonical)
                                })
                                .map(|m| m.canonical.to_lowercase())
                                .collect();
                            f
                        },
                        independence: independence.clone(),
                    });
                }
            }
            for q in &d.analysis.quotes {
                let independence = behind(&own, &q.via, q.channel.as_deref());
                let statement = statements;
                statements += 1;
                items.push(Item {
                    id: &q.id,
                    statement,
                    doc: i,
                    sentence: (i, sentence_of(q.start)),
                    is_quote: true,
                    evidence: Evidence {
                        doc: q.doc.clone(),
                        start: q.start,
                        end: q.end,
                        text: q.text.clone(),
                    },
                    features: features::of_quote(q),
                    independence,
                });
            }
        }
        let all_features: Vec<Features> = items.iter().map(|i| i.features.clone()).collect();
        let statement_of: Vec<usize> = items.iter().map(|i| i.statement).collect();
        let prepared = matching::Prepared::new(&all_features, &statement_of);
        let mut score_of: HashMap<(usize, usize), f64> = HashMap::new();
        // "24 people had died, up from 19" beside "19 people had been killed": the update
        // names the figure it replaces, in the unit of the new one ("16 dead, up from 14" is
        // no update of "received 14 of the injured")
        // (`counted`: only a figure of a named unit, "nine people", not a bare "29")
        let names_earlier_with = |a: &Features, b: &Features, counted: bool| {
            let new_units: Vec<&String> = a
                .numbers
                .iter()
                .filter(|(v, _)| !a.earlier.contains(v))
                .map(|(_, unit)| unit)
                .collect();
            a.earlier.iter().any(|e| {
                b.numbers.iter().any(|(w, unit)| {
                    (w - e).abs() < 1e-9
                        && !b.earlier.contains(w)
                        && new_units.contains(&unit)
                        && !(counted && unit.is_empty())
                })
            })
        };
        let names_earlier = |a: &Features, b: &Features| names_earlier_with(a, b, false);
        // The link gate's training data (scripts/train_link_gate.py): what it reads of every
        // pair it would judge, with the two statements' ids.
        let mut pairs_out = std::env::var_os("DOSSIER_LINK_PAIRS").map(|_| String::new());
        for i in 0..items.len() {
            for j in i + 1..items.len() {
                if items[i].doc == items[j].doc {
                    continue;
                }
                let (mut s, inputs) =
                    matching::scored(&all_features, &prepared, i, j, self.config.link_gate);
                // "rose to 14 on Tuesday from an initial nine" beside "Nine people were taken
                // to hospital": an update that names the other's figure in its own unit is
                // set beside it however few words they share, as the revision it is
                if s == 0.0
                    && let Some(inputs) = &inputs
                    && (names_earlier_with(&items[i].features, &items[j].features, true)
                        || names_earlier_with(&items[j].features, &items[i].features, true))
                {
                    s = (0.5 * inputs[0] + 0.5 * inputs[1]).max(self.config.link_threshold);
                }
                if s > 0.0 {
                    score_of.insert((i, j), s);
                }
                if let (Some(out), Some(inputs)) = (pairs_out.as_mut(), inputs) {
                    let values: Vec<String> = inputs.iter().map(|x| format!("{x:.5}")).collect();
                    out.push_str(&format!(
                        "{story_id}\t{}\t{}\t{}\n",
                        items[i].id,
                        items[j].id,
                        values.join("\t")
                    ));
                }
            }
        }
        if let (Some(out), Some(path)) = (pairs_out, std::env::var_os("DOSSIER_LINK_PAIRS")) {
            use std::io::Write;
            let written = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .and_then(|mut f| f.write_all(out.as_bytes()));
            if let Err(e) = written {
                eprintln!(
                    "DOSSIER_LINK_PAIRS: cannot write {}: {e}",
                    path.to_string_lossy()
                );
            }
        }
        let doc_of: Vec<usize> = items.iter().map(|i| i.doc).collect();
        let sentence_keys: Vec<(usize, usize)> = items.iter().map(|i| i.sentence).collect();
        // Two statements of one document that take two sides of a dispute: an assertion and
        // a denial, or two sources giving their own figures for one thing ("police said 48
        // people were on board"; "the company said 52").
        let disputes = |x: usize, y: usize| {
            let (a, b) = (&items[x].features, &items[y].features);
            matching::opposed(a.polarity, b.polarity)
                || (a.speaker.is_some()
                    && b.speaker.is_some()
                    && a.speaker != b.speaker
                    && features::differing_figure(a, b))
        };
        let ties = |i: usize, j: usize| {
            let (a, b) = (&items[i].features, &items[j].features);
            names_earlier(a, b) || names_earlier(b, a) || matching::rival_figures(a, b)
        };
        let groups = matching::group(
            &doc_of,
            &sentence_keys,
            &disputes,
            &score_of,
            self.config.link_threshold,
            &ties,
        );
        let mut alignments = Vec::new();
        let judged = |group: &[usize]| -> Alignment {
            let members: Vec<&Item> = group.iter().map(|&k| &items[k]).collect();
            // How well each pair of documents agrees here: their best-matching statements
            // (a second clause of one sentence that joined the group does not drag it down).
            // A copy agreeing with its original says nothing of whether another source
            // agrees: only pairs of independent sources count, where there are any.
            let mixed = group
                .iter()
                .any(|&i| items[i].independence != items[group[0]].independence);
            let mut best: HashMap<(usize, usize), f64> = HashMap::new();
            for (x, &i) in group.iter().enumerate() {
                for &j in &group[x + 1..] {
                    if let Some(s) = score_of.get(&(i.min(j), i.max(j))) {
                        let (a, b) = (items[i].doc, items[j].doc);
                        let apart = !mixed || items[i].independence != items[j].independence;
                        if a != b && apart {
                            let slot = best.entry((a.min(b), a.max(b))).or_insert(0.0);
                            *slot = slot.max(*s);
                        }
                    }
                }
            }
            let mut pair_scores: Vec<(usize, usize, f64)> =
                best.into_iter().map(|((a, b), s)| (a, b, s)).collect();
            pair_scores.sort_by_key(|&(a, b, _)| (a, b));
            let pair_scores: Vec<f64> = pair_scores.into_iter().map(|(_, _, s)| s).collect();
            let independent: BTreeSet<&str> =
                members.iter().map(|m| m.independence.as_str()).collect();
            let outlet_set: BTreeSet<String> =
                members.iter().map(|m| outlet_key(&docs[m.doc])).collect();
            let feats: Vec<&Features> = members.iter().map(|m| &m.features).collect();
            let similarity = |x: usize, y: usize| {
                let (i, j) = (group[x].min(group[y]), group[x].max(group[y]));
                score_of.get(&(i, j)).copied().unwrap_or(0.0)
            };
            let judgement = verdict::judge(
                &feats,
                &pair_scores,
                &similarity,
                independent.len(),
                outlet_set.len(),
                &self.config,
            );
            Alignment {
                id: String::new(),
                verdict: judgement.verdict,
                claims: members
                    .iter()
                    .filter(|m| !m.is_quote)
                    .map(|m| m.id.to_string())
                    .collect(),
                quotes: members
                    .iter()
                    .filter(|m| m.is_quote)
                    .map(|m| m.id.to_string())
                    .collect(),
                independent_sources: independent.len(),
                difference: judgement.difference,
                explanation: judgement.explanation,
                evidence: members.iter().map(|m| m.evidence.clone()).collect(),
            }
        };
        for group in &groups {
            let alignment = judged(group);
            // A revision of a figure that other reports still give: those reports agree with
            // one another, which is worth saying apart ("2.8 million, say 01 and 03" beside
            // "04 now says 4.1 million, up from 2.8 million").
            let revised = alignment.verdict == Verdict::Revision;
            alignments.push(alignment);
            if revised {
                let marked = |k: usize| items[k].features.revision || items[k].features.original;
                // The figures the marked statements give as earlier, and their new ones.
                let earlier: Vec<f64> = group
                    .iter()
                    .filter(|&&k| marked(k))
                    .flat_map(|&k| items[k].features.earlier.iter().copied())
                    .collect();
                let newer: Vec<f64> = group
                    .iter()
                    .filter(|&&k| marked(k))
                    .flat_map(|&k| items[k].features.numbers.iter().map(|(v, _)| *v))
                    .filter(|v| !earlier.iter().any(|e| (e - v).abs() < 1e-9))
                    .collect();
                // a statement's own figures, less those it gives as its earlier ones ("rose
                // to 112 on Wednesday, up from 47" gives 112)
                let gives = |k: usize, values: &[f64]| {
                    let f = &items[k].features;
                    f.numbers.iter().any(|(v, _)| {
                        values.iter().any(|w| (w - v).abs() < 1e-9)
                            && !f.earlier.iter().any(|e| (e - v).abs() < 1e-9)
                    })
                };
                // those that still give the earlier figure, marked as an update on one before
                // it or not ("rose to 112", "killed at least 112" beside "146, up from 112")
                let unmarked: Vec<usize> = group
                    .iter()
                    .copied()
                    .filter(|&k| {
                        !gives(k, &newer)
                            && if earlier.is_empty() {
                                !marked(k)
                            } else {
                                gives(k, &earlier)
                            }
                    })
                    .collect();
                if unmarked.len() >= 2 && unmarked.len() < group.len() {
                    let agreeing = judged(&unmarked);
                    // several outlets carrying one source's earlier figure are shown too
                    let outlets: BTreeSet<String> = unmarked
                        .iter()
                        .map(|&k| outlet_key(&docs[items[k].doc]))
                        .collect();
                    if agreeing.verdict == Verdict::Corroborated
                        || (agreeing.verdict == Verdict::SingleSource && outlets.len() >= 2)
                    {
                        alignments.push(agreeing);
                    }
                }
            }
        }
        // Cross-source groups first, in order of how many sources carry them.
        alignments.sort_by_key(|a| std::cmp::Reverse(a.evidence.len().min(2)));
        for (n, a) in alignments.iter_mut().enumerate() {
            a.id = format!("{story_id}-a{}", n + 1);
        }
        let statements: Vec<timeline::Timed> = docs
            .iter()
            .flat_map(|d| {
                let claims = d.analysis.claims.iter().map(|c| timeline::Timed {
                    id: &c.id,
                    text: &c.text,
                    times: &c.times,
                });
                let quotes = d.analysis.quotes.iter().map(|q| timeline::Timed {
                    id: &q.id,
                    text: &q.text,
                    times: &q.times,
                });
                claims.chain(quotes)
            })
            .collect();
        let timeline = timeline::build(&alignments, &statements);
        let label_of: HashMap<&str, (String, String)> = items
            .iter()
            .map(|i| {
                (
                    i.id,
                    (
                        docs[i.doc].document.label(),
                        docs[i.doc].document.id.clone(),
                    ),
                )
            })
            .collect();
        let outlets = outlets::summarise(&alignments, &|id| label_of.get(id).cloned());
        let analyses: Vec<&Analysis> = docs.iter().map(|d| d.analysis).collect();
        Aligned {
            alignments,
            timeline,
            outlets,
            entities: entities::merge(story_id, &analyses),
        }
    }
}

/// Whether the sentence holding byte `at` is the document's headline: the first paragraph, one
/// sentence long, with no closing stop.
fn is_headline(doc: &Document, sentences: &[dossier_model::Sentence], at: usize) -> bool {
    let Some(first) = sentences.first() else {
        return false;
    };
    let alone = sentences
        .get(1)
        .is_none_or(|next| next.paragraph != first.paragraph);
    let text = doc
        .text
        .get(first.span.start..first.span.end)
        .unwrap_or("")
        .trim_end();
    first.paragraph == 0
        && alone
        && first.span.start <= at
        && at < first.span.end
        && !text.ends_with(['.', '!', '?', '"', '\u{201d}', '\'', '\u{2019}', ':'])
}
