//! The reading view of one dimension as one text: its facets as rows aligned across the
//! fields with the label beside them (the way a diff aligns lines), then what only one field
//! says, what they share, the note and the sources. Because it is one text, one scroll moves
//! every field and the rows stay aligned.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::truncate;
use super::wrap::{wrap_hanging, wrap_text};
use crate::app::App;
use crate::content::Dimension;

/// Columns between the label and the fields, and between fields.
const GAP: usize = 2;
/// No field's column gets narrower than this side by side.
const MIN_FIELD: usize = 11;
/// Nor wider than this: longer lines are hard to follow on a wide screen.
const MAX_FIELD: usize = 72;
/// The label column's widest, by text width.
const fn label_max(width: usize) -> usize {
    if width >= 110 { 20 } else { 14 }
}

/// How the fields share the width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    /// The label column's width; 0 when labels are heading rows of their own.
    pub label: usize,
    /// Each field's column: where it starts and how wide it is.
    pub fields: Vec<(usize, usize)>,
    /// Too narrow for the fields side by side: each field follows the one before.
    pub stacked: bool,
    pub width: usize,
}

impl Columns {
    pub fn new(fields: usize, width: usize, label_need: usize) -> Columns {
        let n = fields.max(1);
        let side = n * MIN_FIELD + (n - 1) * GAP;
        let label = label_need.min(label_max(width));
        let (label, stacked) =
            if label > 0 && width >= label + GAP + side { (label, false) } else { (0, width < side) };
        let start = if label > 0 { label + GAP } else { 0 };
        let fields = if stacked {
            vec![(0, width); n]
        } else {
            // Equal shares; the first fields take the columns left over.
            let room = width.saturating_sub(start + (n - 1) * GAP);
            let (each, extra) = (room / n, room % n);
            let (each, extra) = if each >= MAX_FIELD { (MAX_FIELD, 0) } else { (each, extra) };
            let mut x = start;
            (0..n)
                .map(|i| {
                    let w = each + usize::from(i < extra);
                    let col = (x, w);
                    x += w + GAP;
                    col
                })
                .collect()
        };
        Columns { label, fields, stacked, width }
    }

    /// Where text across every field's column starts, and its width (to the last column's
    /// end).
    fn across(&self) -> (usize, usize) {
        let start = if self.label > 0 { self.label + GAP } else { 0 };
        (start, self.used().saturating_sub(start))
    }

    /// The columns the text uses, from the left: less than the width on a very wide screen.
    pub fn used(&self) -> usize {
        if self.stacked { self.width } else { self.fields.last().map_or(self.width, |&(x, w)| x + w) }
    }
}

/// One line of the reading text: pieces drawn at columns from the left of the text area.
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub parts: Vec<(usize, Line<'static>)>,
}

impl Row {
    fn at(x: usize, line: Line<'static>) -> Row {
        Row { parts: vec![(x, line)] }
    }
}

/// The reading text, and where each field's points start in it (for search to scroll to).
pub struct Reading {
    pub rows: Vec<Row>,
    /// Per discipline, per point: the row where it starts.
    pub point_rows: Vec<Vec<usize>>,
}

/// A teaching sentence, its marker (bullet, number or none) and who said it.
struct Item {
    text: String,
    marker: String,
    sources: Vec<usize>,
    /// The point it is: (discipline, point).
    point: Option<(usize, usize)>,
}

impl Item {
    /// Text of the dimension's own (a note, a summary, a list of sources), not a point.
    fn plain(text: String, sources: Vec<usize>) -> Item {
        Item { text, marker: String::new(), sources, point: None }
    }
}

enum Body {
    /// One list of items per field, each in its field's column.
    Fields(Vec<Vec<Item>>),
    /// Items across every field's column.
    Across(Vec<Item>),
}

pub struct Block {
    label: Option<(String, Style)>,
    body: Body,
    /// A facet's row: on a short screen, facets follow each other without a blank between.
    facet: bool,
}

