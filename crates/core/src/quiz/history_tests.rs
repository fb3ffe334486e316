use super::*;

fn rec(q: &str, t: u64, ok: bool) -> Record {
    Record::new(q, t, ok)
}

fn files_named(dir: &Path, part: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().contains(part))
        .collect();
    v.sort();
    v
}

#[test]
fn round_trip_appends_one_line_per_answer() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = History::open(dir.path().to_path_buf());
    assert!(h.is_empty() && h.warnings.is_empty());
    h.record(rec("a", 1, true)).unwrap();
    h.record(rec("b", 2, false)).unwrap();
    h.record(rec("c", 3, true).graded(Grade::Easy)).unwrap();
    let again = History::open(dir.path().to_path_buf());
    assert_eq!(
        again.records().cloned().collect::<Vec<_>>(),
        [rec("a", 1, true), rec("b", 2, false), rec("c", 3, true).graded(Grade::Easy)]
    );
    let text = fs::read_to_string(dir.path().join(FILE_NAME)).unwrap();
    assert_eq!(
        text,
        "{\"q\":\"a\",\"t\":1,\"ok\":true}\n{\"q\":\"b\",\"t\":2,\"ok\":false}\n{\"q\":\"c\",\"t\":3,\"ok\":true,\"g\":\"easy\"}\n"
    );
    assert!(files_named(dir.path(), "tmp-").is_empty(), "an append needs no temporary file");
}

#[test]
fn old_lines_without_a_grade_keep_every_answer() {
    let dir = tempfile::tempdir().unwrap();
    let old = "{\"q\":\"a\",\"t\":1,\"ok\":true}\n{\"q\":\"a\",\"t\":2,\"ok\":false}\n";
    fs::write(dir.path().join(FILE_NAME), old).unwrap();
    let mut h = History::open(dir.path().to_path_buf());
    assert!(h.warnings.is_empty());
    let grades: Vec<Grade> = h.records().map(Record::grade).collect();
    assert_eq!(grades, [Grade::Good, Grade::Again]);
    h.record(rec("a", 3, true).graded(Grade::Hard)).unwrap();
    let text = fs::read_to_string(dir.path().join(FILE_NAME)).unwrap();
    assert!(text.starts_with(old), "old lines stay as they were: {text}");
    assert_eq!(History::open(dir.path().to_path_buf()).len(), 3);
}

#[test]
fn the_default_grade_is_not_written() {
    assert_eq!(rec("a", 1, true).graded(Grade::Good).graded, None);
    assert_eq!(rec("a", 1, false).graded(Grade::Easy).graded, None, "wrong is Again anyway");
    assert_eq!(rec("a", 1, true).graded(Grade::Hard).graded, Some(Grade::Hard));
}

#[test]
fn a_damaged_line_sets_aside_only_itself() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    fs::write(&path, "{\"q\":\"a\",\"t\":1,\"ok\":true}\nthis is not json\n{\"q\":\"b\",\"t\":2,\"ok\":true}\n{\"q\":\"c\"")
        .unwrap();
    let mut h = History::open(dir.path().to_path_buf());
    assert_eq!(h.saved(), 2, "the good answers count");
    assert_eq!(h.warnings.len(), 1, "{:?}", h.warnings);
    assert!(h.warnings[0].contains("2 lines, the first line 2"), "{:?}", h.warnings);
    let kept = files_named(dir.path(), ".damaged-");
    assert_eq!(kept.len(), 1);
    assert_eq!(fs::read_to_string(&kept[0]).unwrap(), "this is not json\n{\"q\":\"c\"\n");
    // Compacted at once: the file holds the good lines only, and opens cleanly.
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "{\"q\":\"a\",\"t\":1,\"ok\":true}\n{\"q\":\"b\",\"t\":2,\"ok\":true}\n"
    );
    h.record(rec("d", 4, true)).unwrap();
    let again = History::open(dir.path().to_path_buf());
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
    assert_eq!(again.len(), 3);
    assert_eq!(files_named(dir.path(), ".damaged-").len(), 1, "nothing set aside twice");
}

