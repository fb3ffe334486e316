//! The reading view of a dimension, read off the screen as a user reads it: the fields'
//! columns under their names, the facet rows aligned, how much of each field shows on
//! opening at 80×24 and 40×12, and the toggles, for the built-in and three-field packs.

mod common;

use common::{builtin_app, pack_app, press};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use scm_vs_om::app::App;
use scm_vs_om::ui;

/// The screen as rows of cells (a wide character's second cell is empty).
fn cells(app: &App) -> Vec<Vec<String>> {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::render(app, f.area(), f.buffer_mut())).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..h).map(|y| (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect()).collect()
}

fn text(row: &[String], from: usize, to: usize) -> String {
    row[from.min(row.len())..to.min(row.len())].concat()
}

/// Where each field's column starts, from the row naming them (full or short names), and
/// that row's index.
fn columns(app: &App, grid: &[Vec<String>]) -> Option<(usize, Vec<usize>)> {
    grid.iter().enumerate().skip(1).find_map(|(y, row)| {
        let line = row.concat();
        let xs: Option<Vec<usize>> = app
            .content
            .disciplines
            .iter()
            .map(|d| {
                let name = if line.contains(&format!("  {}", d.name)) { &d.name } else { &d.short };
                // Cells, not bytes: find the name in the cells.
                (0..row.len()).find(|&x| {
                    text(row, x, x + name.chars().count()) == *name && (x == 0 || row[x - 1] == " ")
                })
            })
            .collect();
        let xs = xs?;
        // The row holds the names and nothing else.
        let words: usize = app
            .content
            .disciplines
            .iter()
            .map(|d| {
                let name = if line.contains(&format!("  {}", d.name)) { &d.name } else { &d.short };
                name.split_whitespace().count()
            })
            .sum();
        let only_names = line.split_whitespace().count() == words;
        (only_names && xs.windows(2).all(|w| w[0] < w[1]) && xs[0] > 0).then_some((y, xs))
    })
}

/// Words each field's column shows in its own points' rows (not under "◆ Both", the note or
/// the sources, which span the columns).
fn words_per_field(app: &App) -> Vec<usize> {
    let grid = cells(app);
    let (heads, xs) =
        columns(app, &grid).unwrap_or_else(|| panic!("no column heads:\n{}", common::screen(app)));
    let width = grid[0].len();
    let mut counts = vec![0; xs.len()];
    let mut shared = false;
    // Up to the related terms' row, or the footer.
    for row in &grid[heads + 1..grid.len() - 1] {
        let line = row.concat();
        if line.trim_start().starts_with("Terms") {
            break;
        }
        let label = text(row, 0, xs[0]);
        let label = label.trim();
        if !label.is_empty() {
            shared = label.starts_with('◆') || label == "Note" || label == "Sources";
        }
        if shared {
            continue;
        }
        for (i, &x) in xs.iter().enumerate() {
            let end = xs.get(i + 1).copied().unwrap_or(width - 1);
            counts[i] += text(row, x, end).split_whitespace().filter(|w| is_word(w)).count();
        }
    }
    counts
}

/// A word, as the count takes it: with a letter or digit in it (not "=" or "/").
fn is_word(w: &str) -> bool {
    w.chars().any(char::is_alphanumeric)
}

/// Each field's points in words, all of them.
fn total_words(app: &App, d: usize) -> Vec<usize> {
    let words = |t: &String| t.split_whitespace().filter(|w| is_word(w)).count();
    app.content.dimensions[d].points.iter().map(|p| p.iter().map(words).sum()).collect()
}

/// The issue's bar: opening any dimension at 80×24 shows at least 40 words of each field
/// (or all of it, where a field says less).
#[test]
fn every_dimension_opens_with_forty_words_of_each_field_at_80x24() {
    let mut app = builtin_app(80, 24);
    for d in 0..app.content.dimensions.len() {
        app.open_dimension(d);
        press(&mut app, "");
        let shown = words_per_field(&app);
        for (i, (&shown, &all)) in shown.iter().zip(&total_words(&app, d)).enumerate() {
            let id = &app.content.dimensions[d].id;
            assert!(
                shown >= all.min(40),
                "{id}: field {i} shows {shown} words of {all}:\n{}",
                common::screen(&app)
            );
        }
    }
}