/// The blocks of a dimension as the toggles ask for them.
fn dimension_blocks(app: &App, dim: &Dimension) -> Vec<Block> {
    let t = super::styles(app);
    let n = app.content.disciplines.len();
    let facets = dim.facets.len();
    let item = |i: usize, p: usize, marker: String| Item {
        text: dim.points[i][p].clone(),
        marker,
        sources: dim.point_sources.get(i).and_then(|s| s.get(p)).cloned().unwrap_or_default(),
        point: Some((i, p)),
    };
    let mut blocks = Vec::new();
    for (f, label) in dim.facets.iter().enumerate() {
        let cells =
            (0..n).map(|i| if f < dim.points[i].len() { vec![item(i, f, String::new())] } else { vec![] });
        blocks.push(Block {
            label: Some((label.clone(), t.emphasis)),
            body: Body::Fields(cells.collect()),
            facet: true,
        });
    }
    let unpaired = |i: usize| {
        (facets..dim.points[i].len()).map(|p| item(i, p, dim.marker(p - facets))).collect::<Vec<_>>()
    };
    if facets == 0 {
        // Nothing is paired: each field's points side by side, as lists of their own.
        blocks.push(Block { label: None, body: Body::Fields((0..n).map(unpaired).collect()), facet: false });
    } else {
        // What only one field says, each in its own column, in one block marked as such.
        let cells: Vec<Vec<Item>> = (0..n).map(unpaired).collect();
        let owners: Vec<usize> = (0..n).filter(|&i| !cells[i].is_empty()).collect();
        let label = match owners[..] {
            [] => None,
            [i] => {
                let disc = &app.content.disciplines[i];
                Some((format!("only {}", disc.short), t.discipline(disc.color)))
            }
            _ => Some(("only in one".to_string(), t.emphasis)),
        };
        if label.is_some() {
            blocks.push(Block { label, body: Body::Fields(cells), facet: false });
        }
    }
    if !app.compare.differences {
        if !dim.shared.is_empty() {
            let label = if n == 2 { "◆ Both" } else { "◆ All" };
            let items = dim
                .shared
                .iter()
                .map(|s| Item {
                    text: s.text.clone(),
                    marker: "• ".into(),
                    sources: s.sources.clone(),
                    point: None,
                })
                .collect();
            blocks.push(Block {
                label: Some((label.into(), t.overlap)),
                body: Body::Across(items),
                facet: false,
            });
        }
        // The note is a caveat about the claims, so it shows with the sources (`s`).
        if let Some(note) = dim.note.as_ref().filter(|_| app.compare.sources) {
            let items = vec![Item::plain(note.clone(), Vec::new())];
            blocks.push(Block {
                label: Some(("Note".into(), t.warning)),
                body: Body::Across(items),
                facet: false,
            });
        }
    }
    if app.compare.sources && !dim.sources.is_empty() {
        blocks.push(sources_block(app, &dim.sources));
    }
    blocks
}

/// The fields' own summaries, side by side: the tab's page about the fields themselves.
fn about_blocks(app: &App) -> Vec<Block> {
    let t = super::styles(app);
    let cells = app
        .content
        .disciplines
        .iter()
        .map(|d| vec![Item::plain(d.summary.clone(), d.sources.clone())])
        .collect();
    vec![Block { label: Some(("In short".into(), t.emphasis)), body: Body::Fields(cells), facet: false }]
}

fn sources_block(app: &App, sources: &[usize]) -> Block {
    let t = super::styles(app);
    let text = sources.iter().map(|&s| app.content.sources[s].label()).collect::<Vec<_>>().join(" · ");
    let items = vec![Item::plain(text, Vec::new())];
    Block {
        label: Some(("Sources".into(), t.dim.patch(t.emphasis))),
        body: Body::Across(items),
        facet: false,
    }
}

/// The blocks of what the Compare tab shows: the selected dimension, or the fields' page.
pub fn blocks(app: &App) -> Vec<Block> {
    match app.compare.dimension() {
        Some(d) => dimension_blocks(app, &app.content.dimensions[d]),
        None => about_blocks(app),
    }
}

/// The widest label among the blocks: what the label column would need.
pub fn label_need(blocks: &[Block]) -> usize {
    blocks.iter().filter_map(|b| b.label.as_ref()).map(|(l, _)| l.width()).max().unwrap_or(0)
}

