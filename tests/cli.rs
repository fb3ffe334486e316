//! The command line and the author's commands: export, init, completions, the manual page,
//! the settings file, argument errors.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_scm-vs-om");

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN).args(args).env_remove("NO_COLOR").output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn minimal() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/packs/minimal").to_string()
}

#[test]
fn export_markdown_of_the_minimal_pack() {
    let (code, out, err) = run(&["export", "--format", "markdown", "--content", &minimal()]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("export_minimal_markdown", out);
}

#[test]
fn export_json_of_the_minimal_pack() {
    let (code, out, err) = run(&["export", "--format", "json", "--content", &minimal()]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    for key in
        ["format", "version", "disciplines", "groups", "dimensions", "questions", "terms", "fit", "sources"]
    {
        assert!(v.get(key).is_some(), "missing top-level {key}");
    }
    assert_eq!(v["version"], 1);
    insta::assert_snapshot!("export_minimal_json", out);
}

#[test]
fn export_of_the_builtin_pack_covers_everything() {
    let (code, md, _) = run(&["export"]);
    assert_eq!(code, 0);
    assert!(md.starts_with("# Supply Chain Management vs Operations Management\n"));
    assert!(md.contains("## Quiz worksheet") && md.contains("## Answer key") && md.contains("## Glossary"));
    // The answer key comes after every question.
    assert!(md.find("## Answer key").unwrap() > md.rfind("   - a) ").unwrap());
    let (_, json, _) = run(&["export", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["dimensions"].as_array().unwrap().len(), 44);
    assert_eq!(v["questions"].as_array().unwrap().len(), 292);
    assert_eq!(v["disciplines"][0]["id"], "scm");
}

#[test]
fn init_writes_a_pack_that_passes_check_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("my-pack");
    let pack = pack.to_str().unwrap();
    let (code, out, err) = run(&["init", pack]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Wrote a starter pack of 6 files"), "{out}");
    let (code, out, err) = run(&["check", "--content", pack]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("ok: "), "{out}");
    let (code, _, err) = run(&["init", pack]);
    assert_eq!(code, 1);
    assert!(err.contains("already holds") && err.contains("--force"), "{err}");
    let (code, _, _) = run(&["init", pack, "--force"]);
    assert_eq!(code, 0);
}

#[test]
fn completions_for_every_shell_and_a_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let (code, out, _) = run(&["completions", shell]);
        assert_eq!(code, 0, "{shell}");
        assert!(out.contains("scm-vs-om") && out.contains("export"), "{shell}: {out}");
    }
    let (code, out, _) = run(&["man"]);
    assert_eq!(code, 0);
    assert!(out.contains(".TH scm-vs-om"), "{}", &out[..200.min(out.len())]);
    assert!(out.contains("\\-\\-content"));
}

#[test]
fn help_for_every_subcommand_has_examples_and_version_works() {
    for args in [
        &["--help"][..],
        &["check", "--help"],
        &["export", "--help"],
        &["init", "--help"],
        &["completions", "--help"],
        &["man", "--help"],
    ] {
        let (code, out, _) = run(args);
        assert_eq!(code, 0, "{args:?}");
        assert!(out.contains("Examples:"), "{args:?}: {out}");
    }
    let (code, out, _) = run(&["--version"]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), format!("scm-vs-om {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn argument_errors_are_clear_and_list_valid_values() {
    let (code, _, err) = run(&["--theme", "neon"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("invalid value 'neon'") && err.contains("auto, dark, light, high-contrast, mono"),
        "{err}"
    );
    let (code, _, err) = run(&["export", "--format", "pdf"]);
    assert_eq!(code, 2);
    assert!(err.contains("markdown, html, anki, csv, json"), "{err}");
    let (code, _, err) = run(&["completions", "tcsh"]);
    assert_eq!(code, 2);
    assert!(err.contains("bash"), "{err}");
}

/// Output into a pipe whose reader has gone (`| head`) ends quietly and successfully,
/// never with a panic.
#[test]
fn a_closed_pipe_ends_output_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let init_dir = dir.path().join("pack");
    let commands: [&[&str]; 6] = [
        &["check"],
        &["export", "--format", "markdown"],
        &["export", "--format", "json"],
        &["man"],
        &["completions", "zsh"],
        &["init", init_dir.to_str().unwrap()],
    ];
    for args in commands {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = Command::new(BIN).args(args).stdout(writer).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?}: {err}");
    }
}

/// Problems reported into a closed pipe (`2>&1 | head`) still end with status 1, not a panic.
#[test]
fn a_closed_pipe_for_errors_is_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = Command::new(BIN).args(["check", "--content"]).arg(dir.path()).stderr(writer).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
}

/// A copy of the minimal pack with its glossary misnamed, which loads with one warning.
fn pack_with_a_warning() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(minimal()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    std::fs::rename(dir.path().join("glossary.toml"), dir.path().join("glosary.toml")).unwrap();
    dir
}

