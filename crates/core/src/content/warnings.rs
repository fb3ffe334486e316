//! Warnings: likely mistakes that still make valid content, such as a file nobody reads
//! because its name is slightly wrong. They never stop the explorer; `check --strict` makes
//! them errors for a pack's own CI.

use std::collections::HashMap;
use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use unicode_width::UnicodeWidthStr;

use super::diag::Diagnostic;
use super::ids::suggest;
use super::load::FILES;
use super::model::Content;
use super::reader::FileCtx;
use super::sanitize;

/// The parsed files a content check reads, each `None` when absent, and the content they
/// made (`None` when it had errors: then only the checks of single files run).
pub struct Files<'c, 'a> {
    pub sources: Option<&'c FileCtx<'a>>,
    pub compare: Option<&'c FileCtx<'a>>,
    pub quiz: Option<&'c FileCtx<'a>>,
    pub glossary: Option<&'c FileCtx<'a>>,
    pub content: Option<&'c Content>,
}

/// Widths of the narrowest layout authors are asked to fit, 80 columns: the Compare list is
/// 32 columns wide there, the Glossary list too (tests/content_warnings.rs renders both).
const DIMENSION_TITLE_COLUMNS: usize = 25; // less the border, the "▸ " marker and the list's two marks and a space
const GROUP_TITLE_COLUMNS: usize = 30; // less the border
const TERM_LIST_COLUMNS: usize = 26; // less the border, the marker and the gaps around the owner

/// Checks content that loaded for likely mistakes, recording each as a warning in its file.
/// Runs on the parsed documents, where every value still has its position.
pub fn content(files: &Files<'_, '_>) {
    if let Some(ctx) = files.compare {
        repeated_points(ctx);
        long_texts(ctx, "dimension", "title", DIMENSION_TITLE_COLUMNS, "the Compare list");
        long_texts(ctx, "group", "title", GROUP_TITLE_COLUMNS, "the Compare list");
    }
    if let Some(ctx) = files.quiz {
        which_prompts(ctx);
        single_answers(ctx);
    }
    let Some(content) = files.content else { return };
    if let Some(ctx) = files.glossary {
        long_term_names(ctx, content);
    }
    if let Some(ctx) = files.sources {
        uncited_sources(ctx, content);
    }
}

/// Titles and names that a list at 80 columns cuts short with "…".
fn long_texts(ctx: &FileCtx<'_>, table: &str, key: &str, columns: usize, shown_in: &str) {
    for t in tables(ctx, table) {
        let Some(v) = t.get(key) else { continue };
        let Some(text) = v.get_ref().as_str() else { continue };
        let width = sanitize::one_line(text).width();
        if width > columns {
            ctx.warn(
                v.span().start,
                format!(
                    "`{key}` is {width} columns wide: at 80 columns {shown_in} shows {columns}, so it is \
                     cut short with \"…\" there (wider terminals show more)"
                ),
            );
        }
    }
}

/// Term names the Glossary list cuts at 80 columns: the room left beside the term's owner.
fn long_term_names(ctx: &FileCtx<'_>, content: &Content) {
    for t in tables(ctx, "term") {
        let (Some(id), Some(name)) = (t.get("id"), t.get("name")) else { continue };
        let Some(term) = content.terms.iter().find(|term| Some(term.id.as_str()) == id.get_ref().as_str())
        else {
            continue;
        };
        let owner = content.owner_short(term.owner);
        let columns = TERM_LIST_COLUMNS.saturating_sub(owner.width());
        let width = term.name.width();
        if width > columns {
            ctx.warn(
                name.span().start,
                format!(
                    "`name` is {width} columns wide: at 80 columns the Glossary list shows {columns} beside \
                     `{owner}`, so it is cut short with \"…\" (a shorter name, with the long form in \
                     `aliases` or the definition, shows whole)"
                ),
            );
        }
    }
}

/// A "which field" question shows its prompt as written above the fields' names, so a bare
/// statement reads oddly: it should ask.
fn which_prompts(ctx: &FileCtx<'_>) {
    for q in tables(ctx, "question") {
        if q.get("kind").and_then(|k| k.get_ref().as_str()) != Some("which") {
            continue;
        }
        let Some(prompt) = q.get("prompt") else { continue };
        let Some(text) = prompt.get_ref().as_str() else { continue };
        if !text.contains('?') {
            ctx.warn(
                prompt.span().start,
                "a `which` prompt is shown as written, above the fields to choose from: ask a question, \
                 such as \"Which field does this describe? …\"",
            );
        }
    }
}

