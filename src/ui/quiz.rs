//! The Quiz tab: the start form, and a question with its feedback (the results are in
//! `quiz_results`).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Padding, Widget};
use unicode_width::UnicodeWidthStr;

use super::wrap::{wrap_hanging, wrap_text};
use super::{framed, scrolled_box, truncate};
use crate::app::quiz::{COUNTS, DIFFICULTIES, FIELDS, scopes};
use crate::app::{App, QuizScreen};
use crate::keymap::OPTION_LETTERS;
use crate::quiz::card::Mark;
use crate::quiz::{Card, Difficulty, Scope};
use crate::view::{Drawn, Hit, Region};

pub fn render(app: &App, area: Rect, buf: &mut Buffer, rec: &mut Drawn) {
    match app.quiz.screen {
        QuizScreen::Start => render_start(app, area, buf),
        QuizScreen::Question => render_question(app, area, buf, rec),
        QuizScreen::Results => super::quiz_results::render_results(app, area, buf, rec),
    }
}

pub(super) fn inner_width(area: Rect) -> usize {
    area.width.saturating_sub(4) as usize
}

// ---- Start ----

pub fn scope_label(app: &App, scope: Scope) -> String {
    match scope {
        Scope::All => "All questions".into(),
        Scope::Due => format!("Due for review, then new ({} due)", app.quiz.due),
        Scope::Drill => "Drill: which field is it?".into(),
        Scope::Group(g) => app.content.groups[g].title.clone(),
        Scope::Leeches => "Leeches: missed 4 times or more".into(),
        Scope::Glossary => "Glossary: terms and definitions".into(),
    }
}

fn count_label(i: usize) -> String {
    COUNTS[i].map_or("all".into(), |n| n.to_string())
}

fn difficulty_label(i: usize) -> &'static str {
    match DIFFICULTIES[i] {
        Difficulty::Any => "any",
        Difficulty::Only(1) => "1: recall",
        Difficulty::Only(2) => "2: understanding",
        Difficulty::Only(_) => "3: application",
    }
}

fn render_start(app: &App, area: Rect, buf: &mut Buffer) {
    let t = super::styles(app);
    let q = &app.quiz;
    let width = area.width.saturating_sub(4).min(76);
    let panel = Rect { x: area.x + (area.width - width) / 2, width, ..area };
    let inner_w = width.saturating_sub(4) as usize;
    let scope = scopes(&app.content)[q.scope];
    let values = [scope_label(app, scope), count_label(q.count), difficulty_label(q.difficulty).to_string()];
    let names = ["What", "How many", "Difficulty"];
    let mut lines = vec![
        Line::styled("Practise what the comparison teaches, with feedback after every answer.", t.text),
        Line::default(),
    ];
    if let Some(saved) = &q.resume {
        let text = format!("Resume: {} of {} answered", saved.answered(), saved.cards.len());
        lines.push(Line::from(vec![
            Span::styled(text, t.emphasis),
            Span::styled(" (an unfinished quiz; ", t.text),
            Span::styled("r", t.key),
            Span::styled(" resumes it)", t.text),
        ]));
        lines.push(Line::default());
    }
    for f in 0..FIELDS {
        let focused = q.field == f;
        let marker = if focused { "▸ " } else { "  " };
        let value = truncate(&values[f], inner_w.saturating_sub(18));
        let value_style = if focused { t.selected } else { t.emphasis };
        lines.push(Line::from(vec![
            Span::styled(format!("{marker}{:<12}", names[f]), if focused { t.emphasis } else { t.text }),
            Span::styled("◂ ", t.dim),
            Span::styled(value, value_style),
            Span::styled(" ▸", t.dim),
        ]));
    }
    lines.push(Line::default());
    let matching = app.quiz.matching;
    let asks = COUNTS[q.count].map_or(matching, |n| n.min(matching));
    let summary = match matching {
        0 => "No questions match these choices.".to_string(),
        1 => "1 question matches.".to_string(),
        n if asks < n => format!("{n} questions match; this quiz asks {asks}, in random order."),
        n => format!("{n} questions match; this quiz asks all of them, in random order."),
    };
    lines.extend(wrap_text(&summary, inner_w).into_iter().map(|l| Line::styled(l, t.text)));
    lines.push(Line::from(vec![Span::styled("Enter", t.key), Span::styled(" starts the quiz.", t.text)]));
    lines.push(Line::default());
    // What the schedule and the history say.
    let due = app.quiz.due;
    let saved = match q.history.file() {
        // Only what is on disk counts as saved (answers waiting for a save are said apart).
        Some(path) => format!(
            "{} saved in {}.{}",
            match q.history.saved() {
                1 => "1 answer".to_string(),
                n => format!("{n} answers"),
            },
            crate::content::escape(&path.display().to_string()),
            match q.history.pending() {
                0 => String::new(),
                n => format!(" {n} not saved yet."),
            }
        ),
        None => "Answers are not saved this time (history is off).".to_string(),
    };
    let week = app.quiz.due_week;
    let review = format!(
        "Review: {due} question{} due now, {week} within 7 days. {saved}",
        if due == 1 { " is" } else { "s are" }
    );
    lines.extend(wrap_text(&review, inner_w).into_iter().map(|l| Line::styled(l, t.dim)));
    for w in &q.history.warnings {
        lines.push(Line::default());
        lines.extend(warning_lines(app, w, inner_w));
    }
    if let Some(n) = &q.notice {
        lines.push(Line::default());
        lines.extend(warning_lines(app, n, inner_w));
    }
    let title = Line::styled(" New quiz ", t.title);
    let block = framed(app, title, true).padding(Padding::new(1, 1, 1, 0));
    let panel = Rect { height: (lines.len() as u16 + 3).min(panel.height), ..panel };
    block.render(panel, buf);
    super::draw::draw_lines(buf, block.inner(panel), &lines, 0);
}

