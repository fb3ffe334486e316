//! Rendering: a pure function of the app state onto a buffer, which reports what it drew
//! (a [`Drawn`] record: regions, their scroll and hit areas) for the app to read. One file
//! per screen.

pub mod compare;
pub mod confirm;
pub mod draw;
pub mod fit;
pub mod flow;
pub mod glossary;
pub mod help;
pub mod matrix;
pub mod progress;
pub mod quiz;
mod quiz_answer;
mod quiz_results;
pub mod reading;
pub mod search;
pub mod sources;
pub mod theme;
pub mod wrap;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget, Wrap,
};
use unicode_width::UnicodeWidthStr;

use crate::app::{App, Tab};
use crate::keymap::{self, Context, Hint};
use crate::view::{Drawn, Hit, ListCursor, Region, Viewport};
use draw::{Border, BoxFrame, draw_lines};

/// Below this size the layout cannot show a comparison; a message says so instead.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// The styles of the app's theme: the app holds only the theme's name.
pub fn styles(app: &App) -> &'static theme::Theme {
    theme::Theme::by_variant(app.theme)
}

/// Draws the whole screen, for a caller that has no use for the record (a snapshot).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    render_frame(app, area, buf);
}

/// Draws the whole screen and reports what it drew.
pub fn render_frame(app: &App, area: Rect, buf: &mut Buffer) -> Drawn {
    let mut rec = Drawn { area, ..Drawn::default() };
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        render_too_small(area, buf);
        return rec;
    }
    let [header, body, footer] = split(area);
    render_header(app, header, buf, &mut rec);
    match app.tab {
        Tab::Compare => compare::render(app, body, buf, &mut rec),
        Tab::Quiz => quiz::render(app, body, buf, &mut rec),
        Tab::Glossary => glossary::render(app, body, buf, &mut rec),
        Tab::Fit => fit::render(app, body, buf, &mut rec),
        Tab::Sources => sources::render(app, body, buf, &mut rec),
        Tab::Progress => progress::render(app, body, buf, &mut rec),
    }
    render_footer(app, footer, buf);
    // An overlay covers the tab: nothing under it can be clicked.
    if app.help.is_some() {
        rec.hits.clear();
        help::render(app, body, buf, &mut rec);
    }
    if app.search.is_some() {
        rec.hits.clear();
        search::render(app, body, buf, &mut rec);
    }
    if let Some(question) = app.confirm {
        // A click anywhere says no, like any key but y.
        rec.hits.clear();
        confirm::render(app, question, body, buf);
    }
    rec
}

/// Draws a frame of the app's size into a new buffer and hands its record to the app, as
/// the event loop does. For tests, benches and the fuzzer.
pub fn draw(app: &mut App) -> Buffer {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let mut buf = Buffer::empty(area);
    let drawn = render_frame(app, area, &mut buf);
    app.observe(drawn);
    buf
}

fn split(area: Rect) -> [Rect; 3] {
    Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(area)
}

const APP_TITLE: &str = " scm-vs-om ";

/// Where each tab's title sits on the header row (columns), for drawing and for clicks.
fn tab_columns() -> Vec<(std::ops::Range<u16>, Tab)> {
    let mut x = APP_TITLE.width() as u16 + 1;
    Tab::ALL
        .iter()
        .enumerate()
        .map(|(i, tab)| {
            let w = format!(" {} {}", i + 1, tab.title()).width() as u16;
            let range = x..x + w;
            x += w + 2;
            (range, *tab)
        })
        .collect()
}

