//! A dimension's points in their newer, optional forms: facets (points paired across the
//! disciplines under a short label), shared bullets, per-point sources and the short phrases
//! of the at-a-glance matrix. Every key is optional, so packs written before them load as
//! they did: `overlap` stays a fallback for `shared`, `points` for facets.

use std::collections::HashMap;

use super::glance::{GLANCE_CHECK_WIDTH, GLANCE_LINES, MatrixColumns, glance_fits};
use super::ids::Ids;
use super::model::{Glance, Point};
use super::reader::{At, FileCtx, RawPoint, Table};

/// A dimension's points as written: where the table starts, and per discipline key its list.
pub(super) type RawPoints = (usize, Vec<(At<String>, Option<Vec<RawPoint>>)>);

struct RawFacet {
    at: usize,
    label: Option<At<String>>,
    entries: Vec<(At<String>, Option<RawPoint>)>,
}

/// A value under a key the author chose (a discipline id), if it read cleanly.
type Keyed<T> = (At<String>, Option<T>);

/// The optional keys read from one `[[dimension]]` table.
pub(super) struct RawExtras {
    facets: Vec<RawFacet>,
    shared: Option<(usize, Option<Vec<RawPoint>>)>,
    glance: Option<Vec<Keyed<At<String>>>>,
}

/// Reads `[[dimension.facet]]`, `shared` and `[dimension.glance]`, then the points (required
/// only when there are no facets to carry them).
pub(super) fn read_extras(t: &mut Table<'_, '_>) -> (RawExtras, Option<RawPoints>) {
    let facets: Vec<RawFacet> = t
        .tables("facet", "[[dimension.facet]]")
        .into_iter()
        .map(|mut f| {
            let label = f.text("label");
            let entries =
                f.rest().into_iter().map(|(key, v)| (key.clone(), f.point_value(&key.value, v))).collect();
            f.finish();
            RawFacet { at: f_at(&label), label, entries }
        })
        .collect();
    let shared = t.opt_value("shared").map(|v| (v.span().start, t.point_list_value("shared", v)));
    let glance = t.opt_map("glance").map(|entries| {
        entries
            .into_iter()
            .map(|(key, v)| {
                let text = t.one_line_value(&format!("glance.{}", key.value), v);
                (key, text)
            })
            .collect()
    });
    let at = t.at;
    let entries = if facets.is_empty() { t.map("points") } else { t.opt_map("points") };
    let points = entries.map(|entries| {
        let lists = entries
            .into_iter()
            .map(|(key, value)| {
                let list = t.point_list_value(&format!("points.{}", key.value), value);
                (key, list)
            })
            .collect();
        (at, lists)
    });
    (RawExtras { facets, shared, glance }, points)
}

fn f_at(label: &Option<At<String>>) -> usize {
    label.as_ref().map_or(0, |l| l.at)
}

/// What resolving a dimension's points needs from the rest of the pack.
pub(super) struct PointCx<'x, 'c> {
    pub cctx: &'c FileCtx<'c>,
    pub dctx: Option<&'c FileCtx<'c>>,
    pub disciplines: &'x Ids<'c>,
    pub sources: &'x Ids<'c>,
    /// Discipline ids in column order.
    pub order: &'x [&'x str],
}

/// A dimension's points, resolved.
pub(super) struct Resolved {
    pub points: Vec<Vec<String>>,
    pub point_sources: Vec<Vec<Vec<usize>>>,
    pub facets: Vec<String>,
    pub shared: Vec<Point>,
    pub overlap: Option<String>,
    pub glance: Option<Glance>,
}

