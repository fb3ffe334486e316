//! Cards: questions made ready to ask. Authored questions and the drill generated from the
//! comparison's points become the same thing, so a session never cares where one came from.

use crate::content::{Answer, Content, QuestionKind};

/// Where a card comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// An authored question, by index in `Content::questions`.
    Question(usize),
    /// A point of the comparison: "which field does this describe?".
    Drill { dimension: usize, discipline: usize, point: usize },
}

/// Which discipline a card is about, for the per-discipline breakdown of results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum About {
    Discipline(usize),
    Both,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// Stable id for saved progress: the question's id, or `drill:<dimension>:<discipline>:<n>`.
    pub id: String,
    pub origin: Origin,
    /// Choose all that apply (else exactly one).
    pub multi: bool,
    /// Whether the options may be shuffled (true/false and discipline choices keep their
    /// natural order).
    pub shuffle: bool,
    pub prompt: String,
    /// In the order shown.
    pub options: Vec<String>,
    /// Indices into `options`, ascending.
    pub correct: Vec<usize>,
    pub dimension: usize,
    pub difficulty: u8,
    pub explanation: String,
    pub sources: Vec<usize>,
    pub about: Option<About>,
}

impl Card {
    /// Right only if exactly the correct options are chosen: a partly right multi-select is
    /// wrong.
    pub fn is_correct(&self, chosen: &[usize]) -> bool {
        let mut chosen = chosen.to_vec();
        chosen.sort_unstable();
        chosen.dedup();
        chosen == self.correct
    }

    /// Puts the options in a new order (single and multi only: true/false and the
    /// discipline choices keep their natural order).
    pub fn shuffle_options(&mut self, rng: &mut fastrand::Rng) {
        if !self.shuffle {
            return;
        }
        let mut order: Vec<usize> = (0..self.options.len()).collect();
        rng.shuffle(&mut order);
        self.options = order.iter().map(|&i| self.options[i].clone()).collect();
        let mut correct: Vec<usize> =
            self.correct.iter().map(|c| order.iter().position(|o| o == c).expect("a permutation")).collect();
        correct.sort_unstable();
        self.correct = correct;
    }
}

/// The name the quiz gives "both" (or "all", with more than two disciplines).
pub fn both_label(content: &Content) -> &'static str {
    if content.disciplines.len() == 2 { "Both" } else { "All of them" }
}

/// What selecting needs to know of a card, without building it: cheap to list for tens of
/// thousands of questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub origin: Origin,
    pub dimension: usize,
    pub difficulty: u8,
}

/// Every card the content offers, as entries, in content order: authored questions first,
/// then the drill.
pub fn entries(content: &Content) -> Vec<Entry> {
    let mut out: Vec<Entry> = content
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| Entry {
            id: q.id.clone(),
            origin: Origin::Question(i),
            dimension: q.dimension,
            difficulty: q.difficulty,
        })
        .collect();
    for (di, dim) in content.dimensions.iter().enumerate() {
        for (ci, points) in dim.points.iter().enumerate() {
            for pi in 0..points.len() {
                out.push(Entry {
                    id: drill_id(content, di, ci, pi),
                    origin: Origin::Drill { dimension: di, discipline: ci, point: pi },
                    dimension: di,
                    difficulty: DRILL_DIFFICULTY,
                });
            }
        }
    }
    out
}

/// The drill asks to recall which side a point is on.
const DRILL_DIFFICULTY: u8 = 1;

fn drill_id(content: &Content, dimension: usize, discipline: usize, point: usize) -> String {
    format!("drill:{}:{}:{}", content.dimensions[dimension].id, content.disciplines[discipline].id, point + 1)
}

/// Builds the card an entry stands for.
pub fn card(content: &Content, origin: &Origin) -> Card {
    match *origin {
        Origin::Question(i) => question_card(content, i),
        Origin::Drill { dimension, discipline, point } => drill_card(content, dimension, discipline, point),
    }
}

/// Every card the content offers, built.
pub fn all_cards(content: &Content) -> Vec<Card> {
    entries(content).iter().map(|e| card(content, &e.origin)).collect()
}

fn discipline_options(content: &Content, with_both: bool) -> Vec<String> {
    let mut options: Vec<String> = content.disciplines.iter().map(|d| d.name.clone()).collect();
    if with_both {
        options.push(both_label(content).to_string());
    }
    options
}

pub fn question_card(content: &Content, index: usize) -> Card {
    let q = &content.questions[index];
    let both = content.disciplines.len();
    let (options, correct, about) = match (&q.kind, &q.answer) {
        (QuestionKind::TrueFalse, Answer::TrueFalse(b)) => {
            (vec!["True".to_string(), "False".to_string()], vec![usize::from(!*b)], None)
        }
        (QuestionKind::Which, Answer::Discipline(d)) => {
            (discipline_options(content, true), vec![*d], Some(About::Discipline(*d)))
        }
        (QuestionKind::Which, Answer::Both) => {
            (discipline_options(content, true), vec![both], Some(About::Both))
        }
        (_, Answer::Options(correct)) => (q.options.clone(), correct.clone(), None),
        // The loader pairs kinds and answers; any other pairing cannot be built.
        (kind, answer) => unreachable!("question {} pairs {kind:?} with {answer:?}", q.id),
    };
    Card {
        id: q.id.clone(),
        origin: Origin::Question(index),
        multi: q.kind == QuestionKind::Multi,
        shuffle: matches!(q.kind, QuestionKind::Single | QuestionKind::Multi),
        prompt: q.prompt.clone(),
        options,
        correct,
        dimension: q.dimension,
        difficulty: q.difficulty,
        explanation: q.explanation.clone(),
        sources: q.sources.clone(),
        about,
    }
}

/// One "which field does this describe?" card per point of the comparison.
pub fn drill_cards(content: &Content) -> Vec<Card> {
    entries(content)
        .iter()
        .filter_map(|e| match e.origin {
            Origin::Drill { dimension, discipline, point } => {
                Some(drill_card(content, dimension, discipline, point))
            }
            Origin::Question(_) => None,
        })
        .collect()
}

fn drill_card(content: &Content, di: usize, ci: usize, pi: usize) -> Card {
    let dim = &content.dimensions[di];
    let discipline = &content.disciplines[ci];
    let point = &dim.points[ci][pi];
    Card {
        id: drill_id(content, di, ci, pi),
        origin: Origin::Drill { dimension: di, discipline: ci, point: pi },
        multi: false,
        shuffle: false,
        prompt: format!("Which field does this describe? ({})\n\n{point}", dim.title),
        options: discipline_options(content, false),
        correct: vec![ci],
        dimension: di,
        difficulty: DRILL_DIFFICULTY,
        explanation: format!(
            "The comparison lists this under {} for \u{201c}{}\u{201d}.",
            discipline.name, dim.title
        ),
        sources: dim.sources.clone(),
        about: Some(About::Discipline(ci)),
    }
}
