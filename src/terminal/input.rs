//! Terminal input read by the program itself: bytes from `/dev/tty` into crossterm's event
//! types, which the key table reads.
//!
//! Why not crossterm's reader: it waits without limit for the end of a bracketed paste, so
//! a lone `ESC[200~` (line noise, a split marker) held every key that followed, `q` and
//! Ctrl-C included, until a signal. Here a paste that has not ended after a quiet moment
//! ends there. The rest follows crossterm's parser: ESC and a character is Alt and that
//! character, CSI and SS3 keys with their modifiers, SGR and X10 mouse reports; a lone ESC
//! is the Escape key once nothing follows it for a moment (a read can end just after the
//! ESC of a mouse report).

use std::collections::VecDeque;
use std::io::{self, Read};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

/// A paste, or a sequence, still open after this long without input is ended there.
const PASTE_QUIET: Duration = Duration::from_millis(300);

/// A lone ESC with nothing after it for this long is the Escape key.
const ESC_WAIT: Duration = Duration::from_millis(50);

/// Longer than any key or mouse report: such a "sequence" is noise, and dropped.
const MAX_SEQUENCE: usize = 64;

/// What the reader threads send.
enum Chunk {
    Bytes(Vec<u8>),
    Resize,
    Failed(io::Error),
}

/// The terminal's input as events.
pub struct Input {
    rx: Receiver<Chunk>,
    parser: Parser,
    ready: VecDeque<Event>,
    /// When bytes last came: a paste open this long after them ends.
    last_bytes: Instant,
}

impl Input {
    /// Starts reading `/dev/tty` (the controlling terminal, as crossterm reads it) and
    /// watching SIGWINCH, each on a thread of its own.
    pub fn start() -> io::Result<Input> {
        let (tx, rx) = mpsc::channel();
        let mut tty = std::fs::File::open("/dev/tty")?;
        let bytes: Sender<Chunk> = tx.clone();
        std::thread::Builder::new().name("input".into()).spawn(move || {
            let mut buf = vec![0u8; 64 * 1024];
            loop {
                let chunk = match tty.read(&mut buf) {
                    Ok(0) => {
                        Chunk::Failed(io::Error::new(io::ErrorKind::UnexpectedEof, "the terminal closed"))
                    }
                    Ok(n) => Chunk::Bytes(buf[..n].to_vec()),
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => Chunk::Failed(e),
                };
                let failed = matches!(chunk, Chunk::Failed(_));
                if bytes.send(chunk).is_err() || failed {
                    return;
                }
            }
        })?;
        let mut winch = signal_hook::iterator::Signals::new([signal_hook::consts::SIGWINCH])?;
        std::thread::Builder::new().name("resize".into()).spawn(move || {
            for _ in winch.forever() {
                if tx.send(Chunk::Resize).is_err() {
                    return;
                }
            }
        })?;
        Ok(Input { rx, parser: Parser::default(), ready: VecDeque::new(), last_bytes: Instant::now() })
    }

    /// The next event, waiting at most `timeout`.
    pub fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        loop {
            if let Some(event) = self.ready.pop_front() {
                return Ok(Some(event));
            }
            let quiet_for = self.last_bytes.elapsed();
            let patience = self.parser.patience();
            let patience_over = self.parser.waiting() && quiet_for >= patience;
            let wait =
                if self.parser.waiting() { timeout.min(patience.saturating_sub(quiet_for)) } else { timeout };
            let mut out = Vec::new();
            match self.rx.recv_timeout(wait) {
                Ok(Chunk::Bytes(bytes)) => {
                    self.last_bytes = Instant::now();
                    self.parser.feed(&bytes, &mut out);
                }
                Ok(Chunk::Resize) => {
                    let (width, height) = crossterm::terminal::size()?;
                    out.push(Event::Resize(width, height));
                }
                Ok(Chunk::Failed(e)) => return Err(e),
                Err(RecvTimeoutError::Timeout)
                    if patience_over || (self.parser.waiting() && wait < timeout) =>
                {
                    self.parser.quiet(&mut out);
                }
                Err(RecvTimeoutError::Timeout) => return Ok(None),
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(io::Error::new(io::ErrorKind::BrokenPipe, "terminal input stopped"));
                }
            }
            self.ready.extend(out);
        }
    }
}