/// At the documented minimum, 40×12, each field shows the start of its first point: the
/// start of every field's first point is on screen when any dimension opens.
#[test]
fn at_40x12_each_field_shows_the_start_of_its_first_point() {
    for (mut app, name) in [(builtin_app(40, 12), "built-in"), (pack_app("three", 40, 12), "three")] {
        let mut failed = Vec::new();
        for d in 0..app.content.dimensions.len() {
            app.open_dimension(d);
            press(&mut app, "");
            let s = common::screen(&app);
            let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
            let dim = &app.content.dimensions[d];
            // The first word's first letters: a column ten wide breaks a long word.
            let all = dim.points.iter().all(|p| {
                let first: String =
                    p[0].split_whitespace().next().unwrap_or_default().chars().take(6).collect();
                flat.contains(&first)
            });
            if !all {
                failed.push(format!("{}\n{s}", dim.id));
            }
        }
        assert!(failed.is_empty(), "{name}: at 40×12 a field's first point is not shown for {failed:?}");
    }
}

/// Facet rows line up: each facet's label and every field's point of it start on one row,
/// at every width from 60 columns up; the columns keep the fields' order.
#[test]
fn facets_line_up_across_the_fields_at_every_width() {
    for width in [60u16, 80, 100, 120, 160] {
        let mut app = builtin_app(width, 60);
        for d in 0..app.content.dimensions.len() {
            app.open_dimension(d);
            press(&mut app, "");
            let grid = cells(&app);
            let (heads, xs) = columns(&app, &grid).expect("the fields are named over their columns");
            let dim = &app.content.dimensions[d];
            let mut from = heads + 1;
            for (f, label) in dim.facets.iter().enumerate() {
                // The label's first line: all of it if it fits the label column, else its
                // first word; searched below the previous facet's row.
                let fits = label.chars().count() < xs[0];
                let head = if fits { label.as_str() } else { label.split_whitespace().next().unwrap() };
                let Some(y) = (from..grid.len()).find(|&y| {
                    let l = text(&grid[y], 0, xs[0]);
                    if fits { l.trim() == head } else { l.trim().starts_with(head) }
                }) else {
                    break; // Scrolled below this height; the rows above were checked.
                };
                from = y + 1;
                for (i, &x) in xs.iter().enumerate() {
                    let end = xs.get(i + 1).copied().unwrap_or(grid[y].len());
                    let cell = text(&grid[y], x, end);
                    let start = dim.points[i][f].split_whitespace().next().unwrap();
                    assert!(
                        cell.trim_start().starts_with(start),
                        "{} at {width}: facet {label:?}, field {i} starts {cell:?}, not {start:?}",
                        dim.id
                    );
                }
            }
        }
    }
}

/// Sources are off at first and carry no attribution; `s` shows each point's, the note and
/// the dimension's sources; `d` hides the shared part (and the note).
#[test]
fn the_toggles_change_what_shows_not_how_it_aligns() {
    let mut app = builtin_app(120, 40);
    let d = app.content.dimension_index("inventory").unwrap();
    app.open_dimension(d);
    press(&mut app, "");
    let plain = common::screen(&app);
    let first_cited = app.content.dimensions[d].point_sources[0].iter().find_map(|s| s.first()).copied();
    let cite = app.content.sources[first_cited.expect("a point with a source")].label().to_string();
    assert!(!plain.contains(&format!("— {cite}")), "no sources by default:\n{plain}");
    press(&mut app, "s");
    assert!(common::screen(&app).contains(&format!("— {cite}")), "{}", common::screen(&app));
    press(&mut app, "G");
    let end = common::screen(&app);
    assert!(
        end.contains(" Note ") && end.contains(" Sources "),
        "the note and the sources close the text:\n{end}"
    );
    assert!(!plain.contains(" Note "), "the note comes with the sources:\n{plain}");
    press(&mut app, "s d g");
    let diff = common::screen(&app);
    assert!(!diff.contains("◆ Both") && !diff.contains(" Note "), "{diff}");
    assert!(diff.contains("only OM"), "what one field alone says stays: it is a difference\n{diff}");
    assert!(diff.contains("d show shared"), "the title says how to get it back:\n{diff}");
}

