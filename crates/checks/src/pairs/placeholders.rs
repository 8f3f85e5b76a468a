//! Placeholders: the macros and shortcodes of the pair (`{{cssxref("color")}}`,
//! `{{% param version %}}`), compared by name and target; a structure finding.

use crate::{Check, Finding};

use super::Pair;
use super::{difference, missing};

/// The macro or shortcodes of the pair that differ.
pub(super) fn check(pair: &Pair<'_>) -> Option<Finding> {
    let (fs, ft) = (pair.fs, pair.ft);
    difference(
        "macro or shortcode",
        &missing(&fs.placeholders, &ft.placeholders),
        &missing(&ft.placeholders, &fs.placeholders),
    )
    .map(|m| pair.finding(Check::Structure, m))
}
