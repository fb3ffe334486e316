//! The Compare tab: a grouped list of dimensions beside one pane per discipline, aligned on
//! the same dimension, with the overlap, notes and sources below them.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Padding;
use unicode_width::UnicodeWidthStr;

use super::wrap::{wrap_hanging, wrap_text};
use super::{body_area, framed, labelled, scrolled_box, truncate};
use crate::app::{App, CompareFocus};
use crate::content::Content;

/// At or below this many columns, the panes stack vertically.
pub const STACK_AT_WIDTH: u16 = 80;
/// Side by side, no pane gets narrower than this.
const MIN_PANE_WIDTH: u16 = 24;
/// The summary under the title never takes more lines than this.
const MAX_SUMMARY_LINES: usize = 4;

/// Where each part of the tab goes, and its text wrapped to fit: the heights depend on the
/// wrapped text, so it is wrapped once here for both the layout and the drawing.
pub struct Geometry {
    pub list: Rect,
    pub header: Rect,
    pub panes: Vec<Rect>,
    pub overlap: Option<Rect>,
    pub terms: Option<Rect>,
    header_lines: Vec<Line<'static>>,
    pane_lines: Vec<Vec<Line<'static>>>,
    overlap_lines: Vec<Line<'static>>,
    term_lines: Vec<Line<'static>>,
}

/// One row of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Overview,
    Group(usize),
    /// A list entry: `i + 1` for dimension `i` (0 is the overview).
    Dimension(usize),
}

/// Whether the selected entry has an overlap box (dimensions do; the overview does not).
pub fn has_overlap(app: &App) -> bool {
    app.compare.dimension().is_some()
}

pub fn geometry(app: &App, body: Rect) -> Geometry {
    let list_w = list_width(app, body.width);
    let [list, detail] = Layout::horizontal([Constraint::Length(list_w), Constraint::Fill(1)]).areas(body);
    let header_lines = header_lines(app, detail.width.saturating_sub(2));
    let header_h = (header_lines.len() as u16).min(detail.height / 3);
    let related = app.related_terms();
    let term_lines =
        if related.is_empty() { Vec::new() } else { term_lines(app, &related, inner_width(detail.width)) };
    let terms_h =
        if term_lines.is_empty() { 0 } else { (term_lines.len() as u16 + 2).min(4).min(detail.height / 4) };
    let [header, rest, terms] =
        Layout::vertical([Constraint::Length(header_h), Constraint::Fill(1), Constraint::Length(terms_h)])
            .areas(detail);
    // The header is unboxed; a column of margin keeps it off the list's border.
    let header = Rect { x: header.x + 1, width: header.width.saturating_sub(2), ..header };
    // Side by side when there is room. The panes' widths do not depend on any height, so
    // their text is wrapped first and its length decides the heights.
    let n = app.content.disciplines.len().max(1) as u16;
    let side_by_side = body.width > STACK_AT_WIDTH && rest.width / n >= MIN_PANE_WIDTH;
    let constraints = vec![Constraint::Fill(1); n as usize];
    let pane_widths: Vec<u16> = if side_by_side {
        Layout::horizontal(constraints.clone())
            .split(Rect { height: 1, ..rest })
            .iter()
            .map(|r| r.width)
            .collect()
    } else {
        vec![rest.width; n as usize]
    };
    let pane_lines: Vec<Vec<Line<'static>>> = (0..app.content.disciplines.len())
        .map(|i| pane_lines(app, i, inner_width(pane_widths.get(i).copied().unwrap_or(rest.width))))
        .collect();
    let overlap_lines = overlap_lines(app, inner_width(rest.width));
    let overlap_h = if has_overlap(app) {
        // The overlap box gets all it needs when the panes leave room for it; otherwise a fair
        // share (at least a third, at most half), and both scroll.
        let wanted = overlap_lines.len() as u16 + 2;
        let pane_need = pane_lines.iter().map(|l| l.len() as u16 + 2);
        let panes_want = if side_by_side { pane_need.max().unwrap_or(0) } else { pane_need.sum() };
        let share = wanted.min((rest.height / 3).max(5));
        wanted.min(rest.height.saturating_sub(panes_want).max(share)).min(rest.height / 2)
    } else {
        0
    };
    let [panes_area, overlap] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(overlap_h)]).areas(rest);
    let panes = if side_by_side {
        Layout::horizontal(constraints).split(panes_area)
    } else {
        Layout::vertical(constraints).split(panes_area)
    };
    Geometry {
        list,
        header,
        panes: panes.to_vec(),
        overlap: has_overlap(app).then_some(overlap),
        terms: (terms_h > 0).then_some(terms),
        header_lines,
        pane_lines,
        overlap_lines,
        term_lines,
    }
}

