//! The command line.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::quiz::History;

#[derive(Debug, Parser)]
#[command(
    name = "scm-vs-om",
    version,
    about = "Explore how Supply Chain Management and Operations Management differ and overlap",
    long_about = "A full-screen terminal explorer that walks two (or more) disciplines side by side, \
                  dimension by dimension. The content comes from TOML files: the default pack is \
                  built in; --content DIR reads another.",
    after_help = "Examples:\n  scm-vs-om                      explore the built-in comparison\n  scm-vs-om --content my-pack    explore the pack in my-pack/\n  scm-vs-om --seed 7 --no-history\n                                 a repeatable quiz that saves nothing\n  scm-vs-om check --content my-pack\n                                 report every problem in my-pack/ as path:line:col"
)]
pub struct Cli {
    /// Read content from this directory instead of the built-in pack
    #[arg(long, value_name = "DIR", global = true)]
    pub content: Option<PathBuf>,

    /// Save quiz answers in DIR [default: the platform's data directory, e.g.
    /// ~/.local/share/scm-vs-om]
    #[arg(long, value_name = "DIR", env = "SCM_VS_OM_DATA_DIR")]
    pub data_dir: Option<PathBuf>,

    /// Do not read or save quiz answers (wins over --data-dir and SCM_VS_OM_DATA_DIR)
    #[arg(long)]
    pub no_history: bool,

    /// Order questions and options from this seed, so a run can be repeated exactly
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a content pack: print a one-line summary, or every problem as path:line:col
    #[command(after_help = "Exit status: 0 when the content is valid, 1 when it has problems.")]
    Check,
}

impl Cli {
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
}
