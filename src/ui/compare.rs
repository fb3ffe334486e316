//! The Compare tab: a dimension read across the whole width, its facets aligned across the
//! fields (see `reading`), with the grouped list of dimensions beside it while the list has
//! focus, and the related glossary terms on the last row.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Padding;
use unicode_width::UnicodeWidthStr;

use super::reading::{self, Columns, Row};
use super::wrap::wrap_text;
use super::{framed, truncate};
use crate::app::{App, CompareFocus, CompareRow as ListRow};
use crate::view::{Drawn, Hit, ListCursor, Region};

/// Rows the reading text keeps at least, below a summary shown above it.
const MIN_TEXT_ROWS: u16 = 3;
/// Below this height the related terms' row is left out: the text needs every row.
const TERMS_FROM_HEIGHT: u16 = 14;

pub fn render(app: &App, area: Rect, buf: &mut Buffer, rec: &mut Drawn) {
    // The list's first entry is the at-a-glance matrix, drawn across the whole body.
    if app.compare.on_matrix() {
        return super::matrix::render(app, area, buf, rec);
    }
    let detail = if app.compare.list_shown() {
        let list_w = list_width(app, area.width);
        let [list, detail] =
            Layout::horizontal([Constraint::Length(list_w), Constraint::Fill(1)]).areas(area);
        render_list(app, list, buf, rec);
        detail
    } else {
        area
    };
    render_reading(app, detail, buf, rec);
}

fn list_width(app: &App, body_width: u16) -> u16 {
    app.lookups.compare_list_width.clamp(16, 36).min(body_width * 2 / 5)
}

/// The dimension: its title, summary and the fields' names fixed at the top, the aligned
/// text below them in one scroll, the related terms on the last row.
fn render_reading(app: &App, area: Rect, buf: &mut Buffer, rec: &mut Drawn) {
    let t = super::styles(app);
    // A column of margin on the left; on the right, one more and the scrollbar's.
    let text = Rect { x: area.x + 1, width: area.width.saturating_sub(3), ..area };
    let width = text.width as usize;
    if width == 0 || area.height == 0 {
        return;
    }
    let related = app.related_terms();
    let terms_h = u16::from(!related.is_empty() && area.height >= TERMS_FROM_HEIGHT);
    let blocks = reading::blocks(app);
    let cols = Columns::new(app.content.disciplines.len(), width, reading::label_need(&blocks));
    // On a very wide screen the text keeps to the columns' width, and so does what heads it.
    let width = cols.used();
    let text = Rect { width: width as u16, ..text };
    let summary = summary_of(app);
    let summary_lines = summary.as_deref().map(|s| wrap_text(s, width)).unwrap_or_default();
    let heads_h = u16::from(!cols.stacked);
    // The summary stays above the columns when it leaves the text a few rows; otherwise the
    // title leads it into the scrolled text, whole, and the first points follow it.
    let fixed = 1 + summary_lines.len() as u16 + heads_h;
    let summary_above = fixed + MIN_TEXT_ROWS + terms_h <= area.height;
    let opening = (!summary_above).then(|| title_and_summary(app, summary.as_deref()));
    let above = if summary_above { fixed } else { heads_h };
    let rows = area.height.saturating_sub(above + terms_h) as usize;
    let doc = reading::reading(app, &blocks, &cols, opening.as_ref(), rows);
    let mut y = text.y;
    if summary_above {
        super::draw::draw_line(buf, text.x, y, text.right(), &title_line(app, width));
        y += 1;
        for l in &summary_lines {
            super::draw::draw_line(buf, text.x, y, text.right(), &Line::styled(l.clone(), t.emphasis));
            y += 1;
        }
    }
    if heads_h > 0 && y < area.bottom() {
        draw_row(buf, text, y, &reading::column_heads(app, &cols));
        y += 1;
    }
    let body = Rect { y, height: area.bottom().saturating_sub(y + terms_h), ..text };
    let len = doc.rows.len();
    let max = len.saturating_sub(body.height as usize);
    let wanted = match app.compare.scroll_to {
        // A searched-for point: its row at the top, as far as the text goes.
        Some((field, point)) => {
            doc.point_rows.get(field).and_then(|p| p.get(point)).copied().unwrap_or(0).min(u16::MAX as usize)
                as u16
        }
        None => app.compare.scroll,
    };
    let offset = (wanted as usize).min(max);
    for (k, row) in doc.rows.iter().skip(offset).take(body.height as usize).enumerate() {
        draw_row(buf, body, body.y + k as u16, row);
    }
    if len > body.height as usize && body.height > 0 {
        let bar = Rect { x: area.right() - 1, width: 1, ..body };
        super::scrollbar(buf, bar, max, offset, t.border);
    }
    rec.show(
        Region::Reading,
        Rect { y: area.y, height: area.height - terms_h, ..area },
        body.height,
        len,
        offset,
    );
    if app.compare.scroll_to.is_some() {
        rec.resolved_scroll = Some(offset as u16);
    }
    if terms_h > 0 {
        let strip = Rect { y: area.bottom() - 1, height: 1, ..text };
        render_terms(app, &related, strip, buf, rec);
    }
}

fn draw_row(buf: &mut Buffer, area: Rect, y: u16, row: &Row) {
    for (x, line) in &row.parts {
        let x = area.x.saturating_add(*x as u16);
        if x < area.right() {
            super::draw::draw_line(buf, x, y, area.right(), line);
        }
    }
}

/// The dimension's summary, or what the fields' page is.
fn summary_of(app: &App) -> Option<String> {
    match app.compare.dimension() {
        Some(d) => app.content.dimensions[d].summary.clone(),
        None => Some("What each field covers, in a paragraph each.".to_string()),
    }
}

