//! Saved answers: one JSON object per line (`{"q":"question-id","t":1764100000,"ok":true}`)
//! in `history.jsonl` under the data directory.
//!
//! What can go wrong is handled without losing anything: every save takes a lock, reads what
//! is on disk (another instance may have added answers), adds this instance's new answers,
//! and replaces the file atomically (a temporary file in the same directory, flushed and
//! synced, then renamed over it). A file that cannot be read or parsed is moved aside under a
//! new name, never overwritten, and the quiz carries on with fresh history. A directory that
//! cannot be written means a warning; answers are kept in memory and saving is retried.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub const FILE_NAME: &str = "history.jsonl";
const LOCK_NAME: &str = "history.lock";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    #[serde(rename = "q")]
    pub question: String,
    /// Seconds since the Unix epoch.
    #[serde(rename = "t")]
    pub time: u64,
    #[serde(rename = "ok")]
    pub correct: bool,
}

#[derive(Debug)]
pub struct History {
    /// Where answers are saved; `None` when saving is off.
    dir: Option<PathBuf>,
    records: Vec<Record>,
    /// Answered here but not yet saved.
    pending: Vec<Record>,
    /// Problems to show the user, oldest first.
    pub warnings: Vec<String>,
    /// The last save failed (so one warning is enough until it works again).
    failing: bool,
}

impl History {
    /// Saving turned off (`--no-history`): answers live only as long as the run.
    pub fn disabled() -> History {
        History { dir: None, records: Vec::new(), pending: Vec::new(), warnings: Vec::new(), failing: false }
    }

    /// Opens the history in `dir`, creating nothing until the first answer.
    pub fn open(dir: PathBuf) -> History {
        let mut h = History { dir: Some(dir), ..History::disabled() };
        let path = h.file().expect("a directory");
        match read_records(&path) {
            Ok(records) => h.records = records,
            Err(ReadError::Io(e)) => {
                h.warnings
                    .push(format!("Could not read {}: {e}. Starting with fresh history.", path.display()));
                // Saving re-reads under the lock and gives up rather than overwrite a file it
                // cannot read; that failure needs no second warning.
                h.failing = true;
            }
            Err(ReadError::Damaged(why)) => match set_aside(&path) {
                Ok(kept) => h.warnings.push(format!(
                    "The history file was damaged ({why}); it was kept as {} and a fresh history started.",
                    kept.display()
                )),
                Err(e) => {
                    // Not moved aside, so it must not be overwritten either: stop saving.
                    h.warnings.push(format!(
                        "The history file {} is damaged ({why}) and could not be moved aside ({e}); answers will not be saved this time.",
                        path.display()
                    ));
                    h.dir = None;
                }
            },
        }
        h
    }

    pub fn file(&self) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join(FILE_NAME))
    }

    pub fn is_saving(&self) -> bool {
        self.dir.is_some()
    }

    /// Every answer known: saved ones (from this and other instances) and this run's.
    pub fn records(&self) -> impl Iterator<Item = &Record> {
        self.records.iter().chain(&self.pending)
    }

    pub fn len(&self) -> usize {
        self.records.len() + self.pending.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds an answer and saves at once, so a crash loses nothing already answered.
    pub fn record(&mut self, r: Record) {
        self.pending.push(r);
        if self.dir.is_none() {
            return;
        }
        match self.save() {
            Ok(()) => self.failing = false,
            Err(e) => {
                if !self.failing {
                    self.warnings.push(format!(
                        "Could not save your answers ({e}); they are kept until saving works again."
                    ));
                }
                self.failing = true;
            }
        }
    }

    fn save(&mut self) -> io::Result<()> {
        let dir = self.dir.clone().expect("saving is on");
        fs::create_dir_all(&dir)?;
        let lock = OpenOptions::new().create(true).truncate(false).write(true).open(dir.join(LOCK_NAME))?;
        lock.lock()?;
        let path = dir.join(FILE_NAME);
        let mut on_disk = match read_records(&path) {
            Ok(records) => records,
            Err(ReadError::Io(e)) => return Err(e),
            // Damaged since it was opened (by something else): keep it, write ours afresh.
            Err(ReadError::Damaged(why)) => {
                let kept = set_aside(&path)?;
                self.warnings.push(format!(
                    "The history file was damaged ({why}); it was kept as {}.",
                    kept.display()
                ));
                self.records.clone()
            }
        };
        on_disk.extend(self.pending.iter().cloned());
        remove_stale_temporaries(&dir);
        write_atomically(&path, &on_disk)?;
        // Unlocks when `lock` is dropped, after the rename.
        self.records = on_disk;
        self.pending.clear();
        drop(lock);
        Ok(())
    }
}

