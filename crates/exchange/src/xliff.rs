//! Pending messages as XLIFF 2.0, and translations read back from it.
//!
//! One `<file>` per page (`original` is the page path), one `<unit>` per
//! message (`id` is the message id). A missing message is a segment with
//! `state="initial"` and no target; a stale one has `state="initial"`,
//! `subState="bitext:stale"` and the current translation as its target. The
//! heading, the previous source and the word diff are notes.

use std::borrow::Cow;

use catalog::Fingerprint;
use quick_xml::events::{BytesDecl, BytesRef, BytesStart, BytesText, Event};
use quick_xml::{Reader, Writer};

use crate::{Error, Pending, PendingState, Submitted, line_of};

const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2.0";

/// The pending messages of `target` (translated from `source`) as XLIFF 2.0.
pub fn pending_xliff(pending: &[Pending], source: &str, target: &str) -> String {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    write_document(&mut writer, pending, source, target).expect("writing to memory");
    let mut out = String::from_utf8(writer.into_inner()).expect("XML written from UTF-8 text");
    out.push('\n');
    out
}

fn write_document(
    w: &mut Writer<Vec<u8>>,
    pending: &[Pending],
    source: &str,
    target: &str,
) -> std::io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("xliff")
        .with_attributes([
            ("xmlns", NAMESPACE),
            ("version", "2.0"),
            ("srcLang", source),
            ("trgLang", target),
        ])
        .write_inner_content(|w| {
            let mut rest = pending;
            let mut file = 0;
            while let Some(first) = rest.first() {
                let count = rest.iter().take_while(|p| p.page == first.page).count();
                let (page, after) = rest.split_at(count);
                rest = after;
                file += 1;
                w.create_element("file")
                    .with_attributes([
                        ("id", format!("f{file}").as_str()),
                        ("original", &first.page),
                    ])
                    .write_inner_content(|w| {
                        for p in page {
                            write_unit(w, p)?;
                        }
                        Ok(())
                    })?;
            }
            Ok(())
        })?;
    Ok(())
}

