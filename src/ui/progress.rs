//! The Progress tab: charts of the saved history, the leeches and the Fit result, on a page
//! that scrolls when the terminal is too short for all of it. Every chart carries its figures
//! in words too (titles, axis labels, counts), and the mastery bars use a glyph per state,
//! so nothing depends on colour.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Bar, BarChart, BarGroup, Chart, Dataset, GraphType, Widget};
use unicode_width::UnicodeWidthStr;

use super::draw::{draw_line, draw_lines};
use super::wrap::wrap_text;
use super::{framed, styles, truncate};
use crate::app::{App, Figures};
use crate::app::{FORECAST_DAYS, HISTORY_DAYS};
use crate::quiz::stats::MasteryCount;
use crate::view::{Drawn, Region};

/// The glyphs of the mastery bars: known, learning, new.
const KNOWN: &str = "█";
const LEARNING: &str = "▒";
const NEW: &str = "░";

/// Below this width the charts stack in one column.
const TWO_COLUMNS: u16 = 70;

pub fn render(app: &App, area: Rect, buf: &mut Buffer, rec: &mut Drawn) {
    render_page(app, area, buf, rec, false);
}

/// The tab, its page drawn off the screen only when it does not fit (or, for a test, always).
fn render_page(app: &App, area: Rect, buf: &mut Buffer, rec: &mut Drawn, off_screen: bool) {
    let t = styles(app);
    let [top, page] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let Some(f) = app.progress.figures.as_ref() else {
        return;
    };
    let line = match &app.progress.notice {
        Some(n) => Line::styled(format!(" {n}"), t.warning),
        None => Line::styled(format!(" {}", summary(f)), t.title),
    };
    draw_line(buf, top.x, top.y, top.right(), &line);

    let sections = layout(app, f, page.width, page.height);
    let natural = sections.iter().map(|(_, r)| r.bottom()).max().unwrap_or(0);
    let overflow = natural > page.height;
    // A scrollbar takes the last column when the page is taller than the screen.
    let width = if overflow { page.width.saturating_sub(1) } else { page.width };
    let sections = if overflow { layout(app, f, width, page.height) } else { sections };
    let natural = sections.iter().map(|(_, r)| r.bottom()).max().unwrap_or(0);
    let scroll = app.progress.scroll.min(natural.saturating_sub(page.height));
    if overflow || off_screen {
        // Drawn whole off the screen, and the rows that show copied: a section cut by the
        // screen's edge is cut as the edge cuts it.
        let mut off = Buffer::empty(Rect::new(0, 0, width, natural));
        for (section, r) in &sections {
            draw_section(app, f, *section, *r, &mut off);
        }
        for y in 0..page.height.min(natural - scroll) {
            let from = off.index_of(0, y + scroll);
            let to = buf.index_of(page.x, page.y + y);
            buf.content[to..to + usize::from(width)]
                .clone_from_slice(&off.content[from..from + usize::from(width)]);
        }
    } else {
        // It all fits: drawn in place.
        for (section, r) in &sections {
            let r = Rect { x: r.x + page.x, y: r.y + page.y, ..*r };
            draw_section(app, f, *section, r, buf);
        }
    }
    if overflow && page.height > 0 {
        let max = usize::from(natural - page.height);
        let bar = Rect { x: page.right() - 1, width: 1, ..page };
        super::scrollbar(buf, bar, max, usize::from(scroll), t.border);
    }
    rec.show(Region::Progress, page, page.height, natural.into(), scroll.into());
}

/// The line above the charts: the figures in words.
fn summary(f: &Figures) -> String {
    let mut s = format!(
        "{} answer{} · {} due now · {} leech{}",
        f.answers,
        if f.answers == 1 { "" } else { "s" },
        f.due_now,
        f.leeches.len(),
        if f.leeches.len() == 1 { "" } else { "es" },
    );
    if let Some(a) = f.accuracy() {
        s.push_str(&format!(" · {a}% right over the last {HISTORY_DAYS} days"));
    }
    if !f.saving {
        s.push_str(" · answers are not saved this run");
    }
    s
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Empty,
    Answers,
    Accuracy,
    Forecast,
    Leeches,
    Mastery,
    Fit,
}

