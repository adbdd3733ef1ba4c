//! The per-document pass: tokens, sentences, mentions, then quotes and claims sentence by
//! sentence, so pronouns and carried-over speakers see what came before.

use std::ops::Range;

use chrono::NaiveDate;
use dossier_model::{
    Analysis, Claim, Diagnostic, Document, EntityKind, Quote, QuoteKind, Sentence, Span, Speaker,
};

use crate::AnalyzeConfig;
use crate::attribution::{self, Context, Found, Memory};
use crate::clause;
use crate::entity;
use crate::lexicon::Lexicon;
use crate::polarity;
use crate::quantity;
use crate::quote::{self, Marked};
use crate::sentence::{self, SentenceTokens};
use crate::time;
use crate::token::{self, Token, TokenKind};

/// Most tokens outside the marks for a sentence to count as "just a quote and its cue".
const QUOTE_FRAME_TOKENS: usize = 16;
/// Most tokens of a role phrase that opens a clause before the name it describes ("The
/// city's director of finance, Oswin Pallard, …").
const ROLE_PHRASE_TOKENS: usize = 12;

/// The analysis stage: build once, run on many documents.
#[derive(Debug, Clone)]
pub struct Analyzer {
    config: AnalyzeConfig,
    lexicon: Lexicon,
}

/// Words after a cue that only finish its frame (", officials said on Monday evening."), not
/// a content of its own.
const CUE_TAIL_WORDS: usize = 4;

/// How a statement is attributed.
#[derive(Debug, Default, Clone)]
struct Attribution {
    source: Option<Found>,
    cue: Option<(String, Span)>,
    channel: Option<String>,
    via: Vec<String>,
}

/// Verbs of a reporting frame whose complement may hold another cue and a partial quote that
/// are still the frame's ("said the ministry had asked them to act 'as a precaution'").
const REPORTING_FRAMES: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "wrote",
    "writes",
    "stated",
    "states",
    "explained",
    "argued",
    "insisted",
    "claimed",
    "announced",
    "reported",
];
impl Analyzer {
    /// Builds the analyzer with the word lists that ship with the crate.
    pub fn new(config: &AnalyzeConfig) -> Self {
        Analyzer {
            config: config.clone(),
            lexicon: Lexicon::builtin(),
        }
    }

