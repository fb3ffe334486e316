//! The quiz engine on its own: cards, scoring of every kind, the drill, sessions, results,
//! the review schedule and seed reproducibility. No terminal involved.

use scm_vs_om::BuiltinContent;
use scm_vs_om::content::{Content, ContentSource};
use scm_vs_om::quiz::card::{all_cards, drill_cards, question_card, strip_attribution};
use scm_vs_om::quiz::session::{Difficulty, Plan, Scope, Session, due_count, due_forecast, leeches, select};
use scm_vs_om::quiz::{About, Origin, Record, Schedule};

fn minimal() -> Content {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/packs/minimal");
    Content::load(&ContentSource::Dir(dir)).unwrap_or_else(|e| panic!("{e}"))
}

fn plan(scope: Scope) -> Plan {
    Plan { scope, count: None, difficulty: Difficulty::Any }
}

#[test]
fn single_choice_scoring() {
    let c = minimal();
    let card = question_card(&c, 0);
    assert_eq!(card.options, ["Alpha", "Beta", "Neither"]);
    assert!(card.is_correct(&[0]));
    assert!(!card.is_correct(&[1]));
    assert!(!card.is_correct(&[]));
    assert!(!card.is_correct(&[0, 1]), "choosing more than the one answer is wrong");
}

#[test]
fn multi_select_needs_exactly_the_right_set() {
    let c = minimal();
    let card = question_card(&c, 1);
    assert!(card.multi);
    assert!(card.is_correct(&[0, 1]));
    assert!(card.is_correct(&[1, 0]), "order does not matter");
    assert!(!card.is_correct(&[0]), "partly right is wrong");
    assert!(!card.is_correct(&[0, 1, 2]), "right plus a wrong one is wrong");
}

#[test]
fn true_false_and_which_cards_get_their_options_from_the_quiz() {
    let c = minimal();
    let tf = question_card(&c, 2);
    assert_eq!(tf.options, ["True", "False"]);
    assert!(tf.is_correct(&[0]));
    let which = question_card(&c, 3);
    assert_eq!(which.options, ["Alpha Studies", "Beta Studies", "Both"]);
    assert!(which.is_correct(&[2]));
    assert_eq!(which.about, Some(About::Both));
}

#[test]
fn the_drill_makes_a_card_of_every_point() {
    let c = minimal();
    let drill = drill_cards(&c);
    assert_eq!(drill.len(), c.point_count());
    let first = &drill[0];
    assert_eq!(first.id, "drill:scope:alpha:1");
    assert!(first.prompt.contains("Wide scope"));
    assert_eq!(first.options, ["Alpha Studies", "Beta Studies"]);
    assert!(first.is_correct(&[0]));
    assert_eq!(first.origin, Origin::Drill { dimension: 0, discipline: 0, point: 0 });
    assert!(drill[1].is_correct(&[1]));
    // And with the real content: one card per point, every answer a discipline.
    let builtin = Content::builtin();
    let drill = drill_cards(&builtin);
    assert_eq!(drill.len(), builtin.point_count());
    assert!(drill.iter().all(|d| matches!(d.about, Some(About::Discipline(_)))));
}

#[test]
fn shuffling_options_keeps_the_right_answer() {
    let c = minimal();
    let mut rng = fastrand::Rng::with_seed(7);
    for _ in 0..50 {
        let mut card = question_card(&c, 1);
        card.shuffle_options(&mut rng);
        let right: Vec<usize> =
            card.options.iter().enumerate().filter(|(_, o)| *o != "Gamma rays").map(|(i, _)| i).collect();
        assert!(card.is_correct(&right), "{card:?}");
    }
    // True/false keeps its order.
    let mut tf = question_card(&c, 2);
    tf.shuffle_options(&mut rng);
    assert_eq!(tf.options, ["True", "False"]);
}

