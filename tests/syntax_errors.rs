//! TOML syntax errors on the built-in pack's own files, each made as an author would make
//! it: one message per cause, on the line where the cause is, in words a teacher knows, and
//! none of the parser's follow-on errors.

use scm_vs_om::content::{BUILTIN, Content, FILES, FileText, decode};

const COMPARE: usize = 2;
const GLOSSARY: usize = 4;

/// The built-in pack with file `which` replaced by `bytes`: its diagnostics as printed.
fn errors_with(which: usize, bytes: Vec<u8>) -> Vec<String> {
    let files: Vec<FileText> = FILES
        .iter()
        .zip(BUILTIN)
        .enumerate()
        .map(|(i, (name, (_, text)))| {
            let bytes = if i == which { bytes.clone() } else { text.as_bytes().to_vec() };
            decode(format!("content/{name}"), bytes)
        })
        .collect();
    match Content::from_files(files) {
        Ok(_) => panic!("expected the edited pack to be rejected"),
        Err(e) => e.diagnostics.iter().map(ToString::to_string).collect(),
    }
}

/// compare.toml with the `n`th (0-based) occurrence of `from` replaced by `to`, and the
/// 1-based line where that occurrence starts.
fn compare_edited(from: &str, n: usize, to: &str) -> (String, usize) {
    let text = BUILTIN[COMPARE].1;
    let at = text.match_indices(from).nth(n).unwrap_or_else(|| panic!("test setup: no `{from}` #{n}")).0;
    let line = text[..at].matches('\n').count() + 1;
    (format!("{}{to}{}", &text[..at], &text[at + from.len()..]), line)
}

fn compare_errors(from: &str, n: usize, to: &str) -> (Vec<String>, usize) {
    let (text, line) = compare_edited(from, n, to);
    (errors_with(COMPARE, text.into_bytes()), line)
}

#[test]
fn a_multi_line_text_closed_with_two_quotes_is_reported_where_it_opened() {
    // The closing `"""` of the first summary typed as `""`.
    let text = BUILTIN[COMPARE].1;
    let open = text.find("summary = \"\"\"").expect("a multi-line summary");
    let close = open + 13 + text[open + 13..].find("\"\"\"").unwrap();
    let edited = format!("{}\"\"{}", &text[..close], &text[close + 3..]);
    let e = errors_with(COMPARE, edited.into_bytes());
    let open_line = text[..open].matches('\n').count() + 1;
    assert_eq!(e.len(), 1, "{e:#?}");
    assert!(e[0].starts_with(&format!("content/compare.toml:{open_line}:11: TOML syntax: the text that starts here with \"\"\" is not closed")), "{e:?}");
    assert!(e[0].contains("End the text with \"\"\" (three quotes, not two)"), "{e:?}");
    assert!(e[0].contains("more errors follow from this one and are not shown"), "{e:?}");
}

#[test]
fn a_multi_line_text_never_closed() {
    let text = BUILTIN[COMPARE].1;
    let last_close = text.rfind("\"\"\"").unwrap();
    let last_open = text[..last_close].rfind("\"\"\"").unwrap();
    let edited = &text[..last_close];
    let e = errors_with(COMPARE, edited.as_bytes().to_vec());
    let line = text[..last_open].matches('\n').count() + 1;
    assert_eq!(e.len(), 1, "{e:#?}");
    assert!(e[0].starts_with(&format!("content/compare.toml:{line}:")), "{e:?}");
    assert!(e[0].contains("is never closed: end it with \"\"\""), "{e:?}");
}

#[test]
fn a_plural_table_header_gets_did_you_mean() {
    let (e, line) = compare_errors("[[dimension]]", 0, "[[dimensions]]");
    assert_eq!(e.len(), 1, "{e:#?}");
    assert!(
        e[0].starts_with(&format!(
            "content/compare.toml:{line}:1: TOML syntax: `[[dimensions]]` is not a table of this pack: did you mean `[[dimension]]`?"
        )),
        "{e:?}"
    );
}

#[test]
fn a_single_bracket_table_header_gets_use_double_brackets() {
    let (e, line) = compare_errors("[[dimension]]", 3, "[dimension]");
    assert_eq!(e.len(), 1, "{e:#?}");
    assert!(
        e[0].starts_with(&format!(
            "content/compare.toml:{line}:1: TOML syntax: `[dimension]` with single brackets names one table, written \
             once; to add another dimension, write `[[dimension]]` (double brackets)"
        )),
        "{e:?}"
    );
}

