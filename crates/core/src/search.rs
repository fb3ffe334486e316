//! Search across everything: dimensions, their points and overlap, glossary terms and
//! definitions, quiz prompts. Matching and ranking are nucleo's (the matcher behind
//! helix's picker); this module decides what is searchable, how each kind is matched,
//! where each hit leads, and in which order equal scores come. No terminal code here.
//!
//! Names (dimension titles, terms) match fuzzily: "invt" finds "Inventory". Prose (points,
//! definitions, prompts) matches word by word as substrings: letters scattered through a
//! paragraph are not a match a reader would recognise, and almost every paragraph has
//! them, so fuzzy prose drowned the real hits and cost most of the search time.

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use crate::content::Content;

/// Where a hit leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Dimension(usize),
    /// One discipline's point on a dimension.
    Point {
        dimension: usize,
        discipline: usize,
        point: usize,
    },
    /// A dimension's summary, shared part or note.
    Detail(usize, Detail),
    Term(usize),
    Definition(usize),
    Question(usize),
}

/// Which of a dimension's texts a [`Target::Detail`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    Summary,
    Shared,
    Note,
}

impl Target {
    /// Names are matched fuzzily, prose word by word.
    fn is_name(self) -> bool {
        matches!(self, Target::Dimension(_) | Target::Term(_))
    }

    /// Among equal scores, names first (a dimension or a term), then the comparison, then
    /// longer texts.
    fn rank(self) -> u8 {
        match self {
            Target::Dimension(_) | Target::Term(_) => 0,
            Target::Point { .. } => 1,
            Target::Detail(..) | Target::Definition(_) => 2,
            Target::Question(_) => 3,
        }
    }
}

pub struct Item {
    pub target: Target,
    /// What is searched and shown.
    pub text: String,
    /// Where the text is in the index's arena (ASCII bytes, or characters otherwise).
    start: u32,
    len: u32,
    ascii: bool,
}

/// Everything searchable, prepared once. The texts are matched from two arenas, one for
/// ASCII and one for other text, read front to back on each keystroke: a large pack's tens
/// of thousands of texts are not scattered over the heap.
pub struct SearchIndex {
    pub items: Vec<Item>,
    ascii: Vec<u8>,
    wide: Vec<char>,
    matcher: Matcher,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`SearchIndex::items`].
    pub item: usize,
    pub score: u32,
}

impl SearchIndex {
    pub fn new(content: &Content) -> SearchIndex {
        let mut items = Vec::new();
        let (mut ascii, mut wide) = (Vec::new(), Vec::new());
        let mut add = |target: Target, text: String| {
            let item = if text.is_ascii() {
                let start = ascii.len();
                ascii.extend_from_slice(text.as_bytes());
                Item { target, start: start as u32, len: text.len() as u32, ascii: true, text }
            } else {
                let start = wide.len();
                wide.extend(text.chars());
                Item { target, start: start as u32, len: (wide.len() - start) as u32, ascii: false, text }
            };
            items.push(item);
        };
        for (d, dim) in content.dimensions.iter().enumerate() {
            add(Target::Dimension(d), dim.title.clone());
            for (c, points) in dim.points.iter().enumerate() {
                for (p, point) in points.iter().enumerate() {
                    add(Target::Point { dimension: d, discipline: c, point: p }, point.clone());
                }
            }
            // Each shared bullet on its own (the `overlap` text joins them into one list).
            let shared: Vec<&str> = if dim.shared.is_empty() {
                dim.overlap.iter().map(String::as_str).collect()
            } else {
                dim.shared.iter().map(|p| p.text.as_str()).collect()
            };
            let details = (dim.summary.iter().map(|t| (t.as_str(), Detail::Summary)))
                .chain(shared.into_iter().map(|t| (t, Detail::Shared)))
                .chain(dim.note.iter().map(|t| (t.as_str(), Detail::Note)));
            for (text, part) in details {
                add(Target::Detail(d, part), one_line(text));
            }
        }
        for (t, term) in content.terms.iter().enumerate() {
            let name = if term.aliases.is_empty() {
                term.name.clone()
            } else {
                format!("{} ({})", term.name, term.aliases.join(", "))
            };
            add(Target::Term(t), name);
            add(Target::Definition(t), one_line(&term.definition));
        }
        for (q, question) in content.questions.iter().enumerate() {
            add(Target::Question(q), one_line(&question.prompt));
        }
        SearchIndex { items, ascii, wide, matcher: Matcher::new(Config::DEFAULT) }
    }

