//! The at-a-glance matrix: moving the highlight and opening a dimension.

use super::{App, CompareFocus};
use crate::action::Action;
use crate::view::{Region, page};

impl App {
    pub(super) fn update_matrix(&mut self, action: Action) {
        let last = self.content.dimensions.len().saturating_sub(1);
        let d = self.compare.matrix.min(last);
        // A page is the rows the last frame showed whole.
        let page = page(self.drawn.shown(Region::Matrix).map_or(1, |s| usize::from(s.height) + 1));
        self.compare.matrix = match action {
            Action::Up | Action::PrevItem => d.saturating_sub(1),
            Action::Down | Action::NextItem => (d + 1).min(last),
            Action::PageUp => d.saturating_sub(page),
            Action::PageDown => (d + page).min(last),
            Action::First => 0,
            Action::Last => last,
            Action::Select | Action::FocusNext => return self.open_from_matrix(d),
            // The fields themselves: their summaries and sources, beside the list.
            Action::FocusPrev => {
                self.compare.about = true;
                self.compare.focus = CompareFocus::List;
                d
            }
            _ => d,
        };
    }

    /// Opens dimension `d` for reading, the list focused on it.
    pub(super) fn open_from_matrix(&mut self, d: usize) {
        self.select_compare_entry(d + 1);
        self.compare.focus = CompareFocus::List;
    }
}
