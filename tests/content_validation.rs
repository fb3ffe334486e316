//! Loading and validation of content packs: every kind of problem is reported with its file,
//! line and column, all problems at once, and content text is made safe for the terminal.

mod common;

use std::path::Path;

use scm_vs_om::BuiltinContent;
use scm_vs_om::content::{Content, ContentSource, FILES, FileText, LoadError, decode, read_file};

use common::MINIMAL;

/// Loads the minimal pack after `edit` has changed its texts (disciplines, sources, compare,
/// quiz, glossary, fit).
fn load_edited(edit: impl FnOnce(&mut [String; 6])) -> Result<Content, LoadError> {
    let files = common::minimal_edited(edit);
    Content::from_files(files)
}

/// The diagnostics of a load that must fail, as `path:line:col: message` lines.
fn errors(edit: impl FnOnce(&mut [String; 6])) -> Vec<String> {
    match load_edited(edit) {
        Ok(_) => panic!("expected the edited pack to be rejected"),
        Err(e) => e.diagnostics.iter().map(ToString::to_string).collect(),
    }
}

fn replace(text: &mut String, from: &str, to: &str) {
    assert!(text.contains(from), "test setup: `{from}` not in text");
    *text = text.replacen(from, to, 1);
}

#[test]
fn minimal_pack_loads() {
    let c = load_edited(|_| {}).expect("valid");
    assert_eq!(
        scm_vs_om::check_summary(&c, &ContentSource::Builtin),
        "ok: built-in content: 2 disciplines, 1 group, 1 dimension, 2 points, 1 source, 4 questions, 2 terms, 3 statements"
    );
    assert_eq!(c.disciplines.len(), 2);
    assert_eq!(c.disciplines[1].short, "B");
    assert_eq!(
        c.dimensions[0].points,
        vec![vec!["Wide scope".to_string()], vec!["Narrow scope".to_string()]]
    );
    assert_eq!(c.dimensions[0].sources, vec![0]);
    assert_eq!(c.groups[0].dimensions, 0..1);
}

#[test]
fn syntax_error_has_position() {
    let e = errors(|t| replace(&mut t[2], "title = \"Scope\"", "title = \"Scope"));
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].starts_with("pack/compare.toml:10:"), "{e:?}");
    assert!(e[0].contains("TOML syntax"), "{e:?}");
}

#[test]
fn unknown_key_is_reported_with_suggestion() {
    let e = errors(|t| replace(&mut t[2], "title = \"Scope\"", "titel = \"Scope\""));
    assert!(
        e.contains(
            &"pack/compare.toml:10:1: unknown key `titel` in [[dimension]]; did you mean `title`?"
                .to_string()
        ),
        "{e:?}"
    );
}

#[test]
fn several_syntax_errors_are_all_reported() {
    let e = errors(|t| {
        replace(&mut t[2], "title = \"Basics\"", "title = = \"Basics\"");
        replace(&mut t[2], "title = \"Scope\"", "title \"Scope\"");
    });
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(e[0].starts_with("pack/compare.toml:5:9: TOML syntax"), "{e:?}");
    assert!(e[1].starts_with("pack/compare.toml:10:7: TOML syntax"), "{e:?}");
}

#[test]
fn missing_field_points_at_its_table() {
    let e = errors(|t| replace(&mut t[0], "short = \"B\"\n", ""));
    assert_eq!(e, ["pack/disciplines.toml:11:1: missing key `short` in [[discipline]]"]);
}

#[test]
fn wrong_type_points_at_the_value() {
    let e = errors(|t| replace(&mut t[1], "year = 2020", "year = \"2020\""));
    assert_eq!(e, ["pack/sources.toml:7:8: `year` must be an integer, found a string"]);
    let e = errors(|t| replace(&mut t[2], "title = \"Scope\"", "title = 3"));
    assert_eq!(e, ["pack/compare.toml:10:9: `title` must be a string, found an integer"]);
    let e = errors(|t| replace(&mut t[2], "alpha = [\"Wide scope\"]", "alpha = \"Wide scope\""));
    assert_eq!(e, ["pack/compare.toml:16:9: `points.alpha` must be a list of strings, found a string"]);
}

#[test]
fn duplicate_ids_point_at_the_second() {
    let e = errors(|t| {
        t[1].push_str("\n[[source]]\nid = \"book\"\ntitle = \"Again\"\n");
    });
    assert_eq!(e, ["pack/sources.toml:11:6: duplicate source id `book` (first defined on line 4)"]);
}

