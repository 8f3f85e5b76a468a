//! Snapshot tests of segmentation, one construct each.

use expect_test::{Expect, expect};
use model::{Diagnostic, Document};

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
        out.push_str(&format!("{:>3} {} {}{path} {:?}\n", s.line, s.id, s.kind, s.text));
    }
    for d in diags {
        out.push_str(&format!("{:>3} ! {}: {}\n", d.line, d.kind, d.message));
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

#[test]
fn emphasis_stays_inside_heading_segment() {
    check(
        "# Hello *world*\n",
        expect![[r#"
              1 hello-world-heading-1 heading "Hello *world*"
        "#]],
    );
}
