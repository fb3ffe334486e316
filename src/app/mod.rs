//! Application state and how actions change it. Rendering reads this; it never changes it.
//! What a frame showed (heights, lengths, where things are) comes back as a [`Drawn`]
//! record through [`App::observe`]: the state never asks the renderer.

mod compare;
mod fit;
mod glossary;
mod matrix;
mod mouse;
mod progress;
pub mod quiz;
mod quiz_results;
mod quiz_typed;
mod search;
mod sources;

pub use compare::{CompareFocus, CompareRow, CompareState};
pub use fit::{FitScreen, FitState};
pub use glossary::{GlossaryFocus, GlossaryState};
pub use progress::{FORECAST_DAYS, Figures, HISTORY_DAYS, Leech, ProgressState};
pub use quiz::{QuizScreen, QuizState};
pub use search::SearchState;
pub use sources::{SourcesFocus, SourcesState};

use crate::action::Action;
use crate::cli::ThemeName;
use crate::content::Content;
use crate::keymap::Context;
use crate::quiz::History;
use crate::saved::Store;
use crate::view::{Drawn, Region};

/// The tabs, in the tab bar's order; each variant's name is its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::VariantArray, strum::IntoStaticStr)]
pub enum Tab {
    Compare,
    Quiz,
    Glossary,
    Fit,
    Sources,
    Progress,
}

impl Tab {
    pub const ALL: &[Tab] = <Tab as strum::VariantArray>::VARIANTS;

    pub fn title(self) -> &'static str {
        self.into()
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// Seconds since the Unix epoch, from the system clock.
pub fn system_clock() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// What the screens look up often, worked out once from the content: keeps each frame's
/// cost independent of how many dimensions, terms or sources a pack has.
pub struct Lookups {
    /// The rows of the Compare list: the overview, then each group and its dimensions.
    pub compare_rows: Vec<CompareRow>,
    /// The widest row of the Compare list, in columns.
    pub compare_list_width: u16,
    pub terms_by_dimension: Vec<Vec<usize>>,
    pub dimensions_by_source: Vec<Vec<usize>>,
    /// The glossary's terms, alphabetically (as a reader scans a glossary).
    pub glossary_order: Vec<usize>,
}

impl Lookups {
    pub fn new(content: &Content) -> Lookups {
        use unicode_width::UnicodeWidthStr;
        let longest = content
            .dimensions
            .iter()
            // The marker, the two marks and a space.
            .map(|d| d.title.width() + 7)
            .chain(content.groups.iter().map(|g| g.title.width() + 2))
            .max()
            .unwrap_or(0);
        Lookups {
            compare_rows: compare::rows(content),
            compare_list_width: longest.min(u16::MAX as usize) as u16,
            terms_by_dimension: content.terms_by_dimension(),
            dimensions_by_source: content.dimensions_by_source(),
            glossary_order: {
                let mut order: Vec<usize> = (0..content.terms.len()).collect();
                order.sort_by_cached_key(|&t| content.terms[t].name.to_lowercase());
                order
            },
        }
    }
}

/// A question about something that cannot be undone, waiting for y (any other key is no).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    /// End the running quiz now and show the results so far.
    EndQuiz,
    /// Practise this authored question (by index) now; the running quiz waits to be resumed.
    ReplaceQuiz(usize),
    /// Start a new quiz, dropping the unfinished one kept to resume.
    DropUnfinished,
    /// Clear every Fit rating.
    ClearFit,
}

/// Where a link was followed from, kept so that back returns to it as it was left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub tab: Tab,
    compare: CompareState,
    glossary: GlossaryState,
    sources: SourcesState,
    fit: (FitScreen, usize, u16),
}

/// Enough places to walk back through any chain of links a reader follows.
const BACK_DEPTH: usize = 100;