/// Bytes to events, keeping an unfinished sequence or paste for the next read.
#[derive(Default)]
pub struct Parser {
    pending: Vec<u8>,
    /// The text of a bracketed paste begun and not yet ended.
    paste: Option<Vec<u8>>,
}

const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

enum Parsed {
    /// An event (or nothing, for noise) and the bytes it took.
    Done(Option<Event>, usize),
    /// A bracketed paste starts after this many bytes.
    PasteStart(usize),
    /// More bytes are needed.
    Incomplete,
}

impl Parser {
    /// Whether a paste or a sequence has begun and not ended.
    pub fn waiting(&self) -> bool {
        self.paste.is_some() || !self.pending.is_empty()
    }

    /// The bytes of one read.
    pub fn feed(&mut self, bytes: &[u8], out: &mut Vec<Event>) {
        self.pending.extend_from_slice(bytes);
        let mut at = 0;
        while at < self.pending.len() {
            if let Some(paste) = self.paste.as_mut() {
                let rest = &self.pending[at..];
                match find(rest, PASTE_END) {
                    Some(end) => {
                        paste.extend_from_slice(&rest[..end]);
                        let text =
                            String::from_utf8_lossy(&self.paste.take().unwrap_or_default()).into_owned();
                        out.push(Event::Paste(text));
                        at += end + PASTE_END.len();
                    }
                    None => {
                        // Keep a possible start of the end marker for the next read.
                        let keep = (1..PASTE_END.len())
                            .rev()
                            .find(|&n| rest.ends_with(&PASTE_END[..n]))
                            .unwrap_or(0);
                        paste.extend_from_slice(&rest[..rest.len() - keep]);
                        at = self.pending.len() - keep;
                        break;
                    }
                }
                continue;
            }
            match parse(&self.pending[at..]) {
                Parsed::Done(event, used) => {
                    out.extend(event);
                    at += used;
                }
                Parsed::PasteStart(used) => {
                    self.paste = Some(Vec::new());
                    at += used;
                }
                Parsed::Incomplete if self.pending.len() - at > MAX_SEQUENCE => at += 1,
                Parsed::Incomplete => break,
            }
        }
        self.pending.drain(..at);
    }

    /// No input came for a while: a paste still open ends here, with what it had, and a
    /// sequence still unfinished was noise; what comes next is read afresh.
    pub fn quiet(&mut self, out: &mut Vec<Event>) {
        if let Some(mut paste) = self.paste.take() {
            paste.append(&mut self.pending);
            out.push(Event::Paste(String::from_utf8_lossy(&paste).into_owned()));
        }
        if self.pending == [0x1b] {
            out.push(key(KeyCode::Esc, KeyModifiers::NONE));
        }
        self.pending.clear();
    }

