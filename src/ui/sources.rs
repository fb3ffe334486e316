//! The Sources tab: every source the content cites, what it is, and which dimensions cite it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Padding;

use super::wrap::wrap_hanging;
use super::{framed, labelled, list_lines, record_list, record_list_region};
use crate::app::{App, SourcesFocus};
use crate::view::{Drawn, Hit, Region};

fn split(body: Rect) -> [Rect; 2] {
    let list_w = (body.width * 2 / 5).clamp(16, 48);
    Layout::horizontal([Constraint::Length(list_w), Constraint::Fill(1)]).areas(body)
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer, rec: &mut Drawn) {
    let [list, detail] = split(area);
    render_list(app, list, buf, rec);
    render_detail(app, detail, buf, rec);
}

fn bordered(app: &App, title: &'static str, focused: bool) -> super::draw::BoxFrame<'static> {
    framed(app, Line::styled(title, super::styles(app).title), focused).padding(Padding::ZERO)
}

fn render_list(app: &App, area: Rect, buf: &mut Buffer, rec: &mut Drawn) {
    let focused = app.sources.focus == SourcesFocus::List;
    let block = bordered(app, " Sources ", focused).title_bottom(
        Line::styled(
            format!(" {}/{} ", app.sources.selected + 1, app.content.sources.len()),
            super::styles(app).dim,
        )
        .right_aligned(),
    );
    let inner = block.inner(area);
    block.render(area, buf);
    // The short label: the full citation repeats for chapters of one book and would truncate alike.
    let items: Vec<String> = app.content.sources.iter().map(|s| s.label().to_string()).collect();
    let lines =
        list_lines(app, &items, app.sources.selected, focused, inner.height as usize, inner.width as usize);
    super::draw::draw_lines(buf, inner, &lines, 0);
    record_list(rec, Region::SourcesList, (area, inner), app.sources.selected, items.len(), Hit::Source);
}

fn render_detail(app: &App, area: Rect, buf: &mut Buffer, rec: &mut Drawn) {
    let t = super::styles(app);
    let Some(source) = app.content.sources.get(app.sources.selected) else {
        return;
    };
    let cited = app.cited_by_selected();
    let text_area = Rect { x: area.x + 1, width: area.width.saturating_sub(2), ..area };
    let width = text_area.width as usize;
    let mut lines: Vec<Line> =
        wrap_hanging(&source.title, width, "", "").into_iter().map(|l| Line::styled(l, t.title)).collect();
    let mut field =
        |label: &str, value: &str| lines.extend(labelled(label, value, width, t.dim, Style::new()));
    if let Some(a) = &source.author {
        field("By    ", a);
    }
    if let Some(y) = source.year {
        field("Year  ", &y.to_string());
    }
    if let Some(u) = &source.url {
        field("URL   ", u);
    }
    if let Some(n) = &source.note {
        field("Note  ", n);
    }
    field("Id    ", &source.id);
    let used = (lines.len() as u16).min(area.height / 2);
    let [top, bottom] = Layout::vertical([Constraint::Length(used + 1), Constraint::Fill(1)]).areas(area);
    super::draw::draw_lines(buf, top.intersection(text_area), &lines, 0);

    let focused = app.sources.focus == SourcesFocus::CitedBy;
    let title = if cited.is_empty() { " Not cited by any dimension " } else { " Cited by (Enter opens) " };
    let block = bordered(app, title, focused);
    let inner = block.inner(bottom);
    block.render(bottom, buf);
    let items: Vec<String> = cited.iter().map(|&d| app.content.dimensions[d].title.clone()).collect();
    let lines =
        list_lines(app, &items, app.sources.cited, focused, inner.height as usize, inner.width as usize);
    super::draw::draw_lines(buf, inner, &lines, 0);
    record_list_region(rec, Region::CitedBy, (bottom, inner), app.sources.cited, items.len());
}
