//! Tests of the store: atomic writes, damaged and special files, restoring by id.
use super::*;
use crate::content::ContentSource;
use crate::quiz::card::all_cards;

fn minimal() -> Content {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/packs/minimal");
    Content::load(&ContentSource::Dir(dir)).expect("the minimal pack loads")
}

fn names(dir: &Path) -> Vec<String> {
    let mut n: Vec<String> =
        fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
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
    store
        .save(
            QUIZ_FILE,
            &SavedQuiz { cards: Vec::new(), current: 0, started_at: 1, round: 0, path: Vec::new() },
        )
        .unwrap();
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
        answer: answered.then(|| SavedAnswer {
            chosen: vec!["Alpha".into()],
            correct: true,
            at: 5,
            typed: None,
        }),
    };
    let first = all_cards(&content)[0].id.clone();
    let saved = SavedQuiz {
        cards: vec![card("gone-1", true), card(&first, true), card("gone-2", false)],
        current: 2,
        started_at: 1,
        round: 0,
        path: Vec::new(),
    };
    let back = saved.restore(&content, &mut fastrand::Rng::with_seed(1), 10).unwrap();
    assert_eq!(back.cards.len(), 1);
    assert_eq!(back.current, 0);
    let gone =
        SavedQuiz { cards: vec![card("gone", false)], current: 0, started_at: 1, round: 0, path: Vec::new() };
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
    let mut one = Session::from_cards(all_cards(&content)[..1].to_vec(), &mut fastrand::Rng::with_seed(3), 0);
    assert!(!one.skip());
}

/// A retry round kept to resume carries the rounds before it; a file from before the path was
/// kept reads as having none.
#[test]
fn a_kept_retry_carries_the_path_of_the_rounds_before_it() {
    let path = crate::quiz::RoundPath { rounds: vec![(4, 10), (4, 6)] };
    let saved = SavedQuiz { cards: Vec::new(), current: 0, started_at: 1, round: 2, path: Vec::new() }
        .with_path(&path);
    let json = serde_json::to_string(&saved).unwrap();
    let back: SavedQuiz = serde_json::from_str(&json).unwrap();
    assert_eq!(back.path, vec![(4, 10), (4, 6)]);
    let old: SavedQuiz =
        serde_json::from_str(r#"{"cards":[],"current":0,"started_at":1,"round":1}"#).unwrap();
    assert!(old.path.is_empty());
}
