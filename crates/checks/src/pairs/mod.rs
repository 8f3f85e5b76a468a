//! Checks of each aligned pair of segments, one module per check:
//! numbers, links, images, code, placeholders (macros and shortcodes),
//! markup, emphasis, names, glossary, text left untranslated and length;
//! and what pairs with nothing (an English segment, a source link).

mod code;
mod emphasis;
pub(crate) mod english;
mod glossary;
mod images;
mod length;
mod links;
mod markup;
mod names;
mod numbers;
mod placeholders;
mod untranslated;

use std::collections::BTreeMap;
use std::collections::HashMap;

use model::Segment;

use crate::placement::Facts;
use crate::{Check, Finding, Page};

#[cfg(test)]
pub(crate) use english::{ENGLISH, english_count, english_most};

/// One pair of segments being checked, with what the checks share.
pub(crate) struct Pair<'p> {
    pub page: &'p Page<'p>,
    pub s: &'p Segment,
    pub t: &'p Segment,
    pub fs: &'p align::Facts,
    pub ft: &'p align::Facts,
    /// Abbreviations the source page defines (`*[HTML]: Hyper Text …`).
    pub abbreviations: &'p [&'p str],
    /// The link reference definitions of the source page and of the
    /// translation, for resolving `[text][label]`.
    pub references: (&'p HashMap<String, String>, &'p HashMap<String, String>),
    /// The alignment's confidence in the pair (a pair found in a small gap
    /// between pairs has none of its own: a half).
    pub confidence: f32,
}

impl Pair<'_> {
    /// A finding of `check` on this pair: the translated segment's line,
    /// the source segment's.
    pub fn finding(&self, check: Check, message: String) -> Finding {
        Finding {
            check,
            severity: check.default_severity(),
            line: self.t.line,
            source_line: Some(self.s.line),
            segment_id: Some(self.s.id.to_string()),
            message,
            related: Vec::new(),
            confidence: self.confidence,
        }
    }
}

/// The items of `a` missing from `b`, as multisets, in `a`'s order.
pub(crate) fn missing<'x>(a: &'x [String], b: &[String]) -> Vec<&'x str> {
    if a.is_empty() {
        return Vec::new();
    }
    // Small sides (nearly always): each of `b` taken once, marked in a word.
    if b.len() <= 64 {
        let mut taken = 0u64;
        let mut out = Vec::new();
        for x in a {
            match (0..b.len()).find(|&k| taken & (1 << k) == 0 && b[k] == *x) {
                Some(k) => taken |= 1 << k,
                None => out.push(x.as_str()),
            }
        }
        return out;
    }
    let mut left: BTreeMap<&str, usize> = BTreeMap::new();
    for x in b {
        *left.entry(x.as_str()).or_default() += 1;
    }
    let mut out = Vec::new();
    for x in a {
        match left.get_mut(x.as_str()) {
            Some(n) if *n > 0 => *n -= 1,
            _ => out.push(x.as_str()),
        }
    }
    out
}