/// Right answers to single-choice questions that are mostly one letter: on a printed
/// worksheet (options in written order) learners soon spot it.
fn single_answers(ctx: &FileCtx<'_>) {
    let mut answers: Vec<(String, usize)> = Vec::new();
    for q in tables(ctx, "question") {
        if q.get("kind").and_then(|k| k.get_ref().as_str()) != Some("single") {
            continue;
        }
        if let Some(a) = q.get("answer")
            && let Some(letter) = a.get_ref().as_str()
        {
            answers.push((letter.to_lowercase(), a.span().start));
        }
    }
    const AT_LEAST: usize = 4;
    if answers.len() < AT_LEAST {
        return;
    }
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (letter, _) in &answers {
        *counts.entry(letter.as_str()).or_default() += 1;
    }
    let Some((letter, n)) = counts.into_iter().max_by_key(|&(l, n)| (n, std::cmp::Reverse(l))) else {
        return;
    };
    if n * 2 > answers.len() {
        let first = answers.iter().find(|(l, _)| l == letter).map_or(0, |(_, at)| *at);
        ctx.warn(
            first,
            format!(
                "{n} of the {} single-choice answers are `{letter}`: spread the right answers over the \
                 letters (a printed worksheet keeps the options in the order written)",
                answers.len()
            ),
        );
    }
}

/// Sources that nothing cites: probably a citation forgotten, or an id misspelt in a list.
fn uncited_sources(ctx: &FileCtx<'_>, content: &Content) {
    let mut cited = vec![false; content.sources.len()];
    let lists = content
        .disciplines
        .iter()
        .map(|d| &d.sources)
        .chain(content.dimensions.iter().map(|d| &d.sources))
        .chain(content.questions.iter().map(|q| &q.sources))
        .chain(content.terms.iter().map(|t| &t.sources))
        .chain(content.fit.statements.iter().map(|s| &s.sources));
    for &s in lists.flatten() {
        if let Some(c) = cited.get_mut(s) {
            *c = true;
        }
    }
    for t in tables(ctx, "source") {
        let Some(id) = t.get("id") else { continue };
        let Some(name) = id.get_ref().as_str() else { continue };
        let Some(i) = content.sources.iter().position(|s| s.id == name) else { continue };
        if !cited[i] {
            ctx.warn(
                id.span().start,
                format!("source `{name}` is cited nowhere: add it to a `sources` list, or remove it"),
            );
        }
    }
}

/// The same point twice in one field, or in two fields: the drill asks which field a point
/// belongs to, so such a card has no single right answer.
fn repeated_points(ctx: &FileCtx<'_>) {
    for dimension in tables(ctx, "dimension") {
        // Normalised text → (field, line) of its first appearance.
        let mut seen: HashMap<String, (&str, usize)> = HashMap::new();
        for (field, text, at) in dimension_points(dimension) {
            let line = ctx.line_of(at);
            match seen.get(&normalise(text)) {
                Some((first, first_line)) if *first == field => ctx.warn(
                    at,
                    format!("the same point is in `{field}` twice (also on line {first_line}); remove one"),
                ),
                Some((first, first_line)) => ctx.warn(
                    at,
                    format!(
                        "the same point is in `{first}` (line {first_line}) and `{field}`: a drill card \
                         asking whose point it is would have no right answer; move it to `shared`"
                    ),
                ),
                None => {
                    seen.insert(normalise(text), (field, line));
                }
            }
        }
    }
}

/// Every point of a dimension as (field, text, offset), in file order: those of its facets
/// (`[[dimension.facet]]`, a point per field beside the `label`) and of `[dimension.points]`,
/// each written as a text or as `{ text = …, sources = […] }`.
fn dimension_points<'t>(dimension: &'t DeTable<'_>) -> Vec<(&'t str, &'t str, usize)> {
    fn text_of<'t>(point: &'t Spanned<DeValue<'_>>) -> Option<(&'t str, usize)> {
        let text = match point.get_ref() {
            DeValue::String(s) => s.as_ref(),
            DeValue::Table(t) => t.get("text")?.get_ref().as_str()?,
            _ => return None,
        };
        Some((text, point.span().start))
    }
    let mut out = Vec::new();
    let facets = dimension.get("facet").and_then(|f| f.get_ref().as_array()).into_iter().flatten();
    for facet in facets.filter_map(|f| f.get_ref().as_table()) {
        for (field, point) in facet.iter().filter(|(k, _)| k.get_ref() != "label") {
            if let Some((text, at)) = text_of(point) {
                out.push((field.get_ref().as_ref(), text, at));
            }
        }
    }
    if let Some(points) = dimension.get("points").and_then(|p| p.get_ref().as_table()) {
        for (field, list) in points.iter() {
            for point in list.get_ref().as_array().into_iter().flatten() {
                if let Some((text, at)) = text_of(point) {
                    out.push((field.get_ref().as_ref(), text, at));
                }
            }
        }
    }
    out.sort_by_key(|&(_, _, at)| at);
    out
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