/// Checks the points, facets, shared bullets and phrases of one dimension against the
/// disciplines and sources. Returns `None` if anything is wrong (every problem is reported).
pub(super) fn resolve(
    cx: &PointCx<'_, '_>,
    name: &str,
    extras: RawExtras,
    points: Option<RawPoints>,
    overlap: Option<At<String>>,
) -> Option<Resolved> {
    let n = cx.order.len();
    let mut ok = true;
    let mut lists: Vec<Vec<(String, Vec<usize>)>> = vec![Vec::new(); n];

    // Facets first: their points open each discipline's list, in facet order.
    let mut facets = Vec::with_capacity(extras.facets.len());
    let mut labels: HashMap<String, usize> = HashMap::new();
    for facet in extras.facets {
        let Some(label) = facet.label else {
            ok = false;
            continue;
        };
        let folded = label.value.to_lowercase();
        if let Some(&first) = labels.get(&folded) {
            cx.cctx.error(
                label.at,
                format!(
                    "facet `{}` is repeated in dimension `{name}` (first on line {}): give each facet its own label",
                    label.value,
                    cx.cctx.line_of(first)
                ),
            );
            ok = false;
            continue;
        }
        labels.insert(folded, label.at);
        let mut row: Vec<Option<(String, Vec<usize>)>> = vec![None; n];
        for (key, point) in facet.entries {
            let Some(d) = discipline(cx, &key) else {
                ok = false;
                continue;
            };
            match point {
                Some(p) => row[d] = Some(resolve_point(cx, p)),
                None => ok = false,
            }
        }
        for (d, cell) in row.into_iter().enumerate() {
            match cell {
                Some(p) => lists[d].push(p),
                None => {
                    if disciplines_known(cx) {
                        let id = cx.order[d];
                        cx.cctx.error(
                            facet.at,
                            format!(
                                "facet `{}` has no point for discipline `{id}` (add `{id} = \"...\"`; a point without a counterpart goes under [dimension.points])",
                                label.value
                            ),
                        );
                    }
                    ok = false;
                }
            }
        }
        facets.push(label.value);
    }

    // Then the unpaired points. Without facets every discipline needs some.
    if let Some((at, entries)) = points {
        let mut given = vec![false; n];
        for (key, list) in entries {
            let Some(d) = discipline(cx, &key) else {
                ok = false;
                continue;
            };
            given[d] = true;
            match list {
                Some(list) => lists[d].extend(list.into_iter().map(|p| resolve_point(cx, p))),
                None => ok = false,
            }
        }
        for (d, given) in given.into_iter().enumerate() {
            if !given && facets.is_empty() {
                if disciplines_known(cx) {
                    let id = cx.order[d];
                    cx.cctx.error(at, format!("dimension `{name}` has no points for discipline `{id}` (add `{id} = [...]` under [dimension.points])"));
                }
                ok = false;
            }
        }
    }

    let (shared, overlap) = match (extras.shared, overlap) {
        (Some((at, _)), Some(_)) => {
            cx.cctx.error(
                at,
                "write what the fields share either as `shared` bullets or as an `overlap` paragraph, not both",
            );
            return None;
        }
        (Some((_, None)), None) => return None,
        (Some((_, Some(bullets))), None) => {
            let shared: Vec<Point> = bullets
                .into_iter()
                .map(|p| {
                    let (text, sources) = resolve_point(cx, p);
                    Point { text, sources }
                })
                .collect();
            // Views that show the shared part as one text get it as a bulleted list.
            let joined = shared.iter().map(|p| format!("- {}", p.text)).collect::<Vec<_>>().join("\n");
            (shared, Some(joined))
        }
        (None, Some(o)) => (vec![Point { text: o.value.clone(), sources: Vec::new() }], Some(o.value)),
        (None, None) => (Vec::new(), None),
    };

    let glance = extras.glance.map(|entries| {
        let mut g = Glance { phrases: vec![None; n], both: None };
        for (key, text) in entries {
            let Some(text) = text else {
                ok = false;
                continue;
            };
            if key.value == "both" {
                g.both = Some(text.value.clone());
            } else if !cx.disciplines.known(&key.value) {
                cx.cctx.error(
                    key.at,
                    format!(
                        "unknown key `{}` in [dimension.glance]: use a discipline id ({}) or `both`",
                        key.value,
                        cx.order.join(", ")
                    ),
                );
                ok = false;
                continue;
            } else if let Some(d) = cx.order.iter().position(|id| *id == key.value) {
                g.phrases[d] = Some(text.value.clone());
            } else {
                ok = false;
                continue;
            }
            if !glance_fits(&text.value, n) {
                let cell = MatrixColumns::new(GLANCE_CHECK_WIDTH, n).cell;
                cx.cctx.warn(
                    text.at,
                    format!(
                        "short phrase too long for the matrix at {GLANCE_CHECK_WIDTH} columns: it needs more \
                         than {GLANCE_LINES} lines of {cell} columns, so the row would be cut; shorten it"
                    ),
                );
            }
        }
        g
    });

    if !ok {
        return None;
    }
    let (points, point_sources) = lists.into_iter().map(|l| l.into_iter().unzip()).unzip();
    Some(Resolved { points, point_sources, facets, shared, overlap, glance })
}

fn disciplines_known(cx: &PointCx<'_, '_>) -> bool {
    cx.dctx.is_some_and(FileCtx::parsed_cleanly)
}

/// The column index of a discipline key, or `None` (reported when the key is unknown).
fn discipline(cx: &PointCx<'_, '_>, key: &At<String>) -> Option<usize> {
    cx.disciplines.resolve(cx.cctx, key)?;
    cx.order.iter().position(|id| *id == key.value)
}

fn resolve_point(cx: &PointCx<'_, '_>, p: RawPoint) -> (String, Vec<usize>) {
    (p.text.value, cx.sources.resolve_all(cx.cctx, &p.sources))
}
