//! TOML syntax errors, told by their cause.
//!
//! The parser reports where it got lost, which after some mistakes is far from the mistake:
//! a multi-line text closed with `""` puts every later line out of step, a misspelt table
//! header makes "duplicate key" errors below it, curly quotes from a word processor are "not
//! quoted". Here the parser's errors are read against the text: a known cause is reported
//! once, where it started, in words a teacher knows, and the errors that follow from it are
//! dropped (the message says how many, so nothing is hidden).

use super::ids::suggest;

/// One error as the parser gave it: where (if it said), and what.
pub struct ParserError {
    pub at: Option<usize>,
    pub message: String,
}

/// The tables a pack's files are made of, for suggesting the one a misspelt header meant.
/// Others are found in the file itself (headers written the right way elsewhere).
const KNOWN_TABLES: [&str; 7] =
    ["discipline", "source", "group", "dimension", "question", "term", "statement"];
/// Tables written once (`[x]`).
const KNOWN_SINGLE: [&str; 2] = ["pack", "flow"];

/// The diagnostics for a file's syntax errors: `(offset, message)`, one per cause.
pub fn explain(text: &str, errors: Vec<ParserError>) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut errors: Vec<(usize, String)> = errors
        .into_iter()
        .map(|e| {
            // The parser's nesting limit comes without a position: point at the line that
            // nests deepest, which is where it was reached.
            let at = e.at.unwrap_or_else(|| deepest_line(text)).min(text.len());
            let message = if e.at.is_none() && e.message.contains("recursion") {
                format!("{} (tables, arrays or dotted keys nested too deeply)", e.message)
            } else {
                e.message
            };
            (at, message)
        })
        .collect();
    if errors.is_empty() {
        return out;
    }
    errors.sort_by_key(|(at, _)| *at);
    let lex = lex(text);
    // An unclosed multi-line text: everything after its opening is out of step.
    if let Some(open) = lex.runaway.filter(|r| errors.iter().any(|(at, _)| *at >= r.open)) {
        let dropped = errors.iter().filter(|(at, _)| *at >= open.open).count();
        errors.retain(|(at, _)| *at < open.open);
        let quotes = &text[open.open..open.open + 3];
        let message = match open.looks_like_key {
            Some(line) => format!(
                "the text that starts here with {quotes} is not closed where it should be: it runs on \
                 to line {line}, which looks like the next key or table. End the text with {quotes} \
                 (three quotes, not two)"
            ),
            None => format!("the text that starts here with {quotes} is never closed: end it with {quotes}"),
        };
        out.push((open.open, with_dropped(format!("TOML syntax: {message}"), dropped)));
    }
    // A misspelt or single-bracket table header: "duplicate key" errors follow it.
    if let Some((at, message)) = misspelt_header(text, &lex.code_lines)
        && errors.iter().any(|(e, _)| *e >= at)
    {
        let follows = |e: &(usize, String)| e.0 >= at && e.1.contains("duplicate key");
        let dropped = errors.iter().filter(|e| follows(e)).count();
        errors.retain(|e| !follows(e));
        out.push((at, with_dropped(format!("TOML syntax: {message}"), dropped)));
    }
    // The rest, one per line (the parser's recovery often finds several on one line, which
    // only repeat it), in plain words.
    let mut last_line: Option<Option<usize>> = None;
    let mut skip_line_of: Option<usize> = None;
    for (at, message) in errors {
        let line_start = text[..at].rfind('\n');
        if last_line == Some(line_start) {
            continue;
        }
        last_line = Some(line_start);
        // The rest of a one-line text broken over two lines makes errors on the next line.
        if skip_line_of.is_some_and(|next| line_start.map_or(0, |l| l + 1) == next) {
            continue;
        }
        skip_line_of = None;
        let (at, plain) = plain_words(text, at, &message);
        if message.contains("invalid basic string") || message.contains("invalid literal string") {
            skip_line_of = text[at..].find('\n').map(|n| at + n + 1);
        }
        out.push((at, format!("TOML syntax: {plain}")));
    }
    out
}

