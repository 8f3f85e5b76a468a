//! Writing XLIFF 2.0 and 1.2.

use std::borrow::Cow;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::{EXTRADATA, NAMESPACE_1_2, NAMESPACE_2, NAMESPACE_BITEXT};
use crate::inline::{Piece, pieces};
use crate::{FileHeader, MessageState, Pending};

/// The XLIFF version to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XliffVersion {
    /// XLIFF 2.0 (OASIS, 2014): what bitext writes by default.
    V2,
    /// XLIFF 1.2 (OASIS, 2008): what OmegaT, Trados and many CAT tools read best.
    V1_2,
}

/// `messages` as an XLIFF file in `version` with `header`'s languages and
/// project; without a target language it is a template: sources only.
pub fn xliff(messages: &[Pending], header: FileHeader<'_>, version: XliffVersion) -> String {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    let doc = Document {
        source: header.source,
        target: header.target,
        project: header.project,
        version,
    };
    doc.write(&mut writer, messages).expect("writing to memory");
    let mut out = String::from_utf8(writer.into_inner()).expect("XML written from UTF-8 text");
    out.push('\n');
    out
}

struct Document<'a> {
    source: &'a str,
    target: Option<&'a str>,
    project: &'a str,
    version: XliffVersion,
}

type W = Writer<Vec<u8>>;

impl Document<'_> {
    fn write(&self, w: &mut W, messages: &[Pending]) -> std::io::Result<()> {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        let mut root: Vec<(&str, &str)> = match self.version {
            XliffVersion::V2 => vec![
                ("xmlns", NAMESPACE_2),
                ("xmlns:bitext", NAMESPACE_BITEXT),
                ("version", "2.0"),
                ("srcLang", self.source),
            ],
            XliffVersion::V1_2 => vec![("xmlns", NAMESPACE_1_2), ("version", "1.2")],
        };
        if let (XliffVersion::V2, Some(target)) = (self.version, self.target) {
            root.push(("trgLang", target));
        }
        w.create_element("xliff")
            .with_attributes(root)
            .write_inner_content(|w| {
                let mut rest = messages;
                let mut file = 0;
                while let Some(first) = rest.first() {
                    let count = rest.iter().take_while(|p| p.page == first.page).count();
                    let (page, after) = rest.split_at(count);
                    rest = after;
                    file += 1;
                    self.write_file(w, file, page)?;
                }
                Ok(())
            })?;
        Ok(())
    }

    /// One page's messages as a `<file>`.
    fn write_file(&self, w: &mut W, number: usize, page: &[Pending]) -> std::io::Result<()> {
        let original: &str = &page[0].page;
        match self.version {
            XliffVersion::V2 => {
                let id = format!("f{number}");
                w.create_element("file")
                    .with_attributes([("id", id.as_str()), ("original", original)])
                    .write_inner_content(|w| {
                        w.create_element("notes").write_inner_content(|w| {
                            w.create_element("note")
                                .with_attribute(("category", "project"))
                                .write_text_content(text_event(self.project))?;
                            Ok(())
                        })?;
                        page.iter()
                            .try_for_each(|p| write_unit_2(w, p, self.target.is_some()))
                    })?;
            }
            XliffVersion::V1_2 => {
                let mut attributes = vec![
                    ("original", original),
                    ("source-language", self.source),
                    ("datatype", "x-markdown"),
                    ("product-name", self.project),
                ];
                if let Some(target) = self.target {
                    attributes.push(("target-language", target));
                }
                w.create_element("file")
                    .with_attributes(attributes)
                    .write_inner_content(|w| {
                        w.create_element("body").write_inner_content(|w| {
                            page.iter()
                                .try_for_each(|p| write_unit_1_2(w, p, self.target.is_some()))
                        })?;
                        Ok(())
                    })?;
            }
        }
        Ok(())
    }
}

/// The fingerprint of the translation a unit is written with, if any.
fn exported(p: &Pending, with_target: bool) -> Option<String> {
    let translation = p.translation.as_deref().filter(|_| with_target)?;
    Some(catalog::Fingerprint::of(translation).to_string())
}