/// `missing`/`extra` as a message part: "`1000` is missing; `100` is not in the source".
pub(crate) fn difference(what: &str, missing: &[&str], extra: &[&str]) -> Option<String> {
    let list = |items: &[&str]| {
        items
            .iter()
            .map(|i| format!("`{i}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let verb = |n: usize| if n == 1 { "is" } else { "are" };
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!(
            "the source's {what} {} {} missing",
            list(missing),
            verb(missing.len())
        ));
    }
    if !extra.is_empty() {
        parts.push(format!(
            "{} {} not in the source",
            list(extra),
            verb(extra.len())
        ));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// Segments the aligner left unpaired on both sides between the same two
/// pairs, taken in order by family of kinds when the gap is small (three
/// segments or fewer on each side): most likely translations whose facts
/// are wrong, which is what the checks are for.
pub(crate) fn gap_pairs(page: &Page<'_>) -> Vec<(usize, usize)> {
    let alignment = page.alignment;
    let mut out = Vec::new();
    let mut starts: Vec<(usize, usize)> = vec![(0, 0)];
    starts.extend(
        alignment
            .pairs
            .iter()
            .map(|p| (p.source + 1, p.translation + 1)),
    );
    let ends = alignment
        .pairs
        .iter()
        .map(|p| (p.source, p.translation))
        .chain([(page.source.len(), page.translation.len())]);
    for (&(s0, t0), (s1, t1)) in starts.iter().zip(ends) {
        if s1 <= s0 || t1 <= t0 || s1 - s0 > 3 || t1 - t0 > 3 {
            continue;
        }
        let mut next = s0;
        for t in t0..t1 {
            let kind = align::kind_family(page.translation[t].kind);
            if let Some(s) = (next..s1).find(|&s| align::kind_family(page.source[s].kind) == kind) {
                out.push((s, t));
                next = s + 1;
            }
        }
    }
    out
}

/// The targets of a segment's cross-reference macros (`{{domxref(window.scrollto)}}`
/// is `window/scrollto`), lower case, separators as `/`.
pub(crate) fn macro_targets(facts: &align::Facts) -> Vec<String> {
    facts
        .placeholders
        .iter()
        .filter_map(|p| {
            let arg = p
                .strip_prefix("{{")?
                .split_once('(')?
                .1
                .strip_suffix(")}}")?;
            // The fragment names a heading of the page it links to.
            let arg = arg.split('#').next().unwrap_or_default();
            let target = arg
                .trim_end_matches("()")
                .replace("::", "/")
                .replace(['.', ' '], "/")
                .to_lowercase();
            (!target.is_empty()).then_some(target)
        })
        .collect()
}

/// Whether `text` (a link's target or a code span) renders one of the
/// macro `targets`: MDN translations often write a macro out as the link
/// or the code it makes (`[Window.scrollTo()](/de/docs/Web/API/Window/scrollTo)`).
pub(crate) fn renders_macro(text: &str, targets: &[String]) -> bool {
    if targets.is_empty() {
        return false;
    }
    let t = text
        .trim_end_matches("()")
        .replace("::", "/")
        .replace('.', "/")
        .to_lowercase();
    let t = t
        .split('#')
        .next()
        .unwrap_or_default()
        .trim_end_matches('/');
    targets.iter().any(|m| {
        t == m
            || t.ends_with(&format!("/{m}"))
            || m.rsplit('/')
                .next()
                .is_some_and(|last| last.len() >= 3 && t == last)
    })
}

/// Abbreviations the source page defines (`*[HTML]: Hyper Text …`); most
/// pages have none, which one search of the whole text says.
fn abbreviations(source_text: &str) -> Vec<&str> {
    if !source_text.contains("*[") {
        return Vec::new();
    }
    source_text
        .split('\n')
        .filter_map(|l| l.strip_prefix("*[")?.split_once("]:").map(|(k, _)| k))
        .filter(|k| !k.is_empty())
        .collect()
}

/// A reference label as CommonMark matches it: without case, its runs of
/// whitespace (a line break) one space.
pub(crate) fn label_key(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A page's link reference definitions (`[label]: url`), by
/// [`label_key`]; most pages have none, which one search of the whole text
/// says.
pub(crate) fn references(text: &str) -> HashMap<String, String> {
    if !text.contains("]:") {
        return HashMap::new();
    }
    let lines: Vec<&str> = text.split('\n').collect();
    lines
        .iter()
        .enumerate()
        .filter_map(|(k, line)| {
            let trimmed = line.trim_start();
            if line.len() - trimmed.len() > 3 || trimmed.starts_with("[^") {
                return None;
            }
            let (label, rest) = trimmed.strip_prefix('[')?.split_once("]:")?;
            // The URL may be on the next line (`[nvm]:` then the URL).
            let url = match rest.split_whitespace().next() {
                Some(url) => url,
                None => lines.get(k + 1)?.split_whitespace().next()?,
            };
            let url = url.trim_start_matches('<').trim_end_matches('>');
            Some((label_key(label), url.to_owned()))
        })
        .collect()
}

/// Every pair check on every one-to-one pair (and pair of a small gap),
/// then what pairs with nothing.
pub(crate) fn pairs(page: &Page<'_>, facts: &Facts<'_>, out: &mut Vec<Finding>) {
    let mut checked = page.alignment.one_to_one();
    checked.extend(gap_pairs(page));
    let abbreviations = abbreviations(page.source_text);
    let references = (references(page.source_text), references(page.text));
    let confidence = |si: usize, ti: usize| {
        page.alignment
            .pairs
            .iter()
            .find(|p| p.source == si && p.translation == ti)
            .map_or(0.5, |p| p.confidence)
    };
    for (si, ti) in checked {
        let pair = Pair {
            confidence: confidence(si, ti),
            page,
            s: &page.source[si],
            t: &page.translation[ti],
            fs: &facts.source[si],
            ft: &facts.translation[ti],
            abbreviations: &abbreviations,
            references: (&references.0, &references.1),
        };
        if pair.s.text == pair.t.text {
            out.extend(untranslated::same_text(&pair));
            continue;
        }
        out.extend(glossary::check(&pair));
        if let Some(f) = untranslated::english(&pair) {
            out.push(f);
            continue;
        }
        let per_pair = [
            length::check(&pair),
            numbers::check(&pair),
            links::check(&pair),
            images::check(&pair),
            code::check(&pair),
            placeholders::check(&pair),
            markup::check(&pair),
            emphasis::check(&pair),
            names::check(&pair),
        ];
        out.extend(per_pair.into_iter().flatten());
    }
    untranslated::unpaired(page, out);
    links::unpaired(page, out);
}
