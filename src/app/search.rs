//! The search overlay: type to match everything; Enter goes to the item in its tab.

use super::{App, CompareFocus, Confirm, step};
use crate::action::Action;
use crate::search::{Hit, SearchIndex, Target};
use crate::ui;

pub struct SearchState {
    pub query: String,
    pub hits: Vec<Hit>,
    /// For the first hits (as many as a screen shows), the matched characters to highlight.
    pub matched: Vec<Vec<usize>>,
    /// The highlighted hit.
    pub selected: usize,
}

/// Highlighting is worked out for this many hits: more than any screen lists.
const HIGHLIGHTED: usize = 200;

impl SearchState {
    fn refresh(&mut self, index: &mut SearchIndex) {
        self.hits = index.search(&self.query);
        self.matched =
            self.hits.iter().take(HIGHLIGHTED).map(|h| index.matched_chars(&self.query, h.item)).collect();
        self.selected = 0;
    }
}

impl App {
    pub(super) fn open_search(&mut self) {
        // Built on first use, so start-up never pays for it.
        if self.search_index.is_none() {
            self.search_index = Some(SearchIndex::new(&self.content));
        }
        self.search =
            Some(SearchState { query: String::new(), hits: Vec::new(), matched: Vec::new(), selected: 0 });
    }

    pub(super) fn update_search(&mut self, action: Action) {
        let page = ui::search::page(self);
        let (Some(s), Some(index)) = (self.search.as_mut(), self.search_index.as_mut()) else { return };
        match action {
            Action::Type(c) => {
                s.query.push(c);
                s.refresh(index);
            }
            Action::DeleteChar => {
                s.query.pop();
                s.refresh(index);
            }
            Action::ClearQuery => {
                s.query.clear();
                s.refresh(index);
            }
            Action::Back => self.search = None,
            Action::Select => {
                if let Some(hit) = s.hits.get(s.selected) {
                    let target = index.items[hit.item].target;
                    self.search = None;
                    self.jump(target);
                }
            }
            _ => s.selected = step(action, s.selected, s.hits.len(), page),
        }
    }

    /// Goes to a search hit in its tab (back returns to where search was opened). A question
    /// never silently replaces a quiz under way: that is asked first.
    fn jump(&mut self, target: Target) {
        if let Target::Question(q) = target {
            if self.quiz.running() {
                self.confirm = Some(Confirm::ReplaceQuiz(q));
            } else {
                self.practise(q);
            }
            return;
        }
        self.follow_link();
        match target {
            Target::Dimension(d) | Target::Detail(d) => self.open_dimension(d),
            Target::Point { dimension, discipline, point } => {
                self.open_dimension(dimension);
                self.compare.focus = CompareFocus::Pane(discipline);
                self.compare.scroll[discipline] = ui::compare::point_line(self, discipline, point);
            }
            Target::Term(t) | Target::Definition(t) => self.open_term(t),
            // Practise that one question now; its answer is saved like any other.
            Target::Question(q) => self.practise(q),
        }
    }
}
