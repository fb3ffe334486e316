//! The built-in comparison uses the whole comparison model on every dimension (issue 10,
//! item 8; issue 12, items 4 and 5), and keeps what the screen says about the fields, not
//! about the writing. Each rule is computed over the loaded pack, so the next edit of
//! content/compare.toml cannot quietly undo it.

use scm_vs_om::content::glance::glance_fits;
use scm_vs_om::content::{Content, Dimension};

fn builtin() -> Content {
    Content::parse_builtin().expect("the built-in pack is valid")
}

/// Every text a reader of the dimension sees, with where it is.
fn texts(d: &Dimension) -> Vec<(String, &str)> {
    let mut all: Vec<(String, &str)> = Vec::new();
    if let Some(s) = &d.summary {
        all.push(("summary".into(), s));
    }
    if let Some(n) = &d.note {
        all.push(("note".into(), n));
    }
    for (f, list) in d.points.iter().enumerate() {
        for p in list {
            all.push((format!("points[{f}]"), p));
        }
    }
    for p in &d.shared {
        all.push(("shared".into(), &p.text));
    }
    all
}

#[test]
fn at_least_44_dimensions() {
    let c = builtin();
    assert!(c.dimensions.len() >= 44, "{} dimensions", c.dimensions.len());
}

#[test]
fn every_dimension_has_phrases_facets_shared_bullets_and_point_sources() {
    let c = builtin();
    let n = c.disciplines.len();
    let mut missing = Vec::new();
    for d in &c.dimensions {
        match &d.glance {
            None => missing.push(format!("{}: no [dimension.glance]", d.id)),
            Some(g) => {
                for (i, p) in g.phrases.iter().enumerate() {
                    if p.is_none() {
                        missing.push(format!("{}: no phrase for {}", d.id, c.disciplines[i].id));
                    }
                }
                if g.both.is_none() {
                    missing.push(format!("{}: no `both` phrase", d.id));
                }
            }
        }
        if d.facets.is_empty() {
            missing.push(format!("{}: no facets", d.id));
        }
        if d.shared.is_empty() || d.overlap.as_deref().is_some_and(|o| !o.starts_with("- ")) {
            missing.push(format!("{}: no shared bullets (or an overlap paragraph)", d.id));
        }
        let cited = d.point_sources.iter().flatten().filter(|s| !s.is_empty()).count();
        let points: usize = d.points.iter().map(Vec::len).sum();
        // Most points carry their own source; a few general statements need none.
        if cited * 2 < points {
            missing.push(format!("{}: only {cited} of {points} points cite a source", d.id));
        }
        assert_eq!(d.points.len(), n);
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn every_phrase_shows_whole_in_the_80_column_matrix() {
    let c = builtin();
    let n = c.disciplines.len();
    let mut long = Vec::new();
    for d in &c.dimensions {
        let Some(g) = &d.glance else { continue };
        for p in g.phrases.iter().flatten().chain(g.both.iter()) {
            if !glance_fits(p, n) {
                long.push(format!("{}: `{p}`", d.id));
            }
        }
    }
    assert!(long.is_empty(), "phrases too long for 80 columns:\n{}", long.join("\n"));
}

#[test]
fn points_are_plain_sentences_without_attribution() {
    let c = builtin();
    let who = [
        "CSCMP",
        "APICS",
        "Chopra",
        "Heizer",
        "Slack",
        "Stevenson",
        "Keith Oliver",
        "BLS",
        "O*NET",
        "Porter",
        "Lambert",
    ];
    let mut prefixed = Vec::new();
    for d in &c.dimensions {
        for p in d.points.iter().flatten().chain(d.shared.iter().map(|s| &s.text)) {
            // "CSCMP: ...", "Heizer, Render and Munson: ...": a few words naming who, then a colon.
            let head = p.split(':').next().unwrap_or_default();
            let opens_with_who = p.contains(':')
                && head.split_whitespace().count() <= 4
                && who.iter().any(|w| head.starts_with(w));
            let ends_with_who = p
                .rsplit_once('(')
                .is_some_and(|(_, tail)| who.iter().chain(&["source article"]).any(|w| tail.starts_with(w)));
            if opens_with_who || ends_with_who {
                prefixed.push(format!("{}: `{p}`", d.id));
            }
        }
    }
    assert!(prefixed.is_empty(), "points naming who said it:\n{}", prefixed.join("\n"));
}

#[test]
fn the_screen_never_talks_about_the_writing() {
    let c = builtin();
    let talk = [
        "could not be confirmed",
        "not confirmed",
        "could not be checked",
        "could not be verified",
        "our sources",
        "our fact base",
        "secondary source",
        "weakly sourced",
    ];
    let mut found = Vec::new();
    for d in &c.dimensions {
        for (at, text) in texts(d) {
            let lower = text.to_lowercase();
            for t in talk {
                if lower.contains(t) {
                    found.push(format!("{} {at}: `{t}`", d.id));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn facet_labels_are_short() {
    let c = builtin();
    let mut long = Vec::new();
    for d in &c.dimensions {
        for f in &d.facets {
            if f.chars().count() > 16 {
                long.push(format!("{}: `{f}`", d.id));
            }
        }
    }
    assert!(long.is_empty(), "facet labels over 16 characters:\n{}", long.join("\n"));
}

#[test]
fn the_new_depth_dimensions_exist() {
    let c = builtin();
    for id in [
        "strategic-fit",
        "priorities",
        "push-pull",
        "make-or-buy",
        "sop-process",
        "bullwhip",
        "forecast-error",
        "capacity",
        "process-layout",
        "service-queues",
        "risk-resilience",
        "sustainability",
    ] {
        assert!(c.dimension_index(id).is_some(), "dimension `{id}`");
    }
}
