//! The quiz screens that teach, driven with keys: typed answers (and the glossary's cards),
//! grading a right answer hard, good or easy, a leech flagged, partial credit and missed
//! options, the path across retry rounds, and a missed question opened in Compare.

mod common;

use common::{advance_clock, pack_app, press, right_letters, screen, test_clock, wrong_letters};
use scm_vs_om::app::{App, QuizScreen, Tab};
use scm_vs_om::quiz::{Grade, History, Record, Schedule};

/// The "typed" test pack (the minimal pack with three typed questions), seeded, test clock.
fn typed_app(width: u16, height: u16, seed: u64, history: History) -> App {
    pack_app("typed", width, height).with_quiz(history, seed).with_clock(test_clock)
}

fn card(app: &App) -> &scm_vs_om::quiz::Card {
    app.quiz.session.as_ref().and_then(|s| s.card()).expect("a question is showing")
}

/// Types text key by key, through the key table, as a user would.
fn type_text(app: &mut App, text: &str) {
    let keys: Vec<String> =
        text.chars().map(|c| if c == ' ' { "<Space>".to_string() } else { c.to_string() }).collect();
    press(app, &keys.join(" "));
}

/// Answers the questions that are not typed (right) until a typed one shows; returns its id.
fn until_typed(app: &mut App, id: Option<&str>) -> String {
    for _ in 0..20 {
        let c = card(app);
        if c.is_typed() && id.is_none_or(|id| c.id == id) {
            return c.id.clone();
        }
        if c.is_typed() {
            type_text(app, "x");
            press(app, "<Enter> <Enter>");
            continue;
        }
        let letters = right_letters(app);
        common::answer_with(app, &letters);
        press(app, "<Enter>");
    }
    panic!("no typed question came");
}

#[test]
fn a_typed_answer_takes_every_key_as_text_and_enter_submits() {
    let mut app = typed_app(120, 40, 3, History::disabled());
    press(&mut app, "2 <Enter>");
    until_typed(&mut app, Some("scope-typed-number"));
    let s = screen(&app);
    assert!(s.contains("Type the answer"), "{s}");
    // Digits and letters go into the field: no tab switch, no option, no quit, no help.
    type_text(&mut app, "1q?/a3");
    assert_eq!(app.tab, Tab::Quiz);
    assert!(app.running && app.help.is_none() && app.search.is_none());
    assert_eq!(app.quiz.typed, "1q?/a3");
    assert!(!app.quiz.answered());
    assert!(screen(&app).contains("› 1q?/a3█"), "{}", screen(&app));
    press(&mut app, "<Backspace>");
    assert_eq!(app.quiz.typed, "1q?/a");
    press(&mut app, "<C-u>");
    assert_eq!(app.quiz.typed, "");
    // Enter with nothing typed asks for an answer and answers nothing.
    press(&mut app, "<Enter>");
    assert!(!app.quiz.answered());
    assert!(screen(&app).contains("Type an answer first"), "{}", screen(&app));
    // A paste is one edit, its line break a space and its controls dropped.
    app.insert_text("  t\u{1b}[31mw\no");
    assert_eq!(app.quiz.typed, "  tw o", "the escape sequence is dropped whole");
    press(&mut app, "<C-u>");
    app.insert_text("Two");
    press(&mut app, "<Enter>");
    assert!(app.quiz.answered());
    let s = screen(&app);
    assert!(s.contains("✓ Correct"), "{s}");
    assert!(s.contains("Answer: 2"), "the expected answer is always shown: {s}");
    assert!(s.contains("“Two” is accepted too."), "{s}");
    assert!(s.contains("✓ Two (your answer)"), "{s}");
}

