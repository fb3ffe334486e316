//! The quiz engine: cards, sessions, scoring, the review schedule and the saved history.
//! Nothing here knows about the terminal; the UI reads it and the tests drive it directly.

pub mod card;
pub mod glossary;
pub mod history;
mod history_file;
pub mod schedule;
pub mod session;
pub mod stats;
pub mod typed;

pub use card::{About, Card, GlossaryWay, Origin};
pub use history::{History, Record, Rescue, SaveFailed};
pub use schedule::{Grade, Mastery, Schedule};
pub use session::{Difficulty, Plan, Results, RoundPath, Scope, Session};
