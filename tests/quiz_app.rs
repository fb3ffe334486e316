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
    // Nothing left to retry: r is not offered and does nothing.
    assert!(!screen(&app).contains("r retry"), "{}", screen(&app));
    press(&mut app, "r");
    assert_eq!(app.quiz.screen, QuizScreen::Results, "nothing left to retry");
    // Neither Enter nor n (which moved on a moment ago) leaves the results; Esc does.
    press(&mut app, "<Enter> n");
    assert_eq!(app.quiz.screen, QuizScreen::Results);
    press(&mut app, "<Esc>");
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
    // To the first one-choice question (letters tick on choose-all ones and type on typed ones).
    while app.quiz.session.as_ref().unwrap().card().is_some_and(|c| c.multi || c.is_typed()) {
        let letters = right_letters(&app);
        answer_with(&mut app, &letters);
        press(&mut app, "<Enter>");
    }
    // 'c' answers c; pressed again, it does nothing (it used to open Compare).
    press(&mut app, "c c");
    assert!(app.quiz.answered());
    assert_eq!(app.tab, Tab::Quiz);
    // Tab still switches tabs and q still quits, even mid-question.
    press(&mut app, "<Enter> <Tab>");
    assert_eq!(app.tab, Tab::Glossary);
    press(&mut app, "2");
    if app.quiz.session.as_ref().unwrap().card().unwrap().is_typed() {
        // A typed question is text entry: q is a letter of the answer there, Ctrl-c quits.
        press(&mut app, "q");
        assert!(app.running && app.quiz.typed == "q");
        press(&mut app, "<C-c>");
    } else {
        press(&mut app, "q");
    }
    assert!(!app.running);
}

#[test]
fn compare_from_feedback_and_back_to_the_same_place() {
    let mut app = quiz_app(120, 40, 5);
    press(&mut app, "2 <Enter>");
    let letters = right_letters(&app);
    answer_with(&mut app, &letters);
    let card = app.quiz.session.as_ref().unwrap().card().unwrap().clone();
    press(&mut app, "o");
    assert_eq!(app.tab, Tab::Compare);
    assert_eq!(app.compare.dimension(), Some(card.dimension));
    assert!(screen(&app).contains("b back"));
    press(&mut app, "j b");
    assert_eq!(app.tab, Tab::Quiz);
    assert_eq!(app.quiz.session.as_ref().unwrap().current, 0, "the same question");
    assert!(app.quiz.answered(), "still showing its feedback");
    // Backspace goes back too, even after visiting another tab on the way.
    press(&mut app, "o 3 <Backspace>");
    assert_eq!(app.tab, Tab::Quiz);
    assert!(!screen(&app).contains("b back"), "nothing left to go back to");
}

/// Typed questions are asked like the others: a run of every question includes them, and
/// each built-in one is answered right by typing its first accepted answer.
#[test]
fn typed_questions_are_asked_and_answered_by_typing() {
    let mut app = quiz_app(120, 40, 5);
    let typed: Vec<String> = app
        .content
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::Typed)
        .map(|q| q.id.clone())
        .collect();
    assert!(typed.len() >= 40, "the built-in pack has typed questions: {}", typed.len());
    // All, with the count set to every question that matches.
    press(&mut app, "2 <Down> <Right> <Right> <Enter>");
    let session = app.quiz.session.as_ref().expect("a quiz started");
    assert_eq!(session.cards.len(), app.content.questions.len());
    assert!(
        typed.iter().all(|id| session.cards.iter().any(|c| &c.id == id)),
        "every typed question is asked"
    );
    let mut answered = 0;
    while app.quiz.screen == QuizScreen::Question {
        let card = app.quiz.session.as_ref().unwrap().card().unwrap().clone();
        if card.is_typed() {
            app.insert_text(&card.accepted[0]);
            press(&mut app, "<Enter>");
            assert!(screen(&app).contains("✓ Correct"), "{}: {}", card.id, screen(&app));
            answered += 1;
        } else {
            let letters = right_letters(&app);
            answer_with(&mut app, &letters);
        }
        press(&mut app, "<Enter>");
    }
    assert_eq!(answered, typed.len());
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
            .filter(|q| app.content.dimensions[q.dimension].group == 0)
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

