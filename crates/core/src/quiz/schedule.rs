//! The review schedule: FSRS (the Free Spaced Repetition Scheduler), through the `rs-fsrs`
//! crate, replayed from the answer history.
//!
//! Every answer is a review graded Again (wrong), Hard, Good or Easy; FSRS turns the reviews
//! of a question into a memory state (stability, difficulty) and the moment it is due again.
//! The schedule is derived from the history each time, never stored, so it cannot disagree
//! with it, and old history lines (right or wrong, no grade) replay as Good or Again.
//!
//! `rs-fsrs` rather than `fsrs`: the latter is the optimiser Anki uses, and brings ndarray,
//! rayon, rand and more to fit parameters to a learner's history; the quiz only schedules,
//! with the published default parameters, and `rs-fsrs` does that with chrono alone.

use chrono::{DateTime, Utc};
use rs_fsrs::{Parameters, Rating, State};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::history::Record;

pub const DAY: u64 = 24 * 60 * 60;
/// Missed at least this many times: a leech, worth a quiz of its own.
pub const LEECH_MISSES: u32 = 4;
/// Stability (in days) from which a question counts as known: Anki's "mature" threshold of
/// 21 days, the interval at which a card is taken to be in long-term memory.
pub const KNOWN_STABILITY_DAYS: f64 = 21.0;

/// How well an answer went. A wrong answer is always Again; a right one is Good unless the
/// learner says it was hard or easy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    Again,
    Hard,
    Good,
    Easy,
}

impl Grade {
    /// The grade a right answer gets when the learner says nothing.
    pub const DEFAULT_RIGHT: Grade = Grade::Good;

    /// The grade of an answer: wrong is Again whatever was asked for, right is the grade
    /// given (Again is not a grade of a right answer, so it reads as Good).
    pub fn of(correct: bool, given: Option<Grade>) -> Grade {
        match (correct, given) {
            (false, _) => Grade::Again,
            (true, None | Some(Grade::Again)) => Grade::DEFAULT_RIGHT,
            (true, Some(g)) => g,
        }
    }

    fn rating(self) -> Rating {
        match self {
            Grade::Again => Rating::Again,
            Grade::Hard => Rating::Hard,
            Grade::Good => Rating::Good,
            Grade::Easy => Rating::Easy,
        }
    }
}

/// Where a question stands for the learner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mastery {
    /// Never answered.
    New,
    /// Answered, but FSRS is still in its learning steps, or the memory is not yet stable
    /// for [`KNOWN_STABILITY_DAYS`].
    Learning,
    /// In review with a stability of at least [`KNOWN_STABILITY_DAYS`].
    Known,
}

/// What the schedule knows of one question.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    /// The crate's card: memory state, state (learning, review, relearning) and due time.
    pub card: rs_fsrs::Card,
    /// When the question was last answered (seconds since the Unix epoch).
    pub last: u64,
    pub answers: u32,
    /// Wrong answers, ever (not FSRS lapses, which count only forgetting after review).
    pub misses: u32,
}

impl Slot {
    /// When the question is due again (seconds since the Unix epoch).
    pub fn due_at(&self) -> u64 {
        u64::try_from(self.card.due.timestamp()).unwrap_or(0)
    }

    pub fn is_leech(&self) -> bool {
        self.misses >= LEECH_MISSES
    }

    pub fn mastery(&self) -> Mastery {
        match self.card.state {
            State::Review if self.card.stability >= KNOWN_STABILITY_DAYS => Mastery::Known,
            _ => Mastery::Learning,
        }
    }
}

