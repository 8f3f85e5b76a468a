//! Every format written and read back: ids, pages, fingerprints and texts
//! survive; problems are errors with their lines.

use catalog::Fingerprint;

use super::*;

/// A missing message with text every format must escape, and a stale one.
pub(crate) fn pending() -> Vec<Pending> {
    vec![
        Pending {
            page: "guide/install".into(),
            file: "docs/guide/install.md".into(),
            line: 3,
            id: "install-paragraph-1".to_owned(),
            state: MessageState::Missing,
            source: "  Run `a < b && c` with {braces} and \"quotes\" \\ back\nsecond line\t"
                .to_owned(),
            kind: "paragraph",
            heading: Some("Install".into()),
            previous: None,
            diff: None,
            translation: None,
        },
        Pending {
            page: "index".into(),
            file: "docs/index.md".into(),
            line: 7,
            id: "intro-paragraph-2".to_owned(),
            state: MessageState::Stale,
            source: "Groups of 100 members.".to_owned(),
            kind: "list-item",
            heading: None,
            previous: Some("Groups of 50 members.".to_owned()),
            diff: Some(diff::word_diff(
                "Groups of 50 members.",
                "Groups of 100 members.",
            )),
            translation: Some("Gruppi di 50 membri.".to_owned()),
        },
    ]
}

/// A file's header for `target`, from English, of project `pumps`.
pub(crate) fn header(target: &str) -> FileHeader<'_> {
    FileHeader {
        source: "en",
        target: Some(target),
        project: "pumps",
    }
}

pub(crate) fn ids_and_pages(submitted: &[Submitted]) -> Vec<(Option<&str>, &str)> {
    submitted
        .iter()
        .map(|s| (s.page.as_deref(), s.id.as_str()))
        .collect()
}

/// `read` is what the pending messages of [`pending`] (as given) were
/// written as: pages, ids, the first one's source text and no
/// translation, the second one's translation.
pub(crate) fn assert_reads_back(read: &[Submitted], pending: &[Pending]) {
    assert_eq!(
        ids_and_pages(read),
        [
            (Some("guide/install"), "install-paragraph-1"),
            (Some("index"), "intro-paragraph-2")
        ]
    );
    assert_eq!(
        read[0].source_text.as_deref(),
        Some(pending[0].source.as_str())
    );
    assert_eq!(read[0].translation, None);
    assert_eq!(read[1].translation.as_deref(), Some("Gruppi di 50 membri."));
}

#[test]
fn format_is_known_by_extension() {
    assert_eq!(Format::from_name("it.po"), Some(Format::Po));
    assert_eq!(Format::from_name("dir.x/it.XLF"), Some(Format::Xliff));
    assert_eq!(Format::from_name("guide/install.ftl"), Some(Format::Ftl));
    assert_eq!(Format::from_name("it.json"), Some(Format::Json));
    assert_eq!(Format::from_name("README"), None);
}

#[test]
fn ftl_round_trip_keeps_pages_and_fingerprints() {
    let pending = pending();
    let read = read_ftl(&pending_ftl(&pending, header("it"))).expect("own output parses");
    assert_eq!(
        ids_and_pages(&read),
        [
            (Some("guide/install"), "install-paragraph-1"),
            (Some("index"), "intro-paragraph-2")
        ]
    );
    // A value left equal to its source is not a translation.
    assert_eq!(read[0].translation, None);
    assert_eq!(read[0].source, Some(Fingerprint::of(&pending[0].source)));
    assert_eq!(read[1].translation.as_deref(), Some("Gruppi di 50 membri."));
    assert_eq!(
        read[1].source,
        Some(Fingerprint::of("Groups of 100 members."))
    );
    assert!(!read[1].needs_review);
}

#[test]
fn ftl_translated_value_is_read_with_its_line() {
    let text = pending_ftl(&pending(), header("it"))
        .replace("Gruppi di 50 membri.", "Gruppi di 100 membri.");
    let read = read_ftl(&text).expect("parses");
    let line = text
        .lines()
        .position(|l| l.starts_with("index--intro-paragraph-2 ="))
        .expect("message line")
        + 1;
    assert_eq!(read[1].line, line);
    assert_eq!(
        read[1].translation.as_deref(),
        Some("Gruppi di 100 membri.")
    );
}

#[test]
fn ftl_of_several_pages_has_unique_ids_and_reads_back_each_page_s_id() {
    // Two pages with the same id, and two pages whose keys are the same.
    let mut pending = pending();
    pending[1].id = "install-paragraph-1".to_owned();
    let mut third = pending[0].clone();
    third.page = "guide_install".into();
    pending.push(third);
    let text = pending_ftl(&pending, header("it"));
    let fluent_ids: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id))
        .collect();
    assert_eq!(
        fluent_ids,
        [
            "guide_install--install-paragraph-1",
            "index--install-paragraph-1",
            "guide_install--install-paragraph-1-2"
        ]
    );
    let read = read_ftl(&text).expect("no duplicate ids");
    assert_eq!(
        ids_and_pages(&read),
        [
            (Some("guide/install"), "install-paragraph-1"),
            (Some("index"), "install-paragraph-1"),
            (Some("guide_install"), "install-paragraph-1")
        ]
    );
}

#[test]
fn ftl_of_one_page_keeps_the_catalog_ids() {
    let pending = &pending()[..1];
    let text = pending_ftl(pending, header("it"));
    assert!(text.contains("\ninstall-paragraph-1 ="), "{text}");
    assert!(!text.contains("# id: "), "{text}");
    let read = read_ftl(&text).expect("parses");
    assert_eq!(
        ids_and_pages(&read),
        [(Some("guide/install"), "install-paragraph-1")]
    );
}

