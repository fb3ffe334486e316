//! The quiz: `quiz.toml`, read and checked against the comparison it teaches.

use strum::VariantNames;
use toml::Spanned;
use toml::de::DeValue;

use super::ids::Ids;
use super::model::{Answer, Owner, Question, QuestionKind};
use super::reader::{At, FileCtx, Table};
use super::resolve::Resolver;

/// How many options each kind of question may have.
const SINGLE_OPTIONS: std::ops::RangeInclusive<usize> = 3..=5;
const MULTI_OPTIONS: std::ops::RangeInclusive<usize> = 3..=6;

/// Reads `quiz.toml` (absent: no questions) and resolves its references.
pub(super) fn build_quiz(qctx: Option<&FileCtx<'_>>, r: &Resolver<'_, '_>) -> Vec<Question> {
    let Some(ctx) = qctx else {
        return Vec::new();
    };
    let Some(doc) = ctx.parse() else {
        return Vec::new();
    };
    let mut root = ctx.root(doc);
    let tables = root.tables("question", "[[question]]");
    let mut ids: Vec<Option<At<String>>> = Vec::with_capacity(tables.len());
    let mut questions = Vec::with_capacity(tables.len());
    for mut t in tables {
        let id = t.id("id");
        ids.push(id.clone());
        let question = read_question(&mut t, id, r);
        t.finish();
        questions.extend(question);
    }
    root.finish();
    Ids::new(Some(ctx), "question", ids.iter().map(Option::as_ref));
    questions
}

fn read_question(t: &mut Table<'_, '_>, id: Option<At<String>>, r: &Resolver<'_, '_>) -> Option<Question> {
    let ctx = t.ctx();
    let kind = t.text("kind").and_then(|k| {
        let found = k.value.parse::<QuestionKind>().ok();
        if found.is_none() {
            let (last, rest) = QuestionKind::VARIANTS.split_last().expect("kinds exist");
            ctx.error(k.at, format!("unknown kind `{}`: use {} or {last}", k.value, rest.join(", ")));
        }
        found
    });
    let dimension = t.id("dimension").and_then(|d| r.dimension(ctx, &d));
    let difficulty = t.int("difficulty").and_then(|d| match u8::try_from(d.value) {
        Ok(n @ 1..=3) => Some(n),
        _ => {
            ctx.error(d.at, format!("difficulty must be 1, 2 or 3, not {}", d.value));
            None
        }
    });
    let prompt = t.prose("prompt");
    let options = t.opt_text_list("options");
    let answer_value = t.value("answer");
    let explanation = t.prose("explanation");
    let sources = t.ids("sources").and_then(|s| r.sources(ctx, &s));
    let shuffle = t.opt_bool("shuffle").is_none_or(|b| b.value);

    let kind = kind?;
    // The answer is checked against the options even when they have problems of their own.
    let (options, options_ok) = check_options(t, kind, options);
    let answer = check_answer(ctx, kind, answer_value?, &options, r)?;
    if !options_ok {
        return None;
    }
    let (id, dimension, difficulty, prompt, explanation) =
        (id?, dimension?, difficulty?, prompt?, explanation?);
    Some(Question {
        id: id.value,
        kind,
        dimension,
        difficulty,
        prompt: prompt.value,
        options,
        answer,
        explanation: explanation.value,
        sources: sources?,
        shuffle,
    })
}

/// Single and multi questions need their own options, in a count that fits; the other kinds
/// must not have any (the quiz supplies them).
fn check_options(
    t: &Table<'_, '_>,
    kind: QuestionKind,
    options: Option<Vec<At<String>>>,
) -> (Vec<String>, bool) {
    let ctx = t.ctx();
    let range = match kind {
        QuestionKind::Single => SINGLE_OPTIONS,
        QuestionKind::Multi => MULTI_OPTIONS,
        QuestionKind::TrueFalse | QuestionKind::Which | QuestionKind::Typed => {
            if let Some(first) = options.as_ref().and_then(|o| o.first()) {
                let name: &str = kind.into();
                let why = if kind == QuestionKind::Typed {
                    "the learner types the answer (list the accepted ones in `answer`)"
                } else {
                    "the quiz supplies them"
                };
                ctx.error(first.at, format!("`options` are not used with kind `{name}`: {why}"));
                return (Vec::new(), false);
            }
            return (Vec::new(), true);
        }
    };
    let Some(options) = options else {
        ctx.error(
            t.at,
            format!("missing key `options`: this kind needs {} to {} options", range.start(), range.end()),
        );
        return (Vec::new(), false);
    };
    let mut ok = true;
    if !range.contains(&options.len()) {
        ctx.error(
            options[0].at,
            format!("{} options given; this kind needs {} to {}", options.len(), range.start(), range.end()),
        );
        ok = false;
    }
    let mut first: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, o) in options.iter().enumerate() {
        let j = *first.entry(o.value.to_ascii_lowercase()).or_insert(i);
        if j != i {
            ctx.error(o.at, format!("duplicate option `{}` (the same as option {})", o.value, letter(j)));
            ok = false;
        }
    }
    (options.into_iter().map(|o| o.value).collect(), ok)
}

