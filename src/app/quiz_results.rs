//! The end of a round: its score joins the path across retries, and the results' list of
//! missed questions can be walked, each opening its dimension in Compare.

use super::{App, QuizScreen};
use crate::action::Action;
use crate::view::ListCursor;

impl App {
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
