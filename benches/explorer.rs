//! Benchmarks: loading and validating the default content, and rendering each screen at
//! 200×60. Run with `cargo bench`.

use divan::{Bencher, black_box};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use scm_vs_om::BuiltinContent;
use scm_vs_om::action::Action;
use scm_vs_om::app::App;
use scm_vs_om::content::{Content, ContentSource};
use scm_vs_om::ui::{self, theme};

fn main() {
    divan::main();
}

/// What `check` does: parse and check the six TOML files of the built-in pack.
#[divan::bench]
fn load_and_validate_builtin() -> Content {
    Content::load(black_box(&ContentSource::Builtin)).expect("valid")
}

/// What the explorer does at start-up: decode the model `build.rs` checked and stored.
#[divan::bench]
fn decode_builtin_at_startup() -> Content {
    Content::builtin()
}

/// A key press as the real program handles it, short of the write: the update, the frame,
/// ratatui's diff, and the escape sequences (into memory), at the size `startup.py` uses.
#[divan::bench]
fn key_to_bytes_120x36(bencher: Bencher) {
    use ratatui::{Terminal, TerminalOptions, Viewport};
    use scm_vs_om::terminal::ansi::Ansi;
    let size = ratatui::layout::Size { width: 120, height: 36 };
    let backend = Ansi::new(Vec::<u8>::with_capacity(1 << 16));
    backend.set_size(size);
    let viewport = Viewport::Fixed(Rect::new(0, 0, 120, 36));
    let mut terminal = Terminal::with_options(backend, TerminalOptions { viewport }).expect("in memory");
    let mut app = App::new(Content::builtin(), &theme::COLOUR, (120, 36));
    let mut down = true;
    bencher.bench_local(|| {
        app.update(if down { Action::Down } else { Action::Up });
        down = !down;
        let mut drawn = None;
        terminal.draw(|f| drawn = Some(ui::render_frame(&app, f.area(), f.buffer_mut()))).expect("in memory");
        app.observe(drawn.unwrap_or_default());
        let out = terminal.backend_mut().writer_mut();
        let bytes = out.len();
        out.clear();
        bytes
    });
}

/// What the event loop does to each frame after drawing it and before ratatui diffs it:
/// the wide-character repair (src/terminal/screen.rs), over the Compare matrix at 120×36.
#[divan::bench]
fn repair_frame_120x36(bencher: Bencher) {
    let mut app = App::new(Content::builtin(), &theme::COLOUR, (120, 36));
    let area = Rect::new(0, 0, 120, 36);
    let mut buf = Buffer::empty(area);
    app.observe(ui::render_frame(&app, area, &mut buf));
    let mut repair = scm_vs_om::terminal::Repair::default();
    repair.frame(&mut buf);
    bencher.bench_local(|| repair.frame(black_box(&mut buf)));
}

/// The screens, as the actions that lead to them from the start.
const SCREENS: &[(&str, &[Action])] = &[
    // Compare opens on the at-a-glance matrix; ← shows the fields (the former overview).
    ("compare_matrix", &[Action::Down, Action::Down]),
    ("compare_overview", &[Action::FocusPrev]),
    // An aligned dimension read across the width (Inventory: facets, one field's own points,
    // shared bullets, a note), then with each point's sources, then with the list beside it.
    ("compare_dimension", &[]),
    ("compare_dimension_sources", &[Action::ToggleSources]),
    ("compare_list_beside", &[Action::Select, Action::FocusPrev]),
    ("sources", &[Action::GoToTab(4), Action::Down]),
    ("help_overlay", &[Action::ToggleHelp]),
];

#[divan::bench(args = [
    "compare_matrix",
    "compare_overview",
    "compare_dimension",
    "compare_dimension_sources",
    "compare_list_beside",
    "sources",
    "help_overlay",
])]
fn render_200x60(bencher: Bencher, screen: &str) {
    let (_, actions) = SCREENS.iter().find(|(name, _)| *name == screen).expect("known screen");
    let mut app = App::new(Content::builtin(), &theme::COLOUR, (200, 60));
    let area = Rect::new(0, 0, 200, 60);
    let mut buf = Buffer::empty(area);
    if screen.starts_with("compare_dimension") {
        app.open_dimension(app.content.dimension_index("inventory").expect("the built-in pack has it"));
    }
    for a in *actions {
        app.update(*a);
        app.observe(ui::render_frame(&app, area, &mut buf));
    }
    bencher.bench_local(|| {
        buf.reset();
        ui::render(black_box(&app), area, &mut buf);
    });
}

