//! Key bindings: what a key is, where it applies, how a key event becomes an action, and the
//! footer hints. The one table of bindings, [`BINDINGS`], is in `bindings.rs`; key handling,
//! the footer, the help overlay and the README's key table are all generated from it.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};

use crate::action::Action;

mod bindings;

use Context::{
    Back, Compare, CompareDimension, CompareList, CompareReading, CompareRelated, CompareShared,
    CompareTerms, Confirm, FitNext, FitResult, FitStatement, Global, Glossary, Help, Progress, QuizFeedback,
    QuizGrade, QuizMulti, QuizQuestion, QuizResults, QuizResume, QuizRetry, QuizStart, QuizTyped, Search,
    Sources,
};
pub use bindings::BINDINGS;

/// Where a binding applies. The app says which contexts are active, most specific first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Everywhere, unless a more specific context binds the same key.
    Global,
    /// The Compare tab.
    Compare,
    /// Compare's matrix, or its list with focus: the selection moves, `→` reads.
    CompareList,
    /// Compare, with a dimension (or the fields' summaries) showing: what it shows.
    CompareDimension,
    /// Compare, with a dimension showing (not the fields' summaries): what the fields share
    /// can be hidden.
    CompareShared,
    /// Compare, reading a dimension across the whole width: the arrows scroll it.
    CompareReading,
    /// Reading a dimension that has related terms on screen: `→` reaches them.
    CompareRelated,
    /// Compare, with the dimension's related terms focused.
    CompareTerms,
    /// The Sources tab.
    Sources,
    /// The quiz's start form.
    QuizStart,
    /// The start form, with an unfinished quiz kept to resume.
    QuizResume,
    /// A quiz question waiting for its answer: the answer keys come before everything but
    /// switching tabs and quitting.
    QuizQuestion,
    /// A question whose answer is typed, waiting for it: every printable key types.
    QuizTyped,
    /// A choose-all-that-apply question: options are ticked.
    QuizMulti,
    /// A question answered, its feedback showing.
    QuizFeedback,
    /// The feedback of a right answer, which may be graded hard, good or easy.
    QuizGrade,
    /// The results of a quiz.
    QuizResults,
    /// The results, with questions missed to retry.
    QuizRetry,
    /// After following a link (quiz → Compare, Glossary → Compare, search → …): the way back.
    Back,
    /// A yes/no question about something that cannot be undone; any other key says no.
    Confirm,
    /// The Glossary tab.
    Glossary,
    /// A self-assessment statement waiting for its rating (letters, so digits still switch tabs).
    FitStatement,
    /// The self-assessment's result.
    FitResult,
    /// The self-assessment's result, with dimensions suggested to read.
    FitNext,
    /// The Progress tab.
    Progress,
    /// The search overlay: every printable key types.
    Search,
    /// The help overlay, which takes every key it binds before anything else.
    Help,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Compare => "Compare",
            Context::CompareList => "Compare: the matrix or the list",
            Context::CompareDimension => "Compare: a dimension or the fields' page",
            Context::CompareShared => "Compare: a dimension",
            Context::CompareReading => "Compare: reading a dimension",
            Context::CompareRelated => "Compare: reading a dimension with related terms",
            Context::CompareTerms => "Compare: the related terms",
            Context::Sources => "Sources",
            Context::QuizStart => "Quiz: start",
            Context::QuizResume => "Quiz: start, with an unfinished quiz",
            Context::QuizQuestion => "Quiz: a question",
            Context::QuizTyped => "Quiz: a question answered by typing",
            Context::QuizMulti => "Quiz: a choose-all question",
            Context::QuizFeedback => "Quiz: after answering",
            Context::QuizGrade => "Quiz: after a right answer",
            Context::QuizResults => "Quiz: results",
            Context::QuizRetry => "Quiz: results with questions missed",
            Context::Back => "After following a link",
            Context::Confirm => "A question to confirm",
            Context::Glossary => "Glossary",
            Context::FitStatement => "Fit: a statement",
            Context::FitResult => "Fit: the result",
            Context::FitNext => "Fit: the result, with dimensions to read",
            Context::Progress => "Progress",
            Context::Search => "Search",
            Context::Help => "Help",
        }
    }
}

/// A key as the table writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
    /// Any of `1`–`9`; the action receives the digit's position.
    Digit,
    /// Any of `a`–`f`, an answer option; the action receives the letter's position.
    OptionLetter,
    /// Any of `a`–`e`, a rating; the action receives 1 to 5.
    RatingLetter,
    /// Any printable character, typed into a text field.
    Text,
}

