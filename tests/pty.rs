//! The real binary in a pseudo-terminal: it draws both disciplines, answers keys, and leaves
//! the terminal as it found it (main screen, cursor shown) however it ends.

mod pty_support;

use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use pty_support::{BIN, Session, assert_restored, contains};

#[test]
fn shows_both_disciplines_and_quits_with_q() {
    let mut s = Session::start(&[], &[]);
    s.wait_for("Supply Chain Management");
    s.wait_for("Operations Management");
    // Enter opens the matrix's highlighted dimension, the first.
    s.send(b"\r");
    s.wait_for("1/44  Definition and scope");
    s.send(b"q");
    s.exits_cleanly();
}

#[test]
fn ctrl_c_quits_cleanly() {
    let mut s = Session::start(&[], &[]);
    s.wait_for("Operations Management");
    s.send(b"\x03");
    s.exits_cleanly();
}

#[test]
fn sigterm_restores_the_terminal() {
    let s = Session::start(&[], &[]);
    s.wait_for("Operations Management");
    s.signal("-TERM");
    let (code, raw, parser) = s.exit_code();
    assert_eq!(code, 128 + 15);
    assert_restored(&raw, &parser);
}

#[test]
fn sighup_restores_the_terminal() {
    let s = Session::start(&[], &[]);
    s.wait_for("Operations Management");
    s.signal("-HUP");
    let (code, raw, parser) = s.exit_code();
    assert_eq!(code, 128 + 1);
    assert_restored(&raw, &parser);
}

#[test]
fn a_panic_restores_the_terminal_and_shows_the_message() {
    let s = Session::start(&[], &[("SCM_VS_OM_TEST_PANIC", "1")]);
    let (code, raw, parser) = s.exit_code();
    assert_ne!(code, 0);
    assert_restored(&raw, &parser);
    // The message is printed after leaving the alternate screen, where the user can read it.
    let leave = raw.windows(8).rposition(|w| w == b"\x1b[?1049l").unwrap();
    let after = String::from_utf8_lossy(&raw[leave..]);
    assert!(after.contains("panic requested by SCM_VS_OM_TEST_PANIC"), "{after}");
}

#[test]
fn invalid_content_never_touches_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("disciplines.toml"), "format_version = 1\n[[discipline]]\nid = 1\n")
        .unwrap();
    let s = Session::start(&["--content", dir.path().to_str().unwrap()], &[]);
    let (code, raw, _) = s.exit_code();
    assert_eq!(code, 1);
    assert!(!contains(&raw, b"\x1b[?1049h"), "entered the alternate screen");
    assert!(!contains(&raw, b"\x1b[?25l"), "hid the cursor");
    let text = String::from_utf8_lossy(&raw);
    assert!(text.contains("disciplines.toml:3:6: `id` must be a string, found an integer"), "{text}");
    assert!(text.contains("sources.toml:1:1: file not found"), "{text}");
}

