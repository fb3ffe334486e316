//! The content model and its loading. No terminal code lives here: `check`, `export` and the
//! tests use it as plain data.

mod compare_file;
mod diag;
mod fit_file;
mod glossary_file;
mod ids;
mod load;
mod model;
mod quiz_file;
pub mod reader;
mod resolve;
pub mod sanitize;

pub use diag::{Diagnostic, LoadError, escape};
pub use load::{BUILTIN, ContentSource, FILES, FileText, MAX_FILE_BYTES, OPTIONAL_FILES, decode, read_file};
pub use model::{
    Answer, Colour, Content, Dimension, Discipline, Fit, Group, NamedColour, Owner, Question, QuestionKind,
    Source, Statement, Term,
};
pub use quiz_file::letter;