pub struct App {
    pub content: Content,
    pub lookups: Lookups,
    /// The theme's name; the renderer holds the styles.
    pub theme: ThemeName,
    pub tab: Tab,
    pub compare: CompareState,
    pub sources: SourcesState,
    pub quiz: QuizState,
    pub glossary: GlossaryState,
    pub fit: FitState,
    pub progress: ProgressState,
    /// The search overlay, when open.
    pub search: Option<SearchState>,
    /// What search looks through, made the first time search opens.
    pub search_index: Option<crate::search::SearchIndex>,
    /// The places links were followed from, most recent last.
    pub back: Vec<Place>,
    /// A question waiting for its answer.
    pub confirm: Option<Confirm>,
    /// Where the quiz under way and the Fit ratings are kept between runs.
    pub store: Store,
    /// The time, in seconds since the Unix epoch (a fixed clock in tests).
    pub clock: fn() -> u64,
    /// Messages to show once (a settings file with problems), in the footer until a key.
    pub notices: Vec<String>,
    /// The help overlay, when open, with its scroll offset.
    pub help: Option<u16>,
    /// The terminal's size (columns, rows): the size of the next frame.
    pub size: (u16, u16),
    /// What the last frame drew: scroll limits, page sizes and click targets come from it.
    pub drawn: Drawn,
    pub running: bool,
}

impl App {
    /// An app with history off, quiz seed 0 and the system clock; see the `with_` methods.
    pub fn new(content: Content, theme: impl Into<ThemeName>, size: (u16, u16)) -> Self {
        let mut app = App::unready(content, theme.into(), size);
        app.refresh_quiz_counts();
        app
    }

    /// The app the explorer runs: answers kept in `history`, the quiz ordered by `seed`, and
    /// the start form's length at `quiz_length` (a position among its choices) if given.
    /// The quiz's counts are worked out once, at the end, not after every step.
    pub fn for_run(
        content: Content,
        theme: impl Into<ThemeName>,
        history: History,
        seed: u64,
        quiz_length: Option<usize>,
    ) -> Self {
        let mut app = App::unready(content, theme.into(), (0, 0));
        app.attach(history, seed);
        if let Some(index) = quiz_length {
            app.quiz.count = index.min(quiz::COUNTS.len() - 1);
        }
        app.refresh_quiz_counts();
        app
    }

    /// Everything but the quiz's counts, which need the whole content and schedule.
    fn unready(content: Content, theme: ThemeName, size: (u16, u16)) -> Self {
        let statements = content.fit.statements.len();
        let dimensions = content.dimensions.len();
        let mut app = App {
            lookups: Lookups::new(&content),
            content,
            theme,
            tab: Tab::Compare,
            compare: CompareState {
                selected: 0,
                focus: CompareFocus::List,
                scroll: 0,
                term: 0,
                matrix: 0,
                about: false,
                scroll_to: None,
                read: vec![false; dimensions],
                sources: false,
                differences: false,
            },
            sources: SourcesState { selected: 0, focus: SourcesFocus::List, cited: 0 },
            quiz: QuizState::new(History::disabled(), 0),
            glossary: GlossaryState::new(),
            fit: FitState::new(statements),
            progress: ProgressState::default(),
            search: None,
            search_index: None,
            back: Vec::new(),
            confirm: None,
            store: Store::disabled(),
            clock: system_clock,
            notices: Vec::new(),
            help: None,
            size,
            drawn: Drawn::default(),
            running: true,
        };
        app.glossary.term = app.glossary_terms().first().copied().unwrap_or(0);
        app
    }

    /// Where answers are saved, and the seed that orders the quiz. The quiz under way and the
    /// Fit ratings are kept beside the answers (nowhere, when history is off).
    pub fn with_quiz(mut self, history: History, seed: u64) -> Self {
        self.attach(history, seed);
        self.refresh_quiz_counts();
        self
    }

    /// The history and the store beside it, and what the store holds, without the counts.
    fn attach(&mut self, history: History, seed: u64) {
        let store = match history.file().as_deref().and_then(std::path::Path::parent) {
            Some(dir) if history.is_saving() => Store::new(dir.to_path_buf()),
            _ => Store::disabled(),
        };
        self.quiz = QuizState::new(history, seed);
        self.restore(store);
    }

    /// Keeps the quiz under way and the Fit ratings in this store, restoring what it holds.
    /// Its problems (a damaged file set aside) become notices.
    pub fn with_store(mut self, store: Store) -> Self {
        self.restore(store);
        self.refresh_quiz_counts();
        self
    }

