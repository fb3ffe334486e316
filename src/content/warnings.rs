//! Warnings: likely mistakes that still make valid content, such as a file nobody reads
//! because its name is slightly wrong. They never stop the explorer; `check --strict` makes
//! them errors for a pack's own CI.

use std::collections::HashMap;
use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diag::Diagnostic;
use super::ids::suggest;
use super::load::FILES;
use super::reader::FileCtx;
use super::sanitize;

/// The parsed files a content check reads, each `None` when absent.
pub struct Files<'c, 'a> {
    pub compare: Option<&'c FileCtx<'a>>,
}

/// Checks content that loaded for likely mistakes, recording each as a warning in its file.
/// Runs on the parsed documents, where every value still has its position.
pub fn content(files: &Files<'_, '_>) {
    if let Some(ctx) = files.compare {
        repeated_points(ctx);
    }
}

/// The same point twice in one field, or in two fields: the drill asks which field a point
/// belongs to, so such a card has no single right answer.
fn repeated_points(ctx: &FileCtx<'_>) {
    for dimension in tables(ctx, "dimension") {
        let Some(points) = dimension.get("points").and_then(|p| p.get_ref().as_table()) else { continue };
        // Normalised text → (field, line) of its first appearance.
        let mut seen: HashMap<String, (&str, usize)> = HashMap::new();
        for (field, list) in points.iter() {
            let field: &str = field.get_ref();
            for point in list.get_ref().as_array().into_iter().flatten() {
                let Some(text) = point.get_ref().as_str() else { continue };
                let at = point.span().start;
                let line = ctx.line_of(at);
                match seen.get(&normalise(text)) {
                    Some((first, first_line)) if *first == field => ctx.warn(
                        at,
                        format!(
                            "the same point is in `{field}` twice (also on line {first_line}); remove one"
                        ),
                    ),
                    Some((first, first_line)) => ctx.warn(
                        at,
                        format!(
                            "the same point is in `{first}` (line {first_line}) and `{field}`: a drill card \
                             asking whose point it is would have no right answer; move it to `overlap`"
                        ),
                    ),
                    None => {
                        seen.insert(normalise(text), (field, line));
                    }
                }
            }
        }
    }
}

/// Text as a reader compares it: case, spacing and a closing full stop do not make a
/// different point.
fn normalise(text: &str) -> String {
    sanitize::one_line(text).trim_end_matches('.').to_lowercase()
}

/// The tables of an array of tables (`[[key]]`) at the top of a parsed file.
fn tables<'t, 'a>(ctx: &'t FileCtx<'a>, key: &str) -> Vec<&'t DeTable<'a>> {
    let Some(doc) = ctx.parse() else { return Vec::new() };
    doc.get_ref()
        .get(key)
        .and_then(|v| v.get_ref().as_array())
        .into_iter()
        .flatten()
        .filter_map(|t: &Spanned<DeValue<'a>>| t.get_ref().as_table())
        .collect()
}

/// Files in `dir` whose names are near misses of a pack file that is absent (`glosary.toml`,
/// `Quiz.toml`, `fit.toml.txt`): without a word, their content would silently be left out.
pub fn file_names(dir: &Path) -> Vec<Diagnostic> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect();
    names.sort();
    let missing: Vec<&str> = FILES.iter().copied().filter(|f| !names.iter().any(|n| n == f)).collect();
    names
        .iter()
        .filter(|n| !FILES.contains(&n.as_str()))
        .filter_map(|name| {
            let meant = near_miss(name, &missing)?;
            Some(Diagnostic {
                path: dir.join(name).display().to_string(),
                line: 1,
                col: 1,
                message: format!("this file is not read: did you mean `{meant}`? (rename it to `{meant}`)"),
            })
        })
        .collect()
}

/// The pack file `name` was probably meant to be, if any: the same name in other capitals,
/// with an extension added or changed (`.txt`, `.TOML`, `.tml`), or a stem one typo away.
fn near_miss<'f>(name: &str, expected: &[&'f str]) -> Option<&'f str> {
    let lower = name.to_lowercase();
    // Hidden files and editor backups (`.quiz.toml.swp`, `quiz.toml~`) are not mistakes.
    if lower.starts_with('.') || lower.ends_with('~') || lower.ends_with(".swp") || lower.ends_with(".bak") {
        return None;
    }
    let (stem, ext) = lower.split_once('.').unwrap_or((&lower, ""));
    if !matches!(ext, "" | "toml" | "txt" | "tml" | "toml.txt" | "tom" | "tmol") {
        return None;
    }
    let stems: Vec<&str> = expected.iter().map(|f| f.trim_end_matches(".toml")).collect();
    let found = stems.iter().position(|s| *s == stem).or_else(|| {
        let close = suggest(stem, &stems)?;
        stems.iter().position(|s| *s == close)
    })?;
    Some(expected[found])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_name_the_file_meant() {
        let all = FILES;
        assert_eq!(near_miss("glosary.toml", &all), Some("glossary.toml"));
        assert_eq!(near_miss("Quiz.toml", &all), Some("quiz.toml"));
        assert_eq!(near_miss("fit.toml.txt", &all), Some("fit.toml"));
        assert_eq!(near_miss("FIT.TOML", &all), Some("fit.toml"));
        assert_eq!(near_miss("glossary.txt", &all), Some("glossary.toml"));
        assert_eq!(near_miss("compare", &all), Some("compare.toml"));
        assert_eq!(near_miss("sources.tml", &all), Some("sources.toml"));
    }

    #[test]
    fn other_files_are_left_alone() {
        let all = FILES;
        for name in
            ["README.md", "notes.toml", "quiz.toml.swp", ".quiz.toml", "quiz.toml~", "quiz.png", "x.toml"]
        {
            assert_eq!(near_miss(name, &all), None, "{name}");
        }
        // Only names of files that are absent count: with `quiz.toml` there, `Quiz.txt` is
        // something else.
        assert_eq!(near_miss("Quiz.txt", &["fit.toml"]), None);
    }
}
