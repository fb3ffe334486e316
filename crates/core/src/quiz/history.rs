//! Saved answers: one JSON object per line (`{"q":"question-id","t":1764100000,"ok":true}`,
//! with `"g":"hard"` or `"g":"easy"` when the learner graded a right answer) in
//! `history.jsonl` under the data directory. Lines written before grades existed are read as
//! they are: right is Good, wrong is Again. Nothing is migrated by rewriting, so nothing can
//! be lost by it.
//!
//! Nothing is lost and nothing is misreported:
//! - each answer is appended as one line and synced, under a lock (`history.lock`), after
//!   reading what other instances appended since;
//! - a line that cannot be read is copied to `history.jsonl.damaged-<time>` and only it is
//!   dropped; the file is then rewritten without it (compaction, under the lock, atomically);
//! - a save that fails says so at once (the return value of [`History::record`]), the
//!   answers are kept and retried, and at quit [`History::rescue`] writes what is still
//!   unsaved to a file of its own and says where;
//! - a symbolic link is written through (appends follow it, a rewrite replaces its target);
//!   a path that is not a regular file (a directory, a FIFO, a device) is refused before
//!   anything opens it, since opening a FIFO would block.

use std::fs::{self, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::history_file::{self as file, Parsed};
use super::schedule::Grade;
use crate::content::escape;

pub const FILE_NAME: &str = "history.jsonl";
const LOCK_NAME: &str = "history.lock";

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Record {
    #[serde(rename = "q")]
    pub question: String,
    /// Seconds since the Unix epoch.
    #[serde(rename = "t")]
    pub time: u64,
    #[serde(rename = "ok")]
    pub correct: bool,
    /// How a right answer felt, when the learner said; absent in older lines.
    #[serde(rename = "g", default, skip_serializing_if = "Option::is_none")]
    pub graded: Option<Grade>,
    /// A later change of grade to the answer given at `time` (the learner pressed hard or
    /// easy after answering): folded into that answer on reading, never counted as one.
    #[serde(rename = "re", default, skip_serializing_if = "std::ops::Not::not")]
    pub regrade: bool,
}

impl Record {
    pub fn new(question: impl Into<String>, time: u64, correct: bool) -> Record {
        Record { question: question.into(), time, correct, graded: None, regrade: false }
    }

    /// With the learner's grade. Good is the default, so it is not written.
    pub fn graded(mut self, grade: Grade) -> Record {
        self.graded =
            (Grade::of(self.correct, Some(grade)) != Grade::of(self.correct, None)).then_some(grade);
        self
    }

    /// The grade FSRS is given: Again when wrong, else the learner's, else Good.
    pub fn grade(&self) -> Grade {
        Grade::of(self.correct, self.graded)
    }
}

/// A save that did not work: the answers are kept in memory and saving is tried again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveFailed {
    /// For the question screen, ready to show.
    pub message: String,
    /// How many answers are waiting to be saved.
    pub pending: usize,
}

impl std::fmt::Display for SaveFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// What became of the answers still unsaved at quit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rescue {
    /// There were none.
    Nothing,
    /// A last try saved them.
    Saved(usize),
    /// Written to a file of their own.
    Fallback { path: PathBuf, count: usize, why: String },
    /// Not even that could be written: the lines themselves, to print.
    Lost { lines: String, count: usize, why: String },
}

impl Rescue {
    /// What to tell the user once the terminal is restored, if anything.
    pub fn message(&self, history: &Path) -> Option<String> {
        let at = escape(&history.display().to_string());
        let answers = |n: usize| if n == 1 { "1 answer".to_string() } else { format!("{n} answers") };
        match self {
            Rescue::Nothing | Rescue::Saved(_) => None,
            Rescue::Fallback { path, count, why } => {
                let p = escape(&path.display().to_string());
                Some(format!(
                    "scm-vs-om: {} could not be saved to {at} ({}).\n{} written to {p}; to keep {}, add that file's lines to {at} once it can be written:\n  cat '{p}' >> '{at}'",
                    answers(*count),
                    escape(why.trim_end_matches('.')),
                    if *count == 1 { "It was" } else { "They were" },
                    if *count == 1 { "it" } else { "them" },
                ))
            }
            Rescue::Lost { lines, count, why } => Some(format!(
                "scm-vs-om: {} could not be saved to {at} or to any other file ({}).\nHere they are; add these lines to {at} to keep them:\n{}",
                answers(*count),
                escape(why.trim_end_matches('.')),
                escape(lines.trim_end()),
            )),
        }
    }
}