#[test]
fn a_session_scores_and_breaks_down_results() {
    let c = minimal();
    let cards = (0..4).map(|i| question_card(&c, i)).collect();
    let mut s = Session { cards, responses: vec![None; 4], current: 0, started_at: 100 };
    assert_eq!(s.answer(vec![0], 110), Some(true));
    assert_eq!(s.answer(vec![1], 111), None, "a card is answered once");
    assert!(s.advance());
    assert_eq!(s.answer(vec![0], 120), Some(false), "partly right multi");
    s.advance();
    assert_eq!(s.answer(vec![0], 130), Some(true));
    s.advance();
    assert_eq!(s.answer(vec![0], 160), Some(false));
    assert!(!s.advance());
    assert!(s.is_finished());
    let r = s.results(&c);
    assert_eq!((r.right, r.total, r.percent(), r.seconds), (2, 4, 50, 60));
    assert_eq!(r.missed, [1, 3]);
    assert_eq!(r.by_group.len(), 1);
    assert_eq!((r.by_group[0].1.right, r.by_group[0].1.total), (2, 4));
    // Only the which-question is about a discipline (here: both), and it was missed.
    assert_eq!(r.by_about.len(), 1);
    assert_eq!(r.by_about[0].0, About::Both);
    assert_eq!(r.by_about[0].1.missed(), 1);
    let missed: Vec<String> = s.missed().into_iter().map(|c| c.id).collect();
    assert_eq!(missed, ["scope-multi", "scope-which"]);
}

#[test]
fn selection_by_scope_and_difficulty() {
    let c = minimal();
    let none = Schedule::default();
    assert_eq!(select(&c, &plan(Scope::All), &none, 0).len(), 4);
    assert_eq!(select(&c, &plan(Scope::Group(0)), &none, 0).len(), 4);
    assert_eq!(select(&c, &plan(Scope::Drill), &none, 0).len(), 2);
    let hard = Plan { difficulty: Difficulty::Only(3), ..plan(Scope::All) };
    let ids: Vec<String> = select(&c, &hard, &none, 0).into_iter().map(|c| c.id).collect();
    assert_eq!(ids, ["scope-which"]);
}

#[test]
fn due_runs_take_overdue_first_then_new() {
    let c = minimal();
    let history = [
        Record::new("scope-single", 1_000, false),
        Record::new("scope-multi", 500, false),
        Record::new("scope-which", 1_000, true),
    ];
    let schedule = Schedule::from_history(&history);
    // FSRS's first steps: a miss is due a minute later, a first right answer ten minutes.
    let now = 1_500;
    assert_eq!(due_count(&c, &schedule, now), 2);
    let ids: Vec<String> = select(&c, &plan(Scope::Due), &schedule, now).into_iter().map(|c| c.id).collect();
    // Most overdue first (multi was missed earlier), then never-seen cards; the one answered
    // right is not due yet.
    assert_eq!(&ids[..2], ["scope-multi", "scope-single"]);
    assert!(!ids.contains(&"scope-which".to_string()));
    assert!(ids.contains(&"scope-true-false".to_string()));
    assert!(ids.contains(&"drill:scope:alpha:1".to_string()));
}

#[test]
fn the_same_seed_gives_the_same_session() {
    let c = Content::builtin();
    let p = Plan { scope: Scope::All, count: Some(20), difficulty: Difficulty::Any };
    let run = |seed| {
        let mut rng = fastrand::Rng::with_seed(seed);
        let s = Session::start(&c, select(&c, &p, &Schedule::default(), 0), &p, &mut rng, 0);
        s.cards.iter().map(|c| (c.id.clone(), c.options.clone())).collect::<Vec<_>>()
    };
    assert_eq!(run(42), run(42));
    assert_ne!(run(42), run(43));
    assert_eq!(run(42).len(), 20);
}

