//! The Quiz tab: a start form, questions with immediate feedback, results, and retries of the
//! missed ones. Every answer is saved to the history at once and moves the review schedule.

use super::{App, Tab};
use crate::action::Action;
use crate::content::{Content, QuestionKind};
use crate::quiz::card::Entry;
use crate::quiz::session::{due_count, due_forecast, select};
use crate::quiz::{Difficulty, History, Origin, Plan, Record, Schedule, Scope, Session};
use crate::view::Region;

/// The choices of the start form's "How many" field.
pub const COUNTS: [Option<usize>; 4] = [Some(10), Some(20), Some(50), None];
/// The choices of the start form's "Difficulty" field.
pub const DIFFICULTIES: [Difficulty; 4] =
    [Difficulty::Any, Difficulty::Only(1), Difficulty::Only(2), Difficulty::Only(3)];
/// The start form's fields, top to bottom.
pub const FIELDS: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizScreen {
    Start,
    /// A question, and after it is answered, its feedback.
    Question,
    Results,
}

pub struct QuizState {
    pub screen: QuizScreen,
    /// The start form: the field with focus, and the choice made in each.
    pub field: usize,
    pub scope: usize,
    pub count: usize,
    pub difficulty: usize,
    pub session: Option<Session>,
    /// The highlighted option.
    pub cursor: usize,
    /// Options ticked so far on a choose-all-that-apply question.
    pub ticked: Vec<usize>,
    /// Scroll of the feedback or the results.
    pub scroll: u16,
    /// Which round of retrying the missed questions this is (0: the first run).
    pub round: usize,
    /// A one-line message for the user ("Choose at least one option").
    pub notice: Option<String>,
    pub history: History,
    pub schedule: Schedule,
    pub rng: fastrand::Rng,
    /// How many cards are due, and how many the start form selects: counted when something
    /// that changes them happens, so drawing never walks the whole question bank.
    pub due: usize,
    /// Due now or within the next 7 days.
    pub due_week: usize,
    pub matching: usize,
}

impl QuizState {
    pub fn new(history: History, seed: u64) -> QuizState {
        let records: Vec<Record> = history.records().cloned().collect();
        QuizState {
            screen: QuizScreen::Start,
            field: 0,
            scope: 0,
            count: 1,
            difficulty: 0,
            session: None,
            cursor: 0,
            ticked: Vec::new(),
            scroll: 0,
            round: 0,
            notice: None,
            schedule: Schedule::from_history(&records),
            history,
            rng: fastrand::Rng::with_seed(seed),
            due: 0,
            due_week: 0,
            matching: 0,
        }
    }

    /// Whether the current question has been answered (its feedback is showing).
    pub fn answered(&self) -> bool {
        self.session.as_ref().is_some_and(|s| s.response().is_some())
    }

    pub fn plan(&self, content: &Content) -> Plan {
        Plan {
            scope: scopes(content)[self.scope.min(scopes(content).len() - 1)],
            count: COUNTS[self.count],
            difficulty: DIFFICULTIES[self.difficulty],
        }
    }
}

/// The choices of the start form's "What" field.
pub fn scopes(content: &Content) -> Vec<Scope> {
    let mut s = vec![Scope::All, Scope::Due, Scope::Drill];
    s.extend((0..content.groups.len()).map(Scope::Group));
    s.push(Scope::Leeches);
    s
}

/// The cards the question screen can ask. It cannot take a typed answer until its typing
/// field lands, so authored `typed` questions wait, left out of counts and runs alike.
fn askable(content: &Content, mut cards: Vec<Entry>) -> Vec<Entry> {
    cards.retain(
        |e| !matches!(e.origin, Origin::Question(i) if content.questions[i].kind == QuestionKind::Typed),
    );
    cards
}

impl App {
    /// How many cards are due for review now (counted now; the screen shows `quiz.due`).
    pub fn due_now(&self) -> usize {
        due_count(&self.content, &self.quiz.schedule, (self.clock)())
    }

    /// Counts what the start screen shows: cards due, and cards the form's choices select.
    pub(super) fn refresh_quiz_counts(&mut self) {
        let now = (self.clock)();
        self.quiz.due = due_count(&self.content, &self.quiz.schedule, now);
        self.quiz.due_week = due_forecast(&self.content, &self.quiz.schedule, now, 7).iter().sum();
        let selected = select(&self.content, &self.quiz.plan(&self.content), &self.quiz.schedule, now);
        self.quiz.matching = askable(&self.content, selected).len();
    }

    pub(super) fn update_quiz(&mut self, action: Action) {
        self.quiz.notice = None;
        match self.quiz.screen {
            QuizScreen::Start => self.update_quiz_start(action),
            QuizScreen::Question if self.quiz.answered() => self.update_quiz_feedback(action),
            QuizScreen::Question => self.update_quiz_question(action),
            QuizScreen::Results => self.update_quiz_results(action),
        }
        if self.quiz.screen == QuizScreen::Start {
            self.refresh_quiz_counts();
        }
    }

