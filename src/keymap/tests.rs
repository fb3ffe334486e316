//! Tests of the key table: resolution by context, shadowing, the rules keys keep.
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
fn digits_switch_tabs_everywhere_but_text_entry() {
    let contexts: [&[Context]; 9] = [
        &[FitStatement, Global],
        &[FitResult, Global],
        &[QuizQuestion, Global],
        &[QuizMulti, QuizQuestion, Global],
        &[QuizFeedback, Back, Global],
        &[QuizStart, Global],
        &[Compare, Back, Global],
        &[Help, Global],
        &[Confirm, Compare, Global],
    ];
    for ctx in contexts {
        for d in 1..=9u32 {
            let ev = press(KeyCode::Char(char::from_digit(d, 10).unwrap()), KeyModifiers::NONE);
            assert_eq!(action_for(ctx, &ev), Some(Action::GoToTab(d as usize - 1)), "{d} in {ctx:?}");
        }
    }
    // Search is text entry: digits type.
    let five = press(KeyCode::Char('5'), KeyModifiers::NONE);
    assert_eq!(action_for(&[Search, Global], &five), Some(Action::Type('5')));
    // Fit rates with letters a-e.
    let e = press(KeyCode::Char('e'), KeyModifiers::NONE);
    assert_eq!(action_for(&[FitStatement, Global], &e), Some(Action::Rate(5)));
    let a = press(KeyCode::Char('a'), KeyModifiers::NONE);
    assert_eq!(action_for(&[FitStatement, Global], &a), Some(Action::Rate(1)));
}

#[test]
fn q_and_esc_close_an_overlay_before_anything_else() {
    let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
    let esc = press(KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(action_for(&[Help, Global], &q), Some(Action::ToggleHelp));
    assert_eq!(action_for(&[Help, Global], &esc), Some(Action::ToggleHelp));
    assert_eq!(action_for(&[Search, Global], &esc), Some(Action::Back));
    assert_eq!(action_for(&[Confirm, QuizQuestion, Global], &q), Some(Action::Cancel));
    assert_eq!(action_for(&[Confirm, QuizQuestion, Global], &esc), Some(Action::Cancel));
}

/// The keys of a screen and of the screen the same key leads to: pressing a key twice
/// must not do two different things where the second cannot be undone (`c` answered c and
/// then jumped to Compare).
#[test]
fn no_key_answers_and_then_leaves() {
    let pairs: [(&[Context], &[Context]); 3] = [
        (&[QuizQuestion, Global], &[QuizFeedback, Global]),
        (&[QuizMulti, QuizQuestion, Global], &[QuizFeedback, Global]),
        (&[QuizFeedback, Global], &[QuizRetry, QuizResults, Global]),
    ];
    for (first, then) in pairs {
        for bind in BINDINGS.iter().filter(|b| first.contains(&b.context)) {
            for ev in bind.keys.iter().flat_map(|k| k.examples()) {
                let (Some(a), Some(b)) = (action_for(first, &ev), action_for(then, &ev)) else {
                    continue;
                };
                let leaves = |a: Action| {
                    matches!(
                        a,
                        Action::OpenInCompare | Action::NewQuiz | Action::RetryMissed | Action::GoBack
                    )
                };
                let answers = |a: Action| matches!(a, Action::Choose(_) | Action::Select);
                assert!(
                    !(leaves(b) && (answers(a) || leaves(a) && a != b)),
                    "{ev:?}: {a:?} in {first:?}, then {b:?} in {then:?}"
                );
            }
        }
    }
}

#[test]
fn releases_are_ignored() {
    let mut ev = press(KeyCode::Char('q'), KeyModifiers::NONE);
    ev.kind = KeyEventKind::Release;
    assert_eq!(action_for(&[Global], &ev), None);
}

#[test]
fn hints_merge_neighbours() {
    let h = hints(&[Compare, CompareList, Global]);
    let text: Vec<String> = h.iter().map(|h| format!("{} {}", h.keys, h.label)).collect();
    assert_eq!(text, ["↑↓ move", "p/n prev/next", "u unread", "→ read", "/ search", "? help", "q quit"]);
    // Reading a dimension, its own keys come first and shadow the list's.
    let h = hints(&[CompareReading, CompareRelated, CompareDimension, CompareShared, Compare, Global]);
    let text: Vec<String> = h.iter().map(|h| format!("{} {}", h.keys, h.label)).collect();
    assert_eq!(
        text,
        [
            "↑↓ scroll",
            "← list",
            "→ terms",
            "s sources",
            "d differences",
            "p/n prev/next",
            "u unread",
            "/ search",
            "? help",
            "q quit"
        ]
    );
    let h = hints(&[Help, Global]);
    let text: Vec<String> = h.iter().map(|h| format!("{} {}", h.keys, h.label)).collect();
    assert_eq!(text, ["Esc close", "↑↓ scroll", "/ search", "Ctrl-c quit"]);
    // In search every printable key types: the global hints that are letters go.
    let h = hints(&[Search, Global]);
    let text: Vec<String> = h.iter().map(|h| format!("{} {}", h.keys, h.label)).collect();
    assert_eq!(text, ["↑↓ choose", "Enter go", "Esc close", "Ctrl-c quit"]);
}
