//! The Progress tab: pictures of the saved history (answers and accuracy per day, what falls
//! due, mastery per group, the leeches) and the Fit result. The figures are worked out when
//! the tab is opened, so a frame never walks a long history; the renderer only draws them.

use super::{App, Tab};
use crate::action::Action;
use crate::quiz::session::{due_count, due_forecast, leeches};
use crate::quiz::stats::{Day, MasteryCount, mastery_by_group, overall_accuracy, per_day, utc_offset_now};
use crate::quiz::{Difficulty, Plan, Scope, Session, card};
use crate::view::Region;

/// Days of answers the charts look back over, today included.
pub const HISTORY_DAYS: usize = 30;
/// Days of the review forecast, today (and everything overdue) first.
pub const FORECAST_DAYS: usize = 14;

/// A question missed again and again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leech {
    pub prompt: String,
    pub misses: u32,
    pub dimension: usize,
}

/// What the tab shows, as worked out from the history and the schedule at one moment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures {
    /// Answers known (saved, and this run's).
    pub answers: usize,
    /// Whether answers are saved at all (`--no-history` turns saving off).
    pub saving: bool,
    /// The last [`HISTORY_DAYS`] days, oldest first.
    pub days: Vec<Day>,
    /// Cards falling due on each of the next [`FORECAST_DAYS`] days (day 0 holds the overdue).
    pub forecast: Vec<usize>,
    pub due_now: usize,
    /// Per group of dimensions, in content order.
    pub groups: Vec<MasteryCount>,
    /// Most missed first.
    pub leeches: Vec<Leech>,
}

impl Figures {
    /// Right answers over the days shown, in percent; `None` without answers.
    pub fn accuracy(&self) -> Option<u32> {
        overall_accuracy(&self.days)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressState {
    /// The learner's offset from UTC in seconds, for calendar days (fixed in tests).
    pub utc_offset: i64,
    /// Worked out when the tab opens; `None` before.
    pub figures: Option<Figures>,
    /// The page's scroll, in rows.
    pub scroll: u16,
    /// A one-line message ("No leeches").
    pub notice: Option<String>,
}

impl Default for ProgressState {
    fn default() -> Self {
        ProgressState { utc_offset: utc_offset_now(), figures: None, scroll: 0, notice: None }
    }
}

impl App {
    /// Calendar days counted at this offset from UTC (seconds east) rather than the local one.
    pub fn with_utc_offset(mut self, seconds: i64) -> Self {
        self.progress.utc_offset = seconds;
        self
    }

    /// Works out the figures the Progress tab shows, from the history as it is now.
    pub fn refresh_progress(&mut self) {
        let now = (self.clock)();
        let q = &self.quiz;
        let schedule = &q.schedule;
        let leeches = leeches(&self.content, schedule)
            .into_iter()
            .map(|(entry, misses)| Leech {
                prompt: card::card(&self.content, &entry.origin).prompt,
                misses,
                dimension: entry.dimension,
            })
            .collect();
        self.progress.figures = Some(Figures {
            answers: q.history.len(),
            saving: q.history.is_saving(),
            days: per_day(q.history.records(), now, self.progress.utc_offset, HISTORY_DAYS),
            forecast: due_forecast(&self.content, schedule, now, FORECAST_DAYS),
            due_now: due_count(&self.content, schedule, now),
            groups: mastery_by_group(&self.content, schedule),
            leeches,
        });
        self.progress.notice = None;
    }

    pub(super) fn update_progress(&mut self, action: Action) {
        self.progress.notice = None;
        match action {
            Action::Select => self.quiz_the_leeches(),
            _ => {
                self.progress.scroll =
                    self.drawn.viewport(Region::Progress, self.progress.scroll).act(action).offset
            }
        }
    }

    /// Starts a quiz of only the leeches, on the Quiz tab, unless a quiz is under way (it is
    /// never replaced without a word).
    fn quiz_the_leeches(&mut self) {
        if self.quiz.running() {
            self.progress.notice =
                Some("A quiz is under way on tab 2: finish it first, then quiz the leeches.".into());
            return;
        }
        // Starting one would replace the quiz kept to resume.
        if self.quiz.resume.is_some() {
            self.progress.notice =
                Some("An unfinished quiz is kept on tab 2: resume or drop it there first.".into());
            return;
        }
        let now = (self.clock)();
        let plan = Plan { scope: Scope::Leeches, count: None, difficulty: Difficulty::Any };
        let chosen = crate::quiz::session::select(&self.content, &plan, &self.quiz.schedule, now);
        if chosen.is_empty() {
            self.progress.notice = Some("No leeches: no question has been missed 4 times.".into());
            return;
        }
        let session = Session::start(&self.content, chosen, &plan, &mut self.quiz.rng, now);
        self.begin_quiz(session, 0, false);
        self.tab = Tab::Quiz;
    }
}
