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
    assert!(screen(&app).contains("Related terms"));
    press(&mut app, "l l l l");
    assert_eq!(app.compare.focus, CompareFocus::Terms);
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

    // A point of the comparison: its pane gets the focus.
    let mut app = builtin_app(120, 40);
    press(&mut app, "/");
    type_text(&mut app, "Pampers orders");
    let hit = app.search.as_ref().unwrap().hits[0].clone();
    let target = app.search_index.as_ref().unwrap().items[hit.item].target;
    let scm_vs_om::search::Target::Point { dimension, discipline, .. } = target else {
        panic!("expected a point first, got {target:?}")
    };
    press(&mut app, "<Enter>");
    assert_eq!(app.compare.dimension(), Some(dimension));
    assert_eq!(app.compare.focus, CompareFocus::Pane(discipline));

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
