//! What stands between a frame and the backend: the window size (capped, so an absurd size
//! cannot allocate gigabytes), the message shown when the window is larger than that cap,
//! and the repair of cells a terminal cannot show (half of a wide character).

use std::cell::Cell as Slot;
use std::io;

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::layout::{Position, Rect, Size};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// The largest window drawn: a 4K screen with a small font is about 640×180. Each frame
/// keeps two buffers of about 40 bytes a cell, so this is at most 40 MB.
pub const MAX_SIZE: Size = Size { width: 1000, height: 500 };

/// A backend whose size is the window's, asked once and then kept from resize events (the
/// size query opens `/dev/tty`), and capped at [`MAX_SIZE`]: ratatui allocates its buffers
/// at whatever size the backend reports.
pub struct Held<B> {
    inner: B,
    real: Slot<Option<Size>>,
}

impl<B> Held<B> {
    pub fn new(inner: B) -> Self {
        Held { inner, real: Slot::new(None) }
    }

    /// The size a resize event reported.
    pub fn set_size(&self, size: Size) {
        self.real.set(Some(size));
    }

    /// Forget the size: ask the terminal next time (after a stop, the window may have changed).
    pub fn forget_size(&self) {
        self.real.set(None);
    }

    /// The window's real size, uncapped.
    pub fn real_size(&self) -> io::Result<Size> {
        if let Some(size) = self.real.get() {
            return Ok(size);
        }
        let (width, height) = crossterm::terminal::size()?;
        let size = Size { width, height };
        self.real.set(Some(size));
        Ok(size)
    }
}

/// Whether a window is too large to draw.
pub fn too_large(size: Size) -> bool {
    size.width > MAX_SIZE.width || size.height > MAX_SIZE.height
}

/// The size drawn for a window of this size.
pub fn capped(size: Size) -> Size {
    Size { width: size.width.min(MAX_SIZE.width), height: size.height.min(MAX_SIZE.height) }
}

impl<B: Backend<Error = io::Error>> Backend for Held<B> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(content)
    }
    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }
    /// Not asked of the terminal: ratatui asks only to put the cursor back after a clear,
    /// and a full-screen frame with the cursor hidden has no position worth a round trip
    /// (which blocks for two seconds, then fails, where nothing answers).
    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(Position::ORIGIN)
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }
    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }
    fn size(&self) -> io::Result<Size> {
        self.real_size().map(capped)
    }
    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Drawn instead of the explorer when the window is over [`MAX_SIZE`].
pub fn render_too_large(real: Size, area: Rect, buf: &mut Buffer) {
    let lines = vec![
        Line::raw(format!("Terminal too large: {}×{}.", real.width, real.height)),
        Line::raw(format!("The most scm-vs-om draws is {}×{}.", MAX_SIZE.width, MAX_SIZE.height)),
        Line::raw("Make the window smaller, or press q to quit."),
    ];
    Paragraph::new(lines).wrap(Wrap { trim: true }).render(area, buf);
}

/// A wide character whose right half was drawn over (an overlay's edge on the second column
/// of a CJK character or a flag) becomes a blank, as a terminal would show it. Left as it
/// is, ratatui's diff skips the cell after an unchanged wide character, so the overlay's
/// border there would never be sent (reliability review F6).
pub fn blank_covered_wide_cells(buf: &mut Buffer) {
    blank_covered(buf, |_, _, _, _| {});
}

/// A cell's width, as `Cell::cell_width` gives it, without a table lookup for the printable
/// ASCII most cells hold (the lookup for every cell, twice, was a third of a key's time).
fn width(cell: &Cell) -> u16 {
    let symbol = cell.symbol().as_bytes();
    let forced = matches!(cell.diff_option, CellDiffOption::ForcedWidth(_));
    if !forced && symbol.len() == 1 && (b' '..0x7f).contains(&symbol[0]) { 1 } else { cell.cell_width() }
}

/// Blanks the wide characters drawn over, and tells `kept` of each one that stays: its
/// column, row, width and symbol. A row at a time, as a slice: indexing each cell by its
/// position cost more than the rest.
fn blank_covered(buf: &mut Buffer, mut kept: impl FnMut(u16, u16, u16, &str)) {
    let area = buf.area;
    let w = usize::from(area.width);
    for (y, row) in (area.top()..area.bottom()).zip(buf.content.chunks_exact_mut(w.max(1))) {
        let mut x = 0;
        while x < w {
            let width = usize::from(width(&row[x]).max(1));
            if width > 1 {
                let end = (x + width).min(w);
                if row[x + 1..end].iter().any(|c| !matches!(c.symbol(), " " | "")) {
                    row[x].set_symbol(" ");
                    x += 1;
                    continue;
                }
                kept(area.x + x as u16, y, width as u16, row[x].symbol());
            }
            x += width;
        }
    }
}

/// Repairs each frame before it is diffed, for what ratatui's diff assumes of terminals
/// and they do not all do.
#[derive(Default)]
pub struct Repair {
    /// The wide characters of the last frame: column, row, width, symbol.
    wide: Vec<(u16, u16, u16, String)>,
}

