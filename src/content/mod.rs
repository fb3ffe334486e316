//! The content model and its loading. No terminal code lives here: `check`, `export` and the
//! tests use it as plain data.

mod diag;
mod load;
mod model;
mod reader;
pub mod sanitize;

pub use diag::{Diagnostic, LoadError, escape};
pub use load::{BUILTIN, ContentSource, FILES, FileText, MAX_FILE_BYTES, decode, read_file};
pub use model::{Colour, Content, Dimension, Discipline, Group, NamedColour, Source};