    /// How long to wait for the rest of what has begun: a lone ESC is the Escape key unless
    /// more follows at once (a terminal writes a sequence in one go, but a read can end
    /// inside it); a paste or a longer sequence gets longer.
    pub fn patience(&self) -> Duration {
        if self.paste.is_none() && self.pending == [0x1b] { ESC_WAIT } else { PASTE_QUIET }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

/// One event from the start of `b` (never empty).
fn parse(b: &[u8]) -> Parsed {
    let done = |code, modifiers, used| Parsed::Done(Some(key(code, modifiers)), used);
    match b[0] {
        0x1b => match b.get(1) {
            None => Parsed::Incomplete,
            Some(b'[') => parse_csi(b),
            Some(b'O') => match b.get(2) {
                None => Parsed::Incomplete,
                Some(&c) => Parsed::Done(ss3_key(c).map(|code| key(code, KeyModifiers::NONE)), 3),
            },
            Some(0x1b) => done(KeyCode::Esc, KeyModifiers::NONE, 1),
            Some(_) => match parse(&b[1..]) {
                Parsed::Done(Some(Event::Key(k)), used) => {
                    done(k.code, k.modifiers | KeyModifiers::ALT, used + 1)
                }
                Parsed::Done(_, used) => Parsed::Done(None, used + 1),
                other => other,
            },
        },
        b'\r' | b'\n' => done(KeyCode::Enter, KeyModifiers::NONE, 1),
        b'\t' => done(KeyCode::Tab, KeyModifiers::NONE, 1),
        0x7f => done(KeyCode::Backspace, KeyModifiers::NONE, 1),
        0x00 => done(KeyCode::Char(' '), KeyModifiers::CONTROL, 1),
        c @ 0x01..=0x1a => done(KeyCode::Char((c - 1 + b'a') as char), KeyModifiers::CONTROL, 1),
        c @ 0x1c..=0x1f => done(KeyCode::Char((c - 0x1c + b'4') as char), KeyModifiers::CONTROL, 1),
        first => {
            let len = match first {
                0x00..=0x7f => 1,
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf7 => 4,
                _ => return Parsed::Done(None, 1),
            };
            if b.len() < len {
                return Parsed::Incomplete;
            }
            match std::str::from_utf8(&b[..len]).ok().and_then(|s| s.chars().next()) {
                Some(c) => {
                    let shift = if c.is_uppercase() { KeyModifiers::SHIFT } else { KeyModifiers::NONE };
                    done(KeyCode::Char(c), shift, len)
                }
                None => Parsed::Done(None, 1),
            }
        }
    }
}

fn ss3_key(c: u8) -> Option<KeyCode> {
    Some(match c {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(c - b'P' + 1),
        _ => return None,
    })
}

/// `ESC [ …`: keys, mouse reports, a paste's start.
fn parse_csi(b: &[u8]) -> Parsed {
    // X10 mouse: ESC [ M and three bytes.
    if b.get(2) == Some(&b'M') {
        if b.len() < 6 {
            return Parsed::Incomplete;
        }
        let (cb, cx, cy) = (b[3].wrapping_sub(32), b[4].saturating_sub(33), b[5].saturating_sub(33));
        return Parsed::Done(mouse(u16::from(cb), u16::from(cx), u16::from(cy), false), 6);
    }
    let Some(end) = b[2..].iter().position(|c| (0x40..=0x7e).contains(c)).map(|i| i + 2) else {
        return Parsed::Incomplete;
    };
    let used = end + 1;
    if b[..used] == *PASTE_START {
        return Parsed::PasteStart(used);
    }
    let body = &b[2..end];
    let final_byte = b[end];
    if let Some(rest) = body.strip_prefix(b"<") {
        let n = numbers(rest);
        let event = match (n.as_slice(), final_byte) {
            ([cb, x, y], b'M' | b'm') => {
                mouse(*cb, x.saturating_sub(1), y.saturating_sub(1), final_byte == b'm')
            }
            _ => None,
        };
        return Parsed::Done(event, used);
    }
    let n = numbers(body);
    let modifiers = modifiers(n.get(1).copied());
    let code = match final_byte {
        b'A' => Some(KeyCode::Up),
        b'B' => Some(KeyCode::Down),
        b'C' => Some(KeyCode::Right),
        b'D' => Some(KeyCode::Left),
        b'H' => Some(KeyCode::Home),
        b'F' => Some(KeyCode::End),
        b'P'..=b'S' => Some(KeyCode::F(final_byte - b'P' + 1)),
        b'Z' => return Parsed::Done(Some(key(KeyCode::BackTab, KeyModifiers::SHIFT)), used),
        b'I' if body.is_empty() => return Parsed::Done(Some(Event::FocusGained), used),
        b'O' if body.is_empty() => return Parsed::Done(Some(Event::FocusLost), used),
        b'~' => match n.first() {
            Some(1 | 7) => Some(KeyCode::Home),
            Some(2) => Some(KeyCode::Insert),
            Some(3) => Some(KeyCode::Delete),
            Some(4 | 8) => Some(KeyCode::End),
            Some(5) => Some(KeyCode::PageUp),
            Some(6) => Some(KeyCode::PageDown),
            Some(&k @ 11..=15) => Some(KeyCode::F((k - 10) as u8)),
            Some(&k @ 17..=21) => Some(KeyCode::F((k - 11) as u8)),
            Some(&k @ 23..=24) => Some(KeyCode::F((k - 12) as u8)),
            _ => None,
        },
        _ => None,
    };
    Parsed::Done(code.map(|c| key(c, modifiers)), used)
}

/// `1;5` style parameters; anything unreadable is 0.
fn numbers(body: &[u8]) -> Vec<u16> {
    body.split(|c| *c == b';')
        .map(|p| std::str::from_utf8(p).ok().and_then(|s| s.parse().ok()).unwrap_or(0))
        .collect()
}

/// The xterm modifier parameter: 1 + shift 1, alt 2, ctrl 4, meta 8.
fn modifiers(param: Option<u16>) -> KeyModifiers {
    let bits = param.unwrap_or(1).saturating_sub(1);
    let mut m = KeyModifiers::NONE;
    if bits & 1 != 0 {
        m |= KeyModifiers::SHIFT;
    }
    if bits & (2 | 8) != 0 {
        m |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        m |= KeyModifiers::CONTROL;
    }
    m
}

/// A mouse report's button byte, as xterm encodes it, at a 0-based column and row.
fn mouse(cb: u16, column: u16, row: u16, release: bool) -> Option<Event> {
    let button = match cb & 0b11 {
        0 => MouseButton::Left,
        1 => MouseButton::Middle,
        _ => MouseButton::Right,
    };
    let kind = if cb & 64 != 0 {
        match cb & 0b11 {
            0 => MouseEventKind::ScrollUp,
            1 => MouseEventKind::ScrollDown,
            2 => MouseEventKind::ScrollLeft,
            _ => MouseEventKind::ScrollRight,
        }
    } else if cb & 32 != 0 {
        if cb & 0b11 == 3 { MouseEventKind::Moved } else { MouseEventKind::Drag(button) }
    } else if release || cb & 0b11 == 3 {
        MouseEventKind::Up(button)
    } else {
        MouseEventKind::Down(button)
    };
    let mut modifiers = KeyModifiers::NONE;
    if cb & 4 != 0 {
        modifiers |= KeyModifiers::SHIFT;
    }
    if cb & 8 != 0 {
        modifiers |= KeyModifiers::ALT;
    }
    if cb & 16 != 0 {
        modifiers |= KeyModifiers::CONTROL;
    }
    Some(Event::Mouse(MouseEvent { kind, column, row, modifiers }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(chunks: &[&[u8]]) -> Vec<Event> {
        let mut p = Parser::default();
        let mut out = Vec::new();
        for c in chunks {
            p.feed(c, &mut out);
        }
        out
    }

    fn k(code: KeyCode, m: KeyModifiers) -> Event {
        key(code, m)
    }

    #[test]
    fn keys_as_crossterm_reads_them() {
        use KeyCode::*;
        let none = KeyModifiers::NONE;
        assert_eq!(
            events(&[b"aG\r\t\x7f\x03\x1a", "é供".as_bytes()]),
            [
                k(Char('a'), none),
                k(Char('G'), KeyModifiers::SHIFT),
                k(Enter, none),
                k(Tab, none),
                k(Backspace, none),
                k(Char('c'), KeyModifiers::CONTROL),
                k(Char('z'), KeyModifiers::CONTROL),
                k(Char('é'), none),
                k(Char('供'), none),
            ]
        );
        assert_eq!(
            events(&[b"\x1b[A\x1bOB\x1b[1;5C\x1b[D\x1b[H\x1b[4~\x1b[5~\x1b[6~\x1b[Z\x1b[3~"]),
            [
                k(Up, none),
                k(Down, none),
                k(Right, KeyModifiers::CONTROL),
                k(Left, none),
                k(Home, none),
                k(End, none),
                k(PageUp, none),
                k(PageDown, none),
                k(BackTab, KeyModifiers::SHIFT),
                k(Delete, none),
            ]
        );
        // A lone ESC is Escape once nothing follows it; ESC and a key in one read is Alt;
        // a sequence split just after its ESC is still the sequence.
        let mut p = Parser::default();
        let mut out = Vec::new();
        p.feed(b"\x1b", &mut out);
        assert!(out.is_empty() && p.patience() == ESC_WAIT);
        p.quiet(&mut out);
        assert_eq!(out, [k(Esc, none)]);
        assert_eq!(events(&[b"\x1b", b"[<0;5;21M"]).len(), 1, "one mouse report, not Escape and keys");
        assert_eq!(events(&[b"\x1bx"]), [k(Char('x'), KeyModifiers::ALT)]);
        // A sequence or a character split over two reads.
        assert_eq!(events(&[b"\x1b[", b"B"]), [k(Down, none)]);
        assert_eq!(events(&["供".as_bytes()[..2].as_ref(), &"供".as_bytes()[2..]]), [k(Char('供'), none)]);
    }

    #[test]
    fn mouse_reports() {
        let at =
            |kind, column, row| Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE });
        assert_eq!(
            events(&[b"\x1b[<0;10;5M\x1b[<0;10;5m\x1b[<65;1;1M\x1b[<64;2;2M\x1b[M !!"]),
            [
                at(MouseEventKind::Down(MouseButton::Left), 9, 4),
                at(MouseEventKind::Up(MouseButton::Left), 9, 4),
                at(MouseEventKind::ScrollDown, 0, 0),
                at(MouseEventKind::ScrollUp, 1, 1),
                at(MouseEventKind::Down(MouseButton::Left), 0, 0),
            ]
        );
    }

    #[test]
    fn pastes_whole_split_and_unfinished() {
        assert_eq!(
            events(&[b"\x1b[200~a q\nb\x1b[201~x"]),
            [Event::Paste("a q\nb".into()), k(KeyCode::Char('x'), KeyModifiers::NONE)]
        );
        // Split anywhere, the end marker too.
        assert_eq!(events(&[b"\x1b[20", b"0~ab\x1b[2", b"01~"]), [Event::Paste("ab".into())]);
        // A lone start marker: nothing comes out until a quiet moment; then the paste ends
        // there and keys are keys again.
        let mut p = Parser::default();
        let mut out = Vec::new();
        p.feed(b"\x1b[200~abc", &mut out);
        p.feed(b"q", &mut out);
        assert!(out.is_empty() && p.waiting());
        p.quiet(&mut out);
        assert_eq!(out, [Event::Paste("abcq".into())]);
        out.clear();
        p.feed(b"q", &mut out);
        assert_eq!(out, [k(KeyCode::Char('q'), KeyModifiers::NONE)]);
        // A stray end marker is nothing.
        assert_eq!(events(&[b"\x1b[201~q"]), [k(KeyCode::Char('q'), KeyModifiers::NONE)]);
    }

    proptest::proptest! {
        /// Whatever bytes came, in whatever reads, a quiet moment ends what they began:
        /// the next key is read as that key.
        #[test]
        fn after_any_bytes_and_a_quiet_moment_a_key_is_a_key(
            chunks in proptest::collection::vec(proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40), 0..6)
        ) {
            let mut p = Parser::default();
            let mut out = Vec::new();
            for c in &chunks {
                p.feed(c, &mut out);
            }
            p.quiet(&mut out);
            out.clear();
            p.feed(b"q", &mut out);
            proptest::prop_assert_eq!(out, vec![k(KeyCode::Char('q'), KeyModifiers::NONE)]);
        }
    }

    #[test]
    fn noise_is_dropped_and_never_wedges() {
        let mut chunk = b"\x1b[".to_vec();
        chunk.extend([b'1'; 100]);
        chunk.extend(b"q");
        let out = events(&[&chunk, b"\xff\xfe", b"j"]);
        assert_eq!(out.last(), Some(&k(KeyCode::Char('j'), KeyModifiers::NONE)));
    }
}
