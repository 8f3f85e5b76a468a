//! Reading XLIFF 2.0 and 1.2: the version is the root's `version`.

use std::borrow::Cow;
use std::collections::HashMap;

use catalog::Fingerprint;
use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};

use crate::{Error, Submitted, line_of};

/// The `ctype` prefix of a 1.2 `<x/>` that stands for one character.
const CP_TYPE: &str = "x-bitext-cp-";

/// The units of an XLIFF 2.0 or 1.2 file. A unit needs an `id`, its
/// `<file>` an `original` (the page). Inline codes read back as the code
/// they stand for: a 2.0 `<ph>`, `<sc>`, `<ec>` or `<pc>` by its `dataRef`
/// into the unit's `<originalData>`, a 1.2 `<ph>`, `<bpt>`, `<ept>` or
/// `<it>` by its content. A code whose text the file does not hold (a 2.0
/// one without `dataRef`, a 1.2 `<x/>`, `<g>`), and a 2.0 unit of several
/// segments, are errors: dropping them would lose text.
pub fn read_xliff(text: &str) -> Result<Vec<Submitted>, Vec<Error>> {
    let mut reader = Reader::from_str(text);
    let mut state = State::default();
    // Lines are counted as the reader moves on, never from the start again.
    let (mut counted_to, mut counted_line) = (0, 1);
    loop {
        let at = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                state.errors.push(Error {
                    line: line_of(text, reader.error_position() as usize),
                    message: format!("not well-formed XML: {e}"),
                });
                break;
            }
        };
        counted_line += text.as_bytes()[counted_to..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        counted_to = at;
        let line = counted_line;
        match event {
            Event::Start(e) => {
                state.open.push(local_name(&e));
                state.start(&e, false, line);
            }
            Event::Empty(e) => state.start(&e, true, line),
            Event::End(e) => {
                state.open.pop();
                state.end(e.local_name().as_ref());
            }
            Event::Text(t) => state.push(&t.xml10_content()),
            Event::CData(t) => state.push(&t),
            Event::GeneralRef(r) => match resolve(&r) {
                Some(c) => state.push(&c),
                None if state.inside.is_some() => {
                    state.problem(line, format!("unknown entity `&{};`", &*r))
                }
                None => {}
            },
            Event::Eof => {
                if let Some(element) = state.open.last() {
                    let message = format!(
                        "the file ends inside <{element}> ({} element(s) left open): it is truncated",
                        state.open.len()
                    );
                    state.problem(line, message);
                }
                break;
            }
            _ => {}
        }
    }
    state.finish()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Version {
    V2,
    V1_2,
}

/// Which text the reader is in.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Inside {
    Source,
    Target,
    /// A 2.0 `<data>` of the unit's original data, by id.
    Data(String),
}

/// Where the reader is inside a unit.
#[derive(Debug, Default)]
struct Unit {
    line: usize,
    id: String,
    segments: usize,
    /// 2.0: the segment's `state`; 1.2: the target's.
    state: Option<String>,
    source: Option<String>,
    target: Option<String>,
    /// 2.0: the codes of `<originalData>`, by id.
    data: HashMap<String, String>,
    /// The fingerprint of the translation as exported.
    exported: Option<Fingerprint>,
}

#[derive(Debug, Default)]
struct State {
    version: Option<Version>,
    saw_xliff: bool,
    page: Option<String>,
    unit: Option<Unit>,
    inside: Option<Inside>,
    /// The codes to write when each open 2.0 `<pc>` closes.
    pc_ends: Vec<Option<String>>,
    /// Elements open: a file that ends with some open is truncated.
    open: Vec<String>,
    out: Vec<Submitted>,
    errors: Vec<Error>,
}

impl State {
    fn problem(&mut self, line: usize, message: String) {
        self.errors.push(Error { line, message });
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool, line: usize) {
        let name = local_name(e);
        if matches!(self.inside, Some(Inside::Source | Inside::Target)) {
            self.inline(e, &name, empty, line);
            return;
        }
        match name.as_str() {
            "xliff" => self.root(e, line),
            "file" => self.page = attribute(e, "original"),
            "unit" | "trans-unit" => {
                let exported = attribute(e, "bitext:translation")
                    .or_else(|| {
                        attribute(e, "extradata")?
                            .strip_prefix(super::EXTRADATA)
                            .map(str::to_owned)
                    })
                    .and_then(|f| Fingerprint::parse(&f));
                self.unit = Some(Unit {
                    line,
                    id: attribute(e, "id").unwrap_or_default(),
                    exported,
                    ..Unit::default()
                });
            }
            "segment" => {
                if let Some(unit) = &mut self.unit {
                    unit.segments += 1;
                    unit.state = attribute(e, "state");
                }
            }
            "data" if self.unit.is_some() && !empty => {
                self.inside = Some(Inside::Data(attribute(e, "id").unwrap_or_default()));
            }
            "source" | "target" => {
                let Some(unit) = &mut self.unit else { return };
                let which = if name == "source" {
                    Inside::Source
                } else {
                    if self.version == Some(Version::V1_2) {
                        unit.state = attribute(e, "state");
                    }
                    Inside::Target
                };
                unit.text(&which).get_or_insert_default();
                // `<target/>` is an empty text and has no end tag.
                if !empty {
                    self.inside = Some(which);
                }
            }
            _ => {}
        }
    }

