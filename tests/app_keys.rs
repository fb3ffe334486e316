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
    // The first screen is the matrix: Enter opens its highlighted dimension, the first, to
    // read; ← brings the list back, and the list walks the dimensions.
    press(&mut app, "<Enter> h j <Down>");
    assert_eq!(app.compare.dimension(), Some(2));
    assert_eq!(app.compare.focus, CompareFocus::List);
    press(&mut app, "k");
    assert_eq!(app.compare.dimension(), Some(1));
    press(&mut app, "<Up> <Up> <Up>");
    assert_eq!(app.compare.selected, 0, "stops at the top");
    assert!(app.compare.on_matrix(), "the list's first entry is the matrix");
    press(&mut app, "<Enter> h G");
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
    press(&mut app, "<Enter> h <PgDn>");
    let page = app.compare.selected - 1;
    assert!(page > 5, "a page at 40 rows is more than 5 entries, got {page}");
    press(&mut app, "<C-d>");
    assert_eq!(app.compare.selected, (2 * page + 1).min(app.content.dimensions.len()));
    press(&mut app, "<C-u> <PgUp>");
    assert_eq!(app.compare.selected, 0);
}

#[test]
fn the_list_steps_aside_to_read_and_comes_back_with_one_key() {
    let mut app = builtin_app(120, 40);
    press(&mut app, "<Enter>");
    assert_eq!(app.compare.focus, CompareFocus::Reading, "a dimension opens to read");
    assert!(!screen(&app).contains("Dimensions"), "the list has stepped aside");
    press(&mut app, "h");
    assert_eq!(app.compare.focus, CompareFocus::List);
    assert!(screen(&app).contains("Dimensions"), "← brings the list back");
    press(&mut app, "l");
    assert_eq!(app.compare.focus, CompareFocus::Reading);
    // The first dimension (Definition) has related glossary terms: → reaches them.
    assert!(!app.related_terms().is_empty());
    press(&mut app, "l");
    assert_eq!(app.compare.focus, CompareFocus::Terms);
    press(&mut app, "l");
    assert_eq!(app.compare.focus, CompareFocus::Terms, "stays at the last region");
    assert!(app.compare.term > 0, "on the terms' row, → moves along it");
    press(&mut app, "<Esc>");
    assert_eq!(app.compare.focus, CompareFocus::Reading);
    press(&mut app, "<Esc>");
    assert!(app.compare.on_matrix(), "Esc from reading: the matrix");
    press(&mut app, "<Enter>");
    assert_eq!(app.compare.focus, CompareFocus::Reading);
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
    assert_eq!(app.compare.focus, CompareFocus::Reading);
    press(&mut app, "h j <Esc>");
    assert_eq!(
        (app.compare.selected, app.compare.matrix),
        (0, 2),
        "Esc from the list: the matrix, on that row"
    );
    press(&mut app, "<Enter>");
    assert_eq!(app.compare.dimension(), Some(2));
}

#[test]
fn n_and_p_change_dimension_while_reading_and_reset_scroll() {
    let mut app = builtin_app(60, 14);
    press(&mut app, "<Enter>");
    press(&mut app, "j j j");
    let scrolled = app.compare.scroll;
    assert!(scrolled > 0);
    press(&mut app, "n");
    assert_eq!(app.compare.dimension(), Some(1));
    assert_eq!(app.compare.focus, CompareFocus::Reading, "still reading");
    assert_eq!(app.compare.scroll, 0, "scroll resets (was {scrolled})");
    press(&mut app, "p p");
    assert_eq!(app.compare.selected, 0);
}

#[test]
fn the_dimension_scrolls_within_its_text() {
    // Small enough that the text overflows.
    let mut app = builtin_app(60, 14);
    press(&mut app, "<Enter>");
    press(&mut app, "j");
    assert_eq!(app.compare.scroll, 1);
    press(&mut app, "k k k");
    assert_eq!(app.compare.scroll, 0, "never above the top");
    press(&mut app, "G");
    let bottom = app.compare.scroll;
    assert!(bottom > 0);
    press(&mut app, "j <PgDn>");
    assert_eq!(app.compare.scroll, bottom, "never past the end");
    press(&mut app, "g");
    assert_eq!(app.compare.scroll, 0);
    // The selected dimension did not change while scrolling.
    assert_eq!(app.compare.dimension(), Some(0));
}

