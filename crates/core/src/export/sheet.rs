//! Which questions a worksheet asks, in what order, with their options in what order: a
//! class-sized sheet (`--questions N`, `--group ID`) that is the same every time for one seed.

use std::fmt;

use crate::content::Content;
use crate::quiz::card::{Card, question_card};

/// What to put in an export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// At most this many questions (all, if `None`).
    pub questions: Option<usize>,
    /// Shuffle the questions and their options from this seed; without it they are in
    /// file order, options as written.
    pub seed: Option<u64>,
    /// Only this group (by id): its dimensions, the questions and terms about them.
    pub group: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetError {
    UnknownGroup { id: String, known: Vec<String> },
}

impl fmt::Display for SheetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SheetError::UnknownGroup { id, known } => {
                write!(f, "unknown group `{id}`; the groups are: {}", known.join(", "))
            }
        }
    }
}

impl std::error::Error for SheetError {}

/// The selection an export is made of.
pub struct Worksheet {
    /// The group chosen, if any.
    pub group: Option<usize>,
    /// The questions asked, as cards: options in the order printed, `correct` among them.
    pub cards: Vec<Card>,
}

impl Worksheet {
    pub fn new(c: &Content, options: &Options) -> Result<Worksheet, SheetError> {
        let group = match &options.group {
            None => None,
            Some(id) => {
                Some(c.groups.iter().position(|g| &g.id == id).ok_or_else(|| SheetError::UnknownGroup {
                    id: id.clone(),
                    known: c.groups.iter().map(|g| g.id.clone()).collect(),
                })?)
            }
        };
        let mut chosen: Vec<usize> = (0..c.questions.len())
            .filter(|&q| group.is_none_or(|g| c.dimensions[c.questions[q].dimension].group == g))
            .collect();
        let mut rng = options.seed.map(fastrand::Rng::with_seed);
        if let Some(rng) = &mut rng {
            rng.shuffle(&mut chosen);
        }
        chosen.truncate(options.questions.unwrap_or(usize::MAX));
        let cards = chosen
            .into_iter()
            .map(|q| {
                let mut card = question_card(c, q);
                if let Some(rng) = &mut rng {
                    // Honours `shuffle = false`, and keeps true/false and the fields in order.
                    card.shuffle_options(rng);
                }
                card
            })
            .collect();
        Ok(Worksheet { group, cards })
    }

    /// Whether dimension `d` is in the export.
    pub fn covers(&self, c: &Content, d: usize) -> bool {
        self.group.is_none_or(|g| c.dimensions[d].group == g)
    }
}
