//! Helpers shared by the integration tests: building an app and driving it with keys.

#![allow(dead_code)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use scm_vs_om::BuiltinContent;
use scm_vs_om::app::App;
use scm_vs_om::content::{Content, ContentSource};
use scm_vs_om::keymap;
use scm_vs_om::ui::{self, theme};

/// The smallest complete pack's files, in `FILES` order.
pub const MINIMAL: [&str; 6] = [
    include_str!("../packs/minimal/disciplines.toml"),
    include_str!("../packs/minimal/sources.toml"),
    include_str!("../packs/minimal/compare.toml"),
    include_str!("../packs/minimal/quiz.toml"),
    include_str!("../packs/minimal/glossary.toml"),
    include_str!("../packs/minimal/fit.toml"),
];

pub fn builtin_app(width: u16, height: u16) -> App {
    App::new(Content::builtin(), &theme::COLOUR, (width, height))
}

pub fn pack_app(pack: &str, width: u16, height: u16) -> App {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/packs").join(pack);
    let content = Content::load(&ContentSource::Dir(dir)).unwrap_or_else(|e| panic!("{e}"));
    App::new(content, &theme::COLOUR, (width, height))
}

/// The minimal pack's files after `edit` has changed their texts (disciplines, sources,
/// compare, quiz, glossary, fit), ready to load.
pub fn minimal_edited(edit: impl FnOnce(&mut [String; 6])) -> Vec<scm_vs_om::content::FileText> {
    let mut texts = MINIMAL.map(str::to_owned);
    edit(&mut texts);
    scm_vs_om::content::FILES
        .iter()
        .zip(texts)
        .map(|(name, text)| scm_vs_om::content::decode(format!("pack/{name}"), text.into_bytes()))
        .collect()
}

/// A test pack with one file's text edited first (`edit` gets the file's name and its text),
/// for a variant of a pack without a copy of it on disk.
pub fn edited_pack_app(pack: &str, width: u16, height: u16, edit: impl Fn(&str, &mut String)) -> App {
    use scm_vs_om::content::{FILES, decode};
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/packs").join(pack);
    let files = FILES
        .iter()
        .map(|name| {
            let mut text = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
            edit(name, &mut text);
            decode(format!("{pack}/{name}"), text.into_bytes())
        })
        .collect();
    let content = Content::from_files(files).unwrap_or_else(|e| panic!("{e}"));
    App::new(content, &theme::COLOUR, (width, height))
}

/// A key as a test writes it: one character, or a name in angle brackets (`<Down>`,
/// `<C-d>`, `<S-Tab>`).
pub fn key(name: &str) -> KeyEvent {
    let none = KeyModifiers::NONE;
    let code = match name {
        "<Up>" => KeyCode::Up,
        "<Down>" => KeyCode::Down,
        "<Left>" => KeyCode::Left,
        "<Right>" => KeyCode::Right,
        "<PgUp>" => KeyCode::PageUp,
        "<PgDn>" => KeyCode::PageDown,
        "<Home>" => KeyCode::Home,
        "<End>" => KeyCode::End,
        "<Enter>" => KeyCode::Enter,
        "<Esc>" => KeyCode::Esc,
        "<Tab>" => KeyCode::Tab,
        "<Space>" => KeyCode::Char(' '),
        "<Backspace>" => KeyCode::Backspace,
        "<S-Tab>" => return KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        n if n.starts_with("<C-") => {
            let c = n.chars().nth(3).expect("a letter after <C-");
            return KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        }
        n => {
            let mut chars = n.chars();
            let c = chars.next().expect("a key");
            assert!(chars.next().is_none(), "unknown key name {n}");
            let mods = if c.is_ascii_uppercase() { KeyModifiers::SHIFT } else { none };
            return KeyEvent::new(KeyCode::Char(c), mods);
        }
    };
    KeyEvent::new(code, none)
}

/// Presses keys, given as whitespace-separated names, through the real key table. Like the
/// event loop, a frame is drawn (its record handed to the app) before the first key and
/// after each one, so every key meets the screen it was pressed on.
pub fn press(app: &mut App, keys: &str) {
    ui::draw(app);
    for name in keys.split_whitespace() {
        if let Some(action) = keymap::action_for(&app.contexts(), &key(name)) {
            app.update(action);
        }
        ui::draw(app);
    }
}

/// The frame as ratatui's test backend holds it (cells with their styles), for snapshots.
pub fn render(app: &App) -> TestBackend {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::render(app, f.area(), f.buffer_mut())).unwrap();
    terminal.backend().clone()
}

/// The screen as text, one line per row, as a user would see it.
pub fn screen(app: &App) -> String {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| {
            ui::render(app, f.area(), f.buffer_mut());
        })
        .unwrap();
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        let mut x = 0;
        while x < w {
            let symbol = buf[(x, y)].symbol();
            line.push_str(symbol);
            // A wide character covers the next cell too.
            x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

thread_local! {
    /// The time a test's app sees: fixed unless the test moves it.
    pub static NOW: std::cell::Cell<u64> = const { std::cell::Cell::new(1_764_000_000) };
}

/// A clock for tests: this thread's `NOW`.
pub fn test_clock() -> u64 {
    NOW.with(|n| n.get())
}

pub fn advance_clock(seconds: u64) {
    NOW.with(|n| n.set(n.get() + seconds));
}

/// The built-in content with a seeded quiz, no saved history and the test clock.
pub fn quiz_app(width: u16, height: u16, seed: u64) -> App {
    builtin_app(width, height).with_quiz(scm_vs_om::quiz::History::disabled(), seed).with_clock(test_clock)
}

/// The letters that answer the current card right (all of them, for a choose-all card); for
/// a typed card, the text that answers it right (its first accepted answer).
pub fn right_letters(app: &App) -> Vec<String> {
    let card = app.quiz.session.as_ref().and_then(|s| s.card()).expect("a question is showing");
    if card.is_typed() {
        return vec![card.accepted[0].clone()];
    }
    card.correct.iter().map(|&i| scm_vs_om::keymap::OPTION_LETTERS[i].to_string()).collect()
}

/// Letters that answer the current card wrong; for a typed card, text that matches nothing.
pub fn wrong_letters(app: &App) -> Vec<String> {
    let card = app.quiz.session.as_ref().and_then(|s| s.card()).expect("a question is showing");
    if card.is_typed() {
        return vec!["qqqq zzzz xxxx".into()];
    }
    let wrong = (0..card.options.len()).find(|i| !card.correct.contains(i)).expect("a wrong option");
    vec![scm_vs_om::keymap::OPTION_LETTERS[wrong].to_string()]
}

/// Answers the current card with the given letters the way a user would.
/// A typed card takes them as the text typed, then Enter.
pub fn answer_with(app: &mut App, letters: &[String]) {
    if app.quiz.session.as_ref().and_then(|s| s.card()).is_some_and(|c| c.is_typed()) {
        app.insert_text(&letters.join(" "));
        press(app, "<Enter>");
        return;
    }
    let multi = app.quiz.session.as_ref().and_then(|s| s.card()).is_some_and(|c| c.multi);
    press(app, &letters.join(" "));
    if multi {
        press(app, "<Enter>");
    }
}