/// The three-field pack with two facets (one with a source of its own) added to its first
/// dimension, whose listed points then follow as what one field alone says.
fn three_with_facets(width: u16, height: u16) -> App {
    let facets = r#"
[[dimension.facet]]
label = "Defined by"
logistics = { text = "Flow and storage of goods, services and information.", sources = ["cscmp-def"] }
procurement = "Obtaining goods and services from outside suppliers."
production = { text = "Turning inputs into finished goods.", sources = ["heizer-om"] }

[[dimension.facet]]
label = "Typical task"
logistics = "Choosing carriers and routes."
procurement = "Negotiating contracts with suppliers."
production = "Scheduling the plant's work."
"#;
    common::edited_pack_app("three", width, height, |name, text| {
        if name == "compare.toml" {
            let anchor = "sources = [\"cscmp-def\", \"scor-old\", \"bls-purch10\", \"heizer-om\"]\n";
            assert!(text.contains(anchor), "the first dimension's sources line moved");
            *text = text.replacen(anchor, &format!("{anchor}{facets}"), 1);
        }
    })
}

/// A dimension with per-point sources on, and differences only, at the three sizes the issue
/// names, for the built-in pack and the three-field pack (with facets added).
#[test]
fn snapshots_of_the_reading_view() {
    let views = [("plain", ""), ("sources", "s"), ("differences", "d")];
    for (w, h) in [(80u16, 24u16), (120, 40), (40, 12)] {
        for (pack, mut app) in [("builtin", builtin_app(w, h)), ("three", three_with_facets(w, h))] {
            let d = app
                .content
                .dimension_index(if pack == "builtin" { "inventory" } else { "definition" })
                .unwrap();
            for (view, keys) in views {
                app.open_dimension(d);
                app.compare.sources = false;
                app.compare.differences = false;
                press(&mut app, keys);
                insta::assert_snapshot!(format!("{pack}_{view}_{w}x{h}"), common::screen(&app));
            }
        }
    }
}

/// The pack written from last month's CONTENT.md (no facets, no shared bullets, an overlap
/// paragraph) reads as before: each field's points side by side, the overlap as shared.
#[test]
fn an_old_pack_reads_as_lists_side_by_side() {
    let mut app = pack_app("november", 100, 30);
    for d in 0..app.content.dimensions.len() {
        app.open_dimension(d);
        press(&mut app, "");
        let s = common::screen(&app);
        let dim = &app.content.dimensions[d];
        for points in &dim.points {
            if let Some(first) = points.first() {
                let start: String = first.chars().take(12).collect();
                assert!(s.contains(&start), "{}: {start:?} not shown:\n{s}", dim.id);
            }
        }
    }
}

/// The summary is never cut nor lost: at every size from the minimum, for every pack and
/// dimension, scrolling through the text shows the summary's first and last words.
#[test]
fn the_summary_is_never_cut_at_any_size() {
    for (w, h) in [(40u16, 12u16), (46, 13), (60, 16), (80, 24)] {
        for pack in ["builtin", "minimal", "three", "november"] {
            let mut app = if pack == "builtin" { builtin_app(w, h) } else { pack_app(pack, w, h) };
            for d in 0..app.content.dimensions.len() {
                let Some(summary) = app.content.dimensions[d].summary.clone() else { continue };
                app.open_dimension(d);
                press(&mut app, "");
                let mut seen = String::new();
                loop {
                    let before = app.compare.scroll;
                    // Words only: the scrollbar's glyphs end some rows.
                    let screen = common::screen(&app);
                    let words = screen.split_whitespace().filter(|w| !matches!(*w, "█" | "│"));
                    seen.push_str(&words.collect::<Vec<_>>().join(" "));
                    seen.push(' ');
                    // A page keeps its last line on screen: no line is skipped.
                    press(&mut app, "<PgDn>");
                    if app.compare.scroll == before {
                        break;
                    }
                }
                let words: Vec<&str> = summary.split_whitespace().collect();
                let first = words[..words.len().min(3)].join(" ");
                let last = words[words.len().saturating_sub(3)..].join(" ");
                let id = &app.content.dimensions[d].id;
                assert!(
                    seen.contains(&first) && seen.contains(&last),
                    "{pack} {id} at {w}×{h}: {summary:?} not whole"
                );
            }
        }
    }
}