pub(super) fn warning_lines(app: &App, text: &str, width: usize) -> Vec<Line<'static>> {
    wrap_hanging(text, width, "! ", "  ")
        .into_iter()
        .map(|l| Line::styled(l, super::styles(app).warning))
        .collect()
}

// ---- A question ----

struct QuestionGeometry {
    header: Rect,
    question: Rect,
    feedback: Option<Rect>,
}

fn question_geometry(app: &App, body: Rect) -> QuestionGeometry {
    let [header, rest] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(body);
    let answered = app.quiz.answered();
    let wanted = question_lines(app, inner_width(rest)).len() as u16 + 2;
    let question_h =
        if answered { wanted.min(rest.height / 2).max(rest.height.min(5)) } else { wanted.min(rest.height) };
    let [question, feedback] =
        Layout::vertical([Constraint::Length(question_h), Constraint::Fill(1)]).areas(rest);
    QuestionGeometry { header, question, feedback: answered.then_some(feedback) }
}

/// The rows each option takes in the question box's text: the prompt and a blank line come
/// first, and an option may wrap over several rows.
fn option_rows(card: &Card, width: usize) -> Vec<std::ops::Range<usize>> {
    let mut row = wrap_text(&card.prompt, width).len() + 1;
    card.options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            let letter = OPTION_LETTERS.get(i).copied().unwrap_or('?');
            let mark = if card.multi { " [ ] " } else { " " };
            let first = format!("{mark}{letter}) ");
            let n = wrap_hanging(option, width, &first, &" ".repeat(first.width())).len();
            row += n;
            row - n..row
        })
        .collect()
}

/// The question box's first line: the learner's scroll, moved just enough to show the
/// highlighted option (or a notice under the options) when a key asked for that.
fn question_offset(app: &App, rows: &[std::ops::Range<usize>], height: usize, len: usize) -> usize {
    let q = &app.quiz;
    let max = len.saturating_sub(height);
    let offset = usize::from(q.question_scroll).min(max);
    if !q.reveal {
        return offset;
    }
    if q.notice.is_some() {
        return max;
    }
    match rows.get(q.cursor).filter(|_| q.cursor_shown) {
        Some(r) if r.start < offset => r.start,
        Some(r) if r.end > offset + height => (r.end.saturating_sub(height)).min(max),
        _ => offset,
    }
}

