//! Emphasis: strong and emphasised spans, counted together (Portuguese
//! italicises loanwords the source leaves plain, Chinese turns italics
//! into bold), so a difference is a hint, never more than `info`.

use crate::{Check, Finding};

use super::Pair;

/// A pair whose emphasised spans (strong and emphasis together) are not as many.
pub(super) fn check(pair: &Pair<'_>) -> Option<Finding> {
    let (fs, ft) = (pair.fs, pair.ft);
    let (a, b) = (fs.strong + fs.emphasis, ft.strong + ft.emphasis);
    (a != b).then(|| {
        pair.finding(
            Check::Emphasis,
            format!("{a} emphasised spans (strong or emphasis) in the source, {b} here"),
        )
    })
}