    fn restore(&mut self, mut store: Store) {
        self.quiz.resume =
            store.load::<crate::saved::SavedQuiz>(crate::saved::QUIZ_FILE).filter(|q| !q.cards.is_empty());
        if let Some(fit) = store.load::<crate::saved::SavedFit>(crate::saved::FIT_FILE) {
            self.fit.restore(fit.ratings(&self.content));
        }
        if let Some(read) = store.load::<crate::saved::SavedRead>(crate::saved::READ_FILE) {
            self.compare.read = read.read(&self.content);
        }
        self.notices.append(&mut store.warnings);
        self.store = store;
    }

    pub fn with_clock(mut self, clock: fn() -> u64) -> Self {
        self.clock = clock;
        self.refresh_quiz_counts();
        self
    }

    /// The key contexts in force, most specific first. A question to confirm comes first;
    /// the keys it does not take act as usual (after saying no).
    pub fn contexts(&self) -> Vec<Context> {
        let mut contexts = self.screen_contexts();
        if self.confirm.is_some() {
            contexts.insert(0, Context::Confirm);
        }
        contexts
    }

    fn screen_contexts(&self) -> Vec<Context> {
        if self.search.is_some() {
            return vec![Context::Search, Context::Global];
        }
        if self.help.is_some() {
            return vec![Context::Help, Context::Global];
        }
        self.tab_contexts()
    }

    /// The contexts of the tab's screen beneath any overlay (help opens at them).
    pub fn tab_contexts(&self) -> Vec<Context> {
        let mut contexts = match self.tab {
            Tab::Compare => self.compare_contexts(),
            Tab::Sources => vec![Context::Sources],
            Tab::Glossary => vec![Context::Glossary],
            Tab::Progress => vec![Context::Progress],
            Tab::Fit => match self.fit.screen {
                FitScreen::Statements if !self.content.fit.statements.is_empty() => {
                    vec![Context::FitStatement]
                }
                _ if !self.fit_result().read_next.is_empty() => vec![Context::FitNext, Context::FitResult],
                _ => vec![Context::FitResult],
            },
            Tab::Quiz => self.quiz_contexts(),
        };
        if !self.back.is_empty() {
            contexts.push(Context::Back);
        }
        contexts.push(Context::Global);
        contexts
    }

    /// The quiz start form's default length (a position among its choices).
    pub fn set_quiz_length(&mut self, index: usize) {
        self.quiz.count = index.min(quiz::COUNTS.len() - 1);
        self.refresh_quiz_counts();
    }

    pub fn update(&mut self, action: Action) {
        // Not a key: it neither clears notices nor answers a question. Once `auto` is
        // settled, later answers change nothing.
        if let Action::Background(answer) = action {
            if self.theme == ThemeName::Auto {
                self.theme = answer.unwrap_or(ThemeName::Dark);
            }
            return;
        }
        if !matches!(action, Action::Resize(..)) {
            self.notices.clear();
        }
        if let Some(question) = self.confirm
            && !matches!(action, Action::Resize(..))
        {
            self.confirm = None;
            match action {
                Action::Confirm => return self.confirmed(question),
                Action::Cancel => return,
                // Any other key is a no, then does what it does.
                _ => {}
            }
        }
        match action {
            Action::Quit => self.running = false,
            // The next frame is drawn at the new size, and its record clamps the scrolls.
            Action::Resize(w, h) => self.size = (w, h),
            Action::Click(x, y) => self.click(x, y),
            Action::Wheel(x, y, down) => self.wheel(x, y, down),
            _ if self.search.is_some() => self.update_search(action),
            // Digits, Tab and search work from help too (closing it); other keys are help's.
            Action::GoToTab(_) | Action::NextTab | Action::PrevTab | Action::OpenSearch
                if self.help.is_some() =>
            {
                self.help = None;
                self.update(action);
            }
            _ if self.help.is_some() => self.update_help(action),
            Action::ToggleHelp => self.help = Some(0),
            Action::OpenSearch => self.open_search(),
            Action::NextTab => self.switch_to(Tab::ALL[(self.tab.index() + 1) % Tab::ALL.len()]),
            Action::PrevTab => {
                self.switch_to(Tab::ALL[(self.tab.index() + Tab::ALL.len() - 1) % Tab::ALL.len()])
            }
            Action::GoToTab(i) => {
                if let Some(tab) = Tab::ALL.get(i) {
                    self.switch_to(*tab);
                }
            }
            Action::GoBack => self.go_back(),
            _ => match self.tab {
                Tab::Compare => self.update_compare(action),
                Tab::Quiz => self.update_quiz(action),
                Tab::Glossary => self.update_glossary(action),
                Tab::Fit => self.update_fit(action),
                Tab::Sources => self.update_sources(action),
                Tab::Progress => self.update_progress(action),
            },
        }
    }