    fn root(&mut self, e: &BytesStart<'_>, line: usize) {
        self.saw_xliff = true;
        let version = attribute(e, "version").unwrap_or_default();
        self.version = if version.starts_with('2') {
            Some(Version::V2)
        } else if version == "1.2" {
            Some(Version::V1_2)
        } else {
            self.problem(
                line,
                format!("XLIFF version `{version}`: bitext reads XLIFF 2.0 and 1.2"),
            );
            None
        };
    }

    /// An element inside a source or target: an inline code.
    fn inline(&mut self, e: &BytesStart<'_>, name: &str, empty: bool, line: usize) {
        match (self.version, name) {
            (Some(Version::V2), "ph" | "sc" | "ec") => {
                let code = self.data(e, "dataRef");
                match code {
                    Some(code) => self.push(&code),
                    None => self.lost_code(name, line),
                }
            }
            (Some(Version::V2), "pc") => {
                match self.data(e, "dataRefStart") {
                    Some(code) => self.push(&code),
                    None => self.lost_code(name, line),
                }
                let end = self.data(e, "dataRefEnd");
                if end.is_none() {
                    self.lost_code(name, line);
                }
                if empty {
                    self.push(end.as_deref().unwrap_or_default());
                } else {
                    self.pc_ends.push(end);
                }
            }
            (Some(Version::V2), "cp") => {
                let hex = attribute(e, "hex").unwrap_or_default();
                match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    Some(c) => self.push(c.encode_utf8(&mut [0; 4])),
                    None => self.problem(line, format!("<cp hex=\"{hex}\"> is not a character")),
                }
            }
            // A character XML cannot hold, as bitext writes it in 1.2.
            (Some(Version::V1_2), "x")
                if attribute(e, "ctype").is_some_and(|t| t.starts_with(CP_TYPE)) =>
            {
                let ctype = attribute(e, "ctype").unwrap_or_default();
                let hex = &ctype[CP_TYPE.len()..];
                match u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
                    Some(c) => self.push(c.encode_utf8(&mut [0; 4])),
                    None => self.problem(line, format!("<x ctype=\"{ctype}\"> is not a character")),
                }
            }
            // 1.2 codes hold their native code as content: it is read as text.
            (Some(Version::V1_2), "x" | "bx" | "ex" | "g") => self.lost_code(name, line),
            _ => {}
        }
    }

    /// The original data that attribute `key` of `e` refers to.
    fn data(&self, e: &BytesStart<'_>, key: &str) -> Option<String> {
        let id = attribute(e, key)?;
        self.unit.as_ref()?.data.get(&id).cloned()
    }

    fn lost_code(&mut self, name: &str, line: usize) {
        self.problem(
            line,
            format!(
                "inline element <{name}> without the code it stands for: bitext's texts are Markdown, so it cannot be kept"
            ),
        );
    }

    fn end(&mut self, name: &str) {
        match name {
            "source" | "target" => self.inside = None,
            "data" if matches!(self.inside, Some(Inside::Data(_))) => self.inside = None,
            "pc" if matches!(self.inside, Some(Inside::Source | Inside::Target)) => {
                if let Some(code) = self.pc_ends.pop().flatten() {
                    self.push(&code);
                }
            }
            "file" => self.page = None,
            "unit" | "trans-unit" => {
                if let Some(unit) = self.unit.take() {
                    self.finish_unit(unit);
                }
            }
            _ => {}
        }
    }

    fn finish_unit(&mut self, u: Unit) {
        if u.id.is_empty() {
            self.problem(u.line, "a unit without an id".to_owned());
        } else if u.segments > 1 {
            let message = format!(
                "unit `{}` has {} segments; bitext writes one per unit",
                u.id, u.segments
            );
            self.problem(u.line, message);
        } else if let Some(source) = u.source {
            let needs_review = match self.version {
                Some(Version::V1_2) => u
                    .state
                    .as_deref()
                    .is_some_and(|s| s == "new" || s.starts_with("needs-")),
                _ => u.state.as_deref() == Some("initial"),
            };
            self.out.push(Submitted {
                reference: None,
                exported: u.exported,
                line: u.line,
                page: self.page.clone(),
                id: u.id,
                source: Some(Fingerprint::of(&source)),
                source_text: Some(source),
                translation: u.target.filter(|t| !t.is_empty()),
                needs_review,
            });
        } else {
            self.problem(u.line, format!("unit `{}` has no <source>", u.id));
        }
    }

    /// Text read where the reader is.
    fn push(&mut self, text: &str) {
        let (Some(inside), Some(unit)) = (&self.inside, &mut self.unit) else {
            return;
        };
        match inside {
            Inside::Data(id) => unit.data.entry(id.clone()).or_default().push_str(text),
            which => unit.text(which).get_or_insert_default().push_str(text),
        }
    }

    fn finish(mut self) -> Result<Vec<Submitted>, Vec<Error>> {
        if self.errors.is_empty() && !self.saw_xliff {
            self.problem(1, "no <xliff> element: not an XLIFF file".to_owned());
        }
        if self.errors.is_empty() {
            Ok(self.out)
        } else {
            Err(self.errors)
        }
    }
}

impl Unit {
    fn text(&mut self, which: &Inside) -> &mut Option<String> {
        match which {
            Inside::Target => &mut self.target,
            _ => &mut self.source,
        }
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
