//! Cards generated from the glossary, two per term: its definition shown and its name typed
//! (recall), and its name shown and its definition chosen among others' (recognition).

use super::card::{About, Card, Entry, GlossaryWay, Origin};
use crate::content::{Content, Owner, Term};

/// Typing the name from the definition is recall; choosing the definition is recognition.
const NAME_DIFFICULTY: u8 = 2;
const MEANING_DIFFICULTY: u8 = 1;
/// Definitions offered besides the right one.
const DISTRACTORS: usize = 3;
/// What a term's own name becomes in the texts shown, so they do not give it away.
const MASK: &str = "\u{2026}";

fn id(term: &Term, way: GlossaryWay) -> String {
    match way {
        GlossaryWay::Name => format!("glossary:{}:name", term.id),
        GlossaryWay::Meaning => format!("glossary:{}:meaning", term.id),
    }
}

/// A term's dimension for the results by group: the first it relates to. A term related to
/// none counts under the first dimension (a pack always has one).
fn dimension(term: &Term) -> usize {
    term.related.first().copied().unwrap_or(0)
}

/// The ways each term is asked: both, if there is another term to take a wrong definition
/// from; else only its name.
fn ways(content: &Content) -> &'static [GlossaryWay] {
    if content.terms.len() >= 2 { &[GlossaryWay::Name, GlossaryWay::Meaning] } else { &[GlossaryWay::Name] }
}

pub fn entries(content: &Content) -> Vec<Entry> {
    let mut out = Vec::with_capacity(content.terms.len() * 2);
    for (t, term) in content.terms.iter().enumerate() {
        for &way in ways(content) {
            out.push(Entry {
                id: id(term, way),
                origin: Origin::Glossary { term: t, way },
                dimension: dimension(term),
                difficulty: match way {
                    GlossaryWay::Name => NAME_DIFFICULTY,
                    GlossaryWay::Meaning => MEANING_DIFFICULTY,
                },
            });
        }
    }
    out
}

/// Every glossary card, built.
pub fn cards(content: &Content) -> Vec<Card> {
    entries(content)
        .iter()
        .filter_map(|e| match e.origin {
            Origin::Glossary { term, way } => Some(card(content, term, way)),
            _ => None,
        })
        .collect()
}

/// `text` with each of `names` (any case) replaced by an ellipsis.
fn mask(text: &str, names: &[&str]) -> String {
    let mut out = text.to_string();
    for name in names.iter().filter(|n| !n.trim().is_empty()) {
        let lower = out.to_lowercase();
        // Byte positions carry over only where lower-casing keeps every length.
        if lower.len() != out.len() {
            continue;
        }
        let needle = name.to_lowercase();
        let mut masked = String::with_capacity(out.len());
        let mut rest = 0;
        for (at, _) in lower.match_indices(&needle) {
            if at < rest || !out.is_char_boundary(at) || !out.is_char_boundary(at + needle.len()) {
                continue;
            }
            masked.push_str(&out[rest..at]);
            masked.push_str(MASK);
            rest = at + needle.len();
        }
        masked.push_str(&out[rest..]);
        out = masked;
    }
    out
}

fn names(term: &Term) -> Vec<&str> {
    let mut v = vec![term.name.as_str()];
    v.extend(term.aliases.iter().map(String::as_str));
    // Longest first, so "Just-in-time manufacturing" is masked before "Just-in-time".
    v.sort_by_key(|n| std::cmp::Reverse(n.len()));
    v
}

/// The other terms whose definitions are offered as wrong: those sharing a dimension first,
/// then those of the same field, then the rest in glossary order from this term on.
fn distractors(content: &Content, t: usize) -> Vec<usize> {
    let term = &content.terms[t];
    let n = content.terms.len();
    let mut others: Vec<usize> = (1..n).map(|k| (t + k) % n).collect();
    others.sort_by_key(|&o| {
        let other = &content.terms[o];
        let shares = other.related.iter().any(|d| term.related.contains(d));
        (!shares, other.owner != term.owner)
    });
    others.truncate(DISTRACTORS);
    others
}

