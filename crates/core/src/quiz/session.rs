//! A quiz session: which cards to ask, in what order, the answers given, and the results.

use super::card::{About, Card, Entry, Origin, card, entries};
use super::schedule::Schedule;
use crate::content::Content;

/// What to practise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every authored question.
    All,
    /// The authored questions of one group of dimensions.
    Group(usize),
    /// What the review schedule says is due (authored and drill), most overdue first, then
    /// questions never seen, to fill the run.
    Due,
    /// "Which field does this describe?", from the comparison's points.
    Drill,
}

/// Which difficulty to include.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Difficulty {
    Any,
    Only(u8),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub scope: Scope,
    /// At most this many cards; `None` for all that match.
    pub count: Option<usize>,
    pub difficulty: Difficulty,
}

/// An answer given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub chosen: Vec<usize>,
    pub correct: bool,
    /// Seconds since the Unix epoch.
    pub at: u64,
}

#[derive(Debug, Clone)]
pub struct Session {
    pub cards: Vec<Card>,
    pub responses: Vec<Option<Response>>,
    /// The card being asked (or the last one, once finished).
    pub current: usize,
    pub started_at: u64,
}

/// The cards a plan selects from everything the content offers, as entries in order of
/// priority: for `Due`, most overdue first, then never seen; otherwise content order (the
/// session shuffles). Nothing is built here, so counting matches stays cheap.
pub fn select(content: &Content, plan: &Plan, schedule: &Schedule, now: u64) -> Vec<Entry> {
    let fits = |e: &Entry| match plan.difficulty {
        Difficulty::Any => true,
        Difficulty::Only(d) => e.difficulty == d,
    };
    let authored = |e: &Entry| matches!(e.origin, Origin::Question(_));
    let all = entries(content).into_iter().filter(fits);
    match plan.scope {
        Scope::All => all.filter(authored).collect(),
        Scope::Group(g) => {
            all.filter(|e| authored(e) && content.dimensions[e.dimension].group == g).collect()
        }
        Scope::Drill => all.filter(|e| !authored(e)).collect(),
        Scope::Due => {
            let mut due = Vec::new();
            let mut new = Vec::new();
            for e in all {
                match schedule.slot(&e.id) {
                    Some(slot) if slot.due_at() <= now => due.push((slot.due_at(), e)),
                    Some(_) => {}
                    None => new.push(e),
                }
            }
            due.sort_by_key(|(at, _)| *at);
            due.into_iter().map(|(_, e)| e).chain(new).collect()
        }
    }
}

/// How many cards are due for review now.
pub fn due_count(content: &Content, schedule: &Schedule, now: u64) -> usize {
    entries(content).iter().filter(|e| schedule.is_due(&e.id, now)).count()
}

impl Session {
    /// A session over the selected cards: shuffled (except a due run, which keeps the most
    /// overdue first and shuffles only within what it takes), cut to the count, options
    /// shuffled.
    pub fn start(
        content: &Content,
        mut chosen: Vec<Entry>,
        plan: &Plan,
        rng: &mut fastrand::Rng,
        now: u64,
    ) -> Session {
        if plan.scope != Scope::Due {
            rng.shuffle(&mut chosen);
        }
        if let Some(n) = plan.count {
            chosen.truncate(n);
        }
        if plan.scope == Scope::Due {
            rng.shuffle(&mut chosen);
        }
        let cards = chosen.iter().map(|e| card(content, &e.origin)).collect();
        Session::from_cards(cards, rng, now)
    }

    /// A session over exactly these cards, in a new order with options shuffled (used to
    /// retry the ones missed).
    pub fn from_cards(mut cards: Vec<Card>, rng: &mut fastrand::Rng, now: u64) -> Session {
        for c in &mut cards {
            c.shuffle_options(rng);
        }
        let n = cards.len();
        Session { cards, responses: vec![None; n], current: 0, started_at: now }
    }

    pub fn card(&self) -> Option<&Card> {
        self.cards.get(self.current)
    }

    pub fn response(&self) -> Option<&Response> {
        self.responses.get(self.current).and_then(Option::as_ref)
    }

    /// Answers the current card (once); returns whether it was right.
    pub fn answer(&mut self, chosen: Vec<usize>, now: u64) -> Option<bool> {
        let card = self.cards.get(self.current)?;
        if self.responses[self.current].is_some() {
            return None;
        }
        let correct = card.is_correct(&chosen);
        self.responses[self.current] = Some(Response { chosen, correct, at: now });
        Some(correct)
    }

    /// Moves to the next card; false when there is none.
    pub fn advance(&mut self) -> bool {
        if self.current + 1 < self.cards.len() {
            self.current += 1;
            true
        } else {
            false
        }
    }

    pub fn is_finished(&self) -> bool {
        self.responses.iter().all(Option::is_some)
    }

    pub fn missed(&self) -> Vec<Card> {
        self.cards
            .iter()
            .zip(&self.responses)
            .filter(|(_, r)| !r.as_ref().is_some_and(|r| r.correct))
            .map(|(c, _)| c.clone())
            .collect()
    }

    pub fn results(&self, content: &Content) -> Results {
        let mut r = Results { total: self.cards.len(), ..Results::default() };
        let mut by_group: Vec<Tally> = vec![Tally::default(); content.groups.len()];
        let mut by_about: Vec<(About, Tally)> = Vec::new();
        for (i, (card, resp)) in self.cards.iter().zip(&self.responses).enumerate() {
            let right = resp.as_ref().is_some_and(|r| r.correct);
            r.right += usize::from(right);
            if !right {
                r.missed.push(i);
            }
            by_group[content.dimensions[card.dimension].group].add(right);
            if let Some(about) = card.about {
                match by_about.iter_mut().find(|(a, _)| *a == about) {
                    Some((_, t)) => t.add(right),
                    None => by_about.push((about, Tally::of(right))),
                }
            }
        }
        by_about.sort_by_key(|(a, _)| *a);
        r.by_group = by_group.into_iter().enumerate().filter(|(_, t)| t.total > 0).collect();
        r.by_about = by_about;
        let last = self.responses.iter().flatten().map(|r| r.at).max().unwrap_or(self.started_at);
        r.seconds = last.saturating_sub(self.started_at);
        r
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub right: usize,
    pub total: usize,
}

impl Tally {
    fn of(right: bool) -> Tally {
        Tally { right: usize::from(right), total: 1 }
    }

    fn add(&mut self, right: bool) {
        self.right += usize::from(right);
        self.total += 1;
    }

    pub fn missed(&self) -> usize {
        self.total - self.right
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    pub right: usize,
    pub total: usize,
    /// From the start to the last answer.
    pub seconds: u64,
    /// Per group of dimensions (group index, tally), groups with questions only.
    pub by_group: Vec<(usize, Tally)>,
    /// Per discipline the answer belongs to (which-field questions and the drill).
    pub by_about: Vec<(About, Tally)>,
    /// Indices into the session's cards.
    pub missed: Vec<usize>,
}

impl Results {
    pub fn percent(&self) -> u32 {
        (self.right * 100).checked_div(self.total).unwrap_or(0) as u32
    }
}
