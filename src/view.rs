//! What a frame showed, as plain data: rendering reports it, the app reads it. Scroll limits,
//! page sizes and mouse hits come from here, so `app` never asks `ui` about layout, and a
//! click can never disagree with what was drawn, because it is looked up in what was drawn.
//!
//! One [`Viewport`] type carries every scroll rule and one [`ListCursor`] every selection
//! rule; both use the same page size.

use ratatui::layout::{Position, Rect};

use crate::action::Action;

/// A movement through text or a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
}

impl Motion {
    /// The movement an action asks for, if it is one.
    pub fn of(action: Action) -> Option<Motion> {
        Some(match action {
            Action::Up => Motion::Up,
            Action::Down => Motion::Down,
            Action::PageUp => Motion::PageUp,
            Action::PageDown => Motion::PageDown,
            Action::First => Motion::First,
            Action::Last => Motion::Last,
            _ => return None,
        })
    }
}

/// The one page size: what shows, less a line kept for context (at least one).
pub fn page(height: usize) -> usize {
    height.saturating_sub(1).max(1)
}

/// A scrolled text: `len` lines, `height` of them showing from `offset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Viewport {
    pub offset: u16,
    pub height: u16,
    pub len: u16,
}

impl Viewport {
    /// The furthest offset that still fills the view.
    pub fn max(&self) -> u16 {
        self.len.saturating_sub(self.height)
    }

    /// The offset after a motion, kept within the text.
    pub fn apply(mut self, motion: Motion) -> Viewport {
        let page = page(self.height as usize) as u16;
        let o = self.offset;
        self.offset = match motion {
            Motion::Up => o.saturating_sub(1),
            Motion::Down => o.saturating_add(1),
            Motion::PageUp => o.saturating_sub(page),
            Motion::PageDown => o.saturating_add(page),
            Motion::First => 0,
            Motion::Last => self.max(),
        }
        .min(self.max());
        self
    }

    /// Like [`Viewport::apply`], for an action that may not be a motion (then nothing moves).
    pub fn act(self, action: Action) -> Viewport {
        Motion::of(action).map_or(self, |m| self.apply(m))
    }

    /// The same offset, clamped to the text.
    pub fn clamped(mut self) -> Viewport {
        self.offset = self.offset.min(self.max());
        self
    }
}

/// A list of `len` items with one selected, `rows` of them showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListCursor {
    pub selected: usize,
    pub len: usize,
    pub rows: usize,
}

impl ListCursor {
    /// A short list shown whole (a form's fields, a question's options): a page is all of it.
    pub fn whole(selected: usize, len: usize) -> ListCursor {
        ListCursor { selected, len, rows: len }
    }

    /// The selection after a motion, kept within the list.
    pub fn apply(self, motion: Motion) -> usize {
        let last = self.len.saturating_sub(1);
        let page = page(self.rows);
        let s = self.selected;
        match motion {
            Motion::Up => s.saturating_sub(1),
            Motion::Down => s + 1,
            Motion::PageUp => s.saturating_sub(page),
            Motion::PageDown => s + page,
            Motion::First => 0,
            Motion::Last => last,
        }
        .min(last)
    }

    /// Like [`ListCursor::apply`]; an action that is not a motion keeps the selection.
    pub fn act(self, action: Action) -> usize {
        Motion::of(action).map_or(self.selected.min(self.len.saturating_sub(1)), |m| self.apply(m))
    }

    /// The first row shown, keeping the selection near the middle. Rendering and the
    /// record both use this, so what is drawn and what is clicked agree.
    pub fn offset(&self) -> usize {
        self.selected.saturating_sub(self.rows / 2).min(self.len.saturating_sub(self.rows))
    }
}

/// A part of the screen that scrolls, holds a list, or takes focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    Header,
    CompareList,
    /// The at-a-glance matrix's rows: `height` is how many dimensions show whole.
    Matrix,
    /// A dimension being read: every field's points, the shared part, notes and sources.
    Reading,
    Terms,
    Help,
    Search,
    SearchResults,
    QuizText,
    /// A question not yet answered: its prompt and options (which scroll on a small screen).
    QuizQuestion,
    FitText,
    FitNext,
    GlossaryList,
    GlossaryRelated,
    SourcesList,
    CitedBy,
    /// The Progress tab's page of charts.
    Progress,
}

/// Something a click can land on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// The tab at this position in the tab bar.
    Tab(usize),
    /// A Compare list entry: 0 is the overview, `i + 1` dimension `i`.
    CompareEntry(usize),
    /// A row of the at-a-glance matrix: the dimension at this index.
    MatrixRow(usize),
    Source(usize),
    Term(usize),
    QuizOption(usize),
    SearchResult(usize),
}

/// One region as drawn: its box on screen, and the lines (or rows) it shows of how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    pub region: Region,
    pub area: Rect,
    /// Lines (or list rows) visible.
    pub height: u16,
    /// Lines (or list items) in all.
    pub len: u16,
    /// The first line (or row) shown.
    pub offset: u16,
}

