//! The backend that writes frames as ANSI escape sequences, as few bytes as it can.
//!
//! ratatui's crossterm backend positions every run of cells with an absolute cursor move and
//! changes styles one attribute at a time. Here the cursor moves relatively where that is
//! shorter (`\r\n` to the next row, `ESC [ n C` forward) and each style change is one SGR
//! sequence. Relative moves are used only while the cursor position is certain: after a
//! character whose width terminals may disagree about, the next move is absolute again.
//! On a blank screen (the first frame, or after a clear) a short gap is written as spaces,
//! which is shorter than a move: the first frame then fits one 4 KiB read of the terminal.

use std::io::{self, Write};

use crossterm::{cursor, execute, queue, terminal};
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

pub struct Ansi<W: Write> {
    out: W,
    /// The terminal's size, asked once and then kept up to date from resize events:
    /// ratatui asks before every frame, and asking the terminal means opening `/dev/tty`.
    size: std::cell::Cell<Option<Size>>,
    /// The terminal shows nothing but blank cells where a frame skips: true at the start
    /// (the alternate screen begins empty) and after a clear, until the next frame.
    blank: bool,
}

impl<W: Write> Ansi<W> {
    pub fn new(out: W) -> Self {
        Ansi { out, size: std::cell::Cell::new(None), blank: true }
    }

    /// Where the bytes go (for the benchmarks, which write into memory).
    pub fn writer_mut(&mut self) -> &mut W {
        &mut self.out
    }

    /// The size a resize event reported.
    pub fn set_size(&self, size: Size) {
        self.size.set(Some(size));
    }
}

/// Style as the terminal has it: foreground, background, modifiers.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    modifier: Modifier,
}

const PLAIN: Pen = Pen { fg: Color::Reset, bg: Color::Reset, modifier: Modifier::empty() };

impl Pen {
    /// Whether a space written with this pen looks like a blank cell.
    fn writes_blank_spaces(self) -> bool {
        const SHOWS_ON_SPACE: Modifier = Modifier::REVERSED
            .union(Modifier::UNDERLINED)
            .union(Modifier::CROSSED_OUT)
            .union(Modifier::SLOW_BLINK)
            .union(Modifier::RAPID_BLINK);
        self.bg == Color::Reset && !self.modifier.intersects(SHOWS_ON_SPACE)
    }
}

/// Gaps up to this many cells on a blank screen are written as spaces instead of moved over.
const MAX_BLANK_GAP: u16 = 4;

/// One SGR sequence that sets the whole pen from a reset: `ESC [ 0 ; … m`.
fn write_pen(out: &mut impl Write, pen: Pen) -> io::Result<()> {
    out.write_all(b"\x1b[0")?;
    const CODES: [(Modifier, &[u8]); 8] = [
        (Modifier::BOLD, b";1"),
        (Modifier::DIM, b";2"),
        (Modifier::ITALIC, b";3"),
        (Modifier::UNDERLINED, b";4"),
        (Modifier::SLOW_BLINK, b";5"),
        (Modifier::REVERSED, b";7"),
        (Modifier::HIDDEN, b";8"),
        (Modifier::CROSSED_OUT, b";9"),
    ];
    for (m, code) in CODES {
        if pen.modifier.contains(m) {
            out.write_all(code)?;
        }
    }
    if pen.modifier.contains(Modifier::RAPID_BLINK) && !pen.modifier.contains(Modifier::SLOW_BLINK) {
        out.write_all(b";6")?;
    }
    write_color(out, pen.fg, 30)?;
    write_color(out, pen.bg, 40)?;
    out.write_all(b"m")
}

/// `base` is 30 for the foreground, 40 for the background.
fn write_color(out: &mut impl Write, color: Color, base: u8) -> io::Result<()> {
    let offset = match color {
        Color::Reset => return Ok(()),
        Color::Indexed(i) => return write!(out, ";{};5;{i}", base + 8),
        Color::Rgb(r, g, b) => return write!(out, ";{};2;{r};{g};{b}", base + 8),
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 60,
        Color::LightRed => 61,
        Color::LightGreen => 62,
        Color::LightYellow => 63,
        Color::LightBlue => 64,
        Color::LightMagenta => 65,
        Color::LightCyan => 66,
        Color::White => 67,
    };
    write!(out, ";{}", base + offset)
}

/// Characters every terminal agrees take one column: ASCII, Latin letters, box drawing,
/// blocks and the geometric shapes used for markers.
fn width_is_certain(symbol: &str) -> bool {
    symbol.chars().all(|c| matches!(c, ' '..='~' | '\u{a0}'..='\u{24f}' | '\u{2500}'..='\u{25ff}'))
}

