//! The comparison: `disciplines.toml`, `sources.toml` and `compare.toml`, read and resolved.

use std::collections::HashMap;

use strum::VariantNames;

use super::compare_facets::{PointCx, RawExtras, RawPoints, read_extras, resolve as resolve_points};
use super::flow_file::{RawFlow, read_flow, resolve_flow};
use super::ids::Ids;
use super::model::{Colour, Content, Dimension, Discipline, Group, NamedColour, Source};
use super::reader::{At, FileCtx};

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
    extras: RawExtras,
    numbered: bool,
}

fn read_disciplines(ctx: &FileCtx<'_>) -> Vec<RawDiscipline> {
    let Some(doc) = ctx.parse() else { return Default::default() };
    let mut root = ctx.root(doc);
    // `[pack]` is read by pack_file.rs.
    root.opt_value("pack");
    let items = root
        .tables("discipline", "[[discipline]]")
        .into_iter()
        .map(|mut t| {
            let color = t.text("color").and_then(|c| match c.value.parse::<Colour>() {
                Ok(colour) => Some(colour),
                Err(()) => {
                    t.ctx().error(
                        c.at,
                        format!(
                            "unknown colour `{}`: use one of {} or `#rrggbb`",
                            c.value,
                            NamedColour::VARIANTS.join(", ")
                        ),
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
    let mut root = ctx.root(doc);
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

type RawCompare = (Vec<RawGroup>, Vec<RawDimension>, Option<RawFlow>, usize);

fn read_compare(ctx: &FileCtx<'_>) -> RawCompare {
    let Some(doc) = ctx.parse() else { return Default::default() };
    let mut root = ctx.root(doc);
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
            let (extras, points) = read_extras(&mut t);
            let d = RawDimension {
                id: t.id("id"),
                title: t.text("title"),
                group: t.id("group"),
                summary: t.opt_prose("summary"),
                overlap: t.opt_prose("overlap"),
                note: t.opt_prose("note"),
                sources: t.ids("sources"),
                points,
                extras,
                numbered: t.opt_bool("numbered").is_some_and(|b| b.value),
            };
            t.finish();
            d
        })
        .collect();
    let flow = read_flow(&mut root);
    root.finish();
    (groups, dimensions, flow, doc.span().end)
}

/// Reads the disciplines, sources and comparison, and resolves references between them.
/// Returns `None` when anything required is missing; the reasons are in the contexts.
pub(super) fn build_compare<'c>(
    dctx: Option<&'c FileCtx<'c>>,
    sctx: Option<&'c FileCtx<'c>>,
    cctx: Option<&'c FileCtx<'c>>,
) -> (Option<Content>, Refs<'c>) {
    let raw_disciplines = dctx.map(read_disciplines).unwrap_or_default();
    let raw_sources = sctx.map(read_sources).unwrap_or_default();
    let (raw_groups, raw_dimensions, raw_flow, compare_end) = cctx.map(read_compare).unwrap_or_default();

    // Id tables are built only after every file has been read, so a reference is checked
    // against a file's ids only when that file parsed cleanly (see `Ids::resolve`).
    let source_ids = Ids::new(sctx, "source", raw_sources.iter().map(|s| s.id.as_ref()));
    let discipline_ids = Ids::new(dctx, "discipline", raw_disciplines.iter().map(|d| d.id.as_ref()));
    let group_ids = Ids::new(cctx, "group", raw_groups.iter().map(|g| g.id.as_ref()));
    let dimension_ids = Ids::new(cctx, "dimension", raw_dimensions.iter().map(|d| d.id.as_ref()));

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
                    format!("duplicate short name `{}`: each field needs its own label", short.value),
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
    let mut flow = None;
    if let Some(cctx) = cctx {
        for g in &raw_groups {
            if let (Some(id), Some(title)) = (&g.id, &g.title) {
                groups.push(Group { id: id.value.clone(), title: title.value.clone(), dimensions: 0..0 });
            }
        }
        if raw_dimensions.is_empty() && cctx.parsed_cleanly() {
            cctx.error(compare_end, "no dimensions: add at least one [[dimension]] table");
        }
        let dimension_groups: std::collections::HashSet<String> =
            raw_dimensions.iter().filter_map(|d| d.group.as_ref().map(|g| g.value.clone())).collect();
        let discipline_order: Vec<&str> = disciplines.iter().map(|d| d.id.as_str()).collect();
        let cx = PointCx {
            cctx,
            dctx,
            disciplines: &discipline_ids,
            sources: &source_ids,
            order: &discipline_order,
        };
        for d in raw_dimensions {
            let group = d.group.as_ref().and_then(|g| group_ids.resolve(cctx, g));
            let sources = d.sources.as_ref().map(|s| source_ids.resolve_all(cctx, s));
            let name = d.id.as_ref().map_or("this dimension", |d| d.value.as_str()).to_owned();
            let points = resolve_points(&cx, &name, d.extras, d.points, d.overlap);
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
                    overlap: points.overlap,
                    note: d.note.map(|s| s.value),
                    points: points.points,
                    sources,
                    point_sources: points.point_sources,
                    facets: points.facets,
                    shared: points.shared,
                    glance: points.glance,
                    numbered: d.numbered,
                },
            ));
        }
        flow = raw_flow.and_then(|f| resolve_flow(cctx, &discipline_ids, &source_ids, &discipline_order, f));
        for g in &raw_groups {
            let Some(id) = &g.id else { continue };
            if !dimension_groups.contains(&id.value) {
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

    let refs = Refs { sources: source_ids, disciplines: discipline_ids, dimensions: dimension_ids };
    let content = Content {
        disciplines,
        groups,
        dimensions,
        sources,
        questions: Vec::new(),
        terms: Vec::new(),
        fit: Default::default(),
        flow,
        pack: Default::default(),
    };
    (Some(content), refs)
}

/// The ids other files may refer to, as written (including items dropped for other problems,
/// so a reference to them is not reported as unknown too).
pub(super) struct Refs<'c> {
    pub sources: Ids<'c>,
    pub disciplines: Ids<'c>,
    pub dimensions: Ids<'c>,
}