fn render_header(app: &App, area: Rect, buf: &mut Buffer, rec: &mut Drawn) {
    let t = styles(app);
    rec.show(Region::Header, area, area.height, 0, 0);
    let mut spans = vec![Span::styled(APP_TITLE, t.app_title), Span::raw(" ")];
    for (i, (cols, tab)) in tab_columns().iter().enumerate() {
        let cols = Rect { x: area.x + cols.start, width: cols.end - cols.start, ..area }.intersection(area);
        rec.hit_area(cols, Hit::Tab(tab.index()));
        let style = if *tab == app.tab { t.tab_active } else { t.tab };
        let marker = if *tab == app.tab { "▸" } else { " " };
        spans.push(Span::styled(format!("{marker}{} {}", i + 1, tab.title()), style));
        spans.push(Span::raw("  "));
    }
    Line::from(spans).render(area, buf);
    // On the right, what is being compared: the pack's title where it fits, else the short
    // names from the content. Rendered into its own cells only, so the gap before it stays
    // unstyled (and unsent).
    let shorts: Vec<&str> = app.content.disciplines.iter().map(|d| d.short.as_str()).collect();
    let used: usize = Tab::ALL.iter().map(|t| t.title().width() + 5).sum::<usize>() + 12;
    let labels =
        app.content.pack.title.iter().map(|t| format!("{t} ")).chain([format!("{} ", shorts.join(" vs "))]);
    if let Some(label) = labels.into_iter().find(|l| used + l.width() < area.width as usize) {
        let width = label.width() as u16;
        let right = Rect { x: area.right() - width, width, ..area };
        Line::styled(label, t.dim).render(right, buf);
    }
}

fn render_footer(app: &App, area: Rect, buf: &mut Buffer) {
    if let Some(notice) = app.notices.first() {
        let more =
            if app.notices.len() > 1 { format!(" (+{} more)", app.notices.len() - 1) } else { String::new() };
        let text = truncate(&format!(" {notice}{more}"), area.width as usize);
        Line::styled(text, styles(app).warning).render(area, buf);
        return;
    }
    let width = area.width as usize;
    let mut spans = vec![Span::raw(" ")];
    let hints = footer_hints(app, width);
    for h in &hints {
        spans.extend(hint_spans(app, h));
    }
    Line::from(spans).render(area, buf);
}

/// The hints that fit in `width` columns, in table order. When not all fit, the most
/// important are kept (see [`Hint::priority`]): what the screen is for first, search last.
pub fn footer_hints(app: &App, width: usize) -> Vec<Hint> {
    let contexts = app.contexts();
    // While a question waits for its answer, the footer offers only its answers.
    let contexts = if contexts.first() == Some(&Context::Confirm) { &contexts[..1] } else { &contexts[..] };
    let mut hints = keymap::hints(contexts);
    // Option letters as far as this question's options go (`a-c`, not `a-f`).
    let options = app.quiz.session.as_ref().and_then(|s| s.card()).map_or(0, |c| c.options.len());
    // A card without options (a typed one) has no letters to offer.
    hints.retain(|h| h.key != keymap::Key::OptionLetter || options > 0);
    for h in &mut hints {
        if h.key == keymap::Key::OptionLetter {
            h.keys = keymap::option_range(options);
        }
    }
    let cost = |h: &Hint| h.keys.width() + h.label.width() + 3;
    let mut order: Vec<usize> = (0..hints.len()).collect();
    order.sort_by_key(|&i| hints[i].priority());
    let mut budget = width.saturating_sub(1);
    let mut keep = vec![false; hints.len()];
    for i in order {
        if cost(&hints[i]) <= budget {
            budget -= cost(&hints[i]);
            keep[i] = true;
        }
    }
    hints.into_iter().zip(keep).filter_map(|(h, k)| k.then_some(h)).collect()
}

fn hint_spans<'a>(app: &App, hint: &'a Hint) -> [Span<'a>; 3] {
    [
        Span::styled(hint.keys.as_str(), styles(app).key),
        Span::styled(format!(" {}", hint.label), styles(app).hint),
        Span::raw("  "),
    ]
}

fn render_too_small(area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let text = format!(
        "Terminal too small: {}×{}. Needs at least {MIN_WIDTH}×{MIN_HEIGHT}. Enlarge the window, or press q to quit.",
        area.width, area.height
    );
    let lines = wrap::wrap_hanging(&text, area.width as usize, "", "");
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let area = Rect { y: area.y + top, height: area.height - top, ..area };
    Paragraph::new(lines.into_iter().map(Line::from).collect::<Vec<_>>())
        .centered()
        .wrap(Wrap { trim: true })
        .style(Style::new())
        .render(area, buf);
}

