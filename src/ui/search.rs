//! The search overlay: the text typed, and the ranked results with their matched letters.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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

/// Where a hit lives, in a word or two, padded to 11 characters as `{:<11}` pads (built
/// in place: formatting it twice a row was a tenth of the overlay's own time).
fn tag(app: &App, target: Target) -> String {
    let mut tag = String::with_capacity(16);
    match target {
        Target::Point { discipline, .. } => {
            tag.push_str(&app.content.disciplines[discipline].short);
            tag.push_str(" point");
        }
        Target::Dimension(_) => tag.push_str("Compare"),
        Target::Detail(_, Detail::Summary) => tag.push_str("Summary"),
        Target::Detail(_, Detail::Shared) => tag.push_str("Shared"),
        Target::Detail(_, Detail::Note) => tag.push_str("Note"),
        Target::Term(_) => tag.push_str("Term"),
        Target::Definition(_) => tag.push_str("Definition"),
        Target::Question(_) => tag.push_str("Quiz"),
    }
    let chars = tag.chars().count();
    tag.extend(std::iter::repeat_n(' ', 11usize.saturating_sub(chars)));
    tag
}

/// The dimension (or term) a hit belongs to, for context after its text.
fn context(app: &App, target: Target) -> Option<&str> {
    let c = &app.content;
    match target {
        Target::Point { dimension, .. } | Target::Detail(dimension, _) => {
            Some(&c.dimensions[dimension].title)
        }
        Target::Definition(t) => Some(&c.terms[t].name),
        Target::Question(q) => Some(&c.dimensions[c.questions[q].dimension].title),
        Target::Dimension(_) | Target::Term(_) => None,
    }
}

/// A span's width: printable ASCII is one column a byte, without a table lookup.
fn span_width(span: &Span) -> usize {
    let text: &str = &span.content;
    if text.bytes().all(|b| (b' '..0x7f).contains(&b)) { text.len() } else { text.width() }
}

pub fn render(app: &App, body: Rect, buf: &mut Buffer, rec: &mut Drawn) {
    let t = super::styles(app);
    let Some(search) = app.search.as_ref() else { return };
    let Some(index) = app.search_index.as_ref() else { return };
    let area = area_in(body);
    super::draw::clear(buf, area);
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
        let tag = tag(app, item.target);
        let matched = search.matched.get(i).map(Vec::as_slice).unwrap_or(&[]);
        let base = if selected { t.selected } else { t.text };
        let tag_len = tag.len();
        let mut spans = vec![Span::styled(tag, if selected { t.selected } else { t.dim })];
        spans.extend(highlighted(&item.text, matched, width.saturating_sub(tag_len), base, app));
        if let Some(ctx) = context(app, item.target) {
            let used: usize = spans.iter().map(span_width).sum();
            if used + 6 < width {
                let style = if selected { t.selected } else { t.dim };
                let plain = !ctx.is_empty() && ctx.bytes().all(|b| (b' '..0x7f).contains(&b));
                if plain && 4 + ctx.len() <= width - used {
                    // Whole, borrowed, and the dot apart, so the title is drawn a slice at a time.
                    spans.extend([Span::styled("  · ", style), Span::styled(ctx, style)]);
                } else {
                    spans.push(Span::styled(truncate(&format!("  · {ctx}"), width - used), style));
                }
            }
        }
        lines.push(Line::from(spans));
    }
    super::draw::draw_lines(buf, inner, &lines, 0);
}

/// The text cut to `width`, starting near the first match when that would be off the end,
/// with the matched characters underlined and bold (not colour alone). The spans borrow
/// the text: a run of characters in one style is one slice of it.
fn highlighted<'a>(text: &'a str, matched: &[usize], width: usize, base: Style, app: &App) -> Vec<Span<'a>> {
    // Printable ASCII: a character is a byte and a column, so the cut and the runs are
    // worked out from the matches alone, without visiting each character.
    let ascii = text.bytes().all(|b| (b' '..0x7f).contains(&b));
    let first = matched.first().copied().unwrap_or(0);
    // Show from a little before the first match if it would not fit otherwise.
    let prefix_w: usize = if ascii {
        first.min(text.len())
    } else {
        text.chars().take(first).map(|c| c.width().unwrap_or(0)).sum()
    };
    let start = if prefix_w + 10 > width { first.saturating_sub(8) } else { 0 };
    let hit = base.patch(super::styles(app).key).add_modifier(Modifier::UNDERLINED);
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0;
    if start > 0 {
        spans.push(Span::styled("…", base));
        used += 1;
    }
    // A match is taken when its character comes; one out of order (or repeated) holds up
    // those after it, as it always has.
    let mut next_match = matched.iter().copied().skip_while(|&m| m < start).peekable();
    if ascii {
        if start >= text.len() {
            return spans;
        }
        // The first character with no room for it and a `…` after it, unless it is the last.
        let no_room = (start + width).saturating_sub(used + 1).max(start);
        let (end, cut) = if no_room + 1 < text.len() { (no_room, true) } else { (text.len(), false) };
        let mut at = start;
        while let Some(&m) = next_match.peek().filter(|&&m| m >= at && m < end) {
            if m > at {
                push_run(&mut spans, &text[at..m], base);
            }
            push_run(&mut spans, &text[m..m + 1], hit);
            next_match.next();
            at = m + 1;
        }
        if end > at {
            push_run(&mut spans, &text[at..end], base);
        }
        if cut {
            spans.push(Span::styled("…", base));
        }
        return spans;
    }
    // Only the characters that fit are visited: a long definition costs no more than a
    // short one.
    let mut chars = text.char_indices().enumerate().skip(start).peekable();
    // The run being gathered: where it starts (a byte offset) and its style.
    let mut run: Option<(usize, Style)> = None;
    let mut cut = false;
    let mut end = text.len();
    while let Some((i, (at, c))) = chars.next() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width && chars.peek().is_some() {
            (end, cut) = (at, true);
            break;
        }
        let style = if next_match.next_if_eq(&i).is_some() { hit } else { base };
        match run {
            Some((_, s)) if s == style => {}
            Some((from, s)) => {
                push_run(&mut spans, &text[from..at], s);
                run = Some((at, style));
            }
            None => run = Some((at, style)),
        }
        used += w;
    }
    if let Some((from, s)) = run {
        push_run(&mut spans, &text[from..end], s);
    }
    if cut {
        spans.push(Span::styled("…", base));
    }
    spans
}

