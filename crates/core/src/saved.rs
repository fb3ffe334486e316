//! What is kept between runs besides the answer history: a quiz under way and the Fit
//! ratings, as small JSON files in the data directory the history uses. No terminal code.
//!
//! Every write goes to a temporary file in the same directory, is synced, then renamed over
//! the old one, so a crash leaves the old file or the new one. A file that cannot be parsed
//! is moved aside under a new name (never overwritten) with a warning, and the program
//! starts as if it were not there. A path that is not a regular file (a directory, a FIFO,
//! a device) is never opened: reading a FIFO would block.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::content::Content;
use crate::quiz::card::{card, entries};
use crate::quiz::session::Response;
use crate::quiz::{Origin, Session};

pub const QUIZ_FILE: &str = "quiz.json";
pub const FIT_FILE: &str = "fit.json";
pub const FIT_RESULT_FILE: &str = "fit-result.md";
pub const READ_FILE: &str = "read.json";

/// Where the files live; `None` when nothing is saved (`--no-history`).
#[derive(Debug, Default)]
pub struct Store {
    dir: Option<PathBuf>,
    /// Problems to show the user, oldest first.
    pub warnings: Vec<String>,
}

impl Store {
    pub fn disabled() -> Store {
        Store::default()
    }

    pub fn new(dir: PathBuf) -> Store {
        Store { dir: Some(dir), warnings: Vec::new() }
    }

    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    pub fn is_saving(&self) -> bool {
        self.dir.is_some()
    }

    fn path(&self, name: &str) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join(name))
    }

    /// Reads a file written by [`Store::save`]. Missing: `None`. Damaged: set aside, a
    /// warning, `None`.
    pub fn load<T: DeserializeOwned>(&mut self, name: &str) -> Option<T> {
        let path = self.path(name)?;
        let meta = match fs::metadata(&path) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return None,
            Err(e) => {
                self.warnings.push(format!("Could not read {}: {e}.", shown(&path)));
                return None;
            }
        };
        if !meta.is_file() {
            self.warnings.push(format!("{} is not a regular file, so it was not read.", shown(&path)));
            return None;
        }
        let parsed = fs::read(&path).map_err(|e| e.to_string()).and_then(|bytes| {
            serde_json::from_slice::<T>(&bytes).map_err(|e| format!("it could not be read: {e}"))
        });
        match parsed {
            Ok(value) => Some(value),
            Err(why) => {
                match set_aside(&path) {
                    Ok(kept) => self.warnings.push(format!(
                        "{} was damaged ({why}); it was kept as {}.",
                        shown(&path),
                        shown(&kept)
                    )),
                    Err(e) => self.warnings.push(format!(
                        "{} was damaged ({why}) and could not be moved aside ({e}).",
                        shown(&path)
                    )),
                }
                None
            }
        }
    }

    /// Writes a value atomically. Saving off: nothing happens.
    pub fn save<T: Serialize>(&self, name: &str, value: &T) -> io::Result<()> {
        let Some(path) = self.path(name) else { return Ok(()) };
        let bytes = serde_json::to_vec(value).map_err(io::Error::other)?;
        write_atomically(&path, &bytes)
    }

    /// Writes text atomically and returns where. Saving off: an error that says so.
    pub fn write_text(&self, name: &str, text: &str) -> io::Result<PathBuf> {
        let path = self.path(name).ok_or_else(|| io::Error::other("saving is off (--no-history)"))?;
        write_atomically(&path, text.as_bytes())?;
        Ok(path)
    }

    /// Removes a file (a finished quiz). Missing already: fine.
    pub fn remove(&self, name: &str) -> io::Result<()> {
        let Some(path) = self.path(name) else { return Ok(()) };
        match fs::symlink_metadata(&path) {
            Ok(m) if m.is_file() => fs::remove_file(&path),
            Ok(_) => Err(io::Error::other(format!("{} is not a regular file", shown(&path)))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e),
        }
    }
}

