//! The Quiz tab driven with keys, from the start form to the results and back.

mod common;

use common::{advance_clock, answer_with, press, quiz_app, right_letters, screen, wrong_letters};
use scm_vs_om::app::{QuizScreen, Tab};
use scm_vs_om::content::QuestionKind;
use scm_vs_om::quiz::History;

#[test]
fn a_whole_quiz_answered_right() {
    let mut app = quiz_app(120, 40, 42);
    press(&mut app, "2");
    assert_eq!(app.tab, Tab::Quiz);
    assert_eq!(app.quiz.screen, QuizScreen::Start);
    press(&mut app, "<Enter>");
    assert_eq!(app.quiz.screen, QuizScreen::Question);
    let total = app.quiz.session.as_ref().unwrap().cards.len();
    assert_eq!(total, 20);
    for i in 0..total {
        assert!(screen(&app).contains(&format!("Question {} of 20", i + 1)));
        let letters = right_letters(&app);
        answer_with(&mut app, &letters);
        assert!(app.quiz.answered());
        assert!(screen(&app).contains("✓ Correct"), "{}", screen(&app));
        advance_clock(3);
        press(&mut app, "<Enter>");
    }
    assert_eq!(app.quiz.screen, QuizScreen::Results);
    let s = screen(&app);
    assert!(s.contains("Score: 20/20 (100%)"), "{s}");
    assert!(s.contains("Every answer right."), "{s}");
}

#[test]
fn mistakes_come_back_until_all_are_right() {
    let mut app = quiz_app(120, 40, 7);
    press(&mut app, "2 <Down> <Left> <Enter>");
    // "How many" moved back from 20 to 10.
    let total = app.quiz.session.as_ref().unwrap().cards.len();
    assert_eq!(total, 10);
    for i in 0..total {
        let letters = if i % 3 == 0 { wrong_letters(&app) } else { right_letters(&app) };
        answer_with(&mut app, &letters);
        press(&mut app, "<Enter>");
    }
    let s = screen(&app);
    assert!(s.contains("Score: 6/10 (60%)"), "{s}");
    assert!(s.contains("Missed (4)"), "{s}");
    // Retry: the four missed, then (one still wrong) one, then none.
    press(&mut app, "r");
    assert_eq!(app.quiz.round, 1);
    assert_eq!(app.quiz.session.as_ref().unwrap().cards.len(), 4);
    for i in 0..4 {
        let letters = if i == 0 { wrong_letters(&app) } else { right_letters(&app) };
        answer_with(&mut app, &letters);
        press(&mut app, "<Enter>");
    }
    assert!(screen(&app).contains("Score: 3/4 (75%) (retry round 1)"));
    press(&mut app, "r");
    let letters = right_letters(&app);
    answer_with(&mut app, &letters);
    press(&mut app, "<Enter>");
    assert!(screen(&app).contains("Every answer right."));
    press(&mut app, "r");
    assert_eq!(app.quiz.screen, QuizScreen::Results, "nothing left to retry");
    assert!(app.quiz.notice.is_some());
    press(&mut app, "n");
    assert_eq!(app.quiz.screen, QuizScreen::Start);
}

#[test]
fn a_choose_all_question_is_wrong_when_partly_right() {
    // The first seed whose quiz starts with a choose-all question of two or more right
    // options, so the test keeps testing that whatever the content's order.
    let mut app = (1..200)
        .map(|seed| {
            let mut app = quiz_app(120, 40, seed);
            press(&mut app, "2 <Enter>");
            app
        })
        .find(|app| {
            let card = app.quiz.session.as_ref().unwrap().card().unwrap();
            card.multi && card.correct.len() >= 2
        })
        .expect("some seed starts with a choose-all question");
    let card = app.quiz.session.as_ref().unwrap().card().unwrap().clone();
    // Enter with nothing ticked is refused with a hint, not scored.
    press(&mut app, "<Enter>");
    assert!(!app.quiz.answered());
    assert!(app.quiz.notice.is_some());
    // Ticking one right option only (with Space on the highlighted one).
    for _ in 0..card.correct[0] {
        press(&mut app, "<Down>");
    }
    press(&mut app, "<Space> <Enter>");
    assert!(app.quiz.answered());
    assert!(screen(&app).contains("✗ Incorrect"));
}

#[test]
fn answer_letters_win_over_navigation_while_a_question_is_open() {
    let mut app = quiz_app(120, 40, 3);
    press(&mut app, "2 <Enter>");
    while app.quiz.session.as_ref().unwrap().card().unwrap().multi {
        let letters = right_letters(&app);
        answer_with(&mut app, &letters);
        press(&mut app, "<Enter>");
    }
    // 'c' is "open in Compare" after answering, but an answer letter before.
    press(&mut app, "c");
    assert!(app.quiz.answered());
    assert_eq!(app.tab, Tab::Quiz);
    // Tab still switches tabs and q still quits, even mid-question.
    press(&mut app, "<Enter> <Tab>");
    assert_eq!(app.tab, Tab::Glossary);
    press(&mut app, "2 q");
    assert!(!app.running);
}

