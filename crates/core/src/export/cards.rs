//! Cards for the tools learners already use: Anki's text import and CSV (spreadsheets,
//! Quizlet). One card per question of the worksheet and per glossary term.

use std::fmt::Write;

use super::letter;
use super::sheet::Worksheet;
use crate::content::Content;

/// One card: front, back, and tags (ids, no spaces).
struct Card {
    front: Vec<String>,
    back: Vec<String>,
    tags: Vec<String>,
}

/// A tag Anki keeps whole: no spaces (they separate tags).
fn tag(prefix: &str, id: &str) -> String {
    format!("{prefix}::{}", id.replace(char::is_whitespace, "_"))
}

fn cards(c: &Content, sheet: &Worksheet) -> Vec<Card> {
    let dimension_tags = |d: usize| {
        let dim = &c.dimensions[d];
        [tag("group", &c.groups[dim.group].id), tag("dimension", &dim.id)]
    };
    let mut out = Vec::new();
    for card in &sheet.cards {
        let mut front = vec![card.prompt.clone()];
        front.extend(card.options.iter().enumerate().map(|(k, o)| format!("{}) {o}", letter(k))));
        let mut right: Vec<String> =
            card.correct.iter().map(|&k| format!("{}) {}", letter(k), card.options[k])).collect();
        if right.is_empty() {
            // A typed answer: what is accepted.
            right.push(card.accepted.join(" / "));
        }
        let mut tags = vec!["question".to_string()];
        tags.extend(dimension_tags(card.dimension));
        out.push(Card { front, back: vec![right.join(", "), card.explanation.clone()], tags });
    }
    for t in &c.terms {
        if !t.related.iter().any(|&d| sheet.covers(c, d)) && sheet.group.is_some() {
            continue;
        }
        let mut front = vec![t.name.clone()];
        if !t.aliases.is_empty() {
            front.push(format!("(also: {})", t.aliases.join(", ")));
        }
        let mut tags = vec!["glossary".to_string(), tag("field", super::owner_id(c, t.owner))];
        for &d in &t.related {
            for x in dimension_tags(d) {
                if !tags.contains(&x) {
                    tags.push(x);
                }
            }
        }
        out.push(Card { front, back: vec![format!("{}: {}", c.owner_name(t.owner), t.definition)], tags });
    }
    out
}

/// A field of an HTML note: escaped, its lines joined with `<br>`, no tabs or line breaks
/// left to split the record.
fn anki_field(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| {
            l.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        })
        .collect::<Vec<_>>()
        .join("<br>")
}

/// Anki's "Import File" text format: headers it reads, then one note a line, tab-separated
/// front, back and tags. Deck and note type are named so the import needs no choices.
pub fn anki(c: &Content, sheet: &Worksheet) -> String {
    let mut out = String::new();
    let deck = match sheet.group {
        Some(g) => format!("{}::{}", c.title(), c.groups[g].title),
        None => c.title(),
    };
    let _ = writeln!(out, "#separator:tab");
    let _ = writeln!(out, "#html:true");
    let _ = writeln!(out, "#notetype:Basic");
    let _ = writeln!(out, "#deck:{}", deck.split_whitespace().collect::<Vec<_>>().join(" "));
    let _ = writeln!(out, "#tags column:3");
    for card in cards(c, sheet) {
        let _ =
            writeln!(out, "{}\t{}\t{}", anki_field(&card.front), anki_field(&card.back), card.tags.join(" "));
    }
    out
}

/// A CSV field, quoted (RFC 4180): inner quotes doubled, lines joined with " / ".
fn csv_field(lines: &[String]) -> String {
    let joined = lines.iter().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).collect::<Vec<_>>();
    format!("\"{}\"", joined.join(" / ").replace('"', "\"\""))
}

/// Front and back first (what Quizlet's import reads as term and definition), then the kind
/// and the tags for sorting in a spreadsheet; a header row; CRLF line ends, as RFC 4180 has.
pub fn csv(c: &Content, sheet: &Worksheet) -> String {
    let mut out = String::from("front,back,tags\r\n");
    for card in cards(c, sheet) {
        let _ = write!(
            out,
            "{},{},{}\r\n",
            csv_field(&card.front),
            csv_field(&card.back),
            csv_field(&[card.tags.join(" ")])
        );
    }
    out
}