fn shown(path: &Path) -> String {
    crate::content::escape(&path.display().to_string())
}

/// Writes beside the target, syncs, and renames into place; a target that exists and is not
/// a regular file is refused rather than replaced.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().ok_or_else(|| io::Error::other("no directory"))?;
    fs::create_dir_all(dir)?;
    if let Ok(m) = fs::metadata(path)
        && !m.is_file()
    {
        return Err(io::Error::other(format!("{} is not a regular file", shown(path))));
    }
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&tmp, path)?;
        // The rename is durable once the directory is synced (where that is possible).
        let _ = File::open(dir).and_then(|d| d.sync_all());
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Renames a damaged file to a name not taken yet, and returns it.
fn set_aside(path: &Path) -> io::Result<PathBuf> {
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    for n in 0..1000 {
        let suffix = if n == 0 { format!("damaged-{stamp}") } else { format!("damaged-{stamp}-{n}") };
        let target = path.with_file_name(format!("{name}.{suffix}"));
        if !target.exists() {
            fs::rename(path, &target)?;
            return Ok(target);
        }
    }
    Err(io::Error::other("no free name to keep the damaged file under"))
}

// ---- A quiz under way ----

/// A quiz as it is saved: cards by id, so a pack edited since still resumes what it can.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedQuiz {
    pub cards: Vec<SavedCard>,
    /// The card being asked.
    pub current: usize,
    pub started_at: u64,
    /// Which round of retrying the missed questions (0: the first run).
    #[serde(default)]
    pub round: usize,
    /// (right, total) of each round finished before this one, for the results' path.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub path: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedCard {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<SavedAnswer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedAnswer {
    /// The options chosen, by their text (the order of options is shuffled per run).
    pub chosen: Vec<String>,
    pub correct: bool,
    pub at: u64,
    /// What was typed, on a typed card (matched again on restore).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typed: Option<String>,
}

impl SavedQuiz {
    pub fn of(session: &Session, round: usize) -> SavedQuiz {
        let cards = session
            .cards
            .iter()
            .zip(&session.responses)
            .map(|(c, r)| SavedCard {
                id: c.id.clone(),
                answer: r.as_ref().map(|r| SavedAnswer {
                    chosen: r.chosen.iter().filter_map(|&i| c.options.get(i).cloned()).collect(),
                    correct: r.correct,
                    at: r.at,
                    typed: r.typed.as_ref().map(|(text, _)| text.clone()),
                }),
            })
            .collect();
        SavedQuiz { cards, current: session.current, started_at: session.started_at, round, path: Vec::new() }
    }

    /// The same, with the rounds finished before it, so a resumed retry shows the whole path.
    pub fn with_path(mut self, path: &crate::quiz::RoundPath) -> SavedQuiz {
        self.path = path.rounds.clone();
        self
    }

    pub fn answered(&self) -> usize {
        self.cards.iter().filter(|c| c.answer.is_some()).count()
    }