pub fn card(content: &Content, t: usize, way: GlossaryWay) -> Card {
    let term = &content.terms[t];
    let about = Some(match term.owner {
        Owner::Discipline(d) => About::Discipline(d),
        Owner::Both => About::Both,
    });
    let mut explanation = format!("\u{201c}{}\u{201d}: {}", term.name, term.definition);
    if !term.aliases.is_empty() {
        explanation.push_str(&format!("\n\nAlso called: {}.", term.aliases.join(", ")));
    }
    let base = Card {
        id: id(term, way),
        origin: Origin::Glossary { term: t, way },
        multi: false,
        shuffle: true,
        prompt: String::new(),
        options: Vec::new(),
        correct: Vec::new(),
        dimension: dimension(term),
        difficulty: NAME_DIFFICULTY,
        explanation,
        sources: term.sources.clone(),
        about,
        accepted: Vec::new(),
        contrast: Vec::new(),
        summary: None,
    };
    match way {
        GlossaryWay::Name => {
            let mut accepted: Vec<String> = Vec::new();
            for n in std::iter::once(&term.name).chain(&term.aliases) {
                if !accepted.iter().any(|a| a.to_lowercase() == n.to_lowercase()) {
                    accepted.push(n.clone());
                }
            }
            Card {
                prompt: format!("Which term is this? (Glossary)\n\n{}", mask(&term.definition, &names(term))),
                accepted,
                ..base
            }
        }
        GlossaryWay::Meaning => {
            let asked = names(term);
            let option = |o: usize| {
                let mut hide = names(&content.terms[o]);
                hide.extend(&asked);
                hide.sort_by_key(|n| std::cmp::Reverse(n.len()));
                mask(&content.terms[o].definition, &hide)
            };
            let options: Vec<String> =
                std::iter::once(t).chain(distractors(content, t)).map(option).collect();
            Card {
                prompt: format!("What does \u{201c}{}\u{201d} mean? (Glossary)", term.name),
                options,
                correct: vec![0],
                difficulty: MEANING_DIFFICULTY,
                ..base
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masking_hides_every_spelling_and_nothing_else() {
        assert_eq!(
            mask("Kanban cards signal; a kanban is a card.", &["kanban"]),
            "… cards signal; a … is a card."
        );
        assert_eq!(mask("JIT (just-in-time) flow", &["just-in-time", "JIT"]), "… (…) flow");
        assert_eq!(mask("Nothing here", &["kanban", ""]), "Nothing here");
    }

    #[test]
    fn builtin_glossary_cards() {
        let c = Content::parse_builtin().expect("the built-in content is valid");
        let cards = cards(&c);
        assert_eq!(cards.len(), 2 * c.terms.len());
        for card in &cards {
            let Origin::Glossary { term, way } = card.origin else { panic!() };
            let t = &c.terms[term];
            match way {
                GlossaryWay::Name => {
                    assert!(card.is_typed());
                    assert_eq!(card.expected(), Some(t.name.as_str()));
                    assert!(card.check_typed(&t.name.to_uppercase()).correct);
                    let shown = card.prompt.to_lowercase();
                    assert!(
                        !shown.contains(&t.name.to_lowercase()),
                        "{} gives itself away: {}",
                        t.id,
                        card.prompt
                    );
                }
                GlossaryWay::Meaning => {
                    assert!(!card.is_typed());
                    assert_eq!(card.options.len(), 1 + DISTRACTORS);
                    assert!(card.is_correct(&[0]));
                    // Each option is a different definition.
                    let mut o = card.options.clone();
                    o.sort();
                    o.dedup();
                    assert_eq!(o.len(), card.options.len(), "{}", t.id);
                }
            }
        }
    }
}
