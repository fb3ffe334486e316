//! A typed reader over a parsed TOML document that keeps going after a problem.
//!
//! serde's derive stops at the first error in a value, but an author fixing a file wants every
//! problem at once. So the files are parsed into toml's spanned document tree and read field by
//! field here: a missing key, a wrong type, an empty text or an unknown key each add a
//! diagnostic with its position, and reading carries on with the next field.

use std::cell::RefCell;

use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use super::diag::{Diagnostic, LineIndex};
use super::ids::suggest;
use super::sanitize;

/// A value and the byte offset in its file where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At<T> {
    pub value: T,
    pub at: usize,
}

/// A point as written: its text and the ids of its sources.
#[derive(Debug, Clone)]
pub struct RawPoint {
    pub text: At<String>,
    pub sources: Vec<At<String>>,
}

/// One content file being read: its path and text, and the problems found in it so far.
pub struct FileCtx<'a> {
    pub path: String,
    pub text: &'a str,
    errors: RefCell<Vec<(usize, String)>>,
    /// Likely mistakes that do not stop the load (`check --strict` makes them errors).
    warnings: RefCell<Vec<(usize, String)>>,
    syntax_errors: usize,
    /// The parsed document, unless it had syntax errors.
    doc: Option<Spanned<DeTable<'a>>>,
    /// Where each line starts, found on first need.
    lines: std::cell::OnceCell<LineIndex>,
}

impl<'a> FileCtx<'a> {
    /// Parses the file at once (a pack's files can so be parsed on several threads),
    /// recording every syntax error.
    pub fn new(path: String, text: &'a str) -> Self {
        let mut ctx = FileCtx {
            path,
            text,
            errors: RefCell::new(Vec::new()),
            warnings: RefCell::new(Vec::new()),
            syntax_errors: 0,
            doc: None,
            lines: std::cell::OnceCell::new(),
        };
        let (doc, errors) = DeTable::parse_recoverable(text);
        ctx.syntax_errors = errors.len();
        let errors = errors
            .iter()
            .map(|e| super::syntax::ParserError {
                at: e.span().map(|s| s.start),
                message: e.message().to_string(),
            })
            .collect();
        for (at, message) in super::syntax::explain(text, errors) {
            ctx.error(at, message);
        }
        // The parser's recovered tree is good for finding further syntax errors, but checking
        // keys and types on it would report guesses, not facts.
        ctx.doc = (ctx.syntax_errors == 0).then_some(doc);
        ctx
    }

    pub fn error(&self, at: usize, message: impl Into<String>) {
        self.errors.borrow_mut().push((at, message.into()));
    }

    /// Records a likely mistake at `at` that does not stop the content from loading: shown as
    /// `path:line:col: warning: message`, an error under `check --strict`.
    pub fn warn(&self, at: usize, message: impl Into<String>) {
        self.warnings.borrow_mut().push((at, message.into()));
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.borrow().is_empty()
    }

    /// True when the file parsed as TOML without errors, so its ids can be trusted to be
    /// complete when checking references into it.
    pub fn parsed_cleanly(&self) -> bool {
        self.syntax_errors == 0
    }

    /// The line an offset is on (1-based), to cite in a message ("first defined on line 7").
    pub fn line_of(&self, at: usize) -> usize {
        self.lines.get_or_init(|| LineIndex::new(self.text)).line_of(at)
    }

    /// 1-based line and column of an offset.
    pub fn line_col(&self, at: usize) -> (usize, usize) {
        self.lines.get_or_init(|| LineIndex::new(self.text)).line_col(self.text, at)
    }

