//! The "Which field fits me?" tab: a statement to rate, and the result.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Padding, Paragraph, Widget};

use super::wrap::{wrap_hanging, wrap_text};
use super::{framed, list_lines, record_list_region, scrolled_box, truncate};
use crate::app::{App, FitScreen};
use crate::fit::NEUTRAL;
use crate::keymap::rating_letter;
use crate::view::{Drawn, Region};
use unicode_width::UnicodeWidthStr;

const SCALE: [&str; 5] = ["strongly dislike", "dislike", "neutral", "like", "strongly like"];

/// Said on both screens: what this is and is not.
const NOTE: &str = "A reflection aid, not a test: it mirrors back what you said you enjoy, using the \
    comparison's own split of the work. Many people enjoy both fields, and the work overlaps, \
    especially in small firms. Read the dimensions it suggests, and decide with your education, \
    skills and goals in mind.";

pub fn render(app: &App, area: Rect, buf: &mut Buffer, rec: &mut Drawn) {
    if app.content.fit.statements.is_empty() {
        Paragraph::new("This content pack has no self-assessment (fit.toml).")
            .style(super::styles(app).dim)
            .render(area, buf);
        return;
    }
    match app.fit.screen {
        FitScreen::Statements => render_statements(app, area, buf),
        FitScreen::Result => render_result(app, area, buf, rec),
    }
}

fn render_statements(app: &App, area: Rect, buf: &mut Buffer) {
    let t = super::styles(app);
    let f = &app.fit;
    let n = app.content.fit.statements.len();
    let [head, main, list, note] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(9),
        Constraint::Fill(1),
        Constraint::Length(3),
    ])
    .areas(area);
    let label = format!(" Statement {} of {n} · {} rated ", f.current + 1, f.rated());
    let [l, g] =
        Layout::horizontal([Constraint::Length(label.len() as u16), Constraint::Fill(1)]).areas(head);
    Line::styled(label, t.title).render(l, buf);
    LineGauge::default().ratio(f.rated() as f64 / n as f64).render(g, buf);

    let statement = &app.content.fit.statements[f.current];
    let block = framed(app, Line::styled(" How much would you enjoy this? ", t.title), true);
    let inner_w = block.inner(main).width as usize;
    let mut lines: Vec<Line> =
        wrap_text(&statement.text, inner_w).into_iter().map(|l| Line::styled(l, t.emphasis)).collect();
    lines.push(Line::default());
    let chosen = f.ratings[f.current];
    // The scale wraps rather than losing its last choices on a narrow screen.
    let mut row: Vec<Span> = Vec::new();
    let mut used = 0;
    for (i, name) in SCALE.iter().enumerate() {
        let r = i as u8 + 1;
        let on = chosen == Some(r);
        let text = format!("{} {} {name}", if on { "●" } else { "○" }, rating_letter(r));
        let w = text.width() + 2;
        if used > 0 && used + w > inner_w + 2 {
            lines.push(Line::from(std::mem::take(&mut row)));
            used = 0;
        }
        used += w;
        row.push(Span::styled(text, if on { t.selected } else { t.text }));
        row.push(Span::raw("  "));
    }
    lines.push(Line::from(row));
    lines.push(Line::default());
    lines.extend(
        wrap_text("Press a to e to rate; ↑↓ to go back and change; Enter for the result.", inner_w)
            .into_iter()
            .map(|l| Line::styled(l, t.dim)),
    );
    scrolled_box(app, main, block, lines, 0, buf);

    // Every statement with its rating, so answers can be seen and revisited.
    let block = framed(app, Line::styled(" Your ratings ", t.title), false).padding(Padding::ZERO);
    let inner = block.inner(list);
    block.render(list, buf);
    let items: Vec<String> = app
        .content
        .fit
        .statements
        .iter()
        .zip(&f.ratings)
        .map(|(s, r)| format!("{}  {}", r.map_or('·', rating_letter), s.text))
        .collect();
    super::draw::draw_lines(
        buf,
        inner,
        &list_lines(app, &items, f.current, false, inner.height as usize, inner.width as usize),
        0,
    );
    note_lines(app, note, buf);
}

fn note_lines(app: &App, area: Rect, buf: &mut Buffer) {
    let lines: Vec<Line> = wrap_text(NOTE, area.width.saturating_sub(2) as usize)
        .into_iter()
        .map(|l| Line::styled(format!(" {l}"), super::styles(app).dim))
        .collect();
    super::draw::draw_lines(buf, area, &lines, 0);
}