#[test]
fn not_a_terminal_is_an_error_not_a_panic() {
    let out = std::process::Command::new(BIN).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("standard output is not a terminal"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn check_prints_a_summary_or_every_problem() {
    let out = std::process::Command::new(BIN).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(summary.starts_with("ok: built-in content: 2 disciplines,"), "{summary}");
    assert_eq!(summary.lines().count(), 1);

    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(BIN).args(["check", "--content"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.matches("file not found").count(), 3, "{err}");
    assert!(err.trim_end().ends_with("3 problems found"), "{err}");
}

/// Takes a ten-question quiz by pressing `a` for every question, as a person might.
fn take_short_quiz(s: &mut Session) -> String {
    s.send(b"2");
    s.wait_for("New quiz");
    s.send(b"\x1b[B\x1b[D"); // Down to "How many", Left from 20 to 10
    s.wait_for("this quiz asks 10");
    s.send(b"\r");
    for i in 1..=10 {
        s.wait_for(&format!("Question {i} of 10"));
        s.send(b"a");
        // A choose-all question only ticks `a`; Enter then submits it.
        std::thread::sleep(Duration::from_millis(100));
        if !s.text().contains("Correct") && !s.text().contains("Incorrect") {
            s.send(b"\r");
        }
        s.wait_for("Enter next");
        s.send(b"\r");
    }
    s.wait_for("Score: ");
    s.text()
}

#[test]
fn a_short_quiz_is_scored_and_saved() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    let mut s = Session::start(&["--seed", "4", "--data-dir", dir], &[]);
    s.wait_for("Operations Management");
    let screen = take_short_quiz(&mut s);
    let score_line = screen.lines().find(|l| l.contains("Score: ")).unwrap().to_string();
    s.send(b"q");
    s.exits_cleanly();
    let saved = std::fs::read_to_string(data.path().join("history.jsonl")).unwrap();
    assert_eq!(saved.lines().count(), 10, "{saved}");
    let right = saved.lines().filter(|l| l.contains("\"ok\":true")).count();
    assert!(score_line.contains(&format!("Score: {right}/10")), "{score_line} vs {right} right in {saved}");
}

#[test]
fn the_same_seed_asks_the_same_questions() {
    let first_question = |seed: &str| {
        let mut s = Session::start(&["--seed", seed, "--no-history"], &[]);
        s.wait_for("Operations Management");
        s.send(b"2\r");
        s.wait_for("Question 1 of 20");
        std::thread::sleep(Duration::from_millis(100));
        let text = s.text();
        s.send(b"q");
        s.exit_code();
        text
    };
    assert_eq!(first_question("99"), first_question("99"));
}

#[test]
fn closing_the_terminal_ends_the_program() {
    // When the terminal goes away, its reads fail or return end-of-file; the program must
    // notice the hang-up and exit rather than spin. Nothing may keep the
    // terminal's other end open, so this session has no reader: the first frame fits in the
    // pseudo-terminal's buffer unread.
    let pty = native_pty_system()
        .openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new(BIN);
    cmd.env("TERM", "xterm-256color");
    cmd.arg("--no-history");
    let mut child = pty.slave.spawn_command(cmd).expect("spawn the binary");
    drop(pty.slave);
    std::thread::sleep(Duration::from_millis(700));
    assert!(child.try_wait().unwrap().is_none(), "running before the hang-up");
    drop(pty.master);
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "still running 10 s after its terminal closed");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.exit_code(), 128 + 1, "ends as for SIGHUP");
}

#[test]
fn the_mouse_is_captured_unless_asked_not_to() {
    let mut s = Session::start(&[], &[]);
    s.wait_for("Operations Management");
    assert_eq!(s.screen.lock().unwrap().screen().mouse_protocol_mode(), vt100::MouseProtocolMode::AnyMotion);
    s.send(b"q");
    let (_, raw, parser) = s.exit_code();
    assert_restored(&raw, &parser);

    let mut s = Session::start(&["--no-mouse"], &[]);
    s.wait_for("Operations Management");
    s.send(b"q");
    let (code, raw, _) = s.exit_code();
    assert_eq!(code, 0);
    assert!(!contains(&raw, b"\x1b[?1000h"), "--no-mouse must not turn mouse reporting on");
}

/// Every SGR parameter list in the output, e.g. "0;1;36".
fn sgr_params(raw: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(raw);
    let mut out = Vec::new();
    let mut rest = text.as_ref();
    while let Some(i) = rest.find("\x1b[") {
        rest = &rest[i + 2..];
        let end = rest.find(|c: char| !(c.is_ascii_digit() || c == ';')).unwrap_or(rest.len());
        if rest[end..].starts_with('m') {
            out.push(rest[..end].to_string());
        }
        rest = &rest[end..];
    }
    out
}

#[test]
fn no_color_means_no_colour_escapes_at_all() {
    let mut s = Session::start(&[], &[("NO_COLOR", "1")]);
    s.wait_for("Operations Management");
    // Visit screens with colour in other themes: a dimension, the quiz feedback, the glossary.
    // Tab, not digits, after the quiz starts: a typed question takes digits and `q` as text;
    // `a` then Enter answers either kind of question.
    for keys in [&b"j"[..], b"l", b"2", b"\r", b"a", b"\r", b"\t", b"\t", b"\t"] {
        s.send(keys);
        std::thread::sleep(Duration::from_millis(80));
    }
    s.send(b"q");
    let (code, raw, _) = s.exit_code();
    assert_eq!(code, 0);
    let params = sgr_params(&raw);
    assert!(!params.is_empty(), "bold and reverse video are still used");
    for p in params {
        for n in p.split(';').filter(|n| !n.is_empty()) {
            let n: u32 = n.parse().unwrap();
            assert!(!matches!(n, 30..=49 | 90..=107), "a colour parameter {n} in \\e[{p}m");
        }
    }
    // Without NO_COLOR, the same run does use colour: the check above can fail.
    let mut s = Session::start(&[], &[]);
    s.wait_for("Operations Management");
    s.send(b"q");
    let (_, raw, _) = s.exit_code();
    assert!(sgr_params(&raw).iter().any(|p| p.split(';').any(|n| n == "36" || n == "46")));
}

