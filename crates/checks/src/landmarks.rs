//! The block structure a dialect adds, compared with the source's: its
//! landmarks (`:::note` and its closing `:::`, `{{< tab >}}`, `<TabItem>`,
//! an MDX `import`, a line of MDN macros) in order, and the problems the
//! translation's own structure has (a `:::note` glued to a paragraph, a
//! tag left open or closing nothing). A landmark the translation lost is
//! reported where it should be, estimated from the nearest place both
//! sides agree on before it (a landmark both have, or a pair of segments).

use markdown::Landmark;

use crate::{Check, Finding, Page};

fn finding(line: usize, source_line: Option<usize>, message: String) -> Finding {
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

/// The links and code of a translated page, read when first needed: MDN
/// translations often write a line of cross-reference macros out as the
/// links they make.
struct WrittenOut<'a> {
    text: &'a str,
    facts: Option<align::Facts>,
}

impl<'a> WrittenOut<'a> {
    fn new(text: &'a str) -> Self {
        WrittenOut { text, facts: None }
    }

    /// Whether the cross-reference macros of `line` are written out
    /// somewhere in the page: one at least, and each of the others written
    /// out or kept as a macro (`{{jsxref("TypeError")}}` beside the link a
    /// `{{domxref}}` makes).
    fn renders(&mut self, line: &str) -> bool {
        let targets = crate::pairs::macro_targets(&align::facts(line));
        if targets.is_empty() {
            return false;
        }
        let facts = self
            .facts
            .get_or_insert_with(|| written_out_facts(self.text));
        let written = |m: &String| {
            let one = std::slice::from_ref(m);
            facts
                .urls
                .iter()
                .chain(&facts.code)
                .any(|x| crate::pairs::renders_macro(x, one))
        };
        let kept = crate::pairs::macro_targets(facts);
        targets.iter().any(written) && targets.iter().all(|m| written(m) || kept.contains(m))
    }
}

/// The links and code of `text`, read block by block (a paragraph, a list
/// item, a heading): a stray backtick (`App`s`) opens a code span in its
/// block only, as CommonMark reads it, not to the end of the page.
fn written_out_facts(text: &str) -> align::Facts {
    let mut all = align::Facts::default();
    let mut add = |block: &str| {
        let facts = align::facts(block);
        all.urls.extend(facts.urls);
        all.code.extend(facts.code);
        all.placeholders.extend(facts.placeholders);
    };
    let starts_block = |line: &str| {
        let t = line.trim_start();
        t.starts_with(['-', '*', '+', '#', '>', '|'])
            || t.split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    let mut start = 0;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() || starts_block(line) {
            add(&text[start..at]);
            start = at;
        }
        at += line.len();
    }
    add(&text[start..]);
    all
}

/// Whether `shape` is a Hugo alert shortcode (`{{% alert %}}`, its end)
/// and the other page has GitHub alerts (`> [!NOTE]`): the same box in
/// the newer syntax, which a translation made earlier has not taken up.
fn alert_written_as_quote(shape: &str, other: &str) -> bool {
    let name = shape
        .trim_start_matches("{{")
        .trim_start_matches(['%', '<'])
        .trim_start()
        .trim_start_matches('/');
    let alert =
        shape.starts_with("{{") && (name.starts_with("alert") || name.starts_with("callout"));
    alert && other.contains("> [!")
}

/// The MDX component a landmark belongs to: `Tabs` for `import Tabs
/// from '@theme/Tabs'`, `<Tabs …>` and `</Tabs>`.
fn component(shape: &str) -> Option<&str> {
    let name = if let Some(rest) = shape.strip_prefix("import ") {
        rest.split(|c: char| !c.is_alphanumeric()).next()?
    } else {
        let rest = shape.strip_prefix('<')?.trim_start_matches('/');
        rest.split(|c: char| !c.is_alphanumeric()).next()?
    };
    name.starts_with(|c: char| c.is_ascii_uppercase())
        .then_some(name)
}