#[test]
fn builtin_questions_cover_every_group_and_balance_which_answers() {
    let c = Content::builtin();
    assert!(c.questions.len() >= 100, "{} questions", c.questions.len());
    for (g, group) in c.groups.iter().enumerate() {
        assert!(
            c.questions.iter().any(|q| c.dimensions[q.dimension].group == g),
            "no question for {}",
            group.id
        );
    }
    let cards = all_cards(&c);
    let count = |a: About| {
        cards.iter().filter(|k| matches!(k.origin, Origin::Question(_)) && k.about == Some(a)).count()
    };
    let (scm, om, both) = (count(About::Discipline(0)), count(About::Discipline(1)), count(About::Both));
    let total = scm + om + both;
    for n in [scm, om, both] {
        assert!(n * 4 >= total, "which answers unbalanced: scm {scm}, om {om}, both {both}");
    }
}

#[test]
fn leeches_are_the_questions_missed_four_times_most_missed_first() {
    let c = minimal();
    let mut history = Vec::new();
    for day in 0..5 {
        let t = day * 86_400;
        history.push(Record::new("scope-single", t, false));
        if day < 4 {
            history.push(Record::new("drill:scope:alpha:1", t, false));
        }
        if day < 3 {
            history.push(Record::new("scope-multi", t, false));
        }
        history.push(Record::new("scope-which", t, true));
    }
    let schedule = Schedule::from_history(&history);
    let found: Vec<(String, u32)> = leeches(&c, &schedule).into_iter().map(|(e, n)| (e.id, n)).collect();
    assert_eq!(found, [("scope-single".to_string(), 5), ("drill:scope:alpha:1".to_string(), 4)]);
    // A plan of its own, for a quiz of only them.
    let ids: Vec<String> =
        select(&c, &plan(Scope::Leeches), &schedule, 0).into_iter().map(|e| e.id).collect();
    assert_eq!(ids, ["scope-single", "drill:scope:alpha:1"]);
    let mut rng = fastrand::Rng::with_seed(1);
    let p = Plan { count: Some(1), ..plan(Scope::Leeches) };
    let s = Session::start(&c, select(&c, &p, &schedule, 0), &p, &mut rng, 0);
    assert_eq!(s.cards.len(), 1);
    assert_eq!(s.cards[0].id, "scope-single", "a short leech run takes the worst first");
    assert!(select(&c, &plan(Scope::Leeches), &Schedule::default(), 0).is_empty());
}

#[test]
fn the_forecast_says_what_falls_due_each_day() {
    let c = minimal();
    let day = 86_400;
    let history = [
        // Missed: due a minute later, so due today.
        Record::new("scope-single", 0, false),
        // Right twice, ten minutes apart: in review, due in days.
        Record::new("scope-multi", 0, true),
        Record::new("scope-multi", 600, true),
        // Not in the content: not counted.
        Record::new("gone-from-the-pack", 0, false),
    ];
    let schedule = Schedule::from_history(&history);
    let multi_day = ((schedule.slot("scope-multi").unwrap().due_at() - 600) / day) as usize;
    assert!((1..7).contains(&multi_day), "{multi_day}");
    let week = due_forecast(&c, &schedule, 600, 7);
    let mut expected = vec![0; 7];
    expected[0] = 1;
    expected[multi_day] += 1;
    assert_eq!(week, expected);
    assert_eq!(due_forecast(&c, &schedule, 600, 14).iter().sum::<usize>(), 2);
    assert_eq!(due_count(&c, &schedule, 600), 1);
}