fn list_width(app: &App, body_width: u16) -> u16 {
    app.lookups.compare_list_width.clamp(16, 36).min(body_width * 2 / 5)
}

/// Text columns inside a bordered box with a column of padding on each side.
fn inner_width(width: u16) -> usize {
    width.saturating_sub(4) as usize
}

/// The list's rows, worked out once per content (see `Lookups`).
pub fn rows(content: &Content) -> Vec<Row> {
    let mut rows = vec![Row::Overview];
    for (gi, g) in content.groups.iter().enumerate() {
        rows.push(Row::Group(gi));
        rows.extend(g.dimensions.clone().map(|d| Row::Dimension(d + 1)));
    }
    rows
}

/// Rows that fit in the list: how far a page moves.
pub fn list_page(app: &App) -> usize {
    // The list runs the body's full height, inside its border.
    body_area(app).height.saturating_sub(2) as usize
}

/// Content length and visible height (in lines) of a scrollable region.
pub fn viewport(app: &App, focus: CompareFocus) -> (u16, u16) {
    let g = geometry(app, body_area(app));
    let (area, lines) = match focus {
        CompareFocus::List | CompareFocus::Terms => return (0, 0),
        CompareFocus::Pane(i) => match (g.panes.get(i), g.pane_lines.get(i)) {
            (Some(a), Some(lines)) => (*a, lines.len()),
            _ => return (0, 0),
        },
        CompareFocus::Overlap => match g.overlap {
            Some(a) => (a, g.overlap_lines.len()),
            None => return (0, 0),
        },
    };
    (lines.min(u16::MAX as usize) as u16, area.height.saturating_sub(2))
}

fn header_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let t = app.theme;
    let width = width as usize;
    let (title, context, summary) = match app.compare.dimension() {
        None => (
            "The fields".to_string(),
            "what each one is".to_string(),
            Some("Esc goes back to the matrix; the list walks the dimensions.".to_string()),
        ),
        Some(d) => {
            let dim = &app.content.dimensions[d];
            let group = &app.content.groups[dim.group].title;
            let pos = format!("{group} · {}/{}", d + 1, app.content.dimensions.len());
            (dim.title.clone(), pos, dim.summary.clone())
        }
    };
    let title_w = title.width();
    let mut first = vec![Span::styled(truncate(&title, width), t.title)];
    if title_w + 3 + context.width() <= width {
        first.push(Span::styled(format!("  {context}"), t.dim));
    }
    let mut lines = vec![Line::from(first)];
    if let Some(summary) = summary {
        let mut wrapped = wrap_text(&summary, width);
        if wrapped.len() > MAX_SUMMARY_LINES {
            wrapped.truncate(MAX_SUMMARY_LINES);
            let last = wrapped.last_mut().expect("not empty");
            *last = truncate(&format!("{last} …"), width);
        }
        lines.extend(wrapped.into_iter().map(|l| Line::styled(l, t.emphasis)));
    }
    lines
}

/// The scroll that brings point `point` of pane `pane` to the top (as far as scrolling goes).
pub fn point_line(app: &App, pane: usize, point: usize) -> u16 {
    let Some(d) = app.compare.dimension() else { return 0 };
    let g = geometry(app, body_area(app));
    let Some(area) = g.panes.get(pane) else { return 0 };
    let width = inner_width(area.width);
    let before: usize = app.content.dimensions[d].points[pane]
        .iter()
        .take(point)
        .map(|p| wrap_hanging(p, width, "• ", "  ").len())
        .sum();
    let (len, height) = viewport(app, CompareFocus::Pane(pane));
    (before.min(u16::MAX as usize) as u16).min(len.saturating_sub(height))
}

