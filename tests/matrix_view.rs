//! The at-a-glance matrix, Compare's first screen, and the flow strip drawn on it: snapshots
//! at the sizes people use, how many rows show whole, keys and the mouse.

mod common;

use common::{builtin_app, pack_app, press, render, screen};
use scm_vs_om::BuiltinContent;
use scm_vs_om::action::Action;
use scm_vs_om::app::App;
use scm_vs_om::content::Content;
use scm_vs_om::content::glance::MatrixColumns;
use scm_vs_om::ui::{self, theme, wrap::wrap_hanging};
use scm_vs_om::view::Region;

/// The dimensions the matrix draws whole, as the frame records them.
fn shown_dimensions(app: &mut App) -> Vec<usize> {
    ui::draw(app);
    let s = app.drawn.shown(Region::Matrix).expect("the matrix is drawn");
    (usize::from(s.offset)..usize::from(s.offset + s.height)).collect()
}

#[test]
fn builtin_matrix_80x24() {
    insta::assert_snapshot!(render(&builtin_app(80, 24)));
}

#[test]
fn builtin_matrix_120x40() {
    insta::assert_snapshot!(render(&builtin_app(120, 40)));
}

#[test]
fn builtin_matrix_40x12() {
    insta::assert_snapshot!(render(&builtin_app(40, 12)));
}

#[test]
fn builtin_matrix_scrolled_to_the_end_80x24() {
    let mut app = builtin_app(80, 24);
    press(&mut app, "G");
    insta::assert_snapshot!(render(&app));
}

#[test]
fn three_matrix_80x24() {
    insta::assert_snapshot!(render(&pack_app("three", 80, 24)));
}

#[test]
fn three_matrix_120x40() {
    insta::assert_snapshot!(render(&pack_app("three", 120, 40)));
}

#[test]
fn three_matrix_40x12() {
    insta::assert_snapshot!(render(&pack_app("three", 40, 12)));
}

#[test]
fn a_pack_without_a_flow_has_no_strip() {
    let s = screen(&pack_app("minimal", 80, 24));
    assert!(!s.contains('━'), "{s}");
    // The row shows the start of each field's first point, and the overlap as shared.
    assert!(s.contains("Wide scope") && s.contains("Narrow scope") && s.contains("Both are studies."), "{s}");
}

/// Every row drawn shows each of its phrases whole: the lines they wrap to are on screen.
fn assert_shown_whole(app: &mut App) {
    let s = screen(app);
    let cols = MatrixColumns::new(app.size.0 as usize, app.content.disciplines.len());
    for d in shown_dimensions(app) {
        let dim = &app.content.dimensions[d];
        for i in 0..app.content.disciplines.len() {
            if dim.has_glance_phrase(i) {
                for line in wrap_hanging(dim.glance_phrase(i), cols.cell, "", "") {
                    assert!(s.contains(&line), "`{line}` of {} not on screen:\n{s}", dim.id);
                }
            }
        }
    }
}

#[test]
fn enough_rows_show_whole_at_120x40_and_80x24() {
    let mut app = builtin_app(120, 40);
    let shown = shown_dimensions(&mut app);
    assert!(shown.len() >= 14, "{} rows at 120×40", shown.len());
    assert_shown_whole(&mut app);
    let mut app = builtin_app(80, 24);
    let shown = shown_dimensions(&mut app);
    assert!(shown.len() >= 8, "{} rows at 80×24", shown.len());
    assert_shown_whole(&mut app);
    // Further down the list too, and with three disciplines.
    for mut app in [builtin_app(80, 24), builtin_app(120, 40), pack_app("three", 80, 24)] {
        for _ in 0..app.content.dimensions.len() {
            press(&mut app, "j");
            assert!(shown_dimensions(&mut app).contains(&app.compare.matrix), "the selection stays in view");
            assert_shown_whole(&mut app);
        }
    }
}