/// An option's letter; past `z` (only a pack with too many options gets there) its number.
/// The one spelling, shared by diagnostics and export.
pub fn letter(i: usize) -> String {
    match u8::try_from(i) {
        Ok(i) if i < 26 => char::from(b'a' + i).to_string(),
        _ => (i + 1).to_string(),
    }
}

/// Reads an answer letter (`"b"`) as an option index, reporting letters out of range.
fn option_index(ctx: &FileCtx<'_>, v: &Spanned<DeValue<'_>>, n: usize) -> Option<usize> {
    let at = v.span().start;
    let Some(s) = v.get_ref().as_str() else {
        ctx.error(
            at,
            format!("an answer letter must be a string like \"a\", found {}", v.get_ref().type_str()),
        );
        return None;
    };
    let last = letter(n.clamp(1, 26) - 1);
    match s.as_bytes() {
        [c @ b'a'..=b'z'] if usize::from(c - b'a') < n => Some(usize::from(c - b'a')),
        _ => {
            ctx.error(at, format!("answer `{s}` is not among the {n} options (a to {last})"));
            None
        }
    }
}

fn check_answer(
    ctx: &FileCtx<'_>,
    kind: QuestionKind,
    v: &Spanned<DeValue<'_>>,
    options: &[String],
    r: &Resolver<'_, '_>,
) -> Option<Answer> {
    let at = v.span().start;
    match kind {
        QuestionKind::Single => option_index(ctx, v, options.len()).map(|i| Answer::Options(vec![i])),
        QuestionKind::Multi => {
            let Some(items) = v.get_ref().as_array() else {
                ctx.error(
                    at,
                    format!(
                        "a multi answer must be a list of letters like [\"a\", \"c\"], found {}",
                        v.get_ref().type_str()
                    ),
                );
                return None;
            };
            if items.is_empty() {
                ctx.error(at, "the answer lists no option: a question needs at least one correct answer");
                return None;
            }
            let mut chosen = Vec::new();
            let mut ok = true;
            for item in items.iter() {
                match option_index(ctx, item, options.len()) {
                    Some(i) if chosen.contains(&i) => {
                        ctx.error(item.span().start, format!("answer `{}` is listed twice", letter(i)));
                        ok = false;
                    }
                    Some(i) => chosen.push(i),
                    None => ok = false,
                }
            }
            chosen.sort_unstable();
            ok.then_some(Answer::Options(chosen))
        }
        QuestionKind::TrueFalse => match v.get_ref().as_bool() {
            Some(b) => Some(Answer::TrueFalse(b)),
            None => {
                ctx.error(
                    at,
                    format!("a true-false answer must be true or false, found {}", v.get_ref().type_str()),
                );
                None
            }
        },
        QuestionKind::Typed => typed_answers(ctx, v).map(Answer::Typed),
        QuestionKind::Which => {
            let Some(s) = v.get_ref().as_str() else {
                ctx.error(
                    at,
                    format!(
                        "a which answer must be a discipline id or \"both\", found {}",
                        v.get_ref().type_str()
                    ),
                );
                return None;
            };
            match r.owner(ctx, "answer", &At { value: s.to_owned(), at }, true)? {
                Owner::Both => Some(Answer::Both),
                Owner::Discipline(d) => Some(Answer::Discipline(d)),
            }
        }
    }
}

/// A typed question's accepted answers: one string, or a list of them (the first is the one
/// shown as expected). Each is one line of text; two that differ only in case are one.
fn typed_answers(ctx: &FileCtx<'_>, v: &Spanned<DeValue<'_>>) -> Option<Vec<String>> {
    let at = v.span().start;
    let expected =
        "a typed answer must be a string or a list of strings like [\"Bullwhip effect\", \"bullwhip\"]";
    let items: Vec<&Spanned<DeValue<'_>>> = match v.get_ref() {
        DeValue::String(_) => vec![v],
        DeValue::Array(items) if items.is_empty() => {
            ctx.error(at, "the answer lists nothing: a typed question needs at least one accepted answer");
            return None;
        }
        DeValue::Array(items) => items.iter().collect(),
        other => {
            ctx.error(at, format!("{expected}, found {}", other.type_str()));
            return None;
        }
    };
    let mut accepted: Vec<String> = Vec::with_capacity(items.len());
    let mut ok = true;
    for item in items {
        let at = item.span().start;
        let Some(raw) = item.get_ref().as_str() else {
            ctx.error(at, format!("{expected}, found {} in the list", item.get_ref().type_str()));
            ok = false;
            continue;
        };
        let text = super::sanitize::one_line(raw);
        if text.trim().is_empty() {
            ctx.error(at, "an accepted answer must not be empty");
            ok = false;
        } else if let Some(j) = accepted.iter().position(|a| a.to_lowercase() == text.to_lowercase()) {
            ctx.error(at, format!("accepted answer `{text}` is listed twice (the same as answer {})", j + 1));
            ok = false;
        } else {
            accepted.push(text);
        }
    }
    ok.then_some(accepted)
}

#[cfg(test)]
mod tests {
    use super::letter;

    #[test]
    fn letters_run_a_to_z_then_numbers_without_overflow() {
        assert_eq!(letter(0), "a");
        assert_eq!(letter(25), "z");
        assert_eq!(letter(26), "27");
        // Past u8: the copy export.rs had wrapped or overflowed here.
        assert_eq!(letter(300), "301");
    }
}
