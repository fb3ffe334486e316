//! The optional `[flow]` table of compare.toml: the stages of a chain, in order, and per
//! discipline the stages it covers.
//!
//! It lives in compare.toml, not disciplines.toml, because it is a claim of the comparison
//! (where each field works relative to the others), is cited like the dimensions, and reads
//! best with all spans side by side in one place.

use std::collections::HashMap;

use super::ids::Ids;
use super::model::Flow;
use super::reader::{At, FileCtx, Table};

type Span = (At<String>, Option<Vec<At<String>>>);

pub(super) struct RawFlow {
    stages: Option<Vec<At<String>>>,
    /// Per discipline key, the stage names as written (if they read cleanly).
    spans: Option<Vec<Span>>,
    note: Option<At<String>>,
    sources: Option<Vec<At<String>>>,
}

pub(super) fn read_flow(root: &mut Table<'_, '_>) -> Option<RawFlow> {
    let mut t = root.opt_table("flow", "[flow]")?;
    let stages = t.value("stages").and_then(|v| t.text_list_value("stages", v));
    let spans = t.map("span").map(|entries| {
        entries
            .into_iter()
            .map(|(key, v)| {
                let list = t.text_list_value(&format!("span.{}", key.value), v);
                (key, list)
            })
            .collect()
    });
    let note = t.opt_prose("note");
    let sources = if t.opt_value("sources").is_some() { t.ids("sources") } else { None };
    let flow = RawFlow { stages, spans, note, sources };
    t.finish();
    Some(flow)
}

/// Checks the stages (each named once) and the spans (known disciplines, known stages, each
/// stage once). `order` is the discipline ids in column order.
pub(super) fn resolve_flow(
    cctx: &FileCtx<'_>,
    disciplines: &Ids<'_>,
    sources: &Ids<'_>,
    order: &[&str],
    raw: RawFlow,
) -> Option<Flow> {
    let mut ok = true;
    let stages = raw.stages?;
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, s) in stages.iter().enumerate() {
        let folded = s.value.to_lowercase();
        if let Some(&first) = index.get(&folded) {
            cctx.error(
                s.at,
                format!(
                    "flow stage `{}` is named twice (first on line {}): each stage appears once in `stages`",
                    s.value,
                    cctx.line_of(stages[first].at)
                ),
            );
            ok = false;
        } else {
            index.insert(folded, i);
        }
    }
    let mut spans = vec![Vec::new(); order.len()];
    for (key, list) in raw.spans? {
        if disciplines.resolve(cctx, &key).is_none() {
            ok = false;
            continue;
        }
        let Some(list) = list else {
            ok = false;
            continue;
        };
        let Some(d) = order.iter().position(|id| *id == key.value) else {
            ok = false;
            continue;
        };
        for stage in list {
            match index.get(&stage.value.to_lowercase()) {
                Some(&i) if spans[d].contains(&i) => {
                    cctx.error(
                        stage.at,
                        format!("stage `{}` is listed twice in the span of `{}`", stage.value, key.value),
                    );
                    ok = false;
                }
                Some(&i) => spans[d].push(i),
                None => {
                    let names: Vec<&str> = stages.iter().map(|s| s.value.as_str()).collect();
                    cctx.error(
                        stage.at,
                        format!(
                            "the span of `{}` names unknown stage `{}` (the stages are: {})",
                            key.value,
                            stage.value,
                            names.join(", ")
                        ),
                    );
                    ok = false;
                }
            }
        }
        spans[d].sort_unstable();
    }
    let sources = raw.sources.map(|s| sources.resolve_all(cctx, &s)).unwrap_or_default();
    ok.then(|| Flow {
        stages: stages.into_iter().map(|s| s.value).collect(),
        spans,
        note: raw.note.map(|n| n.value),
        sources,
    })
}
