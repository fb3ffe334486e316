//! The Glossary tab: terms beside the selected term's definition, filtered by discipline,
//! with the dimensions where each term matters one key away.

use super::{App, Tab};
use crate::action::Action;
use crate::content::Owner;
use crate::view::Region;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GlossaryFocus {
    List,
    Related,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossaryState {
    /// `None` shows every term; otherwise only the owner's.
    pub filter: Option<Owner>,
    /// The selected term, by index in `Content::terms` (always one the filter shows, when any).
    pub term: usize,
    pub focus: GlossaryFocus,
    /// The highlighted related dimension.
    pub related: usize,
}

impl GlossaryState {
    pub fn new() -> GlossaryState {
        GlossaryState { filter: None, term: 0, focus: GlossaryFocus::List, related: 0 }
    }
}

impl Default for GlossaryState {
    fn default() -> Self {
        GlossaryState::new()
    }
}

impl App {
    /// The terms the filter shows, alphabetically (as a reader scans a glossary).
    pub fn glossary_terms(&self) -> Vec<usize> {
        let filter = self.glossary.filter;
        let terms = &self.content.terms;
        self.lookups
            .glossary_order
            .iter()
            .copied()
            .filter(|&t| filter.is_none_or(|f| terms[t].owner == f))
            .collect()
    }

    /// The filters `f` cycles through: all, each discipline, both.
    fn filters(&self) -> Vec<Option<Owner>> {
        let mut f = vec![None];
        f.extend((0..self.content.disciplines.len()).map(|d| Some(Owner::Discipline(d))));
        f.push(Some(Owner::Both));
        f
    }

    pub(super) fn update_glossary(&mut self, action: Action) {
        let shown = self.glossary_terms();
        let pos = shown.iter().position(|&t| t == self.glossary.term).unwrap_or(0);
        let related = self.content.terms.get(self.glossary.term).map_or(0, |t| t.related.len());
        let g = &mut self.glossary;
        match (action, g.focus) {
            (Action::CycleFilter, _) => {
                let filters = self.filters();
                let at = filters.iter().position(|f| *f == self.glossary.filter).unwrap_or(0);
                self.glossary.filter = filters[(at + 1) % filters.len()];
                let shown = self.glossary_terms();
                // Keep the selected term if the new filter shows it, else take the first.
                if !shown.contains(&self.glossary.term) {
                    self.glossary.term = shown.first().copied().unwrap_or(0);
                    self.glossary.related = 0;
                }
                self.glossary.focus = GlossaryFocus::List;
            }
            (Action::FocusNext | Action::Select, GlossaryFocus::List) if related > 0 && !shown.is_empty() => {
                g.focus = GlossaryFocus::Related
            }
            (Action::FocusPrev | Action::Back, _) => g.focus = GlossaryFocus::List,
            (Action::Select, GlossaryFocus::Related) => {
                if let Some(&d) = self.content.terms.get(g.term).and_then(|t| t.related.get(g.related)) {
                    self.follow_link();
                    self.open_dimension(d);
                }
            }
            (_, GlossaryFocus::List) => {
                if let Some(&t) =
                    shown.get(self.drawn.cursor(Region::GlossaryList, pos, shown.len()).act(action))
                    && t != self.glossary.term
                {
                    self.glossary.term = t;
                    self.glossary.related = 0;
                }
            }
            (_, GlossaryFocus::Related) => {
                g.related = self.drawn.cursor(Region::GlossaryRelated, g.related, related).act(action)
            }
        }
    }

    /// Shows a term in the Glossary tab, clearing a filter that would hide it.
    pub fn open_term(&mut self, term: usize) {
        self.tab = Tab::Glossary;
        if let Some(f) = self.glossary.filter
            && self.content.terms.get(term).is_some_and(|t| t.owner != f)
        {
            self.glossary.filter = None;
        }
        self.glossary.term = term;
        self.glossary.related = 0;
        self.glossary.focus = GlossaryFocus::List;
    }
}
