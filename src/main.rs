use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::CommandFactory;

use scm_vs_om::BuiltinContent;
use scm_vs_om::app::App;
use scm_vs_om::cli::{Cli, Command, Format};
use scm_vs_om::content::{Content, ContentSource, Loaded, warning_lines};
use scm_vs_om::settings::{self, Settings};
use scm_vs_om::terminal::{self, Outcome, Session};
use scm_vs_om::ui::theme::{self, Variant};
use scm_vs_om::{export, guide, starter};

/// `eprintln!`, except that a closed or broken stderr is not a panic: there is nobody left to
/// tell.
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

fn main() -> ExitCode {
    let cli = Cli::from_env();
    // Commands that need no content.
    match &cli.command {
        Some(Command::Completions { shell }) => {
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "scm-vs-om", &mut script);
            return print(&script, "the completion script");
        }
        Some(Command::Man) => {
            let mut page = Vec::new();
            return match clap_mangen::Man::new(Cli::command()).render(&mut page) {
                Ok(()) => print(&page, "the manual page"),
                Err(e) => fail(&format!("cannot write the manual page: {e}")),
            };
        }
        Some(Command::Guide) => {
            if std::io::stdout().is_terminal() {
                let pager = guide::pager(std::env::var("PAGER").ok().as_deref());
                match guide::page(&pager) {
                    Ok(true) => return ExitCode::SUCCESS,
                    Ok(false) => {}
                    Err(e) => return fail(&format!("cannot show the guide: {e}")),
                }
            }
            return print(guide::TEXT.as_bytes(), "the guide");
        }
        Some(Command::Init { dir, force }) => {
            return match starter::write(dir, *force) {
                Ok(written) => print(
                    format!(
                        "Wrote a starter pack of {} files in {dir}.\n\
                         Read next:       scm-vs-om guide   (how to write a pack: every file and key)\n\
                         Check it with:   scm-vs-om check --content {dir}\n\
                         Explore it with: scm-vs-om --content {dir}\n",
                        written.len(),
                        dir = escape(dir)
                    )
                    .as_bytes(),
                    "the summary",
                ),
                Err(e) => fail(&e),
            };
        }
        _ => {}
    }
    let source = match &cli.content {
        Some(dir) => ContentSource::Dir(dir.clone()),
        None => ContentSource::Builtin,
    };
    // Content is loaded and checked before the terminal is touched, so problems print plainly.
    // `check` and `export` parse even the built-in content; the explorer takes it ready-made.
    let loaded = match cli.command {
        None => Content::load_fast_checked(&source),
        Some(Command::Check { strict: true }) => Content::load_checked(&source).and_then(Loaded::strict),
        _ => Content::load_checked(&source),
    };
    let Loaded { content, warnings } = match loaded {
        Ok(l) => l,
        Err(e) => {
            say!("{e}");
            return ExitCode::FAILURE;
        }
    };
    // Warnings never stop anything: they go to stderr, before the terminal is taken over.
    if !warnings.is_empty() {
        let _ = std::io::stderr().write_all(warning_lines(&warnings).as_bytes());
    }
    match &cli.command {
        Some(Command::Check { .. }) => {
            print(format!("{}\n", scm_vs_om::check_summary(&content, &source)).as_bytes(), "the summary")
        }
        Some(Command::Export { format, questions, seed, group }) => {
            let options = export::Options { questions: *questions, seed: *seed, group: group.clone() };
            let text = match format {
                Format::Markdown => export::markdown_with(&content, &options),
                Format::Html => export::html_with(&content, &options),
                Format::Anki => export::anki_with(&content, &options),
                Format::Csv => export::csv_with(&content, &options),
                Format::Json => Ok(export::json(&content)),
            };
            match text {
                Ok(text) => print(text.as_bytes(), "the export"),
                Err(e) => fail(&e.to_string()),
            }
        }
        _ => explore(content, &cli),
    }
}

fn escape(path: &std::path::Path) -> String {
    scm_vs_om::content::escape(&path.display().to_string())
}

/// Writes a command's output. A closed pipe (`| head`) ends it quietly: the reader has all
/// it wanted. (`println!` would panic there.)
fn print(bytes: &[u8], what: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&format!("cannot write {what}: {e}")),
    }
}

fn fail(message: &str) -> ExitCode {
    say!("scm-vs-om: {}", scm_vs_om::content::escape(message));
    ExitCode::FAILURE
}

/// The theme, in order of precedence: --theme, NO_COLOR (any non-empty value), the settings
/// file, auto (drawn dark, then settled by the terminal's answer; see `theme::choose`).
fn theme(cli: &Cli, settings: &Settings) -> Variant {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    theme::choose(cli.theme, settings.theme, no_color)
}

fn explore(content: Content, cli: &Cli) -> ExitCode {
    if !std::io::stdout().is_terminal() {
        say!(
            "scm-vs-om: standard output is not a terminal, so the explorer cannot start.\n\
             Run it in a terminal, or use `scm-vs-om check` or `scm-vs-om export`."
        );
        return ExitCode::from(2);
    }
    if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
        // A plain mode would be a second interface to keep right; the text export already
        // is the plain way to read everything, so say so instead of sending garbage.
        say!(
            "scm-vs-om: TERM=dumb: this terminal cannot show the full-screen explorer (it needs\n\
             cursor movement, colours and an alternate screen). Run it in a terminal emulator,\n\
             or read the content as text with `scm-vs-om export --format markdown`."
        );
        return ExitCode::from(2);
    }
    let settings = cli.settings();
    for w in &settings.warnings {
        say!("{}", settings::describe(w));
    }
    let mouse = !cli.no_mouse && (cli.mouse || settings.mouse.unwrap_or(true));
    let seed = cli.seed.unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64)
    });
    let theme = theme(cli, &settings);
    let length = cli.quiz_length.or(settings.quiz_length).map(|l| l.index());
    let mut app = App::for_run(content, theme, cli.history(), seed, length);
    // Added to, not replaced: restoring a kept quiz or Fit ratings may have notices too.
    app.notices.extend(settings.warnings.iter().map(|w| settings::describe(w)));
    // Only auto asks the terminal anything (never NO_COLOR, never a chosen theme).
    let outcome = terminal::run(&mut app, Session { mouse, ask_background: theme == Variant::Auto });
    // The terminal is restored by now: say where answers that could not be saved went.
    if let Some(message) = app.quiz.history.rescue_message() {
        say!("{message}");
    }
    match outcome {
        Ok(Outcome::Quit) => ExitCode::SUCCESS,
        Ok(Outcome::Signal(sig)) => ExitCode::from((128 + sig) as u8),
        Err(e) => {
            say!("scm-vs-om: terminal error: {e}");
            ExitCode::FAILURE
        }
    }
}