#[test]
fn a_bom_and_crlf_are_read_and_tidied() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    fs::write(&path, "\u{feff}{\"q\":\"a\",\"t\":1,\"ok\":true}\r\n\r\n{\"q\":\"b\",\"t\":2,\"ok\":true}")
        .unwrap();
    let h = History::open(dir.path().to_path_buf());
    assert_eq!(h.saved(), 2);
    assert!(h.warnings.is_empty(), "{:?}", h.warnings);
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "{\"q\":\"a\",\"t\":1,\"ok\":true}\n{\"q\":\"b\",\"t\":2,\"ok\":true}\n"
    );
}

#[test]
fn two_instances_keep_each_others_answers() {
    let dir = tempfile::tempdir().unwrap();
    let mut one = History::open(dir.path().to_path_buf());
    let mut two = History::open(dir.path().to_path_buf());
    one.record(rec("a", 1, true)).unwrap();
    two.record(rec("b", 2, true)).unwrap();
    one.record(rec("c", 3, false)).unwrap();
    // Each instance read the other's answers before appending its own.
    assert_eq!(one.saved(), 3);
    let all: Vec<Record> = History::open(dir.path().to_path_buf()).records().cloned().collect();
    assert_eq!(all, [rec("a", 1, true), rec("b", 2, true), rec("c", 3, false)]);
}

#[test]
fn a_file_rewritten_by_another_instance_is_read_again_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let mut one = History::open(dir.path().to_path_buf());
    one.record(rec("a", 1, true)).unwrap();
    // Another instance found a damaged line and compacted: a new file, longer than before.
    fs::write(&path, "{\"q\":\"x\",\"t\":1,\"ok\":true}\nbad\n").unwrap();
    let _two = History::open(dir.path().to_path_buf());
    one.record(rec("b", 2, true)).unwrap();
    let all: Vec<String> =
        History::open(dir.path().to_path_buf()).records().map(|r| r.question.clone()).collect();
    // What the new file holds, then this run's answer it had lost, then the new one.
    assert_eq!(all, ["x", "a", "b"]);
    assert_eq!(one.saved(), 3, "what is on disk");
    assert!(one.warnings.iter().any(|w| w.contains("written again")), "{:?}", one.warnings);
}

#[test]
fn concurrent_writers_in_threads_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let handles: Vec<_> = (0..4)
        .map(|w| {
            let d = dir.path().to_path_buf();
            std::thread::spawn(move || {
                let mut h = History::open(d);
                for i in 0..25 {
                    h.record(rec(&format!("w{w}-{i}"), i, true)).unwrap();
                }
            })
        })
        .collect();
    handles.into_iter().for_each(|h| h.join().unwrap());
    let all = History::open(dir.path().to_path_buf());
    assert_eq!(all.len(), 100);
    assert!(all.warnings.is_empty(), "{:?}", all.warnings);
}

/// A directory nobody can create files in: a read-only one, or (as root, whom permissions
/// do not stop) /proc/self.
fn unwritable() -> (tempfile::TempDir, PathBuf, bool) {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o555)).unwrap();
    let root = fs::write(tmp.path().join("probe"), "x").is_ok();
    let dir = if root { PathBuf::from("/proc/self") } else { tmp.path().to_path_buf() };
    (tmp, dir, root)
}

#[cfg(unix)]
#[test]
fn a_failed_save_says_so_at_once_and_counts_nothing_as_saved() {
    use std::os::unix::fs::PermissionsExt;
    let (tmp, dir, root) = unwritable();
    let mut h = History::open(dir.clone());
    let first = h.record(rec("a", 1, true)).unwrap_err();
    assert_eq!(first.pending, 1);
    assert!(first.message.starts_with("Not saved: "), "{first}");
    let second = h.record(rec("b", 2, true)).unwrap_err();
    assert_eq!(second.pending, 2);
    assert_eq!(h.warnings.len(), 1, "one warning, not one per answer: {:?}", h.warnings);
    assert_eq!((h.saved(), h.pending(), h.len()), (0, 2, 2));
    if !root {
        fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o755)).unwrap();
        h.record(rec("c", 3, true)).unwrap();
        assert_eq!((h.saved(), h.pending()), (3, 0));
        assert_eq!(History::open(dir).len(), 3, "saved once writing works again");
    }
    fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(unix)]
