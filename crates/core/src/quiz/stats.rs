//! What the Progress tab draws, computed from the saved history and the schedule: answers
//! and accuracy per day, mastery per group and per dimension. Pure functions; the forecast
//! and the leeches are in [`super::session`] (`due_forecast`, `leeches`).

use super::card::entries;
use super::history::Record;
use super::schedule::{DAY, Mastery, Schedule};
use crate::content::Content;

/// The local time zone's offset from UTC now, in seconds east, for counting calendar days
/// as the learner lives them.
pub fn utc_offset_now() -> i64 {
    i64::from(chrono::Local::now().offset().local_minus_utc())
}

/// The local day a moment falls on (days since the epoch, shifted by the offset).
fn day_of(t: u64, utc_offset: i64) -> i64 {
    (i64::try_from(t).unwrap_or(i64::MAX).saturating_add(utc_offset)).div_euclid(DAY as i64)
}

/// One day's answers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Day {
    pub answers: usize,
    pub right: usize,
}

impl Day {
    /// Right answers in percent; `None` on a day without answers (a gap, not a zero).
    pub fn accuracy(&self) -> Option<u32> {
        (self.answers > 0).then(|| (self.right * 100 / self.answers) as u32)
    }
}

/// The last `days` calendar days, oldest first, today last. Answers from the future (a
/// clock set back) count as today's rather than vanish.
pub fn per_day<'a>(
    records: impl IntoIterator<Item = &'a Record>,
    now: u64,
    utc_offset: i64,
    days: usize,
) -> Vec<Day> {
    let mut out = vec![Day::default(); days];
    let today = day_of(now, utc_offset);
    for r in records {
        let ago = today - day_of(r.time, utc_offset).min(today);
        if let Some(d) = usize::try_from(ago).ok().filter(|&a| a < days).map(|a| &mut out[days - 1 - a]) {
            d.answers += 1;
            d.right += usize::from(r.correct);
        }
    }
    out
}

/// Accuracy over time: per day, as [`Day::accuracy`].
pub fn accuracy(days: &[Day]) -> Vec<Option<u32>> {
    days.iter().map(Day::accuracy).collect()
}

/// Right answers over all these days, in percent; `None` without answers. Weighted by
/// answers, so a day of one answer counts for one answer, not for a day.
pub fn overall_accuracy(days: &[Day]) -> Option<u32> {
    let (answers, right) = days.iter().fold((0, 0), |(a, r), d| (a + d.answers, r + d.right));
    (answers > 0).then(|| (right * 100 / answers) as u32)
}

/// How many cards stand where.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MasteryCount {
    pub new: usize,
    pub learning: usize,
    pub known: usize,
}

impl MasteryCount {
    fn add(&mut self, m: Mastery) {
        match m {
            Mastery::New => self.new += 1,
            Mastery::Learning => self.learning += 1,
            Mastery::Known => self.known += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.new + self.learning + self.known
    }

    /// One mark for the whole: new while nothing is answered, known once everything is,
    /// learning in between.
    pub fn overall(&self) -> Mastery {
        if self.new + self.learning == 0 && self.known > 0 {
            Mastery::Known
        } else if self.learning + self.known == 0 {
            Mastery::New
        } else {
            Mastery::Learning
        }
    }
}

/// Every card of the content (authored, drill, glossary), counted by its dimension.
pub fn mastery_by_dimension(content: &Content, schedule: &Schedule) -> Vec<MasteryCount> {
    let mut out = vec![MasteryCount::default(); content.dimensions.len()];
    for e in entries(content) {
        if let Some(m) = out.get_mut(e.dimension) {
            m.add(schedule.mastery(&e.id));
        }
    }
    out
}

/// The same, summed per group of dimensions.
pub fn mastery_by_group(content: &Content, schedule: &Schedule) -> Vec<MasteryCount> {
    let mut out = vec![MasteryCount::default(); content.groups.len()];
    for (d, m) in mastery_by_dimension(content, schedule).into_iter().enumerate() {
        let g = &mut out[content.dimensions[d].group];
        g.new += m.new;
        g.learning += m.learning;
        g.known += m.known;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_fall_on_local_days_oldest_first() {
        let now = 100 * DAY + 3600; // 01:00 UTC on day 100
        let records = [
            Record::new("a", now, true),
            Record::new("a", now - 2 * 3600, false), // 23:00 UTC the day before
            Record::new("b", now - 5 * DAY, true),
            Record::new("c", now - 30 * DAY, true), // too old for 30 days
            Record::new("d", now + DAY, true),      // from the future: today
        ];
        let utc = per_day(&records, now, 0, 30);
        assert_eq!(utc.len(), 30);
        assert_eq!(utc[29], Day { answers: 2, right: 2 });
        assert_eq!(utc[28], Day { answers: 1, right: 0 });
        assert_eq!(utc[24], Day { answers: 1, right: 1 });
        assert_eq!(utc.iter().map(|d| d.answers).sum::<usize>(), 4);
        // Three hours east of UTC, 23:00 UTC is 02:00 the next day: today.
        let east = per_day(&records, now, 3 * 3600, 30);
        assert_eq!(east[29], Day { answers: 3, right: 2 });
        assert_eq!(accuracy(&east)[29], Some(66));
        assert_eq!(accuracy(&east)[0], None, "no answers is a gap, not 0%");
    }

    #[test]
    fn overall_accuracy_weighs_answers_not_days() {
        let days = [Day { answers: 1, right: 0 }, Day::default(), Day { answers: 3, right: 3 }];
        assert_eq!(overall_accuracy(&days), Some(75));
        assert_eq!(overall_accuracy(&[Day::default(); 3]), None);
        assert_eq!(overall_accuracy(&[]), None);
    }

    #[test]
    fn mastery_counts_every_card_by_dimension_and_group() {
        let c = Content::parse_builtin().expect("the built-in content is valid");
        let none = mastery_by_group(&c, &Schedule::default());
        let cards = entries(&c).len();
        assert_eq!(none.iter().map(MasteryCount::total).sum::<usize>(), cards);
        assert!(none.iter().all(|m| m.overall() == Mastery::New));
        let first = entries(&c).into_iter().find(|e| e.dimension == 0).unwrap();
        let s = Schedule::from_history(&[Record::new(first.id.clone(), 0, true)]);
        let by_dim = mastery_by_dimension(&c, &s);
        assert_eq!(by_dim[0].learning, 1);
        assert_eq!(by_dim[0].overall(), Mastery::Learning);
        assert_eq!(by_dim[1].overall(), Mastery::New);
        let g = c.dimensions[0].group;
        assert_eq!(mastery_by_group(&c, &s)[g].learning, 1);
        let all_known = MasteryCount { new: 0, learning: 0, known: 3 };
        assert_eq!(all_known.overall(), Mastery::Known);
        assert_eq!(MasteryCount::default().overall(), Mastery::New);
    }
}
