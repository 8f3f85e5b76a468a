//! Inline code: the code spans of the pair, never translated.

use crate::{Check, Finding};

use super::Pair;
use super::{difference, macro_targets, missing, renders_macro};

/// The code spans of the pair that differ; one that writes out a macro of
/// the source (`Window.scrollTo()` for `{{domxref("Window.scrollTo")}}`) is
/// not new.
pub(super) fn check(pair: &Pair<'_>) -> Option<Finding> {
    let (fs, ft) = (pair.fs, pair.ft);
    let macros = macro_targets(fs);
    let added: Vec<&str> = missing(&ft.code, &fs.code)
        .into_iter()
        .filter(|c| !renders_macro(c, &macros))
        .collect();
    difference("code span", &missing(&fs.code, &ft.code), &added)
        .map(|m| pair.finding(Check::Code, m))
}
