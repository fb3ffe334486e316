//! The content model and its loading. No terminal code lives here: `check`, `export` and the
//! tests use it as plain data.

mod compare_facets;
mod compare_file;
mod diag;
mod fit_file;
mod flow_file;
pub mod glance;
mod glossary_file;
mod ids;
mod load;
mod model;
mod pack_file;
mod quiz_file;
pub mod reader;
mod resolve;
pub mod sanitize;
mod syntax;
mod warnings;

pub use diag::{AsWarning, Diagnostic, LoadError, escape, warning_lines};
pub use load::{
    BUILTIN, ContentSource, FILES, FileText, Loaded, MAX_FILE_BYTES, OPTIONAL_FILES, decode, read_file,
};
pub use model::{
    Answer, Colour, Content, Dimension, Discipline, Fit, Flow, Glance, Group, NamedColour, Owner, Pack,
    Point, Question, QuestionKind, Source, Statement, Term,
};
pub use quiz_file::letter;
