//! The whole model as JSON for other tools. The shape is documented in `docs/export-json.md`
//! and versioned (`"version": 1`); every reference is by id, never by position, so it stays
//! stable when files are reordered. Fields are only ever added.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{kind_name, letter, owner_id};
use crate::content::{Answer, Colour, Content, Pack, QuestionKind};

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
    /// `[pack]`: title, authors, course, licence, language (added in 0.2; absent keys null).
    pack: &'a Pack,
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
    /// The points are steps in order.
    numbered: bool,
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

/// The whole model as JSON, pretty-printed, ending with a newline.
pub(crate) fn json(c: &Content) -> String {
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
                numbered: d.numbered,
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
        pack: &c.pack,
    };
    let mut out = serde_json::to_string_pretty(&export).expect("plain data serialises");
    out.push('\n');
    out
}
