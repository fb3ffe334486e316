//! Loading: files → text → spanned TOML → checked model, collecting every problem on the way.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::diag::{Diagnostic, LineIndex, LoadError};
use super::model::{Colour, Content, Dimension, Discipline, Group, NamedColour, Source};
use super::reader::{At, FileCtx, Table, suggest};

/// Files over this size are refused before being read.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The files of a content pack, in the order they are read.
pub const FILES: [&str; 3] = ["disciplines.toml", "sources.toml", "compare.toml"];

/// The default content, compiled into the binary so it runs from anywhere.
pub const BUILTIN: [(&str, &str); 3] = [
    ("disciplines.toml", include_str!("../../content/disciplines.toml")),
    ("sources.toml", include_str!("../../content/sources.toml")),
    ("compare.toml", include_str!("../../content/compare.toml")),
];

/// Where content comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentSource {
    Builtin,
    Dir(PathBuf),
}

/// One file's text (or why it could not be read), ready for parsing.
pub struct FileText {
    pub path: String,
    pub text: Option<String>,
    /// Problems found while reading (missing, too big, invalid UTF-8).
    pub problems: Vec<Diagnostic>,
}

impl Content {
    /// Loads and validates a content pack; on failure, every problem found.
    pub fn load(source: &ContentSource) -> Result<Content, LoadError> {
        match source {
            ContentSource::Builtin => Content::parse_builtin(),
            ContentSource::Dir(dir) => {
                Content::from_files(FILES.iter().map(|name| read_file(&dir.join(name))).collect())
            }
        }
    }

    /// Parses and checks the built-in TOML files, as `build.rs` does at build time.
    pub fn parse_builtin() -> Result<Content, LoadError> {
        Content::from_files(
            BUILTIN
                .iter()
                .map(|(name, text)| FileText {
                    path: format!("content/{name}"),
                    text: Some((*text).to_owned()),
                    problems: Vec::new(),
                })
                .collect(),
        )
    }

    /// Parses and checks the given files, which must be [`FILES`] in that order.
    pub fn from_files(files: Vec<FileText>) -> Result<Content, LoadError> {
        let [disciplines, sources, compare]: [FileText; 3] =
            files.try_into().unwrap_or_else(|_| panic!("from_files takes exactly {FILES:?}"));
        let mut diagnostics = Vec::new();
        let result = {
            let dctx = ctx_for(&disciplines, &mut diagnostics);
            let sctx = ctx_for(&sources, &mut diagnostics);
            let cctx = ctx_for(&compare, &mut diagnostics);
            let content = build(dctx.as_ref(), sctx.as_ref(), cctx.as_ref());
            for ctx in [dctx, sctx, cctx].into_iter().flatten() {
                diagnostics.extend(ctx.into_diagnostics());
            }
            content
        };
        match result {
            Some(content) if diagnostics.is_empty() => Ok(content),
            _ => {
                debug_assert!(!diagnostics.is_empty(), "a failed load must say why");
                Err(LoadError { diagnostics })
            }
        }
    }
}

fn ctx_for<'a>(file: &'a FileText, diagnostics: &mut Vec<Diagnostic>) -> Option<FileCtx<'a>> {
    diagnostics.extend(file.problems.iter().cloned());
    file.text.as_deref().map(|text| FileCtx::new(file.path.clone(), text))
}

/// Reads one file: refuses directories and oversized files without reading them, and reports
/// invalid UTF-8 with its position (then carries on with the valid parts, to find more).
pub fn read_file(path: &Path) -> FileText {
    let shown = path.display().to_string();
    let problem = |message: String| FileText {
        path: shown.clone(),
        text: None,
        problems: vec![Diagnostic { path: shown.clone(), line: 1, col: 1, message }],
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return problem(
                "file not found (a content directory needs disciplines.toml, sources.toml and compare.toml)"
                    .into(),
            );
        }
        Err(e) => return problem(format!("cannot read: {e}")),
    };
    if meta.is_dir() {
        return problem("is a directory, expected a TOML file".into());
    }
    if meta.len() > MAX_FILE_BYTES {
        return problem(too_big(meta.len()));
    }
    let mut bytes = Vec::new();
    // `take` guards against files that grow, or special files that never end.
    let read = std::fs::File::open(path).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        return problem(format!("cannot read: {e}"));
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return problem(too_big(bytes.len() as u64));
    }
    decode(shown, bytes)
}