/// Adds a run of text in one style, to the last span when that has the style already (the
/// leading `…`).
fn push_run<'a>(spans: &mut Vec<Span<'a>>, run: &'a str, style: Style) {
    match spans.last_mut() {
        Some(last) if last.style == style => last.content.to_mut().push_str(run),
        _ => spans.push(Span::styled(run, style)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::BuiltinContent;
    use crate::content::Content;

    /// The highlighting as it was made before it borrowed the text: a character at a time.
    fn one_char_at_a_time(
        text: &str,
        matched: &[usize],
        width: usize,
        base: Style,
        app: &App,
    ) -> Vec<Span<'static>> {
        let first = matched.first().copied().unwrap_or(0);
        let prefix_w: usize = text.chars().take(first).map(|c| c.width().unwrap_or(0)).sum();
        let start = if prefix_w + 10 > width { first.saturating_sub(8) } else { 0 };
        let hit = base.patch(super::super::styles(app).key).add_modifier(Modifier::UNDERLINED);
        let mut spans: Vec<Span> = Vec::new();
        let mut used = 0;
        if start > 0 {
            spans.push(Span::styled("…", base));
            used += 1;
        }
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

    #[test]
    fn tags_are_padded_as_format_pads_them() {
        let mut app = App::new(Content::builtin(), &super::super::theme::DARK, (80, 24));
        for (i, d) in app.content.disciplines.iter_mut().enumerate() {
            // A long name and a wide one.
            d.short = ["供应链", "Operations management"][i % 2].into();
        }
        let targets = [
            Target::Dimension(0),
            Target::Point { dimension: 0, discipline: 0, point: 0 },
            Target::Point { dimension: 0, discipline: 1, point: 0 },
            Target::Detail(0, Detail::Summary),
            Target::Detail(0, Detail::Shared),
            Target::Detail(0, Detail::Note),
            Target::Term(0),
            Target::Definition(0),
            Target::Question(0),
        ];
        for target in targets {
            let label = match target {
                Target::Point { discipline, .. } => {
                    format!("{} point", app.content.disciplines[discipline].short)
                }
                Target::Dimension(_) => "Compare".into(),
                Target::Detail(_, Detail::Summary) => "Summary".into(),
                Target::Detail(_, Detail::Shared) => "Shared".into(),
                Target::Detail(_, Detail::Note) => "Note".into(),
                Target::Term(_) => "Term".into(),
                Target::Definition(_) => "Definition".into(),
                Target::Question(_) => "Quiz".into(),
            };
            assert_eq!(tag(&app, target), format!("{label:<11}"));
        }
    }

    proptest::proptest! {
        #[test]
        fn borrowed_runs_are_the_spans_a_character_at_a_time_made(
            text in proptest::prop_oneof!["[a-z 供😀é\u{301}…]{0,60}", "[a-zA-Z ,.]{0,60}"],
            picks in proptest::collection::btree_set(0usize..60, 0..12),
            // Out of order or repeated, now and then.
            extra in proptest::option::of(0usize..60),
            width in 0usize..70,
            selected in proptest::prelude::any::<bool>(),
        ) {
            let app = App::new(Content::builtin(), &super::super::theme::DARK, (80, 24));
            let t = super::super::styles(&app);
            let base = if selected { t.selected } else { t.text };
            let mut matched: Vec<usize> = picks.into_iter().collect();
            if let Some(m) = extra {
                matched.insert(matched.len() / 2, m);
            }
            let ours = highlighted(&text, &matched, width, base, &app);
            let theirs = one_char_at_a_time(&text, &matched, width, base, &app);
            proptest::prop_assert_eq!(ours, theirs);
            let widths: Vec<usize> = highlighted(&text, &matched, width, base, &app).iter().map(span_width).collect();
            let expected: Vec<usize> = one_char_at_a_time(&text, &matched, width, base, &app).iter().map(|s| s.width()).collect();
            proptest::prop_assert_eq!(widths, expected);
        }
    }
}
