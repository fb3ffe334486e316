//! The command line: the explorer's options and the subcommands for authors.

use std::io::Write;
use std::path::PathBuf;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::quiz::History;

const EXAMPLES: &str = "\
Examples:
  scm-vs-om                                explore the built-in comparison
  scm-vs-om --content my-pack              explore the pack in my-pack/
  scm-vs-om --theme light --no-mouse       light colours, the terminal's own selection
  scm-vs-om --seed 7 --no-history          a repeatable quiz that saves nothing
  scm-vs-om check --content my-pack        every problem in my-pack/ as path:line:col
  scm-vs-om export --format markdown > comparison.md
  scm-vs-om init my-pack                   start a new pack from a commented example
  scm-vs-om guide                          how to write a pack: every file and key

Settings: ~/.config/scm-vs-om/settings.toml on Linux (see --help for the keys).
Environment: NO_COLOR turns colour off (unless --theme is given); SCM_VS_OM_DATA_DIR,
SCM_VS_OM_CONFIG as the options of the same name (empty counts as unset);
SCM_VS_OM_BACKEND=crossterm draws with ratatui's stock backend, to tell a drawing fault of
scm-vs-om's from one of the terminal. Ctrl-Z suspends; `fg` resumes.";

#[derive(Debug, Parser)]
#[command(
    name = "scm-vs-om",
    version,
    about = "Explore how Supply Chain Management and Operations Management differ and overlap",
    long_about = "A full-screen terminal explorer that walks two (or more) disciplines side by side, \
                  dimension by dimension, with a quiz, a glossary, search and a self-assessment. \
                  The content comes from TOML files: the default pack is built in; --content DIR \
                  reads another (see CONTENT.md).",
    after_help = EXAMPLES
)]
pub struct Cli {
    /// Read content from this directory instead of the built-in pack
    #[arg(long, value_name = "DIR", global = true)]
    pub content: Option<PathBuf>,

    /// Colours [default: from the settings file, else auto; NO_COLOR means mono]
    #[arg(long, value_enum)]
    pub theme: Option<ThemeName>,

    /// Leave the mouse to the terminal (its own text selection) [default: mouse on]
    #[arg(long, conflicts_with = "mouse")]
    pub no_mouse: bool,

    /// Use the mouse even if the settings file turns it off
    #[arg(long)]
    pub mouse: bool,

    /// How many questions a quiz asks by default
    #[arg(long, value_enum, value_name = "N")]
    pub quiz_length: Option<QuizLength>,

    /// Save quiz answers in DIR [default: the platform's data directory, e.g.
    /// ~/.local/share/scm-vs-om]
    #[arg(long, value_name = "DIR", env = DATA_DIR_ENV)]
    pub data_dir: Option<PathBuf>,

    /// Do not read or save quiz answers (wins over --data-dir and SCM_VS_OM_DATA_DIR)
    #[arg(long)]
    pub no_history: bool,

    /// Order questions and options from this seed, so a run can be repeated exactly
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,