/// Where each section goes on the page (rows from 0), at this width. The charts get more
/// rows when the screen has them.
fn layout(app: &App, f: &Figures, width: u16, height: u16) -> Vec<(Section, Rect)> {
    let fit_h = (app.content.disciplines.len() as u16 + 3).max(4);
    let mastery_h = app.content.groups.len() as u16 + 2;
    // The charts take what the rest leaves, within reason.
    let chart_h = (height.saturating_sub(mastery_h + fit_h) / 2).clamp(8, 14);
    let full = |y: u16, h: u16| Rect::new(0, y, width, h);
    if f.answers == 0 {
        let empty_h = (empty_lines(app, f, width.saturating_sub(4)).len() as u16) + 2;
        return vec![(Section::Empty, full(0, empty_h)), (Section::Fit, full(empty_h, fit_h))];
    }
    let mut out = Vec::new();
    let mut y = 0;
    for (a, b) in [(Section::Answers, Section::Accuracy), (Section::Forecast, Section::Leeches)] {
        if width >= TWO_COLUMNS {
            let [l, r] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)])
                .areas(Rect::new(0, y, width, chart_h));
            out.push((a, l));
            out.push((b, r));
            y += chart_h;
        } else {
            out.push((a, full(y, chart_h)));
            out.push((b, full(y + chart_h, chart_h)));
            y += 2 * chart_h;
        }
    }
    out.push((Section::Mastery, full(y, mastery_h)));
    out.push((Section::Fit, full(y + mastery_h, fit_h)));
    out
}

fn draw_section(app: &App, f: &Figures, section: Section, area: Rect, buf: &mut Buffer) {
    match section {
        Section::Empty => {
            let block = framed(app, Line::styled(" No answers yet ", styles(app).title), false);
            let inner = block.inner(area);
            block.render(area, buf);
            draw_lines(buf, inner, &empty_lines(app, f, inner.width), 0);
        }
        Section::Answers => {
            let most = f.days.iter().map(|d| d.answers).max().unwrap_or(0);
            let title = format!(" Answers per day (most {most}) ");
            let values: Vec<u64> = f.days.iter().map(|d| d.answers as u64).collect();
            let oldest = format!("{} days ago", HISTORY_DAYS - 1);
            bars(app, area, buf, &title, &values, (&oldest, "today"));
        }
        Section::Forecast => {
            let title = format!(" Due for review, next {FORECAST_DAYS} days ({} now) ", f.due_now);
            let values: Vec<u64> = f.forecast.iter().map(|&n| n as u64).collect();
            let last = format!("in {} days", FORECAST_DAYS - 1);
            bars(app, area, buf, &title, &values, ("today", &last));
        }
        Section::Accuracy => accuracy(app, f, area, buf),
        Section::Leeches => leeches(app, f, area, buf),
        Section::Mastery => mastery(app, f, area, buf),
        Section::Fit => fit(app, area, buf),
    }
}

/// What to do to fill the page, and what it will show.
fn empty_lines(app: &App, f: &Figures, width: u16) -> Vec<Line<'static>> {
    let t = styles(app);
    let mut text = vec![
        "Answer a few questions on the Quiz tab: press 2, then Enter to start.".to_string(),
        String::new(),
        format!(
            "This page then draws your answers per day over the last {HISTORY_DAYS} days, how often \
             you were right, the reviews due over the next {FORECAST_DAYS} days, what you know in \
             each group, and the questions you keep missing."
        ),
    ];
    if !f.saving {
        text.push(String::new());
        text.push("Answers are not saved this run, so this page forgets them when you quit.".into());
    }
    text.iter()
        .flat_map(|p| if p.is_empty() { vec![String::new()] } else { wrap_text(p, width.into()) })
        .map(|l| Line::styled(l, t.text))
        .collect()
}