/// The minimal pack in a temporary directory with these questions added to quiz.toml.
fn pack_with_questions(extra: &str) -> (tempfile::TempDir, Result<Content, String>) {
    let dir = tempfile::tempdir().unwrap();
    let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/packs/minimal");
    for entry in std::fs::read_dir(&from).unwrap().flatten() {
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    let quiz = dir.path().join("quiz.toml");
    let text = std::fs::read_to_string(&quiz).unwrap() + extra;
    std::fs::write(&quiz, text).unwrap();
    let loaded = Content::load(&ContentSource::Dir(dir.path().to_path_buf())).map_err(|e| e.to_string());
    (dir, loaded)
}

const TYPED: &str = r#"
[[question]]
id = "scope-typed"
kind = "typed"
dimension = "scope"
difficulty = 2
prompt = "Which study is wide?"
answer = ["Alpha Studies", "alpha"]
explanation = "Alpha is wide."
sources = ["book"]

[[question]]
id = "scope-typed-one"
kind = "typed"
dimension = "scope"
difficulty = 1
prompt = "Name the narrow one."
answer = "Beta"
explanation = "Beta is narrow."
sources = ["book"]
"#;

#[test]
fn typed_questions_load_and_match_after_normalising() {
    use scm_vs_om::content::{Answer, QuestionKind};
    let (_dir, c) = pack_with_questions(TYPED);
    let c = c.unwrap_or_else(|e| panic!("{e}"));
    let i = c.questions.iter().position(|q| q.id == "scope-typed").unwrap();
    assert_eq!(c.questions[i].kind, QuestionKind::Typed);
    assert_eq!(c.questions[i].answer, Answer::Typed(vec!["Alpha Studies".into(), "alpha".into()]));
    let card = question_card(&c, i);
    assert!(card.is_typed() && card.options.is_empty());
    assert_eq!(card.expected(), Some("Alpha Studies"));
    assert!(card.check_typed("  alpha-studies!").correct);
    assert!(card.check_typed("Alpha Studeis").close, "a swap, forgiven");
    assert!(!card.check_typed("Beta").correct);
    assert!(!card.is_correct(&[]), "a typed card is never right by choosing nothing");
    let one = question_card(&c, i + 1);
    assert_eq!(one.accepted, ["Beta"]);
    // In a session: the typed text and its match are kept for the feedback.
    let mut rng = fastrand::Rng::with_seed(1);
    let mut s = Session::from_cards(vec![card, one], &mut rng, 0);
    assert_eq!(s.answer(vec![0], 1), Some(false), "choosing on a typed card is wrong");
    s.advance();
    let m = s.answer_typed("beta", 2).unwrap();
    assert!(m.correct && !m.close);
    assert_eq!(s.response().unwrap().typed.as_ref().unwrap().0, "beta");
    assert_eq!(s.answer_typed("beta", 3), None, "answered once");
}

#[test]
fn typed_answers_are_checked_with_their_place() {
    let bad = r#"
[[question]]
id = "t1"
kind = "typed"
dimension = "scope"
difficulty = 1
prompt = "p"
options = ["x", "y", "z"]
answer = "x"
explanation = "e"
sources = ["book"]

[[question]]
id = "t2"
kind = "typed"
dimension = "scope"
difficulty = 1
prompt = "p"
answer = []
explanation = "e"
sources = ["book"]

[[question]]
id = "t3"
kind = "typed"
dimension = "scope"
difficulty = 1
prompt = "p"
answer = ["Kanban", 3, "KANBAN", "  "]
explanation = "e"
sources = ["book"]

[[question]]
id = "t4"
kind = "typed"
dimension = "scope"
difficulty = 1
prompt = "p"
answer = true
explanation = "e"
sources = ["book"]
"#;
    let (_dir, c) = pack_with_questions(bad);
    let e = c.expect_err("rejected");
    let lines: Vec<&str> = e.lines().filter(|l| l.contains("quiz.toml:")).collect();
    let after = |s: &str| lines.iter().map(|l| l.split_once("quiz.toml:").unwrap().1).any(|l| l.contains(s));
    assert!(after("`options` are not used with kind `typed`: the learner types the answer"), "{e}");
    assert!(after("the answer lists nothing: a typed question needs at least one accepted answer"), "{e}");
    assert!(after("found integer in the list"), "{e}");
    assert!(after("accepted answer `KANBAN` is listed twice (the same as answer 1)"), "{e}");
    assert!(after("an accepted answer must not be empty"), "{e}");
    assert!(after("a typed answer must be a string or a list of strings"), "{e}");
    assert_eq!(lines.len(), 6, "{e}");
    // Every one is path:line:col.
    for l in &lines {
        let rest = l.split_once("quiz.toml:").unwrap().1;
        let mut parts = rest.splitn(3, ':');
        assert!(
            parts.next().unwrap().parse::<usize>().is_ok() && parts.next().unwrap().parse::<usize>().is_ok(),
            "{l}"
        );
    }
}

#[test]
fn drill_prompts_carry_no_attribution_and_feedback_shows_the_contrast() {
    let c = Content::builtin();
    let drill = drill_cards(&c);
    let firsts: Vec<String> = c
        .sources
        .iter()
        .flat_map(|s| [s.author.clone(), s.short.clone()])
        .flatten()
        .filter_map(|n| {
            n.split(|ch: char| !ch.is_alphanumeric()).find(|w| !w.is_empty()).map(str::to_lowercase)
        })
        .collect();
    let mut stripped = 0;
    for card in &drill {
        let Origin::Drill { dimension, discipline, point } = card.origin else { unreachable!() };
        let raw = &c.dimensions[dimension].points[discipline][point];
        let shown = card.prompt.split_once("\n\n").unwrap().1;
        stripped += usize::from(shown != raw);
        if let Some((prefix, _)) = shown.split_once(": ") {
            let lead = prefix.split(|ch: char| !ch.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("");
            assert!(
                prefix.split_whitespace().count() > 6 || !firsts.contains(&lead.to_lowercase()),
                "attribution left in {}: {shown}",
                card.id
            );
        }
        // The feedback: the dimension's summary and the other field's points.
        let other = 1 - discipline;
        assert_eq!(card.contrast.len(), 1);
        assert_eq!(card.contrast[0].0, other);
        assert_eq!(card.contrast[0].1.len(), c.dimensions[dimension].points[other].len());
        if let Some(summary) = &c.dimensions[dimension].summary {
            assert!(card.explanation.contains(summary.trim()), "{}", card.id);
        }
        assert!(card.explanation.contains(&format!("{} on the same dimension:", c.disciplines[other].name)));
    }
    // The built-in comparison's points are plain sentences, their sources given per point, so
    // the drill shows each as written; the stripping is for packs that still open with one.
    assert_eq!(stripped, 0, "built-in points that opened with who said it");
    let first = drill.iter().find(|d| d.id == "drill:definition:scm:1").unwrap();
    assert!(first.prompt.ends_with("\n\nCovers planning and managing 'sourcing and procurement, conversion, and all logistics management activities'."), "{}", first.prompt);
    let cited = "CSCMP: covers planning and managing 'sourcing and procurement'.";
    assert_eq!(strip_attribution(&c, cited), "covers planning and managing 'sourcing and procurement'.");
    let cited = "Heizer, Render and Munson: activities that create value.";
    assert_eq!(strip_attribution(&c, cited), "activities that create value.");
    let plain = "Takt time: available time / customer demand.";
    assert_eq!(strip_attribution(&c, plain), plain);
}

#[test]
fn glossary_cards_have_their_own_scope_and_stay_out_of_the_drill() {
    let c = Content::builtin();
    let none = Schedule::default();
    let glossary = select(&c, &plan(Scope::Glossary), &none, 0);
    assert_eq!(glossary.len(), 2 * c.terms.len());
    assert!(glossary.iter().all(|e| e.id.starts_with("glossary:")));
    let drill = select(&c, &plan(Scope::Drill), &none, 0);
    assert!(drill.iter().all(|e| e.id.starts_with("drill:")));
    assert!(select(&c, &plan(Scope::All), &none, 0).iter().all(|e| !e.id.contains(':')));
    // New glossary cards do not fill a due run; one seen and due again does come back.
    let due_new = select(&c, &plan(Scope::Due), &none, 0);
    assert!(due_new.iter().all(|e| !e.id.starts_with("glossary:")));
    let seen = Schedule::from_history(&[Record::new(glossary[0].id.clone(), 0, false)]);
    assert_eq!(select(&c, &plan(Scope::Due), &seen, 3600)[0].id, glossary[0].id);
}

fn results_with(by_about: Vec<(About, (usize, usize))>) -> scm_vs_om::quiz::Results {
    use scm_vs_om::quiz::session::Tally;
    scm_vs_om::quiz::Results {
        by_about: by_about.into_iter().map(|(a, (right, total))| (a, Tally { right, total })).collect(),
        ..Default::default()
    }
}

#[test]
fn missed_most_is_by_rate_and_only_when_one_field_stands_out() {
    let (scm, om, both) = (About::Discipline(0), About::Discipline(1), About::Both);
    // The review's case: SCM 2/3, OM 0/1, Both 0/1. By count all tie at one miss; by rate
    // OM and Both tie at 100%: nothing is singled out.
    assert_eq!(results_with(vec![(scm, (2, 3)), (om, (0, 1)), (both, (0, 1))]).missed_most(), None);
    // OM's rate alone is highest, though SCM has more misses.
    assert_eq!(results_with(vec![(scm, (4, 8)), (om, (1, 3))]).missed_most(), Some(om));
    assert_eq!(results_with(vec![(scm, (1, 3)), (om, (3, 3))]).missed_most(), Some(scm));
    assert_eq!(results_with(vec![(scm, (3, 3)), (om, (2, 2))]).missed_most(), None, "no misses");
    assert_eq!(results_with(vec![(scm, (0, 3))]).missed_most(), None, "one row singles nothing out");
    assert_eq!(results_with(vec![(scm, (1, 2)), (om, (2, 4))]).missed_most(), None, "equal rates");
}

#[test]
fn multi_select_gets_partial_credit_and_missed_options_are_marked() {
    use scm_vs_om::quiz::card::Mark;
    let c = minimal();
    let card = question_card(&c, 1); // right: a and b, of a, b, c
    assert_eq!(card.marks(&[0]), [Mark::Chosen, Mark::Missed, Mark::Left]);
    assert_eq!(card.marks(&[0, 2]), [Mark::Chosen, Mark::Missed, Mark::Wrong]);
    assert_eq!(card.partial(&[0]).describe(), "1 of 2 right");
    assert_eq!(card.partial(&[0, 2]).describe(), "1 of 2 right, 1 wrong ticked");
    assert_eq!(card.partial(&[0, 1]).describe(), "2 of 2 right");
    assert!(!card.is_correct(&[0]), "partial credit is shown, but the answer is still wrong");
}

#[test]
fn the_path_across_retry_rounds() {
    let c = minimal();
    let mut rng = fastrand::Rng::with_seed(5);
    let mut path = scm_vs_om::quiz::RoundPath::default();
    let mut s = Session::from_cards((0..4).map(|i| question_card(&c, i)).collect(), &mut rng, 0);
    // First run: only the first card right.
    for i in 0..4 {
        let right = s.card().unwrap().correct.clone();
        s.answer(if i == 0 { right } else { vec![9] }, 1);
        s.advance();
    }
    path.push(&s.results(&c));
    // Retry the three missed: two right.
    let mut retry = Session::from_cards(s.missed(), &mut rng, 2);
    for i in 0..3 {
        let right = retry.card().unwrap().correct.clone();
        retry.answer(if i < 2 { right } else { vec![9] }, 3);
        retry.advance();
    }
    path.push(&retry.results(&c));
    let mut last = Session::from_cards(retry.missed(), &mut rng, 4);
    assert_eq!(last.cards.len(), 1);
    let right = last.card().unwrap().correct.clone();
    last.answer(right, 5);
    path.push(&last.results(&c));
    assert_eq!(path.describe(), "1/4 \u{2192} 2/3 \u{2192} 1/1");
}
