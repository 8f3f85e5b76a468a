//! Catalog text in and out, escaping and sync, pinned on small cases.

use expect_test::{Expect, expect};

use crate::{Catalog, Message, parse, write};

#[track_caller]
fn check_write(catalog: &Catalog, expect: Expect) {
    let text = write(catalog);
    expect.assert_eq(&text);
    assert_eq!(&parse(&text).expect("written catalogs parse"), catalog);
}

fn message(id: &str, text: &str) -> Message {
    Message {
        id: id.to_owned(),
        text: text.to_owned(),
        ..Message::default()
    }
}

#[test]
fn escapes_what_fluent_would_change() {
    let catalog = Catalog {
        messages: vec![
            message("braces", "Heading { .class } and }{"),
            message("lines", "* star\n[bracket]\n.dot\nplain"),
            message("blanks", "  leading and trailing  "),
            message("quotes", "a \"quote\" and a \\ backslash {x}"),
            message("edges", "\nmiddle\n"),
            message("empty", ""),
        ],
        ..Catalog::default()
    };
    check_write(
        &catalog,
        expect![[r#"
            braces = { "Heading { .class } and }{" }
            lines =
                { "* star" }
                { "[bracket]" }
                { ".dot" }
                plain
            blanks = { "  leading and trailing  " }
            quotes = { "a \"quote\" and a \\ backslash {x}" }
            edges =
                { "" }
                middle
                { "" }
            empty = { "" }
        "#]],
    );
}

#[test]
fn metadata_round_trips_in_comments() {
    let mut stale = message("signal-paragraph-1", "Signal è un'app");
    stale.source = Some(crate::Fingerprint::of("new text"));
    stale.stale = true;
    stale.previous = Some("Old text\n\nsecond paragraph line".to_owned());
    stale.notes = vec!["Translators: keep the brand name.".to_owned()];
    let mut current = message("signal-heading-1", "Signal");
    current.source = Some(crate::Fingerprint::of("Signal"));
    let catalog = Catalog {
        page: Some("tools/signal".to_owned()),
        revision: Some("0123abc".to_owned()),
        retired: (1..=8).map(|n| format!("old-paragraph-{n}")).collect(),
        messages: vec![current, stale],
        obsolete: vec![message("gone-paragraph-1", "Testo rimosso")],
    };
    check_write(
        &catalog,
        expect![[r#"
            ### bitext: page tools/signal
            ### bitext: revision 0123abc
            ### bitext: retired old-paragraph-1 old-paragraph-2 old-paragraph-3 old-paragraph-4 old-paragraph-5 old-paragraph-6
            ### bitext: retired old-paragraph-7 old-paragraph-8

            # bitext: source 38cba0a354bb3929
            signal-heading-1 = Signal
            # Translators: keep the brand name.
            # bitext: source 34174d0782152b64
            # bitext: stale, previous source:
            # | Old text
            # |
            # | second paragraph line
            signal-paragraph-1 = Signal è un'app

            ## bitext: obsolete

            gone-paragraph-1 = Testo rimosso
        "#]],
    );
}

#[test]
fn junk_is_an_error_with_its_line() {
    let mut lines: Vec<String> = Vec::new();
    for src in [
        "ok = fine\n\nbroken = {\nlast = fine\n",
        "ok = fine\nvariable = { $var }\n",
        "ok = fine\nok = again\n-term = Term\n",
    ] {
        let errors = parse(src).expect_err("an error");
        lines.extend(errors.iter().map(ToString::to_string));
    }
    expect![[r#"
        [
            "line 3: Expected a token starting with \"}\"",
            "line 2: message `variable` holds a placeable other than a string literal; bitext messages are plain text (write a brace as {\"{\"})",
            "line 2: duplicate message id `ok`",
            "line 3: term `-term`: bitext catalogs hold messages only",
        ]
    "#]]
    .assert_debug_eq(&lines);
}

#[test]
fn glossary_terms_are_read_with_their_lines() {
    let terms = crate::parse_terms("# Terms of the Signal pages\n-sealed-sender = Mittente sigillato\n\n-safety-number = Numero di sicurezza\n").expect("parses");
    assert_eq!(
        terms
            .iter()
            .map(|t| (t.id.as_str(), t.value.as_str(), t.line))
            .collect::<Vec<_>>(),
        [
            ("sealed-sender", "Mittente sigillato", 2),
            ("safety-number", "Numero di sicurezza", 4)
        ]
    );
    let errors =
        crate::parse_terms("-a = A\nmessage = not a term\n-b = { $x }\n").expect_err("fails");
    assert_eq!(errors.iter().map(|e| e.line).collect::<Vec<_>>(), [2, 3]);
}

#[test]
fn ui_catalogs_are_compared_as_compare_locales_does() {
    let en = crate::parse_ui(
        "-brand = Tidewater\nwelcome = Welcome to { -brand }, { $user }!\nnotes =\n    { $count ->\n        [one] One note\n       *[other] { $count } notes\n    }\nbutton = Sync\n    .title = Sync now\ngone = Old\n",
    )
    .expect("parses");
    let it = crate::parse_ui(
        "-brand = Tidewater\nwelcome = Benvenuto in Tidewater!\nnotes =\n    { $count ->\n       *[other] { $count } note\n    }\nbutton = Sincronizza\nextra = In più\n",
    )
    .expect("parses");
    let problems: Vec<(usize, String)> = crate::compare_ui(&en, &it, "it")
        .into_iter()
        .map(|p| (p.line, p.message))
        .collect();
    let categories = crate::plural_categories("it").expect("CLDR knows Italian");
    assert!(categories.contains("one") && categories.contains("other"));
    assert_eq!(
        problems[0],
        (
            2,
            "`welcome` lacks the source's variables `$user`".to_owned()
        )
    );
    assert_eq!(
        problems[1],
        (
            2,
            "`welcome` lacks the source's references `-brand`".to_owned()
        )
    );
    assert!(
        problems[2]
            .1
            .starts_with("`notes`: plural variants `[one]`"),
        "{problems:?}"
    );
    assert_eq!(
        problems[3],
        (
            7,
            "`button` lacks the source's attributes `.title`".to_owned()
        )
    );
    assert_eq!(
        problems[4],
        (1, "`gone` is missing (source line 10)".to_owned())
    );
    assert_eq!(
        problems[5],
        (
            8,
            "`extra` is obsolete: the source has no such message".to_owned()
        )
    );
    assert_eq!(problems.len(), 6);
    assert!(crate::parse_ui("broken = {\n").is_err());
    // Japanese has only `other`: nothing to add.
    assert_eq!(
        crate::plural_categories("ja").map(|c| c.into_iter().collect::<Vec<_>>()),
        Some(vec!["other"])
    );
}

/// The quick reader's answer for `src`, checked against fluent-syntax's:
/// when it reads the text at all, it must read what the full reader reads.
#[track_caller]
fn plain_agrees(src: &str) -> Option<Catalog> {
    let plain = crate::plain::parse(src);
    if let Some(catalog) = &plain {
        assert_eq!(
            Ok(catalog),
            crate::read::parse_full(src).as_ref(),
            "the quick reader differs on {src:?}"
        );
    }
    plain
}

#[test]
fn the_quick_reader_reads_what_fluent_syntax_reads() {
    let read = |src: &str| {
        plain_agrees(src).map(|c| {
            let texts = |m: &[Message]| -> Vec<String> {
                m.iter()
                    .map(|m| format!("{}={:?} notes={:?}", m.id, m.text, m.notes))
                    .collect()
            };
            (texts(&c.messages), texts(&c.obsolete))
        })
    };
    // A comment on the line before a message is its comment; after an
    // empty line it stands alone.
    expect![[r#"
        Some(
            (
                [
                    "a=\"A\" notes=[\"note\"]",
                    "b=\"B\" notes=[]",
                ],
                [],
            ),
        )
    "#]]
    .assert_debug_eq(&read("# note\na = A\n# alone\n\nb = B\n"));
    // Indentation beyond the common one is text; empty lines inside a value
    // are kept, those around it are not; a literal line keeps its blanks.
    expect![[r#"
        Some(
            (
                [
                    "a=\"first\\n  second\\nthird\\n\\n  fourth\" notes=[]",
                    "b=\"x\\n\\n y \\ny\" notes=[]",
                    "c=\"{\" notes=[]",
                ],
                [
                    "d=\"gone\" notes=[]",
                ],
            ),
        )
    "#]]
    .assert_debug_eq(&read(
        "a = first\n      second\n    third\n\n      fourth\n\n\nb =\n\n    x\n\n    { \" y \" }\n    y\nc = { \"{\" }\n## bitext: obsolete\nd = gone\n",
    ));
    // What the quick reader leaves to fluent-syntax.
    for src in [
        "a = x\r\n",
        "a = x",
        "a = { $v }\n",
        "a = x\n    .title = y\n",
        "-t = x\n",
        "a = x\na = y\n",
        "a = { \"\\q\" }\n",
        "a = x\n\n   \n-t = y\n",
        "#x\na = x\n",
        "#### four\n",
        "a = x \n",
        "a =\n",
    ] {
        assert_eq!(plain_agrees(src), None, "{src:?}");
    }
}

#[test]
fn the_quick_reader_reads_the_corpus_as_catalogs() {
    let Some(root) = corpus::root("quick catalog reader corpus test") else {
        return;
    };
    let mut files = corpus::markdown_files(&root.join("privacyguides"));
    files.extend(corpus::markdown_files(&root.join("privacyguides-history")));
    assert!(files.len() >= 1400, "the corpus looks incomplete");
    let mut messages = 0;
    for path in &files {
        let (doc, _) = markdown::segment(&corpus::read(path));
        let texts: Vec<&str> = doc.segments.iter().map(|s| s.text.as_str()).collect();
        let mut catalog = Catalog {
            page: Some("page".to_owned()),
            retired: vec!["old-1".to_owned(), "old-2".to_owned()],
            ..Catalog::default()
        };
        for (i, segment) in doc.segments.iter().enumerate() {
            let mut m = message(segment.id.as_str(), &segment.text);
            // Every third message is stale, with another segment as its
            // previous source; every fifth has a translator's note.
            if i % 3 == 0 {
                m.source = Some(crate::Fingerprint::of(texts[(i + 1) % texts.len()]));
                m.stale = true;
                m.previous = Some(texts[(i + 1) % texts.len()].to_owned());
            }
            if i % 5 == 0 {
                m.notes.push(format!("note {i}"));
            }
            if i % 7 == 6 {
                m.id.push_str("-gone");
                catalog.obsolete.push(m);
            } else {
                catalog.messages.push(m);
            }
        }
        messages += catalog.messages.len() + catalog.obsolete.len();
        let text = write(&catalog);
        let read = plain_agrees(&text);
        assert_eq!(read.as_ref(), Some(&catalog), "{}", path.display());
    }
    assert!(messages > 90_000, "only {messages} messages");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    #[test]
    fn the_quick_reader_reads_every_written_catalog(
        texts in proptest::collection::vec("[a-c {}\\[\\]*.#=\"\\\\\t\r\n é]{0,24}", 1..6),
        stale in proptest::collection::vec(proptest::bool::ANY, 6),
    ) {
        let messages = texts
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let mut m = message(&format!("m-{i}"), text);
                if stale[i] {
                    m.stale = true;
                    m.previous = Some(texts[0].replace('\r', ""));
                }
                m
            })
            .collect();
        let catalog = Catalog { messages, ..Catalog::default() };
        let text = write(&catalog);
        let read = plain_agrees(&text);
        proptest::prop_assert_eq!(read.as_ref(), Some(&catalog));
    }

    #[test]
    fn the_quick_reader_never_reads_otherwise_than_fluent_syntax(
        lines in proptest::collection::vec(
            proptest::sample::select(vec![
                "", " ", "#", "# note", "#  two", "## bitext: obsolete", "## group",
                "### bitext: page p", "#x", "a = A", "b = B", "a=A", "b =", "c = { \"c\" }",
                "d = x { y", "    more", "      deeper", "  less", "    { \"l\\\"it\" }",
                "    { \"bad\\q\" }", "    .attr = x", "    *[other] x", "    [k] v", "    }",
                "-term = t", "\tx", "e = trailing ", "f = *not a variant", "g = { \"\" }",
                "    { \"a\" } b", "h = [x]", "i_j-k = ok",
            ]),
            0..12,
        ),
        end in proptest::bool::ANY,
    ) {
        let mut src = lines.join("\n");
        if end {
            src.push('\n');
        }
        plain_agrees(&src);
    }
}