#[test]
fn a_bad_settings_file_is_a_warning_and_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let settings = dir.path().join("settings.toml");
    std::fs::write(&settings, "theme = \"neon\"\nquiz_length = 20\n").unwrap();
    let mut s = Session::start(&["--config", settings.to_str().unwrap()], &[]);
    s.wait_for("settings ignored");
    s.wait_for("settings.toml:1:9: unknown theme `neon`");
    // The warning is printed before the terminal is set up: wait for the first frame, or
    // the Enter could arrive before raw mode and be read as a line feed.
    s.wait_for("◆ Both");
    s.send(b"\r");
    s.wait_for("1/44  Definition and scope");
    // The frame may still be arriving: give the rest of it a moment before judging.
    let deadline = Instant::now() + Duration::from_secs(5);
    while s.text().contains("settings ignored") {
        assert!(Instant::now() < deadline, "the notice goes at the first key:\n{}", s.text());
        std::thread::sleep(Duration::from_millis(20));
    }
    s.send(b"q");
    let (code, raw, _) = s.exit_code();
    assert_eq!(code, 0);
    // It is also on stderr, which the terminal shows once the program has left.
    assert!(String::from_utf8_lossy(&raw).contains("unknown theme"));
}

/// Stops the program the given way, checks the terminal was given back, continues it, and
/// checks it took the terminal again and redrew.
fn stop_and_continue(stop: impl FnOnce(&mut Session)) {
    let mut s = Session::start(&["--no-history"], &[]);
    s.wait_for("Operations Management");
    assert!(s.is_raw(), "raw while running: {}", s.stty());
    stop(&mut s);
    s.wait_for_state('T');
    // Stopped: the shell's terminal is back, cooked, on the main screen, cursor shown.
    assert!(!s.is_raw(), "still raw while stopped: {}", s.stty());
    {
        let screen = s.screen.lock().unwrap();
        assert!(!screen.screen().alternate_screen(), "still on the alternate screen while stopped");
        assert!(!screen.screen().hide_cursor(), "cursor hidden while stopped");
        assert_eq!(screen.screen().mouse_protocol_mode(), vt100::MouseProtocolMode::None);
        assert!(!screen.screen().bracketed_paste());
    }
    // What a shell would draw while the program is stopped.
    s.screen.lock().unwrap().process(b"\r\n[1]+  Stopped  scm-vs-om\r\n$ ");
    s.signal("-CONT");
    s.wait_for("Operations Management");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !s.is_raw() {
        assert!(Instant::now() < deadline, "not raw again after SIGCONT: {}", s.stty());
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(s.screen.lock().unwrap().screen().alternate_screen(), "alternate screen again");
    assert!(!s.text().contains("Stopped"), "the frame was not redrawn:\n{}", s.text());
    // Keys act at once, as before the stop.
    s.send(b"2");
    s.wait_for("New quiz");
    s.send(b"q");
    s.exits_cleanly();
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_sigcont_takes_it_again() {
    stop_and_continue(|s| s.send(b"\x1a"));
}

#[test]
fn sigtstp_gives_the_terminal_back_and_sigcont_takes_it_again() {
    stop_and_continue(|s| s.signal("-TSTP"));
}

/// Stopped by SIGSTOP, which cannot be caught: the shell may then have put the terminal in
/// cooked mode; SIGCONT still brings raw mode back and redraws.
#[test]
fn after_sigstop_sigcont_restores_raw_mode() {
    let mut s = Session::start(&["--no-history"], &[]);
    s.wait_for("Operations Management");
    s.signal("-STOP");
    s.wait_for_state('T');
    let tty = s.master.tty_name().unwrap();
    assert!(std::process::Command::new("stty").arg("-F").arg(&tty).arg("sane").status().unwrap().success());
    assert!(!s.is_raw());
    s.signal("-CONT");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !s.is_raw() {
        assert!(Instant::now() < deadline, "not raw again after SIGCONT: {}", s.stty());
        std::thread::sleep(Duration::from_millis(20));
    }
    s.send(b"2");
    s.wait_for("New quiz");
    s.send(b"q");
    assert_eq!(s.exit_code().0, 0);
}

#[test]
fn sigquit_restores_the_terminal() {
    let s = Session::start(&[], &[]);
    s.wait_for("Operations Management");
    s.signal("-QUIT");
    let (code, raw, parser) = s.exit_code();
    assert_eq!(code, 128 + 3);
    assert_restored(&raw, &parser);
}

/// A 65535×65535 window (a broken pty size) is not allocated: the program says it is too
/// large, goes on answering keys, draws normally once the window is smaller, and restores
/// the terminal when it ends.
#[test]
fn an_absurd_window_is_too_large_not_an_abort() {
    let mut s = Session::start_in_pty_of(&["--no-history"], 65535, 65535, 24, 80);
    s.wait_for("Terminal too large: 65535×65535");
    s.resize(24, 80);
    s.wait_for("Operations Management");
    s.master.resize(PtySize { rows: 4000, cols: 300, pixel_width: 0, pixel_height: 0 }).unwrap();
    s.wait_for("Terminal too large: 300×4000");
    s.send(b"q");
    s.exits_cleanly();
}

#[test]
fn term_dumb_gets_a_clear_message() {
    let s = Session::start(&["--no-history"], &[("TERM", "dumb")]);
    let (code, raw, _) = s.exit_code();
    assert_eq!(code, 2);
    assert!(!contains(&raw, b"\x1b[?1049h"), "entered the alternate screen");
    assert!(!contains(&raw, b"\x1b["), "sent an escape sequence to a dumb terminal");
    let text = String::from_utf8_lossy(&raw);
    assert!(text.contains("TERM=dumb"), "{text}");
    assert!(text.contains("scm-vs-om export --format markdown"), "{text}");
}

/// A settings file named on the command line that does not exist is reported, on the
/// screen and on stderr, and the program runs with the defaults.
#[test]
fn a_missing_config_file_is_reported() {
    let mut s = Session::start(&["--no-history", "--config", "/nonexistent/typo.toml"], &[]);
    s.wait_for("Operations Management");
    s.wait_for("settings file not found");
    s.send(b"q");
    let (code, raw, _) = s.exit_code();
    assert_eq!(code, 0);
    // Also on stderr, which is written before the alternate screen and so is still there.
    assert!(contains(&raw, b"settings ignored: /nonexistent/typo.toml:1:1: settings file not found"));
}

/// Standard output a terminal but no controlling terminal (`setsid`): the error names
/// /dev/tty, and nothing is sent to restore a terminal that was never taken.
#[test]
fn no_controlling_terminal_is_a_clear_error() {
    let pty = native_pty_system()
        .openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new("sh");
    cmd.args(["-c", &format!("exec setsid -w {BIN} --no-history </dev/null")]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("SCM_VS_OM_CONFIG", "/nonexistent/settings.toml");
    let mut child = pty.slave.spawn_command(cmd).expect("spawn");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let output = std::thread::spawn(move || {
        let mut all = Vec::new();
        let _ = std::io::Read::read_to_end(&mut reader, &mut all);
        all
    });
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "still running");
        std::thread::sleep(Duration::from_millis(20));
    };
    std::thread::sleep(Duration::from_millis(200));
    drop(pty.master);
    let raw = output.join().unwrap();
    let text = String::from_utf8_lossy(&raw);
    assert_eq!(status.exit_code(), 1, "{text}");
    assert!(text.contains("cannot take over the terminal (/dev/tty, the controlling terminal)"), "{text}");
    assert!(!contains(&raw, b"\x1b["), "escape sequences sent: {text:?}");
    assert!(!contains(&raw, b"\x1b]11"), "the background asked without a terminal to answer: {text:?}");
}

/// `--no-history` keeps nothing: a dimension read, a statement rated and a quiz started
/// leave the data directory as empty as it was, though each would be kept without it.
#[test]
fn with_no_history_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let run = |extra: &[&str]| {
        let mut args = vec!["--data-dir", dir.path().to_str().unwrap(), "--seed", "1"];
        args.extend_from_slice(extra);
        let mut s = Session::start(&args, &[]);
        s.wait_for("◆ Both");
        s.send(b"\r");
        s.wait_for("1/44  Definition and scope");
        s.send(b"4");
        s.wait_for("strongly like");
        s.send(b"e");
        s.send(b"2\r");
        s.wait_for("Question 1 of");
        // Not `q`: a typed question would take it as text.
        s.send(b"\x03");
        let (code, _, _) = s.exit_code();
        assert_eq!(code, 0);
    };
    run(&["--no-history"]);
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(left.is_empty(), "--no-history wrote {left:?}");
    // The same steps with history on keep what was read and rated.
    run(&[]);
    for file in ["read.json", "fit.json"] {
        assert!(dir.path().join(file).exists(), "{file} kept with history on");
    }
}
