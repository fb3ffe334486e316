//! The real binary fed input the way terminals really send it: held keys far past one read,
//! bracketed pastes large and small, into search and elsewhere.

mod pty_support;

#[path = "../examples/generate_pack.rs"]
#[allow(dead_code)]
mod generate_pack;

use std::time::{Duration, Instant};

use pty_support::{Session, assert_restored};

/// How long a key may take to show its effect here: far longer than a frame, far shorter
/// than the seconds (or never) it took when bytes were left unread.
const AT_ONCE: Duration = Duration::from_secs(3);

fn paste(text: &str) -> Vec<u8> {
    [b"\x1b[200~", text.as_bytes(), b"\x1b[201~"].concat()
}

/// 5,000 `j`s in one write, as a held key repeating faster than the program reads, are many
/// reads of crossterm's 1 KiB buffer. Every byte is read: the key after them acts at once.
#[test]
fn the_key_after_five_thousand_held_keys_acts_at_once() {
    let mut s = Session::start(&["--no-history"], &[]);
    s.wait_for("Operations Management");
    s.send(&[b'j'; 5000]);
    std::thread::sleep(Duration::from_millis(300));
    s.send(b"2");
    s.wait_for_within("New quiz", AT_ONCE);
    s.send(b"q");
    s.exits_cleanly();
}

/// A paste into search is text: line breaks become spaces, and a `q` in it is a letter of
/// the query, not the key that quits.
#[test]
fn a_paste_into_search_is_one_edit() {
    let mut s = Session::start(&["--no-history"], &[]);
    s.wait_for("Operations Management");
    s.send(b"/");
    s.wait_for("type to search");
    s.send(&paste("supply chain\nq j"));
    s.wait_for_within("/ supply chain q j ", AT_ONCE);
    // Searched, for the whole text: "1 result" or "N results".
    s.wait_for(" result");
    s.send(b"\x1b");
    std::thread::sleep(Duration::from_millis(100));
    s.send(b"q");
    s.exits_cleanly();
}

/// Outside a text field, pasted text is dropped: it never acts as keys (a `q` would quit,
/// digits would switch tabs).
#[test]
fn a_paste_elsewhere_is_not_commands() {
    let mut s = Session::start(&["--no-history"], &[]);
    s.wait_for("▸1 Compare");
    s.send(&paste("2q"));
    std::thread::sleep(Duration::from_millis(300));
    assert!(s.child.try_wait().unwrap().is_none(), "the paste quit the program");
    assert!(s.text().contains("▸1 Compare"), "{}", s.text());
    s.send(b"3");
    s.wait_for_within("▸3 Glossary", AT_ONCE);
    s.send(b"q");
    assert_eq!(s.exit_code().0, 0);
}

/// A 100 KB paste into search on the scale pack (20,000 questions) is one search: the result
/// shows and the next key acts within the usual wait, where one search per character took
/// minutes. (The time itself is measured by `cargo bench -- paste_100kb_into_search`.)
#[test]
fn a_100_kb_paste_on_the_scale_pack_answers_at_once() {
    let dir = tempfile::tempdir().unwrap();
    generate_pack::write_pack(dir.path(), &generate_pack::Sizes::at(1.0)).unwrap();
    let mut s = Session::start(&["--content", dir.path().to_str().unwrap(), "--no-history"], &[]);
    s.wait_for("▸1 Compare");
    s.send(b"/");
    s.wait_for("type to search");
    let words = ["supply", "chain", "inventory", "lean", "的", "😀", "q", "j"];
    let mut rng = fastrand::Rng::with_seed(3);
    let mut text = String::from("ENDLESS ");
    while text.len() < 100_000 {
        text.push_str(words[rng.usize(..words.len())]);
        text.push(' ');
    }
    s.send(&paste(&text));
    let sent = Instant::now();
    s.wait_for_within("/ ENDLESS ", AT_ONCE);
    eprintln!("100 KB paste: result on screen {:?} after it was sent", sent.elapsed());
    s.send(b"\x1b");
    s.wait_for_within("▸1 Compare", AT_ONCE);
    std::thread::sleep(Duration::from_millis(100));
    s.send(b"q");
    s.exits_cleanly();
}

/// The program turns bracketed paste on while it runs, and off when it ends.
#[test]
fn bracketed_paste_is_on_while_running_and_off_after() {
    let mut s = Session::start(&["--no-history"], &[]);
    s.wait_for("Operations Management");
    assert!(s.screen.lock().unwrap().screen().bracketed_paste(), "bracketed paste is on");
    s.send(b"q");
    let (code, raw, parser) = s.exit_code();
    assert_eq!(code, 0);
    assert!(!parser.screen().bracketed_paste(), "bracketed paste left on");
    assert_restored(&raw, &parser);
}

/// Pasted text is text from outside, like content: escape sequences in it never reach the
/// terminal, and what remains is searched.
#[test]
fn a_paste_cannot_send_escape_sequences() {
    let mut s = Session::start(&["--no-history"], &[]);
    s.wait_for("Operations Management");
    s.send(b"/");
    s.wait_for("type to search");
    s.send(&paste("lean\x1b]0;PWNTITLE\x07 \x1b[2Jstock\x07\u{9b}9m"));
    s.wait_for_within("/ lean stock", AT_ONCE);
    s.send(b"\x1b");
    std::thread::sleep(Duration::from_millis(100));
    s.send(b"q");
    let (code, raw, parser) = s.exit_code();
    assert_eq!(code, 0);
    assert_restored(&raw, &parser);
    let raw = pty_support::without_background_query(&raw);
    for bad in [&b"PWNTITLE"[..], b"\x1b]", b"\x07", b"\x1b[2J", "\u{9b}".as_bytes()] {
        assert!(!pty_support::contains(&raw, bad), "{:?} reached the terminal", String::from_utf8_lossy(bad));
    }
}

/// A lone paste-start marker (line noise, a split paste) holds input only for a moment:
/// then what came after it is a paste (dropped here, outside search), and keys are keys
/// again, `q` included. With crossterm's reader it held every key until a signal.
#[test]
fn a_lone_paste_marker_never_wedges_input() {
    let mut s = Session::start(&["--no-history"], &[]);
    s.wait_for("▸1 Compare");
    s.send(b"\x1b[200~abc");
    std::thread::sleep(Duration::from_millis(100));
    s.send(b"2");
    std::thread::sleep(Duration::from_millis(600));
    s.send(b"3");
    s.wait_for_within("▸3 Glossary", AT_ONCE);
    s.send(b"q");
    s.exits_cleanly();
}

/// Mouse reports (SGR, as the program asks for them) reach the app: a click on a tab's
/// name opens it.
#[test]
fn a_click_on_a_tab_opens_it() {
    let mut s = Session::start(&["--no-history"], &[]);
    s.wait_for("▸1 Compare");
    let top = s.text().lines().next().unwrap().to_string();
    // 1-based, on the tab's name.
    let col =
        top.find("3 Glossary").map(|b| top[..b].chars().count()).expect("the tab bar names Glossary") + 2;
    s.send(format!("\x1b[<0;{col};1M\x1b[<0;{col};1m").as_bytes());
    s.wait_for_within("▸3 Glossary", AT_ONCE);
    s.send(b"q");
    assert_eq!(s.exit_code().0, 0);
}