/// A component of the source the translation does not use: its lines.
struct Unused {
    /// Its name, then those of the components used only inside it.
    names: Vec<String>,
    /// Where it would be in the translation.
    line: usize,
    /// Its first and last source lines, and how many there are.
    first: usize,
    last: usize,
    lines: usize,
}

/// Unused components folded into the one they are used inside (`TabItem`
/// in `Tabs`): one layout, one finding.
fn nest(mut unused: Vec<Unused>) -> Vec<Unused> {
    let mut k = 0;
    while k < unused.len() {
        let inner = &unused[k];
        let outer = (0..unused.len())
            .find(|&o| o != k && unused[o].first < inner.first && inner.last < unused[o].last);
        match outer {
            Some(o) => {
                let inner = unused.remove(k);
                let o = if o > k { o - 1 } else { o };
                unused[o].names.extend(inner.names);
                unused[o].lines += inner.lines;
                k = 0;
            }
            None => k += 1,
        }
    }
    unused
}

/// An MDX `import` of a component the page never uses: the source's own
/// leftover, which a translation need not copy.
fn unused_import(shape: &str, items: &[markdown::Landmark]) -> bool {
    shape.starts_with("import ")
        && component(shape).is_some_and(|name| {
            !items
                .iter()
                .any(|i| !i.shape.starts_with("import ") && component(&i.shape) == Some(name))
        })
}

pub(crate) fn check(page: &Page<'_>, out: &mut Vec<Finding>) {
    let source = markdown::landmarks(page.source_text, page.markdown);
    let translation = markdown::landmarks(page.text, page.markdown);
    if source.items.is_empty() && translation.items.is_empty() && translation.problems.is_empty() {
        return;
    }
    let matched = common(&source.items, &translation.items);
    let mut anchors: Vec<(usize, usize)> = matched
        .iter()
        .map(|&(s, t)| (source.items[s].line, translation.items[t].line))
        .chain(page.alignment.pairs.iter().map(|p| {
            (
                page.source[p.source].line,
                page.translation[p.translation].line,
            )
        }))
        .collect();
    anchors.sort_unstable();
    let mut reported: Vec<usize> = Vec::new();
    let mut s_taken = vec![false; source.items.len()];
    let mut t_taken = vec![false; translation.items.len()];
    for &(s, t) in &matched {
        s_taken[s] = true;
        t_taken[t] = true;
    }
    let mut written_out = WrittenOut::new(page.text);
    // Components the translation never uses: one finding each (below).
    let mut unused: Vec<Unused> = Vec::new();
    for (s, item) in source.items.iter().enumerate() {
        if s_taken[s]
            || written_out.renders(&item.shape)
            || alert_written_as_quote(&item.shape, page.text)
            || unused_import(&item.shape, &source.items)
        {
            continue;
        }
        let line = place(&anchors, item.line);
        if let Some(name) = component(&item.shape)
            && !translation
                .items
                .iter()
                .any(|t| component(&t.shape) == Some(name))
        {
            match unused.iter_mut().find(|u| u.names[0] == name) {
                Some(group) => {
                    group.lines += 1;
                    group.last = item.line;
                }
                None => unused.push(Unused {
                    names: vec![name.to_owned()],
                    line,
                    first: item.line,
                    last: item.line,
                    lines: 1,
                }),
            }
            reported.push(line);
            continue;
        }
        reported.push(line);
        // A box of another kind at its place (`:::danger` for `:::warning`):
        // the box is there, its kind changed.
        let other_kind = box_family(&item.shape).and_then(|family| {
            (0..translation.items.len()).find(|&t| {
                !t_taken[t]
                    && translation.items[t].line.abs_diff(line) <= 3
                    && box_family(&translation.items[t].shape) == Some(family)
            })
        });
        if let Some(t) = other_kind {
            t_taken[t] = true;
            let mut f = finding(
                translation.items[t].line,
                Some(item.line),
                format!(
                    "the source's `{}` (line {}) is `{}` here",
                    item.shape, item.line, translation.items[t].shape
                ),
            );
            f.severity = crate::Severity::Warning;
            out.push(f);
            continue;
        }
        out.push(finding(
            line,
            Some(item.line),
            format!(
                "the source's `{}` (line {}) is missing here",
                item.shape, item.line
            ),
        ));
    }
    // A layout of the source (tabs) the translation does without: the same
    // content laid out another way, or lost; a reviewer looks once.
    for u in nest(unused) {
        let with = if u.names.len() > 1 {
            format!(" (with `{}`)", u.names[1..].join("`, `"))
        } else {
            String::new()
        };
        let mut f = finding(
            u.line,
            Some(u.first),
            format!(
                "the source's `{}` component{with} ({} line(s) from line {}) is not used in the translation: its content laid out another way, or lost",
                u.names[0], u.lines, u.first
            ),
        );
        f.severity = crate::Severity::Warning;
        out.push(f);
    }
    for (t, item) in translation.items.iter().enumerate() {
        if t_taken[t] || alert_written_as_quote(&item.shape, page.source_text) {
            continue;
        }
        reported.push(item.line);
        // What the translation adds (a note on its own example) seldom
        // harms as what it loses does.
        let mut f = finding(
            item.line,
            None,
            format!("`{}` is not in the source", item.shape),
        );
        f.severity = crate::Severity::Warning;
        out.push(f);
    }
    // Problems the source does not have, away from what is reported already.
    for problem in &translation.problems {
        let in_source = source
            .problems
            .iter()
            .filter(|p| p.kind == problem.kind)
            .count();
        let here = translation
            .problems
            .iter()
            .filter(|p| p.kind == problem.kind)
            .count();
        if here <= in_source || reported.iter().any(|&l| l.abs_diff(problem.line) <= 1) {
            continue;
        }
        if problem.kind != "glued-container" && !reported.is_empty() {
            continue;
        }
        out.push(finding(problem.line, None, problem.message.clone()));
    }
}

