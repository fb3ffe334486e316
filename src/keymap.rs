//! The one table of key bindings. Key handling, the footer hints and the help overlay are all
//! generated from [`BINDINGS`], so they cannot disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::action::Action;

/// Where a binding applies. The app says which contexts are active, most specific first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// A question answered, its feedback showing.
    QuizFeedback,
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
            Context::QuizFeedback => "Quiz: after answering",
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
    /// context takes from another.
    fn examples(self) -> Vec<KeyEvent> {
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

use Context::{
    Compare, FitResult, FitStatement, FromQuiz, Global, Glossary, Help, QuizFeedback, QuizQuestion,
    QuizResults, QuizStart, Search, Sources,
};
use KeyCode as K;

const fn b(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding { context, keys, action, help, hint }
}

pub const BINDINGS: &[Binding] = &[
    // The help overlay.
    b(Help, &[Key::Code(K::Esc), Key::Char('?')], Action::ToggleHelp, "close help", Some("close")),
    b(Help, &[Key::Code(K::Up), Key::Char('k')], Action::Up, "scroll up", Some("scroll")),
    b(Help, &[Key::Code(K::Down), Key::Char('j')], Action::Down, "scroll down", Some("scroll")),
    b(Help, &[Key::Code(K::PageUp), Key::Ctrl('u')], Action::PageUp, "page up", None),
    b(Help, &[Key::Code(K::PageDown), Key::Ctrl('d')], Action::PageDown, "page down", None),
    b(Help, &[Key::Char('g'), Key::Code(K::Home)], Action::First, "top", None),
    b(Help, &[Key::Char('G'), Key::Code(K::End)], Action::Last, "bottom", None),
    // Compare.
    b(
        Compare,
        &[Key::Code(K::Up), Key::Char('k')],
        Action::Up,
        "previous dimension, or scroll the focused pane up",
        Some("move"),
    ),
    b(
        Compare,
        &[Key::Code(K::Down), Key::Char('j')],
        Action::Down,
        "next dimension, or scroll the focused pane down",
        Some("move"),
    ),
    b(
        Compare,
        &[Key::Code(K::Left), Key::Char('h')],
        Action::FocusPrev,
        "focus the region to the left (panes → list)",
        Some("focus"),
    ),
    b(
        Compare,
        &[Key::Code(K::Right), Key::Char('l')],
        Action::FocusNext,
        "focus the region to the right (list → panes → overlap)",
        Some("focus"),
    ),
    b(Compare, &[Key::Code(K::PageUp), Key::Ctrl('u')], Action::PageUp, "page up", None),
    b(Compare, &[Key::Code(K::PageDown), Key::Ctrl('d')], Action::PageDown, "page down", None),
    b(
        Compare,
        &[Key::Char('g'), Key::Code(K::Home)],
        Action::First,
        "first dimension, or top of the pane",
        None,
    ),
    b(
        Compare,
        &[Key::Char('G'), Key::Code(K::End)],
        Action::Last,
        "last dimension, or bottom of the pane",
        None,
    ),
    b(
        Compare,
        &[Key::Char('p')],
        Action::PrevItem,
        "previous dimension, wherever the focus is",
        Some("prev/next"),
    ),
    b(
        Compare,
        &[Key::Char('n')],
        Action::NextItem,
        "next dimension, wherever the focus is",
        Some("prev/next"),
    ),
    b(
        Compare,
        &[Key::Code(K::Enter)],
        Action::Select,
        "read the selected dimension (focus its first pane)",
        None,
    ),
    b(Compare, &[Key::Code(K::Esc)], Action::Back, "back to the list", None),
    // The search overlay.
    b(Search, &[Key::Text], Action::Type(' '), "type to search (fuzzy: letters in order)", None),
    b(Search, &[Key::Code(K::Backspace)], Action::DeleteChar, "delete the last character", None),
    b(Search, &[Key::Ctrl('u')], Action::ClearQuery, "clear the search", None),
    b(Search, &[Key::Code(K::Up), Key::Ctrl('p')], Action::Up, "previous result", Some("choose")),
    b(Search, &[Key::Code(K::Down), Key::Ctrl('n')], Action::Down, "next result", Some("choose")),
    b(Search, &[Key::Code(K::PageUp)], Action::PageUp, "page up", None),
    b(Search, &[Key::Code(K::PageDown)], Action::PageDown, "page down", None),
    b(Search, &[Key::Code(K::Enter)], Action::Select, "go to the result in its tab", Some("go")),
    b(Search, &[Key::Code(K::Esc)], Action::Back, "close search", Some("close")),
    // The glossary.
    b(
        Glossary,
        &[Key::Code(K::Up), Key::Char('k')],
        Action::Up,
        "previous term, or previous related dimension",
        Some("move"),
    ),
    b(
        Glossary,
        &[Key::Code(K::Down), Key::Char('j')],
        Action::Down,
        "next term, or next related dimension",
        Some("move"),
    ),
    b(
        Glossary,
        &[Key::Code(K::Left), Key::Char('h')],
        Action::FocusPrev,
        "focus the list of terms",
        Some("focus"),
    ),
    b(
        Glossary,
        &[Key::Code(K::Right), Key::Char('l')],
        Action::FocusNext,
        "focus the dimensions the term relates to",
        Some("focus"),
    ),
    b(Glossary, &[Key::Code(K::PageUp), Key::Ctrl('u')], Action::PageUp, "page up", None),
    b(Glossary, &[Key::Code(K::PageDown), Key::Ctrl('d')], Action::PageDown, "page down", None),
    b(Glossary, &[Key::Char('g'), Key::Code(K::Home)], Action::First, "first", None),
    b(Glossary, &[Key::Char('G'), Key::Code(K::End)], Action::Last, "last", None),
    b(
        Glossary,
        &[Key::Char('f')],
        Action::CycleFilter,
        "show all terms, each field's, or the shared ones",
        Some("filter"),
    ),
    b(
        Glossary,
        &[Key::Code(K::Enter)],
        Action::Select,
        "open the highlighted related dimension in Compare",
        Some("open"),
    ),
    b(Glossary, &[Key::Code(K::Esc)], Action::Back, "back to the list of terms", None),
    // Which field fits me: a statement.
    b(
        FitStatement,
        &[Key::Rating],
        Action::Rate(0),
        "rate the statement: 1 strongly dislike … 5 strongly like",
        Some("rate"),
    ),
    b(
        FitStatement,
        &[Key::Code(K::Up), Key::Char('k'), Key::Code(K::Left), Key::Char('h')],
        Action::Up,
        "previous statement (to change an answer)",
        Some("back"),
    ),
    b(
        FitStatement,
        &[Key::Code(K::Down), Key::Char('j'), Key::Code(K::Right), Key::Char('l')],
        Action::Down,
        "next statement",
        Some("next"),
    ),
    b(FitStatement, &[Key::Char('g'), Key::Code(K::Home)], Action::First, "first statement", None),
    b(FitStatement, &[Key::Char('G'), Key::Code(K::End)], Action::Last, "last statement", None),
    b(
        FitStatement,
        &[Key::Code(K::Enter)],
        Action::Select,
        "see the result now (unrated statements count as neutral)",
        Some("result"),
    ),
    // Which field fits me: the result.
    b(FitResult, &[Key::Code(K::Up), Key::Char('k')], Action::Up, "previous dimension to read", Some("move")),
    b(FitResult, &[Key::Code(K::Down), Key::Char('j')], Action::Down, "next dimension to read", Some("move")),
    b(
        FitResult,
        &[Key::Code(K::PageUp), Key::Ctrl('u')],
        Action::PageUp,
        "scroll the result up",
        Some("scroll"),
    ),
    b(
        FitResult,
        &[Key::Code(K::PageDown), Key::Ctrl('d')],
        Action::PageDown,
        "scroll the result down",
        Some("scroll"),
    ),
    b(
        FitResult,
        &[Key::Code(K::Enter)],
        Action::Select,
        "read the highlighted dimension in Compare",
        Some("read"),
    ),
    b(
        FitResult,
        &[Key::Code(K::Esc), Key::Code(K::Left), Key::Char('h')],
        Action::Back,
        "back to the statements, to change answers",
        Some("back"),
    ),
    b(FitResult, &[Key::Char('r')], Action::Restart, "clear every rating and start again", Some("restart")),
    // Compare, reached from a quiz question.
    b(
        FromQuiz,
        &[Key::Char('b')],
        Action::BackToQuiz,
        "back to the quiz, where you left it",
        Some("back to quiz"),
    ),
    // Quiz: the start form.
    b(QuizStart, &[Key::Code(K::Up), Key::Char('k')], Action::Up, "previous field", Some("field")),
    b(QuizStart, &[Key::Code(K::Down), Key::Char('j')], Action::Down, "next field", Some("field")),
    b(QuizStart, &[Key::Code(K::Left), Key::Char('h')], Action::FocusPrev, "previous choice", Some("change")),
    b(QuizStart, &[Key::Code(K::Right), Key::Char('l')], Action::FocusNext, "next choice", Some("change")),
    b(QuizStart, &[Key::Code(K::Enter)], Action::Select, "start the quiz", Some("start")),
    // Quiz: a question. Its letters come first, even the ones bound elsewhere.
    b(
        QuizQuestion,
        &[Key::OptionLetter],
        Action::Choose(0),
        "answer with that option (on choose-all questions: tick it)",
        Some("answer"),
    ),
    b(
        QuizQuestion,
        &[Key::Code(K::Up), Key::Char('k')],
        Action::Up,
        "highlight the previous option",
        Some("move"),
    ),
    b(
        QuizQuestion,
        &[Key::Code(K::Down), Key::Char('j')],
        Action::Down,
        "highlight the next option",
        Some("move"),
    ),
    b(QuizQuestion, &[Key::Code(K::Home), Key::Char('g')], Action::First, "highlight the first option", None),
    b(QuizQuestion, &[Key::Code(K::End), Key::Char('G')], Action::Last, "highlight the last option", None),
    b(
        QuizQuestion,
        &[Key::Char(' ')],
        Action::Toggle,
        "tick or untick the highlighted option (choose-all questions)",
        Some("tick"),
    ),
    b(
        QuizQuestion,
        &[Key::Code(K::Enter)],
        Action::Select,
        "answer with the highlighted option, or submit the ticked ones",
        Some("submit"),
    ),
    // Quiz: after answering.
    b(
        QuizFeedback,
        &[Key::Code(K::Enter), Key::Char('n')],
        Action::Select,
        "next question (or the results)",
        Some("next"),
    ),
    b(
        QuizFeedback,
        &[Key::Char('c')],
        Action::OpenInCompare,
        "read this question's dimension in Compare (b comes back)",
        Some("compare"),
    ),
    b(QuizFeedback, &[Key::Code(K::Up), Key::Char('k')], Action::Up, "scroll up", None),
    b(QuizFeedback, &[Key::Code(K::Down), Key::Char('j')], Action::Down, "scroll down", None),
    b(QuizFeedback, &[Key::Code(K::PageUp), Key::Ctrl('u')], Action::PageUp, "page up", None),
    b(QuizFeedback, &[Key::Code(K::PageDown), Key::Ctrl('d')], Action::PageDown, "page down", None),
    // Quiz: results.
    b(
        QuizResults,
        &[Key::Char('r')],
        Action::RetryMissed,
        "quiz again on the missed questions",
        Some("retry missed"),
    ),
    b(
        QuizResults,
        &[Key::Char('n'), Key::Code(K::Enter)],
        Action::NewQuiz,
        "back to the start form for a new quiz",
        Some("new quiz"),
    ),
    b(QuizResults, &[Key::Code(K::Up), Key::Char('k')], Action::Up, "scroll up", Some("scroll")),
    b(QuizResults, &[Key::Code(K::Down), Key::Char('j')], Action::Down, "scroll down", Some("scroll")),
    b(QuizResults, &[Key::Code(K::PageUp), Key::Ctrl('u')], Action::PageUp, "page up", None),
    b(QuizResults, &[Key::Code(K::PageDown), Key::Ctrl('d')], Action::PageDown, "page down", None),
    // Sources.
    b(
        Sources,
        &[Key::Code(K::Up), Key::Char('k')],
        Action::Up,
        "previous source, or previous citing dimension",
        Some("move"),
    ),
    b(
        Sources,
        &[Key::Code(K::Down), Key::Char('j')],
        Action::Down,
        "next source, or next citing dimension",
        Some("move"),
    ),
    b(
        Sources,
        &[Key::Code(K::Left), Key::Char('h')],
        Action::FocusPrev,
        "focus the list of sources",
        Some("focus"),
    ),
    b(
        Sources,
        &[Key::Code(K::Right), Key::Char('l')],
        Action::FocusNext,
        "focus the dimensions that cite the source",
        Some("focus"),
    ),
    b(Sources, &[Key::Code(K::PageUp), Key::Ctrl('u')], Action::PageUp, "page up", None),
    b(Sources, &[Key::Code(K::PageDown), Key::Ctrl('d')], Action::PageDown, "page down", None),
    b(Sources, &[Key::Char('g'), Key::Code(K::Home)], Action::First, "first", None),
    b(Sources, &[Key::Char('G'), Key::Code(K::End)], Action::Last, "last", None),
    b(Sources, &[Key::Code(K::Enter)], Action::Select, "open the citing dimension in Compare", Some("open")),
    b(Sources, &[Key::Code(K::Esc)], Action::Back, "back to the list of sources", None),
    // Everywhere.
    b(Global, &[Key::Code(K::Tab)], Action::NextTab, "next tab", None),
    b(Global, &[Key::Code(K::BackTab)], Action::PrevTab, "previous tab", None),
    b(Global, &[Key::Digit], Action::GoToTab(0), "go to tab 1-9", None),
    b(Global, &[Key::Char('/')], Action::OpenSearch, "search everything", Some("search")),
    b(Global, &[Key::Char('?')], Action::ToggleHelp, "show or hide this help", Some("help")),
    b(Global, &[Key::Char('q'), Key::Ctrl('c')], Action::Quit, "quit", Some("quit")),
];

/// Every context, in the order the help overlay lists them.
pub const ALL_CONTEXTS: [Context; 13] = [
    Global,
    Compare,
    FromQuiz,
    QuizStart,
    QuizQuestion,
    QuizFeedback,
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
