//! The parts of a quiz question that say how it was answered: the typing field of a typed
//! question, the verdict on a typed or choose-all answer, and the grade of a right one.

use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::wrap::{wrap_hanging, wrap_text};
use crate::app::App;
use crate::quiz::session::Response;
use crate::quiz::{Card, Grade};

/// The field's first columns: a prompt mark before the text.
const FIELD_MARK: &str = "› ";

/// A typed question's field: while waiting, the text with a cursor on one line (its end
/// showing when it is longer than the line); once answered, what was typed, marked.
pub fn typed_field_lines(app: &App, response: Option<&Response>, width: usize) -> Vec<Line<'static>> {
    let t = super::styles(app);
    // The prompt's blank line comes before (a typed card has no options).
    let mut lines = Vec::new();
    match response {
        None => {
            lines.push(Line::from(vec![
                Span::styled(FIELD_MARK, t.key),
                Span::styled(tail(&app.quiz.typed, width.saturating_sub(FIELD_MARK.width() + 1)), t.emphasis),
                Span::styled("█", t.key),
            ]));
            lines.push(Line::default());
            let how = "Type the answer, then press Enter. Case, accents, punctuation and a small typo do not matter.";
            lines.extend(wrap_text(how, width).into_iter().map(|l| Line::styled(l, t.dim)));
        }
        Some(r) => {
            let typed = r.typed.as_ref().map_or("", |(text, _)| text.as_str());
            let (mark, style) = if r.correct { ("✓ ", t.good) } else { ("✗ ", t.bad) };
            let text = format!("{typed} (your answer)");
            lines.extend(wrap_hanging(&text, width, mark, "  ").into_iter().map(|l| Line::styled(l, style)));
        }
    }
    lines
}

/// The end of `text` that fits in `width` columns, with "…" first when some is cut.
fn tail(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 1; // the "…"
    for c in text.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        kept.push(c);
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

/// What the answer earned beyond right or wrong: a typo forgiven, another accepted form,
/// or the partial credit of a choose-all answer. Empty when there is nothing to add.
pub fn verdict_lines(app: &App, card: &Card, response: &Response, width: usize) -> Vec<Line<'static>> {
    let t = super::styles(app);
    let mut text = None;
    if let Some((typed, m)) = &response.typed {
        let matched = m.matched.and_then(|i| card.accepted.get(i));
        text = match (m.correct, m.close, matched) {
            (true, true, Some(form)) => Some(format!(
                "Accepted with a typo forgiven: you typed \u{201c}{typed}\u{201d}; it is spelled \u{201c}{form}\u{201d}."
            )),
            (true, false, Some(form)) if card.expected() != Some(form.as_str()) => {
                Some(format!("\u{201c}{form}\u{201d} is accepted too."))
            }
            (false, _, _) => Some(format!("You typed \u{201c}{typed}\u{201d}.")),
            _ => None,
        };
    } else if card.multi {
        text = Some(format!("You got {}.", card.partial(&response.chosen).describe()));
    }
    match text {
        Some(text) => wrap_text(&text, width).into_iter().map(|l| Line::styled(l, t.text)).collect(),
        None => Vec::new(),
    }
}

/// After a right answer: the grade it has, and the keys that change it.
pub fn grade_line(app: &App) -> Line<'static> {
    let t = super::styles(app);
    let now = app.quiz.grade.unwrap_or(Grade::DEFAULT_RIGHT);
    let mut spans = vec![Span::styled("How was it? ", t.text)];
    for (key, name, grade) in
        [("h", "hard", Grade::Hard), ("g", "good", Grade::Good), ("e", "easy", Grade::Easy)]
    {
        spans.push(Span::styled(key, t.key));
        if grade == now {
            // Said in words as well as by the highlight: never colour alone.
            spans.push(Span::styled(format!(" [{name}]"), t.selected));
        } else {
            spans.push(Span::styled(format!(" {name}"), t.text));
        }
        spans.push(Span::styled("  ", t.text));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::tail;

    #[test]
    fn a_long_field_shows_its_end() {
        assert_eq!(tail("kanban", 10), "kanban");
        assert_eq!(tail("bullwhip effect", 8), "… effect");
        assert_eq!(tail("供应链管理", 5), "…管理");
        assert_eq!(tail("abc", 0), "…");
    }
}
