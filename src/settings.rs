//! The settings file: defaults for the theme, the mouse and the quiz length, in TOML in the
//! platform's config directory. Command-line options win over it. A file with problems gives
//! `path:line:col` warnings and the defaults for what it got wrong; it never stops the program.

use std::path::Path;

use clap::ValueEnum;

use crate::cli::{QuizLength, ThemeName};
use crate::content::reader::FileCtx;
use crate::content::{escape, read_file};

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Settings {
    pub theme: Option<ThemeName>,
    pub mouse: Option<bool>,
    pub quiz_length: Option<QuizLength>,
    /// Problems found, as `path:line:col: message`.
    pub warnings: Vec<String>,
}

/// Reads the settings file; a file that does not exist means no settings.
pub fn load(path: &Path) -> Settings {
    if !path.exists() {
        return Settings::default();
    }
    let file = read_file(path);
    let mut settings =
        Settings { warnings: file.problems.iter().map(ToString::to_string).collect(), ..Default::default() };
    let Some(text) = file.text.as_deref() else {
        return settings;
    };
    let ctx = FileCtx::new(file.path.clone(), text);
    if let Some(doc) = ctx.parse() {
        let mut root = ctx.plain_root(doc);
        settings.theme = root.opt_text("theme").and_then(|t| {
            let found = ThemeName::from_str(&t.value, false).ok();
            if found.is_none() {
                let names: Vec<String> = ThemeName::value_variants()
                    .iter()
                    .filter_map(|v| Some(v.to_possible_value()?.get_name().to_string()))
                    .collect();
                ctx.error(t.at, format!("unknown theme `{}`: use one of {}", t.value, names.join(", ")));
            }
            found
        });
        settings.mouse = root.opt_bool("mouse").map(|b| b.value);
        settings.quiz_length = read_length(&ctx, &mut root);
        root.finish();
    }
    settings.warnings.extend(ctx.into_diagnostics().iter().map(ToString::to_string));
    settings
}

/// Reads a settings file the user named: unlike the default file, it must exist, so a typo
/// in the path is reported instead of silently giving the defaults.
pub fn load_given(path: &Path) -> Settings {
    if !path.exists() {
        let message = "settings file not found (named by --config or SCM_VS_OM_CONFIG); using the defaults";
        return Settings {
            warnings: vec![format!("{}:1:1: {message}", path.display())],
            ..Default::default()
        };
    }
    load(path)
}

fn read_length(ctx: &FileCtx<'_>, root: &mut crate::content::reader::Table<'_, '_>) -> Option<QuizLength> {
    let v = root.opt_value("quiz_length")?;
    let length = match (v.get_ref().as_integer().map(|i| i.as_str().to_string()), v.get_ref().as_str()) {
        (Some(n), _) if n == "10" => Some(QuizLength::Ten),
        (Some(n), _) if n == "20" => Some(QuizLength::Twenty),
        (Some(n), _) if n == "50" => Some(QuizLength::Fifty),
        (_, Some("all")) => Some(QuizLength::All),
        _ => None,
    };
    if length.is_none() {
        ctx.error(v.span().start, "quiz_length must be 10, 20, 50 or \"all\"".to_string());
    }
    length
}

/// A line for stderr: settings problems are shown, and the program goes on.
pub fn describe(warning: &str) -> String {
    format!("scm-vs-om: settings ignored: {}", escape(warning))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(text: &str) -> Settings {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.toml");
        std::fs::write(&path, text).unwrap();
        let mut s = load(&path);
        // Paths differ per run; keep what follows the path.
        s.warnings =
            s.warnings.iter().map(|w| w.split_once("settings.toml:").unwrap().1.to_string()).collect();
        s
    }

    #[test]
    fn a_missing_file_is_no_settings() {
        assert_eq!(load(Path::new("/nonexistent/settings.toml")), Settings::default());
    }

    #[test]
    fn a_missing_named_file_is_reported() {
        let s = load_given(Path::new("/nonexistent/settings.toml"));
        assert_eq!(s.warnings.len(), 1);
        assert!(
            s.warnings[0].starts_with("/nonexistent/settings.toml:1:1: settings file not found"),
            "{s:?}"
        );
        assert_eq!((s.theme, s.mouse, s.quiz_length), (None, None, None));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("settings.toml");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        // Opening a FIFO for reading blocks until a writer comes: were it opened, this
        // test would never end.
        let s = load_given(&fifo);
        assert_eq!(s.warnings.len(), 1, "{s:?}");
        assert!(s.warnings[0].contains("not a regular file"), "{s:?}");
    }

    #[test]
    fn reads_every_key() {
        let s = with("theme = \"light\"\nmouse = false\nquiz_length = 50\n");
        assert_eq!(s.theme, Some(ThemeName::Light));
        assert_eq!(s.mouse, Some(false));
        assert_eq!(s.quiz_length, Some(QuizLength::Fifty));
        assert!(s.warnings.is_empty());
        assert_eq!(with("quiz_length = \"all\"").quiz_length, Some(QuizLength::All));
    }

    #[test]
    fn problems_are_warnings_with_positions_and_the_rest_still_counts() {
        let s = with("theme = \"neon\"\nmouse = \"yes\"\nquiz_length = 7\ncolour = 1\n");
        assert_eq!(
            s.warnings,
            [
                "1:9: unknown theme `neon`: use one of auto, dark, light, high-contrast, mono",
                "2:9: `mouse` must be true or false, found a string",
                "3:15: quiz_length must be 10, 20, 50 or \"all\"",
                "4:1: unknown key `colour` in the settings (known keys: theme, mouse, quiz_length)",
            ]
        );
        assert_eq!((s.theme, s.mouse, s.quiz_length), (None, None, None));
        let s = with("theme = \"mono\"\nnot toml at all\n");
        assert_eq!(s.theme, None, "a syntax error: nothing is trusted");
        assert!(s.warnings[0].starts_with("2:5: TOML syntax"), "{:?}", s.warnings);
    }
}