    /// Analyses one document.
    pub fn run(&self, doc: &Document) -> Analysis {
        let text = doc.text.as_str();
        let lexicon = &self.lexicon;
        let tokens = token::tokenize(text, lexicon);
        let sentences = sentence::split(&tokens, lexicon);
        let mentions = entity::find_mentions(text, &tokens, &sentences, lexicon);
        let marked = quote::find(text, &tokens, &sentences, lexicon);
        let mut inside = vec![false; tokens.len()];
        for m in &marked {
            let end = m.close.map_or_else(|| m.after(&tokens), |c| c + 1);
            for flag in inside.iter_mut().take(end).skip(m.open) {
                *flag = true;
            }
        }
        let published = doc.published_at().map(|p| p.date_naive());
        let ctx = Context {
            text,
            tokens: &tokens,
            mentions: &mentions,
            inside: &inside,
            lexicon,
        };
        let mut memory = Memory::default();
        let mut quotes = Vec::new();
        let mut claims = Vec::new();
        let mut diagnostics = Vec::new();
        for (s, sentence) in sentences.iter().enumerate() {
            if s == 0 || sentences[s - 1].paragraph != sentence.paragraph {
                memory.paragraph_source = None;
            }
            // The person the sentence before opens with: in this paragraph, or closing a
            // paragraph of narrative that introduces someone before a quote paragraph
            // ("Marit Olling, 67, was lifted from her roof." / "'…,' she said.").
            let opens_quote_paragraph = sentence.tokens.start < tokens.len()
                && tokens[sentence.tokens.start].kind == TokenKind::Quote;
            // "She spoke later, on the evening news." after a paragraph that introduced her
            let opens_with_pronoun = |at: usize| {
                tokens
                    .get(at)
                    .is_some_and(|t| matches!(t.lower().as_str(), "he" | "she"))
            };
            let previous = s.checked_sub(1).map(|p| &sentences[p]);
            let narrative_before = previous.filter(|p| {
                (opens_quote_paragraph || opens_with_pronoun(sentence.tokens.start))
                    && p.paragraph + 1 == sentence.paragraph
                    && memory.last_quote_paragraph != Some(p.paragraph)
            });
            let carried = memory.previous_subject.take();
            memory.previous_subject = previous
                .filter(|p| p.paragraph == sentence.paragraph || narrative_before.is_some())
                .and_then(|p| ctx.opening_person(p.tokens.clone(), &memory))
                // the sentence before opened with "she" for the person before it
                .or_else(|| {
                    previous
                        .filter(|p| {
                            p.paragraph == sentence.paragraph && opens_with_pronoun(p.tokens.start)
                        })
                        .and(carried)
                })
                // "One of those members is Edwy Hatherell, a dairy farmer. He said ...": the
                // person the sentence before names for the first time
                .or_else(|| {
                    previous
                        .filter(|p| {
                            p.paragraph == sentence.paragraph
                                && opens_with_pronoun(sentence.tokens.start)
                        })
                        .and_then(|p| ctx.introduced_person(p.tokens.clone()))
                })
                .or_else(|| {
                    // the whole paragraph before: "In the old town, Evander Brieg, a baker,
                    // opened his shop as usual. His account is frozen." / "'…,' he said."
                    let last = narrative_before?;
                    let first = sentences[..s]
                        .iter()
                        .find(|p| p.paragraph == last.paragraph)
                        .unwrap_or(last);
                    ctx.introduced_person(first.tokens.start..last.tokens.end)
                });
            memory.previous_organisation = s
                .checked_sub(1)
                .and_then(|p| ctx.opening_organisation(sentences[p].tokens.clone()));
            memory.sentence_organisation = ctx.opens_with_organisation(sentence.tokens.clone());
            let here: Vec<&Marked> = marked
                .iter()
                .filter(|m| m.sentence == s && m.kind.is_some())
                .collect();
            for m in &here {
                let mut attribution =
                    self.attribute_quote(&ctx, sentence, m, &here, &quotes, &memory);
                attribution.source = attribution.source.map(|f| memory.resolve(f, lexicon));
                let paragraph = sentence.paragraph;
                if let Some(found) = &attribution.source {
                    memory.last_speaker = Some((found.clone(), paragraph));
                    memory.note_source(found);
                }
                // A paragraph that quotes its speaker, whole or in part ('called it "a
                // beginning"'), lends that speaker to a quote paragraph after it.
                if matches!(m.kind, Some(QuoteKind::Direct | QuoteKind::Partial)) {
                    memory.last_quote_paragraph = Some(paragraph);
                }
                let speaker = attribution.source.as_ref().map_or_else(
                    || {
                        diagnostics.push(Diagnostic::warning(
                            doc.id.clone(),
                            format!(
                                "quote at byte {} has no speaker the text names",
                                m.content.start
                            ),
                        ));
                        Speaker::anonymous("unattributed")
                    },
                    |f| f.speaker.clone(),
                );
                quotes.push(Quote {
                    id: format!("{}-q{}", doc.id, quotes.len() + 1),
                    doc: doc.id.clone(),
                    start: m.content.start,
                    end: m.content.end,
                    text: m.content.slice(text).to_string(),
                    kind: m.kind.unwrap_or(QuoteKind::Partial),
                    speaker_span: attribution.source.as_ref().map(|f| f.span),
                    speaker,
                    cue: attribution.cue.as_ref().map(|c| c.0.clone()),
                    cue_span: attribution.cue.as_ref().map(|c| c.1),
                    channel: attribution.channel.clone(),
                    via: attribution.via.clone(),
                    times: time::find(text, &tokens, sentence.tokens.clone(), published),
                });
            }
            let outside = sentence.tokens.clone().filter(|&k| !inside[k]).count();
            let has_direct = here.iter().any(|m| m.kind == Some(QuoteKind::Direct));
            if has_direct && outside <= QUOTE_FRAME_TOKENS {
                continue;
            }
            let mut attribution =
                self.attribute_claim(&ctx, sentence.tokens.clone(), &memory, false);
            attribution.source = attribution.source.map(|f| memory.resolve(f, lexicon));
            if let Some(found) = &attribution.source {
                memory.note_source(found);
            }
            if let Some(found) = &attribution.source
                && found.is_person
            {
                memory.last_speaker = Some((found.clone(), sentence.paragraph));
            }
            let is_cue = |k: usize| attribution::is_cue_at(&tokens, k, lexicon);
            // "Brannock has refused to withdraw the bill, and his office said that …": a clause
            // before the source's own, where the cue goes on to its own content, is none of
            // that source's; ", officials said." at the end of the sentence reports all before.
            let unattributed = attribution.source.as_ref().and_then(|source| {
                let (_, cue_span) = attribution.cue.as_ref()?;
                let cue = sentence
                    .tokens
                    .clone()
                    .find(|&k| tokens[k].span == *cue_span)?;
                let subject = sentence
                    .tokens
                    .clone()
                    .find(|&k| tokens[k].span.start >= source.span.start)?;
                let words_after = (cue + 1..sentence.tokens.end)
                    .filter(|&k| tokens[k].is_word())
                    .count();
                let content_after = tokens.get(cue + 1).is_some_and(|t| t.is("that"))
                    || words_after > CUE_TAIL_WORDS;
                (content_after && subject < cue).then_some(subject)
            });
            let reports_apart = sentence.tokens.clone().any(|k| {
                !inside[k]
                    && (tokens[k].is(";")
                        || (["but", "while", "whereas"].contains(&tokens[k].lower().as_str())
                            && k > 0
                            && tokens[k - 1].is(",")))
            });
            for clause in clause::split(&tokens, sentence.tokens.clone(), &inside, &is_cue) {
                let range = clause.range;
                let aside = clause.aside;
                if range.clone().all(|k| inside[k]) {
                    continue;
                }
                let words = range.clone().filter(|&k| tokens[k].is_word()).count();
                if words < self.config.min_clause_words {
                    continue;
                }
                let has_relative_cue = range.clone().any(|k| {
                    !inside[k]
                        && !aside.as_ref().is_some_and(|aside| aside.contains(&k))
                        && attribution::is_cue_at(&tokens, k, lexicon)
                        && is_relative_cue(&ctx, k, range.start)
                });
                let own;
                let none = Attribution::default();
                // "The River Guard says at least 120 people were aboard; the operator says 74
                // were", "Customs said 2.6 million were seized, but the police put the number
                // at 1.8 million": each half of a sentence a semicolon or ", but" joins has its
                // own source
                let own_main = if reports_apart {
                    let mut found = self.attribute_claim(&ctx, range.clone(), &memory, false);
                    found.source = found.source.map(|f| memory.resolve(f, lexicon));
                    found.source.is_some().then_some(found)
                } else {
                    None
                };
                let attribution = if has_relative_cue {
                    own = self.attribute_claim(&ctx, range.clone(), &memory, true);
                    &own
                } else if let Some(found) = &own_main {
                    found
                } else if unattributed.is_some_and(|subject| range.end <= subject) {
                    &none
                } else {
                    &attribution
                };
                claims.push(self.claim(
                    doc,
                    &ctx,
                    (range, aside),
                    attribution,
                    published,
                    claims.len() + 1,
                ));
                // "Joakim Brennoc, a farmer, who said he had been offered money": the person
                // of a relative clause's cue has spoken, for a "he said" after it
                if has_relative_cue
                    && let Some(found) = attribution.source.as_ref().filter(|f| f.is_person)
                {
                    memory.last_speaker = Some((found.clone(), sentence.paragraph));
                }
            }
        }
        let times: Vec<_> = sentences
            .iter()
            .flat_map(|s| time::find(text, &tokens, s.tokens.clone(), published))
            .collect();
        let unresolved: Vec<&str> = times
            .iter()
            .filter(|t| t.start.is_none())
            .map(|t| t.text.as_str())
            .collect();
        if !unresolved.is_empty() {
            if self.config.warn_each_unresolved_time {
                for t in &unresolved {
                    diagnostics.push(Diagnostic::warning(
                        doc.id.clone(),
                        format!("relative time \"{t}\" left unresolved: no publication date"),
                    ));
                }
            } else {
                diagnostics.push(Diagnostic::warning(
                    doc.id.clone(),
                    format!(
                        "{} relative times (\"{}\", ...) left unresolved: no publication date",
                        unresolved.len(),
                        unresolved[0]
                    ),
                ));
            }
        }
        Analysis {
            doc: doc.id.clone(),
            sentences: sentences
                .iter()
                .map(|s| Sentence {
                    span: s.span,
                    paragraph: s.paragraph,
                })
                .collect(),
            mentions,
            quotes,
            claims,
            times,
            diagnostics,
        }
    }

