//! Warnings: likely mistakes in content that still loads. Each is reported as
//! `path:line:col: warning: message`, never stops the load, and fails it under `strict`.

mod common;
mod pty_support;

use std::path::Path;

use scm_vs_om::content::{Content, ContentSource, FILES, Loaded};

use common::MINIMAL;
use pty_support::{Session, assert_restored};

/// Loads the minimal pack after `edit` has changed its texts (disciplines, sources, compare,
/// quiz, glossary, fit); the load must succeed.
fn load_edited(edit: impl FnOnce(&mut [String; 6])) -> Loaded {
    let files = common::minimal_edited(edit);
    Content::from_files_checked(files).unwrap_or_else(|e| panic!("expected the pack to load:\n{e}"))
}

/// The warnings of an edited minimal pack, as printed.
fn warnings(edit: impl FnOnce(&mut [String; 6])) -> Vec<String> {
    load_edited(edit).warnings.iter().map(|w| w.as_warning().to_string()).collect()
}

fn replace(text: &mut String, from: &str, to: &str) {
    assert!(text.contains(from), "test setup: `{from}` not in text");
    *text = text.replacen(from, to, 1);
}

#[test]
fn the_minimal_pack_has_no_warnings() {
    assert_eq!(warnings(|_| {}), Vec::<String>::new());
}

#[test]
fn the_same_point_twice_in_one_field() {
    let w = warnings(|t| {
        replace(&mut t[2], "alpha = [\"Wide scope\"]", "alpha = [\"Wide scope\", \"wide  scope.\"]")
    });
    assert_eq!(
        w,
        [
            "pack/compare.toml:16:24: warning: the same point is in `alpha` twice (also on line 16); remove one"
        ]
    );
}

#[test]
fn the_same_point_in_two_fields() {
    let w = warnings(|t| {
        replace(&mut t[2], "beta = [\"Narrow scope\"]", "beta = [\"Narrow scope\",\n  \"Wide scope\"]")
    });
    assert_eq!(
        w,
        ["pack/compare.toml:18:3: warning: the same point is in `alpha` (line 16) and `beta`: a drill card \
          asking whose point it is would have no right answer; move it to `shared`"]
    );
}

/// Facet points and points written with their sources are compared too: most points of a
/// restructured pack are there.
#[test]
fn the_same_point_in_a_facet_and_in_a_list_with_sources() {
    let w = warnings(|t| {
        replace(
            &mut t[2],
            "beta = [\"Narrow scope\"]",
            "beta = [{ text = \"Narrow scope\", sources = [\"book\"] }]\n\n\
             [[dimension.facet]]\nlabel = \"Reach\"\nalpha = \"Narrow  scope.\"\nbeta = \"A few things\"",
        )
    });
    assert_eq!(
        w,
        ["pack/compare.toml:21:9: warning: the same point is in `beta` (line 17) and `alpha`: a drill card \
          asking whose point it is would have no right answer; move it to `shared`"]
    );
}

#[test]
fn strict_makes_warnings_errors() {
    let loaded = load_edited(|t| {
        replace(&mut t[2], "alpha = [\"Wide scope\"]", "alpha = [\"Wide scope\", \"Wide scope\"]")
    });
    let e = loaded.strict().expect_err("strict fails on a warning");
    let shown: Vec<String> = e.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        ["pack/compare.toml:16:24: the same point is in `alpha` twice (also on line 16); remove one"]
    );
    assert!(e.to_string().ends_with("1 problem found"), "{e}");
    // Without warnings, strict changes nothing.
    assert!(load_edited(|_| {}).strict().is_ok());
}

#[test]
fn a_dimension_or_group_title_too_long_for_the_list_at_80_columns() {
    let title = "Scope and reach of a field's work"; // 33 columns
    let w = warnings(|t| {
        replace(&mut t[2], "title = \"Scope\"", &format!("title = \"{title}\""));
        replace(&mut t[2], "title = \"Basics\"", "title = \"The basics of both fields compared\"");
    });
    assert_eq!(
        w,
        [
            "pack/compare.toml:5:9: warning: `title` is 34 columns wide: at 80 columns the Compare list shows 30, \
             so it is cut short with \"…\" there (wider terminals show more)",
            "pack/compare.toml:10:9: warning: `title` is 33 columns wide: at 80 columns the Compare list shows 25, \
             so it is cut short with \"…\" there (wider terminals show more)",
        ]
    );
}

