//! A question about something that cannot be undone, drawn over the screen it is about.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::draw::{Border, BoxFrame, draw_lines};
use super::wrap::wrap_text;
use crate::app::{App, Confirm};

/// The question, and what yes does.
pub fn text(app: &App, question: Confirm) -> (String, &'static str) {
    let progress = || {
        app.quiz.session.as_ref().map_or(String::new(), |s| {
            let done = s.responses.iter().filter(|r| r.is_some()).count();
            format!(" ({done} of {} answered)", s.cards.len())
        })
    };
    // Only said when answers are being saved (history can be off).
    let kept = || if app.quiz.history.is_saving() { " Its answers stay in your history." } else { "" };
    let answered = app.quiz.session.as_ref().map_or(0, |s| s.responses.iter().flatten().count());
    match question {
        Confirm::EndQuiz if answered == 0 => {
            ("End this quiz now? Nothing is answered yet: the start form comes back.".into(), "end the quiz")
        }
        Confirm::EndQuiz => (
            format!("End this quiz now{}? The results show the answers so far.{}", progress(), kept()),
            "end the quiz",
        ),
        Confirm::ReplaceQuiz(_) => (
            format!(
                "A quiz is under way{}. Practise this one question now? The quiz waits: r on the start form resumes it.",
                progress()
            ),
            "practise it",
        ),
        Confirm::DropUnfinished => {
            let (done, total) = app.quiz.resume.as_ref().map_or((0, 0), |r| (r.answered(), r.cards.len()));
            (
                format!(
                    "Start a new quiz? The unfinished one ({done} of {total} answered) is dropped.{}",
                    kept()
                ),
                "start a new one",
            )
        }
        Confirm::ClearFit => {
            (format!("Clear all {} Fit ratings and start again?", app.fit.rated()), "clear them")
        }
    }
}

pub fn render(app: &App, question: Confirm, body: Rect, buf: &mut Buffer) {
    let t = super::styles(app);
    let (text, yes) = text(app, question);
    let width = body.width.saturating_sub(4).min(64);
    let inner_w = width.saturating_sub(4) as usize;
    let mut lines: Vec<Line> =
        wrap_text(&text, inner_w).into_iter().map(|l| Line::styled(l, t.emphasis)).collect();
    lines.push(Line::default());
    let yes = [Span::styled("y", t.key), Span::styled(format!(" {yes}   "), t.text)];
    let no = [Span::styled("n", t.key), Span::styled(" or any other key: no", t.text)];
    // One line when it fits, else one for each answer.
    if yes.iter().chain(&no).map(Span::width).sum::<usize>() <= inner_w {
        lines.push(Line::from_iter(yes.into_iter().chain(no)));
    } else {
        lines.push(Line::from_iter(yes));
        lines.push(Line::from_iter(no));
    }
    let height = (lines.len() as u16 + 2).min(body.height);
    let area =
        Rect { x: body.x + (body.width - width) / 2, y: body.y + (body.height - height) / 2, width, height };
    Clear.render(area, buf);
    let block = BoxFrame::new(Line::styled(" Are you sure? ", t.title), Border::Double, t.border);
    let inner = block.inner(area);
    block.render(area, buf);
    draw_lines(buf, inner, &lines, 0);
}