/// A bar per value, oldest (or soonest) first, with the ends of the time axis named below.
fn bars(app: &App, area: Rect, buf: &mut Buffer, title: &str, values: &[u64], ends: (&str, &str)) {
    let t = styles(app);
    let block = framed(app, Line::styled(title.to_string(), t.title), false);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height < 2 || inner.width == 0 || values.is_empty() {
        return;
    }
    let n = values.len() as u16;
    // The widest bars with a one-column gap that fit; without the gap when even that is
    // too wide.
    let (width, gap) = match (inner.width + 1) / n {
        0 | 1 => ((inner.width / n).max(1), 0),
        w => (w - 1, 1),
    };
    let bars: Vec<Bar> = values
        .iter()
        .map(|&v| {
            let bar = Bar::new(v).style(t.gauge);
            // A count wider than its bar would smear over the next one.
            if v.to_string().len() as u16 >= width { bar.text_value("") } else { bar }
        })
        .collect();
    let chart_w = (n * width + (n - 1) * gap).min(inner.width);
    let [plot, axis] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)])
        .areas(Rect { width: chart_w, ..inner });
    BarChart::default()
        .data(BarGroup::default().bars(&bars))
        .bar_width(width)
        .bar_gap(gap)
        .value_style(t.selected)
        .render(plot, buf);
    let gap_w = (chart_w as usize).saturating_sub(ends.0.width() + ends.1.width()).max(1);
    let axis_line = truncate(&format!("{}{}{}", ends.0, " ".repeat(gap_w), ends.1), chart_w.into());
    draw_line(buf, axis.x, axis.y, axis.right(), &Line::styled(axis_line, t.dim));
}

/// Right answers in percent per day, as a line over the days that had answers.
fn accuracy(app: &App, f: &Figures, area: Rect, buf: &mut Buffer) {
    let t = styles(app);
    let points: Vec<(f64, f64)> = f
        .days
        .iter()
        .enumerate()
        .filter_map(|(i, d)| d.accuracy().map(|a| (i as f64, f64::from(a))))
        .collect();
    let title = match f.accuracy() {
        Some(a) => format!(" % right per day ({a}% overall) "),
        None => " % right per day ".to_string(),
    };
    let block = framed(app, Line::styled(title, t.title), false);
    let inner = block.inner(area);
    block.render(area, buf);
    let last = (HISTORY_DAYS - 1) as f64;
    // Short: the chart makes room for its first label on the left.
    let oldest = format!("{}d ago", HISTORY_DAYS - 1);
    Chart::new(vec![
        Dataset::default().data(&points).marker(Marker::Braille).graph_type(GraphType::Line).style(t.good),
    ])
    .x_axis(Axis::default().bounds([0.0, last]).labels([oldest.as_str(), "today"]).style(t.dim))
    .y_axis(Axis::default().bounds([0.0, 100.0]).labels(["0%", "50%", "100%"]).style(t.dim))
    .render(inner, buf);
}

/// The leeches, most missed first, with how often each was missed.
fn leeches(app: &App, f: &Figures, area: Rect, buf: &mut Buffer) {
    let t = styles(app);
    let title = format!(" Leeches: missed 4+ times ({}) ", f.leeches.len());
    let block = framed(app, Line::styled(title, t.title), false);
    let inner = block.inner(area);
    block.render(area, buf);
    let rows = usize::from(inner.height);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    if f.leeches.is_empty() {
        lines.extend(
            wrap_text("None yet: no question has been missed 4 times.", width)
                .into_iter()
                .map(|l| Line::styled(l, t.dim)),
        );
    } else {
        let fits = if f.leeches.len() > rows { rows.saturating_sub(2) } else { rows.saturating_sub(1) };
        for l in f.leeches.iter().take(fits) {
            let text = truncate(&format!("✗{:>2}  {}", l.misses, l.prompt), width);
            // The mark apart: the rest, mostly ASCII, is then drawn a slice at a time.
            lines.push(match text.strip_prefix('✗') {
                Some(rest) => {
                    Line::from(vec![Span::styled("✗", t.text), Span::styled(rest.to_string(), t.text)])
                }
                None => Line::styled(text, t.text),
            });
        }
        if f.leeches.len() > fits {
            lines.push(Line::styled(format!("… and {} more", f.leeches.len() - fits), t.dim));
        }
        lines.push(Line::styled(truncate("Enter: a quiz of only these", width), t.hint));
    }
    draw_lines(buf, inner, &lines, 0);
}

