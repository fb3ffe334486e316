//! The search overlay: type to match everything; Enter goes to the item in its tab.

use super::{App, CompareFocus, Confirm};
use crate::action::Action;
use crate::search::{Hit, SearchIndex, Target};
use crate::view::Region;

pub struct SearchState {
    pub query: String,
    pub hits: Vec<Hit>,
    /// For the first hits (as many as a screen shows), the matched characters to highlight.
    pub matched: Vec<Vec<usize>>,
    /// The highlighted hit.
    pub selected: usize,
}

/// The longest query kept: far more than anyone types, and a pasted page stays one quick
/// search.
pub const MAX_QUERY: usize = 1000;

/// Highlighting is worked out for this many hits: more than any screen lists.
const HIGHLIGHTED: usize = 200;

impl SearchState {
    fn refresh(&mut self, index: &mut SearchIndex) {
        self.hits = index.search(&self.query);
        self.matched =
            self.hits.iter().take(HIGHLIGHTED).map(|h| index.matched_chars(&self.query, h.item)).collect();
        self.selected = 0;
    }
}

impl App {
    pub(super) fn open_search(&mut self) {
        // Built on first use, so start-up never pays for it.
        if self.search_index.is_none() {
            self.search_index = Some(SearchIndex::new(&self.content));
        }
        self.search =
            Some(SearchState { query: String::new(), hits: Vec::new(), matched: Vec::new(), selected: 0 });
    }

    /// Text typed or pasted into the search field, as one edit: one search, however long
    /// the text. Line breaks and tabs become spaces and controls are dropped (pasted text is
    /// text from outside); the query keeps its first [`MAX_QUERY`] characters.
    pub fn insert_text(&mut self, text: &str) {
        let (Some(s), Some(index)) = (self.search.as_mut(), self.search_index.as_mut()) else {
            // No search open: the text is a typed quiz answer's, if one is waiting.
            return self.insert_quiz_text(text);
        };
        let room = MAX_QUERY.saturating_sub(s.query.chars().count());
        // Tabs and line breaks first, or cleaning would expand tabs to tab stops.
        let flat: String =
            text.chars().map(|c| if matches!(c, '\t' | '\n' | '\r') { ' ' } else { c }).collect();
        let clean = crate::content::sanitize::strip_controls(&flat);
        s.query.extend(clean.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).take(room));
        s.refresh(index);
    }

    pub(super) fn update_search(&mut self, action: Action) {
        let drawn = &self.drawn;
        let (Some(s), Some(index)) = (self.search.as_mut(), self.search_index.as_mut()) else { return };
        match action {
            Action::Type(c) if s.query.chars().count() < MAX_QUERY => {
                s.query.push(c);
                s.refresh(index);
            }
            Action::DeleteChar => {
                s.query.pop();
                s.refresh(index);
            }
            Action::ClearQuery => {
                s.query.clear();
                s.refresh(index);
            }
            Action::Back => self.search = None,
            Action::Select => {
                if let Some(hit) = s.hits.get(s.selected) {
                    let target = index.items[hit.item].target;
                    self.search = None;
                    self.jump(target);
                }
            }
            _ => s.selected = drawn.cursor(Region::SearchResults, s.selected, s.hits.len()).act(action),
        }
    }

    /// Goes to a search hit in its tab (back returns to where search was opened). A question
    /// never silently replaces a quiz under way: that is asked first.
    fn jump(&mut self, target: Target) {
        if let Target::Question(q) = target {
            if self.quiz.running() {
                self.confirm = Some(Confirm::ReplaceQuiz(q));
            } else {
                self.practise(q);
            }
            return;
        }
        self.follow_link();
        match target {
            Target::Dimension(d) | Target::Detail(d, _) => self.open_dimension(d),
            Target::Point { dimension, discipline, point } => {
                self.open_dimension(dimension);
                self.compare.focus = CompareFocus::Reading;
                // Where the point starts depends on the wrapping: the next frame works it out.
                self.compare.scroll_to = Some((discipline, point));
            }
            Target::Term(t) | Target::Definition(t) => self.open_term(t),
            // Practise that one question now; its answer is saved like any other.
            Target::Question(q) => self.practise(q),
        }
    }
}