/// One review of a card: exactly what `rs_fsrs::FSRS::next` computes with short-term steps
/// on (its `BasicScheduler`), from the crate's own formulas in [`Parameters`], without the
/// scheduler's per-call allocations (a seed string, a boxed scheduler, a map of all four
/// outcomes), which made replaying 200,000 answers take ten times the 50 ms allowed. The
/// property test `the_fast_step_is_the_crates_next` holds the two equal.
fn step(p: &Parameters, last: &rs_fsrs::Card, now: DateTime<Utc>, rating: Rating) -> rs_fsrs::Card {
    use chrono::Duration;
    let mut next = last.clone();
    next.elapsed_days = match last.state {
        State::New => 0,
        _ => (now - last.last_review).num_days(),
    };
    next.last_review = now;
    next.reps += 1;
    let elapsed = next.elapsed_days;
    let in_minutes = |next: &mut rs_fsrs::Card, m: i64| {
        next.scheduled_days = 0;
        next.due = now + Duration::minutes(m);
    };
    let in_days = |next: &mut rs_fsrs::Card, d: f64| {
        next.scheduled_days = d as i64;
        next.due = now + Duration::days(d as i64);
        next.state = State::Review;
    };
    match last.state {
        State::New => {
            next.difficulty = p.init_difficulty(rating);
            next.stability = p.init_stability(rating);
            next.state = State::Learning;
            match rating {
                Rating::Again => in_minutes(&mut next, 1),
                Rating::Hard => in_minutes(&mut next, 5),
                Rating::Good => in_minutes(&mut next, 10),
                Rating::Easy => {
                    let days = p.next_interval(next.stability, elapsed);
                    in_days(&mut next, days)
                }
            }
        }
        State::Learning | State::Relearning => {
            next.difficulty = p.next_difficulty(last.difficulty, rating);
            next.stability = p.short_term_stability(last.stability, rating);
            match rating {
                Rating::Again => in_minutes(&mut next, 5),
                Rating::Hard => in_minutes(&mut next, 10),
                Rating::Good => {
                    let days = p.next_interval(next.stability, elapsed);
                    in_days(&mut next, days)
                }
                Rating::Easy => {
                    let good = p.next_interval(p.short_term_stability(last.stability, Rating::Good), elapsed);
                    let days = p.next_interval(next.stability, elapsed).max(good + 1.0);
                    in_days(&mut next, days);
                }
            }
        }
        State::Review => {
            let (d, s) = (last.difficulty, last.stability);
            let r = last.get_retrievability(now);
            next.difficulty = p.next_difficulty(d, rating);
            if rating == Rating::Again {
                next.stability = p.next_forget_stability(d, s, r);
                in_minutes(&mut next, 5);
                next.state = State::Relearning;
                next.lapses += 1;
                return next;
            }
            // Each stability once (they are the costly part): hard's interval bounds good's,
            // good's bounds easy's.
            let recall = |g: Rating| p.next_recall_stability(d, s, r, g);
            let (hard_s, good_s) = (recall(Rating::Hard), recall(Rating::Good));
            let good = p.next_interval(good_s, elapsed);
            let hard = p.next_interval(hard_s, elapsed).min(good);
            let good = good.max(hard + 1.0);
            let (stability, days) = match rating {
                Rating::Hard => (hard_s, hard),
                Rating::Good => (good_s, good),
                _ => {
                    let easy_s = recall(Rating::Easy);
                    (easy_s, p.next_interval(easy_s, elapsed).max(good + 1.0))
                }
            };
            next.stability = stability;
            in_days(&mut next, days);
        }
    }
    next
}

#[derive(Debug, Clone)]
pub struct Schedule {
    parameters: Parameters,
    /// Keyed by question id. Fx hashing: ids are the program's own, and with 200,000
    /// answers to replay SipHash was a large part of the time.
    slots: FxHashMap<String, Slot>,
}

impl Default for Schedule {
    fn default() -> Schedule {
        // No fuzz: the same history always gives the same schedule (and tests can say what).
        let parameters = Parameters { enable_fuzz: false, ..Parameters::default() };
        Schedule { parameters, slots: FxHashMap::default() }
    }
}

