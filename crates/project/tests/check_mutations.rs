//! Mutations of real translations, made in memory (nothing edited is
//! written anywhere): a number changed, a name swapped for another name of
//! the page, a paragraph replaced by the translation of another section's
//! paragraph, a link target changed, a box line removed, a paragraph left in
//! English. Each must be reported by the right check at the right line,
//! where the unmutated page had no such finding.

use std::collections::BTreeSet;

use model::{Document, Locale, SegmentKind};
use project::{Aligned, Check};

/// The lines a finding is about: its own, and for the one finding of a
/// page's untranslated segments, every line it lists.
fn lines_of(f: &project::Finding) -> Vec<usize> {
    let mut lines = vec![f.line];
    if f.check == Check::Untranslated
        && let Some((_, listed)) = f.message.split_once("at lines ")
    {
        lines.extend(
            listed
                .split(", ")
                .filter_map(|l| l.trim_end_matches(['…', ' ']).parse::<usize>().ok()),
        );
    }
    lines
}

/// Which check must see a mutation, and where.
struct Expected {
    what: &'static str,
    checks: &'static [Check],
    /// Lines where the finding may be (the mutated segment's line).
    lines: std::ops::RangeInclusive<usize>,
    text: String,
}

/// A paired, confident, one-to-one translated segment of the page that
/// differs from its source, in the middle of those that `fits`.
fn pick(a: &Aligned, fits: impl Fn(usize, usize) -> bool) -> Option<(usize, usize)> {
    let one_to_one = a.alignment.one_to_one();
    let found: Vec<(usize, usize)> = a
        .alignment
        .pairs
        .iter()
        .filter(|p| one_to_one.contains(&(p.source, p.translation)))
        .filter(|p| p.confidence >= 0.8 && !a.recovered[p.translation])
        .filter(|p| a.source.segments[p.source].text != a.translation[p.translation].text)
        .map(|p| (p.source, p.translation))
        .filter(|&(s, t)| fits(s, t))
        .collect();
    found.get(found.len() / 2).copied()
}

/// The translation with segment `k` given `text`.
fn with_text(doc: &Document, k: usize, text: &str) -> String {
    let mut texts: Vec<&str> = doc.texts();
    texts[k] = text;
    assemble::assemble(&doc.skeleton, &texts).expect("one text per segment")
}

