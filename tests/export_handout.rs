//! The handout and the card exports: golden files on the minimal pack, the Markdown as a
//! CommonMark renderer reads it, the HTML through a real parser, worksheets by seed, count
//! and group.

use std::process::Command;

use scraper::{Html, Selector};

const BIN: &str = env!("CARGO_BIN_EXE_scm-vs-om");

fn export(args: &[&str]) -> String {
    let out = Command::new(BIN).arg("export").args(args).output().expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn pack(name: &str) -> String {
    format!("{}/tests/packs/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Markdown as GitHub or pandoc would show it, parsed back into HTML elements.
fn rendered(md: &str) -> Html {
    let mut html = String::new();
    let options = pulldown_cmark::Options::ENABLE_TABLES;
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(md, options));
    Html::parse_fragment(&html)
}

fn select<'h>(doc: &'h Html, css: &str) -> Vec<scraper::ElementRef<'h>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

fn text(e: &scraper::ElementRef<'_>) -> String {
    e.text().collect::<String>()
}

#[test]
fn golden_exports_of_the_minimal_pack() {
    let minimal = pack("minimal");
    for (name, format) in [("markdown", "markdown"), ("html", "html"), ("anki", "anki"), ("csv", "csv")] {
        let out = export(&["--content", &minimal, "--format", format, "--seed", "1"]);
        insta::assert_snapshot!(format!("handout_minimal_{name}"), out);
    }
}

#[test]
fn quiz_options_render_as_list_items_inside_their_question() {
    let md = export(&["--content", &pack("minimal")]);
    let doc = rendered(&md);
    let questions = select(&doc, "ol > li");
    let with_options: Vec<_> = questions.iter().filter(|q| !select_in(q, "ul > li").is_empty()).collect();
    assert_eq!(with_options.len(), 4, "every question holds its options as a list:\n{md}");
    let first = select_in(with_options[0], "ul > li");
    let options: Vec<String> = first.iter().map(text).collect();
    assert_eq!(options, ["a) Alpha", "b) Beta", "c) Neither"]);
    // The prompt that already says "Select all" gets no second instruction.
    assert!(!md.contains("(choose all that apply)"), "{md}");
    assert!(md.contains("2. Select all that are studies.\n"), "{md}");
}

fn select_in<'h>(e: &scraper::ElementRef<'h>, css: &str) -> Vec<scraper::ElementRef<'h>> {
    e.select(&Selector::parse(css).unwrap()).collect()
}

#[test]
fn a_multi_question_without_the_words_gets_the_hint_once() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(pack("minimal")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    let quiz = std::fs::read_to_string(dir.path().join("quiz.toml")).unwrap();
    std::fs::write(
        dir.path().join("quiz.toml"),
        quiz.replace("Select all that are studies.", "Which are studies?"),
    )
    .unwrap();
    let md = export(&["--content", dir.path().to_str().unwrap()]);
    assert_eq!(md.matches("(choose all that apply)").count(), 1, "{md}");
    assert!(md.contains("2. Which are studies? (choose all that apply)"), "{md}");
}

#[test]
fn the_comparison_puts_paired_points_in_rows_and_the_rest_in_lists() {
    let md = export(&[]);
    let doc = rendered(&md);
    // The first table is the at-a-glance matrix: a row per dimension.
    let tables = select(&doc, "table");
    let matrix_rows = select_in(&tables[0], "tbody > tr");
    let md_dimensions = md.matches("\n#### ").count();
    assert_eq!(matrix_rows.len(), md_dimensions, "one matrix row per dimension");
    assert!(md.find("## At a glance").unwrap() < md.find("## The comparison").unwrap());
    // A dimension with facets: one row per facet, labelled; the shared part is a list after it.
    let definition = &md[md.find("#### Definition\n").unwrap()..];
    let definition = &definition[..definition[5..].find("\n#### ").unwrap()];
    let facet_rows = definition.lines().filter(|l| l.starts_with("| **") && l.ends_with(" |")).count();
    assert!(facet_rows >= 2, "labelled facet rows: {definition}");
    let table_end = definition.rfind("|\n").unwrap();
    let both = definition.find("**Both:**\n\n- ").expect("shared bullets as a list");
    assert!(both > table_end, "the shared part comes under the table");
    // Sources are cited by their short labels; the list at the end has no internal ids.
    let json: serde_json::Value = serde_json::from_str(&export(&["--format", "json"])).unwrap();
    let first = json["dimensions"][0]["sources"][0].as_str().unwrap();
    let source = json["sources"].as_array().unwrap().iter().find(|s| s["id"] == first).unwrap();
    let label = source["short"].as_str().or(source["title"].as_str()).unwrap();
    assert!(definition.contains(&format!("**Sources:** {label}")), "{definition}");
    let sources = &md[md.rfind("## Sources").unwrap()..];
    assert!(sources.contains(&format!("- **{label}:** ")), "{sources}");
    assert!(!sources.contains(&format!("[{first}]")), "{sources}");
}

#[test]
fn the_fit_statements_come_with_a_scoring_key() {
    let md = export(&["--content", &pack("minimal")]);
    let key = &md[md.find("### Scoring key").expect("a scoring key")..];
    assert!(key.contains("| 1 | Alpha Studies |  |"), "{key}");
    assert!(key.contains("| 3 | Alpha Studies | yes: 3 minus your rating |"), "{key}");
}

