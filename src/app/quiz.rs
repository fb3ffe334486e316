//! The Quiz tab: a start form, questions with immediate feedback, results, and retries of the
//! missed ones. Every answer is saved to the history at once and moves the review schedule.

use super::{App, Confirm, Tab};
use crate::action::Action;
use crate::content::Content;
use crate::keymap::{Context, option_range};
use crate::quiz::card::{Origin, card};
use crate::quiz::session::{due_count, due_forecast, select};
use crate::quiz::{Difficulty, Grade, History, Plan, Record, RoundPath, Schedule, Scope, Session};
use crate::saved::{QUIZ_FILE, SavedQuiz};
use crate::view::{ListCursor, Region};

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
    /// The highlighted option, once the learner has moved the highlight: until then Enter
    /// answers nothing, so an Enter pressed twice never answers the next question by chance.
    pub cursor: usize,
    pub cursor_shown: bool,
    /// Scroll of a question not yet answered (a long prompt, a small terminal).
    pub question_scroll: u16,
    /// The next frame scrolls the question just enough to show the highlighted option (or a
    /// notice); it reports the offset it drew at, which becomes `question_scroll`.
    pub reveal: bool,
    /// Options ticked so far on a choose-all-that-apply question.
    pub ticked: Vec<usize>,
    /// Scroll of the feedback or the results.
    pub scroll: u16,
    /// Which round of retrying the missed questions this is (0: the first run).
    pub round: usize,
    /// A one-line message for the user ("Choose at least one option").
    pub notice: Option<String>,
    /// The text typed so far on a typed question.
    pub typed: String,
    /// The grade given to the right answer showing (`None`: good, unless said).
    pub grade: Option<Grade>,
    /// The score of each round so far: the first run, then each retry of the missed ones.
    pub path: RoundPath,
    /// The highlighted missed question on the results (a position among the missed).
    pub missed_cursor: usize,
    /// The next frame scrolls the results to show the highlighted missed question.
    pub reveal_missed: bool,
    pub history: History,
    pub schedule: Schedule,
    pub rng: fastrand::Rng,
    /// How many cards are due, and how many the start form selects: counted when something
    /// that changes them happens, so drawing never walks the whole question bank.
    pub due: usize,
    /// Due now or within the next 7 days.
    pub due_week: usize,
    pub matching: usize,
    /// Per dimension: how far its cards stand (the Compare list's mastery mark).
    pub mastery: Vec<crate::quiz::Mastery>,
    /// An unfinished quiz kept to resume (from the last run, or set aside for a search hit).
    pub resume: Option<SavedQuiz>,
    /// The session is one question opened from search: it is not kept to resume.
    pub practice: bool,
    /// The last save of the quiz under way failed (one notice is enough until it works).
    pub save_failed: bool,
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
            cursor_shown: false,
            question_scroll: 0,
            reveal: false,
            ticked: Vec::new(),
            scroll: 0,
            round: 0,
            notice: None,
            typed: String::new(),
            grade: None,
            path: RoundPath::default(),
            missed_cursor: 0,
            reveal_missed: false,
            schedule: Schedule::from_history(&records),
            history,
            rng: fastrand::Rng::with_seed(seed),
            due: 0,
            due_week: 0,
            matching: 0,
            mastery: Vec::new(),
            resume: None,
            practice: false,
            save_failed: false,
        }
    }

    /// A quiz is under way: a question showing, of a quiz that is kept to resume.
    pub fn running(&self) -> bool {
        self.screen == QuizScreen::Question && !self.practice && self.session.is_some()
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
    s.extend([Scope::Glossary, Scope::Leeches]);
    s
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
        self.quiz.matching = selected.len();
        self.refresh_mastery();
    }

    /// The Compare list's mastery marks, from the schedule.
    fn refresh_mastery(&mut self) {
        self.quiz.mastery = crate::quiz::stats::mastery_by_dimension(&self.content, &self.quiz.schedule)
            .iter()
            .map(crate::quiz::stats::MasteryCount::overall)
            .collect();
    }

    /// The key contexts of the Quiz tab's screen, most specific first.
    pub(super) fn quiz_contexts(&self) -> Vec<Context> {
        let session = self.quiz.session.as_ref();
        let card = session.and_then(Session::card);
        match self.quiz.screen {
            QuizScreen::Start if self.quiz.resume.is_some() => vec![Context::QuizResume, Context::QuizStart],
            QuizScreen::Start => vec![Context::QuizStart],
            // A right answer may be graded before moving on.
            QuizScreen::Question if self.quiz.answered() => {
                if session.and_then(Session::response).is_some_and(|r| r.correct) {
                    vec![Context::QuizGrade, Context::QuizFeedback]
                } else {
                    vec![Context::QuizFeedback]
                }
            }
            QuizScreen::Question if card.is_some_and(|c| c.is_typed()) => vec![Context::QuizTyped],
            QuizScreen::Question if card.is_some_and(|c| c.multi) => {
                vec![Context::QuizMulti, Context::QuizQuestion]
            }
            QuizScreen::Question => vec![Context::QuizQuestion],
            QuizScreen::Results
                if session
                    .is_some_and(|s| s.responses.iter().any(|r| !r.as_ref().is_some_and(|r| r.correct))) =>
            {
                vec![Context::QuizRetry, Context::QuizResults]
            }
            QuizScreen::Results => vec![Context::QuizResults],
        }
    }

    pub(super) fn update_quiz(&mut self, action: Action) {
        self.quiz.notice = None;
        let typed = self.quiz.session.as_ref().and_then(Session::card).is_some_and(|c| c.is_typed());
        match self.quiz.screen {
            QuizScreen::Start => self.update_quiz_start(action),
            QuizScreen::Question if self.quiz.answered() => self.update_quiz_feedback(action),
            QuizScreen::Question if typed => self.update_quiz_typed(action),
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
            Action::Up | Action::Down => q.field = ListCursor::whole(q.field, FIELDS).act(action),
            Action::FocusNext | Action::FocusPrev => {
                let forward = action == Action::FocusNext;
                match q.field {
                    0 => cycle(&mut q.scope, n_scopes, forward),
                    1 => cycle(&mut q.count, COUNTS.len(), forward),
                    _ => cycle(&mut q.difficulty, DIFFICULTIES.len(), forward),
                }
            }
            Action::Select if q.resume.is_some() => self.confirm = Some(Confirm::DropUnfinished),
            Action::Select => self.start_quiz(),
            Action::Resume => self.resume_quiz(),
            _ => {}
        }
    }

    pub(super) fn start_quiz(&mut self) {
        let now = (self.clock)();
        let plan = self.quiz.plan(&self.content);
        let cards = select(&self.content, &plan, &self.quiz.schedule, now);
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
        self.begin_quiz(session, 0, false);
    }

    /// Shows a session's current question; `practice` sessions are not kept to resume.
    pub(super) fn begin_quiz(&mut self, session: Session, round: usize, practice: bool) {
        let q = &mut self.quiz;
        q.session = Some(session);
        q.round = round;
        q.practice = practice;
        if round == 0 {
            q.path = RoundPath::default();
        }
        q.screen = QuizScreen::Question;
        q.scroll = 0;
        q.new_question();
        self.save_quiz();
    }

    /// The unfinished quiz, where it was left.
    fn resume_quiz(&mut self) {
        let Some(saved) = self.quiz.resume.take() else { return };
        match saved.restore(&self.content, &mut self.quiz.rng, (self.clock)()) {
            Some(session) => {
                // The rounds finished before it, so the results show the whole path.
                self.quiz.path = RoundPath { rounds: saved.path };
                self.begin_quiz(session, saved.round, false)
            }
            None => {
                self.quiz.notice =
                    Some("The unfinished quiz's questions are no longer in this content.".into());
                self.save_quiz();
            }
        }
    }

    /// One authored question from search, now. A quiz under way waits, kept to resume.
    pub(super) fn practise(&mut self, question: usize) {
        if self.quiz.running()
            && let Some(session) = &self.quiz.session
        {
            self.quiz.resume = Some(SavedQuiz::of(session, self.quiz.round).with_path(&self.quiz.path));
        }
        if self.tab != Tab::Quiz {
            self.follow_link();
        }
        let now = (self.clock)();
        let one = vec![card(&self.content, &Origin::Question(question))];
        let session = Session::from_cards(one, &mut self.quiz.rng, now);
        self.tab = Tab::Quiz;
        self.begin_quiz(session, 0, true);
    }

    /// Keeps the quiz under way (or, if none, the one set aside) on disk, so quitting at any
    /// moment loses nothing; with neither, the file goes.
    pub(super) fn save_quiz(&mut self) {
        let q = &self.quiz;
        let running =
            q.session.as_ref().filter(|_| q.running()).map(|s| SavedQuiz::of(s, q.round).with_path(&q.path));
        let result = match running.or_else(|| q.resume.clone()) {
            Some(saved) => self.store.save(QUIZ_FILE, &saved),
            None => self.store.remove(QUIZ_FILE),
        };
        match result {
            Ok(()) => self.quiz.save_failed = false,
            Err(e) => {
                if !self.quiz.save_failed {
                    self.notices.push(format!("Could not keep the quiz under way for next time: {e}"));
                }
                self.quiz.save_failed = true;
            }
        }
    }

    /// Ends the quiz now: the results of what was answered (nothing answered: the start form).
    pub(super) fn end_quiz(&mut self) {
        let q = &mut self.quiz;
        if let Some(session) = q.session.as_mut() {
            session.end_early();
            q.screen = if session.cards.is_empty() { QuizScreen::Start } else { QuizScreen::Results };
            if session.cards.is_empty() {
                q.session = None;
            }
        }
        if self.quiz.screen == QuizScreen::Results {
            self.finish_round();
        }
        self.quiz.scroll = 0;
        self.save_quiz();
    }

    fn update_quiz_question(&mut self, action: Action) {
        let Some(card) = self.quiz.session.as_ref().and_then(|s| s.card()) else {
            return;
        };
        let (n, multi) = (card.options.len(), card.multi);
        let last = n.saturating_sub(1);
        let q = &mut self.quiz;
        // The first move shows the highlight where it is (the first option) or where asked.
        let shown = q.cursor_shown;
        match action {
            Action::Choose(i) if i < n && multi => {
                toggle(&mut q.ticked, i);
                (q.cursor, q.cursor_shown) = (i, true);
            }
            Action::Choose(i) if i < n => return self.answer(vec![i]),
            Action::Toggle if multi => {
                q.cursor_shown = true;
                toggle(&mut q.ticked, q.cursor);
            }
            Action::Up | Action::Down if shown => q.cursor = ListCursor::whole(q.cursor, n).act(action),
            Action::Up | Action::Down | Action::First => (q.cursor, q.cursor_shown) = (0, true),
            Action::Last => (q.cursor, q.cursor_shown) = (last, true),
            Action::PageUp | Action::PageDown => {
                q.question_scroll =
                    self.drawn.viewport(Region::QuizQuestion, q.question_scroll).act(action).offset;
                q.reveal = false;
                return;
            }
            Action::Select if multi && q.ticked.is_empty() => {
                q.notice = Some("Tick at least one option (its letter or Space), then press Enter.".into())
            }
            Action::Select if multi => {
                let chosen = q.ticked.clone();
                return self.answer(chosen);
            }
            Action::Select if shown => {
                let chosen = vec![q.cursor];
                return self.answer(chosen);
            }
            Action::Select => {
                q.notice = Some(format!(
                    "Answer with {}, or highlight an option with ↑↓ and press Enter.",
                    option_range(n)
                ))
            }
            Action::Skip => return self.skip_question(),
            Action::EndQuiz => self.confirm = Some(Confirm::EndQuiz),
            _ => return,
        }
        self.reveal_question_cursor();
    }

    /// Asks the next frame to scroll the question to the highlighted option (and any notice
    /// under the options): only the renderer knows where the wrapped lines fall.
    fn reveal_question_cursor(&mut self) {
        self.quiz.reveal = true;
    }

    /// Puts the question showing at the end of the quiz and shows the next one.
    pub(super) fn skip_question(&mut self) {
        let q = &mut self.quiz;
        let Some(session) = q.session.as_mut() else { return };
        if session.skip() {
            q.new_question();
            self.save_quiz();
        } else {
            q.notice = Some("This is the last question left: answer it, or Esc to end the quiz.".into());
            q.reveal = true;
        }
    }

    /// Scores the answer, saves it, and moves the question in the review schedule.
    fn answer(&mut self, chosen: Vec<usize>) {
        let now = (self.clock)();
        let Some(session) = self.quiz.session.as_mut() else { return };
        let Some(correct) = session.answer(chosen, now) else { return };
        self.save_answer(correct, now);
    }

    /// Saves the answer just given to the current card and moves it in the review schedule.
    pub(super) fn save_answer(&mut self, correct: bool, now: u64) {
        let q = &mut self.quiz;
        let Some(session) = q.session.as_ref() else { return };
        let id = session.card().map(|c| c.id.clone()).unwrap_or_default();
        let record = Record::new(id, now, correct);
        q.schedule.apply(&record);
        // A failed save shows at once, on the feedback of this very answer.
        if let Err(failed) = q.history.record(record) {
            q.notice = Some(failed.message);
        }
        q.scroll = 0;
        self.refresh_mastery();
        self.save_quiz();
    }

    fn update_quiz_feedback(&mut self, action: Action) {
        let q = &mut self.quiz;
        match action {
            Action::Select | Action::NextItem => {
                let more = q.session.as_mut().is_some_and(Session::advance);
                if more {
                    q.new_question();
                } else {
                    self.finish_round();
                }
                self.quiz.scroll = 0;
                self.save_quiz();
            }
            Action::Grade(grade) => self.grade_answer(grade),
            Action::OpenInCompare => {
                if let Some(d) = q.session.as_ref().and_then(|s| s.card()).map(|c| c.dimension) {
                    self.follow_link();
                    self.open_dimension(d);
                }
            }
            Action::EndQuiz => self.confirm = Some(Confirm::EndQuiz),
            _ => {
                self.quiz.scroll = self.drawn.viewport(Region::QuizText, self.quiz.scroll).act(action).offset
            }
        }
    }
}

impl QuizState {
    /// A new question showing: no highlight, nothing ticked, at the top.
    fn new_question(&mut self) {
        self.cursor = 0;
        self.cursor_shown = false;
        self.ticked.clear();
        self.typed.clear();
        self.grade = None;
        self.question_scroll = 0;
        self.reveal = false;
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