#[test]
fn missing_points_for_a_discipline() {
    let e = errors(|t| replace(&mut t[2], "beta = [\"Narrow scope\"]\n", ""));
    assert_eq!(
        e,
        [
            "pack/compare.toml:7:1: dimension `scope` has no points for discipline `beta` (add `beta = [...]` under [dimension.points])"
        ]
    );
}

#[test]
fn unknown_references_are_reported_where_written() {
    let e = errors(|t| {
        replace(&mut t[2], "group = \"basics\"", "group = \"basic\"");
        replace(&mut t[2], "sources = [\"book\"]", "sources = [\"book\", \"paper\"]");
        replace(&mut t[2], "beta = [", "gamma = [\"x\"]\nbeta = [");
        replace(&mut t[0], "sources = [\"book\"]", "sources = [\"bok\"]");
    });
    assert_eq!(
        e,
        [
            "pack/disciplines.toml:9:12: unknown source `bok`; did you mean `book`?",
            "pack/compare.toml:3:1: group `basics` has no dimensions",
            "pack/compare.toml:9:9: unknown group `basic`; did you mean `basics`?",
            "pack/compare.toml:13:20: unknown source `paper` (known: book)",
            "pack/compare.toml:17:1: unknown discipline `gamma` (known: alpha, beta)",
        ]
    );
}

#[test]
fn empty_texts_are_rejected() {
    let e = errors(|t| {
        replace(&mut t[2], "title = \"Scope\"", "title = \"   \"");
        replace(&mut t[2], "overlap = \"Both are studies.\"", "overlap = \"\\u0007\"");
        replace(&mut t[2], "alpha = [\"Wide scope\"]", "alpha = []");
    });
    assert_eq!(
        e,
        [
            "pack/compare.toml:10:9: `title` must not be empty",
            "pack/compare.toml:12:11: `overlap` must not be empty",
            "pack/compare.toml:16:9: `points.alpha` must not be empty",
        ]
    );
}

#[test]
fn format_version_is_required_and_checked() {
    let e = errors(|t| {
        replace(&mut t[0], "format_version = 1\n", "");
        replace(&mut t[1], "format_version = 1", "format_version = 2");
    });
    assert_eq!(
        e,
        [
            "pack/disciplines.toml:1:1: missing key `format_version` (write `format_version = 1` at the top)",
            "pack/sources.toml:1:18: unsupported format_version 2: this program reads format_version 1",
        ]
    );
}

#[test]
fn invalid_ids_and_colours() {
    let e = errors(|t| {
        replace(&mut t[0], "id = \"alpha\"", "id = \"Alpha One\"");
        replace(&mut t[0], "color = \"cyan\"", "color = \"chartreuse\"");
    });
    assert_eq!(e.len(), 6, "{e:?}");
    assert!(e[0].starts_with("pack/disciplines.toml:4:6: invalid id `Alpha One` in `id`"), "{e:?}");
    assert!(
        e[1].starts_with("pack/disciplines.toml:7:9: unknown colour `chartreuse`: use one of black, red"),
        "{e:?}"
    );
    // Everything keyed `alpha` now names no discipline.
    assert!(e[2].starts_with("pack/compare.toml:16:1: unknown discipline `alpha`"), "{e:?}");
    assert!(
        e[3].starts_with("pack/glossary.toml:7:14: `discipline` must be a discipline id (beta) or `both`")
    );
    assert!(e[4].starts_with("pack/fit.toml:8:14:") && e[5].starts_with("pack/fit.toml:22:14:"), "{e:?}");
}

#[test]
fn discipline_short_names_must_differ() {
    let e = errors(|t| replace(&mut t[0], "short = \"B\"", "short = \"a\""));
    assert_eq!(e, ["pack/disciplines.toml:14:9: duplicate short name `a`: each field needs its own label"]);
}

#[test]
fn syntax_errors_in_one_file_do_not_flood_the_others() {
    // sources.toml cannot be parsed: references to it from the other files are not checked
    // (they would all look unknown), but the other files' own problems still are.
    let e = errors(|t| {
        replace(&mut t[1], "id = \"book\"", "id = \"book");
        replace(&mut t[2], "title = \"Scope\"", "title = \"\"");
    });
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(e[0].starts_with("pack/sources.toml:4:"), "{e:?}");
    assert_eq!(e[1], "pack/compare.toml:10:9: `title` must not be empty");
}

