//! The Glossary and Fit tabs and the search overlay, driven with keys.

mod common;

use common::{builtin_app, press, quiz_app, screen};
use scm_vs_om::app::{CompareFocus, FitScreen, GlossaryFocus, QuizScreen, Tab};
use scm_vs_om::content::Owner;

fn type_text(app: &mut scm_vs_om::app::App, text: &str) {
    for c in text.chars() {
        let name = if c == ' ' { "<Space>".to_string() } else { c.to_string() };
        press(app, &name);
    }
}

#[test]
fn the_glossary_is_alphabetical_and_filters_by_field() {
    let mut app = builtin_app(120, 40);
    press(&mut app, "3");
    assert_eq!(app.tab, Tab::Glossary);
    let names: Vec<String> =
        app.glossary_terms().iter().map(|&t| app.content.terms[t].name.to_lowercase()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    assert_eq!(app.glossary.term, app.glossary_terms()[0], "starts on the first term");
    press(&mut app, "f");
    assert_eq!(app.glossary.filter, Some(Owner::Discipline(0)));
    assert!(app.glossary_terms().iter().all(|&t| app.content.terms[t].owner == Owner::Discipline(0)));
    assert!(screen(&app).contains("Glossary: SCM"));
    press(&mut app, "f f f");
    assert_eq!(app.glossary.filter, None, "all, SCM, OM, both, and round to all");
}

#[test]
fn a_terms_related_dimension_opens_in_compare() {
    let mut app = builtin_app(120, 40);
    press(&mut app, "3 j j");
    let term = app.glossary.term;
    let first_related = app.content.terms[term].related[0];
    press(&mut app, "l");
    assert_eq!(app.glossary.focus, GlossaryFocus::Related);
    press(&mut app, "<Enter>");
    assert_eq!(app.tab, Tab::Compare);
    assert_eq!(app.compare.dimension(), Some(first_related));
}

#[test]
fn a_dimensions_related_terms_open_the_glossary() {
    let mut app = builtin_app(120, 40);
    let d = app.content.dimension_index("inventory").unwrap();
    app.open_dimension(d);
    let related = app.related_terms();
    assert!(related.len() >= 2, "inventory has related terms");
    assert!(screen(&app).contains("Terms: "));
    press(&mut app, "l");
    assert_eq!(app.compare.focus, CompareFocus::Terms);
    assert!(screen(&app).contains("Terms (Enter opens): "));
    press(&mut app, "j <Enter>");
    assert_eq!(app.tab, Tab::Glossary);
    assert_eq!(app.glossary.term, related[1]);
    assert!(screen(&app).contains(&app.content.terms[related[1]].name));
}

#[test]
fn search_then_jump_lands_on_the_right_item() {
    // A dimension by its title.
    let mut app = builtin_app(120, 40);
    press(&mut app, "/");
    assert!(app.search.is_some());
    type_text(&mut app, "Inventory");
    assert!(screen(&app).contains("results"));
    press(&mut app, "<Enter>");
    assert!(app.search.is_none());
    assert_eq!(app.tab, Tab::Compare);
    assert_eq!(app.compare.dimension(), app.content.dimension_index("inventory"));

    // A glossary term, from another tab.
    let mut app = builtin_app(120, 40);
    press(&mut app, "4 /");
    type_text(&mut app, "Little's Law");
    let hit = &app.search.as_ref().unwrap().hits[0];
    assert!(matches!(
        app.search_index.as_ref().unwrap().items[hit.item].target,
        scm_vs_om::search::Target::Term(_)
    ));
    press(&mut app, "<Enter>");
    assert_eq!(app.tab, Tab::Glossary);
    assert_eq!(app.content.terms[app.glossary.term].name, "Little's Law");

    // A point of the comparison: its dimension opens to read.
    let mut app = builtin_app(120, 40);
    press(&mut app, "/");
    type_text(&mut app, "Pampers orders");
    let hit = app.search.as_ref().unwrap().hits[0].clone();
    let target = app.search_index.as_ref().unwrap().items[hit.item].target;
    let scm_vs_om::search::Target::Point { dimension, .. } = target else {
        panic!("expected a point first, got {target:?}")
    };
    press(&mut app, "<Enter>");
    assert_eq!(app.compare.dimension(), Some(dimension));
    assert_eq!(app.compare.focus, CompareFocus::Reading);

    // A quiz question: practised on the spot.
    let mut app = quiz_app(120, 40, 1);
    press(&mut app, "/");
    type_text(&mut app, "by their own account, already called it");
    let hit = app.search.as_ref().unwrap().hits[0].clone();
    let scm_vs_om::search::Target::Question(q) = app.search_index.as_ref().unwrap().items[hit.item].target
    else {
        panic!("expected a question")
    };
    press(&mut app, "<Enter>");
    assert_eq!(app.tab, Tab::Quiz);
    assert_eq!(app.quiz.screen, QuizScreen::Question);
    let card = app.quiz.session.as_ref().unwrap().card().unwrap();
    assert_eq!(card.id, app.content.questions[q].id);
}

#[test]
fn search_keys_type_and_edit_and_close() {
    let mut app = builtin_app(120, 40);
    press(&mut app, "/");
    // Letters that are commands elsewhere (q, j, ?) are text here.
    type_text(&mut app, "qj?");
    assert_eq!(app.search.as_ref().unwrap().query, "qj?");
    assert!(app.running);
    press(&mut app, "<Backspace>");
    assert_eq!(app.search.as_ref().unwrap().query, "qj");
    press(&mut app, "<C-u>");
    assert_eq!(app.search.as_ref().unwrap().query, "");
    type_text(&mut app, "scor");
    let n = app.search.as_ref().unwrap().hits.len();
    assert!(n > 3);
    press(&mut app, "<Down> <Down> <C-n> <Up>");
    assert_eq!(app.search.as_ref().unwrap().selected, 2);
    press(&mut app, "<Esc>");
    assert!(app.search.is_none());
    assert_eq!(app.tab, Tab::Compare, "closing goes nowhere");
    press(&mut app, "/ <C-c>");
    assert!(!app.running, "Ctrl-C still quits");
}

#[test]
fn a_full_fit_run_gives_the_expected_scores() {
    let mut app = builtin_app(120, 40);
    press(&mut app, "4");
    assert_eq!(app.tab, Tab::Fit);
    let n = app.content.fit.statements.len();
    assert!(n >= 16);
    // Like everything pointing to SCM, dislike everything pointing to OM.
    for _ in 0..n {
        let s = &app.content.fit.statements[app.fit.current];
        let rating = if s.discipline == 0 { "e" } else { "a" };
        press(&mut app, rating);
    }
    assert_eq!(app.fit.screen, FitScreen::Result);
    let r = app.fit_result();
    assert_eq!(r.scores, [100, 0]);
    let s = screen(&app);
    assert!(s.contains("100/100") && s.contains("0/100"), "{s}");
    assert!(s.contains("reflection aid, not a test"), "{s}");
    assert!(!r.read_next.is_empty());
    // The first suggestion opens in Compare.
    press(&mut app, "<Enter>");
    assert_eq!(app.tab, Tab::Compare);
    assert_eq!(app.compare.dimension(), Some(r.read_next[0]));
}

#[test]
fn fit_answers_can_be_changed_and_restarted() {
    let mut app = builtin_app(120, 40);
    press(&mut app, "4 e e");
    assert_eq!(app.fit.current, 2);
    assert_eq!(app.tab, Tab::Fit);
    // Digits switch tabs here too, and the ratings are kept.
    press(&mut app, "5");
    assert_eq!(app.tab, Tab::Sources);
    press(&mut app, "4");
    assert_eq!((app.fit.rated(), app.fit.current), (2, 2));
    press(&mut app, "<Up> <Up> a");
    assert_eq!(app.fit.ratings[0], Some(1), "changed");
    assert_eq!(app.fit.current, 2, "on to the next one not rated");
    press(&mut app, "<Enter>");
    assert_eq!(app.fit.screen, FitScreen::Result);
    assert!(screen(&app).contains("not rated count as neutral"));
    press(&mut app, "<Esc>");
    assert_eq!(app.fit.screen, FitScreen::Statements);
    // Clearing asks first; anything but y keeps the ratings.
    press(&mut app, "<Enter> x");
    assert!(screen(&app).contains("Clear all 2 Fit ratings"), "{}", screen(&app));
    press(&mut app, "n");
    assert_eq!(app.fit.rated(), 2);
    press(&mut app, "x j");
    assert_eq!(app.fit.rated(), 2);
    assert!(app.confirm.is_none());
    press(&mut app, "x y");
    assert_eq!(app.fit.screen, FitScreen::Statements);
    assert_eq!(app.fit.rated(), 0);
    // Tab still leaves, and from the result the digits switch tabs again.
    press(&mut app, "<Tab>");
    assert_eq!(app.tab, Tab::Sources);
}

/// Fit ratings are kept as they are given and restored on the next start; the result can be
/// written to a file; clearing asks, and clears the kept ratings too.
#[test]
fn fit_ratings_are_kept_between_runs_and_the_result_can_be_written() {
    let dir = tempfile::tempdir().unwrap();
    let open = || builtin_app(120, 40).with_quiz(scm_vs_om::quiz::History::open(dir.path().to_path_buf()), 1);
    let mut app = open();
    press(&mut app, "4 e a d");
    assert!(dir.path().join("fit.json").exists(), "saved as given");
    // Quitting straight away loses nothing.
    press(&mut app, "q");
    assert!(!app.running);
    let mut app = open();
    assert_eq!(&app.fit.ratings[..4], [Some(5), Some(1), Some(4), None]);
    assert_eq!(app.fit.current, 3, "on to the first statement not rated");
    press(&mut app, "4");
    assert!(screen(&app).contains("3 rated"), "{}", screen(&app));
    // The result, written to the data directory.
    press(&mut app, "<Enter> w");
    let written = dir.path().join("fit-result.md");
    let text = std::fs::read_to_string(&written).unwrap();
    assert!(text.starts_with("# Which field fits me? My result"), "{text}");
    assert!(text.contains("3 of 30 statements rated"), "{text}");
    assert!(screen(&app).contains("Wrote the result to"), "{}", screen(&app));
    // Clearing asks; yes clears the kept ratings too.
    press(&mut app, "x y");
    assert_eq!(app.fit.rated(), 0);
    assert!(!dir.path().join("fit.json").exists());
    assert_eq!(open().fit.rated(), 0);
}

#[test]
fn with_history_off_fit_keeps_nothing_and_says_so() {
    let mut app = builtin_app(120, 40);
    press(&mut app, "4 e <Enter> w");
    assert!(screen(&app).contains("Could not write the result: saving is off"), "{}", screen(&app));
}

/// A dimension opened in Compare counts as read, and stays read on the next start from the
/// same data directory; with history off nothing is written.
#[test]
fn dimensions_read_are_kept_between_runs() {
    let dir = tempfile::tempdir().unwrap();
    let open = || builtin_app(120, 40).with_quiz(scm_vs_om::quiz::History::open(dir.path().to_path_buf()), 1);
    let mut app = open();
    assert!(app.compare.read.iter().all(|r| !r), "nothing read at first");
    press(&mut app, "<Enter> n");
    assert_eq!(&app.compare.read[..3], [true, true, false]);
    assert!(dir.path().join("read.json").exists(), "kept as read");
    press(&mut app, "q");
    let app = open();
    assert_eq!(&app.compare.read[..3], [true, true, false], "restored on the next start");
    // A damaged file is set aside with a notice, and nothing counts as read.
    std::fs::write(dir.path().join("read.json"), "{not json").unwrap();
    let app = open();
    assert!(app.compare.read.iter().all(|r| !r));
    assert!(std::fs::read_dir(dir.path()).unwrap().any(|e| {
        let name = e.unwrap().file_name().into_string().unwrap();
        name.starts_with("read.json") && name != "read.json"
    }));
    // History off (`--no-history`): marked in memory, kept nowhere, and no complaint.
    let mut app = builtin_app(120, 40).with_quiz(scm_vs_om::quiz::History::disabled(), 1);
    press(&mut app, "<Enter>");
    assert!(app.compare.read[0]);
    assert!(!screen(&app).contains("Could not keep"), "{}", screen(&app));
}

/// `u` opens the next dimension not yet read, skipping read ones, from the matrix too, and
/// wraps to the top; the list shows the marks.
#[test]
fn next_unread_skips_what_was_read_and_wraps() {
    let mut app = builtin_app(120, 40);
    let n = app.content.dimensions.len();
    press(&mut app, "u");
    assert_eq!(app.compare.dimension(), Some(0), "from the matrix: the first unread");
    press(&mut app, "n n u");
    assert_eq!(app.compare.dimension(), Some(3), "0, 1, 2 read: on to 3");
    press(&mut app, "h");
    assert!(screen(&app).contains("\u{25cb}\u{2713} "), "read mark in the list: {}", screen(&app));
    assert!(screen(&app).contains("\u{25cb}  "), "unread rows have no read mark");
    // Read the last ones, then back to the top: the first unread is 4.
    press(&mut app, "G");
    assert_eq!(app.compare.dimension(), Some(n - 1));
    press(&mut app, "u");
    assert_eq!(app.compare.dimension(), Some(4), "wrapped to the first unread");
    // Everything read: `u` stays and says so.
    for _ in 0..n {
        press(&mut app, "u");
    }
    assert!(app.compare.read.iter().all(|r| *r));
    let here = app.compare.selected;
    press(&mut app, "u");
    assert_eq!(app.compare.selected, here);
    assert!(screen(&app).contains("Every dimension has been read"), "{}", screen(&app));
}

/// An answered question moves its dimension's mark in the Compare list from new to learning.
#[test]
fn the_compare_list_shows_mastery_from_the_quiz() {
    let mut app = common::quiz_app(120, 40, 7);
    assert!(app.quiz.mastery.iter().all(|m| *m == scm_vs_om::quiz::Mastery::New));
    press(&mut app, "2 <Enter>");
    let dimension = app.quiz.session.as_ref().and_then(|s| s.card()).expect("a question").dimension;
    let right = common::right_letters(&app);
    common::answer_with(&mut app, &right);
    assert!(app.quiz.answered(), "{}", screen(&app));
    let id = app.quiz.session.as_ref().and_then(|s| s.card()).unwrap().id.clone();
    assert_eq!(app.quiz.schedule.mastery(&id), scm_vs_om::quiz::Mastery::Learning, "{id}");
    assert_eq!(
        app.quiz.mastery[dimension],
        scm_vs_om::quiz::Mastery::Learning,
        "{id} {dimension} {:?}",
        app.quiz.mastery
    );
    // In Compare, that dimension's row in the list carries the half-filled mark.
    app.open_dimension(dimension);
    press(&mut app, "h");
    let start: String = app.content.dimensions[dimension].title.chars().take(8).collect();
    let shown = screen(&app);
    assert!(shown.contains(&format!("\u{25d0}\u{2713} {start}")), "{shown}");
}