/// The notes of a message: its heading, previous source and word diff.
fn notes(p: &Pending) -> Vec<(&'static str, Cow<'_, str>)> {
    let mut notes = Vec::new();
    if let Some(heading) = &p.heading {
        notes.push(("heading", Cow::Borrowed(&**heading)));
    }
    if let Some(previous) = &p.previous {
        notes.push(("previous-source", Cow::Borrowed(previous.as_str())));
    }
    if let Some(changes) = &p.diff {
        notes.push(("diff", Cow::Owned(diff::render_inline(changes))));
    }
    notes
}

fn write_unit_2(w: &mut W, p: &Pending, with_target: bool) -> std::io::Result<()> {
    let codes = Codes2::of(&p.source, p.translation.as_deref().filter(|_| with_target));
    // What the text is, as the unit's type (a `prefix:value`), and the
    // translation as exported, in bitext's namespace.
    let kind = format!("bitext:{}", p.kind);
    let exported = exported(p, with_target);
    let mut attributes = vec![("id", p.id.as_str()), ("type", kind.as_str())];
    if let Some(fingerprint) = &exported {
        attributes.push(("bitext:translation", fingerprint.as_str()));
    }
    w.create_element("unit")
        .with_attributes(attributes)
        .write_inner_content(|w| {
            let notes = notes(p);
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
            if !codes.data.is_empty() {
                w.create_element("originalData").write_inner_content(|w| {
                    for (number, code) in codes.data.iter().enumerate() {
                        let id = format!("d{}", number + 1);
                        w.create_element("data")
                            .with_attributes([("id", id.as_str()), ("xml:space", "preserve")])
                            .write_text_content(text_event(code))?;
                    }
                    Ok(())
                })?;
            }
            let (state, sub_state) = match (p.state, with_target) {
                (MessageState::Current, true) => ("translated", "bitext:current"),
                (MessageState::Stale, true) => ("initial", "bitext:stale"),
                _ => ("initial", "bitext:missing"),
            };
            w.create_element("segment")
                .with_attributes([("state", state), ("subState", sub_state)])
                .write_inner_content(|w| {
                    w.create_element("source")
                        .with_attribute(("xml:space", "preserve"))
                        .write_text_content(BytesText::from_escaped(codes.source.as_str()))?;
                    if let Some(target) = &codes.target {
                        w.create_element("target")
                            .with_attribute(("xml:space", "preserve"))
                            .write_text_content(BytesText::from_escaped(target.as_str()))?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

/// A unit's texts with XLIFF 2.0 placeholders, and the codes they stand for.
struct Codes2 {
    /// The code of `d1`, `d2`…
    data: Vec<String>,
    source: String,
    target: Option<String>,
}

impl Codes2 {
    /// The source's codes are placeholders 1, 2…; a target code equal to a
    /// source code not yet used takes its number (CAT tools pair them), any
    /// other gets a number of its own.
    fn of(source: &str, target: Option<&str>) -> Codes2 {
        let mut data: Vec<String> = Vec::new();
        let mut out_source = String::with_capacity(source.len() + 16);
        for piece in pieces(source) {
            match piece {
                Piece::Text(t) => push_content(&mut out_source, t, XliffVersion::V2),
                Piece::Code(c) => {
                    data.push(c.to_owned());
                    push_placeholder(&mut out_source, data.len(), c);
                }
            }
        }
        let source_codes = data.len();
        let target = target.map(|target| {
            let mut used = vec![false; source_codes];
            let mut out = String::with_capacity(target.len() + 16);
            for piece in pieces(target) {
                match piece {
                    Piece::Text(t) => push_content(&mut out, t, XliffVersion::V2),
                    Piece::Code(c) => {
                        let number = match (0..source_codes).find(|&i| !used[i] && data[i] == c) {
                            Some(i) => {
                                used[i] = true;
                                i + 1
                            }
                            None => {
                                data.push(c.to_owned());
                                data.len()
                            }
                        };
                        push_placeholder(&mut out, number, c);
                    }
                }
            }
            out
        });
        Codes2 {
            data,
            source: out_source,
            target,
        }
    }
}

/// `<ph id="n" dataRef="dn" disp="…"/>`: `disp` shows the code in editors.
fn push_placeholder(out: &mut String, number: usize, code: &str) {
    out.push_str(&format!(
        "<ph id=\"{number}\" dataRef=\"d{number}\" disp=\""
    ));
    push_escaped(out, code);
    out.push_str("\"/>");
}

fn write_unit_1_2(w: &mut W, p: &Pending, with_target: bool) -> std::io::Result<()> {
    // What the text is, as a resource type of bitext's own (`x-`), and the
    // translation as exported, as the unit's extra data.
    let kind = format!("x-{}", p.kind);
    let extradata = exported(p, with_target).map(|f| format!("{EXTRADATA}{f}"));
    let mut attributes = vec![
        ("id", p.id.as_str()),
        ("restype", kind.as_str()),
        ("xml:space", "preserve"),
    ];
    if let Some(extradata) = &extradata {
        attributes.push(("extradata", extradata.as_str()));
    }
    w.create_element("trans-unit")
        .with_attributes(attributes)
        .write_inner_content(|w| {
            w.create_element("source")
                .write_text_content(BytesText::from_escaped(codes_1_2(&p.source)))?;
            if let (true, Some(translation)) = (with_target, &p.translation) {
                let state = match p.state {
                    MessageState::Current => "translated",
                    _ => "needs-review-translation",
                };
                w.create_element("target")
                    .with_attribute(("state", state))
                    .write_text_content(BytesText::from_escaped(codes_1_2(translation)))?;
            }
            // 1.2 notes have no category: the text says what each is.
            for (category, text) in notes(p) {
                w.create_element("note")
                    .with_attribute(("from", "bitext"))
                    .write_text_content(text_event(&format!("{category}: {text}")))?;
            }
            Ok(())
        })?;
    Ok(())
}

/// A text with XLIFF 1.2 placeholders: `<ph id="n">code</ph>`.
fn codes_1_2(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut number = 0;
    for piece in pieces(text) {
        match piece {
            Piece::Text(t) => push_content(&mut out, t, XliffVersion::V1_2),
            Piece::Code(c) => {
                number += 1;
                out.push_str(&format!("<ph id=\"{number}\">"));
                push_escaped(&mut out, c);
                out.push_str("</ph>");
            }
        }
    }
    out
}

/// Escaped text: the XML specials, quotes (the text may go in an
/// attribute), and a carriage return as a character reference, because XML
/// parsers turn a literal one into a line feed. A character XML 1.0 cannot
/// hold at all (a control character other than tab and line breaks) is
/// U+FFFD here: this is for notes and attributes, which are shown, never
/// read back; texts go through [`push_content`].
fn push_escaped(out: &mut String, text: &str) {
    let text = if text.chars().all(crate::inline::xml_char) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(
            text.chars()
                .map(|c| {
                    if crate::inline::xml_char(c) {
                        c
                    } else {
                        '\u{FFFD}'
                    }
                })
                .collect(),
        )
    };
    out.push_str(&quick_xml::escape::escape(&*text).replace('\r', "&#13;"));
}

/// A source or target text, escaped; a character XML 1.0 cannot hold
/// (a control character a translation platform left in, such as U+0008)
/// is markup that reads back as it: `<cp hex="0008"/>` in 2.0, in 1.2
/// `<x id="cp1" ctype="x-bitext-cp-0008"/>` (1.2 has no element for it).
fn push_content(out: &mut String, text: &str, version: XliffVersion) {
    let mut rest = text;
    let mut number = 0;
    while let Some((at, c)) = rest
        .char_indices()
        .find(|&(_, c)| !crate::inline::xml_char(c))
    {
        push_escaped(out, &rest[..at]);
        let hex = u32::from(c);
        match version {
            XliffVersion::V2 => out.push_str(&format!("<cp hex=\"{hex:04X}\"/>")),
            XliffVersion::V1_2 => {
                number += 1;
                out.push_str(&format!(
                    "<x id=\"cp{number}\" ctype=\"x-bitext-cp-{hex:04X}\"/>"
                ));
            }
        }
        rest = &rest[at + c.len_utf8()..];
    }
    push_escaped(out, rest);
}

fn text_event(text: &str) -> BytesText<'static> {
    let mut escaped = String::with_capacity(text.len());
    push_escaped(&mut escaped, text);
    BytesText::from_escaped(escaped)
}
