//! The integration tests of `dossier-extract`, one binary.

mod benchmark;
mod cases;
mod pages;
mod robustness;
mod seeds;
mod support;