    /// The errors found, by position (warnings are left out: see [`FileCtx::into_report`]).
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.into_report().0
    }

    /// The errors and the warnings found, each by position.
    pub fn into_report(self) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
        let mut errors = self.errors.into_inner();
        let mut warnings = self.warnings.into_inner();
        if errors.is_empty() && warnings.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let index = self.lines.into_inner().unwrap_or_else(|| LineIndex::new(self.text));
        let path = &self.path;
        let locate = |list: &mut Vec<(usize, String)>| -> Vec<Diagnostic> {
            list.sort_by_key(|(at, _)| *at);
            let mut columns = index.columns(self.text);
            list.drain(..)
                .map(|(at, message)| {
                    let (line, col) = columns.at(at);
                    Diagnostic { path: path.clone(), line, col, message }
                })
                .collect()
        };
        (locate(&mut errors), locate(&mut warnings))
    }

    /// The parsed document, or `None` if it had syntax errors (already reported).
    pub fn parse(&self) -> Option<&Spanned<DeTable<'a>>> {
        self.doc.as_ref()
    }

    /// The top level of a file without a format version (the settings file).
    pub fn plain_root<'t>(&'a self, doc: &'t Spanned<DeTable<'a>>) -> Table<'a, 't> {
        Table::new(self, doc.get_ref(), 0, "the settings")
    }

    /// The top level of a content file: checks `format_version` and returns a reader.
    pub fn root<'t>(&'a self, doc: &'t Spanned<DeTable<'a>>) -> Table<'a, 't> {
        let mut root = Table::new(self, doc.get_ref(), 0, "the top level");
        match root.get("format_version") {
            None => self.error(0, "missing key `format_version` (write `format_version = 1` at the top)"),
            Some(v) => {
                match v.get_ref().as_integer().and_then(|i| i64::from_str_radix(i.as_str(), i.radix()).ok()) {
                    Some(1) => {}
                    Some(n) => self.error(
                        v.span().start,
                        format!("unsupported format_version {n}: this program reads format_version 1"),
                    ),
                    None => self.error(
                        v.span().start,
                        format!("`format_version` must be an integer, found {}", v.get_ref().type_str()),
                    ),
                }
            }
        }
        root
    }
}

/// Reads the keys of one table; `finish` reports the keys nobody asked for.
pub struct Table<'a, 't> {
    ctx: &'a FileCtx<'a>,
    table: &'t DeTable<'a>,
    /// Where problems with the table as a whole (a missing key) are reported.
    pub at: usize,
    what: &'static str,
    known: Vec<&'static str>,
    /// Set by [`Table::rest`]: every remaining key was handed to the caller.
    all_known: bool,
}

impl<'a, 't> Table<'a, 't> {
    fn new(ctx: &'a FileCtx<'a>, table: &'t DeTable<'a>, at: usize, what: &'static str) -> Self {
        Table { ctx, table, at, what, known: Vec::new(), all_known: false }
    }

    pub fn ctx(&self) -> &'a FileCtx<'a> {
        self.ctx
    }

    fn get(&mut self, key: &'static str) -> Option<&'t Spanned<DeValue<'a>>> {
        self.known.push(key);
        self.table.get(key)
    }

    fn missing(&self, key: &str) {
        self.ctx.error(self.at, format!("missing key `{key}` in {}", self.what));
    }

    pub fn wrong_type(&self, key: &str, expected: &str, v: &Spanned<DeValue<'_>>) {
        self.ctx
            .error(v.span().start, format!("`{key}` must be {expected}, found {}", describe(v.get_ref())));
    }

    /// An optional value of any type.
    pub fn opt_value(&mut self, key: &'static str) -> Option<&'t Spanned<DeValue<'a>>> {
        self.get(key)
    }

    /// A required value of any type, for fields whose type depends on another field.
    pub fn value(&mut self, key: &'static str) -> Option<&'t Spanned<DeValue<'a>>> {
        let v = self.get(key);
        if v.is_none() {
            self.missing(key);
        }
        v
    }

    /// An optional list of one-line texts.
    pub fn opt_text_list(&mut self, key: &'static str) -> Option<Vec<At<String>>> {
        let v = self.get(key)?;
        self.text_list_value(key, v)
    }

    /// A required one-line text.
    pub fn text(&mut self, key: &'static str) -> Option<At<String>> {
        let v = self.get(key);
        if v.is_none() {
            self.missing(key);
        }
        self.text_value(key, v?, sanitize::one_line)
    }

    /// An optional one-line text.
    pub fn opt_text(&mut self, key: &'static str) -> Option<At<String>> {
        let v = self.get(key)?;
        self.text_value(key, v, sanitize::one_line)
    }

    /// A required prose text (paragraphs allowed).
    pub fn prose(&mut self, key: &'static str) -> Option<At<String>> {
        let v = self.get(key);
        if v.is_none() {
            self.missing(key);
        }
        self.text_value(key, v?, sanitize::prose)
    }

    /// An optional prose text.
    pub fn opt_prose(&mut self, key: &'static str) -> Option<At<String>> {
        let v = self.get(key)?;
        self.text_value(key, v, sanitize::prose)
    }

    fn text_value(
        &self,
        key: &str,
        v: &Spanned<DeValue<'_>>,
        clean: fn(&str) -> String,
    ) -> Option<At<String>> {
        let Some(raw) = v.get_ref().as_str() else {
            self.wrong_type(key, "a string", v);
            return None;
        };
        let value = clean(raw);
        if value.is_empty() {
            self.ctx.error(v.span().start, format!("`{key}` must not be empty"));
            return None;
        }
        Some(At { value, at: v.span().start })
    }

