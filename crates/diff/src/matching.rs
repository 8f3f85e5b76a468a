//! Matching the segments of two versions of one document, so that a
//! segment keeps its identity while it is edited or moved.

use std::collections::HashMap;

use model::SegmentKind;
use similar::{Algorithm, DiffOp, TextDiff, capture_diff_slices};

/// One segment of a version: its kind and text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item<'a> {
    pub kind: SegmentKind,
    pub text: &'a str,
}

/// How alike two texts are, word by word, from 0 (nothing shared) to 1 (equal).
pub fn similarity(a: &str, b: &str) -> f32 {
    if a == b {
        return 1.0;
    }
    TextDiff::from_words(a, b).ratio()
}

/// An edited segment in place must share at least this much with its old text.
const IN_PLACE: f32 = 0.5;
/// A segment that moved and was edited must share at least this much.
const MOVED: f32 = 0.75;
/// Above this many unmatched segments on each side, moved-and-edited
/// segments are not searched for (the search is quadratic).
const MOVED_SEARCH_LIMIT: usize = 400;

/// For each new segment, the old segment it continues, if any. Each old
/// segment continues at most one new segment. Matched in three passes:
/// equal texts in order (a diff of the two sequences), equal texts that
/// moved (both whatever their kind), then texts of the same kind that are similar enough, first between
/// the neighbours matched already, then anywhere (a stricter threshold).
pub fn match_segments(old: &[Item<'_>], new: &[Item<'_>]) -> Vec<Option<usize>> {
    let mut matched: Vec<Option<usize>> = vec![None; new.len()];
    let mut taken = vec![false; old.len()];

    // 1. Equal texts, in order.
    // Equal texts match whatever their kind: markup that turns an attribute
    // title into a link text does not make its translation wrong.
    let old_texts: Vec<&str> = old.iter().map(|i| i.text).collect();
    let new_texts: Vec<&str> = new.iter().map(|i| i.text).collect();
    for op in capture_diff_slices(Algorithm::Patience, &old_texts, &new_texts) {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            for k in 0..len {
                matched[new_index + k] = Some(old_index + k);
                taken[old_index + k] = true;
            }
        }
    }

    // 2. Equal texts that moved.
    let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, item) in old.iter().enumerate().rev() {
        if !taken[i] {
            by_text.entry(item.text).or_default().push(i);
        }
    }
    for (j, item) in new.iter().enumerate() {
        if matched[j].is_none()
            && let Some(i) = by_text.get_mut(item.text).and_then(Vec::pop)
        {
            matched[j] = Some(i);
            taken[i] = true;
        }
    }

    // 3a. Similar texts between the matched neighbours.
    let mut j = 0;
    while j < new.len() {
        if matched[j].is_some() {
            j += 1;
            continue;
        }
        // A gap of unmatched new segments [j, end) between two anchors.
        let end = (j..new.len())
            .find(|&k| matched[k].is_some())
            .unwrap_or(new.len());
        let mut low = matched[..j]
            .iter()
            .rev()
            .flatten()
            .next()
            .map_or(0, |&i| i + 1);
        let high = matched[end..]
            .iter()
            .flatten()
            .next()
            .copied()
            .unwrap_or(old.len());
        for k in j..end {
            if low >= high {
                break;
            }
            if let Some(i) = most_similar(old, &new[k], low..high, &taken, IN_PLACE) {
                matched[k] = Some(i);
                taken[i] = true;
                low = i + 1;
            }
        }
        j = end;
    }

    // 3b. Similar texts anywhere.
    let free_old: Vec<usize> = (0..old.len()).filter(|&i| !taken[i]).collect();
    let free_new: Vec<usize> = (0..new.len()).filter(|&j| matched[j].is_none()).collect();
    if free_old.len() <= MOVED_SEARCH_LIMIT && free_new.len() <= MOVED_SEARCH_LIMIT {
        for j in free_new {
            if let Some(i) = most_similar(old, &new[j], free_old.iter().copied(), &taken, MOVED) {
                matched[j] = Some(i);
                taken[i] = true;
            }
        }
    }
    matched
}

/// Among the `candidates` not taken yet, the old segment of the same kind
/// most similar to `item` (the earliest on a tie), if it reaches `threshold`.
fn most_similar(
    old: &[Item<'_>],
    item: &Item<'_>,
    candidates: impl Iterator<Item = usize>,
    taken: &[bool],
    threshold: f32,
) -> Option<usize> {
    candidates
        .filter(|&i| !taken[i] && old[i].kind == item.kind)
        .map(|i| (i, similarity(old[i].text, item.text)))
        .filter(|&(_, s)| s >= threshold)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(i, _)| i)
}