#[test]
fn check_prints_warnings_and_passes_unless_strict() {
    let dir = pack_with_a_warning();
    let pack = dir.path().to_str().unwrap();
    let warning = format!(
        "{pack}/glosary.toml:1:1: warning: this file is not read: did you mean `glossary.toml`? (rename it to `glossary.toml`)\n"
    );
    let (code, out, err) = run(&["check", "--content", pack]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err, warning);
    assert!(out.starts_with("ok: "), "{out}");
    let (code, out, err) = run(&["check", "--strict", "--content", pack]);
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert_eq!(
        err,
        format!(
            "{pack}/glosary.toml:1:1: this file is not read: did you mean `glossary.toml`? (rename it to `glossary.toml`)\n\
             1 problem found\n"
        )
    );
}

/// Runs a command that must end by itself within a few seconds (a blocking open would hang).
fn run_briefly(cmd: &mut Command) -> (i32, String) {
    let mut child =
        cmd.stdin(std::process::Stdio::null()).stderr(std::process::Stdio::piped()).spawn().unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!("{cmd:?} was still running after 10 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into())
}

fn copy_minimal(dir: &std::path::Path) {
    for entry in std::fs::read_dir(minimal()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
}

/// A pack file that is a FIFO, or a link to /dev/tty, is refused at once with what it is:
/// opening it would block until a writer came, or read the terminal until Ctrl-D.
#[cfg(unix)]
#[test]
fn special_files_in_a_pack_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    copy_minimal(dir.path());
    let compare = dir.path().join("compare.toml");
    std::fs::remove_file(&compare).unwrap();
    assert!(Command::new("mkfifo").arg(&compare).status().unwrap().success());
    // An optional file too: it exists, so it is read, so it is refused.
    let quiz = dir.path().join("quiz.toml");
    std::fs::remove_file(&quiz).unwrap();
    std::os::unix::fs::symlink("/dev/tty", &quiz).unwrap();
    let (code, err) = run_briefly(Command::new(BIN).args(["check", "--content"]).arg(dir.path()));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("compare.toml:1:1: is a FIFO (named pipe), not a regular file; not read"), "{err}");
    assert!(err.contains("quiz.toml:1:1: is a character device"), "{err}");
    assert!(err.trim_end().ends_with("2 problems found"), "{err}");
}

/// `--content` naming a file says so once, instead of "not a directory" for each pack file.
#[test]
fn content_naming_a_file_says_it_is_not_a_directory() {
    let file = format!("{}/disciplines.toml", minimal());
    let (code, _, err) = run(&["check", "--content", &file]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        err.trim_end(),
        format!(
            "{file}:1:1: is a file, not a directory: --content names a directory holding \
             disciplines.toml, sources.toml and compare.toml\n1 problem found"
        )
    );
}

#[test]
fn the_explorer_prints_warnings_before_it_starts() {
    let dir = pack_with_a_warning();
    let pack = dir.path().to_str().unwrap();
    // Not on a terminal the explorer does not start, but the warning comes first all the same
    // (tests/pty.rs shows it starting after one).
    let (code, _, err) = run(&["--content", pack, "--no-history"]);
    assert_eq!(code, 2);
    assert!(err.starts_with(&format!("{pack}/glosary.toml:1:1: warning: this file is not read")), "{err}");
    // Exports carry on too.
    let (code, out, err) = run(&["export", "--content", pack]);
    assert_eq!(code, 0);
    assert!(out.starts_with("# "), "{out}");
    assert!(err.contains("warning: this file is not read"), "{err}");
}

/// An empty SCM_VS_OM_DATA_DIR or SCM_VS_OM_CONFIG is as good as unset: every command runs.
#[test]
fn empty_environment_variables_count_as_unset() {
    for var in ["SCM_VS_OM_DATA_DIR", "SCM_VS_OM_CONFIG"] {
        for args in [&["check"][..], &["--no-history", "check"]] {
            let out = Command::new(BIN).args(args).env(var, "").output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(0), "{var}= {args:?}: {err}");
            assert!(String::from_utf8_lossy(&out.stdout).starts_with("ok: "), "{var}= {args:?}");
        }
    }
    // A variable with a value still counts (an unknown directory is no error for `check`).
    let out = Command::new(BIN).arg("check").env("SCM_VS_OM_DATA_DIR", "/nonexistent").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
}

/// Help that cannot be written (`--help > /dev/full`) is an error, not a silent success.
#[cfg(target_os = "linux")]
#[test]
fn help_into_a_full_disk_is_an_error() {
    for args in [&["--help"][..], &["check", "--help"], &["--version"]] {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let out = Command::new(BIN).args(args).stdout(full).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("cannot write the help: No space left on device"), "{args:?}: {err}");
    }
}
