//! The Glossary tab: the terms (filtered by field) beside the selected term's definition and
//! the dimensions where it matters.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Padding, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::wrap::{wrap_hanging, wrap_text};
use super::{framed, labelled, list_lines, list_window_lines, record_list, record_list_region};
use crate::app::{App, GlossaryFocus};
use crate::view::{Drawn, Hit, Region};

fn split(body: Rect) -> [Rect; 2] {
    let list_w = (body.width * 2 / 5).clamp(16, 40);
    Layout::horizontal([Constraint::Length(list_w), Constraint::Fill(1)]).areas(body)
}

fn filter_label(app: &App) -> String {
    match app.glossary.filter {
        None => "all".to_string(),
        Some(owner) => app.content.owner_short(owner).to_string(),
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer, rec: &mut Drawn) {
    let t = super::styles(app);
    if app.content.terms.is_empty() {
        Paragraph::new("This content pack has no glossary (glossary.toml).").style(t.dim).render(area, buf);
        return;
    }
    let [list, detail] = split(area);
    let shown = app.glossary_terms();
    let focused = app.glossary.focus == GlossaryFocus::List;
    let title = Line::styled(format!(" Glossary: {} ", filter_label(app)), t.title);
    let pos = shown.iter().position(|&i| i == app.glossary.term).unwrap_or(0);
    let block = framed(app, title, focused).padding(Padding::ZERO).title_bottom(
        Line::styled(format!(" {}/{} · f filter ", pos + 1, shown.len()), t.dim).right_aligned(),
    );
    let inner = block.inner(list);
    block.render(list, buf);
    let width = inner.width as usize;
    // Each row: the name, and its field at the right edge.
    let item = |k: usize| {
        let term = &app.content.terms[shown[k]];
        let owner = app.content.owner_short(term.owner);
        let room = width.saturating_sub(owner.width() + 4);
        let name = super::truncate(&term.name, room);
        format!("{name}{}{owner}", " ".repeat(room.saturating_sub(name.width()) + 1))
    };
    let lines = list_window_lines(app, shown.len(), item, pos, focused, inner.height as usize, width);
    super::draw::draw_lines(buf, inner, &lines, 0);
    record_list(rec, Region::GlossaryList, (list, inner), pos, shown.len(), |k| Hit::Term(shown[k]));
    if shown.is_empty() {
        return;
    }
    render_detail(app, detail, buf, rec);
}

fn render_detail(app: &App, area: Rect, buf: &mut Buffer, rec: &mut Drawn) {
    let t = super::styles(app);
    let Some(term) = app.content.terms.get(app.glossary.term) else { return };
    let text_area = Rect { x: area.x + 1, width: area.width.saturating_sub(2), ..area };
    let width = text_area.width as usize;
    let mut lines: Vec<Line> =
        wrap_hanging(&term.name, width, "", "").into_iter().map(|l| Line::styled(l, t.title)).collect();
    let field = |label: &str, value: &str, lines: &mut Vec<Line<'static>>| {
        lines.extend(labelled(label, value, width, t.dim, Style::new()));
    };
    field("Field  ", app.content.owner_name(term.owner), &mut lines);
    if !term.aliases.is_empty() {
        field("Also   ", &term.aliases.join(", "), &mut lines);
    }
    lines.push(Line::default());
    lines.extend(wrap_text(&term.definition, width).into_iter().map(|l| Line::styled(l, t.text)));
    lines.push(Line::default());
    let cites: Vec<&str> = term.sources.iter().map(|&s| app.content.sources[s].label()).collect();
    field(if cites.len() == 1 { "Source  " } else { "Sources " }, &cites.join("; "), &mut lines);
    let related_h = (term.related.len() as u16 + 2).min(area.height / 2).max(3);
    let [top, bottom] = Layout::vertical([Constraint::Fill(1), Constraint::Length(related_h)]).areas(area);
    super::draw::draw_lines(buf, top.intersection(text_area), &lines, 0);

    let focused = app.glossary.focus == GlossaryFocus::Related;
    let title = if focused { " Related dimensions: Enter opens " } else { " Related dimensions " };
    let block = framed(app, Line::styled(title, t.title), focused).padding(Padding::ZERO);
    let inner = block.inner(bottom);
    block.render(bottom, buf);
    let items: Vec<String> = term.related.iter().map(|&d| app.content.dimensions[d].title.clone()).collect();
    let lines =
        list_lines(app, &items, app.glossary.related, focused, inner.height as usize, inner.width as usize);
    super::draw::draw_lines(buf, inner, &lines, 0);
    record_list_region(rec, Region::GlossaryRelated, (bottom, inner), app.glossary.related, items.len());
}
