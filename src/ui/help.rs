//! The help overlay, generated from the key table so it always tells the truth.
//!
//! Only the rows that show are made: the others are counted from the widths of their words,
//! worked out once (the key table never changes). Wrapping and styling the whole table
//! every frame was most of the overlay's cost.

use std::sync::OnceLock;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::draw::{Border, BoxFrame};
use super::{scrolled_box, wrap::wrap_hanging};
use crate::app::App;
use crate::keymap::{self, Binding, Context};
use crate::view::{Drawn, Region};

const KEYS_COLUMN: usize = 20;

fn area_in(body: Rect) -> Rect {
    let w = body.width.saturating_sub(4).min(78);
    let h = body.height.saturating_sub(2);
    Rect { x: body.x + (body.width - w) / 2, y: body.y + (body.height - h) / 2, width: w, height: h }
}

/// Help opens at the screen it was asked from: that screen's keys first, then the keys that
/// work everywhere, then every other screen's, in the table's order.
fn order(app: &App) -> Vec<(Context, bool)> {
    let here: Vec<Context> = app.tab_contexts().into_iter().filter(|c| *c != Context::Global).collect();
    let mut out: Vec<(Context, bool)> = here.iter().map(|c| (*c, true)).collect();
    out.extend(keymap::ALL_CONTEXTS.into_iter().filter(|c| !here.contains(c)).map(|c| (c, false)));
    out
}

/// A binding as help shows it.
struct Entry {
    bind: &'static Binding,
    /// The start of its first row (its keys' labels, `  ↑, k`, padded to the text's column)
    /// and of the others (blanks as wide).
    first: String,
    rest: String,
    /// Where each word of its text is (bytes), and how wide.
    words: Vec<(std::ops::Range<usize>, usize)>,
    /// Whether one space, no more, is between each two words: then a row's text is a slice
    /// of the binding's own.
    single_spaced: bool,
}

impl Entry {
    fn new(bind: &'static Binding) -> Entry {
        let keys: Vec<String> = bind.keys.iter().map(|k| k.label()).collect();
        let keys = keys.join(", ");
        let col = KEYS_COLUMN.max(keys.width() + 2);
        let first = format!("  {keys}{}", " ".repeat(col - keys.width()));
        let text = bind.help;
        let words: Vec<_> = text
            .split_whitespace()
            .map(|w| {
                let at = w.as_ptr() as usize - text.as_ptr() as usize;
                (at..at + w.len(), w.width())
            })
            .collect();
        let single_spaced = words.windows(2).all(|p| &text[p[0].0.end..p[1].0.start] == " ");
        Entry { bind, first, rest: " ".repeat(col + 2), words, single_spaced }
    }

    /// Tells `start` the word each row starts with, when the text wraps simply: the
    /// prefixes kept and no word longer than a row. Returns whether it did. The rows are
    /// `wrap_hanging`'s (tests hold the two equal for every binding and width).
    fn row_starts(&self, width: usize, mut start: impl FnMut(usize)) -> bool {
        // Both prefixes are this wide.
        let prefix = self.rest.len();
        if width == 0 || prefix >= width || self.words.iter().any(|(_, w)| prefix + w > width) {
            return false;
        }
        start(0);
        let mut used = prefix;
        for (i, &(_, w)) in self.words.iter().enumerate() {
            if i > 0 && used + 1 + w <= width {
                used += 1 + w;
            } else {
                if i > 0 {
                    start(i);
                    used = prefix;
                }
                used += w;
            }
        }
        true
    }

    /// How many rows its text wraps to, without making them (the wrap itself counts the
    /// rare rest: a row too narrow for the prefixes, a word longer than a row).
    fn rows(&self, width: usize) -> usize {
        let mut rows = 0;
        if self.row_starts(width, |_| rows += 1) { rows } else { self.wrapped(width).len() }
    }

    fn wrapped(&self, width: usize) -> Vec<String> {
        wrap_hanging(self.bind.help, width, &self.first, &self.rest)
    }

    /// Its rows, styled: slices of its text when they can be.
    fn lines(&'static self, width: usize, t: &super::theme::Theme) -> Vec<Line<'static>> {
        let mut starts = Vec::new();
        if !self.single_spaced || !self.row_starts(width, |i| starts.push(i)) {
            return self.wrapped_lines(width, t);
        }
        let text = self.bind.help;
        let ends = starts.iter().skip(1).copied().chain([self.words.len()]);
        starts
            .iter()
            .zip(ends)
            .enumerate()
            .map(|(row, (&from, to))| {
                let words = &self.words[from..to];
                let slice = match (words.first(), words.last()) {
                    (Some((a, _)), Some((b, _))) => &text[a.start..b.end],
                    _ => "",
                };
                let (prefix, style) = if row == 0 { (&self.first, t.key) } else { (&self.rest, t.text) };
                Line::from(vec![Span::styled(prefix.as_str(), style), Span::styled(slice, t.text)])
            })
            .collect()
    }

    /// Its rows as the wrap makes them, styled.
    fn wrapped_lines(&self, width: usize, t: &super::theme::Theme) -> Vec<Line<'static>> {
        let first = self.first.as_str();
        self.wrapped(width)
            .into_iter()
            .enumerate()
            .map(|(i, l)| match l.strip_prefix(first) {
                Some(text) if i == 0 => Line::from(vec![
                    Span::styled(first.to_string(), t.key),
                    Span::styled(text.to_string(), t.text),
                ]),
                _ => Line::styled(l, t.text),
            })
            .collect()
    }
}

