//! The search overlay: the text typed, and the ranked results with their matched letters.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};
use unicode_width::UnicodeWidthChar;

use super::draw::{Border, BoxFrame};
use super::truncate;
use crate::app::App;
use crate::search::{Detail, Target};
use crate::view::{Drawn, Hit, Region};

fn area_in(body: Rect) -> Rect {
    let w = body.width.saturating_sub(4).min(100);
    let h = body.height.saturating_sub(2);
    Rect { x: body.x + (body.width - w) / 2, y: body.y + (body.height - h) / 2, width: w, height: h }
}

fn block(app: &App) -> BoxFrame<'static> {
    let t = super::styles(app);
    BoxFrame::new(Line::styled(" Search ", t.title), Border::Double, t.border)
        .title_bottom(Line::styled(" ↑↓ choose · Enter go · Esc close ", t.dim))
}

/// Where a hit lives, in a word or two.
fn label(app: &App, target: Target) -> String {
    let c = &app.content;
    match target {
        Target::Dimension(_) => "Compare".into(),
        Target::Point { discipline, .. } => format!("{} point", c.disciplines[discipline].short),
        Target::Detail(_, Detail::Summary) => "Summary".into(),
        Target::Detail(_, Detail::Shared) => "Shared".into(),
        Target::Detail(_, Detail::Note) => "Note".into(),
        Target::Term(_) => "Term".into(),
        Target::Definition(_) => "Definition".into(),
        Target::Question(_) => "Quiz".into(),
    }
}

/// The dimension (or term) a hit belongs to, for context after its text.
fn context(app: &App, target: Target) -> Option<String> {
    let c = &app.content;
    match target {
        Target::Point { dimension, .. } | Target::Detail(dimension, _) => {
            Some(c.dimensions[dimension].title.clone())
        }
        Target::Definition(t) => Some(c.terms[t].name.clone()),
        Target::Question(q) => Some(c.dimensions[c.questions[q].dimension].title.clone()),
        Target::Dimension(_) | Target::Term(_) => None,
    }
}

pub fn render(app: &App, body: Rect, buf: &mut Buffer, rec: &mut Drawn) {
    let t = super::styles(app);
    let Some(search) = app.search.as_ref() else { return };
    let Some(index) = app.search_index.as_ref() else { return };
    let area = area_in(body);
    Clear.render(area, buf);
    let block = block(app);
    let inner = block.inner(area);
    block.render(area, buf);
    let width = inner.width as usize;
    let count = match search.hits.len() {
        0 if search.query.is_empty() => "type to search dimensions, points, terms and questions".to_string(),
        0 => "no matches".to_string(),
        1 => "1 result".to_string(),
        n => format!("{n} results"),
    };
    let mut lines = vec![
        Line::from(vec![
            Span::styled("/ ", t.key),
            Span::styled(search.query.clone(), t.emphasis),
            // A block cursor drawn as text: the terminal's own cursor stays hidden.
            Span::styled(" ", Style::new().add_modifier(Modifier::REVERSED)),
            Span::styled(format!("   {count}"), t.dim),
        ]),
        Line::default(),
    ];
    let rows = (inner.height as usize).saturating_sub(2);
    // The window follows the selection down, keeping it on the last row.
    let offset = search.selected.saturating_sub(rows.saturating_sub(1));
    rec.show(Region::Search, area, inner.height, 0, 0);
    let results = Rect { y: inner.y + 2, height: rows as u16, ..inner }.intersection(inner);
    rec.show(Region::SearchResults, results, results.height, search.hits.len(), offset);
    for (row, i) in (offset..search.hits.len().min(offset + rows)).enumerate() {
        rec.hit_area(Rect { y: results.y + row as u16, height: 1, ..results }, Hit::SearchResult(i));
    }
    for (i, hit) in search.hits.iter().enumerate().skip(offset).take(rows) {
        let item = &index.items[hit.item];
        let selected = i == search.selected;
        let tag = format!("{:<11}", label(app, item.target));
        let matched = search.matched.get(i).map(Vec::as_slice).unwrap_or(&[]);
        let base = if selected { t.selected } else { t.text };
        let mut spans = vec![Span::styled(tag.clone(), if selected { t.selected } else { t.dim })];
        spans.extend(highlighted(&item.text, matched, width.saturating_sub(tag.len()), base, app));
        if let Some(ctx) = context(app, item.target) {
            let used: usize = spans.iter().map(|s| s.width()).sum();
            if used + 6 < width {
                spans.push(Span::styled(
                    truncate(&format!("  · {ctx}"), width - used),
                    if selected { t.selected } else { t.dim },
                ));
            }
        }
        lines.push(Line::from(spans));
    }
    super::draw::draw_lines(buf, inner, &lines, 0);
}

/// The text cut to `width`, starting near the first match when that would be off the end,
/// with the matched characters underlined and bold (not colour alone).
fn highlighted(text: &str, matched: &[usize], width: usize, base: Style, app: &App) -> Vec<Span<'static>> {
    let first = matched.first().copied().unwrap_or(0);
    // Show from a little before the first match if it would not fit otherwise.
    let prefix_w: usize = text.chars().take(first).map(|c| c.width().unwrap_or(0)).sum();
    let start = if prefix_w + 10 > width { first.saturating_sub(8) } else { 0 };
    let hit = base.patch(super::styles(app).key).add_modifier(Modifier::UNDERLINED);
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0;
    if start > 0 {
        spans.push(Span::styled("…", base));
        used += 1;
    }
    // Only the characters that fit are visited: a long definition costs no more than a
    // short one.
    let mut next_match = matched.iter().copied().skip_while(|&m| m < start).peekable();
    let mut chars = text.chars().enumerate().skip(start).peekable();
    while let Some((i, c)) = chars.next() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width && chars.peek().is_some() {
            spans.push(Span::styled("…", base));
            break;
        }
        let style = if next_match.next_if_eq(&i).is_some() { hit } else { base };
        match spans.last_mut() {
            Some(last) if last.style == style => last.content.to_mut().push(c),
            _ => spans.push(Span::styled(c.to_string(), style)),
        }
        used += w;
    }
    spans
}
