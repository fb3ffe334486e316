//! The flow strip: the stages of the pack's chain in order, and under them each field's span
//! as a bar labelled with its short name. Bars and labels carry the meaning, so the strip reads
//! the same without colour (`NO_COLOR`).

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::wrap::wrap_hanging;
use crate::app::App;
use crate::content::Flow;

const ARROW: &str = " → ";
const BAR: char = '━';

/// Where each stage's name sits: its first column and width, and the lines of its name.
struct Slots {
    starts: Vec<usize>,
    widths: Vec<usize>,
    names: Vec<Vec<String>>,
    /// Columns between stages: the arrow on one line, a gap in columns.
    one_line: bool,
}

/// The strip's lines at `width` columns: the stages, then one line per field with a span.
/// `None` when the pack has no flow, or the names do not fit without breaking words.
pub fn strip_lines(app: &App, width: usize) -> Option<Vec<Line<'static>>> {
    let flow = app.content.flow.as_ref()?;
    let t = super::styles(app);
    let label_w = app.content.disciplines.iter().map(|d| d.short.width()).max().unwrap_or(0) + 1;
    let slots = slots(flow, width.checked_sub(label_w)?)?;
    let mut lines = Vec::new();
    let name_rows = slots.names.iter().map(Vec::len).max().unwrap_or(1);
    for row in 0..name_rows {
        let mut spans = vec![Span::raw(" ".repeat(label_w))];
        let mut x = 0;
        for (i, name) in slots.names.iter().enumerate() {
            let text = name.get(row).map_or("", String::as_str);
            spans.push(Span::raw(" ".repeat(slots.starts[i] - x)));
            spans.push(Span::styled(text.to_owned(), t.emphasis));
            x = slots.starts[i] + text.width();
            if slots.one_line && i + 1 < slots.names.len() {
                spans.push(Span::styled(ARROW, t.dim));
                x += ARROW.width();
            }
        }
        lines.push(Line::from(spans));
    }
    for (d, span) in flow.spans.iter().enumerate() {
        if span.is_empty() {
            continue;
        }
        let disc = &app.content.disciplines[d];
        let style = t.discipline(disc.color);
        let mut bar = String::new();
        let mut x = 0;
        for (i, &s) in span.iter().enumerate() {
            let start = slots.starts[s];
            // Consecutive stages join into one bar across the gap between them.
            let joined = i > 0 && span[i - 1] + 1 == s;
            if joined {
                bar.extend(std::iter::repeat_n(BAR, start - x));
            } else {
                bar.push_str(&" ".repeat(start - x));
            }
            bar.extend(std::iter::repeat_n(BAR, slots.widths[s]));
            x = start + slots.widths[s];
        }
        let label = format!("{:<label_w$}", disc.short);
        let bar = named(bar, &disc.name, width - label_w);
        lines.push(Line::from(vec![Span::styled(label, style), Span::styled(bar, style)]));
    }
    Some(lines)
}

/// The field's full name on its bar: inside its longest unbroken stretch when that is long
/// enough (never over a gap, which would read as a stage covered), else after the bar, else
/// before it; left out where there is no room.
fn named(bar: String, name: &str, width: usize) -> String {
    let chars: Vec<char> = bar.chars().collect();
    let start = chars.iter().position(|c| *c == BAR).unwrap_or(0);
    let end = chars.iter().rposition(|c| *c == BAR).map_or(0, |e| e + 1);
    // The longest run of bar characters: (start, length).
    let mut best = (0, 0);
    let mut run = None;
    for (i, c) in chars.iter().chain(std::iter::once(&' ')).enumerate() {
        match (c == &BAR, run) {
            (true, None) => run = Some(i),
            (false, Some(r)) => {
                if i - r > best.1 {
                    best = (r, i - r);
                }
                run = None;
            }
            _ => {}
        }
    }
    let label = format!(" {name} ");
    let w = label.width();
    let mut out = chars.clone();
    if best.1 >= w + 4 {
        let at = best.0 + (best.1 - w) / 2;
        out.splice(at..at + w, label.chars());
    } else if end + w <= width {
        out.extend(label.chars());
    } else if w < start {
        out.splice(start - w..start, label.chars());
    } else {
        return bar;
    }
    out.into_iter().collect::<String>().trim_end().to_owned()
}

/// Lays the stages out on one line with arrows between them if they fit, else in equal
/// columns with each name wrapped inside its own.
fn slots(flow: &Flow, width: usize) -> Option<Slots> {
    let widths: Vec<usize> = flow.stages.iter().map(|s| s.width()).collect();
    let total = widths.iter().sum::<usize>() + ARROW.width() * flow.stages.len().saturating_sub(1);
    if total <= width {
        let mut starts = Vec::with_capacity(widths.len());
        let mut x = 0;
        for w in &widths {
            starts.push(x);
            x += w + ARROW.width();
        }
        let names = flow.stages.iter().map(|s| vec![s.clone()]).collect();
        return Some(Slots { starts, widths, names, one_line: true });
    }
    let n = flow.stages.len().max(1);
    let column = width / n;
    let inner = column.checked_sub(1).filter(|w| *w > 0)?;
    let mut names = Vec::with_capacity(n);
    for s in &flow.stages {
        if s.split_whitespace().any(|w| w.width() > inner) {
            return None;
        }
        names.push(wrap_hanging(s, inner, "", ""));
    }
    let widths = names.iter().map(|l: &Vec<String>| l.iter().map(|s| s.width()).max().unwrap_or(0)).collect();
    let starts = (0..n).map(|i| i * column).collect();
    Some(Slots { starts, widths, names, one_line: false })
}
