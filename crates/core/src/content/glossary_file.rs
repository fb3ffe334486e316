//! The glossary: `glossary.toml`, read and checked against the comparison.

use std::collections::HashMap;

use super::ids::Ids;
use super::model::Term;
use super::reader::{At, FileCtx, Table};
use super::resolve::Resolver;

/// Reads `glossary.toml` (absent: no glossary).
pub(super) fn build_glossary(gctx: Option<&FileCtx<'_>>, r: &Resolver<'_, '_>) -> Vec<Term> {
    let Some(ctx) = gctx else {
        return Vec::new();
    };
    let Some(doc) = ctx.parse() else {
        return Vec::new();
    };
    let mut root = ctx.root(doc);
    let tables = root.tables("term", "[[term]]");
    let mut ids: Vec<Option<At<String>>> = Vec::with_capacity(tables.len());
    let mut names: HashMap<String, usize> = HashMap::new();
    let mut terms = Vec::with_capacity(tables.len());
    for mut t in tables {
        let id = t.id("id");
        ids.push(id.clone());
        let term = read_term(&mut t, id, r, &mut names);
        t.finish();
        terms.extend(term);
    }
    root.finish();
    Ids::new(Some(ctx), "term", ids.iter().map(Option::as_ref));
    terms
}

fn read_term(
    t: &mut Table<'_, '_>,
    id: Option<At<String>>,
    r: &Resolver<'_, '_>,
    names: &mut HashMap<String, usize>,
) -> Option<Term> {
    let ctx = t.ctx();
    let name = t.text("name");
    if let Some(n) = &name {
        // Two terms of the same name would be two answers to one search.
        if let Some(first) = names.insert(n.value.to_lowercase(), n.at) {
            let line = ctx.line_of(first);
            ctx.error(n.at, format!("duplicate term name `{}` (first used on line {line})", n.value));
        }
    }
    let aliases = t.opt_text_list("aliases").unwrap_or_default();
    let owner = t.text("discipline").and_then(|d| r.owner(ctx, "discipline", &d, true));
    let definition = t.prose("definition");
    let related = t.ids("related").and_then(|d| r.dimensions(ctx, &d));
    let sources = t.ids("sources").and_then(|s| r.sources(ctx, &s));
    Some(Term {
        id: id?.value,
        name: name?.value,
        aliases: aliases.into_iter().map(|a| a.value).collect(),
        owner: owner?,
        definition: definition?.value,
        related: related?,
        sources: sources?,
    })
}
