//! The comparison's newer, optional keys: facets, shared bullets, per-point sources, the
//! at-a-glance phrases and the flow. Each rule `check` enforces has a test here, and packs
//! written before these keys existed still load as they did.

mod common;

use std::path::Path;

use scm_vs_om::content::{Content, ContentSource, FILES, FileText, LoadError, OPTIONAL_FILES, Point, decode};

use common::MINIMAL;

/// Loads the minimal pack with its compare.toml replaced by `compare`.
fn load_compare(compare: &str) -> Result<Content, LoadError> {
    let mut texts = MINIMAL.map(str::to_owned);
    texts[2] = compare.to_owned();
    let files = FILES
        .iter()
        .zip(texts)
        .map(|(name, text)| decode(format!("pack/{name}"), text.into_bytes()))
        .collect();
    Content::from_files(files)
}

fn errors(compare: &str) -> Vec<String> {
    match load_compare(compare) {
        Ok(_) => panic!("expected the pack to be rejected"),
        Err(e) => e.diagnostics.iter().map(ToString::to_string).collect(),
    }
}

fn pack(name: &str) -> Content {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/packs").join(name);
    Content::load(&ContentSource::Dir(dir)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// One dimension with two facets, an unpaired point each, shared bullets and phrases.
const FACETED: &str = r#"format_version = 1

[[group]]
id = "basics"
title = "Basics"

[[dimension]]
id = "scope"
group = "basics"
title = "Scope"
sources = ["book"]
shared = [
  "Both are studies.",
  { text = "Both have journals.", sources = ["book"] },
]

[dimension.glance]
alpha = "Wide"
beta = "Narrow"
both = "Studies"

[[dimension.facet]]
label = "Goal"
alpha = "See everything."
beta = { text = "See one thing well.", sources = ["book"] }

[[dimension.facet]]
label = "Typical metric"
beta = "Depth."
alpha = "Breadth."

[dimension.points]
alpha = ["Travels a lot."]
"#;

#[test]
fn facets_come_first_in_each_discipline_then_unpaired_points() {
    let c = load_compare(FACETED).expect("valid");
    let d = &c.dimensions[0];
    assert_eq!(d.facets, ["Goal", "Typical metric"]);
    assert_eq!(d.points[0], ["See everything.", "Breadth.", "Travels a lot."]);
    // A facet's keys may come in any order; points follow the discipline order.
    assert_eq!(d.points[1], ["See one thing well.", "Depth."]);
    assert_eq!(d.unpaired(0), ["Travels a lot."]);
    assert!(d.unpaired(1).is_empty());
    assert_eq!(d.point_sources(1, 0), [0]);
    assert!(d.point_sources(0, 0).is_empty());
    assert!(d.point_sources(5, 9).is_empty(), "out of range is no sources, not a panic");
}

#[test]
fn shared_bullets_carry_their_sources_and_read_as_one_text_too() {
    let c = load_compare(FACETED).expect("valid");
    let d = &c.dimensions[0];
    assert_eq!(
        d.shared,
        [
            Point { text: "Both are studies.".into(), sources: vec![] },
            Point { text: "Both have journals.".into(), sources: vec![0] },
        ]
    );
    assert_eq!(d.overlap.as_deref(), Some("- Both are studies.\n- Both have journals."));
}

#[test]
fn glance_phrases_and_their_fallbacks() {
    let c = load_compare(FACETED).expect("valid");
    let d = &c.dimensions[0];
    assert_eq!(
        (d.glance_phrase(0), d.glance_phrase(1), d.glance_both()),
        ("Wide", "Narrow", Some("Studies"))
    );
    assert!(d.has_glance_phrase(0));

    // Without phrases: each field's first point, and the first shared bullet.
    let c = load_compare(
        &FACETED.replace("[dimension.glance]\nalpha = \"Wide\"\nbeta = \"Narrow\"\nboth = \"Studies\"\n", ""),
    )
    .expect("valid");
    let d = &c.dimensions[0];
    assert_eq!(d.glance, None);
    assert_eq!((d.glance_phrase(0), d.glance_phrase(1)), ("See everything.", "See one thing well."));
    assert_eq!(d.glance_both(), Some("Both are studies."));
    assert!(!d.has_glance_phrase(0));

    // A phrase for one discipline only: the other falls back on its own.
    let c = load_compare(&FACETED.replace("beta = \"Narrow\"\n", "")).expect("valid");
    assert_eq!(
        (c.dimensions[0].glance_phrase(0), c.dimensions[0].glance_phrase(1)),
        ("Wide", "See one thing well.")
    );
}

#[test]
fn a_facet_repeated_within_a_dimension_is_an_error() {
    let text = FACETED.replace("label = \"Typical metric\"", "label = \"goal\"");
    assert_eq!(
        errors(&text),
        [
            "pack/compare.toml:28:9: facet `goal` is repeated in dimension `scope` (first on line 23): give each facet its own label"
        ]
    );
}

#[test]
fn the_same_facet_in_two_dimensions_is_fine() {
    let second = "\n[[dimension]]\nid = \"more\"\ngroup = \"basics\"\ntitle = \"More\"\nsources = [\"book\"]\n\n[[dimension.facet]]\nlabel = \"Goal\"\nalpha = \"A\"\nbeta = \"B\"\n";
    let c = load_compare(&format!("{FACETED}{second}")).expect("valid");
    assert_eq!(c.dimensions[1].facets, ["Goal"]);
    assert_eq!(c.dimensions[1].points, [vec!["A".to_string()], vec!["B".to_string()]]);
}

#[test]
fn a_per_point_source_that_does_not_exist_is_an_error() {
    let text = FACETED.replace(
        "beta = { text = \"See one thing well.\", sources = [\"book\"] }",
        "beta = { text = \"See one thing well.\", sources = [\"bok\"] }",
    );
    assert_eq!(errors(&text), ["pack/compare.toml:25:51: unknown source `bok`; did you mean `book`?"]);
    let text = FACETED.replace(
        "{ text = \"Both have journals.\", sources = [\"book\"] }",
        "{ text = \"Both have journals.\", sources = [\"nope\"] }",
    );
    let e = errors(&text);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].starts_with("pack/compare.toml:14:46: unknown source `nope`"), "{e:?}");
    let text = FACETED.replace(
        "alpha = [\"Travels a lot.\"]",
        "alpha = [{ text = \"Travels a lot.\", sources = [\"book\", \"book\"] }]",
    );
    assert_eq!(errors(&text), ["pack/compare.toml:33:56: source `book` is listed twice"]);
}

