//! Placeholders: the macros and shortcodes of the pair (`{{cssxref("color")}}`,
//! `{{% param version %}}`), compared by name and target; a structure finding.

use crate::{Check, Finding};

use super::Pair;
use super::{difference, macro_targets, missing, renders_macro};

/// The macro or shortcodes of the pair that differ. A cross-reference
/// macro the translation writes out as the link or code it makes is there.
pub(super) fn check(pair: &Pair<'_>) -> Option<Finding> {
    let (fs, ft) = (pair.fs, pair.ft);
    let written_out = |m: &str| {
        let target = macro_targets(&align::Facts {
            placeholders: vec![m.to_owned()],
            ..align::Facts::default()
        });
        ft.urls
            .iter()
            .chain(&ft.code)
            .any(|x| renders_macro(x, &target))
    };
    let gone: Vec<&str> = missing(&fs.placeholders, &ft.placeholders)
        .into_iter()
        .filter(|m| !written_out(m))
        .collect();
    difference(
        "macro or shortcode",
        &gone,
        &missing(&ft.placeholders, &fs.placeholders),
    )
    .map(|m| pair.finding(Check::Structure, m))
}