/// The related terms as a run of names, wrapped; the highlighted one reversed when focused.
fn term_lines(app: &App, related: &[usize], width: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let focused = app.compare.focus == CompareFocus::Terms;
    let mut lines: Vec<Line> = Vec::new();
    let mut line: Vec<Span> = Vec::new();
    let mut used = 0;
    for (i, &term) in related.iter().enumerate() {
        let name = truncate(&app.content.terms[term].name, width.max(1));
        let w = name.width() + if line.is_empty() { 0 } else { 3 };
        if !line.is_empty() && used + w > width {
            lines.push(Line::from(std::mem::take(&mut line)));
            used = 0;
        }
        if !line.is_empty() {
            line.push(Span::styled(" · ", t.dim));
            used += 3;
        }
        used += name.width();
        let style = if focused && i == app.compare.term { t.selected } else { t.text };
        line.push(Span::styled(name, style));
    }
    if !line.is_empty() {
        lines.push(Line::from(line));
    }
    lines
}

/// The text of discipline `i`'s pane, wrapped to `width`.
pub fn pane_lines(app: &App, i: usize, width: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let mut lines = Vec::new();
    match app.compare.dimension() {
        Some(d) => {
            for point in &app.content.dimensions[d].points[i] {
                lines.extend(
                    wrap_hanging(point, width, "• ", "  ").into_iter().map(|l| Line::styled(l, t.text)),
                );
            }
        }
        None => {
            let disc = &app.content.disciplines[i];
            lines.extend(wrap_text(&disc.summary, width).into_iter().map(|l| Line::styled(l, t.text)));
            if !disc.sources.is_empty() {
                lines.push(Line::default());
                lines.extend(sources_lines(app, &disc.sources, width));
            }
        }
    }
    lines
}

fn sources_lines(app: &App, sources: &[usize], width: usize) -> Vec<Line<'static>> {
    let cites: Vec<&str> = sources.iter().map(|&s| app.content.sources[s].label()).collect();
    let label = if cites.len() == 1 { "Source: " } else { "Sources: " };
    let t = app.theme;
    labelled(label, &cites.join("; "), width, t.dim.patch(t.emphasis), t.dim)
}

/// The text of the box below the panes: the overlap, the note and the sources.
pub fn overlap_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let Some(d) = app.compare.dimension() else {
        return Vec::new();
    };
    let dim = &app.content.dimensions[d];
    let mut lines: Vec<Line<'static>> = Vec::new();
    if let Some(overlap) = &dim.overlap {
        lines.extend(wrap_text(overlap, width).into_iter().map(|l| Line::styled(l, t.text)));
    }
    if let Some(note) = &dim.note {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.extend(labelled("Note: ", note, width, t.warning.patch(t.emphasis), t.text));
    }
    if !lines.is_empty() {
        lines.push(Line::default());
    }
    lines.extend(sources_lines(app, &dim.sources, width));
    lines
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    // The list's first entry is the at-a-glance matrix, drawn across the whole body.
    if app.compare.on_matrix() {
        return super::matrix::render(app, area, buf);
    }
    let mut g = geometry(app, area);
    render_list(app, g.list, buf);
    super::draw::draw_lines(buf, g.header, &g.header_lines, 0);
    for (i, pane) in g.panes.iter().enumerate() {
        let disc = &app.content.disciplines[i];
        let title = pane_title(&disc.name, &disc.short, pane.width);
        let lines = std::mem::take(&mut g.pane_lines[i]);
        let title = Line::from(Span::styled(title, app.theme.discipline(disc.color)));
        let focused = app.compare.focus == CompareFocus::Pane(i);
        scrolled_box(app, *pane, framed(app, title, focused), lines, app.compare.scroll[i], buf);
    }
    if let Some(overlap) = g.overlap {
        let has_text =
            app.compare.dimension().and_then(|d| app.content.dimensions[d].overlap.as_ref()).is_some();
        let label = if has_text {
            if app.content.disciplines.len() == 2 {
                " ◆ Overlap: shared by both "
            } else {
                " ◆ Overlap: shared by all "
            }
        } else {
            " Notes and sources "
        };
        let title = Line::from(Span::styled(label, app.theme.overlap));
        let slot = app.content.disciplines.len();
        let lines = std::mem::take(&mut g.overlap_lines);
        let focused = app.compare.focus == CompareFocus::Overlap;
        scrolled_box(app, overlap, framed(app, title, focused), lines, app.compare.scroll[slot], buf);
    }
    if let Some(area) = g.terms {
        let focused = app.compare.focus == CompareFocus::Terms;
        let hint = if focused { " Related terms: Enter opens in the glossary " } else { " Related terms " };
        let title = Line::styled(hint, app.theme.title);
        let lines = std::mem::take(&mut g.term_lines);
        // Keep the highlighted term's line in view.
        let row =
            lines.iter().position(|l| l.spans.iter().any(|s| s.style == app.theme.selected)).unwrap_or(0)
                as u16;
        let scroll = row.saturating_sub(area.height.saturating_sub(3));
        scrolled_box(app, area, framed(app, title, focused), lines, scroll, buf);
    }
}

