//! The mouse: a click on a tab, a list item, the text or an answer; the wheel scrolls what is
//! under the pointer. Every click does what a key could do: the mouse is a shortcut, never
//! the only way.

use super::{App, CompareFocus, QuizScreen, Tab};
use crate::action::Action;
use crate::view::{Hit, Motion, Region};

/// Lines the wheel scrolls per notch.
const WHEEL_LINES: usize = 3;

impl App {
    /// A click is looked up in what the last frame drew.
    pub(super) fn click(&mut self, x: u16, y: u16) {
        let hit = self.drawn.hit(x, y);
        let region = self.drawn.region_at(x, y);
        if self.search.is_some() {
            match (hit, region) {
                (Some(Hit::SearchResult(i)), _) => {
                    if let Some(s) = self.search.as_mut() {
                        s.selected = i;
                    }
                    self.update_search(Action::Select);
                }
                (_, Some(Region::Search | Region::SearchResults)) => {}
                _ => self.search = None,
            }
            return;
        }
        if self.help.is_some() {
            self.help = None;
            return;
        }
        match (hit, region) {
            (Some(Hit::Tab(i)), _) => {
                if let Some(&tab) = Tab::ALL.get(i) {
                    self.switch_to(tab);
                }
            }
            (Some(Hit::MatrixRow(d)), _) if self.tab == Tab::Compare => self.open_dimension(d),
            (Some(Hit::CompareEntry(entry)), _) if self.tab == Tab::Compare => {
                self.select_compare_entry(entry);
                self.compare.focus = CompareFocus::List;
            }
            (Some(Hit::Source(i)), _) if self.tab == Tab::Sources => {
                self.sources.selected = i;
                self.sources.cited = 0;
                self.sources.focus = super::SourcesFocus::List;
            }
            (Some(Hit::Term(t)), _) if self.tab == Tab::Glossary => {
                self.glossary.term = t;
                self.glossary.related = 0;
                self.glossary.focus = super::GlossaryFocus::List;
            }
            // A related term under a dimension: highlighted, as the arrows would.
            (Some(Hit::Term(t)), _) if self.tab == Tab::Compare => {
                if let Some(i) = self.related_terms().iter().position(|&r| r == t) {
                    self.compare.focus = CompareFocus::Terms;
                    self.compare.term = i;
                }
            }
            (Some(Hit::QuizOption(i)), _)
                if self.tab == Tab::Quiz
                    && self.quiz.screen == QuizScreen::Question
                    && !self.quiz.answered() =>
            {
                self.update_quiz(Action::Choose(i));
            }
            (_, Some(region)) if self.tab == Tab::Compare => {
                if let Some(focus) = compare_focus(region) {
                    self.compare.focus = focus;
                }
            }
            _ => {}
        }
    }

    pub(super) fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let step = if down { Action::Down } else { Action::Up };
        let repeat = |app: &mut App, action: Action, n: usize| {
            for _ in 0..n {
                app.update(action);
            }
        };
        if self.search.is_some() || self.help.is_some() {
            repeat(self, step, WHEEL_LINES);
            return;
        }
        match self.tab {
            Tab::Compare if self.compare.on_matrix() => repeat(self, step, 1),
            Tab::Compare => {
                // Scroll what is under the pointer, without moving the focus there.
                let region = self.drawn.region_at(x, y).and_then(compare_focus);
                if let Some(region) = region.filter(|r| *r != CompareFocus::Terms) {
                    let focus = std::mem::replace(&mut self.compare.focus, region);
                    let n = if region == CompareFocus::List { 1 } else { WHEEL_LINES };
                    repeat(self, step, n);
                    if region != CompareFocus::List {
                        self.compare.focus = focus;
                    }
                }
            }
            // The wheel scrolls a question's text (the keys move the highlight).
            Tab::Quiz if self.quiz.screen == QuizScreen::Question && !self.quiz.answered() => {
                let mut v = self.drawn.viewport(Region::QuizQuestion, self.quiz.question_scroll);
                for _ in 0..WHEEL_LINES {
                    v = v.apply(if down { Motion::Down } else { Motion::Up });
                }
                self.quiz.question_scroll = v.offset;
                self.quiz.reveal = false;
            }
            _ => repeat(self, step, if self.tab == Tab::Quiz { WHEEL_LINES } else { 1 }),
        }
    }
}

/// The Compare focus a region of that tab stands for.
fn compare_focus(region: Region) -> Option<CompareFocus> {
    Some(match region {
        Region::CompareList => CompareFocus::List,
        Region::Reading => CompareFocus::Reading,
        Region::Terms => CompareFocus::Terms,
        _ => return None,
    })
}
