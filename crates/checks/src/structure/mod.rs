//! Structure beyond lost container lines: a pair whose container changed
//! (`!!! tip` for `!!! note`, a box that became collapsible), a heading of
//! another level, code blocks that are not the source's, tables with
//! another number of columns, front-matter keys lost or added. Read from
//! the segments and, for what segments do not hold, from the page text by
//! a line scan.

use model::{Container, SegmentKind};

use crate::{Check, Finding, Page};

mod code;

/// A structure finding that is a warning: a code block, a heading level,
/// a list's shape, a table's columns, a front-matter key. Only boxes,
/// tabs and quotes lost or changed are errors (their labelled findings
/// were 98% true; code blocks 89%, headings and keys less).
pub(crate) fn warning(line: usize, source_line: Option<usize>, message: String) -> Finding {
    Finding {
        severity: crate::Severity::Warning,
        ..finding(line, source_line, message)
    }
}

/// A structure finding, an error by default.
pub(crate) fn finding(line: usize, source_line: Option<usize>, message: String) -> Finding {
    Finding {
        check: Check::Structure,
        severity: Check::Structure.default_severity(),
        line,
        source_line,
        segment_id: None,
        message,
        related: Vec::new(),
        confidence: 1.0,
    }
}

/// An admonition type under its Material for MkDocs name: the aliases
/// (`check` and `done` for `success`, `hint` for `tip`…) render the same box.
fn canonical_kind(kind: &str) -> &str {
    match kind {
        "seealso" => "note",
        "summary" | "tldr" => "abstract",
        "todo" => "info",
        "hint" | "important" => "tip",
        "check" | "done" => "success",
        "help" | "faq" => "question",
        "caution" | "attention" => "warning",
        "fail" | "missing" => "failure",
        "error" => "danger",
        "cite" => "quote",
        _ => kind,
    }
}

/// Hugo shortcodes that are boxes, as a GitHub alert (`> [!TIP]`) is: a
/// translation may write the one for the other.
const ALERT_SHORTCODES: [&str; 4] = ["alert", "callout", "admonition", "notice"];

/// The containers that are structure: boxes, tabs, quotes and tables. A
/// GitHub alert and a Hugo alert shortcode are both `alert`.
fn shape(containers: &[Container]) -> Vec<String> {
    let mut out = Vec::new();
    for (k, c) in containers.iter().enumerate() {
        match c {
            Container::Admonition {
                kind,
                collapsible,
                open,
            } => out.push(
                Container::Admonition {
                    kind: canonical_kind(kind).to_owned(),
                    collapsible: *collapsible,
                    open: *open,
                }
                .to_string(),
            ),
            // The quote that holds an alert is the alert.
            Container::BlockQuote
                if matches!(containers.get(k + 1), Some(Container::Alert { .. })) => {}
            Container::Alert { .. } => out.push("alert".to_owned()),
            Container::Shortcode { name } if ALERT_SHORTCODES.contains(&name.as_str()) => {
                out.push("alert".to_owned());
            }
            Container::Tab | Container::BlockQuote | Container::Table => out.push(c.to_string()),
            _ => {}
        }
    }
    out
}

/// Whether a page writes alerts with a title (`> [!WARNING] Title`, which
/// Hugo renders as an alert and CommonMark reads as a quote).
fn writes_titled_alerts(text: &str) -> bool {
    text.contains("> [!")
}

/// `shape` with a quote read as the alert the other side has at its
/// place, when its page writes alerts with a title (`titled`).
fn titled_alerts(mut shape: Vec<String>, other: &[String], titled: bool) -> Vec<String> {
    if !titled {
        return shape;
    }
    for (mine, theirs) in shape.iter_mut().zip(other) {
        if mine == "blockquote" && theirs == "alert" {
            "alert".clone_into(mine);
        }
    }
    shape
}

