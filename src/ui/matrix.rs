//! The at-a-glance matrix, the first screen of Compare: one row per dimension, grouped, with
//! a short phrase per discipline and one for what they share, under the flow strip. Rows are
//! drawn whole or not at all, and the window follows the selection without storing an offset.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::draw::draw_lines;
use super::wrap::wrap_hanging;
use super::{flow, truncate};
use crate::app::App;
use crate::content::Owner;
use crate::content::glance::{GLANCE_LINES, MatrixColumns};
use crate::view::{Drawn, Hit, Region};

/// The flow's note is shown only when the rows keep at least this many lines beside it: the
/// rows are the point of the screen (14 dimensions at 120×40).
const NOTE_LEAVES_ROWS: u16 = 32;

/// One block of the matrix: a group heading or a dimension's row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block {
    Group(usize),
    Dimension(usize),
}

/// Where everything goes at one size.
struct Plan {
    strip: Vec<Line<'static>>,
    header: Rect,
    rows: Rect,
    cols: MatrixColumns,
    blocks: Vec<Block>,
    /// The first block shown, and how many fit whole.
    first: usize,
    shown: usize,
    /// The wrapped cells of the dimension rows worked out while placing the window (grid
    /// layout only), so drawing does not wrap them again.
    cells: Vec<Option<Vec<Vec<String>>>>,
}

fn blocks(app: &App) -> Vec<Block> {
    let mut out = Vec::with_capacity(app.content.groups.len() + app.content.dimensions.len());
    for (g, group) in app.content.groups.iter().enumerate() {
        out.push(Block::Group(g));
        out.extend(group.dimensions.clone().map(Block::Dimension));
    }
    out
}

fn plan(app: &App, area: Rect) -> Plan {
    let width = area.width as usize;
    let cols = MatrixColumns::new(width, app.content.disciplines.len());
    let mut strip = flow::strip_lines(app, width).unwrap_or_default();
    if let Some(note) = app.content.flow.as_ref().and_then(|f| f.note.as_ref()).filter(|_| !strip.is_empty())
    {
        let t = super::styles(app);
        let lines = super::labelled("Note: ", note, width, t.warning.patch(t.emphasis), t.dim);
        if area.height >= (strip.len() + lines.len()) as u16 + 1 + NOTE_LEAVES_ROWS {
            strip.extend(lines);
        }
    }
    // The strip gives way when it would leave the rows too little room.
    if area.height < strip.len() as u16 + 6 {
        strip.clear();
    }
    let strip_h = strip.len() as u16;
    let header = Rect { y: area.y + strip_h, height: 1.min(area.height.saturating_sub(strip_h)), ..area };
    let rows =
        Rect { y: header.bottom(), height: area.height.saturating_sub(strip_h + header.height), ..area };
    let blocks = blocks(app);
    let selected = blocks.iter().position(|b| *b == Block::Dimension(app.compare.matrix)).unwrap_or(0);
    let groups: Vec<bool> = blocks.iter().map(|b| matches!(b, Block::Group(_))).collect();
    let mut heights: Vec<Option<usize>> = vec![None; blocks.len()];
    let mut cells_of: Vec<Option<Vec<Vec<String>>>> = vec![None; blocks.len()];
    let mut height = |k: usize| {
        *heights[k].get_or_insert_with(|| match blocks[k] {
            Block::Dimension(d) if !stacked(&cols) => {
                let c = cells(app, d, &cols, d == app.compare.matrix);
                let h = c.iter().map(Vec::len).max().unwrap_or(1);
                cells_of[k] = Some(c);
                h
            }
            b => block_height(app, b, &cols),
        })
    };
    let (first, shown) = window(&groups, selected, rows.height as usize, &mut height);
    Plan { strip, header, rows, cols, blocks, first, shown, cells: cells_of }
}

/// The blocks to show in `height` lines: the selected one whole, with what comes before it
/// filling about half the space, and the window kept full at the end of the list. A group
/// heading that opens the window costs nothing: the header line names that group. Heights
/// are asked for lazily (`h`), so only the rows near the window are wrapped.
fn window(
    groups: &[bool],
    selected: usize,
    height: usize,
    h: &mut impl FnMut(usize) -> usize,
) -> (usize, usize) {
    let len = groups.len();
    if len == 0 {
        return (0, 0);
    }
    let mut cost = |first: usize, k: usize| if k == first && groups[k] { 0 } else { h(k) };
    // The lines of blocks `first..=last`, counted only up to `limit + 1`.
    let mut span = |first: usize, last: usize, limit: usize| {
        let mut sum = 0;
        for k in first..=last {
            sum += cost(first, k);
            if sum > limit {
                break;
            }
        }
        sum
    };
    let mut first = selected;
    while first > 0 && span(first - 1, selected, height / 2) <= height / 2 {
        first -= 1;
    }
    while first > 0 && span(first - 1, len - 1, height) <= height {
        first -= 1;
    }
    let mut shown = 0;
    let mut used = 0;
    for (k, &group) in groups.iter().enumerate().skip(first) {
        let c = if k == first && group { 0 } else { h(k) };
        if used + c > height {
            break;
        }
        used += c;
        shown += 1;
    }
    // A row taller than the whole area is still shown, cut, rather than nothing.
    (first, shown.max(1).min(len - first))
}