/// A stacked bar per group: known, learning and new cards, with the counts in words.
fn mastery(app: &App, f: &Figures, area: Rect, buf: &mut Buffer) {
    let t = styles(app);
    let title = Line::from(vec![
        Span::styled(" What you know, per group: ", t.title),
        Span::styled(format!("{KNOWN} known "), t.good),
        Span::styled(format!("{LEARNING} learning "), t.gauge),
        Span::styled(format!("{NEW} new "), t.dim),
    ]);
    let block = framed(app, title, false);
    let inner = block.inner(area);
    block.render(area, buf);
    let width = usize::from(inner.width);
    // Every count in words where there is room; else how many of all are known.
    let wide = width >= 70;
    let counts = |m: &MasteryCount| {
        if wide {
            format!("{:>3} known {:>3} learning {:>3} new", m.known, m.learning, m.new)
        } else {
            format!("{:>3}/{:<3} known", m.known, m.total())
        }
    };
    let counts_w = counts(&MasteryCount { new: 333, learning: 333, known: 333 }).width();
    let longest = app.content.groups.iter().map(|g| g.title.width()).max().unwrap_or(0);
    let title_w = longest.min(width / 3);
    let bar_w = width.saturating_sub(title_w + counts_w + 2);
    let rows = app.content.groups.iter().zip(&f.groups).take(usize::from(inner.height));
    for (y, (g, m)) in (inner.y..).zip(rows) {
        let name = truncate(&g.title, title_w);
        let [known, learning, new] = split_bar(m, bar_w);
        draw_pieces(
            buf,
            (inner.x, y, inner.right()),
            &[
                Piece::Text(&format!("{name:<title_w$} "), t.text),
                Piece::Run(KNOWN, known, t.good),
                Piece::Run(LEARNING, learning, t.gauge),
                Piece::Run(NEW, new, t.dim),
                Piece::Text(&format!(" {}", counts(m)), t.text),
            ],
        );
    }
}

