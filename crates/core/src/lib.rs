//! The terminal-free half of scm-vs-om: the content model and its loading, the quiz engine,
//! search, fit and export, and the small files that keep a quiz and the Fit ratings between runs. Nothing here draws; the explorer, `check`, `export`, `build.rs`
//! and the tests all use it as plain data.

pub mod content;
pub mod export;
pub mod fit;
pub mod quiz;
pub mod saved;
pub mod search;