#[test]
fn the_toggles_show_sources_and_hide_what_is_shared() {
    let mut app = builtin_app(120, 40);
    press(&mut app, "<Enter>");
    let plain = screen(&app);
    assert!(plain.contains("◆ Both"), "the shared part shows at first");
    assert!(!plain.contains(" Note "), "notes come with the sources:\n{plain}");
    assert!(plain.contains("s sources & note"), "the title says there is a note:\n{plain}");
    assert!(!plain.contains("— CSCMP"), "no attribution by default:\n{plain}");
    press(&mut app, "s");
    assert!(app.compare.sources);
    assert!(screen(&app).contains("— CSCMP"), "each point's sources show");
    press(&mut app, "G");
    assert!(screen(&app).contains(" Note "), "and the note:\n{}", screen(&app));
    press(&mut app, "d G");
    let diff = screen(&app);
    assert!(app.compare.differences);
    assert!(!diff.contains("◆ Both") && !diff.contains("Note "), "differences only:\n{diff}");
    press(&mut app, "s d");
    assert!(!app.compare.sources && !app.compare.differences, "each key toggles back");
    // The toggles hold while moving to another dimension.
    press(&mut app, "s n");
    assert!(app.compare.sources);
}

#[test]
fn a_resize_clamps_scroll() {
    let mut app = builtin_app(60, 14);
    press(&mut app, "<Enter> G");
    assert!(app.compare.scroll > 0);
    app.update(Action::Resize(200, 60));
    // As in the event loop, the frame drawn at the new size clamps what it shows.
    scm_vs_om::ui::draw(&mut app);
    assert!(app.compare.scroll < 5, "nearly everything fits at 200×60, got {}", app.compare.scroll);
}

