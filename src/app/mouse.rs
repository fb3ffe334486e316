//! The mouse: a click on a tab, a list item, a pane or an answer; the wheel scrolls what is
//! under the pointer. Every click does what a key could do: the mouse is a shortcut, never
//! the only way.

use ratatui::layout::Position;

use super::{App, CompareFocus, QuizScreen, Tab};
use crate::action::Action;
use crate::ui;

/// Lines the wheel scrolls per notch.
const WHEEL_LINES: usize = 3;

impl App {
    pub(super) fn click(&mut self, x: u16, y: u16) {
        if self.search.is_some() {
            match ui::search::result_at(self, x, y) {
                Some(Some(i)) => {
                    if let Some(s) = self.search.as_mut() {
                        s.selected = i;
                    }
                    self.update_search(Action::Select);
                }
                Some(None) => {}
                None => self.search = None,
            }
            return;
        }
        if self.help.is_some() {
            self.help = None;
            return;
        }
        if y == 0 {
            if let Some((_, tab)) = ui::tab_columns().into_iter().find(|(cols, _)| cols.contains(&x)) {
                self.switch_to(tab);
            }
            return;
        }
        let at = Position { x, y };
        match self.tab {
            Tab::Compare if self.compare.on_matrix() => self.matrix_click(y),
            Tab::Compare => {
                let g = ui::compare::geometry(self, ui::body_area(self));
                if g.list.contains(at) {
                    if let Some(entry) = ui::compare::entry_at(self, y) {
                        self.select_compare_entry(entry);
                    }
                    self.compare.focus = CompareFocus::List;
                } else if let Some(i) = g.panes.iter().position(|p| p.contains(at)) {
                    self.compare.focus = CompareFocus::Pane(i);
                } else if g.overlap.is_some_and(|r| r.contains(at)) {
                    self.compare.focus = CompareFocus::Overlap;
                } else if g.terms.is_some_and(|r| r.contains(at)) {
                    self.compare.focus = CompareFocus::Terms;
                }
            }
            Tab::Sources => {
                if let Some(i) = ui::sources::source_at(self, x, y) {
                    self.sources.selected = i;
                    self.sources.cited = 0;
                    self.sources.focus = super::SourcesFocus::List;
                }
            }
            Tab::Glossary => {
                if let Some(t) = ui::glossary::term_at(self, x, y) {
                    self.glossary.term = t;
                    self.glossary.related = 0;
                    self.glossary.focus = super::GlossaryFocus::List;
                }
            }
            Tab::Quiz if self.quiz.screen == QuizScreen::Question && !self.quiz.answered() => {
                if let Some(i) = ui::quiz::option_at(self, x, y) {
                    self.update_quiz(Action::Choose(i));
                }
            }
            Tab::Quiz | Tab::Fit => {}
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
        let at = Position { x, y };
        match self.tab {
            Tab::Compare if self.compare.on_matrix() => repeat(self, step, 1),
            Tab::Compare => {
                let g = ui::compare::geometry(self, ui::body_area(self));
                // Scroll what is under the pointer, without moving the focus there.
                let region = if g.list.contains(at) {
                    Some(CompareFocus::List)
                } else if let Some(i) = g.panes.iter().position(|p| p.contains(at)) {
                    Some(CompareFocus::Pane(i))
                } else if g.overlap.is_some_and(|r| r.contains(at)) {
                    Some(CompareFocus::Overlap)
                } else {
                    None
                };
                if let Some(region) = region {
                    let focus = std::mem::replace(&mut self.compare.focus, region);
                    let n = if region == CompareFocus::List { 1 } else { WHEEL_LINES };
                    repeat(self, step, n);
                    if region != CompareFocus::List {
                        self.compare.focus = focus;
                    }
                }
            }
            _ => repeat(self, step, if self.tab == Tab::Quiz { WHEEL_LINES } else { 1 }),
        }
    }
}