#[test]
fn a_point_table_needs_text_and_sources_and_nothing_else() {
    let text = FACETED
        .replace("alpha = [\"Travels a lot.\"]", "alpha = [{ txt = \"Travels a lot.\", sources = [] }]");
    let e = errors(&text);
    assert_eq!(
        e,
        [
            "pack/compare.toml:33:10: missing key `text` in a point",
            "pack/compare.toml:33:12: unknown key `txt` in a point; did you mean `text`?",
            "pack/compare.toml:33:46: `sources` must not be empty",
        ]
    );
    let text = FACETED.replace("alpha = [\"Travels a lot.\"]", "alpha = [3]");
    assert_eq!(
        errors(&text),
        [
            "pack/compare.toml:33:10: `points.alpha` must be a string or a { text = \"...\", sources = [...] } table, found an integer"
        ]
    );
}

#[test]
fn a_facet_needs_a_label_and_a_point_for_every_discipline() {
    let text = FACETED.replace("beta = \"Depth.\"\n", "");
    assert_eq!(
        errors(&text),
        [
            "pack/compare.toml:28:9: facet `Typical metric` has no point for discipline `beta` (add `beta = \"...\"`; a point without a counterpart goes under [dimension.points])"
        ]
    );
    let text = FACETED.replace("label = \"Goal\"\n", "");
    let e = errors(&text);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("missing key `label` in [[dimension.facet]]"), "{e:?}");
    let text = FACETED.replace("beta = \"Depth.\"", "gamma = \"Depth.\"");
    let e = errors(&text);
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(e[1].starts_with("pack/compare.toml:29:1: unknown discipline `gamma`"), "{e:?}");
}