/// The title and the summary as one paragraph, for a screen too short for both above the
/// text.
fn title_and_summary(app: &App, summary: Option<&str>) -> (String, String) {
    let title = match app.compare.dimension() {
        Some(d) => app.content.dimensions[d].title.clone(),
        None => "The fields".to_string(),
    };
    (title, summary.unwrap_or_default().to_string())
}

/// The title, where it stands, and what the two toggles would do, as far as they fit.
fn title_line(app: &App, width: usize) -> Line<'static> {
    let t = super::styles(app);
    let (title, context) = match app.compare.dimension() {
        None => ("The fields".to_string(), None),
        Some(d) => {
            let dim = &app.content.dimensions[d];
            let group = &app.content.groups[dim.group].title;
            (dim.title.clone(), Some((format!("{}/{}", d + 1, app.content.dimensions.len()), group.clone())))
        }
    };
    let has_note = app.compare.dimension().is_some_and(|d| app.content.dimensions[d].note.is_some());
    let sources = match (app.compare.sources, has_note && !app.compare.differences) {
        (true, _) => "s hide sources",
        (false, true) => "s sources & note",
        (false, false) => "s sources",
    };
    let differences = match (app.compare.dimension(), app.compare.differences) {
        (None, _) => "",
        (_, true) => "d show shared",
        (_, false) => "d differences only",
    };
    let toggles =
        [sources, differences].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join("  ");
    let mut spans = vec![Span::styled(truncate(&title, width), t.title)];
    let mut used = title.width().min(width);
    if let Some((position, group)) = context {
        for extra in [position, group] {
            let piece = format!("  {extra}");
            if used + piece.width() + 2 + toggles.width() <= width {
                used += piece.width();
                spans.push(Span::styled(piece, t.dim));
            }
        }
    }
    if used + 2 + toggles.width() <= width {
        spans.push(Span::raw(" ".repeat(width - used - toggles.width())));
        spans.push(Span::styled(toggles, t.dim));
    }
    Line::from(spans)
}

/// The related terms on one row: "Terms" then their names, the highlighted one reversed
/// while the row has focus; the row starts late enough to show it.
fn render_terms(app: &App, related: &[usize], area: Rect, buf: &mut Buffer, rec: &mut Drawn) {
    let t = super::styles(app);
    let focused = app.compare.focus == CompareFocus::Terms;
    let selected = app.compare.term.min(related.len().saturating_sub(1));
    let head = if focused { "Terms (Enter opens): " } else { "Terms: " };
    let width = area.width as usize;
    let names: Vec<String> = related.iter().map(|&r| app.content.terms[r].name.clone()).collect();
    let room = width.saturating_sub(head.width() + 2);
    // The first name shown: as early as still shows the highlighted one.
    let span_width = |from: usize, to: usize| names[from..=to].iter().map(|n| n.width() + 3).sum::<usize>();
    let mut first = 0;
    while first < selected && span_width(first, selected) > room {
        first += 1;
    }
    let mut spans = vec![Span::styled(head, t.dim)];
    let mut x = area.x + head.width() as u16;
    if first > 0 {
        spans.push(Span::styled("… ", t.dim));
        x += 2;
    }
    for (i, name) in names.iter().enumerate().skip(first) {
        let left = usize::from(area.right().saturating_sub(x));
        let sep = if i > first { 3 } else { 0 };
        if name.width() + sep > left {
            spans.push(Span::styled(if left > sep { " …" } else { "" }, t.dim));
            break;
        }
        if sep > 0 {
            spans.push(Span::styled(" · ", t.dim));
            x += 3;
        }
        let style = if focused && i == selected { t.selected } else { t.text };
        spans.push(Span::styled(name.clone(), style));
        rec.hit_area(Rect { x, width: name.width() as u16, ..area }, Hit::Term(related[i]));
        x += name.width() as u16;
    }
    super::draw::draw_line(buf, area.x, area.y, area.right(), &Line::from(spans));
    rec.show(Region::Terms, area, 1, related.len(), first);
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
            ListRow::Overview => 0,
            ListRow::Dimension(e) => e,
            ListRow::Group(_) => continue,
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
                ListRow::Overview => (entry_text("At a glance", selected, width), t.item),
                ListRow::Group(g) => (truncate(&app.content.groups[g].title, width), t.group),
                ListRow::Dimension(e) => {
                    let title = format!("{} {}", marks(app, e - 1), app.content.dimensions[e - 1].title);
                    (entry_text(&title, selected, width), t.item)
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
fn list_window(app: &App, height: usize) -> (&[ListRow], usize) {
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

fn selected_row_of(app: &App) -> ListRow {
    match app.compare.selected {
        0 => ListRow::Overview,
        e => ListRow::Dimension(e),
    }
}

/// A dimension's marks before its title, in symbols (never colour alone; help explains
/// them): its quiz mastery, then whether it has been read.
fn marks(app: &App, d: usize) -> String {
    use crate::quiz::Mastery;
    let mastery = match app.quiz.mastery.get(d) {
        Some(Mastery::Known) => '\u{25cf}',
        Some(Mastery::Learning) => '\u{25d0}',
        Some(Mastery::New) | None => '\u{25cb}',
    };
    let read = if app.compare.read.get(d).copied().unwrap_or(false) { '\u{2713}' } else { ' ' };
    format!("{mastery}{read}")
}

fn entry_text(title: &str, selected: bool, width: usize) -> String {
    let marker = if selected { "▸ " } else { "  " };
    truncate(&format!("{marker}{title}"), width)
}