#[test]
fn enter_pressed_twice_never_answers_by_chance() {
    // A seed whose first two questions have options (a typed one takes Enter to submit).
    let seed = (4..200)
        .find(|&seed| {
            let mut app = quiz_app(120, 40, seed);
            press(&mut app, "2 <Enter>");
            app.quiz.session.as_ref().unwrap().cards[..2].iter().all(|c| !c.is_typed())
        })
        .expect("a seed with two option questions first");
    let mut app = quiz_app(120, 40, seed);
    press(&mut app, "2 <Enter> <Enter>");
    assert_eq!(app.quiz.screen, QuizScreen::Question);
    assert!(!app.quiz.answered(), "a second Enter does not answer the new question");
    assert!(app.quiz.notice.is_some(), "it says how to answer");
    let letters = right_letters(&app);
    answer_with(&mut app, &letters);
    press(&mut app, "<Enter> <Enter>");
    assert_eq!(app.quiz.session.as_ref().unwrap().current, 1);
    assert!(!app.quiz.answered(), "nor does an Enter after moving on");
    // Once an option is highlighted, Enter answers with it.
    press(&mut app, "<Down> <Enter>");
    assert!(app.quiz.answered() || app.quiz.session.as_ref().unwrap().card().unwrap().multi);
}

#[test]
fn esc_ends_a_quiz_after_asking_and_shows_the_results_so_far() {
    let mut app = quiz_app(120, 40, 6);
    press(&mut app, "2 <Enter>");
    for _ in 0..3 {
        let letters = right_letters(&app);
        answer_with(&mut app, &letters);
        press(&mut app, "<Enter>");
    }
    press(&mut app, "<Esc>");
    let s = screen(&app);
    assert!(s.contains("End this quiz now (3 of 20 answered)?"), "{s}");
    // Esc again, n, or any other key says no.
    press(&mut app, "<Esc>");
    assert!(app.confirm.is_none() && app.quiz.screen == QuizScreen::Question);
    press(&mut app, "<Esc> n");
    assert_eq!(app.quiz.screen, QuizScreen::Question);
    press(&mut app, "<Esc> j");
    assert!(app.confirm.is_none());
    assert_eq!(app.quiz.screen, QuizScreen::Question, "j said no, then moved the highlight");
    press(&mut app, "<Esc> y");
    assert_eq!(app.quiz.screen, QuizScreen::Results);
    let s = screen(&app);
    assert!(s.contains("Score: 3/3 (100%)"), "the results are those of the questions answered: {s}");
    // Ending with nothing answered goes back to the start form.
    press(&mut app, "<Esc> <Enter> <Esc> y");
    assert_eq!(app.quiz.screen, QuizScreen::Start);
    assert!(app.quiz.session.is_none());
}

#[test]
fn a_skipped_question_comes_back_at_the_end() {
    let mut app = quiz_app(120, 40, 8);
    press(&mut app, "2 <Down> <Left> <Enter>");
    let ids = |app: &scm_vs_om::app::App| {
        app.quiz.session.as_ref().unwrap().cards.iter().map(|c| c.id.clone()).collect::<Vec<_>>()
    };
    let before = ids(&app);
    assert_eq!(before.len(), 10);
    press(&mut app, "s");
    let after = ids(&app);
    assert_eq!(after[..9], before[1..]);
    assert_eq!(after[9], before[0], "the skipped one is last");
    assert!(screen(&app).contains("Question 1 of 10"), "still 10 questions, none answered");
    // Answer all but the last; the skipped one is asked last, and cannot be skipped again.
    for _ in 0..9 {
        let letters = right_letters(&app);
        answer_with(&mut app, &letters);
        press(&mut app, "<Enter>");
    }
    assert_eq!(app.quiz.session.as_ref().unwrap().card().unwrap().id, before[0]);
    press(&mut app, "s");
    assert_eq!(app.quiz.session.as_ref().unwrap().card().unwrap().id, before[0]);
    assert!(screen(&app).contains("last question left"), "{}", screen(&app));
    let letters = right_letters(&app);
    answer_with(&mut app, &letters);
    press(&mut app, "<Enter>");
    assert!(screen(&app).contains("Score: 10/10 (100%)"), "{}", screen(&app));
}

