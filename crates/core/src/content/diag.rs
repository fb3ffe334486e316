//! Diagnostics: problems found in content files, reported as `path:line:col: message`.

use std::fmt;

/// One problem in one content file. Line and column are 1-based; the column counts characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Both the path and the message may carry text from outside (a file name, a key from a
        // file), so both are escaped at the last moment too, whatever their author did.
        write!(f, "{}:{}:{}: {}", escape(&self.path), self.line, self.col, escape(&self.message))
    }
}

impl Diagnostic {
    /// Shows this diagnostic as a warning: `path:line:col: warning: message`.
    pub fn as_warning(&self) -> AsWarning<'_> {
        AsWarning(self)
    }
}

/// See [`Diagnostic::as_warning`].
pub struct AsWarning<'d>(&'d Diagnostic);

impl fmt::Display for AsWarning<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        write!(f, "{}:{}:{}: warning: {}", escape(&d.path), d.line, d.col, escape(&d.message))
    }
}

/// Every problem found while loading content, sorted by file and position, and the warnings
/// found beside them (which alone would not have stopped the load).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub diagnostics: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.diagnostics {
            writeln!(f, "{d}")?;
        }
        for w in &self.warnings {
            writeln!(f, "{}", w.as_warning())?;
        }
        let n = self.diagnostics.len();
        write!(f, "{n} problem{} found", if n == 1 { "" } else { "s" })?;
        match self.warnings.len() {
            0 => Ok(()),
            w => write!(f, " and {w} warning{}", if w == 1 { "" } else { "s" }),
        }
    }
}

/// Prints warnings, one a line, as `path:line:col: warning: message`.
pub fn warning_lines(warnings: &[Diagnostic]) -> String {
    warnings.iter().map(|w| format!("{}\n", w.as_warning())).collect()
}

impl std::error::Error for LoadError {}

/// Maps byte offsets of one file's text to line and column.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { starts }
    }

    /// The 1-based line of `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// Line and column of offsets given in increasing order: each column is counted on from
    /// the last, so many positions on one long line cost one pass over it, not one each.
    pub fn columns<'i>(&'i self, text: &'i str) -> Columns<'i> {
        Columns { index: self, text, last: None }
    }

    /// 1-based line and character column of `offset` (clamped to the text).
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        // The offset may fall inside a multi-byte character; count whole characters before it.
        let col = text
            .get(start..offset)
            .map(|s| s.chars().count())
            .unwrap_or_else(|| text[start..].char_indices().take_while(|(i, _)| start + i < offset).count());
        (line + 1, col + 1)
    }
}

/// See [`LineIndex::columns`].
pub struct Columns<'i> {
    index: &'i LineIndex,
    text: &'i str,
    /// The last position worked out: offset, line, column.
    last: Option<(usize, usize, usize)>,
}

impl Columns<'_> {
    pub fn at(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.index.line_of(offset);
        let (line, col) = match self.last {
            Some((last, last_line, last_col)) if last_line == line && last <= offset => {
                match self.text.get(last..offset) {
                    Some(between) => (line, last_col + between.chars().count()),
                    None => self.index.line_col(self.text, offset),
                }
            }
            _ => self.index.line_col(self.text, offset),
        };
        self.last = Some((offset, line, col));
        (line, col)
    }
}

/// Makes text safe to print on a terminal: control characters, bidi controls and other
/// invisible format characters are shown as escapes (`\u{1b}`), everything else as is.
pub fn escape(text: &str) -> String {
    if !text.chars().any(needs_escape) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

fn needs_escape(c: char) -> bool {
    // Newlines too: a diagnostic is one line.
    c.is_control() || super::sanitize::is_bidi_control(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let text = "ab\nçé x\n\nlast";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 2), (1, 3));
        assert_eq!(idx.line_col(text, 3), (2, 1));
        // 'x' is after two 2-byte characters and a space: byte 3+5, character column 4.
        assert_eq!(idx.line_col(text, 8), (2, 4));
        assert_eq!(idx.line_col(text, 10), (3, 1));
        assert_eq!(idx.line_col(text, 999), (4, 5));
        // Inside a multi-byte character: column of that character.
        assert_eq!(idx.line_col(text, 4), (2, 2));
    }

    #[test]
    fn escape_shows_controls() {
        assert_eq!(escape("plain"), "plain");
        assert_eq!(escape("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(escape("bell\u{7}"), "bell\\u{7}");
        assert_eq!(escape("x\u{202e}y"), "x\\u{202e}y");
        assert_eq!(escape("c\u{9b}1m"), "c\\u{9b}1m");
    }

    #[test]
    fn display_escapes_path_and_message() {
        let d = Diagnostic {
            path: "dir\u{7}/a.toml".into(),
            line: 3,
            col: 7,
            message: "unknown key `\u{1b}]0;x`".into(),
        };
        assert_eq!(d.to_string(), "dir\\u{7}/a.toml:3:7: unknown key `\\u{1b}]0;x`");
        assert_eq!(d.as_warning().to_string(), "dir\\u{7}/a.toml:3:7: warning: unknown key `\\u{1b}]0;x`");
    }

    #[test]
    fn load_error_lists_errors_then_warnings_and_counts_both() {
        let d =
            |line, message: &str| Diagnostic { path: "p.toml".into(), line, col: 1, message: message.into() };
        let e = LoadError { diagnostics: vec![d(2, "bad")], warnings: vec![d(1, "odd"), d(3, "odder")] };
        assert_eq!(
            e.to_string(),
            "p.toml:2:1: bad\np.toml:1:1: warning: odd\np.toml:3:1: warning: odder\n1 problem found and 2 warnings"
        );
        let e = LoadError { diagnostics: vec![d(2, "bad"), d(4, "worse")], warnings: vec![] };
        assert_eq!(e.to_string(), "p.toml:2:1: bad\np.toml:4:1: worse\n2 problems found");
    }
}
