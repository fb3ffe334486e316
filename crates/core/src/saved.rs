//! What is kept between runs besides the answer history: a quiz under way and the Fit
//! ratings, as small JSON files in the data directory the history uses. No terminal code.
//!
//! Every write goes to a temporary file in the same directory, is synced, then renamed over
//! the old one, so a crash leaves the old file or the new one. A file that cannot be parsed
//! is moved aside under a new name (never overwritten) with a warning, and the program
//! starts as if it were not there. A path that is not a regular file (a directory, a FIFO,
//! a device) is never opened: reading a FIFO would block.

use std::collections::BTreeMap;
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
        let bytes = serde_json::to_vec_pretty(value).map_err(io::Error::other)?;
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
                }),
            })
            .collect();
        SavedQuiz { cards, current: session.current, started_at: session.started_at, round }
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
mod tests {
    use super::*;
    use crate::content::ContentSource;
    use crate::quiz::card::all_cards;

    fn minimal() -> Content {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/packs/minimal");
        Content::load(&ContentSource::Dir(dir)).expect("the minimal pack loads")
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut n: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        n.sort();
        n
    }

    #[test]
    fn saves_and_loads_and_leaves_no_temporary_file() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data");
        let mut store = Store::new(dir.clone());
        assert_eq!(store.load::<SavedFit>(FIT_FILE), None, "nothing saved yet");
        let fit = SavedFit { ratings: [("a".to_string(), 4)].into() };
        store.save(FIT_FILE, &fit).unwrap();
        assert_eq!(store.load::<SavedFit>(FIT_FILE), Some(fit));
        assert_eq!(names(&dir), [FIT_FILE], "the data directory is made; no temporary file stays");
        store.remove(FIT_FILE).unwrap();
        store.remove(FIT_FILE).unwrap();
        assert!(names(&dir).is_empty());
        assert!(store.warnings.is_empty(), "{:?}", store.warnings);
    }

    #[test]
    fn a_damaged_file_is_set_aside_with_a_warning() {
        let tmp = tempfile::tempdir().unwrap();
        fs::write(tmp.path().join(QUIZ_FILE), "{\"cards\": [").unwrap();
        let mut store = Store::new(tmp.path().to_path_buf());
        assert_eq!(store.load::<SavedQuiz>(QUIZ_FILE), None);
        assert_eq!(store.warnings.len(), 1);
        assert!(store.warnings[0].contains("was damaged"), "{:?}", store.warnings);
        let kept: Vec<String> = names(tmp.path()).into_iter().filter(|n| n.contains(".damaged-")).collect();
        assert_eq!(kept.len(), 1, "{:?}", names(tmp.path()));
        assert_eq!(fs::read_to_string(tmp.path().join(&kept[0])).unwrap(), "{\"cards\": [");
        // The next save starts afresh beside the kept copy.
        store.save(QUIZ_FILE, &SavedQuiz { cards: Vec::new(), current: 0, started_at: 1, round: 0 }).unwrap();
        assert_eq!(names(tmp.path()).len(), 2);
    }

    #[test]
    fn a_path_that_is_not_a_regular_file_is_refused_not_opened() {
        let tmp = tempfile::tempdir().unwrap();
        fs::create_dir(tmp.path().join(FIT_FILE)).unwrap();
        let mut store = Store::new(tmp.path().to_path_buf());
        assert_eq!(store.load::<SavedFit>(FIT_FILE), None);
        assert!(store.warnings[0].contains("not a regular file"), "{:?}", store.warnings);
        let err = store.save(FIT_FILE, &SavedFit::default()).unwrap_err();
        assert!(err.to_string().contains("not a regular file"), "{err}");
        assert!(store.remove(FIT_FILE).is_err());
        assert!(tmp.path().join(FIT_FILE).is_dir(), "left as it was");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_does_not_block() {
        let tmp = tempfile::tempdir().unwrap();
        let fifo = tmp.path().join(QUIZ_FILE);
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo here: nothing to prove
        }
        let mut store = Store::new(tmp.path().to_path_buf());
        // Opening a FIFO for reading would wait for a writer forever.
        assert_eq!(store.load::<SavedQuiz>(QUIZ_FILE), None);
        assert!(store.warnings[0].contains("not a regular file"), "{:?}", store.warnings);
    }

    #[test]
    fn a_disabled_store_writes_nothing() {
        let mut store = Store::disabled();
        assert!(!store.is_saving());
        store.save(FIT_FILE, &SavedFit::default()).unwrap();
        assert_eq!(store.load::<SavedFit>(FIT_FILE), None);
        assert!(store.write_text(FIT_RESULT_FILE, "x").is_err());
    }

    #[test]
    fn a_quiz_comes_back_as_it_was_left() {
        let content = minimal();
        let mut rng = fastrand::Rng::with_seed(1);
        let mut session = Session::from_cards(all_cards(&content), &mut rng, 100);
        let n = session.cards.len();
        assert!(n >= 3);
        let right = session.cards[0].correct.clone();
        session.answer(right, 110);
        session.advance();
        let saved = SavedQuiz::of(&session, 2);
        assert_eq!((saved.answered(), saved.cards.len(), saved.round), (1, n, 2));
        // Through the file, as the next run reads it.
        let json = serde_json::to_string(&saved).unwrap();
        let saved: SavedQuiz = serde_json::from_str(&json).unwrap();
        // A day later: the 10 seconds spent answering still count as 10.
        let back = saved.restore(&content, &mut fastrand::Rng::with_seed(9), 110 + 86_400).unwrap();
        assert_eq!(back.current, 1);
        assert_eq!(back.started_at, 100 + 86_400);
        let ids = |s: &Session| s.cards.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&back), ids(&session));
        let r = back.responses[0].as_ref().unwrap();
        assert!(r.correct && r.at == 110 + 86_400);
        // The options may be in a new order; the chosen ones are the same options.
        let chosen = |s: &Session| {
            let r = s.responses[0].as_ref().unwrap();
            let mut t: Vec<String> = r.chosen.iter().map(|&i| s.cards[0].options[i].clone()).collect();
            t.sort();
            t
        };
        assert_eq!(chosen(&back), chosen(&session));
        assert!(back.responses[1..].iter().all(Option::is_none));
    }

    #[test]
    fn cards_the_content_no_longer_has_are_left_out() {
        let content = minimal();
        let card = |id: &str, answered: bool| SavedCard {
            id: id.into(),
            answer: answered.then(|| SavedAnswer { chosen: vec!["Alpha".into()], correct: true, at: 5 }),
        };
        let first = all_cards(&content)[0].id.clone();
        let saved = SavedQuiz {
            cards: vec![card("gone-1", true), card(&first, true), card("gone-2", false)],
            current: 2,
            started_at: 1,
            round: 0,
        };
        let back = saved.restore(&content, &mut fastrand::Rng::with_seed(1), 10).unwrap();
        assert_eq!(back.cards.len(), 1);
        assert_eq!(back.current, 0);
        let gone = SavedQuiz { cards: vec![card("gone", false)], current: 0, started_at: 1, round: 0 };
        assert!(gone.restore(&content, &mut fastrand::Rng::with_seed(1), 10).is_none());
    }

    #[test]
    fn fit_ratings_are_kept_by_statement_id() {
        let content = minimal();
        let n = content.fit.statements.len();
        let mut ratings = vec![None; n];
        ratings[0] = Some(5);
        let saved = SavedFit::of(&content, &ratings);
        assert_eq!(saved.ratings.len(), 1);
        assert_eq!(saved.ratings(&content), ratings);
        // Unknown ids and ratings out of range are dropped, not trusted.
        let odd =
            SavedFit { ratings: [("nope".to_string(), 3), (content.fit.statements[0].id.clone(), 9)].into() };
        assert_eq!(odd.ratings(&content), vec![None; n]);
        let text = fit_markdown(&content, &ratings);
        assert!(text.starts_with("# Which field fits me? My result"), "{text}");
        assert!(text.contains(&format!("- 5: {}", content.fit.statements[0].text)), "{text}");
        assert!(text.contains(&format!("1 of {n} statements rated")), "{text}");
    }

    /// The two session hooks the keys use: skip puts a card last, end early keeps the answered.
    #[test]
    fn a_session_skips_and_ends_early() {
        let content = minimal();
        let mut s = Session::from_cards(all_cards(&content), &mut fastrand::Rng::with_seed(3), 0);
        let ids = |s: &Session| s.cards.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
        let before = ids(&s);
        assert!(s.skip());
        assert_eq!(ids(&s)[..before.len() - 1], before[1..]);
        assert_eq!(ids(&s).last(), before.first());
        let right = s.cards[0].correct.clone();
        s.answer(right, 5);
        assert!(!s.skip(), "an answered card is not skipped");
        s.advance();
        s.end_early();
        assert_eq!(ids(&s), [before[1].clone()]);
        assert_eq!((s.current, s.responses.len()), (0, 1));
        assert!(s.responses[0].as_ref().is_some_and(|r| r.correct));
        // The last card waiting cannot be skipped: there is nothing to skip to.
        let mut one =
            Session::from_cards(all_cards(&content)[..1].to_vec(), &mut fastrand::Rng::with_seed(3), 0);
        assert!(!one.skip());
    }
}