/// The reading text of the selected dimension (or the fields' summaries) for `cols`. A
/// blank row separates the blocks, except between facets when the text would not fit in
/// `rows`: a short screen shows more of each field that way.
pub fn reading(
    app: &App,
    blocks: &[Block],
    cols: &Columns,
    opening: Option<&(String, String)>,
    rows: usize,
) -> Reading {
    let n = app.content.disciplines.len();
    let mut out = Reading { rows: Vec::new(), point_rows: vec![Vec::new(); n] };
    if let Some(d) = app.compare.dimension() {
        out.point_rows = app.content.dimensions[d].points.iter().map(|p| vec![0; p.len()]).collect();
    }
    // A title and summary that did not fit above the columns open the text instead, as one
    // paragraph led by the title: never cut. On a screen too short to show any point after
    // it, it follows the first row of points instead, so every field's first point shows.
    let opening = opening.map(|(title, summary)| opening_rows(app, title, summary, cols.used()));
    let opening_after_first = opening.as_ref().is_some_and(|o| o.len() + 2 > rows) && blocks.len() > 1;
    let mut starts = Vec::with_capacity(blocks.len());
    for (k, block) in blocks.iter().enumerate() {
        if let Some(o) = opening.as_ref().filter(|_| k == usize::from(opening_after_first)) {
            out.rows.extend(o.iter().cloned());
        }
        starts.push(out.rows.len());
        lay_out(app, block, cols, &mut out);
    }
    if blocks.is_empty() {
        out.rows.extend(opening.into_iter().flatten());
    }
    let compact = out.rows.len() + blocks.len().saturating_sub(1) > rows;
    let blank_before: Vec<usize> = (1..blocks.len())
        .filter(|&k| !(compact && blocks[k].facet && blocks[k - 1].facet))
        .map(|k| starts[k])
        .collect();
    if blank_before.is_empty() {
        return out;
    }
    // Rows move down by the blanks put before them.
    let shift = |row: usize| blank_before.partition_point(|&s| s <= row);
    for p in out.point_rows.iter_mut().flatten() {
        *p += shift(*p);
    }
    let mut rows_out = Vec::with_capacity(out.rows.len() + blank_before.len());
    let mut next = blank_before.iter().peekable();
    for (i, row) in std::mem::take(&mut out.rows).into_iter().enumerate() {
        if next.peek() == Some(&&i) {
            rows_out.push(Row::default());
            next.next();
        }
        rows_out.push(row);
    }
    out.rows = rows_out;
    out
}

/// "Title: summary" wrapped, the title in its own style.
fn opening_rows(app: &App, title: &str, summary: &str, width: usize) -> Vec<Row> {
    let t = super::styles(app);
    let head = if summary.is_empty() { title.to_string() } else { format!("{title}: ") };
    wrap_hanging(&format!("{head}{summary}"), width, "", "")
        .into_iter()
        .enumerate()
        .map(|(k, l)| {
            let line = match l.strip_prefix(head.trim_end()) {
                Some(rest) if k == 0 => Line::from(vec![
                    Span::styled(head.trim_end().to_string(), t.title),
                    Span::styled(rest.to_string(), t.emphasis),
                ]),
                _ => Line::styled(l, t.emphasis),
            };
            Row::at(0, line)
        })
        .collect()
}

