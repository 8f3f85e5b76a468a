//! Snapshot tests of segmentation, one construct each.

use expect_test::{Expect, expect};
use model::{Diagnostic, Document, SegmentKind};

/// One line per segment (`line id kind [containers] "text"`), then diagnostics.
pub(crate) fn render(doc: &Document, diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for s in &doc.segments {
        let containers: Vec<String> = s.containers.iter().map(ToString::to_string).collect();
        let path = if containers.is_empty() {
            String::new()
        } else {
            format!(" [{}]", containers.join(" > "))
        };
        out.push_str(&format!(
            "{:<3} {} {}{path} {:?}\n",
            s.line, s.id, s.kind, s.text
        ));
    }
    for d in diags {
        out.push_str(&format!("{:<3} ! {}: {}\n", d.line, d.kind, d.message));
    }
    out
}

#[track_caller]
fn check(src: &str, expect: Expect) {
    let (doc, diags) = crate::segment(src);
    let rebuilt = assemble::assemble(&doc.skeleton, &doc.texts()).expect("one text per slot");
    assert_eq!(rebuilt, src, "round trip");
    expect.assert_eq(&render(&doc, &diags));
}

/// Every `tests/fixtures/<name>.md` (MkDocs) and
/// `tests/fixtures/<dialect>/<name>.md` or `.mdx` round-trips and segments
/// as `<name>.segments` beside it says, with its landmarks.
#[test]
fn fixtures() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut count = 0;
    for dialect in crate::Dialect::ALL {
        let folder = match dialect {
            crate::Dialect::Mkdocs => dir.clone(),
            other => dir.join(other.name()),
        };
        let mut names: Vec<String> = std::fs::read_dir(&folder)
            .expect("fixtures folder")
            .filter_map(|e| {
                let name = e.ok()?.file_name().to_str()?.to_owned();
                (name.ends_with(".md") || name.ends_with(".mdx")).then_some(name)
            })
            .collect();
        names.sort();
        assert!(!names.is_empty(), "no fixtures for {dialect}");
        let options = crate::Options::for_dialect(dialect);
        for name in names {
            let src = std::fs::read_to_string(folder.join(&name)).expect("fixture is UTF-8");
            let (doc, diags) = crate::segment_with(&src, &options);
            let rebuilt =
                assemble::assemble(&doc.skeleton, &doc.texts()).expect("one text per slot");
            assert_eq!(rebuilt, src, "{dialect} {name}: round trip");
            let mut rendered = render(&doc, &diags);
            for landmark in crate::landmarks(&src, &options).items {
                rendered.push_str(&format!("{:<3} = {}\n", landmark.line, landmark.shape));
            }
            let stem = name.trim_end_matches(".mdx").trim_end_matches(".md");
            let golden = folder.join(format!("{stem}.segments"));
            expect_test::expect_file![golden].assert_eq(&rendered);
            count += 1;
        }
    }
    assert!(count >= 16, "fixtures missing: {count}");
}