fn mutations(
    a: &Aligned,
    doc: &Document,
    text: &str,
    facts: &dyn Fn(&str) -> align::Facts,
) -> Vec<Expected> {
    let src = &a.source.segments;
    let tr = &a.translation;
    // Indices into the translation's own document, which `a.translation`
    // extends with recovered segments: find by line and text.
    let own = |t: usize| {
        doc.segments
            .iter()
            .position(|s| s.line == tr[t].line && s.text == tr[t].text)
    };
    let mut out = Vec::new();
    let at = |t: usize| tr[t].line..=tr[t].line;

    // A number changed.
    if let Some((_, t)) = pick(a, |s, t| {
        let (fs, ft) = (facts(&src[s].text), facts(&tr[t].text));
        own(t).is_some()
            && ft.spelled.is_empty()
            && ft
                .numbers
                .iter()
                .any(|n| n.len() >= 2 && !n.contains('.') && fs.numbers.contains(n))
    }) {
        let ft = facts(&tr[t].text);
        let n = ft
            .numbers
            .iter()
            .find(|n| n.len() >= 2 && !n.contains('.'))
            .expect("picked for it");
        let bumped = (n.parse::<u64>().expect("digits") + 7).to_string();
        if let Some(changed) = replace_number(&tr[t].text, n, &bumped) {
            out.push(Expected {
                what: "a number changed",
                checks: &[Check::Numbers],
                lines: at(t),
                text: with_text(doc, own(t).expect("picked"), &changed),
            });
        }
    }
    // A name swapped for another name of the page.
    let page_names: BTreeSet<String> = src.iter().flat_map(|s| facts(&s.text).names).collect();
    if let Some((_, t)) = pick(a, |s, t| {
        let (fs, ft) = (facts(&src[s].text), facts(&tr[t].text));
        own(t).is_some()
            && ft
                .names
                .iter()
                .any(|n| fs.names.contains(n) && tr[t].text.matches(n.as_str()).count() == 1)
    }) {
        let (fs, ft) = (
            facts(
                &src[a
                    .alignment
                    .pairs
                    .iter()
                    .find(|p| p.translation == t)
                    .expect("paired")
                    .source]
                    .text,
            ),
            facts(&tr[t].text),
        );
        let name = ft
            .names
            .iter()
            .find(|n| fs.names.contains(n) && tr[t].text.matches(n.as_str()).count() == 1)
            .expect("picked for it");
        if let Some(other) = page_names.iter().find(|o| {
            !ft.names.contains(o) && !tr[t].text.contains(o.as_str()) && !o.contains(name.as_str())
        }) {
            out.push(Expected {
                what: "a name swapped",
                checks: &[Check::Names],
                lines: at(t),
                text: with_text(
                    doc,
                    own(t).expect("picked"),
                    &tr[t].text.replacen(name.as_str(), other, 1),
                ),
            });
        }
    }
    // A paragraph replaced by the translation of another section's paragraph.
    let paragraph = |s: usize, t: usize| {
        tr[t].kind == SegmentKind::Paragraph && own(t).is_some() && {
            let f = facts(&src[s].text);
            f.urls.len() + f.numbers.len() >= 2
        }
    };
    if let Some((s, t)) = pick(a, paragraph) {
        let other = a.alignment.pairs.iter().rev().find(|p| {
            p.translation != t
                && src[p.source].heading != src[s].heading
                && paragraph(p.source, p.translation)
                && facts(&src[p.source].text).tokens() != facts(&src[s].text).tokens()
                && p.confidence >= 0.8
                && src[p.source].text != tr[p.translation].text
        });
        if let Some(other) = other {
            out.push(Expected {
                what: "a paragraph replaced by another section's",
                checks: &[Check::Misplaced, Check::Duplicate],
                lines: at(t),
                text: with_text(doc, own(t).expect("picked"), &tr[other.translation].text),
            });
        }
    }
    // A link target changed.
    if let Some((_, t)) = pick(a, |s, t| {
        let (fs, ft) = (facts(&src[s].text), facts(&tr[t].text));
        own(t).is_some()
            && ft.urls.iter().any(|u| {
                u.starts_with("https://")
                    && fs.urls.contains(u)
                    && tr[t].text.matches(u.as_str()).count() == 1
            })
    }) {
        let ft = facts(&tr[t].text);
        let url = ft
            .urls
            .iter()
            .find(|u| u.starts_with("https://") && tr[t].text.matches(u.as_str()).count() == 1)
            .expect("picked");
        let changed = tr[t]
            .text
            .replacen(url.as_str(), &format!("{url}-moved"), 1);
        out.push(Expected {
            what: "a link target changed",
            checks: &[Check::Links],
            lines: at(t),
            text: with_text(doc, own(t).expect("picked"), &changed),
        });
    }
    // A box line removed: the finding is at the line above the box.
    let lines: Vec<&str> = text.split('\n').collect();
    if let Some(k) = lines.iter().position(|l| l.starts_with("!!! ")) {
        let mut removed = lines.clone();
        removed.remove(k);
        let above = (0..k)
            .rev()
            .find(|&i| !lines[i].trim().is_empty())
            .map_or(1, |i| i + 1);
        out.push(Expected {
            what: "a box line removed",
            checks: &[Check::Structure],
            lines: above..=k + 1,
            text: removed.join("\n"),
        });
    }
    // A box line replaced by a sentence from elsewhere on the page and
    // the type word, as an export does: the body then de-indented, made a
    // list, or gone. The finding is at the glued line.
    if let Some(sentence) = lines.iter().find(|l| {
        l.split_whitespace().count() >= 8
            && !l.starts_with([' ', '#', '!', '-', '|', '<', '[', '*'])
    }) {
        let boxes: Vec<usize> = (0..lines.len())
            .filter(|&k| lines[k].starts_with("!!! "))
            .collect();
        for &k in boxes.iter().skip(1).take(1) {
            let kind = lines[k][4..].split_whitespace().next().unwrap_or_default();
            let glued = format!("{} {kind}", sentence.trim_end());
            let body_end = (k + 1..lines.len())
                .find(|&i| !lines[i].trim().is_empty() && !lines[i].starts_with("    "))
                .unwrap_or(lines.len());
            let variants: [(&'static str, Vec<String>); 3] = [
                (
                    "a box line glued, the body not indented",
                    lines[k + 1..body_end]
                        .iter()
                        .map(|l| l.strip_prefix("    ").unwrap_or(l).to_owned())
                        .collect(),
                ),
                (
                    "a box line glued, a list after it",
                    lines[k + 1..body_end]
                        .iter()
                        .filter(|l| !l.trim().is_empty())
                        .map(|l| format!("- {}", l.trim()))
                        .collect(),
                ),
                ("a box line glued, nothing after it", vec![String::new()]),
            ];
            for (what, body) in variants {
                let mut mutated: Vec<String> = lines[..k].iter().map(|l| (*l).to_owned()).collect();
                mutated.push(glued.clone());
                mutated.extend(body);
                mutated.extend(lines[body_end..].iter().map(|l| (*l).to_owned()));
                out.push(Expected {
                    what,
                    checks: &[Check::Structure],
                    lines: k + 1..=k + 1,
                    text: mutated.join("\n"),
                });
            }
        }
    }
    // A paragraph left in English.
    if let Some((s, t)) = pick(a, |s, t| {
        tr[t].kind == SegmentKind::Paragraph
            && own(t).is_some()
            && src[s].text.split_whitespace().count() >= 8
    }) {
        out.push(Expected {
            what: "a paragraph left in English",
            checks: &[Check::Untranslated],
            lines: at(t),
            text: with_text(doc, own(t).expect("picked"), &src[s].text),
        });
    }
    out
}

/// `text` with the number `n` (as normalised) written in it replaced by `by`.
fn replace_number(text: &str, n: &str, by: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(k) = text[from..].find(n) {
        let at = from + k;
        let end = at + n.len();
        let before = at.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(end).copied();
        let alone = !before
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b',' || b == b'/')
            && !after.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'/');
        if alone {
            return Some(format!("{}{by}{}", &text[..at], &text[end..]));
        }
        from = end;
    }
    None
}

