//! Inline code: the code spans of the pair, never translated.

use crate::{Check, Finding};

use super::Pair;
use super::{difference, missing};

/// The code spans of the pair that differ.
pub(super) fn check(pair: &Pair<'_>) -> Option<Finding> {
    let (fs, ft) = (pair.fs, pair.ft);
    difference(
        "code span",
        &missing(&fs.code, &ft.code),
        &missing(&ft.code, &fs.code),
    )
    .map(|m| pair.finding(Check::Code, m))
}
