//! The Compare tab's state and how actions move through it.

use super::{App, Tab};
use crate::action::Action;
use crate::content::Content;
use crate::view::Region;

/// What has the keyboard in the Compare tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareFocus {
    List,
    /// The pane of the discipline at this index.
    Pane(usize),
    /// The overlap, notes and sources below the panes.
    Overlap,
    /// The glossary terms related to the dimension.
    Terms,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareState {
    /// The list entry: 0 is the overview of the disciplines, `i + 1` is dimension `i`.
    pub selected: usize,
    pub focus: CompareFocus,
    /// Scroll offsets: one per discipline pane, then the overlap box.
    pub scroll: Vec<u16>,
    /// The highlighted related term (a position in the dimension's list of terms).
    pub term: usize,
    /// The dimension highlighted in the at-a-glance matrix (shown while `selected` is 0).
    pub matrix: usize,
    /// With `selected` 0: the fields' own summaries (the former Overview) instead of the matrix.
    pub about: bool,
    /// A pane to scroll to where a point starts (pane, point), set by search: only the
    /// next frame knows the wrapping, so it resolves this and reports the offset.
    pub scroll_to: Option<(usize, usize)>,
}

impl CompareState {
    /// Whether the at-a-glance matrix is on screen.
    pub fn on_matrix(&self) -> bool {
        self.selected == 0 && !self.about
    }
}

impl CompareState {
    /// The selected dimension, or `None` on the overview.
    pub fn dimension(&self) -> Option<usize> {
        self.selected.checked_sub(1)
    }

    /// Whether the selected entry has an overlap box (dimensions do; the overview does not).
    pub fn has_overlap(&self) -> bool {
        self.dimension().is_some()
    }
}

/// One row of the Compare list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareRow {
    Overview,
    Group(usize),
    /// A list entry: `i + 1` for dimension `i` (0 is the overview).
    Dimension(usize),
}

/// The list's rows, worked out once per content (see `Lookups`).
pub fn rows(content: &Content) -> Vec<CompareRow> {
    let mut rows = vec![CompareRow::Overview];
    for (gi, g) in content.groups.iter().enumerate() {
        rows.push(CompareRow::Group(gi));
        rows.extend(g.dimensions.clone().map(|d| CompareRow::Dimension(d + 1)));
    }
    rows
}

impl App {
    /// Entries of the Compare list: the overview plus every dimension.
    pub fn compare_entries(&self) -> usize {
        self.content.dimensions.len() + 1
    }

    pub(super) fn select_compare_entry(&mut self, entry: usize) {
        let entry = entry.min(self.compare_entries() - 1);
        // Back on the matrix, the dimension just read stays highlighted.
        if let (0, Some(d)) = (entry, self.compare.dimension()) {
            self.compare.matrix = d;
        }
        if entry != self.compare.selected {
            self.compare.about = false;
            self.compare.selected = entry;
            self.compare.scroll.iter_mut().for_each(|s| *s = 0);
            self.compare.scroll_to = None;
            self.compare.term = 0;
            // Not every entry has an overlap box or related terms; keep focus on something
            // that exists.
            if !self.compare_regions().contains(&self.compare.focus) {
                self.compare.focus = CompareFocus::List;
            }
        }
    }

    /// The regions focus moves through, left to right.
    fn compare_regions(&self) -> Vec<CompareFocus> {
        let mut regions = vec![CompareFocus::List];
        regions.extend((0..self.content.disciplines.len()).map(CompareFocus::Pane));
        if self.compare.has_overlap() {
            regions.push(CompareFocus::Overlap);
        }
        if !self.related_terms().is_empty() {
            regions.push(CompareFocus::Terms);
        }
        regions
    }

    /// The glossary terms related to the selected dimension.
    pub fn related_terms(&self) -> Vec<usize> {
        self.compare.dimension().map(|d| self.lookups.terms_by_dimension[d].clone()).unwrap_or_default()
    }

    fn scroll_slot(&self, focus: CompareFocus) -> Option<usize> {
        match focus {
            CompareFocus::List | CompareFocus::Terms => None,
            CompareFocus::Pane(i) => Some(i),
            CompareFocus::Overlap => Some(self.content.disciplines.len()),
        }
    }

    pub(super) fn update_compare(&mut self, action: Action) {
        if self.compare.on_matrix() {
            return self.update_matrix(action);
        }
        let focus = self.compare.focus;
        let regions = self.compare_regions();
        let pos = regions.iter().position(|r| *r == focus).unwrap_or(0);
        match action {
            Action::FocusNext => self.compare.focus = regions[(pos + 1).min(regions.len() - 1)],
            Action::FocusPrev => self.compare.focus = regions[pos.saturating_sub(1)],
            Action::Select if focus == CompareFocus::List => {
                self.compare.focus = regions.get(1).copied().unwrap_or(CompareFocus::List)
            }
            Action::Back if focus == CompareFocus::List => {
                self.select_compare_entry(0);
                self.compare.about = false;
            }
            Action::Back => self.compare.focus = CompareFocus::List,
            Action::Select if focus == CompareFocus::Terms => {
                if let Some(&t) = self.related_terms().get(self.compare.term) {
                    self.follow_link();
                    self.open_term(t);
                }
            }
            _ if focus == CompareFocus::Terms => {
                let n = self.related_terms().len();
                self.compare.term = self.drawn.cursor(Region::Terms, self.compare.term, n).act(action);
            }
            Action::NextItem => self.select_compare_entry(self.compare.selected + 1),
            Action::PrevItem => self.select_compare_entry(self.compare.selected.saturating_sub(1)),
            _ => match self.scroll_slot(focus) {
                None => {
                    let cursor =
                        self.drawn.cursor(Region::CompareList, self.compare.selected, self.compare_entries());
                    self.select_compare_entry(cursor.act(action));
                }
                Some(slot) => {
                    let region = match focus {
                        CompareFocus::Pane(i) => Region::Pane(i),
                        _ => Region::Overlap,
                    };
                    self.compare.scroll[slot] =
                        self.drawn.viewport(region, self.compare.scroll[slot]).act(action).offset;
                }
            },
        }
    }

    /// Shows a dimension in the Compare tab, with the list focused on it.
    pub fn open_dimension(&mut self, dimension: usize) {
        self.tab = Tab::Compare;
        self.select_compare_entry(dimension + 1);
        self.compare.focus = CompareFocus::List;
    }
}
