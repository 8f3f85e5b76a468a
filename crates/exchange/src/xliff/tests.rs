//! XLIFF 2.0 and 1.2 written and read back: texts, codes and states survive.

use expect_test::expect;

use super::*;
use crate::tests::{assert_reads_back, header, ids_and_pages, pending};
use crate::{FileHeader, MessageState, Pending};

#[test]
fn xliff_output_is_xliff_2() {
    let pending = pending();
    let text = xliff(&pending[1..], header("it"), XliffVersion::V2);
    expect![[r#"
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:bitext="urn:bitext:xliff" version="2.0" srcLang="en" trgLang="it">
          <file id="f1" original="index">
            <notes>
              <note category="project">pumps</note>
            </notes>
            <unit id="intro-paragraph-2" type="bitext:list-item" bitext:translation="8c86da5bba61161c">
              <notes>
                <note category="previous-source">Groups of 50 members.</note>
                <note category="diff">Groups of [-50-]{+100+} members.</note>
              </notes>
              <segment state="initial" subState="bitext:stale">
                <source xml:space="preserve">Groups of 100 members.</source>
                <target xml:space="preserve">Gruppi di 50 membri.</target>
              </segment>
            </unit>
          </file>
        </xliff>
    "#]]
    .assert_eq(&text);
}

#[test]
fn xliff_round_trip_keeps_text_exactly() {
    let mut pending = pending();
    pending[0].source.push_str("\r\n<end> & 'done'");
    let text = xliff(&pending, header("it"), XliffVersion::V2);
    let read = read_xliff(&text).expect("own output parses");
    assert_reads_back(&read, &pending);
    assert!(read[1].needs_review);
}

#[test]
fn xliff_translated_units_with_entities_and_cdata() {
    let text = r#"<?xml version="1.0"?>
<xliff version="2.0" srcLang="en" trgLang="it" xmlns="urn:oasis:names:tc:xliff:document:2.0">
 <file id="f1" original="guide/sync">
  <unit id="a-paragraph-1">
   <segment state="translated">
    <source>A &amp; B &#x41;</source>
    <target>A &amp; <![CDATA[<B>]]> <mrk id="m1" translate="no">&#65;</mrk></target>
   </segment>
  </unit>
  <unit id="b-paragraph-1"><segment><source>x</source><target/></segment></unit>
 </file>
</xliff>"#;
    let read = read_xliff(text).expect("parses");
    assert_eq!(read.len(), 2);
    assert_eq!(read[0].line, 4);
    assert_eq!(read[0].source_text.as_deref(), Some("A & B A"));
    assert_eq!(read[0].translation.as_deref(), Some("A & <B> A"));
    assert!(!read[0].needs_review);
    assert_eq!(read[1].translation, None);
}

#[test]
fn xliff_problems_are_errors_with_lines() {
    let broken = "<xliff version=\"2.0\">\n<file original=\"p\">\n<unit id=\"a\">\n</file>\n";
    let errors = read_xliff(broken).expect_err("mismatched end tag");
    assert_eq!(errors[0].line, 4, "{errors:?}");
    let placeholder = "<xliff version=\"2.0\"><file original=\"p\">\n<unit id=\"a\"><segment><source>x</source>\n<target>y <ph id=\"1\"/></target></segment></unit></file></xliff>";
    let errors = read_xliff(placeholder).expect_err("placeholder");
    assert_eq!(errors[0].line, 3);
    assert!(errors[0].message.contains("<ph>"), "{}", errors[0].message);
    let old = "<xliff version=\"1.0\"></xliff>";
    assert!(read_xliff(old).is_err());
    assert!(read_xliff("<html></html>").is_err());
}

/// A current message whose source and translation hold codes, one of them
/// changed by the translator.
fn with_codes() -> Pending {
    Pending {
        page: "guide/cli".into(),
        file: "docs/guide/cli.md".into(),
        line: 4,
        id: "cli-paragraph-1".to_owned(),
        state: MessageState::Current,
        source: "Run `make <target>` or press <kbd>Ctrl</kbd> & {{< key >}}.".to_owned(),
        kind: "paragraph",
        heading: Some("CLI".into()),
        previous: None,
        diff: None,
        translation: Some("Premi <kbd>Ctrl</kbd> o esegui `make all`.".to_owned()),
    }
}

#[test]
fn xliff_2_codes_are_placeholders_into_original_data() {
    let text = xliff(&[with_codes()], header("it"), XliffVersion::V2);
    expect![[r#"
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:bitext="urn:bitext:xliff" version="2.0" srcLang="en" trgLang="it">
          <file id="f1" original="guide/cli">
            <notes>
              <note category="project">pumps</note>
            </notes>
            <unit id="cli-paragraph-1" type="bitext:paragraph" bitext:translation="122941c7895068b2">
              <notes>
                <note category="heading">CLI</note>
              </notes>
              <originalData>
                <data id="d1" xml:space="preserve">`make &lt;target&gt;`</data>
                <data id="d2" xml:space="preserve">&lt;kbd&gt;</data>
                <data id="d3" xml:space="preserve">&lt;/kbd&gt;</data>
                <data id="d4" xml:space="preserve">{{&lt; key &gt;}}</data>
                <data id="d5" xml:space="preserve">`make all`</data>
              </originalData>
              <segment state="translated" subState="bitext:current">
                <source xml:space="preserve">Run <ph id="1" dataRef="d1" disp="`make &lt;target&gt;`"/> or press <ph id="2" dataRef="d2" disp="&lt;kbd&gt;"/>Ctrl<ph id="3" dataRef="d3" disp="&lt;/kbd&gt;"/> &amp; <ph id="4" dataRef="d4" disp="{{&lt; key &gt;}}"/>.</source>
                <target xml:space="preserve">Premi <ph id="2" dataRef="d2" disp="&lt;kbd&gt;"/>Ctrl<ph id="3" dataRef="d3" disp="&lt;/kbd&gt;"/> o esegui <ph id="5" dataRef="d5" disp="`make all`"/>.</target>
              </segment>
            </unit>
          </file>
        </xliff>
    "#]]
    .assert_eq(&text);
    let read = read_xliff(&text).expect("own output parses");
    assert_eq!(
        read[0].source_text.as_deref(),
        Some(with_codes().source.as_str())
    );
    assert_eq!(read[0].translation, with_codes().translation);
    assert!(!read[0].needs_review, "a translated segment is done");
}

#[test]
fn xliff_1_2_holds_codes_in_placeholders_and_states_on_targets() {
    let mut messages = pending();
    messages.push(with_codes());
    let text = xliff(&messages[1..], header("it"), XliffVersion::V1_2);
    expect![[r#"
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
          <file original="index" source-language="en" datatype="x-markdown" product-name="pumps" target-language="it">
            <body>
              <trans-unit id="intro-paragraph-2" restype="x-list-item" xml:space="preserve" extradata="bitext-translation:8c86da5bba61161c">
                <source>Groups of 100 members.</source>
                <target state="needs-review-translation">Gruppi di 50 membri.</target>
                <note from="bitext">previous-source: Groups of 50 members.</note>
                <note from="bitext">diff: Groups of [-50-]{+100+} members.</note>
              </trans-unit>
            </body>
          </file>
          <file original="guide/cli" source-language="en" datatype="x-markdown" product-name="pumps" target-language="it">
            <body>
              <trans-unit id="cli-paragraph-1" restype="x-paragraph" xml:space="preserve" extradata="bitext-translation:122941c7895068b2">
                <source>Run <ph id="1">`make &lt;target&gt;`</ph> or press <ph id="2">&lt;kbd&gt;</ph>Ctrl<ph id="3">&lt;/kbd&gt;</ph> &amp; <ph id="4">{{&lt; key &gt;}}</ph>.</source>
                <target state="translated">Premi <ph id="1">&lt;kbd&gt;</ph>Ctrl<ph id="2">&lt;/kbd&gt;</ph> o esegui <ph id="3">`make all`</ph>.</target>
                <note from="bitext">heading: CLI</note>
              </trans-unit>
            </body>
          </file>
        </xliff>
    "#]]
    .assert_eq(&text);
    let read = read_xliff(&text).expect("own output parses");
    assert_eq!(
        ids_and_pages(&read),
        [
            (Some("index"), "intro-paragraph-2"),
            (Some("guide/cli"), "cli-paragraph-1")
        ]
    );
    assert!(read[0].needs_review, "a stale translation needs review");
    assert!(!read[1].needs_review);
    assert_eq!(
        read[1].source_text.as_deref(),
        Some(with_codes().source.as_str())
    );
    assert_eq!(read[1].translation, with_codes().translation);
}

#[test]
fn a_template_has_sources_only() {
    for version in [XliffVersion::V2, XliffVersion::V1_2] {
        let template = FileHeader {
            target: None,
            ..header("it")
        };
        let text = xliff(&[with_codes()], template, version);
        assert!(!text.contains("<target"), "{text}");
        assert!(!text.contains("trgLang") && !text.contains("target-language"));
        let read = read_xliff(&text).expect("parses");
        assert_eq!(read[0].translation, None);
    }
}

#[test]
fn codes_without_their_text_are_errors_and_with_it_are_read() {
    let v12 = "<xliff version=\"1.2\"><file original=\"p\" source-language=\"en\" datatype=\"plaintext\"><body>\n<trans-unit id=\"a\"><source>x <x id=\"1\"/></source></trans-unit></body></file></xliff>";
    let errors = read_xliff(v12).expect_err("<x/> has no code");
    assert_eq!(errors[0].line, 2);
    let pc = "<xliff version=\"2.0\" srcLang=\"en\"><file id=\"f\" original=\"p\"><unit id=\"a\"><originalData><data id=\"s\">**</data><data id=\"e\">**</data></originalData><segment><source>a <pc id=\"1\" dataRefStart=\"s\" dataRefEnd=\"e\">bold</pc> <cp hex=\"0007\"/></source></segment></unit></file></xliff>";
    let read = read_xliff(pc).expect("pc with data");
    assert_eq!(read[0].source_text.as_deref(), Some("a **bold** \u{7}"));
}

#[test]
fn characters_xml_cannot_hold_come_back_through_both_versions() {
    // A backspace a translation platform left in a real translation
    // (kubevela.io's zh pages), in text and in a code span.
    let mut message = with_codes();
    message.source = "Run `a\u{8}b` now".to_owned();
    message.translation = Some("Esegui\u{8} ora\u{1f}.".to_owned());
    for version in [XliffVersion::V2, XliffVersion::V1_2] {
        let text = xliff(std::slice::from_ref(&message), header("it"), version);
        assert!(
            !text.contains('\u{8}') && !text.contains('\u{1f}'),
            "{version:?}: {text}"
        );
        let read = read_xliff(&text).expect("own output parses");
        assert_eq!(
            read[0].source_text.as_deref(),
            Some(message.source.as_str())
        );
        assert_eq!(read[0].translation, message.translation, "{version:?}");
    }
}
