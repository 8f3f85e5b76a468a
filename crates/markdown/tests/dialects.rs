//! Invariants over the corpus sites of every dialect (Hugo, Docusaurus/MDX,
//! MDN): every page of every locale round-trips, no segment is syntax
//! only, and the prose inside the dialects' syntax is extracted.

use std::path::{Path, PathBuf};

use markdown::{Dialect, Options};
use model::Document;

/// Each site's pages (source and translations) with its options.
fn sites() -> Option<Vec<(corpus::Site, Options, Vec<PathBuf>)>> {
    let root = corpus::root("markdown dialect corpus tests")?;
    let mut out = Vec::new();
    for site in corpus::DIALECT_SITES {
        let dialect = Dialect::from_name(site.dialect).expect("a known dialect");
        let base = root.join(site.root);
        let mut files = Vec::new();
        for dir in std::iter::once(site.source).chain(site.translations.iter().copied()) {
            files.extend(corpus::files_with(&base.join(dir), &["md", "mdx"]));
        }
        assert!(
            files.len() > 100,
            "{}: only {} files",
            site.name,
            files.len()
        );
        out.push((site, Options::for_dialect(dialect), files));
    }
    Some(out)
}

fn segment(path: &Path, options: &Options) -> (String, Document) {
    let src = corpus::read(path);
    let (doc, _) = markdown::segment_with(&src, options);
    (src, doc)
}

#[test]
fn every_page_of_every_dialect_round_trips() {
    let Some(sites) = sites() else { return };
    for (site, options, files) in sites {
        let mut failures = Vec::new();
        for path in &files {
            let (src, doc) = segment(path, &options);
            let rebuilt =
                assemble::assemble(&doc.skeleton, &doc.texts()).expect("one text per slot");
            if rebuilt != src {
                failures.push(path.display().to_string());
            }
        }
        assert!(
            failures.is_empty(),
            "{}: {} files do not round-trip:\n{}",
            site.name,
            failures.len(),
            failures.join("\n")
        );
        eprintln!("{}: {} files round-trip", site.name, files.len());
    }
}

/// A segment's text without placeholders (shortcodes, macros, MDX
/// expressions), inline code, HTML tags and link targets: what a reader reads.
fn words_left(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let skip = if rest.starts_with("{{") {
            model::text::placeholder_len(rest)
        } else if c == '{' {
            rest.find('}').map(|k| k + 1)
        } else if c == '`' {
            rest[1..].find('`').map(|k| k + 2)
        } else if c == '<' {
            rest.find('>').map(|k| k + 1)
        } else if rest.starts_with("](") {
            rest.find(')').map(|k| k + 1)
        } else {
            None
        };
        match skip {
            Some(len) => rest = &rest[len..],
            None => {
                if c.is_alphabetic() {
                    out.push(c);
                }
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

/// Block-level MDN macros: a segment never starts with one.
const BLOCK_MACROS: [&str; 8] = [
    "{{embedlivesample",
    "{{specifications",
    "{{compat",
    "{{interactiveexample",
    "{{cssinfo",
    "{{csssyntax",
    "{{cssref",
    "{{embedghlivesample",
];

/// Whether `text` starts with a Hugo shortcode that opens or closes a body
/// on `page` (`{{% alert %}}`, `{{% /tab %}}`). One that writes a value
/// into the sentence (`{{% param name %}} issues are…`) may start it.
fn structural_shortcode(text: &str, page: &str) -> bool {
    let Some(rest) = text
        .strip_prefix("{{<")
        .or_else(|| text.strip_prefix("{{%"))
    else {
        return false;
    };
    let name: String = rest
        .trim_start()
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, '>' | '%'))
        .collect();
    name.starts_with('/') || page.contains(&format!("/{name} "))
}

#[test]
fn no_segment_is_syntax_only() {
    let Some(sites) = sites() else { return };
    for (site, options, files) in sites {
        let mut bad = Vec::new();
        let mut segments = 0;
        for path in &files {
            let (src, doc) = segment(path, &options);
            for s in &doc.segments {
                segments += 1;
                let text = s.text.as_str();
                let lower = text.to_lowercase();
                let syntax = words_left(text).is_empty()
                    || [":::", "<TabItem", "</", "import ", "export "]
                        .iter()
                        .any(|p| text.starts_with(p))
                    || structural_shortcode(text, &src)
                    || BLOCK_MACROS.iter().any(|m| lower.starts_with(m));
                if syntax {
                    bad.push(format!(
                        "{}:{} {} {:?}",
                        path.display(),
                        s.line,
                        s.kind,
                        s.text
                    ));
                }
            }
        }
        assert!(
            bad.is_empty(),
            "{}: {} of {segments} segments are syntax only:\n{}",
            site.name,
            bad.len(),
            bad.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
        );
        eprintln!("{}: {segments} segments, none syntax only", site.name);
    }
}

/// The lines of `src` outside front matter and fenced code blocks, with
/// their indices.
fn prose_lines(src: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut fence: Option<String> = None;
    let all: Vec<&str> = src.lines().collect();
    let front_matter = match all.first() {
        Some(&f @ ("---" | "+++")) => all[1..].iter().position(|l| *l == f).map_or(0, |k| k + 2),
        _ => 0,
    };
    for (k, line) in src.lines().enumerate().skip(front_matter) {
        let t = line.trim_start();
        let run: String = t.chars().take_while(|&c| c == '`' || c == '~').collect();
        if let Some(open) = &fence {
            if run.len() >= open.len()
                && run.starts_with(&open[..1])
                && t[run.len()..].trim().is_empty()
            {
                fence = None;
            }
            continue;
        }
        if run.len() >= 3 {
            fence = Some(run);
            continue;
        }
        out.push((k, line));
    }
    out
}

/// A line as a translator sees its text: without quote and list markers,
/// heading hashes and the blanks around.
fn text_of(line: &str) -> &str {
    let mut t = line.trim();
    loop {
        let before = t;
        t = t.trim_start_matches('>').trim_start();
        for marker in ["- ", "* ", "+ "] {
            t = t.strip_prefix(marker).unwrap_or(t);
        }
        if let Some(k) = t
            .find(". ")
            .filter(|&k| k > 0 && t[..k].bytes().all(|b| b.is_ascii_digit()))
        {
            t = &t[k + 2..];
        }
        t = t.trim_start_matches('#').trim_start();
        if t == before {
            return t;
        }
    }
}

/// The quoted values of `key="…"` in `line`.
fn quoted_values<'a>(line: &'a str, key: &str) -> Vec<&'a str> {
    let needle = format!("{key}=\"");
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(k) = rest.find(&needle) {
        let before = rest[..k].chars().next_back();
        let value = &rest[k + needle.len()..];
        let Some(end) = value.find('"') else { break };
        if before.is_none_or(|c| c.is_whitespace()) {
            out.push(value[..end].trim());
        }
        rest = &value[end..];
    }
    out
}