/// One key press as the event loop handles it: the update, then a frame, whose record the
/// app takes in.
#[divan::bench]
fn key_then_frame_200x60(bencher: Bencher) {
    let app = App::new(Content::builtin(), &theme::COLOUR, (200, 60));
    let area = Rect::new(0, 0, 200, 60);
    let buf = Buffer::empty(area);
    down_up_then_frame(bencher, app, area, buf);
}

/// Down, then Up, then Down…, each key followed by the frame the event loop draws.
fn down_up_then_frame(bencher: Bencher, mut app: App, area: Rect, mut buf: Buffer) {
    let mut down = true;
    bencher.bench_local(|| {
        app.update(if down { Action::Down } else { Action::Up });
        down = !down;
        buf.reset();
        let drawn = ui::render_frame(&app, area, &mut buf);
        app.observe(drawn);
    });
}

/// Scrolling a dimension being read, then the frame: the key reads its limits from the last
/// frame's record, so the text is wrapped once per frame, not again for the key.
#[divan::bench]
fn reading_scroll_then_frame_80x24(bencher: Bencher) {
    let mut app = App::new(Content::builtin(), &theme::COLOUR, (80, 24));
    let area = Rect::new(0, 0, 80, 24);
    let mut buf = Buffer::empty(area);
    for a in [Action::Down, Action::FocusNext] {
        app.update(a);
        app.observe(ui::render_frame(&app, area, &mut buf));
    }
    down_up_then_frame(bencher, app, area, buf);
}

mod quiz {
    use divan::{Bencher, black_box};
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use scm_vs_om::BuiltinContent;
    use scm_vs_om::action::Action;
    use scm_vs_om::app::App;
    use scm_vs_om::content::Content;
    use scm_vs_om::quiz::session::{Difficulty, Plan, Scope, Session, due_count, select};
    use scm_vs_om::quiz::{History, Record, Schedule};
    use scm_vs_om::ui::{self, theme};

    const QUESTIONS: usize = 20_000;
    const RECORDS: usize = 200_000;
    const NOW: u64 = 1_800_000_000;

    /// The built-in content with its questions copied to 20,000 (new ids).
    fn big_content() -> Content {
        let mut c = Content::builtin();
        let base = c.questions.clone();
        c.questions = (0..QUESTIONS)
            .map(|i| {
                let mut q = base[i % base.len()].clone();
                q.id = format!("{}-{i}", q.id);
                q
            })
            .collect();
        c
    }

    /// 200,000 answers spread over the questions and a year, a third of them wrong.
    fn big_history(c: &Content) -> Vec<Record> {
        let mut rng = fastrand::Rng::with_seed(1);
        (0..RECORDS)
            .map(|_| {
                Record::new(
                    c.questions[rng.usize(..c.questions.len())].id.clone(),
                    NOW - rng.u64(..365 * 24 * 3600),
                    rng.u8(..3) > 0,
                )
            })
            .collect()
    }

    #[divan::bench]
    fn schedule_from_200k_records(bencher: Bencher) {
        let c = big_content();
        let history = big_history(&c);
        bencher.bench_local(|| Schedule::from_history(black_box(&history)));
    }

    #[divan::bench]
    fn due_count_20k_questions(bencher: Bencher) {
        let c = big_content();
        let schedule = Schedule::from_history(&big_history(&c));
        bencher.bench_local(|| due_count(black_box(&c), &schedule, NOW));
    }

