//! Wires the stages: inputs to a report
#![deny(missing_docs)]
