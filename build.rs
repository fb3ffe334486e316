//! Checks the built-in content at build time and stores it ready to use.
//!
//! The content model lives in the terminal-free core crate, a build-dependency here. Invalid
//! built-in content fails the build with every problem listed as `path:line:col: message`;
//! valid content is written as postcard bytes that the binary decodes at start-up instead of
//! parsing TOML.

use scm_vs_om_core::content::Content;

fn main() {
    // Cargo reruns this when the core crate changes; the TOML files it embeds are tracked
    // through the core crate, but say so here too so an edit to content/ always rebuilds.
    println!("cargo::rerun-if-changed=content");
    let content = match Content::parse_builtin_checked() {
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