fn bar(score: u8) -> String {
    let filled = usize::from(score) / 10;
    format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled))
}

/// The result's text (scores, note, what moved them, roles) above, the suggestions below.
fn result_geometry(app: &App, area: Rect) -> [Rect; 2] {
    let n = app.fit_result().read_next.len() as u16;
    let list_h = if n == 0 { 3 } else { (n + 2).min(7) }.min(area.height / 3);
    Layout::vertical([Constraint::Fill(1), Constraint::Length(list_h)]).areas(area)
}

fn render_result(app: &App, area: Rect, buf: &mut Buffer, rec: &mut Drawn) {
    let t = super::styles(app);
    let c = &app.content;
    let r = app.fit_result();
    let [top, bottom] = result_geometry(app, area);
    let lines = result_lines(app, top.width.saturating_sub(4) as usize);
    let block = framed(app, Line::styled(" Which field fits me? Your result ", t.title), false);
    let shown = scrolled_box(app, top, block, lines, app.fit.scroll, buf);
    rec.show_viewport(Region::FitText, top, shown);
    let items: Vec<String> = r.read_next.iter().map(|&d| c.dimensions[d].title.clone()).collect();
    let block = framed(app, Line::styled(" Worth reading next: Enter opens in Compare ", t.title), true)
        .padding(Padding::ZERO);
    let inner = block.inner(bottom);
    block.render(bottom, buf);
    let list = if items.is_empty() {
        vec![Line::styled(" Rate a statement 4 or 5 to get suggestions.", t.dim)]
    } else {
        list_lines(app, &items, app.fit.next, true, inner.height as usize, inner.width as usize)
    };
    super::draw::draw_lines(buf, inner, &list, 0);
    record_list_region(rec, Region::FitNext, (bottom, inner), app.fit.next, items.len());
}

fn result_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = super::styles(app);
    let c = &app.content;
    let r = app.fit_result();
    let mut lines: Vec<Line> = Vec::new();
    let name_w = c.disciplines.iter().map(|d| d.name.len()).max().unwrap_or(0).min(width / 2);
    for &d in &r.ranking {
        let disc = &c.disciplines[d];
        lines.push(Line::from(vec![
            Span::styled(format!("{:<name_w$}  ", truncate(&disc.name, name_w)), t.discipline(disc.color)),
            Span::styled(format!("{:>3}/100 {}", r.scores[d], bar(r.scores[d])), t.emphasis),
        ]));
    }
    if app.fit.rated() < c.fit.statements.len() {
        let open = c.fit.statements.len() - app.fit.rated();
        lines.push(Line::styled(format!("({open} statements not rated count as neutral.)"), t.dim));
    }
    lines.push(Line::default());
    lines.extend(wrap_text(NOTE, width).into_iter().map(|l| Line::styled(l, t.warning)));
    lines.push(Line::default());
    lines.push(Line::styled("What moved each score most", t.group));
    for &d in &r.ranking {
        for &(s, m) in r.movers[d].iter().filter(|(_, m)| *m != 0).take(3) {
            let rating = app.fit.ratings[s].unwrap_or(NEUTRAL);
            let sign = if m > 0 { "+" } else { "−" };
            let scale = SCALE[usize::from(rating.clamp(1, 5)) - 1];
            let text = format!("{} ({scale}): {}", c.disciplines[d].short, c.fit.statements[s].text);
            lines.extend(
                wrap_hanging(&text, width, &format!("{sign} "), "  ")
                    .into_iter()
                    .map(|l| Line::styled(l, t.text)),
            );
        }
    }
    if r.movers.iter().all(|m| m.iter().all(|(_, mv)| *mv == 0)) {
        lines.push(Line::styled("Nothing yet: every rating is neutral.", t.dim));
    }
    if let Some(roles) = c.fit.roles_dimension {
        lines.push(Line::default());
        lines.push(Line::styled(format!("Typical roles ({})", c.dimensions[roles].title), t.group));
        for &d in &r.ranking {
            lines.push(Line::styled(c.disciplines[d].name.clone(), t.discipline(c.disciplines[d].color)));
            for role in &c.dimensions[roles].points[d] {
                lines.extend(
                    wrap_hanging(role, width, "• ", "  ").into_iter().map(|l| Line::styled(l, t.text)),
                );
            }
        }
    }
    lines
}