    fn haystack<'s>(ascii: &'s [u8], wide: &'s [char], item: &Item) -> Utf32Str<'s> {
        let range = item.start as usize..(item.start + item.len) as usize;
        if item.ascii { Utf32Str::Ascii(&ascii[range]) } else { Utf32Str::Unicode(&wide[range]) }
    }

    /// The items matching `query`, best first. An empty query matches nothing.
    pub fn search(&mut self, query: &str) -> Vec<Hit> {
        if query.trim().is_empty() {
            return Vec::new();
        }
        let (names, prose) = patterns(query);
        // A name found only as letters scattered through it ("safety" in "GSCF framework") is
        // noise: a fuzzy name match must score about what its letters do when they mostly
        // run together (an abbreviation such as "invt" for Inventory does).
        let fuzzy_chars: u32 = names
            .atoms
            .iter()
            .filter(|a| a.kind == AtomKind::Fuzzy)
            .map(|a| a.needle_text().len() as u32)
            .sum();
        let least_name_score = MIN_NAME_SCORE_PER_CHAR * fuzzy_chars;
        // Each hit carries its whole sort key, so sorting never reaches back into the items
        // (on a large pack they are far apart in memory): best score first, then names
        // before longer texts, shorter texts first, then content order.
        let mut keyed: Vec<(u64, u32)> = self
            .items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                let pattern = if item.target.is_name() { &names } else { &prose };
                let haystack = SearchIndex::haystack(&self.ascii, &self.wide, item);
                let score = pattern.score(haystack, &mut self.matcher)?;
                if item.target.is_name() && score < least_name_score {
                    return None;
                }
                let key = (u64::from(u32::MAX - score) << 32)
                    | (u64::from(item.target.rank()) << 28)
                    | u64::from(item.len.min(0x0fff_ffff));
                Some((key, i as u32))
            })
            .collect();
        keyed.sort_unstable();
        keyed
            .into_iter()
            .map(|(key, i)| Hit { item: i as usize, score: u32::MAX - (key >> 32) as u32 })
            .collect()
    }

    /// The positions (in characters) of `query`'s matched characters in an item, for
    /// highlighting; computed only for the hits on screen.
    pub fn matched_chars(&mut self, query: &str, item: usize) -> Vec<usize> {
        let (names, prose) = patterns(query);
        let pattern = if self.items[item].target.is_name() { names } else { prose };
        let mut indices = Vec::new();
        let haystack = SearchIndex::haystack(&self.ascii, &self.wide, &self.items[item]);
        pattern.indices(haystack, &mut self.matcher, &mut indices);
        indices.sort_unstable();
        indices.dedup();
        indices.into_iter().map(|i| i as usize).collect()
    }
}

/// The least score per query letter a fuzzy name match keeps (nucleo gives about 16 a letter
/// plus bonuses for letters that run together or start words).
const MIN_NAME_SCORE_PER_CHAR: u32 = 23;

/// The query as fzf-style syntax (`'exact`, `^prefix`, `suffix$`, `!not`), for names; and
/// the same with every fuzzy word made a substring, for prose.
fn patterns(query: &str) -> (Pattern, Pattern) {
    let names = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
    let mut prose = names.clone();
    for atom in &mut prose.atoms {
        if atom.kind == AtomKind::Fuzzy {
            atom.kind = AtomKind::Substring;
        }
    }
    (names, prose)
}

