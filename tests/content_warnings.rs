//! Warnings: likely mistakes in content that still loads. Each is reported as
//! `path:line:col: warning: message`, never stops the load, and fails it under `strict`.

mod common;
mod pty_support;

use std::path::Path;

use scm_vs_om::content::{Content, ContentSource, FILES, Loaded, decode};

use common::MINIMAL;
use pty_support::{Session, assert_restored};

/// Loads the minimal pack after `edit` has changed its texts (disciplines, sources, compare,
/// quiz, glossary, fit); the load must succeed.
fn load_edited(edit: impl FnOnce(&mut [String; 6])) -> Loaded {
    let mut texts = MINIMAL.map(str::to_owned);
    edit(&mut texts);
    let files = FILES
        .iter()
        .zip(texts)
        .map(|(name, text)| decode(format!("pack/{name}"), text.into_bytes()))
        .collect();
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
fn the_minimal_and_builtin_packs_have_no_warnings() {
    assert_eq!(warnings(|_| {}), Vec::<String>::new());
    let builtin = Content::load_checked(&ContentSource::Builtin).unwrap_or_else(|e| panic!("{e}"));
    let shown: Vec<String> = builtin.warnings.iter().map(|w| w.as_warning().to_string()).collect();
    assert_eq!(shown, Vec::<String>::new());
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
          asking whose point it is would have no right answer; move it to `overlap`"]
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