enum ReadError {
    Io(io::Error),
    Damaged(String),
}

fn read_records(path: &Path) -> Result<Vec<Record>, ReadError> {
    let text = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(ReadError::Io(e)),
    };
    let text = String::from_utf8(text).map_err(|_| ReadError::Damaged("not UTF-8 text".into()))?;
    let mut records = Vec::with_capacity(text.len() / 40);
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record: Record =
            serde_json::from_str(line).map_err(|e| ReadError::Damaged(format!("line {}: {e}", i + 1)))?;
        records.push(record);
    }
    Ok(records)
}

/// Renames a damaged file to a name not taken yet, and returns it.
fn set_aside(path: &Path) -> io::Result<PathBuf> {
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    for n in 0..1000 {
        let suffix = if n == 0 { format!("damaged-{stamp}") } else { format!("damaged-{stamp}-{n}") };
        let target = path.with_extension(format!("jsonl.{suffix}"));
        if !target.exists() {
            fs::rename(path, &target)?;
            return Ok(target);
        }
    }
    Err(io::Error::other("no free name to keep the damaged file under"))
}

/// Temporary files left by a save that was killed before its rename. Every save holds the
/// lock while its temporary file exists, so under the lock any that remain are stale.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        if entry.file_name().to_str().is_some_and(|n| n.starts_with(TMP_PREFIX)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

const TMP_PREFIX: &str = "history.jsonl.tmp-";