    #[divan::bench(args = ["all", "due"])]
    fn start_session_20k_questions(bencher: Bencher, scope: &str) {
        let c = big_content();
        let schedule = Schedule::from_history(&big_history(&c));
        let plan = Plan {
            scope: if scope == "due" { Scope::Due } else { Scope::All },
            count: Some(20),
            difficulty: Difficulty::Any,
        };
        let mut rng = fastrand::Rng::with_seed(3);
        bencher.bench_local(|| {
            let chosen = select(&c, &plan, &schedule, NOW);
            Session::start(&c, chosen, &plan, &mut rng, NOW)
        });
    }

    /// The quiz screens at 200×60: start, a question, its feedback, the results.
    #[divan::bench(args = ["start", "question", "feedback", "results"])]
    fn render_quiz_200x60(bencher: Bencher, screen: &str) {
        let mut app =
            App::new(Content::builtin(), &theme::COLOUR, (200, 60)).with_quiz(History::disabled(), 5);
        app.update(Action::GoToTab(1));
        let answer = |app: &mut App| {
            let n = app.quiz.session.as_ref().and_then(|s| s.card()).map_or(1, |c| c.options.len());
            app.update(Action::Choose(n - 1));
            app.update(Action::Select);
        };
        if screen != "start" {
            app.update(Action::Select);
        }
        if screen == "feedback" {
            answer(&mut app);
        }
        if screen == "results" {
            for _ in 0..20 {
                answer(&mut app);
                app.update(Action::Select);
            }
        }
        let area = Rect::new(0, 0, 200, 60);
        let mut buf = Buffer::empty(area);
        bencher.bench_local(|| {
            buf.reset();
            ui::render(black_box(&app), area, &mut buf);
        });
    }
}

/// The Progress tab with 10,000 answers over a year: opening it (which works the figures
/// out from the history and the schedule) and drawing it at 200×60.
mod progress {
    use divan::{Bencher, black_box};
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use scm_vs_om::BuiltinContent;
    use scm_vs_om::action::Action;
    use scm_vs_om::app::App;
    use scm_vs_om::content::Content;
    use scm_vs_om::quiz::card::entries;
    use scm_vs_om::quiz::{History, Record};
    use scm_vs_om::ui::{self, theme};

    const NOW: u64 = 1_764_000_000;

    fn learner() -> App {
        let c = Content::builtin();
        let ids: Vec<String> = entries(&c).into_iter().map(|e| e.id).collect();
        let mut rng = fastrand::Rng::with_seed(11);
        let mut times: Vec<u64> = (0..10_000).map(|_| NOW - rng.u64(..365 * 24 * 3600)).collect();
        times.sort_unstable();
        let mut history = History::disabled();
        for t in times {
            let _ = history.record(Record::new(ids[rng.usize(..ids.len())].clone(), t, rng.u8(..4) > 0));
        }
        App::new(c, &theme::COLOUR, (200, 60)).with_quiz(history, 1).with_clock(|| NOW).with_utc_offset(0)
    }

    #[divan::bench]
    fn open_with_10k_answers(bencher: Bencher) {
        let mut app = learner();
        bencher.bench_local(|| {
            app.update(Action::GoToTab(5));
            app.progress.figures.as_ref().map(|f| f.answers)
        });
    }

    #[divan::bench]
    fn render_200x60(bencher: Bencher) {
        let mut app = learner();
        app.update(Action::GoToTab(5));
        let area = Rect::new(0, 0, 200, 60);
        let mut buf = Buffer::empty(area);
        bencher.bench_local(|| {
            buf.reset();
            ui::render(black_box(&app), area, &mut buf);
        });
    }
}

mod search {
    use divan::{Bencher, black_box};
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use scm_vs_om::BuiltinContent;
    use scm_vs_om::action::Action;
    use scm_vs_om::app::App;
    use scm_vs_om::content::Content;
    use scm_vs_om::search::SearchIndex;
    use scm_vs_om::ui::{self, theme};

    /// The built-in content with questions copied until the index holds 20,000 items.
    fn content_with_20k_items() -> Content {
        let mut c = Content::builtin();
        let base_items = SearchIndex::new(&c).items.len();
        let base = c.questions.clone();
        let extra = 20_000 - (base_items - base.len());
        c.questions = (0..extra)
            .map(|i| {
                let mut q = base[i % base.len()].clone();
                q.id = format!("{}-{i}", q.id);
                q
            })
            .collect();
        c
    }