/// The letters that pick answer options, in order.
pub const OPTION_LETTERS: [char; 6] = ['a', 'b', 'c', 'd', 'e', 'f'];
/// The letters that rate a self-assessment statement, 1 (strongly dislike) to 5.
pub const RATING_LETTERS: [char; 5] = ['a', 'b', 'c', 'd', 'e'];

/// The letter of a rating (1 to 5), as the scale shows it.
pub fn rating_letter(rating: u8) -> char {
    RATING_LETTERS.get(usize::from(rating).wrapping_sub(1)).copied().unwrap_or('?')
}

/// How the footer and help name the letters of `n` options: `a-c`, or `a` for one.
pub fn option_range(n: usize) -> String {
    match n {
        0 | 1 => "a".into(),
        n => format!("a-{}", OPTION_LETTERS[n.min(OPTION_LETTERS.len()) - 1]),
    }
}

impl Key {
    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{c}"),
            Key::Digit => "1-9".into(),
            Key::OptionLetter => "a-f".into(),
            Key::RatingLetter => "a-e".into(),
            Key::Text => "text".into(),
            Key::Code(code) => match code {
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::Left => "←".into(),
                KeyCode::Right => "→".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::PageDown => "PgDn".into(),
                KeyCode::Home => "Home".into(),
                KeyCode::End => "End".into(),
                KeyCode::Enter => "Enter".into(),
                KeyCode::Esc => "Esc".into(),
                KeyCode::Tab => "Tab".into(),
                KeyCode::BackTab => "Shift-Tab".into(),
                KeyCode::Backspace => "Backspace".into(),
                other => format!("{other:?}"),
            },
        }
    }

    /// Key events this key stands for (every one, for the patterns), to tell which keys a
    /// context takes from another (and, in the tests, to press every bound key).
    pub fn examples(self) -> Vec<KeyEvent> {
        let char_ev = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        match self {
            Key::Char(c) => vec![char_ev(c)],
            Key::Ctrl(c) => vec![KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)],
            Key::Code(code) => vec![KeyEvent::new(code, KeyModifiers::NONE)],
            Key::Digit => ('1'..='9').map(char_ev).collect(),
            Key::OptionLetter => OPTION_LETTERS.iter().copied().map(char_ev).collect(),
            Key::RatingLetter => RATING_LETTERS.iter().copied().map(char_ev).collect(),
            Key::Text => (' '..='~').map(char_ev).collect(),
        }
    }

    fn matches(self, ev: &KeyEvent) -> bool {
        let ctrl_alt = ev.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match self {
            // Shift is part of the character already (`G`, `?`).
            Key::Char(c) => ev.code == KeyCode::Char(c) && !ctrl_alt,
            Key::Ctrl(c) => {
                ev.code == KeyCode::Char(c)
                    && ev.modifiers.contains(KeyModifiers::CONTROL)
                    && !ev.modifiers.contains(KeyModifiers::ALT)
            }
            Key::Code(code) => ev.code == code && !ctrl_alt,
            Key::Digit => matches!(ev.code, KeyCode::Char('1'..='9')) && !ctrl_alt,
            Key::OptionLetter => matches!(ev.code, KeyCode::Char('a'..='f')) && !ctrl_alt,
            Key::RatingLetter => matches!(ev.code, KeyCode::Char('a'..='e')) && !ctrl_alt,
            Key::Text => matches!(ev.code, KeyCode::Char(c) if !c.is_control()) && !ctrl_alt,
        }
    }
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// What the help overlay says.
    pub help: &'static str,
    /// What the footer says, for the bindings worth a hint there. Neighbouring bindings with
    /// the same hint share it (`↑↓ move`).
    pub hint: Option<&'static str>,
    /// The hint the footer keeps longest when it is short of room (what this screen is for:
    /// Enter, the answer keys).
    pub main: bool,
}

/// Every context, in the order the help overlay lists them.
pub const ALL_CONTEXTS: [Context; 27] = [
    Global,
    Back,
    Compare,
    CompareList,
    CompareDimension,
    CompareShared,
    CompareReading,
    CompareRelated,
    CompareTerms,
    QuizStart,
    QuizResume,
    QuizQuestion,
    QuizTyped,
    QuizMulti,
    QuizFeedback,
    QuizGrade,
    QuizResults,
    QuizRetry,
    Glossary,
    FitStatement,
    FitResult,
    FitNext,
    Sources,
    Progress,
    Search,
    Confirm,
    Help,
];

