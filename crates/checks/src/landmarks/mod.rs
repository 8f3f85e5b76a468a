//! The block structure a dialect adds, compared with the source's: its
//! landmarks (`:::note` and its closing `:::`, `{{< tab >}}`, `<TabItem>`,
//! an MDX `import`, a line of MDN macros) in order, and the problems the
//! translation's own structure has (a `:::note` glued to a paragraph, a
//! tag left open or closing nothing). A landmark the translation lost is
//! reported where it should be, estimated from the nearest place both
//! sides agree on before it (a landmark both have, or a pair of segments).

use markdown::Landmark;

use crate::structure::{finding, warning};
use crate::{Finding, Page};

mod shapes;

use shapes::{LiveSamples, Side, compared};

/// The links and code of a translated page near a place, read line by
/// line when first needed: MDN translations often write a line of
/// cross-reference macros out as the links they make.
struct WrittenOut<'a> {
    lines: Vec<&'a str>,
    facts: Vec<Option<align::Facts>>,
}

/// How far from its expected place a macro line may be written out.
const NEAR: usize = 3;

impl<'a> WrittenOut<'a> {
    fn new(text: &'a str) -> Self {
        let lines = model::text::lines(text);
        let facts = vec![None; lines.len()];
        WrittenOut { lines, facts }
    }

    /// Whether the cross-reference macros of `line` are written out between
    /// the translated lines `around` (1-based, a few lines more either
    /// side): one at least, and each of the others written out or kept as
    /// a macro (`{{jsxref("TypeError")}}` beside the link a `{{domxref}}`
    /// makes). Each line is read alone: a stray backtick (`App`s`) opens no
    /// code span beyond its line.
    fn renders(&mut self, line: &str, around: (usize, usize)) -> bool {
        let targets = crate::pairs::macro_targets(&align::facts(line));
        if targets.is_empty() {
            return false;
        }
        let from = around.0.saturating_sub(NEAR + 1);
        let to = around.1.saturating_add(NEAR).min(self.lines.len());
        let mut near = align::Facts::default();
        for k in from..to {
            let facts = self.facts[k].get_or_insert_with(|| align::facts(self.lines[k]));
            near.urls.extend(facts.urls.iter().cloned());
            near.code.extend(facts.code.iter().cloned());
            near.placeholders.extend(facts.placeholders.iter().cloned());
        }
        // A link to a part of the page (`@container#aspect-ratio`, a
        // sub-item) is not the page's own link.
        let written = |m: &String| {
            let one = std::slice::from_ref(m);
            near.urls
                .iter()
                .filter(|url| !url.contains('#') || m.contains('#'))
                .chain(&near.code)
                .any(|x| crate::pairs::renders_macro(x, one))
        };
        let kept = crate::pairs::macro_targets(&near);
        targets.iter().any(written) && targets.iter().all(|m| written(m) || kept.contains(m))
    }

    /// Whether `shape`, a Hugo shortcode on a line of its own in the
    /// source, is written inside a paragraph between the translated lines
    /// `around` (`… zu tun. {{% param what-next %}}`): there, only joined
    /// to the text before or after it. Not a closer: `{{% /tab %}}` recurs
    /// a few lines apart, and one lost is not found in the next.
    fn inline(&self, shape: &str, around: (usize, usize)) -> bool {
        let Some(rest) = ["{{<", "{{%"]
            .iter()
            .find_map(|open| shape.strip_prefix(open))
        else {
            return false;
        };
        if rest.trim_start().starts_with('/') || shape.contains('\n') {
            return false;
        }
        let from = around.0.saturating_sub(NEAR + 1);
        let to = around.1.saturating_add(NEAR).min(self.lines.len());
        self.lines[from.min(to)..to]
            .iter()
            .any(|line| line.contains(shape) && line.trim() != shape)
    }
}

/// Whether `shape` is Docsy's `comment` shortcode (`Some(true)`) or its
/// end (`Some(false)`): what it holds is never shown, so a translation may
/// leave the whole of it out.
fn comment_shortcode(shape: &str) -> Option<bool> {
    let rest = ["{{<", "{{%"]
        .iter()
        .find_map(|open| shape.strip_prefix(open))?
        .trim_start();
    let (opens, name) = match rest.strip_prefix('/') {
        Some(name) => (false, name.trim_start()),
        None => (true, rest),
    };
    let name = name
        .split(|c: char| c.is_whitespace() || matches!(c, '%' | '>' | '}'))
        .next();
    (name == Some("comment")).then_some(opens)
}

