//! The handout as a small document: headings, paragraphs, lists, tables and a page break,
//! which the renderers write as Markdown or HTML.
//!
//! Order: what the pack is, the at-a-glance matrix, the disciplines, each dimension (facets
//! as aligned rows, other points as lists, the shared part as a list under them), the
//! glossary, the Fit statements with their scoring key, the quiz worksheet, then after a
//! page break the answer key, and the sources cited, by the short labels used above.

use super::letter;
use super::sheet::Worksheet;
use crate::content::{Content, Dimension, QuestionKind};

/// A run of text; `Strong` is shown bold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Strong(String),
}

pub type Text = Vec<Inline>;

fn text(s: impl Into<String>) -> Text {
    vec![Inline::Text(s.into())]
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Level 1 to 4.
    Heading(u8, String),
    Para(Text),
    Bullets(Vec<Text>),
    /// A numbered list starting at 1.
    Numbered(Vec<Text>),
    /// Numbered questions, each with its options as a lettered list under it.
    Questions(Vec<(Text, Vec<String>)>),
    Table {
        head: Vec<String>,
        rows: Vec<Vec<Text>>,
    },
    Note(Text),
    /// The next block starts a new printed page.
    PageBreak,
}

/// The sources cited so far, in order of first citation, for the list at the end.
struct Cited {
    order: Vec<usize>,
}

impl Cited {
    /// "Sources: A; B" with each source's short label.
    fn line(&mut self, c: &Content, list: &[usize]) -> Option<Block> {
        if list.is_empty() {
            return None;
        }
        for &s in list {
            if !self.order.contains(&s) {
                self.order.push(s);
            }
        }
        let labels: Vec<&str> = list.iter().map(|&s| c.sources[s].label()).collect();
        Some(Block::Para(vec![
            Inline::Strong("Sources:".into()),
            Inline::Text(format!(" {}", labels.join("; "))),
        ]))
    }

    fn labels(&mut self, c: &Content, list: &[usize]) -> String {
        for &s in list {
            if !self.order.contains(&s) {
                self.order.push(s);
            }
        }
        list.iter().map(|&s| c.sources[s].label()).collect::<Vec<_>>().join("; ")
    }
}

/// Whether a prompt already asks for every right option, so no hint is added to it.
fn says_choose_all(prompt: &str) -> bool {
    let p = prompt.to_lowercase();
    p.contains("all that apply")
        || p.contains("select all")
        || p.contains("choose all")
        || p.contains("tick all")
}

pub fn handout(c: &Content, sheet: &Worksheet) -> Vec<Block> {
    let mut out = Vec::new();
    let mut cited = Cited { order: Vec::new() };
    let group = sheet.group.map(|g| &c.groups[g]);
    let title = match group {
        Some(g) => format!("{}: {}", c.title(), g.title),
        None => c.title(),
    };
    out.push(Block::Heading(1, title));
    if let Some(s) = &c.pack.subtitle {
        out.push(Block::Para(vec![Inline::Strong(s.clone())]));
    }
    let mut about = Vec::new();
    if !c.pack.authors.is_empty() {
        about.push(format!("By {}", c.pack.authors.join(", ")));
    }
    if let Some(course) = &c.pack.course {
        about.push(format!("Course: {course}"));
    }
    if let Some(l) = &c.pack.licence {
        about.push(format!("Licence: {l}"));
    }
    if !about.is_empty() {
        out.push(Block::Para(text(about.join(" · "))));
    }
    let dims: Vec<usize> = (0..c.dimensions.len()).filter(|&d| sheet.covers(c, d)).collect();
    glance(c, &dims, &mut out);
    if group.is_none() {
        out.push(Block::Heading(2, "The disciplines".into()));
        for d in &c.disciplines {
            out.push(Block::Heading(3, format!("{} ({})", d.name, d.short)));
            out.push(Block::Para(text(d.summary.clone())));
            out.extend(cited.line(c, &d.sources));
        }
    }
    if let Some(flow) = c.flow.as_ref().filter(|_| group.is_none()) {
        out.push(Block::Heading(2, "Where each field works".into()));
        out.push(Block::Para(text(format!("Stages: {}.", flow.stages.join(" → ")))));
        let spans = c
            .disciplines
            .iter()
            .zip(&flow.spans)
            .filter(|(_, s)| !s.is_empty())
            .map(|(d, s)| {
                let stages: Vec<&str> = s.iter().map(|&i| flow.stages[i].as_str()).collect();
                vec![Inline::Strong(format!("{}:", d.short)), Inline::Text(format!(" {}", stages.join(", ")))]
            })
            .collect();
        out.push(Block::Bullets(spans));
        if let Some(n) = &flow.note {
            out.push(Block::Note(text(n.clone())));
        }
        out.extend(cited.line(c, &flow.sources));
    }
    out.push(Block::Heading(2, "The comparison".into()));
    for (gi, g) in c.groups.iter().enumerate() {
        if sheet.group.is_some_and(|s| s != gi) {
            continue;
        }
        out.push(Block::Heading(3, g.title.clone()));
        for d in g.dimensions.clone() {
            dimension(c, &c.dimensions[d], &mut cited, &mut out);
        }
    }
    glossary(c, sheet, &dims, &mut cited, &mut out);
    if group.is_none() {
        fit(c, &mut out);
    }
    questions(c, sheet, &mut cited, &mut out);
    if !cited.order.is_empty() {
        out.push(Block::Heading(2, "Sources".into()));
        let items = cited
            .order
            .iter()
            .map(|&s| {
                let s = &c.sources[s];
                let mut t = vec![
                    Inline::Strong(format!("{}:", s.label())),
                    Inline::Text(format!(" {}.", s.citation())),
                ];
                if let Some(u) = &s.url {
                    t.push(Inline::Text(format!(" {u}")));
                }
                if let Some(n) = &s.note {
                    t.push(Inline::Text(format!(" {n}")));
                }
                t
            })
            .collect();
        out.push(Block::Bullets(items));
    }
    out
}

