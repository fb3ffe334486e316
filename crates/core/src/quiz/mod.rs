//! The quiz engine: cards, sessions, scoring, the review schedule and the saved history.
//! Nothing here knows about the terminal; the UI reads it and the tests drive it directly.

pub mod card;
pub mod history;
pub mod schedule;
pub mod session;

pub use card::{About, Card, Origin};
pub use history::{History, Record};
pub use schedule::Schedule;
pub use session::{Difficulty, Plan, Results, Scope, Session};