#[test]
fn a_typo_is_forgiven_and_said_and_a_wrong_answer_shows_the_expected_one() {
    let mut app = typed_app(120, 40, 5, History::disabled());
    press(&mut app, "2 <Enter>");
    let (mut forgiven, mut wrong) = (false, false);
    while app.quiz.screen == QuizScreen::Question {
        let c = card(&app);
        if c.id == "scope-typed-index" {
            type_text(&mut app, "alpha idnex");
            press(&mut app, "<Enter>");
            let s = screen(&app);
            assert!(s.contains("✓ Correct"), "{s}");
            assert!(
                s.contains(
                    "Accepted with a typo forgiven: you typed “alpha idnex”; it is spelled “Alpha index”."
                ),
                "{s}"
            );
            forgiven = true;
        } else if c.is_typed() {
            // "beta" is none of the other typed questions' answers.
            let expected = c.accepted[0].clone();
            type_text(&mut app, "beta");
            press(&mut app, "<Enter>");
            let s = screen(&app);
            assert!(s.contains("✗ Incorrect"), "{s}");
            assert!(s.contains(&format!("Answer: {expected}")), "the expected answer is shown: {s}");
            assert!(s.contains("You typed “beta”."), "{s}");
            // A wrong answer is not graded: the grading keys are not offered.
            assert!(!s.contains("hard/good/easy"), "{s}");
            wrong = true;
        } else {
            let letters = right_letters(&app);
            common::answer_with(&mut app, &letters);
        }
        press(&mut app, "<Enter>");
    }
    assert!(forgiven && wrong);
}

#[test]
fn the_glossary_is_offered_on_the_start_form_and_asks_names_typed() {
    let mut app = typed_app(120, 40, 8, History::disabled());
    press(&mut app, "2 <Left> <Left>");
    let s = screen(&app);
    assert!(s.contains("Glossary: terms and definitions"), "{s}");
    assert!(s.contains("4 questions match"), "two terms, each asked both ways: {s}");
    press(&mut app, "<Enter>");
    let session = app.quiz.session.as_ref().unwrap();
    assert_eq!(session.cards.len(), 4);
    assert!(session.cards.iter().all(|c| c.id.starts_with("glossary:")));
    // Go to the card that asks the alpha index's name from its definition.
    for _ in 0..4 {
        if card(&app).id == "glossary:alpha-index:name" {
            break;
        }
        if card(&app).is_typed() {
            type_text(&mut app, "study");
            press(&mut app, "<Enter> <Enter>");
        } else {
            let letters = right_letters(&app);
            common::answer_with(&mut app, &letters);
            press(&mut app, "<Enter>");
        }
    }
    assert_eq!(card(&app).id, "glossary:alpha-index:name");
    assert!(screen(&app).contains("How wide a scope is."), "{}", screen(&app));
    // Its alias is accepted, and the name is shown as expected.
    type_text(&mut app, "ai");
    press(&mut app, "<Enter>");
    let s = screen(&app);
    assert!(s.contains("✓ Correct") && s.contains("Answer: Alpha index"), "{s}");
}

#[test]
fn a_right_answer_is_graded_good_unless_said_and_the_saved_line_is_regraded() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = typed_app(120, 40, 3, History::open(dir.path().to_path_buf()));
    press(&mut app, "2 <Enter>");
    let id = until_typed(&mut app, Some("scope-typed-name"));
    type_text(&mut app, "alpha");
    press(&mut app, "<Enter>");
    let s = screen(&app);
    assert!(s.contains("How was it? h hard  g [good]  e easy"), "good by default: {s}");
    assert!(s.contains("h/g/e hard/good/easy"), "the footer offers the grades: {s}");
    let good_due = app.quiz.schedule.slot(&id).unwrap().due_at();
    press(&mut app, "e");
    assert_eq!(app.quiz.grade, Some(Grade::Easy));
    assert!(screen(&app).contains("e [easy]"), "{}", screen(&app));
    let easy_due = app.quiz.schedule.slot(&id).unwrap().due_at();
    assert!(easy_due > good_due, "easy comes back later than good: {easy_due} vs {good_due}");
    press(&mut app, "h");
    let hard_due = app.quiz.schedule.slot(&id).unwrap().due_at();
    assert!(hard_due < good_due, "hard comes back sooner than good");
    // The saved answer carries the grade: a new run reads the same schedule.
    let again = History::open(dir.path().to_path_buf());
    let records: Vec<Record> = again.records().cloned().collect();
    let mine: Vec<&Record> = records.iter().filter(|r| r.question == id).collect();
    assert_eq!(mine.len(), 1, "a regrade changes the answer and adds none");
    assert_eq!(mine[0].grade(), Grade::Hard);
    assert_eq!(Schedule::from_history(&records).slot(&id).unwrap().due_at(), hard_due);
    // Enter still goes on; a grade key there is not an answer.
    press(&mut app, "<Enter>");
    assert!(!app.quiz.answered() || app.quiz.screen == QuizScreen::Results);
}