    /// Changing tabs by hand keeps the places to go back to: back still returns across the
    /// last link followed.
    fn switch_to(&mut self, tab: Tab) {
        self.tab = tab;
        if tab == Tab::Quiz {
            // Time has passed since the counts were made: more may be due.
            self.refresh_quiz_counts();
        }
        if tab == Tab::Progress {
            self.refresh_progress();
        }
    }

    /// Notes where the reader is, before a link takes them elsewhere.
    pub(super) fn follow_link(&mut self) {
        let place = Place {
            tab: self.tab,
            compare: self.compare.clone(),
            glossary: self.glossary.clone(),
            sources: self.sources.clone(),
            fit: (self.fit.screen, self.fit.next, self.fit.scroll),
        };
        if self.back.last() != Some(&place) {
            if self.back.len() == BACK_DEPTH {
                self.back.remove(0);
            }
            self.back.push(place);
        }
    }

    /// Back across the last link: that tab, as it was left.
    fn go_back(&mut self) {
        let Some(place) = self.back.pop() else { return };
        self.tab = place.tab;
        match place.tab {
            Tab::Compare => {
                // Going back restores where the reader was, not what they had not yet read.
                let read = std::mem::take(&mut self.compare.read);
                self.compare = CompareState { read, ..place.compare };
            }
            Tab::Glossary => self.glossary = place.glossary,
            Tab::Sources => self.sources = place.sources,
            Tab::Fit => (self.fit.screen, self.fit.next, self.fit.scroll) = place.fit,
            Tab::Quiz | Tab::Progress => {}
        }
    }

    /// Does what a question asked about, now that the answer is yes.
    fn confirmed(&mut self, question: Confirm) {
        match question {
            Confirm::EndQuiz => self.end_quiz(),
            Confirm::ReplaceQuiz(q) => self.practise(q),
            Confirm::DropUnfinished => {
                self.quiz.resume = None;
                self.start_quiz();
            }
            Confirm::ClearFit => self.clear_fit(),
        }
    }

    fn update_help(&mut self, action: Action) {
        let scroll = self.help.unwrap_or(0);
        self.help = match action {
            Action::ToggleHelp | Action::Back => None,
            _ => Some(self.drawn.viewport(Region::Help, scroll).act(action).offset),
        };
    }

    /// Takes in what a frame drew: no scroll may stay past the end of what it showed, and a
    /// scroll only the renderer could work out (a searched-for point) is taken over.
    pub fn observe(&mut self, drawn: Drawn) {
        let clamp = |offset: &mut u16, region: Region| {
            if let Some(s) = drawn.shown(region) {
                *offset = (*offset).min(s.len.saturating_sub(s.height));
            }
        };
        if let Some(line) = drawn.resolved_scroll {
            self.compare.scroll = line;
            self.compare.scroll_to = None;
        }
        clamp(&mut self.compare.scroll, Region::Reading);
        if let Some(offset) = self.help.as_mut() {
            clamp(offset, Region::Help);
        }
        // The results scrolled to show the highlighted missed question: that offset it is.
        if self.quiz.reveal_missed
            && self.quiz.screen == QuizScreen::Results
            && let Some(s) = drawn.shown(Region::QuizText)
        {
            self.quiz.scroll = s.offset;
            self.quiz.reveal_missed = false;
        }
        clamp(&mut self.quiz.scroll, Region::QuizText);
        clamp(&mut self.fit.scroll, Region::FitText);
        clamp(&mut self.progress.scroll, Region::Progress);
        // A question's offset is the one drawn: moved to the highlighted option if asked.
        if let Some(s) = drawn.shown(Region::QuizQuestion) {
            self.quiz.question_scroll = s.offset;
            self.quiz.reveal = false;
        }
        self.drawn = drawn;
    }
}