/// Records where each answer option shows in the question box, for clicks.
fn record_options(rows: &[std::ops::Range<usize>], inner: Rect, offset: usize, rec: &mut Drawn) {
    let bottom = offset + usize::from(inner.height);
    for (i, r) in rows.iter().enumerate() {
        let (start, end) = (r.start.max(offset), r.end.min(bottom));
        if start < end {
            let y = inner.y + (start - offset) as u16;
            rec.hit_area(Rect { y, height: (end - start) as u16, ..inner }, Hit::QuizOption(i));
        }
    }
}

fn card(app: &App) -> Option<&Card> {
    app.quiz.session.as_ref().and_then(|s| s.card())
}

fn render_question(app: &App, area: Rect, buf: &mut Buffer, rec: &mut Drawn) {
    let t = super::styles(app);
    let Some(session) = app.quiz.session.as_ref() else { return };
    let Some(card) = session.card() else { return };
    let g = question_geometry(app, area);
    // Progress: words first, then a gauge.
    let n = session.cards.len();
    let done = session.responses.iter().filter(|r| r.is_some()).count();
    let round =
        if app.quiz.round > 0 { format!(" · retry round {}", app.quiz.round) } else { String::new() };
    let label = format!(" Question {} of {n}{round} ", session.current + 1);
    let [label_area, gauge_area] =
        Layout::horizontal([Constraint::Length(label.width() as u16), Constraint::Fill(1)])
            .areas(Rect { height: 1, ..g.header });
    Line::styled(label, t.title).render(label_area, buf);
    LineGauge::default()
        .ratio(done as f64 / n.max(1) as f64)
        .filled_style(t.gauge)
        .label(format!("{done}/{n} answered"))
        .render(gauge_area, buf);
    let dim = &app.content.dimensions[card.dimension];
    // A leech says so before it is answered: it needs a different way in, not more of the same.
    let leech = match app.quiz.schedule.slot(&card.id).filter(|s| s.is_leech()) {
        Some(slot) => format!(" · ⚑ leech: missed {} times", slot.misses),
        None => String::new(),
    };
    let meta = format!(
        " {} · {} · difficulty {}{leech}",
        dim.title,
        app.content.groups[dim.group].title,
        "●".repeat(card.difficulty as usize) + &"○".repeat(3usize.saturating_sub(card.difficulty as usize))
    );
    Line::styled(truncate(&meta, g.header.width as usize), t.dim)
        .render(Rect { y: g.header.y + 1, height: 1, ..g.header }, buf);

    let kind = match (card.is_typed(), card.multi) {
        (true, _) => " Type the answer ",
        (false, true) => " Choose all that apply ",
        (false, false) => " Choose one ",
    };
    let block = framed(app, Line::styled(kind, t.title), !app.quiz.answered());
    let width = inner_width(g.question);
    let lines = question_lines(app, width);
    let inner = block.inner(g.question);
    let rows = option_rows(card, width);
    let offset =
        if app.quiz.answered() { 0 } else { question_offset(app, &rows, inner.height.into(), lines.len()) };
    let shown = scrolled_box(app, g.question, block, lines, offset.min(u16::MAX as usize) as u16, buf);
    if !app.quiz.answered() {
        rec.show_viewport(Region::QuizQuestion, g.question, shown);
    }
    record_options(&rows, inner, usize::from(shown.offset), rec);
    if let Some(area) = g.feedback {
        let right = session.response().is_some_and(|r| r.correct);
        let (title, style) = if right { (" ✓ Correct ", t.good) } else { (" ✗ Incorrect ", t.bad) };
        let block = framed(app, Line::styled(title, style.add_modifier(Modifier::BOLD)), true);
        let shown =
            scrolled_box(app, area, block, feedback_lines(app, inner_width(area)), app.quiz.scroll, buf);
        rec.show_viewport(Region::QuizText, area, shown);
    }
}

