//! The geometry of the at-a-glance matrix, in plain columns of text: shared by the view that
//! draws it and by `check`, which warns about a phrase the matrix could not show whole.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The width `check` measures phrases against: the most common terminal.
pub const GLANCE_CHECK_WIDTH: usize = 80;

/// How many lines a phrase may wrap to in its cell and still count as shown whole (more
/// would leave too few rows at 80×24 for the matrix to be taken in at a glance).
pub const GLANCE_LINES: usize = 2;

/// Columns of the matrix at a given width: the dimension titles (including the selection
/// marker), then one cell per discipline and one for what they share, each after a gap of
/// one column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatrixColumns {
    pub title: usize,
    pub cell: usize,
    pub cells: usize,
}

impl MatrixColumns {
    pub fn new(width: usize, disciplines: usize) -> Self {
        let cells = disciplines + 1;
        let title = (width / 5).clamp(14, 30).min(width);
        let cell = width.saturating_sub(title + cells) / cells;
        // What the cells leave over widens the titles.
        let title = width.saturating_sub(cells * (cell + 1));
        MatrixColumns { title, cell, cells }
    }

    /// Where cell `i` starts, counted from the left edge.
    pub fn cell_x(&self, i: usize) -> usize {
        self.title + i * (self.cell + 1) + 1
    }
}

/// How many lines `text` takes when wrapped at word boundaries to `width` columns (words
/// longer than a line are broken), the same way the views wrap.
pub fn lines_needed(text: &str, width: usize) -> usize {
    if width == 0 {
        return usize::MAX;
    }
    let mut lines = 0;
    let mut used = 0;
    for word in text.split_whitespace() {
        let w = word.width();
        if lines > 0 && used + 1 + w <= width {
            used += 1 + w;
            continue;
        }
        lines += 1;
        if w <= width {
            used = w;
        } else {
            // Broken character by character, as the views do.
            used = 0;
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if used + cw > width && used > 0 {
                    lines += 1;
                    used = 0;
                }
                used += cw;
            }
        }
    }
    lines.max(1)
}

/// Whether a short phrase shows whole in the matrix at [`GLANCE_CHECK_WIDTH`] columns.
pub fn glance_fits(text: &str, disciplines: usize) -> bool {
    let cols = MatrixColumns::new(GLANCE_CHECK_WIDTH, disciplines);
    lines_needed(text, cols.cell) <= GLANCE_LINES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fill_the_width() {
        let c = MatrixColumns::new(80, 2);
        assert_eq!((c.title, c.cell, c.cells), (17, 20, 3));
        assert_eq!(c.title + 3 * (c.cell + 1), 80);
        assert_eq!(c.cell_x(0), 18);
        let c = MatrixColumns::new(120, 2);
        assert_eq!(c.title + 3 * (c.cell + 1), 120);
        let c = MatrixColumns::new(80, 3);
        assert_eq!(c.cell, 15);
        // Tiny widths do not underflow.
        let c = MatrixColumns::new(3, 5);
        assert_eq!(c.cell, 0);
    }

    #[test]
    fn lines_are_counted_like_the_wrap() {
        assert_eq!(lines_needed("Sourcing, conversion and logistics", 20), 2);
        assert_eq!(lines_needed("Sourcing, conversion and logistics", 19), 3);
        assert_eq!(lines_needed("", 10), 1);
        assert_eq!(lines_needed("abcdefghij", 4), 3);
        assert_eq!(lines_needed("ab abcdefghij", 4), 4);
        assert_eq!(lines_needed("库存库存库存", 4), 3);
    }

    #[test]
    fn phrases_fit_or_not() {
        assert!(glance_fits("Stock across the network", 2));
        assert!(!glance_fits("Stock sized and positioned across the whole network of partners", 2));
    }
}
