//! The end of a round: its score joins the path across retries, and the results' list of
//! missed questions can be walked, each opening its dimension in Compare.

use super::{App, QuizScreen};
use crate::action::Action;
use crate::quiz::Session;
use crate::view::{ListCursor, Region};

impl App {
    /// Keys on the results: retry the missed ones, a new quiz, walk the missed list, scroll.
    pub(super) fn update_quiz_results(&mut self, action: Action) {
        let q = &mut self.quiz;
        match action {
            Action::RetryMissed => {
                let missed = q.session.as_ref().map(Session::missed).unwrap_or_default();
                if missed.is_empty() {
                    q.notice = Some("Nothing to retry: every answer was right.".into());
                } else {
                    let round = q.round + 1;
                    let session = Session::from_cards(missed, &mut q.rng, (self.clock)());
                    let practice = q.practice;
                    self.begin_quiz(session, round, practice);
                }
            }
            Action::NewQuiz => {
                q.screen = QuizScreen::Start;
                q.scroll = 0;
            }
            Action::Up | Action::Down | Action::OpenInCompare => self.results_missed(action),
            _ => {
                self.quiz.scroll = self.drawn.viewport(Region::QuizText, self.quiz.scroll).act(action).offset
            }
        }
    }

    /// The round is over: its score joins the path, and the results show.
    pub(super) fn finish_round(&mut self) {
        let q = &mut self.quiz;
        if let Some(session) = q.session.as_ref() {
            q.path.push(&session.results(&self.content));
        }
        q.screen = QuizScreen::Results;
        q.scroll = 0;
        q.missed_cursor = 0;
        q.reveal_missed = false;
    }

    /// Up and Down move the highlight among the missed questions (and scroll with it); with
    /// none missed they scroll. `o` opens the highlighted one's dimension in Compare.
    pub(super) fn results_missed(&mut self, action: Action) {
        let missed = self.quiz.session.as_ref().map(|s| s.results(&self.content).missed).unwrap_or_default();
        let q = &mut self.quiz;
        match action {
            Action::OpenInCompare => {
                let card = missed.get(q.missed_cursor).and_then(|&i| q.session.as_ref()?.cards.get(i));
                match card.map(|c| c.dimension) {
                    Some(d) => {
                        self.follow_link();
                        self.open_dimension(d);
                    }
                    None => q.notice = Some("Nothing was missed: no question to open.".into()),
                }
            }
            _ if missed.is_empty() => {
                q.scroll = self.drawn.viewport(crate::view::Region::QuizText, q.scroll).act(action).offset
            }
            Action::Up | Action::Down => {
                q.missed_cursor = ListCursor::whole(q.missed_cursor, missed.len()).act(action);
                q.reveal_missed = true;
            }
            _ => {}
        }
    }
}
