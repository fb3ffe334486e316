//! Arbitrary bytes as one content file among a valid pack's others (the first byte picks
//! which), or as all six (split at the record separator byte, 0x1E). Loading must never
//! panic; what loads must draw every tab at two sizes without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use scm_vs_om::action::Action;
use scm_vs_om::app::App;
use scm_vs_om::content::{Content, FILES, decode};
use scm_vs_om::ui::{self, theme};

/// The smallest complete pack: a mutated file still meets valid neighbours, so the fuzzer
/// reaches reference checking and the model, not only the TOML parser.
const BASE: [&str; 6] = [
    include_str!("../../tests/packs/minimal/disciplines.toml"),
    include_str!("../../tests/packs/minimal/sources.toml"),
    include_str!("../../tests/packs/minimal/compare.toml"),
    include_str!("../../tests/packs/minimal/quiz.toml"),
    include_str!("../../tests/packs/minimal/glossary.toml"),
    include_str!("../../tests/packs/minimal/fit.toml"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let mut files: Vec<Vec<u8>> = BASE.iter().map(|t| t.as_bytes().to_vec()).collect();
    if selector < 0xf0 {
        files[usize::from(selector) % 6] = rest.to_vec();
    } else {
        let mut parts = rest.split(|&b| b == b'\x1e');
        for f in &mut files {
            *f = parts.next().unwrap_or_default().to_vec();
        }
    }
    let texts = FILES.iter().zip(files).map(|(name, bytes)| decode((*name).to_string(), bytes)).collect();
    let Ok(content) = Content::from_files(texts) else { return };
    for (w, h) in [(80, 24), (30, 8)] {
        let mut app = App::new(content.clone(), &theme::DARK, (w, h));
        let area = Rect::new(0, 0, w, h);
        for action in [
            Action::Down,
            Action::FocusNext,
            Action::GoToTab(1),
            Action::Select,
            Action::Choose(0),
            Action::Select,
            Action::GoToTab(2),
            Action::Down,
            Action::GoToTab(3),
            Action::Rate(5),
            Action::GoToTab(4),
            Action::OpenSearch,
            Action::Type('e'),
        ] {
            app.update(action);
            let mut buf = Buffer::empty(area);
            // As the event loop does: the app takes in what the frame drew.
            let drawn = ui::render_frame(&app, area, &mut buf);
            app.observe(drawn);
        }
    }
});