/// The family of a box landmark (`:::` for `:::tip`, `!!!` for `!!! note`
/// and `??? note`), whose kinds a translation may trade.
fn box_family(shape: &str) -> Option<&'static str> {
    if shape.starts_with(":::") && shape.len() > 3 {
        Some(":::")
    } else if (shape.starts_with("!!!") || shape.starts_with("???")) && shape.len() > 3 {
        Some("!!!")
    } else {
        None
    }
}

/// The translated line where the source's `line` would be: as far from
/// the nearest anchor (before or after it) as the source is from that
/// anchor's source line, kept between the anchors around it.
fn place(anchors: &[(usize, usize)], line: usize) -> usize {
    let k = anchors.partition_point(|&(s, _)| s <= line);
    let before = k.checked_sub(1).map(|k| anchors[k]);
    let after = anchors[k..].iter().copied().min_by_key(|&(_, t)| t);
    let estimate = match (before, after) {
        (Some((s, t)), Some((s2, t2))) if s2 - line < line - s => {
            t2.saturating_sub(s2 - line).max(t)
        }
        (Some((s, t)), _) => t + (line - s),
        (None, Some((s2, t2))) => t2.saturating_sub(s2 - line),
        (None, None) => line,
    };
    match after {
        Some((_, next)) => estimate.min(next.max(1)),
        None => estimate,
    }
    .max(1)
}

