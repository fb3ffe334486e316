//! Writes a large synthetic content pack, for scale tests and benchmarks:
//!
//!     cargo run --release --example generate_pack -- DIR [SCALE]
//!
//! SCALE 1.0 (the default) gives 2,000 dimensions (in 100 groups, 4 points per discipline),
//! 20,000 quiz questions (all four kinds), 5,000 glossary terms and 40 fit statements; other
//! scales multiply the counts. The text is filler of realistic length; every reference is
//! valid, so the pack passes `check`.

use std::fmt::Write as _;
use std::path::Path;

pub struct Sizes {
    pub groups: usize,
    pub dimensions: usize,
    pub questions: usize,
    pub terms: usize,
}

impl Sizes {
    pub fn at(scale: f64) -> Sizes {
        let n = |base: f64| ((base * scale).round() as usize).max(1);
        Sizes { groups: n(100.0), dimensions: n(2000.0), questions: n(20_000.0), terms: n(5000.0) }
    }
}

const WORDS: [&str; 24] = [
    "supplier",
    "capacity",
    "forecast",
    "inventory",
    "schedule",
    "logistics",
    "quality",
    "process",
    "demand",
    "contract",
    "warehouse",
    "transport",
    "planning",
    "workflow",
    "staffing",
    "throughput",
    "lead",
    "time",
    "network",
    "operations",
    "procurement",
    "cost",
    "service",
    "value",
];

/// Filler prose of `n` words, varied by `seed`.
fn words(seed: usize, n: usize) -> String {
    (0..n).map(|i| WORDS[(seed * 7 + i * 13) % WORDS.len()]).collect::<Vec<_>>().join(" ")
}

pub fn write_pack(dir: &Path, sizes: &Sizes) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut d = String::from("format_version = 1\n");
    for (id, name, short, color) in
        [("scm", "Supply Chain Management", "SCM", "cyan"), ("om", "Operations Management", "OM", "yellow")]
    {
        let _ = write!(
            d,
            "\n[[discipline]]\nid = \"{id}\"\nname = \"{name}\"\nshort = \"{short}\"\ncolor = \"{color}\"\nsummary = \"{}\"\nsources = [\"s0\"]\n",
            words(1, 40)
        );
    }
    std::fs::write(dir.join("disciplines.toml"), d)?;

    let mut s = String::from("format_version = 1\n");
    for i in 0..50 {
        let _ = write!(
            s,
            "\n[[source]]\nid = \"s{i}\"\ntitle = \"Source number {i}: {}\"\nshort = \"Source {i}\"\nyear = {}\n",
            words(i, 6),
            1950 + i
        );
    }
    std::fs::write(dir.join("sources.toml"), s)?;

    let mut c = String::from("format_version = 1\n");
    for g in 0..sizes.groups {
        let _ = write!(c, "\n[[group]]\nid = \"g{g}\"\ntitle = \"Group {g}: {}\"\n", words(g, 3));
    }
    for i in 0..sizes.dimensions {
        let g = i * sizes.groups / sizes.dimensions;
        let _ = write!(
            c,
            "\n[[dimension]]\nid = \"d{i}\"\ngroup = \"g{g}\"\ntitle = \"Dimension {i} {}\"\nsummary = \"{}\"\noverlap = \"\"\"\n{}\n\"\"\"\nnote = \"{}\"\nsources = [\"s{}\", \"s{}\"]\n\n[dimension.points]\n",
            words(i, 2),
            words(i, 25),
            words(i + 1, 40),
            words(i + 2, 20),
            i % 50,
            (i + 1) % 50
        );
        for disc in ["scm", "om"] {
            let points: Vec<String> = (0..4).map(|p| format!("\"{} {p}\"", words(i + p, 14))).collect();
            let _ = writeln!(c, "{disc} = [{}]", points.join(", "));
        }
    }
    std::fs::write(dir.join("compare.toml"), c)?;

    let mut q = String::from("format_version = 1\n");
    for i in 0..sizes.questions {
        let dim = i % sizes.dimensions;
        let _ = write!(
            q,
            "\n[[question]]\nid = \"q{i}\"\ndimension = \"d{dim}\"\ndifficulty = {}\nprompt = \"{}?\"\nexplanation = \"{}\"\nsources = [\"s{}\"]\n",
            1 + i % 3,
            words(i, 16),
            words(i + 3, 30),
            i % 50
        );
        match i % 4 {
            0 => {
                let _ = write!(
                    q,
                    "kind = \"single\"\noptions = [\"{} a\", \"{} b\", \"{} c\", \"{} d\"]\nanswer = \"{}\"\n",
                    words(i, 3),
                    words(i + 1, 3),
                    words(i + 2, 3),
                    words(i + 3, 3),
                    ["a", "b", "c", "d"][i % 4 / 2 + i % 2]
                );
            }
            1 => {
                let _ = write!(
                    q,
                    "kind = \"multi\"\noptions = [\"{} a\", \"{} b\", \"{} c\", \"{} d\"]\nanswer = [\"a\", \"c\"]\n",
                    words(i, 3),
                    words(i + 1, 3),
                    words(i + 2, 3),
                    words(i + 3, 3)
                );
            }
            2 => {
                let _ = write!(q, "kind = \"true-false\"\nanswer = {}\n", i % 3 == 0);
            }
            _ => {
                let _ = write!(q, "kind = \"which\"\nanswer = \"{}\"\n", ["scm", "om", "both"][i % 3]);
            }
        }
    }
    std::fs::write(dir.join("quiz.toml"), q)?;

    let mut t = String::from("format_version = 1\n");
    for i in 0..sizes.terms {
        let _ = write!(
            t,
            "\n[[term]]\nid = \"t{i}\"\nname = \"Term {i} {}\"\naliases = [\"T{i}\"]\ndiscipline = \"{}\"\ndefinition = \"{}\"\nrelated = [\"d{}\", \"d{}\"]\nsources = [\"s{}\"]\n",
            words(i, 2),
            ["scm", "om", "both"][i % 3],
            words(i, 35),
            i % sizes.dimensions,
            (i * 7 + 1) % sizes.dimensions,
            i % 50
        );
    }
    std::fs::write(dir.join("glossary.toml"), t)?;

    let mut f = String::from("format_version = 1\nroles_dimension = \"d0\"\n");
    for i in 0..40 {
        let _ = write!(
            f,
            "\n[[statement]]\nid = \"f{i}\"\ntext = \"{}\"\ndiscipline = \"{}\"\ndimension = \"d{}\"\nsources = [\"s0\"]\n",
            words(i, 14),
            ["scm", "om"][i % 2],
            i % sizes.dimensions
        );
    }
    std::fs::write(dir.join("fit.toml"), f)?;
    Ok(())
}

#[allow(dead_code)]
fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: generate_pack DIR [SCALE]");
        std::process::exit(2);
    };
    let scale: f64 = args.next().map_or(1.0, |s| s.parse().expect("a number"));
    let sizes = Sizes::at(scale);
    write_pack(Path::new(&dir), &sizes).expect("writes the pack");
    println!(
        "wrote {dir}: {} groups, {} dimensions, {} questions, {} terms",
        sizes.groups, sizes.dimensions, sizes.questions, sizes.terms
    );
}
