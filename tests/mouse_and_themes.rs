//! Mouse events driving the app, and every theme's styles where they carry meaning.

mod common;
mod pty_support;

use common::{builtin_app, press, quiz_app, screen};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use scm_vs_om::BuiltinContent;
use scm_vs_om::action::Action;
use scm_vs_om::app::{App, CompareFocus, Tab};
use scm_vs_om::content::Content;
use scm_vs_om::ui::{self, theme};
use scm_vs_om::view::Region;

/// Where text first appears on screen: (column, row). The frame is drawn as the event loop
/// draws it, so a click that follows is looked up in what it showed.
fn find(app: &mut App, text: &str) -> (u16, u16) {
    ui::draw(app);
    for (y, line) in screen(app).lines().enumerate() {
        if let Some(byte) = line.find(text) {
            let x = unicode_width::UnicodeWidthStr::width(&line[..byte]);
            return (x as u16, y as u16);
        }
    }
    panic!("`{text}` is not on screen:\n{}", screen(app));
}

#[test]
fn clicking_a_tab_switches_to_it() {
    let mut app = builtin_app(120, 40);
    let (x, y) = find(&mut app, "3 Glossary");
    app.update(Action::Click(x + 2, y));
    assert_eq!(app.tab, Tab::Glossary);
    let (x, y) = find(&mut app, "1 Compare");
    app.update(Action::Click(x, y));
    assert_eq!(app.tab, Tab::Compare);
}

#[test]
fn clicking_list_items_selects_them() {
    let mut app = builtin_app(120, 40);
    press(&mut app, "<Enter> h");
    let (x, y) = find(&mut app, "  Inventory");
    app.update(Action::Click(x + 3, y));
    assert_eq!(app.compare.dimension(), app.content.dimension_index("inventory"));
    // A group heading is not an entry: nothing changes.
    let (x, y) = find(&mut app, "Planning and forecasting");
    app.update(Action::Click(x + 1, y));
    assert_eq!(app.compare.dimension(), app.content.dimension_index("inventory"));
    // Sources and glossary lists too.
    press(&mut app, "5");
    let second = app.content.sources[2].label().to_string();
    let (x, y) = find(&mut app, &second);
    app.update(Action::Click(x, y));
    assert_eq!(app.sources.selected, 2);
    press(&mut app, "3");
    let (x, y) = find(&mut app, "Bullwhip effect");
    app.update(Action::Click(x, y));
    assert_eq!(app.content.terms[app.glossary.term].name, "Bullwhip effect");
}

#[test]
fn the_wheel_scrolls_what_is_under_the_pointer_and_a_click_focuses_it() {
    let mut app = builtin_app(60, 16);
    app.open_dimension(app.content.dimension_index("certifications").unwrap());
    // With the list back beside the dimension, the wheel over the text scrolls it.
    app.update(Action::FocusPrev);
    ui::draw(&mut app);
    let text = app.drawn.shown(Region::Reading).expect("the dimension is drawn").area;
    let list = app.drawn.shown(Region::CompareList).expect("the list is drawn").area;
    let (x, y) = (text.x + 2, text.y + 3);
    assert_eq!(app.compare.scroll, 0);
    app.update(Action::Wheel(x, y, true));
    assert!(app.compare.scroll > 0, "scrolled");
    assert_eq!(app.compare.focus, CompareFocus::List, "the wheel does not move the focus");
    app.update(Action::Wheel(x, y, false));
    assert_eq!(app.compare.scroll, 0);
    // Over the list, the wheel moves the selection.
    let before = app.compare.selected;
    app.update(Action::Wheel(list.x + 2, list.y + 3, true));
    assert_eq!(app.compare.selected, before + 1);
    ui::draw(&mut app);
    // A click on the text reads it across the whole width.
    let text = app.drawn.shown(Region::Reading).expect("the dimension is drawn").area;
    app.update(Action::Click(text.x + 2, text.y + 3));
    assert_eq!(app.compare.focus, CompareFocus::Reading);
}

#[test]
fn clicking_an_option_answers_and_clicking_a_result_jumps() {
    let mut app = quiz_app(120, 40, 8);
    press(&mut app, "2 <Enter>");
    while app.quiz.session.as_ref().unwrap().card().unwrap().multi {
        press(&mut app, "a <Enter> <Enter>");
    }
    let card = app.quiz.session.as_ref().unwrap().card().unwrap().clone();
    let (x, y) = find(&mut app, &format!("b) {}", &card.options[1]));
    app.update(Action::Click(x + 1, y));
    assert!(app.quiz.answered());
    assert_eq!(app.quiz.session.as_ref().unwrap().response().unwrap().chosen, [1]);
    // Search: a click on a result goes there; a click outside closes.
    let mut app = builtin_app(120, 40);
    press(&mut app, "/ i n v e n t o r y");
    let (x, y) = find(&mut app, "Compare    Inventory");
    app.update(Action::Click(x + 12, y));
    assert!(app.search.is_none());
    assert_eq!(app.compare.dimension(), app.content.dimension_index("inventory"));
    press(&mut app, "/");
    app.update(Action::Click(0, 39));
    assert!(app.search.is_none());
}

#[test]
fn clicks_anywhere_at_any_size_never_panic() {
    for (w, h) in [(0, 0), (1, 1), (39, 11), (80, 24), (200, 60)] {
        for keys in ["", "2 <Enter>", "3", "4", "5", "/ a", "?"] {
            let mut app = builtin_app(w, h);
            press(&mut app, keys);
            for (x, y) in [(0, 0), (w / 2, h / 2), (w.saturating_sub(1), h.saturating_sub(1)), (500, 500)] {
                app.update(Action::Wheel(x, y, true));
                app.update(Action::Click(x, y));
                let _ = screen(&app);
            }
        }
    }
}

