use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

use scm_vs_om::app::App;
use scm_vs_om::cli::{Cli, Command};
use scm_vs_om::content::{Content, ContentSource};
use scm_vs_om::terminal::{self, Outcome};
use scm_vs_om::ui::theme;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let source = match &cli.content {
        Some(dir) => ContentSource::Dir(dir.clone()),
        None => ContentSource::Builtin,
    };
    // Content is loaded and checked before the terminal is touched, so problems print plainly.
    // `check` parses even the built-in content; the explorer takes it ready-made.
    let loaded = match cli.command {
        Some(Command::Check) => Content::load(&source),
        None => Content::load_fast(&source),
    };
    let content = match loaded {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    match cli.command {
        Some(Command::Check) => {
            println!("{}", scm_vs_om::check_summary(&content, &source));
            ExitCode::SUCCESS
        }
        None => explore(content, &cli),
    }
}

fn explore(content: Content, cli: &Cli) -> ExitCode {
    if !std::io::stdout().is_terminal() {
        eprintln!(
            "scm-vs-om: standard output is not a terminal, so the explorer cannot start.\n\
             Run it in a terminal, or use `scm-vs-om check` to validate content."
        );
        return ExitCode::from(2);
    }
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = if no_color { &theme::MONO } else { &theme::COLOUR };
    let seed = cli.seed.unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64)
    });
    let mut app = App::new(content, theme, (0, 0)).with_quiz(cli.history(), seed);
    match terminal::run(&mut app) {
        Ok(Outcome::Quit) => ExitCode::SUCCESS,
        Ok(Outcome::Signal(sig)) => ExitCode::from((128 + sig) as u8),
        Err(e) => {
            eprintln!("scm-vs-om: terminal error: {e}");
            ExitCode::FAILURE
        }
    }
}
