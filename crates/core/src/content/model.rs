//! The content model: plain data, resolved and validated, with no terminal in sight.
//!
//! References between items are indices into the vectors of [`Content`], resolved once at
//! load time, so readers never look an id up again and can never meet a dangling one.

use std::ops::Range;

use serde::{Deserialize, Serialize};
use strum::{EnumString, IntoStaticStr, VariantNames};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Content {
    /// In file order: the order of the columns, left to right.
    pub disciplines: Vec<Discipline>,
    /// In file order, each owning a contiguous run of `dimensions`.
    pub groups: Vec<Group>,
    /// Sorted by group (in group order), then in file order within a group.
    pub dimensions: Vec<Dimension>,
    pub sources: Vec<Source>,
    /// The authored quiz questions, in file order (the drill is generated, not stored).
    pub questions: Vec<Question>,
    /// The glossary, in file order.
    pub terms: Vec<Term>,
    /// The "which field fits me?" self-assessment.
    pub fit: Fit,
    /// Where along a chain of stages each discipline works, if the pack draws one.
    pub flow: Option<Flow>,
    /// The pack's title, authors, course and licence, as far as given.
    #[serde(default)]
    pub pack: Pack,
}

/// What a pack says about itself (`[pack]` in disciplines.toml); every field optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pack {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub authors: Vec<String>,
    pub course: Option<String>,
    pub licence: Option<String>,
    /// A language tag (`en`, `pt-BR`).
    pub language: Option<String>,
}

impl Content {
    /// The pack's title, else the disciplines' names ("A vs B").
    pub fn title(&self) -> String {
        match &self.pack.title {
            Some(t) => t.clone(),
            None => self.disciplines.iter().map(|d| d.name.as_str()).collect::<Vec<_>>().join(" vs "),
        }
    }
}

/// A chain of stages (suppliers → … → customers) and the stages each discipline covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flow {
    /// The stage names, in chain order.
    pub stages: Vec<String>,
    /// Per discipline (in [`Content::disciplines`] order), the indices of the stages it
    /// covers, ascending; empty when the author left that discipline out.
    pub spans: Vec<Vec<usize>>,
    /// A caveat shown with the strip (for instance, that the fields nest both ways).
    pub note: Option<String>,
    pub sources: Vec<usize>,
}

/// Which discipline owns something: one of them, or all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Owner {
    Discipline(usize),
    Both,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    pub id: String,
    pub name: String,
    /// Other names and abbreviations, for search.
    pub aliases: Vec<String>,
    pub owner: Owner,
    pub definition: String,
    /// The dimensions where the term matters.
    pub related: Vec<usize>,
    pub sources: Vec<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fit {
    pub statements: Vec<Statement>,
    /// The dimension whose points list each discipline's typical roles.
    pub roles_dimension: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub id: String,
    /// An activity the learner rates from 1 (strongly dislike) to 5 (strongly like).
    pub text: String,
    /// The discipline liking it points to (away from, if `reverse`).
    pub discipline: usize,
    /// The dimension to read if it appeals.
    pub dimension: usize,
    pub reverse: bool,
    pub sources: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discipline {
    pub id: String,
    pub name: String,
    pub short: String,
    pub summary: String,
    pub color: Colour,
    pub sources: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub id: String,
    pub title: String,
    /// The indices of this group's dimensions in [`Content::dimensions`].
    pub dimensions: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dimension {
    pub id: String,
    pub title: String,
    pub group: usize,
    /// The difference in one sentence.
    pub summary: Option<String>,
    /// What the disciplines share on this dimension.
    pub overlap: Option<String>,
    /// A caveat the reader should not miss.
    pub note: Option<String>,
    /// One list of points per discipline, in the order of [`Content::disciplines`]: first
    /// the points of the facets (facet `f` is `points[d][f]`), then the unpaired ones. The
    /// drill, search and export read every point from here.
    pub points: Vec<Vec<String>>,
    pub sources: Vec<usize>,
    /// Each point's own sources, shaped like `points` (empty where none are given).
    pub point_sources: Vec<Vec<Vec<usize>>>,
    /// The labels of the facets: points paired across the disciplines ("Goal", "Main tools").
    pub facets: Vec<String>,
    /// What the disciplines share, as bullets; an `overlap` paragraph is one bullet.
    pub shared: Vec<Point>,
    /// The short phrases of the at-a-glance matrix, if the author wrote them.
    pub glance: Option<Glance>,
    /// Each field's points are steps in order (`numbered = true`): shown "1.", "2.", …
    #[serde(default)]
    pub numbered: bool,
}

impl Dimension {
    /// The marker before point `p` of a list: its number, or a bullet.
    pub fn marker(&self, p: usize) -> String {
        if self.numbered { format!("{}. ", p + 1) } else { "• ".to_string() }
    }
}

/// A teaching sentence and the sources that support it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    pub text: String,
    pub sources: Vec<usize>,
}

/// A dimension in a few words per discipline, for the at-a-glance matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Glance {
    /// Per discipline; `None` where the author left one out.
    pub phrases: Vec<Option<String>>,
    /// What they share, in a few words.
    pub both: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    /// A few words for citing the source inline ("CSCMP definitions"); defaults to the title.
    pub short: Option<String>,
    pub author: Option<String>,
    pub year: Option<i64>,
    pub url: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// Stable across wording edits: saved progress is keyed by it.
    pub id: String,
    pub kind: QuestionKind,
    /// The dimension the question teaches.
    pub dimension: usize,
    /// 1 (recall) to 3 (application).
    pub difficulty: u8,
    pub prompt: String,
    /// The options of single and multi questions; empty for the other kinds, whose options
    /// the quiz supplies (true/false, the disciplines).
    pub options: Vec<String>,
    pub answer: Answer,
    pub explanation: String,
    pub sources: Vec<usize>,
    /// Whether the options may be shown in another order (`shuffle = false` keeps options
    /// whose order means something, such as steps or sizes, as written).
    #[serde(default = "yes")]
    pub shuffle: bool,
}

