//! Terminal input read by the program itself: bytes from `/dev/tty` into crossterm's event
//! types, which the key table reads.
//!
//! Why not crossterm's reader: it waits without limit for the end of a bracketed paste, so
//! a lone `ESC[200~` (line noise, a split marker) held every key that followed, `q` and
//! Ctrl-C included, until a signal. Here a paste that has not ended after a quiet moment
//! ends there. The rest follows crossterm's parser: ESC and a character is Alt and that
//! character, CSI and SS3 keys with their modifiers, SGR and X10 mouse reports; a lone ESC
//! is the Escape key once nothing follows it for a moment (a read can end just after the
//! ESC of a mouse report). The terminal's answers to the background question (see
//! `reply`) come the same way, as [`Incoming`] values of their own, never as keys.

use std::collections::VecDeque;
use std::io::{self, Read};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use super::reply::{self, Osc, Rgb};

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

/// What came from the terminal: an event for the key table, or an answer to the question
/// the program asked it.
#[derive(Debug, Clone, PartialEq)]
pub enum Incoming {
    Event(Event),
    /// An OSC 11 reply: the terminal's background colour.
    Background(Rgb),
    /// A DA1 reply (device attributes): the end of the terminal's answers.
    Attributes,
}

impl From<Event> for Incoming {
    fn from(event: Event) -> Incoming {
        Incoming::Event(event)
    }
}

/// The terminal's input as events.
pub struct Input {
    rx: Receiver<Chunk>,
    parser: Parser,
    ready: VecDeque<Incoming>,
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

    /// The next event or answer, waiting at most `timeout`.
    pub fn next(&mut self, timeout: Duration) -> io::Result<Option<Incoming>> {
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
                    out.push(Event::Resize(width, height).into());
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
    /// An event or answer (or nothing, for noise) and the bytes it took.
    Done(Option<Incoming>, usize),
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
    pub fn feed(&mut self, bytes: &[u8], out: &mut Vec<Incoming>) {
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
                        out.push(Event::Paste(text).into());
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
    pub fn quiet(&mut self, out: &mut Vec<Incoming>) {
        if let Some(mut paste) = self.paste.take() {
            paste.append(&mut self.pending);
            out.push(Event::Paste(String::from_utf8_lossy(&paste).into_owned()).into());
        }
        if self.pending == [0x1b] {
            out.push(key(KeyCode::Esc, KeyModifiers::NONE).into());
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
    let done = |code, modifiers, used| Parsed::Done(Some(key(code, modifiers).into()), used);
    match b[0] {
        0x1b => match b.get(1) {
            None => Parsed::Incomplete,
            Some(b'[') => parse_csi(b),
            Some(b'O') => match b.get(2) {
                None => Parsed::Incomplete,
                Some(&c) => Parsed::Done(ss3_key(c).map(|code| key(code, KeyModifiers::NONE).into()), 3),
            },
            Some(0x1b) => done(KeyCode::Esc, KeyModifiers::NONE, 1),
            // An OSC: only the background reply means anything; the rest is dropped whole.
            Some(b']') => match reply::parse_osc(b) {
                Osc::Done(background, used) => Parsed::Done(background.map(Incoming::Background), used),
                Osc::Abandoned(used) => Parsed::Done(None, used),
                Osc::Incomplete => Parsed::Incomplete,
            },
            Some(_) => match parse(&b[1..]) {
                Parsed::Done(Some(Incoming::Event(Event::Key(k))), used) => {
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
        return Parsed::Done(mouse(u16::from(cb), u16::from(cx), u16::from(cy), false).map(Into::into), 6);
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
    if reply::is_device_attributes(body, final_byte) {
        return Parsed::Done(Some(Incoming::Attributes), used);
    }
    if let Some(rest) = body.strip_prefix(b"<") {
        let n = numbers(rest);
        let event = match (n.as_slice(), final_byte) {
            ([cb, x, y], b'M' | b'm') => {
                mouse(*cb, x.saturating_sub(1), y.saturating_sub(1), final_byte == b'm')
            }
            _ => None,
        };
        return Parsed::Done(event.map(Into::into), used);
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
        b'Z' => return Parsed::Done(Some(key(KeyCode::BackTab, KeyModifiers::SHIFT).into()), used),
        b'I' if body.is_empty() => return Parsed::Done(Some(Event::FocusGained.into()), used),
        b'O' if body.is_empty() => return Parsed::Done(Some(Event::FocusLost.into()), used),
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
    Parsed::Done(code.map(|c| key(c, modifiers).into()), used)
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
#[path = "input_tests.rs"]
mod tests;
