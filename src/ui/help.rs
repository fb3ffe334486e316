//! The help overlay, generated from the key table so it always tells the truth.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};
use unicode_width::UnicodeWidthStr;

use super::draw::{Border, BoxFrame};
use super::{scrolled_box, wrap::wrap_hanging};
use crate::app::App;
use crate::keymap;
use crate::view::{Drawn, Region};

const KEYS_COLUMN: usize = 20;

fn area_in(body: Rect) -> Rect {
    let w = body.width.saturating_sub(4).min(78);
    let h = body.height.saturating_sub(2);
    Rect { x: body.x + (body.width - w) / 2, y: body.y + (body.height - h) / 2, width: w, height: h }
}

/// Help opens at the screen it was asked from: that screen's keys first, then the keys that
/// work everywhere, then every other screen's, in the table's order.
fn order(app: &App) -> Vec<(keymap::Context, bool)> {
    let here: Vec<keymap::Context> =
        app.tab_contexts().into_iter().filter(|c| *c != keymap::Context::Global).collect();
    let mut out: Vec<(keymap::Context, bool)> = here.iter().map(|c| (*c, true)).collect();
    out.extend(keymap::ALL_CONTEXTS.into_iter().filter(|c| !here.contains(c)).map(|c| (c, false)));
    out
}

pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = super::styles(app);
    let mut out = Vec::new();
    for (ctx, here) in order(app) {
        if !out.is_empty() {
            out.push(Line::default());
        }
        let title = if here { format!("{} (this screen)", ctx.title()) } else { ctx.title().to_string() };
        out.push(Line::styled(title, t.group));
        for bind in keymap::bindings_for(ctx) {
            let keys: Vec<String> = bind.keys.iter().map(|k| k.label()).collect();
            let keys = keys.join(", ");
            let col = KEYS_COLUMN.max(keys.width() + 2);
            let indent = " ".repeat(col + 2);
            let first = format!("  {keys}{}", " ".repeat(col - keys.width()));
            for (i, l) in wrap_hanging(bind.help, width, &first, &indent).into_iter().enumerate() {
                out.push(match l.strip_prefix(first.as_str()) {
                    Some(rest) if i == 0 => Line::from(vec![
                        Span::styled(first.clone(), t.key),
                        Span::styled(rest.to_string(), t.text),
                    ]),
                    _ => Line::styled(l, t.text),
                });
            }
        }
    }
    out
}

fn block(app: &App) -> BoxFrame<'static> {
    let t = super::styles(app);
    BoxFrame::new(Line::styled(" Keys ", t.title), Border::Double, t.border)
        .title_bottom(Line::styled(" Esc, q or ? closes ", t.dim))
}

pub fn render(app: &App, body: Rect, buf: &mut Buffer, rec: &mut Drawn) {
    let area = area_in(body);
    Clear.render(area, buf);
    let block = block(app);
    let lines = lines(app, block.inner(area).width as usize);
    let shown = scrolled_box(app, area, block, lines, app.help.unwrap_or(0), buf);
    rec.show_viewport(Region::Help, area, shown);
}
