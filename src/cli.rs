//! The command line.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "scm-vs-om",
    version,
    about = "Explore how Supply Chain Management and Operations Management differ and overlap",
    long_about = "A full-screen terminal explorer that walks two (or more) disciplines side by side, \
                  dimension by dimension. The content comes from TOML files: the default pack is \
                  built in; --content DIR reads another.",
    after_help = "Examples:\n  scm-vs-om                      explore the built-in comparison\n  scm-vs-om --content my-pack    explore the pack in my-pack/\n  scm-vs-om check --content my-pack\n                                 report every problem in my-pack/ as path:line:col"
)]
pub struct Cli {
    /// Read content from this directory instead of the built-in pack
    #[arg(long, value_name = "DIR", global = true)]
    pub content: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a content pack: print a one-line summary, or every problem as path:line:col
    #[command(after_help = "Exit status: 0 when the content is valid, 1 when it has problems.")]
    Check,
}