#[test]
fn curly_quotes_are_named() {
    let (e, line) = compare_errors("title = \"Definition", 0, "title = “Definition");
    let (e2, _) = compare_errors("title = \"Definition\"", 0, "title = \"Definition”");
    assert_eq!(e.len(), 1, "{e:#?}");
    assert!(
        e[0].starts_with(&format!(
            "content/compare.toml:{line}:9: TOML syntax: “ is a curly (typographic) quote"
        )),
        "{e:?}"
    );
    assert!(e[0].contains("type straight quotes \"…\""), "{e:?}");
    // A curly quote closing a straight one: the text is not closed, and the quote is named.
    assert_eq!(e2.len(), 1, "{e2:#?}");
    assert!(e2[0].contains("this text is not closed on its line: ” is a curly quote, not \""), "{e2:?}");
}

#[test]
fn a_line_break_inside_a_one_line_text_is_one_message_without_jargon() {
    let (e, line) = compare_errors("title = \"Definition", 0, "title = \"Defi\nnition");
    assert_eq!(
        e,
        [format!(
            "content/compare.toml:{line}:14: TOML syntax: this text is not closed on its line: end it with \" (for a \
             text over several lines, write \"\"\" at both ends)"
        )]
    );
    assert!(!e[0].contains("basic string"));
}

#[test]
fn a_key_written_twice_names_the_key_and_its_first_line() {
    let (e, line) = compare_errors("title = \"Definition", 0, "title = \"Again\"\ntitle = \"Definition");
    assert_eq!(
        e,
        [format!(
            "content/compare.toml:{}:1: TOML syntax: `title` is written twice in this table (first on line {line}): remove one",
            line + 1
        )]
    );
}

#[test]
fn a_backslash_and_an_unquoted_text_are_said_plainly() {
    let (e, _) = compare_errors("title = \"Definition\"", 0, "title = \"C:\\Tools\"");
    assert_eq!(e.len(), 1, "{e:#?}");
    assert!(e[0].contains("for a backslash itself write \\\\, or put the text in single quotes"), "{e:?}");
    let (e, _) = compare_errors("title = \"Definition\"", 0, "title = Definition");
    assert_eq!(e.len(), 1, "{e:#?}");
    assert!(e[0].ends_with("TOML syntax: text must be in quotes: write \"…\" around it"), "{e:?}");
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for unit in (if bom { "\u{feff}" } else { "" }).encode_utf16().chain(text.encode_utf16()) {
        out.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    out
}

#[test]
fn a_utf16_or_utf32_file_is_one_message() {
    let text = BUILTIN[GLOSSARY].1;
    let utf32: Vec<u8> =
        "\u{feff}".chars().chain(text.chars()).flat_map(|c| (c as u32).to_le_bytes()).collect();
    for (encoding, bytes) in [
        ("UTF-16", utf16(text, false, true)),
        ("UTF-16", utf16(text, true, true)),
        ("UTF-16", utf16(text, false, false)),
        ("UTF-32", utf32),
    ] {
        let e = errors_with(GLOSSARY, bytes);
        assert_eq!(e.len(), 1, "{encoding}: {e:#?}");
        assert!(
            e[0].starts_with(&format!("content/glossary.toml:1:1: the file is saved as {encoding}")),
            "{e:?}"
        );
        assert!(e[0].ends_with("save it as UTF-8"), "{e:?}");
    }
}

#[test]
fn independent_syntax_errors_are_each_reported() {
    // A plural header near the top and a missing comma in a later file: two causes, two
    // messages, in their own files.
    let (text, _) = compare_edited("[[dimension]]", 0, "[[dimensions]]");
    let files: Vec<FileText> = FILES
        .iter()
        .zip(BUILTIN)
        .enumerate()
        .map(|(i, (name, (_, t)))| {
            let t = match i {
                COMPARE => text.clone(),
                GLOSSARY => t.replacen("related = [\"", "related = [\"x\" \"", 1),
                _ => t.to_string(),
            };
            decode(format!("content/{name}"), t.into_bytes())
        })
        .collect();
    let e = Content::from_files(files).expect_err("two mistakes");
    let shown: Vec<String> = e.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 2, "{shown:#?}");
    assert!(
        shown[0].contains("compare.toml") && shown[0].contains("did you mean `[[dimension]]`"),
        "{shown:?}"
    );
    assert!(shown[1].contains("glossary.toml") && shown[1].contains("a comma is missing"), "{shown:?}");
}
