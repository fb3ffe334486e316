//! Word wrapping by display width (so CJK and emoji take the columns they really take), with
//! hanging indents for bullets. Owning the wrap means line counts for scrollbars are exact.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Wraps one paragraph to `width` columns. The first line starts with `first`, the others
/// with `rest` (a hanging indent). Words longer than a line are broken where they must be.
pub fn wrap_hanging(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    if width == 0 {
        return Vec::new();
    }
    // A prefix that leaves no room for text is dropped rather than looping forever.
    let (first, rest) = if first.width().max(rest.width()) >= width { ("", "") } else { (first, rest) };
    let mut lines = Vec::new();
    let mut line = first.to_owned();
    let mut used = first.width();
    let mut empty = true;
    for word in text.split_whitespace() {
        let w = word.width();
        if !empty && used + 1 + w <= width {
            line.push(' ');
            line.push_str(word);
            used += 1 + w;
            continue;
        }
        if !empty {
            lines.push(std::mem::replace(&mut line, rest.to_owned()));
            used = rest.width();
        }
        if used + w <= width {
            line.push_str(word);
            used += w;
        } else {
            // Too long for any line: fill this line and the next ones character by character.
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if used + cw > width && used > rest.width() {
                    lines.push(std::mem::replace(&mut line, rest.to_owned()));
                    used = rest.width();
                }
                line.push(c);
                used += cw;
            }
        }
        empty = false;
    }
    if !empty || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Wraps text whose lines are separated by `\n` (blank lines kept); lines starting with
/// "- " or "• " become bullets with a hanging indent.
pub fn wrap_text(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.split('\n') {
        if line.trim().is_empty() {
            out.push(String::new());
        } else if let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("• ")) {
            out.extend(wrap_hanging(item, width, "• ", "  "));
        } else {
            out.extend(wrap_hanging(line, width, "", ""));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_on_words() {
        assert_eq!(wrap_hanging("the quick brown fox", 10, "", ""), ["the quick", "brown fox"]);
        assert_eq!(wrap_hanging("a b", 80, "", ""), ["a b"]);
        assert_eq!(wrap_hanging("", 10, "", ""), [""]);
    }

    #[test]
    fn hanging_indent() {
        assert_eq!(wrap_hanging("one two three four", 10, "• ", "  "), ["• one two", "  three", "  four"]);
    }

    #[test]
    fn breaks_long_words_and_wide_characters() {
        assert_eq!(wrap_hanging("abcdefghij", 4, "", ""), ["abcd", "efgh", "ij"]);
        // Each CJK character is two columns wide.
        assert_eq!(wrap_hanging("供应链管理", 4, "", ""), ["供应", "链管", "理"]);
        for line in wrap_hanging("供应链管理 and more 😀😀😀", 5, "• ", "  ") {
            assert!(line.width() <= 5, "{line:?}");
        }
    }

    #[test]
    fn tiny_widths_terminate() {
        assert!(wrap_hanging("anything", 0, "• ", "  ").is_empty());
        assert_eq!(wrap_hanging("ab", 1, "• ", "  "), ["a", "b"]);
        // A character wider than the line still goes somewhere, once.
        assert_eq!(wrap_hanging("供", 1, "", ""), ["供"]);
    }

    #[test]
    fn text_with_paragraphs_and_bullets() {
        assert_eq!(
            wrap_text("Intro text\n\n- first item here\n- second", 12),
            ["Intro text", "", "• first item", "  here", "• second"]
        );
    }
}