fn too_big(len: u64) -> String {
    format!("file is {len} bytes, over the limit of {} MiB; not read", MAX_FILE_BYTES / (1024 * 1024))
}

/// Bytes to text. A UTF-8 byte-order mark is dropped; invalid sequences are reported (the
/// first few, each with its position) and replaced so parsing can find the remaining problems.
pub fn decode(path: String, bytes: Vec<u8>) -> FileText {
    const SHOWN: usize = 10;
    let bytes = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(text) => FileText { path, text: Some(text), problems: Vec::new() },
        Err(e) => {
            let bytes = e.into_bytes();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            // Positions are found in the lossy text, where each bad sequence is one U+FFFD
            // (a genuine U+FFFD in the file is told apart by checking the original bytes).
            let mut bad: Vec<(usize, Vec<u8>)> = Vec::new();
            let mut offset = 0;
            for chunk in bytes.utf8_chunks() {
                offset += chunk.valid().len();
                if !chunk.invalid().is_empty() {
                    match bad.last_mut() {
                        // Neighbouring bad bytes are one problem to the reader.
                        Some((_, seq)) if chunk.valid().is_empty() => seq.extend(chunk.invalid()),
                        _ => bad.push((offset, chunk.invalid().to_vec())),
                    }
                    offset += '\u{fffd}'.len_utf8();
                }
            }
            let index = LineIndex::new(&text);
            let mut problems: Vec<Diagnostic> = bad
                .iter()
                .take(SHOWN)
                .map(|(at, seq)| {
                    let (line, col) = index.line_col(&text, *at);
                    let hex: Vec<String> = seq.iter().map(|b| format!("{b:#04x}")).collect();
                    Diagnostic {
                        path: path.clone(),
                        line,
                        col,
                        message: format!("invalid UTF-8 (bytes {}); save the file as UTF-8", hex.join(" ")),
                    }
                })
                .collect();
            if bad.len() > SHOWN {
                let (line, col) = index.line_col(&text, bad[SHOWN].0);
                problems.push(Diagnostic {
                    path: path.clone(),
                    line,
                    col,
                    message: format!("{} more invalid UTF-8 sequences", bad.len() - SHOWN),
                });
            }
            FileText { path, text: Some(text), problems }
        }
    }
}

struct RawDiscipline {
    id: Option<At<String>>,
    name: Option<At<String>>,
    short: Option<At<String>>,
    summary: Option<At<String>>,
    color: Option<Colour>,
    sources: Option<Vec<At<String>>>,
    at: usize,
}

struct RawSource {
    id: Option<At<String>>,
    title: Option<At<String>>,
    short: Option<At<String>>,
    author: Option<At<String>>,
    year: Option<At<i64>>,
    url: Option<At<String>>,
    note: Option<At<String>>,
}

struct RawGroup {
    id: Option<At<String>>,
    title: Option<At<String>>,
    at: usize,
}

struct RawDimension {
    id: Option<At<String>>,
    title: Option<At<String>>,
    group: Option<At<String>>,
    summary: Option<At<String>>,
    overlap: Option<At<String>>,
    note: Option<At<String>>,
    sources: Option<Vec<At<String>>>,
    points: Option<RawPoints>,
}

