//! Tests of ids, slugs and locale comparison.

use crate::{Locale, SegmentId, SegmentKind, slug};

#[test]
fn slug_is_its_own_slug_at_the_length_limit() {
    // Found by the fuzzer: the `s` before a leading digit pushed the slug past the limit.
    for heading in [
        "8 includes abbreviasiotn title encryption",
        "12345678901234567890 1234567890 123456789",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b",
        "Übersicht: 2 Wörter",
    ] {
        let once = slug(heading);
        assert!(once.len() <= 40, "{once}");
        assert_eq!(slug(&once), once, "slug of {heading:?}");
    }
}

#[test]
fn slug_keeps_first_ascii_words() {
    assert_eq!(slug("Real-Time Communication"), "real-time-communication");
    assert_eq!(slug("2FA: what & why"), "s2fa-what-why");
    assert_eq!(slug("通信"), "section");
    assert_eq!(slug("a b c d e f g"), "a-b-c-d-e");
}

#[test]
fn derived_ids_are_valid_fluent_identifiers() {
    for kind in SegmentKind::ALL {
        for heading in ["Signal", "", "42", "¿Qué?", "a_b"] {
            let id = SegmentId::derive(heading, kind, 3);
            assert!(SegmentId::parse(id.as_str()).is_some(), "{id}");
        }
    }
    assert_eq!(
        SegmentId::derive("Signal", SegmentKind::Paragraph, 2).as_str(),
        "signal-paragraph-2"
    );
    assert!(SegmentId::parse("1seg").is_none());
    assert!(SegmentId::parse("seg.1").is_none());
}

#[test]
fn locales_compare_as_tags() {
    assert_eq!(Locale::new("pt_BR"), Locale::new("pt-br"));
    assert_ne!(Locale::new("pt"), Locale::new("pt-BR"));
    assert_eq!(Locale::new("zh_Hant").as_str(), "zh_Hant");
    for ok in ["it", "pt-BR", "zh-Hant", "it_IT", "pt-br", "yue"] {
        assert!(Locale::is_plausible(ok), "{ok}");
    }
    for bad in ["index", "v1", "x", "it-", "a.b", "readme"] {
        assert!(!Locale::is_plausible(bad), "{bad}");
    }
}

#[test]
fn the_kind_of_an_id_is_read_back() {
    for kind in crate::SegmentKind::ALL {
        // Sections that are themselves kind names or end like one.
        for section in ["Signal Messenger", "list-item", "tab", "link title x"] {
            let id = crate::SegmentId::derive(section, kind, 12);
            assert_eq!(crate::SegmentId::kind_of(id.as_str()), Some(kind), "{id}");
        }
    }
    for id in [
        "hand-written",
        "paragraph-1",
        "x-heading",
        "x-item-2",
        "x-title-3",
        "1",
        "",
    ] {
        assert_eq!(crate::SegmentId::kind_of(id), None, "{id}");
    }
}

#[test]
fn spans_read_as_a_slice_however_many_lines() {
    let mut spans = crate::Spans::default();
    assert!(spans.is_empty());
    spans.push(3..7);
    assert_eq!(spans.len(), 1);
    assert_eq!(spans[0], 3..7);
    spans.push(9..12);
    spans.push(14..15);
    assert_eq!(&spans[..], [3..7, 9..12, 14..15]);
    assert_eq!(spans.first(), Some(&(3..7)));
    assert_eq!(spans.last(), Some(&(14..15)));
    let collected: Vec<_> = (&spans).into_iter().cloned().collect();
    assert_eq!(crate::Spans::from(collected), spans);
    assert_eq!(
        serde_json::to_string(&spans).expect("serializable"),
        r#"[{"start":3,"end":7},{"start":9,"end":12},{"start":14,"end":15}]"#
    );
}

/// The slug as first written, a character at a time: ids already in
/// catalogs were made with it, so the byte-wise one must agree.
fn slug_by_chars(text: &str) -> String {
    let mut out = String::new();
    let mut words = 0;
    for word in text.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        let first = if out.is_empty() { word } else { &out };
        let extra = usize::from(!out.is_empty())
            + usize::from(first.starts_with(|c: char| c.is_ascii_digit()));
        if words == 5 || out.len() + extra + word.len() > 40 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        words += 1;
    }
    if out.is_empty() {
        return "section".to_owned();
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 's');
    }
    out
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]

    #[test]
    fn slug_agrees_with_the_slug_by_characters(
        text in "([a-zA-Z0-9]{0,12}[ \\-_:,.ÄéÜß通信😀0-9]{0,3}){0,9}"
    ) {
        proptest::prop_assert_eq!(slug(&text), slug_by_chars(&text));
    }

    #[test]
    fn slug_agrees_on_any_text(text in "\\PC{0,80}") {
        proptest::prop_assert_eq!(slug(&text), slug_by_chars(&text));
    }
}

proptest::proptest! {
    #[test]
    fn lines_are_the_pieces_between_line_breaks(text in "(a|é|\n|\r\n| |\u{2028}|x{0,70}){0,40}") {
        let wanted: Vec<&str> = text.split('\n').collect();
        proptest::prop_assert_eq!(crate::text::lines(&text), wanted);
    }
}

#[test]
fn a_macro_s_shape_keeps_the_parentheses_of_its_argument_and_reads_the_same_twice() {
    use crate::text::placeholder_shape;
    for (macro_call, shape) in [
        (
            "{{domxref(\"WebGL2RenderingContext.bufferData()\")}}",
            "{{domxref(webgl2renderingcontext.bufferdata())}}",
        ),
        ("{{cssxref(\"color\")}}", "{{cssxref(color)}}"),
        (
            "{{Glossary(\"HTTP\", \"the protocol\")}}",
            "{{glossary(http)}}",
        ),
        ("{{SeeCompatTable}}", "{{seecompattable}}"),
        (
            "{{EmbedLiveSample(\"Get the caret's screen position\", \"\", 300)}}",
            "{{embedlivesample(get_the_caret's_screen_position)}}",
        ),
        (
            "{{InteractiveExample(\"CSS Demo: color\")}}",
            "{{interactiveexample}}",
        ),
    ] {
        assert_eq!(placeholder_shape(macro_call), shape);
        assert_eq!(placeholder_shape(shape), shape, "{shape} read again");
    }
}
