//! Application state and how actions change it. Rendering reads this; it never changes it.

use crate::action::Action;
use crate::content::Content;
use crate::keymap::Context;
use crate::ui;
use crate::ui::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Compare,
    Sources,
}

impl Tab {
    pub const ALL: [Tab; 2] = [Tab::Compare, Tab::Sources];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Compare => "Compare",
            Tab::Sources => "Sources",
        }
    }

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    fn context(self) -> Context {
        match self {
            Tab::Compare => Context::Compare,
            Tab::Sources => Context::Sources,
        }
    }
}

/// What has the keyboard in the Compare tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareFocus {
    List,
    /// The pane of the discipline at this index.
    Pane(usize),
    /// The overlap, notes and sources below the panes.
    Overlap,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareState {
    /// The list entry: 0 is the overview of the disciplines, `i + 1` is dimension `i`.
    pub selected: usize,
    pub focus: CompareFocus,
    /// Scroll offsets: one per discipline pane, then the overlap box.
    pub scroll: Vec<u16>,
}

impl CompareState {
    /// The selected dimension, or `None` on the overview.
    pub fn dimension(&self) -> Option<usize> {
        self.selected.checked_sub(1)
    }
}

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

pub struct App {
    pub content: Content,
    pub theme: &'static Theme,
    pub tab: Tab,
    pub compare: CompareState,
    pub sources: SourcesState,
    /// The help overlay, when open, with its scroll offset.
    pub help: Option<u16>,
    /// The terminal's size (columns, rows), which scrolling limits depend on.
    pub size: (u16, u16),
    pub running: bool,
}

impl App {
    pub fn new(content: Content, theme: &'static Theme, size: (u16, u16)) -> Self {
        let panes = content.disciplines.len();
        App {
            content,
            theme,
            tab: Tab::Compare,
            compare: CompareState { selected: 0, focus: CompareFocus::List, scroll: vec![0; panes + 1] },
            sources: SourcesState { selected: 0, focus: SourcesFocus::List, cited: 0 },
            help: None,
            size,
            running: true,
        }
    }