fn read_disciplines(ctx: &FileCtx<'_>) -> Vec<RawDiscipline> {
    let Some(doc) = ctx.parse() else { return Default::default() };
    let mut root = ctx.root(&doc);
    let items = root
        .tables("discipline", "[[discipline]]")
        .into_iter()
        .map(|mut t| {
            let color = t.text("color").and_then(|c| match c.value.parse::<Colour>() {
                Ok(colour) => Some(colour),
                Err(()) => {
                    let names: Vec<&str> = NamedColour::ALL.iter().map(|(n, _)| *n).collect();
                    t.ctx().error(
                        c.at,
                        format!("unknown colour `{}`: use one of {} or `#rrggbb`", c.value, names.join(", ")),
                    );
                    None
                }
            });
            let d = RawDiscipline {
                id: t.id("id"),
                name: t.text("name"),
                short: t.text("short"),
                summary: t.prose("summary"),
                color,
                sources: t.ids("sources"),
                at: t.at,
            };
            t.finish();
            d
        })
        .collect();
    root.finish();
    items
}

fn read_sources(ctx: &FileCtx<'_>) -> Vec<RawSource> {
    let Some(doc) = ctx.parse() else { return Default::default() };
    let mut root = ctx.root(&doc);
    let items = root
        .tables("source", "[[source]]")
        .into_iter()
        .map(|mut t| {
            let s = RawSource {
                id: t.id("id"),
                title: t.text("title"),
                short: t.opt_text("short"),
                author: t.opt_text("author"),
                year: t.opt_int("year"),
                url: t.opt_text("url"),
                note: t.opt_prose("note"),
            };
            t.finish();
            s
        })
        .collect();
    root.finish();
    items
}

fn read_compare(ctx: &FileCtx<'_>) -> (Vec<RawGroup>, Vec<RawDimension>, usize) {
    let Some(doc) = ctx.parse() else { return Default::default() };
    let mut root = ctx.root(&doc);
    let groups = root
        .tables("group", "[[group]]")
        .into_iter()
        .map(|mut t| {
            let g = RawGroup { id: t.id("id"), title: t.text("title"), at: t.at };
            t.finish();
            g
        })
        .collect();
    let dimensions = root
        .tables("dimension", "[[dimension]]")
        .into_iter()
        .map(|mut t| {
            let points = read_points(&mut t);
            let d = RawDimension {
                id: t.id("id"),
                title: t.text("title"),
                group: t.id("group"),
                summary: t.opt_prose("summary"),
                overlap: t.opt_prose("overlap"),
                note: t.opt_prose("note"),
                sources: t.ids("sources"),
                points,
            };
            t.finish();
            d
        })
        .collect();
    root.finish();
    (groups, dimensions, doc.span().end)
}

type RawPoints = (usize, Vec<(At<String>, Option<Vec<At<String>>>)>);

fn read_points(t: &mut Table<'_, '_>) -> Option<RawPoints> {
    let at = t.at;
    let entries = t.map("points")?;
    let lists = entries
        .into_iter()
        .map(|(key, value)| {
            let list = t.text_list_value(&format!("points.{}", key.value), value);
            (key, list)
        })
        .collect();
    Some((at, lists))
}

/// Ids of one kind, with duplicates reported where they are written again.
struct Ids<'c> {
    ctx: Option<&'c FileCtx<'c>>,
    kind: &'static str,
    index: HashMap<String, usize>,
}

