//! The at-a-glance matrix: moving the highlight and opening a dimension.

use super::{App, CompareFocus};
use crate::action::Action;
use crate::view::{ListCursor, Motion, Region};

impl App {
    pub(super) fn update_matrix(&mut self, action: Action) {
        let last = self.content.dimensions.len().saturating_sub(1);
        let d = self.compare.matrix.min(last);
        // A page is the rows the last frame showed whole.
        let rows = self.drawn.shown(Region::Matrix).map_or(1, |s| usize::from(s.height) + 1);
        let cursor = ListCursor { selected: d, len: last + 1, rows };
        self.compare.matrix = match action {
            Action::PrevItem => cursor.apply(Motion::Up),
            Action::NextItem => cursor.apply(Motion::Down),
            Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::First | Action::Last => {
                cursor.act(action)
            }
            Action::Select | Action::FocusNext => return self.open_dimension(d),
            // The fields themselves: their summaries and sources, beside the list.
            Action::FocusPrev => {
                self.compare.about = true;
                self.compare.focus = CompareFocus::Reading;
                d
            }
            _ => d,
        };
    }
}