#[derive(Debug)]
pub struct History {
    /// Where answers are saved; `None` when saving is off.
    dir: Option<PathBuf>,
    /// Answers on disk, in file order (this instance's saved ones and others').
    records: Vec<Record>,
    /// Answered here but not yet saved.
    pending: Vec<Record>,
    /// Saved by this run: written again if the file is replaced by one without them.
    saved_here: Vec<Record>,
    /// Problems to show the user, oldest first.
    pub warnings: Vec<String>,
    /// The last save failed (so one warning is enough until it works again).
    failing: bool,
    /// Why saving cannot work this run (the file is a directory, a FIFO...).
    refused: Option<String>,
    /// How much of the file `records` holds, and which file that was (a rewrite by another
    /// instance makes a new one): what to read before the next append.
    known_len: u64,
    known_id: Option<(u64, u64)>,
    /// The file holds lines a rewrite would drop (damaged, blank, cut off).
    needs_compaction: bool,
    /// Damaged lines could not be copied aside, so the file must never be rewritten.
    keep_as_is: bool,
}

fn file_id(path: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

impl History {
    /// Saving turned off (`--no-history`): answers live only as long as the run.
    pub fn disabled() -> History {
        History {
            dir: None,
            records: Vec::new(),
            pending: Vec::new(),
            saved_here: Vec::new(),
            warnings: Vec::new(),
            failing: false,
            refused: None,
            known_len: 0,
            known_id: None,
            needs_compaction: false,
            keep_as_is: false,
        }
    }

    /// Opens the history in `dir`, creating nothing unless the file needs tidying.
    pub fn open(dir: PathBuf) -> History {
        let mut h = History { dir: Some(dir.clone()), ..History::disabled() };
        let path = dir.join(FILE_NAME);
        if let Some(why) = h.refusal(&dir) {
            h.warnings.push(format!(
                "{why} Answers will be kept until you quit, then written to a file of their own."
            ));
            h.refused = Some(why);
            return h;
        }
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return h,
            Err(e) => {
                h.warnings.push(format!(
                    "Could not read {}: {e}. Answers will be kept and saved once it can be read.",
                    escape(&path.display().to_string())
                ));
                h.failing = true;
                // Saving reads what it has not seen before appending: from the start.
                return h;
            }
        };
        let parsed = file::parse(&bytes, 1);
        h.known_len = bytes.len() as u64;
        h.known_id = file_id(&path);
        if parsed.damaged.is_empty() && !parsed.untidy {
            h.records = parsed.records;
            fold_regrades(&mut h.records, 0);
            return h;
        }
        // Damaged or untidy: read again under the lock (another instance may be appending),
        // keep the bad lines aside, and rewrite the file without them.
        drop(bytes);
        match lock(&dir) {
            Ok(_lock) => {
                h.records.clear();
                h.known_len = 0;
                h.known_id = None;
                if let Err(e) = h.catch_up(&path) {
                    h.warnings.push(format!("Could not read {}: {e}.", escape(&path.display().to_string())));
                    h.failing = true;
                    return h;
                }
                h.compact(&path);
            }
            // Cannot lock (a read-only directory): take the good lines and leave the file be.
            Err(_) => h.take(parsed, &path),
        }
        h
    }

    /// Why this directory's history cannot be used at all, if so.
    fn refusal(&self, dir: &Path) -> Option<String> {
        for name in [FILE_NAME, LOCK_NAME] {
            let path = dir.join(name);
            if let Some(what) = file::not_regular(&path) {
                return Some(format!(
                    "{} is {what}, not a regular file, so answers cannot be saved there.",
                    escape(&path.display().to_string())
                ));
            }
        }
        None
    }

    /// Adds what was read, keeping damaged lines aside (and saying so).
    fn take(&mut self, parsed: Parsed, path: &Path) {
        let from = self.records.len();
        self.records.extend(parsed.records);
        fold_regrades(&mut self.records, from);
        self.needs_compaction |= parsed.untidy;
        if parsed.damaged.is_empty() {
            return;
        }
        let mut bytes = Vec::new();
        for (_, line, _) in &parsed.damaged {
            bytes.extend_from_slice(line);
            bytes.push(b'\n');
        }
        let (first, _, why) = &parsed.damaged[0];
        let n = parsed.damaged.len();
        let lines =
            if n == 1 { format!("line {first}") } else { format!("{n} lines, the first line {first}") };
        let shown = escape(&path.display().to_string());
        match file::write_new_beside(path, "damaged", &bytes) {
            Ok(kept) => {
                self.needs_compaction = true;
                self.warnings.push(format!(
                    "{shown}: {lines} could not be read ({}); kept in {}. The other {} answers count as before.",
                    escape(why),
                    escape(&kept.display().to_string()),
                    self.records.len()
                ));
            }
            Err(e) => {
                self.keep_as_is = true;
                self.warnings.push(format!(
                    "{shown}: {lines} could not be read ({}) and could not be copied aside ({e}); they stay in the file, unused.",
                    escape(why)
                ));
            }
        }
    }

    /// Reads what was added to the file since it was last read (all of it if it was
    /// replaced). Under the lock.
    fn catch_up(&mut self, path: &Path) -> io::Result<()> {
        let len = match fs::metadata(path) {
            Ok(m) => m.len(),
            Err(e) if e.kind() == io::ErrorKind::NotFound => 0,
            Err(e) => return Err(e),
        };
        let id = file_id(path);
        let replaced = id != self.known_id || len < self.known_len;
        if replaced {
            self.records.clear();
            self.known_len = 0;
        }
        if len > self.known_len {
            let bytes = file::read_from(path, self.known_len)?;
            let first_line = self.records.len() + 1;
            let parsed = file::parse(&bytes, first_line);
            self.known_len += bytes.len() as u64;
            self.take(parsed, path);
        }
        self.known_id = id;
        if replaced && !self.saved_here.is_empty() {
            self.restore_saved_here();
        }
        Ok(())
    }

    /// After the file was replaced (by another instance's rewrite, or by hand): this run's
    /// saved answers that the new file lacks are queued to be written again.
    fn restore_saved_here(&mut self) {
        let on_disk: rustc_hash::FxHashSet<&Record> = self.records.iter().collect();
        let (kept, gone): (Vec<Record>, Vec<Record>) =
            std::mem::take(&mut self.saved_here).into_iter().partition(|r| on_disk.contains(r));
        self.saved_here = kept;
        if !gone.is_empty() {
            self.warnings.push(format!(
                "{} of this run's answers had gone from the history file; they are written again.",
                gone.len()
            ));
            self.pending.splice(0..0, gone);
        }
    }

    /// Rewrites the file with exactly the answers read (under the lock). A failure leaves the
    /// file as it was, to be tried again at the next save.
    fn compact(&mut self, path: &Path) {
        if !self.needs_compaction || self.keep_as_is {
            return;
        }
        match file::rewrite(path, &self.records) {
            Ok(len) => {
                self.known_len = len;
                self.known_id = file_id(path);
                self.needs_compaction = false;
            }
            Err(e) => {
                if !self.failing {
                    self.warnings.push(format!(
                        "Could not tidy {} ({e}); it is used as it is.",
                        escape(&path.display().to_string())
                    ));
                }
            }
        }
    }

    pub fn file(&self) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join(FILE_NAME))
    }

    pub fn is_saving(&self) -> bool {
        self.dir.is_some()
    }

    /// Every answer known: saved ones (from this and other instances) and this run's.
    pub fn records(&self) -> impl Iterator<Item = &Record> {
        // A regrade waiting to be saved is already in its answer.
        self.records.iter().chain(self.pending.iter().filter(|r| !r.regrade))
    }

    /// Answers known, saved or not.
    pub fn len(&self) -> usize {
        self.records.len() + self.pending.iter().filter(|r| !r.regrade).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Answers on disk (as of the last read or save).
    pub fn saved(&self) -> usize {
        self.records.len()
    }

    /// Answers of this run not saved yet (with saving on; with it off, every answer).
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// Adds an answer and saves at once, so a crash loses nothing already answered. An error
    /// says the answer (and any before it not saved yet) is kept and will be retried.
    pub fn record(&mut self, r: Record) -> Result<(), SaveFailed> {
        self.pending.push(r);
        if self.dir.is_none() {
            return Ok(());
        }
        match self.save() {
            Ok(()) => {
                self.failing = false;
                Ok(())
            }
            Err(e) => {
                let n = self.pending.len();
                let message = format!(
                    "Not saved: {}. {} kept and tried again with the next answer.",
                    escape(e.to_string().trim_end_matches('.')),
                    if n == 1 { "This answer is".to_string() } else { format!("{n} answers are") }
                );
                if !self.failing {
                    self.warnings.push(format!(
                        "Could not save your answers ({}); they are kept until saving works again, and written to a file of their own at quit if it never does.",
                        escape(e.to_string().trim_end_matches('.'))
                    ));
                }
                self.failing = true;
                Err(SaveFailed { message, pending: n })
            }
        }
    }

    fn save(&mut self) -> io::Result<()> {
        if let Some(why) = &self.refused {
            return Err(io::Error::other(why.clone()));
        }
        let dir = self.dir.clone().ok_or_else(|| io::Error::other("saving is off"))?;
        fs::create_dir_all(&dir)?;
        if let Some(why) = self.refusal(&dir) {
            return Err(io::Error::other(why));
        }
        // Unlocks when dropped, at the end of the save.
        let _lock = lock(&dir)?;
        let path = dir.join(FILE_NAME);
        self.catch_up(&path)?;
        self.compact(&path);
        let len = file::append(&path, &self.pending)?;
        self.saved_here.extend(self.pending.iter().cloned());
        let from = self.records.len();
        self.records.append(&mut self.pending);
        fold_regrades(&mut self.records, from);
        self.known_len = len;
        self.known_id = file_id(&path);
        Ok(())
    }

    /// Changes the grade of an answer already given (the learner's hard, good or easy after
    /// a right answer). Not saved yet: changed in place. Saved: a regrade line is appended,
    /// which reading folds into the answer. Returns whether there was such an answer, or
    /// the failed save (kept and retried like any other).
    pub fn regrade(&mut self, question: &str, time: u64, grade: Grade) -> Result<bool, SaveFailed> {
        let same = |r: &Record| !r.regrade && r.question == question && r.time == time;
        if let Some(r) = self.pending.iter_mut().rev().find(|r| same(r)) {
            *r = r.clone().graded(grade);
            return Ok(true);
        }
        let Some(r) = self.records.iter_mut().rev().find(|r| same(r)) else { return Ok(false) };
        let mut line = r.clone().graded(grade);
        if line.graded == r.graded {
            return Ok(true);
        }
        // In memory at once (the schedule reads it now); on disk by the line.
        r.graded = line.graded;
        line.regrade = true;
        self.record(line).map(|()| true)
    }

    /// At quit: one more try at saving what is not saved, else writes it to a file of its own
    /// (beside the history, or in the temporary directory), else hands the lines back.
    pub fn rescue(&mut self) -> Rescue {
        let n = self.pending.len();
        let Some(dir) = self.dir.clone() else { return Rescue::Nothing };
        if n == 0 {
            return Rescue::Nothing;
        }
        let why = match self.save() {
            Ok(()) => return Rescue::Saved(n),
            Err(e) => e.to_string(),
        };
        let mut lines = Vec::new();
        for r in &self.pending {
            serde_json::to_writer(&mut lines, r).expect("a record is plain data");
            lines.push(b'\n');
        }
        let places = [dir.join(FILE_NAME), std::env::temp_dir().join(format!("scm-vs-om-{FILE_NAME}"))];
        for place in places {
            if let Ok(path) = file::write_new_beside(&place, "unsaved", &lines) {
                self.pending.clear();
                return Rescue::Fallback { path, count: n, why };
            }
        }
        self.pending.clear();
        Rescue::Lost { lines: String::from_utf8_lossy(&lines).into_owned(), count: n, why }
    }

    /// [`History::rescue`], and what to tell the user about it (for after the terminal is
    /// restored).
    pub fn rescue_message(&mut self) -> Option<String> {
        let file = self.file()?;
        self.rescue().message(&file)
    }
}

