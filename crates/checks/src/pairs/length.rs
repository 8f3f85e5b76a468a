//! Length: a translation far shorter or longer than its source, against
//! the locale's usual ratio.

use crate::{Check, Finding};

use super::Pair;

/// A pair of 80 source characters or more whose translation is under 40%
/// or over 250% of the usual length.
pub(super) fn check(pair: &Pair<'_>) -> Option<Finding> {
    let (s, t) = (pair.s, pair.t);
    let ratio = pair.page.ratio?;
    let (sc, tc) = (s.text.chars().count() as f32, t.text.chars().count() as f32);
    let expected = ratio * sc;
    (sc >= 80.0 && (tc < 0.4 * expected || tc > 2.5 * expected)).then(|| {
        pair.finding(
            Check::Length,
            format!(
                "{} characters where about {} are usual ({} in the source)",
                tc as usize, expected as usize, sc as usize
            ),
        )
    })
}
