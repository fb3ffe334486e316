//! The Compare tab's state and how actions move through it.

use super::{App, Tab};
use crate::action::Action;
use crate::content::Content;
use crate::keymap::Context;
use crate::view::Region;

/// What has the keyboard in the Compare tab. The list shows only while it has focus: a
/// dimension being read gets the whole width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareFocus {
    List,
    /// The dimension (or the fields' summaries), one scroll for all of it.
    Reading,
    /// The glossary terms related to the dimension.
    Terms,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareState {
    /// The list entry: 0 is the overview of the disciplines, `i + 1` is dimension `i`.
    pub selected: usize,
    pub focus: CompareFocus,
    /// How far the reading view is scrolled: one offset, so the fields' rows stay aligned.
    pub scroll: u16,
    /// The highlighted related term (a position in the dimension's list of terms).
    pub term: usize,
    /// The dimension highlighted in the at-a-glance matrix (shown while `selected` is 0).
    pub matrix: usize,
    /// With `selected` 0: the fields' own summaries (the former Overview) instead of the matrix.
    pub about: bool,
    /// A point to scroll to (discipline, point), set by search: only the next frame knows
    /// the wrapping, so it resolves this and reports the offset.
    pub scroll_to: Option<(usize, usize)>,
    /// Per dimension: opened in Compare (kept across runs in the data directory).
    pub read: Vec<bool>,
    /// Show who said what: each point's sources, the dimension's sources.
    pub sources: bool,
    /// Differences only: hide what the fields share and the notes.
    pub differences: bool,
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

    /// Whether the list is on screen beside the dimension.
    pub fn list_shown(&self) -> bool {
        self.focus == CompareFocus::List && !self.on_matrix()
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
            self.compare.scroll = 0;
            self.compare.scroll_to = None;
            self.compare.term = 0;
            self.mark_read(entry);
            // Not every dimension has related terms; keep focus on something that exists.
            if self.compare.focus == CompareFocus::Terms && self.related_terms().is_empty() {
                self.compare.focus = CompareFocus::Reading;
            }
        }
    }

    /// The glossary terms related to the selected dimension.
    pub fn related_terms(&self) -> Vec<usize> {
        self.compare.dimension().map(|d| self.lookups.terms_by_dimension[d].clone()).unwrap_or_default()
    }

    pub(super) fn update_compare(&mut self, action: Action) {
        if action == Action::NextUnread {
            return self.open_next_unread();
        }
        if self.compare.on_matrix() {
            return self.update_matrix(action);
        }
        match (action, self.compare.focus) {
            (Action::ToggleSources, _) => self.compare.sources = !self.compare.sources,
            (Action::ToggleDifferences, _) => self.compare.differences = !self.compare.differences,
            (Action::NextItem, _) => self.select_compare_entry(self.compare.selected + 1),
            (Action::PrevItem, _) => self.select_compare_entry(self.compare.selected.saturating_sub(1)),
            // The list: moving it changes the dimension beside it; stepping right reads it.
            (Action::Select | Action::FocusNext, CompareFocus::List) => {
                self.compare.focus = CompareFocus::Reading
            }
            (Action::Back, CompareFocus::List | CompareFocus::Reading) => self.back_to_matrix(),
            (Action::FocusPrev, CompareFocus::Reading) => self.compare.focus = CompareFocus::List,
            (Action::FocusNext, CompareFocus::Reading) if self.terms_shown() => {
                self.compare.focus = CompareFocus::Terms
            }
            (Action::Back, CompareFocus::Terms) => self.compare.focus = CompareFocus::Reading,
            (Action::Select, CompareFocus::Terms) => {
                if let Some(&t) = self.related_terms().get(self.compare.term) {
                    self.follow_link();
                    self.open_term(t);
                }
            }
            (_, CompareFocus::Terms) => {
                let n = self.related_terms().len();
                self.compare.term = self.drawn.cursor(Region::Terms, self.compare.term, n).act(action);
            }
            (_, CompareFocus::List) => {
                let cursor =
                    self.drawn.cursor(Region::CompareList, self.compare.selected, self.compare_entries());
                self.select_compare_entry(cursor.act(action));
            }
            (_, CompareFocus::Reading) => {
                self.compare.scroll =
                    self.drawn.viewport(Region::Reading, self.compare.scroll).act(action).offset;
            }
        }
    }

    /// The key contexts of the Compare tab, most specific first. The matrix's and the list's
    /// `→` comes after the tab's own keys, so the footer lists the moves first.
    pub(super) fn compare_contexts(&self) -> Vec<Context> {
        if self.compare.on_matrix() {
            return vec![Context::Compare, Context::CompareList];
        }
        let mut contexts = match self.compare.focus {
            CompareFocus::List => vec![],
            CompareFocus::Reading if self.terms_shown() => {
                vec![Context::CompareReading, Context::CompareRelated]
            }
            CompareFocus::Reading => vec![Context::CompareReading],
            CompareFocus::Terms => vec![Context::CompareTerms],
        };
        contexts.push(Context::CompareDimension);
        // The fields' own page has nothing shared to hide.
        if self.compare.dimension().is_some() {
            contexts.push(Context::CompareShared);
        }
        contexts.push(Context::Compare);
        if self.compare.focus == CompareFocus::List {
            contexts.push(Context::CompareList);
        }
        contexts
    }

    /// Whether the related terms' row is there to focus: a very short screen leaves it off
    /// (before any frame, it is taken to be there when there are terms).
    fn terms_shown(&self) -> bool {
        let drawn = self.drawn.shown(Region::Terms).is_some() || self.drawn.shown(Region::Reading).is_none();
        drawn && !self.related_terms().is_empty()
    }

    /// Esc from a dimension: the matrix, with that dimension highlighted.
    fn back_to_matrix(&mut self) {
        self.select_compare_entry(0);
        self.compare.about = false;
        self.compare.focus = CompareFocus::List;
    }

    /// Entry `entry` was opened: its dimension counts as read, kept for next time; a failure
    /// to keep it is said in the footer.
    fn mark_read(&mut self, entry: usize) {
        let Some(flag) = entry.checked_sub(1).and_then(|d| self.compare.read.get_mut(d)) else { return };
        if *flag {
            return;
        }
        *flag = true;
        let saved = crate::saved::SavedRead::of(&self.content, &self.compare.read);
        if let Err(e) = self.store.save(crate::saved::READ_FILE, &saved) {
            self.notices.push(format!("Could not keep which dimensions were read: {e}"));
        }
    }

    /// Opens the first unread dimension after the selected one, wrapping to the top; with
    /// every dimension read, says so and stays.
    fn open_next_unread(&mut self) {
        let n = self.compare.read.len();
        let from = self.compare.dimension().map_or(0, |d| d + 1);
        match (0..n).map(|i| (from + i) % n).find(|&d| !self.compare.read[d]) {
            Some(d) => {
                self.select_compare_entry(d + 1);
                self.compare.focus = CompareFocus::Reading;
            }
            None => self.notices.push("Every dimension has been read.".to_string()),
        }
    }

    /// Shows a dimension in the Compare tab, to read: the whole width is its.
    pub fn open_dimension(&mut self, dimension: usize) {
        self.tab = Tab::Compare;
        self.select_compare_entry(dimension + 1);
        self.compare.focus = CompareFocus::Reading;
    }
}