impl Repair {
    /// Blanks wide characters drawn over (see [`blank_covered_wide_cells`]), and resends
    /// the columns after a wide character of the last frame that this frame replaced. The
    /// diff skips those when they were and stay blank, but a terminal that drew the
    /// character as two narrow glyphs (flags in some emulators) still shows its right half
    /// there: flag fragments inside the search overlay (reliability review F6).
    pub fn frame(&mut self, buf: &mut Buffer) {
        // This frame's wide characters are noted in the same pass that blanks those drawn
        // over (a blanked one is no longer wide).
        let mut wide = Vec::new();
        blank_covered(buf, |x, y, width, symbol| wide.push((x, y, width, symbol.to_owned())));
        let area = buf.area;
        for (x, y, width, symbol) in std::mem::replace(&mut self.wide, wide) {
            if !area.contains(Position { x, y }) || buf[(x, y)].symbol() == symbol {
                continue;
            }
            for cx in x + 1..x.saturating_add(width).min(area.right()) {
                buf[(cx, y)].set_diff_option(CellDiffOption::AlwaysUpdate);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_character_drawn_over_becomes_a_blank() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 2));
        let plain = ratatui::style::Style::new();
        buf.set_string(0, 0, "ab供cd", plain);
        buf.set_string(0, 1, "ab供cd", plain);
        // An overlay's border lands on the right half of 供 on the first row only.
        buf[(3, 0)].set_symbol("║");
        blank_covered_wide_cells(&mut buf);
        let row = |y| (0..8).map(|x| buf[(x, y)].symbol().to_string()).collect::<String>();
        assert_eq!(row(0), "ab ║cd  ");
        assert_eq!(row(1), "ab供 cd  ", "an intact wide character stays");
    }

    /// The repair as it was, two passes with the width looked up for every cell: the
    /// reference for the one-pass repair.
    #[derive(Default)]
    struct TwoPasses {
        wide: Vec<(u16, u16, u16, String)>,
    }

    impl TwoPasses {
        fn frame(&mut self, buf: &mut Buffer) {
            let area = buf.area;
            for y in area.top()..area.bottom() {
                let mut x = area.left();
                while x < area.right() {
                    let width = buf[(x, y)].cell_width().max(1);
                    if width > 1 {
                        let end = x.saturating_add(width).min(area.right());
                        if (x + 1..end).any(|cx| !matches!(buf[(cx, y)].symbol(), " " | "")) {
                            buf[(x, y)].set_symbol(" ");
                            x += 1;
                            continue;
                        }
                    }
                    x = x.saturating_add(width);
                }
            }
            for (x, y, width, symbol) in self.wide.drain(..) {
                if !area.contains(Position { x, y }) || buf[(x, y)].symbol() == symbol {
                    continue;
                }
                for cx in x + 1..x.saturating_add(width).min(area.right()) {
                    buf[(cx, y)].set_diff_option(CellDiffOption::AlwaysUpdate);
                }
            }
            for y in area.top()..area.bottom() {
                for x in area.left()..area.right() {
                    let width = buf[(x, y)].cell_width();
                    if width > 1 {
                        self.wide.push((x, y, width, buf[(x, y)].symbol().to_owned()));
                    }
                }
            }
        }
    }

    proptest::proptest! {
        /// Frames of wide and narrow text with cells drawn over anywhere (an overlay's
        /// border, a symbol set straight into a cell), one after another: the one-pass repair
        /// leaves each as the two passes did.
        #[test]
        fn one_pass_repairs_as_two_did(
            frames in proptest::collection::vec(
                (
                    proptest::collection::vec("[ab 供😀🇫🇷é\u{301}]{0,12}", 3),
                    proptest::collection::vec((0u16..10, 0u16..3, proptest::sample::select(vec!["║", "x", " ", "", "供"])), 0..6),
                ),
                1..5,
            )
        ) {
            let area = Rect::new(0, 0, 10, 3);
            let (mut ours, mut theirs) = (Repair::default(), TwoPasses::default());
            for (rows, over) in frames {
                let mut buf = Buffer::empty(area);
                for (y, row) in rows.iter().enumerate() {
                    buf.set_string(0, y as u16, row, ratatui::style::Style::new());
                }
                for (x, y, symbol) in over {
                    buf[(x, y)].set_symbol(symbol);
                }
                let mut expected = buf.clone();
                ours.frame(&mut buf);
                theirs.frame(&mut expected);
                proptest::prop_assert_eq!(&buf, &expected);
                proptest::prop_assert_eq!(&ours.wide, &theirs.wide);
            }
        }
    }

    #[test]
    fn sizes_are_capped() {
        assert!(too_large(Size { width: 65535, height: 65535 }));
        assert!(too_large(Size { width: 1001, height: 10 }));
        assert!(!too_large(MAX_SIZE));
        assert_eq!(capped(Size { width: 65535, height: 3 }), Size { width: 1000, height: 3 });
    }
}
