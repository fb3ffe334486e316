//! "Which field fits me?": scoring the learner's ratings. No terminal code here.
//!
//! Each statement is rated from 1 (strongly dislike) to 5 (strongly like); 3 is neutral and
//! so is a statement left unrated. A rating moves its discipline's score by how far it is from
//! neutral (a reversed statement moves it the other way). Each discipline's score is its mean
//! movement mapped to 0–100, where 50 is neutral, 100 liking everything that points to it and
//! 0 disliking all of it. Disciplines are scored separately, so liking both fields shows as
//! two high scores, not as a tie forced to sum to 100.

use crate::content::Content;

pub const NEUTRAL: u8 = 3;
pub const RATINGS: std::ops::RangeInclusive<u8> = 1..=5;

/// What a rating does to its discipline: -2 to +2 (reversed statements count the other way).
pub fn movement(content: &Content, statement: usize, rating: Option<u8>) -> i32 {
    let r = i32::from(rating.unwrap_or(NEUTRAL).clamp(*RATINGS.start(), *RATINGS.end())) - i32::from(NEUTRAL);
    if content.fit.statements[statement].reverse { -r } else { r }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FitResult {
    /// Per discipline, 0 to 100.
    pub scores: Vec<u8>,
    /// Per discipline, its statements ordered by how much they moved the score (largest
    /// first, in either direction), with the movement.
    pub movers: Vec<Vec<(usize, i32)>>,
    /// Dimensions worth reading next: those of the statements liked most, the leading
    /// discipline's first, without repeats.
    pub read_next: Vec<usize>,
    /// Disciplines in order of score, highest first.
    pub ranking: Vec<usize>,
}

/// Scores ratings (one per statement, `None` for unrated).
pub fn score(content: &Content, ratings: &[Option<u8>]) -> FitResult {
    let n = content.disciplines.len();
    let mut sums = vec![0i32; n];
    let mut counts = vec![0i32; n];
    let mut movers: Vec<Vec<(usize, i32)>> = vec![Vec::new(); n];
    for (i, s) in content.fit.statements.iter().enumerate() {
        let m = movement(content, i, ratings.get(i).copied().flatten());
        sums[s.discipline] += m;
        counts[s.discipline] += 1;
        movers[s.discipline].push((i, m));
    }
    let scores: Vec<u8> = (0..n)
        .map(|d| {
            if counts[d] == 0 {
                return 50;
            }
            // Mean movement in [-2, 2] → [0, 100], rounded half away from zero.
            let scaled = 50.0 + 25.0 * f64::from(sums[d]) / f64::from(counts[d]);
            scaled.round().clamp(0.0, 100.0) as u8
        })
        .collect();
    for m in &mut movers {
        m.sort_by_key(|(i, mv)| (std::cmp::Reverse(mv.abs()), *i));
    }
    let mut ranking: Vec<usize> = (0..n).collect();
    ranking.sort_by_key(|&d| (std::cmp::Reverse(scores[d]), d));
    let mut read_next = Vec::new();
    for &d in &ranking {
        let mut liked: Vec<(usize, i32)> = movers[d].iter().copied().filter(|(_, m)| *m > 0).collect();
        liked.sort_by_key(|(i, m)| (std::cmp::Reverse(*m), *i));
        for (i, _) in liked {
            let dim = content.fit.statements[i].dimension;
            if !read_next.contains(&dim) {
                read_next.push(dim);
            }
        }
    }
    FitResult { scores, movers, read_next, ranking }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Content, ContentSource};

    fn minimal() -> Content {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/packs/minimal");
        Content::load(&ContentSource::Dir(dir)).expect("valid")
    }

    #[test]
    fn all_neutral_or_unrated_is_fifty_each() {
        let c = minimal();
        assert_eq!(score(&c, &[Some(3), Some(3), Some(3)]).scores, [50, 50]);
        assert_eq!(score(&c, &[None, None, None]).scores, [50, 50]);
        assert_eq!(score(&c, &[]).scores, [50, 50]);
        assert!(score(&c, &[]).read_next.is_empty(), "nothing liked, nothing suggested");
    }

    #[test]
    fn one_sided_answers_give_the_extremes() {
        let c = minimal();
        // Statements: alpha (wide), beta (narrow), alpha reversed (avoid wide).
        let r = score(&c, &[Some(5), Some(1), Some(1)]);
        assert_eq!(r.scores, [100, 0]);
        assert_eq!(r.ranking, [0, 1]);
        let r = score(&c, &[Some(1), Some(5), Some(5)]);
        assert_eq!(r.scores, [0, 100]);
        assert_eq!(r.ranking, [1, 0]);
    }

    #[test]
    fn reversed_statements_count_the_other_way() {
        let c = minimal();
        // Liking "stay away from anything wide" lowers alpha's score.
        assert_eq!(score(&c, &[Some(3), Some(3), Some(5)]).scores[0], 25);
        assert_eq!(score(&c, &[Some(3), Some(3), Some(1)]).scores[0], 75);
        assert_eq!(movement(&c, 2, Some(5)), -2);
    }

    #[test]
    fn movers_and_reading_follow_the_strongest_ratings() {
        let c = minimal();
        let r = score(&c, &[Some(4), Some(5), Some(1)]);
        // Alpha: the reversed statement moved it +2, the liked one +1.
        assert_eq!(r.movers[0], [(2, 2), (0, 1)]);
        assert_eq!(r.movers[1], [(1, 2)]);
        assert_eq!(r.scores, [88, 100]);
        assert_eq!(r.ranking, [1, 0]);
        assert_eq!(r.read_next, [0], "one dimension, listed once");
    }

    #[test]
    fn ratings_out_of_range_are_clamped() {
        let c = minimal();
        assert_eq!(movement(&c, 0, Some(9)), 2);
        assert_eq!(movement(&c, 0, Some(0)), -2);
    }
}
