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
    /// A glossary term, by index in `Content::terms`: its name typed from its definition,
    /// or its definition chosen from others'.
    Glossary { term: usize, way: GlossaryWay },
}

/// Which way a glossary card asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GlossaryWay {
    /// The definition is shown; the name is typed.
    Name,
    /// The name is shown; the definition is chosen.
    Meaning,
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
    /// A typed card's accepted answers, the first the one shown as expected; empty for the
    /// cards answered by choosing.
    pub accepted: Vec<String>,
    /// For the drill's feedback: each other discipline's points to set against this one
    /// (the point on the same facet where the comparison pairs them, else all of them).
    pub contrast: Vec<(usize, Vec<String>)>,
    /// For the feedback: the dimension's difference in one sentence, if it has one.
    pub summary: Option<String>,
}

impl Card {
    /// Whether the learner types the answer (else chooses options).
    pub fn is_typed(&self) -> bool {
        !self.accepted.is_empty()
    }

    /// The answer shown as expected after a typed card is answered.
    pub fn expected(&self) -> Option<&str> {
        self.accepted.first().map(String::as_str)
    }

    /// Matches a typed answer (see [`super::typed`]). Never right on a card with options.
    pub fn check_typed(&self, typed: &str) -> super::typed::TypedMatch {
        super::typed::check(typed, &self.accepted)
    }

    /// Right only if exactly the correct options are chosen: a partly right multi-select is
    /// wrong. A typed card is never answered right by choosing.
    pub fn is_correct(&self, chosen: &[usize]) -> bool {
        if self.is_typed() {
            return false;
        }
        let mut chosen = chosen.to_vec();
        chosen.sort_unstable();
        chosen.dedup();
        chosen == self.correct
    }

    /// How each option fared in an answer, for the feedback: a right option left unticked
    /// is marked missed, not just right.
    pub fn marks(&self, chosen: &[usize]) -> Vec<Mark> {
        (0..self.options.len())
            .map(|i| match (self.correct.contains(&i), chosen.contains(&i)) {
                (true, true) => Mark::Chosen,
                (true, false) => Mark::Missed,
                (false, true) => Mark::Wrong,
                (false, false) => Mark::Left,
            })
            .collect()
    }

    /// Partial credit on a choose-all card: how many of the right options were ticked, of
    /// how many, and how many wrong ones were ticked too.
    pub fn partial(&self, chosen: &[usize]) -> Partial {
        let marks = self.marks(chosen);
        let count = |m: Mark| marks.iter().filter(|&&x| x == m).count();
        Partial { right: count(Mark::Chosen), of: self.correct.len(), wrong: count(Mark::Wrong) }
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

/// How one option fared in an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Right, and chosen.
    Chosen,
    /// Right, but not chosen.
    Missed,
    /// Wrong, and chosen.
    Wrong,
    /// Wrong, and rightly left alone.
    Left,
}

/// Partial credit on a choose-all card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Partial {
    pub right: usize,
    pub of: usize,
    pub wrong: usize,
}

impl Partial {
    /// "2 of 3 right", with ", 1 wrong ticked" when there were.
    pub fn describe(&self) -> String {
        let mut s = format!("{} of {} right", self.right, self.of);
        if self.wrong > 0 {
            s.push_str(&format!(", {} wrong ticked", self.wrong));
        }
        s
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

/// Every card the content offers, as entries, in content order: authored questions, the
/// drill, then the glossary cards.
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
    out.extend(super::glossary::entries(content));
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
        Origin::Glossary { term, way } => super::glossary::card(content, term, way),
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
        (QuestionKind::Typed, Answer::Typed(_)) => (Vec::new(), Vec::new(), None),
        // The loader pairs kinds and answers; any other pairing cannot be built.
        (kind, answer) => unreachable!("question {} pairs {kind:?} with {answer:?}", q.id),
    };
    Card {
        id: q.id.clone(),
        origin: Origin::Question(index),
        multi: q.kind == QuestionKind::Multi,
        shuffle: q.shuffle && matches!(q.kind, QuestionKind::Single | QuestionKind::Multi),
        prompt: q.prompt.clone(),
        options,
        correct,
        dimension: q.dimension,
        difficulty: q.difficulty,
        explanation: q.explanation.clone(),
        sources: q.sources.clone(),
        about,
        accepted: match &q.answer {
            Answer::Typed(accepted) => accepted.clone(),
            _ => Vec::new(),
        },
        contrast: Vec::new(),
        summary: content.dimensions[q.dimension].summary.clone(),
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
            Origin::Question(_) | Origin::Glossary { .. } => None,
        })
        .collect()
}

/// A leading attribution ("CSCMP: ", "Heizer, Render and Munson: ") names a source, and the
/// source gives the field away: the drill shows the point without it. Recognised by its
/// first word being the first word of a source's author or short label, and by being short.
pub fn strip_attribution<'a>(content: &Content, point: &'a str) -> &'a str {
    let Some((prefix, rest)) = point.split_once(": ") else { return point };
    let first_word = |s: &str| -> String {
        s.split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("").to_lowercase()
    };
    let lead = first_word(prefix);
    if lead.is_empty() || prefix.split_whitespace().count() > 6 || rest.trim().is_empty() {
        return point;
    }
    let names = content.sources.iter().flat_map(|s| [s.author.as_deref(), s.short.as_deref()]).flatten();
    let mut names = names.map(first_word);
    if names.any(|n| n == lead) { rest } else { point }
}

/// The facet a point is on, where the comparison pairs points across the disciplines.
/// Today's model has no facets, so none is paired and the contrast is every point of the
/// other fields; with facets, point `p` below their count is on facet `p`.
fn facet_of(_dimension: &crate::content::Dimension, _point: usize) -> Option<usize> {
    None
}

fn drill_card(content: &Content, di: usize, ci: usize, pi: usize) -> Card {
    let dim = &content.dimensions[di];
    let discipline = &content.disciplines[ci];
    let point = strip_attribution(content, &dim.points[ci][pi]);
    let contrast: Vec<(usize, Vec<String>)> = (0..content.disciplines.len())
        .filter(|&d| d != ci)
        .map(|d| {
            let points: Vec<String> = match facet_of(dim, pi) {
                Some(f) => dim.points[d].get(f).into_iter().cloned().collect(),
                None => dim.points[d].clone(),
            };
            (d, points.iter().map(|p| strip_attribution(content, p).to_string()).collect())
        })
        .collect();
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
        explanation: drill_explanation(content, dim, &discipline.name, &contrast),
        sources: dim.sources.clone(),
        about: Some(About::Discipline(ci)),
        accepted: Vec::new(),
        contrast,
        summary: dim.summary.clone(),
    }
}

/// The drill's feedback: where the point is listed, the dimension's difference in a
/// sentence, and what the other fields say there (as bullets the feedback wraps).
fn drill_explanation(
    content: &Content,
    dim: &crate::content::Dimension,
    field: &str,
    contrast: &[(usize, Vec<String>)],
) -> String {
    let mut text = format!("The comparison lists this under {field} for \u{201c}{}\u{201d}.", dim.title);
    if let Some(summary) = &dim.summary {
        text.push_str("\n\n");
        text.push_str(summary.trim());
    }
    for (d, points) in contrast.iter().filter(|(_, p)| !p.is_empty()) {
        text.push_str(&format!("\n\n{} on the same dimension:", content.disciplines[*d].name));
        for p in points {
            text.push_str("\n\u{2022} ");
            text.push_str(p);
        }
    }
    text
}
