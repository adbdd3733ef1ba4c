//! The nouns of Dossier, shared by every stage. No I/O lives here.
//!
//! A [`Document`] is a clean article text; every derived value ([`Mention`], [`Quote`],
//! [`Claim`], [`TimeExpr`], [`Quantity`]) keeps a byte [`Span`] into that text. The
//! [`Report`] is the stable JSON interface other tools read.
//!
//! ```
//! use dossier_model::{Span, stable_id};
//! let span = Span::new(0, 5);
//! assert_eq!(span.slice("Hello world"), "Hello");
//! assert_eq!(stable_id(&["a", "b"]), stable_id(&["a", "b"]));
//! ```
#![deny(missing_docs)]

mod analysis;
mod diagnostic;
mod document;
mod id;
mod measure;
mod polarity;
mod report;
mod sorted;
mod span;
mod speaker;
mod time;

pub use analysis::{
    Analysis, Claim, EntityKind, Mention, NEGATIONS, NUMBER_WORDS, Polarity, Quantity, Quote,
    QuoteKind, SCALE_WORDS, Sentence, is_vague_amount, scale_figure, scaled_figure, unit_key,
};
pub use diagnostic::{Diagnostic, Severity};
pub use document::{Body, Document, Input, Origin, Removed, site_label};
pub use id::stable_id;
pub use measure::{measure, same_figure, to_base};
pub use polarity::{NONE_OF_AFTER, NOT_DENIED_AFTER_NO, has_phrase};
pub use report::{
    Alignment, Entity, Evidence, MentionRef, OutletSummary, Report, Story, TimelineEntry, Verdict,
};
pub use sorted::shared_sorted;
pub use span::Span;
pub use speaker::Speaker;
pub use time::{MONTH_NAMES, TimeExpr, TimeGranularity, WEEKDAY_NAMES, is_calendar_word};
