//! Property tests: any input segments without panicking and reassembles to
//! itself; any replacement texts assemble without panicking.

use proptest::prelude::*;

/// Lines that exercise the segmenter's special cases.
fn line() -> impl Strategy<Value = String> {
    let fragments = prop::sample::select(vec![
        "",
        "!!! note",
        "!!! warning \"Title\"",
        "??? info",
        "???+ tip \"T\"",
        "=== \"Tab\"",
        "---",
        "title: \"x\"",
        "description: >-",
        "- item",
        "1. first",
        "> quote",
        "| a | b |",
        "| --- | --- |",
        "```",
        "~~~",
        "[link](url){ .md-button }",
        "[:octicons-home-16: Home](h){ .card-link title=\"T\" }",
        "![alt](img.svg){ align=right }",
        "*[HTML]: Hyper",
        "[^1]: note",
        "Term",
        ":   Def",
        "<div markdown>",
        "</div>",
        "<!-- bitext: skip -->",
        "--8<-- \"x\"",
        "# Heading { #id }",
        "text *em* `code`",
        "\\*esc",
        "{",
        "}",
        "\"",
        "&amp;",
        "$x$",
        "\t",
        "é\u{301}",
        "\u{feff}",
    ]);
    (0usize..13, fragments, "[a-z {}\\[\\]():!?=*`\"-]{0,12}")
        .prop_map(|(indent, fragment, tail)| format!("{}{fragment}{tail}", " ".repeat(indent)))
}

fn document() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(line(), 0..30),
        prop::bool::ANY,
        prop::bool::ANY,
    )
        .prop_map(|(lines, crlf, end)| {
            let mut doc = lines.join(if crlf { "\r\n" } else { "\n" });
            if end {
                doc.push('\n');
            }
            doc
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn structured_input_round_trips(doc in document()) {
        let (segmented, _) = markdown::segment(&doc);
        let rebuilt = assemble::assemble(&segmented.skeleton, &segmented.texts()).expect("one text per slot");
        prop_assert_eq!(rebuilt, doc);
    }

    #[test]
    fn arbitrary_input_round_trips(doc in any::<String>()) {
        let (segmented, _) = markdown::segment(&doc);
        let rebuilt = assemble::assemble(&segmented.skeleton, &segmented.texts()).expect("one text per slot");
        prop_assert_eq!(rebuilt, doc);
    }

    #[test]
    fn one_line_texts_are_spliced_whole(doc in document(), text in "[a-z ]{0,20}") {
        let (segmented, _) = markdown::segment(&doc);
        let texts = vec![text.as_str(); segmented.segments.len()];
        let out = assemble::assemble(&segmented.skeleton, &texts).expect("one text per slot");
        prop_assert_eq!(out.len(), segmented.skeleton.text.len() + texts.len() * text.len());
    }

    #[test]
    fn multi_line_texts_keep_every_line(doc in document(), text in "[a-z]{1,5}(\n[a-z]{1,5}){0,3}") {
        let (segmented, _) = markdown::segment(&doc);
        let texts = vec![text.as_str(); segmented.segments.len()];
        let out = assemble::assemble(&segmented.skeleton, &texts).expect("one text per slot");
        let breaks = text.matches('\n').count() * texts.len();
        prop_assert!(out.matches('\n').count() >= segmented.skeleton.text.matches('\n').count() + breaks);
    }
}