/// Folds the regrade lines among `records[from..]` into the answers they change (the
/// latest answer before them with the same question and time), and drops them. A regrade
/// whose answer is not there (kept aside as damaged) stays, as the answer it describes.
fn fold_regrades(records: &mut Vec<Record>, from: usize) {
    if !records[from..].iter().any(|r| r.regrade) {
        return;
    }
    let mut i = from;
    while i < records.len() {
        if !records[i].regrade {
            i += 1;
            continue;
        }
        let (q, t) = (&records[i].question, records[i].time);
        match (0..i).rev().find(|&j| !records[j].regrade && records[j].question == *q && records[j].time == t)
        {
            Some(j) => {
                records[j].graded = records[i].graded;
                records.remove(i);
            }
            None => {
                records[i].regrade = false;
                i += 1;
            }
        }
    }
}

/// Takes the history lock, refusing a lock path that is not a regular file (a FIFO would
/// block the open for good).
fn lock(dir: &Path) -> io::Result<fs::File> {
    let path = dir.join(LOCK_NAME);
    if let Some(what) = file::not_regular(&path) {
        return Err(io::Error::other(format!("{} is {what}", path.display())));
    }
    let f = OpenOptions::new().create(true).truncate(false).write(true).open(path)?;
    f.lock()?;
    Ok(f)
}

#[cfg(test)]
#[path = "history_tests.rs"]
mod tests;