/// The styles of one screen row as runs: `[fg bg modifiers] text`.
fn style_runs(backend: &TestBackend, y: u16) -> String {
    let buf = backend.buffer();
    let mut out = String::new();
    let mut last = None;
    for x in 0..buf.area.width {
        let c = &buf[(x, y)];
        let style = (c.fg, c.bg, c.modifier);
        if last != Some(style) {
            out.push_str(&format!("\n[{:?} {:?} {:?}] ", c.fg, c.bg, c.modifier));
            last = Some(style);
        }
        out.push_str(c.symbol());
    }
    out
}

fn themed(t: &'static theme::Theme) -> String {
    let mut app = App::new(Content::builtin(), t, (100, 30)).with_clock(common::test_clock);
    press(&mut app, "<Enter> h");
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal
        .draw(|f| {
            ui::render(&app, f.area(), f.buffer_mut());
        })
        .unwrap();
    // The header (tabs), the selected list row, the fields' names over their columns.
    let focused_title =
        screen(&app).lines().position(|l| l.contains("Supply Chain Management")).unwrap() as u16;
    let selected = screen(&app).lines().position(|l| l.contains("▸ ○✓ Definition")).unwrap() as u16;
    [0, selected, focused_title].map(|y| style_runs(terminal.backend(), y)).join("\n---")
}

#[test]
fn each_theme_styles_what_matters() {
    insta::assert_snapshot!("theme_dark", themed(&theme::DARK));
    insta::assert_snapshot!("theme_light", themed(&theme::LIGHT));
    insta::assert_snapshot!("theme_high_contrast", themed(&theme::HIGH_CONTRAST));
    insta::assert_snapshot!("theme_mono", themed(&theme::MONO));
}

#[test]
fn the_mono_theme_has_no_colour_anywhere() {
    let mut app = App::new(Content::builtin(), &theme::MONO, (120, 40)).with_clock(common::test_clock);
    for keys in
        ["", "j l", "?", "<Esc> 5 l", "2 <Enter>", "a", "<Enter>", "3 f", "4 4 2", "<Enter>", "/ s c o r"]
    {
        press(&mut app, keys);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        terminal
            .draw(|f| {
                ui::render(&app, f.area(), f.buffer_mut());
            })
            .unwrap();
        for cell in terminal.backend().buffer().content() {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?} after {keys:?}");
        }
    }
}

/// Where text first appears on the real program's screen: (column, row), 0-based.
fn find_on(s: &pty_support::Session, text: &str) -> (u16, u16) {
    s.wait_for(text);
    for (y, line) in s.text().lines().enumerate() {
        if let Some(byte) = line.find(text) {
            return (unicode_width::UnicodeWidthStr::width(&line[..byte]) as u16, y as u16);
        }
    }
    panic!("`{text}` is not on screen:\n{}", s.text());
}

/// A left click as a terminal reports it (SGR): press and release, 1-based.
fn click_at(s: &mut pty_support::Session, (x, y): (u16, u16)) {
    s.send(format!("\x1b[<0;{};{}M\x1b[<0;{};{}m", x + 1, y + 1, x + 1, y + 1).as_bytes());
}

/// The real program, end to end: the event loop hands each frame's record to the app, so a
/// click lands on what that frame showed under the pointer.
#[test]
fn a_click_in_the_real_program_lands_on_what_it_drew() {
    let mut s = pty_support::Session::start(&[], &[]);
    s.wait_for("Operations Management");
    let (x, y) = find_on(&s, "3 Glossary");
    click_at(&mut s, (x + 2, y));
    s.wait_for("Glossary: all");
    // The whole Glossary frame, not only its first rows: else `  Inventory` below can still
    // be the first Compare frame's, and its click reaches the app with the Glossary's record.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while s.text().contains("  Inventory") {
        assert!(std::time::Instant::now() < deadline, "the Glossary frame never finished:\n{}", s.text());
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let (x, y) = find_on(&s, "1 Compare");
    click_at(&mut s, (x, y));
    // Compare opens on the matrix; Enter opens the first dimension, ← the list beside it.
    s.wait_for("◆ Both");
    s.send(b"\r");
    s.wait_for("1/44  Definition and scope");
    s.send(b"h");
    s.wait_for("Dimensions");
    let (x, y) = find_on(&s, "  Inventory");
    click_at(&mut s, (x + 3, y));
    s.wait_for("Inventory  21/44");
    s.send(b"q");
    let (_, raw, parser) = s.exit_code();
    pty_support::assert_restored(&raw, &parser);
}

#[test]
fn clicking_a_related_term_highlights_it_and_enter_opens_it() {
    let mut app = builtin_app(120, 40);
    app.open_dimension(app.content.dimension_index("inventory").unwrap());
    let related = app.related_terms();
    let name = app.content.terms[related[2]].name.clone();
    let (x, y) = find(&mut app, &format!("· {name} "));
    app.update(Action::Click(x + 2, y));
    assert_eq!(app.compare.focus, CompareFocus::Terms);
    assert_eq!(app.compare.term, 2);
    press(&mut app, "<Enter>");
    assert_eq!(app.tab, Tab::Glossary);
    assert_eq!(app.glossary.term, related[2]);
}
