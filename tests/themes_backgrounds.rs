//! Themes for every background: high contrast never leaves a colour on the terminal's own
//! background, and `auto` (the default) follows the background the terminal reports.

mod common;
mod pty_support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use scm_vs_om::BuiltinContent;
use scm_vs_om::app::App;
use scm_vs_om::content::Content;
use scm_vs_om::ui::{self, theme};

use pty_support::Session;

/// Cells whose text has a colour of its own but sits on the terminal's background: on a
/// background of that colour they would vanish.
fn coloured_on_default(app: &App) -> Vec<String> {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::render(app, f.area(), f.buffer_mut())).unwrap();
    let buf = terminal.backend().buffer();
    let mut found = Vec::new();
    for y in 0..h {
        for x in 0..w {
            let cell = &buf[(x, y)];
            if cell.fg != Color::Reset && cell.bg == Color::Reset && !cell.symbol().trim().is_empty() {
                found.push(format!("({x},{y}) {:?} {:?}", cell.symbol(), cell.fg));
            }
        }
    }
    found
}

#[test]
fn high_contrast_sets_no_colour_on_the_terminals_background_on_any_screen() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut app = App::new(Content::builtin(), &theme::HIGH_CONTRAST, (w, h))
            .with_quiz(scm_vs_om::quiz::History::disabled(), 1);
        // Compare (overview and a dimension), quiz start and a question, glossary, fit, sources, help.
        for keys in ["", "j j", "2", "2 <Enter>", "3", "4", "5", "1 ?"] {
            common::press(&mut app, keys);
            let bad = coloured_on_default(&app);
            assert!(bad.is_empty(), "{w}x{h} after `{keys}`: {:?}", &bad[..bad.len().min(5)]);
            common::press(&mut app, "<Esc>");
        }
    }
}

#[test]
fn high_contrast_never_uses_bright_white_or_grey_text() {
    let t = &theme::HIGH_CONTRAST;
    for (name, style) in [
        ("text", t.text),
        ("dim", t.dim),
        ("title", t.title),
        ("item", t.item),
        ("hint", t.hint),
        ("emphasis", t.emphasis),
        ("selected", t.selected),
        ("selected_unfocused", t.selected_unfocused),
        ("tab_active", t.tab_active),
    ] {
        assert!(
            !matches!(style.fg, Some(Color::White | Color::Gray | Color::DarkGray)) || style.bg.is_some(),
            "{name}: {style:?}"
        );
    }
}

/// The app title's background on the first row: cyan in the dark theme, blue in the light one.
fn title_background(s: &Session) -> vt100::Color {
    s.screen.lock().unwrap().screen().cell(0, 1).expect("a cell").bgcolor()
}

#[test]
fn auto_follows_a_light_background_the_terminal_reports() {
    let mut s = Session::start(&["--no-history"], &[]);
    // Answer the queries as a light terminal does: foreground, background, then the device
    // attributes that end the exchange.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !s.raw.lock().unwrap().windows(5).any(|w| w == b"\x1b]11;") {
        assert!(std::time::Instant::now() < deadline, "the terminal was never asked for its background");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    s.send(b"\x1b]10;rgb:0000/0000/0000\x1b\\\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;22c");
    s.wait_for("Operations Management");
    assert_eq!(title_background(&s), vt100::Color::Idx(4), "the light theme's title");
    s.send(b"q");
    let (code, _, _) = s.exit_code();
    assert_eq!(code, 0);
}

#[test]
fn auto_without_an_answer_is_dark_and_no_color_is_mono() {
    let mut s = Session::start(&["--no-history"], &[]);
    s.wait_for("Operations Management");
    assert_eq!(title_background(&s), vt100::Color::Idx(6), "the dark theme's title");
    s.send(b"q");
    assert_eq!(s.exit_code().0, 0);
    let mut s = Session::start(&["--no-history"], &[("NO_COLOR", "1")]);
    s.wait_for("Operations Management");
    assert_eq!(title_background(&s), vt100::Color::Default, "mono uses reverse video, no colour");
    let raw = s.raw.lock().unwrap().clone();
    assert!(!raw.windows(5).any(|w| w == b"\x1b]11;"), "mono asks nothing of the terminal");
    s.send(b"q");
    assert_eq!(s.exit_code().0, 0);
}