    /// A required id: lowercase ASCII letters, digits, `-` and `_`.
    pub fn id(&mut self, key: &'static str) -> Option<At<String>> {
        let v = self.get(key);
        if v.is_none() {
            self.missing(key);
        }
        let v = v?;
        let Some(raw) = v.get_ref().as_str() else {
            self.wrong_type(key, "a string", v);
            return None;
        };
        check_id(self.ctx, key, raw, v.span().start)
    }

    /// A required, non-empty list of ids.
    pub fn ids(&mut self, key: &'static str) -> Option<Vec<At<String>>> {
        let v = self.get(key);
        if v.is_none() {
            self.missing(key);
        }
        let items = self.array(key, v?, "a list of ids")?;
        let ids: Vec<_> = items
            .iter()
            .filter_map(|item| match item.get_ref().as_str() {
                Some(raw) => check_id(self.ctx, key, raw, item.span().start),
                None => {
                    self.wrong_type(key, "a list of ids (strings)", item);
                    None
                }
            })
            .collect();
        (ids.len() == items.len()).then_some(ids)
    }

    /// A required, non-empty list of one-line texts, read from an arbitrary value (used for
    /// tables whose keys are not fixed, like the points of a dimension).
    pub fn text_list_value(&self, key: &str, v: &Spanned<DeValue<'_>>) -> Option<Vec<At<String>>> {
        let items = self.array(key, v, "a list of strings")?;
        let mut ok = true;
        let mut texts = Vec::with_capacity(items.len());
        for item in items.iter() {
            match self.text_value(key, item, sanitize::one_line) {
                Some(t) => texts.push(t),
                None => ok = false,
            }
        }
        ok.then_some(texts)
    }

    /// A one-line text read from an arbitrary value (a table with author-chosen keys).
    pub fn one_line_value(&self, key: &str, v: &Spanned<DeValue<'_>>) -> Option<At<String>> {
        self.text_value(key, v, sanitize::one_line)
    }

    /// A required, non-empty list of points, read from an arbitrary value. Each point is a
    /// one-line text, or `{ text = "...", sources = [...] }` to cite it; returns each text
    /// with its source ids as written (checking them is the caller's job).
    pub fn point_list_value(&self, key: &str, v: &Spanned<DeValue<'_>>) -> Option<Vec<RawPoint>> {
        let items = self.array(key, v, "a list of strings")?;
        let points: Vec<RawPoint> = items.iter().filter_map(|item| self.point_value(key, item)).collect();
        (points.len() == items.len()).then_some(points)
    }

    /// One point: a one-line text, or `{ text = "...", sources = ["id", ...] }`.
    pub fn point_value(&self, key: &str, v: &Spanned<DeValue<'_>>) -> Option<RawPoint> {
        if v.get_ref().as_str().is_some() {
            let text = self.text_value(key, v, sanitize::one_line)?;
            return Some(RawPoint { text, sources: Vec::new() });
        }
        let Some(table) = v.get_ref().as_table() else {
            self.wrong_type(key, "a string or a { text = \"...\", sources = [...] } table", v);
            return None;
        };
        let mut t = Table::new(self.ctx, table, v.span().start, "a point");
        let text = t.text("text");
        let sources = t.ids("sources");
        t.finish();
        Some(RawPoint { text: text?, sources: sources? })
    }

