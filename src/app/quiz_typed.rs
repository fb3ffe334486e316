//! A quiz question answered by typing: the text field, and its submission. Every printable
//! key types (digits and letters too); a paste or a run of typed keys arrives as one edit.

use super::App;
use crate::action::Action;
use crate::quiz::{Grade, Record, Session};

/// The longest answer kept: far more than any accepted answer, so nothing real is cut.
pub const MAX_TYPED: usize = 200;

impl App {
    pub(super) fn update_quiz_typed(&mut self, action: Action) {
        if let Action::Type(c) = action {
            return self.insert_quiz_text(c.encode_utf8(&mut [0; 4]));
        }
        let q = &mut self.quiz;
        match action {
            Action::DeleteChar => {
                q.typed.pop();
            }
            Action::ClearQuery => q.typed.clear(),
            Action::EndQuiz => self.confirm = Some(super::Confirm::EndQuiz),
            Action::Skip => self.skip_question(),
            Action::Select if q.typed.trim().is_empty() => {
                q.notice = Some(
                    "Type an answer first, then press Enter (if you do not know, type a guess: the answer is shown after)."
                        .into(),
                )
            }
            Action::Select => {
                let now = (self.clock)();
                let text = q.typed.clone();
                let Some(m) = q.session.as_mut().and_then(|s| s.answer_typed(&text, now)) else { return };
                self.save_answer(m.correct, now);
            }
            _ => {}
        }
    }

    /// Text typed or pasted into a typed question's field, as one edit: line breaks and tabs
    /// become spaces, controls are dropped (pasted text is text from outside), and the
    /// field keeps its first [`MAX_TYPED`] characters. Anywhere else it does nothing.
    pub(super) fn insert_quiz_text(&mut self, text: &str) {
        let q = &mut self.quiz;
        let waiting = q.session.as_ref().and_then(Session::card).is_some_and(|c| c.is_typed())
            && q.screen == super::QuizScreen::Question
            && !q.answered();
        if !waiting {
            return;
        }
        let room = MAX_TYPED.saturating_sub(q.typed.chars().count());
        let flat: String =
            text.chars().map(|c| if matches!(c, '\t' | '\n' | '\r') { ' ' } else { c }).collect();
        let clean = crate::content::sanitize::strip_controls(&flat);
        q.typed.extend(clean.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).take(room));
    }

    /// The learner's hard, good or easy for the right answer showing: the saved answer is
    /// regraded (a line appended, or the unsaved one changed) and its schedule replayed.
    pub(super) fn grade_answer(&mut self, grade: Grade) {
        let q = &mut self.quiz;
        let Some(session) = q.session.as_ref() else { return };
        let (Some(card), Some(response)) = (session.card(), session.response()) else { return };
        if !response.correct {
            return;
        }
        let (id, at) = (card.id.clone(), response.at);
        if let Err(failed) = q.history.regrade(&id, at, grade) {
            q.notice = Some(failed.message);
        }
        q.grade = Some(grade);
        let mine: Vec<Record> = q.history.records().filter(|r| r.question == id).cloned().collect();
        q.schedule.rebuild(&id, &mine);
    }
}
