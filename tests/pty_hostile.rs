//! The real binary against what could hurt a terminal: content carrying escape sequences,
//! and a storm of resizes. Assertions are on the raw bytes the program writes.

mod pty_support;

use std::path::Path;
use std::time::Duration;

use pty_support::{BIN, Session, assert_restored, contains};

/// The minimal pack with hostile strings (TOML escapes, so the file itself is plain text)
/// in a dimension, its points, a term and a question. Each carries a marker that must not
/// reach the terminal if the whole sequence, not just its ESC, is removed.
fn hostile_pack(dir: &Path) {
    let minimal = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/packs/minimal");
    for entry in std::fs::read_dir(&minimal).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    let edit = |file: &str, from: &str, to: &str| {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "test setup: `{from}` not in {file}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    };
    // OSC (set the window title), terminated by BEL.
    edit("compare.toml", r#"title = "Scope""#, r#"title = "Sco\u001b]0;TITLEPWN\u0007pe""#);
    // CSI: clear the screen and move the cursor.
    edit("compare.toml", r#""Alpha is wide"#, r#""Alpha\u001b[2J\u001b[7777;1H is wide"#);
    // The 8-bit CSI, U+009B, and a DCS string ended by ST.
    edit("compare.toml", r#""Both are studies."#, r#""Both\u009b8888m are\u001bP9999\u001b\\ studies."#);
    // BEL and CR (which would send the cursor back to overwrite the line).
    edit("compare.toml", r#""Wide scope""#, r#""Wi\rXXde\u0007 scope""#);
    // Bidi override: "Narrow scope" that would display reversed.
    edit("compare.toml", r#""Narrow scope""#, r#""Narrow \u202escope\u202c""#);
    edit("glossary.toml", r#""How wide a scope is."#, r#""How wide\u001b]52;c;Q0xJUA==\u0007 a scope is."#);
    edit("quiz.toml", r#""Which is wide?""#, r#""Which\u001b[6n is\u0085 wide?""#);
}

#[test]
fn content_cannot_send_escape_sequences_to_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    hostile_pack(dir.path());
    let mut s = Session::start(&["--content", dir.path().to_str().unwrap(), "--no-history"], &[]);
    s.wait_for("Alpha Studies");
    s.send(b"\r");
    s.wait_for("Alpha is wide, beta is narrow."); // the dimension with every hostile string
    s.wait_for("WiXXde scope");
    s.wait_for("Narrow scope");
    s.send(b"/Sco");
    s.wait_for("Compare    Scope");
    s.send(b"\x1b");
    std::thread::sleep(Duration::from_millis(100)); // alone, or ESC 3 reads as Alt-3
    s.send(b"3");
    s.wait_for("How wide a scope is.");
    // The question, found by search and opened in the quiz from there.
    s.send(b"/Which");
    s.wait_for("Quiz       Which is wide?");
    s.send(b"\r");
    s.wait_for("▸2 Quiz");
    s.wait_for("Which is wide?");
    s.send(b"q");
    let (code, raw, parser) = s.exit_code();
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&raw));
    assert_restored(&raw, &parser);
    for marker in ["TITLEPWN", "7777", "8888", "9999", "Q0xJUA", "[6n"] {
        assert!(!contains(&raw, marker.as_bytes()), "`{marker}` reached the terminal");
    }
    // The program itself sends no OSC (but its background query), DCS, BEL, 8-bit controls
    // or bidi controls: any of these in the output came from the content.
    let raw = pty_support::without_background_query(&raw);
    for (what, bytes) in [
        ("OSC", &b"\x1b]"[..]),
        ("DCS", b"\x1bP"),
        ("BEL", b"\x07"),
        ("C1 CSI", "\u{9b}".as_bytes()),
        ("NEL", "\u{85}".as_bytes()),
        ("RLO", "\u{202e}".as_bytes()),
        ("PDF", "\u{202c}".as_bytes()),
    ] {
        assert!(!contains(&raw, bytes), "{what} reached the terminal");
    }
}

/// `check` and every error message show hostile bytes escaped, in the file's keys, values
/// and names alike.
#[test]
fn check_escapes_what_it_quotes() {
    let dir = tempfile::tempdir().unwrap();
    hostile_pack(dir.path());
    let compare = dir.path().join("compare.toml");
    let text = std::fs::read_to_string(&compare).unwrap();
    // An unknown key and an unknown reference, both carrying raw escape bytes.
    let text = text.replacen("[[dimension]]", "[[dimension]]\n\"k\\u001b]0;KEYPWN\\u0007\" = 1", 1);
    let text = text.replacen(r#"sources = ["book"]"#, r#"sources = ["bo\u001b[2Jok\u009b1m"]"#, 1);
    std::fs::write(&compare, text).unwrap();
    let out = std::process::Command::new(BIN).args(["check", "--content"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.chars().any(|c| c.is_control() && c != '\n'), "{err:?}");
    assert!(err.contains(r"unknown key `k\u{1b}]0;KEYPWN\u{7}`"), "{err}");
    assert!(err.contains(r"invalid id `bo\u{1b}[2Jok\u{9b}1m`"), "{err}");

    // The same content given to the explorer: the same escaped report, and the terminal is
    // never touched.
    let s = Session::start(&["--content", dir.path().to_str().unwrap()], &[]);
    let (code, raw, _) = s.exit_code();
    assert_eq!(code, 1);
    assert!(!contains(&raw, b"\x1b[?1049h"), "entered the alternate screen");
    for bad in [&b"\x1b]"[..], b"\x07", b"\x1b[2J", "\u{9b}".as_bytes()] {
        assert!(!contains(&raw, bad), "{:?} in {}", bad, String::from_utf8_lossy(&raw));
    }
}

/// Hundreds of resizes, down to a single cell and up to 300×120, with keys in between, as
/// fast as they can be sent. The program keeps up, draws the last size correctly, and exits
/// cleanly.
#[test]
fn a_resize_storm() {
    let mut s = Session::start(&["--no-history"], &[]);
    s.wait_for("Operations Management");
    let mut rng = fastrand::Rng::with_seed(7);
    let keys: [&[u8]; 8] = [b"j", b"l", b"2", b"\r", b"3", b"/", b"\x1b", b"?"];
    for i in 0..300 {
        s.resize(rng.u16(1..=120), rng.u16(1..=300));
        if i % 10 == 0 {
            s.send(keys[rng.usize(..keys.len())]);
        }
        if i % 50 == 0 {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    // Back to a usual size and a known screen: the Compare tab, search and help closed.
    // Each Esc goes alone: ESC followed at once by a key reads as Alt and that key.
    s.resize(30, 100);
    for key in [b"\x1b", b"\x1b", b"1"] {
        std::thread::sleep(Duration::from_millis(100));
        s.send(key);
    }
    // If the storm left a typed quiz question open, its field took the `1` as text: Shift-Tab
    // (not a digit) steps back to Compare.
    for _ in 0..6 {
        std::thread::sleep(Duration::from_millis(150));
        if s.text().contains("▸1 Compare") {
            break;
        }
        s.send(b"\x1b[Z");
    }
    s.wait_for("▸1 Compare");
    s.wait_for("Operations Management");
    std::thread::sleep(Duration::from_millis(200));
    let screen = s.text();
    assert_eq!(screen.lines().count(), 30, "{screen}");
    assert!(screen.lines().all(|l| l.chars().count() <= 100), "{screen}");
    s.send(b"q");
    s.exits_cleanly();
}

/// The search overlay over a list of CJK titles (reliability review F6): its left border is
/// on every row, the wide characters it cuts leave no fragments, and the stock backend
/// (SCM_VS_OM_BACKEND=crossterm) shows the very same screen.
#[test]
fn the_search_overlay_over_wide_characters_keeps_its_border() {
    let dir = tempfile::tempdir().unwrap();
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    for entry in std::fs::read_dir(&content).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    let compare = dir.path().join("compare.toml");
    let text = std::fs::read_to_string(&compare).unwrap();
    // Every dimension title gets CJK and flags, so some wide character sits under the
    // overlay's edge whatever the layout.
    let text = text.replace("title = \"", "title = \"Def 供应链管理供应链 🇯🇵🇺🇦 ");
    std::fs::write(&compare, text).unwrap();
    let screen_with = |backend: &str| {
        let mut s = Session::start_sized(
            &["--content", dir.path().to_str().unwrap(), "--no-history"],
            &[("SCM_VS_OM_BACKEND", backend)],
            40,
            120,
        );
        s.wait_for("Def 供应链");
        s.send(b"/");
        s.wait_for("type to search");
        std::thread::sleep(Duration::from_millis(200));
        let (rows, border) = {
            let parser = s.screen.lock().unwrap();
            let screen = parser.screen();
            let at = |r: u16, c: u16| screen.cell(r, c).map(|c| c.contents().to_string()).unwrap_or_default();
            let top = (0..40).find(|&r| (0..120).any(|c| at(r, c) == "╔")).expect("the overlay's top");
            let left = (0..120).find(|&c| at(top, c) == "╔").unwrap();
            let bottom = (top..40).find(|&r| at(r, left) == "╚").expect("the overlay's bottom");
            let border: Vec<String> = (top + 1..bottom).map(|r| at(r, left)).collect();
            let rows: Vec<String> = screen.rows(0, 120).collect();
            (rows, border)
        };
        assert!(
            border.iter().all(|c| c == "║"),
            "{backend}: the border column is {border:?}:\n{}",
            rows.join("\n")
        );
        s.send(b"\x1b");
        std::thread::sleep(Duration::from_millis(100));
        s.send(b"q");
        s.exits_cleanly();
        rows
    };
    let own = screen_with("ansi");
    let stock = screen_with("crossterm");
    assert_eq!(own, stock, "the own backend and the stock one differ");
}
