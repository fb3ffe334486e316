//! The quiz engine on its own: cards, scoring of every kind, the drill, sessions, results,
//! the review schedule and seed reproducibility. No terminal involved.

use scm_vs_om::BuiltinContent;
use scm_vs_om::content::{Content, ContentSource};
use scm_vs_om::quiz::card::{all_cards, drill_cards, question_card};
use scm_vs_om::quiz::session::{Difficulty, Plan, Scope, Session, due_count, select};
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
        Record { question: "scope-single".into(), time: 1_000, correct: false },
        Record { question: "scope-multi".into(), time: 500, correct: false },
        Record { question: "scope-which".into(), time: 1_000, correct: true },
    ];
    let schedule = Schedule::from_history(&history);
    let now = 2_000;
    assert_eq!(due_count(&c, &schedule, now), 2);
    let ids: Vec<String> = select(&c, &plan(Scope::Due), &schedule, now).into_iter().map(|c| c.id).collect();
    // Most overdue first (multi was missed earlier), then never-seen cards; the one answered
    // right is not due for a day.
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
