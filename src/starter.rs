//! `scm-vs-om init DIR`: a small, commented starter pack (the files in `starter/`) that
//! passes `check`, for authors to start from.

use std::path::{Path, PathBuf};

use crate::content::FILES;

const STARTER: [(&str, &str); 6] = [
    ("disciplines.toml", include_str!("../starter/disciplines.toml")),
    ("sources.toml", include_str!("../starter/sources.toml")),
    ("compare.toml", include_str!("../starter/compare.toml")),
    ("quiz.toml", include_str!("../starter/quiz.toml")),
    ("glossary.toml", include_str!("../starter/glossary.toml")),
    ("fit.toml", include_str!("../starter/fit.toml")),
];

/// Writes the starter pack into `dir` (created if needed). Refuses, before writing anything,
/// if a pack file is already there, unless `force`.
pub fn write(dir: &Path, force: bool) -> Result<Vec<PathBuf>, String> {
    debug_assert_eq!(STARTER.map(|(n, _)| n), FILES, "the starter has every pack file");
    if !force {
        let existing: Vec<&str> = STARTER.iter().map(|(n, _)| *n).filter(|n| dir.join(n).exists()).collect();
        if !existing.is_empty() {
            return Err(format!(
                "{} already holds {}; choose an empty directory, or add --force to overwrite",
                dir.display(),
                existing.join(", ")
            ));
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut written = Vec::new();
    for (name, text) in STARTER {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}