fn yes() -> bool {
    true
}

/// Named in `quiz.toml` as `single`, `multi`, `true-false`, `which` and `typed`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, EnumString, IntoStaticStr, VariantNames,
)]
#[strum(serialize_all = "kebab-case")]
pub enum QuestionKind {
    /// One right option of three to five.
    Single,
    /// Choose all that apply.
    Multi,
    TrueFalse,
    /// Which discipline does this describe (or both)?
    Which,
    /// The learner types the answer; it is matched against the accepted answers.
    Typed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    /// Indices into `options`, ascending: one for single, one or more for multi.
    Options(Vec<usize>),
    TrueFalse(bool),
    /// A discipline, by index.
    Discipline(usize),
    /// Both (all) disciplines.
    Both,
    /// The accepted answers of a typed question, the first the one shown as expected.
    Typed(Vec<String>),
}

/// A discipline's colour, named as a terminal names it or as `#rrggbb`. Kept free of any
/// terminal library; the UI maps it to its own colour type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Colour {
    Named(NamedColour),
    Rgb(u8, u8, u8),
}

/// Named in `disciplines.toml` in lower case: `darkgray`, `lightblue`, ….
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, EnumString, IntoStaticStr, VariantNames,
)]
#[strum(serialize_all = "lowercase")]
pub enum NamedColour {
    Black,
    Red,
    Green,
    Yellow,
    Blue,
    Magenta,
    Cyan,
    Gray,
    DarkGray,
    LightRed,
    LightGreen,
    LightYellow,
    LightBlue,
    LightMagenta,
    LightCyan,
    White,
}

impl std::str::FromStr for Colour {
    type Err = ();

    /// Accepts the names of [`NamedColour`] (any case, `grey` for `gray`, `-`/`_`/space
    /// ignored) and `#rrggbb`.
    fn from_str(s: &str) -> Result<Self, ()> {
        if let Some(hex) = s.strip_prefix('#') {
            if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(());
            }
            let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| ());
            return Ok(Colour::Rgb(byte(0)?, byte(2)?, byte(4)?));
        }
        let name: String = s
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .collect::<String>()
            .to_ascii_lowercase()
            .replace("grey", "gray");
        name.parse().map(Colour::Named).map_err(|_| ())
    }
}

impl Content {
    /// For every dimension, the terms related to it, in glossary order. One pass over the
    /// terms; asking dimension by dimension would be a pass each.
    pub fn terms_by_dimension(&self) -> Vec<Vec<usize>> {
        let mut by = vec![Vec::new(); self.dimensions.len()];
        for (t, term) in self.terms.iter().enumerate() {
            for &d in &term.related {
                by[d].push(t);
            }
        }
        by
    }

    /// For every source, the dimensions citing it, in display order.
    pub fn dimensions_by_source(&self) -> Vec<Vec<usize>> {
        let mut by = vec![Vec::new(); self.sources.len()];
        for (d, dim) in self.dimensions.iter().enumerate() {
            for &s in &dim.sources {
                by[s].push(d);
            }
        }
        by
    }

    /// "Supply Chain Management", or "Both" (or "All" with more than two disciplines).
    pub fn owner_name(&self, owner: Owner) -> &str {
        match owner {
            Owner::Discipline(d) => &self.disciplines[d].name,
            Owner::Both if self.disciplines.len() == 2 => "Both",
            Owner::Both => "All",
        }
    }