fn write_unit(w: &mut Writer<Vec<u8>>, p: &Pending) -> std::io::Result<()> {
    w.create_element("unit")
        .with_attribute(("id", p.id.as_str()))
        .write_inner_content(|w| {
            let mut notes: Vec<(&str, Cow<'_, str>)> = Vec::new();
            if let Some(heading) = &p.heading {
                notes.push(("heading", Cow::Borrowed(heading)));
            }
            if let Some(previous) = &p.previous {
                notes.push(("previous-source", Cow::Borrowed(previous)));
            }
            if let Some(changes) = &p.diff {
                notes.push(("diff", Cow::Owned(diff::render_inline(changes))));
            }
            if !notes.is_empty() {
                w.create_element("notes").write_inner_content(|w| {
                    for (category, text) in &notes {
                        w.create_element("note")
                            .with_attribute(("category", *category))
                            .write_text_content(text_event(text))?;
                    }
                    Ok(())
                })?;
            }
            let sub_state = match p.state {
                PendingState::Missing => "bitext:missing",
                PendingState::Stale => "bitext:stale",
            };
            w.create_element("segment")
                .with_attributes([("state", "initial"), ("subState", sub_state)])
                .write_inner_content(|w| {
                    w.create_element("source")
                        .with_attribute(("xml:space", "preserve"))
                        .write_text_content(text_event(&p.source))?;
                    if let Some(translation) = &p.translation {
                        w.create_element("target")
                            .with_attribute(("xml:space", "preserve"))
                            .write_text_content(text_event(translation))?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

/// Escaped text; a carriage return is a character reference, because XML
/// parsers turn a literal one into a line feed.
fn text_event(text: &str) -> BytesText<'static> {
    let escaped = quick_xml::escape::escape(text).replace('\r', "&#13;");
    BytesText::from_escaped(escaped)
}

/// Where the reader is inside a unit.
#[derive(Debug, Default)]
struct Unit {
    line: usize,
    id: String,
    segments: usize,
    state: Option<String>,
    source: Option<String>,
    target: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Text {
    Source,
    Target,
}

impl Unit {
    fn text(&mut self, which: Text) -> &mut Option<String> {
        match which {
            Text::Source => &mut self.source,
            Text::Target => &mut self.target,
        }
    }
}

/// The units of an XLIFF 2.0 file. A unit needs an `id`, its `<file>` an
/// `original` (the page). Inline elements that stand for content
/// (`<ph>`, `<sc>`, `<ec>`, `<cp>`) and units of several segments are errors:
/// bitext writes neither, and dropping them would lose text.
pub fn read_xliff(text: &str) -> Result<Vec<Submitted>, Vec<Error>> {
    let mut reader = Reader::from_str(text);
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut page: Option<String> = None;
    let mut unit: Option<Unit> = None;
    let mut inside: Option<Text> = None;
    let mut saw_xliff = false;
    // Elements open: a file that ends with some open is truncated.
    let mut open: Vec<String> = Vec::new();
    // Lines are counted as the reader moves on, never from the start again.
    let (mut counted_to, mut counted_line) = (0, 1);
    let mut line_at = |offset: usize| {
        counted_line += text.as_bytes()[counted_to..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        counted_to = offset;
        counted_line
    };
    loop {
        let at = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                errors.push(Error {
                    line: line_of(text, reader.error_position() as usize),
                    message: format!("not well-formed XML: {e}"),
                });
                break;
            }
        };
        let line = line_at(at);
        let mut problem = |message: String| errors.push(Error { line, message });
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            _ => (None, false),
        };
        match &event {
            Event::Start(e) => open.push(local_name(e)),
            Event::End(_) => {
                open.pop();
            }
            _ => {}
        }
        if let Some(e) = start {
            let name = local_name(e);
            if inside.is_some() {
                if matches!(name.as_str(), "ph" | "sc" | "ec" | "cp") {
                    problem(format!(
                        "inline element <{name}> in a unit: bitext's texts are plain, so it cannot be kept"
                    ));
                }
                continue;
            }
            match name.as_str() {
                "xliff" => {
                    saw_xliff = true;
                    if let Some(version) = attribute(e, "version")
                        && !version.starts_with('2')
                    {
                        problem(format!("XLIFF version {version}: bitext reads XLIFF 2.0"));
                    }
                }
                "file" => page = attribute(e, "original"),
                "unit" => {
                    unit = Some(Unit {
                        line,
                        id: attribute(e, "id").unwrap_or_default(),
                        ..Unit::default()
                    });
                }
                "segment" => {
                    if let Some(unit) = &mut unit {
                        unit.segments += 1;
                        unit.state = attribute(e, "state");
                    }
                }
                "source" | "target" => {
                    if let Some(unit) = &mut unit {
                        let which = if name == "source" {
                            Text::Source
                        } else {
                            Text::Target
                        };
                        unit.text(which).get_or_insert_default();
                        // `<target/>` is an empty text and has no end tag.
                        if !empty {
                            inside = Some(which);
                        }
                    }
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Eof => {
                if let Some(element) = open.last() {
                    problem(format!(
                        "the file ends inside <{element}> ({} element(s) left open): it is truncated",
                        open.len()
                    ));
                }
                break;
            }
            Event::End(e) => match e.local_name().as_ref() {
                "source" | "target" => inside = None,
                "file" => page = None,
                "unit" => {
                    let Some(u) = unit.take() else { continue };
                    if u.id.is_empty() {
                        problem_at(&mut errors, u.line, "a unit without an id".to_owned());
                    } else if u.segments > 1 {
                        problem_at(
                            &mut errors,
                            u.line,
                            format!(
                                "unit `{}` has {} segments; bitext writes one per unit",
                                u.id, u.segments
                            ),
                        );
                    } else if let Some(source) = u.source {
                        let translation = u.target.filter(|t| !t.is_empty());
                        out.push(Submitted {
                            line: u.line,
                            page: page.clone(),
                            id: u.id,
                            source: Some(Fingerprint::of(&source)),
                            source_text: Some(source),
                            translation,
                            needs_review: u.state.as_deref() == Some("initial"),
                        });
                    } else {
                        problem_at(
                            &mut errors,
                            u.line,
                            format!("unit `{}` has no <source>", u.id),
                        );
                    }
                }
                _ => {}
            },
            Event::Text(t) => {
                if let Some(which) = inside {
                    push_text(&mut unit, which, &t.xml10_content());
                }
            }
            Event::CData(t) => {
                if let Some(which) = inside {
                    push_text(&mut unit, which, &t);
                }
            }
            Event::GeneralRef(r) => {
                if let Some(which) = inside {
                    match resolve(&r) {
                        Some(c) => push_text(&mut unit, which, &c),
                        None => problem(format!("unknown entity `&{};`", &*r)),
                    }
                }
            }
            _ => {}
        }
    }
    if errors.is_empty() && !saw_xliff {
        errors.push(Error {
            line: 1,
            message: "no <xliff> element: not an XLIFF file".to_owned(),
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

fn problem_at(errors: &mut Vec<Error>, line: usize, message: String) {
    errors.push(Error { line, message });
}

fn push_text(unit: &mut Option<Unit>, which: Text, text: &str) {
    if let Some(unit) = unit {
        unit.text(which).get_or_insert_default().push_str(text);
    }
}

fn resolve(r: &BytesRef<'_>) -> Option<String> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c.to_string());
    }
    quick_xml::escape::resolve_predefined_entity(r).map(str::to_owned)
}

fn local_name(e: &BytesStart<'_>) -> String {
    e.local_name().as_ref().to_owned()
}

/// The unescaped value of attribute `name`, if present and well-formed.
fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    let attr = e.try_get_attribute(name).ok()??;
    attr.normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .ok()
        .map(Cow::into_owned)
}
