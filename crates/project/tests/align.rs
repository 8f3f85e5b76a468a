//! Alignment on the corpus: every English page aligned with itself, the
//! seed page of the motivating case, and perturbations made in memory to
//! real translations (nothing edited is written anywhere): an edit changes
//! only the pairs next to it.

use std::collections::BTreeSet;

use model::{Document, SegmentKind};

fn segment(text: &str) -> Document {
    markdown::segment(text).0
}

fn align(source: &str, translation: &str) -> project::Aligned {
    align_with(source, translation, &align::Options::default())
}

fn align_with(source: &str, translation: &str, options: &align::Options<'_>) -> project::Aligned {
    project::align_texts(
        source,
        segment(source),
        translation,
        segment(translation),
        &markdown::Options::default(),
        options,
    )
}

#[test]
fn every_source_page_aligns_with_itself_at_full_confidence() {
    let Some(root) = corpus::root("self-alignment test") else {
        return;
    };
    let mut segments = 0;
    for file in corpus::markdown_files(&root.join("privacyguides/en")) {
        let text = corpus::read(&file);
        let a = align(&text, &text);
        let n = a.source.segments.len();
        assert_eq!(a.alignment.pairs.len(), n, "{}", file.display());
        for (k, p) in a.alignment.pairs.iter().enumerate() {
            assert_eq!((p.source, p.translation), (k, k), "{}", file.display());
            assert_eq!(p.confidence, 1.0, "{}: {:?}", file.display(), p);
        }
        assert!(
            a.diagnostics.is_empty(),
            "{}: {:?}",
            file.display(),
            a.diagnostics
        );
        segments += n;
    }
    assert!(
        segments > 3_000,
        "the whole site was aligned ({segments} segments)"
    );
}

#[test]
fn the_seed_page_reports_its_three_lost_boxes() {
    let Some(root) = corpus::root("seed page alignment test") else {
        return;
    };
    let pick = |locale: &str, prefix: &str| corpus::history_version(&root, locale, prefix);
    let source = pick("en", "041-");
    let italian = pick("it", "001-");
    let a = align(&source, &italian);
    let lines: Vec<Option<usize>> = a.diagnostics.iter().map(|d| d.line).collect();
    assert_eq!(lines, [Some(12), Some(45), Some(76)], "{:?}", a.diagnostics);
    assert!(a.diagnostics.iter().all(|d| d.kind == "broken-container"));
    let source_lines: Vec<&str> = source.split('\n').collect();
    for d in &a.diagnostics {
        let line = d.source_line.expect("the source's container line");
        assert_eq!(source_lines[line - 1], "!!! recommendation", "{d:?}");
    }
    let t = &a.translation;
    let s = &a.source.segments;
    // The box bodies are paired with their English paragraphs.
    for (english, italian) in [
        ("**Signal** is a mobile app", "**Signal** è un'applicazione"),
        (
            "**Element** is the reference client",
            "**Element** è il client",
        ),
        (
            "**SimpleX** Chat is an instant messenger",
            "**SimpleX** Chat è una",
        ),
    ] {
        let pair = a
            .alignment
            .pairs
            .iter()
            .find(|p| s[p.source].text.starts_with(english))
            .unwrap_or_else(|| panic!("{english} is paired"));
        assert!(t[pair.translation].text.starts_with(italian), "{english}");
        assert!(a.recovered[pair.translation], "read from the broken box");
    }
    // The glued-in sentences (copies of later paragraphs) are not paired
    // with anything of the box they replaced.
    for line in [12, 45, 76] {
        let glued = t
            .iter()
            .position(|x| x.line == line)
            .expect("a segment there");
        if let Some(pair) = a.alignment.pairs.iter().find(|p| p.translation == glued) {
            let partner = &s[pair.source];
            assert!(
                !partner
                    .containers
                    .iter()
                    .any(|c| c.to_string() == "!!! recommendation"),
                "line {line} paired with a box segment: {partner:?}"
            );
        }
    }
}

/// Line ranges (0-based, inclusive) of top-level segments of `kind`.
fn blocks(text: &str, doc: &Document, kind: SegmentKind) -> Vec<(usize, usize)> {
    let line_of = |offset: usize| {
        text.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
    };
    doc.segments
        .iter()
        .filter(|s| {
            s.kind == kind
                && s.containers
                    .iter()
                    .all(|c| matches!(c, model::Container::ListItem))
        })
        .filter(|s| kind != SegmentKind::Paragraph || s.containers.is_empty())
        .filter_map(|s| {
            let first = s.spans.first()?;
            let last = s.spans.last()?;
            Some((line_of(first.start), line_of(last.end.saturating_sub(1))))
        })
        .collect()
}

