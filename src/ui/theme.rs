//! Named styles, in one place. Colour never carries meaning alone: focus is a thick border
//! and a reversed title, selection a marker and reverse video, headings bold.

use ratatui::style::{Color, Modifier, Style};

use crate::content::{Colour, NamedColour};

pub struct Theme {
    /// Whether content colours (a discipline's colour) are used at all.
    pub colour: bool,
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
}

const fn fg(c: Color) -> Style {
    Style::new().fg(c)
}

pub const COLOUR: Theme = Theme {
    colour: true,
    app_title: Style::new().fg(Color::Black).bg(Color::Cyan).add_modifier(Modifier::BOLD),
    tab: Style::new(),
    tab_active: Style::new().fg(Color::White).add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
    // Borders in the terminal's own colour and weight: a styled border costs two style
    // changes on every row it crosses, which was most of a frame's bytes. Focus shows as a
    // thick border and a title in reverse video.
    border: Style::new(),
    title: Style::new().add_modifier(Modifier::BOLD),
    group: fg(Color::LightBlue).add_modifier(Modifier::BOLD),
    item: Style::new(),
    selected: Style::new().add_modifier(Modifier::REVERSED.union(Modifier::BOLD)),
    selected_unfocused: Style::new().add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
    text: Style::new(),
    dim: fg(Color::Gray),
    emphasis: Style::new().add_modifier(Modifier::BOLD),
    overlap: fg(Color::LightGreen).add_modifier(Modifier::BOLD),
    key: fg(Color::Cyan).add_modifier(Modifier::BOLD),
    hint: Style::new(),
    warning: fg(Color::LightYellow).add_modifier(Modifier::BOLD),
};

/// For `NO_COLOR`: the same structure, with modifiers only.
pub const MONO: Theme = Theme {
    colour: false,
    app_title: Style::new().add_modifier(Modifier::REVERSED.union(Modifier::BOLD)),
    tab: Style::new(),
    tab_active: Style::new().add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
    border: Style::new(),
    title: Style::new().add_modifier(Modifier::BOLD),
    group: Style::new().add_modifier(Modifier::BOLD),
    item: Style::new(),
    selected: Style::new().add_modifier(Modifier::REVERSED.union(Modifier::BOLD)),
    selected_unfocused: Style::new().add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
    text: Style::new(),
    dim: Style::new(),
    emphasis: Style::new().add_modifier(Modifier::BOLD),
    overlap: Style::new().add_modifier(Modifier::BOLD),
    key: Style::new().add_modifier(Modifier::BOLD),
    hint: Style::new(),
    warning: Style::new().add_modifier(Modifier::BOLD),
};

impl Theme {
    /// The style for a discipline's name: its colour when colour is on, bold always.
    pub fn discipline(&self, colour: Colour) -> Style {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        if self.colour { bold.fg(to_color(colour)) } else { bold }
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
