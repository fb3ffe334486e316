//! A second pack, with three disciplines (Logistics, Procurement, Production): nothing in the
//! program assumes two disciplines or the SCM/OM ids. Checked, explored in every tab, exported.

mod common;

use common::{pack_app, press, screen};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use scm_vs_om::app::{FitScreen, QuizScreen, Tab};
use scm_vs_om::ui;

const BIN: &str = env!("CARGO_BIN_EXE_scm-vs-om");

fn pack() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/packs/three").to_string()
}

#[test]
fn it_passes_check() {
    let out = std::process::Command::new(BIN).args(["check", "--content", &pack()]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains(": 3 disciplines,"));
}

#[test]
fn three_fields_side_by_side() {
    let mut app = pack_app("three", 160, 40);
    press(&mut app, "<Enter>");
    let mut terminal = Terminal::new(TestBackend::new(160, 40)).unwrap();
    terminal.draw(|f| ui::render(&app, f.area(), f.buffer_mut())).unwrap();
    let s = screen(&app);
    let heads = s.lines().find(|l| l.contains("Logistics") && l.contains("Procurement")).expect("the heads");
    assert!(heads.contains("Production"), "{s}");
    assert!(s.contains("◆ All"), "what all three share: {s}");
    insta::assert_snapshot!("three_disciplines_160x40", terminal.backend());
}

#[test]
fn three_fields_stay_side_by_side_down_to_40_columns() {
    for width in [40u16, 60, 80] {
        let mut app = pack_app("three", width, 24);
        press(&mut app, "<Enter>");
        let s = screen(&app);
        let names = ["LOG", "PROC", "PROD"];
        let full = ["Logistics", "Procurement", "Production"];
        let row = s
            .lines()
            .find(|l| names.iter().all(|n| l.contains(n)) || full.iter().all(|n| l.contains(n)))
            .unwrap_or_else(|| panic!("{width}: no row names all three fields:\n{s}"));
        assert!(row.split_whitespace().count() == 3, "{width}: the heads row holds the names only: {row}");
    }
}

#[test]
fn every_tab_works_with_three_disciplines() {
    let mut app = pack_app("three", 120, 40);
    // Quiz: a whole run, answering with the first option.
    press(&mut app, "2 <Down> <Left> <Enter>");
    while app.quiz.screen == QuizScreen::Question {
        press(&mut app, "a");
        if !app.quiz.answered() {
            press(&mut app, "<Enter>");
        }
        press(&mut app, "<Enter>");
    }
    assert!(screen(&app).contains("Score: "));
    // Which-field questions offer the three fields and "All of them".
    let which =
        app.content.questions.iter().position(|q| q.kind == scm_vs_om::content::QuestionKind::Which).unwrap();
    let card = scm_vs_om::quiz::card::question_card(&app.content, which);
    assert_eq!(card.options, ["Logistics", "Procurement", "Production", "All of them"]);
    // Glossary and its filter cycle through all three fields and "both".
    press(&mut app, "3 f f f f f");
    assert_eq!(app.tab, Tab::Glossary);
    assert_eq!(app.glossary.filter, None);
    // Fit: scores for three fields.
    press(&mut app, "4 e e a a c c");
    assert_eq!(app.fit.screen, FitScreen::Result);
    assert_eq!(app.fit_result().scores.len(), 3);
    assert!(screen(&app).contains("Production"));
    press(&mut app, "5 j / v a l u e <Enter>");
    assert!(app.search.is_none());
}

#[test]
fn it_exports() {
    let out = std::process::Command::new(BIN)
        .args(["export", "--format", "json", "--content", &pack()])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["disciplines"].as_array().unwrap().len(), 3);
    assert_eq!(v["dimensions"][0]["points"].as_object().unwrap().len(), 3);
    let out = std::process::Command::new(BIN).args(["export", "--content", &pack()]).output().unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# Logistics vs Procurement vs Production\n"));
    assert!(md.contains("|  | LOG | PROC | PROD | All of them |"), "{md}");
    assert!(md.contains("**All of them:**\n\n- "), "{md}");
}