#[test]
fn answers_unsaved_at_quit_go_to_a_file_of_their_own() {
    let dir = tempfile::tempdir().unwrap();
    // history.jsonl is a directory: refused at once, but the data directory is writable.
    fs::create_dir(dir.path().join(FILE_NAME)).unwrap();
    let mut h = History::open(dir.path().to_path_buf());
    assert!(h.warnings[0].contains("is a directory, not a regular file"), "{:?}", h.warnings);
    assert!(h.record(rec("a", 1, true)).is_err());
    assert!(h.record(rec("b", 2, false)).is_err());
    let Rescue::Fallback { path, count, .. } = h.rescue() else { panic!("no fallback") };
    assert_eq!(count, 2);
    assert!(path.starts_with(dir.path()), "{path:?}");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "{\"q\":\"a\",\"t\":1,\"ok\":true}\n{\"q\":\"b\",\"t\":2,\"ok\":false}\n"
    );
    let message =
        Rescue::Fallback { path: path.clone(), count, why: "x".into() }.message(&h.file().unwrap()).unwrap();
    assert!(message.contains(&path.display().to_string()) && message.contains("2 answers"), "{message}");
    assert_eq!(h.rescue(), Rescue::Nothing, "rescued once");
}

#[cfg(unix)]
#[test]
fn an_unwritable_directory_falls_back_to_the_temporary_directory() {
    let (_tmp, dir, _) = unwritable();
    let mut h = History::open(dir);
    assert!(h.record(rec("rescued-from-unwritable", 1, true)).is_err());
    match h.rescue() {
        Rescue::Fallback { path, count: 1, .. } => {
            assert!(path.starts_with(std::env::temp_dir()), "{path:?}");
            assert!(fs::read_to_string(&path).unwrap().contains("rescued-from-unwritable"));
            fs::remove_file(path).unwrap();
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_last_try_at_quit_saves_if_it_can() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = History::open(dir.path().to_path_buf());
    h.pending.push(rec("a", 1, true));
    assert_eq!(h.rescue(), Rescue::Saved(1));
    assert_eq!(History::open(dir.path().to_path_buf()).len(), 1);
    assert_eq!(h.rescue(), Rescue::Nothing);
    assert_eq!(History::disabled().rescue(), Rescue::Nothing, "history off: nothing was meant to be kept");
}

#[cfg(unix)]
#[test]
fn fifos_are_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    for name in [FILE_NAME, LOCK_NAME] {
        let sub = dir.path().join(name.replace('.', "-"));
        fs::create_dir(&sub).unwrap();
        let made =
            std::process::Command::new("mkfifo").arg(sub.join(name)).status().is_ok_and(|s| s.success());
        if !made {
            return;
        }
        // Would block for good if anything opened the FIFO.
        let mut h = History::open(sub.clone());
        assert!(h.warnings[0].contains("FIFO"), "{name}: {:?}", h.warnings);
        let e = h.record(rec("a", 1, true)).unwrap_err();
        assert!(e.message.contains("FIFO"), "{e}");
        assert!(matches!(h.rescue(), Rescue::Fallback { .. }));
    }
}

#[cfg(unix)]
#[test]
fn a_symlinked_history_is_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("mine.jsonl");
    fs::write(&target, "{\"q\":\"a\",\"t\":1,\"ok\":true}\nbad line\n").unwrap();
    let link = dir.path().join(FILE_NAME);
    std::os::unix::fs::symlink(&target, &link).unwrap();
    // Opening compacts (the bad line): the target is rewritten, the link stays a link.
    let mut h = History::open(dir.path().to_path_buf());
    assert_eq!(h.saved(), 1);
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    h.record(rec("b", 2, true)).unwrap();
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(
        fs::read_to_string(&target).unwrap(),
        "{\"q\":\"a\",\"t\":1,\"ok\":true}\n{\"q\":\"b\",\"t\":2,\"ok\":true}\n"
    );
}

