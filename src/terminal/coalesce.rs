//! A backend wrapper that sends fewer bytes per frame.
//!
//! ratatui sends only the cells that changed, and jumps the cursor over the ones that did not.
//! A jump (`ESC [ row ; col H`) costs 6–8 bytes, so over a short run of unchanged cells (the
//! space between two words) it is cheaper to write those cells again. This wrapper keeps a
//! mirror of what the terminal shows and fills such gaps from it, which roughly halves the
//! bytes of a text-heavy frame: faster over slow links, and less for the terminal to parse.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::{Position, Rect, Size};
use unicode_width::UnicodeWidthStr;

/// Gaps up to this many cells are rewritten instead of jumped over.
const MAX_GAP: u16 = 4;

pub struct Coalesce<B: Backend> {
    inner: B,
    /// What the terminal shows, as far as this backend has drawn it since the last clear.
    mirror: Buffer,
    /// False after a partial clear, which the mirror does not follow: no filling until the
    /// next whole clear makes the mirror exact again.
    trusted: bool,
}

impl<B: Backend> Coalesce<B> {
    pub fn new(inner: B) -> Result<Self, B::Error> {
        let size = inner.size()?;
        Ok(Coalesce::with_size(inner, size))
    }

    /// For a backend whose size is known (tests, fixed viewports).
    pub fn with_size(inner: B, size: Size) -> Self {
        Coalesce { inner, mirror: Buffer::empty(Rect::new(0, 0, size.width, size.height)), trusted: true }
    }

    #[cfg(test)]
    pub fn inner(&self) -> &B {
        &self.inner
    }

    fn reset_mirror(&mut self) -> Result<(), B::Error> {
        let size = self.inner.size()?;
        self.mirror = Buffer::empty(Rect::new(0, 0, size.width, size.height));
        self.trusted = true;
        Ok(())
    }

    /// A mirror cell that is safe to write again as is: one column wide, not part of a wide
    /// character, not hidden behind one.
    fn plain(&self, x: u16, y: u16) -> Option<&Cell> {
        self.mirror
            .cell((x, y))
            .filter(|c| self.trusted && c.diff_option == CellDiffOption::None && c.symbol().width() == 1)
    }
}

impl<B: Backend> Backend for Coalesce<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut out: Vec<(u16, u16, Cell)> = Vec::new();
        for (x, y, cell) in content {
            if let Some((px, py, last)) = out.last() {
                let (px, py) = (*px, *py);
                let gap = x.saturating_sub(px + 1);
                let last_is_narrow = last.symbol().width() == 1;
                if py == y && x > px + 1 && gap <= MAX_GAP && last_is_narrow {
                    let fill: Option<Vec<Cell>> = (px + 1..x).map(|gx| self.plain(gx, y).cloned()).collect();
                    if let Some(fill) = fill {
                        out.extend(fill.into_iter().zip(px + 1..x).map(|(c, gx)| (gx, y, c)));
                    }
                }
            }
            out.push((x, y, cell.clone()));
        }
        for (x, y, cell) in &out {
            if let Some(m) = self.mirror.cell_mut((*x, *y)) {
                *m = cell.clone();
            }
        }
        self.inner.draw(out.iter().map(|(x, y, c)| (*x, *y, c)))
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()?;
        self.reset_mirror()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)?;
        match clear_type {
            ClearType::All => self.reset_mirror(),
            _ => {
                self.trusted = false;
                Ok(())
            }
        }
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::{CrosstermBackend, TestBackend};
    use ratatui::style::{Color, Style};
    use ratatui::text::Line;
    use ratatui::widgets::{Paragraph, Widget};
    use ratatui::{Terminal, TerminalOptions, Viewport};

    use crate::terminal::test_support::{Shared, cells, vt};

    fn frames() -> Vec<Vec<Line<'static>>> {
        vec![
            vec![
                Line::raw("the quick brown fox jumps"),
                Line::styled("over the lazy dog", Style::new().fg(Color::Red)),
            ],
            vec![Line::raw("the quack brawn fix jumps"), Line::raw("供应链 and a wide 😀 char")],
            vec![Line::raw("a b c d e f g h i j"), Line::raw("over the lazy dog")],
            vec![Line::raw("供应 x 链 y"), Line::raw("")],
        ]
    }

    /// The coalescing backend ends up showing exactly what the plain one shows.
    #[test]
    fn same_screen_as_without_coalescing() {
        let mut plain = Terminal::new(TestBackend::new(30, 3)).unwrap();
        let mut coalesced = Terminal::new(Coalesce::new(TestBackend::new(30, 3)).unwrap()).unwrap();
        for lines in frames() {
            plain.draw(|f| Paragraph::new(lines.clone()).render(f.area(), f.buffer_mut())).unwrap();
            coalesced.draw(|f| Paragraph::new(lines.clone()).render(f.area(), f.buffer_mut())).unwrap();
            assert_eq!(plain.backend().buffer(), coalesced.backend().inner().buffer());
        }
    }

    /// Through a terminal emulator: the coalesced bytes draw the same screen, with fewer bytes.
    #[test]
    fn fewer_bytes_same_picture() {
        let area = Rect::new(0, 0, 30, 3);
        let fixed = || TerminalOptions { viewport: Viewport::Fixed(area) };
        let (out_plain, out_coalesced) = (Shared::default(), Shared::default());
        let mut plain = Terminal::with_options(CrosstermBackend::new(out_plain.clone()), fixed()).unwrap();
        let coalesce = Coalesce::with_size(CrosstermBackend::new(out_coalesced.clone()), area.as_size());
        let mut coalesced = Terminal::with_options(coalesce, fixed()).unwrap();
        let (mut vt_plain, mut vt_coalesced) = (vt(3, 30), vt(3, 30));
        let (mut bytes_plain, mut bytes_coalesced) = (0, 0);
        for lines in frames() {
            plain.draw(|f| Paragraph::new(lines.clone()).render(f.area(), f.buffer_mut())).unwrap();
            coalesced.draw(|f| Paragraph::new(lines.clone()).render(f.area(), f.buffer_mut())).unwrap();
            let p = out_plain.take();
            let c = out_coalesced.take();
            bytes_plain += p.len();
            bytes_coalesced += c.len();
            vt_plain.process(&p);
            vt_coalesced.process(&c);
            assert_eq!(cells(&vt_plain), cells(&vt_coalesced));
        }
        assert!(bytes_coalesced < bytes_plain, "{bytes_coalesced} >= {bytes_plain}");
    }
}
