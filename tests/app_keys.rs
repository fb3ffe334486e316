//! Driving the app with key events through the real key table, and checking its state.

mod common;

use common::{builtin_app, pack_app, press, screen};
use scm_vs_om::action::Action;
use scm_vs_om::app::{CompareFocus, SourcesFocus, Tab};

#[test]
fn starts_on_compare_overview_with_list_focused() {
    let app = builtin_app(120, 40);
    assert_eq!(app.tab, Tab::Compare);
    assert_eq!(app.compare.selected, 0);
    assert_eq!(app.compare.focus, CompareFocus::List);
    assert!(app.running);
}

#[test]
fn arrows_and_vim_keys_walk_the_dimensions() {
    let mut app = builtin_app(120, 40);
    // The first screen is the matrix: Enter opens its highlighted dimension, the first.
    press(&mut app, "<Enter> j <Down>");
    assert_eq!(app.compare.dimension(), Some(2));
    press(&mut app, "k");
    assert_eq!(app.compare.dimension(), Some(1));
    press(&mut app, "<Up> <Up> <Up>");
    assert_eq!(app.compare.selected, 0, "stops at the top");
    press(&mut app, "G <Enter>");
    assert_eq!(app.compare.dimension(), Some(app.content.dimensions.len() - 1));
    press(&mut app, "j");
    assert_eq!(app.compare.dimension(), Some(app.content.dimensions.len() - 1), "stops at the bottom");
    press(&mut app, "g");
    assert_eq!(app.compare.selected, 0);
    press(&mut app, "<End> <Home>");
    assert_eq!(app.compare.selected, 0);
}

#[test]
fn page_keys_move_the_list_by_a_page() {
    let mut app = builtin_app(120, 40);
    press(&mut app, "<Enter> <PgDn>");
    let page = app.compare.selected - 1;
    assert!(page > 5, "a page at 40 rows is more than 5 entries, got {page}");
    press(&mut app, "<C-d>");
    assert_eq!(app.compare.selected, (2 * page + 1).min(app.content.dimensions.len()));
    press(&mut app, "<C-u> <PgUp>");
    assert_eq!(app.compare.selected, 0);
}

#[test]
fn focus_moves_across_list_panes_and_overlap() {
    let mut app = builtin_app(120, 40);
    press(&mut app, "<Enter> l");
    assert_eq!(app.compare.focus, CompareFocus::Pane(0));
    press(&mut app, "<Right>");
    assert_eq!(app.compare.focus, CompareFocus::Pane(1));
    press(&mut app, "l");
    assert_eq!(app.compare.focus, CompareFocus::Overlap);
    // The first dimension (Definition) has related glossary terms: the last region.
    assert!(!app.related_terms().is_empty());
    press(&mut app, "l");
    assert_eq!(app.compare.focus, CompareFocus::Terms);
    press(&mut app, "l");
    assert_eq!(app.compare.focus, CompareFocus::Terms, "stays at the last region");
    press(&mut app, "h h <Left>");
    assert_eq!(app.compare.focus, CompareFocus::Pane(0));
    press(&mut app, "<Esc>");
    assert_eq!(app.compare.focus, CompareFocus::List);
    press(&mut app, "<Enter>");
    assert_eq!(app.compare.focus, CompareFocus::Pane(0));
}

#[test]
fn the_matrix_moves_its_highlight_and_opens_and_esc_comes_back() {
    let mut app = builtin_app(120, 40);
    press(&mut app, "j j");
    assert_eq!((app.compare.selected, app.compare.matrix), (0, 2), "the matrix moves, nothing opens");
    press(&mut app, "G");
    assert_eq!(app.compare.matrix, app.content.dimensions.len() - 1);
    press(&mut app, "g <Down> l");
    assert_eq!(app.compare.dimension(), Some(1), "→ opens like Enter");
    assert_eq!(app.compare.focus, CompareFocus::List);
    press(&mut app, "j <Esc>");
    assert_eq!(
        (app.compare.selected, app.compare.matrix),
        (0, 2),
        "Esc from the list: the matrix, on that row"
    );
    press(&mut app, "<Enter>");
    assert_eq!(app.compare.dimension(), Some(2));
}

#[test]
fn n_and_p_change_dimension_from_a_pane_and_reset_scroll() {
    let mut app = builtin_app(60, 14);
    press(&mut app, "<Enter> l");
    press(&mut app, "j j j");
    let scrolled = app.compare.scroll[0];
    press(&mut app, "n");
    assert_eq!(app.compare.dimension(), Some(1));
    assert_eq!(app.compare.focus, CompareFocus::Pane(0), "focus stays in the pane");
    assert_eq!(app.compare.scroll[0], 0, "scroll resets (was {scrolled})");
    press(&mut app, "p p");
    assert_eq!(app.compare.selected, 0);
}

