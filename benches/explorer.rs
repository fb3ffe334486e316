//! Benchmarks: loading and validating the default content, and rendering each screen at
//! 200×60. Run with `cargo bench`.

use divan::{Bencher, black_box};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use scm_vs_om::action::Action;
use scm_vs_om::app::App;
use scm_vs_om::content::{Content, ContentSource};
use scm_vs_om::ui::{self, theme};

fn main() {
    divan::main();
}

#[divan::bench]
fn load_and_validate_builtin() -> Content {
    Content::load(black_box(&ContentSource::Builtin)).expect("valid")
}

/// The screens, as the actions that lead to them from the start.
const SCREENS: &[(&str, &[Action])] = &[
    ("compare_overview", &[]),
    ("compare_dimension", &[Action::Down, Action::Down, Action::Down]),
    ("compare_pane_focused", &[Action::Down, Action::FocusNext, Action::Down]),
    ("sources", &[Action::GoToTab(1), Action::Down]),
    ("help_overlay", &[Action::ToggleHelp]),
];

#[divan::bench(args = ["compare_overview", "compare_dimension", "compare_pane_focused", "sources", "help_overlay"])]
fn render_200x60(bencher: Bencher, screen: &str) {
    let (_, actions) = SCREENS.iter().find(|(name, _)| *name == screen).expect("known screen");
    let mut app = App::new(Content::builtin(), &theme::COLOUR, (200, 60));
    for a in *actions {
        app.update(*a);
    }
    let area = Rect::new(0, 0, 200, 60);
    let mut buf = Buffer::empty(area);
    bencher.bench_local(|| {
        buf.reset();
        ui::render(black_box(&app), area, &mut buf);
    });
}

/// One key press as the event loop handles it: the update, then a frame.
#[divan::bench]
fn key_then_frame_200x60(bencher: Bencher) {
    let mut app = App::new(Content::builtin(), &theme::COLOUR, (200, 60));
    let area = Rect::new(0, 0, 200, 60);
    let mut buf = Buffer::empty(area);
    let mut down = true;
    bencher.bench_local(|| {
        app.update(if down { Action::Down } else { Action::Up });
        down = !down;
        buf.reset();
        ui::render(&app, area, &mut buf);
    });
}
