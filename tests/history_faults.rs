//! Saved history under faults, with real processes: an append or a compaction killed at any
//! moment loses no saved answer and leaves a file that reads cleanly; two processes answering
//! at once lose nothing; a file damaged on disk is kept aside. The processes are this test binary run again in a child
//! role (chosen by an environment variable), so they use the library exactly as the
//! explorer does.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

mod pty_support;

use scm_vs_om::quiz::history::FILE_NAME;
use scm_vs_om::quiz::{History, Record};

const ROLE: &str = "SCM_VS_OM_HISTORY_CHILD";
const DIR: &str = "SCM_VS_OM_HISTORY_DIR";

fn record(question: String, time: u64) -> Record {
    Record::new(question, time, !time.is_multiple_of(3))
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

/// The answers saved, checked to be q-0, q-1, ... in order (each child numbers on from
/// what is saved, so a gap or a repeat is a lost or doubled answer).
fn check_in_order(h: &History) {
    for (i, r) in h.records().enumerate() {
        assert_eq!(r.question, format!("q-{i}"));
    }
}

fn write_history(dir: &Path, n: usize) {
    let lines: String =
        (0..n).map(|i| format!("{{\"q\":\"q-{i}\",\"t\":{i},\"ok\":{}}}\n", i % 3 != 0)).collect();
    std::fs::write(dir.join(FILE_NAME), lines).unwrap();
}

/// In the child: answer forever, one append per answer, numbering on from what is saved.
/// In the parent: kill it at random moments. An append is one write of one line then a
/// sync, so whatever the moment the file reads cleanly and holds every answer saved.
#[test]
fn a_save_killed_at_any_moment_leaves_a_whole_file() {
    if let Some((role, dir)) = child_dir() {
        assert_eq!(role, "answer-forever");
        let mut h = History::open(dir);
        let mut next = h.len();
        loop {
            h.record(record(format!("q-{next}"), next as u64)).unwrap();
            next += 1;
        }
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write_history(dir, 20_000);
    assert_eq!(reopen(dir).len(), 20_000);
    let mut rng = fastrand::Rng::with_seed(11);
    let mut last = 20_000;
    for _ in 0..12 {
        let mut c = child("a_save_killed_at_any_moment_leaves_a_whole_file", "answer-forever", dir);
        std::thread::sleep(Duration::from_millis(rng.u64(50..400)));
        c.kill().unwrap(); // SIGKILL: no destructor, no clean-up, mid-write or not
        c.wait().unwrap();
        let h = reopen(dir);
        assert!(h.len() >= last, "answers were lost: {} after {last}", h.len());
        check_in_order(&h);
        last = h.len();
    }
    eprintln!("{} answers saved by killed children", last - 20_000);
    assert!(last > 20_000, "the children saved answers");
}

/// In the child: damage the file (a line of garbage, as a crash of some other program
/// might leave), open it (which keeps the line aside and rewrites the file without it:
/// a compaction, under the lock), answer once; forever. In the parent: kill it at random,
/// mostly in the middle of rewriting 20,000 lines. Every answer saved survives, in order,
/// and a kill in the middle of a compaction leaves only a temporary file that the next
/// compaction removes.
#[test]
fn a_compaction_killed_at_any_moment_loses_nothing() {
    if let Some((role, dir)) = child_dir() {
        assert_eq!(role, "compact-forever");
        loop {
            let mut f = std::fs::OpenOptions::new().append(true).open(dir.join(FILE_NAME)).unwrap();
            std::io::Write::write_all(&mut f, b"garbage\n").unwrap();
            drop(f);
            let mut h = History::open(dir.clone());
            let next = h.len();
            h.record(record(format!("q-{next}"), next as u64)).unwrap();
        }
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write_history(dir, 20_000);
    let mut rng = fastrand::Rng::with_seed(12);
    let (mut interrupted, mut rounds, mut last) = (0, 0, 20_000);
    while interrupted < 3 {
        rounds += 1;
        assert!(rounds <= 80, "only {interrupted} of 80 kills landed during a compaction");
        let mut c = child("a_compaction_killed_at_any_moment_loses_nothing", "compact-forever", dir);
        std::thread::sleep(Duration::from_millis(rng.u64(100..700)));
        c.kill().unwrap();
        c.wait().unwrap();
        let left = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
            .count();
        interrupted += usize::from(left > 0);
        // Opening may find the child's last line of garbage and keep it aside: that is the
        // only warning allowed.
        let h = History::open(dir.to_path_buf());
        assert!(
            h.warnings.iter().all(|w| w.contains("could not be read") && w.contains("kept in")),
            "{:?}",
            h.warnings
        );
        assert!(h.len() >= last, "answers were lost: {} after {last}", h.len());
        check_in_order(&h);
        last = h.len();
        let left = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
            .count();
        assert_eq!(left, 0, "the parent's compaction removed what the killed one left");
    }
    eprintln!("{interrupted} of {rounds} kills interrupted a compaction; {} answers saved", last - 20_000);
    // The lines of garbage were kept aside, and nothing else was.
    let kept: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".damaged-"))
        .flat_map(|e| {
            std::fs::read_to_string(e.path()).unwrap().lines().map(String::from).collect::<Vec<_>>()
        })
        .collect();
    assert!(!kept.is_empty() && kept.iter().all(|l| l == "garbage"), "{kept:?}");
}

/// Two processes answer 300 questions each, saving after every answer, at the same time.
#[test]
fn two_processes_answering_at_once_lose_nothing() {
    if let Some((role, dir)) = child_dir() {
        let mut h = History::open(dir);
        for i in 0..300 {
            h.record(record(format!("{role}-{i}"), i)).unwrap();
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

/// A file damaged while another process was using it (cut short, in place): the next save
/// keeps the damaged line aside under a new name, writes again this run's answer that the
/// damage took, then the new one; nothing is overwritten.
#[test]
fn a_file_damaged_between_saves_is_kept_aside() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut h = History::open(dir.to_path_buf());
    h.record(record("q-0".into(), 0)).unwrap();
    let path = dir.join(FILE_NAME);
    std::fs::write(&path, "{\"q\":\"q-0\",\"t\":0,\"ok\":fal").unwrap(); // cut short
    h.record(record("q-1".into(), 1)).unwrap();
    let kept: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains(".damaged-"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(std::fs::read_to_string(&kept[0]).unwrap(), "{\"q\":\"q-0\",\"t\":0,\"ok\":fal\n");
    assert!(h.warnings.iter().any(|w| w.contains(&kept[0].display().to_string())), "{:?}", h.warnings);
    let again = reopen(dir);
    let ids: Vec<&str> = again.records().map(|r| r.question.as_str()).collect();
    assert_eq!(ids, ["q-0", "q-1"], "both answers of this run are saved");
}

/// The real binary, with a data directory whose history.jsonl is a directory: the failed
/// save shows on the question screen at once, the start form counts nothing as saved, and
/// at quit the answers go to a file of their own, whose path is printed once the terminal
/// is restored.
#[test]
fn a_failed_save_is_shown_at_once_and_the_answers_are_rescued_at_quit() {
    use pty_support::{Session, assert_restored};
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir(data.path().join(FILE_NAME)).unwrap();
    let dir = data.path().to_str().unwrap();
    let mut s = Session::start(&["--seed", "4", "--data-dir", dir], &[]);
    s.wait_for("Operations Management");
    s.send(b"2");
    s.wait_for("New quiz");
    s.wait_for("0 answers saved");
    s.send(b"\r");
    s.wait_for("Question 1 of");
    s.send(b"a");
    std::thread::sleep(Duration::from_millis(100));
    if !s.text().contains("Correct") && !s.text().contains("Incorrect") {
        s.send(b"\r"); // a choose-all question: `a` ticked, Enter submits
    }
    s.wait_for("Not saved: ");
    s.send(b"\x03"); // Ctrl-C
    let (code, raw, parser) = s.exit_code();
    assert_eq!(code, 0);
    assert_restored(&raw, &parser);
    let rescued: Vec<PathBuf> = std::fs::read_dir(data.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains(".unsaved-"))
        .collect();
    assert_eq!(rescued.len(), 1, "{rescued:?}");
    let lines = std::fs::read_to_string(&rescued[0]).unwrap();
    assert_eq!(lines.lines().count(), 1, "{lines}");
    assert!(lines.contains("\"q\":"));
    // Printed after the terminal was restored: after the last exit from the alternate screen.
    let text = String::from_utf8_lossy(&raw);
    let left = text.rfind("\x1b[?1049l").expect("left the alternate screen");
    let after = &text[left..];
    assert!(after.contains("1 answer could not be saved"), "{after}");
    assert!(after.contains(&rescued[0].file_name().unwrap().to_string_lossy().to_string()), "{after}");
}