/// The prompt and the options, marked once answered: ✓ right, ✗ chosen but wrong.
fn question_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = super::styles(app);
    let Some(card) = card(app) else { return Vec::new() };
    let response = app.quiz.session.as_ref().and_then(|s| s.response());
    let mut lines: Vec<Line> =
        wrap_text(&card.prompt, width).into_iter().map(|l| Line::styled(l, t.emphasis)).collect();
    lines.push(Line::default());
    for (i, option) in card.options.iter().enumerate() {
        let letter = OPTION_LETTERS.get(i).copied().unwrap_or('?');
        let (mark, style) = match response {
            None => {
                let at = app.quiz.cursor_shown && app.quiz.cursor == i;
                let cursor = if at { "▸" } else { " " };
                let tick = match (card.multi, app.quiz.ticked.contains(&i)) {
                    (true, true) => "[x] ",
                    (true, false) => "[ ] ",
                    _ => "",
                };
                let style = if at { t.selected_unfocused } else { t.text };
                (format!("{cursor}{tick}"), style)
            }
            Some(r) => match card.marks(&r.chosen)[i] {
                Mark::Chosen => ("✓ ".to_string(), ok_style(app)),
                // A right option left unticked on a choose-all: missed, not a plain ✓.
                Mark::Missed if card.multi => ("○ ".to_string(), ok_style(app)),
                Mark::Missed => ("✓ ".to_string(), ok_style(app)),
                Mark::Wrong => ("✗ ".to_string(), bad_style(app)),
                Mark::Left => ("  ".to_string(), t.dim),
            },
        };
        let first = format!("{mark}{letter}) ");
        let indent = " ".repeat(first.width());
        let mut wrapped = wrap_hanging(option, width, &first, &indent);
        if let Some(r) = response
            && let Some(last) = wrapped.last_mut()
        {
            if r.chosen.contains(&i) {
                last.push_str("  (your answer)");
            } else if card.multi && card.correct.contains(&i) {
                last.push_str("  (missed)");
            }
        }
        lines.extend(wrapped.into_iter().map(|l| Line::styled(l, style)));
    }
    if card.is_typed() {
        lines.extend(super::quiz_answer::typed_field_lines(app, response, width));
    }
    if response.is_none() && card.multi {
        lines.push(Line::default());
        lines.push(Line::styled("Tick with the letter or Space, then press Enter.", t.dim));
    }
    if let Some(n) = &app.quiz.notice {
        lines.push(Line::default());
        lines.extend(warning_lines(app, n, width));
    }
    lines
}

pub(super) fn ok_style(app: &App) -> Style {
    super::styles(app).good
}

fn bad_style(app: &App) -> Style {
    super::styles(app).bad
}

/// The right answer, why, the sources, and the way to the comparison.
fn feedback_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = super::styles(app);
    let Some(card) = card(app) else { return Vec::new() };
    let mut lines = Vec::new();
    // A typed card has no options: its expected answer is the one shown.
    let answers: Vec<String> = match card.expected() {
        Some(expected) => vec![expected.to_string()],
        None => card
            .correct
            .iter()
            .map(|&i| format!("{}) {}", OPTION_LETTERS.get(i).copied().unwrap_or('?'), card.options[i]))
            .collect(),
    };
    let label = if answers.len() == 1 { "Answer: " } else { "Answers: " };
    let indent = " ".repeat(label.len());
    for (k, a) in answers.iter().enumerate() {
        let first = if k == 0 { label } else { indent.as_str() };
        lines.extend(wrap_hanging(a, width, first, &indent).into_iter().map(|l| Line::styled(l, t.emphasis)));
    }
    let response = app.quiz.session.as_ref().and_then(|s| s.response());
    if let Some(r) = response {
        lines.extend(super::quiz_answer::verdict_lines(app, card, r, width));
    }
    lines.push(Line::default());
    lines.extend(wrap_text(&card.explanation, width).into_iter().map(|l| Line::styled(l, t.text)));
    lines.push(Line::default());
    let cites: Vec<&str> = card.sources.iter().map(|&s| app.content.sources[s].label()).collect();
    let label = if cites.len() == 1 { "Source: " } else { "Sources: " };
    let indent = " ".repeat(label.len());
    lines.extend(
        wrap_hanging(&cites.join("; "), width, label, &indent).into_iter().map(|l| Line::styled(l, t.dim)),
    );
    lines.push(Line::default());
    if response.is_some_and(|r| r.correct) {
        lines.push(super::quiz_answer::grade_line(app));
    }
    let dim = &app.content.dimensions[card.dimension].title;
    lines.push(Line::from(vec![
        Span::styled("o", t.key),
        Span::styled(format!(" open \u{201c}{dim}\u{201d} in Compare   "), t.text),
        Span::styled("Enter", t.key),
        Span::styled(" next", t.text),
    ]));
    lines
}
