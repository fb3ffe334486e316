//! The built-in content, ready to use.
//!
//! `build.rs` parsed and checked `content/*.toml` when the binary was built (a problem there
//! fails the build, with every diagnostic) and stored the model in postcard's compact binary
//! form. Start-up decodes it instead of parsing TOML, in about a tenth of the time.

use crate::content::{Content, ContentSource, LoadError, Loaded};

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin-content.postcard"));

impl Content {
    /// The built-in content, decoded from what `build.rs` stored.
    pub fn builtin() -> Content {
        postcard::from_bytes(BYTES).expect("build.rs wrote these bytes from this same model")
    }

    /// Like [`Content::load`], but the built-in content comes ready-made rather than parsed.
    pub fn load_fast(source: &ContentSource) -> Result<Content, LoadError> {
        match source {
            ContentSource::Builtin => Ok(Content::builtin()),
            dir => Content::load(dir),
        }
    }

    /// Like [`Content::load_checked`], but the built-in content comes ready-made (`build.rs`
    /// checked it; `check` shows its warnings).
    pub fn load_fast_checked(source: &ContentSource) -> Result<Loaded, LoadError> {
        match source {
            ContentSource::Builtin => Ok(Loaded { content: Content::builtin(), warnings: Vec::new() }),
            dir => Content::load_checked(dir),
        }
    }
}
