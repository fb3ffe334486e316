//! Malformed and hostile content never panics: arbitrary bytes, mutated and truncated files,
//! deep nesting and huge files each give located errors (or load, when they happen to be
//! valid). The same idea runs under libFuzzer in `fuzz/`, for as long as one likes; this is
//! its share in CI.

mod common;

use proptest::prelude::*;
use scm_vs_om::content::{Content, FILES, LoadError, decode};

use common::MINIMAL;

/// Loads the minimal pack with file `which` replaced by `bytes`.
fn load_with(which: usize, bytes: Vec<u8>) -> Result<Content, LoadError> {
    let files = FILES
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let b = if i == which { bytes.clone() } else { MINIMAL[i].as_bytes().to_vec() };
            decode(format!("pack/{name}"), b)
        })
        .collect();
    Content::from_files(files)
}

/// A failed load gives each problem a file of the pack and a position inside that file,
/// and prints no control character. (A problem may sit in another file than the one
/// changed: an id mangled in disciplines.toml is an unknown reference in compare.toml.)
fn assert_located(which: usize, bytes: &[u8], error: &LoadError) {
    assert!(!error.diagnostics.is_empty());
    for d in &error.diagnostics {
        let file = FILES.iter().position(|f| d.path == format!("pack/{f}")).expect("a file of the pack");
        let text = if file == which { bytes } else { MINIMAL[file].as_bytes() };
        let text = String::from_utf8_lossy(text);
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let line = text.split('\n').nth(d.line.wrapping_sub(1)).expect("line within the file");
        assert!(d.col >= 1 && d.col <= line.chars().count() + 1, "column out of range: {d}");
    }
    let shown = error.to_string();
    assert!(!shown.chars().any(|c| c.is_control() && c != '\n'), "{shown:?}");
}

fn check(which: usize, bytes: Vec<u8>) {
    if let Err(e) = load_with(which, bytes.clone()) {
        assert_located(which, &bytes, &e);
    }
}

/// Valid content with a few bytes inserted, removed or changed: close enough to TOML that
/// the parser recovers and the checks behind it run.
fn mutated() -> impl Strategy<Value = (usize, Vec<u8>)> {
    (0..6usize, prop::collection::vec((any::<prop::sample::Index>(), 0..3u8, any::<u8>()), 1..6)).prop_map(
        |(which, edits)| {
            let mut bytes = MINIMAL[which].as_bytes().to_vec();
            for (at, kind, byte) in edits {
                let i = at.index(bytes.len() + 1);
                match kind {
                    0 => bytes.insert(i, byte),
                    1 if i < bytes.len() => {
                        bytes.remove(i);
                    }
                    _ if i < bytes.len() => bytes[i] = byte,
                    _ => bytes.push(byte),
                }
            }
            (which, bytes)
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(300)
    ))]

    #[test]
    fn arbitrary_bytes_in_any_file(which in 0..6usize, bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check(which, bytes);
    }

    #[test]
    fn arbitrary_toml_like_text_in_any_file(which in 0..6usize, text in "([a-z_.=\\[\\]{}\" ,0-9#\n'\\\\]|\u{1b}|\u{9b}|é){0,300}") {
        check(which, text.into_bytes());
    }

    #[test]
    fn mutated_valid_files((which, bytes) in mutated()) {
        check(which, bytes);
    }
}

/// Every prefix of every file, cut anywhere (inside a UTF-8 sequence too).
#[test]
fn truncated_files() {
    let builtin_quiz = include_str!("../content/quiz.toml");
    for (which, text) in MINIMAL.iter().enumerate() {
        for len in 0..text.len() {
            check(which, text.as_bytes()[..len].to_vec());
        }
    }
    // A large real file, cut at a few hundred places, including inside multi-byte characters.
    let bytes = builtin_quiz.as_bytes();
    for len in (0..bytes.len()).step_by(251) {
        check(3, bytes[..len].to_vec());
    }
    // A required file cut to nothing is an error, not an empty comparison.
    let e = load_with(2, Vec::new()).expect_err("an empty compare.toml has no dimensions");
    assert_located(2, b"", &e);
}