#[test]
fn compare_from_feedback_and_back_to_the_same_place() {
    let mut app = quiz_app(120, 40, 5);
    press(&mut app, "2 <Enter>");
    let letters = right_letters(&app);
    answer_with(&mut app, &letters);
    let card = app.quiz.session.as_ref().unwrap().card().unwrap().clone();
    press(&mut app, "c");
    assert_eq!(app.tab, Tab::Compare);
    assert_eq!(app.compare.dimension(), Some(card.dimension));
    assert!(screen(&app).contains("b back to quiz"));
    press(&mut app, "j b");
    assert_eq!(app.tab, Tab::Quiz);
    assert_eq!(app.quiz.session.as_ref().unwrap().current, 0, "the same question");
    assert!(app.quiz.answered(), "still showing its feedback");
    // Esc from the Compare list goes back too.
    press(&mut app, "c <Esc>");
    assert_eq!(app.tab, Tab::Quiz);
}

/// The question screen cannot take a typed answer yet, so no run, and no count on the start
/// form, includes an authored typed question: none can leave a learner stuck.
#[test]
fn typed_questions_wait_for_the_typing_field() {
    let mut app = quiz_app(120, 40, 5);
    let typed: Vec<&str> = app
        .content
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::Typed)
        .map(|q| q.id.as_str())
        .collect();
    assert!(!typed.is_empty(), "the built-in pack has typed questions to leave out");
    let typed: Vec<String> = typed.into_iter().map(String::from).collect();
    let askable = app.content.questions.len() - typed.len();
    // All, with the count set to every question that matches.
    press(&mut app, "2 <Down> <Right> <Right> <Enter>");
    let session = app.quiz.session.as_ref().expect("a quiz started");
    assert_eq!(session.cards.len(), askable);
    assert!(session.cards.iter().all(|c| !typed.contains(&c.id)), "a typed question was asked");
}

#[test]
fn the_drill_and_a_group_can_be_chosen() {
    let mut app = quiz_app(120, 40, 9);
    press(&mut app, "2 <Right> <Right> <Enter>");
    let card = app.quiz.session.as_ref().unwrap().card().unwrap().clone();
    assert!(card.id.starts_with("drill:"), "{card:?}");
    assert!(screen(&app).contains("Which field does this describe?"));
    let mut app = quiz_app(120, 40, 9);
    // All, Due, Drill, then the first group.
    press(&mut app, "2 l l l <Down> <Right> <Right> <Enter>");
    let session = app.quiz.session.as_ref().unwrap();
    assert!(session.cards.iter().all(|c| app.content.dimensions[c.dimension].group == 0));
    assert_eq!(
        session.cards.len(),
        app.content
            .questions
            .iter()
            // Typed questions wait for the question screen's typing field.
            .filter(|q| q.kind != QuestionKind::Typed && app.content.dimensions[q.dimension].group == 0)
            .count()
            .min(50)
    );
}

#[test]
fn due_with_no_history_offers_new_questions() {
    let mut app = quiz_app(120, 40, 9);
    press(&mut app, "2 <Right>");
    assert!(screen(&app).contains("Due for review, then new (0 due)"));
    press(&mut app, "<Enter>");
    assert_eq!(app.quiz.screen, QuizScreen::Question);
    assert_eq!(app.quiz.session.as_ref().unwrap().cards.len(), 20);
}

#[test]
fn answers_are_saved_and_make_questions_due() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = quiz_app(120, 40, 11).with_quiz(History::open(dir.path().to_path_buf()), 11);
    press(&mut app, "2 <Left> <Left> <Left> <Enter>");
    let n = app.quiz.session.as_ref().unwrap().cards.len();
    for _ in 0..n {
        let letters = wrong_letters(&app);
        answer_with(&mut app, &letters);
        press(&mut app, "<Enter>");
    }
    let saved = std::fs::read_to_string(dir.path().join("history.jsonl")).unwrap();
    assert_eq!(saved.lines().count(), n);
    assert!(saved.lines().all(|l| l.contains("\"ok\":false")));
    // Every one was missed, so FSRS brings every one back a minute later (its first
    // learning step), in this run and the next.
    assert_eq!(app.due_now(), 0);
    advance_clock(60);
    assert_eq!(app.due_now(), n);
    let again = quiz_app(120, 40, 12).with_quiz(History::open(dir.path().to_path_buf()), 12);
    assert_eq!(again.due_now(), n);
}