    fn update_quiz_start(&mut self, action: Action) {
        let q = &mut self.quiz;
        let n_scopes = scopes(&self.content).len();
        let cycle = |value: &mut usize, len: usize, forward: bool| {
            *value = if forward { (*value + 1) % len } else { (*value + len - 1) % len };
        };
        match action {
            Action::Up => q.field = q.field.saturating_sub(1),
            Action::Down => q.field = (q.field + 1).min(FIELDS - 1),
            Action::FocusNext | Action::FocusPrev => {
                let forward = action == Action::FocusNext;
                match q.field {
                    0 => cycle(&mut q.scope, n_scopes, forward),
                    1 => cycle(&mut q.count, COUNTS.len(), forward),
                    _ => cycle(&mut q.difficulty, DIFFICULTIES.len(), forward),
                }
            }
            Action::Select => self.start_quiz(),
            _ => {}
        }
    }

    fn start_quiz(&mut self) {
        let now = (self.clock)();
        let plan = self.quiz.plan(&self.content);
        let cards = askable(&self.content, select(&self.content, &plan, &self.quiz.schedule, now));
        if cards.is_empty() {
            self.quiz.notice = Some(match plan.scope {
                Scope::Due => {
                    "Nothing is due for review, and every question has been seen: come back later.".into()
                }
                Scope::Leeches => "No leeches: no question has been missed 4 times.".into(),
                _ => "No questions match these choices.".into(),
            });
            return;
        }
        let session = Session::start(&self.content, cards, &plan, &mut self.quiz.rng, now);
        self.begin_quiz(session, 0);
    }

    pub(super) fn begin_quiz(&mut self, session: Session, round: usize) {
        let q = &mut self.quiz;
        q.session = Some(session);
        q.round = round;
        q.screen = QuizScreen::Question;
        q.cursor = 0;
        q.ticked.clear();
        q.scroll = 0;
    }

    fn update_quiz_question(&mut self, action: Action) {
        let Some(card) = self.quiz.session.as_ref().and_then(|s| s.card()) else {
            return;
        };
        let (n, multi) = (card.options.len(), card.multi);
        let q = &mut self.quiz;
        match action {
            Action::Choose(i) if i < n && multi => {
                toggle(&mut q.ticked, i);
                q.cursor = i;
            }
            Action::Choose(i) if i < n => self.answer(vec![i]),
            Action::Toggle if multi => toggle(&mut q.ticked, q.cursor),
            Action::Up => q.cursor = q.cursor.saturating_sub(1),
            Action::Down => q.cursor = (q.cursor + 1).min(n.saturating_sub(1)),
            Action::First => q.cursor = 0,
            Action::Last => q.cursor = n.saturating_sub(1),
            Action::Select if multi && q.ticked.is_empty() => {
                q.notice = Some("Tick at least one option (its letter or Space), then press Enter.".into())
            }
            Action::Select if multi => {
                let chosen = q.ticked.clone();
                self.answer(chosen);
            }
            Action::Select => {
                let chosen = vec![q.cursor];
                self.answer(chosen);
            }
            _ => {}
        }
    }

    /// Scores the answer, saves it, and moves the question in the review schedule.
    fn answer(&mut self, chosen: Vec<usize>) {
        let now = (self.clock)();
        let q = &mut self.quiz;
        let Some(session) = q.session.as_mut() else { return };
        let Some(correct) = session.answer(chosen, now) else { return };
        let id = session.card().map(|c| c.id.clone()).unwrap_or_default();
        let record = Record::new(id, now, correct);
        q.schedule.apply(&record);
        // A failed save shows at once, on the feedback of this very answer.
        if let Err(failed) = q.history.record(record) {
            q.notice = Some(failed.message);
        }
        q.scroll = 0;
    }

    fn update_quiz_feedback(&mut self, action: Action) {
        let q = &mut self.quiz;
        match action {
            Action::Select | Action::NextItem => {
                let more = q.session.as_mut().is_some_and(Session::advance);
                if more {
                    q.cursor = 0;
                    q.ticked.clear();
                } else {
                    q.screen = QuizScreen::Results;
                }
                q.scroll = 0;
            }
            Action::OpenInCompare => {
                if let Some(d) = q.session.as_ref().and_then(|s| s.card()).map(|c| c.dimension) {
                    self.open_dimension(d);
                    self.return_to_quiz = true;
                }
            }
            _ => {
                self.quiz.scroll = self.drawn.viewport(Region::QuizText, self.quiz.scroll).act(action).offset
            }
        }
    }

    fn update_quiz_results(&mut self, action: Action) {
        let q = &mut self.quiz;
        match action {
            Action::RetryMissed => {
                let missed = q.session.as_ref().map(Session::missed).unwrap_or_default();
                if missed.is_empty() {
                    q.notice = Some("Nothing to retry: every answer was right.".into());
                } else {
                    let round = q.round + 1;
                    let session = Session::from_cards(missed, &mut q.rng, (self.clock)());
                    self.begin_quiz(session, round);
                }
            }
            Action::NewQuiz | Action::Select => {
                q.screen = QuizScreen::Start;
                q.scroll = 0;
            }
            _ => {
                self.quiz.scroll = self.drawn.viewport(Region::QuizText, self.quiz.scroll).act(action).offset
            }
        }
    }

    /// Back from Compare to the quiz, exactly where it was.
    pub(super) fn back_to_quiz(&mut self) {
        self.tab = Tab::Quiz;
        self.return_to_quiz = false;
    }
}

fn toggle(list: &mut Vec<usize>, i: usize) {
    match list.iter().position(|&x| x == i) {
        Some(p) => {
            list.remove(p);
        }
        None => list.push(i),
    }
}
