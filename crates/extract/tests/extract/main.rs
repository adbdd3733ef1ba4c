//! The integration tests of `dossier-extract`, one binary.

mod benchmark;
mod cases;
mod fuzz_corpus;
mod pages;
mod robustness;
mod seeds;
mod support;
