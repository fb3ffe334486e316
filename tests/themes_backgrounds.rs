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

/// What `--theme auto` asks: the background (OSC 11, ended by ST), then the device
/// attributes (DA1), which every terminal answers.
const QUERY: &[u8] = b"\x1b]11;?\x1b\\\x1b[c";

/// How a light terminal answers: the foreground too (some do), the background, then DA1.
const LIGHT_ANSWER: &[u8] = b"\x1b]10;rgb:0000/0000/0000\x1b\\\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;22c";

/// Waits until the title's background is `colour`.
fn wait_for_title(s: &Session, colour: vt100::Color, what: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while title_background(s) != colour {
        assert!(std::time::Instant::now() < deadline, "{what}: the title stayed {:?}", title_background(s));
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

fn times_sent(s: &Session, bytes: &[u8]) -> usize {
    s.raw.lock().unwrap().windows(bytes.len()).filter(|w| *w == bytes).count()
}

#[test]
fn auto_follows_a_light_background_the_terminal_reports_after_the_first_frame() {
    let mut s = Session::start(&["--no-history"], &[]);
    // The first frame comes without waiting for an answer, in the dark theme.
    s.wait_for("Operations Management");
    assert_eq!(title_background(&s), vt100::Color::Idx(6), "dark until the terminal answers");
    assert_eq!(times_sent(&s, QUERY), 1, "the question, asked once");
    // The answer comes later, while search is open: it changes the theme, and is no text.
    s.send(b"/");
    s.wait_for("type to search");
    s.send(LIGHT_ANSWER);
    wait_for_title(&s, vt100::Color::Idx(4), "the light theme's title");
    assert!(s.text().contains("type to search"), "the answer was typed:\n{}", s.text());
    s.send(b"\x1b");
    std::thread::sleep(std::time::Duration::from_millis(100));
    s.send(b"q");
    let (code, _, _) = s.exit_code();
    assert_eq!(code, 0);
}

#[test]
fn auto_stays_dark_when_the_terminal_answers_only_the_device_attributes() {
    let mut s = Session::start(&["--no-history"], &[]);
    s.wait_for("Operations Management");
    s.send(b"\x1b[?1;2c");
    // A light background reported after the exchange ended (a stray or late reply) is
    // ignored: auto was settled by the DA1.
    s.send(b"\x1b]11;rgb:ffff/ffff/ffff\x07");
    // Keys still work, and the help they open is drawn dark.
    s.send(b"?");
    s.wait_for("Esc, q or ? closes");
    assert_eq!(title_background(&s), vt100::Color::Idx(6), "still dark");
    s.send(b"?");
    std::thread::sleep(std::time::Duration::from_millis(100));
    s.send(b"q");
    assert_eq!(s.exit_code().0, 0);
}

#[test]
fn a_chosen_theme_asks_nothing_and_ignores_answers() {
    let mut s = Session::start(&["--no-history", "--theme", "dark"], &[]);
    s.wait_for("Operations Management");
    s.send(LIGHT_ANSWER);
    s.send(b"?");
    s.wait_for("Esc, q or ? closes");
    assert_eq!(title_background(&s), vt100::Color::Idx(6), "dark, as chosen");
    assert_eq!(times_sent(&s, b"\x1b]11;"), 0, "a chosen theme asks nothing");
    s.send(b"?");
    std::thread::sleep(std::time::Duration::from_millis(100));
    s.send(b"q");
    assert_eq!(s.exit_code().0, 0);
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

/// The answer about the background settles `auto` only, once, and is not a key: a notice
/// stays up and a question waiting for y or n keeps waiting.
#[test]
fn the_background_answer_settles_auto_once_and_is_no_key() {
    use scm_vs_om::action::Action;
    use scm_vs_om::cli::ThemeName;
    let auto = || App::new(Content::builtin(), ThemeName::Auto, (80, 24));
    let mut app = auto();
    app.notices.push("settings ignored".into());
    app.confirm = Some(scm_vs_om::app::Confirm::ClearFit);
    app.update(Action::Background(Some(ThemeName::Light)));
    assert_eq!(app.theme, ThemeName::Light);
    assert_eq!(app.notices, ["settings ignored"], "a notice stays until a key");
    assert_eq!(app.confirm, Some(scm_vs_om::app::Confirm::ClearFit), "the question still waits");
    app.update(Action::Background(Some(ThemeName::Dark)));
    assert_eq!(app.theme, ThemeName::Light, "settled: a second answer changes nothing");
    // No background reported (DA1 alone): dark, and a late answer changes nothing.
    let mut app = auto();
    app.update(Action::Background(None));
    assert_eq!(app.theme, ThemeName::Dark);
    app.update(Action::Background(Some(ThemeName::Light)));
    assert_eq!(app.theme, ThemeName::Dark);
    // A theme chosen (or NO_COLOR's mono) is never changed.
    for chosen in [ThemeName::Dark, ThemeName::Light, ThemeName::HighContrast, ThemeName::Mono] {
        let mut app = App::new(Content::builtin(), chosen, (80, 24));
        app.update(Action::Background(Some(ThemeName::Light)));
        app.update(Action::Background(Some(ThemeName::Dark)));
        assert_eq!(app.theme, chosen);
    }
}