    /// Read settings from FILE [default: the platform's config directory, e.g.
    /// ~/.config/scm-vs-om/settings.toml]. Keys: theme = "auto" | "dark" | "light" |
    /// "high-contrast" | "mono"; mouse = true | false; quiz_length = 10 | 20 | 50 | "all"
    #[arg(long, value_name = "FILE", env = CONFIG_ENV)]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeName {
    /// Dark or light, from the background the terminal reports (the default; dark if it
    /// does not say)
    Auto,
    /// Colours for a dark background
    Dark,
    /// Colours for a light background
    Light,
    /// Strong contrast on any background: the terminal's own text colour, bold, and colours
    /// only on their own backgrounds
    HighContrast,
    /// No colour at all: bold, underline and reverse video only
    Mono,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuizLength {
    #[value(name = "10")]
    Ten,
    #[value(name = "20")]
    Twenty,
    #[value(name = "50")]
    Fifty,
    /// Every question that matches
    All,
}

impl QuizLength {
    /// The position of this length among the start form's choices.
    pub fn index(self) -> usize {
        match self {
            QuizLength::Ten => 0,
            QuizLength::Twenty => 1,
            QuizLength::Fifty => 2,
            QuizLength::All => 3,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A handout to read or print (CommonMark): the comparison, the glossary, the Fit
    /// statements with a scoring key, a quiz worksheet and, on a new page, its answer key
    Markdown,
    /// The same handout as one self-contained page, styled for print
    Html,
    /// Notes for Anki's File > Import: one per question and per glossary term, tagged
    Anki,
    /// The same cards as CSV (front, back, tags), for spreadsheets and Quizlet's import
    Csv,
    /// The whole model for other tools (shape: docs/export-json.md)
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a content pack: a one-line summary, or every problem as path:line:col
    #[command(after_help = "Warnings (likely mistakes, such as a misnamed file or the same point twice) \
                            are printed as path:line:col: warning: message and do not fail the check.\n\n\
                            Exit status: 0 when the content is valid, 1 when it has problems \
                            (or, with --strict, warnings).\n\n\
                            Examples:\n  scm-vs-om check\n  scm-vs-om check --content my-pack\n  \
                            scm-vs-om check --strict --content my-pack    in a pack's own CI")]
    Check {
        /// Treat warnings as errors: print them as problems and exit 1
        #[arg(long)]
        strict: bool,
    },

    /// Write a content pack to standard output: a handout, cards for Anki or a spreadsheet, or JSON
    #[command(after_help = "Without --seed the questions are in file order, options as written; with it \
                            they are shuffled, the same way every time for one seed (options marked \
                            shuffle = false keep their order).\n\n\
                            Examples:\n  scm-vs-om export --format markdown > comparison.md\n  \
                            scm-vs-om export --format html --questions 10 --seed 7 > worksheet.html\n  \
                            scm-vs-om export --format anki --group planning > planning.txt\n  \
                            scm-vs-om export --format json --content my-pack | jq '.dimensions[].title'")]
    Export {
        /// What to write
        #[arg(long, value_enum, default_value = "markdown")]
        format: Format,
        /// Ask at most N questions (all, if not given)
        #[arg(long, value_name = "N")]
        questions: Option<usize>,
        /// Shuffle the questions and their options from this seed: the same sheet each time
        #[arg(long, value_name = "S")]
        seed: Option<u64>,
        /// Only this group of dimensions (by id), with its questions and terms
        #[arg(long, value_name = "ID")]
        group: Option<String>,
    },

    /// Print the guide to writing a content pack (CONTENT.md): every file and key, with examples
    #[command(after_help = "On a terminal the guide opens in $PAGER (else less); otherwise it is printed \
                            as plain Markdown.\n\n\
                            Examples:\n  scm-vs-om guide\n  scm-vs-om guide > CONTENT.md")]
    Guide,

    /// Write a small, commented starter pack into DIR (which must not hold one already)
    #[command(after_help = "Examples:\n  scm-vs-om init my-pack\n  scm-vs-om check --content my-pack\n  \
                            scm-vs-om --content my-pack")]
    Init {
        /// Where to write the pack (created if missing)
        dir: PathBuf,
        /// Overwrite pack files already in DIR
        #[arg(long)]
        force: bool,
    },

    /// Print a shell completion script
    #[command(
        after_help = "Examples:\n  scm-vs-om completions bash > ~/.local/share/bash-completion/completions/scm-vs-om\n  \
                            scm-vs-om completions zsh > ~/.zfunc/_scm-vs-om\n  \
                            scm-vs-om completions fish > ~/.config/fish/completions/scm-vs-om.fish"
    )]
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Print the manual page (roff)
    #[command(after_help = "Examples:\n  scm-vs-om man > scm-vs-om.1 && man ./scm-vs-om.1")]
    Man,
}

/// The environment variables that stand for options.
pub const DATA_DIR_ENV: &str = "SCM_VS_OM_DATA_DIR";
pub const CONFIG_ENV: &str = "SCM_VS_OM_CONFIG";

impl Cli {
    /// The command line, with the environment variables behind options; an empty variable
    /// counts as unset (clap would take it for the option given without a value, and refuse
    /// every command over an option nobody passed). Exits with clap's message on an error.
    pub fn from_env() -> Cli {
        let mut command = Cli::command();
        for (id, var) in [("data_dir", DATA_DIR_ENV), ("config", CONFIG_ENV)] {
            if std::env::var_os(var).is_some_and(|v| v.is_empty()) {
                command = command.mut_arg(id, |arg| arg.env(None));
            }
        }
        let parsed = command.try_get_matches().and_then(|mut m| Cli::from_arg_matches_mut(&mut m));
        parsed.unwrap_or_else(|e| {
            // clap's own `exit` ignores a failed write: `--help > /dev/full` said nothing and
            // succeeded.
            if let Err(write) = e.print() {
                let _ = writeln!(std::io::stderr(), "scm-vs-om: cannot write the help: {write}");
                std::process::exit(1);
            }
            std::process::exit(e.exit_code())
        })
    }

    /// The quiz history the options ask for: off, in the given directory, or in the
    /// platform's data directory (XDG on Linux).
    pub fn history(&self) -> History {
        if self.no_history {
            return History::disabled();
        }
        match self.data_dir.clone().or_else(|| dirs::data_dir().map(|d| d.join("scm-vs-om"))) {
            Some(dir) => History::open(dir),
            None => {
                let mut h = History::disabled();
                h.warnings.push(
                    "No data directory is known on this system, so answers are not saved (use --data-dir)."
                        .into(),
                );
                h
            }
        }
    }

    /// The settings file the options point to, or the platform's default.
    pub fn config_file(&self) -> Option<PathBuf> {
        self.config.clone().or_else(|| dirs::config_dir().map(|d| d.join("scm-vs-om").join("settings.toml")))
    }

    /// The settings: from the file given (`--config`, `SCM_VS_OM_CONFIG`), which must exist,
    /// or from the platform's default file, which need not.
    pub fn settings(&self) -> crate::settings::Settings {
        match (&self.config, self.config_file()) {
            (Some(given), _) => crate::settings::load_given(given),
            (None, Some(default)) => crate::settings::load(&default),
            (None, None) => crate::settings::Settings::default(),
        }
    }
}
