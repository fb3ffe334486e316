//! The one place that touches the terminal: raw mode, the alternate screen, the cursor, the
//! panic hook, signals, and the event loop. Whatever ends the run, the terminal is restored;
//! a stop (Ctrl-Z, SIGTSTP) gives it back to the shell and takes it again on SIGCONT.

use std::io::{self, BufWriter, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event, KeyCode,
    KeyEvent, KeyEventKind, KeyModifiers,
};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute, terminal};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::layout::Size;

pub mod ansi;
pub mod input;
pub mod reply;
mod screen;
mod signals;
#[cfg(test)]
mod test_support;

use ansi::Ansi;
use input::{Incoming, Input};
use screen::{Held, too_large};
pub use screen::{MAX_SIZE, Repair, blank_covered_wide_cells, render_too_large};
use signals::Signals;

use crate::action::Action;
use crate::app::App;
use crate::cli::ThemeName;
use crate::{keymap, ui};

/// Whether the terminal is in our state (raw, alternate screen) and needs restoring.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The user quit.
    Quit,
    /// A signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT) asked us to stop; exit with 128 + its number.
    Signal(i32),
}

/// Leaves the alternate screen, shows the cursor, turns mouse reporting, bracketed paste and
/// raw mode off. Safe to call more than once and from the panic hook; errors are ignored (the
/// terminal may be gone already).
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        // Mouse capture off whether or not it was on: harmless if it was not, and a terminal
        // left reporting mouse moves is unusable.
        let _ = execute!(
            io::stdout(),
            DisableBracketedPaste,
            DisableMouseCapture,
            LeaveAlternateScreen,
            cursor::Show
        );
        let _ = terminal::disable_raw_mode();
    }
}

/// Raw mode, the alternate screen, no cursor, bracketed paste, and the mouse if wanted.
fn enter(session: Session) -> io::Result<()> {
    terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(io::stdout(), EnterAlternateScreen, cursor::Hide, EnableBracketedPaste)?;
    if session.mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// How the terminal is to be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Session {
    /// Capture the mouse (clicks and the wheel); off leaves the terminal's own selection.
    pub mouse: bool,
    /// Ask the terminal for its background (for `--theme auto`); the answer, read with the
    /// keys, settles the app's theme.
    pub ask_background: bool,
}

/// Setting this variable to `crossterm` draws with ratatui's stock backend instead of the
/// own one (src/terminal/ansi.rs), to tell a drawing fault of ours from one of the terminal.
pub const BACKEND_ENV: &str = "SCM_VS_OM_BACKEND";

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

/// Runs the explorer full-screen until the user quits or a signal arrives.
pub fn run(app: &mut App, session: Session) -> io::Result<Outcome> {
    let signals = Signals::register()?;
    install_panic_hook();
    let _guard = Guard;
    // Raw mode is set on /dev/tty: without a controlling terminal (`setsid`), say so rather
    // than only "No such device or address".
    enter(session).map_err(|e| {
        io::Error::new(
            e.kind(),
            format!("cannot take over the terminal (/dev/tty, the controlling terminal): {e}"),
        )
    })?;
    // Asked now, answered whenever the terminal gets to it: nothing waits for the answer,
    // which some terminals never give. Raw mode is on, so the answer is not echoed, and it
    // waits in the terminal's input until the reader below takes it.
    if session.ask_background {
        let mut out = io::stdout();
        out.write_all(reply::BACKGROUND_QUERY)?;
        out.flush()?;
    }
    // Input first: it is what catches SIGWINCH, and a resize between the size asked below
    // and its start would be missed.
    let mut input = Input::start()?;
    // Stdout is line-buffered and flushes every 1 KiB; a frame goes out in one write instead.
    let out = BufWriter::with_capacity(FRAME_BUFFER, io::stdout());
    let stock = std::env::var(BACKEND_ENV).is_ok_and(|v| v == "crossterm");
    if stock {
        drive(Terminal::new(Held::new(CrosstermBackend::new(out)))?, &mut input, app, session, &signals)
    } else {
        drive(Terminal::new(Held::new(Ansi::new(out)))?, &mut input, app, session, &signals)
    }
}

fn drive<B: Backend<Error = io::Error>>(
    mut terminal: Terminal<Held<B>>,
    input: &mut Input,
    app: &mut App,
    session: Session,
    signals: &Signals,
) -> io::Result<Outcome> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let outcome = event_loop(&mut terminal, input, app, session, signals);
    restore();
    // `restore` has shown the cursor. ratatui's Terminal would try again when dropped and
    // print its failure to stderr, which panics when the terminal is gone (a hang-up).
    std::mem::forget(terminal);
    outcome
}

/// In debug builds only, setting this variable makes the loop panic after its first frame.
pub const TEST_PANIC_ENV: &str = "SCM_VS_OM_TEST_PANIC";

/// Room for a whole frame of a large terminal with styles, so each frame is one write.
const FRAME_BUFFER: usize = 256 * 1024;

/// How long the loop waits for input before looking for signals again.
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

/// A flood of input is handled this long at most before a frame is drawn, so the screen
/// keeps up with a long paste or held key.
const BATCH_LIMIT: Duration = Duration::from_millis(50);