    #[divan::bench]
    fn build_index_20k_items(bencher: Bencher) {
        let c = content_with_20k_items();
        bencher.bench_local(|| SearchIndex::new(black_box(&c)));
    }

    /// One keystroke as the overlay handles it: match everything, rank, and work out the
    /// highlighting of the first 200 hits.
    #[divan::bench(args = ["s", "sup", "supplier", "bullwhip effect"])]
    fn keystroke_20k_items(bencher: Bencher, query: &str) {
        let c = content_with_20k_items();
        let mut index = SearchIndex::new(&c);
        assert!(index.items.len() >= 20_000);
        bencher.bench_local(|| {
            let hits = index.search(black_box(query));
            let matched: Vec<Vec<usize>> =
                hits.iter().take(200).map(|h| index.matched_chars(query, h.item)).collect();
            (hits.len(), matched.len())
        });
    }

    #[divan::bench(args = ["glossary", "fit_statement", "fit_result", "search_overlay"])]
    fn render_200x60(bencher: Bencher, screen: &str) {
        let mut app = App::new(Content::builtin(), &theme::COLOUR, (200, 60));
        match screen {
            "glossary" => app.update(Action::GoToTab(2)),
            "fit_statement" => app.update(Action::GoToTab(3)),
            "fit_result" => {
                app.update(Action::GoToTab(3));
                for i in 0..app.content.fit.statements.len() {
                    app.update(Action::Rate(1 + (i % 5) as u8));
                }
            }
            _ => {
                app.update(Action::OpenSearch);
                for c in "supplier".chars() {
                    app.update(Action::Type(c));
                }
            }
        }
        let area = Rect::new(0, 0, 200, 60);
        let mut buf = Buffer::empty(area);
        bencher.bench_local(|| {
            buf.reset();
            ui::render(black_box(&app), area, &mut buf);
        });
    }
}

#[path = "../examples/generate_pack.rs"]
#[allow(dead_code)]
mod generate_pack;

/// The large synthetic pack (examples/generate_pack.rs) at two sizes, to show cost growing
/// with the pack: `scale` 0.25 is 500 dimensions, 5,000 questions and 1,250 terms; 1.0 is
/// 2,000, 20,000 and 5,000.
mod scale {
    use std::path::PathBuf;
    use std::sync::OnceLock;

    use divan::{Bencher, black_box};
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use scm_vs_om::action::Action;
    use scm_vs_om::app::App;
    use scm_vs_om::content::{Content, ContentSource};
    use scm_vs_om::search::SearchIndex;
    use scm_vs_om::ui::{self, theme};

    use super::generate_pack;

    const SCALES: [f64; 2] = [0.25, 1.0];

    fn pack(scale: f64) -> PathBuf {
        static DIRS: OnceLock<Vec<(u64, PathBuf)>> = OnceLock::new();
        let dirs = DIRS.get_or_init(|| {
            SCALES
                .iter()
                .map(|&s| {
                    let dir = std::env::temp_dir().join(format!("scm-vs-om-bench-pack-{s}"));
                    generate_pack::write_pack(&dir, &generate_pack::Sizes::at(s)).expect("writes");
                    (s.to_bits(), dir)
                })
                .collect()
        });
        dirs.iter().find(|(s, _)| *s == scale.to_bits()).expect("a known scale").1.clone()
    }

    fn load(scale: f64) -> Content {
        Content::load(&ContentSource::Dir(pack(scale))).expect("valid")
    }

    /// `check --content`: read, parse and check every file.
    #[divan::bench(args = SCALES, sample_count = 10)]
    fn check(bencher: Bencher, scale: f64) {
        let dir = pack(scale);
        bencher.bench(|| Content::load(&ContentSource::Dir(black_box(dir.clone()))).expect("valid"));
    }