/// Paragraph breaks become spaces: a result is one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_terms_points_and_questions_ranked() {
        let c = Content::parse_builtin().expect("the built-in content is valid");
        let mut index = SearchIndex::new(&c);
        let hits = index.search("bullwhip");
        assert!(!hits.is_empty());
        let targets: Vec<Target> = hits.iter().map(|h| index.items[h.item].target).collect();
        assert!(targets.iter().any(|t| matches!(t, Target::Point { .. })));
        assert!(targets.iter().any(|t| matches!(t, Target::Question(_))));
        // Every hit really contains the letters in order.
        for h in &hits {
            let text = index.items[h.item].text.to_lowercase();
            let mut chars = text.chars();
            assert!("bullwhip".chars().all(|q| chars.any(|c| c == q)), "{text}");
        }
    }

    #[test]
    fn a_dimension_title_ranks_first_for_its_name() {
        let c = Content::parse_builtin().expect("the built-in content is valid");
        let mut index = SearchIndex::new(&c);
        let hits = index.search("Inventory");
        let first = index.items[hits[0].item].target;
        assert_eq!(first, Target::Dimension(c.dimension_index("inventory").unwrap()));
    }

    #[test]
    fn empty_and_unmatched_queries() {
        let c = Content::parse_builtin().expect("the built-in content is valid");
        let mut index = SearchIndex::new(&c);
        assert!(index.search("").is_empty());
        assert!(index.search("   ").is_empty());
        assert!(index.search("zzqxj").is_empty());
    }

    #[test]
    fn prose_matches_words_not_scattered_letters() {
        let c = Content::parse_builtin().expect("the built-in content is valid");
        let mut index = SearchIndex::new(&c);
        // Every prose hit holds each query word; names may still match fuzzily.
        for h in index.search("safety stock") {
            let item = &index.items[h.item];
            if !item.target.is_name() {
                let text = item.text.to_lowercase();
                assert!(text.contains("safety") && text.contains("stock"), "{text}");
            }
        }
        // "invt" is an abbreviation of a name, not a word in any text.
        let hits = index.search("invt");
        assert!(!hits.is_empty());
        assert!(hits.iter().all(|h| index.items[h.item].target.is_name()));
        assert!(hits.iter().any(|h| index.items[h.item].text == "Inventory"));
    }

    #[test]
    fn a_name_with_the_letters_scattered_through_it_is_not_a_hit() {
        let c = Content::parse_builtin().expect("the built-in content is valid");
        let mut index = SearchIndex::new(&c);
        let names = |index: &mut SearchIndex, q: &str| -> Vec<String> {
            let hits = index.search(q);
            hits.iter()
                .filter(|h| index.items[h.item].target.is_name())
                .map(|h| index.items[h.item].text.clone())
                .collect()
        };
        let safety = names(&mut index, "safety");
        assert!(
            !safety.is_empty() && safety.iter().all(|n| n.to_lowercase().contains("safety")),
            "{safety:?}"
        );
        let scor = names(&mut index, "scor");
        assert!(scor.iter().all(|n| n.contains("SCOR")), "{scor:?}");
        let jit = names(&mut index, "jit");
        assert!(
            jit.iter().any(|n| n.contains("JIT")) && !jit.iter().any(|n| n.starts_with("Roles")),
            "{jit:?}"
        );
    }

    #[test]
    fn fzf_syntax_narrows_and_excludes() {
        let c = Content::parse_builtin().expect("the built-in content is valid");
        let mut index = SearchIndex::new(&c);
        let all = index.search("inventory").len();
        let without = index.search("inventory !stock");
        assert!(!without.is_empty() && without.len() < all);
        for h in &without {
            assert!(!index.items[h.item].text.to_lowercase().contains("stock"));
        }
        for h in index.search("^inventory") {
            assert!(index.items[h.item].text.to_lowercase().starts_with("inventory"));
        }
    }

    #[test]
    fn matched_characters_for_highlighting() {
        let c = Content::parse_builtin().expect("the built-in content is valid");
        let mut index = SearchIndex::new(&c);
        let d = c.dimension_index("inventory").unwrap();
        let item = index.items.iter().position(|i| i.target == Target::Dimension(d)).unwrap();
        assert_eq!(index.matched_chars("invt", item), [0, 1, 2, 5]);
    }
}
