//! scm-vs-om: a terminal explorer of how Supply Chain Management and Operations Management
//! differ and overlap. The library holds everything; `main.rs` only starts it.

pub mod action;
pub mod app;
pub mod cli;
pub mod content;
pub mod keymap;
pub mod terminal;
pub mod ui;

use content::{Content, ContentSource};

/// The one-line summary `check` prints for valid content.
pub fn check_summary(content: &Content, source: &ContentSource) -> String {
    let from = match source {
        ContentSource::Builtin => "built-in content".to_string(),
        ContentSource::Dir(dir) => content::escape(&dir.display().to_string()),
    };
    format!(
        "ok: {from}: {} disciplines, {} groups, {} dimensions, {} points, {} sources",
        content.disciplines.len(),
        content.groups.len(),
        content.dimensions.len(),
        content.point_count(),
        content.sources.len()
    )
}