/// The limits the warnings use are the list widths the screen really has at 80 columns: a
/// title one column shorter shows whole, one at the limit too, one over it is cut.
#[test]
fn the_title_limits_match_the_screen_at_80_columns() {
    let shows_whole = |title: &str, group: &str, term: &str| {
        let c = load_edited(|t| {
            replace(&mut t[2], "title = \"Scope\"", &format!("title = \"{title}\""));
            replace(&mut t[2], "title = \"Basics\"", &format!("title = \"{group}\""));
            replace(&mut t[4], "name = \"Study\"", &format!("name = \"{term}\""));
        });
        let warned = c.warnings.len();
        let mut app = scm_vs_om::app::App::new(c.content, &scm_vs_om::ui::theme::COLOUR, (80, 24));
        // The list shows beside an open dimension when brought back; only its columns count
        // (the dimension's heading beside it shows the title whole).
        common::press(&mut app, "<Enter> h");
        let compare: String =
            common::screen(&app).lines().map(|l| l.chars().take(32).collect::<String>() + "\n").collect();
        common::press(&mut app, "3");
        let glossary = common::screen(&app);
        let shown = compare.contains(title) && compare.contains(group) && glossary.contains(term);
        (shown, warned)
    };
    let title = "x".repeat(25);
    let group = "g".repeat(30);
    // "Both" beside the term: 26 - 4 columns.
    let term = "t".repeat(22);
    assert_eq!(shows_whole(&title, &group, &term), (true, 0));
    assert_eq!(shows_whole(&format!("{title}x"), &group, &term), (false, 1));
    assert_eq!(shows_whole(&title, &format!("{group}g"), &term), (false, 1));
    assert_eq!(shows_whole(&title, &group, &format!("{term}t")), (false, 1));
}

#[test]
fn a_term_name_too_long_for_the_glossary_list() {
    let w = warnings(|t| {
        replace(&mut t[4], "name = \"Alpha index\"", "name = \"Alpha index of wide-scope studies\"")
    });
    assert_eq!(
        w,
        [
            "pack/glossary.toml:5:8: warning: `name` is 33 columns wide: at 80 columns the Glossary list shows 25 \
          beside `A`, so it is cut short with \"…\" (a shorter name, with the long form in `aliases` or the \
          definition, shows whole)"
        ]
    );
}

/// Three more single-choice questions, answered `first`, `second` and `third`.
fn more_singles(quiz: &mut String, answers: [&str; 3]) {
    for (i, answer) in answers.iter().enumerate() {
        quiz.push_str(&format!(
            "\n[[question]]\nid = \"more-{i}\"\nkind = \"single\"\ndimension = \"scope\"\ndifficulty = 1\n\
             prompt = \"Which is narrow?\"\noptions = [\"Alpha\", \"Beta\", \"Neither\"]\nanswer = \"{answer}\"\n\
             explanation = \"Beta is.\"\nsources = [\"book\"]\n"
        ));
    }
}

#[test]
fn single_choice_answers_that_are_mostly_one_letter() {
    let w = warnings(|t| more_singles(&mut t[3], ["b", "a", "a"]));
    assert_eq!(
        w,
        [
            "pack/quiz.toml:10:10: warning: 3 of the 4 single-choice answers are `a`: spread the right answers over \
          the letters (a printed worksheet keeps the options in the order written)"
        ]
    );
    // Half is not "mostly"; nor are three questions enough to tell.
    assert_eq!(warnings(|t| more_singles(&mut t[3], ["b", "a", "c"])), Vec::<String>::new());
    assert_eq!(warnings(|t| more_singles(&mut t[3], ["b", "b", "c"])), Vec::<String>::new());
}