#[test]
fn a_leech_is_flagged_on_its_question() {
    let mut app = typed_app(120, 40, 2, History::disabled());
    let t = test_clock();
    let misses: Vec<Record> = (0..4).map(|k| Record::new("scope-single", t - 1000 + k * 10, false)).collect();
    app.quiz.schedule = Schedule::from_history(&misses);
    // The leeches are the last choice of "What".
    press(&mut app, "2 <Left> <Enter>");
    assert_eq!(card(&app).id, "scope-single");
    let s = screen(&app);
    assert!(s.contains("⚑ leech: missed 4 times"), "{s}");
}

#[test]
fn partial_credit_and_missed_options_on_a_choose_all_question() {
    let mut app = typed_app(120, 40, 4, History::disabled());
    press(&mut app, "2 <Enter>");
    for _ in 0..7 {
        if card(&app).multi {
            break;
        }
        if card(&app).is_typed() {
            type_text(&mut app, "x");
            press(&mut app, "<Enter> <Enter>");
        } else {
            let letters = right_letters(&app);
            common::answer_with(&mut app, &letters);
            press(&mut app, "<Enter>");
        }
    }
    assert!(card(&app).multi);
    // Tick one of the two right options only.
    let one = right_letters(&app)[0].clone();
    press(&mut app, &format!("{one} <Enter>"));
    let s = screen(&app);
    assert!(s.contains("✗ Incorrect"), "{s}");
    assert!(s.contains("You got 1 of 2 right."), "{s}");
    assert!(s.contains("(missed)"), "the right option left unticked is marked missed: {s}");
    assert!(s.contains("○ "), "{s}");
}

/// Plays the typed pack's quiz to its results, missing the given ids (right otherwise).
fn play(app: &mut App, miss: &[&str]) {
    while app.quiz.screen == QuizScreen::Question {
        let c = card(app);
        let wrong = miss.contains(&c.id.as_str());
        if c.is_typed() {
            let text = if wrong { "nothing like it".to_string() } else { c.accepted[0].clone() };
            app.insert_text(&text);
            press(app, "<Enter>");
        } else if c.multi && wrong {
            // Partly right: one right option ticked of two.
            let one = right_letters(app)[0].clone();
            press(app, &format!("{one} <Enter>"));
        } else {
            let letters = if wrong { wrong_letters(app) } else { right_letters(app) };
            common::answer_with(app, &letters);
        }
        advance_clock(5);
        press(app, "<Enter>");
    }
}

#[test]
fn results_show_the_path_across_retries_and_partial_credit() {
    let mut app = typed_app(120, 40, 6, History::disabled());
    press(&mut app, "2 <Enter>");
    play(&mut app, &["scope-multi", "scope-typed-name", "scope-single"]);
    let s = screen(&app);
    assert!(s.contains("Score: 4/7"), "{s}");
    assert!(!s.contains("Rounds:"), "no path before a retry: {s}");
    assert!(s.contains("You got 1 of 2 right"), "{s}");
    press(&mut app, "r");
    play(&mut app, &["scope-single"]);
    press(&mut app, "r");
    play(&mut app, &[]);
    let s = screen(&app);
    assert!(s.contains("Rounds: 4/7 → 2/3 → 1/1"), "{s}");
    // A new quiz starts a new path.
    press(&mut app, "<Esc> <Enter>");
    play(&mut app, &[]);
    assert!(!screen(&app).contains("Rounds:"));
}

