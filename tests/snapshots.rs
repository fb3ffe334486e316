//! Snapshots of each screen at fixed sizes, rendered into ratatui's TestBackend. A changed
//! screen fails the test; CI never writes new snapshots (`INSTA_UPDATE=no` in `.ci/run`).

mod common;

use common::{
    advance_clock, answer_with, builtin_app, pack_app, press, quiz_app, render, right_letters, wrong_letters,
};
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use scm_vs_om::BuiltinContent;
use scm_vs_om::app::App;
use scm_vs_om::content::Content;
use scm_vs_om::ui::theme;

#[test]
fn compare_overview_80x24() {
    let app = builtin_app(80, 24);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn compare_overview_120x40() {
    let app = builtin_app(120, 40);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn compare_dimension_80x24() {
    let mut app = builtin_app(80, 24);
    press(&mut app, "<Enter>");
    insta::assert_snapshot!(render(&app));
}

#[test]
fn compare_dimension_120x40() {
    let mut app = builtin_app(120, 40);
    press(&mut app, "j j <Enter>");
    insta::assert_snapshot!(render(&app));
}

#[test]
fn compare_dimension_scrolled_80x24() {
    let mut app = builtin_app(80, 24);
    press(&mut app, "j j j j <Enter> j j j");
    assert_eq!(app.compare.scroll, 3, "the dimension scrolled");
    insta::assert_snapshot!(render(&app));
}

#[test]
fn help_overlay_80x24() {
    let mut app = builtin_app(80, 24);
    press(&mut app, "?");
    insta::assert_snapshot!(render(&app));
}

#[test]
fn help_overlay_120x40() {
    let mut app = builtin_app(120, 40);
    press(&mut app, "?");
    insta::assert_snapshot!(render(&app));
}

#[test]
fn sources_120x40() {
    let mut app = builtin_app(120, 40);
    press(&mut app, "5 j j l");
    insta::assert_snapshot!(render(&app));
}

#[test]
fn too_small_39x11() {
    let app = builtin_app(39, 11);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn minimal_pack_100x20() {
    let mut app = pack_app("minimal", 100, 20);
    press(&mut app, "<Enter>");
    insta::assert_snapshot!(render(&app));
}

#[test]
fn focus_is_shown_by_border_shape_not_only_colour() {
    let mut app = builtin_app(120, 40);
    press(&mut app, "j l h");
    let backend = render(&app);
    let text = backend.to_string();
    // The focused list's border is thick.
    let thick_rows = text.lines().filter(|l| l.contains('┏') || l.contains('┓')).count();
    assert!(thick_rows >= 1, "{text}");
    // The selected dimension carries a marker as well as a style.
    assert!(text.contains('▸'), "{text}");
}

#[test]
fn mono_theme_uses_no_colour_at_all() {
    let mut app = App::new(Content::builtin(), &theme::MONO, (120, 40));
    for keys in ["", "j l", "?", "<Esc> 5 l", "2 <Enter>", "a", "3 f", "4 4 2", "<Enter>", "/ s c o r"] {
        press(&mut app, keys);
        let backend = render(&app);
        for cell in backend.buffer().content() {
            assert_eq!(cell.fg, Color::Reset, "{cell:?} after {keys:?}");
            assert_eq!(cell.bg, Color::Reset, "{cell:?} after {keys:?}");
        }
    }
}

fn quiz_screens(width: u16, height: u16) -> [TestBackend; 4] {
    let mut app = quiz_app(width, height, 2024);
    press(&mut app, "2");
    let start = render(&app);
    press(&mut app, "<Down> <Left> <Enter>");
    let question = render(&app);
    let letters = wrong_letters(&app);
    answer_with(&mut app, &letters);
    let feedback = render(&app);
    press(&mut app, "<Enter>");
    for i in 1..10 {
        advance_clock(20);
        let letters = if i % 4 == 0 { wrong_letters(&app) } else { right_letters(&app) };
        answer_with(&mut app, &letters);
        press(&mut app, "<Enter>");
    }
    [start, question, feedback, render(&app)]
}

#[test]
fn quiz_80x24() {
    let [start, question, feedback, results] = quiz_screens(80, 24);
    insta::assert_snapshot!("quiz_start_80x24", start);
    insta::assert_snapshot!("quiz_question_80x24", question);
    insta::assert_snapshot!("quiz_feedback_80x24", feedback);
    insta::assert_snapshot!("quiz_results_80x24", results);
}

#[test]
fn quiz_120x40() {
    let [start, question, feedback, results] = quiz_screens(120, 40);
    insta::assert_snapshot!("quiz_start_120x40", start);
    insta::assert_snapshot!("quiz_question_120x40", question);
    insta::assert_snapshot!("quiz_feedback_120x40", feedback);
    insta::assert_snapshot!("quiz_results_120x40", results);
}

#[test]
fn glossary_120x40_and_80x24() {
    let mut app = builtin_app(120, 40);
    press(&mut app, "3 j j j");
    insta::assert_snapshot!("glossary_120x40", render(&app));
    let mut app = builtin_app(80, 24);
    press(&mut app, "3 f j l");
    insta::assert_snapshot!("glossary_filtered_related_80x24", render(&app));
}

#[test]
fn search_overlay_with_results() {
    let mut app = builtin_app(120, 40);
    press(&mut app, "/ s a f e t y <Down>");
    insta::assert_snapshot!("search_120x40", render(&app));
    let mut app = builtin_app(80, 24);
    press(&mut app, "/ b u l l w h i p");
    insta::assert_snapshot!("search_80x24", render(&app));
}

#[test]
fn fit_screens() {
    let mut app = builtin_app(120, 40);
    press(&mut app, "4 d b e");
    insta::assert_snapshot!("fit_statement_120x40", render(&app));
    let mut app = builtin_app(80, 24);
    press(&mut app, "4 e a d b c");
    insta::assert_snapshot!("fit_statement_80x24", render(&app));
    press(&mut app, "<Enter>");
    insta::assert_snapshot!("fit_result_80x24", render(&app));
    let mut app = builtin_app(120, 40);
    press(&mut app, "4 e a d b e a d b e a d b e a d b e a d b");
    insta::assert_snapshot!("fit_result_120x40", render(&app));
}

#[test]
fn compare_with_related_terms_focused_120x40() {
    let mut app = builtin_app(120, 40);
    let d = app.content.dimension_index("inventory").unwrap();
    app.open_dimension(d);
    press(&mut app, "l j");
    insta::assert_snapshot!(render(&app));
}

/// A search result that is a point opens its dimension scrolled to where the point starts: only
/// the frame knows the wrapping, so the frame after Enter resolves it and the app keeps it.
#[test]
fn a_searched_point_opens_scrolled_to_it_80x24() {
    let mut app = builtin_app(80, 24);
    press(&mut app, "/ s c o r <Space> d s <Space> t r a n s f o r m <Down> <Enter>");
    assert_eq!(app.compare.dimension(), app.content.dimension_index("nesting"));
    assert!(app.compare.scroll > 0, "the point is not the text's first line");
    assert_eq!(app.compare.scroll_to, None, "the frame resolved the request");
    let shown = common::screen(&app);
    // The point's row is the first the text shows, or the text is scrolled to its end.
    let heads = shown.lines().position(|l| l.contains("Supply Chain Management")).expect("the heads show");
    let first = shown.lines().nth(heads + 1).unwrap_or_default();
    let text = app.drawn.shown(scm_vs_om::view::Region::Reading).expect("the text is drawn");
    assert!(shown.lines().skip(heads + 1).any(|l| l.contains("The SCOR model counts Make")), "{shown}");
    assert!(first.contains("The SCOR model") || app.compare.scroll == text.len - text.height, "{shown}");
    insta::assert_snapshot!(render(&app));
}
