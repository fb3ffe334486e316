//! Export of a validated content pack: Markdown for teachers to print or share, JSON for
//! other tools. No terminal code here.
//!
//! The JSON shape is documented in `docs/export-json.md` and versioned (`"version": 1`);
//! every reference is by id, never by position, so it stays stable when files are reordered.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;

use crate::content::{Answer, Colour, Content, Owner, QuestionKind, letter};

/// The version of the JSON shape; changed only when a field's meaning changes.
pub const JSON_VERSION: u32 = 1;

#[derive(Serialize)]
struct Export<'a> {
    format: &'static str,
    version: u32,
    disciplines: Vec<DisciplineOut<'a>>,
    groups: Vec<GroupOut<'a>>,
    dimensions: Vec<DimensionOut<'a>>,
    questions: Vec<QuestionOut<'a>>,
    terms: Vec<TermOut<'a>>,
    fit: FitOut<'a>,
    sources: Vec<SourceOut<'a>>,
}

#[derive(Serialize)]
struct DisciplineOut<'a> {
    id: &'a str,
    name: &'a str,
    short: &'a str,
    color: String,
    summary: &'a str,
    sources: Vec<&'a str>,
}

#[derive(Serialize)]
struct GroupOut<'a> {
    id: &'a str,
    title: &'a str,
    dimensions: Vec<&'a str>,
}

#[derive(Serialize)]
struct DimensionOut<'a> {
    id: &'a str,
    group: &'a str,
    title: &'a str,
    summary: Option<&'a str>,
    /// Keyed by discipline id.
    points: BTreeMap<&'a str, &'a [String]>,
    overlap: Option<&'a str>,
    note: Option<&'a str>,
    sources: Vec<&'a str>,
    /// Glossary terms related to this dimension.
    terms: Vec<&'a str>,
}

#[derive(Serialize)]
struct QuestionOut<'a> {
    id: &'a str,
    kind: &'static str,
    dimension: &'a str,
    difficulty: u8,
    prompt: &'a str,
    /// Single and multi questions only.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    options: &'a [String],
    answer: AnswerOut<'a>,
    explanation: &'a str,
    sources: Vec<&'a str>,
}

/// As in quiz.toml: a letter, a list of letters, true/false, or a discipline id / "both".
#[derive(Serialize)]
#[serde(untagged)]
enum AnswerOut<'a> {
    Letter(String),
    Letters(Vec<String>),
    Bool(bool),
    Id(&'a str),
    Texts(&'a [String]),
}

#[derive(Serialize)]
struct TermOut<'a> {
    id: &'a str,
    name: &'a str,
    aliases: &'a [String],
    /// A discipline id, or "both".
    discipline: &'a str,
    definition: &'a str,
    related: Vec<&'a str>,
    sources: Vec<&'a str>,
}

#[derive(Serialize)]
struct FitOut<'a> {
    roles_dimension: Option<&'a str>,
    statements: Vec<StatementOut<'a>>,
}

#[derive(Serialize)]
struct StatementOut<'a> {
    id: &'a str,
    text: &'a str,
    discipline: &'a str,
    dimension: &'a str,
    reverse: bool,
    sources: Vec<&'a str>,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    id: &'a str,
    title: &'a str,
    short: Option<&'a str>,
    author: Option<&'a str>,
    year: Option<i64>,
    url: Option<&'a str>,
    note: Option<&'a str>,
}

pub fn colour_name(c: Colour) -> String {
    match c {
        Colour::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        Colour::Named(n) => <&str>::from(n).to_string(),
    }
}

fn owner_id(c: &Content, o: Owner) -> &str {
    match o {
        Owner::Discipline(d) => &c.disciplines[d].id,
        Owner::Both => "both",
    }
}

fn kind_name(k: QuestionKind) -> &'static str {
    k.into()
}