    fn attribute_quote(
        &self,
        ctx: &Context,
        sentence: &SentenceTokens,
        marked: &Marked,
        same_sentence: &[&Marked],
        earlier: &[Quote],
        memory: &Memory,
    ) -> Attribution {
        let (tokens, inside) = (ctx.tokens, ctx.inside);
        let end = sentence.tokens.end;
        let mut result = Attribution::default();
        // 1. A cue right after the closing mark: `," said X` / `," X said` / `" ..., he added`.
        let after = marked.after(tokens);
        let mut k = after;
        let mut found_cue = None;
        // A partial quote with a cue before it in its sentence.
        let cue_before = marked.kind == Some(QuoteKind::Partial)
            && (sentence.tokens.start..marked.open)
                .any(|j| !inside[j] && attribution::is_cue_at(tokens, j, ctx.lexicon));
        // `said that Drabant "stands by every word" he said on Tuesday`: a partial quote run
        // on into a clause of its own, a speech verb there and one before the quote, belongs
        // to the one before.
        let framed_before = cue_before
            && tokens.get(after).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && (t.is_capitalized()
                        || matches!(t.lower().as_str(), "he" | "she" | "they" | "we" | "it"))
            });
        // `said the club had "nothing to hide" and had given every invoice it had asked for`:
        // such a quote takes a cue after it only right after it (`called it "a disaster", he
        // said`), not one further on in a clause of its own.
        let window = if cue_before { 4 } else { 10 };
        // Tokens of asides skipped on the way, which do not count against the window.
        let mut skipped = 0;
        while !framed_before && k < end && k < after + window + skipped {
            let token = &tokens[k];
            // Past an aside between commas after the speaker: `," Ilse Varkonen, the port
            // authority's chief executive, said` / `," an official, who spoke on condition of
            // anonymity, told`. An aside holding a cue of its own is passed only when it is a
            // relative clause.
            if token.is(",")
                && k > after
                && let Some(close) = (k + 1..end.min(k + 20)).find(|&j| tokens[j].is(","))
                && (k + 1..close).all(|j| {
                    !inside[j]
                        && tokens[j].kind != TokenKind::Quote
                        && !matches!(tokens[j].text, "." | ";" | "?" | "!")
                })
                && (matches!(tokens[k + 1].lower().as_str(), "who" | "which" | "whose")
                    || !(k + 1..close).any(|j| attribution::is_cue_at(tokens, j, ctx.lexicon)))
            {
                skipped += close - k;
                k = close + 1;
                continue;
            }
            // A name counts as one word against the window: `," Area Commander Ruairi Ivrey
            // of the Pellingford Fire and Rescue Service told`.
            if let Some(mention) = ctx.mention_starting_at(k) {
                let last = ctx.token_at(mention.span.end).saturating_sub(1);
                if last > k && last < end {
                    skipped += last - k;
                    k = last + 1;
                    continue;
                }
            }
            // Past a short parenthetical: `," Rep. Gwen Moore (D-Wis.) said`.
            if token.is("(")
                && let Some(close) = (k + 1..end.min(k + 9)).find(|&j| tokens[j].is(")"))
            {
                k = close + 1;
                continue;
            }
            // `said it would be "unforgivable", and that he had asked …`: a new reported clause
            // after the quote holds its own verb, not the quote's cue.
            if inside[k]
                || token.kind == TokenKind::Quote
                || matches!(token.text, "." | ";" | "?" | "!")
                || token.is("that")
            {
                break;
            }
            if attribution::is_cue_at(tokens, k, ctx.lexicon) {
                found_cue = Some(k);
                break;
            }
            k += 1;
        }
        if let Some(cue) = found_cue {
            // `called it "…" and said …`: a coordinated cue after the quote shares the
            // subject of the sentence before the quote.
            let coordinated = cue > after && tokens[cue - 1].is("and");
            result.source = if coordinated {
                ctx.sentence_subject(sentence.tokens.start, marked.open, memory)
            } else {
                ctx.subject_before(cue, after, memory)
                    .or_else(|| ctx.subject_after(cue, end, memory))
            };
            if result.source.is_some() {
                self.set_cue_and_channel(ctx, cue, end, &mut result);
            }
        }
        // 1b. `"..." ― Martha Aguilar`: a dash and a name after the closing mark.
        if result.source.is_none()
            && after + 1 < tokens.len()
            && matches!(
                tokens[after].text,
                "\u{2015}" | "\u{2014}" | "\u{2013}" | "-" | "--"
            )
            && let Some(mention) = ctx
                .mentions
                .iter()
                .find(|m| m.span.start == tokens[after + 1].span.start)
                .filter(|m| m.kind == EntityKind::Person)
        {
            result.source = Some(Found {
                speaker: Speaker::named(mention.canonical.clone()),
                span: mention.span,
                is_outlet: false,
                is_person: true,
            });
        }
        // 2. A cue before the opening mark in the same sentence: `X said that "..."`.
        if result.source.is_none() {
            let mut cues = (sentence.tokens.start..marked.open)
                .filter(|&k| !inside[k] && attribution::is_cue_at(tokens, k, ctx.lexicon));
            let all: Vec<usize> = cues.by_ref().collect();
            if let Some(&cue) = all.last() {
                let last_cue = cue;
                let subject_cue = if attribution::is_participle_cue(&tokens[cue]) {
                    all.iter()
                        .rev()
                        .copied()
                        .find(|&c| !attribution::is_participle_cue(&tokens[c]))
                        .unwrap_or(cue)
                } else {
                    cue
                };
                // "Vellgrid said its engineers would publish their findings 'as soon as
                // possible'", "The official said the ministry had asked Vellgrid to act 'as a
                // precaution'": a partial quote inside reported speech is the words of the
                // sentence's reporting frame, not of a subject inside what it reports.
                let boundary = |k: usize| {
                    matches!(tokens[k].text, ";" | ":" | "." | "but")
                        || (tokens[k].is("and") && k > 0 && tokens[k - 1].is(","))
                };
                let framed = all
                    .iter()
                    .copied()
                    .find(|&c| {
                        c < subject_cue
                            && REPORTING_FRAMES.contains(&tokens[c].lower().as_str())
                            && !(c..subject_cue).any(boundary)
                    })
                    .and_then(|outer| {
                        ctx.subject_before(outer, sentence.tokens.start, memory)
                            .map(|found| (outer, found))
                    });
                let (cue, subject_cue) = framed
                    .as_ref()
                    .map_or((cue, subject_cue), |(outer, _)| (*outer, *outer));
                // "Feldane said the samples held nine, a level he described as '...'": a
                // pronoun is the person named before it in its own sentence, if any.
                let pronoun_here = subject_cue
                    .checked_sub(1)
                    .filter(|&k| matches!(tokens[k].lower().as_str(), "he" | "she"))
                    .and_then(|k| ctx.person_before(sentence.tokens.start, k));
                result.source = framed
                    .map(|(_, found)| found)
                    .or(pronoun_here)
                    .or_else(|| ctx.subject_before(subject_cue, sentence.tokens.start, memory))
                    .or_else(|| ctx.subject_after(subject_cue, marked.open, memory))
                    // "Trump praised him, saying, '...'", "X declined to comment, saying
                    // '...'": the participle's subject is the sentence's.
                    .or_else(|| {
                        let participle = [subject_cue, last_cue]
                            .into_iter()
                            .find(|&c| attribution::is_participle_cue(&tokens[c]))?;
                        ctx.sentence_subject(sentence.tokens.start, participle, memory)
                    });
                if result.source.is_some() {
                    self.set_cue_and_channel(ctx, cue, marked.open, &mut result);
                }
            }
        }
        // 2b. A quote after a sentence ending in a colon: `Limbaugh continued:` / "...".
        let start = sentence.tokens.start;
        if result.source.is_none()
            && marked.open <= start + 1
            && start > 0
            && tokens[start - 1].is(":")
        {
            let floor = (0..start - 1)
                .rev()
                .take(40)
                .find(|&k| matches!(tokens[k].text, "." | "?" | "!") || tokens[k].starts_paragraph)
                .unwrap_or(0);
            let cue = (floor..start - 1)
                .rev()
                .find(|&k| !inside[k] && attribution::is_cue_at(tokens, k, ctx.lexicon));
            if let Some(cue) = cue {
                result.source = ctx
                    .subject_before(cue, floor, memory)
                    .or_else(|| ctx.subject_after(cue, start - 1, memory));
                if result.source.is_some() {
                    self.set_cue_and_channel(ctx, cue, start - 1, &mut result);
                }
            }
        }
        // 2c. A quote a colon opens with no cue before it: `X put it bluntly: "..."`, `X
        // stood up with a question: "..."`: the subject of the sentence before the colon.
        if result.source.is_none() {
            let colon = if marked.open > start && tokens[marked.open - 1].is(":") {
                Some((start, marked.open - 1))
            } else if marked.open <= start + 1 && start > 0 && tokens[start - 1].is(":") {
                let floor = (0..start - 1)
                    .rev()
                    .take(40)
                    .find(|&k| {
                        matches!(tokens[k].text, "." | "?" | "!") || tokens[k].starts_paragraph
                    })
                    .unwrap_or(0);
                Some((floor, start - 1))
            } else {
                None
            };
            if let Some((floor, colon)) = colon
                && (floor..colon).all(|k| !inside[k])
            {
                result.source = ctx
                    .sentence_subject(floor, colon, memory)
                    .filter(|found| found.is_person || !found.speaker.anonymous);
            }
        }
        // 3. "according to X" anywhere in the sentence.
        for k in sentence.tokens.clone().filter(|&k| !inside[k]) {
            if let Some(found) = ctx.according_to(k, end, memory) {
                match &result.source {
                    None => {
                        result.source = Some(found);
                        result.cue = Some(("according to".to_string(), tokens[k].span));
                    }
                    Some(source) if source.speaker != found.speaker => {
                        push_unique(&mut result.via, found.speaker.name)
                    }
                    _ => {}
                }
            }
        }
        // 4. No cue of its own: the speaker carries over from the quote before in this
        // paragraph, or from a quote that closed the paragraph before.
        if result.source.is_none() {
            let paragraph = sentence.paragraph;
            let previous_here = same_sentence
                .iter()
                .take_while(|m| m.open < marked.open)
                .count()
                > 0;
            let carried = memory.last_speaker.as_ref().filter(|(_, p)| {
                *p == paragraph
                    || (previous_here)
                    || (memory
                        .last_quote_paragraph
                        .is_some_and(|q| q + 1 >= paragraph)
                        && *p + 1 >= paragraph)
            });
            if let Some((found, _)) = carried {
                result.source = Some(found.clone());
                if let Some(last) = earlier.last() {
                    result.via = last.via.clone();
                }
            }
        }
        // `"By the time we reached Amos, he was already gone," he said`: nobody speaks of
        // himself by name, so a "he" read as the person the quote names is the last speaker.
        let pronoun = result.source.as_ref().is_some_and(|found| {
            matches!(
                found.span.slice(ctx.text).to_lowercase().as_str(),
                "he" | "she"
            )
        });
        if pronoun
            && let Some(found) = &result.source
            && names_in(ctx.text, marked.content, &found.speaker.name)
            && let Some((last, _)) = &memory.last_speaker
            && last.is_person
            && !names_in(ctx.text, marked.content, &last.speaker.name)
        {
            result.source = Some(Found {
                span: found.span,
                ..last.clone()
            });
        }
        result
    }

    fn set_cue_and_channel(
        &self,
        ctx: &Context,
        cue: usize,
        ceiling: usize,
        result: &mut Attribution,
    ) {
        let token = &ctx.tokens[cue];
        result.cue = Some((token.text.to_string(), token.span));
        if let Some((channel, is_outlet)) = ctx.channel_after(cue, ceiling) {
            if is_outlet {
                push_unique(&mut result.via, channel.clone());
            }
            result.channel = Some(channel);
        }
    }

    /// The attribution of the statements in `range`: from the cues of the main clause, or
    /// with `relative`, from cues inside a relative clause ("proposals which Kyiv says ...").
    fn attribute_claim(
        &self,
        ctx: &Context,
        range: Range<usize>,
        memory: &Memory,
        relative: bool,
    ) -> Attribution {
        let (tokens, inside) = (ctx.tokens, ctx.inside);
        let mut subjects: Vec<Found> = Vec::new();
        // Sources that frame the whole clause from its end ("…, two people who attended the
        // hearing told The Sentinel", "…, according to three people"): they outrank the
        // subject of a speech verb inside what they report ("Treverick admitted …").
        let mut framing: Vec<Found> = Vec::new();
        let mut cue = None;
        let mut cited: Option<Found> = None;
        for k in range.clone().filter(|&k| !inside[k]) {
            let token = &tokens[k];
            if token.lower() == "citing" {
                if let Some(found) = ctx.subject_after(k, range.end, memory) {
                    cited = Some(found);
                }
                continue;
            }
            if let Some(found) = ctx.according_to(k, range.end, memory) {
                cue.get_or_insert(("according to".to_string(), token.span));
                // "…, according to the company's ticket list": a record the speaker goes by,
                // which frames nothing the clause's own speaker said
                let record = tokens
                    .get(ctx.token_at(found.span.end))
                    .is_some_and(crate::role::is_possessive);
                if k > range.start && tokens[k - 1].is(",") && !record {
                    framing.push(found.clone());
                }
                subjects.push(found);
                continue;
            }
            if !attribution::is_cue_at(tokens, k, ctx.lexicon)
                || attribution::is_participle_cue(token)
            {
                continue;
            }
            if is_relative_cue(ctx, k, range.start) != relative {
                continue;
            }
            let found = ctx.subject_before(k, range.start, memory).or_else(|| {
                // "..., said the ministry." at the end of a clause.
                let last_part = k > range.start && tokens[k - 1].is(",");
                last_part
                    .then(|| ctx.subject_after(k, range.end, memory))
                    .flatten()
            });
            if let Some(found) = found {
                let at = ctx.token_at(found.span.start);
                // "The city's director of finance, Oswin Pallard, warned …": a name after a
                // role phrase that opens the clause is its subject, not a frame
                let after_role = found.is_person
                    && !found.speaker.anonymous
                    && at > range.start
                    && at - range.start <= ROLE_PHRASE_TOKENS
                    && (range.start..at - 1).all(|j| {
                        !tokens[j].is(",") && !attribution::is_cue_at(tokens, j, ctx.lexicon)
                    })
                    && (range.start..at - 1)
                        .any(|j| ctx.lexicon.titles.contains(&tokens[j].lower()));
                if at > range.start
                    && at < k
                    && tokens[at - 1].is(",")
                    && !found.is_outlet
                    && !after_role
                {
                    framing.push(found.clone());
                }
                for other in coordinated(ctx, &found) {
                    subjects.push(other);
                }
                subjects.push(found);
                cue.get_or_insert((token.text.to_string(), token.span));
            }
        }
        let mut result = Attribution {
            cue,
            ..Attribution::default()
        };
        if let Some(cited) = cited {
            for s in &subjects {
                push_unique(&mut result.via, s.speaker.name.clone());
            }
            result.source = Some(cited);
            return result;
        }
        let source = framing
            .iter()
            .find(|s| !s.is_outlet)
            .or_else(|| subjects.iter().find(|s| !s.is_outlet))
            .or_else(|| subjects.last())
            .cloned();
        for s in &subjects {
            if source.as_ref().is_some_and(|src| src.speaker != s.speaker) && s.is_outlet {
                push_unique(&mut result.via, s.speaker.name.clone());
            }
        }
        result.source = source;
        result
    }

    /// The claim of a clause's tokens, less those of its aside: the aside is kept in the
    /// claim's text, but its figures, times, names and negations are not the claim's.
    fn claim(
        &self,
        doc: &Document,
        ctx: &Context,
        (range, aside): (Range<usize>, Option<Range<usize>>),
        attribution: &Attribution,
        published: Option<NaiveDate>,
        n: usize,
    ) -> Claim {
        let tokens = ctx.tokens;
        let span = Span::new(
            tokens[range.start].span.start,
            tokens[range.end - 1].span.end,
        );
        let text = span.slice(ctx.text).to_string();
        let hole = aside.map(|aside| {
            Span::new(
                tokens[aside.start].span.start,
                tokens[aside.end - 1].span.end,
            )
        });
        let outside = |inner: Span| hole.is_none_or(|hole| !hole.contains(inner));
        let told = match hole {
            Some(hole) => format!(
                "{}{}",
                &ctx.text[span.start..hole.start],
                &ctx.text[hole.end..span.end]
            ),
            None => text.clone(),
        };
        let (revision_marker, original_marker) = polarity::markers(&told);
        let entities = ctx
            .mentions
            .iter()
            .filter(|m| span.contains(m.span) && outside(m.span) && m.kind != EntityKind::Other)
            .map(|m| m.canonical.clone())
            .collect();
        let mut times = time::find(ctx.text, tokens, range.clone(), published);
        times.retain(|t| outside(t.span));
        let cited = cited_sources(tokens, range.clone());
        let mut quantities = quantity::find(ctx.text, tokens, range);
        quantities.retain(|q| outside(q.span) && !cited.iter().any(|c| c.contains(q.span)));
        Claim {
            id: format!("{}-c{n}", doc.id),
            doc: doc.id.clone(),
            start: span.start,
            end: span.end,
            polarity: dossier_model::Polarity::of_clause(&told),
            text,
            source: attribution.source.as_ref().map(|f| f.speaker.clone()),
            via: attribution.via.clone(),
            times,
            quantities,
            entities,
            revision_marker,
            original_marker,
        }
    }
}

