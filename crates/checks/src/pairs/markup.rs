//! Markup: links, attribute lists, icons, abbreviations and footnote
//! references, as many in the translation as in the source (emphasis is
//! its own check: languages use it differently).

use crate::{Check, Finding};

use super::Pair;
use super::glossary::contains_words;
use super::{difference, missing};

/// The markup of the pair that differs, in one finding.
pub(super) fn check(pair: &Pair<'_>) -> Option<Finding> {
    let (s, t, fs, ft) = (pair.s, pair.t, pair.fs, pair.ft);
    let mut markup = Vec::new();
    // Links that write out a macro of the source (MDN) are the macro.
    let macros = super::macro_targets(fs);
    let written_out = ft
        .urls
        .iter()
        .filter(|u| super::renders_macro(u, &macros))
        .count();
    // And the other way: a link of the source the translation makes with
    // a macro (`{{Glossary("inset")}}` for `[inset](/en-US/docs/Glossary/inset)`).
    let macros_here = super::macro_targets(ft);
    let made_by_macro = fs
        .urls
        .iter()
        .filter(|u| super::renders_macro(u, &macros_here))
        .count();
    let (a, b) = (
        fs.links.saturating_sub(made_by_macro),
        ft.links.saturating_sub(written_out),
    );
    // Fewer links is a link lost (often broken syntax); more is a term
    // linked to its page, which rarely harms (5 of 17 labelled were true).
    if b < a {
        markup.push(format!("{a} links in the source, {b} here"));
    }
    if fs.attributes != ft.attributes {
        markup.push(format!(
            "{} attribute lists in the source, {} here",
            fs.attributes, ft.attributes
        ));
    }
    if let Some(m) = difference(
        "icon",
        &missing(&fs.icons, &ft.icons),
        &missing(&ft.icons, &fs.icons),
    ) {
        markup.push(m);
    }
    let used = |text: &str| -> Vec<String> {
        pair.abbreviations
            .iter()
            .filter(|a| contains_words(text, a) && text.contains(*a))
            .map(|a| (*a).to_owned())
            .collect()
    };
    let (sa, ta) = (used(&s.text), used(&t.text));
    if let Some(m) = difference("abbreviation", &missing(&sa, &ta), &[]) {
        markup.push(m);
    }
    if let Some(m) = difference(
        "footnote reference",
        &missing(&fs.footnotes, &ft.footnotes),
        &missing(&ft.footnotes, &fs.footnotes),
    ) {
        markup.push(m);
    }
    (!markup.is_empty()).then(|| pair.finding(Check::Markup, markup.join("; ")))
}