#[test]
fn points_are_optional_with_facets_and_required_without() {
    let text = FACETED.replace("[dimension.points]\nalpha = [\"Travels a lot.\"]\n", "");
    let c = load_compare(&text).expect("facets carry the points");
    assert_eq!(c.dimensions[0].points[0], ["See everything.", "Breadth."]);

    let bare = "format_version = 1\n[[group]]\nid = \"basics\"\ntitle = \"Basics\"\n[[dimension]]\nid = \"scope\"\ngroup = \"basics\"\ntitle = \"Scope\"\nsources = [\"book\"]\n";
    assert_eq!(errors(bare), ["pack/compare.toml:5:1: missing key `points` in [[dimension]]"]);
}

#[test]
fn shared_and_overlap_together_is_an_error() {
    let text =
        FACETED.replace("sources = [\"book\"]\nshared", "sources = [\"book\"]\noverlap = \"Both.\"\nshared");
    assert_eq!(
        errors(&text),
        [
            "pack/compare.toml:13:10: write what the fields share either as `shared` bullets or as an `overlap` paragraph, not both"
        ]
    );
}

#[test]
fn glance_keys_are_disciplines_or_both() {
    let text = FACETED.replace("both = \"Studies\"", "all = \"Studies\"");
    assert_eq!(
        errors(&text),
        [
            "pack/compare.toml:20:1: unknown key `all` in [dimension.glance]: use a discipline id (alpha, beta) or `both`"
        ]
    );
    let text = FACETED.replace("both = \"Studies\"", "both = \"\"");
    assert_eq!(errors(&text), ["pack/compare.toml:20:8: `glance.both` must not be empty"]);
}

const FLOW: &str = r#"
[flow]
stages = ["Suppliers", "Making", "Customers"]
note = "A first picture."
sources = ["book"]

[flow.span]
alpha = ["Suppliers", "Customers", "making"]
beta = ["Making"]
"#;

fn with_flow(flow: &str) -> String {
    // The flow is a top-level table: it goes before the first [[...]] header.
    FACETED.replacen("format_version = 1\n", &format!("format_version = 1\n{flow}\n"), 1)
}

#[test]
fn the_flow_loads_with_spans_in_stage_order() {
    let c = load_compare(&with_flow(FLOW)).expect("valid");
    let f = c.flow.as_ref().expect("a flow");
    assert_eq!(f.stages, ["Suppliers", "Making", "Customers"]);
    // Stage names match whatever their case; spans are kept in chain order.
    assert_eq!(f.spans, [vec![0, 1, 2], vec![1]]);
    assert_eq!(f.note.as_deref(), Some("A first picture."));
    assert_eq!(f.sources, [0]);
    assert_eq!(c.flow_span(1).collect::<Vec<_>>(), ["Making"]);
}

#[test]
fn a_discipline_left_out_of_the_flow_has_an_empty_span() {
    let c = load_compare(&with_flow(&FLOW.replace("beta = [\"Making\"]\n", ""))).expect("valid");
    assert_eq!(c.flow.expect("a flow").spans, [vec![0, 1, 2], vec![]]);
}

#[test]
fn a_flow_stage_named_twice_is_an_error() {
    let e = errors(&with_flow(&FLOW.replace("\"Customers\"]\nnote", "\"suppliers\"]\nnote")));
    assert_eq!(
        e[0],
        "pack/compare.toml:4:34: flow stage `suppliers` is named twice (first on line 4): each stage appears once in `stages`"
    );
}

#[test]
fn a_span_over_an_unknown_stage_is_an_error() {
    let e = errors(&with_flow(&FLOW.replace("beta = [\"Making\"]", "beta = [\"Factory\"]")));
    assert_eq!(
        e,
        [
            "pack/compare.toml:10:9: the span of `beta` names unknown stage `Factory` (the stages are: Suppliers, Making, Customers)"
        ]
    );
    let e = errors(&with_flow(&FLOW.replace("beta = [\"Making\"]", "beta = [\"Making\", \"making\"]")));
    assert_eq!(e, ["pack/compare.toml:10:19: stage `making` is listed twice in the span of `beta`"]);
    let e = errors(&with_flow(&FLOW.replace("beta = [\"Making\"]", "gamma = [\"Making\"]")));
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].starts_with("pack/compare.toml:10:1: unknown discipline `gamma`"), "{e:?}");
}

