//! The "Which field fits me?" tab: one statement at a time, rated 1 to 5, then the result.

use super::App;
use crate::action::Action;
use crate::fit::{FitResult, RATINGS, score};
use crate::view::Region;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FitScreen {
    Statements,
    Result,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FitState {
    pub screen: FitScreen,
    /// The statement showing.
    pub current: usize,
    /// One per statement; `None` until rated.
    pub ratings: Vec<Option<u8>>,
    /// The highlighted dimension in the result's "read next" list.
    pub next: usize,
    /// Scroll of the result's text.
    pub scroll: u16,
}

impl FitState {
    pub fn new(statements: usize) -> FitState {
        FitState {
            screen: FitScreen::Statements,
            current: 0,
            ratings: vec![None; statements],
            next: 0,
            scroll: 0,
        }
    }

    pub fn rated(&self) -> usize {
        self.ratings.iter().filter(|r| r.is_some()).count()
    }
}

impl App {
    pub fn fit_result(&self) -> FitResult {
        score(&self.content, &self.fit.ratings)
    }

    pub(super) fn update_fit(&mut self, action: Action) {
        let n = self.content.fit.statements.len();
        if n == 0 {
            return;
        }
        let f = &mut self.fit;
        match f.screen {
            FitScreen::Statements => match action {
                Action::Rate(r) if RATINGS.contains(&r) => {
                    f.ratings[f.current] = Some(r);
                    // On to the next unrated statement, or the result once all are rated.
                    match (f.current + 1..n).chain(0..f.current).find(|&i| f.ratings[i].is_none()) {
                        Some(next) => f.current = next,
                        None => {
                            f.screen = FitScreen::Result;
                            f.next = 0;
                            f.scroll = 0;
                        }
                    }
                }
                Action::Down | Action::FocusNext | Action::NextItem => f.current = (f.current + 1).min(n - 1),
                Action::Up | Action::FocusPrev | Action::PrevItem => f.current = f.current.saturating_sub(1),
                Action::First => f.current = 0,
                Action::Last => f.current = n - 1,
                // Enter shows the result whenever asked: unrated statements count as neutral.
                Action::Select => {
                    f.screen = FitScreen::Result;
                    f.next = 0;
                    f.scroll = 0;
                }
                _ => {}
            },
            FitScreen::Result => {
                let read_next = self.fit_result().read_next;
                let drawn = &self.drawn;
                let f = &mut self.fit;
                match action {
                    // Up and Down move through the suggestions; the pages scroll the text.
                    Action::PageUp | Action::PageDown => {
                        f.scroll = drawn.viewport(Region::FitText, f.scroll).act(action).offset
                    }
                    Action::Restart => *f = FitState::new(n),
                    Action::Back | Action::FocusPrev => f.screen = FitScreen::Statements,
                    Action::Select => {
                        if let Some(&d) = read_next.get(f.next) {
                            self.open_dimension(d);
                        }
                    }
                    _ => f.next = drawn.cursor(Region::FitNext, f.next, read_next.len()).act(action),
                }
            }
        }
    }
}