/// The action a key event asks for in the given contexts (most specific first), if any.
/// Only presses count: releases and repeats-as-releases (sent by some terminals) are ignored.
pub fn action_for(contexts: &[Context], ev: &KeyEvent) -> Option<Action> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    contexts.iter().find_map(|ctx| {
        BINDINGS
            .iter()
            .filter(|bind| bind.context == *ctx)
            .find(|bind| bind.keys.iter().any(|k| k.matches(ev)))
            .map(|bind| match (bind.action, ev.code) {
                (Action::GoToTab(_), KeyCode::Char(d)) => {
                    Action::GoToTab(d.to_digit(10).map_or(0, |d| d as usize - 1))
                }
                (Action::Choose(_), KeyCode::Char(c)) => {
                    Action::Choose(OPTION_LETTERS.iter().position(|l| *l == c).unwrap_or(0))
                }
                (Action::Rate(_), KeyCode::Char(c)) => {
                    Action::Rate(RATING_LETTERS.iter().position(|l| *l == c).map_or(0, |i| i as u8 + 1))
                }
                (Action::Type(_), KeyCode::Char(c)) => Action::Type(c),
                (action, _) => action,
            })
    })
}

/// The action any terminal event asks for: keys through the table above; a resize; a left
/// click or the wheel (other mouse events, and other events, ask for nothing).
pub fn action_for_event(contexts: &[Context], event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => action_for(contexts, key),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::ScrollDown => Some(Action::Wheel(m.column, m.row, true)),
            MouseEventKind::ScrollUp => Some(Action::Wheel(m.column, m.row, false)),
            _ => None,
        },
        _ => None,
    }
}

/// Whether the innermost of these contexts takes text, typed or pasted (search does).
/// Elsewhere a paste is dropped: pasted text must never act as commands.
pub fn takes_text(contexts: &[Context]) -> bool {
    contexts.first().is_some_and(|ctx| bindings_for(*ctx).any(|b| b.keys.contains(&Key::Text)))
}

/// The bindings of one context, for the help overlay.
pub fn bindings_for(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |bind| bind.context == context)
}

/// A footer hint: the keys, what they do, and the context they come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub keys: String,
    pub label: &'static str,
    pub context: Context,
    /// The first key shown (to name option letters by the question's own range).
    pub key: Key,
    pub action: Action,
    pub main: bool,
}

impl Hint {
    /// Which hints a narrow footer keeps first (lower first): what the screen is for, then
    /// help (which shows everything else), the way back, quitting, the other local keys, and
    /// search last.
    pub fn priority(&self) -> u8 {
        match (self.context, self.action) {
            (_, _) if self.main => 0,
            (Global, Action::ToggleHelp) => 1,
            (Back, _) => 2,
            (Global, Action::Quit) => 3,
            (Global, Action::OpenSearch) => 5,
            (Global, _) => 6,
            _ => 4,
        }
    }
}

/// Footer hints for the given contexts, most specific context first.
pub fn hints(contexts: &[Context]) -> Vec<Hint> {
    let mut out: Vec<Hint> = Vec::new();
    for (i, ctx) in contexts.iter().enumerate() {
        // A key a more specific context takes for itself is not this binding's to offer.
        let shadowed = |key: &Key| {
            key.examples().iter().any(|ev| {
                contexts[..i].iter().any(|c| bindings_for(*c).any(|b| b.keys.iter().any(|k| k.matches(ev))))
            })
        };
        let mut previous: Option<&'static str> = None;
        for bind in bindings_for(*ctx) {
            let key = bind.keys.iter().find(|k| !shadowed(k));
            let hint = bind.hint.zip(key);
            match (hint, out.last_mut()) {
                (Some((label, key)), Some(last)) if previous == Some(label) && last.label == label => {
                    let key = key.label();
                    if !(is_glyph(&last.keys) && is_glyph(&key)) {
                        last.keys.push('/');
                    }
                    last.keys.push_str(&key);
                }
                (Some((label, key)), _) => out.push(Hint {
                    keys: key.label(),
                    label,
                    context: *ctx,
                    key: *key,
                    action: bind.action,
                    main: bind.main,
                }),
                (None, _) => {}
            }
            previous = hint.map(|(label, _)| label);
        }
    }
    out
}

/// Arrows and the like read well run together (`↑↓`); letters and names need a separator.
fn is_glyph(label: &str) -> bool {
    label.chars().all(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests;