fn block_height(app: &App, block: Block, cols: &MatrixColumns) -> usize {
    match block {
        Block::Group(_) => 1,
        Block::Dimension(d) if stacked(cols) => stacked_lines(app, d, cols, false).len(),
        Block::Dimension(d) => cells(app, d, cols, false).iter().map(Vec::len).max().unwrap_or(1),
    }
}

/// Below this cell width phrases would break inside words, so each row is stacked instead: the
/// title, then one labelled line (or more) per field.
const MIN_CELL: usize = 12;

fn stacked(cols: &MatrixColumns) -> bool {
    cols.cell < MIN_CELL
}

/// A dimension's row, stacked: the title, then each field's phrase after its short name.
fn stacked_lines(app: &App, d: usize, cols: &MatrixColumns, selected: bool) -> Vec<Line<'static>> {
    let t = super::styles(app);
    let width = cols.title + cols.cells * (cols.cell + 1);
    let dim = &app.content.dimensions[d];
    let marker = if selected { "▸ " } else { "  " };
    let style = if selected { t.selected } else { t.item };
    let mut lines: Vec<Line<'static>> = wrap_hanging(&dim.title, width, marker, "  ")
        .into_iter()
        .map(|l| Line::styled(pad(&l, width), style))
        .collect();
    let n = app.content.disciplines.len();
    let label_w = app.content.disciplines.iter().map(|d| d.short.width()).max().unwrap_or(1).max(1) + 3;
    let text_w = width.saturating_sub(label_w);
    for i in 0..=n {
        let (label, label_style, text, authored) = if i < n {
            let disc = &app.content.disciplines[i];
            (
                disc.short.clone(),
                t.discipline(disc.color),
                Some(dim.glance_phrase(i)),
                dim.has_glance_phrase(i),
            )
        } else {
            let authored = dim.glance.as_ref().is_some_and(|g| g.both.is_some());
            ("◆".to_string(), t.overlap, dim.glance_both(), authored)
        };
        let wrapped = wrap_hanging(text.unwrap_or("—"), text_w, "", "");
        let wrapped = if authored { wrapped } else { cut(wrapped, text_w) };
        for (k, l) in wrapped.into_iter().enumerate() {
            let head = if k == 0 { format!("  {label:<w$}", w = label_w - 2) } else { " ".repeat(label_w) };
            let style = if i < n { t.text } else { t.dim };
            lines.push(Line::from(vec![Span::styled(head, label_style), Span::styled(l, style)]));
        }
    }
    lines
}

/// The text of a dimension's row: the title, then one cell per discipline, then the shared
/// one. The author's phrases show whole; a fallback (a first point) shows its start.
fn cells(app: &App, d: usize, cols: &MatrixColumns, selected: bool) -> Vec<Vec<String>> {
    let dim = &app.content.dimensions[d];
    let n = app.content.disciplines.len();
    let mut out: Vec<Vec<String>> = Vec::with_capacity(n + 2);
    let mut tallest = 1;
    let mut phrases = Vec::with_capacity(n + 1);
    for i in 0..n {
        let lines = wrap_hanging(dim.glance_phrase(i), cols.cell, "", "");
        let lines = if dim.has_glance_phrase(i) { lines } else { cut(lines, cols.cell) };
        tallest = tallest.max(lines.len());
        phrases.push(lines);
    }
    let both = match dim.glance_both() {
        Some(text) => {
            let lines = wrap_hanging(text, cols.cell, "", "");
            let authored = dim.glance.as_ref().is_some_and(|g| g.both.is_some());
            if authored { lines } else { cut(lines, cols.cell) }
        }
        None => vec!["—".to_string()],
    };
    tallest = tallest.max(both.len());
    phrases.push(both);
    let marker = if selected { "▸ " } else { "  " };
    let title = wrap_hanging(&dim.title, cols.title.saturating_sub(1), marker, "  ");
    // The title never makes a row taller than its phrases need (two lines at least).
    out.push(cut_to(title, tallest.max(GLANCE_LINES), cols.title.saturating_sub(1)));
    out.extend(phrases);
    out
}

/// The first [`GLANCE_LINES`] lines, ending in "…" when there was more.
fn cut(lines: Vec<String>, width: usize) -> Vec<String> {
    cut_to(lines, GLANCE_LINES, width)
}

fn cut_to(mut lines: Vec<String>, max: usize, width: usize) -> Vec<String> {
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            *last = truncate(&format!("{last} …"), width);
        }
    }
    lines
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer, rec: &mut Drawn) {
    let t = super::styles(app);
    let p = plan(app, area);
    draw_lines(buf, Rect { height: p.strip.len() as u16, ..area }, &p.strip, 0);

    // The header names the columns, and the group of the first row shown.
    let group = match p.blocks.get(p.first) {
        Some(Block::Group(g)) => Some(*g),
        Some(Block::Dimension(d)) => Some(app.content.dimensions[*d].group),
        None => None,
    };
    let title = group.map_or("", |g| app.content.groups[g].title.as_str());
    if stacked(&p.cols) {
        let line = Line::styled(truncate(title, area.width as usize), t.group);
        draw_lines(buf, p.header, &[line], 0);
    } else {
        draw_header(app, &p, title, buf);
    }
    draw_rows(app, &p, area, buf, rec);
}