/// A bordered, padded box; focus shows as a thick border and a reversed title.
pub fn framed(app: &App, title: Line<'static>, focused: bool) -> BoxFrame<'static> {
    let title = if focused { title.patch_style(Modifier::REVERSED) } else { title };
    BoxFrame::new(title, if focused { Border::Thick } else { Border::Plain }, styles(app).border)
}

/// Lines in a block, scrolled (the offset is clamped to the text), with a scrollbar on the
/// block's right border when the text overflows. Returns the viewport as drawn.
pub fn scrolled_box(
    app: &App,
    area: Rect,
    block: BoxFrame<'_>,
    lines: Vec<Line<'_>>,
    scroll: u16,
    buf: &mut Buffer,
) -> Viewport {
    let t = styles(app);
    let inner = block.inner(area);
    let len = lines.len();
    let max = len.saturating_sub(inner.height as usize);
    let scroll = (scroll as usize).min(max);
    let shown = Viewport {
        offset: scroll.min(u16::MAX as usize) as u16,
        height: inner.height,
        len: len.min(u16::MAX as usize) as u16,
    };
    block.render(area, buf);
    draw_lines(buf, inner, &lines, scroll);
    if len > inner.height as usize && inner.height > 0 {
        let bar = Rect { y: inner.y, height: inner.height, ..area };
        scrollbar(buf, bar, max, scroll, t.border);
    }
    shown
}

/// The one scrollbar style: a thumb on a thin track, no arrows, in the border's style, for
/// text scrolled to `position` of `0..=max`.
pub fn scrollbar(buf: &mut Buffer, bar: Rect, max: usize, position: usize, style: Style) {
    let mut state =
        ScrollbarState::new(max + 1).position(position).viewport_content_length(bar.height as usize);
    Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_symbol(Some("│"))
        .thumb_symbol("█")
        .thumb_style(style)
        .track_style(style)
        .render(bar, buf, &mut state);
}

/// Lines of a list with one selected row, scrolled so the selection stays in view.
pub fn list_lines(
    app: &App,
    items: &[String],
    selected: usize,
    focused: bool,
    height: usize,
    width: usize,
) -> Vec<Line<'static>> {
    list_window_lines(app, items.len(), |i| items[i].clone(), selected, focused, height, width)
}

/// Like [`list_lines`], making the text of only the rows that show: a list of thousands costs
/// what a screenful does.
pub fn list_window_lines(
    app: &App,
    len: usize,
    item: impl Fn(usize) -> String,
    selected: usize,
    focused: bool,
    height: usize,
    width: usize,
) -> Vec<Line<'static>> {
    let t = styles(app);
    let offset = ListCursor { selected, len, rows: height }.offset();
    (offset..len.min(offset + height))
        .map(|i| {
            let sel = i == selected;
            let text = truncate(&format!("{}{}", if sel { "▸ " } else { "  " }, item(i)), width);
            let pad = if sel { " ".repeat(width.saturating_sub(text.width())) } else { String::new() };
            let style = match (sel, focused) {
                (true, true) => t.selected,
                (true, false) => t.selected_unfocused,
                _ => t.item,
            };
            Line::styled(format!("{text}{pad}"), style)
        })
        .collect()
}

/// Records a list drawn with [`list_lines`] in `inner` (inside the box `area`) whose rows
/// are not clicked; returns the first row shown.
pub fn record_list_region(
    rec: &mut Drawn,
    region: Region,
    (area, inner): (Rect, Rect),
    selected: usize,
    len: usize,
) -> usize {
    let offset = ListCursor { selected, len, rows: inner.height as usize }.offset();
    rec.show(region, area, inner.height, len, offset);
    offset
}