#[test]
fn each_mutation_is_reported_by_its_check_at_its_line() {
    let Some(root) = corpus::root("check mutation test") else {
        return;
    };
    let config = project::Config::from_toml(corpus::SITE_CONFIG, root.join("privacyguides"), None)
        .expect("a valid config");
    let sources = project::Sources::load(&config).expect("readable");
    let mut tried = 0;
    let mut missed = Vec::new();
    let mut per_kind: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for code in ["it", "fr", "nl"] {
        let locale = Locale::new(code);
        let aligned = project::align_locale(&config, &sources, &locale).expect("aligned");
        for page in &aligned.pages {
            // The names as a project that lists them in `[glossary] names`.
            let names = align::Names::new(page.names.iter());
            let options = align::Options {
                source_language: align::Language::English,
                language: align::Language::of_locale(code),
                names: Some(&names),
                ratio: aligned.ratio,
            };
            let reading = align::Reading {
                language: options.language,
                names: options.names,
            };
            let facts = |text: &str| align::facts_in(text, &reading);
            let doc = markdown::segment(&page.text).0;
            let before: BTreeSet<(Check, usize)> = project::check_aligned(
                &page.aligned,
                &page.source_text,
                &page.text,
                &options,
                &config.markdown,
            )
            .into_iter()
            .flat_map(|f| lines_of(&f).into_iter().map(move |l| (f.check, l)))
            .collect();
            for expected in mutations(&page.aligned, &doc, &page.text, &facts) {
                let mutated = project::align_texts(
                    &page.source_text,
                    (*page.aligned.source).clone(),
                    &expected.text,
                    markdown::segment(&expected.text).0,
                    &markdown::Options::default(),
                    &options,
                );
                let all = project::check_aligned(
                    &mutated,
                    &page.source_text,
                    &expected.text,
                    &options,
                    &config.markdown,
                );
                let found = all.into_iter().any(|f| {
                    expected.checks.contains(&f.check)
                        && lines_of(&f)
                            .into_iter()
                            .any(|l| expected.lines.contains(&l) && !before.contains(&(f.check, l)))
                });
                tried += 1;
                let entry = per_kind.entry(expected.what).or_default();
                entry.0 += 1;
                if found {
                    entry.1 += 1;
                } else {
                    missed.push(format!(
                        "{code}/{}: {} at lines {:?} not reported",
                        page.page.path, expected.what, expected.lines
                    ));
                }
            }
        }
    }
    eprintln!("mutations reported, by kind (tried, reported): {per_kind:?}");
    // A box line glued to a sentence from elsewhere: at least 95% of each shape.
    for (what, (tried_here, reported)) in &per_kind {
        if what.starts_with("a box line glued") {
            assert!(*tried_here >= 60, "{what}: only {tried_here} tried");
            assert!(
                reported * 100 >= tried_here * 95,
                "{what}: {reported} of {tried_here}"
            );
        }
    }
    eprintln!("{}", missed.join("\n"));
    assert!(tried > 600, "{tried} mutations tried");
    assert!(
        missed.len() * 20 <= tried,
        "{} of {tried} mutations were not reported by the right check at the right line",
        missed.len()
    );
}