#[test]
fn a_missed_question_opens_its_dimension_in_compare_and_back_returns() {
    let mut app = typed_app(80, 24, 6, History::disabled());
    press(&mut app, "2 <Enter>");
    play(&mut app, &["scope-multi", "scope-typed-name"]);
    let missed = app.quiz.session.as_ref().unwrap().results(&app.content).missed;
    assert_eq!(missed.len(), 2);
    assert!(screen(&app).contains("▸✗ "), "the first missed is highlighted: {}", screen(&app));
    press(&mut app, "<Down> <Down> <Down>");
    assert_eq!(app.quiz.missed_cursor, 1, "the highlight stops at the last missed");
    press(&mut app, "<Up>");
    assert_eq!(app.quiz.missed_cursor, 0);
    press(&mut app, "o");
    assert_eq!(app.tab, Tab::Compare);
    assert_eq!(app.compare.selected, 1, "the missed question's dimension (the pack's only one)");
    press(&mut app, "b");
    assert_eq!(app.tab, Tab::Quiz);
    assert_eq!(app.quiz.screen, QuizScreen::Results);
}

#[test]
fn moving_through_a_long_missed_list_keeps_the_highlight_on_screen() {
    let mut app = typed_app(80, 24, 6, History::disabled());
    press(&mut app, "2 <Enter>");
    let all = ["scope-single", "scope-multi", "scope-true-false", "scope-which"];
    let typed = ["scope-typed-name", "scope-typed-index", "scope-typed-number"];
    let miss: Vec<&str> = all.iter().chain(&typed).copied().collect();
    play(&mut app, &miss);
    for _ in 0..6 {
        press(&mut app, "<Down>");
        let s = screen(&app);
        assert!(s.contains("▸✗ "), "the highlight is on screen: {s}");
    }
    assert!(app.quiz.scroll > 0, "the results scrolled to follow it");
    // Paging still scrolls freely.
    press(&mut app, "<PgUp>");
    assert_eq!(app.quiz.scroll, 0);
}

// ---- Snapshots: 80×24 and 120×40 ----

fn typed_feedback(width: u16, height: u16) -> App {
    let mut app = typed_app(width, height, 3, History::disabled());
    press(&mut app, "2 <Enter>");
    until_typed(&mut app, Some("scope-typed-index"));
    type_text(&mut app, "alpha indx");
    press(&mut app, "<Enter>");
    app
}

#[test]
fn snapshot_typed_question_and_its_answer() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = typed_app(w, h, 3, History::disabled());
        press(&mut app, "2 <Enter>");
        until_typed(&mut app, Some("scope-typed-index"));
        type_text(&mut app, "alpha indx");
        insta::assert_snapshot!(format!("typed_question_{w}x{h}"), screen(&app));
        press(&mut app, "<Enter>");
        insta::assert_snapshot!(format!("typed_answered_{w}x{h}"), screen(&app));
    }
}

#[test]
fn snapshot_graded_feedback() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = typed_feedback(w, h);
        press(&mut app, "e");
        insta::assert_snapshot!(format!("graded_feedback_{w}x{h}"), screen(&app));
    }
}

#[test]
fn snapshot_results_with_partial_credit_and_the_path() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = typed_app(w, h, 6, History::disabled());
        press(&mut app, "2 <Enter>");
        play(&mut app, &["scope-multi", "scope-typed-name", "scope-single"]);
        press(&mut app, "r");
        play(&mut app, &["scope-multi"]);
        insta::assert_snapshot!(format!("results_partial_path_{w}x{h}"), screen(&app));
    }
}

/// A typed question can be skipped too (Ctrl-s, as `s` is a letter of the answer there): it
/// comes back at the end, and what was typed does not follow to the next question.
#[test]
fn a_typed_question_can_be_skipped_and_comes_back_last() {
    let mut app = typed_app(120, 40, 3, History::disabled());
    press(&mut app, "2 <Enter>");
    until_typed(&mut app, Some("scope-typed-number"));
    type_text(&mut app, "sk");
    press(&mut app, "<C-s>");
    let session = app.quiz.session.as_ref().unwrap();
    assert_ne!(session.card().unwrap().id, "scope-typed-number", "another question shows");
    assert_eq!(session.cards.last().unwrap().id, "scope-typed-number", "the skipped one is last");
    assert_eq!(app.quiz.typed, "", "the text typed stays with the skipped question's field");
    assert!(screen(&app).contains("skip"), "the footer offers it: {}", screen(&app));
}
