//! Placeholders: the macros and shortcodes of the pair (`{{cssxref("color")}}`,
//! `{{% param version %}}`), compared by name and target; a structure finding.

use crate::{Check, Finding};

use super::Pair;
use super::{difference, macro_targets, missing, renders_macro};

/// Whether macro `m` makes one of the links or code spans of `facts`.
fn makes(m: &str, facts: &align::Facts) -> bool {
    let target = macro_targets(&align::Facts {
        placeholders: vec![m.to_owned()],
        ..align::Facts::default()
    });
    facts
        .urls
        .iter()
        .chain(&facts.code)
        .any(|x| renders_macro(x, &target))
}

/// The macro or shortcodes of the pair that differ. A cross-reference
/// macro one side writes out as the link or code it makes (MDN
/// translations do both) is there.
pub(super) fn check(pair: &Pair<'_>) -> Option<Finding> {
    let (fs, ft) = (pair.fs, pair.ft);
    let gone: Vec<&str> = missing(&fs.placeholders, &ft.placeholders)
        .into_iter()
        .filter(|m| !makes(m, ft))
        .collect();
    let added: Vec<&str> = missing(&ft.placeholders, &fs.placeholders)
        .into_iter()
        .filter(|m| !makes(m, fs))
        .collect();
    // A warning: a macro is often one of several ways to write the same.
    difference("macro or shortcode", &gone, &added).map(|m| Finding {
        severity: crate::Severity::Warning,
        ..pair.finding(Check::Structure, m)
    })
}