    /// "SCM", or "Both"/"All".
    pub fn owner_short(&self, owner: Owner) -> &str {
        match owner {
            Owner::Discipline(d) => &self.disciplines[d].short,
            Owner::Both => self.owner_name(owner),
        }
    }

    /// The stage names of the flow, by index, for one discipline's span.
    pub fn flow_span(&self, discipline: usize) -> impl Iterator<Item = &str> {
        self.flow
            .iter()
            .flat_map(move |f| f.spans.get(discipline).into_iter().flatten().map(|&s| f.stages[s].as_str()))
    }

    pub fn dimension_index(&self, id: &str) -> Option<usize> {
        self.dimensions.iter().position(|d| d.id == id)
    }

    /// Counts for a one-line summary: disciplines, groups, dimensions, points, sources.
    pub fn point_count(&self) -> usize {
        self.dimensions.iter().flat_map(|d| &d.points).map(Vec::len).sum()
    }
}

impl Dimension {
    /// The points of discipline `d` that have no counterpart in a facet.
    pub fn unpaired(&self, d: usize) -> &[String] {
        self.points[d].get(self.facets.len()..).unwrap_or_default()
    }

    /// The sources of point `p` of discipline `d` (empty if it has none of its own).
    pub fn point_sources(&self, d: usize, p: usize) -> &[usize] {
        self.point_sources.get(d).and_then(|s| s.get(p)).map_or(&[], Vec::as_slice)
    }

    /// The matrix phrase for discipline `d`: the author's short phrase, else its first point
    /// (which the matrix shows the start of).
    pub fn glance_phrase(&self, d: usize) -> &str {
        self.glance
            .as_ref()
            .and_then(|g| g.phrases.get(d)?.as_deref())
            .or_else(|| self.points.get(d)?.first().map(String::as_str))
            .unwrap_or_default()
    }

    /// The matrix phrase for what the disciplines share: the author's, else the first shared
    /// bullet; `None` when nothing is shared.
    pub fn glance_both(&self) -> Option<&str> {
        self.glance
            .as_ref()
            .and_then(|g| g.both.as_deref())
            .or_else(|| self.shared.first().map(|p| p.text.as_str()))
    }

    /// Whether the phrase for discipline `d` was written by the author (not a fallback).
    pub fn has_glance_phrase(&self, d: usize) -> bool {
        self.glance.as_ref().is_some_and(|g| g.phrases.get(d).is_some_and(Option::is_some))
    }
}

impl Source {
    /// How the source is cited next to the text it supports.
    pub fn label(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.title)
    }

    /// "Author, Title (year)" — the form a reference list shows.
    pub fn citation(&self) -> String {
        let mut s = String::new();
        if let Some(a) = &self.author {
            s.push_str(a);
            s.push_str(", ");
        }
        s.push_str(&self.title);
        if let Some(y) = self.year {
            s.push_str(&format!(" ({y})"));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse() {
        assert_eq!("cyan".parse(), Ok(Colour::Named(NamedColour::Cyan)));
        assert_eq!("Light-Blue".parse(), Ok(Colour::Named(NamedColour::LightBlue)));
        assert_eq!("dark grey".parse(), Ok(Colour::Named(NamedColour::DarkGray)));
        assert_eq!("#0a1B2c".parse(), Ok(Colour::Rgb(10, 27, 44)));
        assert_eq!("#0a1B2".parse::<Colour>(), Err(()));
        assert_eq!("#0a1B2é".parse::<Colour>(), Err(()));
        assert_eq!("chartreuse".parse::<Colour>(), Err(()));
    }

    /// The names are part of the file format (packs written against it must keep loading),
    /// so the derived ones are pinned here, and each parses back to its variant.
    #[test]
    fn derived_names_are_the_file_format() {
        assert_eq!(QuestionKind::VARIANTS, ["single", "multi", "true-false", "which", "typed"]);
        for name in QuestionKind::VARIANTS {
            let kind: QuestionKind = name.parse().expect("a derived name parses");
            assert_eq!(<&str>::from(kind), *name);
        }
        assert_eq!(NamedColour::VARIANTS.len(), 16);
        assert!(
            NamedColour::VARIANTS.contains(&"darkgray") && NamedColour::VARIANTS.contains(&"lightmagenta")
        );
        for name in NamedColour::VARIANTS {
            let Ok(Colour::Named(c)) = name.parse::<Colour>() else { panic!("{name} does not parse") };
            assert_eq!(<&str>::from(c), *name);
        }
    }
}