#[test]
fn a_flow_needs_stages_and_spans() {
    let e = errors(&with_flow("[flow]\nnote = \"x\"\n"));
    assert_eq!(
        e,
        [
            "pack/compare.toml:2:1: missing key `stages` in [flow]",
            "pack/compare.toml:2:1: missing key `span` in [flow]"
        ]
    );
    let e = errors(&with_flow("[flow]\nstages = []\nspan = {}\nwhat = 1\n"));
    assert_eq!(
        e,
        [
            "pack/compare.toml:3:10: `stages` must not be empty",
            "pack/compare.toml:5:1: unknown key `what` in [flow] (known keys: stages, span, note, sources)",
        ]
    );
}

#[test]
fn new_strings_are_sanitised() {
    let esc = "\\u001b[2J";
    let text = with_flow(FLOW)
        .replace("label = \"Goal\"", &format!("label = \"Go{esc}al\""))
        .replace("alpha = \"Wide\"", &format!("alpha = \"Wi{esc}de\""))
        .replace("\"Both are studies.\"", &format!("\"Both are{esc} studies.\""))
        .replace("\"Making\", \"Customers\"]\nnote", &format!("\"Mak{esc}ing\", \"Customers\"]\nnote"))
        .replace("beta = [\"Making\"]", &format!("beta = [\"Mak{esc}ing\"]"))
        .replace("\"making\"]", &format!("\"mak{esc}ing\"]"))
        .replace("note = \"A first picture.\"", &format!("note = \"A first{esc} picture.\""));
    let c = load_compare(&text).expect("valid");
    let d = &c.dimensions[0];
    let f = c.flow.as_ref().expect("a flow");
    for s in
        [&d.facets[0], d.glance_phrase(0), &d.shared[0].text, &f.stages[1], f.note.as_deref().unwrap_or("")]
    {
        assert!(!s.contains('\u{1b}'), "{s:?} kept an escape");
    }
    assert_eq!(f.spans[1], [1], "the cleaned span still names the cleaned stage");
}

#[test]
fn packs_written_before_the_new_keys_load_as_they_did() {
    // tests/packs/november holds CONTENT.md's examples as of 2026-11-25, unchanged.
    let c = pack("november");
    assert_eq!(c.flow, None);
    for d in &c.dimensions {
        assert!(d.facets.is_empty() && d.glance.is_none());
        assert_eq!(d.unpaired(0), d.points[0].as_slice());
        assert_eq!(d.glance_phrase(0), d.points[0][0]);
        assert!(d.point_sources.iter().flatten().all(Vec::is_empty));
        // The overlap paragraph is the one shared bullet.
        match &d.overlap {
            Some(o) => assert_eq!(d.shared, [Point { text: o.clone(), sources: vec![] }]),
            None => assert!(d.shared.is_empty()),
        }
    }
    assert_eq!(c.dimensions[0].shared.len(), 1);
    assert_eq!(c.dimensions[1].glance_both(), None);

    for name in ["minimal", "three"] {
        let c = pack(name);
        assert_eq!(c.flow, None, "{name}");
        assert!(c.dimensions.iter().all(|d| d.facets.is_empty()), "{name}");
    }
}

#[test]
fn the_builtin_pack_draws_the_flow_with_its_caveat() {
    let c = Content::parse_builtin().expect("valid");
    let f = c.flow.as_ref().expect("the built-in pack has a flow");
    assert_eq!(f.stages, ["Suppliers", "Inbound logistics", "Operations", "Outbound logistics", "Customers"]);
    let scm = c.disciplines.iter().position(|d| d.id == "scm").expect("scm");
    let om = c.disciplines.iter().position(|d| d.id == "om").expect("om");
    assert_eq!(f.spans[scm], [0, 1, 2, 3, 4]);
    assert_eq!(c.flow_span(om).collect::<Vec<_>>(), ["Operations"]);
    assert!(f.note.as_deref().is_some_and(|n| n.contains("nest both ways")));
}

