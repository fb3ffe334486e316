//! Ids: duplicates reported where they are written again, references resolved or reported
//! with a suggestion of what was probably meant.

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashMap;

use super::reader::{At, FileCtx};

/// Ids of one kind, with duplicates reported where they are written again.
pub struct Ids<'c> {
    ctx: Option<&'c FileCtx<'c>>,
    kind: &'static str,
    index: HashMap<String, usize>,
    /// Whether a reference was made while no id of this kind exists (said once, below).
    named_none: Cell<bool>,
    /// The ids in order (and as characters, for suggestions); made at the first unknown
    /// reference.
    sorted: OnceCell<Vec<(String, Vec<char>)>>,
    /// Ids left to compare against for suggestions. Each unknown id is compared with every
    /// known one, which grows with the square of a pack where thousands of references are
    /// wrong; past this budget, messages go without a suggestion.
    suggestion_budget: Cell<usize>,
    /// The hint for each unknown id met so far: a pack with thousands of bad references
    /// names each wrong id many times.
    hints: RefCell<HashMap<String, String>>,
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
                    let line = ctx.line_of(*first);
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
        Ids {
            ctx,
            kind,
            index,
            named_none: Cell::new(false),
            sorted: OnceCell::new(),
            suggestion_budget: Cell::new(SUGGESTION_BUDGET),
            hints: RefCell::new(HashMap::new()),
        }
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
                let (line, col) = from.line_col(r.at);
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
            let hint =
                self.hints.borrow_mut().entry(r.value.clone()).or_insert_with(|| self.hint(&r.value)).clone();
            from.error(r.at, format!("unknown {} `{}`{hint}", self.kind, r.value));
        }
        None
    }

    /// What was probably meant, or what there is to choose from.
    fn hint(&self, id: &str) -> String {
        let known = self.sorted.get_or_init(|| {
            let mut ids: Vec<String> = self.index.keys().cloned().collect();
            ids.sort_unstable();
            ids.into_iter()
                .map(|id| {
                    let chars = id.chars().collect();
                    (id, chars)
                })
                .collect()
        });
        let budget = self.suggestion_budget.get();
        let suggestion = if budget >= known.len() {
            self.suggestion_budget.set(budget - known.len());
            let word: Vec<char> = id.chars().collect();
            closest(&word, known.iter().map(|(s, c)| (s.as_str(), c.as_slice())))
        } else {
            None
        };
        match suggestion {
            Some(s) => format!("; did you mean `{s}`?"),
            None if known.len() <= 12 => {
                format!(" (known: {})", known.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>().join(", "))
            }
            None => String::new(),
        }
    }

    /// Whether the id was written in its file (even if that item was dropped for a problem),
    /// or cannot be ruled out because the file could not be read cleanly or defines none
    /// (a problem of that file's, reported there).
    pub fn known(&self, id: &str) -> bool {
        self.index.contains_key(id) || self.index.is_empty() || !self.ctx.is_some_and(FileCtx::parsed_cleanly)
    }

    pub fn resolve_all(&self, from: &FileCtx<'_>, refs: &[At<String>]) -> Vec<usize> {
        let mut out = Vec::with_capacity(refs.len());
        let mut seen = std::collections::HashSet::with_capacity(refs.len());
        for r in refs {
            if let Some(i) = self.resolve(from, r) {
                if !seen.insert(i) {
                    from.error(r.at, format!("{} `{}` is listed twice", self.kind, r.value));
                } else {
                    out.push(i);
                }
            }
        }
        out
    }
}

/// See `Ids::suggestion_budget`: a million comparisons, a few tens of milliseconds.
const SUGGESTION_BUDGET: usize = 1_000_000;

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo (at
/// most a third of the candidate's length in edits, and at least one).
pub fn suggest<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let word: Vec<char> = word.chars().collect();
    let chars: Vec<Vec<char>> = candidates.iter().map(|c| c.chars().collect()).collect();
    closest(&word, candidates.iter().copied().zip(chars.iter().map(Vec::as_slice)))
}

fn closest<'s, 'c>(
    word: &[char],
    candidates: impl Iterator<Item = (&'s str, &'c [char])>,
) -> Option<&'s str> {
    let mut best: Option<(usize, &str)> = None;
    let mut rows = Vec::new();
    for (c, chars) in candidates {
        let mut bound = (chars.len() / 3).max(1);
        if let Some((d, _)) = best {
            bound = bound.min(d.saturating_sub(1));
        }
        if let Some(d) = distance_within(word, chars, bound, &mut rows) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Optimal string alignment distance (edits, a swap of neighbours counting as one), if it is
/// at most `bound`. Gives up as soon as it must exceed it: suggesting among thousands of ids
/// for thousands of mistakes stays quick.
fn distance_within(a: &[char], b: &[char], bound: usize, rows: &mut Vec<usize>) -> Option<usize> {
    if a.len().abs_diff(b.len()) > bound {
        return None;
    }
    let w = b.len() + 1;
    // Three rows: two back (for swaps), one back, this one.
    rows.clear();
    rows.resize(3 * w, 0);
    for (j, cell) in rows[w..2 * w].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (older, rest) = rows.split_at_mut(w);
        let (prev, cur) = rest.split_at_mut(w);
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(older[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > bound {
            return None;
        }
        // Shift: this row becomes the previous, the previous the older.
        rows.copy_within(w..3 * w, 0);
    }
    let d = rows[2 * w - 1];
    (d <= bound).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(suggest("titel", &["id", "title", "group"]), Some("title"));
        assert_eq!(suggest("colour", &["color", "name"]), Some("color"));
        assert_eq!(suggest("banana", &["id", "title"]), None);
        let d = |a: &str, b: &str, bound| {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            distance_within(&a, &b, bound, &mut Vec::new())
        };
        assert_eq!(d("titel", "title", 3), Some(1));
        assert_eq!(d("", "abc", 3), Some(3));
        assert_eq!(d("kitten", "sitting", 3), Some(3));
        assert_eq!(d("kitten", "sitting", 2), None);
        assert_eq!(d("abc", "abc", 0), Some(0));
        // The closest wins, whatever the order.
        assert_eq!(suggest("inventry", &["inventory", "invent", "inventor"]), Some("inventory"));
    }
}