    /// The key contexts in force, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        match self.help {
            Some(_) => vec![Context::Help, Context::Global],
            None => vec![self.tab.context(), Context::Global],
        }
    }

    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => self.running = false,
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.clamp_scrolls();
            }
            _ if self.help.is_some() => self.update_help(action),
            Action::ToggleHelp => self.help = Some(0),
            Action::NextTab => self.tab = Tab::ALL[(self.tab.index() + 1) % Tab::ALL.len()],
            Action::PrevTab => self.tab = Tab::ALL[(self.tab.index() + Tab::ALL.len() - 1) % Tab::ALL.len()],
            Action::GoToTab(i) => {
                if let Some(tab) = Tab::ALL.get(i) {
                    self.tab = *tab;
                }
            }
            _ => match self.tab {
                Tab::Compare => self.update_compare(action),
                Tab::Sources => self.update_sources(action),
            },
        }
    }

    fn update_help(&mut self, action: Action) {
        let max = ui::help::max_scroll(self);
        let page = ui::help::page(self);
        let scroll = self.help.unwrap_or(0);
        self.help = match action {
            Action::ToggleHelp | Action::Back => None,
            Action::Up => Some(scroll.saturating_sub(1)),
            Action::Down => Some(scroll.saturating_add(1).min(max)),
            Action::PageUp => Some(scroll.saturating_sub(page)),
            Action::PageDown => Some(scroll.saturating_add(page).min(max)),
            Action::First => Some(0),
            Action::Last => Some(max),
            _ => Some(scroll),
        };
    }

    // ---- Compare ----

    /// Entries of the Compare list: the overview plus every dimension.
    pub fn compare_entries(&self) -> usize {
        self.content.dimensions.len() + 1
    }

    fn select_entry(&mut self, entry: usize) {
        let entry = entry.min(self.compare_entries() - 1);
        if entry != self.compare.selected {
            self.compare.selected = entry;
            self.compare.scroll.iter_mut().for_each(|s| *s = 0);
            // The overview has no overlap box; keep focus somewhere that exists.
            if self.compare.focus == CompareFocus::Overlap && !ui::compare::has_overlap(self) {
                self.compare.focus = CompareFocus::List;
            }
        }
    }

    /// The regions focus moves through, left to right.
    fn compare_regions(&self) -> Vec<CompareFocus> {
        let mut regions = vec![CompareFocus::List];
        regions.extend((0..self.content.disciplines.len()).map(CompareFocus::Pane));
        if ui::compare::has_overlap(self) {
            regions.push(CompareFocus::Overlap);
        }
        regions
    }

    fn scroll_slot(&self, focus: CompareFocus) -> Option<usize> {
        match focus {
            CompareFocus::List => None,
            CompareFocus::Pane(i) => Some(i),
            CompareFocus::Overlap => Some(self.content.disciplines.len()),
        }
    }

    fn update_compare(&mut self, action: Action) {
        let focus = self.compare.focus;
        let regions = self.compare_regions();
        let pos = regions.iter().position(|r| *r == focus).unwrap_or(0);
        match action {
            Action::FocusNext => self.compare.focus = regions[(pos + 1).min(regions.len() - 1)],
            Action::FocusPrev => self.compare.focus = regions[pos.saturating_sub(1)],
            Action::Select if focus == CompareFocus::List => {
                self.compare.focus = regions.get(1).copied().unwrap_or(CompareFocus::List)
            }
            Action::Back => self.compare.focus = CompareFocus::List,
            Action::NextItem => self.select_entry(self.compare.selected + 1),
            Action::PrevItem => self.select_entry(self.compare.selected.saturating_sub(1)),
            _ => match self.scroll_slot(focus) {
                None => {
                    let page = ui::compare::list_page(self).max(1);
                    let sel = self.compare.selected;
                    let last = self.compare_entries() - 1;
                    let target = match action {
                        Action::Up => sel.saturating_sub(1),
                        Action::Down => sel + 1,
                        Action::PageUp => sel.saturating_sub(page),
                        Action::PageDown => sel + page,
                        Action::First => 0,
                        Action::Last => last,
                        _ => sel,
                    };
                    self.select_entry(target);
                }
                Some(slot) => {
                    let (len, height) = ui::compare::viewport(self, focus);
                    let max = len.saturating_sub(height);
                    let page = height.saturating_sub(1).max(1);
                    let s = self.compare.scroll[slot];
                    self.compare.scroll[slot] = match action {
                        Action::Up => s.saturating_sub(1),
                        Action::Down => s.saturating_add(1),
                        Action::PageUp => s.saturating_sub(page),
                        Action::PageDown => s.saturating_add(page),
                        Action::First => 0,
                        Action::Last => max,
                        _ => s,
                    }
                    .min(max);
                }
            },
        }
    }

    /// After a resize, no pane may stay scrolled past its end.
    fn clamp_scrolls(&mut self) {
        for slot in 0..self.compare.scroll.len() {
            if self.compare.scroll[slot] == 0 {
                continue;
            }
            let focus = if slot < self.content.disciplines.len() {
                CompareFocus::Pane(slot)
            } else {
                CompareFocus::Overlap
            };
            let (len, height) = ui::compare::viewport(self, focus);
            let max = len.saturating_sub(height);
            self.compare.scroll[slot] = self.compare.scroll[slot].min(max);
        }
        if let Some(scroll) = self.help.filter(|s| *s > 0) {
            self.help = Some(scroll.min(ui::help::max_scroll(self)));
        }
    }

    /// Shows a dimension in the Compare tab, with the list focused on it.
    pub fn open_dimension(&mut self, dimension: usize) {
        self.tab = Tab::Compare;
        self.select_entry(dimension + 1);
        self.compare.focus = CompareFocus::List;
    }

    // ---- Sources ----

    /// The dimensions citing the selected source.
    pub fn cited_by_selected(&self) -> Vec<usize> {
        self.content.cited_by(self.sources.selected).collect()
    }

    fn update_sources(&mut self, action: Action) {
        let n_sources = self.content.sources.len();
        let cited = self.cited_by_selected();
        let page = ui::sources::page(self).max(1);
        let step = |current: usize, len: usize| -> usize {
            let last = len.saturating_sub(1);
            match action {
                Action::Up => current.saturating_sub(1),
                Action::Down => (current + 1).min(last),
                Action::PageUp => current.saturating_sub(page),
                Action::PageDown => (current + page).min(last),
                Action::First => 0,
                Action::Last => last,
                _ => current,
            }
        };
        match (action, self.sources.focus) {
            (Action::FocusNext, _) if !cited.is_empty() => self.sources.focus = SourcesFocus::CitedBy,
            (Action::FocusPrev | Action::Back, _) => self.sources.focus = SourcesFocus::List,
            (Action::Select, SourcesFocus::List) if !cited.is_empty() => {
                self.sources.focus = SourcesFocus::CitedBy
            }
            (Action::Select, SourcesFocus::CitedBy) => {
                if let Some(&d) = cited.get(self.sources.cited) {
                    self.open_dimension(d);
                }
            }
            (_, SourcesFocus::List) => {
                let next = step(self.sources.selected, n_sources);
                if next != self.sources.selected {
                    self.sources.selected = next;
                    self.sources.cited = 0;
                }
            }
            (_, SourcesFocus::CitedBy) => self.sources.cited = step(self.sources.cited, cited.len()),
        }
    }
}
