//! Lineage (near-duplicate copies) and stories (documents about the same events)
#![deny(missing_docs)]