#[test]
fn a_pane_scrolls_within_its_text() {
    // Small enough that the panes overflow.
    let mut app = builtin_app(60, 14);
    press(&mut app, "<Enter> <Enter>");
    press(&mut app, "j");
    assert_eq!(app.compare.scroll[0], 1);
    press(&mut app, "k k k");
    assert_eq!(app.compare.scroll[0], 0, "never above the top");
    press(&mut app, "G");
    let bottom = app.compare.scroll[0];
    assert!(bottom > 0);
    press(&mut app, "j <PgDn>");
    assert_eq!(app.compare.scroll[0], bottom, "never past the end");
    press(&mut app, "g");
    assert_eq!(app.compare.scroll[0], 0);
    // The selected dimension did not change while scrolling.
    assert_eq!(app.compare.dimension(), Some(0));
}

#[test]
fn a_resize_clamps_scroll() {
    let mut app = builtin_app(60, 14);
    press(&mut app, "<Enter> <Enter> G");
    assert!(app.compare.scroll[0] > 0);
    app.update(Action::Resize(200, 60));
    // As in the event loop, the frame drawn at the new size clamps what it shows.
    scm_vs_om::ui::draw(&mut app);
    assert_eq!(app.compare.scroll[0], 0, "everything fits at 200×60");
}

#[test]
fn tabs_switch_by_tab_shift_tab_and_digits() {
    let mut app = builtin_app(120, 40);
    press(&mut app, "<Tab>");
    assert_eq!(app.tab, Tab::Quiz);
    press(&mut app, "<Tab> <Tab> <Tab> <Tab>");
    assert_eq!(app.tab, Tab::Compare, "wraps around");
    press(&mut app, "<S-Tab>");
    assert_eq!(app.tab, Tab::Sources);
    press(&mut app, "1");
    assert_eq!(app.tab, Tab::Compare);
    press(&mut app, "2");
    assert_eq!(app.tab, Tab::Quiz);
    press(&mut app, "3");
    assert_eq!(app.tab, Tab::Glossary);
    press(&mut app, "5");
    assert_eq!(app.tab, Tab::Sources);
    press(&mut app, "9");
    assert_eq!(app.tab, Tab::Sources, "a tab that does not exist changes nothing");
}

#[test]
fn help_overlay_opens_scrolls_and_closes() {
    let mut app = builtin_app(80, 24);
    press(&mut app, "?");
    assert_eq!(app.help, Some(0));
    assert!(screen(&app).contains("Everywhere"));
    press(&mut app, "j j");
    assert_eq!(app.help, Some(2));
    // While help is open, navigation keys scroll it and do not reach the tab below.
    assert_eq!((app.compare.selected, app.compare.matrix), (0, 0));
    press(&mut app, "<Esc>");
    assert_eq!(app.help, None);
    press(&mut app, "? ?");
    assert_eq!(app.help, None);
}

#[test]
fn q_and_ctrl_c_quit_from_anywhere() {
    for keys in ["q", "<C-c>", "? q", "5 <C-c>", "j l q", "2 <Enter> q", "4 q", "/ <C-c>"] {
        let mut app = builtin_app(80, 24);
        press(&mut app, keys);
        assert!(!app.running, "{keys} should quit");
    }
}

#[test]
fn sources_tab_opens_a_citing_dimension_in_compare() {
    let mut app = builtin_app(120, 40);
    press(&mut app, "5 j");
    assert_eq!(app.sources.selected, 1);
    let cited = app.cited_by_selected();
    assert!(!cited.is_empty(), "the second source is cited somewhere");
    press(&mut app, "<Enter>");
    assert_eq!(app.sources.focus, SourcesFocus::CitedBy);
    press(&mut app, "<Enter>");
    assert_eq!(app.tab, Tab::Compare);
    assert_eq!(app.compare.dimension(), Some(cited[0]));
}

#[test]
fn works_with_the_minimal_pack() {
    let mut app = pack_app("minimal", 100, 30);
    press(&mut app, "<Enter>");
    let s = screen(&app);
    assert!(s.contains("Alpha Studies (A)") && s.contains("Beta Studies (B)"), "{s}");
    assert!(s.contains("• Wide scope") && s.contains("• Narrow scope"), "{s}");
    assert!(s.contains("Overlap"), "{s}");
}