/// "Name (SHORT)" when it fits, else the name, else the short name.
fn pane_title(name: &str, short: &str, width: u16) -> String {
    let room = (width as usize).saturating_sub(4);
    let full = format!(" {name} ({short}) ");
    if full.width() <= room {
        return full;
    }
    let name_only = format!(" {name} ");
    if name_only.width() <= room {
        return name_only;
    }
    truncate(&format!(" {short} "), room)
}

fn render_list(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let focused = app.compare.focus == CompareFocus::List;
    let position = format!(" {}/{} ", app.compare.selected, app.content.dimensions.len());
    let block = framed(app, Line::styled(" Dimensions ", t.title), focused)
        .padding(Padding::ZERO)
        .title_bottom(Line::styled(position, t.dim).right_aligned());
    let inner = block.inner(area);
    block.render(area, buf);
    let height = inner.height as usize;
    let (rows, offset) = list_window(app, height);
    let width = inner.width as usize;
    let lines: Vec<Line> = rows
        .iter()
        .skip(offset)
        .take(height)
        .map(|row| {
            let selected = *row == selected_row_of(app);
            let (text, style) = match *row {
                Row::Overview => (entry_text("At a glance", selected, width), t.item),
                Row::Group(g) => (truncate(&app.content.groups[g].title, width), t.group),
                Row::Dimension(e) => {
                    (entry_text(&app.content.dimensions[e - 1].title, selected, width), t.item)
                }
            };
            let style = match (selected, focused) {
                (true, true) => t.selected,
                (true, false) => t.selected_unfocused,
                _ => style,
            };
            // Pad the selected row so its highlight spans the list.
            let pad = width.saturating_sub(text.width());
            let text = if selected { format!("{text}{}", " ".repeat(pad)) } else { text };
            Line::styled(text, style)
        })
        .collect();
    super::draw::draw_lines(buf, inner, &lines, 0);
}

/// The list's rows and the first one shown in `height` rows.
fn list_window(app: &App, height: usize) -> (&[Row], usize) {
    let rows = &app.lookups.compare_rows;
    let selected_row = selected_row_index(app);
    let offset = super::list_offset(selected_row, rows.len(), height);
    (rows, offset)
}

/// The row of the selected entry: the overview is row 0; a dimension follows its group's
/// heading and every earlier group's rows.
fn selected_row_index(app: &App) -> usize {
    match app.compare.dimension() {
        None => 0,
        Some(d) => 1 + d + app.content.dimensions[d].group + 1,
    }
}

/// The list entry drawn at row `y` of the screen, if any (group headings are not entries).
pub fn entry_at(app: &App, y: u16) -> Option<usize> {
    let g = geometry(app, body_area(app));
    let inner = ratatui::widgets::Block::bordered().inner(g.list);
    if y < inner.y || y >= inner.bottom() {
        return None;
    }
    let (rows, offset) = list_window(app, inner.height as usize);
    match rows.get(offset + usize::from(y - inner.y))? {
        Row::Overview => Some(0),
        Row::Dimension(e) => Some(*e),
        Row::Group(_) => None,
    }
}

fn selected_row_of(app: &App) -> Row {
    match app.compare.selected {
        0 => Row::Overview,
        e => Row::Dimension(e),
    }
}

fn entry_text(title: &str, selected: bool, width: usize) -> String {
    let marker = if selected { "▸ " } else { "  " };
    truncate(&format!("{marker}{title}"), width)
}
