//! The Progress tab: its figures from a fixed history at a fixed clock, its screens at 80×24
//! and 120×40 (snapshots), the empty state, and its keys.

mod common;

use common::{builtin_app, press, render, screen, test_clock};
use scm_vs_om::BuiltinContent;
use scm_vs_om::app::{App, FORECAST_DAYS, HISTORY_DAYS, Tab};
use scm_vs_om::content::Content;
use scm_vs_om::quiz::card::entries;
use scm_vs_om::quiz::{History, Record};

const DAY: u64 = 86_400;

/// A month of a learner's answers, in time order: most days some, a few days none, and two
/// questions missed again and again (leeches: the first 5 times, the second 4 times).
fn month_of_answers() -> Vec<Record> {
    let ids: Vec<String> = entries(&Content::builtin()).into_iter().map(|e| e.id).collect();
    let now = test_clock();
    let mut out = Vec::new();
    for day in 0..HISTORY_DAYS as u64 {
        // 06:00 before the clock's time of day, on each of the last 30 days.
        let start = now - (HISTORY_DAYS as u64 - 1 - day) * DAY - 6 * 3600;
        if day % 6 == 4 {
            continue;
        }
        let n = (day * 7 % 11) as usize + 1;
        for k in 0..n {
            let id = &ids[(day as usize * 13 + k * 7) % 150 + 2];
            out.push(Record::new(id.clone(), start + k as u64 * 60, !(day + k as u64).is_multiple_of(4)));
        }
        if [2, 6, 11, 15, 20].contains(&day) {
            out.push(Record::new(ids[0].clone(), start + 3000, false));
        }
        if [3, 8, 13, 19].contains(&day) {
            out.push(Record::new(ids[1].clone(), start + 3000, false));
        }
    }
    out
}

/// An app whose data directory holds `records` as history.jsonl, with the test clock, UTC
/// days, on the Progress tab.
fn learner(records: &[Record], size: (u16, u16)) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let lines: String = records.iter().map(|r| serde_json::to_string(r).expect("a record") + "\n").collect();
    std::fs::write(dir.path().join("history.jsonl"), lines).expect("history written");
    let history = History::open(dir.path().to_path_buf());
    assert_eq!(history.len(), records.len(), "every line read back");
    let mut app = builtin_app(size.0, size.1).with_quiz(history, 7).with_clock(test_clock).with_utc_offset(0);
    press(&mut app, "6");
    assert_eq!(app.tab, Tab::Progress);
    (app, dir)
}

#[test]
fn the_figures_come_from_the_saved_history() {
    let records = month_of_answers();
    let (app, _dir) = learner(&records, (80, 24));
    let f = app.progress.figures.as_ref().expect("worked out on opening the tab");
    assert_eq!(f.answers, records.len());
    assert!(f.saving);
    assert_eq!(f.days.len(), HISTORY_DAYS);
    assert_eq!(f.days.iter().map(|d| d.answers).sum::<usize>(), records.len(), "all within 30 days");
    assert_eq!(f.days[4].answers, 0, "a day without answers");
    assert_eq!(f.days[HISTORY_DAYS - 1].answers, (29 * 7 % 11) + 1, "today's");
    let right = records.iter().filter(|r| r.correct).count();
    assert_eq!(f.accuracy(), Some((right * 100 / records.len()) as u32));
    assert_eq!(f.forecast.len(), FORECAST_DAYS);
    assert!(f.forecast[0] >= f.due_now, "day 0 holds everything due now");
    let seen: std::collections::HashSet<&str> = records.iter().map(|r| r.question.as_str()).collect();
    let counted: usize = f.groups.iter().map(|g| g.learning + g.known).sum();
    assert_eq!(counted, seen.len(), "every answered card is learning or known");
    let misses: Vec<u32> = f.leeches.iter().map(|l| l.misses).collect();
    assert_eq!(misses, [5, 4], "the two leeches, most missed first");
}

#[test]
fn progress_80x24() {
    let (app, _dir) = learner(&month_of_answers(), (80, 24));
    insta::assert_snapshot!(render(&app));
}

#[test]
fn progress_120x40() {
    let (app, _dir) = learner(&month_of_answers(), (120, 40));
    insta::assert_snapshot!(render(&app));
}

#[test]
fn progress_empty_80x24_says_what_to_do() {
    let (app, _dir) = learner(&[], (80, 24));
    let text = screen(&app);
    assert!(text.contains("No answers yet"), "{text}");
    assert!(text.contains("press 2, then Enter"), "{text}");
    assert!(text.contains("Not taken yet"), "{text}");
    insta::assert_snapshot!(render(&app));
}

