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
    /// Focus the next region to the right (list → dimension → related terms).
    FocusNext,
    /// Focus the previous region to the left.
    FocusPrev,
    /// The next item of the main list, whatever has focus.
    NextItem,
    /// The previous item of the main list, whatever has focus.
    PrevItem,
    /// Compare: open the next dimension not yet read, wrapping to the top.
    NextUnread,
    /// Compare: show or hide who said what (each point's sources).
    ToggleSources,
    /// Compare: show only the differences (hide what the fields share, and the notes).
    ToggleDifferences,
    Select,
    Back,
    ToggleHelp,
    /// Pick (or, on a choose-all question, tick) the option at this position.
    Choose(usize),
    /// Tick or untick the highlighted option.
    Toggle,
    /// Read the current question's dimension in the Compare tab.
    OpenInCompare,
    /// Back across the last link followed, to the place as it was left.
    GoBack,
    /// Yes to the question being asked.
    Confirm,
    /// No to the question being asked.
    Cancel,
    /// Resume the unfinished quiz.
    Resume,
    /// Skip the question showing: it comes back at the end.
    Skip,
    /// End the quiz now and see the results so far (asks first).
    EndQuiz,
    /// Write the self-assessment's result to a file.
    Export,
    /// After a right answer: how hard it was, for the review schedule (good unless said).
    Grade(crate::quiz::Grade),
    /// Quiz again on the questions just missed.
    RetryMissed,
    /// Back to the quiz's start form.
    NewQuiz,
    /// Open the search overlay.
    OpenSearch,
    /// Add a character to the search text.
    Type(char),
    /// Remove the last character of the search text.
    DeleteChar,
    /// Empty the search text.
    ClearQuery,
    /// Show the next set of glossary terms (all, each discipline's, shared).
    CycleFilter,
    /// Rate the statement showing, 1 to 5.
    Rate(u8),
    /// Clear the self-assessment and start again.
    Restart,
    /// The terminal has a new size (columns, rows).
    Resize(u16, u16),
    /// A left click at a column and row.
    Click(u16, u16),
    /// The mouse wheel at a column and row: down (true) or up.
    Wheel(u16, u16, bool),
    /// Not a key: the terminal answered the background question asked at start-up, with
    /// the theme its background suits, or with nothing (it does not say). Settles `auto`.
    Background(Option<crate::cli::ThemeName>),
}
