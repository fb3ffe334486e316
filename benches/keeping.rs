//! Benchmarks of what is kept between runs besides the history: after every answer the quiz
//! under way is rewritten (temporary file, sync, rename), and a kept quiz is read back on
//! start. Run with `cargo bench --bench keeping`. Target: both well under the 5 ms an answer's
//! history save may take, for a quiz of every authored question.

use divan::{Bencher, black_box};
use scm_vs_om::BuiltinContent;
use scm_vs_om::content::Content;
use scm_vs_om::quiz::Session;
use scm_vs_om::quiz::card::{Origin, card};
use scm_vs_om::saved::{QUIZ_FILE, SavedQuiz, Store};

fn main() {
    divan::main();
}

/// A quiz of every authored question, half of them answered.
fn half_answered(content: &Content) -> Session {
    let cards = (0..content.questions.len()).map(|i| card(content, &Origin::Question(i))).collect();
    let mut s = Session::from_cards(cards, &mut fastrand::Rng::with_seed(1), 0);
    for _ in 0..s.cards.len() / 2 {
        let right = s.card().unwrap().correct.clone();
        s.answer(right, 1);
        s.advance();
    }
    s
}

#[divan::bench]
fn save_the_quiz_under_way(bencher: Bencher) {
    let content = Content::builtin();
    let session = half_answered(&content);
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path().to_path_buf());
    bencher.bench_local(|| store.save(QUIZ_FILE, &SavedQuiz::of(black_box(&session), 0)).unwrap());
}

#[divan::bench]
fn restore_a_kept_quiz(bencher: Bencher) {
    let content = Content::builtin();
    let dir = tempfile::tempdir().unwrap();
    Store::new(dir.path().to_path_buf())
        .save(QUIZ_FILE, &SavedQuiz::of(&half_answered(&content), 0))
        .unwrap();
    bencher.bench_local(|| {
        let mut store = Store::new(dir.path().to_path_buf());
        let saved: SavedQuiz = store.load(QUIZ_FILE).unwrap();
        saved.restore(&content, &mut fastrand::Rng::with_seed(2), 10).unwrap()
    });
}