/// The whole model as JSON, pretty-printed, ending with a newline.
pub fn json(c: &Content) -> String {
    let source_ids = |list: &[usize]| list.iter().map(|&s| c.sources[s].id.as_str()).collect::<Vec<_>>();
    let dim_id = |d: usize| c.dimensions[d].id.as_str();
    let terms_by_dimension = c.terms_by_dimension();
    let export = Export {
        format: "scm-vs-om-export",
        version: JSON_VERSION,
        disciplines: c
            .disciplines
            .iter()
            .map(|d| DisciplineOut {
                id: &d.id,
                name: &d.name,
                short: &d.short,
                color: colour_name(d.color),
                summary: &d.summary,
                sources: source_ids(&d.sources),
            })
            .collect(),
        groups: c
            .groups
            .iter()
            .map(|g| GroupOut {
                id: &g.id,
                title: &g.title,
                dimensions: g.dimensions.clone().map(dim_id).collect(),
            })
            .collect(),
        dimensions: c
            .dimensions
            .iter()
            .enumerate()
            .map(|(i, d)| DimensionOut {
                id: &d.id,
                group: &c.groups[d.group].id,
                title: &d.title,
                summary: d.summary.as_deref(),
                points: c
                    .disciplines
                    .iter()
                    .zip(&d.points)
                    .map(|(disc, p)| (disc.id.as_str(), p.as_slice()))
                    .collect(),
                overlap: d.overlap.as_deref(),
                note: d.note.as_deref(),
                sources: source_ids(&d.sources),
                terms: terms_by_dimension[i].iter().map(|&t| c.terms[t].id.as_str()).collect(),
            })
            .collect(),
        questions: c
            .questions
            .iter()
            .map(|q| QuestionOut {
                id: &q.id,
                kind: kind_name(q.kind),
                dimension: dim_id(q.dimension),
                difficulty: q.difficulty,
                prompt: &q.prompt,
                options: &q.options,
                answer: match (&q.answer, q.kind) {
                    (Answer::Options(o), QuestionKind::Multi) => {
                        AnswerOut::Letters(o.iter().map(|&i| letter(i)).collect())
                    }
                    (Answer::Options(o), _) => AnswerOut::Letter(letter(o[0])),
                    (Answer::TrueFalse(b), _) => AnswerOut::Bool(*b),
                    (Answer::Discipline(d), _) => AnswerOut::Id(&c.disciplines[*d].id),
                    (Answer::Both, _) => AnswerOut::Id("both"),
                    (Answer::Typed(accepted), _) => AnswerOut::Texts(accepted),
                },
                explanation: &q.explanation,
                sources: source_ids(&q.sources),
            })
            .collect(),
        terms: c
            .terms
            .iter()
            .map(|t| TermOut {
                id: &t.id,
                name: &t.name,
                aliases: &t.aliases,
                discipline: owner_id(c, t.owner),
                definition: &t.definition,
                related: t.related.iter().map(|&d| dim_id(d)).collect(),
                sources: source_ids(&t.sources),
            })
            .collect(),
        fit: FitOut {
            roles_dimension: c.fit.roles_dimension.map(dim_id),
            statements: c
                .fit
                .statements
                .iter()
                .map(|s| StatementOut {
                    id: &s.id,
                    text: &s.text,
                    discipline: &c.disciplines[s.discipline].id,
                    dimension: dim_id(s.dimension),
                    reverse: s.reverse,
                    sources: source_ids(&s.sources),
                })
                .collect(),
        },
        sources: c
            .sources
            .iter()
            .map(|s| SourceOut {
                id: &s.id,
                title: &s.title,
                short: s.short.as_deref(),
                author: s.author.as_deref(),
                year: s.year,
                url: s.url.as_deref(),
                note: s.note.as_deref(),
            })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&export).expect("plain data serialises");
    out.push('\n');
    out
}

/// Text for a Markdown table cell: one line, pipes escaped.
fn cell(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").replace('|', "\\|")
}

fn cites(c: &Content, list: &[usize]) -> String {
    list.iter().map(|&s| c.sources[s].citation()).collect::<Vec<_>>().join("; ")
}