#[test]
fn a_directory_that_cannot_be_created_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    fs::write(&file, "x").unwrap();
    // A directory below a regular file can never be created, whoever runs the test.
    let mut h = History::open(file.join("sub"));
    assert!(h.record(rec("a", 1, true)).is_err());
    assert_eq!(h.warnings.len(), 1, "{:?}", h.warnings);
    assert_eq!((h.saved(), h.pending()), (0, 1));
}

#[test]
fn disabled_history_saves_nothing() {
    let mut h = History::disabled();
    h.record(rec("a", 1, true)).unwrap();
    assert_eq!(h.len(), 1);
    assert!(!h.is_saving());
    assert!(h.file().is_none());
}

#[test]
fn warnings_never_carry_escape_sequences() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(FILE_NAME), "{\"q\":\"a\",\"t\":1,\"ok\":true,\"g\":\"\\u001b[31m\"}\n")
        .unwrap();
    let h = History::open(dir.path().to_path_buf());
    assert_eq!(h.warnings.len(), 1);
    assert!(!h.warnings[0].contains('\u{1b}'), "{:?}", h.warnings);
}

#[test]
fn a_regrade_changes_the_answer_and_adds_none() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = History::open(dir.path().to_path_buf());
    h.record(rec("a", 1, true)).unwrap();
    h.record(rec("b", 2, true)).unwrap();
    assert_eq!(h.regrade("a", 1, Grade::Easy), Ok(true));
    assert_eq!(h.regrade("zzz", 1, Grade::Easy), Ok(false), "no such answer");
    assert_eq!(h.len(), 2);
    assert_eq!(h.records().next().unwrap().grade(), Grade::Easy);
    let text = fs::read_to_string(dir.path().join(FILE_NAME)).unwrap();
    assert!(text.ends_with("{\"q\":\"a\",\"t\":1,\"ok\":true,\"g\":\"easy\",\"re\":true}\n"), "{text}");
    let again = History::open(dir.path().to_path_buf());
    let grades: Vec<(String, Grade)> = again.records().map(|r| (r.question.clone(), r.grade())).collect();
    assert_eq!(grades, [("a".to_string(), Grade::Easy), ("b".to_string(), Grade::Good)]);
    // Back to good: another regrade line, folded the same way.
    let mut again = again;
    again.regrade("a", 1, Grade::Good).unwrap();
    assert_eq!(History::open(dir.path().to_path_buf()).records().next().unwrap().grade(), Grade::Good);
}

#[test]
fn a_regrade_before_the_save_changes_the_pending_answer() {
    let mut h = History::disabled();
    h.record(rec("a", 1, true)).unwrap();
    assert_eq!(h.regrade("a", 1, Grade::Hard), Ok(true));
    assert_eq!(h.records().next().unwrap().grade(), Grade::Hard);
    assert_eq!(h.len(), 1);
}

#[test]
fn a_regrade_whose_answer_is_gone_counts_as_that_answer() {
    let mut records =
        vec![rec("a", 1, true), Record { regrade: true, ..rec("b", 5, true).graded(Grade::Easy) }];
    fold_regrades(&mut records, 0);
    assert_eq!(records.len(), 2);
    assert!(!records[1].regrade);
    assert_eq!(records[1].grade(), Grade::Easy);
}

#[cfg(unix)]
#[test]
fn a_regrade_that_cannot_be_saved_yet_is_no_extra_answer() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = History::open(dir.path().to_path_buf());
    h.record(rec("a", 1, true)).unwrap();
    // Saving stops working: history.lock becomes a directory.
    fs::remove_file(dir.path().join(LOCK_NAME)).unwrap();
    fs::create_dir(dir.path().join(LOCK_NAME)).unwrap();
    assert!(h.regrade("a", 1, Grade::Hard).is_err());
    assert_eq!(h.len(), 1);
    assert_eq!(h.pending(), 1, "the regrade waits to be saved");
    assert_eq!(h.records().map(Record::grade).collect::<Vec<_>>(), [Grade::Hard]);
    fs::remove_dir(dir.path().join(LOCK_NAME)).unwrap();
    h.record(rec("b", 2, true)).unwrap();
    let again = History::open(dir.path().to_path_buf());
    assert_eq!(again.records().map(Record::grade).collect::<Vec<_>>(), [Grade::Hard, Grade::Good]);
}
