//! A quiz session: which cards to ask, in what order, the answers given, and the results.

use super::card::{About, Card, Entry, Origin, card, entries};
use super::schedule::Schedule;
use super::typed::TypedMatch;
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
    /// The glossary's cards: each term's name typed from its definition, and its
    /// definition chosen from others'.
    Glossary,
    /// The leeches: cards (authored or drill) missed at least
    /// [`LEECH_MISSES`](super::schedule::LEECH_MISSES) times, most missed first.
    Leeches,
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
    /// The options chosen (empty for a typed answer).
    pub chosen: Vec<usize>,
    pub correct: bool,
    /// Seconds since the Unix epoch.
    pub at: u64,
    /// What was typed, and how it matched, for a typed card.
    pub typed: Option<(String, TypedMatch)>,
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
    let drill = |e: &Entry| matches!(e.origin, Origin::Drill { .. });
    let glossary = |e: &Entry| matches!(e.origin, Origin::Glossary { .. });
    let all = entries(content).into_iter().filter(fits);
    match plan.scope {
        Scope::All => all.filter(authored).collect(),
        Scope::Group(g) => {
            all.filter(|e| authored(e) && content.dimensions[e.dimension].group == g).collect()
        }
        Scope::Drill => all.filter(drill).collect(),
        Scope::Glossary => all.filter(glossary).collect(),
        Scope::Leeches => {
            let mut leeches: Vec<(u32, Entry)> = all
                .filter_map(|e| schedule.slot(&e.id).filter(|s| s.is_leech()).map(|s| (s.misses, e)))
                .collect();
            // Stable: equally missed ones keep content order.
            leeches.sort_by_key(|(misses, _)| std::cmp::Reverse(*misses));
            leeches.into_iter().map(|(_, e)| e).collect()
        }
        Scope::Due => {
            let mut due = Vec::new();
            let mut new = Vec::new();
            for e in all {
                match schedule.slot(&e.id) {
                    Some(slot) if slot.due_at() <= now => due.push((slot.due_at(), e)),
                    Some(_) => {}
                    // New glossary cards come from the Glossary run; the due run fills up with
                    // the comparison's (once seen, glossary cards come back here when due).
                    None if glossary(&e) => {}
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

/// How many of the content's cards fall due on each of the next `days` days (day 0: the
/// 24 hours from now, with everything already due). For "due over the next 7 days" and the
/// Progress tab's 14-day forecast.
pub fn due_forecast(content: &Content, schedule: &Schedule, now: u64, days: usize) -> Vec<usize> {
    let entries = entries(content);
    schedule.forecast(entries.iter().map(|e| e.id.as_str()), now, days)
}

/// The leeches among the content's cards, most missed first, with how often each was
/// missed.
pub fn leeches(content: &Content, schedule: &Schedule) -> Vec<(Entry, u32)> {
    let plan = Plan { scope: Scope::Leeches, count: None, difficulty: Difficulty::Any };
    select(content, &plan, schedule, 0)
        .into_iter()
        .map(|e| {
            let misses = schedule.slot(&e.id).map_or(0, |s| s.misses);
            (e, misses)
        })
        .collect()
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
        // Due and leech runs keep their order of priority for the cut.
        let ranked = matches!(plan.scope, Scope::Due | Scope::Leeches);
        if !ranked {
            rng.shuffle(&mut chosen);
        }
        if let Some(n) = plan.count {
            chosen.truncate(n);
        }
        if ranked {
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
        self.responses[self.current] = Some(Response { chosen, correct, at: now, typed: None });
        Some(correct)
    }

    /// Answers the current card, a typed one, with the text typed (once); returns how it
    /// matched. `None` if the card is not typed or already answered.
    pub fn answer_typed(&mut self, text: &str, now: u64) -> Option<TypedMatch> {
        let card = self.cards.get(self.current)?;
        if self.responses[self.current].is_some() || !card.is_typed() {
            return None;
        }
        let m = card.check_typed(text);
        self.responses[self.current] = Some(Response {
            chosen: Vec::new(),
            correct: m.correct,
            at: now,
            typed: Some((text.to_string(), m.clone())),
        });
        Some(m)
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

/// Leaving a question for later, and leaving the quiz early.
impl Session {
    /// Moves the current card, unanswered, to the end, so the next one shows. False (and
    /// nothing changes) when no other card is waiting for its answer.
    pub fn skip(&mut self) -> bool {
        let others_waiting = self.responses.iter().enumerate().any(|(i, r)| i != self.current && r.is_none());
        if self.responses.get(self.current).is_none_or(Option::is_some) || !others_waiting {
            return false;
        }
        let card = self.cards.remove(self.current);
        let response = self.responses.remove(self.current);
        self.cards.push(card);
        self.responses.push(response);
        true
    }

    /// Keeps only the cards answered, so the results are those of what was asked.
    pub fn end_early(&mut self) {
        let answered: Vec<bool> = self.responses.iter().map(Option::is_some).collect();
        let mut keep = answered.iter();
        self.cards.retain(|_| *keep.next().unwrap_or(&false));
        self.responses.retain(Option::is_some);
        self.current = self.cards.len().saturating_sub(1);
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

    /// The field missed most, by rate: only when one field's rate of misses is above every
    /// other's (a tie, a single row, or no misses single nothing out).
    pub fn missed_most(&self) -> Option<About> {
        if self.by_about.len() < 2 {
            return None;
        }
        // Rates compared by cross-multiplying: a/b > c/d when a*d > c*b.
        let above = |a: &Tally, b: &Tally| a.missed() * b.total > b.missed() * a.total;
        let rows = &self.by_about;
        let worst = (0..rows.len()).find(|&i| {
            rows[i].1.missed() > 0 && (0..rows.len()).all(|j| j == i || above(&rows[i].1, &rows[j].1))
        })?;
        Some(rows[worst].0)
    }
}

/// The score of each round, the first run and then each retry of the missed ones, for the
/// path from the first try to all right.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoundPath {
    /// (right, total) per round, in order.
    pub rounds: Vec<(usize, usize)>,
}

impl RoundPath {
    /// Adds a finished round (the first run, or a retry).
    pub fn push(&mut self, r: &Results) {
        self.rounds.push((r.right, r.total));
    }

    /// "4/10 → 5/6 → 1/1".
    pub fn describe(&self) -> String {
        self.rounds.iter().map(|(r, t)| format!("{r}/{t}")).collect::<Vec<_>>().join(" \u{2192} ")
    }
}