#[test]
fn the_flow_strip_reads_without_colour() {
    let app = App::new(Content::builtin(), &theme::MONO, (80, 24));
    let s = screen(&app);
    let lines: Vec<&str> = s.lines().collect();
    assert!(lines[1].contains("Suppliers → Inbound logistics → Operations → Outbound logistics → Customers"));
    // Each span is a bar with the field's short name before it and its name on it.
    assert!(lines[2].starts_with("SCM ━") && lines[2].contains("Supply Chain Management"), "{s}");
    let om = lines[3];
    let bar = om.find('━').expect("OM has a bar");
    let operations = lines[1].find("Operations").expect("the stage");
    assert!(om.starts_with("OM "), "{s}");
    assert_eq!(om[..bar].trim_end().len(), 2, "only the label before the bar");
    // The bar sits under the Operations stage alone.
    let col = |text: &str, byte: usize| text[..byte].chars().count();
    assert_eq!(col(om, bar), col(lines[1], operations));
    assert_eq!(om.chars().filter(|c| *c == '━').count(), "Operations".len());
}

#[test]
fn the_built_in_flow_keeps_its_caveat_where_there_is_room() {
    // At 120×40 the rows need the room; a taller terminal shows the note under the strip.
    assert!(!screen(&builtin_app(120, 40)).contains("Note: A first picture"));
    let s = screen(&builtin_app(120, 50));
    assert!(s.contains("Note: A first picture, not a definition"), "{s}");
    assert!(s.contains("nest both ways"), "{s}");
}

#[test]
fn the_header_names_the_columns() {
    let s = screen(&builtin_app(120, 40));
    assert!(
        s.contains("Supply Chain Management") && s.contains("Operations Management") && s.contains("◆ Both")
    );
    let s = screen(&pack_app("three", 120, 40));
    assert!(
        s.contains("Logistics")
            && s.contains("Procurement")
            && s.contains("Production")
            && s.contains("◆ All")
    );
}

#[test]
fn enter_opens_the_highlighted_row_and_esc_brings_the_matrix_back() {
    let mut app = builtin_app(80, 24);
    let inventory = app.content.dimension_index("inventory").unwrap();
    for _ in 0..inventory {
        press(&mut app, "j");
    }
    assert!(screen(&app).contains("▸ Inventory"), "{}", screen(&app));
    press(&mut app, "<Enter>");
    assert_eq!(app.compare.dimension(), Some(inventory));
    assert!(screen(&app).lines().nth(1).is_some_and(|l| l.contains(" Inventory")), "{}", screen(&app));
    press(&mut app, "<Esc>");
    assert_eq!((app.compare.dimension(), app.compare.matrix), (None, inventory));
    // Page keys move by the rows shown, and stop at the ends.
    press(&mut app, "g <PgDn>");
    assert!(app.compare.matrix >= 5, "{}", app.compare.matrix);
    press(&mut app, "<PgUp> <PgUp> k");
    assert_eq!(app.compare.matrix, 0);
    press(&mut app, "G j");
    assert_eq!(app.compare.matrix, app.content.dimensions.len() - 1);
}

#[test]
fn a_click_opens_a_row() {
    let mut app = builtin_app(120, 40);
    let s = screen(&app);
    // The row's second line counts too.
    let y = s.lines().position(|l| l.contains("  Inside or outside a")).expect("the row shows") as u16;
    ui::draw(&mut app);
    app.update(Action::Click(3, y + 1));
    assert_eq!(app.compare.dimension(), app.content.dimension_index("inside-outside"));
    // The wheel moves the highlight by a row.
    let mut app = builtin_app(120, 40);
    ui::draw(&mut app);
    app.update(Action::Wheel(10, 10, true));
    assert_eq!(app.compare.matrix, 1);
    // A click on a group heading or the strip does nothing.
    ui::draw(&mut app);
    app.update(Action::Click(3, 1));
    assert_eq!((app.compare.dimension(), app.compare.matrix), (None, 1));
}