#[test]
fn tabs_switch_by_tab_shift_tab_and_digits() {
    let mut app = builtin_app(120, 40);
    press(&mut app, "<Tab>");
    assert_eq!(app.tab, Tab::Quiz);
    press(&mut app, "<Tab> <Tab> <Tab> <Tab> <Tab>");
    assert_eq!(app.tab, Tab::Compare, "wraps around");
    press(&mut app, "<S-Tab>");
    assert_eq!(app.tab, Tab::Progress);
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
    assert!(screen(&app).contains("Compare (this screen)"), "help opens at this screen's keys");
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
    for keys in
        ["q", "<C-c>", "? q q", "5 <C-c>", "j l q", "2 <Enter> q", "4 q", "/ <C-c>", "2 <Enter> <Esc> <C-c>"]
    {
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
    assert!(s.contains("Alpha Studies") && s.contains("Beta Studies"), "{s}");
    // No facets in this pack: each field's points as a list of its own, side by side.
    assert!(s.contains("• Wide scope") && s.contains("• Narrow scope"), "{s}");
    let row = s.lines().find(|l| l.contains("• Wide scope")).unwrap();
    assert!(row.contains("• Narrow scope"), "side by side: {row}");
    // An old `overlap` paragraph is the shared part.
    assert!(s.contains("◆ Both"), "{s}");
}

/// Back (b, or Backspace) returns across every cross-link to the place as it was left: the
/// tab, its selection, its focus.
#[test]
fn back_returns_across_every_link_keeping_the_place() {
    use scm_vs_om::app::{FitScreen, GlossaryFocus};
    let mut app = builtin_app(120, 40);
    assert!(!screen(&app).contains("b back"), "nothing to go back to yet");
    // Compare → Glossary (a related term), then Glossary → Compare (a related dimension).
    let inventory = app.content.dimension_index("inventory").unwrap();
    app.open_dimension(inventory);
    press(&mut app, "l l l l j");
    let compare_before = app.compare.clone();
    press(&mut app, "<Enter>");
    assert_eq!(app.tab, Tab::Glossary);
    assert!(screen(&app).contains("b back"), "{}", screen(&app));
    press(&mut app, "l j");
    let glossary_before = app.glossary.clone();
    assert_eq!(glossary_before.focus, GlossaryFocus::Related);
    press(&mut app, "<Enter>");
    assert_eq!(app.tab, Tab::Compare);
    assert_ne!(app.compare, compare_before, "the link moved Compare elsewhere");
    press(&mut app, "b");
    assert_eq!((app.tab, &app.glossary), (Tab::Glossary, &glossary_before));
    press(&mut app, "<Backspace>");
    // The place as it was left; what was read on the way stays read.
    let compare_before = scm_vs_om::app::CompareState { read: app.compare.read.clone(), ..compare_before };
    assert_eq!((app.tab, &app.compare), (Tab::Compare, &compare_before), "Compare as it was left");
    assert!(app.back.is_empty());
    // Sources → Compare.
    press(&mut app, "5 j l");
    let sources_before = app.sources.clone();
    press(&mut app, "<Enter>");
    assert_eq!(app.tab, Tab::Compare);
    press(&mut app, "b");
    assert_eq!((app.tab, &app.sources), (Tab::Sources, &sources_before));
    // Fit's "worth reading next" → Compare.
    press(&mut app, "4");
    for _ in 0..app.content.fit.statements.len() {
        press(&mut app, "e");
    }
    assert_eq!(app.fit.screen, FitScreen::Result);
    press(&mut app, "j");
    let next = app.fit.next;
    press(&mut app, "<Enter> b");
    assert_eq!((app.tab, app.fit.screen, app.fit.next), (Tab::Fit, FitScreen::Result, next));
    // Search → Compare: back to where search was opened.
    press(&mut app, "3 j j");
    let glossary_before = app.glossary.clone();
    press(&mut app, "/ i n v e n t o r y <Enter>");
    assert_eq!(app.tab, Tab::Compare);
    press(&mut app, "<Backspace>");
    assert_eq!((app.tab, &app.glossary), (Tab::Glossary, &glossary_before));
    // Switching tabs by hand on the way keeps the way back.
    press(&mut app, "l <Enter> 2 5 b");
    assert_eq!((app.tab, &app.glossary.focus), (Tab::Glossary, &GlossaryFocus::Related));
}

#[test]
fn help_opens_at_the_screen_it_was_asked_from() {
    for (keys, title) in [
        ("?", "Compare (this screen)"),
        ("2 ?", "Quiz: start (this screen)"),
        ("2 <Enter> ?", "Quiz: a "),
        ("3 ?", "Glossary (this screen)"),
        ("4 ?", "Fit: a statement (this screen)"),
        ("4 <Enter> ?", "Fit: the result (this screen)"),
        ("5 ?", "Sources (this screen)"),
    ] {
        let mut app = builtin_app(80, 24);
        press(&mut app, keys);
        let s = screen(&app);
        let first = s.lines().find(|l| l.contains("(this screen)")).unwrap_or_default();
        assert!(first.contains(title), "{keys}: help starts with {first:?}\n{s}");
        // q closes help; it does not quit.
        press(&mut app, "q");
        assert!(app.running && app.help.is_none(), "{keys}");
    }
}

/// The footer: within its width from 40 columns up, the screen's main keys kept longest
/// (Enter never dropped while `/ search` shows), and no key offered that does nothing here.
#[test]
fn the_footer_is_right_at_every_width() {
    use scm_vs_om::keymap::Context;
    use unicode_width::UnicodeWidthStr;
    let screens = [
        "",
        "j l",
        "2",
        "2 <Enter>",
        "2 <Enter> a",
        "3",
        "3 l",
        "4",
        "4 <Enter>",
        "5",
        "5 l",
        "?",
        "/",
        "2 <Enter> <Esc>",
        "3 l <Enter>",
    ];
    for keys in screens {
        let mut app = builtin_app(200, 40);
        press(&mut app, keys);
        for width in (40..=100u16).chain([120, 160, 200]) {
            app.update(Action::Resize(width, 24));
            let footer = screen(&app).lines().last().unwrap_or_default().to_string();
            assert!(footer.width() <= width as usize, "{keys} at {width}: {footer:?}");
            let hints = scm_vs_om::ui::footer_hints(&app, width as usize);
            let main = |h: &scm_vs_om::keymap::Hint| h.main;
            let all = scm_vs_om::keymap::hints(&app.contexts());
            if all.iter().any(main) {
                assert!(hints.iter().any(main), "{keys} at {width}: main hint dropped: {footer:?}");
            }
            if footer.contains("/ search") {
                for h in all.iter().filter(|h| h.main) {
                    assert!(
                        footer.contains(h.label),
                        "{keys} at {width}: {} dropped before search: {footer:?}",
                        h.label
                    );
                }
            }
            // Every key shown does what its hint says here (no other context takes it first).
            for h in &hints {
                let ev = h.key.examples()[0];
                let acts = scm_vs_om::keymap::action_for(&app.contexts(), &ev);
                assert_eq!(
                    acts.as_ref().map(std::mem::discriminant),
                    Some(std::mem::discriminant(&h.action)),
                    "{keys}: {h:?}"
                );
            }
        }
        // What each screen must not offer.
        let footer = screen(&app).lines().last().unwrap_or_default().to_string();
        if app.confirm.is_none() && app.contexts().contains(&Context::QuizQuestion) {
            let card = app.quiz.session.as_ref().unwrap().card().unwrap();
            assert_eq!(footer.contains("Space tick"), card.multi, "{footer}");
            let answer = format!("{} answer", scm_vs_om::keymap::option_range(card.options.len()));
            assert!(footer.contains(&answer), "{keys}: {footer}");
        }
        // Nothing to read next (no statement liked): Enter has nothing to open.
        if app.tab == Tab::Fit && app.confirm.is_none() && app.fit.screen == scm_vs_om::app::FitScreen::Result
        {
            assert_eq!(
                footer.contains("Enter read"),
                !app.fit_result().read_next.is_empty(),
                "{keys}: {footer}"
            );
        }
        // Back is offered exactly when there is somewhere to go back to.
        assert_eq!(
            footer.contains("b back"),
            !app.back.is_empty() && app.confirm.is_none(),
            "{keys}: {footer}"
        );
    }
}
