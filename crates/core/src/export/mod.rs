//! Export of a validated content pack: a handout for teachers (Markdown or one printable HTML
//! page), cards for learners' own tools (Anki, CSV for spreadsheets and Quizlet), and JSON for
//! other programs. No terminal code here.
//!
//! The handout is built once as a small document ([`doc::Block`]s) and written out by each
//! renderer, so Markdown and HTML always say the same thing.

mod cards;
mod doc;
mod json;
mod render;
mod sheet;

pub use json::{JSON_VERSION, colour_name};
pub use sheet::{Options, SheetError, Worksheet};

use crate::content::{Content, Owner, QuestionKind};

/// The whole model as JSON, pretty-printed, ending with a newline.
pub fn json(c: &Content) -> String {
    json::json(c)
}

/// The whole pack as a Markdown handout (CommonMark with GFM tables).
pub fn markdown(c: &Content) -> String {
    markdown_with(c, &Options::default()).expect("the default options select nothing by id")
}

/// The handout as Markdown, with the worksheet the options ask for.
pub fn markdown_with(c: &Content, options: &Options) -> Result<String, SheetError> {
    let sheet = Worksheet::new(c, options)?;
    Ok(render::markdown(&doc::handout(c, &sheet)))
}

/// The handout as one self-contained HTML page, styled for print.
pub fn html_with(c: &Content, options: &Options) -> Result<String, SheetError> {
    let sheet = Worksheet::new(c, options)?;
    Ok(render::html(&doc::handout(c, &sheet), c))
}

/// Notes for Anki's text import: one per question and per glossary term.
pub fn anki_with(c: &Content, options: &Options) -> Result<String, SheetError> {
    Ok(cards::anki(c, &Worksheet::new(c, options)?))
}

/// The same cards as CSV, for spreadsheets and Quizlet's import.
pub fn csv_with(c: &Content, options: &Options) -> Result<String, SheetError> {
    Ok(cards::csv(c, &Worksheet::new(c, options)?))
}

use crate::content::letter;

fn owner_id(c: &Content, o: Owner) -> &str {
    match o {
        Owner::Discipline(d) => &c.disciplines[d].id,
        Owner::Both => "both",
    }
}

fn kind_name(k: QuestionKind) -> &'static str {
    k.into()
}