#[test]
fn quiz_questions_load_with_their_answers() {
    use scm_vs_om::content::{Answer, QuestionKind};
    let c = load_edited(|_| {}).expect("valid");
    let kinds: Vec<QuestionKind> = c.questions.iter().map(|q| q.kind).collect();
    assert_eq!(
        kinds,
        [QuestionKind::Single, QuestionKind::Multi, QuestionKind::TrueFalse, QuestionKind::Which]
    );
    let answers: Vec<&Answer> = c.questions.iter().map(|q| &q.answer).collect();
    assert_eq!(
        answers,
        [&Answer::Options(vec![0]), &Answer::Options(vec![0, 1]), &Answer::TrueFalse(true), &Answer::Both]
    );
}

#[test]
fn quiz_without_a_quiz_file_is_fine() {
    let dir = tempfile::tempdir().unwrap();
    write_pack(dir.path());
    std::fs::remove_file(dir.path().join("quiz.toml")).unwrap();
    let c = Content::load(&ContentSource::Dir(dir.path().to_path_buf())).expect("quiz.toml is optional");
    assert!(c.questions.is_empty());
}

#[test]
fn quiz_references_and_answers_are_checked() {
    let e = errors(|t| {
        replace(
            &mut t[3],
            "dimension = \"scope\"\ndifficulty = 1\nprompt = \"Which is wide?\"",
            "dimension = \"scop\"\ndifficulty = 1\nprompt = \"Which is wide?\"",
        );
        replace(&mut t[3], "answer = \"a\"", "answer = \"d\"");
        replace(
            &mut t[3],
            "options = [\"Alpha\", \"Beta\", \"Gamma rays\"]",
            "options = [\"Alpha\", \"Beta\", \"alpha\"]",
        );
        replace(&mut t[3], "answer = [\"a\", \"b\"]", "answer = []");
        replace(&mut t[3], "answer = true", "answer = \"yes\"");
        replace(&mut t[3], "answer = \"both\"", "answer = \"gamma\"");
        replace(&mut t[3], "difficulty = 3", "difficulty = 4");
    });
    assert_eq!(
        e,
        [
            "pack/quiz.toml:6:13: unknown dimension `scop`; did you mean `scope`?",
            "pack/quiz.toml:10:10: answer `d` is not among the 3 options (a to c)",
            "pack/quiz.toml:20:29: duplicate option `alpha` (the same as option a)",
            "pack/quiz.toml:21:10: the answer lists no option: a question needs at least one correct answer",
            "pack/quiz.toml:31:10: a true-false answer must be true or false, found string",
            "pack/quiz.toml:39:14: difficulty must be 1, 2 or 3, not 4",
            "pack/quiz.toml:41:10: `answer` must be a discipline id (alpha, beta) or `both`, not `gamma`",
        ]
    );
}

#[test]
fn quiz_kinds_and_options_are_checked() {
    let e = errors(|t| {
        replace(&mut t[3], "kind = \"single\"", "kind = \"essay\"");
        replace(&mut t[3], "answer = true", "options = [\"x\", \"y\"]\nanswer = true");
        t[3].push_str("\n[[question]]\nid = \"scope-single\"\nkind = \"single\"\ndimension = \"scope\"\ndifficulty = 1\nprompt = \"p\"\noptions = [\"a\", \"b\"]\nanswer = \"a\"\nexplanation = \"e\"\nsources = [\"nope\"]\n");
    });
    assert_eq!(
        e,
        [
            "pack/quiz.toml:5:8: unknown kind `essay`: use single, multi, true-false, which or typed",
            "pack/quiz.toml:31:12: `options` are not used with kind `true-false`: the quiz supplies them",
            "pack/quiz.toml:47:6: duplicate question id `scope-single` (first defined on line 4)",
            "pack/quiz.toml:52:12: 2 options given; this kind needs 3 to 5",
            "pack/quiz.toml:55:12: unknown source `nope` (known: book)",
        ]
    );
}

#[test]
fn glossary_and_fit_load() {
    use scm_vs_om::content::Owner;
    let c = load_edited(|_| {}).expect("valid");
    assert_eq!(c.terms.len(), 2);
    assert_eq!(c.terms[0].owner, Owner::Discipline(0));
    assert_eq!(c.terms[0].aliases, ["AI"]);
    assert_eq!(c.terms[1].owner, Owner::Both);
    assert_eq!(c.terms_by_dimension(), [vec![0, 1]]);
    assert_eq!(c.dimensions_by_source(), [vec![0]]);
    assert_eq!(c.fit.statements.len(), 3);
    assert_eq!(c.fit.roles_dimension, Some(0));
    assert!(c.fit.statements[2].reverse);
    assert_eq!(c.fit.statements[1].discipline, 1);
}