fn entries() -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| keymap::BINDINGS.iter().map(Entry::new).collect())
}

/// One part of the help, in order: a blank row between contexts, a context's title, a
/// binding's rows.
enum Part {
    Gap,
    Title(Context, bool),
    Binding(&'static Entry, usize),
}

impl Part {
    fn rows(&self) -> usize {
        match self {
            Part::Gap | Part::Title(..) => 1,
            Part::Binding(_, rows) => *rows,
        }
    }
}

fn parts(app: &App, width: usize) -> Vec<Part> {
    let mut out = Vec::new();
    for (ctx, here) in order(app) {
        if !out.is_empty() {
            out.push(Part::Gap);
        }
        out.push(Part::Title(ctx, here));
        for e in entries().iter().filter(|e| e.bind.context == ctx) {
            out.push(Part::Binding(e, e.rows(width)));
        }
    }
    out
}

/// The help's rows at this width: those from `first` on, `count` of them, made; the others
/// empty, there only to be counted.
fn lines(app: &App, parts: Vec<Part>, width: usize, first: usize, count: usize) -> Vec<Line<'static>> {
    let t = super::styles(app);
    let mut out = Vec::with_capacity(parts.iter().map(Part::rows).sum());
    let shows = first..first.saturating_add(count);
    for part in parts {
        let at = out.len();
        let n = part.rows();
        if at >= shows.end || at + n <= shows.start {
            out.resize(at + n, Line::default());
            continue;
        }
        match part {
            Part::Gap => out.push(Line::default()),
            Part::Title(ctx, here) => {
                let title =
                    if here { format!("{} (this screen)", ctx.title()) } else { ctx.title().to_string() };
                out.push(Line::styled(title, t.group));
            }
            Part::Binding(e, _) => out.extend(e.lines(width, t)),
        }
    }
    out
}

fn block(app: &App) -> BoxFrame<'static> {
    let t = super::styles(app);
    BoxFrame::new(Line::styled(" Keys ", t.title), Border::Double, t.border)
        .title_bottom(Line::styled(" Esc, q or ? closes ", t.dim))
}

pub fn render(app: &App, body: Rect, buf: &mut Buffer, rec: &mut Drawn) {
    render_rows(app, body, buf, rec, false);
}

/// The overlay, with only the rows that show made (or, for a test, all of them).
fn render_rows(app: &App, body: Rect, buf: &mut Buffer, rec: &mut Drawn, all: bool) {
    let area = area_in(body);
    super::draw::clear(buf, area);
    let block = block(app);
    let inner = block.inner(area);
    let width = inner.width as usize;
    // The scroll as `scrolled_box` clamps it, to know which rows it will show.
    let parts = parts(app, width);
    let total: usize = parts.iter().map(Part::rows).sum();
    let scroll = usize::from(app.help.unwrap_or(0)).min(total.saturating_sub(inner.height.into()));
    let (first, count) = if all { (0, usize::MAX) } else { (scroll, usize::from(inner.height)) };
    let lines = lines(app, parts, width, first, count);
    let shown = scrolled_box(app, area, block, lines, app.help.unwrap_or(0), buf);
    rec.show_viewport(Region::Help, area, shown);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::BuiltinContent;
    use crate::action::Action;
    use crate::content::Content;

    #[test]
    fn rows_are_counted_and_made_as_the_wrap_makes_them() {
        let t = &super::super::theme::DARK;
        assert!(entries().iter().any(|e| e.single_spaced), "the table's texts are single-spaced");
        for e in entries() {
            for width in 0..=120 {
                let wrapped = e.wrapped_lines(width, t);
                assert_eq!(e.rows(width), wrapped.len(), "{:?} at width {width}", e.bind.help);
                // Made from slices, the rows draw as the wrapped ones do.
                let area = Rect::new(0, 0, 130, wrapped.len().max(1) as u16);
                let (mut ours, mut theirs) = (Buffer::empty(area), Buffer::empty(area));
                super::super::draw::draw_lines(&mut ours, area, &e.lines(width, t), 0);
                super::super::draw::draw_lines(&mut theirs, area, &wrapped, 0);
                assert_eq!(ours, theirs, "{:?} at width {width}", e.bind.help);
            }
        }
    }

    /// Drawing only the rows that show draws what drawing them all did, at any size and
    /// scroll, from any screen.
    #[test]
    fn only_the_rows_that_show_are_made_and_the_picture_is_the_same() {
        for (w, h) in [(200, 60), (80, 24), (45, 14), (120, 40)] {
            let mut app = App::new(Content::builtin(), &super::super::theme::DARK, (w, h));
            for tab in [0, 1, 4] {
                app.update(Action::GoToTab(tab));
                for scroll in [0, 1, 7, 40, 150, u16::MAX] {
                    app.help = Some(scroll);
                    let area = Rect::new(0, 0, w, h);
                    let (mut few, mut all) = (Buffer::empty(area), Buffer::empty(area));
                    let (mut rec_few, mut rec_all) = (Drawn::default(), Drawn::default());
                    render_rows(&app, area, &mut few, &mut rec_few, false);
                    render_rows(&app, area, &mut all, &mut rec_all, true);
                    assert_eq!(few, all, "{w}x{h}, tab {tab}, scroll {scroll}");
                    assert_eq!(rec_few.shown(Region::Help), rec_all.shown(Region::Help));
                }
            }
        }
    }
}