/// Whether every `comment` shortcode the translation opens it closes: a
/// comment left out whole hides nothing, one left open hides the rest of
/// the page.
fn comments_closed(items: &[markdown::Landmark]) -> bool {
    let (mut opened, mut closed) = (0, 0);
    for item in items {
        match comment_shortcode(&item.shape) {
            Some(true) => opened += 1,
            Some(false) => closed += 1,
            None => {}
        }
    }
    opened == closed
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
    let matched = common(page, &source.items, &translation.items);
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
    let lines = (page.source_text.lines().count(), page.text.lines().count());
    for (s, item) in source.items.iter().enumerate() {
        let around = between(&anchors, item.line);
        if s_taken[s]
            || written_out.renders(&item.shape, around)
            || written_out.renders(&item.shape, in_step(item.line, lines))
            || written_out.inline(&item.shape, around)
            || alert_written_as_quote(&item.shape, page.text)
            || unused_import(&item.shape, &source.items)
            || (comment_shortcode(&item.shape).is_some() && comments_closed(&translation.items))
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
            out.push(warning(
                translation.items[t].line,
                Some(item.line),
                format!(
                    "the source's `{}` (line {}) is `{}` here",
                    item.shape, item.line, translation.items[t].shape
                ),
            ));
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
        out.push(warning(
            u.line,
            Some(u.first),
            format!(
                "the source's `{}` component{with} ({} line(s) from line {}) is not used in the translation: its content laid out another way, or lost",
                u.names[0], u.lines, u.first
            ),
        ));
    }
    for (t, item) in translation.items.iter().enumerate() {
        if t_taken[t] || alert_written_as_quote(&item.shape, page.source_text) {
            continue;
        }
        reported.push(item.line);
        // What the translation adds (a note on its own example) seldom
        // harms as what it loses does.
        out.push(warning(
            item.line,
            None,
            format!("`{}` is not in the source", item.shape),
        ));
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

/// The translated lines of the anchors before and after the source's
/// `line` (the first line and the last when there is none).
fn between(anchors: &[(usize, usize)], line: usize) -> (usize, usize) {
    let k = anchors.partition_point(|&(s, _)| s <= line);
    let before = k.checked_sub(1).map_or(1, |k| anchors[k].1);
    let after = anchors[k..]
        .iter()
        .map(|&(_, t)| t)
        .min()
        .unwrap_or(usize::MAX);
    (before, after.max(before))
}

/// Where the source's `line` is in the translation when the two pages
/// keep in step line by line (MDN's do): at the same share of the page. A
/// list written out as links may have its items paired one off, which
/// moves the anchors around a line away from where it is.
/// `lines`: how many lines the source and the translation have.
fn in_step(line: usize, (source, translation): (usize, usize)) -> (usize, usize) {
    let at = line * translation / source.max(1);
    (at, at)
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

/// The longest common subsequence of two landmark lists by shape, as pairs
/// of indices in order.
fn common(page: &Page<'_>, a: &[Landmark], b: &[Landmark]) -> Vec<(usize, usize)> {
    let samples = LiveSamples::of(page);
    let (a, b): (Vec<String>, Vec<String>) = (
        a.iter()
            .map(|l| samples.compared(&compared(&l.shape), Side::Source))
            .collect(),
        b.iter()
            .map(|l| samples.compared(&compared(&l.shape), Side::Translation))
            .collect(),
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
        assert!(written.renders("{{domxref(webgl2renderingcontext.bufferdata())}}", (1, 1)));
        assert!(!written.renders(
            "{{domxref(webgl2renderingcontext.buffersubdata())}}",
            (1, 1)
        ));
        // A stray backtick in one list item hides nothing in the next.
        let text = "- [`A.b`](/de/docs/Web/API/A/b)\n  - : Eine App`s [`C`](/de/docs/Web/API/C) zurück.\n- [`A.d`](/de/docs/Web/API/A/d) {{ReadOnlyInline}}\n  - : Gibt `x` zurück.\n";
        let mut written = super::WrittenOut::new(text);
        assert!(written.renders("{{domxref(a.d)}} {{readonlyinline}}", (3, 3)));
        // The links of a list's sub-items to parts of the page are not the
        // page's own.
        let text = "- [`fallback`](/de/docs/Web/CSS/Reference/At-rules/@container#fallback)\n";
        let mut written = super::WrittenOut::new(text);
        assert!(!written.renders("{{cssxref(@container)}}", (1, 1)));
        assert_eq!(super::comment_shortcode("{{% comment %}}"), Some(true));
        assert_eq!(super::comment_shortcode("{{< /comment >}}"), Some(false));
        assert_eq!(super::comment_shortcode("{{% alert %}}"), None);
        assert_eq!(super::comment_shortcode("{{% comments %}}"), None);
        let items = |shapes: &[&str]| -> Vec<markdown::Landmark> {
            shapes
                .iter()
                .enumerate()
                .map(|(k, s)| markdown::Landmark {
                    line: k + 1,
                    shape: (*s).to_owned(),
                })
                .collect()
        };
        assert!(super::comments_closed(&items(&["{{% tab A %}}"])));
        assert!(super::comments_closed(&items(&[
            "{{< comment >}}",
            "{{< /comment >}}"
        ])));
        assert!(!super::comments_closed(&items(&["{{< comment >}}"])));
        // A shortcode of its own joined to the paragraph before it.
        let text = "Intro.\n\nAbra a sua IDE. {{% param what-next %}}\n\nMais.\n";
        let written = super::WrittenOut::new(text);
        assert!(written.inline("{{% param what-next %}}", (1, 3)));
        assert!(!written.inline("{{% param github_repo %}}", (1, 3)));
        assert!(!written.inline("{{% param what-next %}}", (9, 12)));
        // A closer lost is not the next one, joined to an opener.
        let text =
            "{{% tab A %}}\n\nText.\n\n{{% tab B %}}\n\nMore.\n\n{{% /tab %}} {{% tab C %}}\n";
        let written = super::WrittenOut::new(text);
        assert!(!written.inline("{{% /tab %}}", (3, 6)));
        // One macro kept, the other written out.
        let text = "- {{jsxref(\"TypeError\")}} [`DOMException`](/de/docs/Web/API/DOMException)\n";
        let mut written = super::WrittenOut::new(text);
        assert!(written.renders("{{jsxref(typeerror)}} {{domxref(domexception)}}", (1, 1)));
        assert!(!written.renders("{{jsxref(typeerror)}} {{domxref(domerror)}}", (1, 1)));
        // Written out far from where the line belongs: not this line's.
        let far = format!(
            "- {{{{cssxref(\"color\")}}}}\n{}See `animation-duration`.\n",
            "Text.\n".repeat(8)
        );
        let mut written = super::WrittenOut::new(&far);
        assert!(!written.renders("{{cssxref(animation-duration)}}", (1, 2)));
        assert!(written.renders("{{cssxref(animation-duration)}}", (2, 8)));
    }

    /// Pairs of landmark shapes, and whether they compare as the same.
    #[test]
    fn shapes_compare_as_a_careful_reader_would() {
        let pairs: &[(&str, &str, bool)] = &[
            (
                "{{listsubpages(/en-us/docs/web/manifest/reference)}}",
                "{{listsubpages(/de/docs/web/manifest/reference)}}",
                true,
            ),
            (
                "{{% /homepage/otel-feature %}}",
                "{{< /homepage/otel-feature >}}",
                true,
            ),
            (
                "{{< /homepage/otel-feature >}}",
                "{{< /homepage/signal >}}",
                false,
            ),
            (
                "{{jsxref(temporal/zoneddatetime/hour)}}",
                "{{jsxref(temporal.zoneddatetime/hour)}}",
                true,
            ),
            // A word an include writes in a sentence may be translated; the
            // file it includes may not.
            (
                "{{% include keep-up-to-date.md adopter %}}",
                "{{% include keep-up-to-date.md adotantes %}}",
                true,
            ),
            (
                "{{% include keep-up-to-date.md adopter %}}",
                "{{% include keep-up-to-date-pt.md adopter %}}",
                false,
            ),
            (
                "{{% include keep-up-to-date.md adopter %}}",
                "{{% param keep-up-to-date.md adopter %}}",
                false,
            ),
            // A site path with or without its leading slash and locale.
            (
                r#"{{< homepage/otel-feature title="Collector pipeline" url="/docs/collector/" >}}"#,
                r#"{{< homepage/otel-feature title="Конвеєр" url="docs/collector/" >}}"#,
                true,
            ),
            (
                r#"{{< card url="/docs/collector/" >}}"#,
                r#"{{< card url="/uk/docs/collector/" >}}"#,
                true,
            ),
            (
                r#"{{< card url="/docs/collector/" >}}"#,
                r#"{{< card url="/docs/sdk/" >}}"#,
                false,
            ),
        ];
        for &(a, b, same) in pairs {
            assert_eq!(
                super::compared(a) == super::compared(b),
                same,
                "{a} against {b}"
            );
        }
    }
}