    /// `check` on a pack where every question names a dimension that does not exist: one
    /// located error, with a suggestion, per question.
    #[divan::bench(args = SCALES, sample_count = 10)]
    fn check_every_reference_wrong(bencher: Bencher, scale: f64) {
        static DIRS: OnceLock<Vec<(u64, PathBuf)>> = OnceLock::new();
        let dirs = DIRS.get_or_init(|| {
            SCALES
                .iter()
                .map(|&s| {
                    let dir = std::env::temp_dir().join(format!("scm-vs-om-bench-badpack-{s}"));
                    generate_pack::write_pack(&dir, &generate_pack::Sizes::at(s)).expect("writes");
                    let quiz = std::fs::read_to_string(dir.join("quiz.toml")).expect("written");
                    let quiz = quiz.replace("dimension = \"d", "dimension = \"dx");
                    std::fs::write(dir.join("quiz.toml"), quiz).expect("writes");
                    (s.to_bits(), dir)
                })
                .collect()
        });
        let dir = dirs.iter().find(|(s, _)| *s == scale.to_bits()).expect("a known scale").1.clone();
        bencher.bench(|| {
            let e = Content::load(&ContentSource::Dir(black_box(dir.clone())))
                .expect_err("every reference is wrong");
            e.diagnostics.len()
        });
    }

    /// Everything before the first frame is written: load, build the app, draw it.
    #[divan::bench(args = SCALES, sample_count = 10)]
    fn first_frame(bencher: Bencher, scale: f64) {
        let dir = pack(scale);
        bencher.bench_local(|| {
            let content = Content::load(&ContentSource::Dir(dir.clone())).expect("valid");
            let app = App::new(content, &theme::DARK, (120, 36));
            let area = Rect::new(0, 0, 120, 36);
            let mut buf = Buffer::empty(area);
            ui::render(&app, area, &mut buf);
            buf
        });
    }

    #[divan::bench(args = SCALES)]
    fn search_keystroke(bencher: Bencher, scale: f64) {
        let c = load(scale);
        let mut index = SearchIndex::new(&c);
        bencher.bench_local(|| index.search(black_box("sup")).len());
    }

    /// A 100 KB paste into search, as the event loop hands it over: one edit, one search,
    /// then the frame that shows the result.
    #[divan::bench(args = SCALES, sample_count = 10)]
    fn paste_100kb_into_search(bencher: Bencher, scale: f64) {
        let words = ["supply", "chain", "inventory", "lean", "的", "😀", "q", "j"];
        let mut rng = fastrand::Rng::with_seed(3);
        let mut text = String::new();
        while text.len() < 100_000 {
            text.push_str(words[rng.usize(..words.len())]);
            text.push(' ');
        }
        let mut app = App::new(load(scale), &theme::DARK, (120, 40));
        let area = Rect::new(0, 0, 120, 40);
        let mut buf = Buffer::empty(area);
        bencher.bench_local(|| {
            app.update(Action::OpenSearch);
            app.insert_text(black_box(&text));
            buf.reset();
            ui::render(&app, area, &mut buf);
            app.update(Action::Back);
        });
    }

    /// Every tab and overlay at 200×60, drawn from the large pack.
    #[divan::bench(args = SCALES, consts = [0, 1, 2, 3, 4, 5, 6])]
    fn frame_200x60<const SCREEN: usize>(bencher: Bencher, scale: f64) {
        let mut app = App::new(load(scale), &theme::DARK, (200, 60));
        let actions: &[Action] = match SCREEN {
            0 => &[Action::Down],                                             // compare
            1 => &[Action::GoToTab(2)],                                       // glossary
            2 => &[Action::ToggleHelp],                                       // help
            3 => &[Action::OpenSearch, Action::Type('s'), Action::Type('u')], // search
            4 => &[Action::GoToTab(1), Action::Select],                       // a quiz question
            5 => &[Action::GoToTab(3)],                                       // fit
            _ => &[Action::GoToTab(4), Action::Down],                         // sources
        };
        actions.iter().for_each(|a| app.update(*a));
        let area = Rect::new(0, 0, 200, 60);
        let mut buf = Buffer::empty(area);
        bencher.bench_local(|| {
            buf.reset();
            ui::render(&app, area, &mut buf);
        });
    }
}