#[test]
fn the_answer_key_starts_a_new_page() {
    let md = export(&["--content", &pack("minimal")]);
    let brk = md.find("<div style=\"break-before: page; page-break-before: always\"></div>").unwrap();
    let key = md.find("## Answer key").unwrap();
    assert!(brk < key && md[brk..key].lines().filter(|l| !l.trim().is_empty()).count() == 1);
    assert!(brk > md.rfind("   - ").unwrap(), "after every option");
}

#[test]
fn a_seed_makes_the_same_class_sized_sheet_every_time() {
    let args = ["--questions", "10", "--seed", "42"];
    let a = export(&args);
    assert_eq!(a, export(&args), "the same seed, the same sheet");
    let b = export(&["--questions", "10", "--seed", "43"]);
    assert_ne!(worksheet(&a), worksheet(&b), "another seed, another sheet");
    let doc = rendered(&a);
    let sheet = &a[a.find("## Quiz worksheet").unwrap()..a.find("## Answer key").unwrap()];
    assert_eq!(sheet.lines().filter(|l| l.starts_with(|c: char| c.is_ascii_digit())).count(), 10);
    let key = &a[a.find("## Answer key").unwrap()..a.find("## Sources").unwrap()];
    assert_eq!(key.lines().filter(|l| l.starts_with(|c: char| c.is_ascii_digit())).count(), 10);
    assert!(!select(&doc, "ol").is_empty());
    // Without a seed: file order, the first N.
    let plain = export(&["--questions", "3"]);
    let all = export(&[]);
    assert_eq!(worksheet(&plain)[..3], worksheet(&all)[..3]);
}

fn worksheet(md: &str) -> Vec<String> {
    let sheet = &md[md.find("## Quiz worksheet").unwrap()..md.find("## Answer key").unwrap()];
    sheet.lines().filter(|l| l.starts_with(|c: char| c.is_ascii_digit())).map(str::to_owned).collect()
}

#[test]
fn a_group_makes_a_handout_of_its_own() {
    let md = export(&["--group", "careers"]);
    assert!(md.starts_with("# Supply Chain Management vs Operations Management: "), "{}", &md[..200]);
    assert_eq!(md.matches("\n### ").count(), 1, "one group");
    assert!(!md.contains("## Which field fits me?"));
    let out = Command::new(BIN).args(["export", "--group", "nope"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown group `nope`; the groups are: "), "{err}");
}

#[test]
fn the_html_page_is_self_contained_and_prints_the_key_on_its_own_page() {
    let page = export(&["--format", "html", "--questions", "5", "--seed", "2"]);
    let doc = Html::parse_document(&page);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    let style = select(&doc, "head > style");
    assert_eq!(style.len(), 1);
    let css = text(&style[0]);
    assert!(css.contains("@media print"), "{css}");
    assert!(css.contains(".page-break { break-before: page;"), "{css}");
    for external in ["link", "script", "img", "[src]", "[href]"] {
        assert!(select(&doc, external).is_empty(), "{external} would need another file");
    }
    assert_eq!(text(&select(&doc, "title")[0]), "Supply Chain Management vs Operations Management");
    // The page break sits right before the answer key's heading.
    let body: Vec<_> = select(&doc, "body > *");
    let key = body.iter().position(|e| e.value().name() == "h2" && text(e) == "Answer key").unwrap();
    assert_eq!(body[key - 1].value().attr("class"), Some("page-break"));
    // Five questions, each with its options as a list, or a typed one with an answer blank.
    let questions = select(&doc, "ol.questions > li");
    assert_eq!(questions.len(), 5);
    for q in &questions {
        let items = select_in(q, "ul > li");
        let blank = items.len() == 1 && text(&items[0]).starts_with("Answer: ___");
        assert!(items.len() >= 2 || blank, "{}", text(q));
    }
}

#[test]
fn anki_import_headers_and_one_tagged_note_per_question_and_term() {
    let notes = export(&["--format", "anki"]);
    let lines: Vec<&str> = notes.lines().collect();
    assert_eq!(
        lines[..5],
        [
            "#separator:tab",
            "#html:true",
            "#notetype:Basic",
            "#deck:Supply Chain Management vs Operations Management",
            "#tags column:3"
        ]
    );
    let json: serde_json::Value = serde_json::from_str(&export(&["--format", "json"])).unwrap();
    let (questions, terms) =
        (json["questions"].as_array().unwrap().len(), json["terms"].as_array().unwrap().len());
    let records = &lines[5..];
    assert_eq!(records.len(), questions + terms);
    for r in records {
        let fields: Vec<&str> = r.split('\t').collect();
        assert_eq!(fields.len(), 3, "{r}");
        assert!(!fields[0].is_empty() && !fields[1].is_empty(), "{r}");
        assert!(fields[2].contains("dimension::") && fields[2].contains("group::"), "{r}");
    }
    assert_eq!(records.iter().filter(|r| r.ends_with_tags("question")).count(), questions);
}

trait Tags {
    fn ends_with_tags(&self, first: &str) -> bool;
}

impl Tags for &str {
    fn ends_with_tags(&self, first: &str) -> bool {
        self.rsplit('\t').next().is_some_and(|t| t.split(' ').next() == Some(first))
    }
}

#[test]
fn csv_has_a_header_and_one_quoted_record_per_card() {
    let csv = export(&["--format", "csv", "--content", &pack("minimal")]);
    let records: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(records[0], "front,back,tags");
    // 4 questions and 2 terms, each "front","back","tags".
    assert_eq!(records.len(), 1 + 4 + 2);
    for r in &records[1..] {
        assert!(r.starts_with('"') && r.ends_with('"') && r.matches("\",\"").count() == 2, "{r}");
    }
}
