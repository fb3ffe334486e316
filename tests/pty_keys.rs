//! The real binary in a pseudo-terminal: a quiz and the Fit ratings left half done survive
//! quitting, and the next run offers them back.

mod pty_support;

use pty_support::Session;

#[test]
fn an_unfinished_quiz_and_fit_ratings_survive_quitting() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    let mut s = Session::start(&["--seed", "5", "--data-dir", dir], &[]);
    s.wait_for("Operations Management");
    s.send(b"2\r");
    s.wait_for("Question 1 of 20");
    // Highlight the first option, answer with it, then move on to question 2.
    s.send(b"j\r");
    s.wait_for("Enter next");
    s.send(b"\r");
    s.wait_for("Question 2 of 20");
    // Two Fit ratings, then q: nothing asks, nothing is lost. Tab, not the digit 4, reaches
    // Fit: question 2 may take a typed answer, where digits are text.
    s.send(b"\t\t");
    s.wait_for("Statement 1 of 30");
    s.send(b"e");
    s.wait_for("Statement 2 of 30");
    s.send(b"a");
    s.wait_for("2 rated");
    s.send(b"q");
    s.exits_cleanly();

    let mut s = Session::start(&["--seed", "6", "--data-dir", dir], &[]);
    s.wait_for("Operations Management");
    s.send(b"4");
    s.wait_for("2 rated");
    s.send(b"2");
    s.wait_for("Resume: 1 of 20 answered");
    s.send(b"r");
    s.wait_for("Question 2 of 20");
    // Esc asks before ending; y shows the results of what was answered.
    s.send(b"\x1b");
    s.wait_for("End this quiz now (1 of 20 answered)?");
    s.send(b"y");
    s.wait_for("Score: ");
    s.send(b"q");
    s.exits_cleanly();
    assert!(!data.path().join("quiz.json").exists(), "an ended quiz is not offered again");
    assert!(data.path().join("fit.json").exists());
}
