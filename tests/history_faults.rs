//! Saved history under faults, with real processes: a save killed at any moment leaves the
//! old file or the new one, whole; two processes answering at once lose nothing; a file
//! damaged on disk is kept aside. The processes are this test binary run again in a child
//! role (chosen by an environment variable), so they use the library exactly as the
//! explorer does.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use scm_vs_om::quiz::history::FILE_NAME;
use scm_vs_om::quiz::{History, Record};

const ROLE: &str = "SCM_VS_OM_HISTORY_CHILD";
const DIR: &str = "SCM_VS_OM_HISTORY_DIR";

fn record(question: String, time: u64) -> Record {
    Record { question, time, correct: !time.is_multiple_of(3) }
}

/// Runs one of this binary's tests in a child process with a role.
fn child(test: &str, role: &str, dir: &Path) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(ROLE, role)
        .env(DIR, dir)
        .stdout(Stdio::null())
        .spawn()
        .expect("run this test binary again")
}

/// The history as the explorer would open it: no warning means it read cleanly.
fn reopen(dir: &Path) -> History {
    let h = History::open(dir.to_path_buf());
    assert!(h.warnings.is_empty(), "{:?}", h.warnings);
    h
}

fn child_dir() -> Option<(String, PathBuf)> {
    Some((std::env::var(ROLE).ok()?, std::env::var_os(DIR)?.into()))
}

/// In the child: answer forever, one save per answer, numbering on from what is saved.
/// In the parent: kill it at random moments, mostly in the middle of writing an 800 KB file.
#[test]
fn a_save_killed_at_any_moment_leaves_a_whole_file() {
    if let Some((role, dir)) = child_dir() {
        assert_eq!(role, "answer-forever");
        let mut h = History::open(dir);
        let mut next = h.len();
        loop {
            h.record(record(format!("q-{next}"), next as u64));
            assert!(h.warnings.is_empty(), "{:?}", h.warnings);
            next += 1;
        }
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    // A large history, so that each save spends its time writing and syncing.
    let lines: String =
        (0..20_000).map(|i| format!("{{\"q\":\"q-{i}\",\"t\":{i},\"ok\":{}}}\n", i % 3 != 0)).collect();
    std::fs::write(dir.join(FILE_NAME), lines).unwrap();
    assert_eq!(reopen(dir).len(), 20_000);

    let mut rng = fastrand::Rng::with_seed(11);
    let (mut interrupted, mut rounds) = (0, 0);
    let mut last = 20_000;
    // Until three kills have landed in the middle of a save (about one in four does).
    while interrupted < 3 {
        rounds += 1;
        assert!(rounds <= 80, "only {interrupted} of 80 kills landed during a save");
        let mut c = child("a_save_killed_at_any_moment_leaves_a_whole_file", "answer-forever", dir);
        std::thread::sleep(Duration::from_millis(rng.u64(100..700)));
        c.kill().unwrap(); // SIGKILL: no destructor, no clean-up, mid-write or not
        c.wait().unwrap();
        // A temporary file left behind means the kill came in the middle of a save.
        let left: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
            .collect();
        interrupted += usize::from(!left.is_empty());
        // The file is whole, and holds every answer saved, in order: q-0, q-1, ...
        let h = reopen(dir);
        assert!(h.len() >= last, "answers were lost: {} after {last}", h.len());
        for (i, r) in h.records().enumerate() {
            assert_eq!(r.question, format!("q-{i}"));
        }
        last = h.len();
    }
    eprintln!("{interrupted} of {rounds} kills interrupted a save; {} answers saved", last - 20_000);
    assert!(last > 20_000, "the child saved answers");
    // The next save clears what the killed ones left behind.
    let mut h = reopen(dir);
    h.record(record(format!("q-{last}"), 0));
    let left = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"));
    assert_eq!(left.count(), 0, "stale temporary files remain");
}

/// Two processes answer 300 questions each, saving after every answer, at the same time.
#[test]
fn two_processes_answering_at_once_lose_nothing() {
    if let Some((role, dir)) = child_dir() {
        let mut h = History::open(dir);
        for i in 0..300 {
            h.record(record(format!("{role}-{i}"), i));
        }
        assert!(h.warnings.is_empty(), "{:?}", h.warnings);
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let test = "two_processes_answering_at_once_lose_nothing";
    let children = [child(test, "left", tmp.path()), child(test, "right", tmp.path())];
    for mut c in children {
        assert!(c.wait().unwrap().success(), "a child failed");
    }
    let h = reopen(tmp.path());
    assert_eq!(h.len(), 600);
    for side in ["left", "right"] {
        // Each process's answers are all there, in the order it gave them.
        let mine: Vec<&str> =
            h.records().map(|r| r.question.as_str()).filter(|q| q.starts_with(side)).collect();
        let expected: Vec<String> = (0..300).map(|i| format!("{side}-{i}")).collect();
        assert_eq!(mine, expected);
    }
}

/// A file damaged while another process was using it: the next save keeps it aside under a
/// new name and writes the new answers afresh; nothing is overwritten.
#[test]
fn a_file_damaged_between_saves_is_kept_aside() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut h = History::open(dir.to_path_buf());
    h.record(record("q-0".into(), 0));
    let path = dir.join(FILE_NAME);
    std::fs::write(&path, "{\"q\":\"q-0\",\"t\":0,\"ok\":fal").unwrap(); // cut short
    h.record(record("q-1".into(), 1));
    assert_eq!(h.warnings.len(), 1, "{:?}", h.warnings);
    let kept: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains(".damaged-"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(std::fs::read_to_string(&kept[0]).unwrap(), "{\"q\":\"q-0\",\"t\":0,\"ok\":fal");
    assert!(h.warnings[0].contains(&kept[0].display().to_string()), "{:?}", h.warnings);
    assert_eq!(reopen(dir).len(), 2, "both answers of this run are saved");
}