/// The perturbations of one translation, each with a description.
fn perturbations(text: &str) -> Vec<(&'static str, usize, String)> {
    let doc = segment(text);
    let lines: Vec<&str> = text.split('\n').collect();
    let join = |parts: Vec<&str>| parts.join("\n");
    let mut out = Vec::new();
    let paragraphs = blocks(text, &doc, SegmentKind::Paragraph);
    if paragraphs.len() >= 3 {
        let mid = paragraphs.len() / 2;
        let (a, b) = paragraphs[mid];
        let mut deleted = lines.clone();
        deleted.drain(a..=b);
        out.push(("delete a paragraph", a, join(deleted)));
        let mut inserted = lines.clone();
        inserted.splice(
            a..a,
            [
                "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
                "",
            ],
        );
        out.push(("insert a paragraph", a, join(inserted)));
        let (c, d) = paragraphs[mid + 1];
        if lines[b + 1..c].iter().all(|l| l.trim().is_empty()) {
            let mut swapped: Vec<&str> = lines[..a].to_vec();
            swapped.extend(&lines[c..=d]);
            swapped.extend(&lines[b + 1..c]);
            swapped.extend(&lines[a..=b]);
            swapped.extend(&lines[d + 1..]);
            out.push(("swap two paragraphs", a, join(swapped)));
        }
    }
    let items = blocks(text, &doc, SegmentKind::ListItem);
    if let Some(w) = items.windows(2).find(|w| {
        w[0].0 == w[0].1
            && w[1].0 == w[1].1
            && w[1].0 == w[0].0 + 1
            && !lines[w[0].0].starts_with(' ')
    }) {
        let (a, b) = (w[0].0, w[1].0);
        let rest = lines[b]
            .trim_start()
            .trim_start_matches(['-', '*', '+'])
            .trim_start();
        let merged_line = format!("{} {rest}", lines[a]);
        let mut merged: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
        merged[a] = merged_line;
        merged.remove(b);
        out.push(("merge two list items", a, merged.join("\n")));
    }
    if let Some(at) = lines
        .iter()
        .position(|l| l.starts_with("!!! recommendation"))
    {
        let mut removed = lines.clone();
        removed.remove(at);
        out.push(("remove a !!! recommendation line", at, join(removed)));
    }
    out
}

/// How many translated segments either side of an edit count as next to it.
const NEAR: usize = 3;

#[test]
fn perturbations_only_change_pairs_next_to_them() {
    let Some(root) = corpus::root("perturbation test") else {
        return;
    };
    let config = project::Config::from_toml(corpus::SITE_CONFIG, root.join("privacyguides"), None)
        .expect("a valid config");
    let sources = project::Sources::load(&config).expect("readable");
    let mut checked = 0;
    let mut failures = Vec::new();
    for locale in ["it", "fr", "nl", "he", "zh-Hant"] {
        let aligned = project::align_locale(&config, &sources, &model::Locale::new(locale))
            .expect("readable");
        for page in &aligned.pages {
            let rel = &page.page.path;
            let source = corpus::read(&page.page.source);
            let translation = &page.text;
            let options = align::Options {
                source_language: align::Language::English,
                language: align::Language::of_locale(locale),
                names: Some(&page.names),
                ratio: aligned.ratio,
            };
            let base = &page.aligned;
            for (what, _line, changed) in perturbations(translation) {
                let changed = align_with(&source, &changed, &options);
                // Translated segments before and after the edit are the same
                // ones: match the common prefix and suffix of the two lists,
                // the rest is the edited region.
                let (old, new) = (&base.translation, &changed.translation);
                // A segment now read from a broken container's body is
                // part of the edit too.
                let same = |i: usize, j: usize| {
                    old[i].text == new[j].text && base.recovered[i] == changed.recovered[j]
                };
                let prefix = (0..old.len().min(new.len()))
                    .take_while(|&i| same(i, i))
                    .count();
                let suffix = (0..old.len().min(new.len()) - prefix)
                    .take_while(|&k| same(old.len() - 1 - k, new.len() - 1 - k))
                    .count();
                let to_old = |j: usize| {
                    if j < prefix {
                        Some(j)
                    } else if j >= new.len() - suffix {
                        Some(j + old.len() - new.len())
                    } else {
                        None
                    }
                };
                let pairs_of = |a: &project::Aligned, map: &dyn Fn(usize) -> Option<usize>| {
                    a.alignment
                        .pairs
                        .iter()
                        .filter_map(|p| Some((p.source, map(p.translation)?)))
                        .collect::<BTreeSet<(usize, usize)>>()
                };
                let before = pairs_of(base, &|i| {
                    (i < prefix || i >= old.len() - suffix).then_some(i)
                });
                let after = pairs_of(&changed, &to_old);
                let (lo, hi) = (prefix.saturating_sub(NEAR), old.len() - suffix + NEAR);
                let far: Vec<&(usize, usize)> = before
                    .symmetric_difference(&after)
                    .filter(|(_, t)| *t < lo || *t >= hi)
                    .collect();
                checked += 1;
                if !far.is_empty() {
                    failures.push(format!(
                        "{locale}/{rel}: {what} (translated segments {prefix}..{}) changed pairs (source, translated) far from it: {far:?}",
                        old.len() - suffix
                    ));
                }
            }
        }
    }
    assert!(checked > 500, "perturbations were tried ({checked})");
    assert!(
        failures.is_empty(),
        "{} of {checked} perturbations changed a pair further than {NEAR} segments away:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