/// The sources a clause cites, "citing two election officials", "according to three
/// people": how many sources it has is no figure of what it says.
fn cited_sources(tokens: &[Token], range: Range<usize>) -> Vec<Span> {
    let mut found = Vec::new();
    for k in range.clone() {
        let opens = tokens[k].is("citing")
            || (tokens[k].lower() == "according" && tokens.get(k + 1).is_some_and(|t| t.is("to")));
        if !opens {
            continue;
        }
        let end = (k + 1..range.end)
            .find(|&j| matches!(tokens[j].text, "," | ";" | ":") || tokens[j].is("that"))
            .unwrap_or(range.end);
        found.push(Span::new(tokens[k].span.start, tokens[end - 1].span.end));
    }
    found
}

/// Whether the text in `span` names the person `name` by one of the words of the name
/// ("Amos" or "Kiteru" for "Amos Kiteru").
fn names_in(text: &str, span: Span, name: &str) -> bool {
    let words: Vec<&str> = span
        .slice(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    name.split_whitespace()
        .filter(|part| part.chars().next().is_some_and(char::is_uppercase) && part.len() > 2)
        .any(|part| words.contains(&part))
}

/// Whether the cue at `k` sits in a relative clause: "which Kyiv says", "that Kyiv has
/// described" (but not "reported that a US official has said", where "that" follows a verb).
fn is_relative_cue(ctx: &Context, k: usize, floor: usize) -> bool {
    let tokens = ctx.tokens;
    let from = k.saturating_sub(5).max(floor);
    (from..k).rev().any(|j| {
        let lower = tokens[j].lower();
        match lower.as_str() {
            "which" | "whom" => true,
            // "…, Henrike Valtsen, who told parliament that …": the clause is the person's,
            // the sentence around it is not.
            "who" => j + 1 == k && j > 0 && tokens[j - 1].is(","),
            // ("the senior ranger who led the patrol that night, said": a comma between them
            // ends the clause "that" is in)
            "that" => {
                j > floor && !(j..k).any(|i| tokens[i].is(",")) && {
                    let before = tokens[j - 1].lower();
                    tokens[j - 1].kind == TokenKind::Word
                        && !attribution::is_cue(&tokens[j - 1], ctx.lexicon)
                        && !dossier_model::is_calendar_word(&before)
                        && !matches!(before.as_str(), "so" | "such" | "now" | "and" | "but")
                }
            }
            _ => false,
        }
    })
}

/// Names joined to a subject by "and": "ABC News and the Financial Times reported".
fn coordinated(ctx: &Context, found: &Found) -> Vec<Found> {
    let tokens: &[Token] = ctx.tokens;
    let Some(first) = tokens.iter().position(|t| t.span.start == found.span.start) else {
        return Vec::new();
    };
    let mut k = first;
    if k > 0 && tokens[k - 1].lower() == "the" {
        k -= 1;
    }
    if k < 2 || !tokens[k - 1].is("and") {
        return Vec::new();
    }
    let end = tokens[k - 2].span.end;
    ctx.mentions
        .iter()
        .filter(|m| m.span.end == end)
        .map(|m| Found {
            speaker: Speaker::named(m.canonical.clone()),
            span: m.span,
            is_outlet: ctx.lexicon.is_outlet(&m.canonical),
            is_person: m.kind == EntityKind::Person,
        })
        .collect()
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}