/// A landmark's shape as two pages' are compared: a quoted argument that
/// reads as words (`name="Traces"`, a label the site's shortcode shows)
/// may be translated; paths, addresses, numbers and versions may not; a
/// macro's target is the same with dots or slashes.
fn compared(shape: &str) -> String {
    // A cross-reference names its page with dots or slashes alike
    // (`Temporal.ZonedDateTime/hour`, `Temporal/ZonedDateTime/hour`).
    if shape.starts_with("{{") && !shape.starts_with("{{<") && !shape.starts_with("{{%") {
        return without_locale(&shape.replace('.', "/"));
    }
    let mut out = String::with_capacity(shape.len());
    let mut parts = shape.split('"');
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for (k, part) in parts.enumerate() {
        out.push('"');
        let inside = k % 2 == 0;
        let words = part.chars().any(char::is_alphabetic)
            && !part.contains(['/', '.', ':', '{', '<'])
            && !matches!(part, "true" | "false");
        out.push_str(if inside && words { "…" } else { part });
    }
    out
}

/// `shape` with the locale of a site path left out (`/en-us/docs/web` and
/// `/de/docs/web` are the page in each language).
fn without_locale(shape: &str) -> String {
    let mut out = shape.to_owned();
    let mut from = 0;
    while let Some(k) = out[from..].find("/docs/").map(|k| from + k) {
        let segment = out[..k].rfind('/').map(|s| s + 1).unwrap_or(k);
        let locale = &out[segment..k];
        let is_locale = (2..=5).contains(&locale.len())
            && locale.chars().all(|c| c.is_ascii_lowercase() || c == '-');
        if is_locale && segment > 0 {
            out.replace_range(segment - 1..k, "");
            from = segment - 1 + "/docs/".len();
        } else {
            from = k + "/docs/".len();
        }
    }
    out
}

/// The longest common subsequence of two landmark lists by shape, as pairs
/// of indices in order.
fn common(a: &[Landmark], b: &[Landmark]) -> Vec<(usize, usize)> {
    let (a, b): (Vec<String>, Vec<String>) = (
        a.iter().map(|l| compared(&l.shape)).collect(),
        b.iter().map(|l| compared(&l.shape)).collect(),
    );
    let (n, m) = (a.len(), b.len());
    // Landmarks are few per page; a full table is small.
    let mut table = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[at(i, j)] = if a[i] == b[j] {
                table[at(i + 1, j + 1)] + 1
            } else {
                table[at(i + 1, j)].max(table[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < n && j < m {
        if a[i] == b[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if table[at(i + 1, j)] >= table[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}
#[cfg(test)]
mod tests {
    #[test]
    fn a_line_of_macros_written_out_as_links_is_there() {
        let text = "- [`WebGL2RenderingContext.bufferData()`](/de/docs/Web/API/WebGL2RenderingContext/bufferData)\n";
        let mut written = super::WrittenOut::new(text);
        assert!(written.renders("{{domxref(webgl2renderingcontext.bufferdata())}}"));
        assert!(!written.renders("{{domxref(webgl2renderingcontext.buffersubdata())}}"));
        // A stray backtick in one list item hides nothing in the next.
        let text = "- [`A.b`](/de/docs/Web/API/A/b)\n  - : Eine App`s [`C`](/de/docs/Web/API/C) zurück.\n- [`A.d`](/de/docs/Web/API/A/d) {{ReadOnlyInline}}\n  - : Gibt `x` zurück.\n";
        let mut written = super::WrittenOut::new(text);
        assert!(written.renders("{{domxref(a.d)}} {{readonlyinline}}"));
        assert_eq!(
            super::compared("{{listsubpages(/en-us/docs/web/manifest/reference)}}"),
            super::compared("{{listsubpages(/de/docs/web/manifest/reference)}}")
        );
        assert_eq!(
            super::compared("{{jsxref(temporal/zoneddatetime/hour)}}"),
            super::compared("{{jsxref(temporal.zoneddatetime/hour)}}")
        );
        // One macro kept, the other written out.
        let text = "- {{jsxref(\"TypeError\")}} [`DOMException`](/de/docs/Web/API/DOMException)\n";
        let mut written = super::WrittenOut::new(text);
        assert!(written.renders("{{jsxref(typeerror)}} {{domxref(domexception)}}"));
        assert!(!written.renders("{{jsxref(typeerror)}} {{domxref(domerror)}}"));
    }
}
