//! The "Which field fits me?" tab: one statement at a time, rated 1 to 5, then the result.
//! Ratings are kept as they are given, so quitting at any moment loses none.

use super::{App, Confirm};
use crate::action::Action;
use crate::fit::{FitResult, RATINGS, score};
use crate::saved::{FIT_FILE, FIT_RESULT_FILE, SavedFit, fit_markdown};
use crate::view::{ListCursor, Motion, Region};

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

    /// Ratings saved last time: on to the first statement not rated, or the result when all are.
    pub fn restore(&mut self, ratings: Vec<Option<u8>>) {
        if ratings.len() != self.ratings.len() || ratings.iter().all(Option::is_none) {
            return;
        }
        self.ratings = ratings;
        match self.ratings.iter().position(Option::is_none) {
            Some(first) => self.current = first,
            None => self.screen = FitScreen::Result,
        }
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
                    self.save_fit();
                    let f = &mut self.fit;
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
                Action::Down | Action::FocusNext | Action::NextItem => {
                    f.current = ListCursor::whole(f.current, n).apply(Motion::Down)
                }
                Action::Up | Action::FocusPrev | Action::PrevItem => {
                    f.current = ListCursor::whole(f.current, n).apply(Motion::Up)
                }
                Action::First | Action::Last => f.current = ListCursor::whole(f.current, n).act(action),
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
                    Action::Restart if f.rated() > 0 => self.confirm = Some(Confirm::ClearFit),
                    Action::Restart => *f = FitState::new(n),
                    Action::Export => self.export_fit(),
                    Action::Back | Action::FocusPrev => f.screen = FitScreen::Statements,
                    Action::Select => {
                        if let Some(&d) = read_next.get(f.next) {
                            self.follow_link();
                            self.open_dimension(d);
                        }
                    }
                    _ => f.next = drawn.cursor(Region::FitNext, f.next, read_next.len()).act(action),
                }
            }
        }
    }

    /// Every rating cleared (asked first), on disk too.
    pub(super) fn clear_fit(&mut self) {
        self.fit = FitState::new(self.content.fit.statements.len());
        self.save_fit();
    }

    /// Keeps the ratings for next time; a failure is said once per change, in the footer.
    fn save_fit(&mut self) {
        let saved = SavedFit::of(&self.content, &self.fit.ratings);
        let result = if saved.ratings.is_empty() {
            self.store.remove(FIT_FILE)
        } else {
            self.store.save(FIT_FILE, &saved)
        };
        if let Err(e) = result {
            self.notices.push(format!("Could not keep the Fit ratings for next time: {e}"));
        }
    }

    /// Writes the result as Markdown in the data directory and says where.
    fn export_fit(&mut self) {
        let text = fit_markdown(&self.content, &self.fit.ratings);
        self.notices.push(match self.store.write_text(FIT_RESULT_FILE, &text) {
            Ok(path) => {
                format!("Wrote the result to {}", crate::content::escape(&path.display().to_string()))
            }
            Err(e) => format!("Could not write the result: {e}"),
        });
    }
}
