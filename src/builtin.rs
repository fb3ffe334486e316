//! The built-in content, ready to use.
//!
//! `build.rs` parsed and checked `content/*.toml` when the binary was built (a problem there
//! fails the build, with every diagnostic) and stored the model in postcard's compact binary
//! form. Start-up decodes it instead of parsing TOML, in about a tenth of the time.

use crate::content::{Content, ContentSource, LoadError, Loaded};

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin-content.postcard"));

/// The stored built-in content. A trait because [`Content`] belongs to the core crate, which
/// cannot hold bytes this crate's build script makes; it keeps the calls `Content::builtin()`.
pub trait BuiltinContent: Sized {
    /// The built-in content, decoded from what `build.rs` stored.
    fn builtin() -> Self;

    /// Like [`Content::load`], but the built-in content comes ready-made rather than parsed.
    fn load_fast(source: &ContentSource) -> Result<Self, LoadError>;

    /// Like [`Content::load_checked`], but the built-in content comes ready-made (`build.rs`
    /// checked it; its warnings are for its writers, see `Content::load_checked`).
    fn load_fast_checked(source: &ContentSource) -> Result<Loaded, LoadError>;
}

impl BuiltinContent for Content {
    fn builtin() -> Content {
        postcard::from_bytes(BYTES).expect("build.rs wrote these bytes from this same model")
    }

    fn load_fast(source: &ContentSource) -> Result<Content, LoadError> {
        match source {
            ContentSource::Builtin => Ok(Content::builtin()),
            dir => Content::load(dir),
        }
    }

    fn load_fast_checked(source: &ContentSource) -> Result<Loaded, LoadError> {
        match source {
            ContentSource::Builtin => Ok(Loaded { content: Content::builtin(), warnings: Vec::new() }),
            dir => Content::load_checked(dir),
        }
    }
}
