//! The one place that touches the terminal: raw mode, the alternate screen, the cursor, the
//! panic hook, signals, and the event loop. Whatever ends the run, the terminal is restored.

use std::io::{self, BufWriter, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute, terminal};
use ratatui::Terminal;
use ratatui::layout::Size;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

pub mod ansi;
#[cfg(test)]
mod test_support;

use ansi::Ansi;

use crate::action::Action;
use crate::app::App;
use crate::{keymap, ui};

/// Whether the terminal is in our state (raw, alternate screen) and needs restoring.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The user quit.
    Quit,
    /// A signal (SIGTERM, SIGHUP, SIGINT) asked us to stop; exit with 128 + its number.
    Signal(i32),
}

/// Leaves the alternate screen, shows the cursor and turns raw mode off. Safe to call more
/// than once and from the panic hook; errors are ignored (the terminal may be gone already).
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        // Mouse capture off whether or not it was on: harmless if it was not, and a terminal
        // left reporting mouse moves is unusable.
        let _ = execute!(io::stdout(), DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
        let _ = terminal::disable_raw_mode();
    }
}

/// How the terminal is to be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Session {
    /// Capture the mouse (clicks and the wheel); off leaves the terminal's own selection.
    pub mouse: bool,
}

/// Restores the terminal when dropped, so an early return or `?` cannot skip it.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // Restore first, so the panic message lands on the normal screen where it can be read.
        restore();
        previous(info);
    }));
}

/// Signals that end the run: SIGTERM, SIGHUP and SIGINT (Ctrl-C is a key in raw mode; SIGINT
/// only comes from `kill`). The event loop sees a flag within a tick and ends the run the
/// normal way. A watchdog thread covers the case where the loop cannot: crossterm spins
/// without returning when the terminal has hung up (its reads return end-of-file), so if the
/// process is still here a second after the signal, the watchdog restores what it can and
/// exits. A second signal of the same kind while the first is being handled ends the process
/// at once.
struct Signals {
    received: Arc<AtomicUsize>,
}

/// How long the watchdog gives the event loop to end the run after a signal.
const SIGNAL_GRACE: Duration = Duration::from_secs(1);

impl Signals {
    fn register() -> io::Result<Self> {
        let received = Arc::new(AtomicUsize::new(0));
        let seen = Arc::new(AtomicBool::new(false));
        let kinds = [SIGTERM, SIGHUP, SIGINT];
        for sig in kinds {
            signal_hook::flag::register_conditional_shutdown(sig, 128 + sig, Arc::clone(&seen))?;
            signal_hook::flag::register(sig, Arc::clone(&seen))?;
        }
        let mut incoming = signal_hook::iterator::Signals::new(kinds)?;
        let flag = Arc::clone(&received);
        std::thread::Builder::new().name("signals".into()).spawn(move || {
            if let Some(sig) = incoming.forever().next() {
                flag.store(sig as usize, Ordering::SeqCst);
                std::thread::sleep(SIGNAL_GRACE);
                // Still running: the event loop is stuck. Restore (once) and leave.
                restore();
                std::process::exit(128 + sig);
            }
        })?;
        Ok(Signals { received })
    }

    fn pending(&self) -> Option<i32> {
        match self.received.load(Ordering::SeqCst) {
            0 => None,
            sig => Some(sig as i32),
        }
    }
}

/// Runs the explorer full-screen until the user quits or a signal arrives.
pub fn run(app: &mut App, session: Session) -> io::Result<Outcome> {
    let signals = Signals::register()?;
    install_panic_hook();
    let _guard = Guard;
    ACTIVE.store(true, Ordering::SeqCst);
    terminal::enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, cursor::Hide)?;
    if session.mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    // Stdout is line-buffered and flushes every 1 KiB; a frame goes out in one write instead.
    let out = BufWriter::with_capacity(FRAME_BUFFER, io::stdout());
    let mut terminal = Terminal::new(Ansi::new(out))?;
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    event_loop(&mut terminal, app, &signals)
}

/// In debug builds only, setting this variable makes the loop panic after its first frame.
pub const TEST_PANIC_ENV: &str = "SCM_VS_OM_TEST_PANIC";

/// Room for a whole frame of a large terminal with styles, so each frame is one write.
const FRAME_BUFFER: usize = 256 * 1024;

/// How long the loop waits for input before looking for signals again.
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

fn event_loop(
    terminal: &mut Terminal<Ansi<BufWriter<Stdout>>>,
    app: &mut App,
    signals: &Signals,
) -> io::Result<Outcome> {
    let mut dirty = true;
    // Test-only: debug builds can be told to panic after the first frame, so the tests can
    // prove the panic hook restores the terminal. Release builds do not contain this.
    let panic_for_test = cfg!(debug_assertions) && std::env::var_os(TEST_PANIC_ENV).is_some();
    loop {
        if let Some(sig) = signals.pending() {
            return Ok(Outcome::Signal(sig));
        }
        if !app.running {
            return Ok(Outcome::Quit);
        }
        if dirty {
            // The app reads what the frame drew: scroll limits and click targets.
            let mut drawn = None;
            terminal.draw(|f| drawn = Some(ui::render_frame(app, f.area(), f.buffer_mut())))?;
            app.observe(drawn.unwrap_or_default());
            dirty = false;
            if panic_for_test {
                panic!("panic requested by {TEST_PANIC_ENV} (a test of terminal restoring)");
            }
        }
        // Handle everything already queued before drawing again, so a burst of resizes or
        // repeated keys costs one frame, not one per event.
        let mut timeout = SIGNAL_CHECK;
        while event::poll(timeout)? {
            timeout = Duration::ZERO;
            let event = event::read()?;
            if let Event::Resize(width, height) = event {
                terminal.backend().set_size(Size { width, height });
            }
            if let Some(action) = keymap::action_for_event(&app.contexts(), &event) {
                app.update(action);
                dirty = true;
            }
            if !app.running {
                break;
            }
        }
    }
}
