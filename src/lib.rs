//! scm-vs-om: a terminal explorer of how Supply Chain Management and Operations Management
//! differ and overlap. The library holds everything; `main.rs` only starts it.

pub mod action;
pub mod app;
mod builtin;
pub mod cli;
pub mod content;
pub mod export;
pub mod fit;
pub mod keymap;
pub mod quiz;
pub mod saved;
pub mod search;
pub mod settings;
pub mod starter;
pub mod terminal;
pub mod ui;

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