/// Part of a row of bars: text, or a glyph repeated.
enum Piece<'a> {
    Text(&'a str, Style),
    Run(&'static str, usize, Style),
}

/// Draws a row of pieces from column `x` up to `right`, clipped, as `draw_line` would draw
/// them as spans; a run's cells are set directly (as text, each glyph of a bar went through
/// grapheme segmentation: most of the Progress page's time).
fn draw_pieces(buf: &mut Buffer, (mut x, y, right): (u16, u16, u16), pieces: &[Piece]) {
    let right = right.min(buf.area.right());
    if y < buf.area.y || y >= buf.area.bottom() {
        return;
    }
    for piece in pieces {
        if x >= right {
            break;
        }
        x = match *piece {
            Piece::Text(text, style) => buf.set_stringn(x, y, text, usize::from(right - x), style).0,
            Piece::Run(glyph, n, style) => {
                let end = right.min(x.saturating_add(u16::try_from(n).unwrap_or(u16::MAX)));
                for cx in x..end {
                    buf[(cx, y)].set_symbol(glyph).set_style(style);
                }
                end
            }
        };
    }
}

/// How many of `width` cells each state gets: known, learning, new. Any card learning or
/// known shows at least one cell, so a start is never drawn as nothing.
fn split_bar(m: &MasteryCount, width: usize) -> [usize; 3] {
    let total = m.total();
    if total == 0 || width == 0 {
        return [0, 0, width];
    }
    let cells = |n: usize| if n == 0 { 0 } else { (n * width / total).max(1) };
    let known = cells(m.known).min(width);
    let learning = cells(m.learning).min(width - known);
    [known, learning, width - known - learning]
}

/// The Fit result, as the Fit tab scores it now.
fn fit(app: &App, area: Rect, buf: &mut Buffer) {
    let t = styles(app);
    let block = framed(app, Line::styled(" Which field fits me? ", t.title), false);
    let inner = block.inner(area);
    block.render(area, buf);
    let c = &app.content;
    let width = usize::from(inner.width);
    let n = c.fit.statements.len();
    let lines: Vec<Line> = if n == 0 {
        vec![Line::styled("This content pack has no self-assessment.", t.dim)]
    } else if app.fit.rated() == 0 {
        wrap_text("Not taken yet: on tab 4, rate how much you would enjoy each statement.", width)
            .into_iter()
            .map(|l| Line::styled(l, t.dim))
            .collect()
    } else {
        let r = app.fit_result();
        let name_w = c.disciplines.iter().map(|d| d.name.width()).max().unwrap_or(0).min(width / 2);
        let bar_w = width.saturating_sub(name_w + 10).min(30);
        let mut lines: Vec<Line> = r
            .ranking
            .iter()
            .map(|&d| {
                let disc = &c.disciplines[d];
                let score = usize::from(r.scores[d]);
                let filled = score * bar_w / 100;
                Line::from(vec![
                    Span::styled(
                        format!("{:<name_w$} ", truncate(&disc.name, name_w)),
                        t.discipline(disc.color),
                    ),
                    Span::styled(format!("{score:>3}/100 "), t.emphasis),
                    Span::styled(KNOWN.repeat(filled), t.gauge),
                    Span::styled(NEW.repeat(bar_w - filled), t.dim),
                ])
            })
            .collect();
        let rated = app.fit.rated();
        lines.push(Line::styled(
            truncate(&format!("{rated} of {n} statements rated; tab 4 shows what moved each score."), width),
            t.dim,
        ));
        lines
    };
    draw_lines(buf, inner, &lines, 0);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::BuiltinContent;
    use crate::action::Action;
    use crate::content::Content;
    use crate::quiz::{History, Record};

    /// A row of pieces is what drawing the same as spans of text drew, clipped anywhere.
    #[test]
    fn pieces_draw_as_their_spans_did() {
        let (good, dim) = (Style::new().green(), Style::new().dim());
        for right in 0..30 {
            for x in [0, 2, 9] {
                let area = Rect::new(0, 0, 24, 2);
                let (mut ours, mut theirs) = (Buffer::empty(area), Buffer::empty(area));
                let name = "供应链 x ";
                draw_pieces(
                    &mut ours,
                    (x, 1, right),
                    &[
                        Piece::Text(name, dim),
                        Piece::Run(KNOWN, 5, good),
                        Piece::Run(NEW, 40, dim),
                        Piece::Text(" 3", dim),
                    ],
                );
                let spans = vec![
                    Span::styled(name, dim),
                    Span::styled(KNOWN.repeat(5), good),
                    Span::styled(NEW.repeat(40), dim),
                    Span::styled(" 3", dim),
                ];
                draw_line(&mut theirs, x, 1, right, &Line::from(spans));
                assert_eq!(ours, theirs, "from {x} to {right}");
            }
        }
    }

    /// Drawn in place, a page that fits is what drawing it off the screen and copying it
    /// made, styles and all.
    #[test]
    fn a_page_that_fits_is_drawn_in_place_as_it_was_copied() {
        const NOW: u64 = 1_764_000_000;
        let content = Content::builtin();
        let ids: Vec<String> = crate::quiz::card::entries(&content).into_iter().map(|e| e.id).collect();
        let history = || {
            let mut history = History::disabled();
            for i in 0..400u64 {
                let id = ids[(i as usize * 7) % ids.len()].clone();
                let _ = history.record(Record::new(id, NOW - (400 - i) * 20_000, i % 3 > 0));
            }
            history
        };
        for (w, h) in [(200, 60), (120, 40), (60, 90)] {
            let mut app = App::new(content.clone(), &super::super::theme::LIGHT, (w, h))
                .with_quiz(history(), 1)
                .with_clock(|| NOW)
                .with_utc_offset(0);
            app.update(Action::GoToTab(5));
            let area = Rect::new(3, 2, w - 3, h - 4);
            let (mut direct, mut copied) =
                (Buffer::empty(Rect::new(0, 0, w, h)), Buffer::empty(Rect::new(0, 0, w, h)));
            let (mut rec_direct, mut rec_copied) = (Drawn::default(), Drawn::default());
            render_page(&app, area, &mut direct, &mut rec_direct, false);
            render_page(&app, area, &mut copied, &mut rec_copied, true);
            let shown = rec_direct.shown(Region::Progress).copied().expect("the page is drawn");
            assert!(shown.len <= shown.height, "{w}x{h}: the page fits");
            assert_eq!(direct, copied, "{w}x{h}");
            assert_eq!(rec_direct.shown(Region::Progress), rec_copied.shown(Region::Progress));
        }
    }

    #[test]
    fn a_mastery_bar_fills_its_width_and_never_hides_a_start() {
        let m = MasteryCount { new: 98, learning: 1, known: 1 };
        assert_eq!(split_bar(&m, 10), [1, 1, 8]);
        let all = MasteryCount { new: 0, learning: 0, known: 7 };
        assert_eq!(split_bar(&all, 10), [10, 0, 0]);
        let half = MasteryCount { new: 5, learning: 0, known: 5 };
        assert_eq!(split_bar(&half, 10), [5, 0, 5]);
        assert_eq!(split_bar(&MasteryCount::default(), 4), [0, 0, 4]);
        assert_eq!(split_bar(&m, 0), [0, 0, 0]);
        // Two tiny shares in a one-cell bar: the cells never add up to more than the width.
        let tiny = MasteryCount { new: 0, learning: 1, known: 1 };
        assert_eq!(split_bar(&tiny, 1).iter().sum::<usize>(), 1);
    }
}