    /// The session again, its unanswered cards' options shuffled anew. Cards the content no
    /// longer has are left out; `None` when none is left. Its clock moves on to `now`, so the
    /// time taken counts the time spent answering, not the time between runs.
    pub fn restore(&self, content: &Content, rng: &mut fastrand::Rng, now: u64) -> Option<Session> {
        let origins: FxHashMap<String, Origin> =
            entries(content).into_iter().map(|e| (e.id, e.origin)).collect();
        let mut kept = Vec::new();
        // The current card's place among those kept (the next one kept, if it is gone).
        let mut current = 0;
        for (i, saved) in self.cards.iter().enumerate() {
            let Some(origin) = origins.get(&saved.id) else { continue };
            current += usize::from(i < self.current);
            kept.push((card(content, origin), saved.answer.clone()));
        }
        if kept.is_empty() {
            return None;
        }
        let (cards, answers): (Vec<_>, Vec<_>) = kept.into_iter().unzip();
        let mut session = Session::from_cards(cards, rng, self.started_at);
        session.responses = session
            .cards
            .iter()
            .zip(answers)
            .map(|(c, a)| {
                a.map(|a| Response {
                    chosen: a.chosen.iter().filter_map(|t| c.options.iter().position(|o| o == t)).collect(),
                    correct: a.correct,
                    at: a.at,
                    typed: a.typed.map(|text| {
                        let m = c.check_typed(&text);
                        (text, m)
                    }),
                })
            })
            .collect();
        session.current = current.min(session.cards.len() - 1);
        let last = session.responses.iter().flatten().map(|r| r.at).fold(session.started_at, u64::max);
        let gap = now.saturating_sub(last);
        session.started_at = session.started_at.saturating_add(gap);
        for r in session.responses.iter_mut().flatten() {
            r.at = r.at.saturating_add(gap);
        }
        Some(session)
    }
}

// ---- The Fit ratings ----

/// Ratings by statement id, so edits to the pack keep the ratings they can.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedFit {
    pub ratings: BTreeMap<String, u8>,
}

impl SavedFit {
    pub fn of(content: &Content, ratings: &[Option<u8>]) -> SavedFit {
        let ratings = content
            .fit
            .statements
            .iter()
            .zip(ratings)
            .filter_map(|(s, r)| r.map(|r| (s.id.clone(), r)))
            .collect();
        SavedFit { ratings }
    }

    /// One rating per statement of the content (ratings out of range are dropped).
    pub fn ratings(&self, content: &Content) -> Vec<Option<u8>> {
        content
            .fit
            .statements
            .iter()
            .map(|s| self.ratings.get(&s.id).copied().filter(|r| crate::fit::RATINGS.contains(r)))
            .collect()
    }
}

// ---- The dimensions read in Compare ----

/// The dimensions opened in Compare, by id, so edits to the pack keep what they can.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedRead {
    pub dimensions: BTreeSet<String>,
}

impl SavedRead {
    pub fn of(content: &Content, read: &[bool]) -> SavedRead {
        let dimensions =
            content.dimensions.iter().zip(read).filter(|(_, r)| **r).map(|(d, _)| d.id.clone()).collect();
        SavedRead { dimensions }
    }

    /// One flag per dimension of the content (ids the pack no longer has are ignored).
    pub fn read(&self, content: &Content) -> Vec<bool> {
        content.dimensions.iter().map(|d| self.dimensions.contains(&d.id)).collect()
    }
}

/// The self-assessment's result as Markdown, to keep or share.
pub fn fit_markdown(content: &Content, ratings: &[Option<u8>]) -> String {
    let r = crate::fit::score(content, ratings);
    let mut out = String::from("# Which field fits me? My result\n\n");
    for &d in &r.ranking {
        out.push_str(&format!("- {}: {}/100\n", content.disciplines[d].name, r.scores[d]));
    }
    let rated = ratings.iter().filter(|r| r.is_some()).count();
    out.push_str(&format!(
        "\n{rated} of {} statements rated; unrated ones count as neutral.\n",
        ratings.len()
    ));
    out.push_str("\n## My ratings (1 strongly dislike … 5 strongly like)\n\n");
    for (s, rating) in content.fit.statements.iter().zip(ratings) {
        let rating = rating.map_or("not rated".to_string(), |r| r.to_string());
        out.push_str(&format!("- {rating}: {}\n", s.text));
    }
    if !r.read_next.is_empty() {
        out.push_str("\n## Worth reading next\n\n");
        for &d in &r.read_next {
            out.push_str(&format!("- {}\n", content.dimensions[d].title));
        }
    }
    out.push_str(
        "\nA reflection aid, not a test: it mirrors back what you said you enjoy, using the \
         comparison's own split of the work.\n",
    );
    out
}

#[cfg(test)]
mod tests;