/// The parser's nesting limit is reached on a thread with a small stack (the 2 MiB of a
/// spawned thread, as large packs are parsed on), and reported on the line that nests.
#[test]
fn deep_nesting_is_an_error_on_its_line() {
    let deep = 100_000;
    let cases = [
        format!("format = 1\n\nx = {}{}\n", "[".repeat(deep), "]".repeat(deep)),
        format!("format = 1\n\nx = {}1{}\n", "{a = ".repeat(deep), "}".repeat(deep)),
        format!("format = 1\n\n{} = 1\n", vec!["a"; deep].join(".")),
        format!("format = 1\n\n[{}]\n", vec!["a"; deep].join(".")),
        format!("format = 1\n\n[[{}]]\n", vec!["a"; deep].join(".")),
    ];
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            for text in cases {
                let e = load_with(3, text.clone().into_bytes()).expect_err("too deep");
                assert_located(3, text.as_bytes(), &e);
                assert_eq!(e.diagnostics[0].line, 3, "{}", e.diagnostics[0]);
            }
        })
        .expect("spawns")
        .join()
        .expect("no stack overflow");
}

/// Nesting just under the parser's limit, where the checker expects a string or a table:
/// reported as the wrong type, not walked into.
#[test]
fn nesting_where_a_value_is_expected() {
    let nested = format!("{}\"x\"{}", "[".repeat(60), "]".repeat(60));
    let text = MINIMAL[2].replacen("title = \"Scope\"", &format!("title = {nested}"), 1);
    let e = load_with(2, text.clone().into_bytes()).expect_err("a title must be a string");
    assert_located(2, text.as_bytes(), &e);
    assert!(e.to_string().contains("title"), "{e}");
}

/// A file just under the size limit: one huge string, then a mistake on the last line. The
/// mistake is found at its line.
#[test]
fn a_huge_file_is_read_and_its_errors_located() {
    let filler = "a".repeat(15 << 20);
    let text = format!("format = 1\nnote = \"{filler}\"\n[[question]]\nid = \n");
    let e = load_with(3, text.clone().into_bytes()).expect_err("a value is missing");
    assert_located(3, text.as_bytes(), &e);
    assert!(e.diagnostics.iter().any(|d| d.line == 4), "{e}");
}

/// NUL and other control bytes outside strings are syntax errors with positions; inside
/// strings they are removed on load.
#[test]
fn control_bytes_in_the_toml_itself() {
    for bad in ["\0", "\u{1b}[2J", "\u{7}", "\r"] {
        let text = format!("format = 1\n{bad}\n");
        check(3, text.into_bytes());
    }
}

/// An emptied file is one problem, said where it lies, not one per reference to it.
#[test]
fn an_emptied_file_is_one_problem_not_a_flood() {
    let shown = |e: LoadError| e.diagnostics.iter().map(ToString::to_string).collect::<Vec<_>>();
    let e = shown(load_with(1, b"format_version = 1\n".to_vec()).expect_err("sources are cited"));
    assert_eq!(
        e,
        ["pack/sources.toml:1:1: no sources are defined, yet pack/disciplines.toml:9:12 names `book`"]
    );
    let e = shown(load_with(2, b"format_version = 1\n".to_vec()).expect_err("no dimensions"));
    assert_eq!(e, ["pack/compare.toml:1:1: no dimensions: add at least one [[dimension]] table"]);
    let e = shown(load_with(0, Vec::new()).expect_err("no disciplines"));
    assert!(e.iter().all(|d| d.starts_with("pack/disciplines.toml:1:1: ")), "{e:#?}");
}

/// Hundreds of options, repeated: more than there are letters, and no arithmetic overflow
/// when naming them.
#[test]
fn hundreds_of_options() {
    let options: Vec<String> = (0..400).map(|i| format!("\"o{}\"", i % 200)).collect();
    let text = MINIMAL[3].replacen(
        "options = [\"Alpha\", \"Beta\", \"Neither\"]",
        &format!("options = [{}]", options.join(", ")),
        1,
    );
    let e = load_with(3, text.clone().into_bytes()).expect_err("too many, and repeated");
    assert_located(3, text.as_bytes(), &e);
    let shown = e.to_string();
    assert!(shown.contains("400 options given"), "{shown}");
    assert!(shown.contains("duplicate option `o199` (the same as option 200)"), "{shown}");
    assert!(shown.contains("duplicate option `o0` (the same as option a)"), "{shown}");
}
