//! Ids: duplicates reported where they are written again, references resolved or reported
//! with a suggestion of what was probably meant.

use std::cell::Cell;
use std::collections::HashMap;

use super::diag::LineIndex;
use super::reader::{At, FileCtx};

/// Ids of one kind, with duplicates reported where they are written again.
pub struct Ids<'c> {
    ctx: Option<&'c FileCtx<'c>>,
    kind: &'static str,
    index: HashMap<String, usize>,
    /// Whether a reference was made while no id of this kind exists (said once, below).
    named_none: Cell<bool>,
}

impl<'c> Ids<'c> {
    pub fn new<'i>(
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
        Ids { ctx, kind, index, named_none: Cell::new(false) }
    }

    /// Resolves a reference written in `from`; reports it there if unknown. References into a
    /// file that could not be read or parsed cleanly are not checked (that file's own errors
    /// come first, and checking would only add noise).
    pub fn resolve(&self, from: &FileCtx<'_>, r: &At<String>) -> Option<usize> {
        if let Some(&i) = self.index.get(&r.value) {
            return Some(i);
        }
        let ctx = self.ctx.filter(|c| c.parsed_cleanly())?;
        if self.index.is_empty() {
            // One cause, one message: said in the file that should define them (unless that
            // file already has its own problems), not at every reference.
            if !self.named_none.replace(true) && !ctx.has_errors() {
                let (line, col) = LineIndex::new(from.text).line_col(from.text, r.at);
                ctx.error(
                    0,
                    format!(
                        "no {kind}s are defined, yet {path}:{line}:{col} names `{id}`",
                        kind = self.kind,
                        path = from.path,
                        id = r.value
                    ),
                );
            }
        } else {
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

    /// Whether the id was written in its file (even if that item was dropped for a problem),
    /// or cannot be ruled out because the file could not be read cleanly or defines none
    /// (a problem of that file's, reported there).
    pub fn known(&self, id: &str) -> bool {
        self.index.contains_key(id) || self.index.is_empty() || !self.ctx.is_some_and(FileCtx::parsed_cleanly)
    }

    pub fn resolve_all(&self, from: &FileCtx<'_>, refs: &[At<String>]) -> Vec<usize> {
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

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn suggest<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    candidates
        .iter()
        .map(|c| (edit_distance(word, c), *c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Optimal string alignment distance: edits, with a swap of neighbours counting as one.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(suggest("titel", &["id", "title", "group"]), Some("title"));
        assert_eq!(suggest("colour", &["color", "name"]), Some("color"));
        assert_eq!(suggest("banana", &["id", "title"]), None);
        assert_eq!(edit_distance("titel", "title"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