/// Appends one block's rows.
fn lay_out(app: &App, block: &Block, cols: &Columns, out: &mut Reading) {
    let t = super::styles(app);
    let top = out.rows.len();
    let label_lines: Vec<Line<'static>> = match &block.label {
        Some((text, style)) if cols.label > 0 => {
            wrap_text(text, cols.label).into_iter().map(|l| Line::styled(l, *style)).collect()
        }
        Some((text, style)) => {
            out.rows.push(Row::at(0, Line::styled(truncate(text, cols.width), style.patch(t.title))));
            Vec::new()
        }
        None => Vec::new(),
    };
    let start = out.rows.len();
    let put = |out: &mut Reading, row: usize, x: usize, line: Line<'static>| {
        while out.rows.len() <= row {
            out.rows.push(Row::default());
        }
        out.rows[row].parts.push((x, line));
    };
    match &block.body {
        Body::Across(items) => {
            let (x, width) = cols.across();
            let mut row = start;
            for item in items {
                for line in item_lines(app, item, width) {
                    put(out, row, x, line);
                    row += 1;
                }
            }
        }
        Body::Fields(cells) if cols.stacked => {
            let mut row = start;
            for (i, items) in cells.iter().enumerate().filter(|(_, items)| !items.is_empty()) {
                let disc = &app.content.disciplines[i];
                put(out, row, 0, Line::styled(disc.short.clone(), t.discipline(disc.color).patch(t.title)));
                row += 1;
                for item in items {
                    if let Some((f, p)) = item.point {
                        out.point_rows[f][p] = row;
                    }
                    for line in item_lines(app, item, cols.width.saturating_sub(2)) {
                        put(out, row, 2, line);
                        row += 1;
                    }
                }
            }
        }
        Body::Fields(cells) => {
            for (i, items) in cells.iter().enumerate() {
                let (x, width) = cols.fields[i];
                let mut row = start;
                for item in items {
                    if let Some((f, p)) = item.point {
                        out.point_rows[f][p] = row;
                    }
                    for line in item_lines(app, item, width) {
                        put(out, row, x, line);
                        row += 1;
                    }
                }
            }
        }
    }
    for (k, line) in label_lines.into_iter().enumerate() {
        put(out, top + k, 0, line);
    }
}

/// An item wrapped to `width`: its text after its marker, then (when sources show) who
/// said it, dimmed, on a line of its own.
fn item_lines(app: &App, item: &Item, width: usize) -> Vec<Line<'static>> {
    let t = super::styles(app);
    let indent = " ".repeat(item.marker.width());
    let mut lines: Vec<Line<'static>> = wrap_hanging(&item.text, width, &item.marker, &indent)
        .into_iter()
        .map(|l| Line::styled(l, t.text))
        .collect();
    if app.compare.sources && !item.sources.is_empty() {
        let cites =
            item.sources.iter().map(|&s| app.content.sources[s].label()).collect::<Vec<_>>().join("; ");
        let hang = format!("{indent}  ");
        let first = format!("{indent}— ");
        lines.extend(wrap_hanging(&cites, width, &first, &hang).into_iter().map(|l| Line::styled(l, t.dim)));
    }
    lines
}

/// The fields' names over their columns, each in its colour and in words (the short name
/// when the full one does not fit).
pub fn column_heads(app: &App, cols: &Columns) -> Row {
    let t = super::styles(app);
    let mut row = Row::default();
    if cols.stacked {
        return row;
    }
    for (i, &(x, width)) in cols.fields.iter().enumerate() {
        let Some(disc) = app.content.disciplines.get(i) else { break };
        let name = if disc.name.width() <= width { disc.name.clone() } else { truncate(&disc.short, width) };
        row.parts.push((x, Line::from(Span::styled(name, t.discipline(disc.color).patch(t.title)))));
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_put_the_label_beside_then_above_then_stack_the_fields() {
        // Wide: the label beside, two equal fields after it.
        let c = Columns::new(2, 78, 14);
        assert_eq!((c.label, c.stacked), (14, false));
        assert_eq!(c.fields, vec![(16, 30), (48, 30)]);
        // 40 columns: the label goes above its row; the fields stay side by side.
        let c = Columns::new(2, 37, 14);
        assert_eq!((c.label, c.stacked), (0, false));
        assert_eq!(c.fields, vec![(0, 18), (20, 17)]);
        // Three fields fit side by side at 40 columns, four do not: they stack.
        assert!(!Columns::new(3, 37, 14).stacked);
        let c = Columns::new(4, 37, 14);
        assert!(c.stacked && c.fields.iter().all(|&f| f == (0, 37)));
        // No label at all: the fields take the whole width.
        assert_eq!(Columns::new(2, 50, 0).fields, vec![(0, 24), (26, 24)]);
        // A very wide screen: no column wider than a comfortable line.
        let c = Columns::new(2, 300, 14);
        assert_eq!(c.fields, vec![(16, 72), (90, 72)]);
        assert_eq!(c.across(), (16, 146));
    }
}