/// What every page must yield as (the start of) a segment: prose
/// arguments and attributes, the first line of each container's body,
/// MDN definitions; with a label for the report.
fn expected_prose(src: &str, dialect: Dialect) -> Vec<(usize, &'static str, String)> {
    let lines = prose_lines(src);
    let mut out = Vec::new();
    let first_body_line = |from: usize| -> Option<(usize, String)> {
        lines
            .iter()
            .filter(|(k, _)| *k > from)
            .map(|(k, l)| (*k, text_of(l)))
            .find(|(_, t)| !t.is_empty())
            .filter(|(_, t)| {
                !(t.starts_with("{{")
                    || t.starts_with(':')
                    || t.starts_with('<')
                    || t.starts_with("!["))
            })
            .map(|(k, t)| (k, t.to_owned()))
    };
    let all_lines: Vec<&str> = src.lines().collect();
    let fenced_after = |k: usize| {
        all_lines[k + 1..]
            .iter()
            .map(|l| l.trim())
            .find(|l| !l.is_empty())
            .is_some_and(|l| l.starts_with("```") || l.starts_with("~~~"))
    };
    for &(k, line) in &lines {
        let t = line.trim_start();
        match dialect {
            Dialect::Hugo if t.starts_with("{{<") || t.starts_with("{{%") => {
                for key in ["title", "caption"] {
                    for v in quoted_values(t, key) {
                        out.push((k, "shortcode argument", v.to_owned()));
                    }
                }
                // A shortcode that opens a body, alone on its line.
                let name: String = t[3..]
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '-')
                    .collect();
                let alone = t.ends_with(">}}") || t.ends_with("%}}");
                let opens = !name.is_empty()
                    && src.contains(&format!("/{name} "))
                    && t.matches("{{").count() == 1
                    && alone;
                if opens
                    && !fenced_after(k)
                    && let Some((_, body)) = first_body_line(k)
                {
                    out.push((k, "shortcode body", body));
                }
            }
            Dialect::Docusaurus
                if t.starts_with(":::") && t.len() > 3 && t.as_bytes()[3].is_ascii_alphabetic() =>
            {
                if !fenced_after(k)
                    && let Some((_, body)) = first_body_line(k)
                {
                    out.push((k, "::: body", body));
                }
            }
            Dialect::Docusaurus
                if t.starts_with('<') && t[1..].starts_with(|c: char| c.is_ascii_uppercase()) =>
            {
                for key in ["label", "title"] {
                    for v in quoted_values(t, key) {
                        out.push((k, "JSX attribute", v.to_owned()));
                    }
                }
                if t.starts_with("<TabItem")
                    && !fenced_after(k)
                    && let Some((_, body)) = first_body_line(k)
                {
                    out.push((k, "TabItem body", body));
                }
            }
            Dialect::Mdn if t.starts_with("- : ") => {
                out.push((k, "definition", t[4..].trim().to_owned()));
            }
            _ => {}
        }
        if t.starts_with("> [!")
            && let Some((_, body)) = first_body_line(k)
        {
            out.push((k, "alert body", body));
        }
        if let Some(rest) = t.strip_prefix("<summary>")
            && let Some(end) = rest.find("</summary>")
        {
            out.push((k, "summary", rest[..end].trim().to_owned()));
            if let Some((_, body)) = first_body_line(k) {
                out.push((k, "details body", body));
            }
        }
    }
    out.retain(|(_, _, text)| text.chars().any(char::is_alphabetic));
    out
}

#[test]
fn prose_inside_dialect_syntax_is_extracted() {
    let Some(sites) = sites() else { return };
    for (site, options, files) in sites {
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        let mut missed = Vec::new();
        for path in &files {
            let (src, doc) = segment(path, &options);
            for (k, what, text) in expected_prose(&src, options.dialect) {
                *counts.entry(what).or_default() += 1;
                let found = doc.segments.iter().any(|s| {
                    let first = s.text.lines().next().unwrap_or_default();
                    first.starts_with(&text) || text.starts_with(first) && !first.is_empty()
                });
                if !found {
                    missed.push(format!("{}:{} {what}: {text:?}", path.display(), k + 1));
                }
            }
        }
        assert!(
            missed.is_empty(),
            "{}: {} of {} not extracted:\n{}",
            site.name,
            missed.len(),
            counts.values().sum::<usize>(),
            missed
                .iter()
                .take(30)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
        assert!(
            counts.values().sum::<usize>() > 30,
            "{}: {counts:?}",
            site.name
        );
        eprintln!("{}: every piece of prose extracted: {counts:?}", site.name);
    }
}