#[test]
fn an_unfinished_quiz_survives_quitting_and_resumes_where_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let open = |seed| quiz_app(120, 40, seed).with_quiz(History::open(dir.path().to_path_buf()), seed);
    let mut app = open(21);
    press(&mut app, "2 <Enter>");
    for _ in 0..7 {
        let letters = right_letters(&app);
        answer_with(&mut app, &letters);
        press(&mut app, "<Enter>");
    }
    let ids: Vec<String> = app.quiz.session.as_ref().unwrap().cards.iter().map(|c| c.id.clone()).collect();
    press(&mut app, "q");
    assert!(!app.running, "q quits at once: nothing to ask, nothing is lost");
    drop(app);
    let mut app = open(22);
    press(&mut app, "2");
    let s = screen(&app);
    assert!(s.contains("Resume: 7 of 20 answered"), "{s}");
    assert!(s.contains("r resume"), "the footer offers it: {s}");
    press(&mut app, "r");
    let session = app.quiz.session.as_ref().unwrap();
    assert_eq!(session.current, 7);
    assert_eq!(session.cards.iter().map(|c| c.id.clone()).collect::<Vec<_>>(), ids);
    assert!(screen(&app).contains("Question 8 of 20"), "{}", screen(&app));
    // Finishing it removes what was kept: the next run offers nothing to resume.
    for _ in 7..20 {
        let letters = right_letters(&app);
        answer_with(&mut app, &letters);
        press(&mut app, "<Enter>");
    }
    assert!(screen(&app).contains("Score: 20/20 (100%)"), "{}", screen(&app));
    assert!(!dir.path().join("quiz.json").exists());
    let mut app = open(23);
    press(&mut app, "2");
    assert!(!screen(&app).contains("resume"));
}

#[test]
fn a_new_quiz_asks_before_dropping_the_unfinished_one() {
    let dir = tempfile::tempdir().unwrap();
    let open = |seed| quiz_app(120, 40, seed).with_quiz(History::open(dir.path().to_path_buf()), seed);
    let mut app = open(31);
    press(&mut app, "2 <Enter>");
    let letters = right_letters(&app);
    answer_with(&mut app, &letters);
    drop(app);
    let mut app = open(32);
    press(&mut app, "2 <Enter>");
    let s = screen(&app);
    assert!(s.contains("Start a new quiz?") && s.contains("(1 of 20 answered)"), "{s}");
    press(&mut app, "n");
    assert_eq!(app.quiz.screen, QuizScreen::Start);
    assert!(app.quiz.resume.is_some());
    press(&mut app, "<Enter> y");
    assert_eq!(app.quiz.screen, QuizScreen::Question);
    assert!(app.quiz.resume.is_none());
    assert!(screen(&app).contains("Question 1 of 20 0/20"), "{}", screen(&app));
}