#[test]
fn ftl_errors_have_lines() {
    let errors = read_ftl("a = ok\nb = {\n").expect_err("junk");
    assert_eq!(errors[0].line, 2);
}

#[test]
fn po_round_trip_unescapes_everything() {
    let pending = pending();
    let text = pending_po(&pending, "it", "pumps");
    // References as xgettext writes them, a full header.
    assert!(text.contains("\n#: docs/guide/install.md:3\n"), "{text}");
    for field in [
        "Project-Id-Version: pumps",
        "Language: it",
        "Language-Team: it",
        "Plural-Forms: nplurals=2; plural=(n != 1);",
    ] {
        assert!(text.contains(field), "{field}: {text}");
    }
    // The file is its header and its entries, cut in pieces anywhere.
    for cut in 0..=pending.len() {
        let (a, b) = pending.split_at(cut);
        let pieces =
            crate::po_header("it", "pumps") + &crate::po_entries(a) + &crate::po_entries(b);
        assert_eq!(pieces, text);
    }
    let read = read_po(&text).expect("own output parses");
    assert_reads_back(&read, &pending);
    assert!(!read[0].needs_review);
    assert!(read[1].needs_review, "stale entries are written fuzzy");
    assert_eq!(
        read[1].source,
        Some(Fingerprint::of("Groups of 100 members."))
    );
}

#[test]
fn po_entry_lines_and_translator_edits() {
    let text = "\
msgid \"\"
msgstr \"\"
\"Language: it\\n\"

#: index
msgctxt \"index/a-paragraph-1\"
msgid \"\"
\"one\\n\"
\"two\"
msgstr \"\"
\"uno\\n\"
\"due\"
#, fuzzy
msgctxt \"guide/x/b-heading-1\"
msgid \"B\"
msgstr \"Bi\"
#~ msgid \"old\"
#~ msgstr \"vecchio\"
";
    let read = read_po(text).expect("parses");
    assert_eq!(read.len(), 2);
    assert_eq!(read[0].line, 5);
    assert_eq!(read[0].source_text.as_deref(), Some("one\ntwo"));
    assert_eq!(read[0].translation.as_deref(), Some("uno\ndue"));
    assert_eq!(read[1].line, 13);
    assert_eq!(read[1].page.as_deref(), Some("guide/x"));
    assert_eq!(read[1].id, "b-heading-1");
    assert!(read[1].needs_review);
}

#[test]
fn po_problems_are_errors_with_lines() {
    let text = "msgctxt \"p/a\"\nmsgid \"x\"\nmsgid_plural \"xs\"\nmsgstr[0] \"y\"\n\nmsgid \"no context\"\nmsgstr \"z\"\n\nmsgctxt \"p/b\"\nmsgid \"bad \\q\"\nmsgstr \"\"\n";
    let errors = read_po(text).expect_err("three problems");
    let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [3, 4, 6, 10]);
    assert!(
        errors[2].message.contains("msgctxt"),
        "{}",
        errors[3].message
    );
}

#[test]
fn a_file_says_its_locale() {
    use crate::{Format, declared_locale, same_locale};
    assert_eq!(
        declared_locale(Format::Ftl, &pending_ftl(&pending(), header("pt-BR"))).as_deref(),
        Some("pt-BR")
    );
    let po = "msgid \"\"\nmsgstr \"\"\n\"Language: pt_BR\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgctxt \"p/a\"\nmsgid \"x\"\nmsgstr \"y\"\n";
    assert_eq!(declared_locale(Format::Po, po).as_deref(), Some("pt_BR"));
    assert!(same_locale("pt_BR", "pt-br"));
    assert!(!same_locale("pt", "pt-BR"));
    let xliff2 = "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"fr\">\n<file id=\"f1\"></file></xliff>";
    assert_eq!(
        declared_locale(Format::Xliff, xliff2).as_deref(),
        Some("fr")
    );
    let xliff12 = "<xliff version=\"1.2\"><file original=\"p\" source-language=\"en\" target-language='de' datatype=\"plaintext\"><body/></file></xliff>";
    assert_eq!(
        declared_locale(Format::Xliff, xliff12).as_deref(),
        Some("de")
    );
    assert_eq!(
        declared_locale(Format::Po, "msgid \"a\"\nmsgstr \"b\"\n"),
        None
    );
}

#[test]
fn json_round_trip_keeps_texts_pages_and_lines() {
    let pending = pending();
    let text = messages_json(&pending, header("it"));
    assert_eq!(declared_locale(Format::Json, &text).as_deref(), Some("it"));
    let read = read_json(&text).expect("own output parses");
    assert_reads_back(&read, &pending);
    assert_eq!(read[0].source, Some(Fingerprint::of(&pending[0].source)));
    // Each message's line is its id's.
    for entry in &read {
        let line = text.lines().nth(entry.line - 1).expect("the line exists");
        assert!(
            line.contains(&format!("\"id\": \"{}\"", entry.id)),
            "{line}"
        );
    }
    // A template has neither a locale nor translations.
    let template = messages_json(
        &pending,
        FileHeader {
            target: None,
            ..header("it")
        },
    );
    assert_eq!(declared_locale(Format::Json, &template), None);
    assert!(
        read_json(&template)
            .expect("a template parses")
            .iter()
            .all(|s| s.translation.is_none())
    );
}

#[test]
fn json_problems_are_errors_with_lines() {
    let errors =
        read_json("{\n  \"messages\": [\n    {\"page\": 3}\n  ]\n}").expect_err("bad page");
    assert_eq!(errors[0].line, 3, "{errors:?}");
    let other = read_json("{\"format\": \"i18next\", \"messages\": []}").expect_err("other format");
    assert!(other[0].message.contains("i18next"));
}