fn with_dropped(message: String, dropped: usize) -> String {
    match dropped {
        0 => message,
        1 => format!("{message} (1 more error follows from this one and is not shown)"),
        n => format!("{message} ({n} more errors follow from this one and are not shown)"),
    }
}

/// The parser's message, said so a teacher knows what to type, and where to point.
fn plain_words(text: &str, at: usize, message: &str) -> (usize, String) {
    let line_end = text[at..].find('\n').map_or(text.len(), |n| at + n);
    let rest = &text[at..line_end];
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let line = &text[line_start..line_end];
    if let Some(i) = rest
        .trim_start()
        .chars()
        .next()
        .filter(|c| is_curly_quote(*c))
        .map(|_| at + rest.len() - rest.trim_start().len())
    {
        let c = text[i..].chars().next().expect("a quote");
        return (
            i,
            format!(
                "{c} is a curly (typographic) quote, which TOML does not read as a quote: type straight quotes \"…\" instead (word processors and some editors change them; turn off \"smart quotes\")"
            ),
        );
    }
    let curly_on_line = line.chars().find(|c| is_curly_quote(*c));
    let plain = if message.contains("invalid basic string") || message.contains("invalid literal string") {
        let q = if message.contains("basic") { "\"" } else { "'" };
        match curly_on_line {
            Some(c) => format!(
                "this text is not closed on its line: {c} is a curly quote, not {q}; end the text with a straight {q}"
            ),
            None => format!(
                "this text is not closed on its line: end it with {q} (for a text over several lines, write \"\"\" at both ends)"
            ),
        }
    } else if message.contains("string values must be quoted") {
        "text must be in quotes: write \"…\" around it".to_string()
    } else if message.contains("missing escaped value") || message.contains("escape") {
        "a backslash in \"…\" starts an escape such as \\n; for a backslash itself write \\\\, or put the text in single quotes '…'".to_string()
    } else if message.contains("duplicate key") {
        duplicate(text, at, line)
    } else if message.contains("key with no value") {
        "a key with no value: write `key = value` (a text value in quotes)".to_string()
    } else if message.contains("missing comma between array elements") {
        "a comma is missing between two items of the list".to_string()
    } else if message.contains("extra comma") {
        "two commas in a row in the list: remove one".to_string()
    } else {
        message.to_string()
    };
    (at, plain)
}

/// "duplicate key" with the key named and where it was first written.
fn duplicate(text: &str, at: usize, line: &str) -> String {
    let key: String = line
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '[' | ']'))
        .collect();
    if key.is_empty() {
        return "this key is written twice".to_string();
    }
    if key.starts_with('[') {
        return format!("the table {key} is written twice");
    }
    // The first time: the same key earlier in the same table (after the last header).
    let before = &text[..at.min(text.len())];
    let section_start = before.rfind("\n[").map_or(0, |n| n + 1);
    let error_line = before.rfind('\n').map_or(0, |n| n + 1);
    let first = before[section_start..]
        .split_inclusive('\n')
        .scan(section_start, |pos, l| {
            let start = *pos;
            *pos += l.len();
            Some((start, l))
        })
        .find(|(start, l)| {
            *start < error_line && {
                let t = l.trim_start();
                t.strip_prefix(key.as_str()).is_some_and(|r| r.trim_start().starts_with('='))
            }
        });
    match first {
        Some((start, _)) => {
            let line_no = text[..start].matches('\n').count() + 1;
            format!("`{key}` is written twice in this table (first on line {line_no}): remove one")
        }
        None => format!("`{key}` is written twice in this table: remove one"),
    }
}

fn is_curly_quote(c: char) -> bool {
    matches!(c, '“' | '”' | '„' | '‟' | '‘' | '’' | '‚' | '‛' | '«' | '»')
}

