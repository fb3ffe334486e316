//! Renders a screen many times, for profiling: `cargo run --release --example profile_render -- [DIR] [SCREEN]`.
use ratatui::{buffer::Buffer, layout::Rect};
use scm_vs_om::{
    BuiltinContent,
    action::Action,
    app::App,
    content::{Content, ContentSource},
    ui,
};

fn main() {
    let mut args = std::env::args().skip(1);
    let content = match args.next().filter(|a| a != "-") {
        Some(dir) => Content::load(&ContentSource::Dir(dir.into())).expect("valid"),
        None => Content::builtin(),
    };
    let screen = args.next().unwrap_or_else(|| "compare".into());
    let mut app = App::new(content, &ui::theme::DARK, (200, 60));
    match screen.as_str() {
        "help" => app.update(Action::ToggleHelp),
        "search" => {
            app.update(Action::OpenSearch);
            for c in "supplier".chars() {
                app.update(Action::Type(c));
            }
        }
        "glossary" => app.update(Action::GoToTab(2)),
        _ => app.update(Action::Down),
    }
    let area = Rect::new(0, 0, 200, 60);
    let mut buf = Buffer::empty(area);
    let n = 5000;
    let t = std::time::Instant::now();
    for _ in 0..n {
        buf.reset();
        ui::render(&app, area, &mut buf);
    }
    eprintln!("{screen}: {:?} per frame", t.elapsed() / n);
}
