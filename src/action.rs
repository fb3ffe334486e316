//! What a key press asks for. Keys become actions in `keymap`; actions change state in `app`.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    NextTab,
    PrevTab,
    /// Jump to a tab by its position (0-based).
    GoToTab(usize),
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    /// Focus the next region to the right (list → panes → overlap).
    FocusNext,
    /// Focus the previous region to the left.
    FocusPrev,
    /// The next item of the main list, whatever has focus.
    NextItem,
    /// The previous item of the main list, whatever has focus.
    PrevItem,
    Select,
    Back,
    ToggleHelp,
    /// Pick (or, on a choose-all question, tick) the option at this position.
    Choose(usize),
    /// Tick or untick the highlighted option.
    Toggle,
    /// Read the current question's dimension in the Compare tab.
    OpenInCompare,
    /// Back from Compare to the quiz, where it was left.
    BackToQuiz,
    /// Quiz again on the questions just missed.
    RetryMissed,
    /// Back to the quiz's start form.
    NewQuiz,
    /// The terminal has a new size (columns, rows).
    Resize(u16, u16),
}
