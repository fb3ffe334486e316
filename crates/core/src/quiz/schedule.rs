//! The review schedule: Leitner boxes computed from the answer history.
//!
//! Each question sits in a box from 1 to 5. A right answer moves it up one box, a wrong one
//! sends it back to box 1. A box says how long to wait before the question is due again:
//! box 1 at once (a mistake comes back in the next review), then 1, 3, 7 and 21 days, so
//! what is known well is asked rarely and what is not comes back until it is. The schedule
//! is derived from the history each time, never stored, so it cannot disagree with it.

use rustc_hash::FxHashMap;

use super::history::Record;

pub const BOXES: usize = 5;
/// Seconds to wait before a question in each box is due again.
pub const INTERVALS: [u64; BOXES] = [0, DAY, 3 * DAY, 7 * DAY, 21 * DAY];
const DAY: u64 = 24 * 60 * 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    /// 1 to 5.
    pub leitner_box: usize,
    /// When the question was last answered (seconds since the Unix epoch).
    pub last: u64,
}

impl Slot {
    pub fn due_at(&self) -> u64 {
        self.last.saturating_add(INTERVALS[self.leitner_box - 1])
    }
}

#[derive(Debug, Default, Clone)]
pub struct Schedule {
    /// Keyed by question id. Fx hashing: ids are the program's own, and with 200,000
    /// answers to replay SipHash was most of the time.
    slots: FxHashMap<String, Slot>,
}

impl Schedule {
    /// Replays the history in time order.
    pub fn from_history(records: &[Record]) -> Schedule {
        let mut order: Vec<&Record> = records.iter().collect();
        // Stable: answers given in the same second keep their file order.
        order.sort_by_key(|r| r.time);
        let mut schedule = Schedule::default();
        for r in order {
            schedule.apply(r);
        }
        schedule
    }

    /// Records one more answer.
    pub fn apply(&mut self, r: &Record) {
        let next = |b: usize| if r.correct { (b + 1).min(BOXES) } else { 1 };
        match self.slots.get_mut(&r.question) {
            Some(slot) => *slot = Slot { leitner_box: next(slot.leitner_box), last: r.time },
            // A first answer starts from box 1: right moves it to 2.
            None => {
                self.slots.insert(r.question.clone(), Slot { leitner_box: next(1), last: r.time });
            }
        }
    }

    pub fn slot(&self, question: &str) -> Option<Slot> {
        self.slots.get(question).copied()
    }

    /// Seen before, and its wait is over.
    pub fn is_due(&self, question: &str, now: u64) -> bool {
        self.slot(question).is_some_and(|s| s.due_at() <= now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(q: &str, time: u64, correct: bool) -> Record {
        Record { question: q.into(), time, correct }
    }

    #[test]
    fn right_moves_up_wrong_goes_back_to_the_first_box() {
        let s = Schedule::from_history(&[rec("q", 10, true), rec("q", 20, true)]);
        assert_eq!(s.slot("q"), Some(Slot { leitner_box: 3, last: 20 }));
        let s = Schedule::from_history(&[rec("q", 10, true), rec("q", 20, true), rec("q", 30, false)]);
        assert_eq!(s.slot("q").unwrap().leitner_box, 1);
        let s = Schedule::from_history(&[rec("q", 10, false)]);
        assert_eq!(s.slot("q").unwrap().leitner_box, 1);
    }

    #[test]
    fn the_top_box_is_the_last() {
        let history: Vec<Record> = (0..9).map(|t| rec("q", t, true)).collect();
        assert_eq!(Schedule::from_history(&history).slot("q").unwrap().leitner_box, BOXES);
    }

    #[test]
    fn history_is_replayed_in_time_order() {
        // Written out of order (two instances merged): the later wrong answer wins.
        let s = Schedule::from_history(&[rec("q", 30, false), rec("q", 10, true), rec("q", 20, true)]);
        assert_eq!(s.slot("q"), Some(Slot { leitner_box: 1, last: 30 }));
    }

    #[test]
    fn due_times_follow_the_box_intervals() {
        let s = Schedule::from_history(&[rec("wrong", 100, false), rec("right", 100, true)]);
        assert!(s.is_due("wrong", 100), "a mistake is due at once");
        assert!(!s.is_due("right", 100 + DAY - 1));
        assert!(s.is_due("right", 100 + DAY));
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
}