/// A table header that is not a table of the pack but close to one, or one of them written
/// with single brackets: `(offset, message)` of the first.
fn misspelt_header(text: &str, code_lines: &[usize]) -> Option<(usize, String)> {
    let headers: Vec<(usize, bool, &str)> = code_lines
        .iter()
        .filter_map(|&start| {
            let line = text[start..].lines().next().unwrap_or("");
            let trimmed = line.trim();
            let indent = line.len() - line.trim_start().len();
            let (double, name) = if let Some(n) = trimmed.strip_prefix("[[").and_then(|r| r.split_once("]]"))
            {
                (true, n.0)
            } else {
                (false, trimmed.strip_prefix('[')?.split_once(']')?.0)
            };
            Some((start + indent, double, name.trim()))
        })
        .collect();
    // Arrays of tables (`[[x]]`): the pack's own, and those written so more than once here
    // (once could be the mistake). Every name a header uses, for suggestions.
    let mut arrays: Vec<&str> = KNOWN_TABLES.to_vec();
    let mut known: Vec<&str> = KNOWN_TABLES.iter().chain(&KNOWN_SINGLE).copied().collect();
    for (_, double, name) in &headers {
        let seen = headers.iter().filter(|(_, d, n)| d == double && n == name).count();
        if *double && seen > 1 && !arrays.contains(name) {
            arrays.push(name);
        }
        if seen > 1 && !known.contains(name) {
            known.push(name);
        }
        if let Some((parent, _)) = name.split_once('.')
            && !known.contains(&parent)
        {
            known.push(parent);
        }
    }
    headers.iter().find_map(|&(at, double, name)| {
        if name.contains('.') || known.contains(&name) && (double || !arrays.contains(&name)) {
            return None;
        }
        if !double && arrays.contains(&name) {
            return Some((
                at,
                format!(
                    "`[{name}]` with single brackets names one table, written once; to add another \
                     {name}, write `[[{name}]]` (double brackets)"
                ),
            ));
        }
        let meant = suggest(name, &known)?;
        Some((
            at,
            format!(
                "`{}` is not a table of this pack: did you mean `{}`?",
                bracket(name, double),
                bracket(meant, arrays.contains(&meant))
            ),
        ))
    })
}

fn bracket(name: &str, double: bool) -> String {
    if double { format!("[[{name}]]") } else { format!("[{name}]") }
}

/// The start of the line with the most nesting punctuation (`[`, `{`, `.`).
fn deepest_line(text: &str) -> usize {
    let mut best = (0, 0);
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let depth = line.bytes().filter(|b| matches!(b, b'[' | b'{' | b'.')).count();
        if depth > best.0 {
            best = (depth, start);
        }
        start += line.len();
    }
    best.1
}

/// What a quick pass over the text finds: where lines start outside multi-line texts, and
/// the first multi-line text that runs away.
struct Lexed {
    code_lines: Vec<usize>,
    runaway: Option<Runaway>,
}

struct Runaway {
    /// Where its `"""` or `'''` is.
    open: usize,
    /// The first line inside it that looks like a key or a table header, if any.
    looks_like_key: Option<usize>,
}