/// Whether the `k`th pair, whose containers differ (`a` in the source, `b`
/// in the translation), may be the aligner's guess rather than a box or
/// quote lost: the two segments share no fact (a link, code, a number, a
/// name), and between the pairs around it the other side has a segment
/// left unpaired of the same kind in the container this side has. A
/// translation of an older page, its quote next to a paragraph it never
/// translated, pairs the quote with that paragraph (kubevela.io, zh).
fn a_guess(page: &Page<'_>, k: usize, a: &[String], b: &[String]) -> bool {
    let pairs = &page.alignment.pairs;
    let p = &pairs[k];
    let (s, t) = (&page.source[p.source], &page.translation[p.translation]);
    if s.text == t.text
        || align::shared(
            &page.source_facts[p.source].sorted(),
            &page.translation_facts[p.translation].sorted(),
        ) > 0
    {
        return false;
    }
    let before = k.checked_sub(1).map(|j| &pairs[j]);
    let after = pairs.get(k + 1);
    let between = |i: usize, of: fn(&align::Pair) -> usize, limit: usize| {
        before.is_none_or(|q| of(q) < i) && after.map_or(i < limit, |q| i < of(q))
    };
    let unpaired_source = page.alignment.unpaired_source.iter().any(|&i| {
        between(i, |q| q.source, page.source.len())
            && page.source[i].kind == t.kind
            && shape(&page.source[i].containers) == b
    });
    unpaired_source
        || page.alignment.unpaired_translation.iter().any(|&i| {
            between(i, |q| q.translation, page.translation.len())
                && page.translation[i].kind == s.kind
                && shape(&page.translation[i].containers) == a
        })
}

/// The level of an ATX heading on `line` (`## x` is 2), or of a Setext
/// heading underlined on the next line.
fn heading_level(lines: &[&str], line: usize) -> Option<usize> {
    let text = lines.get(line.checked_sub(1)?)?.trim_start();
    let hashes = text.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) {
        return Some(hashes);
    }
    let under = lines.get(line)?.trim();
    if !under.is_empty() && under.bytes().all(|b| b == b'=') {
        Some(1)
    } else if !under.is_empty() && under.bytes().all(|b| b == b'-') {
        Some(2)
    } else {
        None
    }
}

/// A list item's shape: ordered or not (by its marker on `line`), and how
/// deep in lists it is.
fn list_shape(lines: &[&str], line: usize, containers: &[Container]) -> Option<(bool, usize)> {
    let text = lines.get(line.checked_sub(1)?)?.trim_start();
    let text = text.trim_start_matches(['>', ' ']);
    let ordered = text.split_once(['.', ')']).is_some_and(|(n, _)| {
        !n.is_empty() && n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit())
    });
    let bulleted = text.starts_with(['-', '*', '+']);
    if !ordered && !bulleted {
        return None;
    }
    let depth = containers
        .iter()
        .filter(|c| matches!(c, Container::ListItem))
        .count();
    Some((ordered, depth))
}

/// Tables: (line of the delimiter row, number of columns).
fn tables(lines: &[&str]) -> Vec<(usize, usize)> {
    lines
        .iter()
        .enumerate()
        .filter_map(|(k, l)| {
            let t = l.trim();
            if !(t.contains('-') && t.contains('|')) {
                return None;
            }
            let cells = t.trim_matches('|').split('|');
            let delimiter = cells.clone().all(|c| {
                let c = c.trim();
                !c.is_empty() && c.bytes().all(|b| matches!(b, b'-' | b':'))
            });
            delimiter.then(|| (k + 1, cells.count()))
        })
        .collect()
}

/// Top-level keys of the front matter (YAML between `---`, TOML between
/// `+++`) that are prose (`prose`), with their lines: other keys are the
/// site's metadata (pins, weights, slugs), which a translation may set as
/// it needs.
fn front_matter_keys(lines: &[&str], prose: &[String]) -> Vec<(usize, String)> {
    let fence = match lines.first().map(|l| l.trim_end()) {
        Some(f @ ("---" | "+++")) => f,
        _ => return Vec::new(),
    };
    let separator = if fence == "+++" { '=' } else { ':' };
    let mut out = Vec::new();
    for (k, l) in lines.iter().enumerate().skip(1) {
        let l = l.trim_end();
        if l == fence || l == "..." {
            break;
        }
        if l.starts_with(char::is_alphanumeric)
            && let Some((key, _)) = l.split_once(separator)
            && !key.trim().contains(' ')
            && prose.iter().any(|p| p == key.trim())
        {
            out.push((k + 1, key.trim().to_owned()));
        }
    }
    out
}

/// The translated line where the source's `line` would be: that of the
/// translation of the nearest source segment before it.
pub(super) fn place_of(page: &Page<'_>, line: usize) -> usize {
    page.alignment
        .pairs
        .iter()
        .filter(|p| page.source[p.source].line <= line)
        .map(|p| page.translation[p.translation].line)
        .max()
        .unwrap_or(1)
}