/// What one frame drew.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drawn {
    /// The whole frame.
    pub area: Rect,
    /// Regions in drawing order: later ones lie on top.
    pub regions: Vec<Shown>,
    /// Clickable things in drawing order: later ones lie on top.
    pub hits: Vec<(Rect, Hit)>,
    /// A scroll the renderer worked out because only it knows the wrapping: the reading
    /// view's offset that shows a searched-for point.
    pub resolved_scroll: Option<u16>,
}

impl Drawn {
    pub fn show(&mut self, region: Region, area: Rect, height: u16, len: usize, offset: usize) {
        let len = len.min(u16::MAX as usize) as u16;
        let offset = offset.min(u16::MAX as usize) as u16;
        self.regions.push(Shown { region, area, height, len, offset });
    }

    pub fn show_viewport(&mut self, region: Region, area: Rect, v: Viewport) {
        self.regions.push(Shown { region, area, height: v.height, len: v.len, offset: v.offset });
    }

    pub fn hit_area(&mut self, area: Rect, hit: Hit) {
        if !area.is_empty() {
            self.hits.push((area, hit));
        }
    }

    pub fn shown(&self, region: Region) -> Option<&Shown> {
        self.regions.iter().rev().find(|s| s.region == region)
    }

    /// The viewport of a region at `offset`. A region the last frame did not draw (a key
    /// arriving between a change and the next frame) is unbounded for now; the next frame
    /// clamps it.
    pub fn viewport(&self, region: Region, offset: u16) -> Viewport {
        match self.shown(region) {
            Some(s) => Viewport { offset, height: s.height, len: s.len },
            None => Viewport { offset, height: 0, len: u16::MAX },
        }
    }

    /// A list cursor for a region holding `len` items, `selected` among them.
    pub fn cursor(&self, region: Region, selected: usize, len: usize) -> ListCursor {
        let rows = self.shown(region).map_or(1, |s| usize::from(s.height));
        ListCursor { selected, len, rows }
    }

    /// What is under a point: the topmost hit.
    pub fn hit(&self, x: u16, y: u16) -> Option<Hit> {
        let at = Position { x, y };
        self.hits.iter().rev().find(|(r, _)| r.contains(at)).map(|(_, h)| *h)
    }

    /// The topmost region under a point.
    pub fn region_at(&self, x: u16, y: u16) -> Option<Region> {
        let at = Position { x, y };
        self.regions.iter().rev().find(|s| s.area.contains(at)).map(|s| s.region)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_viewport_stays_within_its_text_and_pages_by_height_less_one() {
        let v = Viewport { offset: 0, height: 10, len: 25 };
        assert_eq!(v.apply(Motion::PageDown).offset, 9);
        assert_eq!(v.apply(Motion::Last).offset, 15);
        assert_eq!(v.apply(Motion::Last).apply(Motion::Down).offset, 15);
        assert_eq!(v.apply(Motion::Up).offset, 0);
        let short = Viewport { offset: 3, height: 10, len: 4 };
        assert_eq!(short.clamped().offset, 0);
    }

    #[test]
    fn a_list_cursor_stays_in_the_list_and_centres_its_window() {
        let c = ListCursor { selected: 0, len: 30, rows: 10 };
        assert_eq!(c.apply(Motion::PageDown), 9);
        assert_eq!(c.apply(Motion::Last), 29);
        assert_eq!(ListCursor { selected: 29, ..c }.apply(Motion::Down), 29);
        assert_eq!(ListCursor { selected: 15, ..c }.offset(), 10);
        assert_eq!(ListCursor { selected: 29, ..c }.offset(), 20);
        assert_eq!(ListCursor { selected: 0, len: 0, rows: 5 }.apply(Motion::Down), 0);
    }

    /// The layering this record exists for: app state reads geometry as data and never
    /// imports the renderer (or the terminal library).
    #[test]
    fn the_app_state_never_imports_the_renderer() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
        let mut files = 0;
        for entry in std::fs::read_dir(dir).expect("src/app exists") {
            let path = entry.expect("readable").path();
            let text = std::fs::read_to_string(&path).expect("readable");
            for forbidden in ["crate::ui", "ratatui", "crossterm"] {
                assert!(!text.contains(forbidden), "{} uses {forbidden}", path.display());
            }
            files += 1;
        }
        assert!(files >= 8, "found only {files} files in src/app");
    }

    #[test]
    fn the_topmost_hit_wins() {
        let mut d = Drawn::default();
        d.hit_area(Rect::new(0, 0, 10, 10), Hit::Source(1));
        d.hit_area(Rect::new(2, 2, 2, 2), Hit::Term(7));
        assert_eq!(d.hit(3, 3), Some(Hit::Term(7)));
        assert_eq!(d.hit(0, 0), Some(Hit::Source(1)));
        assert_eq!(d.hit(10, 0), None);
    }
}
