//! Signals, seen by the event loop as flags it checks every tick.
//!
//! SIGTERM, SIGHUP, SIGINT and SIGQUIT end the run (Ctrl-C and Ctrl-\ are keys in raw mode;
//! these come from `kill` or a closed terminal). A watchdog covers the case where the loop
//! cannot end it (stuck in a write to a terminal that hung up, say): if the process is still
//! here a second after the signal, the watchdog restores what it can and exits. A second
//! ending signal while the first is handled ends the process at once.
//!
//! SIGTSTP (`kill -TSTP`, or Ctrl-Z turned into one by the loop) asks the loop to give the
//! terminal back and stop; SIGCONT says we run again and the terminal must be taken back,
//! whoever stopped us.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGSTOP, SIGTERM, SIGTSTP};

/// How long the watchdog gives the event loop to end the run after a signal.
const SIGNAL_GRACE: Duration = Duration::from_secs(1);

/// The signals that end the run.
const ENDING: [i32; 4] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT];

pub struct Signals {
    ended: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    resumed: Arc<AtomicBool>,
}

impl Signals {
    pub fn register() -> io::Result<Self> {
        let ended = Arc::new(AtomicUsize::new(0));
        let seen = Arc::new(AtomicBool::new(false));
        for sig in ENDING {
            signal_hook::flag::register_conditional_shutdown(sig, 128 + sig, Arc::clone(&seen))?;
            signal_hook::flag::register(sig, Arc::clone(&seen))?;
        }
        let stop = Arc::new(AtomicBool::new(false));
        let resumed = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(SIGTSTP, Arc::clone(&stop))?;
        signal_hook::flag::register(SIGCONT, Arc::clone(&resumed))?;
        let mut incoming = signal_hook::iterator::Signals::new(ENDING)?;
        let flag = Arc::clone(&ended);
        std::thread::Builder::new().name("signals".into()).spawn(move || {
            if let Some(sig) = incoming.forever().next() {
                flag.store(sig as usize, Ordering::SeqCst);
                std::thread::sleep(SIGNAL_GRACE);
                // Still running: the event loop is stuck. Restore (once) and leave.
                super::restore();
                std::process::exit(128 + sig);
            }
        })?;
        Ok(Signals { ended, stop, resumed })
    }

    /// The ending signal received, if any.
    pub fn ended(&self) -> Option<i32> {
        match self.ended.load(Ordering::SeqCst) {
            0 => None,
            sig => Some(sig as i32),
        }
    }

    /// Whether SIGTSTP came since the last call.
    pub fn take_stop(&self) -> bool {
        self.stop.swap(false, Ordering::SeqCst)
    }

    /// Whether SIGCONT came since the last call.
    pub fn take_resumed(&self) -> bool {
        self.resumed.swap(false, Ordering::SeqCst)
    }
}

/// Stops the process as SIGTSTP would have without our handler, and returns once it is
/// continued. SIGSTOP, because SIGTSTP now reaches our handler instead of stopping us.
pub fn stop_here() -> io::Result<()> {
    signal_hook::low_level::raise(SIGSTOP)
}
