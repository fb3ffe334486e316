//! Resolving references from the quiz, glossary and fit files into the comparison's indices.

use std::collections::HashMap;

use super::compare_file::Refs;
use super::model::{Content, Owner};
use super::reader::{At, FileCtx};

/// Ids as written (to tell "unknown" from "dropped for its own problem") and as built.
pub(super) struct Resolver<'c, 'm> {
    refs: Refs<'c>,
    content: &'m Content,
    dimensions: HashMap<&'m str, usize>,
    sources: HashMap<&'m str, usize>,
}

impl<'c, 'm> Resolver<'c, 'm> {
    pub fn new(refs: Refs<'c>, content: &'m Content) -> Self {
        Resolver {
            refs,
            content,
            dimensions: content.dimensions.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect(),
            sources: content.sources.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect(),
        }
    }

    /// A dimension by id. Unknown ids are reported (when compare.toml was read cleanly); ids
    /// that exist but were dropped for their own problems resolve to nothing, quietly.
    pub fn dimension(&self, ctx: &FileCtx<'_>, r: &At<String>) -> Option<usize> {
        self.refs.dimensions.resolve(ctx, r)?;
        self.dimensions.get(r.value.as_str()).copied()
    }

    /// Several dimensions; `None` if any is unknown. Repeats are reported.
    pub fn dimensions(&self, ctx: &FileCtx<'_>, refs: &[At<String>]) -> Option<Vec<usize>> {
        self.list(ctx, refs, "dimension", |r| self.dimension(ctx, r))
    }

    /// Sources, the same way.
    pub fn sources(&self, ctx: &FileCtx<'_>, refs: &[At<String>]) -> Option<Vec<usize>> {
        self.list(ctx, refs, "source", |r| {
            self.refs.sources.resolve(ctx, r)?;
            self.sources.get(r.value.as_str()).copied()
        })
    }

    fn list(
        &self,
        ctx: &FileCtx<'_>,
        refs: &[At<String>],
        kind: &str,
        one: impl Fn(&At<String>) -> Option<usize>,
    ) -> Option<Vec<usize>> {
        let mut out = Vec::with_capacity(refs.len());
        let mut seen = std::collections::HashSet::with_capacity(refs.len());
        let mut ok = true;
        for r in refs {
            match one(r) {
                Some(i) if !seen.insert(i) => {
                    ctx.error(r.at, format!("{kind} `{}` is listed twice", r.value))
                }
                Some(i) => out.push(i),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// A discipline id, or `both` where that is allowed.
    pub fn owner(&self, ctx: &FileCtx<'_>, key: &str, r: &At<String>, both_allowed: bool) -> Option<Owner> {
        if both_allowed && r.value == "both" {
            return Some(Owner::Both);
        }
        if let Some(i) = self.content.disciplines.iter().position(|d| d.id == r.value) {
            return Some(Owner::Discipline(i));
        }
        if self.refs.disciplines.known(&r.value) {
            return None;
        }
        let ids: Vec<&str> = self.content.disciplines.iter().map(|d| d.id.as_str()).collect();
        let or_both = if both_allowed { " or `both`" } else { "" };
        ctx.error(
            r.at,
            format!("`{key}` must be a discipline id ({}){or_both}, not `{}`", ids.join(", "), r.value),
        );
        None
    }
}
