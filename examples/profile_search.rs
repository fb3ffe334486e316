//! Times search keystrokes over a pack: `cargo run --release --example profile_search -- DIR`.
use std::time::Instant;

use scm_vs_om::content::{Content, ContentSource};
use scm_vs_om::search::SearchIndex;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: profile_search DIR");
    let content = Content::load(&ContentSource::Dir(dir.into())).expect("valid content");
    let t = Instant::now();
    let mut index = SearchIndex::new(&content);
    println!("index: {} items in {:?}", index.items.len(), t.elapsed());
    for q in ["s", "su", "sup", "supp", "supply", "supply c", "zz", "Inv"] {
        let t = Instant::now();
        let mut n = 0;
        for _ in 0..20 {
            n = index.search(q).len();
        }
        println!("{q:>10}: {n:>6} hits, {:?}", t.elapsed() / 20);
    }
}