#[test]
fn a_search_result_never_silently_replaces_a_running_quiz() {
    let mut app = quiz_app(120, 40, 13);
    press(&mut app, "2 <Enter>");
    let letters = right_letters(&app);
    answer_with(&mut app, &letters);
    press(&mut app, "<Enter>");
    let running: Vec<String> =
        app.quiz.session.as_ref().unwrap().cards.iter().map(|c| c.id.clone()).collect();
    // A question as a search result.
    let q = &app.content.questions[0];
    let (id, words) = (q.id.clone(), q.prompt.split_whitespace().take(4).collect::<Vec<_>>().join(" "));
    let search = |app: &mut scm_vs_om::app::App| {
        press(app, "/");
        for c in words.chars() {
            let key = if c == ' ' { "<Space>".to_string() } else { c.to_string() };
            press(app, &key);
        }
        let hit = app.search.as_ref().unwrap().hits.iter().position(|h| {
            matches!(
                app.search_index.as_ref().unwrap().items[h.item].target,
                scm_vs_om::search::Target::Question(0)
            )
        });
        for _ in 0..hit.expect("the question is found") {
            press(app, "<Down>");
        }
        press(app, "<Enter>");
    };
    search(&mut app);
    assert!(screen(&app).contains("A quiz is under way (1 of 20 answered)"), "{}", screen(&app));
    press(&mut app, "n");
    let same: Vec<String> = app.quiz.session.as_ref().unwrap().cards.iter().map(|c| c.id.clone()).collect();
    assert_eq!(same, running, "no: the quiz is untouched");
    search(&mut app);
    press(&mut app, "y");
    let session = app.quiz.session.as_ref().unwrap();
    assert_eq!((session.cards.len(), session.cards[0].id.clone()), (1, id));
    let letters = right_letters(&app);
    answer_with(&mut app, &letters);
    press(&mut app, "<Enter> <Esc>");
    // The quiz waited: it resumes where it was.
    assert!(screen(&app).contains("Resume: 1 of 20 answered"), "{}", screen(&app));
    press(&mut app, "r");
    let session = app.quiz.session.as_ref().unwrap();
    assert_eq!(session.cards.iter().map(|c| c.id.clone()).collect::<Vec<_>>(), running);
    assert_eq!(session.current, 1);
}

/// Every option of every authored question can be highlighted and seen at the smallest size
/// the app supports (the question scrolls to it).
#[test]
fn every_option_is_reachable_at_40x12() {
    let mut app = quiz_app(40, 12, 17);
    // All questions, all of them.
    press(&mut app, "2 <Down> <Right> <Right> <Enter>");
    let n = app.quiz.session.as_ref().unwrap().cards.len();
    assert_eq!(n, app.content.questions.len());
    for _ in 0..n {
        let card = app.quiz.session.as_ref().unwrap().card().unwrap().clone();
        press(&mut app, "<Home>");
        for (i, option) in card.options.iter().enumerate() {
            let letter = scm_vs_om::keymap::OPTION_LETTERS[i];
            let s = screen(&app);
            let shown = format!("▸{}{letter}) ", if card.multi { "[ ] " } else { "" });
            assert!(s.contains(&shown), "option {letter} ({option}) of {} not in view:\n{s}", card.id);
            press(&mut app, "<Down>");
        }
        if card.is_typed() {
            // No options to reach: the answer is typed.
            app.insert_text(&card.accepted[0]);
            press(&mut app, "<Enter>");
        } else {
            let letters = right_letters(&app);
            answer_with(&mut app, &letters);
        }
        press(&mut app, "<Enter>");
    }
    assert_eq!(app.quiz.screen, QuizScreen::Results);
}