/// The columns after writing `symbol` at `x`, when every terminal agrees on them.
fn column_after(symbol: &str, x: u16) -> Option<u16> {
    match symbol.as_bytes() {
        [b' '..=b'~'] => Some(x + 1),
        _ => width_is_certain(symbol).then(|| x + symbol.width() as u16),
    }
}

impl<W: Write> Backend for Ansi<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        // Each frame starts (and ends, below) with the terminal's pen reset.
        let mut pen = PLAIN;
        // Where the cursor is, when that is certain.
        let mut at: Option<(u16, u16)> = None;
        let blank = std::mem::replace(&mut self.blank, false);
        for (x, y, cell) in content {
            match at {
                Some((cx, cy)) if cy == y && cx == x => {}
                Some((cx, cy))
                    if blank && cy == y && x > cx && x - cx <= MAX_BLANK_GAP && pen.writes_blank_spaces() =>
                {
                    self.out.write_all(&b"    "[..usize::from(x - cx)])?
                }
                Some((cx, cy)) if cy == y && x > cx && x - cx == 1 => self.out.write_all(b"\x1b[C")?,
                Some((cx, cy)) if cy == y && x > cx && x - cx < 100 => write!(self.out, "\x1b[{}C", x - cx)?,
                Some((_, cy)) if x == 0 && cy == y => self.out.write_all(b"\r")?,
                Some((_, cy)) if x == 0 && cy + 1 == y => self.out.write_all(b"\r\n")?,
                _ => write!(self.out, "\x1b[{};{}H", y + 1, x + 1)?,
            }
            let wanted = Pen { fg: cell.fg, bg: cell.bg, modifier: cell.modifier };
            if pen != wanted {
                write_pen(&mut self.out, wanted)?;
                pen = wanted;
            }
            let symbol = cell.symbol();
            self.out.write_all(symbol.as_bytes())?;
            at = column_after(symbol, x).map(|cx| (cx, y));
        }
        if pen != PLAIN {
            self.out.write_all(b"\x1b[0m")?;
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        execute!(self.out, cursor::Hide)
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        execute!(self.out, cursor::Show)
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        cursor::position().map(|(x, y)| Position { x, y })
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        execute!(self.out, cursor::MoveTo(x, y))
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        use terminal::ClearType as C;
        self.blank = clear_type == ClearType::All;
        let kind = match clear_type {
            ClearType::All => C::All,
            ClearType::AfterCursor => C::FromCursorDown,
            ClearType::BeforeCursor => C::FromCursorUp,
            ClearType::CurrentLine => C::CurrentLine,
            ClearType::UntilNewLine => C::UntilNewLine,
        };
        execute!(self.out, terminal::Clear(kind))
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        for _ in 0..n {
            queue!(self.out, crossterm::style::Print("\n"))?;
        }
        self.out.flush()
    }

    fn size(&self) -> io::Result<Size> {
        if let Some(size) = self.size.get() {
            return Ok(size);
        }
        let (width, height) = terminal::size()?;
        let size = Size { width, height };
        self.size.set(Some(size));
        Ok(size)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let terminal::WindowSize { columns, rows, width, height } = terminal::window_size()?;
        Ok(WindowSize { columns_rows: Size { width: columns, height: rows }, pixels: Size { width, height } })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use ratatui::backend::CrosstermBackend;
    use ratatui::layout::Rect;
    use ratatui::style::Style;
    use ratatui::text::{Line, Span};
    use ratatui::widgets::{Block, Paragraph, Widget};
    use ratatui::{Terminal, TerminalOptions, Viewport};

    use super::*;
    use crate::terminal::test_support::{Shared, cells, vt};

    fn frames() -> Vec<Vec<Line<'static>>> {
        let styled = |t: &'static str, s: Style| Span::styled(t, s);
        vec![
            vec![
                Line::from(vec![
                    styled("bold ", Style::new().add_modifier(Modifier::BOLD)),
                    styled("rev", Style::new().add_modifier(Modifier::REVERSED)),
                    Span::raw("     gap"),
                ]),
                Line::from(vec![
                    styled("red", Style::new().fg(Color::Red)),
                    styled(" idx", Style::new().fg(Color::Indexed(202)).bg(Color::DarkGray)),
                    styled(" rgb", Style::new().fg(Color::Rgb(1, 2, 3)).add_modifier(Modifier::UNDERLINED)),
                ]),
                Line::raw("供应链 wide 😀 then text to the very last column!"),
            ],
            vec![
                Line::raw("bold changed   gap"),
                Line::styled("all italic now", Style::new().add_modifier(Modifier::ITALIC)),
                Line::raw("x"),
            ],
        ]
    }

    /// Drawn through a terminal emulator, the bytes show exactly what ratatui's own crossterm
    /// backend shows, frame after frame, and there are fewer of them.
    #[test]
    fn same_screen_as_crossterm_backend_in_fewer_bytes() {
        let area = Rect::new(0, 0, 40, 5);
        let fixed = || TerminalOptions { viewport: Viewport::Fixed(area) };
        let (out_ref, out_ansi) = (Shared::default(), Shared::default());
        let mut reference = Terminal::with_options(CrosstermBackend::new(out_ref.clone()), fixed()).unwrap();
        let mut ansi = Terminal::with_options(Ansi::new(out_ansi.clone()), fixed()).unwrap();
        let (mut vt_ref, mut vt_ansi) = (vt(5, 40), vt(5, 40));
        let (mut bytes_ref, mut bytes_ansi) = (0, 0);
        for lines in frames() {
            let draw = |f: &mut ratatui::Frame| {
                Paragraph::new(lines.clone()).block(Block::bordered()).render(f.area(), f.buffer_mut())
            };
            reference.draw(draw).unwrap();
            ansi.draw(draw).unwrap();
            let (r, a) = (out_ref.take(), out_ansi.take());
            bytes_ref += r.len();
            bytes_ansi += a.len();
            vt_ref.process(&r);
            vt_ansi.process(&a);
            assert_eq!(cells(&vt_ref), cells(&vt_ansi));
        }
        assert!(bytes_ansi < bytes_ref, "{bytes_ansi} >= {bytes_ref}");
    }

    /// Wide and composed text: CJK (Chinese, Korean), flags, ZWJ sequences, combining
    /// marks, a ZWJ between letters, next to ASCII.
    const WIDE: [&str; 5] = [
        "Def 供应链管理供应链 end",
        "👨‍👩‍👧‍👦 family 👩🏽‍💻 coder",
        "🇯🇵🇺🇦🇩🇪🇫🇷 flags 🇮🇹",
        "e\u{301} and n\u{303} 한국어 x",
        "a‍b ZWJ between letters",
    ];

    /// Emoji with VS16 (emoji presentation), which terminals count as one column or two.
    const VS16: &str = "❤️ and ☀️ then 🏳️‍🌈 ok";

    /// Lines of text, with an overlay over them (a cleared, bordered box, as search is) at
    /// `overlay`, shifted `shift` columns; then the repair the event loop applies.
    fn wide_frame(
        buf: &mut ratatui::buffer::Buffer,
        repair: &mut crate::terminal::Repair,
        lines: &[&str],
        shift: u16,
        overlay: Option<Rect>,
    ) {
        for (y, line) in lines.iter().enumerate() {
            let style = if y % 2 == 0 { Style::new() } else { Style::new().fg(Color::Cyan) };
            buf.set_string(shift, y as u16, line, style);
        }
        if let Some(o) = overlay {
            ratatui::widgets::Clear.render(o, buf);
            Paragraph::new("供 🇯🇵 search").block(Block::bordered()).render(o, buf);
        }
        repair.frame(buf);
    }

    /// The frames: the text; an overlay whose left edge lands on the right half of wide
    /// characters (the search-overlay case of the reliability review, F6); another place;
    /// closed; the text shifted under a new overlay; closed again.
    const FRAMES: [(u16, Option<Rect>); 6] = [
        (0, None),
        (0, Some(Rect::new(6, 0, 16, 5))),
        (0, Some(Rect::new(1, 1, 12, 4))),
        (0, None),
        (1, Some(Rect::new(5, 1, 18, 4))),
        (1, None),
    ];

    /// Through a terminal emulator, the own backend shows exactly what ratatui's stock
    /// backend shows on wide and composed text, under and around overlays, frame after
    /// frame; and every overlay's left border is on screen.
    #[test]
    fn same_screen_as_crossterm_backend_on_wide_text_and_overlays() {
        let (rows, cols) = (6, 32);
        let area = Rect::new(0, 0, cols, rows);
        let fixed = || TerminalOptions { viewport: Viewport::Fixed(area) };
        let (out_ref, out_ansi) = (Shared::default(), Shared::default());
        let mut reference = Terminal::with_options(CrosstermBackend::new(out_ref.clone()), fixed()).unwrap();
        let mut ansi = Terminal::with_options(Ansi::new(out_ansi.clone()), fixed()).unwrap();
        let (mut vt_ref, mut vt_ansi) = (vt(rows, cols), vt(rows, cols));
        let (mut repair_ref, mut repair_ansi) = Default::default();
        for (i, (shift, overlay)) in FRAMES.into_iter().enumerate() {
            reference.draw(|f| wide_frame(f.buffer_mut(), &mut repair_ref, &WIDE, shift, overlay)).unwrap();
            ansi.draw(|f| wide_frame(f.buffer_mut(), &mut repair_ansi, &WIDE, shift, overlay)).unwrap();
            vt_ref.process(&out_ref.take());
            vt_ansi.process(&out_ansi.take());
            let (r, a) = (vt_ref.screen().contents(), vt_ansi.screen().contents());
            assert_eq!(cells(&vt_ref), cells(&vt_ansi), "frame {i}:\n{r}\nvs\n{a}");
            if let Some(o) = overlay {
                for y in o.top()..o.bottom() {
                    let edge = vt_ansi.screen().cell(y, o.left()).unwrap().contents().to_string();
                    assert!(["┌", "│", "└"].contains(&edge.as_str()), "frame {i}, row {y}: `{edge}`:\n{a}");
                }
            }
        }
    }

    /// With VS16 emoji (which terminals count as one column or two), frame after frame,
    /// under and around overlays, nothing drifts: every ASCII character of the frame is in
    /// its own column on screen. (ratatui's stock backend writes the cell after a VS16
    /// emoji without moving the cursor, so where the terminal counts the emoji narrower
    /// than ratatui does, the rest of its row shifts: ratatui issue #2651.)
    #[test]
    fn vs16_emoji_never_shift_the_row() {
        // Not the ZWJ family: an emulator that draws each of its people in two columns
        // overflows its two cells whatever a backend does.
        let lines = [WIDE[0], VS16, WIDE[2], VS16, WIDE[3], WIDE[4]];
        let (rows, cols) = (lines.len() as u16, 32);
        let area = Rect::new(0, 0, cols, rows);
        let out = Shared::default();
        let mut ansi = Terminal::with_options(
            Ansi::new(out.clone()),
            TerminalOptions { viewport: Viewport::Fixed(area) },
        )
        .unwrap();
        let mut screen = vt(rows, cols);
        let mut repair = crate::terminal::Repair::default();
        for (i, (shift, overlay)) in FRAMES.into_iter().enumerate() {
            let frame =
                ansi.draw(|f| wide_frame(f.buffer_mut(), &mut repair, &lines, shift, overlay)).unwrap();
            screen.process(&out.take());
            for (x, y) in (0..rows).flat_map(|y| (0..cols).map(move |x| (x, y))) {
                let want = frame.buffer[(x, y)].symbol();
                if want.len() == 1 && want != " " {
                    let got = screen.screen().cell(y, x).unwrap().contents();
                    assert_eq!(got, want, "frame {i}, column {x}, row {y}:\n{}", screen.screen().contents());
                }
            }
        }
    }

    /// Why `blank_covered_wide_cells` exists: without it, ratatui's diff skips the cell after
    /// an unchanged wide character, so an overlay's border drawn there is never sent. If
    /// this starts failing, ratatui has fixed its diff and the repair may go.
    #[test]
    fn without_the_repair_an_overlay_border_on_a_wide_character_is_never_sent() {
        let area = Rect::new(0, 0, 12, 1);
        let mut prev = ratatui::buffer::Buffer::empty(area);
        prev.set_string(0, 0, "ab供应cd", Style::new());
        let mut next = prev.clone();
        next[(3, 0)].set_symbol("│"); // the right half of 供
        let sent: Vec<u16> = prev.diff(&next).iter().map(|(x, _, _)| *x).collect();
        assert!(!sent.contains(&3), "ratatui now sends the border cell: {sent:?}");
        crate::terminal::blank_covered_wide_cells(&mut next);
        let sent: Vec<u16> = prev.diff(&next).iter().map(|(x, _, _)| *x).collect();
        assert_eq!(sent, [2, 3], "the blanked wide character, then the border");
    }

    /// On the blank first frame, a one-cell gap between words is a space (1 byte), not a
    /// cursor move (3); once the screen has content, gaps are moved over.
    #[test]
    fn short_gaps_on_a_blank_screen_are_spaces() {
        let area = Rect::new(0, 0, 20, 1);
        let out = Shared::default();
        let mut t = Terminal::with_options(
            Ansi::new(out.clone()),
            TerminalOptions { viewport: Viewport::Fixed(area) },
        )
        .unwrap();
        t.draw(|f| Line::raw("ab cd").render(f.area(), f.buffer_mut())).unwrap();
        let first = String::from_utf8(out.take()).unwrap();
        assert!(first.contains("ab cd"), "{first:?}");
        t.draw(|f| Line::raw("xb cx").render(f.area(), f.buffer_mut())).unwrap();
        let second = String::from_utf8(out.take()).unwrap();
        assert!(second.contains("x\x1b[3Cx"), "{second:?}");
    }

    #[test]
    fn one_sgr_per_style_change() {
        let mut out = Vec::new();
        write_pen(&mut out, Pen { fg: Color::Cyan, bg: Color::Reset, modifier: Modifier::BOLD }).unwrap();
        assert_eq!(out, b"\x1b[0;1;36m");
        out.clear();
        write_pen(&mut out, Pen { fg: Color::White, bg: Color::Indexed(8), modifier: Modifier::empty() })
            .unwrap();
        assert_eq!(out, b"\x1b[0;97;48;5;8m");
    }
}