fn time(seconds: u64) -> DateTime<Utc> {
    // Out of chrono's range only for times far past the year 200,000: clamp, never panic.
    DateTime::from_timestamp(i64::try_from(seconds).unwrap_or(i64::MAX), 0)
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

impl Schedule {
    /// Replays the history in time order.
    pub fn from_history<'a>(records: impl IntoIterator<Item = &'a Record>) -> Schedule {
        let mut order: Vec<&Record> = records.into_iter().collect();
        // Stable: answers given in the same second keep their file order. A file is nearly
        // always in order already, and checking is cheaper than sorting.
        if !order.is_sorted_by_key(|r| r.time) {
            order.sort_by_key(|r| r.time);
        }
        let mut schedule = Schedule::default();
        for r in order {
            schedule.apply(r);
        }
        schedule
    }

    /// Records one more answer. An answer older than the question's last one (another
    /// instance's, merged late) counts as given at that last moment, so time never runs
    /// backwards for FSRS.
    pub fn apply(&mut self, r: &Record) {
        let grade = r.grade();
        let slot = match self.slots.get_mut(&r.question) {
            Some(slot) => slot,
            None => self.slots.entry(r.question.clone()).or_insert_with(|| Slot {
                card: rs_fsrs::Card { due: time(r.time), last_review: time(r.time), ..Default::default() },
                last: r.time,
                answers: 0,
                misses: 0,
            }),
        };
        let at = r.time.max(slot.last);
        slot.card = step(&self.parameters, &slot.card, time(at), grade.rating());
        slot.last = at;
        slot.answers += 1;
        slot.misses += u32::from(grade == Grade::Again);
    }

    /// Replays one question from the history again (after its grade changed).
    pub fn rebuild<'a>(&mut self, question: &str, records: impl IntoIterator<Item = &'a Record>) {
        self.slots.remove(question);
        let mut mine: Vec<&Record> = records.into_iter().filter(|r| r.question == question).collect();
        mine.sort_by_key(|r| r.time);
        for r in mine {
            self.apply(r);
        }
    }

    pub fn slot(&self, question: &str) -> Option<&Slot> {
        self.slots.get(question)
    }

    /// Seen before, and its wait is over.
    pub fn is_due(&self, question: &str, now: u64) -> bool {
        self.slot(question).is_some_and(|s| s.due_at() <= now)
    }

    pub fn mastery(&self, question: &str) -> Mastery {
        self.slot(question).map_or(Mastery::New, Slot::mastery)
    }

    pub fn is_leech(&self, question: &str) -> bool {
        self.slot(question).is_some_and(Slot::is_leech)
    }

    /// Of these questions, how many fall due on each of the next `days` days, day 0 being
    /// the 24 hours from `now` and holding everything already due. Days are counted from
    /// `now`, not from midnight, so the answer needs no time zone.
    pub fn forecast<'a>(
        &self,
        questions: impl IntoIterator<Item = &'a str>,
        now: u64,
        days: usize,
    ) -> Vec<usize> {
        let mut out = vec![0; days];
        for q in questions {
            let Some(slot) = self.slot(q) else { continue };
            let day = slot.due_at().saturating_sub(now) / DAY;
            if let Some(n) = usize::try_from(day).ok().and_then(|d| out.get_mut(d)) {
                *n += 1;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(q: &str, time: u64, correct: bool) -> Record {
        Record::new(q, time, correct)
    }

    /// Drives the crate's scheduler directly, for comparison with the schedule's replay.
    fn by_hand(reviews: &[(u64, Rating)]) -> rs_fsrs::Card {
        let fsrs = rs_fsrs::FSRS::new(Schedule::default().parameters);
        let mut card =
            rs_fsrs::Card { due: time(reviews[0].0), last_review: time(reviews[0].0), ..Default::default() };
        for &(t, rating) in reviews {
            card = fsrs.next(card, time(t), rating).card;
        }
        card
    }

    #[test]
    fn the_replay_is_the_crates_fsrs() {
        let history =
            [rec("q", 0, true), rec("q", 700, true), rec("q", 5 * DAY, false), rec("q", 6 * DAY, true)];
        let s = Schedule::from_history(&history);
        let expected = by_hand(&[
            (0, Rating::Good),
            (700, Rating::Good),
            (5 * DAY, Rating::Again),
            (6 * DAY, Rating::Good),
        ]);
        assert_eq!(s.slot("q").unwrap().card, expected);
        assert_eq!(s.slot("q").unwrap().misses, 1);
        assert_eq!(s.slot("q").unwrap().answers, 4);
    }

    proptest::proptest! {
        /// Any sequence of reviews, at any gaps (same minute to months), with any grades:
        /// the fast step gives the very card the crate's scheduler gives.
        #[test]
        fn the_fast_step_is_the_crates_next(
            reviews in proptest::collection::vec((0u64..90 * DAY, 0usize..4), 1..25)
        ) {
            let ratings = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];
            let mut t = 1_700_000_000;
            let mut timed = Vec::new();
            let mut s = Schedule::default();
            for (gap, g) in reviews {
                // Gaps mostly short, like a learner's: the learning steps are minutes apart.
                t += if g % 2 == 0 { gap % 3600 } else { gap };
                timed.push((t, ratings[g]));
                let correct = g != 0;
                let grade = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy][g];
                s.apply(&rec("q", t, correct).graded(grade));
                proptest::prop_assert_eq!(&s.slot("q").unwrap().card, &by_hand(&timed));
            }
        }
    }

    #[test]
    fn a_wrong_answer_is_again_whatever_grade_was_given() {
        assert_eq!(Grade::of(false, Some(Grade::Easy)), Grade::Again);
        assert_eq!(Grade::of(true, None), Grade::Good);
        assert_eq!(Grade::of(true, Some(Grade::Again)), Grade::Good);
        assert_eq!(Grade::of(true, Some(Grade::Hard)), Grade::Hard);
        let hard = Schedule::from_history(&[rec("q", 0, true).graded(Grade::Hard)]);
        let easy = Schedule::from_history(&[rec("q", 0, true).graded(Grade::Easy)]);
        let wrong = Schedule::from_history(&[rec("q", 0, false).graded(Grade::Easy)]);
        assert_eq!(wrong.slot("q").unwrap().card, by_hand(&[(0, Rating::Again)]));
        assert_eq!(hard.slot("q").unwrap().card, by_hand(&[(0, Rating::Hard)]));
        assert!(easy.slot("q").unwrap().due_at() > hard.slot("q").unwrap().due_at(), "easy waits longer");
    }

    #[test]
    fn the_grades_order_the_waits() {
        // After the learning steps, in review: Again < Hard < Good < Easy.
        let base = [rec("q", 0, true), rec("q", 600, true), rec("q", 4 * DAY, true)];
        let due = |g: Grade, ok: bool| {
            let mut h = base.to_vec();
            h.push(rec("q", 10 * DAY, ok).graded(g));
            Schedule::from_history(&h).slot("q").unwrap().due_at()
        };
        let (again, hard, good, easy) = (
            due(Grade::Again, false),
            due(Grade::Hard, true),
            due(Grade::Good, true),
            due(Grade::Easy, true),
        );
        assert!(again < hard && hard < good && good < easy, "{again} {hard} {good} {easy}");
        assert!(again < 10 * DAY + 3600, "a mistake comes back within the hour");
    }

    #[test]
    fn history_is_replayed_in_time_order() {
        let shuffled = Schedule::from_history(&[rec("q", 30, false), rec("q", 10, true), rec("q", 20, true)]);
        let ordered = Schedule::from_history(&[rec("q", 10, true), rec("q", 20, true), rec("q", 30, false)]);
        assert_eq!(shuffled.slot("q"), ordered.slot("q"));
        assert_eq!(shuffled.slot("q").unwrap().last, 30);
    }

    #[test]
    fn due_means_seen_and_waited() {
        let s = Schedule::from_history(&[rec("wrong", 100, false), rec("right", 100, true)]);
        let wrong_due = s.slot("wrong").unwrap().due_at();
        assert!(wrong_due <= 100 + 60, "a mistake is due a minute later: {wrong_due}");
        assert!(s.is_due("wrong", wrong_due));
        assert!(!s.is_due("wrong", wrong_due - 1));
        assert!(!s.is_due("never-seen", u64::MAX), "new questions are not due, they are new");
    }

    #[test]
    fn apply_matches_replay() {
        let history = [rec("a", 1, true), rec("b", 2, false), rec("a", 3, true), rec("a", 4, false)];
        let mut s = Schedule::default();
        history.iter().for_each(|r| s.apply(r));
        let replayed = Schedule::from_history(&history);
        for q in ["a", "b"] {
            assert_eq!(s.slot(q), replayed.slot(q));
        }
    }

    #[test]
    fn rebuild_replays_one_question_with_its_new_grade() {
        let mut h = vec![rec("q", 0, true), rec("q", 700, true), rec("other", 5, false)];
        let mut s = Schedule::from_history(&h);
        h[1] = h[1].clone().graded(Grade::Easy);
        s.rebuild("q", &h);
        let fresh = Schedule::from_history(&h);
        assert_eq!(s.slot("q"), fresh.slot("q"));
        assert_eq!(s.slot("other"), fresh.slot("other"));
    }

    #[test]
    fn an_answer_merged_late_does_not_run_time_backwards() {
        let mut s = Schedule::from_history(&[rec("q", 1000, true)]);
        s.apply(&rec("q", 10, true));
        assert_eq!(s.slot("q").unwrap().last, 1000);
        assert_eq!(s.slot("q").unwrap().answers, 2);
    }

    #[test]
    fn four_misses_make_a_leech() {
        let mut h: Vec<Record> = (0..3).map(|i| rec("q", i * DAY, false)).collect();
        h.push(rec("q", 4 * DAY, true));
        assert!(!Schedule::from_history(&h).is_leech("q"), "three misses");
        h.push(rec("q", 5 * DAY, false));
        let s = Schedule::from_history(&h);
        assert!(s.is_leech("q"), "four misses, right answers in between or not");
        assert!(!s.is_leech("unseen"));
    }

    #[test]
    fn mastery_goes_from_new_to_learning_to_known() {
        let mut h = vec![rec("q", 0, true)];
        assert_eq!(Schedule::default().mastery("q"), Mastery::New);
        assert_eq!(Schedule::from_history(&h).mastery("q"), Mastery::Learning);
        // Good each time it falls due: the stability grows past three weeks.
        let mut s = Schedule::from_history(&h);
        for _ in 0..10 {
            let due = s.slot("q").unwrap().due_at();
            h.push(rec("q", due, true));
            s = Schedule::from_history(&h);
        }
        assert!(s.slot("q").unwrap().card.stability >= KNOWN_STABILITY_DAYS);
        assert_eq!(s.mastery("q"), Mastery::Known);
        // One miss sends it back to learning.
        let due = s.slot("q").unwrap().due_at();
        s.apply(&rec("q", due, false));
        assert_eq!(s.mastery("q"), Mastery::Learning);
    }

    #[test]
    fn the_forecast_counts_by_day_with_the_overdue_today() {
        let mut s = Schedule::default();
        let mut put = |q: &str, due: u64| {
            s.apply(&rec(q, 0, true));
            s.slots.get_mut(q).unwrap().card.due = time(due);
        };
        put("overdue", 10);
        put("today", 1000 + DAY - 1);
        put("tomorrow", 1000 + DAY);
        put("in-a-week", 1000 + 7 * DAY);
        put("later", 1000 + 30 * DAY);
        let all = ["overdue", "today", "tomorrow", "in-a-week", "later", "unseen"];
        assert_eq!(s.forecast(all, 1000, 8), [2, 1, 0, 0, 0, 0, 0, 1]);
        assert_eq!(s.forecast(["tomorrow"], 1000, 1), [0], "past the window: not counted");
    }
}
