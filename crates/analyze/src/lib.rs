//! Per-document analysis: sentences, entities, roles, quotes, attribution, claims, times, quantities
#![deny(missing_docs)]