/// Every dimension in a row, a short phrase per discipline. As on the Compare tab, a
/// dimension without phrases shows each field's first point (and its first shared bullet).
fn glance(c: &Content, dims: &[usize], out: &mut Vec<Block>) {
    let rows: Vec<Vec<Text>> = dims
        .iter()
        .map(|&d| {
            let dim = &c.dimensions[d];
            let mut row = vec![vec![Inline::Strong(dim.title.clone())]];
            for i in 0..c.disciplines.len() {
                let phrase = dim.glance.as_ref().and_then(|g| g.phrases.get(i).cloned().flatten());
                row.push(text(phrase.or_else(|| dim.points[i].first().cloned()).unwrap_or_default()));
            }
            let both = dim.glance.as_ref().and_then(|g| g.both.clone());
            row.push(text(both.or_else(|| dim.shared.first().map(|p| p.text.clone())).unwrap_or_default()));
            row
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    out.push(Block::Heading(2, "At a glance".into()));
    let mut head = vec![String::new()];
    head.extend(c.disciplines.iter().map(|d| d.short.clone()));
    head.push(super::super::quiz::card::both_label(c).to_string());
    out.push(Block::Table { head, rows });
}

fn dimension(c: &Content, dim: &Dimension, cited: &mut Cited, out: &mut Vec<Block>) {
    out.push(Block::Heading(4, dim.title.clone()));
    if let Some(s) = &dim.summary {
        out.push(Block::Para(text(s.clone())));
    }
    // Facets: points that answer the same question, side by side.
    if !dim.facets.is_empty() {
        let mut head = vec![String::new()];
        head.extend(c.disciplines.iter().map(|d| d.name.clone()));
        let rows = dim
            .facets
            .iter()
            .enumerate()
            .map(|(f, label)| {
                let mut row = vec![vec![Inline::Strong(label.clone())]];
                row.extend(
                    (0..c.disciplines.len()).map(|d| text(dim.points[d].get(f).cloned().unwrap_or_default())),
                );
                row
            })
            .collect();
        out.push(Block::Table { head, rows });
    }
    // Points without a counterpart are lists of their own: side by side they would look paired.
    for (d, disc) in c.disciplines.iter().enumerate() {
        let points = dim.unpaired(d);
        if points.is_empty() {
            continue;
        }
        let lead = if dim.facets.is_empty() { disc.name.clone() } else { format!("{} also", disc.name) };
        out.push(Block::Para(vec![Inline::Strong(format!("{lead}:"))]));
        let items = points.iter().map(|p| text(p.clone())).collect();
        out.push(if dim.numbered { Block::Numbered(items) } else { Block::Bullets(items) });
    }
    if !dim.shared.is_empty() {
        out.push(Block::Para(vec![Inline::Strong(format!("{}:", super::super::quiz::card::both_label(c)))]));
        out.push(Block::Bullets(dim.shared.iter().map(|p| text(p.text.clone())).collect()));
    }
    if let Some(n) = &dim.note {
        out.push(Block::Note(text(n.clone())));
    }
    out.extend(cited.line(c, &dim.sources));
}

fn glossary(c: &Content, sheet: &Worksheet, dims: &[usize], cited: &mut Cited, out: &mut Vec<Block>) {
    let mut terms: Vec<&crate::content::Term> = c
        .terms
        .iter()
        .filter(|t| sheet.group.is_none() || t.related.iter().any(|d| dims.contains(d)))
        .collect();
    if terms.is_empty() {
        return;
    }
    terms.sort_by_key(|t| t.name.to_lowercase());
    out.push(Block::Heading(2, "Glossary".into()));
    let items = terms
        .into_iter()
        .map(|t| {
            let mut line = vec![Inline::Strong(t.name.clone())];
            let aliases = if t.aliases.is_empty() {
                String::new()
            } else {
                format!(" (also: {})", t.aliases.join(", "))
            };
            let sources = cited.labels(c, &t.sources);
            let sources = if sources.is_empty() { String::new() } else { format!(" ({sources})") };
            line.push(Inline::Text(format!(
                "{aliases}, {}: {}{sources}",
                c.owner_short(t.owner),
                t.definition
            )));
            line
        })
        .collect();
    out.push(Block::Bullets(items));
}

fn fit(c: &Content, out: &mut Vec<Block>) {
    let statements = &c.fit.statements;
    if statements.is_empty() {
        return;
    }
    out.push(Block::Heading(2, "Which field fits me?".into()));
    out.push(Block::Para(text(
        "Rate each statement from 1 (strongly dislike) to 5 (strongly like); 3 is neutral.",
    )));
    out.push(Block::Numbered(statements.iter().map(|s| text(format!("{} ___", s.text))).collect()));
    out.push(Block::Heading(3, "Scoring key".into()));
    out.push(Block::Para(text(
        "For each statement, take your rating minus 3 (a reversed statement: 3 minus your rating) and \
         add it to the field it counts toward. A field's score is 50 + 25 × its total ÷ its number of \
         statements: 50 is neutral, 100 the strongest pull. Each field is scored on its own, so two \
         high scores mean both fields appeal.",
    )));
    let head = vec!["Statement".to_string(), "Counts toward".to_string(), "Reversed".to_string()];
    let rows = statements
        .iter()
        .enumerate()
        .map(|(i, s)| {
            vec![
                text((i + 1).to_string()),
                text(c.disciplines[s.discipline].name.clone()),
                text(if s.reverse { "yes: 3 minus your rating" } else { "" }),
            ]
        })
        .collect();
    out.push(Block::Table { head, rows });
}

fn questions(c: &Content, sheet: &Worksheet, cited: &mut Cited, out: &mut Vec<Block>) {
    if sheet.cards.is_empty() {
        return;
    }
    out.push(Block::Heading(2, "Quiz worksheet".into()));
    let items = sheet
        .cards
        .iter()
        .map(|card| {
            let multi = matches!(card.origin, crate::quiz::Origin::Question(q) if c.questions[q].kind == QuestionKind::Multi);
            let hint = if multi && !says_choose_all(&card.prompt) {
                " (choose all that apply)"
            } else {
                ""
            };
            let mut options: Vec<String> =
                card.options.iter().enumerate().map(|(k, o)| format!("{}) {o}", letter(k))).collect();
            if options.is_empty() {
                // A typed answer: room to write it.
                options.push("Answer: ______________________".to_string());
            }
            (text(format!("{}{hint}", card.prompt)), options)
        })
        .collect();
    out.push(Block::Questions(items));
    out.push(Block::PageBreak);
    out.push(Block::Heading(2, "Answer key".into()));
    let answers = sheet
        .cards
        .iter()
        .map(|card| {
            let mut letters: Vec<String> =
                card.correct.iter().map(|&k| format!("{} ({})", letter(k), card.options[k])).collect();
            if letters.is_empty() {
                letters.push(card.accepted.join(" / "));
            }
            let sources = cited.labels(c, &card.sources);
            let sources = if sources.is_empty() { String::new() } else { format!(" ({sources})") };
            vec![
                Inline::Strong(format!("{}.", letters.join(", "))),
                Inline::Text(format!(" {}{sources}", card.explanation)),
            ]
        })
        .collect();
    out.push(Block::Numbered(answers));
}