/// Writes the whole file beside the old one, syncs it, and renames it into place: a reader
/// (or a crash) sees the old file or the new one, never half of one.
fn write_atomically(path: &Path, records: &[Record]) -> io::Result<()> {
    let tmp = path.with_file_name(format!("{TMP_PREFIX}{}", std::process::id()));
    let result = (|| {
        let mut out = io::BufWriter::new(File::create(&tmp)?);
        for r in records {
            serde_json::to_writer(&mut out, r)?;
            out.write_all(b"\n")?;
        }
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        fs::rename(&tmp, path)?;
        // The rename itself is durable once the directory is synced (where that is possible).
        if let Some(dir) = path.parent() {
            let _ = File::open(dir).and_then(|d| d.sync_all());
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(q: &str, t: u64, ok: bool) -> Record {
        Record { question: q.into(), time: t, correct: ok }
    }

    #[test]
    fn round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let mut h = History::open(dir.path().to_path_buf());
        assert!(h.is_empty() && h.warnings.is_empty());
        h.record(rec("a", 1, true));
        h.record(rec("b", 2, false));
        let again = History::open(dir.path().to_path_buf());
        assert_eq!(again.records().cloned().collect::<Vec<_>>(), [rec("a", 1, true), rec("b", 2, false)]);
        let text = fs::read_to_string(dir.path().join(FILE_NAME)).unwrap();
        assert_eq!(text, "{\"q\":\"a\",\"t\":1,\"ok\":true}\n{\"q\":\"b\",\"t\":2,\"ok\":false}\n");
    }

    #[test]
    fn a_damaged_file_is_kept_aside_and_a_fresh_history_starts() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        fs::write(&path, "{\"q\":\"a\",\"t\":1,\"ok\":true}\nthis is not json\n").unwrap();
        let mut h = History::open(dir.path().to_path_buf());
        assert!(h.is_empty());
        assert_eq!(h.warnings.len(), 1);
        assert!(h.warnings[0].contains("damaged (line 2"), "{:?}", h.warnings);
        let kept: Vec<PathBuf> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains("damaged-"))
            .collect();
        assert_eq!(kept.len(), 1);
        assert_eq!(
            fs::read_to_string(&kept[0]).unwrap(),
            "{\"q\":\"a\",\"t\":1,\"ok\":true}\nthis is not json\n"
        );
        h.record(rec("b", 2, true));
        assert_eq!(fs::read_to_string(&path).unwrap(), "{\"q\":\"b\",\"t\":2,\"ok\":true}\n");
        // The damaged copy is still there, untouched.
        assert!(kept[0].exists());
    }

    #[test]
    fn a_second_damaged_file_does_not_overwrite_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        for content in ["bad one", "bad two"] {
            fs::write(&path, content).unwrap();
            let h = History::open(dir.path().to_path_buf());
            assert_eq!(h.warnings.len(), 1);
        }
        let mut kept: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains("damaged-"))
            .map(|p| fs::read_to_string(p).unwrap())
            .collect();
        kept.sort();
        assert_eq!(kept, ["bad one", "bad two"]);
    }

    #[test]
    fn two_instances_keep_each_others_answers() {
        let dir = tempfile::tempdir().unwrap();
        let mut one = History::open(dir.path().to_path_buf());
        let mut two = History::open(dir.path().to_path_buf());
        one.record(rec("a", 1, true));
        two.record(rec("b", 2, true));
        one.record(rec("c", 3, false));
        let all: Vec<Record> = History::open(dir.path().to_path_buf()).records().cloned().collect();
        assert_eq!(all.len(), 3, "{all:?}");
        for q in ["a", "b", "c"] {
            assert!(all.iter().any(|r| r.question == q), "{q} lost: {all:?}");
        }
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
                        h.record(rec(&format!("w{w}-{i}"), i, true));
                    }
                })
            })
            .collect();
        handles.into_iter().for_each(|h| h.join().unwrap());
        let all = History::open(dir.path().to_path_buf());
        assert_eq!(all.len(), 100);
        assert!(all.warnings.is_empty(), "{:?}", all.warnings);
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_directory_is_a_warning_not_a_crash() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o555)).unwrap();
        let root_can_write = fs::write(tmp.path().join("probe"), "x").is_ok();
        // Permissions do not stop root (CI often runs as root); /proc/self is a directory
        // nobody can create files in, so it stands in for a read-only one there.
        let dir = if root_can_write { PathBuf::from("/proc/self") } else { tmp.path().to_path_buf() };
        let mut h = History::open(dir.clone());
        h.record(rec("a", 1, true));
        h.record(rec("b", 2, true));
        assert_eq!(h.warnings.len(), 1, "one warning, not one per answer: {:?}", h.warnings);
        assert!(h.warnings[0].starts_with("Could not save your answers"));
        assert_eq!(h.len(), 2, "answers are kept in memory");
        if !root_can_write {
            fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o755)).unwrap();
            h.record(rec("c", 3, true));
            assert_eq!(History::open(dir).len(), 3, "saved once writing works again");
        }
        fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o755)).unwrap();
    }

    #[test]
    fn a_directory_that_cannot_be_created_is_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a-file");
        fs::write(&file, "x").unwrap();
        // A directory below a regular file can never be created, whoever runs the test.
        let mut h = History::open(file.join("sub"));
        h.record(rec("a", 1, true));
        assert_eq!(h.warnings.len(), 1, "{:?}", h.warnings);
        assert_eq!(h.len(), 1);
    }

    #[test]
    fn disabled_history_saves_nothing() {
        let mut h = History::disabled();
        h.record(rec("a", 1, true));
        assert_eq!(h.len(), 1);
        assert!(!h.is_saving());
        assert!(h.file().is_none());
    }
}
