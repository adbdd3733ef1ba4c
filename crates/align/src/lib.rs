//! Cross-source alignment: matching claims and quotes, verdicts, entities merged per story, timeline
#![deny(missing_docs)]
