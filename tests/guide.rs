//! `scm-vs-om guide` prints CONTENT.md: plainly into a pipe or file, through `$PAGER` on a
//! terminal; `init` says where to read next.

mod pty_support;

use std::process::Command;

use pty_support::{BIN, Session};

const CONTENT_MD: &str = include_str!("../CONTENT.md");

#[test]
fn guide_into_a_pipe_is_content_md_exactly() {
    // A pager set must not be used when the output is not a terminal.
    let out = Command::new(BIN).arg("guide").env("PAGER", "false").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), CONTENT_MD);
    assert!(out.stderr.is_empty());
}

#[test]
fn guide_on_a_terminal_goes_through_the_pager() {
    // A "pager" that marks each line, so the output shows it went through it.
    let s = Session::start(&["guide"], &[("PAGER", "sed s/^/PAGED:/")]);
    let (code, raw, _) = s.exit_code();
    assert_eq!(code, 0);
    let text = String::from_utf8_lossy(&raw).replace("\r\n", "\n");
    assert!(text.starts_with("PAGED:# Writing content for scm-vs-om\n"), "{text}");
    assert!(text.contains("\nPAGED:## 1. What a content pack is\n"));
}

#[test]
fn guide_without_a_working_pager_prints_plainly() {
    let s = Session::start(&["guide"], &[("PAGER", "/nonexistent/pager")]);
    let (code, raw, _) = s.exit_code();
    assert_eq!(code, 0);
    assert_eq!(String::from_utf8_lossy(&raw).replace("\r\n", "\n"), CONTENT_MD);
}

#[test]
fn init_says_where_to_read_next_and_how_to_check() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("pack");
    let out = Command::new(BIN).arg("init").arg(&pack).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Read next:       scm-vs-om guide"), "{text}");
    assert!(
        text.contains(&format!("Check it with:   scm-vs-om check --content {}", pack.display())),
        "{text}"
    );
}