pub(crate) fn check(page: &Page<'_>, out: &mut Vec<Finding>) {
    let (source_lines, lines) = (
        model::text::lines(page.source_text),
        model::text::lines(page.text),
    );
    // Pairs: containers (once per run of pairs with the same change) and
    // heading levels.
    let mut last_change: Option<(Vec<String>, Vec<String>)> = None;
    let (source_titled, titled) = (
        writes_titled_alerts(page.source_text),
        writes_titled_alerts(page.text),
    );
    for (k, p) in page.alignment.pairs.iter().enumerate() {
        let (s, t) = (&page.source[p.source], &page.translation[p.translation]);
        if p.confidence < 0.6 || s.kind != t.kind || page.recovered[p.translation] {
            continue;
        }
        let (a, b) = (shape(&s.containers), shape(&t.containers));
        let a = titled_alerts(a, &b, source_titled);
        let b = titled_alerts(b, &a, titled);
        let change = (a != b).then(|| (a.clone(), b.clone()));
        let repeated = change.is_some() && change == last_change;
        last_change = change;
        if a != b && !repeated && !a_guess(page, k, &a, &b) {
            let show = |v: &[String]| {
                if v.is_empty() {
                    "at the top level".to_owned()
                } else {
                    format!("inside `{}`", v.join("` › `"))
                }
            };
            let message = format!(
                "this {} is {} here, {} in the source",
                t.kind,
                show(&b),
                show(&a)
            );
            // A quote or alert the translation adds (a "Note:" of the
            // source set as an alert) loses nothing: a warning. A paragraph
            // pushed into a box stays an error.
            let added_quote = b.starts_with(&a)
                && b[a.len()..]
                    .iter()
                    .all(|c| c == "blockquote" || c == "alert");
            if added_quote {
                out.push(warning(t.line, Some(s.line), message));
            } else {
                out.push(finding(t.line, Some(s.line), message));
            }
        }
        if s.kind == SegmentKind::ListItem
            && let (Some(x), Some(y)) = (
                list_shape(&source_lines, s.line, &s.containers),
                list_shape(&lines, t.line, &t.containers),
            )
            && x != y
        {
            let show = |(ordered, depth): (bool, usize)| {
                format!(
                    "{} list item at depth {depth}",
                    if ordered { "an ordered" } else { "a bulleted" }
                )
            };
            out.push(warning(
                t.line,
                Some(s.line),
                format!("{} here, {} in the source", show(y), show(x)),
            ));
        }
        if s.kind == SegmentKind::Heading
            && let (Some(x), Some(y)) = (
                heading_level(&source_lines, s.line),
                heading_level(&lines, t.line),
            )
            && x != y
        {
            out.push(warning(
                t.line,
                Some(s.line),
                format!("a level-{y} heading here, level {x} in the source"),
            ));
        }
    }
    code::check(page, &source_lines, &lines, out);
    // Tables, in order, when both sides have as many.
    let (source_tables, tabs) = (tables(&source_lines), tables(&lines));
    if source_tables.len() == tabs.len() {
        for ((sl, sc), (tl, tc)) in source_tables.iter().zip(&tabs) {
            if sc != tc {
                out.push(warning(
                    *tl,
                    Some(*sl),
                    format!("a table of {tc} columns here, {sc} in the source"),
                ));
            }
        }
    }
    // Front-matter keys.
    let prose = &page.markdown.front_matter_keys;
    let (source_keys, keys) = (
        front_matter_keys(&source_lines, prose),
        front_matter_keys(&lines, prose),
    );
    for (line, key) in &source_keys {
        if !keys.iter().any(|(_, k)| k == key) {
            out.push(warning(
                1,
                Some(*line),
                format!("the source's front-matter key `{key}` is missing"),
            ));
        }
    }
    for (line, key) in &keys {
        if !source_keys.iter().any(|(_, k)| k == key) {
            out.push(warning(
                *line,
                None,
                format!("front-matter key `{key}` is not in the source"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_titled_alert_read_as_a_quote_is_the_alert() {
        let quote = vec!["blockquote".to_owned()];
        let alert = vec!["alert".to_owned()];
        let titled = "> [!WARNING] Supported build environments\n>\n> Builds run on Linux.\n";
        assert!(super::writes_titled_alerts(titled));
        assert_eq!(super::titled_alerts(quote.clone(), &alert, true), alert);
        // A plain quote on a page without alerts stays a quote.
        assert!(!super::writes_titled_alerts("> A quote.\n"));
        assert_eq!(super::titled_alerts(quote.clone(), &alert, false), quote);
    }
}
