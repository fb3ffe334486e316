//! Helpers for the backend tests: an output the test can read, and a terminal emulator's view.

/// An output both a test and a backend can hold.
#[derive(Clone, Default)]
pub struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl Shared {
    pub fn take(&self) -> Vec<u8> {
        std::mem::take(&mut self.0.borrow_mut())
    }
}

impl std::io::Write for Shared {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub fn vt(rows: u16, cols: u16) -> vt100::Parser {
    let nz = |n| std::num::NonZeroU16::new(n).expect("not zero");
    vt100::Parser::new(nz(rows), nz(cols), 0)
}

/// What each cell of an emulated screen shows: its text (a cell never written shows a space)
/// and its look.
pub fn cells(vt: &vt100::Parser) -> Vec<(String, vt100::Color, vt100::Color, [bool; 4])> {
    let screen = vt.screen();
    let (rows, cols) = screen.size();
    let mut out = Vec::new();
    for r in 0..rows.get() {
        for c in 0..cols.get() {
            let cell = screen.cell(r, c).expect("in range");
            let text = if cell.contents().is_empty() { " ".to_string() } else { cell.contents().to_string() };
            let look = [cell.bold(), cell.inverse(), cell.underline(), cell.italic()];
            out.push((text, cell.fgcolor(), cell.bgcolor(), look));
        }
    }
    out
}