    fn array<'v>(&self, key: &str, v: &'v Spanned<DeValue<'_>>, expected: &str) -> Option<&'v DeArray<'v>> {
        let Some(items) = v.get_ref().as_array() else {
            self.wrong_type(key, expected, v);
            return None;
        };
        if items.is_empty() {
            self.ctx.error(v.span().start, format!("`{key}` must not be empty"));
            return None;
        }
        Some(items)
    }

    /// An optional boolean.
    pub fn opt_bool(&mut self, key: &'static str) -> Option<At<bool>> {
        let v = self.get(key)?;
        match v.get_ref().as_bool() {
            Some(b) => Some(At { value: b, at: v.span().start }),
            None => {
                self.wrong_type(key, "true or false", v);
                None
            }
        }
    }

    /// An optional id.
    pub fn opt_id(&mut self, key: &'static str) -> Option<At<String>> {
        if self.table.get(key).is_none() {
            self.known.push(key);
            return None;
        }
        self.id(key)
    }

    /// A required integer.
    pub fn int(&mut self, key: &'static str) -> Option<At<i64>> {
        if self.table.get(key).is_none() {
            self.known.push(key);
            self.missing(key);
            return None;
        }
        self.opt_int(key)
    }

    /// An optional integer.
    pub fn opt_int(&mut self, key: &'static str) -> Option<At<i64>> {
        let v = self.get(key)?;
        match v.get_ref().as_integer().and_then(|i| i64::from_str_radix(i.as_str(), i.radix()).ok()) {
            Some(n) => Some(At { value: n, at: v.span().start }),
            None => {
                self.wrong_type(key, "an integer", v);
                None
            }
        }
    }

    /// A required table whose keys are chosen by the author: returns each key with its value.
    pub fn map(&mut self, key: &'static str) -> Option<Vec<(At<String>, &'t Spanned<DeValue<'a>>)>> {
        let v = self.get(key);
        if v.is_none() {
            self.missing(key);
        }
        let v = v?;
        let Some(table) = v.get_ref().as_table() else {
            self.wrong_type(key, "a table", v);
            return None;
        };
        Some(
            table
                .iter()
                .map(|(k, v)| (At { value: k.get_ref().to_string(), at: k.span().start }, v))
                .collect(),
        )
    }

    /// An optional table with fixed keys (`[flow]`), read by its own [`Table`].
    pub fn opt_table(&mut self, key: &'static str, what: &'static str) -> Option<Table<'a, 't>> {
        let v = self.get(key)?;
        match v.get_ref().as_table() {
            Some(t) => Some(Table::new(self.ctx, t, v.span().start, what)),
            None => {
                self.wrong_type(key, "a table", v);
                None
            }
        }
    }

    /// An optional table whose keys are chosen by the author.
    pub fn opt_map(&mut self, key: &'static str) -> Option<Vec<(At<String>, &'t Spanned<DeValue<'a>>)>> {
        if self.table.get(key).is_none() {
            self.known.push(key);
            return None;
        }
        self.map(key)
    }

    /// Every key not read so far, with its value, for tables that mix fixed keys with keys
    /// the author chooses (a facet's label beside one entry per discipline).
    pub fn rest(&mut self) -> Vec<(At<String>, &'t Spanned<DeValue<'a>>)> {
        let table = self.table;
        let rest: Vec<_> = table
            .iter()
            .filter(|(k, _)| !self.known.contains(&k.get_ref().as_ref()))
            .map(|(k, v)| (At { value: k.get_ref().to_string(), at: k.span().start }, v))
            .collect();
        self.all_known = true;
        rest
    }

    /// An array of tables (`[[key]]`); missing means none. `what` names one element in messages.
    pub fn tables(&mut self, key: &'static str, what: &'static str) -> Vec<Table<'a, 't>> {
        let Some(v) = self.get(key) else {
            return Vec::new();
        };
        let Some(items) = v.get_ref().as_array() else {
            self.wrong_type(key, &format!("an array of tables (`[[{key}]]`)"), v);
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| match item.get_ref().as_table() {
                Some(t) => Some(Table::new(self.ctx, t, item.span().start, what)),
                None => {
                    self.wrong_type(key, &format!("a table (`[[{key}]]`)"), item);
                    None
                }
            })
            .collect()
    }

    /// Reports every key that no reader asked for.
    pub fn finish(self) {
        if self.all_known {
            return;
        }
        for (k, _) in self.table.iter() {
            let name = k.get_ref();
            if !self.known.contains(&name.as_ref()) {
                let hint = match suggest(name, &self.known) {
                    Some(s) => format!("; did you mean `{s}`?"),
                    None => format!(" (known keys: {})", self.known.join(", ")),
                };
                self.ctx.error(k.span().start, format!("unknown key `{name}` in {}{hint}", self.what));
            }
        }
    }
}

fn describe(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

pub const MAX_ID_LEN: usize = 64;

/// Ids are the stable names that saved progress and references use, so they are kept simple.
fn check_id(ctx: &FileCtx<'_>, key: &str, raw: &str, at: usize) -> Option<At<String>> {
    let valid = !raw.is_empty()
        && raw.len() <= MAX_ID_LEN
        && raw.bytes().enumerate().all(|(i, b)| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || (i > 0 && (b == b'-' || b == b'_'))
        });
    if valid {
        Some(At { value: raw.to_owned(), at })
    } else if raw.is_empty() {
        ctx.error(at, format!("`{key}` must not be empty"));
        None
    } else {
        ctx.error(
            at,
            format!(
                "invalid id `{raw}` in `{key}`: use lowercase letters a-z, digits, `-` and `_` \
                 (starting with a letter or digit, at most {MAX_ID_LEN} characters)"
            ),
        );
        None
    }
}