/// Records a list drawn with [`list_lines`] in `inner` (inside the box `area`): the region,
/// and a hit for each row that shows, naming its item with `hit`.
pub fn record_list(
    rec: &mut Drawn,
    region: Region,
    (area, inner): (Rect, Rect),
    selected: usize,
    len: usize,
    hit: impl Fn(usize) -> Hit,
) {
    let offset = record_list_region(rec, region, (area, inner), selected, len);
    for (row, i) in (offset..len.min(offset + inner.height as usize)).enumerate() {
        rec.hit_area(Rect { y: inner.y + row as u16, height: 1, ..inner }, hit(i));
    }
}

/// Wrapped text whose first line starts with a styled label (`Source: `, `Field  `), the
/// rest hanging under it.
pub fn labelled(
    label: &str,
    text: &str,
    width: usize,
    label_style: Style,
    style: Style,
) -> Vec<Line<'static>> {
    let indent = " ".repeat(label.width());
    wrap::wrap_hanging(text, width, label, &indent)
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let head = if i == 0 { label } else { indent.as_str() };
            match l.strip_prefix(head) {
                // The indent stays unstyled: plain blanks cost nothing to draw.
                Some(rest) => Line::from(vec![
                    Span::styled(head.to_string(), if i == 0 { label_style } else { Style::new() }),
                    Span::styled(rest.to_string(), style),
                ]),
                // Too narrow for the label: the wrap dropped it.
                None => Line::styled(l, style),
            }
        })
        .collect()
}

/// Cuts `text` to `width` columns, ending with `…` when something was cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::BuiltinContent;
    use crate::action::Action;
    use crate::content::Content;
    use crate::view::Region;

    fn app(w: u16, h: u16) -> App {
        let mut app = App::new(Content::builtin(), &theme::DARK, (w, h));
        draw(&mut app);
        app
    }

    fn press(app: &mut App, action: Action) {
        app.update(action);
        draw(app);
    }

    /// Paging means the same on every screen: what shows, less one line kept for context.
    #[test]
    fn a_page_is_what_shows_less_one_line_in_every_scrolled_text() {
        let mut a = app(60, 20);
        press(&mut a, Action::ToggleHelp);
        let help = *a.drawn.shown(Region::Help).expect("help is drawn");
        press(&mut a, Action::PageDown);
        assert_eq!(a.help, Some(help.height - 1));

        let mut a = app(60, 30);
        // Enter on the matrix opens the first dimension to read.
        press(&mut a, Action::Select);
        let text = *a.drawn.shown(Region::Reading).expect("the dimension is drawn");
        assert!(text.height > 1 && text.len > 2 * text.height, "the text overflows: {text:?}");
        press(&mut a, Action::PageDown);
        assert_eq!(a.compare.scroll, text.height - 1);

        // Lists page the same way, by the rows they show.
        let mut a = app(60, 20);
        press(&mut a, Action::GoToTab(4));
        let list = *a.drawn.shown(Region::SourcesList).expect("the list is drawn");
        press(&mut a, Action::PageDown);
        assert_eq!(a.sources.selected, usize::from(list.height - 1));
    }

    /// A click lands on what the last frame drew there, and only on that.
    #[test]
    fn a_click_is_looked_up_in_the_frame() {
        let mut a = app(100, 30);
        press(&mut a, Action::Select);
        press(&mut a, Action::FocusPrev);
        let (area, _) = *a.drawn.hits.iter().find(|(_, h)| *h == Hit::CompareEntry(3)).expect("shown");
        a.update(Action::Click(area.x + 1, area.y));
        assert_eq!(a.compare.selected, 3);
        let (area, _) = *a.drawn.hits.iter().find(|(_, h)| *h == Hit::Tab(2)).expect("the tab bar is drawn");
        a.update(Action::Click(area.x, area.y));
        assert_eq!(a.tab, Tab::Glossary);
        // Below the list's last row, nothing: a click there selects nothing.
        let list = *a.drawn.shown(Region::CompareList).expect("the list is drawn");
        assert_eq!(a.drawn.hit(list.area.x + 1, list.area.bottom()), None);
    }
}
