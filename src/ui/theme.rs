//! Named styles, in one place, for each theme. Colour never carries meaning alone: focus is a
//! thick border and a reversed title, selection a marker and reverse video, headings bold,
//! right and wrong answers ✓ and ✗ and words.

use ratatui::style::{Color, Modifier, Style};

use crate::content::{Colour, NamedColour};

/// A theme is picked by the name `--theme` and the settings file use.
pub use crate::cli::ThemeName as Variant;

pub struct Theme {
    pub variant: Variant,
    pub app_title: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub border: Style,
    pub title: Style,
    pub group: Style,
    pub item: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub text: Style,
    pub dim: Style,
    pub emphasis: Style,
    pub overlap: Style,
    pub key: Style,
    pub hint: Style,
    pub warning: Style,
    /// A right answer (with ✓ and "Correct").
    pub good: Style,
    /// A wrong answer (with ✗ and "Incorrect").
    pub bad: Style,
    /// The filled part of a progress gauge.
    pub gauge: Style,
}

const fn fg(c: Color) -> Style {
    Style::new().fg(c)
}

const BOLD: Modifier = Modifier::BOLD;
const NONE: Style = Style::new();

// Borders and inactive tabs use the terminal's own style in every theme: a styled border
// costs two style changes on every row it crosses, most of a frame's bytes.
pub const DARK: Theme = Theme {
    variant: Variant::Dark,
    app_title: Style::new().fg(Color::Black).bg(Color::Cyan).add_modifier(BOLD),
    tab: NONE,
    // The terminal's own colour, not white: legible even if the background was misread.
    tab_active: Style::new().add_modifier(BOLD.union(Modifier::UNDERLINED)),
    border: NONE,
    title: Style::new().add_modifier(BOLD),
    group: fg(Color::LightBlue).add_modifier(BOLD),
    item: NONE,
    selected: Style::new().add_modifier(Modifier::REVERSED.union(BOLD)),
    selected_unfocused: Style::new().add_modifier(BOLD.union(Modifier::UNDERLINED)),
    text: NONE,
    dim: fg(Color::Gray),
    emphasis: Style::new().add_modifier(BOLD),
    overlap: fg(Color::LightGreen).add_modifier(BOLD),
    key: fg(Color::Cyan).add_modifier(BOLD),
    hint: NONE,
    warning: fg(Color::LightYellow).add_modifier(BOLD),
    good: fg(Color::Green).add_modifier(BOLD),
    bad: fg(Color::Red).add_modifier(BOLD),
    gauge: fg(Color::Cyan),
};

/// For a light background: darker colours, nothing yellow or white on white.
pub const LIGHT: Theme = Theme {
    variant: Variant::Light,
    app_title: Style::new().fg(Color::White).bg(Color::Blue).add_modifier(BOLD),
    tab: NONE,
    tab_active: Style::new().fg(Color::Black).add_modifier(BOLD.union(Modifier::UNDERLINED)),
    border: NONE,
    title: Style::new().add_modifier(BOLD),
    group: fg(Color::Blue).add_modifier(BOLD),
    item: NONE,
    selected: Style::new().add_modifier(Modifier::REVERSED.union(BOLD)),
    selected_unfocused: Style::new().add_modifier(BOLD.union(Modifier::UNDERLINED)),
    text: NONE,
    dim: fg(Color::DarkGray),
    emphasis: Style::new().add_modifier(BOLD),
    overlap: fg(Color::Indexed(28)).add_modifier(BOLD),
    key: fg(Color::Blue).add_modifier(BOLD),
    hint: NONE,
    warning: fg(Color::Indexed(124)).add_modifier(BOLD),
    good: fg(Color::Indexed(28)).add_modifier(BOLD),
    bad: fg(Color::Indexed(124)).add_modifier(BOLD),
    gauge: fg(Color::Blue),
};

/// Strong contrast on any background. Text is the terminal's own foreground (which its
/// background was chosen for), bold; a colour is only ever set together with a background of
/// its own, so nothing can vanish into a light or a dark terminal.
pub const HIGH_CONTRAST: Theme = Theme {
    variant: Variant::HighContrast,
    app_title: Style::new().add_modifier(Modifier::REVERSED.union(BOLD)),
    tab: NONE,
    tab_active: Style::new().add_modifier(Modifier::REVERSED.union(BOLD)),
    border: Style::new().add_modifier(BOLD),
    title: Style::new().add_modifier(BOLD.union(Modifier::UNDERLINED)),
    group: Style::new().fg(Color::Black).bg(Color::Yellow).add_modifier(BOLD),
    item: NONE,
    selected: Style::new().add_modifier(Modifier::REVERSED.union(BOLD)),
    selected_unfocused: Style::new().add_modifier(BOLD.union(Modifier::UNDERLINED)),
    text: Style::new().add_modifier(BOLD),
    dim: NONE,
    emphasis: Style::new().add_modifier(BOLD.union(Modifier::UNDERLINED)),
    overlap: Style::new().fg(Color::Black).bg(Color::Green).add_modifier(BOLD),
    key: Style::new().add_modifier(Modifier::REVERSED.union(BOLD)),
    hint: NONE,
    warning: Style::new().fg(Color::Black).bg(Color::Yellow).add_modifier(BOLD),
    good: Style::new().fg(Color::Black).bg(Color::Green).add_modifier(BOLD),
    bad: Style::new().fg(Color::White).bg(Color::Red).add_modifier(BOLD),
    gauge: Style::new().add_modifier(BOLD),
};