#[test]
fn builtin_faceted_dimensions_carry_sources_not_attribution_prefixes() {
    let c = Content::parse_builtin().expect("valid");
    for id in ["definition", "inventory"] {
        let d = &c.dimensions[c.dimension_index(id).expect(id)];
        assert!(!d.facets.is_empty(), "{id} has facets");
        assert!(d.shared.len() > 1, "{id} has shared bullets");
        assert!(d.glance.is_some(), "{id} has phrases");
        assert!(d.point_sources.iter().flatten().any(|s| !s.is_empty()), "{id} cites per point");
        for p in d.points.iter().flatten() {
            let head = p.split(':').next().unwrap_or_default();
            for who in ["CSCMP", "APICS", "Chopra", "Heizer", "Slack", "Stevenson", "Keith Oliver"] {
                assert!(!head.contains(who), "{id}: `{p}` opens with who said it");
            }
        }
    }
}

#[test]
fn a_phrase_too_long_for_the_matrix_at_80_columns_is_a_warning() {
    let long = "Every stage from the first supplier to the last customer";
    let text = FACETED.replace("alpha = \"Wide\"", &format!("alpha = \"{long}\""));
    let mut texts = MINIMAL.map(str::to_owned);
    texts[2] = text;
    let files = FILES
        .iter()
        .zip(texts)
        .map(|(name, text)| decode(format!("pack/{name}"), text.into_bytes()))
        .collect();
    let loaded = Content::from_files_checked(files).expect("a warning does not stop the load");
    let warnings: Vec<String> = loaded.warnings.iter().map(|w| w.as_warning().to_string()).collect();
    assert_eq!(
        warnings,
        [
            "pack/compare.toml:18:9: warning: short phrase too long for the matrix at 80 columns: it needs more than 2 lines of 20 columns, so the row would be cut; shorten it"
        ]
    );
    assert_eq!(loaded.content.dimensions[0].glance_phrase(0), long, "the phrase is kept");
    // The built-in phrases all fit.
    let builtin = scm_vs_om::content::BUILTIN
        .iter()
        .map(|(name, text)| decode(format!("content/{name}"), text.as_bytes().to_vec()))
        .collect();
    let loaded = Content::from_files_checked(builtin).expect("valid");
    let phrase_warnings: Vec<_> =
        loaded.warnings.iter().filter(|w| w.message.starts_with("short phrase")).collect();
    assert!(phrase_warnings.is_empty(), "{phrase_warnings:?}");
}

/// The TOML examples of CONTENT.md that open with `# <file>.toml`, as a pack.
fn content_md_examples() -> Vec<(String, String)> {
    let doc = include_str!("../CONTENT.md");
    let mut files = Vec::new();
    for block in doc.split("```toml\n").skip(1) {
        let body = block.split("```").next().unwrap_or_default();
        let first = body.lines().next().unwrap_or_default();
        if let Some(name) = first.strip_prefix("# ").filter(|n| FILES.contains(n)) {
            files.push((name.to_owned(), body.to_owned()));
        }
    }
    files
}

#[test]
fn content_md_examples_pass_check_and_use_the_new_keys() {
    // The comparison's three files; the optional ones are left out, as a pack may.
    let examples = content_md_examples();
    let files = FILES
        .iter()
        .map(|name| {
            let text = examples.iter().find(|(n, _)| n == name).map(|(_, t)| t.clone());
            if OPTIONAL_FILES.contains(name) {
                return FileText { path: format!("CONTENT.md/{name}"), text: None, problems: Vec::new() };
            }
            let text = text.unwrap_or_else(|| panic!("CONTENT.md has no example of {name}"));
            decode(format!("CONTENT.md/{name}"), text.into_bytes())
        })
        .collect();
    let loaded = Content::from_files_checked(files).unwrap_or_else(|e| panic!("{e}"));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let c = loaded.content;
    let d = &c.dimensions[0];
    assert_eq!(d.facets, ["Looks at"]);
    assert!(d.glance.is_some() && d.shared.len() == 2 && !d.point_sources(0, 0).is_empty());
    assert_eq!(c.flow.as_ref().map(|f| f.stages.len()), Some(3));
    // The second dimension is the older form, shown with the same views.
    assert_eq!(c.dimensions[1].shared.len(), 1);
}
