//! Content is text from outside: nothing in it may reach the terminal as a control sequence.
//!
//! Every string loaded from a content file passes through here. Whole escape sequences are
//! removed (not just their ESC byte, which would leave `[2J` or `]0;title` behind), as are the
//! 8-bit C1 forms, the other C0/C1 controls, DEL and the bidi overrides that can make text read
//! differently from what it is. Tabs become spaces.

const TAB_STOP: usize = 4;
const ESC: char = '\u{1b}';
const BEL: char = '\u{7}';
const ST_C1: char = '\u{9c}';

/// Bidi embedding, override and isolate controls, and the invisible direction marks.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
}

/// Nothing to remove: printable ASCII and line feeds only (checked a byte at a time, the
/// common case), or no control or bidi character at all.
fn is_clean(input: &str) -> bool {
    if input.bytes().all(|b| (b' '..0x7f).contains(&b) || b == b'\n') {
        return true;
    }
    !input.chars().any(|c| c.is_control() && c != '\n' || is_bidi_control(c))
}

/// Text that one-line cleaning would return unchanged: no control characters, no line
/// breaks, single spaces, nothing at either end.
fn is_one_line_already(input: &str) -> bool {
    let b = input.as_bytes();
    !b.is_empty()
        && b[0] != b' '
        && b[b.len() - 1] != b' '
        && !b.windows(2).any(|w| w == b"  ")
        && b.iter().all(|&c| (b' '..0x7f).contains(&c))
}

/// Removes control sequences and characters; keeps `\n`; expands tabs to spaces.
pub fn strip_controls(input: &str) -> String {
    if is_clean(input) {
        return input.to_owned();
    }
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    let mut col = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\n' => {
                out.push('\n');
                col = 0;
            }
            '\t' => {
                let n = TAB_STOP - col % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            ESC => match chars.peek() {
                Some('[') => {
                    chars.next();
                    skip_csi(&mut chars);
                }
                Some(']' | 'P' | 'X' | '^' | '_') => {
                    chars.next();
                    skip_string(&mut chars);
                }
                // nF sequences: intermediates, then one final byte.
                Some(' '..='/') => {
                    while chars.next_if(|c| matches!(c, ' '..='/')).is_some() {}
                    chars.next_if(|c| matches!(c, '0'..='~'));
                }
                // Fe/Fp/Fs: ESC and one more byte.
                Some('0'..='~') => {
                    chars.next();
                }
                // A lone ESC: dropped; what follows is read as ordinary input.
                _ => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if c.is_control() || is_bidi_control(c) => {}
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

/// CSI: parameter bytes, intermediate bytes, one final byte. Stops early at anything else.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while chars.next_if(|c| matches!(c, '0'..='?')).is_some() {}
    while chars.next_if(|c| matches!(c, ' '..='/')).is_some() {}
    chars.next_if(|c| matches!(c, '@'..='~'));
}

/// OSC, DCS, SOS, PM, APC: everything up to the string terminator (ESC \, C1 ST or BEL).
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            BEL | ST_C1 => return,
            ESC => {
                chars.next_if_eq(&'\\');
                return;
            }
            _ => {}
        }
    }
}

/// A one-line field (an id, a title, a name, a point): controls removed, all whitespace
/// (line breaks included) collapsed to single spaces, trimmed.
pub fn one_line(input: &str) -> String {
    if is_one_line_already(input) {
        return input.to_owned();
    }
    collapse(&strip_controls(input))
}

