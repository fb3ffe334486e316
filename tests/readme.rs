//! The README's key table is generated from the one key table; this test keeps them equal.
//! Run with `UPDATE_README=1` to rewrite the README section after changing a binding.

use scm_vs_om::keymap;

const START: &str = "<!-- keys:start (generated from src/keymap/bindings.rs by tests/readme.rs) -->";
const END: &str = "<!-- keys:end -->";

fn key_table() -> String {
    let mut out = String::new();
    for ctx in keymap::ALL_CONTEXTS {
        out.push_str(&format!("\n**{}**\n\n| Keys | Action |\n|---|---|\n", ctx.title()));
        for bind in keymap::bindings_for(ctx) {
            let keys: Vec<String> = bind.keys.iter().map(|k| format!("`{}`", k.label())).collect();
            out.push_str(&format!("| {} | {} |\n", keys.join(" "), bind.help));
        }
    }
    out
}

#[test]
fn readme_key_table_matches_the_key_table() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let start = readme.find(START).expect("README has the keys:start marker") + START.len();
    let end = readme.find(END).expect("README has the keys:end marker");
    let expected = format!("{}\n", key_table());
    if std::env::var_os("UPDATE_README").is_some() {
        let updated = format!("{}{}{}", &readme[..start], expected, &readme[end..]);
        std::fs::write(path, updated).unwrap();
        return;
    }
    assert_eq!(
        &readme[start..end],
        expected,
        "README keys differ; run UPDATE_README=1 cargo test --test readme"
    );
}

#[test]
fn readme_shows_the_two_commands() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(readme.contains("cargo run --release"));
    assert!(readme.contains("cargo test"));
}

const HELP_START: &str = "<!-- help:start (the output of `scm-vs-om --help`, checked by tests/readme.rs) -->";
const HELP_END: &str = "<!-- help:end -->";

#[test]
fn readme_command_line_reference_is_the_real_help() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_scm-vs-om"))
        .arg("--help")
        .env_remove("SCM_VS_OM_CONFIG")
        .env_remove("SCM_VS_OM_DATA_DIR")
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    let expected = format!("\n```text\n{}```\n", help);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let start = readme.find(HELP_START).expect("README has the help:start marker") + HELP_START.len();
    let end = readme.find(HELP_END).expect("README has the help:end marker");
    if std::env::var_os("UPDATE_README").is_some() {
        std::fs::write(path, format!("{}{}{}", &readme[..start], expected, &readme[end..])).unwrap();
        return;
    }
    assert_eq!(
        &readme[start..end],
        expected,
        "README help differs; run UPDATE_README=1 cargo test --test readme"
    );
}
