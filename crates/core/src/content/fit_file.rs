//! The self-assessment: `fit.toml`, read and checked against the comparison.

use super::ids::Ids;
use super::model::{Fit, Owner, Statement};
use super::reader::{At, FileCtx, Table};
use super::resolve::Resolver;

/// Reads `fit.toml` (absent: no self-assessment).
pub(super) fn build_fit(fctx: Option<&FileCtx<'_>>, r: &Resolver<'_, '_>) -> Fit {
    let Some(ctx) = fctx else {
        return Fit::default();
    };
    let Some(doc) = ctx.parse() else {
        return Fit::default();
    };
    let mut root = ctx.root(doc);
    let roles_dimension = root.opt_id("roles_dimension").and_then(|d| r.dimension(ctx, &d));
    let tables = root.tables("statement", "[[statement]]");
    let mut ids: Vec<Option<At<String>>> = Vec::with_capacity(tables.len());
    let mut statements = Vec::with_capacity(tables.len());
    for mut t in tables {
        let id = t.id("id");
        ids.push(id.clone());
        let statement = read_statement(&mut t, id, r);
        t.finish();
        statements.extend(statement);
    }
    root.finish();
    Ids::new(Some(ctx), "statement", ids.iter().map(Option::as_ref));
    Fit { statements, roles_dimension }
}

fn read_statement(t: &mut Table<'_, '_>, id: Option<At<String>>, r: &Resolver<'_, '_>) -> Option<Statement> {
    let ctx = t.ctx();
    let text = t.prose("text");
    // A statement points to one field: liking it is evidence for that field, not for both.
    let discipline = t.text("discipline").and_then(|d| r.owner(ctx, "discipline", &d, false));
    let dimension = t.id("dimension").and_then(|d| r.dimension(ctx, &d));
    let reverse = t.opt_bool("reverse").is_some_and(|b| b.value);
    let sources = t.ids("sources").and_then(|s| r.sources(ctx, &s));
    let Some(Owner::Discipline(discipline)) = discipline else {
        return None;
    };
    Some(Statement {
        id: id?.value,
        text: text?.value,
        discipline,
        dimension: dimension?,
        reverse,
        sources: sources?,
    })
}