#[test]
fn glossary_problems_are_reported() {
    let e = errors(|t| {
        replace(&mut t[4], "name = \"Study\"", "name = \"alpha INDEX\"");
        replace(&mut t[4], "definition = \"What both fields are.\"", "definition = \"\"");
        replace(
            &mut t[4],
            "related = [\"scope\"]\nsources = [\"book\"]\n\n[[term]]",
            "related = [\"scop\"]\nsources = [\"book\"]\n\n[[term]]",
        );
        replace(&mut t[4], "discipline = \"both\"", "discipline = \"gamma\"");
    });
    assert_eq!(
        e,
        [
            "pack/glossary.toml:9:12: unknown dimension `scop`; did you mean `scope`?",
            "pack/glossary.toml:14:8: duplicate term name `alpha INDEX` (first used on line 5)",
            "pack/glossary.toml:15:14: `discipline` must be a discipline id (alpha, beta) or `both`, not `gamma`",
            "pack/glossary.toml:16:14: `definition` must not be empty",
        ]
    );
}

#[test]
fn fit_problems_are_reported() {
    let e = errors(|t| {
        replace(&mut t[5], "roles_dimension = \"scope\"", "roles_dimension = \"roles\"");
        replace(&mut t[5], "discipline = \"beta\"", "discipline = \"both\"");
        replace(&mut t[5], "reverse = true", "reverse = \"yes\"");
        replace(&mut t[5], "id = \"avoid-wide-things\"", "id = \"wide-things\"");
    });
    assert_eq!(
        e,
        [
            "pack/fit.toml:3:19: unknown dimension `roles` (known: scope)",
            "pack/fit.toml:15:14: `discipline` must be a discipline id (alpha, beta), not `both`",
            "pack/fit.toml:20:6: duplicate statement id `wide-things` (first defined on line 6)",
            "pack/fit.toml:24:11: `reverse` must be true or false, found a string",
        ]
    );
}

#[test]
fn a_broken_disciplines_file_does_not_flood_the_files_that_name_disciplines() {
    let e = errors(|t| replace(&mut t[0], "id = \"alpha\"", "id = \"alpha"));
    assert!(e.iter().all(|l| l.starts_with("pack/disciplines.toml:")), "{e:#?}");
}

#[test]
fn a_comparison_needs_two_disciplines() {
    let e = errors(|t| {
        let second = t[0].find("\n[[discipline]]\nid = \"beta\"").unwrap();
        t[0].truncate(second);
        replace(&mut t[2], "beta = [\"Narrow scope\"]\n", "");
    });
    assert_eq!(
        e,
        [
            "pack/disciplines.toml:3:1: a comparison needs at least two disciplines; found 1 (add [[discipline]] tables)",
            // The self-assessment's statement about the removed discipline is reported too.
            "pack/fit.toml:15:14: `discipline` must be a discipline id (alpha), not `beta`",
        ]
    );
}

#[test]
fn every_problem_in_every_file_is_reported_in_order() {
    let e = errors(|t| {
        replace(&mut t[0], "name = \"Alpha Studies\"", "name = \"\"");
        replace(&mut t[0], "short = \"B\"", "shrt = \"B\"");
        replace(&mut t[1], "title = \"A Book\"", "title = [1]");
        replace(&mut t[2], "summary = \"Alpha is wide, beta is narrow.\"", "summary = 1\nextra = true");
    });
    let files: Vec<&str> = e.iter().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(
        files,
        [
            "pack/disciplines.toml",
            "pack/disciplines.toml",
            "pack/disciplines.toml",
            "pack/sources.toml",
            "pack/compare.toml",
            "pack/compare.toml",
        ],
        "{e:#?}"
    );
}

#[test]
fn control_characters_in_content_are_removed() {
    let c = load_edited(|t| {
        replace(
            &mut t[2],
            "title = \"Scope\"",
            r#"title = "Sc\u001b]0;pwned\u0007ope\u001b[2J\u009b31m\u202e\r""#,
        );
        replace(&mut t[2], "overlap = \"Both are studies.\"", "overlap = \"Both\\tare\\r\\nstudies.\"");
    })
    .expect("valid once cleaned");
    assert_eq!(c.dimensions[0].title, "Scope");
    assert_eq!(c.dimensions[0].overlap.as_deref(), Some("Both are studies."));
}