fn draw_header(app: &App, p: &Plan, title: &str, buf: &mut Buffer) {
    let t = super::styles(app);
    let mut header = Vec::with_capacity(p.cols.cells + 1);
    header.push(Span::styled(pad(&truncate(title, p.cols.title.saturating_sub(1)), p.cols.title), t.group));
    for disc in &app.content.disciplines {
        let name = if disc.name.width() <= p.cols.cell { &disc.name } else { &disc.short };
        header.push(Span::raw(" "));
        header.push(Span::styled(pad(&truncate(name, p.cols.cell), p.cols.cell), t.discipline(disc.color)));
    }
    header.push(Span::raw(" "));
    let shared = format!("◆ {}", app.content.owner_name(Owner::Both));
    header.push(Span::styled(truncate(&shared, p.cols.cell), t.overlap));
    draw_lines(buf, p.header, &[Line::from(header)], 0);
}

fn draw_rows(app: &App, p: &Plan, area: Rect, buf: &mut Buffer, rec: &mut Drawn) {
    let t = super::styles(app);
    // What a page key moves by: the dimensions shown whole.
    let shown =
        p.blocks[p.first..p.first + p.shown].iter().filter(|b| matches!(b, Block::Dimension(_))).count();
    let first = p.blocks[p.first..].iter().find_map(|b| match b {
        Block::Dimension(d) => Some(*d),
        Block::Group(_) => None,
    });
    rec.show(Region::Matrix, p.rows, shown as u16, app.content.dimensions.len(), first.unwrap_or(0));
    let mut y = p.rows.y;
    for (k, block) in p.blocks.iter().enumerate().skip(p.first).take(p.shown) {
        // The header already names the first row's group.
        if k == p.first && matches!(block, Block::Group(_)) {
            continue;
        }
        let rest = p.rows.bottom().saturating_sub(y);
        match *block {
            Block::Group(g) => {
                let text = truncate(&app.content.groups[g].title, area.width as usize);
                draw_lines(buf, Rect { y, height: 1.min(rest), ..p.rows }, &[Line::styled(text, t.group)], 0);
                y += 1;
            }
            Block::Dimension(d) if stacked(&p.cols) => {
                let lines = stacked_lines(app, d, &p.cols, d == app.compare.matrix);
                let row = Rect { y, height: (lines.len() as u16).min(rest), ..p.rows };
                draw_lines(buf, row, &lines, 0);
                rec.hit_area(row, Hit::MatrixRow(d));
                y += lines.len() as u16;
            }
            Block::Dimension(d) => {
                let selected = d == app.compare.matrix;
                let cells = match p.cells.get(k).and_then(Option::as_ref) {
                    Some(c) => std::borrow::Cow::Borrowed(c),
                    None => std::borrow::Cow::Owned(cells(app, d, &p.cols, selected)),
                };
                let h = cells.iter().map(Vec::len).max().unwrap_or(1) as u16;
                let height = h.min(rest);
                rec.hit_area(Rect { y, height, ..p.rows }, Hit::MatrixRow(d));
                let title_style = if selected { t.selected } else { t.item };
                let title: Vec<Line> =
                    cells[0].iter().map(|l| Line::styled(pad(l, p.cols.title), title_style)).collect();
                draw_lines(buf, Rect { x: area.x, y, width: p.cols.title as u16, height }, &title, 0);
                for (i, cell) in cells[1..].iter().enumerate() {
                    let x = area.x + p.cols.cell_x(i) as u16;
                    let style = if i == app.content.disciplines.len() { t.dim } else { t.text };
                    let lines: Vec<Line> = cell.iter().map(|l| Line::styled(l.clone(), style)).collect();
                    draw_lines(buf, Rect { x, y, width: p.cols.cell as u16, height }, &lines, 0);
                }
                y += h;
            }
        }
    }
}

fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

#[cfg(test)]
mod tests {
    use super::window;

    #[test]
    fn the_window_keeps_the_selection_whole_and_the_screen_full() {
        // A heading, then rows of two lines: ten lines show the heading for free and 5 rows.
        let heights = [1, 2, 2, 2, 2, 2, 2, 2];
        let mut h = |k: usize| heights[k];
        let groups = [true, false, false, false, false, false, false, false];
        assert_eq!(window(&groups, 1, 10, &mut h), (0, 6));
        // Further down the selection sits about mid-screen.
        let (first, shown) = window(&groups, 5, 6, &mut h);
        assert!(first <= 5 && 5 < first + shown, "{first} {shown}");
        // At the end the window stays full.
        assert_eq!(window(&groups, 7, 6, &mut h), (5, 3));
        // A row taller than the space still shows.
        assert_eq!(window(&[false], 0, 2, &mut |_| 5), (0, 1));
        assert_eq!(window(&[], 0, 2, &mut |_| 1), (0, 0));
    }
}
