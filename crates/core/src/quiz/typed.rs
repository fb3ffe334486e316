//! Matching a typed answer against the accepted ones.
//!
//! Both sides are normalised first: compatibility decomposition (NFKD, through the
//! `unicode-normalization` crate) with the combining marks dropped, so accents fold
//! ("Régie" is "regie", the "ﬁ" ligature is "fi") while other scripts stay as they are;
//! lower case; full stops and apostrophes removed ("J.I.T." is "jit", "Little's" is
//! "littles"); an ampersand read as the word "and" ("S&OP" is "s and op", so "SOP", another
//! acronym, is not one typo away from it); any other run of punctuation, symbols or spaces one
//! space ("just-in-time" is "just in time"); a leading "the", "a" or "an" dropped.
//!
//! Then a small typo tolerance: the Damerau-Levenshtein distance (`strsim`: insertions,
//! deletions, substitutions and swaps of two neighbours, one edit each), at most
//! [`allowed_edits`]: none up to 3 characters (so "MRP" is never "ERP"), 1 up to 7, 2 from
//! 8 on.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// How a typed answer fared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypedMatch {
    pub correct: bool,
    /// Accepted only thanks to the typo tolerance (the feedback shows the spelling).
    pub close: bool,
    /// Which accepted answer it matched (by index), if any.
    pub matched: Option<usize>,
}

/// The form compared: see the module's documentation.
pub fn normalise(text: &str) -> String {
    normalise_counting(text).0
}

/// The normalised form and how many ampersands became "and": each counts as one character
/// for the typo allowance, so spelling "&" out gives no extra edits ("S&OP" allows one).
fn normalise_counting(text: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut ampersands = 0;
    // True at the start and after a space, so separators never double up or lead.
    let mut after_space = true;
    for c in text.nfkd() {
        if is_combining_mark(c) || matches!(c, '.' | '\'' | '\u{2019}' | '\u{2018}' | '`') {
            continue;
        }
        if c == '&' {
            if !after_space {
                out.push(' ');
            }
            out.push_str("and ");
            after_space = true;
            ampersands += 1;
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            after_space = false;
        } else if !after_space {
            out.push(' ');
            after_space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    for article in ["the ", "a ", "an "] {
        if let Some(rest) = out.strip_prefix(article) {
            return (rest.to_string(), ampersands);
        }
    }
    (out, ampersands)
}

/// The edits allowed against an accepted answer of this many characters (normalised).
pub fn allowed_edits(chars: usize) -> usize {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Matches `typed` against `accepted` (authored forms; normalised here).
pub fn check(typed: &str, accepted: &[String]) -> TypedMatch {
    let typed = normalise(typed);
    let wrong = TypedMatch { correct: false, close: false, matched: None };
    if typed.is_empty() {
        return wrong;
    }
    let forms: Vec<(String, usize)> = accepted.iter().map(|a| normalise_counting(a)).collect();
    if let Some(i) = forms.iter().position(|(f, _)| *f == typed) {
        return TypedMatch { correct: true, close: false, matched: Some(i) };
    }
    let best = forms
        .iter()
        .enumerate()
        .map(|(i, (f, amps))| {
            // "and" for "&" is three characters standing for one.
            let written = f.chars().count().saturating_sub(2 * amps);
            (strsim::damerau_levenshtein(&typed, f), i, written)
        })
        .filter(|&(d, _, len)| d <= allowed_edits(len))
        .min_by_key(|&(d, i, _)| (d, i));
    match best {
        Some((_, i, _)) => TypedMatch { correct: true, close: true, matched: Some(i) },
        None => wrong,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepted(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn case_punctuation_spaces_accents_and_articles_do_not_matter() {
        assert_eq!(normalise("  The Bullwhip-Effect!  "), "bullwhip effect");
        assert_eq!(normalise("J.I.T."), "jit");
        assert_eq!(normalise("Little’s Law"), "littles law");
        assert_eq!(normalise("Régie  de  l'ÉTAT"), "regie de letat");
        assert_eq!(normalise("ﬁrst-in, ﬁrst-out"), "first in first out");
        assert_eq!(normalise("an ABC analysis"), "abc analysis");
        assert_eq!(normalise("Απόθεμα"), "αποθεμα", "other scripts stay, accents fold");
        assert_eq!(normalise("?!"), "");
        let a = accepted(&["Just-in-time", "JIT"]);
        for typed in ["just in time", "JUST IN TIME.", "j.i.t", "Just  in\ttime"] {
            let m = check(typed, &a);
            assert!(m.correct && !m.close, "{typed}: {m:?}");
        }
        assert_eq!(check("jit", &a).matched, Some(1));
    }

    #[test]
    fn a_typo_or_two_is_forgiven_by_length() {
        let a = accepted(&["Bullwhip effect"]);
        assert_eq!(check("bullwhip efect", &a), TypedMatch { correct: true, close: true, matched: Some(0) });
        assert!(check("bulwhip efect", &a).correct, "two edits on 15 letters");
        assert!(!check("bulwip efect", &a).correct, "three are too many");
        assert!(check("bullwhpi effect", &a).close, "a swap of neighbours is one edit");
        let k = accepted(&["Kanban"]);
        assert!(check("kanbna", &k).correct);
        assert!(!check("kabnna", &k).correct);
        // Short answers must be exact: one letter is another acronym.
        let mrp = accepted(&["MRP"]);
        assert!(!check("ERP", &mrp).correct);
        assert!(check("mrp", &mrp).correct);
    }

    #[test]
    fn an_ampersand_is_the_word_and() {
        assert_eq!(normalise("S&OP"), "s and op");
        assert_eq!(normalise("S & OP"), "s and op");
        assert_eq!(normalise("Sales & Operations Planning"), "sales and operations planning");
        assert_eq!(normalise("R&D&"), "r and d and");
        assert_eq!(normalise("＆"), "and", "the full-width form decomposes to '&'");
        let a = accepted(&["Sales and operations planning", "S&OP"]);
        for typed in ["S&OP", "s & op", "S and OP", "sales & operations planning"] {
            assert!(check(typed, &a).correct, "{typed}");
        }
        // Standard operating procedure is another acronym, not a typo of S&OP.
        assert!(!check("SOP", &a).correct);
        assert!(!check("S.O.P.", &a).correct);
        // The allowance follows "S&OP" as written (four characters, one edit), not "s and op".
        assert!(check("S&O", &a).close, "one edit");
        assert!(!check("&OP", &a).correct, "two edits");
    }

    #[test]
    fn nothing_typed_is_wrong() {
        let a = accepted(&["Kanban"]);
        assert!(!check("", &a).correct);
        assert!(!check(" .,; ", &a).correct);
        assert!(!check("anything", &[]).correct);
    }

    #[test]
    fn the_allowance_grows_with_the_answer() {
        assert_eq!([3, 4, 7, 8, 30].map(allowed_edits), [0, 1, 1, 2, 2]);
    }
}