#[test]
fn error_messages_escape_control_bytes_from_the_file() {
    let e = errors(|t| replace(&mut t[2], "title = \"Scope\"", "\"ti\\u001b[2Jtle\" = \"Scope\""));
    let joined = e.join("\n");
    assert!(!joined.chars().any(|c| c.is_control() && c != '\n'), "{joined:?}");
    assert!(joined.contains("unknown key `ti\\u{1b}[2Jtle`"), "{joined:?}");
}

#[test]
fn invalid_utf8_is_located_and_the_rest_still_checked() {
    let mut bytes = MINIMAL[2].as_bytes().to_vec();
    let at = MINIMAL[2].find("Scope\"").unwrap();
    bytes.splice(at..at, [0xff, 0xfe]);
    let file = decode("pack/compare.toml".into(), bytes);
    assert_eq!(file.problems.len(), 1);
    assert_eq!(
        file.problems[0].to_string(),
        "pack/compare.toml:10:10: invalid UTF-8 (bytes 0xff 0xfe); save the file as UTF-8"
    );
}

fn write_pack(dir: &Path) {
    for (name, text) in FILES.iter().zip(MINIMAL) {
        std::fs::write(dir.join(name), text).unwrap();
    }
}

fn dir_errors(dir: &Path) -> Vec<String> {
    match Content::load(&ContentSource::Dir(dir.to_path_buf())) {
        Ok(_) => panic!("expected errors"),
        Err(e) => e.diagnostics.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn a_directory_pack_loads() {
    let dir = tempfile::tempdir().unwrap();
    write_pack(dir.path());
    let c = Content::load(&ContentSource::Dir(dir.path().to_path_buf())).expect("valid");
    assert_eq!(c.dimensions.len(), 1);
}

#[test]
fn missing_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    write_pack(dir.path());
    std::fs::remove_file(dir.path().join("sources.toml")).unwrap();
    let e = dir_errors(dir.path());
    let path = dir.path().join("sources.toml");
    // References into the missing file are not reported as unknown: that would only be noise.
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].starts_with(&format!("{}:1:1: file not found", path.display())), "{e:?}");
}

#[test]
fn oversized_file_is_refused_without_reading() {
    let dir = tempfile::tempdir().unwrap();
    write_pack(dir.path());
    // A sparse file: 17 MiB long, no disk used, and reading it would take visible time.
    let f = std::fs::File::create(dir.path().join("compare.toml")).unwrap();
    f.set_len(17 * 1024 * 1024).unwrap();
    let e = dir_errors(dir.path());
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].ends_with("compare.toml:1:1: file is 17825792 bytes, over the limit of 16 MiB; not read"),
        "{e:?}"
    );
}

#[test]
fn a_directory_in_place_of_a_file() {
    let dir = tempfile::tempdir().unwrap();
    write_pack(dir.path());
    std::fs::remove_file(dir.path().join("compare.toml")).unwrap();
    std::fs::create_dir(dir.path().join("compare.toml")).unwrap();
    let e = dir_errors(dir.path());
    assert!(e[0].ends_with("compare.toml:1:1: is a directory, expected a TOML file"), "{e:?}");
}

#[test]
fn read_file_strips_a_byte_order_mark() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.toml");
    std::fs::write(&path, b"\xef\xbb\xbfformat_version = 1\n").unwrap();
    let FileText { text, problems, .. } = read_file(&path);
    assert!(problems.is_empty());
    assert_eq!(text.as_deref(), Some("format_version = 1\n"));
}

#[test]
fn the_ready_made_builtin_content_is_the_parsed_toml() {
    // build.rs stores what parsing gives; this fails if the two ever drift apart.
    assert_eq!(Content::builtin(), Content::parse_builtin().unwrap_or_else(|e| panic!("{e}")));
}

#[test]
fn builtin_content_is_valid_and_substantial() {
    let c = Content::load(&ContentSource::Builtin).unwrap_or_else(|e| panic!("{e}"));
    assert!(c.dimensions.len() >= 24, "{} dimensions", c.dimensions.len());
    assert_eq!(c.disciplines.len(), 2);
    for d in &c.dimensions {
        assert!(!d.sources.is_empty(), "{} has no source", d.id);
        for points in &d.points {
            assert!(!points.is_empty(), "{} lacks points", d.id);
        }
    }
}