/// For `NO_COLOR` and `--theme mono`: the same structure, with modifiers only.
pub const MONO: Theme = Theme {
    variant: Variant::Mono,
    app_title: Style::new().add_modifier(Modifier::REVERSED.union(BOLD)),
    tab: NONE,
    tab_active: Style::new().add_modifier(BOLD.union(Modifier::UNDERLINED)),
    border: NONE,
    title: Style::new().add_modifier(BOLD),
    group: Style::new().add_modifier(BOLD),
    item: NONE,
    selected: Style::new().add_modifier(Modifier::REVERSED.union(BOLD)),
    selected_unfocused: Style::new().add_modifier(BOLD.union(Modifier::UNDERLINED)),
    text: NONE,
    dim: NONE,
    emphasis: Style::new().add_modifier(BOLD),
    overlap: Style::new().add_modifier(BOLD),
    key: Style::new().add_modifier(BOLD),
    hint: NONE,
    warning: Style::new().add_modifier(BOLD),
    good: Style::new().add_modifier(BOLD),
    bad: Style::new().add_modifier(BOLD),
    gauge: Style::new().add_modifier(BOLD),
};

/// Back-compatible name of the default theme.
pub const COLOUR: Theme = DARK;

/// A theme's name, for the app state to hold instead of its styles.
impl From<&Theme> for Variant {
    fn from(theme: &Theme) -> Variant {
        theme.variant
    }
}

impl Theme {
    pub fn by_variant(v: Variant) -> &'static Theme {
        match v {
            // `auto` is settled by `choose` before a theme is needed; dark if it was not.
            Variant::Dark | Variant::Auto => &DARK,
            Variant::Light => &LIGHT,
            Variant::HighContrast => &HIGH_CONTRAST,
            Variant::Mono => &MONO,
        }
    }

    /// Whether any colour is used at all.
    pub fn colour(&self) -> bool {
        self.variant != Variant::Mono
    }

    /// The style for a discipline's name: its colour (adapted to the background) when the
    /// theme has colour, bold always.
    pub fn discipline(&self, colour: Colour) -> Style {
        let bold = Style::new().add_modifier(BOLD);
        match self.variant {
            Variant::Mono => bold,
            Variant::Light => bold.fg(on_light(colour)),
            // A content colour could be the background's own; the name is underlined instead.
            Variant::HighContrast => bold.add_modifier(Modifier::UNDERLINED),
            Variant::Dark | Variant::Auto => bold.fg(to_color(colour)),
        }
    }
}

/// A content colour as it reads on a light background: pale ones darkened.
fn on_light(c: Colour) -> Color {
    match c {
        Colour::Named(NamedColour::Yellow | NamedColour::LightYellow) => Color::Indexed(130),
        Colour::Named(NamedColour::White | NamedColour::Gray) => Color::DarkGray,
        Colour::Named(NamedColour::Cyan | NamedColour::LightCyan) => Color::Indexed(30),
        Colour::Named(NamedColour::Green | NamedColour::LightGreen) => Color::Indexed(28),
        Colour::Named(NamedColour::LightRed) => Color::Red,
        Colour::Named(NamedColour::LightBlue) => Color::Blue,
        Colour::Named(NamedColour::LightMagenta) => Color::Magenta,
        other => to_color(other),
    }
}

pub fn to_color(c: Colour) -> Color {
    match c {
        Colour::Rgb(r, g, b) => Color::Rgb(r, g, b),
        Colour::Named(n) => match n {
            NamedColour::Black => Color::Black,
            NamedColour::Red => Color::Red,
            NamedColour::Green => Color::Green,
            NamedColour::Yellow => Color::Yellow,
            NamedColour::Blue => Color::Blue,
            NamedColour::Magenta => Color::Magenta,
            NamedColour::Cyan => Color::Cyan,
            NamedColour::Gray => Color::Gray,
            NamedColour::DarkGray => Color::DarkGray,
            NamedColour::LightRed => Color::LightRed,
            NamedColour::LightGreen => Color::LightGreen,
            NamedColour::LightYellow => Color::LightYellow,
            NamedColour::LightBlue => Color::LightBlue,
            NamedColour::LightMagenta => Color::LightMagenta,
            NamedColour::LightCyan => Color::LightCyan,
            NamedColour::White => Color::White,
        },
    }
}

/// The theme to use. An explicit `--theme` wins (`--theme auto` included, unless NO_COLOR
/// is set); then NO_COLOR (mono); then the settings file; then auto. Auto stays auto here:
/// the first frame is drawn dark at once, and the terminal's answer about its background,
/// when it comes, settles it (see `terminal::reply`).
pub fn choose(cli: Option<Variant>, settings: Option<Variant>, no_color: bool) -> Variant {
    match (cli, no_color) {
        (Some(t), _) if t != Variant::Auto => t,
        (_, true) => Variant::Mono,
        (Some(auto), false) => auto,
        (None, false) => settings.unwrap_or(Variant::Auto),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choose_follows_the_precedence() {
        use Variant::*;
        // --theme wins over everything; NO_COLOR over the settings and auto.
        assert_eq!(choose(Some(HighContrast), Some(Light), true), HighContrast);
        assert_eq!(choose(Some(Dark), Some(Light), false), Dark);
        assert_eq!(choose(None, Some(Light), true), Mono);
        assert_eq!(choose(Some(Auto), None, true), Mono);
        // Then the settings file.
        assert_eq!(choose(None, Some(Dark), false), Dark);
        assert_eq!(choose(None, Some(Light), false), Light);
        // Auto, asked for or by default, is left for the terminal's answer: --theme auto
        // over a settings file's theme too.
        assert_eq!(choose(Some(Auto), Some(Dark), false), Auto);
        assert_eq!(choose(None, Some(Auto), false), Auto);
        assert_eq!(choose(None, None, false), Auto);
    }

    #[test]
    fn auto_draws_dark_until_the_terminal_answers() {
        assert_eq!(Theme::by_variant(Variant::Auto).variant, Variant::Dark);
    }
}
