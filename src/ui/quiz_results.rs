//! The Quiz tab's results: the score, the breakdowns by group and by field, and the questions
//! missed, the highlighted one scrolled into view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::quiz::{inner_width, ok_style, warning_lines};
use super::wrap::wrap_hanging;
use super::{framed, scrolled_box, truncate};
use crate::app::App;
use crate::quiz::About;
use crate::quiz::card::both_label;
use crate::quiz::session::Tally;
use crate::view::{Drawn, Region};

fn results_area(body: Rect) -> Rect {
    body
}

fn about_label(app: &App, about: About) -> String {
    match about {
        About::Discipline(d) => app.content.disciplines[d].short.clone(),
        About::Both => both_label(&app.content).to_string(),
    }
}

/// The results, and the rows of the highlighted missed question (to scroll it into view).
fn results_lines(app: &App, width: usize) -> (Vec<Line<'static>>, Option<(usize, usize)>) {
    let t = super::styles(app);
    let mut highlight = None;
    let Some(session) = app.quiz.session.as_ref() else { return (Vec::new(), None) };
    let r = session.results(&app.content);
    let mut lines = Vec::new();
    let (m, s) = (r.seconds / 60, r.seconds % 60);
    let round = if app.quiz.round > 0 { format!(" (retry round {})", app.quiz.round) } else { String::new() };
    lines.push(Line::styled(format!("Score: {}/{} ({}%){round}", r.right, r.total, r.percent()), t.title));
    lines.push(Line::styled(format!("Time taken: {m} min {s:02} s"), t.text));
    // The way from the first try to all right, once there has been a retry.
    if app.quiz.path.rounds.len() > 1 {
        let path = format!("Rounds: {}", app.quiz.path.describe());
        lines.extend(wrap_hanging(&path, width, "", "        ").into_iter().map(|l| Line::styled(l, t.text)));
    }
    lines.push(Line::default());
    let name_w = 30.min(width.saturating_sub(14));
    lines.push(Line::styled("By group", t.group));
    // One row of a breakdown: the name, right/total, a bar, and a note.
    let row = |name: &str, tally: &Tally, note: &str| {
        let name = truncate(name, name_w);
        let (right, total) = (tally.right, tally.total);
        Line::styled(format!("  {name:<name_w$} {right:>3}/{total:<3} {}{note}", bar(right, total)), t.text)
    };
    for (g, tally) in &r.by_group {
        lines.push(row(&app.content.groups[*g].title, tally, ""));
    }
    if !r.by_about.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled("By field (questions whose answer is a field)", t.group));
        // By rate, and only when one field stands out (Results::missed_most).
        let worst = r.missed_most();
        for (about, tally) in &r.by_about {
            let note = if worst == Some(*about) { "  missed most" } else { "" };
            lines.push(row(&about_label(app, *about), tally, note));
        }
    }
    lines.push(Line::default());
    if r.missed.is_empty() {
        lines.push(Line::styled("Every answer right.", ok_style(app)));
    } else {
        lines.push(Line::styled(format!("Missed ({})", r.missed.len()), t.group));
        lines.push(Line::styled("↑↓ highlight one, o reads its dimension in Compare.", t.dim));
        for (k, &i) in r.missed.iter().enumerate() {
            let card = &session.cards[i];
            let prompt = card.prompt.replace("\n\n", " ");
            let here = k == app.quiz.missed_cursor.min(r.missed.len() - 1);
            let start = lines.len();
            let (first, style) = if here { ("▸✗ ", t.selected_unfocused) } else { (" ✗ ", t.text) };
            lines.extend(
                wrap_hanging(&prompt, width, first, "   ").into_iter().map(|l| Line::styled(l, style)),
            );
            // A choose-all answer partly right says how far it got.
            if card.multi
                && let Some(resp) = &session.responses[i]
            {
                let partial = card.partial(&resp.chosen).describe();
                lines.extend(
                    wrap_hanging(&partial, width, "   You got ", "           ")
                        .into_iter()
                        .map(|l| Line::styled(l, t.dim)),
                );
            }
            if here {
                highlight = Some((start, 0));
            }
            let answers: Vec<&str> = match card.expected() {
                Some(expected) => vec![expected],
                None => card.correct.iter().map(|&c| card.options[c].as_str()).collect(),
            };
            lines.extend(
                wrap_hanging(&answers.join("; "), width, "   Answer: ", "           ")
                    .into_iter()
                    .map(|l| Line::styled(l, t.dim)),
            );
            if let Some((start, _)) = highlight.filter(|_| here) {
                highlight = Some((start, lines.len()));
            }
        }
    }
    if let Some(n) = &app.quiz.notice {
        lines.push(Line::default());
        lines.extend(warning_lines(app, n, width));
    }
    (lines, highlight)
}

/// A ten-cell bar of the share right, drawn with characters (no colour needed).
fn bar(right: usize, total: usize) -> String {
    let filled = (right * 10).checked_div(total).unwrap_or(0);
    format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled))
}

pub fn render_results(app: &App, area: Rect, buf: &mut Buffer, rec: &mut Drawn) {
    let area = results_area(area);
    let block = framed(app, Line::styled(" Results ", super::styles(app).title), true);
    let (lines, highlight) = results_lines(app, inner_width(area));
    let mut scroll = app.quiz.scroll;
    // Just moved: scroll as little as shows the highlighted missed question whole (its top
    // first when it is taller than the box). The app takes over the offset drawn.
    if app.quiz.reveal_missed
        && let Some((top, bottom)) = highlight
    {
        let height = usize::from(block.inner(area).height);
        let (top, bottom) = (top.min(u16::MAX as usize) as u16, bottom.min(u16::MAX as usize) as u16);
        let fit_bottom = bottom.saturating_sub(height.min(u16::MAX as usize) as u16);
        scroll = scroll.max(fit_bottom).min(top);
    }
    let shown = scrolled_box(app, area, block, lines, scroll, buf);
    rec.show_viewport(Region::QuizText, area, shown);
}
