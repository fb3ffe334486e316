//! The real binary in a pseudo-terminal, for the tests that drive it: a session that
//! records the raw bytes written and the screen they draw (through vt100), and the check
//! that the terminal was left as it was found.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const BIN: &str = env!("CARGO_BIN_EXE_scm-vs-om");

pub struct Session {
    pub master: Box<dyn MasterPty + Send>,
    pub writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    pub screen: Arc<Mutex<vt100::Parser>>,
    pub raw: Arc<Mutex<Vec<u8>>>,
}

impl Session {
    pub fn start(args: &[&str], envs: &[(&str, &str)]) -> Session {
        Session::start_sized(args, envs, 36, 120)
    }

    pub fn start_sized(args: &[&str], envs: &[(&str, &str)], rows: u16, cols: u16) -> Session {
        Session::start_with(args, envs, (rows, cols), (rows, cols))
    }

    /// Starts the binary in a pty of one size, watched by an emulator of another: a pty
    /// can be far larger than an emulator could be built.
    pub fn start_in_pty_of(args: &[&str], pty_rows: u16, pty_cols: u16, rows: u16, cols: u16) -> Session {
        Session::start_with(args, &[], (pty_rows, pty_cols), (rows, cols))
    }

    fn start_with(args: &[&str], envs: &[(&str, &str)], pty: (u16, u16), emulator: (u16, u16)) -> Session {
        let (rows, cols) = emulator;
        let pty = native_pty_system()
            .openpty(PtySize { rows: pty.0, cols: pty.1, pixel_width: 0, pixel_height: 0 })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(BIN);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        // Never the real user's settings or data directory, whatever a test passes.
        cmd.env("SCM_VS_OM_CONFIG", "/nonexistent/scm-vs-om-settings.toml");
        cmd.env(
            "SCM_VS_OM_DATA_DIR",
            std::env::temp_dir().join(format!("scm-vs-om-pty-{}", std::process::id())),
        );
        for (k, v) in envs {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn the binary");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(parser(rows, cols)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (s, r) = (Arc::clone(&screen), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                s.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Session { master: pty.master, writer, child, screen, raw }
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a pid")
    }

    /// The process's state letter from /proc (`T` is stopped, `S` sleeping, `R` running).
    pub fn state(&self) -> char {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).expect("a /proc entry");
        // The name in parentheses may hold spaces; the state follows the last `)`.
        stat.rsplit_once(") ").and_then(|(_, rest)| rest.chars().next()).expect("a state")
    }

    /// Waits until the process is in the given state.
    pub fn wait_for_state(&self, state: char) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.state() != state {
            assert!(Instant::now() < deadline, "state {} never became {state}", self.state());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The terminal's line discipline as `stty -a` shows it, from the slave side.
    pub fn stty(&self) -> String {
        let tty = self.master.tty_name().expect("the pty's name");
        let out = std::process::Command::new("stty").arg("-a").arg("-F").arg(&tty).output().expect("stty");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Whether the terminal is in raw mode: no line editing, no echo.
    pub fn is_raw(&self) -> bool {
        let modes = self.stty();
        let words: Vec<&str> = modes.split_whitespace().collect();
        words.contains(&"-icanon") && words.contains(&"-echo")
    }

    pub fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    pub fn wait_for(&self, what: &str) {
        self.wait_for_within(what, Duration::from_secs(20));
    }

    /// Waits for text on the screen, failing after `limit`.
    pub fn wait_for_within(&self, what: &str, limit: Duration) {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if self.text().contains(what) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("`{what}` did not appear within {limit:?}; the screen:\n{}", self.text());
    }

    /// Resizes the terminal, as a window manager would: the program gets SIGWINCH. The
    /// emulator is resized first and the pty while its lock is held, so no byte drawn for the
    /// new size can reach the emulator while it still has the old one (which made the resize
    /// storm fail about one run in two: a frame drawn at the last size, parsed at the one
    /// before).
    pub fn resize(&mut self, rows: u16, cols: u16) {
        let nz = |n| std::num::NonZeroU16::new(n).expect("not zero");
        let mut screen = self.screen.lock().unwrap();
        screen.screen_mut().set_size(nz(rows), nz(cols));
        self.master.resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("resize");
        drop(screen);
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn signal(&self, sig: &str) {
        let pid = self.child.process_id().expect("a pid");
        let ok = std::process::Command::new("kill").args([sig, &pid.to_string()]).status().unwrap();
        assert!(ok.success());
    }

    /// Waits for the exit and returns its code, after the output has been read to the end.
    /// Waits for the program to end, and checks it ended with 0 and gave the terminal back
    /// as it found it.
    pub fn exits_cleanly(self) {
        let (code, raw, parser) = self.exit_code();
        assert_eq!(code, 0);
        assert_restored(&raw, &parser);
    }

    pub fn exit_code(mut self) -> (u32, Vec<u8>, vt100::Parser) {
        let deadline = Instant::now() + Duration::from_secs(20);
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(Instant::now() < deadline, "the program did not exit:\n{}", self.text());
            std::thread::sleep(Duration::from_millis(20));
        };
        // Let the reader thread drain what the program wrote last.
        std::thread::sleep(Duration::from_millis(200));
        drop(self.master);
        let raw = self.raw.lock().unwrap().clone();
        let parser = std::mem::replace(&mut *self.screen.lock().unwrap(), parser(1, 1));
        (status.exit_code(), raw, parser)
    }
}

pub fn parser(rows: u16, cols: u16) -> vt100::Parser {
    let nz = |n| std::num::NonZeroU16::new(n).expect("not zero");
    vt100::Parser::new(nz(rows), nz(cols), 0)
}

/// The output without the program's own question to the terminal at start-up (`--theme
/// auto` asks for the background colour, OSC 11, then DA1), so a test can check that
/// nothing else of the kind was sent.
pub fn without_background_query(raw: &[u8]) -> Vec<u8> {
    let mut out = raw.to_vec();
    let query = b"\x1b]11;?\x1b\\\x1b[c";
    if let Some(at) = out.windows(query.len()).position(|w| w == query) {
        out.drain(at..at + query.len());
    }
    out
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

pub fn last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The terminal is back to normal: alternate screen left, cursor shown, mouse reporting off,
/// each after the last time it was turned on.
pub fn assert_restored(raw: &[u8], parser: &vt100::Parser) {
    assert!(contains(raw, b"\x1b[?1049h"), "the alternate screen was entered");
    assert!(last(raw, b"\x1b[?1049l") > last(raw, b"\x1b[?1049h"), "the alternate screen was left");
    assert!(last(raw, b"\x1b[?25h") > last(raw, b"\x1b[?25l"), "the cursor was shown again");
    assert!(last(raw, b"\x1b[?1000l") > last(raw, b"\x1b[?1000h"), "mouse reporting was turned off");
    assert!(!parser.screen().alternate_screen(), "still on the alternate screen");
    assert!(!parser.screen().hide_cursor(), "cursor still hidden");
    assert_eq!(parser.screen().mouse_protocol_mode(), vt100::MouseProtocolMode::None, "mouse still reported");
}