#[test]
fn the_page_scrolls_to_what_does_not_fit() {
    let (mut app, _dir) = learner(&month_of_answers(), (80, 24));
    assert!(!screen(&app).contains("Which field fits me?"), "below the fold at 80×24");
    press(&mut app, "G");
    assert!(app.progress.scroll > 0);
    assert!(screen(&app).contains("Which field fits me?"));
    let bottom = app.progress.scroll;
    press(&mut app, "j j <PgDn>");
    assert_eq!(app.progress.scroll, bottom, "no scrolling past the end");
    press(&mut app, "k");
    assert_eq!(app.progress.scroll, bottom - 1);
    press(&mut app, "g");
    assert_eq!(app.progress.scroll, 0);
    // At 120×40 everything fits: nothing to scroll.
    let (mut big, _dir) = learner(&month_of_answers(), (120, 40));
    press(&mut big, "G");
    assert_eq!(big.progress.scroll, 0);
    assert!(screen(&big).contains("Which field fits me?"));
}

#[test]
fn enter_quizzes_only_the_leeches() {
    let records = month_of_answers();
    let (mut app, _dir) = learner(&records, (80, 24));
    let leeches: Vec<String> = entries(&app.content).into_iter().take(2).map(|e| e.id).collect();
    press(&mut app, "<Enter>");
    assert_eq!(app.tab, Tab::Quiz);
    let session = app.quiz.session.as_ref().expect("a quiz started");
    let mut asked: Vec<String> = session.cards.iter().map(|c| c.id.clone()).collect();
    asked.sort();
    let mut want = leeches.clone();
    want.sort();
    assert_eq!(asked, want);
}

#[test]
fn enter_without_leeches_says_so_and_stays() {
    let records: Vec<Record> = month_of_answers().into_iter().filter(|r| r.correct).collect();
    let (mut app, _dir) = learner(&records, (80, 24));
    press(&mut app, "<Enter>");
    assert_eq!(app.tab, Tab::Progress);
    assert!(app.quiz.session.is_none());
    assert!(screen(&app).contains("No leeches"), "{}", screen(&app));
    // The message goes with the next key.
    press(&mut app, "j");
    assert!(!screen(&app).contains("No leeches:"));
}

#[test]
fn a_running_quiz_is_never_replaced_by_the_leeches() {
    let (mut app, _dir) = learner(&month_of_answers(), (80, 24));
    press(&mut app, "2 <Enter>");
    let before: Vec<String> =
        app.quiz.session.as_ref().expect("a quiz").cards.iter().map(|c| c.id.clone()).collect();
    press(&mut app, "6 <Enter>");
    assert_eq!(app.tab, Tab::Progress);
    assert!(screen(&app).contains("A quiz is under way"), "{}", screen(&app));
    let after: Vec<String> = app.quiz.session.as_ref().unwrap().cards.iter().map(|c| c.id.clone()).collect();
    assert_eq!(before, after);
}

#[test]
fn an_answer_shows_on_the_next_visit() {
    let (mut app, _dir) = learner(&[], (120, 40));
    press(&mut app, "2 <Enter>");
    let letters = common::right_letters(&app);
    common::answer_with(&mut app, &letters);
    press(&mut app, "6");
    let f = app.progress.figures.as_ref().unwrap();
    assert_eq!(f.answers, 1);
    assert_eq!(f.days[HISTORY_DAYS - 1].answers, 1);
    assert_eq!(f.days[HISTORY_DAYS - 1].right, 1);
    assert!(screen(&app).contains("1 answer · "), "{}", screen(&app));
}

#[test]
fn the_fit_result_shows_once_rated() {
    let (mut app, _dir) = learner(&month_of_answers(), (120, 40));
    press(&mut app, "4 e e a 6");
    let text = screen(&app);
    assert!(text.contains("3 of "), "{text}");
    assert!(text.contains("/100"), "{text}");
    assert!(!text.contains("Not taken yet"));
}

#[test]
fn the_footer_offers_the_leech_quiz_and_help_lists_the_keys() {
    let (mut app, _dir) = learner(&month_of_answers(), (120, 40));
    assert!(screen(&app).contains("quiz leeches"));
    press(&mut app, "?");
    let mut help = String::new();
    for _ in 0..40 {
        help.push_str(&screen(&app));
        press(&mut app, "<PgDn>");
    }
    assert!(help.contains("quiz on the leeches"), "{help}");
}

#[test]
fn a_quiz_kept_to_resume_is_never_replaced_by_the_leeches() {
    let (mut app, _dir) = learner(&month_of_answers(), (80, 24));
    press(&mut app, "2 <Enter>");
    let session = app.quiz.session.take().expect("a quiz");
    let kept = scm_vs_om::saved::SavedQuiz::of(&session, 0);
    app.quiz.resume = Some(kept.clone());
    app.quiz.screen = scm_vs_om::app::QuizScreen::Start;
    press(&mut app, "6 <Enter>");
    assert_eq!(app.tab, Tab::Progress);
    assert!(screen(&app).contains("An unfinished quiz is kept"), "{}", screen(&app));
    assert_eq!(app.quiz.resume, Some(kept));
    assert!(app.quiz.session.is_none());
}
