//! Checks the built-in content at build time and stores it ready to use.
//!
//! The content module is plain Rust with no dependency on the rest of the crate, so it is
//! compiled here too. Invalid built-in content fails the build with every problem listed as
//! `path:line:col: message`; valid content is written as postcard bytes that the binary
//! decodes at start-up instead of parsing TOML.

#[path = "src/content/mod.rs"]
#[allow(dead_code, unused_imports)]
mod content;

fn main() {
    println!("cargo::rerun-if-changed=content");
    println!("cargo::rerun-if-changed=src/content");
    let content = match content::Content::parse_builtin_checked() {
        Ok(loaded) => {
            // One line, not one per warning: every build of the crate would repeat them.
            if !loaded.warnings.is_empty() {
                println!(
                    "cargo::warning=the built-in content has {} warnings; see them with `cargo run -- check --content content`",
                    loaded.warnings.len()
                );
            }
            loaded.content
        }
        Err(e) => {
            eprintln!("The built-in content in content/ has problems:\n{e}");
            std::process::exit(1);
        }
    };
    let bytes = postcard::to_allocvec(&content).expect("the model serialises");
    let out = std::path::Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("builtin-content.postcard");
    std::fs::write(out, bytes).expect("OUT_DIR is writable");
}
