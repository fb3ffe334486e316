//! What a pack says about itself (`[pack]` in disciplines.toml), shown in the header bar and
//! the exports; and `shuffle = false`, which keeps a question's options in their order.

mod common;

use scm_vs_om::content::{Content, LoadError, Pack};
use scm_vs_om::quiz::card::question_card;
use scm_vs_om::quiz::session::Session;

const PACK: &str = "[pack]\ntitle = \"Alpha and Beta for Year 9\"\nsubtitle = \"Two fields side by side\"\n\
                    authors = [\"A. Teacher\", \"B. Helper\"]\ncourse = \"Business Studies 101\"\n\
                    licence = \"CC BY 4.0\"\nlanguage = \"en-GB\"\n";

fn load_edited(edit: impl FnOnce(&mut [String; 6])) -> Result<Content, LoadError> {
    let files = common::minimal_edited(edit);
    Content::from_files(files)
}

fn with_pack(text: &str) -> Result<Content, LoadError> {
    load_edited(|t| t[0].push_str(&format!("\n{text}")))
}

fn metadata_pack() -> Content {
    with_pack(PACK).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_field_is_read() {
    let c = metadata_pack();
    assert_eq!(
        c.pack,
        Pack {
            title: Some("Alpha and Beta for Year 9".into()),
            subtitle: Some("Two fields side by side".into()),
            authors: vec!["A. Teacher".into(), "B. Helper".into()],
            course: Some("Business Studies 101".into()),
            licence: Some("CC BY 4.0".into()),
            language: Some("en-GB".into()),
        }
    );
    assert_eq!(c.title(), "Alpha and Beta for Year 9");
}

#[test]
fn a_pack_without_it_loads_as_before() {
    let c = load_edited(|_| {}).unwrap();
    assert_eq!(c.pack, Pack::default());
    assert_eq!(c.title(), "Alpha Studies vs Beta Studies");
}

#[test]
fn its_mistakes_are_located() {
    let shown = |e: LoadError| e.diagnostics.iter().map(ToString::to_string).collect::<Vec<_>>();
    let e =
        with_pack("[pack]\ntitel = \"X\"\nlanguage = \"English\"\nauthors = \"A. Teacher\"\n").unwrap_err();
    assert_eq!(
        shown(e),
        [
            "pack/disciplines.toml:20:1: unknown key `titel` in [pack]; did you mean `title`?",
            "pack/disciplines.toml:21:12: `language` must be a language tag such as \"en\", \"de\" or \"pt-BR\", not `English`",
            "pack/disciplines.toml:22:11: `authors` must be a list of strings, found a string",
        ]
    );
}

#[test]
fn the_header_bar_shows_the_title_where_it_fits() {
    let app = scm_vs_om::app::App::new(metadata_pack(), &scm_vs_om::ui::theme::COLOUR, (120, 40));
    let top = common::screen(&app).lines().next().unwrap().to_string();
    assert!(top.ends_with("Alpha and Beta for Year 9"), "{top}");
    // At 90 columns it does not fit beside the six tabs: the short names do.
    let app = scm_vs_om::app::App::new(metadata_pack(), &scm_vs_om::ui::theme::COLOUR, (90, 24));
    let top = common::screen(&app).lines().next().unwrap().to_string();
    assert!(top.ends_with("A vs B"), "{top}");
}

#[test]
fn shuffle_false_keeps_the_options_in_order_in_every_session() {
    let c = load_edited(|t| t[3] = t[3].replacen("answer = \"a\"", "answer = \"a\"\nshuffle = false", 1))
        .unwrap();
    assert!(!c.questions[0].shuffle);
    assert!(c.questions[1].shuffle, "the default is to shuffle");
    let mut moved = false;
    for seed in 0..50 {
        let mut rng = fastrand::Rng::with_seed(seed);
        let cards = vec![question_card(&c, 0), question_card(&c, 1)];
        let session = Session::from_cards(cards, &mut rng, 0);
        for card in &session.cards {
            if card.id == "scope-single" {
                assert_eq!(card.options, ["Alpha", "Beta", "Neither"], "seed {seed}");
                assert!(card.is_correct(&[0]));
            } else if card.options != ["Alpha", "Beta", "Gamma rays"] {
                moved = true;
            }
        }
    }
    assert!(moved, "the other question's options were shuffled in some session");
}

#[test]
fn every_export_carries_it() {
    use scm_vs_om::export;
    let c = metadata_pack();
    let options = export::Options::default();
    let md = export::markdown(&c);
    assert!(
        md.starts_with(
            "# Alpha and Beta for Year 9\n\n**Two fields side by side**\n\n\
             By A. Teacher, B. Helper · Course: Business Studies 101 · Licence: CC BY 4.0\n\n"
        ),
        "{md}"
    );
    let html = export::html_with(&c, &options).unwrap();
    assert!(
        html.contains("<html lang=\"en-GB\">") && html.contains("<title>Alpha and Beta for Year 9</title>")
    );
    assert!(
        html.contains("<p>By A. Teacher, B. Helper · Course: Business Studies 101 · Licence: CC BY 4.0</p>")
    );
    let anki = export::anki_with(&c, &options).unwrap();
    assert!(anki.contains("\n#deck:Alpha and Beta for Year 9\n"), "{anki}");
    let json: serde_json::Value = serde_json::from_str(&export::json(&c)).unwrap();
    assert_eq!(json["pack"]["title"], "Alpha and Beta for Year 9");
    assert_eq!(json["pack"]["authors"][1], "B. Helper");
    assert_eq!(json["pack"]["licence"], "CC BY 4.0");
    assert_eq!(json["pack"]["language"], "en-GB");
}

#[test]
fn numbered_points_are_numbered_on_screen_and_in_the_exports() {
    let two = |t: &mut [String; 6]| {
        t[2] = t[2]
            .replacen("sources = [\"book\"]\n", "sources = [\"book\"]\nnumbered = true\n", 1)
            .replacen("alpha = [\"Wide scope\"]", "alpha = [\"Wide scope\", \"Then wider\"]", 1);
    };
    let c = load_edited(two).unwrap();
    assert!(c.dimensions[0].numbered);
    let mut app = scm_vs_om::app::App::new(c.clone(), &scm_vs_om::ui::theme::COLOUR, (120, 40));
    // Enter on the matrix opens the dimension.
    common::press(&mut app, "<Enter>");
    let screen = common::screen(&app);
    assert!(screen.contains(" 1. Wide scope") && screen.contains(" 2. Then wider"), "{screen}");
    assert!(!screen.contains("• Wide scope"), "{screen}");
    let md = scm_vs_om::export::markdown(&c);
    assert!(md.contains("**Alpha Studies:**\n\n1. Wide scope\n2. Then wider\n"), "{md}");
    let json: serde_json::Value = serde_json::from_str(&scm_vs_om::export::json(&c)).unwrap();
    assert_eq!(json["dimensions"][0]["numbered"], true);
    // Without the key, bullets as before.
    let c = load_edited(|_| {}).unwrap();
    assert!(!c.dimensions[0].numbered);
    let e = load_edited(|t| {
        t[2] = t[2].replacen("sources = [\"book\"]\n", "sources = [\"book\"]\nnumbered = \"yes\"\n", 1)
    })
    .unwrap_err();
    assert_eq!(
        e.diagnostics[0].to_string(),
        "pack/compare.toml:14:12: `numbered` must be true or false, found a string"
    );
}