/// The pack as a Markdown document: the disciplines, every dimension as a table, the
/// glossary, the self-assessment's statements, and the quiz as a worksheet with the answer
/// key at the end.
pub fn markdown(c: &Content) -> String {
    let mut m = String::new();
    let names: Vec<&str> = c.disciplines.iter().map(|d| d.name.as_str()).collect();
    let _ = writeln!(m, "# {}\n", names.join(" vs "));
    let _ = writeln!(m, "## The disciplines\n");
    for d in &c.disciplines {
        let _ = writeln!(m, "### {} ({})\n\n{}\n", d.name, d.short, d.summary);
        if !d.sources.is_empty() {
            let _ = writeln!(m, "Sources: {}\n", cites(c, &d.sources));
        }
    }
    let _ = writeln!(m, "## The comparison\n");
    for g in &c.groups {
        let _ = writeln!(m, "### {}\n", g.title);
        for d in &c.dimensions[g.dimensions.clone()] {
            let _ = writeln!(m, "#### {}\n", d.title);
            if let Some(s) = &d.summary {
                let _ = writeln!(m, "{}\n", s);
            }
            // One column per discipline, and the overlap beside them.
            let both = if c.disciplines.len() == 2 { "Both" } else { "All" };
            let mut header: Vec<String> = c.disciplines.iter().map(|x| cell(&x.name)).collect();
            header.push(format!("Overlap ({both})"));
            let _ = writeln!(m, "| {} |", header.join(" | "));
            let _ = writeln!(m, "|{}", " --- |".repeat(header.len()));
            let rows = d.points.iter().map(Vec::len).max().unwrap_or(0).max(1);
            for r in 0..rows {
                let mut row: Vec<String> =
                    d.points.iter().map(|p| p.get(r).map_or(String::new(), |x| cell(x))).collect();
                row.push(if r == 0 {
                    d.overlap.as_deref().map_or(String::new(), cell)
                } else {
                    String::new()
                });
                let _ = writeln!(m, "| {} |", row.join(" | "));
            }
            m.push('\n');
            if let Some(n) = &d.note {
                let _ = writeln!(m, "Note: {}\n", n);
            }
            let _ = writeln!(m, "Sources: {}\n", cites(c, &d.sources));
        }
    }
    if !c.terms.is_empty() {
        let _ = writeln!(m, "## Glossary\n");
        let mut terms: Vec<&crate::content::Term> = c.terms.iter().collect();
        terms.sort_by_key(|t| t.name.to_lowercase());
        for t in terms {
            let aliases = if t.aliases.is_empty() {
                String::new()
            } else {
                format!(" (also: {})", t.aliases.join(", "))
            };
            let _ = writeln!(
                m,
                "- **{}**{aliases}, {}: {} Sources: {}.",
                t.name,
                c.owner_short(t.owner),
                cell(&t.definition),
                cites(c, &t.sources)
            );
        }
        m.push('\n');
    }
    if !c.fit.statements.is_empty() {
        let _ = writeln!(
            m,
            "## Which field fits me? (rate each from 1, strongly dislike, to 5, strongly like)\n"
        );
        for (i, s) in c.fit.statements.iter().enumerate() {
            let _ = writeln!(m, "{}. {} ___", i + 1, cell(&s.text));
        }
        m.push('\n');
    }
    if !c.questions.is_empty() {
        let _ = writeln!(m, "## Quiz worksheet\n");
        let which_options: Vec<String> = c
            .disciplines
            .iter()
            .map(|d| d.name.clone())
            .chain([crate::quiz::card::both_label(c).to_string()])
            .collect();
        for (i, q) in c.questions.iter().enumerate() {
            let hint = if q.kind == QuestionKind::Multi { " (choose all that apply)" } else { "" };
            let _ = writeln!(m, "{}. {}{hint}\n", i + 1, cell(&q.prompt));
            let options: Vec<String> = match q.kind {
                QuestionKind::Single | QuestionKind::Multi => q.options.clone(),
                QuestionKind::TrueFalse => vec!["True".into(), "False".into()],
                QuestionKind::Which => which_options.clone(),
                QuestionKind::Typed => Vec::new(),
            };
            for (k, o) in options.iter().enumerate() {
                let _ = writeln!(m, "    {}) {}", letter(k), cell(o));
            }
            m.push('\n');
        }
        let _ = writeln!(m, "## Answer key\n");
        for (i, q) in c.questions.iter().enumerate() {
            let answer = match &q.answer {
                Answer::Options(o) => o.iter().map(|&k| letter(k)).collect::<Vec<_>>().join(", "),
                Answer::TrueFalse(true) => "a (True)".into(),
                Answer::TrueFalse(false) => "b (False)".into(),
                Answer::Discipline(d) => format!("{} ({})", letter(*d), c.disciplines[*d].name),
                Answer::Both => {
                    format!("{} ({})", letter(c.disciplines.len()), crate::quiz::card::both_label(c))
                }
                Answer::Typed(accepted) => accepted.iter().map(|a| cell(a)).collect::<Vec<_>>().join(" / "),
            };
            let _ = writeln!(m, "{}. {answer}. {}", i + 1, cell(&q.explanation));
        }
        m.push('\n');
    }
    let _ = writeln!(m, "## Sources\n");
    for s in &c.sources {
        let url = s.url.as_deref().map_or(String::new(), |u| format!(" <{u}>"));
        let note = s.note.as_deref().map_or(String::new(), |n| format!(" {}", cell(n)));
        let _ = writeln!(m, "- [{}] {}.{url}{note}", s.id, s.citation());
    }
    m
}
