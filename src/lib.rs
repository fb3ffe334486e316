//! scm-vs-om: a terminal explorer of how Supply Chain Management and Operations Management
//! differ and overlap. The library holds the explorer; `main.rs` only starts it. The
//! terminal-free half (content, quiz engine, search, fit, export) is the `scm_vs_om_core`
//! crate, re-exported here under the same paths.

pub mod action;
pub mod app;
mod builtin;
pub mod cli;
pub mod guide;
pub mod keymap;
pub mod settings;
pub mod starter;
pub mod terminal;
pub mod ui;
pub mod view;

pub use builtin::BuiltinContent;
pub use scm_vs_om_core::{content, export, fit, quiz, saved, search};

use content::{Content, ContentSource};

/// The one-line summary `check` prints for valid content.
pub fn check_summary(content: &Content, source: &ContentSource) -> String {
    let from = match source {
        ContentSource::Builtin => "built-in content".to_string(),
        ContentSource::Dir(dir) => content::escape(&dir.display().to_string()),
    };
    let counts = [
        (content.disciplines.len(), "discipline"),
        (content.groups.len(), "group"),
        (content.dimensions.len(), "dimension"),
        (content.point_count(), "point"),
        (content.sources.len(), "source"),
        (content.questions.len(), "question"),
        (content.terms.len(), "term"),
        (content.fit.statements.len(), "statement"),
    ];
    let counts: Vec<String> =
        counts.iter().map(|(n, what)| format!("{n} {what}{}", if *n == 1 { "" } else { "s" })).collect();
    format!("ok: {from}: {}", counts.join(", "))
}