#[test]
fn emphasis_stays_inside_heading_segment() {
    check(
        "# Hello *world*\n",
        expect![[r#"
            1   hello-world-heading-1 heading "Hello *world*"
        "#]],
    );
}

#[test]
fn prose_paragraph_keeps_links_and_attribute_lists_inline() {
    check(
        "See [the guide](g.md){ .md-button } and `--help`.\n",
        expect![[r#"
            1   intro-paragraph-1 paragraph "See [the guide](g.md){ .md-button } and `--help`."
        "#]],
    );
}

#[test]
fn escaped_first_character_stays_in_the_text() {
    check(
        "\\*Not emphasis\\*, a literal star.\n",
        expect![[r#"
            1   intro-paragraph-1 paragraph "\\*Not emphasis\\*, a literal star."
        "#]],
    );
}

#[test]
fn container_marker_inside_code_is_not_a_container() {
    check("```\n!!! note\n    body\n```\n", expect![""]);
}

#[test]
fn hard_break_and_trailing_space_stay_where_they_are() {
    check(
        "First line  \nsecond line.   \n",
        expect![[r#"
            1   intro-paragraph-1 paragraph "First line  \nsecond line."
        "#]],
    );
}

#[test]
fn translated_text_is_reindented_into_its_container() {
    let src = "- item\n\n    !!! note\n\n        One line.\n";
    let (doc, _) = crate::segment(src);
    let texts: Vec<&str> = doc
        .segments
        .iter()
        .map(|s| {
            if s.text == "One line." {
                "Prima riga\nseconda riga\nterza."
            } else {
                s.text.as_str()
            }
        })
        .collect();
    let out = assemble::assemble(&doc.skeleton, &texts).expect("one text per slot");
    assert_eq!(
        out,
        "- item\n\n    !!! note\n\n        Prima riga\n        seconda riga\n        terza.\n"
    );
}

#[test]
fn an_unquoted_attribute_value_is_quoted_when_its_new_text_needs_it() {
    let src = "[:octicons-home-16:](https://a.org){ .card-link title=Homepage }\n[:octicons-code-16:](https://b.org){ .card-link title=\"Source Code\" }\n";
    let (doc, _) = crate::segment(src);
    let titles: Vec<usize> = (0..doc.segments.len())
        .filter(|&k| doc.segments[k].kind == SegmentKind::AttributeTitle)
        .collect();
    assert_eq!(titles.len(), 2);
    let (a, b) = (titles[0], titles[1]);
    let fit = |k: usize, text: &'static str| {
        super::fit(&doc.skeleton, k, SegmentKind::AttributeTitle, text)
    };
    assert_eq!(fit(a, "Principale"), "Principale");
    assert_eq!(fit(a, "Pagina principale"), "\"Pagina principale\"");
    assert_eq!(fit(a, "Pagina \"principale\""), "'Pagina \"principale\"'");
    assert_eq!(
        fit(b, "Codice sorgente"),
        "Codice sorgente",
        "already quoted"
    );
    // Written back and read again, the texts are the translations.
    let mut texts = doc.texts();
    let quoted = fit(a, "Pagina principale");
    texts[a] = &quoted;
    texts[b] = "Codice sorgente";
    let page = assemble::assemble(&doc.skeleton, &texts).expect("assembles");
    let again = crate::segment(&page).0;
    assert_eq!(again.segments[a].text, "Pagina principale");
    assert_eq!(again.segments[b].text, "Codice sorgente");
}

/// Found by the fuzzer: a block scalar line indented less than the first
/// one lost bytes of its first character (`€`), and the slice panicked.
#[test]
fn a_block_scalar_line_indented_less_keeps_its_characters() {
    check(
        "---\ndescription:>\n  .\n \u{20ac}\n---",
        expect![[r#"
            3   intro-front-matter-1 front-matter ".\n€"
        "#]],
    );
    check(
        "---\ndescription: >\n   Wide\n \u{3000}and thin\n---\n",
        expect![[r#"
            3   intro-front-matter-1 front-matter "Wide\n\u{3000}and thin"
        "#]],
    );
}

#[test]
fn front_matter_values_are_found_by_dotted_keys() {
    let yaml = "---\ntitle: Pumps\nl10n:\n  sourceCommit: 0a1b2c3 # the English commit\nother:\n  sourceCommit: no\ndefault_lang_commit: 'abc1234'\n---\n\nText.\n";
    let value = |text: &str, key: &str| crate::front_matter_value(text, key);
    assert_eq!(
        value(yaml, "l10n.sourceCommit"),
        Some(("0a1b2c3".to_owned(), 4))
    );
    assert_eq!(
        value(yaml, "default_lang_commit"),
        Some(("abc1234".to_owned(), 7))
    );
    assert_eq!(value(yaml, "sourceCommit"), None);
    assert_eq!(value(yaml, "missing"), None);
    let toml = "+++\ntitle = \"Pumps\"\ndefault_lang_commit = \"def5678\"\n[l10n]\nsourceCommit = \"9f9f9f9\"\n+++\nText.\n";
    assert_eq!(
        value(toml, "default_lang_commit"),
        Some(("def5678".to_owned(), 3))
    );
    assert_eq!(
        value(toml, "l10n.sourceCommit"),
        Some(("9f9f9f9".to_owned(), 5))
    );
    assert_eq!(value("No front matter.\n", "title"), None);
}

#[test]
fn a_line_of_macros_is_a_landmark_only_as_a_block_of_its_own() {
    let options = crate::Options::for_dialect(crate::Dialect::Mdn);
    let src = "{{jsSidebar}}\n{{SeeCompatTable}}\n\nThe constant returns a\n{{jsxref(\"Float32Array\")}}.\n\n- {{domxref(\"Window.scrollTo()\")}}\n  - : Scrolls.\n\n{{Specifications}}\n";
    let lines: Vec<(usize, String)> = crate::landmarks(src, &options)
        .items
        .into_iter()
        .map(|l| (l.line, l.shape))
        .collect();
    assert_eq!(
        lines,
        [
            (1, "{{jssidebar}}".to_owned()),
            (2, "{{seecompattable}}".to_owned()),
            (7, "{{domxref(window.scrollto())}}".to_owned()),
            (10, "{{specifications}}".to_owned()),
        ]
    );
}