fn event_loop<B: Backend<Error = io::Error>>(
    terminal: &mut Terminal<Held<B>>,
    input: &mut Input,
    app: &mut App,
    session: Session,
    signals: &Signals,
) -> io::Result<Outcome> {
    let mut dirty = true;
    let mut repair = Repair::default();
    // Test-only: debug builds can be told to panic after the first frame, so the tests can
    // prove the panic hook restores the terminal. Release builds do not contain this.
    let panic_for_test = cfg!(debug_assertions) && std::env::var_os(TEST_PANIC_ENV).is_some();
    loop {
        if let Some(sig) = signals.ended() {
            return Ok(Outcome::Signal(sig));
        }
        // Continued, after our own stop or anyone's: the shell may have put the terminal
        // back in cooked mode and drawn over the frame.
        let mut resumed = signals.take_resumed();
        if signals.take_stop() {
            restore();
            signals::stop_here()?;
            resumed = true;
        }
        if resumed {
            take_back(terminal, app, session)?;
            dirty = true;
        }
        if !app.running {
            return Ok(Outcome::Quit);
        }
        if dirty {
            draw(terminal, app, &mut repair)?;
            dirty = false;
            if panic_for_test {
                panic!("panic requested by {TEST_PANIC_ENV} (a test of terminal restoring)");
            }
        }
        match handle_pending(terminal, input, app) {
            Ok(changed) => dirty |= changed,
            // A terminal that hung up fails its reads; the SIGHUP that comes with it is the
            // better account of what happened.
            Err(e) => {
                std::thread::sleep(SIGNAL_CHECK);
                return signals.ended().map(Outcome::Signal).ok_or(e);
            }
        }
    }
}

/// One frame: the explorer, or the "too large" message when the window is over the cap.
fn draw<B: Backend<Error = io::Error>>(
    terminal: &mut Terminal<Held<B>>,
    app: &mut App,
    repair: &mut Repair,
) -> io::Result<()> {
    let real = terminal.backend().real_size()?;
    // The app reads what the frame drew: scroll limits and click targets.
    let mut drawn = None;
    terminal.draw(|f| {
        if too_large(real) {
            render_too_large(real, f.area(), f.buffer_mut());
        } else {
            drawn = Some(ui::render_frame(app, f.area(), f.buffer_mut()));
        }
        repair.frame(f.buffer_mut());
    })?;
    if let Some(drawn) = drawn {
        app.observe(drawn);
    }
    Ok(())
}

/// After a stop: raw mode again (it may have been undone), the alternate screen, the modes,
/// and a full redraw at the window's size now.
fn take_back<B: Backend<Error = io::Error>>(
    terminal: &mut Terminal<Held<B>>,
    app: &mut App,
    session: Session,
) -> io::Result<()> {
    // crossterm only enables raw mode if it thinks it is off; it may not be any more.
    let _ = terminal::disable_raw_mode();
    enter(session)?;
    terminal.backend().forget_size();
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    terminal.clear()
}

/// Handles everything already queued before drawing again, so a burst of resizes or held
/// keys costs one frame, and a run of typed characters or a paste costs one search.
/// Returns whether anything changed.
fn handle_pending<B: Backend<Error = io::Error>>(
    terminal: &mut Terminal<Held<B>>,
    input: &mut Input,
    app: &mut App,
) -> io::Result<bool> {
    let mut changed = false;
    let mut typed = String::new();
    let mut timeout = SIGNAL_CHECK;
    let started = Instant::now();
    while let Some(incoming) = input.next(timeout)? {
        timeout = Duration::ZERO;
        let event = match incoming {
            Incoming::Event(event) => event,
            // The answers to the background question, never keys.
            Incoming::Background(rgb) => {
                let theme = if rgb.is_light() { ThemeName::Light } else { ThemeName::Dark };
                changed |= answer(app, Some(theme));
                continue;
            }
            Incoming::Attributes => {
                changed |= answer(app, None);
                continue;
            }
        };
        if is_suspend_key(&event) {
            // What the terminal itself does with Ctrl-Z outside raw mode.
            let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
            break;
        }
        if let Event::Resize(width, height) = event {
            let size = Size { width, height };
            terminal.backend().set_size(size);
            // The app lays out for the size drawn, never more than the cap.
            let drawn = screen::capped(size);
            app.update(Action::Resize(drawn.width, drawn.height));
            changed = true;
            continue;
        }
        let contexts = app.contexts();
        if let Event::Paste(text) = &event {
            // Pasted text is text, never commands: it goes where text is typed, or nowhere.
            if keymap::takes_text(&contexts) {
                typed.push_str(text);
            }
            continue;
        }
        match keymap::action_for_event(&contexts, &event) {
            Some(Action::Type(c)) => typed.push(c),
            Some(action) => {
                insert(app, &mut typed);
                app.update(action);
                changed = true;
            }
            None => {}
        }
        if !app.running || started.elapsed() > BATCH_LIMIT {
            break;
        }
    }
    changed |= insert(app, &mut typed);
    Ok(changed)
}

/// The terminal's answer about its background; whether it changed the theme.
fn answer(app: &mut App, theme: Option<ThemeName>) -> bool {
    let before = app.theme;
    app.update(Action::Background(theme));
    app.theme != before
}

/// Typed or pasted text, as one edit.
fn insert(app: &mut App, typed: &mut String) -> bool {
    if typed.is_empty() {
        return false;
    }
    app.insert_text(typed);
    typed.clear();
    true
}

fn is_suspend_key(event: &Event) -> bool {
    matches!(
        event,
        Event::Key(KeyEvent { code: KeyCode::Char('z'), modifiers, kind: KeyEventKind::Press, .. })
            if *modifiers == KeyModifiers::CONTROL
    )
}
