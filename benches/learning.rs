//! Benchmarks of the learning loop's engine: opening a large saved history (what start-up
//! does), saving one answer (an append and a sync), and replaying FSRS over many answers.
//! Run with `cargo bench --bench learning`. Targets: open 1,000,000 answers in 300 ms, save
//! one in 5 ms, schedule 20,000 questions over 200,000 answers in 50 ms.

use divan::{Bencher, black_box};
use scm_vs_om::quiz::history::FILE_NAME;
use scm_vs_om::quiz::{Grade, History, Record, Schedule};

fn main() {
    divan::main();
}

const NOW: u64 = 1_800_000_000;

/// `n` answers spread over `questions` ids and a year, a third of them wrong, one in ten
/// graded, in time order and made one after the other, as reading a history file makes
/// them.
fn answers(n: usize, questions: usize) -> Vec<Record> {
    let mut rng = fastrand::Rng::with_seed(1);
    let mut times: Vec<u64> = (0..n).map(|_| NOW - rng.u64(..365 * 24 * 3600)).collect();
    times.sort_unstable();
    times
        .into_iter()
        .map(|t| {
            let r = Record::new(format!("question-{}", rng.usize(..questions)), t, rng.u8(..3) > 0);
            if rng.u8(..10) == 0 { r.graded(Grade::Easy) } else { r }
        })
        .collect()
}

fn write_history(dir: &std::path::Path, records: &[Record]) {
    let mut text = Vec::with_capacity(records.len() * 50);
    for r in records {
        serde_json::to_writer(&mut text, r).unwrap();
        text.push(b'\n');
    }
    std::fs::write(dir.join(FILE_NAME), text).unwrap();
}

/// Start-up: read and parse a history of 1,000,000 answers (about 50 MB).
#[divan::bench(sample_count = 10)]
fn open_history_of_1m_answers(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    write_history(dir.path(), &answers(1_000_000, 20_000));
    bencher.bench_local(|| {
        let h = History::open(black_box(dir.path().to_path_buf()));
        assert!(h.warnings.is_empty());
        h
    });
}

/// One answer saved into a history of 1,000,000: lock, look for others' answers, append one
/// line, sync.
#[divan::bench(sample_count = 50)]
fn save_one_answer_into_1m(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    write_history(dir.path(), &answers(1_000_000, 20_000));
    let mut h = History::open(dir.path().to_path_buf());
    let mut t = NOW;
    bencher.bench_local(|| {
        t += 1;
        h.record(Record::new("question-1", t, true)).expect("saved");
    });
}

/// The schedule of 20,000 questions replayed from 200,000 answers.
#[divan::bench(sample_count = 20)]
fn fsrs_schedule_20k_questions_200k_answers(bencher: Bencher) {
    let history = answers(200_000, 20_000);
    bencher.bench_local(|| Schedule::from_history(black_box(&history)));
}