/// Walks strings and comments as TOML does, just enough to know what is text and what is
/// structure. A multi-line text "runs away" when a line inside it looks like a key
/// (`name = …`) or a table header, or when it never ends.
fn lex(text: &str) -> Lexed {
    let b = text.as_bytes();
    let mut code_lines = vec![0];
    let mut runaway = None;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                code_lines.push(i + 1);
                i += 1;
            }
            b'#' => i = text[i..].find('\n').map_or(b.len(), |n| i + n),
            q @ (b'"' | b'\'') if b[i..].starts_with(&[q, q, q]) => {
                let open = i;
                let body = i + 3;
                let close = find_close(b, body, q);
                let end = close.unwrap_or(b.len());
                if runaway.is_none() {
                    let first_line = text[body..end].find('\n').map(|n| body + n + 1);
                    let key_line = first_line.and_then(|from| {
                        let mut pos = from;
                        text[from..end].split_inclusive('\n').find_map(|l| {
                            let here = pos;
                            pos += l.len();
                            looks_like_structure(l).then(|| text[..here].matches('\n').count() + 1)
                        })
                    });
                    if key_line.is_some() || close.is_none() {
                        runaway = Some(Runaway { open, looks_like_key: key_line });
                    }
                }
                // Lines inside the text are not code lines.
                i = close.map_or(b.len(), |c| c + 3);
                while i < b.len() && b[i] == q {
                    i += 1;
                }
            }
            q @ (b'"' | b'\'') => {
                i += 1;
                while i < b.len() && b[i] != q && b[i] != b'\n' {
                    if q == b'"' && b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if i < b.len() && b[i] == q {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    Lexed { code_lines, runaway }
}

/// The offset of the `"""` (or `'''`) that closes a multi-line text whose body starts at
/// `from`. Backslash escapes count in basic (`"`) texts only.
fn find_close(b: &[u8], from: usize, q: u8) -> Option<usize> {
    let mut i = from;
    while i < b.len() {
        if q == b'"' && b[i] == b'\\' {
            i += 2;
            continue;
        }
        if b[i..].starts_with(&[q, q, q]) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// A line that reads as TOML structure rather than prose: a table header, or `key = ` and
/// then a value that starts as values do (a quote, a list, a number, true or false), or
/// nothing more (the line where the next text opens: `overlap = """`).
fn looks_like_structure(line: &str) -> bool {
    let t = line.trim();
    if t.starts_with('[') && t.ends_with(']') && t.len() > 2 {
        let inner = t.trim_start_matches('[').trim_end_matches(']');
        return !inner.is_empty()
            && inner.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    }
    let Some((key, value)) = t.split_once('=') else { return false };
    let key = key.trim_end();
    let value = value.trim_start();
    !key.is_empty()
        && key.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && (value.is_empty()
            || value.starts_with(['"', '\'', '[', '{'])
            || value.starts_with(|c: char| c.is_ascii_digit())
            || value == "true"
            || value == "false")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexer_finds_a_runaway_text_and_its_line() {
        // Closed with two quotes on line 3: the text runs on to `b = """` on line 4.
        let text = "a = \"\"\"\none\ntwo\"\"\nb = \"\"\"\nthree\n\"\"\"\n";
        let r = lex(text).runaway.expect("a runaway");
        assert_eq!(r.open, 4);
        assert_eq!(r.looks_like_key, Some(4));
        // Never closed.
        let r = lex("a = '''\nprose\n").runaway.expect("a runaway");
        assert_eq!((r.open, r.looks_like_key), (4, None));
        // Closed texts, with quotes, escapes, prose with `=` and comments, are not.
        let ok = "a = \"\"\"\nsay \"hi\" \\\"\"\"\nCost = price - margin\n\"\"\"\nb = 'x'\n# c = \"\"\"\n";
        let l = lex(ok);
        assert!(l.runaway.is_none());
        // Code lines: line 1, then 5, 6 and the empty end (lines 2 to 4 are inside the text).
        assert_eq!(l.code_lines.len(), 4, "{:?}", l.code_lines);
    }

    #[test]
    fn prose_is_not_structure() {
        assert!(looks_like_structure("title = \"x\"\n"));
        assert!(looks_like_structure("overlap = "));
        assert!(looks_like_structure("[dimension.points]\n"));
        assert!(looks_like_structure("[[dimension]]"));
        assert!(!looks_like_structure("Costs = revenue minus profit, roughly.\n"));
        assert!(!looks_like_structure("[1] Heizer and Render"));
        assert!(!looks_like_structure("the value is x = 3"));
    }
}