/// A prose field: controls removed; single line breaks are spaces, a blank line starts a new
/// paragraph, and a line starting with "- ", "* " or "• " stays a line of its own. The result
/// has `\n` between lines and `\n\n` between paragraphs.
pub fn prose(input: &str) -> String {
    // A single line of plain text is already prose.
    if is_one_line_already(input) {
        return input.to_owned();
    }
    let clean = strip_controls(input);
    let mut out = String::with_capacity(clean.len());
    // Whether text has been written, and whether a blank line came since the last text.
    let mut in_paragraph = false;
    let mut blank_seen = false;
    for raw in clean.lines() {
        let line = raw.trim();
        if line.is_empty() {
            blank_seen = in_paragraph;
            continue;
        }
        if in_paragraph {
            out.push_str(if blank_seen {
                "\n\n"
            } else if is_bullet(line) {
                "\n"
            } else {
                " "
            });
        }
        for (i, word) in line.split_whitespace().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
        in_paragraph = true;
        blank_seen = false;
    }
    out
}

fn is_bullet(line: &str) -> bool {
    line.starts_with("- ") || line.starts_with("* ") || line.starts_with("• ")
}

/// Runs of whitespace become one space; the ends are trimmed. One pass, one allocation.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_whole_escape_sequences() {
        assert_eq!(strip_controls("a\u{1b}[2Jb"), "ab");
        assert_eq!(strip_controls("a\u{1b}[38;5;196mred\u{1b}[0m"), "ared");
        assert_eq!(strip_controls("x\u{1b}]0;evil title\u{7}y"), "xy");
        assert_eq!(strip_controls("x\u{1b}]8;;http://e\u{1b}\\link\u{1b}]8;;\u{1b}\\y"), "xlinky");
        assert_eq!(strip_controls("x\u{1b}Pq#0;1\u{1b}\\y"), "xy");
        assert_eq!(strip_controls("x\u{1b}(By"), "xy");
        assert_eq!(strip_controls("x\u{1b}7y\u{1b}8"), "xy");
        assert_eq!(strip_controls("x\u{1b}"), "x");
        assert_eq!(strip_controls("x\u{1b}[12"), "x");
    }

    #[test]
    fn removes_c1_forms() {
        assert_eq!(strip_controls("a\u{9b}2Jb"), "ab");
        assert_eq!(strip_controls("a\u{9d}0;t\u{9c}b"), "ab");
        assert_eq!(strip_controls("a\u{85}b\u{8d}c"), "abc");
    }

    #[test]
    fn removes_single_controls_and_bidi() {
        assert_eq!(strip_controls("ding\u{7}!"), "ding!");
        assert_eq!(strip_controls("line\r\nnext"), "line\nnext");
        assert_eq!(strip_controls("over\rwrite"), "overwrite");
        assert_eq!(strip_controls("a\u{0}b\u{8}c\u{7f}d"), "abcd");
        assert_eq!(strip_controls("abc\u{202e}fed\u{202c}"), "abcfed");
        assert_eq!(strip_controls("\u{2066}x\u{2069}\u{200f}"), "x");
    }

    #[test]
    fn expands_tabs() {
        assert_eq!(strip_controls("a\tb"), "a   b");
        assert_eq!(strip_controls("abcd\tx\n\ty"), "abcd    x\n    y");
    }

    #[test]
    fn keeps_ordinary_text() {
        let s = "Plan, Source, Make — délai 供应链 🚚";
        assert_eq!(strip_controls(s), s);
    }

    #[test]
    fn fast_paths_agree_with_the_full_cleaning() {
        for s in ["plain text", "  padded  ", "two  spaces", "tab\there", "line\nbreak", "é accent", "x", ""]
        {
            assert_eq!(one_line(s), collapse(&strip_controls(s)), "{s:?}");
        }
        assert_eq!(prose("plain text"), "plain text");
        assert_eq!(prose("  padded"), "padded");
    }

    #[test]
    fn one_line_collapses_whitespace() {
        assert_eq!(one_line("  a\n  b\t c  "), "a b c");
    }

    #[test]
    fn prose_reflows_paragraphs_and_keeps_bullets() {
        let text = "First line\ncontinues here.\n\n  Second   paragraph.\n- one\n- two\nwraps\n";
        assert_eq!(prose(text), "First line continues here.\n\nSecond paragraph.\n- one\n- two wraps");
    }
}