impl<'c> Ids<'c> {
    fn new<'i>(
        ctx: Option<&'c FileCtx<'c>>,
        kind: &'static str,
        ids: impl Iterator<Item = Option<&'i At<String>>>,
    ) -> Self {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut first_at: HashMap<&str, usize> = HashMap::new();
        for (i, id) in ids.enumerate() {
            let Some(id) = id else { continue };
            if let Some(first) = first_at.get(id.value.as_str()) {
                if let Some(ctx) = ctx {
                    let (line, _) = LineIndex::new(ctx.text).line_col(ctx.text, *first);
                    ctx.error(
                        id.at,
                        format!("duplicate {kind} id `{}` (first defined on line {line})", id.value),
                    );
                }
            } else {
                first_at.insert(&id.value, id.at);
                index.insert(id.value.clone(), i);
            }
        }
        Ids { ctx, kind, index }
    }

    /// Resolves a reference written in `from`; reports it there if unknown. References into a
    /// file that could not be read or parsed cleanly are not checked (that file's own errors
    /// come first, and checking would only add noise).
    fn resolve(&self, from: &FileCtx<'_>, r: &At<String>) -> Option<usize> {
        if let Some(&i) = self.index.get(&r.value) {
            return Some(i);
        }
        if self.ctx.is_some_and(FileCtx::parsed_cleanly) {
            let mut known: Vec<&str> = self.index.keys().map(String::as_str).collect();
            known.sort_unstable();
            let hint = match suggest(&r.value, &known) {
                Some(s) => format!("; did you mean `{s}`?"),
                None if known.len() <= 12 => format!(" (known: {})", known.join(", ")),
                None => String::new(),
            };
            from.error(r.at, format!("unknown {} `{}`{hint}", self.kind, r.value));
        }
        None
    }

    fn resolve_all(&self, from: &FileCtx<'_>, refs: &[At<String>]) -> Vec<usize> {
        let mut out = Vec::with_capacity(refs.len());
        for r in refs {
            if let Some(i) = self.resolve(from, r) {
                if out.contains(&i) {
                    from.error(r.at, format!("{} `{}` is listed twice", self.kind, r.value));
                } else {
                    out.push(i);
                }
            }
        }
        out
    }
}

/// Reads all three files and resolves references between them. Returns `None` when anything
/// required is missing; the reasons are in the contexts.
fn build(
    dctx: Option<&FileCtx<'_>>,
    sctx: Option<&FileCtx<'_>>,
    cctx: Option<&FileCtx<'_>>,
) -> Option<Content> {
    let raw_disciplines = dctx.map(read_disciplines).unwrap_or_default();
    let raw_sources = sctx.map(read_sources).unwrap_or_default();
    let (raw_groups, raw_dimensions, compare_end) = cctx.map(read_compare).unwrap_or_default();

    // Id tables are built only after every file has been read, so a reference is checked
    // against a file's ids only when that file parsed cleanly (see `Ids::resolve`).
    let source_ids = Ids::new(sctx, "source", raw_sources.iter().map(|s| s.id.as_ref()));
    let discipline_ids = Ids::new(dctx, "discipline", raw_disciplines.iter().map(|d| d.id.as_ref()));
    let group_ids = Ids::new(cctx, "group", raw_groups.iter().map(|g| g.id.as_ref()));
    // Dimension ids are not referenced yet (quiz and glossary will), but must be unique.
    Ids::new(cctx, "dimension", raw_dimensions.iter().map(|d| d.id.as_ref()));

    let sources: Vec<Source> = raw_sources
        .into_iter()
        .filter_map(|s| {
            Some(Source {
                id: s.id?.value,
                title: s.title?.value,
                short: s.short.map(|a| a.value),
                author: s.author.map(|a| a.value),
                year: s.year.map(|y| y.value),
                url: s.url.map(|u| u.value),
                note: s.note.map(|n| n.value),
            })
        })
        .collect();

    let mut disciplines = Vec::new();
    if let Some(dctx) = dctx {
        if raw_disciplines.len() < 2 && dctx.parsed_cleanly() {
            let at = raw_disciplines.first().map_or(0, |d| d.at);
            dctx.error(
                at,
                format!(
                    "a comparison needs at least two disciplines; found {} (add [[discipline]] tables)",
                    raw_disciplines.len()
                ),
            );
        }
        let mut shorts: HashMap<String, usize> = HashMap::new();
        for short in raw_disciplines.iter().filter_map(|d| d.short.as_ref()) {
            if shorts.insert(short.value.to_lowercase(), short.at).is_some() {
                dctx.error(
                    short.at,
                    format!("duplicate short name `{}`: each pane needs its own label", short.value),
                );
            }
        }
        disciplines = raw_disciplines
            .into_iter()
            .filter_map(|d| {
                let sources = d.sources.map(|s| source_ids.resolve_all(dctx, &s));
                Some(Discipline {
                    id: d.id?.value,
                    name: d.name?.value,
                    short: d.short?.value,
                    summary: d.summary?.value,
                    color: d.color?,
                    sources: sources?,
                })
            })
            .collect();
    }

    let mut groups: Vec<Group> = Vec::new();
    let mut dimensions: Vec<(usize, Dimension)> = Vec::new();
    if let Some(cctx) = cctx {
        for g in &raw_groups {
            if let (Some(id), Some(title)) = (&g.id, &g.title) {
                groups.push(Group { id: id.value.clone(), title: title.value.clone(), dimensions: 0..0 });
            }
        }
        if raw_dimensions.is_empty() && cctx.parsed_cleanly() {
            cctx.error(compare_end, "no dimensions: add at least one [[dimension]] table");
        }
        let dimension_groups: Vec<String> =
            raw_dimensions.iter().filter_map(|d| d.group.as_ref().map(|g| g.value.clone())).collect();
        let dimension_groups: Vec<&str> = dimension_groups.iter().map(String::as_str).collect();
        let discipline_order: Vec<&str> = disciplines.iter().map(|d| d.id.as_str()).collect();
        for d in raw_dimensions {
            let group = d.group.as_ref().and_then(|g| group_ids.resolve(cctx, g));
            let sources = d.sources.as_ref().map(|s| source_ids.resolve_all(cctx, s));
            let points = d
                .points
                .and_then(|p| resolve_points(cctx, &discipline_ids, &discipline_order, dctx, p, &d.id));
            let (Some(id), Some(title), Some(group), Some(sources), Some(points)) =
                (d.id, d.title, group, sources, points)
            else {
                continue;
            };
            dimensions.push((
                group,
                Dimension {
                    id: id.value,
                    title: title.value,
                    group,
                    summary: d.summary.map(|s| s.value),
                    overlap: d.overlap.map(|s| s.value),
                    note: d.note.map(|s| s.value),
                    points,
                    sources,
                },
            ));
        }
        for g in &raw_groups {
            let Some(id) = &g.id else { continue };
            if !dimension_groups.contains(&id.value.as_str()) {
                cctx.error(g.at, format!("group `{}` has no dimensions", id.value));
            }
        }
    }

    // Stable sort: group order first, file order within a group.
    dimensions.sort_by_key(|(group, _)| *group);
    let dimensions: Vec<Dimension> = dimensions.into_iter().map(|(_, d)| d).collect();
    for (gi, g) in groups.iter_mut().enumerate() {
        let start = dimensions.partition_point(|d| d.group < gi);
        let end = dimensions.partition_point(|d| d.group <= gi);
        g.dimensions = start..end;
    }

    Some(Content { disciplines, groups, dimensions, sources })
}

