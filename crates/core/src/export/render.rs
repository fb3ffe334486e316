//! The handout written out: CommonMark (with GFM tables) and one self-contained HTML page.

use std::fmt::Write;

use super::doc::{Block, Inline, Text};
use crate::content::Content;

/// One line of text, whatever line breaks or runs of spaces the content had (a space at
/// either end stays one space: it separates this run from the next).
fn one_line(s: &str) -> String {
    let inner = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let lead = if s.starts_with(char::is_whitespace) && !inner.is_empty() { " " } else { "" };
    let trail = if s.ends_with(char::is_whitespace) && !inner.is_empty() { " " } else { "" };
    format!("{lead}{inner}{trail}")
}

/// Text that Markdown shows as written: its punctuation escaped, and nothing at the start
/// that would begin a list, heading or quote.
fn md_escape(s: &str) -> String {
    let s = one_line(s);
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '#' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    // "1. Plan" or "- x" or "+ x" at the start of a paragraph or item would start a list.
    if out.starts_with(' ') {
        return out;
    }
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(out[digits..].chars().next(), Some('.' | ')')) {
        out.insert(digits, '\\');
    } else if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    }
    out
}

fn md_text(t: &Text) -> String {
    t.iter()
        .map(|i| match i {
            Inline::Text(s) => md_escape(s),
            Inline::Strong(s) if s.trim().is_empty() => String::new(),
            Inline::Strong(s) => format!("**{}**", md_escape(s)),
        })
        .collect()
}

pub fn markdown(blocks: &[Block]) -> String {
    let mut m = String::new();
    for b in blocks {
        match b {
            Block::Heading(level, t) => {
                let _ = writeln!(m, "{} {}\n", "#".repeat(usize::from(*level)), md_escape(t));
            }
            Block::Para(t) => {
                let _ = writeln!(m, "{}\n", md_text(t));
            }
            Block::Note(t) => {
                let _ = writeln!(m, "> **Note:** {}\n", md_text(t));
            }
            Block::Bullets(items) => {
                for i in items {
                    let _ = writeln!(m, "- {}", md_text(i));
                }
                m.push('\n');
            }
            Block::Numbered(items) => {
                for (n, i) in items.iter().enumerate() {
                    let _ = writeln!(m, "{}. {}", n + 1, md_text(i));
                }
                m.push('\n');
            }
            Block::Questions(items) => {
                for (n, (prompt, options)) in items.iter().enumerate() {
                    let marker = format!("{}. ", n + 1);
                    let _ = writeln!(m, "{marker}{}\n", md_text(prompt));
                    // Indented to the item's text, so the options are a list inside it.
                    let indent = " ".repeat(marker.len());
                    for o in options {
                        let _ = writeln!(m, "{indent}- {}", md_escape(o));
                    }
                    m.push('\n');
                }
            }
            Block::Table { head, rows } => {
                let head: Vec<String> = head.iter().map(|h| md_escape(h)).collect();
                let _ = writeln!(m, "| {} |", head.join(" | "));
                let _ = writeln!(m, "|{}", " --- |".repeat(head.len()));
                for r in rows {
                    let cells: Vec<String> = r.iter().map(md_text).collect();
                    let _ = writeln!(m, "| {} |", cells.join(" | "));
                }
                m.push('\n');
            }
            // Raw HTML is part of CommonMark; renderers that print (pandoc, browsers) honour it.
            Block::PageBreak => {
                m.push_str("<div style=\"break-before: page; page-break-before: always\"></div>\n\n")
            }
        }
    }
    m
}

fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in one_line(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

fn html_text(t: &Text) -> String {
    t.iter()
        .map(|i| match i {
            Inline::Text(s) => html_escape(s),
            Inline::Strong(s) => format!("<strong>{}</strong>", html_escape(s)),
        })
        .collect()
}

const STYLE: &str = "\
body { font-family: Georgia, 'Times New Roman', serif; max-width: 48em; margin: 2em auto; padding: 0 1em; line-height: 1.45; color: #111; background: #fff; }
h1, h2, h3, h4 { font-family: Helvetica, Arial, sans-serif; line-height: 1.2; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; }
th, td { border: 1px solid #888; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
th { background: #eee; }
blockquote { border-left: 3px solid #888; margin: 0.5em 0; padding-left: 0.8em; }
ol.questions > li { margin-bottom: 0.8em; }
ol.questions ul { list-style: none; padding-left: 1em; }
.page-break { break-before: page; page-break-before: always; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  table, tr, li { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
";

/// One page, styles inside it: it opens, prints and mails as a single file.
pub fn html(blocks: &[Block], c: &Content) -> String {
    let title = blocks
        .iter()
        .find_map(|b| match b {
            Block::Heading(1, t) => Some(t.clone()),
            _ => None,
        })
        .unwrap_or_else(|| c.title());
    let lang = c.pack.language.as_deref().unwrap_or("en");
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        html_escape(lang),
        html_escape(&title)
    );
    for b in blocks {
        match b {
            Block::Heading(level, t) => {
                let _ = writeln!(h, "<h{level}>{}</h{level}>", html_escape(t));
            }
            Block::Para(t) => {
                let _ = writeln!(h, "<p>{}</p>", html_text(t));
            }
            Block::Note(t) => {
                let _ = writeln!(h, "<blockquote><strong>Note:</strong> {}</blockquote>", html_text(t));
            }
            Block::Bullets(items) => {
                h.push_str("<ul>\n");
                for i in items {
                    let _ = writeln!(h, "<li>{}</li>", html_text(i));
                }
                h.push_str("</ul>\n");
            }
            Block::Numbered(items) => {
                h.push_str("<ol>\n");
                for i in items {
                    let _ = writeln!(h, "<li>{}</li>", html_text(i));
                }
                h.push_str("</ol>\n");
            }
            Block::Questions(items) => {
                h.push_str("<ol class=\"questions\">\n");
                for (prompt, options) in items {
                    let _ = write!(h, "<li>{}\n<ul>\n", html_text(prompt));
                    for o in options {
                        let _ = writeln!(h, "<li>{}</li>", html_escape(o));
                    }
                    h.push_str("</ul>\n</li>\n");
                }
                h.push_str("</ol>\n");
            }
            Block::Table { head, rows } => {
                h.push_str("<table>\n<thead><tr>");
                for c in head {
                    let _ = write!(h, "<th>{}</th>", html_escape(c));
                }
                h.push_str("</tr></thead>\n<tbody>\n");
                for r in rows {
                    h.push_str("<tr>");
                    for c in r {
                        let _ = write!(h, "<td>{}</td>", html_text(c));
                    }
                    h.push_str("</tr>\n");
                }
                h.push_str("</tbody>\n</table>\n");
            }
            Block::PageBreak => h.push_str("<div class=\"page-break\"></div>\n"),
        }
    }
    h.push_str("</body>\n</html>\n");
    h
}
