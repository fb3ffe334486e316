//! Property test: any sequence of keys at any terminal size (0×0 and 1×1 included) leaves
//! the app in a consistent state and renders without panicking.

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use scm_vs_om::action::Action;
use scm_vs_om::app::App;
use scm_vs_om::content::Content;
use scm_vs_om::keymap;
use scm_vs_om::ui::{self, theme};

fn any_key() -> impl Strategy<Value = KeyEvent> {
    let code = prop_oneof![
        Just(KeyCode::Up),
        Just(KeyCode::Down),
        Just(KeyCode::Left),
        Just(KeyCode::Right),
        Just(KeyCode::PageUp),
        Just(KeyCode::PageDown),
        Just(KeyCode::Home),
        Just(KeyCode::End),
        Just(KeyCode::Enter),
        Just(KeyCode::Esc),
        Just(KeyCode::Tab),
        Just(KeyCode::BackTab),
        Just(KeyCode::Backspace),
        Just(KeyCode::F(1)),
        // Printable ASCII, which covers every letter and digit binding.
        (0x20u8..0x7f).prop_map(|b| KeyCode::Char(b as char)),
        any::<char>().prop_map(KeyCode::Char),
    ];
    let mods = prop_oneof![
        4 => Just(KeyModifiers::NONE),
        1 => Just(KeyModifiers::SHIFT),
        1 => Just(KeyModifiers::CONTROL),
        1 => Just(KeyModifiers::ALT),
    ];
    let kind = prop_oneof![8 => Just(KeyEventKind::Press), 1 => Just(KeyEventKind::Release), 1 => Just(KeyEventKind::Repeat)];
    (code, mods, kind).prop_map(|(code, modifiers, kind)| {
        let mut ev = KeyEvent::new(code, modifiers);
        ev.kind = kind;
        ev
    })
}

#[derive(Debug, Clone)]
enum Step {
    Key(KeyEvent),
    Resize(u16, u16),
}

fn any_size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![Just((0, 0)), Just((1, 1)), Just((80, 24)), (0u16..20, 0u16..8), (0u16..301, 0u16..121),]
}

fn any_step() -> impl Strategy<Value = Step> {
    prop_oneof![
        9 => any_key().prop_map(Step::Key),
        1 => any_size().prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}

fn render(app: &App) {
    let (w, h) = app.size;
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    ui::render(app, area, &mut buf);
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(256),
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_keys_at_random_sizes_never_panic(
        size in any_size(),
        steps in proptest::collection::vec(any_step(), 0..80),
    ) {
        static CONTENT: std::sync::OnceLock<Content> = std::sync::OnceLock::new();
        let content = CONTENT.get_or_init(Content::builtin).clone();
        let mut app = App::new(content, &theme::COLOUR, size);
        render(&app);
        for step in steps {
            match step {
                Step::Key(ev) => {
                    if let Some(action) = keymap::action_for(&app.contexts(), &ev) {
                        app.update(action);
                    }
                }
                Step::Resize(w, h) => app.update(Action::Resize(w, h)),
            }
            if !app.running {
                break;
            }
            // The state stays within bounds whatever happened.
            prop_assert!(app.compare.selected < app.compare_entries());
            prop_assert!(app.sources.selected < app.content.sources.len().max(1));
            render(&app);
        }
    }
}
