//! The Sources tab's state and how actions move through it.

use super::App;
use crate::action::Action;
use crate::view::Region;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourcesFocus {
    List,
    CitedBy,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourcesState {
    pub selected: usize,
    pub focus: SourcesFocus,
    /// The highlighted row of the selected source's "cited by" list.
    pub cited: usize,
}

impl App {
    /// The dimensions citing the selected source.
    pub fn cited_by_selected(&self) -> Vec<usize> {
        self.lookups.dimensions_by_source.get(self.sources.selected).cloned().unwrap_or_default()
    }

    pub(super) fn update_sources(&mut self, action: Action) {
        let n_sources = self.content.sources.len();
        let cited = self.cited_by_selected();
        match (action, self.sources.focus) {
            (Action::FocusNext, _) if !cited.is_empty() => self.sources.focus = SourcesFocus::CitedBy,
            (Action::FocusPrev | Action::Back, _) => self.sources.focus = SourcesFocus::List,
            (Action::Select, SourcesFocus::List) if !cited.is_empty() => {
                self.sources.focus = SourcesFocus::CitedBy
            }
            (Action::Select, SourcesFocus::CitedBy) => {
                if let Some(&d) = cited.get(self.sources.cited) {
                    self.follow_link();
                    self.open_dimension(d);
                }
            }
            (_, SourcesFocus::List) => {
                let next =
                    self.drawn.cursor(Region::SourcesList, self.sources.selected, n_sources).act(action);
                if next != self.sources.selected {
                    self.sources.selected = next;
                    self.sources.cited = 0;
                }
            }
            (_, SourcesFocus::CitedBy) => {
                self.sources.cited =
                    self.drawn.cursor(Region::CitedBy, self.sources.cited, cited.len()).act(action)
            }
        }
    }
}