/// A 10,000-character prompt: its options are still reachable, and all of it can be read
/// with the page keys.
#[test]
fn a_very_long_prompt_scrolls_to_its_options() {
    use scm_vs_om::content::{Content, FILES, decode};
    let long: String = (0..1112).map(|i| format!("w{:07} ", i)).collect::<String>().trim_end().to_string();
    assert!(long.len() >= 10_000);
    let files = FILES
        .iter()
        .zip(common::MINIMAL)
        .map(|(name, text)| {
            let text = if *name == "quiz.toml" {
                text.replacen("prompt = \"Which is wide?\"", &format!("prompt = \"{long}\""), 1)
            } else {
                text.to_string()
            };
            decode(format!("pack/{name}"), text.into_bytes())
        })
        .collect();
    let content = Content::from_files(files).unwrap_or_else(|e| panic!("{e}"));
    for (w, h) in [(80, 24), (40, 12)] {
        let mut app = scm_vs_om::app::App::new(content.clone(), &scm_vs_om::ui::theme::COLOUR, (w, h))
            .with_clock(common::test_clock);
        press(&mut app, "2 <Down> <Right> <Right> <Enter>");
        while app.quiz.session.as_ref().unwrap().card().unwrap().id != "scope-single" {
            let letters = right_letters(&app);
            answer_with(&mut app, &letters);
            press(&mut app, "<Enter>");
        }
        let options = app.quiz.session.as_ref().unwrap().card().unwrap().options.clone();
        assert!(screen(&app).contains("w0000000 "), "the prompt starts at the top");
        for (i, option) in options.iter().enumerate() {
            press(&mut app, if i == 0 { "<Home>" } else { "<Down>" });
            let s = screen(&app);
            assert!(
                s.contains(&format!("▸{}) {option}", scm_vs_om::keymap::OPTION_LETTERS[i])),
                "{w}×{h}:\n{s}"
            );
        }
        // Paging up reaches the start of the prompt again; paging down passes every word.
        let mut seen = std::collections::BTreeSet::new();
        while app.quiz.question_scroll > 0 {
            press(&mut app, "<PgUp>");
        }
        assert!(screen(&app).contains("w0000000 "), "{w}×{h}");
        loop {
            seen.extend(screen(&app).split_whitespace().filter(|t| t.starts_with('w')).map(str::to_string));
            let at = app.quiz.question_scroll;
            press(&mut app, "<PgDn>");
            if app.quiz.question_scroll == at {
                break;
            }
        }
        assert!((0..1112).all(|i| seen.contains(&format!("w{i:07}"))), "{w}×{h}: every word can be read");
        // The wheel scrolls the text too.
        let bottom = app.quiz.question_scroll;
        app.update(scm_vs_om::action::Action::Wheel(1, 6, false));
        assert_eq!(app.quiz.question_scroll, bottom - 3, "{w}×{h}");
        press(&mut app, "<Enter>");
        assert!(app.quiz.answered(), "Enter answers with the highlighted option");
    }
}

/// The screens this file's keys lead to, as a user sees them.
#[test]
fn snapshots_of_leaving_and_resuming() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = quiz_app(w, h, 42);
        press(&mut app, "2 <Enter>");
        let letters = right_letters(&app);
        answer_with(&mut app, &letters);
        press(&mut app, "<Enter> <Esc>");
        insta::assert_snapshot!(format!("end_quiz_asks_{w}x{h}"), screen(&app));
        // What the next run's start form shows.
        let saved = scm_vs_om::saved::SavedQuiz::of(app.quiz.session.as_ref().unwrap(), 0);
        let mut app = quiz_app(w, h, 43);
        app.quiz.resume = Some(saved);
        press(&mut app, "2");
        insta::assert_snapshot!(format!("start_offers_resume_{w}x{h}"), screen(&app));
    }
    // The smallest size: the last option scrolled into view.
    let mut app = quiz_app(40, 12, 42);
    press(&mut app, "2 <Enter> <End>");
    insta::assert_snapshot!("question_scrolled_40x12", screen(&app));
}

/// A retry left unfinished and resumed in the next run keeps the path of the rounds before it.
#[test]
fn a_resumed_retry_keeps_the_path_of_rounds() {
    let dir = tempfile::tempdir().unwrap();
    let open = |seed| quiz_app(120, 40, seed).with_quiz(History::open(dir.path().to_path_buf()), seed);
    let mut app = open(21);
    press(&mut app, "2 <Enter>");
    for i in 0..20 {
        let letters = if i == 0 { wrong_letters(&app) } else { right_letters(&app) };
        answer_with(&mut app, &letters);
        press(&mut app, "<Enter>");
    }
    assert!(screen(&app).contains("Score: 19/20"), "{}", screen(&app));
    // Retry the missed one, then quit before answering it (Ctrl-c quits even in a typed field).
    press(&mut app, "r");
    assert_eq!(app.quiz.session.as_ref().unwrap().cards.len(), 1);
    press(&mut app, "<C-c>");
    assert!(!app.running);
    drop(app);
    let mut app = open(22);
    press(&mut app, "2 r");
    let letters = right_letters(&app);
    answer_with(&mut app, &letters);
    press(&mut app, "<Enter>");
    let s = screen(&app);
    assert!(s.contains("Rounds: 19/20 \u{2192} 1/1"), "{s}");
}
