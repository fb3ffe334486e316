//! The Compare tab: a grouped list of dimensions beside one pane per discipline, aligned on
//! the same dimension, with the overlap, notes and sources below them.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Padding;
use unicode_width::UnicodeWidthStr;

use super::wrap::{wrap_hanging, wrap_text};
use super::{framed, labelled, scrolled_box, truncate};
use crate::app::{App, CompareFocus, CompareRow as Row};
use crate::view::{Drawn, Hit, ListCursor, Region};

/// At or below this many columns, the panes stack vertically.
pub const STACK_AT_WIDTH: u16 = 80;
/// Side by side, no pane gets narrower than this.
const MIN_PANE_WIDTH: u16 = 24;
/// The summary under the title never takes more lines than this.
const MAX_SUMMARY_LINES: usize = 4;

/// Where each part of the tab goes, and its text wrapped to fit: the heights depend on the
/// wrapped text, so it is wrapped once per frame here for both the layout and the drawing.
struct Geometry {
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

fn geometry(app: &App, body: Rect) -> Geometry {
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
    let overlap_h = if app.compare.has_overlap() {
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
        overlap: app.compare.has_overlap().then_some(overlap),
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

fn header_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let t = super::styles(app);
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

/// The line where point `point` of a pane `width` columns wide starts: only the wrapping
/// knows it, so a search result asks for it and the frame resolves it.
fn point_line(app: &App, pane: usize, point: usize, width: usize) -> u16 {
    let Some(d) = app.compare.dimension() else { return 0 };
    let dim = &app.content.dimensions[d];
    let before: usize =
        (0..point.min(dim.points[pane].len())).map(|p| point_wrapped(dim, pane, p, width).len()).sum();
    before.min(u16::MAX as usize) as u16
}

/// Point `p` of pane `pane` wrapped after its marker; a facet's point opens with its label.
fn point_wrapped(dim: &crate::content::Dimension, pane: usize, p: usize, width: usize) -> Vec<String> {
    let point = &dim.points[pane][p];
    let marker = dim.marker(p);
    let indent = " ".repeat(marker.width());
    match dim.facets.get(p) {
        Some(label) => wrap_hanging(&format!("{label}: {point}"), width, &marker, &indent),
        None => wrap_hanging(point, width, &marker, &indent),
    }
}

/// The related terms as a run of names, wrapped; the highlighted one reversed when focused.
fn term_lines(app: &App, related: &[usize], width: usize) -> Vec<Line<'static>> {
    let t = super::styles(app);
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
    let t = super::styles(app);
    let mut lines = Vec::new();
    match app.compare.dimension() {
        Some(d) => {
            let dim = &app.content.dimensions[d];
            for p in 0..dim.points[i].len() {
                let wrapped = point_wrapped(dim, i, p, width);
                // A facet's label leads its point, so the fields' points can be paired by it.
                let marker = dim.marker(p);
                let label = dim.facets.get(p).map(|l| format!("{marker}{l}:"));
                for (k, l) in wrapped.into_iter().enumerate() {
                    match label.as_deref().filter(|h| k == 0 && l.starts_with(h)) {
                        Some(head) => {
                            let rest = l[head.len()..].to_owned();
                            lines.push(Line::from(vec![
                                Span::styled(marker.clone(), t.text),
                                Span::styled(head[marker.len()..].to_owned(), t.emphasis),
                                Span::styled(rest, t.text),
                            ]));
                        }
                        None => lines.push(Line::styled(l, t.text)),
                    }
                }
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
    let t = super::styles(app);
    labelled(label, &cites.join("; "), width, t.dim.patch(t.emphasis), t.dim)
}

/// The text of the box below the panes: the overlap, the note and the sources.
pub fn overlap_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = super::styles(app);
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

pub fn render(app: &App, area: Rect, buf: &mut Buffer, rec: &mut Drawn) {
    // The list's first entry is the at-a-glance matrix, drawn across the whole body.
    if app.compare.on_matrix() {
        return super::matrix::render(app, area, buf, rec);
    }
    let mut g = geometry(app, area);
    render_list(app, g.list, buf, rec);
    super::draw::draw_lines(buf, g.header, &g.header_lines, 0);
    for (i, pane) in g.panes.iter().enumerate() {
        let disc = &app.content.disciplines[i];
        let title = pane_title(&disc.name, &disc.short, pane.width);
        let lines = std::mem::take(&mut g.pane_lines[i]);
        let title = Line::from(Span::styled(title, super::styles(app).discipline(disc.color)));
        let focused = app.compare.focus == CompareFocus::Pane(i);
        let requested = app.compare.scroll_to.filter(|(p, _)| *p == i);
        let scroll = match requested {
            Some((_, point)) => point_line(app, i, point, inner_width(pane.width)),
            None => app.compare.scroll[i],
        };
        let shown = scrolled_box(app, *pane, framed(app, title, focused), lines, scroll, buf);
        rec.show_viewport(Region::Pane(i), *pane, shown);
        if requested.is_some() {
            rec.resolved_scroll = Some((i, shown.offset));
        }
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
        let title = Line::from(Span::styled(label, super::styles(app).overlap));
        let slot = app.content.disciplines.len();
        let lines = std::mem::take(&mut g.overlap_lines);
        let focused = app.compare.focus == CompareFocus::Overlap;
        let shown =
            scrolled_box(app, overlap, framed(app, title, focused), lines, app.compare.scroll[slot], buf);
        rec.show_viewport(Region::Overlap, overlap, shown);
    }
    if let Some(area) = g.terms {
        let focused = app.compare.focus == CompareFocus::Terms;
        let hint = if focused { " Related terms: Enter opens in the glossary " } else { " Related terms " };
        let title = Line::styled(hint, super::styles(app).title);
        let lines = std::mem::take(&mut g.term_lines);
        // Keep the highlighted term's line in view.
        let row = lines
            .iter()
            .position(|l| l.spans.iter().any(|s| s.style == super::styles(app).selected))
            .unwrap_or(0) as u16;
        let scroll = row.saturating_sub(area.height.saturating_sub(3));
        let shown = scrolled_box(app, area, framed(app, title, focused), lines, scroll, buf);
        rec.show_viewport(Region::Terms, area, shown);
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

fn render_list(app: &App, area: Rect, buf: &mut Buffer, rec: &mut Drawn) {
    let t = super::styles(app);
    let focused = app.compare.focus == CompareFocus::List;
    let position = format!(" {}/{} ", app.compare.selected, app.content.dimensions.len());
    let block = framed(app, Line::styled(" Dimensions ", t.title), focused)
        .padding(Padding::ZERO)
        .title_bottom(Line::styled(position, t.dim).right_aligned());
    let inner = block.inner(area);
    block.render(area, buf);
    let height = inner.height as usize;
    let (rows, offset) = list_window(app, height);
    rec.show(Region::CompareList, area, inner.height, rows.len(), offset);
    for (y, row) in (inner.y..inner.bottom()).zip(rows.iter().skip(offset)) {
        let entry = match *row {
            Row::Overview => 0,
            Row::Dimension(e) => e,
            Row::Group(_) => continue,
        };
        rec.hit_area(Rect { y, height: 1, ..inner }, Hit::CompareEntry(entry));
    }
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
    let offset = ListCursor { selected: selected_row, len: rows.len(), rows: height }.offset();
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