/// Points are keyed by discipline id; every discipline needs a non-empty list, and every key
/// must be a discipline. Returns the lists in discipline order.
fn resolve_points(
    cctx: &FileCtx<'_>,
    discipline_ids: &Ids<'_>,
    order: &[&str],
    dctx: Option<&FileCtx<'_>>,
    (at, entries): RawPoints,
    dimension: &Option<At<String>>,
) -> Option<Vec<Vec<String>>> {
    let mut by_id: HashMap<&str, Vec<String>> = HashMap::new();
    let mut ok = true;
    for (key, list) in &entries {
        if discipline_ids.resolve(cctx, key).is_none() {
            ok = false;
            continue;
        }
        match list {
            Some(list) => {
                by_id.insert(key.value.as_str(), list.iter().map(|p| p.value.clone()).collect());
            }
            None => ok = false,
        }
    }
    let disciplines_known = dctx.is_some_and(FileCtx::parsed_cleanly);
    let name = dimension.as_ref().map_or("this dimension", |d| d.value.as_str());
    let mut out = Vec::with_capacity(order.len());
    for id in order {
        match by_id.remove(id) {
            Some(list) => out.push(list),
            None if entries.iter().any(|(k, _)| k.value == *id) => {}
            None => {
                if disciplines_known {
                    cctx.error(at, format!("dimension `{name}` has no points for discipline `{id}` (add `{id} = [...]` under [dimension.points])"));
                }
                ok = false;
            }
        }
    }
    ok.then_some(out)
}