#[test]
fn a_which_prompt_that_asks_nothing() {
    let w = warnings(|t| replace(&mut t[3], "prompt = \"Which field is a study?\"", "prompt = \"A study.\""));
    assert_eq!(
        w,
        [
            "pack/quiz.toml:40:10: warning: a `which` prompt is shown as written, above the fields to choose from: \
          ask a question, such as \"Which field does this describe? …\""
        ]
    );
}

#[test]
fn a_source_cited_nowhere() {
    let w = warnings(|t| {
        t[1].push_str("\n[[source]]\nid = \"unread\"\ntitle = \"Unread\"\nauthor = \"N. Body\"\n")
    });
    assert_eq!(
        w,
        [
            "pack/sources.toml:11:6: warning: source `unread` is cited nowhere: add it to a `sources` list, or remove it"
        ]
    );
}

fn write_pack(dir: &Path) {
    for (name, text) in FILES.iter().zip(MINIMAL) {
        std::fs::write(dir.join(name), text).unwrap();
    }
}

#[test]
fn near_miss_file_names_suggest_the_right_name() {
    for (right, wrong) in
        [("glossary.toml", "glosary.toml"), ("quiz.toml", "Quiz.toml"), ("fit.toml", "fit.toml.txt")]
    {
        let dir = tempfile::tempdir().unwrap();
        write_pack(dir.path());
        std::fs::rename(dir.path().join(right), dir.path().join(wrong)).unwrap();
        let loaded = Content::load_checked(&ContentSource::Dir(dir.path().to_path_buf()))
            .unwrap_or_else(|e| panic!("an optional file missing is no error: {e}"));
        let shown: Vec<String> = loaded.warnings.iter().map(|w| w.as_warning().to_string()).collect();
        assert_eq!(
            shown,
            [format!(
                "{}:1:1: warning: this file is not read: did you mean `{right}`? (rename it to `{right}`)",
                dir.path().join(wrong).display()
            )]
        );
    }
}

#[test]
fn a_near_miss_of_a_required_file_is_named_beside_the_error() {
    let dir = tempfile::tempdir().unwrap();
    write_pack(dir.path());
    std::fs::rename(dir.path().join("sources.toml"), dir.path().join("Sources.txt")).unwrap();
    let e = Content::load_checked(&ContentSource::Dir(dir.path().to_path_buf()))
        .expect_err("sources are required");
    assert!(e.diagnostics[0].to_string().contains("sources.toml:1:1: file not found"), "{e}");
    assert_eq!(e.warnings.len(), 1, "{e}");
    assert!(
        e.to_string()
            .contains("Sources.txt:1:1: warning: this file is not read: did you mean `sources.toml`?"),
        "{e}"
    );
}

#[test]
fn a_file_present_under_its_right_name_makes_no_near_miss() {
    let dir = tempfile::tempdir().unwrap();
    write_pack(dir.path());
    std::fs::write(dir.path().join("quiz.toml.bak"), "old").unwrap();
    std::fs::write(dir.path().join("Quiz.txt"), "notes").unwrap();
    std::fs::write(dir.path().join("README.md"), "about").unwrap();
    let loaded = Content::load_checked(&ContentSource::Dir(dir.path().to_path_buf())).expect("valid");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
}

#[test]
fn a_warning_does_not_stop_the_explorer() {
    let dir = tempfile::tempdir().unwrap();
    let minimal = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/packs/minimal");
    for entry in std::fs::read_dir(minimal).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    std::fs::rename(dir.path().join("quiz.toml"), dir.path().join("Quiz.toml")).unwrap();
    let mut s = Session::start(&["--content", dir.path().to_str().unwrap()], &[]);
    s.wait_for("Alpha Studies");
    s.send(b"q");
    let (code, raw, parser) = s.exit_code();
    assert_eq!(code, 0);
    assert_restored(&raw, &parser);
    let text = String::from_utf8_lossy(&raw);
    let warned = text.find("Quiz.toml:1:1: warning: this file is not read: did you mean `quiz.toml`?");
    let screen = raw.windows(8).position(|w| w == b"\x1b[?1049h").expect("entered the alternate screen");
    assert!(warned.is_some_and(|w| w < screen), "the warning comes before the screen: {text}");
}
