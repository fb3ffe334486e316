//! Key bindings: what a key is, where it applies, how a key event becomes an action, and the
//! footer hints. The one table of bindings, [`BINDINGS`], is in `bindings.rs`; key handling,
//! the footer, the help overlay and the README's key table are all generated from it.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};

use crate::action::Action;

mod bindings;

use Context::{
    Compare, FitResult, FitStatement, FromQuiz, Global, Glossary, Help, QuizFeedback, QuizGrade,
    QuizQuestion, QuizResults, QuizStart, QuizTyped, Search, Sources,
};
pub use bindings::BINDINGS;

/// Where a binding applies. The app says which contexts are active, most specific first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Everywhere, unless a more specific context binds the same key.
    Global,
    /// The Compare tab.
    Compare,
    /// The Sources tab.
    Sources,
    /// The quiz's start form.
    QuizStart,
    /// A quiz question waiting for its answer: the answer keys come before everything but
    /// switching tabs and quitting.
    QuizQuestion,
    /// A question whose answer is typed, waiting for it: every printable key types.
    QuizTyped,
    /// A question answered, its feedback showing.
    QuizFeedback,
    /// The feedback of a right answer, which may be graded hard, good or easy.
    QuizGrade,
    /// The results of a quiz.
    QuizResults,
    /// Compare, opened from a quiz's feedback.
    FromQuiz,
    /// The Glossary tab.
    Glossary,
    /// A self-assessment statement waiting for its rating: 1–5 rate before they switch tabs.
    FitStatement,
    /// The self-assessment's result.
    FitResult,
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
            Context::Sources => "Sources",
            Context::QuizStart => "Quiz: start",
            Context::QuizQuestion => "Quiz: a question",
            Context::QuizTyped => "Quiz: a question answered by typing",
            Context::QuizFeedback => "Quiz: after answering",
            Context::QuizGrade => "Quiz: after a right answer",
            Context::QuizResults => "Quiz: results",
            Context::FromQuiz => "Compare, opened from the quiz",
            Context::Glossary => "Glossary",
            Context::FitStatement => "Fit: a statement",
            Context::FitResult => "Fit: the result",
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
    /// Any of `1`–`5`, a rating; the action receives the number.
    Rating,
    /// Any printable character, typed into a text field.
    Text,
}

/// The letters that pick answer options, in order.
pub const OPTION_LETTERS: [char; 6] = ['a', 'b', 'c', 'd', 'e', 'f'];

impl Key {
    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{c}"),
            Key::Digit => "1-9".into(),
            Key::OptionLetter => "a-f".into(),
            Key::Rating => "1-5".into(),
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
            Key::Rating => ('1'..='5').map(char_ev).collect(),
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
            Key::Rating => matches!(ev.code, KeyCode::Char('1'..='5')) && !ctrl_alt,
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
}

/// Every context, in the order the help overlay lists them.
pub const ALL_CONTEXTS: [Context; 15] = [
    Global,
    Compare,
    FromQuiz,
    QuizStart,
    QuizQuestion,
    QuizTyped,
    QuizFeedback,
    QuizGrade,
    QuizResults,
    Glossary,
    FitStatement,
    FitResult,
    Sources,
    Search,
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
                (Action::Rate(_), KeyCode::Char(d)) => Action::Rate(d.to_digit(10).map_or(0, |d| d as u8)),
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
                (Some((label, key)), _) => out.push(Hint { keys: key.label(), label, context: *ctx }),
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
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        let all_events = [
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
        ]
        .into_iter()
        .map(|c| press(c, KeyModifiers::NONE))
        .chain((' '..='~').map(|c| press(KeyCode::Char(c), KeyModifiers::NONE)))
        .chain(('a'..='z').map(|c| press(KeyCode::Char(c), KeyModifiers::CONTROL)));
        for ev in all_events {
            for ctx in ALL_CONTEXTS {
                let n = bindings_for(ctx).filter(|bind| bind.keys.iter().any(|k| k.matches(&ev))).count();
                assert!(n <= 1, "{ev:?} is bound {n} times in {ctx:?}");
            }
        }
    }

    #[test]
    fn keys_resolve_by_context() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action_for(&[Compare, Global], &q), Some(Action::Quit));
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(&[Help, Global], &ctrl_c), Some(Action::Quit));
        let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(action_for(&[Compare, Global], &j), Some(Action::Down));
        let big_g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(action_for(&[Compare, Global], &big_g), Some(Action::Last));
        let three = press(KeyCode::Char('3'), KeyModifiers::NONE);
        assert_eq!(action_for(&[Compare, Global], &three), Some(Action::GoToTab(2)));
        // While a question waits for its answer, its letters win.
        let c = press(KeyCode::Char('c'), KeyModifiers::NONE);
        assert_eq!(action_for(&[QuizQuestion, Global], &c), Some(Action::Choose(2)));
        assert_eq!(action_for(&[QuizQuestion, Global], &q), Some(Action::Quit));
        let tab = press(KeyCode::Tab, KeyModifiers::NONE);
        assert_eq!(action_for(&[QuizQuestion, Global], &tab), Some(Action::NextTab));
        let esc = press(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(action_for(&[Help, Global], &esc), Some(Action::ToggleHelp));
        // Ctrl-j is not j.
        let ctrl_j = press(KeyCode::Char('j'), KeyModifiers::CONTROL);
        assert_eq!(action_for(&[Compare, Global], &ctrl_j), None);
    }

    #[test]
    fn releases_are_ignored() {
        let mut ev = press(KeyCode::Char('q'), KeyModifiers::NONE);
        ev.kind = KeyEventKind::Release;
        assert_eq!(action_for(&[Global], &ev), None);
    }

    #[test]
    fn hints_merge_neighbours() {
        let h = hints(&[Compare, Global]);
        let text: Vec<String> = h.iter().map(|h| format!("{} {}", h.keys, h.label)).collect();
        assert_eq!(text, ["↑↓ move", "←→ focus", "p/n prev/next", "/ search", "? help", "q quit"]);
        let h = hints(&[Help, Global]);
        let text: Vec<String> = h.iter().map(|h| format!("{} {}", h.keys, h.label)).collect();
        assert_eq!(text, ["Esc close", "↑↓ scroll", "/ search", "q quit"]);
        // In search every printable key types: the global hints that are letters go.
        let h = hints(&[Search, Global]);
        let text: Vec<String> = h.iter().map(|h| format!("{} {}", h.keys, h.label)).collect();
        assert_eq!(text, ["↑↓ choose", "Enter go", "Esc close", "Ctrl-c quit"]);
    }
}