#[test]
fn every_size_from_the_minimum_up_draws_without_panicking() {
    for (w, h) in
        [(40, 12), (41, 13), (55, 17), (60, 20), (79, 23), (100, 30), (200, 60), (300, 12), (40, 80)]
    {
        for mut app in [builtin_app(w, h), pack_app("three", w, h), pack_app("minimal", w, h)] {
            for keys in ["", "j", "G", "<PgUp>", "g"] {
                press(&mut app, keys);
                let s = screen(&app);
                assert!(!shown_dimensions(&mut app).is_empty(), "{w}×{h} after {keys}:\n{s}");
            }
        }
    }
}

#[test]
fn left_on_the_matrix_shows_what_each_field_is_and_esc_comes_back() {
    let mut app = builtin_app(120, 40);
    press(&mut app, "j h");
    let s = screen(&app);
    assert!(s.contains("The fields") && s.contains("Operations management directs the"), "{s}");
    assert!(!s.contains("▸ At a glance"), "read across the whole width: {s}");
    let footer = s.lines().last().unwrap_or_default();
    assert!(
        footer.contains("s sources") && !footer.contains("d differences"),
        "nothing shared to hide: {footer}"
    );
    assert!(!footer.contains("→ terms"), "no related terms here: {footer}");
    press(&mut app, "h");
    assert!(screen(&app).contains("▸ At a glance"), "← brings the list beside it");
    press(&mut app, "<Esc>");
    assert!(app.compare.on_matrix());
    assert_eq!(app.compare.matrix, 1, "on the row it left");
    // From the fields, the list walks into the dimensions as before.
    press(&mut app, "h h j");
    assert_eq!(app.compare.dimension(), Some(0));
}

/// The three-discipline pack with a flow added in front of its comparison.
fn three_with_a_flow(width: u16, height: u16) -> App {
    let flow = "[flow]\nstages = [\"Source\", \"Make\", \"Deliver\"]\n\n[flow.span]\nlogistics = [\"Source\", \"Deliver\"]\nprocurement = [\"Source\"]\nproduction = [\"Make\"]\n\n";
    common::edited_pack_app("three", width, height, |name, text| {
        if name == "compare.toml" {
            *text = text.replacen("format_version = 1\n", &format!("format_version = 1\n{flow}"), 1);
        }
    })
}

#[test]
fn three_matrix_with_a_flow_80x24() {
    let app = three_with_a_flow(80, 24);
    let s = screen(&app);
    // Three labelled spans; logistics's two stages are two bars, not one.
    let log = s.lines().find(|l| l.starts_with("LOG ")).expect("a LOG span");
    let stages = s.lines().nth(1).expect("the stages");
    let make = stages[..stages.find("Make").expect("the stage")].chars().count();
    let under: String = log.chars().skip(make).take("Make".len()).collect();
    assert_eq!(under, "    ", "nothing drawn under Make: {s}");
    assert!(log.contains("Logistics") && s.contains("PROC ━━━━━━") && s.contains("PROD"), "{s}");
    insta::assert_snapshot!(render(&app));
}

#[test]
fn an_opened_dimension_aligns_each_facet_on_one_row_with_its_label() {
    let mut app = builtin_app(120, 40);
    let inventory = app.content.dimension_index("inventory").unwrap();
    app.open_dimension(inventory);
    let s = screen(&app);
    let dim = &app.content.dimensions[inventory];
    for (f, label) in dim.facets.iter().enumerate().take(2) {
        // The label, then each field's point of that facet, all on the label's row.
        let starts: Vec<String> = dim
            .points
            .iter()
            .map(|p| p[f].split_whitespace().take(2).collect::<Vec<_>>().join(" "))
            .collect();
        let row = s
            .lines()
            .find(|l| l.starts_with(&format!(" {label} ")))
            .unwrap_or_else(|| panic!("{label}: {s}"));
        for start in &starts {
            assert!(row.contains(start.as_str()), "{start:?} on the row of {label:?}: {row}\n{s}");
        }
        let (a, b) = (row.find(starts[0].as_str()).unwrap(), row.find(starts[1].as_str()).unwrap());
        assert!(a < b, "the fields in their order, left to right: {row}");
    }
}
