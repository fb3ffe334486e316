//! Drawing primitives that write cells directly: bordered boxes and lines of text.
//!
//! ratatui's `Block` and `Paragraph` first restyle every cell of their area, then lay text
//! out grapheme by grapheme; with text wrapped in advance, that was most of a frame's time.
//! These draw only what shows (borders, titles, the text itself), and write ASCII runs a row
//! slice at a time; anything else goes through `Buffer::set_stringn`, which handles wide
//! characters and combining marks.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Padding;
use unicode_width::UnicodeWidthStr;

/// Draws lines (already wrapped to fit) into `area`, starting at line `scroll`, clipped.
pub fn draw_lines(buf: &mut Buffer, area: Rect, lines: &[Line<'_>], scroll: usize) {
    let area = area.intersection(buf.area);
    for (row, line) in lines.iter().skip(scroll).take(area.height as usize).enumerate() {
        draw_line(buf, area.x, area.y + row as u16, area.right(), line);
    }
}

/// Draws one line from column `x` up to (not including) column `right`.
pub fn draw_line(buf: &mut Buffer, mut x: u16, y: u16, right: u16, line: &Line<'_>) {
    let right = right.min(buf.area.right());
    if y < buf.area.y || y >= buf.area.bottom() {
        return;
    }
    for span in &line.spans {
        if x >= right {
            break;
        }
        let style = line.style.patch(span.style);
        let text: &str = &span.content;
        if text.bytes().all(|b| (b' '..0x7f).contains(&b)) {
            let n = text.len().min(usize::from(right - x));
            let start = buf.index_of(x, y);
            for (cell, ch) in buf.content[start..start + n].iter_mut().zip(text.chars()) {
                cell.set_char(ch).set_style(style);
            }
            x += n as u16;
        } else {
            let (next, _) = buf.set_stringn(x, y, text, usize::from(right - x), style);
            x = next;
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Border {
    Plain,
    Thick,
    Double,
}

impl Border {
    /// Corners (top-left, top-right, bottom-left, bottom-right), horizontal, vertical.
    fn symbols(self) -> ([&'static str; 4], &'static str, &'static str) {
        match self {
            Border::Plain => (["┌", "┐", "└", "┘"], "─", "│"),
            Border::Thick => (["┏", "┓", "┗", "┛"], "━", "┃"),
            Border::Double => (["╔", "╗", "╚", "╝"], "═", "║"),
        }
    }
}

/// A bordered box with a title (top left) and an optional note (bottom right).
#[derive(Debug, Clone)]
pub struct BoxFrame<'a> {
    title: Line<'a>,
    bottom: Option<Line<'a>>,
    border: Border,
    style: Style,
    padding: Padding,
}

impl<'a> BoxFrame<'a> {
    pub fn new(title: Line<'a>, border: Border, style: Style) -> Self {
        BoxFrame { title, bottom: None, border, style, padding: Padding::horizontal(1) }
    }

    pub fn padding(mut self, padding: Padding) -> Self {
        self.padding = padding;
        self
    }

    pub fn title_bottom(mut self, line: Line<'a>) -> Self {
        self.bottom = Some(line);
        self
    }

    /// The area inside the border and the padding.
    pub fn inner(&self, area: Rect) -> Rect {
        let p = self.padding;
        let x = area.x.saturating_add(1 + p.left);
        let y = area.y.saturating_add(1 + p.top);
        let w = area.width.saturating_sub(2 + p.left + p.right);
        let h = area.height.saturating_sub(2 + p.top + p.bottom);
        Rect { x, y, width: w, height: h }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.width < 2 || area.height < 2 {
            return;
        }
        let ([tl, tr, bl, br], h, v) = self.border.symbols();
        let (left, right, top, bottom) = (area.x, area.right() - 1, area.y, area.bottom() - 1);
        for x in left + 1..right {
            buf[(x, top)].set_symbol(h).set_style(self.style);
            buf[(x, bottom)].set_symbol(h).set_style(self.style);
        }
        for y in top + 1..bottom {
            buf[(left, y)].set_symbol(v).set_style(self.style);
            buf[(right, y)].set_symbol(v).set_style(self.style);
        }
        for (x, y, s) in [(left, top, tl), (right, top, tr), (left, bottom, bl), (right, bottom, br)] {
            buf[(x, y)].set_symbol(s).set_style(self.style);
        }
        // Titles sit on the border, inset by one cell from each corner.
        draw_line(buf, left + 1, top, right, &self.title);
        if let Some(line) = &self.bottom {
            let w = line.width() as u16;
            let x = right.saturating_sub(w).max(left + 1);
            draw_line(buf, x, bottom, right, line);
        }
    }
}

/// Resets every cell of `area` (clipped to the buffer), as ratatui's `Clear` does, a row
/// slice at a time: `Clear` goes column by column, indexing each cell, which cost an
/// overlay a tenth of its frame.
pub fn clear(buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        let start = buf.index_of(area.x, y);
        buf.content[start..start + usize::from(area.width)].iter_mut().for_each(ratatui::buffer::Cell::reset);
    }
}

/// The display width of a line.
pub fn line_width(line: &Line<'_>) -> usize {
    line.spans.iter().map(|s| s.content.width()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::text::Span;
    use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

    /// Draws the same as ratatui's Block and Paragraph would (with default styles).
    #[test]
    fn same_picture_as_block_and_paragraph() {
        let area = Rect::new(0, 0, 24, 6);
        let lines = vec![
            Line::from(vec![Span::raw("plain "), Span::styled("bold", Style::new().bold())]),
            Line::raw("wide 供应链 and é"),
            Line::raw("a line much longer than the box is wide"),
        ];
        let mut ours = Buffer::empty(area);
        let frame =
            BoxFrame::new(Line::raw(" Title "), Border::Thick, Style::new()).title_bottom(Line::raw(" 1/3 "));
        frame.render(area, &mut ours);
        draw_lines(&mut ours, frame.inner(area), &lines, 0);
        let mut theirs = Buffer::empty(area);
        let block = Block::bordered()
            .border_type(BorderType::Thick)
            .padding(Padding::horizontal(1))
            .title(Line::raw(" Title "))
            .title_bottom(Line::raw(" 1/3 ").right_aligned());
        Paragraph::new(lines).block(block).render(area, &mut theirs);
        assert_eq!(ours, theirs);
    }

    #[test]
    fn clear_is_ratatuis_clear() {
        use ratatui::widgets::Clear;
        let area = Rect::new(0, 0, 12, 6);
        for part in [Rect::new(2, 1, 7, 3), Rect::new(8, 4, 9, 9), Rect::new(20, 20, 2, 2), Rect::ZERO] {
            let mut ours =
                Buffer::with_lines(["供应链 styled text", "abcdefghijkl", "x", "mnopqrstuvwx", "y", "z"]);
            ours.set_style(area, Style::new().bold());
            let mut theirs = ours.clone();
            clear(&mut ours, part);
            Clear.render(part, &mut theirs);
            assert_eq!(ours, theirs, "{part:?}");
        }
    }

    #[test]
    fn scrolled_and_clipped() {
        let area = Rect::new(0, 0, 5, 2);
        let mut buf = Buffer::empty(area);
        let lines: Vec<Line> = ["one", "two", "three"].into_iter().map(Line::raw).collect();
        draw_lines(&mut buf, Rect::new(0, 0, 5, 9), &lines, 1);
        assert_eq!(buf, Buffer::with_lines(["two  ", "three"]));
        // Tiny and empty areas draw nothing and do not panic.
        BoxFrame::new(Line::raw("t"), Border::Plain, Style::new()).render(Rect::new(0, 0, 1, 1), &mut buf);
        draw_lines(&mut buf, Rect::new(9, 9, 3, 3), &lines, 0);
    }
}
