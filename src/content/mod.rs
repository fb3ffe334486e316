//! The content model and its loading. No terminal code lives here: `check`, `export` and the
//! tests use it as plain data.

mod compare_file;
mod diag;
mod load;
mod model;
mod quiz_file;
mod reader;
pub mod sanitize;

pub use diag::{Diagnostic, LoadError, escape};
pub use load::{BUILTIN, ContentSource, FILES, FileText, MAX_FILE_BYTES, OPTIONAL_FILES, decode, read_file};
pub use model::{
    Answer, Colour, Content, Dimension, Discipline, Group, NamedColour, Question, QuestionKind, Source,
};
