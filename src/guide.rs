//! `scm-vs-om guide`: the authors' reference, CONTENT.md, from the binary itself, so a
//! teacher with only the program can read how to write a pack.

use std::io::Write;
use std::process::{Command, Stdio};

/// CONTENT.md as it was when the binary was built.
pub const TEXT: &str = include_str!("../CONTENT.md");

/// The pager to show the guide through: `$PAGER` (a program and its arguments, split on
/// spaces as shells do for simple values), else `less`.
pub fn pager(var: Option<&str>) -> Vec<String> {
    let words: Vec<String> = var.unwrap_or("").split_whitespace().map(str::to_owned).collect();
    if words.is_empty() { vec!["less".to_owned()] } else { words }
}

/// Shows the guide through `pager`. `Ok(false)` when the pager could not be started, so the
/// caller prints the text itself; a pager closed before the end (`q` in less) is fine.
pub fn page(pager: &[String]) -> std::io::Result<bool> {
    let Some((program, args)) = pager.split_first() else { return Ok(false) };
    let mut cmd = Command::new(program);
    cmd.args(args).stdin(Stdio::piped());
    // less, unless told otherwise: quit at once if the text fits, keep colours off the screen.
    if program == "less" && std::env::var_os("LESS").is_none() {
        cmd.env("LESS", "FRX");
    }
    let Ok(mut child) = cmd.spawn() else { return Ok(false) };
    if let Some(mut stdin) = child.stdin.take() {
        match stdin.write_all(TEXT.as_bytes()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e),
            _ => {}
        }
    }
    child.wait()?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pager_is_pager_split_into_words_or_less() {
        assert_eq!(pager(None), ["less"]);
        assert_eq!(pager(Some("  ")), ["less"]);
        assert_eq!(pager(Some("most")), ["most"]);
        assert_eq!(pager(Some("less -R")), ["less", "-R"]);
    }

    #[test]
    fn the_guide_is_content_md() {
        assert!(TEXT.starts_with("# Writing content for scm-vs-om\n"));
    }
}
